"""Session 13's event rules (docs/events.md), recall13.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect import analyse
from ca_connect.models import Article

from .test_plans9_s11 import REAL
from .test_plans9_s11 import events as read_events


def events(
    body: str, language: str = "en", date: str | None = "2025-06-12"
) -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, date)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("A $60 million loan from the Asian Development Bank to Kcell was signed in May.", "en"),
        ("Кредит Азиатского банка развития для Kcell на $60 млн был подписан в мае.", "ru"),
        ("Заем Всемирного банка для Kcell был заключен в мае.", "ru"),
    ],
)
def test_a_loan_told_signed_is_an_agreement(body: str, language: str) -> None:
    assert events(body, language) == [("agreement", "2025-05")]


def titled(title: str, body: str, language: str = "en") -> list[str]:
    article = Article(
        id="x", path="x.txt", title=title, body=body, date="2025-06-12", language=language
    )
    return [event.stage for event in analyse(article, REAL).events]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell has started mounting 5G antennas on its towers in Shymkent.", "en"),
        ("Work on the Kcell fibre line to Aktau has resumed after the winter.", "en"),
        ("Kcell resumed the construction of its data center in Almaty this week.", "en"),
        ("Kcell возобновил строительство дата-центра в Алматы на этой неделе.", "ru"),
        ("Рабочие Kcell начали монтировать базовые станции 5G в Астане.", "ru"),
    ],
)
def test_work_begun_or_resumed_is_work(body: str, language: str) -> None:
    assert [stage for stage, _ in events(body, language)] == ["deployment"]


def test_resuming_to_come_is_a_plan() -> None:
    # a Russian cue in the past tense reports the past only: its future is a plan
    body = "Kcell возобновит строительство дата-центра в Алматы в марте."
    assert [stage for stage, _ in events(body, "ru")] == ["plan"]


def test_the_titles_work_told_again_by_the_lead_goes_on_in_the_body() -> None:
    title = "Kcell starts construction of a data center in Almaty"
    body = (
        "Kcell began building its data center in Almaty on Monday, the company said.\n\n"
        "The site lies next to the city's main substation. "
        "Engineers of Kcell and Huawei are installing the servers."
    )
    assert titled(title, body) == ["deployment"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Kcell signed a contract for the line with Beeline in January, and the first "
            "cables were laid in April.",
            [("agreement", "2025-01"), ("deployment", "2025-04")],
        ),
        (
            "Kcell discussed the Almaty data center with Huawei in 2023; construction "
            "began in April 2024.",
            [("talks", "2023"), ("deployment", "2024-04")],
        ),
        (
            "Huawei is building the Kcell data center in Almaty, and the first halls will be "
            "handed over in 2027.",
            [("deployment", "2025-06-12"), ("plan", "2025-06-12")],
        ),
    ],
)
def test_a_clause_of_its_own_subject_tells_its_own_event(
    body: str, expected: list[tuple[str, str]]
) -> None:
    assert events(body) == expected


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Kcell installed towers in 9 of the 40 villages, and the programme has been stuck "
            "since.",
            "deployment",
        ),
        (
            "Kcell launched the service in nine villages in May, and the strategy covers "
            "forty more.",
            "launch",
        ),
    ],
)
def test_a_plan_named_in_a_clause_tells_none(body: str, stage: str) -> None:
    assert [told for told, _ in events(body)] == [stage]


def test_a_clause_telling_the_same_kind_of_work_stays_in_its_sentence() -> None:
    body = "Kcell finished laying the line in March, and the link was switched on in May."
    assert len(events(body)) == 1


def test_an_undated_plan_with_a_time_to_come_is_no_term_of_the_deal() -> None:
    body = (
        "Kcell signed a contract with Ericsson for 5G equipment. "
        "Kcell intends to cover Osh with 5G by the end of next year."
    )
    assert [stage for stage, _ in events(body, date=None)] == ["agreement", "plan"]
    # dated, the target is read and the plan stays apart as before
    assert [stage for stage, _ in events(body)] == ["agreement", "plan"]


def test_an_undated_aim_to_come_naming_nobody_is_a_plan_of_its_own() -> None:
    body = (
        "Kcell и Huawei договорились о строительстве дата-центра в Алматы. "
        "По словам директора, работы на площадке планируют начать в следующем году."
    )
    assert [stage for stage, _ in events(body, "ru", date=None)] == ["agreement", "plan"]
