"""A table as an Excel workbook (.xlsx), one sheet, the first row its header, frozen and
filtered: what a researcher opens in a spreadsheet (the coded segments report). openpyxl,
already a dependency for reading scrapers' .xlsx, writes it; imported only when one is
written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

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
    return _ILLEGAL.sub("\N{REPLACEMENT CHARACTER}", text)[:CELL_LIMIT]


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
            cells = []
            for value in row:
                cell = WriteOnlyCell(worksheet, value=cell_text(value))
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula
                if number == 0:
                    cell.font = bold
                cells.append(cell)
            worksheet.append(cells)
        book.save(handle)


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(max(1, number)))
