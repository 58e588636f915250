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

    @property
    def ref(self) -> EventRef:
        return (self.facts.id, self.event.number)


def months(date: PartialDate) -> int:
    """A date as a count of months (a year alone counts as its middle)."""
    return date.year * 12 + (date.month or 6) - 1
