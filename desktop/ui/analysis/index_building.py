"""An older project's search index, built once when the project is opened: in the background,
with its own store, and a progress bar."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.core.store import Store
from desktop.ui.common.progress import TaskProgress
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start
from desktop.ui.workspace import Workspace


class SearchIndexBuilder(QObject):
    """Builds the open project's search index when it is missing or stale; ``built(count)``
    when done. Searching before then works, by reading every text."""

    built = Signal(int)

    def __init__(self, workspace: Workspace, window: QWidget) -> None:
        super().__init__(window)
        self.workspace, self.window = workspace, window
        self.task: Task | None = None
        self._again = False
        self.progress: TaskProgress | None = None

    def build_if_needed(self) -> Task | None:
        store = self.workspace.store
        if self.task is not None:
            self._again = True  # another project was opened during the build
            return None
        if store.read_only or store.search_index_current():
            return None
        path = store.path

        def work(report: ProgressReporter, cancelled: CancelCheck) -> int:
            # Not before the project is known whole (its check may still run beside the first
            # reads): a damaged one raises here, and nothing is written to it.
            store.await_integrity_check()
            # One store per thread, not checked again.
            with Store(path, create=False, check=False) as own:
                return own.build_search_index(
                    lambda done, total: report(done, total, ""), cancelled=cancelled
                )

        task = Task(work, "search index")
        self.progress = TaskProgress(
            task,
            self.window,
            self.tr("Indexing for search"),
            self.tr("Indexing the project for search (once)…"),
            lambda done, total, _label: self.tr("%n document(s) indexed", "", done),
            modal=False,
        )
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._failed)
        self.task = task
        start(task)
        return task

    def _finished(self, result: object) -> None:
        self._forget()
        count = result if isinstance(result, int) else 0
        self.workspace.message.emit(self.tr("Indexed for search: %n document(s)", "", count))
        self.built.emit(count)
        if self._again:
            self._again = False
            self.build_if_needed()

    def _failed(self, message: str) -> None:
        self._forget()
        self.workspace.message.emit(self.tr("Search index not built: {0}").format(message))
        self._again = False

    def _forget(self) -> None:
        if self.progress is not None:
            self.progress.close()
        self.progress, self.task = None, None
