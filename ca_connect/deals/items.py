"""What deal linking works on: an event with its host and its keys (`Item`), the key and
event-reference types, and dates counted in months."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Event, PartialDate
from .model import ArticleFacts

Key = tuple[str, ...]
KEY_SEPARATOR = "\x1f"  # a key as text, in the index
EventRef = tuple[str, int]  # (article id, event number)


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
