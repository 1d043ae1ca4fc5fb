"""Rolling backups of a project, and putting one back.

A backup is a whole project file made with SQLite's online backup API (never a file copy: a
live WAL project is the main file *and* its ``-wal``, and a copy of the one without the other
can be damaged). They go to the user data folder's ``backups/<project stem>-<hash of its
path>/``, one folder per project, named ``<stem>-<YYYYmmdd-HHMMSS>.jiyao`` in local time. On
open, a project gets at most one a day; the newest ``JIYAO_BACKUPS`` (default 7) are kept, and 0
turns the daily backup off.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.paths import data_dir
from desktop.core.store.base import (
    CorruptProject,
    NotAProject,
    StoreError,
    first_problem,
    sqlite_failure,
)
from desktop.core.store.schema import APPLICATION_ID, check_project_file

log = logging.getLogger(__name__)

BACKUP_KEEP_VARIABLE = "JIYAO_BACKUPS"
DEFAULT_KEEP = 7
_STAMP_FORMAT = "%Y%m%d-%H%M%S"
# <stem>-<stamp>[-n].jiyao: n tells apart backups made within one second.
_BACKUP_NAME = re.compile(r"-(\d{8}-\d{6})(?:-\d+)?\.jiyao$")


class BackupError(StoreError):
    """A backup could not be made, read or put back."""


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime  # local time, from the file's name
    size: int  # bytes


def backups_root() -> Path:
    return data_dir() / "backups"


def backup_folder(project: Path) -> Path:
    """Where ``project``'s backups go: one folder per project path, so two projects of the
    same name in different folders never prune each other's backups."""
    resolved = Path(project).expanduser().resolve()
    # The path's bytes as the file system has them: a name that is not valid text (read
    # with surrogate escapes) cannot be encoded as UTF-8.
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:10]
    return backups_root() / f"{resolved.stem}-{digest}"


def configured_keep() -> int:
    """How many daily backups to keep: $JIYAO_BACKUPS, else 7; 0 makes none."""
    value = os.environ.get(BACKUP_KEEP_VARIABLE, "").strip()
    if not value:
        return DEFAULT_KEEP
    try:
        return max(0, int(value))
    except ValueError:
        log.warning(
            "%s=%r is not a number; keeping %d backups", BACKUP_KEEP_VARIABLE, value, DEFAULT_KEEP
        )
        return DEFAULT_KEEP


def list_backups(project: Path) -> list[Backup]:
    """The project's backups, newest first (one directory listing: cheap on every open)."""
    folder = backup_folder(project)
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    backups = []
    for entry in entries:
        match = _BACKUP_NAME.search(entry.name)
        if match is None or not entry.is_file():
            continue
        made = datetime.strptime(match.group(1), _STAMP_FORMAT)
        backups.append(Backup(Path(entry.path), made, entry.stat().st_size))
    backups.sort(key=lambda backup: (backup.made, backup.path.name), reverse=True)
    return backups


def make_backup(connection: sqlite3.Connection, project: Path) -> Path:
    """Back up the open database ``connection`` of ``project`` into its backup folder,
    consistently even while others write (the backup API restarts on a change)."""
    folder = backup_folder(project)
    stem = Path(project).stem
    stamp = datetime.now().strftime(_STAMP_FORMAT)
    target = folder / f"{stem}-{stamp}.jiyao"
    number = 1
    while target.exists():
        target = folder / f"{stem}-{stamp}-{number}.jiyao"
        number += 1
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        destination = sqlite3.connect(partial)
        try:
            connection.backup(destination)
        finally:
            destination.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            QT_TRANSLATE_NOOP("Project", "cannot back up {0} into {1}: {2}").format(
                project, folder, _reason(error, folder)
            )
        ) from error
    log.info("backed up %s to %s", project, target)
    return target


def daily_backup(
    connection: sqlite3.Connection,
    project: Path,
    *,
    keep: int | None = None,
    ready: Callable[[], None] = lambda: None,
) -> Path | None:
    """Back up ``project`` unless it has a backup from today; then keep only the newest
    ``keep`` (default: :func:`configured_keep`). Returns the new backup, if one was made.
    ``ready`` is called before a backup is made (it may raise to stop it)."""
    keep = configured_keep() if keep is None else keep
    if keep <= 0 or not backup_due(project):
        return None
    ready()
    made = make_backup(connection, project)
    prune_backups(project, keep)
    return made


def backup_due(project: Path) -> bool:
    """Whether ``project`` has no backup from today."""
    backups = list_backups(project)
    return not (backups and backups[0].made.date() == datetime.now().date())


def prune_backups(project: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    removed = []
    for backup in list_backups(project)[keep:]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def check_backup(backup: Path) -> None:
    """Refuse a backup that is not a sound Jiyao project (before it replaces anything)."""
    if backup.is_dir():
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Project", "{0} is a folder, not a backup: give a file `jiyao backups` lists"
            ).format(backup)
        )
    if not backup.is_file():
        raise BackupError(QT_TRANSLATE_NOOP("Project", "{0}: no such backup").format(backup))
    check_project_file(backup, writable=False)
    try:
        connection = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            problems = [row[0] for row in connection.execute("PRAGMA quick_check(1)")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise CorruptProject(
            QT_TRANSLATE_NOOP("Project", "the backup {0} is damaged ({1})").format(backup, error),
            backup,
        ) from error
    if application_id != APPLICATION_ID:
        raise NotAProject(QT_TRANSLATE_NOOP("Project", "{0} is not a Jiyao project").format(backup))
    if problems != ["ok"]:
        raise CorruptProject(
            QT_TRANSLATE_NOOP("Project", "the backup {0} is damaged ({1})").format(
                backup, first_problem(problems)
            ),
            backup,
        )


def restore_backup(backup: Path, project: Path, *, force: bool = False) -> Path | None:
    """Put ``backup`` in place of ``project``. An existing project is only replaced with
    ``force``, and is backed up first; returns that backup of it (None: there was none)."""
    backup, project = Path(backup), Path(project)
    check_backup(backup)
    if backup.resolve() == project.resolve():
        raise BackupError(QT_TRANSLATE_NOOP("Project", "{0} is the project itself").format(backup))
    if project.is_dir():
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "Project", "{0} is a folder, not a Jiyao project: give the project's file"
            ).format(project)
        )
    saved = None
    if project.exists():
        if not force:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "Project",
                    "{0} exists: restoring would replace it (add --force; it is backed up first)",
                ).format(project)
            )
        saved = _save_current(project)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _write_over(source, project)
    finally:
        source.close()
    log.info("restored %s from %s", project, backup)
    return saved


def _save_current(project: Path) -> Path:
    """Back up the project about to be replaced; a file SQLite cannot read (damaged, empty)
    is kept byte for byte: nobody can be writing to it, Jiyao refuses to open it."""
    connection = sqlite3.connect(project)
    try:
        if _passes_quick_check(connection):
            return make_backup(connection, project)
        # SQLite's backup API would copy the damaged pages as they are, and the copy would
        # then be listed (and kept) as the newest backup.
        log.info("%s fails its integrity check: keeping its bytes", project)
    except BackupError as error:
        if not isinstance(error.__cause__, sqlite3.DatabaseError):
            raise
        log.info("%s cannot be read by SQLite (%s): keeping its bytes", project, error)
    finally:
        connection.close()
    folder = backup_folder(project)
    target = folder / f"{project.stem}-{datetime.now().strftime(_STAMP_FORMAT)}.damaged"
    folder.mkdir(parents=True, exist_ok=True)
    target.write_bytes(project.read_bytes())
    return target


def _passes_quick_check(connection: sqlite3.Connection) -> bool:
    try:
        return [row[0] for row in connection.execute("PRAGMA quick_check(1)")] == ["ok"]
    except sqlite3.DatabaseError:
        return False


def _write_over(source: sqlite3.Connection, project: Path) -> None:
    """Copy ``source`` into ``project``: through SQLite when the project is a database (a
    window that has it open sees the restored content, nothing is torn), else by writing a
    new file in its place."""
    try:
        destination = sqlite3.connect(project)
        try:
            with _in_page_size_of(destination, source, project) as pages:
                pages.backup(destination)
        finally:
            destination.close()
        return
    except sqlite3.DatabaseError as error:
        reason = sqlite_failure(error, project)
        if reason is not None:
            raise reason from error
        log.info("%s is no sound database (%s): replacing the file", project, error)
    partial = project.with_name(project.name + ".restoring")
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination)
    finally:
        destination.close()
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{project}{suffix}").unlink(missing_ok=True)
    os.replace(partial, project)


@contextmanager
def _in_page_size_of(
    destination: sqlite3.Connection, source: sqlite3.Connection, project: Path
) -> Iterator[sqlite3.Connection]:
    """``source``, or a copy of it in ``destination``'s page size: SQLite refuses to back up
    into a WAL database of another page size ("attempt to write a readonly database"), as
    when a backup of a project made with 4 KiB pages goes back over one made with 64 KiB
    pages, or the other way. The copy is made beside the project and removed after."""
    wanted = int(destination.execute("PRAGMA page_size").fetchone()[0])
    in_wal = destination.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    if not in_wal or wanted == int(source.execute("PRAGMA page_size").fetchone()[0]):
        yield source
        return
    path = project.with_name(project.name + ".repaging")
    path.unlink(missing_ok=True)
    copy = sqlite3.connect(path)
    try:
        source.backup(copy)
        # A page size can only change outside WAL mode, and takes effect by a VACUUM.
        copy.execute("PRAGMA journal_mode = DELETE")
        # PRAGMA takes no parameters; the value is SQLite's own number.
        copy.execute(f"PRAGMA page_size = {wanted}")
        copy.execute("VACUUM")
        yield copy
    finally:
        copy.close()
        path.unlink(missing_ok=True)
        Path(f"{path}-journal").unlink(missing_ok=True)


def _reason(error: Exception, folder: Path) -> str:
    if isinstance(error, sqlite3.Error):
        found = sqlite_failure(error, folder / "backup")
        return message_of(found) if found is not None else str(error)
    return getattr(error, "strerror", None) or str(error)
