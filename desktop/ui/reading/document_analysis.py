"""The shown document's analysis, off the GUI thread: its entities and suggested directives.

A long document's entities take a while (jieba: ~14 s for 700,000 characters), so they are
found a piece at a time and shown as they come; the analysis starts only once the user has
stayed on a document a moment (tabbing down the list starts nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.directives import Suggestion, suggest_directives
from desktop.core.entities import (
    PIECE_CHARACTERS,
    PIPELINE_VERSION,
    forget_analysed_texts,
    iter_entities,
)
from desktop.core.model import Document, Entity
from desktop.core.script import Script
from desktop.core.store import Store
from desktop.ui.common import workers
from desktop.ui.common.memory import release_freed_memory
from desktop.ui.common.workers import Task
from desktop.ui.workspace import Workspace


@dataclass(frozen=True)
class Analysis:
    """What the background work found for a document: its entities (None when they were
    already cached) and its suggested directives."""

    entities: list[Entity] | None
    suggestions: list[Suggestion]


class _PieceSignals(QObject):
    """Made on the GUI thread, emitted from the pool: delivered to the GUI thread, queued."""

    found = Signal(object)  # the entities found so far (list[Entity])


class DocumentAnalysis(QObject):
    """Analyses one document at a time on the thread pool; a new one cancels the one before.

    Entities it finds are stored (the cache for :data:`PIPELINE_VERSION`) when the analysis
    runs to its end; ``entitiesFound(document_id, entities)`` brings the provisional entities
    of a long document a piece at a time, and ``analysed(document_id, Analysis)`` the final
    ones, already in the store: both only while that document is the workspace's current one.
    """

    analysed = Signal(int, object)
    entitiesFound = Signal(int, object)
    # How long the user stays on a document before its entities are looked for.
    settle_ms = 300
    piece_characters = PIECE_CHARACTERS

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._task: Task | None = None
        self._next: tuple[Document, list[Entity] | None] | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._run_next)

    def start(self, document: Document, cached: list[Entity] | None) -> None:
        """Analyse ``document``; ``cached``: its entities when they are up to date, else None
        (they are found, which takes a while for a long document: only once the user has
        stayed on it for ``settle_ms``). Either way it starts after the document is painted."""
        self.cancel()
        self._next = (document, cached)
        # Not before the document is painted, even with its entities at hand: the analysis
        # is Python on another thread, and would halve the GUI thread's share of the GIL
        # while the document opens.
        self._settle.start(self.settle_ms if cached is None else 0)

    def _run_next(self) -> None:
        if self._next is None:
            return
        document, cached = self._next
        self._next = None
        text, script = document.clean_text, Script(document.script)
        piece = self.piece_characters
        pieces = _PieceSignals()
        store = self.workspace.store
        pieces.found.connect(lambda found, doc=document.id: self._piece(store, doc, found))

        def analyse(_progress: object, cancelled: Callable[[], bool]) -> Analysis | None:
            if cancelled():  # the user moved on while it waited in the queue
                return None
            # The texts remembered for the documents before (a long one's are MiB); this
            # one's stay, for the suggestions found again after an entity is corrected.
            forget_analysed_texts()
            if cached is not None:
                return Analysis(None, suggest_directives(text, cached, script))
            # Each piece's latest version, by its start: a revised piece replaces the first one.
            by_piece: dict[int, list[Entity]] = {}
            for chunk in iter_entities(text, script, chunk_chars=piece):
                if cancelled():
                    return None
                by_piece[chunk.start] = chunk.entities
                pieces.found.emit([e for start in sorted(by_piece) for e in by_piece[start]])
            found = [e for start in sorted(by_piece) for e in by_piece[start]]
            return Analysis(found, suggest_directives(text, found, script))

        task = Task(analyse)
        task.signals.finished.connect(
            lambda result, doc=document.id: self._done(store, doc, result)
        )
        task.signals.failed.connect(self.workspace.message.emit)
        self._task = task
        if cached is None:
            self.workspace.message.emit(self.tr("Finding entities…"))
        workers.start(task)

    def cancel(self) -> None:
        """Stop the running analysis, and the one waiting to start, if any (another document,
        a project switch, the window closing)."""
        self._settle.stop()
        self._next = None
        if self._task is not None:
            self._task.cancel()

    def _piece(self, store: Store, document_id: int, found: list[Entity]) -> None:
        if store is self.workspace.store and document_id == self.workspace.current_id:
            self.entitiesFound.emit(document_id, found)

    def _done(self, store: Store, document_id: int, result: Analysis | None) -> None:
        try:
            if result is None or store is not self.workspace.store:
                return  # cancelled, or the project was switched while it ran
            if result.entities is not None:
                store.replace_pipeline_entities(document_id, result.entities, PIPELINE_VERSION)
            if document_id == self.workspace.current_id:
                self.analysed.emit(document_id, result)
        finally:
            # The analysis and the storing freed what they built: give it back (issue 13).
            release_freed_memory()
