"""The dates events take (docs/events.md -> Dates), on articles written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import (
    CountedBack,
    counted_ahead,
    counted_back,
    resolve_event_date,
    tells_a_move,
    trailing_apposition,
)
from ca_connect.events import analyse, dating
from ca_connect.loader import parse_article
from ca_connect.models import Article, EntityDictionary, Event, PartialDate
from tests.test_events_ru import REAL


@pytest.fixture(scope="module")
def events(dictionary: EntityDictionary):
    def read(body: str, date: str | None = "2025-03-14") -> list[Event]:
        article = Article(id="x", path="x.txt", title=None, body=body, date=date)
        return analyse(article, dictionary).events

    return read


def test_a_yearless_dateline_is_the_day_the_story_is_read_from(events) -> None:
    # Filed on 28 December, printed on 11 January: `today` and an undated event are the
    # dateline's day, not the publication date.
    body = (
        "ALMATY/Dec. 28 (The Weekly) — Kcell said it signed a 5G contract with Ericsson "
        "today.\n\nKazakhtelecom plans to build a data center in Almaty."
    )
    signed, plan = events(body, date="2025-01-11")
    assert (signed.stage, str(signed.date), signed.date_basis) == (
        "agreement",
        "2024-12-28",
        "sentence",
    )
    assert (plan.stage, str(plan.date), plan.date_basis) == ("plan", "2024-12-28", "article")


def test_a_dateline_on_the_publication_day_changes_nothing(events) -> None:
    body = "ASTANA/March 14 (Wire) — Kcell signed a 5G contract with Ericsson on Tuesday."
    (event,) = events(body)
    assert (str(event.date), event.date_basis) == ("2025-03-11", "sentence")


def test_a_signing_told_again_with_its_day_dates_the_lead(events) -> None:
    # The lead tells the memorandum; the next paragraph opens on it again with its day.
    body = (
        "Kcell and Beeline Kazakhstan have signed a memorandum on 5G network sharing.\n\n"
        "The document was signed on Tuesday in Astana at a forum. It sets up a working group."
    )
    mou = next(e for e in events(body) if e.stage == "mou")
    assert (str(mou.date), mou.date_basis) == ("2025-03-11", "next-sentence")


def test_a_signing_recalled_from_another_year_does_not_date_the_lead(events) -> None:
    body = (
        "The parliament of Kyrgyzstan ratified the agreement with Kcell on fiber.\n\n"
        "The agreement was signed back in 2023. Works will start in May."
    )
    ratified = next(e for e in events(body) if e.stage == "agreement")
    assert (str(ratified.date), ratified.date_basis) == ("2025-03-14", "article")


def test_a_date_in_a_which_aside_never_dates_the_event(events) -> None:
    # Also when the sentence tells two kinds of action, each dated by its own words.
    body = (
        "The Asian Development Bank, which lent Kyrgyzstan $20 million for fiber in 2020, "
        "said it had agreed to extend the loan."
    )
    (agreement,) = [e for e in events(body) if e.stage == "agreement"]
    assert (str(agreement.date), agreement.date_basis) == ("2025-03-14", "article")


def test_a_second_predicate_counts_its_year_from_the_first(events) -> None:
    body = (
        "Kcell first signed a memorandum on 5G with Ericsson in 2022 and ran a pilot network "
        "the following year."
    )
    dated = {e.stage: str(e.date) for e in events(body)}
    assert dated.get("mou") == "2022"
    assert dated.get("deployment") == "2023"


def test_a_plan_takes_the_meetings_day_only_when_told_as_the_meetings(events) -> None:
    body = (
        "On Wednesday the minister of Kazakhstan met Huawei on 5G.\n\n"
        "The sides plan to open a 5G laboratory in Astana.\n\n"
        "Kazakhtelecom plans to cover every city with 5G by 2030.\n\n"
        "Kcell said it plans to build a data center in Almaty."
    )
    dated = {e.text.split()[1]: (str(e.date), e.date_basis) for e in events(body)}
    assert dated["sides"] == ("2025-03-12", "context")  # the meeting's own plan
    assert dated["said"] == ("2025-03-12", "context")  # said there
    assert dated["plans"] == ("2025-03-14", "article")  # an intention held when written


@pytest.mark.parametrize(
    "body",
    [
        "On Wednesday Kazakhtelecom held talks with Huawei on a fiber-optic line.\n\n"
        "A Kazakhtelecom official told Reuters that the two plan to build the line in 2027.",
        "В среду «Казахтелеком» провел переговоры с Huawei о строительстве ВОЛС.\n\n"
        "Источник в компании сообщил агентству, что стороны планируют построить линию в "
        "2027 году.",
    ],
)
def test_a_plan_told_to_the_press_is_held_when_written(events, body: str) -> None:
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis, str(plan.target)) == ("2025-03-14", "article", "2027")


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "Kcell received a licence for 5G in Kazakhstan.\n\n"
            "The relevant decision was taken on Tuesday by the spectrum commission.",
            "2025-03-11",
        ),
        (
            "Компания Kcell получила лицензию на 5G в Казахстане. "
            "Соответствующее решение во вторник приняла комиссия по радиочастотам.",
            "2025-03-11",
        ),
    ],
)
def test_an_approval_takes_the_day_of_the_decision_told_next(events, body, day) -> None:
    agreement = next(e for e in events(body) if e.stage == "agreement")
    assert (str(agreement.date), agreement.date_basis) == (day, "next-sentence")


def test_a_vague_date_leaves_the_event_undated(events) -> None:
    body = "Kcell and Ericsson signed a 5G contract in Almaty more than three years ago."
    (signed,) = events(body)
    assert (signed.stage, signed.date, signed.date_basis) == ("agreement", None, None)


def test_a_plans_target_is_read_after_the_day_it_was_made(events) -> None:
    body = "On Monday Kazakhtelecom said it plans to lay the fiber line to Osh by March 31."
    (plan,) = events(body)
    assert (plan.stage, str(plan.date), str(plan.target)) == ("plan", "2025-03-10", "2025-03-31")


def test_work_seen_on_a_visit_is_not_dated_by_the_visit(events) -> None:
    body = (
        "On Wednesday, 12 March 2025, the minister visited the Kcell data center under "
        "construction in Almaty."
    )
    (seen,) = events(body)
    assert (seen.stage, str(seen.date), seen.date_basis) == ("deployment", "2025-03-14", "article")


def test_an_event_told_in_a_clause_of_time_is_dated_by_its_words(events) -> None:
    body = "Kcell won a 5G licence in March 2025 after talks with Ericsson that began in June 2024."
    dates = {e.stage: str(e.date) for e in events(body)}
    assert dates["talks"] == "2024-06"
    body = (
        "Kcell had been close to a 5G contract with Ericsson in early 2024 before the "
        "regulator put the deal on hold."
    )
    halted = next(e for e in events(body) if e.stage == "cancelled")
    assert (str(halted.date), halted.date_basis) == ("2025-03-14", "article")


def test_an_undated_articles_yearless_dateline_takes_the_year_of_a_day_written_before(
    events,
) -> None:
    # No publication date; the dateline says `October 9` and the text writes `June 3, 2024`
    # in full: the story is of October 2024 (the month only: the year is inferred).
    body = (
        "ASTANA, Kazakhstan, October 9. Kcell is in talks with Ericsson on a 5G network, "
        "the ministry said.\n\nA working group on 5G was set up on June 3, 2024."
    )
    talks = next(e for e in events(body, date=None) if e.stage == "talks")
    assert (str(talks.date), talks.date_basis) == ("2024-10", "article")
    # A day written after the dateline's in its year (`November 20, 2024`) or no full day
    # at all: the year is not guessed.
    for later in ("on November 20, 2024", "in 2024"):
        body = (
            "ASTANA, Kazakhstan, October 9. Kcell is in talks with Ericsson on a 5G network, "
            f"the ministry said.\n\nA working group on 5G was set up {later}."
        )
        talks = next(e for e in events(body, date=None) if e.stage == "talks")
        assert (talks.date, talks.date_basis) == (None, None)


def test_a_date_in_a_clause_of_time_telling_another_action_does_not_date_the_event(
    events,
) -> None:
    # The fiber laid is told in the perfect; 2022 dates the entry, told in the clause.
    body = (
        "Beeline Kazakhstan has laid 5,000 km of fiber since it entered the Kyrgyz market in 2022."
    )
    laid = next(e for e in events(body) if e.stage == "deployment")
    assert (str(laid.date), laid.date_basis) == ("2025-03-14", "article")
    # `since 2022` with no verb of its own is the work's start.
    body = "Beeline Kazakhstan has run a 5G pilot in Bishkek since 2022."
    (pilot,) = events(body)
    assert (str(pilot.date), pilot.date_basis) == ("2022", "sentence")


def test_an_undated_predicate_joined_to_one_done_in_an_earlier_year_is_background(
    events,
) -> None:
    # The memorandum is of 2022; the loan, told with it and undated, is background: no
    # date, not the publication date either.
    body = (
        "Kcell and Beeline Kazakhstan agreed to share 5G towers in a memorandum signed in "
        "June 2022 and financed the towers with a loan from the Eurasian Development Bank."
    )
    dates = {e.stage: (e.date and str(e.date), e.date_basis) for e in events(body)}
    assert dates == {"mou": ("2022-06", "sentence"), "agreement": (None, None)}


def test_a_time_told_by_pointing_back_is_the_time_told_before(events) -> None:
    body = (
        "Kcell signed a 5G contract with Ericsson in Astana on 3 March 2025. On the same "
        "day, Beeline Kazakhstan signed a memorandum with Nokia on fiber."
    )
    mou = next(e for e in events(body) if e.stage == "mou")
    assert (str(mou.date), mou.date_basis) == ("2025-03-03", "context")
    # Pointing back to a vague time: no date, not the publication date either.
    body = (
        "A few years ago, Kcell held talks with Ericsson on 5G. At that time, Kcell signed "
        "a memorandum with Ericsson on 5G."
    )
    mou = next(e for e in events(body) if e.stage == "mou")
    assert (mou.date, mou.date_basis) == (None, None)


def test_a_russian_time_told_by_pointing_back(events) -> None:
    body = (
        "Kcell подписала контракт с Ericsson на строительство сети 5G 3 марта 2025 года. "
        "В тот же день Beeline подписал меморандум с Nokia о строительстве сети 5G."
    )
    mou = next(e for e in events(body) if e.stage == "mou")
    assert (str(mou.date), mou.date_basis) == ("2025-03-03", "context")


def test_a_dateline_with_a_double_hyphen_dates_the_article_not_the_event(events) -> None:
    body = "ASTANA, March 14, 2025 (Wire) -- Kcell signed a 5G contract with Ericsson on Tuesday."
    (event,) = events(body)
    assert (str(event.date), event.date_basis) == ("2025-03-11", "sentence")


def test_an_agency_dateline_dates_an_undated_article(dictionary) -> None:
    # `Город. ДАТА. АГЕНТСТВО -`: the publication date, and `во вторник` is read from it.
    text = (
        "Kcell подписал контракт\n\nАстана. 14 марта 2025 г. ИНТЕРФАКС - АО «Кселл» во вторник "
        "подписало контракт с Ericsson на строительство сети 5G."
    )
    article = parse_article(text.encode(), Path("x.txt"))
    assert str(article.date) == "2025-03-14"
    (event,) = analyse(article, dictionary).events
    assert (event.stage, str(event.date)) == ("agreement", "2025-03-11")


def test_what_the_sides_did_is_dated_by_the_time_told_before(events) -> None:
    body = (
        "Kcell signed a memorandum with Ericsson on 5G in Astana on 3 March 2025. "
        "The sides also discussed a data center in Almaty."
    )
    talks = next(e for e in events(body) if e.stage == "talks")
    assert (str(talks.date), talks.date_basis) == ("2025-03-03", "context")


def test_the_sides_talks_in_russian_take_the_meetings_date(events) -> None:
    body = (
        "В январе 2025 года в Бишкек приезжала делегация Huawei. Она встречалась с министром. "
        "Стороны обсудили строительство сети 5G в Кыргызстане."
    )
    talks = next(e for e in events(body) if e.stage == "talks")
    assert str(talks.date) == "2025-01"


def test_a_plan_of_the_sides_is_held_when_written(events) -> None:
    body = (
        "Kcell signed a contract with Ericsson on 5G on 3 March 2025.\n\n"
        "The sides expect to finish the network in 2026."
    )
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), str(plan.target)) == ("2025-03-14", "2026")


@pytest.mark.parametrize(
    "opening",
    ["Simultaneously,", "At the same ceremony,", "Along with the contract,", "Одновременно"],
)
def test_a_time_told_as_the_same_is_the_date_told_before(events, opening: str) -> None:
    body = (
        "Uzbektelecom signed a contract with Huawei on 11 March 2025 to build a fiber line. "
        f"{opening} Beeline Uzbekistan signed a memorandum with Nokia on 5G."
    )
    mou = next(e for e in events(body) if e.stage == "mou")
    assert (str(mou.date), mou.date_basis) == ("2025-03-11", "context")


def test_the_decision_behind_a_cancellation_told_next_dates_it(events) -> None:
    body = (
        "Kcell has terminated its 5G contract with Ericsson, the operator said.\n\n"
        "The decision was taken by the board on Tuesday."
    )
    cancelled = next(e for e in events(body) if e.stage == "cancelled")
    assert (str(cancelled.date), cancelled.date_basis) == ("2025-03-11", "next-sentence")


def test_an_event_told_in_a_which_aside_is_dated_by_the_aside(events) -> None:
    body = (
        "Nokia, which built the first stage and switched on 5G in Bishkek and Osh in May 2023, "
        "will keep servicing those sites until its current contract runs out but will not "
        "take part in the second stage."
    )
    launch = next(e for e in events(body) if e.stage == "launch")
    assert (str(launch.date), launch.date_basis) == ("2023-05", "sentence")


def test_an_aside_does_not_date_the_main_predicate_of_its_stage(events) -> None:
    body = (
        "The Asian Development Bank, which lent Kyrgyzstan $40 million in 2021, said it had "
        "agreed to extend the loan for the fiber line."
    )
    agreement = next(e for e in events(body) if e.stage == "agreement")
    assert (str(agreement.date), agreement.date_basis) == ("2025-03-14", "article")


def test_an_event_done_by_a_year_long_past_is_undated(events) -> None:
    # Only a deadline before the publication's year dates it: no date, nor the publication's.
    body = "By 2019, Kazakhstan and Azerbaijan had held talks on a fiber line across the Caspian."
    (talks,) = events(body)
    assert (talks.stage, talks.date, talks.date_basis) == ("talks", None, None)
    (talks,) = events(body.replace("2019", "2025"))
    assert (str(talks.date), talks.date_basis) == ("2025-03-14", "article")


def test_what_was_said_at_the_occasion_the_lead_dates_takes_its_day(events) -> None:
    body = (
        "Uzbektelecom put the Tashkent-Samarkand fiber line into operation on Tuesday.\n\n"
        "The line is 300 km long.\n\n"
        "The minister said at the ceremony that the ministry would offer capacity on the "
        "fiber line to Kcell."
    )
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis) == ("2025-03-11", "context")
    # Without the occasion named, the plan is held when written.
    plan = next(e for e in events(body.replace(" at the ceremony", "")) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis) == ("2025-03-14", "article")


def test_a_cue_in_a_later_joined_clause_is_dated_by_its_own_clause(events) -> None:
    body = (
        "The data center was first proposed in 2022, and Uzbektelecom signed a memorandum "
        "with Huawei on it in Tashkent in May last year."
    )
    mou = next(e for e in events(body) if e.stage == "mou")
    assert str(mou.date) == "2024-05"
    # With no date of its own, the clause keeps the sentence's.
    body = "The data center was first proposed in 2022, and Uzbektelecom signed a memorandum."
    mou = next(e for e in events(body) if e.stage == "mou")
    assert str(mou.date) == "2022"


def test_a_date_in_a_relative_clause_after_the_cue_is_that_clauses(events) -> None:
    body = (
        "Kyrgyztelecom has cancelled the fiber contract it signed with ZTE three years ago, "
        "the ministry said."
    )
    cancelled = next(e for e in events(body) if e.stage == "cancelled")
    assert (str(cancelled.date), cancelled.date_basis) == ("2025-03-14", "article")
    # A clause whose subject is the event itself dates it.
    body = (
        "Kazakhtelecom said that the fiber line to Aktau, the construction of which started "
        "on 3 March 2025, will be finished by Huawei."
    )
    built = next(e for e in events(body) if e.stage == "deployment")
    assert str(built.date) == "2025-03-03"


def test_a_plan_told_in_a_deals_terms_takes_the_deals_date(events) -> None:
    body = (
        "Kcell signed a memorandum with Ericsson on 5G in Astana on 3 March 2025. The document "
        "provides for a 5G laboratory in Almaty. The laboratory is planned to open in 2026."
    )
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis, str(plan.target)) == ("2025-03-03", "context", "2026")
    # A plan told after the deal with no terms between is held when written.
    body = body.replace("The document provides for a 5G laboratory in Almaty. ", "")
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis) == ("2025-03-14", "article")


@given(
    text=st.lists(
        st.sampled_from(
            [
                "on",
                "in",
                "by",
                "the",
                "3",
                "12",
                "31",
                "2024",
                "1999",
                "05",
                "12.03.2025",
                "3/12",
                "$40",
                "million",
                "300",
                "km",
                "5G",
                "4G",
                "March",
                "Mar.",
                "Sept",
                "last",
                "next",
                "this",
                "day",
                "days",
                "two",
                "ago",
                "a",
                "week",
                "weeks",
                "month",
                "later",
                "earlier",
                "before",
                "Tuesday",
                "today",
                "yesterday",
                "quarter",
                "spring",
                "year-end",
            ]
        ),
        max_size=8,
    ).map(" ".join),
    published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
)
def test_a_sentence_the_cheap_test_rules_out_holds_no_date(text: str, published: dt.date) -> None:
    # The cheap test before reading a sentence's dates never loses one.
    sentence = f"Kcell signed it {text}."
    if not dating._may_hold_a_date(sentence):
        assert resolve_event_date(sentence, PartialDate.model_validate(published)) is None


def test_a_comma_inside_a_number_does_not_close_an_aside(events) -> None:
    body = (
        "Coverage of the Almaty metro is part of the Kcell 5G strategy, which saw the roll "
        "out of 1,200 5G base stations in 2023."
    )
    built = next(e for e in events(body) if e.stage == "deployment")
    assert (str(built.date), built.date_basis) == ("2023", "sentence")


@pytest.mark.parametrize(
    "body",
    [
        "Kazakhtelecom and Huawei signed an agreement on a fiber-optic line on Tuesday in "
        "Astana.\n\nThe two companies signed a memorandum on the line in May 2023.\n\nUnder the "
        "terms of the agreement, the fiber-optic line is to be commissioned by the end of 2027.",
        "«Казахтелеком» и Huawei во вторник в Астане подписали соглашение о строительстве "
        "волоконно-оптической линии.\n\nМеморандум о линии компании подписали в мае 2023 года."
        "\n\nПо условиям соглашения, волоконно-оптическая линия должна быть сдана в "
        "эксплуатацию до конца 2027 года.",
    ],
)
def test_a_plan_under_the_terms_of_a_named_deal_takes_that_deals_date(events, body: str) -> None:
    # The memorandum recalled in between is not the deal whose terms are told.
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis, str(plan.target)) == ("2025-03-11", "context", "2027")


@pytest.mark.parametrize(
    ("title", "body", "published", "day"),
    [
        (
            "Kazakhstan will build a national 5G data center with Huawei",
            "ASTANA, 12.03.2025 /Wire/.\n\nOn Tuesday the ministry of digital development held "
            "talks with a Huawei delegation.\n\nThe sides discussed cloud services.",
            "2025-03-14",
            "2025-03-11",
        ),
        (
            "Kcell начал строительство сети 5G в Алматы",
            "Kcell ведет работы в Алматы вместе с Ericsson. Первые станции 5G смонтированы "
            "12 июля 2024 года в Медеуском районе.",
            None,
            "2024-07-12",
        ),
    ],
)
def test_an_undated_title_event_takes_the_day_the_lead_dates(
    dictionary: EntityDictionary, title: str, body: str, published: str | None, day: str
) -> None:
    # The title tells the news the lead dates (a dateline cut off as a sentence of its own
    # dates the article, not the news).
    article = Article(id="x", path="x.txt", title=title, body=body, date=published)
    told = [e for e in analyse(article, dictionary).events if e.evidence[0].field == "title"]
    assert told and all((str(e.date), e.date_basis) == (day, "context") for e in told)


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "On Thursday officials laid the foundation stone of the Kcell data center in "
            "Almaty.\n\nThe data center is being built by Huawei.",
            "2025-03-13",
        ),
        (
            "Во вторник Kcell начал строительство ЦОД в Алматы.\n\n"
            "ЦОД строит компания Huawei по контракту.",
            "2025-03-11",
        ),
    ],
)
def test_the_leads_work_told_on_takes_its_day(events, body: str, day: str) -> None:
    told_on = events(body)[-1]
    assert (told_on.stage, str(told_on.date), told_on.date_basis) == ("deployment", day, "context")


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        (
            "Kcell signed a 5G contract with Nokia on Monday.\n\n"
            "The network had to be redesigned after a contract with Huawei was cancelled.",
            None,
        ),
        (
            "Kcell подписал контракт на 5G с Nokia в понедельник.\n\nСеть пришлось "
            "перепроектировать после того, как контракт с Huawei был расторгнут.",
            None,
        ),
        # A main clause that plans: the cancellation is told as news, the article's date.
        ("Kcell will build 5G after the regulator cancelled the tender.", "2025-03-14"),
    ],
)
def test_what_came_before_an_undated_past_action_is_background(
    events, body: str, dated: str | None
) -> None:
    ended = next(e for e in events(body) if e.stage == "cancelled")
    assert (None if ended.date is None else str(ended.date)) == dated


@pytest.mark.parametrize(
    "body",
    [
        "Kcell signed a 5G contract with Nokia, which launched its own network in 2024.",
        "Kcell подписал контракт на 5G с Nokia, которая запустила свою сеть в 2024 году.",
    ],
)
def test_a_which_clause_ending_the_sentence_dates_only_what_it_tells(events, body: str) -> None:
    # The clause's year is Nokia's launch; the contract is dated by the rest of the
    # sentence (here the publication date).
    found = {e.stage: (str(e.date), e.date_basis) for e in events(body)}
    assert found["agreement"] == ("2025-03-14", "article")
    assert found["launch"] == ("2024", "sentence")


def test_a_which_clause_telling_an_aim_is_read_with_the_sentence(events) -> None:
    body = "Kazakhtelecom signed a fiber contract with Huawei, which will finish the line by 2027."
    (signed,) = events(body)
    assert (signed.stage, str(signed.date), signed.date_basis) == (
        "agreement",
        "2025-03-14",
        "article",
    )


def test_a_date_line_in_the_body_is_no_lead_day(events) -> None:
    # `15.03.2025, 11:20` dates the article; the lead's Monday dates its launch, and the
    # launch told on takes it (its `which` clause tells Nokia's own past).
    body = (
        "14.03.2025, 11:20\n\nKcell on Monday launched a 5G network in Almaty.\n\n"
        "The network was built by Kcell on equipment from Nokia, which replaced Huawei in 2023."
    )
    launches = [e for e in events(body) if e.stage == "launch"]
    assert launches and all(str(e.date) == "2025-03-10" for e in launches)


def test_a_deal_told_in_passing_does_not_date_the_work_under_it(events) -> None:
    # The contract's date is the contract's; the survey is dated by the rest (here the
    # publication date).
    body = (
        "The survey of the Kcell fiber route, carried out by Huawei under a contract awarded "
        "in January, is under way near Almaty."
    )
    work = next(e for e in events(body) if e.stage == "deployment")
    assert (str(work.date), work.date_basis) == ("2025-03-14", "article")


@pytest.mark.parametrize(
    ("opening", "date", "basis"),
    [
        ("According to the ministry, ", "2025-03-14", "article"),  # the source: held when written
        ("Under the memorandum, ", "2025-03-03", "context"),  # a term of the deal: its date
    ],
)
def test_a_plan_told_according_to_a_source_is_no_term_of_the_deal(
    events, opening: str, date: str, basis: str
) -> None:
    body = (
        "Kcell signed a memorandum with Ericsson on 5G in Astana on 3 March 2025.\n\n"
        f"{opening}Kcell will open a 5G laboratory with Ericsson in Almaty by 2026."
    )
    plan = next(e for e in events(body) if e.stage == "plan")
    assert (str(plan.date), plan.date_basis, str(plan.target)) == (date, basis, "2026")


def test_an_aside_does_not_date_a_plan_beside_its_target(events) -> None:
    body = (
        "Beeline, which agreed the sale of its data center to Kazakhtelecom in March, said it "
        "expected to complete the deal by November."
    )
    plan = next(e for e in events(body, date="2025-07-23") if e.stage == "plan")
    assert (str(plan.date), plan.date_basis, str(plan.target)) == (
        "2025-07-23",
        "article",
        "2025-11",
    )


def test_a_reports_day_gives_way_to_the_signing_told_next(events) -> None:
    # Thursday is when the deal was announced; the next sentence tells when it was signed.
    body = (
        "Kcell has agreed to buy the towers of Beeline Kazakhstan, the operator said on "
        "Thursday.\n\nThe agreement was signed in Astana on Tuesday."
    )
    (deal,) = (e for e in events(body) if e.stage == "agreement")  # one deal, told twice
    assert str(deal.date) == "2025-03-11"
    # Without the signing told again, the report's day dates the deal.
    (alone,) = (e for e in events(body.split("\n\n")[0]) if e.stage == "agreement")
    assert str(alone.date) == "2025-03-13"


# A part of a year in the accusative, with its last month.
PARTS = {"конец": 12, "начало": 1, "середину": 7, "весну": 5, "лето": 8, "осень": 11}

POSTPONING = ["перенесён", "перенесено", "перенесли", "переносится", "переносятся"]

POSTPONING += ["отложен", "откладывается", "сдвинут", "сдвигается", "отодвинули"]

PUBLISHED = PartialDate(year=2024, month=9, day=5)  # a Thursday in September

# Verbs of scheduling and of postponing, each before its «на».
SCHEDULING = ["запланирован", "запланировано", "намечен", "намечено", "намечалось"]

SCHEDULING += ["планировалось", "намечается"]

years = st.integers(min_value=2000, max_value=2060)


def target(sentence: str, published: PartialDate | None = PUBLISHED) -> PartialDate | None:
    found = resolve_event_date(sentence, published)
    assert found is None or found.planned, sentence
    return None if found is None else found.date


MONTHS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

RUSSIAN_MONTHS = ["", "", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]


def _months_before(day: dt.date, count: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 - count
    return PartialDate(year=index // 12, month=index % 12 + 1)


@pytest.fixture(scope="module")
def events_sep2019(dictionary: EntityDictionary):
    def read(body: str, date: str = "2019-09-18", language: str = "en") -> list[Event]:
        article = Article(id="x", path="x.txt", body=body, date=date, language=language)
        return analyse(article, dictionary).events

    return read


RELATIVE_YEARS = {"прошлого": -1, "минувшего": -1, "этого": 0, "текущего": 0, "следующего": 1}

SEASONS = ["летом", "осенью", "весной", "зимой"]


@given(years, st.sampled_from(SCHEDULING + POSTPONING), st.sampled_from(sorted(PARTS)))
def test_a_part_of_a_written_year_after_a_schedule_is_its_target(
    year: int, verb: str, part: str
) -> None:
    sentence = f"Запуск сети {verb} на {part} {year} года."
    found = resolve_event_date(sentence, PUBLISHED)
    assert found is not None and found.planned
    assert found.date == PartialDate(year=year)
    assert found.text.startswith(verb)


@given(st.sampled_from(SCHEDULING + POSTPONING), st.sampled_from(sorted(PARTS)))
def test_a_part_of_no_year_is_the_next_one_not_over(verb: str, part: str) -> None:
    # published in September: this year's end and autumn are not over, the others are
    expected = 2024 if PARTS[part] >= 9 else 2025
    of_the_year = " года" if part in ("конец", "начало", "середину") else ""
    sentence = f"Ввод узла {verb} на {part}{of_the_year}."
    assert target(sentence) == PartialDate(year=expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Сдачу линии перенесли на конец текущего года.", "2024"),
        ("Монтаж станции намечен на середину следующего года.", "2025"),
        ("Работы начнутся весной 2025 года, ввод намечен на конец того же года.", "2025"),
    ],
)
def test_russian_accusative_parts_with_a_relative_year(sentence: str, expected: str) -> None:
    assert target(sentence) == PartialDate.parse(expected)


@given(
    years,
    st.sampled_from(
        [
            "has slipped to",
            "slipped into",
            "was pushed to",
            "was pushed back into",
            "was moved back to",
            "was set back to",
            "was brought forward to",
            "was postponed until",
        ]
    ),
)
def test_english_words_of_a_moved_schedule_make_a_target(year: int, words: str) -> None:
    found = resolve_event_date(f"The opening of the data hall {words} {year}.", PUBLISHED)
    assert found is not None and found.planned and found.date == PartialDate(year=year)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The lenders hope to sign the loan "before the end of this year".', "2024"),
        ("The two sides hope to agree on the price before the end of the year.", "2024"),
        ("Officials are hoping to see the cable laid before the very end of 2026.", "2026"),
        ("The opening was moved back to the autumn.", "2024"),
        ("The launch was postponed to the first quarter.", "2025"),
    ],
)
def test_english_hopes_and_moves_make_targets(sentence: str, expected: str) -> None:
    assert target(sentence) == PartialDate.parse(expected)


def test_before_the_end_told_as_done_is_no_target() -> None:
    # a deadline only in a plan's sentence: `completed before the end of 2023` was done then
    found = resolve_event_date("The operator completed the line before the end of 2023.", PUBLISHED)
    assert found is not None and (found.date, found.planned) == (PartialDate(year=2023), False)
    found = resolve_event_date("The operator had built the line before 2020.", PUBLISHED)
    assert found is not None and not found.planned


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31)), st.integers(1, 9))
def test_months_after_count_back_from_the_main_clause(day: dt.date, count: int) -> None:
    base = PartialDate.model_validate(day)
    english = f"Work began on {day:%d %B %Y}, {MONTHS[count]} months after the loan was signed."
    (duration,) = counted_back(english)
    assert english[duration.start :].startswith(MONTHS[count])
    assert duration.before(base) == _months_before(day, count)
    if count >= 2:
        russian = f"Работы начались через {RUSSIAN_MONTHS[count]} месяцев после того, как …"
        (duration,) = counted_back(russian)
        assert duration.before(base) == _months_before(day, count)


@pytest.mark.parametrize(
    "text",
    [
        "Work was halted for a year after the border closed.",
        "It opened more than a year after the deal, weeks after the licence.",
        "Работы стояли более года после того, как закрылась граница.",
    ],
)
def test_a_length_of_time_counts_nothing_back(text: str) -> None:
    assert counted_back(text) == []


def test_the_event_in_the_clause_is_that_long_before_the_main_clauses_day(events_sep2019) -> None:
    body = (
        "Kyrgyztelecom began laying the Naryn cable on Monday, seven months after Kyrgyzstan "
        "signed a $30 million loan with the Asian Development Bank."
    )
    dated = {e.stage: (str(e.date), e.date_basis) for e in events_sep2019(body)}
    assert dated == {"deployment": ("2019-09-16", "sentence"), "agreement": ("2019-02", "sentence")}


def test_with_no_date_of_its_own_the_main_clause_is_the_storys_day(events_sep2019) -> None:
    # `a fortnight` before 18 September 2019 is the week of 2-8 September: that month
    body = "A fortnight after Beeline exited Tajikistan, Tcell said it would buy its towers."
    exited = next(e for e in events_sep2019(body) if e.stage == "launch")
    assert (str(exited.date), exited.date_basis) == ("2019-09", "sentence")


def test_the_main_clause_is_that_long_after_the_clauses_own_date(events_sep2019) -> None:
    body = "Two years after it entered the market in 2015, Tele2 signed a contract with Nokia."
    (signed,) = events_sep2019(body)
    assert (signed.stage, str(signed.date)) == ("agreement", "2017")


def test_russian_a_time_counted_back(events_sep2019) -> None:
    body = (
        "Строительство линии началось в понедельник, через пять месяцев после того, как "
        "Киргизия подписала кредитное соглашение с Эксимбанком Китая."
    )
    dated = {e.stage: str(e.date) for e in events_sep2019(body, language="ru")}
    assert dated == {"deployment": "2019-09-16", "agreement": "2019-04"}


@given(
    st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31)),
    st.sampled_from(SEASONS),
    st.sampled_from(sorted(RELATIVE_YEARS)),
)
def test_a_season_of_a_named_year_is_that_year(day: dt.date, season: str, which: str) -> None:
    # «летом прошлого года» is the summer of the year before publication, whatever the month
    verb = "подпишут" if RELATIVE_YEARS[which] > 0 else "подписали"
    found = resolve_event_date(
        f"Стороны {verb} договор {season} {which} года.", PartialDate.model_validate(day)
    )
    # (the year only: a year told as done in a January article is read as that January)
    assert found is not None and found.date.year == day.year + RELATIVE_YEARS[which]


@given(years)
def test_no_later_than_is_a_deadline(year: int) -> None:
    for sentence in (
        f"Сеть запустят не позднее {year} года.",
        f"The grid opens no later than {year}.",
    ):
        assert target(sentence) == PartialDate(year=year)


@pytest.mark.parametrize(
    ("sentence", "expected", "planned"),
    [
        ("Сеть запустят к 2030-му году.", "2030", True),
        ("Линию построили в 2023-м году.", "2023", False),
        ("Договор подписали в конце прошлого месяца.", "2024-08", False),
        ("Kcell will open the hall no later than March.", "2025-03", True),
    ],
)
def test_forms_completed(sentence: str, expected: str, planned: bool) -> None:
    found = resolve_event_date(sentence, PUBLISHED)
    assert found is not None
    assert (found.date, found.planned) == (PartialDate.parse(expected), planned)


@pytest.mark.parametrize(
    ("sentence", "expected", "planned"),
    [
        ("Kcell will switch on 5G in Shymkent by end-2025.", "2025", True),
        ("The regulator wants the band cleared by year-end.", "2024", True),
        ("The regulator wants the band cleared by the year's end.", "2024", True),
        ("Beeline aims to finish the towers by year-end 2026.", "2026", True),
        ("Tcell signed the loan at end-March.", "2024-03", False),
    ],
)
def test_the_press_short_forms_of_an_end(sentence: str, expected: str, planned: bool) -> None:
    found = resolve_event_date(sentence, PUBLISHED)
    assert found is not None
    assert (found.date, found.planned) == (PartialDate.parse(expected), planned)


@given(
    st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31)),
    st.integers(min_value=1, max_value=10),
    st.sampled_from(["day", "month"]),
)
def test_a_time_counted_later_from_a_written_date(day: dt.date, count: int, unit: str) -> None:
    words = MONTHS[count] if count > 1 else "one"
    sentence = (
        f"Kcell signed the contract on {day.day} {day:%B %Y} and the ministry approved it "
        f"{words} {unit}{'s' if count > 1 else ''} later."
    )
    found = resolve_event_date(sentence, None, start=sentence.index(" and "))
    if unit == "day":
        later = day + dt.timedelta(days=count)
        assert found is not None and found.date == PartialDate.model_validate(later)
    else:
        assert found is not None and found.date == _months_before(day, -count)


def test_the_following_day_and_a_comparison() -> None:
    sentence = "Uzbektelecom signed on 30 December 2024 and Huawei signed the next day."
    found = resolve_event_date(sentence, PUBLISHED, start=sentence.index(" and "))
    assert found is not None and found.date == PartialDate(year=2024, month=12, day=31)
    # `a month later than planned` compares: it dates nothing
    sentence = "The cable opened in May 2024, a month later than planned."
    assert resolve_event_date(sentence, PUBLISHED, start=sentence.index(",")) is None


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "The line is being built with a loan from the Asian Development Bank signed in "
            "March 2023.",
            "en",
        ),
        ("Kcell is laying the cable through a grant approved last year.", "en"),
        (
            "Казахтелеком строит линию на средства кредита АБР, подписанного в марте 2023 года.",
            "ru",
        ),
        (
            "Линию строит Huawei по контракту с Казахтелекомом, заключённому 5 марта 2023 года.",
            "ru",
        ),
    ],
)
def test_work_beside_a_deal_told_in_passing_is_not_dated_by_it(
    events_sep2019, body, language
) -> None:
    work = next(
        e
        for e in events_sep2019(body, date="2024-09-05", language=language)
        if e.stage == "deployment"
    )
    assert (str(work.date), work.date_basis) == ("2024-09-05", "article")


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31)))
def test_half_a_year_ago_and_the_day_before_yesterday(day: dt.date) -> None:
    published = PartialDate.model_validate(day)
    for sentence in (
        "Tcell signed the lease half a year ago.",
        "Tcell подписал договор полгода назад.",
    ):
        found = resolve_event_date(sentence, published)
        assert found is not None and found.date == _months_before(day, 6)
    two_days = PartialDate.model_validate(day - dt.timedelta(days=2))
    for sentence in (
        "Tcell signed the lease the day before yesterday.",
        "Tcell подписал его позавчера.",
    ):
        found = resolve_event_date(sentence, published)
        assert found is not None and found.date == two_days


def test_a_trailing_apposition_is_found_where_its_noun_begins() -> None:
    english = "Work on the line goes on, a project approved in 2021."
    assert trailing_apposition(english) == english.index(", a project")
    russian = "Линию строят на средства займа, выданного в мае 2023 года."
    assert trailing_apposition(russian) == russian.index(", выданного")
    assert trailing_apposition("The operator signed a deal in May 2023.") is None


def read_events(body: str, language: str = "en", date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date=date, language=language)
    return analyse(article, REAL).events


def test_a_plan_pointing_back_to_a_vague_time_is_of_that_time() -> None:
    body = (
        "Kcell will set up a working group on satellite internet with OneWeb, the ministry "
        "said. A few years ago, OneWeb representatives visited Astana to discuss an office. "
        "At that time, it was planned to launch the service in 2023."
    )
    plans = [event for event in read_events(body, "en", "2025-11-14") if event.stage == "plan"]
    assert [(str(p.date), str(p.target)) for p in plans] == [
        ("2025-11-14", "None"),
        ("None", "2023"),
    ]


def dated(body: str, language: str = "en") -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, "2024-09-05")]


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


years_from_2001 = st.integers(min_value=2001, max_value=2060)


def _date(sentence: str, day: dt.date) -> PartialDate | None:
    found = resolve_event_date(sentence, PartialDate.model_validate(day))
    return None if found is None else found.date


days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31))


publications = st.one_of(
    st.none(),
    years_from_2001.map(lambda year: PartialDate(year=year)),
    days.map(lambda day: PartialDate(year=day.year, month=day.month)),
    days.map(PartialDate.model_validate),
)

DATE_WORDS = [
    "within",
    "in",
    "a couple of",
    "two",
    "weeks",
    "months",
    "years",
    "ago",
    "later",
    "earlier",
    "the week before last",
    "last quarter",
    "by the end of the quarter",
    "over the weekend",
    "this morning",
    "last night",
    "in Q3",
    "by 2H",
    "FY2026",
    "the 2024 financial year",
    "postponed",
    "pushing it back to",
    "begin in April and finish by",
    "2027",
    "31 December",
    "Published 4 February 2026",
    "в течение пяти лет",
    "через два года",
    "годом ранее",
    "пару недель назад",
    "в позапрошлом квартале",
    "в минувшие выходные",
    "до конца месяца",
    "на следующий день",
    "перенесла на",
    ",",
    ".",
    "",
]

sentences = st.lists(st.sampled_from(DATE_WORDS), max_size=12).map(" ".join)


@given(
    years_from_2001,
    st.sampled_from(["через год после", "год спустя после", "через два года после"]),
)
def test_a_russian_count_from_another_event_is_not_counted_from_the_date_before(
    year: int, count: str
) -> None:
    sentence = f"Kcell подписал контракт в {year} году, а {count} запуска сети расширил её."
    assert resolve_event_date(sentence, None, start=sentence.index(", а")) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Kcell signed the deal in the last year of the programme.",
        "Kcell signed the deal during the last month of the year.",
        "Kcell will sign in the next quarter of the year.",
    ],
)
def test_a_period_of_something_named_after_it_is_no_period_from_publication(
    sentence: str,
) -> None:
    assert resolve_event_date(sentence, PartialDate(year=2025, month=6, day=4)) is None


@given(days)
def test_the_week_before_last_is_two_weeks_back(day: dt.date) -> None:
    assert _date("Kcell signed it the week before last.", day) == _date(
        "Kcell signed it two weeks ago.", day
    )


@given(days)
def test_the_quarter_before_last_is_the_year_of_six_months_back(day: dt.date) -> None:
    six_months_back = (day.year * 12 + day.month - 1 - 6) // 12
    found = _date("Kcell signed it the quarter before last.", day)
    assert found == PartialDate(year=six_months_back)


@pytest.mark.parametrize(
    ("sentence", "published", "weekend"),
    [
        # `this weekend` is ahead even told with no word of the future (Wednesday 4 June
        # 2025: the 7th and 8th, not the 31 May and 1 June before)
        ("The Kcell auction is this weekend.", "2025-06-04", "2025-06"),
        # told on its Sunday, a weekend ahead is the one under way (28-29 June), not the next
        ("Kcell will sign the deal this weekend.", "2025-06-29", "2025-06"),
    ],
)
def test_this_weekend_is_the_one_ahead(sentence: str, published: str, weekend: str) -> None:
    found = resolve_event_date(sentence, PartialDate.model_validate(published))
    assert found is not None and found.planned and str(found.date) == weekend


def test_a_weekend_told_as_done_on_its_saturday_is_that_day() -> None:
    published = PartialDate(year=2025, month=5, day=31)  # a Saturday
    found = resolve_event_date("Kcell signed the deal over the weekend.", published)
    assert found is not None and not found.planned and found.date == published


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 30)))
def test_the_russian_next_day_counts_from_the_day_written_before(day: dt.date) -> None:
    months = ["", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа"]
    months += ["сентября", "октября", "ноября", "декабря"]
    written = f"{day.day} {months[day.month]} {day.year} года"
    sentence = f"Kcell подписал контракт {written}, а на следующий день запустил сеть."
    found = resolve_event_date(sentence, None, start=sentence.index(", а"))
    assert found is not None and found.date == PartialDate.model_validate(day + dt.timedelta(1))


def test_a_russian_weekend_alone_dates_the_sentence(dated_events) -> None:
    (deal,) = dated_events(
        "Kcell подписал соглашение с Nokia в минувшие выходные.", "2025-03-12", "ru"
    )
    assert str(deal.date) == "2025-03"  # the 8th and 9th, not the day it was told


def test_an_end_told_before_the_start_is_no_end(dated_events) -> None:
    (plan,) = dated_events(
        "Kcell will begin building the line in 2027, once the design is approved by 2026.",
        "2025-03-12",
    )
    assert str(plan.target) == "2027"


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("Kcell signed a deal with Nokia over the weekend.", "2025-03"),  # the 8th and 9th
        ("Kcell signed a deal with Nokia last night.", "2025-03-11"),
    ],
)
def test_an_english_weekend_or_night_alone_dates_the_sentence(
    dated_events, body: str, date: str
) -> None:
    (deal,) = dated_events(body, "2025-03-12")
    assert str(deal.date) == date


@given(st.one_of(sentences, st.text(max_size=80)), publications, st.data())
def test_the_date_readers_answer_any_sentence(sentence: str, published, data) -> None:
    start = data.draw(st.integers(0, len(sentence)))
    after = data.draw(st.integers(0, len(sentence) + 2))
    targets_only = data.draw(st.booleans())
    found = resolve_event_date(
        sentence, published, start=start, after=after, targets_only=targets_only
    )
    assert found is None or found.start >= 0
    aim = counted_ahead(sentence, published)
    assert aim is None or published is not None
    assert tells_a_move(sentence) in (True, False)


@pytest.mark.parametrize("date", [None, "2025-03-12"])
@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("", "en"),
        ("The weather was fine.", "en"),  # no event
        ("Погода была хорошей.", "ru"),
        ("Kcell will pick a vendor within six months.", "en"),  # a plan counted forward
        ("Kcell will begin digging in April and finish by 2027.", "en"),  # started, then ended
        ("Kcell перенесла запуск сети на 2027 год.", "ru"),  # a move
        ("Beeline has cancelled its tower deal with Nokia.\n\nThe decision was made.", "en"),
        ("On Tuesday the minister met Kcell.\n\nThe minister was informed of the 5G plan.", "en"),
        ("Kcell has laid 300 km of fibre since digging began.", "en"),  # a since clause, no date
    ],
)
def test_an_article_with_few_dates_or_events_is_read(
    dated_events, body: str, language: str, date: str | None
) -> None:
    for event in dated_events(body, date, language):
        assert event.date is None or event.date.year > 2000
