"""What an edit re-does in the index (README "The index and speed"): an alias added to an
entry re-analyses only the articles holding it, and an article analysed again to the same
deal facts re-links no deal."""

from __future__ import annotations

from pathlib import Path

import pytest

from ca_connect.corpus import DataDir, open_corpus
from ca_connect.deals.store import DealStore
from ca_connect.store.affected import changed_phrases


def _dictionary(**starlink: object) -> dict:
    entry = {"id": "starlink", "name": "Starlink", "kind": "company", "aliases": []}
    return {"organizations": [{**entry, **starlink}, {"id": "zte", "name": "ZTE", "aliases": []}]}


def test_an_alias_added_or_removed_brings_only_that_alias() -> None:
    before = _dictionary()
    assert changed_phrases(before, _dictionary(aliases=["Starlink Direct"])) == {"Starlink Direct"}
    assert changed_phrases(_dictionary(aliases=["Sky Link"]), before) == {"Sky Link"}


def test_a_new_name_or_kind_brings_every_name_of_the_entry() -> None:
    # Every article naming the entry shows its name and kind, by whichever alias.
    old = _dictionary(aliases=["Sky Link"])
    renamed = _dictionary(name="Starlynx", aliases=["Sky Link"])
    assert changed_phrases(old, renamed) == {"Starlink", "Starlynx", "Sky Link"}
    assert changed_phrases(old, _dictionary(kind="agency", aliases=["Sky Link"])) == {
        "Starlink",
        "Sky Link",
    }
    # An organisation's initiative types are words too, but describe the entry.
    typed = _dictionary(aliases=["Sky Link"], initiatives=["satellite"])
    assert changed_phrases(old, typed) == {"Starlink", "Sky Link"}


def test_aliases_only_reordered_bring_every_name_of_the_entry() -> None:
    old = _dictionary(aliases=["Sky Link", "Star Net"])
    assert changed_phrases(old, _dictionary(aliases=["Star Net", "Sky Link"])) == {
        "Starlink",
        "Sky Link",
        "Star Net",
    }


@pytest.mark.slow  # the seed store built, then brought up to date twice
def test_an_article_analysed_again_to_the_same_facts_relinks_no_deal(
    data_dir: Path, monkeypatch, analysed_files: list[str]
) -> None:
    open_corpus(DataDir(data_dir)).close()
    synced: list[set[str]] = []
    real = DealStore.sync

    def recording(self, touched, *rest, **options):
        synced.append(set(touched))
        return real(self, touched, *rest, **options)

    monkeypatch.setattr(DealStore, "sync", recording)
    analysed = analysed_files
    analysed.clear()  # only what the index analyses from here on
    entities = data_dir / "entities.yaml"
    # An alias that folds to the name's own spelling: the articles naming Starlink are
    # read again, and come out the same.
    text = entities.read_text()
    edited = text.replace("name: Starlink,", "name: Starlink, aliases: [Starlinkk],", 1)
    assert edited != text
    entities.write_text(edited)
    open_corpus(DataDir(data_dir)).close()
    assert analysed and synced == []
