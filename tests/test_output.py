"""Rendering rows: one renderer, four formats, safe CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.output import csv_cell, render, render_sections

ROWS = [
    {"date": "2025-03", "id": "a", "countries": ["TM", "KZ"], "title": None},
    {"date": None, "id": "b", "countries": [], "title": "=HYPERLINK(1)"},
]


def rendered(fmt: str, rows=ROWS) -> str:
    buffer = io.StringIO()
    render(rows, fmt, buffer)
    return buffer.getvalue()


def test_json_keeps_lists_and_nulls() -> None:
    assert json.loads(rendered("json")) == ROWS


def test_jsonl_one_object_per_line() -> None:
    assert [json.loads(line) for line in rendered("jsonl").splitlines()] == ROWS


def test_csv_joins_lists_and_escapes_formulas() -> None:
    assert rendered("csv") == ("date,id,countries,title\n2025-03,a,TM;KZ,\n,b,,'=HYPERLINK(1)\n")


def test_plain_table_when_not_a_terminal() -> None:
    assert rendered("table") == (
        "date     id  countries  title\n"
        "2025-03  a   TM, KZ\n"
        "         b              =HYPERLINK(1)\n"
    )


def test_empty_table_says_none() -> None:
    assert rendered("table", []) == "(none)\n"


def test_sections() -> None:
    buffer = io.StringIO()
    render_sections({"a": [{"k": 1}], "b": [{"k": 2}]}, "csv", buffer)
    assert buffer.getvalue() == "table,k\na,1\nb,2\n"


@given(st.text())
def test_no_csv_cell_starts_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (text, "'" + text)


@pytest.mark.parametrize("value", ["-5", "+1", "@SUM(A1)", "=1+1", "\t=1"])
def test_formula_cells_round_trip_through_csv(value: str) -> None:
    buffer = io.StringIO()
    render([{"v": value}], "csv", buffer)
    assert list(csv.reader(io.StringIO(buffer.getvalue())))[1] == ["'" + value]


def test_a_piped_table_streams_with_the_widths_of_its_first_rows() -> None:
    from ca_connect.output import TABLE_WINDOW, render_table_stream

    def rows():
        for n in range(TABLE_WINDOW):
            yield {"date": "2025-01-01", "stage": "talks", "evidence": f"short line {n}"}
        yield {"date": "2025-01-01 (s*)", "stage": "talks", "evidence": "a much longer line"}
        raise AssertionError("streamed too far")  # `| head` stops reading here

    buffer = io.StringIO()
    with pytest.raises(AssertionError):
        render_table_stream(rows(), buffer)
    lines = buffer.getvalue().splitlines()
    assert lines[0] == "date        stage  evidence"
    assert lines[1] == "2025-01-01  talks  short line 0"
    assert len(lines) == TABLE_WINDOW + 2  # written before the stream ended
    assert lines[-1] == "2025-01-01 (s*)  talks  a much longer…"  # a key never cut; text is


def test_a_short_piped_table_is_the_table_render_writes() -> None:
    from ca_connect.output import render_table_stream

    buffer = io.StringIO()
    render_table_stream(iter(ROWS), buffer)
    assert buffer.getvalue() == rendered("table")
