"""Deal events: who agreed what with whom, when, and how far it got. Pure: no I/O.

`extract_events(tagged, dictionary)` reads the events of a tagged article;
`analyse(article, dictionary)` is the whole per-article pipeline (tag, then events).

The steps (every rule is stated in docs/events.md):
1. sentences as written (`reader`): hard-wrapped lines joined, cues read per language;
2. mentions (`mentions`): each sentence whose cues give a stage and that is no
   not-event, with its own parties, types, date and amounts, completed from context;
3. events (`merge`): the mentions of one real-world event merged, evidence strongest
   first, numbered in reading order (title first).
"""

from __future__ import annotations

from ..languages import detect_language
from ..models import Article, EntityDictionary, Event, TaggedArticle
from ..tagging.tagger import compiled, tag
from ..vocab import CENTRAL_ASIA, STAGES
from .grammar import grammar_for
from .mentions import MentionReader
from .merge import merge_mentions
from .parties import subject_country
from .sentence import DEALS, PROGRESS, choose_stage

__all__ = [
    "CENTRAL_ASIA",
    "DEALS",
    "PROGRESS",
    "STAGES",
    "analyse",
    "article_language",
    "choose_stage",
    "extract_events",
    "subject_country",
]


def analyse(article: Article, dictionary: EntityDictionary) -> TaggedArticle:
    """Tag an article and read its deal events: what the corpus and the index store."""
    tagged = tag(article, dictionary)
    return tagged.model_copy(update={"events": extract_events(tagged, dictionary)})


def article_language(article: Article) -> str:
    """The article's language as the loader found it, else by its script."""
    return article.language or detect_language(f"{article.title or ''}\n{article.body}") or "en"


def extract_events(tagged: TaggedArticle, dictionary: EntityDictionary) -> list[Event]:
    """The deal events an article reports, in reading order (docs/events.md)."""
    reader = compiled(dictionary, MentionReader)
    language = article_language(tagged)
    mentions = reader.mentions(tagged, language, grammar_for(language))
    return merge_mentions(tagged, mentions)
