"""The deals' tables as the index keeps them (deals/store.py writes them): their schema,
how their JSON is packed, and reading them back without the linker or pydantic, for the
commands that only read (`deals`, `deal ID`, `export --deals`).

Tables: `deal_facts` (each article's ArticleFacts but its events, packed JSON, and its keys),
`deal_keys` (the articles by each key they could link by, link.article_keys), `deals`
(each deal's record, packed JSON, as its events leave it; `status_as_of` is applied when
asked), `deal_summaries`
(what `caconnect deals` prints of each, ready: query.deal_summary, packed, in the order
it prints them, and apart the row a table without filters shows: rows.shown_row),
`deal_events` (which deal each event is in), `deal_groups` (the groups each deal was
made from, link.py: deals of one group are re-linked together) and `deal_hosts` (the
host countries and types of each deal's events, for link.py rule 4);
`deal_state`: deals/store.py's counts.
The tables of rows of a few kB are rowid tables: a WITHOUT ROWID table spills every
row over ~1 kB into an overflow page of its own, most of it empty.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from .. import packing

SCHEMA = (
    # `num`: the article's row of `articles`, whose events complete `data` (the facts
    # without them: deals/store.py pack_facts). `keys`: the article's keys (a packed JSON
    # list), which rows of deal_keys to drop when it changes: an index of deal_keys by
    # article would be a third of the deals'.
    "CREATE TABLE deal_facts (article TEXT PRIMARY KEY, num INTEGER NOT NULL, "
    "data BLOB NOT NULL, keys BLOB NOT NULL)",
    "CREATE TABLE deal_keys (key TEXT NOT NULL, article TEXT NOT NULL, "
    "PRIMARY KEY (key, article)) WITHOUT ROWID",
    "CREATE TABLE deals (id TEXT PRIMARY KEY, data BLOB NOT NULL, made_of BLOB NOT NULL)",
    "CREATE TABLE deal_events (article TEXT NOT NULL, number INTEGER NOT NULL, "
    "deal TEXT NOT NULL, PRIMARY KEY (article, number, deal)) WITHOUT ROWID",
    "CREATE INDEX deal_events_by_deal ON deal_events (deal)",
    "CREATE TABLE deal_groups (key TEXT NOT NULL, deal TEXT NOT NULL, "
    "PRIMARY KEY (key, deal)) WITHOUT ROWID",
    "CREATE INDEX deal_groups_by_deal ON deal_groups (deal)",
    "CREATE TABLE deal_hosts (pair TEXT NOT NULL, deal TEXT NOT NULL, "
    "PRIMARY KEY (pair, deal)) WITHOUT ROWID",
    "CREATE INDEX deal_hosts_by_deal ON deal_hosts (deal)",
    # `shown`: what a `deals` table without filters prints of the deal (rows.shown_row),
    # apart from the filters' `data`: decoding every summary whole was half its time.
    "CREATE TABLE deal_summaries (id TEXT PRIMARY KEY, sort_key TEXT NOT NULL, "
    "data BLOB NOT NULL, shown BLOB NOT NULL)",
    "CREATE INDEX deal_summaries_in_order ON deal_summaries (sort_key)",
    # deals/store.py's own counts (the articles attached since the last full link)
    "CREATE TABLE deal_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
)


def create_tables(db: sqlite3.Connection) -> None:
    for statement in SCHEMA:
        db.execute(statement)


# The field names of the facts, deal records and summaries stored here, for packing.py.
_PRESET = (
    b'{"id": "", "date": "20", "source": null, "url": "https://", "title": "", '
    b'"fingerprint": "", "names": [], "countries": [], "subject": null, "events": ['
    b'{"id":"","name":"","named":false,"parties":[{"id":"","name":"","kind":"company",'
    b'"country":"","joined":"#1","dropped":null}],"initiatives":[],"history":[{"stage":'
    b'"agreement","event_stage":"agreement","date":"20","date_precision":"day","target":'
    b'null,"parties":[],"initiatives":[],"evidence":"","article":"","event":1,"source":'
    b'null,"url":"https://","amounts":[],"background":false}],"status":"agreement",'
    b'"status_date":"20","missed_targets":[],"first_seen":"20","last_seen":"20",'
    b'"amounts":[],"articles":1,"outlets":1,"sources":[{"article":"","date":"20",'
    b'"source":null,"url":"https://","title":"","copy_of":null}]}'
    b'{"row": {"id": "", "status": "agreement", "first": "20", "last": "20", "events": 1, '
    b'"articles": 1, "outlets": 1, "title": "", "organizations": [], "countries": [], '
    b'"initiatives": []}, "party_ids": [], "party_countries": [], "stages": [], '
    b'"first_day": "20", "last_day": "20", "last_seen": [20, null], "articles": []}'
    b'{"article_id": "", "number": 1, "stage": "agreement", "date": "20", "date_basis": '
    b'"sentence", "target": null, "planned": false, "parties": [{"id": "", "name": "", '
    b'"kind": "company", "country": "", "role": null, "source": "sentence"}, {"id": "", '
    b'"name": "", "kind": "country", "country": "", "role": null, "source": "sentence"}], '
    b'"initiatives": [], "amounts": [], "sources": {"parties": "sentence", "initiatives": '
    b'"sentence", "date": "sentence"}, "evidence": [{"field": "body", "start": 1, "end": '
    b'1, "text": ""}], "field": "body", "start": 1, "end": 1, "text": "", '
    b'"date_precision": "day"}'
)


def pack(text: str) -> bytes:
    """JSON as the deals' tables store it (packing.py, with this module's preset)."""
    return packing.pack(text, _PRESET)


def unpack(data: bytes) -> str:
    return packing.unpack(data, _PRESET)


def summaries(db: sqlite3.Connection) -> Iterator[dict]:
    """Every deal's summary (query.deal_summary), first seen first."""
    for (data,) in db.execute("SELECT data FROM deal_summaries ORDER BY sort_key"):
        yield json.loads(unpack(data))


def shown_rows(db: sqlite3.Connection) -> Iterator[list]:
    """Every deal's table row as stored (rows.shown_row), first seen first."""
    for (data,) in db.execute("SELECT shown FROM deal_summaries ORDER BY sort_key"):
        yield json.loads(unpack(data))


def deal_json(db: sqlite3.Connection, deal_id: str) -> str | None:
    """One deal's record (model.Deal as JSON), if there is such a deal."""
    row = db.execute("SELECT data FROM deals WHERE id = ?", (deal_id,)).fetchone()
    return unpack(row[0]) if row else None


def deal_jsons(db: sqlite3.Connection) -> Iterator[str]:
    """Every deal's record, one at a time."""
    for (data,) in db.execute("SELECT data FROM deals"):
        yield unpack(data)
