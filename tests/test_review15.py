"""Review of session 15's rules (review15): a test for each rule no test of
test_recall15.py or test_deals15.py failed without, and odd input for the new code.

Every sentence here is written for this file (none is taken from a measurement set).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.deals.facts import fingerprint
from ca_connect.deals.model import ArticleFacts, DealGroup
from ca_connect.deals.status import build_deal
from ca_connect.deals.story import steps_of
from ca_connect.events import analyse
from ca_connect.models import Article, Evidence, PartialDate, Party

from .test_deals import KAZTEL, KZ, MINISTRY, NORDTEL, ORBITA, SKYNET, UZ, article, deals_of
from .test_deals15 import ASIDE, LEAD, PL, RECALL, VISTEL, _event, _one, _skynet_and
from .test_deals_history import dated_stages
from .test_deals_history import deal_of as history_deal_of
from .test_deals_history import event as history_event
from .test_events_ru import REAL
from .test_plans9_s11 import events as read_events

LOAN = "The Eurasian Development Bank agreed on Tuesday to lend Kcell $40 million for towers. "


_SAME_TIMES = st.sampled_from(
    ["At the same ceremony,", "On the same day", "Simultaneously", "Одновременно", "Тогда же"]
)


def signings(body: str, language: str = "en") -> list[list[str]]:
    """The organisations of each event the body tells."""
    return [
        sorted(p.id for p in event.parties if p.kind != "country")
        for event in read_events(body, language, "2025-06-12")
    ]


# --- A signing told at the same time as the deal before (events/merge.py) -----------


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


# --- The stage cues added in session 15 (data/entities.yaml `stages:`) ---------------


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Kcell's 5G launch in Taraz was delayed to May 2027.", "en"),
        ("Kcell's 5G launch in Taraz has been rescheduled to May 2027.", "en"),
        ("Kcell's 5G launch in Taraz was deferred to May 2027.", "en"),
        ("Запуск сети 5G Кселл в Таразе переносится на май 2027 года.", "ru"),
        ("Строительство дата-центра Кселл в Таразе перенесено на май 2027 года.", "ru"),
        ("Работы Кселл по 5G в Таразе перенесены на май 2027 года.", "ru"),
    ],
)
def test_every_postponement_to_a_new_date_plans_it(body: str, language: str) -> None:
    [event] = read_events(body, language, "2025-06-12")
    assert (event.stage, str(event.target)) == ("plan", "2027-05")


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


# --- A delay naming its new date is also the plan aiming at it (deals/story.py) -------

SIGNED = "Orbita signed the hub contract in February."


def _history(delay: str, date: str | None = "2024-10-01") -> list[tuple[str, str | None]]:
    """The history of a one-article deal of a signing and, in a sentence no event reads,
    `delay`, told in an article of `date`."""
    signed = history_event(1, "agreement", "2024-02", SIGNED)
    facts = ArticleFacts(
        id="a1",
        date=PartialDate.parse(date) if date else None,
        source=None,
        url=None,
        title=None,
        fingerprint=fingerprint("a1"),
        events=(signed,),
        countries=("KZ",),
        subject="KZ",
        delays=((1, delay),),
    )
    group = DealGroup("orbita-kz", "Orbita – Kazakhstan", False)
    group.events = [("a1", 1)]
    return dated_stages(build_deal(group, {"a1": facts}))


def test_a_new_date_already_past_when_the_delay_is_told_plans_nothing() -> None:
    # the work moved to May, told in October: the plan it made is no aim left
    assert _history("The opening of the hub was postponed to May 2024.") == [
        ("agreement", "2024-02"),
        ("stalled", "2024-10-01"),
    ]


def test_the_new_date_is_read_after_the_delay_words_not_before() -> None:
    # `In July` dates the delay; the date the work moves to comes after `postponed to`
    history = _history("In July the opening of the hub was postponed to May 2026.")
    assert history[1:] == [("stalled", "2024-07"), ("plan", "2024-07")]


@pytest.mark.parametrize(
    "delay",
    [
        "The opening of the hub was postponed again until May 2026.",
        "Открытие хаба было отложено вновь до весны 2026 года.",
    ],
)
def test_a_delay_told_again_naming_its_new_date_plans_it(delay: str) -> None:
    assert [stage for stage, _ in _history(delay)] == ["agreement", "stalled", "plan"]


def test_an_undated_article_telling_a_delay_to_a_new_date_is_a_stall_alone() -> None:
    # no date to tell the new date after: the stall, undated, and no plan (and no crash)
    assert _history("The opening of the hub was postponed to May 2026.", None) == [
        ("agreement", "2024-02"),
        ("stalled", None),
    ]


def test_a_delay_to_a_new_date_in_the_events_own_evidence_plans_it() -> None:
    later = "The opening of the hub was then postponed to May 2026."
    signed = history_event(1, "agreement", "2024-02", SIGNED).model_copy(
        update={
            "evidence": [
                Evidence(field="body", start=0, end=len(SIGNED), text=SIGNED),
                Evidence(field="body", start=len(SIGNED) + 1, end=len(SIGNED) + 1, text=later),
            ]
        }
    )
    deal = history_deal_of(signed, date="2024-10-01")
    assert [h.stage for h in deal.history] == ["agreement", "stalled", "plan"]
    assert str(deal.history[-1].target) == "2026-05"


# --- An article's lead story and a project told aside (deals/link.py `_asides`) -----

ZENITH = Party(id="zenith-fund", name="Zenith Fund", kind="intl")


def _lead_and_aside(*more: tuple[str, list[Party], str, str]) -> list[ArticleFacts]:
    """The Open Desk programme's two articles, and a third leading on Nordtel's memorandum
    that tells, after the lead, each of `more` (stage, parties, date, sentence)."""
    first = "The ministry and Vistel signed a memorandum on the Open Desk programme."
    later = "Vistel began the Open Desk programme's pilot in two districts."
    body = " ".join([LEAD, *(text for _, _, _, text in more)])
    told = [
        _event("a3", number, stage, date, parties, text, body)
        for number, (stage, parties, date, text) in enumerate(more, start=2)
    ]
    return [
        _one("a1", "2024-03-12", "mou", [KZ, MINISTRY, PL, VISTEL], first),
        _one("a2", "2024-09-03", "deployment", [KZ, VISTEL], later),
        article(
            "a3",
            "2024-10-05",
            [_event("a3", 1, "mou", "2024-10-04", [KZ, MINISTRY, NORDTEL], LEAD, body), *told],
            body,
        ),
    ]


def _events_by_deal(facts: list[ArticleFacts]) -> list[list[tuple[str, int]]]:
    return sorted(sorted((h.article, h.event) for h in d.history) for d in deals_of(facts))


OPEN_DESK_AND_A2 = [("a1", 1), ("a2", 1)]


def test_a_project_told_aside_is_seen_with_the_articles_other_events() -> None:
    # only the lead's keys are kept from the project told aside: the fund's grant, told
    # between them, goes with the project, and the lead stays a deal of its own
    facts = _lead_and_aside(
        ("plan", [KZ, ZENITH], "2024-10-05", "The Zenith Fund will pay for the desks."),
        ("mou", [PL, VISTEL], "2024-03", ASIDE),
    )
    assert _events_by_deal(facts) == [[*OPEN_DESK_AND_A2, ("a3", 2), ("a3", 3)], [("a3", 1)]]


def test_a_project_told_beside_the_leads_counterpart_is_the_leads_too() -> None:
    # a later sentence naming the project with Nordtel ties the two stories
    tied = "The ministry and Nordtel will link the parking system to the Open Desk programme."
    facts = _lead_and_aside(
        ("mou", [PL, VISTEL], "2024-03", ASIDE),
        ("plan", [KZ, MINISTRY, NORDTEL], "2024-10-05", tied),
    )
    assert _events_by_deal(facts) == [[*OPEN_DESK_AND_A2, ("a3", 1), ("a3", 2), ("a3", 3)]]


def test_a_project_told_by_a_step_naming_no_counterpart_is_the_articles_own() -> None:
    office = "In March the ministry opened the Open Desk programme's office."
    facts = _lead_and_aside(("launch", [KZ, MINISTRY], "2024-03", office))
    assert _events_by_deal(facts) == [[*OPEN_DESK_AND_A2, ("a3", 1), ("a3", 2)]]


def test_a_project_named_in_a_sentence_no_event_reads_is_the_articles_own() -> None:
    # read by no event, the name is the article's, wherever else it is told
    facts = _lead_and_aside(("mou", [PL, VISTEL], "2024-03", ASIDE))
    body = f"{LEAD} {ASIDE} The Open Desk programme costs $3 million."
    facts[2] = article("a3", "2024-10-05", list(facts[2].events), body)
    assert _events_by_deal(facts) == [[*OPEN_DESK_AND_A2, ("a3", 1), ("a3", 2)]]


# --- A one-article lead story is not another deal's background (deals/parts.py) ------


def _background(facts: list[ArticleFacts]) -> list[tuple[list[tuple[str, int]], list[int]]]:
    """Each deal's events, and the numbers of those it tells as background."""
    return sorted(
        (
            sorted((h.article, h.event) for h in deal.history),
            [h.event for h in deal.history if h.background],
        )
        for deal in deals_of(facts)
    )


SATELLITE = ("satellite",)
SKYNET_DEAL = [("a1", 1), ("a2", 1)]


def test_a_lead_naming_only_a_counterpart_the_other_deal_names_is_background() -> None:
    # Skynet's own contract abroad, told first, is still Skynet's deal's background
    lead = "Skynet Orbital and Uzbekistan signed a contract on a tax portal on Monday."
    facts = _skynet_and(
        ("agreement", "2024-04-08", [UZ, SKYNET], lead, ("e-government",)),
        ("launch", "2023", [KZ, KAZTEL], RECALL, SATELLITE),
    )
    assert _background(facts) == [([*SKYNET_DEAL, ("a3", 1), ("a3", 2)], [1])]


def test_a_story_told_after_the_articles_first_event_is_no_lead() -> None:
    # the article opens on the recalled service: Orbita's contract, told after it, is
    # not the article's lead, and stays the background of Skynet's deal
    signed = "Orbita Global and the ministry signed a contract on a tax portal on Monday."
    training = "Orbita Global will also train the ministry's staff."
    facts = _skynet_and(
        ("launch", "2023", [KZ, KAZTEL], RECALL, SATELLITE),
        ("agreement", "2024-04-08", [KZ, MINISTRY, ORBITA], signed, ("e-government",)),
        ("plan", "2024-04-09", [KZ, MINISTRY, ORBITA], training, ("e-government",)),
    )
    assert _background(facts) == [([*SKYNET_DEAL, ("a3", 1), ("a3", 2), ("a3", 3)], [2, 3])]


# --- Odd input for session 15's new code ------------------------------------------

_WORDS = st.sampled_from(
    [
        *("postponed", "pushed", "back", "to", "until", "again", "will", "not", "open"),
        *("before", "May", "2026", "the", "hub", "by", "spring", "of", ",", "."),
        *("перенесен", "отложен", "на", "до", "мая", "весны", "2026", "года", "вновь"),
        *("Kcell", "Кселл", "0", "99999", "-", " "),
    ]
)
_SENTENCES = st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=14).map(" ".join))


@given(
    delay=_SENTENCES,
    published=st.sampled_from([None, "2024", "2024-10", "2024-10-01"]),
)
def test_any_delay_told_apart_gives_a_stall_first(delay: str, published: str | None) -> None:
    signed = history_event(1, "agreement", "2024-02", SIGNED)
    when = PartialDate.parse(published) if published else None
    entries = steps_of(signed, "agreement", when, delays=(delay,))
    assert entries[0] == (signed, "agreement")
    assert [stage for _, stage in entries[1:2]] in ([], ["stalled"])
    for told, stage in entries[2:]:
        assert stage == "plan" and told.target is not None


@given(opening=_SAME_TIMES, rest=_SENTENCES)
def test_any_sentence_opening_on_the_same_time_reads_without_error(opening: str, rest: str) -> None:
    language = "ru" if re.search("[а-я]", opening) else "en"
    read_events(f"{LOAN}{opening} {rest}", language, "2025-06-12")
    read_events(f"{opening} {rest}", language, None)


_ASIDE_WORDS = st.sampled_from(["первый", "зал", "с", ",", "которой", "Кселл", "в"])


@given(words=st.lists(_ASIDE_WORDS, max_size=12))
def test_any_russian_aside_reads_without_error(words: list[str]) -> None:
    read_events("Кселл обсуждает с Huawei кампус " + " ".join(words) + ".", "ru", None)


def test_an_article_with_no_events_or_an_empty_sentence_links_without_error() -> None:
    assert deals_of([article("a1", "2024-01-01", [], "No deal is told here.")]) == []
    empty = _event("a2", 1, "mou", None, [KZ, NORDTEL], "", "x")
    undated = article("a2", None, [empty], "x")
    assert [d.status for d in deals_of([undated])] == ["mou"]


def test_a_russian_aside_may_open_on_a_preposition_before_its_pronoun() -> None:
    # `, с которой …`: the relative clause tells a signing of its own beside the talks
    body = (
        "Кселл обсуждает с Huawei расширение сети в Актау, с которой Nokia подписала "
        "контракт в мае 2024 года."
    )
    assert [e.stage for e in read_events(body, "ru", "2025-06-12")] == ["talks", "agreement"]


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


def test_a_project_told_aside_does_not_join_the_project_the_lead_names() -> None:
    # the lead's Safe Parking programme is told by three articles, the Open Desk
    # programme only aside in the third: it stays a deal of its own
    lead = "The ministry and Nordtel signed a memorandum on the Safe Parking programme on Friday."
    body = f"{lead} {ASIDE}"
    study = "Nordtel and the ministry agreed to study the Safe Parking programme."
    pilot = "Nordtel began the Safe Parking programme's pilot in two districts."
    facts = [
        _one("a1", "2024-03-12", "mou", [KZ, MINISTRY, NORDTEL], study),
        _one("a2", "2024-09-03", "deployment", [KZ, NORDTEL], pilot),
        article(
            "a3",
            "2024-10-05",
            [
                _event("a3", 1, "mou", "2024-10-04", [KZ, MINISTRY, NORDTEL], lead, body),
                _event("a3", 2, "mou", "2024-03", [PL, VISTEL], ASIDE, body),
            ],
            body,
        ),
    ]
    assert _events_by_deal(facts) == [[("a1", 1), ("a2", 1), ("a3", 1)], [("a3", 2)]]


@pytest.mark.parametrize(
    "delay",
    [
        "The opening of the hub was put off until May 2026.",
        "The opening of the hub was moved to May 2026.",
        "The opening of the hub was deferred to May 2026.",
        "The opening of the hub was rescheduled to May 2026.",
        "The opening of the hub has shifted to May 2026.",
        "The opening of the hub has slipped to May 2026.",
        "The opening of the hub was delayed till May 2026.",
        "Supply problems put the opening off until May 2026.",
        "The hub will not be ready before May 2026.",
        "The hub would not start until May 2026.",
        "Открытие хаба сдвинуто на осень 2026 года.",
        "Открытие хаба сдвигается на осень 2026 года.",
        "Открытие хаба отложили до осени 2026 года.",
        "Открытие хаба переносят на осень 2026 года.",
    ],
)
def test_every_delay_to_a_new_date_plans_it(delay: str) -> None:
    assert _history(delay)[1:] == [("stalled", "2024-10-01"), ("plan", "2024-10-01")]


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
