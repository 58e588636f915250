"""The maintainers' CSV outputs print their header row when no row follows.

`entities` (ENTITY_FIELDS), `entities --candidates` (CANDIDATE_FIELDS) and `check`
(CHECK_FIELDS: its summary's fields, then a finding's) build their rows from the fields
they declare, so a dictionary filter that matches nothing, a folder with no unknown name
and a check with no finding still name their fields; rows come under the same header.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli

from .conftest import write_data

ENTITIES_HEADER = "kind,id,name,country,aliases,articles\n"
CANDIDATES_HEADER = "name,count,articles,example,article\n"
CHECK_HEADER = "table,articles,entities,errors,warnings,result,check,subject,message\n"

# Every name of the dictionary is used and every article is dated and tagged: no finding;
# one name the dictionary lacks (a candidate).
_DICTIONARY = """\
countries:
  - {code: TJ, name: Tajikistan}
initiatives:
  - {id: satellite, name: Satellite internet, triggers: [satellite]}
"""
_ARTICLES = {
    "dish.md": "---\ntitle: Dishes on roofs\ndate: 2024-11-05\n---\n"
    "Villages in Tajikistan now get satellite internet from Orbit Lane Networks.\n",
}


def _run(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def empty_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_data(tmp_path_factory.mktemp("empty") / "data", _DICTIONARY, {})


@pytest.fixture(scope="module")
def clean_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_data(tmp_path_factory.mktemp("clean") / "data", _DICTIONARY, _ARTICLES)


@pytest.mark.parametrize("options", [(), ("--no-index",)], ids=["index", "no-index"])
def test_no_unknown_name_prints_the_candidates_header(
    empty_data: Path, options: tuple[str, ...]
) -> None:
    found = _run(empty_data, *options, "entities", "--candidates", "--format", "csv")
    assert found == (0, CANDIDATES_HEADER)


def test_an_entity_filter_that_matches_nothing_prints_the_entities_header(
    empty_data: Path,
) -> None:
    # An initiative type belongs to no country.
    args = ("entities", "--kind", "initiative", "--country", "TJ")
    assert _run(empty_data, *args, "--format", "csv") == (0, ENTITIES_HEADER)
    assert _run(empty_data, *args, "--format", "json") == (0, "[]\n")
    assert _run(empty_data, *args) == (0, "(none)\n")


def test_entities_and_candidates_rows_come_under_the_same_header(clean_data: Path) -> None:
    assert _run(clean_data, "entities", "--country", "TJ", "--format", "csv") == (
        0,
        ENTITIES_HEADER + "country,TJ,Tajikistan,TJ,,1\n",
    )
    assert _run(clean_data, "entities", "--candidates", "--format", "csv") == (
        0,
        CANDIDATES_HEADER + "Orbit Lane Networks,1,1,Villages in Tajikistan now get satellite "
        "internet from Orbit Lane Networks.,dish\n",
    )


def test_a_check_with_no_finding_prints_every_field(clean_data: Path) -> None:
    assert _run(clean_data, "check", "--strict", "--format", "csv") == (
        0,
        CHECK_HEADER + "summary,1,2,0,0,ok,,,\n",
    )


def test_a_check_with_findings_prints_the_same_header(empty_data: Path) -> None:
    code, text = _run(empty_data, "check", "--format", "csv")
    first, _, rest = text.partition("\n")
    assert (code, first + "\n") == (0, CHECK_HEADER)
    assert "warnings,,,,,,no-articles,articles,no article files\n" in rest
