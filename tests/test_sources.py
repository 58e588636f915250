"""Who speaks and who reports (docs/events.md, Parties), on sentences written here."""

from __future__ import annotations

import pytest

from .test_events_parties import ids, one


def test_an_organisation_saying_what_it_does_itself_acts() -> None:
    # a pronoun opens the reported clause: the speaker is its subject
    event = one("Turkcell said it signed with Kcell a contract to build a fiber line.")
    assert {"turkcell", "kcell"} <= set(ids(event))
    # a preposition before the other one: the speaker's own plan or deal
    event = one("Uzbektelecom revealed plans to work with Huawei on a data centre.")
    assert {"uzbektelecom", "huawei"} <= set(ids(event))
    body = (
        "Министерство цифровых технологий (МЦТ) сообщило, что подписало с Huawei соглашение о ЦОД."
    )
    assert "uz-digital-ministry" in ids(one(body))
    # ... while one saying what another one does only reports it
    event = one("Beeline said that Kcell would build a data centre in Almaty next year.")
    assert "beeline-kazakhstan" not in ids(event) and "kcell" in ids(event)


@pytest.mark.parametrize(
    "body",
    [
        # the outlet known by a media word, in each case of the Russian noun
        "Ucell signed a 5G contract with Nokia, a Russian business website wrote.",
        "По информации российского издания «Ведомости», Ucell подписал контракт с Nokia на"
        " строительство сети 5G.",
        "Ucell подписал контракт с Nokia на строительство сети 5G, передает российское"
        " информагентство ТАСС.",
        "Ucell подписал контракт с Nokia на строительство сети 5G, сообщил российский"
        " новостной сайт.",
        # ... or by its reporting, under a name the dictionary does not know
        "Russia's Vesti reported that Ucell signed a 5G contract with Nokia.",
        "Российский «Вестник» пишет, что Ucell подписал контракт с Nokia на строительство сети 5G.",
    ],
)
def test_a_news_outlets_home_is_no_party(body: str) -> None:
    event = one(body)
    assert "RU" not in ids(event)
    assert {"ucell", "nokia"} <= set(ids(event))


def test_a_known_company_or_a_person_reporting_keeps_the_country() -> None:
    event = one("China's Huawei reported that it signed a fiber contract with Kcell.")
    assert {"CN", "huawei"} <= set(ids(event))
    event = one("Russian President Putin wrote that Rostelecom and Kcell signed a fiber deal.")
    assert "RU" in ids(event)
