"""A cancellable progress dialog that follows one background task.

Shown only when the task takes longer than :data:`SHOW_PROGRESS_AFTER_MS`, so quick work does
not flash a dialog; window-modal by default, so the user cannot start a second job over the
first. An import's is not modal: a window blocked by a modal dialog never receives the user's
close request (Qt drops it), so closing during a long import did nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.ui.common.workers import Task

SHOW_PROGRESS_AFTER_MS = 400

StepText = Callable[[int, int, str], str]  # done, total, label -> the line under the bar


class TaskProgress(QObject):
    def __init__(
        self,
        task: Task,
        window: QWidget,
        title: str,
        waiting_text: str,
        step_text: StepText,
        *,
        modal: bool = True,
    ) -> None:
        super().__init__(window)
        self._step_text = step_text
        self._latest: tuple[int, int, str] | None = None
        self._updating = False
        dialog = QProgressDialog(waiting_text, self.tr("Cancel"), 0, 0, window)
        dialog.setWindowTitle(title)
        modality = Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal
        dialog.setWindowModality(modality)
        # Closed by close() when the task reports, not when the bar reaches its end: the last
        # step is still being written then.
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        dialog.canceled.connect(task.cancel)
        # Setting the first value starts the dialog's timer to show itself after the minimum
        # duration; without it the dialog would wait for a progress step that may be slow.
        dialog.setValue(0)
        self.dialog: QProgressDialog | None = dialog
        task.signals.progress.connect(self._show)

    def _show(self, done: int, total: int, label: str) -> None:
        self._latest = (done, total, label)
        # setValue() on a shown modal progress dialog processes events, which can deliver the
        # next progress signal into this method again; the outer call applies it instead.
        if self._updating:
            return
        self._updating = True
        try:
            while self._latest is not None and self.dialog is not None:
                done, total, label = self._latest
                self._latest = None
                if self.dialog.wasCanceled():
                    break
                self.dialog.setMaximum(total)
                self.dialog.setLabelText(self._step_text(done, total, label))
                self.dialog.setValue(done)
        finally:
            self._updating = False

    def close(self) -> None:
        self._latest = None
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.reset()  # stops the timer that would show it
            # hide(), not close(): closing a progress dialog emits canceled.
            dialog.hide()
            # Deferred: this may run inside the dialog's own setValue() (see _show).
            dialog.deleteLater()
        self.deleteLater()
