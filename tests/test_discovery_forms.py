"""Discovery of names the dictionary lacks: legal forms, heads that need `of`/`for`,
subsidiaries named by their parent, glued years, and acronyms read in context."""

from __future__ import annotations

import pytest

from ca_connect.models import Article, Discovery, HeadWords
from ca_connect.tagging.discovery import Discoverer
from ca_connect.tagging.tagger import tag
from ca_connect.tokens import sentence_spans, tokenize

RULES = Discovery(
    name_heads=HeadWords(company=["Group", "Ltd", "GmbH", "PJSC", "Enterprises"]),
    continued_heads=HeadWords(agency=["Center", "Centre", "Office"]),
    generic_words=["State", "National", "Data"],
    leading_words=["The", "Director"],
    forms_before_name=["JSC", "TOO", "AO", "LLC"],
)
DISCOVERER = Discoverer(RULES, ["Kazakh", "Kazakhstan", "Uzbek"])


def names(text: str) -> list[tuple[str, str]]:
    found = DISCOVERER.find(text, tokenize(text), sentence_spans(text), [])
    return [(item.name, item.kind) for item in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cables came from Orzu Sim Ltd last spring.", [("Orzu Sim Ltd", "company")]),
        ("The software is by Steppe Code GmbH of Munich.", [("Steppe Code GmbH", "company")]),
        ("Its shares went to Aral Fibre PJSC this year.", [("Aral Fibre PJSC", "company")]),
        (
            "A deal with Navoi Cable Enterprises was signed.",
            [("Navoi Cable Enterprises", "company")],
        ),
        (  # a legal form before the name, with or without quotes
            "The towers belong to TOO «Sary Arka Towers» and AO Kokshe Link now.",
            [("Sary Arka Towers", "company"), ("Kokshe Link", "company")],
        ),
        ("We called JSC National on Monday.", []),  # only a generic word after the form
        (  # an `and` after another body's name starts a new name
            "Officials from Orzu Group and Steppe Cable Ltd were asked to check it.",
            [("Steppe Cable Ltd", "company"), ("Orzu Group", "company")],
        ),
        (  # Center, Centre, Office: a name only when `of`, `for` or `on` follows
            "The Kazakh Centre for Orbital Relays now runs the old data hall, which the "
            "city once called its Data Processing Center.",
            [("Kazakh Centre for Orbital Relays", "agency")],
        ),
        ("The Project Implementation Office hired staff.", []),
        ("The Office of Digital Affairs opened.", [("Office of Digital Affairs", "agency")]),
        (  # a one-letter prefix hyphened to the first word belongs to the name
            "It was built with the e-Governance Group and a local firm.",
            [("e-Governance Group", "company")],
        ),
    ],
)
def test_discovered_names(text: str, expected: list) -> None:
    assert names(text) == expected


def orgs(text: str, dictionary) -> list[tuple[str, str, str | None, str | None]]:
    tagged = tag(Article(id="a", path="a.txt", body=text), dictionary)
    return [(o.id, o.name, o.country, o.parent) for o in tagged.organizations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a brand, a country and a legal form: a subsidiary with its parent
            "The licence went to ZTE Kyrgyzstan LLC in March.",
            [("new:zte-kyrgyzstan-llc", "ZTE Kyrgyzstan LLC", "KG", "zte")],
        ),
        (
            "Engineers from Nokia Turkmenistan visited the site.",
            [("new:nokia-turkmenistan", "Nokia Turkmenistan", "TM", "nokia")],
        ),
        (  # a brand, more words and a legal form
            "Ericsson Orbital Services LLC filed the papers.",
            [
                (
                    "new:ericsson-orbital-services-llc",
                    "Ericsson Orbital Services LLC",
                    "SE",
                    "ericsson",
                )
            ],
        ),
        (  # words that only restate the brand do not make a subsidiary
            "Huawei Technologies Co., Ltd. and Huawei agreed.",
            [("huawei", "Huawei", "CN", None)],
        ),
        (  # the brand's own country is the brand itself
            "Kazakhtelecom Kazakhstan announced the tariff.",
            [("kazakhtelecom", "Kazakhtelecom", "KZ", None)],
        ),
        (  # an international body followed by a country is no subsidiary
            "The ADB Kazakhstan programme grew.",
            [("adb", "Asian Development Bank", None, None)],
        ),
    ],
)
def test_subsidiaries(project_dictionary, text: str, expected: list) -> None:
    assert orgs(text, project_dictionary) == expected


def test_a_year_glued_to_a_name_does_not_hide_it(project_dictionary) -> None:
    assert [o[0] for o in orgs("Founded in 2008Tajiktelecom grew.", project_dictionary)] == [
        "tojiktelecom"
    ]


def test_an_acronym_reads_as_the_body_the_article_names_in_full(project_dictionary) -> None:
    pakistan = (
        "The Special Communications Organization will extend 4G in Gilgit. "
        "SCO engineers began work in May."
    )
    assert [o[0] for o in orgs(pakistan, project_dictionary)] == ["pk-special-communications"]
    summit = "Leaders of the SCO met in Astana to discuss transit."
    assert [o[0] for o in orgs(summit, project_dictionary)] == ["sco"]
    both = (
        "The Shanghai Cooperation Organisation and the Special Communications "
        "Organization differ; the SCO summit was in July."
    )
    tagged = tag(Article(id="a", path="a.txt", body=both), project_dictionary)
    assert [m.entity for m in tagged.mentions if m.text == "SCO"] == ["sco"]


def test_a_sentence_dense_with_names_is_no_headline() -> None:
    text = "Bids from Orzu Group, Aral Fibre Group and Steppe Code Group are under review."
    assert [name for name, _ in names(text)] == [
        "Orzu Group",
        "Steppe Code Group",
        "Aral Fibre Group",
    ]
    headline = "Orzu Group And Steppe Code Group To Build Cable"
    assert names(headline) == []


def test_an_ordinal_inside_a_name_keeps_it_whole() -> None:
    text = "The tunnel went to Orzu Railway 12th Works Group and a local firm last year."
    assert names(text) == [("Orzu Railway 12th Works Group", "company")]
