"""Plant bad inputs in a copy of a data folder and run caconnect on each one.

    python tests/planted.py [--data data] [--verbose]

Each case plants its input (a broken article, a hostile dictionary, an output path that
names the corpus's own files, ...) in a fresh copy of the data folder, runs one command
in this process, and is judged by what happened:
- clean error: exit 1 or 2, every stderr line a short `Error: …` or `Warning: …`;
- handled: exit 0 with the right answer;
- traceback: an exception escaped, exit 3 (an internal error), or a wrong answer;
- data lost: a file that was there before (an article, the dictionary, a user's file)
  changed or went away;
- hang: no answer within TIME_LIMIT seconds.
The last line is `tried N / clean errors N / handled N / tracebacks N / data lost N /
hangs N`. The cases are fixed, so every run tries the same inputs.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import hashlib
import io
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

PROJECT = Path(__file__).resolve().parent.parent
TIME_LIMIT = 60  # seconds for one case
MAX_ERROR_LINE = 400  # characters: an error line longer than this is not clean
SEED = "004_c790570d8809d829"
STORY = (
    "Kazakhstan and Kyrgyzstan agree a cross-border fibre line\n"
    "ALMATY, 5 May 2025. Kazakhtelecom and Kyrgyztelecom signed an agreement on a fibre "
    "line between Almaty and Bishkek, the operators said.\n"
)


@dataclass
class Place:
    """Where a case runs: the data folder and a folder of the user's own files."""

    data: Path
    user: Path

    @property
    def articles(self) -> Path:
        return self.data / "articles"

    def article(self, name: str, content: str | bytes) -> Path:
        path = self.articles / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def user_file(self, name: str, content: str) -> Path:
        path = self.user / name
        path.write_text(content, encoding="utf-8")
        return path


Plant = Callable[[Place], list[str]]  # plants the input, returns the command's arguments
Check = Callable[[Place, str], bool]  # is the output of an exit-0 run the right answer?


@dataclass
class Case:
    name: str
    plant: Plant
    check: Check | None = None
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    case: str
    verdict: str  # clean error | handled | traceback | data lost | hang
    detail: str


def _bomb(levels: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines)


def _loop(place: Place) -> list[str]:
    (place.articles / "loop-a.txt").symlink_to(place.articles / "loop-b.txt")
    (place.articles / "loop-b.txt").symlink_to(place.articles / "loop-a.txt")
    return ["articles"]


def _fifo(place: Place) -> list[str]:
    os.mkfifo(place.articles / "pipe.txt")
    return ["articles"]


def _csv_rows_match(place: Place, out: str) -> bool:
    rows = list(csv.reader(io.StringIO(out, newline="")))
    return len(rows) == 7 and all(len(row) == len(rows[0]) for row in rows)


def _lists(*ids: str) -> Check:
    return lambda place, out: all(i in out for i in ids)


def _twice(place: Place) -> list[str]:
    story = place.user_file("story.txt", STORY)
    CliRunner().invoke(_cli(), ["--data", str(place.data), "add", str(story)])
    return ["add", str(story)]


CASES: list[Case] = [
    # Outputs that name the corpus's own files, or the user's.
    Case("export -o the dictionary", lambda p: ["export", "-o", str(p.data / "entities.yaml")]),
    Case("export -o deals.yaml", lambda p: ["export", "-o", str(p.data / "deals.yaml")]),
    Case("export -o an article", lambda p: ["export", "-o", str(p.articles / f"{SEED}.txt")]),
    Case(
        "export -o the index", lambda p: ["export", "-o", str(p.data / ".caconnect/index.sqlite")]
    ),
    Case(
        "export -o a user's file",
        lambda p: ["export", "-o", str(p.user_file("notes.csv", "mine\n"))],
    ),
    Case("export -o a folder", lambda p: ["export", "-o", str(p.user)]),
    Case("export -o a missing folder", lambda p: ["export", "-o", str(p.user / "no/such.csv")]),
    Case("summary -o the dictionary", lambda p: ["summary", "-o", str(p.data / "entities.yaml")]),
    Case(
        "export -o a link to the dictionary",
        lambda p: (
            (p.user / "link.yaml").symlink_to(p.data / "entities.yaml"),
            ["export", "--force", "-o", str(p.user / "link.yaml")],
        )[1],
    ),
    Case(
        "--index on an article",
        lambda p: ["--index", str(p.articles / f"{SEED}.txt"), "articles"],
    ),
    Case(
        "--index on the dictionary",
        lambda p: ["--index", str(p.data / "entities.yaml"), "articles"],
    ),
    Case(
        "CACONNECT_INDEX on a user's file",
        lambda p: (p.user_file("thesis.txt", "my thesis\n"), ["articles"])[1],
        env={"CACONNECT_INDEX": "{user}/thesis.txt"},
    ),
    # Articles that cannot be read.
    Case(
        "a 6 MB article", lambda p: (p.article("huge.txt", "fibre " * 1_000_000), ["articles"])[1]
    ),
    Case(
        "an article over --max-article-size",
        lambda p: (
            p.article("big.txt", "Fibre. " * 2000),
            ["--max-article-size", "0.01", "articles"],
        )[1],
    ),
    Case(
        "a YAML alias bomb in front matter",
        lambda p: (
            p.article("bomb.md", f"---\n{_bomb()}\ntitle: *a8\n---\nFibre.\n"),
            ["articles"],
        )[1],
    ),
    Case(
        "a list as a title",
        lambda p: (p.article("list.md", "---\ntitle: [a, b]\n---\nB.\n"), ["articles"])[1],
    ),
    Case(
        "a 900-character unknown key",
        lambda p: (p.article("key.md", f"---\n{'k' * 900}: v\n---\nB.\n"), ["articles"])[1],
    ),
    Case(
        "UTF-16 text",
        lambda p: (
            p.article("wide.txt", codecs.BOM_UTF16_LE + "Fibre\nText.\n".encode("utf-16-le")),
            ["articles"],
        )[1],
    ),
    Case(
        "UTF-32 text",
        lambda p: (
            p.article("wider.txt", codecs.BOM_UTF32_LE + "Fibre\n".encode("utf-32-le")),
            ["articles"],
        )[1],
    ),
    Case(
        "a binary file",
        lambda p: (p.article("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), ["articles"])[1],
    ),
    Case(
        "Latin-1 text",
        lambda p: (p.article("latin.txt", "Caf\xe9 fibre\n".encode("latin-1")), ["articles"])[1],
    ),
    Case("an empty file", lambda p: (p.article("empty.txt", b""), ["articles"])[1]),
    Case("only spaces", lambda p: (p.article("blank.txt", " \n\t\n"), ["articles"])[1]),
    Case(
        "front matter never closed",
        lambda p: (p.article("open.md", "---\ntitle: X\nB\n"), ["articles"])[1],
    ),
    Case(
        "front matter and no body",
        lambda p: (p.article("nobody.md", "---\ntitle: X\n---\n"), ["articles"])[1],
    ),
    Case(
        "a date that is no date",
        lambda p: (p.article("d.md", "---\ndate: someday\n---\nB.\n"), ["articles"])[1],
    ),
    Case(
        "one id in two files",
        lambda p: (
            p.article("x.txt", "Fibre in Uzbekistan\nA.\n"),
            p.article("x.md", "B fibre.\n"),
            ["articles"],
        )[2],
    ),
    Case(
        "a link to a file outside",
        lambda p: (
            (p.articles / "leak.txt").symlink_to(p.user_file("secret.txt", "secret\n")),
            ["show", "leak"],
        )[1],
    ),
    Case(
        "a link to /etc/passwd",
        lambda p: ((p.articles / "passwd.txt").symlink_to("/etc/passwd"), ["show", "passwd"])[1],
    ),
    Case(
        "a dangling link",
        lambda p: ((p.articles / "gone.txt").symlink_to(p.user / "gone"), ["check"])[1],
    ),
    Case("a loop of links", _loop),
    Case(
        "a folder named like an article", lambda p: ((p.articles / "dir.txt").mkdir(), ["check"])[1]
    ),
    Case("a named pipe", _fifo),
    Case(
        "a name with a newline",
        lambda p: (p.article("we\nird.txt", "Fibre line opens\nText.\n"), ["articles"])[1],
    ),
    Case(
        "200 kB without a sentence end",
        lambda p: (p.article("run.txt", "Uzbekistan fibre deal " * 9000), ["timeline"])[1],
    ),
    Case(
        "a CR at the start of a title, as CSV",
        lambda p: (
            p.article("cr.md", '---\ntitle: "\\rCarriage, return"\n---\nFibre in Uzbekistan.\n'),
            ["export", "--format", "csv"],
        )[1],
        check=_csv_rows_match,
    ),
    # Dictionaries.
    Case(
        "an alias bomb in entities.yaml",
        lambda p: (
            (p.data / "entities.yaml").write_text(f"{_bomb()}\ncountries: *a8\n"),
            ["articles"],
        )[1],
    ),
    Case(
        "entities.yaml not YAML",
        lambda p: ((p.data / "entities.yaml").write_text("countries: [\n"), ["articles"])[1],
    ),
    Case("entities.yaml missing", lambda p: ((p.data / "entities.yaml").unlink(), ["articles"])[1]),
    Case(
        "entities.yaml empty", lambda p: ((p.data / "entities.yaml").write_text(""), ["check"])[1]
    ),
    # Options and arguments.
    Case("an unknown country", lambda p: ["timeline", "--country", "Atlantis"]),
    Case("an unreadable date", lambda p: ["timeline", "--since", "soonish"]),
    Case("a 5,000-character country", lambda p: ["timeline", "--country", "x" * 5000]),
    Case("an unknown id", lambda p: ["show", "no-such-article"]),
    Case("an id with its extension", lambda p: ["show", f"{SEED}.txt"], check=_lists(SEED)),
    Case("export --format table", lambda p: ["export", "--format", "table"]),
    Case("partners without --country", lambda p: ["partners"]),
    Case("--max-article-size abc", lambda p: ["--max-article-size", "abc", "articles"]),
    Case("--data is missing", lambda p: ["--data", str(p.user / "nowhere"), "articles"]),
    Case("--data is a file", lambda p: ["--data", str(p.user_file("f.txt", "x")), "articles"]),
    Case("no articles folder", lambda p: (shutil.rmtree(p.articles), ["articles"])[1]),
    Case("eval with no gold file", lambda p: ["eval", str(p.user / "gold.yaml")]),
    Case(
        "eval with no articles",
        lambda p: (
            p.user_file("gold.yaml", "- file: a.txt\n  date: null\n"),
            ["eval", str(p.user / "gold.yaml")],
        )[1],
    ),
    # Adding.
    Case("add a missing file", lambda p: ["add", "/missing.txt"]),
    Case("add the same text twice", _twice),
    Case(
        "add UTF-16 text",
        lambda p: (
            p.user.joinpath("w.txt").write_bytes(codecs.BOM_UTF16_LE + "A\n".encode("utf-16-le")),
            ["add", str(p.user / "w.txt")],
        )[1],
    ),
    Case(
        "add with a bad --date",
        lambda p: ["add", str(p.user_file("s.txt", STORY)), "--date", "soon"],
    ),
    Case(
        "add a title that climbs out",
        lambda p: ["add", str(p.user_file("s.txt", STORY)), "--title", "../../etc/passwd"],
        check=lambda p, out: (p.articles / "2025-05-05-etc-passwd.md").is_file(),
    ),
    Case(
        "add a 6 MB file",
        lambda p: ["add", str(p.user_file("huge.txt", "fibre " * 1_000_000))],
    ),
]


def _cli():  # imported late: the module is also read for its list of cases
    from ca_connect.cli import cli

    return cli


def _digest(folder: Path) -> dict[str, str]:
    found = {}
    for root, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if f != ".caconnect"]
        for name in files:
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                continue
            found[str(path)] = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    return found


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_case(case: Case, source: Path, scratch: Path) -> Outcome:
    """Run one case in `scratch`, made anew but for the index, which stays warm (the same
    folder, files copied with their times: only what a case plants is analysed)."""
    place = Place(scratch / "data", scratch / "user")
    shutil.rmtree(place.user, ignore_errors=True)
    place.data.mkdir(exist_ok=True)
    for path in place.data.iterdir():
        if path.name != ".caconnect":
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    shutil.copytree(source / "articles", place.articles)
    shutil.copy2(source / "entities.yaml", place.data / "entities.yaml")
    (place.data / "deals.yaml").write_text("deals: []\n")
    place.user.mkdir()
    args = case.plant(place)
    before = {**_digest(place.data), **_digest(place.user)}
    env = {key: value.format(user=place.user) for key, value in case.env.items()}
    try:
        with _time_limit(TIME_LIMIT):
            result = CliRunner().invoke(_cli(), ["--data", str(place.data), *args], env=env)
    except TimeoutError:
        return Outcome(case.name, "hang", f"no answer in {TIME_LIMIT} s")
    after = {**_digest(place.data), **_digest(place.user)}
    lost = [path for path, digest in before.items() if after.get(path) != digest]
    if lost:
        return Outcome(case.name, "data lost", ", ".join(Path(p).name for p in lost))
    error = result.exception
    if error is not None and not isinstance(error, SystemExit):
        return Outcome(case.name, "traceback", f"{type(error).__name__}: {error}"[:200])
    stderr = result.stderr
    first = stderr.splitlines()[0] if stderr else ""
    if result.exit_code == 3 or "Traceback" in stderr:
        return Outcome(case.name, "traceback", first)
    if result.exit_code == 0:
        if case.check is not None and not case.check(place, result.stdout):
            return Outcome(case.name, "traceback", "a wrong answer")
        return Outcome(case.name, "handled", first)
    clean = result.exit_code in (1, 2) and all(
        line.startswith(("Error: ", "Warning: ")) and len(line) <= MAX_ERROR_LINE
        for line in stderr.splitlines()
    )
    verdict = "clean error" if clean and stderr else "traceback"
    return Outcome(case.name, verdict, f"exit {result.exit_code}: {first}"[:200])


def run_all(source: Path) -> list[Outcome]:
    with tempfile.TemporaryDirectory(prefix="caconnect-planted-") as scratch:
        return [run_case(case, source, Path(scratch)) for case in CASES]


def totals(outcomes: list[Outcome]) -> str:
    def count(verdict: str) -> int:
        return sum(outcome.verdict == verdict for outcome in outcomes)

    return (
        f"tried {len(outcomes)} / clean errors {count('clean error')} / handled "
        f"{count('handled')} / tracebacks {count('traceback')} / data lost "
        f"{count('data lost')} / hangs {count('hang')}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROJECT / "data", help="data folder to copy")
    parser.add_argument("--verbose", action="store_true", help="one line per case")
    args = parser.parse_args(argv)
    outcomes = run_all(args.data)
    if args.verbose:
        for outcome in outcomes:
            print(f"{outcome.verdict:12} {outcome.case}: {outcome.detail}")
    print(totals(outcomes))
    bad = [o for o in outcomes if o.verdict in ("traceback", "data lost", "hang")]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
