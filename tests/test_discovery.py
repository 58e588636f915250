"""Organisations the dictionary lacks, recognised by the shape of their names."""

from __future__ import annotations

import pytest

from ca_connect.dictionary import load_dictionary
from ca_connect.models import Article, Discovery, EntityDictionary, HeadWords
from ca_connect.tagging.discovery import Discovered, Discoverer, acronym_uses
from ca_connect.tagging.tagger import tag
from ca_connect.tokens import sentence_spans, tokenize

from .conftest import FIXTURES

RULES = Discovery(
    acronym_heads=HeadWords(
        company=["Company", "Corporation", "International"],
        agency=["Institute", "Department", "Center"],
    ),
    name_heads=HeadWords(company=["Association", "Group"], agency=["Agency", "University"]),
    generic_words=["State", "National"],
    outlet_words=["News"],
    leading_words=["The", "In", "A", "Chairman"],
)
DISCOVERER = Discoverer(RULES, ["Kazakh", "Kyrgyz", "Kazakhstan"])


def found(text: str) -> list[Discovered]:
    return DISCOVERER.find(text, tokenize(text), sentence_spans(text), [])


def introduced(text: str) -> list[tuple[str, str, str | None]]:
    return [(i.name, i.kind, i.acronym) for i in found(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "with Pakistan’s National Transmission and Despatch Company (NTDC), which",
            [("National Transmission and Despatch Company", "company", "NTDC")],
        ),
        (
            "the UN Department of Economic and Social Affairs (UN DESA) said",
            [("UN Department of Economic and Social Affairs", "agency", "UN DESA")],
        ),
        (  # one word of the name may be left out of the acronym
            "China National Electronics Import & Export Corporation (CEIEC) will",
            [("China National Electronics Import & Export Corporation", "company", "CEIEC")],
        ),
        (
            "the Center for Economic Research and Reforms (CERR).",
            [("Center for Economic Research and Reforms", "agency", "CERR")],
        ),
        ("Long Term Evolution (LTE) networks", []),  # no organisation head word
        ("the Belt and Road Initiative (BRI)", []),
        ("Gulf Bridge International (GBI)", [("Gulf Bridge International", "company", "GBI")]),
        ("Gulf Bridge International (XYZ)", []),  # the acronym must spell the name
        ("the Institute. (IT) ends", []),  # a sentence break is no name
    ],
)
def test_find_introduced(text: str, expected: list) -> None:
    assert introduced(text) == expected


def test_acronym_uses_skip_the_introduction() -> None:
    text = "Gulf Bridge International (GBI) said GBI will grow; GBIs and xGBI are not it."
    item = found(text)[0]
    assert [text[a:b] for a, b in acronym_uses(text, item)] == ["GBI"]
    assert acronym_uses(text, item)[0][0] == text.index("said") + 5


def test_tagger_adds_introduced_organisations_with_evidence() -> None:
    dictionary = load_dictionary(FIXTURES / "entities.yaml").model_copy(
        update={"discovery": Discovery(acronym_heads=HeadWords(company=["Company"]))}
    )
    body = (
        "Tajikistan signed with the Pamir Fibre Company (PFC) and Huawei. "
        "PFC will lay the fiber line."
    )
    result = tag(Article(id="a", path="a.txt", body=body), dictionary)
    assert [o.id for o in result.organizations] == ["new:pamir-fibre-company", "huawei"]
    assert result.organizations[0].kind == "company"
    texts = [m.text for m in result.mentions if m.entity == "new:pamir-fibre-company"]
    assert texts == ["Pamir Fibre Company", "PFC"]
    for mention in result.mentions:
        assert body[mention.start : mention.end] == mention.text
    assert result.initiatives == ["fiber"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peering is run by the Kyrgyz Internet Exchange Association today.",
            [("Kyrgyz Internet Exchange Association", "company", None)],
        ),
        (
            "It was fined by the Agency for Competition Protection last year.",
            [("Agency for Competition Protection", "agency", None)],
        ),
        ("A Kazakh Association said so.", []),  # demonym and head only: a reference
        ("The State Agency said so.", []),  # generic words only
        ("Ask the Kazinform News Agency reporter.", []),  # an outlet
        ("Uzbekistan Signs Deal With Big Bank Group On Cables", []),  # a headline
        (
            "Partners include Alpha Cable Group and others.",
            [("Alpha Cable Group", "company", None)],
        ),
        (  # a title or a determiner before the head starts the name
            "Officials said Chairman Delta Link Group staff met people from Kazakhstan and "
            "the Omega Bank Group in the capital last week.",
            [("Delta Link Group", "company", None), ("Omega Bank Group", "company", None)],
        ),
    ],
)
def test_names_with_an_organisation_head_word(text: str, expected: list) -> None:
    assert introduced(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Проект одобрили в хокимияте города Гулистан в понедельник.",
            [("хокимият города Гулистан", "new:khokimiyat-goroda-gulistan", "UZ")],
        ),
        (
            "Акимату Костанайской области передали оборудование.",
            [("акимат Костанайской области", "new:akimat-kostanayskoy-oblasti", "KZ")],
        ),
        (
            "Сеть построят по заказу хякимлика Марыйского района.",
            [("хякимлик Марыйского района", "new:khyakimlik-maryyskogo-rayona", "TM")],
        ),
        # a head word alone, or with no city or region after it, names no body
        ("Представители хокимията приняли участие во встрече.", []),
        ("В акимате обсудили планы на год.", []),
    ],
)
def test_russian_local_governments(text: str, expected: list) -> None:
    assert [(i.name, i.id, i.country) for i in found(text)] == expected


def test_a_local_government_keeps_its_head_word_s_country() -> None:
    dictionary = load_dictionary(FIXTURES / "entities.yaml")
    article = tag(
        Article(id="t", path="t.txt", body="Хокимият города Гулистан и Казахстан обсудили связь."),
        dictionary,
    )
    assert [(o.id, o.country) for o in article.organizations] == [
        ("new:khokimiyat-goroda-gulistan", "UZ")
    ]


def test_an_acronym_is_no_reading_of_a_name_built_on_it(dictionary: EntityDictionary) -> None:
    text = "MTS-Turkmenistan, a unit of Russia's MTS, left Ashgabat in 2017."
    article = tag(Article(id="t", path="t.txt", body=text), dictionary)
    assert [o.id for o in article.organizations] == ["mts-turkmenistan", "mts-russia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Latin name a Russian text calls a company, or names after a demonym
        ("Глава турецкой компании Orbita Networks посетил Ташкент.", ["Orbita Networks"]),
        ("Казахтелеком и китайская Silk Road Cloud договорились о ЦОД.", ["Silk Road Cloud"]),
        ("Эстонская Steppe Soft построит платформу.", ["Steppe Soft"]),
        # ... not a prefix of a Russian word
        ("Российские IT-компании участвуют в проекте.", []),
        # an English apposition saying the name is a company
        (
            "Kcell signed a contract with Lumen Grid, a Georgian cloud company, on Monday.",
            ["Lumen Grid"],
        ),
        # ... not an adverb opening the sentence, nor a person's job
        ("Meanwhile, a local operator said it would bid.", []),
        ("Kcell said Aidar Bekov, a company spokesman, confirmed it.", []),
    ],
)
def test_names_a_text_calls_companies(text: str, expected: list) -> None:
    assert [(i.name, i.kind) for i in found(text)] == [(name, "company") for name in expected]
