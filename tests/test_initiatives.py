"""Initiative types in the tagger: the words the region's press uses for each type, and words of
other trades that tag none."""

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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # fibre: trunk lines, a national backbone, fibre to the premises, Russian ВОЛП
        ("The operator is laying a trunk cable from Osh to Batken.", ["fiber"]),
        ("The carrier upgraded its national backbone to 400G.", ["fiber"]),
        ("Two towns were connected with FTTP this spring.", ["fiber"]),
        ("Построена ВОЛП протяженностью 300 км до Хорога.", ["fiber"]),
        ("Магистральная линия связи дойдет до границы.", ["fiber"]),
        # 5G: its spectrum
        ("The regulator auctioned the 3.5 GHz band to two operators.", ["5g"]),
        ("Регулятор выделил полосу 3,5 ГГц двум операторам.", ["5g"]),
        # mobile: `cellular`, and Russian `сотовая сеть`, the fourth generation
        ("The operator put up 300 cellular towers in the valley.", ["mobile"]),
        ("Сотовые сети покроют все села к 2027 году.", ["mobile"]),
        ("Сеть четвертого поколения появится в горных районах.", ["mobile"]),
        # satellite: bands and constellations
        ("The operator leased Ku-band capacity for rural schools.", ["satellite"]),
        ("Орбитальная группировка страны пополнится тремя аппаратами.", ["satellite"]),
        # cybersecurity: CERTs by full name, drills, leaks
        ("The country set up a computer emergency response team.", ["cybersecurity"]),
        ("Киберучения для банков прошли в столице.", ["cybersecurity"]),
        ("Утечка данных затронула клиентов оператора.", ["cybersecurity"]),
        # data centres: the one-word spelling, halls, colocation in Russian
        ("The group opened two new datacentres near the capital.", ["data-center"]),
        ("The first data hall will be commissioned next year.", ["data-center"]),
        ("Оператор предлагает услуги колокейшн в новом здании.", ["data-center"]),
        # e-government: the adjective in front
        ("The ministry added 40 online government services this year.", ["e-government"]),
        ("Начата цифровизация государственного управления в регионах.", ["e-government"]),
        # ixp, ai, smart city
        ("The two operators agreed on traffic exchange in the capital.", ["ixp"]),
        ("The bank tested computer vision at its branches.", ["ai"]),
        ("Компания внедрит компьютерное зрение на складах.", ["ai"]),
        ("The city hall installed an intelligent transport system.", ["smart-city"]),
        ("Мэрия внедрила видеоаналитику на перекрестках.", ["smart-city"]),
    ],
)
def test_the_press_names_for_each_type_tag_it(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A bare `backbone` and a power line are not fibre.
        ("Small firms are the backbone of the economy.", []),
        ("The railway's trunk line reached the border.", []),
        ("Магистральная линия электропередачи дойдет до границы.", []),
        # A national backbone linked to a satellite ground station is the station's link.
        (
            "The ground station will be linked to the national backbone.",
            ["satellite"],
        ),
        # The cellular service a satellite sells is the satellite's.
        ("The satellite constellation's cellular service reached remote farms.", ["satellite"]),
        # A customer of cloud providers builds no cloud.
        ("The carrier will lease capacity to cloud providers.", []),
        # cameras at polling stations watch a vote
        ("ЦИК установит камеры наблюдения на избирательных участках.", []),
    ],
)
def test_common_words_near_the_vocabulary_tag_nothing_else(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An organisation whose whole business is one type reports that type's work.
        ("KZ-CERT warned banks about a new wave of attacks on Monday.", ["cybersecurity"]),
        ("Kaspersky opened a regional office in Almaty.", ["cybersecurity"]),
        ("QazCloud will build a second site in Karaganda.", ["data-center"]),
        ("Equinix is studying a facility in the region.", ["data-center"]),
        ("Tas-IX Association admitted four new members this year.", ["ixp"]),
        ("AsiaSat signed a capacity deal with the national operator.", ["satellite"]),
        ("OpenAI signed a memorandum with the ministry.", ["ai"]),
    ],
)
def test_an_organisation_whose_business_is_one_type_backs_it(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected


def test_an_operator_named_in_passing_among_speakers_backs_nothing(
    dictionary: EntityDictionary,
) -> None:
    body = (
        "The ministry opened a forum on rural roads in Osh. "
        "The regional governor spoke first. "
        "Guests came from the chamber of commerce, two banks and Kaspersky."
    )
    assert initiatives(body, dictionary) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Правительство создаст национальное облако для министерств.", ["data-center"]),
        ("Citizens will sign in to the portal with a digital ID.", ["e-government"]),
        # one-word spellings
        ("The ministry widened its eGovernment services.", ["e-government"]),
        ("A fiberoptic line now reaches the valley.", ["fiber"]),
        ("The SmartCity platform went live in the capital.", ["smart-city"]),
        ("Сотовые вышки поставят вдоль трассы.", ["mobile"]),
        ("В столице запущена система «Умный светофор».", ["smart-city"]),
        # Russian forms of English triggers
        ("Построена земная станция для приема сигнала.", ["satellite"]),
        ("Оператор купил IP-транзит у соседей.", ["fiber"]),
        ("Мэрия установит камеры наблюдения на улицах.", ["smart-city"]),
    ],
)
def test_a_state_cloud_and_a_digital_id_are_their_types(
    body: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert initiatives(body, dictionary) == expected
