"""Session 17 (headers17): every CSV output prints its header whatever the store holds.

A view's header is its fields in the code (query.HEADERS, EVENT_HEADERS), not learned
from the articles stored: a folder with no article, or whose articles tell no deal event,
prints the header row and no data rows, with the index and without it. A damaged
`columns` value left in `meta` by an earlier caconnect is never read.
"""

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
_TIMELINE = (
    "date,precision,dated_by,planned,stage,parties,initiatives,target,sentences,evidence,"
    "article,event\n"
)
_TIMELINE_ARTICLES = "date,id,title,countries,organizations,initiatives\n"
_LISTING = "id,date,source,title,path\n"

_COMMANDS = {
    "export": (["export"], _ARTICLES_CSV),
    "export --events": (["export", "--events"], _EVENTS_CSV),
    "timeline": (["timeline"], _TIMELINE),
    "timeline --articles": (["timeline", "--articles"], _TIMELINE_ARTICLES),
    "articles": (["articles"], _LISTING),
}
_NOTE = "---\ntitle: A note\ndate: 2024-05-01\n---\nNothing was signed today.\n"


def _csv(data: Path, command: list[str], *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *options, *command, "--format", "csv"])
    return result.exit_code, result.stdout


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
