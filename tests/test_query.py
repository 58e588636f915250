"""What a command asks for (build_filters) and what the store answers, on small articles."""

from __future__ import annotations

import calendar
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals import rows
from ca_connect.deals.rows import status_as_of
from ca_connect.errors import UsageError
from ca_connect.models import Filters, PartialDate

from .conftest import FIXTURES, write_data

ARTICLES = {
    "a.md": "---\ndate: 2025-03-03\n---\nFibre in Ashgabat: Turkmenistan and Huawei lay fiber.\n",
    "b.txt": "Tajikistan and China\n\nHuawei builds a 5G network in Tajikistan with China.\n",
    "c.md": "---\ndate: 2024\n---\nTajikistan plans a satellite.\n",
    "d.md": "---\ndate: 2025-03\n---\nKazakhstan and Turkmenistan: satellite and fiber links.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("query") / "data"
    entities = (FIXTURES / "entities.yaml").read_text(encoding="utf-8")
    return open_corpus(DataDir(write_data(folder, entities, ARTICLES)), use_index=False)


def ids(corpus, filters: Filters) -> list[str]:
    return [row["id"] for row in corpus.article_rows(filters, "list")]


def test_order_is_by_date_undated_last(corpus) -> None:
    assert ids(corpus, Filters()) == ["c", "d", "a", "b"]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"countries": ["TM"]}, ["d", "a"]),
        ({"countries": ["TM", "TJ"]}, ["c", "d", "a", "b"]),
        ({"countries": ["TJ"], "initiatives": ["5g"]}, ["b"]),
        ({"organizations": ["huawei"]}, ["a", "b"]),
        ({"initiatives": ["satellite"]}, ["c", "d"]),
        ({"since": "2025-03-03"}, ["d", "a"]),
        ({"until": "2024-12"}, ["c"]),
        ({"since": "2025-04"}, []),
        ({"text": "fibre IN ashgabat"}, ["a"]),
    ],
)
def test_filters(corpus, options: dict, expected: list[str]) -> None:
    assert ids(corpus, corpus.filters(**options)) == expected


def test_summary_counts(corpus) -> None:
    result = corpus.summary(Filters())
    assert result["countries"][:2] == [
        {"country": "TJ", "articles": 2},
        {"country": "TM", "articles": 2},
    ]
    assert result["years"][-1] == {"year": "undated", "articles": 1}
    assert result["years"][0] == {"year": "2024", "articles": 1}
    tm = next(row for row in result["country_by_initiative"] if row["country"] == "TM")
    assert tm["fiber"] == 2 and tm["satellite"] == 1 and tm["5g"] == 0
    assert corpus.summary(corpus.filters(since="2025"))["years"] == [
        {"year": "2025", "articles": 2}
    ]


def test_build_filters_resolves_names_and_dates(corpus) -> None:
    filters = corpus.filters(
        countries=["turkmenistan", "tj", "TJ"],
        organizations=["Huawei"],
        initiatives=["5G"],
        since="March 2025",
        until="2025",
    )
    assert filters.countries == ("TM", "TJ")
    assert filters.organizations == ("huawei",)
    assert filters.initiatives == ("5g",)
    assert filters.since == PartialDate(year=2025, month=3)
    assert filters.until == PartialDate(year=2025)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"countries": ["Atlantis"]}, "--country: unknown country 'Atlantis'"),
        ({"organizations": ["Acme"]}, "--org: unknown organisation 'Acme'"),
        ({"initiatives": ["6g"]}, "--type: unknown initiative type '6g'"),
        ({"since": "the other day"}, "--since 'the other day'"),
        ({"until": "2025-13"}, "--until '2025-13'"),
        ({"since": "2026", "until": "2025"}, "--since 2026 is after --until 2025"),
    ],
)
def test_build_filters_names_the_bad_option(corpus, kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        corpus.filters(**kwargs)
    assert str(caught.value).startswith(message)


def test_a_deals_table_shows_the_list_items_that_fit_then_how_many_more() -> None:
    from ca_connect.deals.rows import LIST_CELL, table_row

    row = {
        "id": "hub-deal",
        "organizations": ["Alpha Tel", "Beta Cables", "Gamma Networks", "Delta Sat"],
        "countries": ["KZ", "UZ"],
        "initiatives": ["Orbital Relay Agency of the Northern Steppe Republics", "fiber"],
    }
    shown = table_row(row)
    assert shown["id"] == "hub-deal"
    assert shown["organizations"] == ["Alpha Tel", "Beta Cables", "… +2 more"]
    assert shown["countries"] == ["KZ", "UZ"]  # short enough: whole
    assert shown["initiatives"] == ["Orbital Relay Agency of …", "… +1 more"]
    assert all(len(", ".join(v)) <= LIST_CELL for v in shown.values() if isinstance(v, list))
    assert table_row({"organizations": ["A" * 50]})["organizations"] == ["A" * 35 + "…"]


def test_deals_cuts_lists_in_a_table_but_csv_and_json_keep_every_item(tmp_path) -> None:
    from click.testing import CliRunner

    from ca_connect.cli import cli

    names = ["Alpha Telecom", "Beta Cables", "Gamma Networks", "Delta Sat"]
    entities = "organizations:\n" + "".join(
        f"  - {{id: org{i}, name: {name}, kind: company, country: KZ}}\n"
        for i, name in enumerate(names)
    )
    entities = (FIXTURES / "entities.yaml").read_text(encoding="utf-8") + "\n" + entities
    text = (
        "---\ndate: 2025-05-05\n---\nKazakhstan signs a fiber deal.\n\n"
        "Alpha Telecom, Beta Cables, Gamma Networks and Delta Sat signed an agreement with "
        "Kazakhstan to lay a fiber cable on 5 May 2025.\n"
    )
    data = write_data(tmp_path / "data", entities, {"a.md": text})
    runner = CliRunner()
    table = runner.invoke(cli, ["--data", str(data), "deals"])
    assert table.exit_code == 0, table.output
    assert "… +" in table.output and "Delta Sat" not in table.output
    listed = runner.invoke(cli, ["--data", str(data), "deals", "--format", "json"])
    assert set(names) <= {o for row in json.loads(listed.output) for o in row["organizations"]}
    csv = runner.invoke(cli, ["--data", str(data), "deals", "--format", "csv"]).output
    assert "Delta Sat" in csv and "… +" not in csv


@pytest.mark.parametrize(
    ("statuses", "as_of", "stalled_after"),
    [((), None, 24), (("stalled",), rows.Month(2040, 1), 24), (("agreement", "mou"), None, 1)],
)
def test_a_deals_table_without_filters_reads_the_rows_stored_apart(
    seed_corpus, statuses, as_of, stalled_after
) -> None:
    """`deals` as a table without filters reads each deal's cut row stored apart from its
    summary (rows.shown_row): the rows the summaries give, cut, statuses and stalls
    applied alike."""
    when = as_of or seed_corpus.newest_month()
    whole = rows.select_deal_rows(
        seed_corpus, Filters(), statuses=statuses, as_of=when, stalled_after=stalled_after
    )
    shown = rows.select_shown_rows(
        seed_corpus.shown_deal_rows(), statuses=statuses, as_of=when, stalled_after=stalled_after
    )
    assert shown == [rows.table_row(row) for row in whole]
    assert whole or statuses  # the seeds have deals


# --- Deals read as stored records (deals/rows.py: `deal ID` builds no model) -------------


@given(
    st.integers(1, 9999),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 31)),
)
def test_first_and_last_days_of_iso_text_are_the_models(year: int, month, day) -> None:
    if month is None:
        day = None
    elif day is not None:
        day = min(day, calendar.monthrange(year, month)[1])
    date = PartialDate(year=year, month=month, day=day)
    assert rows.first_day(date.isoformat()) == date.first_day().isoformat()
    assert rows.last_day(date.isoformat()) == date.last_day().isoformat()
    assert rows.month_of(date.isoformat()) == (year, month)


def test_a_stored_deal_record_stands_where_its_model_does(seed_corpus) -> None:
    """`deal ID` applies --as-of and --stalled-after to the stored record: the same
    record as status_as_of of the model (stalled, missed targets)."""
    deals = seed_corpus.deals()
    # Without its launch, a deal's passed target is missed.
    deals += [
        deal.model_copy(update={"history": [h for h in deal.history if h.stage != "launch"]})
        for deal in deals
    ]
    stalled = missed = 0
    for as_of in (None, "2019", "2024-06", "2025-02-28", "2031"):
        date = PartialDate.parse(as_of) if as_of else None
        for deal in deals:
            for months in (3, 24):
                expected = status_as_of(deal, date, months).model_dump(mode="json")
                assert rows.record_as_of(deal.model_dump(mode="json"), as_of, months) == expected
                stalled += expected["status"] == "stalled"
                missed += bool(expected["missed_targets"])
    assert stalled and missed  # both cases were met


def test_a_target_is_missed_once_passed_with_no_launch_by_its_end() -> None:
    history = [
        ("plan", "2023-05-01", "2024"),
        ("agreement", "2023-06", "2024"),
        ("plan", None, "2025-03"),
    ]
    assert rows.missed_targets(history, "2025-06") == ["2024", "2025-03"]
    assert rows.missed_targets(history, "2025-03-15") == ["2024"]  # March not over yet
    assert rows.missed_targets(history, None) == []
    launched = [*history, ("launch", "2024-12-01", None)]
    assert rows.missed_targets(launched, "2026") == []
