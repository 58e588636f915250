"""The event reader's compiled stage cues kept in a file next to the index, as the tagger's
are (tagging/cache.py), so that a command that analyses a few articles (one added) does
not compile them again (~20 ms of each such command).

The file holds each language's cues as JSON data (no pickle: reading it runs no code),
after a header line, the key it was written for (the dictionary file's content hash and
the code's build key, as the tagger's) and a digest of the data. A file with another
header or key, a digest that does not match, or data of the wrong shape is ignored (the
cues are compiled from the dictionary, and the file written anew): it can cost a
compile, never another cue. A language's cues are made from the data when an article
in it is first read (reader.CueSets).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..keyed_file import read_keyed, write_keyed
from ..models import EntityDictionary
from ..tagging.tagger import compiled
from .reader import CueSets

_HEADER = b"caconnect compiled cues 1\n"


def cue_cache_path(index: Path) -> Path:
    """The cue cache of an index file: beside it, named after it."""
    return index.with_name(f"{index.name}.cues")


def load_cues(dictionary: EntityDictionary, path: Path, key: str) -> CueSets:
    """The process's cues of `dictionary` (what every `Reader` of it uses): read from
    `path` if it was written there for `key`, else compiled and written there."""

    def make(dictionary: EntityDictionary) -> CueSets:
        data = read_keyed(path, _HEADER, key)
        try:
            stored = json.loads(data) if data is not None else None
        except ValueError:
            stored = None
        if isinstance(stored, dict):
            return CueSets(dictionary, stored)
        cue_sets = CueSets(dictionary)
        text = json.dumps(cue_sets.data(), ensure_ascii=False, separators=(",", ":"))
        write_keyed(path, _HEADER, key, text.encode())
        return cue_sets

    return compiled(dictionary, CueSets, make)
