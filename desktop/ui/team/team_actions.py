"""The File menu's team commands: prepare coder projects, merge them back, the agreement
report, the disagreement review. Each asks the core (desktop.core.team) and announces what
changed on the workspace."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.adjudication import GOLD
from desktop.core.store import Store, StoreError
from desktop.core.store.team import MergeOutcome
from desktop.core.team import (
    CoderAssignment,
    MergeRefused,
    TeamInputError,
    assign,
    assignment_warnings,
    merge,
    refresh_adjudication,
)
from desktop.ui.common.messages import translated
from desktop.ui.common.progress import TaskProgress
from desktop.ui.common.reports import ReportDialog, tell
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.team.agreement_dialog import AgreementDialog
from desktop.ui.team.prepare_dialog import PrepareDialog
from desktop.ui.team.review_dialog import GoTo, ReviewDialog
from desktop.ui.team.review_view import ReviewView
from desktop.ui.workspace import Workspace


class TeamActions(QObject):
    """Prepare coder projects, merge projects, show the agreement report and the review.

    ``mergeFinished(outcomes)``: a merge ended (an empty list: nothing was merged);
    ``prepareFinished(assignments)``: coder projects were written (empty: none)."""

    mergeFinished = Signal(list)
    prepareFinished = Signal(list)

    def __init__(
        self, workspace: Workspace, go_to: GoTo, review_view: ReviewView, parent: QWidget
    ) -> None:
        """``go_to(document, start, end)`` shows a document with a span selected;
        ``review_view`` shows the reviewed coders' tags as layers while a review is open."""
        super().__init__(parent)
        self.workspace = workspace
        self.go_to = go_to
        self.review_view = review_view
        self._parent = parent
        self._review: ReviewDialog | None = None
        # Before the window's own refresh (connected later), so the corpus list's mark is new.
        workspace.annotationsChanged.connect(self._tags_changed)

    def prepare_coder_projects(self) -> Task | None:
        """Ask who codes, then write their projects in the background (with a project
        connection of its own); cancelling leaves no file."""
        store = self.workspace.store
        dialog = PrepareDialog(store.path.parent / f"{store.path.stem}-coders", self._parent)
        if dialog.exec() != PrepareDialog.DialogCode.Accepted:
            return None
        return self.prepare(
            dialog.coder_names(), dialog.target(), dialog.overlap.value(), dialog.seed.value()
        )

    def prepare(self, coders: list[str], folder: Path, overlap: float, seed: int) -> Task:
        project = self.workspace.store.path

        def work(report: ProgressReporter, cancelled: CancelCheck) -> object:
            def progress(done: int, total: int, name: str) -> None:
                if cancelled():
                    raise _Cancelled(self.tr("Cancelled: no coder project was written."))
                report(done, total, name)

            with Store(project, create=False) as store:
                try:
                    return assign(store, coders, folder, overlap=overlap, seed=seed,
                                  progress=progress)  # fmt: skip
                except TeamInputError as error:
                    return str(error)

        task = Task(work, "prepare")
        progress = TaskProgress(
            task,
            self._parent,
            self.tr("Prepare coder projects"),
            self.tr("Writing the coder projects…"),
            lambda done, total, name: (
                self.tr("%1 (%2 of %3)")
                .replace("%1", name)
                .replace("%2", str(done + 1))
                .replace("%3", str(total))
            ),
        )
        task.signals.finished.connect(lambda result: self._prepared(progress, result))
        task.signals.failed.connect(lambda message: self._prepared(progress, message))
        start(task)
        return task

    def _prepared(self, progress: TaskProgress, result: object) -> None:
        progress.close()
        title = self.tr("Prepare coder projects")
        if not isinstance(result, list):
            tell(self._parent, title, str(result), QMessageBox.Icon.Warning)
            self.prepareFinished.emit([])
            return
        written: list[CoderAssignment] = result
        report = ReportDialog(self._parent)
        report.set_report(
            title,
            self.tr("%n coder project(s) written: send each coder their file.", "", len(written)),
            [
                self.tr("%1: %2 documents (%3 shared) in %4")
                .replace("%1", coder.coder)
                .replace("%2", str(len(coder.documents)))
                .replace("%3", str(coder.shared))
                .replace("%4", str(coder.path))
                for coder in written
            ]
            + [translated(warning) for warning in assignment_warnings(written)],
        )
        report.open()
        self.prepareFinished.emit(written)

    def merge_projects(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Merge coder projects"),
            str(self.workspace.store.path.parent),
            self.tr("Jiyao projects (*.jiyao)"),
        )
        if names:
            self.merge_files([Path(name) for name in names])

    def merge_files(self, paths: list[Path]) -> Task:
        """Merge these coder projects into the open one in the background (with a project
        connection of its own), then say what came in. Cancelling merges nothing."""
        project = self.workspace.store.path
        files = list(paths)

        def work(report: ProgressReporter, cancelled: CancelCheck) -> object:
            def progress(done: int, total: int, name: str) -> None:
                if cancelled():
                    raise _Cancelled(self.tr("Cancelled: nothing was merged."))
                report(done, total, name)

            with Store(project, create=False) as team:
                try:
                    return merge(team, files, progress)
                except MergeRefused as refused:
                    return refused

        title = self.tr("Merge projects")
        task = Task(work, "merge")
        progress = TaskProgress(
            task,
            self._parent,
            title,
            self.tr("Reading the coder projects…"),
            lambda done, total, name: (
                self.tr("%1 (%2 of %3 steps)")
                .replace("%1", name)
                .replace("%2", str(done))
                .replace("%3", str(total))
            ),
        )
        task.signals.finished.connect(lambda result: self._merged(progress, result))
        task.signals.failed.connect(lambda message: self._merge_failed(progress, message))
        start(task)
        return task

    def _merge_failed(self, progress: TaskProgress, message: str) -> None:
        progress.close()
        tell(self._parent, self.tr("Merge projects"), message, QMessageBox.Icon.Warning)
        self.mergeFinished.emit([])

    def _merged(self, progress: TaskProgress, result: object) -> None:
        progress.close()
        title = self.tr("Merge projects")
        report = ReportDialog(self._parent)
        if isinstance(result, MergeRefused):
            report.set_report(
                title,
                self.tr("Nothing was merged: fix or leave out these files, then merge again."),
                [f"{refusal.path.name}: {refusal.reason}" for refusal in result.refusals],
            )
            report.open()
            self.mergeFinished.emit([])
            return
        assert isinstance(result, list)
        outcomes: list[MergeOutcome] = result
        self._announce()
        lines = []
        for outcome in outcomes:
            lines.append(
                self.tr("%1 (%2): %3 tags added, %4 already here; %5 documents added")
                .replace("%1", Path(outcome.source).name)
                .replace("%2", outcome.name)
                .replace("%3", str(outcome.tags_added))
                .replace("%4", str(outcome.tags_present))
                .replace("%5", str(outcome.documents_added))
            )
            if outcome.memos_added:
                lines.append("  " + self.tr("%n memo(s) added", "", outcome.memos_added))
            lines.extend(f"  {line}" for line in (*outcome.conflicts, *outcome.notices))
        report.set_report(title, self.tr("%n project(s) merged.", "", len(outcomes)), lines)
        report.open()
        self.mergeFinished.emit(outcomes)

    def show_agreement(self) -> AgreementDialog:
        dialog = AgreementDialog(self.workspace, self.review_disagreements, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def review_disagreements(self, annotators: Sequence[str] = ()) -> ReviewDialog | None:
        """The disagreement review of ``annotators`` (default: every coder merged in, else
        every annotator with tags but the adjudicated layer)."""
        store = self.workspace.store
        chosen = (
            list(annotators)
            or sorted(store.documents_given())
            or [name for name in store.tagging_annotators() if name != GOLD]
        )
        if self._review is not None:  # one review at a time: F8 steps through one list
            self._review.close()
        dialog = ReviewDialog(self.workspace, self.go_to, self.review_view, chosen, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: self._forget_review(dialog))
        self._review = dialog
        dialog.show()  # not modal: tags taken are edited in the window meanwhile
        return dialog

    def _tags_changed(self, document_id: int, _changed: object) -> None:
        """A document's tags changed: whether it is adjudicated may have too."""
        try:
            refresh_adjudication(self.workspace.store, document_id)
        except StoreError as error:
            self.workspace.message.emit(str(error))

    def _forget_review(self, dialog: ReviewDialog) -> None:
        if self._review is dialog:
            self._review = None

    def _announce(self) -> None:
        workspace = self.workspace
        workspace.labelsChanged.emit()
        workspace.documentsChanged.emit()
        if workspace.current_id is not None:
            workspace.announce_annotations(workspace.current_id)


class _Cancelled(Exception):
    """The user cancelled a merge: its transaction is rolled back."""
