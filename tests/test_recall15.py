"""Session 15's event rules (docs/events.md, *Cues* and *One event, many sentences*), recall15.

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


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # a contract ended is a halt, as one terminated is
        (
            "Kcell ended its contract with Huawei in March after repeated delays.",
            "en",
            ["huawei", "kcell"],
        ),
        # a partner leaving the project, as `вышел из проекта`
        (
            "Компания Huawei покинула проект в 2024 году из-за задержек финансирования.",
            "ru",
            ["huawei"],
        ),
        ("Казахтелеком ушел из проекта в прошлом году.", "ru", ["kazakhtelecom"]),
        # the rest of the vocabulary, in both languages
        ("Kcell tore up its contract with Huawei.", "en", ["huawei", "kcell"]),
        ("Kcell exited the agreement with Huawei.", "en", ["huawei", "kcell"]),
        ("Кселл разорвал контракт с компанией Huawei.", "ru", ["huawei", "kcell"]),
        ("Кселл вышел из соглашения с компанией Huawei.", "ru", ["huawei", "kcell"]),
    ],
)
def test_a_contract_ended_or_a_partner_leaving_is_a_halt(
    body: str, language: str, expected: list[str]
) -> None:
    assert read(body, language) == [("cancelled", expected)]


def test_a_seller_exiting_a_market_stays_a_launch() -> None:
    # `exited` alone is a seller leaving a market; `exited the agreement` is the halt
    assert read("Telia exited Kazakhstan in 2018.") == [("launch", ["telia"])]


def test_a_signing_told_at_the_same_ceremony_is_another_deal() -> None:
    lead = (
        "The Asian Development Bank agreed on Monday to lend Kcell $50 million for a fibre line. "
    )
    body = (
        lead
        + "At the same ceremony, Kcell and Nokia signed a supply contract for the line's equipment."
    )
    assert read(body) == [("agreement", ["adb", "kcell"]), ("agreement", ["kcell", "nokia"])]
    # the same deal told again, naming no one new, stays one
    body = lead + "Kcell's chief executive signed the loan agreement for the company."
    assert read(body) == [("agreement", ["adb", "kcell"])]


def test_a_signing_told_at_the_same_time_in_russian_is_another_deal() -> None:
    body = (
        "Азиатский банк развития в понедельник подписал с Кселл кредитное соглашение на "
        "строительство ВОЛС в Актау. Одновременно Кселл и Nokia подписали контракт на "
        "поставку оборудования."
    )
    assert read(body, "ru") == [("agreement", ["adb", "kcell"]), ("agreement", ["kcell", "nokia"])]


@pytest.mark.parametrize(
    ("body", "language", "target"),
    [
        (
            "The launch of Kcell's 5G network in Aktau was pushed back to March 2027.",
            "en",
            "2027-03",
        ),
        (
            "Kcell said its data center opening was postponed to the third quarter of 2027.",
            "en",
            "2027",
        ),
        (
            "Ввод дата-центра Кселл в эксплуатацию перенесен на второй квартал 2027 года.",
            "ru",
            "2027",
        ),
        ("Запуск сети 5G Кселл в Актау перенесли на март 2027 года.", "ru", "2027-03"),
    ],
)
def test_a_postponement_to_a_new_date_plans_it(body: str, language: str, target: str) -> None:
    [event] = read_events(body, language, "2025-06-12")
    assert (event.stage, str(event.target)) == ("plan", target)


def test_a_postponement_with_no_new_date_plans_nothing() -> None:
    # `until` opens a condition as often as a date: not listed
    body = (
        "Kcell said the opening of its data center has been postponed until the permits are issued."
    )
    assert read(body) == []


def test_a_russian_aside_may_open_on_a_noun_phrase_before_its_pronoun() -> None:
    body = (
        "Кселл обсуждает с Huawei расширение сети в Актау, вторая очередь которой была "
        "запущена в мае 2024 года."
    )
    read = [(e.stage, str(e.date)) for e in read_events(body, "ru", "2025-06-12")]
    assert [stage for stage, _ in read] == ["talks", "launch"]
    assert read[1] == ("launch", "2024-05")


def test_an_english_whose_opens_no_aside() -> None:
    # the owner's clause tells the work; `would go to court` plans nothing
    body = "Nokia, whose crews had installed 300 antennas in Naryn, said it would go to court."
    assert [e.stage for e in read_events(body, "en", "2025-06-12")] == ["deployment"]
