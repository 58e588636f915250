"""The Aho-Corasick phrase matcher finds exactly what a token-by-token phrase lookup finds,
and sentences sliced from their text's tokens read as if tokenised alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.dictionary import surfaces
from ca_connect.events.reader import Reader
from ca_connect.tagging.matcher import Match, PhraseMatcher, _fits
from ca_connect.tagging.tagger import tagger_for
from ca_connect.tokens import Tokens, token_keys, tokenize, tokenize_span

from .conftest import PROJECT

PROJECT_DICTIONARY = PROJECT / "data" / "entities.yaml"


def lookup_find(matcher: PhraseMatcher, text: str, tokens: Tokens) -> list[Match]:
    """The matcher before Aho-Corasick, as a reference: at each token, the longest phrase
    of the table starting there whose case and gaps fit, else the next token."""
    starts, ends, _ = tokens
    folded = token_keys(tokens[2])
    longest: dict[str, int] = {}
    for key in matcher._phrases:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    matches: list[Match] = []
    index = 0
    while index < len(folded):
        found = None
        for length in range(min(longest.get(folded[index], 0), len(folded) - index), 0, -1):
            phrases = matcher._phrases.get(tuple(folded[index : index + length]), [])
            valid = [p for p in phrases if _fits(p, text, tokens, index, length)]
            if valid:
                last = index + length
                payloads = tuple(p.payload for p in valid)
                found = Match(index, last, starts[index], ends[last - 1], payloads)
                break
        if found is None:
            index += 1
        else:
            matches.append(found)
            index = found.last
    return matches


def _phrases(dictionary) -> list[str]:
    return sorted({surface.text for surface in surfaces(dictionary)})


_FILLERS = ["the", "and", "of", "signed", "Ltd", "2025", "in", "not", "US$", "s", "O'zbek"]
_GAPS = [" ", "  ", ", ", "-", " – ", ". ", ".\n", "\n", "'s ", " (", ") ", "’", "/", ""]
_CASES = [str, str.upper, str.lower, str.title]


def _texts(phrases: list[str]):
    word = st.one_of(st.sampled_from(phrases), st.sampled_from(_FILLERS))
    part = st.tuples(word, st.sampled_from(_CASES), st.sampled_from(["", "s", "es", "а", "ом"]))
    return st.lists(st.tuples(part, st.sampled_from(_GAPS)), min_size=1, max_size=30).map(
        lambda parts: "".join(case(w) + ending + gap for (w, case, ending), gap in parts)
    )


@pytest.mark.slow  # every phrase of the dictionary, both ways
def test_aho_corasick_finds_what_the_phrase_lookup_finds(project_dictionary) -> None:
    tagger = tagger_for(project_dictionary)
    matchers = [
        tagger._ignored_names,
        tagger._countries,
        tagger._organizations,
        tagger._slogan_markers,
        tagger._negations,
        tagger._initiatives,
    ]
    cue_sets = Reader(project_dictionary)._cue_sets
    cues = [cue_set.phrases for cue_set in cue_sets.values()]

    @settings(max_examples=120, deadline=None)
    @given(_texts(_phrases(project_dictionary)))
    def check(text: str) -> None:
        tokens = tokenize(text)
        together = tagger._matchers.find(text, tokens)
        for matcher, found in zip(matchers, together, strict=True):
            expected = lookup_find(matcher, text, tokens)
            assert found == expected, text
            assert matcher.find(text, tokens) == expected, text
        for matcher in cues:
            assert matcher.find(text, tokens) == lookup_find(matcher, text, tokens), text

    check()


def test_a_sentence_finds_what_it_finds_alone(project_dictionary) -> None:
    """Cues of a sentence cut from a text (served from the text's one search) are those
    found in the sentence tokenised on its own."""
    cues = Reader(project_dictionary)._cue_sets["en"].phrases
    text = (
        "Kazakhtelecom signed a memorandum of understanding. The sides agreed to build\n"
        "a fibre-optic line, and construction will begin in 2026. Talks continue."
    )
    for cut in [(0, 51), (52, 140), (20, 80), (60, len(text))]:
        piece = text[cut[0] : cut[1]]
        assert cues.find(piece, tokenize_span(text, *cut)) == lookup_find(
            cues, piece, tokenize(piece)
        ), cut


_TOKEN_TEXT = st.text(
    alphabet=st.sampled_from(list("aOgs2019T'’.&- \nкЖ,")), min_size=0, max_size=60
)


@settings(max_examples=200, deadline=None)
@given(_TOKEN_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_tokens_of_a_span_are_those_of_the_span_alone(text: str, a: int, b: int) -> None:
    text = "x" * 200 + text  # long enough to be kept: the sliced path is the one tested
    start, end = sorted((200 + min(a, len(text) - 200), 200 + min(b, len(text) - 200)))
    assert tokenize_span(text, start, end) == tokenize(text[start:end])


def test_shared_tokens_of_a_long_text_are_the_same_answer() -> None:
    text = "Uzbektelecom and Kyrgyztelecom signed an agreement. " * 10
    assert tokenize(text) is tokenize(text)
    assert tokenize(text) == tokenize(str(text.encode().decode()))
