"""Russian-only event rules: when a Russian stage cue reports nothing that happened.

The words the rules of every language read (negations, bridges, modals ...) are the
Russian table of `grammar.py`; the rules here need what English does not have: verb
endings (an infinitive, a short passive participle), the subjunctive particle «бы» and
the prepositions that make a meeting the scene of what a sentence reports. Each rule is
stated in docs/russian.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lazy_pattern import LazyPattern
from ..tagging.matcher import Tokens

# A cue as the rules see it: its stage and its token range [first, last).
CueSpan = tuple[str, int, int]

# Future and obligation auxiliaries: a plan only with a verb after them (`будет
# построен`, `должны развернуть`), not before an adjective (`будет доступна`).
_AUXILIARIES = frozenset(
    {"будет", "будут", "должен", "должна", "должно", "должны"},
)
# How far after an auxiliary its verb may come.
_VERB_REACH = 5
# An infinitive (`построить`, `вести`, `развернуться`) or a short passive participle
# (`построен`, `создана`, `выделено`, `введены`, `открыт`, `развёрнута`). Short adjectives
# (`доступна`, `возможна`, `сопоставима`, `законна`) end otherwise.
_INFINITIVE = LazyPattern(r"(?:ть|ти|чь)(?:ся|сь)?$")
_PARTICIPLE = LazyPattern(r"(?:[аяеё]н|ыт|нут|чат)[аоы]?$")
# A participle in its long, adjectival form (`подключенных абонентов`, `открытые данные`,
# `разворачиваемая система`): an attribute of a noun, not what happened (a planned
# thing, `планируемых проектах`, is still a plan).
_ADJECTIVE_ENDING = r"(?:ый|ий|ая|яя|ое|ее|ые|ого|его|ому|ему|ой|ей|ую|юю|ым|им|ых|их|ыми|ими)"
_ATTRIBUTE = LazyPattern(rf"(?:нн|[аеыяу]т|[еи]м){_ADJECTIVE_ENDING}(?:ся)?$")
# ... an active one (`страной, запустившей 5G`) even for a plan.
_ACTIVE_ATTRIBUTE = LazyPattern(rf"(?:[ую]щ|[ая]щ|вш){_ADJECTIVE_ENDING}(?:ся)?$")
# A gathering opened (`открылась выставка`, `открылся форум`) is no launch.
_GATHERING = LazyPattern(
    r"(?:выставк|форум|конференц|семинар|фестивал|саммит|заседан|сесси)\w*", re.IGNORECASE
)
# The subjunctive: `чтобы` opening a clause of purpose, `бы` a clause of wish or condition.
_SUBJUNCTIVE = frozenset({"чтобы", "бы", "б"})
# An indirect question (`рассказала, на каких условиях будут работать`) or readiness
# (`выразил готовность провести переговоры`) in a cue's clause: nothing reported.
_UNREPORTED = frozenset(
    {
        *("какой", "какая", "какое", "какие", "каких", "каким", "какими", "каком", "какую"),
        *("какого", "какой", "сколько", "почему", "зачем"),
        *("готовность", "готовности", "готов", "готова", "готово", "готовы"),
    }
)
# `по итогам встречи`, `в ходе переговоров`, `на встрече`: a meeting as the scene of what
# the sentence reports.
_SCENE = LazyPattern(
    r"(?:^|\s)(?:по\s+итогам|по\s+результатам|в\s+ходе|во\s+время|в\s+рамках|в\s+кулуарах"
    r"|на|после)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# `согласно меморандуму`, `по условиям контракта`: the document is the source of what
# the sentence tells, not an event of it.
_SOURCE = LazyPattern(
    r"(?:^|\s)(?:согласно|по\s+условиям|в\s+соответствии\s+со?)\s+(?:\w+\s+)?$", re.IGNORECASE
)
# What ends a clause between a subjunctive word and a cue.
_CLAUSE_BREAK = LazyPattern(r"[,;:()–—]")
# Stages a meeting is the scene of: a deal made or work done at it.
_ACTS = frozenset({"mou", "agreement", "deployment", "launch", "cancelled"})


def cue_counts(
    index: int, cues: Sequence[CueSpan], governs: bool, governed: bool, text: str, tokens: Tokens
) -> bool:
    """Whether cue `index` of a sentence reports something (README "Russian-language
    articles", Events): no bare auxiliary before an adjective, nothing in the
    subjunctive (`чтобы`, `бы`), an indirect question or a readiness, no document named
    as a source, no infinitive on its own, no participle used as an adjective, no
    meeting that is only the scene of a deal."""
    stage, first, last = cues[index]
    folded = tokens[2]
    if _in_clause(first, _UNREPORTED | _SUBJUNCTIVE, text, tokens) or folded[last : last + 1] in (
        ["бы"],
        ["б"],
    ):
        return False
    if stage == "plan" and not governs and folded[first:last] and folded[first] in _AUXILIARIES:
        return _verb_follows(last, text, tokens)
    if _SOURCE.search(text[: tokens[0][first]]):
        return False
    if _INFINITIVE.search(folded[first]):
        # Under a plan: governed, or right after another cue (`планируется подключить`).
        return governed or any(end == first for _, _, end in cues)
    if last - first == 1 and (
        _ACTIVE_ATTRIBUTE.search(folded[first])
        or (stage != "plan" and _ATTRIBUTE.search(folded[first]))
    ):
        return False
    if stage == "launch" and any(
        _GATHERING.fullmatch(word) for word in folded[max(0, first - 1) : last + 2]
    ):
        return False
    if stage == "talks" and any(other in _ACTS for other, _, _ in cues):
        return not _SCENE.search(text[: tokens[0][first]])
    return True


def _verb_follows(last: int, text: str, tokens: Tokens) -> bool:
    """An infinitive or a passive participle within a few words after an auxiliary, in
    its clause (`должны до 2027 года развернуть`)."""
    starts, ends, folded = tokens
    for index in range(last, min(last + _VERB_REACH, len(folded))):
        if _CLAUSE_BREAK.search(text, ends[index - 1], starts[index]):
            return False
        if _INFINITIVE.search(folded[index]) or _PARTICIPLE.search(folded[index]):
            return True
    return False


def _in_clause(first: int, words: frozenset[str], text: str, tokens: Tokens) -> bool:
    """One of `words` earlier in the cue's clause: `чтобы школы были подключены`, `сеть
    была бы запущена`, `на каких условиях будут работать`."""
    starts, ends, folded = tokens
    for index in range(first - 1, -1, -1):
        if _CLAUSE_BREAK.search(text, ends[index], starts[index + 1]):
            return False
        if folded[index] in words:
            return True
    return False
