"""What the window's parts share, and the signals by which they hear of each other's work.

One :class:`Workspace` per window. A part (a controller, a panel, a dialog) receives it in its
constructor with the few widgets it drives, reads ``store``, ``current_id``, ``undo_stack`` and
``settings`` from it when it acts (the store changes when another project is opened), and
announces what it changed by emitting a signal; the window wires each signal once to whatever
shows it. No part reaches into the window or into another part (issue 19).
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QObject, Signal

from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.common.undo_stack import DocumentUndoStack


class Workspace(QObject):
    """The open project, the shown document, the undo history, the settings and the annotator.

    Signals (all on the GUI thread):

    - ``documentOpened(document_id)``: a document became the shown one;
    - ``annotationsChanged(document_id, changed)``: its tags or rejected suggestions changed
      (stored); ``changed``: the ids of the tags touched when known, else None (re-read all);
    - ``entitiesChanged(document_id)``: its entities changed (stored);
    - ``labelsChanged()``: the label scheme changed (labels added, edited, deleted, merged);
    - ``documentsChanged()``: documents were added, deleted or restored;
    - ``projectClosing()``: the open project is about to close (another opens, the window
      closes): write what waits on a timer now, while ``store`` is still that project;
    - ``projectSwitched(store)``: another project is open; everything keyed by document id
      belonged to the old one;
    - ``memosChanged(target, target_id)``: a memo on the project, a document or a label
      changed (a tag's memo is its note: ``annotationsChanged``);
    - ``message(text)``: one line for the status bar.
    """

    documentOpened = Signal(int)
    annotationsChanged = Signal(int, object)
    entitiesChanged = Signal(int)
    labelsChanged = Signal()
    documentsChanged = Signal()
    projectClosing = Signal()
    projectSwitched = Signal(object)
    message = Signal(str)
    memosChanged = Signal(str, object)

    def __init__(self, store: Store, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        # The document on screen; None while none is (an empty project, a switch under way).
        self.current_id: int | None = None
        # One history for the project: every step is one transaction and names its document.
        self.undo_stack = DocumentUndoStack(self._document_title, self)

    @property
    def annotator(self) -> str:
        """The name new tags record: the coder's in a project prepared for one (jiyao
        assign), else the user's ("" until they have given one)."""
        return self.store.prepared_for() or self.settings.annotator

    def open_document(self, document_id: int) -> None:
        """Make ``document_id`` the shown document (remembered for the project's next opening)."""
        self.current_id = document_id
        self.settings.remember_document(self.store.path, document_id)
        self.documentOpened.emit(document_id)

    def switch_project(self, store: Store) -> None:
        """Close the open project and work on ``store`` instead: no document is shown, and the
        undo history (whose commands speak to the old project) is dropped."""
        self.projectClosing.emit()
        self.store.close()
        self.store = store
        self.current_id = None
        self.undo_stack.clear()
        self.projectSwitched.emit(store)

    def announce_annotations(
        self, document_id: int, changed: Collection[int] | None = None
    ) -> None:
        """Say that ``document_id``'s tags changed; ``changed``: which, when known (what shows
        them then re-reads only those: a tag added is one row, not the whole list)."""
        self.annotationsChanged.emit(document_id, None if changed is None else tuple(changed))

    def _document_title(self, document_id: int) -> str:
        # The title alone: the status is stored after the texts, which reading it walks.
        return self.store.document_title(document_id)
