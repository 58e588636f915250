"""Filters, timeline, summaries: rows from tagged articles. No I/O of its own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import UsageError

if TYPE_CHECKING:  # models are imported when needed: the index answers without them
    from .models import EntityDictionary, Event, PartialDate, Stage, TaggedArticle

Row = dict[str, Any]


@dataclass(frozen=True)
class Filters:
    """What a command asks for.

    Values within one option are alternatives (OR); different options combine (AND).
    """

    countries: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    since: PartialDate | None = None
    until: PartialDate | None = None
    text: str | None = None
    # Event filters: stages, and partners (country codes or organisation ids) that a
    # Central Asian country deals with. An article passes when one of its events does.
    stages: tuple[Stage, ...] = ()
    partners: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # ISO 639-1 codes of the article's language

    def __post_init__(self) -> None:
        for name in (
            "countries",
            "organizations",
            "initiatives",
            "stages",
            "partners",
            "languages",
        ):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        for name in ("since", "until"):
            if isinstance(getattr(self, name), str):
                from .models import PartialDate

                object.__setattr__(self, name, PartialDate.parse(getattr(self, name)))

    def is_empty(self) -> bool:
        return self == Filters()


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
    if filters.text and not _has_text(article, filters.text):
        return False
    if filters.languages and article.language not in filters.languages:
        return False
    return not (filters.stages or filters.partners) or any(
        _stage_and_partner(event, filters) for event in article.events
    )


def _has_text(article: TaggedArticle, text: str) -> bool:
    needle = text.casefold()
    return needle in article.body.casefold() or needle in (article.title or "").casefold()


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
    return [timeline_row(article) for article in articles]


def timeline_row(article: TaggedArticle) -> Row:
    return {
        "date": article.date.isoformat() if article.date else None,
        "id": article.id,
        "title": article.title,
        "countries": list(article.countries),
        "organizations": [org.name for org in article.organizations],
        "initiatives": list(article.initiatives),
    }


def listing_row(article: TaggedArticle) -> Row:
    """One row of `caconnect articles`: id, date, source, title, path."""
    return {
        "id": article.id,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "title": article.title,
        "path": article.path,
    }


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
        "language": article.language,
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
        by_year[year_key(article.date)] += 1
        matrix.update((c, t) for c in article.countries for t in article.initiatives)
    return summary_sections(by_country, by_type, by_org, by_year, matrix)


def year_key(date: PartialDate | None) -> str:
    """The `years` entry of a summary that an article counts under."""
    return str(date.year) if date else "undated"


def summary_sections(
    by_country: Counter[str],
    by_type: Counter[str],
    by_org: Counter[str],
    by_year: Counter[str],
    matrix: Counter[tuple[str, str]],
) -> dict[str, list[Row]]:
    """The summary's tables from its counts (the index counts in SQL, then comes here)."""
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
    stages: Iterable[str] = (),
    partners: Iterable[str] = (),
    languages: Iterable[str] = (),
) -> Filters:
    """Filters from what a user typed: names or codes, `2025`, `March 2025`, ...

    Raises UsageError naming the option whose value cannot be understood.
    """
    from .dictionary import find_country, find_initiative, find_organization

    def period(option: str, value: str | None) -> PartialDate | None:
        if value is None:
            return None
        from .dates import parse_query_date

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
        stages=_stages(stages),
        partners=tuple(dict.fromkeys(_partner(dictionary, value) for value in partners)),
        languages=tuple(dict.fromkeys(_language(value) for value in languages)),
    )
    if filters.since and filters.until and filters.since.first_day() > filters.until.last_day():
        raise UsageError(f"--since {since} is after --until {until}")
    return filters


def _language(value: str) -> str:
    code = value.strip().lower()
    if len(code) != 2 or not code.isalpha():
        raise UsageError(f"--language {value!r}: use an ISO 639-1 code such as en or ru")
    return code


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
        "language": article.language,
        "countries": list(article.countries),
        "initiatives": list(article.initiatives),
        "organizations": [org.name for org in article.organizations],
        "organization_ids": [org.id for org in article.organizations],
        "mentions": len(article.mentions),
    }


# --- Deal events ----------------------------------------------------------------------

# The version of the event export schema (README "Export schemas"), bumped whenever an
# event field is added or changed: 2 added evidence, amounts, target, sources, party
# roles; exports before it carried no version.
EVENT_SCHEMA_VERSION = 2


def event_matches(event: Event, filters: Filters) -> bool:
    """Does an event pass the filters? Countries, organisations, types and dates are the
    event's own: its parties (a country or an organisation of it), initiatives and date.
    `text` is the article's, checked by `select_events`.
    """
    if filters.countries and not any(
        party.id in filters.countries or party.country in filters.countries
        for party in event.parties
    ):
        return False
    if filters.organizations and not any(p.id in filters.organizations for p in event.parties):
        return False
    if filters.initiatives and not set(filters.initiatives) & set(event.initiatives):
        return False
    if (filters.since or filters.until) and not in_period(event.date, filters.since, filters.until):
        return False
    return _stage_and_partner(event, filters)


def _stage_and_partner(event: Event, filters: Filters) -> bool:
    if filters.stages and event.stage not in filters.stages:
        return False
    return not filters.partners or any(deals_with(event, p) for p in filters.partners)


def central_asian_actors(event: Event) -> set[str]:
    """The Central Asian countries acting in an event: named, or through one of their agencies."""
    from .events import CENTRAL_ASIA

    return {
        party.country
        for party in event.parties
        if party.kind in ("country", "agency") and party.country in CENTRAL_ASIA
    }


def deals_with(event: Event, partner: str) -> bool:
    """Whether a Central Asian country deals in an event with `partner` (code or org id)."""
    if not any(party.id == partner for party in event.parties):
        return False
    return any(country != partner for country in central_asian_actors(event))


def event_sort_key(event: Event) -> tuple[bool, str, str, int]:
    """Date order, undated last, then article id and the event's number in its article."""
    date = event.date.isoformat() if event.date else ""
    return (event.date is None, date, event.article_id, event.number)


def select_events(articles: Iterable[TaggedArticle], filters: Filters) -> list[Event]:
    """The events that pass the filters (`text`: of their article), in timeline order."""
    events = [
        event
        for article in articles
        if not filters.text or _has_text(article, filters.text)
        if not filters.languages or article.language in filters.languages
        for event in article.events
        if event_matches(event, filters)
    ]
    return sorted(events, key=event_sort_key)


def snippet(text: str, limit: int = 100) -> str:
    """A sentence on one line, cut at a word to at most `limit` characters."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _party_label(party: Any) -> str:
    return party.id if party.kind == "country" else party.name


def event_rows(events: Iterable[Event]) -> list[Row]:
    """One timeline row per event: its date, stage, parties, types and a line of evidence."""
    return [event_row(event) for event in events]


def event_row(event: Event) -> Row:
    return {
        "date": event.date.isoformat() if event.date else None,
        "precision": event.date_precision,
        "dated_by": event.date_basis,
        "planned": event.planned,
        "stage": event.stage,
        "parties": [_party_label(party) for party in event.parties],
        "initiatives": list(event.initiatives),
        "target": event.target.isoformat() if event.target else None,
        "sentences": len(event.evidence),  # how many sentences report the event
        "evidence": snippet(event.text),
        "article": event.article_id,
        "event": event.number,
    }


def event_record(event: Event) -> Row:
    """The public export schema of one event (README: Export schemas)."""
    return {
        "schema_version": EVENT_SCHEMA_VERSION,
        "article_id": event.article_id,
        "number": event.number,
        "stage": event.stage,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "planned": event.planned,
        "parties": [party.model_dump() for party in event.parties],
        "initiatives": list(event.initiatives),
        "field": event.field,
        "start": event.start,
        "end": event.end,
        "text": event.text,
        "target": event.target.isoformat() if event.target else None,
        "amounts": [amount.model_dump() for amount in event.amounts],
        "sources": event.sources.model_dump(),
        "evidence": [evidence.model_dump() for evidence in event.evidence],
    }


def event_csv_record(event: Event) -> Row:
    """One CSV row per event: the export schema with parties as names and ids."""
    record = event_record(event)
    record["parties"] = [party.name for party in event.parties]
    text_fields = ("field", "start", "end", "text")
    nested = ("amounts", "sources", "evidence")
    return {
        **{k: v for k, v in record.items() if k not in (*text_fields, *nested)},
        "party_ids": [party.id for party in event.parties],
        "party_kinds": [party.kind for party in event.parties],
        "party_roles": [party.role or "" for party in event.parties],
        "amounts": [amount.text for amount in event.amounts],
        "sentences": len(event.evidence),
        **{k: record[k] for k in text_fields},
    }


def partners(events: Iterable[Event], home: Iterable[str]) -> list[Row]:
    """Who the `home` countries deal with: each other party of their events, with its
    number of events, first and last dates (of dated events, targets aside) and counts
    by stage and initiative type. A home country's own agencies are not its partners.
    """
    from typing import get_args

    from .events import STAGES
    from .models import InitiativeType

    home = set(home)
    found: dict[str, Any] = {}
    stats: dict[str, dict[str, Any]] = {}
    for event in events:
        for party in event.parties:
            if party.id in home or (party.kind == "agency" and party.country in home):
                continue
            found.setdefault(party.id, party)
            entry = stats.setdefault(party.id, {"events": 0, "dates": [], "counts": Counter()})
            entry["events"] += 1
            if event.date is not None and not event.planned:
                entry["dates"].append(event.date)
            entry["counts"].update([event.stage, *event.initiatives])
    seen = Counter(key for entry in stats.values() for key in entry["counts"])
    columns = [c for c in (*STAGES, *get_args(InitiativeType)) if seen[c]]
    rows = []
    for party_id in sorted(stats, key=lambda p: (-stats[p]["events"], found[p].name)):
        party, entry = found[party_id], stats[party_id]
        dates = sorted(entry["dates"], key=lambda d: (d.first_day(), d.last_day()))
        last = max(entry["dates"], key=lambda d: (d.last_day(), d.first_day()), default=None)
        rows.append(
            {
                "partner": party.name,
                "id": party.id,
                "kind": party.kind,
                "country": party.country,
                "events": entry["events"],
                "first": dates[0].isoformat() if dates else None,
                "last": last.isoformat() if last else None,
                **{column: entry["counts"][column] for column in columns},
            }
        )
    return rows


def _stages(values: Iterable[str]) -> tuple[Any, ...]:
    values = tuple(values)
    if not values:
        return ()
    from .events import STAGES

    found = []
    for value in values:
        stage = value.strip().lower()
        if stage not in STAGES:
            raise UsageError(f"--stage {value!r}: use one of {', '.join(STAGES)}")
        found.append(stage)
    return tuple(dict.fromkeys(found))


def _partner(dictionary: EntityDictionary, value: str) -> str:
    from .dictionary import find_country, find_organization

    try:
        return find_country(dictionary, value).code
    except UsageError:
        pass
    try:
        return find_organization(dictionary, value).id
    except UsageError:
        raise UsageError(
            f"--partner: unknown country or organisation {value!r}: use an ISO code, "
            "an organisation id or a name"
        ) from None


# --- Views: rows of one article or one event, the same from memory and from the index --

ARTICLE_VIEWS: dict[str, Callable[[TaggedArticle], Row]] = {
    "timeline": timeline_row,  # `timeline --articles`
    "list": listing_row,  # `articles`
    "export": article_record,  # `export` as JSON
    "csv": csv_record,  # `export` as CSV
}
EVENT_VIEWS: dict[str, Callable[[Event], Row]] = {
    "timeline": event_row,  # `timeline`
    "export": event_record,  # `export --events` as JSON
    "csv": event_csv_record,  # `export --events` as CSV
}
