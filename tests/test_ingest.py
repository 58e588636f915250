"""Session 12's cold-ingest shortcuts read what the plain readings read: old against new
on generated text (hypothesis), then a property of the new."""

from __future__ import annotations

import copy
import json
import re
from bisect import bisect_left
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.dates import russian
from ca_connect.dates.russian import english_dates
from ca_connect.events import dating
from ca_connect.output import csv_line
from ca_connect.query import EVENT_FROM_RECORD, EVENT_HEADERS
from ca_connect.store import ingest
from ca_connect.store.schema import EVENT_LINES, WHOLE, unpack
from ca_connect.tagging.matcher import Match, PhraseMatcher, PhraseMatchers, _fits
from ca_connect.tagging.tagger import tagger_for
from ca_connect.tokens import token_keys, tokenize

from .conftest import SEEDS

_PHRASES = ["Tajik Telecom", "fibre optic line", "fibre", "line", "5G", "Uzbekistan", "US"]
_WORDS = [*(" ".join(p.split()[:1]) for p in _PHRASES), "optic", "the", "and", "Telecom", "of"]


def _matchers() -> PhraseMatchers:
    return PhraseMatchers(
        [
            PhraseMatcher(((p, p) for p in _PHRASES), proper=True),
            PhraseMatcher(((p, p) for p in _PHRASES[1:4]), proper=False, plural=True),
        ]
    )


_MATCHERS = _matchers()
_TEXTS = st.lists(
    st.tuples(st.sampled_from(_WORDS + _PHRASES), st.sampled_from([" ", ", ", "-", ". "])),
    max_size=25,
).map(lambda parts: "".join(word + gap for word, gap in parts))


def _hits_by_bisection(matchers: PhraseMatchers, folded: list[str]) -> list[list[tuple]]:
    """The search as session 11 placed its hits: a table of every token's offset in the
    joined keys, bisected."""
    keys = token_keys(folded)
    hits: list[list[tuple]] = [[] for _ in matchers.matchers]
    joined = f" {' '.join(keys)} "
    spaces = list(accumulate((len(key) + 1 for key in keys), initial=0))
    for pattern, start, _ in matchers._automaton.find_matches_as_indexes(joined, overlapping=True):
        key = matchers._keys[pattern]
        for owner in matchers._owners[pattern]:
            hits[owner].append((bisect_left(spaces, start), len(key), key))
    for found in hits:
        found.sort(key=lambda hit: (hit[0], -hit[1]))
    return hits


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_hits_counted_from_spaces_are_those_found_by_bisection(text: str) -> None:
    folded = tokenize(text)[2]
    found = _MATCHERS._hits(folded) if folded else [[], []]
    assert found == (_hits_by_bisection(_MATCHERS, folded) if folded else [[], []])
    keys = token_keys(folded) if folded else []
    for hits in found:  # and each hit's tokens are its phrase's keys
        for first, length, key in hits:
            assert tuple(keys[first : first + length]) == key


def _chosen_by_comprehension(matcher: PhraseMatcher, hits: list, text: str, tokens) -> list:
    """`chosen` as session 11 wrote it: a comprehension of the fitting phrases per hit."""
    starts, ends, _ = tokens
    matches, free = [], 0
    for first, length, key in hits:
        if first < free:
            continue
        valid = [
            p
            for p in matcher._phrases[key]
            if p.fits_anywhere or _fits(p, text, tokens, first, length)
        ]
        if valid:
            last = first + length
            payloads = tuple(p.payload for p in valid)
            matches.append(Match(first, last, starts[first], ends[last - 1], payloads))
            free = last
    return matches


@settings(max_examples=150, deadline=None)
@given(_TEXTS.map(lambda text: text.replace("Telecom", "TELECOM", 1)))
def test_the_phrases_chosen_by_a_loop_are_those_of_the_comprehension(text: str) -> None:
    tokens = tokenize(text)
    if not tokens[2]:
        return
    for matcher, hits in zip(_MATCHERS.matchers, _MATCHERS._hits(tokens[2]), strict=True):
        expected = _chosen_by_comprehension(matcher, hits, text, tokens)
        assert matcher.chosen(hits, text, tokens) == expected


_HINTED = st.lists(
    st.one_of(
        st.sampled_from(["May", "MAY", "mAy", "Monday", "day", "2025", "3.5", "12/1", "Tonight"]),
        st.sampled_from(["year", "Years", "ago", "AUTUMN", "fall", "Kelvin", "septembre", "в мае"]),
        st.sampled_from(["\u212a", "ſept", "İ", "марта", "2024-го", "word", "a", "1"]),
        st.text(alphabet="aymDYo9 .,/", max_size=6),
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(_HINTED)
def test_date_hint_in_lower_case_is_the_case_blind_search(text: str) -> None:
    plain = dating._DATE_HINT.search(text) is not None or dating._russian_date_word(text)
    assert dating._may_hold_a_date(text) is plain


def test_an_ascii_sentence_with_a_month_in_capitals_may_hold_a_date() -> None:
    assert dating._may_hold_a_date("The deal was signed in MARCH.")
    assert not dating._may_hold_a_date("The deal was signed at last.")
    assert re.search(r"\d", "in 2027") and dating._may_hold_a_date("Work ends in 2027")


def test_each_view_header_and_line_are_those_of_every_view_derived(project_dictionary) -> None:
    """Each view's header (query.EVENT_HEADERS) is the fields of its rows, and the lines
    stored are those of deriving the view of every event."""
    analysed = ingest.analyse_file(SEEDS, "004_c790570d8809d829.txt", project_dictionary)
    records = [json.loads(unpack(event.record)) for event in analysed.events]
    assert len(records) > 1
    for view, derive in EVENT_FROM_RECORD.items():
        assert list(EVENT_HEADERS[view]) == list(derive(records[0]))
    for event, record in zip(analysed.events, records, strict=True):
        row = EVENT_FROM_RECORD["timeline"](record)
        # stored as the part its row's columns do not hold (schema.StoredLine)
        (line,) = EVENT_LINES
        own = {"sort_date": event.dates[0] or "", "article_id": analysed.id, "number": event.number}
        assert not event.lines[line.own].startswith(WHOLE)
        assert line.compose({**own, **event.lines}) == csv_line(row.values())


_FORMS = ["JSC", "Jsc", "OJSC", "LLC", "llc", "TOOL", "AO", "АО", "ТОО", "ао", "ᲀ", "Ⱡ", "the"]
_FORMS += ["акционерного общества", "Акционерное Общество", "компании", "National"]
_NAMES = ["Kazakh Invest", "«Степь Кабель»", '"Astana Cable"', "of", "2025", "—", "Ⱡ"]
_FORM_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(_FORMS),
        st.sampled_from([" ", "\t", ", ", ""]),
        st.sampled_from(_NAMES),
        st.sampled_from([" ", ". ", ", "]),
    ),
    max_size=6,
).map(lambda parts: "".join("".join(part) for part in parts))


def test_names_after_a_legal_form_are_read_only_where_a_form_can_be(project_dictionary) -> None:
    discoverer = tagger_for(project_dictionary)._discoverer
    ungated = copy.copy(discoverer)
    ungated._latin_forms = None  # the regex over every text, as before the gate

    @settings(max_examples=200, deadline=None)
    @given(_FORM_TEXTS)
    def same(text: str) -> None:
        assert discoverer._formed(text) == ungated._formed(text)

    same()
    assert discoverer._formed("The deal with JSC Kazakh Invest was signed.")
    assert not discoverer._formed("The deal with Kazakh Invest was signed.")


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab 1.,\n’", max_size=60), st.integers(min_value=0, max_value=5_000))
def test_a_text_without_cyrillic_comes_from_itself_character_by_character(
    text: str, padding: int
) -> None:
    text += " " * padding  # beyond the stored places too
    english = english_dates(text)
    assert english.text == text
    assert english.origin == list(range(len(text) + 1))
    assert english_dates(text).origin is not english.origin  # each caller's own list


_RUSSIAN_DATES = st.lists(
    st.sampled_from(
        [
            *("5 мая 2024 года", "в прошлом году", "в марте", "15.04.2025", "вчера"),
            *("Бишкек,", "\n", "Апреля", "2023", "запустила сеть", "on May 5", "ᲀ", " "),
        ]
    ),
    max_size=12,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_RUSSIAN_DATES)
def test_a_datelines_english_text_is_english_dates_text(text: str) -> None:
    assert russian._english_text(text) == english_dates(text).text
