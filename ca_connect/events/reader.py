"""Sentences and stage cues: what each sentence of an article says happened.

`Reader` holds a dictionary's stage cues compiled once per language; `Reader.sentence`
reads one sentence: its tag mentions, the cues that count (after negation and
governing, governing.py) and the stage they give it (docs/events.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..lazy_pattern import LazyPattern
from ..models import EntityDictionary, Mention, Stage, TextField
from ..spans import between
from ..tagging.matcher import Match, PhraseMatcher, Tokens
from ..tagging.tagger import compiled
from ..tokens import (
    gap_signature,
    match_key,
    phrase_key,
    sentence_spans,
    token_keys,
    tokenize_span,
    word_key,
)
from .governing import read_cues
from .grammar import Grammar, grammar_for
from .sentence import CLAUSE_BREAK, Cue, ReadCue, Sentence, choose_stage

# The publication date line at the head of a body (`date 2025-03-03`): not a sentence's.
_HEADER_DATE = LazyPattern(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\b\s*", re.IGNORECASE)
# `A … B` cues: B at most this many words after A, with no clause break between.
_GAP_MARK = LazyPattern(r"\s*(?:…|\.\.\.)\s*")
_MAX_GAP = 20
_LATIN_WORD = LazyPattern(r"[a-z]")
# Marks that end no clause: a list's comma (`engineering, procurement and construction
# contract`) and an acronym in brackets (`(EPC)`).
_NO_BREAK = LazyPattern(r",\s+(?:[\w-]+\s+){1,2}(?:and|or)\s|\(\w+\)")
# A plan noun this near after a launch cue is what was launched (`launched the programme`).
_OBJECT_REACH = 4
# A replaced party is named at most this many words after its cue (`replaced by the
# Turkish operator Turkcell`).
_PARTY_REACH = 4
# How far before a trial named in a sentence a word saying it ended is read (`after six
# months in test mode`, `a year after it began under a pilot`).
_TRIAL_ENDED_REACH = 6
# Phrase cues of this many words are read whole before `A … B` cues claim their words.
_LONG_PHRASE = 3
# A starting verb this near a work cue says work began (a deployment, not a launch).
_START_REACH = 10
# A subject between a deal noun and its participle told in passing has at most this
# many words (`the memorandum the agency and the London-based operator signed`).
_SUBJECT_REACH = 8
# A line that ends a sentence: its last character closes one.
_CLOSES = frozenset(".!?…:;\"'”’»)")
# A line ending on a word no sentence ends on (an article or a possessive or demonstrative
# determiner, a preposition, a conjunction; English and Russian) goes on in the next line
# whatever case that opens in.
_ENDS_GOING_ON = LazyPattern(
    r"(?<!\w)(?:a|an|the|of|from|to|by|with|for|in|on|at|into|under|between|and|or|its|their"
    r"|this|в|во|на|с|со|из|от|к|ко|по|для|о|об|при|за|между|у|и|или|а|но)\W*$",
    re.IGNORECASE,
)


def sentence_spans_as_written(text: str, field_name: TextField) -> list[tuple[int, int]]:
    """tokens.sentence_spans, less a publication-date line heading the body, with a
    sentence hard-wrapped across lines joined again: a line that does not close a
    sentence goes on in the next line when that opens on a lower-case word or a digit, or
    when the line ends on a word no sentence ends on (`a loan from the` / `Asian Development Bank`).
    """
    head = _HEADER_DATE.match(text) if field_name == "body" else None
    skip = head.end() if head else 0
    spans = [(max(start, skip), end) for start, end in sentence_spans(text) if end > skip]
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            gap = text[last_end:start]
            if (
                gap.count("\n") == 1
                and not gap.strip()
                and text[last_end - 1] not in _CLOSES
                and (
                    text[start].islower()
                    or text[start].isdigit()
                    or _ENDS_GOING_ON.search(text[max(last_start, last_end - 40) : last_end])
                )
            ):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


# An `A … B` cue: the words of each part, and its stage.
_Gapped = tuple[tuple[tuple[str, ...], ...], str]
# What a _CueSet compiles, on first use.
_COMPILED_PARTS = frozenset(("phrases", "gapped", "past_only", "written"))


class _CueSet:
    """One language's stage cues (stage -> cues), compiled when first read: from `stored`
    (its `data()`, read back from the file beside the index: events/cache.py) when that
    has the right shape, else from the cues. An article in English never compiles the
    Russian cues (~12 ms)."""

    def __init__(
        self, stages: Mapping[str, Sequence[str]], grammar: Grammar, stored: Any = None
    ) -> None:
        self._stages = stages
        self._grammar = grammar
        self._stored = stored
        self.past_endings = grammar.past_endings

    def __getattr__(self, name: str) -> Any:
        """`phrases`, `gapped`, `past_only`, `written`: compiled at the first look-up of one
        of them (after that, plain attributes)."""
        if name not in _COMPILED_PARTS:
            raise AttributeError(name)
        self._compile()
        return self.__dict__[name]

    def _compile(self) -> None:
        if self._stored is not None:
            try:
                self._read(self._stored)
                return
            except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                pass  # data of another shape: compiled from the cues instead
        self._build()

    def _build(self) -> None:
        phrases: list[tuple[str, tuple[str, bool]]] = []
        gapped: dict[str, list[_Gapped]] = {}
        grammar = self._grammar
        # Words match by their key (a Russian stem), but a cue written in the past tense
        # matches only past forms: `запустит` (will launch) is no `запустил` (launched).
        words = {word for cues in self._stages.values() for cue in cues for word in phrase_key(cue)}
        past = {
            word_key(w) for w in words if grammar.past_endings and w.endswith(grammar.past_endings)
        }
        other = {
            word_key(w)
            for w in words
            if not (grammar.past_endings and w.endswith(grammar.past_endings))
        }
        self.past_only = frozenset(past - other)
        # A Latin word matches a cue only as the cue writes it: the spelling key that joins
        # transliterated names also joins `meet` to `met` (`the networks meet at the border`).
        self.written = frozenset(w for w in words if _LATIN_WORD.match(w))
        for stage, cues in self._stages.items():
            for cue in cues:
                parts = tuple(key for key in map(match_key, _GAP_MARK.split(cue)) if key)
                if len(parts) > 1:
                    gapped.setdefault(parts[0][0], []).append((parts, stage))
                elif parts:
                    passive = stage == "plan" and phrase_key(cue)[-1] == "be"
                    phrases.append((cue, (stage, passive)))
        self.phrases = PhraseMatcher(phrases, proper=False)
        self.gapped = gapped

    def data(self) -> dict[str, Any]:
        """The compiled cues as plain JSON data, which `stored` takes back."""
        return {
            "phrases": self.phrases.data(list),
            "gapped": {
                word: [[[list(part) for part in parts], stage] for parts, stage in cues]
                for word, cues in self.gapped.items()
            },
            "past_only": sorted(self.past_only),
            "written": sorted(self.written),
        }

    def _read(self, stored: dict[str, Any]) -> None:
        """The parts from `data()`; ValueError (and the like) if not of its shape. str()
        and `is True` make any data well-typed (the file's digest guards it against damage)."""
        gapped = {
            str(word): [
                (tuple(tuple(map(str, part)) for part in parts), str(stage))
                for parts, stage in cues
            ]
            for word, cues in stored["gapped"].items()
        }
        past_only = frozenset(map(str, stored["past_only"]))
        written = frozenset(map(str, stored["written"]))
        self.phrases = PhraseMatcher.from_data(stored["phrases"], _stored_payload)
        self.gapped, self.past_only, self.written = gapped, past_only, written


def _stored_payload(stored: list[Any]) -> tuple[str, bool]:
    stage, passive = stored
    return str(stage), passive is True


class CueSets(dict[str, _CueSet]):
    """A dictionary's stage cues by language (`en`, and each of its languages), each
    compiled when first read; `stored`: their `data()` by language (events/cache.py)."""

    def __init__(self, dictionary: EntityDictionary, stored: Mapping[str, Any] | None = None):
        stored = stored or {}
        english = {stage.id: stage.cues for stage in dictionary.stages}
        super().__init__(en=_CueSet(english, grammar_for("en"), stored.get("en")))
        for code, vocabulary in dictionary.languages.items():
            self[code] = _CueSet(vocabulary.stages, grammar_for(code), stored.get(code))
        self.dictionary = dictionary  # `compiled` keeps one per dictionary

    def data(self) -> dict[str, Any]:
        return {code: cue_set.data() for code, cue_set in self.items()}


class Reader:
    """The dictionary's stage cues, compiled once per language. A sentence is given the
    mentions of its field (in text order, with their `starts`): its own are found by
    bisection."""

    def __init__(self, dictionary: EntityDictionary) -> None:
        self.dictionary = dictionary
        # The process's, read from the file beside the index if the store loaded it there.
        self._cue_sets = compiled(dictionary, CueSets)

    def sentence(
        self,
        text: str,
        span: tuple[int, int],
        mentions: list[Mention],
        starts: list[int],
        field_name: TextField,
        paragraph: int,
        grammar: Grammar,
        language: str,
    ) -> Sentence:
        start, end = span
        inside = mentions[between(starts, start, end)]
        sentence_text = text[start:end]
        tokens = tokenize_span(text, start, end)  # = tokenize(sentence_text), sliced
        cue_set = self._cue_sets.get(language, self._cue_sets["en"])
        found: list[Cue] = []
        candidates = _cue_candidates(cue_set, sentence_text, tokens)
        if candidates[0] or candidates[1]:  # the names are read only where a cue may count
            names = [(m.start - start, m.end - start) for m in inside if m.kind == "organization"]
            if field_name == "body":
                names += _name_words(sentence_text, tokens)
            found = _chosen_cues(cue_set, sentence_text, tokens, names, grammar, candidates)
        cues = read_cues(found, sentence_text, tokens, grammar)
        if not cues and (aside := grammar.passing_aside.search(sentence_text)):
            cues = _told_in_an_apposition(aside, tokens)
        return Sentence(
            field=field_name,
            start=start,
            end=end,
            text=sentence_text,
            mentions=inside,
            tokens=tokens,
            cues=tuple(cues),
            paragraph=paragraph,
            stage=sentence_stage(cues, tokens, grammar),
        )


def _told_in_an_apposition(aside: re.Match[str], tokens: Tokens) -> list[ReadCue]:
    """A sentence with no cue but a deal and its participle after a comma (`The $39
    million contract, signed in Ashgabat in February, covers 560 sites.`, `кредита ЕАБР,
    подписанного в марте`): the deal's cue, its noun and its participle."""
    starts, ends = tokens[0], tokens[1]
    noun = next((i for i, at in enumerate(starts) if at >= aside.start()), None)
    verb = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] < aside.end()), None)
    if noun is None or verb is None or verb <= noun or ends[verb] != aside.end():
        return []
    stage = "mou" if aside["memo"] else "agreement"
    cue = Cue(stage, ((noun, noun + 1), (verb, verb + 1)))
    return [ReadCue(cue, stage, False)]


def sentence_stage(cues: Sequence[ReadCue], tokens: Tokens, grammar: Grammar) -> Stage | None:
    """choose_stage, except that a launch cue that is a starting verb within a few words
    of a work cue (`launched the construction`, `construction ... began`) says work
    began, and one a few words before `satellites` builds a constellation: a deployment."""
    if not cues:  # most sentences
        return None
    stage = choose_stage([read.stage for read in cues])
    folded = tokens[2]
    if stage == "agreement" and (
        _agrees_to_talk(cues, folded, grammar) or _settles_issues(cues, folded, grammar)
    ):
        return "talks"
    if stage == "agreement" and _agrees_in_a_memorandum(cues, folded, grammar):
        return "mou"
    if stage != "launch":
        return stage
    launches = [read.cue for read in cues if read.stage == "launch"]
    # `launched a national programme`: a plan set going (a plan noun as the object).
    objects = [
        read.cue
        for read in cues
        if read.stage == "plan"
        and not {folded[i] for i in range(read.cue.first, read.cue.last)}
        & (grammar.modals | grammar.intentions)
    ]
    if all(
        any(
            0 <= plan.first - cue.last <= _OBJECT_REACH
            and not set(folded[cue.last : plan.first]) & grammar.joins
            for plan in objects
        )
        for cue in launches
    ):
        return "plan"
    if all(
        any(word in grammar.fleet_nouns for word in folded[cue.last : cue.last + _OBJECT_REACH + 1])
        for cue in launches
    ):
        return "deployment"  # `launched 27 more satellites`: a constellation built
    if _run_as_a_trial(folded, grammar):
        return "deployment"  # `launched 5G … in test mode`: testing under way
    if all(
        folded[cue.first] in grammar.completions
        and grammar.studies & set(folded[max(0, cue.first - 2) : cue.last + 5])
        for cue in launches
    ):
        # `completed a feasibility study`, `site survey completed`: preparatory work done
        return "deployment"
    talks = [read.cue for read in cues if read.stage == "talks"]
    if all(
        folded[cue.first] in grammar.completions
        and any(0 <= talk.first - cue.last <= _OBJECT_REACH for talk in talks)
        for cue in launches
    ):
        # `completed negotiations on the project`: talks held, nothing launched or signed
        return "talks"
    works = [read.cue for read in cues if read.stage == "deployment"]
    if all(
        folded[cue.first] in grammar.starts
        and any(abs(cue.first - work.first) <= _START_REACH for work in works)
        for cue in launches
    ):
        return "deployment"
    return stage


# Kinds of action: coordinated predicates of different kinds tell different events.
# Those whose predicates stay one mention: building and opening one thing
# (`laid the line, and launched it`); each deal stage is a kind of its own.
_FAMILY_OF_SPLIT = {"deployment": "work", "launch": "work"}
_VENTURES = frozenset({"venture", "ventures"})


def predicate_stages(sentence: Sentence, grammar: Grammar) -> list[tuple[Stage, int, int]]:
    """The stages of a sentence's coordinated predicates when they tell different kinds
    of action (a deal, work, a plan, a halt) of one subject, each with the span of the
    sentence's text it stands in: `terminated the contract and signed a new one` is a
    halt and a deal. Else its one stage, over the whole sentence."""
    if sentence.stage is None:
        return []
    whole = [(sentence.stage, 0, len(sentence.text))]
    if not grammar.coordinators:
        return whole
    folded = sentence.tokens[2]
    groups: list[list[ReadCue]] = [[]]
    for read in sentence.cues:
        if (
            groups[-1]
            and _second_predicate(groups[-1][-1].cue, read.cue, folded, grammar)
            # `, and the joint venture will not be created`: the deal told, referred to
            and not _refers_to_a_deal(read.cue, folded, grammar)
        ):
            groups.append([])
        groups[-1].append(read)
    if len(groups) == 1:
        return whole
    stages = [sentence_stage(group, sentence.tokens, grammar) for group in groups]
    starts = sentence.tokens[0]
    bounds = [0, *(starts[group[0].cue.first] for group in groups[1:]), len(sentence.text)]
    if len({_FAMILY_OF_SPLIT.get(stage, stage) for stage in stages if stage is not None}) < 2:
        # `contracted Nokia …, and also tapped Qvantel`: two deals, a partner each
        two_deals = _predicates_of(stages, bounds)
        if (
            len(two_deals) == 2
            and stages[0] == stages[1]
            and stages[0] in ("mou", "agreement")
            and len(set(predicate_partners(sentence, two_deals))) == 2
        ):
            return two_deals
        return whole
    found: dict[Stage, tuple[Stage, int, int]] = {}
    for stage, start, end in zip(stages, bounds, bounds[1:], strict=False):
        if stage is not None:
            found.setdefault(stage, (stage, start, end))
    return list(found.values())


def _predicates_of(
    stages: Sequence[Stage | None], bounds: Sequence[int]
) -> list[tuple[Stage, int, int]]:
    """(stage, start, end) of each group of cues that gives a stage, between its bounds."""
    return [
        (stage, start, end)
        for stage, start, end in zip(stages, bounds, bounds[1:], strict=False)
        if stage is not None
    ]


def predicate_partners(
    sentence: Sentence, predicates: Sequence[tuple[Stage, int, int]]
) -> list[str | None]:
    """The partner of each of a sentence's predicates: the first organisation named after
    its first cue, within its span (`contracted Nokia …, and also tapped Qvantel`: Nokia,
    Qvantel); None where it names none."""
    starts = sentence.tokens[0]
    cue_starts = [starts[read.cue.first] for read in sentence.cues]
    found: list[str | None] = []
    for _, start, end in predicates:
        cue_at = next((at for at in cue_starts if start <= at < end), end)
        found.append(
            next(
                (
                    m.entity
                    for m in sentence.mentions
                    if m.kind == "organization" and cue_at <= m.start - sentence.start < end
                ),
                None,
            )
        )
    return found if None not in found else []


def told_in_passing(sentence: Sentence, grammar: Grammar) -> tuple[Stage, int, int] | None:
    """A memorandum or agreement told in passing, its noun right before its participle
    (`under contracts signed last year`, `an agreement signed in Ashgabat in 2021`) or
    before a comma and its participle (`the memorandum with Cybernetica, signed in May
    2021,`), in a sentence whose main predicate tells another stage: a mention of its own,
    read from its noun to the end of its clause."""
    if sentence.stage is None or sentence.stage in ("mou", "agreement"):
        return None
    starts, ends, folded = sentence.tokens
    for read in sentence.cues:
        parts = read.cue.parts
        if (
            read.stage in ("mou", "agreement")
            and len(parts) == 2
            and _passing_gap(folded[parts[0][1] : parts[1][0]], grammar)
            and folded[parts[1][0]] in grammar.passing
        ):
            start = starts[read.cue.first]
            clause = CLAUSE_BREAK.search(sentence.text, ends[read.cue.last - 1])
            return read.stage, start, clause.start() if clause else len(sentence.text)
    aside = grammar.passing_aside.search(sentence.text)
    if aside is not None:
        # `the memorandum with Cybernetica, signed in May 2021,`: read to the aside's end
        clause = CLAUSE_BREAK.search(sentence.text, aside.end())
        stage: Stage = "mou" if aside["memo"] else "agreement"
        return stage, aside.start(), clause.start() if clause else len(sentence.text)
    return None


def _passing_gap(gap: list[str], grammar: Grammar) -> bool:
    """What may stand between a deal noun and its participle told in passing: nothing, or
    a subject and auxiliaries (`the memorandum they signed`, `the deal was signed`, `the
    agreement the operators signed`, `the memorandum the agency and the bank had signed`)."""
    if len(gap) <= 2 and all(word in grammar.passing_fillers for word in gap):
        return True
    subject = list(gap)
    while subject and subject[-1] in grammar.passing_fillers:
        subject.pop()
    return (
        2 <= len(subject) <= _SUBJECT_REACH
        and subject[0] in grammar.passing_subjects
        and not grammar.passing_stops.intersection(subject)
    )


def told_in_an_aside(sentence: Sentence, grammar: Grammar) -> tuple[Stage, Stage, int, int] | None:
    """A deal, work or launch told in a `, which …` aside with a stage of its own, beside a
    main predicate of another stage (`The bank, which lent Tajikistan $38 million in 2019,
    pulled out`): (the main stage, the aside's stage, the aside's span)."""
    opening = grammar.aside.search(sentence.text)
    if opening is None:
        return None
    start = opening.start() + 1
    closing = CLAUSE_BREAK.search(sentence.text, opening.end())
    end = closing.start() if closing else len(sentence.text)
    starts = sentence.tokens[0]
    inside = [read for read in sentence.cues if start <= starts[read.cue.first] < end]
    outside = [read for read in sentence.cues if read not in inside]
    if not inside or not outside:
        return None
    told = sentence_stage(inside, sentence.tokens, grammar)
    main = sentence_stage(outside, sentence.tokens, grammar)
    if told in (None, "plan") or main is None or told == main:
        return None
    return main, told, start, end


def told_in_a_time_clause(
    sentence: Sentence, grammar: Grammar
) -> tuple[Stage, Stage, int, int] | None:
    """An action told in a clause of time with a subject of its own (`after Nordtel exited
    Uzbekistan`, `before a court froze the contract`, Russian `после того как …`, `когда
    …`; not `after signing`, the main subject's own step, nor `after talks`, a noun
    phrase), to the clause's end, beside a main predicate of another kind: (the main
    stage, the clause's stage, the clause's span). Two events told in one sentence. The
    clause's action needs a cue that is no reference to a deal (`after the sides ratify
    the agreement` names none), and a main plan a verb of planning (`the tower programme
    has slowed down` plans nothing)."""
    text = sentence.text
    starts, folded = sentence.tokens[0], sentence.tokens[2]
    for opening in grammar.time_clause.finditer(text):
        closing = CLAUSE_BREAK.search(text, opening.end())
        start, end = opening.start(), closing.start() if closing else len(text)
        inside = [read for read in sentence.cues if start <= starts[read.cue.first] < end]
        outside = [read for read in sentence.cues if read not in inside]
        after = next((i for i, at in enumerate(starts) if at >= opening.end()), None)
        if (
            not inside
            or not outside
            or after is None
            # `after signing`: a gerund, lower case (`after Beijing approved` names a subject)
            or (
                grammar.gerund_ending
                and folded[after].endswith(grammar.gerund_ending)
                and text[starts[after]].islower()
            )
            or inside[0].cue.first == after  # `after talks with Huawei`: a noun, no clause
            or all(folded[read.cue.first] in grammar.determiners for read in inside)
        ):
            continue
        told = sentence_stage(inside, sentence.tokens, grammar)
        main = sentence_stage(outside, sentence.tokens, grammar)
        if told is None or main is None:
            continue
        if main == "plan" and not any(
            read.stage == "plan"
            and (
                read.cue.last - read.cue.first > 1
                or folded[read.cue.first] in grammar.modals | grammar.intentions
            )
            for read in outside
        ):
            continue
        if _FAMILY_OF_SPLIT.get(told, told) != _FAMILY_OF_SPLIT.get(main, main):
            return main, told, start, end
    return None


def _second_predicate(before: Cue, cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """Does `cue` open a predicate coordinated with the one ending in `before`: a
    coordinator after `before`, then at most auxiliaries and adverbs (`and has since
    installed`), then the cue (`and to launch` is an infinitive, not a predicate); the
    word before the coordinator is no verb paired with the second (`signed and
    ratified`)."""
    between = folded[before.last : cue.first]
    joins = [i for i, word in enumerate(between) if word in grammar.coordinators]
    if not joins:
        return False
    ahead = between[joins[-1] - 1] if joins[-1] else folded[before.last - 1]
    if _verb_form(ahead, grammar):
        return False  # `signed and ratified`, `adopted and implemented`: one predicate
    if ahead in grammar.comparisons:
        return False  # `как и договорились стороны`: as agreed, no predicate of its own
    rest = between[joins[-1] + 1 :]
    return all(word in grammar.predicate_fillers for word in rest)


def _refers_to_a_deal(cue: Cue, folded: list[str], grammar: Grammar) -> bool:
    """A cue that is a determiner and a deal noun (`the agreement`, `the joint venture`)."""
    words = [word for a, b in cue.parts for word in folded[a:b]]
    return (
        len(words) >= 2
        and words[0] in grammar.determiners
        and words[-1] in grammar.deal_nouns | _VENTURES
    )


def _verb_form(word: str, grammar: Grammar) -> bool:
    return word.endswith(grammar.verb_endings) or word in grammar.participles


def _name_words(text: str, tokens: Tokens) -> list[tuple[int, int]]:
    """Capitalised Latin words inside a body sentence that go on a capitalised name, right
    after a capitalised word or after `and`, `of` or a comma that follows one (`the
    Committee on Transport, Communications, Architecture and Construction`): a cue among
    them is part of a name the dictionary does not know."""
    starts, ends, folded = tokens
    found: list[tuple[int, int]] = []
    for index in range(1, len(starts)):
        word = text[starts[index] : ends[index]]
        if not (word[:1].isupper() and _LATIN_WORD.match(folded[index])):
            continue
        before = index - 1
        if folded[before] in ("and", "of") and not text[ends[before] : starts[index]].strip():
            before -= 1
        gap = text[ends[before] : starts[before + 1]].strip()
        if before > 0 and gap in ("", ",") and text[starts[before]].isupper():
            found.append((starts[index], ends[index]))
    return found


# A sentence's `A … B` cues and phrase cues as found, before any is weighed (_chosen_cues).
_Candidates = tuple[list[Cue], list[Match[tuple[str, bool]]]]


def _cue_candidates(cue_set: _CueSet, text: str, tokens: Tokens) -> _Candidates:
    """Every `A … B` cue and phrase cue of a sentence (most sentences have neither)."""
    return _find_gapped(cue_set.gapped, text, tokens), cue_set.phrases.find(text, tokens)


def _find_cues(
    cue_set: _CueSet,
    text: str,
    tokens: Tokens,
    names: list[tuple[int, int]],
    grammar: Grammar,
) -> list[Cue]:
    """The cues of a sentence in reading order (_chosen_cues of its candidates)."""
    return _chosen_cues(
        cue_set, text, tokens, names, grammar, _cue_candidates(cue_set, text, tokens)
    )


def _chosen_cues(
    cue_set: _CueSet,
    text: str,
    tokens: Tokens,
    names: list[tuple[int, int]],
    grammar: Grammar,
    candidates: _Candidates,
) -> list[Cue]:
    """The cues of a sentence in reading order: `A … B` ones first claim their words.
    Cues inside an organisation's name do not count, nor a word cut by `n't` (`won't`),
    nor a replacement with no
    organisation named right after it (`replaced the old switches with new ones`), nor an
    offer made to nobody named (`offered better terms`; `offered the Kyrgyz government
    technical assistance`, `offered to build` are talks), nor a
    halt word right before a cable (`suspension of fibre lines`: cables hung)."""
    starts, folded = tokens[0], tokens[2]

    def counts(first: int, last: int) -> bool:
        return (
            not any(a <= starts[first] < b for a, b in names)
            and all(
                word in cue_set.written or not _LATIN_WORD.match(word)
                for word in folded[first:last]
            )
            # `won't` is `will not`: its `won` wins nothing
            and not (folded[last - 1].endswith("n") and folded[last : last + 1] == ["t"])
        )

    def hangs_a_line(first: int, last: int) -> bool:
        if folded[first] not in grammar.halt_words:
            return False
        after = last + (folded[last : last + 1] == ["of"])
        return folded[after : after + 1] != [] and folded[after] in grammar.hung_lines

    def names_a_party(first: int, last: int) -> bool:
        replaces = folded[first] in grammar.replacements
        if folded[first] in grammar.offers:
            if folded[last : last + 1] == ["to"] or grammar.recipients.intersection(
                folded[last : last + _PARTY_REACH]
            ):
                return True  # `offered to build`, `offered the Kyrgyz government …`
        elif not replaces and " ".join(folded[first:last]) not in grammar.replacements:
            return True
        after = last + _PARTY_REACH
        reach = starts[after] if after < len(starts) else len(text)
        return any(starts[last - 1] < a <= reach for a, _ in names)

    def tense(stage: str, spans: Sequence[tuple[int, int]]) -> str:
        """A past-tense cue's verb in another tense (`запустит`: will launch) is a plan."""
        return (
            "plan"
            if any(
                word_key(word) in cue_set.past_only and not word.endswith(cue_set.past_endings)
                for first, last in spans
                for word in folded[first:last]
            )
            else stage
        )

    gapped, matched = candidates
    found = [
        Cue(tense(cue.stage, cue.parts), cue.parts, cue.passive)
        for cue in gapped
        if all(counts(a, b) for a, b in cue.parts)
        and names_a_party(cue.first, cue.last)
        and not hangs_a_line(cue.first, cue.last)
    ]
    cues: list[Cue] = []
    claimed: set[int] = set()
    phrases = [
        m
        for m in matched
        if counts(m.first, m.last)
        and names_a_party(m.first, m.last)
        and not hangs_a_line(m.first, m.last)
    ]
    # A long phrase (`memorandum of cooperation agreements`) is read whole before pairs.
    long_spans = []
    for match in (m for m in phrases if m.last - m.first >= _LONG_PHRASE):
        span = ((match.first, match.last),)
        cues += [Cue(tense(stage, span), span, passive) for stage, passive in match.payloads]
        claimed.update(range(match.first, match.last))
        long_spans.append((match.first, match.last))
    for cue in sorted(found, key=lambda cue: (cue.last - cue.first, cue.first)):
        words = {i for a, b in cue.parts for i in range(a, b)}
        # B after a long phrase in the gap is that phrase's (`the deal follows the
        # memorandum of understanding signed in 2019`: the memorandum was signed).
        if not words & claimed and not any(
            cue.parts[0][1] <= a and b <= cue.parts[-1][0] for a, b in long_spans
        ):
            cues.append(cue)
            claimed |= words
    for match in (m for m in phrases if m.last - m.first < _LONG_PHRASE):
        if claimed.intersection(range(match.first, match.last)):
            continue
        span = ((match.first, match.last),)
        cues += [Cue(tense(stage, span), span, passive) for stage, passive in match.payloads]
    return sorted(cues, key=lambda cue: (cue.first, cue.last))


def _find_gapped(gapped: dict[str, list[_Gapped]], text: str, tokens: Tokens) -> list[Cue]:
    """Every match of every `A … B` cue: B the nearest after A."""
    starts, ends = tokens[0], tokens[1]
    folded = token_keys(tokens[2])

    def part_at(index: int, words: tuple[str, ...]) -> bool:
        return (
            folded[index] == words[0]  # the cheap test first
            and tuple(folded[index : index + len(words)]) == words
            and all(
                not gap_signature(text[ends[i] : starts[i + 1]])
                for i in range(index, index + len(words) - 1)
            )
        )

    clause_ends: dict[int, int] = {}  # after a part ending at a token: where its clause ends

    def clause_end(after: int) -> int:
        if after not in clause_ends:
            found = CLAUSE_BREAK.search(text, ends[after - 1])
            while found and (skip := _NO_BREAK.match(text, found.start())):
                found = CLAUSE_BREAK.search(text, skip.end())
            clause_ends[after] = found.start() if found else len(text)
        return clause_ends[after]

    found: list[Cue] = []
    if gapped.keys().isdisjoint(folded):  # most sentences: no first word of a pair
        return found
    for first in [index for index, word in enumerate(folded) if word in gapped]:
        for parts, stage in gapped[folded[first]]:
            if not part_at(first, parts[0]):
                continue
            spans = [(first, first + len(parts[0]))]
            for words in parts[1:]:
                after = spans[-1][1]
                # B: the first fit within the gap, if it starts before A's clause ends (the
                # starts grow: no later fit could).
                span = None
                head = words[0]
                for index in range(after, min(after + _MAX_GAP, len(folded) - 1) + 1):
                    if folded[index] == head and part_at(index, words):
                        if starts[index] <= clause_end(after):
                            span = (index, index + len(words))
                        break
                if span is None:
                    break
                spans.append(span)
            if len(spans) == len(parts):
                found.append(Cue(stage, tuple(spans)))
    return found


def _run_as_a_trial(folded: list[str], grammar: Grammar) -> bool:
    """A trial named as the manner or frame of the launch (`in test mode`, `under a pilot`);
    one told as ended before it (`after six months in test mode`) leaves the launch."""
    joined = " ".join(folded)
    trial = grammar.trial_mode.search(joined)
    if trial is None:
        return False
    before = joined[: trial.start()].split()[-_TRIAL_ENDED_REACH:]
    return not grammar.trial_ended & set(before)


def _agrees_in_a_memorandum(cues: Sequence[ReadCue], folded: list[str], grammar: Grammar) -> bool:
    """Every agreement cue a bare `agreed` and a memorandum cued: what was agreed was
    agreed in the memorandum (`agreed to build the link in a memorandum signed in May`)."""
    agreements = [read.cue for read in cues if read.stage == "agreement"]
    return any(read.stage == "mou" for read in cues) and all(
        folded[cue.first] in grammar.agreeing for cue in agreements
    )


def _settles_issues(cues: Sequence[ReadCue], folded: list[str], grammar: Grammar) -> bool:
    """Every agreement cue with an issue within four words after it (`agreed on all open
    issues`, `договорились по всем вопросам`): issues settled in talks, no deal signed."""
    return all(
        grammar.issue_nouns & set(folded[read.cue.last : read.cue.last + _OBJECT_REACH])
        for read in cues
        if read.stage == "agreement"
    )


def _agrees_to_talk(cues: Sequence[ReadCue], folded: list[str], grammar: Grammar) -> bool:
    """Every agreement cue right before a talks cue, bar bridge and continuing words:
    what was agreed is only to talk (`agreed to further discuss`, `agreed to continue
    talks`)."""
    agreements = [read.cue for read in cues if read.stage == "agreement"]
    talks = [read.cue for read in cues if read.stage == "talks"]
    return all(
        any(
            cue.last <= talk.first
            and all(
                word in grammar.bridges or word in grammar.continuing
                for word in folded[cue.last : talk.first]
            )
            for talk in talks
        )
        for cue in agreements
    )
