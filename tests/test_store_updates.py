"""What an update of the index keeps and rewrites (store/index.py): re-analysed rows, the timeline
table, deals waiting to be linked, stored errors, the size limit, damaged meta values."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals.store import DealStore
from ca_connect.store import default_path
from ca_connect.store import index as index_module
from ca_connect.store import scan as scan_module
from ca_connect.store.index import Index
from ca_connect.store.questions import _StoredDictionary

from .conftest import PROJECT
from .test_output_headers import _COMMANDS, _NOTE, _csv


@pytest.mark.parametrize("damage", ["null", "not JSON {"])
def test_a_damaged_columns_value_in_meta_is_not_read(data_dir: Path, damage: str) -> None:
    """An index of an earlier caconnect kept the headers in `meta` (`columns`): one whose
    value is damaged prints what an undamaged one does."""
    before = {name: _csv(data_dir, command) for name, (command, _) in _COMMANDS.items()}
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('columns', ?)", (damage,))
    after = {name: _csv(data_dir, command) for name, (command, _) in _COMMANDS.items()}
    assert after == before


@pytest.mark.parametrize(
    ("key", "damage"),
    [("summary", "null"), ("partners:TM", "not JSON {"), ("dictionary_json", "[1]")],
)
def test_a_damaged_value_kept_in_meta_rebuilds_the_index(
    data_dir: Path, key: str, damage: str
) -> None:
    """The counts and the dictionary kept in `meta` as JSON: one that is not what
    caconnect keeps there is damage to the index, which is rebuilt (no traceback, no
    internal error), as for any other damage to the file."""
    commands = [
        ["summary", "--format", "csv"],
        ["partners", "--country", "TM", "--format", "csv"],
        ["timeline", "--country", "Turkmenistan", "--format", "csv"],
    ]

    def outputs() -> list[tuple[int, str]]:
        results = [CliRunner().invoke(cli, ["--data", str(data_dir), *c]) for c in commands]
        return [(result.exit_code, result.stdout) for result in results]

    before = outputs()
    assert [code for code, _ in before] == [0, 0, 0] and all(text for _, text in before)
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, damage))
    assert outputs() == before


@pytest.mark.parametrize(
    ("key", "damage"), [("generation", "not a number"), ("deals_pending", "null")]
)
def test_a_damaged_value_read_by_an_update_rebuilds_the_index(
    data_dir: Path, key: str, damage: str
) -> None:
    """The update's own values in `meta` (the generation, the deals waiting to be linked):
    one damaged is rebuilt from, as the counts are, when an added article is stored."""
    note = data_dir / "articles" / "zz-note.md"

    def outputs() -> list[tuple[int, str]]:
        results = [
            CliRunner().invoke(cli, ["--data", str(data_dir), *command, "--format", "csv"])
            for command in (["articles"], ["deals"], ["timeline"])
        ]
        return [(result.exit_code, result.stdout) for result in results]

    outputs()
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, damage))
    note.write_text(_NOTE, encoding="utf-8")
    damaged = outputs()
    shutil.rmtree(default_path(data_dir).parent)
    assert damaged == outputs() and [code for code, _ in damaged] == [0, 0, 0]


def _no_errors(data: Path) -> str | None:
    import sqlite3

    from ca_connect.store import default_path

    with sqlite3.connect(default_path(data)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = 'no_errors'").fetchone()
    return row[0] if row else None


@pytest.mark.parametrize(
    "stored",
    [
        '{"countries":[{"code":"TM","aliases":["Туркмения"]}],"organizations":[{"id":"x"}],'
        '"languages":{"ru":{"words":["a"]}}}',
        ' { "countries" : [ ] ,\n "organizations" : [ {"id" : "x"} ] } ',
        "{}",
    ],
)
def test_the_stored_dictionary_decodes_each_field_as_the_whole_was(stored: str) -> None:
    """Index.lookup's dictionary (store/questions.py): its countries read without
    decoding the fields after them, each field as decoding the whole JSON made it."""
    import json
    from types import SimpleNamespace

    from ca_connect.store.questions import _StoredDictionary

    whole = json.loads(stored, object_hook=lambda fields: SimpleNamespace(**fields))
    dictionary = _StoredDictionary(stored)
    if "countries" in vars(whole):
        assert dictionary.countries == whole.countries
        assert list(dictionary._fields) == ["countries"]  # nothing after it decoded
    for name, value in vars(whole).items():
        assert getattr(dictionary, name) == value
    with pytest.raises(AttributeError):
        dictionary.no_such_field  # noqa: B018


def test_the_errors_read_only_while_an_update_found_some(data_dir: Path) -> None:
    """NO_ERRORS (store/questions.py): a file that does not load, and a repeated id, are
    reported at every command from the update that stored them to the one that forgot
    them; an index without the key reads the errors as before, and its next update
    writes it."""
    import sqlite3

    from click.testing import CliRunner

    from ca_connect.cli import cli
    from ca_connect.store import default_path

    def summary() -> tuple[int, str]:
        result = CliRunner().invoke(cli, ["--data", str(data_dir), "summary"])
        return result.exit_code, result.stderr

    articles = data_dir / "articles"
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
    (articles / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    code, errors = summary()
    assert code == 1 and "bad.md" in errors and _no_errors(data_dir) == "0"
    assert summary() == (code, errors)  # warm: read from `files`
    (articles / "bad.md").unlink()
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
    copy = articles / "000_31d352362439dc2f.md"
    copy.write_text("---\ntitle: A copy under the same id\n---\nText.\n", encoding="utf-8")
    code, errors = summary()
    assert code == 1 and "same article id" in errors and _no_errors(data_dir) == "0"
    copy.unlink()
    assert summary() == (0, "") and _no_errors(data_dir) == "1"
    (articles / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    code, errors = summary()
    with sqlite3.connect(default_path(data_dir)) as db:  # an index of an earlier caconnect
        db.execute("DELETE FROM meta WHERE key = 'no_errors'")
    assert summary() == (code, errors)
    (articles / "bad.md").unlink()
    assert summary() == (0, "") and _no_errors(data_dir) == "1"


def _meta(data: Path, key: str) -> str | None:
    with sqlite3.connect(default_path(data)) as db:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _old(folder: Path) -> None:
    """Every file an hour old (its ctime is now: `no_racy` is needed too)."""
    then = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (then, then))


def _summary(data: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *options, "summary"])
    return result.exit_code, result.stderr


@pytest.fixture
def no_racy(monkeypatch: pytest.MonkeyPatch) -> None:
    """No file stored as racy (hashed again at every scan, the scan not recorded): a
    command then updates the index only when a file changed."""
    import ca_connect.store.index as index_module

    monkeypatch.setattr(index_module, "RACY_NS", 0)
    monkeypatch.setattr(scan_module, "RACY_NS", 0)


def test_a_new_size_limit_is_applied_to_the_stored_files(data_dir: Path) -> None:
    """Index._update: the files over the smaller of the stored and the new limit are
    analysed again (before, an index answered with the limit it was built with)."""
    _old(data_dir / "articles")
    assert _summary(data_dir) == (0, "")
    largest = max((data_dir / "articles").iterdir(), key=lambda path: path.stat().st_size)
    limit = f"{(largest.stat().st_size - 1) / 1_000_000}"
    code, errors = _summary(data_dir, "--max-article-size", limit)
    assert code == 1 and largest.name in errors and "over the" in errors
    assert _meta(data_dir, "no_errors") == "0"
    assert _summary(data_dir) == (0, "") and _meta(data_dir, "no_errors") == "1"


def test_an_index_without_the_key_reads_the_errors_until_an_update_writes_it(
    data_dir: Path, no_racy: None
) -> None:
    """Questions.errors reads `files` when `no_errors` is missing (an earlier caconnect's
    index); the next update, even one that analyses nothing, writes the key."""
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    _old(articles)
    code, errors = _summary(data_dir)
    assert code == 1 and "broken.md" in errors
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("DELETE FROM meta WHERE key = 'no_errors'")
    assert _summary(data_dir) == (code, errors)  # nothing changed: no update
    assert _meta(data_dir, "no_errors") is None
    then = time.time() - 1800  # a new stat, the same text: an update that analyses nothing
    os.utime(articles / "broken.md", (then, then))
    assert _summary(data_dir) == (code, errors)
    assert _meta(data_dir, "no_errors") == "0"


def test_an_update_that_fails_half_way_leaves_no_stale_answer(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files and `no_errors` are written in one transaction: a failure after the
    files were analysed leaves neither, and the next command finds the error."""
    articles = data_dir / "articles"
    _old(articles)
    assert _summary(data_dir) == (0, "")
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")

    def fail(self: Index) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(Index, "_no_errors", fail)
    assert _summary(data_dir)[0] != 0
    assert _meta(data_dir, "no_errors") == "1"
    monkeypatch.undo()
    code, errors = _summary(data_dir)
    assert code == 1 and "broken.md" in errors and _meta(data_dir, "no_errors") == "0"


def test_an_index_written_by_another_build_is_built_again_with_the_key(data_dir: Path) -> None:
    """Another caconnect (another build key) that stored an error without the key: this
    one rebuilds the index and writes the key from what it finds."""
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    code, errors = _summary(data_dir)
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("UPDATE meta SET value = 'another' WHERE key = 'build'")
        db.execute("DELETE FROM meta WHERE key = 'code_stamp'")
        db.execute("UPDATE meta SET value = '1' WHERE key = 'no_errors'")  # stale
    assert _summary(data_dir) == (code, errors) and _meta(data_dir, "no_errors") == "0"


@pytest.mark.parametrize("stored", ['{"a": 1, "b": [2], "c": {"d": 3}}', '{ "a":1 , "c" : 2 }'])
def test_the_stored_dictionary_reads_a_later_field_first(stored: str) -> None:
    """_StoredDictionary decodes up to the field asked for, whichever it is."""
    import json
    from types import SimpleNamespace

    whole = json.loads(stored, object_hook=lambda fields: SimpleNamespace(**fields))
    dictionary = _StoredDictionary(stored)
    assert dictionary.c == whole.c
    assert dictionary.a == whole.a
    with pytest.raises(AttributeError):
        dictionary.z  # noqa: B018


@pytest.mark.parametrize("stored", ["", "[]", '{"a": 1', "{,}"])
def test_a_damaged_stored_dictionary_fails_as_a_value_error(stored: str) -> None:
    """What the store's own dictionary text can be if the index is damaged: a ValueError
    (JSON's, or ours), as json.loads gave, never an IndexError."""
    with pytest.raises((ValueError, AttributeError)):
        _StoredDictionary(stored).countries  # noqa: B018


def test_the_errors_follow_a_renamed_or_fixed_file(data_dir: Path, no_racy: None) -> None:
    """no_errors after a file with an error is renamed, then fixed in place, and after the
    second file of a repeated id is renamed to an id of its own."""
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    assert "broken.md" in _summary(data_dir)[1]
    (articles / "broken.md").rename(articles / "renamed.md")
    code, errors = _summary(data_dir)
    assert code == 1 and "renamed.md" in errors and "broken.md" not in errors
    (articles / "renamed.md").write_text("---\ntitle: Fixed\n---\nA body.\n", encoding="utf-8")
    assert _summary(data_dir) == (0, "") and _meta(data_dir, "no_errors") == "1"
    first = sorted(articles.glob("*.txt"))[0]
    twin = first.with_suffix(".md")  # the id is the file's stem
    twin.write_bytes(first.read_bytes())
    code, errors = _summary(data_dir)
    assert code == 1 and "same article id" in errors and _meta(data_dir, "no_errors") == "0"
    twin.rename(articles / "another-id.md")
    assert _summary(data_dir) == (0, "") and _meta(data_dir, "no_errors") == "1"


def _deals_from_the_files(data: Path) -> list[dict]:
    corpus = open_corpus(DataDir(data), use_index=False)
    try:
        return corpus.deal_summaries()
    finally:
        corpus.close()


# Articles written for this test: one operator and one vendor, a story in three steps.
ARTICLES = {
    "kt-mou.md": (
        "2024-03-10",
        "Kazakhtelecom and Huawei signed a memorandum of understanding on Monday to build "
        "a 5G network in Kazakhstan.",
    ),
    "kt-deal.md": (
        "2024-06-12",
        "Kazakhtelecom signed an agreement with Huawei on Tuesday to build the 5G network "
        "in Kazakhstan.",
    ),
    "kt-launch.md": (
        "2025-01-20",
        "Kazakhtelecom launched the 5G network in Kazakhstan built with Huawei on Friday.",
    ),
    "uz-fiber.md": (
        "2024-09-02",
        "Uzbektelecom signed an agreement with ZTE on Wednesday to lay fiber across Uzbekistan.",
    ),
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    (data / "entities.yaml").write_bytes((PROJECT / "data" / "entities.yaml").read_bytes())
    for name in ("kt-mou.md", "uz-fiber.md"):
        _write(data / "articles", name)
    return data


def _write(folder: Path, name: str) -> None:
    date, body = ARTICLES[name]
    (folder / name).write_text(f"---\ndate: {date}\n---\n{body}\n", encoding="utf-8")


def _in_order(answer) -> list:
    """Deals by id (the stored order of `each_deal` is the order they were written)."""
    return sorted(answer, key=lambda item: getattr(item, "id", None) or str(item))


def test_a_timeline_after_an_added_article_links_no_deal_and_the_next_deals_do(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(DataDir(folder)).close()  # the first build links at once
    linked: list[set[str]] = []
    real = DealStore.sync

    def recording(self, touched, *rest, **options):
        linked.append(set(touched))
        return real(self, touched, *rest, **options)

    monkeypatch.setattr(DealStore, "sync", recording)
    _write(folder / "articles", "kt-deal.md")
    corpus = open_corpus(DataDir(folder))
    rows = corpus.event_rows(corpus.filters(countries=("KZ",)), "timeline")
    assert {row["article"] for row in rows} >= {"kt-mou", "kt-deal"}
    assert linked == []
    corpus.close()
    # A second update before any deal is read: its articles wait with the first's.
    _write(folder / "articles", "kt-launch.md")
    (folder / "articles" / "uz-fiber.md").unlink()
    corpus = open_corpus(DataDir(folder))
    assert linked == []
    summaries = corpus.deal_summaries()
    assert corpus.deal_summaries() == summaries  # linked once
    assert linked == [{"kt-deal", "kt-launch", "uz-fiber"}]
    corpus.close()
    assert summaries == _deals_from_the_files(folder)


@pytest.mark.parametrize("read", ["each_deal", "linked_events", "shown_deal_rows"])
def test_every_reader_of_deals_links_what_waits_first(folder: Path, read: str) -> None:
    open_corpus(DataDir(folder)).close()
    _write(folder / "articles", "kt-deal.md")
    corpus = open_corpus(DataDir(folder))
    answer = _in_order(getattr(corpus, read)())
    fresh = open_corpus(DataDir(folder), use_index=False)
    assert answer == _in_order(getattr(fresh, read)())
    corpus.close()
    fresh.close()


def test_an_article_analysed_again_unchanged_keeps_its_row_and_its_text_in_fts(
    folder: Path, analysed_files: list[str]
) -> None:
    _write(folder / "articles", "kt-deal.md")
    corpus = open_corpus(DataDir(folder))
    rows = dict(corpus._index.db.execute("SELECT name, num FROM articles"))
    corpus.close()
    entities = folder / "entities.yaml"
    text = entities.read_text(encoding="utf-8")
    renamed = text.replace("    name: Kazakhtelecom\n", "    name: Kazakhtelecom Group\n", 1)
    assert renamed != text
    entities.write_text(renamed, encoding="utf-8")  # every article naming it is read again
    analysed_files.clear()  # only what the index analyses from here on
    corpus = open_corpus(DataDir(folder))
    assert sorted(analysed_files) == ["kt-deal.md", "kt-mou.md"]
    db = corpus._index.db
    assert dict(db.execute("SELECT name, num FROM articles")) == rows
    db.execute("INSERT INTO texts_fts (texts_fts, rank) VALUES ('integrity-check', 0)")
    found = corpus.event_rows(corpus.filters(text="signed an agreement"), "timeline")
    assert {row["article"] for row in found} == {"kt-deal", "uz-fiber"}
    assert any("Kazakhtelecom Group" in row["parties"] for row in found)  # analysed again
    corpus.close()


def test_the_timeline_table_holds_every_event_once_in_timeline_order(folder: Path) -> None:
    # Rows of an article changed or removed go with it (the events' trigger).
    open_corpus(DataDir(folder)).close()
    _write(folder / "articles", "kt-deal.md")
    _write(folder / "articles", "kt-launch.md")
    open_corpus(DataDir(folder)).close()
    (folder / "articles" / "uz-fiber.md").unlink()
    (folder / "articles" / "kt-deal.md").write_text(
        "---\ndate: 2024-06-14\n---\nKazakhtelecom signed an agreement with Huawei on Thursday "
        "to build the 5G network in Kazakhstan.\n",
        encoding="utf-8",
    )
    corpus = open_corpus(DataDir(folder))
    db = corpus._index.db
    ordered = db.execute(
        "SELECT t.eid, e.eid FROM event_timeline t LEFT JOIN events e USING (eid) "
        "ORDER BY t.undated, t.sort_date, t.article_id, t.number, t.num"
    ).fetchall()
    assert ordered and all(eid == kept for eid, kept in ordered)
    assert len(ordered) == db.execute("SELECT count(*) FROM events").fetchone()[0]
    rows = corpus.event_rows(corpus.filters(), "timeline")
    assert [row["article"] for row in rows] == ["kt-mou", "kt-deal", "kt-launch"]
    fresh = open_corpus(DataDir(folder), use_index=False)
    assert rows == fresh.event_rows(fresh.filters(), "timeline")
    fresh.close()
    corpus.close()


def test_deals_waiting_in_an_index_this_command_cannot_write_are_linked_in_a_copy(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_corpus(DataDir(folder)).close()
    _write(folder / "articles", "kt-deal.md")
    open_corpus(DataDir(folder)).close()  # the deals of kt-deal wait
    index = folder / ".caconnect" / "index.sqlite"
    before = index.read_bytes()
    corpus = open_corpus(DataDir(folder))
    real = index_module.writing

    def read_only(db):
        if db is corpus._index.db and db.execute("PRAGMA database_list").fetchone()[2]:
            raise index_module.IndexUnavailable("attempt to write a readonly database")
        return real(db)

    monkeypatch.setattr(index_module, "writing", read_only)
    summaries = corpus.deal_summaries()
    corpus.close()
    monkeypatch.undo()
    assert index.read_bytes() == before  # the file as it was: its deals still wait
    with closing(sqlite3.connect(index)) as db:
        assert db.execute("SELECT 1 FROM meta WHERE key = 'deals_pending'").fetchone()
    assert summaries == _deals_from_the_files(folder)


def test_a_country_party_is_stored_as_its_own_country() -> None:
    # `--country` looks events up by the parties' country column alone (sql.event_where).
    from ca_connect.models import Event, Party
    from ca_connect.store.ingest import _stored_event

    event = Event(
        article_id="a",
        number=1,
        stage="agreement",
        parties=[
            Party(id="KZ", name="Kazakhstan", kind="country"),
            Party(id="kazakhtelecom", name="Kazakhtelecom", kind="company", country="KZ"),
            Party(id="huawei", name="Huawei", kind="company", country="CN"),
        ],
        field="body",
        start=0,
        end=4,
        text="Deal",
    )
    stored, _ = _stored_event(event)
    assert [(party, country) for party, country, *_ in stored.parties] == [
        ("KZ", "KZ"),
        ("kazakhtelecom", "KZ"),
        ("huawei", "CN"),
    ]
