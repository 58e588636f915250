"""Session 17 review (review17): the tests the landed rules lacked (a one-line mutation of
each went unnoticed), the over-reads of the agreement-reached vocabulary, and odd input."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.cli import cli
from ca_connect.deals.pipeline import deals_from_facts
from ca_connect.deals.story import aside_step
from ca_connect.models import PartialDate
from ca_connect.store import default_path, sql
from tests.test_deals import KAZTEL, KZ, article, event
from tests.test_deals17 import STEPNET, grouped
from tests.test_deals_history import dated_stages, one_article_deal
from tests.test_deals_history import event as told

JULY = PartialDate.parse("2025-07-01")


def test_a_home_companys_new_type_joins_no_other_companys_deal():
    """KazTel's exchange point finds no KazTel deal of its type; StepNet's exchange point,
    which does not name KazTel, is no deal of KazTel's either (rule 4)."""
    facts = [
        article(
            "t1", "2024-03-04", [event("t1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",))]
        ),
        article(
            "t2", "2024-04-04", [event("t2", 1, "launch", "2024-04-02", [KZ, STEPNET], ("ixp",))]
        ),
        article(
            "t3", "2024-05-04", [event("t3", 1, "launch", "2024-05-02", [KZ, KAZTEL], ("ixp",))]
        ),
    ]
    assert grouped(facts) == [[("t1", 1)], [("t2", 1)], [("t3", 1)]]


def test_an_articles_own_events_do_not_part_a_home_company_by_type():
    """The types a home company's deal is told with are those of other articles: one
    article telling its 5G launch and its exchange point is one deal (rule 4)."""
    facts = [
        article(
            "u1",
            "2024-03-04",
            [
                event("u1", 1, "launch", "2024-03-01", [KZ, KAZTEL], ("5g",)),
                event("u1", 2, "launch", "2024-03-02", [KZ, KAZTEL], ("ixp",)),
            ],
        )
    ]
    assert grouped(facts) == [[("u1", 1), ("u1", 2)]]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was agreed to lay a second route in May.",
        "Engineers were agreed that the old route was too costly in May.",
        "It was agreed that the ministry would pick the route in May.",
        "The ministers agreed on the need to open a second route in May.",
        "Банк согласовал замену подрядчика в мае.",
        "Стороны договорились о встрече в мае.",
        "Стороны договорились о необходимости второго маршрута в мае.",
        "Стороны договорились открыть второй маршрут в мае.",
        "Трасса должна быть согласована в мае.",
        "The operator booked record revenue from capacity sales in May.",
        "The operator reserved the right to resell the capacity in May.",
        "Делегация забронировала гостиницу в мае.",
    ],
)
def test_an_aim_a_view_or_more_talks_agreed_is_no_agreement(sentence):
    found = aside_step(sentence, JULY)
    assert found is None or found[0] != "agreement"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The fees were agreed in May.", "2025-05"),
        ("Navtel leased a tenth of the new cable's capacity in May.", "2025-05"),
        ("Навтел зарезервировал половину ёмкости кабеля в мае.", "2025-05"),
        ("Стороны договорились об условиях транзита в мае.", "2025-05"),
    ],
)
def test_an_agreement_reached_is_still_read(sentence, date):
    found = aside_step(sentence, JULY)
    assert found is not None and (found[0], str(found[1])) == ("agreement", date)


def test_an_agreement_done_by_the_time_of_its_event_is_not_after_it():
    """`having already agreed` in a sentence read as work begun in June: the agreement is
    of June at the latest, not of the day the article told it (July)."""
    work = told(
        1,
        "deployment",
        "2025-06",
        "Navtel began laying the cable in June, having already agreed on the fees.",
    )
    assert dated_stages(one_article_deal([work], "2025-07-01")) == [
        ("deployment", "2025-06"),
        ("agreement", "2025-06"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("agreed booked capacity уже согласовали ёмкость 2025 май .,;")
        ),
        max_size=80,
    )
)
def test_aside_step_reads_any_sentence(text):
    aside_step(text, JULY)
    aside_step(text, None)


def test_a_deal_of_one_undated_event_with_no_initiative_builds():
    alone = article("v1", None, [event("v1", 1, "agreement", None, [KZ, KAZTEL], ())])
    assert len(deals_from_facts([alone])) <= 1
    assert deals_from_facts([article("v2", "2024-03-04", [])]) == []


def _timeline(data: Path) -> str:
    return CliRunner().invoke(cli, ["--data", str(data), "timeline", "--format", "csv"]).stdout


def test_a_timeline_leaves_out_the_shadowed_article_test_only_when_the_store_says_so(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    event_where = sql.event_where

    def recorded(*args: Any, shadowed: bool = True, **kwargs: Any) -> tuple[str, list[Any]]:
        asked.append(shadowed)
        return event_where(*args, shadowed=shadowed, **kwargs)

    monkeypatch.setattr(sql, "event_where", recorded)
    _timeline(data_dir)
    assert asked and not any(asked)
    (data_dir / "articles" / "000_31d352362439dc2f.md").write_text(
        "---\ntitle: Another file of that id\n---\nText.\n", encoding="utf-8"
    )
    asked.clear()
    _timeline(data_dir)
    assert asked and all(asked)


@pytest.mark.parametrize("stored", [None, "{}", '{"record": []}'])
def test_an_update_with_a_missing_or_empty_stored_header_prints_the_headers(
    data_dir: Path, stored: str | None
) -> None:
    _timeline(data_dir)  # the store, built
    with sqlite3.connect(default_path(data_dir)) as db:
        db.execute("DELETE FROM meta WHERE key = 'columns'")
        if stored is not None:
            db.execute("INSERT INTO meta VALUES ('columns', ?)", (stored,))
    note = "---\ntitle: A note\ndate: 2024-05-01\n---\nThe meeting ended early.\n"
    (data_dir / "articles" / "zz-note.md").write_text(note, encoding="utf-8")
    for command in ("articles", "timeline", "export"):
        result = CliRunner().invoke(cli, ["--data", str(data_dir), command, "--format", "csv"])
        assert result.exit_code == 0 and result.exception is None
    articles = CliRunner().invoke(cli, ["--data", str(data_dir), "articles", "--format", "csv"])
    assert articles.stdout.startswith("id,date,")  # the note printed the articles' header
