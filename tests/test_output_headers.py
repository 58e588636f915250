"""Every CSV output prints its header, whatever the store holds."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.store import default_path

from .conftest import PROJECT

# The headers as every earlier caconnect printed them for a store holding such rows: a
# public interface (README: Export schemas), byte for byte.
_ARTICLES_CSV = (
    "schema_version,id,path,title,date,date_precision,date_source,source,url,language,"
    "countries,initiatives,organizations,organization_ids,mentions\n"
)

_EVENTS_CSV = (
    "schema_version,article_id,number,stage,date,date_precision,date_basis,planned,parties,"
    "initiatives,target,party_ids,party_kinds,party_roles,amounts,sentences,field,start,end,"
    "text\n"
)

_LISTING = "id,date,source,title,path\n"

_TIMELINE = (
    "date,precision,dated_by,planned,stage,parties,initiatives,target,sentences,evidence,"
    "article,event\n"
)

_TIMELINE_ARTICLES = "date,id,title,countries,organizations,initiatives\n"

_COMMANDS = {
    "export": (["export"], _ARTICLES_CSV),
    "export --events": (["export", "--events"], _EVENTS_CSV),
    "timeline": (["timeline"], _TIMELINE),
    "timeline --articles": (["timeline", "--articles"], _TIMELINE_ARTICLES),
    "articles": (["articles"], _LISTING),
}


def _csv(data: Path, command: list[str], *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *options, *command, "--format", "csv"])
    return result.exit_code, result.stdout


_NOTE = "---\ntitle: A note\ndate: 2024-05-01\n---\nNothing was signed today.\n"


def _folder(tmp_path: Path, *notes: str) -> Path:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    shutil.copy(PROJECT / "data" / "entities.yaml", data / "entities.yaml")
    for name in notes:
        (data / "articles" / name).write_text(_NOTE, encoding="utf-8")
    return data


@pytest.mark.parametrize("options", [(), ("--no-index",)], ids=["index", "no-index"])
def test_an_empty_folder_prints_every_header(tmp_path: Path, options: tuple[str, ...]) -> None:
    data = _folder(tmp_path)
    for command, header in _COMMANDS.values():
        assert _csv(data, command, *options) == (0, header)


@pytest.mark.parametrize("options", [(), ("--no-index",)], ids=["index", "no-index"])
def test_articles_that_tell_no_event_print_the_events_header(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    data = _folder(tmp_path, "note.md")
    path = data / "articles" / "note.md"
    assert _csv(data, ["timeline"], *options) == (0, _TIMELINE)
    assert _csv(data, ["export", "--events"], *options) == (0, _EVENTS_CSV)
    assert _csv(data, ["export"], *options) == (
        0,
        _ARTICLES_CSV + f"1,note,{path},A note,2024-05-01,day,front-matter,,,en,,,,,0\n",
    )
    assert _csv(data, ["articles"], *options) == (0, _LISTING + f"note,2024-05-01,,A note,{path}\n")
    timeline = _csv(data, ["timeline", "--articles"], *options)
    assert timeline == (0, _TIMELINE_ARTICLES + "2024-05-01,note,A note,,,\n")


def test_a_filter_that_matches_nothing_prints_the_header(seed_data: Path) -> None:
    for options in ((), ("--no-index",)):
        for command, header in _COMMANDS.values():
            assert _csv(seed_data, [*command, "--since", "2099"], *options) == (0, header)


def test_the_headers_are_those_printed_for_stored_rows(seed_data: Path) -> None:
    """The seed articles hold rows of every view: each header is the one printed before."""
    for command, header in _COMMANDS.values():
        code, text = _csv(seed_data, command)
        assert code == 0 and text.startswith(header) and text != header


def _timeline(data: Path) -> str:
    result = CliRunner().invoke(cli, ["--data", str(data), "timeline", "--format", "csv"])
    return result.stdout


@pytest.mark.parametrize("stored", [None, "{}", '{"record": []}'])
def test_an_update_with_a_missing_or_empty_stored_header_prints_the_headers(
    data_dir: Path, stored: str | None
) -> None:
    _timeline(data_dir)  # the store, built
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("DELETE FROM meta WHERE key = 'columns'")
        if stored is not None:
            db.execute("INSERT INTO meta VALUES ('columns', ?)", (stored,))
    note = "---\ntitle: A note\ndate: 2024-05-01\n---\nThe meeting ended early.\n"
    (data_dir / "articles" / "zz-note.md").write_text(note, encoding="utf-8")
    for command in ("articles", "timeline", "export"):
        result = CliRunner().invoke(cli, ["--data", str(data_dir), command, "--format", "csv"])
        assert result.exit_code == 0 and result.exception is None
    articles = CliRunner().invoke(cli, ["--data", str(data_dir), "articles", "--format", "csv"])
    assert articles.stdout.startswith("id,date,")  # the note printed the articles' header
