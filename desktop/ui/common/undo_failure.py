"""When an undo cannot be done (the project changed under it), say so and clear the history.

A command whose undo failed has been counted as undone by the QUndoStack all the same, and the
commands below it may name what did not come back: the history is cleared rather than left to
put tags on the wrong label or document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.common.reports import tell

UndoFailed = Callable[[str], None]  # called with the store's one-line reason


def reporter(stack: QUndoStack, parent: QWidget) -> UndoFailed:
    def report(reason: str) -> None:
        QTimer.singleShot(0, stack.clear)  # not now: the stack is inside the command's undo
        text = QCoreApplication.translate(
            "UndoFailure", "Could not undo: {0}. The undo history is cleared."
        )
        tell(
            parent,
            QCoreApplication.translate("UndoFailure", "Undo"),
            text.format(reason.rstrip(".")),
            QMessageBox.Icon.Warning,
        )

    return report
