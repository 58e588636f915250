"""The whole of deal linking: tagged articles -> ArticleFacts (facts.py) -> linked groups
(link.py) -> Deal records (status.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..models import EntityDictionary, TaggedArticle
from .context import dating_contexts
from .facts import article_facts
from .link import EventRef, link
from .model import ArticleFacts, Deal
from .named import NamedDeal
from .names import AliasFinder
from .status import build_deal


def facts_of(
    articles: Sequence[TaggedArticle], named: Sequence[NamedDeal] = ()
) -> list[ArticleFacts]:
    finder = AliasFinder(named) if named else None
    return [article_facts(article, finder) for article in articles]


def deals_from_facts(
    facts: Sequence[ArticleFacts],
    named: Sequence[NamedDeal] = (),
    *,
    dictionary: EntityDictionary | None = None,
    previous: Mapping[EventRef, str] | None = None,
) -> list[Deal]:
    """Link the facts into deals and build their records, in order of first event."""
    names = {c.code: c.name for c in dictionary.countries} if dictionary else {}
    groups = link(facts, named, previous, names)
    by_id = {f.id: f for f in facts}
    contexts = dating_contexts(groups, by_id)
    return [
        build_deal(group, by_id, context) for group, context in zip(groups, contexts, strict=True)
    ]


def find_deals(
    articles: Sequence[TaggedArticle],
    named: Sequence[NamedDeal] = (),
    *,
    dictionary: EntityDictionary | None = None,
) -> list[Deal]:
    """The deals of tagged articles (see the package docstring)."""
    return deals_from_facts(facts_of(articles, named), named, dictionary=dictionary)
