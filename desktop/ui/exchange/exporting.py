"""File > Export and File > Import annotated set: the work in the background and its report.

The export itself is :func:`desktop.core.exports.formats.export_project` and the import
:func:`desktop.core.exports.importing.store_annotated_set`; both run on a pool thread with a
Store of their own (an SQLite connection stays on its thread) behind a cancellable progress
dialog. What to export and where is asked by
:class:`~desktop.ui.exchange.export_dialog.ExportDialog`.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.exports.formats import ExportResult, export_project, read_annotated_set
from desktop.core.exports.importing import ImportReport, store_annotated_set
from desktop.core.exports.selection import ExportOptions
from desktop.core.store import Store
from desktop.core.textio import printable_path
from desktop.ui.common.messages import translated
from desktop.ui.common.progress import StepText, TaskProgress
from desktop.ui.common.reports import ReportDialog, tell
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.exchange.importing import refuse_for_size_limit

log = logging.getLogger(__name__)


class ExportCancelled(Exception):
    pass


class ExportNotWritten(Exception):
    """The export could not be written where the user chose; names that place, not the
    hidden scratch file or folder the export writes first."""


def not_written(target: Path, error: OSError) -> ExportNotWritten:
    reason = error.strerror or str(error)
    message = QCoreApplication.translate("ExchangeController", "Could not write {0}: {1}")
    return ExportNotWritten(message.format(target, reason))


def export_in_background(
    db_path: Path,
    format_name: str,
    target: Path,
    options: ExportOptions,
    report_progress: ProgressReporter,
    is_cancelled: CancelCheck,
) -> ExportResult | None:
    """Runs on a pool thread; returns None when cancelled (and nothing was written)."""

    def progress(done: int, total: int) -> None:
        if is_cancelled():
            raise ExportCancelled
        report_progress(done, total, "")

    with Store(db_path, create=False) as store:
        try:
            return export_project(store, format_name, target, options, progress)
        except ExportCancelled:
            return None
        except OSError as error:  # read-only, full, gone: said of the user's own choice
            raise not_written(target, error) from error


def import_in_background(
    db_path: Path,
    path: Path,
    report_progress: ProgressReporter,
    _is_cancelled: CancelCheck,
    update_existing: bool = False,
) -> ImportReport:
    """Store one set; ``update_existing``: tags already present take the set's note and
    attributes where they differ (else they are only counted)."""
    report_progress(0, 0, printable_path(path.name))  # no surrogates for Qt to print
    annotated = read_annotated_set(path)
    with Store(db_path) as store:
        return store_annotated_set(store, annotated, update_existing=update_existing)


class ExchangeController(QObject):
    """Runs one export or annotated-set import at a time for a window; annotated sets wait
    their turn and are reported together once the last is in.

    ``imported(report)`` after each set tells the window to reload what it shows.
    """

    imported = Signal(object)

    def __init__(self, db_path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.db_path = db_path  # public: the window points it at another project
        self._window = parent
        self._task: Task | None = None
        self._progress: TaskProgress | None = None
        self._waiting: deque[Path] = deque()  # annotated sets not yet started
        self._importing: Path | None = None  # the set the running task reads
        self._reports: list[ImportReport] = []  # of this batch, for its one report dialog
        self._failures: list[tuple[Path, str]] = []
        # Sets read again because the user chose to give present tags the set's details.
        self._updating: set[Path] = set()

    def is_running(self) -> bool:
        return self._task is not None or bool(self._waiting)

    def export(self, format_name: str, target: Path, options: ExportOptions) -> None:
        db_path = self.db_path
        task = Task(
            lambda progress, cancelled: export_in_background(
                db_path, format_name, target, options, progress, cancelled
            ),
            name="export",
        )
        task.signals.finished.connect(self._exported)
        self._run(
            task,
            self.tr("Exporting"),
            lambda done, total, _label: self.tr("Exported {0} of {1} documents").format(
                done, total
            ),
        )

    def import_sets(self, paths: Sequence[Path]) -> None:
        """Import annotated sets one after another, each in its own transaction, after
        whatever runs now; one report lists them all at the end."""
        if refuse_for_size_limit(self._window):
            return
        self._waiting.extend(paths)
        if self._task is None:
            self._start_next()

    def _start_next(self) -> None:
        path = self._importing = self._waiting.popleft()
        db_path, update = self.db_path, path in self._updating
        task = Task(
            lambda progress, cancelled: import_in_background(
                db_path, path, progress, cancelled, update
            ),
            name="import annotated set",
        )
        task.signals.finished.connect(self._imported)
        self._run(
            task, self.tr("Importing"), lambda _d, _t, name: self.tr("Reading {0}").format(name)
        )

    def _run(self, task: Task, title: str, step_text: StepText) -> None:
        if self._task is not None:
            raise RuntimeError("an export or import is already running")
        task.signals.failed.connect(self._failed)
        self._progress = TaskProgress(task, self._window, title, self.tr("Starting…"), step_text)
        self._task = task
        start(task)

    def _end(self) -> None:
        self._task = None
        self._importing = None
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.close()

    def _exported(self, result: ExportResult | None) -> None:
        self._end()
        if result is None:
            tell(self._window, self.tr("Export cancelled"), self.tr("Nothing was written."))
        else:
            self._report_export(result)
        self._continue()

    def _report_export(self, result: ExportResult) -> None:
        """What was written, and what the format's readers must know before using the file
        (e.g. doccano dropping overlapping tags): a warning the user sees, not only the log."""
        text = self.tr("{0} in {1} written to {2}").format(
            self.tr("%n tag(s)", "", result.tags),
            self.tr("%n document(s)", "", result.documents),
            result.path,
        )
        if not result.warnings:
            tell(self._window, self.tr("Export finished"), text)
            return
        heading = self.tr("Before you use the file:")
        lines = "\n".join(f"• {translated(warning)}" for warning in result.warnings)
        tell(
            self._window,
            self.tr("Export finished"),
            f"{text}\n\n{heading}\n{lines}",
            QMessageBox.Icon.Warning,
        )

    def _imported(self, report: ImportReport) -> None:
        self._end()
        self._reports.append(report)
        self.imported.emit(report)
        self._continue()

    def _failed(self, message: str) -> None:
        importing = self._importing
        self._end()
        if importing is None:  # an export
            tell(self._window, self.tr("Could not finish"), message, QMessageBox.Icon.Warning)
        else:  # this set is left out whole; the others still come in
            self._failures.append((importing, message))
        self._continue()

    def _continue(self) -> None:
        """The next waiting set, or the batch's report once the last is done."""
        if self._waiting:
            self._start_next()
            return
        if self._offer_update():
            return
        reports, failures = self._reports, self._failures
        self._reports, self._failures = [], []
        self._updating.clear()
        if reports:
            AnnotatedImportReportDialog(reports, self._window, failures).open()
        elif failures:
            lines = [failure_line(path, message) for path, message in failures]
            tell(
                self._window,
                self.tr("Could not finish"),
                "\n".join(lines),
                QMessageBox.Icon.Warning,
            )

    def _offer_update(self) -> bool:
        """Tags the project already has whose note or attributes the sets tell otherwise:
        ask whether they take the sets' (their sets are read again, in one transaction each).
        True when they are being read again; the report waits for that."""
        differing = [r for r in self._reports if r.differing and r.path not in self._updating]
        if not differing:
            return False
        count = sum(report.differing for report in differing)
        answer = QMessageBox.question(
            self._window,
            self.tr("Tags already present"),
            self.tr(
                "%n tag(s) already in the project have another note or other attributes in the "
                "imported set. Give them the set's note and attributes?",
                "",
                count,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        for report in differing:
            self._reports.remove(report)  # the second reading reports that set
            self._updating.add(report.path)
            self._waiting.append(report.path)
        self._start_next()
        return True


def failure_line(path: Path, message: str) -> str:
    """A set that could not be imported, named once (readers often name it themselves)."""
    return message if message.startswith(path.name) else f"{path.name}: {message}"


class AnnotatedImportReportDialog(ReportDialog):
    """What came in from each set, the labels added, every refused record with its place and
    reason, and the sets that could not be read at all."""

    def __init__(
        self,
        reports: Sequence[ImportReport],
        parent: QWidget | None = None,
        failures: Sequence[tuple[Path, str]] = (),
    ) -> None:
        super().__init__(parent)
        several = len(reports) != 1 or bool(failures)
        lines = [self._summary(report) for report in reports] if several else []
        for report in reports:
            # With several sets each line names its file: people copy them into bug reports.
            prefix = f"{report.path.name}: " if several else ""
            lines += [prefix + line for line in self._details(report)]
        lines += [
            self.tr("Not imported: {0}").format(failure_line(path, message))
            for path, message in failures
        ]
        refused = sum(len(report.problems) for report in reports)
        self.set_report(
            self.tr("Import report"),
            self._total(reports) if several else self._summary(reports[0]),
            lines,
            self.tr("Refused records: {0}").format(refused) if refused else "",
        )

    def _summary(self, report: ImportReport) -> str:
        return self.tr(
            "{0}: {1} new documents, {2} already in the project, {3} tags added, "
            "{4} already present."
        ).format(
            report.path.name,
            report.documents_added,
            report.documents_matched,
            report.annotations_added,
            report.duplicates,
        )

    def _total(self, reports: Sequence[ImportReport]) -> str:
        return self.tr(
            "{0} sets imported: {1} new documents, {2} already in the project, "
            "{3} tags added, {4} already present."
        ).format(
            len(reports),
            sum(report.documents_added for report in reports),
            sum(report.documents_matched for report in reports),
            sum(report.annotations_added for report in reports),
            sum(report.duplicates for report in reports),
        )

    def _details(self, report: ImportReport) -> list[str]:
        lines = []
        if report.labels_added:
            lines.append(
                self.tr("Labels added to the scheme: {0}").format(", ".join(report.labels_added))
            )
        if report.memos_added:
            lines.append(self.tr("%n memo(s) added", "", report.memos_added))
        if report.differing:
            lines.append(
                self.tr(
                    "%n tag(s) already present with another note or attributes: not changed",
                    "",
                    report.differing,
                )
            )
        if report.updated:
            lines.append(
                self.tr(
                    "%n tag(s) already present given the set's note and attributes",
                    "",
                    report.updated,
                )
            )
        lines += [self.tr("Skipped: {0}").format(translated(note)) for note in report.skipped]
        return lines + [
            self.tr("{0}: {1}").format(translated(problem.where), translated(problem.reason))
            for problem in report.problems
        ]
