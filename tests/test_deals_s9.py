"""Session 9's deal rules (docs/deals.md), each with sentences written for it."""

from __future__ import annotations

from ca_connect.deals.facts import (
    changes_told_apart,
    delays_told_apart,
)
from ca_connect.models import EventSources, Mention, Party, TaggedArticle
from tests.test_deals import (
    AZ,
    BALTEL,
    KAZTEL,
    KZ,
    NORDTEL,
    ORBITA,
    RUSSIA,
    SKYNET,
    article,
    deals_of,
    event,
    groups,
)
from tests.test_deals_history import dated_stages, deal_of, one_article_deal
from tests.test_deals_history import event as history_event

AZ_MINISTRY = Party(id="az-ministry", name="Ministry of Transport", kind="agency", country="AZ")


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


def test_a_party_put_in_the_place_of_another_is_a_partner_change_in_either_language():
    """`approved the money in its place`, `согласовали замену подрядчика`, and a contract
    ended whose work was handed to another (`расторгло контракт ... и передало работы`):
    an end, the change and the new contract."""
    deal = deal_of(
        history_event(1, "agreement", "2023-09", "The fund approved $40 million in its place."),
        history_event(2, "agreement", "2024-02", "Банк согласовал замену подрядчика."),
        history_event(
            3,
            "cancelled",
            "2024-05-06",
            "Оператор расторг контракт с Orbita на строительство станции и передал работы "
            "компании Baltic Uplink.",
        ),
        date="2024-05-07",
    )
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("partner-change", "2023-09"),
        ("partner-change", "2024-02"),
        ("cancelled", "2024-05-06"),
        ("partner-change", "2024-05-06"),
        ("agreement", "2024-05-06"),
    ]


def test_work_said_to_be_moved_to_a_later_date_is_a_stall():
    """`ввод станции переносится на конец 2025 года`: the present tense of a postponement,
    told in a sentence no event reads: a stall of the deal, dated by its article."""
    body = (
        "Оператор подписал контракт на строительство станции. "
        "Ввод станции в эксплуатацию переносится на конец 2025 года."
    )
    signed = history_event(
        1, "agreement", "2024-09-04", "Оператор подписал контракт на строительство станции."
    )
    tagged = TaggedArticle(id="a1", path="a1.txt", body=body, events=[signed])
    assert delays_told_apart(tagged) == (
        (1, "Ввод станции в эксплуатацию переносится на конец 2025 года."),
    )


def test_a_partner_replaced_in_a_sentence_no_event_reads_is_a_change_in_the_deal():
    """`... had chosen Baltel to build the second phase in place of Nordtel.` before the
    signing its article reports: a change of partner, dated by its own words; `instead of`
    with no two organisations named (`instead of digging new trenches`) is none."""
    body = (
        "KazTel told investors on Monday that it had chosen Baltel to build the second "
        "phase in place of Nordtel. The two companies signed the contract last Friday. "
        "Operators should share ducts instead of digging new trenches."
    )
    signed = history_event(1, "agreement", "2024-05-17", "The two companies signed the contract")
    signed = signed.model_copy(update={"start": body.index("The two"), "end": body.index(" Op")})
    mentions = [
        Mention(
            entity=entity,
            kind="organization",
            field="body",
            text=name,
            start=at,
            end=at + len(name),
        )
        for entity, name in (("kaztel", "KazTel"), ("baltel", "Baltel"), ("nordtel", "Nordtel"))
        for at in [body.index(name)]
    ]
    tagged = TaggedArticle(id="a1", path="a1.txt", body=body, events=[signed], mentions=mentions)
    changes = changes_told_apart(tagged)
    assert [number for number, _ in changes] == [1]
    deal = one_article_deal([signed], "2024-05-21", changes=changes)
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("agreement", "2024-05-17"),
        ("partner-change", "2024-05-20"),
    ]


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


def test_work_that_was_to_be_done_by_a_date_is_a_missed_plan_unless_a_delay_is_told():
    """`was supposed to be commissioned by the end of 2025` read as a launch is the plan it
    missed; `which was due to be finished last year, is far behind schedule` a stall, and
    `which was due to open in 2024, was launched on Monday` a launch."""
    deal = deal_of(
        history_event(1, "agreement", "2023-04", "Orbita signed the contract in April 2023."),
        history_event(
            2,
            "launch",
            "2023-04",
            "The station was supposed to be commissioned by the end of 2025 under the "
            "contract signed in April 2023.",
        ),
        history_event(
            3,
            "deployment",
            "2025-12",
            "Construction of the station, which was due to be finished last year, is far "
            "behind schedule.",
        ),
        history_event(
            4,
            "launch",
            "2025-12-08",
            "The second station, which was due to open in 2024, was launched on Monday.",
        ),
        date="2025-12-10",
    )
    assert [h.stage for h in deal.history] == ["agreement", "plan", "launch", "stalled"]


def test_a_postponement_recalled_from_earlier_reports_is_not_the_article_news():
    """`Ранее сообщалось, что ... сроки были перенесены`: the stall and the new plan are
    undated, not of the article's day, so work the article reports still stands."""
    recalled = (
        "Ранее сообщалось, что станцию планировали сдать в конце 2025 года, однако сроки "
        "были перенесены из-за погодных условий."
    )
    deal = deal_of(
        history_event(1, "deployment", "2026-02-16", "Строительство станции продолжается."),
        history_event(2, "plan", None, recalled),
        date="2026-02-17",
    )
    assert dated_stages(deal) == [
        ("deployment", "2026-02-16"),
        ("stalled", None),
        ("plan", None),
    ]
    assert deal.status == "deployment"


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


def test_an_aim_given_up_is_a_postponement():
    """`The sale, which was due to close by the end of 2025, will not be completed before
    June`: the stall, told on the article's day, and the plan aiming at June; a missed
    aim, not work standing still: the deal stays at its agreement."""
    text = (
        "The sale of the stake, which was due to close by the end of 2025, will not be "
        "completed before June, the agency said."
    )
    deal = deal_of(
        history_event(1, "agreement", "2025-06-10", "The two sides signed the sale agreement."),
        history_event(2, "plan", "2026-06", text),
        date="2026-04-08",
    )
    assert [(h.stage, str(h.date), str(h.target)) for h in deal.history] == [
        ("agreement", "2025-06-10", "None"),
        ("stalled", "2026-04-08", "None"),
        ("plan", "2026-04-08", "2026-06"),
    ]
    assert deal.status == "agreement"


def test_a_step_still_not_taken_is_a_stall_in_either_language():
    """`The joint venture has still not been registered.`, `Строительство линии до сих пор
    не завершено`: stalls, dated by their article."""
    deal = deal_of(
        history_event(
            1, "agreement", "2023-02", "The joint venture has still not been registered."
        ),
        history_event(2, "deployment", "2023-02", "Строительство линии до сих пор не завершено."),
        date="2023-02-09",
    )
    assert [h.stage for h in deal.history] == ["stalled", "stalled"]


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


FINLAND = Party(id="FI", name="Finland", kind="country", country="FI")
BRITAIN = Party(id="GB", name="United Kingdom", kind="country", country="GB")


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


def test_a_sentence_opening_on_the_time_since_a_step_tells_the_article_news():
    """`Nearly a year after KazTel signed a memorandum with Orbita in March last year, only
    12 schools have terminals.` read as a stall dated March: the stall is the article's
    news, after the work that began in September, so the deal stands stalled."""
    deal = deal_of(
        history_event(1, "mou", "2023-03", "KazTel signed a memorandum with Orbita."),
        history_event(2, "deployment", "2023-09", "Installation began in September."),
        history_event(
            3,
            "cancelled",
            "2023-03",
            "Nearly a year after KazTel signed a memorandum with Orbita in March last year, "
            "only 12 schools have terminals and the work is suspended.",
        ),
        date="2024-02-07",
    )
    assert dated_stages(deal)[-1] == ("stalled", "2024-02-07")
    assert deal.status == "stalled"


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


def test_a_step_told_after_the_time_since_another_keeps_its_date():
    """`Two years after the memorandum, KazTel and Orbita signed the contract in May 2021.`
    in an article of 2024: a step with its own date, not the article's news."""
    deal = deal_of(
        history_event(
            1,
            "agreement",
            "2021-05",
            "Two years after the memorandum, KazTel and Orbita signed the contract in May 2021.",
        ),
        date="2024-02-07",
    )
    assert dated_stages(deal) == [("agreement", "2021-05")]
