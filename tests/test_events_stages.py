"""The stage each cue gives an event (docs/events.md, *Cues*): plans, talks, agreements, launches,
work and halts, in English and Russian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.events import analyse
from ca_connect.models import Article, Event
from tests.test_events_ru import REAL
from tests.test_events_ru import stages as russian_stages


def stages(body: str, language: str) -> list[str]:
    article = Article(id="x", path="x.txt", body=body, date="2025-03-14", language=language)
    return [event.stage for event in analyse(article, REAL).events]


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        # agreement: the verbs of a deal made, and Russian reversed and noun forms
        ("en", "Kazakhtelecom sealed a deal with Huawei for a data centre.", ["agreement"]),
        ("en", "Uzbektelecom clinched a contract with Nokia for 5G equipment.", ["agreement"]),
        ("en", "Kyrgyzstan penned an agreement with China on a fibre line.", ["agreement"]),
        ("en", "Tajiktelecom struck an agreement with Huawei on 5G.", ["agreement"]),
        ("en", "Kazakhtelecom concluded a contract with Nokia for 5G.", ["agreement"]),
        ("en", "Uzbektelecom finalised the agreement with Ericsson on 5G.", ["agreement"]),
        (
            "en",
            "Kazakhtelecom secured a $50 million loan for fibre from the World Bank.",
            ["agreement"],
        ),
        ("en", "Kcell landed a contract from Nokia for 5G.", ["agreement"]),
        ("en", "Kazakhtelecom inks deal with Huawei for 5G.", ["agreement"]),
        ("en", "Kyrgyzstan and China signed an accord on a fibre line.", ["agreement"]),
        ("en", "Kazakhtelecom entered into a contract with Nokia for 5G.", ["agreement"]),
        ("ru", "Контракт на строительство сети 5G заключен с Huawei.", ["agreement"]),
        (
            "ru",
            "Казахтелеком и Huawei достигли договоренности о строительстве сети 5G.",
            ["agreement"],
        ),
        (
            "ru",
            "Правительство утвердило соглашение с Huawei о строительстве сети 5G.",
            ["agreement"],
        ),
        (
            "ru",
            "Казахтелеком выкупил долю Tele2 в совместном предприятии мобильной связи.",
            ["agreement"],
        ),
        # deployment: work under way or begun
        ("en", "Kazakhtelecom broke ground on a new data centre in Astana.", ["deployment"]),
        ("en", "Kazakhtelecom is deploying 5G base stations in Almaty.", ["deployment"]),
        ("en", "Uzbektelecom is constructing a fibre line to Nukus.", ["deployment"]),
        ("en", "Kazakhtelecom began work on a fibre line to Aktau.", ["deployment"]),
        ("en", "Kcell trialled 5G in Astana.", ["deployment"]),
        ("ru", "Казахтелеком прокладывает оптоволоконную линию до Актау.", ["deployment"]),
        ("ru", "Kcell провел испытания сети 5G в Астане.", ["deployment"]),
        ("ru", "Казахтелеком начал прокладку оптоволоконной линии до Актау.", ["deployment"]),
        ("ru", "Kcell монтирует базовые станции 5G в Алматы.", ["deployment"]),
        # launch: a service or line in operation
        ("en", "Kcell's 5G network came online in Astana in May.", ["launch"]),
        ("en", "The Tashkent data centre came on stream in March.", ["launch"]),
        ("en", "Tajiktelecom started commercial service of 5G in Dushanbe.", ["launch"]),
        ("en", "Uzbektelecom put the fibre line into operation in May.", ["launch"]),
        ("ru", "Дата-центр Казахтелекома принят в эксплуатацию.", ["launch"]),
        ("ru", "Казахтелеком ввел в коммерческую эксплуатацию сеть 5G.", ["launch"]),
        ("en", "Kcell's 5G network will come online in Astana in May.", ["plan"]),
        # talks
        (
            "en",
            "Kazakhtelecom exchanged views with Huawei on a new data centre in Astana.",
            ["talks"],
        ),
        ("en", "Uzbektelecom is mulling a fibre partnership with Turkcell.", ["talks"]),
        ("ru", "Казахтелеком и Huawei обменялись мнениями о строительстве дата-центра.", ["talks"]),
        ("ru", "Казахтелеком и Huawei договариваются о строительстве сети 5G.", ["talks"]),
        # plan: an intention or a schedule
        ("en", "Kazakhtelecom is preparing to launch 5G in Astana.", ["plan"]),
        ("en", "Kazakhtelecom is poised to launch 5G in Astana.", ["plan"]),
        ("en", "Kazakhtelecom is slated to launch 5G in Astana in 2026.", ["plan"]),
        ("en", "Kazakhtelecom unveiled plans for a data centre in Astana.", ["plan"]),
        ("ru", "Казахтелеком планировал запустить сеть 5G в 2026 году.", ["plan"]),
        ("ru", "Казахтелеком поставил цель запустить сеть 5G в 2026 году.", ["plan"]),
        ("ru", "Казахтелеком намеревается построить дата-центр в Астане.", ["plan"]),
        ("ru", "Казахтелеком стремится построить дата-центр в Астане.", ["plan"]),
        # cancelled: a deal or project dropped
        ("en", "Kazakhtelecom pulled out of the 5G project with Huawei.", ["cancelled"]),
        ("en", "Kazakhtelecom shelved the data centre project in Astana.", ["cancelled"]),
        ("en", "Kazakhtelecom walked away from the 5G deal with Huawei.", ["cancelled"]),
        ("en", "Kazakhtelecom halts construction of the data centre in Astana.", ["cancelled"]),
        ("ru", "Казахтелеком вышел из проекта строительства дата-центра с Huawei.", ["cancelled"]),
        ("ru", "Регулятор отозвал лицензию Kcell на сеть 5G.", ["cancelled"]),
        ("ru", "Казахтелеком свернул проект строительства дата-центра.", ["cancelled"]),
        ("ru", "Строительство дата-центра Казахтелекома остановлено.", ["cancelled"]),
        # a headline's present tense
        ("en", "Kazakhtelecom negotiates with Huawei on 5G.", ["talks"]),
        ("en", "Kazakhtelecom inks memorandum with Huawei on 5G.", ["mou"]),
        ("en", "Kcell wins contract to build 5G in Astana with Huawei.", ["agreement"]),
        ("en", "Kazakhstan's parliament ratifies fibre agreement with China.", ["agreement"]),
        ("en", "Kazakhtelecom buys stake in Kcell mobile operator.", ["agreement"]),
        ("en", "Kcell deploys 5G base stations in Almaty.", ["deployment"]),
        ("en", "Kazakhtelecom lays fibre line to Aktau.", ["deployment"]),
        ("ru", "Всемирный банк выделил заем на оптоволоконную сеть Кыргызстана.", ["agreement"]),
        ("ru", "Kcell стала победителем аукциона на частоты 5G.", ["agreement"]),
        ("ru", "Kcell протестировала сеть 5G в Астане.", ["deployment"]),
        # access gained, or to be gained
        (
            "en",
            "In May, 300 villages in Kazakhstan gained access to fibre from Kazakhtelecom.",
            ["launch"],
        ),
        (
            "en",
            "All schools in Kazakhstan were provided with fibre internet access last year.",
            ["launch"],
        ),
        (
            "en",
            "All schools in Kazakhstan will be provided with fibre internet access next year.",
            ["plan"],
        ),
        (
            "ru",
            "Жители 300 сел Казахстана получили доступ к оптоволоконному интернету.",
            ["launch"],
        ),
        ("ru", "В 300 селах Казахстана появился доступ к оптоволоконному интернету.", ["launch"]),
        ("ru", "Жители 300 сел Казахстана получат доступ к оптоволоконному интернету.", ["plan"]),
        # mou: a letter or declaration of intent
        ("en", "Uzbektelecom and Nokia signed an LOI on 5G.", ["mou"]),
        ("ru", "Казахтелеком и Huawei подписали письмо о намерениях по сети 5G.", ["mou"]),
    ],
)
def test_the_press_words_for_each_stage_cue_it(
    language: str, body: str, expected: list[str]
) -> None:
    assert stages(body, language) == expected


def test_a_deal_to_be_concluded_is_no_agreement() -> None:
    body = (
        "Tele2 expected the deal with Kazakhtelecom on the mobile joint venture to be "
        "concluded in six months."
    )
    assert "agreement" not in stages(body, "en")


def test_an_aim_to_introduce_a_technology_is_no_launch() -> None:
    body = "Регулятор Кыргызстана изучает опыт по внедрению технологии 5G."
    assert "launch" not in stages(body, "ru")


def test_talks_that_collapsed_stay_talks() -> None:
    body = "Переговоры Казахтелекома и Huawei о сети 5G сорвались."
    assert stages(body, "ru") == ["talks"]


def test_a_line_that_connects_two_cities_or_meets_a_standard_is_no_event() -> None:
    assert stages("The Kazakhtelecom fibre line connects Almaty and Aktau.", "en") == []
    assert stages("The Kcell 5G network meets the regulator's standard.", "en") == []


def test_words_of_another_sense_cue_no_stage() -> None:
    assert stages("Kazakhtelecom showed a groundbreaking 5G antenna in Astana.", "en") == []
    assert stages("Закон о сетях 5G начал действовать в Казахстане.", "ru") == []


def events(body: str, title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def english_stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_talks_naming_nobody_told_as_under_way_are_the_article_talks() -> None:
    opening = "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
    assert english_stages(opening + "Negotiations on the project have already been completed.") == [
        "plan",
        "talks",
    ]
    assert english_stages(opening + "Discussions on the tariffs are currently underway.") == [
        "plan",
        "talks",
    ]
    # Told with no word of where they stand, they tell nothing the plan did not.
    assert english_stages(opening + "Negotiations on the project were difficult.") == ["plan"]


def test_work_naming_nobody_told_as_going_on_now_is_the_article_work() -> None:
    opening = "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
    found = english_stages(opening + "Works on the second stage are now being carried out.")
    assert found == ["plan", "deployment"]
    russian = english_stages(
        "Правительство Кыргызстана планирует построить центр обработки данных в Оше.\n\n"
        "На площадку уже поступает оборудование."
    )
    assert russian == ["plan", "deployment"]
    # A question asks; it tells no work.
    asked = english_stages(opening + "Which stage has already been implemented?")
    assert asked == ["plan"]
    # The word that tells the work is no word of where it stands.
    assert english_stages(opening + "Measures are underway to expand the road network.") == ["plan"]


def test_access_to_be_gained_is_a_plan() -> None:
    found = events(
        "About 800 schools in Tajikistan will gain access to fibre-optic internet in 2027."
    )
    assert [(e.stage, e.target.year if e.target else None) for e in found] == [("plan", 2027)]
    assert english_stages(
        "Remote villages of Naryn will get access to satellite internet next year."
    ) == ["plan"]
    # A benefit statement stays none: the access is what the project helps bring.
    assert (
        english_stages("The new cable will help 500 villages in Osh gain access to the internet.")
        == []
    )


def test_reviewed_is_talks_only_on_progress_or_cooperation() -> None:
    assert english_stages(
        "Kazakhstan and Azerbaijan reviewed progress on the Caspian fibre line."
    ) == ["talks"]
    # A body reviewing a thing or a transaction holds no talks.
    assert (
        english_stages("Kcell engineers reviewed the capabilities of the new 5G equipment.") == []
    )
    assert (
        english_stages("The central bank of Tajikistan reviewed the transfer of funds to Tcell.")
        == []
    )


def test_interest_is_talks_only_when_shown() -> None:
    assert english_stages(
        "The Eurasian Development Bank has shown interest in funding the Osh line."
    ) == ["talks"]
    # A company's own interest in a market or a stake it sold holds no talks.
    assert english_stages("Beeline sold its interest in the Tajik operator Tcell in 2016.") == []


def test_a_merger_decided_is_an_agreement() -> None:
    assert english_stages(
        "In 2019 Kazakhtelecom decided to combine its mobile unit Altel with Tele2's business."
    ) == ["agreement"]
    # A decision on something else stays a plan.
    assert english_stages(
        "In 2024 the Kyrgyz regulator decided to allocate 5G frequencies to MegaCom."
    ) == ["plan"]


def test_a_programme_opening_with_a_discussion_is_no_talks() -> None:
    assert (
        english_stages("The two-day forum in Bishkek began with a discussion on cyber threats.")
        == []
    )
    # Talks told as such stay talks.
    assert english_stages("Kcell and Huawei began talks on a 5G network in Almaty.") == ["talks"]


def test_equipment_arrived_is_work() -> None:
    assert english_stages(
        "Equipment for the Osh backbone nodes arrived in Kyrgyzstan on May 5, 2024."
    ) == ["deployment"]
    assert english_stages("В Бишкек поступило оборудование для сети 5G компании MegaCom.") == [
        "deployment"
    ]


def read_events(body: str, language: str = "en", date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date=date, language=language)
    return analyse(article, REAL).events


def stages_may16(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language)]


def test_a_wish_in_russian_is_a_plan_as_wants_is() -> None:
    # `хочет`, `хотят` (wants, want) are the twins of the English plan cue `wants`.
    assert stages_may16("В Таджикистане хотят построить новый дата-центр.", "ru") == ["plan"]
    assert stages_may16("Кыргызтелеком хочет провести оптоволокно в Нарын.", "ru") == ["plan"]
    # the past `хотел бы` (would like to) is a manner of speaking, no plan
    assert stages_may16("Я хотел бы подчеркнуть важность оптоволокна для Нарына.", "ru") == []


def test_an_actor_that_will_provide_a_service_plans_it() -> None:
    # `provide` after an actor and its modal is the actor's own action, as `offer` is
    assert stages_may16("Kazakhtelecom will provide fibre internet to 300 villages in 2027.") == [
        "plan"
    ]
    # also through `be able to`
    assert stages_may16("Kcell said it will be able to provide 5G services in Aktau in 2027.") == [
        "plan"
    ]
    # equipment provided is what a supply deal holds, no plan of its own
    assert stages_may16("Huawei will provide equipment and software for the new data center.") == []
    # without an actor before the modal it stays a benefit
    assert stages_may16("The new fibre line will provide faster internet to 300 villages.") == []


def test_places_that_have_been_connected_to_a_service_are_a_launch() -> None:
    # `have been connected`: the service reaches them now (Russian `подключены`)
    assert stages_may16(
        "Twelve schools in Naryn have been connected to the internet by Kyrgyztelecom."
    ) == ["launch"]
    # `connected` told as work done stays work
    assert stages_may16("Kazakhtelecom connected 40 villages to fibre in May.") == ["deployment"]


def parties_by_event(body: str) -> list[tuple[str, list[str]]]:
    return [(e.stage, [p.id for p in e.parties]) for e in read_events(body)]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Kcell subscribers will have access to 5G in Shymkent next year."),
        ("en", "Kcell subscribers will be able to use 5G roaming in Georgia."),
        ("ru", "Абоненты Kcell смогут пользоваться роумингом 5G в Грузии."),
    ],
)
def test_a_service_to_be_had_is_a_plan(language: str, body: str) -> None:
    assert stages_may16(body, language) == ["plan"]


def test_a_plan_naming_internet_brought_to_people_needs_no_actor() -> None:
    body = (
        "Kyrgyzstan will build a fibre backbone to Naryn by 2027. "
        "Students in every rural school will be able to use the internet from next spring. "
        "Each mountain village will be connected to communications infrastructure."
    )
    assert parties_by_event(body) == [("plan", ["KG"]), ("plan", ["KG"]), ("plan", ["KG"])]
    # naming neither an actor nor internet brought to people, a future stays no plan
    assert stages_may16(
        "Kyrgyzstan will build a fibre backbone to Naryn. Roads will be safer."
    ) == ["plan"]


def test_fibre_access_to_come_is_a_plan_without_an_actor() -> None:
    body = (
        "In two years, the share of villages with fibre-optic access in Tajikistan will exceed 80%."
    )
    assert parties_by_event(body) == [("plan", ["TJ"])]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Kazakhtelecom closed the acquisition of Tele2's stake in the mobile venture."),
        ("en", "Beeline closed the sale of its tower business to a Dubai investor in May."),
        ("ru", "Казахтелеком завершил сделку по покупке доли Tele2 в мобильном операторе."),
        ("ru", "Казахтелеком закрыл сделку по покупке доли Tele2 в мобильном операторе."),
    ],
)
def test_a_sale_completed_is_a_launch(language: str, body: str) -> None:
    assert stages_may16(body, language) == ["launch"]


def test_a_deal_to_be_closed_stays_a_plan() -> None:
    assert stages_may16("Kazakhtelecom is expected to close the deal with Tele2 by June.") == [
        "plan"
    ]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "The Asian Development Bank is going to scrap its loan for the Tajik line."),
        ("en", "Kcell is going to terminate its roaming contract with Beeline."),
        ("en", "The World Bank said it would cancel its grant for the Kyrgyz fibre line."),
        ("ru", "Казахтелеком собирается свернуть проект с Huawei."),
        ("ru", "Всемирный банк собирается отозвать средства проекта в Кыргызстане."),
    ],
)
def test_a_halt_threatened_is_no_plan(language: str, body: str) -> None:
    assert stages_may16(body, language) == []


def test_a_plan_to_sell_stays_a_plan() -> None:
    assert stages_may16("Tele2 is going to sell its stake in the Altel joint venture.") == ["plan"]


def stages_and_dates(
    body: str, language: str = "en", date: str = "2025-06-12"
) -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, date)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("A $60 million loan from the Asian Development Bank to Kcell was signed in May.", "en"),
        ("Кредит Азиатского банка развития для Kcell на $60 млн был подписан в мае.", "ru"),
        ("Заем Всемирного банка для Kcell был заключен в мае.", "ru"),
    ],
)
def test_a_loan_told_signed_is_an_agreement(body: str, language: str) -> None:
    assert stages_and_dates(body, language) == [("agreement", "2025-05")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell has started mounting 5G antennas on its towers in Shymkent.", "en"),
        ("Work on the Kcell fibre line to Aktau has resumed after the winter.", "en"),
        ("Kcell resumed the construction of its data center in Almaty this week.", "en"),
        ("Kcell возобновил строительство дата-центра в Алматы на этой неделе.", "ru"),
        ("Рабочие Kcell начали монтировать базовые станции 5G в Астане.", "ru"),
    ],
)
def test_work_begun_or_resumed_is_work(body: str, language: str) -> None:
    assert [stage for stage, _ in stages_and_dates(body, language)] == ["deployment"]


def test_resuming_to_come_is_a_plan() -> None:
    # a Russian cue in the past tense reports the past only: its future is a plan
    body = "Kcell возобновит строительство дата-центра в Алматы в марте."
    assert [stage for stage, _ in stages_and_dates(body, "ru")] == ["plan"]


def stages_jun12(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell undertook to build 300 base stations in Osh by 2027.", "en"),
        ("Beeline undertakes to lay a fibre line to Naryn within two years.", "en"),
        ("Kcell commits to extend its 5G network to Shymkent next year.", "en"),
        ("Kcell обязался построить 300 базовых станций в Оше до 2027 года.", "ru"),
        ("Beeline обязалась проложить оптоволоконную линию до Нарына за два года.", "ru"),
        ("Kcell взял на себя обязательство расширить сеть 5G до Шымкента.", "ru"),
    ],
)
def test_a_commitment_a_party_takes_on_is_a_plan(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["plan"]


@pytest.mark.parametrize(
    "body",
    [
        "The Kcell data centre in Almaty will house 800 racks and is due to open in 2027.",
        "The second hall of the Kcell data centre is scheduled to open next spring.",
    ],
)
def test_a_schedule_names_the_action_to_come(body: str) -> None:
    assert stages_jun12(body) == ["plan"]


def test_a_deal_agreed_with_a_partner_is_an_agreement() -> None:
    body = "The 5G pilot, agreed with Beeline in March, has connected twelve schools in Osh."
    assert ("agreement", "2025-03") in [
        (e.stage, str(e.date)) for e in read_events(body, "en", "2025-06-12")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Beeline selected Ericsson in March to supply its 5G radios.",
        "Kcell has chosen Huawei to build its data centre in Almaty.",
        "Kcell tapped Nokia to modernise its core network.",
    ],
)
def test_a_vendor_chosen_is_an_agreement(body: str) -> None:
    assert stages_jun12(body) == ["agreement"]


def test_a_vendor_chosen_in_russian_is_an_agreement() -> None:
    assert stages_jun12("Kcell выбрал Ericsson поставщиком оборудования 5G в марте.", "ru") == [
        "agreement"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("По условиям контракта Nokia поставит Kcell оборудование 5G до конца 2027 года.", "plan"),
        ("Nokia поставила Kcell оборудование 5G в марте.", "deployment"),
        ("Kcell внедрит систему видеонаблюдения в Алматы в следующем году.", "plan"),
        ("Kcell развернёт сеть 5G в Шымкенте до конца 2027 года.", "plan"),
        ("Kcell развернул сеть 5G в Шымкенте в марте.", "deployment"),
        ("Kcell смонтирует базовые станции в Шымкенте до конца 2027 года.", "plan"),
    ],
)
def test_a_russian_work_verb_to_come_is_a_plan(body: str, expected: str) -> None:
    assert stages_jun12(body, "ru") == [expected]


def read(body: str, language: str = "en") -> list[tuple[str, list[str]]]:
    return [
        (event.stage, sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-06-12")
    ]


@pytest.mark.parametrize(
    ("body", "language", "expected"),
    [
        # a contract ended is a halt, as one terminated is
        (
            "Kcell ended its contract with Huawei in March after repeated delays.",
            "en",
            ["huawei", "kcell"],
        ),
        # a partner leaving the project, as `вышел из проекта`
        (
            "Компания Huawei покинула проект в 2024 году из-за задержек финансирования.",
            "ru",
            ["huawei"],
        ),
        ("Казахтелеком ушел из проекта в прошлом году.", "ru", ["kazakhtelecom"]),
        # the rest of the vocabulary, in both languages
        ("Kcell tore up its contract with Huawei.", "en", ["huawei", "kcell"]),
        ("Kcell exited the agreement with Huawei.", "en", ["huawei", "kcell"]),
        ("Кселл разорвал контракт с компанией Huawei.", "ru", ["huawei", "kcell"]),
        ("Кселл вышел из соглашения с компанией Huawei.", "ru", ["huawei", "kcell"]),
    ],
)
def test_a_contract_ended_or_a_partner_leaving_is_a_halt(
    body: str, language: str, expected: list[str]
) -> None:
    assert read(body, language) == [("cancelled", expected)]


def test_a_seller_exiting_a_market_stays_a_launch() -> None:
    # `exited` alone is a seller leaving a market; `exited the agreement` is the halt
    assert read("Telia exited Kazakhstan in 2018.") == [("launch", ["telia"])]


def read_ru(body: str, language: str = "ru") -> list[tuple[str, str | None, list[str]]]:
    return [
        (event.stage, str(event.date), sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-11-14")
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
    assert [s for s, _, _ in read_ru(body)] == [stage]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a service switched on or running as a trial: testing under way
        ("Beeline switched on ten 5G base stations in Osh on Monday in test mode.", "en"),
        (
            "Satellite internet went live in 40 mountain schools under a pilot of the ministry.",
            "en",
        ),
        ("Билайн запустил 5G в Караколе в опытном режиме.", "ru"),
        ("В рамках эксперимента Tcell подключил к спутниковому интернету 12 школ в Хороге.", "ru"),
    ],
)
def test_a_service_run_as_a_trial_is_work_under_way(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["deployment"]


@pytest.mark.parametrize(
    "body",
    [
        "Kcell launched commercial 5G in Aktobe on Monday after a year-long trial.",
        "Tcell completed 5G testing in Khujand in May.",
    ],
)
def test_a_trial_before_the_launch_leaves_it_a_launch(body: str) -> None:
    assert stages_jun12(body) == ["launch"]


def test_a_planned_thing_named_beside_an_action_tells_no_plan() -> None:
    # `the planned network`: the participle names the network; the switching on happened
    assert stages_jun12("The planned network was switched on in Osh on Friday.") == ["launch"]
    assert stages_jun12(
        "So far 150 km of the planned cable to Khorog has been laid by Kazakhtelecom."
    ) == ["deployment"]


@pytest.mark.parametrize(
    "body",
    [
        "Билайн подключил к запланированной оптической линии пять сёл под Каракол.",
        "Tcell запустил первые станции планируемой сети 5G в Хороге.",
    ],
)
def test_a_planned_thing_named_in_russian_tells_no_plan(body: str) -> None:
    assert stages_jun12(body, "ru") == ["launch"]


def test_a_planned_thing_alone_stays_a_plan() -> None:
    # with no other cue, the thing planned is still what the sentence tells
    assert stages_jun12(
        "Kyrgyztelecom expects its planned data centre in Osh to open in 2027."
    ) == ["plan"]
    assert stages_jun12("Запланированная линия будет построена к 2027 году.", "ru") == ["plan"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell's fibre line to Kashgar remains on hold, the company said.", "en"),
        ("The Kcell data centre project in Osh stays frozen.", "en"),
        ("Проект Kcell по строительству ЦОД в Оше по-прежнему остается замороженным.", "ru"),
    ],
)
def test_a_halt_told_as_a_state_is_no_halt(body: str, language: str) -> None:
    assert stages_jun12(body, language) == []


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell has frozen its fibre line to Kashgar.", "en"),
        ("Works on the Kcell data centre in Osh have been suspended.", "en"),
        ("Kcell заморозил строительство ЦОД в Оше.", "ru"),
    ],
)
def test_a_halt_done_stays_a_halt(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["cancelled"]


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
    assert stages_jun12(body, "ru") == [stage]


@pytest.mark.parametrize(
    "body",
    [
        "Kcell received a 5G licence from the regulator in May.",
        "Beeline obtained its 5G licence in Astana in March.",
        "Kcell secured a 5G license in May.",
    ],
)
def test_a_licence_received_with_words_between_is_an_agreement(body: str) -> None:
    assert stages_jun12(body) == ["agreement"]


def test_a_licence_not_received_is_none() -> None:
    assert stages_jun12("Tele2 has never received a 5G licence in Kazakhstan.") == []


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        # the other forms of listed verbs: `frozen` / `froze`, `broke ground` / `has broken`
        ("The government froze Kcell's 5G project in Osh in May.", "cancelled"),
        ("Kcell has broken ground on its data centre in Almaty.", "deployment"),
    ],
)
def test_the_other_forms_of_listed_verbs(body: str, stage: str) -> None:
    assert stages_jun12(body) == [stage]


def test_a_freeze_named_is_no_halt() -> None:
    assert stages_jun12("The regulator announced a freeze on Kcell's 5G tariffs.") == []


def test_a_project_launched_is_work_begun() -> None:
    assert english_stages("The Kyrgyztelecom fibre-optic project was launched in May 2023.") == [
        "deployment"
    ]
    assert english_stages(
        "A pilot project was initiated by Beeline in 2024 to bring 5G to schools in Osh."
    ) == ["deployment"]
    assert english_stages(
        "Проект был запущен Казахтелекомом в мае 2023 года для прокладки оптоволокна."
    ) == ["deployment"]
    # A service launched stays a launch.
    assert english_stages("Beeline launched its 5G network in Tashkent in May 2023.") == ["launch"]


def test_a_line_had_built_is_launched() -> None:
    assert english_stages(
        "In 2009 Tajiktelecom and China Telecom had built a fibre-optic line to the border."
    ) == ["launch"]
    # A company's record is no event.
    assert (
        english_stages("Huawei has built e-government systems in more than a dozen countries.")
        == []
    )


def test_a_partnership_signed_is_a_memorandum() -> None:
    assert english_stages(
        "Министерство связи Туркменистана подписало партнёрство по кибербезопасности "
        "с компанией Huawei."
    ) == ["mou"]
    # Signed as an agreement on partnership, it is an agreement.
    assert english_stages(
        "Казахтелеком и Huawei подписали соглашение о стратегическом партнерстве."
    ) == ["agreement"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell ended its agreement with Ericsson after the audit.", "en"),
        ("Kcell ended the deal with Ericsson last week.", "en"),
        ("Kcell ended its partnership with Ericsson last week.", "en"),
        ("Kcell ends its contract with Ericsson in June.", "en"),
        ("Kcell tore up the agreement with Ericsson.", "en"),
        ("Kcell exited its joint venture with Ericsson.", "en"),
        ("Кселл и Ericsson разорвали договор.", "ru"),
        ("Кселл разорвал соглашение с компанией Ericsson.", "ru"),
        ("Кселл вышел из договора с компанией Ericsson.", "ru"),
        ("Компании Кселл и Ericsson покинули проект.", "ru"),
    ],
)
def test_every_halt_of_a_contract_or_a_project_is_cancelled(body: str, language: str) -> None:
    assert [e.stage for e in read_events(body, language, "2025-06-12")] == ["cancelled"]


@pytest.mark.parametrize(
    "body",
    [
        # `ended` of a time or of talks that made the deal tells no halt
        "The year ended with Kcell signing a contract with Ericsson.",
        "Kcell ended the year with a new contract with Ericsson.",
        "Talks that ended in March produced a contract between Kcell and Ericsson.",
    ],
)
def test_a_time_or_talks_that_ended_with_a_deal_are_no_halt(body: str) -> None:
    assert "cancelled" not in [e.stage for e in read_events(body, "en", "2025-06-12")]


def test_talks_that_ended_without_an_agreement_are_a_halt() -> None:
    body = "Talks between Kcell and Ericsson ended in May without an agreement."
    assert [e.stage for e in read_events(body, "en", "2025-06-12")] == ["cancelled"]


@pytest.mark.parametrize(
    "body",
    [
        # a market left, or a road torn up, near a deal told otherwise: no halt
        "Ericsson exited the market after signing a final agreement with Kcell.",
        "Veon exited Kyrgyzstan under a deal with the state.",
        "Workers tore up the road to lay the fibre under a contract with Kcell.",
    ],
)
def test_something_else_exited_or_torn_up_beside_a_deal_is_no_halt(body: str) -> None:
    assert "cancelled" not in [e.stage for e in read_events(body, "en", "2025-06-12")]


_CUE_WORDS = [
    *("did", "not", "say", "how", "planned", "the", "network", "launched", "number", "of"),
    *("subscribers", "exceeded", "in", "test", "mode", "under", "a", "pilot", "after", ","),
    *("не", "уточнили", "когда", "запланированной", "сети", "запущена", "в", "тестовом"),
    *("режиме", "число", "превысило", ".", "Kcell", "signed", "2025"),
]


def test_a_launch_in_test_mode_in_russian_is_work_under_way() -> None:
    assert stages_jun12("Мегаком запустил сеть 5G в Бишкеке в тестовом режиме.", "ru") == [
        "deployment"
    ]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Tcell completed a 5G trial in Khujand and launched commercial service there in May.",
            "en",
        ),
        ("Beeline launched commercial 5G in Osh on Monday after six months in test mode.", "en"),
        (
            "Kcell launched 5G in Almaty in May, a year after it began the service under a pilot.",
            "en",
        ),
        (
            "Мегаком запустил коммерческую сеть 5G в Бишкеке после года работы в тестовом режиме.",
            "ru",
        ),
    ],
)
def test_a_trial_that_ended_before_the_launch_leaves_the_launch(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["launch"]


def test_a_trial_named_in_a_plan_leaves_the_plan() -> None:
    assert stages_jun12("Kcell will launch 5G in Almaty in 2026 on a trial basis.") == ["plan"]


def test_a_planned_thing_is_named_only_after_an_article() -> None:
    # `planned` as the verb, with no article before it, is still the plan told beside the
    # signing
    assert stages_jun12(
        "Kazakhtelecom planned fibre lines to 200 villages and signed a contract with ZTE in May."
    ) == ["plan", "agreement"]


def test_the_planned_thing_switched_on_is_a_launch() -> None:
    assert stages_jun12("The planned network was switched on in Osh on Friday.") == ["launch"]


@given(st.lists(st.sampled_from(_CUE_WORDS), max_size=60), st.sampled_from(["en", "ru"]))
def test_any_run_of_the_rules_words_is_read_without_an_error(
    words: list[str], language: str
) -> None:
    read_events(" ".join(words), language, "2025-06-12")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_empty_or_very_long_sentence_is_read_without_an_error(language: str) -> None:
    assert read_events("", language, "2025-06-12") == []
    long_sentence = (
        "Kcell did not say how the planned network in test mode under a pilot, "
        + "and the number of subscribers exceeded 2 million " * 400
        + "was launched."
    )
    read_events(long_sentence, language, "2025-06-12")


# Words the session-17 rules read, both scripts mixed, with punctuation and the names of
# organisations of one word and of several: any text made of them reads without a crash.
_WORDS = [
    *("talks", "with", "to", "other", "another", "each", "the", "side", "sides", "also"),
    *("remains", "stays", "still", "on", "hold", "frozen", "froze", "suspended", "bank"),
    *("The", "bank", "corporation", "group", "After", "meeting", "Following", "their"),
    *("Kcell", "Huawei", "Tele2", "Eurasian", "Development", "Bank", "Kazakhtelecom's"),
    *("subsidiary", "unit", "owned", "by", "via", "transiting", "must", "be", "approved"),
    *("explained", "that", "added", "переговоры", "с", "другими", "другой", "стороны"),
    *("остается", "заморожено", "принадлежащий", "подконтрольный", "Кселл", "помимо"),
    *("пояснил", "что", "требует", "одобрения", "транзитом", "через", "банк", "стороны"),
    *(",", ".", "«", "»", "'s", "\n\n", "—", "(", ")", "5G", "2025", "May"),
]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        # each neuter or plural form session 17 added, on a sentence of its own
        ("Служба связи выдала Kcell разрешение на 5G.", "agreement"),
        ("Власти выдали Kcell разрешение на строительство сети 5G в Алматы.", "agreement"),
        ("Комиссия выдала Kcell частоты для 5G в Алматы.", "agreement"),
        ("Государство купило долю в Kcell.", "agreement"),
        ("Компания Kcell купила акции Tele2.", "agreement"),
        ("Казахтелеком и Kcell купили акции Tele2.", "agreement"),
        ("Правительство купило акции Kcell.", "agreement"),
        ("Предприятие Kcell стало победителем тендера на 5G.", "agreement"),
        ("Агентство сдало в эксплуатацию ЦОД Kcell в Алматы.", "launch"),
        ("Предприятие Kcell ушло с рынка Кыргызстана.", "launch"),
        ("Kcell и Tele2 ушли с рынка Кыргызстана.", "launch"),
        ("Предприятие Kcell вышло с рынка Кыргызстана.", "launch"),
        ("Kcell и Tele2 вышли с рынка Кыргызстана.", "launch"),
        ("Предприятие Kcell взяло обязательство построить сеть 5G в Алматы.", "plan"),
        ("Правительство взяло на себя обязательство построить с Kcell сеть 5G.", "plan"),
        ("Регулятор лишил Kcell лицензии на 5G.", "cancelled"),
        ("Власти лишили Kcell лицензии на 5G.", "cancelled"),
        ("Предприятие Kcell вышло из проекта строительства ЦОД в Оше.", "cancelled"),
        ("Предприятие Kcell ушло из проекта строительства ЦОД в Оше.", "cancelled"),
        ("Предприятие Kcell вышло из соглашения с Tele2 о строительстве сети.", "cancelled"),
        ("Предприятие Kcell вышло из договора с Tele2 о строительстве сети.", "cancelled"),
    ],
)
def test_each_russian_form_added_is_read(body: str, stage: str) -> None:
    assert stages_jun12(body, "ru") == [stage]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("The government freezes Kcell's 5G project in Osh.", "cancelled"),
        ("Kcell obtained a license for 5G from the regulator in May.", "agreement"),
        ("Kcell secured its 5G licence in Astana in March.", "agreement"),
        ("Kcell received its license for 5G in May.", "agreement"),
    ],
)
def test_each_english_form_added_is_read(body: str, stage: str) -> None:
    assert stages_jun12(body) == [stage]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a state adverb between the verb of a state and the halt
        ("Kcell's fibre line to Kashgar remains still suspended.", "en"),
        # the Russian short participle right after the verb of a state (the usual
        # instrumental, `остается замороженным`, is no halt cue at all)
        ("Строительство ЦОД Kcell в Оше остается заморожено.", "ru"),
        ("Строительство ЦОД Kcell в Оше остаётся заблокировано.", "ru"),
    ],
)
def test_a_halt_as_a_state_in_other_words(body: str, language: str) -> None:
    assert stages_jun12(body, language) == []


def test_a_halt_done_beside_a_halt_as_a_state_is_a_halt() -> None:
    body = "The line remains on hold after the regulator suspended Kcell's licence in May."
    assert stages_jun12(body) == ["cancelled"]


@given(
    title=st.one_of(st.none(), st.just(""), st.lists(st.sampled_from(_WORDS), max_size=8)),
    body=st.lists(st.sampled_from(_WORDS), max_size=60),
)
def test_any_text_of_the_rules_words_reads(title: list[str] | str | None, body: list[str]) -> None:
    title_text = " ".join(title) if isinstance(title, list) else title
    for language in ("en", "ru"):
        article = Article(
            id="x",
            path="x.txt",
            title=title_text,
            body=" ".join(body),
            date="2025-03-14",
            language=language,
        )
        for event in analyse(article, REAL).events:
            assert event.stage


def test_an_obligation_to_meet_a_standard_is_no_plan() -> None:
    body = "Казахтелеком должен соответствовать требованиям регулятора по защите данных."
    assert "plan" not in russian_stages(body)
    body = "Новый дата-центр Казахтелекома будет служить резервной площадкой для банков."
    assert "plan" not in russian_stages(body)


def test_a_proposal_beside_a_deal_made_before_is_talks() -> None:
    body = (
        "The Asian Development Bank suggested to raise financing of the Tajik fiber project "
        "from the previously approved budget of $10 million to $30 million."
    )
    assert english_stages(body) == ["talks"]
    body = (
        "Tajiktelecom previously borrowed $50 million from the Asian Development Bank to "
        "modernise its fiber network."
    )
    assert english_stages(body) == ["agreement"]


def test_negotiations_completed_are_talks() -> None:
    assert english_stages(
        "Tajiktelecom and Huawei have completed negotiations on the data centre."
    ) == ["talks"]
