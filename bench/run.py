"""The benchmark: `python bench/run.py` measures caconnect on synthetic corpora.

For each size (1,000, 10,000 and 100,000 articles by default) it generates a corpus
(bench/generate.py, seeded) outside the repository and times, as the median of several
runs, end to end as a user runs them (`caconnect ...`, output to /dev/null):
- cold ingest: the first command on a corpus without an index (articles per second);
- a warm command with (almost) nothing to answer (`articles --text 'no such phrase'`):
  what any command costs before its own work, the scan of the folder included;
- `timeline --country TM`, `summary`, `export --format csv` (everything), warm;
- `caconnect --help`;
and beside them the same commands with `--no-index` (what every command cost before the
index), `grep -rli turkmenistan DIR/articles` (the floor a warm query should beat), and
the peak memory of each command (the sum over its processes, sampled every 10 ms).

`--readme` writes the table, the machine and the command into bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402  (a script beside this one)

README = BENCH / "README.md"
PATIENCE = 60.0  # seconds: a `--no-index` command slower than this runs once
START, END = "<!-- results -->", "<!-- /results -->"

# (label, arguments): the commands of the table, timed warm with and without the index.
COMMANDS = (
    ("`articles --text 'no such phrase'`", ["articles", "--text", "no such phrase"]),
    ("`timeline --country TM`", ["timeline", "--country", "TM"]),
    ("`summary`", ["summary"]),
    ("`export --format csv` (all)", ["export", "--format", "csv"]),
    ("`deals`", ["deals"]),
)


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    peak_mb: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def caconnect() -> list[str]:
    """caconnect as this checkout's code runs it (not whichever copy is installed)."""
    return [sys.executable, "-m", "ca_connect"]


ENVIRONMENT = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(BENCH.parent), os.environ.get("PYTHONPATH", "")]),
}


def measure(
    command: list[str], runs: int, before: object = None, patience: float = float("inf")
) -> Timing:
    """Median wall time and peak memory of a command, its output to /dev/null; one run only
    when it takes more than `patience` seconds."""
    timing = Timing()
    for _ in range(runs):
        if timing.seconds and timing.seconds[0] > patience:
            break
        if callable(before):
            before()
        started = time.perf_counter()
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT
        )
        sampler = _PeakMemory(process.pid)
        _, stderr = process.communicate()
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


def bench(data: Path, count: int, runs: int, cold_runs: int, files_runs: int) -> dict[str, object]:
    base = [*caconnect(), "--data", str(data)]
    index = data / ".caconnect"
    results: dict[str, object] = {"articles": count}
    print(f"{count:,} articles: cold ingest ...", file=sys.stderr)
    cold = measure(
        [*base, "summary"], cold_runs, before=lambda: shutil.rmtree(index, ignore_errors=True)
    )
    results["cold"] = cold
    time.sleep(2)  # files written within 2 s of a scan are hashed again on the next one:
    measure([*base, "summary"], 1)  # let this untimed run do it
    for label, arguments in COMMANDS:
        print(f"{count:,} articles: {label} ...", file=sys.stderr)
        results[label] = (
            measure([*base, *arguments], runs),
            measure([*base, "--no-index", *arguments], files_runs, patience=PATIENCE),
        )
    deal = _first_deal(base)
    if deal:
        label = "`deal ID`"
        print(f"{count:,} articles: {label} ...", file=sys.stderr)
        results[label] = (
            measure([*base, "deal", deal], runs),
            measure([*base, "--no-index", "deal", deal], files_runs, patience=PATIENCE),
        )
    results["help"] = measure([*caconnect(), "--help"], runs)
    results["grep"] = measure(["grep", "-rli", "turkmenistan", str(data / "articles")], runs)
    results["index_mb"] = sum(p.stat().st_size for p in index.iterdir()) / 1e6
    return results


def _first_deal(base: list[str]) -> str | None:
    """The id of the deal with the most events (`deal ID` is timed on it)."""
    listing = subprocess.run(
        [*base, "deals", "--format", "json"], capture_output=True, env=ENVIRONMENT, check=False
    )
    rows = json.loads(listing.stdout or "[]")
    return max(rows, key=lambda row: (row["events"], row["id"]))["id"] if rows else None


def seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.0f} s"


def table(all_results: list[dict[str, object]]) -> str:
    sizes = [f"{r['articles']:,} articles" for r in all_results]
    lines = [
        "| | " + " | ".join(sizes) + " |",
        "| --- |" + " --- |" * len(sizes),
    ]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    def cold(result: dict[str, object]) -> str:
        timing = result["cold"]
        assert isinstance(timing, Timing)
        rate = int(result["articles"]) / timing.median  # type: ignore[call-overload]
        return f"{seconds(timing.median)}: **{rate:,.0f} articles/s**"

    row("cold ingest (first command, no index)", [cold(r) for r in all_results])
    for label in [label for label, _ in COMMANDS] + ["`deal ID`"]:
        if not all(label in result for result in all_results):
            continue
        cells = []
        for result in all_results:
            indexed, files = result[label]  # type: ignore[misc]
            cells.append(f"**{seconds(indexed.median)}** (files: {seconds(files.median)})")
        row(f"warm {label} (`--no-index`)", cells)
    row("`grep -rli turkmenistan`: the floor", [seconds(r["grep"].median) for r in all_results])  # type: ignore[union-attr]
    row("`caconnect --help`", [seconds(r["help"].median) for r in all_results])  # type: ignore[union-attr]

    def peak(result: dict[str, object], indexed: bool) -> float:
        timings = [result[label][0 if indexed else 1] for label, _ in COMMANDS]  # type: ignore[index]
        if indexed:
            timings.append(result["cold"])
        return max(t.peak_mb for t in timings)

    row(
        "peak memory, index (files)",
        [f"**{peak(r, True):.0f} MB** ({peak(r, False):.0f} MB)" for r in all_results],
    )
    row("index size on disk", [f"{r['index_mb']:.0f} MB" for r in all_results])
    return "\n".join(lines)


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
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs of each warm command")
    parser.add_argument("--cold-runs", type=int, default=3, help="runs of the cold ingest")
    parser.add_argument("--files-runs", type=int, default=3, help="runs of each --no-index one")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "caconnect-bench",
        help="where corpora are generated (default: $TMPDIR/caconnect-bench)",
    )
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d")
    results = []
    for count in sizes:
        data = corpus(args.out, count, args.seed)
        results.append(bench(data, count, args.runs, args.cold_runs, args.files_runs))
        (args.out / "results.json").write_text(
            json.dumps(results, default=lambda t: vars(t), indent=1)
        )
    command = " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    text = (
        f"{table(results)}\n\nMeasured {started} on {machine()}, with `{command}` "
        f"(medians of {args.runs} warm runs, {args.cold_runs} cold ones and {args.files_runs} "
        f"`--no-index` ones, or one where it took over {PATIENCE:.0f} s)."
    )
    print(text)
    if args.readme:
        write_readme(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
