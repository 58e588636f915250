"""Stored rows streamed as text: what a command prints at any size in bounded memory."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ..output import csv_line
from .schema import PATH_MARK, unpack

Row = dict[str, Any]


@dataclass
class Lines:
    """The rows of one view that pass some filters, streamed from SQLite as text: JSON
    objects or CSV lines (output.render_lines). A view is the export record itself
    (`derive` None) or made from it (query.FROM_RECORD); its CSV lines may be stored
    ready (`csv_column`). Paths are filled in as the folder is named now."""

    columns: list[str]  # the CSV header
    fetch: Callable[[str], Iterator[tuple[str | None, Any]]]  # column -> (file name, value)
    folder: str
    derive: Callable[[Row], Row] | None = None  # the view's row from the export record
    csv_column: str | None = None  # the column of the view's CSV lines, stored ready

    def json(self) -> Iterator[str]:
        if self.derive is None:  # the record as stored
            return self._lines("record", True, _json_text)
        return (json.dumps(row, ensure_ascii=False) for row in self.rows())

    def csv(self) -> Iterator[str]:
        if self.csv_column is not None:
            return self._lines(self.csv_column, False, _csv_cell)
        if self.derive is None:
            raise ValueError("the export record is printed as JSON only")
        return (csv_line(row.values()) for row in self.rows())

    def rows(self) -> Iterator[Row]:
        if self.derive is None:
            return self._records()
        return map(self.derive, self._records())

    def _records(self) -> Iterator[Row]:
        folder = self.folder
        for name, value in self.fetch("record"):
            record = json.loads(unpack(value))
            if name is not None:
                record["path"] = os.path.join(folder, name)
            yield record

    def _lines(self, column: str, packed: bool, quoted: Callable[[str], str]) -> Iterator[str]:
        if not packed and "path" not in self.columns:  # as stored: no Python step a row
            return map(itemgetter(1), self.fetch(column))
        return self._with_paths(column, packed, quoted)

    def _with_paths(self, column: str, packed: bool, quoted: Callable[[str], str]) -> Iterator[str]:
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
