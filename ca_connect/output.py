"""render(rows, fmt, file): the one place rows become text.

table: a rich table on a terminal, aligned plain text otherwise; csv: lists joined by `;`,
unknown values empty, cells that a spreadsheet would run as a formula escaped; json: one
array (or one object of arrays for sectioned output), unknown values null; jsonl: one
object per line.

A CSV's header is the rows' fields as the code names them (`columns`: the tuple the rows
are built from), so it is printed when no row follows; a key a row adds (a count column
per stage seen) comes after them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

Format = Literal["table", "csv", "json", "jsonl"]
FORMATS: tuple[Format, ...] = ("table", "csv", "json", "jsonl")
Row = Mapping[str, Any]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTED = re.compile(r'[",\r\n]')  # what makes a CSV cell need quotes
TABLE_WINDOW = 200  # rows a piped table's column widths are measured on


class Lines(Protocol):
    """Rows kept as text (store.Lines): JSON objects, CSV lines, the rows themselves, and
    the CSV header."""

    columns: Sequence[str]

    def json(self) -> Iterator[str]: ...

    def csv(self) -> Iterator[str]: ...

    def rows(self) -> Iterator[Row]: ...


def render(
    rows: Sequence[Row],
    fmt: Format,
    file: TextIO,
    *,
    columns: Sequence[str] = (),
    title: str | None = None,
    wide: bool = False,
) -> None:
    """Write rows in a format; every row is expected to have the same keys, `columns`
    first (the CSV header, printed with no row too). A table on a terminal fits its width
    (tables.py) unless `wide`."""
    if fmt == "json":
        json.dump(list(rows), file, ensure_ascii=False, indent=2)
        file.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            file.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        _write_csv(rows, file, columns)
    else:
        _write_table(rows, file, title, wide)


def render_sections(
    sections: Mapping[str, Sequence[Row]],
    fmt: Format,
    file: TextIO,
    *,
    columns: Mapping[str, Sequence[str]] | None = None,
    wide: bool = False,
) -> None:
    """Several named tables (a summary): one table each, or one document with a key per
    table. CSV and JSONL: one row per row of every table, `table` naming it; the CSV
    header is `table` and each table's `columns` (the fields its rows are built from)."""
    if fmt == "json":
        json.dump(
            {name: list(rows) for name, rows in sections.items()},
            file,
            ensure_ascii=False,
            indent=2,
        )
        file.write("\n")
    elif fmt in ("jsonl", "csv"):
        flat = [{"table": name, **row} for name, rows in sections.items() for row in rows]
        fields = [field for name in sections for field in (columns or {}).get(name, ())]
        render(flat, fmt, file, columns=["table", *dict.fromkeys(fields)])
    else:
        for index, (name, rows) in enumerate(sections.items()):
            if index:
                file.write("\n")
            _write_table(rows, file, name.replace("_", " "), wide)


def csv_cell(value: Any) -> str:
    """A value as a CSV cell: lists joined by `;`, None empty, formula-like text escaped."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        text = ";".join([_plain(item) for item in value])
    else:
        text = _plain(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _plain(value: Any) -> str:
    if type(value) is str:  # most values: skip the slower checks
        return value
    if isinstance(value, Mapping):
        return str(value.get("name") or value.get("id") or json.dumps(value, ensure_ascii=False))
    return "" if value is None else str(value)


def _write_csv(rows: Sequence[Row], file: TextIO, fields: Sequence[str]) -> None:
    columns = _columns(rows, fields)
    file.write(csv_line(columns))
    file.writelines([csv_line(map(row.get, columns)) for row in rows])


def csv_line(values: Iterable[Any]) -> str:
    """One CSV line, newline included, as `render(rows, "csv", ...)` writes a row: each
    value through `csv_cell`, RFC 4180 quoting (a cell holding a comma, a quote, CR or LF
    is quoted), LF at the end. Python's csv writer leaves a lone CR unquoted when rows end
    in LF, and a reader then splits the row there."""
    cells = [csv_cell(value) for value in values]
    quoted = [
        '"' + cell.replace('"', '""') + '"' if _QUOTED.search(cell) else cell for cell in cells
    ]
    return (",".join(quoted) if quoted != [""] else '""') + "\n"  # a lone empty cell: ""


def _columns(rows: Sequence[Row], fields: Sequence[str] = ()) -> list[str]:
    """The fields named in the code, then every other key of the rows, in order."""
    return list(dict.fromkeys([*fields, *(key for row in rows for key in row)]))


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        try:
            return ", ".join(value)  # a list of text: the common case
        except TypeError:
            return ", ".join([_plain(item) for item in value])
    return _plain(value)


def render_table(
    rows: Sequence[Row], console: Any, *, title: str | None = None, wide: bool = False
) -> None:
    """Rows as a table on a rich Console, laid out for its width (see tables.py)."""
    from .tables import print_table

    if not rows:
        console.print(f"{title}\n(none)" if title else "(none)", highlight=False)
        return
    columns = _columns(rows)
    cells = [[_cell_text(row.get(column)) for column in columns] for row in rows]
    print_table(console, columns, cells, title, wide=wide)


def render_table_stream(rows: Iterable[Row], file: TextIO, *, wide: bool = False) -> None:
    """A table of rows that arrive one by one (timeline, articles). On a terminal it is
    laid out for its width, so every row is read first. Piped, the columns are as wide as
    in the first TABLE_WINDOW rows and every row is written as it comes: the first lines
    reach `| head` at once. With fewer rows, that is the table `render` writes; a later
    cell wider than its column overflows it if it is a key (tables.KEY_COLUMNS: never
    cut), else is cut with "…"."""
    if file.isatty():
        _write_table(list(rows), file, None, wide)
        return
    stream = iter(rows)
    window = list(islice(stream, TABLE_WINDOW))
    widths = _write_table(window, file, None, wide)
    if widths is None or len(window) < TABLE_WINDOW:
        return
    from .tables import KEY_COLUMNS

    columns = _columns(window)
    cut = [column not in KEY_COLUMNS for column in columns]
    line = _line_format(widths)
    for row in stream:
        cells = [_cell_text(row.get(column)) for column in columns]
        for i, width in enumerate(widths):
            if cut[i] and len(cells[i]) > width:
                cells[i] = cells[i][: width - 1] + "…"
        file.write(line(*cells).rstrip() + "\n")


def _write_table(
    rows: Sequence[Row], file: TextIO, title: str | None, wide: bool
) -> list[int] | None:
    """Write a table; the widths of its columns when it was written as plain text."""
    if file.isatty():
        from rich.console import Console

        render_table(rows, Console(file=file), title=title, wide=wide)
        return None
    columns = _columns(rows)
    # Column by column: most columns hold only text, which needs no conversion.
    by_column = []
    for column in columns:
        values = [row.get(column) for row in rows]
        if not all(type(value) is str for value in values):
            values = [value if type(value) is str else _cell_text(value) for value in values]
        by_column.append(values)
    cells = list(zip(*by_column, strict=True))
    if title:
        file.write(f"{title}\n")
    if not rows:
        file.write("(none)\n")
        return None
    widths = [max(len(c), *map(len, values)) for c, values in zip(columns, by_column, strict=True)]
    line = _line_format(widths)
    file.write(line(*columns).rstrip() + "\n")
    file.writelines([line(*values).rstrip() + "\n" for values in cells])
    return widths


def _line_format(widths: list[int]) -> Callable[..., str]:
    """A table line's format: each cell padded to its column's width but the last, whose
    padding the line's rstrip would drop (a line with nothing to strip is not copied)."""
    return "  ".join([*(f"{{:<{width}}}" for width in widths[:-1]), "{}"]).format


def render_article(article: Any, file: TextIO) -> None:
    """One tagged article for reading: its fields, its tags with evidence, its marked-up text.

    On a terminal mentions are highlighted by kind; piped, they are wrapped in [brackets].
    """
    colour = file.isatty()
    facts = [
        ("id", article.id),
        ("path", article.path),
        ("title", article.title or ""),
        ("date", f"{article.date} ({article.date_source})" if article.date else "undated"),
        ("source", article.source or ""),
        ("url", article.url or ""),
        ("language", article.language or ""),
        ("countries", ", ".join(article.countries)),
        ("organizations", ", ".join(f"{o.name} ({o.kind})" for o in article.organizations)),
        ("initiatives", ", ".join(article.initiatives)),
    ]
    evidence: dict[str, list[str]] = {}
    for mention in article.mentions:
        evidence.setdefault(f"{mention.kind} {mention.entity}", []).append(
            f"{mention.field}[{mention.start}:{mention.end}] {mention.text!r}"
        )
    if not colour:
        for name, value in facts:
            file.write(f"{name + ':':15}{value}\n")
        file.write("\nevidence:\n")
        for tag, places in evidence.items():
            file.write(f"  {tag}: {'; '.join(places)}\n")
        file.write("\nevents:\n")
        for line in event_lines(article.events):
            file.write(f"{line}\n")
        for field in ("title", "body"):
            text = article.field_text(field)
            if text:
                file.write(f"\n--- {field} ---\n{_bracketed(text, article.mentions, field)}\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=file)
    for name, value in facts:
        console.print(Text.assemble((f"{name + ':':15}", "bold"), str(value)))
    console.print(Text("\nevidence:", style="bold"))
    for tag, places in evidence.items():
        console.print(f"  [cyan]{tag}[/]: {'; '.join(places)}", markup=True, highlight=False)
    console.print(Text("\nevents:", style="bold"))
    for line in event_lines(article.events):
        console.print(Text(line))
    styles = {"country": "bold green", "organization": "bold magenta", "initiative": "bold cyan"}
    for field in ("title", "body"):
        text = article.field_text(field)
        if not text:
            continue
        marked = Text(text)
        for mention in article.mentions:
            if mention.field == field:
                marked.stylize(styles[mention.kind], mention.start, mention.end)
        console.print(Text(f"\n--- {field} ---", style="bold"))
        console.print(marked)


def event_lines(events: Sequence[Any]) -> list[str]:
    """Each deal event of an article (`show`): number, stage, date, parties, types, then
    every sentence that reports it, strongest first."""
    lines = []
    for event in events:
        date = str(event.date) if event.date else "undated"
        target = f" (target {event.target})" if event.target else ""
        parties = ", ".join(p.id if p.kind == "country" else p.name for p in event.parties)
        types = ", ".join(event.initiatives) or "-"
        lines.append(f"  {event.number}. {event.stage} {date}{target}: {parties} · {types}")
        lines += [f"     {e.field}[{e.start}:{e.end}] {e.text!r}" for e in event.evidence]
    return lines or ["  (none)"]


def _bracketed(text: str, mentions: Sequence[Any], field: str) -> str:
    spans = sorted((m.start, m.end) for m in mentions if m.field == field)
    out: list[str] = []
    position = 0
    for start, end in spans:
        if start < position:  # a country inside an organisation's name: mark once
            continue
        out += [text[position:start], "[", text[start:end], "]"]
        position = end
    out.append(text[position:])
    return "".join(out)


@contextmanager
def progress_bar(
    file: TextIO, label: str, *, at_least: int = 500
) -> Iterator[Callable[[int, int], None] | None]:
    """A `progress(done, total)` callback that draws a bar on `file` while long work runs
    (`total` of at least `at_least`); None when `file` is not a terminal.
    """
    if not file.isatty():
        yield None
        return
    bar: Any = None
    task: Any = None

    def progress(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if total < at_least:
                return
            from rich.console import Console
            from rich.progress import Progress

            bar = Progress(console=Console(file=file), transient=True)
            bar.start()
            task = bar.add_task(label, total=total)
        bar.update(task, completed=done)

    try:
        yield progress
    finally:
        if bar is not None:
            bar.stop()


# --- Output files -------------------------------------------------------------------


def output_refusal(
    path: Path, *, files: Mapping[Path, str], folders: Mapping[Path, str], replace: bool
) -> str | None:
    """Why rows must not be written to `path`, or None. `files` and `folders` name what
    must never be overwritten (the dictionary, the index; the articles folder, ...), even
    through a link; any other existing file is replaced only with `replace`.
    """
    target = path.resolve()
    for folder, what in folders.items():
        folder = folder.resolve()
        if target == folder or folder in target.parents:
            return f"refusing to write inside {what}"
    for file, what in files.items():
        if target == file.resolve() or (path.exists() and file.exists() and _same(path, file)):
            return f"that is {what}: refusing to overwrite it"
    if target.is_dir():
        return "that is a folder: give a file name"
    if not target.parent.is_dir():
        return f"folder {path.parent} does not exist"
    if path.exists() and not replace:
        return "the file exists: give --force to replace it"
    return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # a hard link is the same file too
    except OSError:
        return False


def write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Write a file through a temporary file beside it and a rename: a reader (or a crash)
    sees the old file or the new one, never half of one."""
    import tempfile  # only a command writing a file (-o) pays for it

    target = path.resolve()
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            write(file)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def render_lines(lines: Lines, fmt: Format, file: TextIO, *, wide: bool = False) -> None:
    """Rows kept ready to print (the store's), streamed: never all in memory at once,
    except for a table on a terminal, laid out for its width (render_table_stream)."""
    if fmt == "jsonl":
        file.writelines(line + "\n" for line in lines.json())
    elif fmt == "csv":  # the view's header (its fields), whether or not a row follows
        rows = iter(lines.csv())
        first = next(rows, "")  # asked first: a query that fails prints no header
        file.write(csv_line(lines.columns) + first)
        file.writelines(rows)
    elif fmt == "json":
        opened = False
        for row in lines.rows():
            text = json.dumps(row, ensure_ascii=False, indent=2)
            file.write(("[\n" if not opened else ",\n") + "  " + text.replace("\n", "\n  "))
            opened = True
        file.write("\n]\n" if opened else "[]\n")
    else:
        render_table_stream(lines.rows(), file, wide=wide)
