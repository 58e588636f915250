"""Regular expressions read back compiled from a file beside the index, instead of compiled
again by each command that analyses an article (one added: ~250 of them, ~50 ms of CPU).

What `re.compile` makes of a pattern is its text parsed and turned into a list of code
words for the interpreter's regular expression engine (`re._compiler`), then handed to
that engine (`_sre.compile`, which checks the code). The parsing and the code are the
cost; the hand-over is cheap. The file keeps, for every pattern the package defines
(`LazyPattern`), the arguments of that hand-over, and `compile_pattern` hands them over
again. Those are the interpreter's private interfaces, confined to this module, so the
file is used only where exactly what made it holds:

- nothing is read or written unless a probe pattern handed over as this module does
  compiles to what `re.compile` makes (another interpreter's internals, or none);
- its key is the code's build key (store/scan.py `build_key`: the patterns' texts) and
  the interpreter's version, its bytecode tag and its engine's version and code size
  (`_sre.MAGIC`, `_sre.CODESIZE`), with the byte order; a file with another key, a
  digest that does not match (keyed_file.py) or data of another shape is ignored, and
  written anew by the next update that analyses an article;
- each pattern is looked up by its text and flags, and anything that fails in the
  hand-over (the engine refusing the code, an interface missing) compiles it with
  `re.compile` instead, as does a pattern the file does not hold.

The compiled pattern is the same object `re.compile` makes: patterns compare equal
when their flags, text and code are equal, and `tests/test_stored_patterns.py` checks
that every pattern of the package read back is equal to `re.compile`'s and matches alike.

The file: a header line, the key, the digest, then one JSON line (for each pattern its
text, the flags asked for, the flags compiled, the groups, the group names in both
directions and where its code words are), then the code words of every pattern as one
array of native unsigned integers of `_sre.CODESIZE` bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from .keyed_file import read_keyed, write_keyed

try:  # the interpreter's private regular expression interfaces (module docstring)
    import _sre
    from re import _compiler, _parser
except ImportError:
    _sre = _compiler = _parser = None  # type: ignore[assignment]

_HEADER = b"caconnect compiled patterns 1\n"
# A pattern handed over as `_code_of` does, which must compile to what re.compile makes.
_PROBE = (r"(?P<word>\w+)(?:\s+|-)(?P=word)\b|[^\W\d]{2,}$", re.IGNORECASE | re.MULTILINE)

Key = tuple[str, int]  # a pattern's text and the flags it was asked for
# A pattern's hand-over to _sre.compile, but for its text and code: the flags compiled,
# its groups, its group names to numbers and numbers to names, and its code's span.
_Entry = tuple[int, int, dict[str, int], tuple[str | None, ...], int, int]
_Made = tuple[int, int, dict[str, int], list[str | None], list[int]]  # ... and its code

# What this process read from the file (`read_patterns`): the entries, their code words.
_read: dict[Key, _Entry] = {}
_words: memoryview = memoryview(b"")
_read_from: tuple[Path, str] | None = None


def pattern_path(index: Path) -> Path:
    """The compiled patterns of an index file: beside it, named after it."""
    return index.with_name(f"{index.name}.patterns")


def compile_pattern(text: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(text, flags)`: read back from the file this process read when it holds
    the pattern, else compiled."""
    entry = _read.get((text, flags))
    if entry is not None:
        compiled, groups, groupindex, indexgroup, start, end = entry
        try:
            code = _words[start:end].tolist()
            return _sre.compile(text, compiled, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]
        except Exception:  # the engine refused it: compiled, as re.compile does
            del _read[(text, flags)]
    return re.compile(text, flags)


def read_patterns(path: Path, build: str) -> None:
    """Read the compiled patterns of `path` for the code of `build`, once in a process;
    a file that is not there or not theirs reads as none."""
    global _read, _words, _read_from
    if _read_from == (path, build):
        return
    _read, _words, _read_from = {}, memoryview(b""), (path, build)
    words_type = _words_type()
    data = read_keyed(path, _HEADER, _key(build)) if words_type else None
    if data is None:
        return
    entries_at = data.find(b"\n") + 1
    try:
        entries = json.loads(data[: entries_at - 1])
        words = memoryview(data)[entries_at:].cast(words_type)  # TypeError: not whole words
        read = {
            (text, flags): _entry(text, flags, *numbers, size=len(words))
            for text, flags, *numbers in entries
        }
    except (ValueError, TypeError):
        return
    _read, _words = read, words


def _entry(
    text: Any,
    flags: Any,
    compiled: Any,
    groups: Any,
    groupindex: Any,
    indexgroup: Any,
    start: Any,
    end: Any,
    *,
    size: int,
) -> _Entry:
    """An entry of the file's JSON, checked for its shape (ValueError if not)."""
    numbers = (flags, compiled, groups, start, end)
    if not isinstance(text, str) or not all(type(number) is int for number in numbers):
        raise ValueError("not a pattern's entry")
    if not 0 <= start <= end <= size:
        raise ValueError("not a pattern's code")
    if not isinstance(groupindex, dict) or not all(
        isinstance(name, str) and type(number) is int for name, number in groupindex.items()
    ):
        raise ValueError("not a pattern's group names")
    if not isinstance(indexgroup, list) or not all(
        name is None or isinstance(name, str) for name in indexgroup
    ):
        raise ValueError("not a pattern's group numbers")
    return compiled, groups, groupindex, tuple(indexgroup), start, end


def write_patterns(path: Path, build: str, patterns: Iterable[Key]) -> None:
    """Write every one of `patterns` compiled to `path` for the code of `build`, with those
    read from it, unless it was read holding them all already."""
    wanted = {(text, int(flags)) for text, flags in patterns}
    words_type = _words_type()
    if not words_type or (_read_from == (path, build) and wanted <= _read.keys()):
        return
    entries: list[list[Any]] = []
    words = array(words_type)
    for text, flags in sorted(wanted | _read.keys()):
        if flags & re.DEBUG:
            continue  # re.compile prints these: never read back
        try:
            compiled, groups, groupindex, indexgroup, code = _code_of(text, flags)
        except re.error:  # re.compile says what is wrong when the pattern is used
            continue
        start = len(words)
        words.extend(code)
        entries.append([text, flags, compiled, groups, groupindex, indexgroup, start, len(words)])
    head = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode()
    write_keyed(path, _HEADER, _key(build), head + b"\n" + words.tobytes())


@cache  # a process that writes several files (a library user's, the tests') parses once
def _code_of(text: str, flags: int) -> _Made:
    """What `re._compiler.compile(text, flags)` hands over to `_sre.compile`, but the text
    (shared: never changed by its callers)."""
    parsed = _parser.parse(text, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    compiled = int(flags | parsed.state.flags)
    return compiled, parsed.state.groups - 1, groupindex, indexgroup, list(map(int, code))


def _key(build: str) -> str:
    """The file's key: the code's build and what made the code words (`_words_type`)."""
    made_by = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)
    text = "\0".join(map(str, (build, *made_by, sys.byteorder)))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@cache  # made when a file is first read or written: a command that reads none pays nothing
def _words_type() -> str:
    """The array type of the engine's code words (`_sre.CODESIZE` bytes each), if this
    interpreter's private interfaces are the ones this module knows and hand a probe over
    as re.compile does; "" if not (then no file is read or written: every pattern is
    compiled)."""
    try:
        words = next(code for code in "IL" if array(code).itemsize == _sre.CODESIZE)
        compiled, groups, groupindex, indexgroup, code = _code_of(*_PROBE)
        handed = _sre.compile(_PROBE[0], compiled, code, groups, groupindex, tuple(indexgroup))
        _key("")
    except Exception:  # another interpreter's internals, or none: compiled as re does
        return ""
    return words if handed == re.compile(*_PROBE) else ""
