"""Review of session 16's event rules (docs/events.md), review16b: each rule broken in turn
fails a test here or in test_recall16, each rule left alone where it should not fire, and
odd input read without an error.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .test_plans9_s11 import events as read_events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


# --- an open question ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # without the rule each is read as the launch or plan it asks about
        ("The regulator has not said when Kcell will launch 5G in Aktau.", "en"),
        ("Beeline declined to say how many towers it will build in Osh next year.", "en"),
        ("Казахтелеком не сообщил, когда запустит сеть 5G в Шымкенте.", "ru"),
    ],
)
def test_an_open_question_before_the_cue_tells_no_event(body: str, language: str) -> None:
    assert stages(body, language) == []


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # said, explained or announced in the past: the question is answered
        (
            "The minister explained how Beeline had laid 800 km of fibre in the north.",
            "en",
            "deployment",
        ),
        (
            "The ministry announced who won the tender: Kcell signed the licence on Monday.",
            "en",
            "agreement",
        ),
        ("Министерство сообщило, когда Казахтелеком построит линию до Нарына.", "ru", "plan"),
        # a question closed in its own clause asks about something else
        (
            "Kcell, which has not said what the towers cost, signed a contract with ZTE on Monday.",
            "en",
            "agreement",
        ),
        # a question after the signing leaves the signing
        (
            "Kcell signed a deal with Huawei on Monday but did not say how much the deal cost.",
            "en",
            "agreement",
        ),
    ],
)
def test_an_answered_or_later_question_leaves_the_event(
    body: str, language: str, expected: str
) -> None:
    assert stages(body, language) == [expected]


# --- a service run as a trial -------------------------------------------------------------


def test_a_launch_in_test_mode_in_russian_is_work_under_way() -> None:
    assert stages("Мегаком запустил сеть 5G в Бишкеке в тестовом режиме.", "ru") == ["deployment"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Tcell completed a 5G trial in Khujand and launched commercial service there in May.",
            "en",
        ),
        ("Beeline launched commercial 5G in Osh on Monday after six months in test mode.", "en"),
        (
            "Kcell launched 5G in Almaty in May, a year after it began the service under a pilot.",
            "en",
        ),
        (
            "Мегаком запустил коммерческую сеть 5G в Бишкеке после года работы в тестовом режиме.",
            "ru",
        ),
    ],
)
def test_a_trial_that_ended_before_the_launch_leaves_the_launch(body: str, language: str) -> None:
    assert stages(body, language) == ["launch"]


def test_a_trial_named_in_a_plan_leaves_the_plan() -> None:
    assert stages("Kcell will launch 5G in Almaty in 2026 on a trial basis.") == ["plan"]


# --- `planned` naming a thing -------------------------------------------------------------


def test_a_planned_thing_is_named_only_after_an_article() -> None:
    # `planned` as the verb, with no article before it, is still the plan told beside the
    # signing
    assert stages(
        "Kazakhtelecom planned fibre lines to 200 villages and signed a contract with ZTE in May."
    ) == ["plan", "agreement"]


def test_the_planned_thing_switched_on_is_a_launch() -> None:
    assert stages("The planned network was switched on in Osh on Friday.") == ["launch"]


# --- market statistics --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a measure word with no verb of measuring after it: the work stands
        ("A number of new towers were installed by Beeline in Osh last month.", ["deployment"]),
        # a measure late in the sentence is not its subject
        (
            "Beeline installed 40 base stations in Osh in May, and the number of its sites "
            "in the city reached 300.",
            ["deployment"],
        ),
        # the number to come is a plan with its actor
        ("The number of base stations Kcell will build will reach 500 by 2027.", ["plan"]),
    ],
)
def test_a_measure_that_is_no_statistic_leaves_the_event(body: str, expected: list[str]) -> None:
    assert stages(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a cue in a clause of its own, with an actor, tells its event
        (
            "Capacity of the new data centre, built by ZTE, reached 20 MW when it opened in May.",
            "launch",
        ),
        (
            "Its capacity stands at 20 MW, and Kcell opened the data centre in Almaty on Monday.",
            "launch",
        ),
        (
            "The share of homes with fibre rose to 40% after Kazakhtelecom laid 2,000 km of cable.",
            "deployment",
        ),
    ],
)
def test_an_event_told_after_a_measure_stands(body: str, expected: str) -> None:
    assert stages(body) == [expected]


def test_a_clause_with_no_actor_after_a_measure_goes_on_counting() -> None:
    assert (
        stages(
            "The number of subscribers passed 3 million, and most of them were connected by fibre."
        )
        == []
    )


def test_market_statistics_in_russian_tell_no_work() -> None:
    # without the rule `подключены` would be read as work
    assert (
        stages(
            "Количество пользователей 5G в Ташкенте превысило 100 тысяч, большинство подключены "
            "в этом году.",
            "ru",
        )
        == []
    )


# --- odd input ----------------------------------------------------------------------------

_CUE_WORDS = [
    *("did", "not", "say", "how", "planned", "the", "network", "launched", "number", "of"),
    *("subscribers", "exceeded", "in", "test", "mode", "under", "a", "pilot", "after", ","),
    *("не", "уточнили", "когда", "запланированной", "сети", "запущена", "в", "тестовом"),
    *("режиме", "число", "превысило", ".", "Kcell", "signed", "2025"),
]


@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=60), st.sampled_from(["en", "ru"]))
def test_any_run_of_the_rules_words_is_read_without_an_error(
    words: list[str], language: str
) -> None:
    read_events(" ".join(words), language, "2025-06-12")


@given(st.text(alphabet=".,;:!?…-–—()«»\"' \n", max_size=40), st.sampled_from(["en", "ru"]))
def test_punctuation_alone_tells_no_event(body: str, language: str) -> None:
    assert read_events(body, language, "2025-06-12") == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_empty_or_very_long_sentence_is_read_without_an_error(language: str) -> None:
    assert read_events("", language, "2025-06-12") == []
    long_sentence = (
        "Kcell did not say how the planned network in test mode under a pilot, "
        + "and the number of subscribers exceeded 2 million " * 400
        + "was launched."
    )
    read_events(long_sentence, language, "2025-06-12")
