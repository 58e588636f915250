"""`caconnect check`: the corpus and dictionary report, and its exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.corpus import DataDir
from ca_connect.maintain.check import check_data

from .conftest import SEEDS, write_data

TINY_DICTIONARY = """\
countries:
  - {code: UZ, name: Uzbekistan}
  - {code: KZ, name: Kazakhstan, demonyms: [Kazakh]}
organizations:
  - {id: uztelecom, name: Uzbektelecom, kind: company, country: UZ, aliases: [Uztelecom]}
  - {id: adb, name: Asian Development Bank, kind: intl, aliases: [ADB]}
initiatives:
  - {id: fiber, name: Fibre-optic networks, triggers: [fiber, fibre]}
"""
TINY_ARTICLES = {
    "a.md": "---\ntitle: Uzbektelecom lays fibre\ndate: 2025-01-10\n---\n"
    "Uzbektelecom (Uztelecom) and the ADB will lay fibre in Uzbekistan.\n",
    "b.md": "---\ntitle: Kazakh fiber plans\ndate: 2025-02\n---\n"
    "Kazakhstan asks the Asian Development Bank for a loan.\n",
}


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), "check", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A corpus in which every entity, alias and initiative type is used: no findings."""
    return write_data(tmp_path / "tiny", TINY_DICTIONARY, TINY_ARTICLES)


def findings(data: Path) -> list[tuple[str, str, str]]:
    return [(f.severity, f.check, f.subject) for f in check_data(DataDir(data)).findings]


def test_a_clean_corpus_exits_0_even_with_strict(tiny: Path) -> None:
    code, out, err = run(tiny, "--strict")
    assert (code, err) == (0, "")
    assert out == (
        "summary\n"
        "articles  entities  errors  warnings  result\n"
        "2         5         0       0         ok\n"
        "\n"
        "errors\n(none)\n"
        "\n"
        "warnings\n(none)\n"
    )


def test_warnings_pass_but_fail_with_strict(tiny: Path) -> None:
    (tiny / "articles" / "c.txt").write_text("Uzbekistan adds fibre\nNo date anywhere.\n")
    code, out, _ = run(tiny)
    assert code == 0
    assert "undated  c        no publication date found" in out
    code, out, _ = run(tiny, "--strict")
    assert code == 1
    assert "1         failed" in out


def test_the_seeds_pass(small_data_dir: Path) -> None:
    code, out, _ = run(small_data_dir)
    assert code == 0
    assert ("warning", "undated", "002_6d280884871be0f3") in findings(small_data_dir)
    assert "errors\n(none)\n" in out


def test_a_planted_alias_clash_is_an_error_and_articles_are_still_checked(tiny: Path) -> None:
    entities = tiny / "entities.yaml"
    entities.write_text(entities.read_text().replace("aliases: [ADB]", "aliases: [ADB, Uztelecom]"))
    (tiny / "articles" / "c.txt").write_text("Uzbekistan adds fibre\nNo date anywhere.\n")
    code, out, err = run(tiny)
    assert (code, err) == (1, "")
    assert (
        "dictionary  entities.yaml  line 6: organizations entry 'adb': 'Uztelecom' is also a name "
        "of 'uztelecom'"
    ) in out
    assert "undated  c" in out
    assert check_data(DataDir(tiny)).entities == 0


def test_a_planted_unloadable_file_is_an_error(tiny: Path) -> None:
    articles = tiny / "articles"
    (articles / "bad.md").write_text("---\ntitle: x\nauthor: me\n---\nText.\n")
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02 text")
    code, out, _ = run(tiny, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == [
        {"articles": 2, "entities": 5, "errors": 2, "warnings": 0, "result": "failed"}
    ]
    assert report["errors"] == [
        {
            "check": "unloadable",
            "subject": "bad.md",
            "message": "line 3: front matter: unknown key 'author' (allowed: title, date, "
            "source, url, language)",
        },
        {"check": "unloadable", "subject": "binary.txt", "message": "binary file, not text"},
    ]


def test_exact_duplicates_are_errors_near_ones_warnings(small_data_dir: Path) -> None:
    articles = small_data_dir / "articles"
    shutil.copy(SEEDS / "000_31d352362439dc2f.txt", articles / "zz-copy.txt")
    seed = (SEEDS / "004_c790570d8809d829.txt").read_text(encoding="utf-8")
    (articles / "zz-syndicated.txt").write_text(
        "New headline here\n" + seed.replace(" the ", " a ")
    )
    report = check_data(DataDir(small_data_dir))
    duplicates = [f for f in report.findings if "duplicate" in f.check]
    assert [(f.severity, f.check, f.subject) for f in duplicates] == [
        ("error", "duplicate", "zz-copy"),
        ("warning", "near-duplicate", "zz-syndicated"),
    ]
    assert duplicates[0].message == "the same text as 000_31d352362439dc2f"
    assert duplicates[1].message.startswith("a near-duplicate of 004_c790570d8809d829 (")
    assert run(small_data_dir)[0] == 1


def test_unused_entities_aliases_and_initiative_types(tiny: Path) -> None:
    entities = tiny / "entities.yaml"
    entities.write_text(
        entities.read_text()
        .replace("name: Uzbekistan}", "name: Uzbekistan, capitals: [Tashkent]}")
        .replace("initiatives:\n", "initiatives:\n  - {id: 5g, name: 5G, triggers: [5G]}\n")
        + "  - {id: ai, name: AI, triggers: [artificial intelligence]}\n"
    )
    text = entities.read_text().replace(
        "organizations:\n",
        "organizations:\n  - {id: tcell, name: Tcell, kind: company, country: TJ}\n",
    )
    entities.write_text(
        text.replace("countries:\n", "countries:\n  - {code: TJ, name: Tajikistan}\n")
    )
    assert [f for f in findings(tiny) if f[0] == "warning"] == [
        ("warning", "unseen-initiative", "5g"),
        ("warning", "unseen-initiative", "ai"),
        ("warning", "unused-alias", "UZ"),
        ("warning", "unused-entity", "TJ"),
        ("warning", "unused-entity", "tcell"),
    ]
    messages = {f.subject: f.message for f in check_data(DataDir(tiny)).findings}
    assert messages["UZ"] == "no article uses 'Tashkent'"
    assert messages["tcell"] == "no article mentions this organisation"


def test_untagged_articles_and_stray_files_are_warnings(tiny: Path) -> None:
    articles = tiny / "articles"
    (articles / "c.md").write_text("---\ndate: 2025-03-01\n---\nThe weather was fine.\n")
    (articles / ".2025-03-01-x.1a2b3c4d.tmp").write_text("---\ntitle: half")
    (articles / "notes.html").write_text("<p>not an article</p>")
    (articles / "old").mkdir()
    assert [f for f in findings(tiny) if f[0] == "warning"] == [
        ("warning", "stray-file", ".2025-03-01-x.1a2b3c4d.tmp"),
        ("warning", "stray-file", "notes.html"),
        ("warning", "stray-file", "old"),
        ("warning", "untagged", "c"),
    ]
    code, out, _ = run(tiny)
    assert code == 0
    assert "left by an interrupted `caconnect add`; delete it" in out


def test_a_file_whose_name_is_not_utf8_is_a_stray_file(tiny: Path) -> None:
    # every command leaves it out (the index keeps names as text): check says so
    name = os.fsencode(tiny / "articles") + b"/kcell-5g-\xff.txt"
    with open(name, "wb") as file:
        file.write(b"Kcell launched 5G in Astana.\n")
    assert ("warning", "stray-file", "kcell-5g-\ufffd.txt") in findings(tiny)
    code, out, _ = run(tiny)
    assert code == 0
    assert "its name is not UTF-8: not read; rename it" in out


@pytest.mark.slow  # validates the packaged dictionary from scratch
def test_a_folder_without_a_dictionary_is_checked_with_the_packaged_one(tiny: Path) -> None:
    (tiny / "entities.yaml").unlink()
    _, out, err = run(tiny)
    assert "has no entities.yaml; using the dictionary shipped with caconnect" in err
    assert "dictionary  " not in out


def test_a_missing_dictionary_is_an_error_not_a_crash(tiny: Path, monkeypatch) -> None:
    from ca_connect import packaged

    monkeypatch.setattr(packaged, "PACKAGED_DICTIONARY", tiny / "not-installed.yaml")
    (tiny / "entities.yaml").unlink()
    code, out, _ = run(tiny)
    assert code == 1
    assert "dictionary  entities.yaml  no entity dictionary here (use --data DIR)" in out


def test_a_missing_data_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "nowhere")
    assert code == 2
    assert err.startswith("Error: no data folder at")


def test_a_table_lists_ten_warnings_of_each_check_unless_all(tiny: Path) -> None:
    entities = tiny / "entities.yaml"
    unused = "".join(
        f"  - {{code: {code}, name: Country {code}}}\n"
        for code in ["FR", "DE", "IT", "ES", "PT", "NL", "BE", "LU", "AT", "CH", "DK", "SE"]
    )
    entities.write_text(entities.read_text().replace("countries:\n", "countries:\n" + unused))
    code, out, _ = run(tiny)
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("unused-entity")]
    assert len(lines) == 11
    assert lines[-1] == "unused-entity  ... 2 more  (--all lists them)"
    _, out, _ = run(tiny, "--all")
    assert len([line for line in out.splitlines() if line.startswith("unused-entity")]) == 12
    _, out, _ = run(tiny, "--format", "json")
    assert len(json.loads(out)["warnings"]) == 12
