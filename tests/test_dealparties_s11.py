"""Parties of deal events (docs/events.md, Parties), session 11: sentences written
for these tests."""

from __future__ import annotations

from .test_events_parties import events, ids


def _agreement(body: str) -> list[str]:
    found = [e for e in events(body) if e.stage == "agreement"]
    assert found, events(body)
    return ids(found[0])


def test_combining_a_unit_with_another_business_is_a_share_deal_of_its_owners() -> None:
    # `in the country` tells the market the business is in, not that the state acts ...
    merged = (
        "The state-owned Kazakhtelecom signed an agreement in 2019 to combine its mobile "
        "unit Altel with "
        "the mobile business of Tele2 in the country."
    )
    assert "KZ" not in _agreement("Kazakhstan's market is small. " + merged)


def test_the_government_in_a_share_deal_still_makes_it_the_states() -> None:
    # ... but the government's word still does.
    merged = (
        "The state-owned Kazakhtelecom signed an agreement in 2019 to combine its mobile "
        "unit Altel with "
        "the mobile business of Tele2, a move the government welcomed."
    )
    assert "KZ" in _agreement("Kazakhstan's market is small. " + merged)
