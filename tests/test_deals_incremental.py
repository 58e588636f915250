"""Re-linking in the index (deals/store.py) gives the deals a full link gives, whatever
order the articles come in: on events written by hand (tests/test_deals.py helpers).
Attaching (a large store) trusts that an added article moves no other event: how often
its deals differ from a full link's is measured here, on the shared and blind sets
(`attached_against_full`), and on a generated corpus's index:

    python -m tests.test_deals_incremental INDEX [SAMPLE]
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections import defaultdict
from itertools import permutations

import pytest

from ca_connect.deals import context, dating, pipeline, records, status
from ca_connect.deals import store as deal_store
from ca_connect.deals.link import article_keys, link
from ca_connect.deals.pipeline import deals_from_facts, facts_of
from ca_connect.deals.store import DealStore, create_tables, pack_facts
from ca_connect.deals.stored import deal_json
from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.loader import load_articles
from ca_connect.models import Party
from ca_connect.query import event_record
from ca_connect.store.schema import unpack
from tests.test_deals import NORDTEL, ORBITA

from .conftest import FIXTURES, PROJECT, SHARED
from .test_deals import KZ, SKYNET, article, event

SKYNET_UNIT = Party(id="skynet-unit", name="Skynet Ground", kind="company", country="US")


def shapes_added_one_by_one(facts, order) -> set[frozenset]:
    store = _store()
    by_id = {f.id: f for f in facts}
    for article_id in order:
        _put(store, by_id[article_id])
        store.sync({article_id}, set(), [], _no_dictionary())
    return _shapes(store)


def attached_against_full(facts, sample) -> tuple[int, int, int, int]:
    """For each article of `sample`: a store linked in full without it, then given it by
    attaching. How many of the sample gave the deals a full link of all gives (their
    events, not their ids), of how many; and over the whole sample, how many deals were
    not among a full link's, of how many."""
    full = {frozenset(group.events) for group in link(facts)}
    same = differ = 0
    for added in sample:
        store = _store()
        others = [f for f in facts if f.id != added.id]
        for f in others:
            _put(store, f)
        store.sync({f.id for f in others}, set(), [], _no_dictionary(), everything=True)
        _put(store, added)
        attach = deal_store.ATTACH_FROM, deal_store.RELINK_SHARE
        deal_store.ATTACH_FROM, deal_store.RELINK_SHARE = 0, 1.0
        try:
            store.sync({added.id}, set(), [], _no_dictionary())
        finally:
            deal_store.ATTACH_FROM, deal_store.RELINK_SHARE = attach
        found = _shapes(store)
        same += found == full
        differ += len(found - full)
    return same, len(sample), differ, len(full) * len(sample)


def _store() -> DealStore:
    """A store of the deals' tables alone: the events of the facts put in it are kept
    here, as an index keeps them in `events` (under the article's row number)."""
    db = sqlite3.connect(":memory:")
    create_tables(db)
    events: dict[int, list[tuple[int, str]]] = {}
    store = DealStore(db, lambda num: events.get(num, []))
    store.kept_events = events  # type: ignore[attr-defined]
    return store


def _put(store: DealStore, f) -> None:
    num = len(store.kept_events) + 1  # a new row, as an analysed article gets
    store.kept_events[num] = [(e.number, json.dumps(event_record(e))) for e in f.events]
    records = [record for _, record in store.kept_events[num]]
    store.put_facts(f.id, num, pack_facts(f, records), sorted(article_keys(f)))


def _index_events(db: sqlite3.Connection):
    """An index's events by article row, as store.Index reads them."""

    def events(num: int) -> list[tuple[int, str]]:
        rows = db.execute("SELECT number, record FROM events WHERE num = ? ORDER BY number", (num,))
        return [(number, unpack(record)) for number, record in rows]

    return events


def _shapes(store: DealStore) -> set[frozenset]:
    found = defaultdict(set)
    rows = store.db.execute("SELECT article, number, deal FROM deal_events")
    for article_id, number, deal in rows:
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


@functools.lru_cache(maxsize=4)  # read once per test process
def _facts_of(folder) -> tuple:
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    return tuple(facts_of([analyse(a, dictionary) for a in load_articles(folder).articles]))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("folder", "floor", "whole_up_to"),
    [
        (FIXTURES / "blind-deals", 23, deal_store.WHOLE_UP_TO),
        (SHARED / "deals" / "articles", 39, deal_store.WHOLE_UP_TO),
        # Every candidate deal taken for a hub: linked through the articles sharing a key
        # (an article joining two deals or splitting one moves no other event then).
        (FIXTURES / "blind-deals", 19, 0),
        (SHARED / "deals" / "articles", 31, 0),
    ],
)
def test_attaching_one_article_gives_a_full_links_deals_mostly(
    folder, floor, whole_up_to, monkeypatch
) -> None:
    # Each article of a deal set added last, by attaching: how many times the deals come
    # out as a full link's (docs/deals.md, In the index: what attaching trusts). The
    # others are an added article moving events already linked where the candidate deals
    # alone do not link as the store holds them, or are hubs.
    if not folder.is_dir():
        pytest.skip("../shared is not beside the project")
    monkeypatch.setattr(deal_store, "WHOLE_UP_TO", whole_up_to)
    facts = _facts_of(folder)
    same, tried, _, _ = attached_against_full(facts, facts)
    assert same >= floor, (same, tried)


def _plain_contexts(groups, facts):
    """context.dating_contexts as first written: every other deal read whole."""
    holders = defaultdict(set)
    for index, group in enumerate(groups):
        for article_id, _ in group.events:
            if facts[article_id].date is None:
                holders[article_id].add(index)
    told = {a: context._stage_orgs(facts[a].events) for a in holders}
    contexts = []
    for index, group in enumerate(groups):
        undated = {a for a, _ in group.events if a in holders}
        wanted = set().union(*(told[a] for a in undated)) if undated else set()
        elsewhere = []
        for other in sorted({o for a in undated for o in holders[a]} - {index}):
            for article_id, number in groups[other].events:
                found = status._event(facts[article_id], number)
                if article_id in undated or (
                    facts[article_id].date is not None
                    and found.date is not None
                    and context._stage_orgs([found]) & wanted
                ):
                    elsewhere.append(found)
        contexts.append(dating.Elsewhere(elsewhere))
    return contexts


def _plain_anchor(own, candidates, bound, day=None):
    """dating._anchor without its shortcuts: every candidate of every event read (those
    sharing one organisation, `candidates` with the plain contexts ranks all of them)."""
    best = None
    deadlines = [e.target.last_day() for e in own if e.target is not None]
    deadline = min(deadlines) if deadlines else None
    needed = dating.MIN_SHARED_ORGANISATIONS if deadline is None else 1
    for one in own:
        if one.date is not None:
            continue
        mine = dating._organisations(one) or {p.id for p in one.parties}
        found = {
            (o.article_id, o.number): o
            for *_, o in candidates(one.stage, frozenset(mine), 1)
            if o.article_id != own[0].article_id
        }
        for _, other in sorted(found.items()):
            shared = len(mine & {p.id for p in other.parties})
            date = other.date
            if shared < needed or (bound is not None and date.last_day() < bound):
                continue
            if deadline is not None and (
                date.first_day() > deadline or (shared == 1 and date.month is None)
            ):
                continue
            if dating._dates_elsewhere(tuple(dating._texts(one)), date, day):
                continue
            rank = (shared, 0 if date.month is None else 1 if date.day is None else 2)
            if best is None or rank > best[:2]:
                best = (*rank, date)
    return best[2] if best else None


def _undated_story(hub_articles: int) -> list:
    """A deal told by many dated articles, and undated articles reporting its steps, one
    of them also telling a second deal of the same partners."""
    kt = Party(id="kazakhtelecom", name="Kazakhtelecom", kind="company", country="KZ")
    facts = []
    for n in range(hub_articles):
        day = f"2024-{1 + n % 12:02d}-{1 + n % 27:02d}"
        stage = ("agreement", "deployment", "launch")[n % 3]
        facts.append(
            article(f"d{n:03d}", day, [event(f"d{n:03d}", 1, stage, day, [KZ, SKYNET, kt])])
        )
    for n in range(6):
        stage = ("agreement", "deployment", "launch")[n % 3]
        events = [event(f"u{n}", 1, stage, None, [KZ, SKYNET, kt])]
        if n == 0:
            uz = Party(id="UZ", name="Uzbekistan", kind="country", country="UZ")
            events.append(event("u0", 2, "mou", None, [uz, SKYNET_UNIT], kinds=("5g",)))
        facts.append(article(f"u{n}", None, events))
    uz = Party(id="UZ", name="Uzbekistan", kind="country", country="UZ")
    other = event("e1", 1, "mou", "2023-05-02", [uz, SKYNET_UNIT], kinds=("5g",))
    return [*facts, article("e1", "2023-05-02", [other])]


@pytest.mark.slow  # analyses a whole written set (~4 s) when no other test here has
def test_deal_records_are_the_same_bytes_built_in_one_process_or_two(monkeypatch) -> None:
    # deals/records.py: a forked child builds every other record when there are many.
    facts = [*_facts_of(FIXTURES / "blind-deals"), *_undated_story(12)]
    groups = link(facts)
    by_id = {f.id: f for f in facts}
    contexts = context.dating_contexts(groups, by_id)
    kept = {groups[0].id}  # a record as stored is not built
    one = records.built_records(groups, by_id, contexts, kept)
    monkeypatch.setattr(records, "FORK_FROM", 0)
    monkeypatch.setattr(records, "_two_cores", lambda: True)
    two = records.built_records(groups, by_id, contexts, kept)
    assert len(one) == len(groups) - 1 > 4 and one == two


def test_undated_articles_are_dated_as_by_reading_every_deal_whole(monkeypatch) -> None:
    # The dating of an undated article within its deals (deals/dating.py) finds the
    # events of other deals through an index, and stops looking once nothing can rank
    # higher: the records are those of the plain reading of every candidate.
    # Every deal read as a hub (its dated events ranked once, context.HUB_FROM) or none.
    for facts in (_undated_story(40), _facts_of(FIXTURES / "blind-deals")):
        fast = {}
        for hub_from in (0, 10**9):
            monkeypatch.setattr(context, "HUB_FROM", hub_from)
            fast[hub_from] = [d.model_dump_json() for d in deals_from_facts(facts)]
        monkeypatch.setattr(pipeline, "dating_contexts", _plain_contexts)
        monkeypatch.setattr(dating, "_anchor", _plain_anchor)
        plain = [d.model_dump_json() for d in deals_from_facts(facts)]
        monkeypatch.undo()
        assert fast[0] == plain and fast[10**9] == plain
    story = deals_from_facts(_undated_story(40))
    dated = {(h.article, h.event) for d in story for h in d.history if h.date is not None}
    assert {("u0", 1), ("u0", 2), ("u1", 1)} <= dated  # dated through their deals


def main(argv: list[str]) -> None:
    """attached_against_full on the articles of an index, SAMPLE of them (default 30)."""
    import random
    import sys

    db = sqlite3.connect(argv[0])
    facts = DealStore(db, _index_events(db)).all_facts()
    sample = random.Random(0).sample(facts, int(argv[1]) if len(argv) > 1 else 30)
    same, tried, differ, deals = attached_against_full(facts, sample)
    print(
        f"{len(facts)} articles: {same}/{tried} additions gave a full link's deals; "
        f"{differ} of {deals} deals differed",
        file=sys.stdout,
    )


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])


def test_an_attached_article_joins_its_deal_and_past_the_share_all_is_linked_again(
    monkeypatch,
) -> None:
    # Attaching (a large store: the threshold lowered here): the third Skynet article
    # joins the deal of the first two under its id; once attached articles pass the
    # share, the next update links everything again and counts from zero.
    monkeypatch.setattr(deal_store, "ATTACH_FROM", 0)
    monkeypatch.setattr(deal_store, "RELINK_SHARE", 0.4)
    facts = [
        article(f"a{n}", f"2024-0{n}-10", [event(f"a{n}", 1, stage, f"2024-0{n}-10", [KZ, SKYNET])])
        for n, stage in ((1, "mou"), (2, "agreement"), (3, "launch"), (4, "launch"))
    ]
    store = _store()
    for f in facts[:2]:
        _put(store, f)
    store.sync({"a1", "a2"}, set(), [], _no_dictionary(), everything=True)
    (deal,) = {d for (d,) in store.db.execute("SELECT id FROM deals")}
    _put(store, facts[2])
    store.sync({"a3"}, set(), [], _no_dictionary())
    assert store._attached() == 1
    assert set(store.db.execute("SELECT article, deal FROM deal_events")) == {
        ("a1", deal),
        ("a2", deal),
        ("a3", deal),
    }
    assert json.loads(deal_json(store.db, deal))["status"] == "launch"
    _put(store, facts[3])
    store.sync({"a4"}, set(), [], _no_dictionary())  # 2 attached > 0.4 of 4 articles
    assert store._attached() == 0
    assert _shapes(store) == {frozenset(group.events) for group in link(facts)}


def _deal_of(groups, ref):
    return next(frozenset(g.events) for g in groups if ref in g.events)


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


def _attaching(monkeypatch) -> None:
    monkeypatch.setattr(deal_store, "ATTACH_FROM", 0)
    monkeypatch.setattr(deal_store, "RELINK_SHARE", 1.0)


def _linked_in_full(facts):
    store = _store()
    for f in facts:
        _put(store, f)
    store.sync({f.id for f in facts}, set(), [], _no_dictionary(), everything=True)
    return store


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


def test_an_attached_article_bridging_two_deals_joins_them_in_any_order(monkeypatch):
    # Attaching a2 last joins the deals of a1 and a3, as a full link does; so does every
    # other order of the three.
    _attaching(monkeypatch)
    facts = _bridged_story()
    full = {frozenset(group.events) for group in link(facts)}
    assert len(full) == 1
    for order in permutations(["a1", "a2", "a3"]):
        assert shapes_added_one_by_one(facts, order) == full, order
