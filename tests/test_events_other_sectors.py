"""Talks or a deal about another sector than digital connectivity (trade, transport, a
railway), in a sentence naming no type, is no event (docs/events.md, *Not events*).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_events_stages import read_events as events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kazakhstan and Uzbekistan have signed forty agreements on trade since 2019.", "en"),
        ("The railway project itself was agreed by Kazakhstan and Turkmenistan in 2022.", "en"),
        (
            "Mamin and Asadov also discussed cooperation between Kazakhstan and Azerbaijan "
            "in agriculture, tourism and space.",
            "en",
        ),
        ("Казахстан и Узбекистан подписали соглашение о развитии торговли в 2023 году.", "ru"),
    ],
)
def test_a_deal_of_another_sector_is_no_event(body: str, language: str) -> None:
    assert stages(body, language) == []


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        # a name holding the sector's word: the partner, not the topic
        ("Kcell signed an agreement with the Ministry of Transport of Kazakhstan.", "agreement"),
        # ... or one the dictionary does not know, in capitals
        ("The Kyrgyz Railway Transport Board signed a memorandum with Huawei on Monday.", "mou"),
        # a type of ours named beside it
        (
            "Kazakhstan and Uzbekistan signed an agreement on trade and a fibre-optic link.",
            "agreement",
        ),
        # the sector named in another clause than the deal's
        ("Kcell signed a 5G contract with Nokia, and trade grew in May.", "agreement"),
    ],
)
def test_a_deal_beside_another_sector_stays(body: str, stage: str) -> None:
    assert stage in stages(body)
