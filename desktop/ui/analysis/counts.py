"""Counts of the corpus's tags: a cross table of any two fields (label, issuer, month,
document variables…), counting tags or documents; a cell lists the tags behind it, which open
in their document, and a double-click opens them in the coded segments tab (``segments_view``);
the table exports as CSV. Another tab shows which labels occur together
(``cooccurrence_view``), another draws the cross table (``chart_view``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exports.selection import label_paths
from desktop.core.model import Label
from desktop.core.segment_filter import cell_filter
from desktop.core.stats import (
    NONE,
    TOTAL,
    CrossTable,
    available_fields,
    cell_segments,
    cross_table,
)
from desktop.core.store import Store
from desktop.core.store.segments import CodedSegment
from desktop.ui.analysis.chart_view import ChartView
from desktop.ui.analysis.cooccurrence_view import CooccurrenceView
from desktop.ui.analysis.csv_file import ask_csv_path, write_csv
from desktop.ui.analysis.segments_view import SegmentsView
from desktop.ui.common.fitting import fit_to_screen
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.workspace import Workspace

# How long after the last edit the counts are read again.
RELOAD_DELAY_MS = 400


@dataclass(frozen=True)
class TagsRead:
    """The tags and labels a background reading found."""

    segments: list[CodedSegment]
    labels: list[Label]


# The cell's values: (row value, column value), None for a total.
_CELL = Qt.ItemDataRole.UserRole


class TagCounts(QDialog):
    """The cross table. ``tagChosen(document_id, start, end)`` on double-click of a tag."""

    tagChosen = Signal(int, int, int)

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, in_background: bool = False
    ) -> None:
        """``in_background``: the tags are read on a worker thread from the start (and when
        another project opens), the dialog saying so meanwhile (the window's: 16 s for
        400,000 tags would freeze it); else at once (tests, small projects)."""
        super().__init__(parent)
        self.workspace = workspace
        self.in_background = in_background
        self.resize(1000, 600)
        self.segments: list[CodedSegment] = []
        self.table_shown: CrossTable | None = None
        self.rows = QComboBox()
        self.columns = QComboBox()
        self.count = QComboBox()
        self.count.addItem("", "tags")
        self.count.addItem("", "documents")
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellClicked.connect(self._show_cell)
        self.table.cellDoubleClicked.connect(self.open_cell)
        self.behind = QTableWidget(0, 3)
        self.behind.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.behind.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.behind.horizontalHeader().setStretchLastSection(True)
        self.behind.cellDoubleClicked.connect(self._choose)
        self.export = QPushButton()
        self.export.clicked.connect(self._ask_export)
        choices = QHBoxLayout()
        self.captions = [QLabel(), QLabel(), QLabel()]
        for caption, combo in zip(
            self.captions, (self.rows, self.columns, self.count), strict=True
        ):
            choices.addWidget(caption)
            choices.addWidget(combo)
        choices.addStretch(1)
        self.reading = QLabel()  # said while the tags are read on a worker thread
        self.reading.hide()
        choices.addWidget(self.reading)
        choices.addWidget(self.export)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.behind)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        cross = QWidget()
        cross_layout = QVBoxLayout(cross)
        cross_layout.setContentsMargins(0, 0, 0, 0)
        cross_layout.addLayout(choices)
        cross_layout.addWidget(splitter, 1)
        self.cooccurrence = CooccurrenceView(workspace)
        self.cooccurrence.tagChosen.connect(self.tagChosen)
        self.tabs = QTabWidget()
        self.tabs.addTab(cross, self.tr("Cross table"))
        self.tabs.addTab(self.cooccurrence, self.tr("Co-occurrence"))
        self.chart = ChartView()
        self.tabs.addTab(self.chart, self.tr("Chart"))
        self.segments_view = SegmentsView(workspace)
        self.segments_view.tagChosen.connect(self.tagChosen)
        self.tabs.addTab(self.segments_view, self.tr("Coded segments"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()
        # Reading every tag again takes a while in a large project (two seconds at 100,000
        # tags): after an edit it waits until the edits pause, so a burst of edits is read
        # once, and it is read on a worker thread, so the window goes on answering.
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_in_background)
        self._reading: Task | None = None
        self._read_again = False
        self._generation = 0  # a reading begun before the project changed is not shown
        self._reading_generation = 0
        if in_background:
            self._reload_in_background()
        else:
            self.reload()
        for combo in (self.rows, self.columns, self.count):
            combo.currentIndexChanged.connect(self.recount)
        for changed in (
            workspace.annotationsChanged,
            workspace.labelsChanged,
            workspace.documentsChanged,
        ):
            changed.connect(self._reload_soon)
        workspace.projectSwitched.connect(self._project_switched)
        fit_to_screen(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tag counts"))
        self.reading.setText(self.tr("Reading the tags…"))
        for index, tab_title in enumerate(
            (
                self.tr("Cross table"),
                self.tr("Co-occurrence"),
                self.tr("Chart"),
                self.tr("Coded segments"),
            )
        ):
            self.tabs.setTabText(index, tab_title)
        self.count.setItemText(0, self.tr("tags"))
        self.count.setItemText(1, self.tr("documents"))
        self.behind.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Label"), self.tr("Text")]
        )
        self.export.setText(self.tr("Export CSV…"))
        self.segments_view.retranslate()
        self.chart.retranslate()
        for caption, text in zip(
            self.captions, (self.tr("Rows"), self.tr("Columns"), self.tr("Count")), strict=True
        ):
            caption.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        # View > Language while the counts are open: the words and the field names follow.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "captions"):
            self.retranslate()
            if self.rows.count():
                self.reload()
        super().changeEvent(event)

    def field_caption(self, name: str) -> str:
        """A field by its name in the interface language (a document variable as it is)."""
        return {
            "label": self.tr("label"),
            "document": self.tr("document"),
            "status": self.tr("status"),
            "annotator": self.tr("annotator"),
            "issuer": self.tr("issuer"),
            "addressee": self.tr("addressee"),
            "strength": self.tr("strength"),
            "deadline": self.tr("deadline"),
            "year": self.tr("year"),
            "quarter": self.tr("quarter"),
            "month": self.tr("month"),
            "source": self.tr("source"),
            "date": self.tr("date"),
        }.get(name, name)

    def value_caption(self, value: object) -> str:
        """A row or column value as shown: the total and "(none)" in the interface language."""
        if value == TOTAL:
            return self.tr("total")
        if value == NONE:
            return self.tr("(none)")
        return str(value)

    def _project_switched(self, _store: object) -> None:
        if not self.in_background:
            self.reload()  # at once: the old tags are gone
            return
        self._generation += 1  # a reading of the old project is not shown
        self._show_tags([], [])
        self._reload_in_background()

    def _reload_soon(self, *_changed: object) -> None:
        self._reload_timer.start()  # again: the reading waits for the last edit

    def reload(self, *_changed: object) -> None:
        """Read the tags again (they changed, or the project did) and count them, now."""
        self._reload_timer.stop()
        self._generation += 1
        store = self.workspace.store
        self._show_tags(store.coded_segments(), store.labels())

    def _reload_in_background(self) -> None:
        """Read the tags on a worker thread, through a connection of its own, and count them
        when read; edits during the reading read them once more after it."""
        if self._reading is not None:
            self._read_again = True
            return
        store = self.workspace.store
        path, read_only = store.path, store.read_only
        self._reading_generation = self._generation

        def read(_report: ProgressReporter, _cancelled: CancelCheck) -> TagsRead:
            # Checked when the window opened it: not read whole again.
            with Store(path, create=False, read_only=read_only, check=False) as own:
                return TagsRead(own.coded_segments(), own.labels())

        task = Task(read, "tag counts")
        task.signals.finished.connect(self._tags_read)
        task.signals.failed.connect(self._reading_failed)
        self._reading = task
        self.reading.show()
        start(task)

    def _tags_read(self, result: object) -> None:
        self._reading = None
        self.reading.hide()
        if isinstance(result, TagsRead) and self._read_this_project():
            self._show_tags(result.segments, result.labels)
        self._read_more_if_asked()

    def _reading_failed(self, message: str) -> None:
        self._reading = None
        self.reading.hide()
        if self._read_this_project():
            self.workspace.message.emit(self.tr("Tags not counted again: {0}").format(message))
        self._read_more_if_asked()

    def _read_this_project(self) -> bool:
        """Whether the reading that ended began on the project open now (not one closed)."""
        return self._reading_generation == self._generation

    def _read_more_if_asked(self) -> None:
        if self._read_again:
            self._read_again = False
            self._reload_in_background()

    def _show_tags(self, segments: list[CodedSegment], labels: list[Label]) -> None:
        self.segments = segments
        paths = label_paths(labels)
        fields = available_fields(self.segments, paths)
        for combo, default, blank in ((self.rows, "label", False), (self.columns, "month", True)):
            chosen = combo.currentData() or default
            combo.blockSignals(True)
            combo.clear()
            if blank:
                combo.addItem(self.tr("(none)"), None)
            for name in fields:
                combo.addItem(self.field_caption(name), name)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        self.recount()
        self.cooccurrence.reload(self.segments, paths)
        captions = {name: self.field_caption(name) for name in fields}
        self.segments_view.reload(self.segments, labels, paths, captions)

    def recount(self) -> None:
        rows, columns = self.rows.currentData(), self.columns.currentData()
        if rows is None:
            return
        table = cross_table(
            self.segments,
            label_paths(self.workspace.store.labels()),
            rows,
            columns,
            count=self.count.currentData(),
        )
        self.table_shown = table
        self.chart.show_table(
            table, {name: self.field_caption(name) for name in (rows, columns) if name}
        )
        csv_rows = table.csv_rows()
        self.table.clear()
        self.table.setRowCount(len(csv_rows) - 1)
        self.table.setColumnCount(len(csv_rows[0]) - 1)
        self.table.setHorizontalHeaderLabels([self.value_caption(v) for v in csv_rows[0][1:]])
        self.table.setVerticalHeaderLabels([self.value_caption(row[0]) for row in csv_rows[1:]])
        for r, row in enumerate(csv_rows[1:]):
            row_value = None if r == len(csv_rows) - 2 else str(row[0])
            for c, value in enumerate(row[1:]):
                header = str(csv_rows[0][c + 1])
                column_value = None if header == TOTAL and c == len(row) - 2 else header
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setData(_CELL, (row_value, column_value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.behind.setRowCount(0)
        self.export.setEnabled(bool(table.row_values))

    def _show_cell(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if item is None or self.table_shown is None:
            return
        row_value, column_value = item.data(_CELL)
        shown = self.table_shown
        segments = cell_segments(
            self.segments,
            label_paths(self.workspace.store.labels()),
            shown.rows_field,
            shown.columns_field,
            row_value,
            column_value,
        )
        labels = {label.id: label.name for label in self.workspace.store.labels()}
        self.behind.setRowCount(len(segments))
        for r, segment in enumerate(segments):
            title = QTableWidgetItem(segment.title)
            title.setData(Qt.ItemDataRole.UserRole, segment)
            self.behind.setItem(r, 0, title)
            self.behind.setItem(r, 1, QTableWidgetItem(labels.get(segment.label_id, "")))
            self.behind.setItem(r, 2, QTableWidgetItem(segment.text.replace("\n", " ")))

    def open_cell(self, row: int, column: int) -> None:
        """Show the tags behind a cell in the coded segments tab, filtered to that cell."""
        item = self.table.item(row, column)
        if item is None or self.table_shown is None:
            return
        row_value, column_value = item.data(_CELL)
        shown = self.table_shown
        chosen = cell_filter(shown.rows_field, shown.columns_field, row_value, column_value)
        self.segments_view.show_filter(chosen)
        self.tabs.setCurrentWidget(self.segments_view)

    def show_segments(self) -> None:
        self.tabs.setCurrentWidget(self.segments_view)

    def _choose(self, row: int, _column: int) -> None:
        item = self.behind.item(row, 0)
        if item is not None:
            segment: CodedSegment = item.data(Qt.ItemDataRole.UserRole)
            self.tagChosen.emit(segment.document_id, segment.start, segment.end)

    def _ask_export(self) -> None:
        path = ask_csv_path(self, self.tr("Export counts"), "counts.csv")
        if path is not None:
            self.export_csv(path)

    def export_csv(self, path: Path) -> bool:
        if self.table_shown is None:
            return False
        return write_csv(self, self.tr("Export counts"), path, self.table_shown.csv_rows())
