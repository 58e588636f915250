"""The store: every article analysed once, kept in SQLite, and every question asked in SQL.

Where: DIR/.caconnect/index.sqlite, any file (`--index`, CACONNECT_INDEX), or memory
(`--no-index`: the same store, built from the files and thrown away). WAL mode, so
commands read while another one writes.

Modules, in the order data goes through them:
- scan.py     the folder's names and stats (size, times, inode), begun early in a child process;
              the build key and the stamp of the sources it was made from;
- ingest.py   files -> rows ready to store (events.analyse, query's views), on every core;
- schema.py   the tables, and how caconnect recognises its own index file;
- affected.py which stored articles a dictionary edit can change;
- connection.py its transactions, and SQLite's errors as the store's own;
- index.py    the Index: open and sync (keep up to date: the write side);
- questions.py what the Index is asked (the read side, which Index inherits);
- sql.py      filters as SQL, summary counts, partners;
- lines.py    stored rows streamed as text to the output.

Keeping up to date (`Index.sync`, before every answer): one scan of the folder hashed into
a signature; when it, the dictionary's hash, the folder and the build (schema version and
caconnect's code) match what the index holds, nothing is read. Otherwise, in one write
transaction: a new build or another folder rebuilds the store (then VACUUM reclaims the
space), an edited dictionary re-analyses only the articles it can affect, deleted files
are dropped, and new or changed files (by their stat, then content hash) analysed.

Trust: an index file is caconnect's when its SQLite header carries APPLICATION_ID; any
other file at the index path is a usage error and is never replaced, and no index is
written inside the articles folder. Our own file, damaged, is deleted and rebuilt. An
index locked too long or not writable is IndexUnavailable: the caller answers from an
in-memory store instead. Articles are only ever read.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .index import Index, IndexCorrupt, IndexUnavailable
    from .lines import Lines
    from .scan import default_path

# How an update reports its ingest (files analysed so far, files to analyse): here, not in
# ingest.py, so that naming it does not import the ingest, which a warm command never runs.
Progress = Callable[[int, int], None]

# Imported when first asked for: a command starts its folder's scan (scan.start) before
# it imports the index and what the index imports.
_EXPORTS = {
    "Index": "index",
    "IndexCorrupt": "index",
    "IndexUnavailable": "index",
    "default_path": "scan",
    "Lines": "lines",
}
__all__ = ["Index", "IndexCorrupt", "IndexUnavailable", "Lines", "Progress", "default_path"]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
