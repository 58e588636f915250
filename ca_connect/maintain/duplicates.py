"""Exact and near-duplicate articles: the same text, or the same story with small edits.

An article's text (title and body) is reduced to its case-folded words (the tokenizer of
tokens.py), so spacing, punctuation and case never make two copies differ.
- exact duplicate: the same words in the same order (a SHA-256 digest of them);
- near-duplicate: the texts share most of their word 5-grams ("shingles"). Similarity is
  containment, |A ∩ B| / min(|A|, |B|): the part of the shorter text that also occurs in
  the longer one, so a syndicated copy that drops a paragraph or adds a byline still
  scores high. At or above NEAR_DUPLICATE (0.5) two articles tell the same story.

The threshold was chosen on the 35 real articles of the seeds and the development corpus:
two different articles share at most 2.4 % of their 5-grams, even when they report the same
event, while a copy with a new headline, a byline, a footer and one word in twenty
replaced still shares 63-90 % (median 77 %). 0.5 sits far from both
(tests/test_duplicates.py keeps both facts true).

Speed: each text is shingled once per command (about 0.2 ms). The index keeps a sample
of every article, its SKETCH smallest shingle hashes, in an inverted index; a query
looks up its own shingles there, estimates the overlap from the sample, and compares in
full only the few articles whose estimate is close to the threshold.
"""

from __future__ import annotations

import hashlib
import heapq
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..tokens import TOKEN

SHINGLE = 5  # words per shingle
NEAR_DUPLICATE = 0.5  # containment at or above which two articles are the same story
SKETCH = 32  # shingles of each article kept in the inverted index


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate detection needs of one text."""

    digest: str  # SHA-256 of the case-folded words: equal for exact duplicates
    shingles: frozenset[int]  # hashes of its word 5-grams


@dataclass(frozen=True)
class Duplicate:
    """An article already indexed that a text duplicates."""

    id: str
    exact: bool
    similarity: float  # containment: the share of the shorter text's 5-grams in the other
    jaccard: float

    def describe(self) -> str:
        if self.exact:
            return f"the same text as {self.id}"
        return f"a near-duplicate of {self.id} ({self.similarity:.0%} of 5-word phrases shared)"


def article_text(title: str | None, body: str) -> str:
    """The text duplicates are judged on: the title and the body."""
    return f"{title or ''}\n{body}"


def fingerprint(text: str) -> Fingerprint:
    """The digest and shingles of a text; deterministic across processes."""
    words = TOKEN.findall(text.casefold())
    digest = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    ids = [zlib.crc32(word.encode("utf-8")) for word in words]
    if len(ids) < SHINGLE:  # a text shorter than one shingle is one shingle
        return Fingerprint(digest, frozenset([hash(tuple(ids))] if ids else []))
    grams = zip(*(ids[offset:] for offset in range(SHINGLE)), strict=False)
    return Fingerprint(digest, frozenset(map(hash, grams)))  # a tuple of ints hashes stably


def compare(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(containment, Jaccard) of two fingerprints."""
    if not a.shingles or not b.shingles:
        return (1.0, 1.0) if a.digest == b.digest else (0.0, 0.0)
    common = len(a.shingles & b.shingles)
    containment = common / min(len(a.shingles), len(b.shingles))
    jaccard = common / (len(a.shingles) + len(b.shingles) - common)
    return containment, jaccard


@dataclass(frozen=True)
class _Entry:
    id: str
    text: str
    size: int  # number of shingles
    sampled: int  # number of them in the inverted index


class DuplicateIndex:
    """Articles indexed for duplicate look-ups: add each once, then query any text."""

    def __init__(self, threshold: float = NEAR_DUPLICATE) -> None:
        self.threshold = threshold
        self._entries: list[_Entry] = []
        self._by_digest: dict[str, list[int]] = {}
        self._postings: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, article_id: str, text: str, found: Fingerprint | None = None) -> None:
        """Index a text under an id (pass its fingerprint if it is already known)."""
        found = found or fingerprint(text)
        number = len(self._entries)
        sample = heapq.nsmallest(SKETCH, found.shingles)
        self._entries.append(_Entry(article_id, text, len(found.shingles), len(sample)))
        self._by_digest.setdefault(found.digest, []).append(number)
        for shingle in sample:
            self._postings.setdefault(shingle, []).append(number)

    def find(self, text: str, found: Fingerprint | None = None) -> list[Duplicate]:
        """Indexed articles that `text` duplicates, exact ones first, then most similar."""
        query = found or fingerprint(text)
        duplicates: dict[int, Duplicate] = {}
        for number in self._by_digest.get(query.digest, ()):
            duplicates[number] = Duplicate(self._entries[number].id, True, 1.0, 1.0)
        hits: Counter[int] = Counter()
        for shingle in query.shingles:
            posting = self._postings.get(shingle)
            if posting:
                hits.update(posting)
        for number, shared in hits.items():
            entry = self._entries[number]
            # The sample is a random part of the article: the share of it found in the
            # query estimates the overlap. Only promising articles are compared in full.
            overlap = shared / entry.sampled * entry.size
            if number in duplicates or overlap < self.threshold / 2 * min(
                entry.size, len(query.shingles)
            ):
                continue
            containment, jaccard = compare(query, fingerprint(entry.text))
            if containment >= self.threshold:
                duplicates[number] = Duplicate(entry.id, False, containment, jaccard)
        return sorted(duplicates.values(), key=lambda d: (not d.exact, -d.similarity, d.id))


def duplicate_pairs(texts: Iterable[tuple[str, str]]) -> list[tuple[str, Duplicate]]:
    """Every duplicate pair among (id, text): (the later id, the earlier article it repeats)."""
    index = DuplicateIndex()
    pairs: list[tuple[str, Duplicate]] = []
    for article_id, text in texts:
        found = fingerprint(text)
        pairs += [(article_id, duplicate) for duplicate in index.find(text, found)]
        index.add(article_id, text, found)
    return pairs
