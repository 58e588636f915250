"""One event per real-world event (docs/events.md, *One event, many sentences* and *Two events in
one sentence*): clauses, asides and deals told again."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.models import Article, Event

from .conftest import PROJECT

_STORY = "Kazakhtelecom is building a data center in Astana. The data center will hold 500 racks."

REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def events(body: str, title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date="2025-03-14")
    return analyse(article, REAL).events


def test_a_plan_dated_in_another_year_takes_no_main_type() -> None:
    """A plan its own words date in 2021, in a 2025 article about a data center, is an
    earlier plan: it names no type, and it takes none of the article's."""
    body = _STORY + "\n\nIn 2021, it was announced that Tele2 would open an office in Almaty."
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["plan"] == []
    # Dated to a day, or in the article's year, it is still the story's plan.
    body = _STORY + "\n\nOn December 30, 2024, Tele2 said it would open an office in Almaty."
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["plan"] == ["data-center"]
    body = _STORY + "\n\nIn January, it was announced that Tele2 would open an office in Almaty."
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["plan"] == ["data-center"]


def test_a_plan_dated_apart_from_a_deal_does_not_elaborate_it() -> None:
    """A plan right after a memorandum, naming no party beyond it, says what the memorandum
    will do; dated by its own words in another year, it is a plan of its own."""
    deal = (
        "Kazakhtelecom and Huawei signed a memorandum on building a data center in Kazakhstan "
        "in December 2019. "
    )
    dated = events(deal + "In 2020, Kazakhstan approved a strategy to build more data centers.")
    assert [(e.stage, str(e.date)) for e in dated] == [("mou", "2019-12"), ("plan", "2020")]
    told_on = events(deal + "Kazakhstan plans to build more data centers.")
    assert [e.stage for e in told_on] == ["mou"]
    # A memorandum dated by the article only: a plan of another year is still apart.
    undated = events(
        "Kazakhtelecom and Huawei signed a memorandum on building a data center in "
        "Kazakhstan. In 2020, Kazakhstan approved a strategy to build more data centers."
    )
    assert [(e.stage, str(e.date)) for e in undated] == [("mou", "2025-03-14"), ("plan", "2020")]


_WORK = "Kazakhtelecom laid a fibre-optic line to Aktau in May. The weather was cold this week. "


def stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_an_undated_halt_naming_nobody_is_the_deal_halted() -> None:
    found = events(
        "Kyrgyztelecom announced a tender to lay a fibre-optic line to Naryn. "
        "The weather was cold in Bishkek this week. "
        "The tender was declared invalid because the bids were too expensive."
    )
    assert [(e.stage, str(e.date)) for e in found] == [("cancelled", "2025-03-14")]
    assert stages(_WORK + "The tender was suspended.") == ["deployment", "cancelled"]


def test_a_dated_halt_naming_nobody_is_background() -> None:
    assert stages(_WORK + "The tender was suspended in March 2020.") == ["deployment"]


def test_a_plan_of_the_same_parties_told_on_is_one_plan() -> None:
    found = events(
        "The fibre-optic line between Kazakhstan and Azerbaijan will be laid on the bottom of "
        "the Caspian Sea, the government said. The line will be 380 km long. The cable will "
        "be laid by Kazakhstan's Transtelecom and AzerTelecom of Azerbaijan."
    )
    assert [(e.stage, e.initiatives) for e in found] == [("plan", ["fiber"])]
    # No named party shared (`Uzbektelecom` is no `Uzbekistan`), or another kind: two plans.
    assert stages(
        "Uzbekistan will build a fibre-optic line to Afghanistan, the ministry said. The route "
        "runs through Termez. Uzbektelecom will also lay a fibre-optic cable to Dushanbe."
    ) == ["plan", "plan"]
    assert stages(
        "Kazakhstan will lay a fibre-optic line to 500 villages. "
        "Kazakhtelecom will build data centers in Almaty and Astana."
    ) == ["plan", "plan"]


def test_a_lead_plan_ahead_of_its_deal_is_the_deal() -> None:
    lead = "Tajikistan and Russia will jointly fight cybercrime on the internet. "
    found = events(
        lead + "The parliament of Tajikistan ratified an agreement with Russia on "
        "cybersecurity cooperation on Wednesday."
    )
    assert [(e.stage, str(e.date)) for e in found] == [("agreement", "2025-03-12")]
    assert found[0].text.startswith("The parliament")  # the lead never leads its evidence
    # A deal dated in another month than the lead's news is an earlier step: two events.
    assert stages(
        lead + "In March 2024 Tajikistan signed an agreement with Russia on cybersecurity."
    ) == ["plan", "agreement"]


def read_events(body: str, language: str = "en", date: str | None = "2025-05-16") -> list[Event]:
    article = Article(id="x", path="x.txt", title=None, body=body, date=date, language=language)
    return analyse(article, REAL).events


def stages_and_dates(
    body: str, language: str = "en", date: str = "2025-06-12"
) -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, date)]


def test_a_deal_dated_to_another_month_is_another_signing() -> None:
    body = (
        "Kcell plans to build a data center in Almaty. "
        "The minister visited the Kcell headquarters in Astana. "
        "The company employs 4,000 people. "
        "The minister heard a report on its plans. "
        "Kcell has agreed to rent floor space in the data center to Beeline. "
        "In February, the sides signed an agreement on the maintenance of the servers."
    )
    assert stages_and_dates(body) == [
        ("plan", "2025-06-12"),
        ("agreement", "2025-06-12"),
        ("agreement", "2025-02"),
    ]


def test_a_leads_plan_folds_only_into_a_deal_told_right_after_it() -> None:
    body = (
        "Kcell plans to build a data center in Almaty. "
        "Kcell has agreed to rent floor space in the data center to Beeline."
    )
    assert [stage for stage, _ in stages_and_dates(body)] == ["agreement"]


def test_a_deal_told_again_with_its_month_stays_one() -> None:
    # the lead writes the year: `the 2024 memorandum` is the one signed in March 2024
    body = (
        "Отказ Kcell от меморандума 2024 года о сотрудничестве с Beeline по сетям 5G связан "
        "с ценами. Kcell и Beeline подписали меморандум 3 марта 2024 года в Астане."
    )
    assert stages_and_dates(body, "ru") == [("mou", "2024-03-03")]


@pytest.mark.parametrize(
    "body",
    [
        "The Kcell towers will be sold to Beeline next year.",
        "The Kazakhtelecom fibre network will be taken over by Kcell in 2026.",
    ],
)
def test_an_irregular_participle_makes_a_passive_future(body: str) -> None:
    assert [stage for stage, _ in stages_and_dates(body)] == ["plan"]


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "en",
            "Kcell said on Monday it was going to sell its towers, a year after Beeline exited"
            " Kyrgyzstan.",
            ["launch", "plan"],
        ),
        (
            "en",
            "Kcell began building the fibre line to Aktau on Monday, a month after it won a "
            "contract from the ministry.",
            ["deployment", "agreement"],
        ),
        (
            "ru",
            "Kcell начал строительство линии в Актау, после того как ЕБРР выделил ему кредит.",
            ["deployment", "agreement"],
        ),
    ],
)
def test_an_action_told_in_a_clause_of_time_is_an_event_of_its_own(
    language: str, body: str, expected: list[str]
) -> None:
    assert sorted(stage for stage, _ in stages_and_dates(body, language)) == sorted(expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a gerund shares the main subject: one step told on
        (
            "Kcell revealed plans to buy the towers in May after signing a memorandum with"
            " Beeline.",
            ["plan"],
        ),
        # a deal named by reference only: a condition, no event
        (
            "Kcell will start building the towers in Aktau after the sides ratify the agreement.",
            ["plan"],
        ),
        # a main plan resting on a noun only plans nothing of its own
        (
            "The Kcell tower programme has slowed down, a year after Kcell signed a memorandum"
            " with Beeline.",
            ["plan"],
        ),
    ],
)
def test_a_clause_of_time_that_tells_no_second_event(body: str, expected: list[str]) -> None:
    assert [stage for stage, _ in stages_and_dates(body)] == expected


def test_no_subject_in_a_clause_of_time_negates_its_cue() -> None:
    body = "The Kcell tender for the Aktau line was scrapped when no contractor met the deadline."
    assert [stage for stage, _ in stages_and_dates(body)] == ["cancelled"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "Beeline exited Kyrgyzstan in 2023."),
        ("en", "Beeline left the Kyrgyz market in 2023."),
        ("ru", "Beeline ушел с рынка Кыргызстана в 2023 году."),
    ],
)
def test_a_seller_leaving_a_market_completed_its_sale(language: str, body: str) -> None:
    assert [stage for stage, _ in stages_and_dates(body, language)] == ["launch"]


def titled(title: str, body: str, language: str = "en") -> list[str]:
    article = Article(
        id="x", path="x.txt", title=title, body=body, date="2025-06-12", language=language
    )
    return [event.stage for event in analyse(article, REAL).events]


def test_the_titles_work_told_again_by_the_lead_goes_on_in_the_body() -> None:
    title = "Kcell starts construction of a data center in Almaty"
    body = (
        "Kcell began building its data center in Almaty on Monday, the company said.\n\n"
        "The site lies next to the city's main substation. "
        "Engineers of Kcell and Huawei are installing the servers."
    )
    assert titled(title, body) == ["deployment"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Kcell signed a contract for the line with Beeline in January, and the first "
            "cables were laid in April.",
            [("agreement", "2025-01"), ("deployment", "2025-04")],
        ),
        (
            "Kcell discussed the Almaty data center with Huawei in 2023; construction "
            "began in April 2024.",
            [("talks", "2023"), ("deployment", "2024-04")],
        ),
        (
            "Huawei is building the Kcell data center in Almaty, and the first halls will be "
            "handed over in 2027.",
            [("deployment", "2025-06-12"), ("plan", "2025-06-12")],
        ),
    ],
)
def test_a_clause_of_its_own_subject_tells_its_own_event(
    body: str, expected: list[tuple[str, str]]
) -> None:
    assert stages_and_dates(body) == expected


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        (
            "Kcell installed towers in 9 of the 40 villages, and the programme has been stuck "
            "since.",
            "deployment",
        ),
        (
            "Kcell launched the service in nine villages in May, and the strategy covers "
            "forty more.",
            "launch",
        ),
    ],
)
def test_a_plan_named_in_a_clause_tells_none(body: str, stage: str) -> None:
    assert [told for told, _ in stages_and_dates(body)] == [stage]


def test_a_clause_telling_the_same_kind_of_work_stays_in_its_sentence() -> None:
    body = "Kcell finished laying the line in March, and the link was switched on in May."
    assert len(stages_and_dates(body)) == 1


def test_an_undated_plan_with_a_time_to_come_is_no_term_of_the_deal() -> None:
    body = (
        "Kcell signed a contract with Ericsson for 5G equipment. "
        "Kcell intends to cover Osh with 5G by the end of next year."
    )
    assert [stage for stage, _ in stages_and_dates(body, date=None)] == ["agreement", "plan"]
    # dated, the target is read and the plan stays apart as before
    assert [stage for stage, _ in stages_and_dates(body)] == ["agreement", "plan"]


def test_an_undated_aim_to_come_naming_nobody_is_a_plan_of_its_own() -> None:
    body = (
        "Kcell и Huawei договорились о строительстве дата-центра в Алматы. "
        "По словам директора, работы на площадке планируют начать в следующем году."
    )
    assert [stage for stage, _ in stages_and_dates(body, "ru", date=None)] == ["agreement", "plan"]


def test_a_contract_awarded_in_passing_is_a_deal_of_its_own() -> None:
    body = (
        "The survey, carried out by Kcell under a contract awarded in March, will take six weeks."
    )
    assert [(e.stage, str(e.date)) for e in read_events(body, "en", "2025-06-12")] == [
        ("deployment", "2025-06-12"),
        ("agreement", "2025-03"),
    ]


def read(body: str, language: str = "en") -> list[tuple[str, list[str]]]:
    return [
        (event.stage, sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, language, "2025-06-12")
    ]


def test_two_deals_of_one_stage_each_with_its_partner() -> None:
    body = (
        "Kcell contracted Ericsson in May to supply every radio of its 5G rollout, "
        "and also tapped Nokia to build its core."
    )
    assert read(body) == [
        ("agreement", ["ericsson", "kcell"]),
        ("agreement", ["kcell", "nokia"]),
    ]


def test_one_partner_is_one_deal() -> None:
    body = "Kcell signed a contract with Huawei in May and ratified it in June."
    assert read(body) == [("agreement", ["huawei", "kcell"])]


def test_a_deal_referred_to_opens_no_predicate() -> None:
    body = (
        "Kcell has terminated the tower memorandum it signed with Huawei in October 2021, "
        "and the joint venture will not go ahead."
    )
    assert [stage for stage, _ in read(body)] == ["cancelled", "mou"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Министерство расторгло договор с компанией Huawei и передало проект компании Nokia.",
            ["cancelled", "agreement"],
        ),
        (
            "Kcell подписал контракт с Huawei и начал строительство сети 5G в Алматы.",
            ["agreement", "deployment"],
        ),
        # a past verb before `и` pairs with the next: one predicate
        ("Kcell и Huawei подписали и ратифицировали соглашение о 5G.", ["agreement"]),
    ],
)
def test_russian_predicates_joined_by_i(body: str, expected: list[str]) -> None:
    assert [stage for stage, _ in read(body, "ru")] == expected


def test_kak_i_compares() -> None:
    body = "Kcell рассчитывает запустить сеть 5G в 2026 году, как и договорились стороны в мае."
    assert [stage for stage, _ in read(body, "ru")] == ["plan"]


def test_a_deal_told_in_an_apposition_is_its_own_event() -> None:
    body = (
        "Kcell signed a contract with Huawei in May 2024. "
        "The $39 million contract, signed in Astana in February, covers 560 sites."
    )
    assert [(e.stage, str(e.date)) for e in read_events(body, "en", "2025-06-12")] == [
        ("agreement", "2024-05"),
        ("agreement", "2025-02"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # the main predicate tells work: the loan is told in passing, dated by its words
        "Казахстанский участок линии строится на средства кредита ЕАБР, подписанного в марте "
        "2024 года.",
        # no cue but the loan's: the loan is the event
        "Kcell начал строительство ЦОД в Алматы. Проект финансируется за счёт кредита "
        "Азиатского банка развития (АБР) объёмом 80 млн евро, подписанного в марте 2024 года.",
    ],
)
def test_a_russian_deal_told_in_an_apposition(body: str) -> None:
    dated = [(e.stage, str(e.date)) for e in read_events(body, "ru", "2025-06-12")]
    assert ("agreement", "2024-03") in dated


def test_a_plan_is_no_term_of_a_halted_deal() -> None:
    body = (
        "Kcell and Beeline have terminated the tower memorandum they signed with Huawei in "
        "October 2021, and the joint venture will not go ahead.\n\n"
        "Kcell's chief executive said the company would bid in the 5G auction."
    )
    assert [stage for stage, _ in read(body)] == ["cancelled", "mou", "plan"]


def test_a_signing_told_at_the_same_ceremony_is_another_deal() -> None:
    lead = (
        "The Asian Development Bank agreed on Monday to lend Kcell $50 million for a fibre line. "
    )
    body = (
        lead
        + "At the same ceremony, Kcell and Nokia signed a supply contract for the line's equipment."
    )
    assert read(body) == [("agreement", ["adb", "kcell"]), ("agreement", ["kcell", "nokia"])]
    # the same deal told again, naming no one new, stays one
    body = lead + "Kcell's chief executive signed the loan agreement for the company."
    assert read(body) == [("agreement", ["adb", "kcell"])]


def test_a_signing_told_at_the_same_time_in_russian_is_another_deal() -> None:
    body = (
        "Азиатский банк развития в понедельник подписал с Кселл кредитное соглашение на "
        "строительство ВОЛС в Актау. Одновременно Кселл и Nokia подписали контракт на "
        "поставку оборудования."
    )
    assert read(body, "ru") == [("agreement", ["adb", "kcell"]), ("agreement", ["kcell", "nokia"])]


def test_a_russian_aside_may_open_on_a_noun_phrase_before_its_pronoun() -> None:
    body = (
        "Кселл обсуждает с Huawei расширение сети в Актау, вторая очередь которой была "
        "запущена в мае 2024 года."
    )
    read = [(e.stage, str(e.date)) for e in read_events(body, "ru", "2025-06-12")]
    assert [stage for stage, _ in read] == ["talks", "launch"]
    assert read[1] == ("launch", "2024-05")


def test_an_english_whose_opens_no_aside() -> None:
    # the owner's clause tells the work; `would go to court` plans nothing
    body = "Nokia, whose crews had installed 300 antennas in Naryn, said it would go to court."
    assert [e.stage for e in read_events(body, "en", "2025-06-12")] == ["deployment"]


def read_en(body: str) -> list[tuple[str, str, list[str]]]:
    return [
        (event.stage, str(event.date), sorted(p.id for p in event.parties if p.kind != "country"))
        for event in read_events(body, "en", "2025-11-14")
    ]


def test_a_clause_saying_who_told_it_is_no_clause_of_its_own() -> None:
    # `, the Kazakh operator said on Thursday,`: who told the news, then an apposition;
    # the deal is one agreement
    body = (
        "Kcell has agreed to buy the Tajik operator Tcell from the Aga Khan Fund, the Kazakh "
        "group said on Thursday, its first acquisition outside Kazakhstan."
    )
    assert [stage for stage, _, _ in read_en(body)] == ["agreement"]


def test_a_clause_after_a_comma_telling_an_action_stays_one() -> None:
    # the reporting verb's clause holds a cue of its own: the action it tells is read
    body = (
        "A week after Beeline left Kyrgyzstan, its rival Kcell said it was going to sell "
        "a stake in its tower unit."
    )
    assert "plan" in [stage for stage, _, _ in read_en(body)]


def stages_jun12(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "Kcell is negotiating with other vendors too.",
            "en",
        ),
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "The operator is also negotiating with two other suppliers in the region.",
            "en",
        ),
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "The operator is talking to ministers from other countries as well.",
            "en",
        ),
        (
            "Kcell провел переговоры с Huawei по 5G в Астане в понедельник. "
            "Компания также ведет переговоры с другими поставщиками.",
            "ru",
        ),
    ],
)
def test_talks_with_other_partners_are_other_talks(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["talks", "talks"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "Kcell held talks with Huawei on 5G in Astana on Monday. "
            "The sides also discussed prices.",
            "en",
        ),
        (
            "Kcell провел переговоры с Huawei по 5G в Астане в понедельник. "
            "Стороны также обсудили сроки.",
            "ru",
        ),
    ],
)
def test_talks_told_on_stay_the_meeting_told(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["talks"]


@pytest.mark.parametrize(
    "body",
    [
        # `other` names a topic, or follows a partner named: the meeting told on
        "Kcell held talks with Huawei on 5G in Astana on Monday. "
        "The sides also discussed other projects.",
        "Kcell held talks with Huawei on 5G in Astana on Monday. "
        "Kcell is negotiating with Huawei about other projects as well.",
    ],
)
def test_other_topics_leave_the_meeting_told_on(body: str) -> None:
    assert stages_jun12(body) == ["talks"]


def plans(body: str) -> list[tuple[list[str], str | None]]:
    """The parties and target of each plan found."""
    return [
        ([p.id for p in e.parties], str(e.target) if e.target else None)
        for e in events(body)
        if e.stage == "plan"
    ]


def test_an_aim_far_from_the_deal_takes_the_deal_named_last() -> None:
    body = (
        "Kyrgyztelecom signed a contract with ZTE to build a data center in Bishkek. "
        "The building will cover 2,000 square metres. Its halls will hold 400 racks. "
        "Officials praised the site. The first stage will be completed in 2027."
    )
    assert plans(body) == [(["kyrgyztelecom", "zte", "KG"], "2027")]


def test_an_aim_with_nothing_told_before_takes_the_article_parties() -> None:
    body = (
        "Kyrgyzstan wants to build a data center in Osh. The project has been in preparation "
        "since 2020. Its halls will hold 400 racks. Officials praised the site.\n\n"
        "The first stage will be carried out in 2026-2027."
    )
    assert plans(body) == [(["KG"], None), (["KG"], "2027")]


def test_a_stage_opening_on_an_ordinal_is_a_plan_apart() -> None:
    body = (
        "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
        "The first stage of the project will be completed in 2027."
    )
    assert plans(body) == [(["KG"], None), (["KG"], "2027")]
    # Told again with its target and no ordinal, it is the same plan.
    again = (
        "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
        "The data center will be completed in 2027."
    )
    assert len(plans(again)) == 1


def test_a_reference_to_a_deal_naming_nobody_joins_it() -> None:
    body = (
        "Kyrgyztelecom signed contracts with ZTE for a data center in Osh.\n\n"
        "Under the contracts, networks will be developed in the western regions."
    )
    [deal] = events(body)
    assert deal.stage == "agreement" and len(deal.evidence) == 2
    # Naming no event told, such a sentence still tells nothing.
    alone = (
        "Kyrgyztelecom signed contracts with ZTE for a data center in Osh.\n\n"
        "Networks will be developed in the western regions."
    )
    assert [len(e.evidence) for e in events(alone)] == [1]


def test_a_name_ending_in_ing_after_a_time_conjunction_is_a_subject_not_a_gerund() -> None:
    body = (
        "Kcell began building towers in Almaty a month after Beijing approved a loan for the line."
    )
    assert sorted(e.stage for e in read_events(body)) == ["agreement", "deployment"]


def dated(body: str, language: str = "en") -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, "2024-09-05")]


def test_russian_predicates_joined_by_no() -> None:
    body = "Министерство подписало меморандум с Huawei, но расторгло договор с ZTE."
    assert [stage for stage, _ in dated(body, "ru")] == ["mou", "cancelled"]


def test_two_russian_past_verbs_joined_by_i_are_one_predicate() -> None:
    body = "Узбектелеком обсудил и подписал соглашение с Huawei."
    assert [stage for stage, _ in dated(body, "ru")] == ["agreement"]


def test_a_long_deal_noun_phrase_before_its_participle() -> None:
    body = (
        "Kcell opened a data centre in Almaty. The eighty million dollar loan from the Asian "
        "Infrastructure Investment Bank and the European Bank, signed in March, paid for it."
    )
    assert ("agreement", "2024-03") in dated(body)


def test_a_russian_contract_concluded_in_an_apposition() -> None:
    body = (
        "Kcell открыл ЦОД в Алматы. "
        "Работы шли по контракту с Huawei, заключённому 5 марта 2023 года."
    )
    assert ("agreement", "2023-03-05") in dated(body, "ru")


def test_two_predicates_with_one_partner_are_one_deal() -> None:
    body = (
        "Kcell signed a contract with Huawei in May, "
        "and also signed a contract with Huawei in June."
    )
    assert dated(body) == [("agreement", "2024-05")]


LOAN = "The Eurasian Development Bank agreed on Tuesday to lend Kcell $40 million for towers. "


def signings(body: str, language: str = "en") -> list[list[str]]:
    """The organisations of each event the body tells."""
    return [
        sorted(p.id for p in event.parties if p.kind != "country")
        for event in read_events(body, language, "2025-06-12")
    ]


_SAME_TIMES = st.sampled_from(
    ["At the same ceremony,", "On the same day", "Simultaneously", "Одновременно", "Тогда же"]
)

_WORDS = st.sampled_from(
    [
        *("postponed", "pushed", "back", "to", "until", "again", "will", "not", "open"),
        *("before", "May", "2026", "the", "hub", "by", "spring", "of", ",", "."),
        *("перенесен", "отложен", "на", "до", "мая", "весны", "2026", "года", "вновь"),
        *("Kcell", "Кселл", "0", "99999", "-", " "),
    ]
)

_SENTENCES = st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=14).map(" ".join))

_ASIDE_WORDS = st.sampled_from(["первый", "зал", "с", ",", "которой", "Кселл", "в"])


@pytest.mark.parametrize(
    "opening",
    ["On the same day,", "The same day", "At the same meeting,", "Simultaneously,"],
)
def test_every_english_same_time_opening_tells_another_signing(opening: str) -> None:
    body = LOAN + f"{opening} Kcell and Ericsson signed a contract for the radio units."
    assert signings(body) == [["eurasian-development-bank", "kcell"], ["ericsson", "kcell"]]


@pytest.mark.parametrize(
    "opening", ["В тот же день", "На той же встрече", "На этой же церемонии", "Тогда же"]
)
def test_every_russian_same_time_opening_tells_another_signing(opening: str) -> None:
    body = (
        "Евразийский банк развития во вторник подписал с Кселл кредитное соглашение на "
        f"строительство вышек. {opening} Кселл и Ericsson подписали контракт на поставку "
        "радиооборудования."
    )
    assert signings(body, "ru") == [["eurasian-development-bank", "kcell"], ["ericsson", "kcell"]]


def test_the_same_deal_told_at_the_same_ceremony_stays_one() -> None:
    # naming no organisation the deal before does not, it is that deal told again
    body = LOAN + "At the same ceremony, Kcell and the bank signed the loan agreement."
    assert signings(body) == [["eurasian-development-bank", "kcell"]]


@given(opening=_SAME_TIMES, rest=_SENTENCES)
def test_any_sentence_opening_on_the_same_time_reads_without_error(opening: str, rest: str) -> None:
    language = "ru" if re.search("[а-я]", opening) else "en"
    read_events(f"{LOAN}{opening} {rest}", language, "2025-06-12")
    read_events(f"{opening} {rest}", language, None)


@given(words=st.lists(_ASIDE_WORDS, max_size=12))
def test_any_russian_aside_reads_without_error(words: list[str]) -> None:
    read_events("Кселл обсуждает с Huawei кампус " + " ".join(words) + ".", "ru", None)


def test_a_russian_aside_may_open_on_a_preposition_before_its_pronoun() -> None:
    # `, с которой …`: the relative clause tells a signing of its own beside the talks
    body = (
        "Кселл обсуждает с Huawei расширение сети в Актау, с которой Nokia подписала "
        "контракт в мае 2024 года."
    )
    assert [e.stage for e in read_events(body, "ru", "2025-06-12")] == ["talks", "agreement"]


def test_a_launch_told_at_the_same_time_as_the_titles_is_another_launch() -> None:
    # the title's launch with Ericsson keeps its partner; Nokia's lab is another launch
    titled = Article(
        id="x",
        path="x.txt",
        title="Kcell launches 5G with Ericsson in Almaty",
        body="At the same time, Kcell and Nokia launched a 5G lab in Astana.",
        date="2025-06-12",
        language="en",
    )
    assert [
        (e.stage, sorted(p.id for p in e.parties if p.kind != "country"))
        for e in analyse(titled, REAL).events
    ] == [("launch", ["ericsson", "kcell"]), ("launch", ["kcell", "nokia"])]


ASIDE = "Digital technologies are changing every part of daily life."

MEETING = "On Tuesday the minister held talks with the chairman of Kcell."

WORK = "Kcell is building a data center in Almaty."


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # a briefing, two paragraphs on
        (
            f"{MEETING}\n\n{ASIDE}\n\nThe minister was informed that {WORK[0].lower()}{WORK[1:]}",
            None,
        ),
        (f"{MEETING} {ASIDE} {WORK}", None),  # in the meeting's paragraph
        # right after a sentence of its paragraph telling the meeting
        (f"{MEETING}\n\n{ASIDE}\n\nAt the meeting the chairman spoke of his plans. {WORK}", None),
        (f"{MEETING}\n\n{ASIDE}", WORK.rstrip(".")),  # the title
    ],
)
def test_work_told_with_the_meeting_takes_its_day(
    dated_events, body: str, title: str | None
) -> None:
    (work,) = [e for e in dated_events(body, "2025-03-13", title=title) if e.stage == "deployment"]
    assert str(work.date) == "2025-03-11"


def test_work_two_paragraphs_after_the_leads_is_other_work(dated_events) -> None:
    body = (
        "On Tuesday Kcell began building a data center in Almaty.\n\n"
        "The city has 2 million people.\n\n"
        "Beeline is laying a fibre-optic line to Shymkent."
    )
    dates = [str(e.date) for e in dated_events(body, "2025-03-13") if e.stage == "deployment"]
    assert dates == ["2025-03-11", "2025-03-13"]


KCELL_HUAWEI_TALKS = "Kcell held talks with Huawei on 5G in Astana on Monday. "

VSTRECHA = "Kcell провел переговоры с Huawei по 5G в Астане в понедельник. "


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # `with other …` the topic's, not the talks' partners: the sides tell more
        (KCELL_HUAWEI_TALKS + "The sides also discussed cooperation with other operators.", "en"),
        (KCELL_HUAWEI_TALKS + "The sides also discussed a link to another data centre.", "en"),
        (VSTRECHA + "Стороны также обсудили сотрудничество с другими странами региона.", "ru"),
        # each other, the other side: those told
        (KCELL_HUAWEI_TALKS + "The sides also negotiated with each other on prices.", "en"),
        (KCELL_HUAWEI_TALKS + "The sides also held talks with the other side on prices.", "en"),
        # a clause of its own after the talks
        (KCELL_HUAWEI_TALKS + "The sides also held talks, with other issues left open.", "en"),
        # `с другой стороны` is `on the other hand`
        (VSTRECHA + "Переговоры, с другой стороны, продолжатся в мае.", "ru"),
    ],
)
def test_other_after_with_that_names_no_other_partners(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["talks"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (KCELL_HUAWEI_TALKS + "Kcell is negotiating with another vendor as well.", "en"),
        (VSTRECHA + "Компания также ведет переговоры с иными поставщиками.", "ru"),
        (VSTRECHA + "Компания также провела консультации со многими другими банками.", "ru"),
    ],
)
def test_talks_with_another_partner_in_other_words(body: str, language: str) -> None:
    assert stages_jun12(body, language) == ["talks", "talks"]
