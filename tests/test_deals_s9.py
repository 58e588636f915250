"""Session 9's deal rules (README "Deals"), each with sentences written for it."""

from __future__ import annotations

from ca_connect.deals.facts import delays_told_apart
from ca_connect.models import Party, TaggedArticle
from tests.test_deals import AZ, KZ, RUSSIA, article, deals_of, event, groups
from tests.test_deals_history import deal_of
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
