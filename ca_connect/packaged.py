"""The entity dictionary that ships inside the package, and new corpus folders made from it.

One source of truth: the repository's `data/entities.yaml`. The package's
`ca_connect/data/entities.yaml` is a symbolic link to it, which a wheel stores as the
file itself, so an installed caconnect carries the dictionary it was built with.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from .errors import UsageError

PACKAGED_DICTIONARY = Path(__file__).resolve().parent / "data" / "entities.yaml"
_announced: set[Path] = set()


def dictionary_file(folder: Path) -> Path:
    """FOLDER/entities.yaml, or the packaged dictionary when the folder has none.

    The first time a folder falls back, one line on standard error says so.
    """
    own = folder / "entities.yaml"
    if own.is_file() or not PACKAGED_DICTIONARY.is_file():
        return own
    if folder not in _announced:
        _announced.add(folder)
        print(
            f"Note: {folder} has no entities.yaml; using the dictionary shipped with "
            f"caconnect ({PACKAGED_DICTIONARY})",
            file=sys.stderr,
        )
    return PACKAGED_DICTIONARY


def init_corpus(folder: Path) -> list[Path]:
    """Start a corpus in FOLDER: an empty articles/ and a copy of the packaged dictionary.

    Returns what was created. Nothing that exists is overwritten: an existing
    articles/ folder or entities.yaml is kept as it is.
    """
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} is a file, not a folder")
    created: list[Path] = []
    articles = folder / "articles"
    if articles.exists() and not articles.is_dir():
        raise UsageError(f"{articles} is a file, not a folder")
    if not articles.is_dir():
        articles.mkdir(parents=True)
        created.append(articles)
    entities = folder / "entities.yaml"
    if not entities.exists():
        shutil.copyfile(PACKAGED_DICTIONARY, entities)
        created.append(entities)
    return created
