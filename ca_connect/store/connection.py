"""How the store's SQLite connection is used: its transactions, and SQLite's errors as the
store's own (a damaged index file, or one that cannot be used now)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import IndexStoreError


class IndexCorrupt(Exception):
    """caconnect's own index file is damaged: it must be rebuilt."""


class IndexUnavailable(IndexStoreError):
    """The index cannot be used now (locked, read-only): answer from an in-memory store."""


def _problem(error: sqlite3.Error) -> type[Exception]:
    """IndexCorrupt or IndexUnavailable for an SQLite error."""
    message = str(error)
    if message.startswith(("no such table", "no such column")):  # tables gone
        return IndexCorrupt
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        corrupt = (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    else:
        corrupt = "malformed" in message or "not a database" in message
    return IndexCorrupt if corrupt else IndexUnavailable


@contextmanager
def translated() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise _problem(error)(f"{type(error).__name__}: {error}") from error


@contextmanager
def writing(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken as soon as it starts (other writers wait, readers don't)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


@contextmanager
def reading(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads of one snapshot (a command writing meanwhile is not seen half-way)."""
    db.execute("BEGIN")
    try:
        yield db
    finally:
        db.execute("COMMIT")
