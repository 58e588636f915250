"""Deals: one storyline per real-world deal, linked from the events of many articles.

Data flows one way: tagged articles -> ArticleFacts (facts.py) -> linked groups (link.py)
-> Deal records (story.py, status.py); pipeline.py runs all three, `status_as_of` then says where
each deal stands at a date. Names are imported when first used, so that a command that
only reads stored deals (deals.query) does not load the event extractor.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Deal": "model",
    "NamedDeal": "named",
    "STALLED_AFTER": "rows",
    "newest_date": "status",
    "status_as_of": "rows",
    "deals_from_facts": "pipeline",
    "facts_of": "pipeline",
    "find_deals": "pipeline",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ca_connect.deals' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return __all__
