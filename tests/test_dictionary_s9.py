"""The dictionary's coverage of the region's organisations (session 9), through the tagger.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from ca_connect.models import Article, EntityDictionary
from ca_connect.tagging.tagger import tag


def organisations(text: str, dictionary: EntityDictionary) -> set[str]:
    article = tag(Article(id="t", path="t.txt", body=text), dictionary)
    return {org.id for org in article.organizations}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Payment-system operators of the national banks, and a holding's acronym.
        (
            "Kazakhstan's National Payment Corporation will run the instant-payment switch.",
            "kz-national-payment-corporation",
        ),
        (
            "В Казахстане договор подписан с Национальной платёжной корпорацией.",
            "kz-national-payment-corporation",
        ),
        (
            "Банки Кыргызстана подключились к Межбанковскому процессинговому центру.",
            "kg-interbank-processing-center",
        ),
        ("Elcart cards now work at every terminal in Bishkek.", "kg-interbank-processing-center"),
        (
            "NITEC will host the registry, Kazakhstan's ministry said.",
            "national-information-technologies",
        ),
        # Funds and holdings in Russian case forms.
        ("Кредит выдан Российско-Кыргызским фондом развития.", "russian-kyrgyz-development-fund"),
        ("Проект поддержал холдинг «Байтерек» в Казахстане.", "baiterek"),
        ("Стартап зарегистрирован в МФЦА, Астана.", "aifc"),
        (
            "Узбекистан получил средства от Фонда реконструкции и развития Узбекистана.",
            "uzbekistan-reconstruction-fund",
        ),
        ("Спутник готовит Узбеккосмос, сообщили в Ташкенте.", "uzbek-space-agency"),
        (
            "Кувейтский фонд арабского экономического развития выделил заём Таджикистану.",
            "kuwait-fund",
        ),
        ("Сеть развития Ага Хана построит линию в Таджикистане.", "akdn"),
        # Regulators and ministries, with former bodies.
        (
            "Лицензию выдала Государственная инспекция по контролю в сфере информатизации и "
            "телекоммуникаций Узбекистана.",
            "uzkomnazorat",
        ),
        (
            "В Таджикистане спор между Министерством связи и оператором завершён.",
            "tj-communications-ministry",
        ),
        ("Минсвязи Таджикистана предложило создать единый шлюз.", "tj-communications-ministry"),
        ("The Tajik Ministry of Communications issued the licence.", "tj-communications-ministry"),
        (
            "Внешэкономбанк Туркменистана открыл кредитную линию.",
            "tm-state-bank-foreign-economic-affairs",
        ),
        (
            "The Ashgabat city hyakimlik approved the smart lighting plan in Turkmenistan.",
            "ashgabat-city-administration",
        ),
        ("UZ-CERT reported the attack in Uzbekistan.", "uz-cybersecurity-center"),
        # Former ministries and state enterprises, and lenders in Russian.
        (
            "В 2011 году Министерство связи и информации Казахстана выдало частоты.",
            "kz-communications-information-ministry",
        ),
        (
            "В 2017 году Министерство по инвестициям и развитию Казахстана выдало частоты.",
            "kz-investments-development",
        ),
        ("Оператор подключился к Центру электронного взаимодействия «Тундук» в Бишкеке.", "tunduk"),
        (
            "Приказ подписал Государственный комитет связи, информатизации и телекоммуникационных "
            "технологий Узбекистана.",
            "uz-state-committee-communications",
        ),
        ("Проект в Таджикистане финансирует Международный банк реконструкции и развития.", "ibrd"),
        (
            "In Kazakhstan, the Ministry of Transport and Communications licensed the operator.",
            "kz-transport",
        ),
        # Union bodies, vendors and institutes, in both languages.
        (
            "Решение принято на заседании Высшего Евразийского экономического совета.",
            "supreme-eurasian-economic-council",
        ),
        ("Радиорелейную линию в Туркменистане поставит Ростех.", "rostec"),
        (
            "Студенты Института телекоммуникаций и информатики Туркменистана собрали спутник.",
            "tm-telecom-institute",
        ),
        ("Artel will assemble the set-top boxes in Uzbekistan.", "artel"),
        # City halls of capitals and main cities, in their local names.
        ("Камеры «Безопасного города» установила мэрия Оша в Кыргызстане.", "osh-city-hall"),
        ("С хукуматом города Душанбе подписан договор об освещении.", "dushanbe-city-hall"),
        (
            "The Arkadag city hakimlik opened a digital services centre in Turkmenistan.",
            "arkadag-city-administration",
        ),
        (
            "The hokimiyat of Tashkent tendered the smart-traffic system in Uzbekistan.",
            "tashkent-city-administration",
        ),
        # State agencies and companies named in Russian.
        (
            "Заявки принимает Агентство государственных услуг Узбекистана.",
            "uz-public-services-agency",
        ),
        ("Кредит на линию выдал Банк Эсхата, Таджикистан.", "bank-eskhata"),
        (
            "Национальное агентство по инвестициям Кыргызстана представило проект дата-центра.",
            "kg-national-investment-agency",
        ),
        # Contractors, partnership agencies and committees under their other names.
        (
            "Rubicon Wireless Communication switched on standalone 5G in Tashkent.",
            "perfectum-mobile",
        ),
        ("China Comservice will lay the line for Uzbektelecom.", "china-comservice"),
        (
            "Тендер на широкополосный доступ в Узбекистане провело Агентство по развитию ГЧП.",
            "uz-ppp-agency",
        ),
        (
            "The State Committee for IT and Communications of Kyrgyzstan approved the plan.",
            "kg-digital-ministry",
        ),
        (
            "Kazakhstan's Committee on Telecommunications issued the licence.",
            "kz-telecommunications-committee",
        ),
        (
            "Высшая аудиторская палата Казахстана проверила проект «Доступный интернет».",
            "kz-supreme-audit-chamber",
        ),
        # Donors in Russian; the UN's European commission is not the Eurasian one.
        (
            "Грант выделило Турецкое агентство по сотрудничеству и координации.",
            "tika",
        ),
        ("Японским банком международного сотрудничества одобрен кредит Узбекистану.", "jbic"),
        ("Доклад подготовила ЕЭК ООН.", "unece"),
        # Financial regulators and funds, and a former ministry's short name.
        ("Лицензию выдало Агентство по регулированию и развитию финансового рынка.", "kz-ardfm"),
        ("The AFSA licensed the cloud provider at the Astana hub in Kazakhstan.", "afsa"),
        (
            "In 2019 Mininfocom and Uzbektelecom signed the backbone contract.",
            "uz-digital-ministry",
        ),
        # State companies and portfolio ministries in Russian, resolved by country.
        ("Систему «Безопасный город» в Ташкенте ведёт МВД Узбекистана.", "uz-internal-affairs"),
        ("Школы Кыргызстана подключит Министерство образования и науки.", "kg-education"),
        ("Кабель вдоль дороги проложит «Кыргыз темир жолу».", "kyrgyz-temir-jolu"),
        (
            "Ашхабадская городская телефонная сеть расширила оптику в Туркменистане.",
            "ashgabat-city-telephone-network",
        ),
        # International bodies by their Russian names and abbreviations.
        ("Министерство промышленности и информатизации КНР одобрило проект.", "cn-miit"),
        ("Тренинг для CERT Кыргызстана провело УНП ООН.", "unodc"),
        (
            "Университет Центральной Азии подключил кампус в Нарыне к оптике.",
            "university-of-central-asia",
        ),
        # Partners' regulators and state bodies in Russian; one name shared by two countries.
        ("Роскомнадзор замедлил трафик транзитного оператора.", "roskomnadzor"),
        (
            "Резидентом Парка высоких технологий Беларуси стал узбекский стартап.",
            "belarus-hi-tech-park",
        ),
        ("Кредит на оптику выделил Российский фонд прямых инвестиций.", "rdif"),
    ],
)
def test_the_regions_bodies_are_tagged(
    sentence: str, expected: str, dictionary: EntityDictionary
) -> None:
    assert expected in organisations(sentence, dictionary)


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        (
            "India's National Payment Corporation processed a record volume.",
            "kz-national-payment-corporation",
        ),
        ("An Artel of Russian craftsmen built the hall.", "artel"),
    ],
)
def test_a_name_gated_on_its_country_counts_only_there(
    sentence: str, absent: str, dictionary: EntityDictionary
) -> None:
    assert absent not in organisations(sentence, dictionary)


@pytest.mark.parametrize(
    ("sentence", "expected", "other"),
    [
        (
            "Министерство связи Таджикистана отозвало лицензию.",
            "tj-communications-ministry",
            "tm-communications-ministry",
        ),
        (
            "В Туркменистане Министерство связи объявило тендер.",
            "tm-communications-ministry",
            "tj-communications-ministry",
        ),
        ("В России Министерство просвещения закупит ноутбуки.", "ru-education", "kz-education"),
        ("В Казахстане Министерство просвещения закупит ноутбуки.", "kz-education", "ru-education"),
        (
            "В Туркменистане Внешэкономбанк открыл кредитную линию.",
            "tm-state-bank-foreign-economic-affairs",
            "veb-rf",
        ),
        (
            "В России Внешэкономбанк открыл кредитную линию.",
            "veb-rf",
            "tm-state-bank-foreign-economic-affairs",
        ),
    ],
)
def test_a_name_several_states_use_goes_to_the_country_of_the_text(
    sentence: str, expected: str, other: str, dictionary: EntityDictionary
) -> None:
    found = organisations(sentence, dictionary)
    assert expected in found
    assert other not in found
