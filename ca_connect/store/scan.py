"""The folder as one scan sees it, and what the stored data was made by.

Freshness: a command trusts that an article file whose name, size, modification time,
change time (nanoseconds) and inode are what the index recorded still holds the content
it was analysed from. Editors, `git pull`, `cp` and `mv` all change one of these, and the
change time, which no user can set, changes even when a tool keeps the mtime (`cp -p`,
`rsync -t`); a file changed within RACY_NS of the scan that recorded it is hashed again
next time (a second write in the same clock tick would otherwise go unseen).
"""

from __future__ import annotations

import hashlib
import os
import time
from array import array
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from stat import S_ISREG

from ..loader import is_article_name, skipped_link
from .schema import SCHEMA_VERSION

RACY_NS = 2_000_000_000  # mtime granularity to distrust (coarse clocks, FAT's 2 s)
PARALLEL_STAT_FROM = 20_000  # files to stat before a second process pays for itself
Stat = tuple[int, int, int, int]  # mtime_ns, size, ctime_ns, inode


@dataclass
class Scan:
    """The article files of a folder as one directory scan sees them."""

    started_ns: int
    files: dict[str, Stat] = field(default_factory=dict)

    @property
    def signature(self) -> str:
        digest = hashlib.blake2b(digest_size=16)
        digest.update("\0".join(self.files).encode("utf-8", "surrogateescape"))
        digest.update(array("q", [n for stat in self.files.values() for n in stat]).tobytes())
        return digest.hexdigest()


def scan(folder: Path) -> Scan:
    """Names, mtimes and sizes of the article files of `folder`, in directory order."""
    found = Scan(time.time_ns())
    with os.scandir(folder) as entries:  # as fast as listdir, and it knows links for free
        names = [e.name for e in entries if is_article_name(e.name) and not skipped_link(e)]
    for name, status in zip(names, _stat_all(folder, names), strict=True):
        if status is not None:
            found.files[name] = status
    return found


def _stat_all(folder: Path, names: list[str]) -> list[Stat | None]:
    """The Stat of each name that is a file (None if not), on two cores when there
    are many: a stat costs 2-3 us of system time, most of a warm command at 100,000 files.
    """
    if os.stat not in os.supports_dir_fd:  # Windows
        return [_regular(os.path.join(folder, name)) for name in names]
    directory = os.open(folder, os.O_RDONLY)
    try:
        if len(names) < PARALLEL_STAT_FROM or not hasattr(os, "fork") or cores() < 2:
            return _stat_part(directory, names)
        half = len(names) // 2
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # stat the second half, send it packed, and leave without cleaning up
            try:
                os.close(reader)
                packed = array(
                    "q", [n for s in _stat_part(directory, names[half:]) for n in s or _NONE]
                )
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(packed.tobytes())
            finally:
                os._exit(0)
        os.close(writer)
        first = _stat_part(directory, names[:half])
        with os.fdopen(reader, "rb") as pipe:
            packed = array("q")
            packed.frombytes(pipe.read())
        os.waitpid(child, 0)
        second: list[Stat | None] = [
            None if stat[0] == -1 else stat
            for stat in zip(packed[::4], packed[1::4], packed[2::4], packed[3::4], strict=True)
        ]
        if len(second) != len(names) - half:  # the child failed: do its half here
            second = _stat_part(directory, names[half:])
        return first + second
    finally:
        os.close(directory)


_NONE = (-1, -1, -1, -1)  # not a file, as the child process sends it


def _stat_part(directory: int, names: list[str]) -> list[Stat | None]:
    return [_regular(name, directory) for name in names]


def _regular(path: str, directory: int | None = None) -> Stat | None:
    """The Stat of a regular file (links followed); None for anything else."""
    try:
        status = os.stat(path, dir_fd=directory)
    except OSError:  # deleted since the listing, or a broken link
        return None
    if not S_ISREG(status.st_mode):
        return None
    return status.st_mtime_ns, status.st_size, status.st_ctime_ns, status.st_ino


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@cache  # the code running is the code imported: read once per process
def build_key() -> str:
    """What the stored data was made by: SCHEMA_VERSION and caconnect's code. All of it, so
    that no change to the tagger or its helpers can leave stale tags behind (a new version
    rebuilds the index; so does an edit, during development).
    """
    digest = hashlib.blake2b(str(SCHEMA_VERSION).encode(), digest_size=16)
    package = Path(__file__).resolve().parent.parent
    sources = sorted(package.rglob("*.py"))
    for source in sources:
        name = source.relative_to(package).as_posix()
        digest.update(name.encode() + b"\0" + source.read_bytes())
    if not sources:  # not installed as files: the version decides
        from importlib.metadata import version

        digest.update(version("caconnect").encode())
    return digest.hexdigest()
