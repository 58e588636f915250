"""The stage cue vocabulary completed stage by stage in English and Russian (session 11,
docs/events.md).

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect.events import analyse
from ca_connect.models import Article

from .test_events_ru import REAL


def stages(body: str, language: str) -> list[str]:
    article = Article(id="x", path="x.txt", body=body, date="2025-03-14", language=language)
    return [event.stage for event in analyse(article, REAL).events]


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        # agreement: the verbs of a deal made, and Russian reversed and noun forms
        ("en", "Kazakhtelecom sealed a deal with Huawei for a data centre.", ["agreement"]),
        ("en", "Uzbektelecom clinched a contract with Nokia for 5G equipment.", ["agreement"]),
        ("en", "Kyrgyzstan penned an agreement with China on a fibre line.", ["agreement"]),
        ("en", "Tajiktelecom struck an agreement with Huawei on 5G.", ["agreement"]),
        ("en", "Kazakhtelecom concluded a contract with Nokia for 5G.", ["agreement"]),
        ("en", "Uzbektelecom finalised the agreement with Ericsson on 5G.", ["agreement"]),
        (
            "en",
            "Kazakhtelecom secured a $50 million loan for fibre from the World Bank.",
            ["agreement"],
        ),
        ("en", "Kcell landed a contract from Nokia for 5G.", ["agreement"]),
        ("en", "Kazakhtelecom inks deal with Huawei for 5G.", ["agreement"]),
        ("en", "Kyrgyzstan and China signed an accord on a fibre line.", ["agreement"]),
        ("en", "Kazakhtelecom entered into a contract with Nokia for 5G.", ["agreement"]),
        ("ru", "Контракт на строительство сети 5G заключен с Huawei.", ["agreement"]),
        (
            "ru",
            "Казахтелеком и Huawei достигли договоренности о строительстве сети 5G.",
            ["agreement"],
        ),
        (
            "ru",
            "Правительство утвердило соглашение с Huawei о строительстве сети 5G.",
            ["agreement"],
        ),
        (
            "ru",
            "Казахтелеком выкупил долю Tele2 в совместном предприятии мобильной связи.",
            ["agreement"],
        ),
        # deployment: work under way or begun
        ("en", "Kazakhtelecom broke ground on a new data centre in Astana.", ["deployment"]),
        ("en", "Kazakhtelecom is deploying 5G base stations in Almaty.", ["deployment"]),
        ("en", "Uzbektelecom is constructing a fibre line to Nukus.", ["deployment"]),
        ("en", "Kazakhtelecom began work on a fibre line to Aktau.", ["deployment"]),
        ("en", "Kcell trialled 5G in Astana.", ["deployment"]),
        ("ru", "Казахтелеком прокладывает оптоволоконную линию до Актау.", ["deployment"]),
        ("ru", "Kcell провел испытания сети 5G в Астане.", ["deployment"]),
        ("ru", "Казахтелеком начал прокладку оптоволоконной линии до Актау.", ["deployment"]),
        ("ru", "Kcell монтирует базовые станции 5G в Алматы.", ["deployment"]),
        # launch: a service or line in operation
        ("en", "Kcell's 5G network came online in Astana in May.", ["launch"]),
        ("en", "The Tashkent data centre came on stream in March.", ["launch"]),
        ("en", "Tajiktelecom started commercial service of 5G in Dushanbe.", ["launch"]),
        ("en", "Uzbektelecom put the fibre line into operation in May.", ["launch"]),
        ("ru", "Дата-центр Казахтелекома принят в эксплуатацию.", ["launch"]),
        ("ru", "Казахтелеком ввел в коммерческую эксплуатацию сеть 5G.", ["launch"]),
        ("en", "Kcell's 5G network will come online in Astana in May.", ["plan"]),
        # talks
        (
            "en",
            "Kazakhtelecom exchanged views with Huawei on a new data centre in Astana.",
            ["talks"],
        ),
        ("en", "Uzbektelecom is mulling a fibre partnership with Turkcell.", ["talks"]),
        ("ru", "Казахтелеком и Huawei обменялись мнениями о строительстве дата-центра.", ["talks"]),
        ("ru", "Казахтелеком и Huawei договариваются о строительстве сети 5G.", ["talks"]),
        # plan: an intention or a schedule
        ("en", "Kazakhtelecom is preparing to launch 5G in Astana.", ["plan"]),
        ("en", "Kazakhtelecom is poised to launch 5G in Astana.", ["plan"]),
        ("en", "Kazakhtelecom is slated to launch 5G in Astana in 2026.", ["plan"]),
        ("en", "Kazakhtelecom unveiled plans for a data centre in Astana.", ["plan"]),
        ("ru", "Казахтелеком планировал запустить сеть 5G в 2026 году.", ["plan"]),
        ("ru", "Казахтелеком поставил цель запустить сеть 5G в 2026 году.", ["plan"]),
        ("ru", "Казахтелеком намеревается построить дата-центр в Астане.", ["plan"]),
        ("ru", "Казахтелеком стремится построить дата-центр в Астане.", ["plan"]),
        # cancelled: a deal or project dropped
        ("en", "Kazakhtelecom pulled out of the 5G project with Huawei.", ["cancelled"]),
        ("en", "Kazakhtelecom shelved the data centre project in Astana.", ["cancelled"]),
        ("en", "Kazakhtelecom walked away from the 5G deal with Huawei.", ["cancelled"]),
        ("en", "Kazakhtelecom halts construction of the data centre in Astana.", ["cancelled"]),
        ("ru", "Казахтелеком вышел из проекта строительства дата-центра с Huawei.", ["cancelled"]),
        ("ru", "Регулятор отозвал лицензию Kcell на сеть 5G.", ["cancelled"]),
        ("ru", "Казахтелеком свернул проект строительства дата-центра.", ["cancelled"]),
        ("ru", "Строительство дата-центра Казахтелекома остановлено.", ["cancelled"]),
        # a headline's present tense
        ("en", "Kazakhtelecom negotiates with Huawei on 5G.", ["talks"]),
        ("en", "Kazakhtelecom inks memorandum with Huawei on 5G.", ["mou"]),
        ("en", "Kcell wins contract to build 5G in Astana with Huawei.", ["agreement"]),
        ("en", "Kazakhstan's parliament ratifies fibre agreement with China.", ["agreement"]),
        ("en", "Kazakhtelecom buys stake in Kcell mobile operator.", ["agreement"]),
        ("en", "Kcell deploys 5G base stations in Almaty.", ["deployment"]),
        ("en", "Kazakhtelecom lays fibre line to Aktau.", ["deployment"]),
        ("ru", "Всемирный банк выделил заем на оптоволоконную сеть Кыргызстана.", ["agreement"]),
        ("ru", "Kcell стала победителем аукциона на частоты 5G.", ["agreement"]),
        ("ru", "Kcell протестировала сеть 5G в Астане.", ["deployment"]),
        # access gained, or to be gained
        (
            "en",
            "In May, 300 villages in Kazakhstan gained access to fibre from Kazakhtelecom.",
            ["launch"],
        ),
        (
            "en",
            "All schools in Kazakhstan were provided with fibre internet access last year.",
            ["launch"],
        ),
        (
            "en",
            "All schools in Kazakhstan will be provided with fibre internet access next year.",
            ["plan"],
        ),
        (
            "ru",
            "Жители 300 сел Казахстана получили доступ к оптоволоконному интернету.",
            ["launch"],
        ),
        ("ru", "В 300 селах Казахстана появился доступ к оптоволоконному интернету.", ["launch"]),
        ("ru", "Жители 300 сел Казахстана получат доступ к оптоволоконному интернету.", ["plan"]),
        # mou: a letter or declaration of intent
        ("en", "Uzbektelecom and Nokia signed an LOI on 5G.", ["mou"]),
        ("ru", "Казахтелеком и Huawei подписали письмо о намерениях по сети 5G.", ["mou"]),
    ],
)
def test_the_press_words_for_each_stage_cue_it(
    language: str, body: str, expected: list[str]
) -> None:
    assert stages(body, language) == expected


def test_a_deal_to_be_concluded_is_no_agreement() -> None:
    body = (
        "Tele2 expected the deal with Kazakhtelecom on the mobile joint venture to be "
        "concluded in six months."
    )
    assert "agreement" not in stages(body, "en")


def test_an_aim_to_introduce_a_technology_is_no_launch() -> None:
    body = "Регулятор Кыргызстана изучает опыт по внедрению технологии 5G."
    assert "launch" not in stages(body, "ru")


def test_talks_that_collapsed_stay_talks() -> None:
    body = "Переговоры Казахтелекома и Huawei о сети 5G сорвались."
    assert stages(body, "ru") == ["talks"]


def test_a_line_that_connects_two_cities_or_meets_a_standard_is_no_event() -> None:
    assert stages("The Kazakhtelecom fibre line connects Almaty and Aktau.", "en") == []
    assert stages("The Kcell 5G network meets the regulator's standard.", "en") == []


def test_words_of_another_sense_cue_no_stage() -> None:
    assert stages("Kazakhtelecom showed a groundbreaking 5G antenna in Astana.", "en") == []
    assert stages("Закон о сетях 5G начал действовать в Казахстане.", "ru") == []
