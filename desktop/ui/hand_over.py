"""Delivering paths to the window: a second launch's, or files macOS opens while Jiyao runs.

A project among them opens in the window, the other paths are imported into the project it
then shows. The window may be busy with that project (a dialog open, an import running): what
arrives then waits in a :class:`HandOver` queue until it is idle. How a second launch's paths
get here is :mod:`desktop.ui.single_instance`.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent

from desktop.core.store import APPLICATION_ID

log = logging.getLogger(__name__)

PROJECT_SUFFIX = ".jiyao"
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID_OFFSET = 68  # where SQLite keeps PRAGMA application_id in its file header
HAND_OVER_RETRY_MS = 500  # how often a busy window is asked again for handed-over paths


class PathTarget(Protocol):
    """What receives handed-over paths: the main window (or a stand-in in tests)."""

    def open_project(self, path: Path) -> object: ...

    def import_paths(self, paths: list[Path]) -> object: ...

    def bring_to_front(self) -> object: ...

    def is_busy(self) -> bool:
        """True while a dialog or a job still works on the open project."""
        ...

    def hand_over_waits(self) -> object:
        """Tell the user that handed-over paths wait until the window is idle."""
        ...


def is_project_path(path: Path) -> bool:
    """A ``.jiyao`` path (existing or not, as with ``--db``), or a file that is a Jiyao project
    whatever its name (SQLite header with our application id)."""
    if path.suffix.lower() == PROJECT_SUFFIX:
        return True
    if not path.is_file():  # a pipe or device: opening it would wait for a writer forever
        return False
    try:
        with path.open("rb") as file:
            header = file.read(APPLICATION_ID_OFFSET + 4)
    except OSError:  # a folder, a missing or an unreadable file: not a project
        return False
    found = header[APPLICATION_ID_OFFSET:]
    return header.startswith(SQLITE_HEADER) and found == APPLICATION_ID.to_bytes(4, "big")


def split_projects(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """(projects, everything else) in the order given."""
    projects = [path for path in paths if is_project_path(path)]
    return projects, [path for path in paths if path not in projects]


def hand_to_window(window: PathTarget, paths: Sequence[Path]) -> None:
    """A project opens in the window; other paths are imported into the project it then
    shows (text and annotated sets alike); the window comes to the front."""
    projects, others = split_projects(paths)
    if projects:
        window.open_project(projects[0])
        if len(projects) > 1:
            log.warning("one project at a time: left %s closed", ", ".join(map(str, projects[1:])))
    if others:
        window.import_paths(others)
    window.bring_to_front()


class HandOver(QObject):
    """Paths from other launches, handed to the window when it is idle, in the order they came.

    A project switched under an open dialog or a running job would leave them working on a
    closed database (or exporting the new project's documents), so while the window is busy
    the paths wait and the window is asked again every :data:`HAND_OVER_RETRY_MS`. The window
    comes to the front at once, so the user sees that the launch arrived.
    """

    def __init__(self, window: PathTarget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._pending: deque[list[Path]] = deque()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._deliver)

    def pending(self) -> list[list[Path]]:
        return list(self._pending)

    def receive(self, paths: Sequence[Path]) -> None:
        """Queue the paths and return at once: delivering may open dialogs of its own, which
        must not run inside the server's read (the other launch waits for its answer)."""
        self._window.bring_to_front()
        if not paths:
            return  # a launch with nothing to open only raises the window
        self._pending.append(list(paths))
        if self._window.is_busy():
            self._window.hand_over_waits()
        self._timer.start(0)

    def _deliver(self) -> None:
        # One at a time: a delivered import makes the window busy until it is done.
        if self._pending and not self._window.is_busy():
            hand_to_window(self._window, self._pending.popleft())
        if self._pending:
            self._timer.start(0 if not self._window.is_busy() else HAND_OVER_RETRY_MS)


class FileOpenEvents(QObject):
    """macOS sends files double-clicked while Jiyao runs as QFileOpenEvent to the application,
    not on a command line; they take the same way as a second launch's paths."""

    def __init__(self, hand_over: HandOver, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hand_over = hand_over

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self._hand_over.receive([Path(event.file())])
            return True
        return super().eventFilter(watched, event)
