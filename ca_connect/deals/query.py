"""Deals for commands: filters, table rows, export records. No I/O of its own.

Filters mean what they mean for events: `--country` a party (a country, or an
organisation of it), `--org` a party, `--type` an initiative type of the deal, `--since`
/ `--until` a deal active in the period (first to last seen overlaps it), `--text` a
phrase in one of its articles (the caller finds those articles).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ..query import Filters, fields_row, snippet
from .rows import SCHEMA_VERSION, STALLED_AFTER, export_record, shown_row, status_as_of
from .stored import pack

if TYPE_CHECKING:  # the models are what callers hand in: `deals` needs only the fields
    from ..models import PartialDate
    from .model import Deal, HistoryEntry

Row = dict[str, Any]


def deal_matches(
    deal: Deal,
    filters: Filters,
    statuses: Collection[str] = (),
    text_articles: Collection[str] | None = None,
) -> bool:
    """Does a deal pass the filters (module docstring)? `text_articles`: the ids of the
    articles that contain `filters.text`."""
    if statuses and deal.status not in statuses:
        return False
    if filters.countries and not any(
        p.id in filters.countries or p.country in filters.countries for p in deal.parties
    ):
        return False
    if filters.organizations and not any(p.id in filters.organizations for p in deal.parties):
        return False
    if filters.initiatives and not set(filters.initiatives) & set(deal.initiatives):
        return False
    if filters.since or filters.until:
        if deal.first_seen is None or deal.last_seen is None:
            return False
        if filters.since and deal.last_seen.last_day() < filters.since.first_day():
            return False
        if filters.until and deal.first_seen.first_day() > filters.until.last_day():
            return False
    if filters.stages and not any(h.event_stage in filters.stages for h in deal.history):
        return False
    if filters.partners and not any(p.id in filters.partners for p in deal.parties):
        return False
    return text_articles is None or any(s.article in text_articles for s in deal.sources)


# The fields of each deal view, in order: its rows are built from them (query.fields_row),
# so each CSV header is known from the code alone, and printed when no deal passes.
# `caconnect deals`:
DEAL_ROW_FIELDS = (
    "id",
    "status",
    "first",
    "last",
    "events",
    "articles",
    "outlets",
    "title",
    "organizations",
    "countries",
    "initiatives",
)


def deal_row(deal: Deal) -> Row:
    """One row of `caconnect deals`, whole: a terminal table cuts it to fit (tables.py),
    CSV and JSON keep every name."""
    active = [p for p in deal.parties if not p.dropped]
    return fields_row(
        DEAL_ROW_FIELDS,
        (
            deal.id,
            deal.status,
            deal.first_seen.isoformat() if deal.first_seen else None,
            deal.last_seen.isoformat() if deal.last_seen else None,
            len(deal.history),
            deal.articles,
            deal.outlets,
            deal.name,
            [p.name for p in active if p.kind != "country"],
            [p.id for p in active if p.kind == "country"],
            list(deal.initiatives),
        ),
    )


def deal_summary(deal: Deal) -> Row:
    """What `deals` reads of a deal, stored ready in the index (deals/store.py): its row
    as its events leave it, and the fields the filters and `--as-of` need."""
    return {
        "row": deal_row(deal),
        "party_ids": [p.id for p in deal.parties],
        "party_countries": sorted({p.country for p in deal.parties if p.country}),
        "stages": sorted({h.event_stage for h in deal.history}),
        "first_day": deal.first_seen.first_day().isoformat() if deal.first_seen else None,
        "last_day": deal.last_seen.last_day().isoformat() if deal.last_seen else None,
        "last_seen": [deal.last_seen.year, deal.last_seen.month] if deal.last_seen else None,
        "articles": [s.article for s in deal.sources],
    }


def summary_columns(deal: Deal) -> tuple[bytes, bytes]:
    """A deal's `deal_summaries` columns (deals/stored.py): its summary, and apart what
    a table without filters shows of it (rows.shown_row), packed."""
    summary = deal_summary(deal)
    return pack(json.dumps(summary)), pack(json.dumps(shown_row(summary)))


def deal_record(deal: Deal) -> Row:
    """The public export schema of one deal (README "Export schemas")."""
    return export_record(deal.model_dump(mode="json"))


# `export --deals` as CSV (README: Export schemas).
DEAL_CSV_FIELDS = (
    "schema_version",
    "id",
    "name",
    "named",
    "status",
    "status_date",
    "first_seen",
    "last_seen",
    "parties",
    "party_ids",
    "dropped_parties",
    "initiatives",
    "events",
    "stages",
    "missed_targets",
    "amounts",
    "articles",
    "outlets",
    "article_ids",
    "sources",
)


def deal_csv_record(deal: Deal) -> Row:
    """One CSV row per deal: lists joined by `;`, history and sources counted or listed."""
    return fields_row(
        DEAL_CSV_FIELDS,
        (
            SCHEMA_VERSION,
            deal.id,
            deal.name,
            deal.named,
            deal.status,
            _iso(deal.status_date),
            _iso(deal.first_seen),
            _iso(deal.last_seen),
            [p.name for p in deal.parties],
            [p.id for p in deal.parties],
            [p.id for p in deal.parties if p.dropped],
            list(deal.initiatives),
            len(deal.history),
            [h.stage for h in deal.history],
            [d.isoformat() for d in deal.missed_targets],
            list(deal.amounts),
            deal.articles,
            deal.outlets,
            [s.article for s in deal.sources],
            sorted({s.source for s in deal.sources if s.source}),
        ),
    )


# `export --deal-events` (README: Export schemas).
DEAL_EVENT_FIELDS = (
    "schema_version",
    "deal_id",
    "deal_name",
    "deal_status",
    "stage",
    "event_stage",
    "date",
    "date_precision",
    "target",
    "parties",
    "initiatives",
    "amounts",
    "article",
    "event",
    "source",
    "url",
    "evidence",
)


def deal_event_records(deals: Iterable[Deal]) -> list[Row]:
    """`export --deal-events`: one row per event of each deal, in history order."""
    return [_event_record(deal, entry) for deal in deals for entry in deal.history]


def _event_record(deal: Deal, entry: HistoryEntry) -> Row:
    return fields_row(
        DEAL_EVENT_FIELDS,
        (
            SCHEMA_VERSION,
            deal.id,
            deal.name,
            deal.status,
            entry.stage,
            entry.event_stage,
            _iso(entry.date),
            entry.date_precision,
            _iso(entry.target),
            list(entry.parties),
            list(entry.initiatives),
            list(entry.amounts),
            entry.article,
            entry.event,
            entry.source,
            entry.url,
            entry.evidence,
        ),
    )


# `timeline --deals`.
DEAL_TIMELINE_FIELDS = ("deal", "date", "stage", "parties", "evidence", "article")


def deal_timeline_rows(deals: Iterable[Deal]) -> list[Row]:
    """`timeline --deals`: each deal's events grouped under it, in history order."""
    rows = []
    for deal in deals:
        labels = {party.id: _label(party) for party in deal.parties}
        for entry in deal.history:
            rows.append(
                fields_row(
                    DEAL_TIMELINE_FIELDS,
                    (
                        deal.id,
                        _iso(entry.date),
                        entry.stage,
                        [labels.get(p, p) for p in entry.parties],
                        snippet(entry.evidence, 60),
                        entry.article,
                    ),
                )
            )
    return rows


def _iso(date: Any) -> str | None:
    return date.isoformat() if date is not None else None


def _label(party: Any) -> str:
    return party.id if party.kind == "country" else party.name


def sort_deals(deals: Iterable[Deal]) -> list[Deal]:
    """First seen first (never-dated last), then id: the order every deal command uses."""
    return sorted(deals, key=deal_order)


def deal_order(deal: Deal) -> str:
    """The sort key of `sort_deals`, as text (the index orders summaries by it)."""
    first = "1" if deal.first_seen is None else f"0{deal.first_seen}"
    return f"{first}\x00{deal.id}"


def select_deals(
    corpus: Any,
    filters: Filters,
    *,
    statuses: Collection[str] = (),
    as_of: PartialDate | None = None,
    stalled_after: int = STALLED_AFTER,
    deal_id: str | None = None,
) -> list[Deal]:
    """The deals of a corpus (corpus.Corpus) that pass the filters (only the one with
    `deal_id`, if given), as they stand at `as_of` (default: the newest article's date),
    first seen first."""
    return sort_deals(
        matching_deals(
            corpus,
            filters,
            statuses=statuses,
            as_of=as_of,
            stalled_after=stalled_after,
            deal_id=deal_id,
        )
    )


def matching_deals(
    corpus: Any,
    filters: Filters,
    *,
    statuses: Collection[str] = (),
    as_of: PartialDate | None = None,
    stalled_after: int = STALLED_AFTER,
    deal_id: str | None = None,
) -> Iterator[Deal]:
    """select_deals one deal at a time, in stored order: a caller that keeps a few
    (`report`'s top N) never holds them all."""
    when = as_of or corpus.newest_date()
    found = corpus.each_deal() if deal_id is None else [d for d in [corpus.deal(deal_id)] if d]
    text_articles = None
    if filters.text:
        text_articles = {a.id for a in corpus.select(Filters(text=filters.text))}
    for deal in found:
        deal = status_as_of(deal, when, stalled_after)
        if deal_matches(deal, filters, statuses, text_articles):
            yield deal
