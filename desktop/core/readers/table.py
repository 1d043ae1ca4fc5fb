"""Spreadsheets and scraper output (.csv, .tsv, .xlsx): one document per row.

The first row names the columns. The text column is found by name (正文, 内容, 全文, 文本,
text, content, body; case-insensitive) unless the user names it; title, date, URL, source and
author likewise; every other column becomes a document variable under its own name. A row
without text is refused with its row number, as a spreadsheet numbers it (the header is 1);
the other rows go in. CSV bytes are decoded as plain text is (UTF-8, GB18030, Big5…).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.core import textio
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.source import (
    ROW,
    ReaderOptions,
    ReadResult,
    RowRefusal,
    SourceText,
)
from desktop.core.readers.variables import AUTHOR, DATE, SOURCE, TITLE, URL, tidy, with_date

TEXT = "text"
# Column names by variable, in order of preference, compared case-insensitively.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    TEXT: ("正文", "内容", "全文", "文本", "內容", "text", "content", "body"),
    TITLE: ("标题", "標題", "题目", "題目", "title", "headline"),
    DATE: (
        *("日期", "发布时间", "发布日期", "發布時間", "發佈日期", "时间", "時間"),
        *("date", "pubdate", "published", "publish_date"),
    ),
    URL: ("链接", "網址", "网址", "連結", "url", "link"),
    SOURCE: ("来源", "來源", "source", "site"),
    AUTHOR: ("作者", "author"),
}


def read_csv(data: bytes, options: ReaderOptions, delimiter: str | None = None) -> ReadResult:
    decoded = textio.decode_bytes(data)
    text = decoded.text
    if delimiter is None:
        delimiter = _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "not a readable CSV file: {0}").format(error)
        ) from error
    return documents_from_rows(rows, options, decoded.encoding)


def _delimiter(text: str) -> str:
    head = text[:4096].split("\n", 1)[0]
    counts = {d: head.count(d) for d in (",", "\t", ";", "，")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_xlsx(data: bytes, options: ReaderOptions) -> ReadResult:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import", "not a readable .xlsx (a damaged file, or not an Excel workbook)"
            )
        ) from error
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise textio.UnreadableFile(QT_TRANSLATE_NOOP("Import", "the workbook has no sheet"))
        rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return documents_from_rows(rows, options, "xlsx")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):  # a date cell
        return str(value.isoformat()).removesuffix("T00:00:00")
    return str(value)


def documents_from_rows(
    rows: Sequence[Sequence[str]], options: ReaderOptions, encoding: str
) -> ReadResult:
    rows = list(rows)
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise textio.UnreadableFile(QT_TRANSLATE_NOOP("Import", "the table is empty"))
    columns = Columns.of([cell.strip() for cell in rows[0]], options)
    results: ReadResult = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line between rows is no row
        results.append(document_from_cells(row, columns, encoding, number))
    if not results:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "the table has a header but no rows")
        )
    return results


@dataclass(frozen=True)
class Columns:
    """A table's column names and which of them hold the text, title, date… (their indexes)."""

    header: list[str]
    roles: dict[str, int]
    max_document_bytes: int | None = None  # a row's text above it is refused (None: default)

    @classmethod
    def of(cls, header: list[str], options: ReaderOptions) -> Columns:
        return cls(header, column_roles(header, options), options.max_document_bytes)


def document_from_cells(
    cells: Sequence[str], columns: Columns, encoding: str, number: int, unit: str = ROW
) -> SourceText | RowRefusal:
    """One row's document, or its refusal naming its ``number`` (a row, or a JSON line or
    record: ``unit``) when its text column is empty."""
    header, roles = columns.header, columns.roles
    cells = list(cells) + [""] * (len(header) - len(cells))
    unstorable = _unstorable_cell(cells, header)
    if unstorable:
        return RowRefusal(number, unstorable, unit)
    text = textio.normalise_line_ends(cells[roles[TEXT]]).strip("\n")
    if not text.strip():
        reason = QT_TRANSLATE_NOOP("Import", "no text in column {0!r}")
        return RowRefusal(number, reason.format(header[roles[TEXT]]), unit)
    limit = columns.max_document_bytes or textio.max_document_bytes()
    size = len(text.encode("utf-8"))
    if size > limit:
        return RowRefusal(number, textio.too_large_reason(size, limit), unit)
    return SourceText(text + "\n", encoding, _variables(header, cells, roles))


def _unstorable_cell(cells: Sequence[str], header: Sequence[str]) -> str:
    """Why a cell cannot be stored as text (a lone surrogate, as a JSON line's "\\ud800"
    makes), naming its column; "" when every cell can."""
    for index, cell in enumerate(cells):
        if cell.isascii():
            continue
        try:
            cell.encode("utf-8")
        except UnicodeEncodeError as error:
            name = header[index] if index < len(header) else str(index + 1)
            return QT_TRANSLATE_NOOP(
                "Import", "column {0!r} holds a lone surrogate (U+{1:04X}), which is not text"
            ).format(name, ord(cell[error.start]))
    return ""


def column_roles(header: list[str], options: ReaderOptions) -> dict[str, int]:
    """Which column holds the text, title, date… (their indexes); UnreadableFile naming the
    columns when no text column is found or a named one is missing."""
    roles: dict[str, int] = {}
    given = {TEXT: options.text_column, TITLE: options.title_column, DATE: options.date_column}
    for role, names in COLUMN_NAMES.items():
        chosen = given.get(role)
        index = _find(header, (chosen,) if chosen else names)
        if chosen and index is None:
            raise textio.UnreadableFile(
                QT_TRANSLATE_NOOP("Import", "no column {0!r}; the columns are: {1}").format(
                    chosen, _listed(header)
                )
            )
        if index is not None and index not in roles.values():
            roles[role] = index
    if TEXT not in roles:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import",
                "no text column (named 正文, 内容, 全文, 文本, text, content or body); "
                "the columns are: {0}; name one with --text-column",
            ).format(_listed(header))
        )
    return roles


def _find(header: list[str], names: Iterable[str]) -> int | None:
    folded = [cell.casefold() for cell in header]
    for name in names:
        if name.casefold() in folded:
            return folded.index(name.casefold())
    return None


def _listed(header: list[str]) -> str:
    return ", ".join(name or "(no name)" for name in header) or "(none)"


def _variables(header: list[str], cells: list[str], roles: dict[str, int]) -> dict[str, str]:
    variables: dict[str, str] = {}
    by_index = {index: role for role, index in roles.items()}
    for index, name in enumerate(header):
        value = tidy(cells[index]) if index < len(cells) else ""
        role = by_index.get(index)
        if role == TEXT or not value:
            continue
        if role == DATE:
            with_date(variables, value)
        elif role is not None:
            variables[role] = value
        elif name and name not in variables:
            variables[name] = value
        elif not name:
            variables[f"column {index + 1}"] = value
    return variables
