"""Party rules of session 11 (docs/events.md, Parties), on sentences written here."""

from __future__ import annotations

from .test_events_parties import events, ids


def test_a_shareholders_home_makes_no_cross_border_deal() -> None:
    # a share deal: the foreign buyer's home is named, the local seller's state is not
    body = "Turkey's Turkcell agreed to buy a 30% stake in Kcell."
    (event,) = events(body)
    assert "KZ" not in ids(event)
    assert {"TR", "turkcell", "kcell"} <= set(ids(event))
    # no share deal: the foreign partner's home still makes it a cross-border one
    body = (
        "Iran's TIC and Kcell signed an agreement on fiber transit. "
        "Kazakhstan has about 20 million people."
    )
    (event,) = events(body)
    assert "KZ" in ids(event)


def test_an_organisation_visiting_the_work_is_no_party() -> None:
    body = "A Huawei delegation visited the data center under construction in Tashkent."
    (event,) = events(body)
    assert "huawei" not in ids(event)
    # ... but one visiting with a purpose acts
    body = "Representatives of Huawei visited Tashkent to discuss a data center."
    (event,) = events(body)
    assert "huawei" in ids(event)


def test_who_developed_the_thing_an_event_tells_of_is_its_party() -> None:
    told = "Kyrgyztelecom launched a satellite internet service in Bishkek on Monday."
    body = told + " The satellite, developed by Gazprom Space Systems, covers all of Central Asia."
    (event,) = events(body)
    assert "gazprom-space-systems" in ids(event)
    # ... not the builder of another thing (`network` is no word of the event)
    (event,) = events(told + " The network was developed by Huawei in 2020.")
    assert "huawei" not in ids(event)
    body = "Kyrgyztelecom launched a new network. The new network was developed by Huawei."
    (event,) = events(body)
    assert "huawei" in ids(event)
