"""The compiled tagger kept in a file next to the index, so that a command that analyses a
few articles (one added) does not compile the dictionary's phrases again (~0.5 s), nor
read all of them back (~0.13 s): it reads only the phrases whose words its texts hold.

The file holds the phrase matchers as JSON data (no pickle: reading it runs no code),
after a header line, the key it was written for (the dictionary file's content hash and
the code's build key) and a digest of the rest. The rest is an index line, then the
phrases: one JSON array of groups, a group holding every phrase (of any matcher) whose
key starts with one word; the index gives each first word's group as a byte range. A
file with another header or key, a digest that does not match, or data of the wrong
shape is ignored and written anew: it can cost a compile, never a wrong tag. The
Aho-Corasick automaton is built again on load, of the phrases read.

Why reading part of the phrases tags as the whole does: a phrase is found in a text only
where the text's words have the phrase's keys, one after the other (tagging/matcher.py),
so a tagger holding every phrase whose keys are all among a text's word keys finds in
that text exactly what the whole tagger finds. `_TaggerOfTexts` checks each article it
is given against the words it was read for, and reads more (or the whole) before tagging
an article with other words.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..keyed_file import read_keyed, write_keyed
from ..models import Article, EntityDictionary, TaggedArticle
from ..tokens import token_keys, tokenize
from .tagger import Tagger, compiled

_HEADER = b"caconnect compiled tagger 2\n"
_MATCHERS = 6  # Tagger.stored() holds six matchers
# Articles whose words a tagger is read for, one more each time, before the whole is read
# instead: each reading is ~15 ms (the rest of the Tagger is built again), the whole ~0.13 s.
PART_READINGS = 4


def cache_path(index: Path) -> Path:
    """The tagger cache of an index file: beside it, named after it."""
    return index.with_name(f"{index.name}.tagger")


def load_tagger(
    dictionary: EntityDictionary, path: Path, key: str, *, whole: bool = True
) -> Tagger:
    """The process's tagger of `dictionary` (`tagger_for`): read from `path` if it was
    written there for `key`, else compiled and written there. `whole` False: the file's
    phrases are read as articles need them (a few articles to tag: `_TaggerOfTexts`)."""

    def make(dictionary: EntityDictionary) -> Tagger:
        stored = _Stored.read(path, key)
        if stored is None:
            return _compile(dictionary, path, key)
        return _TaggerOfTexts(dictionary, stored, lambda: _compile(dictionary, path, key))

    tagger = compiled(dictionary, Tagger, make)
    # ... made now, or earlier in this process for a few articles: read whole if asked
    if whole and isinstance(tagger, _TaggerOfTexts):
        tagger.read_whole()
    return tagger


def _compile(dictionary: EntityDictionary, path: Path, key: str) -> Tagger:
    """The tagger compiled from the dictionary, and written to `path` for `key`."""
    tagger = Tagger(dictionary)
    _write(path, key, tagger)
    return tagger


class _Stored:
    """A tagger file's phrases, checked whole (header, key, digest), its index read at once
    and each group (and its span in the index) when it is used."""

    def __init__(self, index: dict[str, Any], data: bytes, start: int) -> None:
        self.index = index  # first word -> [start, end) of its group in the groups
        self.data = data  # the index line, then the groups as one JSON array from `start`
        self.start = start

    @classmethod
    def read(cls, path: Path, key: str) -> _Stored | None:
        data = read_keyed(path, _HEADER, key)
        if data is None:
            return None
        cut = data.find(b"\n")
        try:
            index = json.loads(data[:cut]) if cut > 0 else None
        except ValueError:
            return None
        return cls(index, data, cut + 1) if isinstance(index, dict) else None

    def matchers(self, words: set[str] | None = None) -> list[list[Any]]:
        """`Tagger.stored()` data of the phrases whose key words are all in `words` (None:
        every phrase); ValueError (and the like) if the data is not of that shape."""
        if words is None:
            groups = json.loads(self.data[self.start :])
        else:
            groups = [
                json.loads(self.data[self.start + start : self.start + end])
                for start, end in map(self._span, (w for w in words if w in self.index))
            ]
        matchers: list[list[Any]] = [[] for _ in range(_MATCHERS)]
        for group in groups:
            for number, key, phrases in group:
                if words is None or all(word in words for word in key):
                    matchers[number].append([key, phrases])
        return matchers

    def _span(self, word: str) -> tuple[int, int]:
        """Where a word's group lies among the groups (ValueError if not a span of them)."""
        span = self.index[word]
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(type(at) is int for at in span)
            and 0 < span[0] < span[1] < len(self.data) - self.start
        ):
            raise ValueError(f"not a span of the tagger's groups: {span!r}")
        return span[0], span[1]


class _TaggerOfTexts(Tagger):
    """A tagger read from its file for the words of the articles it is asked to tag: an
    article whose words are not all among those read is tagged after reading its own
    phrases too, or, after PART_READINGS readings, every phrase. Any other use of the
    tagger reads every phrase first. Data of the wrong shape found while reading (the
    file's digest matched: a writer's bug, not damage) is compiled instead."""

    def __init__(
        self, dictionary: EntityDictionary, stored: _Stored, compile_: Callable[[], Tagger]
    ) -> None:
        # Tagger.__init__ runs for each reading (`_read`), not here.
        self.dictionary = dictionary
        self._file = stored
        self._compile = compile_
        self._tagger: Tagger | None = None
        self._words: set[str] | None = set()  # None: every phrase read
        self._readings = 0

    def tag(self, article: Article) -> TaggedArticle:
        if self._words is not None:
            words = _text_keys(article)
            if self._tagger is None or not words <= self._words:
                self._readings += 1
                self._read(self._words | words if self._readings <= PART_READINGS else None)
        assert self._tagger is not None
        return self._tagger.tag(article)

    def read_whole(self) -> _TaggerOfTexts:
        """Every phrase read: the tagger of any text (many articles to tag)."""
        if self._words is not None:
            self._read(None)
        return self

    def stored(self) -> list[Any]:
        return self._whole().stored()

    def __getattr__(self, name: str) -> Any:
        """What a Tagger holds (its matchers, for a test or a caller of its parts): the
        whole tagger's."""
        if name.startswith("__") or name in _OWN:
            raise AttributeError(name)
        return getattr(self._whole(), name)

    def _whole(self) -> Tagger:
        self.read_whole()
        assert self._tagger is not None
        return self._tagger

    def _read(self, words: set[str] | None) -> None:
        """The phrases of `words` read (None: all of them), and the tagger made of them."""
        try:
            self._tagger = Tagger(self.dictionary, self._file.matchers(words))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            self._tagger, words = self._compile(), None
        self._words = words


_OWN = frozenset(("dictionary", "_file", "_compile", "_tagger", "_words", "_readings"))


def _text_keys(article: Article) -> set[str]:
    """The word keys of an article's title and body, as the tagger's matchers key them."""
    return {
        key
        for field in ("title", "body")
        for key in token_keys(tokenize(article.field_text(field))[2])
    }


def _write(path: Path, key: str, tagger: Tagger) -> None:
    by_word: dict[str, list[list[Any]]] = {}
    for number, matcher in enumerate(tagger.stored()):
        for phrase_key, phrases in matcher:
            by_word.setdefault(phrase_key[0], []).append([number, phrase_key, phrases])
    index: dict[str, list[int]] = {}
    parts = [b"["]
    at = 1
    for word, group in by_word.items():
        if at > 1:
            parts.append(b",")
            at += 1
        text = json.dumps(group, ensure_ascii=False, separators=(",", ":")).encode()
        index[word] = [at, at + len(text)]
        parts.append(text)
        at += len(text)
    parts.append(b"]")
    index_line = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()
    write_keyed(path, _HEADER, key, b"".join((index_line, b"\n", *parts)))
