"""Session 10's rules for an event's initiative types (docs/events.md, *Types*), each
on sentences written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14


def test_internet_at_large_borrows_no_type() -> None:
    told = "Kazakhtelecom began laying a fibre-optic line to Aktau in May."
    plan = "The ministry plans to give internet access to 500 villages by 2027."
    found = {e.stage: e.initiatives for e in events(f"{told} {plan}")}
    assert found["plan"] == []
    services = plan.replace("give internet access to", "bring communication services to")
    assert {e.stage: e.initiatives for e in events(f"{told} {services}")}["plan"] == []
    russian = events(
        "Казахтелеком в мае начал строительство волоконно-оптической линии до Актау. "
        "Министерство планирует к 2027 году обеспечить доступ в интернет в 500 селах."
    )
    assert {e.stage: e.initiatives for e in russian}["plan"] == []
    # Without such words the plan is told on the line's story, and takes its type.
    other = plan.replace("give internet access to", "connect")
    assert {e.stage: e.initiatives for e in events(f"{told} {other}")}["plan"] == ["fiber"]


def test_internet_at_large_is_an_event_of_its_own() -> None:
    # Its sentence names what it is about: not the line's plan told again.
    body = (
        "Kazakhtelecom plans to lay a fibre-optic line to Aktau by 2027. "
        "It also plans to bring internet access to 500 villages."
    )
    found = [(e.stage, e.initiatives, len(e.evidence)) for e in events(body)]
    assert found == [("plan", ["fiber"], 1), ("plan", [], 1)]


def test_an_event_takes_the_types_its_other_sentences_name() -> None:
    body = (
        "Kazakhtelecom signed an agreement with Huawei on Monday to bring internet access to "
        "500 villages. Under the agreement, Huawei will lay fibre-optic lines to the villages."
    )
    assert [(e.stage, e.initiatives) for e in events(body)] == [("agreement", ["fiber"])]


def test_a_dated_step_naming_internet_at_large_takes_no_type_of_the_deal() -> None:
    deal = "Kazakhtelecom signed a contract with Huawei in May 2024 to build a fibre-optic line."
    step = "Internet access in 300 villages was launched in December 2024."
    found = {e.stage: e.initiatives for e in events(f"{deal} {step}")}
    assert found["launch"] == []
    # A step of the deal itself takes its type.
    line = "Construction of the line began in December 2024."
    assert {e.stage: e.initiatives for e in events(f"{deal} {line}")}["deployment"] == ["fiber"]


def test_talks_told_on_keep_the_meetings_type() -> None:
    # The visit is no event; the talks told on it take its type from the sentence before.
    body = (
        "A delegation of the ministry of digital development visited Kazakhtelecom in June to "
        "see its new fibre-optic backbone. The sides discussed internet access for schools in "
        "remote villages."
    )
    assert [(e.stage, e.initiatives) for e in events(body)] == [("talks", ["fiber"])]
