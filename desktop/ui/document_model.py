"""The document list as a Qt model: pages fetched from the store on demand, never all texts."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.model import DocumentSummary
from desktop.core.store import Store

PAGE_SIZE = 200
_AnyIndex = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    COLUMNS = ("title", "date", "script", "length", "annotations", "status")
    HEADERS: ClassVar[dict[str, str]] = {
        "title": "Title",
        "date": "Date",
        "script": "Script",
        "length": "Length",
        "annotations": "Tags",
        "status": "Status",
    }

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[DocumentSummary] = []
        self._total = store.document_count()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = self._store.document_count()
        self.endResetModel()

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _AnyIndex) -> None:
        page = self._store.list_documents(offset=len(self._rows), limit=PAGE_SIZE)
        if not page:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[self.COLUMNS[section]]
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = {
                "title": summary.title,
                "date": summary.date,
                "script": summary.script,
                "length": summary.length,
                "annotations": summary.annotation_count,
                "status": summary.status.value,
            }
            return values[self.COLUMNS[index.column()]]
        return None

    def fetch_first_page(self) -> None:
        if not self._rows and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def document_id(self, row: int) -> int:
        return self._rows[row].id

    def row_of(self, document_id: int) -> int | None:
        while True:
            for row, summary in enumerate(self._rows):
                if summary.id == document_id:
                    return row
            if not self.canFetchMore(QModelIndex()):
                return None
            self.fetchMore(QModelIndex())
