"""When an undated article was written, read from what it tells and from its deal.

The event extractor dates an event by its sentence, or by its article's publication date;
an article with no publication date leaves undated the events its sentences do not date
themselves (`on November 19`, `later this month`, or nothing at all). Within a deal the
article can often be dated all the same, as a reader would:
- it reports an event that a dated article of the deal reports too: the same stage
  with at least two of the same organisations (one, for an event dated to the month,
  when the article looks ahead to a deadline after it; an event naming no organisation
  counts its countries) dates the article by that event's month (a day its dateline or
  lead names without a year: the first such day from that month on);
- else that day (`BISHKEK, September 5.`, `on April 9`) is the first such day after the
  newest past date it tells (`OneWeb had been close to a deal in early 2020`, or any
  date its text writes with a year for something done: `newest_written`);
- a date it gives is never earlier than the newest past date it tells.
Its undated events are then dated as a dated article's would be (dates.events).
A project card (a vendor's case study) gives a timeline instead (`Project timeline: June,
2023 - November, 2025`): its undated deployment is the work begun at the timeline's start,
and where it tells the work done (`the following results were achieved`) the deal's
history has the launch at its end too (`completions`). Pure.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..dates.events import resolve_event_date
from ..dates.russian import english_dates
from ..lazy_pattern import LazyPattern
from ..models import Event, PartialDate
from .model import ArticleFacts

MIN_SHARED_ORGANISATIONS = 2
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# `November 19`, `Dec. 28`, `19 November`, never followed by a year.
_YEARLESS_DAY = LazyPattern(
    rf"\b(?:{_MONTH}\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+{_MONTH.replace('?P<m>', '?P<m2>')})"
    r"\b(?!,?\s*\d{4}|\s*[-–/]\s*\d|\s*(?:st|nd|rd|th)?,?\s*\d{4})",
    re.IGNORECASE,
)


# A sentence's end, or a line's: what `newest_written` reads one at a time.
_SENTENCE_END = LazyPattern(r"(?<=[.!?])\s+|\n+")
_YEAR = LazyPattern(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORDS_BEFORE = 100  # characters read before a year: `will be finished by`, `on July 2,`


# `Project timeline: June, 2023 - November, 2025`: a label, then a range of two months.
_RANGE_MONTH = r"(?P<{0}>{1})\.?,?\s+(?P<{0}y>(?:19|20)\d\d)"
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIMELINE = LazyPattern(
    r"\b(?:timeline|time\s*frame|duration|implementation\s+period|project\s+period)\b"
    r"[\s:]{1,12}"
    + _RANGE_MONTH.format("start", _MONTH_WORDS)
    + r"\s*(?:[-–—]|to)\s*"
    + _RANGE_MONTH.format("end", _MONTH_WORDS),
    re.IGNORECASE,
)
# Work told done: `the following results were achieved`, `the project was completed`.
_WORK_DONE = LazyPattern(
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:achieved|completed|finished)\b", re.IGNORECASE
)


def project_timeline(body: str) -> tuple[PartialDate, PartialDate | None] | None:
    """The start of the project timeline a text gives, and its end where the text tells
    the work done; None without one."""
    found = _TIMELINE.search(body)
    if found is None:
        return None
    start = PartialDate(year=int(found["starty"]), month=_MONTHS[found["start"].lower()])
    end = PartialDate(year=int(found["endy"]), month=_MONTHS[found["end"].lower()])
    return start, end if _WORK_DONE.search(body) else None


def completions(event: Event, stage: str, facts: ArticleFacts) -> list[tuple[Event, str]]:
    """The launch at the end of its article's project timeline, for the deployment of
    an article telling the work done (module docstring); else none."""
    if stage != "deployment" or facts.timeline is None or facts.timeline[1] is None:
        return []
    if event.date != facts.timeline[0]:
        return []  # a deployment the text dates itself is not the project's
    done = event.model_copy(update={"date": facts.timeline[1], "planned": False, "target": None})
    return [(done, "launch")]


def newest_written(body: str) -> PartialDate | None:
    """The newest date the text writes with its year for something done (`on July 2,
    2025`; not a target, `by 2027`): an undated article was written after it. Each year
    is read with the words just before it (what makes it a target), newest first."""
    years = sorted(
        (
            (int(match[0]), match.start(), sentence)
            for sentence in _SENTENCE_END.split(body)
            for match in _YEAR.finditer(sentence)
        ),
        key=lambda found: -found[0],
    )
    newest: PartialDate | None = None
    for year, at, sentence in years:
        if newest is not None and year < newest.year:
            break
        # The first date of the words before the year and the year (a target's `will` or
        # `by` is among them); an older date read first leaves this year uncounted.
        found = resolve_event_date(
            sentence[max(0, at - _WORDS_BEFORE) : at + 4], None, past_only=True
        )
        if found is not None and (newest is None or found.date.last_day() > newest.last_day()):
            newest = found.date
    return newest


# A dated event that may anchor an undated one: (minus the organisations it shares,
# minus its date's precision, (article, number)) sorts the best first, then by key.
_Candidate = tuple[int, int, tuple[str, int], Event]


class Known:
    """Dated events that may date an undated article (those not planned), by (stage,
    party id), with their candidates ranked once per (stage, organisations, needed): the
    undated events of a deal's undated articles share a few such keys."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.by_pair: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in events:
            if event.date is not None and not event.planned:
                for party in {p.id for p in event.parties}:
                    self.by_pair[(event.stage, party)].append(event)
        self._ranked: dict[tuple[str, frozenset[str], int], list[_Candidate]] = {}

    def ranked(self, stage: str, mine: frozenset[str], needed: int) -> list[_Candidate]:
        """The events of `stage` sharing at least `needed` of the party ids `mine`, best
        first (`_Candidate`)."""
        key = (stage, mine, needed)
        found = self._ranked.get(key)
        if found is None:
            found = self._ranked[key] = _ranked(self.by_pair, stage, mine, needed)
        return found


class Anchors:
    """The dated events (not planned) of a hub deal's dated articles, by (stage,
    organisation), each such list's candidates ranked once per (party ids, needed): every
    small deal sharing an undated article with the hub reads them, and an undated event
    asks the lists of the (stage, organisation) pairs its article reports (that is what
    the hub tells of it) for its own party ids. Those repeat, the hub is ranked once."""

    def __init__(self, events: Iterable[Event]) -> None:
        self.by_pair: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for event in events:
            if event.date is not None and not event.planned:
                for organisation in {p.id for p in event.parties if p.kind != "country"}:
                    self.by_pair[(event.stage, organisation)].append(event)
        self._ranked: dict[tuple[str, str, frozenset[str], int], list[_Candidate]] = {}

    def ranked(
        self, stage: str, organisation: str, mine: frozenset[str], needed: int
    ) -> list[_Candidate]:
        """The events of (`stage`, `organisation`) sharing at least `needed` of the party
        ids `mine`, best first (`_Candidate`)."""
        key = (stage, organisation, mine, needed)
        found = self._ranked.get(key)
        if found is None:
            found = self._ranked[key] = sorted(
                (
                    (-shared, -_precision(event.date), (event.article_id, event.number), event)
                    for event in self.by_pair.get((stage, organisation), ())
                    if (shared := len(mine & {p.id for p in event.parties})) >= needed
                ),
                key=_rank_key,
            )
        return found


@dataclass(frozen=True)
class Elsewhere:
    """What the other deals holding a deal's undated articles know of when they were
    written: their events of those articles and their dated events of dated articles
    reporting a (stage, organisation) of `wanted` (one the undated articles report);
    of a hub deal, the latter through its `anchors` (one per hub, shared by every deal
    reading it), of the others in `events`."""

    events: Sequence[Event] = ()
    anchors: Sequence[Anchors] = ()
    wanted: frozenset[tuple[str, str]] = frozenset()


NOTHING_ELSE = Elsewhere()  # a deal whose undated articles no other deal holds
# Ranks an undated event's candidates are read from: (stage, organisations, needed).
Candidates = Callable[[str, frozenset[str], int], Iterable[_Candidate]]


def dated_events(
    events: Sequence[Event],
    facts: Mapping[str, ArticleFacts],
    keep: Callable[[Event], bool] | None = None,
    elsewhere: Elsewhere = NOTHING_ELSE,
) -> list[Event]:
    """The events of one deal, those of its undated articles dated where the module
    docstring says they can be; with `keep`, only the events it keeps (the others, of
    other deals, only tell when an article was written). `elsewhere`: what the other
    deals holding its undated articles tell of them; its events count as `events`."""
    events = [*events, *elsewhere.events]
    told: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if facts[event.article_id].date is None:
            told[event.article_id].append(event)
    kept = [event for event in events if keep(event)] if keep is not None else list(events)
    if not told:
        return kept
    known = Known(events)
    reported: dict[str, set[str]] = defaultdict(set)  # stage: organisations wanted
    for stage, organisation in elsewhere.wanted:
        reported[stage].add(organisation)

    def candidates(stage: str, mine: frozenset[str], needed: int) -> Iterable[_Candidate]:
        own = known.ranked(stage, mine, needed)
        if not elsewhere.anchors:
            return own
        # An event sharing an organisation of `mine` reports it (the article's own event
        # does): only those lists hold such events. Countries `mine` (an event naming no
        # organisation) are in no list's name (an organisation's id is never a country's
        # code): every list of the stage holds them.
        asked = mine & reported[stage] or reported[stage]
        # Each list is best first: merged, they read as one ranking of them all.
        lists = [
            anchors.ranked(stage, organisation, mine, needed)
            for anchors in elsewhere.anchors
            for organisation in asked
        ]
        return _once(heapq.merge(own, *lists, key=_rank_key))

    written: dict[str, PartialDate] = {}
    for article, own in told.items():
        if all(e.date is not None for e in own):
            continue
        when = written_when(own, candidates, facts[article].dateline, facts[article].told)
        if when is not None:
            written[article] = when
    return [_dated(e, facts[e.article_id], written.get(e.article_id)) for e in kept]


def _rank_key(candidate: _Candidate) -> tuple[int, int, tuple[str, int]]:
    return candidate[:3]


def _once(candidates: Iterable[_Candidate]) -> Iterator[_Candidate]:
    """Merged candidates, an event known to several deals or lists once (it ranks the
    same in each)."""
    last = None
    for candidate in candidates:
        if candidate[2] != last:
            last = candidate[2]
            yield candidate


def _dated(event: Event, facts: ArticleFacts, written: PartialDate | None) -> Event:
    """An event of an undated article: a deployment begun at the start of the project
    timeline the article gives, else as told in an article of `written`."""
    if event.date is not None:
        return event
    if event.stage == "deployment" and facts.timeline is not None:
        return event.model_copy(update={"date": facts.timeline[0], "date_basis": "context"})
    return _redated(event, written) if written is not None else event


def written_when(
    own: Sequence[Event],
    candidates: Candidates,
    dateline: tuple[int, int] | None = None,
    told: PartialDate | None = None,
) -> PartialDate | None:
    """When an undated article telling `own` was written, from `own` and the dated events
    of its deal that `candidates` ranks (module docstring); None if it cannot be told.
    `dateline`: the (month, day) of its dateline without a year; `told`: the newest past
    date its text writes (ArticleFacts)."""
    bound = max(
        (d for d in (_newest_past(own), told.last_day() if told else None) if d), default=None
    )
    day = dateline or _yearless_day(own)
    # The deal's dated articles place the article first: the newest past date it tells is
    # only a bound (an article written in 2018 may recall 2016 and nothing later).
    anchor = _anchor(own, candidates, bound, day)
    if anchor is None:
        return None if day is None or bound is None else _first_after(day, bound)
    if day is not None:
        return _first_after(
            day,
            dt.date(anchor.year, 1, 1)
            if anchor.month is None
            else dt.date(anchor.year, anchor.month, 1) - dt.timedelta(days=1),
        )
    return PartialDate(year=anchor.year, month=anchor.month)


def _newest_past(events: Iterable[Event]) -> dt.date | None:
    """The last day of the newest date the events give for what has happened."""
    past = [e.date.last_day() for e in events if e.date is not None and not e.planned]
    return max(past) if past else None


def _yearless_day(events: Iterable[Event]) -> tuple[int, int] | None:
    """The first day named without a year in the sentences of the article's lead (its
    first event, undated): (month, day)."""
    lead = min(events, key=lambda e: e.number, default=None)
    for event in [lead] if lead is not None and lead.date is None else []:
        for text in _texts(event):
            for match in _YEARLESS_DAY.finditer(english_dates(text).text):
                month = _MONTHS[(match["m"] or match["m2"]).lower()]
                day = int(match["d"] or match["d2"])
                if 1 <= day <= 31:
                    return month, day
    return None


def _first_after(day: tuple[int, int], after: dt.date) -> PartialDate | None:
    month, number = day
    for year in (after.year, after.year + 1):
        try:
            candidate = dt.date(year, month, number)
        except ValueError:
            return None
        if candidate > after:
            return PartialDate(year=year, month=month, day=number)
    return None


def _anchor(
    own: Sequence[Event],
    candidates: Candidates,
    bound: dt.date | None,
    day: tuple[int, int] | None,
) -> PartialDate | None:
    """The date of the event of another article that an undated event of the article
    reports too: the same stage and at least two of the same organisations (one, dated
    to the month, before a deadline the article looks ahead to), the most shared and
    most precise first."""
    best: tuple[int, int, PartialDate] | None = None
    article = own[0].article_id
    # An article looking ahead to a deadline was written before it: there one
    # organisation in common is enough.
    deadlines = [e.target.last_day() for e in own if e.target is not None]
    deadline = min(deadlines) if deadlines else None
    needed = MIN_SHARED_ORGANISATIONS if deadline is None else 1
    for event in own:
        if event.date is not None:
            continue
        # An event naming no organisation (two prime ministers at a ceremony) is known
        # by its countries.
        mine = frozenset(_organisations(event) or {p.id for p in event.parties})
        if best is not None and best[:2] >= (len(mine), 2):
            continue  # none of its candidates can replace the best (a hub holds thousands)
        # Best first: the first that passes is the one a scan in key order keeping the
        # strictly best would keep.
        for minus_shared, minus_precision, (source, _), other in candidates(
            event.stage, mine, needed
        ):
            rank = (-minus_shared, -minus_precision)
            if best is not None and rank <= best[:2]:
                break  # no candidate left can replace the best
            if source == article:
                continue
            date = other.date
            assert date is not None
            if bound is not None and date.last_day() < bound:
                continue
            if deadline is not None and (
                date.first_day() > deadline or (rank[0] == 1 and date.month is None)
            ):
                continue  # after the deadline, or a year-only mention of the past
            if _dates_elsewhere(tuple(_texts(event)), date, day):
                continue  # a mention of a past event (`in May last year`), not the news
            best = (*rank, date)
            break
    return best[2] if best else None


def _ranked(
    known: Mapping[tuple[str, str], Sequence[Event]],
    stage: str,
    mine: frozenset[str],
    needed: int,
) -> list[_Candidate]:
    """The dated events of `stage` sharing at least `needed` of the organisations
    `mine`, best first (`_Candidate`)."""
    shared_by: dict[tuple[str, int], set[str]] = defaultdict(set)
    found: dict[tuple[str, int], Event] = {}
    for organisation in mine:
        for other in known.get((stage, organisation), ()):
            key = (other.article_id, other.number)
            shared_by[key].add(organisation)
            found[key] = other
    return sorted(
        (
            (-len(shared), -_precision(found[key].date), key, found[key])
            for key, shared in shared_by.items()
            if len(shared) >= needed
        ),
        key=lambda candidate: candidate[:3],
    )


@functools.lru_cache(maxsize=1 << 16)
def _dates_elsewhere(
    texts: tuple[str, ...], published: PartialDate, day: tuple[int, int] | None = None
) -> bool:
    """Does a sentence `texts` of an event date it, in an article of `published`, to
    another month than `published`? The day the article's lead names without a year
    (`day`) is its news, whatever year it falls in. Kept: an undated event is read
    against many candidates of the same few dates, in every deal its article tells."""
    for text in texts:
        found = resolve_event_date(text, published)
        if found is None or (found.date.month, found.date.day) == day:
            continue
        if (found.date.year, found.date.month) != (
            published.year,
            published.month,
        ):
            return True
    return False


def _precision(date: PartialDate | None) -> int:
    """0 for a year, 1 for a month, 2 for a day: a more precise anchor is a better one."""
    assert date is not None
    return 0 if date.month is None else 1 if date.day is None else 2


def _organisations(event: Event) -> set[str]:
    return {p.id for p in event.parties if p.kind != "country"}


def _texts(event: Event) -> list[str]:
    return [e.text for e in event.evidence] or [event.text]


def _redated(event: Event, published: PartialDate) -> Event:
    """An undated event as the extractor would date it in an article of `published`."""
    for text in _texts(event):
        found = resolve_event_date(text, published)
        if found is None:
            continue
        if found.planned:
            target = event.target or found.date
            return event.model_copy(
                update={"date": published, "date_basis": "article", "target": target}
            )
        return event.model_copy(update={"date": found.date, "date_basis": "sentence"})
    return event.model_copy(update={"date": published, "date_basis": "article"})
