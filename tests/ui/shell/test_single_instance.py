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
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.shell import single_instance
from desktop.ui.shell.hand_over import HandOver
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.single_instance import (
    Launch,
    SingleInstance,
    decode_paths,
    encode_paths,
    runtime_dir,
    send_paths,
    server_name,
)

WAIT_MS = 30_000


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
from desktop.ui.shell.single_instance import SingleInstance, send_paths
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
