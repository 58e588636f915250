"""Which events join which deal (docs/deals.md): keys and counterparts, lead stories and side
mentions, home companies, deals abroad."""

from __future__ import annotations

import dataclasses

import pytest

from ca_connect.deals.link import link
from ca_connect.deals.model import ArticleFacts
from ca_connect.deals.pipeline import deals_from_facts, facts_of
from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.loader import load_articles
from ca_connect.models import Event, EventSources, PartialDate, Party
from tests.test_deals import (
    AZ,
    BALTEL,
    KAZTEL,
    KZ,
    MINISTRY,
    NORDTEL,
    ORBITA,
    RUSSIA,
    SKYNET,
    UZ,
    article,
    deals_of,
    event,
    groups,
)

from .conftest import FIXTURES, PROJECT

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


ASIDE = "In March Polish firm Vistel took on the Open Desk programme under a memorandum."

LEAD = "The ministry and Nordtel signed a memorandum on a smart parking system on Friday."

PL = Party(id="PL", name="Poland", kind="country", country="PL")

VISTEL = Party(id="vistel", name="Vistel", kind="company", country="PL")


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


GRANITE = Party(id="granite-bank", name="Granite Fund", kind="intl")

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


# Every way the dictionary could order the three ids.
RENAMINGS = [
    {},
    {"nordtel": "baltel", "baltel": "nordtel"},
    {"nordtel": "zz-nordtel", "vektor": "aa-vektor"},
    {"baltel": "zz-baltel", "nordtel": "aa-nordtel", "vektor": "mm-vektor"},
]

VEKTOR = Party(id="vektor", name="Vektor Systems", kind="company", country="DE")


def _two_suppliers(extra_baltel_event: bool = False) -> list[ArticleFacts]:
    """Nordtel's and Baltel's Kazakh deals, three articles each (Nordtel's told first), and
    an integrator, Vektor, named once beside each: its key joins one of them."""

    def told(article_id, date, stage, parties, more=()):
        return article(
            article_id,
            date,
            [event(article_id, 1, stage, date, parties), *more],
        )

    fourth = (
        [event("a4", 2, "deployment", "2024-04-09", [KZ, BALTEL], text="More masts went up.")]
        if extra_baltel_event
        else []
    )
    return [
        told("a1", "2024-01-10", "mou", [KZ, NORDTEL]),
        told("a2", "2024-02-10", "mou", [KZ, BALTEL]),
        told("a3", "2024-03-10", "deployment", [KZ, NORDTEL]),
        told("a4", "2024-04-10", "deployment", [KZ, BALTEL], fourth),
        told("a5", "2024-05-10", "agreement", [KZ, VEKTOR, NORDTEL]),
        told("a6", "2024-06-10", "agreement", [KZ, VEKTOR, BALTEL]),
    ]


def grouped(facts: list[ArticleFacts]) -> list[list[tuple[str, int]]]:
    """The deals' events, without their ids (which follow their parties' names)."""
    return sorted(sorted(group.events) for group in link(facts))


def renamed(facts: list[ArticleFacts], ids: dict[str, str]) -> list[ArticleFacts]:
    """The same articles, their organisations' ids renamed (names and all else kept)."""

    def party(p: Party) -> Party:
        return p.model_copy(update={"id": ids.get(p.id, p.id)})

    return [
        dataclasses.replace(
            f,
            events=tuple(
                e.model_copy(update={"parties": [party(p) for p in e.parties]}) for e in f.events
            ),
        )
        for f in facts
    ]


def told_one(article_id, date, stage, parties):
    return article(article_id, date, [event(article_id, 1, stage, date, parties)])


@pytest.mark.parametrize("ids", RENAMINGS)
def test_of_equal_partners_the_one_named_first_takes_a_shared_key(ids):
    """Vektor is seen once with each of two partners told by as many articles and events:
    it joins Nordtel's deal, told first, whatever the ids (rule 3)."""
    facts = _two_suppliers()
    expected = [
        [("a1", 1), ("a3", 1), ("a5", 1), ("a6", 1)],
        [("a2", 1), ("a4", 1), ("a6", 1)],
    ]
    assert grouped(facts) == expected
    assert grouped(renamed(facts, ids)) == expected


@pytest.mark.parametrize("ids", RENAMINGS)
def test_of_partners_told_by_as_many_articles_the_more_told_takes_a_shared_key(ids):
    """Baltel is named by one more event (its own article's second): Vektor joins its
    deal, though Nordtel was named first, whatever the ids (rule 3)."""
    facts = _two_suppliers(extra_baltel_event=True)
    expected = [
        [("a1", 1), ("a3", 1), ("a5", 1)],
        [("a2", 1), ("a4", 1), ("a4", 2), ("a5", 1), ("a6", 1)],
    ]
    assert grouped(facts) == expected
    assert grouped(renamed(facts, ids)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "blind3",
        "blind4",
        "blind5",
        "blind-deals",
        "blind-ru",
        "blind6",
        "blind7",
        "blind8",
        "blind9",
    ],
)
def test_a_set_linked_with_its_ids_renamed_gives_the_same_deals(name):
    """Every organisation id of a written set renamed so that their alphabetical order is
    reversed: the same deals, event for event (blind3 and blind8 changed before)."""
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    folder = FIXTURES / name
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    facts = facts_of([analyse(a, dictionary) for a in load_articles(articles).articles])
    ids = {p.id for f in facts for e in f.events for p in e.parties if p.kind != "country"}
    # `zz` then each letter mirrored (a <-> z): the reverse order, no id kept
    mirror = {
        i: "zz" + "".join(chr(219 - ord(c)) if "a" <= c <= "z" else c for c in i) for i in ids
    }
    assert grouped(renamed(facts, mirror)) == grouped(facts)


def test_one_article_naming_two_vendors_makes_no_pair():
    """Ericsson-like and Huawei-like vendors named side by side in one Kazakh article do
    not join their deals in Uzbekistan, whichever is told more (rule 3: organisations go
    together in two articles at least, as SpaceX and Starlink do)."""
    huawei = Party(id="huawei-x", name="Huawa", kind="company", country="CN")
    ericsson = Party(id="ericsson-x", name="Erikon", kind="company", country="SE")
    uz = Party(id="UZ", name="Uzbekistan", kind="country", country="UZ")
    facts = [
        told_one("k1", "2024-01-10", "agreement", [KZ, huawei, ericsson]),
        told_one("u1", "2024-02-10", "agreement", [uz, huawei]),
        told_one("u2", "2024-03-10", "deployment", [uz, huawei]),
        told_one("u3", "2024-04-10", "agreement", [uz, ericsson]),
    ]
    assert [("u3", 1)] in grouped(facts)


STEPNET = Party(id="stepnet", name="StepNet", kind="company", country="KZ")


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


AZ_MINISTRY = Party(id="az-ministry", name="Ministry of Transport", kind="agency", country="AZ")

BRITAIN = Party(id="GB", name="United Kingdom", kind="country", country="GB")

FINLAND = Party(id="FI", name="Finland", kind="country", country="FI")


def test_an_event_naming_only_the_partner_country_is_a_step_of_its_article_deal():
    """`The working group will first meet in Baku in the spring.` beside the memorandum
    Kazakhstan and Azerbaijan signed on a cable: the Azerbaijani side's step of that deal;
    Russia, no partner of it, stays out."""
    text = "fiber"
    facts = [
        article(
            "c1",
            "2024-03-01",
            [
                event("c1", 1, "mou", "2024-02-29", [KZ, AZ], kinds=("fiber",), text=text),
                event("c1", 2, "plan", "2024-03-01", [AZ, AZ_MINISTRY], kinds=("fiber",)),
                event("c1", 3, "plan", "2024-03-01", [RUSSIA], kinds=("fiber",)),
            ],
        ),
        article(
            "c2",
            "2024-09-01",
            [event("c2", 1, "agreement", "2024-09-01", [KZ, AZ], kinds=("fiber",))],
        ),
    ]
    (deal,) = deals_of(facts)
    assert groups([deal]) == [["c1", "c2"]]
    assert [(h.article, h.event) for h in deal.history if h.stage == "plan"] == [("c1", 2)]


def test_an_event_opening_on_a_separate_story_joins_none_of_its_article_deals():
    """`Separately, KazTel said it had launched 5G in Almaty.` after the news of KazTel's
    satellite deal: the article's own side story, background beside the deal, not its
    launch."""
    facts = [
        article(
            "s1", "2024-01-10", [event("s1", 1, "agreement", "2024-01-10", [KZ, SKYNET, KAZTEL])]
        ),
        article(
            "s2",
            "2024-06-10",
            [
                event("s2", 1, "deployment", "2024-06-10", [KZ, SKYNET, KAZTEL]),
                event(
                    "s2",
                    2,
                    "launch",
                    "2024-06-08",
                    [KAZTEL],
                    text="Separately, KazTel said it had launched 5G in Almaty on Monday.",
                ),
            ],
        ),
    ]
    (deal,) = deals_of(facts)
    assert deal.status == "deployment"
    assert [(h.stage, h.background) for h in deal.history] == [
        ("agreement", False),
        ("launch", True),
        ("deployment", False),
    ]


def test_an_article_telling_the_contract_the_others_recall_is_of_their_deal():
    """The city's camera contract with Nordtel, typed `smart-city`, and three later
    articles typed otherwise (`the fibre links to the situation centre are being laid`,
    `under the contract signed in March`): one deal, whatever the first one's types."""
    signed = article(
        "v1",
        "2024-03-06",
        [event("v1", 1, "agreement", "2024-03-05", [KZ, NORDTEL], ("smart-city",))],
    )
    later = [
        article(
            f"v{i}",
            f"2024-0{i + 6}-10",
            [
                event(f"v{i}", 1, "deployment", f"2024-0{i + 6}-10", [KZ, NORDTEL], ("fiber",)),
                event(f"v{i}", 2, "agreement", "2024-03", [KZ, NORDTEL], ("fiber",)),
            ],
        )
        for i in (2, 3)
    ]
    third = article(
        "v4", "2024-09-10", [event("v4", 1, "deployment", "2024-09-10", [KZ, NORDTEL], ("fiber",))]
    )
    assert groups(deals_of([signed, *later, third])) == [["v1", "v2", "v3", "v4"]]


def test_an_event_with_parties_from_context_joins_the_counterpart_its_title_names():
    """`Minister again discusses a cloud region with Skynet Orbital` over `The sides
    discussed the sites.` (Skynet read from the sentence before, which no event reads) and,
    last, `Earlier, Orbita announced plans for the region.`: the context event tells the
    Skynet story its title names, not Orbita's."""
    context = EventSources(parties="context")
    facts = [
        article("k1", "2025-06-10", [event("k1", 1, "talks", "2025-06-10", [KZ, SKYNET])]),
        article(
            "k2",
            "2026-01-23",
            [
                event("k2", 1, "talks", "2026-01-21", [KZ, SKYNET], sources=context),
                event("k2", 2, "plan", "2024", [KZ, ORBITA]),
            ],
            title="Minister again discusses a cloud region with Skynet Orbital",
        ),
    ]
    (deal,) = deals_of(facts)
    # Orbita's plan is what k2 alone tells beside the deal: its background
    assert [(h.article, h.event, h.background) for h in deal.history] == [
        ("k2", 2, True),
        ("k1", 1, False),
        ("k2", 1, False),
    ]


def test_an_untyped_article_of_a_typed_deal_partners_is_another_deal():
    """Three articles on KazTel's satellite deal with Skynet, and one on the two signing
    credit lines for a hydropower plant (no type of this project's): another deal."""
    sale = [
        article(f"t{i}", f"2024-0{i}-10", [event(f"t{i}", 1, s, f"2024-0{i}-10", [KZ, SKYNET])])
        for i, s in ((1, "talks"), (2, "agreement"), (3, "deployment"))
    ]
    credit = article(
        "h1", "2024-04-10", [event("h1", 1, "agreement", "2024-04-10", [KZ, SKYNET], kinds=())]
    )
    assert groups(deals_of([*sale, credit])) == [["h1"], ["t1", "t2", "t3"]]


def test_a_change_of_partners_told_abroad_is_a_step_of_the_article_deal():
    """`It had chosen Finland's Baltel in place of Nordtel`, read with no Central Asian
    party: its organisations are counterparts of its article's deal, so it is a step of
    that deal; `Orbita launched its satellites`, a counterpart's own launch abroad, stays
    out."""
    kinds = ("5g",)
    facts = [
        article(
            "n1",
            "2024-05-21",
            [
                event("n1", 1, "cancelled", "2024-05-20", [FINLAND, BALTEL, NORDTEL], kinds),
                event("n1", 2, "agreement", "2024-05-17", [KZ, BALTEL, NORDTEL], kinds),
                event("n1", 3, "launch", "2023-12", [BRITAIN, ORBITA], kinds),
                event("n1", 4, "plan", "2024-05-21", [KZ, ORBITA], kinds),
            ],
        ),
        article(
            "n2", "2023-01-10", [event("n2", 1, "agreement", "2023-01-10", [KZ, NORDTEL], kinds)]
        ),
    ]
    (deal,) = deals_of(facts)
    assert sorted((h.article, h.event) for h in deal.history) == [
        ("n1", 1),
        ("n1", 2),
        ("n1", 4),
        ("n2", 1),
    ]


def test_the_one_deal_of_a_host_and_type_that_ended_takes_no_later_host_news():
    """`The republic is open to foreign investors in cloud services, the deputy minister
    said.` a year after the operator terminated its cloud venture with Skynet: not the
    venture's news; before its end it would have been."""
    kinds = ("cloud",)
    deal = [
        article(
            "e1", "2022-04-19", [event("e1", 1, "agreement", "2022-04-19", [KZ, SKYNET], kinds)]
        ),
        article(
            "e2", "2023-11-07", [event("e2", 1, "cancelled", "2023-11-07", [KZ, SKYNET], kinds)]
        ),
    ]
    later = article("e3", "2024-10-10", [event("e3", 1, "launch", "2024-10-10", [KZ], kinds)])
    assert groups(deals_of([*deal, later])) == [["e1", "e2"]]
    earlier = article("e4", "2023-05-10", [event("e4", 1, "plan", "2023-05-10", [KZ], kinds)])
    assert groups(deals_of([*deal, earlier])) == [["e1", "e2", "e4"]]


OPEN_DESK_AND_A2 = [("a1", 1), ("a2", 1)]

ZENITH = Party(id="zenith-fund", name="Zenith Fund", kind="intl")


def _events_by_deal(facts: list[ArticleFacts]) -> list[list[tuple[str, int]]]:
    return sorted(sorted((h.article, h.event) for h in d.history) for d in deals_of(facts))


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


SATELLITE = ("satellite",)

SKYNET_DEAL = [("a1", 1), ("a2", 1)]


def _background(facts: list[ArticleFacts]) -> list[tuple[list[tuple[str, int]], list[int]]]:
    """Each deal's events, and the numbers of those it tells as background."""
    return sorted(
        (
            sorted((h.article, h.event) for h in deal.history),
            [h.event for h in deal.history if h.background],
        )
        for deal in deals_of(facts)
    )


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


def test_an_article_with_no_events_or_an_empty_sentence_links_without_error() -> None:
    assert deals_of([article("a1", "2024-01-01", [], "No deal is told here.")]) == []
    empty = _event("a2", 1, "mou", None, [KZ, NORDTEL], "", "x")
    undated = article("a2", None, [empty], "x")
    assert [d.status for d in deals_of([undated])] == ["mou"]


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


def test_articles_with_no_events_link_to_no_deal() -> None:
    assert link([]) == []
    assert link([article("e1", "2024-01-10", [])]) == []


def test_a_home_companys_new_type_joins_no_other_companys_deal():
    """KazTel's exchange point finds no KazTel deal of its type; StepNet's exchange point,
    which does not name KazTel, is no deal of KazTel's either (rule 4)."""
    facts = [
        article(
            "t1", "2024-03-04", [event("t1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",))]
        ),
        article(
            "t2", "2024-04-04", [event("t2", 1, "launch", "2024-04-02", [KZ, STEPNET], ("ixp",))]
        ),
        article(
            "t3", "2024-05-04", [event("t3", 1, "launch", "2024-05-02", [KZ, KAZTEL], ("ixp",))]
        ),
    ]
    assert grouped(facts) == [[("t1", 1)], [("t2", 1)], [("t3", 1)]]


def test_an_articles_own_events_do_not_part_a_home_company_by_type():
    """The types a home company's deal is told with are those of other articles: one
    article telling its 5G launch and its exchange point is one deal (rule 4)."""
    facts = [
        article(
            "u1",
            "2024-03-04",
            [
                event("u1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",)),
                event("u1", 2, "launch", "2024-03-02", [KZ, KAZTEL], ("ixp",)),
            ],
        )
    ]
    assert grouped(facts) == [[("u1", 1), ("u1", 2)]]


def test_a_deal_of_one_undated_event_with_no_initiative_builds():
    alone = article("v1", None, [event("v1", 1, "agreement", None, [KZ, KAZTEL], ())])
    assert len(deals_from_facts([alone])) <= 1
    assert deals_from_facts([article("v2", "2024-03-04", [])]) == []
