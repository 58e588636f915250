"""The stage rules of session 10, wave 3 (docs/events.md), on sentences written for
the test."""

from __future__ import annotations

from .test_events_ru import stages
from .test_notev_s10 import stages as english


def test_an_obligation_to_meet_a_standard_is_no_plan() -> None:
    body = "Казахтелеком должен соответствовать требованиям регулятора по защите данных."
    assert "plan" not in stages(body)
    body = "Новый дата-центр Казахтелекома будет служить резервной площадкой для банков."
    assert "plan" not in stages(body)


def test_work_listed_as_a_projects_parts_describes_the_project() -> None:
    body = (
        "As readers may recall, the project has three components: construction of the fibre "
        "line itself, supply of equipment and a campaign to promote the constructed line."
    )
    assert english(body) == []
    body = (
        "As readers may recall, the project consists of construction of the fibre line itself "
        "and a campaign to promote the constructed line."
    )
    assert english(body) == []
    assert english("Kyrgyztelecom is building a fiber line to Naryn with World Bank money.") == [
        "deployment"
    ]


def test_a_proposal_beside_a_deal_made_before_is_talks() -> None:
    body = (
        "The Asian Development Bank suggested to raise financing of the Tajik fiber project "
        "from the previously approved budget of $10 million to $30 million."
    )
    assert english(body) == ["talks"]
    body = (
        "Tajiktelecom previously borrowed $50 million from the Asian Development Bank to "
        "modernise its fiber network."
    )
    assert english(body) == ["agreement"]


def test_negotiations_completed_are_talks() -> None:
    assert english("Tajiktelecom and Huawei have completed negotiations on the data centre.") == [
        "talks"
    ]


def test_issues_agreed_on_are_no_deal() -> None:
    assert "agreement" not in english(
        "Tajiktelecom and Huawei agreed on all open issues of the data centre project."
    )
    assert "agreement" not in stages("Таджиктелеком и ZTE договорились по всем вопросам проекта.")
    assert english("Tajiktelecom and Huawei agreed on the construction of a data centre.") == [
        "agreement"
    ]
