"""Switching the workspace between projects: new, open, recent, and when a switch must wait."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from desktop import APP_NAME
from desktop.core.store import CorruptProject, Store, StoreError
from desktop.core.store.backups import list_backups, restore_backup
from desktop.core.store.opening import open_project as open_existing_or_new
from desktop.ui.common.language import interface_language
from desktop.ui.common.messages import error_text
from desktop.ui.common.project_files import PROJECT_SUFFIX
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.exchange.exporting import ExchangeController
from desktop.ui.exchange.importing import ImportController
from desktop.ui.tagging.label_editor import LabelEditor
from desktop.ui.tagging.tag_browser import TagBrowser
from desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)


class ProjectSwitcher(QObject):
    """Opens another project in the workspace (each part follows ``projectSwitched``) and
    keeps the list of recent projects. ``parent``: the window, whose dialogs say whether it is
    busy and which the file dialogs belong to."""

    def __init__(
        self,
        workspace: Workspace,
        importer: ImportController,
        exchange: ExchangeController,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.importer = importer
        self.exchange = exchange
        self._parent = parent
        self.integrity_watch = IntegrityWatch(workspace, self.offer_backup_of_damaged)

    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("New project"),
            str(self.workspace.store.path.parent),
            self.tr("Jiyao projects (*.jiyao)"),
            # Overwriting is refused below: "replace" must never delete a project.
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.create_project(Path(name))

    def create_project(self, path: Path) -> bool:
        """Make an empty project (the default label scheme, no documents) and open it; the
        ``.jiyao`` suffix is added when missing. An existing file is left alone."""
        if path.suffix.lower() != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        if path.exists():
            QMessageBox.warning(
                self._parent,
                APP_NAME,
                self.tr(
                    "{0} already exists. Choose another name, or open it with Open project."
                ).format(path),
            )
            return False
        return self.open_project(path)

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Open a project"),
            str(self.workspace.store.path.parent),
            self.tr("Jiyao projects (*.jiyao);;All files (*)"),
        )
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> bool:
        """Show the project at ``path`` (made when missing) instead of this one; False when it
        would not open (the user has been told why)."""
        workspace = self.workspace
        if path.absolute() == workspace.store.path.absolute():
            return True  # double-clicked the project already open: nothing to reload
        if self._job_running():
            # The job writes to (or reads) this project to its end; it must not change under it.
            workspace.message.emit(
                self.tr("Wait for the running import or export to finish, then open {0}").format(
                    path
                )
            )
            return False
        try:
            store = open_or_recover(path)
        except StoreError as error:
            QMessageBox.warning(self._parent, APP_NAME, error_text(error))
            return False
        workspace.switch_project(store)
        return True

    def is_busy(self) -> bool:
        """Whether a dialog or a background job still works on the open project, so another
        project must not be opened now: handed-over paths wait (hand_over.HandOver)."""
        # An input dialog, a message box, a progress dialog… (and a modal window that is no
        # widget, which activeModalWidget does not return).
        modal = QApplication.activeModalWidget() or QGuiApplication.modalWindow()
        if modal is not None:
            return True
        if any(dialog.isVisible() for dialog in self._project_dialogs()):
            return True
        return self._job_running()

    def _job_running(self) -> bool:
        """An import or export works on the open project (or waits to)."""
        return self.importer.is_running() or self.exchange.is_running()

    def _project_dialogs(self) -> list[QDialog]:
        """The dialogs that work on the project's store: labels, the tag browser, Export."""
        kinds = (LabelEditor, TagBrowser, ExportDialog)
        dialogs = self._parent.findChildren(QDialog)
        return [dialog for dialog in dialogs if isinstance(dialog, kinds)]

    def hand_over_waits(self) -> None:
        self.workspace.message.emit(
            self.tr(
                "The files you chose open once this dialog is closed or the running job is done"
            )
        )

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.workspace.settings.recent_projects:
            text = str(path) if path.is_file() else self.tr("{0} (missing)").format(path)
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if menu.isEmpty():
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def open_recent(self, path: Path) -> bool:
        """Open a project from the recent list. A missing file is never made anew: moved,
        deleted or on a drive not mounted, an empty project in its place would look wiped."""
        if path.is_file():
            return self.open_project(path)
        answer = QMessageBox.question(
            self._parent,
            APP_NAME,
            self.tr(
                "The project {0} is missing: it was moved or deleted, or its drive is not "
                "connected. Remove it from the recent projects?"
            ).format(path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.settings.forget_project(path)
        return False

    def offer_backup_of_damaged(self, damaged: CorruptProject) -> None:
        """The open project turned out damaged after it was shown (its check runs beside the
        first reads): offer its newest backup, as opening a damaged project does. The damaged
        project is closed before its file is moved among the backups; when the backup cannot
        be put back, it opens again to be read (it still refuses every write)."""
        log.error("%s", damaged)
        if self._job_running() or not list_backups(damaged.path):
            QMessageBox.critical(self._parent, APP_NAME, error_text(damaged))
            return
        workspace = self.workspace
        closed: list[bool] = []

        def close_damaged() -> None:
            workspace.store.close()
            closed.append(True)

        if not offer_newest_backup(damaged, before_restoring=close_damaged):
            if closed:  # closed for a restore that failed
                workspace.switch_project(_open_to_read(damaged.path))
            return
        try:
            store = open_existing_or_new(damaged.path, language=interface_language())
        except StoreError as error:
            QMessageBox.warning(self._parent, APP_NAME, error_text(error))
            store = _open_to_read(damaged.path)
        workspace.switch_project(store)


def _open_to_read(path: Path) -> Store:
    return open_existing_or_new(path, language=interface_language(), check_later=True)


class IntegrityWatch(QObject):
    """Waits for the whole-file check of the open project, which runs beside the window's
    first reads (Store ``check_later``); when it finds the project damaged (the store then
    refuses every write), ``damaged`` is called with what it found."""

    POLL_MS = 200

    def __init__(self, workspace: Workspace, damaged: Callable[[CorruptProject], None]) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self._damaged = damaged
        self._timer = QTimer(self, interval=self.POLL_MS)
        self._timer.timeout.connect(self._look)
        workspace.projectSwitched.connect(lambda _store: self._timer.start())
        # Not after the window has begun to close: its message box would belong to a window
        # being deleted, which deletes the box from under its own event loop (a crash).
        workspace.projectClosing.connect(self._timer.stop)
        self._timer.start()

    def _look(self) -> None:
        store = self.workspace.store
        if store.integrity_pending:
            return
        self._timer.stop()
        damage = store.integrity_damage()
        if damage is not None:
            self._damaged(damage)


def open_or_recover(path: Path) -> Store:
    """Open (or make) the project as a start does: a new one gets the default labels, an
    existing one its daily backup, and a damaged one is offered its newest backup first.
    Raises StoreError (a sentence) when it will not open."""
    try:
        return open_existing_or_new(path, language=interface_language(), check_later=True)
    except CorruptProject as damaged:
        if not offer_newest_backup(damaged):
            raise
        return open_existing_or_new(path, language=interface_language())


def offer_newest_backup(
    damaged: CorruptProject, before_restoring: Callable[[], None] = lambda: None
) -> bool:
    """Ask whether to put the newest backup in place of a damaged project (the damaged file
    is kept among the backups); True when it was put back. ``before_restoring`` runs once
    the user agrees (the open project is closed there)."""
    backups = list_backups(damaged.path)
    if not backups:
        return False
    newest = backups[0]
    question = QCoreApplication.translate(
        "Startup",
        "{0}\n\nOpen its newest backup, made {1}, instead? The damaged file is kept with the "
        "backups in {2}.",
    ).format(error_text(damaged), newest.made.strftime("%Y-%m-%d %H:%M"), newest.path.parent)
    answer = QMessageBox.question(None, APP_NAME, question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    before_restoring()
    try:
        restore_backup(newest.path, damaged.path, force=True)
    except StoreError as error:
        log.error("restoring %s failed: %s", newest.path, error)
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return False
    log.warning("restored %s from its backup %s", damaged.path, newest.path)
    return True
