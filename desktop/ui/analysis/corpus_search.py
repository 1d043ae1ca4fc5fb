"""The corpus search window: a query over every document, its hits in a keyword-in-context
table filled as they are found, counts per document, tagging the hits, exporting them.

The search runs on the GUI thread a slice at a time (a zero-delay timer, at most
``SLICE_SECONDS`` of work per slice), reading through the workspace's own store: the window
answers between slices, and a new query, a closed window or another project stops the old
search at its next slice. The hits per document are counted beside it on a worker thread with
a store of its own (``iter_counts``: from the index, or without making each hit), their table
filled a batch at a time under a progress bar (issue 17: a common term in a million documents).

The table lists at most ``HIT_LIMIT`` hits (a hit held in Python is about 600 bytes: a common
term's 1.5 million hits would take a gigabyte); the search on the window's thread stops there
and the summary gives the true totals from the count. Exporting streams every hit from the
store on a worker; sorting sorts the hits listed; "Tag all hits" is for a search that lists
them all.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
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
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exports.hits_csv import ExportCancelled, write_hits_csv
from desktop.core.exports.output import check_export_target
from desktop.core.memo_search import MemoHit, memo_hits
from desktop.core.memos import Memo
from desktop.core.model import Status
from desktop.core.search import (
    CountBatch,
    DocumentCount,
    Hit,
    Search,
    counts_by_title,
    hits_in,
    iter_counts,
    iter_matching,
)
from desktop.core.search_query import QueryError, SearchRestriction
from desktop.core.store import Store
from desktop.core.store.search_index import SearchText
from desktop.ui.analysis.csv_file import ask_csv_path
from desktop.ui.analysis.tag_hits import TagHits
from desktop.ui.common.fitting import add_name_item, fit_to_screen, keep_narrow
from desktop.ui.common.latest_job import LatestJob
from desktop.ui.common.names import display_name
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.workspace import Workspace

# Work per slice of the event loop: short enough that typing and scrolling stay smooth.
SLICE_SECONDS = 0.03
# Hits listed at most: about 6 MB of them (measured: ~600 bytes a hit with its contexts), far
# more than anyone reads down a concordance; beyond it, narrow the search or export them all.
HIT_LIMIT = 10_000
_ROOT = QModelIndex()
_COLUMNS = (
    QT_TRANSLATE_NOOP("HitTableModel", "Document"),
    QT_TRANSLATE_NOOP("HitTableModel", "Left"),
    QT_TRANSLATE_NOOP("HitTableModel", "Hit"),
    QT_TRANSLATE_NOOP("HitTableModel", "Right"),
    QT_TRANSLATE_NOOP("HitTableModel", "Position"),
)
DOCUMENT, LEFT, HIT, RIGHT, POSITION = range(len(_COLUMNS))
_COUNT_COLUMNS = (
    QT_TRANSLATE_NOOP("CorpusSearch", "Document"),
    QT_TRANSLATE_NOOP("CorpusSearch", "Hits"),
)
# The progress bar's steps: a count's part done, in thousandths.
_STEPS = 1000
# Where a memo is written, in the memo hits' first column.
_MEMO_PLACES = {
    "project": QT_TRANSLATE_NOOP("CorpusSearch", "Project journal"),
    "document": QT_TRANSLATE_NOOP("CorpusSearch", "Document {0}"),
    "label": QT_TRANSLATE_NOOP("CorpusSearch", "Label {0}"),
    "tag": QT_TRANSLATE_NOOP("CorpusSearch", "Tag {0}"),
}


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


class _LeftContextDelegate(QStyledItemDelegate):
    """The left context is cut on its left: the characters next to the hit stay in view."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class HitTableModel(QAbstractTableModel):
    """The hits, one row each; sorting by the left context compares it from the hit outwards
    (the characters nearest the hit first), as concordances do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        # Whether the search found more hits than these (HIT_LIMIT): sorting sorts these only.
        self.capped = False

    def clear(self) -> None:
        self.beginResetModel()
        self.hits = []
        self.capped = False
        self.endResetModel()

    def append(self, hits: list[Hit]) -> None:
        if not hits:
            return
        first = len(self.hits)
        self.beginInsertRows(_ROOT, first, first + len(hits) - 1)
        self.hits.extend(hits)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HitTableModel", str(_COLUMNS[section]))
        if role == Qt.ItemDataRole.ToolTipRole and self.capped:
            return QCoreApplication.translate(
                "HitTableModel", "Sorting sorts the {0:,} hits listed, not every hit"
            ).format(len(self.hits))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = (hit.title, _one_line(hit.left), hit.hit, _one_line(hit.right), hit.start)
        return values[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = {
            DOCUMENT: lambda h: (h.title, h.document_id, h.start),
            LEFT: lambda h: (h.left[::-1], h.document_id, h.start),
            HIT: lambda h: (h.hit, h.document_id, h.start),
            RIGHT: lambda h: (h.right, h.document_id, h.start),
            POSITION: lambda h: (h.start, h.document_id),
        }
        self.layoutAboutToBeChanged.emit()
        self.hits.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class DocumentCountModel(QAbstractTableModel):
    """The hits per document, one row each (a document's id under UserRole), appended as they
    are counted; sorted by title or hits (a million rows: a list sorted, not an item per cell
    as a table widget makes). Sorted from the rows in document order by one plain key, the
    sort being stable: ties stay in document order as a (key, document) tuple would put them,
    at a fraction of the cost (comparing tuples: 2-5 times slower at a million rows). By
    title, when ``sort_titles`` is given, the order is asked of it (the window has the store
    give it on a worker: sorting a million titles here froze the window for two seconds) and
    shown by ``show_sorted`` once found."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: list[DocumentCount] = []
        self._in_order: list[DocumentCount] = []  # as counted: ids ascending
        self.sort_titles: Callable[[list[DocumentCount], bool], None] | None = None

    def clear(self) -> None:
        self.beginResetModel()
        self.counts = []
        self._in_order = []
        self.endResetModel()

    def append(self, counts: list[DocumentCount]) -> None:
        if not counts:
            return
        first = len(self.counts)
        self.beginInsertRows(_ROOT, first, first + len(counts) - 1)
        self.counts.extend(counts)
        self._in_order.extend(counts)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.counts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COUNT_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CorpusSearch", str(_COUNT_COLUMNS[section]))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        count = self.counts[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return count.document_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return count.title if index.column() == 0 else count.hits
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By title or hits (ties in document order); no column (-1): in document order."""
        if column == 0 and self.sort_titles is not None:
            self.sort_titles(self._in_order, order == Qt.SortOrder.DescendingOrder)
            return
        self.layoutAboutToBeChanged.emit()
        if column < 0:
            self.counts = list(self._in_order)
        else:
            self.counts = sorted(
                self._in_order,
                key=itemgetter(1 if column == 0 else 2),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        self.layoutChanged.emit()

    def show_sorted(self, counts: list[DocumentCount]) -> None:
        """The same rows in an order found elsewhere (by title, by the store)."""
        self.layoutAboutToBeChanged.emit()
        self.counts = counts
        self.layoutChanged.emit()


class _ExportSignals(QObject):
    """What an export on a worker thread sends the window: the hits written so far."""

    written = Signal(int)


class _CountSignals(QObject):
    """What a count on a worker thread sends the window: each batch as it is counted."""

    counted = Signal(object)


class CorpusSearch(QDialog):
    """Search every document. ``hitChosen(document_id, start, end)`` on double-click."""

    hitChosen = Signal(int, int, int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.resize(1000, 600)
        self._matches: Iterator[tuple[SearchText, list[tuple[int, int]]]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._search_slice)
        self.per_document: Counter[int] = Counter()
        self._count_task: Task | None = None
        self._count_signals: _CountSignals | None = None
        # The search whose hits are shown (the query box may have changed since), its hits
        # as counted (None until the count is done), and an export of them under way.
        self._searched: tuple[Search, SearchRestriction] | None = None
        self.counted_hits: int | None = None
        self._counting_hits = 0
        self._export_task: Task | None = None
        self._export_signals: _ExportSignals | None = None
        self._export_path: Path | None = None
        self._build()
        self._fill_choices()
        self.retranslate()
        workspace.projectSwitched.connect(self._project_switched)
        workspace.labelsChanged.connect(self._fill_choices)
        fit_to_screen(self)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.returnPressed.connect(self.start)
        self.regex = QCheckBox()
        self.scope = QComboBox()
        for scope in ("text", "memos", "both"):
            self.scope.addItem("", scope)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.start)
        self.date_from = QLineEdit()
        self.date_to = QLineEdit()
        for box in (self.date_from, self.date_to):
            box.setFixedWidth(box.fontMetrics().horizontalAdvance("0000-00-00") + 24)
        self.status = QComboBox()
        self.source = QComboBox()
        keep_narrow(self.source)
        self.with_label = QComboBox()
        self.without_label = QComboBox()
        self.tag_label = QComboBox()
        for combo in (self.with_label, self.without_label, self.tag_label):
            keep_narrow(combo)
        self.model = HitTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LEFT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RIGHT, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)  # a context with a space would wrap, its end cut off
        self.table.setItemDelegateForColumn(LEFT, _LeftContextDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(self._choose)
        self.count_model = DocumentCountModel(self)
        self.count_model.sort_titles = self._sort_titles
        self._titles = LatestJob(self._titles_sorted, self._titles_not_sorted, "titles", self)
        self._titles_asked: tuple[int, int, bool] | None = None
        self.counts = QTableView()
        self.counts.setModel(self.count_model)
        self.counts.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.counts.setWordWrap(False)
        self.counts.verticalHeader().hide()
        self.counts.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.count_progress = QProgressBar()
        self.count_progress.setRange(0, _STEPS)
        self.count_progress.hide()
        self.export_progress = QProgressBar()
        self.export_progress.hide()
        self.memo_table = QTableWidget(0, 4)
        self.memo_table.setHorizontalHeaderLabels(
            [self.tr("Memo"), self.tr("Left"), self.tr("Hit"), self.tr("Right")]
        )
        self.memo_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.memo_table.setWordWrap(False)
        self.memo_table.verticalHeader().hide()
        self.memo_hits: list[MemoHit] = []
        self.side = QTabWidget()
        self.side.addTab(self.counts, self.tr("Per document"))
        self.side.addTab(self.memo_table, self.tr("Memos"))
        self.summary = QLabel()
        self.tag_all = QPushButton()
        self.tag_selected = QPushButton()
        self.export = QPushButton()
        self.tag_all.clicked.connect(self.tag_all_hits)
        self.tag_selected.clicked.connect(lambda: self.tag_hits(self.selected_hits()))
        self.export.clicked.connect(self._ask_export)

        query_row = QHBoxLayout()
        query_row.addWidget(self.query, 1)
        query_row.addWidget(self.regex)
        query_row.addWidget(self.scope)
        query_row.addWidget(self.search_button)
        filters = QHBoxLayout()
        self.captions = [QLabel() for _ in range(7)]  # the last one is the tag label's
        for caption, widget in zip(
            self.captions[:-1],
            (
                self.date_from,
                self.date_to,
                self.status,
                self.source,
                self.with_label,
                self.without_label,
            ),
            strict=True,
        ):
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.count_progress)
        actions.addWidget(self.export_progress)
        actions.addWidget(self.captions[-1])
        actions.addWidget(self.tag_label)
        actions.addWidget(self.tag_all)
        actions.addWidget(self.tag_selected)
        actions.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(query_row)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self._enable_actions()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search the corpus"))
        self.query.setPlaceholderText(self.tr('复工 OR 复产, "phrase", NOT, NEAR/10'))
        self.regex.setText(self.tr("Regular expression"))
        self.search_button.setText(self.tr("Search"))
        for box in (self.date_from, self.date_to):
            box.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.count_progress.setFormat(self.tr("Counting per document… %p%"))
        words = self.count_progress.format().replace("%p", "100")
        self.count_progress.setMinimumWidth(self.fontMetrics().horizontalAdvance(words) + 48)
        self.export_progress.setFormat(self.tr("Exporting hits… %p%"))
        words = self.export_progress.format().replace("%p", "100")
        self.export_progress.setMinimumWidth(self.fontMetrics().horizontalAdvance(words) + 48)
        self.tag_all.setText(self.tr("Tag all hits"))
        self.tag_selected.setText(self.tr("Tag selected hits"))
        self.export.setText(self.tr("Export CSV…"))
        self.export.setToolTip(self.tr("Write every hit of the search to a CSV file"))
        captions = (
            self.tr("From"),
            self.tr("To"),
            self.tr("Status"),
            self.tr("Source"),
            self.tr("With label"),
            self.tr("Without label"),
            self.tr("Label"),
        )
        for label, text in zip(self.captions, captions, strict=True):
            label.setText(text)
        for index, caption in enumerate(
            (self.tr("Text"), self.tr("Memos"), self.tr("Text and memos"))
        ):
            self.scope.setItemText(index, caption)
        self.scope.setToolTip(self.tr("Search the documents' text, the memos, or both"))
        self.memo_table.setHorizontalHeaderLabels(
            [self.tr("Memo"), self.tr("Left"), self.tr("Hit"), self.tr("Right")]
        )
        self.side.setTabText(0, self.tr("Per document"))
        self.side.setTabText(1, self.tr("Memos"))
        self.status.setItemText(0, self.tr("(all)"))
        self.source.setItemText(0, self.tr("(all)"))
        for index in range(1, self.status.count()):
            self.status.setItemText(index, display_name(str(self.status.itemData(index))))
        for combo in (self.with_label, self.without_label):
            combo.setItemText(0, self.tr("(any)"))
        if self.model.hits or self.searching:
            self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        # View > Language while the search is open: its words follow (the table's headers do).
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "captions"):
            self.retranslate()
        super().changeEvent(event)

    def _fill_choices(self) -> None:
        self.status.clear()
        self.status.addItem(self.tr("(all)"), None)
        for status in Status:
            self.status.addItem(display_name(status.value), status)
        self.source.clear()
        self.source.addItem(self.tr("(all)"), None)
        for source in self.workspace.store.document_sources():
            self.source.addItem(source, source)
        for combo in (self.with_label, self.without_label, self.tag_label):
            combo.clear()
            if combo is not self.tag_label:
                combo.addItem(self.tr("(any)"), None)
            for label in self.workspace.store.labels():
                add_name_item(combo, label.name, label.id)

    # Searching ----------------------------------------------------------------------------

    def restriction(self) -> SearchRestriction:
        def labels(combo: QComboBox) -> tuple[int, ...]:
            return () if combo.currentData() is None else (int(combo.currentData()),)

        status = self.status.currentData()
        source = self.source.currentData()
        return SearchRestriction(
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
            sources=() if source is None else (str(source),),
            statuses=() if status is None else (status,),
            with_labels=labels(self.with_label),
            without_labels=labels(self.without_label),
        )

    def start(self) -> None:
        """Search for what the query box says, replacing the hits shown."""
        self.stop()
        self.model.clear()
        self._titles.forget()  # the order of the rows going
        self.count_model.clear()
        self.per_document.clear()
        self._searched = None
        self._show_memo_hits([])
        try:
            search = Search(self.query.text(), regex=self.regex.isChecked())
            restriction = self.restriction()
        except QueryError as error:
            self.summary.setText(str(error))
            self._enable_actions()
            return
        scope = self.scope.currentData()
        if scope != "text":
            # Memos are few beside the documents: found at once.
            self._show_memo_hits(memo_hits(self.workspace.store, search))
            self.side.setCurrentWidget(self.memo_table)
        if scope == "memos":
            self._show_summary()
            return
        self.side.setCurrentWidget(self.counts if scope == "text" else self.memo_table)
        self._searched = (search, restriction)
        self._matches = iter_matching(self.workspace.store, search, restriction, batch=50)
        self.summary.setText(self.tr("Searching…"))
        self._timer.start()
        self._start_counting(search, restriction)

    def stop(self) -> None:
        self._timer.stop()
        self._matches = None
        self._stop_counting()
        self._stop_exporting()

    @property
    def searching(self) -> bool:
        """Whether hits are still being found or counted."""
        return self._matches is not None or self.counting

    @property
    def counting(self) -> bool:
        return self._count_task is not None

    def _start_counting(self, search: Search, restriction: SearchRestriction) -> None:
        """Count the hits per document on a worker thread, with a store of its own (its open
        takes the window's verdict on the file, see Store), showing each batch as it comes."""
        path, read_only = self.workspace.store.path, self.workspace.store.read_only
        signals = _CountSignals(self)

        def work(_report: ProgressReporter, cancelled: CancelCheck) -> None:
            with Store(path, create=False, read_only=read_only) as own:
                for batch in iter_counts(own, search, restriction, cancelled=cancelled):
                    signals.counted.emit(batch)

        task = Task(work, "hits per document")
        signals.counted.connect(self._counted)
        # Bound methods: Qt drops the connections when the dialog goes.
        task.signals.finished.connect(self._counts_finished)
        task.signals.failed.connect(self._counts_failed)
        # Gone once the work has returned (stopped or not): it sends nothing after that.
        task.signals.finished.connect(signals.deleteLater)
        task.signals.failed.connect(signals.deleteLater)
        self._count_task, self._count_signals = task, signals
        self.counted_hits, self._counting_hits = None, 0
        self.counts.setSortingEnabled(False)  # rows come in document order meanwhile
        self.count_progress.setValue(0)
        self.count_progress.show()
        start(task)

    def _stop_counting(self) -> None:
        task, signals = self._count_task, self._count_signals
        self._count_task = self._count_signals = None
        self.count_progress.hide()
        if task is not None:
            task.cancel()
        if signals is not None:
            signals.counted.disconnect(self._counted)  # batches on their way are dropped

    def _counted(self, batch: CountBatch) -> None:
        if self.sender() is not self._count_signals:
            return  # a count stopped since
        self.count_model.append(batch.counts)
        self._counting_hits += sum(count.hits for count in batch.counts)
        self.count_progress.setValue(round(batch.done * _STEPS))

    def _counts_finished(self, _result: object) -> None:
        if self._count_task is None or self.sender() is not self._count_task.signals:
            return
        self._stop_counting()
        self.counted_hits = self._counting_hits
        # Sortable now, left in document order until a header is clicked.
        self.counts.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.counts.setSortingEnabled(True)
        self._show_summary()

    def _sort_titles(self, counts: list[DocumentCount], descending: bool) -> None:
        """Put the per-document rows in the order of their titles, which the store gives on a
        worker thread (its titles' index), the table usable meanwhile."""
        asked = (id(counts), len(counts), descending)
        if self._titles.is_busy() and self._titles_asked == asked:
            return  # a header's click sorts twice (the view, then its indicator)
        self._titles_asked = asked
        path, read_only = self.workspace.store.path, self.workspace.store.read_only

        def work(cancelled: CancelCheck) -> list[DocumentCount] | None:
            with Store(path, create=False, read_only=read_only, check=False) as own:
                return counts_by_title(
                    own.document_ids_by_title(), counts, descending=descending, cancelled=cancelled
                )

        self._titles.run(work)

    def sorting_titles(self) -> bool:
        return self._titles.is_busy()

    def _titles_sorted(self, answer: object) -> None:
        if isinstance(answer, list):
            self.count_model.show_sorted(answer)

    def _titles_not_sorted(self, message: str) -> None:
        self.workspace.message.emit(self.tr("Not sorted: {0}").format(message))

    def _counts_failed(self, message: str) -> None:
        if self._count_task is None or self.sender() is not self._count_task.signals:
            return
        self._stop_counting()
        self.summary.setText(message)

    def _search_slice(self) -> None:
        if self._matches is None:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        found: list[Hit] = []
        room = HIT_LIMIT - len(self.model.hits)
        done = False
        while time.perf_counter() < deadline:
            match = next(self._matches, None)
            if match is None:
                done = True
                break
            text, spans = match
            self.per_document[text.document_id] += len(spans)
            found.extend(hits_in(text, spans))
            if len(found) > room:
                # More than the table lists: the count gives the totals, the export all hits.
                del found[room:]
                self.model.capped = done = True
                break
        self.model.append(found)
        if done:
            self._matches = None
        else:
            self._timer.start()
        self._show_summary()

    def _show_summary(self) -> None:
        if self.model.capped:
            text = self._capped_summary()
        else:
            hits = self.tr("%n hit(s)", "", len(self.model.hits))
            documents = self.tr("in %n document(s)", "", len(self.per_document))
            text = f"{hits} {documents}"
        if self.scope.currentData() != "text":
            text += ", " + self.tr("%n memo hit(s)", "", len(self.memo_hits))
        finding = self._matches is not None
        self.summary.setText(self.tr("{0} (searching…)").format(text) if finding else text)
        self._enable_actions()

    def _capped_summary(self) -> str:
        """More hits than listed: how many, from the count once it is done."""
        listed = len(self.model.hits)
        if self.counted_hits is None:
            return self.tr("showing the first {0:,} hits (counting them all…)").format(listed)
        documents = self.count_model.rowCount()
        return self.tr("showing the first {0:,} of {1:,} hits in {2:,} documents").format(
            listed, self.counted_hits, documents
        )

    def _show_memo_hits(self, hits: list[MemoHit]) -> None:
        self.memo_hits = hits
        self.memo_table.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            cells = (self._memo_place(hit.memo), hit.left, hit.hit, hit.right)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(_one_line(text))
                item.setToolTip(hit.memo.text)
                if column == 1:
                    alignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    item.setTextAlignment(alignment)
                self.memo_table.setItem(row, column, item)
        self.memo_table.resizeColumnsToContents()

    def _memo_place(self, memo: Memo) -> str:
        place = QCoreApplication.translate("CorpusSearch", str(_MEMO_PLACES[memo.target]))
        if memo.target == "label":
            names = {label.id: label.name for label in self.workspace.store.labels()}
            place = place.format(names.get(memo.target_id or 0, memo.target_id))
        elif memo.target_id is not None:
            place = place.format(memo.target_id)
        return f"{place}: {memo.title}" if memo.title else place

    def _enable_actions(self) -> None:
        has_hits = bool(self.model.hits) and self._matches is None
        has_label = self.tag_label.count() > 0
        self.tag_all.setEnabled(has_hits and has_label and not self.model.capped)
        self.tag_all.setToolTip(
            self.tr(
                "Only the first {0:,} hits are listed: narrow the search to tag all its hits"
            ).format(HIT_LIMIT)
            if self.model.capped
            else ""
        )
        self.tag_selected.setEnabled(has_hits and has_label)
        self.export.setEnabled(has_hits and not self.exporting)

    def _project_switched(self) -> None:
        self.stop()
        self.model.clear()
        self._titles.forget()
        self.count_model.clear()
        self.per_document.clear()
        self._searched = None
        self._show_memo_hits([])
        self.summary.clear()
        self._fill_choices()
        self._enable_actions()

    def done(self, result: int) -> None:
        self.stop()
        super().done(result)

    # Acting on hits -----------------------------------------------------------------------

    def selected_hits(self) -> list[Hit]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.hits[row] for row in sorted(rows)]

    def _choose(self, index: QModelIndex) -> None:
        hit = self.model.hits[index.row()]
        self.hitChosen.emit(hit.document_id, hit.start, hit.end)

    def tag_all_hits(self) -> TagHits | None:
        """Tag every hit: only when the table lists them all (the button is off otherwise)."""
        if self.model.capped:
            return None
        return self.tag_hits(self.model.hits)

    def tag_hits(self, hits: list[Hit]) -> TagHits | None:
        """Tag ``hits`` with the chosen label, as one undo step."""
        label_id = self.tag_label.currentData()
        workspace = self.workspace
        # Documents deleted in the window since the search: their hits failed the whole step.
        present = set(workspace.store.document_ids())
        hits = [hit for hit in hits if hit.document_id in present]
        if not hits or label_id is None:
            return None
        command = TagHits(
            workspace.store,
            workspace.announce_annotations,
            hits,
            int(label_id),
            workspace.annotator,
        )
        workspace.undo_stack.push(command)
        workspace.message.emit(self.tr("%n tag(s) added", "", command.count))
        return command

    def _ask_export(self) -> None:
        path = ask_csv_path(self, self.tr("Export hits"), "hits.csv")
        if path is not None:
            self.export_csv(path)

    @property
    def exporting(self) -> bool:
        return self._export_task is not None

    def export_csv(self, path: Path) -> bool:
        """Write every hit of the search, listed or not, to ``path`` as CSV (UTF-8 with BOM,
        for spreadsheets), in document order, on a worker with a store of its own: streamed
        from the store row by row into a file beside ``path``, renamed onto it when complete.
        A new search, another project or closing the window stops it, leaving no file.
        False when there is no search to export or an export is under way."""
        if self._searched is None or self.exporting:
            return False
        search, restriction = self._searched
        store_path, read_only = self.workspace.store.path, self.workspace.store.read_only
        signals = _ExportSignals(self)

        def work(_report: ProgressReporter, cancelled: CancelCheck) -> int | None:
            check_export_target(path, store_path)  # never over the project itself
            with Store(store_path, create=False, read_only=read_only) as own:
                try:
                    return write_hits_csv(
                        own, search, path, restriction,
                        cancelled=cancelled, progress=signals.written.emit,
                    )  # fmt: skip
                except ExportCancelled:
                    return None

        task = Task(work, "export hits")
        signals.written.connect(self._exported_some)
        task.signals.finished.connect(self._export_finished)
        task.signals.failed.connect(self._export_failed)
        task.signals.finished.connect(signals.deleteLater)
        task.signals.failed.connect(signals.deleteLater)
        self._export_task, self._export_signals, self._export_path = task, signals, path
        if self.counted_hits is not None:
            self.export_progress.setRange(0, max(self.counted_hits, 1))
        else:  # still counting: a busy bar when more hits than listed
            self.export_progress.setRange(0, 0 if self.model.capped else len(self.model.hits))
        self.export_progress.setValue(0)
        self.export_progress.show()
        self._enable_actions()
        start(task)
        return True

    def _stop_exporting(self) -> None:
        task, signals = self._export_task, self._export_signals
        self._export_task = self._export_signals = None
        self.export_progress.hide()
        if task is not None:
            task.cancel()  # the worker removes its partial file
        if signals is not None:
            signals.written.disconnect(self._exported_some)
        self._enable_actions()

    def _exported_some(self, written: int) -> None:
        if self.sender() is self._export_signals:
            self.export_progress.setValue(min(written, self.export_progress.maximum()))

    def _export_finished(self, written: object) -> None:
        if self._export_task is None or self.sender() is not self._export_task.signals:
            return
        path = self._export_path
        self._stop_exporting()
        if isinstance(written, int):
            self.workspace.message.emit(
                self.tr("%n hit(s) exported to {0}", "", written).format(path)
            )

    def _export_failed(self, message: str) -> None:
        if self._export_task is None or self.sender() is not self._export_task.signals:
            return
        path = self._export_path
        self._stop_exporting()
        reason = QCoreApplication.translate("CsvFile", "Could not write {0}: {1}")
        QMessageBox.warning(self, self.tr("Export hits"), reason.format(path, message))
