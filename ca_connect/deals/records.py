"""Deal records built from linked groups, as the index stores them: on two cores when
there are many.

Building the records (status.build_deal, their JSON and summaries, packed) is most of
a full link's time after the groups are made, and each record depends only on its group,
the facts and its dating context: a forked child builds every other one while this
process builds the rest, and sends its rows back through a pipe. The child shares the
parent's memory (copy on write) and writes nothing; if it fails, the parent builds its
share itself. The rows are the same bytes however many processes made them.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Collection, Mapping, Sequence

from .dating import NOTHING_ELSE, Elsewhere
from .model import ArticleFacts, DealGroup
from .query import deal_order, summary_columns
from .status import build_deal
from .stored import pack

# Records to build before a second process pays for itself (forking a large process
# and sending the rows back cost about what building a few hundred records does).
FORK_FROM = 2000

# A deal's stored rows: its packed record, its order key, its packed summary and the
# row a table without filters shows (query.summary_columns).
Built = tuple[bytes, str, bytes, bytes]


def built_records(
    groups: Sequence[DealGroup],
    facts: Mapping[str, ArticleFacts],
    contexts: Sequence[Elsewhere],
    kept: Collection[str] = (),
) -> dict[str, Built]:
    """The stored rows of each group's record but those of `kept` (as stored), by id."""
    wanted = [i for i, group in enumerate(groups) if group.id not in kept]
    if len(wanted) < FORK_FROM or not _two_cores() or not hasattr(os, "fork"):
        return _built(wanted, groups, facts, contexts)
    theirs, mine = wanted[1::2], wanted[0::2]  # every other one: hubs are spread
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the child: build, send, leave without running the parent's cleanup
        code = 1
        try:
            os.close(reader)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            gc.freeze()  # its collections leave the parent's objects (and their pages) be
            with os.fdopen(writer, "wb") as out:
                pickle.dump(_built(theirs, groups, facts, contexts), out, protocol=5)
            code = 0
        finally:
            os._exit(code)
    os.close(writer)
    received = os.fdopen(reader, "rb")
    done = False
    try:
        found = _built(mine, groups, facts, contexts)
        with contextlib.suppress(EOFError, pickle.UnpicklingError):
            found.update(pickle.load(received))
        done = True
    finally:
        received.close()
        if not done:  # an error or Ctrl-C here: the child's work is not wanted
            os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    missing = [i for i in theirs if groups[i].id not in found]  # if the child failed
    found.update(_built(missing, groups, facts, contexts))
    return found


def built_record(
    group: DealGroup, facts: Mapping[str, ArticleFacts], context: Elsewhere = NOTHING_ELSE
) -> Built:
    """The stored rows of one group's record (status.build_deal)."""
    record = build_deal(group, facts, context)
    return (pack(record.model_dump_json()), deal_order(record), *summary_columns(record))


def _built(
    indexes: Sequence[int],
    groups: Sequence[DealGroup],
    facts: Mapping[str, ArticleFacts],
    contexts: Sequence[Elsewhere],
) -> dict[str, Built]:
    return {groups[i].id: built_record(groups[i], facts, contexts[i]) for i in indexes}


def _two_cores() -> bool:
    """May this process run on two cores or more?"""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not Linux
        return (os.cpu_count() or 1) > 1
