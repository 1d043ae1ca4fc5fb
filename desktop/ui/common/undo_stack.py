"""The project's one undo history: every step names its document, and an undo or redo in
another document than the one shown says where, so the window can go there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class DocumentUndoStack(QUndoStack):
    """One undo history for the project whose every step names its document ("Undo tag 3–9
    in 通知"), and an undo or redo that changes another document than the one shown says
    where (``stepped``): the window goes there and selects the span, so nothing changes out
    of sight (issue 21: undo after switching documents deleted tags unseen)."""

    # document id, start, end, and what was done ("Undone: tag 3–9 in 通知")
    stepped = Signal(int, int, int, str)

    def __init__(self, title_of: Callable[[int], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title_of = title_of
        self._index = 0
        self._pushing = False
        self.indexChanged.connect(self._moved)

    def push(self, command: QUndoCommand) -> None:
        place = getattr(command, "place", None)
        if place is not None:
            # Read once: naming the step again (a language switch) does not ask the store.
            command.document_title = self.title_of(place[0])  # type: ignore[attr-defined]
        self._name(command)
        self._pushing = True
        try:
            super().push(command)
        finally:
            self._pushing = False

    def _name(self, command: QUndoCommand) -> None:
        """The command's text: its ``words()`` (in the interface language now installed) and
        the document it changes."""
        words = getattr(command, "words", None)
        text = words() if callable(words) else command.text()
        title = getattr(command, "document_title", None)
        if title is not None:
            text = QCoreApplication.translate("Tagging", "{0} in {1}").format(text, title)
        command.setText(text)

    def retranslate(self) -> None:
        """Every step's text in the language just installed: the Edit menu's "Undo …" and the
        undo and redo messages speak it too, for steps made before the switch."""
        for index in range(self.count()):
            command = self.command(index)
            if command is not None and callable(getattr(command, "words", None)):
                self._name(command)
        # The actions show the text they were last told: tell them again.
        self.undoTextChanged.emit(self.undoText())
        self.redoTextChanged.emit(self.redoText())

    def _moved(self, index: int) -> None:
        before, self._index = self._index, index
        if self._pushing or index == before:
            return
        undone = index < before
        command = self.command(index if undone else index - 1)
        place = getattr(command, "place", None)
        if command is None or place is None:  # cleared, or a command of no document
            return
        done = (
            QCoreApplication.translate("Tagging", "Undone: {0}")
            if undone
            else QCoreApplication.translate("Tagging", "Redone: {0}")
        )
        self.stepped.emit(*place, done.format(command.text()))
