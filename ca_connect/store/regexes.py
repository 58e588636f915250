"""The regular expressions an update's analysis compiles (~350 as its modules load, ~0.08 s
of CPU), kept compiled in a file beside the index, so that a command that analyses one
added article does not compile them again.

What the file keeps of each pattern is what CPython's `re` makes of it: the code that
`re._compiler` builds, which `_sre.compile` turns into a Pattern. It is read into `re`'s
own cache of compiled patterns before the analysis's modules are imported, so that their
`re.compile` calls find each pattern there. A pattern is the key of its own code: one
edited or added since is not in the file, is compiled as usual, and the file is written
again. Only CPython 3.11, whose `re` internals this relies on (elsewhere nothing is read
or written); a file of another Python build, damaged (its digest) or of the wrong shape
is ignored. A Pattern made from the file equals the one `re` compiles (Pattern equality
compares the code: tests/test_addfast_s11.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

_HEADER = b"caconnect compiled regexes 2\n"
_CODE = "I"  # the code's words: 4 bytes, as _sre.CODESIZE in CPython 3.11
_SUPPORTED = (
    sys.implementation.name == "cpython"
    and sys.version_info[:2] == (3, 11)
    and array(_CODE).itemsize == 4
)
# What each pattern read or made here was made from: (pattern, flags) -> its entry.
_Entry = list[Any]  # pattern, flags, final flags, code (hex), groups, group index, index group
_KNOWN: dict[tuple[str, int], _Entry] = {}
_READ: set[Path] = set()  # the files read by this process


def regexes_path(index: Path) -> Path:
    """The compiled regexes of an index file: beside it, named after it."""
    return index.with_name(f"{index.name}.regexes")


def _key() -> bytes:
    """The Python build the code was made by: another reads none of it."""
    import _sre

    return f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).hexdigest().encode()


def preload(path: Path) -> None:
    """The file's patterns put in `re`'s cache (those not there yet), once a process."""
    if not _SUPPORTED or path in _READ:
        return
    _READ.add(path)
    try:
        content = path.read_bytes()
    except OSError:
        return
    header, _, rest = content.partition(b"\n")
    key, _, rest = rest.partition(b"\n")
    digest, _, data = rest.partition(b"\n")
    if header + b"\n" != _HEADER or key != _key() or digest != _digest(data):
        return
    try:
        entries = json.loads(data)
        made = [(entry, _pattern(entry)) for entry in entries]
    except (ValueError, TypeError, KeyError, IndexError, RuntimeError):
        return  # not of our shape: each pattern compiled as usual
    cache = re._cache  # type: ignore[attr-defined]
    for entry, pattern in made:
        _KNOWN[entry[0], entry[1]] = entry
        cache.setdefault((str, entry[0], entry[1]), pattern)


def _pattern(entry: _Entry) -> re.Pattern[str]:
    """The Pattern of an entry, as `re._compiler.compile` makes it."""
    import _sre

    pattern, _, flags, code, groups, groupindex, indexgroup = entry
    if not (isinstance(pattern, str) and isinstance(groupindex, dict)):
        raise TypeError("not an entry")
    words = array(_CODE, bytes.fromhex(code)).tolist()
    return _sre.compile(pattern, int(flags), words, int(groups), groupindex, tuple(indexgroup))


def keep(path: Path) -> None:
    """Write the file again, of the patterns in `re`'s cache, when it lacks some of them
    (a first update, or patterns of code edited since)."""
    if not _SUPPORTED:
        return
    compiled = [
        (pattern, flags)
        for kind, pattern, flags in list(re._cache)  # type: ignore[attr-defined]
        if kind is str and not flags & (re.DEBUG | re.LOCALE)
    ]
    if all(key in _KNOWN for key in compiled):
        return
    for pattern, flags in compiled:
        if (pattern, flags) not in _KNOWN:
            _KNOWN[pattern, flags] = _entry(pattern, flags)
    entries = [_KNOWN[key] for key in compiled]
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode()
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(b"".join((_HEADER, _key(), b"\n", _digest(data), b"\n", data)))
        os.replace(partial, path)  # readers see the whole file or none
    except OSError:  # a read-only folder: each command compiles, nothing else changes
        partial.unlink(missing_ok=True)


def _entry(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` makes a Pattern of (its steps, kept)."""
    parsed = re._parser.parse(pattern, flags)  # type: ignore[attr-defined]
    code = re._compiler._code(parsed, flags)  # type: ignore[attr-defined]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    groups = parsed.state.groups - 1
    words = array(_CODE, code).tobytes().hex()  # as hex: a JSON list of ints reads 6x slower
    return [pattern, flags, flags | parsed.state.flags, words, groups, groupindex, indexgroup]
