"""Targets as the shared real golds give them (session 10): a plan's window ends at its target."""

from ca_connect.dates.events import resolve_event_date
from ca_connect.models import PartialDate

PUBLISHED = PartialDate.model_validate("2025-09-30")


def _read(sentence: str) -> tuple[str, bool] | None:
    found = resolve_event_date(sentence, PUBLISHED)
    return None if found is None else (str(found.date), found.planned)


def test_a_plans_window_of_years_ends_at_its_target() -> None:
    assert _read("The second stage of the backbone will be built in 2026-2028.") == ("2028", True)
    assert _read("Kcell expects to roll the towers out between 2026 and 2027.") == ("2027", True)
    assert _read("Вторую очередь сети планируется построить в 2026-2028 годах.") == ("2028", True)


def test_a_plans_window_of_days_ends_at_its_target() -> None:
    sentence = "The pilot is scheduled to run from November 3, 2025 to November 2, 2026."
    assert _read(sentence) == ("2026-11-02", True)
    russian = "Пилотный проект будет реализован с 3 ноября 2025 года по 2 ноября 2026 года."
    assert _read(russian) == ("2026-11-02", True)


def test_a_window_told_as_done_starts_at_its_date() -> None:
    assert _read("The towers were rolled out from March 3, 2021 to May 5, 2022.") == (
        "2021-03-03",
        False,
    )
    assert _read("The backbone was built in 2019-2021.") is None
