"""The co-occurrence tab of the tag-counts window: which labels (or entities: people, places,
organisations, titles) occur together in a document, near each other or overlapping, as a
matrix; a cell lists the tags (or mentions) behind it, which open in their document; the
matrix exports as CSV. The corpus's entities are read (and, for documents not analysed yet,
found and cached) in the background, with a progress bar, the first time they are asked for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cooccurrence import OVERLAPPING, CoMatrix, cooccurrence, meeting_segments
from desktop.core.entity_cooccurrence import (
    CorpusMentions,
    Mention,
    corpus_mentions,
    entity_cooccurrence,
    meeting_mentions,
)
from desktop.core.labels import LABEL_PATH_SEPARATOR
from desktop.core.segment_listing import SegmentListing, SegmentsFound, find_ids
from desktop.core.store import Store
from desktop.core.store.segments import TagSpan
from desktop.ui.analysis.count_models import Listed, TagsModel
from desktop.ui.analysis.csv_file import ask_csv_path, write_csv
from desktop.ui.common.latest_job import LatestJob
from desktop.ui.common.progress import TaskProgress
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.workspace import Workspace

SAME_DOCUMENT, NEAR, OVERLAP = "document", "near", "overlap"
LABELS, ENTITIES = "labels", "entities"


class CooccurrenceView(QWidget):
    """The matrix. ``tagChosen(document_id, start, end)`` on double-click of a tag."""

    tagChosen = Signal(int, int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.spans: list[TagSpan] = []  # every tag's place and label
        self.paths: dict[int, str] = {}
        self.matrix: CoMatrix | None = None
        # The corpus's entity mentions once read (None: not yet, or changed since).
        self.mentions: list[Mention] | None = None
        self.task: Task | None = None
        self.progress: TaskProgress | None = None
        # The labels' matrix is counted on a worker thread (a second over 400,000 tags).
        self._counting = LatestJob(self._counted, self._count_failed, "co-occurrence", self)
        self._listing = LatestJob(self._show_behind, self._count_failed, "tags of a cell", self)
        self._active = False  # the tab shown
        self._stale = False  # tags read while it was not, not counted yet
        self.of = QComboBox()
        self.of.addItem(self.tr("Labels"), LABELS)
        self.of.addItem(self.tr("Entities"), ENTITIES)
        self.note = QLabel()
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
        self.behind_model = TagsModel(self)
        self.behind = QTableView()
        self.behind.setModel(self.behind_model)
        self.behind.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.behind.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.behind.setWordWrap(False)
        self.behind.verticalHeader().hide()  # rows numbered: every row's header asked
        self.behind.horizontalHeader().setStretchLastSection(True)
        self.behind.doubleClicked.connect(lambda index: self._choose(index.row(), 0))
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.clicked.connect(self._ask_export)
        choices = QHBoxLayout()
        choices.addWidget(self.of)
        choices.addWidget(QLabel(self.tr("occurring")))
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
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        for combo in (self.where, self.count, self.level, self.of):
            combo.currentIndexChanged.connect(self.recount)
        self.distance.valueChanged.connect(self.recount)
        for signal in (
            workspace.entitiesChanged,
            workspace.documentsChanged,
            workspace.projectSwitched,
        ):
            signal.connect(self._entities_changed)

    def reload(self, spans: list[TagSpan], paths: dict[int, str]) -> None:
        """Count again the tags the window read."""
        self.spans, self.paths = spans, paths
        depth = max((path.count(LABEL_PATH_SEPARATOR) for path in paths.values()), default=0)
        chosen = self.level.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        self.level.addItem(self.tr("whole path"), None)
        for level in range(1, depth + 1):
            self.level.addItem(self.tr("first %n level(s)", "", level), level)
        self.level.setCurrentIndex(max(0, self.level.findData(chosen)))
        self.level.blockSignals(False)
        self._stale = True
        if self._active:
            self.set_active(True)

    def set_active(self, active: bool) -> None:
        """Whether the tab is the one shown: tags read while it is not are counted once it
        is, so they do not slow the tab that is."""
        self._active = active
        if active and self._stale:
            self._stale = False
            self.recount()

    def is_counting(self) -> bool:
        return self._stale or self._counting.is_busy()

    def wait_for_tags(self) -> None:
        """Say the tags are being read (the window reads them for this tab)."""
        self._counting.forget()
        if not self.of_entities():
            self.note.setText(self.tr("Reading the tags…"))
            self.note.setVisible(True)

    def tags_not_read(self, message: str) -> None:
        """Say why there is nothing to count (the window could not read the tags)."""
        if not self.of_entities():
            self._count_failed(message)

    def forget(self) -> None:
        """Count nothing more of the tags read so far (the project changed, the window
        closed)."""
        self._counting.forget()
        self._listing.forget()
        self.spans = []
        # Its rows are read from the store as painted: not from a project closed since.
        self.behind_model.show([])

    def within(self) -> int | None:
        where = self.where.currentData()
        if where == NEAR:
            return self.distance.value()
        return OVERLAPPING if where == OVERLAP else None

    def of_entities(self) -> bool:
        return self.of.currentData() == ENTITIES

    def recount(self) -> None:
        self.distance.setEnabled(self.where.currentData() == NEAR)
        self.level.setEnabled(not self.of_entities())
        pairs = self.tr("pairs of mentions") if self.of_entities() else self.tr("pairs of tags")
        self.count.setItemText(1, pairs)
        self.note.setVisible(self.of_entities())
        if self.of_entities() and self.mentions is None:
            self._counting.forget()
            self._read_mentions()
            self._show_matrix(CoMatrix((), {}))
        elif self.of_entities():
            assert self.mentions is not None
            self._counting.forget()
            matrix = entity_cooccurrence(
                self.mentions, within=self.within(), count=self.count.currentData()
            )
            self._show_matrix(matrix)
        else:
            spans, paths, within = self.spans, self.paths, self.within()
            count, level = self.count.currentData(), self.level.currentData()

            def work(_cancelled: CancelCheck) -> CoMatrix:
                return cooccurrence(spans, paths, within=within, count=count, level=level)

            self.note.setText(self.tr("Counting…"))
            self.note.setVisible(True)
            self._counting.run(work)

    def _counted(self, matrix: object) -> None:
        assert isinstance(matrix, CoMatrix)
        self.note.setVisible(False)
        self._show_matrix(matrix)

    def _count_failed(self, message: str) -> None:
        self.note.setText(self.tr("Not counted: {0}").format(message))

    def _show_matrix(self, matrix: CoMatrix) -> None:
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
        self.behind_model.show([])
        self.export.setEnabled(bool(matrix.labels))

    def _read_mentions(self) -> None:
        """Read the corpus's entities in the background (finding those of documents not
        analysed yet), then count them."""
        if self.task is not None:
            return
        path = self.workspace.store.path

        def work(report: ProgressReporter, cancelled: CancelCheck) -> CorpusMentions:
            with Store(path, create=False) as own:  # one store per thread
                return corpus_mentions(
                    own, progress=lambda done, total: report(done, total, ""), cancelled=cancelled
                )

        task = Task(work, "entity co-occurrence")
        self.progress = TaskProgress(
            task,
            self,
            self.tr("Entities"),
            self.tr("Finding the entities of every document…"),
            lambda done, total, _label: self.tr("%n document(s) read", "", done),
        )
        task.signals.finished.connect(self._mentions_read)
        task.signals.failed.connect(self._mentions_failed)
        self.task = task
        self.note.setText(self.tr("Finding the entities of every document…"))
        start(task)

    def _mentions_read(self, found: CorpusMentions) -> None:
        cancelled = self.task is not None and self.task.is_cancelled()
        self._forget_task()
        self.mentions = found.mentions
        self.recount()
        shown = len(self.matrix.labels) if self.matrix is not None else 0
        text = self.tr(
            "The %n most widespread people, places, organisations and titles.", "", shown
        )
        if cancelled:
            text += " " + self.tr("Stopped early: only the documents read so far count.")
        self.note.setText(text)

    def _mentions_failed(self, message: str) -> None:
        self._forget_task()
        self.note.setText(self.tr("Entities not read: {0}").format(message))

    def _forget_task(self) -> None:
        if self.progress is not None:
            self.progress.close()
        self.progress, self.task = None, None

    def _entities_changed(self, *_changed: object) -> None:
        self.mentions = None
        if self.of_entities():
            self.recount()

    def _show_cell(self, row: int, column: int) -> None:
        """List the tags (or mentions) that meet in a cell below the matrix; the tags found,
        and their words read, on a worker thread."""
        if self.matrix is None:
            return
        first, second = self.matrix.labels[row], self.matrix.labels[column]
        self.behind_model.show([])
        if self.of_entities():
            self._listing.forget()
            mentions = meeting_mentions(self.mentions or [], first, second, within=self.within())
            titles: dict[int, str] = {}
            for mention in mentions:
                if mention.document_id not in titles:
                    titles[mention.document_id] = self._title(mention.document_id)
            self.behind_model.show(
                [Listed(titles[m.document_id], m.name, m.text, m) for m in mentions]
            )
            return
        spans, paths, within = self.spans, self.paths, self.within()
        level, store = self.level.currentData(), self.workspace.store
        path, read_only = store.path, store.read_only

        def work(_cancelled: CancelCheck) -> SegmentsFound:
            found = meeting_segments(spans, paths, first, second, within=within, level=level)
            # In document order, then by position, as found; their words read when painted.
            ids = [span.annotation_id for span in found]
            with Store(path, create=False, read_only=read_only, check=False) as own:
                return find_ids(own, ids)

        self._listing.run(work)

    def _show_behind(self, found: object) -> None:
        assert isinstance(found, SegmentsFound)
        listing = SegmentListing(self.workspace.store, found)
        self.behind_model.show_listing(listing, self.paths)

    def is_listing(self) -> bool:
        return self._listing.is_busy()

    def _title(self, document_id: int) -> str:
        try:
            title, _status = self.workspace.store.document_title_and_status(document_id)
        except KeyError:  # deleted since the entities were read
            return str(document_id)
        return title

    def _choose(self, row: int, _column: int) -> None:
        span = self.behind_model.tag(row)
        if span is not None:
            self.tagChosen.emit(span.document_id, span.start, span.end)

    def _ask_export(self) -> None:
        path = ask_csv_path(self, self.tr("Export co-occurrence"), "cooccurrence.csv")
        if path is not None:
            self.export_csv(path)

    def export_csv(self, path: Path) -> bool:
        if self.matrix is None:
            return False
        rows = self.matrix.csv_rows()
        if self.of_entities():
            rows[0][0] = "entity"
        return write_csv(self, self.tr("Export co-occurrence"), path, rows)
