"""Session 13's event rules (docs/events.md), recall13b.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell undertook to build 300 base stations in Osh by 2027.", "en"),
        ("Beeline undertakes to lay a fibre line to Naryn within two years.", "en"),
        ("Kcell commits to extend its 5G network to Shymkent next year.", "en"),
        ("Kcell обязался построить 300 базовых станций в Оше до 2027 года.", "ru"),
        ("Beeline обязалась проложить оптоволоконную линию до Нарына за два года.", "ru"),
        ("Kcell взял на себя обязательство расширить сеть 5G до Шымкента.", "ru"),
    ],
)
def test_a_commitment_a_party_takes_on_is_a_plan(body: str, language: str) -> None:
    assert stages(body, language) == ["plan"]


@pytest.mark.parametrize(
    "body",
    [
        "The new Kcell data centre in Almaty will host the e-government portal.",
        "The Beeline ground station will track the satellites and manage their payloads.",
    ],
)
def test_what_a_facility_will_do_describes_it(body: str) -> None:
    assert stages(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The Kcell data centre in Almaty will house 800 racks and is due to open in 2027.",
        "The second hall of the Kcell data centre is scheduled to open next spring.",
    ],
)
def test_a_schedule_names_the_action_to_come(body: str) -> None:
    assert stages(body) == ["plan"]


def test_a_contract_awarded_in_passing_is_a_deal_of_its_own() -> None:
    body = (
        "The survey, carried out by Kcell under a contract awarded in March, will take six weeks."
    )
    assert [(e.stage, str(e.date)) for e in read_events(body, "en", "2025-06-12")] == [
        ("deployment", "2025-06-12"),
        ("agreement", "2025-03"),
    ]


def test_a_deal_agreed_with_a_partner_is_an_agreement() -> None:
    body = "The 5G pilot, agreed with Beeline in March, has connected twelve schools in Osh."
    assert ("agreement", "2025-03") in [
        (e.stage, str(e.date)) for e in read_events(body, "en", "2025-06-12")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Beeline selected Ericsson in March to supply its 5G radios.",
        "Kcell has chosen Huawei to build its data centre in Almaty.",
        "Kcell tapped Nokia to modernise its core network.",
    ],
)
def test_a_vendor_chosen_is_an_agreement(body: str) -> None:
    assert stages(body) == ["agreement"]


def test_a_vendor_chosen_in_russian_is_an_agreement() -> None:
    assert stages("Kcell выбрал Ericsson поставщиком оборудования 5G в марте.", "ru") == [
        "agreement"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("По условиям контракта Nokia поставит Kcell оборудование 5G до конца 2027 года.", "plan"),
        ("Nokia поставила Kcell оборудование 5G в марте.", "deployment"),
        ("Kcell внедрит систему видеонаблюдения в Алматы в следующем году.", "plan"),
        ("Kcell развернёт сеть 5G в Шымкенте до конца 2027 года.", "plan"),
        ("Kcell развернул сеть 5G в Шымкенте в марте.", "deployment"),
        ("Kcell смонтирует базовые станции в Шымкенте до конца 2027 года.", "plan"),
    ],
)
def test_a_russian_work_verb_to_come_is_a_plan(body: str, expected: str) -> None:
    assert stages(body, "ru") == [expected]


def test_a_duty_imposed_is_no_commitment() -> None:
    # No deadline: a standing condition (with one it is the obliged companies' plan,
    # tests/test_recall16b.py).
    body = "По условиям лицензии Kcell и Beeline обязаны запустить сети 5G в Алматы."
    assert stages(body, "ru") == []
