"""tag(article, dictionary) -> TaggedArticle. Pure: no I/O; every tag carries its mentions.

Rules (TAGGING.md): whole words, case-insensitive, longest match wins within each kind;
countries are matched apart from organisations, so `Azerbaijan Space Agency` tags AZ
and the agency. Case matters in two places: an all-capitals alias (`US`, `ITU`, `AI`)
must appear in capitals, and a one-word proper name (`Turkey`, `Beeline`) must be
capitalised. A match is dropped when the dictionary's `ignore` rules say so: inside
the name of an event, programme or outlet (organisations and initiatives only), a
demonym naming a language (`Russian language`), an alias followed by text that makes
it something else (`US$`), or an initiative trigger next to a negation (`not feasible`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from ..languages import ignore_rules
from ..lazy_pattern import LazyPattern
from ..models import (
    Article,
    EntityDictionary,
    Mention,
    MentionKind,
    Organization,
    OrgRef,
    TaggedArticle,
    TextField,
)
from ..spans import Spans, between, enclosing
from ..stemming import forms
from ..tokens import (
    gap_signature,
    match_key,
    phrase_key,
    sentence_spans,
    token_keys,
    tokenize,
)
from .discovery import (
    LEGAL_FORM,
    Discovered,
    Discoverer,
    acronym_uses,
    read_acronyms,
    renamed,
    subsidiary,
)
from .matcher import Match, PhraseMatcher, PhraseMatchers, Tokens

_NEGATION_BEFORE = 3  # words a negation may stand before a trigger
_NEGATION_AFTER = 4  # ... or after it


@dataclass(frozen=True)
class _Target:
    entity: str
    role: str  # name, alias, demonym, capital, former, shared, trigger
    name: str  # the dictionary's form of the name


def _former_name(match: Match[_Target], entity: str) -> str | None:
    """The former name a match used, when it names `entity` only by a former name."""
    names = [t for t in match.payloads if t.entity == entity]
    if names and all(t.role == "former" for t in names):
        return names[0].name
    return None


def _target_data(target: _Target) -> list[str]:
    return [target.entity, target.role, target.name]


def _target(data: Any) -> _Target:
    entity, role, name = map(str, data)
    return _Target(entity, role, name)


def _stored_matchers(stored: list[Any]) -> list[PhraseMatcher[Any]]:
    """The six matchers of `Tagger.stored()` data; ValueError if it is not of that shape."""
    if not isinstance(stored, list) or len(stored) != 6:
        raise ValueError("not six matchers")
    payloads = (str, _target, _target, str, str, _target)
    pairs = zip(stored, payloads, strict=True)
    return [PhraseMatcher.from_data(data, make) for data, make in pairs]


@dataclass
class _FieldHits:
    field: TextField
    text: str
    sentences: list[tuple[int, int]]
    countries: list[Match[_Target]] = field(default_factory=list)
    organizations: list[Match[_Target]] = field(default_factory=list)
    initiatives: list[Match[_Target]] = field(default_factory=list)
    discovered: list[Discovered] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts = [start for start, _ in self.sentences]
        self._country_starts: list[int] = []

    # Both look-ups bisect (sentences and countries are in text order): a scan of the whole
    # field per mention made long articles quadratic.
    def sentence_of(self, position: int) -> tuple[int, int] | None:
        """The sentence holding `position`."""
        return enclosing(self.sentences, self._sentence_starts, position)

    def countries_in(self, start: int, end: int) -> list[Match[_Target]]:
        """The country matches that start in [start, end) (once `countries` is final)."""
        if len(self._country_starts) != len(self.countries):
            self._country_starts = [m.start for m in self.countries]
        return self.countries[between(self._country_starts, start, end)]


def country_names(dictionary: EntityDictionary) -> Iterator[str]:
    """Every name of every country in every language: the texts of the `country`
    surfaces (`dictionary.surfaces`), without listing the ~6,000 other names, whose
    language forms cost ~6 ms; a Tagger made from its stored phrases needs only these."""
    for country in dictionary.countries:
        yield country.name
        yield from (*country.aliases, *country.demonyms, *country.capitals)
        yield from (former.name for former in country.former_names)
    for vocabulary in dictionary.languages.values():
        for names in vocabulary.countries.values():
            yield from names


class Tagger:
    """The dictionary compiled for matching; build once, tag many articles."""

    def __init__(self, dictionary: EntityDictionary, stored: list[Any] | None = None) -> None:
        """`stored`: the `stored()` data of a tagger of this same dictionary
        (tagging/cache.py), used instead of compiling its phrases again."""
        from ..dictionary import surfaces

        self.dictionary = dictionary
        self.organizations: dict[str, Organization] = {o.id: o for o in dictionary.organizations}
        rules = ignore_rules(dictionary)
        if stored is None:
            by_kind: dict[str, list[tuple[str, _Target]]] = {
                "country": [],
                "organization": [],
                "initiative": [],
            }
            for surface in surfaces(dictionary):
                target = _Target(surface.entity, surface.role, surface.text)
                by_kind[surface.kind].append((surface.text, target))
            matchers = [
                PhraseMatcher(((name, name) for name in rules.names), proper=True),
                PhraseMatcher(by_kind["country"], proper=True),
                PhraseMatcher(
                    by_kind["organization"],
                    proper=True,
                    title_case=_described_by_demonym(dictionary),
                ),
                PhraseMatcher(((w, w) for w in rules.slogan_markers), proper=False),
                # negations and topic markers: both phrases of context, told apart by text
                PhraseMatcher(
                    ((cue, cue) for cue in [*rules.negations, *rules.topic_markers]),
                    proper=False,
                ),
                PhraseMatcher(by_kind["initiative"], proper=False, plural=True),
            ]
        else:
            matchers = _stored_matchers(stored)
        (
            self._ignored_names,
            self._countries,
            self._organizations,
            self._slogan_markers,
            self._negations,
            self._initiatives,
        ) = matchers
        self._topic_markers = frozenset(rules.topic_markers)
        self._matchers = PhraseMatchers(matchers)  # all six searched in one pass over a text
        self._language_words = {  # `язык` with its case forms: `языке`, `языках`
            key
            for word in rules.after_demonym
            for part in phrase_key(word)
            for key in {*match_key(part), *forms(part)}
        }
        self._language_prepositions = {
            key for word in rules.before_language for key in phrase_key(word)
        }
        self._followed_by = {phrase_key(alias): tuple(v) for alias, v in rules.followed_by.items()}
        self._preceded_by = {phrase_key(alias): tuple(v) for alias, v in rules.preceded_by.items()}
        self._shared_equipment = {
            match_key(trigger): frozenset(types)
            for trigger, types in rules.shared_equipment.items()
        }
        self._discoverer = Discoverer(dictionary.discovery, country_names(dictionary))

    def stored(self) -> list[Any]:
        """Its compiled phrases as JSON data, for `Tagger(dictionary, stored)`."""
        targets = (self._countries, self._organizations, self._initiatives)
        return [
            matcher.data(_target_data if matcher in targets else str)
            for matcher in self._matchers.matchers
        ]

    def tag(self, article: Article) -> TaggedArticle:
        fields = [
            self._find(field_name, article.field_text(field_name))
            for field_name in ("title", "body")
        ]
        if self._shared_equipment:
            self._drop_shared_equipment(fields)
        mentions: list[Mention] = []
        for hits in fields:
            mentions += self._mentions(hits, "country", hits.countries)
            mentions += self._mentions(hits, "initiative", hits.initiatives)
        country_counts = Counter(m.entity for m in mentions if m.kind == "country")
        for hits in fields:
            mentions += self._organization_mentions(hits, country_counts)
        discovered = {item.id: (item, hits) for hits in fields for item in hits.discovered}
        if discovered:
            acronyms = {item.acronym for item, _ in discovered.values() if item.acronym}
            mentions = [m for m in mentions if m.kind != "organization" or m.text not in acronyms]
            for hits in fields:
                mentions += _discovered_mentions(hits, [item for item, _ in discovered.values()])
        mentions = read_acronyms(mentions, self.organizations)
        mentions += self._business_mentions(mentions, fields[1])
        mentions.sort(key=lambda m: (m.field != "title", m.start, m.kind))
        orgs = [
            self._org_ref(entity, discovered) for entity in _first_seen(mentions, "organization")
        ]
        return TaggedArticle(
            **{name: getattr(article, name) for name in Article.model_fields},
            countries=_first_seen(mentions, "country"),
            organizations=orgs,
            initiatives=_first_seen(mentions, "initiative"),
            mentions=mentions,
        )

    def _business_mentions(self, mentions: list[Mention], body: _FieldHits) -> list[Mention]:
        """An organisation whose whole business is a type (`initiatives:` of a satellite
        operator) reports work of that type: where no trigger names the type, the
        organisation's mentions back it, unless it is named in passing (once, outside
        the title and the lead sentence: one of a forum's speakers)."""
        named = {m.entity for m in mentions if m.kind == "initiative"}
        backing = [
            mention.model_copy(update={"entity": kind, "kind": "initiative", "former_name": None})
            for mention in mentions
            if mention.kind == "organization" and mention.entity in self.organizations
            for kind in self.organizations[mention.entity].initiatives
            if kind not in named
        ]
        kept = _not_in_passing([(m.entity, m.field, m.start) for m in backing], body)
        return [m for m in backing if m.entity in kept]

    def _drop_shared_equipment(self, fields: list[_FieldHits]) -> None:
        """Equipment every network has (`base station`) is that of the types the article
        names besides it (by a trigger, or by an operator whose business the type is: see
        `_business_mentions`): it tags nothing where the article names one of them and
        nothing else names the equipment's own type (then it is that type's, as before)."""
        shared = self._shared_equipment
        named = {
            match.payloads[0].entity
            for hits in fields
            for match in hits.initiatives
            if match_key(match.payloads[0].name) not in shared
        }
        business = [
            (kind, hits.field, match.start)
            for hits in fields
            for match in hits.organizations
            if match.payloads[0].entity in self.organizations
            for kind in self.organizations[match.payloads[0].entity].initiatives
        ]
        named.update(_not_in_passing(business, fields[1]))
        for hits in fields:
            hits.initiatives = [
                match
                for match in hits.initiatives
                if match.payloads[0].entity in named
                or not named & shared.get(match_key(match.payloads[0].name), frozenset())
            ]

    def _org_ref(self, entity: str, discovered: dict[str, tuple[Discovered, _FieldHits]]) -> OrgRef:
        if entity in self.organizations:
            org = self.organizations[entity]
            return OrgRef(id=org.id, name=org.name, kind=org.kind, country=org.country)
        item, hits = discovered[entity]
        country = item.country
        if item.kind == "agency" and country is None:  # a local government has its own
            country = _country_near(item.start, item.end, hits)
        return OrgRef(
            id=item.id, name=item.name, kind=item.kind, country=country, parent=item.parent
        )

    def _find(self, field_name: TextField, text: str) -> _FieldHits:
        hits = _FieldHits(field_name, text, sentence_spans(text) if text else [])
        if not text:
            return hits
        tokens = tokenize(text)
        (
            found_ignored,
            found_countries,
            found_organizations,
            slogan_markers,
            context_phrases,
            found_initiatives,
        ) = self._matchers.find(text, tokens)
        negations = [m for m in context_phrases if m.payloads[0] not in self._topic_markers]
        topic_sentences = {
            hits.sentence_of(m.start)
            for m in context_phrases
            if m.payloads[0] in self._topic_markers
        }
        topic_sentences.discard(None)
        ignored = [(m.start, m.end) for m in found_ignored]
        # Containment by bisection (spans.py): a scan per match made long articles quadratic.
        inside_ignored = Spans(ignored).contain
        countries = [m for m in found_countries if self._is_country(m, text, tokens)]
        languages = self._languages(countries, text, tokens)
        hits.countries = [m for m in countries if id(m) not in languages]
        country_starts = {m.start: m.end for m in hits.countries}
        hits.organizations = [
            _full_name(m, text, country_starts)
            for m in found_organizations
            if not inside_ignored(m.start, m.end) and not self._neighbour_exception(m, text, tokens)
        ]
        found = [
            item
            if item.acronym
            else renamed(item, text, *_widened(item.start, item.end, text, country_starts))
            for item in self._discoverer.find(text, tokens, hits.sentences, ignored)
        ]
        hits.discovered, hits.organizations = _longest_names(found, hits.organizations)
        self._split_subsidiaries(hits)
        names = (
            ignored
            + [(m.start, m.end) for m in hits.organizations]
            + [(item.start, item.end) for item in hits.discovered]
            + _quoted_after(text, slogan_markers)
        )
        inside_names = Spans(names).contain
        firsts = [negation.first for negation in negations]
        hits.initiatives = [
            m
            for m in found_initiatives
            if not inside_names(m.start, m.end)
            and not _negated(m, negations, firsts, hits)
            and (not topic_sentences or hits.sentence_of(m.start) not in topic_sentences)
        ]
        return hits

    def _split_subsidiaries(self, hits: _FieldHits) -> None:
        """A company's name followed by a country or by words and a legal form names a
        subsidiary of it (`Huawei Tajikistan`): discovered, with the company as parent."""
        countries = {
            m.start: (m.end, m.payloads[0].entity)
            for m in hits.countries
            if any(t.role in ("name", "alias") for t in m.payloads)
        }
        names = [(m.start, m.end) for m in hits.organizations]
        names += [(item.start, item.end) for item in hits.discovered]
        kept = []
        for match in hits.organizations:
            owner = next((t.entity for t in match.payloads if t.role != "shared"), None)
            org = self.organizations.get(owner or "")
            item = None
            if org is not None and org.kind == "company":
                item = subsidiary(hits.text, match.start, match.end, org.id, org.country, countries)
            if item is not None and not any(
                a < item.end and item.start < b and (a, b) != (match.start, match.end)
                for a, b in names
            ):
                hits.discovered.append(item)
            else:
                kept.append(match)
        hits.organizations = kept

    def _is_country(self, match: Match[_Target], text: str, tokens: Tokens) -> bool:
        if self._neighbour_exception(match, text, tokens):
            return False
        if any(target.role == "demonym" for target in match.payloads):
            starts, ends, folded = tokens
            after = match.last
            if (
                after < len(folded)
                and token_keys(folded)[after] in self._language_words  # `языке`: `язык`
                and not gap_signature(text[ends[after - 1] : starts[after]])
            ):
                return False
        return True

    def _languages(self, matches: list[Match[_Target]], text: str, tokens: Tokens) -> set[int]:
        """Demonyms named as languages: `in Russian.`, `in Kyrgyz, Russian and Chinese;`.

        A run of demonyms joined by commas, `and` or `or`, after `in` (or another
        `before_language` word) and followed by the end of a clause, names languages.
        """
        _, _, folded = tokens
        languages: set[int] = set()
        run: list[Match[_Target]] = []
        for index, match in enumerate(matches):
            run.append(match)
            following = matches[index + 1] if index + 1 < len(matches) else None
            if following is not None and _LIST_JOIN.fullmatch(text[match.end : following.start]):
                continue
            demonyms = all(any(t.role == "demonym" for t in m.payloads) for m in run)
            before = run[0].first - 1
            if demonyms and (
                (
                    before >= 0
                    and folded[before] in self._language_prepositions
                    and _CLAUSE_END.match(text, run[-1].end)
                )
                or self._language_after(run[-1].end, text)
            ):
                languages.update(id(m) for m in run)
            run = []
        return languages

    def _language_after(self, end: int, text: str) -> bool:
        """Whether a list of demonyms ending at `end` ends in a language word: `казахском и
        русском языках` (the last demonym, taken as a language, is no country match)."""
        tail = _LANGUAGE_TAIL.match(text, end)
        return tail is not None and match_key(tail["word"])[0] in self._language_words

    def _neighbour_exception(self, match: Match[_Target], text: str, tokens: Tokens) -> bool:
        """Whether the text right after or right before the alias makes it something else:
        `US dollars`, `долларов США` (a currency, not a country)."""
        key = tuple(tokens[2][match.first : match.last])
        after = self._followed_by.get(key, ())
        before = self._preceded_by.get(key, ())
        return any(text.startswith(suffix, match.end) for suffix in after) or any(
            text.endswith(prefix, 0, match.start) for prefix in before
        )

    def _mentions(
        self, hits: _FieldHits, kind: MentionKind, matches: Sequence[Match[_Target]]
    ) -> list[Mention]:
        return [
            Mention(
                entity=match.payloads[0].entity,
                kind=kind,
                field=hits.field,
                text=hits.text[match.start : match.end],
                start=match.start,
                end=match.end,
                former_name=_former_name(match, match.payloads[0].entity),
            )
            for match in matches
        ]

    def _organization_mentions(self, hits: _FieldHits, country_counts: Counter) -> list[Mention]:
        mentions = []
        for match in hits.organizations:
            entity = self._resolve(match, hits, country_counts)
            if entity is not None:
                mentions.append(
                    Mention(
                        entity=entity,
                        kind="organization",
                        field=hits.field,
                        text=hits.text[match.start : match.end],
                        start=match.start,
                        end=match.end,
                        former_name=_former_name(match, entity),
                    )
                )
        return mentions

    def _resolve(
        self, match: Match[_Target], hits: _FieldHits, country_counts: Counter
    ) -> str | None:
        """The organisation a match names; a shared name goes to the country the text is about."""
        # A name of its own (not shared) belongs to one organisation; several of its
        # names may fold to the same key (`Tojiktelecom`, `Tajiktelecom`; `Мажилис`).
        owners = [t.entity for t in match.payloads if t.role != "shared"]
        if owners:
            return owners[0]
        candidates = list(dict.fromkeys(t.entity for t in match.payloads))
        by_country = {self.organizations[c].country: c for c in candidates}
        sentence = hits.sentence_of(match.start) or (match.start, match.end)
        nearby = sorted(
            hits.countries_in(*sentence),
            key=lambda m: (abs(m.start - match.start), m.start > match.start),
        )
        for country_match in nearby:
            code = country_match.payloads[0].entity
            if code in by_country:
                return by_country[code]
        for code, _count in country_counts.most_common():
            if code in by_country:
                return by_country[code]
        return None


_LEGAL_FORM = LEGAL_FORM
# What a name may carry after the dictionary's form of it, as part of the same name.
_NAME_TAIL = LazyPattern(
    rf"[»”\"]?,?\s*{_LEGAL_FORM}(?!\w)"  # `Kazakhtelecom» JSC`, `Unitel, LLC`
    r"|\s+named\s+after\s+(?:[a-z]+\s+)?(?:[A-Z]\.\s*)*[A-Z][\w’'-]+"  # `named after I. Razzakov`
    r"|\s+(?:Global|International|Capital|Solutions\s+and\s+Networks|Networks|Holdings?)(?!\w)"
)
# ... and before it: `JSC Kazteleport`, `OJSC «Tojiktelecom`; on the same line, and not a
# form closing the sentence before (`… Kazakhstan Ltd.` then the name opening the next).
_NAME_HEAD = LazyPattern(rf"(?<!\w){_LEGAL_FORM}(?<!\.)[ \t\u00a0]*[«“\"]?$")
# `... under the President of`, `... of the Republic of`, `... of`: then a country.
_COUNTRY_TAIL = LazyPattern(
    r"\s+(?:(?:under|of)\s+the\s+(?:President|Government|Cabinet\s+of\s+Ministers)\s+)?of\s+"
    r"(?:the\s+)?(?:Republic\s+of\s+)?"
)


def _full_name(match: Match, text: str, country_starts: dict[int, int]) -> Match:
    """Widen an organisation's match to its whole name as written.

    The dictionary names `Agency for Innovation and Digital Technologies`; the text may
    say `... under the President of Tajikistan`, `Kyrgyztelecom OJSC`, `JSC Kazteleport`,
    `Kyrgyz State Technical University named after I. Razzakov`: the mention is the
    whole name, still tagged as the dictionary's organisation.
    """
    start, end = _widened(match.start, match.end, text, country_starts)
    if (start, end) == (match.start, match.end):
        return match
    return replace(match, start=start, end=end)


def _widened(start: int, end: int, text: str, country_starts: dict[int, int]) -> tuple[int, int]:
    while True:
        tail = _NAME_TAIL.match(text, end)
        if tail:
            end = tail.end()
            continue
        tail = _COUNTRY_TAIL.match(text, end)
        if tail and tail.end() in country_starts:
            end = country_starts[tail.end()]
            continue
        break
    head = _NAME_HEAD.search(text, max(0, start - 12), start)
    return (head.start() if head else start), end


_LIST_JOIN = LazyPattern(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
# More demonyms, then the word after them: `, Russian and English languages`.
_LANGUAGE_TAIL = LazyPattern(r"(?:\s*(?:,|\band\b|\bor\b|\bи\b|\bили\b)\s*\w+)+\s+(?P<word>\w+)")
# The end of a clause, possibly after more capitalised list items: `Russian and English.`
_CLAUSE_END = LazyPattern(r"(?:\s*(?:,|and|or)\s*[A-Z]\w*)*\s*(?:[.,;:!?)]|$)")
_QUOTES = {"“": "”", '"': '"', "‘": "’", "«": "»", "'": "'", "„": "“"}
_QUOTE_REACH = 40  # characters between a slogan marker and its opening quote


def _quoted_after(text: str, markers: Sequence[Match]) -> list[tuple[int, int]]:
    """The quotations that slogan markers introduce (`under the motto "..."`)."""
    spans = []
    for marker in markers:
        window = text[marker.end : marker.end + _QUOTE_REACH]
        opening = next((i for i, char in enumerate(window) if char in _QUOTES), None)
        if opening is None:
            continue
        start = marker.end + opening
        end = text.find(_QUOTES[text[start]], start + 1)
        if end != -1:
            spans.append((start, end + 1))
    return spans


def _longest_names(
    discovered: list[Discovered], organizations: list[Match[_Target]]
) -> tuple[list[Discovered], list[Match[_Target]]]:
    """Longest name wins: a name introduced with its acronym holding a dictionary name
    replaces it (`UN Department of Economic and Social Affairs (UN DESA)` is not the UN);
    otherwise the dictionary's names win."""
    # Only organisations starting within the longest one's length before an item can
    # overlap it: found by bisection, as comparing every pair made long articles quadratic.
    order = sorted(range(len(organizations)), key=lambda i: organizations[i].start)
    starts = [organizations[i].start for i in order]
    reach = max((m.end - m.start for m in organizations), default=0)
    dropped: set[int] = set()
    kept = []
    for item in discovered:
        near = order[bisect_right(starts, item.start - reach) : bisect_left(starts, item.end)]
        inside = [
            organizations[i]
            for i in near
            if i not in dropped
            and organizations[i].start < item.end
            and item.start < organizations[i].end
        ]
        if (item.acronym or not inside) and all(
            item.start <= m.start and m.end <= item.end and m.end - m.start < item.end - item.start
            for m in inside
        ):
            kept.append(item)
            dropped.update(i for i in near if organizations[i] in inside)
    return kept, [m for i, m in enumerate(organizations) if i not in dropped]


def _discovered_mentions(hits: _FieldHits, discovered: list[Discovered]) -> list[Mention]:
    """Mentions of discovered organisations: the names, then introduced acronyms.

    The article's own acronym beats the dictionary's reading of it (`MTS` introduced as
    one company is not the dictionary's MTS).
    """
    acronyms = {item.acronym for item in discovered if item.acronym}
    spans = [(item.id, item.start, item.end) for item in hits.discovered]
    taken = [(s, e) for _, s, e in spans] + [
        (m.start, m.end) for m in hits.organizations if hits.text[m.start : m.end] not in acronyms
    ]
    overlaps_taken = Spans(taken).overlap  # by bisection: a scan per use was quadratic
    for item in discovered:
        for start, end in acronym_uses(hits.text, item):
            if not overlaps_taken(start, end):
                spans.append((item.id, start, end))
    return [
        Mention(
            entity=entity,
            kind="organization",
            field=hits.field,
            text=hits.text[start:end],
            start=start,
            end=end,
        )
        for entity, start, end in spans
    ]


def _country_near(start: int, end: int, hits: _FieldHits) -> str | None:
    """The country of a body named at [start, end): in its name, else nearest in its sentence."""
    sentence = hits.sentence_of(start) or (start, end)
    nearby = sorted(
        hits.countries_in(*sentence),
        key=lambda m: (not (start <= m.start < end), abs(m.start - start)),
    )
    return nearby[0].payloads[0].entity if nearby else None


def _not_in_passing(named: list[tuple[str, TextField, int]], body: _FieldHits) -> set[str]:
    """The types of `named` (type, field, start: an organisation whose business is the
    type) not named in passing: more than once, or in the title or the lead sentence."""
    lead_end = body.sentences[0][1] if body.sentences else 0
    counts = Counter(kind for kind, _, _ in named)
    return {
        kind
        for kind, field_name, start in named
        if counts[kind] > 1 or field_name == "title" or start < lead_end
    }


def _negated(
    match: Match, negations: Sequence[Match], firsts: Sequence[int], hits: _FieldHits
) -> bool:
    # Only the negations within reach, found by bisection on their first tokens `firsts`
    # (in text order): checking every negation of the text for every trigger was quadratic.
    near = between(firsts, match.first - _NEGATION_BEFORE, match.last + _NEGATION_AFTER)
    sentence = hits.sentence_of(match.start)
    return any(
        sentence is not None and sentence[0] <= negation.start < sentence[1]
        for negation in negations[near]
    )


def _first_seen(mentions: list[Mention], kind: MentionKind) -> list[str]:
    return list(dict.fromkeys(m.entity for m in mentions if m.kind == kind))


Compiled = TypeVar("Compiled")
_COMPILED: dict[tuple[int, Any], Any] = {}


def _described_by_demonym(dictionary: EntityDictionary) -> Callable[[str], bool]:
    """Which organisation names match only in Title Case: a demonym and words that are no
    body's head word (`Tajik Telecom`, `Kyrgyz Railways`, `Tajik Air`). Written in lower
    case they describe a country's sector (`the Tajik telecom market`, `Kyrgyz railways`);
    with a head word they name the body in any case (`Uzbek agency for communication`)."""
    demonyms = {match_key(d) for country in dictionary.countries for d in country.demonyms}
    rules = dictionary.discovery
    heads = {
        match_key(head)
        for words in (rules.name_heads, rules.continued_heads)
        for head in words.kinds()
    }

    def described(name: str) -> bool:
        words = name.split()
        return (
            len(words) > 1
            and name.isascii()
            and all(word[:1].isupper() for word in words)
            and match_key(words[0]) in demonyms
            and not any(match_key(word) in heads for word in words[1:])
        )

    return described


def compiled(
    dictionary: EntityDictionary,
    build: Callable[[EntityDictionary], Compiled],
    make: Callable[[EntityDictionary], Compiled] | None = None,
) -> Compiled:
    """What `build` makes of a dictionary (a Tagger, ...), built once per dictionary;
    `make`, if given, makes it on the first call instead (tagging/cache.py: from a file).

    The result must keep the dictionary as its `dictionary` attribute.
    """
    key = (id(dictionary), build)
    found = _COMPILED.get(key)
    if found is None or found.dictionary is not dictionary:
        found = _COMPILED[key] = (make or build)(dictionary)
    return found


def tagger_for(dictionary: EntityDictionary) -> Tagger:
    """The compiled tagger of a dictionary, built on first use."""
    return compiled(dictionary, Tagger)


def tag(article: Article, dictionary: EntityDictionary) -> TaggedArticle:
    """Tag one article with countries, organisations and initiative types, with evidence."""
    return tagger_for(dictionary).tag(article)
