"""Attaching an article that changes the order of two keys (deals/store.py `_reordered`):
rule 3 ranks keys by their articles, so one more article naming a vendor may pass another
vendor named beside it, and a full link then moves the events of a round-up naming both."""

from __future__ import annotations

from ca_connect.deals import store as deal_store
from ca_connect.deals.link import link

from .test_deals import KZ, NORDTEL, ORBITA, SKYNET, article, event
from .test_deals_incremental import attached_against_full


def _round_up_and(*more):
    # Skynet and Orbita are each told by three articles (the round-up one of them);
    # Skynet by more events. The round-up names Nordtel once, beside both of them.
    facts = [
        article(
            "a1",
            "2024-01-10",
            [
                event("a1", 1, "mou", "2024-01-10", [KZ, SKYNET]),
                event("a1", 2, "plan", "2024-01-10", [KZ, SKYNET]),
            ],
        ),
        article("a2", "2024-02-10", [event("a2", 1, "agreement", "2024-02-10", [KZ, SKYNET])]),
        article("b1", "2024-03-10", [event("b1", 1, "mou", "2024-03-10", [KZ, ORBITA])]),
        article("b2", "2024-04-10", [event("b2", 1, "agreement", "2024-04-10", [KZ, ORBITA])]),
        article(
            "r",
            "2024-05-10",
            [
                event("r", 1, "talks", "2024-05-10", [KZ, SKYNET, ORBITA]),
                event("r", 2, "talks", "2024-05-10", [KZ, NORDTEL]),
            ],
        ),
    ]
    return facts + list(more)


def _deal_of(groups, ref):
    return next(frozenset(g.events) for g in groups if ref in g.events)


def test_an_article_passing_one_vendor_by_another_moves_the_round_ups_events_when_attached(
    monkeypatch,
):
    # A fourth Orbita article puts Orbita before Skynet: a full link joins Nordtel, told
    # only beside both, to Orbita's deal; without it, to Skynet's (more events).
    added = article("b3", "2024-06-10", [event("b3", 1, "launch", "2024-06-10", [KZ, ORBITA])])
    without, full = link(_round_up_and()), link(_round_up_and(added))
    assert ("a1", 1) in _deal_of(without, ("r", 2))
    assert ("b1", 1) in _deal_of(full, ("r", 2))
    for whole_up_to in (deal_store.WHOLE_UP_TO, 0):  # every candidate deal a hub, too
        monkeypatch.setattr(deal_store, "WHOLE_UP_TO", whole_up_to)
        assert attached_against_full(_round_up_and(added), [added])[:2] == (1, 1)


def test_an_article_changing_no_order_attaches_no_other_article(monkeypatch):
    # A second Nordtel article: Nordtel (two articles) meets neither Skynet nor Orbita
    # (three each), and only the added article's events are attached.
    added = article("n1", "2024-06-10", [event("n1", 1, "mou", "2024-06-10", [KZ, NORDTEL])])
    seen = []
    reordered = deal_store.DealStore._reordered

    def spy(self, present, touched, named):
        found = reordered(self, present, touched, named)
        seen.append(found[1])
        return found

    monkeypatch.setattr(deal_store.DealStore, "_reordered", spy)
    assert attached_against_full(_round_up_and(added), [added])[:2] == (1, 1)
    assert seen == [set()]


def test_the_order_is_weighed_by_every_article_of_the_two_keys(monkeypatch):
    # Orbita's 2015 fibre memorandum is a deal of its own (rule 5), no candidate of a
    # 2024 satellite article's: it still counts for Orbita's rank, as in a full link (four
    # Orbita articles besides the added one, against four Skynet ones).
    facts = _round_up_and(
        article("a3", "2024-02-20", [event("a3", 1, "plan", "2024-02-20", [KZ, SKYNET])]),
        article(
            "b0",
            "2015-01-10",
            [event("b0", 1, "mou", "2015-01-10", [KZ, ORBITA], kinds=("fiber",))],
        ),
    )
    added = article("b3", "2024-06-10", [event("b3", 1, "launch", "2024-06-10", [KZ, ORBITA])])
    full = link([*facts, added])
    assert ("b1", 1) in _deal_of(full, ("r", 2)) and ("b1", 1) not in _deal_of(full, ("b0", 1))
    assert ("a1", 1) in _deal_of(link(facts), ("r", 2))
    for whole_up_to in (deal_store.WHOLE_UP_TO, 0):
        monkeypatch.setattr(deal_store, "WHOLE_UP_TO", whole_up_to)
        assert attached_against_full([*facts, added], [added])[:2] == (1, 1)
