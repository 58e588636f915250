"""Rule 7 of deal linking (docs/deals.md): ids and names. A named deal keeps its own; any
other group is named after its project or its counterparts and host, and keeps the id most
of its events had before, so that adding articles never renames a deal."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping

from .items import KEY_SEPARATOR, EventRef, Item, Key, months
from .model import DealGroup
from .named import NamedDeal

_ID_LENGTH = 28


def identify(
    parts: list[list[Item]],
    background: list[set[EventRef]],
    origins: list[set[Key]],
    named: Mapping[str, NamedDeal],
    previous: Mapping[EventRef, str],
    country_names: Mapping[str, str],
    reserved: set[str],
) -> list[DealGroup]:
    """The DealGroup of each linked part, with its id and name."""
    # A named deal's id goes to the one part whose events most name it: an event naming
    # it beside another deal's counterpart sits in that deal's part too.
    claimed: dict[str, tuple[int, int]] = {}  # named id: (events naming it, part)
    wanted: list[Counter[str]] = []
    for index, part in enumerate(parts):
        deal_keys = Counter(k[1] for item in part for k in item.strong if k[0] == "deal")
        wanted.append(deal_keys)
        for named_id, count in deal_keys.items():
            if named_id not in claimed or count > claimed[named_id][0]:
                claimed[named_id] = (count, index)
    drafts = []
    for index, part in enumerate(parts):
        refs = sorted(dict.fromkeys(item.ref for item in part))
        deal_keys = {k: c for k, c in wanted[index].items() if claimed[k][1] == index}
        named_id = max(deal_keys, key=lambda k: (deal_keys[k], k)) if deal_keys else None
        drafts.append((part, refs, named_id))
    taken: set[str] = reserved | {named_id for _, _, named_id in drafts if named_id}
    kept: dict[int, str] = {}
    claims = []
    for index, (_, refs, named_id) in enumerate(drafts):
        if named_id:
            continue
        counts = Counter(previous[ref] for ref in refs if ref in previous)
        for deal_id, count in counts.items():
            claims.append((-count, deal_id, index))
    for _, deal_id, index in sorted(claims):
        if index not in kept and deal_id not in taken:
            kept[index] = deal_id
            taken.add(deal_id)
    groups = []
    order = sorted(range(len(drafts)), key=lambda i: _first_key(drafts[i][0]))
    for index in order:
        part, refs, named_id = drafts[index]
        made_from = sorted(KEY_SEPARATOR.join(key) for key in origins[index])
        if named_id:
            deal = named[named_id]
            groups.append(
                DealGroup(deal.id, deal.name, True, refs, sorted(background[index]), made_from)
            )
            continue
        name = _name(part, country_names)
        deal_id = kept.get(index)
        if deal_id is None:
            deal_id = base = _slug(name)
            if deal_id in taken and _first_year(part):
                deal_id = base = f"{base}-{_first_year(part)}"
            number = 1
            while deal_id in taken:
                number += 1
                deal_id = f"{base}-{number}"
            taken.add(deal_id)
        groups.append(DealGroup(deal_id, name, False, refs, sorted(background[index]), made_from))
    return groups


def _first_key(part: list[Item]) -> tuple[bool, int, str, int]:
    dated = [months(i.event.date) for i in part if i.event.date]
    first = min(part, key=lambda i: i.ref).ref
    return (not dated, min(dated) if dated else 0, first[0], first[1])


def _first_year(part: list[Item]) -> int | None:
    years = [i.event.date.year for i in part if i.event.date]
    return min(years) if years else None


def _name(part: list[Item], country_names: Mapping[str, str]) -> str:
    """A project name the articles use, else the main counterparts and the host."""
    spelled: Counter[str] = Counter()
    keyed = Counter(k[2] for item in part for k in item.strong if k[0] == "name")
    if keyed:
        top = max(keyed, key=lambda k: (keyed[k], k))
        for item in part:
            for name in item.facts.names:
                if name.key == top and name.text != name.acronym:
                    spelled[name.text] += 1
        if spelled:
            return max(spelled, key=lambda text: (spelled[text], text))
    hosts = Counter(item.host for item in part if item.host)
    host = max(hosts, key=lambda h: (hosts[h], h)) if hosts else None
    home = set(host.split("+")) if host else set()
    others: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for item in part:
        for party in item.event.parties:
            if party.id in home or party.kind == "agency":
                continue  # government bodies name no deal; their country does
            others[party.id] += 1 if party.kind == "country" else 2
            labels[party.id] = country_names.get(party.id, party.name)
    if not others:  # only government bodies: their countries
        for item in part:
            for party in item.event.parties:
                if party.kind == "agency" and party.country and party.country not in home:
                    others[party.country] += 1
                    labels[party.country] = country_names.get(party.country, party.country)
    top = sorted(others, key=lambda p: (-others[p], p))[:2]
    where = ", ".join(country_names.get(c, c) for c in sorted(home)) or None
    who = ", ".join(labels[p] for p in top)
    if who and where:
        return f"{who} – {where}"
    return who or where or "deal"


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    while len(slug) > _ID_LENGTH and "-" in slug:  # whole words, ids stay short
        slug = slug.rsplit("-", 1)[0]
    return slug[:_ID_LENGTH] or "deal"
