"""Session 14's deal rules (docs/deals.md), each on sentences written for this file."""

from __future__ import annotations

import pytest

from ca_connect.deals.steps import WORK_DELAYED
from ca_connect.models import PartialDate, Party
from tests.test_deals import KZ, ORBITA, SKYNET, article, deals_of, event, groups
from tests.test_deals_history import deal_of
from tests.test_deals_history import event as history_event

KG = Party(id="KG", name="Kyrgyzstan", kind="country", country="KG")
KG_MINISTRY = Party(id="kg-ministry", name="Ministry", kind="agency", country="KG")


def _orbita_in_kyrgyzstan() -> list:
    """Two articles of Orbita's school network in Kyrgyzstan: a memorandum, then work."""
    return [
        article(
            "a1",
            "2024-02-06",
            [event("a1", 1, "mou", "2024-02-05", [KG, KG_MINISTRY, ORBITA])],
            text="The ministry and Orbita Global signed a memorandum on Monday.",
        ),
        article(
            "a2",
            "2024-09-12",
            [event("a2", 1, "deployment", "2024-09-10", [KG, ORBITA])],
            text="Orbita Global began mounting dishes at mountain schools on Tuesday.",
        ),
    ]


def test_an_article_telling_only_an_undated_aim_of_a_deal_is_not_its_article():
    """`An Orbita Global speaker said the company aims to reach every valley` at a
    forum, with no date to aim at, is no step of Orbita's school network."""
    forum = article(
        "a3",
        "2025-05-20",
        [
            event(
                "a3",
                1,
                "plan",
                "2025-05-20",
                [KG, ORBITA],
                text="An Orbita Global speaker said the company aims to reach every valley.",
            )
        ],
    )
    assert groups(deals_of([*_orbita_in_kyrgyzstan(), forum])) == [["a1", "a2"], ["a3"]]


def test_an_aim_with_a_date_to_aim_at_stays_a_step_of_its_deal():
    """`Orbita Global aims to connect the last 40 schools by June 2026` is the deal's plan."""
    aim = article(
        "a3",
        "2025-05-20",
        [
            event(
                "a3",
                1,
                "plan",
                "2025-05-20",
                [KG, ORBITA],
                text="Orbita Global aims to connect the last 40 schools by June 2026.",
                planned=True,
            )
        ],
    )
    assert groups(deals_of([*_orbita_in_kyrgyzstan(), aim])) == [["a1", "a2", "a3"]]


def test_an_undated_aim_beside_a_step_keeps_its_article_in_the_deal():
    """The aim told beside work begun is that article's, which tells a step of the deal."""
    both = article(
        "a3",
        "2025-05-20",
        [
            event("a3", 1, "deployment", "2025-05-19", [KG, ORBITA]),
            event("a3", 2, "plan", "2025-05-20", [KG, ORBITA]),
        ],
    )
    assert groups(deals_of([*_orbita_in_kyrgyzstan(), both])) == [["a1", "a2", "a3"]]


def test_a_deal_told_only_by_undated_aims_stays_one_deal():
    """When every article of a deal tells only aims, none is set apart."""
    facts = [
        article("a1", "2024-01-10", [event("a1", 1, "plan", "2024-01-10", [KZ, SKYNET])]),
        article("a2", "2024-06-10", [event("a2", 1, "plan", "2024-06-10", [KZ, SKYNET])]),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"]]


def test_the_host_government_undated_aim_may_still_join_the_one_deal_of_its_host():
    """The rule is about a counterpart's aims: the ministry's own aim, naming no
    counterpart, joins the one deal of its host and type as before (rule 4)."""
    ministry_aim = article(
        "a3",
        "2025-05-20",
        [event("a3", 1, "plan", "2025-05-20", [KG, KG_MINISTRY])],
    )
    assert groups(deals_of([*_orbita_in_kyrgyzstan(), ministry_aim])) == [["a1", "a2", "a3"]]


def _plan(number: int, date: str, text: str, target: str):
    return history_event(number, "plan", date, text).model_copy(
        update={"planned": True, "target": PartialDate.parse(target)}
    )


@pytest.mark.parametrize(
    "text",
    [
        "The survey was done in 2023, but the trial planned for 2024 did not start.",
        "The trial planned for 2024 never got under way, the operator admitted.",
        "Испытания, намеченные на 2024 год, так и не начались из-за нехватки средств.",
    ],
)
def test_a_plan_that_never_began_is_a_stall_of_the_date_it_missed(text):
    """A step that was to begin by a date and did not is a stall of that date (the plan
    stays as told); the deal stays at the memorandum."""
    deal = deal_of(
        history_event(
            1, "mou", "2023-01-20", "Orbita Global and the ministry signed a memorandum."
        ),
        _plan(2, "2023", text, "2024"),
        date="2025-02-03",
    )
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("mou", "2023-01-20"),
        ("plan", "2023"),
        ("stalled", "2024"),
    ]
    assert deal.status == "stalled"


def test_a_plan_that_did_not_start_before_its_date_is_still_ahead():
    """Told before its target (`the trial, planned for 2026, did not start this winter`),
    it is a stall told by its article, not of the date it aims at."""
    text = "The trial, planned for 2026, did not start this winter as hoped."
    deal = deal_of(_plan(1, "2025", text, "2026"), date="2025-02-03")
    assert ("stalled", "2026") not in [(h.stage, str(h.date)) for h in deal.history]


@pytest.mark.parametrize(
    ("text", "stall"),
    [
        ("The second phase never got under way for want of funds.", True),
        ("Laying of the northern section failed to begin in spring.", True),
        ("Работы по второму этапу так и не начались.", True),
        ("The company never stopped expanding its network.", False),
        ("The operator did not say when the tender would open.", False),
    ],
)
def test_a_step_that_never_began_is_a_delay_where_no_event_reads_it(text, stall):
    """Sentences no event reads telling a step that never began are stalls (facts.py keeps
    them); a `never` or `did not` of something else is none."""
    assert bool(WORK_DELAYED.search(text)) is stall


def test_a_lenders_loan_told_with_no_central_asian_party_is_its_article_deal_step():
    """`The Nordic Investment Bank's $90 million loan for the centre was signed in May.`,
    in an article about Orbita's data centre for the Kazakh ministry that names no
    country but the bank's: the deal's financing, told from the lender's side."""
    ministry = Party(id="kz-ministry", name="Ministry", kind="agency", country="KZ")
    bank = Party(id="nib", name="Nordic Investment Bank", kind="company", country="FI")
    finland = Party(id="FI", name="Finland", kind="country", country="FI")
    facts = [
        article(
            "a1",
            "2025-11-03",
            [
                event("a1", 1, "deployment", "2025-10", [ORBITA, ministry], ["data-center"]),
                event("a1", 2, "agreement", "2025-05", [finland, bank], ["data-center"]),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [(h.event, h.stage) for h in deal.history] == [(2, "agreement"), (1, "deployment")]


def test_a_foreign_company_s_own_deal_abroad_stays_out():
    """`Skynet Orbital signed a roaming deal with a Finnish operator`, in the same article:
    no lender, no counterpart of the deal: its own news."""
    ministry = Party(id="kz-ministry", name="Ministry", kind="agency", country="KZ")
    finland = Party(id="FI", name="Finland", kind="country", country="FI")
    facts = [
        article(
            "a1",
            "2025-11-03",
            [
                event("a1", 1, "deployment", "2025-10", [ORBITA, ministry], ["data-center"]),
                event("a1", 2, "agreement", "2025-05", [finland, SKYNET], ["data-center"]),
            ],
        )
    ]
    assert [[h.event for h in d.history] for d in deals_of(facts)] == [[1]]
