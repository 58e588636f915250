"""What the report shows, as plain data: storylines, partners, counts by year, coverage.

Assembly reads the corpus; drawing (draw.py) only reads a ReportData, so the charts
can be tested without a corpus and the data without a charting library.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..events import CENTRAL_ASIA, PROGRESS, STAGES
from ..query import Filters
from .storylines import Storyline, from_deal, group_events

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..deals import Deal

# Partners drawn per country (the most active).
MAX_PARTNERS = 15
# The command's filter options, in the order the page lists them.
FILTER_OPTIONS = {
    "countries": "--country",
    "organizations": "--org",
    "initiatives": "--type",
    "since": "--since",
    "until": "--until",
    "text": "--text",
    "stages": "--stage",
    "partners": "--partner",
}


@dataclass(frozen=True)
class ArticleRef:
    """Where a mark's evidence comes from."""

    id: str
    title: str | None
    date: str | None
    source: str | None
    url: str | None


@dataclass
class Partner:
    """One partner of a country: its events by stage and the furthest stage reached."""

    id: str
    name: str
    kind: str
    events: int
    stages: dict[str, int]
    reached: str | None  # the most advanced progress stage; None for plans/halts only


@dataclass
class Coverage:
    """What the page stands on, for its caveats section."""

    articles: int
    undated_articles: int
    first_date: str | None
    last_date: str | None
    events: int
    undated_events: int
    storylines: int  # every storyline found; `shown` of them are drawn
    shown: int
    deals: int  # of the storylines, deals; the others are groups of events in no deal
    shown_deals: int
    top: int
    hidden_marks: int  # marks of long storylines not drawn (Storyline.hidden_marks)
    filters: list[str]
    version: str
    dictionary_hash: str


@dataclass
class ReportData:
    title: str
    storylines: list[Storyline]
    articles: dict[str, ArticleRef]
    partners: dict[str, tuple[str, list[Partner]]]  # country code -> (name, partners)
    years_by_type: dict[str, Counter[str]]
    years_by_stage: dict[str, Counter[str]]
    coverage: Coverage
    stages: tuple[str, ...] = field(default=STAGES)


def assemble(
    corpus: Corpus,
    filters: Filters,
    deals: Iterable[Deal],
    *,
    top: int,
    options: dict[str, Any],
    version: str,
    dictionary: Path,
) -> ReportData:
    """The report of the corpus's events and articles that pass `filters` and of `deals`
    (those that pass them, deals.query.matching_deals), drawing `top` storylines: the
    deals with the most events, then groups of the events no deal links. `options` are
    the filter options as typed (listed on the page), `version` caconnect's, `dictionary`
    the entities file. Memory stays bounded: deals arrive one at a time and only the top
    ones are kept; events and articles are counted by the store.
    """
    countries = {country.code: country.name for country in corpus.dictionary.countries}
    ranked, deal_count = _top((from_deal(deal) for deal in deals), top)
    loose = corpus.each_event(filters, unlinked=True)
    groups, grouped = group_events(loose, countries, top - len(ranked))
    shown = ranked + groups
    articles, undated_articles, first_date, last_date = corpus.article_span(filters)
    drawn = [mark.article_id for line in shown for mark in line.marks]
    refs = {
        row["id"]: ArticleRef(row["id"], row["title"], row["date"], row["source"], row["url"])
        for row in corpus.article_records(drawn)
    }
    by_type, by_stage = yearly_counts(*corpus.event_counts(filters))
    coverage = Coverage(
        articles=articles,
        undated_articles=undated_articles,
        first_date=first_date,
        last_date=last_date,
        events=sum(sum(counts.values()) for counts in by_stage.values()),
        undated_events=sum(by_stage.get("undated", Counter()).values()),
        storylines=deal_count + grouped,
        shown=len(shown),
        deals=deal_count,
        shown_deals=len(ranked),
        top=top,
        hidden_marks=sum(line.hidden_marks for line in shown),
        filters=describe_options(options),
        version=version,
        dictionary_hash=dictionary_hash(dictionary),
    )
    partnered = partners_by_country(corpus, filters, countries)
    return ReportData(
        title=_title([partnered[code][0] for code in filters.countries]),
        storylines=shown,
        articles=refs,
        partners=partnered,
        years_by_type=by_type,
        years_by_stage=by_stage,
        coverage=coverage,
    )


def _top(storylines: Iterable[Storyline], top: int) -> tuple[list[Storyline], int]:
    """The `top` storylines by rank, and how many there were: only `top` kept at a time."""
    seen = 0

    def counted() -> Iterator[Storyline]:
        nonlocal seen
        for line in storylines:
            seen += 1
            yield line

    best = heapq.nsmallest(top, counted(), key=lambda line: line.rank)
    return best, seen


def partners_by_country(
    corpus: Corpus, filters: Filters, names: dict[str, str]
) -> dict[str, tuple[str, list[Partner]]]:
    """Each country's partners among the events that pass the filters (the filters'
    countries, else each Central Asian country with events), most events first, at most
    MAX_PARTNERS of each, counted by the store (Corpus.partners). `names` names the
    countries by code.
    """
    found: dict[str, tuple[str, list[Partner]]] = {}
    for code in filters.countries or CENTRAL_ASIA:
        rows = corpus.partners(replace(filters, countries=(code,)))[:MAX_PARTNERS]
        if rows or filters.countries:
            found[code] = (names.get(code, code), [_partner(row) for row in rows])
    return found


def _partner(row: dict[str, Any]) -> Partner:
    stages = {stage: row[stage] for stage in STAGES if row.get(stage)}
    reached = [stage for stage in PROGRESS if stage in stages]
    return Partner(
        row["id"], row["partner"], row["kind"], row["events"], stages, (reached or [None])[-1]
    )


def yearly_counts(
    by_type: Iterable[tuple[str, str, int]], by_stage: Iterable[tuple[str, str, int]]
) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Events per year by initiative type and by stage (Corpus.event_counts), years in
    order, `undated` last. A plan counts in the year it was stated."""
    types: dict[str, Counter[str]] = {}
    stages: dict[str, Counter[str]] = {}
    for counts, rows in ((types, by_type), (stages, by_stage)):
        for year, key, n in rows:
            counts.setdefault(year, Counter())[key] += n
    order = sorted(stages, key=lambda year: (year == "undated", year))
    return {y: types.get(y, Counter()) for y in order}, {y: stages[y] for y in order}


def describe_options(options: dict[str, Any]) -> list[str]:
    """The filter options as a user typed them: `--country TM`, `--since 2025`."""
    described = []
    for key, option in FILTER_OPTIONS.items():
        value = options.get(key)
        for one in value if isinstance(value, (tuple, list)) else [value]:
            if one:
                described.append(f"{option} {one}")
    return described


def dictionary_hash(path: Path) -> str:
    """The first 12 hex digits of the dictionary file's SHA-256: which dictionary tagged."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return "unknown"


def _title(countries: list[str]) -> str:
    return f"Digital-connectivity deals: {', '.join(countries) or 'Central Asia'}"
