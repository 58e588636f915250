"""The dates events take (docs/events.md -> Dates), on articles written for the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import resolve_event_date
from ca_connect.events import analyse, dating
from ca_connect.loader import parse_article
from ca_connect.models import Article, EntityDictionary, Event, PartialDate


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
