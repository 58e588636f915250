"""Session 16 party rules of docs/events.md (Context and references, Parties), each on
sentences written for the test."""

from __future__ import annotations

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, Event

from .conftest import PROJECT

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def events(body: str) -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def parties_of(body: str, stage: str) -> list[str]:
    found = [event for event in events(body) if event.stage == stage]
    assert len(found) == 1, found
    return sorted(party.id for party in found[0].parties)


def test_the_sides_after_the_meeting_are_those_who_met() -> None:
    # a company named between the meeting and `the sides` is no side of it
    body = (
        "Kyrgyztelecom's board met China Telecom's managers in Beijing about a fibre link. "
        "Huawei already supplies the operator's core network. After the talks, the sides "
        "agreed a memorandum on the link."
    )
    assert parties_of(body, "mou") == ["CN", "china-telecom", "kyrgyztelecom"]


def test_the_sides_after_the_meeting_in_russian() -> None:
    body = (
        "В Пекине представители Кыргызтелекома встретились с руководством China Telecom. "
        "Huawei уже поставляет оператору оборудование. После переговоров стороны заключили "
        "меморандум о строительстве ВОЛС."
    )
    assert parties_of(body, "mou") == ["CN", "china-telecom", "kyrgyztelecom"]


def test_the_sides_with_no_meeting_told_before_are_the_nearest_two() -> None:
    # no meeting before: `the sides` stay the two organisations named last
    body = (
        "Kyrgyztelecom plans a fibre link to the Chinese border. Huawei and China Telecom "
        "offered equipment. After the talks, the sides agreed a memorandum on the link."
    )
    organisations = [p for p in parties_of(body, "mou") if not p.isupper()]
    assert organisations == ["china-telecom", "huawei"]


def test_a_country_the_service_goes_to_leaves_the_provider_the_subject() -> None:
    # `for Kyrgyzstan`: the receiving side; the subject country provides
    body = (
        "Kazakhstan plans to sell satellite capacity to its neighbours. "
        "Service for Kyrgyzstan will be launched next spring."
    )
    plans = [e for e in events(body) if e.text.startswith("Service")]
    assert sorted(p.id for p in plans[0].parties) == ["KG", "KZ"]


def test_a_country_the_service_goes_to_in_russian() -> None:
    body = (
        "Казахстан построит станции спутниковой связи. "
        "Канал для Кыргызстана планируется открыть весной."
    )
    plans = [e for e in events(body) if e.text.startswith("Канал")]
    assert sorted(p.id for p in plans[0].parties) == ["KG", "KZ"]


def test_operators_in_a_country_listed_after_to_are_the_receiving_side() -> None:
    body = (
        "Kyrgyzstan's fibre network keeps growing. The ministry will offer transit capacity "
        "to providers in Uzbekistan and Afghanistan from 2027."
    )
    assert parties_of(body, "plan") == ["AF", "KG", "UZ"]
    body = (
        "Kyrgyzstan's fibre network keeps growing. Kyrgyztelecom plans to lease spare fibre "
        "capacity to Uzbek and Afghan carriers."
    )
    assert parties_of(body, "plan") == ["AF", "KG", "UZ", "kyrgyztelecom"]


def test_a_country_acting_is_no_receiving_side() -> None:
    body = (
        "Kyrgyzstan's fibre network keeps growing. Tajikistan will build a line to "
        "Kyrgyzstan next year."
    )
    assert parties_of(body, "plan") == ["KG", "TJ"]
