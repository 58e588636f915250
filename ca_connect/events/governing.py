"""Which stage cues of a sentence count, and as what: a cue negated, framing a deal,
describing one, naming a venue or a time frame counts for nothing; a plan cue governing
another makes it a plan (docs/events.md). Pure."""

from __future__ import annotations

from itertools import pairwise

from ..tagging.matcher import Tokens
from .grammar import Grammar
from .sentence import CLAUSE_BREAK, DEALS, Cue, ReadCue

# Words from a frame's start to a deal named as the frame: its own words (`in line with`)
# and a determiner (`in line with the memorandum`).
_FRAME_REACH = 4
# A deal noun and `for` within this many words before a work cue name what the deal is
# for (`a tender for the design and construction`).
_PURPOSE_REACH = 5

# A cue heading a noun phrase (`the construction of ...`) may be a subject this far from
# the `plan` cue that governs it.
_SUBJECT_REACH = 8
# Words of a negated subject between its determiner and the cue (`no new base stations`).
_SUBJECT_WORDS = 5
_PREPARE_REACH = 4  # words from `agreed to` to its verb (`в течение полугода подготовить`)


def read_cues(cues: list[Cue], text: str, tokens: Tokens, grammar: Grammar) -> list[ReadCue]:
    """Each cue that counts, after negation and governing."""
    if not cues:  # most sentences: nothing to read (and no frame to match)
        return []
    folded = tokens[2]
    governed: set[int] = set()
    governing: set[int] = set()
    for index, cue in enumerate(cues):
        if cue.stage in ("plan", "cancelled"):
            continue
        for plan_index, plan in enumerate(cues):
            if plan.stage == "plan" and (
                _governs_object(plan, cue, text, tokens, grammar)
                or _governs_subject(plan, cue, cues, text, tokens, grammar)
            ):
                governed.add(index)
                governing.add(plan_index)
    starts = tokens[0]
    spans = [(cue.stage, cue.first, cue.last) for cue in cues]
    # A deal told before, opening the sentence as the frame of what follows (`Under the
    # memorandum, the sides will …`): its cues count only when nothing follows.
    frame = grammar.deal_frame.match(text) if cues else None
    framed = (
        {i for i, cue in enumerate(cues) if starts[cue.last - 1] < frame.end()}
        if frame is not None and any(starts[cue.first] >= frame.end() for cue in cues)
        else set()
    )
    # `the deal` only refers to a deal told before: another deal cue says what was done
    # (`the deal follows the memorandum signed in 2019`).
    references = {
        i
        for i, cue in enumerate(cues)
        if cue.stage in DEALS
        and len(cue.parts) == 1
        and cue.last - cue.first == 2
        and folded[cue.first] in grammar.determiners
    }
    if not any(cue.stage in DEALS and i not in references for i, cue in enumerate(cues)):
        references = set()
    preparing = {i for i, cue in enumerate(cues) if _agrees_to_prepare(cue, folded, grammar)}
    return [
        ReadCue(
            cue,
            "plan" if index in governed or index in preparing else cue.stage,
            index in governing or index in preparing,
        )
        for index, cue in enumerate(cues)
        if not _negated(cue, folded, grammar)
        and not _negated_subject(cue, text, tokens, grammar)
        and (not cue.passive or index in governing)
        and grammar.cue_counts(index, spans, index in governing, index in governed, text, tokens)
        and not _qualifies_a_deal(cue, cues, folded, grammar)
        and not _attributive(cue, folded, grammar)
        and not _plan_attributive(cue, cues, folded, grammar)
        and not _made_before(cue, folded, grammar)
        and not _a_venue(cue, folded, grammar)
        and not _a_news_source(cue, folded, grammar)
        and not _work_delayed(cue, folded, grammar)
        and not _open_to(cue, folded, grammar)
        and not _in_a_time_frame(cue, folded, grammar)
        and not _missed(cue, folded, grammar)
        and not (cue.stage in DEALS and index in framed and index not in governed)
        and index not in references
        # A plan noun naming the frame of what is told (`as part of its strategy`), and a
        # deal named so (`in the framework of the memorandum signed earlier`).
        and not (
            cue.stage == "plan"
            and index not in governing
            and _framed(cue, cues, text, starts, grammar)
        )
        and not (cue.stage in ("mou", "agreement") and _a_deal_as_frame(cue, text, starts, grammar))
    ]


def _agrees_to_prepare(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """An agreement cue that only agrees to prepare (`agreed to prepare a roadmap`,
    `договорились в течение полугода подготовить`): a verb of preparing within a few
    words after it. What was agreed is work to do: a plan."""
    return cue.stage == "agreement" and bool(
        grammar.preparing & set(folded[cue.last : cue.last + _PREPARE_REACH])
    )


def _framed(cue: Cue, cues: list[Cue], text: str, starts: list[int], grammar: Grammar) -> bool:
    """A cue inside a frame's noun phrase: the first cue after the frame's words (`as
    part of the strategy, the ministry plans`: `plans` is outside)."""
    if grammar.predicate.match(text, starts[cue.first]):
        return False  # a finite verb ends the frame's noun phrase (`в рамках проекта планируется`)
    frame = grammar.frame.search(text[: starts[cue.first]])
    return frame is not None and not any(
        frame.start() <= starts[other.first] and other.last <= cue.first for other in cues
    )


def _a_deal_as_frame(cue: Cue, text: str, starts: list[int], grammar: Grammar) -> bool:
    """A memorandum or agreement named right after a frame's words, bar a determiner
    (`in the framework of the memorandum signed earlier`, `в рамках меморандума`): the
    frame of what is told, no deal of its own."""
    frame = grammar.frame.search(text[: starts[cue.first]])
    return (
        frame is not None
        and len(text[frame.start() : starts[cue.first]].split()) <= _FRAME_REACH
        and not CLAUSE_BREAK.search(text, frame.start(), starts[cue.first])
    )


def _governs_object(plan: Cue, cue: Cue, text: str, tokens: Tokens, grammar: Grammar) -> bool:
    """A `plan` cue right before a cue, bar bridge words, in the same clause: `will also
    be laid` (not `under the decree, a directorate was created`)."""
    starts, ends, folded = tokens
    return any(
        plan.last <= first
        and all(word in grammar.bridges for word in folded[plan.last : first])
        and not CLAUSE_BREAK.search(text, ends[plan.last - 1], starts[first])
        for first, _ in cue.parts
    )


def _governs_subject(
    plan: Cue, cue: Cue, cues: list[Cue], text: str, tokens: Tokens, grammar: Grammar
) -> bool:
    """A cue as the subject of a passive future: `construction ... will be completed`.

    The plan cue follows the cue, with only auxiliaries between (`talks are to be held`), or
    within a few words of the same clause when the cue heads a noun phrase that goes on
    with a preposition (`Construction of the line in Tajikistan will be completed`).
    """
    starts, ends, folded = tokens
    if plan.first < cue.last:
        return False
    between = folded[cue.last : plan.first]
    if not all(word in grammar.auxiliaries or word in grammar.bridges for word in between) and not (
        (cue.first == 0 or folded[cue.first - 1] in grammar.articles)
        and len(cue.parts) == 1
        and between[0] in grammar.prepositions
        and len(between) <= _SUBJECT_REACH
        and not CLAUSE_BREAK.search(text, ends[cue.last - 1], starts[plan.first])
        and not any(cue.last <= other.first < plan.first for other in cues)
    ):
        return False
    if (
        cue.stage in ("deployment", "launch")
        and len(cue.parts) == 1
        and (cue.first == 0 or folded[cue.first - 1] in grammar.articles)
        and set(folded[plan.first : plan.last]) <= grammar.modals
        and plan.last < len(folded)
        and folded[plan.last] not in grammar.benefits
    ):
        # a work noun as a modal's subject: `Construction will take two years` (not
        # `construction could cost $40 million`, a description)
        return True
    after = plan.last
    while after < len(folded) and folded[after] in grammar.bridges:
        after += 1
    return "be" in folded[plan.first : after] or bool(
        set(folded[plan.first : after]) & grammar.auxiliaries
    )


def _qualifies_a_deal(cue: Cue, cues: list[Cue], folded: list[str], grammar: Grammar) -> bool:
    """A work cue right before a deal noun, or after one and `for` within five words with
    no other cue between, names what the deal is for (`the construction contract`, `an
    installation agreement`, `a tender for the design and construction of the campus`):
    the deal is what happened or is planned, not the work."""
    if cue.stage not in ("deployment", "launch"):
        return False
    if cue.last < len(folded) and folded[cue.last] in grammar.deal_nouns:
        return True
    start = max(0, cue.first - _PURPOSE_REACH)
    if any(start <= other.last - 1 < cue.first for other in cues):
        return False  # `signed the contract for fiber and launched the construction`
    before = folded[start : cue.first]
    return any(
        word in grammar.deal_nouns and following == "for" for word, following in pairwise(before)
    )


def _attributive(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A one-word work cue in `-ed` right after an article qualifies a noun (`an extended
    government meeting`, `the upgraded network`): it tells no work done."""
    return (
        cue.stage in ("deployment", "launch")
        and len(cue.parts) == 1
        and cue.last - cue.first == 1
        and folded[cue.first].endswith("ed")
        and cue.first > 0
        and folded[cue.first - 1] in grammar.articles
    )


def _plan_attributive(cue: Cue, cues: list[Cue], folded: list[str], grammar: Grammar) -> bool:
    """A one-word plan participle qualifying a noun: in `-ed` right after an article and
    before a word (`the planned network`, `its planned satellites`, `a planned loan`), or in
    a long adjective form (Russian `запланированной сети`, `планируемой линии`). It names a
    thing by its plan; beside a cue of another stage, that cue tells what happened (`the
    planned network was switched on in Osh`), and the participle tells no plan."""
    if cue.stage != "plan" or len(cue.parts) != 1 or cue.last - cue.first != 1:
        return False
    word = folded[cue.first]
    qualifies = grammar.plan_adjective.fullmatch(word) is not None or (
        word.endswith("ed")
        and cue.first > 0
        and cue.last < len(folded)
        and folded[cue.first - 1] in grammar.articles
    )
    return qualifies and any(other.stage != "plan" for other in cues)


def _made_before(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A deal cue ending in a participle in `-ed` right after `previously`, `earlier` or
    `already` opened by an article or a preposition (`raise financing from the previously
    approved budget`): the participle qualifies a noun, a deal made before, none made now."""
    first = cue.parts[-1][0]
    return (
        cue.stage in DEALS
        and folded[first].endswith("ed")
        and first > 1
        and folded[first - 1] in grammar.told_before
        and folded[first - 2] in grammar.told_before_openers
    )


def _a_news_source(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A talks or deal cue right after words naming a source of the news (bar a
    determiner): `two people familiar with the talks told Reuters`, `sources close to the
    deal` report, they tell no talks or deal."""
    if cue.stage not in DEALS:
        return False
    before = cue.first - (cue.first > 0 and folded[cue.first - 1] in grammar.determiners)
    return any(
        tuple(folded[max(0, before - len(words)) : before]) == words
        for words in grammar.news_sources
    )


def _work_delayed(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A work or launch cue right after a verb of delay (bar a determiner): `has again
    delayed the construction of the line` names the work delayed, it tells none done."""
    if cue.stage not in ("deployment", "launch"):
        return False
    before = cue.first - (cue.first > 0 and folded[cue.first - 1] in grammar.determiners)
    return before > 0 and folded[before - 1] in grammar.delays


def _open_to(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """`Республика открыта для инвесторов`, `Казахстан открыт к сотрудничеству`: open to
    someone is readiness to cooperate, no launch."""
    return (
        cue.last - cue.first == 1
        and folded[cue.first] in grammar.openness
        and folded[cue.last : cue.last + 1] != []
        and folded[cue.last] in grammar.open_to
    )


def _a_venue(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A talks cue right after `sidelines of` (bar an article): the meeting is where
    something else happened (`signed on the sidelines of a meeting`), no talks told."""
    return cue.stage == "talks" and bool(
        grammar.venue_words & set(folded[max(0, cue.first - 3) : cue.first])
    )


def _in_a_time_frame(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A launch cue right after `upon` (bar a determiner): `upon completion of the pilot,
    the agencies will report` tells what follows the launch, not the launch."""
    index = cue.first - 1
    if index >= 0 and folded[index] in grammar.determiners:
        index -= 1
    return cue.stage == "launch" and index >= 0 and folded[index] in grammar.time_frames


def _missed(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A cue right after the past of a schedule, bar bridge words (`was supposed to be
    commissioned`, `должны были ввести`): what was to happen and did not, a target
    missed, no event (docs/events.md, *a plan once held*)."""
    before = cue.first
    while before > 0 and folded[before - 1] in grammar.bridges:
        before -= 1
    return bool(grammar.once_scheduled & set(pairwise(folded[max(0, before - 2) : cue.first + 1])))


def _negated(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A cue after a negation, with at most bridge words between (`has not yet launched`);
    a talks cue also after a denied joining (`was not invited to the talks`)."""
    for first, _ in cue.parts:
        index = first - 1
        if cue.stage == "talks":
            while index >= 0 and folded[index] in grammar.joining_links:
                index -= 1
            if index >= 0 and folded[index] in grammar.joining:
                index -= 1
            else:
                index = first - 1
        while index >= 0 and folded[index] in grammar.bridges:
            index -= 1
        if index >= 0 and (
            folded[index] in grammar.negations
            or (folded[index] == "t" and index > 0 and folded[index - 1].endswith("n"))
        ):
            return True
    return False


def _negated_subject(cue: Cue, text: str, tokens: Tokens, grammar: Grammar) -> bool:
    """A cue whose subject opens on a negating determiner (`no`, `neither`, `none`) at the
    sentence's or a clause's start, up to four words and bridge words before it: `Neither
    operator had launched 5G`, `…, but no equipment was installed`."""
    if not grammar.subject_negations:
        return False
    starts, folded = tokens[0], tokens[2]
    index = cue.first - 1
    while index >= 0 and folded[index] in grammar.bridges:
        index -= 1
    for at in range(index, max(-1, index - _SUBJECT_WORDS), -1):
        if folded[at] not in grammar.subject_negations:
            continue
        before = text[: starts[at]].rstrip()
        return (
            at == 0
            or before.endswith((",", ";", ":"))
            or (at > 0 and folded[at - 1] in grammar.clause_openers)
        )
    return False
