"""An index rebuilt while a command answers is said: one line on standard error.

A command prints the corpus's warnings once it is open; the index found damaged after
that (a value kept in `meta` that is not what caconnect keeps there, read by the
question itself: corpus._ask) is rebuilt and asked again, and its note is written at
once, never on standard output. A rebuild while opening is said once too.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.store import default_path


def _run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def test_a_rebuild_while_answering_is_one_line_on_stderr(data_dir: Path) -> None:
    index = default_path(data_dir)
    for key, command in (("summary", "summary"), ("partners:TM", "partners --country TM")):
        args = [*command.split(), "--format", "csv"]
        _run(data_dir, *args)  # the index up to date, and the answer kept in `meta`
        answer = _run(data_dir, *args)
        assert answer[0] == 0 and answer[2] == ""
        with sqlite3.connect(index) as db:
            found = db.execute("SELECT count(*) FROM meta WHERE key = ?", (key,)).fetchone()
            assert found == (1,)
            db.execute("UPDATE meta SET value = 'null' WHERE key = ?", (key,))
        code, out, err = _run(data_dir, *args)
        assert (code, out) == answer[:2]
        assert err.startswith(f"Warning: the index {index} was damaged (its {key!r} is not what ")
        assert err.endswith("): rebuilt it\n") and err.count("\n") == 1
        assert _run(data_dir, *args) == answer


def test_a_rebuild_while_opening_is_said_once(data_dir: Path) -> None:
    _run(data_dir, "articles")
    index = default_path(data_dir)
    data = bytearray(index.read_bytes())
    data[4096 * 3 :] = os.urandom(len(data) - 4096 * 3)  # everything after the third page
    index.write_bytes(bytes(data))
    code, _, err = _run(data_dir, "articles", "--format", "csv")
    assert code == 0 and err.count("rebuilt it") == 1 and err.count("\n") == 1
