"""Session 13's event rules (README "Deal events"), recall13.

Every sentence here is written for the test (none is taken from a measurement set).
"""

from __future__ import annotations

import pytest

from .test_plans9_s11 import events as read_events


def events(body: str, language: str = "en", date: str = "2025-06-12") -> list[tuple[str, str]]:
    return [(e.stage, str(e.date)) for e in read_events(body, language, date)]


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("A $60 million loan from the Asian Development Bank to Kcell was signed in May.", "en"),
        ("Кредит Азиатского банка развития для Kcell на $60 млн был подписан в мае.", "ru"),
        ("Заем Всемирного банка для Kcell был заключен в мае.", "ru"),
    ],
)
def test_a_loan_told_signed_is_an_agreement(body: str, language: str) -> None:
    assert events(body, language) == [("agreement", "2025-05")]
