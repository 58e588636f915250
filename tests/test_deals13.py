"""Session 13's deal-history rules (docs/deals.md, "History and status"): steps told beside
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
        "Orbita expects to finish the ring next year, two years after construction started "
        "in June 2024.",
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
    assert kind("Installation of the masts has resumed after the spring floods.", None) == (
        "deployment"
    )
    assert kind("Монтаж оборудования возобновлен в Оше.", None) == "deployment"
    assert kind(
        "The operator's upgrade of its southern backbone, started in May 2023, is half done."
    ) == ("deployment")
    assert kind("Модернизация сети началась в июне 2024 года.") == "deployment"
    assert kind("Five companies took part in the ministry's tender last autumn.") == "talks"
    assert kind("Тендер объявили в ноябре прошлого года.") == "talks"
    # the award is the contract, not talks; a tender still ahead is no step
    assert kind("Orbita won the tender last autumn.") is None
    assert kind("A tender for the second phase will be announced in the autumn.") is None
    assert kind("Construction of the second tower has not begun yet.") is None
    # a contract signed, with a date of its own: not one still to be signed
    assert kind(
        "The route survey goes on under a contract Orbita concluded with Nordsurvey in May."
    ) == ("agreement")
    assert kind("Соглашение о гранте Orbita подписала с фондом ещё в октябре 2024 года.") == (
        "agreement"
    )
    assert kind("The loan agreement is to be signed in May.") is None
    assert kind("The gateway should carry its first traffic by spring 2027.") == "plan"
    assert kind("Сеть должна заработать до конца 2026 года.") == "plan"
    # an aim already past, missed, given up or replaced is none; a delay is a stall
    assert kind("The plan of 2021 aimed to connect every school by 2024.") is None
    assert kind("Orbita was supposed to light the ring by 2026, the minister said.") is None
    assert kind("At first Orbita had hoped to be done by 2026.") is None
    assert kind("The opening has been postponed to 2027.") is None
    assert kind("Installation, begun in April 2024, has been put on hold.") is None
    # a strategy's or concept's horizon is the state's
    assert kind("Правительство намерено к 2030 году выполнить концепцию цифровизации.") is None
    # an undated article: a time to come it cannot resolve is an aim, a bare year is none
    assert kind("Сеть планируют достроить до конца года.", None) == "plan"
    assert kind("The plan, drawn up in 2023, is to be revised.", None) is None


def test_a_contract_signed_in_a_clause_of_another_step_is_an_agreement_of_its_own():
    planned = event(
        1,
        "plan",
        "2025-03-01",
        "Orbita will open the service in 2026 with terminals bought under a supply deal it "
        "signed last June.",
    )
    deal = one_article_deal([planned], "2025-03-01")
    assert ("agreement", "2024-06") in dated_stages(deal)


def test_steps_told_in_sentences_no_event_reads_are_entries_of_the_deal_before():
    body = (
        "Orbita signed a gateway contract with the ministry on Monday. "
        "Five companies took part in the ministry's tender last autumn. "
        "The gateway should carry its first traffic by spring 2027. "
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
    aim = "В следующем году Orbita планирует подключить ещё 40 сёл."
    signed = with_evidence(event(1, "agreement", "2025-02", "Orbita подписала контракт."), aim)
    deal = one_article_deal([signed], "2025-03-01")
    assert dated_stages(deal) == [("agreement", "2025-02"), ("plan", "2025-03-01")]
    planned = with_evidence(event(1, "plan", "2025-03", "Orbita plans a second gateway."), aim)
    assert dated_stages(one_article_deal([planned], "2025-03-01")) == [("plan", "2025-03")]


def test_talks_held_beside_another_step_or_an_earlier_round_are_talks_of_their_own():
    assert kind("The idea of the link came up during talks with Beeline in May 2019.") == "talks"
    assert kind("Orbita ведёт переговоры с оператором с марта прошлого года.") == "talks"
    # talks that ended are a cancellation, talks ahead no step
    assert kind("Talks with the carrier broke down in May 2024.") is None
    assert kind("Talks on a second line will resume in June.") is None
    met = event(
        1,
        "talks",
        "2025-11-20",
        "Orbita and the ministry reviewed what their working groups had settled in talks since "
        "April.",
    )
    deal = one_article_deal([met], "2025-11-21")
    assert dated_stages(deal) == [("talks", "2025-04"), ("talks", "2025-11-20")]
    # talks of the event's own month are the event
    same = event(1, "talks", "2025-11-20", "Talks held in November went well, Orbita said.")
    assert dated_stages(one_article_deal([same], "2025-11-21")) == [("talks", "2025-11-20")]


def test_a_step_an_event_of_the_article_tells_is_not_told_again_beside_it():
    signed = event(1, "agreement", "2025-02-24", "Orbita signed the contract with the ministry.")
    begun = event(2, "deployment", "2025-03-01", "Orbita has begun work on the first site.")
    recalled = "The contract, signed in February, covers two sites."
    deal = one_article_deal([signed, begun], "2025-03-01", asides=((2, recalled),))
    assert dated_stages(deal) == [("agreement", "2025-02-24"), ("deployment", "2025-03-01")]


def test_a_step_beside_the_events_is_dated_by_the_words_that_tell_it():
    signed = event(1, "agreement", "2025-02", "Orbita signed the contract with the ministry.")
    work = "Orbita chose the site in 2023, and construction began in May 2024."
    deal = one_article_deal([signed], "2025-03-01", asides=((1, work),))
    assert ("deployment", "2024-05") in dated_stages(deal)


def test_an_agreement_beside_a_memorandum_or_a_stall_beside_its_step_is_told_once():
    memorandum = event(
        1, "mou", "2025-03", "The cooperation agreement, signed in March, foresees a joint venture."
    )
    assert dated_stages(one_article_deal([memorandum], "2025-04-01")) == [("mou", "2025-03")]
    stalled = event(
        1,
        "deployment",
        "2025-03",
        "The contract was signed in May 2024, but the works have been on hold since March.",
    )
    assert dated_stages(one_article_deal([stalled], "2025-04-01")) == [
        ("agreement", "2024-05"),
        ("stalled", "2025-03"),
    ]


def test_work_begun_in_a_clause_of_work_or_a_launch_is_that_event_s():
    launched = event(
        1, "launch", "2025-03-03", "The network, whose construction began in May 2023, went live."
    )
    assert dated_stages(one_article_deal([launched], "2025-03-05")) == [("launch", "2025-03-03")]
