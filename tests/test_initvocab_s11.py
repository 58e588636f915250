"""Initiative vocabulary: how the region's English and Russian press name each type (session 11).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect.models import EntityDictionary

from .test_initiatives_s10 import initiatives


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
