"""Tables on a terminal, laid out for its width (80 columns and up); no word is ever split.

Each column gets a role from its name and its cells, so a new column needs no code here:
- key: ids, dates, stages, codes, numbers: never wrapped, never cut;
- text: the table's free-text column (the first of TEXT_COLUMNS it has): one line that
  takes the width the other columns leave, cut with "…";
- words: other cells with spaces (names, lists joined by ", "): wrapped between words,
  at most MAX_LINES lines (the last one ending in "…" when there is more).
When the columns do not fit, a date's precision and what dated it fold into the date
(`2015-04 (s)`: the precision is the date's own form), then columns are dropped in
DROP_ORDER (numbers without a known name count as `<counts>`, rightmost first) until
they do; a caption names what was dropped. Only when the columns that are left still do
not fit do the free text, then the words, narrow below their least width (never keys).
`wide` shows every column as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

TEXT_COLUMNS = ("evidence", "message", "example", "aliases", "title")
KEY_COLUMNS = frozenset(
    ["date", "first", "last", "id", "article", "stage", "subject", "check", "events", "articles"]
)
# Dropped first to last when a table is too wide; columns not named here are kept.
DROP_ORDER = (
    *("path", "url", "source", "organization_ids", "mentions"),
    *("precision", "dated_by", "planned", "event", "kind", "id", "<counts>"),
    *("initiatives", "organizations", "countries"),
)
NAME_COLUMNS = ("partner", "name")  # a table with one of these can drop its `id`
TEXT_MIN = 16  # characters the free-text column keeps before columns are dropped
SQUEEZED_MIN = 8  # ... and the least it or a words column gets when nothing more can go
MAX_LINES = 2  # lines of a words cell
WORDS_WIDTH = 24  # a words column grows to this before the free text grows
GAP = 2  # spaces between columns
# `dated_by` folded into the date: `2015-04 (s)`; the caption spells them out.
DATED_BY_MARKS = {"sentence": "s", "next-sentence": "n", "article": "a", "title": "t"}
TARGET_MARK = "*"  # `2026 (s*)`: a planned event's target date


@dataclass
class Layout:
    """The columns to show, how wide each is, and what was left out."""

    columns: list[str]
    cells: list[list[str]]
    widths: dict[str, int]
    roles: dict[str, str]  # column: key | text | words
    dropped: list[str]
    marks: list[str]  # the dated_by marks used, for the caption


def lay_out(
    columns: Sequence[str], cells: Sequence[Sequence[str]], width: int, *, wide: bool = False
) -> Layout:
    """Fit a table (cells as text, one list per row) into `width` character columns."""
    from rich.cells import cell_len

    columns = list(columns)
    rows = [list(row) for row in cells]
    marks: list[str] = []
    if not wide and {"date", "precision", "dated_by"} <= set(columns):
        columns, rows, marks = _fold_dates(columns, rows)
    text = next((c for c in TEXT_COLUMNS if c in columns), None)
    roles = {
        column: _role(column, text, [row[i] for row in rows]) for i, column in enumerate(columns)
    }
    natural = {
        column: max([cell_len(column), *(cell_len(row[i]) for row in rows)])
        for i, column in enumerate(columns)
    }
    least = {
        column: _least(column, roles[column], natural[column], rows, columns) for column in columns
    }

    def needed(kept: list[str]) -> int:
        return sum(least[c] for c in kept) + GAP * (len(kept) - 1)

    kept = list(columns)
    dropped: list[str] = []
    if not wide:
        for column in _drop_order(columns, rows):
            if needed(kept) <= width:
                break
            kept.remove(column)
            dropped.append(column)
    over = needed(kept) - width
    squeezable = [c for c in kept if roles[c] == "text"] + [
        c for c in reversed(kept) if roles[c] == "words"
    ]
    for column in squeezable:
        if over <= 0:
            break
        cut = min(over, max(least[column] - SQUEEZED_MIN, 0))
        least[column] -= cut
        over -= cut
    for column in squeezable:  # keys never shrink: rather the text, then words, go
        if needed(kept) <= width or wide or len(kept) == 1:
            break
        kept.remove(column)
        dropped.append(column)
    widths = dict(least)
    spare = width - needed(kept)
    # What is left goes to words columns up to WORDS_WIDTH, then to the free text, then
    # to the words columns again.
    words = [c for c in kept if roles[c] == "words"]
    texts = [c for c in kept if roles[c] == "text"]
    for columns_now, cap in ((words, WORDS_WIDTH), (texts, None), (words, None)):
        for column in columns_now:
            target = natural[column] if cap is None else min(natural[column], cap)
            grow = min(max(target - widths[column], 0), max(spare, 0))
            widths[column] += grow
            spare -= grow
    if wide:
        widths = natural
    indexes = [columns.index(c) for c in kept]
    shown = [[row[i] for i in indexes] for row in rows]
    return Layout(kept, shown, {c: widths[c] for c in kept}, roles, dropped, marks)


def _fold_dates(
    columns: list[str], rows: list[list[str]]
) -> tuple[list[str], list[list[str]], list[str]]:
    date, dated_by = columns.index("date"), columns.index("dated_by")
    planned = columns.index("planned") if "planned" in columns else None
    used: dict[str, None] = {}
    for row in rows:
        notes = []
        if row[dated_by]:
            mark = DATED_BY_MARKS.get(row[dated_by], row[dated_by])
            used[row[dated_by]] = None
            notes.append(mark)
        if planned is not None and row[planned]:
            notes.append(TARGET_MARK)
        if row[date] != "undated" and notes:
            row[date] = f"{row[date]} ({''.join(notes)})"
    gone = {"precision", "dated_by", "planned"}
    keep = [i for i, column in enumerate(columns) if column not in gone]
    marks = [f"{DATED_BY_MARKS.get(by, by)} {by.replace('-', ' ')}" for by in used]
    if planned is not None and any(row[planned] for row in rows):
        marks.append(f"{TARGET_MARK} a target date")
    return [columns[i] for i in keep], [[row[i] for i in keep] for row in rows], marks


def _role(column: str, text: str | None, values: list[str]) -> str:
    if column == text:
        return "text"
    if column in KEY_COLUMNS or not any(" " in value for value in values):
        return "key"
    return "words"


def _least(column: str, role: str, natural: int, rows: list[list[str]], columns: list[str]) -> int:
    """The narrowest a column may be: keys whole, text TEXT_MIN, words their longest word."""
    from rich.cells import cell_len

    if role == "key":
        return natural
    if role == "text":
        return min(natural, TEXT_MIN)
    index = columns.index(column)
    words = [cell_len(word) for row in rows for word in row[index].split()]
    return min(natural, max([cell_len(column), *words]))


def _drop_order(columns: list[str], rows: list[list[str]]) -> list[str]:
    counts = [
        column
        for i, column in enumerate(columns)
        if column not in DROP_ORDER
        and column not in KEY_COLUMNS
        and rows
        and all(row[i].isdigit() for row in rows)
    ]
    order: list[str] = []
    for name in DROP_ORDER:
        if name == "<counts>":
            order += reversed(counts)
        elif name in columns and (name != "id" or any(c in columns for c in NAME_COLUMNS)):
            order.append(name)
    return order


def print_table(
    console: Any,
    columns: Sequence[str],
    cells: Sequence[Sequence[str]],
    title: str | None,
    *,
    wide: bool = False,
) -> None:
    """Print a table on a rich Console, laid out for the console's width."""
    from rich.table import Table

    layout = lay_out(columns, cells, console.width, wide=wide)
    notes = []
    if layout.marks:
        notes.append("dated by: " + ", ".join(layout.marks))
    if layout.dropped:
        notes.append(f"not shown: {', '.join(layout.dropped)} (--wide shows every column)")
    full = sum(layout.widths.values()) + GAP * (len(layout.columns) - 1)
    table = Table(
        title=title,
        title_justify="left",
        caption="; ".join(notes) or None,
        caption_justify="left",
        header_style="bold",
        box=None,
        padding=(0, GAP // 2),
        pad_edge=False,
    )
    for column in layout.columns:
        table.add_column(
            column.replace("_", " "),
            width=layout.widths[column],
            min_width=layout.widths[column],
            no_wrap=True,
            overflow="ellipsis",
        )
    words = [layout.roles[c] == "words" for c in layout.columns]
    for row in layout.cells:
        table.add_row(
            *(
                _wrapped(cell, layout.widths[column]) if wrap else cell
                for cell, column, wrap in zip(row, layout.columns, words, strict=True)
            )
        )
    if not wide:
        console.print(table)
        return
    # --wide: as wide as the table is; the terminal wraps what it cannot show.
    width = console.width
    console.width = max(width, full)
    try:
        console.print(table, crop=False)
    finally:
        console.width = width


def _wrapped(text: str, width: int) -> str:
    """`text` in lines of `width` broken between words, at most MAX_LINES of them."""
    import textwrap

    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(lines) > MAX_LINES:
        rest = " ".join(lines[MAX_LINES - 1 :])
        last = textwrap.shorten(rest, width, placeholder="…")  # whole words, then "…"
        lines = [*lines[: MAX_LINES - 1], last if last != "…" else rest[: width - 1] + "…"]
    return "\n".join(lines)
