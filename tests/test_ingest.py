"""The cold-ingest shortcuts (docs/speed.md "Cold ingest") read what the plain readings
read: old against new on generated text (hypothesis), then a property of the new."""

from __future__ import annotations

import copy
import json
import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.dates import russian
from ca_connect.dates.russian import english_dates
from ca_connect.deals import facts
from ca_connect.deals import store as deal_store
from ca_connect.deals.facts import (
    UnreadSentences,
    asides_told_apart,
    changes_told_apart,
    delays_told_apart,
)
from ca_connect.deals.link import article_keys
from ca_connect.deals.steps import DESPITE, WORK_DELAYED
from ca_connect.dictionary import surfaces
from ca_connect.events import dating
from ca_connect.events.grammar import grammar_for
from ca_connect.events.reader import (
    _MAX_GAP,
    _NO_BREAK,
    CueSets,
    _cue_candidates,
    _find_cues,
    _find_gapped,
)
from ca_connect.events.sentence import CLAUSE_BREAK, Cue
from ca_connect.models import TaggedArticle
from ca_connect.output import csv_line
from ca_connect.query import EVENT_FROM_RECORD, EVENT_HEADERS
from ca_connect.store import ingest
from ca_connect.store.schema import EVENT_LINES, WHOLE, unpack
from ca_connect.tagging.matcher import Match, PhraseMatcher, PhraseMatchers, _fits
from ca_connect.tagging.tagger import country_names, tagger_for
from ca_connect.tokens import gap_signature, token_keys, tokenize, tokenize_span
from tests.test_deals import KZ, SKYNET, article
from tests.test_deals import event as deal_event
from tests.test_deals_history import event as history_event
from tests.test_deals_incremental import _put, _store

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


_FILLER = ["the", "a", "deal", "on", "and", "which", "Kazakhstan", "fibre", "line", "said"]

_GAPS = [" ", " ", " ", ", ", "; ", " (", ") ", " - ", ". "]


def _gapped_plainly(gapped, text: str, tokens) -> list[Cue]:
    """_find_gapped as session 12 wrote it: every token tried as A, then every token after
    it as B up to the end of A's clause."""
    starts, ends = tokens[0], tokens[1]
    folded = token_keys(tokens[2])

    def part_at(index: int, words: tuple[str, ...]) -> bool:
        return tuple(folded[index : index + len(words)]) == words and all(
            not gap_signature(text[ends[i] : starts[i + 1]])
            for i in range(index, index + len(words) - 1)
        )

    def clause_end(after: int) -> int:
        found = CLAUSE_BREAK.search(text, ends[after - 1])
        while found and (skip := _NO_BREAK.match(text, found.start())):
            found = CLAUSE_BREAK.search(text, skip.end())
        return found.start() if found else len(text)

    found: list[Cue] = []
    for first, word in enumerate(folded):
        for parts, stage in gapped.get(word, ()):
            if not part_at(first, parts[0]):
                continue
            spans = [(first, first + len(parts[0]))]
            for words in parts[1:]:
                after = spans[-1][1]
                stop = clause_end(after)
                span = None
                for index in range(after, min(after + _MAX_GAP, len(folded) - 1) + 1):
                    if stop < starts[index]:
                        break
                    if part_at(index, words):
                        span = (index, index + len(words))
                        break
                if span is None:
                    break
                spans.append(span)
            if len(spans) == len(parts):
                found.append(Cue(stage, tuple(spans)))
    return found


def _words_of(cue_set) -> list[str]:
    """The words of the `A … B` cues (each part's), as written in their keys."""
    return sorted(
        {
            word
            for entries in cue_set.gapped.values()
            for parts, _ in entries
            for p in parts
            for word in p
        }
    )


def test_gapped_cues_found_by_first_words_are_the_plain_search(project_dictionary) -> None:
    cue_set = CueSets(project_dictionary)["en"]
    words = _words_of(cue_set)
    texts = st.lists(
        st.tuples(st.sampled_from(words + _FILLER), st.sampled_from(_GAPS)), max_size=40
    ).map(lambda parts: "".join(word + gap for word, gap in parts))

    @settings(max_examples=150, deadline=None)
    @given(texts)
    def check(text: str) -> None:
        tokens = tokenize(text)
        assert _find_gapped(cue_set.gapped, text, tokens) == _gapped_plainly(
            cue_set.gapped, text, tokens
        )

    check()


def test_a_sentence_without_candidates_has_no_cue_whatever_its_names(project_dictionary) -> None:
    cue_sets = CueSets(project_dictionary)
    text = "The weather in the capital stayed mild through the week, the agency said."
    tokens = tokenize(text)
    assert _cue_candidates(cue_sets["en"], text, tokens) == ([], [])
    for names in ([], [(0, 3)], [(4, 11), (16, 23)]):
        assert _find_cues(cue_sets["en"], text, tokens, names, grammar_for("en")) == []
    with_cue = "The operators signed a memorandum on a new fibre route."
    assert _cue_candidates(cue_sets["en"], with_cue, tokenize(with_cue)) != ([], [])


@given(st.text(alphabet="ab1 .,-’", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_a_sentence_s_tokens_shifted_by_map_are_its_own(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert tokenize_span(text, start, end) == tokenize(text[start:end])


def test_facts_decoded_when_put_are_those_read_back_from_the_store(monkeypatch) -> None:
    monkeypatch.setattr(deal_store, "DECODE_BATCH", 3)
    facts = [
        article("a1", "2014-01-10", [deal_event("a1", 1, "mou", "2014-01-10", [KZ, SKYNET])]),
        article(
            "a2",
            "2017-06-10",
            [
                deal_event("a2", 1, "agreement", "2017-06-10", [KZ, SKYNET], kinds=("fiber",)),
                deal_event("a2", 2, "launch", "2018-01-10", [KZ, SKYNET], kinds=("fiber",)),
            ],
        ),
        article("a3", "2020-01-10", [deal_event("a3", 1, "launch", "2020-01-10", [KZ, SKYNET])]),
    ]
    store = _store()
    for f in facts:
        _put(store, f)
        assert sorted(article_keys(f))  # facts that link by something
    assert set(store._decoded) == {"a1", "a2", "a3"} and not store._waiting  # one batch
    plain = type(store)(store.db, store.events)  # a store that decoded nothing when put
    ids = {"a1", "a2"}
    assert store._facts(ids) == plain._facts(ids)
    only = {"a1": {1}, "a2": {2}}
    assert store._facts(ids, only) == plain._facts(ids, only)
    assert [len(f.events) for f in store._facts(ids, only)] == [1, 1]
    assert not plain._decoded
    store.forget("a1")
    assert store._facts(ids) == plain._facts(ids) and len(store._facts(ids)) == 1
    extra = article("a4", "2021-01-10", [deal_event("a4", 1, "mou", "2021-01-10", [KZ, SKYNET])])
    _put(store, extra)  # waiting: read when asked
    assert "a4" in store._waiting
    assert store._facts({"a4"}) == plain._facts({"a4"}) and "a4" in store._decoded


SIGNED = history_event(
    1, "agreement", "2024-02", "The operator signed the tower contract in March."
)


def _article(body: str, *events) -> TaggedArticle:
    placed = [
        e.model_copy(update={"start": body.index(e.text), "end": body.index(e.text) + len(e.text)})
        for e in events
    ]
    return TaggedArticle(id="a1", path="a1.txt", body=body, events=placed)


def _delays_searching_the_body_first(article: TaggedArticle) -> tuple[tuple[int, str], ...]:
    """delays_told_apart as it was: the whole body searched, then each unread sentence."""
    body = article.body
    if not facts._may_tell_a_delay(body.lower()) or not WORK_DELAYED.search(body):
        return ()
    return facts._told_apart(
        article,
        lambda text, _start, _end: bool(WORK_DELAYED.search(text)) and not DESPITE.search(text),
    )


@pytest.mark.parametrize(
    "body",
    [
        # a delay word elsewhere lets the body through; the stall itself has two spaces,
        # a no-break space, a line break
        "The operator signed the tower contract in March. Towers were held  up at the border. "
        "Nobody expected a delay.",
        "The operator signed the tower contract in March. The rollout was held\u00a0up by "
        "rain. Talks on a delay went on.",
        "The operator signed the tower contract in March. Work on the mast\nwas halted.",
        # letters a case-insensitive search reads as Latin ones (`ı` for `i`)
        "The operator signed the tower contract in March. The hub mıssed its deadline. "
        "A delay, they said.",
        "The operator signed the tower contract in March. Despite delays the towers stand.",
        "The operator signed the tower contract in March. The towers went up on time.",
        "The operator signed the tower contract in March. Работы  на участке приостановлены "
        "до осени.",
    ],
)
def test_delays_are_those_the_whole_body_search_found(body):
    """A sentence's match is one in the body: searching each sentence alone (after a
    test for the pattern's words, spaces and other cases allowed for) finds the same."""
    article = _article(body, SIGNED)
    assert delays_told_apart(article) == _delays_searching_the_body_first(article)


def test_the_unread_sentences_are_read_once_for_all_three():
    body = (
        "The operator signed the tower contract in March. Kcell said it had chosen Nokia in "
        "place of Ericsson. Installation of the masts was delayed by snow. The towers "
        "should carry traffic by 2027."
    )
    article = _article(body, SIGNED)
    unread = UnreadSentences(article)
    assert delays_told_apart(article, unread) == delays_told_apart(article)
    assert changes_told_apart(article, unread) == changes_told_apart(article)
    assert asides_told_apart(article, unread) == asides_told_apart(article)
    assert next(text for _, _, text in unread()).startswith("Kcell said")


def _exact_run(items) -> set[str] | None:
    strings = {""}
    for item in items:
        exact = _exact(item)
        if exact is None or len(strings) * len(exact) > 256:
            return None
        strings = {s + t for s in strings for t in exact}
    return strings


_sre = pytest.importorskip("re._constants")


def _exact(item) -> set[str] | None:
    """The strings (lower case) a part matches exactly: literals, a class of literals, a
    branch of such; None for anything else."""
    op, value = item
    if op is _sre.LITERAL:
        return {chr(value).lower()}
    if op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in value):
        return {chr(code).lower() for _, code in value}
    if op is _sre.BRANCH:
        ways = [_exact_run(list(way)) for way in value[1]]
        return set().union(*ways) if all(way is not None for way in ways) else None
    if op is _sre.SUBPATTERN:
        return _exact_run(list(value[3]))
    return None


def _held(items) -> list[set[str]]:
    """Sets of strings, one of each of which every match of the parts `items` holds."""
    found: list[set[str]] = []
    run = {""}
    for item in [*items, (None, None)]:
        exact = _exact(item) if item[0] is not None else None
        if exact is not None and len(run) * len(exact) <= 256:
            run = {s + t for s in run for t in exact}
            continue
        if "" not in run:
            found.append(run)
        run = exact if exact is not None else {""}
        op, value = item
        if op is _sre.SUBPATTERN:
            found += _held(value[3])
        elif op is _sre.BRANCH:
            ways = [_held(way) for way in value[1]]
            if all(ways):
                # each way's best (the set of longest shortest string) stands for it
                found.append(set().union(*(max(w, key=lambda s: min(map(len, s))) for w in ways)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and value[0] >= 1:
            found += _held(value[2])
        elif op is _sre.ASSERT:  # a lookahead or lookbehind that must hold
            found += _held(value[1])
    return found


_sre_parse = pytest.importorskip("re._parser")  # Python's parser of patterns (3.11+)


def test_the_country_names_are_those_of_the_country_surfaces(dictionary):
    listed = [surface.text for surface in surfaces(dictionary) if surface.kind == "country"]
    assert Counter(country_names(dictionary)) == Counter(listed)


def test_each_russian_date_pattern_holds_one_of_its_words():
    for pattern, kind, words in russian._phrases():
        if not words:
            continue
        held = _held(_sre_parse.parse(pattern.pattern, pattern.flags))
        assert any(all(any(w in s for w in words) for s in strings) for strings in held), kind


def test_the_search_by_words_finds_what_the_whole_search_found():
    sentences = [
        "В декабре прошлого года компания перенесла запуск на второй квартал 2026 года.",
        "Сеть заработает к концу года, сообщил министр в среду; накануне стороны подписали.",
        "Два года назад, в 2023 году, проект был отложен на лето; полгода назад его возобновили.",
        "Программа на 2026-2028 годы. Дата: 14:48, 18-05-2017. Встреча в 22:10.",
        "НЕ ПОЗДНЕЕ МАРТА 2027 ГОДА будет построена линия, как и в том же году.",
        "Оператор в ᲀторник запустит сеть",  # an old form of «в»: every pattern searched
        "Ничего о датах: оператор расширяет сеть.",
    ]
    for sentence in sentences:
        whole = []
        for pattern, kind, _ in russian._phrases():
            for match in pattern.finditer(sentence):
                if not any(match.start() < end and start < match.end() for start, end, _ in whole):
                    whole.append((match.start(), match.end(), russian._english(kind, match)))
        assert russian._rewrites(sentence) == tuple(sorted(whole))


def test_a_letter_a_search_takes_for_a_word_letter_lowers_to_it_or_is_searched_anyway():
    # Every character a case-insensitive search takes for a letter of the words either
    # lowers (str.lower) to that letter or makes the text searched with every pattern.
    letters = {c for _, _, words in russian._phrases() for word in words for c in word}
    every_character = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    any_letter = "[" + "".join(map(re.escape, sorted(letters))) + "]"
    for match in re.finditer(any_letter, every_character, re.IGNORECASE):
        taken = match.group()
        for letter in letters:
            if re.fullmatch(re.escape(letter), taken, re.IGNORECASE):
                assert taken.lower() == letter or taken in russian._OTHER_CASES, taken
