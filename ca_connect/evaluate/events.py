"""Score deal events against gold events (the form of shared/corpus/events-gold.yaml).

Matching (README "Accuracy"): a gold event matches a found event of the same article
with the same stage, sharing an initiative type (or both naming none), whose parties
overlap. Countries are compared by ISO code; a gold organisation (a name as written)
matches a found one when it resolves to the same dictionary id (through its names,
aliases and former names), or when one's words contain the other's as whole words --
the found organisation's name or the text of any of its mentions, the gold name or any
of the `forms` the tag gold gives it. Each gold and each found event is matched at most
once: the pairs sharing the most parties, then the most types, then a right date, go
first (greedy best), then augmenting paths match as many events as can be matched (a
maximum matching), so that one pair taken early never costs two events their partners.
Among matched events, parties are exactly right when every gold party matches a distinct
found party and no found party is left over; initiative types when the sets are equal;
the date when it is equal at the same precision (`null` included); the target, for plans
the gold gives one, likewise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import CaconnectError
from ..models import EntityDictionary, Event, InitiativeType, PartialDate, Stage, TaggedArticle
from ..query import fields_row
from ..tokens import phrase_key
from ..vocab import STAGES
from .tags import GoldArticle

FIELDS = ("parties", "initiatives", "date", "target")
# The sections of `eval --events` (`details` with --details) and the fields each one's
# rows are built from (the CSV header).
STAGE_SCORE_FIELDS = ("stage", "gold", "found", "matched", "recall", "precision", "f1")
FIELD_SCORE_FIELDS = ("field", "right", "of", "accuracy")
EVENT_FINDING_FIELDS = ("article", "problem", "stage", "gold", "found", "sentence")
EVENT_EVALUATION_FIELDS = {
    "events": STAGE_SCORE_FIELDS,
    "matched_events_fields": FIELD_SCORE_FIELDS,
    "details": EVENT_FINDING_FIELDS,
}


class GoldEvent(BaseModel):
    """One labelled event; `sentence` and `note` are for readers and the details list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stage: Stage
    parties: list[str] = []
    initiatives: list[InitiativeType] = []
    date: str | None = None
    target: str | None = None
    sentence: str = ""
    note: str | None = None

    @field_validator("date", "target", mode="before")
    @classmethod
    def _iso(cls, value: Any) -> Any:
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            try:
                PartialDate.parse(value)
            except ValueError:
                raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from None
        return value

    @field_validator("parties", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        return [str(item) for item in value] if isinstance(value, list) else value


class GoldEventArticle(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    article: str
    events: list[GoldEvent] = []
    note: str | None = None


def load_event_gold(path: Path) -> list[GoldEventArticle]:
    """Read a gold events file; any problem is one CaconnectError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CaconnectError(f"{path}: cannot read gold events: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CaconnectError(f"{path}: not UTF-8 text") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise CaconnectError(f"{path}{line}: not valid YAML: {problem}") from None
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        raise CaconnectError(f"{path}:1: expected a list of records (- article: ... events: [...])")
    records = []
    for item, item_node in zip(data, node.value, strict=True):
        try:
            records.append(GoldEventArticle.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            line = _line_of(item_node, first["loc"])
            where = ".".join(str(part) for part in first["loc"]) or "record"
            raise CaconnectError(f"{path}:{line}: {where}: {_message(first)}") from None
    seen: dict[str, int] = {}
    for record, item_node in zip(records, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if record.article in seen:
            raise CaconnectError(
                f"{path}:{line}: article {record.article!r} is listed twice "
                f"(first at line {seen[record.article]})"
            )
        seen[record.article] = line
    return records


def _line_of(node: yaml.Node, loc: tuple[Any, ...]) -> int:
    """The line of the deepest node the error location reaches."""
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
            if child is None:
                break
            node = child
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
    return node.start_mark.line + 1


def _message(error: Mapping[str, Any]) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (use stage, parties, initiatives, date, target, sentence, note)"
    if error["type"] == "literal_error":
        return f"{error['msg']}, not {error['input']!r}"
    return str(error["msg"]).removeprefix("Value error, ")


# --- Scores -------------------------------------------------------------------------


@dataclass
class StageScore:
    stage: str
    gold: int = 0
    found: int = 0
    matched: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EventFinding:
    """A miss (gold event not found), a false event, or a matched event's wrong field."""

    article: str
    problem: str  # miss | false | parties | initiatives | date | target
    stage: str
    gold: str
    found: str
    sentence: str

    def row(self) -> dict[str, str]:
        values = (self.article, self.problem, self.stage, self.gold, self.found, self.sentence)
        return fields_row(EVENT_FINDING_FIELDS, values)


@dataclass
class EventEvaluation:
    stages: dict[str, StageScore] = field(
        default_factory=lambda: {stage: StageScore(stage) for stage in STAGES}
    )
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    findings: list[EventFinding] = field(default_factory=list)

    @property
    def overall(self) -> StageScore:
        total = StageScore("all")
        for score in self.stages.values():
            total.gold += score.gold
            total.found += score.found
            total.matched += score.matched
        return total

    def accuracy(self, name: str) -> float:
        return self.right[name] / self.checked[name] if self.checked[name] else 1.0

    def stage_rows(self) -> list[dict[str, Any]]:
        """Recall and precision overall, then per stage (stages neither side has: left out)."""
        scores = [self.overall, *(s for s in self.stages.values() if s.gold or s.found)]
        return [
            fields_row(
                STAGE_SCORE_FIELDS,
                (
                    s.stage,
                    s.gold,
                    s.found,
                    s.matched,
                    *[round(v, 3) for v in (s.recall, s.precision, s.f1)],
                ),
            )
            for s in scores
        ]

    def field_rows(self) -> list[dict[str, Any]]:
        """Among matched events: how often each field is exactly right."""
        return [
            fields_row(
                FIELD_SCORE_FIELDS,
                (name, self.right[name], self.checked[name], round(self.accuracy(name), 3)),
            )
            for name in FIELDS
        ]

    def sections(self, details: bool) -> dict[str, list[dict[str, Any]]]:
        """`eval --events`: recall and precision per stage, then the field accuracy of
        matched events; with `details`, every finding (EVENT_EVALUATION_FIELDS)."""
        sections = {"events": self.stage_rows(), "matched_events_fields": self.field_rows()}
        if details:
            sections["details"] = [finding.row() for finding in self.findings]
        return sections


class _Parties:
    """Resolves party names (gold) and parties (found) to comparable keys."""

    def __init__(self, dictionary: EntityDictionary, tag_gold: Iterable[GoldArticle]) -> None:
        self._codes = {country.code for country in dictionary.countries}
        self._ids: dict[tuple[str, ...], set[str]] = {}
        for org in dictionary.organizations:
            for name in (org.name, *org.aliases, *(f.name for f in org.former_names)):
                self._ids.setdefault(phrase_key(name), set()).add(org.id)
        self._forms: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for record in tag_gold:
            for org in record.organizations:
                keys = {phrase_key(name) for name in (org.name, *org.forms)} - {()}
                for key in keys:
                    self._forms.setdefault(key, set()).update(keys)

    def gold_keys(self, name: str) -> tuple[str | None, set[str], set[tuple[str, ...]]]:
        """(country code, dictionary ids, word keys) of a gold party name."""
        if name in self._codes:
            return name, set(), set()
        key = phrase_key(name)
        keys = {key} | self._forms.get(key, set())
        ids = set().union(*(self._ids.get(k, set()) for k in keys))
        return None, ids, keys

    def match(self, name: str, party: Any, texts: set[tuple[str, ...]]) -> bool:
        code, ids, keys = self.gold_keys(name)
        if party.kind == "country":
            return code == party.id
        if code is not None:
            return False
        if party.id in ids:
            return True
        found = texts | {phrase_key(party.name)}
        return any(_contains(a, b) or _contains(b, a) for a in keys for b in found)


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    size = len(part)
    return bool(part) and any(words[i : i + size] == part for i in range(len(words) - size + 1))


def evaluate_events(
    gold: Iterable[GoldEventArticle],
    predicted: Mapping[str, TaggedArticle],
    dictionary: EntityDictionary,
    tag_gold: Iterable[GoldArticle] = (),
) -> EventEvaluation:
    """Compare the events of predicted articles (keyed by id) with gold events."""
    resolver = _Parties(dictionary, tag_gold)
    result = EventEvaluation()
    for record in gold:
        article = predicted.get(record.article)
        if article is None:
            raise CaconnectError(f"gold events name article {record.article!r}: no such file")
        texts: dict[str, set[tuple[str, ...]]] = {}
        for mention in article.mentions:
            if mention.kind == "organization":
                texts.setdefault(mention.entity, set()).add(phrase_key(mention.text))
        _score_article(result, record, article, resolver, texts)
    return result


def _score_article(
    result: EventEvaluation,
    record: GoldEventArticle,
    article: TaggedArticle,
    resolver: _Parties,
    texts: dict[str, set[tuple[str, ...]]],
) -> None:
    golds, founds = record.events, article.events
    for event in golds:
        result.stages[event.stage].gold += 1
    for event in founds:
        result.stages[event.stage].found += 1

    def party_pairs(gold: GoldEvent, found: Event) -> list[tuple[int, int]]:
        return [
            (g, f)
            for g, name in enumerate(gold.parties)
            for f, party in enumerate(found.parties)
            if resolver.match(name, party, texts.get(party.id, set()))
        ]

    candidates = []
    for g, gold in enumerate(golds):
        for f, found in enumerate(founds):
            if gold.stage != found.stage:
                continue
            shared = set(gold.initiatives) & set(found.initiatives)
            if not shared and (gold.initiatives or found.initiatives):
                continue
            pairs = party_pairs(gold, found)
            if not pairs and (gold.parties or found.parties):
                continue
            date = _iso(found.date) == gold.date
            candidates.append((-len(pairs), -len(shared), not date, g, f, pairs))
    ranked = sorted(candidates, key=lambda c: c[:5])
    found_of = _maximum_matching([(g, f) for *_, g, f, _pairs in ranked])
    matched_gold, matched_found = set(found_of), set(found_of.values())
    for *_, g, f, pairs in ranked:
        if found_of.get(g) == f:
            result.stages[golds[g].stage].matched += 1
            _check_fields(result, record.article, golds[g], founds[f], pairs)
    for g, gold in enumerate(golds):
        if g not in matched_gold:
            result.findings.append(
                EventFinding(
                    record.article, "miss", gold.stage, _describe_gold(gold), "", gold.sentence
                )
            )
    for f, found in enumerate(founds):
        if f not in matched_found:
            result.findings.append(
                EventFinding(record.article, "false", found.stage, "", _describe(found), found.text)
            )


def _maximum_matching(ranked: list[tuple[int, int]]) -> dict[int, int]:
    """The found event matched to each gold event: the best-ranked pairs first (greedy),
    then augmenting paths until no more pairs can be matched, so that a pair taken early
    never leaves two events unmatched that could each have had a partner."""
    options: dict[int, list[int]] = {}
    for g, f in ranked:
        options.setdefault(g, []).append(f)
    found_of: dict[int, int] = {}
    gold_of: dict[int, int] = {}
    for g, f in ranked:
        if g not in found_of and f not in gold_of:
            found_of[g], gold_of[f] = f, g

    def augment(g: int, seen: set[int]) -> bool:
        for f in options[g]:
            if f in seen:
                continue
            seen.add(f)
            if f not in gold_of or augment(gold_of[f], seen):
                found_of[g], gold_of[f] = f, g
                return True
        return False

    for g in options:
        if g not in found_of:
            augment(g, set())
    return found_of


def _check_fields(
    result: EventEvaluation,
    article: str,
    gold: GoldEvent,
    found: Event,
    pairs: list[tuple[int, int]],
) -> None:
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for g, f in pairs:
        if g not in used_gold and f not in used_found:
            used_gold.add(g)
            used_found.add(f)
    checks = {
        "parties": (
            len(used_gold) == len(gold.parties) == len(found.parties),
            ", ".join(gold.parties),
            ", ".join(_label(p) for p in found.parties),
        ),
        "initiatives": (
            set(gold.initiatives) == set(found.initiatives),
            ", ".join(gold.initiatives),
            ", ".join(found.initiatives),
        ),
        "date": (_iso(found.date) == gold.date, str(gold.date), f"{_iso(found.date)}"),
    }
    if gold.target is not None:
        target = _iso(found.target)
        checks["target"] = (target == gold.target, gold.target, str(target))
    for name, (right, expected, got) in checks.items():
        result.checked[name] += 1
        if right:
            result.right[name] += 1
        else:
            result.findings.append(
                EventFinding(article, name, gold.stage, expected, got, found.text)
            )


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date is not None else None


def _label(party: Any) -> str:
    return party.id if party.kind == "country" else party.name


def _describe_gold(event: GoldEvent) -> str:
    return f"[{', '.join(event.parties)}] {'/'.join(event.initiatives) or '-'} {event.date}"


def _describe(event: Event) -> str:
    parties = ", ".join(_label(p) for p in event.parties)
    return f"[{parties}] {'/'.join(event.initiatives) or '-'} {_iso(event.date)}"
