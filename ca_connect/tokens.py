"""Word tokens and sentences of a text, with character offsets into it.

Matching works on tokens, so `fiber-optic`, `fiber optic` and `fiber “optic` are the
same phrase, `Iran’s` contains the word `Iran`, and `Uzbektelecom` never contains `Uzbek`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from .spelling import fold
from .stemming import is_cyrillic, stem

# A word: letters/digits/underscore, joined by `.` or `&` inside (`U.S`, `24.kg`, `AT&T`),
# and the Uzbek letters oʻ and gʻ written with an apostrophe (`O'zbekiston`), which is no
# possessive (`Hugo's`). A year glued to a name is a word of its own (`2008Tajiktelecom`).
TOKEN = re.compile(r"(?:1[89]|20)\d\d(?=[A-Z][a-z])|\w+(?:[.&]\w+|(?<=[OoGg])['’‘`](?!s\b)\w+)*")
_LATIN = re.compile(r"[a-zà-ɏ]")
# Characters that may separate the words of one phrase without changing it.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—\"'“”‘’«»„]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)]*\s+|\n\s*")
# Characters in one sentence at most; a longer run without a sentence end (a table, a
# dump) is cut at spaces. The rules read inside a sentence cost the square of its length,
# and real sentences stay far below this (the longest in the shared sets: 745).
MAX_SENTENCE = 2_000
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
    """Starts, ends and case-folded words of `text` (`token_keys` gives their match keys)."""
    starts: list[int] = []
    ends: list[int] = []
    folded: list[str] = []
    for match in TOKEN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
        folded.append(match.group().casefold())
    return starts, ends, folded


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The case-folded words of a phrase (`match_key` gives the keys they match by)."""
    return tuple(match.group().casefold() for match in TOKEN.finditer(phrase))


@lru_cache(maxsize=1 << 16)  # a corpus repeats its words: each is keyed once
def word_key(word: str) -> str:
    """What a word matches by: the key of its script's spelling rule, one line per script."""
    if _LATIN.match(word):
        return fold(word)  # Latin: transliteration variants (spelling.py)
    if is_cyrillic(word):
        return stem(word.casefold())  # Cyrillic: one key for a word's case forms (stemming.py)
    return word.casefold()


def match_key(phrase: str) -> tuple[str, ...]:
    """The word keys of a phrase: dictionary names and text match when these are equal."""
    return tuple(word_key(word) for word in phrase_key(phrase))


_KEYS: list = [None, []]  # the last token list keyed, and its keys


def token_keys(folded: list[str]) -> list[str]:
    """The word keys of a text's tokens (`tokenize(text)[2]`), computed once per text.

    Every matcher of a text asks for the same list, so the last answer is kept.
    """
    if _KEYS[0] is not folded:
        _KEYS[:] = [folded, [word_key(word) for word in folded]]
    return _KEYS[1]


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
        _add_sentence(spans, text, start, end)
        start = match.end()
    _add_sentence(spans, text, start, len(text))
    return spans


def _add_sentence(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add [start, end) without its outer spaces, cut at spaces into MAX_SENTENCE pieces."""
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add_sentence(spans, text, start, cut)
        start = cut
    if text[start:end].strip():
        spans.append(_strip_span(text, start, end))


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
