"""A second predicate joined by `and` to a passive future keeps its modality
(docs/events.md, *Stage from the main predicate*): one plan, never a launch.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("The Aktau cable will be laid by Kcell next year and commissioned in 2027.", "en"),
        ("The data centre is expected to be built by Kcell in 2026 and opened in 2027.", "en"),
        ("The Kcell line is to be finished in 2026 and then switched on in 2027.", "en"),
        ("Линия Kcell будет проложена в 2026 году и введена в эксплуатацию в 2027 году.", "ru"),
        (
            "Дата-центр Kcell должен быть построен в 2026 году и сдан в эксплуатацию в 2027 году.",
            "ru",
        ),
    ],
)
def test_a_participle_joined_to_a_passive_future_is_planned(body: str, language: str) -> None:
    assert stages(body, language) == ["plan"]


@pytest.mark.parametrize(
    "body",
    [
        # a past passive: done, not planned
        "The Kcell cable was laid in 2024 and commissioned in May.",
        # a past predicate before a plan stays two events
        "Kcell launched 5G in Almaty in May and plans to cover Aktau in 2026.",
    ],
)
def test_a_predicate_of_its_own_keeps_its_stage(body: str) -> None:
    assert "launch" in stages(body)
