"""Storylines: the lanes of the report's first chart, one per deal or group of events.

`from_deal` makes a deal's lane (ca_connect.deals: its history, status and sources).
Events that no deal links (a country's plans with no partner, say) are not left out:
`group_events` makes one lane per group of them, by the Central Asian countries acting,
their lead partner (the first other party named) and the first initiative type, e.g.
`Turkmenistan · cybersecurity`. The drawing code does not care which a lane is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from ..events import PROGRESS
from ..models import Event, PartialDate, Party
from ..query import central_asian_actors, event_sort_key, snippet

if TYPE_CHECKING:
    from ..deals import Deal

# A lane with more marks than this shows only its latest ones (said on the page).
MAX_MARKS = 60
# Names of partners listed in a lane's name before `+N`.
_NAMED_PARTNERS = 3


@dataclass(frozen=True)
class Mark:
    """One stage of a storyline on the time axis, backed by an article's sentence.

    `count` events of one lane with the same stage and date are drawn as one mark, with
    the evidence of the first of them.
    """

    stage: str
    date: PartialDate | None
    target: PartialDate | None  # a plan's aim (the mark is drawn when it was stated)
    evidence: str
    article_id: str
    count: int = 1

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return (self.stage, _iso(self.date), _iso(self.target))


@dataclass
class Storyline:
    """A deal, or a group of events no deal links, as the report draws it."""

    kind: Literal["deal", "events"]
    id: str
    name: str
    parties: list[str]
    initiatives: list[str]
    marks: list[Mark]
    status: str
    sources: int  # articles that report it (a deal counts syndicated copies once)
    events: int = 0  # every event behind the marks, before merging and capping
    hidden_marks: int = 0  # marks beyond MAX_MARKS, not drawn

    @property
    def rank(self) -> tuple[int, int, str]:
        """Most events first, then the most recent, then by name."""
        newest = max((m.date.last_day().toordinal() for m in self.marks if m.date), default=0)
        return (-self.events, -newest, self.name)


def from_deal(deal: Deal) -> Storyline:
    """A deal's lane: its history as marks, its status, and its articles as sources."""
    marks = [
        Mark(entry.stage, entry.date, entry.target, snippet(entry.evidence, 400), entry.article)
        for entry in deal.history
    ]
    merged = merge_marks(marks)
    return Storyline(
        kind="deal",
        id=deal.id,
        name=deal.name,
        parties=[party.name for party in deal.parties if not party.dropped],
        initiatives=list(deal.initiatives),
        marks=merged[-MAX_MARKS:],
        status=deal.status,
        sources=deal.articles or len(deal.sources),
        events=len(deal.history),
        hidden_marks=max(0, len(merged) - MAX_MARKS),
    )


@dataclass
class _Group:
    home: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)  # party id -> name, reading order
    partners: dict[str, str] = field(default_factory=dict)
    initiatives: dict[str, None] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)


def group_events(
    events: Iterable[Event], countries: dict[str, str], top: int | None = None
) -> tuple[list[Storyline], int]:
    """The `top` storylines (default: all) with the most events (ties: the most recent,
    then by name), one per (Central Asian countries, lead partner, initiative type) of
    the events, and how many there are in all. `countries` names the countries by code
    (a country may act only through one of its agencies).
    """
    groups: dict[tuple[tuple[str, ...], str | None, str], _Group] = {}
    for event in events:
        home = tuple(sorted(central_asian_actors(event)))
        partners = [party for party in event.parties if not _is_home(party, home)]
        lead = partners[0].id if partners else None
        initiative = event.initiatives[0] if event.initiatives else "other"
        group = groups.setdefault((home, lead, initiative), _Group(home))
        group.names.update((party.id, party.name) for party in event.parties)
        group.partners.update((party.id, party.name) for party in partners)
        group.initiatives.update(dict.fromkeys(event.initiatives))
        group.events.append(event)
    names = {key: _lane_name(group, key[2], countries) for key, group in groups.items()}
    ranked = sorted(
        groups, key=lambda key: (-len(groups[key].events), -_newest(groups[key]), names[key])
    )
    chosen = ranked if top is None else ranked[:top]
    return [_storyline(key, groups[key], names[key]) for key in chosen], len(groups)


def _is_home(party: Party, home: tuple[str, ...]) -> bool:
    """A home country, or one of its government agencies, is no partner of it."""
    if party.id in home:
        return True
    return party.kind == "agency" and party.country in home


def _storyline(key: tuple[tuple[str, ...], str | None, str], group: _Group, name: str) -> Storyline:
    home, lead, initiative = key
    events = sorted(group.events, key=event_sort_key)
    marks = merge_marks([event_mark(event) for event in events])
    return Storyline(
        kind="events",
        id="/".join([*home, lead or "-", initiative]),
        name=name,
        parties=list(group.names),
        initiatives=list(group.initiatives),
        marks=marks[-MAX_MARKS:],
        status=status(events),
        sources=len({event.article_id for event in events}),
        events=len(events),
        hidden_marks=max(0, len(marks) - MAX_MARKS),
    )


def _lane_name(group: _Group, initiative: str, countries: dict[str, str]) -> str:
    home = " & ".join(countries.get(code, code) for code in group.home)
    partners = list(group.partners.values())
    named = ", ".join(partners[:_NAMED_PARTNERS])
    if len(partners) > _NAMED_PARTNERS:
        named += f" +{len(partners) - _NAMED_PARTNERS}"
    who = " – ".join(part for part in (home, named) if part)
    return f"{who} · {initiative}"


def event_mark(event: Event) -> Mark:
    return Mark(event.stage, event.date, event.target, snippet(event.text, 400), event.article_id)


def merge_marks(marks: list[Mark]) -> list[Mark]:
    """Marks in order, those of one stage and date merged into the first (`count`)."""
    merged: dict[tuple[str, str | None, str | None], Mark] = {}
    for mark in marks:
        first = merged.get(mark.key)
        merged[mark.key] = replace(first, count=first.count + 1) if first else mark
    return list(merged.values())


def status(events: list[Event]) -> str:
    """Where a storyline stands (events in timeline order): `cancelled` when its last
    dated event is a halt (or, none dated, when one is), else the most advanced progress
    stage reached, else `plan`.
    """
    stages = [event.stage for event in events]
    dated = [event.stage for event in events if event.date is not None]
    if dated[-1:] == ["cancelled"] or (not dated and "cancelled" in stages):
        return "cancelled"
    reached = [stage for stage in stages if stage in PROGRESS]
    return max(reached, key=PROGRESS.index) if reached else "plan"


def _newest(group: _Group) -> int:
    """The last day of a group's newest dated event, as a number (0: none dated)."""
    dated = (event.date.last_day().toordinal() for event in group.events if event.date)
    return max(dated, default=0)


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date else None
