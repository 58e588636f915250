"""caconnect: track digital-connectivity deals in Central Asia from news articles.

The library behind the `caconnect` command; everything a command does can be done here:

    from pathlib import Path
    import ca_connect as cc

    corpus = cc.open_corpus(cc.DataDir(Path("data")))  # through the index
    turkmen = corpus.select(corpus.filters(countries=["TM"]))  # TaggedArticles
    events = corpus.events(cc.Filters(countries=("TM",)))  # deal events

Names are imported on first use, so `import ca_connect` stays cheap for the CLI.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

_EXPORTS = {
    "Article": "models",
    "EntityDictionary": "models",
    "Event": "models",
    "Filters": "vocab",
    "Mention": "models",
    "PartialDate": "models",
    "TaggedArticle": "models",
    "CaconnectError": "errors",
    "load_article": "loader",
    "load_articles": "loader",
    "find_publication_date": "dates",
    "load_dictionary": "dictionary",
    "tag": "tagging.tagger",
    "analyse": "events",
    "extract_events": "events",
    "build_filters": "query",
    "Corpus": "corpus",
    "DataDir": "corpus",
    "open_corpus": "corpus",
    "evaluate": "evaluate.tags",
    "load_gold": "evaluate.tags",
}

__all__ = sorted(_EXPORTS)


def lazy_exports(
    package: str, exports: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's `__getattr__` and `__dir__` (this one's and ca_connect.deals'): each
    name of `exports` imported from its module (relative to `package`) when first asked
    for; `dir()` lists those names."""
    names = sorted(exports)

    def attribute(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(f".{module}", package), name)

    def listing() -> list[str]:
        return names

    return attribute, listing


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
