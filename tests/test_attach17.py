"""Attaching (deals/store.py `_attach`) where an article moves the events of others: a
removed article that lets one key fall behind another (rule 3), and an added article that
joins two deals or splits one, in a store whose candidate deals are linked whole."""

from __future__ import annotations

from ca_connect.deals import store as deal_store
from ca_connect.deals.link import link

from .test_attach16 import _deal_of, _round_up_and
from .test_deals import KZ, ORBITA, article, event
from .test_deals_incremental import _no_dictionary, _put, _shapes, _store


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
