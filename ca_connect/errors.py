"""Errors the core raises; cli.py turns each into one line and an exit code."""

from __future__ import annotations


class CaconnectError(Exception):
    """Base class: something the user can fix, reported as one line."""

    exit_code = 1


class UsageError(CaconnectError):
    """A command-line value that cannot be understood (exit 2)."""

    exit_code = 2


class ArticleError(CaconnectError):
    """An article file that cannot be loaded; names the file (and line)."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class DictionaryError(CaconnectError):
    """A malformed entity dictionary; names the file, the entry and the line."""


class IndexStoreError(CaconnectError):
    """The on-disk index cannot be used and cannot be rebuilt."""


class AddError(CaconnectError):
    """An article that `add` refuses (duplicate, no date with --require-date, ...)."""
