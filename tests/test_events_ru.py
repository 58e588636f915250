"""Deal events in Russian text: the Russian rules of docs/russian.md.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, Event, PartialDate

from .conftest import PROJECT

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def events(body: str, title: str | None = None, date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date=date, language="ru")
    return analyse(article, REAL).events


def stages(body: str, title: str | None = None) -> list[str]:
    return [event.stage for event in events(body, title)]


# --- Dates ----------------------------------------------------------------------------


def test_a_month_in_words_dates_the_event() -> None:
    (event,) = events("Кыргызтелеком планирует запустить сеть 5G в сентябре.")
    assert (event.stage, event.target) == ("plan", PartialDate(year=2025, month=9))


def test_a_weekday_dates_the_event() -> None:
    (event,) = events("Казахтелеком в среду запустил сеть 5G в Астане.")
    assert str(event.date) == "2025-05-14"


# --- One event, many sentences -----------------------------------------------------------


def test_a_headline_line_repeated_by_the_lead_is_one_event() -> None:
    body = (
        "Агентство новостей\n\n"
        "Узбектелеком планирует построить ЦОД в Самарканде\n\n"
        "Ташкент, 16 мая. Узбектелеком планирует построить ЦОД в Самарканде, сообщили в "
        "компании.\n"
    )
    assert stages(body) == ["plan"]


# --- Which cues report something -------------------------------------------------------


def test_a_future_auxiliary_needs_a_verb() -> None:
    # `будет` before an adjective describes; before a participle or an infinitive it plans.
    assert stages("Связь через спутник Казахстана будет доступна и недорога.") == []
    assert stages("Казахтелеком сообщил, что сеть 5G будет построена в Шымкенте.") == ["plan"]
    assert stages("Казахтелеком будет до конца года строить сеть 5G в Шымкенте.") == ["plan"]


def test_nothing_in_the_subjunctive_happened() -> None:
    body = "Минцифры Казахстана выделит средства, чтобы сёла были подключены к ВОЛС."
    assert "launch" not in stages(body)
    assert stages("Казахтелеком запустил бы сеть 5G в Таразе, но нет частот.") == []


def test_a_meeting_as_the_scene_of_a_deal_is_not_the_cue() -> None:
    body = (
        "Кыргызтелеком и Huawei обсудили строительство сети 5G в Бишкеке. "
        "По итогам переговоров в Бишкеке стороны заключили меморандум."
    )
    memorandum = [e for e in events(body) if e.stage == "mou"]
    assert [sorted(p.id for p in e.parties if p.kind != "country") for e in memorandum] == [
        ["huawei", "kyrgyztelecom"]
    ]


def test_a_frame_holds_only_the_first_cue_after_it() -> None:
    # `программы` names the frame; `планируется` is the sentence's own plan.
    body = (
        "В рамках государственной программы на 2026 год в Туркменистане планируется "
        "строительство ВОЛС."
    )
    assert stages(body) == ["plan"]
    assert stages("В рамках государственной программы Туркменистан развивает ВОЛС.") == []


# --- Cues of the `languages: ru:` vocabulary ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        # An imperfective verb in the present: talks going on (not a plan).
        ("Узбекистан и Казахстан обсуждают строительство ЦОД в Ташкенте.", "talks"),
        # An audience: the head of state received someone.
        ("Президент Узбекистана принял главу Huawei.", "talks"),
        ("Кыргызтелеком проводит работы по прокладке ВОЛС в Оше.", "deployment"),
        ("В Таджикистане проводятся монтажные работы на линии ВОЛС.", "deployment"),
        ("Kcell приступила к строительству базовых станций 4G.", "deployment"),
        ("Beeline продолжает строительство базовых станций 4G в сёлах.", "deployment"),
        ("Ucell тестирует оборудование 5G в Бухаре.", "deployment"),
        ("Спутниковый интернет работает в Казахстане в пилотном режиме.", "deployment"),
        ("Туркменистан вывел на орбиту второй спутник связи.", "launch"),
        ("Компания OneWeb получила разрешение на работу в Казахстане.", "agreement"),
        ("Частоты для 5G были выделены операторам Узбекистана.", "agreement"),
        ("Кыргызтелеком и Huawei рассчитывают завершить прокладку ВОЛС к 2027 году.", "plan"),
        ("Кабинет министров Кыргызстана расторг контракт на ВОЛС с подрядчиком.", "cancelled"),
        ("Правительство признало проект ЦОД в Таджикистане нецелесообразным.", "cancelled"),
        ("Вопрос о ЦОД в Казахстане на повестке не стоит.", "cancelled"),
        ("SpaceX рассматривает возможность открытия офиса в Кыргызстане.", "plan"),
        # A programme launched is a plan, not a service launched.
        ("Всемирный банк запустил новую программу по ВОЛС в Кыргызстане.", "plan"),
        ("Huawei обратилась в Минцифры Кыргызстана с предложением построить ЦОД.", "talks"),
        # Short verbs (a stem under five letters) are listed in each form they take.
        ("Кыргызтелеком ввел в эксплуатацию новую ВОЛС до Нарына.", "launch"),
        ("В Бишкеке открылся новый ЦОД Кыргызтелекома.", "launch"),
        ("Строительство ВОЛС до Хорога в Таджикистане завершено.", "launch"),
        ("Компания Ucell начала предоставлять услуги 5G в Ташкенте.", "launch"),
        ("В Туркменистане началось строительство новой ВОЛС.", "deployment"),
        ("В Таджикистане ведется прокладка ВОЛС до Хорога.", "deployment"),
        ("АБР выделил Таджикистану 50 млн долларов на ВОЛС.", "agreement"),
        ("ЕАБР предоставил кредит Казахтелекому на ВОЛС.", "agreement"),
        ("Huawei выиграла тендер на строительство сети 5G в Узбекистане.", "agreement"),
        # A perfective future, a tender announced, a decree: plans.
        ("Казахтелеком и Huawei подпишут соглашение о строительстве ЦОД.", "plan"),
        ("К 2027 году в Казахстане построят 3000 базовых станций 5G.", "plan"),
        ("Всемирный банк профинансирует ВОЛС в Кыргызстане.", "plan"),
        ("В Таджикистане в августе начнется строительство ВОЛС до Хорога.", "plan"),
        ("Казахстан до конца 2026 года создаст центры кибербезопасности.", "plan"),
        ("Кыргызтелеком объявил тендер на строительство ВОЛС.", "plan"),
        ("Президент Узбекистана подписал постановление о строительстве ЦОД.", "plan"),
        ("Казахстан ратифицирует соглашение о ВОЛС с Азербайджаном.", "plan"),
        ("Узбектелеком завершил модернизацию сети 5G в Фергане.", "launch"),
        ("Beeline Казахстан расширил покрытие 4G на 200 сёл.", "deployment"),
        # Built is completed; `построят` (will build) is the future of a past cue.
        ("В Туркменистане в 2024 году было построено 1500 км ВОЛС.", "launch"),
        # A plan's infinitive right after it, and a verb after a frame, are the plan.
        ("В рамках проекта в Казахстане планируется подключить 3000 сёл к ВОЛС.", "plan"),
        ("Kcell объявила о запуске сети 5G в Шымкенте.", "launch"),
        ("Kcell сообщила о завершении строительства 300 базовых станций.", "launch"),
        ("Узбекистан и Китай подписали пакет документов по ЦОД.", "agreement"),
    ],
)
def test_russian_cues(sentence: str, stage: str) -> None:
    assert stages(sentence) == [stage]


def test_a_present_cue_in_the_future_is_a_plan() -> None:
    # A perfective verb's non-past form is its future: `приступит` (will start) plans.
    assert stages("Kcell приступит к строительству базовых станций 4G.") == ["plan"]
    # ... also when the cue is listed as a participle too (`проложена`, `проложили`).
    assert stages("Таджиктелеком проложит ВОЛС до Хорога.") == ["plan"]
    assert stages("Таджиктелеком проложил ВОЛС до Хорога.") == ["deployment"]


def test_an_internal_meeting_is_no_talks() -> None:
    body = "Премьер-министр Казахстана провел совещание, на котором обсудили ЦОД."
    assert stages(body) == []
    assert stages("Участники форума в Астане обсудили развитие ЦОД в Казахстане.") == []


def test_what_a_document_provides_for_is_part_of_it() -> None:
    assert stages("Проект предусматривает строительство ВОЛС в Казахстане.") == []
    # A proposal praised is no talks.
    assert stages("Министр Узбекистана отметил актуальность предложения по ЦОД.") == []


def test_an_indirect_question_or_a_readiness_reports_nothing() -> None:
    body = "Министр рассказал, на каких условиях будут работать спутники в Казахстане."
    assert stages(body) == []
    assert stages("Казахтелеком выразил готовность провести переговоры с Huawei.") == []


def test_a_country_s_market_is_no_party() -> None:
    body = (
        "Государственный Туркментелеком строит ВОЛС для выхода на индийский рынок. "
        "Население Туркменистана — 7 млн человек."
    )
    (event,) = events(body)
    assert [p.id for p in event.parties if p.kind == "country"] == ["TM"]


def test_an_infinitive_reports_only_under_a_plan() -> None:
    # `позволит подключить`: a benefit, not a launch.
    assert stages("Министр Узбекистана отметил, что ВОЛС позволит подключить 500 школ.") == []
    assert stages("Узбектелеком планирует подключить к ВОЛС 500 школ.") == ["plan"]


def test_a_document_named_as_the_source_is_no_cue() -> None:
    body = (
        "Минцифры Кыргызстана и Huawei подписали меморандум о строительстве ЦОД. "
        "Согласно меморандуму, стороны до конца 2026 года проработают проект ЦОД."
    )
    assert stages(body) == ["mou", "plan"]


def test_the_company_is_the_last_company_named() -> None:
    body = (
        "Казахтелеком завершил прокладку ВОЛС, сообщили в Минцифры Казахстана. "
        "В следующем году компания планирует построить ещё 500 км ВОЛС."
    )
    plan = next(e for e in events(body) if e.stage == "plan")
    assert "kazakhtelecom" in [p.id for p in plan.parties]


def test_tunduk_alone_is_the_system() -> None:
    body = (
        "Кыргызстан подписал соглашение о модернизации системы межведомственного "
        "электронного взаимодействия «Тундук»."
    )
    (event,) = events(body)
    assert event.initiatives == ["e-government"]
    assert all(p.id != "tunduk" for p in event.parties)


def test_a_plan_governs_no_cue_across_a_comma() -> None:
    # The decree is the source; the directorate was created, not planned.
    body = "Согласно постановлению, в Ташкенте создана дирекция по ВОЛС."
    assert "plan" not in stages(body)


def test_a_participle_used_as_an_adjective_is_no_event() -> None:
    assert stages("Число подключенных абонентов Kcell в Казахстане выросло до 9 млн.") == []
    assert stages("Минцифры Казахстана опубликовало открытые данные о ВОЛС.") == []
    # A planned thing is still a plan.
    assert stages("Казахтелеком рассказал о планируемых проектах ЦОД.") == ["plan"]


def test_a_reporting_verb_is_no_decree() -> None:
    # `указали` (they pointed out) is not `указ` (a decree).
    assert stages("В Минцифры Казахстана указали на рост числа ЦОД.") == []


def test_operators_named_together_each_do_their_own() -> None:
    body = "Операторы Kcell и Beeline Казахстан в среду запустили сети 5G в Шымкенте."
    found = events(body)
    assert [(e.stage, sorted(p.id for p in e.parties if p.kind != "country")) for e in found] == [
        ("launch", ["kcell"]),
        ("launch", ["beeline-kazakhstan"]),
    ]
    # Partners who sign together stay one deal.
    assert stages("Kcell и Beeline Казахстан подписали соглашение о сети 5G.") == ["agreement"]


def test_a_headline_plan_that_a_deal_of_the_body_makes_is_part_of_it() -> None:
    title = "Кыргызтелеком и Huawei построят ЦОД в Оше"
    body = "Кыргызтелеком и Huawei в среду подписали контракт на строительство ЦОД в Оше."
    assert stages(body, title) == ["agreement"]
    # A target of its own keeps the plan apart.
    title = "Кыргызтелеком и Huawei построят ЦОД в Оше к 2027 году"
    assert stages(body, title) == ["plan", "agreement"]

    # So is a headline's work in the present: it tells the deal in headline style.
    title = "Узбектелеком и Nokia модернизируют ВОЛС в Самарканде"
    body = "Узбектелеком и Nokia подписали соглашение о модернизации ВОЛС в Самарканде."
    assert stages(body, title) == ["agreement"]


def test_a_gathering_opened_an_opinion_and_an_active_participle_are_no_events() -> None:
    assert stages("В Ташкенте открылась выставка ЦОД и 5G.") == []
    assert stages("По мнению аналитиков, рынок ЦОД в Казахстане будет расти.") == []
    assert stages("Узбекистан стал первой страной региона, запустившей 5G.") == []


def test_a_target_year_does_not_date_work_under_way() -> None:
    (event,) = events("Казахтелеком модернизирует сеть ВОЛС к 2027 году.")
    assert (event.stage, str(event.date)) == ("deployment", "2025-05-16")


def test_a_plan_to_enter_a_market_is_a_plan() -> None:
    assert stages("Казахтелеком планирует выйти на рынок ЦОД Узбекистана.") == ["plan"]


def test_open_to_someone_is_readiness_no_launch() -> None:
    # `открыт для`, `открыт к`: open to investors or to cooperation, nothing opened.
    for told in (
        "Министр заявил, что Кыргызстан открыт для инвесторов в дата-центры и 5G.",
        "Узбекистан открыт к сотрудничеству с Huawei в сфере 5G.",
    ):
        assert "launch" not in [e.stage for e in events(told)], told
    opened = events("В Бишкеке открыт новый дата-центр Kyrgyztelecom.")
    assert [e.stage for e in opened] == ["launch"]
