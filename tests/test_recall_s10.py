"""Session 10's rules for events the reader missed (docs/events.md), each on
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


def test_a_line_had_built_is_launched() -> None:
    assert stages(
        "In 2009 Tajiktelecom and China Telecom had built a fibre-optic line to the border."
    ) == ["launch"]
    # A company's record is no event.
    assert stages("Huawei has built e-government systems in more than a dozen countries.") == []


def test_a_partnership_signed_is_a_memorandum() -> None:
    assert stages(
        "Министерство связи Туркменистана подписало партнёрство по кибербезопасности "
        "с компанией Huawei."
    ) == ["mou"]
    # Signed as an agreement on partnership, it is an agreement.
    assert stages("Казахтелеком и Huawei подписали соглашение о стратегическом партнерстве.") == [
        "agreement"
    ]
