"""Session 10's rules for events the reader missed (README "Deal events"), each on
sentences written for the test."""

from __future__ import annotations

from .test_event_types_s9 import events  # the same article of one body, dated 2025-03-14


def stages(body: str) -> list[str]:
    return [e.stage for e in events(body)]


def test_a_project_launched_is_work_begun() -> None:
    assert stages("The Kyrgyztelecom fibre-optic project was launched in May 2023.") == [
        "deployment"
    ]
    assert stages(
        "A pilot project was initiated by Beeline in 2024 to bring 5G to schools in Osh."
    ) == ["deployment"]
    assert stages(
        "Проект был запущен Казахтелекомом в мае 2023 года для прокладки оптоволокна."
    ) == ["deployment"]
    # A service launched stays a launch.
    assert stages("Beeline launched its 5G network in Tashkent in May 2023.") == ["launch"]
