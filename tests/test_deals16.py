"""Session 16's deal rules (docs/deals.md), each on sentences written for this file: rule
3's order of keys told by the articles, not by how the dictionary spells an id; a visit
read as a step is the visitors' talks."""

from __future__ import annotations

import dataclasses

import pytest

from ca_connect.deals.link import link
from ca_connect.deals.model import ArticleFacts
from ca_connect.deals.pipeline import facts_of
from ca_connect.deals.story import visit_only
from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse
from ca_connect.loader import load_articles
from ca_connect.models import Party
from tests.test_deals import BALTEL, KZ, NORDTEL, article, event
from tests.test_deals_history import dated_stages, deal_of, one_article_deal
from tests.test_deals_history import event as told

from .conftest import FIXTURES, PROJECT

VEKTOR = Party(id="vektor", name="Vektor Systems", kind="company", country="DE")


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


def grouped(facts: list[ArticleFacts]) -> list[list[tuple[str, int]]]:
    """The deals' events, without their ids (which follow their parties' names)."""
    return sorted(sorted(group.events) for group in link(facts))


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


# Every way the dictionary could order the three ids.
RENAMINGS = [
    {},
    {"nordtel": "baltel", "baltel": "nordtel"},
    {"nordtel": "zz-nordtel", "vektor": "aa-vektor"},
    {"baltel": "zz-baltel", "nordtel": "aa-nordtel", "vektor": "mm-vektor"},
]


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


# --- A visit read as a step -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Orbita delegation visited a village clinic connected to the new network.",
        "On Thursday the guests were shown the gateway station under construction near Almaty.",
        "During the trip, Orbita's engineers toured the satellite teleport built last year.",
        "Делегация Orbita посетила строящийся центр управления спутниками под Алматы.",
        "Гостям показали школу, подключенную к спутниковому интернету.",
    ],
)
def test_a_visit_read_as_work_or_a_launch_is_talks(sentence):
    """The site the visitors saw tells no step of their deal: the visit is talks, and the
    deal stands where its talks left it."""
    deal = deal_of(
        told(1, "talks", "2025-04-02", "The minister met Orbita's delegation in Astana."),
        told(2, "deployment", "2025-04-03", sentence),
        date="2025-04-03",
    )
    assert dated_stages(deal) == [("talks", "2025-04-02"), ("talks", "2025-04-03")]
    assert deal.status == "talks"


@pytest.mark.parametrize(
    "sentence",
    [
        # a step in a clause or verb of its own
        "The minister visited the gateway, where the first antenna was completed in May.",
        "Orbita's chief visited Almaty and opened the gateway station.",
        "Министр посетил станцию, которая введена в эксплуатацию в мае.",
        # the visit in another's clause
        "The gateway, which the minister visited in May, was commissioned on Monday.",
        "Works began in June, when the minister visited the site.",
        # a visit as a noun: the occasion of the step
        "During the minister's visit, Orbita began installing the antennas.",
    ],
)
def test_a_step_told_beside_a_visit_is_the_step(sentence):
    assert not visit_only(sentence)


# --- Organisations that go together ------------------------------------------------------


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


def told_one(article_id, date, stage, parties):
    return article(article_id, date, [event(article_id, 1, stage, date, parties)])


# --- A count of the work done so far ---------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "To date, 120 village schools have been connected to the gateway.",
        "So far the crews have laid 85 km of the 300-km line.",
        "На сегодня уже смонтирована 41 антенна.",
        "К настоящему времени подключены 40 сел.",
    ],
)
def test_a_count_of_the_work_done_so_far_is_work_under_way_as_of_its_article(sentence):
    """Told in a sentence no event reads, after work begun months before: a deployment of
    its article's day."""
    began = "Orbita began installing the gateway in March."
    deal = one_article_deal(
        [told(1, "deployment", "2024-03", began)], "2024-10-02", asides=((1, sentence),)
    )
    assert dated_stages(deal) == [("deployment", "2024-03"), ("deployment", "2024-10-02")]


def test_a_count_of_the_work_done_so_far_does_not_resume_work_stopped():
    """A suspension on Monday, then the count of what was installed by then: the deal is
    stalled, not under way again."""
    deal = one_article_deal(
        [
            told(1, "deployment", "2024-03", "Orbita began installing the gateway in March."),
            told(2, "cancelled", "2024-10-01", "On Monday the ministry suspended the contract."),
        ],
        "2024-10-03",
        asides=((2, "By now about 600 antennas have been installed."),),
    )
    assert ("deployment", "2024-10-03") in dated_stages(deal)
    assert deal.status == "stalled"


def test_work_done_by_the_time_of_an_end_does_not_revive_the_deal():
    """`Orbita, whose crews had installed 300 antennas, will seek compensation.` told after
    the contract's cancellation, read as work: the deal stays cancelled."""
    deal = one_article_deal(
        [
            told(1, "cancelled", "2024-10-01", "The ministry cancelled its contract with Orbita."),
            told(2, "deployment", "2024-10-01", "Orbita, whose crews had installed 300 antennas."),
        ],
        "2024-10-01",
    )
    assert deal.status == "cancelled"
