"""The party rules of README "Deal events" (Parties), each on sentences written for the test."""

from __future__ import annotations

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, Event

from .conftest import PROJECT

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def events(body: str, title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def ids(event: Event) -> list[str]:
    return [party.id for party in event.parties]


def one(body: str, stage: str | None = None) -> Event:
    found = [e for e in events(body) if stage is None or e.stage == stage]
    assert len(found) == 1, found
    return found[0]


# --- The Central Asian country where the deal happens ---------------------------------


def test_a_private_company_acting_at_home_brings_no_country() -> None:
    assert ids(one("Kcell opened 4G base stations in Turkestan.")) == ["kcell"]
    assert ids(one("Kazakhtelecom signed a fiber contract with ZTE.")) == [
        "kazakhtelecom",
        "zte",
    ]


def test_a_company_the_article_calls_the_states_brings_its_country() -> None:
    body = (
        "Kazakhtelecom, the state-owned operator, reported higher revenue. "
        "Kazakhtelecom later signed a fiber contract with ZTE."
    )
    assert ids(one(body, "agreement")) == ["KZ", "kazakhtelecom", "zte"]
    body = "Государственный оператор Mobiuz до конца года установит 500 базовых станций 5G."
    assert ids(one(body)) == ["UZ", "mobiuz"]


def test_a_name_saying_state_or_sovereign_makes_the_company_the_states() -> None:
    body = "Sovereign Wealth Fund Samruk-Kazyna signed a data center agreement with Alibaba Cloud."
    assert ids(one(body)) == ["KZ", "samruk-kazyna", "alibaba-cloud"]


def test_a_sentence_speaking_of_the_country_makes_the_deal_the_countrys() -> None:
    body = "Tcell launched 5G in Dushanbe, the first operator in the country to do so."
    assert sorted(ids(one(body))) == ["TJ", "tcell"]


def test_an_agency_brings_its_country() -> None:
    body = (
        "The Ministry of Digital Technologies of Uzbekistan met donors. "
        "The ministry signed a memorandum with Cybernetica on e-government."
    )
    assert "UZ" in ids(one(body, "mou"))


def test_foreign_parties_alone_take_the_subject_country() -> None:
    body = "Kyrgyzstan needs data centres. Huawei will build a data center in Osh."
    assert ids(one(body)) == ["KG", "huawei"]
