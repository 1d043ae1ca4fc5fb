"""Bulk loading of documents analysed elsewhere (``jiyao import DIR`` of ``jiyao analyze --out``
results, issue 17): each document with the pipeline's entities, nothing analysed again."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.store.base import _now
from desktop.core.store.documents import DocumentRow
from desktop.core.store.search_index import SearchIndexMixin

_INSERT_ANALYSED = """INSERT INTO documents (title, source, date, source_path, encoding, script,
        raw_text, clean_text, removed, text_sha256, metadata, imported_at, entities_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (text_sha256) DO NOTHING"""

_INSERT_ENTITY = """INSERT INTO entities (document_id, type, start, "end", text, origin,
        pipeline_version) VALUES (?, ?, ?, ?, ?, 'pipeline', ?)"""

# A document's row, its entities (type, start, end, text) and the pipeline version found them.
AnalysedRow = tuple[DocumentRow, Sequence[tuple[str, int, int, str]], int]


class BulkMixin(SearchIndexMixin):
    """Documents stored together with their analysis."""

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
        entity_rows: list[tuple[int, str, int, int, str, int]] = []
        with self.transaction():
            for row, entities, version in documents:
                cursor = execute(_INSERT_ANALYSED, (*row, now, version))
                if cursor.rowcount != 1:
                    ids.append(None)
                    continue
                document_id = cursor.lastrowid
                assert document_id is not None
                ids.append(document_id)
                entity_rows.extend(
                    (document_id, kind, start, end, text, version)
                    for kind, start, end, text in entities
                )
            self.db.conn.executemany(_INSERT_ENTITY, entity_rows)
            if index:
                self._index_documents([i for i in ids if i is not None])
            else:
                self.defer_search_index()
        return ids
