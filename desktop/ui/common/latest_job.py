"""A job of which only the latest answer matters: counts asked again as choices change, a
project switched or a window closed meanwhile. Each ``run`` supersedes the ones before it:
one still running is asked to stop and its answer is dropped, one waiting its turn is
replaced, so at most one runs and only the last asked is shown. Such jobs make many objects
(every tag of a project, counts of them): they run with Python's cycle collector quiet
(``memory.collector_quiet``), whose full collections would otherwise stall the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.ui.common.memory import collector_quiet
from desktop.ui.common.workers import CancelCheck, Task, start

Job = Callable[[CancelCheck], object]


class LatestJob(QObject):
    """``done(answer)`` or ``failed(message)`` on the GUI thread, for the latest job asked
    only; ``busyChanged(busy)`` as jobs start and the last one ends."""

    busyChanged = Signal(bool)

    def __init__(
        self,
        done: Callable[[object], None],
        failed: Callable[[str], None],
        name: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._done, self._failed, self.name = done, failed, name
        self._running: Task | None = None
        self._waiting: Job | None = None
        self._asked = 0  # jobs asked (and forgettings): the running one's answer counts if
        self._running_asked = 0  # no job was asked after it

    def is_busy(self) -> bool:
        return self._running is not None

    def run(self, job: Job) -> None:
        """Run ``job`` on a pool thread (after the running one stops, which is told to)."""
        self._asked += 1
        if self._running is not None:
            self._waiting = job
            self._running.cancel()
            return
        self._start(job)
        self.busyChanged.emit(True)

    def forget(self) -> None:
        """Drop the answer of any job asked so far (the project changed, the window closed)."""
        self._asked += 1
        self._waiting = None
        if self._running is not None:
            self._running.cancel()

    def _start(self, job: Job) -> None:
        self._running_asked = self._asked

        def quietly(_report: object, cancelled: CancelCheck) -> object:
            with collector_quiet():
                return job(cancelled)

        task = Task(quietly, self.name)
        task.signals.finished.connect(self._finished)
        task.signals.failed.connect(self._stopped_by_error)
        self._running = task
        start(task)

    def _finished(self, answer: object) -> None:
        try:
            if self._ended():
                self._done(answer)
        finally:  # the next job, or not busy any more, even when showing the answer failed
            self._next()

    def _stopped_by_error(self, message: str) -> None:
        try:
            if self._ended():
                self._failed(message)
        finally:
            self._next()

    def _ended(self) -> bool:
        """Whether the job that ended is still the latest asked."""
        self._running = None
        return self._running_asked == self._asked

    def _next(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
        elif self._running is None:
            self.busyChanged.emit(False)
