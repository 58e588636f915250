"""Session 15's event rules (docs/events.md, *Not events* and *Parties*), recall15b.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events


def read(body: str, language: str = "ru") -> list[tuple[str, str | None, list[str]]]:
    return [
        (event.stage, str(event.date), sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-11-14")
    ]


@pytest.mark.parametrize(
    "dateline",
    [
        "ТАШКЕНТ – ",
        "БИШКЕК. KAZINFORM – ",
        "Душанбе. 14 ноября. ИНТЕРФАКС - ",
        "АЛМАТЫ, 14 ноября. /Корр. КазТАГ/. ",
        "",
    ],
)
def test_a_russian_dateline_before_a_dash_is_no_definition(dateline: str) -> None:
    # the words after a dateline's dash open the sentence in capitals; a definition's
    # predicate after its dash opens in lower case
    body = f"{dateline}В 2024 году Кселл завершил строительство оптической линии до Талдыкоргана."
    assert read(body) == [("launch", "2024", ["kcell"])]


def test_a_definition_after_a_dash_still_tells_no_work() -> None:
    body = "Кселл – оператор, построивший оптическую линию до Талдыкоргана."
    assert read(body) == []


@pytest.mark.parametrize(
    "source",
    [
        "сообщили в Министерстве цифрового развития Казахстана",
        "отметили в пресс-службе Министерства цифрового развития Казахстана",
        "заявили в «Казахтелекоме»",
    ],
)
def test_an_organisation_where_the_news_was_told_is_no_party(source: str) -> None:
    # `сообщили в …` (they said at …): the organisation is the source, not an actor
    body = f"Кселл приступил к строительству базовых станций в Жетысу, {source}."
    assert read(body) == [("deployment", "2025-11-14", ["kcell"])]


def test_an_organisation_told_as_the_source_may_still_be_referred_to() -> None:
    # the ministry named as the source is the one `министерство` refers to later
    body = (
        "Кселл приступил к строительству базовых станций в Жетысу, сообщили в Министерстве "
        "цифрового развития Казахстана. Напомним, в марте министерство расторгло договор "
        "с компанией Huawei."
    )
    events = read(body)
    assert events[0] == ("deployment", "2025-11-14", ["kcell"])
    assert events[1][0] == "cancelled"
    assert "kz-digital-ministry" in events[1][2]


def read_en(body: str) -> list[tuple[str, str, list[str]]]:
    return [
        (event.stage, str(event.date), sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, "en", "2025-11-14")
    ]


def test_a_clause_saying_who_told_it_is_no_clause_of_its_own() -> None:
    # `, the Kazakh operator said on Thursday,`: who told the news, then an apposition;
    # the deal is one agreement
    body = (
        "Kcell has agreed to buy the Tajik operator Tcell from the Aga Khan Fund, the Kazakh "
        "group said on Thursday, its first acquisition outside Kazakhstan."
    )
    assert [stage for stage, _, _ in read_en(body)] == ["agreement"]


def test_a_clause_after_a_comma_telling_an_action_stays_one() -> None:
    # the reporting verb's clause holds a cue of its own: the action it tells is read
    body = (
        "A week after Beeline left Kyrgyzstan, its rival Kcell said it was going to sell "
        "a stake in its tower unit."
    )
    assert "plan" in [stage for stage, _, _ in read_en(body)]


def test_a_weak_plan_noun_with_a_country_only_as_where_is_no_event() -> None:
    body = "The delegates confirmed their support for common goals of 5G development in Kazakhstan."
    assert read_en(body) == []
    # a country acting still makes the goal its own
    assert [s for s, _, _ in read_en("Kazakhstan set new goals for 5G development.")] == ["plan"]


def test_a_plan_pointing_back_to_a_vague_time_is_of_that_time() -> None:
    body = (
        "Kcell will set up a working group on satellite internet with OneWeb, the ministry "
        "said. A few years ago, OneWeb representatives visited Astana to discuss an office. "
        "At that time, it was planned to launch the service in 2023."
    )
    plans = [event for event in read_events(body, "en", "2025-11-14") if event.stage == "plan"]
    assert [(str(p.date), str(p.target)) for p in plans] == [
        ("2025-11-14", "None"),
        ("None", "2023"),
    ]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("Закрытие сделки по покупке Кселл состоялось в пятницу.", "launch"),
        ("Завершение приобретения оператора Кселл прошло в марте.", "launch"),
        ("Закрытие сделки по покупке Кселл ожидается в марте 2026 года.", "plan"),
    ],
)
def test_a_russian_deal_completed_as_a_noun_is_a_launch(body: str, stage: str) -> None:
    assert [s for s, _, _ in read(body)] == [stage]


@pytest.mark.parametrize("season", ["by the spring", "this autumn", "in the summer"])
def test_a_season_to_come_in_an_undated_article_sets_an_aim_of_its_own(season: str) -> None:
    body = (
        "Kcell and Nokia signed a memorandum of understanding on 5G in Astana. "
        f"Nokia will deliver a design for the core network {season}."
    )
    events = read_events(body, "en", None)
    assert [event.stage for event in events] == ["mou", "plan"]
