"""Where a cold ingest spends its time, per article, in one process.

    python bench/ingest_profile.py DATA [--cprofile OUT | --sample]
    python bench/ingest_profile.py DATA --relink [--cprofile OUT]

DATA is a data folder (`python bench/generate.py DATA 2000` makes one). Builds an
in-memory index of DATA's articles on one core (the worker pool off, so that every
piece is timed in this process) and prints the CPU time of each piece in ms per article
(CPU time: on a shared machine wall time counts the other jobs too): load and parse,
language detection, tagging (with discovery and the phrase matchers), event reading
(sentences, cues, event dates), deal facts, the stored rows, the SQLite writes and the
deal linking after the ingest, and the parent's own work besides the SQLite writes
(the deal facts and words it keeps). Pieces nest (tagging holds discovery), so their
sum is more than the total. The cyclic garbage collector is off, as every `caconnect`
command runs (cli/group.py): with it on, this tool counted collections no command pays
for (a fifth of the deal linking's CPU at 20,000 articles). `--cprofile OUT` also
writes a cProfile of the ingest (slower: read it for where, not for how much).
`--sample` instead samples the stack every millisecond of CPU (a profiling timer,
`SIGPROF`) and prints, in ms of CPU per article, the functions that hold the most time
(with what they call) and the files whose own code it is: cProfile's cost per call
inflates the many small functions, the samples do not (the run is ~2% slower).
`--sample --lines events/reader.py` also prints the time under each line of that file
(`--lines` again for more files).

`--relink` times the deal linking alone, as a cold ingest runs it after the worker pool,
on DATA's existing index (DATA/.caconnect/index.sqlite, made by any command, `caconnect
--data DATA summary`): every deal linked again from the stored facts, in a transaction
rolled back, so the index is left as it was. It prints the CPU time per article and the
process's peak resident memory: run it at several sizes to see how the linking scales.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import resource
import signal
import time
from collections import Counter, defaultdict
from pathlib import Path

from ca_connect import events, languages, loader
from ca_connect.deals import store as deal_store
from ca_connect.dictionary import load_dictionary
from ca_connect.events import dating, mentions, merge, reader
from ca_connect.events import parties as event_parties
from ca_connect.store import affected, ingest
from ca_connect.store import index as store_index
from ca_connect.tagging import discovery, matcher, tagger

SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)

# (label, owner, attribute): what is timed, where it is looked up.
PIECES = [
    ("load and parse", loader, "parse_article"),
    ("language detection", languages, "detect_language"),
    ("tagging (all)", tagger.Tagger, "tag"),
    ("  tokenize (tagger)", tagger, "tokenize"),
    ("  phrase matchers", matcher.PhraseMatcher, "find"),
    ("  discovery", discovery.Discoverer, "find"),
    ("events (all)", mentions.MentionReader, "mentions"),
    ("  sentence reading (tokens, cues)", reader.Reader, "sentence"),
    ("  event dates", dating, "resolve_event_date"),
    ("  parties", event_parties.PartyReader, "actors"),
    ("  merge", merge, "merge_mentions"),
    ("deal facts", deal_store, "facts_for_index"),
    ("stored rows: the article's record", ingest, "_packed"),
    ("stored rows: each event's", ingest, "_stored_event"),
    ("SQLite writes", store_index.Index, "_store"),
    ("deal facts kept (parent)", deal_store.DealStore, "put_facts"),
    ("words kept (parent)", affected.Vocabulary, "add"),
    ("deal linking after ingest", deal_store.DealStore, "sync"),
]


Frame = tuple[str, str]  # where (file:line of the function), which function
ROOT = str(Path(__file__).resolve().parent.parent) + "/"


class Sampler:
    """The stacks seen at every `interval` s of this process's CPU (SIGPROF)."""

    def __init__(self, interval: float = 0.001, lines_of: tuple[str, ...] = ()) -> None:
        self.interval = interval
        self.stacks: Counter[tuple[Frame, ...]] = Counter()
        self.lines_of = lines_of  # files (their paths' ends) whose lines are counted too
        self.lines: Counter[str] = Counter()

    def _sample(self, _signal: int, frame) -> None:
        stack = []
        lines = set()
        while frame is not None:
            code = frame.f_code
            where = f"{code.co_filename.replace(ROOT, '')}:{code.co_firstlineno}"
            stack.append((where, code.co_name))
            if self.lines_of and code.co_filename.endswith(self.lines_of):
                lines.add(f"{where.split(':')[0]}:{frame.f_lineno} ({code.co_name})")
            frame = frame.f_back
        self.lines.update(lines)
        self.stacks[tuple(stack)] += 1

    def __enter__(self) -> Sampler:
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *_) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)

    def report(self, cpu: float, count: int, top: int = 45, callees: int = 6) -> None:
        total = sum(self.stacks.values()) or 1
        inclusive: Counter[Frame] = Counter()
        own: Counter[Frame] = Counter()
        by_file: Counter[str] = Counter()
        called: dict[Frame, Counter[Frame]] = defaultdict(Counter)
        for stack, seen in self.stacks.items():
            for frame in set(stack):
                inclusive[frame] += seen
            for caller, callee in zip(stack[1:], stack, strict=False):
                called[caller][callee] += seen
            own[stack[0]] += seen
            by_file[stack[0][0].rsplit(":", 1)[0]] += seen

        def ms(seen: int) -> str:
            return f"{1000 * cpu * seen / total / count:7.3f}"

        print(f"\n{total} samples; ms of CPU per article, inclusive (and the largest callees)")
        for frame, seen in inclusive.most_common(top):
            print(f"{ms(seen)}  {frame[1]} ({frame[0]})")
            for callee, under in called[frame].most_common(callees):
                if under * 50 >= seen:  # 2% of the caller or more
                    print(f"         {ms(under)}  {callee[1]} ({callee[0]})")
        print("\nms of CPU per article in each file's own code")
        for name, seen in by_file.most_common(top):
            print(f"{ms(seen)}  {name}")
        if self.lines_of:
            print(f"\nms of CPU per article at each line of {', '.join(self.lines_of)} (inclusive)")
            for line, seen in self.lines.most_common(top * len(self.lines_of)):
                print(f"{ms(seen)}  {line}")


def timed(label: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start
            CALLS[label] += 1

    return wrapper


def instrument() -> None:
    for label, owner, name in PIECES:
        setattr(owner, name, timed(label, getattr(owner, name)))
    # Imported by name where they are called.
    events.detect_language = languages.detect_language
    events.merge_mentions = merge.merge_mentions


def relink(data: Path, cprofile: Path | None) -> None:
    """Time DealStore.sync of everything on DATA's index (module docstring)."""
    entities = data / "entities.yaml"
    index = store_index.Index(data / ".caconnect" / "index.sqlite", data / "articles", entities)
    index.open()
    db = index.db
    (count,) = db.execute("SELECT count(*) FROM deal_facts").fetchone()
    dictionary, named = index.dictionary(), index.named_deals()
    deals = deal_store.DealStore(db, index._event_records)
    profile = cProfile.Profile() if cprofile else None
    db.execute("BEGIN")
    start, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    deals.sync(set(), set(), named, dictionary, everything=True)
    if profile:
        profile.disable()
        profile.dump_stats(str(cprofile))
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    (made,) = db.execute("SELECT count(*) FROM deals").fetchone()
    db.execute("ROLLBACK")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{count} articles, {made} deals: linking {total:.2f} s wall, {cpu:.2f} s CPU, "
        f"{1000 * cpu / count:.2f} ms CPU per article, peak {peak:.0f} MB resident"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--cprofile", type=Path)
    parser.add_argument("--sample", action="store_true", help="a sampling profile (see above)")
    parser.add_argument(
        "--lines",
        metavar="FILE",
        action="append",
        default=[],
        help="with --sample: also each line of FILE (its path's end; repeatable)",
    )
    parser.add_argument("--no-pieces", action="store_true", help="time the total only")
    parser.add_argument("--relink", action="store_true", help="time the deal linking alone")
    args = parser.parse_args()
    gc.disable()  # as cli/group.py runs every command
    if args.relink:
        relink(args.data, args.cprofile)
        return
    ingest.cores = lambda: 1  # one process: every piece runs here
    entities = args.data / "entities.yaml"
    load_dictionary(entities)  # warm the dictionary cache: not an ingest cost
    count = sum(1 for _ in (args.data / "articles").iterdir())
    if not (args.no_pieces or args.sample):
        instrument()
    index = store_index.Index(None, args.data / "articles", entities)
    index.open()
    profile = cProfile.Profile() if args.cprofile else None
    sampler = Sampler(lines_of=tuple(args.lines)) if args.sample else None
    start, cpu = time.perf_counter(), time.process_time()
    if profile:
        profile.enable()
    if sampler:
        with sampler:
            index.sync()
    else:
        index.sync()
    if profile:
        profile.disable()
        profile.dump_stats(str(args.cprofile))
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"{count} articles: {total:.2f} s wall, {cpu:.2f} s CPU, "
        f"{1000 * cpu / count:.2f} ms CPU per article"
    )
    if sampler:
        sampler.report(cpu, count)
        return
    print(f"{'piece':36} {'CPU ms/article':>14} {'calls':>8}")
    for label, _, _ in PIECES:
        if label in SPENT:
            print(f"{label:36} {1000 * SPENT[label] / count:14.2f} {CALLS[label]:8}")


if __name__ == "__main__":
    main()
