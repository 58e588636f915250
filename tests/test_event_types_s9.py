"""Session 9's rules for an event's initiative types (docs/events.md, *Types*), each
on sentences written for the test."""

from __future__ import annotations

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, Event

from .conftest import PROJECT

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def events(body: str, title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def test_a_city_camera_network_is_smart_city() -> None:
    found = events(
        "The mayor's office of Osh signed a contract with Hikvision to install 800 smart "
        "cameras at crossroads by 2026."
    )
    assert [(e.stage, e.initiatives) for e in found] == [("agreement", ["smart-city"])]
    russian = events(
        "Мэрия Оша подписала контракт с компанией Hikvision на создание системы "
        "видеонаблюдения на перекрёстках."
    )
    assert [(e.stage, e.initiatives) for e in russian] == [("agreement", ["smart-city"])]


def test_a_share_sale_takes_no_main_type() -> None:
    body = (
        "Kazakhtelecom laid a fibre-optic line to Aktau in May. The fibre line is 400 km long."
        "\n\nIn June Kazakhtelecom signed an agreement to sell its stake in Kcell to Jusan."
    )
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["agreement"] == []
    # Work told alone in its paragraph still takes the article's main type.
    other = body.replace("to sell its stake in Kcell to Jusan", "with Jusan on the Aktau works")
    assert {e.stage: e.initiatives for e in events(other)}["agreement"] == ["fiber"]


def test_another_story_takes_neither_title_nor_main_type() -> None:
    title = "Kazakhtelecom to lay fibre to Aktau"
    told = "Kazakhtelecom began laying a fibre-optic line to Aktau in May."
    aside = "Separately, the Ministry of Finance signed an agreement with the World Bank in June."
    found = {e.stage: e.initiatives for e in events(f"{told}\n\n{aside}", title=title)}
    assert found["agreement"] == []
    same_day = aside.replace("Separately", "On the same day")
    found = {e.stage: e.initiatives for e in events(f"{told}\n\n{same_day}", title=title)}
    assert found["agreement"] == []
    # Told without such an opening, the agreement is the article's story.
    plain = aside.replace("Separately, the", "The")
    found = {e.stage: e.initiatives for e in events(f"{told}\n\n{plain}", title=title)}
    assert found["agreement"] == ["fiber"]
