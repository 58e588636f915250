"""What an edit re-does in the index (README "The index and speed"): an alias added to an
entry re-analyses only the articles holding it (found through the stored words and the FTS
index, as a reading of every text would find them), and an article analysed again to the
same deal facts re-links no deal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals.store import DealStore
from ca_connect.store.affected import changed_phrases
from ca_connect.vocab import Filters

from .conftest import PROJECT


def _dictionary(**starlink: object) -> dict:
    entry = {"id": "starlink", "name": "Starlink", "kind": "company", "aliases": []}
    return {"organizations": [{**entry, **starlink}, {"id": "zte", "name": "ZTE", "aliases": []}]}


def test_an_alias_added_or_removed_brings_only_that_alias() -> None:
    before = _dictionary()
    assert changed_phrases(before, _dictionary(aliases=["Starlink Direct"])) == {"Starlink Direct"}
    assert changed_phrases(_dictionary(aliases=["Sky Link"]), before) == {"Sky Link"}


def test_a_new_name_or_kind_brings_every_name_of_the_entry() -> None:
    # Every article naming the entry shows its name and kind, by whichever alias.
    old = _dictionary(aliases=["Sky Link"])
    renamed = _dictionary(name="Starlynx", aliases=["Sky Link"])
    assert changed_phrases(old, renamed) == {"Starlink", "Starlynx", "Sky Link"}
    assert changed_phrases(old, _dictionary(kind="agency", aliases=["Sky Link"])) == {
        "Starlink",
        "Sky Link",
    }
    # An organisation's initiative types are words too, but describe the entry.
    typed = _dictionary(aliases=["Sky Link"], initiatives=["satellite"])
    assert changed_phrases(old, typed) == {"Starlink", "Sky Link"}


def test_aliases_only_reordered_bring_every_name_of_the_entry() -> None:
    old = _dictionary(aliases=["Sky Link", "Star Net"])
    assert changed_phrases(old, _dictionary(aliases=["Star Net", "Sky Link"])) == {
        "Starlink",
        "Sky Link",
        "Star Net",
    }


@pytest.mark.slow  # the seed store built, then brought up to date twice
def test_an_article_analysed_again_to_the_same_facts_relinks_no_deal(
    data_dir: Path, monkeypatch, analysed_files: list[str]
) -> None:
    open_corpus(DataDir(data_dir)).close()
    synced: list[set[str]] = []
    real = DealStore.sync

    def recording(self, touched, *rest, **options):
        synced.append(set(touched))
        return real(self, touched, *rest, **options)

    monkeypatch.setattr(DealStore, "sync", recording)
    analysed = analysed_files
    analysed.clear()  # only what the index analyses from here on
    entities = data_dir / "entities.yaml"
    # An alias that folds to the name's own spelling: the articles naming Starlink are
    # read again, and come out the same.
    text = entities.read_text()
    edited = text.replace("name: Starlink,", "name: Starlink, aliases: [Starlinkk],", 1)
    assert edited != text
    entities.write_text(edited)
    open_corpus(DataDir(data_dir)).close()
    assert analysed and synced == []


# --- Finding the articles a phrase is in, through the stored words ----------------------

_TEXTS = {
    "a.md": "---\ntitle: Satellite plans\ndate: 2024-05-02\n---\n"
    "Uzbek officials said Starlinks terminals would reach remote valleys next spring.\n",
    "b.md": "---\ntitle: Fibre news\ndate: 2024-06-11\n---\n"
    "A start-up will link two towns in Kyrgyzstan by fibre; 5G masts come later.\n",
    "c.md": "---\ntitle: Quiet week\ndate: 2024-07-19\n---\n"
    "Nothing about networks happened in Tajikistan this week.\n",
}


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory):
    from ca_connect.store.index import Index

    data = tmp_path_factory.mktemp("words") / "data"
    (data / "articles").mkdir(parents=True)
    for name, text in _TEXTS.items():
        (data / "articles" / name).write_text(text, encoding="utf-8")
    shutil.copy(PROJECT / "data" / "entities.yaml", data / "entities.yaml")
    index = Index(data / "index.sqlite", data / "articles", data / "entities.yaml")
    index.open()
    index.sync()
    yield index
    index.close()


@pytest.mark.parametrize(
    ("phrases", "names"),
    [
        ({"Starlinkk"}, {"a.md"}),  # folds to `starlink`; the text has a plural
        ({"fibre link"}, set()),  # `fibre` and `link` apart: the matcher finds no phrase
        ({"start"}, {"b.md"}),  # `start-up` is two words; a.md has `sta` and `tar` only
        ({"5G"}, {"b.md"}),  # shorter than a trigram: every text is read
        ({"Quantum relay"}, set()),  # no stored text holds the word: none is read
    ],
)
def test_the_stored_words_find_the_articles_holding_a_phrase(small_index, phrases, names):
    from ca_connect.store.affected import PhraseFinder, affected_names
    from ca_connect.store.schema import unpack

    db = small_index.db
    finder = PhraseFinder(phrases)
    every = {n: unpack(t) for n, t in db.execute("SELECT name, text FROM articles")}
    assert {n for n, text in every.items() if finder.found_in(text)} == names
    assert affected_names(db, phrases, fts=True) == names
    assert affected_names(db, phrases, fts=False) == names


def test_the_store_keeps_every_word_of_its_texts_by_key(small_index) -> None:
    from ca_connect.store.ingest import text_words
    from ca_connect.store.schema import unpack
    from ca_connect.tokens import word_key

    db = small_index.db
    stored = set(db.execute("SELECT key, word FROM words"))
    for (text,) in db.execute("SELECT text FROM articles"):
        title, _, body = unpack(text).partition("\0")
        assert {(word_key(w), w) for w in text_words(title, body)} <= stored
    assert ("starlink", "starlinks") not in stored  # keyed as the tagger keys it
    assert (word_key("starlinks"), "starlinks") in stored


def test_an_update_is_prepared_for_while_the_scan_runs_only_when_the_folder_moved(
    small_data_dir: Path, monkeypatch
) -> None:
    """The analysis is loaded before the folder's scan is read when the dictionary or the
    articles folder's own stat changed since the last update (a file added, removed or
    renamed); an edit in place is found by the scan alone. Either way, the same answers."""
    from ca_connect.store.index import Index

    prepared: list[bool] = []
    real = Index._prepare

    def counted(self: Index, key: str) -> None:
        prepared.append(True)
        real(self, key)

    monkeypatch.setattr(Index, "_prepare", counted)

    def titles() -> set[str]:
        corpus = open_corpus(DataDir(small_data_dir))
        try:
            return {row["title"] for row in corpus.article_rows(Filters(), "list")}
        finally:
            corpus.close()

    articles = small_data_dir / "articles"
    first = titles()
    assert len(prepared) == 1  # the first build
    assert titles() == first and len(prepared) == 1  # up to date: nothing loaded
    (articles / "zz-added.txt").write_text("Fibre for Tajikistan\n\nHuawei signed a deal.\n")
    assert titles() == {*first, "Fibre for Tajikistan"} and len(prepared) == 2
    (articles / "zz-added.txt").write_text("Cable for Tajikistan\n\nHuawei signed a deal.\n")
    assert "Cable for Tajikistan" in titles() and len(prepared) == 2  # edited in place
    (articles / ".zz-added.txt.swp").write_text("an editor's file")
    (articles / ".zz-added.txt.swp").unlink()
    assert "Cable for Tajikistan" in titles() and len(prepared) == 3  # the folder moved ...
    titles()
    assert len(prepared) == 3  # ... and its stat is recorded: not loaded again


def test_an_article_analysed_again_to_the_same_rows_keeps_them(
    small_data_dir: Path, monkeypatch
) -> None:
    """A dictionary edit that brings articles back without changing what they say (the
    bench's alias, `Starlinkk` beside `Starlink`) leaves every row of the store as it
    was: the articles' rows are compared, not deleted and inserted again."""
    import sqlite3

    from ca_connect.store import default_path
    from ca_connect.store.index import Index

    def rows() -> dict[str, list[tuple]]:
        db = sqlite3.connect(default_path(small_data_dir))
        try:
            tables = [
                name
                for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if name not in ("meta", "texts_fts")
            ]
            found = {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}
            # A file's row is written again: whether it is racy depends on when it is read.
            found["files"] = [row[:6] + row[7:] for row in found["files"]]
            return found
        finally:
            db.close()

    open_corpus(DataDir(small_data_dir)).close()
    before = rows()
    kept: list[int | None] = []
    real = Index._unchanged
    monkeypatch.setattr(
        Index, "_unchanged", lambda self, analysed: kept.append(real(self, analysed)) or kept[-1]
    )
    entities = small_data_dir / "entities.yaml"
    edited = entities.read_text().replace(
        "name: Starlink,", "name: Starlink, aliases: [Starlinkk],"
    )
    assert edited != entities.read_text()
    entities.write_text(edited)
    open_corpus(DataDir(small_data_dir)).close()
    assert kept and None not in kept  # brought back, and kept
    assert rows() == before
