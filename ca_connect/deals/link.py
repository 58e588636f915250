"""Deal linking: the events of all articles grouped into deals. Pure: no I/O.

`link(facts, named, previous)` groups the events of ArticleFacts into DealGroups, by the
rules docs/deals.md states (numbered as there):
1. keys: each event's host (`KZ`, or `TJ+UZ` across a border) and its strong keys (named
   deals' aliases, project names, counterparts, other countries with a type) and weak
   ones (the host's own companies);
2. project names (names.py);
3. keys into deals: a key joins the higher-ranked key of the same host it appears with
   in at least half of its articles (`_roots`);
4. events without a strong key: by their home companies, their article, their host and
   type, else no deal (assign.py);
5. time and topics: parts more than GAP_MONTHS apart, articles on another topic of the
   same partners, articles telling a deal only undated aims (parts.py);
6. side mentions: what one article alone tells beside a deal is its background
   (parts.py);
7. ids and names: named deals keep theirs; others are named after their project or
   counterparts and host, and keep the id most of their events had before (ids.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from ..lazy_pattern import LazyPattern
from ..models import Event, Party
from ..vocab import CENTRAL_ASIA
from .assign import assign, suppliers
from .ids import identify
from .items import (
    JOIN_SHARE,
    KEY_SEPARATOR,
    EventRef,
    Item,
    Key,
    counterpart,
    months,
    own_parties,
    titled_keys,
)
from .model import ArticleFacts, DealGroup, NameMention
from .named import NamedDeal
from .parts import absorb, aims_apart, executed, split_in_time, topics

# Rank of key kinds: a lower number wins when keys join.
_KIND_RANK = {"deal": 0, "name": 1, "with": 2, "pair": 3, "home": 4}


def link(
    facts: Sequence[ArticleFacts],
    named: Sequence[NamedDeal] = (),
    previous: Mapping[EventRef, str] | None = None,
    country_names: Mapping[str, str] | None = None,
    reserved: Iterable[str] = (),
    crowded: Collection[tuple[str, str]] = (),
) -> list[DealGroup]:
    """The deals of the events of `facts` (module docstring); deterministic. `reserved`:
    ids of other deals, that new ones must not take; `crowded`: (host, type) pairs that
    other deals, not linked here, have (rule 4 joins no event to "the one deal" of them)."""
    facts = sorted(facts, key=lambda f: f.id)
    named_by_id = {deal.id: deal for deal in named}
    acronyms = _acronyms(facts)
    items = [item for f in facts for item in _items(f, acronyms, named_by_id)]
    names = {f.id: _name_keys(f.names, f, acronyms, named_by_id, f.subject) for f in facts}
    roots, seen, ranks = _roots(items, names, _asides(items, acronyms, named_by_id))
    # Events known only by keys of their own article that joined another deal's keys are
    # that deal's background (rule 6), like the side mentions `absorb` finds; not those
    # whose keys joined one another (which of them is the root is only their rank).
    own_keys: dict[str, set[Key]] = defaultdict(set)
    for item in items:
        own_keys[item.facts.id] |= {k for k in item.strong if seen[k] == 1}
    for article, keys in names.items():
        own_keys[article] |= {k for k in keys if seen[k] == 1}
    side = {
        item.ref
        for item in items
        if item.strong
        and all(seen[k] == 1 and roots[k] not in own_keys[item.facts.id] for k in item.strong)
    }
    groups = assign(items, roots, ranks, set(crowded), suppliers(items, roots, seen))
    pieces = [
        (piece, root)
        for root in sorted(groups)
        for part in split_in_time(groups[root])
        for kept in topics(part)
        for piece in aims_apart(kept, side)
    ]
    # The groups that came apart: their deals are re-linked together in the index.
    apart = Counter(root for _, root in pieces)
    pieces = [(piece, {root} if apart[root] > 1 else set()) for piece, root in pieces]
    parts, origins = executed([p for p, _ in pieces], [o for _, o in pieces])
    parts, background, origins = absorb(parts, origins)
    for part, marked in zip(parts, background, strict=True):
        if len({item.facts.id for item in part}) > 1:
            marked |= {item.ref for item in part if item.ref in side}
    return identify(
        parts,
        background,
        origins,
        named_by_id,
        previous or {},
        country_names or {},
        set(reserved),
    )


def article_keys(facts: ArticleFacts, named: Sequence[NamedDeal] = ()) -> set[str]:
    """Every key an article's events could link by (rule 1): the index re-links an added
    article only with the deals of articles sharing one. Not their host and type, that
    half the corpus shares: the index tells rule 4 which of those other deals have
    (`host_types`, `crowded`)."""
    named_by_id = {deal.id: deal for deal in named}
    keys: set[Key] = set()
    for item in _items(facts, {}, named_by_id):
        keys |= item.strong | item.weak | titled_keys(item)
        # a counterpart in any country: organisations that go together (rule 3)
        keys |= {("org", key[2]) for key in item.strong if key[0] == "with"}
        if not item.strong and not item.weak and item.host is not None:
            # an event that may join the one deal of its host and type (rule 4)
            keys |= {("alone", item.host, kind) for kind in item.event.initiatives}
    keys |= {("acronym", n.acronym) for n in facts.names if n.acronym}
    keys |= {("name", n.key) for n in facts.names if n.key and not n.key.startswith("deal:")}
    return {KEY_SEPARATOR.join(key) for key in keys}


def leading_keys(facts: ArticleFacts, named: Sequence[NamedDeal] = ()) -> set[str]:
    """The keys that place an article's events (rules 1-4): each event's strong keys, or
    its weak ones when it has none, and the article's names (as `article_keys` has them);
    the index attaches an added article's events to the deals holding these keys."""
    named_by_id = {deal.id: deal for deal in named}
    keys = {
        key
        for item in _items(facts, {}, named_by_id)
        for key in item.strong or item.weak or titled_keys(item)
    }
    keys |= {("acronym", n.acronym) for n in facts.names if n.acronym}
    keys |= {("name", n.key) for n in facts.names if n.key and not n.key.startswith("deal:")}
    return {KEY_SEPARATOR.join(key) for key in keys}


def host_types(
    facts: Iterable[ArticleFacts], only: Collection[EventRef] | None = None
) -> set[tuple[str, str]]:
    """The (host, type) pairs of the events of `facts` (of those `only`, if given): rule
    4's "one deal of their host and type" is one of the deals that have the pair."""
    return {
        (host, kind)
        for f in facts
        for event in f.events
        if only is None or (f.id, event.number) in only
        if (host := host_of(event, f.subject)) is not None
        for kind in event.initiatives
    }


# --- 1. Keys -------------------------------------------------------------------------


def host_of(event: Event, subject: str | None = None) -> str | None:
    """The Central Asian countries an event happens in (rule 1), as `KZ` or `TJ+UZ`: those
    of its Central Asian parties (countries and organisations), else, when it names no
    other country, the article's subject country.
    """
    countries = [p.country for p in event.parties if p.country in CENTRAL_ASIA]
    if countries:
        return "+".join(sorted(set(countries)))
    if any(party.kind == "country" for party in event.parties):
        return None
    return subject


def _acronyms(facts: Iterable[ArticleFacts]) -> dict[str, str]:
    """Acronym -> the name key it was defined for; the first definition wins."""
    found: dict[str, str] = {}
    for f in facts:
        for name in f.names:
            if name.acronym and name.key and name.text != name.acronym:
                found.setdefault(name.acronym, name.key)
    return found


def _items(
    facts: ArticleFacts, acronyms: Mapping[str, str], named: Mapping[str, NamedDeal]
) -> list[Item]:
    items = []
    title_names = _name_keys(
        [n for n in facts.names if n.field == "title"], facts, acronyms, named, facts.subject
    )
    for event in facts.events:
        host = host_of(event, facts.subject)
        item = Item(facts, event, host)
        item.strong |= _event_names(item, acronyms, named, host)
        _party_keys(item)
        if not item.strong and host is not None:
            item.strong |= {("name", host, key[2]) for key in title_names if key[0] == "name"}
        items.append(item)
    # An event naming only the partner countries of its article's deal and their
    # governments (`the Azerbaijani side will host the working group's first meeting`) is
    # a step of that deal, told from the other side: it takes its article's subject as host.
    # (An article naming no Central Asian country, only its bodies and companies, is
    # about the one host of its events.)
    hosts = {item.host for item in items if item.host is not None}
    subject = facts.subject or (next(iter(hosts)) if len(hosts) == 1 else None)
    partners = {
        key for item in items if item.host == subject for key in item.strong if key[0] != "name"
    }
    # So is a change of its partners told abroad (`it had chosen Finland's Nokia in place
    # of Ericsson`: no Central Asian party), a step other than work or a launch naming
    # only counterparts of its article's deal (a company's own launch abroad is its news)
    # and lenders (`the bank's $90 million loan was signed in May`: the deal's financing
    # told from the lender's side); and a step naming a project of its article's country
    # (`In March Polish firm Vistel took on the Open Desk programme under a memorandum.`):
    # that project's, told from its partner's side.
    for item in items:
        if item.host is not None or subject is None:
            continue
        project = {key for key in _event_names(item, acronyms, named, subject) if key[0] == "name"}
        if project:  # the name places it: its partner's key would join their stories
            item.host, item.strong = subject, project
            continue
        side = Item(facts, item.event, subject)
        _party_keys(side)
        countries = {key for key in side.strong if key[0] == "pair"}
        others = {key for key in side.strong if key[0] == "with"}
        lenders = {("with", subject, p.id) for p in item.event.parties if _lender(p)}
        if (_foreign_state_only(item.event) and countries and countries <= partners) or (
            others
            and others <= partners | lenders
            and item.event.stage not in ("deployment", "launch")
            and all(p.country not in CENTRAL_ASIA for p in item.event.parties)
        ):
            item.host, item.strong, item.weak = subject, side.strong, side.weak
    return items


def _party_keys(item: Item) -> None:
    """Add the keys an event's own parties give it in its host (rule 1)."""
    event, host = item.event, item.host
    types = event.initiatives or [""]
    hosts = set(host.split("+")) if host else set()
    for party in event.parties if own_parties(event) else ():
        if host is None:  # not a Central Asian deal's event by itself
            if party.kind != "country":
                item.weak.add(("home", "", party.id))
        elif party.kind == "country":
            if party.id not in hosts:
                item.strong |= {("pair", host, party.id, kind) for kind in types}
        elif counterpart(party, hosts):
            item.strong.add(("with", host, party.id))
        elif party.kind == "company" or party.country is None:
            item.weak.add(("home", host, party.id))


_BANK = LazyPattern(r"\bbank\b|банк", re.IGNORECASE)


def _lender(party: Party) -> bool:
    """An international body or a bank: who lends for a deal."""
    return party.kind == "intl" or (party.kind == "company" and bool(_BANK.search(party.name)))


def _foreign_state_only(event: Event) -> bool:
    """Does the event name, of its own, only countries outside Central Asia and their
    government bodies (no company, no international body)?"""
    return (
        own_parties(event)
        and bool(event.parties)
        and all(
            p.country not in CENTRAL_ASIA and p.kind in ("country", "agency") for p in event.parties
        )
    )


def _event_names(
    item: Item, acronyms: Mapping[str, str], named: Mapping[str, NamedDeal], host: str | None
) -> set[Key]:
    """The keys of the names (projects, named deals) told in an event's sentences, in `host`."""
    inside = [name for name in item.facts.names if _tells(item.event, name)]
    return _name_keys(inside, item.facts, acronyms, named, host)


def _tells(event: Event, name: NameMention) -> bool:
    """Is the name in one of the event's sentences?"""
    return any(name.field == f and a <= name.start < b for f, a, b in _spans(event))


def _spans(event: Event) -> list[tuple[str, int, int]]:
    evidence = event.evidence
    if evidence:
        return [(e.field, e.start, e.end) for e in evidence]
    return [(event.field, event.start, event.end)]


def _name_keys(
    names: Iterable, facts: ArticleFacts, acronyms: Mapping[str, str], named: Mapping, host
) -> set[Key]:
    keys: set[Key] = set()
    for name in names:
        if name.key.startswith("deal:"):
            deal = named.get(name.key[5:])
            if deal is not None and _fits_named(deal, facts, host):
                keys.add(("deal", deal.id))
            continue
        key = name.key or acronyms.get(name.acronym or "", "")
        if key and host:
            keys.add(("name", host, key))
    return keys


def _fits_named(deal: NamedDeal, facts: ArticleFacts, host: str | None) -> bool:
    """A named deal's alias counts where the deal's Central Asian country is the event's
    host (or, for an event without one, the article names it)."""
    own = [p for p in deal.parties if p in CENTRAL_ASIA]
    if not own:
        return True
    if host is not None:
        return bool(set(host.split("+")) & set(own))
    return bool(set(own) & set(facts.countries))


# --- 3. Keys into deals ------------------------------------------------------------


class _Asides(NamedTuple):
    """Of one article: the strong keys of its lead, and each name it tells only aside with
    the strong keys of the events telling it (`_asides`)."""

    lead: set[Key]
    names: dict[Key, set[Key]]


_NO_ASIDES = _Asides(set(), {})


def _asides(
    items: Sequence[Item], acronyms: Mapping[str, str], named: Mapping[str, NamedDeal]
) -> dict[str, _Asides]:
    """Of each article, the strong keys of its lead (its first event: the story it tells),
    and the project names (and named deals) told aside: only in its other events, each
    naming a counterpart, with the strong keys of those events. Such a name is another
    story's (`In March Polish firm Vistel took on the Open Desk programme under a
    memorandum.` after Nordtel's memorandum on smart parking), not the lead's."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item.facts.id].append(item)
    found: dict[str, _Asides] = {}
    for article, own in by_article.items():
        facts = own[0].facts
        lead = {key for item in own if item.event.number == 1 for key in item.strong}
        aside: dict[Key, set[Key]] = {}
        free: set[Key] = set()
        for name in facts.names:
            keys = _name_keys([name], facts, acronyms, named, facts.subject)
            tellers = [item for item in own if _tells(item.event, name)]
            if tellers and all(
                item.event.number != 1 and _names_a_counterpart(item) for item in tellers
            ):
                for key in keys:
                    aside.setdefault(key, set()).update(k for i in tellers for k in i.strong)
            else:  # in the title or the lead, in a sentence no event reads, or beside
                # no counterpart: the article's own
                free |= keys
        found[article] = _Asides(lead, {k: keys for k, keys in aside.items() if k not in free})
    return found


def _names_a_counterpart(item: Item) -> bool:
    """Does the event name an organisation of another country than its host's (of its
    article's subject, if it has none), or an international body?"""
    host = item.host or item.facts.subject
    hosts = set(host.split("+")) if host else set()
    return any(p.kind != "country" and counterpart(p, hosts) for p in item.event.parties)


def _apart(name: Key, key: Key, article: _Asides) -> bool:
    """Is `name` told aside in an article by events not naming `key`, a key of its lead?"""
    return name in article.names and key in article.lead and key not in article.names[name]


def _ranks(items: Sequence[Item], seen: Counter[Key]) -> dict[Key, tuple]:
    """Each key's rank, a lower one first (rule 3): named deals, project names,
    organisations, country pairs, then home companies; of one kind, the key seen in more
    articles (`seen`; a home company: named in more), then named by more events, then named
    first (its article's date, undated ones last, the article, the event, its place among
    the event's parties, in the order its sentence names them). What the articles say,
    never how the dictionary spells an id: a renamed organisation gives the same deals.
    The key itself decides only between two names told in one place (the articles' words)."""
    articles: dict[Key, set[str]] = defaultdict(set)
    events: Counter[Key] = Counter()
    first: dict[Key, tuple] = {}
    for item in items:
        date = item.facts.date
        when = (0, months(date)) if date is not None else (1, 0)
        place = {party.id: number for number, party in enumerate(item.event.parties)}
        for key in item.strong | item.weak:
            articles[key].add(item.facts.id)
            events[key] += 1
            where = place.get(key[2], len(place)) if key[0] in ("with", "pair", "home") else 0
            told = (*when, item.facts.id, item.event.number, where)
            if key not in first or told < first[key]:
                first[key] = told
    untold = (2, 0, "", 0, 0)

    return {
        key: (
            _KIND_RANK[key[0]],
            -seen[key],
            -len(articles.get(key, ())),
            -events[key],
            first.get(key, untold),
            key,
        )
        for key in set(seen) | set(articles)
    }


def _roots(
    items: Sequence[Item],
    names: Mapping[str, set[Key]],
    asides: Mapping[str, _Asides],
) -> tuple[dict[Key, Key], Counter[Key], dict[Key, tuple]]:
    """Each strong key's deal key (rule 3), in how many articles each key is, and each
    key's rank (`_ranks`). A name
    an article tells aside (`_asides`) is not seen there with the keys of its lead that
    the events telling it do not name."""
    by_article: dict[str, set[Key]] = defaultdict(set)
    titled: dict[str, set[Key]] = defaultdict(set)
    for item in items:
        by_article[item.facts.id] |= item.strong
        titled[item.facts.id] |= titled_keys(item)
    seen: Counter[Key] = Counter()
    # An article whose title names a counterpart that its events read only from the
    # sentences around them (`The sides discussed power for the servers.` under `Minister
    # meets Nordtel again`) is one of that counterpart's articles too: it counts
    # in the share a key must be seen with another to join it, though it gives no key.
    told: Counter[Key] = Counter()
    together: dict[Key, Counter[Key]] = defaultdict(Counter)
    orgs_seen: Counter[str] = Counter()
    orgs_together: dict[str, Counter[str]] = defaultdict(Counter)
    for article, keys in by_article.items():
        counted = keys | names.get(article, set())
        seen.update(counted)
        told.update(counted | titled[article])
        aside = asides.get(article, _NO_ASIDES)
        for key in counted:
            together[key].update(
                other
                for other in counted - {key}
                if not _apart(other, key, aside) and not _apart(key, other, aside)
            )
        orgs = {key[2] for key in keys if key[0] == "with"}
        orgs_seen.update(orgs | {key[2] for key in titled[article]})
        for org in orgs:
            orgs_together[org].update(orgs - {org})

    ranks = _ranks(items, seen)

    def rank(key: Key) -> tuple:
        return ranks[key]

    def joins(key: Key, other: Key, count: int) -> bool:
        # Keys of different hosts never join: one company's deals in two countries (a
        # cross-border deal's `TJ+UZ` and its `UZ` side do).
        same_host = other[0] == "deal" or bool(set(other[1].split("+")) & set(key[1].split("+")))
        return same_host and rank(other) < rank(key) and count >= JOIN_SHARE * told[key]

    parent: dict[Key, Key] = {}
    for key in sorted(seen, key=rank):
        if key[0] == "deal":
            continue
        above = {o: c for o, c in together[key].items() if joins(key, o, c)}
        if not above and key[0] == "with":
            # The same organisations go together elsewhere: SpaceX and Starlink (in two
            # articles at least: one naming two vendors side by side makes no pair).
            org = key[2]
            above = {
                other: c
                for other_org, c in orgs_together[org].items()
                if c >= max(2, JOIN_SHARE * orgs_seen[org])
                and (other := ("with", key[1], other_org)) in seen
                and rank(other) < rank(key)
            }
        if above:
            parent[key] = min(above, key=lambda other: (-above[other], rank(other)))

    def root(key: Key) -> Key:
        while key in parent:
            key = parent[key]
        return key

    return {key: root(key) for key in seen}, seen, ranks
