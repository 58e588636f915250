"""The store: one engine on disk or in memory, kept up to date, never trusted blindly,
and never destroying a file it did not make."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals import stored as stored_deals
from ca_connect.query import build_filters
from ca_connect.store import default_path, schema
from ca_connect.store import index as index_module
from ca_connect.store import ingest as ingest_module
from ca_connect.store import questions as questions_module
from ca_connect.store import scan as scan_module
from ca_connect.vocab import Filters

from .conftest import PROJECT


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


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


def built(data: Path) -> Path:
    open_corpus(DataDir(data)).close()
    return default_path(data)


# --- On disk and in memory: the same store ------------------------------------------

COMMANDS = [
    ["timeline", "--country", "TM"],
    ["timeline", "--articles", "--format", "json"],
    ["articles", "--text", "satellite", "--format", "csv"],
    ["summary", "--since", "2025"],
    ["export", "--format", "jsonl", "--country", "TJ"],
    ["export", "--events", "--format", "csv"],
    ["partners", "--country", "TM"],
    ["show", "001_9c93090f141dfb4b"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_index_gives_the_same_output(data_dir: Path, command: list[str]) -> None:
    indexed = run(data_dir, *command)
    assert indexed[0] == 0, indexed
    assert run(data_dir, *command) == indexed  # warm
    assert run(data_dir, "--no-index", *command) == indexed
    assert (data_dir / ".caconnect" / "index.sqlite").is_file()


@pytest.mark.parametrize("look", [0, 1, 3, 10**6])
def test_the_first_rows_checked_row_by_row_then_the_rest_by_sets_are_every_row_once(
    seed_corpus, monkeypatch, look: int
) -> None:
    """`lines` reads the rows that pass among the first FIRST_LOOK in timeline order row by
    row, then the rest against sets: the same rows, in the same order, wherever the
    window ends."""
    cases = [
        {"countries": ("TM",)},
        {"countries": ("KZ", "UZ"), "stages": ("agreement",)},
        {"initiatives": ("satellite",)},
        {"languages": ("en",), "since": "2024"},
        {"text": "satellite"},
        {},
    ]
    for events in (True, False):
        for options in cases:
            if not events:
                options = {k: v for k, v in options.items() if k != "stages"}
            filters = seed_corpus.filters(**options)
            monkeypatch.setattr(questions_module, "FIRST_LOOK", 10**9)
            reference = seed_corpus.lines(filters, "timeline", events=events)
            whole = list(reference.csv() if events else reference.json())
            monkeypatch.setattr(questions_module, "FIRST_LOOK", look)
            lines = seed_corpus.lines(filters, "timeline", events=events)
            assert list(lines.csv() if events else lines.json()) == whole
            assert whole or options  # the seeds have rows for most filters


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


def test_records_come_back_whole(seed_corpus) -> None:
    """Every field of an article and its events survives the stored export record: a
    field added to a model must be added to its export record too."""
    from ca_connect.events import analyse
    from ca_connect.loader import load_articles

    dictionary = seed_corpus.dictionary
    for article in load_articles(Path(seed_corpus._index.articles)).articles:
        assert seed_corpus.get(article.id) == analyse(article, dictionary)


def test_export_rows_carry_the_schema_version_first(seed_corpus) -> None:
    from ca_connect.query import ARTICLE_SCHEMA_VERSION, EVENT_SCHEMA_VERSION

    everything = build_filters(seed_corpus.dictionary)
    articles = seed_corpus.article_rows(everything, "export")
    events = seed_corpus.event_rows(everything, "export")
    assert articles and {row["schema_version"] for row in articles} == {ARTICLE_SCHEMA_VERSION}
    assert events and {row["schema_version"] for row in events} == {EVENT_SCHEMA_VERSION}
    for view in ("export", "csv"):
        for events_too in (False, True):
            columns = seed_corpus.lines(everything, view, events=events_too).columns
            assert columns[0] == "schema_version"


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


def test_new_renamed_and_deleted_files_are_picked_up(data_dir: Path) -> None:
    writable(data_dir)
    articles = data_dir / "articles"
    assert run(data_dir, "articles")[1].count("\n") == 6
    shutil.copy(articles / "000_31d352362439dc2f.txt", articles / "new.txt")
    (articles / "001_9c93090f141dfb4b.txt").unlink()
    (articles / "003_fa4b8374434da661.txt").rename(articles / "renamed.txt")
    _, out, _ = run(data_dir, "articles")
    assert "new " in out and "renamed " in out
    assert "001_9c93090f141dfb4b" not in out and "003_fa4b8374434da661" not in out
    assert out == run(data_dir, "--no-index", "articles")[1]


def test_a_file_replaced_by_one_of_the_same_size_and_mtime_is_picked_up(data_dir: Path) -> None:
    """`cp -p`, `rsync -t`, `tar x` and `touch -r` keep an mtime: the file's inode and its
    change time (which no user can set) still differ, and the index checks them too."""
    writable(data_dir)
    articles = data_dir / "articles"
    article = articles / "000_31d352362439dc2f.txt"
    text = article.read_text()
    os.utime(article, ns=(10**18, 10**18))  # long ago: size and mtime alone are trusted
    built(data_dir)
    assert (
        "000_31d352362439dc2f" not in run(data_dir, "timeline", "--articles", "--country", "KE")[1]
    )
    other = data_dir / "edited.txt"
    other.write_text(text.replace("Turkmenistan is set", "Kenya is now set   "))
    os.utime(other, ns=(10**18, 10**18))
    os.replace(other, article)  # same name, size and mtime: another file
    _, after, _ = run(data_dir, "timeline", "--articles", "--country", "KE")
    assert "000_31d352362439dc2f" in after


def test_an_unchanged_corpus_reads_no_article(data_dir: Path, monkeypatch) -> None:
    for path in (data_dir / "articles").iterdir():  # written long ago: mtimes are trusted
        os.utime(path, ns=(10**18, 10**18))
    monkeypatch.setattr(index_module, "RACY_NS", 0)  # their change times are just now
    built(data_dir)

    def refuse(*args: object) -> None:
        raise AssertionError("an article was read")

    monkeypatch.setattr(index_module, "analyse_files", refuse)
    monkeypatch.setattr(index_module, "_read_hash", refuse)
    corpus = open_corpus(DataDir(data_dir))
    assert len(corpus.article_rows(build_filters(corpus.dictionary), "list")) == 5


def test_the_scan_begun_early_is_the_scan_a_command_would_make(data_dir: Path) -> None:
    """scan.start stats the folder in a child process while the command imports; what
    it sends is what a scan made then finds, and a failed child leaves a scan made now."""
    articles = data_dir / "articles"
    now = scan_module.scan(articles)
    scan_module.start(articles)
    early = scan_module.scan(articles)
    assert early.signature == now.signature
    assert early.files == now.files
    scan_module.start(data_dir / "no such folder")
    with pytest.raises(FileNotFoundError):  # as a scan made now fails
        scan_module.scan(data_dir / "no such folder")
    scan_module.start(articles)  # the signature the caller holds: no more is read
    known = scan_module.scan(articles, known=now.signature)
    assert known.signature == now.signature
    with pytest.raises(RuntimeError):  # read only as far as its signature
        known.files  # noqa: B018
    scan_module.start(articles)  # a scan never read (the command stopped before it) ...
    (articles / "000_31d352362439dc2f.txt").unlink()
    scan_module.start(articles)  # ... is not the next command's
    assert "000_31d352362439dc2f.txt" not in scan_module.scan(articles).files


@pytest.mark.parametrize("parallel_from", [1_000, 2])
def test_the_scan_lists_article_files_and_the_links_it_follows(
    tmp_path: Path, monkeypatch, parallel_from: int
) -> None:
    """One process or two (scan.PARALLEL_STAT_FROM), the scan holds each article file with
    its stat, and a link only when it leads to a file inside the data folder."""
    monkeypatch.setattr(scan_module, "PARALLEL_STAT_FROM", parallel_from)
    articles = tmp_path / "data" / "articles"
    articles.mkdir(parents=True)
    for name in ("b.txt", "a.md", ".hidden.txt", "notes.pdf"):
        (articles / name).write_text(name)
    (articles / "folder.txt").mkdir()
    inside = tmp_path / "data" / "archive.txt"
    inside.write_text("kept")
    (articles / "kept.txt").symlink_to(inside)
    (articles / "out.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").write_text("outside")
    (articles / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    (articles / "loop.txt").symlink_to(articles / "folder.txt")
    found = scan_module.scan(articles)
    expected = {
        name: (s.st_mtime_ns, s.st_size, s.st_ctime_ns, s.st_ino)
        for name in ("a.md", "b.txt", "kept.txt")
        for s in [os.stat(articles / name)]
    }
    assert found.files == expected
    assert list(found.files) == [n for n in os.listdir(articles) if n in expected]
    assert found.signature == scan_module.scan(articles).signature


def test_without_directory_handles_a_relative_folder_follows_its_links(
    tmp_path: Path, monkeypatch
) -> None:
    """Where stat takes no directory handle (Windows), each name is joined to the folder,
    and a link is checked at that path, not with the folder prefixed a second time."""
    monkeypatch.setattr(os, "supports_dir_fd", set())
    monkeypatch.chdir(tmp_path)
    articles = Path("data", "articles")
    articles.mkdir(parents=True)
    Path("data", "archive.txt").write_text("kept")
    (articles / "kept.txt").symlink_to(Path("..", "archive.txt"))
    (articles / "plain.txt").write_text("plain")
    assert sorted(scan_module.scan(articles).files) == ["kept.txt", "plain.txt"]


def test_a_dictionary_edit_with_the_same_files_is_seen(data_dir: Path, monkeypatch) -> None:
    """The early scan matches the stored one, the dictionary does not: the update reads
    every file's stat from the scan begun early, and scans no second time (a comment
    added: the file changed, no entry did)."""
    before = run(data_dir, "articles")
    entities = data_dir / "entities.yaml"
    entities.write_text(entities.read_text() + "# an edit that changes no entry\n")
    scans: list[Path] = []
    real = scan_module._scan_now
    monkeypatch.setattr(
        scan_module, "_scan_now", lambda folder: scans.append(folder) or real(folder)
    )
    assert run(data_dir, "articles") == before
    forked = hasattr(os, "fork") and scan_module.cores() >= 2
    assert len(scans) == (0 if forked else 1)  # in this process: the child's scan is read


def test_a_command_that_stops_before_it_reads_leaves_no_scan_to_the_next(data_dir: Path) -> None:
    writable(data_dir)
    assert run(data_dir, "partners")[0] == 2  # no --country: stops before reading
    (data_dir / "articles" / "000_31d352362439dc2f.txt").unlink()
    assert "000_31d352362439dc2f" not in run(data_dir, "articles")[1]


def test_a_warm_command_reads_no_source_of_caconnect(data_dir: Path, monkeypatch) -> None:
    """The build key hashes every source of caconnect; while their stats are the ones
    recorded beside it (scan.code_stamp), a command takes the stored key."""
    monkeypatch.setattr(scan_module, "RACY_NS", 0)  # sources edited a moment ago
    built(data_dir)
    run(data_dir, "summary")  # records the stamp beside the build key

    def refuse() -> str:
        raise AssertionError("the sources were read")

    monkeypatch.setattr(index_module, "build_key", refuse)
    assert run(data_dir, "articles")[0] == 0


def test_the_code_stamp_changes_with_any_source_and_is_not_trusted_when_recent(
    tmp_path: Path,
) -> None:
    package = tmp_path / "package"
    (package / "store").mkdir(parents=True)
    assert scan_module.code_stamp(str(package)) == ""  # no sources: no stamp
    source = package / "store" / "scan.py"
    source.write_text("KEY = 1\n")
    (package / "notes.txt").write_text("not a source")
    long_ago = 10**18
    os.utime(source, ns=(long_ago, long_ago))
    assert scan_module.code_stamp(str(package)) == ""  # its change time is just now
    scan_module.RACY_NS, racy = 0, scan_module.RACY_NS
    try:
        first = scan_module.code_stamp(str(package))
        assert first and scan_module.code_stamp(str(package)) == first
        (package / "notes.txt").write_text("still not a source")
        assert scan_module.code_stamp(str(package)) == first
        source.write_text("KEY = 2\n")  # same size; mtime set back: its ctime tells
        os.utime(source, ns=(long_ago, long_ago))
        second = scan_module.code_stamp(str(package))
        assert second != first
        (package / "store" / "new.py").write_text("")
        assert scan_module.code_stamp(str(package)) not in (first, second)
    finally:
        scan_module.RACY_NS = racy


def test_a_touched_article_loads_no_dictionary_and_relinks_no_deal(
    data_dir: Path, monkeypatch
) -> None:
    """A file saved again unchanged (new mtime, same content) is hashed, nothing more."""
    built(data_dir)
    article = data_dir / "articles" / "000_31d352362439dc2f.txt"
    os.utime(article, ns=(10**18, 10**18))

    def refuse(*args: object) -> None:
        raise AssertionError("the dictionary was loaded")

    monkeypatch.setattr(index_module.Index, "dictionary", refuse)
    monkeypatch.setattr(index_module.Index, "named_deals", refuse)
    corpus = open_corpus(DataDir(data_dir))
    assert corpus.get("000_31d352362439dc2f") is not None


@pytest.mark.slow  # a store built, then brought up to date after each of several edits
def test_a_dictionary_edit_analyses_only_the_articles_it_can_change(
    data_dir: Path, analysed_files: list[str]
) -> None:
    before = run(data_dir, "export", "--format", "jsonl")[1]
    analysed = analysed_files
    analysed.clear()  # only what the index analyses from here on
    entities = data_dir / "entities.yaml"
    entities.write_text(entities.read_text().replace("name: Starlink", "name: Starlynx"))
    _, out, _ = run(data_dir, "export", "--format", "jsonl")
    assert analysed == ["004_c790570d8809d829.txt"]  # the one article naming Starlink
    assert out != before
    assert out == run(data_dir, "--no-index", "export", "--format", "jsonl")[1]


def test_the_phrase_finder_rules_out_only_texts_the_matcher_finds_nothing_in() -> None:
    from ca_connect.store.affected import PhraseFinder
    from ca_connect.tagging.matcher import PhraseMatcher
    from ca_connect.tokens import tokenize

    phrases = ["fibre link", "Oʻzbektelekom", "satellite", "Starlink", "связь"]
    texts = [
        "Uzbektelecom and its partners lay fibre links.",  # a plural, another spelling
        "Three SATELLITES were launched.",
        "A Starlink-like service.",
        "Операторы связи подписали соглашение.",  # a Russian case form
        "Nothing to see here.",
        "",
    ]
    matcher = PhraseMatcher(((p, p) for p in phrases), proper=False, plural=True)
    finder = PhraseFinder(phrases)
    for text in texts:
        assert finder.found_in(text) == bool(matcher.find(text, tokenize(text))), text


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


def test_a_repeated_id_is_found_and_forgotten_by_an_update(data_dir: Path) -> None:
    """An update re-checks for repeated ids only the ids of the files it added, changed or
    removed: a copy hides both files, and removing it brings the first back."""
    built(data_dir)
    articles = data_dir / "articles"
    alone = run(data_dir, "export")
    assert '"000_31d352362439dc2f"' in alone[1]
    copy = articles / "000_31d352362439dc2f.md"
    copy.write_text("---\ntitle: A copy under the same id\n---\nText.\n")
    both = run(data_dir, "export")
    assert both[0] == 1 and "same article id as 000_31d352362439dc2f.md" in both[2]
    assert both == run(data_dir, "--no-index", "export")
    assert '"000_31d352362439dc2f"' not in both[1]
    copy.unlink()
    assert run(data_dir, "export") == alone == run(data_dir, "--no-index", "export")


def test_a_new_schema_rebuilds_the_index_and_reclaims_its_space(data_dir: Path) -> None:
    path = built(data_dir)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 1")  # an index of an older caconnect
    before = run(data_dir, "--no-index", "export")[1]
    assert run(data_dir, "export")[1] == before
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA freelist_count").fetchone() == (0,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_index_is_written_in_large_pages_and_an_older_one_rewritten_into_them(
    data_dir: Path,
) -> None:
    """Rows of a few kB waste a third of SQLite's default 4 kB pages: the index uses
    schema.PAGE_SIZE, and an index written with other pages gets them at its next update."""
    path = built(data_dir)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA page_size").fetchone() == (schema.PAGE_SIZE,)
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA page_size = 4096")
        db.execute("VACUUM")
        db.execute("PRAGMA journal_mode = WAL")
        assert db.execute("PRAGMA page_size").fetchone() == (4096,)
    article = data_dir / "articles" / "000_31d352362439dc2f.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    assert run(data_dir, "export")[1] == run(data_dir, "--no-index", "export")[1]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA page_size").fetchone() == (schema.PAGE_SIZE,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_deal_facts_are_kept_without_their_events_and_read_with_them_from_events(
    seed_data: Path,
) -> None:
    """Each article's deal facts are stored once, without the events `events` already
    holds: read back, they are the facts the linker makes of the article, events included
    (each event's export record holds all of the Event's fields)."""
    from ca_connect.deals.pipeline import facts_of
    from ca_connect.deals.store import FACTS_DIGEST, DealStore
    from ca_connect.models import Event
    from ca_connect.query import event_record

    path = built(seed_data)
    corpus = open_corpus(DataDir(seed_data))
    try:
        articles = corpus.select(Filters())
        expected = {f.id: f for f in facts_of(articles)}
    finally:
        corpus.close()
    events = [event for article in articles for event in article.events]
    assert events
    for event in events:
        fields = event_record(event)
        del fields["schema_version"]
        assert fields == event.model_dump(mode="json")
        assert Event.model_validate_json(json.dumps(fields)) == event
    with sqlite3.connect(path) as db:
        for (data,) in db.execute("SELECT data FROM deal_facts"):
            assert '"events": []' in stored_deals.unpack(data[FACTS_DIGEST:])

        def records(num: int) -> list[tuple[int, str]]:
            rows = db.execute("SELECT number, record FROM events WHERE num = ?", (num,))
            return sorted((number, schema.unpack(record)) for number, record in rows)

        stored = {f.id: f for f in DealStore(db, records).all_facts()}
    assert stored == expected


def test_rows_are_made_from_the_stored_record_and_only_csv_lines_are_kept_ready(
    seed_data: Path,
) -> None:
    """The store keeps each article's and event's export record, and of the views only
    the CSV lines: a JSON row printed is the one made from the record as it streams."""
    from ca_connect.query import EVENT_FROM_RECORD, FROM_RECORD

    path = built(seed_data)
    with sqlite3.connect(path) as db:
        for table in ("articles", "events"):
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            assert "record" in columns
            assert not [c for c in columns if c.endswith("_json")], columns
        tag_columns = [row[1] for row in db.execute("PRAGMA table_info(tags)")]
        assert "name" not in tag_columns  # an organisation's name once: organization_names
        # An article's deal keys are kept with its facts, not found through an index.
        assert not db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'deal_keys'"
        ).fetchall()
        kept = {
            (key, article)
            for article, keys in db.execute("SELECT article, keys FROM deal_facts")
            for key in json.loads(stored_deals.unpack(keys))
        }
        assert kept and kept == set(db.execute("SELECT key, article FROM deal_keys"))
    events = [json.loads(line) for line in run(seed_data, "export", "--events")[1].splitlines()]
    printed = run(seed_data, "timeline", "--format", "jsonl")[1].splitlines()
    assert printed == [
        json.dumps(EVENT_FROM_RECORD["timeline"](record), ensure_ascii=False) for record in events
    ]
    articles = [json.loads(line) for line in run(seed_data, "export")[1].splitlines()]
    listed = run(seed_data, "articles", "--format", "jsonl")[1].splitlines()
    assert listed == [
        json.dumps(FROM_RECORD["list"](record), ensure_ascii=False) for record in articles
    ]


def test_an_update_that_wrote_much_of_the_store_is_followed_by_vacuum(data_dir: Path) -> None:
    """Rows stored in no particular order leave pages part empty (at 20,000 generated
    articles a first build was 213 MB, 206 MB once vacuumed): an update that analysed a
    quarter of the files or more (the first build, a rebuild) is followed by VACUUM; a
    small one is not."""

    def statements_of_a_sync() -> list[str]:
        store = index_module.Index(
            default_path(data_dir), data_dir / "articles", data_dir / "entities.yaml"
        )
        store.open()
        seen: list[str] = []
        store.db.set_trace_callback(seen.append)
        store.sync()
        store.close()
        return seen

    assert "VACUUM" in statements_of_a_sync()  # the first build
    articles = sorted((data_dir / "articles").iterdir())
    assert len(articles) * index_module.RECLAIM_FROM > 1
    articles[0].write_text(articles[0].read_text("utf-8") + "\nOne more line.\n", "utf-8")
    assert "VACUUM" not in statements_of_a_sync()  # one article of five


def test_the_index_is_read_through_a_memory_map(seed_data: Path) -> None:
    corpus = open_corpus(DataDir(seed_data))
    try:
        (size,) = corpus._index.db.execute("PRAGMA mmap_size").fetchone()
        # Small enough that a whole export stays in bounded memory (README).
        assert 0 < size <= 64 << 20
    finally:
        corpus.close()


# --- Never trusted, never destroying ------------------------------------------------


@pytest.mark.parametrize("kind", ["article", "dictionary", "text", "random bytes"])
def test_a_file_that_is_not_our_index_is_a_usage_error_and_left_alone(
    data_dir: Path, tmp_path: Path, kind: str
) -> None:
    target = {
        "article": data_dir / "articles" / "000_31d352362439dc2f.txt",
        "dictionary": data_dir / "entities.yaml",
        "text": tmp_path / "notes.txt",
        "random bytes": tmp_path / "blob.bin",
    }[kind]
    if kind == "text":
        target.write_text("my notes\n")
    if kind == "random bytes":
        target.write_bytes(os.urandom(5000))
    before = target.read_bytes()
    code, out, err = run(data_dir, "--index", str(target), "summary")
    assert code == 2 and out == ""
    assert err.startswith("Error: ") and str(target) in err and err.count("\n") == 1
    assert target.read_bytes() == before
    assert not Path(f"{target}-wal").exists()


def test_another_programs_database_is_a_usage_error(data_dir: Path, tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.sqlite"
    with sqlite3.connect(theirs) as db:
        db.execute("CREATE TABLE precious (x)")
        db.execute("INSERT INTO precious VALUES (42)")
    code, _, err = run(data_dir, "--index", str(theirs), "summary")
    assert code == 2 and "another program's SQLite database" in err
    with sqlite3.connect(theirs) as db:
        assert db.execute("SELECT x FROM precious").fetchall() == [(42,)]


def test_no_index_is_written_inside_the_articles_folder(data_dir: Path) -> None:
    inside = data_dir / "articles" / "index.sqlite"
    code, _, err = run(data_dir, "--index", str(inside), "summary")
    assert code == 2 and "inside the articles folder" in err
    assert not inside.exists()


def test_our_damaged_index_is_rebuilt(data_dir: Path) -> None:
    path = built(data_dir)
    data = bytearray(path.read_bytes())
    data[4096 * 3 :] = os.urandom(len(data) - 4096 * 3)  # everything after the third page
    path.write_bytes(bytes(data))
    code, out, err = run(data_dir, "export")
    assert code == 0 and "rebuilt it" in err
    assert out == run(data_dir, "--no-index", "export")[1]
    assert run(data_dir, "export") == (0, out, "")


def test_our_truncated_index_is_rebuilt(data_dir: Path) -> None:
    path = built(data_dir)
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)
    code, out, err = run(data_dir, "export", "--format", "csv")
    assert code == 0 and "rebuilt it" in err
    assert out == run(data_dir, "--no-index", "export", "--format", "csv")[1]


def test_a_locked_index_answers_from_memory(data_dir: Path, monkeypatch) -> None:
    path = built(data_dir)
    (data_dir / "articles" / "000_31d352362439dc2f.txt").chmod(0o644)
    (data_dir / "articles" / "000_31d352362439dc2f.txt").write_text("Uzbekistan news\nText.\n")
    monkeypatch.setattr(index_module, "BUSY_TIMEOUT", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another command writing, for longer than we wait
    try:
        corpus = open_corpus(DataDir(data_dir))
        assert corpus.in_memory
        assert "answering from the files" in corpus.warnings[-1]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not open_corpus(DataDir(data_dir)).in_memory


def test_an_index_that_cannot_be_made_answers_from_memory(data_dir: Path) -> None:
    blocker = data_dir / "not-a-folder"
    blocker.write_text("")
    code, out, err = run(data_dir, "--index", str(blocker / "index.sqlite"), "summary")
    assert code == 0 and "answering from the files" in err
    assert out == run(data_dir, "--no-index", "summary")[1]


# --- Full text ----------------------------------------------------------------------


@pytest.mark.parametrize("needle", ["Turkmen", "urkmenistan’s", 'said "', "TE", "é", "x" * 40])
def test_full_text_search_and_its_fallback_agree(
    seed_data: Path, tmp_path: Path, monkeypatch, needle: str
) -> None:
    data = tmp_path / "data"
    shutil.copytree(seed_data, data)
    (data / "articles" / "extra.txt").write_text(
        'Straße to Turkmenistan’s É-government, said "x"\n'
    )
    with_fts = open_corpus(DataDir(data), use_index=False)
    monkeypatch.setattr(index_module, "USE_FTS", False)
    without = open_corpus(DataDir(data), use_index=False)
    assert with_fts._index.fts() and not without._index.fts()
    filters = build_filters(with_fts.dictionary, text=needle)
    found = [row["id"] for row in with_fts.article_rows(filters, "list")]
    assert [row["id"] for row in without.article_rows(filters, "list")] == found
    every = without.article_rows(build_filters(with_fts.dictionary), "list")
    expected = [
        row["id"]
        for row in every
        if needle.casefold() in Path(row["path"]).read_text(encoding="utf-8").casefold()
    ]
    assert found == expected


# --- Worker processes -----------------------------------------------------------------


@pytest.mark.slow  # a generated corpus of 150 articles, analysed by a pool
def test_a_pool_of_workers_gives_the_same_store(tmp_path: Path, monkeypatch) -> None:
    data = generate(tmp_path / "generated", 150)
    alone = run(data, "--no-index", "export", "--events", "--format", "csv")
    monkeypatch.setattr(ingest_module, "cores", lambda: 2)
    monkeypatch.setattr(ingest_module, "PARALLEL_FROM", 40)
    monkeypatch.setattr(ingest_module, "CHUNK", 16)
    assert run(data, "export", "--events", "--format", "csv") == alone


_INGEST = """
import sys
from ca_connect.store import ingest
ingest.PARALLEL_FROM, ingest.CHUNK, ingest.cores = 1, 1, lambda: 2
from ca_connect.cli import cli
cli(["--data", sys.argv[1], "summary"])
"""


def _workers(parent: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")


def _start_ingest(tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    # Enough articles that the analysis outlasts the interrupt: with 400, a faster machine
    # once ended the ingest first (exit 0, session 9).
    data = generate(tmp_path / "generated", 1200)
    process = subprocess.Popen(
        [sys.executable, "-c", _INGEST, str(data)],
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while len(workers := _workers(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) >= 2, "no worker processes started"
    return process, workers


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pgrep and /proc")
def test_workers_exit_when_the_command_is_killed(tmp_path: Path) -> None:
    process, workers = _start_ingest(tmp_path)
    process.kill()
    process.wait()
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pgrep and /proc")
def test_ctrl_c_stops_the_workers_at_once_with_exit_130(tmp_path: Path) -> None:
    process, workers = _start_ingest(tmp_path)
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=10)
    assert process.returncode == 130 and b"Interrupted." in err and b"Traceback" not in err
    assert time.monotonic() - started < 3
    assert not any(map(_alive, workers))


@pytest.mark.slow  # three processes building one index of 120 generated articles
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
    assert outputs[0].decode() == run(data, "--no-index", "export")[1]


# --- Start-up and the read path ---------------------------------------------------------

# `python -m ca_connect` as it runs, but for its exit (it would leave before the report).
_PROBE = """
import sys
sys.argv = ['caconnect', *sys.argv[1:]]
from ca_connect.__main__ import run
run()
heavy = [m for m in ('dateparser', 'ca_connect.tagging.tagger', 'ca_connect.models', 'pydantic',
                     'yaml', 'rich', 'ca_connect.dates', 'ca_connect.events',
                     'ca_connect.deals.store', 'ca_connect.store.ingest',
                     'ca_connect.store.affected', 'ca_connect.dictionary')
         if m in sys.modules]
print(heavy, file=sys.stderr)
"""


def _imported(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("option", ["--help", "--version"])
def test_help_and_version_import_no_heavy_module(option: str) -> None:
    assert _imported(option) == "[]"


@pytest.mark.slow  # a fresh interpreter per command
def test_a_warm_read_imports_no_model_parser_or_rich(seed_data: Path, tmp_path: Path) -> None:
    """The deferred imports of cli.py and query.py keep the read path light: a warm
    `timeline --format csv` needs neither pydantic, nor dateparser, nor rich; nor the
    ingest, nor the name matching (`--country TM` is a code)."""
    index = tmp_path / "read.sqlite"
    args = ["--data", str(seed_data), "--index", str(index), "timeline", "--country", "TM"]
    _imported(*args)  # builds the index
    assert _imported(*args, "--format", "csv") == "[]"
    assert _imported(*args) == "[]"  # a table, piped: streamed as plain text
    show = ["--data", str(seed_data), "--index", str(index), "show", "004_c790570d8809d829"]
    assert _imported(*show, "--format", "json") == "[]"  # the stored record


@pytest.mark.slow  # a fresh interpreter
def test_the_models_build_their_validators_when_first_used() -> None:
    """models.py's pydantic models defer their build (README: one added article): an
    import builds none, a validation builds what it uses."""
    probe = (
        "import pydantic, ca_connect.models as m\n"
        "models = [v for v in vars(m).values() if isinstance(v, type) "
        "and issubclass(v, pydantic.BaseModel) and v.__module__ == m.__name__]\n"
        "print(sum(v.__pydantic_complete__ for v in models), len(models))\n"
        "m.PartialDate.parse('2025-03')\n"
        "print(m.PartialDate.__pydantic_complete__, m.EntityDictionary.__pydantic_complete__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    built, then = result.stdout.splitlines()
    assert built.split()[0] == "0" and int(built.split()[1]) > 10
    assert then == "True False"


@pytest.mark.slow  # a fresh interpreter per command
def test_warm_deal_reads_load_neither_the_linker_nor_the_event_reader(
    seed_data: Path, tmp_path: Path
) -> None:
    """`deals` lists the stored summaries without a model; `deal ID` reads one stored
    record as JSON data: neither pydantic, the linker (deals.store) nor the event reader."""
    index = tmp_path / "read.sqlite"
    base = [sys.executable, "-m", "ca_connect", "--data", str(seed_data), "--index", str(index)]
    listing = subprocess.run(
        [*base, "deals", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    deal_id = json.loads(listing.stdout)[0]["id"]
    args = ["--data", str(seed_data), "--index", str(index)]
    assert _imported(*args, "deals") == "[]"
    assert _imported(*args, "deals", "--format", "csv") == "[]"
    assert _imported(*args, "deal", deal_id, "--format", "json") == "[]"
    assert _imported(*args, "deal", deal_id) == "[]"  # plain text, piped


def test_the_readme_python_api_example_runs(seed_data: Path, monkeypatch) -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API\n", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(seed_data.parent)  # its `data` folder is a copy of the project's
    exec(compile(code, "README.md", "exec"), {})


def test_the_store_names_the_named_deals_file_as_the_deals_do(tmp_path: Path) -> None:
    from ca_connect.deals.named import deals_path

    assert deals_path(tmp_path) == tmp_path / index_module.NAMED_DEALS_FILE


def test_the_summary_of_everything_is_kept_until_the_next_change(data_dir: Path) -> None:
    writable(data_dir)
    first = run(data_dir, "summary", "--format", "json")
    with sqlite3.connect(default_path(data_dir)) as db:
        assert db.execute("SELECT 1 FROM meta WHERE key = 'summary'").fetchone()
    (data_dir / "articles" / "001_9c93090f141dfb4b.txt").unlink()
    after = run(data_dir, "summary", "--format", "json")
    assert after != first
    assert after == run(data_dir, "--no-index", "summary", "--format", "json")


def test_the_partners_of_countries_are_kept_until_the_next_change(data_dir: Path) -> None:
    """`partners --country` alone is answered from meta after its first time; any other
    filter, and the first time after a change, is counted in SQL."""
    writable(data_dir)
    first = run(data_dir, "partners", "--country", "TM", "--format", "json")
    assert run(data_dir, "partners", "--country", "TM", "--since", "2020")[0] == 0
    with sqlite3.connect(default_path(data_dir)) as db:
        kept = [key for (key,) in db.execute("SELECT key FROM meta WHERE key LIKE 'partners:%'")]
    assert kept == ["partners:TM"]
    assert run(data_dir, "partners", "--country", "TM", "--format", "json") == first
    (data_dir / "articles" / "000_31d352362439dc2f.txt").unlink()
    after = run(data_dir, "partners", "--country", "TM", "--format", "json")
    assert after != first
    assert after == run(data_dir, "--no-index", "partners", "--country", "TM", "--format", "json")
