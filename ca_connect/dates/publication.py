"""An article's publication date, in the order of TAGGING.md ("Publication date"): the
front matter, then a ` date` header line, then a dateline or signature, then the URL
path; dates of the events an article reports are never its publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import urlsplit

from ..lazy_pattern import LazyPattern
from ..models import DateSource, PartialDate
from .patterns import (
    _FULL_DATE_PATTERNS,
    _MONTH,
    _MONTH_WORD,
    _NO_YEAR_PATTERNS,
    _SMALL_NUMBER,
    _WEEKDAY,
    _YEAR_TOKEN,
    FRONT_MATTER_FORMS,
    HEAD_LINES,
    MAX_DATE_LINE,
    MAX_DATEPARSER_INPUT,
    MAX_YEAR,
    MIN_YEAR,
    _date_from_match,
    _dateparser_date,
    _full_dates,
    _make_date,
    _month_number,
)
from .query import _read_whole_date
from .russian import date_lines

# --- Publication date: front matter -------------------------------------------------

# `2025-03-03T10:20:00+03:00` or `2025-03-03 10:20`: the date as printed, time ignored.
_ISO_DATETIME = LazyPattern(r"(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}\S*(?:\s*\S+)?")
_COMPACT_DATE = LazyPattern(r"(\d{4})(\d{2})(\d{2})")


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

_HEADER = LazyPattern(r"\A\s*date\s*:?[ \t]+(?P<date>\d{4}-\d{2}(?:-\d{2})?)(?!\S)", re.IGNORECASE)


def _header_date(text: str) -> PartialDate | None:
    """The date of a ` date 2025-03-03 ...` line at the very head of the text."""
    match = _HEADER.match(text)
    return _read_whole_date(match["date"], bounded=True) if match else None


# --- Publication date: datelines, dates under the headline, signatures --------------

# Clock times and time zones printed with a date: `16:39 (UTC +04:00)`, `at 9:05 pm`.
_TIME = LazyPattern(
    r"(?:\bat\s+|(?<=\d)T)?(?<![^\WT])\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-−]\d{2}:?\d{2})?"
    r"(?:\s*[ap]\.?m\b\.?)?"
    r"(?:\s*\(?\s*(?:UTC|GMT)\s*(?:[+\-−]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?",
    re.IGNORECASE,
)
# Labels a site prints before its date: `Date:`, `Published on`, `Last updated:`.
_DATE_LABEL = LazyPattern(
    r"^(?:(?:date|time)\s+of\s+publication|publication\s+date|(?:last\s+)?updated|published"
    r"|posted|created|released|date)(?:\s+on)?\s*:?",
    re.IGNORECASE,
)
# A byline that runs into its date: `By Jane Doe on 12 March 2025`.
_BYLINE = LazyPattern(r"^by\s+\S+(?:\s+\S+){0,3}?\s+on$", re.IGNORECASE)
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
_LATER_STAMP = LazyPattern(r"(?:last\s+)?(?:updated|modified|edited)\b", re.IGNORECASE)


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
        or any(pattern.search(line) for pattern, _ in _FULL_DATE_PATTERNS)  # read, or impossible
        or not _MONTH_WORD.search(line)
        or not _YEAR_TOKEN.search(line)
        or not _SMALL_NUMBER.search(_YEAR_TOKEN.sub(" ", line))
    ):
        return None
    return _dateparser_date(line)


_CAPITALISED = r"[A-ZА-ЯЁ][^\W\d_]*(?:[’'\-][^\W\d_]+)*"
# `DUSHANBE, 08.01.2025 /NIAT “Khovar”/.`, `BISHKEK, Kyrgyzstan, April 24.`,
# `Almaty. February 6.`, `MOSCOW, April 28 —`: a place, maybe a country, then the date.
_DATELINE_PLACE = LazyPattern(
    rf"^\s*(?P<city>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})\s*(?:,|\.|\s[-–—])\s*"
    rf"(?:(?P<country>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})\s*,\s*)?"
)
# A dateline's date ends the dateline: `.`, `/AGENCY/`, `(Reuters)`, a dash, the line end,
# or an agency's name in capitals before a dash (`Ташкент. 10 июня 2025 г. ИНТЕРФАКС -`).
_DATELINE_END = LazyPattern(r"\s*(?:[.:;(/–—-]|$|[A-ZА-ЯЁ]{3,}[A-ZА-ЯЁ.\-]*\s*[–—-])")
# Words that open a sentence, not a dateline (`On Saturday, 24 December 2022, ...`).
_NOT_PLACE_WORDS = (
    "a about after again already also an and around as at before between but by during "
    "earlier early finally for from he her here his however i in it last late later "
    "meanwhile mid moreover next notably now of on our overall previously recently she "
    "since so still that the their then there these they this through thus to today "
    "until we with yesterday"
)
_NOT_PLACES = frozenset(_NOT_PLACE_WORDS.split())
_MONTH_OR_WEEKDAY = LazyPattern(rf"(?:{_MONTH}|{_WEEKDAY})\.?", re.IGNORECASE)


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
_SIGNATURE_PREFIX = LazyPattern(r"(?:/{2,}|^)\s*[^\W\d_][\w.&’'\- ]{0,30},\s*$")


# `This story was first published in issue 396 of the weekly ... on Jan. 11 2019`: a note
# ending the text that says when the article was published.
_PUBLISHED_NOTE = LazyPattern(
    r"\b(?:first|originally)\s+(?:published|printed|appeared)\b[^.!?]{0,120}?\b(?:on|in)\s*$",
    re.IGNORECASE,
)


def _signature_date(last_line: str) -> PartialDate | None:
    """The date of a signature such as `... network. ///nCa, 3 March 2025` ending the text,
    or of a note saying when it was first published (`... first published ... on 11
    January 2019`)."""
    last_line = last_line.strip()
    found = _full_dates(last_line)
    if not found:
        return None
    final = found[-1]
    if last_line[final.end :].strip(" ."):
        return None
    before = last_line[: final.start]
    if _SIGNATURE_PREFIX.search(before) or _PUBLISHED_NOTE.search(before):
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


def yearless_dateline(text: str) -> tuple[int, int] | None:
    """The (month, day) of a dateline without a year heading `text` (`BISHKEK, Kyrgyzstan,
    September 5.`), or None: the article's day, whose year another source must give."""
    for line in [line for line in date_lines(text).splitlines() if line.strip()][:HEAD_LINES]:
        dateline = _dateline(line)
        if dateline is not None:
            if dateline.date is None and dateline.month is not None and dateline.day:
                return dateline.month, dateline.day
            return None
    return None


# --- Publication date: the URL path -------------------------------------------------

_SEGMENT_DAY = LazyPattern(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})|(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})"
)
_SEGMENT_WORDS = LazyPattern(rf"(?P<d>\d{{1,2}})-(?P<m>{_MONTH})-(?P<y>\d{{4}})", re.IGNORECASE)
_SEGMENT_MONTH = LazyPattern(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_SEGMENT_NUMBER = LazyPattern(r"\d{1,2}")
_SEGMENT_YEAR = LazyPattern(r"\d{4}")


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
