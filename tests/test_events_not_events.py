"""Words that tell no event (docs/events.md, *Not events*): definitions, statistics, open
questions, descriptions and words of another sense."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.events import analyse
from ca_connect.models import Article, Event
from tests.test_events_ru import REAL
from tests.test_events_ru import stages as russian_stages


def read_events(body: str, language: str = "en", date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date=date, language=language)
    return analyse(article, REAL).events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    "body",
    [
        "The new Kcell data centre in Almaty will host the e-government portal.",
        "The Beeline ground station will track the satellites and manage their payloads.",
    ],
)
def test_what_a_facility_will_do_describes_it(body: str) -> None:
    assert stages(body) == []


def test_a_duty_imposed_is_no_commitment() -> None:
    # No deadline: a standing condition (with one it is the obliged companies' plan,
    # tests/test_events_parties.py).
    body = "По условиям лицензии Kcell и Beeline обязаны запустить сети 5G в Алматы."
    assert stages(body, "ru") == []


def read(body: str, language: str = "ru") -> list[tuple[str, str | None, list[str]]]:
    return [
        (event.stage, str(event.date), sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-11-14")
    ]


def read_en(body: str) -> list[tuple[str, str, list[str]]]:
    return [
        (event.stage, str(event.date), sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, "en", "2025-11-14")
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


def test_a_weak_plan_noun_with_a_country_only_as_where_is_no_event() -> None:
    body = "The delegates confirmed their support for common goals of 5G development in Kazakhstan."
    assert read_en(body) == []
    # a country acting still makes the goal its own
    assert [s for s, _, _ in read_en("Kazakhstan set new goals for 5G development.")] == ["plan"]


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


@given(st.text(alphabet=".,;:!?…-–—()«»\"' \n", max_size=40), st.sampled_from(["en", "ru"]))
def test_punctuation_alone_tells_no_event(body: str, language: str) -> None:
    assert read_events(body, language, "2025-06-12") == []


def events(body: str, title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def english_stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_work_listed_as_a_projects_parts_describes_the_project() -> None:
    body = (
        "As readers may recall, the project has three components: construction of the fibre "
        "line itself, supply of equipment and a campaign to promote the constructed line."
    )
    assert english_stages(body) == []
    body = (
        "As readers may recall, the project consists of construction of the fibre line itself "
        "and a campaign to promote the constructed line."
    )
    assert english_stages(body) == []
    assert english_stages(
        "Kyrgyztelecom is building a fiber line to Naryn with World Bank money."
    ) == ["deployment"]


def test_issues_agreed_on_are_no_deal() -> None:
    assert "agreement" not in english_stages(
        "Tajiktelecom and Huawei agreed on all open issues of the data centre project."
    )
    assert "agreement" not in russian_stages(
        "Таджиктелеком и ZTE договорились по всем вопросам проекта."
    )
    assert english_stages(
        "Tajiktelecom and Huawei agreed on the construction of a data centre."
    ) == ["agreement"]
