"""The questions a command asks the store, in SQL: the read side of index.Index, which
brings the store up to date (its write side) before it is asked. Rows are streamed
(lines.Lines) or counted in SQL (sql.py), never gathered whole where a command prints
them one at a time."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TypeVar

from .. import query
from ..deals import stored as stored_deals
from ..deals.rows import Month, month_of
from ..errors import ArticleError
from ..vocab import Filters
from . import schema, sql
from .connection import IndexCorrupt, IndexUnavailable, reading, translated
from .lines import Lines
from .schema import unpack

if TYPE_CHECKING:
    import sqlite3
    from pathlib import Path

    from ..deals import Deal
    from ..models import EntityDictionary, Event, PartialDate, TaggedArticle

# Rows in timeline order whose filters `lines` checks row by row before it builds the sets
# of every match (sql._among): a few ms, and the first rows of a timeline come at once.
FIRST_LOOK = 2000
# Meta key: "1" when no stored file has an error and no article is shadowed, as the last
# update that analysed or dropped a file found (Index._update): every command reports the
# errors, and reading them goes through the whole `files` table (~4 ms at 100,000 files).
NO_ERRORS = "no_errors"
PARTNERS_KEY = "partners:"  # meta keys of the partners kept (Questions.partners), by countries
# An event's record, read through `event_timeline e` (`events` keeps it).
_EVENT_RECORD = "(SELECT record FROM events WHERE eid = e.eid)"


class Questions:
    """Every question asked of an index's store (index.Index: open, brought up to date)."""

    articles: Path
    _dictionary: EntityDictionary | None
    _fts: bool | None

    if TYPE_CHECKING:

        @property
        def db(self) -> sqlite3.Connection: ...

        def _linked(self) -> None: ...

    def _meta(self, *keys: str) -> dict[str, str]:
        rows = self.db.execute(
            f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(keys))})", keys
        )
        return dict(rows.fetchall())

    def fts(self) -> bool:
        if self._fts is None:
            self._fts = schema.has_fts(self.db)
        return self._fts

    def lookup(self) -> Any:
        """The dictionary for looking names up (query.build_filters): its stored JSON as
        attributes, without the models that validated it."""
        if self._dictionary is not None:
            return self._dictionary
        with translated():
            stored = self._meta("dictionary_json")["dictionary_json"]
        return meta_value("dictionary_json", _StoredDictionary, stored)

    def deals(self) -> list[Deal]:
        """Every deal as linked at ingest (deals/store.py), with its status as its events
        leave it."""
        return list(self.each_deal())

    def each_deal(self) -> Iterator[Deal]:
        """`deals`, decoded one at a time."""
        from ..deals.model import Deal

        self._linked()
        with translated():
            for data in stored_deals.deal_jsons(self.db):
                yield Deal.model_validate_json(data)

    def linked_events(self) -> set[tuple[str, int]]:
        """(article id, event number) of every event a deal links (deals/store.py)."""
        self._linked()
        with translated():
            return set(self.db.execute("SELECT article, number FROM deal_events"))

    def deal_summaries(self) -> list[dict]:
        """What `caconnect deals` prints of every deal, stored ready (deals/stored.py)."""
        self._linked()
        with translated():
            return list(stored_deals.summaries(self.db))

    def shown_deal_rows(self) -> list[list]:
        """What a `deals` table without filters prints of every deal, stored apart
        (deals/rows.shown_row)."""
        self._linked()
        with translated():
            return list(stored_deals.shown_rows(self.db))

    def deal(self, deal_id: str) -> Deal | None:
        """One deal's record (read without loading the linker: deals/stored.py)."""
        from ..deals.model import Deal

        self._linked()
        with translated():
            data = stored_deals.deal_json(self.db, deal_id)
        return Deal.model_validate_json(data) if data else None

    def deal_data(self, deal_id: str) -> dict[str, Any] | None:
        """One deal's record as JSON data, no model built (`deal ID`: deals/rows.py)."""
        self._linked()
        with translated():
            data = stored_deals.deal_json(self.db, deal_id)
        return json.loads(data) if data else None

    def newest_iso(self) -> str | None:
        """The newest article's date as ISO text: where deals stand by default."""
        with translated():
            row = self.db.execute(
                "SELECT date FROM articles WHERE date IS NOT NULL AND NOT shadowed "
                "ORDER BY last_day DESC LIMIT 1"
            ).fetchone()
        return row[0] if row else None

    def newest_month(self) -> Month | None:
        """The newest article's year and month (deals.rows: where deals stand by
        default), without a date model."""
        return month_of(self.newest_iso())

    def newest_date(self) -> PartialDate | None:
        """The newest article's date: where deals stand by default."""
        from ..models import PartialDate

        date = self.newest_iso()
        return PartialDate.parse(date) if date else None

    def errors(self) -> list[ArticleError]:
        """One error per file that did not load or repeats an article id, in name order."""
        from ..loader import duplicate_id_error

        with translated():
            if self._meta(NO_ERRORS).get(NO_ERRORS) == "1":  # read `files` through, else
                return []
            rows = self.db.execute(  # sorted after: ORDER BY would scan `articles` by name
                "SELECT name, error, line, NULL FROM files WHERE error IS NOT NULL "
                "UNION ALL SELECT name, NULL, NULL, "
                "(SELECT min(b.name) FROM articles b WHERE b.id = a.id AND b.name <> a.name) "
                "FROM articles a INDEXED BY articles_shadowed WHERE shadowed"
            ).fetchall()
        rows.sort(key=lambda row: row[0])
        return [
            ArticleError(str(self.articles / name), error, line)
            if first is None
            else duplicate_id_error(self.articles / name, self.articles / first)
            for name, error, line, first in rows
        ]

    def lines(self, filters: Filters, view: str, *, events: bool = False) -> Lines:
        """The rows of a view (the export record, or one of query.FROM_RECORD /
        EVENT_FROM_RECORD) that pass the filters, in timeline order, streamed."""
        stored_csv = (schema.EVENT_FORMATS if events else schema.ARTICLE_FORMATS).get(view, ())
        derive = (query.EVENT_FROM_RECORD if events else query.FROM_RECORD).get(view)
        if derive is None and view != schema.RECORD_VIEW:
            raise ValueError(f"unknown view {view!r}")
        if events:
            columns = query.EVENT_HEADERS.get(view, query.EVENT_FIELDS)
        else:
            columns = query.HEADERS.get(view, query.ARTICLE_FIELDS)
        fts = self.fts()

        def where_of(row_by_row: bool, no_errors: bool) -> tuple[str, list[Any]]:
            if events:
                return sql.event_where(filters, fts, row_by_row, shadowed=not no_errors)
            return sql.article_where(filters, fts, row_by_row)

        # The rows that pass among the first FIRST_LOOK in timeline order, checked row by
        # row (sql._among: at once, `| head` and a table's widths need no more), then the
        # others against the sets of every match, after as many rows: one snapshot.
        csv_column = schema.view_column(view, "csv") if "csv" in stored_csv else None
        if events:  # event_timeline holds them in order: its first rows, as they are
            source, order, name = sql.EVENTS_IN_ORDER, sql.EVENT_ORDER, "NULL"
            first_rows = f"(SELECT * FROM {source} {order} LIMIT {FIRST_LOOK}) e WHERE"
            alias, record = "e", _EVENT_RECORD
        else:
            source, order, name = sql.ARTICLES_IN_ORDER, sql.ARTICLE_ORDER, "a.name"
            first_rows = (
                f"articles a WHERE a.num IN (SELECT a.num FROM {source} {order} "
                f"LIMIT {FIRST_LOOK}) AND"
            )
            alias, record = "a", "a.record"

        def fetch(column: str) -> Iterator[tuple[str | None, Any]]:
            selected = record if column == "record" else f"{alias}.{column}"
            select = f"SELECT {name}, {selected} FROM"
            with translated(), reading(self.db) as db:
                # Whether an article may be shadowed, in the snapshot the rows are read in.
                no_errors = self._meta(NO_ERRORS).get(NO_ERRORS) == "1"
                where, values = where_of(False, no_errors)
                first_where, first_values = where_of(True, no_errors)
                first: list[tuple[str | None, Any]] = []
                if not filters.text:  # a text is searched once, by the sets
                    first = db.execute(
                        f"{select} {first_rows} {first_where} {order}", first_values
                    ).fetchall()
                yield from first
                rest = db.execute(
                    f"{select} {source} WHERE {where} {order} LIMIT -1 OFFSET {len(first)}",
                    values,
                )
                try:
                    yield from rest
                finally:
                    rest.close()

        return Lines(list(columns), fetch, str(self.articles), derive, csv_column)

    def summary(self, filters: Filters) -> dict[str, list[dict[str, Any]]]:
        """query.summary_sections of the selected articles, counted in SQL. The counts of
        everything are kept in `meta` from the first summary after a change to the next
        change (an update only forgets them: commands that need no summary never pay)."""
        with translated(), reading(self.db) as db:
            stored = self._meta("summary").get("summary")
            generation = self._meta("generation").get("generation")
            if filters.is_empty() and stored:
                return meta_value("summary", _summary_of_packed, stored)
            where, values = sql.article_where(filters, self.fts())
            db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (num INTEGER PRIMARY KEY)")
            db.execute("DELETE FROM chosen")
            db.execute(f"INSERT INTO chosen SELECT a.num FROM articles a WHERE {where}", values)
            counts = sql.counts(db, "num IN chosen")
        if filters.is_empty():  # kept unless another command changed the store meanwhile
            with translated(), suppress(IndexUnavailable):  # read-only or busy: next time
                self.db.execute(
                    "INSERT OR REPLACE INTO meta SELECT 'summary', ? WHERE "
                    "(SELECT value FROM meta WHERE key = 'generation') IS ?",
                    (json.dumps(sql.packed_counts(counts)), generation),
                )
        return query.summary_sections(*counts)

    def partners(self, filters: Filters) -> list[dict[str, Any]]:
        """sql.partners: who the filter's countries deal with, with counts. The answer for
        countries alone (no other filter) is kept in `meta` from the first time it is
        asked after a change to the next change, as the summary's counts are."""
        kept = PARTNERS_KEY + ",".join(sorted(filters.countries))
        if Filters(countries=filters.countries) != filters:
            kept = ""
        with translated(), reading(self.db) as db:
            stored = self._meta(kept, "generation") if kept else {}
            if kept in stored:
                return meta_value(kept, _rows, stored[kept])
            found = sql.partners(db, filters, self.fts())
        if kept:
            with translated(), suppress(IndexUnavailable):  # read-only or busy: next time
                self.db.execute(
                    "INSERT OR REPLACE INTO meta SELECT ?, ? WHERE "
                    "(SELECT value FROM meta WHERE key = 'generation') IS ?",
                    (kept, json.dumps(found), stored.get("generation")),
                )
        return found

    def select(self, filters: Filters) -> list[TaggedArticle]:
        """The articles that pass the filters, in timeline order, as records."""
        where, values = sql.article_where(filters, self.fts())
        with translated():
            rows = self.db.execute(
                f"SELECT a.num, a.name, a.record, a.text FROM articles a WHERE {where} "
                f"{sql.ARTICLE_ORDER}",
                values,
            ).fetchall()
        return [self._article(*row) for row in rows]

    def get(self, article_id: str) -> TaggedArticle | None:
        with translated():
            row = self.db.execute(
                "SELECT num, name, record, text FROM articles WHERE id = ? AND NOT shadowed",
                (article_id,),
            ).fetchone()
        return self._article(*row) if row else None

    def events(self, filters: Filters) -> list[Event]:
        """The deal events that pass the filters, in timeline order, as records."""
        return list(self.each_event(filters))

    def each_event(self, filters: Filters, *, unlinked: bool = False) -> Iterator[Event]:
        """`events`, decoded one at a time; only those no deal links with `unlinked`."""
        from ..models import Event

        where, values = sql.event_where(filters, self.fts())
        if unlinked:
            self._linked()
            where += (
                " AND NOT EXISTS (SELECT 1 FROM deal_events d "
                "WHERE d.article = e.article_id AND d.number = e.number)"
            )
        with translated():
            for (record,) in self.db.execute(
                f"SELECT {_EVENT_RECORD} FROM {sql.EVENTS_IN_ORDER} WHERE {where} "
                f"{sql.EVENT_ORDER}",
                values,
            ):
                yield Event.model_validate_json(unpack(record))

    def event_counts(self, filters: Filters) -> tuple[sql.YearCounts, sql.YearCounts]:
        """sql.event_counts: the events that pass, by year and type, by year and stage."""
        with translated(), reading(self.db) as db:
            return sql.event_counts(db, filters, self.fts())

    def article_span(self, filters: Filters) -> tuple[int, int, str | None, str | None]:
        """The articles that pass: how many, how many undated, the first and last date."""
        where, values = sql.article_where(filters, self.fts())
        with translated():
            count, dated, first, last = self.db.execute(
                f"SELECT count(*), count(a.date), min(a.date), max(a.date) FROM articles a "
                f"WHERE {where}",
                values,
            ).fetchone()
        return count, count - dated, first, last

    def article_records(self, ids: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The export records of the articles with these ids (paths as named now)."""
        with translated():
            for article_id in sorted(set(ids)):
                row = self.db.execute(
                    "SELECT name, record FROM articles WHERE id = ? AND NOT shadowed",
                    (article_id,),
                ).fetchone()
                if row:
                    record = json.loads(unpack(row[1]))
                    record["path"] = str(self.articles / row[0])
                    yield record

    def _article(self, num: int, name: str, record: bytes, text: bytes) -> TaggedArticle:
        from ..models import Event, TaggedArticle

        fields = json.loads(unpack(record))
        fields["path"] = str(self.articles / name)
        fields["body"] = unpack(text).partition("\0")[2]
        with translated():
            events = self.db.execute(
                "SELECT record FROM events WHERE num = ? ORDER BY number", (num,)
            ).fetchall()
        fields["events"] = [Event.model_validate_json(unpack(event)) for (event,) in events]
        return TaggedArticle.model_validate(fields)


Kept = TypeVar("Kept")


def meta_value(key: str, made: Callable[[str], Kept], stored: str) -> Kept:
    """What a value kept in `meta` stands for. One that does not make it (not JSON, or JSON
    of another shape) was damaged: IndexCorrupt, and the index is rebuilt (corpus._ask)
    as for any other damage to the file."""
    try:
        return made(stored)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        raise IndexCorrupt(f"its {key!r} is not what caconnect keeps there: {error}") from error


def _summary_of_packed(stored: str) -> dict[str, list[dict[str, Any]]]:
    return query.summary_sections(*sql.unpacked_counts(json.loads(stored)))


def _rows(stored: str) -> list[dict[str, Any]]:
    rows = json.loads(stored)
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise TypeError("not a list of rows")
    return rows


class _StoredDictionary:
    """A dictionary's stored JSON, each of its fields decoded into attributes when first
    asked for: a command with no name to look up (no --country, --org, ...) decodes none
    of it, and `--country TM` only the countries, the first field (~0.3 of ~5 ms: the
    organisations and the languages' vocabularies are most of the text)."""

    def __init__(self, stored: str) -> None:
        self._stored = stored
        self._fields: dict[str, Any] = {}
        first = _after(stored, 0, "{")
        # where the next field to decode begins; None once all are
        self._at: int | None = None if stored[first : first + 1] == "}" else first

    def __getattr__(self, name: str) -> Any:
        fields, text = self._fields, self._stored
        while name not in fields and self._at is not None:
            key, at = _DECODER.raw_decode(text, self._at)
            fields[key], at = _DECODER.raw_decode(text, _after(text, at, ":"))
            at = _skipped(text, at)
            self._at = None if text[at : at + 1] == "}" else _after(text, at, ",")
        if name not in fields:
            raise AttributeError(name)
        return fields[name]


_DECODER = json.JSONDecoder(object_hook=lambda fields: SimpleNamespace(**fields))


def _skipped(text: str, at: int) -> int:
    """Where the text goes on after any JSON whitespace at `at`."""
    return json.decoder.WHITESPACE.match(text, at).end()


def _after(text: str, at: int, mark: str) -> int:
    """Where the text goes on after `mark` (and whitespace) at `at`: one of JSON's marks
    between an object's fields."""
    at = _skipped(text, at)
    if text[at : at + 1] != mark:  # a slice: text cut short is a ValueError too
        raise ValueError(f"stored dictionary: {mark!r} expected at {at}")
    return _skipped(text, at + 1)
