"""The corpus column: a filter box (text, source, date range, review status) over the table of
documents, moving through it, the document variables shown as columns (chosen from the
header's menu, remembered per project), and its context menu (edit a document's details,
delete documents: Delete key too). The list only asks; the corpus actions (corpus_actions)
confirm, write and make it undoable."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QModelIndex,
    QPoint,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.search import script_variants
from desktop.core.store import Store
from desktop.ui.common.variable_names import variable_label
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.workspace import Workspace

FILTER_DELAY_MS = 250
TITLE_WIDTH = 220
FILE_WIDTH = 110
VARIABLE_WIDTH = 110
DATE_BOX_WIDTH = 84
# A date range's end as typed: a year, a month or a day, ISO (2020, 2020-03, 2020-03-21).
DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
_ANY_SOURCE = None  # the source box's first entry: no source condition
# The status box's entries: any status, not done, done (DocumentFilter.done).
_STATUS_CHOICES: tuple[bool | None, ...] = (None, False, True)


class CorpusList(QWidget):
    """The project's documents, filtered by title or text in either script.

    ``documentChosen(id)`` when the user (or :meth:`select_document`) selects a document;
    ``statusChanged(message)`` for the status bar; ``deleteRequested(ids)`` and
    ``editRequested(id)`` from the context menu (and the Delete key);
    ``setVariableRequested(ids)`` to give the selected documents (or all those listed) a
    variable at once.
    """

    documentChosen = Signal(int)
    statusChanged = Signal(str)
    deleteRequested = Signal(list)
    editRequested = Signal(int)
    setVariableRequested = Signal(list)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.documents = DocumentTableModel(workspace.store, self)
        # Another project open: its documents, from the first page, with its own columns.
        workspace.projectSwitched.connect(self._switch_project)
        # Documents stored by an import (or deleted, or restored): the list reads them again.
        workspace.documentsChanged.connect(self.documents.reload)
        workspace.documentsChanged.connect(self._fill_sources)
        self.filter_box = QLineEdit()
        self.filter_box.setClearButtonEnabled(True)
        # Typing pauses before the corpus is searched again: one query per word, not per key.
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.source_box = QComboBox()
        self.source_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.source_box.setMinimumContentsLength(1)
        self.source_box.activated.connect(lambda _index: self.apply_filter())
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for box in (self.date_from, self.date_to):
            box.setValidator(QRegularExpressionValidator(QRegularExpression(DATE_PATTERN), box))
            box.setClearButtonEnabled(True)
            box.setMaximumWidth(DATE_BOX_WIDTH + 24)
            box.textChanged.connect(self._filter_timer.start)
        self.date_dash = QLabel("–")
        # Any review status, not done, done: the words are set by retranslate.
        self.status_box = QComboBox()
        for done in _STATUS_CHOICES:
            self.status_box.addItem("", done)
        self.status_box.activated.connect(lambda _index: self.apply_filter())
        self.table = self._build_table()
        self.columns_menu = QMenu(self)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        header = self.table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda point: self.columns_menu.popup(header.mapToGlobal(point))
        )
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
        # Many documents at once: those the list shows (narrowed by source, date or text).
        self.set_listed_variable_action = QAction(self.table)
        self.set_listed_variable_action.triggered.connect(self._request_set_listed_variable)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.offer_menu)
        narrowing = QHBoxLayout()
        narrowing.setContentsMargins(0, 0, 0, 0)
        narrowing.addWidget(self.source_box, 1)
        narrowing.addWidget(self.date_from)
        narrowing.addWidget(self.date_dash)
        narrowing.addWidget(self.date_to)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        # The status beside the text: the row below is the source's and the dates'.
        searching = QHBoxLayout()
        searching.setContentsMargins(0, 0, 0, 0)
        searching.addWidget(self.filter_box, 1)
        searching.addWidget(self.status_box)
        column.addLayout(searching)
        column.addLayout(narrowing)
        column.addWidget(self.table)
        self._fill_sources()
        self.retranslate()
        self._show_remembered_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The list's words in the interface language (also after View > Language): the
        column headers and the script and status cells are read again from the model."""
        self.filter_box.setPlaceholderText(self.tr("Filter by title or text, either script"))
        self.date_from.setPlaceholderText(self.tr("from 2020-01"))
        self.date_to.setPlaceholderText(self.tr("to 2020-12-31"))
        tip = self.tr("Dates from … to …: a year, a month or a day (2020, 2020-03, 2020-03-21)")
        for box in (self.date_from, self.date_to):
            box.setToolTip(tip)
        self.source_box.setToolTip(self.tr("Show the documents of one source"))
        for index, text in enumerate([self.tr("Any status"), self.tr("Not done"), self.tr("Done")]):
            self.status_box.setItemText(index, text)
        self.status_box.setToolTip(self.tr("Show the documents whose review is done, or not"))
        self.columns_menu.setTitle(self.tr("Variable &columns"))
        if self.source_box.count():  # the words of its first and last entries; never the store
            self.source_box.setItemText(0, self.tr("All sources"))
            self.source_box.setItemText(self.source_box.count() - 1, self.tr("(no source)"))
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
        view.setWordWrap(False)  # a URL broke at its slashes into a cut-off second line
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
        """Show every document again, at once (not after the typing pause): no text, any
        source, any date."""
        for box in (self.filter_box, self.date_from, self.date_to):
            box.blockSignals(True)
            box.clear()
            box.blockSignals(False)
        self.source_box.setCurrentIndex(0)
        self.status_box.setCurrentIndex(0)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._filter_timer.stop()  # applied now: a pending run would only repeat it
        query = self.filter_box.text().strip()
        shown = replace(
            self.documents.document_filter,
            containing=tuple(script_variants(query)) if query else (),
            source=self.source_box.currentData(),
            date_from=_complete_date(self.date_from.text()),
            date_to=_complete_date(self.date_to.text()),
            done=self.status_box.currentData(),
        )
        self.documents.set_document_filter(shown)
        self.statusChanged.emit(self.tr("%n document(s)", "", self.documents.total))

    def _fill_sources(self) -> None:
        """The source box: any source, then each source the documents name, the chosen one
        kept when it is still there."""
        box, chosen = self.source_box, self.source_box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All sources"), _ANY_SOURCE)
        for source in self.workspace.store.listed_sources():
            box.addItem(source, source)
        box.addItem(self.tr("(no source)"), "")
        found = box.findData(chosen) if chosen is not None else 0
        box.setCurrentIndex(max(found, 0))
        box.blockSignals(False)
        if chosen is not None and found < 0:
            self.apply_filter()  # the chosen source is gone: show every source again

    # Variable columns ------------------------------------------------------------------------

    def show_variable_columns(self, names: list[str]) -> None:
        """Show these variables as columns, and remember them for this project."""
        self.documents.set_variable_columns(names)
        header = self.table.horizontalHeader()
        fixed = len(DocumentTableModel.COLUMNS)
        for column in range(fixed, fixed + len(self.documents.variable_columns)):
            header.resizeSection(column, VARIABLE_WIDTH)
        self.workspace.settings.set_variable_columns(
            self.workspace.store.path, list(self.documents.variable_columns)
        )

    def toggle_variable_column(self, name: str, shown: bool) -> None:
        names = [n for n in self.documents.variable_columns if n != name]
        self.show_variable_columns([*names, name] if shown else names)

    def _fill_columns_menu(self) -> None:
        """The variables the project's documents have (and those shown), each to tick."""
        menu = self.columns_menu
        menu.clear()
        shown = self.documents.variable_columns
        names = [*shown, *(n for n in self.workspace.store.variable_names() if n not in shown)]
        if not names:
            menu.addAction(self.tr("(the documents have no other variables)")).setEnabled(False)
        for name in names:
            label = variable_label(name)
            action = menu.addAction(label if label == name else f"{label} ({name})")
            action.setCheckable(True)
            action.setChecked(name in shown)
            action.toggled.connect(
                lambda checked, chosen=name: self.toggle_variable_column(chosen, checked)
            )

    def _show_remembered_columns(self) -> None:
        remembered = self.workspace.settings.variable_columns(self.workspace.store.path)
        if remembered:
            self.show_variable_columns(remembered)

    def _switch_project(self, store: Store) -> None:
        self.documents.set_variable_columns([])
        self.documents.set_store(store)
        self._fill_sources()
        self._show_remembered_columns()

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
        self.set_listed_variable_action.setText(
            self.tr("Set a variable for all %n &listed document(s)…", "", self.documents.total)
        )
        menu.addAction(self.set_listed_variable_action)
        menu.addMenu(self.columns_menu)
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

    def listed_ids(self) -> list[int]:
        """Every document the list shows (all its pages, fetched or not)."""
        return self.workspace.store.document_ids(self.documents.document_filter)

    def _request_set_listed_variable(self) -> None:
        ids = self.listed_ids()
        if ids:
            self.setVariableRequested.emit(ids)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        # None: a row that cannot be read (gone, or damaged before the project is refused).
        chosen = self.documents.data(indexes[0], Qt.ItemDataRole.UserRole) if indexes else None
        if chosen is not None:
            self.documentChosen.emit(chosen)


def _complete_date(text: str) -> str:
    """A date box's text when it is a whole year, month or day; "" while it is half typed."""
    text = text.strip()
    return text if re.fullmatch(DATE_PATTERN, text) else ""
