"""Paths for the running window: a project opens, the rest is imported, and nothing is
delivered while a dialog or a job still works on the open project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.common.project_files import is_project_path
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.shell.hand_over import HAND_OVER_RETRY_MS, HandOver, hand_to_window
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.label_editor import LabelEditor

WAIT_MS = 30_000
RETRY_WAIT_MS = 2 * HAND_OVER_RETRY_MS  # long enough for a retry to be seen


class RecordingWindow:
    """Stands in for the main window: remembers what it was asked to do."""

    def __init__(self) -> None:
        self.projects: list[Path] = []
        self.imports: list[list[Path]] = []
        self.raised = 0
        self.busy = False
        self.told_to_wait = 0

    def open_project(self, path: Path) -> None:
        self.projects.append(path)

    def import_paths(self, paths: list[Path]) -> None:
        self.imports.append(paths)

    def bring_to_front(self) -> None:
        self.raised += 1

    def is_busy(self) -> bool:
        return self.busy

    def hand_over_waits(self) -> None:
        self.told_to_wait += 1


def test_projects_are_known_by_suffix_or_by_their_header(qapp: object, tmp_path: Path) -> None:
    Store(tmp_path / "named-otherwise.db").close()
    (tmp_path / "notes.txt").write_text("会议", encoding="utf-8")
    assert is_project_path(tmp_path / "not-yet.jiyao")
    assert is_project_path(tmp_path / "named-otherwise.db")
    assert not is_project_path(tmp_path / "notes.txt")
    assert not is_project_path(tmp_path)


def test_a_project_opens_and_the_rest_is_imported(tmp_path: Path) -> None:
    window = RecordingWindow()
    project, text, folder = tmp_path / "a.jiyao", tmp_path / "b.txt", tmp_path / "c"
    hand_to_window(window, [text, project, folder])
    assert window.projects == [project]
    assert window.imports == [[text, folder]]
    assert window.raised == 1


def test_no_paths_only_raise_the_window() -> None:
    window = RecordingWindow()
    hand_to_window(window, [])
    assert (window.projects, window.imports, window.raised) == ([], [], 1)


def test_paths_handed_over_while_the_window_is_busy_wait_in_order(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = RecordingWindow()
    hand_over = HandOver(window)
    window.busy = True
    first_set, second_set = [tmp_path / "a.txt"], [tmp_path / "b.jiyao", tmp_path / "c.txt"]
    hand_over.receive(first_set)
    hand_over.receive(second_set)
    assert window.raised == 2 and window.told_to_wait == 2  # seen at once, told why
    qtbot.wait(RETRY_WAIT_MS)
    assert window.imports == [] and window.projects == []
    assert hand_over.pending() == [first_set, second_set]
    window.busy = False
    qtbot.waitUntil(lambda: not hand_over.pending(), timeout=WAIT_MS)
    assert window.imports == [first_set, [tmp_path / "c.txt"]]
    assert window.projects == [tmp_path / "b.jiyao"]


def test_a_launch_with_nothing_to_open_only_raises_even_a_busy_window(qtbot: QtBot) -> None:
    window = RecordingWindow()
    window.busy = True
    hand_over = HandOver(window)
    hand_over.receive([])
    assert (window.raised, window.told_to_wait, hand_over.pending()) == (1, 0, [])


def test_an_idle_window_gets_the_paths_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    window = RecordingWindow()
    hand_over = HandOver(window)
    hand_over.receive([tmp_path / "a.txt"])
    qtbot.waitUntil(lambda: bool(window.imports), timeout=WAIT_MS)
    assert window.imports == [[tmp_path / "a.txt"]] and window.told_to_wait == 0


def open_dialog(window: MainWindow, kind: str) -> QDialog:
    """One of the dialogs that work on the open project, shown as the window shows it."""
    if kind == "labels":
        window.edit_labels()
        [editor] = window.findChildren(LabelEditor)
        return editor
    if kind == "tags":
        return window.browse_tags()
    if kind == "export":
        window.export()
        [export] = window.findChildren(ExportDialog)
        return export
    asking = QInputDialog(window)  # as the annotator's name or a label is asked for
    asking.open()
    return asking


@pytest.mark.parametrize("kind", ["labels", "tags", "export", "input"])
def test_a_project_handed_over_while_a_dialog_is_open_waits_until_it_closes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, kind: str
) -> None:
    other = tmp_path / "other.jiyao"
    Store(other).close()
    running = window.store.path
    dialog = open_dialog(window, kind)
    hand_over = HandOver(window, window)
    hand_over.receive([other])
    qtbot.wait(RETRY_WAIT_MS)
    assert window.store.path == running and hand_over.pending() == [[other]]
    if isinstance(dialog, LabelEditor):
        dialog.reload()  # its project is still open ("Cannot operate on a closed database")
    dialog.reject()
    qtbot.waitUntil(lambda: window.store.path == other, timeout=WAIT_MS)
    assert not hand_over.pending()


@pytest.mark.parametrize("job", ["importer", "exchange"])
def test_paths_handed_over_while_a_job_runs_wait_for_it(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    job: str,
) -> None:
    running = [True]
    monkeypatch.setattr(getattr(window, job), "is_running", lambda: running[0])
    text = tmp_path / "读物.txt"
    text.write_text("市委书记王某某主持会议，要求做好复工复产。", encoding="utf-8")
    before = window.store.document_count()
    hand_over = HandOver(window, window)
    hand_over.receive([text])
    qtbot.wait(RETRY_WAIT_MS)
    assert hand_over.pending() == [[text]]  # waiting, not dropped
    with qtbot.waitSignal(window.importer.finished, timeout=WAIT_MS):
        running[0] = False
    assert window.store.document_count() == before + 1


def test_no_project_opens_under_a_running_job(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window.exchange, "is_running", lambda: True)
    running = window.store.path
    assert not window.open_project(tmp_path / "other.jiyao")
    assert window.store.path == running


def test_a_file_opened_by_macos_while_running_takes_the_same_way(
    qapp: object, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtGui import QFileOpenEvent

    from desktop.ui.shell.hand_over import FileOpenEvents

    window = RecordingWindow()
    owner = QObject()
    hand_over = HandOver(window, owner)
    events = FileOpenEvents(hand_over, owner)
    QCoreApplication.instance().installEventFilter(events)  # type: ignore[union-attr]
    try:
        text = tmp_path / "readout.txt"
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(text)))  # type: ignore[arg-type]
    finally:
        QCoreApplication.instance().removeEventFilter(events)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(window.imports), timeout=WAIT_MS)
    assert window.imports == [[text]] and window.raised >= 1
