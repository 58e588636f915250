"""Latin spelling variants of one name folded to one key: `fold(word)`.

Central Asian names reach English text in many Latin spellings: the national
alphabets (Turkmen `Türkmenaragatnaşyk`, Uzbek `Oʻzbektelekom`, Kazakh `Qazaqtelecom`),
Russian-style transliterations (`Tajiktelecom`, `Kirgiztelekom`) and English ones.
Matching compares folded words, so one dictionary form matches all of them. A rule
belongs here only if it maps spellings of the same sounds onto each other; the test
table (tests/test_spelling.py) holds real variant pairs, and the evaluation sets check
that no rule joins two different English words that the dictionary uses.

The rules, in order (on a case-folded word):
1. letters of the national alphabets: ş/š -> sh, ç/č -> ch, ž -> zh, ğ -> g, ı -> i,
   ñ/ň -> n, then every other diacritic dropped (ü -> u, ä -> a, ý -> y, ö -> o);
   apostrophes inside a word (`oʻ`, `gʻ`, `o'`, `ʼ`) dropped;
2. the region's stems in their national forms -> the English stem: tojik -> tajik,
   ozbek -> uzbek, qazaq/kazak -> kazakh, toshkent -> tashkent, and `-iston` -> `-istan`;
3. sounds written two ways: dzh/dj/j -> zh, q -> k, x -> kh before a vowel, gh -> g,
   c -> k except before e/i/y (and ck -> k), -tre(s)/-bre(s) -> -ter(s)/-ber(s) (centres, fibre),
   a word-final -iy/-yi -> -i, y -> i between consonants (Kyrgyz / Kirgiz);
4. doubled letters written once (Kcell / Kcel, Rossvyaz / Rosvyaz).
Words of up to three letters are only case-folded: they are function words (`of`,
`and`, `the`) that other rules read literally, and too short to have variants.
"""

from __future__ import annotations

import unicodedata

from .lazy_pattern import LazyPattern

# Letters whose Latin transliteration is two letters; everything else is plain NFKD.
_LETTERS = str.maketrans(
    {
        "ş": "sh",
        "š": "sh",
        "ș": "sh",
        "ç": "ch",
        "č": "ch",
        "ž": "zh",
        "ğ": "g",
        "ǵ": "g",
        "ı": "i",
        "ñ": "n",
        "ň": "n",
        "ʻ": "",
        "ʼ": "",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
    }
)
# The region's stems in their national or Russian-style forms, at the start of a word.
_STEMS = (
    ("tojik", "tajik"),
    ("ozbek", "uzbek"),
    ("qazaq", "kazakh"),
    ("qozoq", "kazakh"),
    ("toshkent", "tashkent"),
)
_KAZAK = LazyPattern(r"^kazak(?!h)")
_ISTON = LazyPattern(r"iston(?=$|[a-z])")
_SOUNDS = (
    (LazyPattern(r"(?<=[a-z])(?:iy|yi|ii)$"), "i"),
    (LazyPattern(r"(?<=[b-df-hj-np-tv-z])y(?=[b-df-hj-np-tv-z]|$)"), "i"),
    (LazyPattern(r"dzh|dj|j"), "zh"),
    (LazyPattern(r"q"), "k"),
    (LazyPattern(r"x(?=[aeiou])"), "kh"),
    (LazyPattern(r"gh"), "g"),
    (LazyPattern(r"ck"), "k"),
    (LazyPattern(r"c(?![eiyh])"), "k"),
    (LazyPattern(r"(?<=[a-z])([tb])re(s?)$"), r"\1er\2"),
)
_DOUBLED = LazyPattern(r"([a-z])\1+")
_SHORT = 3


def fold(word: str) -> str:
    """The spelling key of a Latin word: variant spellings of one name fold to one key."""
    word = word.casefold()
    if len(word) <= _SHORT:
        return word
    word = unicodedata.normalize("NFC", word).translate(_LETTERS)
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    folded = ""
    while folded != word:  # one rule's output may be another's input (`dzzh` -> `dzh`)
        folded = word
        for national, english in _STEMS:
            if word.startswith(national):
                word = english + word[len(national) :]
        word = _ISTON.sub("istan", _KAZAK.sub("kazakh", word))
        for pattern, replacement in _SOUNDS:
            word = pattern.sub(replacement, word)
        word = _DOUBLED.sub(r"\1", word)
    return word
