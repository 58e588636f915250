"""`python -m ca_connect` (__main__.py): the scan begun from the arguments before click is
imported, and the process left with os._exit once the command has ended."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from ca_connect import __main__ as program
from ca_connect.cli import cli
from ca_connect.cli import group as group_module
from ca_connect.store import scan as scan_module
from ca_connect.store.scan import default_path

PROJECT = Path(__file__).resolve().parent.parent
# Read before conftest's `scan_in_process` empties it for the tests of this module.
GROUP_SCANNED_FIRST = group_module.SCANNED_FIRST


def _click_reads(args: list[str]) -> tuple[Path, Path] | None:
    """What the `caconnect` group itself makes of `args`: the folder and index whose scan
    its callback begins (cli/group.py), or None."""
    ctx = cli.make_context("caconnect", list(args), resilient_parsing=True)
    rest = [*ctx._protected_args, *ctx.args]
    if ctx.params["no_index"] or not rest or rest[0] not in GROUP_SCANNED_FIRST:
        return None
    if group_module.HELP & {*rest[1:]}:
        return None
    data = ctx.params["data_dir"]
    return data / "articles", ctx.params["index_path"] or default_path(data)


COMMAND_LINES = [
    ["timeline", "--country", "TM"],
    ["--data", "corpus", "timeline", "--format", "csv"],
    ["--data=corpus", "summary"],
    ["--data", "a", "--data", "b", "show", "x"],  # the last one given
    ["--index", "/tmp/i.sqlite", "--data", "c", "partners", "--country", "KZ"],
    ["--index=/tmp/j.sqlite", "export"],
    ["--verbose", "--max-article-size", "2", "deals"],
    ["--max-article-size=2", "deal", "some-id"],
    ["--data", "-odd-name", "articles"],  # a value, whatever it looks like
    ["report", "-o", "r.html"],
    ["--no-index", "timeline"],
    ["check"],
    ["eval", "gold.yaml"],
    ["timeline", "--help"],
    ["deals", "-h"],
    [],
]


@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
def test_the_arguments_are_read_as_the_group_reads_them(args: list[str], monkeypatch) -> None:
    monkeypatch.delenv("CACONNECT_DATA", raising=False)
    monkeypatch.delenv("CACONNECT_INDEX", raising=False)
    assert program.scanned_first(args) == _click_reads(args)


def test_the_environment_is_read_as_the_group_reads_it(monkeypatch) -> None:
    monkeypatch.setenv("CACONNECT_DATA", "from-env")
    monkeypatch.setenv("CACONNECT_INDEX", "/tmp/env.sqlite")
    for args in (["timeline"], ["--data", "given", "summary"], ["--index", "/x", "show", "a"]):
        assert program.scanned_first(args) == _click_reads(args)
    monkeypatch.setenv("CACONNECT_INDEX", "")  # empty: unset, for click too
    assert program.scanned_first(["timeline"]) == _click_reads(["timeline"])


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus", "timeline"],  # click refuses it: nothing begun
        ["--version", "timeline"],
        ["--help"],
        ["--data"],  # no value
        ["--verbose=1", "timeline"],
    ],
    ids=" ".join,
)
def test_what_the_reading_is_unsure_of_begins_nothing(args: list[str]) -> None:
    assert program.scanned_first(args) is None


def test_the_program_knows_the_groups_options() -> None:
    assert program.SCANNED_FIRST == GROUP_SCANNED_FIRST
    assert program.HELP == group_module.HELP
    options = {
        name: parameter
        for parameter in cli.params
        if isinstance(parameter, click.Option)
        for name in parameter.opts
    }
    valued = {name for name, option in options.items() if not option.is_flag}
    assert set(program._VALUED) == valued
    assert {name for name, option in options.items() if option.is_flag} > program._QUIET_FLAGS
    assert {options[f"--{key}"].envvar for key in program._ENVIRONMENT} == set(
        program._ENVIRONMENT.values()
    )


def test_the_command_takes_the_scan_begun_early_for_its_folder_and_index(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    index = tmp_path / "index.sqlite"
    where = os.path.realpath(articles)
    try:
        scan_module.start(articles, index, early=True)
        begun = scan_module._started.get(where)
        scan_module.start(articles, index)  # the group's own start: the same scan kept
        assert scan_module._started.get(where) == begun
        scan_module.start(articles, index)  # a second start is not the early one's
        assert scan_module._started.get(where) != begun
        again = scan_module._started.get(where)
        scan_module.start(articles, tmp_path / "other.sqlite", early=True)
        scan_module.start(articles, index)  # another index than the early scan's: anew
        assert scan_module._started.get(where) not in (again, None)
        assert scan_module.scan(articles).files.keys() == {"a.txt"}
    finally:
        scan_module._early = None
        if where in scan_module._started:
            child, reader = scan_module._started.pop(where)
            os.close(reader)
            os.waitpid(child, 0)


def _caconnect(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ca_connect", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        **options,
    )


@pytest.mark.slow  # fresh interpreters
def test_the_program_leaves_with_the_commands_status_and_whole_output(data_dir: Path) -> None:
    """Left with os._exit: the output is whole, the exit status the command's, and the
    index was closed first (SQLite removes its write-ahead log when the last connection
    closes: left behind, it would say the process ended with the database open)."""
    index = data_dir / ".caconnect" / "index.sqlite"
    exported = _caconnect("--data", str(data_dir), "export", "--events", "--format", "jsonl")
    assert exported.returncode == 0
    assert not Path(f"{index}-wal").exists()
    lines = exported.stdout.decode().splitlines()
    assert len(lines) > 10 and all(line.startswith("{") and line.endswith("}") for line in lines)
    assert _caconnect("--data", str(data_dir), "timeline", "--country", "XX").returncode == 2
    assert _caconnect("--data", str(data_dir), "--bogus").returncode == 2
    (data_dir / "articles" / "broken.txt").write_bytes(b"")
    broken = _caconnect("--data", str(data_dir), "summary")
    assert broken.returncode == 1 and b"broken" in broken.stderr
    assert not Path(f"{index}-wal").exists()


@pytest.mark.slow  # fresh interpreters
def test_a_closed_pipe_ends_the_program_as_before(data_dir: Path) -> None:
    """`caconnect timeline | head -1`: the output cannot be flushed, so the interpreter
    ends as it always did (the status and stderr of a run without the fast exit)."""
    command = (
        f"{sys.executable} -m ca_connect --data {data_dir} timeline --format csv | head -1; "
        'echo "status $(( ${PIPESTATUS[0]} ))" >&2'
    )
    quick = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    slow = subprocess.run(
        [
            "bash",
            "-c",
            command.replace("-m ca_connect", "-c 'from ca_connect.cli import cli; cli()'"),
        ],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )
    assert quick.stdout == slow.stdout and quick.stdout.startswith(b"date,")
    assert quick.stderr == slow.stderr


def test_a_span_of_the_wrong_shape_in_the_taggers_file_is_compiled_not_an_error(
    small_dictionary, tmp_path: Path, monkeypatch
) -> None:
    """The tagger's file (tagging/cache.py) checks each group's span when an article's
    words first need it: one not a span of the groups (a writer's bug, the digest
    matching) makes the tagger compile, and tag as the compiled one does."""
    from ca_connect import keyed_file
    from ca_connect.models import Article
    from ca_connect.tagging import cache
    from ca_connect.tagging import tagger as tagger_module
    from ca_connect.tagging.tagger import Tagger

    article = Article(
        id="span", path="span.txt", title="A link", body="Kazakhtelecom signed with Beeline."
    )
    path = tmp_path / "index.sqlite.tagger"
    monkeypatch.setattr(tagger_module, "_COMPILED", {})
    cache.load_tagger(small_dictionary, path, "k")
    header, key, _, data = path.read_bytes().split(b"\n", 3)
    index_line, _, groups = data.partition(b"\n")
    index = json.loads(index_line)
    word = next(word for word in sorted(cache._text_keys(article)) if word in index)
    index[word] = [len(groups) + 5, 1]
    broken = json.dumps(index).encode() + b"\n" + groups
    path.write_bytes(b"\n".join((header, key, keyed_file.digest(broken), broken)))
    monkeypatch.setattr(tagger_module, "_COMPILED", {})
    part = cache.load_tagger(small_dictionary, path, "k", whole=False)
    assert part.tag(article) == Tagger(small_dictionary).tag(article)
    assert json.loads(path.read_bytes().split(b"\n", 3)[3].partition(b"\n")[0])[word] != [
        len(groups) + 5,
        1,
    ]  # written anew
