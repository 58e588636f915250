"""`caconnect entities`: the dictionary with article counts, and names it lacks."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.corpus import DataDir, open_corpus
from ca_connect.maintain.candidates import find_candidates
from ca_connect.maintain.entities import entity_rows
from ca_connect.models import Article, EntityDictionary, Filters
from ca_connect.tagging.tagger import tag

from .conftest import write_data

DICTIONARY = """\
countries:
  - {code: UZ, name: Uzbekistan, demonyms: [Uzbek], capitals: [Tashkent]}
  - {code: KZ, name: Kazakhstan, capitals: [Astana]}
organizations:
  - {id: uztelecom, name: Uzbektelecom, kind: company, country: UZ, aliases: [Uztelecom]}
  - {id: uz-digital, name: Ministry of Digital Technologies, kind: agency, country: UZ}
  - {id: adb, name: Asian Development Bank, kind: intl, aliases: [ADB]}
initiatives:
  - {id: fiber, name: Fibre-optic networks, triggers: [fiber, fibre]}
  - {id: 5g, name: 5G, triggers: [5G]}
ignore:
  names: [Kun.uz]
"""
ARTICLES = {
    "a.txt": "Uzbektelecom lays fibre with ZTE\n"
    "TASHKENT, 10 January 2025. Uzbektelecom and ZTE Corporation will lay fibre across "
    "Uzbekistan, the Ministry of Digital Technologies said on Monday, Kun.uz reports.\n",
    "b.txt": "Kazakhstan and Uzbekistan talk to the ADB\n"
    "ASTANA, 3 February 2025. The Asian Development Bank met Kcell JSC and ZTE in Astana. "
    "In March, Kazakhstan and Uzbekistan will sign with Tcell LLC. The ZTE deal covers 5G.\n",
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_data(tmp_path / "data", DICTIONARY, ARTICLES)


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), "entities", *args])
    return result.exit_code, result.stdout, result.stderr


def test_entities_lists_the_dictionary_with_article_counts(data: Path) -> None:
    code, out, err = run(data)
    assert (code, err) == (0, "")
    rows = [
        "kind        id          name                              country  aliases          "
        "articles",
        "country     KZ          Kazakhstan                        KZ       Astana           1",
        "country     UZ          Uzbekistan                        UZ       Uzbek, Tashkent  2",
        "intl        adb         Asian Development Bank                     ADB              1",
        "agency      uz-digital  Ministry of Digital Technologies  UZ                        1",
        "company     uztelecom   Uzbektelecom                      UZ       Uztelecom        1",
        "initiative  5g          5G                                         5G               1",
        "initiative  fiber       Fibre-optic networks                       fiber, fibre     1",
    ]
    assert out.splitlines() == [row.rstrip() for row in rows]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        (["--kind", "organization"], ["adb", "uz-digital", "uztelecom"]),
        (["--kind", "company"], ["uztelecom"]),
        (["--kind", "initiative"], ["5g", "fiber"]),
        (["--country", "UZ"], ["UZ", "uz-digital", "uztelecom"]),
        (["--country", "uzbekistan", "--kind", "agency"], ["uz-digital"]),
    ],
)
def test_kind_and_country_select_entities(data: Path, args: list[str], ids: list[str]) -> None:
    code, out, _ = run(data, *args, "--format", "csv")
    assert code == 0
    assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ids


def test_counts_agree_with_the_tags(data: Path) -> None:
    corpus = open_corpus(DataDir(data))
    articles = corpus.select(Filters())
    for row in entity_rows(corpus.dictionary, articles):
        tagged = [
            a
            for a in articles
            if row["id"] in (*a.countries, *a.initiatives, *(o.id for o in a.organizations))
        ]
        assert row["articles"] == len(tagged), row["id"]


def test_candidates_are_unknown_names_in_most_articles_first(data: Path) -> None:
    code, out, err = run(data, "--candidates", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == [
        {
            "name": "ZTE",
            "count": 4,
            "articles": 2,
            "example": "Uzbektelecom lays fibre with ZTE",
            "article": "a",
        },
        {
            "name": "Kcell JSC",
            "count": 1,
            "articles": 1,
            "example": "The Asian Development Bank met Kcell JSC and ZTE in Astana.",
            "article": "b",
        },
        {
            "name": "Tcell LLC",
            "count": 1,
            "articles": 1,
            "example": "In March, Kazakhstan and Uzbekistan will sign with Tcell LLC.",
            "article": "b",
        },
        {
            "name": "ZTE Corporation",
            "count": 1,
            "articles": 1,
            "example": "Uzbektelecom and ZTE Corporation will lay fibre across Uzbekistan, "
            "the Ministry of Digital Technologies said on Monday, Kun.uz reports.",
            "article": "a",
        },
    ]


def test_candidates_leave_out_known_names_calendar_and_sentence_starts(data: Path) -> None:
    corpus = open_corpus(DataDir(data))
    names = {c.name for c in find_candidates(corpus.select(Filters()), corpus.dictionary)}
    for known in ("Uzbektelecom", "Asian Development Bank", "ADB", "Kun.uz", "TASHKENT"):
        assert known not in names
    for noise in ("Monday", "In March", "March", "The Asian", "Kazakhstan and Uzbekistan"):
        assert noise not in names


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Officials met the Ministry of Transport and Communications.",
            ["Ministry of Transport and Communications"],
        ),
        ("According to Beeline Kazakhstan, traffic grew.", ["Beeline Kazakhstan"]),
        ("Elaborating on Uzbekistan plans, MegaFon said so.", ["MegaFon"]),
        ("Asia Business Central Asia China Europe Featured Global News", []),
        ("The CEO of Tele2 spoke in February 2025.", []),
        (
            "The talks took place at the second Central Asia-US Business Forum in May.",
            ["Central Asia-US Business Forum", "US"],
        ),
    ],
)
def test_candidate_rules(data: Path, sentence: str, expected: list[str]) -> None:
    (data / "articles" / "a.txt").write_text(f"{sentence}\n")
    (data / "articles" / "b.txt").unlink()
    corpus = open_corpus(DataDir(data))
    found = find_candidates(corpus.select(Filters()), corpus.dictionary)
    assert [c.name for c in found] == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--candidates", "--kind", "company"], "Error: --candidates lists unknown names"),
        (["--country", "Atlantis"], "Error: --country: unknown country 'Atlantis'"),
        (["--kind", "planet"], "Invalid value for '--kind'"),
    ],
)
def test_usage_errors(data: Path, args: list[str], message: str) -> None:
    code, _, err = run(data, *args)
    assert code == 2
    assert message in err


def test_a_name_in_more_articles_ranks_above_a_name_repeated_in_one(tmp_path: Path) -> None:
    articles = {
        "a.txt": "The first buyer of the new line was the firm Nurli Yol Cable, while the "
        "second was Qoraqum Data Systems. Later the staff of Qoraqum Data Systems said that "
        "the work of Qoraqum Data Systems was on time, and so did the boss of Qoraqum Data "
        "Systems.\n",
        "b.txt": "The old line was laid last year by Nurli Yol Cable with fibre from abroad.\n",
    }
    corpus = open_corpus(DataDir(write_data(tmp_path / "d", DICTIONARY, articles)))
    found = find_candidates(corpus.select(Filters()), corpus.dictionary)
    assert [(c.name, c.articles, c.count) for c in found] == [
        ("Nurli Yol Cable", 2, 2),
        ("Qoraqum Data Systems", 1, 4),
    ]


# --- The project's dictionary: the region's companies and their short forms ------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the registered spelling of the Tele2/Altel venture, gated on KZ
        (
            "In Kazakhstan, Mobile Telecom-Service said it would add towers.",
            ["mobile-telecom-services"],
        ),
        ("Analysts at Halyk Finance in Almaty cut their forecast.", ["halyk-finance"]),
        # MegaCom trades as Mega, a word gated on KG
        ("In Kyrgyzstan, Mega switched on 4G in Osh.", ["megacom"]),
        ("The mega project in Kyrgyzstan was delayed.", []),
        ("Mega, the fund, met investors in Kazakhstan.", []),
        ("Mega-projects in Kyrgyzstan stalled.", []),
        ("Seoul-based KT will build the network.", ["kt"]),
        ("The line was financed by China Exim.", ["china-exim-bank"]),
        ("Huawei International Pte Ltd signed the contract.", ["huawei-international"]),
        (
            "KZ-CERT, run by the State Technical Service, warned of attacks in Kazakhstan.",
            ["kz-cert", "kz-state-technical-service"],
        ),
        # an en dash between words is a hyphen
        (
            "Monaco-based Space Systems International–Monaco leased the slot to Turkmenistan.",
            ["space-systems-international-monaco"],
        ),
        # the ADB's grant window, and a conglomerate named as an owner
        ("The grant is paid from the Asian Development Fund.", ["asian-development-fund"]),
        ("LG CNS, the IT arm of the LG group, won the tender.", ["lg-cns", "lg-corporation"]),
        # Russian and Kazakh forms of the railway company, and a broker's Russian name
        (
            "Транстелеком, дочерняя компания АО «НК «Қазақстан темір жолы», проложит линию.",
            ["transtelecom-kz", "kazakhstan-temir-zholy"],
        ),
        ("Аналитики «Фридом Финанс» оценили проект.", ["freedom-finance"]),
        ("КТЖ и Казахтелеком обсудили проект.", ["kazakhstan-temir-zholy", "kazakhtelecom"]),
        # a body named with the one it is under is one body
        (
            "The Agency of Transport and Communications under the Cabinet of Ministers of "
            "Turkmenistan approved the plan.",
            ["tm-transport-communications-agency"],
        ),
    ],
)
def test_the_region_s_companies_and_bodies(
    sentence: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    article = tag(Article(id="t", path="t.txt", body=sentence), dictionary)
    assert [org.id for org in article.organizations] == expected
