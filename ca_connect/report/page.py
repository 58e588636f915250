"""The report as one self-contained HTML page: plotly.js, styles, data and figures inline.

Imported only by `caconnect report` (it imports Plotly).
"""

from __future__ import annotations

import html
import json
from typing import Any, TextIO, get_args

import plotly.io as pio
from plotly.offline import get_plotlyjs

from ..models import InitiativeType
from .assemble import MAX_PARTNERS, ReportData
from .figures import (
    initiative_colours,
    mark_records,
    partners_figure,
    stage_colours,
    storyline_figure,
    yearly_figure,
)
from .storylines import MAX_MARKS

_CONFIG = {"displaylogo": False, "responsive": True}

_STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0 auto;
       max-width: 1200px; padding: 0 16px 40px; color: #222; line-height: 1.4; }
h1 { font-size: 24px; margin: 20px 0 4px; } h2 { font-size: 19px; margin: 28px 0 4px; }
.sub, .note { color: #555; font-size: 13px; margin: 2px 0 8px; }
.cap { background: #fff4ce; padding: 4px 8px; border-radius: 3px; display: inline-block; }
#evidence { border-left: 4px solid #4292c6; background: #f4f8fb; padding: 8px 12px;
            font-size: 14px; min-height: 2.5em; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e5e5e5;
         vertical-align: top; }
td.nowrap, th { white-space: nowrap; }
details summary { cursor: pointer; color: #08519c; margin: 8px 0; }
"""

# Click a mark: its evidence, article and link in the panel under the chart.
_CLICK = """
(function () {
  var marks = JSON.parse(document.getElementById('marks').textContent);
  var panel = document.getElementById('evidence');
  function esc(s) { var d = document.createElement('div'); d.textContent = s; return d.innerHTML; }
  document.getElementById('storylines-chart').on('plotly_click', function (event) {
    var point = event.points[0];
    if (point.customdata === undefined) { return; }
    var m = marks[point.customdata];
    var where = [m.article, m.source, m.title].filter(Boolean).map(esc).join(' · ');
    var link = m.url ? ' <a href="' + esc(m.url) + '">' + esc(m.url) + '</a>' : '';
    panel.innerHTML = '<b>' + esc(m.storyline) + '</b>: ' + esc(m.stage) + ', ' +
      esc(m.date || 'undated') + (m.target ? ', aiming at ' + esc(m.target) : '') +
      (m.count > 1 ? ' · ' + m.count + ' events' : '') +
      '<br>\\u201c' + esc(m.evidence) + '\\u201d<br><small>' + where + link + '</small>';
  });
})();
"""


def write_page(data: ReportData, file: TextIO) -> None:
    """Write the whole report page to `file`."""
    records = mark_records(data)
    types = [*get_args(InitiativeType), "other"]
    coverage = data.coverage
    cap = ""
    if coverage.storylines > coverage.shown:
        cap = (
            f"<p class='note cap'>Showing the {coverage.shown} storylines with the most events "
            f"of {coverage.storylines} (--top {coverage.top}).</p>"
        )
    if coverage.hidden_marks:
        cap += (
            f"<p class='note cap'>{coverage.hidden_marks} older marks of long storylines are "
            f"not drawn: each lane shows at most its {MAX_MARKS} latest.</p>"
        )
    parts = [
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{html.escape(data.title)}</title><style>{_STYLE}</style>",
        f"<script>{get_plotlyjs()}</script></head><body>",
        f"<h1>{html.escape(data.title)}</h1>",
        f"<p class='sub'>{coverage.articles} articles · {coverage.events} deal events · "
        f"made by caconnect {html.escape(coverage.version)} · see <a href='#coverage'>"
        "coverage and caveats</a></p>",
        "<h2 id='storylines'>Deal storylines</h2>",
        "<p class='note'>One lane per deal followed across articles (see the caconnect "
        "README, “Deals”), with its status and how many articles report it; then, marked "
        "“no deal”, one lane per group of the events no deal links (the Central Asian "
        "countries acting, their first-named partner and the first initiative type), with "
        "the furthest stage it reached. A mark is a stage on the date an "
        "article gives; a date known only to the month or year is drawn as a shaded span "
        "with the mark in its middle; a plan is drawn when it was stated (its target, if "
        "any, is in its evidence); events with no date stand in the right-hand column. "
        "Hover over a mark for its evidence, or click it to show it below.</p>",
        cap,
        _figure(storyline_figure(data), "storylines-chart"),
        "<div id='evidence'>Click a mark to see its evidence here.</div>",
        "<details><summary>Evidence of every mark drawn</summary>",
        _evidence_table(records),
        "</details>",
        "<h2 id='partners'>Partners</h2>",
        f"<p class='note'>Each country's partners in its deal events (at most {MAX_PARTNERS}, "
        "most events "
        "first), bars split by stage; the end of each bar gives the number of events and the "
        "furthest stage reached. A country's own agencies are not its partners.</p>",
        _figure(partners_figure(data), "partners-chart"),
        "<h2 id='over-time'>Over time</h2>",
        "<p class='note'>Deal events per year. An event of two initiative types counts under "
        "each; a plan counts in the year it was stated.</p>",
        _figure(
            yearly_figure(data.years_by_type, initiative_colours(types), "by initiative type"),
            "types-chart",
        ),
        _figure(yearly_figure(data.years_by_stage, stage_colours(), "by stage"), "stages-chart"),
        "<h2 id='coverage'>Coverage and caveats</h2>",
        _coverage_table(data),
        "<p class='note'>Events are read from single sentences by rules (see the caconnect "
        "README, “Deal events”): a sentence can be missed or misread, and an event reported "
        "by several articles is counted once per article.</p>",
        f"<script type='application/json' id='marks'>{_json(records)}</script>",
        f"<script>{_CLICK}</script>",
        "</body></html>\n",
    ]
    for part in parts:
        file.write(part)


def _figure(figure: Any, div_id: str) -> str:
    return pio.to_html(
        figure, include_plotlyjs=False, full_html=False, div_id=div_id, config=_CONFIG
    )


def _json(value: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def _evidence_table(records: list[dict[str, Any]]) -> str:
    rows = [
        "<table><tr><th>storyline</th><th>date</th><th>stage</th><th>evidence</th>"
        "<th>article</th></tr>"
    ]
    for record in records:
        date = record["date"] or "undated"
        if record["target"]:
            date += f" (target {record['target']})"
        article = html.escape(record["article"])
        if record["url"]:
            article = f"<a href='{html.escape(record['url'])}'>{article}</a>"
        source = f"<br>{html.escape(record['source'])}" if record["source"] else ""
        count = f" (×{record['count']})" if record["count"] > 1 else ""
        rows.append(
            f"<tr><td>{html.escape(record['storyline'])}</td>"
            f"<td class='nowrap'>{html.escape(date)}</td>"
            f"<td class='nowrap'>{record['stage']}{count}</td>"
            f"<td>{html.escape(record['evidence'])}</td>"
            f"<td class='nowrap'>{article}{source}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _coverage_table(data: ReportData) -> str:
    coverage = data.coverage
    span = f"{coverage.first_date} to {coverage.last_date}" if coverage.first_date else "no dates"
    shown = (
        f"{coverage.shown} of {coverage.storylines}: {coverage.shown_deals} of "
        f"{coverage.deals} deals, {coverage.shown - coverage.shown_deals} of "
        f"{coverage.storylines - coverage.deals} groups of events in no deal"
    )
    if coverage.storylines > coverage.shown:
        shown += f" (the deals with the most events first; --top {coverage.top})"
    rows = [
        ("articles", f"{coverage.articles}, of which {coverage.undated_articles} undated"),
        ("publication dates", span),
        ("deal events", f"{coverage.events}, of which {coverage.undated_events} undated"),
        ("storylines drawn", shown),
        ("filters", " ".join(coverage.filters) or "none: the whole corpus"),
        ("caconnect version", coverage.version),
        ("dictionary (SHA-256)", coverage.dictionary_hash),
    ]
    cells = "".join(
        f"<tr><th>{name}</th><td>{html.escape(str(value))}</td></tr>" for name, value in rows
    )
    return f"<table class='coverage'>{cells}</table>"
