"""The building blocks of every date rule: month and weekday names, the patterns of
written dates (with or without a year), and the one reader that asks dateparser.

dateparser is imported lazily and only reads short candidate strings that the regexes
could not (PERF-NOTES.md): over a whole article it is slow and mostly wrong.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

from ..lazy_pattern import LazyPattern
from ..models import PartialDate

# Dates outside this range are misreadings (quantities, IDs), not news dates.
MIN_YEAR = 1990
MAX_YEAR = 2100
# A dateline or a date under the headline sits in the first lines of the text.
HEAD_LINES = 12
# A line longer than this is prose, not a line that is (almost) only a date.
MAX_DATE_LINE = 80
# dateparser only ever sees strings this short.
MAX_DATEPARSER_INPUT = 40

FRONT_MATTER_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"
QUERY_FORMS = (
    "YYYY, YYYY-MM, YYYY-MM-DD, 'March 2025', 'Mar 2025', '3 March 2025' or 'March 3, 2025'"
)

# --- Building blocks shared by every pattern ----------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_WEEKDAY = (
    r"(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?)"
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ORDINAL = r"(?:st|nd|rd|th)?"
# `February 4-5, 2026` and `24 to 26 September 2025` name the first day of a range.
_DAY_RANGE_TAIL = rf"(?:\s*(?:-|–|—|to|and|&)\s*\d{{1,2}}{_ORDINAL})?"
# `Sunday, 30 May 2021`, `Mon. Dec 4th, 2023`: the weekday belongs to the date.
_LEAD_WEEKDAY = rf"(?:{_WEEKDAY}\b\.?,?\s+)?"

# --- Absolute dates (a year is written) ---------------------------------------------
# Month names are matched case-insensitively (`DECEMBER 25`), but a lower-case `may` or
# `march` is a verb: `_month_number` rejects month tokens that do not start upper-case.

_ISO = LazyPattern(
    r"(?<![\d.\-/])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d|[.\-/]\d)"
)
_DMY_WORDS = LazyPattern(
    rf"{_LEAD_WEEKDAY}(?<![\d.,$])(?P<d>\d{{1,2}}){_ORDINAL}{_DAY_RANGE_TAIL}(?:\s+of)?"
    rf"\s+(?P<m>{_MONTH})\b\.?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MDY_WORDS = LazyPattern(
    rf"{_LEAD_WEEKDAY}(?P<m>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\b{_DAY_RANGE_TAIL}"
    r",?\s+(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
# Numeric dates in this region's outlets are day-first: 16.01.2018, 06-02-2015, 23.05.12.
_DMY_NUMERIC = LazyPattern(
    rf"{_LEAD_WEEKDAY}(?<![\d.\-/])(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)"
    r"(?P<y>\d{4}|\d{2})(?!\d|[.\-/]\d)",
    re.IGNORECASE,
)
# Each with what it cannot match without, a cheap search that rules most texts out: every
# full date has a four-digit year; an ISO date, one with a separator and a digit after it;
# a numeric one, digits and two separators (`$1.5 billion` has one).
_FOUR_DIGITS = LazyPattern(r"\d{4}")
_ISO_HINT = LazyPattern(r"\d{4}[-/.]\d")
_NUMERIC_HINT = LazyPattern(r"\d[./-]\d\d?[./-]\d")
_FULL_DATE_PATTERNS = (
    (_ISO, _ISO_HINT),
    (_DMY_WORDS, _FOUR_DIGITS),
    (_MDY_WORDS, _FOUR_DIGITS),
    (_DMY_NUMERIC, _NUMERIC_HINT),
)
_WORDED = (_DMY_WORDS, _MDY_WORDS)  # the forms that name their month
_MONTH_YEAR = LazyPattern(
    rf"(?P<m>{_MONTH})\b\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})(?!\d|\s*[-–—]\s*\d)", re.IGNORECASE
)

# --- Dates without a year -----------------------------------------------------------

_MD_NO_YEAR = LazyPattern(
    rf"{_LEAD_WEEKDAY}(?P<m>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?![.,]\d)",
    re.IGNORECASE,
)
_DM_NO_YEAR = LazyPattern(
    rf"{_LEAD_WEEKDAY}(?<![\d.,$])(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+(?P<m>{_MONTH})\b\.?",
    re.IGNORECASE,
)
_NO_YEAR_PATTERNS = (_MD_NO_YEAR, _DM_NO_YEAR)

# Cheap tests that decide whether a short string is worth dateparser's time.
_MONTH_WORD = LazyPattern(rf"\b{_MONTH}\b", re.IGNORECASE)
_YEAR_TOKEN = LazyPattern(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_SMALL_NUMBER = LazyPattern(r"(?<!\d)\d{1,2}(?!\d)")


class _Found(NamedTuple):
    """A date read from `text[start:end]`."""

    start: int
    end: int
    date: PartialDate


def _make_date(
    year: int, month: int | None = None, day: int | None = None, *, bounded: bool = True
) -> PartialDate | None:
    """A PartialDate, or None for an impossible date (or, if bounded, an implausible year)."""
    if bounded and not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if not 1 <= year <= 9999 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    # Checked above as its validators would: built without them (model_construct), so
    # that a command which reads one article's dates does not build them (~ms).
    return PartialDate.model_construct(year=year, month=month, day=day)


def _month_number(token: str, *, any_case: bool = False) -> int | None:
    """`Mar`, `March`, `Sept.` -> 3, 3, 9; None for lower-case tokens in prose (`may`)."""
    if not any_case and not token[:1].isupper():
        return None
    return _MONTH_NUMBERS.get(token.rstrip(".").lower()[:3])


def _year_number(token: str, *, short_years: bool) -> int | None:
    """A four-digit year, or a two-digit one (`23.05.12`) where the caller allows it."""
    if len(token) == 4:
        return int(token)
    if not short_years:
        return None
    two_digits = int(token)
    # The range starts in 1990, so 90-99 are the 1990s and the rest this century.
    return 1900 + two_digits if two_digits >= 90 else 2000 + two_digits


def _date_from_match(
    match: re.Match[str], *, short_years: bool = False, any_case: bool = False
) -> PartialDate | None:
    """The date a pattern match spells (groups y, m and optionally d); None if impossible."""
    year = _year_number(match["y"], short_years=short_years)
    month_text = match["m"]
    month = (
        int(month_text) if month_text.isdigit() else _month_number(month_text, any_case=any_case)
    )
    groups = match.groupdict()
    day = int(groups["d"]) if groups.get("d") else None
    if year is None or month is None:
        return None
    return _make_date(year, month, day)


def _first_wins(found: list[_Found]) -> list[_Found]:
    """Non-overlapping matches in reading order; at one position the longest wins."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _full_dates(text: str, *, short_years: bool = False, months: bool = True) -> list[_Found]:
    """Every day-precision date written with its year in `text`, in reading order.
    `months=False`: the caller knows `text` names no month (the worded forms are skipped)."""
    found: list[_Found] = []
    hints = {hint for _, hint in _FULL_DATE_PATTERNS}
    hinted = {hint: hint.search(text) is not None for hint in hints}
    for pattern, hint in _FULL_DATE_PATTERNS:
        if not hinted[hint] or (not months and pattern in _WORDED):
            continue
        for match in pattern.finditer(text):
            date = _date_from_match(match, short_years=short_years)
            if date is not None:
                found.append(_Found(match.start(), match.end(), date))
    return _first_wins(found)


def _dateparser_date(candidate: str) -> PartialDate | None:
    """Read a short string that is entirely one full date with dateparser (the slow path)."""
    import dateparser  # lazily: 66 ms to import, and rarely needed

    parsed = dateparser.parse(
        candidate,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            # No relative dates (`yesterday`) and no Unix timestamps (`1377988736`).
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    return None if parsed is None else _make_date(parsed.year, parsed.month, parsed.day)
