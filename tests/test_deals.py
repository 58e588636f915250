"""Deal linking, records and status (docs/deals.md), on events written by hand.

The linker reads event records and article metadata, so these tests build them directly:
they do not depend on how the event extractor reads a sentence.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from ca_connect.deals import deals_from_facts, newest_date, status_as_of
from ca_connect.deals.facts import facts_from_json, facts_json, fingerprint
from ca_connect.deals.link import link
from ca_connect.deals.model import ArticleFacts
from ca_connect.deals.named import NamedDeal
from ca_connect.deals.names import AliasFinder, find_project_names, name_key
from ca_connect.models import Event, EventSources, PartialDate, Party

KZ = Party(id="KZ", name="Kazakhstan", kind="country", country="KZ")
UZ = Party(id="UZ", name="Uzbekistan", kind="country", country="UZ")
AZ = Party(id="AZ", name="Azerbaijan", kind="country", country="AZ")
SKYNET = Party(id="skynet", name="Skynet Orbital", kind="company", country="US")
SKYNET_PARENT = Party(id="skyco", name="SkyCo", kind="company", country="US")
ORBITA = Party(id="orbita", name="Orbita Global", kind="company", country="GB")
KAZTEL = Party(id="kaztel", name="KazTel", kind="company", country="KZ")
NORDTEL = Party(id="nordtel", name="Nordtel", kind="company", country="SE")
BALTEL = Party(id="baltel", name="Baltel", kind="company", country="FI")
MINISTRY = Party(id="kz-ministry", name="Ministry of Digital Affairs", kind="agency", country="KZ")


def event(article, number, stage, date, parties, kinds=("satellite",), text="", **more):
    return Event(
        article_id=article,
        number=number,
        stage=stage,
        date=PartialDate.parse(date) if date else None,
        parties=list(parties),
        initiatives=list(kinds),
        field="body",
        start=0,
        end=len(text),
        text=text or f"{stage} sentence",
        **more,
    )


def article(article_id, date, events, text="", source=None, title=None, named=()):
    names = find_project_names(text, "body") if text else []
    if named and text:
        names += list(AliasFinder(named).find(text, "body"))
    countries = tuple(dict.fromkeys(p.id for e in events for p in e.parties if p.kind == "country"))
    return ArticleFacts(
        id=article_id,
        date=PartialDate.parse(date) if date else None,
        source=source,
        url=None,
        title=title,
        fingerprint=fingerprint(text or article_id),
        names=tuple(names),
        events=tuple(events),
        countries=countries,
        subject=next((c for c in countries if c in ("KZ", "UZ", "KG", "TJ", "TM")), None),
    )


def one(article_id, date, stage, parties):
    """An article whose one event happened on its publication date."""
    return article(article_id, date, [event(article_id, 1, stage, date, parties)])


def deals_of(facts, named=(), as_of=None):
    found = deals_from_facts(facts, named)
    when = as_of or newest_date(facts)
    return [status_as_of(deal, when) for deal in found]


def groups(deals):
    return sorted(sorted({h.article for h in d.history}) for d in deals)


# --- Linking -------------------------------------------------------------------------


def test_one_counterpart_in_one_country_is_one_deal_across_articles():
    facts = [
        article("a1", "2023-03-01", [event("a1", 1, "talks", "2023-03-01", [KZ, SKYNET])]),
        article("a2", "2024-05-02", [event("a2", 1, "agreement", "2024-05-02", [KZ, SKYNET])]),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"]]


def test_organisations_weigh_more_than_countries():
    """Two Kazakh memoranda with two different companies are two deals."""
    facts = [
        article("a1", "2024-01-10", [event("a1", 1, "mou", "2024-01-10", [KZ, SKYNET])]),
        article("a2", "2024-02-10", [event("a2", 1, "mou", "2024-02-10", [KZ, ORBITA])]),
    ]
    assert groups(deals_of(facts)) == [["a1"], ["a2"]]


def test_the_same_company_in_two_countries_is_two_deals():
    facts = [
        article("a1", "2024-01-10", [event("a1", 1, "talks", "2024-01-10", [KZ, SKYNET])]),
        article("a2", "2024-02-10", [event("a2", 1, "talks", "2024-02-10", [UZ, SKYNET])]),
    ]
    assert groups(deals_of(facts)) == [["a1"], ["a2"]]


def test_organisations_that_go_together_join_one_deal():
    """SkyCo appears beside Skynet in most of its articles: one deal, also where SkyCo
    is named alone."""
    facts = [
        article(
            "a1", "2024-01-10", [event("a1", 1, "talks", "2024-01-10", [KZ, SKYNET, SKYNET_PARENT])]
        ),
        article("a2", "2024-03-10", [event("a2", 1, "deployment", "2024-03-10", [KZ, SKYNET])]),
        article("a3", "2024-04-10", [event("a3", 1, "launch", "2024-04-10", [KZ, SKYNET_PARENT])]),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2", "a3"]]


def test_a_comparison_in_one_article_does_not_merge_two_deals():
    sky = [
        article(
            f"s{i}", f"2024-0{i}-01", [event(f"s{i}", 1, "talks", f"2024-0{i}-01", [KZ, SKYNET])]
        )
        for i in range(1, 4)
    ]
    orb = [
        article(
            f"o{i}", f"2024-0{i}-02", [event(f"o{i}", 1, "talks", f"2024-0{i}-02", [KZ, ORBITA])]
        )
        for i in range(1, 4)
    ]
    both = article(
        "both",
        "2024-05-01",
        [event("both", 1, "talks", "2024-05-01", [KZ, SKYNET, ORBITA])],
    )
    found = groups(deals_of([*sky, *orb, both]))
    assert ["both", "s1", "s2", "s3"] in found
    assert ["both", "o1", "o2", "o3"] in found


def test_a_project_name_links_articles_that_share_no_party():
    text_1 = "The ministry approved the Steppe Crossing project, a cable to the Caspian shore."
    text_2 = "Builders began laying the Steppe Crossing cable near the coast."
    facts = [
        article(
            "a1",
            "2024-01-10",
            [event("a1", 1, "agreement", "2024-01-10", [KZ, MINISTRY], ("fiber",), text_1)],
            text_1,
        ),
        article(
            "a2",
            "2024-06-10",
            [event("a2", 1, "deployment", "2024-06-10", [KZ], ("fiber",), text_2)],
            text_2 + " Work on the Steppe Crossing project goes on.",
        ),
    ]
    # the second article names the project in another sentence: its title-less event
    # has no key of its own, and the article joins through the fallback by host and type
    deals = deals_of(facts)
    assert groups(deals) == [["a1", "a2"]]
    assert deals[0].name == "Steppe Crossing"


def test_an_acronym_defined_in_one_article_links_another():
    text_1 = "The Steppe Caspian Link (SCL) was agreed by the two operators."
    text_2 = "The SCL project reached the coast this spring."
    facts = [
        article(
            "a1",
            "2023-01-10",
            [event("a1", 1, "agreement", "2023-01-10", [KZ, AZ, KAZTEL], ("fiber",), text_1)],
            text_1,
        ),
        article(
            "a2",
            "2025-06-10",
            [event("a2", 1, "deployment", "2025-06-10", [KZ], ("fiber",), text_2)],
            text_2,
        ),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"]]


def test_a_named_deal_alias_links_articles():
    named = [
        NamedDeal(
            id="steppe-crossing",
            name="Steppe Crossing cable",
            aliases=["SteppeX"],
            parties=["KZ", "AZ"],
            initiatives=["fiber"],
        )
    ]
    text_1 = "Kazakhstan and Azerbaijan signed the SteppeX agreement."
    text_2 = "SteppeX construction has started."
    facts = [
        article(
            "a1",
            "2024-01-10",
            [event("a1", 1, "agreement", "2024-01-10", [KZ, AZ], ("fiber",), text_1)],
            text_1,
            named=named,
        ),
        article(
            "a2",
            "2024-09-10",
            [event("a2", 1, "deployment", "2024-09-10", [KZ], ("fiber",), text_2)],
            text_2,
            named=named,
        ),
    ]
    deals = deals_of(facts, named)
    assert [(d.id, d.name, d.named) for d in deals] == [
        ("steppe-crossing", "Steppe Crossing cable", True)
    ]
    assert groups(deals) == [["a1", "a2"]]


def test_a_named_deal_keeps_one_id_when_an_event_also_names_another_deal():
    named = [NamedDeal(id="skylink-kz", name="Skylink in Kazakhstan", aliases=["Skylink"])]
    texts = {
        "s1": "Skylink won a licence in Kazakhstan.",
        "s2": "Skylink began tests in Kazakhstan.",
        "o3": "Orbita Global said its terminals outsell Skylink in Kazakhstan.",
    }
    facts = [
        article(
            a,
            f"2024-0{n}-10",
            [event(a, 1, "talks", f"2024-0{n}-10", [KZ], text=t)],
            t,
            named=named,
        )
        for n, (a, t) in enumerate(texts.items(), 1)
        if a != "o3"
    ] + [
        one("o1", "2024-01-20", "mou", [KZ, ORBITA]),
        one("o2", "2024-02-20", "agreement", [KZ, ORBITA]),
        article(
            "o3",
            "2024-03-20",
            [event("o3", 1, "deployment", "2024-03-20", [KZ, ORBITA], text=texts["o3"])],
            texts["o3"],
            named=named,
        ),
    ]
    deals = {d.id: sorted({h.article for h in d.history}) for d in deals_of(facts, named)}
    assert deals == {"skylink-kz": ["o3", "s1", "s2"], "orbita-global-kz": ["o1", "o2", "o3"]}


def test_articles_years_apart_are_two_deals():
    """The same partners six years later: a new deal, not the old one's history."""
    facts = [
        article("a1", "2018-03-01", [event("a1", 1, "talks", "2018-03-01", [KZ, NORDTEL, KAZTEL])]),
        article(
            "a2", "2018-12-01", [event("a2", 1, "launch", "2018-12-01", [KZ, NORDTEL, KAZTEL])]
        ),
        article("a3", "2025-03-01", [event("a3", 1, "plan", "2025-03-01", [KZ, NORDTEL])]),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"], ["a3"]]


def test_a_background_mention_joins_the_history_with_its_own_date():
    facts = [
        article(
            "a1",
            "2024-04-01",
            [
                event("a1", 1, "agreement", "2024-04-01", [KZ, SKYNET]),
                event("a1", 2, "mou", "2019", [KZ, SKYNET], text="In 2019 the two signed a memo."),
            ],
        ),
        article("a2", "2024-10-01", [event("a2", 1, "deployment", "2024-10-01", [KZ, SKYNET])]),
    ]
    (deal,) = deals_of(facts)
    assert [(str(h.date), h.stage) for h in deal.history] == [
        ("2019", "mou"),
        ("2024-04-01", "agreement"),
        ("2024-10-01", "deployment"),
    ]
    assert str(deal.first_seen) == "2019"


def test_an_event_without_a_counterpart_joins_its_article_deal():
    facts = [
        article(
            "a1",
            "2024-04-01",
            [
                event("a1", 1, "agreement", "2024-04-01", [KZ, SKYNET]),
                event("a1", 2, "plan", "2024-04-01", [KZ]),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [h.event for h in deal.history] == [1, 2]


def test_a_country_policy_alone_is_no_deal():
    facts = [article("a1", "2024-04-01", [event("a1", 1, "plan", "2024-04-01", [KZ])])]
    assert deals_of(facts) == []


# --- Ids ----------------------------------------------------------------------------


def test_the_same_corpus_gives_the_same_ids():
    facts = [
        article("a1", "2024-01-10", [event("a1", 1, "talks", "2024-01-10", [KZ, SKYNET])]),
        article("a2", "2024-02-10", [event("a2", 1, "mou", "2024-02-10", [KZ, ORBITA])]),
    ]
    first = [g.id for g in link(facts)]
    assert first == [g.id for g in link(list(reversed(facts)))]
    assert first == ["skynet-orbital-kz", "orbita-global-kz"]


def test_ids_stay_when_an_article_is_added():
    facts = [article("a1", "2024-01-10", [event("a1", 1, "talks", "2024-01-10", [KZ, SKYNET])])]
    (before,) = link(facts)
    previous = {ref: before.id for ref in before.events}
    # an older article with another counterpart renames nothing
    older = article("a0", "2023-01-10", [event("a0", 1, "mou", "2023-01-10", [KZ, SKYNET, ORBITA])])
    after = link([*facts, older], previous=previous)
    assert [g.id for g in after] == [before.id]


# --- Status -------------------------------------------------------------------------


def test_status_is_the_newest_progress_talks_and_plans_do_not_set_it_back():
    facts = [
        article(
            "a1",
            "2024-06-01",
            [
                event("a1", 1, "agreement", "2023-01-01", [KZ, SKYNET]),
                event("a1", 2, "deployment", "2024-03-01", [KZ, SKYNET]),
                event("a1", 3, "talks", "2024-06-01", [KZ, SKYNET]),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert (deal.status, str(deal.status_date)) == ("deployment", "2024-03-01")


def test_a_deal_with_no_event_for_24_months_is_stalled():
    facts = [
        article("a1", "2021-05-01", [event("a1", 1, "agreement", "2021-05-01", [KZ, SKYNET])]),
        article("a2", "2024-06-01", [event("a2", 1, "talks", "2024-06-01", [UZ, ORBITA])]),
    ]
    deals = {d.id: d for d in deals_of(facts)}
    assert deals["skynet-orbital-kz"].status == "stalled"
    base = {d.id: d for d in deals_from_facts(facts)}["skynet-orbital-kz"]
    later = status_as_of(base, PartialDate.parse("2024-06-01"), stalled_after=40)
    assert later.status == "agreement"


def test_a_launched_deal_never_stalls():
    facts = [article("a1", "2018-12-01", [event("a1", 1, "launch", "2018-12-01", [KZ, SKYNET])])]
    (deal,) = deals_of(facts, as_of=PartialDate.parse("2026"))
    assert deal.status == "launch"


def test_a_cancellation_last_cancels_and_one_the_deal_went_on_after_stalls_it():
    facts = [
        article(
            "a1",
            "2024-09-01",
            [
                event("a1", 1, "agreement", "2024-01-01", [KZ, SKYNET]),
                event("a1", 2, "cancelled", "2024-09-01", [KZ, SKYNET]),
            ],
        ),
        article(
            "b1",
            "2024-09-01",
            [
                event("b1", 1, "cancelled", "2024-02-01", [UZ, ORBITA], text="Works halted."),
                event("b1", 2, "agreement", "2024-08-01", [UZ, ORBITA]),
            ],
        ),
    ]
    deals = {d.id: d for d in deals_of(facts)}
    assert deals["skynet-orbital-kz"].status == "cancelled"
    orbita = deals["orbita-global-uz"]
    assert [h.stage for h in orbita.history] == ["stalled", "agreement"]
    assert orbita.status == "agreement"


def test_a_missed_target_is_recorded():
    facts = [
        article(
            "a1",
            "2023-06-01",
            [
                event("a1", 1, "agreement", "2020-01-01", [KZ, SKYNET]),
                event("a1", 2, "plan", "2021", [KZ, SKYNET], planned=True),
                event("a1", 3, "deployment", "2023-06-01", [KZ, SKYNET]),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [str(d) for d in deal.missed_targets] == ["2021"]


def test_partner_change_marks_the_dropped_party():
    text = "The government replaced Nordtel with Baltel as the cable's builder."
    facts = [
        article("a1", "2022-01-01", [event("a1", 1, "agreement", "2022-01-01", [KZ, NORDTEL])]),
        article(
            "a2",
            "2023-01-01",
            [event("a2", 1, "agreement", "2023-01-01", [KZ, NORDTEL, BALTEL], text=text)],
        ),
        article("a3", "2023-06-01", [event("a3", 1, "deployment", "2023-06-01", [KZ, BALTEL])]),
    ]
    (deal,) = deals_of(facts)
    assert [h.stage for h in deal.history] == ["agreement", "partner-change", "deployment"]
    parties = {p.id: p for p in deal.parties}
    assert parties["nordtel"].dropped == "a2#1"
    assert parties["baltel"].joined == "a2#1" and parties["baltel"].dropped is None


def test_a_delay_in_the_evidence_is_a_stall():
    text = "Construction of the line was delayed by a year."
    facts = [
        article(
            "a1",
            "2024-02-01",
            [
                event("a1", 1, "agreement", "2023-01-01", [KZ, SKYNET]),
                event("a1", 2, "deployment", "2024-02-01", [KZ, SKYNET], text=text),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [h.stage for h in deal.history] == ["agreement", "stalled"]


# --- Sources ------------------------------------------------------------------------


def test_syndicated_copies_count_once_and_outlets_are_distinct():
    text = "Skynet Orbital and the Kazakh ministry agreed on a ground station near Almaty."
    facts = [
        article(
            "a1",
            "2024-01-10",
            [event("a1", 1, "agreement", "2024-01-10", [KZ, SKYNET])],
            text,
            source="steppe-news.example",
        ),
        article(
            "a2",
            "2024-01-11",
            [event("a2", 1, "agreement", "2024-01-10", [KZ, SKYNET])],
            text,
            source="caspian-daily.example",
        ),
        article(
            "a3",
            "2024-03-01",
            [event("a3", 1, "deployment", "2024-03-01", [KZ, SKYNET])],
            "Work on the ground station began in March.",
            source="steppe-news.example",
        ),
    ]
    (deal,) = deals_of(facts)
    assert (deal.articles, deal.outlets) == (2, 2)
    assert [s.copy_of for s in deal.sources] == [None, "a1", None]


# --- Names and facts --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Steppe Crossing project was approved.", ["steppecrossing"]),
        ("The Steppe-Crossing Cable project was approved.", ["steppecrossing"]),
        ("the “Bright Village” programme began", ["brightvillage"]),
        ("The Pilot Project was approved.", []),
        ("Orion Fibre Link (OFL) is planned; the OFL project starts soon.", ["orionfibre"] * 3),
    ],
)
def test_project_names(text, names):
    assert [n.key for n in find_project_names(text, "body")] == names


def test_name_keys_ignore_spelling_and_kind_words():
    assert name_key("Trans-Steppe Fibre Optic Line") == name_key("TransSteppe Fibre Optic")


def test_facts_survive_json():
    facts = article(
        "a1",
        "2024-01-10",
        [event("a1", 1, "talks", "2024-01-10", [KZ, SKYNET])],
        "The Steppe Crossing project was discussed.",
    )
    assert facts_from_json(facts_json(facts)) == facts
    clues = dataclasses.replace(
        facts,
        date=None,
        dateline=(9, 5),
        told=PartialDate.parse("2025-07-02"),
        delays=((1, "The works were delayed again."),),
        changes=((1, "It chose Baltel in place of Nordtel."),),
    )
    assert facts_from_json(facts_json(clues)) == clues


def test_facts_most_articles_lack_are_not_stored_when_empty():
    facts = article(
        "a1",
        "2024-01-10",
        [event("a1", 1, "talks", "2024-01-10", [KZ, SKYNET])],
        "The Steppe Crossing project was discussed.",
    )
    stored = json.loads(facts_json(facts))
    assert not {"dateline", "told", "timeline", "delays", "changes", "asides"} & set(stored)
    assert facts_from_json(facts_json(facts)) == facts


# --- More rules of the README ------------------------------------------------------

RUSSIA = Party(id="RU", name="Russia", kind="country", country="RU")


def test_an_event_abroad_joins_no_deal_by_itself():
    """`Russia will launch Orbita's satellites`: no Central Asian host, no deal of its own
    with the Kazakh one."""
    facts = [
        one("k1", "2024-01-10", "agreement", [KZ, ORBITA]),
        one("k2", "2024-03-10", "deployment", [KZ, ORBITA]),
        one("r1", "2024-02-10", "plan", [RUSSIA, ORBITA]),
    ]
    assert groups(deals_of(facts)) == [["k1", "k2"]]


def test_an_event_with_only_a_home_company_joins_where_that_company_is_seen():
    facts = [
        one("a1", "2024-01-10", "agreement", [KZ, SKYNET, KAZTEL]),
        one("a2", "2024-04-10", "deployment", [KZ, KAZTEL]),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"]]


def test_an_event_with_only_a_home_company_stays_with_its_article_deal():
    # KazTel takes part in two deals; the article's other event tells which one.
    facts = [
        one("s1", "2024-01-10", "agreement", [KZ, SKYNET, KAZTEL]),
        one("s2", "2024-02-10", "deployment", [KZ, SKYNET, KAZTEL]),
        one("s3", "2024-03-10", "launch", [KZ, SKYNET, KAZTEL]),
        one("o1", "2024-01-20", "mou", [KZ, ORBITA, KAZTEL]),
        one("o2", "2024-02-20", "agreement", [KZ, ORBITA, KAZTEL]),
        article(
            "o3",
            "2024-03-20",
            [
                event("o3", 1, "deployment", "2024-03-20", [KZ, ORBITA]),
                event("o3", 2, "plan", "2024-03-20", [KZ, KAZTEL]),
            ],
        ),
    ]
    assert groups(deals_of(facts)) == [["o1", "o2", "o3"], ["s1", "s2", "s3"]]


def test_a_foreign_supplier_named_once_beside_two_home_companies_is_their_story():
    # Two Kazakh operators build a shared network; one sentence of a later article says
    # Nordtel lent the radios. Nordtel is no deal of its own: the article is one story.
    qaznet = Party(id="qaznet", name="QazNet", kind="company", country="KZ")
    facts = [
        one("a1", "2024-01-10", "mou", [KZ, KAZTEL, qaznet]),
        article(
            "a2",
            "2024-06-10",
            [
                event("a2", 1, "deployment", "2024-06-10", [KZ, KAZTEL, qaznet]),
                event("a2", 2, "agreement", "2024-06-10", [KZ, NORDTEL]),
            ],
        ),
    ]
    (deal,) = deals_of(facts)
    assert sorted((h.article, h.event) for h in deal.history) == [
        ("a1", 1),
        ("a2", 1),
        ("a2", 2),
    ]


def test_a_foreign_company_named_in_two_events_is_still_a_deal_of_its_own():
    qaznet = Party(id="qaznet", name="QazNet", kind="company", country="KZ")
    facts = [
        one("a1", "2024-01-10", "mou", [KZ, KAZTEL, qaznet]),
        article(
            "a2",
            "2024-06-10",
            [
                event("a2", 1, "deployment", "2024-06-10", [KZ, KAZTEL, qaznet]),
                event("a2", 2, "agreement", "2024-06-10", [KZ, NORDTEL]),
                event("a2", 3, "plan", "2024-06-10", [KZ, NORDTEL]),
            ],
        ),
    ]
    assert len(deals_of(facts)) == 2


def test_an_event_with_only_a_home_company_seen_alike_in_two_deals_joins_the_larger():
    # KazTel is named by every article of both deals: the one told by more articles wins.
    facts = [
        one("s1", "2024-01-10", "agreement", [KZ, SKYNET, KAZTEL]),
        one("s2", "2024-02-10", "deployment", [KZ, SKYNET, KAZTEL]),
        one("o1", "2024-01-20", "mou", [KZ, ORBITA, KAZTEL]),
        one("x1", "2024-03-10", "launch", [KZ, KAZTEL]),
    ]
    assert groups(deals_of(facts)) == [["o1"], ["s1", "s2", "x1"]]


def test_an_event_most_of_whose_companies_a_deal_does_not_name_stays_out_of_it():
    # A rival operator's launch that also names the national one tells another story.
    rival = Party(id="steppe-mobile", name="Steppe Mobile", kind="company", country="KZ")
    owner = Party(id="new:tundra-holding", name="Tundra Holding", kind="company")
    facts = [
        one("s1", "2024-01-10", "agreement", [KZ, SKYNET, KAZTEL]),
        one("s2", "2024-02-10", "deployment", [KZ, SKYNET, KAZTEL]),
        one("r1", "2024-03-10", "launch", [KZ, rival, owner, KAZTEL]),
    ]
    assert groups(deals_of(facts)) == [["r1"], ["s1", "s2"]]


def test_an_event_whose_parties_come_from_context_founds_no_deal():
    # "It also unveiled new bundles.": Orbita and Kazakhstan are read from the sentences
    # around, so the sentence names no step of a deal of theirs.
    context = EventSources(parties="context")
    facts = [
        one("o1", "2024-01-20", "agreement", [KZ, ORBITA]),
        one("o2", "2024-02-20", "deployment", [KZ, ORBITA]),
        article(
            "x1",
            "2024-03-01",
            [event("x1", 1, "launch", "2024-03-01", [KZ, ORBITA], sources=context)],
        ),
        article(
            "x2",
            "2024-03-05",
            [
                event("x2", 1, "agreement", "2024-03-05", [KZ, SKYNET]),
                event("x2", 2, "launch", "2024-03-05", [KZ, ORBITA], sources=context),
            ],
        ),
    ]
    found = deals_of(facts)
    assert groups(found) == [["o1", "o2"], ["x2"]]
    assert [h.event for h in found[1].history] == [1, 2]


def test_an_event_with_parties_from_context_joins_the_story_its_article_founds():
    # A local provider opens its own data centre; the next sentence ("The facility is not
    # part of the state programme.") reads Kazakhstan from context: it belongs to the
    # provider's story, not to the one state data-centre deal of Kazakhstan.
    provider = Party(id="steppe-dc", name="Steppe DC", kind="company", country="KZ")
    context = EventSources(parties="context")
    kinds = ("data-center",)
    facts = [
        one_of_kind("s1", "2024-01-10", "agreement", [KZ, SKYNET], kinds),
        one_of_kind("s2", "2024-05-10", "deployment", [KZ, SKYNET], kinds),
        article(
            "p1",
            "2024-06-01",
            [
                event("p1", 1, "launch", "2024-06-01", [KZ, provider], kinds),
                event("p1", 2, "plan", "2024-06-01", [KZ], kinds, sources=context),
            ],
        ),
    ]
    found = deals_of(facts)
    assert groups(found) == [["p1"], ["s1", "s2"]]
    (own,) = [d for d in found if d.history[0].article == "p1"]
    assert [(h.event, h.background) for h in own.history] == [(1, False), (2, False)]


def one_of_kind(article_id, date, stage, parties, kinds):
    return article(article_id, date, [event(article_id, 1, stage, date, parties, kinds)])


def test_a_body_of_one_country_of_a_cross_border_deal_joins_its_article_deal():
    tj = Party(id="TJ", name="Tajikistan", kind="country", country="TJ")
    pamirnet = Party(id="pamirnet", name="PamirNet", kind="company", country="TJ")
    regulator = Party(id="tj-regulator", name="Antimonopoly Service", kind="agency", country="TJ")
    facts = [
        one("b1", "2024-08-01", "agreement", [KZ, tj, KAZTEL, pamirnet]),
        article(
            "b2",
            "2025-11-05",
            [
                event("b2", 1, "launch", "2025-11-04", [KZ, KAZTEL, tj, pamirnet]),
                event("b2", 2, "agreement", "2025-04", [tj, regulator]),
            ],
        ),
    ]
    (deal,) = deals_of(facts)
    assert [(h.article, h.event) for h in deal.history] == [("b1", 1), ("b2", 2), ("b2", 1)]


def test_a_cross_border_event_of_two_operators_joins_its_article_one_side_deal():
    # "The two operators now aim to switch the link on in 2023": the operators are read
    # from the sentences before; the article's deal is told from the Tajik side.
    tj = Party(id="TJ", name="Tajikistan", kind="country", country="TJ")
    pamirnet = Party(id="pamirnet", name="PamirNet", kind="company", country="TJ")
    uzline = Party(id="uzline", name="UzLine", kind="company", country="UZ")
    context = EventSources(parties="context")
    facts = [
        one("c1", "2021-02-01", "agreement", [tj, SKYNET]),
        article(
            "c2",
            "2022-02-11",
            [
                event("c2", 1, "agreement", "2022-02-11", [tj, SKYNET]),
                event("c2", 2, "plan", "2022-02-11", [pamirnet, uzline], sources=context),
            ],
        ),
    ]
    (deal,) = deals_of(facts)
    assert [(h.article, h.event) for h in deal.history] == [("c1", 1), ("c2", 1), ("c2", 2)]


def test_the_country_alone_beside_a_cross_border_deal_may_be_its_own_news():
    tj = Party(id="TJ", name="Tajikistan", kind="country", country="TJ")
    pamirnet = Party(id="pamirnet", name="PamirNet", kind="company", country="TJ")
    facts = [
        one("b1", "2024-08-01", "agreement", [KZ, tj, KAZTEL, pamirnet]),
        article(
            "b2",
            "2025-11-05",
            [
                event("b2", 1, "launch", "2025-11-04", [KZ, KAZTEL, tj, pamirnet]),
                event(
                    "b2", 2, "plan", "2025-11-05", [tj], text="Tajikistan will wire 900 villages."
                ),
            ],
        ),
    ]
    (deal,) = deals_of(facts)
    assert [(h.article, h.event) for h in deal.history] == [("b1", 1), ("b2", 1)]


def test_what_one_article_alone_tells_beside_a_deal_is_its_background():
    facts = [
        article(
            "a1",
            "2024-01-10",
            [
                event("a1", 1, "agreement", "2024-01-10", [KZ, SKYNET]),
                event("a1", 2, "mou", "2024-01-10", [KZ, NORDTEL], ("fiber",)),
            ],
        ),
        one("a2", "2024-05-10", "deployment", [KZ, SKYNET]),
    ]
    (deal,) = deals_of(facts)
    assert [(h.article, h.event) for h in deal.history] == [("a1", 1), ("a1", 2), ("a2", 1)]


def test_status_counts_only_the_current_phase():
    """A launch ten years before new talks says nothing of the talks."""
    facts = [
        article(
            "a1",
            "2026-02-01",
            [
                event("a1", 1, "launch", "2015-04", [KZ, SKYNET]),
                event("a1", 2, "talks", "2026-02-01", [KZ, SKYNET]),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert deal.status == "talks"


def test_one_alias_names_one_deal_per_host_country():
    named = [
        NamedDeal(id="skynet-kz", name="Skynet in Kazakhstan", aliases=["Skynet"], parties=["KZ"]),
        NamedDeal(id="skynet-uz", name="Skynet in Uzbekistan", aliases=["Skynet"], parties=["UZ"]),
    ]
    text_kz = "Skynet won a licence in Kazakhstan."
    text_uz = "Skynet started tests in Uzbekistan."
    facts = [
        article(
            "a1",
            "2024-01-10",
            [event("a1", 1, "agreement", "2024-01-10", [KZ, SKYNET], text=text_kz)],
            text_kz,
            named=named,
        ),
        article(
            "a2",
            "2024-02-10",
            [event("a2", 1, "deployment", "2024-02-10", [UZ, SKYNET], text=text_uz)],
            text_uz,
            named=named,
        ),
    ]
    assert sorted((d.id, d.history[0].article) for d in deals_of(facts, named)) == [
        ("skynet-kz", "a1"),
        ("skynet-uz", "a2"),
    ]


def test_candidates_propose_deal_names_no_named_deal_has():
    from ca_connect.maintain.candidates import find_candidates
    from ca_connect.models import EntityDictionary, TaggedArticle

    body = (
        "The Steppe Crossing project will link two ports. "
        "Work on the “Bright Village” programme began."
    )
    tagged = TaggedArticle(id="a1", path="a1.txt", body=body)
    named = [NamedDeal(id="bright", name="Bright Village")]
    names = [c.name for c in find_candidates([tagged], EntityDictionary(), named)]
    assert "deal: Steppe Crossing" in names
    assert "deal: Bright Village" not in names


TJ = Party(id="TJ", name="Tajikistan", kind="country", country="TJ")
TAJTEL = Party(id="tajtel", name="TajTel", kind="company", country="TJ")
UZTEL = Party(id="uztel", name="UzTel", kind="company", country="UZ")
BANK = Party(id="devbank", name="Development Bank", kind="intl", country=None)


def test_a_cross_border_deal_is_one_deal_from_either_side():
    """Two Central Asian operators' cable: told with both countries, or one side only."""
    facts = [
        one("a1", "2023-01-10", "mou", [UZ, TJ, UZTEL, TAJTEL]),
        one("a2", "2023-06-10", "agreement", [UZTEL, TAJTEL]),
        one("a3", "2023-09-10", "agreement", [UZ, BANK, UZTEL]),
        article(
            "a4",
            "2024-01-10",
            [
                event("a4", 1, "deployment", "2024-01-10", [TJ, TAJTEL, UZTEL], ("fiber",)),
                event("a4", 2, "agreement", "2023-09-10", [UZ, BANK]),
            ],
        ),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2", "a3", "a4"]]


def test_the_same_partners_on_another_topic_are_another_deal():
    """Roaming talks between the two operators of a cable are not the cable's story."""
    facts = [
        article(
            f"c{i}",
            f"2024-0{i}-10",
            [event(f"c{i}", 1, s, f"2024-0{i}-10", [KZ, NORDTEL], ("fiber",))],
        )
        for i, s in ((1, "mou"), (2, "agreement"), (3, "deployment"))
    ]
    roaming = article(
        "r1", "2024-04-10", [event("r1", 1, "talks", "2024-04-10", [KZ, NORDTEL], ("mobile",))]
    )
    assert groups(deals_of([*facts, roaming])) == [["c1", "c2", "c3"], ["r1"]]


def test_an_undated_completion_counts_as_progress():
    facts = [
        one("a1", "2018-07-01", "agreement", [KZ, NORDTEL]),
        article("a2", None, [event("a2", 1, "launch", None, [KZ, NORDTEL])]),
    ]
    (deal,) = deals_of(facts, as_of=PartialDate.parse("2026"))
    assert deal.status == "launch"


def test_a_side_mention_is_background_and_does_not_set_the_status():
    facts = [
        article(
            "a1",
            "2024-06-01",
            [
                event("a1", 1, "talks", "2024-06-01", [KZ, SKYNET]),
                event("a1", 2, "launch", "2024-06-01", [KZ, ORBITA]),
            ],
        ),
        one("a2", "2024-08-01", "talks", [KZ, SKYNET]),
    ]
    (deal,) = deals_of(facts)
    assert [h.background for h in deal.history] == [False, True, False]
    assert deal.status == "talks"


def test_an_event_naming_another_company_does_not_join_the_one_deal_of_its_host():
    """`Nordtel launched 4G in the metro` is not the Skynet deal, the only Kazakh mobile
    one; `4G reached the metro`, naming no company, is."""
    facts = [
        article(
            "a1",
            "2024-01-10",
            [event("a1", 1, "agreement", "2024-01-10", [KZ, SKYNET], ("mobile",))],
        ),
        article(
            "a2", "2024-03-10", [event("a2", 1, "launch", "2024-03-10", [KZ, KAZTEL], ("mobile",))]
        ),
        article("a3", "2024-04-10", [event("a3", 1, "launch", "2024-04-10", [KZ], ("mobile",))]),
    ]
    found = groups(deals_of(facts))
    assert ["a1", "a3"] in found and ["a1", "a2", "a3"] not in found


def test_an_event_abroad_does_not_join_its_article_deal():
    """`India approved a similar project`, in a Starlink article, is not Starlink's."""
    india = Party(id="IN", name="India", kind="country", country="IN")
    facts = [
        article(
            "a1",
            "2024-06-01",
            [
                event("a1", 1, "talks", "2024-06-01", [KZ, SKYNET]),
                event("a1", 2, "agreement", "2024-06-01", [india]),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [h.event for h in deal.history] == [1]


def test_the_host_government_alone_may_join_the_one_deal_of_its_host_and_type():
    ministry = Party(id="kg-ministry", name="Ministry", kind="agency", country="KG")
    kg = Party(id="KG", name="Kyrgyzstan", kind="country", country="KG")
    facts = [
        one("a1", "2024-01-10", "talks", [kg, SKYNET]),
        one("a2", "2024-03-10", "plan", [kg, ministry]),
    ]
    assert groups(deals_of(facts)) == [["a1", "a2"]]


def test_a_named_deals_file_refuses_yaml_anchors() -> None:
    from ca_connect.deals.named import parse_named_deals
    from ca_connect.errors import DictionaryError

    text = (
        "deals:\n"
        "  - {id: north-line, name: North line, parties: &who [KZ]}\n"
        "  - {id: south-line, name: South line, parties: *who}\n"
    )
    with pytest.raises(DictionaryError, match=r"^deals\.yaml:2: YAML anchors and aliases"):
        parse_named_deals(text, "deals.yaml")


def test_a_contract_after_the_launch_does_not_set_the_status_back():
    facts = [
        article(
            "a1",
            "2024-06-02",
            [
                event("a1", 1, "launch", "2024-06-01", [KZ, SKYNET], text="The link went live."),
                event("a1", 2, "agreement", "2024-06-02", [KZ, KAZTEL], text="Capacity sold."),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert (deal.status, str(deal.status_date)) == ("launch", "2024-06-01")


def test_an_alternative_planned_after_a_dated_cancellation_leaves_it_cancelled():
    facts = [
        article(
            "a1",
            "2023-03-29",
            [
                event("a1", 1, "mou", "2021-05-17", [KZ, SKYNET]),
                event("a1", 2, "cancelled", "2023-03-29", [KZ, SKYNET]),
                event("a1", 3, "plan", "2023-03-29", [KZ], text="Another portal will do it."),
                event("a1", 4, "mou", None, [KZ, SKYNET], text="The memorandum of May."),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [h.stage for h in deal.history][:3] == ["mou", "cancelled", "plan"]
    assert deal.status == "cancelled"


def test_an_undated_article_dated_by_one_of_its_deals_is_dated_in_the_others():
    # u1 reports the Skynet rollout that s1 dates, and Orbita's works besides: it was
    # written when the rollout was news, in the Orbita deal as well.
    facts = [
        one("s1", "2024-04-10", "deployment", [KZ, SKYNET, KAZTEL]),
        one("s2", "2024-09-10", "launch", [KZ, SKYNET]),
        one("o1", "2023-02-01", "mou", [KZ, ORBITA]),
        one("o2", "2023-06-01", "agreement", [KZ, ORBITA]),
        article(
            "u1",
            None,
            [
                event("u1", 1, "deployment", None, [KZ, SKYNET, KAZTEL]),
                event("u1", 2, "deployment", None, [KZ, ORBITA]),
            ],
        ),
    ]
    deals = {d.id: d for d in deals_from_facts(facts)}
    assert {d: sorted({h.article for h in deal.history}) for d, deal in deals.items()} == {
        "skynet-orbital-kaztel-kz": ["s1", "s2", "u1"],
        "orbita-global-kz": ["o1", "o2", "u1"],
    }
    dates = {(h.article, h.event): str(h.date) for d in deals.values() for h in d.history}
    assert dates[("u1", 1)] == dates[("u1", 2)] == "2024-04"


def test_eval_links_only_the_articles_its_gold_lists():
    # A set's README beside its articles, naming both deals' partners in one line, is no
    # article of the set: it bridges nothing.
    from ca_connect.deals.evaluate import GoldDeals, score_articles
    from ca_connect.models import EntityDictionary, TaggedArticle

    def tagged(article_id, parties):
        text = f"{article_id} agreement sentence"
        found = [event(article_id, 1, "agreement", "2024-01-10", parties, text=text)]
        return TaggedArticle(
            id=article_id, path=f"{article_id}.md", body=text, events=found, countries=["KZ"]
        )

    gold = GoldDeals.model_validate(
        {
            "deals": [{"id": "skynet"}, {"id": "orbita"}],
            "articles": [
                {"file": "a1.md", "deals": ["skynet"]},
                {"file": "a2.md", "deals": ["orbita"]},
            ],
        }
    )
    articles = [
        tagged("a1", [KZ, SKYNET]),
        tagged("a2", [KZ, ORBITA]),
        tagged("README", [KZ, SKYNET, ORBITA]),
    ]
    scores = score_articles(gold, articles, [], EntityDictionary())
    assert (scores.precision, scores.recall) == (1.0, 1.0)


def test_eval_judges_each_deal_as_of_its_own_newest_article():
    from ca_connect.deals.evaluate import newest_source

    facts = [
        article("a1", "2021-05-01", [event("a1", 1, "deployment", "2021-05-01", [KZ, SKYNET])]),
        article("a2", "2025-06-01", [event("a2", 1, "talks", "2025-06-01", [UZ, ORBITA])]),
    ]
    deals = {d.id: d for d in deals_from_facts(facts)}
    skynet = deals["skynet-orbital-kz"]
    assert status_as_of(skynet, newest_date(facts)).status == "stalled"
    assert status_as_of(skynet, newest_source(skynet)).status == "deployment"


def test_deals_rows_from_stored_summaries_match_the_deals_built_whole():
    from ca_connect.deals.query import deal_order, deal_row, deal_summary, select_deals
    from ca_connect.deals.rows import Month, select_deal_rows
    from ca_connect.vocab import Filters

    facts = [
        article("a1", "2019-05-01", [event("a1", 1, "agreement", "2019-05-01", [KZ, SKYNET])]),
        article("a2", "2024-06-01", [event("a2", 1, "launch", "2024-06-01", [UZ, ORBITA])]),
        article("a3", "2023-02-01", [event("a3", 1, "talks", "2023-02-01", [KZ, NORDTEL])]),
        article("a4", None, [event("a4", 1, "plan", None, [KZ, BALTEL])]),
    ]
    built = deals_from_facts(facts)

    class Stored:
        def deals(self):
            return built

        def each_deal(self):
            return iter(built)

        def deal_summaries(self):
            return [deal_summary(d) for d in sorted(built, key=deal_order)]

        def newest_date(self):
            return newest_date(facts)

        def newest_month(self):
            newest = newest_date(facts)
            return Month(newest.year, newest.month)

    day = PartialDate.parse
    for filters, statuses, as_of in [
        (Filters(), (), None),
        (Filters(), ("stalled",), None),
        (Filters(), ("stalled",), day("2020")),
        (Filters(countries=("KZ",)), (), None),
        (Filters(organizations=("orbita",)), (), None),
        (Filters(since=day("2023"), until=day("2023-06")), (), None),
        (Filters(stages=("talks", "launch")), ("launch",), None),
        (Filters(partners=("baltel",)), (), None),
    ]:
        whole = [
            deal_row(d) for d in select_deals(Stored(), filters, statuses=statuses, as_of=as_of)
        ]
        rows = select_deal_rows(Stored(), filters, statuses=statuses, as_of=as_of)
        assert rows == whole, (filters, statuses, as_of)


def test_an_event_naming_only_the_host_government_joins_its_article_deal_found_later():
    """`The Cabinet annulled the auction` names no key; the operators named after it
    found the article's deal, and the annulment is its end."""
    qazcell = Party(id="qazcell", name="QazCell", kind="company", country="KZ")
    facts = [
        article(
            "a1",
            "2024-01-17",
            [
                event("a1", 1, "cancelled", "2024-01-16", [KZ, MINISTRY], ("5g",)),
                event("a1", 2, "plan", "2024-01-17", [KAZTEL, qazcell], ("5g",)),
            ],
        )
    ]
    (deal,) = deals_of(facts)
    assert [h.event for h in deal.history] == [1, 2]
    assert deal.status == "cancelled"


def test_an_event_naming_only_a_host_body_joins_the_deal_whose_articles_name_it():
    """`The ministry launched the app` names no key; of the two Kazakh satellite deals,
    the ministry runs the one whose articles name it."""
    context = EventSources(parties="context")
    facts = [
        one("a1", "2024-01-10", "agreement", [KZ, SKYNET, MINISTRY]),
        one("a2", "2024-03-10", "deployment", [KZ, SKYNET, MINISTRY]),
        one("o1", "2024-02-10", "agreement", [KZ, ORBITA]),
        one("o2", "2024-04-10", "deployment", [KZ, ORBITA]),
        article(
            "a3",
            "2025-06-10",
            [
                event("a3", 1, "launch", "2025-06-09", [KZ, MINISTRY], ()),
                event("a3", 2, "plan", "2025-06-10", [KZ], (), sources=context),
            ],
        ),
    ]
    found = deals_of(facts)
    assert groups(found) == [["a1", "a2", "a3"], ["o1", "o2"]]
    # the next sentence (`It plans to add 300 services by 2027.`) follows it there
    assert [h.event for h in found[0].history if h.article == "a3"] == [1, 2]


def test_a_lenders_article_joins_the_deal_its_executing_body_runs():
    """`The bank and the government signed a grant; the ministry will carry the project
    out` shares no key with the contractor's articles: the ministry it names is theirs."""
    bank = Party(id="steppe-bank", name="Steppe Development Bank", kind="intl", country=None)
    kinds = ("e-government",)
    facts = [
        article(
            "g1",
            "2023-11-20",
            [
                event("g1", 1, "agreement", "2023-11-20", [KZ, bank], kinds),
                event("g1", 2, "plan", "2023-11-20", [KZ, MINISTRY], kinds),
            ],
        ),
        one_of_kind("c1", "2024-06-10", "agreement", [KZ, ORBITA, MINISTRY], kinds),
        one_of_kind("c2", "2025-04-10", "launch", [KZ, MINISTRY, ORBITA], kinds),
        # a foreign company of its own, naming no body: its own deal
        one_of_kind("g2", "2024-02-01", "agreement", [KZ, SKYNET], kinds),
    ]
    assert groups(deals_of(facts)) == [["c1", "c2", "g1"], ["g2"]]
