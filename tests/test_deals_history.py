"""How a deal's history and status read its events (docs/deals.md, "History and
status"): built with status.build_deal on events written by hand, so the linker and the
event extractor play no part."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.deals.dating import project_timeline
from ca_connect.deals.facts import (
    article_facts,
    asides_told_apart,
    changes_told_apart,
    delays_told_apart,
    facts_from_json,
    facts_json,
    fingerprint,
)
from ca_connect.deals.model import ArticleFacts, DealGroup
from ca_connect.deals.status import build_deal
from ca_connect.deals.steps import WORK_DELAYED
from ca_connect.deals.story import (
    END_CUES,
    IN_SERVICE,
    RECALLED,
    aside_step,
    so_far,
    steps_of,
    visit_only,
)
from ca_connect.models import Event, Evidence, Mention, PartialDate, Party, TaggedArticle

KZ = Party(id="KZ", name="Kazakhstan", kind="country", country="KZ")
ORBITA = Party(id="orbita", name="Orbita Global", kind="company", country="GB")


def event(number: int, stage: str, date: str | None, text: str, article: str = "a1") -> Event:
    return Event(
        article_id=article,
        number=number,
        stage=stage,
        date=PartialDate.parse(date) if date else None,
        parties=[KZ, ORBITA],
        initiatives=["satellite"],
        field="body",
        start=0,
        end=len(text),
        text=text,
    )


def deal_of(*events: Event, date: str | None = "2025-03-01"):
    """One deal of the events, each article dated `date`."""
    facts = {}
    for article in dict.fromkeys(e.article_id for e in events):
        own = tuple(e for e in events if e.article_id == article)
        facts[article] = ArticleFacts(
            id=article,
            date=PartialDate.parse(date) if date else None,
            source=None,
            url=None,
            title=None,
            fingerprint=fingerprint(article),
            events=own,
            countries=("KZ",),
            subject="KZ",
        )
    group = DealGroup("orbita-kz", "Orbita – Kazakhstan", False)
    group.events = [(e.article_id, e.number) for e in events]
    return build_deal(group, facts)


def test_a_ban_or_restriction_blocks_a_deal_without_ending_it():
    deal = deal_of(
        event(1, "deployment", "2024-05", "Orbita terminals were installed in forty clinics."),
        event(2, "cancelled", "2025-02", "The regulator banned the import of Orbita terminals."),
    )
    assert [h.stage for h in deal.history] == ["deployment", "stalled"]
    assert deal.status == "deployment"


def test_a_plan_despite_a_restriction_stays_a_plan():
    deal = deal_of(
        event(1, "plan", "2024", "Despite restrictions, the ministry plans to link 90 towns."),
    )
    assert [h.stage for h in deal.history] == ["plan"]


def test_talk_of_ending_a_deal_is_a_threat_not_its_end():
    deal = deal_of(
        event(1, "agreement", "2023-04", "Orbita signed a contract with the ministry."),
        event(2, "plan", "2024-06", "The lender intends to terminate the programme early."),
        event(3, "talks", "2024-07", "Officials discussed whether to withdraw the funding."),
    )
    assert [h.stage for h in deal.history] == ["agreement", "stalled", "stalled"]
    assert deal.status == "agreement"


def test_a_completion_named_as_a_condition_is_still_ahead():
    deal = deal_of(
        event(1, "plan", "2025-01", "The cabinet approved a satellite pilot for one year."),
        event(2, "launch", "2025-01", "Upon completion of the pilot, a report will follow."),
    )
    assert [h.stage for h in deal.history] == ["plan", "plan"]
    assert deal.status == "plan"


def test_a_completed_launch_stays_a_launch():
    deal = deal_of(event(1, "launch", "2025-01", "The pilot was completed and service began."))
    assert deal.status == "launch"


def test_a_party_replaced_by_another_is_a_partner_change():
    deal = deal_of(
        event(1, "agreement", "2021-02", "Orbita won the contract for the ground stations."),
        event(2, "agreement", "2022-09", "Orbita was replaced by Baltic Uplink after delays."),
        event(
            3,
            "cancelled",
            "2023-01",
            "The ministry terminated its contract with Orbita for the ground stations and "
            "signed a new one with Baltic Uplink.",
        ),
    )
    stages = [h.stage for h in deal.history]
    assert stages == ["agreement", "partner-change", "cancelled", "partner-change", "agreement"]


def test_a_contract_ended_and_a_new_one_signed_is_an_end_a_change_and_a_contract():
    swap = (
        "The agency terminated its deal with Orbita over late deliveries and signed a new "
        "contract with Baltic Uplink."
    )
    deal = deal_of(
        event(1, "agreement", "2021-02", "Orbita won the contract for the ground stations."),
        event(2, "cancelled", "2023-01-12", swap),
    )
    assert dated_stages(deal) == [
        ("agreement", "2021-02"),
        ("cancelled", "2023-01-12"),
        ("partner-change", "2023-01-12"),
        ("agreement", "2023-01-12"),
    ]
    assert deal.status == "agreement"
    assert [p.id for p in deal.parties if p.dropped] == ["orbita"]
    taken = "Baltic Uplink took over the contract after the agency ended its deal with Orbita."
    assert [h.stage for h in deal_of(event(1, "cancelled", "2023", taken)).history] == [
        "partner-change"
    ]


def test_an_end_told_in_the_present_perfect_is_dated_by_its_article():
    ended = "The ministry has abandoned the scheme it agreed with Orbita two years ago."
    deal = deal_of(
        event(1, "mou", "2023-02-10", "The ministry and Orbita signed a memorandum."),
        event(2, "agreement", "2024", "The parties agreed to run a pilot in 2024."),
        event(3, "cancelled", "2023-02", ended, article="a2"),
        date="2025-03-01",
    )
    assert [(h.stage, str(h.date)) for h in deal.history][-1] == ("cancelled", "2025-03-01")
    assert deal.status == "cancelled"


def test_an_end_reported_the_day_after_keeps_its_day():
    ended = "On Monday the ministry has cancelled the tender for Orbita terminals."
    deal = deal_of(event(1, "cancelled", "2025-02-24", ended), date="2025-02-25")
    assert str(deal.history[0].date) == "2025-02-24"


def test_a_hyphenated_ban_describes_and_does_not_block():
    text = "The cabinet approved testing currently-banned Orbita terminals in five schools."
    deal = deal_of(event(1, "plan", "2024-11", text))
    assert [h.stage for h in deal.history] == ["plan"]


def test_a_deployment_after_a_launch_describes_it_unless_a_further_stage():
    launched = event(1, "launch", "2024-10-14", "The Orbita gateway went live on Monday.")
    described = event(2, "deployment", "2024-10-15", "The gateway links nine ground sites.")
    assert deal_of(launched, described).status == "launch"
    further = event(3, "deployment", "2024-10-15", "Works on the second phase are under way.")
    assert deal_of(launched, further).status == "deployment"


def test_a_plan_to_end_something_else_is_no_threat():
    deal = deal_of(event(1, "plan", "2024-06", "Orbita plans to cancel roaming fees next year."))
    assert [h.stage for h in deal.history] == ["plan"]


def test_a_launch_of_construction_is_a_deployment():
    deal = deal_of(
        event(1, "launch", "2021-03", "The building of the Steppe link was launched in March."),
        event(2, "launch", "2021-05", "Officials attended the launch of construction in Aral."),
        event(3, "launch", "2023-06", "The link, whose construction began in 2021, was launched."),
    )
    assert [h.stage for h in deal.history] == ["deployment", "deployment", "launch"]


def test_a_study_completed_is_groundwork_not_a_launch():
    deal = deal_of(
        event(1, "launch", "2021-03", "The operators completed a joint feasibility study."),
        event(2, "launch", "2021-09", "The route survey has been completed near Aral."),
        event(3, "launch", "2023-06", "The link was completed and commissioned in June."),
    )
    assert [h.stage for h in deal.history] == ["deployment", "deployment", "launch"]


def test_a_test_or_trial_completed_is_work_under_way_unless_a_service_is_told():
    deal = deal_of(
        event(1, "launch", "2026-01", "The Orbita-3 satellite completed its vibration tests."),
        event(2, "launch", "2026-02", "Field trials of the gateway were completed in Aktobe."),
        event(3, "launch", "2026-04", "Having completed trials, Orbita launched its service."),
    )
    assert [h.stage for h in deal.history] == ["deployment", "deployment", "launch"]
    assert deal.status == "launch"


def test_a_cancellation_dated_only_by_its_article_comes_before_that_days_progress():
    fell = event(2, "cancelled", "2025-05-16", "A planned loan from a state bank fell through.")
    deal = deal_of(
        event(1, "deployment", "2025-05-16", "Orbita laid the gateway's foundation stone."),
        fell.model_copy(update={"date_basis": "article"}),
        date="2025-05-16",
    )
    assert [h.event for h in deal.history] == [2, 1]
    assert deal.status == "deployment"


def test_a_delay_told_in_another_sentence_of_the_evidence_is_a_stall_of_its_own():
    own = "Orbita bought the gateway a year after it signed the contract in May 2024."
    later = "The purchase was delayed by several months while the regulator reviewed it."
    bought = event(1, "agreement", "2024-05", own).model_copy(
        update={
            "evidence": [
                Evidence(field="body", start=0, end=len(own), text=own),
                Evidence(field="body", start=len(own) + 1, end=len(own) + 1, text=later),
            ]
        }
    )
    deal = deal_of(bought, date="2025-06-02")
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("agreement", "2024-05"),
        ("stalled", "2025-06-02"),
    ]


def one_article_deal(events: list[Event], date: str, **told_apart):
    """The deal of the events of one article `a1` of `date`, with what it tells in
    sentences no event reads (`delays`, `changes`)."""
    facts = ArticleFacts(
        id="a1",
        date=PartialDate.parse(date),
        source=None,
        url=None,
        title=None,
        fingerprint=fingerprint("a1"),
        events=tuple(events),
        countries=("KZ",),
        subject="KZ",
        **told_apart,
    )
    group = DealGroup("orbita-kz", "Orbita – Kazakhstan", False)
    group.events = [("a1", e.number) for e in events]
    return build_deal(group, {"a1": facts})


def test_work_delayed_in_a_sentence_no_event_reads_is_a_stall_of_the_event_before():
    body = (
        "Orbita signed a gateway contract with the ministry. "
        "The lack of a permit has again delayed the construction of the gateway. "
        "The gateway will cut the delay for local websites to 5 milliseconds."
    )
    signed = event(
        1, "agreement", "2025-03-01", "Orbita signed a gateway contract with the ministry."
    )
    tagged = TaggedArticle(id="a1", path="a1.txt", body=body, events=[signed])
    delays = delays_told_apart(tagged)
    assert delays == (
        (1, "The lack of a permit has again delayed the construction of the gateway."),
    )
    deal = one_article_deal([signed], "2025-03-01", delays=delays)
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("agreement", "2025-03-01"),
        ("stalled", "2025-03-01"),
    ]
    assert deal.history[1].evidence.startswith("The lack of a permit")
    assert deal.status == "agreement"


def dated_stages(deal) -> list[tuple[str, str | None]]:
    return [(h.stage, str(h.date) if h.date else None) for h in deal.history]


def test_a_step_then_its_stall_in_one_sentence_is_two_entries():
    works = "Works on the Orbita gateway began in May 2022, but they have been on hold since March."
    deal = deal_of(event(1, "deployment", "2023-03", works), date="2023-06-10")
    assert dated_stages(deal) == [("deployment", "2022-05"), ("stalled", "2023-03")]


def test_a_stall_after_but_with_no_date_of_its_own_is_the_article_news():
    ceremony = (
        "The groundbreaking ceremony took place in 2020, but a funding gap delayed the works."
    )
    deal = deal_of(event(1, "deployment", "2020", ceremony), date="2023-02-01")
    assert dated_stages(deal) == [("deployment", "2020"), ("stalled", "2023-02-01")]


def test_a_stall_before_which_talks_came_close_happened_with_them():
    talks = (
        "Orbita had been close to signing a contract in early 2021 before a court put it on hold."
    )
    deal = deal_of(event(1, "cancelled", "2021", talks), date="2022-04-01")
    assert dated_stages(deal) == [("talks", "2021"), ("stalled", "2021")]


def test_a_stall_told_first_is_one_entry():
    text = "The works were delayed, but the ministry expects to finish them in 2025."
    deal = deal_of(event(1, "plan", "2024-01", text))
    assert dated_stages(deal) == [("stalled", "2024-01")]


def test_building_work_told_as_done_is_a_launch_whatever_else_the_sentence_reads():
    hung = "Works on suspension of the Orbita cable along the first stage have been completed."
    deal = deal_of(
        event(1, "cancelled", "2023-09", hung),
        event(2, "deployment", "2023-09", "Construction of the gateway was finished in May."),
        event(3, "agreement", "2019", "Orbita signed for the first phase, which was completed."),
        event(4, "deployment", "2023-09", "The operators completed a joint route survey."),
    )
    assert [h.stage for h in deal.history] == ["agreement", "launch", "launch", "deployment"]


def test_work_after_a_first_stage_completed_is_the_next_stage_under_way():
    first = event(1, "launch", "2023-09-20", "The first stage of the Orbita line is complete.")
    works = event(2, "deployment", "2023-09-20", "Crews laid 190 km of cable in Osh region.")
    assert deal_of(first, works).status == "deployment"
    whole = event(1, "launch", "2023-09-20", "The Orbita line is complete.")
    assert deal_of(whole, works).status == "launch"


def test_a_deal_told_only_by_a_change_of_partner_stands_at_agreement():
    taken = "Baltic Uplink took over the contract for the Orbita ground stations."
    deal = deal_of(event(1, "talks", "2023-05", taken))
    assert [h.stage for h in deal.history] == ["partner-change"]
    assert deal.status == "agreement"


def test_an_end_the_deal_went_on_after_stays_an_end_a_halt_is_a_stall():
    broke = "Talks with Orbita broke down in September after they failed to agree a price."
    halted = "Cable laying for Orbita stopped in October over a route dispute."
    renewed = "Orbita agreed a renewed deal for the terminals."
    deal = deal_of(
        event(1, "cancelled", "2024-09", broke),
        event(2, "cancelled", "2024-10", halted),
        event(3, "agreement", "2024-12", renewed),
    )
    assert [h.stage for h in deal.history] == ["cancelled", "stalled", "agreement"]
    assert deal.status == "agreement"


def test_a_step_then_its_stall_is_two_entries_whatever_stage_the_sentence_was_read_as():
    works = "Works at the Orbita site began in May 2021, but they have been frozen since December."
    deal = deal_of(event(1, "deployment", "2021-12", works), date="2022-05-13")
    assert dated_stages(deal) == [("deployment", "2021-05"), ("stalled", "2021-12")]


def test_an_undated_cancellation_any_other_event_may_follow_is_a_stall():
    # Placed last (undated), its order unknown: the deal's other events may come after.
    renewed = event(1, "agreement", "2024-12", "Orbita agreed a renewed deal for the terminals.")
    broke = event(2, "cancelled", None, "Talks with Orbita broke down after a price dispute.")
    deal = deal_of(renewed, broke)
    assert [h.stage for h in deal.history] == ["agreement", "stalled"]
    assert deal.status == "agreement"


def test_a_project_card_timeline_dates_its_work_and_tells_its_completion():
    card = (
        "Ground segment for Orbita Global in Kazakhstan\n\nProject timeline\n"
        "March, 2022 - October, 2024\n\nThe following milestones were achieved:\n"
        "Orbita terminals installed in forty clinics."
    )
    timeline = project_timeline(card)
    assert timeline == (PartialDate.parse("2022-03"), PartialDate.parse("2024-10"))
    # Work still under way: the start dates the work, no completion is told.
    ongoing = card.replace("The following milestones were achieved:", "Milestones:")
    assert project_timeline(ongoing) == (PartialDate.parse("2022-03"), None)
    assert project_timeline("The timeline of the works slipped to 2026.") is None
    work = event(1, "deployment", None, "Orbita terminals installed in forty clinics.")
    facts = {
        "a1": ArticleFacts(
            id="a1",
            date=None,
            source=None,
            url=None,
            title=None,
            fingerprint=fingerprint(card),
            events=(work,),
            countries=("KZ",),
            subject="KZ",
            timeline=timeline,
        )
    }
    group = DealGroup("orbita-kz", "Orbita – Kazakhstan", False)
    group.events = [("a1", 1)]
    deal = build_deal(group, facts)
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("deployment", "2022-03"),
        ("launch", "2024-10"),
    ]
    assert deal.status == "launch"
    # The index keeps the timeline; one written before timelines were kept has none.
    kept = facts_json(facts["a1"])
    assert facts_from_json(kept).timeline == timeline
    older = json.loads(kept)
    del older["timeline"]
    assert facts_from_json(json.dumps(older)).timeline is None


def test_work_standing_still_after_the_progress_reached_is_the_status():
    deal = deal_of(
        event(1, "deployment", "2022-05", "Orbita began building its gateway near Aktobe."),
        event(2, "cancelled", "2024-03", "Work on the gateway has been frozen since March."),
        date="2024-03-20",
    )
    assert [h.stage for h in deal.history] == ["deployment", "stalled"]
    assert (deal.status, str(deal.status_date)) == ("stalled", "2024-03")


def test_a_delay_told_in_the_month_of_the_progress_it_delayed_is_its_story():
    deal = deal_of(
        event(1, "launch", "2025-03-02", "Orbita switched on its service on 2 March."),
        event(2, "plan", "2025-03-03", "The opening was delayed by two months, Orbita said."),
    )
    assert [h.stage for h in deal.history] == ["launch", "stalled"]
    assert deal.status == "launch"


def test_a_ban_after_progress_stops_the_users_not_the_work():
    deal = deal_of(
        event(1, "deployment", "2023-05", "Orbita terminals were installed in forty clinics."),
        event(2, "plan", "2024-11", "The ministry plans to ban the import of Orbita terminals."),
    )
    assert [h.stage for h in deal.history] == ["deployment", "stalled"]
    assert deal.status == "deployment"


def test_russian_words_of_delay_and_suspension_are_stalls():
    deal = deal_of(
        event(1, "agreement", "2022-04", "Орбита и министерство подписали контракт."),
        event(2, "cancelled", "2023-06", "Работы по строительству станции приостановлены."),
        event(3, "talks", "2023-08", "Сроки перенесли из-за задержки поставок антенн."),
        date="2023-08-10",
    )
    assert [h.stage for h in deal.history] == ["agreement", "stalled", "stalled"]
    assert deal.status == "stalled"


def test_a_plan_that_tells_its_postponement_is_a_stall_and_the_new_plan():
    text = "Запуск станции, намеченный на конец 2025 года, отложен до второго квартала 2026 года."
    deal = deal_of(event(1, "plan", "2026", text), date="2025-12-09")
    assert [(h.stage, str(h.date), str(h.target)) for h in deal.history] == [
        ("stalled", "2025-12-09", "None"),
        ("plan", "2025-12-09", "2026"),
    ]


def test_a_party_replaced_as_partner_is_a_partner_change_in_either_language():
    deal = deal_of(
        event(1, "cancelled", "2022-09", "Baltic Uplink has replaced Orbita as ground partner."),
        event(
            2,
            "launch",
            "2023",
            "Сеть построила Baltic Uplink, которая заменила Orbita в качестве подрядчика.",
        ),
    )
    assert [h.stage for h in deal.history] == ["partner-change", "partner-change"]


def test_a_body_taking_over_from_its_reorganised_predecessor_is_no_partner_change():
    text = (
        "The contract was approved by the Ministry of Digital Affairs, which took over the "
        "project when the former communications agency was reorganised."
    )
    deal = deal_of(event(1, "agreement", "2023-03-14", text))
    assert [h.stage for h in deal.history] == ["agreement"]


def test_a_stretch_or_section_finished_is_a_built_stage_in_either_language():
    deal = deal_of(
        event(1, "deployment", "2020-12", "Orbita finished its 90-km stretch to the border."),
        event(2, "deployment", "2021-03", "Северный участок линии до границы уже готов."),
        event(3, "deployment", "2021-04", "Строительство второго участка должно быть завершено."),
    )
    assert [h.stage for h in deal.history] == ["launch", "launch", "deployment"]


def test_a_plan_dated_when_told_that_tells_its_postponement_is_a_stall_and_the_new_plan():
    text = "Opening the gateway, due by the end of 2025, has been postponed to mid-2026."
    postponed = event(1, "plan", "2025-11-20", text).model_copy(
        update={"planned": True, "target": PartialDate.parse("2026")}
    )
    deal = deal_of(postponed, date="2025-11-20")
    assert [(h.stage, str(h.date), str(h.target)) for h in deal.history] == [
        ("stalled", "2025-11-20", "None"),
        ("plan", "2025-11-20", "2026"),
    ]


def test_an_aim_stated_beside_a_signing_is_a_plan_of_its_own_that_sets_no_status():
    text = "Orbita and the ministry signed the contract in May 2024, aiming to finish by 2026."
    deal = deal_of(event(1, "agreement", "2024-05", text), date="2024-05-20")
    assert [(h.stage, str(h.date), str(h.target)) for h in deal.history] == [
        ("agreement", "2024-05", "None"),
        ("plan", "2024-05", "2026"),
    ]
    assert deal.status == "agreement"


def test_talks_with_an_aim_stay_talks_for_the_status():
    text = "Orbita held talks with the ministry on Monday and hopes to sign a deal by 2026."
    deal = deal_of(event(1, "talks", "2025-03-03", text), date="2025-03-04")
    assert [h.stage for h in deal.history] == ["talks", "plan"]
    assert deal.status == "talks"


def kind(text: str, published: str | None = "2025-03-01") -> str | None:
    found = aside_step(text, PartialDate.parse(published) if published else None)
    return found[0] if found else None


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


def _plan(number: int, date: str, text: str, target: str):
    return event(number, "plan", date, text).model_copy(
        update={"planned": True, "target": PartialDate.parse(target)}
    )


@pytest.mark.parametrize(
    "text",
    [
        "The survey was done in 2023, but the trial planned for 2024 did not start.",
        "The trial planned for 2024 never got under way, the operator admitted.",
        "Испытания, намеченные на 2024 год, так и не начались из-за нехватки средств.",
    ],
)
def test_a_plan_that_never_began_is_a_stall_of_the_date_it_missed(text):
    """A step that was to begin by a date and did not is a stall of that date (the plan
    stays as told); the deal stays at the memorandum."""
    deal = deal_of(
        event(1, "mou", "2023-01-20", "Orbita Global and the ministry signed a memorandum."),
        _plan(2, "2023", text, "2024"),
        date="2025-02-03",
    )
    assert [(h.stage, str(h.date)) for h in deal.history] == [
        ("mou", "2023-01-20"),
        ("plan", "2023"),
        ("stalled", "2024"),
    ]
    assert deal.status == "stalled"


def test_a_plan_that_did_not_start_before_its_date_is_still_ahead():
    """Told before its target (`the trial, planned for 2026, did not start this winter`),
    it is a stall told by its article, not of the date it aims at."""
    text = "The trial, planned for 2026, did not start this winter as hoped."
    deal = deal_of(_plan(1, "2025", text, "2026"), date="2025-02-03")
    assert ("stalled", "2026") not in [(h.stage, str(h.date)) for h in deal.history]


@pytest.mark.parametrize(
    ("text", "stall"),
    [
        ("The second phase never got under way for want of funds.", True),
        ("Laying of the northern section failed to begin in spring.", True),
        ("Работы по второму этапу так и не начались.", True),
        ("The company never stopped expanding its network.", False),
        ("The operator did not say when the tender would open.", False),
    ],
)
def test_a_step_that_never_began_is_a_delay_where_no_event_reads_it(text, stall):
    """Sentences no event reads telling a step that never began are stalls (facts.py keeps
    them); a `never` or `did not` of something else is none."""
    assert bool(WORK_DELAYED.search(text)) is stall


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
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    deal = one_article_deal([signed], "2024-10-01", delays=((1, delay),))
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
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    deal = one_article_deal([signed], "2024-10-01", delays=((1, delay),))
    assert [h.stage for h in deal.history] == ["agreement", "stalled"]


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
        event(1, "talks", "2025-04-02", "The minister met Orbita's delegation in Astana."),
        event(2, "deployment", "2025-04-03", sentence),
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
        [event(1, "deployment", "2024-03", began)], "2024-10-02", asides=((1, sentence),)
    )
    assert dated_stages(deal) == [("deployment", "2024-03"), ("deployment", "2024-10-02")]


def test_a_count_of_the_work_done_so_far_does_not_resume_work_stopped():
    """A suspension on Monday, then the count of what was installed by then: the deal is
    stalled, not under way again."""
    deal = one_article_deal(
        [
            event(1, "deployment", "2024-03", "Orbita began installing the gateway in March."),
            event(2, "cancelled", "2024-10-01", "On Monday the ministry suspended the contract."),
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
            event(1, "cancelled", "2024-10-01", "The ministry cancelled its contract with Orbita."),
            event(2, "deployment", "2024-10-01", "Orbita, whose crews had installed 300 antennas."),
        ],
        "2024-10-01",
    )
    assert deal.status == "cancelled"


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
    launch = event(1, "deployment", "2025-06", "Orbita began laying the cable in June.")
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
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    deal = one_article_deal([signed], "2024-10-01", delays=((1, delay),))
    assert [(h.stage, str(h.target) if h.target else None) for h in deal.history] == [
        ("agreement", None),
        ("stalled", None),
        ("plan", target),
    ]


JULY = PartialDate.parse("2025-07-01")


@pytest.mark.parametrize(
    ("sentence", "stage", "date"),
    [
        ("In February the holding sealed the deal with the operator.", "agreement", "2025-02"),
        ("В феврале холдинг заключил сделку с оператором.", "agreement", "2025-02"),
        ("In March, the two carriers agreed on the transit tariffs.", "agreement", "2025-03"),
        ("Холдинг в апреле согласовал трассу кабеля.", "agreement", "2025-04"),
        ("Last autumn the grant agreement was signed.", "agreement", "2024"),
        ("В мае монтаж мачт возобновлен.", "deployment", "2025-05"),
    ],
)
def test_an_aside_reads_a_date_set_before_its_verb_in_its_clause(sentence, stage, date):
    """A date set before the verb, in the verb's clause, dates the step, as the event
    reader reads one anywhere in its sentence."""
    found = aside_step(sentence, JULY)
    assert found is not None
    assert (found[0], str(found[1])) == (stage, date)


def test_an_aside_does_not_read_the_date_of_an_earlier_clause():
    """A date of another clause (`bought … in 2024, and …`) is not the step's."""
    found = aside_step("Orbita bought the site in 2024, and a contract was signed.", JULY)
    assert found is None or found[1] is None or str(found[1]) != "2024"


@pytest.mark.parametrize(
    "ended",
    [
        "The ministry shelved the Orbita terminal scheme in September.",
        "Orbita walked away from the terminal deal in September.",
        "The regulator revoked Orbita's landing rights in September.",
        "The Orbita contract was rescinded in September.",
        "The court declared the Orbita contract invalid in September.",
        "В сентябре Orbita вышла из проекта.",
        "В сентябре регулятор отозвал лицензию Orbita.",
        "В сентябре министерство свернуло проект с Orbita.",
        "В сентябре стороны разорвали контракт с Orbita.",
    ],
)
def test_an_end_in_any_words_stays_an_end_though_the_deal_went_on(ended):
    """A dated cancellation telling an end (END_CUES) stays `cancelled` though the deal
    went on: what came after is a new start."""
    renewed = "Orbita agreed a renewed deal for the terminals."
    deal = deal_of(
        event(1, "cancelled", "2024-09", ended), event(2, "agreement", "2024-12", renewed)
    )
    assert [h.stage for h in deal.history] == ["cancelled", "agreement"]


@pytest.mark.parametrize(
    "halted",
    [
        "Cable laying for Orbita was put on ice in September.",
        "Work on the Orbita gateway ground to a halt in September.",
        "The Orbita gateway has been mothballed since September.",
        "В сентябре работы на станции Orbita поставлены на паузу.",
        "В сентябре подрядчик остановил стройку станции Orbita.",
        "В сентябре строительство станции Orbita застопорилось.",
    ],
)
def test_a_halt_in_any_words_is_a_stall(halted):
    """A cancellation telling a halt (STANDSTILL), not an end, is `stalled`."""
    deal = deal_of(event(1, "cancelled", "2024-09", halted))
    assert [h.stage for h in deal.history] == ["stalled"]


@pytest.mark.parametrize(
    "delayed",
    [
        "Laying of the Orbita cable was deferred in September.",
        "The Orbita gateway works were pushed back in September.",
        "The Orbita gateway build was put off in September over a permit.",
        "Since September the Orbita gateway has been on the back burner.",
        "Since September the Orbita gateway works have been in limbo.",
        "In September the Orbita gateway works were at a standstill.",
        "Монтаж станции Orbita в сентябре был отсрочен.",
        "В сентябре ввод станции Orbita перенесён на весну.",
        "В сентябре монтаж станции Orbita затянулся.",
        "В сентябре сроки монтажа станции Orbita сдвинулись.",
        "В сентябре монтаж станции Orbita пробуксовывал.",
    ],
)
def test_a_delay_in_any_words_is_a_stall(delayed):
    """An event whose sentence tells work delayed (DELAY_CUES) is `stalled`."""
    deal = deal_of(event(1, "deployment", "2024-09", delayed))
    assert [h.stage for h in deal.history] == ["stalled"]


def test_a_deal_that_got_moving_is_no_delay():
    moved = "В сентябре монтаж станции Orbita сдвинулся с мёртвой точки."
    deal = deal_of(event(1, "deployment", "2024-09", moved))
    assert [h.stage for h in deal.history] == ["deployment"]


def test_a_ban_in_russian_blocks_and_a_ban_lifted_does_not():
    banned = "В сентябре регулятор ввёл запрет на ввоз терминалов Orbita."
    lifted = "The regulator lifted the ban on Orbita terminals in September."
    lifted_ru = "В сентябре правительство сняло запрет на терминалы Orbita."
    assert [h.stage for h in deal_of(event(1, "plan", "2024-09", banned)).history] == ["stalled"]
    for text in (lifted, lifted_ru):
        deal = deal_of(event(1, "agreement", "2024-09", text))
        assert [h.stage for h in deal.history] == ["agreement"]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The contractor resumed laying the cable in May.", "2025-05"),
        ("Orbita restarted the works at the gateway in May.", "2025-05"),
        ("Since the resumption of construction in May, crews have laid 40 km.", "2025-05"),
        ("In May the gateway works were back on track.", "2025-05"),
        ("В мае подрядчик возобновил работы на станции.", "2025-05"),
        ("После возобновления строительства в мае бригады проложили 20 км.", "2025-05"),
        ("В мае министерство разморозило проект станции.", "2025-05"),
        ("С мая работы на станции вновь ведутся.", "2025-05"),
    ],
)
def test_work_resumed_in_any_words_is_a_deployment(sentence, date):
    found = aside_step(sentence, JULY)
    assert found is not None
    assert (found[0], str(found[1])) == ("deployment", date)


@pytest.mark.parametrize(
    "sentence",
    [
        "The city hopes for the resumption of works at the site.",
        "The resumption of works is planned for May.",
        "В мэрии рассчитывают на возобновление работ.",
        "Подрядчик возобновит монтаж в мае.",
    ],
)
def test_a_resumption_hoped_for_or_ahead_is_no_step(sentence):
    found = aside_step(sentence, JULY)
    assert found is None or found[0] != "deployment"


@pytest.mark.parametrize(
    "changed",
    [
        "In May Orbita dropped Nordtel in favour of Baltel for the gateway.",
        "In May Orbita switched from Nordtel to Baltel for the gateway.",
        "In May Orbita swapped Nordtel for Baltel as the gateway builder.",
        "In May Baltel was named the gateway's new contractor.",
        "В мае Orbita выбрала для станции Baltel вместо финской Nordtel.",
        "В мае на смену Nordtel на стройке станции пришла Baltel.",
        "В мае Orbita заменила Nordtel на Baltel.",
        "В мае подрядчик станции заменён на Baltel.",
        "В мае новым подрядчиком станции стала Baltel.",
    ],
)
def test_a_party_replaced_in_any_words_is_a_partner_change(changed):
    deal = deal_of(event(1, "agreement", "2024-05", changed))
    assert [h.stage for h in deal.history] == ["partner-change"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In May the court ruled in favour of Orbita.",
        "In May Orbita switched to 5G at the gateway.",
        "Вместо этого Orbita намерена в мае построить свою станцию.",
    ],
)
def test_a_ruling_a_switch_on_or_an_instead_is_no_partner_change(sentence):
    deal = deal_of(event(1, "plan", "2024-05", sentence))
    assert "partner-change" not in [h.stage for h in deal.history]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The loan agreement was inked in May.", "2025-05"),
        ("The supply deal was finalised in April.", "2025-04"),
        ("В мае был подписан контракт на поставку терминалов.", "2025-05"),
        ("В апреле заключено соглашение о гранте.", "2025-04"),
        ("The committee approved Orbita's acquisition of the stake in May.", "2025-05"),
        ("The takeover of the operator was cleared in May.", "2025-05"),
        ("В мае ведомство одобрило сделку.", "2025-05"),
        ("Сделка по покупке оператора одобрена в мае.", "2025-05"),
    ],
)
def test_a_contract_signed_or_an_acquisition_approved_in_any_words_is_an_agreement(sentence, date):
    found = aside_step(sentence, JULY)
    assert found is not None
    assert (found[0], str(found[1])) == ("agreement", date)


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator is expected to approve the deal by June.",
        "Сделка пока не одобрена регулятором.",
        "The board approved the budget in May.",
    ],
)
def test_an_approval_ahead_or_of_no_acquisition_is_no_agreement(sentence):
    found = aside_step(sentence, JULY)
    assert found is None or found[0] != "agreement"


@pytest.mark.parametrize(
    ("stage", "sentence", "step"),
    [
        (
            "deployment",
            "Строительство станции Orbita началось в мае 2022 года, но в декабре 2022 года работы"
            " заморожены.",
            "deployment",
        ),
        (
            "agreement",
            "The Orbita contract was signed in May 2022, but the works were delayed in December"
            " 2022.",
            "agreement",
        ),
        (
            "agreement",
            "Контракт с Orbita подписали в мае 2022 года, однако в декабре 2022 года работы"
            " отложены.",
            "agreement",
        ),
        (
            "mou",
            "The Orbita memorandum was signed in May 2022, but talks stalled in December 2022.",
            "mou",
        ),
    ],
)
def test_a_signing_or_a_start_then_its_stall_is_two_entries_in_either_language(
    stage, sentence, step
):
    """A sentence telling a step and then its stall (steps.py), the step a signing too, the
    join Russian too (`но`, `однако`): the step of its own date, and the stall."""
    deal = deal_of(event(1, stage, "2022-12", sentence), date="2023-03-01")
    assert dated_stages(deal) == [(step, "2022-05"), ("stalled", "2022-12")]


@pytest.mark.parametrize(
    "done",
    [
        "In May Orbita completed construction of the gateway's first section.",
        "В мае завершено строительство первого участка станции Orbita.",
        "В мае Orbita завершила прокладку кабеля к станции.",
        "В мае окончен монтаж станции Orbita.",
    ],
)
def test_building_work_told_done_verb_first_is_a_launch(done):
    deal = deal_of(event(1, "deployment", "2024-05", done))
    assert [h.stage for h in deal.history] == ["launch"]


@pytest.mark.parametrize(
    "ahead",
    [
        "By May Orbita will have completed construction of the gateway's first section.",
        "В мае форум Orbita завершил работу.",
    ],
)
def test_building_work_ahead_or_a_forum_closing_is_no_launch(ahead):
    deal = deal_of(event(1, "deployment", "2024-05", ahead))
    assert [h.stage for h in deal.history] == ["deployment"]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Orbita began laying the cable to the gateway in May.", "2025-05"),
        ("Builders broke ground for the gateway in May.", "2025-05"),
        ("В мае Orbita приступила к монтажу станции.", "2025-05"),
        ("В мае подрядчики начали прокладку кабеля.", "2025-05"),
        ("В мае на площадке заложили первый камень станции.", "2025-05"),
    ],
)
def test_work_begun_told_verb_first_is_a_deployment(sentence, date):
    found = aside_step(sentence, JULY)
    assert found is not None
    assert (found[0], str(found[1])) == ("deployment", date)


def test_an_undated_start_of_work_an_event_reads_is_one_start():
    """`Orbita начала строительство станции` read by the title's event, then the lead's
    `Orbita приступила к монтажу станции` with no date: one start; a resumption told so is
    an entry of its own."""
    begun = event(1, "deployment", "2025-06", "Orbita начала строительство станции")
    signed = event(2, "agreement", "2025-03", "Оператор в марте подписал контракт с Orbita.")
    again = "Orbita приступила к монтажу станции, сообщила компания."
    deal = one_article_deal([begun, signed], "2025-07-01", asides=((2, again),))
    assert sorted(h.stage for h in deal.history) == ["agreement", "deployment"]
    resumed = "Монтаж станции Orbita возобновлен, сообщила компания."
    deal = one_article_deal([begun, signed], "2025-07-01", asides=((2, resumed),))
    assert sorted(h.stage for h in deal.history) == ["agreement", "deployment", "deployment"]


@pytest.mark.parametrize(
    "closed",
    [
        "Orbita signed for the Nordtel stake in May, and the deal was completed in June.",
        "Orbita took full control of Nordtel in June, a year after it agreed the purchase.",
        "Orbita became the sole owner of Nordtel in June under the agreement.",
        "В июне Orbita стала единственным владельцем Nordtel по соглашению о покупке.",
        "В июне Orbita получила контроль над Nordtel по договору купли-продажи.",
        "В июне Nordtel перешёл под контроль Orbita по договору о покупке.",
    ],
)
def test_a_sale_completed_in_any_words_is_a_launch_entry(closed):
    deal = deal_of(event(1, "agreement", "2024-06", closed))
    assert "launch" in [h.stage for h in deal.history]


def test_taking_control_of_a_project_is_no_sale_completed():
    taken = "In June the ministry took control of the gateway project under the agreement."
    deal = deal_of(event(1, "agreement", "2024-06", taken))
    assert "launch" not in [h.stage for h in deal.history]


def test_a_step_yet_to_be_taken_is_a_stall_and_a_commitment_yet_to_come_is_not():
    yet = "The Orbita gateway, whose works began in 2022, has yet to be completed."
    assert [h.stage for h in deal_of(event(1, "deployment", "2024-06", yet)).history] == ["stalled"]
    weighing = "Orbita is weighing a gateway in Kazakhstan but has yet to commit to one."
    assert [h.stage for h in deal_of(event(1, "talks", "2024-06", weighing)).history] == ["talks"]


@pytest.mark.parametrize(
    ("delay", "target"),
    [
        ("A lack of permits has pushed the gateway's opening into 2027.", "2027"),
        ("The gateway's opening was delayed and rescheduled for March 2027.", "2027-03"),
    ],
)
def test_a_delay_naming_its_new_date_in_other_words_is_also_the_plan(delay, target):
    signed = event(1, "agreement", "2024-02", "Orbita signed the gateway contract in February.")
    deal = one_article_deal([signed], "2024-10-01", delays=((1, delay),))
    assert [(h.stage, str(h.target) if h.target else None) for h in deal.history] == [
        ("agreement", None),
        ("stalled", None),
        ("plan", target),
    ]
    assert deal_of(event(1, "deployment", "2024-06", delay)).history[0].stage == "stalled"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Discussions with the regulator on the landing rights were held in May.", "2025-05"),
        ("Конкурс на строительство станции объявили в марте.", "2025-03"),
    ],
)
def test_discussions_or_a_russian_konkurs_held_are_talks(sentence, date):
    found = aside_step(sentence, JULY)
    assert found is not None
    assert (found[0], str(found[1])) == ("talks", date)


def test_a_konkurs_won_is_no_talks():
    found = aside_step("По итогам конкурса в марте победила Orbita.", JULY)
    assert found is None or found[0] != "talks"


def test_an_aside_does_not_read_the_date_of_a_relative_clause_before_it():
    found = aside_step("Orbita, which won the tender in 2023, had the contract signed.", JULY)
    assert found is None or found[1] is None or str(found[1]) != "2023"


@pytest.mark.parametrize(
    "told",
    [
        "The opening of the gateway was deferred to the spring.",
        "Since then the gateway project has been in limbo.",
        "Строительство шлюза застопорилось из-за отсутствия разрешения.",
    ],
)
def test_a_new_delay_word_in_a_sentence_no_event_reads_is_a_stall(told: str) -> None:
    """The cheap test of a body for delay words (deals/facts.py) holds every word the
    delay pattern may match on: one word missing there hides every sentence using it."""
    first = "Orbita signed a gateway contract with the ministry."
    signed = event(1, "agreement", "2025-03-01", first)
    tagged = TaggedArticle(id="a1", path="a1.txt", body=f"{first} {told}", events=[signed])
    assert delays_told_apart(tagged) == ((1, told),)


def test_a_delay_told_of_an_earlier_time_is_not_dated_by_its_article():
    """`At that time, the service was to start in 2022, but it was postponed.` after a
    visit the article dates to no year: the stall is not the article's news, so it stays
    undated; a delay told without such words is still the article's news."""
    hopes = "Both sides said they hoped to work together on the gateway."
    then = "At that time, the service was to start in 2022, but it was postponed."
    now = "The opening of the gateway was postponed again."
    russian = "На тот момент запуск сети планировали на 2023 год, но его отложили."
    entries = []
    for number, told in ((1, then), (2, now), (3, russian)):
        entries.append(
            event(number, "plan", "2024-05-14", hopes).model_copy(
                update={
                    "evidence": [
                        Evidence(field="body", start=0, end=len(hopes), text=hopes),
                        Evidence(field="body", start=100, end=100 + len(told), text=told),
                    ]
                }
            )
        )
    deal = deal_of(*entries, date="2024-05-14")
    stalls = [
        (h.event, str(h.date) if h.date else None) for h in deal.history if h.stage == "stalled"
    ]
    assert sorted(stalls) == [(1, None), (2, "2024-05-14"), (3, None)]


def test_a_trial_completed_by_an_operator_that_now_offers_the_service_is_a_launch():
    """`completed its trials and now offers 5G services in two districts`: the service is
    live; a trial completed of a service it will offer later is still work under way."""
    deal = deal_of(
        event(
            1,
            "launch",
            "2025-04",
            "Orbita completed its trials and now offers 5G services in two districts.",
        ),
        event(
            2,
            "launch",
            "2025-06",
            "Orbita completed its gateway tests and will offer the service next year.",
        ),
    )
    assert [h.stage for h in deal.history] == ["launch", "deployment"]


def test_blocks_of_spectrum_won_or_allocated_are_no_block():
    """`won two blocks of spectrum`, `will allocate it a block in the 1800 MHz band`: what
    was sold, not a stall; `the regulator blocks the sale` still stalls the deal."""
    deal = deal_of(
        event(1, "agreement", "2024-03", "Orbita won two blocks of 10 MHz spectrum at auction."),
        event(
            2, "plan", "2024-04", "The ministry will allocate Orbita a block in the 1800 MHz band."
        ),
        event(3, "agreement", "2024-06", "The regulator blocks the sale of Orbita's local unit."),
    )
    assert [h.stage for h in deal.history] == ["agreement", "plan", "stalled"]


def test_a_party_put_in_the_place_of_another_is_a_partner_change_in_either_language():
    """`approved the money in its place`, `согласовали замену подрядчика`, and a contract
    ended whose work was handed to another (`расторгло контракт ... и передало работы`):
    an end, the change and the new contract."""
    deal = deal_of(
        event(1, "agreement", "2023-09", "The fund approved $40 million in its place."),
        event(2, "agreement", "2024-02", "Банк согласовал замену подрядчика."),
        event(
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
    signed = event(
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
    signed = event(1, "agreement", "2024-05-17", "The two companies signed the contract")
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


def test_work_that_was_to_be_done_by_a_date_is_a_missed_plan_unless_a_delay_is_told():
    """`was supposed to be commissioned by the end of 2025` read as a launch is the plan it
    missed; `which was due to be finished last year, is far behind schedule` a stall, and
    `which was due to open in 2024, was launched on Monday` a launch."""
    deal = deal_of(
        event(1, "agreement", "2023-04", "Orbita signed the contract in April 2023."),
        event(
            2,
            "launch",
            "2023-04",
            "The station was supposed to be commissioned by the end of 2025 under the "
            "contract signed in April 2023.",
        ),
        event(
            3,
            "deployment",
            "2025-12",
            "Construction of the station, which was due to be finished last year, is far "
            "behind schedule.",
        ),
        event(
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
        event(1, "deployment", "2026-02-16", "Строительство станции продолжается."),
        event(2, "plan", None, recalled),
        date="2026-02-17",
    )
    assert dated_stages(deal) == [
        ("deployment", "2026-02-16"),
        ("stalled", None),
        ("plan", None),
    ]
    assert deal.status == "deployment"


def test_an_aim_given_up_is_a_postponement():
    """`The sale, which was due to close by the end of 2025, will not be completed before
    June`: the stall, told on the article's day, and the plan aiming at June; a missed
    aim, not work standing still: the deal stays at its agreement."""
    text = (
        "The sale of the stake, which was due to close by the end of 2025, will not be "
        "completed before June, the agency said."
    )
    deal = deal_of(
        event(1, "agreement", "2025-06-10", "The two sides signed the sale agreement."),
        event(2, "plan", "2026-06", text),
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
        event(1, "agreement", "2023-02", "The joint venture has still not been registered."),
        event(2, "deployment", "2023-02", "Строительство линии до сих пор не завершено."),
        date="2023-02-09",
    )
    assert [h.stage for h in deal.history] == ["stalled", "stalled"]


def test_a_sentence_opening_on_the_time_since_a_step_tells_the_article_news():
    """`Nearly a year after KazTel signed a memorandum with Orbita in March last year, only
    12 schools have terminals.` read as a stall dated March: the stall is the article's
    news, after the work that began in September, so the deal stands stalled."""
    deal = deal_of(
        event(1, "mou", "2023-03", "KazTel signed a memorandum with Orbita."),
        event(2, "deployment", "2023-09", "Installation began in September."),
        event(
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


def test_a_step_told_after_the_time_since_another_keeps_its_date():
    """`Two years after the memorandum, KazTel and Orbita signed the contract in May 2021.`
    in an article of 2024: a step with its own date, not the article's news."""
    deal = deal_of(
        event(
            1,
            "agreement",
            "2021-05",
            "Two years after the memorandum, KazTel and Orbita signed the contract in May 2021.",
        ),
        date="2024-02-07",
    )
    assert dated_stages(deal) == [("agreement", "2021-05")]


def test_a_trial_completed_and_a_channel_that_began_broadcasting_is_a_launch() -> None:
    """`began broadcasting` tells a service live as `began service` does: the cue's
    prefilter words must hold it, or the sentence is never searched."""
    assert IN_SERVICE.search("After its trials the channel began broadcasting in Khorog.")
    deal = deal_of(
        event(1, "launch", "2025-04", "Orbita TV completed its trials and began broadcasting."),
        event(2, "launch", "2025-06", "Orbita TV completed its trials of the new transmitter."),
    )
    assert [h.stage for h in deal.history] == ["launch", "deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "At that time, the gateway was to open in 2022.",
        "At the time, the operator hoped to finish the line by 2023.",
        "Back then, the works were halted.",
        "На тот момент запуск планировали на 2023 год.",
        "В то время строительство линии было приостановлено.",
    ],
)
def test_a_time_told_before_is_recalled(text: str) -> None:
    assert RECALLED.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the time of writing, the gateway had been postponed.",  # now
        "Проект отложили, в то время как соседи уже построили линию.",  # whereas
    ],
)
def test_now_and_whereas_are_not_a_time_told_before(text: str) -> None:
    assert RECALLED.search(text) is None


def _delays(body: str, *events) -> tuple[tuple[int, str], ...]:
    """The delays `body` tells in sentences none of `events` (each placed where its text
    is) reads."""
    placed = [
        e.model_copy(update={"start": body.index(e.text), "end": body.index(e.text) + len(e.text)})
        for e in events
    ]
    return delays_told_apart(TaggedArticle(id="a1", path="a1.txt", body=body, events=placed))


@pytest.mark.parametrize(
    "end",
    [
        # every form of the past the pattern reads, not only the plural
        "Обсуждение кредита закончилось безрезультатно.",
        "Работа над меморандумом завершилась без соглашения.",
        "Переговоры о поставках закончились ничем.",
        "Тендер на строительство линии отменён.",
    ],
)
def test_a_russian_end_is_read_in_every_form(end: str) -> None:
    assert END_CUES.search(end)


def test_work_fallen_behind_is_a_stall_where_no_event_reads_it() -> None:
    # `has fallen behind` as well as `fell behind` (docs/deals.md: held up, fallen behind …)
    signed = event(1, "agreement", "2024-02", "Orbita signed the hub contract in February.")
    stall = "The trenching crews have fallen behind by two months."
    assert _delays(f"{signed.text} {stall}", signed) == ((1, stall),)


SIGNED = "Orbita signed the hub contract in February."


def _history(delay: str, date: str | None = "2024-10-01") -> list[tuple[str, str | None]]:
    """The history of a one-article deal of a signing and, in a sentence no event reads,
    `delay`, told in an article of `date`."""
    signed = event(1, "agreement", "2024-02", SIGNED)
    facts = ArticleFacts(
        id="a1",
        date=PartialDate.parse(date) if date else None,
        source=None,
        url=None,
        title=None,
        fingerprint=fingerprint("a1"),
        events=(signed,),
        countries=("KZ",),
        subject="KZ",
        delays=((1, delay),),
    )
    group = DealGroup("orbita-kz", "Orbita – Kazakhstan", False)
    group.events = [("a1", 1)]
    return dated_stages(build_deal(group, {"a1": facts}))


_WORDS = st.sampled_from(
    [
        *("postponed", "pushed", "back", "to", "until", "again", "will", "not", "open"),
        *("before", "May", "2026", "the", "hub", "by", "spring", "of", ",", "."),
        *("перенесен", "отложен", "на", "до", "мая", "весны", "2026", "года", "вновь"),
        *("Kcell", "Кселл", "0", "99999", "-", " "),
    ]
)

_SENTENCES = st.one_of(st.text(max_size=80), st.lists(_WORDS, max_size=14).map(" ".join))


def test_a_new_date_already_past_when_the_delay_is_told_plans_nothing() -> None:
    # the work moved to May, told in October: the plan it made is no aim left
    assert _history("The opening of the hub was postponed to May 2024.") == [
        ("agreement", "2024-02"),
        ("stalled", "2024-10-01"),
    ]


def test_the_new_date_is_read_after_the_delay_words_not_before() -> None:
    # `In July` dates the delay; the date the work moves to comes after `postponed to`
    history = _history("In July the opening of the hub was postponed to May 2026.")
    assert history[1:] == [("stalled", "2024-07"), ("plan", "2024-07")]


@pytest.mark.parametrize(
    "delay",
    [
        "The opening of the hub was postponed again until May 2026.",
        "Открытие хаба было отложено вновь до весны 2026 года.",
    ],
)
def test_a_delay_told_again_naming_its_new_date_plans_it(delay: str) -> None:
    assert [stage for stage, _ in _history(delay)] == ["agreement", "stalled", "plan"]


def test_an_undated_article_telling_a_delay_to_a_new_date_is_a_stall_alone() -> None:
    # no date to tell the new date after: the stall, undated, and no plan (and no crash)
    assert _history("The opening of the hub was postponed to May 2026.", None) == [
        ("agreement", "2024-02"),
        ("stalled", None),
    ]


def test_a_delay_to_a_new_date_in_the_events_own_evidence_plans_it() -> None:
    later = "The opening of the hub was then postponed to May 2026."
    signed = event(1, "agreement", "2024-02", SIGNED).model_copy(
        update={
            "evidence": [
                Evidence(field="body", start=0, end=len(SIGNED), text=SIGNED),
                Evidence(field="body", start=len(SIGNED) + 1, end=len(SIGNED) + 1, text=later),
            ]
        }
    )
    deal = deal_of(signed, date="2024-10-01")
    assert [h.stage for h in deal.history] == ["agreement", "stalled", "plan"]
    assert str(deal.history[-1].target) == "2026-05"


@given(
    delay=_SENTENCES,
    published=st.sampled_from([None, "2024", "2024-10", "2024-10-01"]),
)
def test_any_delay_told_apart_gives_a_stall_first(delay: str, published: str | None) -> None:
    signed = event(1, "agreement", "2024-02", SIGNED)
    when = PartialDate.parse(published) if published else None
    entries = steps_of(signed, "agreement", when, delays=(delay,))
    assert entries[0] == (signed, "agreement")
    assert [stage for _, stage in entries[1:2]] in ([], ["stalled"])
    for told, stage in entries[2:]:
        assert stage == "plan" and told.target is not None


@pytest.mark.parametrize(
    "delay",
    [
        "The opening of the hub was put off until May 2026.",
        "The opening of the hub was moved to May 2026.",
        "The opening of the hub was deferred to May 2026.",
        "The opening of the hub was rescheduled to May 2026.",
        "The opening of the hub has shifted to May 2026.",
        "The opening of the hub has slipped to May 2026.",
        "The opening of the hub was delayed till May 2026.",
        "Supply problems put the opening off until May 2026.",
        "The hub will not be ready before May 2026.",
        "The hub would not start until May 2026.",
        "Открытие хаба сдвинуто на осень 2026 года.",
        "Открытие хаба сдвигается на осень 2026 года.",
        "Открытие хаба отложили до осени 2026 года.",
        "Открытие хаба переносят на осень 2026 года.",
    ],
)
def test_every_delay_to_a_new_date_plans_it(delay: str) -> None:
    assert _history(delay)[1:] == [("stalled", "2024-10-01"), ("plan", "2024-10-01")]


def test_a_count_of_work_done_in_an_events_own_sentence_is_of_its_article_day() -> None:
    """story.asides_of: a count of the work done so far in a clause of an event's sentence,
    with no date of its own, is a deployment of its article's day."""
    text = "Orbita signed the gateway contract in March; so far 85 km of cable have been laid."
    deal = one_article_deal([event(1, "agreement", "2024-03", text)], "2024-10-02")
    assert ("deployment", "2024-10-02") in dated_stages(deal)


def test_what_a_russian_contractor_managed_to_do_is_a_count_of_work_done() -> None:
    """WORK_SO_FAR's «успел»: told apart after work begun months before."""
    deal = one_article_deal(
        [event(1, "deployment", "2024-03", "Orbita began installing the gateway in March.")],
        "2024-10-02",
        asides=((1, "Подрядчик успел проложить 90 км кабеля."),),
    )
    assert dated_stages(deal) == [("deployment", "2024-03"), ("deployment", "2024-10-02")]


@pytest.mark.parametrize("text", ["", ".", "visited", ", visited", "посетил;", "x" * 300])
def test_the_new_deal_cues_take_odd_text(text: str) -> None:
    visit_only(text)
    so_far(text)


def test_a_deal_of_one_event_with_no_date() -> None:
    deal = one_article_deal([event(1, "deployment", None, "So far 12 masts stand.")], "2024-10")
    assert deal.status


@pytest.mark.parametrize(
    "text", ["So far 12 masts have been installed.", "The minister visited the gateway."]
)
def test_an_undated_article_of_one_event_makes_a_deal(text: str) -> None:
    """WORK_SO_FAR dated by its article, and a visit read as talks, when the article has
    no date and its event none either."""
    deal = deal_of(event(1, "deployment", None, text), date=None)
    assert [stage for stage, _ in dated_stages(deal)]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was agreed to lay a second route in May.",
        "Engineers were agreed that the old route was too costly in May.",
        "It was agreed that the ministry would pick the route in May.",
        "The ministers agreed on the need to open a second route in May.",
        "Банк согласовал замену подрядчика в мае.",
        "Стороны договорились о встрече в мае.",
        "Стороны договорились о необходимости второго маршрута в мае.",
        "Стороны договорились открыть второй маршрут в мае.",
        "Трасса должна быть согласована в мае.",
        "The operator booked record revenue from capacity sales in May.",
        "The operator reserved the right to resell the capacity in May.",
        "Делегация забронировала гостиницу в мае.",
    ],
)
def test_an_aim_a_view_or_more_talks_agreed_is_no_agreement(sentence):
    found = aside_step(sentence, JULY)
    assert found is None or found[0] != "agreement"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The fees were agreed in May.", "2025-05"),
        ("Navtel leased a tenth of the new cable's capacity in May.", "2025-05"),
        ("Навтел зарезервировал половину ёмкости кабеля в мае.", "2025-05"),
        ("Стороны договорились об условиях транзита в мае.", "2025-05"),
    ],
)
def test_an_agreement_reached_is_still_read(sentence, date):
    found = aside_step(sentence, JULY)
    assert found is not None and (found[0], str(found[1])) == ("agreement", date)


def test_an_agreement_done_by_the_time_of_its_event_is_not_after_it():
    """`having already agreed` in a sentence read as work begun in June: the agreement is
    of June at the latest, not of the day the article told it (July)."""
    work = event(
        1,
        "deployment",
        "2025-06",
        "Navtel began laying the cable in June, having already agreed on the fees.",
    )
    assert dated_stages(one_article_deal([work], "2025-07-01")) == [
        ("deployment", "2025-06"),
        ("agreement", "2025-06"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("agreed booked capacity уже согласовали ёмкость 2025 май .,;")
        ),
        max_size=80,
    )
)
def test_aside_step_reads_any_sentence(text):
    aside_step(text, JULY)
    aside_step(text, None)


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


def test_an_event_naming_only_its_country_marks_no_progress_of_the_deal():
    works = event(1, "deployment", "2025-10", "Orbita began building the gateway in October.")
    border = event(
        2, "launch", "2025-12", "Every border post was given internet access in December."
    )
    border = border.model_copy(update={"parties": [KZ], "initiatives": []})
    deal = one_article_deal([works, border], "2026-02-10")
    assert deal.status == "deployment"
    # Named with the deal's type, the same launch is the deal's step.
    typed = border.model_copy(update={"initiatives": ["satellite"]})
    assert one_article_deal([works, typed], "2026-02-10").status == "launch"
