"""`python -m ca_connect` starting up (__main__.py): the scan begun from the arguments, what is
imported first, patterns compiled when first used, how the process leaves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from ca_connect import __main__ as program
from ca_connect.cli import cli
from ca_connect.cli import group as group_module
from ca_connect.lazy_pattern import LazyPattern
from ca_connect.store import scan as scan_module
from ca_connect.store.scan import default_path

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


PROJECT = Path(__file__).resolve().parent.parent


def _caconnect(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ca_connect", *args],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        **options,
    )


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


PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


class _Left(Exception):
    """The program left (os._exit), with this status."""


def _run_program(monkeypatch: pytest.MonkeyPatch) -> tuple[str | None, int]:
    """The plugins setting the command saw, and the status the program left with."""
    seen: list[str | None] = []

    def command() -> int:
        seen.append(os.environ.get(PLUGINS))
        return 0

    def leave(status: int) -> None:
        raise _Left(status)

    monkeypatch.setattr(program, "run", command)
    monkeypatch.setattr(program.os, "_exit", leave)
    monkeypatch.setattr(program.gc, "disable", lambda: None)  # the test process's own
    with pytest.raises(_Left) as left:
        program.main()
    return seen[0], left.value.args[0]


def test_the_program_turns_pydantics_plugins_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS, "")  # so that the program's setting is undone after
    monkeypatch.delenv(PLUGINS)
    assert _run_program(monkeypatch) == ("__all__", 0)


@pytest.mark.parametrize("chosen", ["", "logfire", "false"])
def test_a_setting_in_the_environment_is_kept(chosen: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PLUGINS, chosen)
    assert _run_program(monkeypatch) == (chosen, 0)


TEXT = "Signed on 6 May 2024; the second phase began in June 2025."

YEAR = r"(?P<year>\d{4})"

# What the update of one added article imports (store/index.py `_prepare`).
UPDATE_IMPORTS = (
    "from ca_connect.deals import store\n"
    "from ca_connect.store import affected, ingest\n"
    "from ca_connect.events.mentions import MentionReader\n"
)


def _run(script: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", UPDATE_IMPORTS + script], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    lazy, compiled = LazyPattern(YEAR, re.IGNORECASE), re.compile(YEAR, re.IGNORECASE)
    assert lazy.pattern == compiled.pattern
    assert lazy.search(TEXT)[0] == compiled.search(TEXT)[0] == "2024"  # type: ignore[index]
    assert lazy.search(TEXT, 30).span() == compiled.search(TEXT, 30).span()  # type: ignore[union-attr]
    assert lazy.match(TEXT) is None and compiled.match(TEXT) is None
    assert lazy.fullmatch("2025") is not None
    assert lazy.findall(TEXT) == compiled.findall(TEXT) == ["2024", "2025"]
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert lazy.sub("YYYY", TEXT) == compiled.sub("YYYY", TEXT)
    assert lazy.subn(lambda m: m[0][::-1], TEXT, 1) == compiled.subn(lambda m: m[0][::-1], TEXT, 1)
    assert lazy.split(TEXT) == compiled.split(TEXT)
    assert (lazy.flags, lazy.groups, dict(lazy.groupindex)) == (
        compiled.flags,
        compiled.groups,
        dict(compiled.groupindex),
    )


def test_it_compiles_once_on_first_use_then_calls_the_compiled_pattern_directly() -> None:
    lazy = LazyPattern(YEAR)
    assert lazy.pattern == YEAR and "search" not in vars(lazy)  # read without compiling
    assert lazy.findall(TEXT) == ["2024", "2025"]
    compiled = lazy.compiled()
    assert lazy.compiled() is compiled
    # Every method is now the compiled pattern's own: no wrapper runs on later calls.
    assert lazy.search == compiled.search and lazy.sub == compiled.sub
    assert lazy.search.__self__ is compiled  # type: ignore[attr-defined]


def test_importing_the_analysis_compiles_none_of_its_lazy_patterns() -> None:
    # Its lazy patterns are compiled by the articles that use them, never by the import.
    script = (
        "import gc\n"
        "from ca_connect.lazy_pattern import LazyPattern\n"
        "lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(lazy), sum(o._compiled is not None for o in lazy))\n"
    )
    made, compiled = map(int, _run(script).split())
    assert made > 150 and compiled == 0


def test_the_update_does_not_import_yaml() -> None:
    # The dictionary is read back from its cache beside the index; only a maintainer's
    # file with an error needs yaml's node tree (deals/named.py `_line`): ~10 ms of CPU
    # an added article's command no longer spends.
    assert _run("import sys\nprint('yaml' in sys.modules)\n").strip() == "False"


ROOT = Path(__file__).resolve().parent.parent


def test_the_scan_forks_before_its_heavier_imports() -> None:
    """store/scan.py is what the program imports before it forks the scan (__main__.py):
    hashlib, json, threading, sqlite3 (schema.py), dataclasses and the loader are imported
    where they are used, ~16 ms later than the fork at every command."""
    probe = (
        "import sys\n"
        "import ca_connect.__main__, ca_connect.store.scan\n"
        "heavy = ('hashlib', 'json', 'threading', 'sqlite3', 'dataclasses', 'inspect', "
        "'ca_connect.loader', 'ca_connect.store.schema', 'ca_connect.packing')\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=True
    ).stdout.strip()
    assert loaded == ""
