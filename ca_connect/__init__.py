"""caconnect: track digital-connectivity deals in Central Asia from news articles.

The library behind the `caconnect` command; everything a command does can be done here:

    from pathlib import Path
    import ca_connect as cc

    dictionary = cc.load_dictionary(Path("data/entities.yaml"))
    loaded = cc.load_articles(Path("data/articles"))
    tagged = [cc.analyse(article, dictionary) for article in loaded.articles]
    turkmen = cc.select(tagged, cc.Filters(countries=("TM",)))

Names are imported on first use, so `import ca_connect` stays cheap for the CLI.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Article": "models",
    "EntityDictionary": "models",
    "Event": "models",
    "Filters": "query",
    "Mention": "models",
    "PartialDate": "models",
    "TaggedArticle": "models",
    "CaconnectError": "errors",
    "load_article": "loader",
    "load_articles": "loader",
    "find_publication_date": "dates",
    "load_dictionary": "dictionary",
    "tag": "extractor",
    "analyse": "events",
    "extract_events": "events",
    "select": "query",
    "summary": "query",
    "build_filters": "query",
    "DataDir": "corpus",
    "open_corpus": "corpus",
    "evaluate": "evaluate",
    "load_gold": "evaluate",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ca_connect' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return __all__
