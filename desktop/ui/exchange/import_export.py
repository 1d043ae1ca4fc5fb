"""Bringing files into the project and writing it out: the File menu's imports and Export.

Plain text goes to the corpus import (:class:`~desktop.ui.exchange.importing.ImportController`),
annotated sets and Export to :class:`~desktop.ui.exchange.exporting.ExchangeController`; both run in
the background, and what they stored is announced on the workspace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.corpus import ImportReport, analysis_results_folders
from desktop.core.exports.formats import annotated_set_format
from desktop.ui.common.project_files import split_projects
from desktop.ui.common.reports import tell
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.exchange.exporting import ExchangeController
from desktop.ui.exchange.importing import ImportController, summary_text
from desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)


class ImportExportActions(QObject):
    """Chooses what to import or where to export, hands it to the background controllers, and
    announces on the workspace what they stored (documents, labels, tags)."""

    def __init__(
        self,
        workspace: Workspace,
        importer: ImportController,
        exchange: ExchangeController,
        open_project: Callable[[Path], bool],
        parent: QWidget,
    ) -> None:
        """``open_project(path)`` opens a project dropped among the paths (False when it
        would not open: the user has been told)."""
        super().__init__(parent)
        self.workspace = workspace
        self.importer = importer
        self.exchange = exchange
        self.open_project = open_project
        self._parent = parent  # the file dialogs' parent
        importer.finished.connect(self._after_import)
        # A failed import may still have stored its first batches.
        importer.failed.connect(lambda _message: workspace.documentsChanged.emit())
        importer.failed.connect(lambda _message: self._drop_waiting())
        self._waiting: list[Path] = []  # plain-text paths handed over during an import
        exchange.imported.connect(self._after_annotated_import)

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Import documents"),
            "",
            self.tr(
                "Documents (*.txt *.text *.md *.html *.htm *.shtml *.xhtml *.mht *.mhtml *.pdf "
                "*.docx *.csv *.tsv *.xlsx *.jsonl *.ndjson *.json);;Text files (*.txt *.text "
                "*.md);;Web pages (*.html *.htm *.shtml *.xhtml *.mht *.mhtml);;PDF (*.pdf);;"
                "Word (*.docx);;Tables and scraper output (*.csv *.tsv *.xlsx *.jsonl *.ndjson "
                "*.json);;All files (*)"
            ),
        )
        self.import_paths([Path(name) for name in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_analysis_results(self) -> None:
        """A folder ``jiyao analyze --out`` wrote: its documents with their entities, loaded
        without analysing them again (issue 17)."""
        folder = QFileDialog.getExistingDirectory(
            self._parent, self.tr("Import the results of jiyao analyze --out")
        )
        if not folder:
            return
        path = Path(folder)
        if not analysis_results_folders([path]):
            tell(
                self._parent,
                self.tr("No analysis results"),
                self.tr(
                    "{0} holds no results of jiyao analyze --out (a manifest.json beside a "
                    "shards folder): choose the folder given to --out."
                ).format(path),
                QMessageBox.Icon.Warning,
            )
            return
        self.import_paths([path])

    def import_annotated_set(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
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
        folder = QFileDialog.getExistingDirectory(self._parent, self.tr("Import a brat folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Plain text goes to the corpus import; annotated sets (by their shape) to theirs.
        A project among the paths (dropped on the window) is no text: it opens, and the other
        paths go into it, as when it is double-clicked while Jiyao runs."""
        projects, paths = split_projects(paths)
        if projects:
            if len(projects) > 1:
                self.workspace.message.emit(
                    self.tr("One project at a time: opened {0}").format(projects[0])
                )
            # The other paths were meant for that project: none go into this one.
            if not self.open_project(projects[0]):
                return
        annotated = [path for path in paths if annotated_set_format(path) is not None]
        if annotated:
            # Queued behind whatever runs: one set after another, each in its own transaction.
            self.exchange.import_sets(annotated)
        paths = [path for path in paths if path not in annotated]
        if not paths:
            return
        if self.importer.is_running():
            # Files dropped (or chosen) during an import come in after it, not never.
            self._waiting.extend(path for path in paths if path not in self._waiting)
            self.workspace.message.emit(
                self.tr("An import is running: {0} more will be imported after it").format(
                    len(self._waiting)
                )
            )
            return
        self.importer.start(paths)

    def export(self) -> None:
        """Ask what to export and where (the shown document is offered), then write it in the
        background."""
        workspace, exchange = self.workspace, self.exchange
        if exchange.is_running():
            workspace.message.emit(self.tr("An export or import is already running"))
            return
        dialog = ExportDialog(
            workspace.store, workspace.current_id, self._parent, workspace.settings
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: exchange.export(dialog.format_name(), dialog.target(), dialog.options())
        )
        dialog.open()

    def _after_import(self, report: ImportReport) -> None:
        self.workspace.documentsChanged.emit()
        self.workspace.message.emit(summary_text(report))
        waiting, self._waiting = self._waiting, []
        if not waiting:
            return
        if report.cancelled or self.importer.cancel_requested:  # stopped, or closing
            self.workspace.message.emit(
                self.tr("{0} (cancelled; {1} waiting were not imported)").format(
                    summary_text(report), len(waiting)
                )
            )
            return
        self.importer.start(waiting)

    def _drop_waiting(self) -> None:
        """The import failed (the project would not open): what waited is not imported."""
        if not self._waiting:
            return
        log.warning("not imported after a failed import: %s", ", ".join(map(str, self._waiting)))
        self.workspace.message.emit(
            self.tr("The import failed; {0} waiting were not imported").format(len(self._waiting))
        )
        self._waiting = []

    def _after_annotated_import(self, _report: object) -> None:
        # A set may bring documents, tags and labels the scheme did not have.
        workspace = self.workspace
        workspace.documentsChanged.emit()
        workspace.labelsChanged.emit()
        if workspace.current_id is not None:
            workspace.announce_annotations(workspace.current_id)
