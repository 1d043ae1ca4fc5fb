"""Background tasks: results, failures, progress and cancellation arrive as signals."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import SIGNAL
from pytestqt.qtbot import QtBot

from desktop.ui.common import workers
from desktop.ui.common.workers import CancelCheck, ProgressReporter, Task, start

TIMEOUT_MS = 5_000


def test_a_result_arrives_on_finished(qtbot: QtBot) -> None:
    task = Task(lambda _progress, _cancelled: 6 * 7)
    with qtbot.waitSignal(task.signals.finished, timeout=TIMEOUT_MS) as finished:
        start(task)
    assert finished.args == [42]


def test_the_work_runs_off_the_gui_thread(qtbot: QtBot) -> None:
    task = Task(lambda _progress, _cancelled: threading.current_thread())
    with qtbot.waitSignal(task.signals.finished, timeout=TIMEOUT_MS) as finished:
        start(task)
    assert finished.args[0] is not threading.main_thread()


def test_an_exception_becomes_failed_with_a_one_line_message(qtbot: QtBot) -> None:
    def work(_progress: ProgressReporter, _cancelled: CancelCheck) -> object:
        raise ValueError("the file is empty\nand this line is detail")

    task = Task(work)
    with (
        qtbot.assertNotEmitted(task.signals.finished),
        qtbot.waitSignal(task.signals.failed, timeout=TIMEOUT_MS) as failed,
    ):
        start(task)
    assert failed.args == ["the file is empty"]


def test_an_exception_without_a_message_is_named_by_its_type(qtbot: QtBot) -> None:
    def work(_progress: ProgressReporter, _cancelled: CancelCheck) -> object:
        raise KeyError

    task = Task(work)
    with qtbot.waitSignal(task.signals.failed, timeout=TIMEOUT_MS) as failed:
        start(task)
    assert failed.args == ["KeyError"]


def test_progress_signals_arrive_in_order_before_the_result(qtbot: QtBot) -> None:
    def work(progress: ProgressReporter, _cancelled: CancelCheck) -> object:
        for done in range(1, 4):
            progress(done, 3, f"step {done}")
        return "done"

    task = Task(work)
    seen: list[tuple[int, int, str]] = []
    task.signals.progress.connect(lambda done, total, label: seen.append((done, total, label)))
    with qtbot.waitSignal(task.signals.finished, timeout=TIMEOUT_MS):
        start(task)
    assert seen == [(1, 3, "step 1"), (2, 3, "step 2"), (3, 3, "step 3")]


def test_cancel_stops_a_long_loop_early(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(_progress: ProgressReporter, is_cancelled: CancelCheck) -> object:
        started.set()
        for step in range(1_000):
            if is_cancelled():
                return step
            time.sleep(0.01)
        return 1_000

    task = Task(work)
    with qtbot.waitSignal(task.signals.finished, timeout=TIMEOUT_MS) as finished:
        start(task)
        assert started.wait(TIMEOUT_MS / 1000)
        task.cancel()
    assert finished.args[0] < 1_000


def test_a_finished_task_is_let_go(qtbot: QtBot) -> None:
    task = Task(lambda _progress, _cancelled: None)
    with qtbot.waitSignal(task.signals.finished, timeout=TIMEOUT_MS):
        start(task)
    qtbot.waitUntil(lambda: task not in workers._running, timeout=TIMEOUT_MS)
    task.cancel()  # harmless after the end: the window cancels stale analyses this way


def test_a_finished_task_is_let_go_even_when_its_slot_names_it(qtbot: QtBot) -> None:
    """A slot that names its task (as DocumentAnalysis' and the reader's do) made a cycle
    through Qt, out of Python's collector's reach: the task, its job and all the job held (a
    whole document's text) stayed alive for good. Once the task has reported, its slots go."""

    def work(_progress: ProgressReporter, _cancelled: CancelCheck) -> int:
        return 42

    task = Task(work)
    arrived: list[int] = []
    task.signals.finished.connect(lambda result: arrived.append(result if task else 0))
    start(task)
    qtbot.waitUntil(lambda: bool(arrived) and task not in workers._running, timeout=TIMEOUT_MS)
    for signal in ("progress(int,int,QString)", "finished(PyObject)", "failed(QString)"):
        assert task.signals.receivers(SIGNAL(signal)) == 0, signal
