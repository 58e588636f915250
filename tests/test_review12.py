"""Fixes of session 12's review (README "Deals"), on sentences written here."""

from __future__ import annotations

import pytest

from ca_connect.deals.story import END_CUES


@pytest.mark.parametrize(
    "end",
    [
        # every form of the past the pattern reads, not only the plural
        "Обсуждение кредита закончилось безрезультатно.",
        "Работа над меморандумом завершилась без соглашения.",
        "Переговоры о поставках закончились ничем.",
        "Тендер на строительство линии отменён.",
    ],
)
def test_a_russian_end_is_read_in_every_form(end: str) -> None:
    assert END_CUES.search(end)
