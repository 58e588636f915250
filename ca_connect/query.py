"""Filters, timeline, summaries: rows from tagged articles. No I/O of its own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .errors import UsageError
from .models import EntityDictionary, Filters, PartialDate, TaggedArticle

Row = dict[str, Any]


def matches(article: TaggedArticle, filters: Filters) -> bool:
    """Does an article pass the filters? Date bounds keep articles whose date can fall inside."""
    if filters.countries and not set(filters.countries) & set(article.countries):
        return False
    if filters.organizations and not set(filters.organizations) & {
        org.id for org in article.organizations
    }:
        return False
    if filters.initiatives and not set(filters.initiatives) & set(article.initiatives):
        return False
    if (filters.since or filters.until) and not in_period(
        article.date, filters.since, filters.until
    ):
        return False
    if filters.text:
        needle = filters.text.casefold()
        if needle not in article.body.casefold() and needle not in (article.title or "").casefold():
            return False
    return True


def in_period(
    date: PartialDate | None, since: PartialDate | None, until: PartialDate | None
) -> bool:
    """Whether a date of any precision overlaps [since, until]; an unknown date never does."""
    if date is None:
        return False
    if since and date.last_day() < since.first_day():
        return False
    return not (until and date.first_day() > until.last_day())


def sort_key(article: TaggedArticle) -> tuple[bool, str, str]:
    """Date order, undated last, then id: the one order every command uses."""
    return (article.date is None, article.date.isoformat() if article.date else "", article.id)


def select(articles: Iterable[TaggedArticle], filters: Filters) -> list[TaggedArticle]:
    """The articles that pass the filters, in timeline order."""
    return sorted((a for a in articles if matches(a, filters)), key=sort_key)


def timeline_rows(articles: Iterable[TaggedArticle]) -> list[Row]:
    """One row per article: date (or `undated`), id, title and its tags."""
    return [
        {
            "date": article.date.isoformat() if article.date else None,
            "id": article.id,
            "title": article.title,
            "countries": list(article.countries),
            "organizations": [org.name for org in article.organizations],
            "initiatives": list(article.initiatives),
        }
        for article in articles
    ]


def article_record(article: TaggedArticle) -> Row:
    """The public export schema of one article (documented in the README)."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "date_precision": article.date_precision,
        "date_source": article.date_source,
        "source": article.source,
        "url": article.url,
        "countries": list(article.countries),
        "initiatives": list(article.initiatives),
        "organizations": [org.model_dump() for org in article.organizations],
        "mentions": [mention.model_dump() for mention in article.mentions],
    }


def summary(articles: Iterable[TaggedArticle]) -> dict[str, list[Row]]:
    """Article counts by country, initiative type, organisation and year, and country x type."""
    by_country: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_org: Counter[str] = Counter()
    by_year: Counter[str] = Counter()
    matrix: Counter[tuple[str, str]] = Counter()
    for article in articles:
        by_country.update(article.countries)
        by_type.update(article.initiatives)
        by_org.update(org.name for org in article.organizations)
        by_year[str(article.date.year) if article.date else "undated"] += 1
        matrix.update((c, t) for c in article.countries for t in article.initiatives)
    types = sorted(by_type, key=lambda t: (-by_type[t], t))
    return {
        "countries": _counted("country", by_country),
        "initiatives": _counted("initiative", by_type),
        "organizations": _counted("organization", by_org),
        "years": [
            {"year": year, "articles": by_year[year]}
            for year in sorted(by_year, key=lambda y: (y == "undated", y))
        ],
        "country_by_initiative": [
            {"country": country, **{t: matrix[(country, t)] for t in types}}
            for country in _ranked(by_country)
        ],
    }


def _counted(name: str, counts: Counter[str]) -> list[Row]:
    return [{name: key, "articles": counts[key]} for key in _ranked(counts)]


def _ranked(counts: Counter[str]) -> list[str]:
    return sorted(counts, key=lambda key: (-counts[key], key))


def build_filters(
    dictionary: EntityDictionary,
    *,
    countries: Iterable[str] = (),
    organizations: Iterable[str] = (),
    initiatives: Iterable[str] = (),
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
) -> Filters:
    """Filters from what a user typed: names or codes, `2025`, `March 2025`, ...

    Raises UsageError naming the option whose value cannot be understood.
    """
    from .dates import parse_query_date
    from .dictionary import find_country, find_initiative, find_organization

    def period(option: str, value: str | None) -> PartialDate | None:
        if value is None:
            return None
        try:
            return parse_query_date(value)
        except ValueError as error:
            raise UsageError(f"{option} {value!r}: {error}") from None

    def each(option: str, values: Iterable[str], find: Any) -> tuple[str, ...]:
        found = []
        for value in values:
            try:
                entity = find(dictionary, value)
            except UsageError as error:
                raise UsageError(f"{option}: {error}") from None
            found.append(getattr(entity, "code", None) or entity.id)
        return tuple(dict.fromkeys(found))

    filters = Filters(
        countries=each("--country", countries, find_country),
        organizations=each("--org", organizations, find_organization),
        initiatives=each("--type", initiatives, find_initiative),
        since=period("--since", since),
        until=period("--until", until),
        text=text or None,
    )
    if filters.since and filters.until and filters.since.first_day() > filters.until.last_day():
        raise UsageError(f"--since {since} is after --until {until}")
    return filters


def csv_record(article: TaggedArticle) -> Row:
    """One CSV row per article: the export schema with lists joined and mentions counted."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "date_precision": article.date_precision,
        "date_source": article.date_source,
        "source": article.source,
        "url": article.url,
        "countries": list(article.countries),
        "initiatives": list(article.initiatives),
        "organizations": [org.name for org in article.organizations],
        "organization_ids": [org.id for org in article.organizations],
        "mentions": len(article.mentions),
    }
