"""Review of session 15's dates (docs/events.md -> Dates): the rules no test of
tests/test_dates15.py failed without, and the new readers on odd input (an empty sentence,
no date, an undated article, an article with no events) answering without a traceback.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import counted_ahead, resolve_event_date, tells_a_move
from ca_connect.events import analyse
from ca_connect.models import Article, EntityDictionary, Event, PartialDate

days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31))
years = st.integers(min_value=2001, max_value=2060)
publications = st.one_of(
    st.none(),
    years.map(lambda year: PartialDate(year=year)),
    days.map(lambda day: PartialDate(year=day.year, month=day.month)),
    days.map(PartialDate.model_validate),
)


def _date(sentence: str, day: dt.date) -> PartialDate | None:
    found = resolve_event_date(sentence, PartialDate.model_validate(day))
    return None if found is None else found.date


# --- Rules no test failed without ------------------------------------------------------


@given(years, st.sampled_from(["pushed the auction back to", "brought the auction forward to"]))
def test_a_bare_year_a_time_is_moved_to_is_a_target(year: int, move: str) -> None:
    found = resolve_event_date(f"The regulator {move} {year}.", PartialDate(year=2000, month=1))
    assert found is not None and found.planned and found.date == PartialDate(year=year)


@given(years, st.sampled_from(["brought", "brings", "is bringing"]))
def test_a_time_brought_forward_with_its_object_between_is_a_target(year: int, verb: str) -> None:
    sentence = f"The operator {verb} the launch of the network forward to {year}."
    found = resolve_event_date(sentence, PartialDate(year=2000, month=1))
    assert found is not None and found.planned and found.date == PartialDate(year=year)


@given(years, st.sampled_from(["через год после", "год спустя после", "через два года после"]))
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


@pytest.mark.parametrize(
    ("sentence", "aim"),
    [
        ("Kcell will open the hub in a year's time.", "2026-03"),
        ("Kcell will open the hub in a month's time.", "2025-04"),
        ("Kcell will open the hub in two years' time.", "2027"),
        ("Kcell will open the hub in a year.", None),  # `in a year` alone: no count told
    ],
)
def test_a_time_counted_forward_with_its_time(sentence: str, aim: str | None) -> None:
    found = counted_ahead(sentence, PartialDate(year=2025, month=3, day=12))
    assert (None if found is None else str(found)) == aim


@given(st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 30)))
def test_the_russian_next_day_counts_from_the_day_written_before(day: dt.date) -> None:
    months = ["", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа"]
    months += ["сентября", "октября", "ноября", "декабря"]
    written = f"{day.day} {months[day.month]} {day.year} года"
    sentence = f"Kcell подписал контракт {written}, а на следующий день запустил сеть."
    found = resolve_event_date(sentence, None, start=sentence.index(", а"))
    assert found is not None and found.date == PartialDate.model_validate(day + dt.timedelta(1))


@pytest.fixture(scope="module")
def events(dictionary: EntityDictionary):
    def read(
        body: str, date: str | None, language: str = "en", title: str | None = None
    ) -> list[Event]:
        article = Article(
            id="x", path="x.txt", body=body, date=date, language=language, title=title
        )
        return analyse(article, dictionary).events

    return read


def test_a_russian_weekend_alone_dates_the_sentence(events) -> None:
    (deal,) = events("Kcell подписал соглашение с Nokia в минувшие выходные.", "2025-03-12", "ru")
    assert str(deal.date) == "2025-03"  # the 8th and 9th, not the day it was told


def test_an_end_told_before_the_start_is_no_end(events) -> None:
    (plan,) = events(
        "Kcell will begin building the line in 2027, once the design is approved by 2026.",
        "2025-03-12",
    )
    assert str(plan.target) == "2027"


MEETING = "On Tuesday the minister held talks with the chairman of Kcell."
ASIDE = "Digital technologies are changing every part of daily life."
WORK = "Kcell is building a data center in Almaty."


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # a briefing, two paragraphs on
        (
            f"{MEETING}\n\n{ASIDE}\n\nThe minister was informed that {WORK[0].lower()}{WORK[1:]}",
            None,
        ),
        (f"{MEETING} {ASIDE} {WORK}", None),  # in the meeting's paragraph
        # right after a sentence of its paragraph telling the meeting
        (f"{MEETING}\n\n{ASIDE}\n\nAt the meeting the chairman spoke of his plans. {WORK}", None),
        (f"{MEETING}\n\n{ASIDE}", WORK.rstrip(".")),  # the title
    ],
)
def test_work_told_with_the_meeting_takes_its_day(events, body: str, title: str | None) -> None:
    (work,) = [e for e in events(body, "2025-03-13", title=title) if e.stage == "deployment"]
    assert str(work.date) == "2025-03-11"


def test_work_two_paragraphs_after_the_leads_is_other_work(events) -> None:
    body = (
        "On Tuesday Kcell began building a data center in Almaty.\n\n"
        "The city has 2 million people.\n\n"
        "Beeline is laying a fibre-optic line to Shymkent."
    )
    dates = [str(e.date) for e in events(body, "2025-03-13") if e.stage == "deployment"]
    assert dates == ["2025-03-11", "2025-03-13"]


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("Kcell signed a deal with Nokia over the weekend.", "2025-03"),  # the 8th and 9th
        ("Kcell signed a deal with Nokia last night.", "2025-03-11"),
    ],
)
def test_an_english_weekend_or_night_alone_dates_the_sentence(events, body: str, date: str) -> None:
    (deal,) = events(body, "2025-03-12")
    assert str(deal.date) == date


# --- Odd input: an answer, never a traceback --------------------------------------------

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
    events, body: str, language: str, date: str | None
) -> None:
    for event in events(body, date, language):
        assert event.date is None or event.date.year > 2000


def test_a_time_rescheduled_for_is_a_target_as_one_scheduled_for() -> None:
    # `\bscheduled` cannot match inside `rescheduled`: the stage word `rescheduled for`
    # planned, but its time was read as the event's date, not as the plan's target.
    published = PartialDate(year=2026, month=3, day=2)
    for sentence in (
        "The cable's launch was rescheduled for May 2027.",
        "It is scheduled for May 2027.",
    ):
        found = resolve_event_date(sentence, published)
        assert found is not None and found.planned, sentence
        assert found.date == PartialDate(year=2027, month=5)
