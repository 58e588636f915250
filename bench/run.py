"""The benchmark: `python bench/run.py` measures caconnect against the targets of issue 11.

For each size (20,000 and 100,000 articles by default) it generates a corpus
(bench/generate.py, seeded) outside the repository and times, end to end as a user runs
them (`python -m ca_connect ...` of this checkout, output to /dev/null): the cold ingest,
warm `timeline --country TM --format csv`, `timeline ... | head -20`, `summary`,
`partners`, `show`, `export --format jsonl` (time and peak memory, the sum over its
processes sampled every 10 ms), the next query after one article is added and after one
alias is added to entities.yaml, the index size against the text size, and
`grep -rli turkmenistan DIR/articles`, the floor the warm queries are compared with (in
the same run, so that a loaded machine slows both). Each target is marked met or missed.

`--readme` writes the table, the machine and the command into bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402  (a script beside this one)

README = BENCH / "README.md"
START, END = "<!-- results -->", "<!-- /results -->"


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    peak_mb: float = 0.0
    timed_out: float | None = None  # the limit it was stopped at, if it was

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


# The longest each step may take before it is stopped and reported as "timed out after
# N s" (a step that would take far longer at 100,000 articles must not hang the run).
COLD_LIMIT = 3600.0
STEP_LIMIT = 900.0  # one article added, one alias added
WARM_LIMIT = 300.0


def caconnect() -> list[str]:
    """caconnect as this checkout's code runs it (not whichever copy is installed)."""
    return [sys.executable, "-m", "ca_connect"]


# As an installed caconnect runs: with its modules' bytecode cached (an environment that
# sets PYTHONDONTWRITEBYTECODE would compile every module again at each command).
ENVIRONMENT = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join([str(BENCH.parent), os.environ.get("PYTHONPATH", "")]),
}


def measure(
    command: list[str],
    runs: int,
    before: object = None,
    patience: float = float("inf"),
    limit: float = WARM_LIMIT,
) -> Timing:
    """Median wall time and peak memory of a command, its output to /dev/null; one run only
    when it takes more than `patience` seconds. A run that takes more than `limit`
    seconds is stopped (with its worker processes) and the timing says so."""
    timing = Timing()
    for _ in range(runs):
        if timing.seconds and timing.seconds[0] > patience:
            break
        if callable(before):
            before()
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=ENVIRONMENT,
            start_new_session=True,  # its own process group: stopped whole on a timeout
        )
        sampler = _PeakMemory(process.pid)
        try:
            _, stderr = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            sampler.stop()
            timing.timed_out = limit
            return timing
        timing.seconds.append(time.perf_counter() - started)
        timing.peak_mb = max(timing.peak_mb, sampler.stop())
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{stderr.decode()}")
    return timing


class _PeakMemory:
    """The largest total RSS of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self.peak / 1024  # kB -> MB

    def _sample(self) -> None:
        while not self._done.wait(0.01):
            self.peak = max(self.peak, sum(_rss_kb(pid) for pid in _tree(self.pid)))


def _tree(root: int) -> list[int]:
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as file:
                    todo += [int(child) for child in file.read().split()]
        except OSError:
            pass
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def corpus(out: Path, count: int, seed: int) -> Path:
    """The corpus of `count` articles, generated unless an identical one is there."""
    data = out / f"corpus-{count}"
    stamp = hashlib.sha256(
        (BENCH / "generate.py").read_bytes()
        + (BENCH.parent / "data" / "entities.yaml").read_bytes()
        + f"{count}:{seed}".encode()
    ).hexdigest()
    if (data / "stamp").is_file() and (data / "stamp").read_text() == stamp:
        return data
    print(f"generating {count:,} articles in {data} ...", file=sys.stderr)
    generate(data, count, seed=seed)
    (data / "stamp").write_text(stamp)
    return data


def bench(data: Path, count: int, runs: int, cold_limit: float = COLD_LIMIT) -> dict[str, object]:
    """Every figure of the targets' table for one corpus (see bench/README.md)."""
    base = [*caconnect(), "--data", str(data)]
    index = data / ".caconnect"
    articles = data / "articles"
    results: dict[str, object] = {"articles": count}

    def say(what: str) -> None:
        print(f"{count:,} articles: {what} ...", file=sys.stderr)

    say("cold ingest")
    results["cold"] = measure(
        [*base, "summary"],
        1,
        before=lambda: shutil.rmtree(index, ignore_errors=True),
        limit=cold_limit,
    )
    if results["cold"].timed_out:  # no index to time anything on
        return results
    time.sleep(2)  # files written within 2 s of a scan are hashed again on the next one:
    measure([*base, "summary"], 1)  # let this untimed run do it
    results["grep"] = measure(["grep", "-rli", "turkmenistan", str(articles)], runs)
    first = sorted(articles.iterdir())[0]
    for label, arguments in (*WARM, ("show", ["show", "--format", "json", first.stem])):
        say(label)
        results[label] = measure([*base, *arguments], runs)
    deal = _first_deal(base)
    if deal:
        say("deal ID")
        results["deal"] = measure([*base, "deal", deal], runs)
    say("timeline | head -20")
    results["head"] = measure(
        ["sh", "-c", f"{' '.join(map(shlex.quote, base))} timeline --country TM | head -20"], runs
    )
    say("one article added")
    added = articles / "zz-bench-added.txt"
    added.write_bytes(first.read_bytes().replace(b"Turkmenistan", b"Tajikistan"))
    results["added"] = measure(
        [*base, "timeline", "--country", "TJ", "--format", "csv"], 1, limit=STEP_LIMIT
    )
    added.unlink()
    measure([*base, "summary"], 1)
    say("one alias added")
    entities = data / "entities.yaml"
    original = entities.read_text(encoding="utf-8")
    edited = original.replace("name: Starlink,", "name: Starlink, aliases: [Starlinkk],", 1)
    if edited == original:
        raise SystemExit(f"{entities}: no Starlink entry to add an alias to")
    entities.write_text(edited, encoding="utf-8")
    results["alias"] = measure(
        [*base, "timeline", "--country", "TM", "--format", "csv"], 1, limit=STEP_LIMIT
    )
    entities.write_text(original, encoding="utf-8")
    measure([*base, "summary"], 1)
    results["index_mb"] = sum(p.stat().st_size for p in index.iterdir()) / 1e6
    results["text_mb"] = sum(p.stat().st_size for p in articles.iterdir()) / 1e6
    return results


# The warm commands of the table: (label, arguments).
WARM = (
    ("timeline csv", ["timeline", "--country", "TM", "--format", "csv"]),
    ("summary", ["summary"]),
    ("partners", ["partners", "--country", "TM"]),
    ("export jsonl", ["export", "--format", "jsonl"]),
    ("deals", ["deals"]),
)


def _first_deal(base: list[str]) -> str | None:
    """The id of the deal with the most events (`deal ID` is timed on it)."""
    listing = subprocess.run(
        [*base, "deals", "--format", "json"], capture_output=True, env=ENVIRONMENT, check=False
    )
    rows = json.loads(listing.stdout or "[]")
    return max(rows, key=lambda row: (row["events"], row["id"]))["id"] if rows else None


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.0f} s"


def table(all_results: list[dict[str, object]], cores: int) -> str:
    """The issue's targets, each marked met or missed at every size measured."""
    sizes = [f"{r['articles']:,} articles" for r in all_results]
    lines = ["| target | " + " | ".join(sizes) + " |", "| --- |" + " --- |" * len(sizes)]

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    def row(label: str, cell: Any) -> None:
        lines.append(f"| {label} | " + " | ".join(_guarded(cell, r) for r in all_results) + " |")

    def t(result: dict[str, object], key: str) -> Timing:
        timing = result[key]
        assert isinstance(timing, Timing)
        return timing

    def versus_grep(key: str, limit: float) -> Any:
        def cell(result: dict[str, object]) -> str:
            ratio = t(result, key).median / t(result, "grep").median
            return f"{seconds(t(result, key).median)} = {ratio:.2f}x grep: {mark(ratio <= limit)}"

        return cell

    row(
        "warm `timeline --country TM --format csv` <= 1.5x grep (20k), < grep (100k)",
        lambda r: versus_grep("timeline csv", 1.5 if int(r["articles"]) < 100_000 else 1.0)(r),
    )
    row(
        "`timeline --country TM \\| head -20` < 0.25 s",
        lambda r: f"{seconds(t(r, 'head').median)}: {mark(t(r, 'head').median < 0.25)}",
    )
    for key in ("summary", "partners", "show"):
        row(f"warm `{key}` < grep", versus_grep(key, 1.0))
    row(
        "`export --format jsonl` (all) peak memory < 200 MB",
        lambda r: (
            f"{t(r, 'export jsonl').peak_mb:.0f} MB in {seconds(t(r, 'export jsonl').median)}: "
            f"{mark(t(r, 'export jsonl').peak_mb < 200)}"
        ),
    )

    def ingest(result: dict[str, object]) -> str:
        rate = int(result["articles"]) / t(result, "cold").median / cores  # type: ignore[call-overload]
        whole = t(result, "cold").median
        text = f"{seconds(whole)}, {rate:,.0f} articles/s per core: {mark(rate >= 1000)}"
        if int(result["articles"]) >= 100_000:  # type: ignore[call-overload]
            text += f"; 100k in < 2 min: {mark(whole < 120)}"
        return text

    row("cold ingest >= 1,000 articles/s per core (100k in < 2 min)", ingest)
    row(
        "one alias added: next query < 5 s",
        lambda r: f"{seconds(t(r, 'alias').median)}: {mark(t(r, 'alias').median < 5)}",
    )
    row(
        "one article added: next query < 0.3 s",
        lambda r: f"{seconds(t(r, 'added').median)}: {mark(t(r, 'added').median < 0.3)}",
    )

    def size(result: dict[str, object]) -> str:
        ratio = float(result["index_mb"]) / float(result["text_mb"])  # type: ignore[arg-type]
        return f"{result['index_mb']:.0f} MB = {ratio:.1f}x the text: {mark(ratio <= 4)}"

    row("index <= 4x the text", size)
    row("warm `deals` < grep", versus_grep("deals", 1.0))
    row(
        "warm `deal ID` (the deal with most events) < grep",
        lambda r: versus_grep("deal", 1.0)(r) if "deal" in r else "no deal",
    )
    row("`grep -rli turkmenistan` (the floor)", lambda r: seconds(t(r, "grep").median))
    # Rows for `report` are added here by its owner.
    return "\n".join(lines)


class _Missing(Exception):
    """A figure a cell needs was not measured, or its step was stopped."""


def _guarded(cell: Any, result: dict[str, object]) -> str:
    """A cell, or what stopped it: "timed out after N s" (the step was stopped at its
    limit) or "not measured" (an earlier step timed out)."""
    try:
        return cell(_Checked(result))
    except _Missing as missing:
        return str(missing)


class _Checked(dict):
    """A result whose timings raise _Missing when absent or timed out."""

    def __getitem__(self, key: str) -> Any:
        if key not in self:
            raise _Missing("not measured")
        value = dict.__getitem__(self, key)
        if isinstance(value, Timing) and value.timed_out is not None:
            raise _Missing(f"timed out after {value.timed_out:.0f} s")
        return value


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as file:
            model = next(line.split(":", 1)[1].strip() for line in file if "model name" in line)
    except (OSError, StopIteration):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores ({model}), {memory:.0f} GB RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def write_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000", help="comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs of each warm command")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "caconnect-bench",
        help="where corpora are generated (default: $TMPDIR/caconnect-bench)",
    )
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument(
        "--cold-limit",
        type=float,
        default=COLD_LIMIT,
        help=f"seconds the cold ingest may take before it is stopped (default {COLD_LIMIT:.0f})",
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d")
    results = []
    for count in sizes:
        data = corpus(args.out, count, args.seed)
        results.append(bench(data, count, args.runs, args.cold_limit))
        (args.out / "results.json").write_text(
            json.dumps(results, default=lambda t: vars(t), indent=1)
        )
    command = " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    text = (
        f"{table(results, os.cpu_count() or 1)}\n\nMeasured {started} on {machine()}, with "
        f"`{command}` (medians of {args.runs} warm runs; the cold ingest, the added article "
        "and the added alias once each)."
    )
    print(text)
    if args.readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
