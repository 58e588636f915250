"""Near-duplicate detection: what counts as the same story, and the threshold's evidence."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from ca_connect.loader import load_articles
from ca_connect.maintain.duplicates import (
    NEAR_DUPLICATE,
    DuplicateIndex,
    article_text,
    compare,
    duplicate_pairs,
    fingerprint,
)

from .conftest import SEEDS


def edited(text: str, rate: float, seed: int = 1) -> str:
    """A syndicated copy: a new headline and byline, a footer, words replaced at `rate`."""
    rng = random.Random(seed)
    words = [
        rng.choice(["said", "new", "reported", "digital"]) if rng.random() < rate else word
        for word in text.split(" ")
    ]
    return f"Another outlet's headline\nBy staff reporter\n{' '.join(words)}\nShare this article."


def seed_texts() -> dict[str, str]:
    return {a.id: article_text(a.title, a.body) for a in load_articles(SEEDS).articles}


def test_case_spacing_and_punctuation_do_not_make_a_copy_new() -> None:
    a = fingerprint("Uzbekistan signs a fibre deal.\n\nThe line is 300 km long!")
    b = fingerprint("UZBEKISTAN  signs a fibre deal — the line is 300 km long")
    assert a.digest == b.digest
    assert compare(a, b) == (1.0, 1.0)


def test_fingerprints_are_the_same_in_every_process() -> None:
    # Shingles hash tuples of CRC-32s, never str hashes (randomised per process).
    assert min(fingerprint("one two three four five six").shingles) == min(
        fingerprint("one two three four five six").shingles
    )
    assert len(fingerprint("one two three four five six").shingles) == 2
    assert len(fingerprint("too short").shingles) == 1


def test_index_finds_exact_then_near_duplicates_and_ignores_other_stories() -> None:
    texts = seed_texts()
    index = DuplicateIndex()
    for article_id, text in texts.items():
        index.add(article_id, text)
    story = texts["004_c790570d8809d829"]
    assert [(d.id, d.exact) for d in index.find(story)] == [("004_c790570d8809d829", True)]
    near = index.find(edited(story, 0.03))
    assert [(d.id, d.exact) for d in near] == [("004_c790570d8809d829", False)]
    assert NEAR_DUPLICATE <= near[0].similarity < 1
    assert index.find("Kyrgyzstan opens a data centre in Bishkek with Chinese partners.") == []


def test_an_excerpt_is_a_near_duplicate_of_the_whole_story() -> None:
    story = seed_texts()["001_9c93090f141dfb4b"]
    index = DuplicateIndex()
    index.add("whole", story)
    excerpt = story[: len(story) // 2]
    assert [d.id for d in index.find(excerpt)] == ["whole"]


def test_duplicate_pairs_names_the_later_article() -> None:
    texts = seed_texts()
    story = texts["000_31d352362439dc2f"]
    pairs = duplicate_pairs([*texts.items(), ("copy", story), ("edit", edited(story, 0.03))])
    assert [(later, d.id, d.exact) for later, d in pairs] == [
        ("copy", "000_31d352362439dc2f", True),
        ("edit", "000_31d352362439dc2f", False),
        ("edit", "copy", False),
    ]


def test_threshold_separates_real_articles_from_edited_copies(shared_dir: Path) -> None:
    """The evidence for NEAR_DUPLICATE: different real articles share almost nothing,
    a copy with one word in twenty replaced, a new headline and a footer shares most."""
    loaded = load_articles(shared_dir / "corpus" / "articles").articles
    loaded += load_articles(SEEDS).articles
    prints = [fingerprint(article_text(a.title, a.body)) for a in loaded]
    assert len(prints) >= 30
    distinct = max(compare(a, b)[0] for a, b in itertools.combinations(prints, 2))
    assert distinct < NEAR_DUPLICATE / 10
    copies = [
        compare(fingerprint(edited(article_text(a.title, a.body), 0.05, seed)), found)[0]
        for seed, (a, found) in enumerate(zip(loaded, prints, strict=True))
    ]
    assert min(copies) >= NEAR_DUPLICATE
