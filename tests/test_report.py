"""`caconnect report`: the data it assembles, the page it writes, and the page in Chromium."""

from __future__ import annotations

import importlib.util
import io
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals.model import Deal, DealParty, HistoryEntry
from ca_connect.deals.query import select_deals
from ca_connect.models import Event, Party
from ca_connect.query import year_key
from ca_connect.report.assemble import (
    MAX_PARTNERS,
    ReportData,
    assemble,
    describe_options,
    partners_by_country,
    yearly_counts,
)
from ca_connect.report.storylines import (
    MAX_MARKS,
    Storyline,
    event_mark,
    from_deal,
    group_events,
    merge_marks,
    status,
)
from ca_connect.vocab import CENTRAL_ASIA, Filters

from .conftest import PROJECT

COUNTRIES = {"TM": "Turkmenistan", "KZ": "Kazakhstan", "CN": "China"}
CHROMIUM = Path("/usr/bin/chromium")


def event(stage: str, date: str | None, *parties: Party, number: int = 1, **extra) -> Event:
    """An event written here (not read from an article)."""
    return Event(
        article_id=extra.pop("article_id", "a1"),
        number=number,
        stage=stage,
        date=date,
        parties=list(parties),
        initiatives=extra.pop("initiatives", ["fiber"]),
        field="body",
        start=0,
        end=10,
        text=extra.pop("text", "A sentence of evidence."),
        **extra,
    )


TM = Party(id="TM", name="Turkmenistan", kind="country", country="TM")
KZ = Party(id="KZ", name="Kazakhstan", kind="country", country="KZ")
CN = Party(id="CN", name="China", kind="country", country="CN")
TM_MINISTRY = Party(id="tm-ministry", name="Ministry of Turkmenistan", kind="agency", country="TM")
ACME = Party(id="acme", name="Acme Cables", kind="company", country="CN")


@pytest.fixture(scope="module")
def seeds():
    """The seed articles, tagged in memory once for the module (nothing is written)."""
    return open_corpus(DataDir(PROJECT / "data"), use_index=False)


def tm_report(seeds, top: int = 30) -> ReportData:
    filters = seeds.filters(countries=("TM",))
    return assemble(
        seeds,
        filters,
        select_deals(seeds, filters),
        top=top,
        options={"countries": ("TM",)},
        version="test",
        dictionary=PROJECT / "data" / "entities.yaml",
    )


# --- Storylines --------------------------------------------------------------------


def test_events_group_by_home_country_lead_partner_and_type() -> None:
    events = [
        event("talks", "2024-05-02", TM, ACME, number=1),
        event("agreement", "2025", ACME, TM, number=2),  # the same pair, in either order
        event("talks", "2024-06", TM, CN, number=3),  # another lead partner
        event("plan", None, TM_MINISTRY, number=4, initiatives=["5g"]),  # acts by its agency
    ]
    lines = {line.name: line for line in group_events(events, COUNTRIES)[0]}
    assert set(lines) == {
        "Turkmenistan – Acme Cables · fiber",
        "Turkmenistan – China · fiber",
        "Turkmenistan · 5g",
    }
    cable = lines["Turkmenistan – Acme Cables · fiber"]
    assert [(m.stage, str(m.date)) for m in cable.marks] == [
        ("talks", "2024-05-02"),
        ("agreement", "2025"),
    ]
    assert (cable.status, cable.sources, cable.events) == ("agreement", 1, 2)
    assert lines["Turkmenistan · 5g"].status == "plan"


def test_storylines_with_most_events_come_first() -> None:
    events = [
        event("talks", "2024", TM, CN, number=1),
        event("mou", "2025", TM, CN, number=2),
        event("talks", "2023", KZ, CN, number=3),
    ]
    names = [line.name for line in group_events(events, COUNTRIES)[0]]
    assert names == ["Turkmenistan – China · fiber", "Kazakhstan – China · fiber"]


@pytest.mark.parametrize(
    ("stages", "expected"),
    [
        ([("talks", "2024"), ("agreement", "2025")], "agreement"),
        ([("launch", "2024"), ("cancelled", "2025")], "cancelled"),
        ([("cancelled", "2023"), ("talks", "2025")], "talks"),  # talks resumed after a halt
        ([("plan", "2024"), ("plan", None)], "plan"),
        ([("talks", None), ("cancelled", None)], "cancelled"),
    ],
)
def test_status_is_the_last_halt_or_the_furthest_stage(stages, expected) -> None:
    events = [event(stage, date, TM, number=i + 1) for i, (stage, date) in enumerate(stages)]
    assert status(events) == expected


def test_events_of_one_stage_and_date_make_one_mark() -> None:
    events = [
        event("plan", "2025-03-03", TM, number=1, text="First plan sentence."),
        event("plan", "2025-03-03", TM, number=2, text="Second plan sentence."),
        event("plan", "2025-03-03", TM, number=3, planned=True, target="2026"),
    ]
    marks = merge_marks([event_mark(e) for e in events])
    assert [(m.stage, str(m.date), str(m.target), m.count) for m in marks] == [
        ("plan", "2025-03-03", "None", 2),
        ("plan", "2025-03-03", "2026", 1),  # another plan: it aims at 2026
    ]
    assert marks[0].evidence == "First plan sentence."


def test_a_long_storyline_draws_its_latest_marks() -> None:
    events = [event("talks", f"{1900 + i}", TM, CN, number=i + 1) for i in range(MAX_MARKS + 5)]
    (line,), _ = group_events(events, COUNTRIES)
    assert len(line.marks) == MAX_MARKS and line.hidden_marks == 5
    assert str(line.marks[-1].date) == str(1900 + MAX_MARKS + 4)


# --- Assembly on the seeds ------------------------------------------------------------


def test_a_deal_is_a_storyline() -> None:
    def entry(stage: str, date: str | None, target: str | None = None) -> HistoryEntry:
        evidence = f"The partners reached the {stage} stage."
        return HistoryEntry(
            stage=stage,
            event_stage=stage,
            date=date,
            target=target,
            evidence=evidence,
            article="a1",
            event=1,
        )

    deal = Deal(
        id="acme-tm-cable",
        name="Acme – Turkmenistan cable",
        parties=[
            DealParty(id="TM", name="Turkmenistan", kind="country", country="TM", joined="a1#1"),
            DealParty(id="acme", name="Acme Cables", kind="company", joined="a1#1"),
        ],
        initiatives=["fiber"],
        history=[
            entry("talks", "2024-05"),
            entry("agreement", "2025-01-10"),
            entry("plan", None, target="2027"),
            entry("stalled", "2026"),
        ],
        status="stalled",
        articles=3,
    )
    line = from_deal(deal)
    assert (line.kind, line.name, line.status, line.sources, line.events) == (
        "deal",
        "Acme – Turkmenistan cable",
        "stalled",
        3,
        4,
    )
    assert line.parties == ["Turkmenistan", "Acme Cables"]
    assert [(m.stage, str(m.date), str(m.target)) for m in line.marks] == [
        ("talks", "2024-05", "None"),
        ("agreement", "2025-01-10", "None"),
        ("plan", "None", "2027"),  # undated: drawn apart, its target in the evidence
        ("stalled", "2026", "None"),
    ]


def test_turkmenistan_storylines_of_the_seeds(seeds) -> None:
    data = tm_report(seeds)
    lines = {line.name: line for line in data.storylines}
    assert [(line.kind, line.name) for line in data.storylines] == [
        ("deal", "Starlink, SpaceX – Turkmenistan"),
        ("deal", "Huawei – Turkmenistan"),
        ("events", "Turkmenistan · cybersecurity"),  # events no deal links
        ("events", "Turkmenistan · fiber"),
    ]
    satellite = lines["Starlink, SpaceX – Turkmenistan"]
    assert [(m.stage, str(m.date), str(m.target), m.count) for m in satellite.marks] == [
        ("launch", "2015-04", "None", 1),
        ("talks", "2026-02-04", "None", 1),
        ("plan", "2026-02-12", "None", 2),
        ("plan", "2026-02-12", "2025", 1),
        ("plan", "2026-02-12", "2026", 1),  # Kyrgyzstan first, then three more a year later
    ]
    cyber = lines["Turkmenistan · cybersecurity"]
    # The cooperation to expand, the partnerships to strengthen and the programme `for
    # 2025-2027` are one plan told on (merge8, session 10), aiming at 2027; acceding to
    # conventions is a plan of its own.
    assert [(m.stage, str(m.target), m.count) for m in cyber.marks] == [
        ("plan", "2027", 1),
        ("plan", "None", 1),
        ("talks", "None", 1),
    ]
    assert (cyber.status, cyber.sources) == ("talks", 1)
    assert data.title == "Digital-connectivity deals: Turkmenistan"
    name, partners = data.partners["TM"]
    assert name == "Turkmenistan"
    assert [(p.name, p.events, p.reached) for p in partners[:3]] == [
        ("SpaceX", 2, "launch"),
        ("Starlink", 2, "talks"),
        ("Huawei", 1, "deployment"),
    ]
    article = data.articles[satellite.marks[0].article_id]
    assert (article.id, article.date) == ("004_c790570d8809d829", "2026-02-12")


def test_coverage_says_what_the_page_stands_on(seeds) -> None:
    coverage = tm_report(seeds, top=2).coverage
    assert (coverage.articles, coverage.undated_articles) == (2, 0)
    assert (coverage.first_date, coverage.last_date) == ("2025-03-03", "2026-02-12")
    assert (coverage.shown, coverage.storylines, coverage.top) == (2, 4, 2)
    assert (coverage.deals, coverage.shown_deals) == (2, 2)
    assert coverage.filters == ["--country TM"]
    assert re.fullmatch(r"[0-9a-f]{12}", coverage.dictionary_hash)


def test_partners_of_each_central_asian_country_without_a_country_filter(seeds) -> None:
    found = partners_by_country(seeds, Filters(), COUNTRIES)
    assert list(found) == [code for code in CENTRAL_ASIA if code in found]  # in order
    assert found and all(partners for _, partners in found.values())
    # The store's partners of the country, most events first, cut at the report's cap.
    assert [p.name for p in found["TJ"][1]] == [
        row["partner"] for row in seeds.partners(Filters(countries=("TJ",)))
    ][:MAX_PARTNERS]


def test_events_per_year_by_type_and_stage_are_counted_by_the_store(seeds) -> None:
    by_type, by_stage = yearly_counts(*seeds.event_counts(Filters()))
    events = seeds.events(Filters())
    types: Counter[tuple[str, str]] = Counter()
    for one in events:  # an event of two types counts under each, of none under `other`
        types.update((year_key(one.date), kind) for kind in one.initiatives or ["other"])
    assert {(y, k): n for y, c in by_type.items() for k, n in c.items()} == types
    stages = Counter((year_key(one.date), one.stage) for one in events)
    assert {(y, k): n for y, c in by_stage.items() for k, n in c.items()} == stages
    assert list(by_stage)[-1] == "undated" and list(by_stage) == list(by_type)


def test_the_events_a_deal_links_are_those_of_the_deals_histories(seeds) -> None:
    linked = {(entry.article, entry.event) for deal in seeds.deals() for entry in deal.history}
    assert linked and seeds.linked_events() == linked
    loose = {(e.article_id, e.number) for e in seeds.each_event(Filters(), unlinked=True)}
    every = {(e.article_id, e.number) for e in seeds.events(Filters())}
    assert loose == every - linked


def test_filters_listed_as_typed() -> None:
    options = {"countries": ("TM", "kz"), "since": "2024", "text": None, "stages": ()}
    assert describe_options(options) == ["--country TM", "--country kz", "--since 2024"]


# --- The page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tm_page(seeds) -> str:
    from ca_connect.report.page import write_page

    page = io.StringIO()
    write_page(tm_report(seeds, top=2), page)
    return page.getvalue()


def test_the_page_needs_no_network(tm_page: str) -> None:
    assert "<script src" not in tm_page and "<link" not in tm_page
    assert "Plotly.newPlot" in tm_page  # plotly.js is inline, not fetched
    assert tm_page.count("<script type='application/json' id='marks'>") == 1


def test_the_page_says_what_is_capped_and_filtered(tm_page: str) -> None:
    assert "Showing the 2 storylines with the most events of 4 (--top 2)." in tm_page
    assert "<th>filters</th><td>--country TM</td>" in tm_page
    assert "<th>caconnect version</th><td>test</td>" in tm_page


def test_undated_events_get_a_column_of_their_own(seeds) -> None:
    from ca_connect.report.figures import storyline_figure

    everything = seeds.filters()
    deals = select_deals(seeds, everything)
    data = assemble(
        seeds,
        everything,
        deals,
        top=30,
        options={},
        version="test",
        dictionary=Path("none"),
    )
    assert data.coverage.undated_events > 0 and data.coverage.dictionary_hash == "unknown"
    figure = storyline_figure(data)
    assert figure.layout.xaxis2.title.text == "undated"
    assert "xaxis2" not in storyline_figure(tm_report(seeds)).layout.to_plotly_json()


def test_cli_import_does_not_import_plotly() -> None:
    code = "import sys, ca_connect.cli; sys.exit('plotly' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# --- The command --------------------------------------------------------------------


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def test_report_writes_the_page(seed_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "tm.html"
    code, out, err = run(seed_data, "report", "--country", "TM", "-o", str(target))
    assert (code, out) == (0, "")
    assert err.endswith(
        f"Wrote {target}: 4 of 4 storylines (2 of 2 deals), 11 events, 2 articles.\n"
    )
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "option",
    [["--country", "Atlantis"], ["--since", "someday"], ["--stage", "signed"]],
)
def test_bad_filters_get_the_errors_of_other_commands(
    seed_data: Path, tmp_path: Path, option: list[str]
) -> None:
    expected = run(seed_data, "timeline", *option)
    got = run(seed_data, "report", *option, "-o", str(tmp_path / "r.html"))
    assert got == expected and got[0] == 2
    assert not (tmp_path / "r.html").exists()


def test_report_needs_an_output_and_a_positive_top(seed_data: Path, tmp_path: Path) -> None:
    code, _, err = run(seed_data, "report")
    assert code == 2 and "Error: Missing option '--output' / '-o'." in err
    code, _, err = run(seed_data, "report", "--top", "0", "-o", str(tmp_path / "r.html"))
    assert code == 2 and "Error: Invalid value for '--top': 0 is not in the range x>=1." in err


def test_report_replaces_a_file_only_with_force(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.html"
    target.write_text("an older page", encoding="utf-8")
    code, _, err = run(data_dir, "--no-index", "report", "-o", str(target))
    assert code == 2 and "the file exists: give --force to replace it" in err
    assert run(data_dir, "--no-index", "report", "--force", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_is_never_written_among_the_articles(data_dir: Path) -> None:
    code, _, err = run(data_dir, "report", "-o", str(data_dir / "articles" / "r.html"))
    assert code == 2
    assert err.endswith("refusing to write inside the articles folder\n")


# --- In a real browser -------------------------------------------------------------------


def _browser_missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[test]')"
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.mark.slow  # about 10 s: Chromium starts and compiles plotly.js (4.8 MB)
@pytest.mark.skipif(_browser_missing() is not None, reason=str(_browser_missing()))
def test_the_seeds_report_renders_in_chromium(data_dir: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    target = tmp_path / "tm.html"
    assert run(data_dir, "report", "--country", "TM", "-o", str(target))[0] == 0
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                *("--no-sandbox", "--disable-gpu", "--disable-background-networking"),
                *("--disable-component-update", "--disable-sync", "--no-first-run"),
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.route(
                "http*://**", lambda route: (errors.append(route.request.url), route.abort())
            )
            page.goto(target.as_uri())
            for chart in ("storylines", "partners", "types", "stages"):
                page.wait_for_selector(f"#{chart}-chart .main-svg", timeout=15_000)
            storylines = page.inner_text("#storylines-chart")
            assert "Starlink, SpaceX – Turkmenistan" in storylines
            assert "Turkmenistan · cybersecurity" in storylines
            assert "talks · 1 article · no deal" in storylines and "2026" in storylines
            partners = page.inner_text("#partners-chart")
            assert "SpaceX" in partners and "2 · launch" in partners and "Starlink" in partners
            # The evidence table: TurkmenAlem's launch in April 2015.
            page.click("text=Evidence of every mark drawn")
            launch = page.locator("tr", has_text="Turkmen Alem 52E, aboard").inner_text()
            assert "\t2015-04\tlaunch\t" in launch
            # A click on the Starlink talks mark shows its evidence under the chart.
            page.evaluate(
                """() => {
                  const marks = JSON.parse(document.getElementById('marks').textContent);
                  const i = marks.findIndex(m => m.stage === 'talks' && m.date === '2026-02-04');
                  document.getElementById('storylines-chart')
                    .emit('plotly_click', {points: [{customdata: i}]});
                }"""
            )
            panel = page.inner_text("#evidence")
            assert "Starlink" in panel and "2026-02-04" in panel and "004_c790570d8809d829" in panel
            page.screenshot(path=str(tmp_path / "tm.png"), full_page=True)
        finally:
            browser.close()
    assert errors == []
    assert (tmp_path / "tm.png").stat().st_size > 10_000


def test_the_top_storylines_are_chosen_from_a_stream_keeping_only_the_top() -> None:
    from ca_connect.report.assemble import _top

    def lanes():  # a generator: each lane is seen once, as deals arrive from the store
        for n in range(50):
            yield Storyline("deal", f"d{n}", f"deal {n % 7}", [], [], [], "talks", 1, n % 9)

    best, seen = _top(lanes(), 5)
    assert seen == 50
    assert best == sorted(lanes(), key=lambda line: line.rank)[:5]
