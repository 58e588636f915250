"""Session 17 (ingest17b): shortcuts of the analysis, each checked against the work it
replaces (docs/speed.md, "Session 17: the cold ingest")."""

from __future__ import annotations

from collections import Counter

from ca_connect.dictionary import surfaces
from ca_connect.tagging.tagger import country_names


def test_the_country_names_are_those_of_the_country_surfaces(dictionary):
    listed = [surface.text for surface in surfaces(dictionary) if surface.kind == "country"]
    assert Counter(country_names(dictionary)) == Counter(listed)
