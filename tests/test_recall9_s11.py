"""Session 11's rules for events the reader missed or merged away (docs/events.md),
each on sentences written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14


def plans(body: str) -> list[tuple[list[str], str | None]]:
    """The parties and target of each plan found."""
    return [
        ([p.id for p in e.parties], str(e.target) if e.target else None)
        for e in events(body)
        if e.stage == "plan"
    ]


def test_an_aim_far_from_the_deal_takes_the_deal_named_last() -> None:
    body = (
        "Kyrgyztelecom signed a contract with ZTE to build a data center in Bishkek. "
        "The building will cover 2,000 square metres. Its halls will hold 400 racks. "
        "Officials praised the site. The first stage will be completed in 2027."
    )
    assert plans(body) == [(["kyrgyztelecom", "zte", "KG"], "2027")]


def test_an_aim_with_nothing_told_before_takes_the_article_parties() -> None:
    body = (
        "Kyrgyzstan wants to build a data center in Osh. The project has been in preparation "
        "since 2020. Its halls will hold 400 racks. Officials praised the site.\n\n"
        "The first stage will be carried out in 2026-2027."
    )
    assert plans(body) == [(["KG"], None), (["KG"], "2027")]


def test_a_stage_opening_on_an_ordinal_is_a_plan_apart() -> None:
    body = (
        "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
        "The first stage of the project will be completed in 2027."
    )
    assert plans(body) == [(["KG"], None), (["KG"], "2027")]
    # Told again with its target and no ordinal, it is the same plan.
    again = (
        "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
        "The data center will be completed in 2027."
    )
    assert len(plans(again)) == 1


def test_a_reference_to_a_deal_naming_nobody_joins_it() -> None:
    body = (
        "Kyrgyztelecom signed contracts with ZTE for a data center in Osh.\n\n"
        "Under the contracts, networks will be developed in the western regions."
    )
    [deal] = events(body)
    assert deal.stage == "agreement" and len(deal.evidence) == 2
    # Naming no event told, such a sentence still tells nothing.
    alone = (
        "Kyrgyztelecom signed contracts with ZTE for a data center in Osh.\n\n"
        "Networks will be developed in the western regions."
    )
    assert [len(e.evidence) for e in events(alone)] == [1]
