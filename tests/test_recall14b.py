"""Session 14's party and type rules (docs/events.md), recall14b.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

from .test_recall14 import read


def test_an_owner_after_the_opening_is_no_context_actor() -> None:
    body = (
        "Kazakhtelecom signed a contract with Airbus on Tuesday for a new communications "
        "satellite.\n\nThe satellite will serve schools and back up Kcell's mobile network. "
        "The satellite's launch is scheduled for 2028."
    )
    assert read(body)[-1] == ("plan", ["kazakhtelecom"])


def test_a_plan_naming_nobody_with_nobody_before_takes_the_leads_subject() -> None:
    body = (
        "Kazakhtelecom signed a contract with Airbus on Tuesday for a new communications "
        "satellite.\n\nThe satellite's launch is scheduled for 2028."
    )
    assert read(body)[-1] == ("plan", ["kazakhtelecom"])


def test_a_reference_by_home_beside_another_reference() -> None:
    body = (
        "Kazakhtelecom signed a contract with Nokia in May. "
        "The company later signed a memorandum with the Finnish vendor on 6G."
    )
    assert read(body)[-1] == ("mou", ["kazakhtelecom", "nokia"])


def test_a_russian_demonym_refers_to_that_countrys_company() -> None:
    body = (
        "Kcell подписал контракт с Huawei в мае. Деньги нашлись: кредит ЕАБР "
        "был подписан в сентябре 2024 года, а недостающую сумму китайская компания "
        "добавит сама."
    )
    assert read(body, "ru")[-1] == ("agreement", ["eurasian-development-bank", "huawei"])


def test_a_demonym_reference_belongs_to_its_own_predicate() -> None:
    body = (
        "Kcell подписал контракт с Nokia. Позже министерство расторгло договор с Huawei "
        "и передало проект финскому производителю."
    )
    assert read(body, "ru")[-2:] == [("cancelled", ["huawei"]), ("agreement", ["huawei", "nokia"])]


def test_a_demonym_before_a_name_is_no_reference() -> None:
    body = (
        "Kcell подписал контракт с Nokia. "
        "Министерство подписало договор с китайской компанией Huawei."
    )
    assert read(body, "ru")[-1] == ("agreement", ["huawei"])


def test_a_plan_naming_only_places_takes_the_leads_subject_first() -> None:
    # the lead tells no stage cue; its first organisation is the story's subject, not the
    # contractor named in the paragraph before
    body = (
        "АО «Кселл» приступило к монтажу оборудования в Шымкенте, сообщила пресс-служба "
        "оператора.\n\nРаботы ведет шведская компания Ericsson.\n\n"
        "Всего до конца года в Шымкенте и Актобе планируется установить около 300 базовых "
        "станций 5G."
    )
    assert read(body, "ru")[-1] == ("plan", ["kcell"])


def test_the_company_said_is_the_storys_subject() -> None:
    body = (
        "Kcell opened a data center in Almaty on Monday.\n\n"
        "Kazakhtelecom rents racks there to host its own customers.\n\n"
        "A third floor of racks is scheduled to open in 2028, the company said."
    )
    assert read(body)[-1] == ("plan", ["kcell"])


def test_a_russian_demonym_reference_opening_the_sentence() -> None:
    body = "Kcell подписал контракт с Huawei в мае. Китайская компания поставит оборудование."
    assert read(body, "ru")[-1] == ("plan", ["huawei", "kcell"])
