"""Bringing files into the project and writing it out: the File menu's imports and Export.

Plain text goes to the corpus import (:class:`~desktop.ui.importing.ImportController`),
annotated sets and Export to :class:`~desktop.ui.exporting.ExchangeController`; both run in
the background and the window follows what they stored.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.corpus import ImportReport
from desktop.core.exports.formats import annotated_set_format
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.hand_over import split_projects
from desktop.ui.importing import summary_text

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ImportExportActions(QObject):
    """Chooses what to import or where to export, hands it to the window's background
    controllers, and updates the window when they have stored something."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.importer.finished.connect(self._after_import)
        # A failed import may still have stored its first batches.
        window.importer.failed.connect(lambda _message: window.documents.reload())
        window.importer.failed.connect(lambda _message: self._drop_waiting())
        self._waiting: list[Path] = []  # plain-text paths handed over during an import
        window.exchange.imported.connect(self._after_annotated_import)

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import text files"),
            "",
            self.tr("Text files (*.txt *.text *.md);;All files (*)"),
        )
        self.import_paths([Path(name) for name in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_annotated_set(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import an annotated set"),
            "",
            self.tr(
                "Annotated sets (*.jsonl *.ndjson *.json *.qdpx);;JSON Lines, ours or doccano's "
                "(*.jsonl *.ndjson);;Label Studio (*.json);;REFI-QDA (*.qdpx)"
            ),
        )
        if name:
            self.import_paths([Path(name)])

    def import_brat_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import a brat folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Plain text goes to the corpus import; annotated sets (by their shape) to theirs.
        A project among the paths (dropped on the window) is no text: it opens, and the other
        paths go into it, as when it is double-clicked while Jiyao runs."""
        window = self.window
        projects, paths = split_projects(paths)
        if projects:
            if len(projects) > 1:
                window.statusBar().showMessage(
                    self.tr("One project at a time: opened {0}").format(projects[0])
                )
            # The other paths were meant for that project: none go into this one.
            if not window.open_project(projects[0]):
                return
        annotated = [path for path in paths if annotated_set_format(path) is not None]
        if annotated:
            # Queued behind whatever runs: one set after another, each in its own transaction.
            window.exchange.import_sets(annotated)
        paths = [path for path in paths if path not in annotated]
        if not paths:
            return
        if window.importer.is_running():
            # Files dropped (or chosen) during an import come in after it, not never.
            self._waiting.extend(path for path in paths if path not in self._waiting)
            window.statusBar().showMessage(
                self.tr("An import is running: {0} more will be imported after it").format(
                    len(self._waiting)
                )
            )
            return
        window.importer.start(paths)

    def export(self) -> None:
        """Ask what to export and where (the shown document is offered), then write it in the
        background."""
        window = self.window
        if window.exchange.is_running():
            window.statusBar().showMessage(self.tr("An export or import is already running"))
            return
        dialog = ExportDialog(window.store, window.current_id, window, window.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: window.exchange.export(dialog.format_name(), dialog.target(), dialog.options())
        )
        dialog.open()

    def _after_import(self, report: ImportReport) -> None:
        self.window.documents.reload()
        self.window.statusBar().showMessage(summary_text(report))
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        if report.cancelled or self.window.importer.cancel_requested:  # stopped, or closing
            self.window.statusBar().showMessage(
                self.tr("{0} (cancelled; {1} waiting were not imported)").format(
                    summary_text(report), len(waiting)
                )
            )
            return
        self.window.importer.start(waiting)

    def _drop_waiting(self) -> None:
        """The import failed (the project would not open): what waited is not imported."""
        if not self._waiting:
            return
        log.warning("not imported after a failed import: %s", ", ".join(map(str, self._waiting)))
        self.window.statusBar().showMessage(
            self.tr("The import failed; {0} waiting were not imported").format(len(self._waiting))
        )
        self._waiting = []

    def _after_annotated_import(self, _report: object) -> None:
        # A set may bring documents, tags and labels the scheme did not have.
        window = self.window
        window.documents.reload()
        window.tag_actions.load_scheme()
        if window.current_id is not None:
            window.refresh_after_edit(window.current_id)
