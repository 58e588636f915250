"""A sentence that tells two steps of a deal: progress, then what stopped it.

`Works began in spring 2021, but they have been frozen since December`, `the launch
ceremony took place three years ago, but the pandemic delayed the financing`, `the two
were near a deal in May 2022 before a court ruling froze the talks`: the
event extractor reads one event (the stall), the deal's history has two entries. The
first clause's step (deployment: construction or works began, a launch ceremony; talks:
negotiations, close to signing; mou: a memorandum signed; agreement: a contract signed; in
either language) keeps the date it gives. The stall after `but` (`но`, `однако`) is dated
by its own words, else it is the news of the article (its date); after `before` or
`until` (`прежде чем`, `пока не`, `до того как`) it happened at the step's date. Pure.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick

from ..dates.events import resolve_event_date
from ..lazy_pattern import LazyPattern
from ..models import PartialDate

# Every Cue's words, numbered once, and a text's words found in one pass over it: the
# words of all the cues tested on one text (story.py asks up to twenty of a sentence) are
# looked for once, not once a cue and word (some cues hold forty). Kept for the last texts,
# by the text (a str caches its hash): a sentence is asked again for each of its events.
_WORD_NUMBERS: dict[str, int] = {}
_RECENT_TEXTS = 64
_HELD: OrderedDict[str, frozenset[int]] = OrderedDict()
_word_search: AhoCorasick | None = None


def _numbered(words: tuple[str, ...]) -> frozenset[int]:
    """The numbers of `words` among every cue's (the search made again with new ones)."""
    global _word_search
    for word in words:
        if word not in _WORD_NUMBERS:
            _WORD_NUMBERS[word] = len(_WORD_NUMBERS)
            _word_search = None
            _HELD.clear()
    return frozenset(_WORD_NUMBERS[word] for word in words)


def _held(text: str, lowered: str | None) -> frozenset[int]:
    """The numbers of the cues' words `text` holds in lower case (as `word in lowered`
    finds them: anywhere, overlapping ones too)."""
    held = _HELD.get(text)
    if held is None:
        global _word_search
        if _word_search is None:
            _word_search = AhoCorasick(list(_WORD_NUMBERS))  # numbered in their order
        found = _word_search.find_matches_as_indexes(
            text.lower() if lowered is None else lowered, overlapping=True
        )
        held = frozenset([number for number, _, _ in found])
        if len(_HELD) >= _RECENT_TEXTS:
            _HELD.popitem(last=False)  # the oldest
        _HELD[text] = held
    return held


class Cue:
    """A cue pattern (case-insensitive) searched only in text holding one of its `words`
    (lower case; every match holds one): most sentences hold none, and the words of every
    cue are found in a text by one pass (`_held`). Compiled when first searched (a
    LazyPattern, so read back from the stored patterns): most cues are met in no article,
    and compiling all of them cost an added article's command ~13 ms."""

    __slots__ = ("_numbers", "flags", "pattern", "regex", "words")

    def __init__(self, pattern: str, flags: int = re.IGNORECASE, *, words: tuple[str, ...]):
        self.pattern = pattern
        self.flags = flags
        self.regex = LazyPattern(pattern, flags)
        self.words = words
        self._numbers = _numbered(words)

    def search(self, text: str, lowered: str | None = None) -> re.Match[str] | None:
        """The cue's first match in `text` (`lowered`: `text` in lower case, where the
        caller has it)."""
        if self._numbers.isdisjoint(_held(text, lowered)):
            return None
        return self.regex.search(text)


# Work delayed or postponed: a stall (story.py), whether an event reads it or not. In
# Russian: `отложен`, `перенесен на 2026 год`, `сроки перенесли`, `ввод переносится`,
# `задержка`, `отставание от графика`, `заморожен`.
_RU_DELAYED = (
    r"отлож\w*|перенес(?:ен|ена|ено|ены|ли|ла)\b|перенесён\w*|перенос(?:ится|ятся)\b|заморож\w*"
    r"|отставани\w*\s+от\s+графика"
    # `отсрочен`, `отсрочка`; `заморозили`; `застопорилось`; `затянулось`, `затягивается`;
    # `пробуксовывает`; `поставлен на паузу`; `сроки сдвинулись` (not `сдвинулось с мёртвой
    # точки`: got moving)
    r"|отсроч\w*|заморозил\w*|застопорил\w*|затянул(?:ось|ся|ась|ись)"
    r"|затягива(?:ется|ются|лось|лся|лась|лись)|пробуксовыва\w*|на\s+пауз[уе]"
    r"|срок\w*\s+(?:\S+\s+){0,3}?(?:сдвинул|сдвига|сдвинут)\w*|(?:сдвинул|сдвинут)\w*\s+(?:\w+\s+)?срок\w*"
)
# The same in English, as the press tells it: deferred, pushed back or into 2027, put off,
# put on ice or on the back burner, in limbo, ground to a halt, at a standstill, bogged down.
_EN_DELAYED = (
    r"deferred|pushed\s+back|pushed\s+(?:\S+\s+){0,3}?(?:into|until)\s+(?:\w+\s+){0,3}?(?:19|20)\d\d"
    r"|pushed\s+(?:out\s+)?to\s+(?:\w+\s+){0,3}?(?:19|20)\d\d|(?:was|were|been|being)\s+put\s+off|put\s+off\s+(?:until|till|to)"
    r"|put\s+on\s+ice|on\s+the\s+back\s+burner|in\s+limbo|(?:ground|came|come)\s+to\s+a\s+"
    r"(?:halt|standstill)|at\s+a\s+standstill|bogged\s+down"
)
DELAYED_WORDS = (
    *("deferred", "pushed", "put off", "on ice", "back burner", "limbo", "halt", "standstill"),
    *("bogged", "перенесён", "отсроч", "заморозил", "застопорил", "затян", "затягива"),
    *("пробуксовыва", "пауз", "сдвин", "сдвига"),
)
# A step that was to begin and never did: `the pilot did not start`, `failed to get under
# way`, `never began`, `работы так и не начались`, `так и не стартовал`.
_NOT_STARTED = (
    r"(?:did\s+not|didn't|failed\s+to)\s+(?:start|begin|get\s+under\s+way|take\s+off)"
    r"|never\s+(?:started|began|begun|got\s+under\s+way|took\s+off)"
    r"|так\s+и\s+не\s+(?:\w+\s+)?(?:начал|начат|стартовал|приступил)\w*"
)
_NOT_STARTED_WORDS = ("did not", "didn't", "failed to", "never", "так и не")
NOT_STARTED = Cue(rf"\b(?:{_NOT_STARTED})\b", words=_NOT_STARTED_WORDS)
DELAY_WORDS = (
    "delay",
    "postpon",
    "on hold",
    "stall",
    "behind schedule",
    "отлож",
    "перенес",
    "перенос",
    "заморож",
    "отставани",
    "задерж",
    *DELAYED_WORDS,
    *_NOT_STARTED_WORDS,
)
DELAY_CUES = Cue(
    r"\b(?:delay(?:ed|s)?|postpone(?:d|ment)?|on hold|stall(?:ed|s)?|behind schedule"
    rf"|{_EN_DELAYED}|{_RU_DELAYED}|задерж\w*"
    # an aim given up: `will not be completed before June`, `will not be ready this year`
    r"|will\s+not\s+be\s+(?:ready|completed|finished|closed|launched|commissioned)"
    r"\s+(?:before|until|this\s+year|as\s+(?:planned|promised|scheduled))"
    # a step still not taken: `has still not been registered`, `до сих пор не завершено`,
    # `the pilot did not start` (NOT_STARTED)
    r"|(?:has|have)\s+still\s+not\s+been|до\s+сих\s+пор\s+не"
    # ... or yet to be taken (`has yet to begin`, `is yet to be completed`; not `has yet to
    # commit`: talks go on)
    r"|(?:has|have|is|are)\s+yet\s+to\s+(?:begin|start|open|be\s+(?:completed|finished|launched"
    r"|commissioned|built|registered))"
    rf"|{_NOT_STARTED})\b",
    words=(*DELAY_WORDS, "will not be", "still not", "до сих пор", "yet to"),
)
# The same said of work where no event reads it: not a bare `delay` (`задержка`), which is
# as often the network's (`cut the delay for local websites to 5 milliseconds`). Also the
# other ways the press tells work stalled or an aim missed: held up, work stopped or
# halted, a date that slipped, a deadline missed, a service still not running or not to
# open before a later date, a schedule broken (`сорвал график`, `срыв сроков`), works
# suspended, an aim that cannot be met (`выполнить не удастся`), a step that never began
# (`the pilot did not start`, `так и не начались`).
WORK_DELAYED = LazyPattern(
    r"\b(?:delayed|delays|postpone(?:d|ment)?|on hold|stall(?:ed|s)?|behind schedule"
    rf"|{_EN_DELAYED}|held\s+up|(?:fell|fallen)\s+behind|(?:missed|misses)\s+(?:its|the|their|a)\s+(?:\w+\s+)?"
    r"(?:deadline|target)"
    r"|(?:date|deadline|schedule|timetable|launch|opening|completion|commissioning)"
    r"\s+(?:has\s+|had\s+)?slipped|slipped\s+(?:again|back)"
    r"|(?:construction|works?|laying|installation|building|roll-?out)\b[^.;,]{0,40}?"
    r"\b(?:stopped|halted|suspended|frozen)"
    r"|(?:is|are|was|were|remains?|remained)\s+still\s+not\s+(?:in\s+service|open|operational"
    r"|ready|working|completed?|finished|built)"
    r"|will\s+not\s+(?:open|launch|start|be\s+(?:ready|completed|finished|open|launched"
    r"|commissioned))\s+(?:before|until|this\s+year|on\s+time|as\s+(?:planned|promised"
    r"|scheduled))"
    rf"|{_RU_DELAYED}|задержк\w+\s+(?:с|поставок|строительства|работ)|задержива\w*"
    r"|сорва(?:л|ла|ло|ли|н|ны)\s+(?:\w+\s+)?(?:график|срок)\w*|срыв\w*\s+(?:\w+\s+)?"
    r"(?:график|срок)\w*"
    r"|(?:работы|строительство|прокладка|монтаж)\s+(?:\w+\s+){0,3}?(?:приостановлен|остановлен"
    r"|прекращен)\w*"
    r"|(?:выполнить|завершить|запустить|уложиться|ввести|сдать)[^.;]{0,60}?не\s+удастся"
    r"|не\s+удастся\s+(?:выполнить|завершить|запустить|уложиться|ввести|сдать)"
    rf"|{_NOT_STARTED})\b",
    re.IGNORECASE,
)
DESPITE = Cue(
    r"\b(?:despite|notwithstanding|in spite of)\b", words=("despite", "notwithstanding", "spite")
)
# `but` (`но`, `однако`: the stall after it is dated by its own words), or `before`,
# `until` (`прежде чем`, `пока не`, `до того как`: the stall happened at the step's date).
_JOIN = LazyPattern(
    r"(?:,|\s)\s*(?P<join>but|before|until|но|однако|прежде\s+чем|пока\s+не|до\s+того\s+как)\s",
    re.IGNORECASE,
)
_BUT = ("but", "но", "однако")
_JOIN_WORDS = ("but", "before", "until", "но", "однако", "прежде", "пока", "до того")
_STEPS = (
    (
        "deployment",
        LazyPattern(
            r"\b(?:construction|works?|building|laying)\b[^,;]{0,60}?\b(?:began|begun|started"
            r"|commenced)\b|\b(?:launch|groundbreaking)\s+ceremony\b|\bceremony\s+of\s+"
            r"launching\b"
            # `строительство началось в мае`, `начали прокладку`, `церемония закладки`
            r"|(?<!\w)(?:строительств|работ|монтаж|прокладк|установк)\w*[^,;]{0,60}?(?<!\w)"
            r"(?:начал|начат|стартовал)\w*|(?<!\w)(?:начал|начат|стартовал)\w*\s+(?:\S+\s+)?"
            r"(?:строительств|работ|монтаж|прокладк|установк)\w*|(?<!\w)церемони\w*\s+(?:закладки"
            r"|запуска|старта)",
            re.IGNORECASE,
        ),
    ),
    (
        "talks",
        LazyPattern(
            r"\b(?:close\s+to\s+(?:signing|an?\s+(?:agreement|deal|contract))|negotiat\w+"
            r"|(?:held|in)\s+talks)\b"
            r"|(?<!\w)(?:переговор\w*|близк\w*\s+к\s+(?:подписанию|соглашению|сделке))",
            re.IGNORECASE,
        ),
    ),
    (
        # a memorandum signed (`the memorandum was signed in 2019, but talks stalled`)
        "mou",
        LazyPattern(
            r"\b(?:memorand\w*|MoU)\b[^,;]{0,60}?\b(?:was\s+|were\s+|had\s+been\s+)?signed\b"
            r"|\bsigned\s+(?:a|an|the|its|their)\s+(?:\S+\s+){0,2}?(?:memorand\w*|MoU)\b"
            r"|(?<!\w)(?:меморандум\w*[^,;]{0,60}?(?<!\w)подписа\w*|подписа\w*\s+(?:\S+\s+){0,2}?"
            r"меморандум\w*)",
            re.IGNORECASE,
        ),
    ),
    (
        # a contract signed (`the contract was signed in 2021, but the works were delayed`,
        # `контракт подписали в 2021 году, однако работы отложены`)
        "agreement",
        LazyPattern(
            r"\b(?:contract|agreement|deal|loan|grant)s?\b[^,;]{0,60}?\b(?:was\s+|were\s+"
            r"|had\s+been\s+|has\s+been\s+)?(?:signed|concluded|awarded)\b"
            r"|\bsigned\s+(?:a|an|the|its|their)\s+(?:\S+\s+){0,2}?(?:contract|agreement|deal"
            r"|loan|grant)\b"
            r"|(?<!\w)(?:(?:контракт|договор|соглашени)\w*[^,;]{0,60}?(?<!\w)(?:подписа|заключ)\w*"
            r"|(?:подписа|заключ)\w*\s+(?:\S+\s+){0,2}?(?:контракт|договор|соглашени)\w*)",
            re.IGNORECASE,
        ),
    ),
)


@dataclass(frozen=True)
class TwoSteps:
    """The step a stalled event's sentence tells first, and when each happened."""

    stage: str
    date: PartialDate | None  # the step's
    stalled: PartialDate | None  # the stall's


def two_steps(
    text: str, date: PartialDate | None, published: PartialDate | None, stall_cue: Cue
) -> TwoSteps | None:
    """The two steps of a stalled event's sentence `text` dated `date`, in an article
    of `published` (module docstring); None unless the stall (`stall_cue`) follows a
    step joined by `but`, `before` or `until`."""
    lowered = text.lower()
    if not any(word in lowered for word in _JOIN_WORDS):
        return None
    for join in _JOIN.finditer(text):
        # the clause before the join: `...loan in 2019; construction began later but`
        first = re.split(r"[;:]\s", text[: join.start()])[-1]
        rest = text[join.end() :]
        if not stall_cue.search(rest) or stall_cue.search(first):
            continue
        stage = next((stage for stage, cue in _STEPS if cue.search(first)), None)
        if stage is None:
            return None
        told = resolve_event_date(first, published)
        step = told.date if told is not None and not told.planned else date
        if join["join"].lower() not in _BUT:
            return TwoSteps(stage, step, step)
        own = resolve_event_date(rest, published)
        stalled = own.date if own is not None and not own.planned else published
        return TwoSteps(stage, step, stalled)
    return None
