"""The initiative types an event takes (docs/events.md, *Types*)."""

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
