"""One window per user: a second launch hands its paths to the running window and exits.

The first launch runs in this process, the second in a process of its own (as it does for
real): it waits for the first one's answer, which the first gives only in its event loop, the
one qtbot runs meanwhile.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QDialog, QInputDialog
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.store import Store
from desktop.ui import single_instance
from desktop.ui.exporting import ExportDialog
from desktop.ui.label_editor import LabelEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.single_instance import (
    HandOver,
    Launch,
    SingleInstance,
    decode_paths,
    encode_paths,
    hand_to_window,
    is_project_path,
    runtime_dir,
    send_paths,
    server_name,
)

WAIT_MS = 30_000
RETRY_WAIT_MS = 2 * single_instance.HAND_OVER_RETRY_MS  # long enough for a retry to be seen


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


SECOND_LAUNCH = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from desktop.ui.single_instance import SingleInstance, send_paths
app = QCoreApplication([])
how, name, lock, *paths = sys.argv[1:]
if how == "start":
    print(SingleInstance(name, Path(lock)).start([Path(p) for p in paths]).name)
else:
    print(send_paths(name, [Path(p) for p in paths]))
"""


class Background:
    """A second launch in a process of its own: a thread of this one would block the first
    launch's reply (PySide6 holds the GIL while a socket waits)."""

    def __init__(self, how: str, name: str, tmp_path: Path, paths: list[Path]) -> None:
        arguments = [how, name, str(tmp_path / "jiyao.lock"), *map(str, paths)]
        self._process = subprocess.Popen(
            [sys.executable, "-c", SECOND_LAUNCH, *arguments], stdout=subprocess.PIPE, text=True
        )

    def outcome(self, qtbot: QtBot) -> str:
        qtbot.waitUntil(lambda: self._process.poll() is not None, timeout=WAIT_MS)
        stdout, _ = self._process.communicate()
        return stdout.strip()


def launch_in_background(name: str, tmp_path: Path, paths: list[Path]) -> Background:
    return Background("start", name, tmp_path, paths)


def send_in_background(name: str, tmp_path: Path, paths: list[Path]) -> Background:
    return Background("send", name, tmp_path, paths)


def test_a_second_launch_hands_its_paths_to_the_first(
    qtbot: QtBot, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    paths = [tmp_path / "thesis.jiyao", tmp_path / "读物.txt", tmp_path / "folder"]
    with qtbot.waitSignal(first.pathsReceived, timeout=WAIT_MS) as received:
        launch = launch_in_background(name, tmp_path, paths)
    assert launch.outcome(qtbot) == Launch.HANDED_OVER.name
    assert received.args == [paths]


def test_a_launch_without_paths_sends_an_empty_list_to_raise_the_window(
    qtbot: QtBot, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    with qtbot.waitSignal(first.pathsReceived, timeout=WAIT_MS) as received:
        launch = launch_in_background(name, tmp_path, [])
    assert launch.outcome(qtbot) == Launch.HANDED_OVER.name
    assert received.args == [[]]


def test_relative_paths_arrive_absolute(
    qtbot: QtBot, first: SingleInstance, name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    with qtbot.waitSignal(first.pathsReceived, timeout=WAIT_MS) as received:
        sending = send_in_background(name, tmp_path, [Path("notes.txt")])
    assert sending.outcome(qtbot) == "True"
    assert received.args == [[tmp_path / "notes.txt"]]


def test_sending_to_nobody_reports_failure(qapp: object, name: str) -> None:
    assert not send_paths(name, [Path("/x.txt")], attempts=1)


def test_a_window_that_never_reads_does_not_count_as_handed_over(
    qapp: object, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A closing or hung window: the connection is taken, the message sits in the buffer.
    monkeypatch.setattr(single_instance, "ACK_TIMEOUT_MS", 300)
    hung = QLocalServer()
    assert hung.listen(name)
    try:
        assert not send_paths(name, [Path("/会议.txt")])
    finally:
        hung.close()


def test_a_launch_the_running_window_does_not_answer_is_reported(
    qapp: object, first: SingleInstance, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sent from this thread, the first instance cannot read before the launch gives up.
    monkeypatch.setattr(single_instance, "ACK_TIMEOUT_MS", 300)
    assert second_launch(name, tmp_path).start([tmp_path / "a.txt"]) is Launch.UNANSWERED


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
        sending = send_in_background(name, tmp_path, [])
    assert sending.outcome(qtbot) == "True"
    instance.release()


def test_after_release_the_next_launch_is_the_first(
    qapp: object, first: SingleInstance, name: str, tmp_path: Path
) -> None:
    first.release()
    later = second_launch(name, tmp_path)
    assert later.start([]) is Launch.FIRST
    later.release()


def test_without_a_runtime_folder_the_lock_goes_in_the_data_folder(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Qt answers "" when it cannot make the runtime folder; a relative lock would be a
    # different lock in every folder Jiyao is started from.
    monkeypatch.setattr(single_instance.sys, "platform", "linux")
    monkeypatch.setattr(single_instance.QStandardPaths, "writableLocation", lambda _where: "")
    folders = []
    for start in ("one", "two"):
        (tmp_path / start).mkdir()
        monkeypatch.chdir(tmp_path / start)
        folders.append(single_instance.lock_path().parent)
    assert folders[0] == folders[1] == runtime_dir() == single_instance.data_dir()
    assert folders[0].is_absolute() and folders[0].is_dir()


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
    first.pathsReceived.connect(HandOver(window, window).receive)
    Store(tmp_path / "other.jiyao").close()
    text = tmp_path / "读物.txt"
    text.write_text("市委书记王某某主持会议，要求做好复工复产。", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=WAIT_MS):
        launch = launch_in_background(name, tmp_path, [tmp_path / "other.jiyao", text])
    assert launch.outcome(qtbot) == Launch.HANDED_OVER.name
    assert window.store.path == tmp_path / "other.jiyao"
    assert window.store.document_count() == 1


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

    from desktop.ui.single_instance import FileOpenEvents

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
