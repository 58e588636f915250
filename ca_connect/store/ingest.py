"""Analysing article files into rows ready to store, on every core when there are many.

Each file is read, parsed, tagged and its deal events read (events.analyse), then turned
into what the store keeps (schema.py): its filter columns, tags, and each view's rows
already printed as JSON and CSV lines. Worker processes never outlive the command: they
ignore Ctrl-C (the command stops them at once) and exit when their parent dies.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ArticleError
from ..loader import MAX_ARTICLE_SIZE
from ..output import csv_line
from ..query import (
    ARTICLE_RECORD,
    EVENT_FROM_RECORD,
    EVENT_RECORD,
    FROM_RECORD,
    deals_with,
    year_key,
)
from ..tokens import tokenize
from . import Progress
from .scan import content_hash, cores
from .schema import (
    ARTICLE_FORMATS,
    ARTICLE_LINES,
    ARTICLE_PARTS,
    EVENT_FORMATS,
    EVENT_LINES,
    EVENT_PARTS,
    PARTY_KINDS,
    PATH_MARK,
    WHOLE,
    StoredLine,
    pack,
)

if TYPE_CHECKING:
    from ..deals import NamedDeal
    from ..models import EntityDictionary, Event, PartialDate

# Files to analyse before a process pool pays for itself: its workers are forked once the
# parent has compiled the dictionary (they share its matchers, none compiles its own), so
# starting them costs about what analysing three or four files does.
PARALLEL_FROM = 48
CHUNK = 64  # files per task of the pool, at most: fewer when there are few files
Dates = tuple[str | None, str | None, str | None]  # ISO date, first day, last day


@dataclass
class StoredEvent:
    """One deal event as the store keeps it."""

    number: int
    stage: str
    planned: bool
    dates: Dates
    record: bytes  # schema.pack(export record, one JSON line)
    lines: dict[str, str]  # schema column: stored part of its CSV line (schema.EVENT_PARTS)
    parties: list[tuple[str, str | None, str, str, bool]]  # id, country, PARTY_KINDS, name, partner
    initiatives: list[str]


@dataclass
class Analysed:
    """What one article file adds to the store: its hash and load error, or its rows."""

    name: str
    hash: str
    error: str | None = None
    line: int | None = None
    id: str = ""
    dates: Dates = (None, None, None)
    year: str = ""  # query.year_key
    record: bytes = b""  # schema.pack(export record, one JSON line); empty if it did not load
    text: bytes = b""  # schema.pack(title NUL body)
    folded: tuple[str, str] = ("", "")  # title and body, case-folded (for the FTS index)
    words: list[str] = field(default_factory=list)  # text_words (store/affected.py)
    lines: dict[str, str] = field(default_factory=dict)  # schema.ARTICLE_PARTS: stored parts
    tags: list[tuple[str, str, str | None]] = field(default_factory=list)  # kind, id, name
    events: list[StoredEvent] = field(default_factory=list)
    deal_facts: tuple[bytes, list[str]] = (b"", [])  # deals.store.facts_for_index: facts, keys


def analyse_file(
    folder: Path,
    name: str,
    dictionary: EntityDictionary,
    named: Sequence[NamedDeal] = (),
    max_size: int = MAX_ARTICLE_SIZE,
) -> Analysed:
    """Load, tag and read the events of one file, ready to store."""
    from ..deals.store import facts_for_index
    from ..events import analyse
    from ..loader import parse_article, size_error

    path = folder / name
    try:
        size = path.stat().st_size
        if size > max_size:  # never read: see loader.MAX_ARTICLE_SIZE
            return Analysed(name, "", size_error(str(path), size, max_size).reason)
        content = path.read_bytes()
    except OSError as error:
        return Analysed(name, "", f"cannot read: {error.strerror}")
    analysed = Analysed(name, content_hash(content))
    try:
        article = parse_article(content, path, max_size)
    except ArticleError as error:
        analysed.error, analysed.line = error.reason, error.line
        return analysed
    tagged = analyse(article, dictionary)
    tagged = tagged.model_copy(update={"path": PATH_MARK})
    analysed.id = tagged.id
    analysed.dates = _dates(tagged.date)
    analysed.year = year_key(tagged.date)
    record = ARTICLE_RECORD(tagged)
    analysed.record = _packed(record)
    cells = _cells(record, FROM_RECORD, ARTICLE_FORMATS)
    own = {"date": analysed.dates[0], "id": analysed.id}  # the row's columns (index.py)
    analysed.lines = _parts(cells, ARTICLE_PARTS, ARTICLE_LINES, own)
    analysed.tags = [
        *(("country", code, None) for code in tagged.countries),
        *(("organization", org.id, org.name) for org in tagged.organizations),
        *(("initiative", kind, None) for kind in tagged.initiatives),
        *((("language", tagged.language, None),) if tagged.language else ()),
    ]
    stored = [_stored_event(event, analysed.id) for event in tagged.events]
    analysed.events = [event for event, _ in stored]
    title = tagged.title or ""
    analysed.text = pack(f"{title}\0{tagged.body}")
    analysed.words = text_words(title, tagged.body)
    analysed.folded = (title.casefold(), tagged.body.casefold())
    # The facts hold no path: `tagged` as it is.
    records = [record for event, record in sorted(stored, key=lambda pair: pair[0].number)]
    analysed.deal_facts = facts_for_index(tagged, named, records)
    return analysed


def text_words(title: str, body: str) -> list[str]:
    """The distinct words of an article's title and body, case-folded as the tagger reads
    them (tokenized once: the tagger's tokens): the store keeps every text's
    (store/affected.py: Vocabulary)."""
    return sorted({*tokenize(title)[2], *tokenize(body)[2]})


def _stored_event(event: Event, article_id: str | None = None) -> tuple[StoredEvent, str]:
    """One event as the store keeps it, and its export record as JSON (what it packs);
    `article_id`: its article's, as stored (the event's own by default)."""
    record = EVENT_RECORD(event)
    text = _TO_JSON(record)
    # A country is its own country: sql.event_where finds countries by that column.
    parties = [
        (
            p.id,
            p.id if p.kind == "country" else p.country,
            PARTY_KINDS[p.kind],
            p.name,
            deals_with(event, p.id),
        )
        for p in event.parties
    ]
    dates = _dates(event.date)
    cells = _cells(record, EVENT_FROM_RECORD, EVENT_FORMATS)
    # event_timeline's columns (index.py)
    own = {
        "sort_date": dates[0] or "",
        "article_id": event.article_id if article_id is None else article_id,
        "number": event.number,
    }
    return StoredEvent(
        number=event.number,
        stage=event.stage,
        planned=event.planned,
        dates=dates,
        record=pack(text),
        lines=_parts(cells, EVENT_PARTS, EVENT_LINES, own),
        parties=parties,
        initiatives=list(event.initiatives),
    ), text


def _cells(
    record: dict[str, Any],
    views: dict[str, Callable[[dict[str, Any]], dict[str, Any]]],
    formats: dict[str, tuple[str, ...]],
) -> dict[str, tuple[str, dict[str, str]]]:
    """The CSV line of each view stored as a line (made from the export record), and its
    cells by field."""
    lines: dict[str, tuple[str, dict[str, str]]] = {}
    for view, derive in views.items():
        if "csv" in formats.get(view, ()):
            row = derive(record)
            cells = {key: csv_line((value, None))[:-2] for key, value in row.items()}
            lines[view] = (_joined(list(cells.values())), cells)
    return lines


def _joined(cells: list[str]) -> str:
    """`csv_line` of a row whose cells are already written (each as `csv_line` writes it)."""
    return (",".join(cells) if cells != [""] else '""') + "\n"  # a lone empty cell: ""


def _parts(
    lines: dict[str, tuple[str, dict[str, str]]],
    parts: dict[str, tuple[str, list[str]]],
    stored: tuple[StoredLine, ...],
    own: dict[str, Any],
) -> dict[str, str]:
    """The stored parts of a row's CSV lines (schema.StoredLine): each line's own part is
    the whole line, after WHOLE, when the parts and the row's `own` columns do not make
    it again exactly."""
    kept = {
        part: ",".join([lines[view][1][key] for key in keys])
        for part, (view, keys) in parts.items()
    }
    for line in stored:
        whole = lines[line.view][0]
        if kept[line.own].startswith(WHOLE) or line.compose({**own, **kept}) != whole:
            kept[line.own] = WHOLE + whole
    return kept


# json.dumps(row, ensure_ascii=False) without building an encoder for every row; a
# record is a tree of fresh dicts and lists, so there is no cycle to check for.
_TO_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def _packed(row: dict[str, Any]) -> bytes:
    return pack(_TO_JSON(row))


def _dates(date: PartialDate | None) -> Dates:
    if date is None:
        return None, None, None
    key = (date.year, date.month, date.day)
    found = _DATE_TEXTS.get(key)
    if found is None:
        found = date.isoformat(), date.first_day().isoformat(), date.last_day().isoformat()
        _DATE_TEXTS[key] = found
    return found


# The texts of each date met: a corpus's articles and events share few (days of a few
# decades at most), and making them took 6% of the stored rows' time.
_DATE_TEXTS: dict[tuple[int, int | None, int | None], Dates] = {}


# --- The worker pool ---------------------------------------------------------------------

_WORKER_DICTIONARY: EntityDictionary | None = None
_WORKER_NAMED: Sequence[NamedDeal] = ()
_WORKER_MAX_SIZE = MAX_ARTICLE_SIZE
_PARENT = 0


def _start_worker(
    dictionary: EntityDictionary, named: Sequence[NamedDeal], max_size: int, parent: int
) -> None:
    global _WORKER_DICTIONARY, _WORKER_NAMED, _WORKER_MAX_SIZE, _PARENT
    _WORKER_DICTIONARY, _WORKER_NAMED, _WORKER_MAX_SIZE = dictionary, named, max_size
    _PARENT = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies (PR_SET_PDEATHSIG); elsewhere
    each chunk checks the parent (_worker_chunk)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG = 1
    except (OSError, AttributeError):
        return
    if os.getppid() != _PARENT:  # it died before the request took effect
        os._exit(1)


def _worker_chunk(folder: str, names: list[str]) -> list[Analysed]:
    if os.getppid() != _PARENT:  # orphaned: nobody wants the answer
        os._exit(1)
    assert _WORKER_DICTIONARY is not None
    return [analyse_file(Path(folder), name, _WORKER_DICTIONARY, _WORKER_NAMED) for name in names]


def analyse_files(
    folder: Path,
    names: Sequence[str],
    dictionary: EntityDictionary,
    progress: Progress | None = None,
    named: Sequence[NamedDeal] = (),
    max_size: int = MAX_ARTICLE_SIZE,
) -> Iterator[Analysed]:
    """`analyse_file` of each name, in order: on every core when there are many."""
    workers = cores()
    size = max(1, min(CHUNK, len(names) // (workers * 4)))  # every worker busy to the end
    chunks = [list(names[i : i + size]) for i in range(0, len(names), size)]
    if len(names) < PARALLEL_FROM or workers < 2:
        results: Iterator[list[Analysed]] = (
            [analyse_file(folder, n, dictionary, named, max_size) for n in chunk]
            for chunk in chunks
        )
    else:
        results = _analyse_in_pool(folder, chunks, dictionary, tuple(named), max_size, workers)
    done = 0
    for chunk in results:
        yield from chunk
        done += len(chunk)
        if progress:
            progress(done, len(names))


def _analyse_in_pool(
    folder: Path,
    chunks: list[list[str]],
    dictionary: EntityDictionary,
    named: tuple[NamedDeal, ...],
    max_size: int,
    workers: int,
) -> Iterator[list[Analysed]]:
    import multiprocessing

    from ..events.mentions import MentionReader
    from ..tagging.tagger import compiled, tagger_for

    # Compiled before the workers are forked: they share it (events.analyse's two).
    tagger_for(dictionary)
    compiled(dictionary, MentionReader)
    pool = multiprocessing.Pool(workers, _start_worker, (dictionary, named, max_size, os.getpid()))
    try:
        yield from pool.imap(_run_chunk, [(str(folder), chunk) for chunk in chunks])
        pool.close()
    finally:
        pool.terminate()  # at once, on Ctrl-C or an error too: no worker outlives this
        pool.join()


def _run_chunk(task: tuple[str, list[str]]) -> list[Analysed]:
    return _worker_chunk(*task)
