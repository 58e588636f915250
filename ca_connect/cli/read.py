"""The commands that read the corpus: timeline, articles, show, summary, partners, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .group import cli
from .options import (
    _deals,
    _did_you_mean,
    _filters,
    _finish,
    _no_event_filters,
    _open,
    _wide,
    _without_suffix,
    _write,
    deal_options,
    event_options,
    filter_options,
    force_option,
    output_options,
)


@cli.command()
@filter_options
@event_options
@click.option(
    "--articles", "by_article", is_flag=True, help="One row per article and its tags instead."
)
@click.option(
    "--deals", "by_deal", is_flag=True, help="Events grouped under their deal (see `deals`)."
)
@deal_options
@output_options
@click.pass_context
def timeline(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    by_article: bool,
    by_deal: bool,
    **params: Any,
) -> None:
    """Deal events in date order (undated last): date, stage, parties, types, evidence.

    Filters apply to each event: its parties, initiative types, date and stage.

    \b
    Example:
        caconnect timeline --country TM
        caconnect timeline --stage agreement --partner China
        caconnect timeline --articles --type satellite --since 2025 --format csv
        caconnect timeline --deals --country KZ
    """
    from ..errors import UsageError
    from ..output import render, render_lines, render_table_stream

    if by_article and by_deal:
        raise UsageError("--articles and --deals are two views: choose one")
    if by_article:
        _no_event_filters(params, "with --articles")
    corpus = _open(ctx)
    if by_deal:
        from ..deals.query import DEAL_TIMELINE_FIELDS, deal_timeline_rows

        rows = deal_timeline_rows(_deals(corpus, params))
        lines = None
    else:
        lines = corpus.lines(_filters(corpus, params), "timeline", events=not by_article)
    if lines is not None and fmt != "table":  # streamed as stored
        _write(output, ctx.obj["data_dir"], lambda file: render_lines(lines, fmt, file))
    elif fmt == "table":
        shown = (_for_table(row) for row in (lines.rows() if lines is not None else rows))
        _write(
            output,
            ctx.obj["data_dir"],
            lambda file: render_table_stream(shown, file, wide=_wide()),
        )
    else:
        _write(
            output,
            ctx.obj["data_dir"],
            lambda file: render(rows, fmt, file, columns=DEAL_TIMELINE_FIELDS),
        )
    _finish(ctx, corpus)


def _for_table(row: dict[str, Any]) -> dict[str, Any]:
    """A timeline row as a table shows it: `undated`, `planned`."""
    row["date"] = row["date"] or "undated"
    if "planned" in row:
        row["planned"] = "planned" if row["planned"] else ""
    return row


@cli.command()
@filter_options
@output_options
@click.pass_context
def articles(ctx: click.Context, fmt: str, output: Path | None, **params: Any) -> None:
    """The filtered list of articles: id, date, source, title.

    \b
    Example:
        caconnect articles --org huawei --since 2025
    """
    from ..output import render_lines

    corpus = _open(ctx)
    lines = corpus.lines(_filters(corpus, params), "list")
    _write(output, ctx.obj["data_dir"], lambda file: render_lines(lines, fmt, file, wide=_wide()))
    _finish(ctx, corpus)


@cli.command()
@click.argument("article_id")
@output_options
@click.pass_context
def show(ctx: click.Context, article_id: str, fmt: str, output: Path | None) -> None:
    """One article with its tags, and its text with every mention highlighted.

    \b
    Example:
        caconnect show 004_c790570d8809d829
    """
    from ..errors import UsageError, shown
    from ..output import render, render_article

    corpus = _open(ctx)
    found = corpus.article_records([article_id]) or corpus.article_records(
        [_without_suffix(article_id)]
    )
    if not found:
        raise UsageError(
            f"no article with id {shown(article_id)}{_did_you_mean(corpus, article_id)} "
            "(see `caconnect articles`)"
        )
    if fmt == "table":
        article = corpus.get(found[0]["id"])
        _write(output, ctx.obj["data_dir"], lambda file: render_article(article, file))
    else:  # the export record as stored: no model decoded
        _write(output, ctx.obj["data_dir"], lambda file: render(found, fmt, file, wide=_wide()))
    _finish(ctx, corpus)


@cli.command()
@filter_options
@output_options
@click.pass_context
def summary(ctx: click.Context, fmt: str, output: Path | None, **params: Any) -> None:
    """Article counts by country, initiative type, organisation and year, and country x type.

    \b
    Example:
        caconnect summary --since 2024
    """
    from ..output import render_sections
    from ..query import SUMMARY_FIELDS

    corpus = _open(ctx)
    sections = corpus.summary(_filters(corpus, params))
    _write(
        output,
        ctx.obj["data_dir"],
        lambda file: render_sections(sections, fmt, file, columns=SUMMARY_FIELDS, wide=_wide()),
    )
    _finish(ctx, corpus)


@cli.command()
@filter_options
@event_options
@output_options
@click.pass_context
def partners(ctx: click.Context, fmt: str, output: Path | None, **params: Any) -> None:
    """Who a country deals with: each partner in its deal events, with counts by stage and
    initiative type, and the first and last dates.

    \b
    Example:
        caconnect partners --country TJ
        caconnect partners --country Kazakhstan --type satellite --since 2024
    """
    from ..errors import UsageError
    from ..output import render
    from ..query import PARTNER_FIELDS

    if not params["countries"]:
        raise UsageError("--country is required: whose partners to list (e.g. --country TJ)")
    corpus = _open(ctx)
    rows = corpus.partners(_filters(corpus, params))
    _write(
        output,
        ctx.obj["data_dir"],
        lambda file: render(rows, fmt, file, columns=PARTNER_FIELDS, wide=_wide()),
    )
    _finish(ctx, corpus)


@cli.command()
@filter_options
@event_options
@click.option(
    "--events",
    "by_event",
    is_flag=True,
    help="One record per deal event (schema in the README) instead of per article.",
)
@click.option("--deals", "by_deal", is_flag=True, help="One record per deal (see `deals`).")
@click.option(
    "--deal-events", "by_deal_event", is_flag=True, help="One record per event of each deal."
)
@click.option(
    "--status", "statuses", multiple=True, help="With --deals: only deals in this status."
)
@deal_options
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["csv", "json", "jsonl"]),
    default="jsonl",
    show_default=True,
    help="Export format (schema in the README).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Write to this file instead of standard output.",
)
@force_option
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    by_event: bool,
    by_deal: bool,
    by_deal_event: bool,
    statuses: tuple[str, ...],
    **params: Any,
) -> None:
    """The filtered articles with their tags and mentions, or their deal events, for researchers.

    \b
    Example:
        caconnect export --format csv --country TJ -o tajikistan.csv
        caconnect export --events --format json --stage agreement
        caconnect export --deals --format csv --country KZ -o deals.csv
    """
    from ..errors import UsageError
    from ..output import render, render_lines

    if by_event + by_deal + by_deal_event > 1:
        raise UsageError("--events, --deals and --deal-events are three exports: choose one")
    if statuses and not (by_deal or by_deal_event):
        raise UsageError("--status selects deals: use it with --deals or --deal-events")
    if by_deal or by_deal_event:
        from ..deals import query

        corpus = _open(ctx)
        deals = _deals(corpus, params, statuses)
        if by_deal_event:
            rows, fields = query.deal_event_records(deals), query.DEAL_EVENT_FIELDS
        elif fmt == "csv":
            rows, fields = [query.deal_csv_record(d) for d in deals], query.DEAL_CSV_FIELDS
        else:  # JSON and JSON Lines: the export record (no header)
            rows, fields = [query.deal_record(d) for d in deals], ()
        _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file, columns=fields))
        _finish(ctx, corpus)
        return
    if not by_event:
        _no_event_filters(params, "without --events")
    corpus = _open(ctx)
    view = "csv" if fmt == "csv" else "export"
    lines = corpus.lines(_filters(corpus, params), view, events=by_event)
    _write(output, ctx.obj["data_dir"], lambda file: render_lines(lines, fmt, file))
    _finish(ctx, corpus)
