"""Deal linking: the events of all articles grouped into deals. Pure: no I/O.

`link(facts, named, previous)` groups the events of ArticleFacts into DealGroups, by the
rules README "Deals" states (numbered as there):
1. keys: each event's host (`KZ`, or `TJ+UZ` across a border) and its strong keys (named
   deals' aliases, project names, counterparts, other countries with a type) and weak
   ones (the host's own companies);
2. project names (names.py);
3. keys into deals: a key joins the higher-ranked key of the same host it appears with
   in at least half of its articles (`_roots`);
4. events without a strong key: by their home companies, their article, their host and
   type, else no deal (`_assign`);
5. time and topics: parts more than GAP_MONTHS apart, articles on another topic of the
   same partners (`_split`, `_topics`);
6. side mentions: what one article alone tells beside a deal is its background
   (`_absorb`);
7. ids and names: named deals keep theirs; others are named after their project or
   counterparts and host, and keep the id most of their events had before (ids.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

from ..models import Event, Party
from ..vocab import CENTRAL_ASIA
from .ids import identify
from .items import KEY_SEPARATOR, EventRef, Item, Key, months
from .model import ArticleFacts, DealGroup
from .named import NamedDeal

GAP_MONTHS = 48
JOIN_SHARE = 0.5
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
    roots, seen = _roots(items, names)
    # Events known only by keys of their own article that joined another deal's keys are
    # that deal's background (rule 6), like the side mentions `_absorb` finds.
    side = {
        item.ref
        for item in items
        if item.strong and all(seen[k] == 1 and roots[k] != k for k in item.strong)
    }
    groups = _assign(items, roots, set(crowded), _suppliers(items, roots, seen))
    pieces = [
        (piece, root)
        for root in sorted(groups)
        for part in _split(groups[root])
        for piece in _topics(part)
    ]
    # The groups that came apart: their deals are re-linked together in the index.
    apart = Counter(root for _, root in pieces)
    pieces = [(piece, {root} if apart[root] > 1 else set()) for piece, root in pieces]
    parts, origins = _executed([p for p, _ in pieces], [o for _, o in pieces])
    parts, background, origins = _absorb(parts, origins)
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
        keys |= item.strong | item.weak
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
    keys = {key for item in _items(facts, {}, named_by_id) for key in item.strong or item.weak}
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


def _counterpart(party: Party, hosts: set[str]) -> bool:
    """An organisation of another country than the host's, an international body, or, in
    a cross-border deal (two host countries), a company of either side. One of unknown
    country (found by its name's shape) is taken for a local one."""
    if party.kind == "intl" or (party.country is not None and party.country not in hosts):
        return True
    return len(hosts) > 1 and party.kind == "company" and party.country is not None


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
        spans = _spans(event)
        inside = [
            n for n in facts.names if any(n.field == f and a <= n.start < b for f, a, b in spans)
        ]
        item.strong |= _name_keys(inside, facts, acronyms, named, host)
        types = event.initiatives or [""]
        hosts = set(host.split("+")) if host else set()
        for party in event.parties if _own_parties(event) else ():
            if host is None:  # not a Central Asian deal's event by itself
                if party.kind != "country":
                    item.weak.add(("home", "", party.id))
            elif party.kind == "country":
                if party.id not in hosts:
                    item.strong |= {("pair", host, party.id, kind) for kind in types}
            elif _counterpart(party, hosts):
                item.strong.add(("with", host, party.id))
            elif party.kind == "company" or party.country is None:
                item.weak.add(("home", host, party.id))
        if not item.strong and host is not None:
            item.strong |= {("name", host, key[2]) for key in title_names if key[0] == "name"}
        items.append(item)
    return items


def _spans(event: Event) -> list[tuple[str, int, int]]:
    evidence = getattr(event, "evidence", None)
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


# --- 2. Keys into deals ------------------------------------------------------------


def _roots(
    items: Sequence[Item], names: Mapping[str, set[Key]]
) -> tuple[dict[Key, Key], Counter[Key]]:
    """Each strong key's deal key (rule 3), and in how many articles each key is."""
    by_article: dict[str, set[Key]] = defaultdict(set)
    for item in items:
        by_article[item.facts.id] |= item.strong
    seen: Counter[Key] = Counter()
    together: dict[Key, Counter[Key]] = defaultdict(Counter)
    orgs_seen: Counter[str] = Counter()
    orgs_together: dict[str, Counter[str]] = defaultdict(Counter)
    for article, keys in by_article.items():
        counted = keys | names.get(article, set())
        seen.update(counted)
        for key in counted:
            together[key].update(counted - {key})
        orgs = {key[2] for key in keys if key[0] == "with"}
        orgs_seen.update(orgs)
        for org in orgs:
            orgs_together[org].update(orgs - {org})

    def rank(key: Key) -> tuple[int, int, Key]:
        return (_KIND_RANK[key[0]], -seen[key], key)

    def joins(key: Key, other: Key, count: int) -> bool:
        # Keys of different hosts never join: one company's deals in two countries (a
        # cross-border deal's `TJ+UZ` and its `UZ` side do).
        same_host = other[0] == "deal" or bool(set(other[1].split("+")) & set(key[1].split("+")))
        return same_host and rank(other) < rank(key) and count >= JOIN_SHARE * seen[key]

    parent: dict[Key, Key] = {}
    for key in sorted(seen, key=rank):
        if key[0] == "deal":
            continue
        above = {o: c for o, c in together[key].items() if joins(key, o, c)}
        if not above and key[0] == "with":
            # The same organisations go together elsewhere: SpaceX and Starlink.
            org = key[2]
            above = {
                other: c
                for other_org, c in orgs_together[org].items()
                if c >= JOIN_SHARE * orgs_seen[org]
                and (other := ("with", key[1], other_org)) in seen
                and rank(other) < rank(key)
            }
        if above:
            parent[key] = min(above, key=lambda other: (-above[other], rank(other)))

    def root(key: Key) -> Key:
        while key in parent:
            key = parent[key]
        return key

    return {key: root(key) for key in seen}, seen


# --- 3. Events into deals ------------------------------------------------------------


def _suppliers(
    items: Sequence[Item], roots: Mapping[Key, Key], seen: Counter[Key]
) -> set[EventRef]:
    """Events of one host country whose only strong keys are organisations from outside
    Central Asia named in that event alone, in an article another event of which names
    two of the host's own companies and no strong key: a supplier of the home companies'
    story (`radio equipment lent by Ericsson` beside the two national operators' shared
    network), not a deal of its own."""
    named_in = Counter(key for item in items for key in item.strong)
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item.facts.id].append(item)
    found = set()
    for item in items:
        foreign = {p.id for p in item.event.parties if p.country not in CENTRAL_ASIA}
        if (
            item.strong
            and item.host is not None
            and "+" not in item.host
            and all(key[0] == "with" and key[2] in foreign for key in item.strong)
            and all(
                key[0] == "with" and seen[key] == 1 and named_in[key] == 1 and roots[key] == key
                for key in item.strong
            )
            and any(
                not other.strong and len(other.weak) >= 2 and _own_parties(other.event)
                for other in by_article[item.facts.id]
            )
        ):
            found.add(item.ref)
    return found


def _assign(
    items: Sequence[Item],
    roots: Mapping[Key, Key],
    crowded: set[tuple[str, str]],
    suppliers: Collection[EventRef] = (),
) -> dict[Key, list[Item]]:
    groups: dict[Key, list[Item]] = defaultdict(list)
    placed: dict[EventRef, list[Key]] = {}
    rest: list[Item] = []
    for item in items:
        own = [] if item.ref in suppliers else sorted({roots[key] for key in item.strong})
        if own:
            placed[item.ref] = own
            for root in own:
                groups[root].append(item)
        else:
            rest.append(item)
    types, org_seen, countries, hosts, sizes = _seen(groups)
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item.facts.id].append(item)
    orphans: dict[Key, list[Item]] = defaultdict(list)
    # Events with parties of their own first: one that founds a deal by its home company
    # is the story its article's events with parties from context belong to.
    founded: dict[tuple[str, str], Key] = {}
    orphaned: dict[EventRef, list[Key]] = {}
    keyless: list[Item] = []
    for item in sorted(rest, key=lambda i: not _own_parties(i.event) or i.ref in suppliers):
        article = by_article[item.facts.id]
        alone = not any(o.ref in placed for o in article)
        if _own_parties(item.event) and item.ref not in suppliers:
            root = (
                _by_weak(item, org_seen, countries, types, sizes, _placed_roots(article, placed))
                or _by_article(item, article, placed, types)
                or (_by_host(item, hosts, crowded) if alone else None)
            )
        else:  # its article's deal, or the one deal of its host if it names no one else
            root = _by_article(item, article, placed, types)
            own = founded.get((item.facts.id, item.host or ""))
            if root is None and own is not None:
                orphans[own].append(item)
                continue
            if root is None and alone and _host_only(item):
                root = _by_host(item, hosts, crowded)
        if root is not None:
            groups[root].append(item)
            placed[item.ref] = [root]
        elif item.weak and item.host is not None:  # a deal needs a Central Asian host
            orphans[min(item.weak)].append(item)
            founded.setdefault((item.facts.id, item.host), min(item.weak))
            orphaned[item.ref] = [min(item.weak)]
        else:
            keyless.append(item)
    # An event naming no key, only bodies of the host's government, joins the deal whose
    # articles most name those bodies (the agency running a project), else its article's
    # deal (`the Cabinet annulled the auction`), however late its other events found one.
    found = {**placed, **orphaned}
    wanted = {p.id for i in keyless if _own_parties(i.event) for p in _host_bodies(i)}
    kinds, seen, where, size = _bodies_seen({**orphans, **groups}, wanted)
    # those naming bodies first: an event naming no one (`The app had been piloted since
    # last summer.`) follows its article's events that found a deal
    for item in sorted(keyless, key=lambda i: not (_own_parties(i.event) and _host_bodies(i))):
        root = None
        if _own_parties(item.event) and _host_bodies(item):
            bodies = Item(item.facts, item.event, item.host)
            bodies.weak = {("home", item.host or "", p.id) for p in _host_bodies(item)}
            own = _placed_roots(by_article[item.facts.id], found)
            root = _by_weak(bodies, seen, where, kinds, size, own)
        root = root or _by_article(item, by_article[item.facts.id], found, types)
        if root is not None:
            (groups if root in groups else orphans)[root].append(item)
            found[item.ref] = [root]
    for key, group in orphans.items():
        groups[key] += group
    return groups


def _seen(groups: Mapping[Key, list[Item]]) -> tuple[dict, dict, dict, dict, dict]:
    """Of each deal: its types; where each organisation is seen (as a counterpart, a home
    company or a body: the share of a deal's articles naming it, if half of them at least);
    in which host countries each deal happens; the deals of each (host, type); how many
    articles tell each deal."""
    types = {root: {t for i in part for t in i.event.initiatives} for root, part in groups.items()}
    org_seen: dict[str, dict[Key, float]] = defaultdict(dict)
    countries: dict[Key, set[str]] = defaultdict(set)
    hosts: dict[tuple[str | None, str], set[Key]] = defaultdict(set)
    sizes: dict[Key, int] = {}
    for root, group in groups.items():
        told: dict[str, set[str]] = defaultdict(set)  # organisation: articles
        for item in group:
            for party in item.event.parties:
                if party.kind != "country":
                    told[party.id].add(item.facts.id)
            countries[root] |= set(item.host.split("+")) if item.host else set()
            for kind in item.event.initiatives:
                hosts[(item.host, kind)].add(root)
        # an organisation that a deal's articles mostly name, not a bystander of one
        articles = len({item.facts.id for item in group})
        sizes[root] = articles
        for org, where in told.items():
            if len(where) >= JOIN_SHARE * articles:
                org_seen[org][root] = len(where) / articles
    return types, org_seen, countries, hosts, sizes


def _bodies_seen(
    groups: Mapping[Key, list[Item]], wanted: set[str]
) -> tuple[dict, dict, dict, dict]:
    """`_seen` of the deals naming an organisation of `wanted` only (their types, where
    those organisations are seen, their host countries, how many articles tell them): one
    look at each event's parties, not a deal's whole record."""
    types: dict[Key, set[str]] = {}
    org_seen: dict[str, dict[Key, float]] = defaultdict(dict)
    countries: dict[Key, set[str]] = {}
    sizes: dict[Key, int] = {}
    if not wanted:
        return types, org_seen, countries, sizes
    for root, group in groups.items():
        told: dict[str, set[str]] = defaultdict(set)  # organisation: articles
        for item in group:
            for party in item.event.parties:
                if party.id in wanted:
                    told[party.id].add(item.facts.id)
        if not told:
            continue
        articles = len({item.facts.id for item in group})
        sizes[root] = articles
        types[root] = {t for item in group for t in item.event.initiatives}
        countries[root] = {c for item in group if item.host for c in item.host.split("+")}
        for org, where in told.items():
            if len(where) >= JOIN_SHARE * articles:
                org_seen[org][root] = len(where) / articles
    return types, org_seen, countries, sizes


def _host_bodies(item: Item) -> list[Party]:
    """The event's parties other than countries, if they are all bodies of its host."""
    hosts = set(item.host.split("+")) if item.host else set()
    bodies = [p for p in item.event.parties if p.kind != "country"]
    if all(p.kind != "company" and p.country in hosts for p in bodies):
        return bodies
    return []


def _own_parties(event: Event) -> bool:
    """Are the event's parties its sentence's own? Parties read from the sentences around
    tell whose story the article is, not that this sentence is a step of it: such an event
    joins its article's deal, or the one deal of its host if it names no one else (rule
    4), and founds none."""
    return event.sources.parties != "context"


def _within(host: str, other: str) -> bool:
    """Is `host` one of the countries of `other` (`TJ` of a `KZ+TJ` deal), or the same?"""
    return set(host.split("+")) <= set(other.split("+"))


def _host_only(item: Item) -> bool:
    hosts = set(item.host.split("+")) if item.host else set()
    return all(p.kind == "country" and p.id in hosts for p in item.event.parties)


def _fits(item: Item, kinds: set[str]) -> bool:
    return not item.event.initiatives or bool(kinds & set(item.event.initiatives))


def _by_weak(
    item: Item,
    org_seen: Mapping[str, Mapping[Key, float]],
    countries: Mapping[Key, set[str]],
    types: Mapping[Key, set[str]],
    sizes: Mapping[Key, int],
    own: Collection[Key] = (),
) -> Key | None:
    """The deal whose articles most name the event's home companies (the sum of the
    shares of its articles naming each; half of them at least), in one of its host
    countries, naming at least half of its home companies, with a type that fits; one of
    the deals `own` of its article's other events if one of them is such a deal (an
    article's events stay together); of equals, the one told by more articles
    (`sizes`)."""
    if item.host is None:
        return None
    hosts = set(item.host.split("+"))
    counts: dict[Key, float] = defaultdict(float)
    known: Counter[Key] = Counter()
    for key in item.weak:
        for root, share in org_seen.get(key[2], {}).items():
            counts[root] += share
            known[root] += 1
    # An event most of whose companies the deal does not name (a rival operator's
    # launch that names the national one too) tells another story.
    fitting = [
        r
        for r in counts
        if _fits(item, types[r])
        and countries[r] & hosts
        and known[r] >= JOIN_SHARE * len(item.weak)
    ]
    fitting = [r for r in fitting if r in own] or fitting
    return (
        max(fitting, key=lambda root: (counts[root], sizes[root], _neg_key(root)))
        if fitting
        else None
    )


def _placed_roots(article: Iterable[Item], placed: Mapping[EventRef, list[Key]]) -> set[Key]:
    return {root for item in article for root in placed.get(item.ref, ())}


def _neg_key(key: Key) -> tuple[int, ...]:
    return tuple(-ord(c) for c in "".join(key))


def _by_article(
    item: Item, article: list[Item], placed: Mapping[EventRef, list[Key]], types: Mapping
) -> Key | None:
    number = item.event.number
    # An event in one country of a cross-border deal joins it when it names a body of that
    # country (its regulator approving the deal): the country alone may be its own news.
    # So does a cross-border event naming bodies (the two operators) beside one side's.
    named_body = any(p.kind != "country" for p in item.event.parties)
    others = [
        other
        for other in article
        if other.ref in placed
        and other is not item
        and item.host is not None
        and (
            other.host in (None, item.host)
            or (named_body and _within(item.host, other.host))
            or (named_body and other.host is not None and _within(other.host, item.host))
        )
    ]
    if item.event.initiatives:
        for other in sorted(others, key=lambda o: abs(o.event.number - number)):
            for root in placed[other.ref]:
                if set(item.event.initiatives) & set(other.event.initiatives):
                    return root
        return None
    before = [o for o in others if o.event.number < number]
    after = [o for o in others if o.event.number > number]
    nearest = before[-1:] or after[:1]
    return placed[nearest[0].ref][0] if nearest else None


def _by_host(
    item: Item, hosts: Mapping[tuple[str | None, str], set[Key]], crowded: set[tuple[str, str]]
) -> Key | None:
    """The one deal of the event's host and type, for an event that names no company and
    no foreign body, only the host's government (one naming another company tells
    another story)."""
    if item.host is None:
        return None
    home = set(item.host.split("+"))
    if any(
        p.kind == "company" or (p.kind != "country" and p.country not in home)
        for p in item.event.parties
    ):
        return None
    if any((item.host, kind) in crowded for kind in item.event.initiatives):
        return None
    found = {root for kind in item.event.initiatives for root in hosts.get((item.host, kind), ())}
    return next(iter(found)) if len(found) == 1 else None


# --- 4. Time ---------------------------------------------------------------------


def _split(group: list[Item]) -> list[list[Item]]:
    """Rule 4: parts of a deal far apart in time; an article's events stay together."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in group:
        by_article[item.facts.id].append(item)
    when: dict[str, int] = {}
    for article, items in by_article.items():
        published = items[0].facts.date
        dates = [months(i.event.date) for i in items if i.event.date and not i.event.planned]
        if published is not None:
            when[article] = months(published)
        elif dates:
            when[article] = max(dates)
    dated = sorted(when, key=lambda a: (when[a], a))
    if not dated:
        return [group]
    names = [_names(by_article[a]) for a in dated]
    after = [set() for _ in range(len(dated) + 1)]  # the names of dated[index:]
    for index in range(len(dated) - 1, -1, -1):
        after[index] = names[index] | after[index + 1]
    parts: list[list[str]] = [[dated[0]]]
    before = set(names[0])  # the names of the part being made
    for index, article in enumerate(dated[1:], 1):
        gap = when[article] - when[dated[index - 1]]
        if gap > GAP_MONTHS and not before & after[index]:
            parts.append([])
            before = set()
        parts[-1].append(article)
        before |= names[index]
    for article in sorted(set(by_article) - set(when)):
        strong = {k for i in by_article[article] for k in i.strong}
        weak = {k for i in by_article[article] for k in i.weak}
        shared = [
            (
                len(strong & {k for a in part for i in by_article[a] for k in i.strong}),
                len(weak & {k for a in part for i in by_article[a] for k in i.weak}),
            )
            for part in parts
        ]
        best = max(range(len(parts)), key=lambda p: (shared[p], p))
        parts[best].append(article)
    return [[i for a in part for i in by_article[a]] for part in parts]


def _topics(part: list[Item]) -> list[list[Item]]:
    """Rule 5, topics: in a deal told by three articles or more, an article whose events
    all have types, none of them a type of the deal (one at least two of its articles
    give), tells another deal of the same partners (roaming talks between the operators
    of a cable); such articles are deals of their own, one per set of types."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in part:
        by_article[item.facts.id].append(item)
    if len(by_article) < 3 or _named(part):
        return [part]
    told = Counter(
        t for items in by_article.values() for t in {k for i in items for k in i.event.initiatives}
    )
    core = {kind for kind, count in told.items() if count >= 2}
    apart: dict[frozenset[str], list[Item]] = defaultdict(list)
    kept: list[Item] = []
    for items in by_article.values():
        kinds = [set(i.event.initiatives) for i in items]
        if core and all(k and not k & core for k in kinds):
            apart[frozenset().union(*kinds)] += items
        else:
            kept += items
    return [kept, *(apart[k] for k in sorted(apart, key=sorted))]


def _names(items: Iterable[Item]) -> set[Key]:
    return set().union(*(item.names for item in items))


def _named(items: Iterable[Item]) -> bool:
    return any(item.names for item in items)


def _executed(
    parts: list[list[Item]], origins: list[set[Key]]
) -> tuple[list[list[Item]], list[set[Key]]]:
    """Rule 5, a lender's or adviser's article: a part told by one article whose only
    strong keys are international bodies (`the ADB and the government signed a grant`)
    and whose events name a body of its host (the agency that will carry the project
    out) joins the deal of that host, of a type that fits and within GAP_MONTHS, whose
    articles most name that body (half of them at least; of equals, the one told by more
    articles): the project the body runs. The parts and their group keys (`origins`)."""
    articles = [{i.facts.id for i in part} for part in parts]
    told: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for index, part in enumerate(parts):
        if len(articles[index]) > 1:
            for item in part:
                for party in item.event.parties:
                    if party.kind == "agency":
                        told[party.id][index].add(item.facts.id)
    into: dict[int, int] = {}
    for index, part in enumerate(parts):
        bodies = _lender_bodies(part) if len(articles[index]) == 1 else set()
        found: dict[int, float] = defaultdict(float)
        for body in bodies & told.keys():
            for other, where in told[body].items():
                if len(where) >= JOIN_SHARE * len(articles[other]):
                    found[other] = max(found[other], len(where) / len(articles[other]))
        fitting = [o for o in found if _goes_with(part, parts[o])]
        if fitting:
            into[index] = max(fitting, key=lambda o: (found[o], len(articles[o]), -o))
    if not into:
        return parts, origins
    for index, other in into.items():
        parts[other] = parts[other] + parts[index]
        origins[other] = origins[other] | origins[index]
    kept = [i for i in range(len(parts)) if i not in into]
    return [parts[i] for i in kept], [origins[i] for i in kept]


def _lender_bodies(part: list[Item]) -> set[str]:
    """The bodies of its host a part's events name, if its strong keys are all
    international bodies and it has one host; else none."""
    hosts = {item.host for item in part if item.host}
    if len(hosts) != 1 or _named(part):
        return set()
    (host,) = hosts
    parties = {p.id: p for item in part for p in item.event.parties}
    strong = {key for item in part for key in item.strong}
    if not strong or any(
        key[0] != "with" or key[2] not in parties or parties[key[2]].kind != "intl"
        for key in strong
    ):
        return set()
    home = set(host.split("+"))
    return {p.id for p in parties.values() if p.kind == "agency" and p.country in home}


def _goes_with(part: list[Item], other: list[Item]) -> bool:
    """Does a one-article part fit `other`: its host among other's, a type in common (or
    none told), within GAP_MONTHS of one of other's articles?"""
    hosts = {item.host for item in part if item.host}
    if not hosts <= {item.host for item in other if item.host}:
        return False
    kinds = {t for item in part for t in item.event.initiatives}
    theirs = {t for item in other for t in item.event.initiatives}
    if kinds and theirs and not kinds & theirs:
        return False
    when = [months(item.facts.date) for item in part if item.facts.date]
    dates = [months(item.facts.date) for item in other if item.facts.date]
    return not when or not dates or any(abs(when[0] - d) <= GAP_MONTHS for d in dates)


def _absorb(
    parts: list[list[Item]], origins: list[set[Key]]
) -> tuple[list[list[Item]], list[set[EventRef]], list[set[Key]]]:
    """Rule 6, side mentions: a part told by one article only, and not a named deal, is
    the background of the bigger deal that article tells (the one told by most
    articles); the events of each part that are background, and the group keys each
    part was made from (`origins`, merged with the parts)."""
    articles = [{i.facts.id for i in part} for part in parts]
    told_in: dict[str, list[int]] = defaultdict(list)
    for index, own in enumerate(articles):
        for article in own:
            told_in[article].append(index)
    kept = []
    background: list[set[EventRef]] = [set() for _ in parts]
    for index, part in enumerate(parts):
        own = articles[index]
        hosts = [] if len(own) != 1 or _named(part) else told_in[next(iter(own))]
        hosts = [other for other in hosts if len(articles[other]) > 1]
        if hosts:
            best = max(hosts, key=lambda o: (len(articles[o]), -o))
            parts[best] = parts[best] + part
            background[best] |= {item.ref for item in part}
            origins[best] = origins[best] | origins[index]
            continue
        kept.append(index)
    # What is left of one article told by it alone is one story.
    alone: dict[str, int] = {}
    merged = []
    for index in kept:
        own = articles[index]
        if len(own) == 1 and not _named(parts[index]):
            (article,) = own
            if article in alone:
                parts[alone[article]] = parts[alone[article]] + parts[index]
                origins[alone[article]] = origins[alone[article]] | origins[index]
                continue
            alone[article] = index
        merged.append(index)
    return (
        [parts[i] for i in merged],
        [background[i] for i in merged],
        [origins[i] for i in merged],
    )
