"""Deals across languages (issue 15): a Russian and an English article about the same
deal join one deal, and `deal ID` holds the evidence of both; the same foreign company's
deal in another country stays apart. Articles written for this test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli

from .conftest import PROJECT, write_data

ARTICLES = {
    "kz-en.md": (
        "---\ntitle: OneWeb to bring satellite internet to Kazakh village schools\n"
        "source: steppe-news.example\n---\n"
        "Astana, 2 September 2024 – Kazakhtelecom and OneWeb signed an agreement to connect"
        " 500 village schools in Kazakhstan to satellite internet.\n"
    ),
    # Inflected names («Казахтелекома», «Казахстана»), a Russian dateline and date.
    "kz-ru.md": (
        "---\ntitle: Спутниковый интернет придёт в сельские школы Казахстана\n"
        "source: kursiv.example\n---\n"
        "Астана, 5 сентября 2024 года. «Казахтелеком» и британская компания «ВанВеб»"
        " подписали соглашение о подключении 500 сельских школ Казахстана к спутниковому"
        " интернету. По словам представителя «Казахтелекома», первые терминалы установят"
        " в Акмолинской области.\n"
    ),
    # The same foreign company, another country: another deal.
    "uz-ru.md": (
        "---\ntitle: ВанВеб получила лицензию в Узбекистане\nsource: gazeta.example\n---\n"
        "Ташкент, 20 ноября 2024 года. Британская компания «ВанВеб» получила лицензию на"
        " оказание услуг спутниковой связи в Узбекистане и подписала соглашение"
        " с «Узбектелекомом».\n"
    ),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = write_data(tmp_path_factory.mktemp("mixed") / "data", "", ARTICLES)
    shutil.copy(PROJECT / "data" / "entities.yaml", target / "entities.yaml")
    return target


def run_json(folder: Path, *args: str):
    result = CliRunner().invoke(cli, ["--data", str(folder), "--no-index", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_an_english_and_a_russian_article_join_one_deal(folder: Path) -> None:
    deals = {deal["id"]: deal for deal in run_json(folder, "deals", "--format", "json")}
    assert sorted(deals) == ["kazakhtelecom-oneweb", "oneweb-uzbektelecom"]
    assert deals["kazakhtelecom-oneweb"]["articles"] == 2
    assert deals["oneweb-uzbektelecom"]["articles"] == 1


def test_the_deal_record_holds_evidence_in_both_languages(folder: Path) -> None:
    [record] = run_json(folder, "deal", "kazakhtelecom-oneweb", "--format", "json")
    history = {entry["article"]: entry for entry in record["history"]}
    assert sorted(history) == ["kz-en", "kz-ru"]
    assert history["kz-en"]["evidence"].startswith("Astana, 2 September 2024 – Kazakhtelecom")
    assert history["kz-ru"]["evidence"].startswith("«Казахтелеком» и британская компания")
    assert history["kz-ru"]["date"] == "2024-09-05"  # the Russian dateline
    parties = {party["id"] for party in record["parties"]}
    assert {"kazakhtelecom", "oneweb", "KZ"} <= parties
    assert [source["article"] for source in record["sources"]] == ["kz-en", "kz-ru"]


def test_the_readme_example_links_its_two_articles() -> None:
    """docs/examples/mixed-deal (docs/russian.md): one deal from an
    English and a Russian article, Nokia's deal in Uzbekistan apart."""
    example = PROJECT / "docs" / "examples" / "mixed-deal"
    deals = {deal["id"]: deal for deal in run_json(example, "deals", "--format", "json")}
    assert deals["kyrgyztelecom-nokia"]["articles"] == 2
    assert deals["nokia-uzbektelecom"]["articles"] == 1
