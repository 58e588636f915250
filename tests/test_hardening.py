"""Hostile and careless input (issue 12): nothing caconnect writes destroys a file, no
input hangs it, every error is one short line, and tables fit an 80-column terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from ca_connect.cli import cli
from ca_connect.dictionary import parse_dictionary
from ca_connect.errors import AddError, ArticleError, DictionaryError, shown
from ca_connect.loader import load_article, load_articles
from ca_connect.maintain.add import Adder, draft
from ca_connect.output import render, render_table
from ca_connect.spans import Spans
from ca_connect.tables import lay_out
from ca_connect.tokens import MAX_SENTENCE, sentence_spans

PROJECT = Path(__file__).resolve().parent.parent
STORY = (
    "Kyrgyzstan and Tajikistan plan a shared fibre backbone\n"
    "BISHKEK, 2 June 2025. Kyrgyztelecom and Tajiktelecom signed a memorandum on a fibre "
    "link across the Fergana valley, the operators said on Monday.\n"
)


def run(data: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args], env=env, prog_name="caconnect")
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and ".caconnect" not in path.parts
    }


# --- 2. export -o never overwrites the corpus's own files -------------------------


@pytest.mark.parametrize(
    ("target", "what"),
    [
        ("entities.yaml", "that is the entity dictionary: refusing to overwrite it"),
        ("deals.yaml", "that is the deals list: refusing to overwrite it"),
        ("articles/004_c790570d8809d829.txt", "refusing to write inside the articles folder"),
        ("articles/new.csv", "refusing to write inside the articles folder"),
        (".caconnect/index.sqlite", "refusing to write inside caconnect's own folder"),
        (".caconnect/other.csv", "refusing to write inside caconnect's own folder"),
    ],
)
def test_export_refuses_the_corpus_files(small_data_dir: Path, target: str, what: str) -> None:
    (small_data_dir / "deals.yaml").write_text("deals: []\n")
    run(small_data_dir, "articles")  # builds the index
    before = snapshot(small_data_dir)
    output = small_data_dir / target
    for force in ([], ["--force"]):
        code, out, err = run(small_data_dir, "export", "-o", str(output), *force)
        assert (code, out, err) == (2, "", f"Error: --output {output}: {what}\n")
    assert snapshot(small_data_dir) == before


def test_export_refuses_the_index_named_by_option_and_a_link_to_the_dictionary(
    small_data_dir: Path, tmp_path: Path
) -> None:
    index = tmp_path / "my.index"
    run(small_data_dir, "--index", str(index), "articles")
    saved = index.read_bytes()
    code, _, err = run(small_data_dir, "--index", str(index), "export", "-o", str(index))
    assert (code, err) == (
        2,
        f"Error: --output {index}: that is the index: refusing to overwrite it\n",
    )
    assert index.read_bytes() == saved
    link = tmp_path / "link.yaml"
    link.symlink_to(small_data_dir / "entities.yaml")
    code, _, err = run(small_data_dir, "export", "-o", str(link), "--force")
    assert code == 2 and "the entity dictionary" in err


def test_an_existing_file_is_replaced_only_with_force(small_data_dir: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    output.write_text("my notes\n")
    code, _, err = run(small_data_dir, "export", "-o", str(output))
    assert (code, err) == (
        2,
        f"Error: --output {output}: the file exists: give --force to replace it\n",
    )
    assert output.read_text() == "my notes\n"
    code, _, err = run(small_data_dir, "export", "-o", str(output), "--force")
    assert (code, err) == (0, "")
    assert len(output.read_text().splitlines()) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "small"]  # no temporary
    code, _, _ = run(small_data_dir, "articles", "-o", str(output))  # every -o: the same rule
    assert code == 2


def test_output_to_a_folder_is_one_usage_line(small_data_dir: Path, tmp_path: Path) -> None:
    code, _, err = run(small_data_dir, "export", "-o", str(tmp_path))
    assert (code, err) == (2, f"Error: --output {tmp_path}: that is a folder: give a file name\n")


# --- 3. size limit, and time linear in an article's length ------------------------

SIZE_ERROR = (
    "{path}: {size} is over the {limit} limit for one article; split it or raise --max-article-size"
)


@pytest.mark.slow  # writes and scans files over the size limit, twice
@pytest.mark.parametrize("index", [[], ["--no-index"]])
def test_an_article_over_the_size_limit_is_skipped_and_named(
    small_data_dir: Path, index: list[str]
) -> None:
    big = small_data_dir / "articles" / "big.txt"
    big.write_text("Fibre in Uzbekistan.\n" * 3000)  # 63 kB
    code, out, err = run(small_data_dir, *index, "--max-article-size", "0.05", "articles")
    assert code == 1
    assert err == "Error: " + SIZE_ERROR.format(path=big, size="0.063 MB", limit="0.05 MB") + "\n"
    assert len(out.splitlines()) == 6  # header + the five seeds
    code, out, err = run(small_data_dir, *index, "articles")  # under the default 5 MB: read
    assert (code, err) == (0, "") and "big" in out


def test_size_error_wording_at_60_mb() -> None:
    from ca_connect.loader import size_error

    error = size_error("article.txt", 60_000_000, 5_000_000)
    assert str(error) == (
        "article.txt: 60 MB is over the 5 MB limit for one article; "
        "split it or raise --max-article-size"
    )
    assert "5,000,001 bytes is over the 5 MB" in str(size_error("a.txt", 5_000_001, 5_000_000))


def test_a_file_over_the_limit_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x " * 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read"))
    with pytest.raises(ArticleError, match=r"over the 0\.001 MB limit"):
        load_article(path, max_size=1000)


def test_add_refuses_an_input_over_the_limit(small_data_dir: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    code, _, err = run(small_data_dir, "--max-article-size", "0.0001", "add", str(story))
    assert code == 1 and "over the 0.0001 MB limit" in err


def test_a_sentence_without_an_end_is_cut_into_pieces() -> None:
    text = "word " * 2000
    spans = sentence_spans(text)
    assert len(spans) == 6
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert " ".join(text[a:b] for a, b in spans) == text.strip()


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=30),
    st.integers(0, 70),
    st.integers(0, 20),
)
def test_spans_answer_as_a_scan_would(raw: list[tuple[int, int]], start: int, length: int) -> None:
    spans = [(a, a + n) for a, n in raw]
    end = start + length
    assert Spans(spans).contain(start, end) == any(a <= start and end <= b for a, b in spans)
    assert Spans(spans).overlap(start, end) == any(a < end and start < b for a, b in spans)


def _generated_article(size: int) -> str:
    sys.path.insert(0, str(PROJECT / "bench"))
    try:
        from article_size import generated_text
    finally:
        sys.path.remove(str(PROJECT / "bench"))
    return generated_text(size)


@pytest.mark.slow
def test_tagging_time_grows_linearly() -> None:
    """Four times the text takes about four times as long (it took sixteen)."""
    from ca_connect.dictionary import load_dictionary
    from ca_connect.events import analyse
    from ca_connect.loader import parse_article

    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")

    def seconds(size: int) -> float:
        article = parse_article(_generated_article(size).encode(), Path("x.txt"))
        start = time.process_time()
        analyse(article, dictionary)
        return time.process_time() - start

    seconds(1000)  # compile the dictionary
    # The best of three runs of each, and a bound halfway between linear (4x) and
    # quadratic (16x): one sample of CPU time on a shared machine varies by half.
    small = min(seconds(100_000) for _ in range(3))
    large = min(seconds(400_000) for _ in range(3))
    assert large / small < 10


# --- 4. YAML bombs and long values -------------------------------------------------

BOMB = (
    "---\n"
    + "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "title: *i\n---\nBody about fibre.\n"
)


def test_a_yaml_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.md"
    path.write_text(BOMB)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert str(caught.value) == (
        f"{path}:2: front matter: YAML anchors and aliases (&name, *name) are not allowed"
    )


def test_a_bomb_error_stays_short_in_the_index_too(small_data_dir: Path) -> None:
    (small_data_dir / "articles" / "bomb.md").write_text(BOMB)
    for _ in range(2):  # built, then replayed from the index
        code, _, err = run(small_data_dir, "articles")
        assert code == 1 and err.count("\n") == 1 and len(err) < 200
    with sqlite3.connect(small_data_dir / ".caconnect" / "index.sqlite") as db:
        stored = db.execute("SELECT max(length(error)) FROM files").fetchone()[0]
    assert stored < 100


def test_list_values_and_long_keys_are_refused_in_short_lines(tmp_path: Path) -> None:
    path = tmp_path / "odd.md"
    path.write_text("---\ntitle: [a, b]\n---\nBody.\n")
    with pytest.raises(
        ArticleError, match=r"odd.md:2: front matter 'title': a list, not one value"
    ):
        load_article(path)
    path.write_text(f"---\n{'k' * 500}: 1\n---\nBody.\n")
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    message = str(caught.value).removeprefix(str(path))
    assert "'" + "k" * 78 + "…" in message and len(message) < 200


def test_shown_caps_a_value_at_80_characters() -> None:
    assert shown("short") == "'short'"
    assert len(shown("x" * 10_000)) == 80 and shown("x" * 10_000).endswith("…")


def test_the_dictionary_refuses_anchors(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as caught:
        parse_dictionary("countries: &c []\norganizations: *c\n", "entities.yaml")
    assert str(caught.value) == (
        "entities.yaml:1: YAML anchors and aliases (&name, *name) are not allowed; "
        "write each value out"
    )


# --- 5. two adds of one text at once ------------------------------------------------


def test_an_adder_sees_what_another_added_since_it_loaded(small_data_dir: Path) -> None:
    folder = small_data_dir / "articles"
    corpus = load_articles(folder).articles
    first, second = Adder(folder, corpus), Adder(folder, corpus)
    first.add(draft(STORY.encode(), "a.txt"))
    with pytest.raises(AddError, match="the same text as"):
        second.add(draft(STORY.encode(), "b.txt"))
    assert len(list(folder.iterdir())) == 6


@pytest.mark.slow
def test_concurrent_adds_of_one_text_land_once(small_data_dir: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    command = [sys.executable, "-m", "ca_connect", "--data", str(small_data_dir), "add", str(story)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in processes]
    assert sorted(code for code, _ in results) == [0, 1, 1, 1]
    assert all("the same text as" in err for code, err in results if code == 1)
    assert len(list((small_data_dir / "articles").glob("*.md"))) == 1


# --- 6. CSV cells with CR, LF, commas and quotes ----------------------------------

NASTY = [
    {"id": "a", "title": "\rstarts with CR", "source": "x"},
    {"id": "b", "title": "line\nbreak", "source": "carriage\rreturn"},
    {"id": "c", "title": 'say "hi", twice', "source": "\r\n"},
    {"id": "d", "title": "plain", "source": ""},
]


def _csv_text() -> str:
    buffer = io.StringIO()
    render(NASTY, "csv", buffer)
    return buffer.getvalue()


def test_csv_round_trips_through_the_csv_reader() -> None:
    rows = list(csv.reader(io.StringIO(_csv_text(), newline="")))
    assert rows[0] == ["id", "title", "source"]
    assert rows[1:] == [
        ["a", "'\rstarts with CR", "x"],  # formula-like: escaped, and quoted
        ["b", "line\nbreak", "carriage\rreturn"],
        ["c", 'say "hi", twice', "'\r\n"],
        ["d", "plain", ""],
    ]


def test_csv_round_trips_through_sqlite3_import(tmp_path: Path) -> None:
    if shutil.which("sqlite3") is None:
        pytest.skip("no sqlite3 command")
    path = tmp_path / "rows.csv"
    path.write_text(_csv_text(), newline="")
    database = tmp_path / "rows.db"
    subprocess.run(
        ["sqlite3", str(database), ".mode csv", f".import {path} rows"], check=True, timeout=60
    )
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT id, title, source FROM rows ORDER BY id").fetchall()
    assert rows == [
        ("a", "'\rstarts with CR", "x"),
        ("b", "line\nbreak", "carriage\rreturn"),
        ("c", 'say "hi", twice', "'\r\n"),
        ("d", "plain", ""),
    ]


@given(st.lists(st.text(alphabet="ab,\"\r\n' =", max_size=8), min_size=1, max_size=4))
def test_any_cells_come_back_from_the_csv_reader(values: list[str]) -> None:
    from ca_connect.output import csv_cell

    row = {f"c{i}": value for i, value in enumerate(values)}
    buffer = io.StringIO()
    render([row], "csv", buffer)
    rows = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert rows[1] == [csv_cell(value) for value in values]


# --- 7. links out of the data folder, and dangling links -----------------------------


@pytest.mark.parametrize("index", [[], ["--no-index"]])
def test_links_out_of_the_data_folder_are_not_followed(
    small_data_dir: Path, tmp_path: Path, index: list[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret notes about fibre in Uzbekistan.\n")
    articles = small_data_dir / "articles"
    (articles / "leak.txt").symlink_to(secret)
    (articles / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    inside = small_data_dir / "archive.txt"
    inside.write_text("Kazakhstan fibre line opens\nThe line opened.\n")
    (articles / "kept.txt").symlink_to(inside)
    code, out, _ = run(small_data_dir, *index, "articles")
    assert code == 0 and "leak" not in out and "gone" not in out and "kept" in out
    code, _, err = run(small_data_dir, *index, "show", "leak")
    assert code == 2 and "no article with id 'leak'" in err
    code, out, _ = run(small_data_dir, *index, "check", "--format", "json")
    stray = [w for w in json.loads(out)["warnings"] if w["check"] == "stray-file"]
    assert stray == [
        {
            "check": "stray-file",
            "subject": "gone.txt",
            "message": f"a link to nothing ({shown(str(tmp_path / 'nothing.txt'))}): not read",
        },
        {
            "check": "stray-file",
            "subject": "leak.txt",
            "message": f"a link out of the data folder (to {shown(str(secret))}): not read",
        },
    ]


# --- 8. two files with one id ---------------------------------------------------------


@pytest.mark.parametrize("index", [[], ["--no-index"]])
def test_two_files_with_one_id_are_both_reported_and_neither_loaded(
    small_data_dir: Path, index: list[str]
) -> None:
    articles = small_data_dir / "articles"
    (articles / "x.txt").write_text("Uzbekistan fibre line\nText one.\n")
    (articles / "x.md").write_text("---\ntitle: Kazakhstan 5G\n---\nText two.\n")
    code, out, err = run(small_data_dir, *index, "articles")
    assert code == 1 and "\nx " not in out
    assert err == (
        f"Error: {articles / 'x.md'}: same article id as x.txt: neither is loaded; "
        "rename one of them\n"
        f"Error: {articles / 'x.txt'}: same article id as x.md: neither is loaded; "
        "rename one of them\n"
    )
    assert run(small_data_dir, *index, "show", "x")[0] == 2


# --- 9. UTF-16 and UTF-32 -------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_wide_encodings_are_named(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / "wide.txt"
    data = "Fibre in Tajikistan\nText.\n".encode(encoding)
    path.write_bytes(data if data[:2] in (b"\xff\xfe", b"\xfe\xff") else b"\xfe\xff" + data)
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    assert str(caught.value) == f"{path}: {name} text: save it as UTF-8"


# --- 11. tables at 80 columns -------------------------------------------------------

EVENTS = [
    {
        "date": "2015-04",
        "precision": "month",
        "dated_by": "sentence",
        "planned": "",
        "stage": "launch",
        "parties": ["SpaceX", "TM"],
        "initiatives": ["satellite"],
        "evidence": "In April 2015, SpaceX launched the first national satellite of the country.",
        "article": "004_c790570d8809d829",
        "event": 3,
    },
    {
        "date": "2026-02-04",
        "precision": "day",
        "dated_by": "next-sentence",
        "planned": "planned",
        "stage": "deployment",
        "parties": ["TM", "Ministry of Communications of Turkmenistan", "Starlink"],
        "initiatives": ["satellite", "mobile"],
        "evidence": "Turkmenistan has entered into discussions with a satellite operator.",
        "article": "001_9c93090f141dfb4b",
        "event": 1,
    },
]


def table(rows: list[dict], width: int, wide: bool = False) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    render_table(rows, console, title="timeline", wide=wide)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())


def test_a_timeline_at_80_columns() -> None:
    assert table(EVENTS, 80).splitlines() == [
        "timeline",
        "date             stage       parties         evidence       article",
        "2015-04 (s)      launch      SpaceX, TM      In April 201…  004_c790570d8809d829",
        "2026-02-04 (n*)  deployment  TM, Ministry    Turkmenistan…  001_9c93090f141dfb4b",
        "                             of…",
        "dated by: s sentence, n next sentence, * a target date; not shown: event,",
        "initiatives (--wide shows every column)",
    ]


def test_a_timeline_at_120_columns() -> None:
    assert table(EVENTS, 120).splitlines() == [
        "timeline",
        "date             stage       parties                   initiatives        evidence     "
        "      article               event",
        "2015-04 (s)      launch      SpaceX, TM                satellite          In April 2015"
        ", S…  004_c790570d8809d829  3",
        "2026-02-04 (n*)  deployment  TM, Ministry of           satellite, mobile  Turkmenistan "
        "has…  001_9c93090f141dfb4b  1",
        "                             Communications of…",
        "dated by: s sentence, n next sentence, * a target date",
    ]


def test_a_long_id_stays_whole_at_80_columns() -> None:
    rows = [dict(EVENTS[1], article="2026-02-04-turkmenistan-satellite-talks")]
    out = table(rows, 80)
    assert "2026-02-04-turkmenistan-satellite-talks" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_wide_shows_every_column() -> None:
    out = table(EVENTS, 80, wide=True)
    assert out.splitlines()[1].split() == [
        *("date", "precision", "dated", "by", "planned", "stage", "parties"),
        *("initiatives", "evidence", "article", "event"),
    ]
    assert "Turkmenistan has entered into discussions with a satellite operator." in out


def test_layout_drops_low_value_columns_first_and_keeps_keys_whole() -> None:
    columns = ["partner", "id", "kind", "country", "events", "first", "last", "talks", "fiber"]
    cells = [
        [
            "Ministry of Information and Communications",
            "ir-ict",
            "agency",
            "IR",
            "3",
            "2025-11-24",
            "2025-11-25",
            "2",
            "1",
        ]
    ]
    layout = lay_out(columns, cells, 60)
    assert layout.dropped == ["kind", "id", "fiber", "talks"]
    assert layout.widths["first"] == layout.widths["last"] == 10
    assert layout.roles == {
        "partner": "words",
        "id": "key",
        "kind": "key",
        "country": "key",
        "events": "key",
        "first": "key",
        "last": "key",
        "talks": "key",
        "fiber": "key",
    }


COMMANDS = [
    ["timeline"],
    ["timeline", "--articles"],
    ["articles"],
    ["partners", "--country", "TJ"],
    ["summary"],
    ["entities", "--country", "TJ"],
    ["entities", "--candidates"],
    ["check", "--all"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_table_fits_80_columns_without_splitting_an_id(
    small_seed_data: Path, command: list[str]
) -> None:
    _, out, _ = run(small_seed_data, *command, "--format", "json")
    data = json.loads(out)
    sections = data if isinstance(data, dict) else {"rows": data}
    for rows in sections.values():
        text = table(rows, 80) if rows else ""
        assert all(len(line) <= 80 for line in text.splitlines())
        for row in rows[:20]:
            named = "partner" in row or "name" in row  # then the id may give way
            for key in ("article", "date", "stage", "subject", *(() if named else ("id",))):
                if isinstance(row.get(key), str) and len(row[key]) < 40:
                    assert row[key] in text


# --- 12. one-line usage errors, eval with nothing to score, show by file name ---------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "/missing.txt"],
            "Invalid value for 'FILES...': File '/missing.txt' does not exist. "
            "(see `caconnect add --help`)",
        ),
        (
            ["export", "--format", "table"],
            "Invalid value for '--format' / '-f': 'table' is not one of 'csv', 'json', 'jsonl'. "
            "(see `caconnect export --help`)",
        ),
        (
            ["timeline", "--bogus"],
            "No such option '--bogus'. Did you mean '--org'? (see `caconnect timeline --help`)",
        ),
        (
            ["--max-article-size", "-1", "articles"],
            "Invalid value for '--max-article-size': -1.0 is not in the range x>0. "
            "(see `caconnect --help`)",
        ),
    ],
)
def test_usage_errors_are_one_line(small_seed_data: Path, args: list[str], message: str) -> None:
    code, out, err = run(small_seed_data, *args)
    assert (code, out, err) == (2, "", f"Error: {message}\n")


def test_eval_without_the_gold_articles_is_a_data_error(
    small_data_dir: Path, tmp_path: Path
) -> None:
    gold = tmp_path / "gold.yaml"
    gold.write_text(
        "- file: a.txt\n  date: null\n  countries: []\n  organizations: []\n  initiatives: []\n"
    )
    (tmp_path / "articles").mkdir()
    code, out, err = run(small_data_dir, "eval", str(gold))
    assert (code, out) == (1, "")
    assert err == (
        f"Error: {tmp_path / 'articles'}: none of the 1 articles of {gold} is here; "
        "give their folder with --data\n"
    )


def test_show_takes_a_file_name_and_suggests_an_id(small_seed_data: Path) -> None:
    code, out, _ = run(small_seed_data, "show", "004_c790570d8809d829.txt")
    assert code == 0 and out.startswith("id:            004_c790570d8809d829\n")
    code, _, err = run(small_seed_data, "show", "data/articles/004_c790570d8809d829.md")
    assert code == 0
    code, _, err = run(small_seed_data, "show", "004_c790570d8809d82")
    assert (code, err) == (
        2,
        "Error: no article with id '004_c790570d8809d82'; did you mean '004_c790570d8809d829'? "
        "(see `caconnect articles`)\n",
    )


def test_every_echoed_value_is_capped(small_seed_data: Path) -> None:
    code, _, err = run(small_seed_data, "show", "q" * 5000)
    assert code == 2 and len(err) < 200


def test_the_readme_lists_the_bad_inputs() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Bad input", 1)[1].split("\n## ", 1)[0]
    for phrase in (
        "over the 5 MB limit",
        "UTF-16 text: save it as UTF-8",
        "neither is loaded",
        "anchors and aliases",
        "--force",
        "stray-file",
        "--wide",
        "tests/planted.py",
    ):
        assert phrase in section, phrase


def test_planted_environment_variable_for_the_limit(small_data_dir: Path) -> None:
    (small_data_dir / "articles" / "big.txt").write_text("Fibre in Uzbekistan.\n" * 3000)
    code, _, err = run(
        small_data_dir, "--no-index", "articles", env={"CACONNECT_MAX_ARTICLE_SIZE": "0.05"}
    )
    assert code == 1 and "over the 0.05 MB limit" in err


def test_os_link_count_is_untouched(small_data_dir: Path) -> None:
    """Refusing an output never touches the file it names, not even its metadata."""
    target = small_data_dir / "entities.yaml"
    before = os.stat(target)
    run(small_data_dir, "export", "-o", str(target), "--force")
    after = os.stat(target)
    assert (before.st_mtime_ns, before.st_size, before.st_nlink) == (
        after.st_mtime_ns,
        after.st_size,
        after.st_nlink,
    )


@pytest.mark.slow
def test_planted_run_loses_nothing_and_never_crashes() -> None:
    """tests/planted.py: every planted bad input gives a clean error or a right answer."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import planted
    finally:
        sys.path.pop(0)
    outcomes = planted.run_all(PROJECT / "data")
    bad = [o for o in outcomes if o.verdict in ("traceback", "data lost", "hang")]
    assert len(outcomes) >= 40
    assert bad == [], planted.totals(outcomes)


def test_a_named_pipe_in_articles_is_never_opened(small_data_dir: Path) -> None:
    os.mkfifo(small_data_dir / "articles" / "pipe.txt")  # opening it would wait forever
    code, out, _ = run(small_data_dir, "articles")
    assert code == 0 and "pipe.txt" not in out
    _, out, _ = run(small_data_dir, "check", "--format", "json")
    assert {
        "check": "stray-file",
        "subject": "pipe.txt",
        "message": "not a file (a pipe, a device): not read",
    } in json.loads(out)["warnings"]
