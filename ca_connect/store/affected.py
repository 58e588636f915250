"""Which stored articles a dictionary edit can change, so that only they are analysed again.

A dictionary is compared with the one the store was made with, as JSON. In a section that
is a list of entries with an `id` (or `code`), an entry added or removed brings every text
it holds (names, aliases, cues, ...; not its id, code, kind, country or an organisation's
initiative types); so does a changed entry, unless all that changed is texts added to or
removed from its lists of texts (an alias added): then only those texts;
elsewhere (ignore rules, discovery words, other languages) every text added or removed.
An article can change only if it contains one of those phrases, as the tagger reads
words (the tagger's phrase matcher, plural and case forms included). Anything else that
changed (a number, a flag, the order of a list) cannot be traced to phrases: then every
article is analysed again (None).

Finding them does not read every text: the store keeps the words of every text it stored,
case-folded, with their word keys (table `words`, `Vocabulary`); the spellings of a
phrase's longest word key are looked up there and searched in the FTS index (trigrams),
and only the texts found are read by the matcher. Without an FTS index, or for a word
shorter than a trigram, every text is read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from ..tokens import TOKEN, tokenize, word_key
from .schema import unpack

_TRIGRAM = 3  # the shortest text the FTS index (trigram tokenizer) can find


def changed_phrases(old: dict[str, Any], new: dict[str, Any]) -> set[str] | None:
    """The phrases whose articles a change from `old` to `new` can affect; None: all."""
    if old.keys() != new.keys():
        return None
    phrases: set[str] = set()
    for section in new:
        before, after = old[section], new[section]
        if before == after:
            continue
        entries_before, entries_after = _entries(before), _entries(after)
        if entries_before is not None and entries_after is not None:
            if [k for k in entries_before if k in entries_after] != [
                k for k in entries_after if k in entries_before
            ]:
                return None  # entries reordered: first-listed wins may change
            for key in entries_before.keys() | entries_after.keys():
                if entries_before.get(key) != entries_after.get(key):
                    phrases |= _entry_phrases(entries_before.get(key), entries_after.get(key))
            continue
        if _shape(before) != _shape(after):
            return None
        difference = _texts(before) ^ _texts(after)
        if not difference:
            return None  # something other than a text changed
        phrases |= difference
    return phrases


def _entries(section: Any) -> dict[str, Any] | None:
    """A list of entries keyed by their id or code, in order; None for other sections."""
    if not isinstance(section, list) or not all(isinstance(e, dict) for e in section):
        return None
    keys = [entry.get("id", entry.get("code")) for entry in section]
    if any(not isinstance(key, str) for key in keys) or len(set(keys)) != len(keys):
        return None
    return dict(zip(keys, section, strict=True))


# Fields that describe an entry rather than name it: a change to them affects the articles
# that name the entry, found by its other texts.
_ATTRIBUTES = frozenset({"id", "code", "kind", "country", "initiatives"})


def _entry_phrases(before: dict[str, Any] | None, after: dict[str, Any] | None) -> set[str]:
    """The phrases of an entry added, removed or changed. An alias added to an entry (or
    removed, or a trigger, a cue) changes only the articles holding it: the others name
    the entry as before. A changed name, kind or country changes every article naming it.
    """
    if before is None or after is None:
        return _names(before) | _names(after)
    changed = [key for key in before.keys() | after.keys() if before.get(key) != after.get(key)]
    lists = [(before.get(key), after.get(key)) for key in changed if key not in _ATTRIBUTES]
    if len(lists) == len(changed) and all(
        _text_list(old) and _text_list(new) and set(old) ^ set(new) for old, new in lists
    ):
        return {text for old, new in lists for text in set(old) ^ set(new)}
    return _names(before) | _names(after)


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _names(entry: dict[str, Any] | None) -> set[str]:
    """The texts of an entry that articles may contain (all but its attributes)."""
    if entry is None:
        return set()
    return _texts([value for key, value in entry.items() if key not in _ATTRIBUTES])


def _texts(value: Any) -> set[str]:
    """Every text in a value: strings, and the keys of mappings."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {*value.keys(), *(t for v in value.values() for t in _texts(v))}
    if isinstance(value, list):
        return {t for v in value for t in _texts(v)}
    return set()


def _shape(value: Any) -> Any:
    """A value with every text blanked: what must not change for phrases to explain it."""
    if isinstance(value, str):
        return ""
    if isinstance(value, dict):
        return sorted({(str(type(k)), repr(_shape(v))) for k, v in value.items()})
    if isinstance(value, list):
        return sorted({repr(_shape(v)) for v in value})
    return value


class PhraseFinder:
    """Says whether a text holds one of some phrases, found by the tagger's own matcher
    (tagging.matcher.PhraseMatcher: the same word keys, case forms and plurals), with no
    capital required: it finds every article the tagger could, and maybe a few more."""

    def __init__(self, phrases: Iterable[str]) -> None:
        # The models load only when a dictionary changed.
        from ..tagging.matcher import PhraseMatcher

        self._matcher = PhraseMatcher(((p, p) for p in phrases), proper=False, plural=True)
        self._firsts = self._matcher.first_keys()
        self.needed = self._matcher.longest_keys()  # a text with a match holds one of them
        self._opens: dict[str, bool] = {}  # a word as written: can a match start there?

    def found_in(self, text: str) -> bool:
        """Only a text with a word a match can start at is tokenized and matched: most
        texts are ruled out by their distinct words, each keyed once per edit."""
        opens, firsts = self._opens, self._firsts
        for word in set(TOKEN.findall(text)):
            start = opens.get(word)
            if start is None:
                start = opens[word] = word_key(word.casefold()) in firsts
            if start:
                return bool(self._matcher.find(text, tokenize(text)))
        return False


class Vocabulary:
    """The `words` table of one store: what spellings of a word key its texts hold."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._known: set[str] = set()  # added by this object: not keyed again

    def add(self, words: Iterable[str]) -> None:
        new = [word for word in words if word not in self._known]
        self._known.update(new)
        self.db.executemany(
            "INSERT OR IGNORE INTO words VALUES (?, ?)", [(word_key(w), w) for w in new]
        )

    def spellings(self, keys: Iterable[str]) -> set[str]:
        return {
            word
            for key in keys
            for (word,) in self.db.execute("SELECT word FROM words WHERE key = ?", (key,))
        }


def affected_names(db: sqlite3.Connection, phrases: set[str] | None, fts: bool) -> set[str]:
    """Names of the stored articles holding one of `phrases` (None: every article)."""
    if phrases is None:
        return {name for (name,) in db.execute("SELECT name FROM articles")}
    finder = PhraseFinder(phrases)
    spellings = Vocabulary(db).spellings(finder.needed)
    if not spellings:
        return set()  # no stored text holds a word of them
    if fts and all(len(word) >= _TRIGRAM for word in spellings):
        match = " OR ".join(_trigrams(word) for word in sorted(spellings))
        rows = db.execute(
            "SELECT name, text FROM articles "
            "WHERE num IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?)",
            (match,),
        )
    else:
        rows = db.execute("SELECT name, text FROM articles")
    # The trigrams of a word may all be in a text without the word: it is looked for
    # before the text is tokenized and matched.
    texts = ((name, unpack(text)) for name, text in rows)
    return {name for name, text in texts if _holds(text, spellings) and finder.found_in(text)}


def _holds(text: str, words: Iterable[str]) -> bool:
    folded = text.casefold()
    return any(word in folded for word in words)


def _trigrams(word: str) -> str:
    """An FTS query for the texts holding `word` (each of its trigrams: candidates)."""
    trigrams = dict.fromkeys(word[i : i + _TRIGRAM] for i in range(len(word) - _TRIGRAM + 1))
    return "(" + " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams) + ")"
