"""Stored rows streamed as text: what a command prints at any size in bounded memory."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..output import csv_line
from .ingest import PATH_MARK
from .schema import unpack


@dataclass
class Lines:
    """Stored rows of one view that pass some filters, streamed from SQLite as text: JSON
    objects or CSV lines (output.render_lines). Paths are filled in as the folder is
    named now."""

    columns: list[str]  # the CSV header
    fetch: Callable[[str], Iterator[tuple[str | None, Any]]]  # column -> (file name, value)
    json_column: str | None
    csv_column: str | None
    folder: str
    derive: Callable[[dict[str, Any]], dict[str, Any]] | None = None  # CSV rows from records

    def json(self) -> Iterator[str]:
        if self.json_column is None:
            raise ValueError("this view is stored as CSV only")
        return self._lines(self.json_column, True, _json_text)

    def csv(self) -> Iterator[str]:
        if self.csv_column is None:
            raise ValueError("this view is stored as JSON only")
        if self.derive is not None:
            return self._derived(self.derive)
        return self._lines(self.csv_column, False, _csv_cell)

    def _derived(self, derive: Callable[[dict[str, Any]], dict[str, Any]]) -> Iterator[str]:
        return (csv_line(derive(record).values()) for record in self._records())

    def rows(self) -> Iterator[dict[str, Any]]:
        if self.derive is not None:
            return (self.derive(record) for record in self._records())
        return (json.loads(line) for line in self.json())

    def _records(self) -> Iterator[dict[str, Any]]:
        folder = self.folder
        for name, value in self.fetch("record"):
            record = json.loads(unpack(value))
            if name is not None:
                record["path"] = os.path.join(folder, name)
            yield record

    def _lines(self, column: str, packed: bool, quoted: Callable[[str], str]) -> Iterator[str]:
        folder, mark = self.folder, PATH_MARK
        marked = quoted(mark)
        with_path = "path" in self.columns
        for name, value in self.fetch(column):
            line = unpack(value) if packed else value
            if with_path and name is not None:
                line = line.replace(marked, quoted(os.path.join(folder, name)))
            yield line


def _json_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _csv_cell(text: str) -> str:
    return csv_line([text])[:-1]
