"""Session 11 (dealsrecall): events the reader dropped or merged away (README "Deal
events"), each on sentences written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14


def stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_talks_naming_nobody_told_as_under_way_are_the_article_talks() -> None:
    opening = "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
    assert stages(opening + "Negotiations on the project have already been completed.") == [
        "plan",
        "talks",
    ]
    assert stages(opening + "Discussions on the tariffs are currently underway.") == [
        "plan",
        "talks",
    ]
    # Told with no word of where they stand, they tell nothing the plan did not.
    assert stages(opening + "Negotiations on the project were difficult.") == ["plan"]


def test_work_naming_nobody_told_as_going_on_now_is_the_article_work() -> None:
    opening = "The government of Kyrgyzstan plans to build a data center in Osh.\n\n"
    found = stages(opening + "Works on the second stage are now being carried out.")
    assert found == ["plan", "deployment"]
    russian = stages(
        "Правительство Кыргызстана планирует построить центр обработки данных в Оше.\n\n"
        "На площадку уже поступает оборудование."
    )
    assert russian == ["plan", "deployment"]
    # A question asks; it tells no work.
    asked = stages(opening + "Which stage has already been implemented?")
    assert asked == ["plan"]
    # The word that tells the work is no word of where it stands.
    assert stages(opening + "Measures are underway to expand the road network.") == ["plan"]
