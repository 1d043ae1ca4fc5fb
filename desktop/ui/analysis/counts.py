"""Counts of the corpus's tags: a cross table of any two fields (label, issuer, month,
document variables…), counting tags or documents; a cell lists the tags behind it, which open
in their document, and a double-click opens them in the coded segments tab (``segments_view``);
the table exports as CSV. Another tab shows which labels occur together
(``cooccurrence_view``), another draws the cross table (``chart_view``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exports.selection import label_paths
from desktop.core.model import Label
from desktop.core.segment_filter import cell_filter, store_where
from desktop.core.segment_listing import SegmentListing, SegmentsFound, find
from desktop.core.stats import (
    NONE,
    TOTAL,
    CrossTable,
    counted_cross_table,
    fields_offered,
)
from desktop.core.store import Store
from desktop.core.store.segments import TagSpan
from desktop.ui.analysis.chart_view import ChartView
from desktop.ui.analysis.cooccurrence_view import CooccurrenceView
from desktop.ui.analysis.count_models import CrossTableModel, TagsModel
from desktop.ui.analysis.csv_file import ask_csv_path, write_csv
from desktop.ui.analysis.segments_view import SegmentsView
from desktop.ui.common.fitting import fit_to_screen
from desktop.ui.common.latest_job import LatestJob
from desktop.ui.common.workers import CancelCheck
from desktop.ui.workspace import Workspace

# How long after the last edit the counts are read again.
RELOAD_DELAY_MS = 400


@dataclass(frozen=True)
class Counted:
    """What a count on a worker thread found: the labels, the fields to choose from, and the
    cross table of the fields chosen (the defaults where those are gone)."""

    labels: list[Label]
    fields: list[str]
    table: CrossTable
    variable_names: set[str]


@dataclass(frozen=True)
class SpansRead:
    """Every tag's place and label, and the labels' paths, for the co-occurrence tab."""

    spans: list[TagSpan]
    paths: dict[int, str]


@dataclass(frozen=True)
class TagsRead:
    """The labels, the fields and the tags' variable names, for the tab that lists tags
    (which the store then filters and reads a screenful at a time)."""

    labels: list[Label]
    fields: list[str]
    variable_names: set[str]


class TagCounts(QDialog):
    """The cross table. ``tagChosen(document_id, start, end)`` on double-click of a tag.

    Nothing is counted on the window's thread: the cross table is counted by the store on a
    worker thread (at once, and again when a choice or the tags change); the tags listed (a
    cell's, the coded segments tab's) are found and counted by the store on workers and read
    a screenful at a time as they are painted, never all of them; the co-occurrence tab reads
    every tag's place and label (no words) on a worker when shown. Answers that come after
    the project changed or the window closed are dropped."""

    tagChosen = Signal(int, int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.resize(1000, 600)
        self.labels: list[Label] = []
        self.fields: list[str] = []
        # The labels and fields the coded segments tab was given (None: not read, or
        # changed since).
        self.tags_read: TagsRead | None = None
        # Every tag's place and label, for the co-occurrence tab (None: not read, or changed).
        self.spans: list[TagSpan] | None = None
        self.table_shown: CrossTable | None = None
        self.rows = QComboBox()
        self.columns = QComboBox()
        self.count = QComboBox()
        self.count.addItem("", "tags")
        self.count.addItem("", "documents")
        self.model = CrossTableModel(self.value_caption, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.clicked.connect(lambda index: self._show_cell(index.row(), index.column()))
        self.table.doubleClicked.connect(lambda index: self.open_cell(index.row(), index.column()))
        self.behind_model = TagsModel(self)
        self.behind = QTableView()
        self.behind.setModel(self.behind_model)
        self.behind.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.behind.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.behind.setWordWrap(False)
        self.behind.verticalHeader().hide()  # rows numbered: every row's header asked
        self.behind.horizontalHeader().setStretchLastSection(True)
        self.behind.doubleClicked.connect(lambda index: self._choose(index.row(), 0))
        self.export = QPushButton()
        self.export.clicked.connect(self._ask_export)
        self.export.setEnabled(False)
        choices = QHBoxLayout()
        self.captions = [QLabel(), QLabel(), QLabel()]
        for caption, combo in zip(
            self.captions, (self.rows, self.columns, self.count), strict=True
        ):
            choices.addWidget(caption)
            choices.addWidget(combo)
        choices.addStretch(1)
        self.reading = QLabel()  # said while the counts are made on a worker thread
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
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()
        # Counting again takes a while in a large project (a second at 400,000 tags): after
        # an edit it waits until the edits pause, so a burst of edits is counted once.
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._counting = LatestJob(self._counted, self._count_failed, "tag counts", self)
        self._counting.busyChanged.connect(self.reading.setVisible)
        self._reading = LatestJob(self._tags_read, self._reading_failed, "coded segments", self)
        self._reading_spans = LatestJob(self._spans_read, self._spans_not_read, "tag spans", self)
        self._listing = LatestJob(self._listed, self._count_failed, "tags of a cell", self)
        # The tags' document variables and attributes, as the last count read them.
        self._variable_names: set[str] | None = None
        self.recount()
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
        self.reading.setText(self.tr("Counting…"))
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
            self._show_fields()
            self.model.captions_changed()
            shown = self.segments_view.fields
            self.segments_view.rename_fields({name: self.field_caption(name) for name in shown})
            if self.table_shown is not None:
                self._show_chart(self.table_shown)
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

    def closeEvent(self, event: QCloseEvent) -> None:
        self._let_go()
        self._reload_timer.stop()
        super().closeEvent(event)

    def _project_switched(self, _store: object) -> None:
        self._let_go()  # the old project's answers are not shown
        self.reload()

    def _let_go(self) -> None:
        """Count nothing more of what was asked, and drop what was read and counted: at a
        million documents, every tag's place (400,000) and its rows, which a closed window
        would otherwise hold until Python's collector found it (some 150 MB a window)."""
        for job in (self._counting, self._reading, self._reading_spans, self._listing):
            job.forget()
        self.cooccurrence.forget()
        self.segments_view.forget()
        self.chart.forget()
        self.tags_read = self.spans = None
        self.table_shown = None
        self.model.show(None)
        self.behind_model.show([])

    def _reload_soon(self, *_changed: object) -> None:
        for model in (self.behind_model, self.cooccurrence.behind_model, self.segments_view.model):
            model.tags_changed()
        self._reload_timer.start()  # again: the reading waits for the last edit

    def reload(self) -> None:
        """Count again (the tags changed, or the project did), and read the tags again if a
        tab shown lists them (else when one is shown)."""
        self._reload_timer.stop()
        self._variable_names = None  # the tags' variables may have changed too
        self.recount()
        # A reading under way began before the change: its answer is of the tags as they
        # were, and kept it would be taken for the tags as they are.
        self._reading.forget()
        self._reading_spans.forget()
        self.tags_read = self.spans = None
        self._read_what_is_shown()

    def recount(self) -> None:
        """Count the cross table of the fields chosen, on a worker thread."""
        store = self.workspace.store
        path, read_only = store.path, store.read_only
        filled = self.rows.count() > 0
        rows = self.rows.currentData() if filled else "label"
        columns = self.columns.currentData() if filled else "month"
        count = self.count.currentData()
        known = self._variable_names
        # The tags of a cell of the table shown being found: that table goes.
        self._listing.forget()

        def work(_cancelled: CancelCheck) -> Counted:
            # Checked when the window opened it: not read whole again.
            with Store(path, create=False, read_only=read_only, check=False) as own:
                labels = own.labels()
                paths = label_paths(labels)
                # Read again only after the tags changed (0.4 s at 400,000 tags).
                names = own.segment_variable_names() if known is None else known
                fields = fields_offered(names, paths)
                table = counted_cross_table(
                    own,
                    paths,
                    rows if rows in fields else fields[0],
                    columns if columns in fields else None,
                    count=count,
                    variable_names=names,
                )
                return Counted(labels, fields, table, names)

        self._counting.run(work)

    def _counted(self, answer: object) -> None:
        assert isinstance(answer, Counted)
        self.labels, self.fields = answer.labels, answer.fields
        self._variable_names = answer.variable_names
        self._show_fields(answer.table)
        self.table_shown = answer.table
        self.model.show(answer.table)
        self._show_chart(answer.table)
        self.behind_model.show([])
        self.export.setEnabled(bool(answer.table.row_values))

    def _count_failed(self, message: str) -> None:
        self.workspace.message.emit(self.tr("Tags not counted again: {0}").format(message))

    def _show_fields(self, table: CrossTable | None = None) -> None:
        """The fields in the two boxes, each on the field ``table`` counted (else as chosen)."""
        shown = table or self.table_shown
        chosen = (
            (shown.rows_field, shown.columns_field)
            if shown is not None
            else (self.rows.currentData(), self.columns.currentData())
        )
        boxes = (self.rows, self.columns)
        for combo, blank, field in zip(boxes, (False, True), chosen, strict=True):
            combo.blockSignals(True)
            combo.clear()
            if blank:
                combo.addItem(self.tr("(none)"), None)
            for name in self.fields:
                combo.addItem(self.field_caption(name), name)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.blockSignals(False)

    def _show_chart(self, table: CrossTable) -> None:
        names = (table.rows_field, table.columns_field)
        self.chart.show_table(table, {name: self.field_caption(name) for name in names if name})

    def _tab_shown(self, _index: int) -> None:
        shown = self.tabs.currentWidget()
        for view in (self.cooccurrence, self.segments_view):
            view.set_active(view is shown)
        self._read_what_is_shown()

    def _read_what_is_shown(self) -> None:
        """Read, on a worker thread, what the tab shown lists and is not read yet."""
        shown = self.tabs.currentWidget()
        if shown is self.cooccurrence and self.spans is None:
            self._read_spans()
        elif shown is self.segments_view and self.tags_read is None:
            self._read_tags()

    def _read_spans(self) -> None:
        store = self.workspace.store
        path, read_only = store.path, store.read_only

        def work(_cancelled: CancelCheck) -> SpansRead:
            with Store(path, create=False, read_only=read_only, check=False) as own:
                return SpansRead(own.tag_spans(), label_paths(own.labels()))

        self.cooccurrence.wait_for_tags()
        self._reading_spans.run(work)

    def _spans_read(self, answer: object) -> None:
        assert isinstance(answer, SpansRead)
        self.spans = answer.spans
        self.cooccurrence.reload(answer.spans, answer.paths)

    def _read_tags(self) -> None:
        """Read the labels and fields on a worker thread, for the tab that lists tags; those
        the last count read, when it was made since the tags last changed (their variables'
        names take seconds to find at a million documents)."""
        if self._variable_names is not None:
            names = set(self._variable_names)
            self._tags_read(TagsRead(list(self.labels), list(self.fields), names))
            return
        store = self.workspace.store
        path, read_only = store.path, store.read_only

        def work(_cancelled: CancelCheck) -> TagsRead:
            with Store(path, create=False, read_only=read_only, check=False) as own:
                labels = own.labels()
                names = own.segment_variable_names()
                return TagsRead(labels, fields_offered(names, label_paths(labels)), names)

        self._reading.run(work)

    def _tags_read(self, answer: object) -> None:
        assert isinstance(answer, TagsRead)
        self.tags_read = answer
        paths = label_paths(answer.labels)
        captions = {name: self.field_caption(name) for name in answer.fields}
        self.segments_view.reload(
            answer.labels, paths, captions, answer.fields, answer.variable_names
        )

    def _reading_failed(self, message: str) -> None:
        self.workspace.message.emit(self.tr("Tags not read: {0}").format(message))

    def _spans_not_read(self, message: str) -> None:
        self.cooccurrence.tags_not_read(message)  # no longer "Reading the tags…"
        self._reading_failed(message)

    def _show_cell(self, row: int, column: int) -> None:
        """List the tags behind a cell below the table: found and counted by the store on a
        worker, read a screenful at a time as they are painted."""
        if self.table_shown is None or not self.model.index(row, column).isValid():
            return
        shown = self.table_shown
        row_value, column_value = self.model.values(row, column)
        self.behind_model.show([])
        chosen = cell_filter(shown.rows_field, shown.columns_field, row_value, column_value)
        labels, names = self.labels, self._variable_names
        path, read_only = self.workspace.store.path, self.workspace.store.read_only

        def work(_cancelled: CancelCheck) -> SegmentsFound:
            with Store(path, create=False, read_only=read_only, check=False) as own:
                return find(own, store_where(own, labels, chosen, names))

        self._listing.run(work)

    def _listed(self, answer: object) -> None:
        assert isinstance(answer, SegmentsFound)
        names = {label.id: label.name for label in self.labels}
        self.behind_model.show_listing(SegmentListing(self.workspace.store, answer), names)

    def open_cell(self, row: int, column: int) -> None:
        """Show the tags behind a cell in the coded segments tab, filtered to that cell."""
        if self.table_shown is None or not self.model.index(row, column).isValid():
            return
        row_value, column_value = self.model.values(row, column)
        shown = self.table_shown
        chosen = cell_filter(shown.rows_field, shown.columns_field, row_value, column_value)
        self.segments_view.show_filter(chosen)
        self.tabs.setCurrentWidget(self.segments_view)

    def show_segments(self) -> None:
        self.tabs.setCurrentWidget(self.segments_view)

    def _choose(self, row: int, _column: int) -> None:
        segment = self.behind_model.tag(row)
        if segment is not None:
            self.tagChosen.emit(segment.document_id, segment.start, segment.end)

    def _ask_export(self) -> None:
        path = ask_csv_path(self, self.tr("Export counts"), "counts.csv")
        if path is not None:
            self.export_csv(path)

    def export_csv(self, path: Path) -> bool:
        if self.table_shown is None:
            return False
        return write_csv(self, self.tr("Export counts"), path, self.table_shown.csv_rows())
