"""Cost of analysing a Russian article against an English one (issue 15: at most 2x).

    python bench/language_cost.py [../shared]

Times `events.analyse` (tagging and deal events: what the index does per article) over
the English development corpus and the Russian one, after one warm-up pass, with the
word-key cache emptied before each round (every word keyed afresh, as in new articles),
and prints ms per article and per 1,000 characters. With `--stemmer pymorphy3` (pymorphy3 and its
Russian dictionaries installed) it swaps Snowball for pymorphy3's lemmas and prints the
Russian set's scores too, so the two can be compared on accuracy and cost.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ca_connect import stemming, tokens
from ca_connect.dictionary import load_dictionary
from ca_connect.evaluate.tags import evaluate, load_gold
from ca_connect.events import analyse
from ca_connect.loader import load_articles
from ca_connect.tagging.tagger import tagger_for

PROJECT = Path(__file__).resolve().parent.parent


def use_pymorphy3() -> None:
    """Lemmas from pymorphy3 instead of Snowball stems (for the comparison only)."""
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()

    def lemma(word: str) -> str:
        if not stemming.is_cyrillic(word):
            return word
        return morph.parse(word)[0].normal_form

    stemming.stem = lemma
    tokens.stem = lemma
    tokens.clear_word_keys()


def cost(folder: Path, dictionary: object, rounds: int) -> tuple[float, float, int]:
    articles = load_articles(folder).articles
    for article in articles:  # warm-up: compiled dictionary, caches
        analyse(article, dictionary)
    seconds = 0.0
    for _ in range(rounds):
        # Cold: each round keys its words afresh, as a new article's words would be.
        tokens.clear_word_keys()
        start = time.perf_counter()
        for article in articles:
            analyse(article, dictionary)
        seconds += (time.perf_counter() - start) / rounds
    characters = sum(len(a.body) + len(a.title or "") for a in articles)
    return seconds * 1000 / len(articles), seconds * 1e6 / characters, len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", type=Path, default=PROJECT.parent / "shared")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--stemmer", choices=["snowball", "pymorphy3"], default="snowball")
    options = parser.parse_args()
    if options.stemmer == "pymorphy3":
        use_pymorphy3()
    dictionary = load_dictionary(PROJECT / "data" / "entities.yaml")
    rows = {}
    for name in ("corpus", "corpus-ru"):
        folder = options.shared / name / "articles"
        if not folder.is_dir():
            sys.exit(f"{folder}: not found (give the shared folder as the argument)")
        rows[name] = cost(folder, dictionary, options.rounds)
    print(f"stemmer: {options.stemmer}")
    print("set        articles  ms/article  ms/1k chars")
    for name, (per_article, per_kchar, count) in rows.items():
        print(f"{name:10} {count:8}  {per_article:10.2f}  {per_kchar:11.3f}")
    ratio = rows["corpus-ru"][1] / rows["corpus"][1]
    print(f"Russian / English cost per character: {ratio:.2f}x")
    words = sorted(
        {
            word.casefold()
            for article in load_articles(options.shared / "corpus-ru" / "articles").articles
            for word in tokens.phrase_key(f"{article.title or ''} {article.body}")
            if stemming.is_cyrillic(word)
        }
    )
    start = time.perf_counter()
    for word in words:  # each distinct word once, as a new article's words would come
        stemming.stem(word)
    per_word = (time.perf_counter() - start) * 1e6 / len(words)
    print(f"{options.stemmer}: {per_word:.1f} µs per distinct word ({len(words)} words)")
    gold = options.shared / "corpus-ru" / "gold.yaml"
    tagger = tagger_for(dictionary)
    loaded = load_articles(options.shared / "corpus-ru" / "articles")
    predicted = {Path(a.path).name: tagger.tag(a) for a in loaded.articles}
    for row in evaluate(load_gold(gold), predicted, tagger).rows():
        print(f"  corpus-ru {row['field']:14} f1 {row['f1']}")


if __name__ == "__main__":
    main()
