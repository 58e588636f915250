"""The `caconnect` command: a thin shell over the library. The only module that knows click.

Exit codes: 0 success; 1 a data error (an article or the dictionary cannot be used;
other articles are still answered); 2 a usage error (an option or argument); 3 an
internal error (a bug: please report it with --verbose output).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:  # the core is imported lazily so that --help stays fast
    from ..corpus import Corpus, DataDir
    from ..models import Filters

EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("caconnect")
    except PackageNotFoundError:  # running from a source tree
        return "unknown"


def _print_version(ctx: click.Context) -> None:
    """`--version`: looked up only when asked for (importlib.metadata is slow to import)."""
    click.echo(f"caconnect {_version()}")
    ctx.exit()


class _OneLineUsageError(click.UsageError):
    """click's usage error as one line, its hint kept and its usage block dropped."""

    def show(self, file: Any = None) -> None:
        hint = f" (see `{self.ctx.command_path} --help`)" if self.ctx else ""
        click.echo(f"Error: {self.format_message()}{hint}", file=file, err=True)


def _one_line(error: click.UsageError) -> _OneLineUsageError:
    return _OneLineUsageError(error.format_message(), error.ctx)


def _capped(message: str) -> str:
    """An error line with every quoted value longer than ECHO_LIMIT cut there with `…`:
    whatever value a message repeats, the line stays short."""
    import re

    from ..errors import ECHO_LIMIT

    return re.sub(
        rf"'[^'\n]{{{ECHO_LIMIT},}}'", lambda value: value.group()[: ECHO_LIMIT - 1] + "…'", message
    )


class _Group(click.Group):
    """Turns every CaconnectError into one `Error: ...` line and its exit code, and click's
    usage errors into one line too (exit 2)."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except _OneLineUsageError:
            raise
        except click.UsageError as error:  # the group's own options
            raise _one_line(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        from ..errors import CaconnectError

        # A command builds many small objects and no garbage cycles: the cyclic collector
        # would only slow it down (by a fifth when a timeline has 60,000 rows).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return super().invoke(ctx)
        except CaconnectError as error:
            click.echo(f"Error: {_capped(str(error))}", err=True)
            ctx.exit(error.exit_code)
        except _OneLineUsageError:
            raise
        except click.UsageError as error:  # a command's options and arguments
            raise _one_line(error) from None
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
        finally:
            if collecting:
                gc.enable()


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
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CACONNECT_INDEX",
    help="Index file (env: CACONNECT_INDEX) [default: DIR/.caconnect/index.sqlite].",
)
@click.option("--no-index", is_flag=True, help="Answer from the files, without the index.")
@click.option(
    "--max-article-size",
    "max_article_mb",
    type=click.FloatRange(min=0, min_open=True),
    default=5,
    envvar="CACONNECT_MAX_ARTICLE_SIZE",
    show_default=True,
    metavar="MB",
    help="Refuse (and never read) an article file larger than this many megabytes.",
)
@click.option("--verbose", is_flag=True, help="Show a traceback on internal errors.")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _, value: _print_version(ctx) if value else None,
    help="Show the version and exit.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    data_dir: Path,
    index_path: Path | None,
    no_index: bool,
    max_article_mb: float,
    verbose: bool,
) -> None:
    """Track digital-connectivity deals in Central Asia from a folder of news articles.

    \b
    Example:
        caconnect timeline --country TM
    """
    ctx.obj = {
        "data_dir": data_dir,
        "index": index_path,
        "use_index": not no_index,
        "max_article_size": round(max_article_mb * 1_000_000),
    }


# --- Shared options -----------------------------------------------------------------


def filter_options(command: Callable) -> Callable:
    """--country, --org, --type, --since, --until, --text, --language: the same everywhere."""
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
        click.option(
            "--language", "languages", multiple=True, help="Article language: en, ru (ISO 639-1)."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def force_option(command: Callable) -> Callable:
    """--force: replace an existing --output file (read by _write, not by the command)."""
    return click.option(
        "--force",
        is_flag=True,
        expose_value=False,
        callback=lambda ctx, _, value: ctx.meta.__setitem__("force_output", value),
        help="Replace the --output file if it exists.",
    )(command)


def wide_option(command: Callable) -> Callable:
    """--wide: a table shows every column in full (read by _wide, not by the command)."""
    return click.option(
        "--wide",
        is_flag=True,
        expose_value=False,
        callback=lambda ctx, _, value: ctx.meta.__setitem__("wide_table", value),
        help="A table shows every column in full, however wide (default: fit the terminal).",
    )(command)


def _wide() -> bool:
    return bool(click.get_current_context().meta.get("wide_table"))


def output_options(command: Callable) -> Callable:
    """--format, --output, --force and --wide: how and where rows are written."""
    command = wide_option(command)
    command = force_option(command)
    command = click.option(
        "--output",
        "-o",
        type=click.Path(path_type=Path),
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


def event_options(command: Callable) -> Callable:
    """--stage and --partner: they select deal events, so only commands that list events
    (timeline, partners, export --events) have them; an article has no stage.
    """
    command = click.option(
        "--partner",
        "partners",
        multiple=True,
        help="Events where a Central Asian country deals with this country or organisation "
        "(code, id or name); repeat for any of several.",
    )(command)
    return click.option(
        "--stage",
        "stages",
        multiple=True,
        help="Deal stage: talks, mou, agreement, deployment, launch, plan, cancelled; "
        "repeat for any of several.",
    )(command)


def deal_options(command: Callable) -> Callable:
    """--as-of and --stalled-after: when deals are looked at, and when they stall."""
    command = click.option(
        "--stalled-after",
        type=click.IntRange(1),
        default=24,
        show_default=True,
        help="A deal with no event for this many months is stalled.",
    )(command)
    return click.option(
        "--as-of", help="Where deals stand on this date [default: the newest article's date]."
    )(command)


# --- Helpers shared by commands ------------------------------------------------------


def _data(ctx: click.Context) -> DataDir:
    from ..corpus import DataDir

    return DataDir(ctx.obj["data_dir"], ctx.obj["max_article_size"])


def _open(ctx: click.Context) -> Corpus:
    from ..corpus import open_corpus
    from ..output import progress_bar

    with progress_bar(sys.stderr, "Indexing articles") as progress:
        corpus = open_corpus(
            _data(ctx),
            index=ctx.obj.get("index"),
            use_index=ctx.obj.get("use_index", True),
            progress=progress,
        )
    for warning in corpus.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for error in corpus.errors:
        click.echo(f"Error: {error}", err=True)
    return corpus


def _filters(corpus: Corpus, params: dict[str, Any]) -> Filters:
    return corpus.filters(
        countries=params["countries"],
        organizations=params["organizations"],
        initiatives=params["initiatives"],
        since=params["since"],
        until=params["until"],
        text=params["text"],
        stages=params.get("stages", ()),
        partners=params.get("partners", ()),
        languages=params.get("languages", ()),
    )


def _no_event_filters(params: dict[str, Any], view: str) -> None:
    """An article view refuses --stage and --partner rather than reinterpret them."""
    from ..errors import UsageError

    for option, key in (("--stage", "stages"), ("--partner", "partners")):
        if params.get(key):
            raise UsageError(f"{option} selects deal events: it cannot be used {view}")


def _deals(
    corpus: Corpus,
    params: dict[str, Any],
    statuses: tuple[str, ...] = (),
    *,
    everything: bool = False,
    deal_id: str | None = None,
) -> list[Any]:
    """The deals that pass the filters (all of them: `everything`), as they stand at
    --as-of (deals.query)."""
    from ..dates import parse_query_date
    from ..deals.query import check_status, select_deals
    from ..errors import UsageError
    from ..models import Filters

    as_of = None
    if params.get("as_of"):
        try:
            as_of = parse_query_date(params["as_of"])
        except ValueError as error:
            raise UsageError(f"--as-of {params['as_of']!r}: {error}") from None
    return select_deals(
        corpus,
        Filters() if everything else _filters(corpus, params),
        statuses=check_status(statuses),
        as_of=as_of,
        stalled_after=params.get("stalled_after", 24),
        deal_id=deal_id,
    )


def _finish(ctx: click.Context, corpus: Corpus) -> None:
    """Exit 1 when some articles could not be loaded (they were reported on stderr)."""
    if corpus.errors:
        ctx.exit(EXIT_DATA_ERROR)


def _write(
    output: Path | None,
    data_dir: Path,
    write: Callable[[Any], None],
    keep: dict[Path, str] | None = None,
) -> None:
    """Write to stdout, or atomically to a file that is none of the corpus's own files
    (nor one of `keep`); an existing file is replaced only with --force."""
    if output is None:
        write(sys.stdout)
        return
    from ..errors import UsageError
    from ..output import output_refusal, write_atomically

    ctx = click.get_current_context()
    index = ctx.obj.get("index")
    files = {
        data_dir / "entities.yaml": "the entity dictionary",
        data_dir / "deals.yaml": "the deals list",
        **({Path(f"{index}{end}"): "the index" for end in ("", "-wal", "-shm")} if index else {}),
        **(keep or {}),
    }
    folders = {
        data_dir / "articles": "the articles folder",
        data_dir / ".caconnect": "caconnect's own folder",
    }
    replace = bool(ctx.meta.get("force_output"))
    refusal = output_refusal(output, files=files, folders=folders, replace=replace)
    if refusal:
        raise UsageError(f"--output {output}: {refusal}")
    write_atomically(output, write)


def _without_suffix(name: str) -> str:
    """An article id from what may be its file name or path (`data/articles/x.txt` -> `x`)."""
    from ..loader import ARTICLE_SUFFIXES

    name = Path(name).name
    for suffix in ARTICLE_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def _did_you_mean(corpus: Corpus, wrong: str) -> str:
    """`: did you mean 'x'?` when one article id is close to what was typed."""
    import difflib

    from ..models import Filters

    ids = [row["id"] for row in corpus.article_rows(Filters(), "list")]
    typed = _without_suffix(wrong)
    close = [i for i in ids if i.startswith(typed)] or difflib.get_close_matches(typed, ids, 1)
    return f"; did you mean {close[0]!r}?" if len(close) == 1 else ""


# --- Commands ---------------------------------------------------------------------


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
    from ..output import render, render_lines

    if by_article and by_deal:
        raise UsageError("--articles and --deals are two views: choose one")
    if by_article:
        _no_event_filters(params, "with --articles")
    corpus = _open(ctx)
    if by_deal:
        from ..deals.query import deal_timeline_rows

        rows = deal_timeline_rows(_deals(corpus, params))
        lines = None
    else:
        lines = corpus.lines(_filters(corpus, params), "timeline", events=not by_article)
    if lines is not None and fmt != "table":  # streamed as stored
        _write(output, ctx.obj["data_dir"], lambda file: render_lines(lines, fmt, file))
    else:
        if lines is not None:
            rows = list(lines.rows())
        if fmt == "table":
            for row in rows:
                row["date"] = row["date"] or "undated"
                if "planned" in row:
                    row["planned"] = "planned" if row["planned"] else ""
        _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file, wide=_wide()))
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
    from ..query import article_record

    corpus = _open(ctx)
    article = corpus.get(article_id) or corpus.get(_without_suffix(article_id))
    if article is None:
        raise UsageError(
            f"no article with id {shown(article_id)}{_did_you_mean(corpus, article_id)} "
            "(see `caconnect articles`)"
        )
    if fmt == "table":
        _write(output, ctx.obj["data_dir"], lambda file: render_article(article, file))
    else:
        record = article_record(article)
        _write(output, ctx.obj["data_dir"], lambda file: render([record], fmt, file, wide=_wide()))
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

    corpus = _open(ctx)
    sections = corpus.summary(_filters(corpus, params))
    _write(
        output, ctx.obj["data_dir"], lambda file: render_sections(sections, fmt, file, wide=_wide())
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

    if not params["countries"]:
        raise UsageError("--country is required: whose partners to list (e.g. --country TJ)")
    corpus = _open(ctx)
    rows = corpus.partners(_filters(corpus, params))
    _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file, wide=_wide()))
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
        from ..deals.query import deal_csv_record, deal_event_records, deal_record

        corpus = _open(ctx)
        deals = _deals(corpus, params, statuses)
        if by_deal_event:
            rows = deal_event_records(deals)
        else:
            rows = [(deal_csv_record if fmt == "csv" else deal_record)(d) for d in deals]
        _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file))
        _finish(ctx, corpus)
        return
    if not by_event:
        _no_event_filters(params, "without --events")
    corpus = _open(ctx)
    view = "csv" if fmt == "csv" else "export"
    lines = corpus.lines(_filters(corpus, params), view, events=by_event)
    _write(output, ctx.obj["data_dir"], lambda file: render_lines(lines, fmt, file))
    _finish(ctx, corpus)


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
    from ..report.assemble import assemble, linked_events
    from ..report.page import write_page

    corpus = _open(ctx)
    filters = _filters(corpus, params)
    linked = linked_events(corpus)
    deals = _deals(corpus, params)
    entities = DataDir(ctx.obj["data_dir"]).entities
    data = assemble(
        corpus,
        filters,
        deals,
        linked,
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
    from ..deals.query import deal_row
    from ..output import render

    corpus = _open(ctx)
    rows = [deal_row(deal) for deal in _deals(corpus, params, statuses)]
    _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file, wide=_wide()))
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
    from ..deals.query import deal_record
    from ..deals.render import render_deal
    from ..errors import UsageError
    from ..output import render

    corpus = _open(ctx)
    found = _deals(corpus, params, everything=True, deal_id=deal_id)
    if not found:
        raise UsageError(f"no deal with id {deal_id!r} (see `caconnect deals`)")
    if fmt == "table":
        _write(output, ctx.obj["data_dir"], lambda file: render_deal(found[0], file))
    else:
        record = deal_record(found[0])
        _write(output, ctx.obj["data_dir"], lambda file: render([record], fmt, file))
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


# --- Maintainers' commands ------------------------------------------------------------


@cli.command()
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
)
@click.option("--title", help="The headline (instead of the one the text starts with).")
@click.option("--date", help="Publication date: 2025-03-03, 2025-03, 2025, '3 March 2025'.")
@click.option("--url", help="Where the article was published.")
@click.option("--source", help="The outlet that published it (default: the URL's site).")
@click.option("--force", is_flag=True, help="Add it even if the corpus has it already.")
@click.option("--require-date", is_flag=True, help="Refuse an article whose date is not found.")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.pass_context
def add(
    ctx: click.Context,
    files: tuple[Path, ...],
    title: str | None,
    date: str | None,
    url: str | None,
    source: str | None,
    force: bool,
    require_date: bool,
    dry_run: bool,
) -> None:
    """Add article files (or - for standard input) to DIR/articles/ as new .md files.

    Each gets front matter (title, date, source, url) and keeps its text byte for byte
    (a first line that reads as a headline becomes the title, as the loader reads it),
    under a new name made from its date and title. An article the corpus already has
    (the same text, or the same story with small edits) is refused unless --force.
    Prints the date and where it came from, the tags with their evidence, and names the
    dictionary does not know. Exit 1 if any file was refused.

    \b
    Example:
        caconnect add story.txt --url https://example.com/2025/03/03/story
        pbpaste | caconnect add - --title "Uzbekistan signs fibre deal" --date 2025-03-03
    """
    from ..corpus import open_corpus
    from ..errors import ArticleError, CaconnectError, UsageError
    from ..maintain.add import Adder, draft, read_input
    from ..maintain.candidates import find_candidates
    from ..models import Filters
    from ..tagging.tagger import tag

    if len(files) > 1 and (title or date or url):
        raise UsageError("--title, --date and --url describe one article: give one FILE")
    if [str(file) for file in files].count("-") > 1:
        raise UsageError("standard input (-) can be read once")
    data = _data(ctx)
    corpus = open_corpus(data)
    if corpus.errors:
        click.echo(
            f"Warning: {len(corpus.errors)} article files do not load and are not compared "
            "(see `caconnect check`)",
            err=True,
        )
    limit = data.max_article_size
    adder = Adder(
        data.articles,
        corpus.select(Filters()),
        force=force,
        require_date=require_date,
        max_size=limit,
    )
    refused = 0
    for file in files:
        where = "<stdin>" if str(file) == "-" else str(file)
        try:
            if str(file) == "-":
                with click.open_file("-", "rb") as stdin:
                    content, markdown = stdin.read(), None
            else:
                content = read_input(file, limit)
                markdown = {".md": True, ".txt": False}.get(file.suffix.lower())
            new = draft(
                content,
                where,
                markdown=markdown,
                title=title,
                date=date,
                url=url,
                source=source,
                max_size=limit,
            )
            added = adder.add(new, dry_run=dry_run)
        except UsageError:
            raise
        except CaconnectError as error:
            prefix = "" if isinstance(error, ArticleError) else f"{where}: "
            click.echo(f"Error: {prefix}{error}", err=True)
            refused += 1
            continue
        tagged = tag(added.article, corpus.dictionary)
        unknown = find_candidates([tagged], corpus.dictionary)
        _print_added(added, tagged, unknown, dry_run=dry_run)
    if refused:
        ctx.exit(EXIT_DATA_ERROR)


def _print_added(added: Any, tagged: Any, unknown: list[Any], *, dry_run: bool) -> None:
    """What `add` found in one article: its date, tags with evidence, unknown names."""
    verb = "Would add" if dry_run else "Added"
    click.echo(f"{verb} {added.path} (id {added.article.id})")
    click.echo(f"  title:   {tagged.title or '(none)'}")
    if tagged.date:
        click.echo(f"  date:    {tagged.date} (from {added.date_origin})")
    else:
        click.echo("  date:    none found; added as undated (give it with --date YYYY-MM-DD)")
    for duplicate in added.duplicates:
        click.echo(f"  note:    {duplicate.describe()}; added anyway (--force)")
    evidence: dict[str, list[str]] = {}
    for mention in tagged.mentions:
        places = evidence.setdefault(f"{mention.kind} {mention.entity}", [])
        places.append(f"{mention.field}[{mention.start}:{mention.end}] {mention.text!r}")
    click.echo("  tags:" if evidence else "  tags:    none")
    for name, places in evidence.items():
        more = f" (+{len(places) - 3} more)" if len(places) > 3 else ""
        click.echo(f"    {name}: {'; '.join(places[:3])}{more}")
    if unknown:
        click.echo("  names not in the dictionary (add to entities.yaml, or to ignore.names):")
        for candidate in unknown[:12]:
            click.echo(f"    {candidate.name} ({candidate.count})")
        if len(unknown) > 12:
            click.echo(f"    ... {len(unknown) - 12} more: caconnect entities --candidates")


@cli.command()
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option("--all", "show_all", is_flag=True, help="List every warning in a table.")
@output_options
@click.pass_context
def check(ctx: click.Context, strict: bool, show_all: bool, fmt: str, output: Path | None) -> None:
    """Validate the corpus and the dictionary; exit 1 on errors (or warnings with --strict).

    Errors: files that do not load, a dictionary that does not load (an alias of two
    entities, ...), two articles with the same text. Warnings: undated and untagged
    articles, near-duplicates, entities and aliases no article uses, initiative types
    no article has, stray files in articles/. A table lists 10 warnings of each check
    (--all: every one); csv and json list all.

    \b
    Example:
        caconnect check
        caconnect --data data check --strict --format json
    """
    from ..maintain.check import check_data
    from ..output import render_sections

    report = check_data(_data(ctx))
    failed = report.failed(strict)
    sections = {
        "summary": [
            {
                "articles": report.articles,
                "entities": report.entities,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "result": "failed" if failed else "ok",
            }
        ],
        "errors": report.rows("error"),
        "warnings": report.rows("warning", None if show_all or fmt != "table" else 10),
    }
    _write(
        output, ctx.obj["data_dir"], lambda file: render_sections(sections, fmt, file, wide=_wide())
    )
    if failed:
        ctx.exit(EXIT_DATA_ERROR)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Start a new corpus in FOLDER: FOLDER/articles/ and a copy of the dictionary to extend.

    Nothing that exists is overwritten.

    \b
    Example:
        caconnect init my-corpus && caconnect --data my-corpus add story.txt
    """
    from ..packaged import init_corpus

    created = init_corpus(folder)
    for path in created:
        click.echo(f"Created {path}{'/' if path.is_dir() else ''}")
    if not created:
        click.echo(f"{folder} already has articles/ and entities.yaml: nothing to do")


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["country", "organization", "initiative", "company", "agency", "intl"]),
    help="Only this kind (organization: companies, agencies and intl together).",
)
@click.option("--country", help="Only this country and its organisations (ISO code or name).")
@click.option(
    "--candidates",
    is_flag=True,
    help="Names in the articles that the dictionary lacks, used by most articles first.",
)
@output_options
@click.pass_context
def entities(
    ctx: click.Context,
    kind: str | None,
    country: str | None,
    candidates: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """The entity dictionary with each entity's article count, or names it lacks.

    \b
    Example:
        caconnect entities --kind company --country UZ
        caconnect entities --candidates --format csv -o candidates.csv
    """
    from ..dictionary import find_country
    from ..errors import UsageError
    from ..maintain.candidates import find_candidates
    from ..maintain.entities import entity_rows
    from ..models import Filters
    from ..output import render

    if candidates and (kind or country):
        raise UsageError("--candidates lists unknown names: --kind and --country do not apply")
    corpus = _open(ctx)
    articles = corpus.select(Filters())
    if candidates:
        named = corpus.named_deals()
        rows = [c.row() for c in find_candidates(articles, corpus.dictionary, named)]
    else:
        try:
            code = find_country(corpus.dictionary, country).code if country else None
        except UsageError as error:
            raise UsageError(f"--country: {error}") from None
        rows = entity_rows(corpus.dictionary, articles, kind=kind, country=code)
    _write(output, ctx.obj["data_dir"], lambda file: render(rows, fmt, file, wide=_wide()))
    _finish(ctx, corpus)
