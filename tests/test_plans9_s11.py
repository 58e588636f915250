"""Session 11, plans9: stage and modality rules of docs/events.md.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

from ca_connect.events import analyse
from ca_connect.models import Article, Event

from .test_events_ru import REAL


def events(body: str, language: str = "en", date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date=date, language=language)
    return analyse(article, REAL).events


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in events(body, language)]


def test_a_wish_in_russian_is_a_plan_as_wants_is() -> None:
    # `хочет`, `хотят` (wants, want) are the twins of the English plan cue `wants`.
    assert stages("В Таджикистане хотят построить новый дата-центр.", "ru") == ["plan"]
    assert stages("Кыргызтелеком хочет провести оптоволокно в Нарын.", "ru") == ["plan"]
    # the past `хотел бы` (would like to) is a manner of speaking, no plan
    assert stages("Я хотел бы подчеркнуть важность оптоволокна для Нарына.", "ru") == []


def test_an_actor_that_will_provide_a_service_plans_it() -> None:
    # `provide` after an actor and its modal is the actor's own action, as `offer` is
    assert stages("Kazakhtelecom will provide fibre internet to 300 villages in 2027.") == ["plan"]
    # also through `be able to`
    assert stages("Kcell said it will be able to provide 5G services in Aktau in 2027.") == ["plan"]
    # equipment provided is what a supply deal holds, no plan of its own
    assert stages("Huawei will provide equipment and software for the new data center.") == []
    # without an actor before the modal it stays a benefit
    assert stages("The new fibre line will provide faster internet to 300 villages.") == []


def test_places_that_have_been_connected_to_a_service_are_a_launch() -> None:
    # `have been connected`: the service reaches them now (Russian `подключены`)
    assert stages(
        "Twelve schools in Naryn have been connected to the internet by Kyrgyztelecom."
    ) == ["launch"]
    # `connected` told as work done stays work
    assert stages("Kazakhtelecom connected 40 villages to fibre in May.") == ["deployment"]
