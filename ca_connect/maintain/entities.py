"""The entity dictionary as rows: each entity, its other names and how many articles it tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..models import EntityDictionary, TaggedArticle
from ..query import fields_row

# The fields an entity's row (`entities`) is built from, in order: its CSV header.
ENTITY_FIELDS = ("kind", "id", "name", "country", "aliases", "articles")


def entity_rows(
    dictionary: EntityDictionary,
    articles: Iterable[TaggedArticle],
    *,
    kind: str | None = None,
    country: str | None = None,
) -> list[dict[str, Any]]:
    """One row per entity: kind, id, name, country, aliases (triggers for initiatives), articles.

    `kind` keeps one kind (`organization` keeps all three kinds of organisation);
    `country` (an ISO code) keeps that country and the organisations that belong to it.
    Rows come countries first, then organisations, then initiative types, each by id.
    """
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(f"country:{code}" for code in article.countries)
        counts.update(f"organization:{org.id}" for org in article.organizations)
        counts.update(f"initiative:{type_}" for type_ in article.initiatives)
    rows: list[dict[str, Any]] = []
    for entry in sorted(dictionary.countries, key=lambda c: c.code):
        aliases = [
            *entry.aliases,
            *entry.demonyms,
            *entry.capitals,
            *(former.name for former in entry.former_names),
        ]
        count = counts[f"country:{entry.code}"]
        rows.append(
            fields_row(
                ENTITY_FIELDS, ("country", entry.code, entry.name, entry.code, aliases, count)
            )
        )
    for org in sorted(dictionary.organizations, key=lambda o: o.id):
        aliases = [*org.aliases, *(former.name for former in org.former_names), *org.shared_aliases]
        count = counts[f"organization:{org.id}"]
        rows.append(
            fields_row(ENTITY_FIELDS, (org.kind, org.id, org.name, org.country, aliases, count))
        )
    for initiative in sorted(dictionary.initiatives, key=lambda i: i.id):
        aliases = list(initiative.triggers)
        count = counts[f"initiative:{initiative.id}"]
        rows.append(
            fields_row(
                ENTITY_FIELDS, ("initiative", initiative.id, initiative.name, None, aliases, count)
            )
        )
    organization_kinds = ("company", "agency", "intl")
    if kind == "organization":
        rows = [row for row in rows if row["kind"] in organization_kinds]
    elif kind is not None:
        rows = [row for row in rows if row["kind"] == kind]
    if country is not None:
        rows = [row for row in rows if row["country"] == country]
    return rows
