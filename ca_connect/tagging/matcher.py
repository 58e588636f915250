"""The phrase matcher: finds dictionary phrases in a text, whole words only, leftmost and
then longest; words are compared by their keys (`tokens.word_key`), so spelling variants,
Russian case forms and (on request) English plurals match. Knows nothing of entities.

How: the text's word keys joined by spaces are searched once by an Aho-Corasick automaton
(ahocorasick-rs, compiled) holding every phrase's keys joined the same way, with a space
at each end, so a hit is always whole words; then each matcher walks its own hits left
to right, longest first, and keeps those whose case and gaps fit. `PhraseMatchers` runs
several matchers over a text in that one search.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ahocorasick_rs import AhoCorasick

from ..lazy_pattern import LazyPattern
from ..stemming import phrase_forms
from ..tokens import (
    TOKEN,
    Tokens,
    gap_signature,
    match_key,
    phrase_gaps,
    piece_of,
    token_keys,
)

Payload = TypeVar("Payload")
_JOIN = " "  # between word keys: no key holds a space (a key is made of a token's letters)
_Hit = tuple[int, int, tuple[str, ...]]  # first token, number of tokens, phrase key
# The fields of one phrase as `data()` stores it.
_STORED = ("words", "gaps", "exact_case", "needs_capital", "title_case", "payload")


@dataclass(frozen=True)
class _Phrase(Generic[Payload]):
    words: tuple[str, ...]  # as written, for case checks
    gaps: tuple[str, ...]
    exact_case: bool
    needs_capital: bool
    payload: Payload
    title_case: bool = False  # every word must be capitalised (`One Web` for `OneWeb`)
    # One word with no case rule fits wherever its key is found: no _fits call.
    fits_anywhere: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        free = not (self.gaps or self.exact_case or self.needs_capital or self.title_case)
        object.__setattr__(self, "fits_anywhere", free)


@dataclass(frozen=True)
class Match(Generic[Payload]):
    """A phrase found in a text: token range [first, last) and character range [start, end)."""

    first: int
    last: int
    start: int
    end: int
    payloads: tuple[Payload, ...]


class PhraseMatcher(Generic[Payload]):
    """Finds dictionary phrases in text: leftmost, then longest, whole words only.

    Words are compared by their keys (`tokens.word_key`), so spelling variants match.
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, Payload]],
        *,
        proper: bool,
        plural: bool = False,
        title_case: Callable[[str], bool] | None = None,
    ) -> None:
        """`title_case`: which phrases match only with every word capitalised in the text
        (`Tajik Railway`, not `the Tajik railway network`)."""
        self._phrases: dict[tuple[str, ...], list[_Phrase[Payload]]] = {}
        self._stored: set[tuple[str, ...]] = set()  # keys whose phrases are still data
        self._alone: PhraseMatchers | None = None  # its own search, built on first use
        entries = list(entries)
        for text, payload in entries:
            key = match_key(text)
            if not key:
                continue
            words = tuple(TOKEN.findall(text))  # (TOKEN has no group: whole matches)
            letters = list(filter(str.isalpha, text))
            phrase = _Phrase(
                words=words,
                gaps=phrase_gaps(text),
                exact_case=len(letters) >= 2 and all(map(str.isupper, letters)),
                needs_capital=proper and len(key) == 1 and text[:1].isupper(),
                payload=payload,
                title_case=title_case is not None and title_case(text),
            )
            self._add(_variants(words, key, plural), phrase)
        if proper:
            self._add_split_names(entries)

    @classmethod
    def from_data(cls, data: list[Any], payload: Callable[[Any], Payload]) -> PhraseMatcher:
        """A matcher made again from its `data()`, `payload` turning each stored payload
        back into its object; ValueError (and the like) if the data is not of that shape.

        Only the keys are read at once: a key's phrases are made when a text first holds
        it (`_phrases_of`), so a command that tags one article makes a few dozen of the
        ~10,000 (0.13 s saved)."""
        matcher = cls.__new__(cls)
        matcher._alone = None
        matcher._payload = payload
        # str() and `is True` make any data well-typed (a checked digest guards the file
        # against damage; this, against a shape the code does not expect), at a third of
        # the cost of checking each item.
        matcher._phrases = {}
        shape = {len(_STORED)}  # every stored phrase's length (its lengths tested in C)
        for key, phrases in data:
            if not isinstance(phrases, list) or not shape.issuperset(map(len, phrases)):
                raise ValueError("not a list of stored phrases")
            matcher._phrases[tuple(map(str, key))] = phrases
        matcher._stored = set(matcher._phrases)
        return matcher

    def _phrases_of(self, key: tuple[str, ...]) -> list[_Phrase[Payload]]:
        """The phrases of a key, made from their stored data on first use (`from_data`)."""
        phrases = self._phrases[key]
        if key in self._stored:
            self._stored.discard(key)
            phrases = self._phrases[key] = [
                _Phrase(
                    tuple(map(str, words)),
                    tuple(map(str, gaps)),
                    exact_case is True,
                    needs_capital is True,
                    self._payload(stored),
                    title_case is True,
                )
                for words, gaps, exact_case, needs_capital, title_case, stored in phrases
            ]
        return phrases

    def data(self, payload: Callable[[Payload], Any]) -> list[Any]:
        """The phrases as plain JSON data (`payload` turns each payload into such data):
        `from_data` makes the matcher again without its compiling cost."""
        return [
            [
                list(key),
                [
                    [
                        list(p.words),
                        list(p.gaps),
                        p.exact_case,
                        p.needs_capital,
                        p.title_case,
                        payload(p.payload),
                    ]
                    for p in phrases
                ],
            ]
            for key, phrases in ((key, self._phrases_of(key)) for key in list(self._phrases))
        ]

    def first_keys(self) -> frozenset[str]:
        """The word keys a match can start at: a text with none of them has no match."""
        return frozenset(key[0] for key in self._phrases)

    def longest_keys(self) -> frozenset[str]:
        """The longest word key of each phrase: a text with none of them has no match."""
        return frozenset(max(key, key=len) for key in self._phrases)

    def _add(self, keys: list[tuple[str, ...]], phrase: _Phrase[Payload]) -> None:
        for key in keys:
            self._phrases.setdefault(key, []).append(phrase)

    def _add_split_names(self, entries: list[tuple[str, Payload]]) -> None:
        """A one-word name in CamelCase also matches as capitalised words (`One Web`,
        `Forte Bank`), unless those words are another name."""
        for text, payload in entries:
            parts = _CAMEL_PARTS.findall(text) if _CAMEL.fullmatch(text) else []
            split = " ".join(parts)
            key = match_key(split)
            if len(parts) < 2 or key in self._phrases:
                continue
            words = tuple(parts)
            phrase = _Phrase(words, phrase_gaps(split), False, False, payload, title_case=True)
            self._add([key], phrase)

    def find(self, text: str, tokens: Tokens) -> list[Match[Payload]]:
        if self._alone is None:
            self._alone = PhraseMatchers([self])
        return self._alone.find(text, tokens)[0]

    def chosen(self, hits: list[_Hit], text: str, tokens: Tokens) -> list[Match[Payload]]:
        """Leftmost, then longest, of the `hits` (in text order, longest first at each
        token) whose phrases fit the text as written."""
        starts, ends, _ = tokens
        matches: list[Match[Payload]] = []
        free = 0  # the first token not taken by a match
        phrases_of, stored = self._phrases_of, self._stored
        made = self._phrases  # a key's phrases, once made from their data
        for first, length, key in hits:
            if first < free:
                continue
            # A plain loop: a comprehension per hit is a call of its own (Python 3.11).
            payloads = []
            for phrase in phrases_of(key) if stored and key in stored else made[key]:
                if phrase.fits_anywhere or _fits(phrase, text, tokens, first, length):
                    payloads.append(phrase.payload)
            if payloads:
                last = first + length
                matches.append(Match(first, last, starts[first], ends[last - 1], tuple(payloads)))
                free = last
        return matches


class PhraseMatchers:
    """Several matchers run over a text in one search: `find` gives each one's matches."""

    def __init__(self, matchers: Sequence[PhraseMatcher[Any]]) -> None:
        self.matchers = list(matchers)
        owners: dict[tuple[str, ...], list[int]] = {}  # key -> the matchers holding it
        for index, matcher in enumerate(matchers):
            for key in matcher._phrases:
                owners.setdefault(key, []).append(index)
        keys = sorted(owners)
        self._keys = keys
        self._owners = [owners[key] for key in keys]
        patterns = [f"{_JOIN}{_JOIN.join(key)}{_JOIN}" for key in keys]
        self._automaton = AhoCorasick(patterns) if patterns else None
        # The hits of the last whole text searched, for its pieces (tokens.piece_of).
        self._whole: tuple[list[str], list[list[_Hit]], list[list[int]]] | None = None

    def find(self, text: str, tokens: Tokens) -> list[list[Match[Any]]]:
        piece = piece_of(tokens[2])  # a sentence of a text: its part of the text's hits
        hits = self._hits(tokens[2]) if piece is None else self._piece_hits(*piece, len(tokens[2]))
        return [
            matcher.chosen(found, text, tokens) if found else []
            for matcher, found in zip(self.matchers, hits, strict=True)
        ]

    def _piece_hits(self, whole: list[str], first: int, length: int) -> list[list[_Hit]]:
        if self._whole is None or self._whole[0] is not whole:
            hits = self._hits(whole)
            self._whole = (whole, hits, [[hit[0] for hit in found] for found in hits])
        _, hits, firsts = self._whole
        last = first + length
        return [
            [
                (start - first, size, key)
                for start, size, key in found[bisect_left(at, first) : bisect_left(at, last)]
                if start + size <= last
            ]
            for found, at in zip(hits, firsts, strict=True)
        ]

    def _hits(self, folded: list[str]) -> list[list[_Hit]]:
        """Every phrase of each matcher found in a token list, leftmost then longest."""
        hits: list[list[_Hit]] = [[] for _ in self.matchers]
        keys = token_keys(folded)
        if self._automaton is not None and keys:
            joined = f"{_JOIN}{_JOIN.join(keys)}{_JOIN}"
            found = self._automaton.find_matches_as_indexes(joined, overlapping=True)
            # A hit starts at the space before its first token, and no key holds a space:
            # that token's index is the number of spaces before the hit. Counted from one
            # hit's start to the next (hits are few, tokens many: a table of every
            # token's offset cost more than the search).
            first_token: dict[int, int] = {}
            counted = index = 0
            for start in sorted({start for _, start, _ in found}):
                index += joined.count(_JOIN, counted, start)
                first_token[start], counted = index, start
            for pattern, start, _ in found:
                key = self._keys[pattern]
                hit = (first_token[start], len(key), key)
                for owner in self._owners[pattern]:
                    hits[owner].append(hit)
        for found in hits:
            found.sort(key=_leftmost_longest)
        return hits


def _leftmost_longest(hit: _Hit) -> tuple[int, int]:
    return hit[0], -hit[1]


_CAMEL = LazyPattern(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")  # `OneWeb`, `ForteBank`; not `SpaceX`
_CAMEL_PARTS = LazyPattern(r"[A-Z][a-z]+")


def _variants(words: tuple[str, ...], key: tuple[str, ...], plural: bool) -> list[tuple[str, ...]]:
    """The keys a phrase matches under: its Russian case forms, and English plurals."""
    keys = phrase_forms(words, key)
    return [variant for base in keys for variant in _plurals(base)] if plural else keys


def _plurals(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    head, last = key[:-1], key[-1]
    forms = {last, last + "s", last + "es"}
    if last.endswith("y"):
        forms.add(last[:-1] + "ies")
    return [(*head, form) for form in sorted(forms)]


def _fits(phrase: _Phrase, text: str, tokens: Tokens, index: int, length: int) -> bool:
    starts, ends, _ = tokens
    for offset, expected in enumerate(phrase.gaps):
        gap = text[ends[index + offset] : starts[index + offset + 1]]
        if gap_signature(gap) != expected:
            return False
    if phrase.exact_case:
        written = [text[starts[i] : ends[i]] for i in range(index, index + length)]
        # A plural (`ISPs`) may add lower-case letters after the phrase's own.
        return all(w.startswith(p) for w, p in zip(written, phrase.words, strict=True))
    if phrase.needs_capital:
        return text[starts[index]].isupper()
    if phrase.title_case:
        return all(text[starts[i]].isupper() for i in range(index, index + length))
    return True
