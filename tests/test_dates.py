"""Tests for ca_connect.dates: publication dates (TAGGING.md), query dates, event dates.

Every example text here is synthetic, written in the forms real outlets use; the
development corpus is only read from ../shared (and skipped when it is absent).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from ca_connect.dates import (
    MAX_YEAR,
    MIN_YEAR,
    EventDate,
    dated_vaguely,
    dateline_day,
    find_publication_date,
    parse_query_date,
    resolve_event_date,
)
from ca_connect.dates import events as events_module
from ca_connect.dates import patterns as patterns_module
from ca_connect.models import PartialDate

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "articles"

P = PartialDate.parse
MONTHS = list(calendar.month_name)
MONTH_ABBRS = list(calendar.month_abbr)
WEEKDAYS = list(calendar.day_name)

dates = st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31))


def iso(date: PartialDate | None) -> str | None:
    return None if date is None else date.isoformat()


# --- Publication date: front matter -------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2025, 3, 3), "2025-03-03"),
        (dt.datetime(2025, 3, 3, 23, 59), "2025-03-03"),
        ("2025-03-03", "2025-03-03"),
        ("2024-04", "2024-04"),
        ("2024", "2024"),
        (2024, "2024"),
        ("2025-03-03T10:20:00Z", "2025-03-03"),
        ("2025-03-03 10:20", "2025-03-03"),
        ("3 March 2025", "2025-03-03"),
        ("March 3, 2025", "2025-03-03"),
        ("03.03.2025", "2025-03-03"),
    ],
)
def test_front_matter_date_keeps_its_precision(value: object, expected: str) -> None:
    date, source = find_publication_date("Some text.", front_matter_date=value)
    assert (iso(date), source) == (expected, "front-matter")


def test_front_matter_date_wins_over_every_other_source() -> None:
    text = " date 2025-01-02 ASTANA, 3 January 2025 /Agency/. Body. ///nCa, 4 January 2025"
    date, source = find_publication_date(
        text, front_matter_date="2025-01-01", url="https://example.org/2025/01/05/story/"
    )
    assert (iso(date), source) == ("2025-01-01", "front-matter")


@pytest.mark.parametrize(
    "value", ["soon", "2025-13-01", "2025-02-30", "32.01.2025", "1850", "2150-01-01", True, 3.5]
)
def test_unreadable_front_matter_date_raises(value: object) -> None:
    with pytest.raises(ValueError, match=r"is not a date; use YYYY-MM-DD|is outside the years"):
        find_publication_date("Some text.", front_matter_date=value)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_unset_front_matter_date_is_ignored(value: object) -> None:
    assert find_publication_date(" date 2025-03-03 Text.", front_matter_date=value) == (
        P("2025-03-03"),
        "header",
    )


# --- Publication date: the ` date` header line --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        " date 2025-03-03 Kazakhstan is set to expand its fibre network.",
        " date 2025-03-03 \n\n\nKazakhstan is set to expand its fibre network.",
        "\n date 2025-03-03 KABUL - The ministry said on 1 March 2025 that it would.",
        " date 2025-03-03 BISHKEK, Kyrgyzstan, March 2. A working group was set up.",
    ],
)
def test_header_line(text: str) -> None:
    assert find_publication_date(text) == (P("2025-03-03"), "header")


def test_header_line_wins_over_dateline_signature_and_url() -> None:
    text = " date 2024-06-01 Sunday, 2 June 2024\nBody text. ///nCa, 3 June 2024"
    date, source = find_publication_date(text, url="https://example.org/2024/06/04/x")
    assert (iso(date), source) == ("2024-06-01", "header")


def test_header_line_must_open_the_text() -> None:
    text = "Headline\nThe word date 2025-03-03 appears in a sentence that goes on and on here."
    assert find_publication_date(text) == (None, None)


# --- Publication date: datelines, date lines, signatures ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon. Dec 4th, 2023\nHeadline of the story\nBody text.", "2023-12-04"),
        ("Pages\n\nFriday, 4 June 2021\n\nHeadline here\nBody.", "2021-06-04"),
        ("Operator buys spectrum\n\n9 Sep 2013\n\nThe operator said.", "2013-09-09"),
        ("Operator buys spectrum\n17 Feb 2014\nThe operator said.", "2014-02-17"),
        ("CPC\n\nHeadline\n\nAuthor: Jane Doe\n\nApr 7, 2022\n\nImage source: X\n", "2022-04-07"),
        ("Headline\nJun 30, 2022\nBody.", "2022-06-30"),
        ("Headline\n23.05.12\nBody.", "2012-05-23"),
        ("Headline\n05.11.98\nBody.", "1998-11-05"),
        ("Headline\n16.01.2018\nBody.", "2018-01-16"),
        ("...\n\nHeadline\n\nKyrgyzstan Materials 3 July 2016 09:12 (UTC +04:00)\n", "2016-07-03"),
        ("Headline\n2025-11-02 08:15:00 / News of ministry\n\nBody.", "2025-11-02"),
        ("Date: 09:41, 03-04-2016.\n\nAlmaty. April 3. Agency - Body.", "2016-04-03"),
        ("Read also\nDUSHANBE, 09.02.2024 /NIAT “Khovar”/. The government said.", "2024-02-09"),
        ("ASTANA, 12 March 2025 (Kazinform) – The ministry said.", "2025-03-12"),
        ("Bishkek, 11 January 2018 /Kabar/. The ministry said.", "2018-01-11"),
        ("TASHKENT, Uzbekistan, March 10, 2025. The ministry said.", "2025-03-10"),
        ("Headline\nPublished: 12.03.2025 14:35\nBody", "2025-03-12"),
        ("Headline\nBy Jane Doe on 12 March 2025\nBody", "2025-03-12"),
        ("Headline\n12:35 / 12.03.2025\nBody", "2025-03-12"),
        ("Headline\nWednesday, 12 March 2025 11:30\nBody", "2025-03-12"),
        ("Headline\nMarch 12, 2025 | 14:35\nBody", "2025-03-12"),
        ("Headline\nUpdated 12 March 2025 at 14:35\nBody", "2025-03-12"),
        ("Headline\n2025-03-10T09:00:00+05:00\nBody", "2025-03-10"),
        ("Headline\nAuthor: Jane Doe | Mar 1, 2023\nBody", "2023-03-01"),
        # An agency's name in capitals between the date and the dash.
        ("Headline\n\nАстана. 4 марта 2025 г. ИНТЕРФАКС - Оператор сообщил.", "2025-03-04"),
        ("Headline\n\nBISHKEK, 4 March 2025 AKIPRESS - The operator said.", "2025-03-04"),
    ],
)
def test_dateline_or_date_under_the_headline(text: str, expected: str) -> None:
    date, source = find_publication_date(text)
    assert (iso(date), source) == (expected, "dateline")


@pytest.mark.parametrize(
    "ending",
    [
        "... across the region. ///nCa, 3 March 2025",
        "... across the region. /// nCa, 3 March 2025",
        "... across the region.\n\n///nCa, 3 March 2025\n\n",
        "... across the region.\nnCa, 3 March 2025",
    ],
)
def test_signature_at_the_end(ending: str) -> None:
    text = (
        "The operator met the delegation during the forum held March 11-12, 2025, in Almaty.\n"
        "In April 2015, the first satellite was launched.\n" + ending
    )
    assert find_publication_date(text) == (P("2025-03-03"), "dateline")


def test_date_line_under_the_headline_wins_over_signature_and_url() -> None:
    text = "Headline\n2 May 2022\nBody text. ///nCa, 3 May 2022"
    date, source = find_publication_date(text, url="https://example.org/2022/05/04/x")
    assert (iso(date), source) == ("2022-05-02", "dateline")


@pytest.mark.parametrize(
    "text",
    [
        # A dateline without a year: never guess it.
        "BISHKEK, Kyrgyzstan, April 24. A working group will be set up, the ministry said.",
        "TASHKENT, Uzbekistan, December 25. The two sides reviewed a data centre project.",
        "MOSCOW, April 28 — The rocket was launched, the company said Tuesday.",
        "Almaty. February 6. Agency - The president signed a decree.",
        # Dates of events inside sentences.
        "Headline\nThe talks took place during the forum held March 11-12, 2025, in Almaty.",
        "In April 2015, SpaceX launched the country's first satellite into orbit.",
        "Parliament ratified the accord on November 14, 2022.",
        "On Friday, 9 June 2023, the minister opened the new data centre in the capital.",
        "As of May 2022, the country ranked 98th for fixed broadband.",
        "From 8 to 10 October 2024, the drills took place in the capital.",
        "The third meeting of the agencies convened on 11 May 2023 in the capital.",
        "Yesterday, March 3, 2025, the ministry said so.",
        "However, 3 March 2025 was the deadline.",
        "Headline\nThe meeting was held on 4 February 2026.\nBody",
        "Kazakhstan to launch 5G on 1 March 2025\nBody",
        "Headline\n12 March 2025 marks the start of the programme\nBody",
        "Headline\nPhoto: AFP 12 March 2025\nBody",
        "Headline\nFounded: 12 March 2001\nBody",
        "Headline\nThe pact was signed in Minsk on June 2, 2022.",
        "Headline\nThe line was built in October 2009 by the operator.",
        # Impossible or implausible dates.
        "Headline\n31.02.2025\nBody",
        "Headline\n2025-02-30\nBody",
        "Headline\n12 March 1985\nBody",
        "Headline\n12 March 2150\nBody",
        "Samarkand, Uzbekistan ( -- The operator opened a new exchange.",
        "",
    ],
)
def test_no_publication_date(text: str) -> None:
    assert find_publication_date(text) == (None, None)


def test_date_line_far_below_the_headline_is_not_a_dateline() -> None:
    lines = ["Headline", *(f"Paragraph number {n} of the story." for n in range(15))]
    text = "\n".join([*lines[:14], "4 March 2025", *lines[14:]])
    assert find_publication_date(text) == (None, None)


def test_yearless_dateline_takes_the_year_from_the_header() -> None:
    text = "BISHKEK, Kyrgyzstan, April 24. A working group will be set up."
    assert find_publication_date(text, front_matter_date=2024) == (P("2024-04-24"), "dateline")
    assert find_publication_date(text, front_matter_date="2024-04") == (
        P("2024-04-24"),
        "dateline",
    )
    # A header month that disagrees keeps the header's own (partial) date.
    assert find_publication_date(text, front_matter_date="2024-05") == (
        P("2024-05"),
        "front-matter",
    )


def test_yearless_dateline_does_not_take_the_year_from_the_url() -> None:
    text = "MOSCOW, April 28 — The rocket was launched, the company said."
    date, source = find_publication_date(text, url="http://example.org/2015/04/29/rocket/")
    assert (iso(date), source) == ("2015-04-29", "url")


def test_dateparser_reads_date_lines_the_regexes_miss() -> None:
    text = "Headline\nDecember the 4th, 2023\nBody."
    assert find_publication_date(text) == (P("2023-12-04"), "dateline")


def test_fast_path_does_not_import_dateparser() -> None:
    code = (
        "import sys; from ca_connect.dates import find_publication_date as f; "
        "assert 'dateparser' not in sys.modules; "
        "f('Headline\\nSunday, 30 May 2021\\nBody. ///nCa, 3 March 2025'); "
        "f(' date 2025-03-03 Body', url='https://e.org/2024/04/18/x'); "
        "assert 'dateparser' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


# --- Publication date: the URL path -------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2024/04/18/operator-buys-spectrum/", "2024-04-18"),
        ("https://example.org/en/2023-10-13/minister-reveals-plans/", "2023-10-13"),
        ("http://example.org/english/report/2014-12/30/content_1.htm", "2014-12-30"),
        ("https://example.org/en/news/society/20191031/internet-is-slow", "2019-10-31"),
        ("https://example.org/24-Sep-2020/two-countries-agree", "2020-09-24"),
        ("https://example.org/2023/05/health-concerns-delay.html?m=1", "2023-05"),
        ("https://example.org/2023/5/", "2023-05"),
        ("example.org/2024/04/18/no-scheme", "2024-04-18"),
    ],
)
def test_url_path_date(url: str, expected: str) -> None:
    date, source = find_publication_date("No date in this text.", url=url)
    assert (iso(date), source) == (expected, "url")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/en/Pages/News/07102025.aspx",
        "https://example.org/news/3890039.html",
        "https://example.org/?p=364645",
        "https://example.org/p?date=2024-01-01",
        "https://example.org/2015/launch-story/",
        "https://example.org/2023/13/story",
        "https://example.org/2024/02/30/story",
        "https://example.org/1985/01/02/story",
        "https://example.org/news/story-2023-10-13/",
        "",
        None,
    ],
)
def test_no_url_path_date(url: str | None) -> None:
    assert find_publication_date("No date in this text.", url=url) == (None, None)


def test_partial_date_is_refined_by_a_later_source_that_agrees() -> None:
    url = "https://example.org/2024/04/18/story/"
    assert find_publication_date("Text.", front_matter_date="2024-04", url=url) == (
        P("2024-04-18"),
        "url",
    )
    assert find_publication_date("Text.", front_matter_date="2024-05", url=url) == (
        P("2024-05"),
        "front-matter",
    )


def test_dateline_wins_over_url() -> None:
    text = "Pages\nSunday, 30 May 2021\nHeadline\nBody."
    url = "https://example.org/2021/05/story.html"
    assert find_publication_date(text, url=url) == (P("2021-05-30"), "dateline")


DATE_LINE_FORMS = [
    lambda d: f"{d.day} {MONTHS[d.month]} {d.year}",
    lambda d: f"{d.day} {MONTH_ABBRS[d.month]} {d.year}",
    lambda d: f"{MONTHS[d.month]} {d.day}, {d.year}",
    lambda d: f"{MONTH_ABBRS[d.month]}. {d.day}, {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month]} {d.year}",
    lambda d: f"{WEEKDAYS[d.weekday()][:3]}. {MONTH_ABBRS[d.month]} {d.day}th, {d.year}",
    lambda d: f"{d:%d.%m.%Y}",
    lambda d: f"{d:%d-%m-%Y}",
    lambda d: d.isoformat(),
    lambda d: f"{d.isoformat()} 21:25:00 / News of ministry",
    lambda d: f"Date: 13:23, {d:%d-%m-%Y}.",
    lambda d: f"Trend Materials {d.day} {MONTHS[d.month]} {d.year} 16:39 (UTC +04:00)",
]


@given(date=dates, form=st.sampled_from(DATE_LINE_FORMS))
def test_any_date_line_reads_back_to_its_date(date: dt.date, form) -> None:
    text = f"A headline about fibre\n{form(date)}\nThe ministry said the line was ready."
    assert find_publication_date(text) == (PartialDate.model_validate(date), "dateline")


@given(date=dates)
def test_two_digit_years_are_day_first(date: dt.date) -> None:
    assume(date.year < 2090)  # 90-99 read as the 1990s
    text = f"Headline\n{date:%d.%m.%y}\nBody."
    assert find_publication_date(text) == (PartialDate.model_validate(date), "dateline")


@given(date=dates)
def test_any_signature_reads_back_to_its_date(date: dt.date) -> None:
    text = f"Body text. ///nCa, {date.day} {MONTHS[date.month]} {date.year}"
    assert find_publication_date(text) == (PartialDate.model_validate(date), "dateline")


@given(date=dates)
def test_any_url_path_date_reads_back(date: dt.date) -> None:
    for path in (f"{date:%Y/%m/%d}", date.isoformat(), f"{date:%Y%m%d}", f"{date:%Y-%m/%d}"):
        url = f"https://example.org/news/{path}/slug"
        assert find_publication_date("Text.", url=url) == (PartialDate.model_validate(date), "url")


@given(st.text(max_size=300))
def test_publication_date_never_crashes_and_is_plausible(text: str) -> None:
    date, source = find_publication_date(text)
    assert (date is None) == (source is None)
    if date is not None:
        assert MIN_YEAR <= date.year <= MAX_YEAR


# --- The seed articles and the development corpus -----------------------------------


@pytest.mark.parametrize(
    ("prefix", "expected", "source"),
    [
        ("000", "2025-03-03", "header"),
        ("001", "2025-11-24", "header"),
        ("002", None, None),
        ("003", None, None),
        ("004", "2026-02-12", "dateline"),
    ],
)
def test_seed_articles(prefix: str, expected: str | None, source: str | None) -> None:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    date, found_source = find_publication_date(path.read_text(encoding="utf-8"))
    assert (iso(date), found_source) == (expected, source)


def split_front_matter(raw: str) -> tuple[dict, str]:
    """A simple split on the first two `---` lines (the real loader lives elsewhere)."""
    lines = raw.split("\n")
    if lines[0].strip() != "---":
        return {}, raw
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    return yaml.safe_load("\n".join(lines[1:end])) or {}, "\n".join(lines[end + 1 :])


def test_development_corpus_dates(shared_dir: Path) -> None:
    """At least 29 of the 30 gold dates (skipped when ../shared is absent)."""
    corpus = shared_dir / "corpus"
    gold = yaml.safe_load((corpus / "gold.yaml").read_text(encoding="utf-8"))
    wrong = []
    for entry in gold:
        raw = (corpus / "articles" / entry["file"]).read_text(encoding="utf-8")
        if entry["file"].endswith(".md"):
            front_matter, body = split_front_matter(raw)
        else:
            front_matter, body = {}, raw  # .txt: no front matter, and its URL is not used
        date, _ = find_publication_date(
            body, front_matter_date=front_matter.get("date"), url=front_matter.get("url")
        )
        expected = None if entry["date"] is None else str(entry["date"])
        if iso(date) != expected:
            wrong.append(f"{entry['file']}: got {iso(date)}, gold {expected}")
    assert len(gold) == 30
    assert len(wrong) <= 1, wrong


# --- Query dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", "2025"),
        ("2025-03", "2025-03"),
        ("2025-03-03", "2025-03-03"),
        ("2025-3-3", "2025-03-03"),
        ("March 2025", "2025-03"),
        ("Mar 2025", "2025-03"),
        ("mar 2025", "2025-03"),
        ("Sept 2025", "2025-09"),
        ("3 March 2025", "2025-03-03"),
        ("3 Mar 2025", "2025-03-03"),
        ("March 3, 2025", "2025-03-03"),
        ("March 3 2025", "2025-03-03"),
        ("  March   3rd, 2025 ", "2025-03-03"),
        ("1985", "1985"),
    ],
)
def test_parse_query_date(text: str, expected: str) -> None:
    assert parse_query_date(text).isoformat() == expected


@pytest.mark.parametrize(
    "text", ["", "soon", "March", "2025-13", "2025-02-30", "30 February 2025", "25", "3/3/2025"]
)
def test_parse_query_date_names_the_accepted_forms(text: str) -> None:
    with pytest.raises(ValueError, match=r"^not a valid date; use YYYY, YYYY-MM, YYYY-MM-DD, "):
        parse_query_date(text)


partial_dates = st.one_of(
    dates.map(PartialDate.model_validate),
    dates.map(lambda d: PartialDate(year=d.year, month=d.month)),
    dates.map(lambda d: PartialDate(year=d.year)),
)


@given(partial_dates)
def test_parse_query_date_round_trips_isoformat(date: PartialDate) -> None:
    assert parse_query_date(date.isoformat()) == date


@given(dates)
def test_parse_query_date_reads_worded_forms(date: dt.date) -> None:
    day = PartialDate.model_validate(date)
    month = PartialDate(year=date.year, month=date.month)
    assert parse_query_date(f"{date.day} {MONTHS[date.month]} {date.year}") == day
    assert parse_query_date(f"{MONTHS[date.month]} {date.day}, {date.year}") == day
    assert parse_query_date(f"{MONTHS[date.month]} {date.year}") == month
    assert parse_query_date(f"{MONTH_ABBRS[date.month]} {date.year}") == month


# --- Event dates --------------------------------------------------------------------

PUBLISHED = P("2026-03-05")  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "published", "expected", "planned", "text"),
    [
        # Written dates keep their precision; a range gives its first day.
        ("The forum held February 4-5, 2026, in Bishkek ended.", None, "2026-02-04", False,
         "February 4-5, 2026"),
        ("Talks were held on February 4-5, 2026 in the capital.", None, "2026-02-04", False,
         "February 4-5, 2026"),
        ("In April 2015, SpaceX launched a satellite for the country.", None, "2015-04", False,
         "April 2015"),
        ("The company entered the market in 2015.", None, "2015", False, "in 2015"),
        ("Parliament endorsed it on December 22, 2023.", None, "2023-12-22", False,
         "December 22, 2023"),
        ("From 3 to 5 October 2025, the drills took place.", None, "2025-10-03", False,
         "3 to 5 October 2025"),
        ("On Friday, 9 June 2023, the minister opened it.", None, "2023-06-09", False,
         "Friday, 9 June 2023"),
        ("It was signed on 16.01.2018 in Dushanbe.", None, "2018-01-16", False, "16.01.2018"),
        ("The decree dated 2024-05-06 set up a ministry.", None, "2024-05-06", False,
         "2024-05-06"),
        ("As of August 2021, the country ranked 131st.", None, "2021-08", False, "August 2021"),
        ("In early June 2022, a cloud vendor announced a region.", None, "2022-06", False,
         "June 2022"),
        ("In March 2019Uzbektelecom finished the line.", None, "2019-03", False, "March 2019"),
        ("The operator was founded in mid-2009.", None, "2009", False, "in mid-2009"),
        # Targets are planned.
        ("The backbone is to be finished by the end of 2025.", None, "2025", True,
         "by the end of 2025"),
        ("The second stage is expected to follow in 2026.", None, "2026", True, "in 2026"),
        ("A third satellite is planned for 2027.", None, "2027", True, "planned for 2027"),
        ("Huawei will build a data centre in Tashkent in 2026.", None, "2026", True, "in 2026"),
        ("In 2026, the operator will switch on 5G.", None, "2026", True, "In 2026"),
        ("It will pay the fee by 1 March 2016.", None, "2016-03-01", True, "1 March 2016"),
        ("A 12 MW site is to open by the conclusion of 2026.", None, "2026", True,
         "by the conclusion of 2026"),
        ("Coverage will reach 1,200 towns by late 2027.", None, "2027", True, "by late 2027"),
        # A programme's years: the last one is its aim.
        ("A cooperation programme for 2025-2027 is being drafted.", None, "2027", True,
         "for 2025-2027"),
        # A part of a year with no year: the year, read as a yearless month is.
        ("The regulator will auction the band in the third quarter.", PUBLISHED, "2026", True,
         "in the third quarter"),
        ("The regulator auctioned the band in the fourth quarter.", PUBLISHED, "2025", False,
         "in the fourth quarter"),
        ("Leases are expected to be signed by the end of the year.", PUBLISHED, "2026", True,
         "by the end of the year"),
        ("The operator will hold a tender this autumn.", PUBLISHED, "2026", True,
         "this autumn"),
        ("The towers were sold last summer.", PUBLISHED, "2025", False, "last summer"),
        ("The loan should be signed in the summer.", PUBLISHED, "2026", True, "in the summer"),
        # A window of months: the year.
        ("The centre will open in April–May.", PUBLISHED, "2026", True, "in April–May"),
        ("Talks were held in February-March 2022.", None, "2022", False,
         "in February-March 2022"),
        ("Work stopped in the first half of 2024.", None, "2024", False,
         "in the first half of 2024"),
        # A day a few days after the publication date is that year's (the feed lags).
        ("The premier said on March 8 that the line is ready.", PUBLISHED, "2026-03-08", False,
         "March 8"),
        ("The premier said on March 20 that the line is ready.", PUBLISHED, "2025-03-20",
         False, "March 20"),
        # Reported speech dates the report, not a plan.
        ("Last week it was announced that trams will run there.", P("2022-12-26"), "2022-12",
         False, "Last week"),
        # A year something runs from; a new target after a delay.
        ("Kcell expects to rent racks to banks from 2027, it said.", None, "2027", True,
         "from 2027"),
        ("The cable landing has been postponed to the first quarter of 2028.", None, "2028",
         True, "postponed to the first quarter of 2028"),
        ("Commissioning was pushed back until 2027.", None, "2027", True,
         "pushed back until 2027"),
        # Relative expressions resolve against the publication date.
        ("Deals were signed last month.", PUBLISHED, "2026-02", False, "last month"),
        ("Deals were signed last month.", P("2026-01-15"), "2025-12", False, "last month"),
        ("A year ago the operator launched 4G.", PUBLISHED, "2025-03", False, "A year ago"),
        ("A year ago the operator launched 4G.", P("2026"), "2025", False, "A year ago"),
        ("Two years ago the operator launched 4G.", PUBLISHED, "2024", False, "Two years ago"),
        # A date opening the sentence, after a dateline's place and outlet: its clause plans.
        ("ASTANA /Wire/ - In the second half of 2027 Kcell will build a data centre.", None,
         "2027", True, "In the second half of 2027"),
        # The year a document was made: `a 2021 memorandum`.
        ("The link follows a 2021 memorandum the two operators signed.", None, "2021", False,
         "a 2021 memorandum"),
        # This week, told as done: from its Monday to the day it was told (Wed 27 Nov).
        ("Kcell signed the contract this week.", P("2024-11-27"), "2024-11", False,
         "this week"),
        # `since` points back, even after a plan word.
        ("A 5G pilot in Osh had been planned since the start of May 2023.", None, "2023-05",
         False, "May 2023"),
        ("In May 2024 Kcell sold its towers, a deal approved in 2023.", None, "2024-05", False,
         "May 2024"),
        ("Two months ago the regulator said so.", PUBLISHED, "2026-01", False, "Two months ago"),
        ("Three days ago the regulator said so.", PUBLISHED, "2026-03-02", False,
         "Three days ago"),
        ("Last year the operator launched 4G.", PUBLISHED, "2025", False, "Last year"),
        ("Earlier this month the ministry said so.", PUBLISHED, "2026-03", False,
         "Earlier this month"),
        ("The plan was approved this month.", P("2026-03"), "2026-03", False, "this month"),
        ("The tender opens next year.", PUBLISHED, "2027", True, "next year"),
        ("Testing is due to begin later this year.", PUBLISHED, "2026", True,
         "later this year"),
        ("The regulator conceded in November that coverage lagged.", PUBLISHED, "2025-11",
         False, "in November"),
        ("The regulator conceded in March that coverage lagged.", PUBLISHED, "2026-03", False,
         "in March"),
        ("In the second half of October, the sides signed a memorandum.", PUBLISHED, "2025-10",
         False, "In the second half of October"),
        ("In May of last year, the vendor wrote to the ministry.", P("2024-04-24"), "2023-05",
         False, "May of last year"),
        ("The lease, signed on February 9, covers two sites.", P("2023-03-01"),
         "2023-02-09", False, "February 9"),
        ("The summit runs from October 6 to 9 in Ankara.", P("2025-10-08"), "2025-10-06",
         False, "October 6"),
        ("The president on Wednesday held a meeting.", PUBLISHED, "2026-03-04", False,
         "on Wednesday"),
        ("The president on Thursday held a meeting.", PUBLISHED, "2026-03-05", False,
         "on Thursday"),
        ("SpaceX said Tuesday the launch went well.", PUBLISHED, "2026-03-03", False, "Tuesday"),
        ("The delegation will arrive on Monday.", PUBLISHED, "2026-03-09", True, "on Monday"),
        ("The company announced today that it won a licence.", PUBLISHED, "2026-03-05", False,
         "today"),
        ("The company announced yesterday that it won a licence.", PUBLISHED, "2026-03-04",
         False, "yesterday"),
        ("The company announced yesterday that it won a licence.", P("2026-03-01"),
         "2026-02-28", False, "yesterday"),
        ("Earlier this week the ministry said so.", PUBLISHED, "2026-03", False,
         "Earlier this week"),
        # The first date in reading order wins.
        ("In April 2015, SpaceX launched a satellite that will retire in 2030.", None,
         "2015-04", False, "April 2015"),
        ("The 2025-2027 programme was approved on 3 March 2025.", None, "2025-03-03", False,
         "3 March 2025"),
        ("Last month, on February 4-5, 2026, the forum met.", PUBLISHED, "2026-02", False,
         "Last month"),
        # `was set up` is done, not `was set to` (a target).
        ("The working group was set up on 3 June 2024 by decree.", None, "2024-06-03", False,
         "3 June 2024"),
        # A date opening a sentence whose clause plans, past names joined by `,` or `and`.
        ("This year, Kcell and Beeline will build 5G towers.", P("2025-02-10"), "2025", True,
         "This year"),
        ("In 2026 new sites in Astana, Almaty and Aktau will be built.", None, "2026", True,
         "In 2026"),
        ("In 2022 Kcell built towers in Astana, Almaty and Aktau and will add more.", None,
         "2022", False, "In 2022"),
        # A year told as done in that year's January: that January.
        ("Kcell signed the contract in 2023, the operator said.", P("2023-01-30"), "2023-01",
         False, "in 2023"),
        ("Kcell will sign the contract in 2023.", P("2023-01-30"), "2023", True, "in 2023"),
        # An unresolvable relative date gives way to the next date.
        ("Last month the forum, held on February 4, 2026, met.", None, "2026-02-04", False,
         "February 4, 2026"),
    ],
)  # fmt: skip
def test_resolve_event_date(
    sentence: str, published: PartialDate | None, expected: str, planned: bool, text: str
) -> None:
    event = resolve_event_date(sentence, published)
    assert event is not None
    assert (event.date.isoformat(), event.planned, event.text) == (expected, planned, text)
    assert sentence[event.start : event.end] == event.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Deals were signed last month.",
        "A year ago the operator launched 4G.",
        "The regulator conceded in November that coverage lagged.",
        "The president on Wednesday held a meeting.",
        "The company announced today that it won a licence.",
        "The company announced yesterday that it won a licence.",
        "The lease, signed on February 9, covers two sites.",
    ],
)
def test_relative_event_dates_need_a_publication_date(sentence: str) -> None:
    assert resolve_event_date(sentence, None) is None


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("The company announced yesterday that it won a licence.", P("2026-03")),
        ("The president on Wednesday held a meeting.", P("2026-03")),
        ("The regulator conceded in November that coverage lagged.", P("2026")),
        ("Deals were signed last month.", P("2026")),
    ],
)
def test_relative_event_dates_need_enough_precision(sentence: str, published: PartialDate) -> None:
    assert resolve_event_date(sentence, published) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The 2024-2028 plan covers the whole country.",
        # a year range told as done dates nothing (a plan's window is its target:
        # test_events_targets)
        "Road works ran in 2016-2018 under the plan.",
        "The government named 2025–2030 the decade of digital services.",
        "The operator will build 7,600 base stations and lay 550 kilometers of cable.",
        "The project is worth $150 million and will connect 2,000 schools.",
        "Internet reached 2000 schools and 1990 villages.",
        "A Falcon 9 rocket carried the Alem 52E satellite.",
        "The new district covers 1450 hectares and has 212 buildings.",
        "An operator won spectrum in the 1700/1800 MHz band.",
        "The Digital Uzbekistan-2030 strategy and the Digital Bridge 2023 forum were cited.",
        "A few years ago, the vendor opened an office.",
        # A date in an apposition ending the sentence is the noun's, not the event's.
        "The sale suits the vendor, which sticks to its exit, a policy adopted in 2019.",
        "Kcell sold its towers to Nordtel, a firm founded in March 2012 in Almaty.",
        "Operators may march ahead with 5G.",
        "The statement gave no date at all.",
        "",
    ],
)
def test_no_event_date(sentence: str) -> None:
    assert resolve_event_date(sentence, PUBLISHED) is None


EVENT_FORMS = [
    (lambda d: f"on {MONTHS[d.month]} {d.day}, {d.year}", "day"),
    (lambda d: f"on {d.day} {MONTHS[d.month]} {d.year}", "day"),
    (lambda d: f"on {MONTH_ABBRS[d.month]} {d.day}, {d.year}", "day"),
    (lambda d: f"on {d:%d.%m.%Y}", "day"),
    (lambda d: f"on {d.isoformat()}", "day"),
    (lambda d: f"in {MONTHS[d.month]} {d.year}", "month"),
    (lambda d: f"in {d.year}", "year"),
]


@given(date=dates, form=st.sampled_from(EVENT_FORMS), lead=st.sampled_from(["The deal", "It"]))
def test_any_event_date_reads_back_with_its_precision(date: dt.date, form, lead: str) -> None:
    write, precision = form
    sentence = f"{lead} was signed {write(date)} by both sides."
    event = resolve_event_date(sentence, None)
    assert isinstance(event, EventDate)
    assert event.date.precision == precision
    assert event.date.first_day() <= date <= event.date.last_day()
    assert sentence[event.start : event.end] == event.text
    assert not event.planned


@given(published=dates)
def test_relative_months_and_years_resolve_against_publication(published: dt.date) -> None:
    pub = PartialDate.model_validate(published)
    last_month = resolve_event_date("Deals were signed last month.", pub)
    previous = published.replace(day=1) - dt.timedelta(days=1)
    if previous.year >= MIN_YEAR:
        assert last_month is not None
        assert last_month.date == PartialDate(year=previous.year, month=previous.month)
    yesterday = resolve_event_date("It was announced yesterday.", pub)
    if published.toordinal() > dt.date(MIN_YEAR, 1, 1).toordinal():
        assert yesterday is not None
        assert yesterday.date.first_day() == published - dt.timedelta(days=1)
    weekday = WEEKDAYS[published.weekday()]
    same_day = resolve_event_date(f"The minister on {weekday} met the delegation.", pub)
    assert same_day is not None
    assert same_day.date == pub


@given(st.text(max_size=300), st.one_of(st.none(), partial_dates))
def test_event_spans_slice_back(sentence: str, published: PartialDate | None) -> None:
    event = resolve_event_date(sentence, published)
    if event is not None:
        assert sentence[event.start : event.end] == event.text
        assert MIN_YEAR <= event.date.year <= MAX_YEAR


def test_posted_date_before_a_later_update_stamp() -> None:
    text = "Posted : 2023-06-15 17:02 Updated : 2023-06-16 09:10\n\nBy A. Writer\n\nBody.\n"
    assert find_publication_date(text) == (PartialDate(year=2023, month=6, day=15), "dateline")


# --- A note saying when the article was first published; the story's dateline day ------


@pytest.mark.parametrize(
    "ending",
    [
        "This report was first published in issue 12 of our weekly paper on Feb. 3 2021",
        "Originally published on 3 February 2021.",
        "Originally published in the print edition on Feb. 3 2021",
        ">> This piece first appeared in the print edition on February 3, 2021",
    ],
)
def test_a_note_ending_the_text_says_when_it_was_first_published(ending: str) -> None:
    text = "BISHKEK/Jan. 29 — The regulator said on Friday it would auction spectrum.\nENDS\n"
    assert find_publication_date(text + ending) == (P("2021-02-03"), "dateline")


def test_a_publication_note_must_end_the_text() -> None:
    text = "The network was first published in a tender on 3 February 2021, officials said."
    assert find_publication_date(text) == (None, None)


@given(date=dates)
def test_any_first_published_note_reads_back(date: dt.date) -> None:
    text = (
        f"Body text.\nThis story was first published on {MONTHS[date.month]} {date.day} {date.year}"
    )
    assert find_publication_date(text) == (PartialDate.model_validate(date), "dateline")


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # Without a year: the latest such day up to publication (filed, then printed).
        ("ALMATY/Dec. 28 (The Weekly) — The operator filed a notice.", "2019-01-11", "2018-12-28"),
        ("DUSHANBE, March 2 — Talks ended.", "2024-03-04", "2024-03-02"),
        # With one: as written.
        ("TASHKENT, July 16, 2019 (Kun.uz) – Talks ended.", None, "2019-07-16"),
        ("ASTANA, May 3, 2021 (Wire) -- Talks ended.", None, "2021-05-03"),
        # No dateline, or no publication date to take the year from.
        ("The operator said on Dec. 28 it had filed a notice.", "2019-01-11", None),
        ("ALMATY/Dec. 28 (The Weekly) — The operator filed a notice.", None, None),
    ],
)
def test_dateline_day(sentence: str, published: str | None, expected: str | None) -> None:
    assert iso(dateline_day(sentence, P(published) if published else None)) == expected


@given(published=dates, back=st.integers(min_value=0, max_value=364))
def test_a_yearless_dateline_day_is_never_after_publication(published: dt.date, back: int) -> None:
    filed = published - dt.timedelta(days=back)
    assume(filed.year >= MIN_YEAR and (filed.month, filed.day) != (2, 29))
    sentence = f"ASTANA/{MONTH_ABBRS[filed.month]}. {filed.day} (Wire) — It was signed."
    day = dateline_day(sentence, PartialDate.model_validate(published))
    assert day is not None and day.first_day() == filed


@given(
    year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR),
    noun=st.sampled_from(["memorandum", "agreement", "contract", "deal", "roadmap", "loan"]),
)
def test_a_year_before_a_document_is_its_year(year: int, noun: str) -> None:
    event = resolve_event_date(f"The line follows a {year} {noun} with Kcell.", None)
    assert event is not None and event.date == PartialDate(year=year)


@given(
    published=dates,
    years=st.integers(min_value=2, max_value=10),
    since=st.sampled_from(["since", "since the start of"]),
)
def test_counted_years_ago_and_since_are_never_targets(
    published: dt.date, years: int, since: str
) -> None:
    pub = PartialDate.model_validate(published)
    ago = resolve_event_date(f"The pilot was planned {years} years ago.", pub)
    if published.year - years >= MIN_YEAR:
        assert ago is not None and ago.date == PartialDate(year=published.year - years)
    back = resolve_event_date(f"It had been planned {since} May {published.year}.", pub)
    assert back is not None and not back.planned
    assert back.date == PartialDate(year=published.year, month=5)


@given(published=dates)
def test_what_happened_this_week_happened_by_the_day_it_was_told(published: dt.date) -> None:
    pub = PartialDate.model_validate(published)
    event = resolve_event_date("The operator signed the contract this week.", pub)
    monday = published - dt.timedelta(days=published.weekday())
    assume(monday.year == published.year)  # a week across two years has no common date
    assert event is not None
    assert event.date.first_day() <= monday and published <= event.date.last_day()
    if monday.month == published.month:  # never widened to the coming days' month
        assert event.date.month == published.month


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kcell signed a memorandum in 2021 and built a pilot the following year.", "2021"),
        ("The line was agreed in 2019; work began two years later.", "2019"),
        ("The centre should open in 2027, a year later than planned.", "2027"),
        ("The ministry said that year was hard.", None),  # no year written before it
    ],
)
def test_a_year_counted_from_one_written_before(sentence: str, expected: str | None) -> None:
    assert iso(getattr(resolve_event_date(sentence, None), "date", None)) == expected


@given(year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR - 5), later=st.integers(1, 5))
def test_a_predicates_own_year_counts_from_the_sentences(year: int, later: int) -> None:
    words = {1: "a year later", 2: "two years later", 3: "three years later"}
    after = words.get(later, "the following year")
    sentence = f"Kcell signed a memorandum in {year} and built a pilot {after}."
    event = resolve_event_date(sentence, None, start=sentence.index("and built"))
    assert event is not None and event.date.year == year + (later if later <= 3 else 1)
    assert sentence[event.start : event.end] == event.text


@pytest.mark.parametrize(
    ("sentence", "vague"),
    [
        ("The ceremony took place more than three years ago.", True),
        ("A few years ago, the vendor opened an office.", True),
        ("The bank lent $50 million almost three years ago.", True),
        ("Several months ago the sides met in Osh.", True),
        ("Представители компании посетили страну несколько лет назад.", True),
        ("The sides met two years ago.", False),
        ("The sides met a year ago.", False),
    ],
)
def test_a_vague_date_is_told_apart(sentence: str, vague: bool) -> None:
    assert dated_vaguely(sentence) is vague


def test_a_target_is_read_after_the_day_a_plan_was_made() -> None:
    sentence = "On Monday the premier told the fund to find the money by March 10."
    day = resolve_event_date(sentence, PUBLISHED)
    aim = resolve_event_date(sentence, PUBLISHED, targets_only=True)
    assert day is not None and (day.date.isoformat(), day.planned) == ("2026-03-02", False)
    assert aim is not None and (aim.date.isoformat(), aim.planned) == ("2026-03-10", True)
    assert resolve_event_date("Kcell signed it on Monday.", PUBLISHED, targets_only=True) is None


@given(published=dates, back=st.integers(min_value=-7, max_value=357))
def test_a_yearless_day_is_the_latest_up_to_a_week_after_publication(
    published: dt.date, back: int
) -> None:
    day = published - dt.timedelta(days=back)
    assume(MIN_YEAR < day.year < MAX_YEAR and (day.month, day.day) != (2, 29))
    sentence = f"The minister said on {MONTHS[day.month]} {day.day} that it was signed."
    event = resolve_event_date(sentence, PartialDate.model_validate(published))
    assert event is not None and event.date.first_day() == day


@given(
    published=dates,
    part=st.sampled_from(
        [("first quarter", 1, 3), ("second quarter", 4, 6), ("third quarter", 7, 9),
         ("fourth quarter", 10, 12), ("second half", 7, 12), ("summer", 6, 8)]
    ),
)  # fmt: skip
def test_a_part_of_a_year_is_the_latest_begun_or_the_next_not_over(
    published: dt.date, part: tuple[str, int, int]
) -> None:
    words, first, last = part
    assume(MIN_YEAR < published.year < MAX_YEAR)
    pub = PartialDate.model_validate(published)
    done = resolve_event_date(f"The line was finished in the {words}.", pub)
    aim = resolve_event_date(f"The line will be finished in the {words}.", pub)
    assert done is not None and not done.planned
    assert done.date.year == published.year - (first > published.month)
    assert aim is not None and aim.planned
    assert aim.date.year == published.year + (last < published.month)


# --- The cheap tests before the date patterns ---------------------------------------

DATE_PHRASES = [
    *("two years ago", "a few weeks ago", "3 days ago", "last month", "earlier this year"),
    *("next week", "on Monday", "last Tuesday", "Tue.", "today", "tonight", "tomorrow"),
    *("the day before", "yesterday", "in March", "on March 8", "8 March", "Sept. 4th"),
    *("March 2024", "June of last year", "in the third quarter", "this autumn", "in 2019"),
    *("by the end of the year", "in April-May", "in February–March 2022", "mid-2015"),
    *("a 2021 memorandum", "the following year", "two years later", "for 2026-2028"),
    *("3 June 2024", "June 3, 2024", "03.05.2024", "2024-11-02", "in may", "DEC 25"),
    *("2024/11/02", "03-05-24", "$1.5 billion", "4.2.2025", "v1.2-3"),
    *("Kcell", "signed", "will", "planned for", "the", "5G", "$1,500", "2,000 km", ",", "-"),
]


def _candidates(sentence: str, published: PartialDate | None) -> list[tuple]:
    found = events_module._event_candidates.__wrapped__(sentence)
    return [(c.start, c.end, c.future, c.resolve(published, False), c.resolve(published, True))
            for c in found]  # fmt: skip


@given(
    st.lists(
        st.sampled_from(DATE_PHRASES).flatmap(
            lambda phrase: st.sampled_from([phrase, phrase.lower(), phrase.upper()])
        ),
        max_size=8,
    ).map(" ".join),
    st.one_of(st.none(), st.sampled_from([P("2025-03-14"), P("2024-12"), P("2023")])),
)
def test_the_cheap_hints_never_change_what_the_patterns_find(
    sentence: str, published: PartialDate | None
) -> None:
    # The substring tests only skip patterns that could not match: with every hint on,
    # every pattern is tried, and the candidates are the same.
    every = events_module._Hints(*[True] * len(events_module._Hints._fields))
    hinted = _candidates(sentence, published)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(events_module._Hints, "of", classmethod(lambda cls, text: every))
        every_form = tuple(
            (form, re.compile("")) for form, _ in patterns_module._FULL_DATE_PATTERNS
        )
        patch.setattr(patterns_module, "_FULL_DATE_PATTERNS", every_form)
        assert _candidates(sentence, published) == hinted


@given(published=dates, year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR))
def test_a_year_told_as_done_in_its_january_is_that_january(published: dt.date, year: int) -> None:
    event = resolve_event_date(
        f"Kcell signed a 5G contract in {year}.", PartialDate.model_validate(published)
    )
    assert event is not None and not event.planned
    in_january = published.month == 1 and published.year == year
    assert event.date == (PartialDate(year=year, month=1) if in_january else PartialDate(year=year))


@given(date=dates, dash=st.sampled_from(["-", "--", "–", "—"]))
def test_a_dateline_with_any_dash_dates_the_article(date: dt.date, dash: str) -> None:
    sentence = f"ASTANA, {MONTHS[date.month]} {date.day}, {date.year} (Wire) {dash} It was signed."
    assert dateline_day(sentence, None) == PartialDate.model_validate(date)
    event = resolve_event_date(sentence, None)
    assert event is None  # the dateline's date is the article's, not the event's


@given(
    published=dates,
    weekday=st.sampled_from(WEEKDAYS),
    month=st.integers(min_value=1, max_value=12),
    verb=st.sampled_from(["said on {wd} that", "told reporters on {wd} that", "{wd} announced"]),
)
def test_the_day_of_a_report_gives_way_to_the_date_of_what_was_said(
    published: dt.date, weekday: str, month: int, verb: str
) -> None:
    assume(published.year > MIN_YEAR)
    pub = PartialDate.model_validate(published)
    said = verb.format(wd=f"on {weekday}" if verb.startswith("{") else weekday)
    sentence = f"Kcell {said} it signed the 5G contract with Nokia in {MONTHS[month]}."
    found = resolve_event_date(sentence, pub)
    assert found is not None and found.text.rstrip(".") == f"in {MONTHS[month]}"
    assert found.date.month == month and not found.planned
    # Alone, the report's day dates it.
    alone = resolve_event_date(f"Kcell {said} it signed the 5G contract with Nokia.", pub)
    assert alone is not None and alone.date.day is not None


def test_a_reports_day_in_russian_gives_way_too() -> None:
    sentence = "Kcell сообщил в понедельник, что подписал контракт с Nokia в январе."
    found = resolve_event_date(sentence, PUBLISHED)
    assert found is not None and found.date == P("2026-01")


@given(
    date=dates,
    place=st.sampled_from(["ASTANA", "Bishkek", "ДУШАНБЕ", "NUR-SULTAN"]),
    form=st.sampled_from(
        [
            lambda d: f"{d:%d.%m.%Y}",
            lambda d: f"{MONTHS[d.month]} {d.day}, {d.year}",
            lambda d: f"{d.day} {MONTHS[d.month]} {d.year}",
        ]
    ),
    outlet=st.sampled_from(["", " /Wire/", " (The Weekly)", " /НИАТ «Ховар»/"]),
)
def test_a_dateline_cut_off_as_a_sentence_dates_no_event(
    date: dt.date, place, form, outlet
) -> None:
    # It dates the article; in an undated article it is the day the rest is read from.
    assert resolve_event_date(f"{place}, {form(date)}{outlet}.", None) is None
    assert resolve_event_date(f"{place}, {form(date)}{outlet}.", PUBLISHED) is None
    assert resolve_event_date(f"{form(date)}, 11:20", PUBLISHED) is None  # a date line alone
    # A sentence with an event and a full date is read as before.
    signed = resolve_event_date(f"Kcell signed it in Astana on {form(date)}.", None)
    assert signed is not None and signed.date == PartialDate.model_validate(date)


@given(
    year=st.integers(min_value=MIN_YEAR + 1, max_value=MAX_YEAR),
    part=st.sampled_from(["Q1", "Q2", "Q3", "Q4", "3Q", "H1", "H2", "2H"]),
)
def test_a_quarter_or_half_written_short_is_its_year(year: int, part: str) -> None:
    found = resolve_event_date(f"Kcell will launch 5G in {part} {year}.", None)
    assert found is not None and found.planned and found.date == PartialDate(year=year)


def test_the_end_of_a_yearless_month() -> None:
    found = resolve_event_date("The deal was signed at the end of March.", P("2026-05-20"))
    assert found is not None and found.date == P("2026-03") and not found.planned


@given(
    year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR - 1),
    month=st.integers(min_value=1, max_value=12),
    which=st.sampled_from(["of that year", "of the same year", "the following year"]),
)
def test_a_month_of_a_year_counted_from_one_written_before(
    year: int, month: int, which: str
) -> None:
    sentence = f"Kcell signed a 5G memorandum in {year} and a contract in {MONTHS[month]} {which}."
    dated = resolve_event_date(sentence, None, start=sentence.index(" and "))
    offset = 1 if which == "the following year" else 0
    assert dated is not None and dated.date == PartialDate(year=year + offset, month=month)


def test_a_plan_before_but_makes_no_target_after_it() -> None:
    sentence = "The line was planned for 2023, but in December of that year the deadline was moved."
    aim = resolve_event_date(sentence, PUBLISHED)
    moved = resolve_event_date(sentence, PUBLISHED, past_only=True)
    assert aim is not None and aim.planned and aim.date == P("2023")
    assert moved is not None and not moved.planned and moved.date == P("2023-12")


@given(
    year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR),
    month=st.integers(min_value=1, max_value=12),
    determiner=st.sampled_from(["the", "a", "its", "their", "this", "our"]),
)
def test_planned_naming_a_thing_plans_no_date(year: int, month: int, determiner: str) -> None:
    # `the planned route` names the route; the date is of the work done along it.
    sentence = (
        f"A vessel began surveying {determiner} planned route of the Kcell cable "
        f"in {MONTHS[month]} {year}."
    )
    found = resolve_event_date(sentence, None)
    assert found is not None and not found.planned
    assert found.date == PartialDate(year=year, month=month)
    # `planned` as the verb still plans: the date is a target; so does `planned` naming an
    # action, whose date it is.
    aim = resolve_event_date(f"The cable is planned for {MONTHS[month]} {year}.", None)
    assert aim is not None and aim.planned
    action = f"Kcell confirmed {determiner} planned launch of the cable in {MONTHS[month]} {year}."
    launch = resolve_event_date(action, None)
    assert launch is not None and launch.planned


@given(
    year=st.integers(min_value=MIN_YEAR, max_value=MAX_YEAR),
    verb=st.sampled_from(["be announced", "announce", "be reported"]),
)
def test_a_reporting_verb_the_future_governs_is_the_plan(year: int, verb: str) -> None:
    # `will be announced in 2027`: the announcement is what is planned, the year its target.
    aim = resolve_event_date(f"The Kcell tender will {verb} in {year}.", None)
    assert aim is not None and aim.planned and aim.date == PartialDate(year=year)
    # A report after the future still dates the report, not the plan.
    said = f"Kcell will build the line, as the minister announced in {year}."
    found = resolve_event_date(said, None)
    assert found is not None and not found.planned


@given(
    weekday=st.sampled_from(WEEKDAYS),
    verb=st.sampled_from(["said on", "told reporters on", "told Reuters on"]),
)
def test_said_on_tells_a_reports_day_from_the_events_own(weekday: str, verb: str) -> None:
    reported = f"Kcell has agreed to buy the towers, the operator {verb} {weekday}."
    found = resolve_event_date(reported, PUBLISHED)
    assert found is not None and events_module.said_on(reported, found)
    signed = f"Kcell signed the tower deal on {weekday}, the operator said."
    found = resolve_event_date(signed, PUBLISHED)
    assert found is not None and not events_module.said_on(signed, found)
