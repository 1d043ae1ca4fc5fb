"""Python's cycle collector kept off while work makes a great many objects, none in a cycle
(an analysis's word tuples, a project's tags in a worker thread): it would walk them again and
again as they are made, and a full collection holds the GIL, so a window whose worker makes
them stalls meanwhile. Several threads may do such work at once: one count of them, under a
lock, so the first to start turns the collector off and the last to end puts it back as the
first found it (a check-then-disable in each thread, interleaved, could leave it off for
good). Nothing is left frozen (``gc.freeze``): a frozen object is never collected, even when
it later becomes cyclic garbage, so a closed window and everything it read would stay."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausing = 0  # blocks inside collector_paused now, in all threads
_was_enabled = False  # as the first of them found it


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the block (and any other thread's such block)."""
    global _pausing, _was_enabled
    with _lock:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _lock:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                _make_old()
                gc.enable()


def _make_old() -> None:
    """What was made meanwhile (and all else alive) into the oldest generation, unwalked: left
    young, the next collections walk all of it, two or three times as it is promoted (a
    quarter second, at 80,000 tags, the window frozen meanwhile); old, it is walked at the
    next full collection only, and collected there when garbage. ``freeze`` then ``unfreeze``
    moves the generations' lists whole; not while someone else's objects are frozen (an
    import's, for its worker processes), which the ``unfreeze`` would let go."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
