"""Run every `$ caconnect ...` session of README.md and docs/*.md; compare what it prints.

    python -m tests.readme_sessions            # report the sessions that differ (exit 1)
    python -m tests.readme_sessions --update   # rewrite the pages' outputs from real runs
                                               # (except outputs elided with `…`)

The pages run in the order of PAGES, the README first.

A session is a fenced block whose lines start with `$ `; the lines after a command, up
to the next `$ ` line or the end of the block, are what it prints (standard output and
standard error together); `…` in a line stands for any text there (the README shortened
the line), a line `…` alone for any number of lines. A closing `(exit N)` line is compared
too when the README has one. All sessions run in order, in one scratch folder holding a
copy of the project's `data/` (so that `add` in one session is seen by `check` in a
later one) and `docs/examples/`, and `../shared` beside it; `caconnect` is this
checkout's code. `$ cat FILE` of a file that does not exist yet writes it from the
README (that is how `story.txt` comes to be). A block after a line
`<!-- sessions: skip -->` is not run: its set-up is described in prose, not in commands.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
README = PROJECT / "README.md"
# The documentation's pages, in the order their sessions run (the README's first: the
# pages' examples read the folders its sessions make).
PAGES = (
    README,
    *(
        PROJECT / "docs" / f"{name}.md"
        for name in ("events", "deals", "russian", "accuracy", "speed")
    ),
)
SKIP = "<!-- sessions: skip -->"
_EXIT = re.compile(r"^\(exit (\d+)\)$")


@dataclass
class Command:
    line: str  # without `$ `
    expected: list[str] = field(default_factory=list)
    first: int = 0  # README line index of the first output line
    actual: list[str] = field(default_factory=list)


def sessions(lines: list[str]) -> list[list[Command]]:
    """The sessions of the README, each a list of commands with their expected output."""
    found: list[list[Command]] = []
    index = 0
    while index < len(lines):
        if not lines[index].startswith("```"):
            index += 1
            continue
        skip = index > 0 and lines[index - 1].strip() == SKIP
        end = next(i for i in range(index + 1, len(lines)) if lines[i].startswith("```"))
        commands: list[Command] = []
        for number in range(index + 1, end):
            line = lines[number]
            if line.startswith("$ "):
                commands.append(Command(line[2:], first=number + 1))
            elif commands:
                commands[-1].expected.append(line)
        if commands and not skip:
            found.append(commands)
        index = end + 1
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether output matches the README's: `…` in a line stands for any text (the line
    was shortened), and a line `…` alone for any number of lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == "…":
        return any(matches(rest, actual[skip:]) for skip in range(len(actual) + 1))
    if not actual:
        return False
    return _line_matches(head, actual[0]) and matches(rest, actual[1:])


def _line_matches(expected: str, actual: str) -> bool:
    if "…" not in expected:
        return actual == expected
    pattern = ".*".join(re.escape(part) for part in expected.split("…"))
    return re.fullmatch(pattern, actual, re.DOTALL) is not None


def _trimmed(output: list[str]) -> list[str]:
    while output and output[-1] == "":
        output = output[:-1]
    return output


def run(session: list[Command], folder: Path, env: dict[str, str]) -> None:
    for command in session:
        cat = re.fullmatch(r"cat (\S+)", command.line)
        if cat and not (folder / cat.group(1)).exists():
            expected = _trimmed(command.expected)
            (folder / cat.group(1)).write_text("\n".join(expected) + "\n", encoding="utf-8")
        result = subprocess.run(
            command.line,
            shell=True,
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output = _trimmed(result.stdout.splitlines())  # as the README's: no blank tail
        expected = _trimmed(command.expected)
        if expected and _EXIT.match(expected[-1]):
            output.append(f"(exit {result.returncode})")
        command.actual = output


def scratch() -> tuple[Path, dict[str, str]]:
    """A folder with a copy of data/ and ../shared beside it, and `caconnect` on PATH."""
    root = Path(tempfile.mkdtemp(prefix="readme-sessions-"))
    folder = root / "project"
    shutil.copytree(PROJECT / "data", folder / "data", ignore=shutil.ignore_patterns(".caconnect"))
    # Example folders (`--data docs/examples/NAME`); symbolic links are copied as files.
    shutil.copytree(
        PROJECT / "docs" / "examples",
        folder / "docs" / "examples",
        ignore=shutil.ignore_patterns(".caconnect"),
    )
    shared = PROJECT.parent / "shared"
    if shared.is_dir():
        (root / "shared").symlink_to(shared)
    bin_dir = root / "bin"
    bin_dir.mkdir()
    script = bin_dir / "caconnect"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ca_connect "$@"\n')
    script.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(PROJECT),
        "COLUMNS": "200",
        "CACONNECT_CACHE": str(root / "cache"),  # never the user's cache
    }
    env.pop("CACONNECT_DATA", None)
    env.pop("CACONNECT_INDEX", None)
    return folder, env


def runnable(found: list[list[Command]], shared: bool) -> list[list[Command]]:
    """The sessions that can run here: those reading ../shared only where it is beside
    the project (tests that need it skip cleanly without it)."""
    return [s for s in found if shared or not any("../shared" in c.line for c in s)]


def check(update: bool = False) -> list[str]:
    """Run every session of every page; return a description of each difference (and
    with `update`, write the real outputs into the pages)."""
    folder, env = scratch()
    shared = (PROJECT.parent / "shared").is_dir()
    pages = {page: page.read_text(encoding="utf-8").split("\n") for page in PAGES}
    found = {page: runnable(sessions(lines), shared) for page, lines in pages.items()}
    problems: list[str] = []
    try:
        for page_sessions in found.values():
            for session in page_sessions:
                run(session, folder, env)
        for page, page_sessions in reversed(found.items()):
            problems += _differences(page, page_sessions, pages[page], update)
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
    for page, lines in pages.items():
        if update and "\n".join(lines) != page.read_text(encoding="utf-8"):
            page.write_text("\n".join(lines), encoding="utf-8")
    return list(reversed(problems))


def _differences(
    page: Path, found: list[list[Command]], lines: list[str], update: bool
) -> list[str]:
    """The differences of one page's sessions, last first (with `update`, `lines` gets
    the real outputs)."""
    problems: list[str] = []
    name = page.relative_to(PROJECT).as_posix()
    for session in reversed(found):  # from the end: line numbers stay right
        for command in reversed(session):
            expected = _trimmed(command.expected)
            if not matches(expected, command.actual):
                problems.append(
                    f"{name}:{command.first}: $ {command.line}\n"
                    + "\n".join(
                        f"  expected: {e!r}\n  actual:   {a!r}"
                        for e, a in zip(expected, command.actual, strict=False)
                        if e != a
                    )[:2000]
                    + (
                        f"\n  ({len(expected)} lines expected, {len(command.actual)} printed)"
                        if len(expected) != len(command.actual)
                        else ""
                    )
                )
                if update and not any("…" in line for line in expected):
                    start = command.first
                    lines[start : start + len(expected)] = command.actual
                elif update:
                    problems[-1] += "\n  (elided with …: not rewritten; edit it by hand)"
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the pages' outputs")
    args = parser.parse_args(argv)
    problems = check(update=args.update)
    for problem in problems:
        print(problem, file=sys.stderr)
    verb = "updated" if args.update else "differ"
    print(f"{len(problems)} session outputs {verb}", file=sys.stderr)
    return 1 if problems and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
