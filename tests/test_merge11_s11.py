"""Session 11's rules on context and merging (docs/events.md), each on sentences
written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14

_STORY = "Kazakhtelecom is building a data center in Astana. The data center will hold 500 racks."


def test_a_plan_dated_in_another_year_takes_no_main_type() -> None:
    """A plan its own words date in 2021, in a 2025 article about a data center, is an
    earlier plan: it names no type, and it takes none of the article's."""
    body = _STORY + "\n\nIn 2021, it was announced that Tele2 would open an office in Almaty."
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["plan"] == []
    # Dated to a day, or in the article's year, it is still the story's plan.
    body = _STORY + "\n\nOn December 30, 2024, Tele2 said it would open an office in Almaty."
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["plan"] == ["data-center"]
    body = _STORY + "\n\nIn January, it was announced that Tele2 would open an office in Almaty."
    found = {e.stage: e.initiatives for e in events(body)}
    assert found["plan"] == ["data-center"]


def test_a_plan_dated_apart_from_a_deal_does_not_elaborate_it() -> None:
    """A plan right after a memorandum, naming no party beyond it, says what the memorandum
    will do; dated by its own words in another year, it is a plan of its own."""
    deal = (
        "Kazakhtelecom and Huawei signed a memorandum on building a data center in Kazakhstan "
        "in December 2019. "
    )
    dated = events(deal + "In 2020, Kazakhstan approved a strategy to build more data centers.")
    assert [(e.stage, str(e.date)) for e in dated] == [("mou", "2019-12"), ("plan", "2020")]
    told_on = events(deal + "Kazakhstan plans to build more data centers.")
    assert [e.stage for e in told_on] == ["mou"]
    # A memorandum dated by the article only: a plan of another year is still apart.
    undated = events(
        "Kazakhtelecom and Huawei signed a memorandum on building a data center in "
        "Kazakhstan. In 2020, Kazakhstan approved a strategy to build more data centers."
    )
    assert [(e.stage, str(e.date)) for e in undated] == [("mou", "2025-03-14"), ("plan", "2020")]
