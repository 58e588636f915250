"""Renamed and merged bodies and cities: a former name tags the same id and says so."""

from __future__ import annotations

import pytest

from ca_connect.dictionary import parse_dictionary
from ca_connect.models import Article
from ca_connect.query import article_record
from ca_connect.tagging.tagger import tag

DICTIONARY = parse_dictionary(
    """\
countries:
  - code: KZ
    name: Kazakhstan
    capitals: [Astana]
    former_names: [{name: Nur-Sultan, since: 2019, until: 2022}]
organizations:
  - id: silknet
    name: Silknet
    kind: company
    country: GE
    former_names: [{name: Geocell, until: 2018}]
  - id: kz-digital
    name: Ministry of Artificial Intelligence and Digital Development
    kind: agency
    country: KZ
    former_names:
      - {name: Ministry of Transport and Communications, until: 2014}
""",
    "test",
)


def mentions(text: str) -> list[tuple[str, str, str | None]]:
    tagged = tag(Article(id="a", path="a.txt", body=text), DICTIONARY)
    return [(m.entity, m.text, m.former_name) for m in tagged.mentions]


def test_a_former_name_tags_the_same_id_and_the_mention_says_which_name() -> None:
    assert mentions(
        "In 2016 Geocell laid cable to Nur-Sultan; today Silknet serves Astana, and the "
        "Ministry of Transport and Communications is long gone."
    ) == [
        ("silknet", "Geocell", "Geocell"),
        ("KZ", "Nur-Sultan", "Nur-Sultan"),
        ("silknet", "Silknet", None),
        ("KZ", "Astana", None),
        (
            "kz-digital",
            "Ministry of Transport and Communications",
            "Ministry of Transport and Communications",
        ),
    ]


def test_the_export_carries_the_former_name_of_each_mention() -> None:
    tagged = tag(Article(id="a", path="a.txt", body="Geocell and Silknet met."), DICTIONARY)
    record = article_record(tagged)
    assert [(m["text"], m["former_name"]) for m in record["mentions"]] == [
        ("Geocell", "Geocell"),
        ("Silknet", None),
    ]
    assert [o["id"] for o in record["organizations"]] == ["silknet"]


@pytest.mark.parametrize(
    ("text", "entity", "former"),
    [
        ("The summit opened in Nur-Sultan on Monday.", "KZ", "Nur-Sultan"),
        ("Officials in Frunze signed the order in 1985.", "KG", "Frunze"),
        ("Geocell was the second operator in Tbilisi.", "silknet", "Geocell"),
        ("Swaziland joined the regional backbone.", "SZ", "Swaziland"),
    ],
)
def test_the_project_dictionary_knows_former_names(
    project_dictionary, text: str, entity: str, former: str
) -> None:
    tagged = tag(Article(id="a", path="a.txt", body=text), project_dictionary)
    assert (entity, former) in [(m.entity, m.former_name) for m in tagged.mentions]
