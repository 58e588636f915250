"""Session 16's event rules (docs/events.md, *Cues*), recall16.

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
        # a service switched on or running as a trial: testing under way
        ("Beeline switched on ten 5G base stations in Osh on Monday in test mode.", "en"),
        (
            "Satellite internet went live in 40 mountain schools under a pilot of the ministry.",
            "en",
        ),
        ("Билайн запустил 5G в Караколе в опытном режиме.", "ru"),
        ("В рамках эксперимента Tcell подключил к спутниковому интернету 12 школ в Хороге.", "ru"),
    ],
)
def test_a_service_run_as_a_trial_is_work_under_way(body: str, language: str) -> None:
    assert stages(body, language) == ["deployment"]


@pytest.mark.parametrize(
    "body",
    [
        "Kcell launched commercial 5G in Aktobe on Monday after a year-long trial.",
        "Tcell completed 5G testing in Khujand in May.",
    ],
)
def test_a_trial_before_the_launch_leaves_it_a_launch(body: str) -> None:
    assert stages(body) == ["launch"]


def test_a_planned_thing_named_beside_an_action_tells_no_plan() -> None:
    # `the planned network`: the participle names the network; the switching on happened
    assert stages("The planned network was switched on in Osh on Friday.") == ["launch"]
    assert stages(
        "So far 150 km of the planned cable to Khorog has been laid by Kazakhtelecom."
    ) == ["deployment"]


@pytest.mark.parametrize(
    "body",
    [
        "Билайн подключил к запланированной оптической линии пять сёл под Каракол.",
        "Tcell запустил первые станции планируемой сети 5G в Хороге.",
    ],
)
def test_a_planned_thing_named_in_russian_tells_no_plan(body: str) -> None:
    assert stages(body, "ru") == ["launch"]


def test_a_planned_thing_alone_stays_a_plan() -> None:
    # with no other cue, the thing planned is still what the sentence tells
    assert stages("Kyrgyztelecom expects its planned data centre in Osh to open in 2027.") == [
        "plan"
    ]
    assert stages("Запланированная линия будет построена к 2027 году.", "ru") == ["plan"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "The share of households online rose to 78% in 2024, with most connected through "
            "mobile networks.",
            "en",
        ),
        (
            "Mobile internet penetration in rural Tajikistan stood at 41% last year, with most "
            "users connected over 3G.",
            "en",
        ),
        (
            "Доля домохозяйств с оптикой в Бишкеке достигла 35%, большинство из них подключены "
            "в 2024 году.",
            "ru",
        ),
    ],
)
def test_market_statistics_tell_no_work(body: str, language: str) -> None:
    assert stages(body, language) == []


def test_a_measure_to_come_stays_a_plan_and_work_before_it_stays_work() -> None:
    assert stages("Within two years the share of homes with fibre-optic access will pass 60%.") == [
        "plan"
    ]
    assert stages(
        "Beeline laid 600 km of fibre in 2024, and its customer base grew to 4 million."
    ) == ["deployment"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Tcell has not disclosed when it will build new towers in Khorog.", "en"),
        ("It is unclear when Ucell will launch 5G in Nukus.", "en"),
        ("Пока неизвестно, когда Tcell запустит 5G в Хороге.", "ru"),
    ],
)
def test_an_open_question_tells_no_event(body: str, language: str) -> None:
    assert stages(body, language) == []


def test_a_question_answered_after_the_event_leaves_it() -> None:
    # the cue comes before the question: the plan is told, the question is about its cost
    assert stages("Kcell will build 300 towers in 2026 but did not say how much they cost.") == [
        "plan"
    ]
