"""`deals` and `deal`: deals linked across articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .group import cli
from .options import (
    _as_of,
    _deals,
    _filters,
    _finish,
    _open,
    _wide,
    _write,
    deal_options,
    event_options,
    filter_options,
    output_options,
)


@cli.command()
@filter_options
@event_options
@click.option(
    "--status",
    "statuses",
    multiple=True,
    help="Only deals in this status: talks, mou, agreement, deployment, launch, plan, "
    "cancelled, stalled; repeat for any of several.",
)
@deal_options
@output_options
@click.pass_context
def deals(
    ctx: click.Context, fmt: str, output: Path | None, statuses: tuple[str, ...], **params: Any
) -> None:
    """Deals followed across articles: one row per deal with its status, first and last
    dates, parties, types, events and sources (articles and distinct outlets).

    Filters apply to each deal: its parties, types, active period, stages; --text to its
    articles.

    \b
    Example:
        caconnect deals --country KZ
        caconnect deals --status stalled --stalled-after 12
    """
    from ..deals.query import DEAL_ROW_FIELDS
    from ..deals.rows import STALLED_AFTER, check_status, select_shown_rows, table_row
    from ..output import render

    corpus = _open(ctx)
    if fmt == "table" and _filters(corpus, params).is_empty():  # rows stored ready, cut
        rows = select_shown_rows(
            corpus.shown_deal_rows(),
            statuses=check_status(statuses),
            as_of=_as_of(params) or corpus.newest_month(),
            stalled_after=params.get("stalled_after", STALLED_AFTER),
        )
    else:
        rows = _deals(corpus, params, statuses, rows=True)
        if fmt == "table":  # lists cut to a few items (CSV and JSON keep them whole)
            rows = [table_row(row) for row in rows]
    _write(
        output,
        ctx.obj["data_dir"],
        lambda file: render(rows, fmt, file, columns=DEAL_ROW_FIELDS, wide=_wide()),
    )
    _finish(ctx, corpus)


@cli.command()
@click.argument("deal_id")
@deal_options
@output_options
@click.pass_context
def deal(ctx: click.Context, deal_id: str, fmt: str, output: Path | None, **params: Any) -> None:
    """One deal's storyline: each event with its date, stage, parties, evidence and
    article; its parties (when each joined, who dropped out), status and sources.

    \b
    Example:
        caconnect deal starlink-spacex-turkmenistan
        caconnect deal starlink-spacex-turkmenistan --format json
    """
    from ..deals.render import render_deal
    from ..deals.rows import export_record, record_as_of
    from ..errors import UsageError
    from ..output import render

    corpus = _open(ctx)
    as_of = _as_of(params)
    record = corpus.deal_data(deal_id)  # as stored: no model built (deals/rows.py)
    if record is None:
        raise UsageError(f"no deal with id {deal_id!r} (see `caconnect deals`)")
    when = as_of.isoformat() if as_of else corpus.newest_iso()
    record = record_as_of(record, when, params["stalled_after"])
    if fmt == "table":
        _write(output, ctx.obj["data_dir"], lambda file: render_deal(record, file))
    else:
        _write(output, ctx.obj["data_dir"], lambda file: render([export_record(record)], fmt, file))
    _finish(ctx, corpus)
