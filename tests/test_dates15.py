"""Targets the press writes as a time counted forward or as the end of what is to start
(docs/events.md -> Dates, session 15): `within six months`, `in two years`, «в течение
пяти лет», «через два года», «в ближайшие три года» (that long after the story's day, for a
plan that writes no target of its own), and `will begin digging in April and finish by the
end of 2027`, «намерены приступить к прокладке весной и завершить её в 2027 году» (the end).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import counted_ahead, resolve_event_date
from ca_connect.events import analyse
from ca_connect.models import Article, EntityDictionary, Event, PartialDate

days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31))
years = st.integers(min_value=2001, max_value=2060)

ENGLISH_COUNTS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# The genitive `в течение` governs, and the nominative `через` and `в ближайшие` do.
GENITIVE = ["", "", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти"]
NOMINATIVE = ["", "", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
RUSSIAN_YEARS = ["", "", "года", "года", "года", "лет", "лет", "лет", "лет", "лет"]
RUSSIAN_MONTHS = ["", "", "месяца", "месяца", "месяца", "месяцев", "месяцев", "месяцев"]
RUSSIAN_MONTHS += ["месяцев", "месяцев"]


def _months_after(day: dt.date, count: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 + count
    return PartialDate(year=index // 12, month=index % 12 + 1)


@pytest.fixture(scope="module")
def events(dictionary: EntityDictionary):
    def read(body: str, date: str = "2025-03-12", language: str = "en") -> list[Event]:
        article = Article(id="x", path="x.txt", body=body, date=date, language=language)
        return analyse(article, dictionary).events

    return read


# --- A time counted forward -----------------------------------------------------------


@given(days, st.integers(2, 9), st.sampled_from(["within {} months", "in {} months"]))
def test_months_counted_forward_keep_the_month(day: dt.date, count: int, form: str) -> None:
    published = PartialDate.model_validate(day)
    sentence = f"The regulator will pick a vendor {form.format(ENGLISH_COUNTS[count])}."
    assert counted_ahead(sentence, published) == _months_after(day, count)


@given(days, st.integers(2, 9), st.sampled_from(["в течение {} {}", "через {} {}"]))
def test_russian_months_counted_forward_keep_the_month(day: dt.date, count: int, form: str) -> None:
    published = PartialDate.model_validate(day)
    number = GENITIVE[count] if form.startswith("в течение") else NOMINATIVE[count]
    sentence = f"Оператор выберет поставщика {form.format(number, RUSSIAN_MONTHS[count])}."
    assert counted_ahead(sentence, published) == _months_after(day, count)


@given(days, st.integers(2, 9))
def test_years_counted_forward_give_the_year(day: dt.date, count: int) -> None:
    published = PartialDate.model_validate(day)
    expected = PartialDate(year=day.year + count)
    english = (
        f"The group intends to spend $90 million within the next {ENGLISH_COUNTS[count]} years."
    )
    assert counted_ahead(english, published) == expected
    for russian in (
        f"Группа вложит в сеть $90 млн в течение {GENITIVE[count]} {RUSSIAN_YEARS[count]}.",
        f"Группа вложит в сеть $90 млн в ближайшие {NOMINATIVE[count]} {RUSSIAN_YEARS[count]}.",
    ):
        assert counted_ahead(russian, published) == expected, russian


@pytest.mark.parametrize(
    "sentence",
    [
        # counted from another event, not from the story's day
        "The winner must cover the capital within a year of winning the tender.",
        "Оператор запустил сеть через два года после получения лицензии.",
        # a length of work, not an aim
        "The fund will invest $40 million in the network over five years.",
        "Kcell has run the pilot for two years.",
        # no count
        "The sides will meet again in a year.",
    ],
)
def test_a_span_from_another_event_or_a_length_counts_nothing(sentence: str) -> None:
    assert counted_ahead(sentence, PartialDate(year=2025, month=3, day=12)) is None


def test_a_plan_with_no_target_takes_the_time_counted_forward(events) -> None:
    (plan,) = events("Kcell is to choose a contractor for the data center within six months.")
    assert (plan.stage, str(plan.date), str(plan.target)) == ("plan", "2025-03-12", "2025-09")
    (plan,) = events(
        "Beeline обязалась в течение трёх лет построить 900 базовых станций 5G.", language="ru"
    )
    assert (plan.stage, str(plan.target)) == ("plan", "2028")


def test_a_written_target_wins_over_a_time_counted_forward(events) -> None:
    (plan,) = events("Kcell will pick a vendor within six months and open the network in 2027.")
    assert str(plan.target) == "2027"


# --- The end of what is to start ------------------------------------------------------

STARTS = ["is to start", "will begin", "should start", "is expected to begin"]


@given(years, st.sampled_from(STARTS))
def test_a_plan_started_then_finished_aims_at_its_end(year: int, start: str) -> None:
    published = PartialDate(year=year, month=2, day=10)
    sentence = f"Work {start} in May and the line is to be finished by the end of {year + 2}."
    first = resolve_event_date(sentence, published)
    assert first is not None and first.planned and first.date == PartialDate(year=year, month=5)
    end = resolve_event_date(sentence, published, targets_only=True, after=first.end)
    assert end is not None and end.date == PartialDate(year=year + 2)


@pytest.mark.parametrize(
    ("body", "language", "target"),
    [
        (
            "Kcell will begin digging the duct in April and finish it by the end of 2027.",
            "en",
            "2027",
        ),
        ("Construction of the Kcell data center will begin in 2026 and end in 2028.", "en", "2028"),
        (
            "Kcell и Huawei намерены приступить к прокладке кабеля весной и завершить "
            "строительство в 2027 году.",
            "ru",
            "2027",
        ),
        # no end told: the start is the target
        ("Kcell will start building the data center in May.", "en", "2025-05"),
    ],
)
def test_the_plans_target_is_the_end_of_what_it_starts(
    events, body: str, language: str, target: str
) -> None:
    plans = [e for e in events(body, language=language) if e.stage == "plan"]
    assert [str(p.target) for p in plans] == [target]


# --- A time moved, its object told between ----------------------------------------------

MOVES = ["postponed", "pushed", "is pushing", "delayed", "has shifted", "moved", "slipped"]
RUSSIAN_MOVES = ["перенесла", "перенесли", "переносит", "отложила", "сдвинули", "отодвинула"]


@given(years, st.sampled_from(MOVES), st.sampled_from(["to", "into", "back to", "until"]))
def test_a_time_moved_with_its_object_between_is_a_target(year: int, verb: str, to: str) -> None:
    published = PartialDate(year=year, month=6, day=3)
    sentence = f"The operator {verb} the opening of the Aktau data hall {to} the end of {year + 1}."
    found = resolve_event_date(sentence, published)
    assert found is not None and found.planned and found.date == PartialDate(year=year + 1)


@given(years, st.sampled_from(RUSSIAN_MOVES))
def test_a_russian_time_moved_with_its_object_between_is_a_target(year: int, verb: str) -> None:
    published = PartialDate(year=year, month=6, day=3)
    sentence = f"Компания {verb} ввод линии в эксплуатацию на второй квартал {year + 1} года."
    found = resolve_event_date(sentence, published)
    assert found is not None and found.planned and found.date == PartialDate(year=year + 1)


def test_a_place_moved_to_is_no_time(events) -> None:
    found = resolve_event_date("Huawei moved its office to Tashkent in 2014.", None)
    assert found is not None and not found.planned


def test_the_time_moved_to_replaces_the_one_missed(events) -> None:
    (plan,) = events(
        "The Kcell data center will not open this year as planned, the operator said, "
        "pushing its launch into the second half of 2026.",
        date="2025-11-20",
    )
    assert (plan.stage, str(plan.target)) == ("plan", "2026")
    (plan,) = events(
        "Kcell планировала открыть ЦОД в этом году, но перенесла его запуск на конец 2026 года.",
        date="2025-11-20",
        language="ru",
    )
    assert str(plan.target) == "2026"


@given(years, st.sampled_from(["перенесла", "перенесло", "отложила", "отложило", "сдвинула"]))
def test_the_feminine_and_neuter_past_of_a_move_read_as_the_plural(year: int, verb: str) -> None:
    found = resolve_event_date(f"Компания {verb} на {year} год запуск сети.", None)
    assert found is not None and found.planned and found.date == PartialDate(year=year)


# --- The decision behind a cancellation, named by what it decided ------------------------


@pytest.mark.parametrize(
    ("body", "language", "date"),
    [
        (
            "Beeline has cancelled its tower deal with Nokia.\n\n"
            "The decision to scrap the deal was made by the board in February.",
            "en",
            "2025-02",
        ),
        (
            "«Казахтелеком» расторг контракт с ZTE на строительство линии.\n\n"
            "Решение об отказе от контракта совет директоров принял в феврале.",
            "ru",
            "2025-02",
        ),
        # a signing told again needs its day: a month recalls another one
        (
            "Kcell signed a memorandum with Nokia on 5G.\n\nThe memorandum was signed in February.",
            "en",
            "2025-03-12",
        ),
    ],
)
def test_the_decision_behind_a_cancellation_dates_it_by_its_month(
    events, body: str, language: str, date: str
) -> None:
    first = events(body, language=language)[0]
    assert str(first.date) == date


# --- What was reported at the meeting, and what was not -----------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "On Tuesday the minister held talks with the chairman of Kcell.\n\n"
            "The minister was informed that Kcell is building a data center in Almaty.\n\n"
            "Digital technologies are changing every part of daily life.\n\n"
            "Beeline is laying a fibre-optic line from Almaty to Shymkent.",
            "en",
        ),
        (
            "Во вторник министр провёл переговоры с председателем правления Kcell.\n\n"
            "Министру доложили, что Kcell строит ЦОД в Алматы.\n\n"
            "Цифровые технологии меняют все стороны жизни.\n\n"
            "Beeline прокладывает волоконно-оптическую линию из Алматы в Шымкент.",
            "ru",
        ),
    ],
)
def test_work_told_on_its_own_after_a_meeting_is_held_when_written(
    events, body: str, language: str
) -> None:
    work = [
        e for e in events(body, date="2025-03-13", language=language) if e.stage == "deployment"
    ]
    assert [(e.text.split()[0], str(e.date)) for e in work] == [
        (work[0].text.split()[0], "2025-03-11"),  # reported at Tuesday's meeting
        ("Beeline", "2025-03-13"),  # told on its own: the state of things when written
    ]


# --- Work dated by the start a `since` clause tells ---------------------------------------


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("Kcell crews have laid 300 km of fibre since digging began in October 2024.", "2024-10"),
        ("Kcell has laid a third of the lake cable since the barge arrived in May.", "2024-05"),
        ("Kcell has installed 90 towers since construction started in 2023.", "2023"),
        # the clause tells something else than the work's start: held when written
        ("Beeline has laid 5,000 km of fiber since it entered the Kyrgyz market in 2022.", None),
    ],
)
def test_a_since_clause_telling_the_works_start_dates_the_work(
    events, body: str, date: str | None
) -> None:
    (work,) = [e for e in events(body) if e.stage == "deployment"]
    assert str(work.date) == (date or "2025-03-12")


# --- A publication line heading the body --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Published 11 March 2025", "en"),
        ("Posted on March 11, 2025", "en"),
        ("Published 2025-03-11", "en"),
        ("Опубликовано 11 марта 2025 года", "ru"),
    ],
)
def test_a_publication_line_dates_no_event_and_the_lead_is_read_after_it(
    events, line: str, language: str
) -> None:
    assert resolve_event_date(line, PartialDate(year=2025, month=3, day=11)) is None
    lead = {
        "en": "On Monday the minister held talks with Huawei on 5G.",
        "ru": "В понедельник министр провёл переговоры с Huawei по 5G.",
    }[language]
    said = {
        "en": "The minister said Kcell is building a 5G network in Almaty.",
        "ru": "Министр сообщил, что Kcell строит сеть 5G в Алматы.",
    }[language]
    found = events(f"{line}\n\n{lead}\n\n{said}", date="2025-03-11", language=language)
    assert [(e.stage, str(e.date)) for e in found] == [
        ("talks", "2025-03-10"),
        ("deployment", "2025-03-10"),  # reported at Monday's meeting
    ]


# --- The lead's work told on, and other work further on -----------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "On Tuesday Kcell began building a data center in Almaty.\n\n"
            "ZTE is building the facility.\n\n"
            "The city has 2 million people.\n\n"
            "Beeline is laying a fibre-optic line to Shymkent.",
            "en",
        ),
        (
            "Во вторник Kcell начал строительство ЦОД в Алматы.\n\n"
            "Здание возводит ZTE.\n\n"
            "В городе живут 2 млн человек.\n\n"
            "Beeline прокладывает волоконно-оптическую линию в Шымкент.",
            "ru",
        ),
    ],
)
def test_work_told_two_paragraphs_after_the_leads_is_other_work(
    events, body: str, language: str
) -> None:
    found = events(body, date="2025-03-13", language=language)
    assert [str(e.date) for e in found if e.stage == "deployment"] == [
        "2025-03-11",  # the lead's
        "2025-03-11",  # the lead's work told on
        "2025-03-13",  # other work, held when written
    ]


# --- Relative days, weekends, months and quarters, in both languages -----------------------


def _quarter_year(day: dt.date, offset: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 + 3 * offset
    return PartialDate(year=index // 12)


def _date(sentence: str, day: dt.date) -> PartialDate | None:
    found = resolve_event_date(sentence, PartialDate.model_validate(day))
    return None if found is None else found.date


@given(days)
def test_a_quarter_told_relatively_is_kept_as_its_year(day: dt.date) -> None:
    for offset, english, russian in (
        (-1, "Kcell signed the deal last quarter.", "Kcell подписал сделку в прошлом квартале."),
        (0, "Kcell signed the deal this quarter.", "Kcell подписал сделку в этом квартале."),
        (
            1,
            "Kcell will sign the deal next quarter.",
            "Kcell подпишет сделку в следующем квартале.",
        ),
    ):
        for sentence in (english, russian):
            found = _date(sentence, day)
            # (this quarter told as done in January is that January: its year's first month)
            assert found is not None and found.year == _quarter_year(day, offset).year, sentence
            assert found.month is None or (found.month, day.month, offset) == (1, 1, 0)


@given(days)
def test_the_end_of_the_month_or_quarter_is_the_publications(day: dt.date) -> None:
    published = PartialDate.model_validate(day)
    for sentence in ("Kcell will sign by the end of the month.", "Kcell подпишет до конца месяца."):
        found = resolve_event_date(sentence, published)
        assert found is not None and found.planned, sentence
        assert found.date == PartialDate(year=day.year, month=day.month)
    for sentence in (
        "Kcell will sign by the end of the quarter.",
        "Kcell подпишет до конца квартала.",
    ):
        assert _date(sentence, day) == PartialDate(year=day.year), sentence


@given(days)
def test_the_period_before_last(day: dt.date) -> None:
    assert _date("Kcell signed it the year before last.", day) == PartialDate(year=day.year - 2)
    assert _date("Kcell подписал его в позапрошлом году.", day) == PartialDate(year=day.year - 2)
    assert _date("Kcell signed it the month before last.", day) == _months_after(day, -2)


@given(days, st.sampled_from(["day", "week", "month", "year"]))
def test_a_couple_is_two(day: dt.date, unit: str) -> None:
    two = _date(f"Kcell signed it two {unit}s ago.", day)
    assert _date(f"Kcell signed it a couple of {unit}s ago.", day) == two
    russian = {"day": "дней", "week": "недель", "month": "месяцев", "year": "лет"}[unit]
    assert _date(f"Kcell подписал его пару {russian} назад.", day) == two


@given(days)
def test_parts_of_a_day(day: dt.date) -> None:
    today = PartialDate.model_validate(day)
    yesterday = PartialDate.model_validate(day - dt.timedelta(days=1))
    assert _date("Kcell signed it this morning.", day) == today
    assert _date("Kcell signed it this evening.", day) == today
    assert _date("Kcell signed it last night.", day) == yesterday
    assert _date("Kcell подписал его вчера вечером.", day) == yesterday


@given(days)
def test_the_weekend_is_the_one_before_the_story(day: dt.date) -> None:
    saturday = day - dt.timedelta(days=(day.weekday() - 5) % 7)
    for sentence in (
        "Kcell signed the deal over the weekend.",
        "Kcell signed the deal last weekend.",
        "Kcell подписал сделку в минувшие выходные.",
    ):
        found = _date(sentence, day)
        # told on its Saturday, the weekend so far is that day
        sunday = min(saturday + dt.timedelta(days=1), day)
        if saturday.year != sunday.year:
            assert found is None  # a weekend across two years is no date
            continue
        assert found is not None and found.year == saturday.year, sentence
        # the weekend's month, unless it crosses one; its day, when published on its Saturday
        assert found.month in (None, saturday.month)
        assert found.month is not None or saturday.month != sunday.month
        assert found.day in (None, saturday.day)


# --- Counted from the date written before: later and earlier, in both languages -------------

ENGLISH_UNITS = {"year": "years", "month": "months"}
RUSSIAN_LATER = {
    "year": ["год спустя", "через два года", "три года спустя"],
    "month": ["месяц спустя", "через два месяца", "спустя три месяца"],
}
RUSSIAN_EARLIER = {
    "year": ["годом ранее", "двумя годами ранее", "тремя годами раньше"],
    "month": ["месяцем ранее", "двумя месяцами ранее", "тремя месяцами раньше"],
}


def _counted(day: dt.date, unit: str, count: int) -> PartialDate:
    if unit == "year":
        return PartialDate(year=day.year + count)
    return _months_after(day, count)


@given(days, st.sampled_from(["year", "month"]), st.integers(1, 3))
def test_a_time_counted_from_the_date_written_before(day: dt.date, unit: str, count: int) -> None:
    written = f"{day:%B} {day.year}" if unit == "month" else str(day.year)
    number = ["", "a", "two", "three"][count]
    plural = "s" if count > 1 else ""
    english = f"Kcell signed in {written}; {number} {unit}{plural} later it launched the network."
    found = resolve_event_date(english, None, start=english.index(";"))
    assert found is not None and found.date == _counted(day, unit, count), english
    english = english.replace("later", "earlier")
    found = resolve_event_date(english, None, start=english.index(";"))
    assert found is not None and found.date == _counted(day, unit, -count), english


@given(days, st.sampled_from(["year", "month"]), st.integers(1, 3))
def test_a_russian_time_counted_from_the_date_written_before(
    day: dt.date, unit: str, count: int
) -> None:
    months = ["", "январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе"]
    months += ["сентябре", "октябре", "ноябре", "декабре"]
    written = f"{months[day.month]} {day.year} года" if unit == "month" else f"{day.year} году"
    for words, sign in ((RUSSIAN_LATER, 1), (RUSSIAN_EARLIER, -1)):
        russian = f"Kcell подписал контракт в {written}, а {words[unit][count - 1]} запустил сеть."
        found = resolve_event_date(russian, None, start=russian.index(", а"))
        assert found is not None and found.date == _counted(day, unit, sign * count), russian


@pytest.mark.parametrize(
    "sentence",
    [
        "Линию запустят через два года.",  # no date written before: counted from nothing
        "Через год после подписания контракта Kcell запустил сеть.",  # counted back
    ],
)
def test_a_russian_count_with_no_date_before_dates_nothing(sentence: str) -> None:
    assert resolve_event_date(sentence, None) is None


# --- Short parts of a year and fiscal years -------------------------------------------------

SHORT_PARTS = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "1Q": 3, "3Q": 9, "H1": 6, "H2": 12, "2H": 12}


@given(days, st.sampled_from(sorted(SHORT_PARTS)))
def test_a_short_part_with_no_year_reads_as_its_words(day: dt.date, part: str) -> None:
    # a target: the year of the next such part not over
    expected = day.year if SHORT_PARTS[part] >= day.month else day.year + 1
    found = resolve_event_date(
        f"Kcell will sign the contract in {part}.", PartialDate.model_validate(day)
    )
    assert found is not None and found.planned and found.date == PartialDate(year=expected)


def test_a_short_part_needs_its_preposition() -> None:
    assert (
        resolve_event_date("Kcell's H2 revenue rose 9%.", PartialDate(year=2025, month=6)) is None
    )


@given(years, st.sampled_from(["in FY{}", "in FY {}", "in fiscal {}", "in the {} fiscal year"]))
def test_a_fiscal_year_is_its_year(year: int, form: str) -> None:
    sentence = f"Kcell invested $90 million {form.format(year)}."
    found = resolve_event_date(sentence, PartialDate(year=2061, month=1, day=5))
    assert found is not None and found.date == PartialDate(year=year)
