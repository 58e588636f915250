"""Deal events: who agreed what with whom, when, and how far it got. Pure: no I/O.

`extract_events(tagged, dictionary)` reads the events of a tagged article;
`analyse(article, dictionary)` is the whole per-article pipeline (tag, then events).

The rules, sentence by sentence (title and body; `tokens.sentence_spans`):
- An event is a sentence with a stage cue (the dictionary's `stages`) and at least one
  initiative mention. Cues inside an organisation's name do not count.
- Stage: `cancelled` when any of its cues is there (a halt overrides the progress it
  halts). Otherwise the first cue frames the sentence, and what follows it is its
  content: a `plan` cue first makes a plan (`will be laid`, `plans to sign an
  agreement`); a deal cue first (talks, mou, agreement) makes the most advanced deal
  stage cued, the work after it being what was discussed or agreed (`signed a memorandum
  ... to install base stations` is a mou); a work cue first (deployment, launch) makes
  the most advanced progress stage cued, in the order talks < mou < agreement <
  deployment < launch (`introduced 3G ... deployed LTE` is a launch).
- Parties: the countries and organisations mentioned in the sentence, in reading order,
  each once; a country named inside an organisation's name (`Huawei Technologies
  Tajikistan`) belongs to that organisation and is not a party of its own, and neither
  is the capital of a dateline (`MOSCOW, April 28 —`). When the sentence names no
  country and no government agency, the article's subject country comes first: the
  Central Asian country mentioned most (ties: the first mentioned), else the country
  mentioned most.
- Date (`dates.resolve_event_date`, relative to the publication date): the sentence's own
  date (basis `sentence`); else that of the next sentence of the same paragraph when it
  dates the same event, i.e. it reports no event of its own and opens on a cue of the
  same stage, after at most a determiner (`...entered into discussions with Starlink...`
  then `The discussions took place ... February 4-5, 2026`; basis `next-sentence`); else
  the article's date (basis `article`). An undated article gives undated events unless a
  sentence has a date of its own that needs no publication date. `planned` marks target
  dates (`by the end of 2025`). The publication-date line heading a body (`date
  2025-03-03`) belongs to no sentence.
- Events are numbered 1.. in reading order, title first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import get_args

from .dates import resolve_event_date
from .extractor import PhraseMatcher, compiled, tag
from .models import (
    Article,
    DateBasis,
    EntityDictionary,
    Event,
    Mention,
    PartialDate,
    Party,
    Stage,
    TaggedArticle,
    TextField,
)
from .tokens import sentence_spans, tokenize

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
STAGES: tuple[str, ...] = get_args(Stage)
# Progress stages, least advanced first; `plan` and `cancelled` stand apart.
PROGRESS = ("talks", "mou", "agreement", "deployment", "launch")
DEALS = ("talks", "mou", "agreement")

_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "such", "its", "their", "both"})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# The publication date line at the head of a body (`date 2025-03-03`): not a sentence's.
_HEADER_DATE = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\b\s*", re.IGNORECASE)


def analyse(article: Article, dictionary: EntityDictionary) -> TaggedArticle:
    """Tag an article and read its deal events: what the corpus and the index store."""
    tagged = tag(article, dictionary)
    return tagged.model_copy(update={"events": extract_events(tagged, dictionary)})


def extract_events(tagged: TaggedArticle, dictionary: EntityDictionary) -> list[Event]:
    """The deal events an article reports, in reading order (rules in the module docstring)."""
    reader = compiled(dictionary, _Reader)
    subject = subject_country(tagged.mentions)
    events: list[Event] = []
    for field_name in ("title", "body"):
        text = tagged.field_text(field_name)
        if not text:
            continue
        sentences = [
            reader.sentence(text, span, tagged.mentions, field_name)
            for span in _sentence_spans(text, field_name)
        ]
        for index, sentence in enumerate(sentences):
            stage = sentence.stage
            if stage is None:
                continue
            following = sentences[index + 1] if index + 1 < len(sentences) else None
            if following is not None and _BLANK_LINE.search(text, sentence.end, following.start):
                following = None
            date, basis, planned = _date(sentence, following, tagged.date)
            events.append(
                Event(
                    article_id=tagged.id,
                    number=len(events) + 1,
                    stage=stage,
                    date=date,
                    date_basis=basis,
                    planned=planned,
                    parties=reader.parties(sentence.mentions, subject),
                    initiatives=list(
                        dict.fromkeys(m.entity for m in sentence.mentions if m.kind == "initiative")
                    ),
                    field=field_name,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                )
            )
    return events


def choose_stage(cued: Sequence[str]) -> Stage | None:
    """The stage of a sentence from the stages its cues name, in reading order (rules in
    the module docstring); None without a cue.
    """
    if "cancelled" in cued:
        return "cancelled"
    first = next((stage for stage in cued if stage in PROGRESS or stage == "plan"), None)
    if first is None or first == "plan":
        return first  # type: ignore[return-value]
    frame = DEALS if first in DEALS else PROGRESS
    return max((s for s in cued if s in frame), key=PROGRESS.index)  # type: ignore[return-value]


def subject_country(mentions: list[Mention]) -> str | None:
    """The country an article is about: the Central Asian one mentioned most, else any."""
    counts = Counter(m.entity for m in mentions if m.kind == "country")
    order = {code: i for i, code in enumerate(dict.fromkeys(m.entity for m in mentions))}
    for pool in ([c for c in counts if c in CENTRAL_ASIA], list(counts)):
        if pool:
            return min(pool, key=lambda code: (-counts[code], order[code]))
    return None


# --- Internals ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]
    cued: tuple[str, ...]  # the stage of each cue, in reading order
    opens_on: frozenset[str]  # the stages of a cue the sentence opens on (`The talks ...`)

    @property
    def stage(self) -> Stage | None:
        has_initiative = any(m.kind == "initiative" for m in self.mentions)
        return choose_stage(self.cued) if has_initiative else None


class _Reader:
    """The dictionary's stage cues and names, compiled once."""

    def __init__(self, dictionary: EntityDictionary) -> None:
        self.dictionary = dictionary
        self._cues = PhraseMatcher(
            ((cue, stage.id) for stage in dictionary.stages for cue in stage.cues),
            proper=False,
            plural=True,
        )
        self._countries = {c.code: c.name for c in dictionary.countries}
        self._organizations = {o.id: o for o in dictionary.organizations}

    def sentence(
        self, text: str, span: tuple[int, int], mentions: list[Mention], field_name: TextField
    ) -> _Sentence:
        start, end = span
        inside = [
            m
            for m in mentions
            if m.field == field_name and start <= m.start < end and not _dateline(m, text, start)
        ]
        names = [(m.start, m.end) for m in inside if m.kind == "organization"]
        sentence_text = text[start:end]
        tokens = tokenize(sentence_text)
        matches = [
            match
            for match in self._cues.find(sentence_text, tokens)
            if not any(a <= start + match.start < b for a, b in names)
        ]
        cued = tuple(stage for match in matches for stage in match.payloads)
        opening = 1 if tokens[2] and tokens[2][0] in _DETERMINERS else 0
        opens_on = frozenset(
            stage for match in matches if match.first == opening for stage in match.payloads
        )
        return _Sentence(start, end, sentence_text, inside, cued, opens_on)

    def parties(self, mentions: list[Mention], subject: str | None) -> list[Party]:
        names = [(m.start, m.end) for m in mentions if m.kind == "organization"]
        parties: dict[str, Party] = {}
        for mention in mentions:
            if mention.kind == "country":
                if any(a <= mention.start and mention.end <= b for a, b in names):
                    continue
                parties.setdefault(mention.entity, self._country(mention.entity))
            elif mention.kind == "organization":
                org = self._organizations.get(mention.entity)
                if org is not None:
                    parties.setdefault(
                        org.id, Party(id=org.id, name=org.name, kind=org.kind, country=org.country)
                    )
        state_actor = any(p.kind in ("country", "agency") for p in parties.values())
        if subject is not None and not state_actor:
            return [self._country(subject), *parties.values()]
        return list(parties.values())

    def _country(self, code: str) -> Party:
        return Party(id=code, name=self._countries.get(code, code), kind="country", country=code)


def _sentence_spans(text: str, field_name: TextField) -> list[tuple[int, int]]:
    """tokens.sentence_spans, less a publication-date line heading the body."""
    head = _HEADER_DATE.match(text) if field_name == "body" else None
    skip = head.end() if head else 0
    return [(max(start, skip), end) for start, end in sentence_spans(text) if end > skip]


def _dateline(mention: Mention, text: str, sentence_start: int) -> bool:
    """A capital in capitals opening a sentence, then a comma or dash: `MOSCOW, April 28 —`."""
    return (
        mention.kind == "country"
        and mention.start == sentence_start
        and len(mention.text) > 3
        and mention.text.isupper()
        and text[mention.end : mention.end + 2].lstrip()[:1] in (",", "–", "—", "-")
    )


def _date(
    sentence: _Sentence, following: _Sentence | None, published: PartialDate | None
) -> tuple[PartialDate | None, DateBasis | None, bool]:
    found = resolve_event_date(sentence.text, published)
    if found is not None:
        return found.date, "sentence", found.planned
    if (
        following is not None
        and following.stage is None
        and sentence.stage in following.opens_on
        and (found := resolve_event_date(following.text, published)) is not None
    ):
        return found.date, "next-sentence", found.planned
    if published is not None:
        return published, "article", False
    return None, None, False
