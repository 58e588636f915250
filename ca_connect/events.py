"""Deal events: who agreed what with whom, when, and how far it got. Pure: no I/O.

`extract_events(tagged, dictionary)` reads the events of a tagged article;
`analyse(article, dictionary)` is the whole per-article pipeline (tag, then events).

The rules, sentence by sentence (title and body; `tokens.sentence_spans`):
- An event is a sentence with a stage cue (the dictionary's `stages`) and at least one
  initiative mention. Cues inside an organisation's name do not count.
- Cues match as the dictionary writes them, whole words in any case, never pluralised
  (`met` is not `metes`). A cue `A … B` is A, then B in the same clause (no `,;:()` or
  dash between) at most 20 words later (`signed a cooperation agreement`, `an agreement
  on ... was reached`); of two that share a word the nearer pair wins (`signed a
  memorandum of cooperation agreement`: a mou). The dictionary holds no bare `agreement`,
  `approved` or `pilot`: an agreement is signed, reached, ratified or approved, or is `the
  agreement` already made, so `forging agreements` is none; `approved` is staged by its
  object (`approved … loan`; `approved the strategy` is a plan by `strategy`).
- A cue after `not`, `no`, `never` or `n't`, with at most bridge words (`be`, `been`,
  `yet`, `also`...) between, does not count (`has not yet launched`, `not planning to`).
- A `plan` cue governing another cue makes that cue a plan (halts excepted): right
  before it, bar bridge words (`will also be laid`, `cables can be laid`, `is expected to
  be signed`), or after it as the subject of a passive future: the cue, then at most
  auxiliaries (`talks are to be held`) or, when the cue heads a noun phrase going on with
  a preposition, at most 8 words of the same clause (`Construction of the line in
  Tajikistan will be completed`), then the plan cue and `be`. A `plan` cue ending in `be`
  (`can be`, `should be`) counts only where it so governs (`it should be noted` is none).
- Stage: `cancelled` when any of its cues is there (a halt overrides the progress it
  halts). Otherwise the first cue frames the sentence, and what follows it is its
  content: a `plan` cue first makes a plan (`will be laid`, `plans to sign an
  agreement`); a deal cue first (talks, mou, agreement) makes the most advanced deal
  stage cued, the work after it being what was discussed or agreed (`signed a memorandum
  ... to install base stations` is a mou; `the proposal ... has been approved` an
  agreement); a work cue first (deployment, launch) makes the most advanced progress
  stage cued, in the order talks < mou < agreement < deployment < launch (`introduced
  3G ... deployed LTE` is a launch).
- Parties: the countries and organisations mentioned in the sentence, in reading order,
  each once. Not parties: a country named inside an organisation's name (`Huawei
  Technologies Tajikistan` belongs to that organisation), the capital of a dateline
  (`MOSCOW, April 28 —`), a country that only qualifies a news outlet (`Russian state
  media outlet RIA Novosti`, `Iran's news agency`), and a capital named as the venue (`in
  Bishkek`, `at ... Dushanbe`) when the sentence names another country. `the two
  countries` (`both countries`, `the two states`, `both governments`...) in a sentence
  naming fewer than two adds the first two countries of the nearest earlier sentence
  naming two (`Pakistan and Tajikistan ... through Afghanistan.` then `connecting the two
  countries`: PK, TJ); without one, nothing is guessed. When the sentence names no
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
from .extractor import PhraseMatcher, Tokens, compiled, tag
from .models import (
    Article,
    DateBasis,
    EntityDictionary,
    Event,
    Mention,
    OrgRef,
    PartialDate,
    Party,
    Stage,
    TaggedArticle,
    TextField,
)
from .spans import between
from .tokens import gap_signature, phrase_key, sentence_spans, tokenize

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
STAGES: tuple[str, ...] = get_args(Stage)
# Progress stages, least advanced first; `plan` and `cancelled` stand apart.
PROGRESS = ("talks", "mou", "agreement", "deployment", "launch")
DEALS = ("talks", "mou", "agreement")

_DETERMINERS = frozenset({"the", "this", "these", "that", "those", "such", "its", "their", "both"})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# The publication date line at the head of a body (`date 2025-03-03`): not a sentence's.
_HEADER_DATE = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\b\s*", re.IGNORECASE)

# The grammar the stage rules read; the cue words themselves are the dictionary's.
# Words that may stand between a governing `plan` cue and the cue it governs, or
# between a negation and the cue it negates (`will also be laid`, `not yet launched`).
_BRIDGE = frozenset(
    {
        *("be", "been", "being", "have", "has", "had", "to", "also", "further", "soon"),
        *("then", "now", "yet", "still", "already", "jointly", "fully", "first", "finally"),
        *("eventually", "gradually", "successfully", "officially"),
    }
)
# ... and between a subject cue and the `plan` cue of its passive future.
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had"})
_NEGATIONS = frozenset({"not", "no", "never"})
# A cue heading a noun phrase (`the construction of ...`) may be a subject this far from
# the `plan` cue that governs it.
_ARTICLES = _DETERMINERS | {"a", "an"}
_PREPOSITIONS = frozenset({"of", "on", "for", "in", "between", "with", "to", "at", "along"})
_SUBJECT_REACH = 8
# `A … B` cues: B at most this many words after A, with no clause break between.
_GAP_MARK = re.compile(r"\s*(?:…|\.\.\.)\s*")
_MAX_GAP = 20
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]")

# Parties. A country followed within this many words by one of these is a news outlet's.
_MEDIA_REACH = 3
_MEDIA = frozenset(
    {
        *("media", "news", "outlet", "outlets", "newspaper", "newspapers", "daily", "press"),
        *("broadcaster", "television", "tv", "radio", "journalist", "journalists"),
        *("reporter", "reporters", "correspondent", "publication", "magazine", "portal"),
    }
)
_VENUE = re.compile(r"\b(?:in|at)\s+$", re.IGNORECASE)
_TWO_COUNTRIES = re.compile(
    r"\b(?:the\s+two|both)\s+(?:countries|states|nations|governments)\b", re.IGNORECASE
)


def analyse(article: Article, dictionary: EntityDictionary) -> TaggedArticle:
    """Tag an article and read its deal events: what the corpus and the index store."""
    tagged = tag(article, dictionary)
    return tagged.model_copy(update={"events": extract_events(tagged, dictionary)})


def extract_events(tagged: TaggedArticle, dictionary: EntityDictionary) -> list[Event]:
    """The deal events an article reports, in reading order (rules in the module docstring)."""
    reader = compiled(dictionary, _Reader)
    subject = subject_country(tagged.mentions)
    organizations = {org.id: org for org in tagged.organizations}
    events: list[Event] = []
    named: list[list[str]] = []  # the countries of earlier sentences that name two or more
    for field_name in ("title", "body"):
        text = tagged.field_text(field_name)
        if not text:
            continue
        # Each sentence is given only the mentions that start in it, found by bisection
        # (mentions are in text order): a scan of all of them per sentence was quadratic.
        in_field = [m for m in tagged.mentions if m.field == field_name]
        starts = [m.start for m in in_field]
        sentences = [
            reader.sentence(text, span, in_field[between(starts, *span)], field_name)
            for span in _sentence_spans(text, field_name)
        ]
        for index, sentence in enumerate(sentences):
            # `named` holds the earlier sentences that name two countries or more (the only
            # ones `parties` looks back for) until the appends below: copying a list of
            # every earlier sentence for every sentence made long articles quadratic.
            countries = [entity for _, kind, entity in sentence.actors if kind == "country"]
            pair = [countries] if len(set(countries)) >= 2 else []
            stage = sentence.stage
            if stage is None:
                named += pair
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
                    parties=reader.parties(sentence, subject, named, organizations),
                    initiatives=list(
                        dict.fromkeys(m.entity for m in sentence.mentions if m.kind == "initiative")
                    ),
                    field=field_name,
                    start=sentence.start,
                    end=sentence.end,
                    text=sentence.text,
                )
            )
            named += pair
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


# An `A … B` cue: the words of each part, and its stage.
_Gapped = tuple[tuple[tuple[str, ...], ...], str]


@dataclass(frozen=True)
class _Cue:
    """A stage cue found in a sentence: the token ranges [first, last) of its parts."""

    stage: str
    parts: tuple[tuple[int, int], ...]
    passive: bool = False  # a `plan` cue ending in `be`: counts only where it governs

    @property
    def first(self) -> int:
        return self.parts[0][0]

    @property
    def last(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str
    mentions: list[Mention]
    cued: tuple[str, ...]  # the stage of each cue that counts, in reading order
    opens_on: frozenset[str]  # the stages of a cue the sentence opens on (`The talks ...`)
    actors: tuple[tuple[int, str, str], ...]  # (offset, kind, entity) of each party named
    two_countries: int | None  # the offset of `the two countries`, if the sentence says so

    @property
    def stage(self) -> Stage | None:
        has_initiative = any(m.kind == "initiative" for m in self.mentions)
        return choose_stage(self.cued) if has_initiative else None


class _Reader:
    """The dictionary's stage cues and names, compiled once."""

    def __init__(self, dictionary: EntityDictionary) -> None:
        self.dictionary = dictionary
        phrases: list[tuple[str, tuple[str, bool]]] = []
        gapped: dict[str, list[_Gapped]] = {}
        for stage in dictionary.stages:
            for cue in stage.cues:
                parts = tuple(key for key in map(phrase_key, _GAP_MARK.split(cue)) if key)
                if len(parts) > 1:
                    gapped.setdefault(parts[0][0], []).append((parts, stage.id))
                elif parts:
                    phrases.append((cue, (stage.id, stage.id == "plan" and parts[0][-1] == "be")))
        self._cues = PhraseMatcher(phrases, proper=False)
        self._gapped = gapped
        self._countries = {c.code: c.name for c in dictionary.countries}
        self._capitals = {phrase_key(name) for c in dictionary.countries for name in c.capitals}

    def sentence(
        self, text: str, span: tuple[int, int], mentions: list[Mention], field_name: TextField
    ) -> _Sentence:
        start, end = span
        inside = [
            m
            for m in mentions
            if m.field == field_name and start <= m.start < end and not _dateline(m, text, start)
        ]
        names = [(m.start - start, m.end - start) for m in inside if m.kind == "organization"]
        sentence_text = text[start:end]
        tokens = tokenize(sentence_text)
        cues = self._find_cues(sentence_text, tokens, names)
        counted = _read_cues(cues, sentence_text, tokens)
        opening = 1 if tokens[2] and tokens[2][0] in _DETERMINERS else 0
        pair = _TWO_COUNTRIES.search(sentence_text)
        return _Sentence(
            start,
            end,
            sentence_text,
            inside,
            cued=tuple(stage for _, stage in counted),
            opens_on=frozenset(stage for first, stage in counted if first == opening),
            actors=self._actors(inside, text, start, end),
            two_countries=start + pair.start() if pair else None,
        )

    def parties(
        self,
        sentence: _Sentence,
        subject: str | None,
        earlier: list[list[str]],
        organizations: dict[str, OrgRef],
    ) -> list[Party]:
        actors = list(sentence.actors)
        own = {entity for _, kind, entity in actors if kind == "country"}
        if sentence.two_countries is not None and len(own) < 2:
            pairs = (list(dict.fromkeys(countries))[:2] for countries in reversed(earlier))
            pair = next((pair for pair in pairs if len(pair) == 2), [])
            actors += [
                (sentence.two_countries, "country", code) for code in pair if code not in own
            ]
            actors.sort(key=lambda actor: actor[0])
        parties: dict[str, Party] = {}
        for _, kind, entity in actors:
            if kind == "country":
                parties.setdefault(entity, self._country(entity))
            elif (org := organizations.get(entity)) is not None:
                parties.setdefault(
                    org.id, Party(id=org.id, name=org.name, kind=org.kind, country=org.country)
                )
        state_actor = any(p.kind in ("country", "agency") for p in parties.values())
        if subject is not None and not state_actor:
            return [self._country(subject), *parties.values()]
        return list(parties.values())

    def _country(self, code: str) -> Party:
        return Party(id=code, name=self._countries.get(code, code), kind="country", country=code)

    def _find_cues(self, text: str, tokens: Tokens, names: list[tuple[int, int]]) -> list[_Cue]:
        """The cues of a sentence in reading order: `A … B` ones first claim their words."""
        starts = tokens[0]

        def outside_names(first: int, last: int) -> bool:
            return not any(a <= starts[first] < b for a, b in names)

        found = [
            cue
            for cue in _find_gapped(self._gapped, text, tokens)
            if all(outside_names(a, b) for a, b in cue.parts)
        ]
        cues: list[_Cue] = []
        claimed: set[int] = set()
        for cue in sorted(found, key=lambda cue: (cue.first, cue.last)):
            words = {i for a, b in cue.parts for i in range(a, b)}
            if not words & claimed:
                cues.append(cue)
                claimed |= words
        for match in self._cues.find(text, tokens):
            if claimed.intersection(range(match.first, match.last)):
                continue
            if outside_names(match.first, match.last):
                cues += [
                    _Cue(stage, ((match.first, match.last),), passive)
                    for stage, passive in match.payloads
                ]
        return sorted(cues, key=lambda cue: (cue.first, cue.last))

    def _actors(
        self, mentions: list[Mention], text: str, sentence_start: int, sentence_end: int
    ) -> tuple[tuple[int, str, str], ...]:
        """The countries and organisations of a sentence that can be parties (docstring)."""
        names = [(m.start, m.end) for m in mentions if m.kind == "organization"]
        actors: list[tuple[int, str, str]] = []
        venues: list[tuple[int, str, str]] = []
        for m in mentions:
            if m.kind == "organization":
                actors.append((m.start, m.kind, m.entity))
            elif m.kind == "country":
                if any(a <= m.start and m.end <= b for a, b in names):
                    continue
                if _qualifies_media(text, m.end, sentence_end):
                    continue
                is_venue = phrase_key(m.text) in self._capitals and _VENUE.search(
                    text, sentence_start, m.start
                )
                (venues if is_venue else actors).append((m.start, m.kind, m.entity))
        others = {entity for _, kind, entity in actors if kind == "country"}
        actors += [venue for venue in venues if not others - {venue[2]}]
        return tuple(sorted(actors, key=lambda actor: actor[0]))


def _find_gapped(gapped: dict[str, list[_Gapped]], text: str, tokens: Tokens) -> list[_Cue]:
    """Every match of every `A … B` cue: B the nearest after A (module docstring)."""
    starts, ends, folded = tokens

    def part_at(index: int, words: tuple[str, ...]) -> bool:
        return tuple(folded[index : index + len(words)]) == words and all(
            not gap_signature(text[ends[i] : starts[i + 1]])
            for i in range(index, index + len(words) - 1)
        )

    found: list[_Cue] = []
    for first, word in enumerate(folded):
        for parts, stage in gapped.get(word, ()):
            if not part_at(first, parts[0]):
                continue
            spans = [(first, first + len(parts[0]))]
            for words in parts[1:]:
                after = spans[-1][1]
                span = None
                for index in range(after, min(after + _MAX_GAP, len(folded) - 1) + 1):
                    if _CLAUSE_BREAK.search(text, ends[after - 1], starts[index]):
                        break
                    if part_at(index, words):
                        span = (index, index + len(words))
                        break
                if span is None:
                    break
                spans.append(span)
            if len(spans) == len(parts):
                found.append(_Cue(stage, tuple(spans)))
    return found


def _read_cues(cues: list[_Cue], text: str, tokens: Tokens) -> list[tuple[int, str]]:
    """(first word, stage) of each cue that counts, after negation and governing."""
    folded = tokens[2]
    governed: set[int] = set()
    governing: set[int] = set()
    for index, cue in enumerate(cues):
        if cue.stage in ("plan", "cancelled"):
            continue
        for plan_index, plan in enumerate(cues):
            if plan.stage == "plan" and (
                _governs_object(plan, cue, folded)
                or _governs_subject(plan, cue, cues, text, tokens)
            ):
                governed.add(index)
                governing.add(plan_index)
    return [
        (cue.first, "plan" if index in governed else cue.stage)
        for index, cue in enumerate(cues)
        if not _negated(cue, folded) and (not cue.passive or index in governing)
    ]


def _governs_object(plan: _Cue, cue: _Cue, folded: list[str]) -> bool:
    """A `plan` cue right before a cue, bar bridge words: `will also be laid`."""
    return any(
        plan.last <= first and all(word in _BRIDGE for word in folded[plan.last : first])
        for first, _ in cue.parts
    )


def _governs_subject(plan: _Cue, cue: _Cue, cues: list[_Cue], text: str, tokens: Tokens) -> bool:
    """A cue as the subject of a passive future: `construction ... will be completed`.

    The plan cue follows the cue, with only auxiliaries between (`talks are to be held`), or
    within a few words of the same clause when the cue heads a noun phrase that goes on
    with a preposition (`Construction of the line in Tajikistan will be completed`).
    """
    starts, ends, folded = tokens
    if plan.first < cue.last:
        return False
    between = folded[cue.last : plan.first]
    if not all(word in _AUXILIARIES or word in _BRIDGE for word in between) and not (
        (cue.first == 0 or folded[cue.first - 1] in _ARTICLES)
        and len(cue.parts) == 1
        and between[0] in _PREPOSITIONS
        and len(between) <= _SUBJECT_REACH
        and not _CLAUSE_BREAK.search(text, ends[cue.last - 1], starts[plan.first])
        and not any(cue.last <= other.first < plan.first for other in cues)
    ):
        return False
    after = plan.last
    while after < len(folded) and folded[after] in _BRIDGE:
        after += 1
    return "be" in folded[plan.first : after]


def _negated(cue: _Cue, folded: list[str]) -> bool:
    for first, _ in cue.parts:
        index = first - 1
        while index >= 0 and folded[index] in _BRIDGE:
            index -= 1
        if index >= 0 and (
            folded[index] in _NEGATIONS
            or (folded[index] == "t" and index > 0 and folded[index - 1].endswith("n"))
        ):
            return True
    return False


def _qualifies_media(text: str, end: int, sentence_end: int) -> bool:
    """Is a country followed closely by a news-outlet word (`Russian state media outlet`)?"""
    following = tokenize(text[end : min(end + 60, sentence_end)])[2][:_MEDIA_REACH]
    return any(word in _MEDIA for word in following)


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
