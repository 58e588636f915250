"""Latin spelling variants fold to one key (ca_connect/spelling.py), and the tagger uses it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ca_connect.models import Article
from ca_connect.spelling import fold
from ca_connect.tagging.matcher import PhraseMatcher
from ca_connect.tokens import match_key, tokenize

# Real spellings of one name, as they appear in English-language text and in the
# national alphabets (Turkmen, Uzbek, Kazakh Latin, Turkish) and Russian-style
# transliterations.
VARIANTS = [
    ("Türkmenaragatnaşyk", "Turkmenaragatnashyk"),
    ("Tojiktelecom", "Tajiktelecom"),
    ("Oʻzbektelekom", "Uzbektelecom"),
    ("O‘zbekiston", "Uzbekistan"),
    ("Qazaqtelecom", "Kazakhtelecom"),
    ("Kazakstan", "Kazakhstan"),
    ("Qazaqstan", "Kazakhstan"),
    ("Kyrgyztelekom", "Kyrgyztelecom"),
    ("Kirghiz", "Kyrgyz"),
    ("Qırğızstan", "Kyrgyzstan"),
    ("Tojikiston", "Tajikistan"),
    ("Türkmenistan", "Turkmenistan"),
    ("Aşgabat", "Ashgabat"),
    ("Türkmenbaşy", "Turkmenbashi"),
    ("Türksat", "Turksat"),
    ("Toshkent", "Tashkent"),
    ("Samarqand", "Samarkand"),
    ("Xorazm", "Khorazm"),
    ("Jambyl", "Zhambyl"),
    ("Dzhambul", "Zhambul"),
    ("Garysh", "Gharysh"),
    ("Rossvyaz", "Rosvyaz"),
    ("Vasiliy", "Vasily"),
    ("centre", "center"),
    ("centres", "centers"),
    ("fibre", "fiber"),
]

# Different names and words that must stay apart.
DIFFERENT = [
    ("Uzbek", "Tajik"),
    ("Kazakh", "Kyrgyz"),
    ("Iran", "Iraq"),
    ("Austria", "Australia"),
    ("Niger", "Nigeria"),
    ("Malay", "Mali"),
    ("Turkmen", "Turkey"),
    ("Georgia", "George"),
    ("cable", "table"),
]


@pytest.mark.parametrize(("one", "other"), VARIANTS)
def test_variant_spellings_fold_to_one_key(one: str, other: str) -> None:
    assert fold(one) == fold(other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert fold(one) != fold(other)


def test_short_words_are_only_case_folded() -> None:
    assert [fold(word) for word in ("Of", "AND", "the", "jv", "qa")] == [
        "of",
        "and",
        "the",
        "jv",
        "qa",
    ]


@given(st.text(alphabet="abcdeghijklmnoqrstuvxyzçğışñüöäžʻ'", max_size=14))
def test_folding_twice_changes_nothing(word: str) -> None:
    assert fold(fold(word)) == fold(word)


def test_an_apostrophe_letter_is_part_of_the_word_but_a_possessive_is_not() -> None:
    text = "O'zbektelekom and Hugo's team met Gʻalaba staff."
    assert tokenize(text)[2] == [
        "o'zbektelekom",
        "and",
        "hugo",
        "s",
        "team",
        "met",
        "gʻalaba",
        "staff",
    ]


def test_a_year_glued_to_a_name_is_a_word_of_its_own() -> None:
    assert tokenize("In 2008Tajiktelecom began")[2] == ["in", "2008", "tajiktelecom", "began"]


def test_a_time_glued_to_a_capital_leaves_the_name_a_word_of_its_own() -> None:
    assert tokenize("В 14:05ЕАБР сообщил")[2] == ["в", "14", "05", "еабр", "сообщил"]
    assert tokenize("At 9:30Kcell said")[2] == ["at", "9", "30", "kcell", "said"]


def test_the_matcher_finds_a_name_in_any_of_its_spellings() -> None:
    matcher = PhraseMatcher([("Turkmenaragatnashyk Agency", "tm-agency")], proper=True)
    text = "Türkmenaragatnaşyk agency and TURKMENARAGATNASHYK AGENCY both appear."
    found = matcher.find(text, tokenize(text))
    assert [text[m.start : m.end] for m in found] == [
        "Türkmenaragatnaşyk agency",
        "TURKMENARAGATNASHYK AGENCY",
    ]
    assert match_key("Türkmenaragatnaşyk") == match_key("Turkmenaragatnashyk")


def test_the_tagger_tags_variant_spellings_as_written(project_dictionary) -> None:
    from ca_connect.tagging.tagger import tag

    article = Article(
        id="x",
        path="x.txt",
        body="Oʻzbektelekom signed with Tojiktelecom and Qazaqtelecom in Toshkent.",
    )
    tagged = tag(article, project_dictionary)
    assert [(m.entity, m.text) for m in tagged.mentions] == [
        ("uzbektelecom", "Oʻzbektelekom"),
        ("tojiktelecom", "Tojiktelecom"),
        ("kazakhtelecom", "Qazaqtelecom"),
        ("UZ", "Toshkent"),
    ]


def test_an_all_capitals_alias_still_matches_only_as_written() -> None:
    matcher = PhraseMatcher([("IDA", "ida")], proper=True)
    text = "IDDA and Ida are not IDA."
    assert [text[m.start : m.end] for m in matcher.find(text, tokenize(text))] == ["IDA"]


def test_a_camel_case_name_also_matches_as_capitalised_words() -> None:
    matcher = PhraseMatcher([("OneWeb", "oneweb"), ("ForteBank", "forte")], proper=True)
    text = "One Web and Forte Bank met; one web page and OneWeb too."
    found = [(text[m.start : m.end], m.payloads) for m in matcher.find(text, tokenize(text))]
    assert found == [
        ("One Web", ("oneweb",)),
        ("Forte Bank", ("forte",)),
        ("OneWeb", ("oneweb",)),
    ]


def test_a_split_name_that_is_another_name_stays_that_name() -> None:
    matcher = PhraseMatcher([("AlmaTv", "one"), ("Alma Tv", "two")], proper=True)
    text = "Alma Tv said."
    assert [m.payloads for m in matcher.find(text, tokenize(text))] == [("two",)]


def test_the_amazon_region_is_not_the_company(project_dictionary) -> None:
    from ca_connect.tagging.tagger import tag

    text = "Rain fell on the Amazon rainforest while Amazon opened a data centre."
    tagged = tag(Article(id="x", path="x.txt", body=text), project_dictionary)
    assert [(m.entity, m.start) for m in tagged.mentions if m.kind == "organization"] == [
        ("amazon", 41)
    ]
