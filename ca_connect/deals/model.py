"""Deal records: what the linker reads (ArticleFacts) and what it writes (Deal).

A deal is one real-world project or contractual relationship followed across articles:
its parties, initiative types, history of events, status and sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import Event, PartialDate, PartyKind
from ..vocab import DealStatus

# The stages of a deal's history: its statuses, and a partner replaced.
DealStage = Literal[DealStatus, "partner-change"]


@dataclass(frozen=True)
class NameMention:
    """A deal's name in an article: `key` is what two spellings of it share."""

    key: str
    text: str
    start: int  # into the article's field
    field: str
    acronym: str | None = None  # the acronym it defines (text = the name) or is (text =
    # the acronym; key "" until the linker finds its definition)


@dataclass(frozen=True)
class ArticleFacts:
    """What the linker knows of one article: its metadata, names and events."""

    id: str
    date: PartialDate | None
    source: str | None
    url: str | None
    title: str | None
    fingerprint: str  # the same for syndicated copies of one text
    names: tuple[NameMention, ...] = ()
    events: tuple[Event, ...] = ()
    countries: tuple[str, ...] = ()  # the article's country tags, in order of mention
    subject: str | None = None  # the Central Asian country it is about (mentioned most)
    # Read only for an article without a publication date (deals/dating.py dates it):
    dateline: tuple[int, int] | None = None  # (month, day) of a dateline without a year
    told: PartialDate | None = None  # the newest past date its text writes with a year
    # A project timeline it gives (`Project timeline: June, 2023 - November, 2025`): its
    # start, and its end where the text tells the work done (deals/dating.py).
    timeline: tuple[PartialDate, PartialDate | None] | None = None
    # Sentences telling a delay that no event reads, each with the number of the event
    # before it (`The works were delayed again.`): a stall of that event's deal.
    delays: tuple[tuple[int, str], ...] = ()
    # Sentences telling a party replaced that no event reads, each with the number of the
    # event before it, else after it (`had chosen Nokia in place of Ericsson.`): a change
    # of partner in that event's deal.
    changes: tuple[tuple[int, str], ...] = ()
    # Sentences no event reads telling a step with a date of its own (work begun, a tender
    # held) or an aim, each with the number of the event before it, else after it: an entry
    # of that event's deal (story.asides_of).
    asides: tuple[tuple[int, str], ...] = ()


# The deal models are built when first validated (defer_build), as models.py's are: a
# command that analyses an added article imports them but builds no deal (~10 ms).


class DealParty(BaseModel):
    """A party of a deal, the event where it joined, and the one after which it left."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    name: str
    kind: PartyKind
    country: str | None = None
    joined: str  # `ARTICLE#NUMBER` of the first event naming it
    dropped: str | None = None  # `ARTICLE#NUMBER` of the partner change that replaced it


class HistoryEntry(BaseModel):
    """One event of a deal's history."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    stage: DealStage
    event_stage: str  # the stage the event extractor gave it
    date: PartialDate | None = None
    date_precision: str | None = None
    target: PartialDate | None = None
    parties: list[str] = Field(default_factory=list)
    initiatives: list[str] = Field(default_factory=list)
    evidence: str
    article: str
    event: int
    source: str | None = None
    url: str | None = None
    amounts: list[str] = Field(default_factory=list)
    background: bool = False  # a side mention of one article (docs/deals.md, rule 6)


class DealSource(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    article: str
    date: PartialDate | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    copy_of: str | None = None  # the article it is a syndicated copy of


class Deal(BaseModel):
    """One deal's storyline."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    name: str
    named: bool = False  # a maintainer named it in deals.yaml
    parties: list[DealParty] = Field(default_factory=list)
    initiatives: list[str] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)
    status: DealStatus
    status_date: PartialDate | None = None  # the date of the event that set the status
    missed_targets: list[PartialDate] = Field(default_factory=list)
    first_seen: PartialDate | None = None
    last_seen: PartialDate | None = None
    amounts: list[str] = Field(default_factory=list)
    articles: int = 0  # syndicated copies count once
    outlets: int = 0
    sources: list[DealSource] = Field(default_factory=list)


@dataclass
class DealGroup:
    """The linker's answer for one deal: its id, name and events (article id, number)."""

    id: str
    name: str
    named: bool
    events: list[tuple[str, int]] = field(default_factory=list)
    background: list[tuple[str, int]] = field(default_factory=list)  # side mentions
    # The keys of the groups its events were gathered in that were split in time or topic
    # (link.py rule 5): every deal made from one such group is re-linked with the others.
    groups: list[str] = field(default_factory=list)
