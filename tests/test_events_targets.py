"""Targets and moved dates (docs/events.md, Dates): a plan's target, a postponement's new date and
a time counted forward, in every form the press writes them."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.dates import counted_ahead, resolve_event_date
from ca_connect.dates import events as date_events
from ca_connect.dates.russian import english_dates
from ca_connect.events import analyse
from ca_connect.models import Article, EntityDictionary, Event, PartialDate
from tests.test_events_ru import REAL

ENGLISH_COUNTS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _months_after(day: dt.date, count: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 + count
    return PartialDate(year=index // 12, month=index % 12 + 1)


days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31))

# The genitive `в течение` governs, and the nominative `через` and `в ближайшие` do.
GENITIVE = ["", "", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти"]

NOMINATIVE = ["", "", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]

RUSSIAN_MONTHS = ["", "", "месяца", "месяца", "месяца", "месяцев", "месяцев", "месяцев"]

RUSSIAN_MONTHS += ["месяцев", "месяцев"]

RUSSIAN_YEARS = ["", "", "года", "года", "года", "лет", "лет", "лет", "лет", "лет"]


@pytest.fixture(scope="module")
def events(dictionary: EntityDictionary):
    def read(body: str, date: str = "2025-03-12", language: str = "en") -> list[Event]:
        article = Article(id="x", path="x.txt", body=body, date=date, language=language)
        return analyse(article, dictionary).events

    return read


STARTS = ["is to start", "will begin", "should start", "is expected to begin"]

years = st.integers(min_value=2001, max_value=2060)

MOVES = ["postponed", "pushed", "is pushing", "delayed", "has shifted", "moved", "slipped"]

RUSSIAN_MOVES = ["перенесла", "перенесли", "переносит", "отложила", "сдвинули", "отодвинула"]


def _date(sentence: str, day: dt.date) -> PartialDate | None:
    found = resolve_event_date(sentence, PartialDate.model_validate(day))
    return None if found is None else found.date


def _quarter_year(day: dt.date, offset: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 + 3 * offset
    return PartialDate(year=index // 12)


def _counted(day: dt.date, unit: str, count: int) -> PartialDate:
    if unit == "year":
        return PartialDate(year=day.year + count)
    return _months_after(day, count)


RUSSIAN_EARLIER = {
    "year": ["годом ранее", "двумя годами ранее", "тремя годами раньше"],
    "month": ["месяцем ранее", "двумя месяцами ранее", "тремя месяцами раньше"],
}

RUSSIAN_LATER = {
    "year": ["год спустя", "через два года", "три года спустя"],
    "month": ["месяц спустя", "через два месяца", "спустя три месяца"],
}

SHORT_PARTS = {"Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12, "1Q": 3, "3Q": 9, "H1": 6, "H2": 12, "2H": 12}


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


BETWEEN = ["the launch of the Aktau data hall", "its 5G launch", "the opening by a year,"]

MORE_MOVES = ["postpones", "postponed", "is postponing", "delays", "delayed", "pushes", "pushed"]

MORE_MOVES += ["moves", "moved", "shifted", "has put back", "put back", "pushed out", "slips"]

MORE_RUSSIAN_MOVES = ["перенесли", "перенесла", "отложили", "сдвинули", "перенесена", "отложена"]

MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля"]

MONTHS_GENITIVE += ["августа", "сентября", "октября", "ноября", "декабря"]

PARTS = [
    "до первого квартала {}",
    "к третьему кварталу {}",
    "до IV квартала {}",
    "до второй половины {}",
    "ко второй половине {}",
    "до середины {}",
    "к середине {}",
    "к началу {}",
    "до начала {}",
]

ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July"]

ENGLISH_MONTHS += ["August", "September", "October", "November", "December"]


def test_the_event_date_rules_write_no_russian_word() -> None:
    """The strings of dates/events.py (docstrings aside) hold no Russian word of a rule:
    they come from dates/russian.py; a dateline's capitals and its labels are left."""
    tree = ast.parse(Path(date_events.__file__).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    words = {
        word
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
        for word in re.findall(r"[а-яё]{3,}", node.value.replace("А-ЯЁ", ""))
    }
    assert words <= {"опубликовано", "обновлено", "дата", "публикации"}


@given(years, st.sampled_from(MORE_MOVES), st.sampled_from(BETWEEN))
def test_a_year_after_a_move_is_its_new_target(year: int, verb: str, between: str) -> None:
    published = PartialDate(year=year, month=6, day=3)
    sentence = f"The operator {verb} {between} to {year + 2}."
    found = resolve_event_date(sentence, published)
    assert found is not None and found.planned and found.date == PartialDate(year=year + 2)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kcell 5G launch has been put back to 2027.",
        "The Kcell 5G launch has been pushed out to 2027.",
        "Caspian fibre cable slips to 2027 as laying falls behind",
        "The cable's completion was delayed by two years, to 2027.",
    ],
)
def test_the_forms_of_a_move_name_a_target(sentence: str) -> None:
    found = resolve_event_date(sentence, PartialDate(year=2025, month=6, day=3))
    assert found is not None and found.planned and found.date == PartialDate(year=2027)


@pytest.mark.parametrize(
    "sentence",
    [
        "Huawei moved its regional office to Tashkent in 2014.",
        "The operator moved 2,000 subscribers to 2025 tariffs.",  # a count, no year
        "The ministry sent the draft to 2027 planners.",  # no move
    ],
)
def test_a_year_after_to_without_a_move_is_no_target(sentence: str) -> None:
    found = resolve_event_date(sentence, PartialDate(year=2025, month=6, day=3))
    assert found is None or not found.planned


@given(years, st.sampled_from(MORE_RUSSIAN_MOVES), st.booleans())
def test_a_russian_move_from_one_year_to_another_is_a_target(
    year: int, verb: str, with_noun: bool
) -> None:
    published = PartialDate(year=year, month=6, day=3)
    old = f"{year} года" if with_noun else str(year)
    sentence = f"Сдача узла связи {verb} с {old} на {year + 2} год."
    found = resolve_event_date(sentence, published)
    assert found is not None and found.planned and found.date == PartialDate(year=year + 2)


@given(days, st.sampled_from(["перенесли", "отложили", "переносится"]))
def test_a_russian_move_to_next_year_or_month(day: dt.date, verb: str) -> None:
    published = PartialDate.model_validate(day)
    found = resolve_event_date(f"Открытие ЦОД {verb} на следующий год.", published)
    assert found is not None and found.planned and found.date == PartialDate(year=day.year + 1)
    found = resolve_event_date(f"Открытие ЦОД {verb} на следующий месяц.", published)
    month = day.year * 12 + day.month  # the next month's index, January of year 0 being 1
    assert found is not None and found.planned
    assert found.date == PartialDate(year=month // 12, month=month % 12 + 1)


def test_a_plan_for_next_year_is_still_next_year() -> None:
    assert english_dates("Планы на следующий год обсудили в марте.").text.startswith(
        "Планы next year"
    )


@given(years, st.integers(0, 11), st.sampled_from(["отложено", "отложили", "сдвинут"]))
def test_a_russian_move_until_a_month_of_a_year_is_a_target(
    year: int, month: int, verb: str
) -> None:
    sentence = f"Запуск спутниковой связи {verb} до {MONTHS_GENITIVE[month]} {year} года."
    found = resolve_event_date(sentence, PartialDate(year=year - 1, month=6, day=3))
    assert found is not None and found.planned
    assert found.date == PartialDate(year=year, month=month + 1)


@given(years, st.integers(1, 28), st.integers(0, 11))
def test_a_russian_move_until_a_day_is_a_target(year: int, day: int, month: int) -> None:
    sentence = f"Сдачу линии отложили до {day} {MONTHS_GENITIVE[month]} {year} года."
    found = resolve_event_date(sentence, PartialDate(year=year - 1, month=6, day=3))
    assert found is not None and found.planned
    assert found.date == PartialDate(year=year, month=month + 1, day=day)


@given(years, st.sampled_from(PARTS))
def test_by_a_russian_part_of_a_year_is_a_target(year: int, part: str) -> None:
    sentence = f"Оператор обещает сдать магистраль {part.format(year)} года."
    found = resolve_event_date(sentence, PartialDate(year=year - 1, month=2, day=10))
    assert found is not None and found.planned and found.date == PartialDate(year=year)


def test_by_the_middle_of_the_year_is_publications_year() -> None:
    found = resolve_event_date(
        "Оператор обещает сдать магистраль до середины года.", PartialDate(year=2025, month=2)
    )
    assert found is not None and found.planned and found.date == PartialDate(year=2025)


def test_in_a_part_of_a_year_stays_a_date() -> None:
    found = resolve_event_date("Магистраль сдали в середине 2024 года.", None)
    assert found is not None and not found.planned and found.date == PartialDate(year=2024)


@given(days, st.integers(0, 11), st.sampled_from(["postponed the launch", "slips", "delays it"]))
def test_a_month_moved_to_is_the_next_one(day: dt.date, month: int, move: str) -> None:
    published = PartialDate.model_validate(day)
    found = resolve_event_date(f"The operator {move} to {ENGLISH_MONTHS[month]}.", published)
    year = day.year + (month + 1 < day.month)
    assert found is not None and found.planned
    assert found.date == PartialDate(year=year, month=month + 1)


@given(days, st.sampled_from(["май", "сентябрь", "осень", "весну"]))
def test_a_russian_month_or_season_moved_to_is_a_target(day: dt.date, time: str) -> None:
    published = PartialDate.model_validate(day)
    found = resolve_event_date(f"Компания перенесла запуск сети на {time}.", published)
    assert found is not None and found.planned
    assert found.date is not None and found.date.year in (day.year, day.year + 1)


def test_a_street_named_for_a_month_is_no_time() -> None:
    found = resolve_event_date("Kcell moved its office to May Street.", None)
    assert found is None


def read_events(body: str, language: str = "en", date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date=date, language=language)
    return analyse(article, REAL).events


def read(body: str, language: str = "en") -> list[tuple[str, list[str]]]:
    return [
        (event.stage, sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-06-12")
    ]


@pytest.mark.parametrize(
    ("body", "language", "target"),
    [
        (
            "The launch of Kcell's 5G network in Aktau was pushed back to March 2027.",
            "en",
            "2027-03",
        ),
        (
            "Kcell said its data center opening was postponed to the third quarter of 2027.",
            "en",
            "2027",
        ),
        (
            "Ввод дата-центра Кселл в эксплуатацию перенесен на второй квартал 2027 года.",
            "ru",
            "2027",
        ),
        ("Запуск сети 5G Кселл в Актау перенесли на март 2027 года.", "ru", "2027-03"),
    ],
)
def test_a_postponement_to_a_new_date_plans_it(body: str, language: str, target: str) -> None:
    [event] = read_events(body, language, "2025-06-12")
    assert (event.stage, str(event.target)) == ("plan", target)


def test_a_postponement_with_no_new_date_plans_nothing() -> None:
    # `until` opens a condition as often as a date: not listed
    body = (
        "Kcell said the opening of its data center has been postponed until the permits are issued."
    )
    assert read(body) == []


@pytest.mark.parametrize("season", ["by the spring", "this autumn", "in the summer"])
def test_a_season_to_come_in_an_undated_article_sets_an_aim_of_its_own(season: str) -> None:
    body = (
        "Kcell and Nokia signed a memorandum of understanding on 5G in Astana. "
        f"Nokia will deliver a design for the core network {season}."
    )
    events = read_events(body, "en", None)
    assert [event.stage for event in events] == ["mou", "plan"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell's 5G launch in Taraz was delayed to May 2027.", "en"),
        ("Kcell's 5G launch in Taraz has been rescheduled to May 2027.", "en"),
        ("Kcell's 5G launch in Taraz was deferred to May 2027.", "en"),
        ("Запуск сети 5G Кселл в Таразе переносится на май 2027 года.", "ru"),
        ("Строительство дата-центра Кселл в Таразе перенесено на май 2027 года.", "ru"),
        ("Работы Кселл по 5G в Таразе перенесены на май 2027 года.", "ru"),
    ],
)
def test_every_postponement_to_a_new_date_plans_it(body: str, language: str) -> None:
    [event] = read_events(body, language, "2025-06-12")
    assert (event.stage, str(event.target)) == ("plan", "2027-05")


@given(years, st.sampled_from(["pushed the auction back to", "brought the auction forward to"]))
def test_a_bare_year_a_time_is_moved_to_is_a_target(year: int, move: str) -> None:
    found = resolve_event_date(f"The regulator {move} {year}.", PartialDate(year=2000, month=1))
    assert found is not None and found.planned and found.date == PartialDate(year=year)


@given(years, st.sampled_from(["brought", "brings", "is bringing"]))
def test_a_time_brought_forward_with_its_object_between_is_a_target(year: int, verb: str) -> None:
    sentence = f"The operator {verb} the launch of the network forward to {year}."
    found = resolve_event_date(sentence, PartialDate(year=2000, month=1))
    assert found is not None and found.planned and found.date == PartialDate(year=year)


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


JUNE_3 = PartialDate(year=2025, month=6, day=3)


@pytest.mark.parametrize("verb", ["pushed out", "moved out", "put back"])
def test_a_move_out_or_back_is_read_with_its_verb(verb: str) -> None:
    """_TARGET_WORDS (`pushed out to`, `put back to`): the move's words are the target's
    phrase, as `postponed until` is."""
    found = resolve_event_date(f"The rollout was {verb} until 2027.", JUNE_3)
    assert found is not None and found.planned and found.date == PartialDate(year=2027)
    assert found.text == f"{verb} until 2027"


@pytest.mark.parametrize(
    "sentence",
    ["The operator postponed the launch to May Street.", "Kcell delayed it to June Lane."],
)
def test_a_street_after_a_move_is_no_time(sentence: str) -> None:
    """_MOVED_TO_TIME: a month followed by a capitalised word names a place."""
    assert resolve_event_date(sentence, JUNE_3) is None


def test_a_season_of_a_year_moved_to_is_that_years() -> None:
    """_MOVED_TO_TIME: `the autumn of next year` is not the next autumn."""
    found = resolve_event_date("The launch was postponed to the autumn of next year.", JUNE_3)
    assert found is not None and found.planned and found.date == PartialDate(year=2026)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Сеть построят в течение шести месяцев.", PartialDate(year=2025, month=12)),
        ("Станцию запустят через три месяца.", PartialDate(year=2025, month=9)),
        ("Сеть построят в течение двух лет.", PartialDate(year=2027)),
    ],
)
def test_a_russian_count_of_months_ahead_counts_months(sentence: str, expected) -> None:
    """_unit_ahead reads the unit through UNIT_STEMS: months are months, years years."""
    assert counted_ahead(sentence, JUNE_3) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.dates(dt.date(1990, 1, 1))))
def test_any_sentence_resolves_without_a_crash(sentence: str, day) -> None:
    published = PartialDate.model_validate(day) if day else None
    resolve_event_date(sentence, published)
    resolve_event_date(f"The launch was postponed to {sentence}", published)
    resolve_event_date(f"Запуск перенесли на {sentence}", published)
    counted_ahead(sentence, published)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The office moved to October Street in 2019.", PartialDate(year=2019)),
        ("The shop was moved to May Day Square last year.", PartialDate(year=2024)),
    ],
)
def test_a_place_named_for_a_month_after_a_move_is_no_time(sentence: str, expected) -> None:
    """_YEARLESS_MONTH after a move's `to` (as _MOVED_TO_TIME): `October Street` is a place;
    the sentence's own date stands (before: October and May of a coming year, targets)."""
    found = resolve_event_date(sentence, JUNE_3)
    assert found is not None and not found.planned and found.date == expected


def test_a_month_moved_to_before_a_full_stop_is_still_a_time() -> None:
    found = resolve_event_date("The launch was moved to May. The firm said so.", JUNE_3)
    assert found is not None and found.planned and found.date == PartialDate(year=2026, month=5)


PUBLISHED = PartialDate.model_validate("2025-09-30")


def _read(sentence: str) -> tuple[str, bool] | None:
    found = resolve_event_date(sentence, PUBLISHED)
    return None if found is None else (str(found.date), found.planned)


def test_a_plans_window_of_years_ends_at_its_target() -> None:
    assert _read("The second stage of the backbone will be built in 2026-2028.") == ("2028", True)
    assert _read("Kcell expects to roll the towers out between 2026 and 2027.") == ("2027", True)
    assert _read("Вторую очередь сети планируется построить в 2026-2028 годах.") == ("2028", True)


def test_a_plans_window_of_days_ends_at_its_target() -> None:
    sentence = "The pilot is scheduled to run from November 3, 2025 to November 2, 2026."
    assert _read(sentence) == ("2026-11-02", True)
    russian = "Пилотный проект будет реализован с 3 ноября 2025 года по 2 ноября 2026 года."
    assert _read(russian) == ("2026-11-02", True)


def test_a_window_told_as_done_starts_at_its_date() -> None:
    assert _read("The towers were rolled out from March 3, 2021 to May 5, 2022.") == (
        "2021-03-03",
        False,
    )
    assert _read("The backbone was built in 2019-2021.") is None
