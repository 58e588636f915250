"""Targets the press writes as a schedule moved or a deadline (docs/events.md -> Dates,
session 14): Russian parts of a year in the accusative after a verb of scheduling or
postponing (`на конец 2025 года`, `на лето`), the present `переносится на`, English
`slipped to`, `moved back to`, `before the end of`.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import resolve_event_date
from ca_connect.models import PartialDate

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
        ("Officials want the cable laid before the very end of 2026.", "2026"),
        ("The opening was moved back to the autumn.", "2024"),
        ("The launch was postponed to the first quarter.", "2025"),
    ],
)
def test_english_deadlines_and_moves_without_a_future(sentence: str, expected: str) -> None:
    assert target(sentence) == PartialDate.parse(expected)


def test_before_alone_is_no_deadline() -> None:
    # `before 2020` tells when something was done; only `before the end of` is a deadline
    found = resolve_event_date("The operator had built the line before 2020.", PUBLISHED)
    assert found is not None and not found.planned
    found = resolve_event_date("Kcell signed it before the beginning of the year.", PUBLISHED)
    assert found is None or not found.planned
