"""Review of session 17's event rules (docs/events.md), review17b: the sentences where
their words occur but the rule must not fire, and the rules no earlier test held.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.events import analyse
from ca_connect.models import Article

from .test_plans9_s11 import REAL
from .test_plans9_s11 import events as read_events

MEETING = "Kcell held talks with Huawei on 5G in Astana on Monday. "
VSTRECHA = "Kcell провел переговоры с Huawei по 5G в Астане в понедельник. "


def stages(body: str, language: str = "en") -> list[str]:
    return [event.stage for event in read_events(body, language, "2025-06-12")]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # `with other …` the topic's, not the talks' partners: the sides tell more
        (MEETING + "The sides also discussed cooperation with other operators.", "en"),
        (MEETING + "The sides also discussed a link to another data centre.", "en"),
        (VSTRECHA + "Стороны также обсудили сотрудничество с другими странами региона.", "ru"),
        # each other, the other side: those told
        (MEETING + "The sides also negotiated with each other on prices.", "en"),
        (MEETING + "The sides also held talks with the other side on prices.", "en"),
        # a clause of its own after the talks
        (MEETING + "The sides also held talks, with other issues left open.", "en"),
        # `с другой стороны` is `on the other hand`
        (VSTRECHA + "Переговоры, с другой стороны, продолжатся в мае.", "ru"),
    ],
)
def test_other_after_with_that_names_no_other_partners(body: str, language: str) -> None:
    assert stages(body, language) == ["talks"]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (MEETING + "Kcell is negotiating with another vendor as well.", "en"),
        (VSTRECHA + "Компания также ведет переговоры с иными поставщиками.", "ru"),
        (VSTRECHA + "Компания также провела консультации со многими другими банками.", "ru"),
    ],
)
def test_talks_with_another_partner_in_other_words(body: str, language: str) -> None:
    assert stages(body, language) == ["talks", "talks"]


def parties(body: str, stage: str, language: str = "en") -> list[str]:
    found = [e for e in read_events(body, language, "2025-06-12") if e.stage == stage]
    assert len(found) == 1, found
    return sorted(party.id for party in found[0].parties)


@pytest.mark.parametrize(
    ("body", "stage", "language"),
    [
        # a verb of saying that also takes an organisation as its object: no report without
        # `that`, `что`; the subject acts
        (
            "Kcell added Nokia as a second supplier of its 5G network under a contract "
            "signed in May.",
            "agreement",
            "en",
        ),
        (
            "Kcell подтвердил Huawei в качестве поставщика и подписал контракт на поставку "
            "базовых станций 5G.",
            "agreement",
            "ru",
        ),
        (
            "Kcell объявил Huawei победителем тендера и подписал контракт на строительство "
            "сети 5G.",
            "plan",
            "ru",
        ),
    ],
)
def test_a_saying_verb_with_an_object_reports_nothing(body: str, stage: str, language: str) -> None:
    assert "kcell" in parties(body, stage, language)


def test_the_owner_of_a_thing_in_russian_stays_a_party() -> None:
    # `принадлежащий` of a network bought: the owner sells it
    body = "Kcell приобрел сеть ВОЛС, принадлежащую Казахтелекому, в мае."
    assert parties(body, "agreement", "ru") == ["kazakhtelecom", "kcell"]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        # each neuter or plural form session 17 added, on a sentence of its own
        ("Служба связи выдала Kcell разрешение на 5G.", "agreement"),
        ("Власти выдали Kcell разрешение на строительство сети 5G в Алматы.", "agreement"),
        ("Комиссия выдала Kcell частоты для 5G в Алматы.", "agreement"),
        ("Государство купило долю в Kcell.", "agreement"),
        ("Компания Kcell купила акции Tele2.", "agreement"),
        ("Казахтелеком и Kcell купили акции Tele2.", "agreement"),
        ("Правительство купило акции Kcell.", "agreement"),
        ("Предприятие Kcell стало победителем тендера на 5G.", "agreement"),
        ("Агентство сдало в эксплуатацию ЦОД Kcell в Алматы.", "launch"),
        ("Предприятие Kcell ушло с рынка Кыргызстана.", "launch"),
        ("Kcell и Tele2 ушли с рынка Кыргызстана.", "launch"),
        ("Предприятие Kcell вышло с рынка Кыргызстана.", "launch"),
        ("Kcell и Tele2 вышли с рынка Кыргызстана.", "launch"),
        ("Предприятие Kcell взяло обязательство построить сеть 5G в Алматы.", "plan"),
        ("Правительство взяло на себя обязательство построить с Kcell сеть 5G.", "plan"),
        ("Регулятор лишил Kcell лицензии на 5G.", "cancelled"),
        ("Власти лишили Kcell лицензии на 5G.", "cancelled"),
        ("Предприятие Kcell вышло из проекта строительства ЦОД в Оше.", "cancelled"),
        ("Предприятие Kcell ушло из проекта строительства ЦОД в Оше.", "cancelled"),
        ("Предприятие Kcell вышло из соглашения с Tele2 о строительстве сети.", "cancelled"),
        ("Предприятие Kcell вышло из договора с Tele2 о строительстве сети.", "cancelled"),
    ],
)
def test_each_russian_form_added_is_read(body: str, stage: str) -> None:
    assert stages(body, "ru") == [stage]


@pytest.mark.parametrize(
    ("body", "stage"),
    [
        ("The government freezes Kcell's 5G project in Osh.", "cancelled"),
        ("Kcell obtained a license for 5G from the regulator in May.", "agreement"),
        ("Kcell secured its 5G licence in Astana in March.", "agreement"),
        ("Kcell received its license for 5G in May.", "agreement"),
    ],
)
def test_each_english_form_added_is_read(body: str, stage: str) -> None:
    assert stages(body) == [stage]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        # a state adverb between the verb of a state and the halt
        ("Kcell's fibre line to Kashgar remains still suspended.", "en"),
        # the Russian short participle right after the verb of a state (the usual
        # instrumental, `остается замороженным`, is no halt cue at all)
        ("Строительство ЦОД Kcell в Оше остается заморожено.", "ru"),
        ("Строительство ЦОД Kcell в Оше остаётся заблокировано.", "ru"),
    ],
)
def test_a_halt_as_a_state_in_other_words(body: str, language: str) -> None:
    assert stages(body, language) == []


def test_a_halt_done_beside_a_halt_as_a_state_is_a_halt() -> None:
    body = "The line remains on hold after the regulator suspended Kcell's licence in May."
    assert stages(body) == ["cancelled"]


# Words the session-17 rules read, both scripts mixed, with punctuation and the names of
# organisations of one word and of several: any text made of them reads without a crash.
_WORDS = [
    *("talks", "with", "to", "other", "another", "each", "the", "side", "sides", "also"),
    *("remains", "stays", "still", "on", "hold", "frozen", "froze", "suspended", "bank"),
    *("The", "bank", "corporation", "group", "After", "meeting", "Following", "their"),
    *("Kcell", "Huawei", "Tele2", "Eurasian", "Development", "Bank", "Kazakhtelecom's"),
    *("subsidiary", "unit", "owned", "by", "via", "transiting", "must", "be", "approved"),
    *("explained", "that", "added", "переговоры", "с", "другими", "другой", "стороны"),
    *("остается", "заморожено", "принадлежащий", "подконтрольный", "Кселл", "помимо"),
    *("пояснил", "что", "требует", "одобрения", "транзитом", "через", "банк", "стороны"),
    *(",", ".", "«", "»", "'s", "\n\n", "—", "(", ")", "5G", "2025", "May"),
]


@given(
    title=st.one_of(st.none(), st.just(""), st.lists(st.sampled_from(_WORDS), max_size=8)),
    body=st.lists(st.sampled_from(_WORDS), max_size=60),
)
def test_any_text_of_the_rules_words_reads(title: list[str] | str | None, body: list[str]) -> None:
    title_text = " ".join(title) if isinstance(title, list) else title
    for language in ("en", "ru"):
        article = Article(
            id="x",
            path="x.txt",
            title=title_text,
            body=" ".join(body),
            date="2025-03-14",
            language=language,
        )
        for event in analyse(article, REAL).events:
            assert event.stage


@pytest.mark.parametrize(
    ("body", "stage", "language", "expected"),
    [
        # owners in an apposition, each word of the vocabulary
        (
            "Altel, Kazakhtelecom's mobile brand, launched 5G in Almaty in May.",
            "launch",
            "en",
            ["altel"],
        ),
        (
            "Altel, Kazakhtelecom's mobile arm, launched 5G in Almaty in May.",
            "launch",
            "en",
            ["altel"],
        ),
        (
            "Kazteleport, an affiliate of Kazakhtelecom, opened a data centre in Almaty.",
            "launch",
            "en",
            ["kazteleport"],
        ),
        (
            "Kazteleport, a daughter company of Kazakhtelecom, opened a data centre in Almaty.",
            "launch",
            "en",
            ["kazteleport"],
        ),
        # bystanders in Russian
        ("Кроме Kcell, сеть 5G в Алматы запустил оператор Tele2.", "launch", "ru", ["tele2"]),
        (
            "По сравнению с Kcell, оператор Tele2 запустил сеть 5G в Алматы.",
            "launch",
            "ru",
            ["tele2"],
        ),
        # route points
        (
            "Kazakhtelecom will route its traffic to Europe by way of Azerbaijan from next year.",
            "plan",
            "en",
            ["kazakhtelecom"],
        ),
        (
            "Kazakhtelecom will route its traffic to Europe transiting Azerbaijan from next year.",
            "plan",
            "en",
            ["kazakhtelecom"],
        ),
        # saying with `что`
        (
            "Kcell объявил, что Tele2 запустит сеть 5G в Алматы в следующем году.",
            "plan",
            "ru",
            ["tele2"],
        ),
        (
            "Kcell заявляет, что Tele2 запустит сеть 5G в Алматы в следующем году.",
            "plan",
            "ru",
            ["tele2"],
        ),
        (
            (
                "Сеть 5G в Алматы запустит Tele2 в следующем году, подчеркнул председатель "
                "правления "
                "АО «Казахтелеком» Арман Султанов."
            ),
            "plan",
            "ru",
            ["tele2"],
        ),
        (
            (
                "Tele2 will launch 5G in Almaty next year, confirmed Chairman of Kazakhtelecom "
                "Arman "
                "Sultanov."
            ),
            "plan",
            "en",
            ["tele2"],
        ),
        (
            "Российский «Вестник» передаёт, что Kcell запустил сеть 5G в Алматы.",
            "launch",
            "ru",
            ["kcell"],
        ),
        (
            "Arman Sultanov, the chairman of Kazakhtelecom, explained that Tele2 would launch 5G "
            "in Almaty next year.",
            "plan",
            "en",
            ["tele2"],
        ),
        (
            "Сеть 5G в Алматы запустит Tele2 в следующем году, пояснили в пресс-службе Kcell.",
            "plan",
            "ru",
            ["tele2"],
        ),
        (
            "Kcell рассказал, что Tele2 запустит сеть 5G в Алматы в следующем году.",
            "plan",
            "ru",
            ["tele2"],
        ),
        (
            "Kcell and Tele2 signed a roaming agreement in May, the Agency for Protection and "
            "Development of Competition explained.",
            "agreement",
            "en",
            ["kcell", "tele2"],
        ),
        (
            "Kcell и Tele2 подписали соглашение о роуминге в мае, пояснила пресс-служба "
            "Агентства по защите и развитию конкуренции.",
            "agreement",
            "ru",
            ["kcell", "tele2"],
        ),
        # an approval still required
        (
            (
                "Kazakhtelecom agreed to buy Kcell from Telia, a deal that has yet to be cleared "
                "by "
                "the Agency for Protection and Development of Competition."
            ),
            "agreement",
            "en",
            ["kazakhtelecom", "kcell", "telia"],
        ),
        (
            (
                "Казахтелеком договорился о покупке Kcell у Telia при условии согласования "
                "Агентства "
                "по защите и развитию конкуренции."
            ),
            "agreement",
            "ru",
            ["kazakhtelecom", "kcell", "telia"],
        ),
        (
            (
                "Казахтелеком договорился о покупке Kcell у Telia; сделка еще не одобрена "
                "Агентством "
                "по защите и развитию конкуренции."
            ),
            "agreement",
            "ru",
            ["kazakhtelecom", "kcell", "telia"],
        ),
    ],
)
def test_each_party_word_added_is_read(
    body: str, stage: str, language: str, expected: list[str]
) -> None:
    assert parties(body, stage, language) == expected


@pytest.mark.parametrize(
    ("told", "reference", "expected"),
    [
        (
            "Qazaqstan Investment Corporation is studying the Kazakhtelecom fibre project.",
            "The corporation plans to approve an investment in the line next year.",
            "qazaqstan-investment-corporation",
        ),
        (
            "Kolesa Group is studying the Kazakhtelecom data centre project.",
            "The group plans to invest in the data centre next year.",
            "kolesa-group",
        ),
        (
            "Tunduk State Enterprise is studying the Kyrgyztelecom data exchange project.",
            "The enterprise plans to launch the exchange next year.",
            "tunduk",
        ),
    ],
)
def test_the_corporation_group_enterprise_name_the_one_so_headed(
    told: str, reference: str, expected: str
) -> None:
    # a company named on the way between (`Kazakhtelecom chose Huawei`) is not the one
    body = f"{told} Kazakhtelecom chose Huawei as its supplier in March. {reference}"
    assert parties(body, "plan") == [expected]


def test_an_owner_after_russian_owned_by_and_a_class_noun_is_no_party() -> None:
    body = (
        "Сервис Starlink, принадлежащий компании SpaceX, в прошлом году начал работать в "
        "Кыргызстане в тестовом режиме."
    )
    assert parties(body, "deployment", "ru") == ["KG", "starlink"]
