"""What the window lets go of, so it keeps less memory (issue 13: < 200 MiB with a
300,000-character document open; measured by tests/benchmarks/bench_window.py, not here)."""

from __future__ import annotations

import linecache

from pytestqt.qtbot import QtBot

import desktop.ui.reading.reader as a_window_module
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.shell.main_window import MainWindow


def test_the_window_drops_the_source_lines_read_while_importing(qtbot: QtBot, store: Store) -> None:
    """PySide6's import hook reads every later module's source through linecache."""
    source = a_window_module.__file__
    assert source is not None
    assert linecache.getlines(source)  # as the hook leaves it
    assert source in linecache.cache
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    assert source not in linecache.cache
