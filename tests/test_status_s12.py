"""A deal's status reads only the events that name the deal (docs/deals.md, status):
one naming no type and no organisation, only countries, is its country's news."""

from __future__ import annotations

from tests.test_deals_history import KZ, event, one_article_deal


def test_an_event_naming_only_its_country_marks_no_progress_of_the_deal():
    works = event(1, "deployment", "2025-10", "Orbita began building the gateway in October.")
    border = event(
        2, "launch", "2025-12", "Every border post was given internet access in December."
    )
    border = border.model_copy(update={"parties": [KZ], "initiatives": []})
    deal = one_article_deal([works, border], "2026-02-10")
    assert deal.status == "deployment"
    # Named with the deal's type, the same launch is the deal's step.
    typed = border.model_copy(update={"initiatives": ["satellite"]})
    assert one_article_deal([works, typed], "2026-02-10").status == "launch"
