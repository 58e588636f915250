"""Session 12's stage rules (docs/events.md): a service to be had is a plan, a plan
naming internet brought to people needs no actor, a sale completed is a launch, and a halt
threatened is no plan.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events, stages


def parties_by_event(body: str) -> list[tuple[str, list[str]]]:
    return [(e.stage, [p.id for p in e.parties]) for e in events(body)]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Kcell subscribers will have access to 5G in Shymkent next year."),
        ("en", "Kcell subscribers will be able to use 5G roaming in Georgia."),
        ("ru", "Абоненты Kcell смогут пользоваться роумингом 5G в Грузии."),
    ],
)
def test_a_service_to_be_had_is_a_plan(language: str, body: str) -> None:
    assert stages(body, language) == ["plan"]


def test_a_plan_naming_internet_brought_to_people_needs_no_actor() -> None:
    body = (
        "Kyrgyzstan will build a fibre backbone to Naryn by 2027. "
        "Students in every rural school will be able to use the internet from next spring. "
        "Each mountain village will be connected to communications infrastructure."
    )
    assert parties_by_event(body) == [("plan", ["KG"]), ("plan", ["KG"]), ("plan", ["KG"])]
    # naming neither an actor nor internet brought to people, a future stays no plan
    assert stages("Kyrgyzstan will build a fibre backbone to Naryn. Roads will be safer.") == [
        "plan"
    ]


def test_fibre_access_to_come_is_a_plan_without_an_actor() -> None:
    body = (
        "In two years, the share of villages with fibre-optic access in Tajikistan will exceed 80%."
    )
    assert parties_by_event(body) == [("plan", ["TJ"])]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Kazakhtelecom closed the acquisition of Tele2's stake in the mobile venture."),
        ("en", "Beeline closed the sale of its tower business to a Dubai investor in May."),
        ("ru", "Казахтелеком завершил сделку по покупке доли Tele2 в мобильном операторе."),
        ("ru", "Казахтелеком закрыл сделку по покупке доли Tele2 в мобильном операторе."),
    ],
)
def test_a_sale_completed_is_a_launch(language: str, body: str) -> None:
    assert stages(body, language) == ["launch"]


def test_a_deal_to_be_closed_stays_a_plan() -> None:
    assert stages("Kazakhtelecom is expected to close the deal with Tele2 by June.") == ["plan"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "The Asian Development Bank is going to scrap its loan for the Tajik line."),
        ("en", "Kcell is going to terminate its roaming contract with Beeline."),
        ("en", "The World Bank said it would cancel its grant for the Kyrgyz fibre line."),
        ("ru", "Казахтелеком собирается свернуть проект с Huawei."),
        ("ru", "Всемирный банк собирается отозвать средства проекта в Кыргызстане."),
    ],
)
def test_a_halt_threatened_is_no_plan(language: str, body: str) -> None:
    assert stages(body, language) == []


def test_a_plan_to_sell_stays_a_plan() -> None:
    assert stages("Tele2 is going to sell its stake in the Altel joint venture.") == ["plan"]
