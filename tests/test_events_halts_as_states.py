"""A halt told as a state, a participle right after a present `is`, `are`, is where a
deal stands, no halt done (docs/events.md, *Not events*: a halt told as a state going on).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events


def stages(body: str) -> list[str]:
    return [event.stage for event in events(body, "en", "2025-06-12")]


@pytest.mark.parametrize(
    "body",
    [
        "The Kcell fibre project is frozen pending a decision of its partner.",
        "The Kcell tower deal with Beeline is currently suspended.",
        'Its report says the Kcell line is "frozen until the partner decides".',
    ],
)
def test_a_halt_in_the_present_is_a_state(body: str) -> None:
    assert stages(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The Kcell fibre project has been suspended.",
        "Kcell suspended the fibre project in May.",
        "The Kcell fibre project was frozen in March.",
    ],
)
def test_a_halt_done_stays_a_halt(body: str) -> None:
    assert stages(body) == ["cancelled"]
