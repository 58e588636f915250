"""The party rules of session 10 (docs/events.md, Parties), on sentences written for
the test."""

from __future__ import annotations

from .test_events_parties import events, ids, one


def test_a_central_asian_company_at_work_brings_its_country() -> None:
    body = (
        "Tcell completed testing of 5G base stations in Khujand in March. "
        "Tajikistan has about 10 million people."
    )
    assert ids(one(body, "launch")) == ["TJ", "tcell"]
    body = (
        "Kyrgyztelecom is laying 300 km of fiber along the road to Naryn. "
        "Kyrgyzstan has about 7 million people."
    )
    assert ids(one(body, "deployment")) == ["KG", "kyrgyztelecom"]
    body = (
        "На базе сети «Узбектелекома» строится новый центр обработки данных. "
        "Население Узбекистана — 37 млн человек."
    )
    assert ids(one(body, "deployment")) == ["UZ", "uzbektelecom"]


def test_a_company_signing_brings_no_country_for_it() -> None:
    body = "Tcell signed a contract with Huawei for 5G base stations."
    assert ids(one(body, "agreement")) == ["tcell", "huawei"]


def test_a_sentence_opening_on_the_deal_takes_the_deals_parties() -> None:
    body = (
        "Tcell and Huawei signed an agreement on a data center in Dushanbe on Monday.\n\n"
        "Under the agreement, a second data center will be built in Khujand by 2027."
    )
    assert set(ids(one(body, "plan"))) == {"TJ", "tcell", "huawei"}
    body = (
        "Кыргызтелеком и ZTE подписали меморандум о строительстве сети 5G.\n\n"
        "Согласно меморандуму, первые станции планируется запустить в 2026 году."
    )
    assert {"kyrgyztelecom", "zte"} <= set(ids(one(body, "plan")))


def test_subsidiaries_opening_a_sentence_are_the_companies_told_before() -> None:
    body = (
        "Сеть 5G построят компании «Кселл» и «Мобайл Телеком Сервис». "
        "Дочерние компании оператора должны до 2027 года развернуть 3000 базовых станций."
    )
    assert set(ids(one(body, "plan"))) >= {"kcell", "mobile-telecom-services"}


def test_the_next_sentence_opening_on_who_tells_the_event_names_a_party() -> None:
    body = (
        "Tajikistan has held talks with Huawei on a data center in Dushanbe.\n\n"
        "The Communications Service revealed that the talks were held in Shenzhen."
    )
    lead = next(e for e in events(body) if e.text.startswith("Tajikistan"))
    assert "tj-communications-service" in ids(lead)
    # ... not when it says something else (no stage, no type of the event)
    body = (
        "Tajikistan has held talks with Huawei on a data center in Dushanbe.\n\n"
        "The Communications Service said the company had acted on its own."
    )
    lead = next(e for e in events(body) if e.text.startswith("Tajikistan"))
    assert "tj-communications-service" not in ids(lead)


def test_a_persons_company_after_the_cue_is_the_company_named_before() -> None:
    body = (
        "OneWeb opened a satellite gateway in Kazakhstan in May.\n\n"
        "The Ministry of Digital Development plans to connect 500 schools to satellite "
        "internet by Mittal's company."
    )
    assert "oneweb" in ids(one(body, "plan"))
    # ... nor when it tells of another organisation's deal
    body = (
        "Uztelecom signed a 5G contract with Huawei on Monday.\n\n"
        "ZTE said it signed a similar 5G contract with Ucell."
    )
    lead = next(e for e in events(body) if e.text.startswith("Uztelecom"))
    assert "zte" not in ids(lead)


def test_an_organisation_in_the_title_of_who_tells_the_news_is_no_party() -> None:
    body = (
        "OneWeb plans to open a gateway station in Almaty, said Chairman of the Kazakh "
        "National Center for Space Communication Arman Serikov."
    )
    assert ids(one(body, "plan")) == ["KZ", "oneweb"]
    body = (
        "Reuters reported that Arman Serikov, the deputy head of Samruk-Kazyna, said that "
        "Kazakhtelecom would build a data center in Almaty by 2027."
    )
    assert ids(one(body, "plan")) == ["kazakhtelecom"]
    body = (
        "Таджиктелеком запустил сеть 5G в Худжанде, сообщил замначальника Службы связи "
        "Таджикистана Тимур Каримов."
    )
    assert "tj-communications-service" not in ids(one(body, "launch"))
    # ... but acting, the person brings the organisation (a meeting with its chairman)
    body = "President Tokayev held a meeting with Chairman of Kazakhtelecom Bagdat Musin on 5G."
    assert "kazakhtelecom" in ids(one(body, "talks"))


def test_a_source_quoted_is_no_party() -> None:
    body = (
        "A working group has proposed a satellite internet pilot in Kyrgyzstan, an MP said, "
        "quoting the Digital Development Ministry's request."
    )
    assert ids(one(body, "talks")) == ["KG"]


def test_the_next_sentence_saying_who_made_the_deal_names_its_parties() -> None:
    body = (
        "A working group will be set up in Tajikistan to test satellite internet in schools. "
        "The decision was reached during a meeting between Tcell and Huawei."
    )
    assert {"tcell", "huawei"} <= set(ids(one(body, "plan")))
    body = (
        "Kyrgyztelecom signed a contract with Nokia to build 5G base stations in Osh. "
        "The move is funded by the Asian Development Bank."
    )
    assert "adb" in ids(one(body, "agreement"))
    body = (
        "Таджикистан и Китай создадут центр обработки данных в Душанбе. "
        "Соответствующее соглашение было подписано на встрече представителей Tcell и Huawei."
    )
    assert {"tcell", "huawei"} <= set(ids(one(body, "plan")))
    # ... not a sentence telling something else of the deal
    body = (
        "A working group will be set up in Tajikistan to test satellite internet in schools. "
        "The project was discussed with Tcell and Huawei last year."
    )
    assert not {"tcell", "huawei"} & set(ids(one(body, "plan")))


def test_a_name_the_actor_trades_under_is_its_brand_no_party() -> None:
    body = (
        "Uzbektelecom, which sells services under the Uzmobile and Uzonline banners, "
        "signed a contract with Huawei."
    )
    assert ids(one(body, "agreement")) == ["uzbektelecom", "huawei"]
    body = "Kazakhtelecom, which trades under the brands Tele2/Altel, signed a contract with Nokia."
    assert ids(one(body, "agreement")) == ["kazakhtelecom", "nokia"]


def test_the_next_sentence_listing_the_things_told_names_their_countries() -> None:
    body = (
        "Two international fiber-optic lines were docked in Kyrgyzstan.\n\n"
        "These are Bishkek-Almaty (Kazakhstan) and Osh-Kashgar (China)."
    )
    assert ids(one(body, "launch")) == ["KG", "KZ", "CN"]
    body = (
        "Две международные оптико-волоконные линии связи состыкованы на территории "
        "Кыргызстана.\nЭто Бишкек – Алматы (Казахстан) и Ош – Кашгар (Китай)."
    )
    assert ids(one(body, "launch")) == ["KG", "KZ", "CN"]
    # ... not a sentence telling something else of them
    body = (
        "Two international fiber-optic lines were docked in Kyrgyzstan.\n\n"
        "The lines run to Kazakhstan and China."
    )
    assert ids(one(body, "launch")) == ["KG"]


def test_the_owner_of_a_company_a_stake_in_which_is_traded_is_a_party() -> None:
    body = "Kazakhtelecom agreed to buy a 75% stake in Kcell, controlled by Telia Company."
    assert ids(one(body, "agreement")) == ["kazakhtelecom", "kcell", "telia"]
    # ... the owner of a company doing something else only describes it
    body = "Kcell, owned by Telia, signed a 5G contract with Ericsson."
    assert ids(one(body, "agreement")) == ["kcell", "ericsson"]
