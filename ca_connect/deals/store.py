"""Deals in the index (SQLite): linked at ingest, re-linked only where articles change.

Tables: deals/stored.py (their schema, how they are packed, and the reads that need no
linker). `deals.made_of` digests what a record was built from (model.DealGroup), so that
re-linking builds again only the records whose events, name or articles changed.

`sync` after an ingest: the articles added, changed or removed touch the deals of every
article that shares a key with them (old or new); only those articles are linked again,
with the ids their events had (link.py rule 5), and only those deals are replaced. A
changed named-deals file re-reads every article's names and re-links everything.

Ids: persisted here. A new deal's id comes from its name (link.py rule 5); once stored,
it stays with the deal's events however articles are added later.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ..models import EntityDictionary, TaggedArticle
from .facts import article_facts, facts_from_json, facts_json
from .link import KEY_SEPARATOR, article_keys, host_types, link
from .model import ArticleFacts, DealGroup
from .named import NamedDeal
from .names import AliasFinder
from .query import deal_order, deal_summary
from .status import build_deal
from .stored import create_tables, pack, unpack  # noqa: F401 (create_tables: the seam)


def facts_for_index(article: TaggedArticle, named: Sequence[NamedDeal]) -> tuple[bytes, list[str]]:
    """What the index keeps of an article for linking (compressed), and its keys (computed
    where it is analysed, in a worker process when there are many)."""
    facts = article_facts(article, AliasFinder(named) if named else None)
    return pack_facts(facts), sorted(article_keys(facts))


def pack_facts(facts: ArticleFacts) -> bytes:
    """ArticleFacts as `deal_facts` stores them."""
    return pack(facts_json(facts))


def _made_of(group: DealGroup) -> bytes:
    """A digest of what a deal's record is built from, besides its articles' facts."""
    parts = [group.id, group.name, group.named, group.events, group.background]
    return hashlib.blake2b(json.dumps(parts).encode(), digest_size=16).digest()


class DealStore:
    """The deal tables of one open index."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def put_facts(self, article: str, facts: bytes, keys: Iterable[str]) -> None:
        self.db.execute("INSERT OR REPLACE INTO deal_facts VALUES (?, ?)", (article, facts))
        self.db.execute("DELETE FROM deal_keys WHERE article = ?", (article,))
        self.db.executemany("INSERT INTO deal_keys VALUES (?, ?)", [(k, article) for k in keys])

    def keys_of(self, articles: Iterable[str]) -> set[str]:
        return {
            key
            for article in set(articles)
            for (key,) in self.db.execute("SELECT key FROM deal_keys WHERE article = ?", (article,))
        }

    def forget(self, article: str) -> None:
        self.db.execute("DELETE FROM deal_facts WHERE article = ?", (article,))
        self.db.execute("DELETE FROM deal_keys WHERE article = ?", (article,))

    def refresh_names(self, articles: Iterable[TaggedArticle], named: Sequence[NamedDeal]) -> None:
        """Every article's facts again (a changed named-deals file changes their names)."""
        for article in articles:
            self.put_facts(article.id, *facts_for_index(article, named))

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
        # A deal made of the same events, names and background, none of them from an
        # article that changed, has the same record: it is not built again.
        made_of = {} if everything else self._made_of(deals)
        kept = {
            group.id
            for group in groups
            if made_of.get(group.id) == _made_of(group)
            and not touched & {article for article, _ in group.events}
        }
        for deal in deals:
            if deal not in kept:
                db.execute("DELETE FROM deals WHERE id = ?", (deal,))
                db.execute("DELETE FROM deal_summaries WHERE id = ?", (deal,))
            db.execute("DELETE FROM deal_events WHERE deal = ?", (deal,))
            db.execute("DELETE FROM deal_groups WHERE deal = ?", (deal,))
            db.execute("DELETE FROM deal_hosts WHERE deal = ?", (deal,))
        for article in relink:  # their events were all in `deals`, or in none
            db.execute("DELETE FROM deal_events WHERE article = ?", (article,))
        for group in groups:
            if group.id not in kept:
                record = build_deal(group, by_id)
                db.execute(
                    "INSERT OR REPLACE INTO deals VALUES (?, ?, ?)",
                    (record.id, pack(record.model_dump_json()), _made_of(group)),
                )
                db.execute(
                    "INSERT OR REPLACE INTO deal_summaries VALUES (?, ?, ?)",
                    (record.id, deal_order(record), pack(json.dumps(deal_summary(record)))),
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
            own_events = [
                replace(f, events=tuple(e for e in f.events if (f.id, e.number) in events))
                for f in (by_id[article] for article in dict.fromkeys(a for a, _ in events))
            ]
            db.executemany(
                "INSERT OR IGNORE INTO deal_hosts VALUES (?, ?)",
                [(KEY_SEPARATOR.join(pair), group.id) for pair in host_types(own_events)],
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
        return [
            facts_from_json(unpack(data))
            for (data,) in self.db.execute("SELECT data FROM deal_facts")
        ]

    def _facts(
        self, articles: Iterable[str], only: Mapping[str, set[int]] | None = None
    ) -> list[ArticleFacts]:
        """The facts of `articles`; with `only`, of each only those events."""
        found = []
        for article in sorted(articles):
            row = self.db.execute(
                "SELECT data FROM deal_facts WHERE article = ?", (article,)
            ).fetchone()
            if row:
                events = only[article] if only is not None else None
                found.append(facts_from_json(unpack(row[0]), events))
        return found
