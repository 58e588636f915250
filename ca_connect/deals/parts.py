"""Rules 5 and 6 of deal linking (docs/deals.md): a linked group cut into parts more
than GAP_MONTHS apart and by topic, a contract executed joined to its deal, and what one
article alone tells beside a deal made its background. Pure."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from .items import GAP_MONTHS, JOIN_SHARE, EventRef, Item, Key, months


def split_in_time(group: list[Item]) -> list[list[Item]]:
    """Rule 5: parts of a deal far apart in time; an article's events stay together."""
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


def topics(part: list[Item]) -> list[list[Item]]:
    """Rule 5, topics: in a deal told by three articles or more, an article whose events
    all have types, none of them a type of the deal (one at least two of its articles
    give), tells another deal of the same partners (roaming talks between the operators
    of a cable), and so does one whose events give no type where the deal's other
    articles, three or more, all give one; such articles are deals of their own, one per
    set of types, unless they tell a step the others tell too (`_steps`)."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in part:
        by_article[item.facts.id].append(item)
    if len(by_article) < 3 or _named(part):
        return [part]
    told = Counter(
        t for items in by_article.values() for t in {k for i in items for k in i.event.initiatives}
    )
    core = {kind for kind, count in told.items() if count >= 2}
    steps = {article: _steps(items) for article, items in by_article.items()}
    typed = {a: {k for i in items for k in i.event.initiatives} for a, items in by_article.items()}
    apart: dict[frozenset[str], list[Item]] = defaultdict(list)
    kept: list[Item] = []
    for article, items in by_article.items():
        kinds = [set(i.event.initiatives) for i in items]
        # an event the deal's other articles tell too (the contract they recall) keeps
        # its article in the deal, whatever its types
        recalled = any(steps[article] & steps[other] for other in by_article if other != article)
        others = [t for other, t in typed.items() if other != article]
        untyped = not any(kinds) and len(others) >= 3 and bool(set.intersection(*others))
        if core and (untyped or all(k and not k & core for k in kinds)) and not recalled:
            apart[frozenset().union(*kinds)] += items
        else:
            kept += items
    return [kept, *(apart[k] for k in sorted(apart, key=sorted))]


def aims_apart(part: list[Item], side: Collection[EventRef]) -> list[list[Item]]:
    """Rule 5, aims: in a deal of several articles, an article that tells of it, but for
    side mentions, only aims with no date to aim at (`the project aims to bring ...`, `a
    representative spoke about the country's plans`) tells no step of it (a forum, a
    column, a deal of another kind naming the same company): its events are a part of
    their own, unless every article of the deal is such."""
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in part:
        by_article[item.facts.id].append(item)
    aims = {
        article
        for article, items in by_article.items()
        if (told := [i for i in items if i.ref not in side])
        and all(i.event.stage == "plan" and not i.event.planned and i.strong for i in told)
    }
    if len(by_article) < 2 or not aims or aims == set(by_article):
        return [part]
    kept = [item for item in part if item.facts.id not in aims]
    return [kept, *(by_article[article] for article in sorted(aims))]


def _steps(items: Iterable[Item]) -> set[tuple[str, int, int]]:
    """The progress an article's events tell, dated to the month: (stage, year, month)."""
    return {
        (i.event.stage, i.event.date.year, i.event.date.month)
        for i in items
        if i.event.stage in ("mou", "agreement", "deployment", "launch")
        and i.event.date is not None
        and i.event.date.month is not None
        and not i.event.planned
    }


def _names(items: Iterable[Item]) -> set[Key]:
    return set().union(*(item.names for item in items))


def _named(items: Iterable[Item]) -> bool:
    return any(item.names for item in items)


def executed(
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


def _own_lead(part: list[Item], others: list[list[Item]]) -> bool:
    """Is a one-article part its article's lead story: its first event, naming a
    counterpart that no event of the other deals its article tells names (`Orbita Global
    and the ministry signed a contract on a tax portal.` before a line recalling the
    national operator's satellite service)?"""
    lead = [item for item in part if item.event.number == 1]
    told = {p.id for other in others for item in other for p in item.event.parties}
    return bool(lead) and any(
        key[0] == "with" and key[2] not in told for item in lead for key in item.strong
    )


def absorb(
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
        if hosts and _own_lead(part, [parts[other] for other in hosts]):
            hosts = []
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
