"""Session 17's deal rules (docs/deals.md)."""

from __future__ import annotations

import pytest

from ca_connect.deals.link import link
from ca_connect.deals.pipeline import deals_from_facts
from ca_connect.deals.story import aside_step
from ca_connect.models import PartialDate, Party
from tests.test_deals import BALTEL, KAZTEL, KZ, NORDTEL, article, event
from tests.test_deals16 import renamed
from tests.test_deals_history import dated_stages, one_article_deal
from tests.test_deals_history import event as told

STEPNET = Party(id="stepnet", name="StepNet", kind="company", country="KZ")


def grouped(facts) -> list[list[tuple[str, int]]]:
    return sorted(sorted(group.events) for group in link(facts))


def test_a_home_company_joins_two_articles_only_where_their_types_fit():
    """KazTel's 5G launch and the exchange point KazTel joined name no counterpart: two
    deals, though KazTel is in both (rule 4); its 5G plan a month on is the launch's."""
    facts = [
        article(
            "p1", "2024-03-04", [event("p1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",))]
        ),
        article(
            "p2",
            "2024-04-04",
            [event("p2", 1, "launch", "2024-04-02", [KZ, KAZTEL, STEPNET], ("ixp",))],
        ),
        article("p3", "2024-05-04", [event("p3", 1, "plan", "2024-05-02", [KZ, KAZTEL], ("5g",))]),
        article("p4", "2024-06-04", [event("p4", 1, "plan", "2024-06-02", [KZ, KAZTEL], ("ixp",))]),
    ]
    assert grouped(facts) == [[("p1", 1), ("p3", 1)], [("p2", 1), ("p4", 1)]]


def test_a_home_company_alone_in_two_stories_of_other_types_founds_two_deals():
    facts = [
        article(
            "q1", "2024-03-04", [event("q1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",))]
        ),
        article(
            "q2", "2024-04-04", [event("q2", 1, "launch", "2024-04-02", [KZ, KAZTEL], ("ixp",))]
        ),
        article("q3", "2024-05-04", [event("q3", 1, "plan", "2024-05-02", [KZ, KAZTEL], ("ixp",))]),
    ]
    assert grouped(facts) == [[("q1", 1)], [("q2", 1), ("q3", 1)]]


def test_an_untyped_event_of_a_home_company_joins_its_deal():
    facts = [
        article(
            "r1", "2024-03-04", [event("r1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",))]
        ),
        article("r2", "2024-04-04", [event("r2", 1, "plan", "2024-04-02", [KZ, KAZTEL], ())]),
    ]
    assert grouped(facts) == [[("r1", 1), ("r2", 1)]]


def test_an_articles_own_keys_joined_together_mark_no_side_mention():
    """Nordtel and Baltel are named only by one article, once together and once each: its
    events are the deal's own story, whichever of the two keys its deal is known by; the
    operator's later article joins it by its home company (rules 4 and 6)."""
    lead = article(
        "s1",
        "2024-03-04",
        [
            event("s1", 1, "agreement", "2024-03-01", [KZ, KAZTEL, NORDTEL, BALTEL], ("fiber",)),
            event("s1", 2, "deployment", "2024-03-02", [KZ, NORDTEL], ("fiber",)),
            event("s1", 3, "plan", "2024-03-03", [KZ, BALTEL], ("fiber",)),
        ],
    )
    later = article(
        "s2", "2024-06-04", [event("s2", 1, "launch", "2024-06-02", [KZ, KAZTEL], ("fiber",))]
    )
    for ids in ({}, {"nordtel": "zz-nordtel", "baltel": "aa-baltel"}):
        (deal,) = deals_from_facts(renamed([lead, later], ids))
        assert [(h.article, h.background) for h in deal.history if h.article == "s1"] == [
            ("s1", False)
        ] * 3


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The landing site was finally agreed in May after two years of talks.", "2025-05"),
        ("The two operators agreed on the transit tariffs last November.", "2024-11"),
        ("The lenders reached an agreement on the terms in April.", "2025-04"),
        ("The carrier has already reserved two fifths of the link's capacity.", "2025-07-01"),
        ("Трасса линии была согласована в мае.", "2025-05"),
        ("Стороны договорились о тарифах на транзит в апреле.", "2025-04"),
        ("Оператор уже зарезервировал четверть ёмкости канала.", "2025-07-01"),
        ("The two carriers struck a deal on transit fees in March.", "2025-03"),
        ("After long talks the partners came to terms in February.", "2025-02"),
        ("Операторы пришли к соглашению о тарифах в марте.", "2025-03"),
        ("Стороны согласовали трассу кабеля в мае.", "2025-05"),
        ("Холдинг заключил сделку с оператором в феврале.", "2025-02"),
    ],
)
def test_an_agreement_reached_without_a_signing_is_an_agreement(sentence, date):
    found = aside_step(sentence, PartialDate.parse("2025-07-01"))
    assert found is not None
    assert (found[0], str(found[1])) == ("agreement", date)


@pytest.mark.parametrize(
    "sentence",
    [
        "The sides agreed to study a second route in May.",
        "The landing site has not yet been agreed, the ministry said in May.",
        "The group booked a profit on the disposal of its towers in March.",
        "The operator has booked new subscribers at a record pace.",
        "В мае банк согласовал замену подрядчика.",
        "Согласованный график работ рассчитан до 2027 года.",
    ],
)
def test_an_aim_agreed_or_an_agreement_not_reached_is_none(sentence):
    found = aside_step(sentence, PartialDate.parse("2025-07-01"))
    assert found is None or found[0] != "agreement"


def test_an_agreement_reached_beside_an_event_is_an_entry_of_its_deal():
    launch = told(1, "deployment", "2025-06", "Orbita began laying the cable in June.")
    deal = one_article_deal(
        [launch],
        "2025-07-01",
        asides=((1, "The route across the border land was finally agreed in March."),),
    )
    assert dated_stages(deal) == [("agreement", "2025-03"), ("deployment", "2025-06")]


@pytest.mark.parametrize(
    ("delay", "target"),
    [
        ("Ввод узла откладывается до весны 2026 года.", "2026"),
        ("Из-за нехватки оборудования запуск отодвинули на 2027 год.", "2027"),
        ("Подрядчик сдвинул сроки на конец 2026 года.", "2026"),
    ],
)
def test_a_delay_told_with_the_date_readers_russian_verbs_names_its_new_date(delay, target):
    """The Russian verbs of a date moved are the date reader's (dates/russian.py): each
    delay naming the new date is the stall and the plan aiming at it."""
    signed = told(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    deal = one_article_deal([signed], "2024-10-01", delays=((1, delay),))
    assert [(h.stage, str(h.target) if h.target else None) for h in deal.history] == [
        ("agreement", None),
        ("stalled", None),
        ("plan", target),
    ]
