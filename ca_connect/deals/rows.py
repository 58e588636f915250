"""Where deals stand at a date, and `caconnect deals`'s rows from the stored summaries.

Nothing here loads pydantic, the linker or the date readers: a warm `deals` reads the
stored summaries (deals/stored.py), applies the filters and `--as-of` to them and
prints; a warm `deal ID` decodes one stored record as JSON data and applies
`record_as_of` (what `status_as_of` does to a model) to it.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from ..query import one_of
from ..vocab import DEAL_STATUSES, Filters

if TYPE_CHECKING:
    from ..models import PartialDate
    from .model import Deal

STALLED_AFTER = 24  # months
# The version of the deal export records (README "Export schemas"); bumped when a field
# is added or changed.
SCHEMA_VERSION = 1
# Characters of a list cell (organisations, countries, types) in a deals table: a hub
# deal lists hundreds of organisations, and a table must read at 80 columns.
LIST_CELL = 36

Row = dict[str, Any]
Step = tuple[str, str | None, str | None]  # a history entry's stage, date and target (ISO)


class YearMonth(Protocol):
    """What a deal's status reads of a date (models.PartialDate, or a Month)."""

    @property
    def year(self) -> int: ...

    @property
    def month(self) -> int | None: ...


class Month(NamedTuple):
    """A stored date as far as stalling reads it: None for a month of a year-only date."""

    year: int
    month: int | None


def check_status(values: Collection[str]) -> tuple[str, ...]:
    """--status values, checked (UsageError names the option)."""
    return one_of("--status", values, DEAL_STATUSES)


def months_between(earlier: YearMonth, later: YearMonth) -> int:
    return (later.year - earlier.year) * 12 + (later.month or 12) - (earlier.month or 12)


def stalls(
    status: str, last_seen: YearMonth | None, as_of: YearMonth | None, stalled_after: int
) -> bool:
    """Has a deal in `status`, last seen `last_seen`, stalled by `as_of`?"""
    return (
        as_of is not None
        and last_seen is not None
        and status not in ("launch", "cancelled")
        and months_between(last_seen, as_of) > stalled_after
    )


def status_as_of(deal: Deal, as_of: PartialDate | None, stalled_after: int = STALLED_AFTER) -> Deal:
    """A deal as it stands at `as_of`: `stalled` when, not launched or cancelled, its
    newest dated event is more than `stalled_after` months older; its missed targets."""
    from ..models import PartialDate  # here only: the rest of this module needs no models

    history = [(h.stage, _iso(h.date), _iso(h.target)) for h in deal.history]
    missed = missed_targets(history, _iso(as_of))
    update: dict = {"missed_targets": [PartialDate.parse(target) for target in missed]}
    if stalls(deal.status, deal.last_seen, as_of, stalled_after):
        update |= {"status": "stalled", "status_date": deal.last_seen}
    return deal.model_copy(update=update)


def export_record(record: Row) -> Row:
    """The public export schema of one deal (README "Export schemas") from its record
    (model.Deal as JSON data)."""
    return {"schema_version": SCHEMA_VERSION, **record, "events": len(record["history"])}


def record_as_of(record: Row, as_of: str | None, stalled_after: int = STALLED_AFTER) -> Row:
    """`status_as_of` of a deal's stored record (model.Deal as JSON data, dates as ISO
    text; `as_of` too): the same record, without building the model (`deal ID`)."""
    history = [(h["stage"], h["date"], h["target"]) for h in record["history"]]
    record = {**record, "missed_targets": missed_targets(history, as_of)}
    last_seen = record["last_seen"]
    if stalls(record["status"], month_of(last_seen), month_of(as_of), stalled_after):
        record |= {"status": "stalled", "status_date": last_seen}
    return record


def missed_targets(history: list[Step], as_of: str | None) -> list[str]:
    """The targets (ISO dates) of a history of (stage, date, target) that passed by `as_of`
    with no launch on or before them, each once, in history order."""
    missed: list[str] = []
    if as_of is None:
        return missed
    for _, _, target in history:
        if target is None or last_day(target) >= first_day(as_of):
            continue
        launched = any(
            stage == "launch" and date and first_day(date) <= last_day(target)
            for stage, date, _ in history
        )
        if not launched and target not in missed:
            missed.append(target)
    return missed


def first_day(date: str) -> str:
    """The first day of an ISO date of any precision (`2025-03` -> `2025-03-01`)."""
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def last_day(date: str) -> str:
    """The last day of an ISO date of any precision (`2024-02` -> `2024-02-29`)."""
    if len(date) >= 10:
        return date
    year, _, month = date.partition("-")
    month = month or "12"
    return f"{date[:4]}-{month}-{monthrange(int(year), int(month))[1]:02d}"


def _iso(date: PartialDate | None) -> str | None:
    return date.isoformat() if date is not None else None


def month_of(date: str | None) -> Month | None:
    """The Month of an ISO date of any precision."""
    if date is None:
        return None
    year, _, month = date.partition("-")
    return Month(int(year), int(month[:2]) if month else None)


def summary_row(
    summary: Row,
    filters: Filters,
    statuses: Collection[str],
    as_of: YearMonth | None,
    stalled_after: int,
    text_articles: Collection[str] | None,
) -> Row | None:
    """A stored summary's row as the deal stands at `as_of`, if it passes the filters:
    the same answer as `deal_row` of `select_deals`, without building the deal."""
    row = summary["row"]
    seen = summary["last_seen"]
    last_seen = Month(*seen) if seen else None
    if stalls(row["status"], last_seen, as_of, stalled_after):
        row = {**row, "status": "stalled"}
    if statuses and row["status"] not in statuses:
        return None
    if filters.countries and not (
        set(filters.countries) & (set(summary["party_ids"]) | set(summary["party_countries"]))
    ):
        return None
    ids = set(summary["party_ids"])
    if filters.organizations and not ids & set(filters.organizations):
        return None
    if filters.initiatives and not set(filters.initiatives) & set(row["initiatives"]):
        return None
    if filters.since or filters.until:
        first, last = summary["first_day"], summary["last_day"]
        if first is None or last is None:
            return None
        if filters.since and last < filters.since.first_day().isoformat():
            return None
        if filters.until and first > filters.until.last_day().isoformat():
            return None
    if filters.stages and not set(filters.stages) & set(summary["stages"]):
        return None
    if filters.partners and not ids & set(filters.partners):
        return None
    if text_articles is not None and not set(summary["articles"]) & set(text_articles):
        return None
    return row


def select_deal_rows(
    corpus: Any,
    filters: Filters,
    *,
    statuses: Collection[str] = (),
    as_of: YearMonth | None = None,
    stalled_after: int = STALLED_AFTER,
) -> list[Row]:
    """`caconnect deals`: the rows of the deals that pass the filters, as they stand at
    `as_of` (default: the newest article's month, corpus.newest_month), first seen
    first; read from the summaries the index keeps, no deal is built."""
    when = as_of or corpus.newest_month()
    text_articles = None
    if filters.text:
        text_articles = {a.id for a in corpus.select(Filters(text=filters.text))}
    rows = (
        summary_row(summary, filters, statuses, when, stalled_after, text_articles)
        for summary in corpus.deal_summaries()
    )
    return [row for row in rows if row is not None]


def shown_row(summary: Row) -> list[Any]:
    """What a `deals` table without filters reads of a stored summary (kept apart in the
    index: decoding the whole summaries was half the command): when the deal was last
    seen, and its row as `table_row` cuts it (its status may still turn `stalled`)."""
    return [summary["last_seen"], table_row(summary["row"])]


def select_shown_rows(
    shown: Iterable[list[Any]],
    *,
    statuses: Collection[str] = (),
    as_of: YearMonth | None,
    stalled_after: int = STALLED_AFTER,
) -> list[Row]:
    """The table rows of every deal (`shown_row`s, first seen first) in `statuses`, as
    they stand at `as_of`: `table_row` of what `select_deal_rows` gives without filters."""
    rows = []
    for seen, row in shown:
        if stalls(row["status"], Month(*seen) if seen else None, as_of, stalled_after):
            row["status"] = "stalled"
        if not statuses or row["status"] in statuses:
            rows.append(row)
    return rows


def table_row(row: Row) -> Row:
    """A deal's row as a table shows it: each list cut to the items that fit in LIST_CELL
    characters, then `… +N more` (a first item too long for it cut with `…`). CSV and
    JSON keep every item."""
    return {
        column: _fitted(value) if isinstance(value, list) else value
        for column, value in row.items()
    }


def _fitted(items: list[str]) -> list[str]:
    """The most items that fit, read from the front (a hub deal's list has hundreds)."""
    if sum(map(len, items)) + 2 * len(items) - 2 <= LIST_CELL:  # ", " between items
        return items
    shown, length = 0, -2
    for count, item in enumerate(items[:-1], 1):
        length += 2 + len(item)
        if length + len(f", … +{len(items) - count} more") > LIST_CELL:
            break
        shown = count
    if shown:
        return [*items[:shown], f"… +{len(items) - shown} more"]
    more = [f"… +{len(items) - 1} more"] if len(items) > 1 else []
    room = LIST_CELL - sum(len(m) + 2 for m in more)
    return [items[0][: room - 1] + "…", *more]
