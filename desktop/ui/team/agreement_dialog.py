"""The agreement report: pick the annotators, read the figures per pair, per label and
overall, and save them as CSV. The figures are the core's (desktop.core.agreement); this
only lays them out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.agreement import AgreementReport, figure, write_report_csv
from desktop.core.store import Store, StoreError
from desktop.core.team import TeamInputError, project_agreement
from desktop.ui.common.display_names import attribute_captions
from desktop.ui.common.reports import tell
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.workspace import Workspace


class AgreementDialog(QDialog):
    """The report for the checked annotators, computed when they change. ``computed``: a
    report (or the reason there is none) is shown."""

    computed = Signal()

    def __init__(
        self,
        workspace: Workspace,
        review: Callable[[Sequence[str]], object],
        parent: QWidget | None = None,
    ) -> None:
        """``review(annotators)`` opens the disagreement review of those annotators."""
        super().__init__(parent)
        self.workspace = workspace
        self.report: AgreementReport | None = None
        self._generation = 0  # counts computations started: only the latest is shown
        self.annotators = QListWidget()
        self.annotators.setMaximumWidth(180)
        for name in workspace.store.tagging_annotators():
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.annotators.addItem(item)
        self.annotators.itemChanged.connect(lambda _item: self.compute())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pairs = _table()
        self.labels = _table()
        self.pair_labels = _table()
        self.attributes = _table()
        self.tabs = tabs = QTabWidget()
        for table in (self.pairs, self.labels, self.pair_labels, self.attributes):
            tabs.addTab(table, "")
        self.save = QPushButton()
        self.save.clicked.connect(self.export_csv)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        self.review = QPushButton()
        self.review.clicked.connect(lambda: review(self.checked()))
        buttons.addButton(self.review, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        figures = QVBoxLayout()
        figures.addWidget(self.summary)
        figures.addWidget(tabs)
        body = QHBoxLayout()
        body.addWidget(self.annotators)
        body.addLayout(figures)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self.retranslate()
        self.compute()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Inter-coder agreement"))
        names = (self.tr("Pairs"), self.tr("Labels"), self.tr("Pairs by label"))
        for index, name in enumerate((*names, self.tr("Attributes"))):
            self.tabs.setTabText(index, name)
        self.save.setText(self.tr("Export CSV…"))
        self.review.setText(self.tr("Review disagreements…"))
        if self.report is not None:
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        # View > Language while the report is open: its words and headers follow.
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "review"):
            self.retranslate()
        super().changeEvent(event)

    def checked(self) -> list[str]:
        return [
            self.annotators.item(row).text()
            for row in range(self.annotators.count())
            if self.annotators.item(row).checkState() == Qt.CheckState.Checked
        ]

    def compute(self) -> None:
        """Compute the report for the checked annotators in the background (a project's worth
        of tags takes seconds), with a project connection of its own; a result that a newer
        choice has overtaken is dropped."""
        self._generation += 1
        generation = self._generation
        project, annotators = self.workspace.store.path, self.checked()

        def work(_report: ProgressReporter, _cancelled: CancelCheck) -> object:
            with Store(project, create=False) as store:
                try:
                    return generation, project_agreement(store, annotators=annotators)
                except (TeamInputError, StoreError) as error:
                    return generation, str(error)

        task = Task(work, "agreement")
        # Bound methods: Qt drops the connection if the dialog is closed before the result.
        task.signals.finished.connect(self._computed)
        task.signals.failed.connect(self._failed)
        self.report = None
        self.summary.setText(self.tr("Computing…"))
        self._show()
        start(task)

    def _failed(self, message: str) -> None:
        self._computed((self._generation, message))

    def _computed(self, outcome: tuple[int, object]) -> None:
        generation, result = outcome
        if generation != self._generation:
            return
        if isinstance(result, AgreementReport):
            self.report = result
        else:
            self.summary.setText(str(result))
        self._show()
        self.computed.emit()

    def _show(self) -> None:
        report = self.report
        captions = attribute_captions(self.workspace.store.attributes())
        self.save.setEnabled(report is not None)
        self.review.setEnabled(report is not None)
        for table in (self.pairs, self.labels, self.pair_labels, self.attributes):
            table.setRowCount(0)
        if report is None:
            return
        summary = self.tr("%n document(s) compared.", "", report.documents)
        summary += " " + self.tr("Krippendorff's alpha (character units): %1").replace(
            "%1", figure(report.alpha)
        )
        summary += " " + self.tr("Unitizing alpha: %1").replace("%1", figure(report.alpha_u))
        if len(report.annotators) > 2:
            summary += " " + self.tr("Fleiss' kappa: %1").replace("%1", figure(report.fleiss_kappa))
        self.summary.setText(summary)
        _fill(
            self.pairs,
            [
                self.tr("Annotator"),
                self.tr("Annotator"),
                self.tr("Cohen's kappa"),
                self.tr("Alpha"),
                self.tr("F1 exact"),
                self.tr("F1 overlap"),
            ],
            [
                [p.a, p.b, figure(p.kappa), figure(p.alpha), figure(p.f1_exact),
                 figure(p.f1_overlap)]
                for p in report.pairs
            ],
        )  # fmt: skip
        _fill(
            self.labels,
            [
                self.tr("Label"),
                self.tr("Alpha"),
                self.tr("Unitizing alpha"),
                self.tr("F1 exact"),
                self.tr("F1 overlap"),
            ],
            [
                [
                    label,
                    figure(s.alpha),
                    figure(s.alpha_u),
                    figure(s.f1_exact),
                    figure(s.f1_overlap),
                ]
                for label, s in report.labels.items()
            ],
        )
        _fill(
            self.pair_labels,
            [
                self.tr("Annotator"),
                self.tr("Annotator"),
                self.tr("Label"),
                self.tr("Cohen's kappa"),
                self.tr("F1 exact"),
                self.tr("F1 overlap"),
            ],
            [
                [p.a, p.b, label, figure(kappa), figure(exact), figure(overlap)]
                for p in report.pairs
                for label, (kappa, exact, overlap) in p.labels.items()
            ],
        )
        _fill(
            self.attributes,
            [self.tr("Attribute"), self.tr("Agreement"), self.tr("Cohen's kappa"),
             self.tr("Matched tags")],
            [
                [captions.get(name, name),
                 "–" if a.percent is None else f"{100 * a.percent:.1f}%",
                 figure(a.kappa), str(a.items)]
                for name, a in report.attributes.items()
            ],
        )  # fmt: skip

    def export_csv(self) -> None:
        if self.report is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export agreement"), "agreement.csv", self.tr("CSV files (*.csv)")
        )
        if not name:
            return
        try:
            write_report_csv(self.report, Path(name))
        except OSError as error:
            tell(
                self,
                self.tr("Export agreement"),
                self.tr("Could not write %1: %2")
                .replace("%1", name)
                .replace("%2", error.strerror or str(error)),
            )
            return
        self.workspace.message.emit(self.tr("Agreement saved to %1").replace("%1", name))


def _table() -> QTableWidget:
    table = QTableWidget()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if _is_figure(value):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()


def _is_figure(value: str) -> bool:
    """Whether a cell holds a number (figures are right-aligned): "0.812", "97.5%", "–"."""
    if value == "–":
        return True
    try:
        float(value.removesuffix("%"))
    except ValueError:
        return False
    return True
