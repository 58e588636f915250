"""The on-disk index: the same answers as the files, kept up to date, never trusted blindly."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect import index as index_module
from ca_connect.cli import cli
from ca_connect.corpus import DataDir, IndexedCorpus, MemoryCorpus, open_corpus
from ca_connect.index import Index, default_path
from ca_connect.query import ARTICLE_VIEWS, EVENT_VIEWS, build_filters

from .conftest import PROJECT

QUERIES = [
    {},
    {"countries": ["TM"]},
    {"countries": ["TJ", "kazakhstan"], "initiatives": ["satellite", "fiber"]},
    {"organizations": ["huawei"]},
    {"since": "2024", "until": "2026-02"},
    {"until": "2025-03"},
    {"text": "Starlink"},
    {"text": "de"},  # shorter than a trigram
    {"text": "FIBER-optic"},
    {"stages": ["agreement", "talks"]},
    {"partners": ["China"]},
    {"countries": ["UZ"], "stages": ["plan"], "since": "2020"},
]


def same_answers(data: Path) -> None:
    """Every question gets the same answer from the index as from the files."""
    indexed = open_corpus(DataDir(data))
    memory = open_corpus(DataDir(data), use_index=False)
    assert isinstance(indexed, IndexedCorpus) and isinstance(memory, MemoryCorpus)
    assert [str(e) for e in indexed.errors] == [str(e) for e in memory.errors]
    assert indexed.dictionary == memory.dictionary
    for query in QUERIES:
        filters = build_filters(memory.dictionary, **query)
        assert indexed.select(filters) == memory.select(filters), query
        assert indexed.events(filters) == memory.events(filters), query
        assert indexed.summary(filters) == memory.summary(filters), query
        for view in ARTICLE_VIEWS:
            assert indexed.article_rows(filters, view) == memory.article_rows(filters, view)
        for view in EVENT_VIEWS:
            assert indexed.event_rows(filters, view) == memory.event_rows(filters, view)
    for article in memory.articles:
        assert indexed.get(article.id) == article
    assert indexed.get("no-such-article") is None
    indexed.close()


def generate(folder: Path, count: int) -> Path:
    """A synthetic corpus written by the benchmark's generator."""
    spec = importlib.util.spec_from_file_location("generate", PROJECT / "bench" / "generate.py")
    assert spec and spec.loader
    module = sys.modules.setdefault("generate", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module.generate(folder, count, seed=7, entities=PROJECT / "data" / "entities.yaml")


def writable(data: Path) -> Path:
    for path in (data / "articles").iterdir():
        path.chmod(0o644)
    return data


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


# --- The same answers ----------------------------------------------------------------


def test_index_and_files_answer_alike_on_the_seeds(data_dir: Path) -> None:
    same_answers(data_dir)


@pytest.mark.slow  # a generated corpus of 100+ articles
def test_index_and_files_answer_alike_on_a_generated_corpus(tmp_path: Path) -> None:
    data = generate(tmp_path / "generated", 200)
    (data / "articles" / "000005_bad.txt").write_bytes(b"\x00\x01binary")
    shutil.copy(next((data / "articles").glob("*.txt")), data / "articles" / "000001_x.md")
    same_answers(data)


COMMANDS = [
    ["timeline", "--country", "TM"],
    ["timeline", "--articles", "--format", "json"],
    ["timeline", "--stage", "agreement", "--format", "csv"],
    ["articles", "--text", "satellite"],
    ["summary", "--format", "json"],
    ["summary", "--since", "2025"],
    ["export", "--format", "csv"],
    ["export", "--format", "jsonl", "--country", "TJ"],
    ["export", "--events", "--format", "json"],
    ["partners", "--country", "TM"],
    ["show", "004_c790570d8809d829", "--format", "json"],
    ["show", "001_9c93090f141dfb4b"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_index_gives_the_same_output(data_dir: Path, command: list[str]) -> None:
    indexed = run(data_dir, *command)
    assert indexed[0] == 0, indexed
    assert run(data_dir, *command) == indexed  # warm
    assert run(data_dir, "--no-index", *command) == indexed
    assert (data_dir / ".caconnect" / "index.sqlite").is_file()


def test_no_index_does_not_create_one(data_dir: Path) -> None:
    assert run(data_dir, "--no-index", "summary")[0] == 0
    assert not (data_dir / ".caconnect").exists()


def test_index_option_and_environment_choose_the_file(data_dir: Path, tmp_path: Path) -> None:
    there = tmp_path / "elsewhere" / "my.sqlite"
    assert run(data_dir, "--index", str(there), "summary")[0] == 0
    assert there.is_file() and not (data_dir / ".caconnect").exists()
    from_env = tmp_path / "env.sqlite"
    result = CliRunner().invoke(
        cli, ["--data", str(data_dir), "summary"], env={"CACONNECT_INDEX": str(from_env)}
    )
    assert result.exit_code == 0 and from_env.is_file()


def test_the_index_never_writes_articles(data_dir: Path) -> None:
    before = {p.name: p.read_bytes() for p in (data_dir / "articles").iterdir()}
    assert run(data_dir, "export")[0] == 0
    assert {p.name: p.read_bytes() for p in (data_dir / "articles").iterdir()} == before


# --- Kept up to date -------------------------------------------------------------------


def test_an_edited_article_is_picked_up(data_dir: Path) -> None:
    writable(data_dir)
    _, before, _ = run(data_dir, "timeline", "--articles", "--country", "KE")
    assert "000_31d352362439dc2f" not in before
    article = data_dir / "articles" / "000_31d352362439dc2f.txt"
    text = article.read_text()
    # Same size and (most likely) the same mtime tick: only the racy check sees it.
    article.write_text(text.replace("Turkmenistan is set", "Kenya is now set   "))
    assert len(article.read_bytes()) == len(text.encode())
    _, after, _ = run(data_dir, "timeline", "--articles", "--country", "KE")
    assert "000_31d352362439dc2f" in after
    os.utime(article, ns=(1, 1))  # an old mtime: the index now trusts size and mtime
    run(data_dir, "summary")
    article.write_text(text)
    os.utime(article, ns=(2, 2))
    _, again, _ = run(data_dir, "timeline", "--articles", "--country", "KE")
    assert "000_31d352362439dc2f" not in again


def test_new_and_deleted_files_are_picked_up(data_dir: Path) -> None:
    writable(data_dir)
    assert run(data_dir, "articles")[1].count("\n") == 6
    shutil.copy(
        data_dir / "articles" / "000_31d352362439dc2f.txt", data_dir / "articles" / "new.txt"
    )
    (data_dir / "articles" / "001_9c93090f141dfb4b.txt").unlink()
    _, out, _ = run(data_dir, "articles")
    assert "new " in out and "001_9c93090f141dfb4b" not in out
    same_answers(data_dir)


def test_an_unchanged_corpus_reads_no_article(data_dir: Path, monkeypatch) -> None:
    for path in (data_dir / "articles").iterdir():  # written long ago: mtimes are trusted
        os.utime(path, ns=(10**18, 10**18))
    open_corpus(DataDir(data_dir)).close()

    def refuse(*args: object) -> None:
        raise AssertionError("an article was read")

    monkeypatch.setattr(index_module, "analyse_file", refuse)
    monkeypatch.setattr(index_module, "_read_hash", refuse)
    corpus = open_corpus(DataDir(data_dir))
    assert isinstance(corpus, IndexedCorpus)
    assert len(corpus.article_rows(build_filters(corpus.dictionary), "list")) == 5


def test_a_changed_dictionary_retags_everything(data_dir: Path) -> None:
    _, before, _ = run(data_dir, "timeline", "--articles", "--org", "starlink")
    assert "004_c790570d8809d829" in before
    entities = data_dir / "entities.yaml"
    text = entities.read_text()
    entities.write_text(text.replace("name: Starlink", "name: Starlynx"))
    same_answers(data_dir)
    _, after, _ = run(data_dir, "articles", "--format", "json")
    memory = run(data_dir, "--no-index", "articles", "--format", "json")[1]
    assert after == memory


def test_a_broken_dictionary_is_an_error_with_or_without_the_index(data_dir: Path) -> None:
    run(data_dir, "summary")
    (data_dir / "entities.yaml").write_text("countries: [oops")
    indexed = run(data_dir, "summary")
    assert indexed[0] == 1 and indexed[2].startswith("Error: ")
    assert run(data_dir, "--no-index", "summary") == indexed


def test_load_errors_are_reported_warm_and_cold(data_dir: Path) -> None:
    (data_dir / "articles" / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n")
    (data_dir / "articles" / "000_31d352362439dc2f.md").write_text(
        "---\ntitle: Same id\n---\nText.\n"
    )
    cold = run(data_dir, "summary")
    assert cold[0] == 1
    assert "bad.md" in cold[2] and "same article id as 000_31d352362439dc2f.md" in cold[2]
    assert run(data_dir, "summary") == cold
    assert run(data_dir, "--no-index", "summary") == cold


def test_a_new_schema_rebuilds_the_index(data_dir: Path, monkeypatch) -> None:
    open_corpus(DataDir(data_dir)).close()
    path = default_path(data_dir)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'x' WHERE key = 'dictionary_json'")
    monkeypatch.setattr(index_module, "SCHEMA_VERSION", index_module.SCHEMA_VERSION + 1)
    same_answers(data_dir)  # a stale stored dictionary would not even parse


# --- Never trusted -------------------------------------------------------------------


def built(data: Path) -> Path:
    open_corpus(DataDir(data)).close()
    return default_path(data)


def test_a_garbage_index_is_rebuilt(data_dir: Path) -> None:
    path = built(data_dir)
    path.write_bytes(os.urandom(5000))
    code, out, err = run(data_dir, "summary")
    assert code == 0 and "unusable" in err
    assert run(data_dir, "summary") == (0, out, "")
    assert out == run(data_dir, "--no-index", "summary")[1]


def test_a_damaged_page_is_rebuilt(data_dir: Path) -> None:
    path = built(data_dir)
    data = bytearray(path.read_bytes())
    data[4096 * 3 :] = os.urandom(len(data) - 4096 * 3)  # everything after the third page
    path.write_bytes(bytes(data))
    code, out, err = run(data_dir, "export")
    assert code == 0 and "rebuilt it" in err
    assert out == run(data_dir, "--no-index", "export")[1]
    assert run(data_dir, "export") == (0, out, "")


def test_a_truncated_index_is_rebuilt(data_dir: Path) -> None:
    path = built(data_dir)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)
    code, out, err = run(data_dir, "export", "--format", "csv")
    assert code == 0 and "unusable" in err
    assert out == run(data_dir, "--no-index", "export", "--format", "csv")[1]


def test_another_programs_database_is_moved_aside(data_dir: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.sqlite"
    with sqlite3.connect(theirs) as db:
        db.execute("CREATE TABLE precious (x)")
        db.execute("INSERT INTO precious VALUES (42)")
    code, _, err = run(data_dir, "--index", str(theirs), "summary")
    assert code == 0 and "another program" in err
    with sqlite3.connect(tmp_path / "theirs.sqlite.not-an-index") as db:
        assert db.execute("SELECT x FROM precious").fetchall() == [(42,)]


def test_a_locked_index_answers_from_the_files(data_dir: Path, monkeypatch) -> None:
    path = built(data_dir)
    (data_dir / "articles" / "000_31d352362439dc2f.txt").chmod(0o644)
    (data_dir / "articles" / "000_31d352362439dc2f.txt").write_text("Uzbekistan news\nText.\n")
    monkeypatch.setattr(index_module, "BUSY_TIMEOUT", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another command writing, for longer than we wait
    try:
        corpus = open_corpus(DataDir(data_dir))
        assert isinstance(corpus, MemoryCorpus)
        assert "answering from the files" in corpus.warnings[-1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert isinstance(open_corpus(DataDir(data_dir)), IndexedCorpus)


def test_an_index_that_cannot_be_made_answers_from_the_files(data_dir: Path) -> None:
    blocker = data_dir / "not-a-folder"
    blocker.write_text("")
    code, out, err = run(data_dir, "--index", str(blocker / "index.sqlite"), "summary")
    assert code == 0 and "answering from the files" in err
    assert out == run(data_dir, "--no-index", "summary")[1]


@pytest.mark.slow  # a generated corpus of 100+ articles
def test_two_commands_at_once_build_one_good_index(tmp_path: Path) -> None:
    data = generate(tmp_path / "generated", 120)
    command = [sys.executable, "-m", "ca_connect", "--data", str(data), "export"]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT)}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, env=environment) for _ in range(3)]
    outputs = [process.communicate(timeout=120)[0] for process in runs]
    assert [process.returncode for process in runs] == [0, 0, 0]
    assert outputs[0] == outputs[1] == outputs[2]
    with sqlite3.connect(default_path(data)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (120,)
    same_answers(data)


@pytest.mark.slow  # a generated corpus of 100+ articles
def test_many_files_are_analysed_and_scanned_on_every_core(tmp_path: Path, monkeypatch) -> None:
    data = generate(tmp_path / "generated", 150)
    monkeypatch.setattr(index_module, "_cores", lambda: 2)
    monkeypatch.setattr(index_module, "PARALLEL_FROM", 40)  # a pool of processes
    monkeypatch.setattr(index_module, "CHUNK", 16)
    monkeypatch.setattr(index_module, "PARALLEL_STAT_FROM", 10)  # a forked stat
    folder = data / "articles"
    names = sorted(os.listdir(folder))
    assert index_module._stat_all(folder, names) == [
        index_module._regular(str(folder / name)) for name in names
    ]
    same_answers(data)


def test_a_long_ingest_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:
    import io

    from ca_connect.output import progress_bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    with progress_bar(io.StringIO(), "Indexing") as progress:
        assert progress is None
    terminal = Terminal()
    with progress_bar(terminal, "Indexing", at_least=10) as progress:
        assert progress is not None
        progress(5, 20)
        progress(20, 20)
    assert "Indexing" in terminal.getvalue()
    quiet = Terminal()
    with progress_bar(quiet, "Indexing", at_least=10) as progress:
        assert progress is not None
        progress(3, 3)  # little work: no bar
    assert quiet.getvalue() == ""


# --- Full text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "needle",
    ["Turkmen", "urkmenistan’s", 'said "', "TE", "é", "Starlink satellite", "x" * 40, "fiber op"],
)
def test_full_text_search_and_its_fallback_agree(tmp_path: Path, monkeypatch, needle: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data" / "articles", data / "articles")
    shutil.copy(PROJECT / "data" / "entities.yaml", data / "entities.yaml")
    (data / "articles" / "extra.txt").write_text(
        'Straße to Turkmenistan’s É-government, said "x"\n'
    )
    with_fts = open_corpus(DataDir(data), index=tmp_path / "fts.sqlite")
    monkeypatch.setattr(index_module, "USE_FTS", False)
    without = open_corpus(DataDir(data), index=tmp_path / "plain.sqlite")
    memory = open_corpus(DataDir(data), use_index=False)
    assert with_fts._index._fts() and not without._index._fts()  # type: ignore[union-attr]
    filters = build_filters(memory.dictionary, text=needle)
    expected = memory.article_rows(filters, "list")
    assert with_fts.article_rows(filters, "list") == expected
    assert without.article_rows(filters, "list") == expected


# --- Start-up -----------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_import_no_heavy_module(option: str) -> None:
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['caconnect', '{option}']\n"
        "try:\n    runpy.run_module('ca_connect', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = [m for m in ('dateparser', 'ca_connect.extractor', 'ca_connect.models', "
        "'pydantic', 'sqlite3', 'yaml') if m in sys.modules]\n"
        "print(heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_index_file_is_a_caconnect_index(data_dir: Path) -> None:
    path = built(data_dir)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (index_module.APPLICATION_ID,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    assert {"build", "dictionary", "folder", "scan", "dictionary_json"} <= set(meta)
    assert json.loads(meta["dictionary_json"])["countries"]
    Index(path, data_dir / "articles", data_dir / "entities.yaml").close()
