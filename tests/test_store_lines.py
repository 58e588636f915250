"""The CSV lines the index stores (store/index.py): each record's line, composed in SQL or in
Python alike."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from string import Formatter
from typing import get_args

import pytest

from ca_connect.models import PartyKind
from ca_connect.output import csv_line
from ca_connect.query import EVENT_FROM_RECORD, FROM_RECORD
from ca_connect.store import ingest, schema
from ca_connect.store.index import Index
from ca_connect.store.ingest import _joined
from ca_connect.store.schema import ARTICLE_LINES, EVENT_LINES

from .conftest import PROJECT


def _index(data: Path) -> sqlite3.Connection:
    index = Index(data / "index.sqlite", data / "articles", data / "entities.yaml")
    index.open()
    index.sync()
    index.close()
    return sqlite3.connect(data / "index.sqlite")


ARTICLE = """\
---
title: {title}
date: "{date}"
source: {source}
---
Kazakhtelecom signed an agreement with Huawei on 3 March 2025 to build a 5G network in
Kazakhstan. Uzbekistan plans a data centre in Tashkent by 2027.
"""


def _write(folder: Path, name: str, title: str, date: str, source: str) -> None:
    text = ARTICLE.format(title=json.dumps(title), date=date, source=json.dumps(source))
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def odd_corpus(tmp_path: Path) -> Path:
    """Articles whose lines the parts do not all make: a title and a source that CSV
    quotes, a formula-like source, an undated article, an id holding a comma."""
    articles = tmp_path / "articles"
    articles.mkdir()
    _write(articles, "plain.md", title="Fibre for Kazakhstan", date="2025-03-04", source="Daily")
    _write(
        articles,
        "quoted.md",
        title='"Huawei, Kazakhtelecom" sign',
        date="2025-03",
        source="News, Central Asia",
    )
    _write(articles, "formula.md", title="=1+1", date="2025", source="@outlet")
    (articles / "undated.txt").write_text(
        "Kazakhtelecom and Huawei agree\n\nKazakhtelecom signed an agreement with Huawei to "
        "build a 5G network in Kazakhstan.\n",
        encoding="utf-8",
    )
    (articles / "a,b.txt").write_text(
        "Uzbekistan plans a data centre\n\nUzbekistan plans a data centre in Tashkent by "
        "2027, the ministry said on 4 May 2025.\n",
        encoding="utf-8",
    )
    shutil.copy(PROJECT / "data" / "entities.yaml", tmp_path / "entities.yaml")
    return tmp_path


def test_each_stored_line_is_the_line_of_its_record(odd_corpus: Path) -> None:
    """Every line read from the store is the CSV line of the view made from the stored
    record, byte for byte, whether made from its parts or kept whole."""
    db = _index(odd_corpus)
    rows = db.execute("SELECT record, timeline_csv, list_csv, list_part FROM articles").fetchall()
    assert len(rows) == 5
    kept_whole = 0
    for record, timeline, listing, list_part in rows:
        fields = json.loads(schema.unpack(record))
        assert timeline == csv_line(FROM_RECORD["timeline"](fields).values())
        assert listing == csv_line(FROM_RECORD["list"](fields).values())
        kept_whole += list_part.startswith(schema.WHOLE)
    assert kept_whole == 1  # the id with a comma: its list line is kept whole
    events = db.execute(
        "SELECT e.record, t.timeline_csv, t.timeline_part FROM event_timeline t "
        "JOIN events e USING (eid)"
    ).fetchall()
    assert len(events) >= 4
    for record, line, _ in events:
        fields = json.loads(schema.unpack(record))
        assert line == csv_line(EVENT_FROM_RECORD["timeline"](fields).values())
        assert not line.startswith(schema.WHOLE)
    assert any(part.startswith(schema.WHOLE) for _, _, part in events)  # the id with a comma


def test_a_part_beginning_with_the_mark_keeps_its_line_whole() -> None:
    """A part that would begin with WHOLE is stored as WHOLE and the whole line, so the
    mark never stands for anything else."""
    (line,) = schema.EVENT_LINES
    whole = "2025-01-01,\x01day,x\n"
    cells = {"timeline": (whole, {"precision": "\x01day", "dated_by": "x"})}
    parts = {"timeline_part": ("timeline", ["precision", "dated_by"])}
    own = {"sort_date": "2025-01-01", "article_id": "a", "number": 1}
    kept = ingest._parts(cells, parts, (line,), own)
    assert kept["timeline_part"] == schema.WHOLE + whole


def test_the_sql_of_a_line_makes_what_compose_makes() -> None:
    db = sqlite3.connect(":memory:")
    for line in (*schema.ARTICLE_LINES, *schema.EVENT_LINES):
        columns = {
            name: ("" if name.endswith(("_part", "_csv")) else None)
            for _, name, _, _ in Formatter().parse(line.line)
            if name
        }
        values = {name: f"v'{name}" for name in columns} | {"date": None, "number": 7}
        values = {name: values.get(name) for name in columns}
        made = db.execute(
            f"SELECT {line.sql()} FROM (SELECT "
            + ", ".join(f"? AS {name}" for name in columns)
            + ")",
            list(values.values()),
        ).fetchone()[0]
        assert made == line.compose(values)


def test_the_formats_stored_are_the_lines_made() -> None:
    assert {line.view for line in schema.ARTICLE_LINES} == {
        view for view, formats in schema.ARTICLE_FORMATS.items() if "csv" in formats
    }
    assert {line.view for line in schema.EVENT_LINES} == {
        view for view, formats in schema.EVENT_FORMATS.items() if "csv" in formats
    }


def test_party_kinds_keep_the_order_of_their_names() -> None:
    """`partners` takes the least stored kind of a party: the least of the names."""
    assert set(schema.PARTY_KINDS) == set(get_args(PartyKind))
    assert sorted(schema.PARTY_KINDS) == sorted(schema.PARTY_KINDS, key=schema.PARTY_KINDS.get)


@pytest.mark.parametrize(
    "row",
    [
        ["2024-03", "a1", "Towers, masts", 'the "hub"', None, ["KZ", "UZ"]],
        [""],
        ["", ""],
        [None],
        ["line\nbreak", "carriage\rreturn"],
    ],
)
def test_a_line_joined_from_its_cells_is_the_csv_line(row):
    cells = [csv_line((value, None))[:-2] for value in row]
    assert _joined(cells) == csv_line(row)


def test_a_stored_line_is_composed_as_before():
    values = {
        "date": "2024-03-01",
        "id": "a1",
        "title_csv": '"Towers, masts"',
        "timeline_part": "KZ,,fiber",
        "list_part": "",
        "sort_date": None,
        "article_id": "a1",
        "number": 2,
    }
    for line in (*ARTICLE_LINES, *EVENT_LINES):
        expected = line.line.format(**{k: "" if v is None else v for k, v in values.items()})
        assert line.compose(values) == expected
