"""Article files -> Article records. Reads files, never prints.

Two forms are read from a folder (not its subfolders):
- `NAME.txt`: plain text; the first line is the title when it reads as a headline;
- `NAME.md`: YAML front matter between `---` lines (title, date, source, url,
  language; all optional, anything else is an error), then the body.
The article id is the file name without its extension.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArticleError

if TYPE_CHECKING:  # yaml, dates and models load with the first article, not with a scan
    from .models import Article

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "language")
_MAX_HEADLINE = 200


@dataclass
class LoadResult:
    """Every article that loaded, and one error per file that did not."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)


def article_paths(folder: Path) -> list[Path]:
    """The article files of a folder, sorted by name; hidden and temporary files are skipped."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        paths = [Path(entry.path) for entry in entries if is_article_file(entry)]
    return sorted(paths)


def is_article_file(entry: os.DirEntry[str]) -> bool:
    """An article file: `.txt` or `.md`, not hidden (temporary files are), a file."""
    return is_article_name(entry.name) and entry.is_file()


def is_article_name(name: str) -> bool:
    return name.endswith(ARTICLE_SUFFIXES) and not name.startswith(".")


def load_articles(folder: Path) -> LoadResult:
    """Load every article of `folder`; a bad file is reported, never fatal to the others."""
    return load_paths(article_paths(folder))


def load_paths(paths: Iterable[Path]) -> LoadResult:
    result = LoadResult()
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            article = load_article(path)
            if article.id in seen:
                raise duplicate_id_error(path, seen[article.id])
        except ArticleError as error:
            result.errors.append(error)
            continue
        seen[article.id] = path
        result.articles.append(article)
    return result


def duplicate_id_error(path: Path, first: Path) -> ArticleError:
    """The error of a file whose article id an earlier file (in name order) already has."""
    return ArticleError(str(path), f"same article id as {first.name}; rename one of them")


def load_article(path: Path) -> Article:
    """Read one article file; raise ArticleError naming the file (and line) if it is unusable."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(str(path), f"cannot read: {error.strerror}") from None
    return parse_article(data, path)


def parse_article(data: bytes, path: Path) -> Article:
    """Parse the bytes of an article file named `path` (its suffix chooses the form)."""
    from .dates import find_publication_date
    from .languages import detect_language
    from .models import Article

    text = decode_text(data, str(path))
    if path.suffix == ".md":
        meta, body, body_line = split_front_matter(text, str(path))
    else:
        meta, body, body_line = {}, text, 1
    if not body.strip():
        raise ArticleError(str(path), "no article text after the front matter", body_line)

    text_after_front_matter = body
    title = meta.get("title")
    if title is None:
        title, body = split_headline(body)
    try:
        date, date_source = find_publication_date(
            text_after_front_matter,
            front_matter_date=meta.get("date"),
            url=meta.get("url"),
        )
    except ValueError as error:
        raise ArticleError(str(path), f"front matter 'date': {error}", 2) from None
    return Article(
        id=path.stem,
        path=str(path),
        title=title,
        body=body,
        date=date,
        date_source=date_source,
        source=meta.get("source"),
        url=meta.get("url"),
        language=_language_code(meta.get("language")) or detect_language(f"{title or ''}\n{body}"),
    )


def _language_code(value: object) -> str | None:
    """The front matter's `language:` as a lower-case code (`RU` -> `ru`), or None."""
    return str(value).strip().lower() or None if value is not None else None


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is dropped), or ArticleError for empty, binary or other encodings."""
    if not data.strip():
        raise ArticleError(where, "empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError(where, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(
            where, f"not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8", line
        ) from None


def split_front_matter(text: str, where: str) -> tuple[dict[str, str | object], str, int]:
    """Split `---` front matter from the body: (metadata, body, line where the body starts)."""
    import yaml

    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return {}, text, 1
    number = next(
        (n for n, line in enumerate(lines[1:], start=2) if line.rstrip("\r\n") == "---"), None
    )
    if number is None:
        raise ArticleError(where, "front matter opened with '---' is never closed", 1)
    raw = "".join(lines[1 : number - 1])
    try:
        # The C loader is 6x faster and just as safe.
        meta = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # The parser may notice a problem only at the end of the block: stay inside it.
        line = min(mark.line + 2, number - 1) if mark is not None else None
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ArticleError(where, f"front matter: {problem}", line) from None
    if not isinstance(meta, dict):
        raise ArticleError(where, "front matter must be 'key: value' lines", 2)
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            raise ArticleError(
                where,
                f"front matter: unknown key {key!r} (allowed: {', '.join(FRONT_MATTER_KEYS)})",
                _key_line(lines, key),
            )
    for key in ("title", "source", "url", "language"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            meta[key] = str(value)
    return meta, "".join(lines[number:]), number + 1


def _key_line(lines: list[str], key: object) -> int | None:
    for number, line in enumerate(lines[1:], start=2):
        if line.startswith(f"{key}:"):
            return number
    return None


def split_headline(text: str) -> tuple[str | None, str]:
    """(title, body): the first line is a title when it reads as a headline, else (None, text)."""
    first, newline, rest = text.partition("\n")
    candidate = first.strip()
    if newline and _reads_as_headline(candidate):
        return candidate, rest
    return None, text


def _reads_as_headline(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 30
        and len(line) <= _MAX_HEADLINE
        and line[-1] not in ".,;:"
        and any(char.isalpha() for char in line)
        and not line.lower().startswith("date ")
    )
