"""A deal's record from its linked events: history, parties, status, sources. Pure.

History: the stage each event has in the deal's story, story.py.
Status (as of `as_of`, by default the newest article's date):
- `cancelled` when no dated event marks progress after the newest dated cancellation
  (talks or plans after it, an alternative, do not revive the deal);
- else the stage of the newest dated event that marks progress (mou, agreement,
  deployment, launch; of two on one day the later told; a memorandum or agreement
  after a deployment or launch, a capacity contract, does not set the deal back, nor
  does a deployment after a launch unless it names a further stage or the launch was
  of a first stage or phase), or of
  an undated event marking more progress (it may be the newest: a completion reported
  in an undated article):
  talks and plans about a deal that has progressed do not set it back; a deal with only
  talks and plans is at the newest of them (a plan over talks on the same day), one
  told only by a change of partner at `agreement` (who took over holds the contract). Only
  events of the deal's current phase count: those within STATUS_WINDOW months of its
  newest dated event (a satellite launched ten years before the talks about a new
  service says nothing of the talks);
- `stalled` instead, unless launched, when its newest dated event is more than
  `stalled_after` months before `as_of`.
An end told in the present perfect (ENDED_NOW) is dated by its article (`_as_told`).
Missed targets: a plan's target date before `as_of` with no launch by then.
Parties: each with the event that first names it; a party named in a partner change and
in no later event is marked dropped there.
Sources: the deal's articles; syndicated copies (the same fingerprint) count once, and
outlets are the distinct sources (or URL hosts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from urllib.parse import urlparse

from ..lazy_pattern import LazyPattern
from ..models import Event, PartialDate
from .dating import NOTHING_ELSE, Elsewhere, completions, dated_events
from .model import ArticleFacts, Deal, DealGroup, DealParty, DealSource, HistoryEntry
from .rows import months_between
from .steps import Cue
from .story import (
    BUILT,
    PROGRESS,
    STANDSTILL,
    aims_of,
    asides_of,
    changes_of,
    closings_of,
    evidence_text,
    happened_when,
    so_far,
    steps_of,
    story_stages,
)

STATUS_WINDOW = 48  # months: link.GAP_MONTHS
# An end told in the present perfect (`has abandoned the programme it agreed two years
# ago`) is the article's news: it happened by the article's date, whatever date the
# sentence gives for what it ends.
ENDED_NOW = Cue(
    r"\b(?:has|have)\s+(?:been\s+)?(?:abandon|cancel|terminat|scrap|shelv|drop|call)\w*",
    words=("abandon", "cancel", "terminat", "scrap", "shelv", "drop", "call"),
)
# A sentence opening on the time since a past step (`Nearly a year after Kyrgyzstan signed
# a memorandum in March last year, only 12 schools have terminals`, `Спустя два года после
# подписания ...`) tells where things stand now: the date it gives is the step's.
SINCE_THEN = Cue(
    r"^\W*(?:(?:nearly|almost|more\s+than|about|over|some)\s+)?(?:a|one|two|three|four|five"
    r"|six|several|a\s+few|\d+)\s+(?:years?|months?|weeks?)\s+after\b"
    r"|^\W*спустя\s+(?:почти\s+|более\s+)?(?:год|полгода|месяц|\d+|два|три|четыре|пять|несколько)"
    r"[^,.;]{0,20}?\s+после\b",
    words=("after", "спустя"),
)
# Work after a launch that sets a deal back to `deployment` names a further stage.
FURTHER_STAGE = Cue(
    r"\b(?:second|third|next|new|further|another|later)\s+(?:stage|phase|section|round)\b"
    r"|\b(?:expan(?:d|ds|ded|ding|sion)|extend(?:s|ed|ing)?|extension)\b",
    words=("stage", "phase", "section", "round", "expan", "exten"),
)
# A first stage or phase completed leaves the next to build: work told after it counts.
FIRST_STAGE = Cue(
    r"\b(?:first|initial)\s+(?:stage|phase|section)\b", words=("stage", "phase", "section")
)

# Work told as done by the time of another step (`whose crews had installed 900 masts`,
# `had already laid 400 km`, `успела установить`): how far it had come.
DONE_BY_THEN = Cue(
    r"\bhad\s+(?:already\s+)?(?:installed|built|laid|connected|mounted|deployed|put\s+up)\b"
    r"|\bуспел[аио]?\s+(?:\S+\s+){0,2}?(?:установ|смонтирова|построи|проложи|подключи)\w*",
    words=("had", "успел"),
)

# A history entry names its parties by id: a country's is its ISO code (`KZ`), an
# organisation's a lower-case slug (`kcell`).
_COUNTRY_ID = LazyPattern(r"[A-Z]{2}")


def build_deal(
    group: DealGroup, facts: Mapping[str, ArticleFacts], context: Elsewhere = NOTHING_ELSE
) -> Deal:
    """The record of one linked deal (module docstring), its status as its events leave
    it: `status_as_of` adds what time does (stalled, missed targets). `context`: what
    the other deals an undated article of this one tells know that may date it."""
    own = [_event(facts[article], number) for article, number in group.events]
    refs = set(group.events)
    told = dated_events(
        own, facts, keep=lambda event: (event.article_id, event.number) in refs, elsewhere=context
    )
    events = [_as_told(event, facts[event.article_id].date) for event in told]
    events.sort(key=lambda e: _order(e, facts[e.article_id]))
    stages = story_stages(events)
    side = set(group.background)
    told_steps = [
        step
        for event, stage in zip(events, stages, strict=True)
        for step in [
            *steps_of(
                event,
                stage,
                facts[event.article_id].date,
                [text for number, text in facts[event.article_id].delays if number == event.number],
            ),
            *completions(event, stage, facts[event.article_id]),
            *aims_of(event, stage, facts[event.article_id]),
            *asides_of(event, stage, facts[event.article_id]),
            *changes_of(event, facts[event.article_id]),
            *closings_of(event, stage, facts[event.article_id]),
        ]
    ]
    told_steps.sort(key=lambda step: _order(step[0], facts[step[0].article_id]))
    history = [
        _entry(e, stage, facts[e.article_id], (e.article_id, e.number) in side)
        for e, stage in told_steps
    ]
    status, status_date = _status(history)
    dated = [h.date for h in history if h.date]
    return Deal(
        id=group.id,
        name=group.name,
        named=group.named,
        parties=_parties(events, stages),
        initiatives=_ranked(t for e in events for t in e.initiatives),
        history=history,
        status=status,
        status_date=status_date,
        first_seen=min(dated, key=PartialDate.first_day) if dated else None,
        last_seen=max(dated, key=PartialDate.last_day) if dated else None,
        amounts=list(dict.fromkeys(a for h in history for a in h.amounts)),
        **_sources([facts[a] for a in dict.fromkeys(e.article_id for e in events)]),
    )


def newest_date(facts: Sequence[ArticleFacts]) -> PartialDate | None:
    """The default `as_of`: the newest article's date."""
    dated = [f.date for f in facts if f.date]
    return max(dated, key=PartialDate.last_day) if dated else None


# --- Internals ----------------------------------------------------------------------


def _event(facts: ArticleFacts, number: int) -> Event:
    return next(e for e in facts.events if e.number == number)


def _target(event: Event) -> PartialDate | None:
    target = event.target
    return target or (event.date if event.planned else None)


def _as_told(event: Event, published: PartialDate | None) -> Event:
    """The event with the date its history gives it: an end told in the present perfect
    (ENDED_NOW), or work going on, stopped or stalled that a sentence opening on the time
    since a past step tells (SINCE_THEN; a step it tells, `a year after the memorandum
    they signed the contract`, has its own date), happened by its article's date
    `published`, when that is a later month
    (an end dated the day before its report keeps its day)."""
    if (
        published is not None
        and (
            (event.stage == "cancelled" and ENDED_NOW.search(evidence_text(event)))
            or (
                SINCE_THEN.search(event.text)
                and (event.stage in ("deployment", "cancelled") or STANDSTILL.search(event.text))
            )
        )
        and (event.date is None or months_between(event.date, published) > 0)
    ):
        return event.model_copy(update={"date": published})
    return event


def _order(event: Event, facts: ArticleFacts) -> tuple[bool, int, bool, str, int]:
    """Date order by the middle of each date's span (`2024` after `2024-03`, before
    `2024-09`); undated events by their article's date, then last. Of one day, a
    cancellation dated only by its article comes first: it happened by then, and what
    the article tells done that day (`the foundation stone was laid`) came after it."""
    when = happened_when(event) or facts.date
    first = event.stage == "cancelled" and event.date_basis == "article"
    return (when is None, _middle(when) if when else 0, not first, event.article_id, event.number)


def _middle(date: PartialDate) -> int:
    return (date.first_day().toordinal() + date.last_day().toordinal()) // 2


def _entry(event: Event, stage: str, facts: ArticleFacts, background: bool) -> HistoryEntry:
    when = happened_when(event)
    amounts = [a.text for a in event.amounts]
    return HistoryEntry(
        stage=stage,  # type: ignore[arg-type]
        event_stage=event.stage,
        date=when,
        date_precision=when.precision if when else None,
        target=_target(event),
        parties=[p.id for p in event.parties],
        initiatives=list(event.initiatives),
        evidence=" ".join(evidence_text(event).split()),
        article=event.article_id,
        event=event.number,
        source=_outlet(facts),
        url=facts.url,
        amounts=amounts,
        background=background,
    )


def _status(history: list[HistoryEntry]) -> tuple[str, PartialDate | None]:
    history = [h for h in history if not h.background] or history
    # an aim told beside another entry of its event (`aims_of`) says where the deal is going
    told = {(h.article, h.event) for h in history if h.stage != "plan"}
    history = [h for h in history if h.stage != "plan" or (h.article, h.event) not in told]
    dated = [h for h in history if h.date]
    if dated:
        newest = dated[-1].date  # history is in date order
        dated = [h for h in dated if months_between(h.date, newest) <= STATUS_WINDOW]  # type: ignore[arg-type]
    pool = dated or history
    if not pool:
        return "plan", None
    # Talks or plans after a cancellation (an alternative) do not revive the deal, nor
    # does a count of the work done by then (`the vendor, whose crews had built 30 towers`).
    decisive = [
        h for h in pool if (h.stage in PROGRESS and not _so_far_only(h)) or h.stage == "cancelled"
    ]
    if decisive and decisive[-1].stage == "cancelled":
        return "cancelled", decisive[-1].date
    progress = _reached([h for h in pool if _names_the_deal(h)])
    # An undated event may be the newest: it counts where it marks more progress.
    progress += [
        h for h in history if h.date is None and h.stage in PROGRESS and _names_the_deal(h)
    ]
    if progress:
        best = max(progress, key=lambda h: PROGRESS.index(h.stage))  # the first of equals
        stall = _stalled_after(pool, best)
        return (stall.stage, stall.date) if stall else (best.stage, best.date)
    talk = [h for h in pool if h.stage in ("talks", "plan")] or pool
    same = [h for h in talk if h.date == talk[-1].date]
    chosen = next((h for h in reversed(same) if h.stage == "plan"), same[-1])
    # A deal told only by a change of partner: the one taking over holds its contract.
    return ("agreement" if chosen.stage == "partner-change" else chosen.stage), chosen.date


def _names_the_deal(entry: HistoryEntry) -> bool:
    """Does the entry name a type or an organisation? One naming only countries
    (`border crossings were given internet access`) is its country's news beside the
    deal, not a step of the deal: it marks no progress of it."""
    return bool(entry.initiatives) or any(not _COUNTRY_ID.fullmatch(p) for p in entry.parties)


def _stalled_after(pool: list[HistoryEntry], best: HistoryEntry) -> HistoryEntry | None:
    """The newest dated stall of work (STANDSTILL: delayed, frozen, suspended; not a ban
    on a service, which stops its users, not the deal), if it is told in a later month than
    every dated event marking progress and than `best` (the progress reached): the work
    stands still since then (`the line is frozen pending a decision of the partner` after
    its first section was built). A delay told in the month of the progress it delayed
    (`completing the purchase took two months longer`) is that progress's story; a count of the
    work done so far, told after it, is no progress after it."""
    stalls = [h for h in pool if h.stage == "stalled" and h.date and STANDSTILL.search(h.evidence)]
    if not stalls:
        return None
    stall = stalls[-1]
    # a count of the work done so far is how far it had come, not work resumed
    reached = [h for h in pool if h.date and h.stage in PROGRESS and not _so_far_only(h)]
    reached += [best] if best.date and not _so_far_only(best) else []
    if best.date is None and PROGRESS.index(best.stage) > max(
        (PROGRESS.index(h.stage) for h in reached), default=-1
    ):
        return None  # an undated event marks more progress: it may be the newest
    if any(months_between(h.date, stall.date) < 1 for h in reached):  # type: ignore[arg-type]
        return None
    return stall


def _so_far_only(entry: HistoryEntry) -> bool:
    """Is the entry a deployment told only as a count of the work done so far (`1,450
    cameras installed to date`) or by then (DONE_BY_THEN)?"""
    return entry.stage == "deployment" and (
        so_far(entry.evidence) or bool(DONE_BY_THEN.search(entry.evidence))
    )


def _reached(pool: list[HistoryEntry]) -> list[HistoryEntry]:
    """The newest event marking progress, where a memorandum or agreement after work
    began (a capacity contract after the launch) does not set the deal back."""
    reached: list[HistoryEntry] = []
    for entry in pool:
        if entry.stage not in PROGRESS:
            continue
        if reached and reached[0].stage in BUILT and entry.stage not in BUILT:
            continue
        if (
            reached
            and reached[0].stage == "launch"
            and entry.stage == "deployment"
            and not FURTHER_STAGE.search(entry.evidence)
            and not FIRST_STAGE.search(reached[0].evidence)
        ):
            continue  # what was launched, described
        reached = [entry]
    return reached


def _parties(events: list[Event], stages: list[str]) -> list[DealParty]:
    joined: dict[str, DealParty] = {}
    last_seen: dict[str, int] = {}
    for index, event in enumerate(events):
        for party in event.parties:
            last_seen[party.id] = index
            if party.id not in joined:
                joined[party.id] = DealParty(
                    id=party.id,
                    name=party.name,
                    kind=party.kind,
                    country=party.country,
                    joined=f"{event.article_id}#{event.number}",
                )
    for index, (event, stage) in enumerate(zip(events, stages, strict=True)):
        if stage != "partner-change":
            continue
        for party in event.parties:
            if last_seen[party.id] == index and party.kind != "country":
                dropped = f"{event.article_id}#{event.number}"
                joined[party.id] = joined[party.id].model_copy(update={"dropped": dropped})
    return list(joined.values())


def _ranked(values) -> list[str]:
    counts = Counter(values)
    order = {value: i for i, value in enumerate(dict.fromkeys(counts))}
    return sorted(counts, key=lambda v: (-counts[v], order[v]))


def _outlet(facts: ArticleFacts) -> str | None:
    if facts.source:
        return facts.source
    if facts.url:
        host = urlparse(facts.url).netloc.lower()
        return host.removeprefix("www.") or None
    return None


def _sources(articles: list[ArticleFacts]) -> dict:
    ordered = sorted(articles, key=lambda f: (f.date is None, str(f.date or ""), f.id))
    first: dict[str, str] = {}
    sources = []
    for f in ordered:
        original = first.setdefault(f.fingerprint, f.id)
        sources.append(
            DealSource(
                article=f.id,
                date=f.date,
                source=_outlet(f),
                url=f.url,
                title=f.title,
                copy_of=None if original == f.id else original,
            )
        )
    outlets = {s.source for s in sources if s.source}
    return {"articles": len(first), "outlets": len(outlets), "sources": sources}
