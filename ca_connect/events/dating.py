"""The date of each event mention: its own sentence's, the next sentence's, the meeting's
(the news date), its deal's, or the publication date. Rules in docs/events.md ->
Dates; the date expressions themselves are read by ca_connect.dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ..dates import (
    EventDate,
    counted_ahead,
    counted_back,
    dated_vaguely,
    dateline_day,
    dateline_year,
    resolve_event_date,
    tells_a_move,
    trailing_apposition,
    yearless_dateline,
)
from ..dates.events import said_on
from ..dates.russian import DATE_WORDS
from ..lazy_pattern import LazyPattern
from ..models import DateBasis, PartialDate, Stage, TaggedArticle
from .grammar import Grammar
from .sentence import DEALS, Sentence

# The news date: a day the lead dates within this many days before publication.
_NEWS_DAYS = 7
_LEAD = 3  # the lead: the first sentences of the body
_SIGNED = ("mou", "agreement")  # the stages of a document signed
# An approval told again as the decision behind it (`The relevant decision was taken on
# Tuesday by the commission.`, `Соответствующее решение во вторник приняла комиссия.`).
# The decision may be named by what it decided (`The decision to scrap the deal was made
# in July.`, «Решение об отказе от контракта совет директоров принял в июле»).
_DECISION = LazyPattern(
    r"^\W*(?:the|this|that|the\s+relevant|the\s+corresponding)\s+decision"
    r"(?:\s+(?:to|on|about|of)\s+[^,;.]{1,60}?)?\s+was\s+"
    r"(?:\w+ly\s+)?(?:taken|made|adopted)\b"
    r"|^\W*(?:(?:соответствующее|это|данное|такое)\s+)?решение\b.{0,60}?\bприня(?:л|ла|ло|ли|то)\b",
    re.IGNORECASE,
)
# A document told as signed (`The memorandum was signed on …`, `Документ подписан …`).
_SIGNING = LazyPattern(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:signed|concluded"
    r"|inked)\b|\bподписан[аоы]?\b",
    re.IGNORECASE,
)
# A plan told as the meeting's own (`The sides plan to …`, `Following the talks, …`) or as
# said there (`the official proposed to …`); any other plan (`Kcell wants …`) is an
# intention held when the article was written, and so is one told to the press (`told
# reporters`, `told Reuters that`, «сообщил агентству»).
_TO_THE_PRESS = (
    r"(?!\s+(?:reporters|journalists|correspondents?|the\s+(?:press|media|agency|newspaper)"
    r"|(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?\s+that|агентству|журналистам|изданию"
    r"|корреспонденту|газете|«)\b)"
)
_AT_THE_MEETING = LazyPattern(
    r"^\W*(?:(?:the|both)\s+(?:two\s+)?(?:sides|parties)\b|under\s+the\b"
    r"|(?:following|after|at|during)\s+the\s+(?:meeting|talks|negotiations|visit)\b"
    r"|(?:обе\s+)?стороны\b|по\s+итогам\b|в\s+ходе\b)"
    rf"|\b(?:said|told{_TO_THE_PRESS}|announced|noted|stated|added|proposed|suggested|called"
    r"|expressed|stressed|emphasi[sz]ed|highlighted|pledged|offered|agreed|discussed|confirmed"
    rf"|сообщил\w*{_TO_THE_PRESS}|заявил\w*|отметил\w*|предложил\w*|подчеркнул\w*|выразил\w*"
    r"|обсудили|договорились)\b",
    re.IGNORECASE,
)
# A visit to work under way (`The delegation visited schools connected to Starlink.`): the
# visit's day dates the visit, not the work it saw.
# A time told by pointing back (`at that time`, `on the same day`, «в тот же день»,
# `simultaneously`, `at the same ceremony`, `along with the contract`, «одновременно»).
_THEN = LazyPattern(
    r"\b(?:at\s+(?:that|the)\s+time|(?:on\s+)?(?:that|the\s+same)\s+day|simultaneously"
    r"|at\s+the\s+same\s+(?:time|ceremony|meeting|event)"
    r"|(?:along|together)\s+with\s+the\s+(?:contract|agreement|memorandum|loan|deal)"
    r"|в\s+(?:то\s+время|тот\s+(?:же\s+)?день)|тогда\s+же|одновременно"
    r"|на\s+(?:той\s+же|этой\s+же)\s+(?:встрече|церемонии)"
    r"|вместе\s+с\s+(?:контракт|договор|соглашени|меморандум|кредит)\w*)\b",
    re.IGNORECASE,
)
# A deal's terms told (`The document provides for …`, `The licence terms require …`,
# «Документ предусматривает …»): a plan told in them or right after is one of its terms.
_TERMS = LazyPattern(
    r"^\W*(?:the|this|its)\s+(?:\w+\s+)?(?:document|agreement|memorandum|contract|deal|licen[cs]e"
    r"|loan)(?:['’]s)?(?:\s+terms)?\s+(?:provides|envisages|stipulates|requires|require"
    r"|foresees|calls\s+for|sets\s+out|commits|obliges)\b"
    r"|^\W*(?:документ|соглашение|меморандум|контракт|договор)\w*\s+(?:также\s+)?"
    r"(?:предусматрива|обязыва)",
    re.IGNORECASE,
)
# A plan told under a deal's terms (`Under the terms of the agreement, …`, «По условиям
# соглашения, …»): the kind of deal named.
_UNDER_TERMS = LazyPattern(
    r"^\W*(?:under|according\s+to|in\s+line\s+with)\s+the\s+terms\s+of\s+the\s+(?:\w+\s+)?"
    r"(?P<kind>document|agreement|memorandum|contract|deal|loan)\b"
    r"|^\W*(?:по\s+условиям|согласно\s+условиям|в\s+соответствии\s+с\s+условиями)\s+"
    r"(?:\w+\s+)?(?P<ru>документ|соглашени|меморандум|контракт|договор)",
    re.IGNORECASE,
)
_MEMORANDUM = ("memorandum", "меморандум")
# `According to the ministry, …`: a source told, not a deal's terms (`According to the
# agreement, …` frames the plan in the deal).
_ATTRIBUTION = LazyPattern(
    r"^\W*according\s+to\s+(?![^,;]*\b(?:agreement|memorandum|contract|deal|loan|terms"
    r"|document)\b)",
    re.IGNORECASE,
)
# The occasion the lead tells, named again (`said at the ceremony`, «на церемонии»).
_AT_THE_OCCASION = LazyPattern(
    r"\b(?:at|during)\s+the\s+(?:ceremony|meeting|signing|event|launch\s+event)\b"
    r"|\bon\s+the\s+sidelines\b|\bна\s+(?:церемонии|встрече)\b|\bв\s+ходе\s+(?:церемонии|встречи)\b",
    re.IGNORECASE,
)
# What the sides of the talks or deal just told did (`The sides also discussed …`,
# «Стороны обсудили …»): told at that time.
_THE_SIDES = LazyPattern(
    r"^\W*(?:(?:the|both)\s+(?:two\s+)?(?:sides|parties)|(?:обе\s+)?стороны)\b", re.IGNORECASE
)
# A plan's start told before its target (`digging will begin in April`, «приступить весной»):
# the target is the end told after it, when the sentence tells one.
_STARTED = LazyPattern(
    r"\b(?:start|starts|begin|begins|commence|commences|kick\s+off|get\s+under\s+way"
    r"|начать|начнут|начнется|начнётся|начнутся|стартовать|стартует|стартуют|приступить"
    r"|приступят)\b(?:\s+[^\s,;.]+){0,4}?\s*$",
    re.IGNORECASE,
)
_START_REACH = 60  # characters before a date _STARTED is sought in: its verb and four words
# A briefing told (`The president was informed that …`, «министру доложили»): what it tells
# was reported at the meeting.
_BRIEFED = LazyPattern(
    r"\b(?:was|were)\s+(?:informed|briefed|told|updated)\b|\bдолож\w*|\bпроинформир\w*",
    re.IGNORECASE,
)
_VISIT = LazyPattern(r"\b(?:visited|toured|inspected|посетил[аи]?|осмотрел[аи]?)\b", re.IGNORECASE)
# A clause set in a sentence by a word of time (`after talks that started in June 2024`,
# `before the lender withdrew its offer`): one telling the event holds its date.
_TIME_CLAUSE = LazyPattern(r"\b(?:after|before|until|once|после|до\s+того\s+как)\b", re.I)
# A clause of time telling something else (`has laid 9,000 km since it entered the market
# in 2023`): its opening word and a verb of its own before the date (`since 2021` is the
# event's start, `before the end of 2025` a target: no verb).
_TIME_CLAUSE_OPENING = LazyPattern(r"\b(?:after|before|until|once|since)\b", re.I)
_CLAUSE_VERB = LazyPattern(
    r"\b(?:[a-z]+ed|was|were|is|are|had|has|have|began|begun|won|took|came|became|made"
    r"|put|got|went|ran|left|set)\b",
    re.I,
)
# A clause of time telling the start of the work under way (`since digging began in October
# 2024`, `since the barge arrived in May`): its date is the work's.
_WORK_BEGUN = LazyPattern(
    r"\b(?:began|begun|started|commenced|arrived|kicked\s+off|got\s+under\s*way)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = LazyPattern(r"[,;:–—]|\.(?:\s|$)")
_CLAUSE_END = LazyPattern(r"[;:–—]|\.(?:\s|$)")  # asides included: `, published in 2023,`
# A `, which …,` aside (a comma inside a number, `2,300`, does not close it).
_ASIDE = LazyPattern(
    r",\s+(?:which|who|когда|котор(?:ый|ая|ое|ые|ую|ой|ого|ом|ым|ыми|ых))\b(?:[^,]|(?<=\d),(?=\d))*"
    r",(?!\d)"
)
# A `, which …` clause ending the sentence (`…, which replaced ZTE in 2023.`, «…, которая в
# 2023 году заменила ZTE.»): like an aside, it dates only what it tells.
_TRAILING_CLAUSE = LazyPattern(
    r",\s+(?:which|who|когда|который|которая|которое|которые|которой|которого|котором"
    r"|которым)\b(?:[^,]|(?<=\d),(?=\d))*$"
)
# A deal told in passing under which, or with whose money, work is done (`The survey,
# done by Huawei under a contract awarded in January, is under way.`, `The line is
# built with a loan from the Asian Development Bank signed in 2023.`): its date is the deal's.
_DEAL_IN_PASSING = LazyPattern(
    r"\b(?:under|with|through)\s+(?:a|an|the|its|their)\s+(?:[\w$.-]+\s+){0,3}?(?:contract"
    r"|agreement|deal|memorandum|loan|credit|grant|licen[cs]e)"
    r"(?:\s+(?:from|with|of|between)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w&.-]*\s+(?:and\s+)?){1,5}?)?"
    r"\s*(?:\w+ly\s+)?[a-z]+ed\s+(?:in|on|at|during|last|this|earlier)\b[^,;]*",
    re.IGNORECASE,
)
_PASSING_WORD = LazyPattern(r"\b(?:under|with|through)\b", re.IGNORECASE)
# What a sentence needs to hold a date at all (a cheap test before reading).
_DATE_HINT = LazyPattern(
    r"\d(?:\d\d\d|[./]\d)|day\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
    r"|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|tonight|week|month"
    r"|year|ago|quarter|spring|summer|autumn|fall|morning|afternoon|evening|night|weekend)\b",
    re.IGNORECASE,
)
# _DATE_HINT for a text in lower case (its words are): in an ASCII text, the letters the
# flag folds are exactly those str.lower folds.
_DATE_HINT_FOLDED = LazyPattern(_DATE_HINT.pattern)
# Any Cyrillic letter: every letter DATE_WORDS matches, in any case, is one.
_CYRILLIC = LazyPattern("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")


def _time_clause(sentence: Sentence, stage: Stage) -> tuple[int, int] | None:
    """The span of the clause of time (`after …`, `before …`) the sentence's cue of
    `stage` stands in, up to the clause's end; None when the cue is in the main clause."""
    cue_at = _cue_at(sentence, stage)
    if cue_at is None:
        return None
    text = sentence.text
    opening = _last_match(_TIME_CLAUSE, text, cue_at)
    if opening is None or _CLAUSE_BREAK.search(text, opening.start(), cue_at):
        return None
    end = _CLAUSE_END.search(text, cue_at)
    return opening.start(), end.start() if end else len(text)


def _cue_at(sentence: Sentence, stage: Stage) -> int | None:
    """Where the sentence's first cue of `stage` begins, if it has one."""
    read = next((r for r in sentence.cues if r.stage == stage), None)
    return None if read is None else sentence.tokens[0][read.cue.first]


def _last_match(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """The last match of `pattern` in `text` before `end`."""
    matches = list(pattern.finditer(text, 0, end))
    return matches[-1] if matches else None


# A clause of time telling what came first: `after …`, «после того, как …», «после …».
_AFTER = LazyPattern(r"\bafter\b|\bпосле\s+того,?\s+как\b|\bпосле\b", re.IGNORECASE)
_PAST_MAIN = LazyPattern(
    r"\b(?:had|was|were|[a-z]+ed|пришлось|был[аои]?|[а-яё]+(?:ла|ло|ли|лся|лась|лось|лись))\b",
    re.IGNORECASE,
)


def _told_before_a_past_action(sentence: Sentence, stage: Stage) -> bool:
    """Whether the sentence's cue of `stage` stands in an `after …` clause set after a main
    clause told in the past (`Its financing had to be rebuilt after a planned loan fell
    through.`, «Сеть пришлось перепроектировать после того, как контракт был расторгнут.»):
    what came before a past action the sentence does not date is background."""
    cue_at = _cue_at(sentence, stage)
    if cue_at is None:
        return False
    text = sentence.text
    opening = _last_match(_AFTER, text, cue_at)
    if opening is None or _CLAUSE_BREAK.search(text, opening.end(), cue_at):
        return False
    return _PAST_MAIN.search(text, 0, opening.start()) is not None


def _clause_of_time_holding(sentence: Sentence, stage: Stage, at: int) -> tuple[int, int] | None:
    """The span of a clause of time with a verb of its own (`since it entered the market in
    2023`, `after the regulator approved it in May`) holding the date at `at`, to the
    clause's end, when the sentence's cue of `stage` stands outside it; else None."""
    text = sentence.text
    opening = _last_match(_TIME_CLAUSE_OPENING, text, at)
    if (
        opening is None
        or _CLAUSE_BREAK.search(text, opening.end(), at)
        or not _CLAUSE_VERB.search(text, opening.end(), at)
    ):
        return None
    if (
        stage == "deployment"
        and opening.group().lower() == "since"
        and _WORK_BEGUN.search(text, opening.end(), at)
    ):
        return None  # `has laid 300 km since digging began in October 2024`: the work's start
    read = next((r for r in sentence.cues if r.stage == stage), None)
    end = _CLAUSE_END.search(text, at)
    span = opening.start(), end.start() if end else len(text)
    if read is None or span[0] <= sentence.tokens[0][read.cue.first] < span[1]:
        return None
    return span


def _done_trailing_clause(text: str, published: PartialDate | None) -> tuple[int, int] | None:
    """The span of the `, which …` clause ending `text` when it writes a date told as done
    (`…, which received a licence last year.`); None otherwise (`…, which will build the
    network by 2026.` tells a plan's aim)."""
    clause = _TRAILING_CLAUSE.search(text)
    if clause is None:
        return None
    dated = resolve_event_date(_only(text, clause.span()), published)
    return clause.span() if dated is not None and not dated.planned else None


def _holds_the_cue(sentence: Sentence, stage: Stage, span: tuple[int, int]) -> bool:
    read = next((r for r in sentence.cues if r.stage == stage), None)
    return read is not None and span[0] <= sentence.tokens[0][read.cue.first] < span[1]


def _aside_holding_the_cue(sentence: Sentence, stage: Stage) -> tuple[int, int] | None:
    """The span of the `, which …,` aside every cue of `stage` in the sentence stands in
    (`Ericsson, which switched on 5G in December 2022, will …`): the aside tells that event
    (`EDB, which lent $38 million in 2019, said it agreed to extend the loan` does not)."""
    cues = [sentence.tokens[0][r.cue.first] for r in sentence.cues if r.stage == stage]
    if not cues:
        return None
    for aside in _ASIDE.finditer(sentence.text):
        if all(aside.start() < at < aside.end() for at in cues):
            return aside.span()
    return None


# A break between two clauses of one sentence (`…, and the two signed …`, `; `).
_CLAUSES_JOINED = LazyPattern(r",\s+(?:and|but|while|whereas|а|но|и)\s|;\s")


def _cue_clause_start(sentence: Sentence, stage: Stage, after: int) -> int | None:
    """Where the clause holding the sentence's cue of `stage` begins, when a joined clause
    break stands between `after` and the cue (`The project was first discussed in 2019, and
    the two signed a memorandum in February last year.`); else None."""
    read = next((r for r in sentence.cues if r.stage == stage), None)
    if read is None:
        return None
    cue_at = sentence.tokens[0][read.cue.first]
    breaks = [m.end() for m in _CLAUSES_JOINED.finditer(sentence.text, after, cue_at)]
    return breaks[-1] if breaks else None


# A relative clause with its own subject and past verb (`the programme it agreed with
# Cybernetica two years ago`, `the loan that they signed in 2021`); not one whose subject
# is the event (`the construction of which started on 23 February`).
_RELATIVE_OPENING = LazyPattern(
    r"(?<!\bof\s)(?<!\bin\s)(?<!\bby\s)(?<!\bto\s)(?<!\bfor\s)(?<!\bunder\s)(?<!\bwith\s)"
    r"\b(?:that|which|it|they|he|she|we)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:[a-z]+ed|signed|won|made|struck|built|began|took|got)\b",
    re.IGNORECASE,
)


def _relative_clause_holding(sentence: Sentence, stage: Stage, at: int) -> tuple[int, int] | None:
    """The span of a relative clause after the sentence's cue of `stage` (`has abandoned
    the programme it agreed with Cybernetica two years ago`) holding the date at `at`, to
    the clause's end: that date is the clause's action's, not the event's; else None."""
    read = next((r for r in sentence.cues if r.stage == stage), None)
    if read is None:
        return None
    text, cue_at = sentence.text, sentence.tokens[0][read.cue.first]
    opening = None
    for match in _RELATIVE_OPENING.finditer(text, cue_at + 1, at):
        opening = match
    if opening is None or _CLAUSE_BREAK.search(text, opening.end(), at):
        return None
    end = _CLAUSE_BREAK.search(text, at)
    return opening.start(), end.start() if end else len(text)


def _without(text: str, span: tuple[int, int]) -> str:
    """`text` with `span` blanked (offsets kept)."""
    start, end = span
    return text[:start] + " " * (end - start) + text[end:]


def _blank(match: re.Match[str]) -> str:
    """An aside blanked, its closing comma kept (offsets kept)."""
    return " " * (len(match[0]) - 1) + ","


def _only(text: str, span: tuple[int, int]) -> str:
    """`text` with everything outside `span` blanked (offsets kept)."""
    start, end = span
    return " " * start + text[start:end] + " " * (len(text) - end)


def _russian_date_word(text: str) -> bool:
    """DATE_WORDS.search, only in a text with Cyrillic letters: the search costs ~25 µs a
    sentence, the test ~0.5 µs (an ASCII text, ~0.05 µs, has none)."""
    return (
        not text.isascii()
        and _CYRILLIC.search(text) is not None
        and DATE_WORDS.search(text) is not None
    )


def _may_hold_a_date(text: str) -> bool:
    if text.isascii():  # no Russian date word; its letters folded at half the search's cost
        return _DATE_HINT_FOLDED.search(text.lower()) is not None
    return _DATE_HINT.search(text) is not None or _russian_date_word(text)


class MentionDates:
    """The dates of an article's sentences, read once, and the date each mention takes."""

    def __init__(self, tagged: TaggedArticle, sentences: list[Sentence], grammar: Grammar) -> None:
        self.sentences = sentences
        # The story's day: a dateline heading the body dates the story (`ALMATY/Dec. 28 —`
        # in an article printed on 11 January); else the publication date.
        body = next((s for s in sentences if s.field == "body"), None)
        filed = None if body is None else dateline_day(body.text, tagged.date)
        if filed is None and tagged.date is None and body is not None:
            # an undated article's dateline without a year (`BISHKEK, September 5.`): the
            # year of the latest day the text writes in full, the month kept
            yearless = yearless_dateline(body.text)
            if yearless is not None:
                texts = (s.text for s in sentences if s.field == "body")
                filed = dateline_year(*yearless, texts)
        self.published = filed or tagged.date
        self.grammar = grammar
        self._dates: dict[int, EventDate | None] = {}
        self._lead_day: list[tuple[PartialDate | None, Stage | None]] = []  # read once

    def date_of(self, index: int) -> EventDate | None:
        """The first date sentence `index` writes (read once; most sentences have none)."""
        if index not in self._dates:
            text = self.sentences[index].text
            found = None
            if _may_hold_a_date(text):
                # A date in a `, which …,` aside, or in a `, which …` clause ending the
                # sentence, dates something else: only the rest is read.
                main = _ASIDE.sub(",", text)
                if (trailing := _done_trailing_clause(main, self.published)) is not None:
                    main = main[: trailing[0]]
                if main is text or _may_hold_a_date(main):  # (sub gives `text` if no aside)
                    found = resolve_event_date(main, self.published)
            self._dates[index] = found
        return self._dates[index]

    def date(
        self, index: int, stage: Stage, part: tuple[int, int] | None = None
    ) -> tuple[PartialDate | None, DateBasis | None, PartialDate | None]:
        """(date, basis, target): the sentence's own date, a target kept apart for plans;
        else the next sentence's, the news date or the publication date. `part`: the span
        of the sentence's text the mention's predicate stands in, when it has several."""
        date, basis, target = self._date(index, stage, part)
        if stage == "plan" and target is None and part is None:
            # no target written: a time counted from the story's day (`within six months`)
            target = counted_ahead(self.sentences[index].text, self.published)
        return date, basis, target

    def _date(
        self, index: int, stage: Stage, part: tuple[int, int] | None
    ) -> tuple[PartialDate | None, DateBasis | None, PartialDate | None]:
        published = self.published
        text, start = self.sentences[index].text, 0
        if stage != "plan" and (earlier := self._counted_back(index, stage, part)) is not None:
            return earlier, "sentence", None  # `five months after the loan was signed`
        if stage == "deployment" and published is not None and _VISIT.search(text):
            return published, "article", None  # work seen on a visit: under way, undated
        aside = None
        if stage != "plan" and _ASIDE.search(text):  # a plan's aside tells an aim
            aside = _aside_holding_the_cue(self.sentences[index], stage)
            if aside is not None and part is not None and not part[0] <= aside[0] < part[1]:
                aside = None
        trailing = None
        if aside is None and _TRAILING_CLAUSE.search(text):
            trailing = _done_trailing_clause(_ASIDE.sub(",", text), published)
        told_in_it = False
        if trailing is not None:  # only the words of the clause the cue stands in date it
            trailing = _TRAILING_CLAUSE.search(text).span()
            told_in_it = stage != "plan" and _holds_the_cue(self.sentences[index], stage, trailing)
            text = _only(text, trailing) if told_in_it else _without(text, trailing)
        passing = None
        if stage in ("deployment", "launch") and part is None and _PASSING_WORD.search(text):
            passing = _DEAL_IN_PASSING.search(text)
        if aside is not None:  # the event is told in the aside: only its words date it
            found = resolve_event_date(_only(text, aside), published)
        elif told_in_it:
            found = resolve_event_date(text, published)
        elif passing is not None:  # the deal's date is not the work's: the rest dates it
            found = resolve_event_date(_without(text, passing.span()), published)
        elif part is None and (apposed := self._apposition_holding(index, stage)) is not None:
            # the deal told by the noun and participle ending the sentence: their words
            found = resolve_event_date(text, published, start=apposed)
        elif part is None:
            found = self.date_of(index)
            if found is None and _told_before_a_past_action(self.sentences[index], stage):
                return None, None, None
            clause = None if found is None else _time_clause(self.sentences[index], stage)
            if found is not None and clause and not clause[0] <= found.start < clause[1]:
                # the event is told in a clause of time: only its words date it
                found = resolve_event_date(_only(text, clause), published)
            elif found is not None and not clause and not _ASIDE.search(text):
                told = _clause_of_time_holding(
                    self.sentences[index], stage, found.start
                ) or _relative_clause_holding(self.sentences[index], stage, found.start)
                if told is not None:  # the date is another action's: the rest may date it
                    found = resolve_event_date(_without(text, told), published)
            if found is not None and not found.planned:
                own = _cue_clause_start(self.sentences[index], stage, found.end)
                if own is not None:  # the date is an earlier clause's: the cue's own dates it
                    dated = resolve_event_date(text, published, start=own)
                    found = dated if dated is not None and not dated.planned else found
        else:  # one of several predicates: the dates written in its own words
            text, start = text[: part[0]] + _ASIDE.sub(",", text[slice(*part)]), part[0]
            found = resolve_event_date(text, published, start=start)
        if (
            found is not None
            and stage in _SIGNED
            and part is None
            and said_on(text, found)
            and (signed := self._signing_told_again(index, stage)) is not None
        ):  # `…has agreed to buy Tcell, it said on Wednesday.` / `The deal was signed on Tuesday.`
            return signed.date, "next-sentence", None
        target = None
        if found is not None and found.planned:
            # A target dates a plan's aim; for any other event it dates nothing done. A
            # date the sentence gives besides it dates the event (`by 2027 under a decree
            # adopted in February`).
            target = found.date if stage == "plan" else None
            if stage == "plan" and (end := self._end_of_aim(text, found, start)) is not None:
                target = end
            deadline = found.date
            rest = text  # an aside dates something else: `Kcell, which agreed … in February,`
            if part is None and aside is None and "," in text:
                rest = _ASIDE.sub(_blank, text)
            found = resolve_event_date(rest, published, past_only=True, start=start)
            if (
                found is None
                and stage != "plan"
                and published is not None
                and deadline.year < published.year
            ):
                # `by 2019, the two had agreed …`: done before a time long past, undated
                return None, None, target
        elif found is not None and stage == "plan" and _may_hold_a_date(text[found.end :]):
            # A plan's day told before its aim (`On Monday it promised … by March 10`).
            aim = resolve_event_date(text, published, start=start, targets_only=True)
            target = None if aim is None else aim.date
        if found is not None:
            return found.date, "sentence", target
        if dated_vaguely(text[start:]):
            return None, None, target  # `a few years ago`: not the publication date either
        sides = stage != "plan" and _THE_SIDES.match(self.sentences[index].text) is not None
        if sides or _THEN.search(text, start):
            # `At that time, …`, `The sides discussed …`: the time told just before (the
            # sides are those of talks or a deal, not of a launch or of work)
            earlier = self._time_told_before(index, ("launch", "deployment") if sides else ())
            if earlier is not None:
                return (earlier.date, "context", target) if earlier else (None, None, target)
        if stage == "plan" and (signed := self._deal_of_its_terms(index)) is not None:
            return signed, "context", target  # a term of the deal told before: its date
        if _AT_THE_OCCASION.search(text, start) and (day := self.occasion_day()) is not None:
            return day, "context", target  # said or done at the occasion the lead dates
        if part is not None and stage != "plan" and self._background(index, part[0]):
            return None, None, target
        following = self._next_in_paragraph(index)
        if (
            following is not None
            and stage in following.opens_on(self.grammar)
            and (dated := self.date_of(index + 1)) is not None
        ):
            return dated.date, "next-sentence", target
        if (dated := self._signing_told_again(index, stage)) is not None:
            return dated.date, "next-sentence", target
        if (
            (news := self.news_date()) is not None
            and not (part and self.date_of(index))
            and (
                _AT_THE_MEETING.search(self.sentences[index].text)
                or (stage != "plan" and self._told_with_the_meeting(index))
            )
        ):
            return news, "context", target
        day, told = self._occasion()
        if (
            day is not None
            and stage not in ("plan", "talks")
            and stage == told
            and not part
            and self._near_the_lead(index)
        ):
            return day, "context", target  # the lead's work or deal told on: its day
        if self.sentences[index].field == "title" and (day := self.occasion_day()) is not None:
            return day, "context", target
        if published is not None:
            return published, "article", target
        return None, None, target

    def _end_of_aim(self, text: str, first: EventDate, start: int) -> PartialDate | None:
        """The target a plan's sentence writes after its first one, when it replaces it:
        the end of what is to start (`will begin digging in April and finish by the end of
        2027`) or a new time after a move (`cannot open this year, moving the opening into
        2027`); else None."""
        started = _STARTED.search(text, max(start, first.start - _START_REACH), first.start)
        if not started and not tells_a_move(text[first.end :]):
            return None
        end = resolve_event_date(
            text, self.published, start=start, targets_only=True, after=first.end
        )
        if end is None:
            return None
        if tells_a_move(text[first.end : end.start]):
            return end.date  # the time moved to
        return end.date if started and end.date.first_day() >= first.date.first_day() else None

    def _told_with_the_meeting(self, index: int) -> bool:
        """Whether sentence `index` tells what was reported at the meeting the lead dates:
        a sentence before the meeting's (the title's too), in its paragraph or right after it, one
        telling a briefing (`was informed that`), or one right after a sentence of its
        paragraph telling the meeting or a report (`As the chairman said, …` / `Projects are under
        way …`). Work told on its own further on (`Beeline прокладывает линию в Шымкент.`
        after a paragraph on something else) is the state of things when the article was
        written."""
        sentence = self.sentences[index]
        if _BRIEFED.search(sentence.text):
            return True
        meeting = self.meeting()
        if meeting is not None and (
            index < meeting or self.sentences[meeting].paragraph == sentence.paragraph
        ):
            return True
        if index > 0 and index - 1 == meeting:
            return True  # told right after the meeting (`…met Huawei.` / `Kcell is building …`)
        if index > 0:
            before = self.sentences[index - 1]
            if before.paragraph == sentence.paragraph and before.field == sentence.field:
                told = _AT_THE_MEETING.search(before.text) or _AT_THE_OCCASION.search(before.text)
                return told is not None
        return False

    def _apposition_holding(self, index: int, stage: Stage) -> int | None:
        """Where the noun set after sentence `index` with its participle and date begins,
        when it holds the cue of `stage` (`… за счёт кредита АБР, подписанного в марте
        2024 года.`: the loan's words date the loan); None otherwise."""
        sentence = self.sentences[index]
        if stage not in _SIGNED or "," not in sentence.text:
            return None
        start = trailing_apposition(sentence.text)
        if start is None:
            return None
        # the cue's last word, its participle, stands in the apposition (its noun may not)
        starts = sentence.tokens[0]
        read = next((r for r in sentence.cues if r.stage == stage), None)
        return start if read is not None and starts[read.cue.last - 1] >= start else None

    def _counted_back(
        self, index: int, stage: Stage, part: tuple[int, int] | None
    ) -> PartialDate | None:
        """The date of an event told in an `after` clause opened by a duration (`Work began on
        Monday, five months after the loan was signed.`, `A fortnight after Telia exited,
        Tele2 said …`): that long before the main clause's own date, else before the story's
        day; None when no such clause holds the cue, or the clause writes a date of its own."""
        sentence = self.sentences[index]
        durations = counted_back(sentence.text)
        if not durations:
            return None
        cues = [sentence.tokens[0][r.cue.first] for r in sentence.cues if r.stage == stage]
        if part is not None:
            cues = [at for at in cues if part[0] <= at < part[1]]
        if not cues:
            return None
        text, cue_at, published = sentence.text, cues[0], self.published
        for duration in durations:
            end = _CLAUSE_BREAK.search(text, duration.clause)
            clause = duration.start, end.start() if end else len(text)
            own = resolve_event_date(_only(text, (duration.clause, clause[1])), published)
            main = resolve_event_date(_without(text, clause), published, past_only=True)
            if clause[0] <= cue_at < clause[1]:  # the event told in the clause
                if own is not None and not own.planned:
                    return None  # `two years after it entered the market in 2010`: its own
                base = main.date if main is not None else published
                return None if base is None else duration.before(base)
            if own is not None and not own.planned and main is None:
                # the main clause's event, that long after the clause's own date
                return duration.after(own.date)
        return None

    def _background(self, index: int, predicate: int) -> bool:
        """Whether sentence `index` is dated, as done, in a year before the publication's,
        by words before the predicate at `predicate` (a second predicate goes on telling
        that past: `agreed in 2020 and financed …`; a deal told in passing after the main
        predicate, `is building … under a contract signed in 2023`, does not date it)."""
        dated = self.date_of(index)
        published = self.published
        return (
            dated is not None
            and dated.end <= predicate
            and not dated.planned
            and published is not None
            and dated.date.year < published.year
        )

    def _time_told_before(
        self, index: int, skipped: tuple[Stage, ...] = ()
    ) -> EventDate | bool | None:
        """The date of the nearest of the three sentences before (same field, not telling
        a stage of `skipped`) that writes one as done; False when it dates only vaguely (`a
        few years ago`); None if none."""
        field = self.sentences[index].field
        for before in range(index - 1, max(index - 4, -1), -1):
            if self.sentences[before].field != field:
                return None
            if self.sentences[before].stage in skipped:
                continue
            dated = self.date_of(before)
            if dated is not None and not dated.planned:
                return dated
            if dated_vaguely(self.sentences[before].text):
                return False
        return None

    def _deal_of_its_terms(self, index: int) -> PartialDate | None:
        """The date of the memorandum or agreement told before (in the three sentences
        before the terms), when sentence `index` tells its terms or follows them in the same
        paragraph (`The document provides for a ground station.` / `It is to be put into
        service in 2026.`); else None."""
        sentence = self.sentences[index]
        terms, signed = index, _SIGNED
        if _UNDER_TERMS.match(sentence.text):
            signed = _named_deal(sentence.text) or _SIGNED  # a named kind: that deal's date
        elif not _TERMS.match(sentence.text):
            terms = index - 1
            if (
                terms < 0
                or self.sentences[terms].paragraph != sentence.paragraph
                or self.sentences[terms].field != sentence.field
                or not _TERMS.match(self.sentences[terms].text)
            ):
                return None
        for before in range(terms - 1, max(terms - 4, -1), -1):
            told = self.sentences[before]
            if told.field != sentence.field:
                return None
            if told.stage in signed:
                dated = self.date_of(before)
                return None if dated is None or dated.planned else dated.date
        return None

    def _next_in_paragraph(self, index: int) -> Sentence | None:
        if index + 1 >= len(self.sentences):
            return None
        sentence, following = self.sentences[index], self.sentences[index + 1]
        if following.field != sentence.field or following.paragraph != sentence.paragraph:
            return None
        return following

    def _signing_told_again(self, index: int, stage: Stage) -> EventDate | None:
        """The day the next sentence gives when it tells the signing of a memorandum or an
        agreement again (`The memorandum was signed on Friday in Osh.`), or the day or
        month of the decision behind an agreement or a cancellation (`The decision was taken
        by the board on Tuesday.`, `The decision to end the contract was made in August.`),
        in the same paragraph or opening the next one."""
        if stage not in (*_SIGNED, "cancelled") or index + 1 >= len(self.sentences):
            return None
        sentence, following = self.sentences[index], self.sentences[index + 1]
        decided = stage in ("agreement", "cancelled") and bool(_DECISION.match(following.text))
        told_again = decided or (
            stage in _SIGNED
            and self.grammar.event_reference.match(following.text)
            and _SIGNING.search(following.text)
        )
        if (
            following.field != sentence.field
            or following.paragraph > sentence.paragraph + 1
            or not told_again
        ):
            return None
        dated = self.date_of(index + 1)
        if dated is None or dated.planned:
            return None
        # a day elaborates the signing (a decision's month too); `back in 2019` recalls
        # another signing
        if dated.date.day is None and (not decided or dated.date.month is None):
            return None
        return dated

    def news_date(self) -> PartialDate | None:
        """The day of the meeting the lead dates (`on Wednesday held talks`), when it is
        within a week before publication (in an undated article, any day it writes with its
        year): undated events reported at the meeting happened then too."""
        day, stage = self._occasion()
        return day if stage == "talks" else None  # only a meeting dates what was reported

    def occasion_day(self) -> PartialDate | None:
        """The day the lead dates, within a week before publication (in an undated article,
        any day it writes with its year), whatever it reports: what a sentence says was
        said or done at the ceremony or meeting (`at the ceremony`) happened then."""
        return self._occasion()[0]

    def _occasion(self) -> tuple[PartialDate | None, Stage | None]:
        if not self._lead_day:
            self._lead_day.append(self._read_lead_day())
        return self._lead_day[0]

    def _near_the_lead(self, index: int) -> bool:
        """Whether sentence `index` stands in the paragraph of the lead's first dated
        sentence or in the next one: the lead's work told on (`ZTE is building the
        facility.`); further on, work of the same kind is other work (`Fibre links
        to the cameras are being laid by the city's telecoms unit.`)."""
        dated = self._first_dated_in_lead()
        if dated is None:
            return False
        return self.sentences[index].paragraph <= self.sentences[dated].paragraph + 1

    def meeting(self) -> int | None:
        """The sentence of the meeting the lead dates, when it dates the news."""
        if self.news_date() is None:
            return None
        return self._first_dated_in_lead()

    def _first_dated_in_lead(self) -> int | None:
        return next((i for i in self._lead() if self.date_of(i) is not None), None)

    def _lead(self) -> list[int]:
        return [i for i, s in enumerate(self.sentences) if s.field == "body"][:_LEAD]

    def _read_lead_day(self) -> tuple[PartialDate | None, Stage | None]:
        published = self.published
        if published is not None and published.day is None:
            return None, None
        dated = self._first_dated_in_lead()
        if dated is None:
            return None, None
        found, stage = self.date_of(dated), self.sentences[dated].stage
        if found is None or found.planned or found.date.day is None:
            return None, None
        if published is None:
            return found.date, stage  # an undated article: the day its lead writes in full
        days = (published.first_day() - found.date.first_day()).days
        if 0 < days <= _NEWS_DAYS:
            return found.date, stage
        return None, None


class _Dated(Protocol):
    @property
    def stage(self) -> Stage: ...

    @property
    def date(self) -> PartialDate | None: ...


def date_of_its_deal(
    sentence: Sentence, stage: Stage, own_date: bool, earlier: Sequence[_Dated], grammar: Grammar
) -> PartialDate | None:
    """A plan opening on a deal told before as its frame (`Under the memorandum, the sides
    will …`) with no date of its own is one of its terms: the deal's date; else None."""
    if stage != "plan" or own_date or not grammar.deal_frame.match(sentence.text):
        return None
    if _ATTRIBUTION.match(sentence.text):
        return None  # `According to the ministry, …` names the source, not a deal
    stages = _named_deal(sentence.text) or tuple(s for s in DEALS if s != "talks")
    deal = next((m for m in reversed(earlier) if m.stage in stages), None)
    return None if deal is None else deal.date


def _named_deal(text: str) -> tuple[Stage, ...] | None:
    """The stages of the deal whose terms `text` opens on (`Under the terms of the
    agreement, …`: an agreement; «По условиям меморандума»: a memorandum); None when it
    names no kind (`the document`) or opens on no terms."""
    under = _UNDER_TERMS.match(text)
    kind = None if under is None else (under["kind"] or under["ru"]).casefold()
    if kind is None or kind in ("document", "документ"):
        return None
    return ("mou",) if kind in _MEMORANDUM else ("agreement",)


def date_source(basis: DateBasis | None, sentence: Sentence) -> str | None:
    """Where a mention's date came from, for its `sources`."""
    if basis == "sentence":
        return "title" if sentence.field == "title" else "sentence"
    if basis in ("next-sentence", "context"):
        return "context"
    return basis
