"""Word tokens and sentences of a text, with character offsets into it.

Matching works on tokens, so `fiber-optic`, `fiber optic` and `fiber “optic` are the
same phrase, `Iran’s` contains the word `Iran`, and `Uzbektelecom` never contains `Uzbek`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .stemming import stem

# A word: letters/digits/underscore, joined by `.` or `&` inside (`U.S`, `24.kg`, `AT&T`).
TOKEN = re.compile(r"\w+(?:[.&]\w+)*")
# Characters that may separate the words of one phrase without changing it.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—\"'“”‘’«»„]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)]*\s+|\n\s*")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "corp",
        "inc",
        "ltd",
        "co",
        "gen",
        "retd",
        "maj",
        "col",
        "lt",
        "prof",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
    ]
)


def tokenize(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and matching keys (`word_key`) of the words of `text`."""
    starts: list[int] = []
    ends: list[int] = []
    folded: list[str] = []
    for match in TOKEN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
        folded.append(word_key(match.group()))
    return starts, ends, folded


def word_key(word: str) -> str:
    """What a word is matched by: case-folded; a Russian word reduced to its stem."""
    return stem(word.casefold())


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The keys of the words of a phrase: two phrases with one key match the same text."""
    return tuple(word_key(match.group()) for match in TOKEN.finditer(phrase))


def gap_signature(gap: str) -> str:
    """What a gap between words says beyond plain separators (`,` in `Development, Innovation`)."""
    return _SEPARATORS.sub("", gap)


def phrase_gaps(phrase: str) -> tuple[str, ...]:
    """The gap signatures between the words of a phrase."""
    spans = [match.span() for match in TOKEN.finditer(phrase)]
    return tuple(gap_signature(phrase[a[1] : b[0]]) for a, b in pairwise(spans))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if (
            match.group()[0] == "."
            and "\n" not in match.group()  # `etc.` at the end of a line still ends it
            and _is_abbreviation(text, match.start())
        ):
            continue
        end = match.start() + len(match.group().rstrip())
        if text[start:end].strip():
            spans.append(_strip_span(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].casefold()
    # `I. Razzakov`: a lone capital initial does not end a sentence either.
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
