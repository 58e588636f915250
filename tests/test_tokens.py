"""Tokens and sentences: the invariants the speed work relies on (docs/speed.md "Cold ingest")."""

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


@given(_TEXT)
def test_tokens_are_the_matches_of_the_token_pattern(text: str) -> None:
    # tokenize reads them from a split, not from the matches: the same words and offsets.
    matches = list(tokens.TOKEN.finditer(text))
    assert tokenize(text) == (
        [m.start() for m in matches],
        [m.end() for m in matches],
        [m.group().casefold() for m in matches],
    )


@given(st.lists(st.sampled_from([*_PIECES, "Straße", "ǅemal", "É", "x_y"]), max_size=30))
def test_word_keys_are_the_keys_of_each_word(words: list[str]) -> None:
    folded = [word.casefold() for word in words]
    assert tokens.token_keys(folded) == [tokens.word_key(word) for word in folded]


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


def test_a_long_word_before_a_dot_ends_its_sentence_and_an_abbreviation_does_not() -> None:
    text = "Talks went on in Almaty. Kcell Corp. and the U.S. firm met Mr. Ospanov. He agreed."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Talks went on in Almaty.",
        "Kcell Corp. and the U.S. firm met Mr. Ospanov.",
        "He agreed.",
    ]
