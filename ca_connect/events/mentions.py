"""Event mentions: each sentence that reports a deal action, completed from its context.

A mention is a sentence whose cues give a stage and that is no not-event; its parties,
initiative types and date are its own where the sentence names them and otherwise come
from the context: earlier sentences, references (`the sides`, `the company`), the title,
the article's subject country and its news date. Rules in docs/events.md.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..lazy_pattern import LazyPattern
from ..models import (
    Amount,
    DateBasis,
    EntityDictionary,
    FieldSource,
    Mention,
    PartialDate,
    Party,
    Stage,
    TaggedArticle,
    TextField,
)
from ..tokens import tokenize
from .actors import ArticleParties, MentionParties, distributed_actors, partners
from .amounts import find_amounts
from .dating import MentionDates, date_of_its_deal, date_source
from .grammar import Grammar
from .not_events import INTERNET_AT_LARGE, describes_a_deal, not_an_event
from .parties import (
    Actor,
    PartyReader,
    organization_party,
    role_holders,
    role_named,
)
from .reader import (
    Reader,
    Sentence,
    predicate_partners,
    predicate_stages,
    sentence_spans_as_written,
    sentence_stage,
    told_in_a_time_clause,
    told_in_an_aside,
    told_in_passing,
)
from .sentence import ReadCue

# What may stand between a clause join and the actor it opens on (`, and the Kazakh ...`).
# Between a clause join and the actor opening the clause: at most two describing words
# (`, and state-run Uzbektelecom opened …`), never a verb or a preposition (`, and signed
# with Huawei`).
_OPENER_WORDS = LazyPattern(
    r"\s*(?:(?-i:[a-z]+-[\w-]+|state|national|local|rival|incumbent|mobile|operator)\s+){0,2}"
)
# Words after its last actor that make a clause a predicate of its own.
_PREDICATE_WORDS = 2
_BLANK_LINE = LazyPattern(r"\n[ \t\r\f\v]*\n")
# Sentences back to the step that gave a role its holders (`the new owner`: the purchase).
_ROLE_REACH = 30
# What ends a sentence (a headline ends with none of these).
_SENTENCE_END = frozenset(".!?…:;")
# A list item elaborates what the sentence before it reported.
_LIST_ITEM = LazyPattern(r"^\s*(?:[•·*▪◦‣-]|\d{1,2}[.)]\s)")
# What a sentence needs to hold an amount at all (a cheap test before reading).
_DIGIT = LazyPattern(r"\d")
# A year, or a word of a time to come (`next year`, `в следующем году`), a target may be.
_YEARISH = LazyPattern(
    r"\b(?:19|20)\d\d\b|\b(?:next|this|following|coming|same)\s+(?:year|month|spring|summer|"
    r"autumn|fall|winter|quarter)|\b(?:следующ|этого|текущ|того\s+же|будущ)\w*\s+(?:год|"
    r"весн|лет|осен|зим|квартал)",
    re.IGNORECASE,
)
# A time to come told relative to the publication (`next year`, `by the end of the year`,
# `до конца года`): an undated article cannot resolve it, yet the plan sets an aim of its own.
_TIME_TO_COME = LazyPattern(
    r"\b(?:next|following|coming)\s+(?:year|month|spring|summer|autumn|fall|winter|quarter)"
    r"|\b(?:следующ|будущ)\w*\s+(?:год|весн|лет|осен|зим|квартал)"
    r"|\bend\s+of\s+(?:the|this|next)\s+year\b|\blater\s+this\s+year\b"
    # a season to come (`by the spring`, `this autumn`, `к весне`, `этой осенью`)
    r"|\b(?:by|until|before|in)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\b"
    r"|\bthis\s+(?:spring|summer|autumn|fall|winter)\b"
    r"|(?:^|\s)(?:к|до)\s+(?:весн|лет|осен|зим)\w*|(?:^|\s)(?:этой|этим|этого)\s+(?:весн|лет|осен|зим)\w*"
    r"|\bконц[аеу]\s+(?:этого\s+|текущего\s+|следующего\s+)?года\b",
    re.IGNORECASE,
)
# How far back context types are looked for.
_REACH = 3
# Stages a sentence naming no actor and no type tells when its own words date it.
_DATED_APART = frozenset({"mou", "agreement", "deployment", "launch"})
_AHEAD = 1  # the next sentence
# Kinds of action: building and opening one thing are one kind of work.
_FAMILY = {"deployment": "work", "launch": "work"}
# A clause joined by a conjunction or `;` (English): `, and the last cables were laid in
# May`, `; construction began a year later`.
_CLAUSE_JOIN = LazyPattern(r",\s*(?:and|but|while|whereas)\s+|;\s*", re.IGNORECASE)
# Plan cues that name a plan rather than tell one (with the grammar's weak plan nouns).
_PLAN_NOUNS = frozenset(
    {"program", "programs", "programme", "programmes", "strategy", "strategies", "roadmap"}
    | {"roadmaps", "decree", "decrees", "resolution", "resolutions", "draft", "drafts"}
)
# Talks with others: `other` this near after the partner's preposition that follows the
# talks cue (`talking to ministers from other countries`).
_OTHER_AFTER_PREPOSITION = 3
# What a clause of its own opens on when its subject is no actor: a determiner.
_SUBJECT_OPENERS = frozenset({"the", "a", "an", "its", "their", "this", "these", "that"})


@dataclass
class EventMention:
    """One sentence reporting one deal action, with its fields and where they came from."""

    sentence: Sentence
    order: int  # reading order, title first
    stage: Stage
    parties: list[Party]
    initiatives: list[str]
    date: PartialDate | None
    date_basis: DateBasis | None
    target: PartialDate | None
    amounts: list[Amount]
    sources: dict[str, FieldSource | str | None]
    own_parties: set[str] = field(default_factory=set)  # the ids the sentence names
    own_initiatives: bool = False
    own_date: bool = False
    repeats: bool = False  # the title, or a sentence referring back to an event told
    refers_back: bool = False  # opens on a reference to an event told (`The memorandum`)
    item: bool = False  # a list item, elaborating the event before it
    partner: str | None = None  # one of the partners of deals told in the plural
    headline: bool = False  # the title, or a headline line heading the body
    lead: bool = False  # the body's first sentence after its headline lines
    describes: bool = False  # only describes a deal told before (`The loan carries …`)
    separate: bool = False  # opens on `Separately,`: another event than those told
    approves: bool = False  # an agreement resting on approvals only (`was ratified`)
    under_deal: bool = False  # opens on a deal told before as its frame (`Under the deal,`)
    ordinal: bool = False  # opens on an ordinal (`The second project`): an item of its own
    told_on: bool = False  # talks told on (`the sides also discussed`): the meeting told
    with_others: bool = False  # talks with others (`also in talks with other operators`)
    forum: bool = False  # talks of a gathering's attendees (`Speakers discussed …`)
    long_ago: bool = False  # opens on `A few years ago`: an earlier event, undated
    generic_deal: bool = False  # opens on a deal's generic name (`The deal was signed`)
    # a plan writing a time to come an undated article cannot resolve (`next year`)
    aim_unresolved: bool = False

    @property
    def strength(self) -> tuple[int, ...]:
        """Stronger evidence first: a body sentence naming its own parties, types, date."""
        return (
            self.sentence.field == "body",
            not self.describes,  # a sentence describing a deal never leads its evidence
            bool(self.own_parties),
            self.own_initiatives,
            not self.repeats and not self.item,
            self.own_date,
        )


class MentionReader:
    """Reads the event mentions of an article (compiled once per dictionary)."""

    def __init__(self, dictionary: EntityDictionary) -> None:
        self.dictionary = dictionary
        self.reader = Reader(dictionary)
        self.parties = PartyReader(dictionary)

    def mentions(
        self, tagged: TaggedArticle, language: str, grammar: Grammar
    ) -> list[EventMention]:
        sentences: list[Sentence] = []
        for field_name in ("title", "body"):
            text = tagged.field_text(field_name)
            if not text:
                continue
            in_field = [m for m in tagged.mentions if m.field == field_name]
            starts = [m.start for m in in_field]
            paragraph, last_end = (0, 0) if field_name == "title" else (1, 0)
            for span in sentence_spans_as_written(text, field_name):
                if field_name == "body" and _BLANK_LINE.search(text, last_end, span[0]):
                    paragraph += 1
                last_end = span[1]
                sentences += self._clauses(
                    text, span, in_field, starts, field_name, paragraph, grammar, language
                )
        context = _Context(tagged, sentences, self.parties, grammar)
        mentions: list[EventMention] = []
        for index, sentence in enumerate(sentences):
            # Two predicates telling different kinds of action are two mentions.
            predicates = predicate_stages(sentence, grammar)
            aims = None
            passing = told_in_passing(sentence, grammar) if len(predicates) == 1 else None
            if passing is not None:
                # The main predicate is dated by the words outside the deal told in passing.
                _, start, end = passing
                cue_at = sentence.tokens[0][sentence.cues[0].cue.first]
                main = (0, start) if cue_at < start else (end, len(sentence.text))
                predicates = [(predicates[0][0], *main), passing]
            elif len(predicates) == 1 and (aside := told_in_an_aside(sentence, grammar)):
                # `, which lent $38 million in 2019,`: an event of its own, when so dated
                main_stage, told, start, end = aside
                passing = (told, start, end)
                predicates = [(main_stage, 0, len(sentence.text)), passing]
            elif len(predicates) == 1 and (clause := told_in_a_time_clause(sentence, grammar)):
                # `Kcell said it would sell, a year after Beeline exited`: two events
                main_stage, told, start, end = clause
                cue_at = next(
                    sentence.tokens[0][read.cue.first]
                    for read in sentence.cues
                    if not start <= sentence.tokens[0][read.cue.first] < end
                )
                main = (0, start) if cue_at < start else (end, len(sentence.text))
                predicates = [(main_stage, *main), (told, start, end)]
            elif predicates == [("plan", 0, len(sentence.text))] and (
                aims := context.two_aims(index)
            ):
                predicates = [("plan", *aim) for aim in aims]  # two aims, two plans
            elif len(predicates) == 1 and (own := _clause_of_its_own(sentence, grammar)):
                # `The route was agreed in March, and the last cables were laid in May.`
                main_stage, told, end, start = own
                predicates = [(main_stage, 0, end), (told, start, len(sentence.text))]
            # Two deals of one stage told by two predicates: one deal per partner.
            own_partners = (
                predicate_partners(sentence, predicates)
                if len(predicates) == 2
                and predicates[0][0] == predicates[1][0]
                and predicates[0][0] in ("mou", "agreement")
                else []
            )
            for number, (stage, start, end) in enumerate(predicates):
                actors = context.actors(index)
                if not_an_event(sentence, stage, actors, grammar):
                    continue
                part = (start, end) if len(predicates) > 1 else None
                mention = (
                    context.mention(index, stage, part, passing is not None, aims is not None)
                    or context.aim_of_told(index, stage, part, mentions)
                    or context.deal_dated_apart(index, stage, mentions)
                )
                if mention is not None and passing is not None and stage == passing[0]:
                    # told in passing: an event only when dated by its own words
                    mention = mention if mention.own_date else None
                if mention is not None:
                    dated = _dated_by_its_deal(mention, mentions, grammar)
                    if own_partners:
                        mentions += [
                            told
                            for told in _one_per_actor(dated, [p for p in own_partners if p])
                            if told.partner == own_partners[number]
                        ]
                        continue
                    split = partners(sentence, stage, actors, grammar) or distributed_actors(
                        sentence, stage, actors, grammar
                    )
                    mentions += _one_per_actor(dated, split)
        return mentions

    def _clauses(
        self,
        text: str,
        span: tuple[int, int],
        mentions: list[Mention],
        starts: list[int],
        field_name: TextField,
        paragraph: int,
        grammar: Grammar,
        language: str,
    ) -> list[Sentence]:
        """A sentence, or its coordinated clauses when each has its own cue and opens on
        its own actor (`X signed a deal, and Y launched a service`): two events told in
        one sentence are two mentions."""

        def read(part: tuple[int, int]) -> Sentence:
            return self.reader.sentence(
                text, part, mentions, starts, field_name, paragraph, grammar, language
            )

        whole = read(span)
        # A condition governs every clause after it (`If A signs, B will build`).
        if whole.stage is None or set(whole.tokens[2]) & grammar.conditions:
            return [whole]
        actors = [m for m in whole.mentions if m.kind in ("organization", "country")]
        cuts: list[tuple[int, int]] = []  # (end of a clause, start of the next)
        referring: set[int] = set()  # starts of clauses opening on a reference (`it`)
        # Where each cue of the sentence stands: a clause's cues are those inside it.
        cue_starts = [whole.start + whole.tokens[0][read.cue.first] for read in whole.cues]
        for join in grammar.clause_join.finditer(text, span[0], span[1]):
            if _says_who_told_it(text, join, span[1], cue_starts, grammar):
                continue  # `, the Kazakh group said on Monday, its first purchase abroad`
            opener = next((m for m in actors if m.start >= join.end()), None)
            if opener is not None and _OPENER_WORDS.fullmatch(text, join.end(), opener.start):
                cuts.append((join.start(), join.end()))
            elif grammar.actor_pair.match(text, join.end()) or grammar.actor_reference.match(
                text, join.end()
            ):
                cuts.append((join.start(), join.end()))
                referring.add(join.end())
        if not cuts:
            return [whole]
        spans = list(
            zip(
                [span[0], *(after for _, after in cuts)],
                [*(before for before, _ in cuts), span[1]],
                strict=True,
            )
        )
        cued = [any(a <= at < b for at in cue_starts) for a, b in spans]
        # Each part must tell its own event: a cue of its own and an actor of its own.
        if all(cued) and len(whole.cues) > 1:
            parts = [read(part) for part in spans]
            kinds = {_FAMILY.get(part.stage or "", part.stage) for part in parts}
            if all(
                part.stage is not None
                and (
                    any(m.kind in ("organization", "country") for m in part.mentions)
                    # a clause opening on a reference (`, and it is in talks with …`) tells
                    # an action of its own only when of another kind than the others
                    or (part.start in referring and len(kinds) == len(parts))
                )
                for part in parts
            ):
                return parts
        return [_without_asides(whole, text, spans, cued, cuts, cue_starts[0], grammar)]


def _clause_of_its_own(
    sentence: Sentence, grammar: Grammar
) -> tuple[Stage, Stage, int, int] | None:
    """A clause joined by `, and`, `, but`, `, while` or `;` that opens on a subject of its
    own that is no actor (a determiner, or its cue itself: `; construction began a year
    later`) and tells another kind of action than the words before it, each with a cue of
    its own: (the first part's stage, the clause's, the first part's end, the clause's
    start). English: a Russian clause's subject is not told by its first word."""
    if "the" not in grammar.determiners or len(sentence.cues) < 2:
        return None
    starts, folded = sentence.tokens[0], sentence.tokens[2]
    for join in _CLAUSE_JOIN.finditer(sentence.text):
        start = join.end()
        first = next((i for i, at in enumerate(starts) if at >= start), None)
        if first is None:
            return None
        inside = [read for read in sentence.cues if read.cue.first >= first]
        outside = [read for read in sentence.cues if starts[read.cue.last - 1] < join.start()]
        if not inside or not outside:
            continue
        if folded[first] not in _SUBJECT_OPENERS and inside[0].cue.first != first:
            continue
        told = sentence_stage(inside, sentence.tokens, grammar)
        main = sentence_stage(outside, sentence.tokens, grammar)
        if told is None or main is None or _FAMILY.get(told, told) == _FAMILY.get(main, main):
            continue
        if _plan_noun_only(told, inside, folded, grammar) or _plan_noun_only(
            main, outside, folded, grammar
        ):
            continue  # `, and the programme has been stuck since`: a plan named, none told
        return main, told, join.start(), start
    return None


def _plan_noun_only(stage: Stage, cues: list[ReadCue], folded: list[str], grammar: Grammar) -> bool:
    """A plan told by nouns only (`programme`, `strategy`, `goal`): a plan named, none told."""
    nouns = grammar.weak_plans | _PLAN_NOUNS
    return stage == "plan" and all(
        set(folded[read.cue.first : read.cue.last]) <= nouns
        for read in cues
        if read.stage == "plan"
    )


def _without_asides(
    whole: Sentence,
    text: str,
    spans: list[tuple[int, int]],
    cued: list[bool],
    cuts: list[tuple[int, int]],
    cue_start: int,
    grammar: Grammar,
) -> Sentence:
    """A clause opening on an actor of its own with no cue tells nothing of the event
    (`…, while the EBRD declined to take part`): its actors are no parties, unless it says
    who told it (`…, the ministry said`). Only a clause joined after the cue by a
    conjunction (`, while`, `, and`) or `;`: a comma alone also sets off appositions and
    openings (`In May, the Tajik government …`)."""
    if not grammar.reporting:
        return whole
    starts, folded = whole.tokens[0], whole.tokens[2]
    aside = []
    for (a, b), has_cue, (before, after) in zip(spans[1:], cued[1:], cuts, strict=True):
        words = {w for w, at in zip(folded, starts, strict=True) if a <= whole.start + at < b}
        actors = [m for m in whole.mentions if m.kind != "initiative" and a <= m.start < b]
        if (
            not has_cue
            and a > cue_start
            and actors
            and _joins_clauses(text[before:after], grammar)
            and grammar.reporting.isdisjoint(words)
            and len(text[actors[-1].end : b].split()) >= _PREDICATE_WORDS
        ):
            aside.append((a, b))
    if not aside:
        return whole
    kept = [
        m
        for m in whole.mentions
        if m.kind == "initiative" or not any(a <= m.start < b for a, b in aside)
    ]
    return replace(whole, mentions=kept)


def _says_who_told_it(
    text: str, join: re.Match[str], end: int, cue_starts: list[int], grammar: Grammar
) -> bool:
    """A comma alone opening a clause that says who told the news, with no cue of its own
    up to the next comma (`…, the Kazakh financial group said on Wednesday, …`): an
    attribution, no clause telling an action of its own (`, its rival Tele2 said it would
    sell …` tells one)."""
    if _joins_clauses(join.group(), grammar):
        return False
    comma = text.find(",", join.end(), end)
    clause_end = comma if comma >= 0 else end
    if any(join.end() <= at < clause_end for at in cue_starts):
        return False
    return not grammar.reporting.isdisjoint(tokenize(text[join.end() : clause_end])[2])


def _joins_clauses(join: str, grammar: Grammar) -> bool:
    """A semicolon, or a conjunction (`, while`), not a comma alone (`, the`)."""
    return ";" in join or bool(set(tokenize(join)[2]) - grammar.determiners)


def _dated_by_its_deal(
    mention: EventMention, earlier: list[EventMention], grammar: Grammar
) -> EventMention:
    """A plan framed by a deal told before takes the deal's date (events/dating.py)."""
    date = date_of_its_deal(mention.sentence, mention.stage, mention.own_date, earlier, grammar)
    if date is None:
        return mention
    sources = {**mention.sources, "date": "context"}
    return replace(mention, date=date, date_basis="context", sources=sources)


def _one_per_actor(mention: EventMention, named: list[str]) -> list[EventMention]:
    """One mention per actor of `named`, each without the others."""
    if not named:
        return [mention]
    return [
        replace(
            mention,
            parties=[p for p in mention.parties if p.id == actor or p.id not in named],
            own_parties=mention.own_parties - (set(named) - {actor}),
            partner=actor,
        )
        for actor in named
    ]


class _Context:
    """What the sentences around a mention say: actors, types, dates."""

    def __init__(
        self,
        tagged: TaggedArticle,
        sentences: list[Sentence],
        party_reader: PartyReader,
        grammar: Grammar,
    ) -> None:
        self.tagged = tagged
        self.sentences = sentences
        self.grammar = grammar
        self.parties = ArticleParties(tagged, sentences, party_reader, grammar)
        self.dates = MentionDates(tagged, sentences, grammar)
        counts = Counter(m.entity for m in tagged.mentions if m.kind == "initiative")
        self.main_type = counts.most_common(1)[0][0] if counts else None
        # Found once: looked up for every sentence, they made long articles quadratic.
        self.title_types = next((_initiatives(s) for s in sentences if s.field == "title"), [])
        self.headlines = _headlines(tagged, sentences)  # told again by the lead
        self.lead = next(
            (
                i
                for i, read in enumerate(sentences)
                if read.field == "body" and i not in self.headlines
            ),
            None,
        )

    def mention(
        self,
        index: int,
        stage: Stage,
        part: tuple[int, int] | None = None,
        passing: bool = False,
        aim: bool = False,
    ) -> EventMention | None:
        """The mention of sentence `index` at `stage`; `part`: the span of the sentence's
        text its predicate stands in, when it has several (its date is read there);
        `passing`: one of them is a deal told in passing (`under contracts signed …`);
        `aim`: the part is one of a plan's two aims."""
        sentence = self.sentences[index]
        parties = self.parties.of_mention(index, self.dates.meeting())
        if part is not None and not passing:
            parties = self.parties.of_predicate(index, parties, part, aim)
        parties = self._with_role_holders(index, parties)
        bare = not parties.named and not _initiatives(sentence)
        if (
            bare
            and stage != "cancelled"
            and not self._refers_to_an_event(index, stage)
            and not _under_way(sentence, stage)
            and not (stage == "plan" and INTERNET_AT_LARGE.search(sentence.text))
        ):
            return None  # no actor, no type: too little to be an event
        date, basis, target = self.dates.date(index, stage, part)
        background = self._plan_of_another_year(stage, date, basis)
        initiatives, initiatives_source = self._initiatives(index, stage, background)
        if bare and basis == "sentence":
            # A halt naming nobody is the article's deal halted now when its words do not
            # date it (`The tender was declared invalid.`); dated, a past halt of something
            # else (`The border was closed in March 2020.`).
            return None
        refers_back = bool(self.grammar.event_reference.match(sentence.text))
        with_others = stage == "talks" and _talks_with_others(sentence, self.grammar)
        told_on = stage == "talks" and not with_others and _talks_told_on(sentence, self.grammar)
        forum = told_on and _attendees_talk(sentence, self.grammar)
        headline = sentence.field == "title" or index in self.headlines
        return EventMention(
            sentence=sentence,
            order=index,
            stage=stage,
            parties=parties.parties,
            initiatives=initiatives,
            date=date,
            date_basis=basis,
            target=target,
            amounts=find_amounts(sentence.text) if _DIGIT.search(sentence.text) else [],
            sources={
                "parties": parties.source,
                "initiatives": initiatives_source,
                "date": date_source(basis, sentence),
            },
            own_parties=parties.own,
            own_initiatives=initiatives_source == "sentence",
            own_date=basis == "sentence",
            repeats=headline or refers_back or told_on,
            told_on=told_on,
            with_others=with_others,
            forum=forum,
            refers_back=refers_back,
            headline=headline,
            lead=index == self.lead,
            item=bool(_LIST_ITEM.match(sentence.text)) or sentence.text.rstrip().endswith(";"),
            describes=describes_a_deal(sentence, self.grammar),
            separate=bool(self.grammar.separate.match(sentence.text)),
            approves=_approves(sentence, stage, self.grammar),
            under_deal=bool(self.grammar.deal_frame.match(sentence.text)),
            ordinal=bool(self.grammar.ordinal.match(sentence.text)),
            long_ago=self.grammar.ago in sentence.text
            and bool(self.grammar.long_ago.match(sentence.text)),
            generic_deal=self._names_a_deal(index, stage),
            aim_unresolved=stage == "plan" and target is None and self._aim_unresolved(sentence),
        )

    def _with_role_holders(self, index: int, parties: MentionParties) -> MentionParties:
        """A sentence naming no organisation but a party by the role a deal told before
        gave it (`The new owner intends to build …`, `победители обязаны запустить …`):
        the companies that took the role in the nearest step told before giving it, beside
        the sentence's countries."""
        sentence = self.sentences[index]
        role = role_named(sentence.text)
        if role is None or any(a.kind == "organization" for a in self.actors(index)):
            return parties
        organizations = self.parties.organizations
        for back in range(index - 1, max(-1, index - 1 - _ROLE_REACH), -1):
            told = self.sentences[back]
            named = [
                (actor, org)
                for actor in self.actors(back)
                if actor.kind == "organization" and (org := organizations.get(actor.entity))
            ]
            if holders := role_holders(role, told.text, told.start, named):
                countries = [p for p in parties.parties if p.kind == "country"]
                if self.grammar.duties & set(sentence.tokens[2]):
                    countries = []  # a duty imposed: the obliged companies' own plan
                found = [organization_party(org, "context") for org in holders]
                return replace(parties, parties=countries + found, source="context", named=True)
        return parties

    def _aim_unresolved(self, sentence: Sentence) -> bool:
        """Whether a plan writes a time to come its undated article cannot resolve."""
        return self.dates.published is None and bool(_TIME_TO_COME.search(sentence.text))

    def _plan_of_another_year(
        self, stage: Stage, date: PartialDate | None, basis: DateBasis | None
    ) -> bool:
        """Whether a plan's own words date it, to its year or month, in another year than
        the article's (`In 2020, the country approved a strategy` in a 2023 article): an
        earlier plan, not the story whose types the title and the article's main type name.
        Not a day (`said on December 30` in an article of 2 January is the news), nor other
        stages: an earlier memorandum or contract is as a rule a step of the article's deal."""
        published = self.dates.published
        return bool(
            stage == "plan"
            and published
            and date
            and basis == "sentence"
            and date.day is None
            and date.year != published.year
        )

    def _refers_to_an_event(self, index: int, stage: Stage) -> bool:
        """A deal, work, launch or plan opening on a reference to an event (`Under the
        contracts, networks will be developed …`): that event told again, naming nobody.
        Not talks: talks referred to with nobody named (`The discussions centred on …`)
        tell nothing the meeting told did not."""
        return stage != "talks" and bool(
            self.grammar.event_reference.match(self.sentences[index].text)
        )

    def two_aims(self, index: int) -> list[tuple[int, int]] | None:
        """A plan sentence telling two aims, each with a target of its own, in clauses
        joined by a conjunction, `with` or `;` (not after a colon): `The tender will be held
        in 2026, and the network should reach every village by 2028` is two plans. The
        spans of the two clauses, else None."""
        sentence = self.sentences[index]
        text = sentence.text
        if len(_YEARISH.findall(text)) < 2:
            return None  # two targets need two dates (a cheap test first)
        for join in self.grammar.aim_join.finditer(text):
            first, second = (0, join.start()), (join.end(), len(text))
            if ":" in text[: join.start()]:
                continue  # the list a colon opens (`two tranches: $29m by March and …`)
            if (
                self.dates.date(index, "plan", first)[2] is not None
                and self.dates.date(index, "plan", second)[2] is not None
            ):
                return [first, second]
        return None

    def _names_a_deal(self, index: int, stage: Stage) -> bool:
        return stage in ("mou", "agreement") and bool(
            self.grammar.deal_reference.match(self.sentences[index].text)
        )

    def deal_dated_apart(
        self, index: int, stage: Stage, told: list[EventMention]
    ) -> EventMention | None:
        """A deal signed, work done or a launch dated by its own words, naming no actor and no
        type (`The contract was signed back in 2017.`, `Construction of the facility began
        in May 2022.`): a step of the deal told just before (within reach), with its parties
        and types (no types when it names internet brought to people); else of the
        article's parties. Not talks, plans or halts: a date alone
        does not make `a public discussion` talks or `the border was closed` a halt."""
        if stage not in _DATED_APART or self.dates.date_of(index) is None:
            return None
        last = next((m for m in reversed(told) if m.own_parties), None)
        if last is not None and index - last.order > _REACH:
            last = None
        parties, initiatives = self._of_told(index, stage, last)
        return self._borrowing(index, stage, parties, initiatives, self.dates.date(index, stage))

    def aim_of_told(
        self, index: int, stage: Stage, part: tuple[int, int] | None, told: list[EventMention]
    ) -> EventMention | None:
        """A plan naming no actor and no type that sets a target of its own (`The cable is
        due to be completed in 2026`) sets the aim of what was told just before (within
        reach, in the body; an organisation named between, doing nothing told, does not
        stop it): it takes that mention's parties and types (no types when it names internet
        brought to people, `to give internet access to 500 villages by 2027`). With nothing
        told within reach, a target of its own still makes it an aim (`The first stage will
        be carried out in 2026-2027`): of the nearest earlier mention (not talks) naming an
        organisation of its own, else of the article's parties with the types of its
        context."""
        if stage != "plan":
            return None
        date, basis, target = self.dates.date(index, stage, part)
        sentence = self.sentences[index]
        if target is None and not self._aim_unresolved(sentence):
            return None
        last = next((m for m in reversed(told) if m.stage != "talks" and m.own_parties), None)
        if last is None or index - last.order > _REACH or last.sentence.field != sentence.field:
            last = next(
                (
                    m
                    for m in reversed(told)
                    if m.stage != "talks"
                    and m.sentence.field == sentence.field
                    and _names_an_organisation(m)
                ),
                None,
            )
        parties, initiatives = self._of_told(index, stage, last)
        mention = self._borrowing(index, stage, parties, initiatives, (date, basis, target))
        mention.separate = bool(self.grammar.separate.match(sentence.text))
        mention.aim_unresolved = target is None
        return mention

    def _of_told(
        self, index: int, stage: Stage, told: EventMention | None
    ) -> tuple[list[Party], list[str]]:
        """The parties and types a mention naming no actor and no type borrows: those of the
        mention `told` it continues (no types when it names internet brought to people);
        with none, the article's parties and the types of its context."""
        if told is None:
            parties = self.parties.of_mention(index, self.dates.meeting()).parties
            return parties, self._initiatives(index, stage)[0]
        parties = [p.model_copy(update={"source": "context"}) for p in told.parties]
        at_large = _names_internet_at_large(self.sentences[index], stage, self.grammar)
        return parties, [] if at_large else told.initiatives

    def _borrowing(
        self,
        index: int,
        stage: Stage,
        parties: list[Party],
        initiatives: list[str],
        dated: tuple[PartialDate | None, DateBasis | None, PartialDate | None],
    ) -> EventMention:
        """A mention whose parties and types come from its context (what was told before)."""
        sentence = self.sentences[index]
        date, basis, target = dated
        return EventMention(
            sentence=sentence,
            order=index,
            stage=stage,
            parties=parties,
            initiatives=initiatives,
            date=date,
            date_basis=basis,
            target=target,
            amounts=find_amounts(sentence.text) if _DIGIT.search(sentence.text) else [],
            sources={
                "parties": "context",
                "initiatives": "context",
                "date": date_source(basis, sentence),
            },
            own_date=basis == "sentence",
            ordinal=bool(self.grammar.ordinal.match(sentence.text)),
            generic_deal=self._names_a_deal(index, stage),
            long_ago=date is None and self.dates.published is not None,
        )

    def actors(self, index: int) -> list[Actor]:
        return self.parties.actors(index)

    # --- initiative types --------------------------------------------------------------

    def _initiatives(
        self, index: int, stage: Stage, background: bool = False
    ) -> tuple[list[str], FieldSource]:
        """The sentence's types; else those its organisations' business is; else none, read
        from the sentence, when it names internet or communication brought to people
        (`internet access`): it says what it is about; else those of
        the nearest earlier sentence of the same paragraph (within reach); else those of the
        next sentence of the same paragraph; else the title's; else the article's main type,
        unless the sentence tells a share sale (`sold its stake in …`): a company changing
        owners is not the article's network work; else none. A sentence opening on another
        story (`Separately, …`, `On the same day, …`, `Ранее сообщалось, …`) takes neither
        the title's types nor the main type: they are the article's story, not its; nor
        does a plan its own words date in another year than the article's (`background`)."""
        sentence = self.sentences[index]
        own = _initiatives(sentence) or self.parties.implied_types(index)
        if own:
            return own, "title" if sentence.field == "title" else "sentence"
        if _names_internet_at_large(sentence, stage, self.grammar):
            return [], "sentence"
        for back in range(index - 1, max(-1, index - 1 - _REACH), -1):
            earlier = self.sentences[back]
            if earlier.field != sentence.field or earlier.paragraph != sentence.paragraph:
                break
            if found := _initiatives(earlier):
                return found, "context"
        for ahead in range(index + 1, min(len(self.sentences), index + 1 + _AHEAD)):
            later = self.sentences[ahead]
            if later.field != sentence.field or later.paragraph != sentence.paragraph:
                break
            if found := _initiatives(later):
                return found, "context"
        if (
            background
            or self.grammar.separate.match(sentence.text)
            or _ANOTHER_STORY.match(sentence.text)
        ):
            return [], "context"
        if self.title_types:
            return self.title_types, "title"
        if self.main_type is not None and not _SHARE_WORDS.intersection(sentence.tokens[2]):
            return [self.main_type], "context"
        return [], "context"


def _under_way(sentence: Sentence, stage: Stage) -> bool:
    """Talks or work naming nobody whose words tell where they stand now (`Negotiations on
    the project have already been completed`, `Discussions are currently underway`, `Works
    on the second stage are now being carried out`, Russian `вопрос находится на стадии
    обсуждения`): the article's talks or work, told as news. Not a question (`Which one has
    already been implemented?`): it asks, it tells nothing; nor a word that is the cue
    itself (`Measures are underway to expand capacity`)."""
    if stage not in ("talks", "deployment") or sentence.text.rstrip().endswith("?"):
        return False
    starts, ends, _ = sentence.tokens
    cued = [(starts[a], ends[b - 1]) for read in sentence.cues for a, b in read.cue.parts if b > a]
    return any(
        not any(a < found.end() and found.start() < b for a, b in cued)
        for found in _NOW_WORDS.finditer(sentence.text)
    )


def _names_an_organisation(mention: EventMention) -> bool:
    return any(p.kind != "country" and p.id in mention.own_parties for p in mention.parties)


def _approves(sentence: Sentence, stage: Stage, grammar: Grammar) -> bool:
    """An agreement whose every agreement cue is an approval (`approved by the regulator`)."""
    folded = sentence.tokens[2]
    cues = [read.cue for read in sentence.cues if read.stage == "agreement"]
    return (
        stage == "agreement"
        and bool(cues)
        and all(
            any(folded[i] in grammar.approvals for a, b in cue.parts for i in range(a, b))
            for cue in cues
        )
    )


def _names_internet_at_large(sentence: Sentence, stage: Stage, grammar: Grammar) -> bool:
    """The sentence names internet or communication brought to people as what its event is
    about (`internet access`, `communication services`): no type; unless it tells more of
    talks told before (`The sides discussed internet access for schools`), whose topic the
    meeting's other sentences name."""
    return bool(INTERNET_AT_LARGE.search(sentence.text)) and not (
        stage == "talks" and _talks_told_on(sentence, grammar)
    )


def _talks_told_on(sentence: Sentence, grammar: Grammar) -> bool:
    """A talks cue right after a reference to those who met (`Delegates discussed`, `the
    sides discussed`), or after `also` in a sentence naming no organisation (`the
    ministers also discussed`): more told of a meeting, not another one."""
    folded = sentence.tokens[2]
    names_one = any(m.kind == "organization" for m in sentence.mentions)
    return any(
        read.stage == "talks"
        and read.cue.first > 0
        and (word := folded[read.cue.first - 1]) in grammar.talks_told_on
        and (word not in grammar.told_on_adverbs or not names_one)
        for read in sentence.cues
    )


def _talks_with_others(sentence: Sentence, grammar: Grammar) -> bool:
    """A talks cue whose partners are others than those told: a partner's preposition
    (`with`, `to`; Russian `с`) ending the cue or right after it, no punctuation between,
    then `other` at most three words on, no organisation named between (`is also in talks
    to ministers from other countries`, `ведет переговоры с другими операторами`). Not
    `discussed cooperation with other operators` (the topic's partners: the sides may
    tell more of the meeting so), `discussed other projects` (a topic), `talks with
    Huawei on other projects`, `talks with each other` or `with the other side` (those
    told): other talks, never the meeting told on."""
    starts, ends, folded = sentence.tokens
    named = [m.start - sentence.start for m in sentence.mentions if m.kind == "organization"]
    for read in sentence.cues:
        if read.stage != "talks":
            continue
        own = read.cue.last - 1  # the cue's own preposition too (`talking to`)
        for at in range(own, min(own + 2, len(folded))):
            if folded[at] not in grammar.partner_prepositions or (
                at > own and sentence.text[ends[own] : starts[at]].strip()
            ):
                continue
            ahead = folded[at + 1 : at + 1 + _OTHER_AFTER_PREPOSITION]
            other = next((k for k, word in enumerate(ahead) if word in grammar.others), None)
            if other is None:
                continue
            word = at + 1 + other
            noun = folded[word + 1] if word + 1 < len(folded) else ""
            if folded[word - 1] in grammar.reciprocal_openers or noun in grammar.counterpart_nouns:
                continue
            if not any(starts[at] <= position < starts[word] for position in named):
                return True
    return False


def _attendees_talk(sentence: Sentence, grammar: Grammar) -> bool:
    """A talks cue right after a gathering's attendees (`Participants discussed AI`,
    `Участники обсудили …`), no organisation named: a forum's discussion, no talks of its
    own."""
    folded = sentence.tokens[2]
    return not any(m.kind == "organization" for m in sentence.mentions) and any(
        read.stage == "talks"
        and read.cue.first > 0
        and folded[read.cue.first - 1] in grammar.attendees
        for read in sentence.cues
    )


def _headlines(tagged: TaggedArticle, sentences: list[Sentence]) -> set[int]:
    """The body's headline lines: lines of their own that close no sentence, before the
    body's first sentence that does (a page's headline, repeated by its lead)."""
    text = tagged.field_text("body")
    found: set[int] = set()
    body = [index for index, sentence in enumerate(sentences) if sentence.field == "body"]
    for index in body:
        sentence = sentences[index]
        if sentence.text.rstrip()[-1:] in _SENTENCE_END:
            break
        opens_a_line = index == body[0] or text[sentence.start - 1] == "\n"
        if opens_a_line and text[sentence.end : sentence.end + 1] in ("", "\n"):
            found.add(index)
    return found


# Openings of another story than the article's, besides the grammar's `separate`: an event
# of the same day, or one reported before (`Earlier it was reported`).
_ANOTHER_STORY = LazyPattern(
    r"^\W*(?:on\s+the\s+same\s+day|в\s+тот\s+же\s+день|ранее\s+сообщалось)\b", re.IGNORECASE
)
# Words telling where talks or work stand now (`already`, `currently underway`, Russian
# `уже`, `сейчас`, `на стадии`).
_NOW_WORDS = LazyPattern(
    r"\b(?:already|currently|now|underway|under\s+way)\b"
    r"|(?<!\w)(?:уже|сейчас|в\s+данный\s+момент|на\s+стадии)(?!\w)",
    re.IGNORECASE,
)
# The words of a share sale (Russian `акций`: `49% акций`, `пакет акций`); not the
# Russian `доля`, which is as often a market share.
_SHARE_WORDS = frozenset({"stake", "stakes", "shares", "shareholding", "акций"})


def _initiatives(sentence: Sentence) -> list[str]:
    return list(dict.fromkeys(m.entity for m in sentence.mentions if m.kind == "initiative"))
