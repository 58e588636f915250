"""Session 12b's event rules (docs/events.md): a deal dated to another month is
another signing, a lead's plan folds only into a deal told right after it, and the
irregular participles make a passive future.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events


def events(body: str, language: str = "en", date: str = "2025-06-12") -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, date)]


def test_a_deal_dated_to_another_month_is_another_signing() -> None:
    body = (
        "Kcell plans to build a data center in Almaty. "
        "The minister visited the Kcell headquarters in Astana. "
        "The company employs 4,000 people. "
        "The minister heard a report on its plans. "
        "Kcell has agreed to rent floor space in the data center to Beeline. "
        "In February, the sides signed an agreement on the maintenance of the servers."
    )
    assert events(body) == [
        ("plan", "2025-06-12"),
        ("agreement", "2025-06-12"),
        ("agreement", "2025-02"),
    ]


def test_a_leads_plan_folds_only_into_a_deal_told_right_after_it() -> None:
    body = (
        "Kcell plans to build a data center in Almaty. "
        "Kcell has agreed to rent floor space in the data center to Beeline."
    )
    assert [stage for stage, _ in events(body)] == ["agreement"]


def test_a_deal_told_again_with_its_month_stays_one() -> None:
    # the lead writes the year: `the 2024 memorandum` is the one signed in March 2024
    body = (
        "Отказ Kcell от меморандума 2024 года о сотрудничестве с Beeline по сетям 5G связан "
        "с ценами. Kcell и Beeline подписали меморандум 3 марта 2024 года в Астане."
    )
    assert events(body, "ru") == [("mou", "2024-03-03")]


@pytest.mark.parametrize(
    "body",
    [
        "The Kcell towers will be sold to Beeline next year.",
        "The Kazakhtelecom fibre network will be taken over by Kcell in 2026.",
    ],
)
def test_an_irregular_participle_makes_a_passive_future(body: str) -> None:
    assert [stage for stage, _ in events(body)] == ["plan"]


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "en",
            "Kcell said on Monday it was going to sell its towers, a year after Beeline exited"
            " Kyrgyzstan.",
            ["launch", "plan"],
        ),
        (
            "en",
            "Kcell began building the fibre line to Aktau on Monday, a month after it won a "
            "contract from the ministry.",
            ["deployment", "agreement"],
        ),
        (
            "ru",
            "Kcell начал строительство линии в Актау, после того как ЕБРР выделил ему кредит.",
            ["deployment", "agreement"],
        ),
    ],
)
def test_an_action_told_in_a_clause_of_time_is_an_event_of_its_own(
    language: str, body: str, expected: list[str]
) -> None:
    assert sorted(stage for stage, _ in events(body, language)) == sorted(expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a gerund shares the main subject: one step told on
        (
            "Kcell revealed plans to buy the towers in May after signing a memorandum with"
            " Beeline.",
            ["plan"],
        ),
        # a deal named by reference only: a condition, no event
        (
            "Kcell will start building the towers in Aktau after the sides ratify the agreement.",
            ["plan"],
        ),
        # a main plan resting on a noun only plans nothing of its own
        (
            "The Kcell tower programme has slowed down, a year after Kcell signed a memorandum"
            " with Beeline.",
            ["plan"],
        ),
    ],
)
def test_a_clause_of_time_that_tells_no_second_event(body: str, expected: list[str]) -> None:
    assert [stage for stage, _ in events(body)] == expected


def test_no_subject_in_a_clause_of_time_negates_its_cue() -> None:
    body = "The Kcell tender for the Aktau line was scrapped when no contractor met the deadline."
    assert [stage for stage, _ in events(body)] == ["cancelled"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Beeline exited Kyrgyzstan in 2023."),
        ("en", "Beeline left the Kyrgyz market in 2023."),
        ("ru", "Beeline ушел с рынка Кыргызстана в 2023 году."),
    ],
)
def test_a_seller_leaving_a_market_completed_its_sale(language: str, body: str) -> None:
    assert [stage for stage, _ in events(body, language)] == ["launch"]
