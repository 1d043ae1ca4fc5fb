"""What every part of the store shares: its errors, the open database, transactions, and the
look-ups of a document's clean text that span checks need."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils


class StoreError(Exception):
    """A database Jiyao cannot use; ``str(error)`` is a one-line reason."""


class InvalidSpan(StoreError):
    pass


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class StoreBase:
    """The state every area of the store works on; :class:`desktop.core.store.Store` opens it."""

    path: Path
    db: sqlite_utils.Database

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all (nested blocks are savepoints).

        The outermost block takes the write lock at once (BEGIN IMMEDIATE): a transaction that
        reads before it writes would otherwise fail with "database is locked" the moment
        another connection (the window, an import on a worker thread) commits in between;
        waiting for the lock up front lets the busy timeout do its job.
        """
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.conn.rollback()
            raise
        try:
            self.db.conn.execute("COMMIT")
        except BaseException:
            self.db.conn.rollback()
            raise

    def _clean_length(self, document_id: int) -> int:
        row = self.db.execute(
            "SELECT length(clean_text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return int(row[0])

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
                f"span [{start}, {end}) is outside document {document_id} "
                f"(its clean text has {length} characters)"
            )
