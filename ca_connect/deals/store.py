"""Deals in the index (SQLite): linked at ingest, re-linked only where articles change.

Tables: deals/stored.py (their schema, how they are packed, and the reads that need no
linker). `deals.made_of` digests what a record was built from (model.DealGroup), so that
re-linking builds again only the records whose events, name or articles changed.

`sync` after an ingest: in a store of fewer than ATTACH_FROM articles, the articles
added, changed or removed touch the deals of every article that shares a key with them
(old or new); only those articles are linked again, with the ids their events had
(link.py rule 5), and only those deals are replaced. In a larger store that is most of
it (the keys of hub deals reach everything), so the touched articles' events are
*attached* instead (`_attach`): linked by the same rules together with the deals their
keys lead to, each joins the deal its group mostly holds (or a new one), and only the
deals that gained or lost events are built again; the other events stay where they are,
unless the touched articles join or split candidate deals linked whole (`_moves_others`).
Once the articles attached since the last full link pass RELINK_SHARE of the store, and
whenever many change at once, everything is linked again. A changed named-deals file
re-reads every article's names and re-links everything.

Ids: persisted here. A new deal's id comes from its name (link.py rule 5); once stored,
it stays with the deal's events however articles are added later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from ..models import EntityDictionary, Event, TaggedArticle
from .context import dating_contexts
from .facts import article_facts, facts_from_json, facts_json
from .items import GAP_MONTHS, JOIN_SHARE
from .link import KEY_SEPARATOR, EventRef, article_keys, host_types, leading_keys, link
from .model import ArticleFacts, Deal, DealGroup
from .named import NamedDeal
from .names import AliasFinder
from .records import Built, built_record, built_records
from .stored import create_tables, deal_json, pack, unpack  # noqa: F401 (create_tables: the seam)

# Below this many articles a local re-link costs little: attaching (module docstring) is
# for larger stores. Attached articles are linked again with everything once they pass
# this share of the store.
ATTACH_FROM = 2000
RELINK_SHARE = 0.1
# Candidate deals of more articles than this (hub deals) are linked with an attached article
# only through the articles sharing a key with it (`_attach`).
WHOLE_UP_TO = 300
# An attached article's organisations, and its candidates', named in more articles than
# this in other deals are weighed by the candidates alone (`_attach`): linking those
# articles too cost the bench's added article at 20,000 articles 0.07 s CPU, against 0.01.
NAMED_WITH_UP_TO = 30
# Keys of more articles than this are not compared for a change of their order
# (`_reordered`): the counts of such keys seldom meet, and comparing them reads thousands.
COMPARED_UP_TO = 300
# Facts put are decoded this many at a time: one at a time, between the other work of
# each article, decoding cost twice what it does in a run (2,000 generated articles: 0.32
# against 0.17 ms an article).
DECODE_BATCH = 64
FACTS_DIGEST = 16  # bytes of the digest heading each stored facts (pack_facts)
# The tables that keep a deal besides its events: (table, column holding its id).
_DEAL_TABLES = (
    ("deals", "id"),
    ("deal_summaries", "id"),
    ("deal_groups", "deal"),
    ("deal_hosts", "deal"),
)


def facts_for_index(
    article: TaggedArticle, named: Sequence[NamedDeal], records: Sequence[str]
) -> tuple[bytes, list[str]]:
    """What the index keeps of an article for linking (pack_facts), and its keys (computed
    where it is analysed, in a worker process when there are many). `records`: its
    events' rows of `events` (pack_facts)."""
    facts = article_facts(article, _alias_finder(named))
    return pack_facts(facts, records), sorted(article_keys(facts))


def pack_facts(facts: ArticleFacts, records: Sequence[str]) -> bytes:
    """ArticleFacts as `deal_facts` stores them: a digest of all of them (FACTS_DIGEST
    bytes), then the facts without their events, packed. The events are the article's
    rows of `events`, `records` (the export record of each, by number: the event as the
    facts hold it): stored twice they were a quarter of the index; the digest reads them
    as stored, not dumped again. Two articles' facts are the same when these bytes are."""
    without = facts_json(replace(facts, events=()))
    digest = hashlib.blake2b(without.encode(), digest_size=FACTS_DIGEST)
    for record in records:
        digest.update(b"\n" + record.encode())
    return digest.digest() + pack(without)


# The named deals' AliasFinder last compiled, and of which deals: an ingest asks it for
# every article with the same deals.
_FINDER: tuple[list[NamedDeal], AliasFinder | None] = ([], None)


def _alias_finder(named: Sequence[NamedDeal]) -> AliasFinder | None:
    global _FINDER
    if list(named) != _FINDER[0]:
        _FINDER = (list(named), AliasFinder(named) if named else None)
    return _FINDER[1]


def _made_of(group: DealGroup) -> bytes:
    """A digest of what a deal's record is built from, besides its articles' facts."""
    parts = [group.id, group.name, group.named, group.events, group.background]
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).digest()


# The events of an article's row of `articles` (its num), in order: their numbers and
# export records as JSON (query.event_record: each Event's fields and a schema_version).
EventRecords = Callable[[int], Iterable[tuple[int, str]]]


class DealStore:
    """The deal tables of one open index; `events` reads the index's events (the stored
    facts leave them out: pack_facts)."""

    def __init__(self, db: sqlite3.Connection, events: EventRecords) -> None:
        self.db = db
        self.events = events
        # The facts put by this update, decoded DECODE_BATCH at a time as they are put
        # (`put_facts`), and those put since (article: num, packed facts): the sync after
        # the update reads them from here rather than decoding them again.
        self._decoded: dict[str, _Decoded] = {}
        self._waiting: dict[str, tuple[int, bytes]] = {}

    def put_facts(self, article: str, num: int, facts: bytes, keys: Iterable[str]) -> None:
        """Keep an article's facts (pack_facts) and keys; `num`: its row of `articles`,
        whose events the facts are read with (stored before: they are decoded here,
        DECODE_BATCH at a time, while an ingest's worker pool still analyses the next
        articles, so that the linking after the pool, in one process, need not)."""
        self._drop_keys(article)
        keys = list(keys)
        self.db.execute(
            "INSERT OR REPLACE INTO deal_facts VALUES (?, ?, ?, ?)",
            (article, num, facts, pack(json.dumps(keys))),
        )
        self.db.executemany("INSERT INTO deal_keys VALUES (?, ?)", [(k, article) for k in keys])
        self._waiting[article] = (num, facts)
        if len(self._waiting) >= DECODE_BATCH:
            self._decode_waiting()

    def _decode_waiting(self) -> None:
        for article, (num, facts) in self._waiting.items():
            self._decoded[article] = self._read(num, facts)
        self._waiting.clear()

    def keys_of(self, articles: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for article in set(articles):
            for (keys,) in self.db.execute(
                "SELECT keys FROM deal_facts WHERE article = ?", (article,)
            ):
                found.update(json.loads(unpack(keys)))
        return found

    def _drop_keys(self, article: str) -> None:
        """The article's rows of deal_keys (its keys are kept with its facts)."""
        self.db.executemany(
            "DELETE FROM deal_keys WHERE key = ? AND article = ?",
            [(key, article) for key in self.keys_of([article])],
        )

    def packed_facts(self, articles: Iterable[str]) -> dict[str, bytes]:
        """The stored facts of `articles`, as `facts_for_index` packed them."""
        found = {}
        for article in articles:
            row = self.db.execute(
                "SELECT data FROM deal_facts WHERE article = ?", (article,)
            ).fetchone()
            if row:
                found[article] = row[0]
        return found

    def forget(self, article: str) -> None:
        self._decoded.pop(article, None)
        self._waiting.pop(article, None)
        self._drop_keys(article)
        self.db.execute("DELETE FROM deal_facts WHERE article = ?", (article,))

    def refresh_names(self, articles: Iterable[TaggedArticle], named: Sequence[NamedDeal]) -> None:
        """Every article's facts again (a changed named-deals file changes their names)."""
        for article in articles:
            row = self.db.execute(
                "SELECT num FROM deal_facts WHERE article = ?", (article.id,)
            ).fetchone()
            if row:
                records = [record for _, record in self.events(row[0])]
                self.put_facts(article.id, row[0], *facts_for_index(article, named, records))

    def sync(
        self,
        touched: set[str],
        old_keys: set[str],
        named: Sequence[NamedDeal],
        dictionary: EntityDictionary,
        *,
        everything: bool = False,
    ) -> None:
        """Re-link the deals that the articles `touched` (added, changed or removed, with
        `old_keys` the keys they had) touch; everything when asked."""
        db = self.db
        if touched and not everything:
            (stored,) = db.execute("SELECT count(*) FROM deal_facts").fetchone()
            if stored >= ATTACH_FROM:
                attached = self._attached() + len(touched)
                if attached <= RELINK_SHARE * stored:
                    self._attach(touched, old_keys, named, dictionary)
                    self._set_attached(attached)
                    return
                everything = True
        if everything:
            self._set_attached(0)
        crowded: set[tuple[str, str]] = set()
        if everything:
            relink = {a for (a,) in db.execute("SELECT article FROM deal_facts")}
            deals = {d for (d,) in db.execute("SELECT id FROM deals")}
            facts = self._facts(relink)
        else:
            keys = old_keys | self.keys_of(touched)
            relink = set(touched)
            for key in keys:
                relink |= self._articles_with(key)
            # Every deal with an event in an article re-linked is re-linked whole, with the
            # deals made from the same groups (parts of one story years apart): a deal
            # keeping some of its old rows would be a stale record. Of their other
            # articles only those deals' events are linked again; their other events stay
            # in their deals, which need not be re-linked.
            # Rule 4 may join an event naming only its host to the one deal of its host
            # and type: where at most one other deal has them, such events are re-linked.
            # The deals of `relink` grow with it: kept up to date, not asked again for every
            # pair (that was one query per article per pair, minutes at 20k).
            relinked_deals = self._deals_of(relink)
            for host, kind in host_types(self._facts(relink)):
                if len(self._host_deals(host, kind) - relinked_deals) <= 1:
                    added = self._articles_with(KEY_SEPARATOR.join(("alone", host, kind)))
                    relinked_deals |= self._deals_of(added - relink)
                    relink |= added
            own = self._facts(relink)
            deals = set(relinked_deals)
            deals |= self._siblings(deals)
            # Rule 4's "one deal of the host and type": when one other deal has the pair
            # it is linked here too; when more do, no event joins one by the rule.
            crowded = set()
            for host, kind in host_types(own):
                others = self._host_deals(host, kind) - deals
                if len(others) == 1:
                    deals |= others
                elif others:
                    crowded.add((host, kind))
            kept_events = self._events_of(deals)
            facts = own + self._facts(set(kept_events) - relink, kept_events)
        previous = {
            (f.id, number): deal
            for f in facts
            for number, deal in db.execute(
                "SELECT number, deal FROM deal_events WHERE article = ?", (f.id,)
            )
        }
        reserved = {d for (d,) in db.execute("SELECT id FROM deals")} - deals
        names = {c.code: c.name for c in dictionary.countries}
        groups = link(facts, named, previous, names, reserved, crowded)
        by_id = {f.id: f for f in facts}
        # `relink`'s events were all in `deals`, or in none
        self._replace(deals, touched, groups, by_id, relinked=relink, everything=everything)

    def _attached(self) -> int:
        row = self.db.execute("SELECT value FROM deal_state WHERE key = 'attached'").fetchone()
        return row[0] if row else 0

    def _set_attached(self, count: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO deal_state VALUES ('attached', ?)", (count,))

    def _attach(
        self,
        touched: set[str],
        old_keys: set[str],
        named: Sequence[NamedDeal],
        dictionary: EntityDictionary,
    ) -> None:
        """Attach the events of the articles `touched` (with `old_keys` the keys they had)
        to the deals the link rules put them in, leaving every other event where it is
        unless they move it (module docstring)."""
        db = self.db
        present = self._facts(touched)  # the removed articles have no facts left
        ranked, reordered = self._reordered(present, touched, named)
        # A removed or changed article leaves the keys it had one article fewer: they may
        # fall behind another key as an added one may pass it.
        ranked_before, reordered_before = self._passing(set(old_keys), touched)
        ranked |= ranked_before
        reordered |= reordered_before - touched
        touched = touched | reordered
        present += self._facts(reordered)
        before = self._memberships(touched)
        candidates = {deal for deals in before.values() for deal in deals}
        for key in {key for f in present for key in leading_keys(f, named)}:
            candidates |= self._main_deals(key)
        candidates |= self._near_siblings(candidates, present)
        crowded: set[tuple[str, str]] = set()
        for host, kind in host_types(present):  # rule 4, as in `sync`
            others = self._host_deals(host, kind) - candidates
            if len(others) == 1:
                candidates |= others
            elif others:
                crowded.add((host, kind))
        kept: dict[str, set[int] | None]
        kept = {a: n for a, n in self._events_of(candidates).items() if a not in touched}
        whole = len(kept) <= WHOLE_UP_TO
        if not whole:
            # Of hub deals, the events of the articles sharing a key with the touched ones:
            # every article holding one of their keys is there, so rule 3 weighs their keys
            # as the whole deals would; a topic apart (rule 5) may be missed.
            near = self._sharing(self.keys_of(touched))
            kept = {a: n for a, n in kept.items() if a in near}
        # The articles holding a key whose rank the touched ones may change, whole: rule 3
        # weighs those keys by all their articles and events, as a full link does.
        for article in self._sharing(ranked) - touched:
            kept[article] = None
        # Rule 3 joins organisations that go together in any country (SpaceX and
        # Starlink) by the share of all the articles naming them: those articles, when
        # they are few, are linked too, whole.
        orgs = {key for key in self.keys_of({*kept, *touched}) if key.startswith(_ORG)}
        named_with = self._sharing(orgs) - touched - set(kept)
        if len(named_with) <= NAMED_WITH_UP_TO:
            kept.update(dict.fromkeys(named_with))
        facts = present + self._facts(set(kept), kept)
        held = self._memberships(kept, candidates)
        previous = {ref: deal for ref, deals in {**held, **before}.items() for deal in deals}
        # Every id is reserved: a group of the touched articles alone is a new deal.
        reserved = {d for (d,) in db.execute("SELECT id FROM deals")}
        names = {c.code: c.name for c in dictionary.countries}
        gained: dict[str, set[EventRef]] = defaultdict(set)
        side: set[EventRef] = set()
        fresh: list[DealGroup] = []
        linked = link(facts, named, previous, names, reserved, crowded)
        if whole and self._moves_others(
            linked, facts, touched, held, (named, previous, names, reserved, crowded)
        ):
            # The candidate deals, whole, are linked as the store holds them without the
            # touched articles, and with them otherwise: the touched articles join two of
            # them or split one, as a full link would. They are replaced by that link.
            regrouped = [
                group
                for group in link(facts, named, previous, names, reserved - candidates, crowded)
                if any(ref in held or ref[0] in touched for ref in group.events)
            ]
            self._replace(candidates, touched, regrouped, {f.id: f for f in facts})
            return
        for group in linked:
            mine = {ref for ref in group.events if ref[0] in touched}
            if not mine:
                continue  # the other events stay where they are
            side |= mine & set(group.background)
            overlap = Counter(
                deal for ref in group.events if ref not in mine for deal in held.get(ref, ())
            )
            if overlap:
                gained[max(overlap, key=lambda d: (overlap[d], d))] |= mine
            else:
                fresh.append(group)
        for article in touched:
            db.execute("DELETE FROM deal_events WHERE article = ?", (article,))
        for deal, refs in gained.items():
            db.executemany(
                "INSERT INTO deal_events VALUES (?, ?, ?)", [(*ref, deal) for ref in refs]
            )
        changed = {deal for deals in before.values() for deal in deals} | set(gained)
        each = {
            deal: sorted(
                db.execute("SELECT article, number FROM deal_events WHERE deal = ?", (deal,))
            )
            for deal in changed
        }
        # The records built again need the facts of all their events: those of the articles
        # not linked above (an article linked above came with all its candidates' events).
        by_id = {f.id: f for f in facts}
        missing: dict[str, set[int]] = defaultdict(set)
        for events in each.values():
            for article, number in events:
                if article not in by_id:
                    missing[article].add(number)
        by_id.update((f.id, f) for f in self._facts(set(missing), missing))
        emptied: set[str] = set()
        for deal in changed:
            events = each[deal]
            old = _deal(db, deal)
            groups = [
                key for (key,) in db.execute("SELECT key FROM deal_groups WHERE deal = ?", (deal,))
            ]
            self._clear(deal)
            if not events or old is None:
                emptied.add(deal)
                continue
            background = {(h.article, h.event) for h in old.history if h.background} | side
            kept_background = sorted(background & set(events))
            rebuilt = DealGroup(deal, old.name, old.named, events, kept_background, groups)
            self._put(rebuilt, by_id, built_record(rebuilt, by_id))
        for group in fresh:
            # A deal of an edited article's events alone keeps its id.
            was = Counter(deal for ref in group.events for deal in before.get(ref, ()))
            same = [deal for deal in sorted(was, key=lambda d: -was[d]) if deal in emptied]
            if same:
                emptied.discard(same[0])
                group = replace(group, id=same[0])
            self._put(group, by_id, built_record(group, by_id))

    def _moves_others(
        self,
        linked: Sequence[DealGroup],
        facts: Sequence[ArticleFacts],
        touched: set[str],
        held: Mapping[EventRef, set[str]],
        rules: tuple,
    ) -> bool:
        """Whether the touched articles move events of other articles among the candidate
        deals: linked without them (`rules`: link's other arguments), the other events
        (`held`: their candidate deals) come out as the store holds them, and `linked`
        (with them) groups those events otherwise. When the candidates alone do not link
        as stored (a rule read an article they lack), nothing is trusted to move."""
        stored: dict[str, set[EventRef]] = defaultdict(set)
        for ref, deals in held.items():
            for deal in deals:
                stored[deal].add(ref)
        as_stored = {frozenset(refs) for refs in stored.values()}
        with_them = _candidate_shapes(linked, touched, held)
        if with_them is None or with_them == as_stored:
            return False  # (most attachments: no second link)
        others = [f for f in facts if f.id not in touched]
        return _candidate_shapes(link(others, *rules), touched, held) == as_stored

    def _replace(
        self,
        deals: set[str],
        touched: set[str],
        groups: Sequence[DealGroup],
        by_id: Mapping[str, ArticleFacts],
        *,
        relinked: set[str] | None = None,
        everything: bool = False,
    ) -> None:
        """Replace `deals` and the events of the articles `relinked` (the touched ones
        unless given) by `groups` (linked from the facts `by_id`). A deal made of the same
        events, names and background, none of them from a touched article, has the same
        record: it is not built again (none is kept when `everything` is linked again)."""
        db = self.db
        made_of = {} if everything else self._made_of(deals)
        same = {
            group.id
            for group in groups
            if made_of.get(group.id) == _made_of(group)
            and not touched & {article for article, _ in group.events}
        }
        for deal in deals:
            if deal not in same:
                db.execute("DELETE FROM deals WHERE id = ?", (deal,))
                db.execute("DELETE FROM deal_summaries WHERE id = ?", (deal,))
            for table, column in _DEAL_TABLES[2:]:
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", (deal,))
            db.execute("DELETE FROM deal_events WHERE deal = ?", (deal,))
        for article in touched if relinked is None else relinked:
            db.execute("DELETE FROM deal_events WHERE article = ?", (article,))
        built = built_records(groups, by_id, dating_contexts(groups, by_id), same)
        for group in groups:
            self._put(group, by_id, built.get(group.id))

    def _reordered(
        self, present: Sequence[ArticleFacts], touched: set[str], named: Sequence[NamedDeal]
    ) -> tuple[set[str], set[str]]:
        """Keys whose order the articles `touched` (their facts `present`) may change, and
        the other articles whose events a full link would then move. Rule 3 puts a key
        seen in more articles first: one of theirs (a project name or an organisation,
        `_RANKED_KINDS`), seen in as many other articles as another key of its kind and
        host (or in one fewer), may pass it. An article naming both, and a third such key
        seen with each of them as often (in half its articles at
        least: a round-up naming two vendors, and three more once), has that third key
        join the first of the two: its events move. Those articles are attached again with
        the touched ones. Keys of more than COMPARED_UP_TO articles are not compared: their
        counts seldom meet."""
        return self._passing({key for f in present for key in leading_keys(f, named)}, touched)

    def _passing(self, keys: set[str], touched: set[str]) -> tuple[set[str], set[str]]:
        """`_reordered` for `keys`, each held by one article more or fewer than before the
        articles `touched` (added, changed or removed) came."""
        ranked: set[str] = set()
        reordered: set[str] = set()
        for key in keys:
            kind, host = _kind_host(key)
            if kind not in _RANKED_KINDS:
                continue
            with_key = self._articles_with(key)
            holders = with_key - touched
            if not holders or len(holders) > COMPARED_UP_TO:
                continue
            for other, count in self._beside(key, kind, host).items():
                if count - len(touched) > len(holders) + 1 or count < len(holders):
                    continue  # (`count` holds the touched articles naming it, too)
                with_other = self._articles_with(other)
                if len(with_other - touched) not in (len(holders), len(holders) + 1):
                    continue
                for article in holders & with_other:
                    if self._has_a_tied_third(article, (key, with_key), (other, with_other)):
                        ranked |= {key, other}
                        reordered.add(article)
        return ranked, reordered

    def _has_a_tied_third(
        self, article: str, first: tuple[str, set[str]], second: tuple[str, set[str]]
    ) -> bool:
        """Whether `article` names a third key, of the two keys' kind or a later one and of
        a host sharing a country with theirs, seen with each of them (`first`, `second`:
        a key and the articles holding it) in as many of its articles, and in half of them
        at least: a key that joins whichever of the two ranks first (_reordered)."""
        (key, with_key), (other, with_other) = first, second
        kind, host = _kind_host(key)
        later_kinds = _RANKED_KINDS[_RANKED_KINDS.index(kind) :]
        for third in self.keys_of([article]) - {key, other}:
            if _kind_host(third)[0] not in later_kinds or not _shares_host(third, host):
                continue
            told = self._articles_with(third)
            if len(told & with_key) == len(told & with_other) >= JOIN_SHARE * len(told):
                return True
        return False

    def _beside(self, key: str, kind: str, host: str) -> dict[str, int]:
        """The keys of `kind` named in an article beside `key`, of a host sharing a country
        with `host`, and in how many articles each is (one query)."""
        rows = self.db.execute(
            "SELECT key, count(*) FROM deal_keys WHERE key IN (SELECT DISTINCT b.key "
            "FROM deal_keys a JOIN deal_keys b ON b.article = a.article "
            "WHERE a.key = ? AND b.key LIKE ?) GROUP BY key",
            (key, kind + KEY_SEPARATOR + "%"),
        )
        return {
            other: count
            for other, count in rows
            if other != key and _kind_host(other)[0] == kind and _shares_host(other, host)
        }

    def _near_siblings(self, deals: set[str], facts: Sequence[ArticleFacts]) -> set[str]:
        """The deals made from the same groups as `deals` (link.py rule 5) that the events
        of `facts` could join: of one of their types (or any, if they have none), and
        within GAP_MONTHS of their articles' dates (a hub's parts can be dozens)."""
        kinds = {kind for f in facts for event in f.events for kind in event.initiatives}
        untyped = any(not event.initiatives for f in facts for event in f.events)
        days = [day for f in facts if f.date for day in (f.date.first_day(), f.date.last_day())]
        reach = dt.timedelta(days=GAP_MONTHS * 31)
        found = set()
        for deal in self._siblings(deals) - deals:
            row = self.db.execute(
                "SELECT data FROM deal_summaries WHERE id = ?", (deal,)
            ).fetchone()
            if row is None:
                continue
            summary = json.loads(unpack(row[0]))
            if not untyped and not kinds & set(summary["row"]["initiatives"]):
                continue
            first, last = summary["first_day"], summary["last_day"]
            if (
                days
                and first
                and last
                and (
                    dt.date.fromisoformat(first) - reach > max(days)
                    or dt.date.fromisoformat(last) + reach < min(days)
                )
            ):
                continue
            found.add(deal)
        return deals | found

    def _memberships(
        self, articles: Iterable[str], deals: Collection[str] | None = None
    ) -> dict[EventRef, set[str]]:
        """The deals of each event of `articles` (only those among `deals`, if given)."""
        found: dict[EventRef, set[str]] = defaultdict(set)
        for article in articles:
            rows = self.db.execute(
                "SELECT number, deal FROM deal_events WHERE article = ?", (article,)
            )
            for number, deal in rows:
                if deals is None or deal in deals:
                    found[(article, number)].add(deal)
        return found

    def _main_deals(self, key: str) -> set[str]:
        """The deal (or deals, as many) holding most of the articles with `key`: where
        rule 3 gathered its events."""
        rows = self.db.execute(
            "SELECT e.deal, count(DISTINCT k.article) FROM deal_keys k "
            "JOIN deal_events e ON e.article = k.article WHERE k.key = ? GROUP BY e.deal",
            (key,),
        ).fetchall()
        most = max((count for _, count in rows), default=0)
        return {deal for deal, count in rows if count == most}

    def _clear(self, deal: str) -> None:
        """Forget a deal's record and what is kept of it, but not its events."""
        for table, column in _DEAL_TABLES:
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (deal,))

    def _put(
        self, group: DealGroup, by_id: Mapping[str, ArticleFacts], built: Built | None
    ) -> None:
        """Store a linked deal: its record's rows `built` (records.py; None: it is as
        stored), its events, groups and host countries and types."""
        db = self.db
        if built is not None:
            record, order, summary, shown = built
            db.execute(
                "INSERT OR REPLACE INTO deals VALUES (?, ?, ?)", (group.id, record, _made_of(group))
            )
            db.execute(
                "INSERT OR REPLACE INTO deal_summaries VALUES (?, ?, ?, ?)",
                (group.id, order, summary, shown),
            )
        db.executemany(
            "INSERT OR IGNORE INTO deal_events VALUES (?, ?, ?)",
            [(article, number, group.id) for article, number in group.events],
        )
        db.executemany(
            "INSERT OR IGNORE INTO deal_groups VALUES (?, ?)",
            [(key, group.id) for key in group.groups],
        )
        events = set(group.events)
        articles = [by_id[article] for article in dict.fromkeys(a for a, _ in group.events)]
        db.executemany(
            "INSERT OR IGNORE INTO deal_hosts VALUES (?, ?)",
            [(KEY_SEPARATOR.join(pair), group.id) for pair in host_types(articles, events)],
        )

    def _deals_of(self, articles: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for article in articles:
            rows = self.db.execute("SELECT deal FROM deal_events WHERE article = ?", (article,))
            found |= {deal for (deal,) in rows}
        return found

    def _siblings(self, deals: Iterable[str]) -> set[str]:
        """The deals made from the same groups as `deals` (split apart in time)."""
        found: set[str] = set()
        for deal in deals:
            rows = self.db.execute(
                "SELECT DISTINCT b.deal FROM deal_groups a JOIN deal_groups b ON a.key = b.key "
                "WHERE a.deal = ?",
                (deal,),
            )
            found |= {other for (other,) in rows}
        return found

    def _sharing(self, keys: Iterable[str]) -> set[str]:
        """The articles holding any of `keys`."""
        found: set[str] = set()
        for key in keys:
            found |= self._articles_with(key)
        return found

    def _articles_with(self, key: str) -> set[str]:
        rows = self.db.execute("SELECT article FROM deal_keys WHERE key = ?", (key,))
        return {article for (article,) in rows}

    def _host_deals(self, host: str, kind: str) -> set[str]:
        rows = self.db.execute(
            "SELECT deal FROM deal_hosts WHERE pair = ?", (KEY_SEPARATOR.join((host, kind)),)
        )
        return {deal for (deal,) in rows}

    def _events_of(self, deals: Iterable[str]) -> dict[str, set[int]]:
        """The events of `deals`, by article."""
        found: dict[str, set[int]] = defaultdict(set)
        for deal in deals:
            rows = self.db.execute(
                "SELECT article, number FROM deal_events WHERE deal = ?", (deal,)
            )
            for article, number in rows:
                found[article].add(number)
        return found

    def _articles_of(self, deals: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for deal in deals:
            rows = self.db.execute("SELECT article FROM deal_events WHERE deal = ?", (deal,))
            found |= {article for (article,) in rows}
        return found

    def _made_of(self, deals: Iterable[str]) -> dict[str, bytes]:
        found = {}
        for deal in deals:
            row = self.db.execute("SELECT made_of FROM deals WHERE id = ?", (deal,)).fetchone()
            if row:
                found[deal] = row[0]
        return found

    def all_facts(self) -> list[ArticleFacts]:
        rows = self.db.execute("SELECT num, data FROM deal_facts").fetchall()
        return [self._decode(num, data) for num, data in rows]

    def _decode(self, num: int, data: bytes, only: Collection[int] | None = None) -> ArticleFacts:
        """Stored facts with their events (of the numbers `only`, if given) read from
        `events` (pack_facts): decoding an event is what costs."""
        return _with_events(self._read(num, data), only)

    def _read(self, num: int, data: bytes) -> _Decoded:
        facts = facts_from_json(unpack(data[FACTS_DIGEST:]))
        events = self.events(num)  # each record's schema_version is ignored
        return facts, [(number, Event.model_validate_json(record)) for number, record in events]

    def _facts(
        self, articles: Iterable[str], only: Mapping[str, set[int] | None] | None = None
    ) -> list[ArticleFacts]:
        """The facts of `articles`; with `only`, of each only those events (all: None)."""
        self._decode_waiting()
        found = []
        for article in sorted(articles):
            wanted = only[article] if only is not None else None
            decoded = self._decoded.get(article)
            if decoded is not None:
                found.append(_with_events(decoded, wanted))
                continue
            row = self.db.execute(
                "SELECT num, data FROM deal_facts WHERE article = ?", (article,)
            ).fetchone()
            if row:
                found.append(self._decode(*row, wanted))
        return found


# The kinds of key whose order an attached article is checked for changing (`_reordered`),
# first to last by rule 3 (link._ranks): project names and organisations. Not country
# pairs: a country's keys, one per type, are named in the same articles, so their counts
# meet in most updates, and attaching again the articles naming two moved more events than
# it put right (2,000 generated articles, 20 additions: 38 deals unlike a full link's,
# against 32). A key as stored is its kind, its host, then what it names.
_RANKED_KINDS = ("name", "with")
# How a key of a counterpart in any country begins (link.article_keys).
_ORG = "org" + KEY_SEPARATOR


def _candidate_shapes(
    groups: Sequence[DealGroup], touched: set[str], held: Mapping[EventRef, set[str]]
) -> set[frozenset[EventRef]] | None:
    """The events of the candidate deals (`held`) as `groups` put them together, the
    touched articles' left out; None when a group mixes them (or the touched ones) with
    events of articles linked beside them only for their keys' weights."""
    shapes = set()
    for group in groups:
        inside = {ref for ref in group.events if ref in held or ref[0] in touched}
        if inside and len(inside) != len(group.events):
            return None
        shapes.add(frozenset(ref for ref in inside if ref[0] not in touched))
    return shapes - {frozenset()}


def _kind_host(key: str) -> tuple[str, str]:
    parts = key.split(KEY_SEPARATOR)
    return (parts[0], parts[1]) if len(parts) > 2 else (parts[0], "")


def _shares_host(key: str, host: str) -> bool:
    return bool(set(_kind_host(key)[1].split("+")) & set(host.split("+")))


# An article's stored facts (their events left out) and its events by number, decoded.
_Decoded = tuple[ArticleFacts, list[tuple[int, Event]]]


def _with_events(decoded: _Decoded, only: Collection[int] | None) -> ArticleFacts:
    """The facts with their events (of the numbers `only`, if given)."""
    facts, events = decoded
    return replace(
        facts, events=tuple(event for number, event in events if only is None or number in only)
    )


def _deal(db: sqlite3.Connection, deal_id: str) -> Deal | None:
    found = deal_json(db, deal_id)
    return Deal.model_validate_json(found) if found is not None else None
