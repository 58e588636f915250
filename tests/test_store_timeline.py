"""A timeline's SQL: the events of a shadowed article are left out only when the store says one may
be."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.store import default_path, sql
from ca_connect.vocab import Filters

_SHADOW_TEST = "articles_shadowed WHERE shadowed"


def _timeline(data: Path) -> str:
    result = CliRunner().invoke(cli, ["--data", str(data), "timeline", "--format", "csv"])
    return result.stdout


def test_events_are_tested_for_a_shadowed_article_only_when_one_may_be() -> None:
    for filters in (Filters(), Filters(countries=["TJ"])):
        for row_by_row in (False, True):
            where, values = sql.event_where(filters, True, row_by_row)
            assert _SHADOW_TEST in where
            unshadowed, same_values = sql.event_where(filters, True, row_by_row, shadowed=False)
            assert _SHADOW_TEST not in unshadowed and same_values == values
    assert sql.event_where(Filters(), True, shadowed=False)[0] == "1"  # still a WHERE


def test_a_shadowed_articles_events_stay_out_of_the_timeline(data_dir: Path) -> None:
    """Two files of one id: neither's events are printed, whether the store records that
    some article is shadowed (questions.NO_ERRORS "0") or holds no such record (an index of
    an earlier caconnect); once one file is gone, the other's are printed again."""
    article_id = "000_31d352362439dc2f"
    whole = _timeline(data_dir)
    assert f",{article_id}," in whole
    copy = data_dir / "articles" / f"{article_id}.md"
    copy.write_text("---\ntitle: A copy under the same id\n---\nText.\n", encoding="utf-8")
    shadowed = _timeline(data_dir)
    assert f",{article_id}," not in shadowed
    assert shadowed.splitlines() == [
        line for line in whole.splitlines() if f",{article_id}," not in line
    ]
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("DELETE FROM meta WHERE key = 'no_errors'")
    assert _timeline(data_dir) == shadowed
    copy.unlink()
    assert _timeline(data_dir) == whole


def test_an_article_without_events_leaves_the_events_csv_header(data_dir: Path) -> None:
    """Every CSV view keeps its header after an update whose articles hold no event (when
    the headers were learned from stored articles, such an update emptied the events'
    header until an article with events was stored; they now come from query.py)."""

    def first_lines() -> list[str]:
        return [
            CliRunner()
            .invoke(cli, ["--data", str(data_dir), *command, "--format", "csv"])
            .stdout.partition("\n")[0]
            for command in (["timeline"], ["export", "--events"], ["export"], ["articles"])
        ]

    headers = first_lines()
    assert all(headers) and headers[0].startswith("date,")
    note = "---\ntitle: A note\ndate: 2024-05-01\n---\nNothing was signed today.\n"
    (data_dir / "articles" / "zz-note.md").write_text(note, encoding="utf-8")
    assert first_lines() == headers


def test_a_timeline_leaves_out_the_shadowed_article_test_only_when_the_store_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    event_where = sql.event_where

    def recorded(*args: Any, shadowed: bool = True, **kwargs: Any) -> tuple[str, list[Any]]:
        asked.append(shadowed)
        return event_where(*args, shadowed=shadowed, **kwargs)

    monkeypatch.setattr(sql, "event_where", recorded)
    _timeline(data_dir)
    assert asked and not any(asked)
    (data_dir / "articles" / "000_31d352362439dc2f.md").write_text(
        "---\ntitle: Another file of that id\n---\nText.\n", encoding="utf-8"
    )
    asked.clear()
    _timeline(data_dir)
    assert asked and all(asked)
