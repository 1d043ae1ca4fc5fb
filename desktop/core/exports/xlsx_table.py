"""A table as an Excel workbook (.xlsx), one sheet, the first row its header, frozen and
filtered: what a researcher opens in a spreadsheet (the coded segments report). openpyxl,
already a dependency for reading scrapers' .xlsx, writes it; imported only when one is
written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.core.exports.output import atomic_binary_file

# Excel refuses these in a cell (openpyxl raises IllegalCharacterError); a tab, line feed and
# carriage return are allowed.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# The most characters a cell holds.
CELL_LIMIT = 32_767


def cell_text(value: object) -> object:
    """A value as a cell holds it: numbers as numbers, text without the characters Excel
    refuses, cut to the cell's limit."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    if len(text) > CELL_LIMIT:
        text = text[:CELL_LIMIT]
    return _ILLEGAL.sub("\N{REPLACEMENT CHARACTER}", text) if _ILLEGAL.search(text) else text


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], sheet: str) -> None:
    """Write ``rows`` (the header first) to ``path`` so that a failure leaves nothing
    half-written. Text stays text: a tag reading "=SUM(A1)" is not a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    # The file first: a write-only sheet left unsaved complains when it is collected.
    with atomic_binary_file(path) as handle:
        book = Workbook(write_only=True)
        worksheet = book.create_sheet(sheet[:31])
        worksheet.freeze_panes = "A2"
        if rows:
            width = max(len(row) for row in rows)
            worksheet.auto_filter.ref = f"A1:{_column_letter(width)}{len(rows)}"
        bold = Font(bold=True)
        for number, row in enumerate(rows):
            values = [cell_text(value) for value in row]
            if number == 0:
                header = [WriteOnlyCell(worksheet, value=value) for value in values]
                for cell in header:
                    cell.font = bold
                worksheet.append(header)
                continue
            # Plain values are the quick path (a WriteOnlyCell per value costs half again);
            # only text openpyxl would take for a formula gets a cell that says it is text.
            worksheet.append([_as_text(worksheet, v) if _formula_like(v) else v for v in values])
        book.save(handle)


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _as_text(worksheet: Any, value: object) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(worksheet, value=value)
    cell.data_type = "s"  # never a formula: a tag reading "=SUM(A1)" is text
    return cell


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(max(1, number)))
