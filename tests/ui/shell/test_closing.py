"""Closing the window while an import runs: it asks, then stops the import cleanly."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot

from desktop.core import corpus
from desktop.core.store import Store
from desktop.ui.shell.main_window import MainWindow

TIMEOUT_MS = 30_000


def test_closing_during_an_import_asks_then_stops_it_keeping_whole_documents(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(20):
        (folder / f"{number:02}.txt").write_text(f"第{number}号通知：会议照常举行。", "utf-8")
    first_file_done = threading.Event()

    def held_import(store: Store, paths: Sequence[Path], **kwargs: Any) -> corpus.ImportReport:
        """The real import, held after its first file until it is cancelled."""
        progress: Callable[[int, int, Path], None] = kwargs["progress"]
        is_cancelled: Callable[[], bool] = kwargs["is_cancelled"]

        def step(done: int, total: int, path: Path) -> None:
            progress(done, total, path)
            first_file_done.set()
            stopped = threading.Event()
            while not is_cancelled() and not stopped.wait(0.01):
                pass

        return corpus.import_paths(store, paths, progress=step, is_cancelled=is_cancelled)

    monkeypatch.setattr("desktop.ui.exchange.importing.import_paths", held_import)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("desktop.ui.shell.main_window.QMessageBox.question", answer)
    window.import_paths([folder])
    [progress] = window.findChildren(QProgressDialog)
    # A modal progress dialog made the window deaf to the user's close button.
    assert progress.windowModality() == Qt.WindowModality.NonModal
    qtbot.waitUntil(first_file_done.is_set, timeout=TIMEOUT_MS)
    window.close()  # answered No: nothing changes
    assert window.isVisible() and window.importer.is_running()
    with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS) as finished:
        window.close()  # answered Yes: the import stops, then the window closes
    assert len(asked) == 2 and "An import is running" in asked[0]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)
    report = finished.args[0]
    assert report.cancelled and len(report.imported) == 1
    titles = [d.title for d in window.store.list_documents(limit=100)]
    assert len(titles) == 3  # the two seeds and the one whole document imported
