"""`python -m ca_connect`, and the `caconnect` program (`main`): the command, with the
folder's scan begun before click is imported, and the process left at once after it.

Two things are done here rather than in the `caconnect` group (cli/group.py), because
they belong to a process that runs one command and ends, never to a caller of the group
(a test, a script using click's runner):

- A command that reads the index begins its folder's scan in a second process
  (store/scan.py `start`) as soon as the group's options are known. Read here from the
  arguments, before click and the commands are imported (~25 ms), the scan runs while
  they are; the group adopts it (`start` again with the same folder and index) or, when
  its options say otherwise, starts another. An argument this reading does not know
  (anything click would refuse, `--help`, `--version`) starts nothing here.
- When the command has ended, its output flushed and its index closed (cli/options.py
  closes the corpus with the command's context), the process leaves with `os._exit`
  instead of tearing the interpreter down: freeing every object of the analysis one by
  one and a last garbage collection over them cost an added article ~50 ms. Safe
  because nothing is left to clean up: no transaction is open (every write commits or
  rolls back inside `store.connection.writing`) and the database is closed; output files
  are written and renamed before the command returns (`output.write_atomically`, the
  tagger's and the cues' files), the ingest's workers joined, the scan's child waited
  for, and the process starts no thread. If stdout or stderr cannot be flushed (a
  closed pipe), or the exit status is not a number, the interpreter ends as before and
  reports it as it always has. The garbage collector is off from the start, as it is
  while a command runs (cli/group.py): collections while click and the commands are
  imported cost each command ~4 ms.

Pydantic's plugins are off (PYDANTIC_DISABLE_PLUGINS, unless the environment sets it):
caconnect's models are its own records, which no plugin is meant to watch, and looking
for plugins reads the entry points of every installed distribution when the first
model is validated — in a command that analyses an article (one added), ~2.5 ms with
36 distributions installed, more in a larger environment.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

# What the `caconnect` group reads of its own options (cli/group.py; tests/test_startup.py
# checks that the two agree): the commands whose scan begins first, the options taking a
# value (the ones the scan needs, and the one it does not), and its environment variables.
SCANNED_FIRST = frozenset(
    ("timeline", "articles", "show", "summary", "partners", "export", "deals", "deal", "report")
)
HELP = frozenset(("-h", "--help"))
_VALUED = {"--data": "data", "--index": "index", "--max-article-size": ""}
_QUIET_FLAGS = frozenset(("--verbose",))
_ENVIRONMENT = {"data": "CACONNECT_DATA", "index": "CACONNECT_INDEX"}


def scanned_first(args: list[str]) -> tuple[Path, Path] | None:
    """The articles folder and the index file a command line's command reads, as the
    `caconnect` group will read them, when its scan begins first; None when it does not
    (`--no-index`, another command, help) or when these arguments are not surely read so."""
    given = {key: os.environ.get(name) or None for key, name in _ENVIRONMENT.items()}
    at = 0
    while at < len(args) and args[at].startswith("-"):
        name, equals, value = args[at].partition("=")
        if name in _VALUED:
            if not equals:
                at += 1
                if at == len(args):
                    return None
                value = args[at]
            if _VALUED[name]:
                given[_VALUED[name]] = value
        elif args[at] not in _QUIET_FLAGS:  # --no-index, --help, --version, or unknown
            return None
        at += 1
    if at == len(args) or args[at] not in SCANNED_FIRST or HELP & {*args[at + 1 :]}:
        return None
    data = Path(given["data"] or "data")
    return data / "articles", Path(given["index"]) if given["index"] else _index_of(data)


def _index_of(data: Path) -> Path:
    from .store.scan import default_path

    return default_path(data)


def run() -> int | str | None:
    """Run the command line (sys.argv); its exit status, as SystemExit would carry it."""
    scanned = scanned_first(sys.argv[1:])
    if scanned is not None:
        from .store.scan import start

        start(*scanned, early=True)
    from .cli import cli

    try:
        cli(prog_name="caconnect")
    except SystemExit as stop:
        return stop.code
    return None


def main() -> None:
    """The `caconnect` program: run the command line, then leave (module docstring)."""
    # No garbage cycles worth collecting in one command (the group collects none while a
    # command runs, cli/group.py): none either while click and the commands are imported.
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # module docstring
    status = run()
    if (status is None or type(status) is int) and _flushed():
        os._exit(status or 0)
    sys.exit(status)


def _flushed() -> bool:
    """stdout and stderr written out (a stream closed on purpose needs nothing)."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and not stream.closed:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True


if __name__ == "__main__":
    main()
