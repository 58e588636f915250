"""The SQL of every question: filters as WHERE clauses, summary counts, partners.

The one engine: commands, `--no-index` (an in-memory store) and the Python API all ask
through these. Clauses are built from Filters with `?` parameters, never from text.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..vocab import Filters
from .schema import PARTY_KINDS, TAG_KINDS, unpack

ARTICLE_ORDER = "ORDER BY a.date IS NULL, a.date, a.id"
# Events in timeline order: the key of `event_timeline` (schema.py), which holds them so.
EVENT_ORDER = "ORDER BY e.undated, e.sort_date, e.article_id, e.number, e.num"
# Rows are read in timeline order from these (no sort): the first rows reach the output at
# once (`| head`), and the filters are checked against sets built beforehand.
ARTICLES_IN_ORDER = "articles a INDEXED BY articles_in_order"
EVENTS_IN_ORDER = "event_timeline e"
_VISIBLE_EVENT = (
    "e.num NOT IN (SELECT num FROM articles INDEXED BY articles_shadowed WHERE shadowed)"
)

SummaryCounts = tuple[Counter[str], Counter[str], Counter[str], Counter[str], Counter[Any]]


def register_functions(db: sqlite3.Connection) -> None:
    """SQL functions the clauses use: contains_text(article text, case-folded phrase)."""
    db.create_function("contains_text", 2, _contains_text, deterministic=True)


def _contains_text(packed: bytes, needle: str) -> bool:
    return needle in unpack(packed).casefold()


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _period(alias: str, filters: Filters) -> tuple[list[str], list[Any]]:
    """A date of any precision overlaps [since, until]; an unknown date never does."""
    clauses: list[str] = []
    values: list[Any] = []
    if filters.since:
        clauses.append(f"{alias}.last_day >= ?")
        values.append(filters.since.first_day().isoformat())
    if filters.until:
        clauses.append(f"{alias}.first_day <= ?")
        values.append(filters.until.last_day().isoformat())
    return clauses, values


def _text(num: str, text: str, fts: bool) -> tuple[str, list[Any]]:
    """Articles whose case-folded title or body contains the case-folded text."""
    needle = text.casefold()
    contains = f"{num} IN (SELECT num FROM articles WHERE contains_text(text, ?)"
    if fts and len(needle) >= 3:  # every trigram of the text is in the article: candidates
        trigrams = dict.fromkeys(needle[i : i + 3] for i in range(len(needle) - 2))
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams)
        return (
            f"{contains} AND num IN (SELECT rowid FROM texts_fts WHERE texts_fts MATCH ?))",
            [needle, match],
        )
    return contains + ")", [needle]


def _among(column: str, key: str, source: str, condition: str, row_by_row: bool) -> str:
    """`column` is the `key` of a row of `source` meeting `condition`: checked against the
    set of those keys, built once before the first row (the fastest way through every
    row), or looked up `row_by_row` in `source` (the first rows come at once: no set of
    every match, 96,000 events of `--country TM` at 100,000 articles, is built first)."""
    if row_by_row:
        return f"EXISTS (SELECT 1 FROM {source} WHERE {key} = {column} AND ({condition}))"
    return f"{column} IN (SELECT {key} FROM {source} WHERE {condition})"


def _stage_and_partner(filters: Filters, row_by_row: bool) -> tuple[list[str], list[Any]]:
    """Event clauses over an event `e`: its stage, a partner a Central Asian country has."""
    clauses: list[str] = []
    values: list[Any] = []
    if filters.stages:
        clauses.append(f"e.stage IN ({_marks(filters.stages)})")
        values += filters.stages
    if filters.partners:
        clauses.append(
            _among(
                "e.eid",
                "eid",
                "event_parties",
                f"partner AND party IN ({_marks(filters.partners)})",
                row_by_row,
            )
        )
        values += filters.partners
    return clauses, values


def article_where(filters: Filters, fts: bool, row_by_row: bool = False) -> tuple[str, list[Any]]:
    """Articles `a` that pass: their tags, date, text; and one of their events passes the
    event filters (stage, partner). `row_by_row`: see `_among`."""
    clauses = ["NOT a.shadowed"]
    values: list[Any] = []
    for kind, wanted in (
        ("country", filters.countries),
        ("organization", filters.organizations),
        ("initiative", filters.initiatives),
        ("language", filters.languages),
    ):
        if wanted:
            clauses.append(
                _among(
                    "a.num", "num", "tags", f"kind = ? AND value IN ({_marks(wanted)})", row_by_row
                )
            )
            values += [TAG_KINDS[kind], *wanted]
    period, period_values = _period("a", filters)
    clauses += period
    values += period_values
    if filters.text:
        clause, text_values = _text("a.num", filters.text, fts)
        clauses.append(clause)
        values += text_values
    event_clauses, event_values = _stage_and_partner(filters, row_by_row)
    if event_clauses:
        clauses.append(
            _among("a.num", "e.num", "events e", " AND ".join(event_clauses), row_by_row)
        )
        values += event_values
    return " AND ".join(clauses), values


def event_where(
    filters: Filters, fts: bool, row_by_row: bool = False, *, shadowed: bool = True
) -> tuple[str, list[Any]]:
    """Events `e` that pass: their own parties (a country, or an organisation of it),
    initiative types, date and stage; `text` is their article's. `row_by_row`: see
    `_among`. `shadowed` False: the store holds no shadowed article (questions.NO_ERRORS,
    read in the same snapshot), so no event is tested for being one's (~10% of the SQL
    of `timeline --country TJ --format csv` at 20,000 articles)."""
    clauses = [_VISIBLE_EVENT] if shadowed else []
    values: list[Any] = []
    if filters.countries:
        # A country's own party row holds its code as its country (ingest._stored_event),
        # so the country column alone finds the country and its organisations: one range
        # of an index, where `party IN (...) OR country IN (...)` merged two (a third of
        # the SQL of a warm `timeline --country TM` at 20,000 articles).
        clauses.append(
            _among(
                "e.eid",
                "eid",
                "event_parties",
                f"country IN ({_marks(filters.countries)})",
                row_by_row,
            )
        )
        values += filters.countries
    if filters.organizations:
        clauses.append(
            _among(
                "e.eid",
                "eid",
                "event_parties",
                f"party IN ({_marks(filters.organizations)})",
                row_by_row,
            )
        )
        values += filters.organizations
    if filters.initiatives:
        clauses.append(
            _among(
                "e.eid",
                "eid",
                "event_initiatives",
                f"initiative IN ({_marks(filters.initiatives)})",
                row_by_row,
            )
        )
        values += filters.initiatives
    if filters.languages:
        clauses.append(
            _among(
                "e.num",
                "num",
                "tags",
                f"kind = '{TAG_KINDS['language']}' AND value IN ({_marks(filters.languages)})",
                row_by_row,
            )
        )
        values += filters.languages
    period, period_values = _period("e", filters)
    clauses += period
    values += period_values
    if filters.text:
        clause, text_values = _text("e.num", filters.text, fts)
        clauses.append(clause)
        values += text_values
    event_clauses, event_values = _stage_and_partner(filters, row_by_row)
    clauses += event_clauses
    values += event_values
    return " AND ".join(clauses) or "1", values


# --- Summary ----------------------------------------------------------------------------


def counts(db: sqlite3.Connection, chosen: str) -> SummaryCounts:
    """Article counts by country, initiative type, organisation name, year, and country x
    type, over the articles `chosen` (an SQL condition on `num`)."""

    def count(sql: str) -> Counter[Any]:
        return Counter({tuple(key) if len(key) > 1 else key[0]: n for *key, n in db.execute(sql)})

    country, organization, initiative = (
        f"'{TAG_KINDS[kind]}'" for kind in ("country", "organization", "initiative")
    )
    tags = f"FROM tags WHERE {chosen} AND kind ="
    by_org: Counter[str] = Counter()
    for (_, name), n in count(
        "SELECT value, name, count(*) FROM tags JOIN organization_names ON id = value "
        f"WHERE {chosen} AND kind = {organization} GROUP BY value"
    ).items():
        by_org[name] += n  # two organisations may share a name
    return (
        count(f"SELECT value, count(*) {tags} {country} GROUP BY value"),
        count(f"SELECT value, count(*) {tags} {initiative} GROUP BY value"),
        by_org,
        count(f"SELECT year, count(*) FROM articles WHERE {chosen} GROUP BY year"),
        count(
            "SELECT c.value, i.value, count(*) FROM tags c JOIN tags i USING (num) "
            f"WHERE c.{chosen} AND c.kind = {country} AND i.kind = {initiative} "
            "GROUP BY c.value, i.value"
        ),
    )


def packed_counts(summary: SummaryCounts) -> list[Any]:
    """Counts as JSON-ready lists (kept in `meta` for the summary of everything)."""
    *single, matrix = summary
    return [*(dict(c) for c in single), [[*key, n] for key, n in matrix.items()]]


def unpacked_counts(packed: list[Any]) -> SummaryCounts:
    *single, matrix = packed
    by_country, by_type, by_org, by_year = (Counter(c) for c in single)
    return by_country, by_type, by_org, by_year, Counter({(c, t): n for c, t, n in matrix})


# --- Partners ---------------------------------------------------------------------------

_PARTY_KIND_NAMES = {code: kind for kind, code in PARTY_KINDS.items()}


def partners(db: sqlite3.Connection, filters: Filters, fts: bool) -> list[dict[str, Any]]:
    """Who the filter's countries deal with: each other party of the events that pass,
    with its number of events, first and last dates (of dated events, targets aside) and
    counts by stage and initiative type (`counts`). A home country's own agencies are not
    its partners. Most events first, then by name.
    """
    where, values = event_where(filters, fts)
    home = list(filters.countries)
    # The other parties of the events that pass, each with what is counted of its event,
    # gathered in one pass into a temporary table: the counts read it, not the store.
    # The first date: least first day, then least last day; the last: the reverse. Days
    # are 10 characters, so the date is what follows them in the concatenation.
    dated = "CASE WHEN e.date IS NOT NULL AND NOT e.planned THEN e.{} || e.{} || e.date END"
    db.execute("DROP TABLE IF EXISTS temp.chosen_parties")
    db.execute(
        "CREATE TEMP TABLE chosen_parties AS SELECT p.eid, p.party, p.name, p.kind, "
        f"p.country, e.stage, {dated.format('first_day', 'last_day')} AS first, "
        f"{dated.format('last_day', 'first_day')} AS last "
        "FROM events e JOIN event_parties p USING (eid) "
        f"WHERE {where} AND p.party NOT IN ({_marks(home)}) "
        f"AND NOT (p.kind = '{PARTY_KINDS['agency']}' AND p.country IN ({_marks(home)}))",
        [*values, *home, *home],
    )
    found: dict[str, dict[str, Any]] = {}
    for party, name, kind, country, events, first, last in db.execute(
        "SELECT party, min(name), min(kind), min(country), count(*), substr(min(first), 21), "
        "substr(max(last), 21) FROM chosen_parties GROUP BY party"
    ):
        found[party] = {
            "partner": name,
            "id": party,
            "kind": _PARTY_KIND_NAMES[kind],
            "country": country,
            "events": events,
            "first": first or None,
            "last": last or None,
            "counts": Counter(),
        }
    for party, key, n in db.execute(
        "SELECT party, stage, count(*) FROM chosen_parties GROUP BY 1, 2 "
        "UNION ALL SELECT p.party, i.initiative, count(*) FROM chosen_parties p "
        "JOIN event_initiatives i ON i.eid = p.eid GROUP BY 1, 2"
    ):
        found[party]["counts"][key] += n
    db.execute("DROP TABLE temp.chosen_parties")
    return sorted(found.values(), key=lambda row: (-row["events"], row["partner"]))


# --- Event counts -----------------------------------------------------------------------

YearCounts = list[tuple[str, str, int]]  # (year, key, events)


def event_counts(
    db: sqlite3.Connection, filters: Filters, fts: bool
) -> tuple[YearCounts, YearCounts]:
    """The events that pass the filters counted by year (query.year_key's: `undated`) and
    initiative type (an event of two types under each, of none under `other`), and by
    year and stage."""
    where, values = event_where(filters, fts)
    year = "coalesce(substr(e.date, 1, 4), 'undated')"
    by_type = db.execute(
        f"SELECT {year}, coalesce(i.initiative, 'other'), count(*) "
        f"FROM events e LEFT JOIN event_initiatives i USING (eid) WHERE {where} GROUP BY 1, 2",
        values,
    ).fetchall()
    by_stage = db.execute(
        f"SELECT {year}, e.stage, count(*) FROM events e WHERE {where} GROUP BY 1, 2", values
    ).fetchall()
    return by_type, by_stage
