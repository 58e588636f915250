"""A data folder opened for queries: its dictionary, its tagged articles, its load errors.

`open_corpus` is what every command starts from. It answers from the on-disk index
(index.py, brought up to date first): an IndexedCorpus. Without the index (`--no-index`,
or when the index cannot be used) a MemoryCorpus answers from the files themselves.
Both give the same answers: the same methods, the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import query
from .errors import ArticleError, UsageError
from .loader import MAX_ARTICLE_SIZE
from .packaged import dictionary_file

if TYPE_CHECKING:
    from .deals import Deal, NamedDeal
    from .index import Index, Progress
    from .models import EntityDictionary, Event, PartialDate, TaggedArticle
    from .query import Filters

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


@dataclass
class MemoryCorpus:
    """Every article loaded and tagged in memory."""

    dictionary: EntityDictionary
    articles: list[TaggedArticle]
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    named: list[NamedDeal] = field(default_factory=list)  # DIR/deals.yaml

    def filters(self, **options: Any) -> Filters:
        """query.build_filters: what a user typed, resolved with this corpus's dictionary."""
        return query.build_filters(self.dictionary, **options)

    def select(self, filters: Filters) -> list[TaggedArticle]:
        return query.select(self.articles, filters)

    def events(self, filters: Filters) -> list[Event]:
        return query.select_events(self.articles, filters)

    def get(self, article_id: str) -> TaggedArticle | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def article_rows(self, filters: Filters, view: str) -> list[Row]:
        """query.ARTICLE_VIEWS[view] of each article that passes the filters, in order."""
        make = query.ARTICLE_VIEWS[view]
        return [make(article) for article in self.select(filters)]

    def event_rows(self, filters: Filters, view: str) -> list[Row]:
        """query.EVENT_VIEWS[view] of each event that passes the filters, in order."""
        make = query.EVENT_VIEWS[view]
        return [make(event) for event in self.events(filters)]

    def summary(self, filters: Filters) -> dict[str, list[Row]]:
        return query.summary(self.select(filters))

    def named_deals(self) -> list[NamedDeal]:
        return self.named

    def deals(self) -> list[Deal]:
        """Every deal of the corpus (deals.find_deals), as its events leave it."""
        from .deals import find_deals

        return find_deals(self.articles, self.named, dictionary=self.dictionary)

    def deal(self, deal_id: str) -> Deal | None:
        return next((deal for deal in self.deals() if deal.id == deal_id), None)

    def newest_date(self) -> PartialDate | None:
        from .deals import facts_of, newest_date

        return newest_date(facts_of(self.articles))


class IndexedCorpus:
    """The answers of a MemoryCorpus, from the on-disk index.

    A damaged index found while answering is rebuilt and asked again, never trusted.
    """

    def __init__(self, index: Index, progress: Progress | None = None) -> None:
        from .index import IndexCorrupt

        self._index = index
        self._progress = progress
        try:
            self._update()
        except IndexCorrupt as problem:
            self._rebuild(problem)
        self.errors: list[ArticleError] = self._ask(index.errors)

    @property
    def warnings(self) -> list[str]:
        return self._index.notes

    @property
    def dictionary(self) -> EntityDictionary:
        return self._ask(self._index.dictionary)

    def filters(self, **options: Any) -> Filters:
        return query.build_filters(self._ask(self._index.lookup), **options)

    def select(self, filters: Filters) -> list[TaggedArticle]:
        return self._ask(self._index.select, filters)

    def events(self, filters: Filters) -> list[Event]:
        return self._ask(self._index.events, filters)

    def get(self, article_id: str) -> TaggedArticle | None:
        return self._ask(self._index.get, article_id)

    def article_rows(self, filters: Filters, view: str) -> list[Row]:
        return self._ask(self._index.article_rows, filters, view)

    def event_rows(self, filters: Filters, view: str) -> list[Row]:
        return self._ask(self._index.event_rows, filters, view)

    def summary(self, filters: Filters) -> dict[str, list[Row]]:
        return self._ask(self._index.summary, filters)

    def named_deals(self) -> list[NamedDeal]:
        return self._ask(self._index.named_deals)

    def deals(self) -> list[Deal]:
        return self._ask(self._index.deals)

    def deal(self, deal_id: str) -> Deal | None:
        return self._ask(self._index.deal, deal_id)

    def newest_date(self) -> PartialDate | None:
        return self._ask(self._index.newest_date)

    def close(self) -> None:
        self._index.close()

    def _update(self) -> None:
        self._index.open()
        self._index.sync(self._progress)

    def _rebuild(self, problem: Exception) -> None:
        from .index import IndexCorrupt, IndexUnavailable

        self._index.discard(str(problem))
        try:
            self._update()
        except IndexCorrupt as again:  # the new file is damaged too: give up on the index
            raise IndexUnavailable(str(again)) from again

    def _ask(self, question: Callable[..., Answer], *args: Any) -> Answer:
        from .index import IndexCorrupt

        try:
            return question(*args)
        except IndexCorrupt as problem:
            self._rebuild(problem)
            return question(*args)


Corpus = MemoryCorpus | IndexedCorpus


def open_corpus(
    data: DataDir,
    *,
    index: Path | None = None,
    use_index: bool = True,
    progress: Progress | None = None,
) -> Corpus:
    """The corpus of a data folder: from its index (at `index`, by default
    DIR/.caconnect/index.sqlite) brought up to date, or from the files when `use_index`
    is false or the index cannot be used now (the corpus's `warnings` say why).
    """
    data.check()
    if not use_index:
        return load_corpus(data)
    from .index import Index, IndexUnavailable, default_path

    where = index or default_path(data.root)
    store = Index(where, data.articles, data.entities, data.max_article_size)
    try:
        return IndexedCorpus(store, progress)
    except IndexUnavailable as problem:
        store.close()
        corpus = load_corpus(data)
        corpus.warnings = [
            *store.notes,
            f"cannot use the index {where} ({problem}); answering from the files",
        ]
        return corpus


def load_corpus(data: DataDir) -> MemoryCorpus:
    """Load the dictionary and every article of a data folder, and tag them, in memory."""
    from .deals.named import deals_path, load_named_deals
    from .dictionary import load_dictionary
    from .events import analyse
    from .loader import load_articles

    data.check()
    dictionary = load_dictionary(data.entities)
    named = load_named_deals(deals_path(data.root), dictionary)
    loaded = load_articles(data.articles, data.max_article_size)
    analysed = [analyse(article, dictionary) for article in loaded.articles]
    return MemoryCorpus(dictionary, analysed, loaded.errors, named=named)
