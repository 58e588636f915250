"""Session 10's rules for cues read as no event, or as another stage, on the real sets
(docs/events.md), each on sentences written for the test."""

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


def test_interest_is_talks_only_when_shown() -> None:
    assert stages("The Eurasian Development Bank has shown interest in funding the Osh line.") == [
        "talks"
    ]
    # A company's own interest in a market or a stake it sold holds no talks.
    assert stages("Beeline sold its interest in the Tajik operator Tcell in 2016.") == []


def test_a_merger_decided_is_an_agreement() -> None:
    assert stages(
        "In 2019 Kazakhtelecom decided to combine its mobile unit Altel with Tele2's business."
    ) == ["agreement"]
    # A decision on something else stays a plan.
    assert stages(
        "In 2024 the Kyrgyz regulator decided to allocate 5G frequencies to MegaCom."
    ) == ["plan"]


def test_a_programme_opening_with_a_discussion_is_no_talks() -> None:
    assert stages("The two-day forum in Bishkek began with a discussion on cyber threats.") == []
    # Talks told as such stay talks.
    assert stages("Kcell and Huawei began talks on a 5G network in Almaty.") == ["talks"]


def test_equipment_arrived_is_work() -> None:
    assert stages("Equipment for the Osh backbone nodes arrived in Kyrgyzstan on May 5, 2024.") == [
        "deployment"
    ]
    assert stages("В Бишкек поступило оборудование для сети 5G компании MegaCom.") == ["deployment"]
