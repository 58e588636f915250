"""Regular expressions compiled when first used instead of when their module is imported.

A command that analyses one article (the first after an article is added) imports every
module of the analysis, and each compiled its patterns as it was imported: ~330 of them,
of which an English article's analysis uses about half (the others read Russian, or rare
wordings). `LazyPattern(text, flags)` stands where `re.compile(text, flags)` stood, with
the same methods: the pattern is compiled by the first call of any of them, which then
sets the compiled pattern's own methods on the instance, so that no wrapper runs again.
`pattern` is there before (patterns built from others read it); `flags`, `groups` and
`groupindex` compile it.

Compiling one reads it back from the file beside the index when the process has read one
that holds it (stored_patterns.py); every LazyPattern made is listed (`every_pattern`), so
that the file holds them all, whichever an article used.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from .stored_patterns import Key, compile_pattern

# The compiled pattern's methods that a LazyPattern sets on itself when it compiles.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
_MADE: list[LazyPattern] = []  # every one made, in the order made


def every_pattern() -> list[Key]:
    """The text and flags of every LazyPattern made in this process."""
    return [(lazy.pattern, int(lazy._flags)) for lazy in _MADE]


class LazyPattern:
    """`re.compile(pattern, flags)`, compiled when first used (module docstring)."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None
        _MADE.append(self)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = compile_pattern(self.pattern, self._flags)
            for name in _METHODS:  # instance attributes: found before the methods below
                self.__dict__[name] = getattr(self._compiled, name)
        return self._compiled

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
