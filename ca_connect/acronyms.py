"""Organisations the dictionary lacks, found where a text introduces them with an acronym.

`... with the National Transmission and Despatch Company (NTDC) ...`: a run of
capitalised words, joined by `of`, `for`, `and`, `the`, right before a bracketed
acronym that spells their initials, with one of the dictionary's organisation head
words (`introduced:` in entities.yaml: Company, Ministry, Institute, ...) among them.
Later uses of the acronym in the same text name the same organisation. Names without
such a head (`Long Term Evolution (LTE)`, `Belt and Road Initiative (BRI)`) are not
organisations and are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .models import OrgKind

NEW = "new:"  # the id prefix of an organisation the dictionary does not know
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in"})
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Za-z&.\- ]{1,14}?)\s*\)")
_BREAK = re.compile(r"[.,;:!?()\[\]\n]")  # punctuation that ends a name
_MAX_SKIPPED = 1  # capitalised words of a name its acronym may leave out (`National`)

Tokens = tuple[list[int], list[int], list[str]]


@dataclass(frozen=True)
class Introduced:
    """An organisation named in full before its bracketed acronym."""

    id: str
    name: str
    kind: OrgKind
    acronym: str
    start: int  # the name's span in the text
    end: int


def find_introduced(
    text: str,
    tokens: Tokens,
    heads: Mapping[str, OrgKind],
    known: Sequence[tuple[int, int]] = (),
) -> list[Introduced]:
    """Names introduced with an acronym, except those overlapping `known` spans."""
    starts, ends, _ = tokens
    found: list[Introduced] = []
    for bracket in _BRACKETED.finditer(text):
        acronym = bracket.group(1).strip()
        letters = "".join(char for char in acronym if char.isupper() or char.isdigit())
        last = _token_before(starts, ends, text, bracket.start())
        if len(letters) < 2 or last is None:
            continue
        first = _run_start(text, tokens, last)
        for start in range(first, last):
            words = [text[starts[i] : ends[i]] for i in range(start, last + 1)]
            if words[0].lower() in CONNECTORS:
                continue
            kind = next((heads[word] for word in words if word in heads), None)
            if kind is None or not _spells(letters, words):
                continue
            span = (starts[start], ends[last])
            if not any(a < span[1] and span[0] < b for a, b in known):
                name = text[span[0] : span[1]]
                found.append(Introduced(_id(name), name, kind, acronym, *span))
            break
    return found


def acronym_uses(text: str, introduced: Introduced) -> list[tuple[int, int]]:
    """Where the acronym stands on its own in `text` (its introduction aside)."""
    pattern = re.compile(rf"(?<![\w(]){re.escape(introduced.acronym)}(?![\w)])")
    return [match.span() for match in pattern.finditer(text)]


def _token_before(starts: list[int], ends: list[int], text: str, position: int) -> int | None:
    index = next((i for i in range(len(ends) - 1, -1, -1) if ends[i] <= position), None)
    if index is None or text[ends[index] : position].strip():
        return None
    return index


def _run_start(text: str, tokens: Tokens, last: int) -> int:
    """The first token of the run of capitalised words and connectors ending at `last`."""
    starts, ends, folded = tokens
    first = last
    while first > 0:
        previous = first - 1
        word = text[starts[previous] : ends[previous]]
        if _BREAK.search(text[ends[previous] : starts[first]]):
            break
        if not (word[:1].isupper() or folded[previous] in CONNECTORS):
            break
        first = previous
    return first


def _spells(letters: str, words: list[str]) -> bool:
    """Whether an acronym's letters are the words' initials, in order.

    A connector may give its initial or nothing, a word in capitals may give all its
    letters (`UN DESA`), and one capitalised word after the first may give nothing.
    """

    def spell(i: int, j: int, skips: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        initial = i < len(letters) and word[0].upper() == letters[i]
        if word.lower() in CONNECTORS:
            return spell(i, j + 1, skips) or (initial and spell(i + 1, j + 1, skips))
        whole = word.isupper() and len(word) > 1 and letters.startswith(word, i)
        if whole and spell(i + len(word), j + 1, skips):
            return True
        if initial and spell(i + 1, j + 1, skips):
            return True
        return j > 0 and skips > 0 and spell(i, j + 1, skips - 1)

    return spell(0, 0, _MAX_SKIPPED)


def _id(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return NEW + re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
