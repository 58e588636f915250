"""What the report shows, as plain data: storylines, partners, counts by year, coverage.

Assembly reads the corpus; drawing (draw.py) only reads a ReportData, so the charts
can be tested without a corpus and the data without a charting library.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..events import CENTRAL_ASIA, PROGRESS, STAGES
from ..query import Filters, year_key
from .storylines import Storyline, from_deal, group_events

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..deals import Deal
    from ..models import Event

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


def linked_events(corpus: Corpus) -> set[tuple[str, int]]:
    """(article id, event number) of every event a deal of the corpus links. Asked for
    before the deals are selected, so that the two lists of deals are not in memory at
    once (a tenth of the report's memory at 10,000 articles).
    """
    return {(entry.article, entry.event) for deal in corpus.deals() for entry in deal.history}


def assemble(
    corpus: Corpus,
    filters: Filters,
    deals: list[Deal],
    linked: set[tuple[str, int]],
    *,
    top: int,
    options: dict[str, Any],
    version: str,
    dictionary: Path,
) -> ReportData:
    """The report of the corpus's events and articles that pass `filters` and of `deals`
    (those that pass them, deals.query.select_deals), drawing `top` storylines: the deals
    with the most events, then groups of the events no deal links (`linked_events`).
    `options` are the filter options as typed (listed on the page), `version`
    caconnect's, `dictionary` the entities file.
    """
    events = corpus.events(filters)
    countries = {country.code: country.name for country in corpus.dictionary.countries}
    loose = [event for event in events if (event.article_id, event.number) not in linked]
    ranked = sorted((from_deal(deal) for deal in deals), key=lambda line: line.rank)
    groups, grouped = group_events(loose, countries, max(0, top - len(ranked)))
    shown = ranked[:top] + groups
    listed = corpus.article_rows(filters, "csv")
    drawn = [mark.article_id for line in shown for mark in line.marks]
    refs = _article_refs(corpus, listed, drawn)
    dates = sorted(row["date"] for row in listed if row["date"])
    coverage = Coverage(
        articles=len(listed),
        undated_articles=sum(1 for row in listed if not row["date"]),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        events=len(events),
        undated_events=sum(1 for event in events if event.date is None),
        storylines=len(ranked) + grouped,
        shown=len(shown),
        deals=len(ranked),
        shown_deals=len(ranked[:top]),
        top=top,
        hidden_marks=sum(line.hidden_marks for line in shown),
        filters=describe_options(options),
        version=version,
        dictionary_hash=dictionary_hash(dictionary),
    )
    by_type, by_stage = yearly_counts(events)
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


def _article_refs(
    corpus: Corpus, listed: list[dict[str, Any]], ids: list[str]
) -> dict[str, ArticleRef]:
    """The articles `ids`, from the rows of the filtered articles, else asked for one by
    one (an event can pass filters its article does not: an old event in a new article).
    """
    wanted = set(ids)
    refs = {
        row["id"]: ArticleRef(row["id"], row["title"], row["date"], row["source"], row["url"])
        for row in listed
        if row["id"] in wanted
    }
    for article_id in wanted - set(refs):
        article = corpus.get(article_id)
        if article is not None:
            date = article.date.isoformat() if article.date else None
            refs[article_id] = ArticleRef(
                article_id, article.title, date, article.source, article.url
            )
    return refs


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
    events: list[Event],
) -> tuple[dict[str, Counter[str]], dict[str, Counter[str]]]:
    """Events per year (`undated` last) by initiative type (an event of two types counts
    under each) and by stage. A plan counts in the year it was stated.
    """
    by_type: dict[str, Counter[str]] = {}
    by_stage: dict[str, Counter[str]] = {}
    for event in events:
        year = year_key(event.date)
        by_type.setdefault(year, Counter()).update(event.initiatives or ["other"])
        by_stage.setdefault(year, Counter())[event.stage] += 1
    order = sorted(by_type, key=lambda year: (year == "undated", year))
    return {y: by_type[y] for y in order}, {y: by_stage[y] for y in order}


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
