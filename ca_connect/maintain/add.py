"""New articles into a corpus folder: normalised, safely named, written atomically, never twice.

An input (plain text, or `.md` with front matter) becomes `DIR/articles/NAME.md`: front
matter with the loader's keys (title, date, source, url, language) and the body as
given. The title and body are split exactly as the loader would split the input, so the
new file loads as the same article; `--title` keeps the whole input as the body.

Names are `YYYY-MM-DD-slug.md` (the date at its own precision: `2024-04-slug.md`) or
`undated-slug.md`; the slug is the title (or the first words of the text) in lower-case
ASCII, Cyrillic transliterated, at most NAME_LIMIT characters in all. A taken name gets
`-2`, `-3`, ...; nothing is ever overwritten.

Writing: the bytes go to a hidden temporary file in the same folder (created with
O_EXCL, flushed and fsynced), which is then hard-linked to the final name (linking
fails rather than replace an existing file, so two adds at once both land) and removed.
An add interrupted at any point leaves either no new article or the whole one; only a
hard kill can leave a hidden `.NAME.*.tmp`, which the loader skips and `check` reports.

Adds at once: the duplicate check and the write are one step under a lock
(DIR/.caconnect/add.lock), and the check first reads the articles other adds wrote since
this one loaded the corpus, so the same text given to two adds at once lands once.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..dates import find_publication_date, parse_query_date
from ..errors import AddError, ArticleError, UsageError
from ..loader import (
    ARTICLE_SUFFIXES,
    FRONT_MATTER_KEYS,
    MAX_ARTICLE_SIZE,
    article_paths,
    decode_text,
    load_article,
    parse_article,
    size_error,
    split_front_matter,
    split_headline,
)
from ..models import Article, PartialDate
from .duplicates import Duplicate, DuplicateIndex, article_text, fingerprint

NAME_LIMIT = 80  # characters in a file name, `.md` and a `-NN` suffix included
_BODY_WORDS = 8  # words of the text that name an article without a title
_MAX_CLASHES = 999

# Cyrillic -> Latin for file names (Russian, with the letters Kazakh, Kyrgyz, Tajik and
# Uzbek add); everything else goes through Unicode decomposition (`ü` -> `u`).
_CYRILLIC_LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳҷӣӯєїґ"
_LATIN_SPELLINGS = (
    "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya "
    "a gh q ng o u u h i o h j i u ye yi g"
)
_CYRILLIC = dict(zip(_CYRILLIC_LETTERS, _LATIN_SPELLINGS.split(), strict=True))
_CYRILLIC.update({"ъ": "", "ь": ""})  # the hard and soft signs are not written
_OTHER_LATIN = {"ı": "i", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "þ": "th"}
_DATE_HEADER = re.compile(r"\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """An input made ready to add: the file's bytes and the article they load as."""

    stem: str  # the file name without `.md` (a `-N` may be added if it is taken)
    content: bytes
    article: Article  # as the loader reads `content` (id and path provisional)
    date_origin: str | None  # --date, front matter, header, dateline or url


@dataclass(frozen=True)
class Added:
    """An article written into the corpus."""

    path: Path
    article: Article  # as loaded back from `path`
    date_origin: str | None
    duplicates: list[Duplicate] = field(default_factory=list)  # only with force


def draft(
    data: bytes,
    where: str,
    *,
    markdown: bool | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str | None = None,
    max_size: int = MAX_ARTICLE_SIZE,
) -> Draft:
    """Make the new file of an input; `where` names the input in errors.

    `markdown`: whether the input may start with front matter (None: when it starts
    with a `---` line). Options override what the input says; `date` takes the forms of
    `--since` (2025, 2025-03, 2025-03-03, March 2025, 3 March 2025). Raises ArticleError
    for unusable input and UsageError for an option value that cannot be read.
    """
    if len(data) > max_size:
        raise size_error(where, len(data), max_size)
    text = decode_text(data, where)
    if markdown is None:
        markdown = text.startswith("---")
    meta, after, _ = split_front_matter(text, where) if markdown else ({}, text, 1)
    if not after.strip():
        raise ArticleError(where, "no article text")

    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise UsageError("--title is empty")
        body = after
    elif meta.get("title"):
        title, body = " ".join(str(meta["title"]).split()), after
    else:
        title, body = split_headline(after)

    front_date: object = meta.get("date")
    date_origin: str | None = "front matter"
    if date is not None:
        try:
            front_date = parse_query_date(date).isoformat()
        except ValueError as error:
            raise UsageError(f"--date {date!r}: {error}") from None
        date_origin = "--date"
    url = url or _text(meta.get("url"))
    try:
        found, found_source = find_publication_date(after, front_matter_date=front_date, url=url)
    except ValueError as error:
        raise ArticleError(where, f"front matter 'date': {error}") from None
    if found_source != "front-matter":
        date_origin = found_source

    values = {
        "title": title,
        "date": found.isoformat() if found else None,
        "source": source or _text(meta.get("source")) or _site(url),
        "url": url,
        "language": _text(meta.get("language")),
    }
    header = {key: values[key] for key in FRONT_MATTER_KEYS if values[key] is not None}
    content = front_matter(header).encode("utf-8") + body.encode("utf-8")
    stem = file_stem(found, title, body)
    try:
        article = parse_article(content, Path(f"{stem}.md"), max_size)
    except ArticleError as error:  # front matter may take it over the size limit too
        raise ArticleError(where, f"cannot be normalised: {error.reason}") from None
    if (article.title, article.body, article.date) != (title, body, found):
        raise ArticleError(where, "cannot be normalised: the new file would read differently")
    return Draft(stem, content, article, date_origin)


def read_input(path: Path, max_size: int = MAX_ARTICLE_SIZE) -> bytes:
    """The bytes of an input file; ArticleError if it cannot be read or is over the limit
    (then it is not read at all)."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise size_error(str(path), size, max_size)
        return path.read_bytes()
    except OSError as error:
        raise ArticleError(str(path), f"cannot read: {error.strerror}") from None


def front_matter(values: dict[str, str]) -> str:
    """`---` YAML `---` with every value a plain string: no text can add a key."""
    if not values:
        return "---\n---\n"
    dumped = yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{dumped}---\n"


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _site(url: str | None) -> str | None:
    """The site of a URL as a source name: `https://www.kt.kz/eng/...` -> `kt.kz`."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


# --- File names ---------------------------------------------------------------------


def file_stem(date: PartialDate | None, title: str | None, body: str) -> str:
    """`2025-03-03-slug`, `2024-04-slug` or `undated-slug`: safe, readable, short."""
    prefix = f"{date.isoformat()}-" if date else "undated-"
    room = NAME_LIMIT - len(prefix) - len(".md") - len("-99")
    if title:
        slug = slugify(title, room)
    else:
        words = _DATE_HEADER.sub("", body[:1000], count=1).split()[:_BODY_WORDS]
        slug = slugify(" ".join(words), room)
    return prefix + (slug or "article")


def slugify(text: str, limit: int = NAME_LIMIT) -> str:
    """Lower-case ASCII words joined by `-`, cut at a word boundary within `limit`."""
    latin = "".join(_CYRILLIC.get(char, _OTHER_LATIN.get(char, char)) for char in text.lower())
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1].rfind("-")
        slug = slug[: cut if cut > 0 else limit].strip("-")
    return slug


# --- Writing ------------------------------------------------------------------------


def write_new(folder: Path, stem: str, content: bytes) -> Path:
    """Write `folder/stem.md` (or `stem-2.md`, ...) atomically; never replace a file."""
    folder = folder.resolve()
    temporary = _write_temporary(folder, stem, content)
    try:
        target = _link_new(temporary, folder, stem)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(folder)
    return target


def _write_temporary(folder: Path, stem: str, content: bytes) -> Path:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            handle = os.open(temporary, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _link_new(temporary: Path, folder: Path, stem: str) -> Path:
    for number in range(1, _MAX_CLASHES + 1):
        name = stem if number == 1 else f"{stem}-{number}"
        target = folder / f"{name}.md"
        if target.resolve().parent != folder or target.name.startswith("."):
            raise AddError(f"{target.name}: not a safe file name inside {folder}")
        # The article id is the name without its extension: `x.txt` makes `x` taken.
        if any((folder / f"{name}{suffix}").exists() for suffix in ARTICLE_SUFFIXES):
            continue
        try:
            os.link(temporary, target)
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in _NO_HARD_LINKS:
                raise
            if not _reserve_and_replace(temporary, target):
                continue
        return target
    raise AddError(f"{folder}: {_MAX_CLASHES} articles are already named {stem}")


_NO_HARD_LINKS = {
    errno.EPERM,
    errno.EXDEV,
    errno.EMLINK,
    errno.ENOSYS,
    getattr(errno, "ENOTSUP", errno.EPERM),
    getattr(errno, "EOPNOTSUPP", errno.EPERM),
}


def _reserve_and_replace(temporary: Path, target: Path) -> bool:
    """For file systems without hard links: claim the name with O_EXCL, then replace it."""
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        return False
    try:
        os.replace(temporary, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return True


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open a folder
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(handle)


# --- Adding -------------------------------------------------------------------------


class Adder:
    """Adds drafts to an articles folder, refusing what the corpus already has."""

    def __init__(
        self,
        folder: Path,
        articles: Iterable[Article],
        *,
        force: bool = False,
        require_date: bool = False,
        max_size: int = MAX_ARTICLE_SIZE,
    ) -> None:
        self.folder = folder
        self.force = force
        self.require_date = require_date
        self.max_size = max_size
        self._index = DuplicateIndex()
        self._seen: set[str] = set()  # names of the files compared with (or unloadable)
        for article in articles:
            self._index.add(article.id, article_text(article.title, article.body))
            self._seen.add(Path(article.path).name)

    def add(self, new: Draft, *, dry_run: bool = False) -> Added:
        """Write a draft as a new article; AddError if it is refused (nothing is written)."""
        with _one_add_at_a_time(self.folder):
            self._catch_up()
            return self._add(new, dry_run)

    def _catch_up(self) -> None:
        """Compare with the articles other adds (or anyone) wrote since the corpus loaded."""
        for path in article_paths(self.folder):
            if path.name in self._seen:
                continue
            self._seen.add(path.name)
            try:
                article = load_article(path, self.max_size)
            except ArticleError:
                continue  # `check` reports it; it cannot be compared
            self._index.add(article.id, article_text(article.title, article.body))

    def _add(self, new: Draft, dry_run: bool) -> Added:
        text = article_text(new.article.title, new.article.body)
        found = fingerprint(text)
        duplicates = self._index.find(text, found)
        if duplicates and not self.force:
            first = duplicates[0]
            raise AddError(f"{first.describe()}; not added (--force adds it anyway)")
        if new.article.date is None and self.require_date:
            raise AddError("no publication date found; not added (give it with --date)")
        if dry_run:
            path = self.folder / f"{new.stem}.md"
            article = new.article.model_copy(update={"id": new.stem, "path": str(path)})
            return Added(path, article, new.date_origin, duplicates)
        try:
            path = self.folder / write_new(self.folder, new.stem, new.content).name
        except OSError as error:
            raise AddError(f"cannot write into {self.folder}: {error.strerror or error}") from None
        self._seen.add(path.name)
        try:
            article = load_article(path, self.max_size)
            if (article.title, article.body, article.date) != (
                new.article.title,
                new.article.body,
                new.article.date,
            ):
                raise ArticleError(str(path), "reads back differently from what was written")
        except BaseException as error:
            path.unlink(missing_ok=True)
            if isinstance(error, ArticleError):
                raise AddError(f"{error}; removed it again") from None
            raise
        self._index.add(article.id, text, found)
        return Added(path, article, new.date_origin, duplicates)


@contextmanager
def _one_add_at_a_time(folder: Path) -> Iterator[None]:
    """Hold the add lock of a data folder (DIR/.caconnect/add.lock; the OS frees it if the
    process dies)."""
    lock = folder.parent / ".caconnect" / "add.lock"
    try:
        lock.parent.mkdir(exist_ok=True)
        handle = open(lock, "a+b")  # noqa: SIM115 - closed below, which frees the lock
    except OSError as error:
        raise AddError(f"cannot create the lock {lock}: {error.strerror or error}") from None
    try:
        _lock_file(handle.fileno())
        yield
    finally:
        handle.close()


try:
    import fcntl

    def _lock_file(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock_file(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)
