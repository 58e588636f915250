"""Session 15's deal rules (docs/deals.md): an article's lead story and another story it
tells aside, each on sentences written for this file."""

from __future__ import annotations

import pytest

from ca_connect.deals.link import link
from ca_connect.deals.model import ArticleFacts
from ca_connect.models import Event, EventSources, PartialDate, Party
from tests.test_deals import (
    KAZTEL,
    KZ,
    MINISTRY,
    NORDTEL,
    ORBITA,
    SKYNET,
    article,
    deals_of,
    groups,
)
from tests.test_deals_history import dated_stages
from tests.test_deals_history import event as history_event
from tests.test_deals_history import one_article_deal as deal_of_one

PL = Party(id="PL", name="Poland", kind="country", country="PL")
VISTEL = Party(id="vistel", name="Vistel", kind="company", country="PL")
GRANITE = Party(id="granite-bank", name="Granite Fund", kind="intl")


def _event(article_id, number, stage, date, parties, text, body, kinds=("e-government",), **more):
    """An event whose sentence `text` is where it stands in the article's `body`."""
    start = body.index(text)
    return Event(
        article_id=article_id,
        number=number,
        stage=stage,
        date=PartialDate.parse(date) if date else None,
        parties=list(parties),
        initiatives=list(kinds),
        field="body",
        start=start,
        end=start + len(text),
        text=text,
        **more,
    )


def _one(article_id, date, stage, parties, text, kinds=("e-government",), title=None):
    """An article of one event, its sentence being the whole text."""
    return article(
        article_id,
        date,
        [_event(article_id, 1, stage, date, parties, text, text, kinds)],
        text,
        title=title,
    )


# --- An article's lead story and a project told aside ------------------------------

LEAD = "The ministry and Nordtel signed a memorandum on a smart parking system on Friday."
ASIDE = "In March Polish firm Vistel took on the Open Desk programme under a memorandum."


def _open_desk() -> list:
    """Two articles of the Open Desk programme with Vistel, and one whose lead is another
    company's memorandum and which recalls Open Desk in a later sentence."""
    first = "The ministry and Vistel signed a memorandum on the Open Desk programme."
    later = "Vistel began the Open Desk programme's pilot in two districts."
    body = f"{LEAD} {ASIDE}"
    return [
        _one("a1", "2024-03-12", "mou", [KZ, MINISTRY, PL, VISTEL], first),
        _one("a2", "2024-09-03", "deployment", [KZ, VISTEL], later),
        article(
            "a3",
            "2024-10-05",
            [
                _event("a3", 1, "mou", "2024-10-04", [KZ, MINISTRY, NORDTEL], LEAD, body),
                _event("a3", 2, "mou", "2024-03", [PL, VISTEL], ASIDE, body),
            ],
            body,
        ),
    ]


def test_a_project_told_aside_does_not_take_the_articles_lead_story():
    """Nordtel's memorandum, the article's news, is a deal of its own; the Open Desk
    programme it recalls with another partner is the other deal's."""
    deals = deals_of(_open_desk())
    assert groups(deals) == [["a1", "a2", "a3"], ["a3"]]
    lead = next(d for d in deals if {h.article for h in d.history} == {"a3"})
    assert [(h.article, h.event, h.background) for h in lead.history] == [("a3", 1, False)]
    assert lead.status == "mou"


def test_a_step_told_abroad_naming_a_project_is_that_projects():
    """`In March Polish firm Vistel took on the Open Desk programme under a memorandum.`
    names no Central Asian party: the project's name places it in the Kazakh programme."""
    deals = deals_of(_open_desk())
    open_desk = next(d for d in deals if len({h.article for h in d.history}) == 3)
    assert ("a3", 2) in {(h.article, h.event) for h in open_desk.history}


def test_a_project_told_in_the_lead_is_the_articles_own():
    """Where the lead itself names the programme, the article's other partner is seen with
    it as before (the lender's grant told beside the programme's signing)."""
    lead = "The ministry and Vistel signed a contract on the Open Desk programme on Friday."
    grant = "The Granite Fund will pay for the servers."
    body = f"{lead} {grant}"
    facts = [
        _one(
            "a1",
            "2024-03-12",
            "mou",
            [KZ, MINISTRY, PL, VISTEL],
            "Vistel and the ministry signed a memorandum on the Open Desk programme.",
        ),
        article(
            "a2",
            "2024-10-05",
            [
                _event("a2", 1, "agreement", "2024-10-04", [KZ, MINISTRY, VISTEL], lead, body),
                _event("a2", 2, "plan", "2024-10-05", [KZ, GRANITE], grant, body),
            ],
            body,
        ),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"]]


# --- A one-article lead story is not another deal's background ----------------------


RECALL = "KazTel, the national operator, opened its satellite service last year."


def _skynet_and(*told: tuple[str, str, list[Party], str, tuple[str, ...]]) -> list[ArticleFacts]:
    """Skynet's satellite deal with KazTel (two articles), and a third article telling
    `told` (stage, date, parties, sentence, types) in reading order."""
    body = " ".join(text for _, _, _, text, _ in told)
    return [
        _one(
            "a1",
            "2023-02-01",
            "agreement",
            [KZ, SKYNET, KAZTEL],
            "Skynet Orbital and KazTel signed a satellite contract.",
            ("satellite",),
        ),
        _one(
            "a2",
            "2023-05-01",
            "launch",
            [KZ, SKYNET, KAZTEL],
            "KazTel opened Skynet Orbital's service.",
            ("satellite",),
        ),
        article(
            "a3",
            "2024-04-09",
            [
                _event("a3", number, stage, date, parties, text, body, kinds)
                for number, (stage, date, parties, text, kinds) in enumerate(told, start=1)
            ],
            body,
        ),
    ]


def test_a_one_article_lead_naming_its_own_counterpart_is_not_background():
    """`Orbita Global and the ministry signed a contract on a tax portal.` leads an article
    that tells, in a later sentence, of KazTel's satellite service with Skynet: the
    article's own story, told by it alone, is a deal, not the background of Skynet's."""
    lead = "Orbita Global and the ministry signed a contract on a tax portal on Monday."
    facts = _skynet_and(
        ("agreement", "2024-04-08", [KZ, MINISTRY, ORBITA], lead, ("e-government",)),
        ("launch", "2023", [KZ, KAZTEL], RECALL, ("satellite",)),
    )
    deals = deals_of(facts)
    assert groups(deals) == [["a1", "a2", "a3"], ["a3"]]
    portal = next(d for d in deals if {h.article for h in d.history} == {"a3"})
    assert not any(h.background for h in portal.history)
    assert portal.status == "agreement"


def test_a_one_article_side_mention_is_still_background():
    """A later sentence of one article naming a deal's own counterpart, not its lead, is
    that deal's background as before."""
    lead = "Skynet Orbital connected 40 more schools on Monday."
    aside = "Orbita Global offered the ministry a tax portal."
    body = f"{lead} {aside}"
    facts = [
        _one(
            "a1",
            "2023-02-01",
            "agreement",
            [KZ, SKYNET],
            "Skynet Orbital signed its licence.",
            ("satellite",),
        ),
        article(
            "a2",
            "2024-04-09",
            [
                _event(
                    "a2", 1, "deployment", "2024-04-08", [KZ, SKYNET], lead, body, ("satellite",)
                ),
                _event("a2", 2, "talks", "2024-04-09", [KZ, ORBITA], aside, body),
            ],
            body,
        ),
    ]
    deals = deals_of(facts)
    assert groups(deals) == [["a1", "a2"]]
    assert [h.event for h in deals[0].history if h.background] == [2]


# --- A title-named counterpart's article counts in the share of rule 3 -------------


def _nordtel(title: str | None) -> list:
    """The Granite Fund's data centre (two articles) and Nordtel's talks on a cloud region
    (three), the last naming the fund's data centre aside; the second titled `title`."""
    talks_1 = "The minister and Nordtel talked about a cloud region for the capital."
    talks_2 = "The sides discussed power for the servers."
    lead = "Nordtel is weighing the country for a cloud region."
    fund = "The ministry offered it a hall of the data centre the Granite Fund financed."
    body = f"{lead} {fund}"
    context = EventSources(parties="context")
    built = "The Granite Fund's data centre opened its first hall."
    loan = "The Granite Fund signed a loan for the data centre."
    facts = [
        _one("g1", "2023-02-01", "agreement", [KZ, GRANITE], loan, ("data-center",)),
        _one("g2", "2024-11-20", "launch", [KZ, GRANITE], built, ("data-center",)),
        _one("n1", "2025-06-10", "talks", [KZ, NORDTEL], talks_1, ("data-center",)),
        article(
            "n2",
            "2025-09-02",
            [
                _event(
                    "n2",
                    1,
                    "talks",
                    "2025-09-01",
                    [KZ, NORDTEL],
                    talks_2,
                    talks_2,
                    ("data-center",),
                    sources=context,
                )
            ],
            talks_2,
            title=title,
        ),
        article(
            "n3",
            "2025-10-15",
            [
                _event("n3", 1, "talks", "2025-10-14", [KZ, NORDTEL], lead, body, ("data-center",)),
                _event("n3", 2, "plan", "2025-10-15", [KZ, GRANITE], fund, body, ("data-center",)),
            ],
            body,
        ),
    ]
    return facts


def test_an_article_whose_title_names_a_counterpart_counts_among_its_articles():
    """Nordtel's talks are told by three articles, one of them (`Minister meets Nordtel
    again`) naming it only in its title and reading it from the sentences around; the
    one article naming Nordtel beside the Granite Fund's data centre is not half of
    Nordtel's: its talks stay a deal of their own."""
    found = link(_nordtel(title="Minister meets Nordtel again"))
    nordtel = next(g for g in found if ("n1", 1) in g.events)
    assert {a for a, _ in nordtel.events} == {"n1", "n2", "n3"}
    assert not any(("g1", 1) in g.events for g in found if ("n1", 1) in g.events)


def test_without_its_title_the_article_does_not_count():
    """The control: the same article with no title names no counterpart it counts for, so
    Nordtel, seen beside the fund in one of its two articles, joins the fund's deal."""
    facts = _nordtel(title=None)
    found = link(facts)
    assert any(("g1", 1) in g.events and ("n1", 1) in g.events for g in found)


# --- A delay naming its new date is also the plan aiming at it ----------------------


@pytest.mark.parametrize(
    ("delay", "target"),
    [
        ("The opening of the hub has been postponed until March 2026.", "2026-03"),
        ("Supply problems pushed the commissioning back to 2026.", "2026"),
        ("The hub will not open before 2026, the operator said.", "2026"),
        ("Открытие хаба переносится на осень 2026 года.", "2026"),
        ("Запуск хаба отложен до весны 2026 года.", "2026"),
    ],
)
def test_a_delay_naming_its_new_date_is_a_stall_and_the_plan_aiming_at_it(delay, target):
    """A delay told in a sentence no event reads that names the date the work moves to:
    the stall and the plan as told then, both dated by the article, the plan aiming at
    the new date (as a plan telling its own postponement is)."""
    signed = history_event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    deal = deal_of_one([signed], "2024-10-01", delays=((1, delay),))
    plans = [h for h in deal.history if h.stage == "plan"]
    assert dated_stages(deal) == [
        ("agreement", "2024-02"),
        ("stalled", "2024-10-01"),
        ("plan", "2024-10-01"),
    ]
    assert [str(p.target) for p in plans] == [target]


@pytest.mark.parametrize(
    "delay",
    [
        "The works were delayed by several months.",
        "Equipment was delayed by the customs check until the spring.",
        "Работы отстают от графика на полгода.",
    ],
)
def test_a_delay_naming_no_new_date_is_a_stall_alone(delay):
    """No date the work moves to, or none after the delay was told: no plan."""
    signed = history_event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    deal = deal_of_one([signed], "2024-10-01", delays=((1, delay),))
    assert [h.stage for h in deal.history] == ["agreement", "stalled"]
