"""The folder as one scan sees it, and what the stored data was made by.

Freshness: a command trusts that an article file whose name, size, modification time,
change time (nanoseconds) and inode are what the index recorded still holds the content
it was analysed from. Editors, `git pull`, `cp` and `mv` all change one of these, and the
change time, which no user can set, changes even when a tool keeps the mtime (`cp -p`,
`rsync -t`); a file changed within RACY_NS of the scan that recorded it is hashed again
next time (a second write in the same clock tick would otherwise go unseen).
"""

from __future__ import annotations

import os
import struct
import time
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from stat import S_ISLNK, S_ISREG
from typing import Any, BinaryIO, NamedTuple

# What this module imports is what `python -m ca_connect` loads before it forks the scan
# (__main__.py): only modules the interpreter has loaded by then. What the scan's child or
# the command needs later (hashlib, json, threading, sqlite3 through schema, the loader)
# is imported where it is used: at the top, they put ~20 ms before the fork, which a warm
# command at 100,000 files then waits for (tests/test_store_scan.py).

# loader.ARTICLE_SUFFIXES, named here so that the scan need not import the loader
# (tests/test_store_scan.py checks that the two agree).
ARTICLE_SUFFIXES = (".txt", ".md")
RACY_NS = 2_000_000_000  # mtime granularity to distrust (coarse clocks, FAT's 2 s)
PARALLEL_STAT_FROM = 20_000  # files to stat before a second process pays for itself
Stat = tuple[int, int, int, int]  # mtime_ns, size, ctime_ns, inode
# Meta key: a new random value at every update of the store's files (Index._update), so
# that differences found from them (`Differences`) are known to be still the store's.
FILES_TOKEN = "files_token"


def default_path(root: Path) -> Path:
    """Where a data folder's index lives unless told otherwise."""
    return root / ".caconnect" / "index.sqlite"


class Differences(NamedTuple):
    """What `differences` found between a scan and the store's files, and the store's
    FILES_TOKEN when they were read: they hold while the store's token is that one."""

    token: str
    differing: dict[str, Stat]
    deleted: frozenset[str]


class Scan:
    """The article files of a folder as one directory scan sees them, kept packed as the
    scan made them: their names joined by NULs and their Stats as four int64 each, in
    directory order, and the digest of both. The files are decoded when first asked for:
    a command whose scan is the stored one never needs them. `names` None: a scan read
    only as far as its digest (`scan`'s `known`)."""

    def __init__(
        self,
        started_ns: int,
        digest: bytes,
        names: bytes | None,
        stats: array[int],
        compared: Differences | None = None,
    ):
        self.started_ns = started_ns
        self._digest = digest
        self._names = names
        self._stats = stats
        self._files: dict[str, Stat] | None = None
        self.compared = compared  # what the scan's child found against the store, if it did

    @property
    def files(self) -> dict[str, Stat]:
        if self._files is None:
            stats = self._stats
            self._files = dict(
                zip(
                    self._decoded_names(),
                    zip(stats[::4], stats[1::4], stats[2::4], stats[3::4], strict=True),
                    strict=True,
                )
            )
        return self._files

    @property
    def signature(self) -> str:
        return self._digest.hex()

    @property
    def count(self) -> int:
        """How many files (their names not decoded)."""
        return len(self._stats) // 4

    def lines(self) -> list[str]:
        """One line of text per file, its name and Stat (`FILE_LINE`): the form the store's
        own lines are made in (`FILE_LINE_SQL`), so that the two are compared as sets of
        strings, in C, rather than as a tuple and a dict entry per file."""
        names, stats = self._decoded_names(), self._stats
        return list(map(FILE_LINE.format, names, stats[::4], stats[1::4], stats[2::4], stats[3::4]))

    def _decoded_names(self) -> list[str]:
        """The files' names, in directory order."""
        if self._names is None:
            raise RuntimeError("a scan read as known has no files")
        return self._names.decode().split("\0") if self._names else []


# A file as one line: its name, then its Stat (a name holds no `/`). The store makes the
# same line of each row of its `files` table in SQL (store/index.py); tests/test_store_scan.py
# checks that the two agree.
FILE_LINE = "{}/{},{},{},{}"
FILE_LINE_SQL = "name || '/' || mtime_ns || ',' || size || ',' || ctime_ns || ',' || inode"


# The store's files as `differences` compares them: the lines of those not racy, and the
# names of the racy ones (hashed again at every update until they are not).
STORED_LINES_SQL = f"SELECT group_concat({FILE_LINE_SQL}, char(0)) FROM files WHERE NOT racy"
RACY_SQL = "SELECT name FROM files WHERE racy"


def parse_line(line: str) -> tuple[str, Stat]:
    """The name and Stat of a FILE_LINE."""
    name, _, numbers = line.rpartition("/")
    mtime, size, ctime, inode = map(int, numbers.split(","))
    return name, (mtime, size, ctime, inode)


def differences(
    stored: str | None, racy: Iterable[str], lines: list[str]
) -> tuple[dict[str, Stat], set[str]]:
    """The files listed (`lines`, FILE_LINEs) whose line is not one the store holds
    (`stored`: STORED_LINES_SQL's), with their stats: new files, changed ones and those
    stored as racy; and the stored files not listed. The two sets of lines are compared in
    C: a tuple and a dict entry for each of 20,000 stored files cost ~50 ms of CPU."""
    stored_lines = set(stored.split("\0")) if stored else set()
    listed = set(lines)
    differing = dict(map(parse_line, listed - stored_lines))
    deleted = {parse_line(line)[0] for line in stored_lines - listed}
    deleted.update(racy)
    return differing, deleted - differing.keys()


def _digest(names: bytes, stats: array[int]) -> bytes:
    digest = _digesting(names)
    digest.update(stats)
    return digest.digest()


def _digesting(names: bytes) -> Any:
    """A scan's digest begun: its names hashed, its stats to follow (`_digest`)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    digest.update(names)
    return digest


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
    started_ns = time.time_ns()
    listed, names = _listed(folder)
    stats, digest = _stat_all(folder, listed, names)
    sizes = stats[1::4]
    if -1 in sizes:  # not a file (_NONE): left out, and the digest made again without it
        listed, stats = _kept(listed, stats, [size != -1 for size in sizes])
        names = b"\0".join(listed)
        digest = _digest(names, stats)
    return Scan(started_ns, digest, names, stats)


_SUFFIXES = tuple(suffix.encode() for suffix in ARTICLE_SUFFIXES)


def _listed(folder: Path) -> tuple[list[bytes], bytes]:
    """The names `folder` lists that may be articles' (an article suffix, no leading
    dot, UTF-8), in directory order, as bytes, and the same joined by NULs."""
    # os.listdir, not scandir: half the time at 100,000 files (no object per entry); a
    # link is told apart by the stat that follows (_stat_part). In bytes: no name decoded,
    # nor encoded again by its stat (~15 ms less at 100,000 files).
    listed = os.listdir(os.fsencode(folder))
    joined = b"\0".join(listed)
    if not _all_articles(joined, len(listed)):
        listed = [name for name in listed if name.endswith(_SUFFIXES) and name[:1] != b"."]
        joined = b"\0".join(listed)
    if not joined.isascii() and not _is_utf8(joined):
        # A name not in UTF-8: left out (the store keeps names as text).
        listed = [name for name in listed if _is_utf8(name)]
        joined = b"\0".join(listed)
    return listed, joined


def _all_articles(joined: bytes, count: int) -> bool:
    """Does every one of `count` names joined by NULs end with an article suffix and not
    begin with a dot? Counted in C over the joined names: a test of each name costs ~12
    ms at 100,000 files (no name ends with two suffixes: each is counted once)."""
    ends = joined + b"\0"
    suffixed = sum(ends.count(suffix + b"\0") for suffix in _SUFFIXES)
    return suffixed == count and not joined.startswith(b".") and b"\0." not in joined


def _kept(
    listed: list[bytes], stats: array[int], keep: list[bool]
) -> tuple[list[bytes], array[int]]:
    """The names, and their Stats, that `keep` keeps."""
    kept = [at for at, wanted in enumerate(keep) if wanted]
    kept_stats = array("q", [n for at in kept for n in stats[4 * at : 4 * at + 4]])
    return [listed[at] for at in kept], kept_stats


def _is_utf8(name: bytes) -> bool:
    try:
        name.decode()
    except UnicodeDecodeError:
        return False
    return True


# Scans begun by `start`, by folder: (child pid, the pipe it writes its scan to).
_started: dict[str, tuple[int, int]] = {}
# The scan `start(..., early=True)` began before the command's options were parsed: its
# folder and index, until the command starts its own (which takes that one instead).
_early: tuple[str, str | None] | None = None
_HEADER = struct.Struct("<16sqq")  # signature digest, started_ns, bytes of names


def start(folder: Path, index: Path | None = None, *, early: bool = False) -> None:
    """Begin the scan of `folder` in a child process, so that its stats (a few seconds of
    system time at 100,000 files) are taken while this process imports what the command
    needs and opens the index; `scan` then reads it. What it sends is what `scan` would
    have found at the moment it started: the command still answers from a check of every
    file made before it reads the store. Nothing happens where processes cannot fork.

    With the `index` file the command will open, the child then compares its scan with
    the files the store holds, when the store records another scan (a file added,
    changed or removed): the update that follows need not (~35 ms of CPU at 20,000 files,
    done while this process loads the analysis). The comparison is used only while the
    store's FILES_TOKEN is the one it was read with (Index._differences).

    `early`: begun by the program (`python -m ca_connect`) from its arguments, before the
    command's options are parsed: the command's own `start` for the same folder and
    index then keeps that scan rather than beginning another."""
    global _early
    where = os.path.realpath(folder)
    wanted = (where, os.path.realpath(index) if index is not None else None)
    if not early and _early is not None:
        begun, _early = _early, None
        if begun == wanted and where in _started:  # this command's, begun a little earlier
            return
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
            with os.fdopen(writer, "wb") as pipe:
                if index is None:
                    _send(pipe, found)
                else:
                    # The scan is sent (the command reads it when it needs it: the pipe
                    # holds 64 kB) while the files are compared, then the comparison.
                    import threading

                    sending = threading.Thread(target=_send, args=(pipe, found))
                    sending.start()
                    compared = _compared(index, found)
                    sending.join()
                    pipe.write(compared)
        finally:
            os._exit(0)
    os.close(writer)
    _started[where] = (child, reader)
    if early:
        _early = wanted


def _send(pipe: BinaryIO, found: Scan) -> None:
    """Send a scan packed; leave at once if the command stopped reading (its scan was
    the stored one: it closes the pipe after the header)."""
    names = found._names or b""
    try:
        pipe.write(_HEADER.pack(found._digest, found.started_ns, len(names)))
        pipe.write(names)
        pipe.write(found._stats)
        pipe.flush()
    except OSError:
        os._exit(0)


def _compared(index: Path, found: Scan) -> bytes:
    """What differs between the scan and the files of the store at `index` (`differences`),
    as JSON with the store's FILES_TOKEN; b"" when there is nothing to compare (no such
    store, no token, or the scan is the one the store records) or it cannot be read.
    Only caconnect's index is opened, read-only (SQLite may leave its -wal and -shm files
    beside it, as the command's own connection does while it runs)."""
    import json
    import sqlite3

    from .schema import file_kind

    if file_kind(index) != "ours":  # another program's file is never opened
        return b""
    try:
        # Read-only, never waiting: a store this cannot read is compared by the command.
        uri = f"{Path(index).absolute().as_uri()}?mode=ro"
        db = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    except (sqlite3.Error, ValueError):
        return b""
    try:
        db.execute("BEGIN")  # one snapshot: the token and the files it stands for
        meta = dict(
            db.execute("SELECT key, value FROM meta WHERE key IN ('scan', ?)", (FILES_TOKEN,))
        )
        token = meta.get(FILES_TOKEN)
        if not isinstance(token, str) or meta.get("scan") == found.signature:
            return b""
        stored = db.execute(STORED_LINES_SQL).fetchone()[0]
        racy = [name for (name,) in db.execute(RACY_SQL)]
    except sqlite3.Error:
        return b""
    finally:
        db.close()
    differing, deleted = differences(stored, racy, found.lines())
    sent = {
        "token": token,
        "differing": [[name, *stat] for name, stat in differing.items()],
        "deleted": sorted(deleted),
    }
    return json.dumps(sent, ensure_ascii=False).encode()


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
                return Scan(started_ns, digest, None, array("q"))
            names = pipe.read(size)
            count = names.count(b"\0") + 1 if names else 0
            stats = array("q")
            stats.frombytes(pipe.read(4 * stats.itemsize * count))
            compared = pipe.read()
    finally:
        os.waitpid(child, 0)
    if len(names) != size or len(stats) != 4 * count:  # cut short on the way
        return None
    return Scan(started_ns, digest, names, stats, _differences_sent(compared))


def _differences_sent(sent: bytes) -> Differences | None:
    """The Differences a child sent (`_compared`); None if none, or not of that shape."""
    if not sent:
        return None
    import json

    try:
        data = json.loads(sent)
        token, differing, deleted = data["token"], data["differing"], data["deleted"]
        found = {name: (mtime, size, ctime, inode) for name, mtime, size, ctime, inode in differing}
        names = [*found, *deleted]
    except (ValueError, TypeError, KeyError):
        return None
    if not (
        isinstance(token, str)
        and all(isinstance(name, str) for name in names)
        and all(type(number) is int for stat in found.values() for number in stat)
    ):
        return None
    return Differences(token, found, frozenset(deleted))


def _stat_all(folder: Path, listed: list[bytes], names: bytes) -> tuple[array[int], bytes]:
    """The Stat of each name listed, packed (_NONE where it is no file), and the scan's
    digest of `names` (the same joined) and those Stats (`_digest`), on two cores when
    there are many: a stat costs 2-3 us of system time, most of a warm command at 100,000
    files."""
    if os.stat not in os.supports_dir_fd:  # Windows: the names joined to the folder's
        stats = _stat_part(folder, None, [os.fsdecode(name) for name in listed])
        return stats, _digest(names, stats)
    directory = os.open(folder, os.O_RDONLY)
    try:
        if len(listed) < PARALLEL_STAT_FROM or not hasattr(os, "fork") or cores() < 2:
            stats = _stat_part(folder, directory, listed)
            return stats, _digest(names, stats)
        # This process hashes the names, then its own Stats, while the child takes the
        # other part: ~5 ms at 100,000 files, so its part is that much smaller.
        half = (len(listed) - len(listed) // 32) // 2
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # stat the second part, send it packed, and leave without cleaning up
            try:
                os.close(reader)
                with os.fdopen(writer, "wb") as pipe:
                    pipe.write(_stat_part(folder, directory, listed[half:]))
            finally:
                os._exit(0)
        os.close(writer)
        digest = _digesting(names)
        stats = _stat_part(folder, directory, listed[:half])
        digest.update(stats)
        with os.fdopen(reader, "rb") as pipe:
            second = array("q")
            second.frombytes(pipe.read())
        os.waitpid(child, 0)
        if len(second) != 4 * (len(listed) - half):  # the child failed: do its part here
            second = _stat_part(folder, directory, listed[half:])
        digest.update(second)
        stats.extend(second)
        return stats, digest.digest()
    finally:
        os.close(directory)


_NONE = (-1, -1, -1, -1)  # not a file (no size is -1)


def _stat_part(folder: Path, directory: int | None, names: list[bytes] | list[str]) -> array[int]:
    """The Stats of `names` (in `directory`, else joined to `folder`), packed; a link is
    followed when it leads to a file inside the data folder (loader.link_problem)."""
    stats = array("q")
    add = stats.extend
    lstat = os.lstat
    for name in names if directory is not None else (os.path.join(folder, n) for n in names):
        try:  # inlined, no call a file: the loop runs 100,000 times at 100,000 files
            status = lstat(name, dir_fd=directory)
        except OSError:  # deleted since the listing
            add(_NONE)
            continue
        if not S_ISREG(status.st_mode):  # a link, followed if it may be, or no file
            path = Path(folder, os.fsdecode(name)) if directory is not None else Path(name)
            status = _followed(path)
            if status is None:
                add(_NONE)
                continue
        add((status.st_mtime_ns, status.st_size, status.st_ctime_ns, status.st_ino))
    return stats


def _followed(path: Path) -> os.stat_result | None:
    """The stat of the file a link in the articles folder leads to, when it is followed
    (loader.link_problem); None for a link not followed, broken, or to no file, and for
    anything else that is no file (a folder, a socket)."""
    from ..loader import link_problem

    try:
        if not S_ISLNK(os.lstat(path).st_mode) or link_problem(path) is not None:
            return None
        status = os.stat(path)
    except OSError:  # deleted since, or a broken link
        return None
    return status if S_ISREG(status.st_mode) else None


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def content_hash(data: bytes) -> str:
    import hashlib

    return hashlib.blake2b(data, digest_size=16).hexdigest()


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def code_stamp(package: str = _PACKAGE) -> str:
    """The name, size, times and inode of every source file of caconnect, hashed: while it
    is the stamp recorded beside a build key, that key still holds and no source is read
    (`build_key` reads and hashes every one, 17 ms of each command). The same trust as an
    article's stat (module docstring); "" (no stamp) when a source changed within RACY_NS.
    """
    import hashlib

    from .schema import SCHEMA_VERSION

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
    import hashlib

    from .schema import SCHEMA_VERSION

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
