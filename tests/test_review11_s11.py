"""Session 11, review11: cases of session 11's rules that no other test pins."""

from __future__ import annotations

from ca_connect.deals.story import IN_SERVICE
from tests.test_deals_history import deal_of, event


def test_a_trial_completed_and_a_channel_that_began_broadcasting_is_a_launch() -> None:
    """`began broadcasting` tells a service live as `began service` does: the cue's
    prefilter words must hold it, or the sentence is never searched."""
    assert IN_SERVICE.search("After its trials the channel began broadcasting in Khorog.")
    deal = deal_of(
        event(1, "launch", "2025-04", "Orbita TV completed its trials and began broadcasting."),
        event(2, "launch", "2025-06", "Orbita TV completed its trials of the new transmitter."),
    )
    assert [h.stage for h in deal.history] == ["launch", "deployment"]
