"""ArticleFacts from a tagged article: the linker's input, kept apart from tagging."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection

from ..dates import yearless_dateline
from ..events import CENTRAL_ASIA, subject_country
from ..lazy_pattern import LazyPattern
from ..models import Event, Mention, PartialDate, TaggedArticle
from ..tokens import tokenize
from .dating import newest_written, project_timeline
from .model import ArticleFacts, NameMention
from .names import AliasFinder, find_project_names, name_key
from .steps import DELAYED_WORDS, DESPITE, WORK_DELAYED
from .story import REORGANISED, REPLACE_CUES, aside_step

# Syndicated copies of a text share their opening words (outlets add their own heads and
# tails): this many words of the body make the fingerprint.
FINGERPRINT_WORDS = 40


def article_facts(article: TaggedArticle, aliases: AliasFinder | None = None) -> ArticleFacts:
    """What the linker needs of an article (model.ArticleFacts)."""
    names: list[NameMention] = []
    for field_name in ("title", "body"):
        text = article.field_text(field_name)
        if not text:
            continue
        own = [m for m in article.mentions if m.field == field_name]
        found = find_project_names(text, field_name)
        kept = [_without_leading_countries(name, own, text) for name in found]
        # An organisation's name is no project's, nor are the acronyms defined for it.
        dropped = {n.acronym for n, k in zip(found, kept, strict=True) if k is None and n.acronym}
        names += [k for k in kept if k is not None and not (k.acronym and k.acronym in dropped)]
        if aliases is not None:
            names += aliases.find(text, field_name)
    undated = article.date is None and any(e.date is None for e in article.events)
    unread = UnreadSentences(article)  # read once for the three below
    return ArticleFacts(
        id=article.id,
        date=article.date,
        source=article.source,
        url=article.url,
        title=article.title,
        fingerprint=fingerprint(article.body),
        names=tuple(names),
        events=tuple(article.events),
        countries=tuple(article.countries),
        subject=subject(article.mentions),
        # What dates an undated article's undated events within its deal (deals/dating.py).
        dateline=yearless_dateline(article.body) if undated else None,
        told=newest_written(article.body) if undated else None,
        timeline=project_timeline(article.body) if undated else None,
        delays=delays_told_apart(article, unread),
        changes=changes_told_apart(article, unread),
        asides=asides_told_apart(article, unread),
    )


# What WORK_DELAYED needs to match: a test ten times cheaper than the search.
_DELAY_WORDS = (
    *("delay", "postpon", "on hold", "behind schedule", "held up", "missed"),
    *("fell behind", "fallen behind", "misses", "slipped", "stopped", "halted", "suspended"),
    *("frozen", "still not"),
    *("will not", "отлож", "перенес", "перенос", "заморож", "отставани", "задерж"),
    *("сорва", "срыв", "остановлен", "прекращен", "не удастся"),
    *("did not", "didn't", "failed to", "never", "так и не"),
    *DELAYED_WORDS,  # deferred, put on ice, in limbo, отсрочен, застопорилось ...
)


def _may_tell_a_delay(lowered: str) -> bool:
    for word in _DELAY_WORDS:  # a plain loop: any() over a generator costs half again
        if word in lowered:
            return True
    at = lowered.find("stall")
    while at >= 0:  # `stall` starting a word, not `install` or `installed`
        if not lowered[at - 1 : at].isalpha():
            return True
        at = lowered.find("stall", at + 1)
    return False


# A sentence of the body: up to its end mark, or the line's end.
_SENTENCE = LazyPattern(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


class UnreadSentences:
    """The body's sentences that no event reads (their start, end and text), read on
    first use: `article_facts` asks for them three times."""

    def __init__(self, article: TaggedArticle) -> None:
        self.article = article
        self._found: list[tuple[int, int, str]] | None = None

    def __call__(self) -> list[tuple[int, int, str]]:
        if self._found is None:
            events = [e for e in self.article.events if e.field == "body"]
            read = [(e.start, e.end) for e in events] + [
                (ev.start, ev.end) for e in events for ev in e.evidence if ev.field == "body"
            ]
            self._found = [
                (sentence.start(), sentence.end(), sentence[0].strip())
                for sentence in _SENTENCE.finditer(self.article.body)
                if not any(s < sentence.end() and sentence.start() < e for s, e in read)
            ]
        return self._found


def delays_told_apart(
    article: TaggedArticle, unread: UnreadSentences | None = None
) -> tuple[tuple[int, str], ...]:
    """The body's sentences telling work delayed (`the incompleteness of the other project
    has again delayed the construction`, not `despite delays`) that no event reads, each
    with the number of the event told before it, else of the first after it (a lead
    telling the deadline missed: `Orbita's hub, due to open by the end of 2023, is still
    not operational.`)."""
    # No search of the whole body first: a sentence's match is one in the body (a sentence
    # is bounded by stops and spaces), so each sentence's own search answers alike, and
    # most of the body's sentences hold none of the words and are not searched.
    if not _may_tell_a_delay(article.body.lower()):
        return ()
    return _told_apart(
        article,
        lambda text, _start, _end: (
            _may_hold_a_delay(text) and bool(WORK_DELAYED.search(text)) and not DESPITE.search(text)
        ),
        unread,
    )


# Letters a case-insensitive search takes for another script's (`ſ` for `s`, `ı` and `İ`
# for `i`, the Kelvin sign for `k`, the old Cyrillic forms of `в д о с т ъ`): a text
# holding one is searched whatever its words.
_OTHER_CASES = frozenset("ſıİK" + "".join(map(chr, range(0x1C80, 0x1C89))))


def _may_hold_a_delay(sentence: str) -> bool:
    """Whether WORK_DELAYED may match in one sentence: its words looked for as in
    `_may_tell_a_delay`, with each run of spaces one space (the pattern's `\\s+`), so
    that no sentence it matches is skipped; most sentences of a body telling a delay
    tell none, and the test costs a tenth of the search."""
    if not _OTHER_CASES.isdisjoint(sentence):
        return True
    return _may_tell_a_delay(" ".join(sentence.lower().split()))


def changes_told_apart(
    article: TaggedArticle, unread: UnreadSentences | None = None
) -> tuple[tuple[int, str], ...]:
    """The body's sentences telling a party replaced by another, both named (`Kcell said
    it had chosen Nokia to build the second phase in place of Ericsson.`; not `instead of
    travelling`, nor a body taking over from its reorganised predecessor) that no event
    reads, each with the number of the event told before it, else of the first after it."""
    # No search of the whole body first (REPLACE_CUES, its words in most bodies, is costly
    # over one): a sentence's match is one in the body, as for the delays above.
    organisations = [
        (m.start, m.entity)
        for m in article.mentions
        if m.field == "body" and m.kind == "organization"
    ]

    def telling(text: str, start: int, end: int) -> bool:
        named = {entity for at, entity in organisations if start <= at < end}
        return len(named) >= 2 and bool(REPLACE_CUES.search(text)) and not REORGANISED.search(text)

    return _told_apart(article, telling, unread)


def asides_told_apart(
    article: TaggedArticle, unread: UnreadSentences | None = None
) -> tuple[tuple[int, str], ...]:
    """The body's sentences no event reads telling a step with a date of its own or an aim
    (story.aside_step: `Installation of the masts has resumed.`, `Five companies took part
    in last year's tender.`, `The gateway should carry its first traffic by 2027.`), each
    with the number of the event told before it, else of the first after it."""
    if not any(e.field == "body" for e in article.events):
        return ()  # (no event to tell them beside)
    return _told_apart(
        article, lambda text, _start, _end: aside_step(text, article.date) is not None, unread
    )


def _told_apart(
    article: TaggedArticle,
    telling: Callable[[str, int, int], bool],
    unread: UnreadSentences | None = None,
) -> tuple[tuple[int, str], ...]:
    """The body's sentences `telling` something (their text, start and end) that no event
    reads, each with the number of the event told before it, else of the first one after
    it; `unread`: the article's UnreadSentences, if made already."""
    events = [e for e in article.events if e.field == "body"]
    found = []
    for start, end, text in (unread if unread is not None else UnreadSentences(article))():
        if not telling(text, start, end):
            continue
        before = [e for e in events if e.start < start]
        after = [e for e in events if e.start >= end]
        if before:
            found.append((max(before, key=lambda e: e.start).number, text))
        elif after:
            found.append((min(after, key=lambda e: e.start).number, text))
    return tuple(found)


def subject(mentions: list[Mention]) -> str | None:
    """The Central Asian country an article is about (events.subject_country), if any."""
    country = subject_country(mentions)
    return country if country in CENTRAL_ASIA else None


def fingerprint(body: str) -> str:
    words = tokenize(body)[2][:FINGERPRINT_WORDS]
    return hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()


def _without_leading_countries(
    name: NameMention, mentions: list[Mention], text: str
) -> NameMention | None:
    """A project name less the countries it starts with (`Azerbaijan-Kazakhstan TCFO` ->
    `TCFO`); None when it is an organisation's name or nothing is left."""
    end = name.start + len(name.text)
    if any(m.kind == "organization" and m.start < end and name.start < m.end for m in mentions):
        return None
    start = name.start
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.kind == "country" and mention.start == start:
            start = mention.end
            while start < end and not text[start].isalnum():
                start += 1
    if start == name.start:
        return name
    rest = text[start:end]
    if not rest.strip():
        return None
    if rest.isupper() and " " not in rest:  # an acronym: resolved by its definition
        return NameMention("", rest, start, name.field, rest)
    return NameMention(name_key(rest), rest, start, name.field)


# Facts most articles lack, left out of the JSON when empty (facts_from_json reads their
# absence as empty): kept as `null` or `[]` in every row they were 0.3% of the index.
_OPTIONAL = ("dateline", "told", "timeline", "delays", "changes", "asides")


def facts_json(facts: ArticleFacts) -> str:
    """ArticleFacts as JSON (the index keeps them to re-link without re-reading files)."""
    data = {
        "id": facts.id,
        "date": facts.date.isoformat() if facts.date else None,
        "source": facts.source,
        "url": facts.url,
        "title": facts.title,
        "fingerprint": facts.fingerprint,
        "names": [[n.key, n.text, n.start, n.field, n.acronym] for n in facts.names],
        "events": [event.model_dump(mode="json") for event in facts.events],
        "countries": list(facts.countries),
        "subject": facts.subject,
        "dateline": list(facts.dateline) if facts.dateline else None,
        "told": facts.told.isoformat() if facts.told else None,
        "timeline": [d.isoformat() if d else None for d in facts.timeline]
        if facts.timeline
        else None,
        "delays": [list(delay) for delay in facts.delays],
        "changes": [list(change) for change in facts.changes],
        "asides": [list(aside) for aside in facts.asides],
    }
    for key in _OPTIONAL:
        if not data[key]:
            del data[key]
    return json.dumps(data, ensure_ascii=False)


def facts_from_json(text: str, only: Collection[int] | None = None) -> ArticleFacts:
    """The facts of `facts_json`; with `only`, only the events of those numbers (reading
    an event is what costs)."""
    data = json.loads(text)
    if only is not None:
        data["events"] = [event for event in data["events"] if event["number"] in only]
    return ArticleFacts(
        id=data["id"],
        date=PartialDate.parse(data["date"]) if data["date"] else None,
        source=data["source"],
        url=data["url"],
        title=data["title"],
        fingerprint=data["fingerprint"],
        names=tuple(NameMention(*name) for name in data["names"]),
        events=tuple(Event.model_validate(event) for event in data["events"]),
        countries=tuple(data["countries"]),
        subject=data["subject"],
        # An index written before these were kept has none.
        dateline=tuple(data["dateline"]) if data.get("dateline") else None,
        told=PartialDate.parse(data["told"]) if data.get("told") else None,
        timeline=_timeline(data.get("timeline")),
        delays=tuple((number, text) for number, text in data.get("delays") or ()),
        changes=tuple((number, text) for number, text in data.get("changes") or ()),
        asides=tuple((number, text) for number, text in data.get("asides") or ()),
    )


def _timeline(data: list[str | None] | None) -> tuple[PartialDate, PartialDate | None] | None:
    if not data:
        return None
    start, end = data
    return PartialDate.parse(start), PartialDate.parse(end) if end else None  # type: ignore[arg-type]
