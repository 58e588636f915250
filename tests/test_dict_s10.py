"""Session 10's dictionary work: Russian legal forms and embassies in discovery, and a
sample of the organisations added, tagged in English and in Russian."""

from __future__ import annotations

import pytest

from ca_connect.models import Article
from ca_connect.tagging.tagger import tag


def orgs(text: str, dictionary) -> list[tuple[str, str, str | None]]:
    tagged = tag(Article(id="a", path="a.txt", body=text), dictionary)
    return [(o.id, o.kind, o.country) for o in tagged.organizations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a Russian legal form spelled out, in any case, then the name in quotes
            "Линию проложат силами акционерного общества «Ферганский кабель» к осени.",
            [("new:ferganskiy-kabel", "company", None)],
        ),
        (  # a Cyrillic abbreviation, and one form inside another's quotes
            "Сеть строят ОсОО «Ала-Тоо Линк» и АО «НК «Степной Транзит»» вместе.",
            [
                ("new:ala-too-link", "company", None),
                ("new:stepnoy-tranzit", "company", None),
            ],
        ),
        (  # a company word before a capitalised name in quotes; a phrase in quotes is none
            "Кабель поставит компания «Каспий Оптикс», монтаж выполнят «под ключ».",
            [("new:kaspiy-optiks", "company", None)],
        ),
        ("Работы сдаст компания «под ключ» к зиме.", []),
        (  # a Latin name after a form stops at the next form (the tagger keeps `JSC`)
            "Towers went to JSC Aral Steppe Link and TOO «Kokshe Masts» in May.",
            [
                ("new:jsc-aral-steppe-link", "company", None),
                ("new:kokshe-masts", "company", None),
            ],
        ),
    ],
)
def test_legal_forms_before_a_name(dictionary, text: str, expected: list) -> None:
    assert orgs(text, dictionary) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Embassy of the Republic of Korea in Tashkent funded the lab.",
            [("new:embassy-of-the-republic-of-korea", "agency", "KR")],
        ),
        (
            "Equipment came from the Japanese Embassy in Dushanbe.",
            [("new:japanese-embassy", "agency", "JP")],
        ),
        ("The Embassy thanked the engineers.", []),  # no state: a generic reference
        (  # one name in every case; a time glued to the word does not hide it
            "22:40Посольство КНР передало серверы. Позже посольством КНР был открыт класс.",
            [("new:posolstvo-knr", "agency", "CN")],
        ),
        (
            "Проект поддержало посольство Японии в Таджикистане.",
            [("new:posolstvo-yaponii", "agency", "JP")],
        ),
        ("Запрос ушёл в посольство в Москве.", []),
    ],
)
def test_embassies_named_by_their_state(dictionary, text: str, expected: list) -> None:
    assert [o for o in orgs(text, dictionary) if o[0].startswith("new:")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a Russian body named by its head word and remit, mid-sentence
            "Сведения передали в Межрегиональный совет по защите сетей при Минцифры.",
            [("new:mezhregionaln-sovet-po-zashchite-setey", "agency")],
        ),
        (  # one id in every case
            "Отчёт готовит Межрегиональный совет по защите сетей, и доклад "
            "Межрегионального совета по защите сетей ждут в мае.",
            [("new:mezhregionaln-sovet-po-zashchite-setey", "agency")],
        ),
        ("Новый центр по обработке данных откроется весной.", []),  # no head, sentence start
        (  # the remit ends before a verb
            "Вчера Отраслевой совет по связи одобрил заявку оператора.",
            [("new:otraslev-sovet-po-svyazi", "agency")],
        ),
    ],
)
def test_russian_bodies_named_by_head_and_remit(dictionary, text: str, expected: list) -> None:
    assert [(o[0], o[1]) for o in orgs(text, dictionary) if o[0].startswith("new:")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: a shared name resolved by the text's country, parties, universities,
        # sports bodies and partners
        ("Kyrgyzstan's Central Election Commission bought scanners.", "kg-election-commission"),
        ("The Amanat party backed the bill in Kazakhstan.", "kz-amanat"),
        ("Students of the American University of Central Asia built it.", "auca"),
        ("FIFA fined the club.", "fifa"),
        ("KOMSCO will print the ID cards.", "komsco"),
        ("The loan comes from Korea's EDCF.", "edcf"),
        ("Azerconnect laid the Caspian segment.", "azerconnect"),
        ("Qianfan satellites were launched.", "spacesail"),
        # Russian: in any case, shared names gated on the country
        ("Член ЦИК КР рассказал о защите систем.", "kg-election-commission"),
        ("Фракция СДПК поддержала проект.", "kg-sdpk"),
        ("Студенты КазНУ разработали приложение.", "kaznu"),
        ("Игроки ФИФА прибыли.", "fifa"),
        ("В Таджикистане открылся IT-парк для стартапов.", "tj-dushanbe-it-park"),
        ("В Узбекистане IT-парк принял резидентов.", "it-park-uzbekistan"),
        ("Счётная палата Кыргызстана начала проверку.", "kg-accounts-chamber"),
        ("Договор подписали с компанией Фридом Телеком.", "freedom-telecom"),
        ("Минздрав Кыргызстана внедряет телемедицину.", "kg-health"),
        ("МЧС Узбекистана рассылает оповещения по SMS.", "uz-emergency-situations"),
        ("Акции Freedom Holding торгуются на Nasdaq.", "nasdaq"),
        ("Сделка с Теле2 в Казахстане закрыта.", "mobile-telecom-services"),
        ("Администрация Президента России одобрила план.", "ru-presidential-administration"),
        (
            "Раньше его звали Казахстанским центром межбанковских расчетов.",
            "kz-national-payment-corporation",
        ),
        # second pass: regional administrations, state funds, universities, foreign vendors
        ("The Khatlon regional hukumat will pay for the towers.", "tj-khatlon-administration"),
        ("Lebap velayat hakimlik opened the new exchange.", "tm-lebap-administration"),
        ("Samarkand city hokimiyat ordered the cameras.", "uz-samarkand-city-administration"),
        ("Shares in the operator passed to UzAssets.", "uzassets"),
        ("Tech Garden will host the startups.", "tech-garden"),
        ("Cameras from Uniview and Megvii were installed.", "megvii"),
        ("Хякимлик Марыйского велаята заказал оборудование.", "tm-mary-administration"),
        ("Проект поддержал хукумат Согдийской области.", "tj-sughd-administration"),
        ("Оборудование поставят Хиквижн и Дойче Телеком.", "deutsche-telekom"),
        ("Грант выделило агентство КОИКА.", "koica"),
        ("Telia Carrier, now Arelion, sold transit to the operator.", "arelion"),
        ("Грузинская железная дорога проложит кабель вдоль путей.", "georgian-railway"),
        # a region's administration in Russian is the dictionary's, with its country
        ("Вышки оплатит акимат Карагандинской области.", "kz-karaganda-akimat"),
        ("Хокимиятом Ферганской области подписан договор.", "uz-fergana-administration"),
    ],
)
def test_a_sample_of_the_new_names(dictionary, text: str, expected: str) -> None:
    assert expected in [o[0] for o in orgs(text, dictionary)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `Chairman of the Cabinet of Ministers` is a person's title, in English and Russian
        ("It was set up by the Chairman of the Cabinet of Ministers of Kyrgyzstan in May.", []),
        ("Deputy Chairman of the Cabinet of Ministers Ali Valiev opened the hub.", []),
        ("Председатель Кабинета министров Кыргызстана открыл центр.", []),
        ("Поручение дал председателю Кабинета министров Республики Узбекистан.", []),
        # the cabinet acting is still the cabinet
        ("The Cabinet of Ministers of Uzbekistan approved the fibre plan.", ["uz-cabinet"]),
        ("Постановление Кабинета министров Кыргызской Республики вышло.", ["kg-cabinet"]),
        # an internet exchange is a facility; its operator, named as such, is an organisation
        ("Uzbek providers exchange traffic at TAS-IX in Tashkent.", []),
        ("The Tas-IX Association will open a second site.", ["tas-ix"]),
    ],
)
def test_titles_and_facilities_are_no_organisations(
    dictionary, text: str, expected: list[str]
) -> None:
    assert [o[0] for o in orgs(text, dictionary)] == expected
