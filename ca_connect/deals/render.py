"""`caconnect deal ID`: one deal's storyline for reading.

On a terminal a rich layout (a heading, its facts, the history as a table); in a pipe
plain text, one history event per two lines (date, stage, parties, article, outlet; then
the evidence, cut to the line).
"""

from __future__ import annotations

from typing import Any, TextIO

from ..query import snippet

Record = dict[str, Any]  # a deal's record: model.Deal as JSON data (deals/rows.py)

_WIDTH = 80


def render_deal(deal: Record, file: TextIO) -> None:
    """`deal` as it stands (rows.record_as_of), read from its record: no model built."""
    if file.isatty():
        _rich(deal, file)
    else:
        file.write(_plain(deal))


def _facts(deal: Record) -> list[tuple[str, str]]:
    status = deal["status"] + (f" (since {deal['status_date']})" if deal["status_date"] else "")
    if deal["missed_targets"]:
        status += "; missed targets: " + ", ".join(deal["missed_targets"])
    seen = f"{deal['first_seen'] or 'undated'} .. {deal['last_seen'] or 'undated'}"
    outlets = f"{deal['outlets']} outlet" + ("" if deal["outlets"] == 1 else "s")
    articles = f"{deal['articles']} article" + ("" if deal["articles"] == 1 else "s")
    events = len(deal["history"])
    return [
        ("status", status),
        *(("parties" if i == 0 else "", _party(p)) for i, p in enumerate(deal["parties"])),
        ("types", ", ".join(deal["initiatives"]) or "-"),
        ("seen", f"{seen}, {events} events in {articles} from {outlets}"),
        *([("amounts", "; ".join(deal["amounts"]))] if deal["amounts"] else []),
    ]


def _party(party: Record) -> str:
    dropped = f", dropped at {party['dropped']}" if party["dropped"] else ""
    return f"{snippet(_label(party), 30)} (from {party['joined']}{dropped})"


def _label(party: Record) -> str:
    return party["id"] if party["kind"] == "country" else party["name"]


def _labels(deal: Record) -> dict[str, str]:
    """Each party's label by id (made once a deal: a hub deal has hundreds of parties)."""
    return {p["id"]: _label(p) for p in deal["parties"]}


def _parties(labels: dict[str, str], ids: list[str]) -> str:
    return ", ".join(labels.get(i, i) for i in ids)


def _plain(deal: Record) -> str:
    lines = [f"{deal['id']}: {deal['name']}" + (" [named]" if deal["named"] else "")]
    lines += [f"{key + ':' if key else '':<9}{value}" for key, value in _facts(deal)]
    lines += ["", "history:"]
    labels = _labels(deal)
    for entry in deal["history"]:
        date = entry["date"] or "undated"
        target = f" (target {entry['target']})" if entry["target"] else ""
        source = entry["source"]
        where = f"{entry['article']}#{entry['event']}" + (f" {source}" if source else "")
        parties = snippet(_parties(labels, entry["parties"]), 48)
        lines.append(f"  {date:<10}  {entry['stage']:<14} {parties}{target}")
        lines.append(f"  {'':<10}  {where}")
        lines.append(f"  {'':<10}  {snippet(entry['evidence'], _WIDTH - 14)}")
    lines += ["", "sources:"]
    for source in deal["sources"]:
        copy = f" (copy of {source['copy_of']})" if source["copy_of"] else ""
        date = source["date"] or "undated"
        lines.append(f"  {source['article']}  {date:<10}  {source['source'] or '-'}{copy}")
    return "\n".join(lines) + "\n"


def _rich(deal: Record, file: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file)
    named = ", named" if deal["named"] else ""
    console.print(f"[bold]{deal['name']}[/bold]  ({deal['id']}{named})")
    for key, value in _facts(deal):
        console.print(f"[bold]{key + ':' if key else '':<9}[/bold]{value}", highlight=False)
    table = Table(title="history", title_justify="left", header_style="bold")
    for column in ("date", "stage", "parties", "article", "evidence"):
        table.add_column(column, no_wrap=column in ("date", "stage", "article"))
    labels = _labels(deal)
    for entry in deal["history"]:
        table.add_row(
            entry["date"] or "undated",
            entry["stage"],
            _parties(labels, entry["parties"]),
            f"{entry['article']}#{entry['event']}\n{entry['source'] or ''}",
            entry["evidence"],
        )
    console.print(table)
    sources = Table(title="sources", title_justify="left", header_style="bold")
    for column in ("article", "date", "outlet", "title"):
        sources.add_column(column, no_wrap=column != "title")
    for source in deal["sources"]:
        copy = f" (copy of {source['copy_of']})" if source["copy_of"] else ""
        sources.add_row(
            source["article"],
            source["date"] or "undated",
            source["source"] or "-",
            (source["title"] or "") + copy,
        )
    console.print(sources)
