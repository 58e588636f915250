"""Score linked deals against a gold file in the form of shared/deals/deals.yaml.

- Articles -> deals: extended B-cubed precision, recall and F1 (an article may report
  several deals; an article with no gold deal, or no predicted one, is its own singleton).
- Each gold deal is matched to the predicted deal sharing most of its articles (ties: the
  one with fewer other articles). A gold history event is recovered when that deal has an
  event from one of the gold event's articles with the same stage and the same date at
  month precision (a year-only gold date: the same year; no gold date: no date).
- Status: the gold `status_at_end` ("where the deal stands after the newest article"
  reporting it) against the matched deal's status as of its own newest article: time
  since then is not the articles' to tell.
- Distractors: articles of no gold deal that sit in a deal matched to a gold deal.
`details` lists every gold deal split over several predicted deals and every predicted
deal that merges articles of several gold deals (or of a gold deal and of none).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import CaconnectError
from ..models import EntityDictionary, PartialDate, TaggedArticle
from .model import Deal
from .named import NamedDeal, _line
from .pipeline import deals_from_facts, facts_of
from .rows import status_as_of


class _Gold(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldEvent(_Gold):
    stage: str
    date: str | None = None
    articles: list[str] = []

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        return None if value is None else str(value)


class GoldDeal(_Gold):
    id: str
    name: str = ""
    history: list[GoldEvent] = []
    status_at_end: str | None = None


class GoldArticle(_Gold):
    file: str
    deals: list[str] = []


class GoldDeals(_Gold):
    deals: list[GoldDeal]
    articles: list[GoldArticle]


def load_gold_deals(path: Path) -> GoldDeals:
    """Read a gold deals file; CaconnectError names the file and line of a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CaconnectError(f"{path}: cannot read: {error}") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
        gold = GoldDeals.model_validate(data)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise CaconnectError(f"{path}{line}: invalid YAML") from None
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        where = ".".join(str(p) for p in location)
        raise CaconnectError(f"{path}:{_line(node, location)}: {where}: {first['msg']}") from None
    for index, article in enumerate(gold.articles):
        for deal in article.deals:
            if deal not in {d.id for d in gold.deals}:
                line = _line(node, ("articles", index))
                raise CaconnectError(f"{path}:{line}: unknown deal {deal!r}")
    return gold


@dataclass
class DealScores:
    precision: float
    recall: float
    f1: float
    events: int
    recovered: int
    deals: int
    status_right: int
    distractors: int
    distractors_joined: list[str]
    per_deal: list[dict[str, Any]] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recovered_share(self) -> float:
        return self.recovered / self.events if self.events else 1.0

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"measure": "articles->deals B-cubed precision", "value": round(self.precision, 3)},
            {"measure": "articles->deals B-cubed recall", "value": round(self.recall, 3)},
            {"measure": "articles->deals B-cubed F1", "value": round(self.f1, 3)},
            {
                "measure": "history events recovered",
                "value": f"{self.recovered}/{self.events} ({self.recovered_share:.0%})",
            },
            {"measure": "status at the end right", "value": f"{self.status_right}/{self.deals}"},
            {
                "measure": "distractor articles joined",
                "value": f"{len(self.distractors_joined)}/{self.distractors}",
            },
        ]


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0]


def score_deals(gold: GoldDeals, deals: Sequence[Deal]) -> DealScores:
    """The scores of module docstring."""
    articles = [_stem(a.file) for a in gold.articles]
    gold_of = {_stem(a.file): set(a.deals) for a in gold.articles}
    predicted_of: dict[str, set[str]] = defaultdict(set)
    articles_of: dict[str, set[str]] = {}
    for deal in deals:
        own = {h.article for h in deal.history} & set(articles)
        articles_of[deal.id] = own
        for article in own:
            predicted_of[article].add(deal.id)
    labels = {a: gold_of[a] or {f"solo:{a}"} for a in articles}
    clusters = {a: predicted_of.get(a) or {f"solo:{a}"} for a in articles}
    precision, recall = _bcubed(articles, clusters, labels)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    gold_articles = {d.id: {a for a in articles if d.id in gold_of[a]} for d in gold.deals}
    matched: dict[str, Deal | None] = {}
    for g in gold.deals:
        candidates = [d for d in deals if articles_of[d.id] & gold_articles[g.id]]
        matched[g.id] = (
            max(
                candidates,
                key=lambda d: (
                    len(articles_of[d.id] & gold_articles[g.id]),
                    -len(articles_of[d.id] - gold_articles[g.id]),
                    d.id,
                ),
            )
            if candidates
            else None
        )
    events = recovered = status_right = 0
    per_deal = []
    for g in gold.deals:
        deal = matched[g.id]
        found = sum(1 for e in g.history if deal is not None and _recovered(e, deal))
        events += len(g.history)
        recovered += found
        right = deal is not None and deal.status == g.status_at_end
        status_right += right
        per_deal.append(
            {
                "gold": g.id,
                "deal": deal.id if deal else None,
                "articles": f"{len(articles_of[deal.id] & gold_articles[g.id]) if deal else 0}"
                f"/{len(gold_articles[g.id])}",
                "events": f"{found}/{len(g.history)}",
                "status": deal.status if deal else None,
                "gold_status": g.status_at_end,
            }
        )
    matched_ids = {d.id for d in matched.values() if d is not None}
    distractors = [a for a in articles if not gold_of[a]]
    joined = [a for a in distractors if predicted_of.get(a, set()) & matched_ids]
    return DealScores(
        precision,
        recall,
        f1,
        events,
        recovered,
        len(gold.deals),
        status_right,
        len(distractors),
        joined,
        per_deal,
        _details(gold, deals, articles_of, gold_articles, gold_of) + _missed_events(gold, matched),
    )


def _bcubed(
    items: Sequence[str], clusters: Mapping[str, set[str]], labels: Mapping[str, set[str]]
) -> tuple[float, float]:
    """Extended B-cubed (Amigó et al. 2009) for items in several clusters and classes."""

    def side(mine: Mapping[str, set[str]], theirs: Mapping[str, set[str]]) -> float:
        total = 0.0
        for i in items:
            shares = []
            for j in items:
                common = len(mine[i] & mine[j])
                if common:
                    shares.append(min(common, len(theirs[i] & theirs[j])) / common)
            total += sum(shares) / len(shares)
        return total / len(items) if items else 1.0

    return side(clusters, labels), side(labels, clusters)


def _same_month(gold: str | None, date: PartialDate | None) -> bool:
    if gold is None:
        return date is None
    if date is None:
        return False
    wanted = PartialDate.parse(gold)
    if wanted.month is None:
        return date.year == wanted.year
    return (date.year, date.month) == (wanted.year, wanted.month)


def _recovered(event: GoldEvent, deal: Deal) -> bool:
    articles = {_stem(a) for a in event.articles}
    return any(
        h.article in articles and h.stage == event.stage and _same_month(event.date, h.date)
        for h in deal.history
    )


def _details(
    gold: GoldDeals,
    deals: Sequence[Deal],
    articles_of: Mapping[str, set[str]],
    gold_articles: Mapping[str, set[str]],
    gold_of: Mapping[str, set[str]],
) -> list[dict[str, Any]]:
    found = []
    for g in gold.deals:
        parts = [d for d in deals if articles_of[d.id] & gold_articles[g.id]]
        missing = gold_articles[g.id] - {a for d in parts for a in articles_of[d.id]}
        if len(parts) > 1 or missing:
            found.append(
                {
                    "kind": "split",
                    "gold": g.id,
                    "deals": "; ".join(
                        f"{d.id} [{', '.join(sorted(articles_of[d.id] & gold_articles[g.id]))}]"
                        for d in parts
                    )
                    + (f"; none [{', '.join(sorted(missing))}]" if missing else ""),
                }
            )
    for d in deals:
        golds = {g for a in articles_of[d.id] for g in gold_of.get(a, set())}
        loose = sorted(a for a in articles_of[d.id] if not gold_of.get(a))
        if len(golds) > 1 or (golds and loose):
            found.append(
                {
                    "kind": "merge",
                    "gold": ", ".join(sorted(golds)),
                    "deals": f"{d.id} [{', '.join(sorted(articles_of[d.id]))}]",
                }
            )
    return found


def _missed_events(gold: GoldDeals, matched: Mapping[str, Deal | None]) -> list[dict[str, Any]]:
    """Every gold history event not recovered, beside what its matched deal has from the
    same articles (stage and date), to tell a wrong stage from a wrong date or deal."""
    found = []
    for g in gold.deals:
        deal = matched[g.id]
        for event in g.history:
            if deal is not None and _recovered(event, deal):
                continue
            articles = {_stem(a) for a in event.articles}
            has = [
                f"{h.stage} {h.date or '-'} {h.article}#{h.event}"
                for h in (deal.history if deal is not None else [])
                if h.article in articles
            ]
            found.append(
                {
                    "kind": "event",
                    "gold": g.id,
                    "deals": f"{event.stage} {event.date or '-'} [{', '.join(sorted(articles))}]"
                    f" -> {'; '.join(has) or 'nothing from these articles'}",
                }
            )
    return found


def score_articles(
    gold: GoldDeals,
    articles: Sequence[TaggedArticle],
    named: Sequence[NamedDeal],
    dictionary: EntityDictionary,
) -> DealScores:
    """Link the analysed articles the gold lists into deals, each as it stands at its
    newest article's date, and score them (module docstring). Other files of the folder
    (a set's README beside its articles) are no articles of the set: they link nothing."""
    listed = {_stem(a.file) for a in gold.articles}
    facts = facts_of([a for a in articles if a.id in listed], named)
    found = deals_from_facts(facts, named, dictionary=dictionary)
    return score_deals(gold, [status_as_of(deal, newest_source(deal)) for deal in found])


def newest_source(deal: Deal) -> PartialDate | None:
    """The date of a deal's newest dated article (else the set's own judgement: none)."""
    dated = [s.date for s in deal.sources if s.date]
    return max(dated, key=PartialDate.last_day) if dated else None
