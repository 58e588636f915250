"""Session 16's role references (docs/events.md), recall16b.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect.events.parties import role_named

from .test_plans9_s11 import events as read_events


def parties_of(body: str, stage: str, language: str = "en") -> set[str]:
    found = [e for e in read_events(body, language, "2025-06-12") if e.stage == stage]
    assert found, body
    return {p.name for p in found[-1].parties if p.kind != "country"}


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Kcell has completed its purchase of 500 towers from Tele2. "
            "The new owner intends to build 300 more sites by 2027.",
            "en",
        ),
        (
            "Kcell завершил приобретение 500 вышек у Tele2. "
            "Новый владелец планирует построить ещё 300 площадок до 2027 года.",
            "ru",
        ),
    ],
)
def test_the_new_owner_is_the_buyer_told_before(body: str, language: str) -> None:
    assert parties_of(body, "plan", language) == {"Kcell"}


def test_the_buyer_named_after_the_purchase_is_the_new_owner() -> None:
    body = (
        "The regulator approved the acquisition of Tele2 by Kcell. "
        "The new owner plans to build 300 more sites by 2027."
    )
    assert parties_of(body, "plan") == {"Kcell"}


def test_the_winners_are_the_companies_the_award_names() -> None:
    body = (
        "Kcell and Tele2 won the spectrum auction on Monday. "
        "The winners plan to launch 5G in Shymkent by 2026."
    )
    assert parties_of(body, "plan") == {"Kcell", "Tele2"}


@pytest.mark.parametrize(
    "text",
    [
        "Talks focus on the new owner's investment duties.",
        "Инвестиционные обязательства нового владельца обсуждаются.",
        "Победителем тендера стала компания Kcell.",
    ],
)
def test_a_role_owning_a_thing_or_given_is_no_reference(text: str) -> None:
    assert role_named(text) is None


def test_a_duty_with_a_deadline_is_the_obliged_winners_plan() -> None:
    body = (
        "Kcell и Tele2 выиграли аукцион на частоты 5G. "
        "По условиям аукциона победители обязаны запустить сети 5G в Шымкенте до конца "
        "2026 года."
    )
    plans = [e for e in read_events(body, "ru", "2025-06-12") if e.stage == "plan"]
    assert [{p.name for p in e.parties} for e in plans] == [{"Kcell", "Tele2"}]
    assert plans[0].target is not None and plans[0].target.year == 2026


def test_a_duty_counted_in_years_is_the_new_owners_plan() -> None:
    body = (
        "Регулятор одобрил приобретение Tele2 компанией Kcell. "
        "В течение трёх лет новый владелец обязан сохранить действующие тарифы на "
        "мобильную связь."
    )
    assert parties_of(body, "plan", "ru") == {"Kcell"}


def test_a_duty_without_a_deadline_stays_no_plan() -> None:
    body = "Операторы обязаны запустить сети 5G в Шымкенте."
    assert [e.stage for e in read_events(body, "ru", "2025-06-12")] == []
