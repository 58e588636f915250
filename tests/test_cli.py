"""The commands, end to end on the seeds: exit codes and exact output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def test_timeline_for_turkmenistan_lists_seeds_000_then_004(seed_data: Path) -> None:
    code, out, err = run(seed_data, "timeline", "--articles", "--country", "TM")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["date", "id"]
    assert [line.split()[:2] for line in lines[1:]] == [
        ["2025-03-03", "000_31d352362439dc2f"],
        ["2026-02-12", "004_c790570d8809d829"],
    ]


def test_export_csv_for_tajikistan_lists_001_002_004(seed_data: Path) -> None:
    code, out, _ = run(seed_data, "export", "--format", "csv", "--country", "TJ")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["id"][:3] for row in rows] == ["001", "004", "002"]
    assert rows[2]["date"] == "" and "TJ" in rows[2]["countries"].split(";")
    assert set(rows[0]) >= {"id", "path", "title", "date", "date_precision", "countries"}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_schema(seed_data: Path, fmt: str) -> None:
    code, out, _ = run(seed_data, "export", "--format", fmt, "--country", "turkmenistan")
    assert code == 0
    records = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
    assert [r["id"][:3] for r in records] == ["000", "004"]
    record = records[1]
    assert record["date"] == "2026-02-12" and record["date_precision"] == "day"
    assert {o["id"] for o in record["organizations"]} >= {"spacex", "starlink"}
    assert set(record["organizations"][0]) == {"id", "name", "kind", "country", "parent"}
    mention = record["mentions"][0]
    assert set(mention) == {"entity", "kind", "field", "text", "start", "end", "former_name"}
    article_text = (seed_data / "articles" / "004_c790570d8809d829.txt").read_text()
    for mention in record["mentions"]:
        assert mention["field"] == "body"
        assert article_text[mention["start"] : mention["end"]] == mention["text"]


def test_undated_articles_are_last_and_marked(seed_data: Path) -> None:
    _, out, _ = run(seed_data, "timeline", "--articles", "--country", "TJ")
    last = out.splitlines()[-1]
    assert last.startswith("undated") and "002_6d280884871be0f3" in last


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "jsonl"])
def test_every_row_command_speaks_every_format(seed_data: Path, fmt: str) -> None:
    for command in (["timeline", "--articles"], ["articles"], ["summary"]):
        code, out, err = run(seed_data, *command, "--format", fmt)
        assert (code, err) == (0, ""), command
        assert out.strip(), command


def test_articles_filters(seed_data: Path) -> None:
    _, out, _ = run(seed_data, "articles", "--org", "huawei", "--since", "2025", "-f", "csv")
    assert [row["id"][:3] for row in csv.DictReader(io.StringIO(out))] == ["000"]
    _, out, _ = run(seed_data, "articles", "--text", "starlink", "-f", "csv")
    assert [row["id"][:3] for row in csv.DictReader(io.StringIO(out))] == ["004"]
    _, out, _ = run(
        seed_data, "articles", "--type", "satellite", "--until", "March 2026", "-f", "csv"
    )
    assert [row["id"][:3] for row in csv.DictReader(io.StringIO(out))] == ["004"]


def test_summary_table(seed_data: Path) -> None:
    code, out, _ = run(seed_data, "summary", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {
        "countries",
        "initiatives",
        "organizations",
        "years",
        "country_by_initiative",
    }
    assert {"country": "TJ", "articles": 3} in result["countries"]
    assert {"year": "undated", "articles": 2} in result["years"]


def test_show_marks_mentions(seed_data: Path) -> None:
    code, out, _ = run(seed_data, "show", "004_c790570d8809d829")
    assert code == 0
    assert "date:          2026-02-12 (dateline)" in out
    assert "[Starlink]" in out and "organization starlink: body[" in out


def test_show_json_is_the_export_record(seed_data: Path) -> None:
    _, out, _ = run(seed_data, "show", "003_fa4b8374434da661", "-f", "json")
    assert json.loads(out)[0]["organizations"][0]["id"] == "carec"


# --- Bad input: one line, the option or file named, exit 2 (usage) or 1 (data) ------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--country", "Atlantis"], "Error: --country: unknown country 'Atlantis'"),
        (["timeline", "--since", "soonish"], "Error: --since 'soonish'"),
        (["articles", "--org", "nobody"], "Error: --org: unknown organisation 'nobody'"),
        (["summary", "--type", "6g"], "Error: --type: unknown initiative type '6g'"),
        (["show", "nope"], "Error: no article with id 'nope'"),
        (["export", "--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(seed_data: Path, args: list[str], message: str) -> None:
    code, _, err = run(seed_data, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_missing_data_folder(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "nowhere", "timeline")
    assert code == 2
    assert err.strip().endswith("use --data DIR or set CACONNECT_DATA")


def test_data_from_environment(seed_data: Path) -> None:
    result = CliRunner().invoke(cli, ["articles"], env={"CACONNECT_DATA": str(seed_data)})
    assert result.exit_code == 0 and "004_c790570d8809d829" in result.stdout


def test_broken_dictionary_is_a_data_error(data_dir: Path) -> None:
    (data_dir / "entities.yaml").write_text("countries:\n  - {code: TM\n")
    code, _, err = run(data_dir, "timeline")
    assert code == 1
    assert err.startswith(f"Error: {data_dir / 'entities.yaml'}:")
    assert len(err.splitlines()) == 1


def test_bad_articles_are_reported_and_the_rest_answered(data_dir: Path) -> None:
    articles = data_dir / "articles"
    (articles / "broken.md").write_text("---\ntitle: [oops\n---\nBody\n")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02")
    (articles / "empty.txt").write_text("")
    (articles / "latin1.txt").write_bytes("Caf\xe9\n".encode("latin-1"))
    code, out, err = run(data_dir, "timeline", "--articles", "--country", "TM")
    assert code == 1
    assert "000_31d352362439dc2f" in out and "004_c790570d8809d829" in out
    lines = err.splitlines()
    assert len(lines) == 4
    assert any(f"{articles / 'broken.md'}:2: front matter" in line for line in lines)
    assert any(f"{articles / 'binary.txt'}: binary file" in line for line in lines)
    assert any(f"{articles / 'empty.txt'}: empty file" in line for line in lines)
    assert any(f"{articles / 'latin1.txt'}:1: not UTF-8" in line for line in lines)


def test_output_file_is_written_and_never_inside_the_articles(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    code, out, _ = run(data_dir, "export", "-f", "csv", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text().startswith("schema_version,id,path,title,date")
    victim = data_dir / "articles" / "000_31d352362439dc2f.txt"
    before = victim.read_bytes()
    code, _, err = run(data_dir, "export", "-f", "csv", "-o", str(victim))
    assert code == 2 and "refusing to write inside the articles folder" in err
    assert victim.read_bytes() == before


def test_version_and_help() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("caconnect ")
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0 and "timeline" in result.stdout
