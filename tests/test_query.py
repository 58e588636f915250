"""Filters, order and summaries over tagged articles."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dictionary import load_dictionary
from ca_connect.errors import UsageError
from ca_connect.models import Filters, OrgRef, PartialDate, TaggedArticle
from ca_connect.query import build_filters, in_period, select, sort_key, summary

from .conftest import FIXTURES

SMALL = load_dictionary(FIXTURES / "entities.yaml")


def article(id: str, date: str | None, countries=(), types=(), orgs=(), body="") -> TaggedArticle:
    return TaggedArticle(
        id=id,
        path=f"{id}.txt",
        body=body or id,
        date=date,
        countries=list(countries),
        initiatives=list(types),
        organizations=[OrgRef(id=o, name=o.title(), kind="company") for o in orgs],
    )


ARTICLES = [
    article("a", "2025-03-03", ["TM"], ["fiber"], ["huawei"], body="Fibre in Ashgabat"),
    article("b", None, ["TJ", "CN"], ["5g"], ["huawei"]),
    article("c", "2024", ["TJ"], ["satellite"]),
    article("d", "2025-03", ["KZ", "TM"], ["satellite", "fiber"], ["starlink"]),
]


def ids(articles: list[TaggedArticle]) -> list[str]:
    return [a.id for a in articles]


def test_order_is_by_date_undated_last() -> None:
    assert ids(select(ARTICLES, Filters())) == ["c", "d", "a", "b"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(countries=("TM",)), ["d", "a"]),
        (Filters(countries=("TM", "TJ")), ["c", "d", "a", "b"]),
        (Filters(countries=("TJ",), initiatives=("5g",)), ["b"]),
        (Filters(organizations=("huawei",)), ["a", "b"]),
        (Filters(initiatives=("satellite",)), ["c", "d"]),
        (Filters(since=PartialDate.parse("2025-03-03")), ["d", "a"]),
        (Filters(until=PartialDate.parse("2024-12")), ["c"]),
        (Filters(since=PartialDate.parse("2025-04")), []),
        (Filters(text="fibre IN ashgabat"), ["a"]),
    ],
)
def test_filters(filters: Filters, expected: list[str]) -> None:
    assert ids(select(ARTICLES, filters)) == expected


def test_summary_counts() -> None:
    result = summary(ARTICLES)
    assert result["countries"][:2] == [
        {"country": "TJ", "articles": 2},
        {"country": "TM", "articles": 2},
    ]
    assert result["years"][-1] == {"year": "undated", "articles": 1}
    assert result["years"][0] == {"year": "2024", "articles": 1}
    tm = next(row for row in result["country_by_initiative"] if row["country"] == "TM")
    assert tm["fiber"] == 2 and tm["satellite"] == 1 and tm["5g"] == 0


def test_build_filters_resolves_names_and_dates() -> None:
    filters = build_filters(
        SMALL,
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
def test_build_filters_names_the_bad_option(kwargs: dict, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        build_filters(SMALL, **kwargs)
    assert str(caught.value).startswith(message)


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
precisions = st.sampled_from(["year", "month", "day"])


def partial(date, precision) -> PartialDate:
    return PartialDate(
        year=date.year,
        month=date.month if precision != "year" else None,
        day=date.day if precision == "day" else None,
    )


@given(dates, precisions, dates, precisions)
def test_in_period_is_overlap(d1, p1, d2, p2) -> None:
    date, bound = partial(d1, p1), partial(d2, p2)
    assert in_period(date, bound, None) == (date.last_day() >= bound.first_day())
    assert in_period(date, None, bound) == (date.first_day() <= bound.last_day())
    assert in_period(date, date, date)


@given(dates, precisions)
def test_sort_key_keeps_partial_dates_in_calendar_order(d, p) -> None:
    a = article("a", partial(d, p).isoformat())
    later = article("b", PartialDate(year=d.year + 1).isoformat())
    assert sort_key(a) < sort_key(later) < sort_key(article("c", None))
