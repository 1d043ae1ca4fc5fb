"""The first window: the corpus on the left, a document in its own script beside a converted one."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.analysis import choose_conversion
from desktop.core.conversion import CONFIGS, converter
from desktop.core.model import Document
from desktop.core.script import Script
from desktop.core.store import Store
from desktop.ui.document_model import DocumentTableModel

AUTOMATIC = "auto"


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.document: Document | None = None
        self.setWindowTitle(f"Jiyao 纪要 — {store.path.name}")
        self.resize(1280, 760)

        self.documents = DocumentTableModel(store, self)
        self.document_list = QTableView()
        self.document_list.setModel(self.documents)
        self.document_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.document_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.document_list.verticalHeader().hide()
        header = self.document_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.document_list.selectionModel().selectionChanged.connect(self._on_selection)

        self.original = _reading_pane()
        self.converted = _reading_pane()
        self.conversion_choice = QComboBox()
        self.conversion_choice.addItem("Automatic", AUTOMATIC)
        for config in CONFIGS.values():
            self.conversion_choice.addItem(f"{config.name} — {config.description}", config.name)
        self.conversion_choice.currentIndexChanged.connect(self._show_conversion)

        self.original_title = QLabel()
        self.converted_title = QLabel()
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(_titled(self.original_title, self.original))
        panes.addWidget(_titled(self.conversion_choice, self.converted, self.converted_title))
        panes.setSizes([1, 1])  # equal halves
        self.original_title.setMinimumWidth(1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.document_list)
        splitter.addWidget(panes)
        splitter.setSizes([440, 840])
        self.setCentralWidget(splitter)
        self.statusBar().showMessage(f"{store.document_count()} documents")

    def select_document(self, document_id: int | None = None) -> None:
        """Select a document by id (the first one when None) and show it."""
        if document_id is None:
            self.documents.fetch_first_page()
            row: int | None = 0 if self.documents.rowCount() else None
        else:
            row = self.documents.row_of(document_id)
        if row is not None:
            self.document_list.selectRow(row)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_document(self.documents.document_id(indexes[0].row()))

    def show_document(self, document_id: int) -> None:
        self.document = self.store.document(document_id)
        self.original.setPlainText(self.document.clean_text)
        self.original_title.setText(f"{self.document.title} · {self.document.script}")
        self._show_conversion()

    def _show_conversion(self) -> None:
        if self.document is None:
            return
        script = Script(self.document.script)
        requested = self.conversion_choice.currentData()
        choice = choose_conversion(script, None if requested == AUTOMATIC else requested)
        text = self.document.clean_text
        if choice.config is not None:
            text = converter(choice.config).convert(text).text
        self.converted.setPlainText(text)
        self.converted_title.setText(choice.notice or f"converted with {choice.config}")
        self.statusBar().showMessage(
            f"{self.document.title} — script: {script.value}, "
            f"conversion: {choice.config or 'none'}, {len(self.document.clean_text)} characters"
        )


def _reading_pane() -> QPlainTextEdit:
    pane = QPlainTextEdit()
    pane.setReadOnly(True)
    pane.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    font = pane.font()
    font.setPointSize(font.pointSize() + 2)
    pane.setFont(font)
    return pane


def _titled(header: QWidget, body: QWidget, footer: QWidget | None = None) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(header)
    layout.addWidget(body)
    if footer is not None:
        layout.addWidget(footer)
    return box
