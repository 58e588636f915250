"""Errors the core raises; cli.py turns each into one line and an exit code."""

from __future__ import annotations

ECHO_LIMIT = 80  # characters of a value an error message repeats back


def shown(text: str, limit: int = ECHO_LIMIT) -> str:
    """`repr(text)` for an error message, cut to `limit` characters with `…`: an error
    stays one short line whatever the input (a 355-byte YAML bomb expands to 351 MB).
    """
    quoted = repr(text[:limit])
    return quoted if len(quoted) <= limit else quoted[: limit - 1] + "…"


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
