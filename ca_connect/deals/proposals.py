"""Deal names a maintainer may want in deals.yaml: the project names the articles use
(names.py: `the … project`, quoted programme names, acronyms defined for them) that no
named deal has yet. `entities --candidates` lists them, marked `deal:`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..models import TaggedArticle
from ..tokens import sentence_spans
from .facts import article_facts
from .named import NamedDeal
from .names import name_key

_EXAMPLE_LIMIT = 200

# (name, occurrences, articles, example sentence, its article): a candidates.Candidate
Proposal = tuple[str, int, int, str, str]


def deal_name_proposals(
    articles: Iterable[TaggedArticle], named: Sequence[NamedDeal] = ()
) -> list[Proposal]:
    known = {name_key(text) for deal in named for text in (deal.name, *deal.aliases)}
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    where: dict[str, set[str]] = {}
    first: dict[str, tuple[str, str]] = {}
    for article in articles:
        for name in article_facts(article).names:
            if not name.key or name.key in known or name.text == name.acronym:
                continue
            counts[name.key] += 1
            forms.setdefault(name.key, Counter())[name.text] += 1
            where.setdefault(name.key, set()).add(article.id)
            if name.key not in first:
                text = article.field_text(name.field)  # type: ignore[arg-type]
                first[name.key] = (_sentence(text, name.start), article.id)
    return [
        (forms[key].most_common(1)[0][0], count, len(where[key]), *first[key])
        for key, count in counts.items()
    ]


def _sentence(text: str, at: int) -> str:
    for start, end in sentence_spans(text):
        if start <= at < end:
            sentence = " ".join(text[start:end].split())
            if len(sentence) > _EXAMPLE_LIMIT:
                sentence = sentence[: _EXAMPLE_LIMIT - 1].rstrip() + "…"
            return sentence
    return ""
