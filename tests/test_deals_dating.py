"""Undated articles dated by what they tell and by their deal (docs/deals.md, "History
and status"; deals/dating.py): status.build_deal on events written by hand."""

from __future__ import annotations

from ca_connect.dates import yearless_dateline
from ca_connect.deals.dating import newest_written
from ca_connect.deals.facts import fingerprint
from ca_connect.deals.model import ArticleFacts, DealGroup
from ca_connect.deals.status import build_deal
from ca_connect.models import Event, PartialDate, Party

KZ = Party(id="KZ", name="Kazakhstan", kind="country", country="KZ")
ORBITA = Party(id="orbita", name="Orbita Global", kind="company", country="GB")
NORDTEL = Party(id="nordtel", name="Nordtel", kind="company", country="KZ")


def event(
    article: str, number: int, stage: str, date: str | None, text: str, *parties: Party
) -> Event:
    return Event(
        article_id=article,
        number=number,
        stage=stage,
        date=PartialDate.parse(date) if date else None,
        parties=list(parties or (KZ, ORBITA)),
        initiatives=["satellite"],
        field="body",
        start=0,
        end=len(text),
        text=text,
    )


def history(
    *events: Event, dates: dict[str, str], bodies: dict[str, str] | None = None
) -> dict[str, str | None]:
    """`ARTICLE#N -> date` of the deal of the events; articles not in `dates` undated, read
    from their text in `bodies` (ArticleFacts.dateline and .told) where given."""
    facts = {}
    bodies = bodies or {}
    for article in dict.fromkeys(e.article_id for e in events):
        facts[article] = ArticleFacts(
            id=article,
            date=PartialDate.parse(dates[article]) if article in dates else None,
            source=None,
            url=None,
            title=None,
            fingerprint=fingerprint(article),
            events=tuple(e for e in events if e.article_id == article),
            countries=("KZ",),
            subject="KZ",
            dateline=yearless_dateline(bodies.get(article, "")),
            told=newest_written(bodies.get(article, "")),
        )
    group = DealGroup("orbita-kz", "Orbita – Kazakhstan", False)
    group.events = [(e.article_id, e.number) for e in events]
    deal = build_deal(group, facts)
    return {f"{h.article}#{h.event}": str(h.date) if h.date else None for h in deal.history}


def test_a_day_without_a_year_follows_the_newest_past_date_the_article_tells():
    found = history(
        event("u", 1, "talks", None, "The premier met Orbita's chairman on March 3 in Astana."),
        event("u", 2, "cancelled", "2022", "Orbita nearly signed in 2022 before its insolvency."),
        event("u", 3, "mou", None, "Both sides signed a memorandum of understanding."),
        dates={},
    )
    assert found == {"u#2": "2022", "u#1": "2023-03-03", "u#3": "2023-03-03"}


def test_a_day_without_a_year_and_no_past_date_leaves_the_article_undated():
    found = history(
        event("u", 1, "talks", None, "The premier met Orbita's chairman on March 3 in Astana."),
        dates={},
    )
    assert found == {"u#1": None}


def test_the_same_event_in_a_dated_article_dates_an_undated_one_by_its_month():
    found = history(
        event("d", 1, "talks", "2024-04-16", "Orbita and Nordtel held talks.", KZ, ORBITA, NORDTEL),
        event("u", 1, "plan", None, "Nordtel plans six gateways for Orbita.", KZ, NORDTEL, ORBITA),
        event("u", 2, "talks", None, "Orbita and Nordtel discuss a gateway.", KZ, ORBITA, NORDTEL),
        dates={"d": "2024-04-18"},
    )
    assert found == {"d#1": "2024-04-16", "u#1": "2024-04", "u#2": "2024-04"}


def test_one_organisation_in_common_or_another_stage_dates_nothing():
    found = history(
        event("d", 1, "talks", "2024-04-16", "Orbita and Nordtel held talks.", KZ, ORBITA, NORDTEL),
        event("u", 1, "talks", None, "Orbita is in talks with the ministry.", KZ, ORBITA),
        event("u", 2, "mou", None, "Orbita and Nordtel signed a memorandum.", KZ, ORBITA, NORDTEL),
        dates={"d": "2024-04-18"},
    )
    assert found["u#1"] is None and found["u#2"] is None


def test_a_past_event_the_undated_article_recalls_does_not_date_it():
    found = history(
        event(
            "d",
            1,
            "cancelled",
            "2022-05-12",
            "The ministry ended Orbita's contract with Nordtel.",
            KZ,
            ORBITA,
            NORDTEL,
        ),
        event(
            "u",
            1,
            "cancelled",
            None,
            "In May last year the ministry ended Orbita's contract with Nordtel.",
            KZ,
            ORBITA,
            NORDTEL,
        ),
        dates={"d": "2022-05-13"},
    )
    assert found["u#1"] is None


def test_before_a_deadline_one_organisation_in_common_dates_an_article():
    found = history(
        event("d", 1, "talks", "2024-04-16", "Orbita and Nordtel held talks.", KZ, ORBITA, NORDTEL),
        event("d", 2, "mou", "2019", "They first signed a memorandum in 2019.", KZ, ORBITA),
        event("u", 1, "talks", None, "The ministry is in talks with Orbita.", KZ, ORBITA),
        Event(
            article_id="u",
            number=2,
            stage="plan",
            target=PartialDate.parse("2024"),
            planned=True,
            parties=[KZ, ORBITA],
            field="body",
            start=0,
            end=10,
            text="Orbita will connect 900 schools by the end of 2024.",
        ),
        dates={"d": "2024-04-18"},
    )
    assert found["u#1"] == "2024-04"


def test_without_a_deadline_one_organisation_in_common_dates_nothing():
    found = history(
        event("d", 1, "talks", "2024-04-16", "Orbita and Nordtel held talks.", KZ, ORBITA, NORDTEL),
        event("u", 1, "talks", None, "The ministry is in talks with Orbita.", KZ, ORBITA),
        dates={"d": "2024-04-18"},
    )
    assert found["u#1"] is None


def test_the_deals_dated_articles_place_a_day_without_a_year_before_an_old_past_date():
    # The undated article recalls 2016 and names `Dec. 28`; the deal's dated article dates
    # the agreement it reports too to December 2018: the article is of 28 December 2018,
    # not of the first 28 December after 2016.
    found = history(
        event(
            "d", 1, "agreement", "2018-12-12", "Nordtel agreed to buy Orbita.", KZ, ORBITA, NORDTEL
        ),
        event("u", 1, "plan", None, "On Dec. 28 Orbita said it would sell its stake.", KZ, ORBITA),
        event("u", 2, "agreement", "2016-03", "Orbita merged its unit in March 2016.", KZ, ORBITA),
        event("u", 3, "agreement", None, "Nordtel agreed to acquire Orbita.", KZ, NORDTEL, ORBITA),
        dates={"d": "2018-12-20"},
    )
    assert (found["u#1"], found["u#3"]) == ("2018-12-28", "2018-12-28")


def test_a_dateline_without_a_year_takes_it_from_the_newest_past_date_the_text_writes():
    body = (
        "ASTANA, Kazakhstan, October 14. The ministry has proposed a pilot with Orbita.\n\n"
        "A commission was formed on August 3, 2027 under a government order. It will report by "
        "March 2029."
    )
    assert yearless_dateline(body) == (10, 14)
    assert newest_written(body) == PartialDate.parse("2027-08-03")  # not the target, 2029
    found = history(
        event("u", 1, "plan", None, "The ministry has proposed a pilot with Orbita."),
        event("u", 2, "talks", None, "Talks on the pilot's rules are under way."),
        dates={},
        bodies={"u": body},
    )
    assert found == {"u#1": "2027-10-14", "u#2": "2027-10-14"}


def test_a_future_year_is_no_past_date_of_the_text():
    body = (
        "Orbita signed with the operator in 2026. We believe they will be able to offer "
        "the service to every household on a commercial basis in early 2029."
    )
    assert newest_written(body) == PartialDate.parse("2026")


def test_a_dated_dateline_or_none_gives_no_day_without_a_year():
    assert yearless_dateline("ASTANA, Kazakhstan, October 14, 2027. The ministry met.") is None
    assert yearless_dateline("The ministry met Orbita on October 14.") is None


def test_an_event_naming_no_organisation_is_known_by_its_countries_before_a_deadline():
    # Two prime ministers at a groundbreaking `on May 21`, with a deadline: the deal's dated
    # article tells the deployment (one country in common) in March 2028.
    uz = Party(id="UZ", name="Uzbekistan", kind="country", country="UZ")
    found = history(
        event("d", 1, "deployment", "2028-03", "Works on the line began in March 2028.", KZ),
        event(
            "u",
            1,
            "deployment",
            None,
            "The two prime ministers on May 21 opened the works on the line.",
            KZ,
            uz,
        ),
        Event(
            article_id="u",
            number=2,
            stage="plan",
            target=PartialDate.parse("2030"),
            planned=True,
            parties=[KZ, uz],
            field="body",
            start=0,
            end=10,
            text="The line will be in service by the end of 2030.",
        ),
        dates={"d": "2029-06-02"},
    )
    assert found["u#1"] == "2028-05-21"
