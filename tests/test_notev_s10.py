"""Session 10's rules for cues read as no event, or as another stage, on the real sets
(README "Deal events"), each on sentences written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14


def stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_access_to_be_gained_is_a_plan() -> None:
    found = events(
        "About 800 schools in Tajikistan will gain access to fibre-optic internet in 2027."
    )
    assert [(e.stage, e.target.year if e.target else None) for e in found] == [("plan", 2027)]
    assert stages("Remote villages of Naryn will get access to satellite internet next year.") == [
        "plan"
    ]
    # A benefit statement stays none: the access is what the project helps bring.
    assert stages("The new cable will help 500 villages in Osh gain access to the internet.") == []


def test_reviewed_is_talks_only_on_progress_or_cooperation() -> None:
    assert stages("Kazakhstan and Azerbaijan reviewed progress on the Caspian fibre line.") == [
        "talks"
    ]
    # A body reviewing a thing or a transaction holds no talks.
    assert stages("Kcell engineers reviewed the capabilities of the new 5G equipment.") == []
    assert stages("The central bank of Tajikistan reviewed the transfer of funds to Tcell.") == []
