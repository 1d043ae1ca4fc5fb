"""Opening a project as the window and the command line do: a new one gets the default label
scheme, an existing one its daily backup."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from pathlib import Path

from desktop.core.store import Store
from desktop.core.store.backups import BackupError, backup_due, configured_keep, daily_backup
from desktop.core.store.schema import read_only_uri

log = logging.getLogger(__name__)


def open_project(
    path: Path | str,
    *,
    create: bool = True,
    backup: bool = True,
    language: str = "",
    check_later: bool = False,
) -> Store:
    """Open the project at ``path`` (``create``: or make it). A project this call makes gets
    the default scheme (resources/labels/directives.json, in ``language``: the window's); an
    existing one is backed up once a day (``backup``), once its whole-file check has passed.
    ``check_later``: that check goes on while the project is read (see Store). Raises
    StoreError (a subclass naming the reason)."""
    store = Store(path, create=create, check_later=check_later)
    try:
        if store.created:
            store.install_default_scheme_if_empty(language)
        elif backup and check_later:
            back_up_daily_beside(store)
        elif backup:
            _back_up_daily(store)
    except BaseException:
        store.close()
        raise
    return store


def open_project_to_read(path: Path | str, *, backup: bool = True) -> Store:
    """Open an existing project for a command that only reads it (an export): as
    :func:`open_project` does where it can be written, else read-only (a read-only mount, a
    write-protected file or folder), where it is read as it is and nothing is written."""
    project = Path(path)
    if writable_project(project):
        return open_project(project, create=False, backup=backup)
    store = Store(project, create=False, read_only=True)
    try:
        if backup:
            _back_up_daily(store)  # the backup goes to the user's own folder
    except BaseException:
        store.close()
        raise
    return store


def writable_project(path: Path) -> bool:
    """Whether Jiyao can write the project file and its folder (the WAL's files go there); a
    project that does not exist counts as writable, so that opening it says it is missing."""
    if not path.exists():
        return True
    return os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK)


def back_up_daily_beside(store: Store) -> threading.Thread | None:
    """The day's backup of a project whose check runs beside its first reads, made on a
    thread of its own once that check has passed: copying a large project (GBs at a million
    documents) is then no wait at opening. None when the day's backup exists."""
    if configured_keep() <= 0 or not backup_due(store.path):
        return None
    thread = threading.Thread(
        target=_back_up_when_whole, args=(store,), name="daily backup", daemon=True
    )
    thread.start()
    return thread


def _back_up_when_whole(store: Store) -> None:
    if not store.integrity_passed():
        return  # damaged (the window says so), or closed before the check could tell
    try:
        # A connection of this thread's own, reading only; the backup API copies a
        # consistent state while the window goes on writing.
        connection = sqlite3.connect(read_only_uri(store.path), uri=True)
        try:
            daily_backup(connection, store.path)
        finally:
            connection.close()
    except (BackupError, sqlite3.Error) as error:
        log.warning("%s", error)


def _back_up_daily(store: Store) -> None:
    # The project opened fine: a backup that fails (a full or read-only backup folder) is
    # worth a warning, not a refusal to work.
    try:
        # A damaged file must not push a sound backup out: the check comes first.
        daily_backup(store.db.conn, store.path, ready=store.await_integrity_check)
    except BackupError as error:
        log.warning("%s", error)
