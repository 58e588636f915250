"""Organisations the dictionary lacks, recognised by the shape of their names.

Two shapes, both configured in the dictionary's `discovery:` section:
- a name introduced with its acronym: a run of capitalised words (joined by `of`,
  `for`, `and`, `the`) right before a bracketed acronym that spells their initials,
  holding one of `acronym_heads` (`National Transmission and Despatch Company (NTDC)`);
  later uses of the acronym in the same text name the same organisation;
- a capitalised name ending in one of the stricter `name_heads`, or in one followed by
  `of`/`for`/`on` and more capitalised words (`Kyrgyz Internet Exchange Association`,
  `Agency for Competition Protection`), that says more than generic words and country
  names (`State Committee`, `Kazakh Bank` are references, not names) and is no news
  outlet (`Trend News Agency`). Sentences that read as title-case headlines are skipped.
Names without such a head (`Long Term Evolution (LTE)`, `Belt and Road Initiative`) are
not organisations and are left alone. A third shape is Russian: a local government, its
head word (`хокимият`, `акимат`, `хякимлик`) in any case, then `города` and the city's name
or a region's adjective and `области`/`района` (`хокимияте города Нурафшон`). Others: a
company after its legal form (`ТОО «Астана Кабель»`), a state's embassy (`Embassy of
Japan`, `Посольство КНР`) and a Russian body named by its head and remit (`Координационный
совет по обеспечению кибербезопасности`).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick

from ..lazy_pattern import LazyPattern
from ..models import Discovery, Mention, OrgKind
from ..spans import Spans
from ..stemming import is_cyrillic, stem
from ..tokens import TOKEN

NEW = "new:"  # the id prefix of an organisation the dictionary does not know
CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in"})
_CONTINUATIONS = frozenset({"of", "for", "on"})  # `Agency for ...`, `Institute of ...`
_BRACKETED = LazyPattern(r"\(\s*([A-Z][A-Za-z&.\- ]{1,14}?)\s*\)")
_BREAK = LazyPattern(r"[.,;:!?()\[\]\n\"“”«»]")  # punctuation that ends a name
_MAX_SKIPPED = 1  # capitalised words of a name its acronym may leave out (`National`)
_HEADLINE_SHARE = 0.7  # a sentence with more capitalised words than this is a headline
_HEADLINE_WORDS = 5

Tokens = tuple[list[int], list[int], list[str]]
Span = tuple[int, int]


@dataclass(frozen=True)
class Discovered:
    """An organisation named in the text that the dictionary does not know."""

    id: str
    name: str
    kind: OrgKind
    acronym: str | None
    start: int  # the name's span in the text
    end: int
    parent: str | None = None  # a subsidiary's parent organisation (dictionary id)
    country: str | None = None  # a subsidiary's country, when its name says it


class Discoverer:
    """The discovery rules of one dictionary."""

    def __init__(self, rules: Discovery, country_names: Iterable[str]) -> None:
        self._acronym_heads = rules.acronym_heads.kinds()
        self._continued = rules.continued_heads.kinds()
        self._name_heads = {**self._continued, **rules.name_heads.kinds()}
        # Every place a head word is written (overlapping too), in one pass over a text.
        self._head_search = AhoCorasick(list(self._name_heads)) if self._name_heads else None
        country_names = list(country_names)
        self._generic = set(rules.generic_words) | set(country_names)
        self._outlet_words = set(rules.outlet_words)
        self._leading = set(rules.leading_words)
        forms = "|".join(_form_pattern(form) for form in rules.forms_before_name)
        # `JSC Kazakh Invest`, `TOO «Astana Cable»`, `акционерного общества «Реле и
        # автоматика»`: a legal form, then the name in quotes (in any letters) or a
        # capitalised Latin name.
        self._form_first = LazyPattern(
            rf"(?<![\w.])(?:{forms})(?:[ \t]*{_QUOTED}|[ \t]+[«“\"]?"
            rf"([A-Z][\w&'’-]*(?:[ \t]+(?!(?:{forms})(?!\w))(?:[A-Z][\w&'’-]*|of|and|for))*))"
            if forms
            else r"(?!)"
        )
        # What a text must hold for `_form_first` to match: a Cyrillic letter (a Russian
        # form, and every letter a spelled-out one folds to, is one), else a Latin form
        # as written (`JSC`). None: always read (a form spelled out in Latin letters).
        spelled = [form for form in rules.forms_before_name if any(c.islower() for c in form)]
        self._latin_forms: list[str] | None = (
            None
            if any(not all(_ANY_CYRILLIC.match(c) for c in form if c.isalpha()) for form in spelled)
            else [
                form
                for form in rules.forms_before_name
                if form not in spelled and not _ANY_CYRILLIC.search(form)
            ]
        )
        self._country_names = frozenset(country_names)
        # Russian country names by their stems (`Японии` is `Япония`): the first word's.
        self._country_stems = frozenset(
            _russian_key(name.split()[0]) for name in self._country_names if is_cyrillic(name)
        )

    def find(
        self, text: str, tokens: Tokens, sentences: Sequence[Span], known: Sequence[Span]
    ) -> list[Discovered]:
        """Names of both shapes, except those overlapping `known` spans."""
        found = self._introduced(text, tokens)
        # Overlap by bisection (spans.py): a scan of every span per name was quadratic.
        taken = Spans([*known, *((item.start, item.end) for item in found)])
        found += [
            item
            for item in self._headed(text, tokens, sentences)
            if not taken.overlap(item.start, item.end)
        ]
        taken = Spans([*known, *((item.start, item.end) for item in found)])
        found += [item for item in self._formed(text) if not taken.overlap(item.start, item.end)]
        found += [
            item for item in _local_governments(text) if not taken.overlap(item.start, item.end)
        ]
        taken = Spans([*known, *((item.start, item.end) for item in found)])
        found += [item for item in self._described(text) if not taken.overlap(item.start, item.end)]
        taken = Spans([*known, *((item.start, item.end) for item in found)])
        found += [item for item in self._embassies(text) if not taken.overlap(item.start, item.end)]
        found += [item for item in _russian_headed(text) if not taken.overlap(item.start, item.end)]
        overlaps_known = Spans(known).overlap
        return [item for item in found if not overlaps_known(item.start, item.end)]

    def _introduced(self, text: str, tokens: Tokens) -> list[Discovered]:
        starts, ends, _ = tokens
        found = []
        for bracket in _BRACKETED.finditer(text):
            acronym = bracket.group(1).strip()
            letters = "".join(char for char in acronym if char.isupper() or char.isdigit())
            last = _token_before(starts, ends, text, bracket.start())
            if len(letters) < 2 or last is None:
                continue
            for start in range(_run_start(text, tokens, last), last):
                words = [text[starts[i] : ends[i]] for i in range(start, last + 1)]
                kind = next(
                    (self._acronym_heads[w] for w in words if w in self._acronym_heads), None
                )
                if words[0].lower() in CONNECTORS or kind is None or not spells(letters, words):
                    continue
                name = text[starts[start] : ends[last]]
                found.append(Discovered(_id(name), name, kind, acronym, starts[start], ends[last]))
                break
        return found

    def _formed(self, text: str) -> list[Discovered]:
        """Companies named after their legal form: `JSC Kazakh Invest` is `Kazakh Invest`,
        `ТОО «Степь Кабель»` is `Степь Кабель`."""
        latin = self._latin_forms
        if (
            latin is not None
            and not any(form in text for form in latin)
            and (text.isascii() or not _ANY_CYRILLIC.search(text))
        ):
            return []  # no form can be written here
        found = []
        for match in self._form_first.finditer(text):
            group = 1 if match.group(1) is not None else 2
            words = list(re.finditer(r"[^ \t]+", match.group(group)))
            while words and (words[-1].group() in CONNECTORS or words[-1].group() in self._leading):
                words.pop()
            if all(w.group() in self._generic or w.group() in CONNECTORS for w in words):
                continue  # nothing left, or only generic words: `JSC National`
            if not (words[0].group()[:1].isupper() or words[0].group()[:1].isdigit()):
                continue  # a phrase in quotes, not a name: `компания «под ключ»`
            start = match.start(group) + words[0].start()
            end = match.start(group) + words[-1].end()
            name = text[start:end]
            found.append(Discovered(_id(name), name, "company", None, start, end))
        return found

    def _described(self, text: str) -> list[Discovered]:
        """Companies a text says are companies: a Latin name after a Russian company word
        or demonym (`турецкой компании Sigma Engineering`, `китайская China Energy
        Overseas Investment`), or before an English apposition saying so (`Firebird, an
        Armenian-American AI infrastructure company,`)."""
        spans: list[tuple[int, str]] = []
        # Each shape read only where its words can be: a Russian company word or demonym
        # holds a `к`; an English apposition opens on `, a`.
        if "к" in text:
            spans += [(m.start(1), m.group(1)) for m in _RUSSIAN_DESCRIBED.finditer(text)]
        if ", a" in text:
            for apposition in _ENGLISH_APPOSITION.finditer(text):
                before = text[max(0, apposition.start() - 80) : apposition.start()]
                name = _LATIN_NAME_BEFORE.search(before)
                if name is not None:
                    spans.append((apposition.start() - len(before) + name.start(1), name.group(1)))
        found = []
        for start, written in spans:
            words = list(re.finditer(r"[^ \t]+", written))
            while words and words[-1].group() in CONNECTORS:
                words.pop()
            if not words or all(
                w.group() in self._generic or w.group() in self._leading for w in words
            ):
                continue
            end = start + words[-1].end()
            name = text[start:end]
            found.append(Discovered(_id(name), name, "company", None, start, end))
        return found

    def _embassies(self, text: str) -> list[Discovered]:
        """A state's embassy, named by the state: `Embassy of Japan`, `the US Embassy`,
        `Посольство КНР`, `посольством Японии`. Its country is the one named (the nearest)."""
        spans: list[tuple[int, int, str]] = []
        if "mbass" in text:
            for match in _EMBASSY_OF.finditer(text):
                country = self._country_run(match.group(1).split())
                if country:
                    end = match.start(1) + len(country)
                    spans.append((match.start(), end, text[match.start() : end]))
            for match in _NAMED_EMBASSY.finditer(text):
                named = match.group(1).rstrip()
                # The country's name ends at the head: its longest run of words before it.
                country = self._country_run(named.split(), last=True)
                if country:
                    start = match.start(1) + len(named) - len(country)
                    spans.append((start, match.end(), text[start : match.end()]))
        if "осольств" in text:
            for match in _RUSSIAN_EMBASSY.finditer(text):
                words = match.group(1).split()
                if _russian_key(words[0]) in self._country_stems:
                    # One name in every case: `посольством Японии` is `Посольство Японии`.
                    spans.append((match.start(), match.end(), "Посольство " + match.group(1)))
        return [Discovered(_id(name), name, "agency", None, a, b) for a, b, name in spans]

    def _country_run(self, words: list[str], last: bool = False) -> str:
        """The longest run of leading words (`last`: trailing words) that names a country
        (`the Republic of Korea`); "" if none."""
        runs = (words[-size:] if last else words[:size] for size in range(len(words), 0, -1))
        return next((name for run in runs if (name := " ".join(run)) in self._country_names), "")

    def _headed(self, text: str, tokens: Tokens, sentences: Sequence[Span]) -> list[Discovered]:
        starts, ends, _folded = tokens
        # Where a head word may stand: a sentence with none (nine in ten) is not read.
        if self._head_search is None:
            return []
        heads = sorted(
            at for _, at, _ in self._head_search.find_matches_as_indexes(text, overlapping=True)
        )
        found: list[Discovered] = []
        for sentence_start, sentence_end in sentences:
            if bisect_left(heads, sentence_start) == bisect_left(heads, sentence_end):
                continue
            indexes = range(bisect_left(starts, sentence_start), bisect_left(starts, sentence_end))
            words = [text[starts[i] : ends[i]] for i in indexes]
            if self._name_heads.keys().isdisjoint(words) or _is_headline(words):
                continue
            position = 0
            while position < len(indexes):
                if not words[position][:1].isupper():
                    position += 1
                    continue
                end = position
                while end < len(indexes) and self._continues(text, tokens, indexes, position, end):
                    end += 1
                last = end
                while last > position:  # `X Group and Y Group`: both, from the right
                    name = self._name(words[position:last])
                    if name is None:
                        break
                    first, count, kind = name
                    a = _with_prefix(text, starts[indexes[position + first]])
                    b = ends[indexes[position + first + count - 1]]
                    found.append(Discovered(_id(text[a:b]), text[a:b], kind, None, a, b))
                    last = position + first - 1  # before the `and` that started this name
                    if last <= position or words[last] != "and":
                        break
                position = max(end, position + 1)
        return found

    def _continues(
        self, text: str, tokens: Tokens, indexes: Sequence[int], position: int, end: int
    ) -> bool:
        starts, ends, folded = tokens
        index = indexes[end]
        start = starts[index]
        # The gap read in place (pos, endpos: no slice); most gaps are one space.
        if end > position and _BREAK.search(text, ends[indexes[end - 1]], start):
            return False
        return text[start].isupper() or (
            end > position
            and (
                folded[index] in CONNECTORS
                or _ORDINAL.fullmatch(text, start, ends[index]) is not None
            )
        )

    def _name(self, words: list[str]) -> tuple[int, int, OrgKind] | None:
        """(first word, word count, kind) of the organisation name in a capitalised run."""
        heads = [
            i
            for i, word in enumerate(words)
            if word in self._name_heads
            and (
                word not in self._continued
                or (i + 1 < len(words) and words[i + 1].lower() in _CONTINUATIONS)
            )
        ]
        if not heads:
            return None
        head = heads[-1]
        # The name starts after a title or a determiner before its head: `Chairman X
        # Authority`, `Turkmenistan and the X Bank` name X Authority and X Bank; and
        # after an `and` that closes another body's name (`Ministry of Finance and State
        # Committee for IT` names the committee).
        first = head
        while first > 0 and not (
            words[first - 1] in self._leading
            or words[first - 1].lower() == "the"
            or (words[first - 1] == "and" and any(h < first - 1 for h in heads))
        ):
            first -= 1
        while first < head and words[first].lower() in CONNECTORS:
            first += 1
        last = head
        if (
            head + 1 < len(words)
            and words[head + 1].lower() in _CONTINUATIONS
            and not _LEGAL_FORM_WORD.fullmatch(words[head])  # `Steppe Code GmbH of Munich`
        ):
            last = len(words) - 1
            while words[last].lower() in CONNECTORS:
                last -= 1
        name = words[first : last + 1]
        if len(name) < 2 or (head > first and words[head - 1] in self._outlet_words):
            return None
        if all(
            w in self._generic or w in self._name_heads or w.lower() in CONNECTORS for w in name
        ):
            return None
        return first, len(name), self._name_heads[words[head]]


# A name in quotes after a legal form: `«Реле и автоматика»`, `“Астана Кабель”`; not across
# another opening quote (`АО «НК «Темир Жол»»` names `Темир Жол`, after `НК`).
_QUOTED = r"[«“„\"]([^«»“”„\"\n]{1,80})[»”“\"]"


def _form_pattern(form: str) -> str:
    """A legal form as a pattern: an abbreviation as written (`ТОО`, `JSC`); a form spelled
    out in lower case in any of its cases (`акционерное общество`: `акционерного
    общества`), each word by its stem."""
    if not any(char.islower() for char in form):
        return re.escape(form)
    words = [re.escape(stem(word)) + r"\w*" for word in form.split()]
    return "(?i:" + r"[ \t]+".join(words) + ")"


def _russian_key(word: str) -> str:
    """A Russian word without its ending (`Японии`, `Япония`: `япон`); an abbreviation as
    written (`КНР`)."""
    if word.isupper():
        return word
    return word.casefold().replace("ё", "е").rstrip("аеиоуыэюяйь")


# A Latin name (up to five words) a Russian text calls a company: after `компания` (any
# case) or a demonym (`турецкой`, `китайская`); not a prefix (`IT-компании`).
_LATIN_NAME = (
    r"([A-Z][A-Za-z0-9&'’]*(?:\.[A-Za-z]+)*(?:[ \t]+(?:[A-Z][A-Za-z0-9&'’]*|of|and|for)){0,4})"
    r"(?![\w&'’-])"
)
_RUSSIAN_DESCRIBED = LazyPattern(
    r"(?<![\w-])(?i:компани[яиейю]|корпораци[яиейю]"
    r"|[а-яё]{2,}[сц]к(?:ая|ой|ую|ие|их|ий|ого|ом|им))[ \t]+[«\"“]?" + _LATIN_NAME
)
# ... or an English text, in an apposition after the name: `Firebird, an AI company,`
# (the apposition ends there: `, a company spokesman` describes a person).
_ENGLISH_APPOSITION = LazyPattern(
    r",[ \t]+an?[ \t]+(?:[\w-]+[ \t]+){0,4}?"
    r"(?:company|firm|start-?up|operator|provider|vendor|manufacturer|developer|integrator)"
    r"(?=[,.;)]|[ \t]+(?:that|which|based|headquartered)\b)"
)
_LATIN_NAME_BEFORE = LazyPattern(r"(?<=[a-z] )" + _LATIN_NAME + r"\Z")


# An embassy and the state that it is of: `Embassy of the Republic of Korea`, `Chinese
# Embassy`, `the US embassy`; `Посольство КНР`, `посольства Японии` (any case).
_EMBASSY_OF = LazyPattern(
    r"(?<![\w-])Embassy[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"([A-Z][\w.'’-]*(?:[ \t]+(?:of|the|[A-Z][\w.'’-]*)){0,4})"
)
_NAMED_EMBASSY = LazyPattern(r"((?:[A-Z][\w.'’-]*[ \t]+){1,3})[Ee]mbassy(?![\w-])")
# A time glued to a word in a listing of headlines (`22:40Посольство КНР`) starts no word.
_RUSSIAN_EMBASSY = LazyPattern(
    r"(?<![^\W\d]|-)[Пп]осольств(?:о|а|у|ом|е)[ \t]+([А-ЯЁ][\w-]*(?:[ \t]+[А-ЯЁ][\w-]*){0,2})"
)


# A Russian body's name: only its first word capitalised, mid-sentence (a capital there
# starts a name), its adjectives, a head word and what it deals with after `по`, up to
# four words in lower case, no verb and no preposition or `и` (`... Координационный совет
# по обеспечению кибербезопасности при ГКНБ`: the body it is under is a name of its own).
_RUSSIAN_ADJECTIVE = r"[а-яё]+(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей)"
_RUSSIAN_HEADS = {
    "agency": "совет|комитет|агентств|служб|министерств|инспекци|комисси|палат|управлени"
    "|департамент|дирекци",
    "company": "ассоциаци|союз|корпораци",
}
_RUSSIAN_HEADED = LazyPattern(
    r"(?<=[а-яё,»)][ \t])"
    rf"([А-ЯЁ]{_RUSSIAN_ADJECTIVE}[ \t]+(?:{_RUSSIAN_ADJECTIVE}[ \t]+){{0,3}}"
    rf"(?:(?P<agency>{_RUSSIAN_HEADS['agency']})|(?P<company>{_RUSSIAN_HEADS['company']}))"
    r"[а-яё]{0,3}[ \t]+по(?:[ \t]+(?!(?:при|и|в|на|с|для|о|об)(?![\w-]))"
    r"[а-яё-]+(?<!л)(?<!ла|ло|ли|ет|ит|ут|ют|ат|ят|ть|ся|сь)){1,4})"
    r"(?![\w-])"
)


def _russian_headed(text: str) -> list[Discovered]:
    """Russian bodies named by their head word and remit: `Координационный совет по
    обеспечению кибербезопасности`. One id in every case: the words' stems."""
    found = []
    for match in _RUSSIAN_HEADED.finditer(text):
        kind: OrgKind = "agency" if match.group("agency") else "company"
        name = match.group(1)
        key = " ".join(stem(word.casefold()) for word in name.split())
        found.append(Discovered(_id(key), name, kind, None, match.start(1), match.end(1)))
    return found


# A local government named by its city or region: `хокимияте города Нурафшон`, `акимат
# Алматинской области`; the head in any case, its complement (genitive) as written.
_LOCAL_GOVERNMENT = LazyPattern(
    r"(?<![\w-])([Хх]окимият|[Аа]кимат|[Хх]якимлик)\w{0,3}[ \t]+"
    r"((?:города|г\.)[ \t]*[А-ЯЁ][\w-]+|[А-ЯЁ][\w-]+(?:ой|ого)[ \t]+(?:области|района))(?![\w-])"
)


# Each head word is one country's: a khokimiyat is Uzbek, an akimat Kazakh, a hakimlik Turkmen.
_HOMES = {"хокимият": "UZ", "акимат": "KZ", "хякимлик": "TM"}
_LOCAL_STEMS = ("окимият", "кимат", "якимлик")


def _local_governments(text: str) -> list[Discovered]:
    """Local governments the dictionary lacks, named in the nominative."""
    if not any(stem in text for stem in _LOCAL_STEMS):  # most texts: one fast scan each
        return []
    found = []
    for match in _LOCAL_GOVERNMENT.finditer(text):
        head = match.group(1).lower()
        name = f"{head} {match.group(2)}"
        where = match.start(), match.end()
        found.append(Discovered(_id(name), name, "agency", None, *where, None, _HOMES[head]))
    return found


# Every character of the Cyrillic blocks (those case-blind matching folds Cyrillic
# letters to, such as U+1C80 for `в`, included).
_ANY_CYRILLIC = LazyPattern("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
# Legal forms written after a name (`Kcell JSC`, `Unitel, LLC`, `Huawei Co., Ltd.`).
LEGAL_FORM = (
    r"(?:LLC|LLP|JSC|OJSC|CJSC|PJSC|PLC|Ltd\.?|Limited|Inc\.?|Corp\.?|Co\.,?\s+Ltd\.?|AG|GmbH)"
)
# Capitalised words between a brand and a legal form: `Amazon Kuiper Commercial Services LLC`.
_LEGAL_FORM_WORD = LazyPattern(LEGAL_FORM)
_SUBSIDIARY_WORDS = LazyPattern(
    rf"((?:[ \t]+[A-Z][\w&'’-]*){{1,4}}?)[ \t]*,?[ \t]*{LEGAL_FORM}(?!\w)"
)
_FORM_AFTER = LazyPattern(rf"[ \t]*,?[ \t]*{LEGAL_FORM}(?!\w)")
_SPACE = LazyPattern(r"[ \t]+")
# Words that only restate what a company is: `Huawei Technologies Co., Ltd.` is Huawei.
_CORPORATE = frozenset(
    [
        *("Technologies", "Technology", "Corporation", "Company", "Co", "Group", "Holding"),
        *("Holdings", "International", "Global", "Telecommunications", "Communications"),
        *("Telecom", "Networks", "Systems", "Solutions"),
    ]
)


def subsidiary(
    text: str, start: int, end: int, parent: str, home: str | None, countries: dict
) -> Discovered | None:
    """A subsidiary named by its parent's name at text[start:end] and what follows it.

    `Huawei Tajikistan`, `Starlink Kyrgyzstan LLC`: the brand, a country other than the
    brand's own (`countries` maps where a country's name starts to its end and code),
    and maybe a legal form; `Amazon Kuiper Commercial Services LLC`: the brand, up to
    four capitalised words that say more than `Technologies` or `Group`, a legal form.
    """
    gap = _SPACE.match(text, end)
    if gap and gap.end() in countries:
        country_end, code = countries[gap.end()]
        if code != home:
            form = _FORM_AFTER.match(text, country_end)
            name_end = form.end() if form else country_end
            name = text[start:name_end]
            return Discovered(_id(name), name, "company", None, start, name_end, parent, code)
    named = _SUBSIDIARY_WORDS.match(text, end)
    if named and any(word not in _CORPORATE for word in named.group(1).split()):
        name = text[start : named.end()]
        return Discovered(_id(name), name, "company", None, start, named.end(), parent, home)
    return None


def read_acronyms(mentions: list[Mention], known: Container[str]) -> list[Mention]:
    """An acronym names the organisation the article names in full with those initials.

    `SCO` is the dictionary's Shanghai Cooperation Organisation, but in an article that
    names the `Special Communications Organization` (and not the Shanghai one), it is
    that one; but not a name built on the acronym itself (`MTS-Turkmenistan` is no reading
    of `MTS`). `known` holds the dictionary's organisation ids.
    """
    # Each name and each acronym once: per mention, a long article was quadratic.
    full: dict[str, set[tuple[str, ...]]] = {}
    for m in mentions:
        if m.kind == "organization" and not _is_acronym(m.text):
            full.setdefault(m.entity, set()).add(tuple(TOKEN.findall(m.text)))
    spelled_by: dict[str, set[str]] = {}
    read = []
    for m in mentions:
        if m.kind == "organization" and _is_acronym(m.text) and m.entity in known:
            if m.text not in spelled_by:
                # A name holding the acronym as a word (`MTS-Turkmenistan`) is one built
                # on it, not spelled by it: `Russia's MTS` stays the parent.
                spelled_by[m.text] = {
                    entity
                    for entity, names in full.items()
                    if any(m.text not in words and spells(m.text, list(words)) for words in names)
                }
            spelled = set(spelled_by[m.text])
            if m.entity not in spelled and len(spelled) == 1:
                m = m.model_copy(update={"entity": spelled.pop(), "former_name": None})
        read.append(m)
    return read


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isalnum() and text.isupper()


def renamed(item: Discovered, text: str, start: int, end: int) -> Discovered:
    """The same organisation with its name widened to text[start:end]."""
    if (start, end) == (item.start, item.end):
        return item
    name = text[start:end]
    parent, country = item.parent, item.country
    return Discovered(_id(name), name, item.kind, item.acronym, start, end, parent, country)


def acronym_uses(text: str, item: Discovered) -> list[Span]:
    """Where an introduced acronym stands on its own in `text` (its introduction aside)."""
    if item.acronym is None:
        return []
    pattern = re.compile(rf"(?<![\w(]){re.escape(item.acronym)}(?![\w)])")
    return [match.span() for match in pattern.finditer(text)]


_ORDINAL = LazyPattern(r"\d+(?:st|nd|rd|th)")  # inside a name: `China Railway 20th Bureau`
# Words a Title Case headline leaves in lower case.
_HEADLINE_LOWER = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "vs",
        "via",
        "into",
        "over",
    ]
)


def _is_headline(words: Sequence[str]) -> bool:
    """A sentence in Title Case: mostly capitalised, lower case only for short function
    words. A sentence dense with names still has lower-case content words (`bids`)."""
    capitalised = sum(word[:1].isupper() for word in words)
    return (
        len(words) >= _HEADLINE_WORDS
        and capitalised > _HEADLINE_SHARE * len(words)
        and all(
            word[:1].isupper() or not word[:1].isalpha() or word in _HEADLINE_LOWER
            for word in words
        )
    )


_PREFIX = LazyPattern(r"(?<![\w-])[eEmMiI]-$")  # `e-Governance Academy`, `m-Health Centre`


def _with_prefix(text: str, start: int) -> int:
    """Where a name starts, with a one-letter prefix hyphened to its first word."""
    prefix = _PREFIX.search(text, max(0, start - 3), start)
    return prefix.start() if prefix else start


def _token_before(starts: list[int], ends: list[int], text: str, position: int) -> int | None:
    index = bisect_right(ends, position) - 1  # the last token ending by `position`
    if index < 0 or text[ends[index] : position].strip():
        return None
    return index


def _run_start(text: str, tokens: Tokens, last: int) -> int:
    """The first token of the run of capitalised words and connectors ending at `last`."""
    starts, ends, folded = tokens
    first = last
    while first > 0:
        previous = first - 1
        word = text[starts[previous] : ends[previous]]
        if _BREAK.search(text[ends[previous] : starts[first]]):
            break
        if not (word[:1].isupper() or folded[previous] in CONNECTORS):
            break
        first = previous
    return first


def spells(letters: str, words: list[str]) -> bool:
    """Whether an acronym's letters are the words' initials, in order.

    A connector may give its initial or nothing, a word in capitals may give all its
    letters (`UN DESA`), and one capitalised word after the first may give nothing.
    """

    def spell(i: int, j: int, skips: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        initial = i < len(letters) and word[0].upper() == letters[i]
        if word.lower() in CONNECTORS:
            return spell(i, j + 1, skips) or (initial and spell(i + 1, j + 1, skips))
        whole = word.isupper() and len(word) > 1 and letters.startswith(word, i)
        if whole and spell(i + len(word), j + 1, skips):
            return True
        if initial and spell(i + 1, j + 1, skips):
            return True
        return j > 0 and skips > 0 and spell(i, j + 1, skips - 1)

    return spell(0, 0, _MAX_SKIPPED)


# Russian letters in ids (`new:khokimiyat-goroda-nurafshon`): a simple transliteration.
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ю": "yu", "я": "ya", "ъ": "", "ь": ""},
    }
)


def _id(name: str) -> str:
    name = name.lower().translate(_LATIN)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return NEW + _NOT_ID.sub("-", ascii_name.lower()).strip("-")


_NOT_ID = LazyPattern(r"[^a-z0-9]+")
