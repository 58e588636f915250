"""The `caconnect` group: its global options, --version, and the one handler that turns
errors into `Error: …` lines and exit codes. The commands register on it (cli/*.py).

Exit codes: 0 success; 1 a data error (an article or the dictionary cannot be used;
other articles are still answered); 2 a usage error (an option or argument); 3 an
internal error (a bug: please report it with --verbose output).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import click

EXIT_DATA_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
# The commands that read the index: their folder's scan begins before they import it.
SCANNED_FIRST = frozenset(
    ("timeline", "articles", "show", "summary", "partners", "export", "deals", "deal", "report")
)
HELP = frozenset(("-h", "--help"))


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
    if not no_index and ctx.invoked_subcommand in SCANNED_FIRST and not HELP & {*ctx.args}:
        # The stat of every article file (what a warm read costs most at 100,000 files)
        # starts now in a second process, while this one imports the command's modules.
        from ..store.scan import default_path, start

        # With the index, the child also compares the files with the store's (an update).
        start(data_dir / "articles", index_path or default_path(data_dir))
