"""The cycle collector paused by several threads at once (issue 17)."""

from __future__ import annotations

import gc
import threading
from typing import Any

import pytest

from desktop.core import collector
from desktop.core.collector import collector_paused


class _GcPausingIn:
    """The real gc, but the thread named ``name`` stops after its first call into it until
    told: a thread switch there, between looking whether the collector is on and turning it
    off."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.reached, self.go = threading.Event(), threading.Event()

    def __getattr__(self, attribute: str) -> Any:
        real = getattr(gc, attribute)
        if threading.current_thread().name != self.name or self.go.is_set():
            return real

        def paused(*arguments: Any) -> Any:
            answer = real(*arguments)
            self.reached.set()
            self.go.wait(10)
            return answer

        return paused


def test_two_threads_pausing_the_collector_interleaved_leave_it_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow_gc = _GcPausingIn("second")
    monkeypatch.setattr(collector, "gc", slow_gc)
    first_inside, first_may_leave = threading.Event(), threading.Event()

    def first_job() -> None:
        with collector_paused():
            first_inside.set()
            first_may_leave.wait(10)

    def second_job() -> None:
        with collector_paused():
            pass

    assert gc.isenabled()
    first = threading.Thread(target=first_job, name="first")
    first.start()
    first_inside.wait(10)
    second = threading.Thread(target=second_job, name="second")
    second.start()
    # The second stops in gc if it calls it (it saw the collector off: the first's doing);
    # none needed when the first is known to be inside.
    slow_gc.reached.wait(0.5)
    first_may_leave.set()
    first.join(0.5)  # the first ends meanwhile, if nothing holds it
    slow_gc.go.set()
    first.join(10)
    second.join(10)
    assert gc.isenabled()


def test_the_collector_stays_off_when_it_was_off_before() -> None:
    gc.disable()
    try:
        with collector_paused(), collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_was_made_meanwhile_is_old_and_collectable_not_frozen() -> None:
    """Left young, what a worker made (a project's tags) was walked by the next collections
    at once, two or three times, the window frozen meanwhile; frozen, it was never collected."""
    gc.collect()  # no generation due for a collection but the youngest
    with collector_paused():
        made = [[n] for n in range(5000)]
    assert gc.get_freeze_count() == 0
    oldest = {id(thing) for thing in gc.get_objects(generation=2)}
    assert id(made) in oldest and id(made[-1]) in oldest
