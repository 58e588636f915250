"""Deal events: stage, parties, dates and evidence, on the seeds and on small made-up texts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ca_connect.cli import cli
from ca_connect.dictionary import load_dictionary
from ca_connect.events import analyse, choose_stage, extract_events, subject_country
from ca_connect.loader import load_article, load_articles
from ca_connect.models import Article, Event, Filters, PartialDate
from ca_connect.query import build_filters
from ca_connect.tagging.tagger import tag

from .conftest import FIXTURES, PROJECT, SEEDS

SMALL = load_dictionary(FIXTURES / "entities.yaml")
REAL = load_dictionary(PROJECT / "data" / "entities.yaml")


def seed_events(name: str) -> list[Event]:
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return analyse(load_article(path), REAL).events


def events_of(body: str, date: str | None = "2025-03-10", title: str | None = None) -> list[Event]:
    article = Article(id="x", path="x.txt", title=title, body=body, date=date)
    return analyse(article, SMALL).events


def party_ids(event: Event) -> list[str]:
    return [party.id for party in event.parties]


def one(events: list[Event], **wanted: object) -> Event:
    """The one event whose fields have the wanted values (`parties` and lists: contained)."""
    found = [
        event
        for event in events
        if all(
            set(value) <= set(party_ids(event) if key == "parties" else getattr(event, key))
            if isinstance(value, (list, tuple))
            else getattr(event, key) == value
            for key, value in wanted.items()
        )
    ]
    assert len(found) >= 1, (wanted, events)
    return found[0]


# --- The seeds ---------------------------------------------------------------------


def test_seed_004_talks_with_starlink_dated_by_the_next_sentence() -> None:
    event = one(
        seed_events("004"), stage="talks", parties=["TM", "starlink"], initiatives=["satellite"]
    )
    assert event.number == 1
    assert event.text.startswith("Turkmenistan has entered into discussions")
    # `The discussions took place ... February 4-5, 2026` reports the same talks: it is
    # evidence of the event and dates it.
    assert any(e.text.startswith("The discussions took place") for e in event.evidence)
    assert (str(event.date), event.date_basis, event.planned) == ("2026-02-04", "sentence", False)


def test_seed_004_satellite_launched_in_april_2015_by_spacex() -> None:
    event = one(seed_events("004"), stage="launch", parties=["TM", "spacex"])
    assert (str(event.date), event.date_precision, event.date_basis) == (
        "2015-04",
        "month",
        "sentence",
    )
    assert event.initiatives == ["satellite"]
    kazakh = one(seed_events("004"), stage="launch", parties=["KZ"])
    assert str(kazakh.date) == "2025-08"


def test_seed_002_memorandum_with_huawei_tajikistan_is_undated() -> None:
    events = seed_events("002")
    event = one(
        events, stage="mou", parties=["TJ", "huawei-technologies-tajikistan"], initiatives=["5g"]
    )
    assert "7,600 base stations" in event.text
    assert (event.date, event.date_basis) == (None, None)
    assert all(e.date is None for e in events)  # the article is undated
    one(events, stage="agreement", parties=["RU", "TJ"], initiatives=["cybersecurity"])


def test_seed_000_turkmen_cybersecurity_plan() -> None:
    events = seed_events("000")
    event = one(events, stage="plan", parties=["TM"], initiatives=["cybersecurity"])
    assert str(event.date) == "2025-03-03"
    assert not event.text.startswith("date")  # the header date line is no sentence's
    one(events, stage="deployment", parties=["TM", "huawei"])


def test_seed_001_iran_tajikistan_fiber_and_5g_talks_in_november_2025() -> None:
    event = one(
        seed_events("001"), stage="talks", parties=["IR", "TJ"], initiatives=["fiber", "5g"]
    )
    assert (event.date.year, event.date.month) == (2025, 11)


def test_seed_003_pakistan_uzbekistan_fiber_talks_are_undated() -> None:
    events = seed_events("003")
    one(events, stage="talks", parties=["PK", "UZ"], initiatives=["fiber"])
    assert all(e.date is None for e in events)
    assert "talks" in {e.stage for e in events}


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_every_seed_event_shows_its_evidence(name: str) -> None:
    (path,) = SEEDS.glob(f"{name}_*.txt")
    article = analyse(load_article(path), REAL)
    assert article.events
    assert [e.number for e in article.events] == list(range(1, len(article.events) + 1))
    for event in article.events:
        assert article.field_text(event.field)[event.start : event.end] == event.text
        assert event.article_id == article.id and event.initiatives and event.parties
        assert set(event.initiatives) <= set(article.initiatives)


# --- Rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cued", "stage"),
    [
        ((), None),
        (("plan",), "plan"),
        (("plan", "talks"), "plan"),  # `plans to hold talks`
        (("talks", "plan"), "talks"),  # `discussed the plan`
        (("talks", "mou", "agreement"), "agreement"),
        (("mou", "deployment"), "mou"),  # a memorandum to install: what was agreed
        (("deployment", "agreement"), "deployment"),  # deployed under an agreement
        (("deployment", "launch"), "launch"),
        (("launch", "cancelled"), "cancelled"),
    ],
)
def test_choose_stage(cued: tuple[str, ...], stage: str | None) -> None:
    assert choose_stage(cued) == stage


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Uzbekistan and Huawei signed a memorandum to install 5G base stations.", "mou"),
        ("Uzbekistan launched 5G after talks with Huawei.", "launch"),
        ("Uzbekistan plans to launch 5G.", "plan"),
        ("Uzbekistan plans to build 5G base stations under construction.", "plan"),
        ("Kazakhstan halted the 5G tests it had launched.", "cancelled"),
        ("Kazakhstan discussed satellite internet.", "talks"),
        ("Officials discussed the weather.", None),  # no actor and no initiative type
        ("Kazakhstan has a satellite.", None),  # no stage cue
    ],
)
def test_stage_of_a_sentence(sentence: str, stage: str | None) -> None:
    assert [e.stage for e in events_of(sentence)] == ([stage] if stage else [])


def real_events_of(body: str) -> list[Event]:
    """The events of a made-up text, read with the project's dictionary and its cues."""
    return analyse(Article(id="x", path="x.txt", body=body, date="2025-03-10"), REAL).events


def real_stages(body: str) -> list[str]:
    return [event.stage for event in real_events_of(body)]


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        # --- Cues match as written: `met` is no `metes`; plurals are listed.
        ("Uzbektelecom laid the first metes of the fiber line.", "deployment"),
        ("Kazakhstan held meetings with Huawei on 5G.", "talks"),
        # Nouns mostly used of plans are no cues; the forms that report work are.
        ("Kyrgyzstan set up a working group for a satellite pilot.", None),
        ("Kyrgyzstan discussed a pilot for satellite internet.", "talks"),
        ("Kyrgyzstan has a satellite test bench.", None),
        ("Zet-mobile completed testing of 5G in Tajikistan.", "launch"),
        ("Beeline piloted 5G in Tashkent.", "deployment"),
        # --- An agreement is signed, reached or ratified, whatever words stand between.
        ("Kazakhstan and China signed a cooperation agreement on fiber.", "agreement"),
        ("An agreement on laying fiber between Iran and Oman was reached.", "agreement"),
        ("Tajikistan ratified the agreement on cybersecurity.", "agreement"),
        # ... or is one already made: `the agreement` (alone, it only describes it).
        ("The agreement lets Tcell build 5G base stations.", None),
        # A bare agreement is an intention or a topic, not an agreement.
        ("Key goals include forging agreements on cybersecurity.", None),  # no actor
        ("Kazakhstan and Iran are negotiating an agreement on fiber.", "talks"),
        ("Uzbekistan is exploring joint ventures in data centers.", "talks"),
        ("Uzbekistan and Oman formed a joint venture to build data centers.", "agreement"),
        # The nearer pair wins: the memorandum is what was signed.
        ("Uzbekistan signed a memorandum of cooperation agreement on 5G.", "mou"),
        ("Iran signed a memorandum on 5G and hopes for an agreement later.", "mou"),
        # Both words must stand in one clause.
        ("Tajikistan signed nothing, and the 5G agreement waits.", None),
        # `approved`: its object decides.
        ("The fiber proposal by Iran and Oman has been approved by both sides.", "agreement"),
        ("The ADB approved a loan for fiber in Kyrgyzstan.", "agreement"),
        ("The cabinet of Uzbekistan approved the 5G strategy.", "plan"),
        ("The cabinet of Uzbekistan approved the 5G rollout.", None),
        # --- A plan cue governing a work or deal cue makes it a plan, wherever it stands.
        ("Fiber optic cables can be laid along the new roads of Tajikistan.", "plan"),
        ("Huawei laid fiber, and more cables could also be laid in 2026.", "deployment"),
        ("A working group will be established to develop satellite links.", "plan"),
        ("The launch of the 5G pilot had been planned since May 2021.", "plan"),
        ("In 2019 the regulator decided to allocate 5G frequencies in test mode.", "plan"),
        ("The agreement on 5G with Iran is expected to be signed in May.", "plan"),
        ("Oman is scheduled to hold talks on fiber with Iran.", "plan"),
        # ... and so does a passive future after its subject.
        ("Construction of the fiber line to Iran will be completed in 2026.", "plan"),
        ("Talks on 5G are to be held in Dushanbe.", "plan"),
        ("The memorandum signed in May will be implemented by Huawei for 5G.", "mou"),
        # A `... be` cue counts only where it governs: no plan here.
        ("It should be noted that Kazakhstan launched 5G in 2024.", "launch"),
        # Halts are never governed: an announced suspension is a halt.
        ("The 5G pilots of Kyrgyzstan will be suspended.", "cancelled"),
        # --- A negated cue does not count.
        ("Kazakhstan has not launched 5G yet.", None),
        ("Kazakhstan hasn't launched 5G.", None),
        ("No agreement on fiber was reached.", None),
        ("Kyrgyzstan is not planning to lead in 5G but has been conducting trials.", "deployment"),
        ("Not only has Huawei introduced 3G, it has also deployed LTE.", "launch"),
    ],
)
def test_stage_read_with_the_projects_cues(sentence: str, stage: str | None) -> None:
    assert real_stages(sentence) == (stage.split() if stage else [])


def test_a_country_that_only_qualifies_a_news_outlet_is_no_party() -> None:
    body = (
        "Kazakhstan and Azerbaijan have a plan. According to Russian state media outlet RIA "
        "Novosti, Kazakhtelecom and Azertelecom formed a joint venture to lay a fiber cable."
    )
    event = one(real_events_of(body), stage="agreement")
    # No RU (and no KZ: the companies are not said to act for their states).
    assert party_ids(event) == ["kazakhtelecom", "azertelecom"]
    (event,) = real_events_of("Iran's news agency said Turkmenistan launched 5G.")
    assert party_ids(event) == ["TM"]
    (event,) = real_events_of("Iran's ministry said Turkmenistan launched 5G.")
    assert party_ids(event) == ["IR", "TM"]


def test_a_capital_named_as_the_venue_is_a_party_only_when_alone() -> None:
    (event,) = real_events_of("Iran and Tajikistan discussed fiber in Bishkek.")
    assert party_ids(event) == ["IR", "TJ"]
    (event,) = real_events_of("Huawei launched 5G in Dushanbe.")
    assert party_ids(event) == ["huawei", "TJ"]
    (event,) = real_events_of("Iran and Bishkek discussed fiber.")  # not a venue
    assert party_ids(event) == ["IR", "KG"]


def test_the_two_countries_are_the_ones_named_before() -> None:
    body = (
        "Pakistan and Tajikistan will be linked through Afghanistan. "
        "Tajikistan is mountainous. The two countries signed a memorandum on fiber."
    )
    *_, event = real_events_of(body)
    assert party_ids(event) == ["PK", "TJ"]  # the first two of the last sentence naming two
    body = "Iran met Tajikistan on fiber. Tajikistan said both countries discussed 5G."
    *_, event = real_events_of(body)
    assert party_ids(event) == ["TJ", "IR"]
    (event,) = real_events_of("Kazakhstan and Iran met on 5G.")  # no phrase, nothing added
    assert party_ids(event) == ["KZ", "IR"]
    (event,) = real_events_of("Both countries discussed 5G.")  # nothing before: no guess
    assert party_ids(event) == []


def test_parties_fall_back_to_the_subject_country() -> None:
    body = (
        "Tajikistan and Kazakhstan met. Tajikistan welcomed it.\n\n"
        "Operators launched 5G in two cities. Huawei deployed LTE in the south."
    )
    first, second = events_of(body)
    assert party_ids(first) == ["TJ"]
    assert party_ids(second) == ["TJ", "huawei"]  # no country or agency named: TJ first


def test_a_named_agency_needs_no_fallback_and_datelines_are_no_parties() -> None:
    (event,) = events_of("State Communications Service launched 5G. Tajikistan, Tajikistan.")
    assert party_ids(event) == ["TJ", "tj-communications-service"]  # the agency's country
    (event,) = events_of("MOSCOW, April 28 — Turkmenistan's satellite was launched.")
    assert party_ids(event) == ["TM"]
    # A country in an organisation's name is its home, named by the sentence: a party.
    (event,) = events_of("Huawei Technologies Tajikistan signed a memorandum on 5G with Iran.")
    assert party_ids(event) == ["huawei-tajikistan", "TJ", "IR"]
    assert {p.id: p.source for p in event.parties}["TJ"] == "sentence"


def test_subject_country() -> None:
    article = Article(id="x", path="x", body="Iran, Iran, Iran, Tajikistan, Kyrgyzstan.")
    assert subject_country(tag(article, SMALL).mentions) == "TJ"  # Central Asian first, tie
    article = Article(id="x", path="x", body="Iran and China. Iran.")
    assert subject_country(tag(article, SMALL).mentions) == "IR"
    assert subject_country([]) is None


@pytest.mark.parametrize(
    ("sentence", "date", "precision", "planned"),
    [
        ("Tajikistan and Iran discussed fiber on February 4-5, 2026.", "2026-02-04", "day", False),
        ("SpaceX launched the satellite in April 2015.", "2015-04", "month", False),
        ("Tajikistan and Iran discussed fiber last month.", "2025-02", "month", False),
        ("Uzbekistan signed a memorandum on 5G a year ago.", "2024-03", "month", False),
        ("Uzbekistan signed a memorandum on 5G in November.", "2024-11", "month", False),
    ],
)
def test_event_date_from_its_sentence(
    sentence: str, date: str, precision: str, planned: bool
) -> None:
    (event,) = events_of(sentence, date="2025-03-10")
    assert (str(event.date), event.date_precision, event.planned) == (date, precision, planned)
    assert event.date_basis == "sentence"


def test_a_plan_keeps_its_target_apart_from_its_date() -> None:
    (event,) = events_of("Kazakhstan plans to launch 5G by the end of 2025.", date="2025-03-10")
    assert (str(event.date), event.date_basis) == ("2025-03-10", "article")
    assert (str(event.target), event.planned) == ("2025", True)


def test_event_date_from_the_next_sentence_of_the_same_paragraph() -> None:
    talks = "Uzbekistan held talks with Huawei on 5G. The talks took place on 3 January 2025."
    (event,) = events_of(talks)
    assert (str(event.date), event.date_basis) == ("2025-01-03", "next-sentence")
    # Another paragraph, or a sentence about something else, does not date the event.
    (event,) = events_of(talks.replace(". The", ".\n\nThe"))
    assert (str(event.date), event.date_basis) == ("2025-03-10", "article")
    (event,) = events_of("Uzbekistan held talks with Huawei on 5G. It rained on 3 January 2025.")
    assert (str(event.date), event.date_basis) == ("2025-03-10", "article")
    # The next sentence must open on the cue: `talks` deep inside it is another matter.
    event, earlier = events_of("Uzbekistan held talks on 5G. In 2019 it held talks with Iran too.")
    assert (str(event.date), event.date_basis) == ("2025-03-10", "article")
    assert (str(earlier.date), earlier.date_basis) == ("2019", "sentence")  # an event apart


def test_undated_article_gives_undated_events_unless_the_date_is_absolute() -> None:
    events = events_of(
        "Kyrgyzstan discussed 5G last month. Kyrgyzstan launched LTE in May 2021.", date=None
    )
    assert [(e.date, e.date_basis) for e in events] == [
        (None, None),
        (PartialDate.parse("2021-05"), "sentence"),
    ]


def test_title_events_come_first() -> None:
    events = events_of("Kazakhstan discussed satellite links.", title="Uzbekistan launched 5G")
    assert [(e.number, e.field, e.stage) for e in events] == [
        (1, "title", "launch"),
        (2, "body", "talks"),
    ]


def test_extract_events_is_pure_and_analyse_keeps_the_tags() -> None:
    article = Article(id="x", path="x", body="Tajikistan launched 5G.", date="2025")
    tagged = tag(article, SMALL)
    assert tagged.events == []
    analysed = analyse(article, SMALL)
    assert analysed.model_dump(exclude={"events"}) == tagged.model_dump(exclude={"events"})
    assert analysed.events == extract_events(tagged, SMALL)


# --- Queries -------------------------------------------------------------------------


ANALYSED = load_articles(SEEDS).articles


@pytest.fixture(scope="module")
def seeds() -> list:
    return [analyse(article, REAL) for article in ANALYSED]


def test_events_sort_by_date_undated_last_then_article_and_number(seed_corpus) -> None:
    events = seed_corpus.events(Filters())
    keys = [(e.date is None, str(e.date or ""), e.article_id, e.number) for e in events]
    assert keys == sorted(keys)
    assert events[0].date == PartialDate.parse("2015-04")


def test_event_filters(seed_corpus) -> None:
    launches = seed_corpus.events(Filters(stages=("launch",), countries=("TM",)))
    assert launches and all(e.stage == "launch" and "TM" in party_ids(e) for e in launches)
    chinese = seed_corpus.events(build_filters(REAL, partners=["China"]))
    assert {e.article_id[:3] for e in chinese} == {"002"}
    # A Central Asian country must deal with the partner: Kazakhstan alone is no deal.
    kazakh = seed_corpus.events(Filters(partners=("KZ",)))
    assert [e.stage for e in kazakh] == ["mou"] and "TJ" in party_ids(kazakh[0])
    dated = seed_corpus.events(build_filters(REAL, since="2026", until="2026"))
    assert {e.article_id[:3] for e in dated} == {"004"}


def test_partners_of_tajikistan(seed_corpus) -> None:
    filters = build_filters(REAL, countries=["TJ"])
    rows = {row["id"]: row for row in seed_corpus.partners(filters)}
    assert "TJ" not in rows
    assert "tj-communications-service" not in rows  # Tajikistan's own agency
    huawei = rows["huawei-technologies-tajikistan"]
    assert huawei["mou"] >= 1 and huawei["5g"] >= 1 and huawei["first"] is None
    iran = rows["IR"]  # a memorandum `a year ago`, talks at the conference of November 17
    assert (iran["talks"], iran["first"], iran["last"]) == (1, "2024-11", "2025-11-17")
    assert rows["RU"]["agreement"] >= 1


def test_build_filters_checks_stages_and_partners() -> None:
    filters = build_filters(REAL, stages=["MOU", "talks"], partners=["huawei", "Iran"])
    assert (filters.stages, filters.partners) == (("mou", "talks"), ("huawei", "IR"))
    from ca_connect.errors import UsageError

    with pytest.raises(UsageError, match="--stage 'signed'"):
        build_filters(REAL, stages=["signed"])
    with pytest.raises(UsageError, match="--partner: unknown country or organisation"):
        build_filters(REAL, partners=["Atlantis"])


# --- Commands ------------------------------------------------------------------------


def run(data: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def test_timeline_shows_events_by_default(seed_data: Path) -> None:
    code, out, err = run(seed_data, "timeline", "--country", "TM")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == [
        "date",
        "precision",
        "dated_by",
        "planned",
        "stage",
        "parties",
        "initiatives",
        "target",
        "sentences",
        "evidence",
        "article",
        "event",
    ]
    assert lines[1].split()[:4] == ["2015-04", "month", "sentence", "launch"]
    # One row per event: the Starlink talks are told in five sentences.
    talks = next(line for line in lines if "discussions with SpaceX" in line)
    assert talks.split()[:2] == ["2026-02-04", "day"] and " 5 " in talks
    assert "004_c790570d8809d829" in lines[1]
    assert all(len(line) < 400 for line in lines)


def test_timeline_articles_keeps_the_article_view(seed_data: Path) -> None:
    code, out, _ = run(seed_data, "timeline", "--articles", "--country", "TM", "-f", "csv")
    assert code == 0
    assert [row["id"][:3] for row in csv.DictReader(io.StringIO(out))] == ["000", "004"]


def test_timeline_stage_and_partner(seed_data: Path) -> None:
    code, out, _ = run(
        seed_data,
        "timeline",
        "--stage",
        "mou",
        "--partner",
        "Huawei Technologies Tajikistan",
        "-f",
        "json",
    )
    assert code == 0
    (row,) = json.loads(out)
    assert (row["date"], row["stage"], row["article"]) == (None, "mou", "002_6d280884871be0f3")
    assert "Huawei Technologies Tajikistan" in row["parties"] and "5g" in row["initiatives"]
    assert len(row["evidence"]) <= 100
    _, out, _ = run(seed_data, "timeline", "--stage", "launch", "--stage", "talks", "-f", "jsonl")
    assert {json.loads(line)["stage"] for line in out.splitlines()} == {"launch", "talks"}


def test_partners_command(seed_data: Path) -> None:
    code, out, err = run(seed_data, "partners", "--country", "TJ", "-f", "csv")
    assert (code, err) == (0, "")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert list(next(iter(rows.values())))[:7] == [
        "partner",
        "id",
        "kind",
        "country",
        "events",
        "first",
        "last",
    ]
    assert rows["huawei-technologies-tajikistan"]["partner"] == "Huawei Technologies Tajikistan"
    assert (
        rows["IR"]["first"] == "2024-11" and rows["huawei-technologies-tajikistan"]["first"] == ""
    )
    code, out, _ = run(seed_data, "partners", "--country", "TJ")
    assert code == 0 and out.startswith("partner ")


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_events(seed_data: Path, fmt: str) -> None:
    code, out, _ = run(seed_data, "export", "--events", "--format", fmt, "--country", "TM")
    assert code == 0
    if fmt == "csv":
        records = list(csv.DictReader(io.StringIO(out)))
    elif fmt == "json":
        records = json.loads(out)
    else:
        records = [json.loads(line) for line in out.splitlines()]
    first = records[0]
    assert (first["article_id"], first["stage"], first["date"]) == (
        "004_c790570d8809d829",
        "launch",
        "2015-04",
    )
    assert first["date_precision"] == "month" and first["date_basis"] == "sentence"
    text = (seed_data / "articles" / "004_c790570d8809d829.txt").read_text()
    for record in records:
        start, end = int(record["start"]), int(record["end"])
        if record["article_id"].startswith("004"):
            assert text[start:end] == record["text"]
    if fmt == "csv":
        assert first["parties"].split(";") == ["SpaceX", "Turkmenistan"]
        assert first["party_ids"] == "spacex;TM" and first["planned"] == "False"
    else:
        assert first["planned"] is False
        assert first["parties"][0] == {
            "id": "spacex",
            "name": "SpaceX",
            "kind": "company",
            "country": "US",
            "role": None,
            "source": "sentence",
        }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--stage", "signed"], "Error: --stage 'signed': use one of talks, mou"),
        (["timeline", "--partner", "Atlantis"], "Error: --partner: unknown country"),
        (["timeline", "--articles", "--stage", "mou"], "Error: --stage selects deal events"),
        (["export", "--partner", "IR"], "Error: --partner selects deal events"),
        (["partners"], "Error: --country is required"),
    ],
)
def test_event_usage_errors(seed_data: Path, args: list[str], message: str) -> None:
    code, out, err = run(seed_data, *args)
    assert (code, out) == (2, "")
    assert err.startswith(message) and len(err.splitlines()) == 1


# --- The development corpus (read from ../shared; never copied) ------------------------


def test_corpus_events_show_their_evidence(shared_dir: Path) -> None:
    articles = [
        analyse(a, REAL) for a in load_articles(shared_dir / "corpus" / "articles").articles
    ]
    events = [event for article in articles for event in article.events]
    assert len(events) >= 30
    for article in articles:
        for event in article.events:
            assert article.field_text(event.field)[event.start : event.end] == event.text


def test_events_survive_the_json_record_the_index_stores(seeds: list) -> None:
    from ca_connect.models import TaggedArticle

    for article in seeds:
        assert TaggedArticle.model_validate_json(article.model_dump_json()) == article


def test_an_organisation_introduced_with_its_acronym_is_a_party() -> None:
    from ca_connect.dictionary import load_dictionary
    from ca_connect.events import analyse
    from ca_connect.models import Article

    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    body = (
        "Tajikistan signed a memorandum with the Pamir Fibre Company (PFC) "
        "to lay a fiber-optic line."
    )
    result = analyse(Article(id="a", path="a.txt", body=body), dictionary)
    assert [p.id for p in result.events[0].parties] == ["TJ", "new:pamir-fibre-company"]
