"""`eval`: tags, events and deals scored against gold labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .group import EXIT_DATA_ERROR, cli
from .options import (
    _wide,
    _write,
    output_options,
)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--data",
    "articles_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the gold articles (DIR/articles/ or DIR itself); default: beside GOLD.",
)
@click.option(
    "--events",
    "events_gold",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Score deal events against this gold events file instead of the tags.",
)
@click.option(
    "--deals",
    "deals_gold",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Score deals against this gold deals file (form of shared/deals/deals.yaml).",
)
@click.option("--details", is_flag=True, help="List every miss and every false tag (or event).")
@click.option(
    "--min-f1",
    type=click.FloatRange(0, 1),
    help="Exit 1 when any field's F1 (date: accuracy) is below this.",
)
@output_options
@click.pass_context
def evaluate(
    ctx: click.Context,
    gold: Path,
    articles_dir: Path | None,
    events_gold: Path | None,
    deals_gold: Path | None,
    details: bool,
    min_f1: float | None,
    fmt: str,
    output: Path | None,
) -> None:
    """Score the tagger against gold labels: precision, recall and F1 per field.

    The dictionary is DIR/entities.yaml if there is one, else the main --data folder's.
    The index is not used: gold folders stay untouched.

    \b
    Example:
        caconnect eval ../shared/corpus/gold.yaml --details
        caconnect eval ../shared/seeds/gold.yaml --min-f1 0.95
        caconnect eval ../shared/corpus/gold.yaml --events ../shared/corpus/events-gold.yaml
        caconnect eval ../shared/deals/gold.yaml --deals ../shared/deals/deals.yaml
    """
    from ..dictionary import load_dictionary
    from ..errors import CaconnectError, UsageError
    from ..evaluate.tags import evaluate as score
    from ..evaluate.tags import load_gold
    from ..loader import load_articles
    from ..output import render, render_sections
    from ..packaged import dictionary_file
    from ..tagging.tagger import tagger_for

    if not gold.is_file():
        raise UsageError(f"GOLD {gold}: no such file")
    folder = articles_dir or gold.parent
    if not folder.is_dir():
        raise UsageError(f"--data {folder}: no such folder")
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    entities = folder / "entities.yaml"
    if not entities.is_file():
        entities = dictionary_file(ctx.obj["data_dir"])
    dictionary = load_dictionary(entities)
    tagger = tagger_for(dictionary)
    loaded = load_articles(articles, ctx.obj["max_article_size"])
    for error in loaded.errors:
        click.echo(f"Error: {error}", err=True)
    if events_gold is not None:
        _evaluate_events(ctx, gold, events_gold, loaded.articles, dictionary, details, min_f1)
        return
    if deals_gold is not None:
        _evaluate_deals(ctx, deals_gold, loaded.articles, dictionary, entities.parent, details)
        return
    predicted = {Path(a.path).name: tagger.tag(a) for a in loaded.articles}
    labels = load_gold(gold)
    if labels and not any(record.file in predicted for record in labels):
        raise CaconnectError(
            f"{articles}: none of the {len(labels)} articles of {gold} is here; "
            "give their folder with --data"
        )
    result = score(labels, predicted, tagger)
    rows = result.rows()
    keep = {gold: "the gold file", entities: "the entity dictionary"}
    keep.update({Path(a.path): "a gold article" for a in loaded.articles})
    if details:
        findings = [vars(finding) for finding in result.findings]
        sections = {"scores": rows, "details": findings}
        _write(
            output,
            ctx.obj["data_dir"],
            lambda f: render_sections(sections, fmt, f, wide=_wide()),
            keep,
        )
    else:
        _write(
            output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file, wide=_wide()), keep
        )
    failing = result.below(min_f1) if min_f1 is not None else []
    if failing:
        click.echo(f"Error: below --min-f1 {min_f1}: {', '.join(failing)}", err=True)
        ctx.exit(EXIT_DATA_ERROR)


def _evaluate_events(
    ctx: click.Context,
    gold: Path,
    events_gold: Path,
    articles: list[Any],
    dictionary: Any,
    details: bool,
    min_f1: float | None,
) -> None:
    """`eval --events`: recall and precision per stage, then field accuracy of matches."""
    from ..errors import UsageError
    from ..evaluate.events import evaluate_events, load_event_gold
    from ..evaluate.tags import load_gold
    from ..events import analyse
    from ..output import render_sections

    if not events_gold.is_file():
        raise UsageError(f"--events {events_gold}: no such file")
    fmt, output = ctx.params["fmt"], ctx.params["output"]
    predicted = {article.id: analyse(article, dictionary) for article in articles}
    result = evaluate_events(load_event_gold(events_gold), predicted, dictionary, load_gold(gold))
    sections: dict[str, list[Any]] = {
        "events": result.stage_rows(),
        "matched_events_fields": result.field_rows(),
    }
    if details:
        sections["details"] = [vars(finding) for finding in result.findings]
    _write(output, ctx.obj["data_dir"], lambda file: render_sections(sections, fmt, file))
    overall = result.overall
    if min_f1 is not None and overall.f1 < min_f1:
        click.echo(f"Error: below --min-f1 {min_f1}: events F1 {overall.f1:.3f}", err=True)
        ctx.exit(EXIT_DATA_ERROR)


def _evaluate_deals(
    ctx: click.Context,
    deals_gold: Path,
    articles: list[Any],
    dictionary: Any,
    data_root: Path,
    details: bool,
) -> None:
    """`eval --deals`: articles -> deals B-cubed, history events recovered, statuses.
    Named deals: DIR/deals.yaml beside the dictionary used."""
    from ..deals.evaluate import load_gold_deals, score_articles
    from ..deals.named import deals_path, load_named_deals
    from ..errors import UsageError
    from ..events import analyse
    from ..output import render_sections

    if not deals_gold.is_file():
        raise UsageError(f"--deals {deals_gold}: no such file")
    fmt, output = ctx.params["fmt"], ctx.params["output"]
    named = load_named_deals(deals_path(data_root), dictionary)
    analysed = [analyse(article, dictionary) for article in articles]
    result = score_articles(load_gold_deals(deals_gold), analysed, named, dictionary)
    sections: dict[str, list[Any]] = {"deals": result.rows(), "per_deal": result.per_deal}
    if details:
        sections["details"] = result.details
    _write(output, ctx.obj["data_dir"], lambda file: render_sections(sections, fmt, file))
