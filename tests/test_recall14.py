"""Session 14's event rules (docs/events.md, *Two events in one sentence*), recall14.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events


def read(body: str, language: str = "en") -> list[tuple[str, list[str]]]:
    return [
        (event.stage, sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-06-12")
    ]


def test_two_deals_of_one_stage_each_with_its_partner() -> None:
    body = (
        "Kcell contracted Ericsson in May to supply every radio of its 5G rollout, "
        "and also tapped Nokia to build its core."
    )
    assert read(body) == [
        ("agreement", ["ericsson", "kcell"]),
        ("agreement", ["kcell", "nokia"]),
    ]


def test_one_partner_is_one_deal() -> None:
    body = "Kcell signed a contract with Huawei in May and ratified it in June."
    assert read(body) == [("agreement", ["huawei", "kcell"])]


def test_a_deal_referred_to_opens_no_predicate() -> None:
    body = (
        "Kcell has terminated the tower memorandum it signed with Huawei in October 2021, "
        "and the joint venture will not go ahead."
    )
    assert [stage for stage, _ in read(body)] == ["cancelled", "mou"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Министерство расторгло договор с компанией Huawei и передало проект компании Nokia.",
            ["cancelled", "agreement"],
        ),
        (
            "Kcell подписал контракт с Huawei и начал строительство сети 5G в Алматы.",
            ["agreement", "deployment"],
        ),
        # a past verb before `и` pairs with the next: one predicate
        ("Kcell и Huawei подписали и ратифицировали соглашение о 5G.", ["agreement"]),
    ],
)
def test_russian_predicates_joined_by_i(body: str, expected: list[str]) -> None:
    assert [stage for stage, _ in read(body, "ru")] == expected


def test_kak_i_compares() -> None:
    body = "Kcell рассчитывает запустить сеть 5G в 2026 году, как и договорились стороны в мае."
    assert [stage for stage, _ in read(body, "ru")] == ["plan"]


def test_a_deal_told_in_an_apposition_is_its_own_event() -> None:
    body = (
        "Kcell signed a contract with Huawei in May 2024. "
        "The $39 million contract, signed in Astana in February, covers 560 sites."
    )
    assert [(e.stage, str(e.date)) for e in read_events(body, "en", "2025-06-12")] == [
        ("agreement", "2024-05"),
        ("agreement", "2025-02"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the main predicate tells work: the loan is told in passing, dated by its words
        "Казахстанский участок линии строится на средства кредита ЕАБР, подписанного в марте "
        "2024 года.",
        # no cue but the loan's: the loan is the event
        "Kcell начал строительство ЦОД в Алматы. Проект финансируется за счёт кредита "
        "Азиатского банка развития (АБР) объёмом 80 млн евро, подписанного в марте 2024 года.",
    ],
)
def test_a_russian_deal_told_in_an_apposition(body: str) -> None:
    dated = [(e.stage, str(e.date)) for e in read_events(body, "ru", "2025-06-12")]
    assert ("agreement", "2024-03") in dated


def test_a_plan_is_no_term_of_a_halted_deal() -> None:
    body = (
        "Kcell and Beeline have terminated the tower memorandum they signed with Huawei in "
        "October 2021, and the joint venture will not go ahead.\n\n"
        "Kcell's chief executive said the company would bid in the 5G auction."
    )
    assert [stage for stage, _ in read(body)] == ["cancelled", "mou", "plan"]
