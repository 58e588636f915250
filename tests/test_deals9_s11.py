"""Session 11's deal rules (docs/deals.md), each with sentences written for it."""

from __future__ import annotations

from ca_connect.models import Evidence
from tests.test_deals_history import deal_of, event


def test_a_delay_told_of_an_earlier_time_is_not_dated_by_its_article():
    """`At that time, the service was to start in 2022, but it was postponed.` after a
    visit the article dates to no year: the stall is not the article's news, so it stays
    undated; a delay told without such words is still the article's news."""
    hopes = "Both sides said they hoped to work together on the gateway."
    then = "At that time, the service was to start in 2022, but it was postponed."
    now = "The opening of the gateway was postponed again."
    russian = "На тот момент запуск сети планировали на 2023 год, но его отложили."
    entries = []
    for number, told in ((1, then), (2, now), (3, russian)):
        entries.append(
            event(number, "plan", "2024-05-14", hopes).model_copy(
                update={
                    "evidence": [
                        Evidence(field="body", start=0, end=len(hopes), text=hopes),
                        Evidence(field="body", start=100, end=100 + len(told), text=told),
                    ]
                }
            )
        )
    deal = deal_of(*entries, date="2024-05-14")
    stalls = [
        (h.event, str(h.date) if h.date else None) for h in deal.history if h.stage == "stalled"
    ]
    assert sorted(stalls) == [(1, None), (2, "2024-05-14"), (3, None)]


def test_a_trial_completed_by_an_operator_that_now_offers_the_service_is_a_launch():
    """`completed its trials and now offers 5G services in two districts`: the service is
    live; a trial completed of a service it will offer later is still work under way."""
    deal = deal_of(
        event(
            1,
            "launch",
            "2025-04",
            "Orbita completed its trials and now offers 5G services in two districts.",
        ),
        event(
            2,
            "launch",
            "2025-06",
            "Orbita completed its gateway tests and will offer the service next year.",
        ),
    )
    assert [h.stage for h in deal.history] == ["launch", "deployment"]


def test_blocks_of_spectrum_won_or_allocated_are_no_block():
    """`won two blocks of spectrum`, `will allocate it a block in the 1800 MHz band`: what
    was sold, not a stall; `the regulator blocks the sale` still stalls the deal."""
    deal = deal_of(
        event(1, "agreement", "2024-03", "Orbita won two blocks of 10 MHz spectrum at auction."),
        event(
            2, "plan", "2024-04", "The ministry will allocate Orbita a block in the 1800 MHz band."
        ),
        event(3, "agreement", "2024-06", "The regulator blocks the sale of Orbita's local unit."),
    )
    assert [h.stage for h in deal.history] == ["agreement", "plan", "stalled"]
