"""All tags of the corpus (or of one document) in a table, filtered by label, annotator or
issuer; double-click goes to the tag in its document."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Annotation
from desktop.core.store import Store
from desktop.ui.common.display_names import shown
from desktop.ui.common.fitting import add_name_item, fit_to_screen, keep_narrow

TAG_FILTER_CHARACTERS = 10

_ROOT = QModelIndex()
_COLUMNS = (
    QT_TRANSLATE_NOOP("TagTableModel", "Document"),
    QT_TRANSLATE_NOOP("TagTableModel", "Label"),
    QT_TRANSLATE_NOOP("TagTableModel", "Text"),
    QT_TRANSLATE_NOOP("TagTableModel", "Issuer"),
    QT_TRANSLATE_NOOP("TagTableModel", "Strength"),
    QT_TRANSLATE_NOOP("TagTableModel", "Annotator"),
    QT_TRANSLATE_NOOP("TagTableModel", "Changed"),
)


class TagTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Annotation] = []
        self.titles: dict[int, str] = {}

    def reset(self, rows: list[Annotation], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.titles = rows, titles
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("TagTableModel", str(_COLUMNS[section]))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        tag = self.rows[index.row()]
        values = (
            self.titles.get(tag.document_id, str(tag.document_id)),
            tag.label,
            tag.text,
            str(tag.attributes.get("issuer", "")),
            shown(str(tag.attributes.get("strength", ""))),
            tag.annotator,
            tag.updated_at,
        )
        return values[index.column()]


class TagBrowser(QDialog):
    """Tags across the corpus; ``tagChosen(document_id, start, end)`` on double-click."""

    tagChosen = Signal(int, int, int)

    def __init__(self, store: Store, current_document: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.current_document = current_document
        self.setWindowTitle(self.tr("Tags in the corpus"))
        self.resize(900, 520)
        self.label_filter = QComboBox()
        self.annotator_filter = QComboBox()
        self.issuer_filter = QComboBox()
        self.this_document = QCheckBox(self.tr("This document only"))
        self.this_document.setEnabled(current_document is not None)
        self.model = TagTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._choose)
        self.count = QLabel()
        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("Label"), self.label_filter),
            (self.tr("Annotator"), self.annotator_filter),
            (self.tr("Issuer"), self.issuer_filter),
        ):
            filters.addWidget(QLabel(caption))
            filters.addWidget(widget, 1)
        filters.addWidget(self.this_document)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self._fill_filters()
        for combo in (self.label_filter, self.annotator_filter, self.issuer_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.this_document.toggled.connect(self.reload)
        self.reload()
        fit_to_screen(self)

    def _fill_filters(self) -> None:
        everything = self.tr("(all)")
        # Long names are elided (whole in the tooltip) and the combos keep narrow: one label
        # of 300 characters made the table wider than the screen.
        for combo in (self.label_filter, self.annotator_filter, self.issuer_filter):
            keep_narrow(combo)
            combo.setMinimumContentsLength(TAG_FILTER_CHARACTERS)  # three share one row
            combo.addItem(everything, None)
        for label in self.store.labels():
            add_name_item(self.label_filter, label.name, label.id)
        for name in self.store.annotators():
            add_name_item(self.annotator_filter, name or self.tr("(nobody)"), name)
        for issuer in self.store.issuers():
            add_name_item(self.issuer_filter, issuer, issuer)

    def reload(self) -> None:
        rows = self.store.find_annotations(
            document_id=self.current_document if self.this_document.isChecked() else None,
            label_id=self.label_filter.currentData(),
            annotator=self.annotator_filter.currentData(),
            issuer=self.issuer_filter.currentData(),
        )
        titles = {d: self.store.document_summary(d).title for d in {r.document_id for r in rows}}
        self.model.reset(rows, titles)
        self.count.setText(self.tr("%n tag(s)", "", len(rows)))

    def _choose(self, index: QModelIndex) -> None:
        tag = self.model.rows[index.row()]
        self.tagChosen.emit(tag.document_id, tag.start, tag.end)
