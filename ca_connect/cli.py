"""The `caconnect` command: a thin shell over the library. The only module that knows click.

Exit codes: 0 success; 1 a data error (an article or the dictionary cannot be used;
other articles are still answered); 2 a usage error (an option or argument); 3 an
internal error (a bug: please report it with --verbose output).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # the core is imported lazily so that --help stays fast
    from .corpus import MemoryCorpus
    from .models import Filters

EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("caconnect")
    except PackageNotFoundError:  # running from a source tree
        return "unknown"


class _Group(click.Group):
    """Turns every CaconnectError into one `Error: ...` line and its exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        from .errors import CaconnectError

        try:
            return super().invoke(ctx)
        except CaconnectError as error:
            click.echo(f"Error: {error}", err=True)
            ctx.exit(error.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # `caconnect export | head`
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            ctx.exit(130)
        except Exception as error:
            if ctx.find_root().params.get("verbose"):
                raise
            click.echo(
                f"Error: internal error: {type(error).__name__}: {error} "
                "(run with --verbose for the traceback, and please report it)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default="data",
    envvar="CACONNECT_DATA",
    show_default=True,
    help="Data folder holding articles/ and entities.yaml (env: CACONNECT_DATA).",
)
@click.option("--verbose", is_flag=True, help="Show a traceback on internal errors.")
@click.version_option(version=_version(), prog_name="caconnect", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path, verbose: bool) -> None:
    """Track digital-connectivity deals in Central Asia from a folder of news articles.

    \b
    Example:
        caconnect timeline --country TM
    """
    ctx.obj = {"data_dir": data_dir}


# --- Shared options -----------------------------------------------------------------


def filter_options(command: Callable) -> Callable:
    """--country, --org, --type, --since, --until, --text: the same in every command."""
    options = [
        click.option(
            "--country",
            "countries",
            multiple=True,
            help="ISO code or name, any case; repeat for any of several.",
        ),
        click.option("--org", "organizations", multiple=True, help="Organisation id or name."),
        click.option(
            "--type", "initiatives", multiple=True, help="Initiative type, e.g. fiber, 5g."
        ),
        click.option("--since", help="From this date: 2025, 2025-03, 2025-03-03, 'March 2025'."),
        click.option("--until", help="Up to this date (same forms as --since)."),
        click.option("--text", help="A phrase in the title or body (any case)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def output_options(command: Callable) -> Callable:
    """--format and --output: how and where rows are written."""
    command = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of standard output.",
    )(command)
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(["table", "csv", "json", "jsonl"]),
        default="table",
        show_default=True,
        help="table on a terminal is a rich table, plain text when piped.",
    )(command)


# --- Helpers shared by commands ------------------------------------------------------


def _open(ctx: click.Context) -> MemoryCorpus:
    from .corpus import DataDir, open_corpus

    corpus = open_corpus(DataDir(ctx.obj["data_dir"]))
    for error in corpus.errors:
        click.echo(f"Error: {error}", err=True)
    return corpus


def _filters(corpus: MemoryCorpus, params: dict[str, Any]) -> Filters:
    from .query import build_filters

    return build_filters(
        corpus.dictionary,
        countries=params["countries"],
        organizations=params["organizations"],
        initiatives=params["initiatives"],
        since=params["since"],
        until=params["until"],
        text=params["text"],
    )


def _finish(ctx: click.Context, corpus: MemoryCorpus) -> None:
    """Exit 1 when some articles could not be loaded (they were reported on stderr)."""
    if corpus.errors:
        ctx.exit(EXIT_DATA_ERROR)


def _write(output: Path | None, data_dir: Path, write: Callable[[Any], None]) -> None:
    """Write to stdout, or atomically to a file that is never an article of the corpus."""
    if output is None:
        write(sys.stdout)
        return
    from .errors import UsageError

    articles = (data_dir / "articles").resolve()
    target = output.resolve()
    if target.parent == articles or articles in target.parents:
        raise UsageError(f"--output {output}: refusing to write inside the articles folder")
    if not target.parent.is_dir():
        raise UsageError(f"--output {output}: folder {output.parent} does not exist")
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            write(file)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- Commands ---------------------------------------------------------------------


@cli.command()
@filter_options
@output_options
@click.pass_context
def timeline(ctx: click.Context, fmt: str, output: Path | None, **params: Any) -> None:
    """Articles in date order (undated last) with their tags.

    \b
    Example:
        caconnect timeline --country TM
        caconnect timeline --type satellite --since 2025 --format csv
    """
    from .output import render
    from .query import timeline_rows

    corpus = _open(ctx)
    rows = timeline_rows(corpus.select(_filters(corpus, params)))
    if fmt == "table":
        for row in rows:
            row["date"] = row["date"] or "undated"
    _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file))
    _finish(ctx, corpus)


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
    from .output import render

    corpus = _open(ctx)
    rows = [
        {
            "id": article.id,
            "date": article.date.isoformat() if article.date else None,
            "source": article.source,
            "title": article.title,
            "path": article.path,
        }
        for article in corpus.select(_filters(corpus, params))
    ]
    _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file))
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
    from .errors import UsageError
    from .output import render, render_article
    from .query import article_record

    corpus = _open(ctx)
    article = corpus.get(article_id)
    if article is None:
        raise UsageError(f"no article with id {article_id!r} (see `caconnect articles`)")
    if fmt == "table":
        _write(output, ctx.obj["data_dir"], lambda file: render_article(article, file))
    else:
        record = article_record(article)
        _write(output, ctx.obj["data_dir"], lambda file: render([record], fmt, file))
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
    from .output import render_sections
    from .query import summary as summarize

    corpus = _open(ctx)
    sections = summarize(corpus.select(_filters(corpus, params)))
    _write(output, ctx.obj["data_dir"], lambda file: render_sections(sections, fmt, file))
    _finish(ctx, corpus)


@cli.command()
@filter_options
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
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@click.pass_context
def export(ctx: click.Context, fmt: str, output: Path | None, **params: Any) -> None:
    """The filtered articles with their tags and mentions, for researchers.

    \b
    Example:
        caconnect export --format csv --country TJ -o tajikistan.csv
    """
    from .output import render
    from .query import article_record, csv_record

    corpus = _open(ctx)
    selected = corpus.select(_filters(corpus, params))
    rows = [csv_record(a) if fmt == "csv" else article_record(a) for a in selected]
    _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file))
    _finish(ctx, corpus)


# --- Accuracy -----------------------------------------------------------------------


@cli.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--data",
    "articles_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the gold articles (DIR/articles/ or DIR itself); default: beside GOLD.",
)
@click.option("--details", is_flag=True, help="List every miss and every false tag.")
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
    """
    from .dictionary import load_dictionary
    from .errors import UsageError
    from .evaluate import evaluate as score
    from .evaluate import load_gold
    from .extractor import tagger_for
    from .loader import load_articles
    from .output import render, render_sections

    if not gold.is_file():
        raise UsageError(f"GOLD {gold}: no such file")
    folder = articles_dir or gold.parent
    if not folder.is_dir():
        raise UsageError(f"--data {folder}: no such folder")
    articles = folder / "articles" if (folder / "articles").is_dir() else folder
    entities = folder / "entities.yaml"
    if not entities.is_file():
        entities = ctx.obj["data_dir"] / "entities.yaml"
    tagger = tagger_for(load_dictionary(entities))
    loaded = load_articles(articles)
    for error in loaded.errors:
        click.echo(f"Error: {error}", err=True)
    predicted = {Path(a.path).name: tagger.tag(a) for a in loaded.articles}
    result = score(load_gold(gold), predicted)
    rows = result.rows()
    if details:
        findings = [vars(finding) for finding in result.findings]
        sections = {"scores": rows, "details": findings}
        _write(output, ctx.obj["data_dir"], lambda file: render_sections(sections, fmt, file))
    else:
        _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file))
    failing = result.below(min_f1) if min_f1 is not None else []
    if failing:
        click.echo(f"Error: below --min-f1 {min_f1}: {', '.join(failing)}", err=True)
        ctx.exit(EXIT_DATA_ERROR)
