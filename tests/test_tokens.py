"""Tokens and sentences: the invariants the speed work relies on (README "Cold ingest")."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from ca_connect import tokens
from ca_connect.tokens import gap_signature, sentence_spans, tokenize, tokenize_span

# Letters, sentence ends, abbreviations and every kind of space a text may hold.
_PIECES = [*'ab Z.\n\t\x85\u2028\u3000!?…"”)', "Mr.", "e.g.", "I.", "Oʻzbek", "2008Tajik"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_TEXT)
def test_sentences_are_stripped_in_order_and_never_empty(text: str) -> None:
    spans = sentence_spans(text)
    for start, end in spans:
        piece = text[start:end]
        assert piece and piece == piece.strip()
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


@given(_TEXT)
def test_tokens_are_the_words_at_their_offsets(text: str) -> None:
    starts, ends, words = tokenize(text)
    assert [text[a:b].casefold() for a, b in zip(starts, ends, strict=True)] == words


def test_a_sentence_cut_from_a_field_reads_as_the_sentence_alone() -> None:
    text = "Kcell signed a deal. The fibre line to Osh opens in May."
    start = text.index("The")
    assert tokenize_span(text, start, len(text)) == tokenize(text[start:])


def test_a_one_space_gap_says_nothing_and_a_comma_does() -> None:
    assert gap_signature(" ") == ""
    assert gap_signature(" - ") == ""
    assert gap_signature(", ") == ","


def test_the_token_caches_stay_small() -> None:
    for number in range(300):
        text = f"Text number {number} about a fibre line. " * 10
        tokenize_span(text, 0, 40)
        sentence_spans(text)
    assert len(tokens._TOKENIZED) <= tokens._RECENT
    assert len(tokens._SENTENCES) <= tokens._RECENT
    assert len(tokens._PIECES) <= tokens._KEPT_PIECES
