"""Opening a project as the window and the command line do: a new one gets the default label
scheme, an existing one its daily backup."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.core.store import Store
from desktop.core.store.backups import BackupError, daily_backup

log = logging.getLogger(__name__)


def open_project(path: Path | str, *, create: bool = True, backup: bool = True) -> Store:
    """Open the project at ``path`` (``create``: or make it). A project this call makes gets
    the default scheme (resources/labels/directives.json); an existing one is backed up once
    a day (``backup``). Raises StoreError (a subclass naming the reason)."""
    store = Store(path, create=create)
    try:
        if store.created:
            store.install_default_scheme_if_empty()
        elif backup:
            _back_up_daily(store)
    except BaseException:
        store.close()
        raise
    return store


def _back_up_daily(store: Store) -> None:
    # The project opened fine: a backup that fails (a full or read-only backup folder) is
    # worth a warning, not a refusal to work.
    try:
        daily_backup(store.db.conn, store.path)
    except BackupError as error:
        log.warning("%s", error)
