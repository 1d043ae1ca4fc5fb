"""The shown document's analysis, off the GUI thread: its entities and suggested directives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.directives import Suggestion, suggest_directives
from desktop.core.entities import PIPELINE_VERSION, extract_entities
from desktop.core.model import Document, Entity
from desktop.core.script import Script
from desktop.core.store import Store
from desktop.ui import workers
from desktop.ui.workers import Task

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


@dataclass(frozen=True)
class Analysis:
    """What the background work found for a document: its entities (None when they were
    already cached) and its suggested directives."""

    entities: list[Entity] | None
    suggestions: list[Suggestion]


class DocumentAnalysis(QObject):
    """Analyses one document at a time on the thread pool; a new one cancels the one before.

    Entities it finds are stored (the cache for :data:`PIPELINE_VERSION`) even when the user
    has moved on; ``analysed(document_id, Analysis)`` is emitted only while that document is
    still the window's current one, with its entities already in the store.
    """

    analysed = Signal(int, object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._task: Task | None = None

    def start(self, document: Document, cached: list[Entity] | None) -> None:
        """Analyse ``document``; ``cached``: its entities when they are up to date, else None
        (they are found, which takes a while for a long document)."""
        self.cancel()
        text, script = document.clean_text, Script(document.script)

        def analyse(_progress: object, cancelled: Callable[[], bool]) -> Analysis | None:
            if cancelled():  # the user moved on while it waited in the queue
                return None
            found = cached if cached is not None else extract_entities(text, script)
            fresh = None if cached is not None else found
            return Analysis(fresh, suggest_directives(text, found, script))

        task = Task(analyse)
        store = self.window.store
        task.signals.finished.connect(
            lambda result, doc=document.id: self._done(store, doc, result)
        )
        task.signals.failed.connect(lambda message: self.window.statusBar().showMessage(message))
        self._task = task
        if cached is None:
            self.window.statusBar().showMessage(self.tr("Finding entities…"))
        workers.start(task)

    def cancel(self) -> None:
        """Stop the running analysis, if any (a project switch, the window closing)."""
        if self._task is not None:
            self._task.cancel()

    def _done(self, store: Store, document_id: int, result: Analysis | None) -> None:
        if result is None or store is not self.window.store:
            return  # cancelled, or the project was switched while it ran
        if result.entities is not None:
            store.replace_pipeline_entities(document_id, result.entities, PIPELINE_VERSION)
        if document_id == self.window.current_id:
            self.analysed.emit(document_id, result)
