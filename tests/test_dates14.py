"""Dates the press writes as a count or a move (docs/events.md -> Dates, session 14):
targets after a verb of scheduling or postponing (Russian parts of a year in the
accusative, `на конец 2025 года`, `на лето`, the present `переносится на`; English
`slipped to`, `moved back to`, a hope: `hoped to … before the end of this year`), and a
time counted from another (`five months after the loan was signed`, «через два месяца
после того, как …»).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import counted_back, resolve_event_date, trailing_apposition
from ca_connect.events import analyse
from ca_connect.models import Article, EntityDictionary, Event, PartialDate

PUBLISHED = PartialDate(year=2024, month=9, day=5)  # a Thursday in September
years = st.integers(min_value=2000, max_value=2060)

# Verbs of scheduling and of postponing, each before its «на».
SCHEDULING = ["запланирован", "запланировано", "намечен", "намечено", "намечалось"]
SCHEDULING += ["планировалось", "намечается"]
POSTPONING = ["перенесён", "перенесено", "перенесли", "переносится", "переносятся"]
POSTPONING += ["отложен", "откладывается", "сдвинут", "сдвигается", "отодвинули"]
# A part of a year in the accusative, with its last month.
PARTS = {"конец": 12, "начало": 1, "середину": 7, "весну": 5, "лето": 8, "осень": 11}


def target(sentence: str, published: PartialDate | None = PUBLISHED) -> PartialDate | None:
    found = resolve_event_date(sentence, published)
    assert found is None or found.planned, sentence
    return None if found is None else found.date


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


# --- A time counted from another -----------------------------------------------------

MONTHS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
RUSSIAN_MONTHS = ["", "", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]


@pytest.fixture(scope="module")
def events(dictionary: EntityDictionary):
    def read(body: str, date: str = "2019-09-18", language: str = "en") -> list[Event]:
        article = Article(id="x", path="x.txt", body=body, date=date, language=language)
        return analyse(article, dictionary).events

    return read


def _months_before(day: dt.date, count: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 - count
    return PartialDate(year=index // 12, month=index % 12 + 1)


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


def test_the_event_in_the_clause_is_that_long_before_the_main_clauses_day(events) -> None:
    body = (
        "Kyrgyztelecom began laying the Naryn cable on Monday, seven months after Kyrgyzstan "
        "signed a $30 million loan with the Asian Development Bank."
    )
    dated = {e.stage: (str(e.date), e.date_basis) for e in events(body)}
    assert dated == {"deployment": ("2019-09-16", "sentence"), "agreement": ("2019-02", "sentence")}


def test_with_no_date_of_its_own_the_main_clause_is_the_storys_day(events) -> None:
    # `a fortnight` before 18 September 2019 is the week of 2-8 September: that month
    body = "A fortnight after Beeline exited Tajikistan, Tcell said it would buy its towers."
    exited = next(e for e in events(body) if e.stage == "launch")
    assert (str(exited.date), exited.date_basis) == ("2019-09", "sentence")


def test_the_main_clause_is_that_long_after_the_clauses_own_date(events) -> None:
    body = "Two years after it entered the market in 2015, Tele2 signed a contract with Nokia."
    (signed,) = events(body)
    assert (signed.stage, str(signed.date)) == ("agreement", "2017")


def test_russian_a_time_counted_back(events) -> None:
    body = (
        "Строительство линии началось в понедельник, через пять месяцев после того, как "
        "Киргизия подписала кредитное соглашение с Эксимбанком Китая."
    )
    dated = {e.stage: str(e.date) for e in events(body, language="ru")}
    assert dated == {"deployment": "2019-09-16", "agreement": "2019-04"}


# --- Russian and English forms completed ---------------------------------------------

SEASONS = ["летом", "осенью", "весной", "зимой"]
RELATIVE_YEARS = {"прошлого": -1, "минувшего": -1, "этого": 0, "текущего": 0, "следующего": 1}


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


# --- A deal told in passing dates the deal, not the work ------------------------------


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
def test_work_beside_a_deal_told_in_passing_is_not_dated_by_it(events, body, language) -> None:
    work = next(
        e for e in events(body, date="2024-09-05", language=language) if e.stage == "deployment"
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
