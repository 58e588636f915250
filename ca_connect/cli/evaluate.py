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
    from ..evaluate.tags import EVALUATION_FIELDS, SCORE_FIELDS, load_gold
    from ..evaluate.tags import evaluate as score
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
    if events_gold is not None or deals_gold is not None:
        _evaluate_events_and_deals(
            ctx, gold, events_gold, deals_gold, loaded.articles, dictionary, entities.parent
        )
        return
    predicted = {Path(a.path).name: tagger.tag(a) for a in loaded.articles}
    labels = load_gold(gold)
    if labels and not any(record.file in predicted for record in labels):
        raise CaconnectError(
            f"{articles}: none of the {len(labels)} articles of {gold} is here; "
            "give their folder with --data"
        )
    result = score(labels, predicted, tagger)
    keep = {gold: "the gold file", entities: "the entity dictionary"}
    keep.update({Path(a.path): "a gold article" for a in loaded.articles})
    if details:
        sections = result.sections()
        _write(
            output,
            ctx.obj["data_dir"],
            lambda f: render_sections(sections, fmt, f, columns=EVALUATION_FIELDS, wide=_wide()),
            keep,
        )
    else:
        rows = result.rows()
        _write(
            output,
            ctx.obj["data_dir"],
            lambda file: render(rows, fmt, file, columns=SCORE_FIELDS, wide=_wide()),
            keep,
        )
    failing = result.below(min_f1) if min_f1 is not None else []
    if failing:
        click.echo(f"Error: below --min-f1 {min_f1}: {', '.join(failing)}", err=True)
        ctx.exit(EXIT_DATA_ERROR)


def _evaluate_events_and_deals(
    ctx: click.Context,
    gold: Path,
    events_gold: Path | None,
    deals_gold: Path | None,
    articles: list[Any],
    dictionary: Any,
    data_root: Path,
) -> None:
    """`eval --events` and/or `eval --deals`, the articles analysed once for both; with both
    options the tables follow each other and the two details sections are named apart."""
    from ..errors import UsageError
    from ..evaluate.events import EVENT_EVALUATION_FIELDS
    from ..events import analyse
    from ..output import render_sections

    for option, path in (("--events", events_gold), ("--deals", deals_gold)):
        if path is not None and not path.is_file():
            raise UsageError(f"{option} {path}: no such file")
    fmt, output, details = ctx.params["fmt"], ctx.params["output"], ctx.params["details"]
    analysed = {article.id: analyse(article, dictionary) for article in articles}
    both = events_gold is not None and deals_gold is not None
    sections: dict[str, list[Any]] = {}
    columns: dict[str, tuple[str, ...]] = {}  # the deals' tables: only their rows' keys
    failing = None
    if events_gold is not None:
        event_sections, failing = _event_sections(gold, events_gold, analysed, dictionary, details)
        event_details = "event_details" if both else "details"
        sections.update(_details_as(event_sections, event_details))
        columns.update(_details_as(EVENT_EVALUATION_FIELDS, event_details))
    if deals_gold is not None:
        deal_sections = _deal_sections(deals_gold, analysed, dictionary, data_root, details)
        sections.update(_details_as(deal_sections, "deal_details" if both else "details"))
    _write(
        output,
        ctx.obj["data_dir"],
        lambda file: render_sections(sections, fmt, file, columns=columns),
    )
    min_f1 = ctx.params["min_f1"]
    if failing is not None and min_f1 is not None and failing < min_f1:
        click.echo(f"Error: below --min-f1 {min_f1}: events F1 {failing:.3f}", err=True)
        ctx.exit(EXIT_DATA_ERROR)


def _details_as(sections: dict[str, Any], name: str) -> dict[str, Any]:
    """Sections with `details` named `name` (with both --events and --deals, each has one)."""
    return {name if key == "details" else key: value for key, value in sections.items()}


def _event_sections(
    gold: Path, events_gold: Path, analysed: dict[str, Any], dictionary: Any, details: bool
) -> tuple[dict[str, list[Any]], float]:
    """`eval --events`: recall and precision per stage, then field accuracy of matches;
    with the overall F1 for `--min-f1`."""
    from ..evaluate.events import evaluate_events, load_event_gold
    from ..evaluate.tags import load_gold

    result = evaluate_events(load_event_gold(events_gold), analysed, dictionary, load_gold(gold))
    return result.sections(details), result.overall.f1


def _deal_sections(
    deals_gold: Path,
    analysed: dict[str, Any],
    dictionary: Any,
    data_root: Path,
    details: bool,
) -> dict[str, list[Any]]:
    """`eval --deals`: articles -> deals B-cubed, history events recovered, statuses.
    Named deals: DIR/deals.yaml beside the dictionary used."""
    from ..deals.evaluate import load_gold_deals, score_articles
    from ..deals.named import deals_path, load_named_deals

    named = load_named_deals(deals_path(data_root), dictionary)
    result = score_articles(load_gold_deals(deals_gold), list(analysed.values()), named, dictionary)
    sections: dict[str, list[Any]] = {"deals": result.rows(), "per_deal": result.per_deal}
    if details:
        sections["details"] = result.details
    return sections
