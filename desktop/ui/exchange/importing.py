"""Importing files and folders from the window: in the background, with progress and a report.

The import itself is :func:`desktop.core.corpus.import_paths`; this module runs it on a pool
thread, shows a cancellable progress dialog for imports that take a while, and lists the files
it refused.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QWidget

from desktop.core.corpus import ImportReport, analysis_results_folders, import_paths
from desktop.core.store import Store
from desktop.core.textio import MAX_DOCUMENT_MB_VARIABLE, max_document_bytes, printable_path
from desktop.ui.common.messages import translated
from desktop.ui.common.progress import TaskProgress
from desktop.ui.common.reports import ReportDialog, tell
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start

log = logging.getLogger(__name__)


def paths_from_mime(mime: QMimeData) -> list[Path]:
    """The local files and folders in dropped or pasted data; web and other URLs are left out."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def import_into(
    db_path: Path,
    paths: list[Path],
    report_progress: ProgressReporter,
    is_cancelled: CancelCheck,
) -> ImportReport:
    """Import into the project at ``db_path`` through a Store of this thread's own.

    Runs on a worker thread: an SQLite connection must stay on the thread that opened it, so
    the window's Store cannot be used here. Raises StoreError if the project cannot be opened.
    """

    def progress(done: int, total: int, path: Path) -> None:
        # A name that is not valid text would hold surrogates, which Qt and logging cannot
        # print: show it escaped, as the report does.
        report_progress(done, total, printable_path(path.name))

    results = analysis_results_folders(paths)
    plain = [path for path in paths if path not in results]
    with Store(db_path) as store:
        report = (
            import_paths(store, plain, progress=progress, is_cancelled=is_cancelled)
            if plain or not results
            else ImportReport()
        )
        for folder in results:
            if is_cancelled():
                report.cancelled = True
                break
            # Imported here, with the first folder of results: batch brings the entity pipeline.
            from desktop.core.batch import load_results_into

            load_results_into(report, store, folder, progress=progress)
        if report.imported:
            # The list's sort keys of the new documents, made here and not by the window's
            # first listing of them, on its thread (36 s at a million documents, issue 17).
            store.refresh_sort_keys()
        return report


def size_limit_problem() -> str | None:
    """One sentence when the document size limit set in the environment is no number of MB
    (None when it is fine): checked before an import starts, as the command line does, so that
    no worker meets it halfway as an unexpected error."""
    try:
        max_document_bytes()
    except ValueError:
        return QCoreApplication.translate(
            "ImportController",
            "The document size limit {0}={1} is not a number of megabytes: "
            "correct or unset it, then import again.",
        ).format(MAX_DOCUMENT_MB_VARIABLE, repr(os.environ.get(MAX_DOCUMENT_MB_VARIABLE, "")))
    return None


def refuse_for_size_limit(window: QWidget) -> bool:
    """Tell the user and return True when the size limit stops any import from starting."""
    problem = size_limit_problem()
    if problem is None:
        return False
    log.warning("import not started: %s", problem)
    tell(
        window,
        QCoreApplication.translate("ImportController", "Import failed"),
        problem,
        QMessageBox.Icon.Warning,
    )
    return True


def summary_text(report: ImportReport) -> str:
    """The report's one-line summary, in the interface language."""
    # Documents loaded from analysis results count as imported (or skipped) like the others.
    counts = (
        len(report.imported) + sum(loaded.imported for loaded in report.analysed),
        len(report.duplicates) + sum(loaded.duplicates for loaded in report.analysed),
        len(report.refused),
    )
    if report.cancelled:
        # Literal strings in translate() calls: lupdate only finds those.
        template = QCoreApplication.translate(
            "ImportController", "Cancelled: {0} imported, {1} duplicates skipped, {2} refused"
        )
    else:
        template = QCoreApplication.translate(
            "ImportController", "{0} imported, {1} duplicates skipped, {2} refused"
        )
    return template.format(*counts)


class ImportReportDialog(ReportDialog):
    """The summary and every refused file with its reason, one ``path: reason`` per line."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_report(
            self.tr("Import report"),
            summary_text(report),
            (
                self.tr("{0}: {1}").format(printable_path(r.path), translated(r.reason))
                for r in report.refused
            ),
            self.tr("These files were not imported:"),
        )

    @property
    def refusals(self) -> QPlainTextEdit:
        """The refused files, one per line."""
        return self.details


class ImportController(QObject):
    """Runs one import at a time for a window.

    ``finished(report)`` carries the :class:`ImportReport`, cancelled or not; ``failed(message)``
    a one-line reason when the import could not run (for instance the project would not open).
    Either way the user has been told; the window only needs to refresh what it shows.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        # Public: the window points it at another project when it opens one.
        self.db_path = db_path
        self._window = parent
        self._task: Task | None = None
        self._progress: TaskProgress | None = None
        # Public: the running import was asked to stop (e.g. for closing), even when it had
        # read every file by then and so does not count as cancelled.
        self.cancel_requested = False

    def is_running(self) -> bool:
        return self._task is not None

    def start(self, paths: list[Path]) -> None:
        """Import ``paths`` (files and folders) in the background.

        Raises RuntimeError if an import is already running: check :meth:`is_running` first.
        """
        if self._task is not None:
            raise RuntimeError("an import is already running")
        if refuse_for_size_limit(self._window):
            return
        self.cancel_requested = False
        db_path, chosen = self.db_path, list(paths)
        task = Task(
            lambda progress, cancelled: import_into(db_path, chosen, progress, cancelled),
            name="import",
        )
        task.signals.finished.connect(self._finish)
        task.signals.failed.connect(self._fail)
        self._progress = TaskProgress(
            task,
            self._window,
            self.tr("Importing"),
            self.tr("Looking for files…"),
            lambda done, total, name: self.tr("Importing {0} ({1} of {2})").format(
                name, done, total
            ),
            # The window stays closable (it asks, then stops the import): see progress.py.
            # Another import or a project switch is refused while this one runs.
            modal=False,
        )
        self._task = task
        log.info("importing %d paths into %s", len(chosen), db_path)
        start(task)

    def cancel(self) -> None:
        """Stop the running import after the file it is on; what was stored stays."""
        if self._task is not None:
            self.cancel_requested = True
            self._task.cancel()

    def _end(self) -> None:
        self._task = None
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.close()

    def _finish(self, report: ImportReport) -> None:
        self._end()
        self.finished.emit(report)
        if report.refused and self._window.isVisible():  # not when it ended for closing
            ImportReportDialog(report, self._window).open()

    def _fail(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
        tell(
            self._window,
            self.tr("Import failed"),
            self.tr("The import stopped: {0}").format(message),
            QMessageBox.Icon.Warning,
        )
