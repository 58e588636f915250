"""Review of session 15's rules (review15): a test for each rule no test of
test_recall15.py or test_deals15.py failed without, and odd input for the new code.

Every sentence here is written for this file (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events

LOAN = "The Eurasian Development Bank agreed on Tuesday to lend Kcell $40 million for towers. "


def signings(body: str, language: str = "en") -> list[list[str]]:
    """The organisations of each event the body tells."""
    return [
        sorted(p.id for p in event.parties if p.kind != "country")
        for event in read_events(body, language, "2025-06-12")
    ]


# --- A signing told at the same time as the deal before (events/merge.py) -----------


@pytest.mark.parametrize(
    "opening",
    ["On the same day,", "The same day", "At the same meeting,", "Simultaneously,"],
)
def test_every_english_same_time_opening_tells_another_signing(opening: str) -> None:
    body = LOAN + f"{opening} Kcell and Ericsson signed a contract for the radio units."
    assert signings(body) == [["eurasian-development-bank", "kcell"], ["ericsson", "kcell"]]


@pytest.mark.parametrize(
    "opening", ["В тот же день", "На той же встрече", "На этой же церемонии", "Тогда же"]
)
def test_every_russian_same_time_opening_tells_another_signing(opening: str) -> None:
    body = (
        "Евразийский банк развития во вторник подписал с Кселл кредитное соглашение на "
        f"строительство вышек. {opening} Кселл и Ericsson подписали контракт на поставку "
        "радиооборудования."
    )
    assert signings(body, "ru") == [["eurasian-development-bank", "kcell"], ["ericsson", "kcell"]]


def test_the_same_deal_told_at_the_same_ceremony_stays_one() -> None:
    # naming no organisation the deal before does not, it is that deal told again
    body = LOAN + "At the same ceremony, Kcell and the bank signed the loan agreement."
    assert signings(body) == [["eurasian-development-bank", "kcell"]]


# --- The stage cues added in session 15 (data/entities.yaml `stages:`) ---------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell's 5G launch in Taraz was delayed to May 2027.", "en"),
        ("Kcell's 5G launch in Taraz has been rescheduled to May 2027.", "en"),
        ("Kcell's 5G launch in Taraz was deferred to May 2027.", "en"),
        ("Запуск сети 5G Кселл в Таразе переносится на май 2027 года.", "ru"),
        ("Строительство дата-центра Кселл в Таразе перенесено на май 2027 года.", "ru"),
        ("Работы Кселл по 5G в Таразе перенесены на май 2027 года.", "ru"),
    ],
)
def test_every_postponement_to_a_new_date_plans_it(body: str, language: str) -> None:
    [event] = read_events(body, language, "2025-06-12")
    assert (event.stage, str(event.target)) == ("plan", "2027-05")


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell ended its agreement with Ericsson after the audit.", "en"),
        ("Kcell ended the deal with Ericsson last week.", "en"),
        ("Kcell ended its partnership with Ericsson last week.", "en"),
        ("Kcell ends its contract with Ericsson in June.", "en"),
        ("Kcell tore up the agreement with Ericsson.", "en"),
        ("Kcell exited its joint venture with Ericsson.", "en"),
        ("Кселл и Ericsson разорвали договор.", "ru"),
        ("Кселл разорвал соглашение с компанией Ericsson.", "ru"),
        ("Кселл вышел из договора с компанией Ericsson.", "ru"),
        ("Компании Кселл и Ericsson покинули проект.", "ru"),
    ],
)
def test_every_halt_of_a_contract_or_a_project_is_cancelled(body: str, language: str) -> None:
    assert [e.stage for e in read_events(body, language, "2025-06-12")] == ["cancelled"]
