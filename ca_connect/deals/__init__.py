"""Deals: one storyline per real-world deal, linked from the events of many articles.

Data flows one way: tagged articles -> ArticleFacts (facts.py) -> linked groups (link.py)
-> Deal records (story.py, status.py); pipeline.py runs all three, `status_as_of` then says where
each deal stands at a date. Names are imported when first used, so that a command that
only reads stored deals (deals.query) does not load the event extractor.
"""

from __future__ import annotations

from .. import lazy_exports

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


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
