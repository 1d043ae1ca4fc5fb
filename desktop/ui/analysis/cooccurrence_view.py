"""The co-occurrence tab of the tag-counts window: which labels occur together in a
document, near each other or overlapping, as a matrix; a cell lists the tags behind it,
which open in their document; the matrix exports as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cooccurrence import OVERLAPPING, CoMatrix, cooccurrence, meeting_segments
from desktop.core.labels import LABEL_PATH_SEPARATOR
from desktop.core.store.segments import CodedSegment
from desktop.ui.analysis.csv_file import write_csv
from desktop.ui.workspace import Workspace

SAME_DOCUMENT, NEAR, OVERLAP = "document", "near", "overlap"


class CooccurrenceView(QWidget):
    """The matrix. ``tagChosen(document_id, start, end)`` on double-click of a tag."""

    tagChosen = Signal(int, int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.segments: list[CodedSegment] = []
        self.paths: dict[int, str] = {}
        self.matrix: CoMatrix | None = None
        self.where = QComboBox()
        self.where.addItem(self.tr("in the same document"), SAME_DOCUMENT)
        self.where.addItem(self.tr("within N characters"), NEAR)
        self.where.addItem(self.tr("overlapping"), OVERLAP)
        self.distance = QSpinBox()
        self.distance.setRange(0, 100_000)
        self.distance.setValue(50)
        self.count = QComboBox()
        self.count.addItem(self.tr("documents"), "documents")
        self.count.addItem(self.tr("pairs of tags"), "pairs")
        self.level = QComboBox()
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self._show_cell)
        self.behind = QTableWidget(0, 3)
        self.behind.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Label"), self.tr("Text")]
        )
        self.behind.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.behind.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.behind.horizontalHeader().setStretchLastSection(True)
        self.behind.cellDoubleClicked.connect(self._choose)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.clicked.connect(self._ask_export)
        choices = QHBoxLayout()
        choices.addWidget(QLabel(self.tr("Labels occurring")))
        choices.addWidget(self.where)
        choices.addWidget(QLabel(self.tr("N")))
        choices.addWidget(self.distance)
        choices.addWidget(QLabel(self.tr("Count")))
        choices.addWidget(self.count)
        choices.addWidget(QLabel(self.tr("Labels")))
        choices.addWidget(self.level)
        choices.addStretch(1)
        choices.addWidget(self.export)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.behind)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(splitter, 1)
        for combo in (self.where, self.count, self.level):
            combo.currentIndexChanged.connect(self.recount)
        self.distance.valueChanged.connect(self.recount)

    def reload(self, segments: list[CodedSegment], paths: dict[int, str]) -> None:
        """Count again the tags the window read."""
        self.segments, self.paths = segments, paths
        depth = max((path.count(LABEL_PATH_SEPARATOR) for path in paths.values()), default=0)
        chosen = self.level.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem(self.tr("whole path"), None)
        for level in range(1, depth + 1):
            self.level.addItem(self.tr("first %n level(s)", "", level), level)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.blockSignals(False)
        self.recount()

    def within(self) -> int | None:
        where = self.where.currentData()
        if where == NEAR:
            return self.distance.value()
        return OVERLAPPING if where == OVERLAP else None

    def recount(self) -> None:
        self.distance.setEnabled(self.where.currentData() == NEAR)
        matrix = cooccurrence(
            self.segments,
            self.paths,
            within=self.within(),
            count=self.count.currentData(),
            level=self.level.currentData(),
        )
        self.matrix = matrix
        self.table.clear()
        self.table.setRowCount(len(matrix.labels))
        self.table.setColumnCount(len(matrix.labels))
        self.table.setHorizontalHeaderLabels(list(matrix.labels))
        self.table.setVerticalHeaderLabels(list(matrix.labels))
        for r, first in enumerate(matrix.labels):
            for c, second in enumerate(matrix.labels):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, matrix.cell(first, second))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.behind.setRowCount(0)
        self.export.setEnabled(bool(matrix.labels))

    def _show_cell(self, row: int, column: int) -> None:
        if self.matrix is None:
            return
        segments = meeting_segments(
            self.segments,
            self.paths,
            self.matrix.labels[row],
            self.matrix.labels[column],
            within=self.within(),
            level=self.level.currentData(),
        )
        self.behind.setRowCount(len(segments))
        for r, segment in enumerate(segments):
            title = QTableWidgetItem(segment.title)
            title.setData(Qt.ItemDataRole.UserRole, segment)
            self.behind.setItem(r, 0, title)
            self.behind.setItem(r, 1, QTableWidgetItem(self.paths.get(segment.label_id, "")))
            self.behind.setItem(r, 2, QTableWidgetItem(segment.text.replace("\n", " ")))

    def _choose(self, row: int, _column: int) -> None:
        item = self.behind.item(row, 0)
        if item is not None:
            segment: CodedSegment = item.data(Qt.ItemDataRole.UserRole)
            self.tagChosen.emit(segment.document_id, segment.start, segment.end)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export co-occurrence"), "cooccurrence.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        if self.matrix is None:
            return False
        return write_csv(self, self.tr("Export co-occurrence"), path, self.matrix.csv_rows())
