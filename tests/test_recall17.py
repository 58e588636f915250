"""Session 17's event rules (docs/events.md, *One event, many sentences*), recall17.

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
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "Kcell is negotiating with other vendors too.",
            "en",
        ),
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "The operator is also negotiating with two other suppliers in the region.",
            "en",
        ),
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "The operator is talking to ministers from other countries as well.",
            "en",
        ),
        (
            "Kcell провел переговоры с Huawei по 5G в Астане в понедельник. "
            "Компания также ведет переговоры с другими поставщиками.",
            "ru",
        ),
    ],
)
def test_talks_with_other_partners_are_other_talks(body: str, language: str) -> None:
    assert stages(body, language) == ["talks", "talks"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "The sides also discussed prices.",
            "en",
        ),
        (
            "Kcell провел переговоры с Huawei по 5G в Астане в понедельник. "
            "Стороны также обсудили сроки.",
            "ru",
        ),
    ],
)
def test_talks_told_on_stay_the_meeting_told(body: str, language: str) -> None:
    assert stages(body, language) == ["talks"]


@pytest.mark.parametrize(
    "body",
    [
        # `other` names a topic, or follows a partner named: the meeting told on
        "Kcell held talks with Huawei on 5G in Astana on Monday. "
        "The sides also discussed other projects.",
        "Kcell held talks with Huawei on 5G in Astana on Monday. "
        "Kcell is negotiating with Huawei about other projects as well.",
    ],
)
def test_other_topics_leave_the_meeting_told_on(body: str) -> None:
    assert stages(body) == ["talks"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell's fibre line to Kashgar remains on hold, the company said.", "en"),
        ("The Kcell data centre project in Osh stays frozen.", "en"),
        ("Проект Kcell по строительству ЦОД в Оше по-прежнему остается замороженным.", "ru"),
    ],
)
def test_a_halt_told_as_a_state_is_no_halt(body: str, language: str) -> None:
    assert stages(body, language) == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell has frozen its fibre line to Kashgar.", "en"),
        ("Works on the Kcell data centre in Osh have been suspended.", "en"),
        ("Kcell заморозил строительство ЦОД в Оше.", "ru"),
    ],
)
def test_a_halt_done_stays_a_halt(body: str, language: str) -> None:
    assert stages(body, language) == ["cancelled"]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        # the neuter and plural past of cues listed in one gender: a ministry or an agency
        # (neuter) acts as often as a company does
        ("Министерство выдало Kcell лицензию на 5G.", "agreement"),
        ("Агентство выдало Kcell частоты для 5G в Алматы.", "agreement"),
        ("Правительство выдало Kcell разрешение на строительство сети 5G.", "agreement"),
        ("Казахтелеком и Kcell купили долю в Tele2.", "agreement"),
        ("Министерство лишило Kcell лицензии на 5G.", "cancelled"),
        ("Министерство открыло дата-центр Kcell в Алматы.", "launch"),
        # the passive of a licence given, as `выданы … лицензии` reads, in the singular
        ("Лицензия на 5G выдана Kcell в мае.", "agreement"),
        ("В мае Kcell выдана лицензия на 5G.", "agreement"),
    ],
)
def test_russian_cues_read_in_every_gender(body: str, stage: str) -> None:
    assert stages(body, "ru") == [stage]


@pytest.mark.parametrize(
    "body",
    [
        "Kcell received a 5G licence from the regulator in May.",
        "Beeline obtained its 5G licence in Astana in March.",
        "Kcell secured a 5G license in May.",
    ],
)
def test_a_licence_received_with_words_between_is_an_agreement(body: str) -> None:
    assert stages(body) == ["agreement"]


def test_a_licence_not_received_is_none() -> None:
    assert stages("Tele2 has never received a 5G licence in Kazakhstan.") == []


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        # the other forms of listed verbs: `frozen` / `froze`, `broke ground` / `has broken`
        ("The government froze Kcell's 5G project in Osh in May.", "cancelled"),
        ("Kcell has broken ground on its data centre in Almaty.", "deployment"),
    ],
)
def test_the_other_forms_of_listed_verbs(body: str, stage: str) -> None:
    assert stages(body) == [stage]


def test_a_freeze_named_is_no_halt() -> None:
    assert stages("The regulator announced a freeze on Kcell's 5G tariffs.") == []
