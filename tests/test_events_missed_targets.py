"""A target missed, told in the past of a schedule, is a plan once held and no event
(docs/events.md, *Not events*: a plan once held).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_events_stages import read_events as events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The Aktau data centre of Kcell was supposed to be completed in 2024.", "en"),
        ("The Kcell towers were meant to be switched on by the end of 2024.", "en"),
        (
            "Ранее сообщалось, что линия Kcell должна была быть сдана в эксплуатацию в 2024 году.",
            "ru",
        ),
        (
            "Изначально планировалось, что все 500 базовых станций Kcell заработают до конца года.",
            "ru",
        ),
        (
            "Дата-центр Kcell, который должны были ввести в эксплуатацию в 2024 году, не готов.",
            "ru",
        ),
    ],
)
def test_a_target_missed_is_no_event(body: str, language: str) -> None:
    assert stages(body, language) == []


def test_the_deal_told_beside_a_missed_target_stays() -> None:
    body = (
        "The Kcell line was supposed to be commissioned by the end of 2024 under the "
        "contract the operators signed in April 2023."
    )
    assert stages(body) == ["agreement"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The Kcell line is due to open in 2027.", "en"),
        ("Линия Kcell должна быть сдана в эксплуатацию в конце 2026 года.", "ru"),
        ("Планируется, что все 500 базовых станций Kcell заработают до конца 2026 года.", "ru"),
    ],
)
def test_a_schedule_still_held_is_a_plan(body: str, language: str) -> None:
    assert stages(body, language) == ["plan"]
