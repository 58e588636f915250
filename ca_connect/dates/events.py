"""Event dates: the date a sentence gives for what it reports, explicit or relative to the
publication date, and whether it is a target (`planned for 2027`) rather than a fact.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ..lazy_pattern import LazyPattern
from ..models import PartialDate
from .patterns import (
    _MONTH,
    _MONTH_NUMBERS,
    _MONTH_YEAR,
    _NO_YEAR_PATTERNS,
    _WEEKDAY_NAMES,
    _date_from_match,
    _full_dates,
    _make_date,
    _month_number,
)
from .russian import (
    AGO_HINT,
    BUT_WORDS,
    COUNTS,
    GENITIVE_COUNTS,
    MOVED_TO,
    MOVED_WORDS,
    REPORTING_WORDS,
    SPAN_AFTER_HINT,
    SPAN_AFTER_WORDS,
    TRAILING_PARTICIPLE,
    UNIT_STEMS,
    VAGUE_AGO_WORDS,
    WEEKEND_HINT,
    WEEKEND_WORDS,
    WITHIN_HINTS,
    WITHIN_WORDS,
    EnglishText,
    english_dates,
)

# --- Event dates --------------------------------------------------------------------


@dataclass(frozen=True)
class EventDate:
    """The date of an event a sentence reports, and the span that gave it.

    `sentence[start:end] == text`. `planned` marks a target date (`by the end of 2025`,
    `expected to follow in 2026`) rather than something that has happened.
    """

    date: PartialDate
    planned: bool
    text: str
    start: int
    end: int


# Resolves a date expression against the publication date (None if unknown) and
# whether the expression is a target; returns None when it cannot be resolved.
_Resolver = Callable[[PartialDate | None, bool], PartialDate | None]


class _Candidate(NamedTuple):
    """A date expression at `sentence[start:end]` and how to resolve it."""

    start: int
    end: int
    resolve: _Resolver
    future: bool = False  # the expression itself points ahead (`next year`, `tomorrow`)


# Quantities after a number: `in 2000 schools` is not a year.
_COUNT_NOUN = (
    r"\s*%|\s*\$|\s+(?:percent|per\s+cent|km|kilomet\w*|met(?:er|re)s?|miles?|mw|mhz|ghz|gbps"
    r"|mbps|base|schools?|villages?|households?|people|persons|residents|units|sites|towers"
    r"|stations|racks|users|subscribers|homes|hectares|families|facilities|buildings|jobs"
    r"|specialists|companies|projects|settlements|points|devices|employees|workers|tons?"
    r"|tonnes?|million|billion|thousand|dollars|euros?|soms?|tenge|manats?|sums?)\b"
)
_YEAR_QUALIFIER = (
    r"(?:(?:the\s+)?(?:(?:very\s+)?(?:end|close|conclusion|beginning|start|middle|turn)"
    r"|(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|last)\s+quarter"
    r"|spring|summer|autumn|fall|winter)\s+of\s+|(?:early|late|mid)(?:\s+|-)"
    r"|end-|year[-\s]end\s+"  # `by end-2025`, `at year-end 2024`
    r"|(?:Q[1-4]|[1-4]Q|H[12]|[12]H)\s+"  # `Q3 2025`, `H1 2024`
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+)"
)
# A new target after a delay is a target too (`postponed to 2026`, `pushed back to March`,
# `has slipped to 2027`, `moved back to the autumn`, `pushed into 2028`).
_TARGET_WORDS = (
    r"(?:(?:planned|(?:re)?scheduled|slated|due|expected|targeted|set)\s+(?:for|in|on|by)"
    r"|(?:postponed|delayed|deferred|(?:pushed|moved|set)(?:\s+(?:back|out))?|put\s+(?:off|back)"
    r"|rescheduled"
    r"|shifted|slipped|brought\s+forward)\s+(?:to|until|till|into))"
)
# `in 2015`, `by the end of 2025`, `planned for 2027`, `mid-2015`: a bare year is a date
# only after words that make it one, and never as part of a range (`2025-2027`).
_YEAR_ONLY = LazyPattern(
    r"\b(?:(?:in|since|from|during|through(?:out)?|after|around|circa|as\s+of|by|until|till|before"
    r"|no\s+later\s+than|(?:back|forward)\s+(?:to|into))"
    rf"\s+{_YEAR_QUALIFIER}?|{_TARGET_WORDS}\s+{_YEAR_QUALIFIER}?|{_YEAR_QUALIFIER})"
    rf"(?P<y>\d{{4}})(?!\w|[.,]\d|\s*(?:[-–—/]|to\b|and\b)\s*\d|{_COUNT_NOUN})",
    re.IGNORECASE,
)
# A fiscal year, kept as its year (`in FY2026`, `in fiscal 2026`, `the 2024 financial year`).
_FISCAL_YEAR = LazyPattern(
    r"\b(?:(?-i:FY)\s?|(?:fiscal|financial)\s+(?:year\s+)?)(?P<y>\d{4})\b(?![-–—/]\d)"
    r"|\b(?P<y2>\d{4})\s+(?:fiscal|financial)\s+year\b",
    re.IGNORECASE,
)
# `a 2019 memorandum`, `the 2021 contract`: the year a document was made.
_DOCUMENT_YEAR = LazyPattern(
    r"\b(?:a|an|the|its|their)\s+(?P<y>\d{4})\s+(?:memorand(?:um|a|ums)|mou|agreements?"
    r"|contracts?|deals?|roadmap|accord|treaty|loan)\b",
    re.IGNORECASE,
)
# A year counted from one written before it (`signed in 2022 and ran a pilot the following
# year`); `a year later than planned` is no date.
_YEAR_AFTER = LazyPattern(
    rf"\b(?:(?P<m>{_MONTH})\b\.?\s+(?:of\s+)?)?"  # `in December of that year`: its month
    r"(?:(?P<same>that|the\s+same)\s+year|the\s+(?:following|next)\s+year"
    r"|(?P<n>a|one|two|three|four|five)\s+years?\s+(?P<dir>later|earlier)(?!\s+than))\b",
    re.IGNORECASE,
)
# A day, week or month counted from a date written before it (`signed on 3 March 2025 and
# ratified the following day`, `two weeks later`); `a month later than planned` is no date.
_LATER = LazyPattern(
    r"\b(?:the\s+(?:following|next)\s+(?P<unit>day|week|month)"
    r"|(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<units>day|week|month)s?"
    r"\s+(?P<dir>later|earlier)(?!\s+than))\b",
    re.IGNORECASE,
)
# `June of last year`, `March this year`.
_MONTH_RELATIVE_YEAR = LazyPattern(
    rf"(?P<m>{_MONTH})\b\.?\s+(?:of\s+)?(?P<rel>last|this|next|the\s+previous|the\s+current"
    r"|the\s+following)\s+year\b",
    re.IGNORECASE,
)
_MONTH_QUALIFIER = (
    r"(?:(?:the\s+)?(?:(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|last"
    r"|final)\s+(?:week|days|ten\s+days)|beginning|start|middle|end|close)\s+of\s+"
    r"|(?:early|late|mid)(?:\s+|-)|end-)"  # `by end-March`
)
# `in November`, `in the first half of December`, `last November`, with no year.
_YEARLESS_MONTH = LazyPattern(
    r"\b(?P<lead>in|at|during|since|until|till|by|no\s+later\s+than|last|this|next|early|late"
    rf"|mid|{_TARGET_WORDS})"
    rf"(?:\s+|-)(?:{_MONTH_QUALIFIER})?(?P<m>{_MONTH})\b\.?"
    r"(?!\s*\d|,?\s+\d{4}\b|\s+(?:of\s+)?(?:the\s+)?"
    r"(?:last|this|next|previous|current|following)\s+year\b)",
    re.IGNORECASE,
)
# A part of a year with no year written (`in the third quarter`, `this autumn`, `by the
# end of the year`): the year, read as a yearless month is (its first and last months).
# A new target after a delay names its part of a year too (`postponed to the autumn`).
_YEAR_PART = LazyPattern(
    rf"\b(?:(?P<lead>last|this|next|in|during|by|until|till|for|at|from|{_TARGET_WORDS}"
    r"|before(?=\s+the\s+(?:very\s+)?(?:end|close)\b))"
    r"\s+)?(?:the\s+)?"
    r"(?:(?:(?P<q>first|second|third|fourth)\s+quarter|(?P<h>first|second)\s+half"
    r"|(?-i:Q(?P<qn>[1-4])|(?P<nq>[1-4])Q|H(?P<hn>[12])|(?P<nh>[12])H))"  # `in Q3`, `in 2H`
    r"(?:\s+of\s+(?:the|this)\s+year)?|(?P<e>end|close|beginning|start|middle)\s+of\s+the"
    r"\s+year|(?P<ye>year[-\s]end|year['’]s\s+end))\b(?!\s+of\b|\s*\d)"  # `by year-end`
    rf"|\b(?P<slead>last|this|next|in|during|by|until|till|from|since|{_TARGET_WORDS})\s+"
    r"(?:the\s+)?(?P<s>spring|summer|autumn|fall)\b(?!\s+of\b|\s*\d)",
    re.IGNORECASE,
)
# A window of months (`in February-March`, «в июле-октябре», `April–May 2024`): the year.
_MONTH_RANGE = LazyPattern(
    rf"\b(?:(?P<lead>in|during|by|until|till|for|from|{_TARGET_WORDS})\s+)?(?P<m>{_MONTH})\.?"
    rf"\s*[-–—]\s*(?P<m2>{_MONTH})\b(?:\.?,?\s+(?P<y>\d{{4}})\b)?(?!\s*\d)",
    re.IGNORECASE,
)
# Cheap tests ruling most sentences out before the patterns above are tried. Every
# pattern naming a month has one followed by a word boundary; every written year has four
# digits; each relative pattern needs one of these words (any case).
_DASHES = LazyPattern("[-–—]")
_YEAR_HINT = LazyPattern(r"\d{4}")
_PART_WORDS = ("quarter", "half", "spring", "summer", "autumn", "fall", "year")
_PART_WORDS += ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q", "h1", "h2", "1h", "2h")  # `in Q3`


class _Hints(NamedTuple):
    """Which kinds of date expression a sentence may hold, from plain substring tests
    (~1 µs; a pattern's scan costs 20-100 µs): every match of a pattern needs its words."""

    months: bool  # a month's first three letters, any case
    year: bool  # four digits
    period: bool  # `week`, `month`, `year`
    year_word: bool
    ago: bool
    day: bool  # `day` (weekdays, `today`, `the day before`), `tomorrow`, parts of a day
    part: bool  # a part of a year
    dashes: bool
    weekend: bool  # `weekend`, its Russian stem

    @classmethod
    def of(cls, sentence: str) -> _Hints:
        low = sentence.lower()
        year_word = "year" in low
        return cls(
            months=any(stem in low for stem in _MONTH_NUMBERS),
            year=_YEAR_HINT.search(sentence) is not None,
            period=year_word or "month" in low or "week" in low or "quarter" in low,
            year_word=year_word,
            ago="ago" in low,
            day="day" in low
            or "tomorrow" in low
            or "morning" in low
            or "afternoon" in low
            or "evening" in low
            or "night" in low,
            part=any(word in low for word in _PART_WORDS),
            dashes=_DASHES.search(sentence) is not None,
            weekend="weekend" in low or WEEKEND_HINT in low,
        )


_PART_MONTHS = {
    "first quarter": (1, 3),
    "second quarter": (4, 6),
    "third quarter": (7, 9),
    "fourth quarter": (10, 12),
    "first half": (1, 6),
    "second half": (7, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "end": (12, 12),
    "close": (12, 12),
    "beginning": (1, 1),
    "start": (1, 1),
    "middle": (6, 7),
}
# A programme's years (`a strategy for 2026-2028`): the last one is its target.
_FOR_YEARS = LazyPattern(
    r"\bfor\s+(?:the\s+(?:years|period)\s+)?(?P<first>\d{4})\s*[-–—]\s*(?P<y>\d{4})\b(?![-–—]\d)",
    re.IGNORECASE,
)
# A window of years a plan is to be carried out in (`will be built in 2016-2018`, «в
# 2016-2017 годах»): its last year is the target; a window of the past dates nothing.
_YEARS_WINDOW = LazyPattern(
    r"\b(?:in|during|between|from|с)\s+(?:the\s+(?:years|period)\s+)?(?P<first>\d{4})"
    r"\s*(?:[-–—]|to\b|and\b|until\b|through\b|по\b)\s*(?P<y>\d{4})\b(?![-–—]\d)",
    re.IGNORECASE,
)
# Between two written dates of a window (`from October 6, 2025 to October 5, 2026`).
_WINDOW_JOIN = LazyPattern(r"\s*(?:[-–—]|to|until|till|through|and|по)\s+", re.IGNORECASE)
_WINDOW_OPEN = LazyPattern(r"\b(?:from|between|с)\s+$", re.IGNORECASE)
# A date told only vaguely (`a few years ago`, `more than three years ago`): the event
# has no date the text gives, and the publication date is not it either.
_VAGUE_PAST = LazyPattern(
    r"\b(?:(?:a\s+few|several|some|many|(?:more|less)\s+than\s+(?:a|an|\w+)|over\s+(?:a|\w+)"
    r"|almost\s+(?:a|\w+)|nearly\s+(?:a|\w+)|(?:a|one|two|three|four|five)\s+or\s+\w+)\s+"
    r"(?:days|weeks|months|years|decades|year|month)|(?<!\w\s)years|decades|long)\s+ago\b"
    rf"|{VAGUE_AGO_WORDS}",
    re.IGNORECASE,
)
# `last month`, `earlier this year`, `next week`.
# `last quarter`, `earlier this week`, `the year before last`.
_RELATIVE_PERIOD = LazyPattern(
    r"\b(?P<which>last|previous|this|current|next|coming|earlier\s+this|later\s+this)"
    r"\s+(?P<unit>week|month|quarter|year)\b(?!\s+of\b)"  # `the last quarter of 2024`
    r"|\bthe\s+(?P<before>week|month|quarter|year)\s+before\s+last\b",
    re.IGNORECASE,
)
# A part of the month or quarter of publication (`by the end of the month`, `at the
# beginning of the quarter`; Russian `до конца месяца`, `в начале квартала`, their «до
# конца» and «в начале» already in English here).
_PART_OF_PERIOD = LazyPattern(
    r"\b(?:by|at|before|until|till|in|towards?)\s+(?:the\s+)?(?:very\s+)?"
    r"(?:end|close|beginning|start|middle)\s+of\s+"
    r"(?:the|this|the\s+current)\s+(?P<unit>month|quarter)\b",
    re.IGNORECASE,
)
# The weekend before the story's day, or the next one for a target (`over the weekend`,
# `last weekend`; Russian `в выходные`, `в минувшие выходные`, `на выходных`).
_WEEKEND = LazyPattern(
    r"\b(?:(?:over|during|at|on)\s+the|last|this|past|the\s+past)\s+weekend\b"
    rf"|{WEEKEND_WORDS}",
    re.IGNORECASE,
)
# `half a year ago` is six months ago, not `a year ago`.
_AGO = LazyPattern(
    r"(?<!than\s)(?<!over\s)(?<!almost\s)(?<!nearly\s)(?<!or\s)"
    r"\b(?:(?P<half>half\s+a)|(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
    r"|(?:a\s+)?couple\s+of))"  # `a couple of weeks ago`: two
    r"\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_DAY_WORD = LazyPattern(
    r"\b(?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday"
    r"|the\s+day\s+before|the\s+previous\s+day"
    r"|a\s+day\s+earlier|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
    re.IGNORECASE,
)
_WEEKDAY_WORD = LazyPattern(
    r"\b(?:(?P<rel>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A time counted forward from the story's day, the aim of what is to be done in it: `within
# six months`, `in two years`, `in the next three years`, `in a year's time`; Russian «в
# течение пяти лет», «через два года», «в ближайшие три года». A span counted from another
# event (`within a year of winning the tender`, «через год после») or a length of
# work (`over three years`, `for five years`) is none.
_WITHIN = LazyPattern(
    r"\b(?:within\s+(?:the\s+(?:next|coming)\s+)?(?P<n>an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|\d{1,2})|in\s+(?:the\s+(?:next|coming)\s+)?(?P<n2>two|three|four|five|six"
    r"|seven|eight|nine|ten|\d{1,2}|an?(?=\s+(?:year|month)['’]s\s+time)))"
    r"\s+(?P<unit>month|year)s?(?:['’]s?\s+time)?\b(?!\s+(?:of|after|from|since|before|ago)\b)"
    rf"|{WITHIN_WORDS}",
    re.IGNORECASE,
)
# A yearless day at most this many days after publication is in publication's year.
_LAGGING_DAYS = 7
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


# A time counted back from the main clause (`five months after the loan was signed`,
# `a fortnight after Telia exited`, «через пять месяцев после того, как …», «спустя год
# после …»): what the `after` clause tells happened that long before the main clause's time.
# A length of time (`halted for a year after`, `more than a year after`) counts nothing.
# Compiled when first needed: its Russian words cost an import ~25 ms (case tables).
@cache
def _span_after() -> re.Pattern[str]:
    return re.compile(
        r"(?<!\bfor\s)(?<!than\s)(?<!over\s)(?<!almost\s)(?<!nearly\s)(?<!within\s)"
        r"(?<!least\s)"
        r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
        r"(?P<unit>day|week|month|year)s?|a\s+(?P<fortnight>fortnight))\s+after\b"
        rf"|{SPAN_AFTER_WORDS}",
        re.IGNORECASE,
    )


# What makes a date a target: `by`, `until`, `planned for` just before it ...
_TARGET_BEFORE = LazyPattern(
    rf"\b(?:by|until|till|no\s+later\s+than|{_TARGET_WORDS})\s+"
    r"(?:the\s+(?:end|close|conclusion|middle|beginning|start)\s+of\s+)?$",
    re.IGNORECASE,
)
# A move told with its object between the verb and the new time (`pushing the hub's opening
# into the spring of 2027`, `delayed the opening to March`, «перенесла сдачу узла на осень
# 2027 года»): the time is a target too.
_MOVED = (
    r"\b(?:postpon\w*|delay(?:s|ed|ing)?|defer(?:s|red|ring)?|push(?:es|ed|ing)?"
    r"|mov(?:es|ed|ing)|shift(?:s|ed|ing)?|slip(?:s|ped|ping)?|put(?:s|ting)?\s+(?:off|back)"
    rf"|reschedul\w*|brought|bring(?:s|ing)?|{MOVED_WORDS})"
)
_MOVED_BEFORE = LazyPattern(
    rf"{_MOVED}(?:\s+(?!(?:to|into|until|till|{MOVED_TO})\b)[^\s,;.]+){{0,8}}?"
    rf",?\s+(?:(?:back|forward)\s+)?(?:to|into|until|till|{MOVED_TO})\s+"
    r"(?:the\s+(?:end|close|conclusion|middle|beginning|start)\s+of\s+)?$",
    re.IGNORECASE,
)
_MOVED_WORD = LazyPattern(_MOVED, re.IGNORECASE)
_MOVED_LEAD = LazyPattern(rf"(?:(?:back|forward)\s+)?(?:to|into|{MOVED_TO})\s+", re.IGNORECASE)
# A bare year after `to`, `into` or «на» is a date only as the new time of a move told
# before it in its clause (`postpones the launch to 2027`, `delayed by a year, to 2027`,
# «перенесли с 2025 на 2027 год»): a target, and nothing otherwise.
# So is a month or a season with no year (`postponed the launch to May`, «перенесла запуск
# сети на осень»): the next one not over.
_MOVED_TO_TIME = LazyPattern(
    rf"\b(?:to|into|{MOVED_TO})\s+(?:the\s+)?(?:(?P<m>{_MONTH})\b\.?(?!\s*\d|,?\s+\d{{4}}\b|\s+(?-i:[A-Z]))"
    r"|(?P<s>spring|summer|autumn|fall)\b(?!\s+of\b|\s*\d))",
    re.IGNORECASE,
)
# A capitalised word right after a month: a name the month is part of (`May Street`).
_NAME_AFTER = LazyPattern(r"\s+(?-i:[A-Z])")
_MOVED_TO_YEAR = LazyPattern(
    rf"\b(?:to|into|{MOVED_TO})\s+{_YEAR_QUALIFIER}?(?P<y>\d{{4}})"
    rf"(?!\w|[.,]\d|\s*(?:[-–—/]|to\b|and\b)\s*\d|{_COUNT_NOUN})",
    re.IGNORECASE,
)
_TARGET_LEAD = LazyPattern(rf"(?:by|until|till|no\s+later\s+than|{_TARGET_WORDS})\b", re.IGNORECASE)
# ... or a future or plan in the same sentence (`will ... in 2026`, `expected to`).
_FUTURE = LazyPattern(
    r"\b(?:will|shall|would|won['’]t|(?:should|must)(?!\s+have\b)|(?:is|are|was|were)\s+(?:expected|set(?!\s+up\b)|scheduled|due"
    r"|slated|going|to)|expected\s+to|expects?\s+to|expecting\s+to|plans?\s+to|planning\s+to"
    # `planned` naming a thing (`the planned route`, `its planned 1,020 km`) plans nothing;
    # naming an action (`the planned launch of the satellite in 2027`) it plans that action
    r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bthis )(?<!\bour )planned"
    r"|\b(?:the|an?|its|their|this|our)\s+planned\s+(?=(?:launch|construction|commissioning"
    r"|opening|completion|start|sale|auction|signing|roll-?out|deployment|expansion|entry"
    r"|introduction|creation|installation|acquisition|merger|purchase|tender|investment"
    r"|upgrade|closing|switch|transition)\b)"
    r"|intends?\s+to|hop(?:es?|ed|ing)\s+to"  # `hoped to agree … "before the end of this year"`
    r"|aims?\s+to|aiming\s+to|scheduled|upcoming|forthcoming"
    # agreeing to prepare plans the work (docs/events.md, evrecall4)
    r"|agreed\s+to\s+(?:prepare|draft|study|consider|examine|explore|elaborate|assess))\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)
# A reporting verb after the future marker dates the report, not the plan.
_REPORTING = LazyPattern(
    r"\b(?:said|says|told|announced|reported|noted|stated|added|informed|according\s+to)\b",
    re.IGNORECASE,
)
# A reporting verb right before or after a date: the date is the report's.
# The future's own verb (`will be announced in 2021`, `will announce`): the plan, no report.
_OWN_VERB = LazyPattern(r"^\s+(?:be\s+)?(?:announced|announce|reported|informed)\b", re.IGNORECASE)
_REPORTING_VERB = (
    rf"(?:said|says|announced|reported|stated|told(?:\s+[\w«»]+){{1,2}}?|{REPORTING_WORDS})"
)
_REPORTED_BEFORE = LazyPattern(rf"\b{_REPORTING_VERB}\s+$", re.IGNORECASE)
_REPORTED_AFTER = LazyPattern(rf",?\s+{_REPORTING_VERB}\b", re.IGNORECASE)
_SENTENCE_BREAK = LazyPattern(r"[.!?;]\s")
# A clause set against the one before (`…planned for 2023, but in December …`): a plan told
# before it does not make its dates targets.
_BUT = LazyPattern(rf",\s+(?:but|however|{BUT_WORDS})\s", re.IGNORECASE)
# A date right after a past participle dates what was done, even in a plan's sentence
# (`by 2027 under a decree adopted in February`); `expected in`, `scheduled for` and a
# passive future (`will be completed in 2026`) do not.
_DONE_BEFORE = LazyPattern(
    r"(?<!\bbe )\b(?!(?:expected|scheduled|planned|slated|intended|targeted|aimed|needed"
    r"|required)\b)"
    r"[a-z]+ed\s+(?:(?:in|on|during|at|since)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# A dateline's place and outlet before the sentence proper (`ASHGABAT /Trend/ - `).
_PLACE_AND_DASH = LazyPattern(
    r"^\s*[A-ZА-ЯЁ]{3,}(?:[\s-][A-ZА-ЯЁ]{3,})*\s*(?:/[^/\n]{1,30}/|\([^()\n]{1,40}\))?\s*(?:--|[–—-])\s+"
)
# `since` points back: `had been planned since October 2017` tells when it was planned.
_SINCE_BEFORE = LazyPattern(
    r"\bsince\s+(?:the\s+(?:very\s+)?(?:beginning|start|end|middle)\s+of\s+)?$", re.IGNORECASE
)
# The main clause after an opening date ends at a comma or a relative or joined clause
# (`In 2015, SpaceX launched a satellite that will retire in 2030`).
# A comma or `and` joining names (`in Astana, Almaty and Shymkent`, `Kcell and Beeline`)
# joins no clause.
_CLAUSE_BREAK = LazyPattern(
    r"[.!?;](?:\s|$)|,(?!\s+[A-ZА-ЯЁ][^\W\d_]*(?:,|\s+(?:and|и)\s))"
    r"|\b(?:that|which|who|whose|where|while|but)\b|\band\b(?!\s+[A-ZА-ЯЁ])"
)
# A noun set after the sentence with its own participle and date (`…, a strategy announced
# in 2015.`): the date is that noun's, never the event's.
# Russian: a participle set after its noun with a date (`кредита, подписанного в прошлом
# году.`, `…, подписанного в марте 2023 года.`; the date words already in English here, a
# month's `в` before its year kept).
_TRAILING_APPOSITION = LazyPattern(
    r",\s+(?:a|an|the)\s+(?:[^\W\d_]+\s+){0,3}?[a-z]+ed\s+(?:in|on|at|during|since)\s[^,;]*$"
    rf"|{TRAILING_PARTICIPLE}"
)
_LEADING_PREPOSITION = LazyPattern(
    rf"^\s*(?:(?:in|on|by|since|during|as\s+of|at)\s*{_YEAR_QUALIFIER}?)?$", re.I
)
# A dateline heading a sentence (`TASHKENT, July 16, 2019 (Kun.uz) – ...`, `ALMATY/Dec. 28
# —`): a place, its date, maybe the outlet, a dash. It dates the article, not the event.
_DATELINE = LazyPattern(
    r"^\s*[A-ZА-ЯЁ][^\W\d_]*(?:[\s-][A-ZА-ЯЁ][^\W\d_]*){0,2}\s*[,/]\s*"
    r"(?P<date>[^–—()\n]{0,40}?\d[^–—()\n]{0,20}?)\s*(?:\([^()\n]{1,40}\)\s*)?(?:--|[–—-])\s"
)

# A dateline cut off as a sentence of its own (`ДУШАНБЕ, 12.03.2024 /НИАТ «Ховар»/.`,
# `BISHKEK, May 3, 2024 (Kabar).`), or a line that is only a date (`15.04.2025, 11:20`):
# all of it dates the article.
_BARE_DATELINE = LazyPattern(
    r"^\s*(?:[A-ZА-ЯЁ][^\W\d_]*(?:[\s-][A-ZА-ЯЁ][^\W\d_]*){0,2}\s*[,/]\s*"
    # a publication line (`Published 4 February 2026`, «Опубликовано 17 июня 2025 года»)
    r"|(?i:published|posted|updated|опубликовано|обновлено|дата\s+публикации)(?i:\s+on)?:?\s+)?"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"|[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[^\W\d_]{3,9}\.?,?\s+\d{4})(?:,?\s+\d{1,2}:\d{2})?"
    r"\s*(?:/[^/\n]{1,40}/|\([^()\n]{1,40}\))?"
    r"\s*[.:]?\s*$"
)


def trailing_apposition(sentence: str) -> int | None:
    """Where a noun set after the sentence with its own participle and date begins
    (`…, a strategy announced in 2015.`, `…, подписанного в марте 2024 года.`), in
    `sentence`'s offsets; None when the sentence ends in no such noun."""
    english = english_dates(sentence)
    found = _TRAILING_APPOSITION.search(english.text)
    return None if found is None else english.origin[found.start()]


def resolve_event_date(
    sentence: str,
    published: PartialDate | None,
    past_only: bool = False,
    start: int = 0,
    targets_only: bool = False,
    after: int = 0,
) -> EventDate | None:
    """The first date expression in `sentence`, resolved to a PartialDate; None if none.

    Written dates keep their precision: `on February 4-5, 2026` -> 2026-02-04, `in April
    2015` -> 2015-04, `in 2015` -> 2015. Relative ones (`last month`, `a year ago`, `in
    November`, `on Tuesday`, `yesterday`) resolve against `published` and give nothing
    without it or when it is too coarse for them. A dateline heading the sentence dates the
    article, not the event: its date is skipped. Year ranges (`2025-2027`) and quantities
    (`2,000 schools`, `Falcon 9`) are not dates. `planned` marks target dates (`by the end
    of 2025`, `will ... in 2026`); `past_only` skips them (`aims to finish by 2027 under a
    decree adopted in February` -> February). A date in an apposition ending the sentence
    (`…, a strategy announced in 2015.`) is the noun's: it is skipped. `the following
    year`, `that year`, `two years later` count from the year written before them. Only
    dates from `start` on are read (one predicate's words; what comes before it only
    anchors `the following year`). `targets_only` reads the first target, skipping any
    other date (a plan's aim told after its day: `On Monday it promised … by March 10`).
    `after`: only dates from there on are read, the words from `start` still marking them
    targets (the end of a plan told after its start: `begin in April and be done by 2027`).
    """
    english = english_dates(sentence)  # Russian date words, read as English ones
    dateline = _DATELINE.match(english.text) or _BARE_DATELINE.match(english.text)
    skip = dateline.end() if dateline else 0
    if dateline and published is None:
        # An undated article: the dateline's full date is the day the rest is read from.
        full = _full_dates(dateline["date"])
        published = full[0].date if full else None
    apposition = _TRAILING_APPOSITION.search(english.text)
    floor = _first_from(english, start)
    read_from = floor
    if after > start:
        read_from = _first_from(english, after)
    # One predicate's words reaching into the apposition tell its noun's deal (`кредита
    # ЕАБР, подписанного в марте 2024 года`): the apposition's date is then its own.
    own = apposition is not None and 0 < floor <= apposition.start()
    ends = apposition.start() if apposition and not own else len(english.text)
    reported: EventDate | None = None  # the first date of a report (`said on Monday`)
    for candidate in _event_candidates(english.text):
        if candidate.start < max(skip, read_from) or candidate.start >= ends:
            continue
        planned = candidate.future or _is_planned(
            english.text, candidate.start, candidate.end, floor
        )
        if (planned and past_only) or (targets_only and not planned):
            continue
        date = candidate.resolve(published, planned)
        if date is not None:
            start, end = english.origin[candidate.start], english.origin[candidate.end]
            date = _by_publication(date, planned, published)
            found = EventDate(date, planned, sentence[start:end], start, end)
            if not _dates_a_report(english.text, candidate):
                return found
            reported = reported or found
    return reported


def _first_from(english: EnglishText, at: int) -> int:
    """The first character of `english` from `at` in the original on (its origins never
    go back: a bisection), else its end."""
    return min(bisect_left(english.origin, at), len(english.text))


def tells_a_move(text: str) -> bool:
    """Whether `text` tells a date moved (`postponed`, `pushing`, «перенесла»): a target
    after it is the new one, the one before it the one missed."""
    return _MOVED_WORD.search(text) is not None


def said_on(sentence: str, found: EventDate) -> bool:
    """Whether `found`, read from `sentence`, is only the day something was said (`the group
    said on Wednesday`, «сообщил в среду»): the sentence writes no other date."""
    english = english_dates(sentence)
    # (its origins never go back: bisections; none from `found` on, found beyond it)
    start, end = bisect_left(english.origin, found.start), bisect_left(english.origin, found.end)
    if end == len(english.origin):
        return False
    return _dates_a_report(english.text, _Candidate(start, end, _fixed(found.date)))


class CountedBack(NamedTuple):
    """A duration opening an `after` clause: `text[start:clause]` is `five months after`."""

    start: int
    clause: int  # where the clause's own words begin
    count: int
    unit: str  # day, week, month or year

    def before(self, base: PartialDate) -> PartialDate | None:
        """The date this long before `base` (the main clause's time), at the precision the
        count allows: `five months after` a day in September is April; `a fortnight after`
        28 December is December; `two years after` 2021 is 2019."""
        return _ago(self.count, self.unit)(base, False)

    def after(self, base: PartialDate) -> PartialDate | None:
        """The date this long after `base` (the clause's own time): `two years after it
        entered the market in 2010` is 2012."""
        return _ago(-self.count, self.unit)(base, False)


def counted_back(text: str) -> list[CountedBack]:
    """Every duration opening an `after` clause in `text` (`a fortnight after`, «через два
    месяца после того, как»), in reading order; a vague one (`weeks after`) is none."""
    if "after" not in text.lower() and SPAN_AFTER_HINT not in text.lower():
        return []  # the test costs ~0.2 µs, the search ~5 µs
    found = []
    for match in _span_after().finditer(text):
        if match["fortnight"]:
            count, unit = 2, "week"
        elif match["unit"]:
            word, unit = match["n"].lower(), match["unit"].lower()
            count = int(word) if word.isdigit() else _NUMBER_WORDS[word]
        else:
            word = (match["rn"] or "1").lower()
            count = int(word) if word.isdigit() else int(COUNTS.get(word, "1"))
            runit = match["runit"].lower()
            unit = UNIT_STEMS.get(runit[:3]) or UNIT_STEMS[runit[:2]]
        found.append(CountedBack(match.start(), match.end(), count, unit))
    return found


def _dates_a_report(text: str, candidate: _Candidate) -> bool:
    """Whether the date at `candidate` is the day something was said (`said on Monday`,
    `today announced that`): another date of the sentence dates what was said."""
    return (
        _REPORTED_BEFORE.search(text, max(0, candidate.start - 40), candidate.start) is not None
        or _REPORTED_AFTER.match(text, candidate.end) is not None
    )


def _by_publication(date: PartialDate, planned: bool, published: PartialDate | None) -> PartialDate:
    """A year told as done in an article of that year's January (`signed in 2023`, `this
    year`, published 30 January 2023) happened in that January: its month is known."""
    if (
        planned
        or date.month is not None
        or published is None
        or published.month != 1
        or published.year != date.year
    ):
        return date
    return _make_date(date.year, 1) or date


def dated_vaguely(sentence: str) -> bool:
    """Whether `sentence` dates what it tells only vaguely (`a few years ago`, `more than
    three years ago`, «несколько лет назад»): a date the text does not give."""
    if "ago" not in sentence and AGO_HINT not in sentence and "Ago" not in sentence:
        return False  # the test costs ~0.1 µs, the search ~5 µs
    return _VAGUE_PAST.search(sentence) is not None


def dateline_day(sentence: str, published: PartialDate | None) -> PartialDate | None:
    """The day a dateline heading `sentence` gives (`TASHKENT, July 16, 2019 (Kun.uz) –`), or
    None. A dateline without a year (`ALMATY/Dec. 28 (The Conway Bulletin) —`) is the latest
    such day up to `published`: a story filed on 28 December and printed on 11 January."""
    dateline = _DATELINE.match(english_dates(sentence).text)
    if dateline is None:
        return None
    full = _full_dates(dateline["date"])
    if full:
        return full[0].date
    for pattern in _NO_YEAR_PATTERNS:
        match = pattern.search(dateline["date"])
        month = _month_number(match["m"]) if match else None
        if match and month is not None:
            return _yearless_day(month, int(match["d"]), lag=0)(published, False)
    return None


def dateline_year(month: int, day: int, texts: Iterable[str]) -> PartialDate | None:
    """The month of a dateline without a year (`BISHKEK, Kyrgyzstan, September 5.`) heading
    an undated article, its year read from `texts` (the article's sentences): the year of
    the latest day they write in full as done (`on July 2, 2025`; not a target), when the
    dateline's day falls on or after it in that year. The year is inferred, so the date
    keeps only the month; None when no such day is written or the dateline's day comes
    before it (the next year is not guessed)."""
    latest: PartialDate | None = None
    for text in texts:
        found = resolve_event_date(text, None, past_only=True)
        if (
            found is not None
            and found.date.day is not None
            and (latest is None or found.date.first_day() > latest.first_day())
        ):
            latest = found.date
    if latest is None or (month, day) < (latest.month, latest.day):
        return None
    return _make_date(latest.year, month)


# The deal linking reads the same sentences again for every article's publication date:
# their candidates (immutable, resolved only when used) are found once.
@lru_cache(maxsize=4096)
def _event_candidates(sentence: str) -> tuple[_Candidate, ...]:
    """Every date expression in reading order; written dates win over overlapping phrases."""
    hints = _Hints.of(sentence)
    explicit = _first_wins_candidates(_explicit_candidates(sentence, hints))
    if hints.year_word:
        explicit = _first_wins_candidates(explicit + _years_after(sentence, explicit))
    low = sentence.lower()
    if explicit and ("later" in low or "earlier" in low or "following" in low or "the next" in low):
        explicit = _first_wins_candidates(explicit + _counted_later(sentence, explicit))
    relative = [
        candidate
        for candidate in _first_wins_candidates(_relative_candidates(sentence, hints))
        if not any(candidate.start < e.end and e.start < candidate.end for e in explicit)
    ]
    return tuple(sorted(explicit + relative, key=lambda c: c.start))


def _years_after(sentence: str, written: list[_Candidate]) -> list[_Candidate]:
    """`the following year`, `that year`, `two years later`, `two years earlier`: counted
    from the last year written before them in the sentence; nothing without one."""

    def year_after(match: re.Match[str], base: PartialDate) -> PartialDate | None:
        count = (match["n"] or "").lower()
        offset = 0 if match["same"] else _NUMBER_WORDS.get(count, 1)
        if (match["dir"] or "").lower() == "earlier":  # `two years earlier`
            offset = -offset
        month = _month_number(match["m"]) if match["m"] else None
        return _make_date(base.year + offset, month)

    return _counted_from_written(_YEAR_AFTER, sentence, written, year_after)


def _counted_later(sentence: str, written: list[_Candidate]) -> list[_Candidate]:
    """`the following day`, `two weeks later`, `a month earlier`: counted from the last
    date written before them in the sentence, at the precision it allows (a day needs a
    day)."""

    def later(match: re.Match[str], base: PartialDate) -> PartialDate | None:
        count = _NUMBER_WORDS[(match["n"] or "one").lower()]
        count = count if (match["dir"] or "").lower() == "earlier" else -count
        return _ago(count, (match["unit"] or match["units"]).lower())(base, False)

    return _counted_from_written(_LATER, sentence, written, later)


def _counted_from_written(
    pattern: re.Pattern[str],
    sentence: str,
    written: list[_Candidate],
    count: Callable[[re.Match[str], PartialDate], PartialDate | None],
) -> list[_Candidate]:
    """Each match of `pattern` dated by `count` from the last date written before it in
    the sentence; a match with no date before it, or that `count` cannot date, is none."""
    candidates = []
    for match in pattern.finditer(sentence):
        before = [c for c in written if c.end <= match.start()]
        base = before[-1].resolve(None, False) if before else None
        date = None if base is None else count(match, base)
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _fixed(date)))
    return candidates


def _first_wins_candidates(candidates: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _fixed(date: PartialDate) -> _Resolver:
    return lambda published, planned: date


def _explicit_candidates(sentence: str, hints: _Hints) -> list[_Candidate]:
    """Dates with a written year: full dates, `April 2015`, `in 2015`."""
    candidates = [
        _Candidate(found.start, found.end, _fixed(found.date))
        for found in _full_dates(sentence, months=hints.months)
    ]
    if not hints.year:
        return candidates
    months = hints.months
    for match in _MONTH_YEAR.finditer(sentence) if months else ():
        date = _date_from_match(match)
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _fixed(date)))
    for match in _MONTH_RANGE.finditer(sentence) if months and hints.dashes else ():
        months_of = _month_number(match["m"]), _month_number(match["m2"])
        date = _make_date(int(match["y"])) if match["y"] and None not in months_of else None
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _fixed(date)))
    for pattern in (_YEAR_ONLY, _DOCUMENT_YEAR, _FOR_YEARS, _FISCAL_YEAR):
        for match in pattern.finditer(sentence):
            date = _make_date(int(match["y"] or match.group("y2")))  # (y2: a fiscal year's)
            if date is not None:
                future = pattern is _FOR_YEARS
                candidates.append(_Candidate(match.start(), match.end(), _fixed(date), future))
    for match in _YEARS_WINDOW.finditer(sentence):
        date = _make_date(int(match["y"]))
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _target_only(date)))
    for match in _MOVED_TO_YEAR.finditer(sentence) if tells_a_move(sentence) else ():
        date = _make_date(int(match["y"]))
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _target_only(date)))
    return candidates + _windows(sentence, candidates)


def _target_only(date: PartialDate) -> _Resolver:
    return lambda published, planned: date if planned else None


def _only_planned(resolve: _Resolver) -> _Resolver:
    return lambda published, planned: resolve(published, True) if planned else None


def _windows(sentence: str, written: list[_Candidate]) -> list[_Candidate]:
    """`from October 6, 2025 to October 5, 2026`: a plan's window ends at its target; a
    window told as done starts at its date."""
    windows = []
    for first, last in itertools.pairwise(_first_wins_candidates(written)):
        if _WINDOW_OPEN.search(sentence, max(0, first.start - 9), first.start) and (
            _WINDOW_JOIN.fullmatch(sentence, first.end, last.start)
        ):
            start, end = first.resolve(None, False), last.resolve(None, True)
            if start is not None and end is not None:
                resolve = _window(start, end)
                windows.append(_Candidate(first.start, last.end, resolve))
    return windows


def _window(start: PartialDate, end: PartialDate) -> _Resolver:
    return lambda published, planned: end if planned else start


def _relative_candidates(sentence: str, hints: _Hints) -> list[_Candidate]:
    """Date expressions that need the publication date to be resolved."""
    candidates = []
    months = hints.months
    for match in _MONTH_RELATIVE_YEAR.finditer(sentence) if months and hints.year_word else ():
        month = _month_number(match["m"])
        offset = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(
            match["rel"].split()[-1].lower(), 0
        )
        if month is not None:
            resolve = _month_of_relative_year(month, offset)
            candidates.append(_Candidate(match.start(), match.end(), resolve, future=offset > 0))
    for match in _YEARLESS_MONTH.finditer(sentence) if months else ():
        month = _month_number(match["m"])
        lead = match["lead"].lower()
        if lead.endswith("to") and _NAME_AFTER.match(sentence, match.end("m")):
            continue  # `moved to October Street`: a place named for the month
        if month is not None:
            candidates.append(_Candidate(match.start(), match.end(), _yearless_month(month, lead)))
    for pattern in _NO_YEAR_PATTERNS if months else ():
        for match in pattern.finditer(sentence):
            month = _month_number(match["m"])
            if month is not None:
                resolve = _yearless_day(month, int(match["d"]))
                candidates.append(_Candidate(match.start(), match.end(), resolve))
    for match in _MOVED_TO_TIME.finditer(sentence) if tells_a_move(sentence) else ():
        month = _month_number(match["m"]) if match["m"] else None
        if match["m"] and month is None:
            continue
        resolve = (
            _yearless_month(month, "to")
            if month is not None
            else _year_of_part(_PART_MONTHS[match["s"].lower()], "to")
        )
        candidates.append(_Candidate(match.start(), match.end(), _only_planned(resolve)))
    for match in _MONTH_RANGE.finditer(sentence) if months and hints.dashes else ():
        first, last = _month_number(match["m"]), _month_number(match["m2"])
        if first is not None and last is not None and not match["y"]:
            lead = (match["lead"] or "in").lower()
            candidates.append(
                _Candidate(match.start(), match.end(), _year_of_part((first, last), lead))
            )
    for match in _YEAR_PART.finditer(sentence) if hints.part else ():
        short = match["qn"] or match["nq"] or match["hn"] or match["nh"]
        if short and not match["lead"]:
            continue  # `H2 revenue`: a short part is a date only after its `in`, `by` …
        lead = (match["lead"] or match["slead"] or "in").lower()
        months = _months_of_part(match)
        future = lead == "next"
        # `last summer` is the year before's, even told after this year's (`this summer`)
        resolve = _year_before() if match["s"] and lead == "last" else _year_of_part(months, lead)
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=future))
    for match in _RELATIVE_PERIOD.finditer(sentence) if hints.period else ():
        if match["before"]:  # `the year before last`
            resolve = _period_before(match["before"].lower(), 2)
            candidates.append(_Candidate(match.start(), match.end(), resolve))
            continue
        which = " ".join(match["which"].lower().split())
        resolve = _relative_period(which, match["unit"].lower())
        future = which in ("next", "coming", "later this")
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=future))
    for match in _PART_OF_PERIOD.finditer(sentence) if hints.period else ():
        resolve = _relative_period("this", match["unit"].lower())
        candidates.append(_Candidate(match.start(), match.end(), resolve))
    for match in _WEEKEND.finditer(sentence) if hints.weekend else ():
        future = match.group().lower().startswith("this")
        candidates.append(_Candidate(match.start(), match.end(), _weekend(), future=future))
    for match in _AGO.finditer(sentence) if hints.ago else ():
        unit = match["unit"].lower()
        if match["half"]:  # half a year: six months; half a month and less: no date told
            if unit != "year":
                continue
            number, unit = 6, "month"
        else:
            count = match["n"].lower()
            if count.isdigit():
                number = int(count)
            else:  # `a couple of` is two
                number = 2 if "couple" in count else _NUMBER_WORDS[count]
        resolve = _ago(number, unit)
        candidates.append(_Candidate(match.start(), match.end(), resolve))
    for match in _DAY_WORD.finditer(sentence) if hints.day else ():
        word = " ".join(match["word"].lower().split())
        offset = {"tomorrow": 1, "today": 0, "tonight": 0, "the day before yesterday": -2}
        offset = 0 if word.startswith("this ") else offset.get(word, -1)  # the day before
        resolve = _days_from_published(offset)
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=offset > 0))
    for match in _WEEKDAY_WORD.finditer(sentence) if hints.day else ():
        relation = (match["rel"] or "on").lower()
        weekday = _WEEKDAY_NAMES.index(match["wd"].lower())
        resolve = _weekday(weekday, relation)
        future = relation == "next"
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=future))
    return candidates


def _is_planned(sentence: str, start: int, end: int, floor: int = 0) -> bool:
    """Whether the date at `sentence[start:end]` is a target rather than a past event, read
    from `floor` on (the words of its predicate)."""
    before = _PLACE_AND_DASH.sub("", sentence[floor:start], count=1)
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if _TARGET_BEFORE.search(before) or _TARGET_LEAD.match(sentence[start:end]):
        return True
    moved = _MOVED_LEAD.match(sentence, start, end)  # `back to 2027`: its lead read before
    if _MOVED_BEFORE.search(before + (moved.group() if moved else "")):
        return True
    if _DONE_BEFORE.search(before) or _SINCE_BEFORE.search(before):
        return False
    futures = list(_FUTURE.finditer(before))
    if futures and not _REPORTING.search(_OWN_VERB.sub("", before[futures[-1].end() :], 1)):
        turns = [m.end() for m in _BUT.finditer(before, futures[-1].end())]
        if not turns or _FUTURE.search(before, turns[-1]):
            return True
    if _LEADING_PREPOSITION.match(before):
        # The date opens its sentence (`In 2026, Huawei will ...`): its clause follows.
        after = _CLAUSE_BREAK.split(sentence[end:].lstrip(" ,"), maxsplit=1)[0]
        future = _FUTURE.search(after)
        return bool(future) and not _REPORTING.search(after[: future.start()])
    return False


# Resolvers of relative expressions. Each needs a publication date precise enough for
# the answer it gives (`yesterday` needs a day) and returns None otherwise.


def _month_of_relative_year(month: int, offset: int) -> _Resolver:
    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        return None if published is None else _make_date(published.year + offset, month)

    return resolve


def _yearless_month(month: int, lead: str) -> _Resolver:
    """`in November`: the latest November up to publication (`by November`: the next)."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.month is None:
            return None
        year = published.year
        if lead == "last":
            year -= month >= published.month
        elif lead == "next":
            year += month <= published.month
        elif planned:
            year += month < published.month
        elif lead != "this":
            year -= month > published.month
        return _make_date(year, month)

    return resolve


def _yearless_day(month: int, day: int, lag: int = _LAGGING_DAYS) -> _Resolver:
    """`on January 27`: the latest such day up to publication (a target: the next). A day
    at most a week after a day-precision publication date is that year's: a feed's date
    lags the story by a day or two (`said on May 12` in a story dated May 11); `lag`: that
    week (a dateline's day is never after publication: 0)."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.month is None:
            return None
        year = published.year
        if planned:
            year += (month, day) < (published.month, published.day or 1)
        else:
            year -= (month, day) > (published.month, published.day or 31)
            if published.day is not None and (late := _make_date(year + 1, month, day)):
                year += (late.first_day() - published.first_day()).days <= lag
        return _make_date(year, month, day)

    return resolve


def _months_of_part(match: re.Match[str]) -> tuple[int, int]:
    """The first and last months of the part of a year `_YEAR_PART` matched."""
    if match["q"]:
        return _PART_MONTHS[f"{match['q'].lower()} quarter"]
    if match["h"]:
        return _PART_MONTHS[f"{match['h'].lower()} half"]
    if number := match["qn"] or match["nq"]:  # `Q3`, `3Q`
        return 3 * int(number) - 2, 3 * int(number)
    if number := match["hn"] or match["nh"]:  # `H2`, `2H`
        return 6 * int(number) - 5, 6 * int(number)
    return _PART_MONTHS[(match["s"] or match["e"] or "end").lower()]


def _year_of_part(months: tuple[int, int], lead: str) -> _Resolver:
    """`in the third quarter`, `this autumn`: the year of the latest such part begun by
    publication (a target: of the next one not over); `last`, `next`: the last one over
    and the next one not begun; `this`: the publication's year."""
    first, last = months

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.month is None:
            return None
        year = published.year
        if lead == "last":
            year -= last >= published.month
        elif lead == "next":
            year += first <= published.month
        elif lead != "this":
            if planned:
                year += last < published.month
            else:
                year -= first > published.month
        return _make_date(year)

    return resolve


def _year_before() -> _Resolver:
    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        return None if published is None else _make_date(published.year - 1)

    return resolve


def _relative_period(which: str, unit: str) -> _Resolver:
    """`last month`, `this year`, `earlier this week`, `next year`."""
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    if unit != "week":
        return _period_from_published(unit, offset)

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.day is None:
            return None
        today = published.first_day()
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
        if which == "earlier this" or (which in ("this", "current") and not planned):
            last = today  # what happened this week happened by the day it was told
        elif which == "later this" or (which in ("this", "current") and planned):
            first = today
        return _common_date(first, last)

    return resolve


def _period_before(unit: str, count: int) -> _Resolver:
    """`the year before last`: the period `count` before publication's."""
    if unit == "week":
        return _ago(count, "week")
    return _period_from_published(unit, -count)


def _period_from_published(unit: str, offset: int) -> _Resolver:
    """The year, month or quarter `offset` of them from publication's (`last month`: -1); a
    quarter is kept as its year, as a quarter written is."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None:
            return None
        if unit == "year":
            return _make_date(published.year + offset)
        if published.month is None:
            return None
        months = offset if unit == "month" else 3 * offset
        year, month = _add_months(published.year, published.month, months)
        return _make_date(year, month) if unit == "month" else _make_date(year)

    return resolve


def _weekend() -> _Resolver:
    """The Saturday and Sunday before the story's day (it told on one of them: that one's
    weekend); for a target, the next weekend not over."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.day is None:
            return None
        today = published.first_day()
        if planned:
            saturday = today + dt.timedelta(days=(5 - today.weekday()) % 7)
            if today.weekday() == 6:
                saturday = today - dt.timedelta(days=1)
        else:
            saturday = today - dt.timedelta(days=(today.weekday() - 5) % 7)
        sunday = saturday + dt.timedelta(days=1)
        return _common_date(saturday, min(sunday, today) if not planned else sunday)

    return resolve


def _ago(number: int, unit: str) -> _Resolver:
    """`a year ago` (month precision if publication has a month), `two years ago` (a
    year: the further back, the rounder the count), `two months ago`."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None:
            return None
        if unit == "year":
            month = published.month if abs(number) == 1 else None
            return _make_date(published.year - number, month)
        if unit == "month":
            if published.month is None:
                return None
            return _make_date(*_add_months(published.year, published.month, -number))
        if published.day is None:
            return None
        if unit == "day":
            return _from_day(published.first_day() - dt.timedelta(days=number))
        then = published.first_day() - dt.timedelta(weeks=number)
        monday = then - dt.timedelta(days=then.weekday())
        return _common_date(monday, monday + dt.timedelta(days=6))

    return resolve


def counted_ahead(sentence: str, published: PartialDate | None) -> PartialDate | None:
    """The aim a time counted forward from the story's day gives (`within six months`, `in
    two years`, «в течение пяти лет»): that long after `published`, a month kept for a
    count of months (or of one year); None when the sentence writes no such time."""
    low = sentence.lower()
    if not any(word in low for word in ("month", "year", *WITHIN_HINTS)):
        return None  # the test costs ~0.3 µs, the search ~5 µs
    match = _WITHIN.search(sentence)
    if match is None or published is None:
        return None
    return _ago(-_count_ahead(match), _unit_ahead(match))(published, True)


def _count_ahead(match: re.Match[str]) -> int:
    """The count of a `_WITHIN` match: `six` months, «пяти» лет, «года» alone one."""
    word = (match["n"] or match["n2"] or match["rn"] or "1").lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word) or GENITIVE_COUNTS.get(word) or int(COUNTS.get(word, "1"))


def _unit_ahead(match: re.Match[str]) -> str:
    """The unit of a `_WITHIN` match: month or year."""
    unit = (match["unit"] or match["runit"]).lower()
    return "month" if unit.startswith("month") or UNIT_STEMS.get(unit[:3]) == "month" else "year"


def _days_from_published(offset: int) -> _Resolver:
    """`today`, `yesterday`, `tomorrow`: only from a day-precision publication date."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.day is None:
            return None
        return _from_day(published.first_day() + dt.timedelta(days=offset))

    return resolve


def _weekday(weekday: int, relation: str) -> _Resolver:
    """`on Tuesday`: the latest Tuesday up to publication (a target: the next one)."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.day is None:
            return None
        today = published.first_day()
        if relation == "next":
            delta = (weekday - today.weekday()) % 7 or 7
        elif relation == "last":
            delta = -((today.weekday() - weekday) % 7 or 7)
        elif planned:
            delta = (weekday - today.weekday()) % 7
        else:
            delta = -((today.weekday() - weekday) % 7)
        return _from_day(today + dt.timedelta(days=delta))

    return resolve


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _from_day(day: dt.date) -> PartialDate | None:
    return _make_date(day.year, day.month, day.day)


def _common_date(first: dt.date, last: dt.date) -> PartialDate | None:
    """The most precise PartialDate covering a span of days (a week may cross a month)."""
    if first == last:
        return _from_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return _make_date(first.year, first.month)
    return _make_date(first.year) if first.year == last.year else None
