"""Bulk loading of documents analysed elsewhere (``jiyao import DIR`` of ``jiyao analyze --out``
results, issue 17): each document with the pipeline's entities, nothing analysed again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from desktop.core.store.base import StoreError, _now
from desktop.core.store.documents import DocumentRow, DocumentsMixin, EncodedRow

_INSERT_ANALYSED = """INSERT INTO documents (title, source, date, source_path, encoding, script,
        raw_text, clean_text, removed, text_sha256, metadata, imported_at, entities_version)
    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, ?)
    ON CONFLICT (text_sha256) DO NOTHING"""

# A document's entities, read by SQLite from the JSON a shard holds them in (a list of
# [type, start, end, text]): parsed in C, none of the half million tuples of 20,000
# documents is made in Python (issue 17, bulk load speed).
_INSERT_ENTITIES = """INSERT INTO entities (document_id, type, start, "end", text, origin,
        pipeline_version)
    SELECT ?1, json_extract(value, '$[0]'), json_extract(value, '$[1]'),
        json_extract(value, '$[2]'), json_extract(value, '$[3]'), 'pipeline', ?2
    FROM json_each(?3)"""

# The page cache of a bulk load, in KiB (SQLite's default is 2,000): a shard's transaction
# writes some 6 MB of documents, which pushed the indexes' pages out of the default cache to be
# read back from the write-ahead log row after row (a sixth of a load of 20,000 documents,
# issue 17). Larger loads look up their fingerprints all over an index of 80 bytes a document.
_BULK_CACHE_KIB = 32_768

# The id, title and metadata of each document a bulk load stores, kept beside it while it
# loads: the document list's keys are made from these small rows rather than from the
# documents' own, which hold the texts (reading them all was a ninth of a load of 20,000
# documents, issue 17). A document this connection deletes is forgotten by the trigger; when
# another connection writes, the documents' own rows are read (see _titles_of_new).
_KEPT = "temp.loaded_documents"
_KEEP = (
    "DROP TABLE IF EXISTS temp.loaded_documents",
    """CREATE TEMP TABLE loaded_documents
        (id INTEGER PRIMARY KEY, title TEXT NOT NULL, metadata TEXT NOT NULL)""",
    """CREATE TEMP TRIGGER IF NOT EXISTS forget_deleted_loaded AFTER DELETE ON main.documents
        BEGIN DELETE FROM loaded_documents WHERE id = OLD.id; END""",
)
_FORGET = (
    "DROP TRIGGER IF EXISTS temp.forget_deleted_loaded",
    "DROP TABLE IF EXISTS temp.loaded_documents",
)
# Where a DocumentRow holds the title and the metadata.
_TITLE_FIELD, _METADATA_FIELD = 0, 10

# A document's row (its texts as text, or as UTF-8 bytes: an EncodedRow), its entities as
# JSON (a list of [type, start, end, text]) and the pipeline version that found them.
AnalysedRow = tuple[DocumentRow | EncodedRow, str, int]


class UnfitAnalysedRows(StoreError):
    """Rows whose values SQLite refuses (entities that are not a JSON list of [type, start,
    end, text], an empty value where one is needed): nothing of them is stored."""


class BulkMixin(DocumentsMixin):
    """Documents stored together with their analysis."""

    # PRAGMA data_version when this connection began keeping loaded documents aside; None
    # when it keeps none.
    _kept_since: int | None = None

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """While documents are loaded in bulk: a larger page cache, given back after, and the
        document list's keys of what was stored made at the end, off the window's thread (at a
        million documents, 36 s that the window's first listing would otherwise freeze for).
        A load that raises makes no keys: the next listing makes them."""
        before = int(self.db.execute("PRAGMA cache_size").fetchone()[0])
        # PRAGMA takes no parameters; both values are SQLite's own numbers.
        self.db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
        try:
            for statement in _KEEP:
                self.db.execute(statement)
            self._kept_since = self._data_version()
            yield
            self.refresh_sort_keys()
        finally:
            self._kept_since = None
            for statement in _FORGET:
                self.db.execute(statement)
            self.db.execute(f"PRAGMA cache_size = {before}")

    def _titles_of_new(self, stale: int) -> str:
        """The loaded documents kept aside, when the ``stale`` documents are all of them and no
        other connection wrote since (it may have deleted one and stored another in its id)."""
        if self._kept_since is None or self._data_version() != self._kept_since:
            return super()._titles_of_new(stale)
        kept = self.db.execute(
            f"SELECT count(*) FROM sort_keys_stale s JOIN {_KEPT} k ON k.id = s.document_id"
        ).fetchone()
        return _KEPT if int(kept[0]) == stale else super()._titles_of_new(stale)

    def _data_version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def add_analysed_rows(
        self, documents: Sequence[AnalysedRow], *, index: bool = True
    ) -> list[int | None]:
        """Store documents and their entities in one transaction; a document whose clean text
        is already stored (or repeated here) is skipped. Each one's id, or None if skipped.

        ``index`` False: the search index is left stale instead of kept in step (see
        :meth:`defer_search_index`)."""
        try:
            return self._add_analysed_rows(documents, index=index)
        except sqlite3.IntegrityError as error:
            raise UnfitAnalysedRows(str(error)) from error
        except sqlite3.OperationalError as error:
            # SQLite's plain error is what json_each says of JSON that is not JSON; a full
            # disk, a lock or damage have codes of their own, and stop the load.
            if error.sqlite_errorcode != sqlite3.SQLITE_ERROR:
                raise
            raise UnfitAnalysedRows(str(error)) from error

    def _add_analysed_rows(
        self, documents: Sequence[AnalysedRow], *, index: bool
    ) -> list[int | None]:
        ids: list[int | None] = []
        execute = self.db.conn.execute
        now = _now()
        with self.transaction():
            for row, entities, version in documents:
                cursor = execute(_INSERT_ANALYSED, (*row, now, version))
                if cursor.rowcount != 1:
                    ids.append(None)
                    continue
                document_id = cursor.lastrowid
                ids.append(document_id)
                execute(_INSERT_ENTITIES, (document_id, version, entities))
            if self._kept_since is not None:  # in the transaction: its rollback forgets them
                self.db.conn.executemany(
                    f"INSERT OR REPLACE INTO {_KEPT} VALUES (?, ?, ?)",
                    [
                        (document_id, row[_TITLE_FIELD], row[_METADATA_FIELD])
                        for document_id, (row, _, _) in zip(ids, documents, strict=True)
                        if document_id is not None
                    ],
                )
            if index:
                self._index_documents([i for i in ids if i is not None])
            else:
                self.defer_search_index()
        return ids
