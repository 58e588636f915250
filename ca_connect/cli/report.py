"""`report`: the corpus as one self-contained HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .group import _version, cli
from .options import (
    _deals,
    _filters,
    _finish,
    _open,
    _write,
    deal_options,
    event_options,
    filter_options,
    force_option,
)


@cli.command()
@filter_options
@event_options
@deal_options
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Draw this many storylines, those with the most events.",
)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write.",
)
@force_option
@click.pass_context
def report(ctx: click.Context, top: int, output: Path, **params: Any) -> None:
    """One self-contained HTML page (it opens from disk, offline): deal storylines on a
    time axis, each country's partners, events per year, and what the page stands on.
    Deals come first (status as of --as-of), then groups of the events no deal links.

    \b
    Example:
        caconnect report --country TM -o tm.html
        caconnect report --since 2024 --top 50 -o report.html
    """
    from ..corpus import DataDir
    from ..report.assemble import assemble
    from ..report.page import write_page

    corpus = _open(ctx)
    filters = _filters(corpus, params)
    deals = _deals(corpus, params, one_at_a_time=True)
    entities = DataDir(ctx.obj["data_dir"]).entities
    data = assemble(
        corpus,
        filters,
        deals,
        top=top,
        options=params,
        version=_version(),
        dictionary=entities,
    )
    _write(output, ctx.obj["data_dir"], lambda file: write_page(data, file))
    shown = data.coverage
    click.echo(
        f"Wrote {output}: {shown.shown} of {shown.storylines} storylines "
        f"({shown.shown_deals} of {shown.deals} deals), {shown.events} events, "
        f"{shown.articles} articles.",
        err=True,
    )
    _finish(ctx, corpus)
