"""Time and peak memory of `caconnect report` on generated corpora.

    python bench/generate.py /tmp/c100k 100000      # a corpus (see bench/README.md)
    python bench/report_bench.py /tmp/c10k /tmp/c100k

For each data folder: one `summary` brings its index up to date (not counted), then
`report -o` (the whole corpus) and `report --country TM -o` run as a user runs them
(this checkout's code, `python -m ca_connect`), each timed by the wall clock and by the
CPU time of its process (user + system: what a busy machine does not inflate), with its
peak resident memory (all three from the kernel's accounting of that child). Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RUNS = (("report", []), ("report --country TM", ["--country", "TM"]))


def run(data: Path, args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one `caconnect --data DATA ARGS`."""
    command = [sys.executable, "-m", "ca_connect", "--data", str(data), *args]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # kB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, nargs="+", help="data folders (bench/generate.py)")
    args = parser.parse_args()
    print("| articles | command | wall time | CPU time | peak memory | page |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        for data in args.data:
            run(data, ["summary"])  # the index, up to date
            articles = sum(1 for _ in (data / "articles").iterdir())
            for name, options in RUNS:
                page.unlink(missing_ok=True)
                seconds, cpu, peak = run(data, ["report", *options, "-o", str(page)])
                size = page.stat().st_size / 1e6
                print(
                    f"| {articles:,} | `{name}` | {seconds:.1f} s | {cpu:.1f} s "
                    f"| {peak:.0f} MB | {size:.1f} MB |"
                )


if __name__ == "__main__":
    main()
