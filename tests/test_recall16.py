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
            "Ucell turned on its first 5G sites in Samarkand at the start of a two-month trial.",
            "en",
        ),
        ("The satellite service went online in 40 villages under a government pilot.", "en"),
        ("Сеть 5G в Худжанде с марта работает в тестовом режиме.", "ru"),
        ("Через OneWeb подключены 30 сельских школ в рамках пилотного проекта.", "ru"),
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
    assert stages(
        "The first towers of the planned Kcell-Beeline shared network were switched on in Almaty."
    ) == ["launch"]
    assert stages("Crews have laid 200 km of the planned 300 km fibre line in Naryn.") == [
        "deployment"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Первые базовые станции запланированной сети 5G запущены в Оше в среду.",
        "Первые базовые станции планируемой сети 5G запущены в Оше в среду.",
    ],
)
def test_a_planned_thing_named_in_russian_tells_no_plan(body: str) -> None:
    assert stages(body, "ru") == ["launch"]


def test_a_planned_thing_alone_stays_a_plan() -> None:
    # with no other cue, the thing planned is still what the sentence tells
    assert stages("Uzbekcosmos needs to put its planned satellite into orbit by 2028.") == ["plan"]
    assert stages("Запланированная линия будет построена к 2027 году.", "ru") == ["plan"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "The number of subscribers passed 30 million, of whom half were connected to LTE.",
            "en",
        ),
        ("Installed fibre capacity in the region is still below 10 Tbps, analysts said.", "en"),
        (
            "Число абонентов интернета превысило 2 млн, из них 60% подключены по оптике.",
            "ru",
        ),
    ],
)
def test_market_statistics_tell_no_work(body: str, language: str) -> None:
    assert stages(body, language) == []


def test_a_measure_to_come_stays_a_plan_and_work_before_it_stays_work() -> None:
    assert stages("Next year the share of villages with fibre-optic access will exceed 95%.") == [
        "plan"
    ]
    assert stages(
        "Kcell laid 900 km of fibre in 2024, and its subscriber base passed 2 million."
    ) == ["deployment"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell did not say how the new towers would be financed.", "en"),
        (
            "Operators are waiting for the regulator to decide how the 700 MHz band will be sold.",
            "en",
        ),
        ("The ministry has not said when a new tender could be held.", "en"),
        ("В министерстве не уточнили, когда будет объявлен новый тендер.", "ru"),
    ],
)
def test_an_open_question_tells_no_event(body: str, language: str) -> None:
    assert stages(body, language) == []


def test_a_question_answered_after_the_event_leaves_it() -> None:
    # the cue comes before the question: the plan is told, the question is about its cost
    assert stages("Kcell will build 300 towers in 2026 but did not say how much they cost.") == [
        "plan"
    ]
