"""The report's Plotly figures, from a ReportData. Imported only by `caconnect report`.

Every mark of the storyline chart carries, as customdata, its index in the page's list of
marks (`mark_records`), which the page's click handler shows in full.
"""

from __future__ import annotations

import html
import textwrap
from datetime import timedelta
from typing import Any

import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from .assemble import ReportData
from .storylines import Mark, Storyline

# Stage colours run light to dark with progress; plans are grey and hollow, halts red.
STAGE_STYLE = {
    "talks": ("#9ecae1", "circle"),
    "mou": ("#4292c6", "square"),
    "agreement": ("#08519c", "diamond"),
    "deployment": ("#41ab5d", "triangle-up"),
    "launch": ("#006d2c", "star"),
    "plan": ("#737373", "circle-open"),
    "cancelled": ("#d62728", "x-thin-open"),
    # Read by deals from their histories, not by the event extractor:
    "stalled": ("#ff7f0e", "hourglass"),
    "partner-change": ("#9467bd", "asterisk-open"),
}
_FONT = {"family": "system-ui, -apple-system, 'Segoe UI', sans-serif", "size": 12}
_LABEL_CHARS = 48  # lane names beyond this are cut (the full name is in the hover)
_LANE_HEIGHT = 38
_UNDATED_SLOTS = len(STAGE_STYLE)
_STAGE_OFFSET = 0.05  # lane heights between two stages' marks


def _layout(figure: go.Figure, height: int, **extra: Any) -> None:
    figure.update_layout(
        height=height,
        font=_FONT,
        margin={"l": 10, "r": 10, "t": 40, "b": 40},
        plot_bgcolor="white",
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        **extra,
    )


def lane_label(line: Storyline) -> str:
    """A lane's name, cut to fit, with its status and number of sources beneath."""
    name = line.name if len(line.name) <= _LABEL_CHARS else line.name[: _LABEL_CHARS - 1] + "…"
    sources = f"{line.sources} article{'s' if line.sources != 1 else ''}"
    if line.kind == "events":
        sources += " · no deal"
    status = f"<span style='font-size:10px;color:#555'>{line.status} · {sources}</span>"
    return f"{html.escape(name)}<br>{status}"


def mark_records(data: ReportData) -> list[dict[str, Any]]:
    """Every drawn mark with its evidence and article, in drawing order (the page's
    click handler and evidence table read these).
    """
    records = []
    for line in data.storylines:
        for mark in line.marks:
            article = data.articles.get(mark.article_id)
            records.append(
                {
                    "storyline": line.name,
                    "stage": mark.stage,
                    "date": mark.date.isoformat() if mark.date else None,
                    "precision": mark.date.precision if mark.date else None,
                    "target": mark.target.isoformat() if mark.target else None,
                    "count": mark.count,
                    "evidence": mark.evidence,
                    "article": mark.article_id,
                    "title": article.title if article else None,
                    "source": article.source if article else None,
                    "url": article.url if article else None,
                }
            )
    return records


def storyline_figure(data: ReportData) -> go.Figure:
    """One lane per storyline: dated marks on a time axis (a month or a year drawn as a
    span, the mark mid-span), undated marks in a column of their own on the right.
    """
    undated = any(mark.date is None for line in data.storylines for mark in line.marks)
    figure = make_subplots(
        rows=1,
        cols=2 if undated else 1,
        shared_yaxes=True,
        column_widths=[0.88, 0.12] if undated else None,
        horizontal_spacing=0.01,
    )
    labels = [lane_label(line) for line in data.storylines]
    records = mark_records(data)
    placed: dict[str, dict[str, list[Any]]] = {}
    spans: dict[str, dict[str, list[Any]]] = {}
    index = 0
    for lane, line in enumerate(data.storylines):
        for mark in line.marks:
            points = placed.setdefault(mark.stage, _points())
            # Stages sit a little apart in their lane, so that two on one date both show.
            y = lane + (list(STAGE_STYLE).index(mark.stage) - 4) * _STAGE_OFFSET
            _place(points, mark, y, index, records[index])
            if mark.date is not None and mark.date.precision != "day":
                span = spans.setdefault(mark.stage, {"x": [], "y": []})
                end = mark.date.last_day() + timedelta(days=1)
                span["x"] += [mark.date.first_day(), end, None]
                span["y"] += [y, y, None]
            index += 1
    for stage, (colour, symbol) in STAGE_STYLE.items():
        if stage in spans:
            figure.add_trace(
                go.Scatter(
                    **spans[stage],
                    mode="lines",
                    line={"color": colour, "width": 12},
                    opacity=0.35,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=stage,
                ),
                row=1,
                col=1,
            )
        if stage not in placed:
            continue
        points = placed[stage]
        for col, dated in ((1, True), (2, False)):
            chosen = [i for i, is_dated in enumerate(points["dated"]) if is_dated == dated]
            if not chosen:
                continue
            figure.add_trace(
                go.Scatter(
                    x=[points["x"][i] for i in chosen],
                    y=[points["y"][i] for i in chosen],
                    customdata=[points["index"][i] for i in chosen],
                    hovertext=[points["hover"][i] for i in chosen],
                    text=[points["text"][i] for i in chosen],
                    mode="markers+text",
                    textposition="middle right",
                    textfont={"size": 10, "color": "#444"},
                    marker={
                        "color": colour,
                        "size": 13,
                        "symbol": symbol,
                        "line": {"width": 1.5, "color": colour},
                    },
                    hoverinfo="text",
                    name=stage,
                    legendgroup=stage,
                    showlegend=not any(t.name == stage for t in figure.data),
                ),
                row=1,
                col=col,
            )
    figure.update_yaxes(
        tickvals=list(range(len(labels))),
        ticktext=labels,
        range=[len(labels) - 0.5, -0.5],
        zeroline=False,
        showgrid=True,
        gridcolor="#eee",
    )
    figure.update_xaxes(type="date", showgrid=True, gridcolor="#eee", row=1, col=1)
    if undated:
        figure.update_xaxes(
            range=[-1, _UNDATED_SLOTS],
            showticklabels=False,
            showgrid=False,
            title_text="undated",
            row=1,
            col=2,
        )
    _layout(figure, 110 + _LANE_HEIGHT * max(1, len(labels)), hovermode="closest")
    return figure


def _points() -> dict[str, list[Any]]:
    return {k: [] for k in ("x", "y", "index", "hover", "text", "dated")}


def _place(points: dict[str, list[Any]], mark: Mark, y: float, index: int, record: dict) -> None:
    if mark.date is None:
        points["x"].append(list(STAGE_STYLE).index(mark.stage))
    else:
        first, last = mark.date.first_day(), mark.date.last_day()
        points["x"].append(first + (last - first) / 2)
    points["y"].append(y)
    points["index"].append(index)
    points["hover"].append(_hover(record))
    points["text"].append(f"×{mark.count}" if mark.count > 1 else "")
    points["dated"].append(mark.date is not None)


def _hover(record: dict[str, Any]) -> str:
    when = record["date"] or "undated"
    if record["precision"] in ("month", "year"):
        when += f" (to the {record['precision']})"
    if record["target"]:
        when += f", aiming at {record['target']}"
    lines = [f"<b>{record['stage']}</b> · {html.escape(when)}"]
    lines += [html.escape(part) for part in textwrap.wrap(record["evidence"], 90)]
    source = " · ".join(filter(None, [record["article"], record["source"]]))
    lines.append(f"<i>{html.escape(source)}</i>")
    if record["count"] > 1:
        lines.append(f"{record['count']} events at this stage and date; the first is shown")
    return "<br>".join(lines)


def partners_figure(data: ReportData) -> go.Figure:
    """Each country's partners, most events first, bars stacked by stage, with the
    furthest stage reached at the end of each bar.
    """
    countries = [(code, name, rows) for code, (name, rows) in data.partners.items()]
    heights = [max(1, len(rows)) for _, _, rows in countries] or [1]
    figure = make_subplots(
        rows=len(heights),
        cols=1,
        row_heights=heights,
        vertical_spacing=min(0.08, 0.3 / len(heights)),
        subplot_titles=[f"{name} ({code})" for code, name, _ in countries] or ["no events"],
    )
    shown: set[str] = set()
    for row, (_, _, partners) in enumerate(countries, start=1):
        names = [html.escape(partner.name) for partner in partners]
        for stage, (colour, _) in STAGE_STYLE.items():
            counts = [partner.stages.get(stage, 0) for partner in partners]
            if not any(counts):
                continue
            figure.add_trace(
                go.Bar(
                    x=counts,
                    y=names,
                    orientation="h",
                    name=stage,
                    marker_color=colour,
                    legendgroup=stage,
                    showlegend=stage not in shown,
                    hovertemplate=f"%{{y}}: %{{x}} {stage} event(s)<extra></extra>",
                ),
                row=row,
                col=1,
            )
            shown.add(stage)
        figure.add_trace(
            go.Scatter(
                x=[partner.events for partner in partners],
                y=names,
                mode="text",
                text=[
                    f"  {partner.events} · {partner.reached or 'no progress'}"
                    for partner in partners
                ],
                textposition="middle right",
                hoverinfo="skip",
                showlegend=False,
            ),
            row=row,
            col=1,
        )
        figure.update_yaxes(autorange="reversed", row=row, col=1)
        most = max((partner.events for partner in partners), default=1)
        figure.update_xaxes(
            range=[0, most * 1.35 + 1], tick0=0, dtick=max(1, round(most / 5)), row=row, col=1
        )
    figure.update_layout(barmode="stack")
    _layout(figure, 140 + 26 * sum(heights) + 50 * len(heights))
    figure.update_layout(legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"})
    return figure


def yearly_figure(counts: dict[str, Any], colours: dict[str, str], title: str) -> go.Figure:
    """Events per year, stacked by the keys of `counts` (years in order, undated last)."""
    years = list(counts)
    keys = sorted({key for counter in counts.values() for key in counter}, key=list(colours).index)
    figure = go.Figure()
    for key in keys:
        figure.add_trace(
            go.Bar(
                x=years,
                y=[counts[year][key] for year in years],
                name=key,
                marker_color=colours[key],
                hovertemplate=f"%{{x}}: %{{y}} {key} event(s)<extra></extra>",
            )
        )
    figure.update_xaxes(type="category")
    _layout(figure, 300, barmode="stack", title={"text": title, "font": {"size": 14}})
    figure.update_layout(legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top"})
    return figure


def initiative_colours(types: list[str]) -> dict[str, str]:
    palette = qualitative.Safe
    return {name: palette[i % len(palette)] for i, name in enumerate(types)}


def stage_colours() -> dict[str, str]:
    return {stage: colour for stage, (colour, _) in STAGE_STYLE.items()}
