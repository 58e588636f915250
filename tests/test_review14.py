"""Review of session 14's rules: a test for each rule that no test failed without, and odd
input for the new date readers (empty, punctuation only, no date, an undated article).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import CountedBack, counted_back, resolve_event_date, trailing_apposition
from ca_connect.models import PartialDate

from .test_plans9_s11 import events as read_events

PUBLISHED = PartialDate(year=2024, month=9, day=5)


def dated(body: str, language: str = "en") -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, "2024-09-05")]


# --- Dates: what a counted time counts ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The line opened within two months after the contract was signed.",
        "Работы начались почти через год после того, как был подписан контракт.",
    ],
)
def test_a_time_within_or_almost_counts_nothing_back(text: str) -> None:
    assert counted_back(text) == []


def test_spustya_counts_back_as_cherez_does() -> None:
    (duration,) = counted_back("Сеть запустили спустя два года после того, как …")
    assert (duration.count, duration.unit) == (2, "year")


def test_a_fortnight_is_two_weeks() -> None:
    (duration,) = counted_back("A fortnight after the auction, Kcell bought the band.")
    # two weeks before 3 September 2024 is the week of 19-25 August (one week before, that
    # of 26 August-1 September, would give the year only)
    day = PartialDate(year=2024, month=9, day=3)
    assert duration.before(day) == PartialDate(year=2024, month=8)


def test_a_year_after_a_month_keeps_the_month() -> None:
    a_year = CountedBack(start=0, clause=12, count=1, unit="year")
    assert a_year.after(PartialDate(year=2015, month=5)) == PartialDate(year=2016, month=5)
    assert a_year.before(PartialDate(year=2015, month=5)) == PartialDate(year=2014, month=5)


def test_a_clause_with_a_date_of_its_own_keeps_it() -> None:
    body = "Tele2 signed a contract with Nokia in 2019, two years after it launched 4G in May 2017."
    assert dated(body) == [("agreement", "2019"), ("launch", "2017-05")]


def test_before_the_end_of_the_year_is_read_with_its_before() -> None:
    found = resolve_event_date("Kcell will finish the line before the end of the year.", PUBLISHED)
    assert found is not None and found.planned
    assert (found.date, found.text) == (PartialDate(year=2024), "before the end of the year")


@pytest.mark.parametrize(
    "sentence",
    [
        "Сеть построили в 2020-х годах.",
        "Сеть построят к 2030-м годам.",
        "В 2010-е годы линию строил Huawei.",
    ],
)
def test_a_russian_decade_is_no_year(sentence: str) -> None:
    # `in the 2020s` is no date; nor is `в 2020-х годах`, which once read as `in 2020`
    assert resolve_event_date(sentence, PUBLISHED) is None


def test_a_year_with_its_russian_ending_is_still_that_year() -> None:
    found = resolve_event_date("Линию построили в 2023-м году.", PUBLISHED)
    assert found is not None and found.date == PartialDate(year=2023)
    assert found.text == "в 2023-м году"  # the ending and the noun read as the year's


def test_a_time_counted_later_counts_from_the_last_date_before_it() -> None:
    sentence = (
        "Kcell agreed the terms on 2 February 2024, signed the contract on 3 March 2024 "
        "and the ministry approved it two weeks later."
    )
    found = resolve_event_date(sentence, None, start=sentence.index(" and the ministry"))
    assert found is not None and found.date == PartialDate(year=2024, month=3)


# --- Dates: a deal told beside the event ----------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The towers are being built under a grant awarded in March 2023.",
        "Kcell is laying the cable with a credit approved in May 2023.",
    ],
)
def test_work_under_a_grant_or_credit_is_not_dated_by_it(body: str) -> None:
    assert ("deployment", "2024-09-05") in dated(body)


def test_an_apposition_dates_the_event_only_when_its_participle_is_the_cue() -> None:
    # `signed … on Monday, a deal first proposed in 2021`: the cue stands before the
    # apposition, whose date is the proposal's
    body = "Kcell signed a contract with Huawei on Monday, a deal first proposed in 2021."
    assert dated(body) == [("agreement", "2024-09-02")]


# --- Predicates -----------------------------------------------------------------------


def test_russian_predicates_joined_by_no() -> None:
    body = "Министерство подписало меморандум с Huawei, но расторгло договор с ZTE."
    assert [stage for stage, _ in dated(body, "ru")] == ["mou", "cancelled"]


def test_two_russian_past_verbs_joined_by_i_are_one_predicate() -> None:
    body = "Узбектелеком обсудил и подписал соглашение с Huawei."
    assert [stage for stage, _ in dated(body, "ru")] == ["agreement"]


# --- Odd input ------------------------------------------------------------------------

odd_text = st.one_of(
    st.text(max_size=120),
    st.text(alphabet=" ,.;:!?-–—()«»\"'", max_size=40),
    st.sampled_from(["", " ", ".", ", ,", "after", "через после", ", a deal signed in", "2020-х"]),
)
published = st.one_of(
    st.none(),
    st.builds(PartialDate, year=st.integers(1990, 2060)),
    st.builds(PartialDate, year=st.integers(1990, 2060), month=st.integers(1, 12)),
    st.dates().map(PartialDate.model_validate),
)


@given(odd_text, published)
def test_the_date_readers_take_any_text(text: str, date: PartialDate | None) -> None:
    for duration in counted_back(text):
        assert 0 <= duration.start < duration.clause <= len(text)
        if date is not None:
            duration.before(date)
            duration.after(date)
    at = trailing_apposition(text)
    assert at is None or 0 <= at <= len(text)
    resolve_event_date(text, date)
    resolve_event_date(text, date, start=len(text) // 2)


@pytest.mark.parametrize(
    "body",
    ["", ".", "…", ", , ;", "Kcell signed.", "A fortnight after.", "Через два месяца после."],
)
@pytest.mark.parametrize("language", ["en", "ru"])
def test_odd_articles_read_without_error(body: str, language: str) -> None:
    read_events(body, language, "2024-09-05")
    read_events(body, language, None)


# --- A deal told in an apposition -----------------------------------------------------


def test_a_long_deal_noun_phrase_before_its_participle() -> None:
    body = (
        "Kcell opened a data centre in Almaty. The eighty million dollar loan from the Asian "
        "Infrastructure Investment Bank and the European Bank, signed in March, paid for it."
    )
    assert ("agreement", "2024-03") in dated(body)


def test_a_russian_contract_concluded_in_an_apposition() -> None:
    body = (
        "Kcell открыл ЦОД в Алматы. "
        "Работы шли по контракту с Huawei, заключённому 5 марта 2023 года."
    )
    assert ("agreement", "2023-03-05") in dated(body, "ru")


def test_two_predicates_with_one_partner_are_one_deal() -> None:
    body = (
        "Kcell signed a contract with Huawei in May, "
        "and also signed a contract with Huawei in June."
    )
    assert dated(body) == [("agreement", "2024-05")]


def test_a_demonym_before_a_name_adds_no_earlier_company() -> None:
    body = (
        "Kcell подписал контракт с ZTE. "
        "Министерство подписало договор с китайской компанией Huawei."
    )
    (_, last) = read_events(body, "ru", "2024-09-05")
    assert sorted(p.id for p in last.parties if p.kind != "country") == ["huawei"]


def test_a_plan_naming_its_country_only_as_a_place_is_the_leads_subjects() -> None:
    # the contractor told just before does not plan the subject's work
    body = (
        "Kcell began installing 5G equipment in Shymkent, the operator said.\n\n"
        "The radios come from Ericsson.\n\n"
        "About 300 base stations will be installed in Kazakhstan by December."
    )
    plan = read_events(body, "en", "2024-09-05")[-1]
    assert (plan.stage, sorted(p.id for p in plan.parties if p.kind != "country")) == (
        "plan",
        ["kcell"],
    )
