"""Session 9's deal rules (README "Deals"), each with sentences written for it."""

from __future__ import annotations

from ca_connect.models import Party
from tests.test_deals import AZ, KZ, RUSSIA, article, deals_of, event, groups

AZ_MINISTRY = Party(id="az-ministry", name="Ministry of Transport", kind="agency", country="AZ")


def test_an_event_naming_only_the_partner_country_is_a_step_of_its_article_deal():
    """`The working group will first meet in Baku in the spring.` beside the memorandum
    Kazakhstan and Azerbaijan signed on a cable: the Azerbaijani side's step of that deal;
    Russia, no partner of it, stays out."""
    text = "fiber"
    facts = [
        article(
            "c1",
            "2024-03-01",
            [
                event("c1", 1, "mou", "2024-02-29", [KZ, AZ], kinds=("fiber",), text=text),
                event("c1", 2, "plan", "2024-03-01", [AZ, AZ_MINISTRY], kinds=("fiber",)),
                event("c1", 3, "plan", "2024-03-01", [RUSSIA], kinds=("fiber",)),
            ],
        ),
        article(
            "c2",
            "2024-09-01",
            [event("c2", 1, "agreement", "2024-09-01", [KZ, AZ], kinds=("fiber",))],
        ),
    ]
    (deal,) = deals_of(facts)
    assert groups([deal]) == [["c1", "c2"]]
    assert [(h.article, h.event) for h in deal.history if h.stage == "plan"] == [("c1", 2)]
