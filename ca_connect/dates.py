"""Publication dates, event dates and query dates; the only module that imports dateparser.

Everything here is a pure function over strings: no I/O, no clock. The rules come from
`TAGGING.md` ("Publication date"): a date is taken from the front matter, then a ` date`
header line, then a dateline or signature, then the URL path; dates of the events an
article reports are never its publication date, and nothing is ever guessed.

Speed (PERF-NOTES.md): `dateparser.search_dates` over a whole article is slow and mostly
wrong, so candidates are found with compiled regexes over a few short lines and read by
a stdlib fast path; dateparser is imported lazily and only reads short candidate strings
that the regexes could not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

from ca_connect.dates_ru import date_lines, english_dates
from ca_connect.models import DateSource, PartialDate

__all__ = ["EventDate", "find_publication_date", "parse_query_date", "resolve_event_date"]

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

_ISO = re.compile(
    r"(?<![\d.\-/])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d|[.\-/]\d)"
)
_DMY_WORDS = re.compile(
    rf"{_LEAD_WEEKDAY}(?<![\d.,$])(?P<d>\d{{1,2}}){_ORDINAL}{_DAY_RANGE_TAIL}(?:\s+of)?"
    rf"\s+(?P<m>{_MONTH})\b\.?,?\s+(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MDY_WORDS = re.compile(
    rf"{_LEAD_WEEKDAY}(?P<m>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\b{_DAY_RANGE_TAIL}"
    r",?\s+(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
# Numeric dates in this region's outlets are day-first: 16.01.2018, 06-02-2015, 23.05.12.
_DMY_NUMERIC = re.compile(
    rf"{_LEAD_WEEKDAY}(?<![\d.\-/])(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)"
    r"(?P<y>\d{4}|\d{2})(?!\d|[.\-/]\d)",
    re.IGNORECASE,
)
_FULL_DATE_PATTERNS = (_ISO, _DMY_WORDS, _MDY_WORDS, _DMY_NUMERIC)
_MONTH_YEAR = re.compile(
    rf"(?P<m>{_MONTH})\b\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})(?!\d|\s*[-–—]\s*\d)", re.IGNORECASE
)

# --- Dates without a year -----------------------------------------------------------

_MD_NO_YEAR = re.compile(
    rf"{_LEAD_WEEKDAY}(?P<m>{_MONTH})\b\.?\s+(?P<d>\d{{1,2}}){_ORDINAL}\b(?![.,]\d)",
    re.IGNORECASE,
)
_DM_NO_YEAR = re.compile(
    rf"{_LEAD_WEEKDAY}(?<![\d.,$])(?P<d>\d{{1,2}}){_ORDINAL}(?:\s+of)?\s+(?P<m>{_MONTH})\b\.?",
    re.IGNORECASE,
)
_NO_YEAR_PATTERNS = (_MD_NO_YEAR, _DM_NO_YEAR)

# Cheap tests that decide whether a short string is worth dateparser's time.
_MONTH_WORD = re.compile(rf"\b{_MONTH}\b", re.IGNORECASE)
_YEAR_TOKEN = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_SMALL_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


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
    return PartialDate(year=year, month=month, day=day)


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


def _full_dates(text: str, *, short_years: bool = False) -> list[_Found]:
    """Every day-precision date written with its year in `text`, in reading order."""
    found = []
    for pattern in _FULL_DATE_PATTERNS:
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


# --- Query dates (--since/--until) --------------------------------------------------

_QUERY_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")
_QUERY_WORD_FORMS = (
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
    for pattern in _QUERY_WORD_FORMS:
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


# --- Publication date: front matter -------------------------------------------------

# `2025-03-03T10:20:00+03:00` or `2025-03-03 10:20`: the date as printed, time ignored.
_ISO_DATETIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}\S*(?:\s*\S+)?")
_COMPACT_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _front_matter_date(value: object) -> PartialDate | None:
    """The front matter's `date` (YAML date, datetime, int year or string), or None if unset.

    Raises ValueError when it is set but is not a readable, plausible date; the message
    is short because the loader prefixes it with the file and the key.
    """
    if value is None:
        return None
    if isinstance(value, dt.date):  # also datetime
        date: PartialDate | None = _make_date(value.year, value.month, value.day)
        text = value.isoformat()
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
        if not text:
            return None
        date = _read_front_matter_text(text)
        if date is None:
            raise ValueError(f"{text!r} is not a date; use {FRONT_MATTER_FORMS}")
    else:
        raise ValueError(f"{value!r} is not a date; use {FRONT_MATTER_FORMS}")
    if date is None or not MIN_YEAR <= date.year <= MAX_YEAR:
        raise ValueError(f"{text!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return date


def _read_front_matter_text(text: str) -> PartialDate | None:
    """A front-matter date string in any form the date finder knows, unbounded."""
    datetime_match = _ISO_DATETIME.fullmatch(text)
    if datetime_match:
        text = datetime_match.group(1)
    compact = _COMPACT_DATE.fullmatch(text)
    if compact:
        return _make_date(*(int(part) for part in compact.groups()), bounded=False)
    date = _read_whole_date(text, bounded=False)
    if date is not None:
        return date
    found = _full_dates(text, short_years=True)
    if len(found) == 1 and not _strip_time(text[: found[0].start] + text[found[0].end :]):
        return found[0].date
    # Numbers alone are read by the regexes or not at all; dateparser only gets words.
    if len(text) <= MAX_DATEPARSER_INPUT and _MONTH_WORD.search(text):
        return _dateparser_date(text)
    return None


# --- Publication date: ` date 2025-03-03` header line -------------------------------

_HEADER = re.compile(r"\A\s*date\s*:?[ \t]+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?!\S)", re.IGNORECASE)


def _header_date(text: str) -> PartialDate | None:
    """The date of a ` date 2025-03-03 ...` line at the very head of the text."""
    match = _HEADER.match(text)
    return _read_whole_date(match["date"], bounded=True) if match else None


# --- Publication date: datelines, dates under the headline, signatures --------------

# Clock times and time zones printed with a date: `16:39 (UTC +04:00)`, `at 9:05 pm`.
_TIME = re.compile(
    r"(?:\bat\s+|(?<=\d)T)?(?<![^\WT])\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-−]\d{2}:?\d{2})?"
    r"(?:\s*[ap]\.?m\b\.?)?"
    r"(?:\s*\(?\s*(?:UTC|GMT)\s*(?:[+\-−]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?",
    re.IGNORECASE,
)
# Labels a site prints before its date: `Date:`, `Published on`, `Last updated:`.
_DATE_LABEL = re.compile(
    r"^(?:(?:date|time)\s+of\s+publication|publication\s+date|(?:last\s+)?updated|published"
    r"|posted|created|released|date)(?:\s+on)?\s*:?",
    re.IGNORECASE,
)
# A byline that runs into its date: `By Jane Doe on 12 March 2025`.
_BYLINE = re.compile(r"^by\s+\S+(?:\s+\S+){0,3}?\s+on$", re.IGNORECASE)
_SEPARATORS = "|/•·"
_PUNCTUATION = " ,;:()[]–—-"


def _strip_time(fragment: str) -> str:
    return _TIME.sub(" ", fragment).strip(_PUNCTUATION + ".")


def _is_short_name(fragment: str) -> bool:
    """A few capitalised words, as in `Turkmenistan Materials` or a source name."""
    words = fragment.split()
    return len(words) <= 3 and ":" not in fragment and all(w[0].isupper() for w in words)


def _is_prefix_furniture(prefix: str) -> bool:
    """What may precede a date on a line that is only a date: labels, times, a short name."""
    prefix = prefix.strip()
    if not prefix or prefix[-1] in _SEPARATORS:
        return True
    prefix = _TIME.sub(" ", _DATE_LABEL.sub("", prefix)).strip()
    prefix = _DATE_LABEL.sub("", prefix)
    if ":" in prefix:  # some other label (`Photo:`, `Founded:`): not the article's date
        return False
    prefix = prefix.strip(_PUNCTUATION)
    return not prefix or bool(_BYLINE.match(prefix)) or _is_short_name(prefix)


# A later time stamp after the publication date: `Posted: 2023-06-15 Updated: 2023-06-16`.
_LATER_STAMP = re.compile(r"(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)


def _is_suffix_furniture(suffix: str) -> bool:
    """What may follow it: times, time zones, `/ News of ministry` after a separator, or
    the time stamp of a later update."""
    suffix = _strip_time(suffix)
    return (
        not suffix
        or suffix[0] in _SEPARATORS + "(–—-"
        or _is_short_name(suffix)
        or _LATER_STAMP.match(suffix) is not None
    )


def _date_line(line: str) -> PartialDate | None:
    """The date of a line that consists (almost) only of a full date, else None.

    `Sunday, 30 May 2021`, `Date: 13:23, 06-02-2015.`, `2026-03-10 21:25:00 / News of
    ministry`, `Turkmenistan Materials 20 June 2015 16:39 (UTC +04:00)`; not a sentence
    such as `The meeting was held on 4 February 2026.`
    """
    line = line.strip()
    if len(line) > MAX_DATE_LINE:
        return None
    found = _full_dates(line, short_years=True)
    if not found:
        return _dateparser_line(line)
    first = found[0]
    if _is_prefix_furniture(line[: first.start]) and _is_suffix_furniture(line[first.end :]):
        return first.date
    return None


def _dateparser_line(line: str) -> PartialDate | None:
    """Fallback for date lines the regexes miss (`December the 4th, 2023`).

    Only short lines with a month name, a year and a day number are tried, and dateparser
    must read the whole line strictly as one date, so a headline is never taken.
    """
    if (
        len(line) > MAX_DATEPARSER_INPUT
        or any(pattern.search(line) for pattern in _FULL_DATE_PATTERNS)  # read, or impossible
        or not _MONTH_WORD.search(line)
        or not _YEAR_TOKEN.search(line)
        or not _SMALL_NUMBER.search(_YEAR_TOKEN.sub(" ", line))
    ):
        return None
    return _dateparser_date(line)


_CAPITALISED = r"[A-ZА-ЯЁ][^\W\d_]*(?:[’'\-][^\W\d_]+)*"
# `DUSHANBE, 08.01.2025 /NIAT “Khovar”/.`, `BISHKEK, Kyrgyzstan, April 24.`,
# `Almaty. February 6.`, `MOSCOW, April 28 —`: a place, maybe a country, then the date.
_DATELINE_PLACE = re.compile(
    rf"^\s*(?P<city>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})\s*(?:,|\.|\s[-–—])\s*"
    rf"(?:(?P<country>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})\s*,\s*)?"
)
# A dateline's date ends the dateline: `.`, `/AGENCY/`, `(Reuters)`, a dash or the line end.
_DATELINE_END = re.compile(r"\s*(?:[.:;(/–—-]|$)")
# Words that open a sentence, not a dateline (`On Saturday, 24 December 2022, ...`).
_NOT_PLACE_WORDS = (
    "a about after again already also an and around as at before between but by during "
    "earlier early finally for from he her here his however i in it last late later "
    "meanwhile mid moreover next notably now of on our overall previously recently she "
    "since so still that the their then there these they this through thus to today "
    "until we with yesterday"
)
_NOT_PLACES = frozenset(_NOT_PLACE_WORDS.split())
_MONTH_OR_WEEKDAY = re.compile(rf"(?:{_MONTH}|{_WEEKDAY})\.?", re.IGNORECASE)


class _Dateline(NamedTuple):
    """A dateline's date: full, or month and day only (`BISHKEK, Kyrgyzstan, April 24.`)."""

    date: PartialDate | None
    month: int | None = None
    day: int | None = None


def _dateline(line: str) -> _Dateline | None:
    """Read a `CITY, [Country,] DATE` dateline opening a paragraph."""
    place = _DATELINE_PLACE.match(line)
    if not place or not _is_place(place["city"]):
        return None
    rest = line[place.end() :]
    full = _full_dates(rest, short_years=True)
    if full and full[0].start == 0:
        result, end = _Dateline(full[0].date), full[0].end
    else:
        for pattern in _NO_YEAR_PATTERNS:
            match = pattern.match(rest)
            month = _month_number(match["m"]) if match else None
            if match and month is not None:
                result, end = _Dateline(None, month, int(match["d"])), match.end()
                break
        else:
            return None
    after = rest[end:]
    # A comma after the date is a dateline only after an upper-case place (`TASHKENT,`);
    # `However, 3 March 2025, ...` is a sentence.
    if _DATELINE_END.match(after) or (after.lstrip().startswith(",") and place["city"].isupper()):
        return result
    return None


def _is_place(city: str) -> bool:
    words = city.split()
    return words[0].lower() not in _NOT_PLACES and not any(
        _MONTH_OR_WEEKDAY.fullmatch(word) for word in words
    )


# `///nCa, 3 March 2025` at the very end: an agency's name, a comma and the date.
_SIGNATURE_PREFIX = re.compile(r"(?:/{2,}|^)\s*[^\W\d_][\w.&’'\- ]{0,30},\s*$")


def _signature_date(last_line: str) -> PartialDate | None:
    """The date of a signature such as `... network. ///nCa, 3 March 2025` ending the text."""
    last_line = last_line.strip()
    found = _full_dates(last_line)
    if not found:
        return None
    final = found[-1]
    if last_line[final.end :].strip(" ."):
        return None
    if _SIGNATURE_PREFIX.search(last_line[: final.start]):
        return final.date
    return _date_line(last_line)


def _dateline_date(text: str, header: PartialDate | None) -> PartialDate | None:
    """A dateline, a date line under the headline, or a signature; see TAGGING.md.

    A dateline without a year (`BISHKEK, Kyrgyzstan, April 24.`) gives a date only when
    `header` (the front matter's or header line's partial date) supplies the year.
    """
    lines = [line for line in date_lines(text).splitlines() if line.strip()]
    yearless: _Dateline | None = None
    for line in lines[:HEAD_LINES]:
        date = _date_line(line)
        if date is not None:
            return date
        dateline = _dateline(line)
        if dateline is not None and dateline.date is not None:
            return dateline.date
        yearless = yearless or dateline
    if lines:
        date = _signature_date(lines[-1])
        if date is not None:
            return date
    if (
        yearless is not None
        and header is not None
        and header.month in (None, yearless.month)
        and yearless.month is not None
    ):
        return _make_date(header.year, yearless.month, yearless.day)
    return None


# --- Publication date: the URL path -------------------------------------------------

_SEGMENT_DAY = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})"
)
_SEGMENT_WORDS = re.compile(rf"(?P<d>\d{{1,2}})-(?P<m>{_MONTH})-(?P<y>\d{{4}})", re.IGNORECASE)
_SEGMENT_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_SEGMENT_NUMBER = re.compile(r"\d{1,2}")
_SEGMENT_YEAR = re.compile(r"\d{4}")


def _url_date(url: str | None) -> PartialDate | None:
    """A date written as whole segments of the URL's path, with its own precision.

    `/2024/04/18/`, `/2023-10-13/`, `/2014-12/30/`, `/20191031/`, `/24-Sep-2020/`, and
    month-only `/2023/05/`; never a number inside a file name (`/07102025.aspx`).
    """
    if not url:
        return None
    segments = urlsplit(url.strip()).path.split("/")
    for index, segment in enumerate(segments):
        following = [*segments[index + 1 : index + 3], "", ""]
        date = _segment_date(segment, following[0], following[1])
        if date is not None:
            return date
    return None


def _segment_date(segment: str, next_segment: str, after_next: str) -> PartialDate | None:
    match = _SEGMENT_DAY.fullmatch(segment)
    if match:
        parts = match.group("y", "m", "d") if match["y"] else match.group("cy", "cm", "cd")
        return _make_date(*(int(part) for part in parts))
    match = _SEGMENT_WORDS.fullmatch(segment)
    if match:
        return _date_from_match(match, any_case=True)
    match = _SEGMENT_MONTH.fullmatch(segment)
    if match:  # /2014-12/30/
        return _year_month_day(int(match["y"]), int(match["m"]), next_segment)
    if _SEGMENT_YEAR.fullmatch(segment) and _SEGMENT_NUMBER.fullmatch(next_segment):
        return _year_month_day(int(segment), int(next_segment), after_next)
    return None


def _year_month_day(year: int, month: int, day_segment: str) -> PartialDate | None:
    """Year and month from the path, and the day when the next segment is one."""
    if _SEGMENT_NUMBER.fullmatch(day_segment):
        return _make_date(year, month, int(day_segment))  # /2024/02/30/: no date at all
    return _make_date(year, month)


# --- Publication date: the order of TAGGING.md --------------------------------------


def _more_precise(best: PartialDate | None, candidate: PartialDate | None) -> PartialDate | None:
    """`candidate` if it refines `best` (agrees with it and says more), else `best`."""
    if candidate is None:
        return best
    if best is None:
        return candidate
    agrees = candidate.year == best.year and best.month in (None, candidate.month)
    more = (candidate.month is not None and best.month is None) or (
        candidate.day is not None and best.day is None
    )
    return candidate if agrees and more else best


def find_publication_date(
    text: str, *, front_matter_date: object | None = None, url: str | None = None
) -> tuple[PartialDate | None, DateSource | None]:
    """The article's publication date and where it came from, by TAGGING.md's order.

    `text` is the article text after any front matter (for .txt files the title line
    included); `front_matter_date` is the front matter's `date` value as YAML loaded it;
    `url` is the article's URL (pass None where the URL must not be used).

    The sources, in order: the front-matter date -> "front-matter"; a ` date 2025-03-03`
    line at the head of the text -> "header"; a dateline, a date line under the headline
    or a signature such as `///nCa, 3 March 2025` -> "dateline"; a date in the URL path
    -> "url". The first source that gives a date wins, except that a later source may
    refine a partial date it agrees with (front matter `2024-04`, URL `/2024/04/18/`).
    Dates of events in the text are never used, and no date is ever guessed:
    (None, None) when no source gives one. A month-only URL date keeps its precision.

    Raises ValueError when the front-matter date is set but cannot be read.
    """
    best: PartialDate | None = None
    source: DateSource | None = None
    finders: tuple[tuple[DateSource, Callable[[], PartialDate | None]], ...] = (
        ("front-matter", lambda: _front_matter_date(front_matter_date)),
        ("header", lambda: _header_date(text)),
        ("dateline", lambda: _dateline_date(text, best)),
        ("url", lambda: _url_date(url)),
    )
    for name, finder in finders:
        refined = _more_precise(best, finder())
        if refined is not best:
            best, source = refined, name
        if best is not None and best.day is not None:
            break
    return best, source


# --- Event dates --------------------------------------------------------------------


@dataclass(frozen=True)
class EventDate:
    """The date of an event a sentence reports, and the span that gave it.

    `sentence[start:end] == text`. `planned` marks a target date (`by the end of 2025`,
    `expected to follow in 2026`) rather than something that has happened.
    """

    date: PartialDate
    planned: bool
    text: str
    start: int
    end: int


# Resolves a date expression against the publication date (None if unknown) and
# whether the expression is a target; returns None when it cannot be resolved.
_Resolver = Callable[[PartialDate | None, bool], PartialDate | None]


class _Candidate(NamedTuple):
    """A date expression at `sentence[start:end]` and how to resolve it."""

    start: int
    end: int
    resolve: _Resolver
    future: bool = False  # the expression itself points ahead (`next year`, `tomorrow`)


# Quantities after a number: `in 2000 schools` is not a year.
_COUNT_NOUN = (
    r"\s*%|\s*\$|\s+(?:percent|per\s+cent|km|kilomet\w*|met(?:er|re)s?|miles?|mw|mhz|ghz|gbps"
    r"|mbps|base|schools?|villages?|households?|people|persons|residents|units|sites|towers"
    r"|stations|racks|users|subscribers|homes|hectares|families|facilities|buildings|jobs"
    r"|specialists|companies|projects|settlements|points|devices|employees|workers|tons?"
    r"|tonnes?|million|billion|thousand|dollars|euros?|soms?|tenge|manats?|sums?)\b"
)
_YEAR_QUALIFIER = (
    r"(?:(?:the\s+)?(?:(?:very\s+)?(?:end|close|conclusion|beginning|start|middle|turn)"
    r"|(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|last)\s+quarter"
    r"|spring|summer|autumn|fall|winter)\s+of\s+|(?:early|late|mid)(?:\s+|-))"
)
_TARGET_WORDS = r"(?:planned|scheduled|slated|due|expected|targeted|set)\s+(?:for|in|on|by)"
# `in 2015`, `by the end of 2025`, `planned for 2027`, `mid-2015`: a bare year is a date
# only after words that make it one, and never as part of a range (`2025-2027`).
_YEAR_ONLY = re.compile(
    rf"\b(?:(?:in|since|during|through(?:out)?|after|around|circa|as\s+of|by|until|till|before)"
    rf"\s+{_YEAR_QUALIFIER}?|{_TARGET_WORDS}\s+{_YEAR_QUALIFIER}?|{_YEAR_QUALIFIER})"
    rf"(?P<y>\d{{4}})(?!\w|[.,]\d|\s*(?:[-–—/]|to\b|and\b)\s*\d|{_COUNT_NOUN})",
    re.IGNORECASE,
)
# `June of last year`, `March this year`.
_MONTH_RELATIVE_YEAR = re.compile(
    rf"(?P<m>{_MONTH})\b\.?\s+(?:of\s+)?(?P<rel>last|this|next|the\s+previous|the\s+current"
    r"|the\s+following)\s+year\b",
    re.IGNORECASE,
)
_MONTH_QUALIFIER = (
    r"(?:(?:the\s+)?(?:(?:first|second|latter|last)\s+half|(?:first|second|third|fourth|last"
    r"|final)\s+(?:week|days|ten\s+days)|beginning|start|middle|end|close)\s+of\s+"
    r"|(?:early|late|mid)(?:\s+|-))"
)
# `in November`, `in the first half of December`, `last November`, with no year.
_YEARLESS_MONTH = re.compile(
    rf"\b(?P<lead>in|during|since|until|till|by|last|this|next|early|late|mid|{_TARGET_WORDS})"
    rf"(?:\s+|-)(?:{_MONTH_QUALIFIER})?(?P<m>{_MONTH})\b\.?"
    r"(?!\s*\d|,?\s+\d{4}\b|\s+(?:of\s+)?(?:the\s+)?"
    r"(?:last|this|next|previous|current|following)\s+year\b)",
    re.IGNORECASE,
)
# `last month`, `earlier this year`, `next week`.
_RELATIVE_PERIOD = re.compile(
    r"\b(?P<which>last|previous|this|current|next|coming|earlier\s+this|later\s+this)"
    r"\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)
_AGO = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?P<unit>day|week|month|year)s?\s+ago\b",
    re.IGNORECASE,
)
_DAY_WORD = re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(
    r"\b(?:(?P<rel>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_NUMBER_WORDS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

# What makes a date a target: `by`, `until`, `planned for` just before it ...
_TARGET_BEFORE = re.compile(
    rf"\b(?:by|until|till|no\s+later\s+than|{_TARGET_WORDS})\s+"
    r"(?:the\s+(?:end|close|conclusion|middle|beginning|start)\s+of\s+)?$",
    re.IGNORECASE,
)
_TARGET_LEAD = re.compile(rf"(?:by|until|till|{_TARGET_WORDS})\b", re.IGNORECASE)
# ... or a future or plan in the same sentence (`will ... in 2026`, `expected to`).
_FUTURE = re.compile(
    r"\b(?:will|shall|would|won['’]t|(?:is|are|was|were)\s+(?:expected|set|scheduled|due"
    r"|slated|going|to)|expected\s+to|plans?\s+to|planning\s+to|planned|intends?\s+to"
    r"|aims?\s+to|aiming\s+to|scheduled|upcoming|forthcoming)\b|['’]ll\b",
    re.IGNORECASE,
)
# A reporting verb after the future marker dates the report, not the plan.
_REPORTING = re.compile(
    r"\b(?:said|says|told|announced|reported|noted|stated|added|informed|according\s+to)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")
# The main clause after an opening date ends at a comma or a relative or joined clause
# (`In 2015, SpaceX launched a satellite that will retire in 2030`).
_CLAUSE_BREAK = re.compile(r"[.!?;](?:\s|$)|,|\b(?:that|which|who|whose|where|while|and|but)\b")
_LEADING_PREPOSITION = re.compile(r"^\s*(?:(?:in|on|by|since|during|as\s+of|at)\s*)?$", re.I)


def resolve_event_date(sentence: str, published: PartialDate | None) -> EventDate | None:
    """The first date expression in `sentence`, resolved to a PartialDate; None if none.

    Written dates keep their precision: `on February 4-5, 2026` -> 2026-02-04, `in April
    2015` -> 2015-04, `in 2015` -> 2015. Relative ones (`last month`, `a year ago`, `in
    November`, `on Tuesday`, `yesterday`) resolve against `published` and give nothing
    without it or when it is too coarse for them. Year ranges (`2025-2027`) and quantities
    (`2,000 schools`, `Falcon 9`) are not dates. `planned` marks target dates (`by the end
    of 2025`, `will ... in 2026`).
    """
    english = english_dates(sentence)  # Russian date words, read as English ones
    for candidate in _event_candidates(english.text):
        planned = candidate.future or _is_planned(english.text, candidate.start, candidate.end)
        date = candidate.resolve(published, planned)
        if date is not None:
            start, end = english.origin[candidate.start], english.origin[candidate.end]
            return EventDate(date, planned, sentence[start:end], start, end)
    return None


def _event_candidates(sentence: str) -> list[_Candidate]:
    """Every date expression in reading order; written dates win over overlapping phrases."""
    explicit = _first_wins_candidates(_explicit_candidates(sentence))
    relative = [
        candidate
        for candidate in _first_wins_candidates(_relative_candidates(sentence))
        if not any(candidate.start < e.end and e.start < candidate.end for e in explicit)
    ]
    return sorted(explicit + relative, key=lambda c: c.start)


def _first_wins_candidates(candidates: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _fixed(date: PartialDate) -> _Resolver:
    return lambda published, planned: date


def _explicit_candidates(sentence: str) -> list[_Candidate]:
    """Dates with a written year: full dates, `April 2015`, `in 2015`."""
    candidates = [
        _Candidate(found.start, found.end, _fixed(found.date)) for found in _full_dates(sentence)
    ]
    for match in _MONTH_YEAR.finditer(sentence):
        date = _date_from_match(match)
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _fixed(date)))
    for match in _YEAR_ONLY.finditer(sentence):
        date = _make_date(int(match["y"]))
        if date is not None:
            candidates.append(_Candidate(match.start(), match.end(), _fixed(date)))
    return candidates


def _relative_candidates(sentence: str) -> list[_Candidate]:
    """Date expressions that need the publication date to be resolved."""
    candidates = []
    for match in _MONTH_RELATIVE_YEAR.finditer(sentence):
        month = _month_number(match["m"])
        offset = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(
            match["rel"].split()[-1].lower(), 0
        )
        if month is not None:
            resolve = _month_of_relative_year(month, offset)
            candidates.append(_Candidate(match.start(), match.end(), resolve, future=offset > 0))
    for match in _YEARLESS_MONTH.finditer(sentence):
        month = _month_number(match["m"])
        if month is not None:
            lead = match["lead"].lower()
            candidates.append(_Candidate(match.start(), match.end(), _yearless_month(month, lead)))
    for pattern in _NO_YEAR_PATTERNS:
        for match in pattern.finditer(sentence):
            month = _month_number(match["m"])
            if month is not None:
                resolve = _yearless_day(month, int(match["d"]))
                candidates.append(_Candidate(match.start(), match.end(), resolve))
    for match in _RELATIVE_PERIOD.finditer(sentence):
        which = " ".join(match["which"].lower().split())
        resolve = _relative_period(which, match["unit"].lower())
        future = which in ("next", "coming", "later this")
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=future))
    for match in _AGO.finditer(sentence):
        count = match["n"].lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        resolve = _ago(number, match["unit"].lower())
        candidates.append(_Candidate(match.start(), match.end(), resolve))
    for match in _DAY_WORD.finditer(sentence):
        word = match["word"].lower()
        offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
        resolve = _days_from_published(offset)
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=offset > 0))
    for match in _WEEKDAY_WORD.finditer(sentence):
        relation = (match["rel"] or "on").lower()
        weekday = _WEEKDAY_NAMES.index(match["wd"].lower())
        resolve = _weekday(weekday, relation)
        future = relation == "next"
        candidates.append(_Candidate(match.start(), match.end(), resolve, future=future))
    return candidates


def _is_planned(sentence: str, start: int, end: int) -> bool:
    """Whether the date at `sentence[start:end]` is a target rather than a past event."""
    before = sentence[:start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    if _TARGET_BEFORE.search(before) or _TARGET_LEAD.match(sentence[start:end]):
        return True
    futures = list(_FUTURE.finditer(before))
    if futures and not _REPORTING.search(before[futures[-1].end() :]):
        return True
    if _LEADING_PREPOSITION.match(before):
        # The date opens its sentence (`In 2026, Huawei will ...`): its clause follows.
        after = _CLAUSE_BREAK.split(sentence[end:].lstrip(" ,"), maxsplit=1)[0]
        future = _FUTURE.search(after)
        return bool(future) and not _REPORTING.search(after[: future.start()])
    return False


# Resolvers of relative expressions. Each needs a publication date precise enough for
# the answer it gives (`yesterday` needs a day) and returns None otherwise.


def _month_of_relative_year(month: int, offset: int) -> _Resolver:
    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        return None if published is None else _make_date(published.year + offset, month)

    return resolve


def _yearless_month(month: int, lead: str) -> _Resolver:
    """`in November`: the latest November up to publication (`by November`: the next)."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.month is None:
            return None
        year = published.year
        if lead == "last":
            year -= month >= published.month
        elif lead == "next":
            year += month <= published.month
        elif planned:
            year += month < published.month
        elif lead != "this":
            year -= month > published.month
        return _make_date(year, month)

    return resolve


def _yearless_day(month: int, day: int) -> _Resolver:
    """`on January 27`: the latest such day up to publication (a target: the next)."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.month is None:
            return None
        year = published.year
        if planned:
            year += (month, day) < (published.month, published.day or 1)
        else:
            year -= (month, day) > (published.month, published.day or 31)
        return _make_date(year, month, day)

    return resolve


def _relative_period(which: str, unit: str) -> _Resolver:
    """`last month`, `this year`, `earlier this week`, `next year`."""
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None:
            return None
        if unit == "year":
            return _make_date(published.year + offset)
        if unit == "month":
            if published.month is None:
                return None
            return _make_date(*_add_months(published.year, published.month, offset))
        if published.day is None:
            return None
        today = published.first_day()
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
        if which == "earlier this":
            last = today
        elif which == "later this":
            first = today
        return _common_date(first, last)

    return resolve


def _ago(number: int, unit: str) -> _Resolver:
    """`a year ago` (month precision if publication has a month), `two months ago`."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None:
            return None
        if unit == "year":
            return _make_date(published.year - number, published.month)
        if unit == "month":
            if published.month is None:
                return None
            return _make_date(*_add_months(published.year, published.month, -number))
        if published.day is None:
            return None
        if unit == "day":
            return _from_day(published.first_day() - dt.timedelta(days=number))
        then = published.first_day() - dt.timedelta(weeks=number)
        monday = then - dt.timedelta(days=then.weekday())
        return _common_date(monday, monday + dt.timedelta(days=6))

    return resolve


def _days_from_published(offset: int) -> _Resolver:
    """`today`, `yesterday`, `tomorrow`: only from a day-precision publication date."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.day is None:
            return None
        return _from_day(published.first_day() + dt.timedelta(days=offset))

    return resolve


def _weekday(weekday: int, relation: str) -> _Resolver:
    """`on Tuesday`: the latest Tuesday up to publication (a target: the next one)."""

    def resolve(published: PartialDate | None, planned: bool) -> PartialDate | None:
        if published is None or published.day is None:
            return None
        today = published.first_day()
        if relation == "next":
            delta = (weekday - today.weekday()) % 7 or 7
        elif relation == "last":
            delta = -((today.weekday() - weekday) % 7 or 7)
        elif planned:
            delta = (weekday - today.weekday()) % 7
        else:
            delta = -((today.weekday() - weekday) % 7)
        return _from_day(today + dt.timedelta(days=delta))

    return resolve


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _from_day(day: dt.date) -> PartialDate | None:
    return _make_date(day.year, day.month, day.day)


def _common_date(first: dt.date, last: dt.date) -> PartialDate | None:
    """The most precise PartialDate covering a span of days (a week may cross a month)."""
    if first == last:
        return _from_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return _make_date(first.year, first.month)
    return _make_date(first.year) if first.year == last.year else None
