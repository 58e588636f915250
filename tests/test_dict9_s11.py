"""Session 11's dictionary work (dict9): a sample of the organisations added, tagged in
English and in Russian, with their gates on the text's country."""

from __future__ import annotations

import pytest

from ca_connect.models import Article
from ca_connect.tagging.tagger import tag


def orgs(text: str, dictionary, language: str | None = None) -> list[tuple[str, str | None]]:
    article = Article(id="a", path="a.txt", body=text, language=language)
    return [(o.id, o.country) for o in tag(article, dictionary).organizations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Digital Government Support Center will move the portal to a new data centre.",
            [("kz-digital-government-support-center", "KZ")],
        ),
        (  # the bare name counts only in a text about Kazakhstan
            "In Kazakhstan, the State Radio Frequency Service cleared the 3.5 GHz band.",
            [("kz-radio-frequency-service", "KZ")],
        ),
        ("The State Radio Frequency Service of the kingdom cleared the band.", []),
        (
            "The Centre for Electromagnetic Compatibility in Tashkent, Uzbekistan, "
            "monitored the band.",
            [("uz-emc-center", "UZ")],
        ),
        (
            "Astana Innovations and the Kazakhstan Development Bank signed the loan.",
            [("astana-innovations", "KZ"), ("development-bank-of-kazakhstan", "KZ")],
        ),
        (
            "Skolkovo, Skoltech and UzVC will back start-ups.",
            [("skolkovo", "RU"), ("skoltech", "RU"), ("uzvc", "UZ")],
        ),
    ],
)
def test_added_organisations_in_english(dictionary, text: str, expected: list) -> None:
    assert orgs(text, dictionary) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Национальный координационный центр информационной безопасности отразил атаки.",
            [("kz-nccis", "KZ")],
        ),
        (
            "Проект поддержал Центр поддержки цифрового правительства в Астане.",
            [("kz-digital-government-support-center", "KZ")],
        ),
        (  # a former regulator, by its name of 2003-2010
            "Агентство по информатизации и связи объявило тендер.",
            [("kz-informatization-communication-agency", "KZ")],
        ),
        (
            "Спутник Галам и оператор Астел подключили сёла; оборудование поставила ЗТЕ.",
            [("ghalam", "KZ"), ("astel", "KZ"), ("zte", "CN")],
        ),
    ],
)
def test_added_organisations_in_russian(dictionary, text: str, expected: list) -> None:
    assert orgs(text, dictionary, "ru") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a demonym and a common word in lower case describe a sector, not a company
            "Investors entered the Tajik telecom market before the Kyrgyz railways were sold.",
            [],
        ),
        (
            "Tajik Telecom and Kyrgyz Railways laid the cable.",
            [("tojiktelecom", "TJ"), ("kyrgyz-temir-jolu", "KG")],
        ),
        (  # with a body's head word the name counts in any case
            "The Uzbek agency for communication and information approved the plan.",
            [("uz-agency-communication-information", "UZ")],
        ),
    ],
)
def test_a_name_made_of_a_demonym_and_common_words_needs_capitals(
    dictionary, text: str, expected: list
) -> None:
    assert orgs(text, dictionary) == expected
