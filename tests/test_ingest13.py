"""Session 13's cold-ingest shortcuts read what the plain readings read: the `A … B` cues
found by looking only where B's first word is, a sentence without a cue candidate read
without its names, sentence tokens shifted by `map`, and deal facts decoded as they are
put (old against new on generated text and facts)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ca_connect.deals import store as deal_store
from ca_connect.deals.link import article_keys
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
from ca_connect.tokens import gap_signature, token_keys, tokenize, tokenize_span

from .test_deals import KZ, SKYNET, article, event
from .test_deals_incremental import _put, _store


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


_FILLER = ["the", "a", "deal", "on", "and", "which", "Kazakhstan", "fibre", "line", "said"]
_GAPS = [" ", " ", " ", ", ", "; ", " (", ") ", " - ", ". "]


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
        article("a1", "2014-01-10", [event("a1", 1, "mou", "2014-01-10", [KZ, SKYNET])]),
        article(
            "a2",
            "2017-06-10",
            [
                event("a2", 1, "agreement", "2017-06-10", [KZ, SKYNET], kinds=("fiber",)),
                event("a2", 2, "launch", "2018-01-10", [KZ, SKYNET], kinds=("fiber",)),
            ],
        ),
        article("a3", "2020-01-10", [event("a3", 1, "launch", "2020-01-10", [KZ, SKYNET])]),
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
    extra = article("a4", "2021-01-10", [event("a4", 1, "mou", "2021-01-10", [KZ, SKYNET])])
    _put(store, extra)  # waiting: read when asked
    assert "a4" in store._waiting
    assert store._facts({"a4"}) == plain._facts({"a4"}) and "a4" in store._decoded
