"""The phrase matcher: finds dictionary phrases in a text, whole words only, leftmost and
then longest; words are compared by their keys (`tokens.word_key`), so spelling variants,
Russian case forms and (on request) English plurals match. Knows nothing of entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..stemming import phrase_forms
from ..tokens import (
    TOKEN,
    gap_signature,
    match_key,
    phrase_gaps,
    token_keys,
)

Payload = TypeVar("Payload")
Tokens = tuple[list[int], list[int], list[str]]


@dataclass(frozen=True)
class _Phrase(Generic[Payload]):
    words: tuple[str, ...]  # as written, for case checks
    gaps: tuple[str, ...]
    exact_case: bool
    needs_capital: bool
    payload: Payload
    title_case: bool = False  # every word must be capitalised (`One Web` for `OneWeb`)


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
        self, entries: Iterable[tuple[str, Payload]], *, proper: bool, plural: bool = False
    ) -> None:
        self._phrases: dict[tuple[str, ...], list[_Phrase[Payload]]] = {}
        self._longest: dict[str, int] = {}
        entries = list(entries)
        for text, payload in entries:
            key = match_key(text)
            if not key:
                continue
            words = tuple(match.group() for match in TOKEN.finditer(text))
            letters = [char for char in text if char.isalpha()]
            phrase = _Phrase(
                words=words,
                gaps=phrase_gaps(text),
                exact_case=len(letters) >= 2 and all(char.isupper() for char in letters),
                needs_capital=proper and len(key) == 1 and text[:1].isupper(),
                payload=payload,
            )
            self._add(_variants(words, key, plural), phrase)
        if proper:
            self._add_split_names(entries)

    def first_keys(self) -> frozenset[str]:
        """The word keys a match can start at: a text with none of them has no match."""
        return frozenset(self._longest)

    def _add(self, keys: list[tuple[str, ...]], phrase: _Phrase[Payload]) -> None:
        for key in keys:
            self._phrases.setdefault(key, []).append(phrase)
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

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
        starts, ends, _ = tokens
        folded = token_keys(tokens[2])
        matches: list[Match[Payload]] = []
        count = len(folded)
        index = 0
        while index < count:
            longest = self._longest.get(folded[index])
            found = None
            if longest:
                for length in range(min(longest, count - index), 0, -1):
                    phrases = self._phrases.get(tuple(folded[index : index + length]))
                    if phrases:
                        valid = [p for p in phrases if _fits(p, text, tokens, index, length)]
                        if valid:
                            found = Match(
                                index,
                                index + length,
                                starts[index],
                                ends[index + length - 1],
                                tuple(p.payload for p in valid),
                            )
                            break
            if found is None:
                index += 1
            else:
                matches.append(found)
                index = found.last
        return matches


_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")  # `OneWeb`, `ForteBank`; not `SpaceX`
_CAMEL_PARTS = re.compile(r"[A-Z][a-z]+")


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
