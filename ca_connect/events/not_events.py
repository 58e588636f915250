"""The not-event rules: sentences whose cues report no deal action (docs/events.md,
Not events): conditions, trainings, forecasts, states of things, definitions, benefit
statements, and plans resting on a bare modal or a weak noun without an actor.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..lazy_pattern import LazyPattern
from ..models import Stage
from .grammar import Grammar
from .parties import Actor
from .sentence import CLAUSE_BREAK, DEALS, ReadCue, Sentence

# Internet or communication brought to people, named as such (`internet access`, `use the
# internet`, `internet speed`, `communication services`): the sentence names what the event
# is about, and it is no type, so it borrows none from around it.
INTERNET_AT_LARGE = LazyPattern(
    r"\b(?:internet|fib(?:re|er)-optic|broadband)\s+(?:access|speeds?|infrastructure)\b|\baccess\s+to\s+the\s+internet\b"
    r"|\b(?:to|use)\s+the\s+internet\b|\bspeeds?\s+of\s+the\s+internet\b"
    r"|\bcommunications?\s+(?:services|infrastructure)\b"
    r"|доступ\w*\s+(?:в|к)\s+интернет|\bк\s+интернету\b|скорост\w*(?:\s+\S+){0,3}\s+интернета"
    r"|\bуслуг\w*\s+связи\b",
    re.IGNORECASE,
)


# A measure is the subject when it opens the sentence (`Mobile internet penetration`), and
# its verb follows within a few words.
_MEASURE_OPENING = 5
_MEASURE_REACH = 12
# Words before a plan cue a word of a plan once held may stand (`initially expected to`),
# and the words a clause it opens may run before the cue (`планировалось, что все 3
# тысячи камер заработают`).
_SUPERSEDED_REACH = 5
_OPENED_REACH = 10


def not_an_event(sentence: Sentence, stage: Stage, actors: list[Actor], grammar: Grammar) -> bool:
    """The not-event rules (README): conditions, trainings, forecasts, states of things,
    and plans resting on a bare modal or a weak noun without an actor."""
    folded = sentence.tokens[2]
    words = set(folded)
    first_cue = sentence.cues[0].cue.first
    if words & grammar.conditions and any(w in grammar.conditions for w in folded[:first_cue]):
        return True
    if _asks_before(sentence, first_cue, grammar):
        return True
    if stage in ("talks", "plan", "deployment") and words & grammar.gatherings:
        return True
    talks = [read for read in sentence.cues if read.stage == "talks"]
    if stage == "talks" and all(_opens_a_programme(read, folded, grammar) for read in talks):
        return True
    if stage == "plan" and words & grammar.forecasts:
        return True
    if words & (grammar.rankings | grammar.praise) or grammar.attribution.match(sentence.text):
        return True
    if words & grammar.comments and any(w in grammar.comments for w in folded[:first_cue]):
        return True
    if stage != "cancelled" and words & grammar.penalties:
        return True
    if stage in DEALS and words & grammar.other_sectors and _of_another_sector(sentence, grammar):
        return True
    if words & grammar.link_words and all(
        _follows_a_denied_link(read, folded, grammar) for read in sentence.cues
    ):
        return True
    if stage in ("deployment", "launch") and (
        _describes_a_state(sentence, grammar)
        or _defines(sentence, grammar)
        or _measures(sentence, bool(actors), grammar)
    ):
        return True
    halts = [read for read in sentence.cues if read.stage == "cancelled"]
    if stage == "cancelled" and halts and all(_halt_as_a_state(r, folded, grammar) for r in halts):
        return True  # `the southern route remains on hold`: where the deal stands
    work = [read for read in sentence.cues if read.stage == "deployment"]
    if stage == "deployment" and work and all(_sets_up_a_body(r, sentence, grammar) for r in work):
        return True
    if stage == "deployment" and work and all(_a_part_of(r, folded, grammar) for r in work):
        return True
    if stage == "launch" and all(
        _brings_in_a_rule(read, folded, grammar) for read in sentence.cues
    ):
        return True
    launches = [read for read in sentence.cues if read.stage == "launch"]
    if stage == "launch" and all(_opens_a_premise(read, folded, grammar) for read in launches):
        return True
    if stage == "plan":
        plans = [read for read in sentence.cues if read.stage == "plan"]
        if (
            plans
            and all(_imposed(read, folded, grammar) for read in plans)
            and not _DEADLINE.search(sentence.text)
        ):
            return True  # `операторы обязаны соблюдать правила`: a standing condition
        if plans and all(_superseded(read, folded, grammar) for read in plans):
            return True  # `was initially set to launch in March`: what was once intended
        if plans and all(_intends_a_halt(read, folded, grammar) for read in plans):
            return True  # `is going to scrap its loan`: a halt threatened, not done
        if all(_states_a_benefit(read, folded, grammar) for read in plans):
            # `Kcell will offer 5G`, `it would open an institute`: an actor's own action
            return not any(
                _offers(read, folded, grammar) and _acts(read, sentence, actors, grammar)
                for read in plans
            )
        if all(_bare_modal(read, folded, grammar) for read in plans):
            # `Internet access will be available on the trains`: the service to come is
            # the plan, whoever brings it
            return not (
                any(_acts(read, sentence, actors, grammar) for read in plans)
                or INTERNET_AT_LARGE.search(sentence.text)
            )
        if all(_weak_noun(read, folded, grammar) for read in plans):
            # `goals for satellite development in Kyrgyzstan`: a country told as where
            # names nobody acting
            return not [a for a in actors if not _where(a, sentence)]
    return False


def _asks_before(sentence: Sentence, first_cue: int, grammar: Grammar) -> bool:
    """An open question before the first cue, in its clause (`did not say how the towers
    would be paid for`): what the cue tells is what is not known. A clause closed by a
    comma before the cue asks about something else (`Kcell, which has not said what the
    towers cost, signed a contract with Huawei`): the cue stands."""
    question = grammar.open_question.search(sentence.text)
    if question is None:
        return False
    cue_start = sentence.tokens[0][first_cue]
    return question.end() <= cue_start and "," not in sentence.text[question.end() : cue_start]


def _measures(sentence: Sentence, has_actor: bool, grammar: Grammar) -> bool:
    """A measure among the sentence's first words, its subject, and a verb of measuring
    after it (`The share of households online rose to 78%, with most connected through
    mobile networks`): market statistics, no work done. A cue in a clause of its own after
    the measure, with an actor in the sentence, tells its event (`its capacity stands at
    20 MW, and Kcell opened it on Monday`, `rose to 40% after Kazakhtelecom laid 2,000
    km`); without one it goes on counting (`passed 3 million, and most of them were
    connected by fibre`). A measure to come stays a plan (`will pass 60%`)."""
    folded = sentence.tokens[2]
    for index, word in enumerate(folded[:_MEASURE_OPENING]):
        if word in grammar.measures:
            reach = range(index + 1, min(len(folded), index + _MEASURE_REACH))
            verb = next((at for at in reach if folded[at] in grammar.measure_verbs), None)
            return verb is not None and not (
                has_actor
                and any(
                    folded[at] in grammar.clause_openers
                    for read in sentence.cues
                    for at in range(verb + 1, read.cue.first)
                )
            )
    return False


def describes_a_deal(sentence: Sentence, grammar: Grammar) -> bool:
    """Every cue is a deal referred to (`the agreement`, `this loan`): the sentence
    describes a deal told before (`The loan carries a 15-year term`) and makes none."""
    folded = sentence.tokens[2]
    return all(_refers_to_a_deal(read, folded, grammar) for read in sentence.cues)


def _refers_to_a_deal(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    words = _cue_words(read, folded)
    return len(words) == 2 and words[0] in grammar.determiners and words[1] in grammar.deal_nouns


def _cue_words(read: ReadCue, folded: list[str]) -> tuple[str, ...]:
    return tuple(word for a, b in read.cue.parts for word in folded[a:b])


def _a_part_of(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A work cue after a word listing a project's parts (`it has four components —
    construction of the line, supply of equipment`, `состоит из`): the project described."""
    return bool(grammar.parts_of & set(folded[: read.cue.first]))


def _brings_in_a_rule(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A launch cue whose object, within its next four words, is a rule (`introduced
    strict requirements`, `ввел новые правила`): a rule brought in is no service launched."""
    return read.stage == "launch" and bool(
        grammar.rule_nouns & set(folded[read.cue.last : read.cue.last + 4])
    )


def _opens_a_programme(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A talks cue right after a starting verb and `with` (bar an article): `the three-day
    event began with a discussion on cyber threats` names an item of a gathering's
    programme, no talks between parties."""
    before = read.cue.first - 1
    if before >= 0 and folded[before] in grammar.articles:
        before -= 1
    return before >= 1 and folded[before] == "with" and folded[before - 1] in grammar.starts


# A deadline a duty sets (`до конца 2026 года`, `в течение трёх лет`, `не позднее 2027
# года`, `к 2027 году`): the obliged party's plan, to be done by then.
_DEADLINE = LazyPattern(
    r"(?:^|\s)(?:до\s+(?:конца\s+)?\d{4}|до\s+конца|в\s+течение|не\s+позднее"
    r"|к\s+(?:концу\s+)?\d{4})",
    re.IGNORECASE,
)


def _imposed(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A duty word (`обязаны`), or the verb right after one (`обязаны запустить`)."""
    before = read.cue.first - 1
    return set(_cue_words(read, folded)) <= grammar.duties or (
        before >= 0 and folded[before] in grammar.duties
    )


def _superseded(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A plan cue with `initially`, `originally` or `original` in it or among the five
    words before it (Russian `первоначально`, `изначально`, `планировалось`), or with the
    past of a schedule there (`was supposed to`, `должен был`), or told in the clause
    such a word opens (`Изначально планировалось, что все камеры заработают …`): a plan
    once held, told beside what became of it."""
    near = folded[max(0, read.cue.first - _SUPERSEDED_REACH) : read.cue.last + 1]
    if grammar.superseded & set(near[:-1]) or grammar.once_scheduled & set(pairwise(near)):
        return True
    opened = folded[max(0, read.cue.first - _OPENED_REACH) : read.cue.first]
    return any(
        word in grammar.superseded and after in grammar.complementizers
        for word, after in pairwise(opened)
    )


def _intends_a_halt(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A plan cue whose verb is a halt (`is going to terminate`, `would pull out`, Russian
    `собирается расторгнуть`): a halt intended or threatened. The golds count a halt when
    it happens (`cancelled`), and the intention to end a deal as no plan of it."""
    after = read.cue.last
    while after < len(folded) and _skippable(folded[after], grammar):
        after += 1
    return after < len(folded) and folded[after] in grammar.halt_verbs


def _opens_a_premise(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A launch cue with an office, an academy or a gathering next to it, within its next
    four words or five before it (`opened an office in Tashkent`, `the conference opened`,
    `открыл представительство`): a company's presence or an occasion, no service."""
    near = (
        folded[max(0, read.cue.first - 5) : read.cue.first]
        + folded[read.cue.last : read.cue.last + 4]
    )
    return bool(grammar.premises & set(near))


def _sets_up_a_body(read: ReadCue, sentence: Sentence, grammar: Grammar) -> bool:
    """A work cue with a body next to it, within two words after it or three before (`a
    taskforce was created`, `создана дирекция`): an organisational step, not work. A body
    written with a capital is a named organisation (`the Federal Communications
    Commission`), not one set up."""
    starts, _, folded = sentence.tokens
    near = [
        *range(max(0, read.cue.first - 3), read.cue.first),
        *range(read.cue.last, min(len(folded), read.cue.last + 2)),
    ]
    return any(folded[i] in grammar.bodies and sentence.text[starts[i]].islower() for i in near)


def _follows_a_denied_link(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """The cue comes after a negation and a link word close behind it, within reach
    (`not connected to the government's data programme`)."""
    before = folded[max(0, read.cue.first - _LINK_REACH) : read.cue.first]
    return any(
        word in grammar.negations and set(before[i + 1 : i + 3]) & grammar.link_words
        for i, word in enumerate(before)
    )


_LINK_REACH = 8  # words between a denied link and the cue it covers


def _bare_modal(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A modal cue (`will`, `could`) that governs no other cue."""
    return not read.governs and set(_cue_words(read, folded)) <= grammar.modals


def _states_a_benefit(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A plan cue followed by a benefit (`will help`, `aims to strengthen`), also through
    `that this` (`it is expected that this will help`)."""
    if read.governs or grammar.intentions & set(_cue_words(read, folded)):
        return False
    after = read.cue.last
    while after < len(folded) and (
        _skippable(folded[after], grammar) or folded[after] in grammar.benefit_subjects
    ):
        after += 1
    return after < len(folded) and folded[after] in grammar.benefits


def _offers(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """The verb after a plan cue is one an actor does itself (`will offer`, `would open`,
    `will be able to offer`, `will provide 5G services`)."""
    after = read.cue.last
    while after < len(folded) and (
        _skippable(folded[after], grammar) or folded[after] in grammar.capacity
    ):
        after += 1
    if after < len(folded) and folded[after] in grammar.providing:
        return bool(grammar.services & set(folded[after + 1 : after + 1 + _SERVICE_REACH]))
    return after < len(folded) and folded[after] in grammar.actions


_SERVICE_REACH = 4  # words from a verb of providing to the service provided


# A country named after `in` (Russian `в`) tells where, not who.
_IN_BEFORE = LazyPattern(r"(?:^|\s)(?:in|в|во)\s+$", re.IGNORECASE)


def _where(actor: Actor, sentence: Sentence) -> bool:
    """A country named right after `in` (`development in Kyrgyzstan`): a place."""
    at = actor.offset - sentence.start
    return (
        actor.kind == "country"
        and _IN_BEFORE.search(sentence.text[max(0, at - 4) : at]) is not None
    )


def _weak_noun(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    return set(_cue_words(read, folded)) <= grammar.weak_plans


def _acts(read: ReadCue, sentence: Sentence, actors: list[Actor], grammar: Grammar) -> bool:
    """Does an actor do what the modal says: an actor or a reference right before it, and
    no benefit or description after it (`Huawei will build`, not `the line will help`)."""
    ends, folded = sentence.tokens[1:]
    after = read.cue.last
    while after < len(folded) and folded[after] != "be" and _skippable(folded[after], grammar):
        after += 1
    if folded[after : after + 1] == ["be"] and _participle(folded[after + 1 : after + 2], grammar):
        return True  # a passive future: `a working group will be established`
    if after < len(folded) and folded[after].endswith(grammar.passive_endings):
        return True  # a Russian passive future: `будет построена`
    before = read.cue.first - 1
    while before >= 0 and _skippable(folded[before], grammar):
        before -= 1
    if before < 0:
        return False
    end = sentence.start + ends[before]
    if any(
        m.kind != "initiative" and m.end == end and any(a.offset == m.start for a in actors)
        for m in sentence.mentions
    ):
        return True
    reference = grammar.actor_reference.search(sentence.text[: ends[before]])
    pair = grammar.actor_pair.search(sentence.text[: ends[before]])
    country_pair = grammar.country_pair.search(sentence.text[: ends[before]])
    return any(
        found is not None and found.end() == ends[before]
        for found in (reference, pair, country_pair)
    )


def _skippable(word: str, grammar: Grammar) -> bool:
    """Bridge words and adverbs (`also`, `strategically`) between a modal and its verb."""
    return (
        word in grammar.bridges
        or word in grammar.adverbs
        or (bool(grammar.adverb_ending) and word.endswith(grammar.adverb_ending))
    )


def _participle(words: list[str], grammar: Grammar) -> bool:
    return bool(words) and (words[0].endswith("ed") or words[0] in grammar.participles)


def _defines(sentence: Sentence, grammar: Grammar) -> bool:
    """A definition (`Starlink is a network of satellites launched by SpaceX`): its
    cues, all after the defining words, describe what a thing is."""
    opening = grammar.definition.match(sentence.text)
    if opening is None:
        return False
    starts = sentence.tokens[0]
    return all(starts[read.cue.first] >= opening.end() for read in sentence.cues)


def _describes_a_state(sentence: Sentence, grammar: Grammar) -> bool:
    """`There are two lines ...`, `is currently connected`: what exists, not what was done."""
    folded = sentence.tokens[2]
    if folded[:2] in (["there", "are"], ["there", "is"]):
        return True
    return any(
        read.cue.first >= 2
        # `is currently testing`, `is currently under way`: work under way, not a state
        and not folded[read.cue.first].endswith("ing")
        and folded[read.cue.first] not in ("under", "being")
        and folded[read.cue.first - 1] in grammar.state_adverbs
        and folded[read.cue.first - 2] in grammar.auxiliaries
        for read in sentence.cues
    ) or _present_passive(sentence, grammar)


def _of_another_sector(sentence: Sentence, grammar: Grammar) -> bool:
    """Talks or a deal about another sector than digital connectivity: a sentence naming
    no type whose every deal cue's clause names such a sector outside any organisation's
    name, in lower case (`signed dozens of agreements on trade and transport`, `The
    railway project itself was agreed`; not `an agreement with the Ministry of Transport`,
    nor a name the dictionary does not know, `the Agency of Transport and Communications`)."""
    if any(m.kind == "initiative" for m in sentence.mentions):
        return False
    starts, _, folded = sentence.tokens
    names = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.kind == "organization"
    ]
    text = sentence.text
    deals = [read.cue for read in sentence.cues if read.stage in DEALS]

    def clause_names_a_sector(first: int) -> bool:
        at = starts[first]
        opening = max((b.end() for b in CLAUSE_BREAK.finditer(text, 0, at)), default=0)
        closing = CLAUSE_BREAK.search(text, at)
        end = closing.start() if closing else len(text)
        return any(
            word in grammar.other_sectors
            and opening <= starts[i] < end
            and text[starts[i]].islower()  # `the Agency of Transport`: a name
            and not any(a <= starts[i] < b for a, b in names)
            for i, word in enumerate(folded)
        )

    return bool(deals) and all(clause_names_a_sector(cue.first) for cue in deals)


def _halt_as_a_state(read: ReadCue, folded: list[str], grammar: Grammar) -> bool:
    """A halt cue right after a verb of a state going on, bar state adverbs (`remains on
    hold`, `stays frozen`, `remains still suspended`; Russian `остается замороженным`): where
    a deal stands, no halt done then."""
    before = read.cue.first - 1
    while before >= 0 and folded[before] in grammar.state_adverbs:
        before -= 1
    return before >= 0 and folded[before] in grammar.staying


def _present_passive(sentence: Sentence, grammar: Grammar) -> bool:
    """Every work cue a one-word participle right after a present `is`/`are` (`1.6 million
    homes are connected by fibre`, `once agencies are connected`): a state, no work done."""
    folded = sentence.tokens[2]
    work = [read.cue for read in sentence.cues if read.stage in ("deployment", "launch")]
    return bool(work) and all(
        cue.first >= 1
        and cue.last - cue.first == 1
        and folded[cue.first].endswith("ed")
        and folded[cue.first - 1] in grammar.present_be
        for cue in work
    )
