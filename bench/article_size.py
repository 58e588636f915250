"""Tag time per MB of one article: `python bench/article_size.py [--sizes 0.1,1,10]`.

Each size is one generated article (bench/generate.py's sentences, the names of
data/entities.yaml), loaded and analysed (tags and deal events) as the index does it; the
time is CPU time of that one call, the dictionary compiled beforehand. Time per MB that
stays flat as the size grows means linear work; it was 18 s for 1 MB and 185 s for 3 MB
before issue 12. A 10 MB article is over the default limit (5 MB): the benchmark raises it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import DEFAULT_ENTITIES, FALLBACK_ENTITIES, Names, Writer

HEADLINE = "Uzbekistan and Kazakhstan extend their fibre backbone\n"


def generated_text(size: int, seed: int = 1) -> str:
    """A plain-text article of about `size` characters: a headline, then paragraphs."""
    entities = DEFAULT_ENTITIES if DEFAULT_ENTITIES.is_file() else FALLBACK_ENTITIES
    writer = Writer(Names.read(entities), random.Random(seed))
    return HEADLINE + writer.body(size) + "\n"


def seconds_to_tag(text: str, dictionary: object) -> float:
    from ca_connect.events import analyse
    from ca_connect.loader import parse_article

    data = text.encode("utf-8")
    start = time.process_time()
    analyse(parse_article(data, Path("article.txt"), max_size=len(data)), dictionary)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    from ca_connect.dictionary import load_dictionary

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,1,10", help="article sizes in MB")
    args = parser.parse_args(argv)
    dictionary = load_dictionary(
        DEFAULT_ENTITIES if DEFAULT_ENTITIES.is_file() else FALLBACK_ENTITIES
    )
    seconds_to_tag(generated_text(1000), dictionary)  # compile the dictionary first
    print("| article | tag time | per MB |")
    print("| --- | --- | --- |")
    for megabytes in (float(size) for size in args.sizes.split(",")):
        seconds = seconds_to_tag(generated_text(int(megabytes * 1_000_000)), dictionary)
        print(f"| {megabytes:g} MB | {seconds:.2f} s | {seconds / megabytes:.2f} s |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
