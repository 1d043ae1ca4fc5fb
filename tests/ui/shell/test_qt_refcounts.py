"""The Qt binding must not leak references to None/True/False when signals fire.

PySide6 6.12.0 did, on Python 3.11: every emission dropped one reference, and after a few
thousand (a minute of scrolling) the interpreter aborted. pyproject.toml keeps it out.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

EMISSIONS = 2000


class Emitter(QObject):
    number = Signal(int)
    flag = Signal(bool)


def test_emitting_signals_keeps_the_singletons_alive(qapp: object) -> None:
    emitter = Emitter()
    received: list[object] = []
    emitter.number.connect(received.append)
    emitter.flag.connect(received.append)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for value in range(EMISSIONS):
        emitter.number.emit(value)
        emitter.flag.emit(value % 2 == 0)
    received.clear()
    after = sys.getrefcount(None), sys.getrefcount(True)
    # Immortal singletons (Python 3.12+) report a constant; mortal ones may move a little.
    assert after[0] > before[0] - EMISSIONS // 10
    assert after[1] > before[1] - EMISSIONS // 10
