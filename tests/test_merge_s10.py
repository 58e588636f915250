"""Session 10's rules for one event per real-world event (docs/events.md), each on
sentences written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14

_WORK = "Kazakhtelecom laid a fibre-optic line to Aktau in May. The weather was cold this week. "


def stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_an_undated_halt_naming_nobody_is_the_deal_halted() -> None:
    found = events(
        "Kyrgyztelecom announced a tender to lay a fibre-optic line to Naryn. "
        "The weather was cold in Bishkek this week. "
        "The tender was declared invalid because the bids were too expensive."
    )
    assert [(e.stage, str(e.date)) for e in found] == [("cancelled", "2025-03-14")]
    assert stages(_WORK + "The tender was suspended.") == ["deployment", "cancelled"]


def test_a_dated_halt_naming_nobody_is_background() -> None:
    assert stages(_WORK + "The tender was suspended in March 2020.") == ["deployment"]


def test_a_plan_of_the_same_parties_told_on_is_one_plan() -> None:
    found = events(
        "The fibre-optic line between Kazakhstan and Azerbaijan will be laid on the bottom of "
        "the Caspian Sea, the government said. The line will be 380 km long. The cable will "
        "be laid by Kazakhstan's Transtelecom and AzerTelecom of Azerbaijan."
    )
    assert [(e.stage, e.initiatives) for e in found] == [("plan", ["fiber"])]
    # No named party shared (`Uzbektelecom` is no `Uzbekistan`), or another kind: two plans.
    assert stages(
        "Uzbekistan will build a fibre-optic line to Afghanistan, the ministry said. The route "
        "runs through Termez. Uzbektelecom will also lay a fibre-optic cable to Dushanbe."
    ) == ["plan", "plan"]
    assert stages(
        "Kazakhstan will lay a fibre-optic line to 500 villages. "
        "Kazakhtelecom will build data centers in Almaty and Astana."
    ) == ["plan", "plan"]


def test_a_lead_plan_ahead_of_its_deal_is_the_deal() -> None:
    lead = "Tajikistan and Russia will jointly fight cybercrime on the internet. "
    found = events(
        lead + "The parliament of Tajikistan ratified an agreement with Russia on "
        "cybersecurity cooperation on Wednesday."
    )
    assert [(e.stage, str(e.date)) for e in found] == [("agreement", "2025-03-12")]
    assert found[0].text.startswith("The parliament")  # the lead never leads its evidence
    # A deal dated in another month than the lead's news is an earlier step: two events.
    assert stages(
        lead + "In March 2024 Tajikistan signed an agreement with Russia on cybersecurity."
    ) == ["plan", "agreement"]
