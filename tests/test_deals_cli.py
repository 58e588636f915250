"""`deals`, `deal ID`, `timeline --deals`, `export --deals`: real runs on a small corpus
written here, with and without the index; ids kept across an added article; a bad
named-deals file."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.deals import store

from .conftest import FIXTURES, write_data

ARTICLES = {
    "a1.md": (
        "---\ntitle: Schools online\ndate: 2024-03-05\nsource: steppe-news.example\n"
        "---\nStarlink and Kazakhstan signed an agreement on satellite internet for schools.\n"
    ),
    "a2.md": (
        "---\ntitle: Service news\ndate: 2024-09-10\nsource: caspian-daily.example\n---\n"
        "Starlink launched its satellite internet service in Kazakhstan.\n"
    ),
    "a3.md": (
        "---\ntitle: Uzbek networks\ndate: 2024-05-20\nsource: steppe-news.example\n---\n"
        "Huawei and Uzbekistan signed a contract to install 5G base stations.\n"
    ),
}
OLDER = (
    "---\ntitle: First talks\ndate: 2023-11-02\nsource: caspian-daily.example\n---\n"
    "Starlink held talks with Kazakhstan on satellite internet.\n"
)


@pytest.fixture
def deals_dir(tmp_path: Path) -> Path:
    folder = write_data(tmp_path / "data", "", ARTICLES)
    shutil.copy(FIXTURES / "entities.yaml", folder / "entities.yaml")
    return folder


def run(folder: Path, *args: str, index: bool = True):
    options = ["--data", str(folder)] + ([] if index else ["--no-index"])
    return CliRunner().invoke(cli, [*options, *args])


@pytest.mark.parametrize("index", [True, False])
def test_deals_lists_one_row_per_deal(deals_dir: Path, index: bool) -> None:
    result = run(deals_dir, "deals", index=index)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "id                   status     first       last        events  articles  outlets  "
        "title                  organizations  countries  initiatives",
        "starlink-kazakhstan  launch     2024-03-05  2024-09-10  2       2         2        "
        "Starlink – Kazakhstan  Starlink       KZ         satellite",
        "huawei-uzbekistan    agreement  2024-05-20  2024-05-20  1       1         1        "
        "Huawei – Uzbekistan    Huawei         UZ         5g, mobile",
    ]


def test_deals_filters_mean_what_they_mean_elsewhere(deals_dir: Path) -> None:
    for args, ids in [
        (("--country", "UZ"), ["huawei-uzbekistan"]),
        (("--org", "starlink"), ["starlink-kazakhstan"]),
        (("--type", "5g"), ["huawei-uzbekistan"]),
        (("--since", "2024-06"), ["starlink-kazakhstan"]),
        (("--until", "2024-04"), ["starlink-kazakhstan"]),
        (("--text", "base stations"), ["huawei-uzbekistan"]),
        (("--status", "launch"), ["starlink-kazakhstan"]),
    ]:
        result = run(deals_dir, "deals", *args, "--format", "json")
        assert [row["id"] for row in json.loads(result.stdout)] == ids, args


def test_bad_status_is_a_usage_error(deals_dir: Path) -> None:
    result = run(deals_dir, "deals", "--status", "finished")
    assert result.exit_code == 2
    assert "--status 'finished': use one of talks, mou" in result.stderr


def test_deal_tells_the_storyline_in_plain_text(deals_dir: Path) -> None:
    result = run(deals_dir, "deal", "starlink-kazakhstan")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "starlink-kazakhstan: Starlink – Kazakhstan",
        "status:  launch (since 2024-09-10)",
        "parties: Starlink (from a1#1)",
        "         KZ (from a1#1)",
        "types:   satellite",
        "seen:    2024-03-05 .. 2024-09-10, 2 events in 2 articles from 2 outlets",
        "",
        "history:",
        "  2024-03-05  agreement      Starlink, KZ",
        "              a1#1 steppe-news.example",
        "              Starlink and Kazakhstan signed an agreement on satellite…",
        "  2024-09-10  launch         Starlink, KZ",
        "              a2#1 caspian-daily.example",
        "              Starlink launched its satellite internet service in Kazakhstan.",
        "",
        "sources:",
        "  a1  2024-03-05  steppe-news.example",
        "  a2  2024-09-10  caspian-daily.example",
    ]


def test_deal_json_is_the_export_record(deals_dir: Path) -> None:
    (record,) = json.loads(run(deals_dir, "deal", "starlink-kazakhstan", "-f", "json").stdout)
    assert record["schema_version"] == 1
    assert record["status"] == "launch"
    assert [h["stage"] for h in record["history"]] == ["agreement", "launch"]
    assert record["parties"][0] == {
        "id": "starlink",
        "name": "Starlink",
        "kind": "company",
        "country": "US",
        "joined": "a1#1",
        "dropped": None,
    }


def test_unknown_deal_is_a_usage_error(deals_dir: Path) -> None:
    result = run(deals_dir, "deal", "no-such-deal")
    assert result.exit_code == 2
    assert "no deal with id 'no-such-deal' (see `caconnect deals`)" in result.stderr


def test_export_deals_csv_joins_lists(deals_dir: Path) -> None:
    result = run(deals_dir, "export", "--deals", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "starlink-kazakhstan"
    assert rows[0]["schema_version"] == "1"
    assert rows[0]["stages"] == "agreement;launch"
    assert rows[0]["article_ids"] == "a1;a2"


def test_export_deal_events_one_row_per_event(deals_dir: Path) -> None:
    result = run(deals_dir, "export", "--deal-events", "--country", "KZ")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["deal_id"], r["stage"], r["article"]) for r in rows] == [
        ("starlink-kazakhstan", "agreement", "a1"),
        ("starlink-kazakhstan", "launch", "a2"),
    ]


def test_timeline_deals_groups_events_under_their_deal(deals_dir: Path) -> None:
    result = run(deals_dir, "timeline", "--deals", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["deal"], r["stage"]) for r in rows] == [
        ("starlink-kazakhstan", "agreement"),
        ("starlink-kazakhstan", "launch"),
        ("huawei-uzbekistan", "agreement"),
    ]


def test_ids_stay_when_an_older_article_is_added(deals_dir: Path) -> None:
    before = json.loads(run(deals_dir, "deals", "-f", "json").stdout)
    (deals_dir / "articles" / "a0.md").write_text(OLDER, encoding="utf-8")
    after = json.loads(run(deals_dir, "deals", "-f", "json").stdout)
    assert [row["id"] for row in after] == [row["id"] for row in before]
    assert after[0]["first"] == "2023-11-02"
    assert after[0]["events"] == 3


def test_adding_an_article_relinks_only_the_deals_it_touches(
    deals_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(deals_dir, "deals")
    linked: list[list[str]] = []
    real = store.link

    def spy(facts, *args, **kwargs):
        linked.append(sorted(f.id for f in facts))
        return real(facts, *args, **kwargs)

    monkeypatch.setattr(store, "link", spy)
    (deals_dir / "articles" / "a4.md").write_text(
        "---\ndate: 2024-10-01\n---\nHuawei installed 5G base stations in Uzbekistan.\n",
        encoding="utf-8",
    )
    result = run(deals_dir, "deals", "-f", "json")
    assert linked == [["a3", "a4"]]
    assert [row["events"] for row in json.loads(result.stdout)] == [2, 2]


def test_a_named_deal_gives_its_id_and_name(deals_dir: Path) -> None:
    (deals_dir / "deals.yaml").write_text(
        "deals:\n"
        "  - id: kz-school-satellite\n"
        "    name: Satellite internet for Kazakh schools\n"
        "    aliases: [Starlink]\n"
        "    parties: [KZ, starlink]\n"
        "    initiatives: [satellite]\n",
        encoding="utf-8",
    )
    for index in (True, False):
        rows = json.loads(run(deals_dir, "deals", "-f", "json", index=index).stdout)
        assert [row["id"] for row in rows] == ["kz-school-satellite", "huawei-uzbekistan"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "deals:\n  - id: a-deal\n    name: A deal\n    partners: [KZ]\n",
            "deals.yaml:4: deals.0.partners: Extra inputs are not permitted",
        ),
        (
            "deals:\n  - id: a-deal\n    name: A deal\n  - id: a-deal\n    name: Again\n",
            "deals.yaml:4: deal 'a-deal' is defined twice",
        ),
        (
            "deals:\n  - id: a-deal\n    name: A deal\n    parties: [nobody]\n",
            "deals.yaml:2: deal 'a-deal': unknown party 'nobody'",
        ),
        ("deals:\n  - id: Bad Id\n    name: x\n", "deals.yaml:2: deals.0.id: String should match"),
        ("deals: [\n", "deals.yaml:2:"),
    ],
)
def test_a_bad_deals_file_is_one_clear_error(deals_dir: Path, content: str, message: str) -> None:
    (deals_dir / "deals.yaml").write_text(content, encoding="utf-8")
    result = run(deals_dir, "deals")
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
