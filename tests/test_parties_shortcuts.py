"""The parties reader's shortcuts read what the plain reading does (docs/speed.md "Cold ingest")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ca_connect.events.parties import _AVOIDED, _CLAUSE_BREAK, _avoided
from ca_connect.models import Mention

PIECES = ["without", "Bypassing", "avoiding", "в обход", "минуя", "Russia", "the line", ", ", " "]


def _plain(before: str) -> bool:
    found = list(_AVOIDED.finditer(before))
    return bool(found) and not _CLAUSE_BREAK.search(before, found[-1].end())


@given(st.lists(st.sampled_from(PIECES), max_size=10), st.data())
def test_avoided_read_once_per_sentence(pieces: list[str], data: st.DataObject) -> None:
    # A word cut off by the mention (`withoutRussia`) is found as the plain reading finds it.
    text = "".join(pieces) + "Russia"
    start = data.draw(st.integers(0, len(text)))
    at = data.draw(st.integers(start, len(text)))
    mention = Mention(entity="RU", kind="country", field="body", text="R", start=at, end=at)
    in_sentence = _AVOIDED.search(text[start:]) is not None
    assert _avoided(mention, text, start, in_sentence) == _plain(text[start:at])
