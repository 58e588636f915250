"""The on-disk index (SQLite): every article analysed once, kept in step with its file.

Where: DIR/.caconnect/index.sqlite, or any path (`--index`, CACONNECT_INDEX). WAL mode,
so commands read while another one writes.

What: for each article file its name, (mtime_ns, size), content hash and load error;
for each article that loaded its record (TaggedArticle JSON), the rows every view of it
gives (query.ARTICLE_VIEWS, built at ingest by the same functions `--no-index` uses, so
both give the same rows), its tags, its deal events (with their rows, parties and
types) and its case-folded text (an FTS5 trigram index over it where SQLite has one).

Keeping up to date (`Index.sync`, before every answer): one scan of the folder (names,
mtimes, sizes) hashed into a signature; when it, the dictionary's hash and the build
(SCHEMA_VERSION and caconnect's code) match what the index holds, there
is nothing to do and no file is read. Otherwise, under the write lock and in one
transaction: a changed build rebuilds the index, a changed dictionary re-tags every
article, deleted files are dropped, and only new or changed files (by size and mtime,
then by hash) are read and analysed, on every core when there are many. A file
modified within RACY_NS of a scan may change again unseen in the same mtime tick: it is
hashed again on the next run.

Trust: a file that is not an SQLite database, or is truncated, or fails a read, is
deleted and rebuilt (IndexCorrupt); an SQLite database of another program is moved
aside, never overwritten. An index that is locked too long, or cannot be written, is
IndexUnavailable: the caller answers from the files instead. Articles are only read.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from .errors import ArticleError, IndexStoreError
from .loader import MAX_ARTICLE_SIZE

if TYPE_CHECKING:
    from .deals import Deal, NamedDeal
    from .models import EntityDictionary, Event, Filters, PartialDate, TaggedArticle

SCHEMA_VERSION = 1
APPLICATION_ID = 0x63614378  # `caCx` in the SQLite header: this file is a caconnect index
BUSY_TIMEOUT = 10.0  # seconds to wait for another command's write before giving up
RACY_NS = 2_000_000_000  # mtime granularity to distrust (coarse clocks, FAT's 2 s)
PARALLEL_FROM = 500  # files to analyse before a process pool pays for itself
PARALLEL_STAT_FROM = 20_000  # files to stat before a second process pays for itself
CHUNK = 64  # files per task of the pool
USE_FTS = True  # tests turn it off to check the fallback

Progress = Callable[[int, int], None]  # (files analysed so far, files to analyse)


class IndexCorrupt(Exception):
    """The index file is damaged or not an index: it must be rebuilt."""


class IndexUnavailable(IndexStoreError):
    """The index cannot be used now (locked, read-only): answer from the files."""


def default_path(root: Path) -> Path:
    """Where a data folder's index lives unless told otherwise."""
    return root / ".caconnect" / "index.sqlite"


# --- The folder ------------------------------------------------------------------


@dataclass
class Scan:
    """The article files of a folder as one directory scan sees them."""

    started_ns: int
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # name: (mtime_ns, size)

    @property
    def signature(self) -> str:
        digest = hashlib.blake2b(digest_size=16)
        digest.update("\0".join(self.files).encode("utf-8", "surrogateescape"))
        digest.update(array("q", [n for stat in self.files.values() for n in stat]).tobytes())
        return digest.hexdigest()


def scan(folder: Path) -> Scan:
    """Names, mtimes and sizes of the article files of `folder`, in directory order."""
    from .loader import is_article_name, skipped_link

    found = Scan(time.time_ns())
    with os.scandir(folder) as entries:  # as fast as listdir, and it knows links for free
        names = [e.name for e in entries if is_article_name(e.name) and not skipped_link(e)]
    for name, status in zip(names, _stat_all(folder, names), strict=True):
        if status is not None:
            found.files[name] = status
    return found


def _stat_all(folder: Path, names: list[str]) -> list[tuple[int, int] | None]:
    """(mtime_ns, size) of each name that is a file (None if not), on two cores when there
    are many: a stat costs 2-3 us of system time, most of a warm command at 100,000 files.
    """
    if os.stat not in os.supports_dir_fd:  # Windows
        return [_regular(os.path.join(folder, name)) for name in names]
    directory = os.open(folder, os.O_RDONLY)
    try:
        if len(names) < PARALLEL_STAT_FROM or not hasattr(os, "fork") or _cores() < 2:
            return _stat_part(directory, names)
        half = len(names) // 2
        reader, writer = os.pipe()
        child = os.fork()
        if child == 0:  # stat the second half, send it packed, and leave without cleaning up
            try:
                os.close(reader)
                packed = array(
                    "q", [n for s in _stat_part(directory, names[half:]) for n in s or (-1, -1)]
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
        second: list[tuple[int, int] | None] = [
            None if mtime == -1 else (mtime, size)
            for mtime, size in zip(packed[::2], packed[1::2], strict=True)
        ]
        if len(second) != len(names) - half:  # the child failed: do its half here
            second = _stat_part(directory, names[half:])
        return first + second
    finally:
        os.close(directory)


def _stat_part(directory: int, names: list[str]) -> list[tuple[int, int] | None]:
    return [_regular(name, directory) for name in names]


def _regular(path: str, directory: int | None = None) -> tuple[int, int] | None:
    """(mtime_ns, size) of a regular file (links followed); None for anything else."""
    try:
        status = os.stat(path, dir_fd=directory)
    except OSError:  # deleted since the listing, or a broken link
        return None
    return (status.st_mtime_ns, status.st_size) if S_ISREG(status.st_mode) else None


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def build_key() -> str:
    """What the stored data was made by: SCHEMA_VERSION and caconnect's code. All of it, so
    that no change to the tagger or its helpers can leave stale tags behind (a new version
    rebuilds the index; so does an edit, during development).
    """
    digest = hashlib.blake2b(str(SCHEMA_VERSION).encode(), digest_size=16)
    package = Path(__file__).parent
    sources = sorted(package.rglob("*.py"))  # subpackages too (deals/)
    for source in sources:
        name = source.relative_to(package).as_posix()
        digest.update(name.encode() + b"\0" + source.read_bytes())
    if not sources:  # not installed as files: the version decides
        from importlib.metadata import version

        digest.update(version("caconnect").encode())
    return digest.hexdigest()


# --- Analysing files (in worker processes when there are many) ---------------------


@dataclass
class StoredEvent:
    """One deal event as the index keeps it."""

    number: int
    stage: str
    dates: tuple[str | None, str | None, str | None]  # ISO date, first day, last day
    data: str  # Event JSON
    views: dict[str, str]  # query.EVENT_VIEWS name: row JSON
    parties: list[tuple[str, str | None, bool]]  # id, country, query.deals_with(event, id)
    initiatives: list[str]


@dataclass
class Analysed:
    """What one article file adds to the index: its hash and load error, or its article."""

    name: str
    hash: str
    error: str | None = None
    line: int | None = None
    id: str = ""
    dates: tuple[str | None, str | None, str | None] = (None, None, None)
    year: str = ""  # query.year_key
    data: str | None = None  # TaggedArticle JSON; None when the file did not load
    views: dict[str, str] = field(default_factory=dict)  # query.ARTICLE_VIEWS name: row JSON
    tags: list[tuple[str, str, str | None]] = field(default_factory=list)  # kind, id, name
    events: list[StoredEvent] = field(default_factory=list)
    text: tuple[str, str] = ("", "")  # title and body, case-folded
    deal_facts: tuple[str, list[str]] = ("", [])  # deals/store.py: facts (JSON), keys


def analyse_file(
    folder: Path,
    name: str,
    dictionary: EntityDictionary,
    named: Sequence[NamedDeal] = (),
    max_size: int = MAX_ARTICLE_SIZE,
) -> Analysed:
    """Load, tag and read the events of one file, ready to store."""
    from .deals.store import facts_for_index
    from .events import analyse
    from .loader import parse_article, size_error
    from .query import ARTICLE_VIEWS, year_key

    path = folder / name
    try:
        size = path.stat().st_size
        if size > max_size:  # never read: see loader.MAX_ARTICLE_SIZE
            return Analysed(name, "", size_error(str(path), size, max_size).reason)
        content = path.read_bytes()
    except OSError as error:
        return Analysed(name, "", f"cannot read: {error.strerror}")
    analysed = Analysed(name, content_hash(content))
    try:
        article = parse_article(content, path, max_size)
    except ArticleError as error:
        analysed.error, analysed.line = error.reason, error.line
        return analysed
    tagged = analyse(article, dictionary)
    analysed.id = tagged.id
    analysed.dates = _dates(tagged.date)
    analysed.year = year_key(tagged.date)
    analysed.data = tagged.model_dump_json()
    analysed.views = {view: json.dumps(row(tagged)) for view, row in ARTICLE_VIEWS.items()}
    analysed.tags = [
        *(("country", code, None) for code in tagged.countries),
        *(("organization", org.id, org.name) for org in tagged.organizations),
        *(("initiative", kind, None) for kind in tagged.initiatives),
        *((("language", tagged.language, None),) if tagged.language else ()),
    ]
    analysed.events = [_stored_event(event) for event in tagged.events]
    analysed.text = ((tagged.title or "").casefold(), tagged.body.casefold())
    analysed.deal_facts = facts_for_index(tagged, named)
    return analysed


def _stored_event(event: Event) -> StoredEvent:
    from .query import EVENT_VIEWS, deals_with

    return StoredEvent(
        number=event.number,
        stage=event.stage,
        dates=_dates(event.date),
        data=event.model_dump_json(),
        views={view: json.dumps(row(event)) for view, row in EVENT_VIEWS.items()},
        parties=[(p.id, p.country, deals_with(event, p.id)) for p in event.parties],
        initiatives=list(event.initiatives),
    )


def _dates(date: PartialDate | None) -> tuple[str | None, str | None, str | None]:
    if date is None:
        return None, None, None
    return date.isoformat(), date.first_day().isoformat(), date.last_day().isoformat()


_WORKER_DICTIONARY: EntityDictionary | None = None
_WORKER_NAMED: Sequence[NamedDeal] = ()


def _start_worker(dictionary: EntityDictionary, named: Sequence[NamedDeal] = ()) -> None:
    global _WORKER_DICTIONARY, _WORKER_NAMED
    _WORKER_DICTIONARY = dictionary
    _WORKER_NAMED = named


def _worker_chunk(folder: str, names: list[str], max_size: int) -> list[Analysed]:
    assert _WORKER_DICTIONARY is not None
    return [
        analyse_file(Path(folder), name, _WORKER_DICTIONARY, _WORKER_NAMED, max_size)
        for name in names
    ]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def analyse_files(
    folder: Path,
    names: Sequence[str],
    dictionary: EntityDictionary,
    progress: Progress | None = None,
    named: Sequence[NamedDeal] = (),
    max_size: int = MAX_ARTICLE_SIZE,
) -> Iterator[Analysed]:
    """`analyse_file` of each name, in order: on every core when there are many."""
    chunks = [list(names[i : i + CHUNK]) for i in range(0, len(names), CHUNK)]
    done = 0
    workers = _cores()
    if len(names) < PARALLEL_FROM or workers < 2:
        results = (
            [analyse_file(folder, n, dictionary, named, max_size) for n in chunk]
            for chunk in chunks
        )
    else:
        results = _analyse_in_pool(folder, chunks, dictionary, workers, named, max_size)
    for chunk in results:
        yield from chunk
        done += len(chunk)
        if progress:
            progress(done, len(names))


def _analyse_in_pool(
    folder: Path,
    chunks: list[list[str]],
    dictionary: EntityDictionary,
    workers: int,
    named: Sequence[NamedDeal],
    max_size: int,
) -> Iterator[list[Analysed]]:
    from concurrent.futures import ProcessPoolExecutor

    # A few chunks in flight per worker: results are stored as they come, never piled up.
    pool = ProcessPoolExecutor(
        workers, initializer=_start_worker, initargs=(dictionary, tuple(named))
    )
    try:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_worker_chunk, str(folder), chunk, max_size))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- The SQLite file ----------------------------------------------------------------

_META_SCHEMA = "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
_SCHEMA = """
CREATE TABLE files (
    name TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    hash TEXT NOT NULL,
    racy INTEGER NOT NULL,      -- modified too close to its scan: hash it again next time
    error TEXT,                 -- why it did not load, and where
    line INTEGER
) WITHOUT ROWID;
CREATE TABLE articles (
    num INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    shadowed INTEGER NOT NULL DEFAULT 0,  -- another file has the same id: neither answers
    date TEXT, first_day TEXT, last_day TEXT,
    year TEXT NOT NULL
);
CREATE INDEX articles_by_id ON articles (id);
CREATE INDEX articles_in_order ON articles (date IS NULL, date, id);
CREATE INDEX articles_shadowed ON articles (num) WHERE shadowed;
CREATE TABLE article_data (num INTEGER PRIMARY KEY, data TEXT NOT NULL);  -- TaggedArticle
CREATE TABLE tags (
    kind TEXT NOT NULL, value TEXT NOT NULL, num INTEGER NOT NULL,
    name TEXT,                  -- an organisation's name: summaries count names
    PRIMARY KEY (kind, value, num)
) WITHOUT ROWID;
CREATE INDEX tags_by_article ON tags (num);
CREATE TABLE pairs (            -- each country with each initiative type of an article
    country TEXT NOT NULL, initiative TEXT NOT NULL, num INTEGER NOT NULL,
    PRIMARY KEY (country, initiative, num)
) WITHOUT ROWID;
CREATE INDEX pairs_by_article ON pairs (num);
CREATE TABLE events (
    eid INTEGER PRIMARY KEY,
    num INTEGER NOT NULL,
    number INTEGER NOT NULL,
    stage TEXT NOT NULL,
    date TEXT, first_day TEXT, last_day TEXT
);
CREATE INDEX events_by_article ON events (num);
CREATE TABLE event_data (eid INTEGER PRIMARY KEY, data TEXT NOT NULL);  -- Event
CREATE TABLE event_parties (
    eid INTEGER NOT NULL, party TEXT NOT NULL, country TEXT,
    partner INTEGER NOT NULL,   -- query.deals_with(event, party)
    PRIMARY KEY (eid, party)
) WITHOUT ROWID;
CREATE INDEX event_parties_by_party ON event_parties (party);
CREATE INDEX event_parties_by_country ON event_parties (country);
CREATE TABLE event_initiatives (
    eid INTEGER NOT NULL, initiative TEXT NOT NULL, PRIMARY KEY (eid, initiative)
) WITHOUT ROWID;
CREATE INDEX event_initiatives_by_type ON event_initiatives (initiative);
CREATE TABLE texts (num INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
"""
# Kept in step by hand, not by triggers: a trigger makes each insert 3x slower.
_FTS_SCHEMA = """
CREATE VIRTUAL TABLE texts_fts USING fts5 (
    title, body, content = 'texts', content_rowid = 'num',
    tokenize = 'trigram case_sensitive 1', detail = 'none'
);
"""


def _view_schema() -> Iterator[str]:
    """A table per view of query.py (rows as JSON), and triggers that drop what hangs off
    an article or an event with it."""
    from .query import ARTICLE_VIEWS, EVENT_VIEWS

    article_tables = ["article_data", "tags", "pairs", "events", "texts"]
    event_tables = ["event_data", "event_parties", "event_initiatives"]
    for views, key, tables in (
        (ARTICLE_VIEWS, "num", article_tables),
        (EVENT_VIEWS, "eid", event_tables),
    ):
        for view in views:
            table = _view_table(views is EVENT_VIEWS, view)
            yield f"CREATE TABLE {table} ({key} INTEGER PRIMARY KEY, row TEXT NOT NULL)"
            tables.append(table)
    for source, key, tables in (
        ("articles", "num", article_tables),
        ("events", "eid", event_tables),
    ):
        deletes = "".join(f"DELETE FROM {t} WHERE {key} = old.{key}; " for t in tables)
        yield f"CREATE TRIGGER {source}_dropped AFTER DELETE ON {source} BEGIN {deletes}END"


def _view_table(event: bool, view: str) -> str:
    if not view.isidentifier():
        raise ValueError(f"a view name must be an identifier: {view!r}")
    return f"{'event' if event else 'article'}_view_{view}"


def _problem(error: sqlite3.Error) -> type[Exception]:
    """IndexCorrupt or IndexUnavailable for an SQLite error."""
    message = str(error)
    if message.startswith(("no such table", "no such column")):  # tables gone: not ours
        return IndexCorrupt
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        corrupt = (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    else:
        corrupt = "malformed" in message or "not a database" in message
    return IndexCorrupt if corrupt else IndexUnavailable


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise _problem(error)(f"{type(error).__name__}: {error}") from error


class Index:
    """The index of one articles folder and its dictionary: `open`, `sync`, then ask."""

    def __init__(
        self, path: Path, articles: Path, entities: Path, max_article_size: int = MAX_ARTICLE_SIZE
    ) -> None:
        self.path = path
        self.articles = articles
        self.entities = entities
        self.max_article_size = max_article_size
        self.notes: list[str] = []  # what the index had to do that a user should hear of
        self._db: sqlite3.Connection | None = None
        self._dictionary: EntityDictionary | None = None
        self._named: list[NamedDeal] | None = None

    # Opening ---------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise IndexUnavailable("the index is not open")
        return self._db

    def open(self) -> None:
        """Connect, creating the file if needed; IndexCorrupt if it is damaged."""
        if self._db is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise IndexUnavailable(f"cannot create {self.path.parent}: {error.strerror}") from None
        if self.path.is_dir():
            raise IndexUnavailable(f"{self.path} is a folder, not an index file")
        if not _has_sqlite_header(self.path):
            raise IndexCorrupt("it is not an SQLite database")
        with _translated():
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                db.execute("PRAGMA journal_size_limit = 67108864")  # a WAL left at most 64 MB
                tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
                if not tables:
                    _create(db)
                elif "meta" not in tables or _application_id(db) != APPLICATION_ID:
                    db.close()
                    self._move_aside()
                    return self.open()
                elif _truncated(db, self.path):
                    raise IndexCorrupt("the file is shorter than its pages")
            except BaseException:
                db.close()
                raise
        self._db = db

    def _move_aside(self) -> None:
        aside = self.path.with_name(self.path.name + ".not-an-index")
        os.replace(self.path, aside)
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.notes.append(
            f"{self.path} was an SQLite database of another program: moved it to {aside.name} "
            "and built a new index"
        )

    def discard(self, why: str) -> None:
        """Delete a damaged index file (and its WAL) so that the next `open` starts anew."""
        self.close()
        existed = self.path.exists()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        if existed:
            self.notes.append(f"the index {self.path} was unusable ({why}): rebuilt it")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # Keeping up to date ----------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> None:
        """Bring the index up to date with the folder and the dictionary (see the module doc)."""
        listing = scan(self.articles)
        wanted = {
            "build": build_key(),
            "dictionary": self._dictionary_hash(),
            "folder": str(self.articles.resolve()),
            "max_article_size": str(self.max_article_size),
            "scan": listing.signature,
            "named_deals": self._named_deals_hash(),
        }
        with _translated():
            if self._meta(*wanted) == wanted:
                return
            with _writing(self.db):
                self._update(listing, wanted, progress)
            self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # never waits for readers

    def _named_deals_hash(self) -> str:
        try:
            return content_hash(self.named_deals_path.read_bytes())
        except FileNotFoundError:
            return ""
        except OSError:
            self.named_deals()  # raises the DictionaryError a user should see
            raise

    @property
    def named_deals_path(self) -> Path:
        from .deals.named import deals_path

        return deals_path(self.entities.parent)

    def named_deals(self) -> list[NamedDeal]:
        """The named deals (DIR/deals.yaml), checked against the dictionary."""
        if self._named is None:
            from .deals.named import load_named_deals

            self._named = load_named_deals(self.named_deals_path, self.dictionary())
        return self._named

    def _dictionary_hash(self) -> str:
        try:
            return content_hash(self.entities.read_bytes())
        except OSError:
            from .dictionary import load_dictionary

            load_dictionary(self.entities)  # raises the DictionaryError a user should see
            raise

    def _update(self, listing: Scan, wanted: dict[str, str], progress: Progress | None) -> None:
        db = self.db
        basis = ("build", "dictionary", "folder", "max_article_size")
        if self._meta(*basis) != {key: wanted[key] for key in basis}:
            from .dictionary import load_dictionary

            dictionary = load_dictionary(self.entities)  # a bad one changes nothing
            _drop_tables(db)
            _create_tables(db)
            self._set_meta(dictionary_json=dictionary.model_dump_json())
            self._dictionary = dictionary
        stored = {
            name: (mtime, size, digest, racy)
            for name, mtime, size, digest, racy in db.execute(
                "SELECT name, mtime_ns, size, hash, racy FROM files"
            )
        }
        known = set(stored)
        stat = listing.files
        changed: list[str] = []
        touched: list[str] = []  # new mtime or size, same content
        for name, (mtime, size) in stat.items():
            old = stored.pop(name, None)
            if old is None:
                changed.append(name)
            elif old[:2] != (mtime, size) or old[3]:
                same = _read_hash(self.articles / name) == old[2]
                (touched if same else changed).append(name)
        fts = self._fts()
        from .deals.store import DealStore

        deals = DealStore(db)
        named = self.named_deals()
        gone = self._ids([*stored, *(n for n in changed if n in known)])
        old_keys = deals.keys_of(gone)
        for article_id in gone:
            deals.forget(article_id)
        for name in stored:  # deleted files
            db.execute("DELETE FROM files WHERE name = ?", (name,))
            self._drop(name, fts)
        racy_from = listing.started_ns - RACY_NS
        for name in touched:
            mtime, size = stat[name]
            db.execute(
                "UPDATE files SET mtime_ns = ?, size = ?, racy = ? WHERE name = ?",
                (mtime, size, mtime >= racy_from, name),
            )
        changed.sort()
        touched = set(gone)
        analysed_files = analyse_files(
            self.articles, changed, self.dictionary(), progress, named, self.max_article_size
        )
        for analysed in analysed_files:
            mtime, size = stat[analysed.name]
            if analysed.name in known:
                self._drop(analysed.name, fts)
            self._store(analysed, mtime, size, mtime >= racy_from, fts)
            if analysed.data is not None:
                deals.put_facts(analysed.id, *analysed.deal_facts)
                touched.add(analysed.id)
        renamed = self._meta("named_deals").get("named_deals") != wanted["named_deals"]
        if renamed and known:
            deals.refresh_names(self.select(_every()), named)
        if touched or renamed:
            deals.sync(touched, old_keys, named, self.dictionary(), everything=renamed)
        if changed or stored or not self._meta("summary"):
            db.execute(  # every file of an id that several files have: neither answers
                "UPDATE articles SET shadowed = "
                "((SELECT count(*) FROM articles b WHERE b.id = articles.id) > 1) "
                "WHERE shadowed OR id IN "
                "(SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"
            )
            every = "num NOT IN (SELECT num FROM articles WHERE shadowed)"
            self._set_meta(summary=json.dumps(_packed(_counts(db, every))))
        racy = db.execute("SELECT 1 FROM files WHERE racy LIMIT 1").fetchone()
        self._set_meta(**{**wanted, "scan": "" if racy else wanted["scan"]})

    def _ids(self, names: Sequence[str]) -> set[str]:
        return {
            row[0]
            for name in names
            for row in self.db.execute("SELECT id FROM articles WHERE name = ?", (name,))
        }

    def _drop(self, name: str, fts: bool) -> None:
        """Forget the article of a file (its rows go with it: see the triggers)."""
        if fts:
            self.db.execute(
                "INSERT INTO texts_fts (texts_fts, rowid, title, body) SELECT 'delete', num, "
                "title, body FROM texts WHERE num = (SELECT num FROM articles WHERE name = ?)",
                (name,),
            )
        self.db.execute("DELETE FROM articles WHERE name = ?", (name,))

    def _store(self, analysed: Analysed, mtime: int, size: int, racy: bool, fts: bool) -> None:
        db = self.db
        db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (analysed.name, mtime, size, analysed.hash, racy, analysed.error, analysed.line),
        )
        if analysed.data is None:
            return
        num = db.execute(
            "INSERT INTO articles (name, id, date, first_day, last_day, year) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (analysed.name, analysed.id, *analysed.dates, analysed.year),
        ).lastrowid
        db.execute("INSERT INTO article_data VALUES (?, ?)", (num, analysed.data))
        for view, row in analysed.views.items():
            db.execute(f"INSERT INTO {_view_table(False, view)} VALUES (?, ?)", (num, row))
        db.executemany(
            "INSERT INTO tags VALUES (?, ?, ?, ?)",
            [(kind, value, num, name) for kind, value, name in analysed.tags],
        )
        countries = [value for kind, value, _ in analysed.tags if kind == "country"]
        kinds = [value for kind, value, _ in analysed.tags if kind == "initiative"]
        db.executemany(
            "INSERT INTO pairs VALUES (?, ?, ?)", [(c, k, num) for c in countries for k in kinds]
        )
        for event in analysed.events:
            eid = db.execute(
                "INSERT INTO events (num, number, stage, date, first_day, last_day) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (num, event.number, event.stage, *event.dates),
            ).lastrowid
            db.execute("INSERT INTO event_data VALUES (?, ?)", (eid, event.data))
            for view, row in event.views.items():
                db.execute(f"INSERT INTO {_view_table(True, view)} VALUES (?, ?)", (eid, row))
            db.executemany(
                "INSERT INTO event_parties VALUES (?, ?, ?, ?)",
                [(eid, *party) for party in event.parties],
            )
            db.executemany(
                "INSERT INTO event_initiatives VALUES (?, ?)",
                [(eid, kind) for kind in event.initiatives],
            )
        db.execute("INSERT INTO texts VALUES (?, ?, ?)", (num, *analysed.text))
        if fts:
            db.execute(
                "INSERT INTO texts_fts (rowid, title, body) VALUES (?, ?, ?)", (num, *analysed.text)
            )

    def _meta(self, *keys: str) -> dict[str, str]:
        rows = self.db.execute(f"SELECT key, value FROM meta WHERE key IN ({_marks(keys)})", keys)
        return dict(rows.fetchall())

    def _set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    # Look-ups ---------------------------------------------------------------------

    def dictionary(self) -> EntityDictionary:
        """The dictionary the index was tagged with: `sync` checked that the file's hash is
        the stored one (loading it shares the process's parse and compiled tagger)."""
        if self._dictionary is None:
            from .dictionary import load_dictionary

            self._dictionary = load_dictionary(self.entities)
        return self._dictionary

    def lookup(self) -> Any:
        """The dictionary for looking names up (query.build_filters): its stored JSON as
        attributes, without the models that validated it.
        """
        if self._dictionary is not None:
            return self._dictionary
        with _translated():
            stored = self._meta("dictionary_json")["dictionary_json"]
        return json.loads(stored, object_hook=lambda fields: SimpleNamespace(**fields))

    def deals(self) -> list[Deal]:
        """Every deal as linked at ingest (deals/store.py), with its status as its events
        leave it."""
        from .deals.store import DealStore

        with _translated():
            return DealStore(self.db).deals()

    def deal(self, deal_id: str) -> Deal | None:
        from .deals.store import DealStore

        with _translated():
            return DealStore(self.db).deal(deal_id)

    def newest_date(self) -> PartialDate | None:
        """The newest article's date: where deals stand by default."""
        from .models import PartialDate

        with _translated():
            row = self.db.execute(
                "SELECT date FROM articles WHERE date IS NOT NULL AND NOT shadowed "
                "ORDER BY last_day DESC LIMIT 1"
            ).fetchone()
        return PartialDate.parse(row[0]) if row else None

    def errors(self) -> list[ArticleError]:
        """One error per file that did not load or repeats an article id, in name order."""
        from .loader import duplicate_id_error

        with _translated():
            rows = self.db.execute(
                "SELECT name, error, line, NULL FROM files WHERE error IS NOT NULL "
                "UNION ALL SELECT name, NULL, NULL, "
                "(SELECT min(b.name) FROM articles b WHERE b.id = a.id AND b.name <> a.name) "
                "FROM articles a WHERE shadowed ORDER BY 1"
            ).fetchall()
        return [
            ArticleError(str(self.articles / name), error, line)
            if first is None
            else duplicate_id_error(self.articles / name, self.articles / first)
            for name, error, line, first in rows
        ]

    def get(self, article_id: str) -> TaggedArticle | None:
        with _translated():
            row = self.db.execute(
                "SELECT name, data FROM articles JOIN article_data USING (num) "
                "WHERE id = ? AND NOT shadowed",
                (article_id,),
            ).fetchone()
        return self._article(*row) if row else None

    def select(self, filters: Filters) -> list[TaggedArticle]:
        """The articles that pass the filters, in timeline order (query.select)."""
        where, values = _article_where(filters, self._fts())
        with _translated():
            rows = self.db.execute(
                f"SELECT a.name, d.data FROM articles a JOIN article_data d USING (num) "
                f"WHERE {where} {_ARTICLE_ORDER}",
                values,
            ).fetchall()
        return [self._article(name, data) for name, data in rows]

    def events(self, filters: Filters) -> list[Event]:
        """The deal events that pass the filters, in timeline order (query.select_events)."""
        from .models import Event

        where, values = _event_where(filters, self._fts())
        with _translated():
            rows = self.db.execute(
                f"SELECT d.data FROM events e JOIN event_data d USING (eid) "
                f"JOIN articles a ON a.num = e.num WHERE {where} {_EVENT_ORDER}",
                values,
            ).fetchall()
        return [Event.model_validate_json(data) for (data,) in rows]

    def article_rows(self, filters: Filters, view: str) -> list[dict[str, Any]]:
        """query.ARTICLE_VIEWS[view] of each selected article, as stored at ingest."""
        from .query import ARTICLE_VIEWS

        if view not in ARTICLE_VIEWS:
            raise ValueError(f"unknown article view {view!r}")
        where, values = _article_where(filters, self._fts())
        with _translated():
            rows = self.db.execute(
                f"SELECT a.name, v.row FROM articles a JOIN {_view_table(False, view)} v "
                f"USING (num) WHERE {where} {_ARTICLE_ORDER}",
                values,
            ).fetchall()
        loads, folder = json.loads, str(self.articles)
        out = [loads(data) for _, data in rows]
        if out and "path" in out[0]:  # the path as this folder is named now
            for row, (name, _) in zip(out, rows, strict=True):
                row["path"] = os.path.join(folder, name)  # str(self.articles / name), faster
        return out

    def event_rows(self, filters: Filters, view: str) -> list[dict[str, Any]]:
        """query.EVENT_VIEWS[view] of each selected event, as stored at ingest."""
        from .query import EVENT_VIEWS

        if view not in EVENT_VIEWS:
            raise ValueError(f"unknown event view {view!r}")
        where, values = _event_where(filters, self._fts())
        with _translated():
            rows = self.db.execute(
                f"SELECT v.row FROM events e JOIN {_view_table(True, view)} v USING (eid) "
                f"JOIN articles a ON a.num = e.num WHERE {where} {_EVENT_ORDER}",
                values,
            ).fetchall()
        loads = json.loads
        return [loads(data) for (data,) in rows]

    def summary(self, filters: Filters) -> dict[str, list[dict[str, Any]]]:
        """query.summary of the selected articles, counted in SQL (for all of them, counted
        once per change and kept in `meta`)."""
        from .query import summary_sections

        with _translated(), _reading(self.db) as db:
            stored = self._meta("summary").get("summary")
            if filters.is_empty() and stored:
                return summary_sections(*_unpacked(json.loads(stored)))
            where, values = _article_where(filters, self._fts())
            db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (num INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM chosen")
            db.execute(f"INSERT INTO chosen SELECT a.num FROM articles a WHERE {where}", values)
            return summary_sections(*_counts(db, "num IN chosen"))

    def _article(self, name: str, data: str) -> TaggedArticle:
        from .models import TaggedArticle

        article = TaggedArticle.model_validate_json(data)
        path = str(self.articles / name)
        return article if article.path == path else article.model_copy(update={"path": path})

    def _fts(self) -> bool:
        with _translated():
            return bool(
                self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'texts_fts'").fetchone()
            )


# --- SQL for filters (the same questions as query.matches and query.event_matches) ---


def _every() -> Filters:
    from .query import Filters

    return Filters()


_ARTICLE_ORDER = "ORDER BY a.date IS NULL, a.date, a.id"
_EVENT_ORDER = "ORDER BY e.date IS NULL, e.date, a.id, e.number"


SummaryCounts = tuple[Counter[str], Counter[str], Counter[str], Counter[str], Counter[Any]]


def _counts(db: sqlite3.Connection, chosen: str) -> SummaryCounts:
    """The counts of query.summary over the articles `chosen` (an SQL condition on `num`)."""

    def count(sql: str) -> Counter[Any]:
        return Counter({tuple(key) if len(key) > 1 else key[0]: n for *key, n in db.execute(sql)})

    tags = f"FROM tags WHERE {chosen} AND kind ="
    by_org: Counter[str] = Counter()
    for (_, name), n in count(
        f"SELECT value, min(name), count(*) {tags} 'organization' GROUP BY value"
    ).items():
        by_org[name] += n  # two organisations may share a name
    return (
        count(f"SELECT value, count(*) {tags} 'country' GROUP BY value"),
        count(f"SELECT value, count(*) {tags} 'initiative' GROUP BY value"),
        by_org,
        count(f"SELECT year, count(*) FROM articles WHERE {chosen} GROUP BY year"),
        count(
            f"SELECT country, initiative, count(*) FROM pairs WHERE {chosen} "
            "GROUP BY country, initiative"
        ),
    )


def _packed(counts: SummaryCounts) -> list[Any]:
    *single, matrix = counts
    return [*(dict(c) for c in single), [[*key, n] for key, n in matrix.items()]]


def _unpacked(packed: list[Any]) -> SummaryCounts:
    *single, matrix = packed
    by_country, by_type, by_org, by_year = (Counter(c) for c in single)
    return by_country, by_type, by_org, by_year, Counter({(c, t): n for c, t, n in matrix})


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _period(alias: str, filters: Filters) -> tuple[list[str], list[Any]]:
    """query.in_period: the date's last day is not before `since`, its first not after `until`."""
    clauses: list[str] = []
    values: list[Any] = []
    if filters.since:
        clauses.append(f"{alias}.last_day >= ?")
        values.append(filters.since.first_day().isoformat())
    if filters.until:
        clauses.append(f"{alias}.first_day <= ?")
        values.append(filters.until.last_day().isoformat())
    return clauses, values


def _text(text: str, fts: bool) -> tuple[str, list[Any]]:
    """Articles whose case-folded title or body contains the case-folded text."""
    needle = text.casefold()
    contains = "(instr(t.title, ?) > 0 OR instr(t.body, ?) > 0)"
    if fts and len(needle) >= 3:  # every trigram of the text is in the article: candidates
        trigrams = dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2))
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
        return (
            "a.num IN (SELECT t.num FROM texts t WHERE t.num IN "
            f"(SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?) AND {contains})",
            [match, needle, needle],
        )
    return f"a.num IN (SELECT t.num FROM texts t WHERE {contains})", [needle, needle]


def _stage_and_partner(filters: Filters) -> tuple[list[str], list[Any]]:
    """query._stage_and_partner, over an event `e`."""
    clauses: list[str] = []
    values: list[Any] = []
    if filters.stages:
        clauses.append(f"e.stage IN ({_marks(filters.stages)})")
        values += filters.stages
    if filters.partners:
        clauses.append(
            "e.eid IN (SELECT eid FROM event_parties WHERE partner "
            f"AND party IN ({_marks(filters.partners)}))"
        )
        values += filters.partners
    return clauses, values


def _article_where(filters: Filters, fts: bool) -> tuple[str, list[Any]]:
    clauses = ["NOT a.shadowed"]
    values: list[Any] = []
    for kind, wanted in (
        ("country", filters.countries),
        ("organization", filters.organizations),
        ("initiative", filters.initiatives),
        ("language", filters.languages),
    ):
        if wanted:
            clauses.append(
                f"a.num IN (SELECT num FROM tags WHERE kind = ? AND value IN ({_marks(wanted)}))"
            )
            values += [kind, *wanted]
    period, period_values = _period("a", filters)
    clauses += period
    values += period_values
    if filters.text:
        clause, text_values = _text(filters.text, fts)
        clauses.append(clause)
        values += text_values
    event_clauses, event_values = _stage_and_partner(filters)
    if event_clauses:
        clauses.append(f"a.num IN (SELECT e.num FROM events e WHERE {' AND '.join(event_clauses)})")
        values += event_values
    return " AND ".join(clauses), values


def _event_where(filters: Filters, fts: bool) -> tuple[str, list[Any]]:
    clauses = ["NOT a.shadowed"]
    values: list[Any] = []
    if filters.countries:
        marks = _marks(filters.countries)
        clauses.append(
            "e.eid IN (SELECT eid FROM event_parties "
            f"WHERE party IN ({marks}) OR country IN ({marks}))"
        )
        values += [*filters.countries, *filters.countries]
    if filters.organizations:
        clauses.append(
            "e.eid IN (SELECT eid FROM event_parties "
            f"WHERE party IN ({_marks(filters.organizations)}))"
        )
        values += filters.organizations
    if filters.initiatives:
        clauses.append(
            "e.eid IN (SELECT eid FROM event_initiatives "
            f"WHERE initiative IN ({_marks(filters.initiatives)}))"
        )
        values += filters.initiatives
    if filters.languages:
        clauses.append(
            "a.num IN (SELECT num FROM tags WHERE kind = 'language' "
            f"AND value IN ({_marks(filters.languages)}))"
        )
        values += filters.languages
    period, period_values = _period("e", filters)
    clauses += period
    values += period_values
    if filters.text:
        clause, text_values = _text(filters.text, fts)
        clauses.append(clause)
        values += text_values
    event_clauses, event_values = _stage_and_partner(filters)
    clauses += event_clauses
    values += event_values
    return " AND ".join(clauses), values


# --- Helpers ------------------------------------------------------------------------


@contextmanager
def _writing(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken as soon as it starts (other writers wait, readers don't)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


@contextmanager
def _reading(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads of one snapshot (a command writing meanwhile is not seen half-way)."""
    db.execute("BEGIN")
    try:
        yield db
    finally:
        db.execute("COMMIT")


def _create(db: sqlite3.Connection) -> None:
    """A new index in an empty file (unless another command made it meanwhile)."""
    with _writing(db):
        if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            return
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(_META_SCHEMA)
        _create_tables(db)


def _create_tables(db: sqlite3.Connection) -> None:
    """Every table but `meta`."""
    for statement in [*_statements(_SCHEMA), *_view_schema()]:
        db.execute(statement)
    from .deals.store import create_tables

    create_tables(db)
    if USE_FTS:
        try:
            db.execute("SAVEPOINT fts")
            for statement in _statements(_FTS_SCHEMA):
                db.execute(statement)
            db.execute("RELEASE fts")
        except sqlite3.OperationalError:  # no FTS5, or no trigram tokenizer (SQLite < 3.34)
            db.execute("ROLLBACK TO fts")
            db.execute("RELEASE fts")


def _statements(script: str) -> Iterator[str]:
    """The statements of a script (triggers hold `;` inside BEGIN ... END)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def _drop_tables(db: sqlite3.Connection) -> None:
    """Every table but `meta` (an FTS table takes its own tables with it)."""
    rows = db.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger') "
        "AND name NOT IN ('meta', 'sqlite_sequence') AND name NOT LIKE 'texts!_fts!_%' ESCAPE '!'"
    ).fetchall()
    for kind, name in sorted(rows, key=lambda row: row[0] == "table"):  # triggers first
        db.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')


def _has_sqlite_header(path: Path) -> bool:
    """An empty or missing file (SQLite starts one) or one with SQLite's header."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except FileNotFoundError:
        return True
    return not head or head == b"SQLite format 3\x00"


def _application_id(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA application_id").fetchone()[0]


def _truncated(db: sqlite3.Connection, path: Path) -> bool:
    """Fewer bytes than pages: cut short (unless the newest pages are still in the WAL)."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        return False
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    return path.stat().st_size < pages * page_size


def _read_hash(path: Path) -> str | None:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return None
