"""Russian dates: publication-date lines and event-date expressions (dates/russian.py).

Every line here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.dates import find_publication_date, resolve_event_date
from ca_connect.dates.russian import english_dates
from ca_connect.events import dating
from ca_connect.models import PartialDate

GENITIVE = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
NOMINATIVE = [
    "Январь",
    "Февраль",
    "Март",
    "Апрель",
    "Май",
    "Июнь",
    "Июль",
    "Август",
    "Сентябрь",
    "Октябрь",
    "Ноябрь",
    "Декабрь",
]
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))


def published(text: str) -> tuple[PartialDate | None, str | None]:
    return find_publication_date(text)


@given(days)
def test_a_date_line_in_words(day: dt.date) -> None:
    line = f"{day.day} {GENITIVE[day.month - 1]} {day.year} года"
    assert published(f"{line}\nЗаголовок новости\nТекст новости.\n") == (
        PartialDate.model_validate(day),
        "dateline",
    )


@given(days, st.booleans())
def test_a_date_line_with_a_nominative_month_and_a_time(day: dt.date, short: bool) -> None:
    suffix = " г., 18:25" if short else " в 09:05"
    line = f"{day.day:02d} {NOMINATIVE[day.month - 1]} {day.year}{suffix}"
    assert published(f"Заголовок\n{line}\nТекст.\n")[0] == PartialDate.model_validate(day)


@given(days, st.sampled_from([".", "-", "/"]))
def test_numeric_date_lines(day: dt.date, separator: str) -> None:
    line = f"Дата: 10:15, {day.day:02d}{separator}{day.month:02d}{separator}{day.year}."
    assert published(f"{line}\nТекст новости.\n")[0] == PartialDate.model_validate(day)


@given(st.text(alphabet=st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ 0123456789.,:г")))
def test_the_way_back_covers_the_text(text: str) -> None:
    english = english_dates(text)
    assert len(english.origin) == len(english.text) + 1
    assert english.origin == sorted(english.origin)
    assert english.origin[-1] == len(text)


@given(st.integers(min_value=1991, max_value=2098))
def test_relative_years(year: int) -> None:
    today = PartialDate(year=year, month=6, day=15)
    last = resolve_event_date("В прошлом году компания запустила сеть.", today)
    target = resolve_event_date("Спутник запустят в третьем квартале следующего года.", today)
    assert last is not None and last.date == PartialDate(year=year - 1)
    assert last.text == "В прошлом году"
    assert target is not None and target.date == PartialDate(year=year + 1) and target.planned
    assert target.text == "в третьем квартале следующего года"


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12))
def test_a_month_without_a_year_is_the_latest_up_to_publication(month: int, now: int) -> None:
    today = PartialDate(year=2024, month=now)
    sentence = f"Линию ввели в эксплуатацию в {GENITIVE[month - 1][:-1]}е."
    found = resolve_event_date(sentence, today)
    assert found is not None
    assert found.date == PartialDate(year=2024 if month <= now else 2023, month=month)


def test_written_event_dates_keep_their_text() -> None:
    sentence = "Соглашение подписали 19 декабря 2025 года в Ташкенте."
    found = resolve_event_date(sentence, None)
    assert found is not None and found.date == PartialDate(year=2025, month=12, day=19)
    assert sentence[found.start : found.end] == found.text == "19 декабря 2025 года"
    numeric = resolve_event_date("Документ подписан 24.02.2026 в Бишкеке.", None)
    assert numeric is not None and numeric.date == PartialDate(year=2026, month=2, day=24)


def test_datelines_with_short_years_and_dashes() -> None:
    assert published("Бишкек, 07.09.20. /Агентство/. Текст.\n")[0] == PartialDate(
        year=2020, month=9, day=7
    )
    assert published("Опубликовано: 18-05-2017\nТекст.\n")[0] == PartialDate(
        year=2017, month=5, day=18
    )


def test_a_target_date() -> None:
    found = resolve_event_date("Магистраль построят до конца 2027 года.", None)
    assert found is not None and found.planned and found.date == PartialDate(year=2027)


def test_a_yearless_dateline_needs_a_year() -> None:
    text = "Ташкент, 5 марта – Оператор запустил сеть.\n"
    assert published(text) == (None, None)
    assert find_publication_date(text, front_matter_date="2024")[0] == PartialDate(
        year=2024, month=3, day=5
    )


def test_the_traps_of_russian_pages() -> None:
    widget = "Курсы валют от 02/10/2024\n$1 – 12000\nГлавная новость\nТекст.\n"
    header = "Ташкент, 14:49 | 09 декабря\nЗаголовок\nТекст.\n"
    related = (
        "Читайте также: Сеть расширена 20 Январь 2026 г., 22:43 Спутник запущен "
        "19 Январь 2026 г., 22:16\nЗаголовок\nТекст.\n"
    )
    assert published(widget) == (None, None)
    assert published(header) == (None, None)
    assert published(related) == (None, None)


def test_a_breadcrumb_date_above_its_headline() -> None:
    text = (
        "Общество 14/03/2019 В Самарканде открыли новый центр обработки данных\n"
        "В Самарканде открыли новый центр обработки данных\n"
        "Текст.\n"
    )
    assert published(text)[0] == PartialDate(year=2019, month=3, day=14)


def test_a_weekday_is_the_latest_up_to_publication() -> None:
    friday = PartialDate(year=2025, month=5, day=16)
    found = resolve_event_date("Стороны в среду подписали соглашение.", friday)
    assert found is not None and found.date == PartialDate(year=2025, month=5, day=14)
    assert found.text == "в среду"
    last = resolve_event_date("Оператор в прошлый четверг запустил сеть.", friday)
    assert last is not None and last.date == PartialDate(year=2025, month=5, day=15)


def test_scheduled_for_a_month_is_a_target() -> None:
    found = resolve_event_date("Запуск спутника намечен на март.", PartialDate(year=2025, month=1))
    assert found is not None and found.planned and found.date == PartialDate(year=2025, month=3)
    found = resolve_event_date("Линию запланировано сдать в апреле-мае.", PartialDate(year=2025))
    assert found is None  # a yearless month needs a publication month


def test_scheduled_for_a_year_is_a_target() -> None:
    found = resolve_event_date("Ввод линии запланирован на 2026 год.", PartialDate(year=2024))
    assert found is not None and found.planned and found.date == PartialDate(year=2026)
    assert resolve_event_date("Сеть подключила на 1500 сёл больше.", PartialDate(year=2024)) is None


def test_by_a_year_is_a_target() -> None:
    for sentence in ("К 2027 году сёла подключат к ВОЛС.", "ЦОД построят до 2030 года."):
        found = resolve_event_date(sentence, PartialDate(year=2025))
        assert found is not None and found.planned and found.date.year in (2027, 2030)


def test_postponed_to_a_year_is_a_new_target_never_the_date() -> None:
    # The year a project is put off to is the new target, not when anything happened.
    found = resolve_event_date("Проект ВОЛС отложен на 2027 год.", PartialDate(year=2025))
    assert found is not None and found.planned and found.date == PartialDate(year=2027)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Запуск сети 5G перенесен на второй квартал 2027 года.", PartialDate(year=2027)),
        ("Сдачу линии перенесли на март.", PartialDate(year=2026, month=3)),
        ("Открытие ЦОД запланировано на вторую половину 2027 года.", PartialDate(year=2027)),
        ("The 5G launch has been postponed to the second quarter of 2027.", PartialDate(year=2027)),
        ("Commissioning of the line was pushed back to March.", PartialDate(year=2026, month=3)),
    ],
)
def test_a_delay_gives_its_new_target(sentence: str, target: PartialDate) -> None:
    found = resolve_event_date(sentence, PartialDate(year=2025, month=11, day=20))
    assert found is not None and found.planned and found.date == target


def test_a_memorandum_of_intent_plans_nothing() -> None:
    # «о намерениях» names the kind of memorandum; «намерены» would make a plan.
    published = PartialDate(year=2024, month=5, day=22)
    signed = resolve_event_date(
        "Меморандум о намерениях Kcell и Nokia подписали в марте.", published
    )
    assert (
        signed is not None and not signed.planned and signed.date == PartialDate(year=2024, month=3)
    )
    planned = resolve_event_date("Kcell и Nokia намерены подписать договор в июне.", published)
    assert (
        planned is not None and planned.planned and planned.date == PartialDate(year=2024, month=6)
    )


def test_a_perfective_future_makes_a_target() -> None:
    found = resolve_event_date("Работы начнутся в августе.", PartialDate(year=2024, month=6))
    assert found is not None and found.planned and found.date == PartialDate(year=2024, month=8)


@given(st.integers(min_value=1991, max_value=2099), st.sampled_from(["В первой", "Во второй"]))
def test_an_opening_half_of_a_month_before_a_plan_is_its_target(year: int, half: str) -> None:
    # The date opens the sentence (after a dateline's place and outlet): its clause plans.
    for opening in ("", "БИШКЕК /Кабар/ - "):
        sentence = f"{opening}{half} половине марта {year} года запланирован запуск сети."
        found = resolve_event_date(sentence, None)
        assert found is not None and found.planned
        assert found.date == PartialDate(year=year, month=3)


def test_the_end_of_the_year_is_a_target_in_the_year_of_publication() -> None:
    found = resolve_event_date(
        "Оператор до конца года построит шлюз в Караганде.", PartialDate(year=2025, month=4)
    )
    assert found is not None and found.planned and found.date == PartialDate(year=2025)
    assert found.text == "до конца года"


@given(st.integers(min_value=1991, max_value=2090), st.integers(min_value=1, max_value=9))
def test_a_programmes_years_end_in_its_target(first: int, length: int) -> None:
    sentence = f"Правительство приняло программу на {first}–{first + length} годы."
    found = resolve_event_date(sentence, None)
    assert found is not None and found.planned
    assert found.date == PartialDate(year=first + length)


def test_a_season_with_its_year_is_a_target_after_k() -> None:
    found = resolve_event_date("Монтаж линии завершат к осени 2027 года.", None)
    assert found is not None and found.planned and found.date == PartialDate(year=2027)
    told = resolve_event_date("Тендер провели летом.", PartialDate(year=2025, month=10))
    assert told is not None and not told.planned and told.date == PartialDate(year=2025)


def test_a_window_of_months_is_its_year() -> None:
    found = resolve_event_date(
        "Разработка планировки ожидается в июле-октябре.", PartialDate(year=2024, month=2)
    )
    assert found is not None and found.planned and found.date == PartialDate(year=2024)


@given(st.integers(min_value=2000, max_value=2090), st.sampled_from(["должен", "должна", "должны"]))
def test_should_makes_a_target(year: int, should: str) -> None:
    # «должен», «должна», «должны» plan as `should` does.
    found = resolve_event_date(f"Новый узел связи {should} заработать в {year} году.", None)
    assert found is not None and found.planned and found.date == PartialDate(year=year)


def test_a_participle_ending_the_sentence_dates_its_noun_not_the_event() -> None:
    today = PartialDate(year=2024, month=6, day=15)
    for sentence in (
        "Линию строят на средства кредита банка, подписанного в прошлом году.",
        "Линию строят по контракту с Huawei, заключённому 5 марта 2023 года.",
    ):
        assert resolve_event_date(sentence, today) is None
    # A date of the event before the participle still dates it.
    found = resolve_event_date(
        "Линию начали строить в мае, по контракту, подписанному в 2023 году.", today
    )
    assert found is not None and found.date == PartialDate(year=2024, month=5)


@given(days, st.sampled_from(["ИНТЕРФАКС", "КАЗТАГ", "INTERFAX.RU", "AKIPRESS"]))
def test_an_agency_dateline_reads_back(day: dt.date, agency: str) -> None:
    line = (
        f"Ташкент. {day.day} {GENITIVE[day.month - 1]} {day.year} г. {agency} - Оператор сообщил."
    )
    assert published(f"Заголовок новости\n\n{line}\n") == (
        PartialDate.model_validate(day),
        "dateline",
    )


def test_a_year_opening_a_plan_past_a_list_of_cities_is_a_target() -> None:
    sentence = "В этом году в Бишкеке, Оше и Караколе будут построены 300 базовых станций."
    event = resolve_event_date(sentence, PartialDate.parse("2025-02-10"))
    assert event is not None and (str(event.date), event.planned) == ("2025", True)


recent = st.dates(min_value=dt.date(2001, 1, 1), max_value=dt.date(2098, 12, 31))
QUARTERS = [
    ("первом", "I", "1"),
    ("втором", "II", "2"),
    ("третьем", "III", "3-м"),
    ("четвертом", "IV", "4"),
]


@given(
    st.integers(min_value=1991, max_value=2098),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=2),
)
def test_a_quarter_in_words_roman_or_digits(year: int, quarter: int, form: int) -> None:
    found = resolve_event_date(
        f"Линия будет сдана в {QUARTERS[quarter][form]} квартале {year} года.",
        PartialDate(year=1990),
    )
    assert found is not None and found.planned and found.date == PartialDate(year=year)


@given(st.integers(min_value=1991, max_value=2098), st.sampled_from(["первом", "втором"]))
def test_a_half_year_is_a_polugodie_too(year: int, half: str) -> None:
    written = resolve_event_date(f"Работы остановлены в {half} полугодии {year} года.", None)
    assert written is not None and written.date == PartialDate(year=year)
    pub = PartialDate(year=year, month=1)
    alone = resolve_event_date(f"Работы будут завершены в {half} полугодии.", pub)
    assert alone is not None and alone.planned and alone.date == PartialDate(year=year)


@given(
    recent, st.integers(min_value=0, max_value=11), st.sampled_from(["конце", "начале", "середине"])
)
def test_the_end_beginning_or_middle_of_a_period(day: dt.date, month: int, where: str) -> None:
    pub = PartialDate.model_validate(day)
    of_month = resolve_event_date(f"Сделку подписали в {where} {GENITIVE[month]}.", pub)
    latest = day.year - (month + 1 > day.month)
    assert of_month is not None and of_month.date == PartialDate(year=latest, month=month + 1)
    of_year = resolve_event_date(f"Сделку подписали в {where} {day.year - 1} года.", pub)
    assert of_year is not None and of_year.date == PartialDate(year=day.year - 1)
    last = resolve_event_date(f"Сделку подписали в {where} прошлого года.", pub)
    assert last is not None and last.date == PartialDate(year=day.year - 1)
    aim = resolve_event_date("Линию сдадут до конца следующего года.", pub)
    assert aim is not None and aim.planned and aim.date == PartialDate(year=day.year + 1)


@given(recent, st.sampled_from([("два", 2), ("три", 3), ("5", 5), ("десять", 10)]))
def test_years_ago_in_russian(day: dt.date, count: tuple[str, int]) -> None:
    word, number = count
    pub = PartialDate.model_validate(day)
    found = resolve_event_date(f"Сделку подписали {word} года назад.", pub)
    assert found is not None and found.date == PartialDate(year=day.year - number)
    a_year = resolve_event_date("Сделку подписали год назад.", pub)
    assert a_year is not None and a_year.date == PartialDate(year=day.year - 1, month=day.month)


def test_vague_or_approximate_russian_agos_give_no_date() -> None:
    for sentence in ("Сделку подписали несколько лет назад.", "Сделку подписали почти год назад."):
        assert resolve_event_date(sentence, PartialDate(year=2025, month=6, day=18)) is None


def test_the_eve_and_a_season_told_relative_to_publication() -> None:
    pub = PartialDate(year=2025, month=6, day=18)
    eve = resolve_event_date("Накануне стороны подписали соглашение.", pub)
    assert eve is not None and eve.date == PartialDate(year=2025, month=6, day=17)
    autumn = resolve_event_date("Соглашение подписали прошлой осенью.", pub)
    assert autumn is not None and autumn.date == PartialDate(year=2024)


def test_a_missed_target_in_a_kotoruyu_aside_is_read_as_an_aside() -> None:
    # «которую» (and every case of «который») opens an aside like «которая».
    assert dating._ASIDE.search("Линию, которую должны были сдать в конце 2020 года, не сдали.")


def test_a_past_plan_is_a_target_and_the_same_year_counts_from_it() -> None:
    # «планировалось» plans (a missed aim); «того же года» is the year written before.
    sentence = (
        "Изначально линию планировалось сдать в конце 2023 года, однако в декабре того же "
        "года сроки перенесли."
    )
    pub = PartialDate(year=2024, month=9, day=12)
    aim = resolve_event_date(sentence, pub)
    moved = resolve_event_date(sentence, pub, past_only=True)
    assert aim is not None and aim.planned and aim.date == PartialDate(year=2023)
    assert moved is not None and moved.date == PartialDate(year=2023, month=12)


@given(recent, st.sampled_from([("лета", "summer"), ("осени", "autumn"), ("весны", "spring")]))
def test_since_last_season_is_the_year_befores(day: dt.date, season: tuple[str, str]) -> None:
    # «с прошлого лета» / `since last summer`: the year before publication's, also when
    # this year's season is over (that one is «этим летом», `this summer`).
    russian, english = season
    pub = PartialDate.model_validate(day)
    for sentence in (
        f"Пилот проводился с прошлого {russian} в Душанбе.",
        f"The pilot has run in Dushanbe since last {english}.",
    ):
        found = resolve_event_date(sentence, pub)
        assert found is not None and found.date == PartialDate(year=day.year - 1)


@given(
    recent,
    st.sampled_from(
        [
            ("запустит", "запустил"),
            ("завершат", "завершили"),
            ("построит", "построил"),
            ("подключим", "подключили"),
            ("откроет", "открыл"),
            ("подпишут", "подписали"),
            ("начнёт", "начал"),
            ("возобновит", "возобновил"),
        ]
    ),
)
def test_a_perfective_verbs_present_form_tells_the_future(
    day: dt.date, verbs: tuple[str, str]
) -> None:
    future, past = verbs
    published = PartialDate.model_validate(day)
    year = day.year + 1
    aim = resolve_event_date(f"Kcell {future} работы по сети 5G в {year} году.", published)
    assert aim is not None and aim.planned and aim.date == PartialDate(year=year)
    done = resolve_event_date(f"Kcell {past} работы по сети 5G в {day.year} году.", published)
    assert done is not None and not done.planned
