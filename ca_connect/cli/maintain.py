"""The maintainers' commands: add, check, init, entities."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .group import EXIT_DATA_ERROR, cli
from .options import (
    _data,
    _finish,
    _open,
    _wide,
    _write,
    output_options,
)


@cli.command()
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
)
@click.option("--title", help="The headline (instead of the one the text starts with).")
@click.option("--date", help="Publication date: 2025-03-03, 2025-03, 2025, '3 March 2025'.")
@click.option("--url", help="Where the article was published.")
@click.option("--source", help="The outlet that published it (default: the URL's site).")
@click.option("--force", is_flag=True, help="Add it even if the corpus has it already.")
@click.option("--require-date", is_flag=True, help="Refuse an article whose date is not found.")
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.pass_context
def add(
    ctx: click.Context,
    files: tuple[Path, ...],
    title: str | None,
    date: str | None,
    url: str | None,
    source: str | None,
    force: bool,
    require_date: bool,
    dry_run: bool,
) -> None:
    """Add article files (or - for standard input) to DIR/articles/ as new .md files.

    Each gets front matter (title, date, source, url) and keeps its text byte for byte
    (a first line that reads as a headline becomes the title, as the loader reads it),
    under a new name made from its date and title. An article the corpus already has
    (the same text, or the same story with small edits) is refused unless --force.
    Prints the date and where it came from, the tags with their evidence, and names the
    dictionary does not know. Exit 1 if any file was refused.

    \b
    Example:
        caconnect add story.txt --url https://example.com/2025/03/03/story
        pbpaste | caconnect add - --title "Uzbekistan signs fibre deal" --date 2025-03-03
    """
    from ..corpus import open_corpus
    from ..errors import ArticleError, CaconnectError, UsageError
    from ..maintain.add import Adder, draft, read_input
    from ..maintain.candidates import find_candidates
    from ..models import Filters
    from ..tagging.tagger import tag

    if len(files) > 1 and (title or date or url):
        raise UsageError("--title, --date and --url describe one article: give one FILE")
    if [str(file) for file in files].count("-") > 1:
        raise UsageError("standard input (-) can be read once")
    data = _data(ctx)
    corpus = open_corpus(data)
    ctx.call_on_close(corpus.close)  # as cli/options.py `_open` does
    if corpus.errors:
        click.echo(
            f"Warning: {len(corpus.errors)} article files do not load and are not compared "
            "(see `caconnect check`)",
            err=True,
        )
    limit = data.max_article_size
    adder = Adder(
        data.articles,
        corpus.select(Filters()),
        force=force,
        require_date=require_date,
        max_size=limit,
    )
    refused = 0
    for file in files:
        where = "<stdin>" if str(file) == "-" else str(file)
        try:
            if str(file) == "-":
                with click.open_file("-", "rb") as stdin:
                    content, markdown = stdin.read(), None
            else:
                content = read_input(file, limit)
                markdown = {".md": True, ".txt": False}.get(file.suffix.lower())
            new = draft(
                content,
                where,
                markdown=markdown,
                title=title,
                date=date,
                url=url,
                source=source,
                max_size=limit,
            )
            added = adder.add(new, dry_run=dry_run)
        except UsageError:
            raise
        except CaconnectError as error:
            prefix = "" if isinstance(error, ArticleError) else f"{where}: "
            click.echo(f"Error: {prefix}{error}", err=True)
            refused += 1
            continue
        tagged = tag(added.article, corpus.dictionary)
        unknown = find_candidates([tagged], corpus.dictionary)
        _print_added(added, tagged, unknown, dry_run=dry_run)
    if refused:
        ctx.exit(EXIT_DATA_ERROR)


def _print_added(added: Any, tagged: Any, unknown: list[Any], *, dry_run: bool) -> None:
    """What `add` found in one article: its date, tags with evidence, unknown names."""
    verb = "Would add" if dry_run else "Added"
    click.echo(f"{verb} {added.path} (id {added.article.id})")
    click.echo(f"  title:   {tagged.title or '(none)'}")
    if tagged.date:
        click.echo(f"  date:    {tagged.date} (from {added.date_origin})")
    else:
        click.echo("  date:    none found; added as undated (give it with --date YYYY-MM-DD)")
    for duplicate in added.duplicates:
        click.echo(f"  note:    {duplicate.describe()}; added anyway (--force)")
    evidence: dict[str, list[str]] = {}
    for mention in tagged.mentions:
        places = evidence.setdefault(f"{mention.kind} {mention.entity}", [])
        places.append(f"{mention.field}[{mention.start}:{mention.end}] {mention.text!r}")
    click.echo("  tags:" if evidence else "  tags:    none")
    for name, places in evidence.items():
        more = f" (+{len(places) - 3} more)" if len(places) > 3 else ""
        click.echo(f"    {name}: {'; '.join(places[:3])}{more}")
    if unknown:
        click.echo("  names not in the dictionary (add to entities.yaml, or to ignore.names):")
        for candidate in unknown[:12]:
            click.echo(f"    {candidate.name} ({candidate.count})")
        if len(unknown) > 12:
            click.echo(f"    ... {len(unknown) - 12} more: caconnect entities --candidates")


@cli.command()
@click.option("--strict", is_flag=True, help="Fail on warnings too, not only on errors.")
@click.option("--all", "show_all", is_flag=True, help="List every warning in a table.")
@output_options
@click.pass_context
def check(ctx: click.Context, strict: bool, show_all: bool, fmt: str, output: Path | None) -> None:
    """Validate the corpus and the dictionary; exit 1 on errors (or warnings with --strict).

    Errors: files that do not load, a dictionary that does not load (an alias of two
    entities, ...), two articles with the same text. Warnings: undated and untagged
    articles, near-duplicates, entities and aliases no article uses, initiative types
    no article has, stray files in articles/. A table lists 10 warnings of each check
    (--all: every one); csv and json list all.

    \b
    Example:
        caconnect check
        caconnect --data data check --strict --format json
    """
    from ..maintain.check import CHECK_FIELDS, check_data
    from ..output import render_sections

    report = check_data(_data(ctx))
    failed = report.failed(strict)
    sections = report.sections(strict, None if show_all or fmt != "table" else 10)
    _write(
        output,
        ctx.obj["data_dir"],
        lambda file: render_sections(sections, fmt, file, columns=CHECK_FIELDS, wide=_wide()),
    )
    if failed:
        ctx.exit(EXIT_DATA_ERROR)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Start a new corpus in FOLDER: FOLDER/articles/ and a copy of the dictionary to extend.

    Nothing that exists is overwritten.

    \b
    Example:
        caconnect init my-corpus && caconnect --data my-corpus add story.txt
    """
    from ..packaged import init_corpus

    created = init_corpus(folder)
    for path in created:
        click.echo(f"Created {path}{'/' if path.is_dir() else ''}")
    if not created:
        click.echo(f"{folder} already has articles/ and entities.yaml: nothing to do")


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["country", "organization", "initiative", "company", "agency", "intl"]),
    help="Only this kind (organization: companies, agencies and intl together).",
)
@click.option("--country", help="Only this country and its organisations (ISO code or name).")
@click.option(
    "--candidates",
    is_flag=True,
    help="Names in the articles that the dictionary lacks, used by most articles first.",
)
@output_options
@click.pass_context
def entities(
    ctx: click.Context,
    kind: str | None,
    country: str | None,
    candidates: bool,
    fmt: str,
    output: Path | None,
) -> None:
    """The entity dictionary with each entity's article count, or names it lacks.

    \b
    Example:
        caconnect entities --kind company --country UZ
        caconnect entities --candidates --format csv -o candidates.csv
    """
    from ..dictionary import find_country
    from ..errors import UsageError
    from ..maintain.candidates import CANDIDATE_FIELDS, find_candidates
    from ..maintain.entities import ENTITY_FIELDS, entity_rows
    from ..models import Filters
    from ..output import render

    if candidates and (kind or country):
        raise UsageError("--candidates lists unknown names: --kind and --country do not apply")
    corpus = _open(ctx)
    articles = corpus.select(Filters())
    if candidates:
        named = corpus.named_deals()
        rows = [c.row() for c in find_candidates(articles, corpus.dictionary, named)]
        fields = CANDIDATE_FIELDS
    else:
        try:
            code = find_country(corpus.dictionary, country).code if country else None
        except UsageError as error:
            raise UsageError(f"--country: {error}") from None
        rows = entity_rows(corpus.dictionary, articles, kind=kind, country=code)
        fields = ENTITY_FIELDS
    _write(
        output,
        ctx.obj["data_dir"],
        lambda file: render(rows, fmt, file, columns=fields, wide=_wide()),
    )
    _finish(ctx, corpus)
