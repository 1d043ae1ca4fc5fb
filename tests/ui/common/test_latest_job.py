"""Background jobs of which only the latest answer is shown."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from desktop.ui.common.latest_job import LatestJob
from desktop.ui.common.workers import CancelCheck


def test_only_the_latest_job_asked_is_answered_and_a_running_one_is_told_to_stop(
    qtbot: QtBot,
) -> None:
    answers: list[object] = []
    busy: list[bool] = []
    job = LatestJob(answers.append, answers.append, "test")
    job.busyChanged.connect(busy.append)
    release = threading.Event()
    stopped: list[bool] = []

    def slow(cancelled: CancelCheck) -> str:
        release.wait(10)
        stopped.append(cancelled())
        return "first"

    job.run(slow)
    job.run(lambda _cancelled: "second")  # waits its turn
    job.run(lambda _cancelled: "third")  # replaces the second
    release.set()
    qtbot.waitUntil(lambda: not job.is_busy())
    assert answers == ["third"]
    assert stopped == [True]
    assert busy == [True, False]


def test_a_forgotten_job_is_not_answered(qtbot: QtBot) -> None:
    answers: list[object] = []
    job = LatestJob(answers.append, answers.append, "test")
    release = threading.Event()
    job.run(lambda _cancelled: release.wait(10) and "old project")
    job.forget()  # the project changed
    release.set()
    qtbot.waitUntil(lambda: not job.is_busy())
    assert answers == []
    job.run(lambda _cancelled: "new project")
    qtbot.waitUntil(lambda: answers == ["new project"])


def test_a_failure_is_told_and_the_collector_is_back_on_after_a_job(qtbot: QtBot) -> None:
    failures: list[str] = []
    job = LatestJob(lambda _answer: None, failures.append, "test")
    during: list[bool] = []

    def fails(_cancelled: CancelCheck) -> None:
        during.append(gc.isenabled())
        raise ValueError("no such field")

    job.run(fails)
    qtbot.waitUntil(lambda: bool(failures))
    assert failures == ["no such field"]
    assert during == [False] and gc.isenabled()


class _Node:
    me: _Node


def test_a_cycle_alive_while_a_job_runs_is_collected_once_garbage(qtbot: QtBot) -> None:
    """Nothing is frozen out of the collector's sight at a job's end: a closed counts window
    and everything it read were kept for good (issue 17)."""
    node = _Node()
    node.me = node  # freed by the collector only
    alive = weakref.ref(node)
    job = LatestJob(lambda _answer: None, lambda _message: None, "test")
    job.run(lambda _cancelled: [(n,) for n in range(1000)])
    qtbot.waitUntil(lambda: not job.is_busy())
    del node
    gc.collect()
    assert alive() is None
    assert gc.get_freeze_count() == 0


def test_an_answer_that_fails_to_show_still_ends_the_job(qtbot: QtBot) -> None:
    """Not busy for good ("Counting…" shown forever) when showing an answer raised."""
    busy: list[bool] = []

    def cannot_show(_answer: object) -> None:
        raise RuntimeError("cannot show")

    job = LatestJob(cannot_show, lambda _message: None, "test")
    job.busyChanged.connect(busy.append)
    with qtbot.capture_exceptions() as raised:
        job.run(lambda _cancelled: "answer")
        qtbot.waitUntil(lambda: len(raised) == 1)
    assert busy == [True, False] and not job.is_busy()
