"""The document list as a Qt model over :class:`DocumentListing`: every row counted, only the
rows painted read (a block at a time, by keyset from the SQL indexes), never all of them.

Sorting and filtering happen in SQL (a proxy model would need every row loaded), so the list
stays responsive with a million documents (issue 17): the view asks for the rows it paints. The
document variables the user chose are columns after the fixed ones, read with each block.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from desktop.core.document_listing import DocumentListing
from desktop.core.model import DocumentFilter, DocumentSummary, ListOrder, Status
from desktop.core.store import Store
from desktop.core.store.team import ADJUDICATED
from desktop.ui.common.names import display_name
from desktop.ui.common.variable_names import variable_label

_AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _header(text: str) -> str:
    return QCoreApplication.translate("DocumentTableModel", text)


def _done_mark() -> QIcon:
    """A green tick, drawn (not a theme icon: those are missing on some desktops)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#2e7d32"), 2.5))
    painter.drawPolyline([QPointF(3, 8.5), QPointF(6.5, 12), QPointF(13, 4)])
    painter.end()
    return QIcon(pixmap)


class DocumentTableModel(QAbstractTableModel):
    COLUMNS = ("title", "file", "date", "source", "script", "length", "annotations", "status")
    # Marked for translation here (lupdate reads these), translated when shown.
    _HEADER_SOURCES = (
        QT_TRANSLATE_NOOP("DocumentTableModel", "Title"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "File"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Date"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Source"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Script"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Length"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Tags"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Status"),
    )

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._listing = DocumentListing(store)
        self._done_mark: QIcon | None = None  # made on first use (needs the application)
        self._with_memos = store.targets_with_memos("document")  # marked ✎ before the title
        self._adjudicated = store.adjudicated_document_ids()  # marked ⚖ before the title

    @property
    def total(self) -> int:
        """How many documents match the filter (all rows of the list)."""
        return self._listing.total

    def set_store(self, store: Store) -> None:
        self._store = store
        self._listing.store = store
        self.reload()

    def reload(self) -> None:
        """Re-read the list from the store: counted again, its rows read when painted."""
        self.beginResetModel()
        self._listing.recount()
        self._with_memos = self._store.targets_with_memos("document")
        self._adjudicated = self._store.adjudicated_document_ids()
        self.endResetModel()

    def set_filter(self, needles: Sequence[str]) -> None:
        """Show only documents whose title or text contains any of ``needles``."""
        self.set_document_filter(
            replace(self.document_filter, containing=tuple(n for n in needles if n))
        )

    def set_document_filter(self, shown: DocumentFilter) -> None:
        """Show only the documents ``shown`` lets through (text, source, date range)."""
        self._listing.where = shown
        self.reload()

    @property
    def document_filter(self) -> DocumentFilter:
        return self._listing.where

    @property
    def order(self) -> ListOrder:
        return self._listing.order

    @property
    def variable_columns(self) -> tuple[str, ...]:
        return self._listing.variables

    def set_variable_columns(self, names: Sequence[str]) -> None:
        """Show these document variables as columns after the fixed ones, in this order."""
        names = tuple(dict.fromkeys(name for name in names if name))
        if names == self._listing.variables:
            return
        order = self._listing.order
        if order.variable and order.variable not in names:
            # Its column went: back to the fixed column's order.
            self._listing.order = replace(order, variable="")
        self.beginResetModel()
        self._listing.variables = names
        self._listing.recount()
        self.endResetModel()

    def variable_at(self, column: int) -> str:
        """The variable a column shows; "" for a fixed column."""
        index = column - len(self.COLUMNS)
        variables = self._listing.variables
        return variables[index] if 0 <= index < len(variables) else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        current = self._listing.order
        variable = self.variable_at(column)
        if variable:
            current = replace(current, variable=variable)
        elif 0 <= column < len(self.COLUMNS):
            current = ListOrder(self.COLUMNS[column])
        self._listing.order = replace(current, descending=order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def rowCount(self, parent: _AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else self._listing.total

    def columnCount(self, parent: _AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS) + len(self._listing.variables)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        variable = self.variable_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                variable_label(variable)
                if variable
                else _header(str(self._HEADER_SOURCES[section]))
            )
        if role == Qt.ItemDataRole.ToolTipRole and variable:
            return variable  # the name the exports and `jiyao stats` use
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._summary(index.row())
        if summary is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return summary.id
        if index.column() >= len(self.COLUMNS):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return summary.variables.get(self.variable_at(index.column()), "")
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("length", "annotations"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == "title" and role == Qt.ItemDataRole.DecorationRole:
            return self._status_mark(summary)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "file"):
            return self._tooltip(summary)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # Called for every visible cell at every paint: only the asked column is worked out.
            if column == "file":
                return PurePath(summary.source_path).name if summary.source_path else ""
            if column == "script":
                return display_name(summary.script)
            if column == "status":
                return display_name(summary.status.value)
            if column == "annotations":
                return summary.annotation_count
            if column == "title":
                return self._marked_title(summary)
            return getattr(summary, column)
        return None

    def _marked_title(self, summary: DocumentSummary) -> str:
        """The title, after ⚖ when the document is adjudicated (issue 16) and ✎ when it has
        memos."""
        marks = ("⚖ " if summary.id in self._adjudicated else "") + (
            "✎ " if summary.id in self._with_memos else ""
        )
        return marks + summary.title

    def _status_mark(self, summary: DocumentSummary) -> QIcon | None:
        """A tick beside a done document's title: the status column is often scrolled off."""
        if summary.status is not Status.DONE:
            return None
        if self._done_mark is None:
            self._done_mark = _done_mark()
        return self._done_mark

    def _tooltip(self, summary: DocumentSummary) -> str:
        """Title, the file it came from (same titles are told apart by it), and its status."""
        translate = QCoreApplication.translate
        source = summary.source_path or translate("DocumentTableModel", "(not from a file)")
        status = translate("DocumentTableModel", "Status: {0}")
        status = status.format(display_name(summary.status.value))
        return "\n".join([summary.title, source, status, *self._team_lines(summary.id)])

    def _team_lines(self, document_id: int) -> list[str]:
        """Who coded the document and how far they got, and whether it is adjudicated (issue
        16): nothing for a project that no merge made."""
        translate = QCoreApplication.translate
        lines = []
        coders = self._store.coder_statuses(document_id)
        if coders:
            said = ", ".join(f"{name} ({display_name(state)})" for name, state in coders.items())
            lines.append(translate("DocumentTableModel", "Coders: {0}").format(said))
        for adjudicator, state in self._store.adjudication_status(document_id).items():
            text = (
                translate("DocumentTableModel", "Adjudicated ({0})")
                if state == Status.DONE.value
                else translate("DocumentTableModel", "Adjudication under way ({0})")
            )
            lines.append(text.format(adjudicator))
        return lines

    def _summary(self, row: int) -> DocumentSummary | None:
        """The row's document; None when it went since the list was counted (a deletion
        elsewhere: the list is read again)."""
        try:
            return self._listing.row(row)
        except IndexError:
            return None

    def refresh_document(self, document_id: int) -> None:
        """Re-read one row (its tag count, status or memos changed) without resetting the
        list."""
        self._with_memos = self._store.targets_with_memos("document")
        self._adjudicated.discard(document_id)
        if ADJUDICATED in self._store.adjudication_status(document_id).values():
            self._adjudicated.add(document_id)
        # Its text is as it was: its length is not counted again.
        before = self._listing.cached_summary(document_id)
        summary = self._store.document_summary(
            document_id, self._listing.variables, length=before.length if before else None
        )
        row = self._listing.replace(document_id, summary)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_rows(self) -> None:
        """Re-read the rows (tag counts changed across documents, e.g. a label was deleted or
        merged) when next painted, without a reset, which would drop the list's selection."""
        if self._store.document_count(where=self.document_filter) != self._listing.total:
            self.reload()  # documents came or went: the rows no longer line up
            return
        if not self._listing.total:
            return
        self._adjudicated = self._store.adjudicated_document_ids()
        self._listing.forget_rows()
        last = self.index(self._listing.total - 1, self.columnCount() - 1)
        self.dataChanged.emit(self.index(0, 0), last)

    def fetch_first_page(self) -> None:
        """Read the first rows now (the view reads them when it paints)."""
        if self._listing.total:
            self._summary(0)

    def document_id(self, row: int) -> int:
        return self._listing.row(row).id

    def row_of(self, document_id: int) -> int | None:
        """The row of a document (None if filtered out)."""
        return self._listing.rank_of(document_id)
