"""What a command asks for, and the rows it prints: no I/O, no engine.

- build_filters: what a user typed -> Filters (codes and ids, dates);
- views: the rows of one article or one event in each command's shape, each made from
  its export record (FROM_RECORD, EVENT_FROM_RECORD): the store keeps the record and
  the CSV lines made from it when an article is stored (store/ingest.py), and makes
  the other views from the record as it streams them;
- summary_sections and partner_rows: counts made in SQL (store/sql.py) -> rows.

The store (SQLite) selects and counts; this module only says what the rows look like.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .vocab import CENTRAL_ASIA, INITIATIVE_TYPES, STAGES, Filters

if TYPE_CHECKING:  # the models are not needed to read rows from the store
    from .models import EntityDictionary, Event, PartialDate, TaggedArticle

Row = dict[str, Any]

# The version of the article export schema (README "Export schemas"), the first field of
# every exported article: bumped whenever an article field is added or changed.
ARTICLE_SCHEMA_VERSION = 1

# The fields of each view, in order: its rows are built from them (`fields_row`), so each view's
# CSV header is known from the code alone, and printed for a store with no row of it.
ARTICLE_FIELDS = (
    "schema_version",
    "id",
    "path",
    "title",
    "date",
    "date_precision",
    "date_source",
    "source",
    "url",
    "language",
    "countries",
    "initiatives",
    "organizations",
    "mentions",
)
TIMELINE_FIELDS = ("date", "id", "title", "countries", "organizations", "initiatives")
LISTING_FIELDS = ("id", "date", "source", "title", "path")
_ARTICLE_NESTED = ("organizations", "mentions")  # the record's fields the CSV row flattens
_ARTICLE_COPIED = tuple(key for key in ARTICLE_FIELDS if key not in _ARTICLE_NESTED)
ARTICLE_CSV_FIELDS = (*_ARTICLE_COPIED, "organizations", "organization_ids", "mentions")


def fields_row(fields: Sequence[str], values: Iterable[Any]) -> Row:
    """A row of a view: its fields (the view's header) with their values, one each."""
    return dict(zip(fields, values, strict=True))


def timeline_row(record: Row) -> Row:
    """One row of `timeline --articles`, from the article's export record."""
    return fields_row(
        TIMELINE_FIELDS,
        (
            record["date"],
            record["id"],
            record["title"],
            record["countries"],
            [org["name"] for org in record["organizations"]],
            record["initiatives"],
        ),
    )


def listing_row(record: Row) -> Row:
    """One row of `caconnect articles`: id, date, source, title, path (of the record)."""
    return {key: record[key] for key in LISTING_FIELDS}


def article_record(article: TaggedArticle) -> Row:
    """The public export schema of one article (documented in the README)."""
    return fields_row(
        ARTICLE_FIELDS,
        (
            ARTICLE_SCHEMA_VERSION,
            article.id,
            article.path,
            article.title,
            article.date.isoformat() if article.date else None,
            article.date_precision,
            article.date_source,
            article.source,
            article.url,
            article.language,
            list(article.countries),
            list(article.initiatives),
            [org.model_dump() for org in article.organizations],
            [mention.model_dump() for mention in article.mentions],
        ),
    )


def year_key(date: PartialDate | None) -> str:
    """The `years` entry of a summary that an article counts under."""
    return str(date.year) if date else "undated"


# The summary's tables and their fields; country_by_initiative adds a column per
# initiative type an article has, most used first.
SUMMARY_FIELDS: dict[str, tuple[str, ...]] = {
    "countries": ("country", "articles"),
    "initiatives": ("initiative", "articles"),
    "organizations": ("organization", "articles"),
    "years": ("year", "articles"),
    "country_by_initiative": ("country",),
}


def summary_sections(
    by_country: Counter[str],
    by_type: Counter[str],
    by_org: Counter[str],
    by_year: Counter[str],
    matrix: Counter[tuple[str, str]],
) -> dict[str, list[Row]]:
    """The summary's tables from its counts (the index counts in SQL, then comes here)."""
    types = sorted(by_type, key=lambda t: (-by_type[t], t))
    years = sorted(by_year, key=lambda y: (y == "undated", y))
    return {
        "countries": _counted("countries", by_country, _ranked(by_country)),
        "initiatives": _counted("initiatives", by_type, _ranked(by_type)),
        "organizations": _counted("organizations", by_org, _ranked(by_org)),
        "years": _counted("years", by_year, years),
        "country_by_initiative": [
            fields_row(
                (*SUMMARY_FIELDS["country_by_initiative"], *types),
                (country, *[matrix[(country, t)] for t in types]),
            )
            for country in _ranked(by_country)
        ],
    }


def _counted(table: str, counts: Counter[str], keys: Iterable[str]) -> list[Row]:
    return [fields_row(SUMMARY_FIELDS[table], (key, counts[key])) for key in keys]


def _ranked(counts: Counter[str]) -> list[str]:
    return sorted(counts, key=lambda key: (-counts[key], key))


def build_filters(
    dictionary: EntityDictionary,
    *,
    countries: Iterable[str] = (),
    organizations: Iterable[str] = (),
    initiatives: Iterable[str] = (),
    since: str | None = None,
    until: str | None = None,
    text: str | None = None,
    stages: Iterable[str] = (),
    partners: Iterable[str] = (),
    languages: Iterable[str] = (),
) -> Filters:
    """Filters from what a user typed: names or codes, `2025`, `March 2025`, ...

    Raises UsageError naming the option whose value cannot be understood.
    """

    def period(option: str, value: str | None) -> PartialDate | None:
        if value is None:
            return None
        from .dates import parse_query_date

        try:
            return parse_query_date(value)
        except ValueError as error:
            raise UsageError(f"{option} {value!r}: {error}") from None

    def each(option: str, values: Iterable[str], kind: str) -> tuple[str, ...]:
        found = []
        for value in values:
            code = _typed_code(dictionary, kind, value)
            if code is None:  # a name: matched as the dictionary matches names
                from . import dictionary as names

                find = getattr(names, f"find_{kind}")
                try:
                    entity = find(dictionary, value)
                except UsageError as error:
                    raise UsageError(f"{option}: {error}") from None
                code = getattr(entity, "code", None) or entity.id
            found.append(code)
        return tuple(dict.fromkeys(found))

    filters = Filters(
        countries=each("--country", countries, "country"),
        organizations=each("--org", organizations, "organization"),
        initiatives=each("--type", initiatives, "initiative"),
        since=period("--since", since),
        until=period("--until", until),
        text=text or None,
        stages=one_of("--stage", stages, STAGES),
        partners=tuple(dict.fromkeys(_partner(dictionary, value) for value in partners)),
        languages=tuple(dict.fromkeys(_language(value) for value in languages)),
    )
    if filters.since and filters.until and filters.since.first_day() > filters.until.last_day():
        raise UsageError(f"--since {since} is after --until {until}")
    return filters


def _typed_code(dictionary: Any, kind: str, value: str) -> str | None:
    """A country's code, or an organisation's or initiative type's id, typed as such (any
    case): what dictionary.find_country / find_organization / find_initiative look for
    first, found without importing their name matching (the dictionary module and its
    tokenizer, ~8 ms of a warm `--country TM`)."""
    wanted = value.strip()
    if kind == "country":
        return next((c.code for c in dictionary.countries if c.code == wanted.upper()), None)
    items = dictionary.organizations if kind == "organization" else dictionary.initiatives
    return next((item.id for item in items if item.id == wanted.lower()), None)


def csv_from_record(record: Row) -> Row:
    """An article's CSV row from its export record (the store keeps only the record):
    organisations as names and ids, mentions counted."""
    organizations = record["organizations"]
    return fields_row(
        ARTICLE_CSV_FIELDS,
        (
            *[record[key] for key in _ARTICLE_COPIED],
            [org["name"] for org in organizations],
            [org["id"] for org in organizations],
            len(record["mentions"]),
        ),
    )


# --- Deal events ----------------------------------------------------------------------

# The version of the event export schema (README "Export schemas"), bumped whenever an
# event field is added or changed: 2 added evidence, amounts, target, sources, party
# roles; exports before it carried no version.
EVENT_SCHEMA_VERSION = 2

EVENT_FIELDS = (
    "schema_version",
    "article_id",
    "number",
    "stage",
    "date",
    "date_precision",
    "date_basis",
    "planned",
    "parties",
    "initiatives",
    "field",
    "start",
    "end",
    "text",
    "target",
    "amounts",
    "sources",
    "evidence",
)
EVENT_TIMELINE_FIELDS = (
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
)
# An event's CSV row: the record's first fields as they are, its parties and amounts
# flattened, the number of its sentences, and the strongest sentence's place and text.
_EVENT_COPIED = EVENT_FIELDS[:8]  # schema_version ... planned
_EVENT_SENTENCE = EVENT_FIELDS[10:14]  # field, start, end, text
EVENT_CSV_FIELDS = (
    *_EVENT_COPIED,
    "parties",
    "initiatives",
    "target",
    "party_ids",
    "party_kinds",
    "party_roles",
    "amounts",
    "sentences",
    *_EVENT_SENTENCE,
)


def central_asian_actors(event: Event) -> set[str]:
    """The Central Asian countries acting in an event: named, or through one of their agencies."""
    return {
        party.country
        for party in event.parties
        if party.kind in ("country", "agency") and party.country in CENTRAL_ASIA
    }


def deals_with(event: Event, partner: str) -> bool:
    """Whether a Central Asian country deals in an event with `partner` (code or org id)."""
    if not any(party.id == partner for party in event.parties):
        return False
    return any(country != partner for country in central_asian_actors(event))


def event_sort_key(event: Event) -> tuple[bool, str, str, int]:
    """The timeline order of events (the store's ORDER BY), for code that groups events
    itself: date order, undated last, then article id and number."""
    date = event.date.isoformat() if event.date else ""
    return (event.date is None, date, event.article_id, event.number)


def snippet(text: str, limit: int = 100) -> str:
    """A sentence on one line, cut at a word to at most `limit` characters."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def _party_label(party: Row) -> str:
    return party["id"] if party["kind"] == "country" else party["name"]


def event_row(record: Row) -> Row:
    """One row of `timeline`, from the event's export record."""
    return fields_row(
        EVENT_TIMELINE_FIELDS,
        (
            record["date"],
            record["date_precision"],
            record["date_basis"],
            record["planned"],
            record["stage"],
            [_party_label(party) for party in record["parties"]],
            record["initiatives"],
            record["target"],
            len(record["evidence"]),  # sentences: how many report the event
            snippet(record["text"]),
            record["article_id"],
            record["number"],
        ),
    )


def event_record(event: Event) -> Row:
    """The public export schema of one event (README: Export schemas)."""
    return fields_row(
        EVENT_FIELDS,
        (
            EVENT_SCHEMA_VERSION,
            event.article_id,
            event.number,
            event.stage,
            event.date.isoformat() if event.date else None,
            event.date_precision,
            event.date_basis,
            event.planned,
            [party.model_dump() for party in event.parties],
            list(event.initiatives),
            event.field,
            event.start,
            event.end,
            event.text,
            event.target.isoformat() if event.target else None,
            [amount.model_dump() for amount in event.amounts],
            event.sources.model_dump(),
            [evidence.model_dump() for evidence in event.evidence],
        ),
    )


def event_csv_from_record(record: Row) -> Row:
    """An event's CSV row from its export record (the store keeps only the record):
    parties as names, ids, kinds and roles, amounts as written, the number of evidence
    sentences, and the strongest sentence's place and text last."""
    parties = record["parties"]
    return fields_row(
        EVENT_CSV_FIELDS,
        (
            *[record[key] for key in _EVENT_COPIED],
            [party["name"] for party in parties],
            record["initiatives"],
            record["target"],
            [party["id"] for party in parties],
            [party["kind"] for party in parties],
            [party.get("role") or "" for party in parties],
            [amount["text"] for amount in record["amounts"]],
            len(record["evidence"]),
            *[record[key] for key in _EVENT_SENTENCE],
        ),
    )


# The fields of every `partners` row; a column per stage and initiative type follows.
PARTNER_FIELDS = ("partner", "id", "kind", "country", "events", "first", "last")


def partner_rows(partners: Iterable[Row]) -> list[Row]:
    """`partners` rows from the store's counts (store/sql.py: partners), in its order:
    PARTNER_FIELDS, then a column per stage and initiative type that any partner has, in
    vocabulary order.
    """
    partners = list(partners)
    seen = Counter(key for partner in partners for key, n in partner["counts"].items() if n)
    columns = [c for c in (*STAGES, *INITIATIVE_TYPES) if seen[c]]
    return [
        fields_row(
            (*PARTNER_FIELDS, *columns),
            (
                *[partner[field] for field in PARTNER_FIELDS],
                *[partner["counts"].get(column, 0) for column in columns],
            ),
        )
        for partner in partners
    ]


def _language(value: str) -> str:
    code = value.strip().lower()
    if len(code) != 2 or not code.isalpha():
        raise UsageError(f"--language {value!r}: use an ISO 639-1 code such as en or ru")
    return code


def one_of(option: str, values: Iterable[str], allowed: Sequence[str]) -> tuple[Any, ...]:
    """The values given to a closed-list option, in lower case, each once (UsageError
    names the option and what it takes)."""
    found = []
    for value in values:
        word = value.strip().lower()
        if word not in allowed:
            raise UsageError(f"{option} {value!r}: use one of {', '.join(allowed)}")
        found.append(word)
    return tuple(dict.fromkeys(found))


def _partner(dictionary: EntityDictionary, value: str) -> str:
    from .dictionary import find_country, find_organization

    try:
        return find_country(dictionary, value).code
    except UsageError:
        pass
    try:
        return find_organization(dictionary, value).id
    except UsageError:
        raise UsageError(
            f"--partner: unknown country or organisation {value!r}: use an ISO code, "
            "an organisation id or a name"
        ) from None


# --- Views: rows of one article or one event, the same from memory and from the index --

ARTICLE_RECORD: Callable[[TaggedArticle], Row] = article_record  # `export` as JSON
EVENT_RECORD: Callable[[Event], Row] = event_record  # `export --events` as JSON
# Every other view, made from the export record (the store keeps only the record, and
# the CSV lines of the views schema.ARTICLE_FORMATS / EVENT_FORMATS name).
FROM_RECORD: dict[str, Callable[[Row], Row]] = {
    "timeline": timeline_row,  # `timeline --articles`
    "list": listing_row,  # `articles`
    "csv": csv_from_record,  # `export` as CSV
}
EVENT_FROM_RECORD: dict[str, Callable[[Row], Row]] = {
    "timeline": event_row,  # `timeline`
    "csv": event_csv_from_record,  # `export --events` as CSV
}
# Each view's fields: its CSV header, whether or not the store holds a row of it.
HEADERS: dict[str, tuple[str, ...]] = {
    "timeline": TIMELINE_FIELDS,
    "list": LISTING_FIELDS,
    "csv": ARTICLE_CSV_FIELDS,
}
EVENT_HEADERS: dict[str, tuple[str, ...]] = {
    "timeline": EVENT_TIMELINE_FIELDS,
    "csv": EVENT_CSV_FIELDS,
}
