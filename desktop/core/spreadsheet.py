"""CSV for people to open in a spreadsheet: a text cell a spreadsheet would run as a formula
is written as text (OWASP, "CSV Injection"). Every CSV Jiyao writes for a person goes through
:class:`SafeCsvWriter`: exports, reports, search hits, counts, agreement."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

# What makes a spreadsheet take a cell for a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, with ``'`` in front (shown as
    text, and the cell's text is the value again once that ``'`` is taken off); anything
    else unchanged. Numbers (ids, offsets) are never touched."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` over ``file`` whose text cells are made spreadsheet-safe unless ``raw``:
    every CSV Jiyao writes for a person to open goes through it."""

    def __init__(self, file: Any, *, raw: bool = False) -> None:
        self._writer = csv.writer(file)
        self._raw = raw

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow(row if self._raw else [spreadsheet_safe(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)
