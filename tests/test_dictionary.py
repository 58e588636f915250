"""The entity dictionary: validated on load; every problem names file, entry and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ca_connect.dictionary import (
    find_country,
    find_initiative,
    find_organization,
    load_dictionary,
    parse_dictionary,
)
from ca_connect.errors import DictionaryError, UsageError

from .conftest import FIXTURES, PROJECT

VALID = """\
countries:
  - {code: TM, name: Turkmenistan, demonyms: [Turkmen], capitals: [Ashgabat]}
  - {code: KZ, name: Kazakhstan}
organizations:
  - {id: huawei, name: Huawei, kind: company, country: CN}
  - {id: beeline-kz, name: Beeline Kazakhstan, kind: company, country: KZ,
     shared_aliases: [Beeline]}
  - {id: beeline-uz, name: Beeline Uzbekistan, kind: company, country: UZ,
     shared_aliases: [Beeline]}
initiatives:
  - {id: fiber, name: Fibre, triggers: [fiber]}
"""


def test_the_project_dictionary_is_valid() -> None:
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    codes = {c.code for c in dictionary.countries}
    assert {"KZ", "KG", "TJ", "TM", "UZ", "CN", "RU", "US", "IR"} <= codes
    assert {i.id for i in dictionary.initiatives} == {
        "fiber",
        "5g",
        "mobile",
        "satellite",
        "cybersecurity",
        "data-center",
        "e-government",
        "ixp",
        "ai",
        "smart-city",
    }


def test_fixture_dictionary_is_valid() -> None:
    load_dictionary(FIXTURES / "entities.yaml")


def test_valid_text_with_shared_aliases() -> None:
    dictionary = parse_dictionary(VALID, "e.yaml")
    assert [o.id for o in dictionary.organizations] == ["huawei", "beeline-kz", "beeline-uz"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # malformed YAML: the line of the problem
        (lambda t: t + "  - {id: x, name: [\n", "e.yaml:13:"),
        # unknown ISO code
        (lambda t: t.replace("code: KZ", "code: XK1"), "e.yaml:3: countries entry 'XK1': code"),
        (
            lambda t: t.replace("code: KZ", "code: QQ"),
            "e.yaml:3: countries entry 'QQ': unknown ISO",
        ),
        (lambda t: t.replace("country: CN", "country: ZZ"), "organizations entry 'huawei'"),
        # unknown kind
        (lambda t: t.replace("kind: company, country: CN", "kind: vendor"), "e.yaml:5:"),
        # empty alias
        (lambda t: t.replace("capitals: [Ashgabat]", "capitals: ['  ']"), "empty capital"),
        # one alias claimed by two entities
        (
            lambda t: t.replace("name: Kazakhstan}", "name: Kazakhstan, aliases: [Turkmen]}"),
            "e.yaml:3: countries entry 'KZ': 'Turkmen' is also a name of 'TM'",
        ),
        (
            lambda t: t.replace("name: Huawei,", "name: Huawei, aliases: [beeline],"),
            "organizations entry 'beeline-kz': 'Beeline' is also a name of 'huawei'",
        ),
        # unknown keys are errors
        (lambda t: t.replace("name: Huawei,", "name: Huawei, ceo: X,"), "ceo: Extra inputs"),
        # ids are unique
        (lambda t: t.replace("id: beeline-uz", "id: beeline-kz"), "'beeline-kz' is defined twice"),
        # not a mapping at all
        (lambda t: "- just\n- a list\n", "e.yaml:1: expected the sections"),
        # unknown initiative type
        (lambda t: t.replace("id: fiber", "id: fibre"), "initiatives entry 'fibre': id"),
    ],
)
def test_problems_name_file_entry_and_line(change, expected: str) -> None:
    with pytest.raises(DictionaryError) as caught:
        parse_dictionary(change(VALID), "e.yaml")
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="no entity dictionary"):
        load_dictionary(tmp_path / "entities.yaml")


def test_lookups() -> None:
    dictionary = parse_dictionary(VALID, "e.yaml")
    assert find_country(dictionary, "tm").code == "TM"
    assert find_country(dictionary, "TURKMENISTAN").code == "TM"
    assert find_country(dictionary, "turkmen").code == "TM"
    assert find_organization(dictionary, "HUAWEI").id == "huawei"
    assert find_organization(dictionary, "beeline-uz").id == "beeline-uz"
    assert find_initiative(dictionary, "Fiber").id == "fiber"
    with pytest.raises(UsageError, match="unknown country 'Atlantis'"):
        find_country(dictionary, "Atlantis")
    with pytest.raises(UsageError, match="unknown organisation"):
        find_organization(dictionary, "Acme")
    with pytest.raises(UsageError, match="use one of fiber"):
        find_initiative(dictionary, "6g")
