"""Names in articles that the entity dictionary does not know: leads for entities.yaml.

A candidate is
- a run of two or more capitalised words, which may be joined by `of`, `and`, `for`,
  `the`, `on`, `de` or `&` and by hyphens (`Ministry of Digital Technologies`,
  `Kcell JSC`, `Central Asia-US Business Forum`); a leading function word (`The`,
  `According`, ...) is dropped, and months and weekdays end a run;
- an acronym (`ZTE`, `CAREC`) or a word with a capital inside (`SpaceX`, `MegaFon`).
A single capitalised word is not one (every sentence starts with one). Left out: names
the dictionary has (any name, alias or trigger, and `ignore.names`, so a name that should
never come back goes there), runs made only of text the tagger already matched, and
lines written in Title Case or capitals (headlines, category lists), which are all
"capitalised". Runs joined by `and` are split where one side is a known name
(`Kazakhstan and Uzbekistan` is two countries, not one name), and an `and` that no `of`
or `for` comes before (`Kcell JSC and Tele2 Kazakhstan`) joins two names, not one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ..deals.named import NamedDeal
from ..deals.proposals import deal_name_proposals
from ..dictionary import surfaces
from ..models import EntityDictionary, TaggedArticle, TextField
from ..query import fields_row
from ..tagging.discovery import NEW
from ..tokens import TOKEN, match_key, sentence_spans

_CONNECTORS = frozenset({"of", "and", "for", "the", "on", "de"})
# Joins the words of one name: spaces, a hyphen, an ampersand between spaces.
_JOIN = re.compile(r"[ \t]+|[ \t]*[-‐‑][ \t]*|[ \t]+&[ \t]+")
_CALENDAR_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun"
)
_CALENDAR = frozenset(_CALENDAR_WORDS.split())
# Capitalised words that start a sentence or a phrase without being part of a name.
_LEADING_WORDS = (
    "a an the this that these those its his her their our my your we it he she they i "
    "in on at by for with from to of as into onto over under after before during since "
    "until about against between among through within without via per according "
    "and but or so yet while when where if although though because however meanwhile "
    "also both all some many several each every most more other such another "
    "today yesterday tomorrow now then earlier later last next recently currently "
    "mr mrs ms dr"
)
_LEADING = frozenset(_LEADING_WORDS.split())
# Capitals that are not names.
_NOT_NAMES_WORDS = (
    "ceo cfo cto coo gdp usd eur rub kzt uzs tjs kgs tmt it ict tv pm am utc gmt pdf faq "
    "ii iii iv vi vii viii ix xi xii xx xxi llc jsc ojsc cjsc pjsc plc ltd llp gmbh"
)
_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
_EXAMPLE_LIMIT = 200
# The fields a candidate's row (`entities --candidates`) is built from: its CSV header.
CANDIDATE_FIELDS = ("name", "count", "articles", "example", "article")


@dataclass(frozen=True)
class Occurrence:
    """One place a candidate name appears: `article.<field>[start:end] == text`."""

    key: tuple[str, ...]
    text: str
    article_id: str
    field: TextField
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class Candidate:
    """A name the dictionary does not know, how often it occurs, and where first."""

    name: str
    count: int  # occurrences
    articles: int  # articles it occurs in
    example: str  # the sentence of its first occurrence
    article_id: str  # the article of that sentence

    def row(self) -> dict[str, object]:
        return fields_row(
            CANDIDATE_FIELDS, (self.name, self.count, self.articles, self.example, self.article_id)
        )


class CandidateFinder:
    """The dictionary's names compiled once; finds unknown names in tagged articles."""

    def __init__(self, dictionary: EntityDictionary) -> None:
        self.known = {match_key(s.text) for s in surfaces(dictionary)}
        self.known |= {match_key(name) for name in dictionary.ignore.names}
        self.known.discard(())

    def occurrences(self, article: TaggedArticle) -> Iterator[Occurrence]:
        for field in ("title", "body"):
            text = article.field_text(field)
            # Names the tagger found only through their acronym are still candidates.
            matched = [
                (m.start, m.end)
                for m in article.mentions
                if m.field == field and not m.entity.startswith(NEW)
            ]
            for start, end in sentence_spans(text) if text else []:
                sentence = " ".join(text[start:end].split())
                if len(sentence) > _EXAMPLE_LIMIT:
                    sentence = sentence[: _EXAMPLE_LIMIT - 1].rstrip() + "…"
                for first, last in self._names(text, start, end, matched):
                    name = text[first:last]
                    yield Occurrence(
                        match_key(name), name, article.id, field, first, last, sentence
                    )

    def _names(
        self, text: str, start: int, end: int, matched: list[tuple[int, int]]
    ) -> Iterator[tuple[int, int]]:
        words = [(m.start() + start, m.end() + start) for m in TOKEN.finditer(text[start:end])]
        lettered = [text[a:b] for a, b in words if any(c.isalpha() for c in text[a:b])]
        capitalised = sum(1 for word in lettered if word[0].isupper())
        if len(lettered) >= 4 and capitalised >= 0.75 * len(lettered):
            run_words: list[list[tuple[int, int]]] = []  # a Title Case line: no runs
        else:
            run_words = list(_runs(text, words))
        for run in run_words:
            for part in self._split_at_and(text, run):
                first, last = part[0][0], part[-1][1]
                if len(part) >= 2 and not self._known(text, part, matched):
                    yield first, last
        for a, b in words:
            word = text[a:b]
            if (_is_acronym(word) or _is_camel(word)) and not self._known(text, [(a, b)], matched):
                yield a, b

    def _split_at_and(
        self, text: str, run: list[tuple[int, int]]
    ) -> Iterator[list[tuple[int, int]]]:
        """A run without connectors at its ends, split at an `and` that joins two names.

        `and` is inside a name after `of` or `for` (`Ministry of Transport and
        Communications`), unless a side of it is a name the dictionary knows.
        """
        part: list[tuple[int, int]] = []
        for index, (a, b) in enumerate(run):
            if text[a:b].lower() == "and" and part:
                rest = _until_and(text, run[index + 1 :])
                inside = any(text[x:y] in _CONNECTORS for x, y in part)
                if not inside or self._is_known(text, part) or self._is_known(text, rest):
                    yield _trim(text, part)
                    part = []
                    continue
            part.append((a, b))
        if part:
            yield _trim(text, part)

    def _is_known(self, text: str, words: list[tuple[int, int]]) -> bool:
        return bool(words) and match_key(text[words[0][0] : words[-1][1]]) in self.known

    def _known(self, text: str, words: list[tuple[int, int]], matched: list) -> bool:
        name = text[words[0][0] : words[-1][1]]
        if match_key(name) in self.known or name.casefold() in _NOT_NAMES:
            return True
        capitals = [(a, b) for a, b in words if text[a].isupper()]
        return all(any(s <= a and b <= e for s, e in matched) for a, b in capitals)


def _runs(text: str, words: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Runs of capitalised words joined by connectors, leading function words dropped."""
    run: list[tuple[int, int]] = []
    for index, (a, b) in enumerate(words):
        word = text[a:b]
        joined = bool(run) and _JOIN.fullmatch(text[run[-1][1] : a]) is not None
        if _is_capitalised(word):
            if run and not joined:
                yield run
                run = []
            if run or not _leading(text, words, index):
                run.append((a, b))
        elif run and joined and word in _CONNECTORS and _next_is_capitalised(text, words, index):
            run.append((a, b))
        elif run:
            yield run
            run = []
    if run:
        yield run


def _leading(text: str, words: list[tuple[int, int]], index: int) -> bool:
    """A capitalised word that starts a phrase without being a name (`The`, `Elaborating`)."""
    a, b = words[index]
    word = text[a:b].lower()
    if word in _LEADING or word in _NOT_NAMES:
        return True
    # At the start of a sentence, a verb or adverb form (`Elaborating on Iran`).
    return index == 0 and word.endswith(("ing", "ed", "ly"))


def _next_is_capitalised(text: str, words: list[tuple[int, int]], index: int) -> bool:
    if index + 1 >= len(words):
        return False
    a, b = words[index + 1]
    return _JOIN.fullmatch(text[words[index][1] : a]) is not None and _is_capitalised(text[a:b])


def _until_and(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    for index, (a, b) in enumerate(run):
        if text[a:b].lower() == "and":
            return run[:index]
    return run


def _trim(text: str, part: list[tuple[int, int]]) -> list[tuple[int, int]]:
    while part and text[part[-1][0] : part[-1][1]] in _CONNECTORS:
        part = part[:-1]
    return part


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and word.lower() not in _CALENDAR


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word[0].isalpha()


def _is_camel(word: str) -> bool:
    return word[0].isupper() and any(
        word[i].islower() and word[i + 1].isupper() for i in range(len(word) - 1)
    )


def find_candidates(
    articles: Iterable[TaggedArticle],
    dictionary: EntityDictionary,
    named_deals: Sequence[NamedDeal] = (),
) -> list[Candidate]:
    """Unknown names across articles, used by the most articles first (then most often, A-Z):
    a name many articles use is worth more to the dictionary than one an article repeats.
    Deal names no named deal has are among them, marked `deal:` (deals/proposals.py)."""
    articles = list(articles)
    finder = CandidateFinder(dictionary)
    counts: Counter[tuple[str, ...]] = Counter()
    forms: dict[tuple[str, ...], Counter[str]] = {}
    in_articles: dict[tuple[str, ...], set[str]] = {}
    first: dict[tuple[str, ...], Occurrence] = {}
    for article in articles:
        for found in finder.occurrences(article):
            counts[found.key] += 1
            forms.setdefault(found.key, Counter())[found.text] += 1
            in_articles.setdefault(found.key, set()).add(found.article_id)
            first.setdefault(found.key, found)
    candidates = [
        Candidate(
            name=forms[key].most_common(1)[0][0],
            count=count,
            articles=len(in_articles[key]),
            example=first[key].sentence,
            article_id=first[key].article_id,
        )
        for key, count in counts.items()
    ]
    candidates += [
        Candidate(f"deal: {name}", *rest)
        for name, *rest in deal_name_proposals(articles, named_deals)
    ]
    return sorted(candidates, key=lambda c: (-c.articles, -c.count, c.name.casefold(), c.name))
