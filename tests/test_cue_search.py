"""A deal cue's words found in one pass over a text (deals/steps.Cue), and the sentences
telling a partner replaced searched one by one (deals/facts.changes_told_apart): each
answers what the work it replaced did (docs/speed.md, "Cold ingest")."""

from __future__ import annotations

import random
import re

import pytest

from ca_connect.deals import facts, status, steps, story
from ca_connect.deals.facts import changes_told_apart
from ca_connect.deals.steps import Cue
from ca_connect.deals.story import REORGANISED, REPLACE_CUES
from ca_connect.models import Mention, TaggedArticle
from tests.test_deals_history import event

CUES = [
    value
    for module in (steps, story, status)
    for value in vars(module).values()
    if isinstance(value, Cue)
]


def _searched_word_by_word(cue: Cue, text: str) -> re.Match[str] | None:
    """Cue.search as it was: each of its words looked for in turn."""
    lowered = text.lower()
    for word in cue.words:
        if word in lowered:
            return cue.regex.search(text)
    return None


def _texts() -> list[str]:
    """Texts made of the cues' words (whole, cut, inside others, in any case), with filler."""
    words = sorted({word for cue in CUES for word in cue.words})
    filler = ["the", "operator", "in", "2027", "Kcell", "сеть", ",", "installation", "but"]
    draw = random.Random(18)
    texts = []
    for _ in range(400):
        parts = []
        for _ in range(draw.randint(1, 12)):
            part = draw.choice(words) if draw.random() < 0.5 else draw.choice(filler)
            if draw.random() < 0.2:
                part = part[: draw.randint(1, max(1, len(part) - 1))]  # a word cut short
            parts.append(part.upper() if draw.random() < 0.2 else part)
        joiner = draw.choice([" ", "", "  ", "\n"])
        texts.append(joiner.join(parts))
    return texts


def test_the_cues_are_those_of_the_deal_modules():
    assert len(CUES) > 40 and steps.DELAY_CUES in CUES and story.REPLACE_CUES in CUES


def test_the_words_held_are_those_the_text_holds_in_lower_case():
    numbers = steps._WORD_NUMBERS
    for text in _texts():
        lowered = text.lower()
        assert steps._held(text, None) == {n for w, n in numbers.items() if w in lowered}
        assert steps._held(text + "!", lowered + "!") == steps._held(text + "!", None)


def test_a_cue_finds_what_the_search_word_by_word_found():
    for text in _texts():
        for cue in CUES:
            found, before = cue.search(text), _searched_word_by_word(cue, text)
            assert (found and found.span()) == (before and before.span()), (cue.pattern, text)


def test_a_cue_made_later_adds_its_words_to_the_search():
    text = "The hub opened after a long wait."
    assert steps.DELAY_CUES.search(text) is None  # the search made, the text's words kept
    late = Cue(r"long\s+wait", words=("long wait",))
    assert late.search(text) is not None
    assert steps.DELAY_CUES.search(text) is None


# --- the sentences telling a partner replaced ---------------------------------------------


def _changes_searching_the_body_first(article: TaggedArticle) -> tuple[tuple[int, str], ...]:
    """changes_told_apart as it was: the whole body searched before each sentence."""
    if not REPLACE_CUES.search(article.body):
        return ()
    organisations = [(m.start, m.entity) for m in article.mentions if m.kind == "organization"]

    def telling(text: str, start: int, end: int) -> bool:
        named = {entity for at, entity in organisations if start <= at < end}
        return len(named) >= 2 and bool(REPLACE_CUES.search(text)) and not REORGANISED.search(text)

    return facts._told_apart(article, telling)


SIGNED = event(1, "agreement", "2024-02", "The operator signed the tower contract in March.")


def _article(body: str) -> TaggedArticle:
    signed = SIGNED.model_copy(
        update={"start": body.index(SIGNED.text), "end": body.index(SIGNED.text) + len(SIGNED.text)}
    )
    mentions = [
        Mention(
            entity=name.lower(),
            kind="organization",
            field="body",
            text=name,
            start=at.start(),
            end=at.end(),
        )
        for name in ("Orbita", "Baltel", "Nordtel")
        for at in re.finditer(name, body)
    ]
    return TaggedArticle(id="a1", path="a1.txt", body=body, events=[signed], mentions=mentions)


@pytest.mark.parametrize(
    "body",
    [
        # the cue at a sentence's start and end, with and without its stop, across a line
        "The operator signed the tower contract in March. Orbita dropped Nordtel in favour of "
        "Baltel. Nobody said more",
        "The operator signed the tower contract in March.\nOrbita replaced Nordtel with Baltel",
        "The operator signed the tower contract in March. Instead of Nordtel, Orbita chose "
        "Baltel.Nordtel said nothing.",
        "The operator signed the tower contract in March. Orbita switched from Nordtel to\nBaltel.",
        # a match only across two sentences: none in either
        "The operator signed the tower contract in March. Orbita replaced the masts. Nordtel "
        "with Baltel went on.",
        "The operator signed the tower contract in March. Вместо Nordtel работы ведёт Baltel.",
        "The operator signed the tower contract in March. Orbita, renamed, took over from "
        "Nordtel and Baltel.",
        "The operator signed the tower contract in March. The towers went up on time.",
    ],
)
def test_changes_are_those_the_whole_body_search_found(body):
    """A sentence's match is one in the body (a sentence is bounded by stops, line ends
    and spaces), so searching each sentence alone finds the same."""
    article = _article(body)
    assert changes_told_apart(article) == _changes_searching_the_body_first(article)


def test_a_sentence_naming_two_partners_replaced_is_told_apart():
    body = (
        "The operator signed the tower contract in March. Orbita dropped Nordtel in favour "
        "of Baltel."
    )
    assert changes_told_apart(_article(body)) == (
        (1, "Orbita dropped Nordtel in favour of Baltel."),
    )
