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
