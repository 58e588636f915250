"""The health of a data folder as a list of findings; rendering is cli's job.

Errors (the corpus gives wrong answers until they are fixed): a dictionary that does not
load (an alias shared by two entities, a bad code, a YAML mistake), an article file that
does not load, two articles with the same text.
Warnings (worth a look, not wrong): an undated article, an article with no tags, a
near-duplicate, an entity or an alias that matches no article, an initiative type no
article has, and stray files in articles/ (a temporary file left by a killed `add`, a
file that is not `.txt` or `.md`, a link out of the data folder or to nothing).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..corpus import DataDir
from ..errors import DictionaryError
from ..loader import ARTICLE_SUFFIXES, link_problem
from ..models import Article, EntityDictionary, Filters, TaggedArticle
from ..query import fields_row
from ..tokens import phrase_key
from .duplicates import article_text, duplicate_pairs

Severity = Literal["error", "warning"]

# The sections of `check` and the fields each one's rows are built from (the CSV header).
FINDING_FIELDS = ("check", "subject", "message")
CHECK_FIELDS: dict[str, tuple[str, ...]] = {
    "summary": ("articles", "entities", "errors", "warnings", "result"),
    "errors": FINDING_FIELDS,
    "warnings": FINDING_FIELDS,
}


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, which check found it, what it is about, and what it is."""

    severity: Severity
    check: str
    subject: str  # a file, an article id or an entity id
    message: str

    def row(self) -> dict[str, str]:
        return fields_row(FINDING_FIELDS, (self.check, self.subject, self.message))


@dataclass
class Report:
    """Every finding of a check, and what was checked."""

    findings: list[Finding] = field(default_factory=list)
    articles: int = 0  # articles that loaded
    entities: int = 0  # entities in the dictionary (0 if it did not load)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        """Errors fail a check; with `strict`, warnings do too."""
        return bool(self.errors or (strict and self.warnings))

    def rows(self, severity: Severity, limit: int | None = None) -> list[dict[str, str]]:
        """Findings of one severity as rows; with `limit`, at most that many of each check
        and then a row counting the rest (a big dictionary has hundreds of unused names)."""
        rows: list[dict[str, str]] = []
        findings = [f for f in self.findings if f.severity == severity]
        for check, group in itertools.groupby(findings, key=lambda f: f.check):
            found = list(group)
            rows += [f.row() for f in found[:limit]]
            if limit is not None and len(found) > limit:
                more = f"... {len(found) - limit} more"
                rows.append(fields_row(FINDING_FIELDS, (check, more, "(--all lists them)")))
        return rows

    def sections(self, strict: bool, limit: int | None = None) -> dict[str, list[dict[str, Any]]]:
        """The sections of CHECK_FIELDS: what was checked and the result, then the errors
        and the warnings (with `limit`, as `rows` cuts them)."""
        counts = (self.articles, self.entities, len(self.errors), len(self.warnings))
        result = "failed" if self.failed(strict) else "ok"
        return {
            "summary": [fields_row(CHECK_FIELDS["summary"], (*counts, result))],
            "errors": self.rows("error"),
            "warnings": self.rows("warning", limit),
        }


def check_data(data: DataDir) -> Report:
    """Check a data folder: its dictionary, every article, and the two against each other."""
    from ..corpus import open_corpus
    from ..loader import load_articles

    data.check()
    report = Report()
    tagged: list[TaggedArticle] | None = None
    dictionary: EntityDictionary | None = None
    try:
        corpus = open_corpus(data)
    except DictionaryError as error:
        report.findings.append(Finding("error", "dictionary", data.entities.name, _where(error)))
        loaded = load_articles(data.articles, data.max_article_size)
        articles: list[Article] = list(loaded.articles)
        load_errors = loaded.errors
    else:
        dictionary = corpus.dictionary
        tagged = corpus.select(Filters())
        articles = list(tagged)
        load_errors = corpus.errors
    articles.sort(key=lambda a: a.id)
    report.articles = len(articles)

    for error in load_errors:
        where = error.path.rsplit("/", 1)[-1]
        line = f"line {error.line}: " if error.line is not None else ""
        report.findings.append(Finding("error", "unloadable", where, line + error.reason))
    report.findings += _stray_files(data)
    if not articles and not load_errors:
        report.findings.append(Finding("warning", "no-articles", "articles", "no article files"))
    report.findings += _duplicates(articles)
    for article in articles:
        if article.date is None:
            report.findings.append(
                Finding("warning", "undated", article.id, "no publication date found")
            )
    if tagged is not None and dictionary is not None:
        report.entities = (
            len(dictionary.countries) + len(dictionary.organizations) + len(dictionary.initiatives)
        )
        report.findings += _untagged(tagged)
        report.findings += _unused(dictionary, tagged)
    order = {"error": 0, "warning": 1}
    report.findings.sort(key=lambda f: (order[f.severity], f.check, f.subject))
    return report


def _where(error: DictionaryError) -> str:
    """A dictionary error without its file name, which the finding's subject gives."""
    message = str(error)
    match = re.match(r"^.*?entities\.yaml(?::(\d+|\?))?: ", message)
    if not match:
        return message
    rest = message[match.end() :]
    return f"line {match.group(1)}: {rest}" if match.group(1) else rest


def _stray_files(data: DataDir) -> Iterator[Finding]:
    for path in sorted(data.articles.iterdir()):
        name = path.name
        unfollowed = link_problem(path)
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if shown != name:  # the store keeps names as text: every command leaves it out
            yield Finding(
                "warning", "stray-file", shown, "its name is not UTF-8: not read; rename it"
            )
        elif unfollowed is not None:
            yield Finding("warning", "stray-file", name, unfollowed)
        elif name.startswith(".") and name.endswith(".tmp"):
            yield Finding(
                "warning", "stray-file", name, "left by an interrupted `caconnect add`; delete it"
            )
        elif path.is_dir() and not name.startswith("."):
            yield Finding("warning", "stray-file", name, "a folder: articles in it are not read")
        elif not path.is_file() and not name.startswith("."):
            yield Finding("warning", "stray-file", name, "not a file (a pipe, a device): not read")
        elif not name.startswith(".") and not name.endswith(ARTICLE_SUFFIXES):
            yield Finding("warning", "stray-file", name, "not an article (.txt or .md): not read")


def _duplicates(articles: list[Article]) -> Iterator[Finding]:
    texts = ((a.id, article_text(a.title, a.body)) for a in articles)
    for article_id, duplicate in duplicate_pairs(texts):
        if duplicate.exact:
            yield Finding("error", "duplicate", article_id, duplicate.describe())
        else:
            yield Finding("warning", "near-duplicate", article_id, duplicate.describe())


def _untagged(articles: list[TaggedArticle]) -> Iterator[Finding]:
    for article in articles:
        if not (article.countries or article.organizations or article.initiatives):
            yield Finding(
                "warning", "untagged", article.id, "no country, organisation or initiative type"
            )


def _unused(dictionary: EntityDictionary, articles: list[TaggedArticle]) -> Iterator[Finding]:
    """Entities no article is tagged with; names an entity has that no mention used."""
    used: dict[str, set[tuple[str, ...]]] = {}
    initiatives: set[str] = set()
    for article in articles:
        initiatives.update(article.initiatives)
        for mention in article.mentions:
            if mention.kind != "initiative":
                used.setdefault(mention.entity, set()).add(phrase_key(mention.text))
    entries: list[tuple[str, str, list[str]]] = [
        (c.code, "country", [c.name, *c.aliases, *c.demonyms, *c.capitals])
        for c in dictionary.countries
    ]
    entries += [
        (
            o.id,
            "organisation",
            [o.name, *o.aliases, *(f.name for f in o.former_names), *o.shared_aliases],
        )
        for o in dictionary.organizations
    ]
    for entity, kind, names in entries:
        if entity not in used:
            yield Finding("warning", "unused-entity", entity, f"no article mentions this {kind}")
            continue
        unused = [name for name in names if phrase_key(name) not in used[entity]]
        if unused:
            listed = ", ".join(repr(name) for name in unused)
            yield Finding("warning", "unused-alias", entity, f"no article uses {listed}")
    for initiative in dictionary.initiatives:
        if initiative.id not in initiatives:
            yield Finding("warning", "unseen-initiative", initiative.id, "no article has this type")
