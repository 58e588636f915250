"""How a deal's history and status read its events (docs/deals.md, "History and
status"): built with status.build_deal on events written by hand, so the linker and the
event extractor play no part."""

from __future__ import annotations

import json

from ca_connect.deals.dating import project_timeline
from ca_connect.deals.facts import delays_told_apart, facts_from_json, facts_json, fingerprint
from ca_connect.deals.model import ArticleFacts, DealGroup
from ca_connect.deals.status import build_deal
from ca_connect.models import Event, Evidence, PartialDate, Party, TaggedArticle

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
