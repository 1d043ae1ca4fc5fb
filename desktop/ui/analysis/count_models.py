"""The tag-counts window's tables as Qt models over the counted results: a cross table of
200,000 documents by month, or the 80,000 tags behind its total, is painted a screenful at a
time instead of made into an item per cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.segment_listing import SegmentListing
from desktop.core.stats import TOTAL, CrossTable

_ROOT = QModelIndex()
# A cell's values: (row value, column value), None for a total.
CELL_ROLE = Qt.ItemDataRole.UserRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CrossTableModel(QAbstractTableModel):
    """A ``CrossTable`` as ``csv_rows`` lays it out, without its first row and column: the
    column values then the total, the row values then the total row; ``caption`` turns a
    value into its header (the total and "(none)" in the interface language)."""

    def __init__(self, caption: Callable[[object], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: CrossTable | None = None
        self.caption = caption

    def show(self, table: CrossTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def captions_changed(self) -> None:
        """The interface language changed: the headers say the total and "(none)" anew."""
        if self.table is not None:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.row_values) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.column_values) + 1

    def values(self, row: int, column: int) -> tuple[str | None, str | None]:
        """The (row value, column value) of a cell, None for a total."""
        assert self.table is not None
        rows, columns = self.table.row_values, self.table.column_values
        return (
            rows[row] if row < len(rows) else None,
            columns[column] if column < len(columns) else None,
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or self.table is None:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        row_value, column_value = self.values(index.row(), index.column())
        if role == CELL_ROLE:
            return row_value, column_value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        table = self.table
        if row_value is None:
            return table.total if column_value is None else table.column_totals[column_value]
        if column_value is None:
            return table.row_totals[row_value]
        return table.cells.get((row_value, column_value), 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self.table is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            values = self.table.column_values
        else:
            values = self.table.row_values
        return self.caption(values[section] if section < len(values) else TOTAL)


_TAG_COLUMNS = (
    QT_TRANSLATE_NOOP("TagsModel", "Document"),
    QT_TRANSLATE_NOOP("TagsModel", "Label"),
    QT_TRANSLATE_NOOP("TagsModel", "Text"),
)


class Listed(NamedTuple):
    """A row of ``TagsModel``: what it shows, and the tag (or entity mention) it shows."""

    title: str
    name: str
    text: str
    tag: Any  # a CodedSegment or a Mention: it has document_id, start and end


class TagsModel(QAbstractTableModel):
    """Tags a row each: their document's title, their label (or an entity's name), their
    words on one line; the tag itself under ``Qt.UserRole``. Either rows given (entity
    mentions), or a ``SegmentListing`` whose rows are read from the store as they are painted
    (every tag of a large project: never all of them in Python)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Listed] = []
        self.listing: SegmentListing | None = None
        self.names: dict[int, str] = {}  # a label's name (or path) by its id

    def show(self, rows: list[Listed]) -> None:
        self.beginResetModel()
        self.rows, self.listing = rows, None
        self.endResetModel()

    def show_listing(self, listing: SegmentListing, names: dict[int, str]) -> None:
        """The tags of ``listing``, each with its label's name in ``names``."""
        self.beginResetModel()
        self.rows, self.listing, self.names = [], listing, names
        self.endResetModel()

    def tags_changed(self) -> None:
        """The project's tags changed: a listing shown reads no more rows by rank until it
        is found again (see ``SegmentListing.changed``)."""
        if self.listing is not None:
            self.listing.changed()

    def _listed(self, row: int) -> Listed | None:
        if self.listing is None:
            return self.rows[row] if 0 <= row < len(self.rows) else None
        try:
            tag = self.listing.row(row)
        except IndexError:  # deleted since it was counted
            return None
        return Listed(tag.title, self.names.get(tag.label_id, ""), tag.text, tag)

    def tag(self, row: int) -> Any:
        """The tag (or mention) of a row, None past the last."""
        listed = self._listed(row)
        return None if listed is None else listed.tag

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid():
            return 0
        return len(self.rows) if self.listing is None else self.listing.total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_TAG_COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        listed = self._listed(index.row())
        if listed is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return listed.tag
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 2:
            return listed.text.replace("\n", " ")
        return listed.title if column == 0 else listed.name

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TagsModel", str(_TAG_COLUMNS[section]))
        return None
