"""A pattern searched only in text holding a word it needs, the words read from the
pattern itself (tokens.needed_words, tokens.WordGate), and the event parties' bystander
patterns so gated (events/parties._BEFORE_GATE): each answers what the plain search did
(docs/speed.md, "Cold ingest")."""

from __future__ import annotations

import re

import pytest

from ca_connect.events import parties
from ca_connect.tokens import OTHER_CASES, WordGate, needed_words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bsigned\b", {"signed"}),
        # a branch: one word of each way; a class of letters multiplies the strings
        (r"\b(?:owned|controlled)\s+by", {"owned", "controlled"}),
        (r"partn[её]r\w*", {"partnеr", "partnёr"}),
        # the longest of the parts a match must hold; an optional part holds nothing
        (r"(?:the\s+)?approval\s+of", {"approval"}),
        (r"x?y\s+(?:stake|share)s?", {"stake", "share"}),
        # a repeat at least once holds its body, a lookahead its words
        (r"(?:\d+\s+){0,2}(?:abc)+", {"abc"}),
        (r"\d+(?=\s+miles)", {"miles"}),
        # case: the words in lower case, whatever the pattern's flags
        (r"(?-i:OneWeb)|Starlink", {"oneweb", "starlink"}),
        # nothing a match must hold: no words (searched everywhere)
        (r"\w+\s+\d+", None),
        (r"(?:owned\s+by|\w+)", None),
        (r"(?!besides)\w+", None),
    ],
)
def test_the_words_a_pattern_needs_most(pattern, words):
    found = needed_words(re.compile(pattern, re.IGNORECASE))
    assert (set(found[0]) if found else None) == words


def test_every_set_of_words_a_pattern_needs():
    found = needed_words(re.compile(r"\bunder\s+(?:the|its)\s+(?:brands?|labels?)\s+of", re.I))
    # (the strongest first; `the`, `its` left out: most sentences hold one)
    assert found == (frozenset({"under"}), frozenset({"brand", "label"}))
    # a gate lets through only a text holding a word of each
    gate = WordGate(re.compile(r"\bunder\s+(?:the|its)\s+(?:brands?|banners?)", re.I))
    assert gate.may_match("Under its Brand") == (True,)
    assert gate.may_match("under the new name") == (False,)


SENTENCES = [
    # one or more sentences for each way of each gated pattern
    "Besides Starlink, unlike OneWeb and compared with Amazon, the operator, more than Kcell",
    "It competes with Beeline, a member of the GSMA, an agency of the UN, alternatives to "
    "Huawei, instead of ZTE, apart from Nokia, citing Reuters, quoting Interfax, until Kcell.",
    "said in a filing with the Kazakhstan Stock Exchange; со ссылкой на Telegram-канал Orbita",
    "по данным компании Orbita, аналог сети Baltel, помимо компании «Nordtel», кроме АО Orbita",
    "в отличие от Baltel, по сравнению с Orbita, вместо Nordtel, конкурирует с «Baltel»",
    "Kcell, owned by Sweden-based Telia, controlled by state-owned Samruk, a subsidiary of "
    "the holding's Orbita, a unit of Baltel, the local arm of Amsterdam-listed VEON",
    "the brand of Orbita, the branch of Baltel, a division of Nordtel, an affiliate of Orbita, "
    "a daughter company of Baltel",
    "дочерняя компания «Orbita», дочерней структуры Baltel, входящая в группу Nordtel, "
    "входящей в состав холдинга Orbita, сотовый бренд АК «Baltel», филиал Nordtel",
    "The deal requires the approval of Tajikistan's Antimonopoly Service and needs consent "
    "from the regulator, pending clearance by the ministry, subject to permission of Orbita.",
    "The sale must still be approved by the regulator, has yet to be cleared by Orbita, needs "
    "to be authorised by Baltel.",
    "Сделка требует одобрения Антимонопольного комитета, при условии согласования с Orbita, "
    "должна быть одобрена Baltel, ещё не согласована со стороны Nordtel.",
    "Orbita offers services under the Uzmobile and Uzonline banners, under its brands "
    "Tele2/Altel, under their trademark Baltel.",
    "On the sidelines of the SCO summit, at a meeting of the leaders of the CIS, during the "
    "session of the Mazhilis; на полях форума АО «Orbita», саммиту ШОС, встреча лидеров "
    "государств-членов ШОС, заседания правительства",
    # no word: searched anyway where a letter a search takes for another is held
    "Besıdes Starlink the operator signed.",
    "The operator signed with Kcell and Beeline in Almaty.",
]
GATED = [parties._BYSTANDER_BEFORE.compiled(), parties._PENDING.compiled()]
GATED += [parties._BRAND_NAMED_AFTER.compiled(), parties._UNDER_BEFORE.compiled()]
GATED += [parties._VENUE_BEFORE.compiled()]
TRADED = [parties._SHARE_DEAL.compiled(), parties._COMPANY_SOLD.compiled()]
TRADED += [parties._SOLD_BEFORE.compiled()]


def test_the_gate_holds_the_bystander_patterns_in_order():
    assert len(parties._BEFORE_GATE._patterns) == len(GATED)
    for gated, pattern in zip(parties._BEFORE_GATE._patterns, GATED, strict=True):
        assert (gated if isinstance(gated, re.Pattern) else gated()) is pattern


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_gated_pattern_matching_in_any_window_of_a_sentence_is_let_through(sentence):
    """Every window before a mention is a piece of its sentence: a pattern matching in
    one needs a word the sentence holds."""
    may = parties._BEFORE_GATE.may_match(sentence)
    matched = [False] * len(GATED)
    # (a mention starts a word: the windows end at the words' starts)
    for end in [match.start() for match in re.finditer(r"\b\w", sentence)] + [len(sentence)]:
        for start in range(max(0, end - 70), end + 1):
            for number, pattern in enumerate(GATED):
                if not matched[number] and pattern.search(sentence[start:end]):
                    matched[number] = True
    assert all(m <= p for m, p in zip(matched, may, strict=True)), (matched, may)


def test_each_gated_pattern_matches_before_a_name_in_some_sentence():
    for pattern in GATED:
        assert any(
            pattern.search(sentence[: match.start()])
            for sentence in SENTENCES
            for match in re.finditer(r"\b\w", sentence)
        ), pattern.pattern


def test_the_sentences_let_through_and_turned_away():
    may = [parties._BEFORE_GATE.may_match(sentence) for sentence in SENTENCES]
    assert all(any(row) for row in may[:-1])
    assert may[-1] == (False,) * len(GATED)
    assert parties._BEFORE_GATE.may_match("") == (False,) * len(GATED)


def test_a_gate_over_no_word_lets_every_text_through():
    gate = WordGate(re.compile(r"\w+\s+\d+"), re.compile(r"signed", re.I))
    assert gate.may_match("nothing here") == (True, False)
    assert gate.may_match("SIGNED in 2024") == (True, True)


def test_a_letter_a_search_takes_for_a_word_letter_lowers_to_it_or_is_searched_anyway():
    # Every character a case-insensitive search takes for a letter of the gated patterns'
    # words either lowers (str.lower) to that letter or lets the text through.
    letters = {
        c
        for pattern in GATED + TRADED
        for words in needed_words(pattern)
        for word in words
        for c in word
    }
    every_character = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    any_letter = "[" + "".join(map(re.escape, sorted(letters))) + "]"
    for match in re.finditer(any_letter, every_character, re.IGNORECASE):
        taken = match.group()
        for letter in letters:
            if re.fullmatch(re.escape(letter), taken, re.IGNORECASE):
                assert taken.lower() == letter or taken in OTHER_CASES, taken


TRADES = [
    "Orbita agreed to buy a 75% stake in Baltel; the shareholders of Nordtel approved a merger.",
    "Orbita will sell another mobile operator, after the purchase of its cable company.",
    "The deal for Baltel, and the bid for Nordtel, went ahead; Orbita bought «Baltel» from X.",
    "Orbita acquired control of Baltel, combining its mobile unit with Nordtel's business.",
    "Orbita купила 49% акций Baltel; доля Nordtel выросла после слияния.",
    "Orbita signed a roaming agreement with Baltel in Almaty.",
]


def test_the_trade_gate_holds_the_trade_patterns_in_order():
    gated = [pattern() for pattern in parties._TRADE_GATE._patterns]
    assert gated == TRADED


@pytest.mark.parametrize("sentence", TRADES)
def test_a_trade_pattern_matching_anywhere_in_a_sentence_is_let_through(sentence):
    may = parties._TRADE_GATE.may_match(sentence)
    for start in range(len(sentence) + 1):
        for end in range(start, len(sentence) + 1):
            for number, pattern in enumerate(TRADED):
                if pattern.search(sentence, start, end):
                    assert may[number], (pattern.pattern, sentence[start:end])


def test_each_trade_pattern_matches_in_some_sentence_and_none_in_the_last():
    for pattern in TRADED:
        assert any(
            pattern.search(sentence, 0, word.start())
            for sentence in TRADES[:-1]
            for word in re.finditer(r"\b\w", sentence)
        ), pattern.pattern
    assert parties._TRADE_GATE.may_match(TRADES[-1]) == (False, False, False)
