"""`caconnect eval --events`: the gold events format, the matching rule and the figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.dictionary import load_dictionary
from ca_connect.errors import CaconnectError
from ca_connect.evaluate.events import GoldEventArticle, evaluate_events, load_event_gold
from ca_connect.models import Event, Party, TaggedArticle

from .conftest import FIXTURES, write_data

SMALL = load_dictionary(FIXTURES / "entities.yaml")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "events-gold.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- article: a\n  events:\n    - stage: signing\n      parties: [TJ]\n",
            ":3: events.0.stage: Input should be 'talks', 'mou', 'agreement', 'deployment', "
            "'launch', 'plan' or 'cancelled', not 'signing'",
        ),
        (
            "- article: a\n  events:\n    - stage: mou\n      date: 2025-13\n",
            ":4: events.0.date: not a date (YYYY, YYYY-MM or YYYY-MM-DD): '2025-13'",
        ),
        (
            "- article: a\n  events:\n    - stage: mou\n      party: [TJ]\n",
            ":4: events.0.party: unknown field (use stage, parties, initiatives, date, target, "
            "sentence, note)",
        ),
        (
            "- article: a\n  events: [\n",
            ":3: not valid YAML: expected the node content, but found '<stream end>'",
        ),
        ("article: a\n", ":1: expected a list of records (- article: ... events: [...])"),
        (
            "- article: a\n  events: []\n- article: a\n  events: []\n",
            ":3: article 'a' is listed twice (first at line 1)",
        ),
    ],
)
def test_a_bad_gold_file_is_one_error_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(CaconnectError) as error:
        load_event_gold(path)
    assert str(error.value).startswith(str(path))
    assert str(error.value).endswith(message)


def found(stage: str, parties: list[Party], initiatives: list[str], date: str) -> Event:
    return Event(
        article_id="a",
        number=1,
        stage=stage,
        date=date,
        parties=parties,
        initiatives=initiatives,
        field="body",
        start=0,
        end=1,
        text="A sentence.",
    )


TJ = Party(id="TJ", name="Tajikistan", kind="country", country="TJ")
SPACEX = Party(id="spacex", name="SpaceX", kind="company", country="US")


def score(gold: list[dict], events: list[Event]):
    article = TaggedArticle(id="a", path="a.txt", body="x", events=events)
    record = GoldEventArticle.model_validate({"article": "a", "events": gold})
    return evaluate_events([record], {"a": article}, SMALL)


def test_an_organisation_matches_through_the_dictionarys_aliases() -> None:
    gold = [{"stage": "talks", "parties": ["TJ", "Space X"], "initiatives": ["satellite"]}]
    result = score(gold, [found("talks", [TJ, SPACEX], ["satellite"], "2025-03")])
    assert (result.overall.matched, result.right["parties"]) == (1, 1)


def test_a_match_needs_the_same_stage_a_shared_type_and_a_shared_party() -> None:
    gold = [{"stage": "talks", "parties": ["TJ"], "initiatives": ["satellite"]}]
    for event in (
        found("mou", [TJ], ["satellite"], "2025"),
        found("talks", [TJ], ["fiber"], "2025"),
        found("talks", [SPACEX], ["satellite"], "2025"),
    ):
        result = score(gold, [event])
        assert (result.overall.recall, result.overall.precision) == (0.0, 0.0)


def test_matching_is_one_to_one_and_the_best_pair_wins() -> None:
    gold = [
        {"stage": "launch", "parties": ["TJ"], "initiatives": ["fiber"], "date": "2024"},
        {"stage": "launch", "parties": ["TJ", "SpaceX"], "initiatives": ["fiber"]},
    ]
    events = [found("launch", [TJ, SPACEX], ["fiber"], "2025")]
    result = score(gold, events)
    assert (result.overall.recall, result.overall.precision) == (0.5, 1.0)
    assert [f.problem for f in result.findings] == ["date", "miss"]


def test_a_pair_taken_first_never_leaves_two_events_unmatched() -> None:
    # The best-ranked pair (two parties shared) takes the only found event the first
    # gold event could have had; the other found event can only match the second.
    gold = [
        {"stage": "launch", "parties": ["TJ"], "initiatives": ["satellite"]},
        {"stage": "launch", "parties": ["TJ", "SpaceX"], "initiatives": ["satellite"]},
    ]
    events = [
        found("launch", [SPACEX], ["satellite"], "2025"),
        found("launch", [TJ, SPACEX], ["satellite"], "2025"),
    ]
    result = score(gold, events)
    assert (result.overall.recall, result.overall.precision) == (1.0, 1.0)


def one_event_set(tmp_path: Path) -> Path:
    """A gold folder of one article and its one gold event."""
    folder = write_data(
        tmp_path / "set",
        (FIXTURES / "entities.yaml").read_text(encoding="utf-8"),
        {"a.txt": "date 2025-03-10\n\nTajikistan launched a fiber line in 2024.\n"},
    )
    (folder / "gold.yaml").write_text("- file: a.txt\n", encoding="utf-8")
    events = (
        "- article: a\n  events:\n"
        "    - {stage: launch, parties: [TJ], initiatives: [fiber], date: 2024}\n"
    )
    (folder / "events-gold.yaml").write_text(events, encoding="utf-8")
    return folder


def test_the_cli_prints_recall_precision_and_field_accuracy(tmp_path: Path) -> None:
    folder = one_event_set(tmp_path)
    result = CliRunner().invoke(
        cli, ["eval", str(folder / "gold.yaml"), "--events", str(folder / "events-gold.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:4] == [
        "events",
        "stage   gold  found  matched  recall  precision  f1",
        "all     1     1      1        1.0     1.0        1.0",
        "launch  1     1      1        1.0     1.0        1.0",
    ]


def test_eval_with_events_and_deals_prints_both_tables(tmp_path: Path) -> None:
    folder = one_event_set(tmp_path)
    (folder / "deals-gold.yaml").write_text(
        "deals: []\narticles:\n  - {file: a.txt, deals: []}\n", encoding="utf-8"
    )
    args = ["eval", str(folder / "gold.yaml"), "--events", str(folder / "events-gold.yaml")]
    result = CliRunner().invoke(cli, [*args, "--deals", str(folder / "deals-gold.yaml")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "events"
    assert lines[lines.index("deals") + 1].split() == ["measure", "value"]
    alone = CliRunner().invoke(cli, args)
    assert result.output.startswith(alone.output)
