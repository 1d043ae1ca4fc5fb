"""One window per user: a second launch hands its paths to the running window and exits.

Both launches run in this process: the first one's server answers in the event loop that
qtbot.waitSignal runs, after the second has written its message and gone.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.store import Store
from desktop.ui import single_instance
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.single_instance import (
    Launch,
    SingleInstance,
    decode_paths,
    encode_paths,
    hand_to_window,
    is_project_path,
    send_paths,
    server_name,
)

WAIT_MS = 30_000


class RecordingWindow:
    """Stands in for the main window: remembers what it was asked to do."""

    def __init__(self) -> None:
        self.projects: list[Path] = []
        self.imports: list[list[Path]] = []
        self.raised = 0

    def open_project(self, path: Path) -> None:
        self.projects.append(path)

    def import_paths(self, paths: list[Path]) -> None:
        self.imports.append(paths)

    def bring_to_front(self) -> None:
        self.raised += 1


@pytest.fixture
def name(tmp_path: Path) -> str:
    # A socket of this test's own, so a real Jiyao (or another test run) is never reached.
    return str(tmp_path / "server")


@pytest.fixture
def first(qapp: object, name: str, tmp_path: Path) -> Iterator[SingleInstance]:
    running = SingleInstance(name, tmp_path / "jiyao.lock")
    assert running.start([]) is Launch.FIRST
    yield running
    running.release()


def second_launch(name: str, tmp_path: Path) -> SingleInstance:
    return SingleInstance(name, tmp_path / "jiyao.lock")


def test_a_second_launch_hands_its_paths_to_the_first(
    qtbot: QtBot, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    paths = [tmp_path / "thesis.jiyao", tmp_path / "读物.txt", tmp_path / "folder"]
    with qtbot.waitSignal(first.pathsReceived, timeout=WAIT_MS) as received:
        assert second_launch(name, tmp_path).start(paths) is Launch.HANDED_OVER
    assert received.args == [paths]


def test_a_launch_without_paths_sends_an_empty_list_to_raise_the_window(
    qtbot: QtBot, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    with qtbot.waitSignal(first.pathsReceived, timeout=WAIT_MS) as received:
        assert second_launch(name, tmp_path).start([]) is Launch.HANDED_OVER
    assert received.args == [[]]


def test_relative_paths_arrive_absolute(
    qtbot: QtBot, first: SingleInstance, name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(first.pathsReceived, timeout=WAIT_MS) as received:
        assert send_paths(name, [Path("notes.txt")])
    assert received.args == [[tmp_path / "notes.txt"]]


def test_sending_to_nobody_reports_failure(qapp: object, name: str) -> None:
    assert not send_paths(name, [Path("/x.txt")], attempts=1)


def test_a_lock_left_by_a_crashed_launch_is_taken_over(qapp: object, tmp_path: Path) -> None:
    lock = tmp_path / "jiyao.lock"
    crash = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", crash, str(lock)], check=True, timeout=60)
    assert lock.exists()  # the crashed process never unlocked
    instance = SingleInstance(str(tmp_path / "server"), lock)
    assert instance.start([]) is Launch.FIRST
    instance.release()


def test_a_server_left_behind_by_a_crash_is_replaced(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    Path(name).write_bytes(b"")  # stands in for the socket file a crash leaves on Unix
    instance = SingleInstance(name, tmp_path / "jiyao.lock")
    assert instance.start([]) is Launch.FIRST
    with qtbot.waitSignal(instance.pathsReceived, timeout=WAIT_MS):
        assert send_paths(name, [])
    instance.release()


def test_after_release_the_next_launch_is_the_first(
    qapp: object, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    first.release()
    later = second_launch(name, tmp_path)
    assert later.start([]) is Launch.FIRST
    later.release()


def test_the_server_name_is_unique_per_user(monkeypatch: pytest.MonkeyPatch) -> None:
    names = set()
    for uid in (1000, 1001):
        monkeypatch.setattr(single_instance.os, "getuid", lambda uid=uid: uid, raising=False)
        names.add(server_name())
    assert len(names) == 2
    assert all("jiyao-100" in name for name in names)


def test_without_user_ids_the_user_name_keeps_names_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Windows has no getuid: the user name (hashed when it is not plain ASCII) is the key.
    monkeypatch.delattr(single_instance.os, "getuid", raising=False)
    names = set()
    for user in ("wang", "李明", "李亮"):
        monkeypatch.setattr(single_instance.getpass, "getuser", lambda user=user: user)
        names.add(server_name())
    assert len(names) == 3
    assert any(name.endswith("jiyao-wang") for name in names)


def test_a_message_read_in_pieces_comes_out_whole() -> None:
    paths = [Path("/home/用户/会议纪要.txt"), Path("/home/用户/项目.jiyao")]
    message = encode_paths(paths)
    for cut in range(len(message)):
        assert decode_paths(message[:cut]) is None
    assert decode_paths(message) == paths


def test_a_message_that_is_not_ours_is_refused() -> None:
    with pytest.raises(ValueError):
        decode_paths(b"\x00\x00\x00\x04oops")
    with pytest.raises(ValueError):
        decode_paths(b"\xff\xff\xff\xffmore than anyone sends")


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


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with Store(tmp_path / "running.jiyao") as store:
        import_seeds(store)
        shown = MainWindow(store, Settings())
        qtbot.addWidget(shown)
        shown.show()
        yield shown


def test_a_double_clicked_project_opens_in_the_running_window_and_a_text_is_imported_into_it(
    qtbot: QtBot, window: MainWindow, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    first.pathsReceived.connect(lambda paths: hand_to_window(window, paths))
    Store(tmp_path / "other.jiyao").close()
    text = tmp_path / "读物.txt"
    text.write_text("市委书记王某某主持会议，要求做好复工复产。", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=WAIT_MS):
        assert second_launch(name, tmp_path).start([tmp_path / "other.jiyao", text])
    assert window.store.path == tmp_path / "other.jiyao"
    assert window.store.document_count() == 1


def test_a_file_opened_by_macos_while_running_takes_the_same_way(
    qapp: object, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtGui import QFileOpenEvent

    from desktop.ui.single_instance import FileOpenEvents

    window = RecordingWindow()
    owner = QObject()
    events = FileOpenEvents(window, owner)
    QCoreApplication.instance().installEventFilter(events)  # type: ignore[union-attr]
    try:
        text = tmp_path / "readout.txt"
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(text)))  # type: ignore[arg-type]
    finally:
        QCoreApplication.instance().removeEventFilter(events)  # type: ignore[union-attr]
    assert window.imports == [[text]] and window.raised == 1
