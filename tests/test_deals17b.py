"""Session 17's history vocabularies and aside dating (helper deals17b; docs/deals.md)."""

from __future__ import annotations

import pytest

from ca_connect.deals.facts import delays_told_apart
from ca_connect.deals.story import aside_step
from ca_connect.models import PartialDate, TaggedArticle
from tests.test_deals_history import dated_stages, deal_of, event, one_article_deal

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
