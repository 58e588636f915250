"""A data folder opened for queries: its dictionary, its tagged articles, its load errors.

`open_corpus` is what every command starts from. This module answers from the files
themselves; the on-disk index (index.py) answers the same questions faster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import query
from .errors import ArticleError, UsageError
from .models import EntityDictionary, Filters, TaggedArticle


@dataclass(frozen=True)
class DataDir:
    """Where a corpus lives: DIR/articles/ and DIR/entities.yaml."""

    root: Path

    @property
    def articles(self) -> Path:
        return self.root / "articles"

    @property
    def entities(self) -> Path:
        return self.root / "entities.yaml"

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

    def select(self, filters: Filters) -> list[TaggedArticle]:
        return query.select(self.articles, filters)

    def get(self, article_id: str) -> TaggedArticle | None:
        return next((a for a in self.articles if a.id == article_id), None)


def open_corpus(data: DataDir) -> MemoryCorpus:
    """Load the dictionary and every article of a data folder, and tag them."""
    from .dictionary import load_dictionary
    from .extractor import tagger_for
    from .loader import load_articles

    data.check()
    dictionary = load_dictionary(data.entities)
    loaded = load_articles(data.articles)
    tagger = tagger_for(dictionary)
    return MemoryCorpus(dictionary, [tagger.tag(a) for a in loaded.articles], loaded.errors)
