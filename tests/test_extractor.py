"""The tagger: TAGGING.md's rules, the seeds' gold labels, and evidence for every tag."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.dictionary import load_dictionary
from ca_connect.loader import load_articles
from ca_connect.models import Article, TaggedArticle
from ca_connect.tagging.tagger import tag

from .conftest import FIXTURES, PROJECT, SEEDS

SMALL = load_dictionary(FIXTURES / "entities.yaml")


def tagged(body: str, title: str | None = None, dictionary=SMALL) -> TaggedArticle:
    return tag(Article(id="t", path="t.txt", title=title, body=body), dictionary)


def org_ids(article: TaggedArticle) -> list[str]:
    return [org.id for org in article.organizations]


@pytest.fixture(scope="module")
def real_dictionary():
    return load_dictionary(PROJECT / "data" / "entities.yaml")


def test_seed_tags_match_gold(real_dictionary) -> None:
    gold = {g["file"]: g for g in yaml.safe_load((FIXTURES / "seeds-gold.yaml").read_text())}
    for article in load_articles(SEEDS).articles:
        expected = gold[Path(article.path).name]
        result = tag(article, real_dictionary)
        assert sorted(result.countries) == sorted(expected["countries"]), article.id
        assert sorted(result.initiatives) == sorted(expected["initiatives"]), article.id
        names = {org.name for org in result.organizations}
        forms = {m.text for m in result.mentions if m.kind == "organization"}
        for org in expected["organizations"]:
            assert any(
                _names_match(candidate, gold_name)
                for candidate in names | forms
                for gold_name in [org["name"], *org.get("forms", [])]
            ), (article.id, org["name"])
        assert len(result.organizations) == len(expected["organizations"]), article.id


def _names_match(predicted: str, gold: str) -> bool:
    return f" {gold.casefold()} " in f" {predicted.casefold()} "


# --- TAGGING.md's hard cases ------------------------------------------------------


def test_a_language_is_not_a_country() -> None:
    assert tagged("Skills in English and Russian language are needed.").countries == []
    assert tagged("A Russian-language service and Russian-speaking staff.").countries == []
    assert tagged("Russian companies will train staff.").countries == ["RU"]


def test_us_the_country_is_not_us_the_pronoun() -> None:
    assert tagged("He told us the plan.").countries == []
    assert tagged("The US and the U.S. Treasury agreed.").countries == ["US"]
    assert len(tagged("The US and the U.S. Treasury agreed.").mentions) == 2


def test_us_dollars_are_a_currency() -> None:
    assert tagged("The deal is worth US$64m.").countries == []


def test_demonyms_and_capitals_tag_countries() -> None:
    assert tagged("Kazakh company National Information Technologies").countries == ["KZ"]
    assert tagged("TEHRAN – The minister met his counterparts.").countries == ["IR"]
    assert tagged("Talks in Bishkek and Dushanbe.").countries == ["KG", "TJ"]


def test_a_demonym_inside_a_brand_is_not_the_country() -> None:
    assert tagged("Uzbektelecom and Turkmenbashi port").countries == []
    assert tagged("the Turkmen satellite").countries == ["TM"]


def test_proper_names_must_be_capitalised() -> None:
    assert tagged("chinese whispers").countries == []
    assert tagged("Chinese vendor").countries == ["CN"]


def test_longest_match_wins() -> None:
    result = tagged("Huawei Technologies Tajikistan signed; Huawei is the parent.")
    assert org_ids(result) == ["huawei-tajikistan", "huawei"]
    spans = [(m.start, m.end) for m in result.mentions if m.kind == "organization"]
    assert spans == [(0, 30), (39, 45)]
    assert result.countries == ["TJ"]  # a country inside an organisation's name counts


def test_acronyms_match_only_in_capitals() -> None:
    assert org_ids(tagged("The ITU met.")) == ["itu"]
    assert org_ids(tagged("Itu is a word.")) == []
    assert tagged("AI research").initiatives == ["ai"]
    assert tagged("said Ai Weiwei").initiatives == []


def test_phrases_match_across_hyphens_quotes_and_plurals() -> None:
    assert tagged("a fiber-optic line").initiatives == ["fiber"]
    assert tagged("a new “smart” city").initiatives == ["smart-city"]
    assert tagged("7,600 base stations").initiatives == ["mobile"]
    assert tagged("internet traffic exchange centers").initiatives == ["ixp"]


def test_possessives_do_not_hide_names() -> None:
    assert tagged("Iran’s expertise and Tajikistan's plan").countries == ["IR", "TJ"]


def test_names_of_events_and_outlets_give_no_tags() -> None:
    assert tagged("at the Mobile World Congress").initiatives == []
    assert tagged("Trend reports that the line opened.").organizations == []


def test_negated_initiative_is_not_tagged() -> None:
    text = "Starlink serves areas where traditional fiber-optic cables are not feasible."
    assert tagged(text).initiatives == []
    assert tagged("Laying fiber-optic cables is under way.").initiatives == ["fiber"]


@pytest.mark.parametrize(
    ("body", "initiatives"),
    [
        # A network that is poor or out of reach where another kind of work is done.
        ("Satellite kits serve hamlets where laying fibre is too expensive.", ["satellite"]),
        ("Satellite kits go to farms where fibre and mobile coverage remain poor.", ["satellite"]),
        ("The villages rely on 3G or have no connection at all.", []),
        ("Mobile networks are unlikely to reach the pastures soon.", []),
        # A company's lines of business in its results are no work of theirs.
        ("Revenue of the mobile unit grew 6% in the quarter.", []),
        # ... and the same words elsewhere do not hide reported work.
        ("The operator laid 300 km of fibre to the valley.", ["fiber"]),
    ],
)
def test_a_network_said_to_be_lacking_is_not_reported_work(
    body: str, initiatives: list[str], real_dictionary
) -> None:
    assert tagged(body, dictionary=real_dictionary).initiatives == initiatives


@pytest.mark.parametrize(
    ("body", "initiatives"),
    [
        # A deal about a mobile operator is a mobile deal ...
        ("The fund sold its stake in the mobile operator to a Gulf investor.", ["mobile"]),
        ("Фонд продал долю в операторе сотовой связи инвестору из Катара.", ["mobile"]),
        # ... but beside another type's work the words only say what the company is.
        ("Two mobile operators backed the first satellite internet licence.", ["satellite"]),
        ("Мобильный оператор открыл дата-центр в Алматы.", ["data-center"]),
    ],
)
def test_a_mobile_operator_tags_mobile_only_where_no_other_type_is_named(
    body: str, initiatives: list[str], real_dictionary
) -> None:
    assert tagged(body, dictionary=real_dictionary).initiatives == initiatives


@pytest.mark.parametrize(
    ("body", "initiatives"),
    [
        ("The operator will lease 20 Gbps of transit capacity to its neighbour.", ["fiber"]),
        ("Стороны расширят пропускную способность трансграничного стыка.", ["fiber"]),
        ("The portal opens after a security audit by the regulator.", ["cybersecurity"]),
    ],
)
def test_words_of_the_field_tag_their_type(
    body: str, initiatives: list[str], real_dictionary
) -> None:
    assert tagged(body, dictionary=real_dictionary).initiatives == initiatives


@pytest.mark.parametrize(
    "body",
    [
        "The line will open next year, said the country's minister of artificial intelligence"
        " and digital development.",
        "Об этом сообщил вице-министр искусственного интеллекта и цифрового развития.",
    ],
)
def test_a_ministers_title_is_no_ai_work(body: str, real_dictionary) -> None:
    assert tagged(body, dictionary=real_dictionary).initiatives == []


@pytest.mark.parametrize(
    ("body", "title", "initiatives"),
    [
        ("Speakers discussed cloud services, AI and new fibre routes. It ended.", None, []),
        ("Участники обсудили спутниковую связь и дата-центры.", None, []),
        ("Forum opens with focus on satellites and AI", None, []),
        ("Дата-центры в центре внимания форума", None, []),
        # Only the topic sentence: reported work in the next one still tags.
        (
            "Participants discussed AI. The operator then opened a data centre in Osh.",
            None,
            ["data-center"],
        ),
        ("The operator opened a data centre.", "Speakers discussed AI", ["data-center"]),
    ],
)
def test_a_meetings_list_of_topics_is_not_reported_work(
    body: str, title: str | None, initiatives: list[str], real_dictionary
) -> None:
    assert tagged(body, title, dictionary=real_dictionary).initiatives == initiatives


@pytest.mark.parametrize(
    ("body", "initiatives"),
    [
        # Base stations of an article about 5G or satellites are that network's.
        ("The operator switched on 5G in Khujand. It added forty base stations.", ["5g"]),
        ("Ground terminals for the satellite service need no base stations.", ["satellite"]),
        ("Оператор запустил 5G. Он установил сорок базовых станций.", ["5g"]),
        # A satellite operator named says the article is about satellites.
        ("Starlink will set up five base stations in the steppe.", ["satellite"]),
        # A satellite gateway's or a data centre's link to the backbone is that facility's.
        ("The ground station will be linked to the national backbone network.", ["satellite"]),
        ("Дата-центр подключат к магистральной сети оператора.", ["data-center"]),
        ("The operator extended its backbone network to Naryn.", ["fiber"]),
        # Alone, or beside another mobile word, they are mobile as TAGGING.md says.
        ("The operator added forty base stations in the valley.", ["mobile"]),
        ("Its 4G and 5G base stations went up in Osh.", ["mobile", "5g"]),
    ],
)
def test_base_stations_belong_to_the_network_the_article_names(
    body: str, initiatives: list[str], real_dictionary
) -> None:
    assert tagged(body, dictionary=real_dictionary).initiatives == initiatives


def test_a_satellite_operator_named_is_satellite_work(real_dictionary) -> None:
    article = tagged(
        "Kazakhstan let OneWeb sell its service to schools.", dictionary=real_dictionary
    )
    assert article.initiatives == ["satellite"]
    assert [(m.kind, m.text) for m in article.mentions if m.entity == "satellite"] == [
        ("initiative", "OneWeb")
    ]
    # A trigger of the type backs it alone: the operator adds no second mention.
    both = tagged("OneWeb's satellite service reached Osh.", dictionary=real_dictionary)
    assert [m.text for m in both.mentions if m.entity == "satellite"] == ["satellite"]


def test_initiative_word_inside_an_organisation_name_is_not_a_tag() -> None:
    # `Piter IX` is an organisation; its letters are no initiative, nor is a name's word.
    assert tagged("Piter IX will train staff.").initiatives == []


def test_shared_alias_resolves_to_the_country_in_the_sentence() -> None:
    assert org_ids(tagged("In Kazakhstan, Beeline grew.")) == ["beeline-kz"]
    assert org_ids(tagged("Uzbekistan: Beeline grew.")) == ["beeline-uz"]


def test_shared_alias_falls_back_to_the_articles_country() -> None:
    result = tagged("Turkmenistan reported growth.\nThe Cabinet of Ministers approved it.")
    assert org_ids(result) == ["tm-cabinet"]


def test_shared_alias_without_a_country_is_dropped() -> None:
    assert org_ids(tagged("Beeline grew.")) == []


def test_title_and_body_both_count() -> None:
    result = tagged("Nothing here.", title="Huawei in Kazakhstan")
    assert result.countries == ["KZ"]
    assert {m.field for m in result.mentions} == {"title"}


# --- Evidence: every tag has a mention, and every mention slices back ---------------

WORDS = st.sampled_from(
    [
        "Turkmenistan",
        "Kazakh",
        "US",
        "us",
        "US$",
        "the",
        "fiber-optic",
        "“smart”",
        "city",
        "Huawei",
        "Technologies",
        "Tajikistan’s",
        "5G",
        "base",
        "stations",
        "ITU",
        "itu",
        "Russian",
        "language",
        "Beeline",
        ".",
        ",",
        "\n",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=40), st.sampled_from([" ", "  ", "-", "\n", "’s "]))
def test_every_mention_slices_back_and_backs_a_tag(words: list[str], glue: str) -> None:
    body = glue.join(words)
    result = tagged(body, title=" ".join(reversed(words)) or None)
    for mention in result.mentions:
        assert result.field_text(mention.field)[mention.start : mention.end] == mention.text
    backed = {(m.kind, m.entity) for m in result.mentions}
    tags = (
        {("country", c) for c in result.countries}
        | {("organization", o.id) for o in result.organizations}
        | {("initiative", i) for i in result.initiatives}
    )
    assert tags == backed


def test_a_slogan_in_quotes_is_not_reported_work() -> None:
    dictionary = SMALL.model_copy(
        update={"ignore": SMALL.ignore.model_copy(update={"slogan_markers": ["motto"]})}
    )
    text = 'The fair is held under the motto "Digital system for a smart city" this year.'
    assert tagged(text, dictionary=dictionary).initiatives == []
    assert tagged("A smart city rises.", dictionary=dictionary).initiatives == ["smart-city"]


def test_demonyms_listed_after_in_are_languages() -> None:
    dictionary = SMALL.model_copy(
        update={"ignore": SMALL.ignore.model_copy(update={"before_language": ["in"]})}
    )
    assert (
        tagged("Signs will be in Kyrgyz, Russian and Chinese.", dictionary=dictionary).countries
        == []
    )
    assert tagged("Warnings in Kyrgyz and Russian.", dictionary=dictionary).countries == []
    assert tagged("Stakes in Russian and Chinese firms.", dictionary=dictionary).countries == [
        "RU",
        "CN",
    ]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Huawei Technologies Tajikistan LLC signed.", "Huawei Technologies Tajikistan LLC"),
        ("The contract went to JSC Cifra today.", "JSC Cifra"),
        ("«Piter IX» JSC will train staff.", "Piter IX» JSC"),
        ("The Cifra Global unit grew.", "Cifra Global"),
        (
            "The State Committee for National Security of the Republic of Tajikistan said",
            "State Committee for National Security of the Republic of Tajikistan",
        ),
        (
            "The State Committee for National Security of Tajikistan said",
            "State Committee for National Security of Tajikistan",
        ),
        ("The GKNB of Europe said", "GKNB"),
        # A legal form closing the sentence before is no part of the next one's name.
        ("The site was leased from Acme Ltd.\n\nCifra will run it.", "Cifra"),
        ("The site was leased from Acme Ltd. Cifra will run it.", "Cifra"),
        ("The site was leased from Acme LLC\n\nCifra will run it.", "Cifra"),
    ],
)
def test_a_mention_covers_the_whole_name_as_written(text: str, mention: str) -> None:
    result = tagged(text)
    texts = [m.text for m in result.mentions if m.kind == "organization"]
    assert texts == [mention]
