"""What every part of the store shares: its errors, the open database, transactions, and the
look-ups of a document's clean text that span checks need."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from desktop.core.messages import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class StoreError(Exception):
    """A database Jiyao cannot use; ``str(error)`` is a one-line reason."""


class InvalidSpan(StoreError):
    pass


class NotAProject(StoreError):
    """The file is not a Jiyao project: empty, not SQLite, or another program's database."""


class CorruptProject(StoreError):
    """A Jiyao project whose integrity check fails; a backup may bring it back."""

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def is_file_damage(error: BaseException) -> bool:
    """Whether ``error`` is SQLite saying the file itself is damaged (a malformed page, not a
    database): a plain DatabaseError, none of its kinds (locked, constraint, misuse…)."""
    return type(error) is sqlite3.DatabaseError


class ReadOnlyProject(StoreError):
    """The project file or its folder cannot be written."""


class PermissionDenied(StoreError):
    """The operating system refuses access to the project file or its folder."""


class DiskFull(StoreError):
    """The disk holding the project has no room left."""


class ProjectBusy(StoreError):
    """Another process kept the project locked for longer than Jiyao waits."""


class DuplicateLabel(StoreError):
    """A label of that name already exists under the same parent."""


# How long a write waits for another process's write to finish before giving up; imports of
# thousands of files hold the lock for many seconds.
BUSY_TIMEOUT_SECONDS = 60.0
# After this long waiting for the lock, the store tells its ``on_wait`` listener once.
WAIT_NOTICE_SECONDS = 1.0


def sqlite_failure(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The true reason an SQLite operation on ``path`` failed, as a StoreError, or None when
    it is none of the environmental ones (read-only, full disk, locked, permission)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    message = str(error).lower()
    if name.startswith("SQLITE_READONLY") or "readonly database" in message:
        return ReadOnlyProject(
            QT_TRANSLATE_NOOP(
                "Project",
                "{0} is read-only: Jiyao needs to write to the project file and its folder",
            ).format(path)
        )
    if name.startswith("SQLITE_FULL") or "database or disk is full" in message:
        return DiskFull(
            QT_TRANSLATE_NOOP(
                "Project", "the disk holding {0} is full: free some space, then try again"
            ).format(path)
        )
    if name.startswith("SQLITE_IOERR") and _no_room_left(path):
        # A full disk also fails where SQLite sizes a file rather than writes a page (the
        # WAL's -shm file: SQLITE_IOERR_SHMSIZE), and is then only a "disk I/O error".
        return DiskFull(
            QT_TRANSLATE_NOOP(
                "Project", "the disk holding {0} is full: free some space, then try again"
            ).format(path)
        )
    if name.startswith("SQLITE_BUSY") or "database is locked" in message:
        return ProjectBusy(
            QT_TRANSLATE_NOOP(
                "Project",
                "{0} is in use: another Jiyao process kept writing to it for {1:.0f} "
                "seconds; try again when it has finished",
            ).format(path, BUSY_TIMEOUT_SECONDS)
        )
    if name.startswith("SQLITE_PERM") or name.startswith("SQLITE_AUTH"):
        return PermissionDenied(
            QT_TRANSLATE_NOOP("Project", "permission denied for {0}").format(path)
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database file" in message:
        return cannot_open(path)
    return None


# Below this many free bytes an I/O error is taken for a full disk: SQLite needs at least
# a page for the journal and 32 KiB for the WAL's shared-memory file.
_ROOM_SQLITE_NEEDS = 64 * 1024


def _no_room_left(path: Path) -> bool:
    """Whether the file system holding ``path`` is (all but) full."""
    try:
        return shutil.disk_usage(path.parent).free < _ROOM_SQLITE_NEEDS
    except OSError:
        return False


def first_problem(problems: list[str]) -> str:
    """The first finding of an integrity check, on one line. SQLite may report several in
    one row, under a "*** in database main ***" header that says nothing to a user."""
    for row in problems:
        for line in row.splitlines():
            line = line.strip()
            if line and not line.startswith("***"):
                return line
    return QT_TRANSLATE_NOOP("Project", "integrity check failed")


def cannot_open(path: Path) -> StoreError:
    """Why SQLite could not open or create ``path``, found from the file system."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return ReadOnlyProject(
            QT_TRANSLATE_NOOP(
                "Project",
                "cannot write in {0}: the folder is read-only or you lack permission "
                "(Jiyao keeps its journal beside {1})",
            ).format(folder, path.name)
        )
    if path.exists() and not os.access(path, os.R_OK):
        return PermissionDenied(
            QT_TRANSLATE_NOOP("Project", "permission denied: cannot read {0}").format(path)
        )
    return StoreError(QT_TRANSLATE_NOOP("Project", "cannot open {0}").format(path))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoreBase:
    """The state every area of the store works on; :class:`desktop.core.store.Store` opens it."""

    path: Path
    db: sqlite_utils.Database
    _connection: sqlite3.Connection
    # Whether this open made the project (no file was there).
    created: bool
    # Opened for reading only: nothing is written, not even a cache.
    read_only: bool

    # Called once per transaction that had to wait WAIT_NOTICE_SECONDS for another process's
    # write lock (the command line says it is waiting); the wait itself goes on.
    on_wait: Callable[[], None] | None = None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all (nested blocks are savepoints).

        The outermost block takes the write lock at once (BEGIN IMMEDIATE): a transaction that
        reads before it writes would otherwise fail with "database is locked" the moment
        another connection (the window, an import on a worker thread) commits in between;
        waiting for the lock up front lets the busy timeout do its job. A full disk, a
        read-only file or a lock held too long become their own StoreError.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.await_integrity_check()
        try:
            self._begin_immediate()
        except sqlite3.OperationalError as error:
            raise self._reason(error) from error
        try:
            yield
            self.db.conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self.db.conn.rollback()
            raise self._reason(error) from error
        except BaseException:
            self.db.conn.rollback()
            raise

    def await_integrity_check(self) -> None:
        """Wait for a whole-file check still running (see SchemaMixin ``check_later``); raise
        CorruptProject if it found damage. Every transaction calls it before it writes."""

    def _begin_immediate(self) -> None:
        """Take the write lock, waiting up to BUSY_TIMEOUT_SECONDS for another writer; past
        WAIT_NOTICE_SECONDS, tell ``on_wait`` (once) that we are waiting."""
        connection = self.db.conn
        self._set_busy_timeout(WAIT_NOTICE_SECONDS)
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not isinstance(sqlite_failure(error, self.path), ProjectBusy):
                raise
        finally:
            self._set_busy_timeout(BUSY_TIMEOUT_SECONDS)
        log.info("waiting for another process writing %s", self.path)
        if self.on_wait is not None:
            self.on_wait()
        connection.execute("BEGIN IMMEDIATE")

    def _set_busy_timeout(self, seconds: float) -> None:
        # PRAGMA takes no parameters; the value is our own number.
        self.db.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def _reason(self, error: sqlite3.OperationalError) -> Exception:
        """The StoreError that says why a write failed, or the error itself (a bug of ours)."""
        return sqlite_failure(error, self.path) or error

    def _clean_length(self, document_id: int) -> int:
        row = self.db.execute(
            "SELECT length(clean_text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return int(row[0])

    # The last document read whole (its id, text hash and clean text): a tag on it needs its
    # text, which is not read again while the text at that id is the same (issue 13: 0.8 ms
    # a tag on 300,000 characters). The window holds that text anyway.
    _known_text: tuple[int, str, str] | None = None

    def _remember_text(self, document_id: int, text_sha256: str, clean_text: str) -> None:
        self._known_text = (document_id, text_sha256, clean_text)

    def _clean_text_of(self, document_id: int) -> str:
        """The document's clean text, the remembered one when it is still what is stored at
        that id (looked up by its hash in the hash's index: the text is not read)."""
        known = self._known_text
        if known is not None and known[0] == document_id:
            row = self.db.execute(
                "SELECT id FROM documents WHERE text_sha256 = ?", (known[1],)
            ).fetchone()
            if row is not None and row[0] == document_id:
                return known[2]
        return self._clean_text(document_id)

    def _clean_text(self, document_id: int) -> str:
        row = self.db.execute(
            "SELECT clean_text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return str(row[0])

    def _check_span(
        self, document_id: int, start: int, end: int, length: int | None = None
    ) -> None:
        """Raise InvalidSpan unless ``[start, end)`` lies in the document's clean text;
        ``length``: the clean text's, when the caller has it already."""
        if length is None:
            length = self._clean_length(document_id)
        if not 0 <= start < end <= length:
            raise InvalidSpan(
                QT_TRANSLATE_NOOP(
                    "Project",
                    "span [{0}, {1}) is outside document {2} (its clean text has {3} characters)",
                ).format(start, end, document_id, length)
            )
