"""Score the tagger against gold labels (the form of shared/seeds/gold.yaml).

Countries and initiative types are compared as sets per article; organisations match
when the predicted name, or the text of one of its mentions, equals or contains as whole
words the gold name or one of its `forms`, or
when the tagger reads a gold form as the predicted organisation (each gold and each
predicted organisation is matched at most once). Counts are summed over all articles
(micro-averaged). The publication date is right when it equals the gold date, `null` included.
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
from ..models import Article, TaggedArticle
from ..query import fields_row
from ..tagging.tagger import Tagger
from ..tokens import phrase_key

FIELDS = ("countries", "organizations", "initiatives")
# The sections of `eval` (`details` with --details) and the fields each one's rows are
# built from (the CSV header).
SCORE_FIELDS = ("field", "tp", "fp", "fn", "precision", "recall", "f1")
FINDING_FIELDS = ("file", "field", "problem", "value", "evidence")
EVALUATION_FIELDS = {"scores": SCORE_FIELDS, "details": FINDING_FIELDS}


class GoldOrganization(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str
    kind: str | None = None
    country: str | None = None
    forms: list[str] = []


class GoldArticle(BaseModel):
    """One gold record; `note` and `url` are kept for readers, not scored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    file: str
    date: str | None = None
    countries: list[str] = []
    initiatives: list[str] = []
    organizations: list[GoldOrganization] = []

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, value: Any) -> Any:
        return value.isoformat() if isinstance(value, dt.date) else value


@dataclass
class FieldScore:
    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Finding:
    """A miss (gold tag not predicted) or a false tag (predicted, not in gold)."""

    file: str
    field: str
    problem: str  # miss | false | wrong-date
    value: str
    evidence: str = ""

    def row(self) -> dict[str, str]:
        return fields_row(
            FINDING_FIELDS, (self.file, self.field, self.problem, self.value, self.evidence)
        )


@dataclass
class Evaluation:
    articles: int = 0
    dates_right: int = 0
    scores: dict[str, FieldScore] = field(
        default_factory=lambda: {name: FieldScore(name) for name in FIELDS}
    )
    findings: list[Finding] = field(default_factory=list)

    @property
    def date_accuracy(self) -> float:
        return self.dates_right / self.articles if self.articles else 1.0

    def rows(self) -> list[dict[str, Any]]:
        """The scores: precision, recall and F1 per field, then the date's accuracy."""
        rows = [
            fields_row(
                SCORE_FIELDS,
                (s.field, s.tp, s.fp, s.fn, *[round(v, 3) for v in (s.precision, s.recall, s.f1)]),
            )
            for s in self.scores.values()
        ]
        # The date: right (tp) and wrong (fn) against the articles, its accuracy as F1.
        date = ("date", self.dates_right, None, self.articles - self.dates_right, None, None)
        return [*rows, fields_row(SCORE_FIELDS, (*date, round(self.date_accuracy, 3)))]

    def sections(self) -> dict[str, list[dict[str, Any]]]:
        """`eval --details`: the scores, then every finding (EVALUATION_FIELDS)."""
        return {"scores": self.rows(), "details": [finding.row() for finding in self.findings]}

    def below(self, minimum: float) -> list[str]:
        """Fields whose F1 (accuracy, for the date) is under `minimum`."""
        return [row["field"] for row in self.rows() if row["f1"] < minimum]


def load_gold(path: Path) -> list[GoldArticle]:
    """Read a gold file; errors name the file and the record."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CaconnectError(f"{path}: cannot read gold labels: {error.strerror}") from None
    except yaml.YAMLError as error:
        raise CaconnectError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, list):
        raise CaconnectError(f"{path}: expected a list of gold records (- file: ...)")
    records = []
    for number, item in enumerate(data, start=1):
        try:
            records.append(GoldArticle.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "record"
            raise CaconnectError(f"{path}: record {number}: {where}: {first['msg']}") from None
    return records


def evaluate(
    gold: Iterable[GoldArticle],
    predicted: Mapping[str, TaggedArticle],
    tagger: Tagger | None = None,
) -> Evaluation:
    """Compare predictions (keyed by file name) with gold records; with a `tagger`, a gold
    organisation whose forms it reads as a predicted organisation is that organisation."""
    result = Evaluation()
    for record in gold:
        result.articles += 1
        article = predicted.get(record.file)
        if article is None:
            result.findings.append(Finding(record.file, "file", "miss", "no such article"))
        date = article.date.isoformat() if article and article.date else None
        if date == record.date:
            result.dates_right += 1
        else:
            found = f"{date} ({article.date_source})" if article and date else "null"
            result.findings.append(
                Finding(record.file, "date", "wrong-date", f"gold {record.date}", found)
            )
        _score_set(result, record, "countries", record.countries, article)
        _score_set(result, record, "initiatives", record.initiatives, article)
        _score_organizations(result, record, article, tagger)
    return result


def _score_set(
    result: Evaluation,
    record: GoldArticle,
    name: str,
    gold: list[str],
    article: TaggedArticle | None,
) -> None:
    predicted = set(getattr(article, name)) if article else set()
    score = result.scores[name]
    score.tp += len(predicted & set(gold))
    kind = "country" if name == "countries" else "initiative"
    for value in sorted(predicted - set(gold)):
        score.fp += 1
        result.findings.append(
            Finding(record.file, name, "false", value, _evidence(article, kind, value))
        )
    for value in sorted(set(gold) - predicted):
        score.fn += 1
        result.findings.append(Finding(record.file, name, "miss", value))


def _score_organizations(
    result: Evaluation, record: GoldArticle, article: TaggedArticle | None, tagger: Tagger | None
) -> None:
    score = result.scores["organizations"]
    predicted = []
    for org in article.organizations if article else []:
        texts = {org.name} | {
            m.text for m in article.mentions if m.kind == "organization" and m.entity == org.id
        }
        predicted.append((org, [phrase_key(text) for text in texts]))
    unmatched_gold = list(record.organizations)
    for org, keys in predicted:
        # The gold the tagger reads as this organisation first, then one its texts contain
        # (`United Nations Special Programme ...` contains `United Nations`).
        match = next(
            (gold for gold in unmatched_gold if org.id in _read_as(gold, tagger)), None
        ) or next(
            (
                gold
                for gold in unmatched_gold
                if any(
                    _contains(key, phrase_key(name))
                    for key in keys
                    for name in [gold.name, *gold.forms]
                )
            ),
            None,
        )
        if match is None:
            score.fp += 1
            evidence = _evidence(article, "organization", org.id)
            result.findings.append(
                Finding(record.file, "organizations", "false", org.name, evidence)
            )
        else:
            score.tp += 1
            unmatched_gold.remove(match)
    for gold in unmatched_gold:
        score.fn += 1
        forms = f" (forms: {', '.join(gold.forms)})" if gold.forms else ""
        result.findings.append(Finding(record.file, "organizations", "miss", gold.name + forms))


def _read_as(gold: GoldOrganization, tagger: Tagger | None) -> set[str]:
    """The organisations the tagger finds in a gold organisation's name and forms."""
    if tagger is None:
        return set()
    found = set()
    for text in [gold.name, *gold.forms]:
        tagged = tagger.tag(Article(id="gold", path="gold", body=text))
        found |= {m.entity for m in tagged.mentions if m.kind == "organization"}
    return found


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    size = len(part)
    return bool(part) and any(words[i : i + size] == part for i in range(len(words) - size + 1))


def _evidence(article: TaggedArticle | None, kind: str, entity: str) -> str:
    if article is None:
        return ""
    texts = [
        f"{m.field}[{m.start}:{m.end}] {m.text!r}"
        for m in article.mentions
        if m.kind == kind and m.entity == entity
    ]
    return "; ".join(texts[:3]) + (" …" if len(texts) > 3 else "")
