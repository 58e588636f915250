"""The entity dictionary as rows: each entity, its other names and how many articles it tags."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..models import EntityDictionary, TaggedArticle


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
        rows.append(
            {
                "kind": "country",
                "id": entry.code,
                "name": entry.name,
                "country": entry.code,
                "aliases": [
                    *entry.aliases,
                    *entry.demonyms,
                    *entry.capitals,
                    *(former.name for former in entry.former_names),
                ],
                "articles": counts[f"country:{entry.code}"],
            }
        )
    for org in sorted(dictionary.organizations, key=lambda o: o.id):
        rows.append(
            {
                "kind": org.kind,
                "id": org.id,
                "name": org.name,
                "country": org.country,
                "aliases": [
                    *org.aliases,
                    *(former.name for former in org.former_names),
                    *org.shared_aliases,
                ],
                "articles": counts[f"organization:{org.id}"],
            }
        )
    for initiative in sorted(dictionary.initiatives, key=lambda i: i.id):
        rows.append(
            {
                "kind": "initiative",
                "id": initiative.id,
                "name": initiative.name,
                "country": None,
                "aliases": list(initiative.triggers),
                "articles": counts[f"initiative:{initiative.id}"],
            }
        )
    organization_kinds = ("company", "agency", "intl")
    if kind == "organization":
        rows = [row for row in rows if row["kind"] in organization_kinds]
    elif kind is not None:
        rows = [row for row in rows if row["kind"] == kind]
    if country is not None:
        rows = [row for row in rows if row["country"] == country]
    return rows
