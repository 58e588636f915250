"""Article files -> Article records. Reads files, never prints.

Two forms are read from a folder (not its subfolders):
- `NAME.txt`: plain text; the first line is the title when it reads as a headline;
- `NAME.md`: YAML front matter between `---` lines (title, date, source, url,
  language; all optional, anything else is an error), then the body.
The article id is the file name without its extension.

What is refused, one ArticleError each (the other files are still read): a file over the
size limit (never read: its analysis costs ~3 s per MB), an empty, binary, UTF-16/32 or
non-UTF-8 file, broken front matter (YAML anchors and aliases included: a few hundred
bytes of them expand to gigabytes), and two files with one id (neither is loaded: a
maintainer must choose). Symbolic links leading out of the data folder, or to nothing,
are not followed; `check` lists them.
"""

from __future__ import annotations

import codecs
import datetime
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ArticleError, shown

if TYPE_CHECKING:  # yaml, dates and models load with the first article, not with a scan
    from .models import Article

ARTICLE_SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = ("title", "date", "source", "url", "language")
_MAX_HEADLINE = 200
# Bytes in one article file at most (`--max-article-size`). Real articles are 1-40 kB;
# tagging and reading events cost about 3 s per MB, so 5 MB is under 20 s for one file.
MAX_ARTICLE_SIZE = 5_000_000
# Byte-order marks of encodings that are not UTF-8 (UTF-32 LE begins like UTF-16 LE).
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
# Where an anchor or alias could start (`AT&T` cannot be one): only then is YAML scanned.
_MAYBE_REFERENCE = re.compile(r"(?:^|[\s\[{,:?-])[&*][^\s,\[\]{}]")
_SCALARS = (str, int, float, bool)  # and dates: what a front-matter value may be


@dataclass
class LoadResult:
    """Every article that loaded, and one error per file that did not."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)


def article_paths(folder: Path) -> list[Path]:
    """The article files of a folder, sorted by name; hidden and temporary files, and links
    that are not followed (see `skipped_link`), are skipped."""
    if not folder.is_dir():
        return []
    with os.scandir(folder) as entries:
        paths = [Path(entry.path) for entry in entries if is_article_file(entry)]
    return sorted(paths)


def is_article_file(entry: os.DirEntry[str]) -> bool:
    """An article file: `.txt` or `.md`, not hidden (temporary files are), a file (or a
    link to one inside the data folder)."""
    return is_article_name(entry.name) and entry.is_file() and not skipped_link(entry)


def is_article_name(name: str) -> bool:
    return name.endswith(ARTICLE_SUFFIXES) and not name.startswith(".")


def skipped_link(entry: os.DirEntry[str]) -> bool:
    """A symbolic link that is not followed: it leads out of the data folder, or nowhere."""
    return entry.is_symlink() and link_problem(Path(entry.path)) is not None


def link_problem(path: Path) -> str | None:
    """Why the link `path` in an articles folder is not followed; None when it is no link
    or leads to a file inside the data folder (the folder that holds articles/)."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop
        return f"a link to nothing ({shown(os.readlink(path))}): not read"
    data = path.parent.resolve().parent
    if target != data and data not in target.parents:
        return f"a link out of the data folder (to {shown(str(target))}): not read"
    return None


def load_articles(folder: Path, max_size: int = MAX_ARTICLE_SIZE) -> LoadResult:
    """Load every article of `folder`; a bad file is reported, never fatal to the others."""
    return load_paths(article_paths(folder), max_size)


def load_paths(paths: Iterable[Path], max_size: int = MAX_ARTICLE_SIZE) -> LoadResult:
    result = LoadResult()
    loaded: list[Article] = []
    for path in paths:
        try:
            loaded.append(load_article(path, max_size))
        except ArticleError as error:
            result.errors.append(error)
    by_id: dict[str, list[Path]] = {}
    for article in loaded:
        by_id.setdefault(article.id, []).append(Path(article.path))
    for article in loaded:
        others = [path for path in by_id[article.id] if str(path) != article.path]
        if others:  # neither file is answered: which one is right is a maintainer's choice
            result.errors.append(duplicate_id_error(Path(article.path), others[0]))
        else:
            result.articles.append(article)
    result.errors.sort(key=lambda error: error.path)
    return result


def duplicate_id_error(path: Path, other: Path) -> ArticleError:
    """The error of each file whose article id another file has too."""
    return ArticleError(
        str(path), f"same article id as {other.name}: neither is loaded; rename one of them"
    )


def size_error(where: str, size: int, max_size: int) -> ArticleError:
    """An article file over the size limit (it is not read)."""
    over = _megabytes(size)
    if over == _megabytes(max_size):
        over = f"{size:,} bytes"
    return ArticleError(
        where,
        f"{over} is over the {_megabytes(max_size)} limit for one article; "
        "split it or raise --max-article-size",
    )


def _megabytes(size: int) -> str:
    megabytes = size / 1_000_000
    return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.2g} MB"


def load_article(path: Path, max_size: int = MAX_ARTICLE_SIZE) -> Article:
    """Read one article file; raise ArticleError naming the file (and line) if it is unusable."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise size_error(str(path), size, max_size)
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(str(path), f"cannot read: {error.strerror}") from None
    return parse_article(data, path, max_size)


def parse_article(data: bytes, path: Path, max_size: int = MAX_ARTICLE_SIZE) -> Article:
    """Parse the bytes of an article file named `path` (its suffix chooses the form)."""
    from .dates import find_publication_date
    from .languages import detect_language
    from .models import Article

    if len(data) > max_size:
        raise size_error(str(path), len(data), max_size)
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
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            raise ArticleError(where, f"{encoding} text: save it as UTF-8")
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
    reference = first_yaml_reference(raw)
    if reference is not None:
        raise ArticleError(
            where,
            "front matter: YAML anchors and aliases (&name, *name) are not allowed",
            reference + 2,
        )
    if not isinstance(meta, dict):
        raise ArticleError(where, "front matter must be 'key: value' lines", 2)
    for key, value in meta.items():
        if key not in FRONT_MATTER_KEYS:
            raise ArticleError(
                where,
                f"front matter: unknown key {shown(str(key))} "
                f"(allowed: {', '.join(FRONT_MATTER_KEYS)})",
                _key_line(lines, key),
            )
        if value is not None and not isinstance(value, (*_SCALARS, datetime.date)):
            kind = "a list" if isinstance(value, list) else "a mapping"
            raise ArticleError(
                where, f"front matter {key!r}: {kind}, not one value", _key_line(lines, key)
            )
    for key in ("title", "source", "url", "language"):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            meta[key] = str(value)
    return meta, "".join(lines[number:]), number + 1


def first_yaml_reference(raw: str) -> int | None:
    """The line (from 0) of the first YAML anchor or alias in `raw` (YAML that loads)."""
    import yaml

    if not _MAYBE_REFERENCE.search(raw):  # most YAML: no need to scan it again
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for token in yaml.scan(raw, Loader=loader):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            return token.start_mark.line
    return None


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
