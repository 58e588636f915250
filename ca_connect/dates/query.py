"""Query dates (`--since`/`--until`): a whole date, at day, month or year precision."""

from __future__ import annotations

import re
from functools import cache

from ..lazy_pattern import LazyPattern
from ..models import PartialDate
from .patterns import _MONTH, _ORDINAL, QUERY_FORMS, _make_date, _month_number

# --- Query dates (--since/--until) --------------------------------------------------

_QUERY_ISO = LazyPattern(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")


@cache  # compiled when a date in words is first read: an article's analysis rarely does
def _query_word_forms() -> tuple[re.Pattern[str], ...]:
    return (
        re.compile(rf"(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})", re.IGNORECASE),
        re.compile(rf"(?P<d>\d{{1,2}}){_ORDINAL}\s+(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})", re.I),
        re.compile(rf"(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORDINAL},?\s+(?P<y>\d{{4}})", re.I),
    )


def _read_whole_date(text: str, *, bounded: bool) -> PartialDate | None:
    """`text` read as one date of its own precision (ISO or month words), or None."""
    text = " ".join(text.split())
    match = _QUERY_ISO.fullmatch(text)
    if match:
        month, day = (int(part) if part else None for part in match.group("m", "d"))
        return _make_date(int(match["y"]), month, day, bounded=bounded)
    for pattern in _query_word_forms():
        match = pattern.fullmatch(text)
        if match:
            month = _month_number(match["m"], any_case=True)
            day = int(match["d"]) if match.groupdict().get("d") else None
            if month is None:
                return None
            return _make_date(int(match["y"]), month, day, bounded=bounded)
    return None


def parse_query_date(text: str) -> PartialDate:
    """Read a `--since`/`--until` value, keeping its precision.

    `2025`, `2025-03`, `2025-03-03`, `March 2025`, `Mar 2025`, `3 March 2025` and
    `March 3, 2025` are accepted; `March 2025` gives 2025-03, never a padded day.
    Raises ValueError naming the accepted forms for anything else.
    """
    date = _read_whole_date(text, bounded=False)
    if date is None:
        raise ValueError(f"not a valid date; use {QUERY_FORMS}")
    return date
