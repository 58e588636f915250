"""Publication dates, event dates and query dates; the only package that imports dateparser.

Everything here is a pure function over strings: no I/O, no clock; nothing is ever guessed.
patterns.py holds the building blocks, query.py reads `--since`/`--until` values,
publication.py finds an article's publication date (TAGGING.md), events.py the date of an
event a sentence reports, russian.py puts Russian date words into the English forms.
"""

from .events import (
    CountedBack,
    EventDate,
    counted_ahead,
    counted_back,
    dated_vaguely,
    dateline_day,
    dateline_year,
    resolve_event_date,
    tells_a_move,
    trailing_apposition,
)
from .patterns import MAX_YEAR, MIN_YEAR
from .publication import find_publication_date, yearless_dateline
from .query import parse_query_date

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "CountedBack",
    "EventDate",
    "counted_ahead",
    "counted_back",
    "dated_vaguely",
    "dateline_day",
    "dateline_year",
    "find_publication_date",
    "parse_query_date",
    "resolve_event_date",
    "tells_a_move",
    "trailing_apposition",
    "yearless_dateline",
]
