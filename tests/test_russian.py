"""Russian-language articles: word forms, names, adjectives vs languages, language, filter.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.dictionary import parse_dictionary
from ca_connect.errors import DictionaryError
from ca_connect.languages import detect_language
from ca_connect.models import Article, EntityDictionary, TaggedArticle
from ca_connect.stemming import forms, stem
from ca_connect.tagging.tagger import tag

from .conftest import write_data


def tagged(text: str, dictionary: EntityDictionary, title: str | None = None) -> TaggedArticle:
    return tag(Article(id="t", path="t.txt", title=title, body=text), dictionary)


def orgs(article: TaggedArticle) -> list[str]:
    return [org.id for org in article.organizations]


# --- Word forms ----------------------------------------------------------------------


def test_case_forms_share_a_stem() -> None:
    assert stem("всемирного") == stem("всемирный") == stem("всемирному")
    assert stem("kcell") == "kcell"  # other scripts pass through


def test_a_name_is_keyed_by_its_case_forms() -> None:
    # Snowball cuts the nominative's `-ом` like an ending; the declined forms keep it.
    assert {stem("казахтелекома"), stem("казахтелеком")} <= forms("Казахтелеком")


def test_short_stems_give_way_to_the_word() -> None:
    # `дан` would be both «Дания» and «данные», `груз` both «Грузия» and «груз».
    assert stem("данные") != stem("дания")
    assert stem("груз") != stem("грузия")
    assert stem("дании") in forms("Дания")


@pytest.mark.parametrize(
    "sentence",
    [
        "Акционеры Казахтелекома одобрили сделку.",
        "Договор подписан с Казахтелекомом в среду.",
        "Казахтелекому выдали новую лицензию.",
    ],
)
def test_inflected_names_match(sentence: str, dictionary: EntityDictionary) -> None:
    article = tagged(sentence, dictionary)
    assert orgs(article) == ["kazakhtelecom"]
    mention = next(m for m in article.mentions if m.kind == "organization")
    assert sentence[mention.start : mention.end] == mention.text  # as written
    assert mention.text.startswith("Казахтелеком")


def test_a_fleeting_vowel_drops_in_the_other_cases(dictionary: EntityDictionary) -> None:
    article = tagged("Американцы помогли построить новую сеть.", dictionary)
    assert article.countries == ["US"]
    assert tagged("Работа узла обмена трафиком началась.", dictionary).initiatives == ["ixp"]


def test_inflected_countries_and_triggers(dictionary: EntityDictionary) -> None:
    article = tagged(
        "В Узбекистане узбекской стороной начато строительство волоконно-оптических линий "
        "связи и центров обработки данных.",
        dictionary,
    )
    assert article.countries == ["UZ"]
    assert set(article.initiatives) == {"fiber", "data-center"}


def test_abbreviations_name_countries_in_capitals_only(dictionary: EntityDictionary) -> None:
    assert tagged("Правительство РК и КНР обсудили ЦОД.", dictionary).countries == ["KZ", "CN"]
    assert tagged("Правительство рк обсудило планы.", dictionary).countries == []


def test_a_short_name_is_not_a_common_word(dictionary: EntityDictionary) -> None:
    assert tagged("Данные хранятся в облаке.", dictionary).countries == []
    assert tagged("Груз доставлен в срок.", dictionary).countries == []  # not «Грузия»
    assert tagged("Делегация Грузии прибыла.", dictionary).countries == ["GE"]
    assert tagged("Делегация Дании прибыла в Астану.", dictionary).countries == ["DK", "KZ"]


def test_latin_transliterations_resolve_to_the_same_entity(dictionary: EntityDictionary) -> None:
    assert orgs(tagged("Компания Ozbektelekom расширяет сеть.", dictionary)) == ["uzbektelecom"]
    assert orgs(tagged("Kyrgyztelekom и Туркментелеком договорились.", dictionary)) == [
        "kyrgyztelecom",
        "turkmentelecom",
    ]


def test_a_shared_name_goes_to_the_country_of_the_text(dictionary: EntityDictionary) -> None:
    kazakh = tagged("В Казахстане ТОО «МТС» строит сеть 5G.", dictionary)
    russian = tagged("В России МТС запустила новый тариф.", dictionary)
    assert orgs(kazakh) == ["mobile-telecom-services"]
    assert orgs(russian) == ["mts-russia"]


def test_a_lower_case_ministry_name_counts(dictionary: EntityDictionary) -> None:
    article = tagged("В Кыргызстане минцифры объявило тендер.", dictionary)
    assert orgs(article) == ["kg-digital-ministry"]


def test_exports_show_the_canonical_name(dictionary: EntityDictionary) -> None:
    article = tagged("Всемирного банка эксперты приехали в Бишкек.", dictionary)
    assert [org.name for org in article.organizations] == ["World Bank"]
    assert article.mentions[0].text == "Всемирного банка"


# --- Adjectives and languages --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Документы составлены на русском языке.",
        "Курсы узбекского языка открылись.",
        "Сайт работает на казахском и русском языках.",
        "Интервью прошло на русском.",
    ],
)
def test_a_language_is_not_a_country(sentence: str, dictionary: EntityDictionary) -> None:
    assert tagged(sentence, dictionary).countries == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Банк выделит 12 млн долларов США на новую базовую станцию.",
        "Стоимость узла составит 4,5 млн долл. США.",
    ],
)
def test_dollars_of_the_united_states_are_a_currency(
    sentence: str, dictionary: EntityDictionary
) -> None:
    assert tagged(sentence, dictionary).countries == []


def test_the_united_states_before_the_dollar_word_is_still_a_country(
    dictionary: EntityDictionary,
) -> None:
    assert tagged("США и Китай обсудили поставки.", dictionary).countries == ["US", "CN"]


def test_an_adjective_names_its_country(dictionary: EntityDictionary) -> None:
    article = tagged("Казахстанская компания и китайские инвесторы подписали договор.", dictionary)
    assert article.countries == ["KZ", "CN"]


def test_a_person_s_title_is_no_ministry(dictionary: EntityDictionary) -> None:
    article = tagged(
        "Об этом сказал министр искусственного интеллекта и цифрового развития.", dictionary
    )
    assert orgs(article) == []
    assert article.initiatives == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a body's full name in the prepositional case
        (
            "Соглашение подписано при Министерстве промышленности и коммуникаций "
            "Туркменистана в Ашхабаде.",
            ["tm-industry-communications"],
        ),
        # a name with its complement matched as written
        (
            "В Службе по регулированию и надзору в отрасли связи Кыргызстана ответили.",
            ["kg-state-communications-agency"],
        ),
        # short forms gated on the body's country
        ("По словам представителя Госкомсвязи, Бишкек получит канал.", ["kg-digital-ministry"]),
        ("Отчёт Государственной налоговой службы Кыргызстана вышел.", ["kg-tax-service"]),
        # the brand and its owner, and the operator and its legal entity, are two each
        (
            "Uzmobile, сотовый бренд АК «Узбектелеком», расширил сеть в Ташкенте.",
            ["uzmobile", "uzbektelecom"],
        ),
        ("Оператор Ucell (ООО «Coscom») в Узбекистане нарастил выручку.", ["ucell", "coscom"]),
        (
            "По оценке Центра экономических исследований и реформ, рост продолжится.",
            ["uz-cerr"],
        ),
    ],
)
def test_russian_names_of_the_region_s_bodies(
    sentence: str, expected: list[str], dictionary: EntityDictionary
) -> None:
    assert orgs(tagged(sentence, dictionary)) == expected


# --- The dictionary's languages section ----------------------------------------------

_BASE = """\
countries:
  - {code: "KZ", name: Kazakhstan}
organizations:
  - {id: kazakhtelecom, name: Kazakhtelecom, kind: company, country: "KZ"}
initiatives:
  - {id: fiber, name: Fibre, triggers: [fiber]}
"""


def test_the_languages_section_is_read(tmp_path: Path) -> None:
    text = _BASE + "languages:\n  ru:\n    organizations:\n      kazakhtelecom: [Казахтелеком]\n"
    dictionary = parse_dictionary(text, "entities.yaml")
    assert orgs(tagged("Казахтелекома акции", dictionary)) == ["kazakhtelecom"]


def test_an_unknown_id_is_an_error_naming_its_line() -> None:
    text = _BASE + "languages:\n  ru:\n    organizations:\n      kaztelecom: [Казтелеком]\n"
    with pytest.raises(DictionaryError, match=r"^entities.yaml:10: languages.ru.organizations: "):
        parse_dictionary(text, "entities.yaml")


def test_an_unknown_key_is_an_error_naming_its_line() -> None:
    text = _BASE + "languages:\n  ru:\n    cities: {KZ: [Алматы]}\n"
    with pytest.raises(DictionaryError, match=r"^entities.yaml:9: languages.ru.cities: Extra"):
        parse_dictionary(text, "entities.yaml")


def test_a_name_of_another_entity_is_an_error() -> None:
    text = _BASE + "languages:\n  ru:\n    countries:\n      KZ: [Kazakhtelecom]\n"
    with pytest.raises(DictionaryError, match="already a name of 'kazakhtelecom'"):
        parse_dictionary(text, "entities.yaml")


# --- Language of an article and the --language filter --------------------------------


def test_the_language_is_detected_by_script() -> None:
    assert detect_language("Казахстан запустил спутник связи.") == "ru"
    assert detect_language("Kazakhstan launched a satellite with Kcell.") == "en"
    assert detect_language("2025 — 42") is None


_RU_ARTICLE = "Узбекистан и Китай договорились\nСтороны подписали соглашение о ВОЛС.\n"
_EN_ARTICLE = "Uzbekistan and China agree\nThe parties signed a fibre agreement.\n"
_MD_ARTICLE = "---\ntitle: Kazakh satellite\nlanguage: KK\n---\nA satellite was launched.\n"


def test_language_filter_and_column(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path / "data",
        (Path(__file__).parent.parent / "data" / "entities.yaml").read_text(encoding="utf-8"),
        {"ru1.txt": _RU_ARTICLE, "en1.txt": _EN_ARTICLE, "kk1.md": _MD_ARTICLE},
    )
    runner = CliRunner()
    result = runner.invoke(
        cli, ["--data", str(folder), "articles", "--language", "RU", "-f", "csv"]
    )
    assert result.exit_code == 0, result.output
    assert [line.split(",")[0] for line in result.output.splitlines()[1:]] == ["ru1"]
    shown = runner.invoke(cli, ["--data", str(folder), "show", "kk1", "-f", "json"])
    assert '"language": "kk"' in shown.output
    bad = runner.invoke(cli, ["--data", str(folder), "articles", "--language", "russian"])
    assert bad.exit_code == 2
    assert "--language 'russian': use an ISO 639-1 code" in bad.output


def test_json_keeps_cyrillic(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path / "data",
        (Path(__file__).parent.parent / "data" / "entities.yaml").read_text(encoding="utf-8"),
        {"ru1.txt": _RU_ARTICLE},
    )
    result = CliRunner().invoke(cli, ["--data", str(folder), "show", "ru1", "-f", "json"])
    assert "Узбекистан и Китай договорились" in result.output
    assert "\\u04" not in result.output


def test_eval_details_keep_cyrillic(tmp_path: Path) -> None:
    folder = write_data(
        tmp_path / "data",
        (Path(__file__).parent.parent / "data" / "entities.yaml").read_text(encoding="utf-8"),
        {"ru1.txt": _RU_ARTICLE},
    )
    gold = folder / "gold.yaml"
    gold.write_text("- file: ru1.txt\n  countries: [UZ]\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--data", str(folder), "eval", str(gold), "--details", "-f", "json"]
    )
    assert "'Китай'" in result.output  # the false CN tag's evidence, as written
    assert "\\u04" not in result.output
