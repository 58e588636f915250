"""Word tokens and sentences of a text, with character offsets into it.

Matching works on tokens, so `fiber-optic`, `fiber optic` and `fiber “optic` are the
same phrase, `Iran’s` contains the word `Iran`, and `Uzbektelecom` never contains `Uzbek`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, pairwise

from ahocorasick_rs import AhoCorasick

from .lazy_pattern import LazyPattern
from .spelling import fold
from .stemming import is_cyrillic, stem

try:  # Python's parser of patterns (re._parser from 3.11, sre_parse before)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# A word: letters/digits/underscore, joined by `.` or `&` inside (`U.S`, `24.kg`, `AT&T`),
# and the Uzbek letters oʻ and gʻ written with an apostrophe (`O'zbekiston`), which is no
# possessive (`Hugo's`). A year glued to a name is a word of its own (`2008Tajiktelecom`),
# and so are a time's minutes glued to a capital (`22:33ООН`).
TOKEN = LazyPattern(
    r"(?:1[89]|20)\d\d(?=[A-Z][a-z])"
    r"|(?<=\d:)\d\d(?=[A-ZА-ЯЁ])"
    r"|\w+(?:[.&]\w+|(?<=[OoGg])['’‘`](?!s\b)\w+)*"
)
_LATIN = LazyPattern(r"[a-zà-ɏ]")
# Characters that may separate the words of one phrase without changing it.
_SEPARATORS = LazyPattern(r"[\s\-‐‑‒–—\"'“”‘’«»„]+")
_SENTENCE_END = LazyPattern(r"[.!?…]+[\"'”’»)]*\s+|\n\s*")
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
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


Tokens = tuple[list[int], list[int], list[str]]
# TOKEN as the one group of a split (TOKEN has no group of its own).
_TOKEN_SPLIT = LazyPattern(f"({TOKEN.pattern})")

# The last texts tokenised and split into sentences, with their answers: the tagger, the
# event reader and the deal facts all ask for the same field's tokens and sentences.
# Keyed by the text (a str caches its hash); the answers are shared, never modified.
# Short texts (a phrase, a few words after a name) are not kept: cheap to read again, and
# they would push the fields out.
_RECENT = 4
_KEPT_FROM = 200  # characters
# OrderedDicts: dropping a plain dict's oldest key (next(iter)) scans the slots of the
# keys dropped before it, and the piece caches drop one for every sentence read.
_TOKENIZED: OrderedDict[str, Tokens] = OrderedDict()
_SENTENCES: OrderedDict[str, list[tuple[int, int]]] = OrderedDict()
# Token lists cut from a longer text's (tokenize_span), by id: (the piece's list, the
# whole text's list, the index of the piece's first token in it).
_PIECES: OrderedDict[int, tuple[list[str], list[str], int]] = OrderedDict()
_KEPT_PIECES = 256


def _remember(cache: OrderedDict, key: object, value: object, size: int = _RECENT) -> None:
    if len(cache) >= size:
        cache.popitem(last=False)  # the oldest
    cache[key] = value


def tokenize(text: str) -> Tokens:
    """Starts, ends and case-folded words of `text` (`token_keys` gives their match keys).

    The lists of a recent text are shared between callers: read them, never modify them.
    """
    found = _TOKENIZED.get(text)
    if found is None:
        # [gap, word, gap, word, ..., gap]: strings only, no Match objects (each one a
        # garbage-collected object); the running sum of their lengths gives, in turn,
        # each word's start and end, all without a Python loop.
        parts = _TOKEN_SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        found = (offsets[0:-1:2], offsets[1::2], list(map(str.casefold, parts[1::2])))
        if len(text) >= _KEPT_FROM:
            _remember(_TOKENIZED, text, found)
    return found


def tokenize_span(text: str, start: int, end: int) -> Tokens:
    """`tokenize(text[start:end])`, sliced from the tokens of the whole `text` (tokenised
    once however many sentences it has), unless a word of `text` crosses a cut."""
    starts, ends, folded = tokenize(text)
    first = bisect_left(starts, start)
    last = bisect_left(starts, end)
    if (first and ends[first - 1] > start) or (last and ends[last - 1] > end):
        return tokenize(text[start:end])  # a cut inside a word: the piece reads differently
    known = _KEYS.get(id(folded))
    shift = (-start).__add__  # mapped in C: a comprehension costs half again as much
    piece = (
        list(map(shift, starts[first:last])),
        list(map(shift, ends[first:last])),
        folded[first:last],
    )
    if known is not None and known[0] is folded:  # the keys too, sliced
        _remember_keys(piece[2], known[1][first:last])
    _remember(_PIECES, id(piece[2]), (piece[2], folded, first), _KEPT_PIECES)
    return piece


def piece_of(folded: list[str]) -> tuple[list[str], int] | None:
    """For a token list cut by `tokenize_span`: the whole text's list and where the piece
    starts in it (so that a search of the whole text can serve each piece)."""
    found = _PIECES.get(id(folded))
    if found is None or found[0] is not folded:
        return None
    return found[1], found[2]


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


@lru_cache(maxsize=1 << 15)  # every compile and `add` keys the dictionary's names again
def match_key(phrase: str) -> tuple[str, ...]:
    """The word keys of a phrase: dictionary names and text match when these are equal."""
    return tuple(word_key(word) for word in phrase_key(phrase))


# The keys of the last token lists keyed, by the list's id (the list is kept with them,
# so that its id is not reused while it is here).
_KEYS: OrderedDict[int, tuple[list[str], list[str]]] = OrderedDict()
_KEPT_KEYS = 64


def _remember_keys(folded: list[str], keys: list[str]) -> None:
    _remember(_KEYS, id(folded), (folded, keys), _KEPT_KEYS)


class _WordKeys(dict):
    """word -> word_key(word), filled on first use: a known word is a plain dict lookup
    (map over its __getitem__ runs in C; the lru_cache of word_key costs twice that)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _KEPT_WORDS:
            self.clear()  # bounded, as word_key's cache is
        key = self[word] = word_key(word)
        return key


_KEPT_WORDS = 1 << 16
_WORD_KEYS = _WordKeys()


def clear_word_keys() -> None:
    """Forget every word's key (a bench that swaps the stemmer keys words afresh)."""
    word_key.cache_clear()
    _WORD_KEYS.clear()


def token_keys(folded: list[str]) -> list[str]:
    """The word keys of a text's tokens (`tokenize(text)[2]`), computed once per list.

    Every matcher of a text (and of each of its sentences) asks for the same list.
    """
    found = _KEYS.get(id(folded))
    if found is None or found[0] is not folded:
        found = (folded, list(map(_WORD_KEYS.__getitem__, folded)))
        _remember_keys(folded, found[1])
    return found[1]


def gap_signature(gap: str) -> str:
    """What a gap between words says beyond plain separators (`,` in `Development, Innovation`)."""
    return "" if gap == " " else _SEPARATORS.sub("", gap)  # most gaps: one space


def phrase_gaps(phrase: str) -> tuple[str, ...]:
    """The gap signatures between the words of a phrase."""
    spans = [match.span() for match in TOKEN.finditer(phrase)]
    return tuple(gap_signature(phrase[a[1] : b[0]]) for a, b in pairwise(spans))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a line break always ends one."""
    found = _SENTENCES.get(text)
    if found is None:
        found = _sentence_spans(text)
        if len(text) >= _KEPT_FROM:
            _remember(_SENTENCES, text, found)
    return list(found)  # a copy: callers may keep or change theirs


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        found = match.group()
        if (
            found[0] == "."
            and "\n" not in found  # `etc.` at the end of a line still ends it
            and _is_abbreviation(text, match.start())
        ):
            continue
        if found[0] in "!?" and found.lstrip("!?")[:1] == ")" and text[match.start() - 1].isalpha():
            continue  # a name in brackets (`NurTelecom (O!) and Sky Mobile`) ends nothing
        end = match.start() + len(found.rstrip())
        # Most sentences: no outer spaces and short, kept as they are (= _add_sentence).
        if start < end <= start + MAX_SENTENCE and not (
            text[start].isspace() or text[end - 1].isspace()
        ):
            spans.append((start, end))
        else:
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
    piece = text[start:end]
    if piece.strip():  # without its outer spaces (str.strip's are str.isspace's)
        spans.append((start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())))


def _is_abbreviation(text: str, dot: int) -> bool:
    # Five word characters (or dots) before the dot: longer than any abbreviation.
    if dot >= _LONGEST_ABBREVIATION + 1:
        before = text[dot - _LONGEST_ABBREVIATION - 1 : dot].replace(".", "")
        if before.isalnum():
            return False
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].casefold()
    # `I. Razzakov`: a lone capital initial does not end a sentence either.
    return word in _ABBREVIATIONS or (len(word) == 1 and text[dot - 1].isupper())


# --- the words a pattern needs ---------------------------------------------------------
#
# A pattern is searched only in a text holding one of the words every match of it holds,
# read from the pattern itself by Python's parser of patterns (one vocabulary: the
# pattern's): a part every match must hold (a run of literal letters, a branch each of
# whose ways holds one, a repeat at least once, a lookaround that must hold) gives strings
# one of which a match holds.
_MOST_STRINGS = 256
_SHORTEST = 3  # letters
# Letters a case-insensitive search takes for another's that lower() does not make it
# (`ı` and `İ` for `i`, `ſ` for `s`, the old Cyrillic forms of `в д о с т ъ ѣ ꙋ`): a text
# holding one may match whatever its words.
OTHER_CASES = frozenset("ıİſ" + "".join(map(chr, range(0x1C80, 0x1C89))))


def _exact(item: tuple) -> set[str] | None:
    """The strings (lower case) a part matches exactly: a literal, a class of literals,
    a branch or group of such; None for anything else."""
    op, value = item
    if op is _sre.LITERAL:
        return {chr(value).lower()}
    if op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in value):
        return {chr(code).lower() for _, code in value}
    if op is _sre.BRANCH:
        ways = [_exact_run(list(way)) for way in value[1]]
        return set().union(*ways) if all(way is not None for way in ways) else None
    if op is _sre.SUBPATTERN:
        return _exact_run(list(value[3]))
    return None


def _exact_run(items: list) -> set[str] | None:
    strings = {""}
    for item in items:
        exact = _exact(item)
        if exact is None or len(strings) * len(exact) > _MOST_STRINGS:
            return None
        strings = {s + t for s in strings for t in exact}
    return strings


def _held(items: object) -> list[set[str]]:
    """Sets of strings, one of each of which every match of the parts `items` holds."""
    found: list[set[str]] = []
    run = {""}
    for item in [*items, (None, None)]:  # type: ignore[misc]
        exact = _exact(item) if item[0] is not None else None
        if exact is not None and len(run) * len(exact) <= _MOST_STRINGS:
            run = {s + t for s in run for t in exact}
            continue
        if "" not in run:
            found.append(run)
        run = exact if exact is not None else {""}
        op, value = item
        if op is _sre.SUBPATTERN:
            found += _held(value[3])
        elif op is _sre.BRANCH:
            ways = [_held(way) for way in value[1]]
            if all(ways):  # each way's best stands for it
                found.append(set().union(*(max(way, key=_strength) for way in ways)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and value[0] >= 1:
            found += _held(value[2])
        elif op is _sre.ASSERT:  # a lookahead or lookbehind that must hold
            found += _held(value[1])
    return found


def _strength(strings: set[str]) -> tuple[int, int]:
    """The longer a set's shortest string, the fewer texts hold one; then the fewer."""
    return min(map(len, strings)), -len(strings)


def needed_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...]:
    """Sets of strings (lower case), one of each of which every match of `pattern` holds in
    a text in lower case (unless the text holds an OTHER_CASES letter), strongest first.
    The strongest if its strings have three letters or more, the others if four or more:
    most texts hold a shorter one (`the`, `its`), and each found costs the search a step."""
    held = {
        frozenset(strings) for strings in _held(_sre_parse.parse(pattern.pattern, pattern.flags))
    }
    ranked = sorted(held, key=lambda strings: (_strength(strings), sorted(strings)), reverse=True)
    return tuple(
        strings
        for rank, strings in enumerate(ranked)
        if min(map(len, strings)) >= (_SHORTEST if rank == 0 else _SHORTEST + 1)
    )


class WordGate:
    """Which of some patterns may match in a text: one of the words of each set a pattern
    needs (`needed_words`), found for all of them in one pass over the text in lower case.
    Read when first used."""

    def __init__(self, *patterns: re.Pattern[str] | Callable[[], re.Pattern[str]]) -> None:
        self._patterns = patterns
        self._search: AhoCorasick | None = None
        self._needs: list[tuple[frozenset[int], ...]] = []

    def _compile(self) -> AhoCorasick:
        numbers: dict[str, int] = {}
        for pattern in self._patterns:
            sets = needed_words(pattern if isinstance(pattern, re.Pattern) else pattern())
            self._needs.append(
                tuple(
                    frozenset(numbers.setdefault(word, len(numbers)) for word in words)
                    for words in sets
                )
            )
        self._search = AhoCorasick(list(numbers))  # numbered in their order
        return self._search

    def may_match(self, text: str) -> tuple[bool, ...]:
        """For each pattern, whether `text` holds a word of each set it needs."""
        search = self._search or self._compile()
        if not OTHER_CASES.isdisjoint(text):
            return (True,) * len(self._needs)
        held = {n for n, _, _ in search.find_matches_as_indexes(text.lower(), overlapping=True)}
        return tuple(all(not words.isdisjoint(held) for words in needs) for needs in self._needs)
