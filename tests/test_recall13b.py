"""Session 13's event rules (README "Deal events"), recall13b.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell undertook to build 300 base stations in Osh by 2027.", "en"),
        ("Beeline undertakes to lay a fibre line to Naryn within two years.", "en"),
        ("Kcell commits to extend its 5G network to Shymkent next year.", "en"),
        ("Kcell обязался построить 300 базовых станций в Оше до 2027 года.", "ru"),
        ("Beeline обязалась проложить оптоволоконную линию до Нарына за два года.", "ru"),
        ("Kcell взял на себя обязательство расширить сеть 5G до Шымкента.", "ru"),
    ],
)
def test_a_commitment_a_party_takes_on_is_a_plan(body: str, language: str) -> None:
    assert stages(body, language) == ["plan"]
