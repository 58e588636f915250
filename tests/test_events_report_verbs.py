"""Which verbs of saying make an organisation only the reporter of what follows
(docs/events.md, Parties): `said` without `that`, the other verbs only before it."""

from __future__ import annotations

import pytest

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article

from .conftest import PROJECT

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def parties(body: str) -> list[list[str]]:
    article = Article(id="x", path="x.txt", title=None, body=body, date="2025-03-14")
    return [[party.id for party in event.parties] for event in analyse(article, REAL).events]


@pytest.mark.parametrize(
    "body",
    [
        "Kcell announced Nokia the winner of its 5G tender and signed a contract with Nokia.",
        "Kcell confirmed Nokia as its 5G supplier and signed a contract with Nokia.",
        "Кселл объявил Nokia победителем тендера на 5G и подписал с ней контракт.",
    ],
)
def test_a_verb_that_takes_an_object_reports_only_before_that(body: str) -> None:
    assert all("kcell" in found for found in parties(body)), parties(body)
    assert parties(body)


def test_said_reports_without_that() -> None:
    assert parties("Kcell said Kazakhtelecom had signed a 5G contract with Nokia.") == [
        ["kazakhtelecom", "nokia"]
    ]
