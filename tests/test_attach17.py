"""Attaching (deals/store.py `_attach`) where an article moves the events of others: a
removed article that lets one key fall behind another (rule 3), and an added article that
joins two deals or splits one, in a store whose candidate deals are linked whole."""

from __future__ import annotations

from itertools import permutations

from ca_connect.deals import store as deal_store
from ca_connect.deals.link import link
from ca_connect.models import Party

from .test_attach16 import _deal_of, _round_up_and
from .test_deals import KZ, ORBITA, SKYNET, article, event
from .test_deals_incremental import _no_dictionary, _put, _shapes, _store, shapes_added_one_by_one


def _attaching(monkeypatch) -> None:
    monkeypatch.setattr(deal_store, "ATTACH_FROM", 0)
    monkeypatch.setattr(deal_store, "RELINK_SHARE", 1.0)


def _linked_in_full(facts):
    store = _store()
    for f in facts:
        _put(store, f)
    store.sync({f.id for f in facts}, set(), [], _no_dictionary(), everything=True)
    return store


def test_a_removed_article_letting_one_vendor_fall_behind_moves_the_round_ups_events(
    monkeypatch,
):
    # With a fourth Orbita article Orbita ranks before Skynet and the round-up's Nordtel
    # event is in Orbita's deal; that article removed, a full link puts it in Skynet's.
    added = article("b3", "2024-06-10", [event("b3", 1, "launch", "2024-06-10", [KZ, ORBITA])])
    facts = _round_up_and(added)
    assert ("b1", 1) in _deal_of(link(facts), ("r", 2))
    assert ("a1", 1) in _deal_of(link(_round_up_and()), ("r", 2))
    for whole_up_to in (deal_store.WHOLE_UP_TO, 0):
        monkeypatch.setattr(deal_store, "WHOLE_UP_TO", whole_up_to)
        _attaching(monkeypatch)
        store = _linked_in_full(facts)
        gone = store.keys_of(["b3"])
        store.forget("b3")
        store.sync({"b3"}, gone, [], _no_dictionary())
        assert _shapes(store) == {frozenset(g.events) for g in link(_round_up_and())}


def _bridged_story():
    # a1 (2014) and a3 (2020) are one partner's story six years apart; a2 (2017) names
    # the partner's unit, which a3 names beside the partner: it fills the gap (rule 5).
    unit = Party(id="skynet-unit", name="Skynet Ground", kind="company", country="US")
    return [
        article("a1", "2014-01-10", [event("a1", 1, "mou", "2014-01-10", [KZ, SKYNET])]),
        article(
            "a2",
            "2017-06-10",
            [event("a2", 1, "agreement", "2017-06-10", [KZ, unit])],
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
                    [KZ, SKYNET, unit],
                )
            ],
        ),
    ]


def test_an_attached_article_bridging_two_deals_joins_them_in_any_order(monkeypatch):
    # Attaching a2 last joins the deals of a1 and a3, as a full link does; so does every
    # other order of the three.
    _attaching(monkeypatch)
    facts = _bridged_story()
    full = {frozenset(group.events) for group in link(facts)}
    assert len(full) == 1
    for order in permutations(["a1", "a2", "a3"]):
        assert shapes_added_one_by_one(facts, order) == full, order
