"""A context country is a party only when the article names it (docs/events.md,
Parties): the golds add no country the text never names, by name, demonym or capital."""

from __future__ import annotations

from .test_events_parties import ids, one


def test_a_state_company_at_work_brings_its_country_only_when_the_article_names_it() -> None:
    work = "The state operator Tojiktelecom is laying a fiber line along the Pamir highway."
    assert ids(one(work, "deployment")) == ["tojiktelecom"]
    named = work + " Tajikistan plans more such lines."
    assert ids(one(named, "deployment")) == ["TJ", "tojiktelecom"]


def test_a_capital_or_a_demonym_names_the_country() -> None:
    by_capital = "Kyrgyztelecom is laying a fiber line from Bishkek to the border."
    assert "KG" in ids(one(by_capital, "deployment"))
    by_demonym = "The Kyrgyz operator Kyrgyztelecom is laying a fiber line to the border."
    assert "KG" in ids(one(by_demonym, "deployment"))


def test_a_foreign_agency_brings_its_home_only_when_the_article_names_it() -> None:
    body = (
        "The Ministry of Digital Technologies of Uzbekistan and KOICA signed a memorandum "
        "on e-government."
    )
    assert "KR" not in ids(one(body))
    assert "KR" in ids(one(body + " South Korea funds the work."))
