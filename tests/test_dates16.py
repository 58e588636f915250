"""A postponement to a date, in every form the press writes it (docs/events.md -> Dates,
session 16): the new time a move names is a target, whatever stands between the verb and
it (`postpones the launch to 2027`, `delayed by a year, to 2027`, `put back to 2027`,
`pushed out to 2027`, «перенесли с 2025 на 2027 год», «перенесли на следующий год»,
«отложено до мая 2026 года»), and Russian `до`, `к` read as `by` before every written time
(«до первого квартала 2026 года», «ко второй половине 2026 года», «к середине 2026 года»,
«до 15 мая 2026 года»).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import events, resolve_event_date
from ca_connect.dates.russian import english_dates
from ca_connect.models import PartialDate

years = st.integers(min_value=2001, max_value=2060)
days = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2060, 12, 31))

# --- Layout: each language's date words live in one place ---------------------------------


def test_the_event_date_rules_write_no_russian_word() -> None:
    """The strings of dates/events.py (docstrings aside) hold no Russian word of a rule:
    they come from dates/russian.py; a dateline's capitals and its labels are left."""
    tree = ast.parse(Path(events.__file__).read_text(encoding="utf-8"))
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


# --- English: the new time of a move, whatever stands between --------------------------

MOVES = ["postpones", "postponed", "is postponing", "delays", "delayed", "pushes", "pushed"]
MOVES += ["moves", "moved", "shifted", "has put back", "put back", "pushed out", "slips"]
BETWEEN = ["the launch of the Aktau data hall", "its 5G launch", "the opening by a year,"]


@given(years, st.sampled_from(MOVES), st.sampled_from(BETWEEN))
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


# --- Russian: a move's new time ---------------------------------------------------------

RUSSIAN_MOVES = ["перенесли", "перенесла", "отложили", "сдвинули", "перенесена", "отложена"]


@given(years, st.sampled_from(RUSSIAN_MOVES), st.booleans())
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


MONTHS_GENITIVE = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля"]
MONTHS_GENITIVE += ["августа", "сентября", "октября", "ноября", "декабря"]


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


# --- Russian `до`, `к` before a part of a year --------------------------------------------

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


# --- A month or a season moved to, with no year ------------------------------------------

ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July"]
ENGLISH_MONTHS += ["August", "September", "October", "November", "December"]


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
