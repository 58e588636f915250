"""Initiative types and countries on text the rules were not tuned on (session 10).

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


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # A satellite operator named once, among a forum's speakers, is no satellite work.
        (
            "",
            "Kazakhtelecom opened a traffic exchange point in Almaty. "
            "Guests at the opening came from Kcell, Beeline and OneWeb.",
            ["ixp"],
        ),
        # Named again, in the lead sentence or in the title, it is what the article is about.
        (
            "",
            "Kazakhtelecom opened a traffic exchange point in Almaty. "
            "OneWeb joined it. OneWeb will exchange its traffic there.",
            ["ixp", "satellite"],
        ),
        (
            "",
            "OneWeb joined a traffic exchange point in Almaty. It pays a fee.",
            ["satellite", "ixp"],
        ),
        (
            "OneWeb joins Almaty exchange",
            "A traffic exchange point in Almaty added a member.",
            ["satellite", "ixp"],
        ),
        # Nor does it make the article's base stations a satellite network's.
        (
            "",
            "The operator added forty base stations in the valley. "
            "Villagers had relied on Starlink dishes.",
            ["mobile"],
        ),
    ],
)
def test_an_operator_named_in_passing_reports_no_work_of_its_business(
    title: str, body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    article = tag(Article(id="t", path="t.txt", title=title, body=body), dictionary)
    assert article.initiatives == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A 2G-4G spectrum band, glued or spaced, is mobile; 5G's bands are not listed.
        ("The regulator sold two 1800MHz licences to the state operator.", ["mobile"]),
        ("Kcell won spectrum in the 700/800 MHz band.", ["mobile"]),
        ("Оператор получил частоты в диапазоне 2600 МГц.", ["mobile"]),
        ("The 3500 MHz band is reserved for the 5G auction.", ["5g"]),
        # `спутник` in its urban-planning sense is no satellite (as `satellite city`).
        ("Акимат строит три города-спутника Алматы.", []),
        ("Казахстан запустит спутник связи.", ["satellite"]),
    ],
)
def test_spectrum_bands_and_satellite_towns(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected


@pytest.mark.parametrize(
    "body",
    [
        "A ground station will track the TurkmenAlem52E satellite.",
        "Канал идёт через TürkmenÄlem52°E.",
    ],
)
def test_the_national_satellites_name_written_as_one_word_tags_turkmenistan(
    body: str, dictionary: EntityDictionary
) -> None:
    assert tag(Article(id="t", path="t.txt", body=body), dictionary).countries == ["TM"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # `CCTV` the broadcaster cited as a source is no camera network
        ("China's CCTV reported that the two leaders met in Astana.", []),
        ("According to CCTV, the delegation toured the plant.", []),
        ("По сообщению телеканала CCTV, делегация осмотрела завод.", []),
        ("The police installed 500 CCTV cameras under the project.", ["smart-city"]),
        # a pipeline's or a railway's transit capacity is no fibre route
        ("The gas transit capacity of the corridor will double.", []),
        ("Railway transit capacity through the port grew by a third.", []),
        ("The new cable adds transit capacity between Europe and Asia.", ["fiber"]),
        # cameras at polling stations watch a vote, not a city
        ("The commission promised video surveillance at polling stations.", []),
        ("Камеры видеонаблюдения на избирательных участках транслировали голосование.", []),
        ("The city installs video surveillance at busy crossroads.", ["smart-city"]),
    ],
)
def test_words_of_another_trade_are_no_initiative(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected
