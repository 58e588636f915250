"""Session 17 party rules of docs/events.md (Context and references, Parties), each on
sentences written for the test."""

from __future__ import annotations

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, Event

from .conftest import PROJECT

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def events(body: str, title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def parties_of(body: str, stage: str, title: str | None = None) -> list[str]:
    found = [event for event in events(body, title) if event.stage == stage]
    assert len(found) == 1, found
    return sorted(party.id for party in found[0].parties)


def test_the_sides_after_the_meeting_the_title_tells() -> None:
    # the meeting is told in the title only: its parties are the sides, not the company
    # named on the way
    title = "Kyrgyztelecom and China Telecom hold talks in Beijing"
    body = (
        "Huawei already supplies the operator's core network. After the talks, the sides "
        "agreed a memorandum on the fibre link."
    )
    assert parties_of(body, "mou", title) == ["CN", "china-telecom", "kyrgyztelecom"]


def test_the_sides_after_the_meeting_the_lead_tells_paragraphs_before() -> None:
    body = (
        "Kyrgyztelecom and China Telecom held talks in Beijing on Monday on a fibre link. "
        "Huawei already supplies the operator's core network. Beeline uses ZTE radios. "
        "Tcell also works with Ericsson.\n\nAfter the talks, the sides agreed a memorandum "
        "on the fibre link."
    )
    assert parties_of(body, "mou") == ["CN", "china-telecom", "kyrgyztelecom"]


def test_the_sides_after_the_meeting_the_russian_title_tells() -> None:
    title = "Кыргызтелеком и China Telecom провели переговоры в Пекине"
    body = (
        "Huawei уже поставляет оператору оборудование. После переговоров стороны заключили "
        "меморандум о строительстве ВОЛС."
    )
    assert parties_of(body, "mou", title) == ["CN", "china-telecom", "kyrgyztelecom"]


def test_the_sides_after_the_meeting_in_other_words() -> None:
    # the ways the press opens on the meeting told before
    told = (
        "Kyrgyztelecom's managers negotiated with China Telecom in Beijing on a fibre link. "
        "Huawei already supplies the operator's core network. "
    )
    for opening in (
        "As a result of their talks, the sides",
        "At the end of Monday's negotiations, the parties",
        "During talks, the sides",
    ):
        body = told + opening + " agreed a memorandum on the link."
        assert parties_of(body, "mou") == ["CN", "china-telecom", "kyrgyztelecom"], opening


def test_the_sides_after_the_meeting_in_other_russian_words() -> None:
    told = (
        "В Пекине представители Кыргызтелекома провели переговоры с руководством China "
        "Telecom. Huawei уже поставляет оператору оборудование. "
    )
    for opening in ("По результатам состоявшихся переговоров стороны", "В рамках встречи стороны"):
        body = told + opening + " заключили меморандум о строительстве ВОЛС."
        assert parties_of(body, "mou") == ["CN", "china-telecom", "kyrgyztelecom"], opening


def test_an_owner_after_russian_owned_by_is_no_party() -> None:
    body = (
        "Сервис Starlink, принадлежащий SpaceX, в прошлом году начал работать в Кыргызстане "
        "в тестовом режиме."
    )
    assert parties_of(body, "deployment") == ["KG", "starlink"]
    body = "Оператор MegaCom, подконтрольный Кыргызтелекому, начал строительство сети 5G в Бишкеке."
    assert parties_of(body, "deployment") == ["KG", "megacom"]


def test_the_owner_of_a_traded_stake_in_russian_is_a_party() -> None:
    body = "Казахтелеком подписал соглашение о покупке пакета акций Кселл, принадлежащего Telia."
    assert parties_of(body, "agreement") == ["kazakhtelecom", "kcell", "telia"]


def test_bystanders_in_russian() -> None:
    # `besides`, `instead of`, `unlike`, `competes with` in Russian; `кроме того` names none
    for body in (
        "Помимо Kcell, сеть 5G в Алматы запустил оператор Tele2.",
        "В отличие от Kcell, оператор Tele2 запустил сеть 5G в Алматы.",
        "Tele2, конкурирующий с Kcell, запустил сеть 5G в Алматы.",
        "Кроме того, Tele2 запустил сеть 5G в Алматы.",
    ):
        assert parties_of(body, "launch") == ["tele2"], body
    body = "Сеть 5G в Алматы вместо компании Kcell построит Tele2."
    assert parties_of(body, "plan") == ["tele2"]


def test_the_verbs_of_saying_completed() -> None:
    # one organisation telling what another does, and the title of a person telling it:
    # `explained`, `confirmed`, `пояснил`, `подтвердил` as `said`, `сообщил`
    for body in (
        "Kcell explained that Tele2 would launch 5G in Almaty next year.",
        "Kcell подтвердил, что Tele2 запустит сеть 5G в Алматы в следующем году.",
        "Tele2 will launch 5G in Almaty next year, explained Chairman of Kazakhtelecom "
        "Arman Sultanov.",
        "Сеть 5G в Алматы запустит Tele2 в следующем году, пояснил председатель правления "
        "АО «Казахтелеком» Арман Султанов.",
    ):
        assert parties_of(body, "plan") == ["tele2"], body


def test_an_approval_still_required_in_the_passive_and_in_russian() -> None:
    for body in (
        "Kazakhtelecom agreed to buy Kcell from Telia, a deal that must still be approved by "
        "the Agency for Protection and Development of Competition.",
        "Казахтелеком договорился о покупке Kcell у Telia; сделка требует одобрения "
        "Агентства по защите и развитию конкуренции.",
        "Казахтелеком договорился о покупке Kcell у Telia; сделка должна быть одобрена "
        "Агентством по защите и развитию конкуренции.",
    ):
        assert parties_of(body, "agreement") == ["kazakhtelecom", "kcell", "telia"], body


def test_a_route_point_in_other_words() -> None:
    # `in transit through`, `транзитом через` as `via`; a line built `through` keeps it
    for body in (
        "Kazakhtelecom will route its traffic to Europe in transit through Azerbaijan from "
        "next year.",
        "Казахтелеком будет направлять трафик в Европу транзитом через Азербайджан со "
        "следующего года.",
    ):
        assert parties_of(body, "plan") == ["kazakhtelecom"], body
    body = "Kazakhtelecom will lay a fibre line through Azerbaijan next year."
    assert parties_of(body, "plan") == ["AZ", "kazakhtelecom"]


def test_an_owner_after_division_of_and_an_outlet_that_reports_in_russian() -> None:
    body = "Kazteleport, a division of Kazakhtelecom, opened a data centre in Almaty."
    assert parties_of(body, "launch") == ["kazteleport"]
    body = "Российский «Вестник» сообщает, что Kcell запустил сеть 5G в Алматы."
    assert parties_of(body, "launch") == ["kcell"]


def test_the_bank_is_the_organisation_whose_name_it_heads() -> None:
    told = (
        "The Eurasian Development Bank is studying the Kyrgyztelecom fibre project. "
        "Kyrgyztelecom chose Huawei as its supplier in March. "
    )
    body = told + "The bank plans to approve a loan for the line next year."
    assert parties_of(body, "plan") == ["eurasian-development-bank"]
    body = told + "Kyrgyztelecom plans to sign a loan agreement with the bank next year."
    assert parties_of(body, "plan") == ["eurasian-development-bank", "kyrgyztelecom"]


def test_an_owner_named_by_its_possessive_in_an_apposition() -> None:
    body = (
        "Kazteleport, Kazakhtelecom's satellite subsidiary, is building a ground station in Almaty."
    )
    assert parties_of(body, "deployment") == ["kazteleport"]
    # an unnamed unit's owner acts for it
    body = "Fibre links for the new traffic centre are being laid by Kazakhtelecom's telecoms unit."
    assert parties_of(body, "deployment") == ["kazakhtelecom"]


def test_the_bank_named_sentences_before() -> None:
    body = (
        "The Asian Development Bank approved a grant for rural broadband in Tajikistan. "
        "The project will connect 800 villages. Tajiktelecom will lay the fibre. "
        "Villages in Khatlon come first. Schools follow in 2026. "
        "Back in 2023, the bank signed a $20 million loan with Kyrgyzstan for fibre links."
    )
    found = [e for e in events(body) if e.text.startswith("Back in 2023")]
    assert len(found) == 1
    assert "adb" in {p.id for p in found[0].parties}


def test_an_owner_in_an_apposition_holds_the_shares_of_a_share_deal() -> None:
    body = "Tele2 agreed to buy a 49% stake in Altel, Kazakhtelecom's mobile unit."
    assert parties_of(body, "agreement") == ["altel", "kazakhtelecom", "tele2"]


def test_a_maker_referred_to_by_its_home_is_no_bank() -> None:
    body = (
        "Tojiktelecom signed a contract with Huawei for a data centre in Dushanbe. "
        "A loan from the Export-Import Bank of China will pay for the project. "
        "The contract follows a memorandum signed by Tojiktelecom and the Chinese vendor "
        "in April last year."
    )
    found = [e for e in events(body) if e.stage == "mou"]
    assert len(found) == 1
    ids = {p.id for p in found[0].parties}
    assert "huawei" in ids and "china-exim-bank" not in ids
