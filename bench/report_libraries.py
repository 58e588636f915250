"""Plotly or Vega-Lite for `caconnect report`: file size, time to write, time to open.

    pip install altair vl-convert-python   # only for this comparison
    python bench/report_libraries.py DATA [--country TM] [--top 30]

Assembles the report of DATA once (through its index), then draws the same data with
each library: the Plotly page `caconnect report` writes, and a Vega-Lite page made
with altair (storyline marks and spans with tooltips, partners, events per year) with
vega, vega-lite and vega-embed inline (`inline=True`, bundled by vl-convert). Each is
written twice in one process: the first time includes what a command run pays once
(altair bundles its JavaScript on first use), timed by the wall clock and by this
process's CPU time (vl-convert's bundling runs in threads of this process). With
Debian's Chromium and playwright, each page is also opened and timed until its charts
are drawn.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path
from typing import Any

from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals.query import select_deals
from ca_connect.report.assemble import ReportData, assemble
from ca_connect.report.figures import mark_records

CHROMIUM = "/usr/bin/chromium"


def plotly_page(data: ReportData) -> str:
    from ca_connect.report.page import write_page

    page = io.StringIO()
    write_page(data, page)
    return page.getvalue()


def altair_page(data: ReportData) -> str:
    import altair as alt

    alt.data_transformers.disable_max_rows()
    marks = []
    for record, line in _records_with_lines(data):
        date = line["date"]
        marks.append({**record, "lane": line["lane"], **date})
    storylines = alt.Chart(alt.Data(values=marks)).encode(y=alt.Y("lane:N", sort=None, title=None))
    spans = storylines.mark_rule(size=10, opacity=0.35).encode(
        x="start:T", x2="end:T", color="stage:N"
    )
    points = storylines.mark_point(filled=True, size=120).encode(
        x=alt.X("mid:T", title=None),
        color="stage:N",
        shape="stage:N",
        tooltip=[f"{k}:N" for k in ("stage", "date", "evidence", "article", "source", "url")],
    )
    partners = [
        {"country": name, "partner": p.name, "stage": stage, "events": n}
        for name, rows in data.partners.values()
        for p in rows
        for stage, n in p.stages.items()
    ]
    partner_chart = (
        alt.Chart(alt.Data(values=partners))
        .mark_bar()
        .encode(x="sum(events):Q", y=alt.Y("partner:N", sort="-x"), color="stage:N")
        .facet(row="country:N")
        .resolve_scale(y="independent")
    )
    yearly = [
        alt.Chart(alt.Data(values=rows)).mark_bar().encode(x="year:O", y="sum(n):Q", color="k:N")
        for rows in (_yearly(data.years_by_type), _yearly(data.years_by_stage))
    ]
    page = alt.vconcat((spans + points).properties(width=900), partner_chart, *yearly)
    return page.to_html(inline=True)


def _records_with_lines(data: ReportData) -> Any:
    records = iter(mark_records(data))
    for line in data.storylines:
        for mark in line.marks:
            record = next(records)
            if mark.date is None:
                date = {"start": None, "end": None, "mid": None}
            else:
                first, last = mark.date.first_day(), mark.date.last_day()
                mid = first + (last - first) / 2
                date = {"start": str(first), "end": str(last), "mid": str(mid)}
            yield record, {"lane": line.name, "date": date}


def _yearly(counts: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"year": y, "k": k, "n": n} for y, counter in counts.items() for k, n in counter.items()
    ]


def open_time(path: Path) -> float | None:
    """Seconds from navigation until every chart of the page has drawn (None: no browser)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).is_file():
        return None
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function(
            "document.querySelectorAll('.main-svg, .vega-embed svg, .vega-embed canvas')"
            ".length > 0 && document.readyState === 'complete'",
            timeout=120_000,
        )
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--country", action="append", default=[])
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", type=Path, default=Path("/tmp"))
    args = parser.parse_args()
    corpus = open_corpus(DataDir(args.data))
    filters = corpus.filters(countries=args.country)
    start = time.perf_counter()
    data = assemble(
        corpus,
        filters,
        select_deals(corpus, filters),
        top=args.top,
        options={"countries": args.country},
        version="bench",
        dictionary=DataDir(args.data).entities,
    )
    print(f"assemble: {time.perf_counter() - start:.2f} s, {len(mark_records(data))} marks")
    for name, draw in (("plotly", plotly_page), ("altair", altair_page)):
        times = []
        for _ in range(2):
            start, cpu = time.perf_counter(), time.process_time()
            page = draw(data)
            times.append((time.perf_counter() - start, time.process_time() - cpu))
        path = args.out / f"report-{name}.html"
        path.write_text(page, encoding="utf-8")
        opened = open_time(path)
        shown = f"{opened:.2f} s" if opened is not None else "not measured"
        (first, first_cpu), (again, again_cpu) = times
        print(
            f"{name}: {len(page.encode()) / 1e6:.2f} MB, write {first:.2f} s, CPU "
            f"{first_cpu:.2f} s (again {again:.2f} s, CPU {again_cpu:.2f} s), "
            f"open in Chromium {shown}"
        )


if __name__ == "__main__":
    main()
