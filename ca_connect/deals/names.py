"""Deal names in text: the named deals' aliases, and names the press gives projects.

A project name is
- a run of capitalised words (or acronyms, `Digital CASA`, `Trans-Caspian Fiber Optic`)
  right before `project`, `programme`, `program` or `initiative`;
- a quoted capitalised phrase right after or before one of those words (`the “Season of
  Renewal” programme`, `the project “Smart Village”`);
- an acronym defined for such a name (`Trans Caspian Fiber Optic (TCFO)`), and that
  acronym used later (`the TCFO project`).
Two spellings share a key: the name's letters and digits, case-folded, without trailing
words that only say what kind of thing it is (`cable`, `line`, `communication line`...),
so `Trans-Caspian Fiber Optic Cable` and `TransCaspian Fiber Optic` are one name.
Runs made only of generic words (`The Project`, `Pilot Project`, `National Programme`)
name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..lazy_pattern import LazyPattern
from ..models import TextField
from ..tagging.matcher import PhraseMatcher
from ..tokens import tokenize
from .model import NameMention
from .named import NamedDeal

_HEADS = r"(?i:project|programme|program|initiative)"
# A capitalised word: `Trans-Caspian`, `CASA`, `TransCaspian`, `5G`, `Digital-CASA`.
_WORD = r"(?:[A-Z][\w]*|\d+[A-Za-z]*)(?:-[A-Za-z0-9][\w]*)*"
_CONNECT = r"(?:\s+(?:of|for|and|the|de)\s+|[ \t]+|\s*[-–]\s*)"
_RUN = rf"{_WORD}(?:{_CONNECT}{_WORD}){{0,7}}"
# Found from their ends, the head word or the bracketed acronym, then read backwards in
# a window before it: a run of capitals is matched only where it can end.
_HEAD = LazyPattern(rf"\s+{_HEADS}\b")
_RUN_AT_END = LazyPattern(rf"\b({_RUN})$")
_WINDOW = 120
_QUOTED = LazyPattern(r"[“\"«‘']([A-Z][^“”\"«»‘’']{2,80}?)[”\"»’']")
_QUOTE_HEAD = LazyPattern(rf"\b{_HEADS}\s*$|^\s*{_HEADS}\b")
_BRACKETED = LazyPattern(r"\s*\(([A-Z][A-Za-z0-9-]{1,9})\)")
_ACRONYM = LazyPattern(r"\b([A-Z][A-Z0-9-]{2,9})\b")
# Words that say what kind of thing a name is, dropped from its end to make its key.
_KIND_WORDS_TEXT = (
    "cable cables line lines communication communications network networks system "
    "systems project programme program initiative corridor link"
)
_KIND_WORDS = frozenset(_KIND_WORDS_TEXT.split())
# A name needs a word beyond these.
_GENERIC_TEXT = (
    "the a an this that these its our their new national joint pilot state big main "
    "first second third digital government governmental public regional international "
    "investment infrastructure development strategic special local internet of for and de"
)
_GENERIC = frozenset(_GENERIC_TEXT.split())
_LEADING_TEXT = "the a an this that its their our under within as by in on for"
_LEADING = frozenset(_LEADING_TEXT.split())


def name_key(name: str) -> str:
    """What two spellings of one deal name share (module docstring)."""
    words = tokenize(name)[2]
    while words and words[-1] in _KIND_WORDS:
        words.pop()
    return "".join(words).replace("_", "")


def find_project_names(text: str, field_name: TextField) -> list[NameMention]:
    """Project names, acronyms defined for them and their later uses, in reading order."""
    found: dict[int, NameMention] = {}
    acronyms: dict[str, str] = {}
    for bracket in _BRACKETED.finditer(text) if "(" in text else ():  # most: no bracket
        run = _run_before(text, bracket.start())
        if run is None:
            continue
        start, name = _trim(*run)
        acronym = bracket.group(1)
        if name and _initials_fit(name, acronym) and _distinctive(name):
            key = name_key(name)
            acronyms[acronym] = key
            found[start] = NameMention(key, name, start, field_name, acronym)
    for head in _HEAD.finditer(text):
        run = _run_before(text, head.start())
        if run is None:
            continue
        start, name = _trim(*run)
        if name and _distinctive(name) and start not in found:
            if name in acronyms:
                found[start] = NameMention(acronyms[name], name, start, field_name, name)
            elif re.fullmatch(r"[A-Z][A-Z0-9-]{2,9}", name):
                found[start] = NameMention("", name, start, field_name, name)
            else:
                found[start] = NameMention(name_key(name), name, start, field_name)
    for match in _QUOTED.finditer(text):
        name = match.group(1).strip()
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() : match.end() + 30]
        if (
            (_QUOTE_HEAD.search(before) or _QUOTE_HEAD.search(after))
            and len(name.split()) <= 8
            and _distinctive(name)
            and match.start(1) not in found
        ):
            found[match.start(1)] = NameMention(name_key(name), name, match.start(1), field_name)
    for match in _ACRONYM.finditer(text) if acronyms else ():  # most: none defined
        key = acronyms.get(match.group(1))
        if key and match.start() not in found:
            found[match.start()] = NameMention(
                key, match.group(1), match.start(), field_name, match.group(1)
            )
    return [found[start] for start in sorted(found)]


class AliasFinder:
    """The named deals' aliases (and names), compiled once."""

    def __init__(self, deals: Iterable[NamedDeal]) -> None:
        entries = [
            (alias, deal.id)
            for deal in deals
            for alias in dict.fromkeys([deal.name, *deal.aliases])
        ]
        self._matcher = PhraseMatcher(entries, proper=True)

    def find(self, text: str, field_name: TextField) -> Iterator[NameMention]:
        for match in self._matcher.find(text, tokenize(text)):
            for deal_id in dict.fromkeys(match.payloads):
                yield NameMention(
                    f"deal:{deal_id}", text[match.start : match.end], match.start, field_name
                )


def _run_before(text: str, end: int) -> tuple[int, str] | None:
    """The run of capitalised words that ends at `end`, and where it starts."""
    window_start = max(0, end - _WINDOW)
    match = _RUN_AT_END.search(text, window_start, end)
    return (match.start(1), match.group(1)) if match else None


def _trim(start: int, run: str) -> tuple[int, str]:
    """A run without its leading function words (`The Digital CASA` -> `Digital CASA`),
    and where it now starts."""
    offset = 0
    for word in re.finditer(r"\S+", run):
        if word.group().casefold() not in _LEADING:
            offset = word.start()
            break
    else:
        return start, ""
    return start + offset, run[offset:]


def _distinctive(name: str) -> bool:
    words = [w for w in tokenize(name)[2] if w not in _KIND_WORDS]
    return any(w not in _GENERIC and not w.isdigit() for w in words)


def _initials_fit(name: str, acronym: str) -> bool:
    """Do the acronym's letters follow the name's initials (`TCFO`: Trans Caspian Fiber
    Optic; `TransCaspian` gives T and C)?"""
    initials = "".join(c for c in re.sub(r"[^\w]", " ", name) if c.isupper())
    letters = [c for c in acronym.upper() if c.isalpha()]
    position = 0
    for letter in letters:
        position = initials.find(letter, position)
        if position < 0:
            return False
        position += 1
    return len(letters) >= 2
