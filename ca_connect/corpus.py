"""A data folder opened for questions: its dictionary, its articles, its load errors.

`open_corpus` is what every command (and the Python API) starts from. It answers from
the store (store/): the on-disk index brought up to date, or, with `use_index=False` or
when the index cannot be used now, a store built in memory from the files. One engine:
the same SQL answers either way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import query
from .errors import ArticleError, UsageError
from .loader import MAX_ARTICLE_SIZE
from .packaged import dictionary_file
from .store import Index, IndexCorrupt, IndexUnavailable, Lines, Progress, default_path
from .vocab import Filters

if TYPE_CHECKING:
    from .deals import Deal, NamedDeal
    from .deals.rows import Month
    from .models import EntityDictionary, Event, PartialDate, TaggedArticle

Row = dict[str, Any]
Answer = TypeVar("Answer")


@dataclass(frozen=True)
class DataDir:
    """Where a corpus lives: DIR/articles/ and DIR/entities.yaml."""

    root: Path
    max_article_size: int = MAX_ARTICLE_SIZE  # bytes; a larger file is refused, never read

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def entities(self) -> Path:
        return dictionary_file(self.root)  # DIR/entities.yaml, else the packaged one

    def check(self) -> None:
        if not self.root.is_dir():
            raise UsageError(f"no data folder at {self.root}: use --data DIR or set CACONNECT_DATA")
        if not self.articles.is_dir():
            raise UsageError(f"{self.root} has no articles/ folder: is --data the right folder?")


class Corpus:
    """The answers about one data folder, from its store.

    A damaged index file found while answering is rebuilt and asked again, never trusted.
    """

    def __init__(self, index: Index, progress: Progress | None = None) -> None:
        self._index = index
        self._progress = progress
        try:
            self._update()
        except IndexCorrupt as problem:
            self._rebuild(problem)
        self.warnings: list[str] = index.notes
        self.errors: list[ArticleError] = self._ask(index.errors)

    @property
    def dictionary(self) -> EntityDictionary:
        return self._ask(self._index.dictionary)

    @property
    def in_memory(self) -> bool:
        return self._index.path is None

    def filters(self, **options: Any) -> Filters:
        """query.build_filters: what a user typed, resolved with this corpus's dictionary."""
        return query.build_filters(self._ask(self._index.lookup), **options)

    def lines(self, filters: Filters, view: str, *, events: bool = False) -> Lines:
        """The rows of a view (query.ARTICLE_VIEWS, or EVENT_VIEWS with `events`) that pass
        the filters, in timeline order, as stored text to stream (output.render_lines)."""
        return self._ask(self._index.lines, filters, view, events=events)

    def article_rows(self, filters: Filters, view: str) -> list[Row]:
        """query.ARTICLE_VIEWS[view] of each article that passes the filters, in order."""
        return list(self.lines(filters, view).rows())

    def event_rows(self, filters: Filters, view: str) -> list[Row]:
        """query.EVENT_VIEWS[view] of each event that passes the filters, in order."""
        return list(self.lines(filters, view, events=True).rows())

    def summary(self, filters: Filters) -> dict[str, list[Row]]:
        """Article counts by country, initiative type, organisation and year, and country x type."""
        return self._ask(self._index.summary, filters)

    def partners(self, filters: Filters) -> list[Row]:
        """Who the filter's countries deal with (the `partners` command's rows)."""
        return query.partner_rows(self._ask(self._index.partners, filters))

    def select(self, filters: Filters) -> list[TaggedArticle]:
        """The articles that pass the filters, in timeline order, with their events."""
        return self._ask(self._index.select, filters)

    def events(self, filters: Filters) -> list[Event]:
        """The deal events that pass the filters, in timeline order."""
        return self._ask(self._index.events, filters)

    def each_event(self, filters: Filters, *, unlinked: bool = False) -> Iterator[Event]:
        """`events` one at a time; with `unlinked`, only those no deal links."""
        return self._ask(self._index.each_event, filters, unlinked=unlinked)

    def event_counts(self, filters: Filters) -> tuple[list[Any], list[Any]]:
        """The events that pass, counted: (year, type, n) and (year, stage, n) rows."""
        return self._ask(self._index.event_counts, filters)

    def article_span(self, filters: Filters) -> tuple[int, int, str | None, str | None]:
        """The articles that pass: how many, how many undated, the first and last date."""
        return self._ask(self._index.article_span, filters)

    def article_records(self, ids: Iterable[str]) -> list[Row]:
        """The export records of the articles with these ids, in id order."""
        return list(self._ask(self._index.article_records, ids))

    def get(self, article_id: str) -> TaggedArticle | None:
        return self._ask(self._index.get, article_id)

    def named_deals(self) -> list[NamedDeal]:
        """The named deals of DIR/deals.yaml."""
        return self._ask(self._index.named_deals)

    def deals(self) -> list[Deal]:
        """Every deal of the corpus (deals/), as its events leave it."""
        return self._ask(self._index.deals)

    def each_deal(self) -> Iterator[Deal]:
        """`deals`, one at a time (a caller keeping a few keeps memory low)."""
        return self._ask(self._index.each_deal)

    def linked_events(self) -> set[tuple[str, int]]:
        """(article id, event number) of every event a deal links."""
        return self._ask(self._index.linked_events)

    def deal_summaries(self) -> list[dict]:
        """What `caconnect deals` prints of every deal, first seen first (deals.query)."""
        return self._ask(self._index.deal_summaries)

    def shown_deal_rows(self) -> list[list]:
        """[last seen, table row] of every deal, first seen first (deals/rows.shown_row)."""
        return self._ask(self._index.shown_deal_rows)

    def deal(self, deal_id: str) -> Deal | None:
        return self._ask(self._index.deal, deal_id)

    def deal_data(self, deal_id: str) -> Row | None:
        """One deal's record as JSON data (model.Deal's fields; dates as ISO text), as its
        events leave it, without building the model."""
        return self._ask(self._index.deal_data, deal_id)

    def newest_iso(self) -> str | None:
        """The newest article's date as ISO text."""
        return self._ask(self._index.newest_iso)

    def newest_date(self) -> PartialDate | None:
        """The newest article's date: where deals stand by default."""
        return self._ask(self._index.newest_date)

    def newest_month(self) -> Month | None:
        """The newest article's year and month, without a date model (deals.rows)."""
        return self._ask(self._index.newest_month)

    def close(self) -> None:
        self._index.close()

    def _update(self) -> None:
        self._index.open()
        self._index.sync(self._progress)

    def _rebuild(self, problem: Exception) -> None:
        self._index.discard(str(problem))
        try:
            self._update()
        except IndexCorrupt as again:  # the new file is damaged too: give up on the index
            raise IndexUnavailable(str(again)) from again

    def _ask(self, question: Callable[..., Answer], *args: Any, **options: Any) -> Answer:
        """A question to the store; the index found damaged (or changed under us) is
        rebuilt and asked again. A rebuild once the corpus is open is said on standard
        error at once (its caller has read `warnings` already): never silent, never on
        standard output. One while opening is among the `warnings` its caller reads."""
        try:
            return question(*args, **options)
        except IndexCorrupt as problem:
            told = len(self._index.notes)
            self._rebuild(problem)
            if "errors" in vars(self):  # opened: the caller has read its warnings
                for note in self._index.notes[told:]:
                    print(f"Warning: {note}", file=sys.stderr)
            return question(*args, **options)


def open_corpus(
    data: DataDir,
    *,
    index: Path | None = None,
    use_index: bool = True,
    progress: Progress | None = None,
) -> Corpus:
    """The corpus of a data folder, from its index (at `index`, by default
    DIR/.caconnect/index.sqlite) brought up to date; from a store built in memory when
    `use_index` is false or the index cannot be used now (`warnings` then say why).
    """
    data.check()
    if not use_index:
        return Corpus(_in_memory(data), progress)
    where = index or default_path(data.root)
    store = Index(where, data.articles, data.entities, data.max_article_size)
    try:
        return Corpus(store, progress)
    except IndexUnavailable as problem:
        store.close()
        corpus = Corpus(_in_memory(data), progress)
        corpus.warnings[:0] = [
            *store.notes,
            f"cannot use the index {where} ({problem}); answering from the files",
        ]
        return corpus


def _in_memory(data: DataDir) -> Index:
    return Index(None, data.articles, data.entities, data.max_article_size)
