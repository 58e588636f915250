"""Session 12's deal history rules (docs/deals.md), each with sentences written for it."""

from __future__ import annotations

import pytest

from ca_connect.deals.facts import delays_told_apart
from ca_connect.models import TaggedArticle
from tests.test_deals_history import dated_stages, event, one_article_deal


def _delays(body: str, *events) -> tuple[tuple[int, str], ...]:
    """The delays `body` tells in sentences none of `events` (each placed where its text
    is) reads."""
    placed = [
        e.model_copy(update={"start": body.index(e.text), "end": body.index(e.text) + len(e.text)})
        for e in events
    ]
    return delays_told_apart(TaggedArticle(id="a1", path="a1.txt", body=body, events=placed))


@pytest.mark.parametrize(
    "stall",
    [
        "Fibre laying was held up for weeks by a customs dispute.",
        "Cable laying stopped in November over a dispute about the route.",
        "The opening date slipped again because the substation was not ready.",
        "The contractor missed its March deadline.",
        "The hub was to open last year but is still not in service.",
        "The hub will not open before 2027, the ministry said.",
        "Подрядчик сорвал график работ на четыре месяца.",
        "Из-за срыва сроков поставки оборудования оператор сменил поставщика.",
        "Работы на участке приостановлены до весны.",
        "Запустить сеть до конца года не удастся.",
    ],
)
def test_every_way_the_press_tells_work_stalled_is_a_stall_where_no_event_reads_it(stall):
    """Held up, stopped, slipped, a deadline missed, still not in service, not to open
    before a later date, a schedule broken, works suspended, an aim that cannot be met."""
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    body = f"{signed.text} {stall}"
    assert _delays(body, signed) == ((1, stall),)


@pytest.mark.parametrize(
    "other",
    [
        "Shares in Orbita slipped 2% on Monday.",
        "The new route cut the delay for users in the south.",
        "The ministry stopped short of naming a date.",
    ],
)
def test_words_that_tell_no_stall_of_work_are_none(other):
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    assert _delays(f"{signed.text} {other}", signed) == ()


def test_a_lead_telling_a_deadline_missed_is_a_stall_of_the_event_after_it():
    """`Orbita's hub, due to open by the end of 2023, is still not operational.` heading the
    article, before any event: a stall of the deal of the first event after it, dated by
    its article (the date it names is the aim it missed)."""
    lead = "Orbita's hub, due to open by the end of 2023, is still not operational."
    works = event(1, "deployment", "2023-05", "Works on the hub began in May 2023.")
    delays = _delays(f"{lead} {works.text}", works)
    assert delays == ((1, lead),)
    deal = one_article_deal([works], "2024-01-20", delays=delays)
    assert dated_stages(deal) == [("deployment", "2023-05"), ("stalled", "2024-01-20")]


def test_a_delay_told_beside_a_contract_ended_is_a_stall_of_its_own():
    """`The decision to end the contract was taken in August, after the contractor fell
    five months behind schedule.` after the termination its article reports: the end, and
    the stall dated by its own words."""
    ended = event(1, "cancelled", "2024-09-05", "Orbita terminated its contract with the builder.")
    stall = "The decision was taken in August, after the builder fell five months behind schedule."
    delays = _delays(f"{ended.text} {stall}", ended)
    deal = one_article_deal([ended], "2024-09-05", delays=delays)
    assert dated_stages(deal) == [("stalled", "2024-08"), ("cancelled", "2024-09-05")]


@pytest.mark.parametrize(
    "closed",
    [
        "Orbita has completed the buyout of its partner's 40% share.",
        "Orbita closed its takeover of the Kazakh operator.",
        "The purchase of the 49% stake was completed after the regulator's approval.",
        "The deal closed after the regulator's approval.",
        "The regulator approved the licence a month after Nordtel exited Uzbekistan.",
        "Orbita завершила сделку по приобретению 75% акций оператора.",
        "Компания завершила покупку сотового оператора.",
        "Закрытие сделки произошло после одобрения регулятора.",
    ],
)
def test_a_sale_completed_where_the_event_reads_another_step_is_a_launch_of_its_own(closed):
    """The completion of an acquisition (a sale of a company, a stake or shares) told in
    a sentence the extractor read as another step: a `launch` entry of its own, dated by
    its article (its words give no date)."""
    signed = event(1, "agreement", "2024-07", closed)
    deal = one_article_deal([signed], "2024-12-03")
    assert ("launch", "2024-12-03") in dated_stages(deal)


@pytest.mark.parametrize(
    "not_closed",
    [
        "Closing of the deal is expected by June, subject to approval.",
        "Закрытие сделки намечено на весну.",
        "Orbita completed the purchase of 300 base stations.",
        "The acquisition is to be completed next year.",
        "Orbita has exited talks with the regulator.",
    ],
)
def test_a_sale_to_be_closed_or_goods_bought_is_no_launch(not_closed):
    signed = event(1, "agreement", "2024-07", not_closed)
    deal = one_article_deal([signed], "2024-12-03")
    assert "launch" not in [stage for stage, _ in dated_stages(deal)]


def test_a_sale_closed_on_a_day_its_sentence_names_is_dated_by_it():
    """`Закрытие сделки произошло в пятницу`: the closing of that Friday; a dateline
    heading a sentence that names no day dates it by the dateline (a story filed on 30
    December and printed on 9 January)."""
    friday = event(1, "agreement", "2024-10", "Закрытие сделки произошло в пятницу.")
    filed = event(
        2,
        "plan",
        "2018-12-30",
        "TASHKENT/Dec. 30 (Steppe Wire) — The regulator approved the licence a month after "
        "Nordtel exited Uzbekistan.",
    )
    assert ("launch", "2024-11-29") in dated_stages(one_article_deal([friday], "2024-12-03"))
    assert ("launch", "2018-12-30") in dated_stages(one_article_deal([filed], "2019-01-09"))


@pytest.mark.parametrize(
    "end",
    [
        "Talks on an Orbita loan ended in March without a deal.",
        "The Orbita loan came to nothing.",
        "A credit line from Orbita never materialised.",
        "The Orbita memorandum has expired.",
        "Кабмин расторг соглашение с Orbita.",
        "Переговоры с Orbita о кредите закончились безрезультатно.",
        "Министерство отказалось от услуг Orbita.",
    ],
)
def test_an_end_told_in_any_words_stays_an_end_though_the_deal_went_on(end):
    """A dated end (talks ended without an agreement, came to nothing, never materialised,
    expired; `расторг`, `закончились безрезультатно`, `отказалось от`), then a new lender
    signed: the end stays `cancelled` in the history (what came after is a new start),
    where a halt (`works stopped`) is a stall."""
    deal = one_article_deal(
        [
            event(1, "cancelled", "2023-05", end),
            event(2, "agreement", "2023-09", "A fund signed a loan for the Orbita hub."),
        ],
        "2023-10-01",
    )
    assert dated_stages(deal) == [("cancelled", "2023-05"), ("agreement", "2023-09")]
    assert deal.status == "agreement"
