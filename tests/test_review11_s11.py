"""Session 11, review11: cases of the code session 11 landed that no other test pins."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.deals.story import IN_SERVICE, RECALLED
from ca_connect.models import EntityDictionary
from ca_connect.store import scan as scan_module
from ca_connect.tagging import cache
from ca_connect.tagging.tagger import Tagger
from tests.test_deals_history import deal_of, event

from .conftest import write_data


def test_a_trial_completed_and_a_channel_that_began_broadcasting_is_a_launch() -> None:
    """`began broadcasting` tells a service live as `began service` does: the cue's
    prefilter words must hold it, or the sentence is never searched."""
    assert IN_SERVICE.search("After its trials the channel began broadcasting in Khorog.")
    deal = deal_of(
        event(1, "launch", "2025-04", "Orbita TV completed its trials and began broadcasting."),
        event(2, "launch", "2025-06", "Orbita TV completed its trials of the new transmitter."),
    )
    assert [h.stage for h in deal.history] == ["launch", "deployment"]


@pytest.mark.parametrize(
    "text",
    [
        "At that time, the gateway was to open in 2022.",
        "At the time, the operator hoped to finish the line by 2023.",
        "Back then, the works were halted.",
        "На тот момент запуск планировали на 2023 год.",
        "В то время строительство линии было приостановлено.",
    ],
)
def test_a_time_told_before_is_recalled(text: str) -> None:
    assert RECALLED.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the time of writing, the gateway had been postponed.",  # now
        "Проект отложили, в то время как соседи уже построили линию.",  # whereas
    ],
)
def test_now_and_whereas_are_not_a_time_told_before(text: str) -> None:
    assert RECALLED.search(text) is None


def test_a_file_whose_name_is_not_utf8_is_left_out_not_an_error(tmp_path: Path) -> None:
    """A name of bytes that are no UTF-8 (`bad\\xff.txt`): the store keeps names as text,
    so the scan leaves it out, as a link it does not follow; the other files are read."""
    entities = (Path(__file__).parent / "fixtures" / "entities.yaml").read_text()
    data = write_data(tmp_path / "data", entities, {"one.txt": "One\n\nKcell in Kazakhstan.\n"})
    try:
        bad = os.open(os.path.join(os.fsencode(data / "articles"), b"bad\xff.txt"), os.O_CREAT)
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    os.close(bad)
    assert list(scan_module.scan(data / "articles").files) == ["one.txt"]
    for store in ([], ["--no-index"]):
        answer = CliRunner().invoke(
            cli, ["--data", str(data), *store, "articles", "--format", "csv"]
        )
        assert answer.exit_code == 0, answer.output
        assert "one.txt" in answer.stdout and "bad" not in answer.stdout


def test_the_tagger_file_knows_how_many_matchers_a_tagger_stores(
    small_dictionary: EntityDictionary,
) -> None:
    """tagging/cache.py reads a file's groups into `_MATCHERS` matchers: a Tagger with
    another number of them would make every partial reading fail and compile instead."""
    assert len(Tagger(small_dictionary).stored()) == cache._MATCHERS
