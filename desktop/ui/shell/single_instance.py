"""One window per user: a second launch hands its paths to the running window and exits.

Double-clicking a project or a text file starts a new process; two processes writing one
project would fight over the database. The first launch takes a QLockFile and listens on a
QLocalServer; a later launch finds the lock taken, connects, sends its paths and exits 0.

The message is a 4-byte big-endian length, then that many bytes of UTF-8 JSON:
``{"paths": ["/absolute/path", ...]}`` (no paths: just raise the window). The running window
answers with one byte, :data:`ACK`, once it has taken the paths; a launch that gets no answer
reports that Jiyao does not answer rather than exiting as if the paths had arrived.

What the window does with the paths, and when, is :mod:`desktop.ui.shell.hand_over`.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import re
import struct
import sys
import time
from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core.paths import data_dir

log = logging.getLogger(__name__)

HEADER = struct.Struct(">I")
MAX_MESSAGE_BYTES = 16 * 1024 * 1024  # thousands of paths; anything bigger is not ours
LOCK_WAIT_MS = 200
CONNECT_TIMEOUT_MS = 1000
WRITE_TIMEOUT_MS = 3000
ACK = b"\x06"  # the running window has the paths
ACK_TIMEOUT_MS = 5000  # a window that cannot read within this is hung or closing
CONNECT_ATTEMPTS = 10
RETRY_DELAY_S = 0.2


class Launch(Enum):
    """What a launch found."""

    FIRST = "first"  # this process opens the window
    HANDED_OVER = "handed over"  # the running window has the paths: exit 0
    UNANSWERED = "unanswered"  # another process holds the lock but does not answer


# Paths ------------------------------------------------------------------------------------


def user_key() -> str:
    """Who is running Jiyao, as a name safe in file and pipe names."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    try:
        name = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment
        name = "user"
    if re.fullmatch(r"[A-Za-z0-9_.-]+", name):
        return name
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


def runtime_dir() -> Path:
    """Where the lock (and on Unix the socket) live: the per-user runtime folder on Linux
    (private, emptied at logout), the data folder elsewhere."""
    if sys.platform.startswith("linux"):
        location = QStandardPaths.StandardLocation.RuntimeLocation
        found = QStandardPaths.writableLocation(location)
        if found:
            return Path(found)
        # Qt gives "" when it cannot make the runtime folder; Path("") is the working folder,
        # different for each launch, so two launches would each take a lock of their own.
        log.warning("no runtime folder: the lock goes in the data folder")
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # SingleInstance says so and runs without the lock
        log.warning("cannot create %s: %s", folder, error)
    return folder


def server_name() -> str:
    """The QLocalServer name, one per user.

    On Unix a full socket path in the user's private folder: a bare name would put the socket
    in /tmp, where another user could take the name first. Windows pipe names are not paths.
    """
    name = f"jiyao-{user_key()}"
    if sys.platform == "win32":
        return name
    return str(runtime_dir() / name)


def lock_path() -> Path:
    return runtime_dir() / f"jiyao-{user_key()}.lock"


# Messages ---------------------------------------------------------------------------------


def encode_paths(paths: Sequence[Path]) -> bytes:
    body = json.dumps({"paths": [str(path) for path in paths]}).encode("utf-8")
    return HEADER.pack(len(body)) + body


def decode_paths(buffer: bytes) -> list[Path] | None:
    """The paths in a complete message; None while more bytes are to come.

    Raises ValueError for a message that is not ours (too long, not JSON, wrong shape).
    """
    if len(buffer) < HEADER.size:
        return None
    (length,) = HEADER.unpack_from(buffer)
    if length > MAX_MESSAGE_BYTES:
        raise ValueError(f"a message of {length} bytes is too long")
    if len(buffer) < HEADER.size + length:
        return None
    message = json.loads(buffer[HEADER.size : HEADER.size + length].decode("utf-8"))
    paths = message.get("paths") if isinstance(message, dict) else None
    if not isinstance(paths, list) or not all(isinstance(path, str) for path in paths):
        raise ValueError("the message has no list of paths")
    return [Path(path) for path in paths]


def send_paths(name: str, paths: Sequence[Path], *, attempts: int = CONNECT_ATTEMPTS) -> bool:
    """Send paths (made absolute: the running window has another working folder) to the
    window listening on ``name``; False when nobody answered or the window did not confirm
    within :data:`ACK_TIMEOUT_MS` that it took them: bytes in a socket buffer are not a window
    that read them."""
    message = encode_paths([path.absolute() for path in paths])
    for attempt in range(attempts):
        if attempt:
            time.sleep(RETRY_DELAY_S)  # the first launch may be between its lock and listen
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            allow_raising_other_windows()
            socket.write(message)
            sent = socket.waitForBytesWritten(WRITE_TIMEOUT_MS) or socket.bytesToWrite() == 0
            # No retry once connected: a window that reads late would get the paths twice.
            taken = sent and wait_for_ack(socket, ACK_TIMEOUT_MS)
            socket.disconnectFromServer()
            if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                socket.waitForDisconnected(WRITE_TIMEOUT_MS)
            return taken
    return False


def wait_for_ack(socket: QLocalSocket, timeout_ms: int) -> bool:
    """Whether the window answered :data:`ACK` within ``timeout_ms``."""
    deadline = time.monotonic() + timeout_ms / 1000
    while socket.bytesAvailable() == 0:
        left_ms = int((deadline - time.monotonic()) * 1000)
        if left_ms <= 0 or not socket.waitForReadyRead(left_ms):
            # A window that answered and closed at once leaves its byte readable.
            break
    answer = socket.read(len(ACK)).data()
    if answer != ACK:
        log.warning("the running window did not confirm the hand-over")
    return answer == ACK


def allow_raising_other_windows() -> None:
    """Windows lets only the foreground process bring a window to the front: pass the right on
    to the running window, which is about to raise itself."""
    if sys.platform == "win32":
        import ctypes

        asfw_any = -1
        ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)


# The first launch -------------------------------------------------------------------------


class SingleInstance(QObject):
    """The lock and the server of the running window.

    ``pathsReceived(list[Path])`` is emitted for each message a later launch sends. Qt reads
    the socket only in the event loop, so connect it before anything runs one (a dialog).
    """

    pathsReceived = Signal(list)

    def __init__(
        self,
        name: str | None = None,
        lock_file: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self.lock_file = lock_file or lock_path()
        self.lock = QLockFile(str(self.lock_file))
        # The window holds the lock for hours: stale only when its process is gone (a crash),
        # never by age.
        self.lock.setStaleLockTime(0)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def start(self, paths: Sequence[Path]) -> Launch:
        """Become the running window, or hand ``paths`` to the one that is."""
        if self._claim():
            return Launch.FIRST
        if send_paths(self.name, paths):
            return Launch.HANDED_OVER
        # Nobody answers: the holder died in a way the lock could not tell (its process id
        # reused). removeStaleLockFile fails while a live process still holds the lock.
        if self.lock.removeStaleLockFile() and self._claim():
            log.warning("took over the lock of an instance that did not answer")
            return Launch.FIRST
        return Launch.UNANSWERED

    def _claim(self) -> bool:
        """Take the lock (a dead holder's lock is taken over) and listen."""
        try:
            self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("no single instance: cannot create %s (%s)", self.lock_file.parent, error)
            return True
        if not self.lock.tryLock(LOCK_WAIT_MS):
            if self.lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # An unwritable folder must not keep people from their documents.
            log.warning(
                "no single instance: cannot lock %s (%s)", self.lock_file, self.lock.error()
            )
            return True
        QLocalServer.removeServer(self.name)  # a socket left behind by a crash
        if not self.server.listen(self.name):
            log.warning("cannot listen on %s: %s", self.name, self.server.errorString())
        return True

    def release(self) -> None:
        for socket in list(self._buffers):
            self._forget(socket)
        self.server.close()
        self.lock.unlock()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._closed(s))
            self._read(socket)  # bytes may have arrived with the connection

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return  # the message was complete already
        buffer = self._buffers[socket] + socket.readAll().data()
        try:
            paths = decode_paths(buffer)
        except ValueError as error:
            log.warning("ignored a message from another launch: %s", error)
            self._forget(socket)
            return
        if paths is None:  # a partial read: the rest comes with the next readyRead
            self._buffers[socket] = buffer
            return
        # Taken out before the slots run: a read they cause must not take the paths twice.
        self._detach(socket)
        log.info("another launch handed over %d paths", len(paths))
        self.pathsReceived.emit(paths)
        # Only now: the other launch exits 0 on this byte, so the paths must be ours first.
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write(ACK)
            socket.flush()
        self._close(socket)

    def _closed(self, socket: QLocalSocket) -> None:
        self._read(socket)  # whatever came just before the close
        if socket in self._buffers:
            log.warning("another launch hung up in the middle of its message")
            self._forget(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        if self._detach(socket):
            self._close(socket)

    def _detach(self, socket: QLocalSocket) -> bool:
        """Stop following the socket; False when it was not followed."""
        if self._buffers.pop(socket, None) is None:
            return False
        # Our slots must not run while Qt closes or deletes the socket.
        socket.readyRead.disconnect()
        socket.disconnected.disconnect()
        return True

    @staticmethod
    def _close(socket: QLocalSocket) -> None:
        # Deleted once closed: disconnecting waits for what is still to be written (the answer).
        socket.disconnected.connect(socket.deleteLater)
        socket.disconnectFromServer()
        if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            socket.deleteLater()
