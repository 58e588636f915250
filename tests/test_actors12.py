"""Context party rules of session 12 (docs/events.md, Context: references), on
sentences written here."""

from __future__ import annotations

from .test_events_parties import events, ids


def _talks(body: str) -> list[str]:
    (talks,) = [e for e in events(body) if e.stage == "talks"]
    return ids(talks)


def test_a_deal_told_on_in_a_later_paragraph_takes_its_actors() -> None:
    # the sentence before names nobody; the project is Ericsson's, told two sentences back
    body = (
        "Ericsson will build the 5G network of the capital.\n"
        "Officials in the ministry confirmed the news to reporters.\n\n"
        "Negotiations on the project are already under way."
    )
    assert "ericsson" in _talks(body)
    # Russian: `этот проект`
    body = (
        "Ericsson построит сеть 5G в столице.\n"
        "Об этом журналистам сообщили в министерстве.\n\n"
        "Переговоры по этому проекту уже ведутся."
    )
    assert "ericsson" in _talks(body)


def test_a_deal_recalled_with_a_year_of_its_own_takes_nobody() -> None:
    # a year of its own tells another deal, not the one the article is about
    body = (
        "Ericsson will build the 5G network of the capital.\n"
        "Officials in the ministry confirmed the news to reporters.\n\n"
        "The 2019 talks on the project are already over."
    )
    (talks,) = [e for e in events(body) if e.stage == "talks"]
    assert "ericsson" not in ids(talks)
