"""Session 17 (ingest17b): shortcuts of the analysis, each checked against the work it
replaces (docs/speed.md, "Session 17: the cold ingest")."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from ca_connect.dates import russian
from ca_connect.dictionary import surfaces
from ca_connect.tagging.tagger import country_names

_sre_parse = pytest.importorskip("re._parser")  # Python's parser of patterns (3.11+)
_sre = pytest.importorskip("re._constants")


def test_the_country_names_are_those_of_the_country_surfaces(dictionary):
    listed = [surface.text for surface in surfaces(dictionary) if surface.kind == "country"]
    assert Counter(country_names(dictionary)) == Counter(listed)


# --- dates/russian: a pattern is searched only in a text holding one of its words --------
#
# The proof reads each pattern's parts (Python's own parser of patterns): a part every
# match must hold (a run of literal letters, a branch each of whose ways holds one, a
# repeat at least once, a lookaround that must hold) gives strings one of which a match
# holds; a pattern's words are right if every string of one such part holds a word.


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


def _exact_run(items) -> set[str] | None:
    strings = {""}
    for item in items:
        exact = _exact(item)
        if exact is None or len(strings) * len(exact) > 256:
            return None
        strings = {s + t for s in strings for t in exact}
    return strings


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
