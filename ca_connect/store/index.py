"""The Index class: one SQLite store of a data folder, brought up to date, then asked
(the questions, its read side, are questions.py's).

A file-backed index (DIR/.caconnect/index.sqlite, or `--index PATH`) or an in-memory one
(`--no-index`): the same tables, the same SQL, the same answers.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..lazy_pattern import every_pattern
from ..loader import MAX_ARTICLE_SIZE
from ..stored_patterns import pattern_path, read_patterns, write_patterns
from ..vocab import Filters
from . import schema, sql
from .connection import IndexCorrupt, IndexUnavailable, reading, translated, writing
from .questions import NO_ERRORS, PARTNERS_KEY, Questions, meta_value
from .scan import (
    FILES_TOKEN,
    RACY_NS,
    RACY_SQL,
    STORED_LINES_SQL,
    Scan,
    Stat,
    build_key,
    code_stamp,
    content_hash,
    differences,
    scan,
)
from .schema import unpack

if TYPE_CHECKING:
    from ..deals import NamedDeal
    from ..models import EntityDictionary
    from . import Progress
    from .ingest import Analysed

BUSY_TIMEOUT = 10.0  # seconds to wait for another command's write before giving up
USE_FTS = True  # tests turn it off to check the fallback
NAMED_DEALS_FILE = "deals.yaml"
RECLAIM_FROM = 0.25  # VACUUM after an update that leaves this share of pages free
SHADOW_BY_ID_UP_TO = 1000  # ids an update re-checks one by one for duplicates (else all)
LOOKED_UP_BY_NAME = 1000  # stored files an update reads one by one (else all: _stored_files)
# Bytes of the index read through a memory map. Mapped pages count in the process's
# resident memory: a whole export at 100,000 articles through a 2 GB map peaked at 280 MB
# (the target is 200), through 64 MB at 98 MB.
MMAP_SIZE = 1 << 26
# An update of a store that held articles leaves the deals of up to this many articles to
# be linked by the next command that reads a deal (`_linked`): a timeline after an added
# article never loads the linker. More (a first build, a rebuild) are linked at once.
DEFER_LINKING_UP_TO = 1000
_PENDING = "deals_pending"  # meta key: the articles and old keys whose deals wait (JSON)
_FOLDER_STAT = "folder_stat"  # meta key: the articles folder's own stat at the last update


def _pending(stored: str) -> tuple[set[str], set[str]]:
    """The articles and old keys of `_PENDING`'s value."""
    waiting = json.loads(stored)
    return set(waiting["articles"]), set(waiting["keys"])


class Index(Questions):
    """The store of one articles folder and its dictionary: `open`, `sync`, then ask.

    `path` None keeps it in memory (nothing written to disk).
    """

    def __init__(
        self,
        path: Path | None,
        articles: Path,
        entities: Path,
        max_article_size: int = MAX_ARTICLE_SIZE,
    ) -> None:
        self.path = path
        self.articles = articles
        self.entities = entities
        self.max_article_size = max_article_size
        self.notes: list[str] = []  # what the index had to do that a user should hear of
        self._db: sqlite3.Connection | None = None
        self._dictionary: EntityDictionary | None = None
        self._named: list[NamedDeal] | None = None
        self._fts: bool | None = None

    # Opening ------------------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise IndexUnavailable("the index is not open")
        return self._db

    def open(self) -> None:
        """Connect, creating the store if needed.

        UsageError if the file is not caconnect's index (it is never replaced) or lies
        inside the articles folder; IndexCorrupt if it is ours but damaged.
        """
        if self._db is not None:
            return
        if self.path is None:
            db = sqlite3.connect(":memory:", isolation_level=None)
            sql.register_functions(db)
            with writing(db):
                schema.create(db, fts=USE_FTS)
            self._db = db
            return
        self._check_place()
        kind = schema.file_kind(self.path)
        if kind in ("sqlite", "other"):
            raise UsageError(
                f"{self.path} is not a caconnect index ("
                + ("another program's SQLite database" if kind == "sqlite" else "not SQLite")
                + "): refusing to replace it; give another --index path"
            )
        with translated():
            db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            try:
                if kind == "new":  # claim the file before anything else is written
                    db.execute(f"PRAGMA page_size = {schema.PAGE_SIZE}")
                    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                db.execute("PRAGMA journal_size_limit = 67108864")  # a WAL left at most 64 MB
                # Pages read in place from the file as the system caches it rather than
                # copied into SQLite's own small cache (a timeline reads rows all over
                # `events`: a fifth less CPU in SQL at 20,000 articles).
                db.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")
                sql.register_functions(db)
                self._db = db
                self._ensure_schema()
            except BaseException:
                self._db = None
                db.close()
                raise

    def _check_place(self) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise IndexUnavailable(f"cannot create {self.path.parent}: {error.strerror}") from None
        if self.path.is_dir():
            raise UsageError(f"--index {self.path} is a folder: give an index file")
        articles = self.articles.resolve()
        where = self.path.resolve()
        if where.parent == articles or articles in where.parents:
            raise UsageError(
                f"--index {self.path} is inside the articles folder {self.articles}: "
                "put the index anywhere else"
            )

    def _ensure_schema(self) -> None:
        """Tables of this SCHEMA_VERSION (a new file, or an older index of ours: rebuilt)."""
        db = self.db
        if db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION:
            if self._truncated():
                raise IndexCorrupt("the file is shorter than its pages")
            return
        with writing(db):
            if db.execute("PRAGMA user_version").fetchone()[0] != schema.SCHEMA_VERSION:
                schema.drop_everything(db)
                schema.create(db, fts=USE_FTS)

    def _truncated(self) -> bool:
        """Fewer bytes than pages: cut short (unless the newest pages are still in the WAL).
        Checked in one read transaction, the WAL looked at once its snapshot is taken: a
        command committing between a look at an empty WAL and the page count would put
        pages in the WAL that the file does not hold yet, and a good index would be
        taken for a damaged one. (A WAL a snapshot reads is not emptied under it.)"""
        assert self.path is not None
        with reading(self.db) as db:
            pages = db.execute("PRAGMA page_count").fetchone()[0]  # takes the snapshot
            page_size = db.execute("PRAGMA page_size").fetchone()[0]
            wal = Path(f"{self.path}-wal")
            if wal.exists() and wal.stat().st_size:  # kept while this snapshot reads it
                return False
            return self.path.stat().st_size < pages * page_size

    def discard(self, why: str) -> None:
        """Delete our damaged index file (and its WAL) so that the next `open` starts anew.
        Only a file whose header says it is caconnect's is deleted."""
        self.close()
        if self.path is None or schema.file_kind(self.path) not in ("ours", "new"):
            raise UsageError(f"{self.path}: {why}; it is not a caconnect index, left as it is")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self.notes.append(f"the index {self.path} was damaged ({why}): rebuilt it")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # Keeping up to date -----------------------------------------------------------------

    def sync(self, progress: Progress | None = None) -> None:
        """Bring the store up to date with the folder and the dictionary (store/__init__)."""
        keys = ("build", "dictionary", "folder", "scan", "named_deals", "max_article_size")
        with translated():
            stored = self._meta(*keys, "code_stamp", _FOLDER_STAT)
        stamp = code_stamp() if self.path is not None else ""
        same_code = bool(stamp) and stored.get("code_stamp") == stamp and "build" in stored
        build = stored["build"] if same_code else build_key()
        dictionary = self._dictionary_hash()
        folder = _folder_stat(self.articles)
        if self.path is not None and (stored.get("dictionary"), stored.get(_FOLDER_STAT)) != (
            dictionary,
            folder,
        ):
            self._prepare(f"{build}:{dictionary}")
        wanted = {
            "build": build,
            "dictionary": dictionary,
            "folder": str(self.articles.resolve()),
            "named_deals": self._named_deals_hash(),
            "max_article_size": str(self.max_article_size),
        }
        # The scan's files are read only if the store may need them: when all else is what
        # it holds and the scan's signature too, they are not (6 MB at 100,000 files);
        # when something else changed (a dictionary edit), they are, without a scan again.
        same = all(stored.get(key) == value for key, value in wanted.items())
        listing = scan(self.articles, known=stored.get("scan") if same else None)
        wanted["scan"] = listing.signature
        with translated():
            if same and stored.get("scan") == wanted["scan"]:
                if stamp and not same_code:  # the build is the stored one: say so by stat
                    self._stamp_code(stamp, wanted["build"])
                if stored.get(_FOLDER_STAT) != folder:  # not prepared for again
                    with suppress(IndexUnavailable), translated():  # read-only: next time
                        self._set_meta(**{_FOLDER_STAT: folder})
                return
            with writing(self.db):
                written = self._update(listing, wanted, progress)
                self._set_meta(**{_FOLDER_STAT: folder})
                if stamp:
                    self._set_meta(code_stamp=stamp)
            if self.path is not None:
                self._reclaim(rewritten=written >= RECLAIM_FROM * listing.count)
                self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # never waits for readers

    def _prepare(self, tagger_key: str) -> None:
        """Load what analysing an article needs (its modules, the dictionary, the tagger
        read back from its file, the event reader: ~0.33 s of CPU at 20,000 articles)
        while the folder's scan, begun in a child process (scan.start), is still running,
        instead of after it. Done when the dictionary or the articles folder's own stat
        changed since the last update (a file added, removed or renamed): then the update
        most likely analyses articles. A file edited in place leaves the folder's stat as
        it was: the scan finds it, and the update loads all this after it, as before."""
        from ..deals import store  # noqa: F401  (the update's own imports, loaded now)
        from ..errors import DictionaryError
        from ..events.cache import cue_cache_path, load_cues
        from ..events.mentions import MentionReader
        from ..tagging.cache import cache_path, load_tagger
        from ..tagging.tagger import compiled
        from . import affected, ingest  # noqa: F401

        assert self.path is not None
        read_patterns(pattern_path(self.path), tagger_key.partition(":")[0])  # the build key
        try:
            dictionary = self.dictionary()
        except DictionaryError:  # the update says so
            return
        # Its phrases are read as the articles to analyse need them (tagging/cache.py): an
        # update that analyses many reads all of them (`_analyse`).
        load_tagger(dictionary, cache_path(self.path), tagger_key, whole=False)
        load_cues(dictionary, cue_cache_path(self.path), tagger_key)
        compiled(dictionary, MentionReader)

    def _stamp_code(self, stamp: str, build: str) -> None:
        """Record the sources' stamp (scan.code_stamp) beside the build key they make, unless
        another command changed the build meanwhile; a busy or read-only index: next time."""
        with suppress(IndexUnavailable), translated():
            self.db.execute(
                "INSERT OR REPLACE INTO meta SELECT 'code_stamp', ? WHERE "
                "(SELECT value FROM meta WHERE key = 'build') IS ?",
                (stamp, build),
            )

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
        """DIR/deals.yaml (deals.named.deals_path; named here so that a warm command need
        not import the deals package: tests/test_index.py checks both agree)."""
        return self.entities.parent / NAMED_DEALS_FILE

    def named_deals(self) -> list[NamedDeal]:
        """The named deals (DIR/deals.yaml), checked against the dictionary."""
        if self._named is None:
            from ..deals.named import load_named_deals

            self._named = load_named_deals(self.named_deals_path, self.dictionary())
        return self._named

    def _dictionary_hash(self) -> str:
        try:
            return content_hash(self.entities.read_bytes())
        except OSError:
            from ..dictionary import load_dictionary

            load_dictionary(self.entities)  # raises the DictionaryError a user should see
            raise

    def _update(self, listing: Scan, wanted: dict[str, str], progress: Progress | None) -> int:
        """Store what changed; how many files were analysed."""
        db = self.db
        basis = ("build", "folder")
        stored_meta = self._meta(
            "build", "folder", "dictionary", "dictionary_json", "named_deals", "max_article_size"
        )
        # Stored articles to analyse again: a dictionary edit, a size limit changed.
        again: set[str] = set()
        if {key: stored_meta.get(key) for key in basis} != {key: wanted[key] for key in basis}:
            dictionary = self.dictionary()  # a bad one changes nothing
            schema.drop_everything(db)
            schema.create(db, fts=USE_FTS)
            self._fts = None
            self._set_meta(dictionary_json=dictionary.model_dump_json())
        elif stored_meta.get("dictionary") != wanted["dictionary"]:
            again = self._affected_by(self.dictionary(), stored_meta.get("dictionary_json"))
            self._set_meta(dictionary_json=self.dictionary().model_dump_json())
        if stored_meta.get("max_article_size") != wanted["max_article_size"]:
            again |= self._over_limit(stored_meta.get("max_article_size"))
        held = db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None
        differing, deleted = self._differences(listing)
        stored = self._stored_files({*differing, *again})
        changed: list[str] = []
        touched: list[str] = []  # another stat, same content
        for name in differing:
            old = stored.get(name)
            if old is None:
                changed.append(name)
            else:  # another stat, or one stored too close to its scan to trust
                same = _read_hash(self.articles / name) == old[1]
                (touched if same and name not in again else changed).append(name)
        # Listed with the stored stat, analysed again for the dictionary edit.
        same_stat = {name for name in again if name in stored} - differing.keys() - deleted
        changed += same_stat
        stat = differing | {name: stored[name][0] for name in same_stat}
        racy_from = listing.started_ns - RACY_NS
        moved = 0  # rows of `files` the touched files change (not one stored racy, still racy)
        for name in touched:
            row = (*stat[name], _racy(stat[name], racy_from))
            moved += db.execute(
                "UPDATE files SET mtime_ns = ?, size = ?, ctime_ns = ?, inode = ?, racy = ? "
                "WHERE name = ? AND (mtime_ns, size, ctime_ns, inode, racy) <> (?, ?, ?, ?, ?)",
                (*row, name, *row),
            ).rowcount
        renamed = stored_meta.get("named_deals") != wanted["named_deals"]
        if changed or deleted or renamed:  # else no dictionary is loaded, no deal re-linked
            build = wanted["build"]
            tagger_key = f"{build}:{wanted['dictionary']}"
            known = {name for name in changed if name in stored}
            changes = _Changes(racy_from, stat, changed, deleted, known, held)
            self._analyse(changes, renamed, build, tagger_key, progress)
        if changed or deleted or NO_ERRORS not in self._meta(NO_ERRORS):  # what errors show
            self._set_meta(**{NO_ERRORS: self._no_errors()})
        racy = db.execute("SELECT 1 FROM files WHERE racy LIMIT 1").fetchone()
        self._set_meta(**{**wanted, "scan": "" if racy else wanted["scan"]})
        if changed or deleted or moved:  # the store's files changed: a comparison made
            self._set_meta(**{FILES_TOKEN: os.urandom(8).hex()})  # before is not used
        return len(changed)

    def _over_limit(self, stored_limit: str | None) -> set[str]:
        """The stored files over the smaller of the stored size limit and this command's:
        refused by one of them, and the error names the limit (ingest.analyse_file)."""
        limit = self.max_article_size
        if stored_limit is not None and stored_limit.isdigit():
            limit = min(limit, int(stored_limit))
        rows = self.db.execute(
            "SELECT name FROM files WHERE size > ? OR error IS NOT NULL AND ? IS NULL",
            (limit, stored_limit),
        )
        return {name for (name,) in rows}

    def _no_errors(self) -> str:
        """NO_ERRORS's value: "1" when no stored file has an error and no article is
        shadowed (Questions.errors has nothing to report), else "0"."""
        some = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM files WHERE error IS NOT NULL) OR "
            "EXISTS (SELECT 1 FROM articles INDEXED BY articles_shadowed WHERE shadowed)"
        ).fetchone()[0]
        return "0" if some else "1"

    def _differences(self, listing: Scan) -> tuple[dict[str, Stat], set[str]]:
        """The files listed whose stat is not the stored one (new files, and those stored
        as racy: hashed again), with their stats; and the stored files not listed
        (scan.differences). As the scan's child found them (scan.start) if the store's
        files are still those it compared with (the same FILES_TOKEN, read in this write
        transaction); else compared here."""
        db = self.db
        compared = listing.compared
        if compared is not None and compared.token == self._meta(FILES_TOKEN).get(FILES_TOKEN):
            return dict(compared.differing), set(compared.deleted)
        stored = db.execute(STORED_LINES_SQL).fetchone()[0]
        racy = [name for (name,) in db.execute(RACY_SQL)]
        return differences(stored, racy, listing.lines())

    def _stored_files(self, names: set[str]) -> dict[str, tuple[Stat, str, bool]]:
        """The stored stat, content hash and racy flag of those of `names` the store holds:
        looked up one by one, or, for many, read with every other."""
        query = "SELECT name, mtime_ns, size, ctime_ns, inode, hash, racy FROM files"
        if len(names) <= LOOKED_UP_BY_NAME:
            rows = [
                row for name in names for row in self.db.execute(f"{query} WHERE name = ?", (name,))
            ]
        else:
            rows = self.db.execute(query).fetchall()
        return {
            name: ((mtime, size, ctime, inode), digest, racy)
            for name, mtime, size, ctime, inode, digest, racy in rows
            if name in names
        }

    def _analyse(
        self,
        changes: _Changes,
        renamed: bool,
        build: str,
        tagger_key: str,
        progress: Progress | None,
    ) -> None:
        """Store the new and changed files, drop the deleted ones, re-link their deals.
        `tagger_key`: what the compiled tagger kept beside the index must have been made
        from (tagging/cache.py)."""
        from ..deals.store import DealStore

        db = self.db
        stat, changed, deleted, known = (
            changes.stat,
            changes.changed,
            changes.deleted,
            changes.known,
        )
        deals = DealStore(db, self._event_records)
        named = self.named_deals()
        gone = self._ids([*deleted, *(n for n in changed if n in known)])
        old_keys = deals.keys_of(gone)
        # An article analysed again to the same deal facts (a dictionary edit that changed
        # nothing it links by) touches no deal.
        was = deals.packed_facts(gone - self._ids(list(deleted)))
        for article_id in gone:
            deals.forget(article_id)
        for name in deleted:
            db.execute("DELETE FROM files WHERE name = ?", (name,))
            self._drop(name)
        changed.sort()
        touched_ids = set(gone)
        stored_ids = set(gone)  # every id whose files changed: only they can be shadowed anew
        dictionary = self.dictionary()
        if self.path is not None and changed:
            from ..events.cache import cue_cache_path, load_cues
            from ..tagging.cache import PART_READINGS, cache_path, load_tagger

            # Only an update compiles; a few articles read only their phrases from the file.
            whole = len(changed) > PART_READINGS
            read_patterns(pattern_path(self.path), build)
            load_tagger(dictionary, cache_path(self.path), tagger_key, whole=whole)
            load_cues(dictionary, cue_cache_path(self.path), tagger_key)
        from .affected import Vocabulary

        vocabulary = Vocabulary(db)
        for analysed in analyse_files(
            self.articles, changed, dictionary, progress, named, self.max_article_size
        ):
            status = stat[analysed.name]
            racy = _racy(status, changes.racy_from)
            kept = self._unchanged(analysed) if analysed.name in known else None
            if kept is not None:  # its rows stay as they are
                self._store_file(analysed, status, racy)
                num: int | None = kept
            else:
                indexed = None  # the row whose text the FTS index holds as the file's
                if analysed.name in known:
                    indexed = self._drop(analysed.name, analysed.text if analysed.record else None)
                num = self._store(analysed, status, racy, indexed)
                vocabulary.add(analysed.words)
            if num is not None:
                stored_ids.add(analysed.id)
                deals.put_facts(analysed.id, num, *analysed.deal_facts)
                if was.get(analysed.id) == analysed.deal_facts[0]:
                    touched_ids.discard(analysed.id)
                else:
                    touched_ids.add(analysed.id)
        if self.path is not None and changed:  # every pattern, whichever the articles used
            write_patterns(pattern_path(self.path), build, every_pattern())
        if renamed and changes.held:
            deals.refresh_names(self.select(Filters()), named)
        if touched_ids or renamed:
            pending = self._meta(_PENDING)
            if pending:  # an earlier update's, not linked yet: linked with these
                articles, keys = meta_value(_PENDING, _pending, pending[_PENDING])
                touched_ids |= articles
                old_keys |= keys
            if changes.held and not renamed and len(touched_ids) <= DEFER_LINKING_UP_TO:
                self._set_meta(
                    **{
                        _PENDING: json.dumps(
                            {"articles": sorted(touched_ids), "keys": sorted(old_keys)}
                        )
                    }
                )
            else:
                deals.sync(touched_ids, old_keys, named, dictionary, everything=renamed)
                db.execute("DELETE FROM meta WHERE key = ?", (_PENDING,))
        if changed or deleted:
            self._mark_shadowed(stored_ids)
            db.execute(  # counted when next asked
                "DELETE FROM meta WHERE key = 'summary' OR substr(key, 1, ?) = ?",
                (len(PARTNERS_KEY), PARTNERS_KEY),
            )
        generation = meta_value("generation", int, self._meta("generation").get("generation", "0"))
        generation += 1
        self._set_meta(generation=str(generation))  # summary() stores counts of one generation

    def _linked(self) -> None:
        """Link the deals an update left waiting (`_analyse`: DEFER_LINKING_UP_TO), before
        a deal or a deal's event is read: no command reads deals older than its articles.
        An index this command cannot write (read-only, or another command writing for
        more than BUSY_TIMEOUT) is copied into memory and linked there, the file left as
        it is: still faster than the in-memory store built from the files that `sync`
        falls back to."""
        with translated():
            if not self._meta(_PENDING):  # one look-up: a warm command pays no more
                return
        try:
            with translated(), writing(self.db):
                self._link_waiting()
        except IndexUnavailable:
            copy = sqlite3.connect(":memory:", isolation_level=None)
            with translated():
                self.db.backup(copy)
            sql.register_functions(copy)
            self.db.close()
            self._db = copy
            with translated(), writing(copy):
                self._link_waiting()

    def _link_waiting(self) -> None:
        """`_linked`'s work, inside its write transaction."""
        waiting = self._meta(_PENDING).get(_PENDING)
        if waiting is None:  # another command linked them meanwhile
            return
        from ..deals.store import DealStore

        articles, keys = meta_value(_PENDING, _pending, waiting)
        DealStore(self.db, self._event_records).sync(
            articles, keys, self.named_deals(), self.dictionary()
        )
        self.db.execute("DELETE FROM meta WHERE key = ?", (_PENDING,))

    def _mark_shadowed(self, ids: set[str]) -> None:
        """Mark every row of an id that more than one file holds (errors() names them).
        Only the ids of the files added, changed or removed can change: a few are looked
        up by id; many (a first build), every id (a GROUP BY over all articles, which at
        100,000 articles cost one added article ~0.1 s)."""
        shadowed = "((SELECT count(*) FROM articles b WHERE b.id = articles.id) > 1)"
        if len(ids) <= SHADOW_BY_ID_UP_TO:
            self.db.executemany(
                f"UPDATE articles SET shadowed = {shadowed} "
                f"WHERE id = ? AND shadowed <> {shadowed}",
                [(article_id,) for article_id in ids],
            )
            return
        self.db.execute(
            f"UPDATE articles SET shadowed = {shadowed} WHERE shadowed OR id IN "
            "(SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"
        )

    def _ids(self, names: list[str]) -> set[str]:
        return {
            row[0]
            for name in names
            for row in self.db.execute("SELECT id FROM articles WHERE name = ?", (name,))
        }

    def _affected_by(self, dictionary: EntityDictionary, stored: str | None) -> set[str]:
        """Names of the stored articles a dictionary edit can change (store/affected.py)."""
        from .affected import affected_names, changed_phrases

        phrases = changed_phrases(json.loads(stored), dictionary.model_dump()) if stored else None
        return affected_names(self.db, phrases, self.fts())

    def _drop(self, name: str, text: bytes | None = None) -> int | None:
        """Forget the article of a file (its rows go with it: see the triggers). When its
        stored text is `text` (the article analysed again, unchanged, after a dictionary
        edit), the text stays in the FTS index: returns the row number it is under, which
        the article is stored again with (deleting a text's trigrams from the FTS index
        and adding them again was most of the SQL of an added alias)."""
        db = self.db
        indexed = None
        if self.fts():
            row = db.execute("SELECT num, text FROM articles WHERE name = ?", (name,)).fetchone()
            if row and row[1] == text:
                indexed = row[0]
            elif row:
                title, _, body = unpack(row[1]).partition("\0")
                db.execute(
                    "INSERT INTO texts_fts (texts_fts, rowid, title, body) "
                    "VALUES ('delete', ?, ?, ?)",
                    (row[0], title.casefold(), body.casefold()),
                )
        db.execute("DELETE FROM articles WHERE name = ?", (name,))
        return indexed

    def _unchanged(self, analysed: Analysed) -> int | None:
        """The row of the stored article of `analysed`'s file when storing it again would
        write the same rows: its text, its export record and its events' records are the
        ones stored (every other row of an article is made from these: its tags, dates
        and lines from the record, each event's dates, parties, initiatives and lines
        from the event's record, which holds every field of the event); else None. An
        article analysed again after a dictionary edit that changes nothing it says then
        keeps its rows instead of having them deleted and inserted again: at 100,000
        generated articles, all 812 articles the bench's added alias brings back."""
        if not analysed.record:
            return None
        row = self.db.execute(
            "SELECT num, record, text FROM articles WHERE name = ?", (analysed.name,)
        ).fetchone()
        if row is None or (row[1], row[2]) != (analysed.record, analysed.text):
            return None
        stored = self.db.execute(
            "SELECT number, record FROM events WHERE num = ? ORDER BY number", (row[0],)
        ).fetchall()
        events = sorted((event.number, event.record) for event in analysed.events)
        return row[0] if stored == events else None

    def _store_file(self, analysed: Analysed, status: Stat, racy: bool) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (analysed.name, *status, analysed.hash, racy, analysed.error, analysed.line),
        )

    def _store(
        self, analysed: Analysed, status: Stat, racy: bool, indexed: int | None = None
    ) -> int | None:
        """Store an analysed file; its row of `articles`, if it loaded. `indexed`: the row
        number under which the FTS index already holds its text (`_drop`)."""
        db = self.db
        self._store_file(analysed, status, racy)
        if not analysed.record:
            return None
        lines = analysed.lines
        num = db.execute(
            f"INSERT INTO articles (num, name, id, date, first_day, last_day, year, record, "
            f"text, {', '.join(lines)}) VALUES ({', '.join('?' * (9 + len(lines)))})",
            (
                indexed,  # None: a new row number
                analysed.name,
                analysed.id,
                *analysed.dates,
                analysed.year,
                analysed.record,
                analysed.text,
                *lines.values(),
            ),
        ).lastrowid
        db.executemany(
            "INSERT INTO tags VALUES (?, ?, ?)",
            [(schema.TAG_KINDS[kind], value, num) for kind, value, _ in analysed.tags],
        )
        db.executemany(
            "INSERT OR REPLACE INTO organization_names VALUES (?, ?)",
            [(value, name) for kind, value, name in analysed.tags if kind == "organization"],
        )
        for event in analysed.events:
            eid = db.execute(
                "INSERT INTO events (num, article_id, number, stage, planned, date, first_day, "
                "last_day, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    num,
                    analysed.id,
                    event.number,
                    event.stage,
                    event.planned,
                    *event.dates,
                    event.record,
                ),
            ).lastrowid
            date, first_day, last_day = event.dates
            lines = event.lines
            db.execute(
                f"INSERT INTO event_timeline (undated, sort_date, article_id, number, num, eid, "
                f"stage, first_day, last_day, {', '.join(lines)}) "
                f"VALUES ({', '.join('?' * (9 + len(lines)))})",
                (
                    date is None,
                    date or "",
                    analysed.id,
                    event.number,
                    num,
                    eid,
                    event.stage,
                    first_day,
                    last_day,
                    *lines.values(),
                ),
            )
            db.executemany(
                "INSERT OR IGNORE INTO event_parties VALUES (?, ?, ?, ?, ?, ?)",
                [(eid, *party) for party in event.parties],
            )
            db.executemany(
                "INSERT OR IGNORE INTO event_initiatives VALUES (?, ?)",
                [(eid, kind) for kind in event.initiatives],
            )
        if self.fts() and indexed is None:
            db.execute(
                "INSERT INTO texts_fts (rowid, title, body) VALUES (?, ?, ?)",
                (num, *analysed.folded),
            )
        return num

    def _event_records(self, num: int) -> Iterator[tuple[int, str]]:
        """The events of an article's row, in order: numbers and export records (JSON)."""
        rows = self.db.execute(
            "SELECT number, record FROM events WHERE num = ? ORDER BY number", (num,)
        ).fetchall()
        for number, record in rows:
            yield number, unpack(record)

    def _reclaim(self, rewritten: bool) -> None:
        """VACUUM when an update left many free pages (a rebuild, a large deletion) or
        wrote much of the store (`rewritten`: the first build, a rebuild; rows inserted
        in no order leave the tables' pages part empty: 213 -> 206 MB at 20,000
        articles), and into schema.PAGE_SIZE pages when the file has others."""
        db = self.db
        free = db.execute("PRAGMA freelist_count").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        resize = db.execute("PRAGMA page_size").fetchone()[0] != schema.PAGE_SIZE
        if not (resize or rewritten or (pages and free / pages >= RECLAIM_FROM)):
            return
        with suppress(sqlite3.OperationalError):  # another command is reading: next time
            if resize:  # a WAL database keeps its page size: leave WAL for the VACUUM
                try:
                    db.execute("PRAGMA journal_mode = DELETE")
                    db.execute(f"PRAGMA page_size = {schema.PAGE_SIZE}")
                    db.execute("VACUUM")
                finally:
                    db.execute("PRAGMA journal_mode = WAL")
            else:
                db.execute("VACUUM")

    def _set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())

    # Questions ---------------------------------------------------------------------

    def dictionary(self) -> EntityDictionary:
        """The dictionary the store was made with: `sync` checked that the file's hash is
        the stored one (loading it shares the process's parse and compiled tagger)."""
        if self._dictionary is None:
            from ..dictionary import load_dictionary

            self._dictionary = load_dictionary(self.entities)
        return self._dictionary


@dataclass
class _Changes:
    """What an update found to do (`_update`): the files to analyse (new, changed, or
    analysed again after a dictionary edit) and their stats, those to forget, and which
    of the changed the store held; `held`: the store held any file before."""

    racy_from: int  # a file changed since (RACY_NS before the scan began) is racy
    stat: dict[str, Stat]
    changed: list[str]
    deleted: set[str]
    known: set[str]
    held: bool


def analyse_files(*args: Any, **options: Any) -> Iterator[Analysed]:
    """ingest.analyse_files, imported when an update first needs it: a warm command never
    does (the ingest's modules are ~6 ms of its start-up)."""
    from .ingest import analyse_files as analyse

    return analyse(*args, **options)


def _racy(status: Stat, racy_from: int) -> bool:
    """Changed so close to the scan that another write in the same tick could follow."""
    return max(status[0], status[2]) >= racy_from


def _folder_stat(folder: Path) -> str:
    """The folder's own modification and change times: a file added, removed or renamed
    in it changes them (an edit in place does not)."""
    try:
        status = folder.stat()
    except OSError:
        return ""
    return f"{status.st_mtime_ns}:{status.st_ctime_ns}"


def _read_hash(path: Path) -> str | None:
    try:
        return content_hash(path.read_bytes())
    except OSError:
        return None
