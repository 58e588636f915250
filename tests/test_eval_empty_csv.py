"""`eval --details` as CSV names every section's fields, found or not.

The scores and the details are built from the fields evaluate/tags.py and
evaluate/events.py declare (EVALUATION_FIELDS, EVENT_EVALUATION_FIELDS), so a gold the
tagger gets all right prints the details' fields in the header all the same, and a gold
it gets wrong prints the same header above its findings.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ca_connect.cli import cli

from .conftest import write_data

_DICTIONARY = """\
countries:
  - {code: TJ, name: Tajikistan}
  - {code: KG, name: Kyrgyzstan}
initiatives:
  - {id: satellite, name: Satellite internet, triggers: [satellite]}
"""
_ARTICLES = {
    "dish.md": "---\ntitle: Dishes on roofs\ndate: 2024-11-05\n---\n"
    "Villages in Tajikistan now get satellite internet.\n",
}
_RIGHT_TAGS = "- {file: dish.md, date: 2024-11-05, countries: [TJ], initiatives: [satellite]}\n"
_WRONG_TAGS = "- {file: dish.md, date: 2024-11-05, countries: [KG], initiatives: [satellite]}\n"
_WRONG_EVENTS = "- article: dish\n  events:\n    - {stage: agreement, parties: [KG]}\n"

TAGS_HEADER = "table,field,tp,fp,fn,precision,recall,f1,file,problem,value,evidence\n"
EVENTS_HEADER = (
    "table,stage,gold,found,matched,recall,precision,f1,field,right,of,accuracy,"
    "article,problem,sentence\n"
)
_FIELD_ROWS = (
    "matched_events_fields,,,,,,,,parties,0,0,1.0,,,\n"
    "matched_events_fields,,,,,,,,initiatives,0,0,1.0,,,\n"
    "matched_events_fields,,,,,,,,date,0,0,1.0,,,\n"
    "matched_events_fields,,,,,,,,target,0,0,1.0,,,\n"
)


def _gold(folder: Path, tags: str, events: str = "[]\n") -> Path:
    write_data(folder, _DICTIONARY, _ARTICLES)
    (folder / "events.yaml").write_text(events, encoding="utf-8")
    gold = folder / "gold.yaml"
    gold.write_text(tags, encoding="utf-8")
    return gold


def _eval(gold: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["eval", str(gold), *options, "--format", "csv"])
    return result.exit_code, result.stdout


def test_tags_all_right_name_the_details_fields(tmp_path: Path) -> None:
    assert _eval(_gold(tmp_path, _RIGHT_TAGS), "--details") == (
        0,
        TAGS_HEADER + "scores,countries,1,0,0,1.0,1.0,1.0,,,,\n"
        "scores,organizations,0,0,0,1.0,1.0,1.0,,,,\n"
        "scores,initiatives,1,0,0,1.0,1.0,1.0,,,,\n"
        "scores,date,1,,0,,,1.0,,,,\n",
    )


def test_tags_wrong_print_their_findings_under_the_same_header(tmp_path: Path) -> None:
    code, text = _eval(_gold(tmp_path, _WRONG_TAGS), "--details")
    assert (code, text.partition("\n")[0] + "\n") == (0, TAGS_HEADER)
    assert text.endswith(
        "details,countries,,,,,,,dish.md,false,TJ,body[12:22] 'Tajikistan'\n"
        "details,countries,,,,,,,dish.md,miss,KG,\n"
    )


def test_the_scores_alone_print_their_fields(tmp_path: Path) -> None:
    code, text = _eval(_gold(tmp_path, _RIGHT_TAGS))
    assert (code, text.partition("\n")[0]) == (0, "field,tp,fp,fn,precision,recall,f1")


def test_events_all_right_name_the_details_fields(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _RIGHT_TAGS)
    assert _eval(gold, "--events", str(tmp_path / "events.yaml"), "--details") == (
        0,
        EVENTS_HEADER + "events,all,0,0,0,1.0,1.0,1.0,,,,,,,\n" + _FIELD_ROWS,
    )


def test_events_wrong_print_their_findings_under_the_same_header(tmp_path: Path) -> None:
    gold = _gold(tmp_path, _RIGHT_TAGS, _WRONG_EVENTS)
    assert _eval(gold, "--events", str(tmp_path / "events.yaml"), "--details") == (
        0,
        EVENTS_HEADER + "events,all,1,0,0,0.0,1.0,0.0,,,,,,,\n"
        "events,agreement,1,0,0,0.0,1.0,0.0,,,,,,,\n"
        + _FIELD_ROWS
        + "details,agreement,[KG] - None,,,,,,,,,,dish,miss,\n",
    )


def test_with_deals_the_event_details_keep_their_fields(tmp_path: Path) -> None:
    """With --deals too, the event findings are `event_details` and keep their fields;
    the deals' sections (deals/evaluate.py) add their rows' keys after them."""
    gold = _gold(tmp_path, _RIGHT_TAGS)
    deals = tmp_path / "deals-gold.yaml"
    deals.write_text("deals: []\narticles: []\n", encoding="utf-8")
    events = str(tmp_path / "events.yaml")
    code, text = _eval(gold, "--events", events, "--deals", str(deals), "--details")
    assert (code, text.partition("\n")[0] + "\n") == (
        0,
        EVENTS_HEADER.replace("\n", ",measure,value\n"),
    )
