"""A deal's record from its linked events: history, parties, status, sources. Pure.

History: the deal's events in date order (undated ones by their article's date, then
last), each with the stage it has in the deal's story (side mentions, link.py rule 6,
are marked `background` and do not count for the status):
- an event whose evidence says the work was delayed or postponed (DELAY_CUES), or tells
  a step and then its stall (steps.py), is `stalled`; one that says a party was replaced
  (REPLACE_CUES) is `partner-change`, and one that ended a contract and signed a new one
  (SWAP_CUES) three entries: the `cancelled` contract, the `partner-change` and the new
  `agreement`;
- a block is `stalled`, not the end: an event (not a launch) telling of a ban, a
  restriction or a suspension (BLOCK_CUES, not `despite` it); talks or a plan of ending
  the deal (THREAT_CUES); a `cancelled` event the deal goes on after. After
  a dated cancellation the deal goes on with progress dated later (mou, agreement,
  deployment, launch); after an undated one, whose order is unknown, with any other event;
  a dated one telling an end, not a halt (END_CUES, no STALL_CUES), stays `cancelled`;
- a deployment or cancellation telling building work done (BUILT_DONE) is a `launch`;
- a deployment or launch whose completion is a condition (AHEAD_CUES) is a `plan`, a
  launch of construction (WORK_BEGAN) or a study completed (STUDY_DONE) a `deployment`;
- an end told in the present perfect (ENDED_NOW) is dated by its article (`_as_told`).
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
Missed targets: a plan's target date before `as_of` with no launch by then.
Parties: each with the event that first names it; a party named in a partner change and
in no later event is marked dropped there.
Sources: the deal's articles; syndicated copies (the same fingerprint) count once, and
outlets are the distinct sources (or URL hosts).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlparse

from ..dates import resolve_event_date
from ..models import Event, PartialDate
from .dating import NOTHING_ELSE, Anchors, Elsewhere, completions, dated_events
from .model import ArticleFacts, Deal, DealGroup, DealParty, DealSource, HistoryEntry
from .rows import months_between
from .steps import DELAY_CUES, DELAY_WORDS, DESPITE, Cue, two_steps

STATUS_WINDOW = 48  # months: link.GAP_MONTHS
# A deal of more dated events than this is a hub: the deals sharing an undated article
# with it read its dated events through one dating.Anchors (`dating_contexts`).
HUB_FROM = 100
ASKED_UP_TO = 32  # (stage, organisation) pairs a deal asks of a hub's ranked lists, at most
PROGRESS = ("mou", "agreement", "deployment", "launch")
BUILT = ("deployment", "launch")
# A contract ended and a new one signed with another party: the history tells the end,
# the change of partner and the new contract.
SWAP_CUES = Cue(
    r"\b(?:terminat\w*|ended|cancel\w*|rescind\w*)\b.{0,120}\b(?:signed|concluded|awarded)"
    r"\s+(?:a\s+)?new (?:one|contract|deal|agreement)\b.{0,20}\bwith\b",
    words=("terminat", "ended", "cancel", "rescind"),
)
REPLACE_CUES = Cue(
    r"\b(?:replac(?:e|ed|es|ing)\b.{0,40}\bwith|(?:was|were|been) replaced by|instead of"
    r"|took over (?:from|the project|the contract)|in place of"
    r"|(?:terminat\w*|ended|cancel\w*|rescind\w*)\b.{0,120}\bnew (?:one|contract|deal|partner)"
    r"\b.{0,20}\bwith"
    # `Nokia has replaced ZTE as technology partner`; `Nokia, которая заменила Ericsson в
    # качестве поставщика` (in the consortium, in the project)
    r"|replac(?:e|ed|es|ing)\b.{1,40}?\bas\s+(?:\w+\s+){0,2}?(?:partner|supplier|vendor"
    r"|contractor|operator|lender|investor|provider|integrator|developer)"
    r"|замени(?:л|ла|ли|т)\s+(?:\S+\s+){0,4}?в\s+(?:качестве|консорциуме|проекте))\b",
    words=(
        "replac",
        "instead of",
        "took over",
        "in place of",
        "terminat",
        "ended",
        "cancel",
        "rescind",
        "замени",
    ),
)
# A body taking over from its predecessor (`the ministry, which took over the project when
# the former ministry was reorganised`) is the same party renamed, no partner change.
REORGANISED = Cue(
    r"\b(?:reorgani[sz]\w*|renamed|successor|merged\s+into|реорганиз\w*|переименова\w*"
    r"|преобразова\w*|правопреемник\w*)",
    words=(
        "reorgani",
        "renamed",
        "successor",
        "merged",
        "реорганиз",
        "переименова",
        "преобразова",
        "правопреемник",
    ),
)
# An end told in the present perfect (`has abandoned the programme it agreed two years
# ago`) is the article's news: it happened by the article's date, whatever date the
# sentence gives for what it ends.
ENDED_NOW = Cue(
    r"\b(?:has|have)\s+(?:been\s+)?(?:abandon|cancel|terminat|scrap|shelv|drop|call)\w*",
    words=("abandon", "cancel", "terminat", "scrap", "shelv", "drop", "call"),
)
# A block (a ban, a restriction, a suspension) stops a deal without ending it; `despite`
# the block tells of work going on, and a hyphenated one (`currently-banned`) describes.
BLOCK_WORDS = (
    "prohibit",
    "ban",
    "restrict",
    "suspend",
    "block",
    "приостанов",
    "запрещ",
    "заблокир",
)
BLOCK_CUES = Cue(
    r"(?<!-)\b(?:prohibit(?:s|ed|ing)?|bann?(?:ed|ing|s)?|restrict(?:s|ed|ing)?|restrictions"
    r"|suspend(?:s|ed|ing)?|block(?:s|ed|ing)?|приостанов\w*|запрещ\w*|заблокир\w*)\b",
    words=BLOCK_WORDS,
)
# What stops work, for a sentence telling a step and then its stall (steps.py).
STALL_CUES = Cue(
    rf"{DELAY_CUES.pattern}|{BLOCK_CUES.pattern}|\b(?:froze|frozen|halted|stopped|остановлен\w*)\b",
    words=(*DELAY_WORDS, *BLOCK_WORDS, "froze", "halted", "stopped", "остановлен"),
)
# Work standing still (status: `stalled` when told after the progress reached).
STANDSTILL = Cue(
    rf"{DELAY_CUES.pattern}|\b(?:froze|frozen|halted|stopped|suspend(?:s|ed)?|suspension of work"
    r"|приостанов\w*|остановлен\w*)\b",
    words=(*DELAY_WORDS, "froze", "halted", "stopped", "suspen", "приостанов", "остановлен"),
)
# An end, not a halt: talks or a deal that broke down, was abandoned or called off.
END_CUES = Cue(
    r"\b(?:broke\s+down|collapsed|fell\s+through|abandon(?:ed|s)?|called\s+off|scrapp(?:ed|ing)"
    r"|terminat(?:ed|es|ing)|cancel(?:led|s|ling)?|withdr(?:ew|awn)|pulled\s+out"
    r"|failed\s+to\s+(?:agree|reach))\b",
    words=(
        "broke",
        "collapsed",
        "fell",
        "abandon",
        "called",
        "scrapp",
        "terminat",
        "cancel",
        "withdr",
        "pulled",
        "failed",
    ),
)
# Talk or a plan of ending a deal (its project, contract or money) is a threat to it,
# not its end; ending something else (`cancel roaming fees`) is none.
THREAT_CUES = Cue(
    r"\b(?:terminat(?:e|ed|ing|ion)|withdraw(?:n|ing|al)?|cancel(?:led|ling|lation)?)\b"
    r".{0,40}?\b(?:project|programme|program|contract|deal|agreement|memorandum|funding"
    r"|funds|financing|loan|licen[cs]e|implementation|tender|partnership)\b",
    words=("terminat", "withdraw", "cancel"),
)
# Work after a launch that sets a deal back to `deployment` names a further stage.
FURTHER_STAGE = Cue(
    r"\b(?:second|third|next|new|further|another|later)\s+(?:stage|phase|section|round)\b"
    r"|\b(?:expan(?:d|ds|ded|ding|sion)|extend(?:s|ed|ing)?|extension)\b",
    words=("stage", "phase", "section", "round", "expan", "exten"),
)
# Work that was launched or began is under way, not live: `the construction of the line
# launched in January` (a launch of construction) is a deployment.
WORK_BEGAN = Cue(
    r"\b(?:construction|building|laying)\s+(?:of|on)\b[^,.;]{0,80}?\s(?:(?:was|were|has been"
    r"|have been)\s+)?(?:launched|started|began|begun|commenced)\b"
    r"|\b(?:launch(?:ed|ing)?|start(?:ed|ing)?|beginning|commencement)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:construction|building|laying)\b",
    words=("construction", "building", "laying"),
)
# A study or survey completed is groundwork, not a built stage: a deployment.
STUDY_DONE = Cue(
    r"\b(?:complet\w*|finish\w*|conclud\w*)\b[^.;]{0,60}?\b(?:feasibility|stud(?:y|ies)|survey"
    r"|design\s+work)\b|\b(?:feasibility\s+stud(?:y|ies)|survey|design\s+work)\b[^.;]{0,40}?"
    r"\b(?:was|were|has\s+been|have\s+been)\s+(?:completed|finished|concluded)\b",
    words=("feasibility", "stud", "survey", "design"),
)
# A test or trial completed (`completed thermal vacuum testing`) is work under way, not a
# service live: a deployment, unless the sentence tells a launch or service too.
TEST_DONE = Cue(
    r"\b(?:complet\w*|finish\w*|conclud\w*|pass(?:ed|es)?)\s+(?:\S+\s+){0,3}?"
    r"(?:test(?:s|ing)?|trials?)\b"
    r"|\b(?:test(?:s|ing)?|trials?)\b[^.;]{0,40}?\b(?:was|were|has\s+been|have\s+been)\s+"
    r"(?:completed|finished|concluded)\b",
    words=("test", "trial"),
)
IN_SERVICE = Cue(
    r"\b(?:launch(?:ed|es)?|commercial|live|in\s+service|into\s+(?:service|operation)"
    r"|began\s+(?:service|operation|broadcasting))\b",
    words=("launch", "commercial", "live", "service", "operation"),
)
# Building work told as done (`construction works on the first stage have been completed`)
# is a built stage completed: a launch, whatever word of the sentence read otherwise
# (`suspension` of a line is how it hangs, not a halt). Not what is still expected.
BUILT_DONE = Cue(
    r"\b(?:construction|building|laying|installation|works?|section|stage|phase)\b[^.;]{0,120}?"
    r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:completed|finished)\b"
    # `Transtelecom finished its 150-km stretch`
    r"|\b(?:completed|finished)\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:stretch|section|segment|leg|stage|phase)\b"
    # `Китайский участок готов`, `первый этап строительства завершен`, `участок построен`
    r"|\b(?:участ\w*|очеред\w*|этап\w*|строительств\w*|работ\w*|отрез\w*|сегмент\w*)\b"
    r"[^.;]{0,120}?\b(?:готов[аоы]?|заверш(?:ен|ена|ено|ены|ил[аио]сь|ился)|построен[аоы]?)\b",
    words=("completed", "finished", "готов", "заверш", "построен"),
)
# An aim stated beside talks, a signing or work (`_aims`): the words a target needs.
AIM_STAGES = ("talks", "mou", "agreement", "deployment")
AIM_WORDS = Cue(
    r"\b(?:by|will|expect\w*|aim\w*|due|plan\w*|target\w*|to\s+be|schedul\w*|until|до|к\s+20\d\d"
    r"|планир\w*|намер\w*|ожида\w*|долж\w*|будет|будут|предполага\w*)\b",
    words=(
        *("by ", "will", "expect", "aim", "due", "plan", "target", "to be", "schedul"),
        *("until", "до ", "к 20", "планир", "намер", "ожида", "долж", "буд", "предполага"),
    ),
)
# ... and a year to aim at (`by the end of 2020`, `next year`, `в следующем году`).
AIM_YEAR = Cue(
    r"\b(?:19|20)\d\d\b|\b(?:next|this|the)\s+year\b|(?:следующ|текущ|этом|конца)\w*\s+год\w*",
    words=("19", "20", "year", "следующ", "текущ", "этом", "конца"),
)
# What is still to be done: `should be completed`, `должен быть построен`.
STILL_AHEAD = Cue(
    r"\b(?:долж\w*|будет|будут|планиру\w*|намечен\w*|should|must|will|is\s+to|are\s+to)\b",
    words=("долж", "будет", "будут", "планиру", "намечен", "should", "must", "will", " to "),
)
# A first stage or phase completed leaves the next to build: work told after it counts.
FIRST_STAGE = Cue(
    r"\b(?:first|initial)\s+(?:stage|phase|section)\b", words=("stage", "phase", "section")
)
# A completion named as a condition (`upon completion of the pilot, ...`) is still ahead.
AHEAD_CUES = Cue(
    r"\b(?:upon|on|after|once)\s+(?:the\s+)?(?:completion|completing|finishing)\b"
    r"|\bonce\b.{0,40}\b(?:is|are|has been|have been)\s+completed\b",
    words=("completion", "completing", "finishing", "completed"),
)


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
    stages = _stages(events)
    side = set(group.background)
    told_steps = [
        step
        for event, stage in zip(events, stages, strict=True)
        for step in [
            *_steps(
                event,
                stage,
                facts[event.article_id].date,
                [text for number, text in facts[event.article_id].delays if number == event.number],
            ),
            *completions(event, stage, facts[event.article_id]),
            *_aims(event, stage, facts[event.article_id]),
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


def dating_contexts(
    groups: Sequence[DealGroup], facts: Mapping[str, ArticleFacts]
) -> list[Elsewhere]:
    """For each group, what the other deals an undated article of it tells know of when
    it was written (`build_deal`'s context): that article's events there, and their
    dated events of a stage and organisation it reports too (dating.py's anchors). An
    article is written once, and any deal it tells may date it. Each other deal is
    indexed once (`_GroupIndex`), its dated events ranked once per key for every deal
    reading them: a hub deal of thousands of events is not read again for every small
    deal sharing an undated article with it."""
    holders: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(groups):
        for article, _ in group.events:
            if facts[article].date is None:
                holders[article].add(index)
    if not holders:
        return [NOTHING_ELSE for _ in groups]
    told = {article: _stage_orgs(facts[article].events) for article in holders}
    indexes: dict[int, _GroupIndex] = {}
    contexts = []
    for index, group in enumerate(groups):
        undated = {article for article, _ in group.events if article in holders}
        if not undated:
            contexts.append(NOTHING_ELSE)
            continue
        wanted = frozenset().union(*(told[article] for article in undated))
        # A deal asking few (stage, organisation) pairs reads a hub's ranked lists of
        # them; one asking many (a hub itself, built once) reads the hub's events.
        few = len(wanted) <= ASKED_UP_TO
        refs = set(group.events)
        events: list[Event] = []
        anchors = []
        for other in sorted({o for article in undated for o in holders[article]} - {index}):
            if other not in indexes:
                indexes[other] = _GroupIndex(groups[other], facts)
            hub = indexes[other].anchors() if few else None
            events += indexes[other].context(undated, wanted, refs, hub is not None)
            if hub is not None:
                anchors.append(hub)
        contexts.append(Elsewhere(events, anchors, wanted))
    return contexts


class _GroupIndex:
    """A deal's events by undated article and, for its dated events of dated articles,
    by (stage, organisation), or, for a hub deal (more than HUB_FROM of them), as
    dating.Anchors: what `dating_contexts` takes of it."""

    def __init__(self, group: DealGroup, facts: Mapping[str, ArticleFacts]) -> None:
        self.events: list[Event] = []
        self.by_article: dict[str, list[int]] = defaultdict(list)
        self.by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.dated: dict[tuple[str, int], int] = {}
        numbered = {}
        for position, (article, number) in enumerate(group.events):
            if article not in numbered:
                numbered[article] = {e.number: e for e in facts[article].events}
            event = numbered[article][number]
            self.events.append(event)
            if facts[article].date is None:
                self.by_article[article].append(position)
            elif event.date is not None:
                self.dated[(article, number)] = position
                for pair in _stage_orgs([event]):
                    self.by_pair[pair].append(position)
        self._anchors: Anchors | None = None

    def anchors(self) -> Anchors | None:
        """Its dated events of dated articles as dating.Anchors, if it is a hub."""
        if self._anchors is None and len(self.dated) > HUB_FROM:
            self._anchors = Anchors(self.events[p] for p in self.dated.values())
        return self._anchors

    def context(
        self,
        undated: set[str],
        wanted: frozenset[tuple[str, str]],
        refs: set[tuple[str, int]],
        anchored: bool = False,
    ) -> list[Event]:
        """Its events of the articles `undated`, and its dated events of dated articles
        reporting a (stage, organisation) of `wanted`, in its order; if `anchored`, of
        the latter only those that are events `refs` of the deal reading it too (it
        reads the others through `anchors`)."""
        positions: set[int] = set()
        for article in undated:
            positions.update(self.by_article.get(article, ()))
        if not anchored:
            for pair in wanted:
                positions.update(self.by_pair.get(pair, ()))
        else:
            for ref in refs:
                position = self.dated.get(ref)
                if position is not None and _stage_orgs([self.events[position]]) & wanted:
                    positions.add(position)
        return [self.events[position] for position in sorted(positions)]


def _stage_orgs(events: Iterable[Event]) -> set[tuple[str, str]]:
    return {(e.stage, p.id) for e in events for p in e.parties if p.kind != "country"}


def newest_date(facts: Sequence[ArticleFacts]) -> PartialDate | None:
    """The default `as_of`: the newest article's date."""
    dated = [f.date for f in facts if f.date]
    return max(dated, key=PartialDate.last_day) if dated else None


# --- Internals ----------------------------------------------------------------------


def _event(facts: ArticleFacts, number: int) -> Event:
    return next(e for e in facts.events if e.number == number)


def _target(event: Event) -> PartialDate | None:
    target = getattr(event, "target", None)
    return target or (event.date if event.planned else None)


def _when(event: Event) -> PartialDate | None:
    """When an event happened: its date, unless that is only a plan's target."""
    return None if event.planned and getattr(event, "target", None) is None else event.date


def _as_told(event: Event, published: PartialDate | None) -> Event:
    """The event with the date its history gives it: an end told in the present perfect
    (ENDED_NOW) happened by its article's date `published`, when that is a later month
    (an end dated the day before its report keeps its day)."""
    if (
        published is not None
        and event.stage == "cancelled"
        and ENDED_NOW.search(_evidence(event))
        and (event.date is None or months_between(event.date, published) > 0)
    ):
        return event.model_copy(update={"date": published})
    return event


def _order(event: Event, facts: ArticleFacts) -> tuple[bool, int, bool, str, int]:
    """Date order by the middle of each date's span (`2024` after `2024-03`, before
    `2024-09`); undated events by their article's date, then last. Of one day, a
    cancellation dated only by its article comes first: it happened by then, and what
    the article tells done that day (`the foundation stone was laid`) came after it."""
    when = _when(event) or facts.date
    first = event.stage == "cancelled" and event.date_basis == "article"
    return (when is None, _middle(when) if when else 0, not first, event.article_id, event.number)


def _middle(date: PartialDate) -> int:
    return (date.first_day().toordinal() + date.last_day().toordinal()) // 2


def _evidence(event: Event) -> str:
    evidence = getattr(event, "evidence", None)
    return " ".join(e.text for e in evidence) if evidence else event.text


def _stages(events: list[Event]) -> list[str]:
    stages = []
    for index, event in enumerate(events):
        text = _evidence(event)
        # A step and then its stall in one sentence (`works began in spring, but they have
        # been frozen since December`), whatever stage the sentence was read as.
        # A delay told in another sentence of its evidence is an entry of its own
        # (`_steps`): the event keeps its stage.
        delayed = event.stage != "launch" and (
            DELAY_CUES.search(event.text) or two_steps(text, None, None, STALL_CUES) is not None
        )
        halted = (
            event.stage == "cancelled" and STANDSTILL.search(text) and not END_CUES.search(text)
        )
        blocked = (
            halted
            or (BLOCK_CUES.search(text) and not DESPITE.search(text))
            or (
                event.stage == "cancelled"
                and not _ended(event)
                and any(_goes_on(event, later) for later in _after(events, index))
            )
        )
        threatened = event.stage in ("talks", "plan") and THREAT_CUES.search(text)
        if REPLACE_CUES.search(text) and not REORGANISED.search(text):
            stages.append("partner-change")
        elif event.stage in BUILT and AHEAD_CUES.search(text):
            stages.append("plan")
        elif event.stage == "launch" and (
            WORK_BEGAN.search(text)
            or STUDY_DONE.search(text)
            or (TEST_DONE.search(text) and not IN_SERVICE.search(text))
        ):
            stages.append("deployment")
        elif event.stage in ("deployment", "cancelled") and _built_done(text):
            stages.append("launch")
        elif event.stage != "launch" and (delayed or blocked or threatened):
            stages.append("stalled")
        else:
            stages.append(event.stage)
    return stages


def _built_done(text: str) -> bool:
    found = BUILT_DONE.search(text)
    return bool(found) and not STUDY_DONE.search(text) and not STILL_AHEAD.search(found[0])


def _steps(
    event: Event, stage: str, published: PartialDate | None, delays: Sequence[str] = ()
) -> list[tuple[Event, str]]:
    """The history entries of an event at `stage`: two for a stall its sentence tells
    after a step of progress (steps.py), three for a partner change that ended one
    contract and signed a new one (SWAP_CUES), else one, and a stall for each delay told
    apart: in another sentence of its evidence, or in `delays`, sentences after it that
    no event reads (ArticleFacts.delays)."""
    if stage == "partner-change" and SWAP_CUES.search(_evidence(event)):
        return [(event, "cancelled"), (event, stage), (event, "agreement")]
    found = (
        two_steps(_evidence(event), _when(event), published, STALL_CUES)
        if stage == "stalled"
        else None
    )
    if found is None:
        if (
            stage == "stalled"
            and event.stage == "plan"
            and published is not None
            and (getattr(event, "target", None) is not None or _after_report(event, published))
        ):
            return _postponed(event, published)
        if stage in ("stalled", "cancelled"):
            return [(event, stage)]
        apart = [*_delays_apart(event), *delays] if stage != "launch" else list(delays)
        entries = [(event, stage)]
        for text in dict.fromkeys(apart):
            told = resolve_event_date(text, published)
            when = told.date if told is not None and not told.planned else published
            stall = event.model_copy(
                update={
                    "date": when,
                    "planned": False,
                    "target": None,
                    "text": text,
                    "evidence": [],
                }
            )
            entries.append((stall, "stalled"))
        return entries
    step = event.model_copy(update={"date": found.date, "planned": False, "target": None})
    stall = event.model_copy(update={"date": found.stalled})
    return [(step, found.stage), (stall, stage)]


def _aims(event: Event, stage: str, facts: ArticleFacts) -> list[tuple[Event, str]]:
    """The aim a sentence of talks, a signing or work states beside it (`signed their
    agreement in October 2018, with the aim of completing the line by the end of 2020`): a
    plan of its own, told with the event, aiming at the target, unless an event of the
    article reads that sentence as a plan already."""
    if stage not in AIM_STAGES or stage != event.stage:
        return []
    if not AIM_YEAR.search(event.text) or not AIM_WORDS.search(event.text):
        return []
    found = resolve_event_date(event.text, facts.date, targets_only=True)
    told = _when(event) or facts.date
    if found is None or told is None or months_between(told, found.date) <= 0:
        return []
    if any(e.stage == "plan" and e.text == event.text for e in facts.events):
        return []
    aim = event.model_copy(update={"date": told, "planned": True, "target": found.date})
    return [(aim, "plan")]


def _after_report(event: Event, published: PartialDate | None) -> bool:
    """Is the event undated or dated in a month after its article's (a target)?"""
    return published is not None and (
        event.date is None or months_between(published, event.date) > 0
    )


def _postponed(event: Event, published: PartialDate) -> list[tuple[Event, str]]:
    """A plan that tells its own postponement (`commissioning, due by the end of 2025, has
    been moved to the second quarter of 2026`): the stall, and the plan as stated then,
    aiming at its new date; both dated when it was told (the article's date if the event
    read a date after it: that is a target)."""
    told = published if _after_report(event, published) else event.date
    target = getattr(event, "target", None) or event.date
    stall = event.model_copy(update={"date": told, "planned": False, "target": None})
    plan = event.model_copy(update={"date": told, "planned": True, "target": target})
    return [(stall, "stalled"), (plan, "plan")]


def _delays_apart(event: Event) -> list[str]:
    """The sentences of the event's evidence, not its own, telling a delay (`The closing
    was delayed by several months.` after `The deal closed a year after the agreement.`)."""
    return [
        evidence.text
        for evidence in getattr(event, "evidence", None) or ()
        if evidence.text != event.text
        and DELAY_CUES.search(evidence.text)
        and not DESPITE.search(evidence.text)
    ]


def _ended(event: Event) -> bool:
    """Does a dated cancellation tell an end (`talks broke down in September`), not a
    halt (`works stopped`)? It stays `cancelled` in the history though the deal went on:
    what came after is a new start, and the status counts progress dated after it."""
    text = _evidence(event)
    return _when(event) is not None and bool(END_CUES.search(text)) and not STALL_CUES.search(text)


def _after(events: list[Event], index: int) -> list[Event]:
    """The events that may follow `events[index]`: those after it, or, for an undated
    one (placed last, its order unknown), every other."""
    if _when(events[index]) is None:
        return events[:index] + events[index + 1 :]
    return events[index + 1 :]


def _goes_on(cancelled: Event, later: Event) -> bool:
    """Does a later event show the deal went on after a cancellation? After a dated one,
    only progress dated later does (an alternative planned the same day does not); after
    an undated one, whose order is unknown, any other event told."""
    if _when(cancelled) is None:
        return later.stage != "cancelled"
    return later.stage in PROGRESS and _when(later) is not None


def _entry(event: Event, stage: str, facts: ArticleFacts, background: bool) -> HistoryEntry:
    when = _when(event)
    amounts = [a.text for a in getattr(event, "amounts", None) or []]
    return HistoryEntry(
        stage=stage,  # type: ignore[arg-type]
        event_stage=event.stage,
        date=when,
        date_precision=when.precision if when else None,
        target=_target(event),
        parties=[p.id for p in event.parties],
        initiatives=list(event.initiatives),
        evidence=" ".join(_evidence(event).split()),
        article=event.article_id,
        event=event.number,
        source=_outlet(facts),
        url=facts.url,
        amounts=amounts,
        background=background,
    )


def _status(history: list[HistoryEntry]) -> tuple[str, PartialDate | None]:
    history = [h for h in history if not h.background] or history
    # an aim told beside another entry of its event (`_aims`) says where the deal is going
    told = {(h.article, h.event) for h in history if h.stage != "plan"}
    history = [h for h in history if h.stage != "plan" or (h.article, h.event) not in told]
    dated = [h for h in history if h.date]
    if dated:
        newest = dated[-1].date  # history is in date order
        dated = [h for h in dated if months_between(h.date, newest) <= STATUS_WINDOW]  # type: ignore[arg-type]
    pool = dated or history
    if not pool:
        return "plan", None
    # Talks or plans after a cancellation (an alternative) do not revive the deal.
    decisive = [h for h in pool if h.stage in PROGRESS or h.stage == "cancelled"]
    if decisive and decisive[-1].stage == "cancelled":
        return "cancelled", decisive[-1].date
    progress = _reached(pool)
    # An undated event may be the newest: it counts where it marks more progress.
    progress += [h for h in history if h.date is None and h.stage in PROGRESS]
    if progress:
        best = max(progress, key=lambda h: PROGRESS.index(h.stage))  # the first of equals
        stall = _stalled_after(pool, best)
        return (stall.stage, stall.date) if stall else (best.stage, best.date)
    talk = [h for h in pool if h.stage in ("talks", "plan")] or pool
    same = [h for h in talk if h.date == talk[-1].date]
    chosen = next((h for h in reversed(same) if h.stage == "plan"), same[-1])
    # A deal told only by a change of partner: the one taking over holds its contract.
    return ("agreement" if chosen.stage == "partner-change" else chosen.stage), chosen.date


def _stalled_after(pool: list[HistoryEntry], best: HistoryEntry) -> HistoryEntry | None:
    """The newest dated stall of work (STANDSTILL: delayed, frozen, suspended; not a ban
    on a service, which stops its users, not the deal), if it is told in a later month than
    every dated event marking progress and than `best` (the progress reached): the work
    stands still since then (`the line is frozen pending a decision of the partner` after
    its first section was built). A delay told in the month of the progress it delayed
    (`the closing was delayed by several months`) is that progress's story."""
    stalls = [h for h in pool if h.stage == "stalled" and h.date and STANDSTILL.search(h.evidence)]
    if not stalls:
        return None
    stall = stalls[-1]
    reached = [h for h in pool if h.date and h.stage in PROGRESS] + ([best] if best.date else [])
    if best.date is None and PROGRESS.index(best.stage) > max(
        (PROGRESS.index(h.stage) for h in reached), default=-1
    ):
        return None  # an undated event marks more progress: it may be the newest
    if any(months_between(h.date, stall.date) < 1 for h in reached):  # type: ignore[arg-type]
        return None
    return stall


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
