"""Where a date reader's English text comes from in the original (dates/russian.EnglishText
origins) never goes back, so the first character from a place on is found by bisection
(dates/events._first_from, said_on), as the scan it replaced found it (docs/speed.md,
"Cold ingest")."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from ca_connect.dates import events
from ca_connect.dates.events import EventDate, _first_from, resolve_event_date, said_on
from ca_connect.dates.russian import english_dates
from ca_connect.models import PartialDate

SENTENCES = [
    "The operator said on Monday that the cable laid in March 2024 would open by 2027.",
    "Оператор сообщил в среду, что в декабре прошлого года перенёс запуск на второй квартал "
    "2026 года.",
    "Два года назад, в 2023 году, проект был отложен; полгода назад работы возобновили.",
    "НЕ ПОЗДНЕЕ МАРТА 2027 ГОДА будет построена линия, как и в том же году.",
    "Сеть заработает к концу года, а 14 мая стороны подписали соглашение.",
    "",
]


def _scanned(sentence: str, at: int, missing: int | None) -> int | None:
    """The first character from `at` on, as it was found: each origin in turn."""
    english = english_dates(sentence)
    return next((i for i, place in enumerate(english.origin) if place >= at), missing)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_origins_never_go_back_and_end_at_the_end(sentence):
    english = english_dates(sentence)
    assert len(english.origin) == len(english.text) + 1
    assert all(a <= b for a, b in itertools.pairwise(english.origin))
    assert english.origin[-1] == len(sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_first_character_from_a_place_is_the_one_the_scan_found(sentence):
    english = english_dates(sentence)
    for at in range(-1, len(sentence) + 3):
        assert _first_from(english, at) == _scanned(sentence, at, len(english.text))


def _said_on_scanning(sentence: str, found: EventDate) -> bool:
    english = english_dates(sentence)
    start = _scanned(sentence, found.start, None)
    end = _scanned(sentence, found.end, None)
    if start is None or end is None:
        return False
    return events._dates_a_report(
        english.text, events._Candidate(start, end, events._fixed(found.date))
    )


@pytest.mark.parametrize("sentence", SENTENCES[:-1])
def test_a_date_read_from_each_place_and_said_on_answer_as_before(sentence):
    published = PartialDate(year=2025, month=6, day=18)
    for start in range(0, len(sentence) + 2, 3):
        found = resolve_event_date(sentence, published, start=start)
        if found is not None:
            assert said_on(sentence, found) == _said_on_scanning(sentence, found)
            beyond = dataclasses.replace(found, start=len(sentence) + 1, end=len(sentence) + 2)
            assert said_on(sentence, beyond) is _said_on_scanning(sentence, beyond) is False
    assert resolve_event_date(sentence, published) is not None
