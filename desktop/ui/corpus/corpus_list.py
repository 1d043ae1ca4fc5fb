"""The corpus column: a filter box over the table of documents, moving through it, and its
context menu (edit a document's details, delete documents: Delete key too). The list only asks;
the corpus actions (corpus_actions) confirm, write and make it undoable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.search import script_variants
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.workspace import Workspace

FILTER_DELAY_MS = 250
TITLE_WIDTH = 220
FILE_WIDTH = 110


class CorpusList(QWidget):
    """The project's documents, filtered by title or text in either script.

    ``documentChosen(id)`` when the user (or :meth:`select_document`) selects a document;
    ``statusChanged(message)`` for the status bar; ``deleteRequested(ids)`` and
    ``editRequested(id)`` from the context menu (and the Delete key);
    ``setVariableRequested(ids)`` to give the selected documents a variable at once.
    """

    documentChosen = Signal(int)
    statusChanged = Signal(str)
    deleteRequested = Signal(list)
    editRequested = Signal(int)
    setVariableRequested = Signal(list)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = DocumentTableModel(workspace.store, self)
        # Another project open: its documents, from the first page.
        workspace.projectSwitched.connect(self.documents.set_store)
        # Documents stored by an import (or deleted, or restored): the list reads them again.
        workspace.documentsChanged.connect(self.documents.reload)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        # Typing pauses before the corpus is searched again: one query per word, not per key.
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.table = self._build_table()
        self.delete_action = QAction(self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Only while the list has the focus: Delete means "reject" in the reading panes.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self._request_delete)
        self.table.addAction(self.delete_action)
        self.edit_action = QAction(self.table)
        self.edit_action.triggered.connect(self._request_edit)
        self.set_variable_action = QAction(
            self.tr("Set a &variable for the selected documents…"), self.table
        )
        self.set_variable_action.triggered.connect(self._request_set_variable)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.offer_menu)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_box)
        column.addWidget(self.table)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The list's words in the interface language (also after View > Language): the
        column headers and the script and status cells are read again from the model."""
        self.filter_box.setPlaceholderText(self.tr("Filter by title or text, either script"))
        self.delete_action.setText(self.tr("&Delete document…"))
        self.edit_action.setText(self.tr("&Edit title, source and date…"))
        columns = self.documents.columnCount()
        if columns:
            self.documents.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        self.table.viewport().update()

    def _build_table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.documents)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        # Tab moves on to the reader (cell by cell it opened a document every few presses);
        # the arrow keys move within the list.
        view.setTabKeyNavigation(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(70)
        # The title and file columns first and wide enough to read; the rest scroll into view.
        # (A stretched title shrank to nothing once the columns were wider than the pane.)
        header.resizeSection(0, TITLE_WIDTH)
        header.resizeSection(DocumentTableModel.COLUMNS.index("file"), FILE_WIDTH)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        view.selectionModel().selectionChanged.connect(self._on_selection)
        return view

    def select_document(self, document_id: int | None = None) -> None:
        """Select a document by id (the first one when None); it is chosen and shown."""
        if document_id is None:
            self.documents.fetch_first_page()
            row: int | None = 0 if self.documents.rowCount() else None
        else:
            row = self.documents.row_of(document_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.documents.index(row, 0))

    def step(self, step: int) -> None:
        """Select the document ``step`` rows below (above, when negative) the selected one."""
        rows = self.table.selectionModel().selectedRows()
        row = (rows[0].row() + step) if rows else 0
        if row >= self.documents.rowCount() and self.documents.canFetchMore(QModelIndex()):
            self.documents.fetchMore(QModelIndex())
        if 0 <= row < self.documents.rowCount():
            self.table.selectRow(row)

    def clear_filter(self) -> None:
        """Show every document again, at once (not after the typing pause)."""
        self.filter_box.clear()
        self.apply_filter()

    def apply_filter(self) -> None:
        self._filter_timer.stop()  # applied now: a pending run would only repeat it
        query = self.filter_box.text().strip()
        self.documents.set_filter(script_variants(query) if query else [])
        self.statusChanged.emit(self.tr("%n document(s)", "", self.documents.total))

    def selected_ids(self) -> list[int]:
        return [
            self.documents.document_id(i.row()) for i in self.table.selectionModel().selectedRows()
        ]

    def menu_for(self, point: QPoint) -> QMenu | None:
        """The context menu for the row at ``point`` (selected first); None off the rows."""
        index = self.table.indexAt(point)
        if not index.isValid():
            return None
        if index.row() not in {i.row() for i in self.table.selectionModel().selectedRows()}:
            self.table.selectRow(index.row())
        menu = QMenu(self.table)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.edit_action)
        menu.addAction(self.set_variable_action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def offer_menu(self, point: QPoint) -> None:
        menu = self.menu_for(point)
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(point))

    def _request_delete(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.deleteRequested.emit(ids)

    def _request_edit(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.editRequested.emit(ids[0])

    def _request_set_variable(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.setVariableRequested.emit(ids)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.documentChosen.emit(self.documents.document_id(indexes[0].row()))
