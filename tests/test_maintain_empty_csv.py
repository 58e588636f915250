"""The maintainers' CSV outputs print their header row when no row follows.

`entities` (ENTITY_FIELDS), `entities --candidates` (CANDIDATE_FIELDS) and `check`
(CHECK_FIELDS: its summary's fields, then a finding's) build their rows from the fields
they declare, so a dictionary filter that matches nothing, a folder with no unknown name
and a check with no finding still name their fields; rows come under the same header.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli

from .conftest import PROJECT, write_data

ENTITIES_HEADER = "kind,id,name,country,aliases,articles\n"
CANDIDATES_HEADER = "name,count,articles,example,article\n"
CHECK_HEADER = "table,articles,entities,errors,warnings,result,check,subject,message\n"

# Every name of the dictionary is used and every article is dated and tagged: no finding.
_CLEAN_DICTIONARY = """\
countries:
  - {code: TJ, name: Tajikistan}
initiatives:
  - {id: satellite, name: Satellite internet, triggers: [satellite]}
"""
_CLEAN_ARTICLES = {
    "dish.md": "---\ntitle: Dishes on roofs\ndate: 2024-11-05\n---\n"
    "Villages in Tajikistan now get satellite internet.\n",
}


def _run(data: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def empty_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("empty") / "data"
    (data / "articles").mkdir(parents=True)
    shutil.copy(PROJECT / "data" / "entities.yaml", data / "entities.yaml")
    return data


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


def test_entities_and_candidates_rows_come_under_the_same_header(seed_data: Path) -> None:
    for args, header in [
        (("entities", "--country", "TJ"), ENTITIES_HEADER),
        (("entities", "--candidates"), CANDIDATES_HEADER),
    ]:
        code, text = _run(seed_data, *args, "--format", "csv")
        first, _, rest = text.partition("\n")
        assert (code, first + "\n") == (0, header) and rest, args


def test_a_check_with_no_finding_prints_every_field(tmp_path: Path) -> None:
    data = write_data(tmp_path / "clean", _CLEAN_DICTIONARY, _CLEAN_ARTICLES)
    assert _run(data, "check", "--strict", "--format", "csv") == (
        0,
        CHECK_HEADER + "summary,1,2,0,0,ok,,,\n",
    )


def test_a_check_with_findings_prints_the_same_header(empty_data: Path) -> None:
    code, text = _run(empty_data, "check", "--format", "csv")
    first, _, rest = text.partition("\n")
    assert (code, first + "\n") == (0, CHECK_HEADER)
    assert "warnings,,,,,,no-articles,articles,no article files\n" in rest
