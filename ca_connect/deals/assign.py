"""Rule 4 of deal linking (docs/deals.md): events without a strong key go to a deal by
their home companies, their article, their host and type, else to none; suppliers named
beside a deal's counterpart join it. Pure."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TypeVar

from ..lazy_pattern import LazyPattern
from ..models import Party
from ..vocab import CENTRAL_ASIA
from .items import JOIN_SHARE, EventRef, Item, Key, own_parties, titled_keys

# A sentence opening on another story (`Separately, Ucell said it had launched 5G in
# Samarkand.`, `In a separate deal, ...`) tells none of its article's deals.
SEPARATE = LazyPattern(
    r"^\W*(?:separately|in\s+a\s+separate\s+(?:deal|development|move|announcement|transaction)"
    r"|in\s+other\s+news|отдельно)\b",
    re.IGNORECASE,
)


def suppliers(items: Sequence[Item], roots: Mapping[Key, Key], seen: Counter[Key]) -> set[EventRef]:
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
                not other.strong and len(other.weak) >= 2 and own_parties(other.event)
                for other in by_article[item.facts.id]
            )
        ):
            found.add(item.ref)
    return found


def assign(
    items: Sequence[Item],
    roots: Mapping[Key, Key],
    ranks: Mapping[Key, tuple],
    crowded: set[tuple[str, str]],
    suppliers: Collection[EventRef] = (),
) -> dict[Key, list[Item]]:
    """Each event to its deal (rule 4; module docstring): events with strong keys to
    their keys' deals (`roots`), the rest by their home companies, article and host. Of
    several deals an event could be in, the one of the first key by `ranks` (rule 3:
    what the articles tell, not how an id is spelled) comes first."""

    def rank(key: Key) -> tuple:
        # a home company's deal of some types (`_home`) ranks as the company's
        return ranks[key] if key in ranks else (*ranks[key[:3]], key)

    groups: dict[Key, list[Item]] = defaultdict(list)
    placed: dict[EventRef, list[Key]] = {}
    rest: list[Item] = []
    for item in items:
        own = [] if item.ref in suppliers else sorted({roots[key] for key in item.strong}, key=rank)
        if own:
            placed[item.ref] = own
            for root in own:
                groups[root].append(item)
        else:
            rest.append(item)
    types, org_seen, countries, sizes = _seen(groups)
    hosts = _hosts(groups)
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_article[item.facts.id].append(item)
    orphans: dict[Key, list[Item]] = defaultdict(list)
    told = _Told()  # what the events in `orphans` tell, for `_home`
    # Events with parties of their own first: one that founds a deal by its home company
    # is the story its article's events with parties from context belong to.
    founded: dict[tuple[str, str], Key] = {}
    orphaned: dict[EventRef, list[Key]] = {}
    keyless: list[Item] = []
    for item in sorted(rest, key=lambda i: not own_parties(i.event) or i.ref in suppliers):
        article = by_article[item.facts.id]
        alone = not any(o.ref in placed for o in article)
        if SEPARATE.search(item.event.text):
            root = None
        elif own_parties(item.event) and item.ref not in suppliers:
            root = (
                _by_weak(
                    item, org_seen, countries, types, sizes, rank, _placed_roots(article, placed)
                )
                or _by_article(item, article, placed, types)
                or (_by_host(item, hosts, crowded, groups) if alone else None)
            )
        else:  # its article's deal, or the one deal of its host if it names no one else
            # (but first the deal of a counterpart it names that its article's title names
            # too: the story the article is about)
            titled = _titled_roots(item, roots)
            root = min(titled, key=rank) if titled else _by_article(item, article, placed, types)
            own = founded.get((item.facts.id, item.host or ""))
            if root is None and own is not None:
                orphans[own].append(item)
                told.add(own, item)
                continue
            if root is None and alone and _host_only(item):
                root = _by_host(item, hosts, crowded, groups)
        if root is not None:
            groups[root].append(item)
            placed[item.ref] = [root]
        elif item.weak and item.host is not None:  # a deal needs a Central Asian host
            home = _home(item, told, rank)
            orphans[home].append(item)
            told.add(home, item)
            founded.setdefault((item.facts.id, item.host), home)
            orphaned[item.ref] = [home]
        else:
            keyless.append(item)
    # An event naming no key, only bodies of the host's government, joins the deal whose
    # articles most name those bodies (the agency running a project), else its article's
    # deal (`the Cabinet annulled the auction`), however late its other events found one.
    found = {**placed, **orphaned}
    wanted = {p.id for i in keyless if own_parties(i.event) for p in _host_bodies(i)}
    kinds, seen, where, size = _seen({**orphans, **groups}, wanted)
    # those naming bodies first: an event naming no one (`The app had been piloted since
    # last summer.`) follows its article's events that found a deal
    for item in sorted(keyless, key=lambda i: not (own_parties(i.event) and _host_bodies(i))):
        root = None
        if own_parties(item.event) and _host_bodies(item):
            bodies = Item(item.facts, item.event, item.host)
            bodies.weak = {("home", item.host or "", p.id) for p in _host_bodies(item)}
            own = _placed_roots(by_article[item.facts.id], found)
            root = _by_weak(bodies, seen, where, kinds, size, rank, own)
        root = root or _by_article(item, by_article[item.facts.id], found, types)
        if root is not None:
            (groups if root in groups else orphans)[root].append(item)
            found[item.ref] = [root]
    for key, group in orphans.items():
        groups[key] += group
    return groups


def _seen(
    groups: Mapping[Key, list[Item]], wanted: set[str] | None = None
) -> tuple[dict, dict, dict, dict]:
    """Of each deal: its types; where each organisation is seen (the share of a deal's
    articles naming it, as a counterpart, a home company or a body, if half of them at
    least); in which host countries it happens; how many articles tell it. With `wanted`,
    of the deals naming one of those organisations only, and only where those are seen:
    one look at each event's parties, not a deal's whole record."""
    types: dict[Key, set[str]] = {}
    org_seen: dict[str, dict[Key, float]] = defaultdict(dict)
    countries: dict[Key, set[str]] = defaultdict(set)
    sizes: dict[Key, int] = {}
    if wanted is not None and not wanted:
        return types, org_seen, countries, sizes
    for root, group in groups.items():
        told: dict[str, set[str]] = defaultdict(set)  # organisation: articles
        for item in group:
            for party in item.event.parties:
                if party.kind != "country" and (wanted is None or party.id in wanted):
                    told[party.id].add(item.facts.id)
        if wanted is not None and not told:
            continue
        # an organisation that a deal's articles mostly name, not a bystander of one
        articles = len({item.facts.id for item in group})
        sizes[root] = articles
        types[root] = {t for item in group for t in item.event.initiatives}
        countries[root] = {c for item in group if item.host for c in item.host.split("+")}
        for org, where in told.items():
            if len(where) >= JOIN_SHARE * articles:
                org_seen[org][root] = len(where) / articles
    return types, org_seen, countries, sizes


def _titled_roots(item: Item, roots: Mapping[Key, Key]) -> set[Key]:
    """The deals of the counterparts an event names among parties read from the sentences
    around it that its article's title names (`titled_keys`)."""
    return {roots[key] for key in titled_keys(item) if key in roots}


def _hosts(groups: Mapping[Key, list[Item]]) -> dict[tuple[str | None, str], set[Key]]:
    """The deals of each (host, type)."""
    hosts: dict[tuple[str | None, str], set[Key]] = defaultdict(set)
    for root, group in groups.items():
        for item in group:
            for kind in item.event.initiatives:
                hosts[(item.host, kind)].add(root)
    return hosts


def _host_bodies(item: Item) -> list[Party]:
    """The event's parties other than countries, if they are all bodies of its host."""
    hosts = set(item.host.split("+")) if item.host else set()
    bodies = [p for p in item.event.parties if p.kind != "country"]
    if all(p.kind != "company" and p.country in hosts for p in bodies):
        return bodies
    return []


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
    rank: Callable[[Key], tuple],
    own: Collection[Key] = (),
) -> Key | None:
    """The deal whose articles most name the event's home companies (the sum of the
    shares of its articles naming each; half of them at least), in one of its host
    countries, naming at least half of its home companies, with a type that fits; one of
    the deals `own` of its article's other events if one of them is such a deal (an
    article's events stay together); of equals, the one told by more articles
    (`sizes`), then the first by `rank`."""
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
    # max keeps the first of equals: the first by rank
    ranked = sorted(fitting, key=rank)
    return max(ranked, key=lambda root: (counts[root], sizes[root])) if ranked else None


_Told_T = TypeVar("_Told_T")  # a type, or a deal's key


class _Told:
    """What the events of the deals founded by home companies (`assign`'s orphans) tell,
    by the articles telling it: their types, by deal; the deals of a host whose events of
    a type name a company. `_home` asks them for every such event: looked up, not read
    through every deal."""

    def __init__(self) -> None:
        self.types: dict[Key, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self.naming: dict[tuple[str, str, str], dict[Key, set[str]]] = defaultdict(
            lambda: defaultdict(set)
        )

    def add(self, root: Key, item: Item) -> None:
        article = item.facts.id
        for kind in item.event.initiatives:
            self.types[root][kind].add(article)
            for party in item.event.parties:
                self.naming[(root[1], party.id, kind)][root].add(article)


def _by_others(tellers: Mapping[_Told_T, set[str]], article: str) -> set[_Told_T]:
    """What articles other than `article` tell, of `tellers` (what: the articles telling
    it)."""
    return {what for what, articles in tellers.items() if articles - {article}}


def _home(item: Item, told: _Told, rank: Callable[[Key], tuple]) -> Key:
    """The deal an event with home companies only founds or joins when no deal of strong
    keys fits it: of its companies by rank, the first's whose events of other articles
    share a type with it (or that other articles do not tell yet, or one of the two tells
    no type); else a deal of its host whose other articles name one of its companies in
    events of its types; else a deal of the first and the event's types. A
    company's 5G launch and the exchange point it joined are two stories, though it is in
    both."""
    own_types = set(item.event.initiatives)
    article = item.facts.id
    ranked = sorted(item.weak, key=rank)
    for key in ranked:
        their_types = _by_others(told.types.get(key, {}), article)
        if not own_types or not their_types or own_types & their_types:
            return key
    for key in ranked:
        naming = {
            root
            for kind in own_types
            for root in _by_others(told.naming.get((key[1], key[2], kind), {}), article)
        }
        if naming:
            return min(naming, key=rank)
    return (*ranked[0], *sorted(own_types))


def _placed_roots(article: Iterable[Item], placed: Mapping[EventRef, list[Key]]) -> set[Key]:
    return {root for item in article for root in placed.get(item.ref, ())}


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
    item: Item,
    hosts: Mapping[tuple[str | None, str], set[Key]],
    crowded: set[tuple[str, str]],
    groups: Mapping[Key, list[Item]],
) -> Key | None:
    """The one deal of the event's host and type, for an event that names no company and
    no foreign body, only the host's government (one naming another company tells
    another story), unless that deal had ended before it (a government's news after an
    operator terminated the project is not the project's)."""
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
    if len(found) != 1:
        return None
    (root,) = found
    return None if _ended_before(groups[root], item) else root


def _ended_before(group: Sequence[Item], item: Item) -> bool:
    """Did the deal of `group` end (a dated cancellation with no progress dated after it)
    before the event of `item`?"""
    when = item.event.date or item.facts.date
    if when is None:
        return False
    ends = [i.event.date for i in group if i.event.stage == "cancelled" and i.event.date]
    if not ends:
        return False
    end = max(ends, key=lambda d: d.last_day())
    progress = [
        i.event.date
        for i in group
        if i.event.stage in ("mou", "agreement", "deployment", "launch")
        and i.event.date
        and not i.event.planned
    ]
    if any(d.first_day() > end.last_day() for d in progress):
        return False
    return when.first_day() > end.last_day()
