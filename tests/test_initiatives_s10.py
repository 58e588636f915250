"""Initiative types on text the rules were not tuned on (session 10), through the tagger.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect.models import Article, EntityDictionary
from ca_connect.tagging.tagger import tag


def initiatives(text: str, dictionary: EntityDictionary) -> list[str]:
    return tag(Article(id="t", path="t.txt", body=text), dictionary).initiatives


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The service a satellite or 5G network sells is that network's, not 2G-4G work.
        ("The satellite constellation will offer mobile broadband to ships at sea.", ["satellite"]),
        ("OneWeb plans mobile services for remote mines.", ["satellite"]),
        ("The 5G launch cut the price of mobile data in the capital.", ["5g"]),
        ("После запуска 5G мобильный интернет в столице подешевел.", ["5g"]),
        # Alone, or beside another mobile word, they are mobile as TAGGING.md says.
        ("The regulator wants mobile broadband in every village.", ["mobile"]),
        (
            "Its LTE network and satellite links carry mobile data to the valley.",
            ["mobile", "satellite"],
        ),
    ],
)
def test_a_networks_service_words_are_that_networks(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The ministry expanded its data storage and processing centre in Nukus.",
        "Министерство расширило центр хранения и обработки данных в Нукусе.",
    ],
)
def test_a_data_storage_and_processing_centre_is_a_data_centre(
    body: str, dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == ["data-center"]
