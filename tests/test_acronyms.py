"""Organisations a text introduces with an acronym, beyond the dictionary."""

from __future__ import annotations

import pytest

from ca_connect.acronyms import acronym_uses, find_introduced
from ca_connect.dictionary import load_dictionary
from ca_connect.extractor import tag
from ca_connect.models import Article, IntroducedNames
from ca_connect.tokens import tokenize

from .conftest import FIXTURES

HEADS = {
    "Company": "company",
    "Corporation": "company",
    "International": "company",
    "Institute": "agency",
    "Department": "agency",
    "Center": "agency",
}


def introduced(text: str) -> list[tuple[str, str, str]]:
    return [(i.name, i.kind, i.acronym) for i in find_introduced(text, tokenize(text), HEADS)]


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
    item = find_introduced(text, tokenize(text), HEADS)[0]
    assert [text[a:b] for a, b in acronym_uses(text, item)] == ["GBI"]
    assert acronym_uses(text, item)[0][0] == text.index("said") + 5


def test_tagger_adds_introduced_organisations_with_evidence() -> None:
    dictionary = load_dictionary(FIXTURES / "entities.yaml").model_copy(
        update={"introduced": IntroducedNames(company=["Company"])}
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
