"""The project database: the only package that speaks SQL.

One SQLite file per project. WAL with ``synchronous=FULL`` so an acknowledged write survives a
crash or power loss; foreign keys on; every public write is one transaction (sqlite-utils'
``atomic``), so it happens whole or not at all. New projects use 64 KiB pages (older ones keep
their 4 KiB; a backup of either page size restores over either). The schema grows by ordered
migrations, recorded in ``PRAGMA user_version``.

One module per area, each a mixin over :class:`~desktop.core.store.base.StoreBase`: ``schema``
(opening, ownership, migrations), ``documents``, ``labels`` (and scheme attributes),
``annotations`` (and rejected suggestions), ``entities`` (and the user's corrections), ``memos``
(memos on every target, and the codebook fields of labels), ``team`` (tags by annotator for
agreement, merging coder projects). Beside them, not mixed in: ``opening`` (open a project as
the window and the command line do: a new one gets the default scheme, an existing one its
daily backup) and ``backups`` (make, list, prune and restore backups through SQLite's backup
API).

Every failure is a :class:`StoreError` subclass with a one-line reason: ``NotAProject``,
``CorruptProject``, ``ReadOnlyProject``, ``PermissionDenied``, ``DiskFull``, ``ProjectBusy``,
``DuplicateLabel``, ``InvalidSpan``.
"""

from __future__ import annotations

# First: sqlite_utils without numpy (0.3 s of start-up; see there).
import desktop.core.store.lean_sqlite_utils  # noqa: F401
from desktop.core.store.annotations import AnnotationsMixin
from desktop.core.store.base import (
    CorruptProject,
    DiskFull,
    DuplicateLabel,
    InvalidSpan,
    NotAProject,
    PermissionDenied,
    ProjectBusy,
    ReadOnlyProject,
    StoreError,
    is_file_damage,
)
from desktop.core.store.bulk import BulkMixin
from desktop.core.store.entities import EntitiesMixin
from desktop.core.store.labels import LabelsMixin
from desktop.core.store.memos import MemosMixin
from desktop.core.store.schema import APPLICATION_ID, SCHEMA_VERSION, SchemaMixin
from desktop.core.store.segments import SegmentsMixin
from desktop.core.store.team import TeamMixin

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "CorruptProject",
    "DiskFull",
    "DuplicateLabel",
    "InvalidSpan",
    "NotAProject",
    "PermissionDenied",
    "ProjectBusy",
    "ReadOnlyProject",
    "Store",
    "StoreError",
    "is_file_damage",
]


# MemosMixin before LabelsMixin: it builds on it (a codebook file adds labels). BulkMixin
# builds on DocumentsMixin.
class Store(
    SchemaMixin,
    BulkMixin,
    TeamMixin,
    MemosMixin,
    LabelsMixin,
    AnnotationsMixin,
    EntitiesMixin,
    SegmentsMixin,
):
    """An open project database. Not thread-safe: one Store per thread."""
