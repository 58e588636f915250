"""Pydantic records that flow through caconnect: files -> Article -> TaggedArticle -> rows."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_serializer, model_validator

# What a command asks for (Filters) is a plain dataclass, and the vocabularies plain
# `Literal` types, in vocab.py (the bottom layer, no pydantic), so that a query from the
# store needs no model: re-exported here.
from .vocab import Filters as Filters
from .vocab import InitiativeType as InitiativeType
from .vocab import Stage as Stage

Precision = Literal["day", "month", "year"]
DateSource = Literal["front-matter", "header", "dateline", "url"]
TextField = Literal["title", "body"]
MentionKind = Literal["country", "organization", "initiative"]
OrgKind = Literal["company", "agency", "intl"]

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# The fields' empty defaults made by Python functions rather than by `list` and `dict`:
# pydantic reads a default factory's signature when it builds a model's validator, and a
# builtin's is parsed from its text by the tokenizer (~5 ms of CPU in the first article's
# analysis, the tokenizer's patterns compiled). The same empty list or dict either way.
def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[Any, Any]:
    return {}


class PartialDate(BaseModel):
    """A date known to day, month or year precision; never padded.

    Serialises as ISO 8601 text of its own precision: `2025`, `2025-03`, `2025-03-03`,
    which also sorts correctly as a string.
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    year: int = Field(ge=1, le=9999)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if isinstance(value, str):
            return cls._parts(value)
        if isinstance(value, dt.datetime):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        return value

    @model_validator(mode="after")
    def _check_calendar(self) -> PartialDate:
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            if self.day > calendar.monthrange(self.year, self.month)[1]:
                raise ValueError(f"{self.year}-{self.month:02d} has no day {self.day}")
        return self

    @staticmethod
    def _parts(text: str) -> dict[str, int | None]:
        match = _ISO_PARTIAL.match(text.strip())
        if not match:
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        return {"year": year, "month": month, "day": day}

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """`2025`, `2025-03` or `2025-03-03` -> PartialDate (ValueError otherwise)."""
        return cls.model_validate(text)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        return self.isoformat()

    @model_serializer
    def _serialize(self) -> str:
        return self.isoformat()


class Article(BaseModel):
    """One article file as loaded: text plus what its header and URL say."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    path: str
    title: str | None = None
    body: str
    date: PartialDate | None = None
    date_source: DateSource | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def date_precision(self) -> Precision | None:
        return self.date.precision if self.date else None

    def field_text(self, field: TextField) -> str:
        return (self.title or "") if field == "title" else self.body


class Mention(BaseModel):
    """The exact span that triggered a tag: `article.<field>[start:end] == text`."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    entity: str
    kind: MentionKind
    field: TextField
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    # The dictionary's former name the text used (`Nur-Sultan`, `Geocell`), else None.
    former_name: str | None = None


class OrgRef(BaseModel):
    """An organisation as it appears in output rows."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    name: str
    kind: OrgKind
    country: str | None = None
    # The dictionary id of the organisation a discovered subsidiary belongs to
    # (`Starlink Kyrgyzstan LLC` -> `starlink`), else None.
    parent: str | None = None


PartyKind = Literal["country", "company", "agency", "intl"]
DateBasis = Literal["sentence", "next-sentence", "context", "article"]
# Where an event's field came from: its own sentence, the sentences around it (earlier
# sentences, references such as `the sides`, the article's subject), or the title.
FieldSource = Literal["sentence", "context", "title"]
PartySource = FieldSource
PartyRole = Literal["buyer", "seller", "lender", "contractor", "operator", "regulator"]


class Party(BaseModel):
    """A party to a deal: a country (id = ISO code) or an organisation (id = dictionary id)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    name: str
    kind: PartyKind
    country: str | None = None
    role: PartyRole | None = None  # what the text says it does in the deal, if it says
    source: PartySource = "sentence"


class Evidence(BaseModel):
    """A sentence reporting an event: `field_text[start:end] == text`."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    field: TextField
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Amount(BaseModel):
    """A sum of money the event's sentences state, as written (`$446 million`)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    value: float
    currency: str = Field(pattern=r"^[A-Z]{3}$")  # ISO 4217
    text: str


class EventSources(BaseModel):
    """Where an event's parties, initiative types and date came from."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    parties: FieldSource = "sentence"
    initiatives: FieldSource = "sentence"
    date: FieldSource | Literal["article"] | None = None  # None: undated


class Event(BaseModel):
    """One real-world deal event an article reports, with every sentence that reports it.

    `field`, `start`, `end` and `text` are those of the strongest evidence (the first).
    """

    model_config = ConfigDict(frozen=True, defer_build=True)

    article_id: str
    number: int = Field(ge=1)  # order within the article
    stage: Stage
    date: PartialDate | None = None  # when it happened (a plan: when it was stated)
    date_basis: DateBasis | None = None  # where the date came from; None when undated
    target: PartialDate | None = None  # plans only: the date the plan aims at
    planned: bool = False  # the event has a target date (`by the end of 2025`)
    parties: list[Party] = Field(default_factory=_empty_list)
    initiatives: list[str] = Field(default_factory=_empty_list)
    amounts: list[Amount] = Field(default_factory=_empty_list)
    sources: EventSources = Field(default_factory=EventSources)
    evidence: list[Evidence] = Field(default_factory=_empty_list)  # strongest first
    field: TextField
    start: int = Field(ge=0)  # the strongest evidence, as offsets into the field
    end: int = Field(ge=0)
    text: str

    @computed_field  # type: ignore[prop-decorator]
    @property
    def date_precision(self) -> Precision | None:
        return self.date.precision if self.date else None


class TaggedArticle(Article):
    """An article with its tags; every tag is backed by at least one mention."""

    countries: list[str] = Field(default_factory=_empty_list)
    organizations: list[OrgRef] = Field(default_factory=_empty_list)
    initiatives: list[str] = Field(default_factory=_empty_list)
    mentions: list[Mention] = Field(default_factory=_empty_list)
    events: list[Event] = Field(default_factory=_empty_list)


# --- The entity dictionary (data/entities.yaml); extra keys are errors. ---


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FormerName(_Entry):
    """A name an organisation, country or capital used to carry, and when, where known."""

    name: str
    since: int | None = None
    until: int | None = None


class Country(_Entry):
    """A country: its ISO 3166-1 alpha-2 code and every way an article names it."""

    code: str = Field(pattern=r"^[A-Z]{2}$")
    name: str
    aliases: list[str] = Field(default_factory=_empty_list)
    demonyms: list[str] = Field(default_factory=_empty_list)
    capitals: list[str] = Field(default_factory=_empty_list)
    # Former names of the country or of its capital (`Nur-Sultan`, 2019-2022).
    former_names: list[FormerName] = Field(default_factory=_empty_list)


class Organization(_Entry):
    """A company, government agency or international body."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    kind: OrgKind
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    aliases: list[str] = Field(default_factory=_empty_list)
    former_names: list[FormerName] = Field(default_factory=_empty_list)
    # Names several organisations share (one brand in several countries, a ministry
    # called by its portfolio): resolved to the one whose country the text is about.
    shared_aliases: list[str] = Field(default_factory=_empty_list)
    # The initiative types an organisation's whole business is (a satellite operator is
    # satellite): an event whose sentence names no type takes them (docs/events.md).
    initiatives: list[InitiativeType] = Field(default_factory=_empty_list)


class Initiative(_Entry):
    """An initiative type of TAGGING.md and the phrases that report work of that type."""

    id: InitiativeType
    name: str
    triggers: list[str] = Field(min_length=1)


class StageCues(_Entry):
    """A deal stage and the words that signal it in a sentence."""

    id: Stage
    cues: list[str] = Field(min_length=1)


class IgnoreRules(_Entry):
    """Contexts in which a match is not a tag."""

    # Names of events, programmes, products and news outlets: no organisation or
    # initiative tag is taken from inside them (countries still are).
    names: list[str] = Field(default_factory=_empty_list)
    # A demonym followed by one of these is a language, not a country.
    after_demonym: list[str] = Field(default_factory=_empty_list)
    # Demonyms standing alone after one of these are languages: `in Kyrgyz and Russian.`
    before_language: list[str] = Field(default_factory=_empty_list)
    # alias -> text that, right after it, makes it something else (`US` + `$`).
    followed_by: dict[str, list[str]] = Field(default_factory=_empty_dict)
    # alias -> text that, right before it, makes it something else (`долларов ` + `США`).
    preceded_by: dict[str, list[str]] = Field(default_factory=_empty_dict)
    # Words near an initiative trigger that say the work is not happening.
    negations: list[str] = Field(default_factory=_empty_list)
    # Words that introduce a quoted slogan or theme: no initiative tag inside the quote.
    slogan_markers: list[str] = Field(default_factory=_empty_list)
    # Phrases that make their sentence a list of a meeting's topics: no initiative tag there.
    topic_markers: list[str] = Field(default_factory=_empty_list)
    # trigger -> the types whose equipment it also names (`base station` of a 5G
    # network): the trigger tags nothing in an article that names one of those types.
    shared_equipment: dict[str, list[InitiativeType]] = Field(default_factory=_empty_dict)


class HeadWords(_Entry):
    """Words that make a capitalised name an organisation's, by the kind they give it."""

    agency: list[str] = Field(default_factory=_empty_list)
    company: list[str] = Field(default_factory=_empty_list)
    intl: list[str] = Field(default_factory=_empty_list)

    def kinds(self) -> dict[str, OrgKind]:
        return {
            word: kind  # type: ignore[misc]
            for kind in ("agency", "company", "intl")
            for word in getattr(self, kind)
        }


class Discovery(_Entry):
    """How to recognise organisations the dictionary lacks by the shape of their names."""

    # `National Transmission and Despatch Company (NTDC)`: a name with one of these
    # words, followed by a bracketed acronym of its initials.
    acronym_heads: HeadWords = Field(default_factory=HeadWords)
    # `Kyrgyz Internet Exchange Association`, `Agency for Competition Protection`: a
    # capitalised name ending in one of these (or in one followed by `of`/`for`/`on` ...).
    name_heads: HeadWords = Field(default_factory=HeadWords)
    # Heads that also name places and units (`Data Processing Center`): they make a name
    # only when `of`, `for` or `on` follows them (`Center for Space Communication`).
    continued_heads: HeadWords = Field(default_factory=HeadWords)
    # Legal forms written before a company's name (`JSC Kazakh Invest`, `TOO Astana Cable`).
    forms_before_name: list[str] = Field(default_factory=_empty_list)
    # A name needs a word beyond these, head words and country names (`State Committee`
    # and `Kazakh Bank` are generic references, not names).
    generic_words: list[str] = Field(default_factory=_empty_list)
    # Words before a head that make a news outlet (`Trend News Agency`).
    outlet_words: list[str] = Field(default_factory=_empty_list)
    # Capitalised words that start a sentence or a title rather than a name.
    leading_words: list[str] = Field(default_factory=_empty_list)


class LanguageOrganization(_Entry):
    """An organisation's names in one language, when some are generic (`shared`)."""

    names: list[str] = Field(default_factory=_empty_list)
    # Generic names (`Служба связи`) that count only when the text is about its country.
    shared: list[str] = Field(default_factory=_empty_list)


class LanguageVocabulary(_Entry):
    """The names, triggers, cues and ignore rules of one language other than English.

    Keyed by the ids of the main sections. A country's list holds its names, capitals,
    abbreviations and, written in lower case, its adjectives and demonyms
    (`казахстанский`). A name listed under several organisations is shared by them and
    resolved by the country the text is about, like `shared_aliases`.
    """

    countries: dict[str, list[str]] = Field(default_factory=_empty_dict)
    organizations: dict[str, list[str] | LanguageOrganization] = Field(default_factory=_empty_dict)
    initiatives: dict[InitiativeType, list[str]] = Field(default_factory=_empty_dict)
    stages: dict[Stage, list[str]] = Field(default_factory=_empty_dict)
    ignore: IgnoreRules = Field(default_factory=IgnoreRules)


class EntityDictionary(_Entry):
    """The whole of entities.yaml."""

    countries: list[Country] = Field(default_factory=_empty_list)
    organizations: list[Organization] = Field(default_factory=_empty_list)
    initiatives: list[Initiative] = Field(default_factory=_empty_list)
    stages: list[StageCues] = Field(default_factory=_empty_list)
    ignore: IgnoreRules = Field(default_factory=IgnoreRules)
    discovery: Discovery = Field(default_factory=Discovery)
    # ISO 639-1 code -> that language's vocabulary (`ru`).
    languages: dict[str, LanguageVocabulary] = Field(default_factory=_empty_dict)
