"""The tables of the store, and how a file is recognised as caconnect's own index.

Each article and event is kept as its export record (an article's with its mentions, an
event's), packed (`pack`: deflate with a preset dictionary of the records' field names),
with the article text packed too. Every other view is made from the record as it
streams (query.FROM_RECORD), except the CSV lines `timeline --format csv` and `articles
--format csv` print, kept ready as plain text (`*_csv` columns): the fastest path, the
one printed at length. A JSON line kept beside the record would repeat it (a fifth of
the index at 20,000 articles). Of a CSV line only what no other column of its row holds is
stored (`StoredLine`): the line is made again from its row's columns in SQL as it is read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

from .. import packing
from ..query import EVENT_TIMELINE_FIELDS, LISTING_FIELDS, TIMELINE_FIELDS

SCHEMA_VERSION = 18  # PRAGMA user_version of an index this code wrote
# Rows of a few kB (an article's record and text, a deal's record) leave on average half a
# row of a page unused: at 16 kB pages that is a few per cent, at SQLite's 4 kB a third.
PAGE_SIZE = 16384
APPLICATION_ID = 0x63614378  # `caCx` in the SQLite header: this file is a caconnect index
_SQLITE_MAGIC = b"SQLite format 3\x00"

# The views whose CSV lines are stored ready to print (every other row is made from the
# export record as it streams: query.FROM_RECORD).
ARTICLE_FORMATS = {"timeline": ("csv",), "list": ("csv",)}
EVENT_FORMATS = {"timeline": ("csv",)}
RECORD_VIEW = "export"  # the view whose JSON is the stored record (compressed)
PATH_MARK = "\ue000path\ue000"  # stands for an article's path in stored rows (see Lines)


@dataclass(frozen=True)
class StoredLine:
    """How the CSV line of one view is kept: its row's columns make it (`line`, with
    `{column}` for a column's text, NULL as empty), in SQL as the line is read (a VIRTUAL
    generated column, `view_column(view, "csv")`: computed in C, no Python step a row).
    The columns of its own are parts of the line (`PARTS`); `own` holds what no other line
    uses, or else WHOLE and the whole line, kept as it is (a line the columns do not make
    again, which store/ingest.py checks for each line it stores)."""

    view: str
    own: str
    line: str

    def compose(self, values: Mapping[str, Any]) -> str:
        """The line made from its row's `values` as `sql()` makes it."""
        made = ""
        for text, column in _pieces(self.line):
            made += text
            if column is not None:
                value = values[column]
                made += "" if value is None else str(value)
        return made

    def sql(self) -> str:
        pieces = []
        for text, column in _pieces(self.line):
            if text:
                pieces.append("'" + text.replace("'", "''") + "'")
            if column is not None:
                pieces.append(f"coalesce({column}, '')")
        own = self.own
        return (
            f"CASE WHEN substr({own}, 1, 1) = char(1) THEN substr({own}, 2) "
            f"ELSE {' || '.join(pieces)} END"
        )


@cache  # a few lines, each composed for every row stored
def _pieces(line: str) -> tuple[tuple[str, str | None], ...]:
    """A line's text pieces, each with the column after it (None after the last)."""
    return tuple((text, column) for text, column, _, _ in Formatter().parse(line))


WHOLE = "\x01"  # a line's own part that begins with it is the whole line (StoredLine)
# The stored CSV lines (ARTICLE_FORMATS, EVENT_FORMATS) and the parts their rows keep of
# them: each part, the view whose row it is cut from and that row's fields it holds (their
# CSV cells, comma-separated). The dates, ids and numbers are the rows' own columns; an
# article's title is kept once for its two lines. Each part is the fields of its view
# (query.py) between those its row holds in columns of its own: two views of one list.
# `timeline --articles`: date, id (the row's), title (title_csv), then its part.
_, _, _TITLE, *_ARTICLE_TIMELINE_PART = TIMELINE_FIELDS
# `articles`: id, date (the row's), its part, title (title_csv), path (PATH_MARK).
_, _, *_LIST_PART, _, _ = LISTING_FIELDS
# `timeline`: date (sort_date), its part, article and event (article_id, number).
_, *_EVENT_TIMELINE_PART, _, _ = EVENT_TIMELINE_FIELDS
ARTICLE_LINES = (
    StoredLine("timeline", "timeline_part", "{date},{id},{title_csv},{timeline_part}\n"),
    StoredLine("list", "list_part", "{id},{date},{list_part},{title_csv}," + PATH_MARK + "\n"),
)
ARTICLE_PARTS = {
    "title_csv": ("timeline", [_TITLE]),
    "timeline_part": ("timeline", _ARTICLE_TIMELINE_PART),
    "list_part": ("list", _LIST_PART),
}
EVENT_LINES = (
    StoredLine("timeline", "timeline_part", "{sort_date},{timeline_part},{article_id},{number}\n"),
)
EVENT_PARTS = {"timeline_part": ("timeline", _EVENT_TIMELINE_PART)}
# The kinds of tags as the `tags` table stores them (a letter: its rows are most of it).
TAG_KINDS = {"country": "c", "organization": "o", "initiative": "i", "language": "l"}
# The kinds of parties as `event_parties` stores them: a digit, in the order of their names
# (sql.partners takes the least of a party's kinds, as it did of the names).
PARTY_KINDS = {kind: str(n) for n, kind in enumerate(("agency", "company", "country", "intl"))}

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE files (
    name TEXT PRIMARY KEY,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    hash TEXT NOT NULL,
    racy INTEGER NOT NULL,      -- modified too close to its scan: hash it again next time
    error TEXT,                 -- why it did not load, and where
    line INTEGER
) WITHOUT ROWID;
CREATE TABLE articles (
    num INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    shadowed INTEGER NOT NULL DEFAULT 0,  -- a file earlier by name has the same id
    date TEXT, first_day TEXT, last_day TEXT,
    year TEXT NOT NULL,
    record BLOB NOT NULL,       -- pack(the export record as one JSON line)
    text BLOB NOT NULL          -- pack(title NUL body), as written
    {article_views}
);
CREATE INDEX articles_by_id ON articles (id);
-- Every word of the stored texts, by its tokens.word_key: which spellings of a dictionary
-- edit's words to look for in texts_fts (store/affected.py). Never pruned.
CREATE TABLE words (
    key TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (key, word)
) WITHOUT ROWID;
-- Timeline order, with what the filters check: rows are read from the table only when
-- they are printed.
CREATE INDEX articles_in_order ON articles (date IS NULL, date, id, shadowed);
CREATE INDEX articles_shadowed ON articles (num) WHERE shadowed;
CREATE TABLE tags (
    kind TEXT NOT NULL,         -- TAG_KINDS: one letter, stored in the table and its index
    value TEXT NOT NULL, num INTEGER NOT NULL,
    PRIMARY KEY (kind, value, num)
) WITHOUT ROWID;
CREATE INDEX tags_by_article ON tags (num);
-- Each organisation's name once (summaries count names), as the articles tagged with it
-- were last analysed: a renamed entry re-analyses every article naming it.
CREATE TABLE organization_names (id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE events (
    eid INTEGER PRIMARY KEY,
    num INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    number INTEGER NOT NULL,
    stage TEXT NOT NULL,
    planned INTEGER NOT NULL,
    date TEXT, first_day TEXT, last_day TEXT,
    record BLOB NOT NULL        -- pack(the export record as one JSON line)
);
CREATE INDEX events_by_article ON events (num);
-- The events in timeline order (sql.EVENT_ORDER, then the article's row), with what the
-- filters check and the CSV lines `timeline` prints: a timeline reads this table from
-- the front, without a sort and without looking up another row for each line it prints.
CREATE TABLE event_timeline (
    undated INTEGER NOT NULL, sort_date TEXT NOT NULL,  -- date IS NULL; the date, or ''
    article_id TEXT NOT NULL, number INTEGER NOT NULL, num INTEGER NOT NULL,
    eid INTEGER NOT NULL, stage TEXT NOT NULL, first_day TEXT, last_day TEXT
    {event_views},
    PRIMARY KEY (undated, sort_date, article_id, number, num)
) WITHOUT ROWID;
-- Keyed by event: `partners` reads every party of the events that pass (their names,
-- kinds, countries) straight from the table; the filters find events by party or country.
CREATE TABLE event_parties (
    eid INTEGER NOT NULL, party TEXT NOT NULL, country TEXT,
    kind TEXT NOT NULL,         -- PARTY_KINDS: one digit
    name TEXT NOT NULL,
    partner INTEGER NOT NULL,   -- query.deals_with(event, party)
    PRIMARY KEY (eid, party)
) WITHOUT ROWID;
CREATE INDEX event_parties_by_party ON event_parties (party);
CREATE INDEX event_parties_by_country ON event_parties (country);
-- Keyed by event, with no index by type: a `--type` filter reads the whole table (a few
-- bytes an event) for the set of its events, which an index of its own doubled.
CREATE TABLE event_initiatives (
    eid INTEGER NOT NULL, initiative TEXT NOT NULL, PRIMARY KEY (eid, initiative)
) WITHOUT ROWID;
CREATE TRIGGER articles_dropped AFTER DELETE ON articles BEGIN
    DELETE FROM tags WHERE num = old.num;
    DELETE FROM events WHERE num = old.num;
END;
CREATE TRIGGER events_dropped AFTER DELETE ON events BEGIN
    DELETE FROM event_timeline WHERE undated = (old.date IS NULL)
        AND sort_date = coalesce(old.date, '') AND article_id = old.article_id
        AND number = old.number AND num = old.num;
    DELETE FROM event_parties WHERE eid = old.eid;
    DELETE FROM event_initiatives WHERE eid = old.eid;
END;
"""
# Candidates for `--text` (each trigram of the case-folded text); the text is checked
# after. Contentless: the text itself is stored once, compressed, in `articles`; no column
# sizes (nothing is ranked).
_FTS = """
CREATE VIRTUAL TABLE texts_fts USING fts5 (
    title, body, content = '', tokenize = 'trigram case_sensitive 1', detail = 'none',
    columnsize = 0
);
"""


# The countries this tool follows (vocab.CENTRAL_ASIA), as an event's parties and an
# article's mentions write them: most events name one or two (a fixed text: the rows
# packed with it are unreadable with any other).
_CENTRAL_ASIA = (
    ("KZ", "Kazakhstan"),
    ("UZ", "Uzbekistan"),
    ("TM", "Turkmenistan"),
    ("KG", "Kyrgyzstan"),
    ("TJ", "Tajikistan"),
)


def _country_party(code: str, name: str, source: str) -> str:
    return (
        f'{{"id": "{code}", "name": "{name}", "kind": "country", "country": "{code}", '
        f'"role": null, "source": "{source}"}}'
    )


# Events as most are written: an undated plan with its parties from the context, a dated
# agreement whose date is the article's.
_EVENTS_PRESET = (
    '{"schema_version": 2, "article_id": "", "number": 1, "stage": "talks", "date": null, '
    '"date_precision": null, "date_basis": null, "planned": true, "parties": ['
    + ", ".join(_country_party(code, name, "context") for code, name in _CENTRAL_ASIA)
    + ', {"id": "", "name": "", "kind": "agency", "country": "", "role": null, '
    '"source": "sentence"}, '
    + ", ".join(_country_party(code, name, "sentence") for code, name in _CENTRAL_ASIA)
    + '], "initiatives": [], "field": "title", "start": 0, "end": 1, "text": "", "target": '
    '"20", "amounts": [], "sources": {"parties": "context", "initiatives": "context", "date": '
    'null}, "evidence": [{"field": "body", "start": 1, "end": 1, "text": ""}]}'
    '{"schema_version": 2, "article_id": "", "number": 1, "stage": "agreement", "date": "20", '
    '"date_precision": "day", "date_basis": "article", "planned": false, "parties": [{"id": '
    '"", "name": "", "kind": "company", "country": "", "role": null, "source": "sentence"}, '
    '], "initiatives": [], "field": "body", "start": 1, "end": 1, "text": "", "target": null, '
    '"amounts": [], "sources": {"parties": "sentence", "initiatives": "sentence", "date": '
    '"article"}, "evidence": [{"field": "body", "start": 1, "end": 1, "text": ""}]}'
    + "".join(
        f'{{"entity": "{code}", "kind": "country", "field": "body", "text": "{name}", "start": '
        for code, name in _CENTRAL_ASIA
    )
)

# What stored rows have in common, for `pack` (packing.py): the field names of the
# records and JSON lines, and the values most of them hold. Most frequent last.
_PRESET = (
    '{"date": null, "id": "", "source": null, "title": null, "path": "\ue000path\ue000"}'
    '{"date": "20", "id": "", "title": "", "countries": [], "organizations": [], '
    '"initiatives": ["fiber", "5g", "mobile", "satellite", "cybersecurity", "data-center", '
    '"e-government", "ixp", "ai", "smart-city"]}'
    '{"date": "20", "precision": "day", "dated_by": "sentence", "planned": false, '
    '"stage": "talks", "parties": [], "initiatives": [], "target": null, "sentences": 1, '
    '"evidence": "", "article": "", "event": 1}'
    '{"schema_version": 1, "id": "", "path": "\ue000path\ue000", "title": null, '
    '"date": "20", "date_precision": "month", "date_source": "dateline", "source": null, '
    '"url": null, "language": "en", "countries": [], "initiatives": [], "organizations": '
    '[{"id": "", "name": "", "kind": "company", "country": "", "parent": null}], "mentions": '
    '{"schema_version": 2, "article_id": "", "number": 1, "stage": "agreement", "date": null, '
    '"date_precision": null, "date_basis": null, "planned": false, "parties": [{"id": "", '
    '"name": "", "kind": "agency", "country": null, "role": null, "source": "sentence"}], '
    '"initiatives": [], "field": "body", "start": 1, "end": 1, "text": "", "target": null, '
    '"amounts": [], "sources": {"parties": "sentence", "initiatives": "sentence", "date": '
    'null}, "evidence": [{"field": "body", "start": 1, "end": 1, "text": ""}]}'
    + _EVENTS_PRESET
    + '{"entity": "", "kind": "initiative", "field": "title", "text": "", "start": 1, "end": 1, '
    '"former_name": null}, {"entity": "", "kind": "organization", "field": "body", "text": '
    '"", "start": 1, "end": 1, "former_name": null}, {"entity": "", "kind": "country", '
    '"field": "body", "text": "", "start": '
).encode()


def pack(text: str) -> bytes:
    """Text as stored compressed (packing.pack with the store's preset)."""
    return packing.pack(text, _PRESET)


def unpack(packed: bytes) -> str:
    return packing.unpack(packed, _PRESET)


def view_column(view: str, fmt: str) -> str:
    """The column holding a view's rows in one format (`timeline_csv`)."""
    return f"{view}_{fmt}"


def _view_columns(lines: tuple[StoredLine, ...], parts: Mapping[str, Any]) -> str:
    """The columns of the stored parts, and of the lines made from them."""
    made = "TEXT GENERATED ALWAYS AS ({}) VIRTUAL"
    return "".join(
        [f",\n    {part} TEXT NOT NULL" for part in parts]
        + [f",\n    {view_column(line.view, 'csv')} {made.format(line.sql())}" for line in lines]
    )


def create(db: sqlite3.Connection, *, fts: bool = True) -> None:
    """Every table of a new index, in an empty database (inside a transaction)."""
    script = _TABLES.format(
        article_views=_view_columns(ARTICLE_LINES, ARTICLE_PARTS),
        event_views=_view_columns(EVENT_LINES, EVENT_PARTS),
    )
    for statement in _statements(script):
        db.execute(statement)
    from ..deals.stored import create_tables  # the deals' own tables (deals/stored.py)

    create_tables(db)
    if fts:
        try:
            db.execute("SAVEPOINT fts")
            db.execute(_FTS)
            db.execute("RELEASE fts")
        except sqlite3.OperationalError:  # no FTS5, or no trigram tokenizer (SQLite < 3.34)
            db.execute("ROLLBACK TO fts")
            db.execute("RELEASE fts")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def has_fts(db: sqlite3.Connection) -> bool:
    return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = 'texts_fts'").fetchone())


def _statements(script: str) -> Iterator[str]:
    """The statements of a script (triggers hold `;` inside BEGIN ... END)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def file_kind(path: Path) -> str:
    """What is at `path`, from its first 100 bytes (SQLite's header):
    `new` (nothing, or an empty file), `ours` (a caconnect index, by its application id),
    `sqlite` (another program's database) or `other` (anything else).
    """
    try:
        with path.open("rb") as file:
            head = file.read(100)
    except FileNotFoundError:
        return "new"
    if not head:
        return "new"
    if not head.startswith(_SQLITE_MAGIC):
        return "other"
    if len(head) == 100 and int.from_bytes(head[68:72], "big") == APPLICATION_ID:
        return "ours"
    return "sqlite"


def drop_everything(db: sqlite3.Connection) -> None:
    """Every table and trigger (an FTS table takes its shadow tables with it)."""
    rows = db.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger') "
        "AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name NOT LIKE 'texts!_fts!_%' ESCAPE '!'"
    ).fetchall()
    for kind, name in sorted(rows, key=lambda row: row[0] == "table"):  # triggers first
        db.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
