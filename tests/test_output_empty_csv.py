"""Every CSV output prints its header row when no row follows.

A header is the fields its rows are built from (query.py, deals/query.py), so a folder
with no article, or a filter that matches nothing, prints that one line; JSON prints
`[]` (or an object of empty arrays for a summary), JSONL nothing, a table `(none)`. The
headers are a public interface: each is written out here byte for byte, and a folder
that has rows prints the same header above them. The views the store streams (timeline,
articles, export) are tested so in test_output_headers.py; here, the outputs made of rows in
memory: deals, their timeline and exports, the summary and partners.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.output import render, render_sections

from .conftest import PROJECT

_HEADERS = {
    "timeline --deals": "deal,date,stage,parties,evidence,article\n",
    "summary": "table,country,articles,initiative,organization,year\n",
    "partners --country TM": "partner,id,kind,country,events,first,last\n",
    "export --deals": (
        "schema_version,id,name,named,status,status_date,first_seen,last_seen,parties,party_ids,"
        "dropped_parties,initiatives,events,stages,missed_targets,amounts,articles,outlets,"
        "article_ids,sources\n"
    ),
    "export --deal-events": (
        "schema_version,deal_id,deal_name,deal_status,stage,event_stage,date,date_precision,"
        "target,parties,initiatives,amounts,article,event,source,url,evidence\n"
    ),
    "deals": "id,status,first,last,events,articles,outlets,title,organizations,countries,"
    "initiatives\n",
}
_SUMMARY_JSON = (
    '{\n  "countries": [],\n  "initiatives": [],\n  "organizations": [],\n  "years": [],\n'
    '  "country_by_initiative": []\n}\n'
)


def _run(data: Path, command: str, *options: str) -> tuple[int, str]:
    args = ["--data", str(data), *options, *command.split()]
    result = CliRunner().invoke(cli, args)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def empty_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("empty") / "data"
    (data / "articles").mkdir(parents=True)
    shutil.copy(PROJECT / "data" / "entities.yaml", data / "entities.yaml")
    return data


@pytest.mark.parametrize("options", [(), ("--no-index",)], ids=["index", "no-index"])
def test_an_empty_folder_prints_each_csv_header(empty_data: Path, options: tuple[str, ...]) -> None:
    for command, header in _HEADERS.items():
        assert _run(empty_data, f"{command} --format csv", *options) == (0, header), command


def test_a_filter_that_matches_nothing_prints_each_csv_header(seed_data: Path) -> None:
    for command, header in _HEADERS.items():
        found = _run(seed_data, f"{command} --since 2099 --format csv")
        assert found == (0, header), command


def test_rows_come_under_the_same_header(seed_data: Path) -> None:
    """The seed articles hold rows of every output: each prints the empty output's
    header (the summary and partners then add a column per type or stage they count)."""
    for command, header in _HEADERS.items():
        code, text = _run(seed_data, f"{command} --format csv")
        first, _, rest = text.partition("\n")
        assert code == 0 and rest, command
        if command in ("summary", "partners --country TM"):
            assert first.startswith(header.rstrip("\n") + ","), command
        else:
            assert first + "\n" == header, command


def test_the_other_formats_print_no_row(empty_data: Path) -> None:
    for command in _HEADERS:
        if command == "summary":
            assert _run(empty_data, "summary --format json") == (0, _SUMMARY_JSON)
            assert _run(empty_data, "summary --format jsonl") == (0, "")
            continue
        assert _run(empty_data, f"{command} --format json") == (0, "[]\n"), command
        assert _run(empty_data, f"{command} --format jsonl") == (0, ""), command
        if not command.startswith("export"):  # export writes no table
            assert _run(empty_data, f"{command} --format table") == (0, "(none)\n"), command


def test_render_prints_the_fields_it_is_given_and_then_any_a_row_adds() -> None:
    out = io.StringIO()
    render([], "csv", out, columns=("a", "b"))
    assert out.getvalue() == "a,b\n"
    out = io.StringIO()
    render([{"a": 1, "b": 2, "c": 3}], "csv", out, columns=("a", "b"))
    assert out.getvalue() == "a,b,c\n1,2,3\n"
    out = io.StringIO()
    render_sections({"x": [], "y": []}, "csv", out, columns={"x": ("a",), "y": ("a", "b")})
    assert out.getvalue() == "table,a,b\n"


def test_a_summary_prints_every_tables_fields_when_some_table_is_empty(tmp_path: Path) -> None:
    """An article with initiative types but no country or organisation: the summary's
    header still has every table's fields, in their order (and the country x type
    table, which has no row, adds no type column)."""
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    shutil.copy(PROJECT / "data" / "entities.yaml", data / "entities.yaml")
    (data / "articles" / "note.md").write_text(
        "---\ntitle: A note\ndate: 2024-05-01\n---\n"
        "A new data centre and a fibre-optic line were opened.\n",
        encoding="utf-8",
    )
    assert _run(data, "summary --format csv") == (
        0,
        "table,country,articles,initiative,organization,year\n"
        "initiatives,,1,data-center,,\n"
        "initiatives,,1,fiber,,\n"
        "years,,1,,,2024\n",
    )
