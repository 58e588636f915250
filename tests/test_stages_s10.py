"""The stage rules of session 10, wave 3 (README "Deal events"), on sentences written for
the test."""

from __future__ import annotations

from .test_events_ru import stages


def test_an_obligation_to_meet_a_standard_is_no_plan() -> None:
    body = "Казахтелеком должен соответствовать требованиям регулятора по защите данных."
    assert "plan" not in stages(body)
    body = "Новый дата-центр Казахтелекома будет служить резервной площадкой для банков."
    assert "plan" not in stages(body)
