"""The coded segments tab of the tag-counts window: every tag with its text, label path,
attributes, note, document and the document's variables, filtered by a label (with its
sub-labels) and field values (issuer = 市长, annotator, a document variable: city = 宿迁); a
double-click opens the tag in its document; exported as CSV, an Excel workbook, or a report
to send (HTML, Markdown, Word). A cross table's cell opens here, filtered to that cell. The
choosing and the writing are the core's (``segment_filter``, ``exports.segments_report``)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
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
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exports.output import writing_to
from desktop.core.exports.segments_report import write_report
from desktop.core.model import Label
from desktop.core.natural_sort import natural_key
from desktop.core.segment_filter import Condition, SegmentFilter, store_where
from desktop.core.segment_listing import SegmentListing, SegmentsFound, every_segment, find
from desktop.core.stats import NONE, UnknownField, values_of_field
from desktop.core.store import Store
from desktop.core.store.segments import CodedSegment
from desktop.ui.common.latest_job import LatestJob
from desktop.ui.common.messages import error_text
from desktop.ui.common.workers import CancelCheck
from desktop.ui.workspace import Workspace

_ROOT = QModelIndex()
_COLUMNS = (
    QT_TRANSLATE_NOOP("SegmentsModel", "Document"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Date"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Label"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Text"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Attributes"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Annotator"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Note"),
    QT_TRANSLATE_NOOP("SegmentsModel", "Document variables"),
)
# Values offered for a field, at most: a field such as the document has one per tagged
# document (200,000 in a large project), which a list box takes seconds to fill; any value
# can be typed.
MOST_OFFERED = 1000
# The file dialog's choices: (filter text, suffix).
_EXPORTS = (
    (QT_TRANSLATE_NOOP("SegmentsView", "CSV table (*.csv)"), ".csv"),
    (QT_TRANSLATE_NOOP("SegmentsView", "Excel workbook (*.xlsx)"), ".xlsx"),
    (QT_TRANSLATE_NOOP("SegmentsView", "HTML report (*.html)"), ".html"),
    (QT_TRANSLATE_NOOP("SegmentsView", "Markdown report (*.md)"), ".md"),
    (QT_TRANSLATE_NOOP("SegmentsView", "Word report (*.docx)"), ".docx"),
)


def _joined(values: dict[str, Any]) -> str:
    shown = []
    for name, value in values.items():
        text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
        if text:
            shown.append(f"{name}: {text}")
    return "; ".join(shown)


class SegmentsModel(QAbstractTableModel):
    """The chosen segments, a row each, read from the store as they are painted (a
    ``SegmentListing``: never all of them); the full segment under ``Qt.UserRole``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.listing: SegmentListing | None = None
        self.paths: dict[int, str] = {}

    def reset(self, listing: SegmentListing | None, paths: dict[int, str]) -> None:
        self.beginResetModel()
        self.listing, self.paths = listing, paths
        self.endResetModel()

    def tags_changed(self) -> None:
        """The project's tags changed: a listing shown reads no more rows by rank until it
        is found again (see ``SegmentListing.changed``)."""
        if self.listing is not None:
            self.listing.changed()

    def segment(self, row: int) -> CodedSegment | None:
        """The segment of a row; None when it cannot be read (deleted since it was counted)."""
        if self.listing is None:
            return None
        try:
            return self.listing.row(row)
        except IndexError:
            return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() or self.listing is None else self.listing.total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SegmentsModel", str(_COLUMNS[section]))
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        segment = self.segment(index.row())
        if segment is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return segment
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = self.cell(segment, index.column())
        return text if role == Qt.ItemDataRole.ToolTipRole else " ".join(text.split("\n"))

    def cell(self, segment: CodedSegment, column: int) -> str:
        variables = {"source": segment.source, **segment.metadata}
        return (
            f"{segment.document_id}: {segment.title}",
            segment.date,
            self.paths.get(segment.label_id, ""),
            segment.text,
            _joined(segment.attributes),
            segment.annotator,
            segment.note,
            _joined(variables),
        )[column]


class SegmentsView(QWidget):
    """The segments and their filter. ``tagChosen(document_id, start, end)`` on double-click.
    The store filters and counts them and finds the values offered, on worker threads; the
    rows are read from the store as the table paints them (a million documents' tags: never
    all of them in Python), and all of them only by an export, on a worker thread.
    ``exportFinished(path, reason)``: an export ended, written ("") or not (why)."""

    tagChosen = Signal(int, int, int)
    exportFinished = Signal(str, str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ready = False  # the labels and fields read: the tags can be found
        self.labels: list[Label] = []
        self.paths: dict[int, str] = {}
        self.variable_names: Collection[str] = ()
        self.conditions: list[Condition] = []
        self.fields: list[str] = []
        self._active = False  # the tab shown
        self._stale = False  # tags read while it was not, not filtered yet
        # A field's name in the interface language, by its name (the counts window's words).
        self.field_names: dict[str, str] = {}
        self.label = QComboBox()
        self.field = QComboBox()
        self.value = QComboBox()
        self.value.setEditable(True)
        self.value.setMinimumContentsLength(10)
        self.add = QPushButton()
        self.add.clicked.connect(self._add_condition)
        self.clear = QPushButton()
        self.clear.clicked.connect(self.clear_filter)
        self.chips = QHBoxLayout()
        self.found = QLabel()
        self.export = QPushButton()
        self.export.clicked.connect(self._ask_export)
        self.model = SegmentsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        # Row numbers would have the header ask every row's (400,000 calls: seconds).
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._choose)
        self.captions = [QLabel(), QLabel()]
        choices = QHBoxLayout()
        choices.addWidget(self.captions[0])
        choices.addWidget(self.label)
        choices.addWidget(self.captions[1])
        choices.addWidget(self.field)
        choices.addWidget(self.value)
        choices.addWidget(self.add)
        choices.addStretch(1)
        chosen = QHBoxLayout()
        chosen.addLayout(self.chips)
        chosen.addWidget(self.clear)
        chosen.addStretch(1)
        chosen.addWidget(self.found)
        chosen.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(chosen)
        layout.addWidget(self.table, 1)
        self.label.currentIndexChanged.connect(self.refilter)
        self.field.currentIndexChanged.connect(self._offer_values)
        self._filtering = LatestJob(self._filtered, self._not_found, "segments filter", self)
        self._filtering.busyChanged.connect(self._busy_changed)
        self._offering = LatestJob(self._offered, self._not_found, "segment values", self)
        self._exporting = LatestJob(self._exported, self._export_failed, "segments export", self)
        self._exporting.busyChanged.connect(self._busy_changed)
        # An export under way: its file and how many tags it writes. It is not forgotten
        # when the project switches: it ends, and says so, as the user asked.
        self._export_target: Path | None = None
        self._export_count = 0
        self.retranslate()
        self._show_chips()  # nothing to clear before the tags are read

    def retranslate(self) -> None:
        self.captions[0].setText(self.tr("Label"))
        self.captions[1].setText(self.tr("Where"))
        self.add.setText(self.tr("Add condition"))
        self.clear.setText(self.tr("Clear filter"))
        self.export.setText(self.tr("Export…"))
        if self.label.count():
            self.label.setItemText(0, self.tr("(every label)"))
        self._show_found()

    def reload(
        self,
        labels: list[Label],
        paths: dict[int, str],
        field_names: dict[str, str],
        fields: list[str],
        variable_names: Collection[str],
    ) -> None:
        """The tags as they are now, filtered as chosen so far; ``fields``: those a condition
        may name (``stats.fields_offered``), ``field_names`` their names as shown;
        ``variable_names``: the store's ``segment_variable_names``."""
        self.ready, self.labels, self.paths = True, labels, paths
        self.variable_names = variable_names
        self._fill_combo(
            self.label,
            [(self.tr("(every label)"), None)]
            + [(path, label_id) for label_id, path in sorted(paths.items(), key=_by_path)],
        )
        self.fields = fields
        self.rename_fields(field_names)
        self._stale = True
        if self._active:
            self.set_active(True)

    def set_active(self, active: bool) -> None:
        """Whether the tab is the one shown: tags read while it is not are filtered (and
        their values offered) once it is, so they do not slow the tab that is."""
        self._active = active
        if active and self._stale:
            self._stale = False
            self._offer_values()
            self.refilter()

    def is_busy(self) -> bool:
        """Whether the tags shown are still to come: not read yet, or being filtered."""
        return not self.ready or self._stale or self._filtering.is_busy()

    def forget(self) -> None:
        """Drop the tags read and what is being found of them (the project changed, the
        window closed); the filter chosen stays."""
        for job in (self._filtering, self._offering):
            job.forget()
        self.ready = False
        self.model.reset(None, self.paths)
        self._show_found()

    def rename_fields(self, field_names: dict[str, str]) -> None:
        """The fields' names as shown (the interface language changed)."""
        # A copy, not the window's method: a child holding its parent would keep a closed
        # window alive until Python's collector ran.
        self.field_names = dict(field_names)
        shown = [(self.field_names.get(name, name), name) for name in self.fields]
        self._fill_combo(self.field, shown)
        self._show_chips()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def _offer_values(self) -> None:
        """The values the chosen field has among the tags, to pick from (or type), found on
        a worker thread."""
        name = self.field.currentData()
        self.value.clear()
        if name is None or not self.ready:
            return
        paths = self.paths
        path, read_only = self.workspace.store.path, self.workspace.store.read_only

        def work(_cancelled: CancelCheck) -> list[str]:
            with Store(path, create=False, read_only=read_only, check=False) as own:
                return values_of_field(own, paths, name)

        self._offering.run(work)

    def _offered(self, values: object) -> None:
        assert isinstance(values, list)
        typed = self.value.currentText()
        self.value.clear()
        self.value.addItems(values[:MOST_OFFERED])
        self.value.setCurrentText(typed)  # what was typed meanwhile stays

    def _not_found(self, message: str) -> None:
        self.workspace.message.emit(self.tr("Tags not filtered: {0}").format(message))

    def current_filter(self) -> SegmentFilter:
        label_id = self.label.currentData()
        labels = frozenset() if label_id is None else frozenset({label_id})
        return SegmentFilter(labels, tuple(self.conditions))

    def show_filter(self, chosen: SegmentFilter) -> None:
        """Show the tags ``chosen`` lets through (a cross table's cell)."""
        self.conditions = list(chosen.conditions)
        label_id = next(iter(chosen.label_ids), None)
        self.label.blockSignals(True)
        self.label.setCurrentIndex(max(0, self.label.findData(label_id)))
        self.label.blockSignals(False)
        self.refilter()

    def clear_filter(self) -> None:
        self.show_filter(SegmentFilter())

    def _add_condition(self) -> None:
        name, value = self.field.currentData(), self.value.currentText().strip()
        if name is None:
            return
        self.conditions.append((name, value or NONE))
        self.refilter()

    def _remove_condition(self, index: int) -> None:
        del self.conditions[index]
        self.refilter()

    def refilter(self) -> None:
        """Show the tags the filter lets through, found on a worker thread."""
        self._show_chips()
        if not self.ready:
            self._show_found()
            return
        labels, chosen, names = self.labels, self.current_filter(), self.variable_names
        path, read_only = self.workspace.store.path, self.workspace.store.read_only

        def work(_cancelled: CancelCheck) -> SegmentsFound | UnknownField:
            # Checked when the window opened it: not read whole again.
            with Store(path, create=False, read_only=read_only, check=False) as own:
                try:
                    return find(own, store_where(own, labels, chosen, names))
                except UnknownField as error:
                    return error

        self._filtering.run(work)

    def _filtered(self, answer: object) -> None:
        if isinstance(answer, UnknownField):
            # A condition on a variable no document has any more (they were deleted).
            QMessageBox.warning(self, self.tr("Coded segments"), error_text(answer))
            self.conditions = []
            self.refilter()
            return
        assert isinstance(answer, SegmentsFound)
        self.model.reset(SegmentListing(self.workspace.store, answer), self.paths)
        self._show_found()

    @property
    def shown(self) -> list[CodedSegment]:
        """Every segment shown, read from the store now (an export)."""
        listing = self.model.listing
        return [] if listing is None else listing.every_row()

    def shown_count(self) -> int:
        listing = self.model.listing
        return 0 if listing is None else listing.total

    def _show_chips(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for index, (name, value) in enumerate(self.conditions):
            chip = QToolButton()
            shown = self.tr("(none)") if value == NONE else value
            chip.setText(f"{self.field_names.get(name, name)} = {shown}  ✕")
            chip.setToolTip(self.tr("Remove this condition"))
            chip.clicked.connect(lambda _checked=False, i=index: self._remove_condition(i))
            self.chips.addWidget(chip)
        self.clear.setEnabled(bool(self.conditions) or self.label.currentIndex() > 0)

    def _busy_changed(self, _busy: bool) -> None:
        self._show_found()

    def _show_found(self) -> None:
        if not self.ready:
            self.found.setText(self.tr("Reading the tags…"))
        elif self._filtering.is_busy():
            self.found.setText(self.tr("Filtering…"))
        elif self._exporting.is_busy():
            self.found.setText(self.tr("Exporting %n tag(s)…", "", self._export_count))
        else:
            self.found.setText(self.tr("%n tag(s)", "", self.shown_count()))
        busy = self._filtering.is_busy() or self._exporting.is_busy()
        self.export.setEnabled(self.shown_count() > 0 and not busy)

    def _choose(self, index: QModelIndex) -> None:
        segment = self.model.segment(index.row())
        if segment is None:
            return
        self.tagChosen.emit(segment.document_id, segment.start, segment.end)

    def _ask_export(self) -> None:
        filters = [QCoreApplication.translate("SegmentsView", str(t)) for t, _s in _EXPORTS]
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export coded segments"), "segments.csv", ";;".join(filters)
        )
        if not path:
            return
        target = Path(path)
        if not target.suffix and chosen in filters:
            target = target.with_suffix(_EXPORTS[filters.index(chosen)][1])
        self.export_to(target)

    def export_to(self, target: Path) -> None:
        """Write the segments shown as ``target``'s suffix says, on a worker thread: every tag
        is read with its words (seconds at a million documents). ``exportFinished`` says when
        it is written, or why not (shown to the user too)."""
        listing = self.model.listing
        where, ids = (listing.where, listing.ids) if listing is not None else (None, ())
        labels, described = self.labels, self.current_filter().describe(self.labels)
        path, read_only = self.workspace.store.path, self.workspace.store.read_only

        def work(_cancelled: CancelCheck) -> OSError | ValueError | None:
            with writing_to(target):  # after an export of the same file begun before
                # Checked when the window opened it: not read whole again.
                with Store(path, create=False, read_only=read_only, check=False) as own:
                    rows = every_segment(own, where, ids)
                try:
                    write_report(target, rows, labels, described)
                except (OSError, ValueError) as error:
                    return error
                return None

        self._export_target, self._export_count = target, self.shown_count()
        self._exporting.run(work)

    def _exported(self, answer: object) -> None:
        if answer is None:
            self.exportFinished.emit(str(self._export_target), "")
            return
        assert isinstance(answer, OSError | ValueError)
        detail = answer.strerror if isinstance(answer, OSError) else None
        self._export_failed(detail or error_text(answer))

    def _export_failed(self, reason: str) -> None:
        self.exportFinished.emit(str(self._export_target), reason)
        text = self.tr("Could not write {0}: {1}").format(self._export_target, reason)
        QMessageBox.warning(self, self.tr("Export coded segments"), text)


def _by_path(item: tuple[int, str]) -> str:
    return natural_key(item[1])
