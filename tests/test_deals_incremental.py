"""Re-linking in the index (deals/store.py) gives the deals a full link gives, whatever
order the articles come in: on events written by hand (tests/test_deals.py helpers)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from itertools import permutations

from ca_connect.deals.link import article_keys, link
from ca_connect.deals.store import DealStore, create_tables, pack_facts
from ca_connect.models import Party

from .test_deals import KZ, SKYNET, article, event

SKYNET_UNIT = Party(id="skynet-unit", name="Skynet Ground", kind="company", country="US")


def shapes_added_one_by_one(facts, order) -> set[frozenset]:
    db = sqlite3.connect(":memory:")
    create_tables(db)
    store = DealStore(db)
    by_id = {f.id: f for f in facts}
    for article_id in order:
        f = by_id[article_id]
        store.put_facts(f.id, pack_facts(f), sorted(article_keys(f)))
        store.sync({f.id}, set(), [], _no_dictionary())
    found = defaultdict(set)
    for article_id, number, deal in db.execute("SELECT article, number, deal FROM deal_events"):
        found[deal].add((article_id, number))
    return {frozenset(events) for events in found.values()}


def _no_dictionary():
    class NoCountries:
        countries = ()

    return NoCountries()


def test_an_article_bridging_two_parts_of_one_story_joins_them_in_any_order():
    # a1 (2014) and a3 (2020) are one partner's story six years apart: two deals. a2
    # (2017) names only the partner's unit, which a3 names beside the partner: it fills
    # the gap, and the three are one deal, though a2 shares no key with a1.
    facts = [
        article("a1", "2014-01-10", [event("a1", 1, "mou", "2014-01-10", [KZ, SKYNET])]),
        article(
            "a2",
            "2017-06-10",
            [event("a2", 1, "agreement", "2017-06-10", [KZ, SKYNET_UNIT], kinds=("fiber",))],
        ),
        article(
            "a3",
            "2020-01-10",
            [
                event(
                    "a3",
                    1,
                    "launch",
                    "2020-01-10",
                    [KZ, SKYNET, SKYNET_UNIT],
                    kinds=("satellite", "fiber"),
                )
            ],
        ),
    ]
    full = {frozenset(group.events) for group in link(facts)}
    assert full == {frozenset({("a1", 1), ("a2", 1), ("a3", 1)})}
    for order in permutations(["a1", "a2", "a3"]):
        assert shapes_added_one_by_one(facts, order) == full, order


def test_the_one_deal_of_a_host_and_type_is_told_by_the_index_in_any_order():
    # The ministry's event names no company: it joins the one Kazakh satellite deal while
    # there is one (a1), and none once a second one comes (a3), whatever the order.
    ministry = Party(id="kz-ministry", name="Ministry", kind="agency", country="KZ")
    orbita = Party(id="orbita", name="Orbita Global", kind="company", country="GB")
    one = [
        article("a1", "2024-01-10", [event("a1", 1, "agreement", "2024-01-10", [KZ, SKYNET])]),
        article("a2", "2024-02-10", [event("a2", 1, "plan", "2024-02-10", [KZ, ministry])]),
    ]
    two = [*one, article("a3", "2024-03-10", [event("a3", 1, "mou", "2024-03-10", [KZ, orbita])])]
    assert {frozenset(g.events) for g in link(one)} == {frozenset({("a1", 1), ("a2", 1)})}
    full = {frozenset(group.events) for group in link(two)}
    assert frozenset({("a1", 1)}) in full and not any(("a2", 1) in g for g in full)
    for order in permutations(["a1", "a2"]):
        assert shapes_added_one_by_one(one, order) == {frozenset(g.events) for g in link(one)}
    for order in permutations(["a1", "a2", "a3"]):
        assert shapes_added_one_by_one(two, order) == full, order
