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
import struct
import time
from array import array
from functools import cache
from pathlib import Path
from stat import S_ISREG

from ..loader import ARTICLE_SUFFIXES, skipped_link
from .schema import SCHEMA_VERSION

RACY_NS = 2_000_000_000  # mtime granularity to distrust (coarse clocks, FAT's 2 s)
PARALLEL_STAT_FROM = 20_000  # files to stat before a second process pays for itself
Stat = tuple[int, int, int, int]  # mtime_ns, size, ctime_ns, inode


class Scan:
    """The article files of a folder as one directory scan sees them: each name's Stat, in
    directory order. A scan sent by a child process (`start`) is decoded only when its
    files are asked for: a command whose scan is the stored one never needs them."""

    def __init__(self, started_ns: int, files: dict[str, Stat] | None = None) -> None:
        self.started_ns = started_ns
        self._files = {} if files is None else files
        self._sent: tuple[bytes, bytes | None, array[int]] | None = None  # digest, names, stats

    @property
    def files(self) -> dict[str, Stat]:
        if self._sent is not None:
            _, names, stats = self._sent
            if names is None:
                raise RuntimeError("a scan read as known has no files")
            self._files = dict(
                zip(
                    names.decode("utf-8", "surrogateescape").split("\0") if names else [],
                    zip(stats[::4], stats[1::4], stats[2::4], stats[3::4], strict=True),
                    strict=True,
                )
            )
            self._sent = None
        return self._files

    @property
    def has_files(self) -> bool:
        """False for a scan read only as far as its signature (`scan`'s `known`)."""
        return self._sent is None or self._sent[1] is not None

    @property
    def signature(self) -> str:
        return self.digest().hex()

    def digest(self, names: bytes | None = None, stats: bytes | None = None) -> bytes:
        """The digest of the names and stats (`names()`, `packed_stats()` if not given)."""
        if self._sent is not None:
            return self._sent[0]
        digest = hashlib.blake2b(digest_size=16)
        digest.update(self.names() if names is None else names)
        digest.update(self.packed_stats() if stats is None else stats)
        return digest.digest()

    def names(self) -> bytes:
        return "\0".join(self.files).encode("utf-8", "surrogateescape")

    def packed_stats(self) -> bytes:
        return array("q", [n for stat in self.files.values() for n in stat]).tobytes()


def scan(folder: Path, known: str | None = None) -> Scan:
    """Names, mtimes and sizes of the article files of `folder`, in directory order: the
    scan `start` began for it in a child process if there is one, else one made now.
    `known`: the signature the caller holds; a scan from a child that has it is read no
    further (its files are not needed: at 100,000 files, 6 MB not read and decoded)."""
    early = _started.pop(os.path.realpath(folder), None)
    if early is not None:
        found = _collect(*early, known)
        if found is not None:
            return found
    return _scan_now(folder)


def _scan_now(folder: Path) -> Scan:
    found = Scan(time.time_ns())
    with os.scandir(folder) as entries:  # as fast as listdir, and it knows links for free
        # is_article_name and skipped_link inlined: at 100,000 files the calls were a third
        # of the listing's time.
        names = [
            name
            for entry in entries
            if (name := entry.name).endswith(ARTICLE_SUFFIXES)
            and name[:1] != "."
            and not (entry.is_symlink() and skipped_link(entry))
        ]
    for name, status in zip(names, _stat_all(folder, names), strict=True):
        if status is not None:
            found.files[name] = status
    return found


# Scans begun by `start`, by folder: (child pid, the pipe it writes its scan to).
_started: dict[str, tuple[int, int]] = {}
_HEADER = struct.Struct("<16sqq")  # signature digest, started_ns, bytes of names


def start(folder: Path) -> None:
    """Begin the scan of `folder` in a child process, so that its stats (a few seconds of
    system time at 100,000 files) are taken while this process imports what the command
    needs and opens the index; `scan` then reads it. What it sends is what `scan` would
    have found at the moment it started: the command still answers from a check of every
    file made before it reads the store. Nothing happens where processes cannot fork."""
    where = os.path.realpath(folder)
    if where in _started:  # begun for a command that never read it: too old to trust
        child, reader = _started.pop(where)
        os.close(reader)  # the child, writing, stops
        os.waitpid(child, 0)
    if not hasattr(os, "fork") or cores() < 2:
        return
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # scan, send it packed, and leave without cleaning up
        try:
            os.close(reader)
            found = _scan_now(Path(folder))
            names, stats = found.names(), found.packed_stats()
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(_HEADER.pack(found.digest(names, stats), found.started_ns, len(names)))
                pipe.write(names)
                pipe.write(stats)
        finally:
            os._exit(0)
    os.close(writer)
    _started[where] = (child, reader)


def _collect(child: int, reader: int, known: str | None) -> Scan | None:
    """The scan a child sent; None if it failed (the caller scans again). One whose
    signature is `known` holds only that: asked for its files, it raises."""
    try:
        with os.fdopen(reader, "rb") as pipe:  # closed unread, it stops the child
            head = pipe.read(_HEADER.size)
            if len(head) != _HEADER.size:
                return None
            digest, started_ns, size = _HEADER.unpack(head)
            if digest.hex() == known:
                found = Scan(started_ns)
                found._sent = (digest, None, array("q"))
                return found
            names = pipe.read(size)
            stats = array("q")
            stats.frombytes(pipe.read())
    finally:
        os.waitpid(child, 0)
    count = names.count(b"\0") + 1 if names else 0
    if len(names) != size or len(stats) != 4 * count:  # cut short on the way
        return None
    found = Scan(started_ns)
    found._sent = (digest, names, stats)
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


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def code_stamp(package: str = _PACKAGE) -> str:
    """The name, size, times and inode of every source file of caconnect, hashed: while it
    is the stamp recorded beside a build key, that key still holds and no source is read
    (`build_key` reads and hashes every one, 17 ms of each command). The same trust as an
    article's stat (module docstring); "" (no stamp) when a source changed within RACY_NS.
    """
    recent = time.time_ns() - RACY_NS
    digest = hashlib.blake2b(str(SCHEMA_VERSION).encode(), digest_size=16)
    sources = 0
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(".py"):
                status = os.stat(os.path.join(folder, name))
                if max(status.st_mtime_ns, status.st_ctime_ns) >= recent:
                    return ""
                stamp = (status.st_mtime_ns, status.st_size, status.st_ctime_ns, status.st_ino)
                digest.update(f"{os.path.join(folder, name)}\0{stamp}\n".encode())
                sources += 1
    return digest.hexdigest() if sources else ""  # no source files: the version decides


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
