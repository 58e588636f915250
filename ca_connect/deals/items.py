"""What deal linking works on: an event with its host and its keys (`Item`), the key and
event-reference types, dates counted in months, and the linking rules' shared bounds."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Event, PartialDate, Party
from .model import ArticleFacts

Key = tuple[str, ...]
KEY_SEPARATOR = "\x1f"  # a key as text, in the index
EventRef = tuple[str, int]  # (article id, event number)
GAP_MONTHS = 48  # rule 5: parts of a deal further apart than this are two deals
JOIN_SHARE = 0.5  # rules 3 and 4: a key joins what it is seen with this often, at least


@dataclass
class Item:
    """One event to link: its article's facts, its host (`KZ`, `TJ+UZ`) and its keys."""

    facts: ArticleFacts
    event: Event
    host: str | None
    strong: set[Key] = field(default_factory=set)
    weak: set[Key] = field(default_factory=set)
    ref: EventRef = field(init=False)  # (article id, event number): read very often
    _names: frozenset[Key] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.ref = (self.facts.id, self.event.number)

    @property
    def names(self) -> frozenset[Key]:
        """Its strong keys that are a named deal's or a project name (read once its keys
        are made)."""
        if self._names is None:
            self._names = frozenset(key for key in self.strong if key[0] in ("deal", "name"))
        return self._names


def months(date: PartialDate) -> int:
    """A date as a count of months (a year alone counts as its middle)."""
    return date.year * 12 + (date.month or 6) - 1


def own_parties(event: Event) -> bool:
    """Are the event's parties its sentence's own? Parties read from the sentences around
    tell whose story the article is, not that this sentence is a step of it: such an event
    joins its article's deal, or the one deal of its host if it names no one else (rule
    4), and founds none."""
    return event.sources.parties != "context"


def counterpart(party: Party, hosts: set[str]) -> bool:
    """An organisation of another country than the host's, an international body, or, in
    a cross-border deal (two host countries), a company of either side. One of unknown
    country (found by its name's shape) is taken for a local one."""
    if party.kind == "intl" or (party.country is not None and party.country not in hosts):
        return True
    return len(hosts) > 1 and party.kind == "company" and party.country is not None


def titled_keys(item: Item) -> set[Key]:
    """Rule 1's keys of the counterparts an event names among parties read from the
    sentences around it, had they been its own, if its article's title names them too
    (`Minister discusses a cloud region with Microsoft`): the story the article is about,
    which such an event joins (rule 4)."""
    title = (item.facts.title or "").casefold()
    if own_parties(item.event) or item.host is None or not title:
        return set()
    hosts = set(item.host.split("+"))
    return {
        ("with", item.host, p.id)
        for p in item.event.parties
        if counterpart(p, hosts) and p.name.casefold() in title
    }
