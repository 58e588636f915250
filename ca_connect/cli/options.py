"""The options several commands share, and the helpers every command uses: open the
corpus, build its filters, select deals, write the output, exit 1 after data errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .group import EXIT_DATA_ERROR

if TYPE_CHECKING:  # the core is imported lazily so that --help stays fast
    from ..corpus import Corpus, DataDir
    from ..models import Filters, PartialDate


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
    # Closed when the command ends: its process may leave without tearing down (__main__.py).
    ctx.call_on_close(corpus.close)
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


def _as_of(params: dict[str, Any]) -> PartialDate | None:
    """--as-of, read (the date parser only when it is given: it is slow to load)."""
    if not params.get("as_of"):
        return None
    from ..dates import parse_query_date
    from ..errors import UsageError

    try:
        return parse_query_date(params["as_of"])
    except ValueError as error:
        raise UsageError(f"--as-of {params['as_of']!r}: {error}") from None


def _deals(
    corpus: Corpus,
    params: dict[str, Any],
    statuses: tuple[str, ...] = (),
    *,
    everything: bool = False,
    deal_id: str | None = None,
    one_at_a_time: bool = False,
    rows: bool = False,
) -> Any:
    """The deals that pass the filters (all of them: `everything`), as they stand at
    --as-of (deals.query), first seen first; `one_at_a_time`: an iterator in stored order;
    only their `deals` rows when `rows`."""
    from ..deals.rows import check_status, select_deal_rows
    from ..vocab import Filters

    as_of = _as_of(params)
    filters = Filters() if everything else _filters(corpus, params)
    stalled_after = params.get("stalled_after", 24)
    if rows:
        return select_deal_rows(
            corpus,
            filters,
            statuses=check_status(statuses),
            as_of=as_of,
            stalled_after=stalled_after,
        )
    from ..deals.query import matching_deals, select_deals  # builds Deal records: pydantic

    return (matching_deals if one_at_a_time else select_deals)(
        corpus,
        filters,
        statuses=check_status(statuses),
        as_of=as_of,
        stalled_after=stalled_after,
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
