"""Bulk loading of documents analysed elsewhere (``jiyao import DIR`` of ``jiyao analyze --out``
results, issue 17): each document with the pipeline's entities, nothing analysed again."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from desktop.core.store.base import _now
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

# A document's row (its texts as text, or as UTF-8 bytes: an EncodedRow), its entities as
# JSON (a list of [type, start, end, text]) and the pipeline version that found them.
AnalysedRow = tuple[DocumentRow | EncodedRow, str, int]


class BulkMixin(DocumentsMixin):
    """Documents stored together with their analysis."""

    @contextmanager
    def bulk_loading(self) -> Iterator[None]:
        """While documents are loaded in bulk: a larger page cache, given back after, and the
        document list's keys of what was stored made at the end, from its titles and metadata
        kept aside (see :meth:`keeping_loaded`), off the window's thread (the command line's
        process, the window's import worker): at a million documents, 36 s that the window's
        first listing of them would otherwise freeze for."""
        before = int(self.db.execute("PRAGMA cache_size").fetchone()[0])
        # PRAGMA takes no parameters; both values are SQLite's own numbers.
        self.db.execute(f"PRAGMA cache_size = -{_BULK_CACHE_KIB}")
        try:
            with self.keeping_loaded():
                yield
                self.refresh_sort_keys()
        finally:
            self.db.execute(f"PRAGMA cache_size = {before}")

    def add_analysed_rows(
        self, documents: Sequence[AnalysedRow], *, index: bool = True
    ) -> list[int | None]:
        """Store documents and their entities in one transaction; a document whose clean text
        is already stored (or repeated here) is skipped. Each one's id, or None if skipped.

        ``index`` False: the search index is left stale instead of kept in step (see
        :meth:`defer_search_index`)."""
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
            self.keep_loaded(  # its id, title and metadata
                [
                    (document_id, row[0], row[10])
                    for document_id, (row, _, _) in zip(ids, documents, strict=True)
                    if document_id is not None
                ]
            )
            if index:
                self._index_documents([i for i in ids if i is not None])
            else:
                self.defer_search_index()
        return ids
