"""Session 9's store (docs/speed.md): an update of a few articles leaves
their deals to the next command that reads a deal (store/index.py DEFER_LINKING_UP_TO),
and an article analysed again with its text unchanged keeps its text in the FTS index."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals.store import DealStore
from ca_connect.store import index as index_module

from .conftest import PROJECT

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


def _write(folder: Path, name: str) -> None:
    date, body = ARTICLES[name]
    (folder / name).write_text(f"---\ndate: {date}\n---\n{body}\n", encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    (data / "entities.yaml").write_bytes((PROJECT / "data" / "entities.yaml").read_bytes())
    for name in ("kt-mou.md", "uz-fiber.md"):
        _write(data / "articles", name)
    return data


def _deals_from_the_files(data: Path) -> list[dict]:
    corpus = open_corpus(DataDir(data), use_index=False)
    try:
        return corpus.deal_summaries()
    finally:
        corpus.close()


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


def _in_order(answer) -> list:
    """Deals by id (the stored order of `each_deal` is the order they were written)."""
    return sorted(answer, key=lambda item: getattr(item, "id", None) or str(item))


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
