"""Short background jobs on Qt's global thread pool, reporting back through signals.

A job is a plain callable ``work(report_progress, is_cancelled) -> result``. It runs on a pool
thread and must not touch widgets; its signals are delivered to the GUI thread (queued, since
the signals object lives there), so slots connected to them may. Connect slots before
calling :func:`start`.

CPU-heavy batches belong in a process pool instead: the GIL keeps threads from running
jieba or OpenCC in parallel.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from desktop.ui.common.messages import error_text

log = logging.getLogger(__name__)

ProgressReporter = Callable[[int, int, str], None]  # done, total, label
CancelCheck = Callable[[], bool]
Work = Callable[[ProgressReporter, CancelCheck], object]


class TaskSignals(QObject):
    """What a running task tells the GUI thread.

    ``progress(done, total, label)``; then exactly one of ``finished(result)`` or
    ``failed(message)``, where the message is one line fit to show to a user.
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class Task(QRunnable):
    """One job for the thread pool. ``cancel()`` may be called from any thread, any time."""

    def __init__(self, work: Work, name: str = "") -> None:
        super().__init__()
        self.work = work
        self.name = name or getattr(work, "__name__", "task")
        # Created here, on the GUI thread, so queued signals are delivered there.
        self.signals = TaskSignals()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop; it stops when it next checks ``is_cancelled``."""
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self.is_cancelled)
        except Exception as error:
            log.exception("background task %s failed", self.name)
            self.signals.failed.emit(one_line(error))
        else:
            self.signals.finished.emit(result)


def one_line(error: BaseException) -> str:
    """The first line of an exception's message, or its type name if it has none."""
    lines = error_text(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


# Tasks submitted and not yet done. Without these references Python could collect a task's
# signals object while its queued signals are still waiting for the GUI thread, and they
# would never arrive.
_running: set[Task] = set()


def _let_go(task: Task) -> None:
    """Forget a task that has reported, and disconnect its slots: a slot that names the task
    (a lambda) would otherwise keep it, its job and all the job holds (a whole document's
    text) alive for good, through Qt, where Python's collector cannot see the cycle."""
    _running.discard(task)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a signal nobody connected to
        for signal in (task.signals.progress, task.signals.finished, task.signals.failed):
            signal.disconnect()


def start(task: Task) -> None:
    """Run ``task`` on the global thread pool; keep it alive until it has reported."""
    _running.add(task)

    def forget(_outcome: object) -> None:
        # Dropped on the next turn of the event loop, not inside the signal's own delivery,
        # so the signals object is never deleted while Qt is still dispatching from it.
        QTimer.singleShot(0, lambda: _let_go(task))

    task.signals.finished.connect(forget)
    task.signals.failed.connect(forget)
    QThreadPool.globalInstance().start(task)
