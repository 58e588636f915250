"""The compiled tagger kept in a file next to the index, so that a command that analyses a
few articles (one added) does not compile the dictionary's phrases again (~0.5 s).

The file holds the phrase matchers as JSON data (no pickle: reading it runs no code),
after a header line, the key it was written for (the dictionary file's content hash and
the code's build key) and a digest of the data. A file with another header or key, a
digest that does not match, or data of the wrong shape is ignored and written anew: it
can cost a compile, never a wrong tag. The Aho-Corasick automaton is built again on load.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..models import EntityDictionary
from .tagger import Tagger, compiled

_HEADER = b"caconnect compiled tagger 1\n"


def cache_path(index: Path) -> Path:
    """The tagger cache of an index file: beside it, named after it."""
    return index.with_name(f"{index.name}.tagger")


def load_tagger(dictionary: EntityDictionary, path: Path, key: str) -> Tagger:
    """The process's tagger of `dictionary` (`tagger_for`): read from `path` if it was
    written there for `key`, else compiled and written there."""

    def make(dictionary: EntityDictionary) -> Tagger:
        tagger = _read(path, key, dictionary)
        if tagger is None:
            tagger = Tagger(dictionary)
            _write(path, key, tagger)
        return tagger

    return compiled(dictionary, Tagger, make)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).hexdigest().encode()


def _read(path: Path, key: str, dictionary: EntityDictionary) -> Tagger | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    header, _, rest = content.partition(b"\n")
    stored_key, _, rest = rest.partition(b"\n")
    digest, _, data = rest.partition(b"\n")
    if header + b"\n" != _HEADER or stored_key != key.encode() or digest != _digest(data):
        return None
    try:
        return Tagger(dictionary, json.loads(data))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None  # our header and digest, yet not our data: compiled again


def _write(path: Path, key: str, tagger: Tagger) -> None:
    data = json.dumps(tagger.stored(), ensure_ascii=False, separators=(",", ":")).encode()
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(b"".join((_HEADER, key.encode(), b"\n", _digest(data), b"\n", data)))
        os.replace(partial, path)  # readers see the whole file or none
    except OSError:  # a read-only folder: each such command compiles, nothing else changes
        partial.unlink(missing_ok=True)
