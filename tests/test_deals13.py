"""Session 13's deal-history rules (README "Deals", "History and status"): steps told beside
a deal's events with a date of their own. Sentences written for these tests."""

from __future__ import annotations

from ca_connect.deals.facts import (
    article_facts,
    asides_told_apart,
    facts_from_json,
    facts_json,
)
from ca_connect.deals.story import aside_step
from ca_connect.models import Evidence, PartialDate, TaggedArticle
from tests.test_deals_history import dated_stages, event, one_article_deal


def with_evidence(told, *others: str):
    """`told` with its own sentence and `others` as its evidence."""
    sentences = [told.text, *others]
    return told.model_copy(
        update={
            "evidence": [
                Evidence(field="body", start=i * 200, end=i * 200 + len(t), text=t)
                for i, t in enumerate(sentences)
            ]
        }
    )


def test_work_begun_in_a_clause_of_another_step_is_a_deployment_of_its_own():
    signed = event(
        1,
        "agreement",
        "2024-09",
        "The grant was signed in September, and the laying of the cable, along the old "
        "railway, began on Tuesday.",
    )
    deal = one_article_deal([signed], "2024-10-10")
    assert dated_stages(deal) == [("agreement", "2024-09"), ("deployment", "2024-10-08")]


def test_a_plan_that_tells_work_begun_since_a_date_has_that_deployment():
    planned = event(
        1,
        "plan",
        "2026-05-04",
        "Of the planned 800 km, only 120 km is in the ground since construction started in "
        "June 2024.",
    )
    deal = one_article_deal([planned], "2026-05-04")
    assert ("deployment", "2024-06") in dated_stages(deal)


def test_work_still_ahead_in_a_clause_is_no_step():
    signed = event(
        1,
        "agreement",
        "2025-02",
        "Orbita signed the contract in February, and construction will have started by May.",
    )
    deal = one_article_deal([signed], "2025-03-01")
    assert dated_stages(deal) == [("agreement", "2025-02")]


def kind(text: str, published: str | None = "2025-03-01") -> str | None:
    found = aside_step(text, PartialDate.parse(published) if published else None)
    return found[0] if found else None


def test_sentences_beside_the_events_tell_work_begun_a_signing_a_tender_held_and_an_aim():
    assert kind("Installation of the terminals has resumed in two regions.", None) == "deployment"
    assert kind("Монтаж оборудования возобновлен в Оше.", None) == "deployment"
    assert kind("The hub is part of an upgrade of the backbone that started in May 2023.") == (
        "deployment"
    )
    assert kind("Модернизация сети началась в июне 2024 года.") == "deployment"
    assert kind("A tender held last autumn drew bids from four firms.") == "talks"
    assert kind("Тендер объявили в ноябре прошлого года.") == "talks"
    # the award is the contract, not talks; a tender still ahead is no step
    assert kind("Orbita won the tender last autumn.") is None
    assert kind("The ministry will hold a tender this autumn.") is None
    # a contract signed, with a date of its own: not one still to be signed
    assert kind("The mapping, done by Nordsurvey under a contract awarded in May, goes on.") == (
        "agreement"
    )
    assert kind("Заем банка на $40 млн был подписан в октябре 2024 года.") == "agreement"
    assert kind("The loan agreement is to be signed in May.") is None
    assert kind("The gateway is to be finished by the end of 2027.") == "plan"
    assert kind("Сеть должна заработать до конца 2026 года.") == "plan"
    # an aim already past, given up or replaced is none; a delay is a stall
    assert kind("The gateway was due to open by the end of 2024.") is None
    assert kind("Orbita had initially expected to finish by 2026.") is None
    assert kind("The opening has been postponed to 2027.") is None
    # a strategy's horizon is the state's
    assert kind("Связь - приоритет Стратегии развития страны до 2035 года.") is None
    # a year in an undated article: a target with a year
    assert kind("The hub was opened on May 3, 2024.", None) is None


def test_a_contract_signed_in_a_clause_of_another_step_is_an_agreement_of_its_own():
    planned = event(
        1,
        "plan",
        "2025-03-01",
        "The satellite will fly in 2027 on a rocket booked under the launch contract the "
        "agency signed last June.",
    )
    deal = one_article_deal([planned], "2025-03-01")
    assert ("agreement", "2024-06") in dated_stages(deal)


def test_steps_told_in_sentences_no_event_reads_are_entries_of_the_deal_before():
    body = (
        "Orbita signed a gateway contract with the ministry on Monday. "
        "A tender held last autumn drew bids from four firms. "
        "The gateway is to be finished by the end of 2027. "
        "Installation of the antennas has resumed at the second site."
    )
    signed = event(1, "agreement", "2025-02-24", body.split(". ")[0] + ".")
    tagged = TaggedArticle(
        id="a1", path="a1.txt", body=body, date=PartialDate.parse("2025-03-01"), events=[signed]
    )
    asides = asides_told_apart(tagged)
    assert [number for number, _ in asides] == [1, 1, 1]
    deal = one_article_deal([signed], "2025-03-01", asides=asides)
    assert sorted(dated_stages(deal)) == [
        ("agreement", "2025-02-24"),
        ("deployment", "2025-03-01"),
        ("plan", "2025-03-01"),
        ("talks", "2024"),
    ]
    plan = next(h for h in deal.history if h.stage == "plan")
    assert str(plan.target) == "2027"
    assert deal.status == "deployment"  # the work resumed; the aim sets no status
    # the index keeps them
    assert facts_from_json(facts_json(article_facts(tagged))).asides == asides


def test_an_aim_in_another_sentence_of_the_evidence_is_a_plan_but_not_beside_a_plan():
    aim = "В этом году планируется установить 300 базовых станций."
    signed = with_evidence(event(1, "agreement", "2025-02", "Orbita подписала контракт."), aim)
    deal = one_article_deal([signed], "2025-03-01")
    assert dated_stages(deal) == [("agreement", "2025-02"), ("plan", "2025-03-01")]
    planned = with_evidence(event(1, "plan", "2025-03", "Orbita plans a second gateway."), aim)
    assert dated_stages(one_article_deal([planned], "2025-03-01")) == [("plan", "2025-03")]


def test_talks_held_beside_another_step_or_an_earlier_round_are_talks_of_their_own():
    assert kind("The link was first proposed at talks between the regulators in May 2019.") == (
        "talks"
    )
    assert kind("Переговоры с оператором велись с марта прошлого года.") == "talks"
    # talks that ended are a cancellation, talks ahead no step
    assert kind("Talks with the carrier broke down in May 2024.") is None
    assert kind("Talks on a second line will resume in June.") is None
    met = event(
        1,
        "talks",
        "2025-11-20",
        "The minister discussed the results of consultations that had run since April with Orbita.",
    )
    deal = one_article_deal([met], "2025-11-21")
    assert dated_stages(deal) == [("talks", "2025-04"), ("talks", "2025-11-20")]
    # talks of the event's own month are the event
    same = event(1, "talks", "2025-11-20", "Talks held in November went well, Orbita said.")
    assert dated_stages(one_article_deal([same], "2025-11-21")) == [("talks", "2025-11-20")]
