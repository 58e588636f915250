"""Russian word forms: one key for every case form of a word, so names need no case lists.

`stem(word)` reduces a Cyrillic word to its Snowball stem (PyStemmer, C-backed:
«Всемирного» and «Всемирный» -> `всемирн`); any other word comes back unchanged.
Snowball strips what looks like an ending even from a name's nominative («Казахтелеком»
-> `казахтелек`, but «Казахтелекома» -> `казахтелеком`), so a dictionary name is keyed by
the stems of its own case forms too: `forms(word)` declines it by the ending it has and
stems each form. Text is stemmed once per word; names, which are few, carry their forms.

Why Snowball rather than a morphological analyser (pymorphy3): on the Russian
development set they tag alike (pymorphy3 loses one country), and Snowball costs about
0.4 µs a word against about 130 µs (docs/russian.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import product

import Stemmer

from .lazy_pattern import LazyPattern

_RUSSIAN = Stemmer.Stemmer("russian")
_CYRILLIC = LazyPattern(r"[\u0400-\u04ff]")

# Case endings added to a name by what it ends in (a consonant, -а/-я, -й, -ь, -о/-е);
# adjectives (-ый, -ий, -ой, -ая ...) take the adjective endings.
_CONSONANT_ENDINGS = ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах", "и", "ей")
_VOWEL_ENDINGS = (
    *("а", "ы", "и", "е", "у", "ю", "ой", "ей", "ом", "ем", "ам", "ами", "ах", "я"),
    *("й", "ям", "ями", "ях", "ью", "ев"),
)
# A stem this short says too little (`груз` is both «Грузия» and «груз»): shorter stems
# are replaced by the word itself, and names, declined by `forms`, still meet their text.
_MIN_STEM = 5
# Snowball reads `-ият` as an ending: «хокимият» (an administration) and «хоким» (its
# head, a person) would share `хоким`. Words starting with these keep them as their stem.
_WHOLE_STEMS = ("хокимият",)
_ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
_ADJECTIVE_FORMS = (
    *_ADJECTIVE_ENDINGS,
    *("ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими"),
)


def is_cyrillic(word: str) -> bool:
    """Whether a word has a Cyrillic letter."""
    return not word.isascii() and _CYRILLIC.search(word) is not None


def stem(word: str) -> str:
    """The matching key of a case-folded word: its Russian stem if Cyrillic, else itself."""
    if not is_cyrillic(word):
        return word
    word = word.replace("ё", "е")
    if word.startswith(_WHOLE_STEMS):
        return next(whole for whole in _WHOLE_STEMS if word.startswith(whole))
    reduced = _RUSSIAN.stemWord(word)
    return reduced if len(reduced) >= _MIN_STEM else word


@lru_cache(maxsize=1 << 14)  # a dictionary repeats its words (`министерство`, `связи`)
def forms(word: str) -> frozenset[str]:
    """The stems of a (dictionary) word's case forms: every key the text may show for it."""
    word = word.casefold().replace("ё", "е")
    if not is_cyrillic(word) or len(word) < 3:
        return frozenset({stem(word)})
    if word.endswith(_ADJECTIVE_ENDINGS):
        return frozenset({stem(word), *(stem(word[:-2] + e) for e in _ADJECTIVE_FORMS)})
    if word[-1] in "аяйь":
        base, endings = word[:-1], _VOWEL_ENDINGS
    elif word[-1] in "оеиыую":  # neuter nouns keep one stem; foreign names do not decline
        return frozenset({stem(word)})
    else:
        base, endings = word, _CONSONANT_ENDINGS
    bases = {base, *_without_fleeting_vowel(word)}
    return frozenset({stem(word), *(stem(each + e) for each in bases for e in endings)})


def _without_fleeting_vowel(word: str) -> list[str]:
    """«узел» -> «узл», «американец» -> «американц», «китаец» -> «китайц»: the stem a
    noun's other cases are built on when its last vowel drops out."""
    if len(word) < 4 or word[-2] not in "ео" or word[-1] not in "цлкнр":
        return []
    joint = "й" if word[-3] in "аеиоуыэюя" else ""
    return [word[:-2] + joint + word[-1]]


def phrase_forms(words: Sequence[str], key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every key of a dictionary phrase: its own `key`, and its declining words' case forms.

    In a Russian name the leading adjectives and the first noun decline; what follows
    them is a fixed complement («Министерство связи Туркменистана», «Республика
    Казахстан»), so only that head is declined.
    """
    if not any(is_cyrillic(word) for word in words):
        return [key]
    options: list[list[str]] = []
    declining = True
    for word, part in zip(words, key, strict=True):
        if declining and is_cyrillic(word):
            options.append(sorted(forms(word) | {part}))
            # `волоконно-` and `оптико-` open compound adjectives: the head is still ahead.
            declining = word.casefold().endswith((*_ADJECTIVE_ENDINGS, "о"))
        else:
            options.append([part])
    return [tuple(choice) for choice in product(*options)]
