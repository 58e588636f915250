"""Fixes of session 12's review (docs/events.md and "Deals"), on sentences written here."""

from __future__ import annotations

import pytest

from ca_connect.deals.story import END_CUES
from tests.test_deals_history import event
from tests.test_status12 import _delays

from .test_plans9_s11 import events


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


def test_work_fallen_behind_is_a_stall_where_no_event_reads_it() -> None:
    # `has fallen behind` as well as `fell behind` (docs/deals.md: held up, fallen behind …)
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    stall = "The trenching crews have fallen behind by two months."
    assert _delays(f"{signed.text} {stall}", signed) == ((1, stall),)


def test_a_name_ending_in_ing_after_a_time_conjunction_is_a_subject_not_a_gerund() -> None:
    body = (
        "Kcell began building towers in Almaty a month after Beijing approved a loan for the line."
    )
    assert sorted(e.stage for e in events(body)) == ["agreement", "deployment"]
