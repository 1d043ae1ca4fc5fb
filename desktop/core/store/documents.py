"""Documents: adding them (once per clean text), the paged document list, one document whole,
and its review status."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import (
    Document,
    DocumentFilter,
    DocumentSummary,
    ListOrder,
    NewDocument,
    Removal,
    Status,
)
from desktop.core.store.base import CorruptProject, StoreError, _now
from desktop.core.store.schema import restore_advice
from desktop.core.store.search_index import IndexEntry, SearchIndexMixin, substring_expression

_SUMMARY_COLUMNS = {
    "title": "natural_key(title)",
    "date": "date",
    "source": "source",
    "script": "script",
    "length": "length(clean_text)",
    "status": "status",
    "annotations": "annotation_count",
    "id": "id",
}
# What each order sorts by, as the indexes of schema migration 12 hold it (an index is used
# only for the very expression it was made on). Titles, variables and tag counts are kept in
# tables of their own (sort_keys, document_list): see _listed.
_ORDER_KEYS = {**_SUMMARY_COLUMNS, "id": "d.id"}

# The name of the titles' keys in sort_keys (a variable's name is never empty).
_TITLE = ""
# Each stale document's keys made again, and none stale after (the variables' values as the
# list shows them: not null, not empty; metadata that is not a JSON object has none), sorted
# before they are stored. Their titles and metadata are read from {titles}: the documents, or
# what a bulk load kept of them (see _titles_of_new).
_REFRESH_SORT_KEYS = (
    "DELETE FROM sort_keys WHERE document_id IN (SELECT document_id FROM sort_keys_stale)",
    """INSERT INTO sort_keys (name, sort_key, document_id)
        SELECT '', natural_key(d.title), d.id FROM sort_keys_stale s
        JOIN {titles} d ON d.id = s.document_id ORDER BY 1, 2, 3""",
    """INSERT OR IGNORE INTO sort_keys (name, sort_key, document_id)
        SELECT v.key, natural_key(CAST(v.value AS TEXT)), d.id FROM sort_keys_stale s
        JOIN {titles} d ON d.id = s.document_id,
        json_each(CASE WHEN json_valid(d.metadata) THEN
            CASE WHEN json_type(d.metadata) = 'object' THEN d.metadata ELSE '{}' END
            ELSE '{}' END) v
        WHERE v.key != '' AND v.value IS NOT NULL AND CAST(v.value AS TEXT) != ''
        ORDER BY 1, 2, 3""",
    # Their tags counted again (a document put back by undo brings its tags), their titles.
    """INSERT OR REPLACE INTO document_list (document_id, tags, title)
        SELECT s.document_id, (SELECT count(*) FROM annotations a
            WHERE a.document_id = s.document_id), d.title
        FROM sort_keys_stale s JOIN {titles} d ON d.id = s.document_id ORDER BY 1""",
    "DELETE FROM sort_keys_stale",
)
# The documents stored since the list last read them: above the highest id with keys, or
# in document_list (the two are made together; either may be behind after an older Jiyao).
_NEWEST_WITH_KEYS = (
    "SELECT min((SELECT coalesce(max(document_id), 0) FROM sort_keys), "
    "(SELECT coalesce(max(document_id), 0) FROM document_list))"
)

# Schema migration 12's index of the keys by document (their deletion, a variable's count).
_KEYS_BY_DOCUMENT = "CREATE INDEX sort_keys_of_document ON sort_keys (document_id, name)"
# From this many stale documents on (a bulk load), that index is made again whole after.
_MANY_STALE = 50_000

# A row's place in the list's order, for keyset paging: its part (0, or 1 for the documents
# without the variable sorted by, which come last), its sort key and its id.
Place = tuple[int, Any, int]


# One row of the document list: everything but the texts (see _summary).
_SUMMARY_COLUMNS_SQL = """id, title, source, date, script, length(clean_text), status,
        (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count,
        source_path"""
# The same, with the text's length given (? first): the whole text is not read for it.
_SUMMARY_GIVEN_LENGTH_SQL = _SUMMARY_COLUMNS_SQL.replace("length(clean_text)", "?")
# A document variable's value (from its metadata), by its name: any name, no JSON path to quote.
_VARIABLE_VALUE = "(SELECT value FROM json_each(d.metadata) WHERE key = ?)"


# The texts are cast: a row may carry them as UTF-8 bytes already (an EncodedRow), which are
# stored as the text they hold; a text given as text is left as it is.
_INSERT_DOCUMENT = """INSERT INTO documents (title, source, date, source_path, encoding, script,
        raw_text, clean_text, removed, text_sha256, metadata, imported_at)
    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?)
    ON CONFLICT (text_sha256) DO NOTHING"""

# A document's source, date and other variables (its metadata).
DocumentVariables = tuple[str, str, dict[str, Any]]

# What is stored of a new document, in _INSERT_DOCUMENT's order, but its import time.
DocumentRow = tuple[str, str, str, str, str, str, str, str, str, str, str]
# A DocumentRow with its raw and clean texts (fields 6 and 7) encoded as UTF-8: what an
# import's worker processes send to the one that writes. SQLite stores those bytes as they
# are, where texts would be decoded from what was sent and encoded again for SQLite: a fifth of
# the writing process's work (issue 17).
EncodedRow = tuple[str, str, str, str, str, str, bytes, bytes, str, str, str]


def encoded_row(row: DocumentRow) -> EncodedRow:
    raw = row[6].encode("utf-8")
    clean = raw if row[7] is row[6] else row[7].encode("utf-8")  # one object, sent once
    return (*row[:6], raw, clean, *row[8:])


def document_row(document: NewDocument, *, removed_json: str | None = None) -> DocumentRow:
    """The values stored for ``document`` (its fingerprint computed once, its removals and
    metadata as JSON): a plain tuple of strings, cheap to send between processes.
    ``removed_json``: its removals as JSON already (they are not read from ``document``)."""
    return (
        document.title,
        document.source,
        document.date,
        document.source_path,
        document.encoding,
        document.script,
        document.raw_text,
        document.clean_text,
        removals_json(document.removed) if removed_json is None else removed_json,
        document.sha256,
        variables_json(document.metadata),
    )


def variables_json(variables: Mapping[str, Any] | None) -> str:
    """A document's variables as the JSON stored for them, which SQLite's JSON functions
    read: a number no JSON can hold (NaN, Infinity; Python reads and writes them) is stored
    as the text Python writes for it, wherever it comes from (a table, a JSON file, a
    folder's description, an edit). Stored as a number, it made SQLite refuse every variable
    of its document (issue 17)."""
    if not variables:
        return "{}"
    try:
        return json.dumps(variables, ensure_ascii=False, allow_nan=False)
    except ValueError:  # rare: walked again only then
        return json.dumps(_finite(variables), ensure_ascii=False)


def _finite(value: Any) -> Any:
    """``value`` with each number JSON cannot hold replaced by its text, at any depth."""
    if isinstance(value, float) and not math.isfinite(value):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def stored_variables_json(text: str) -> str:
    """Variables' JSON made elsewhere (a shard of ``jiyao analyze --out``, perhaps written by
    an older Jiyao) as :func:`variables_json` stores them; read again only when it may hold
    NaN or Infinity."""
    if "NaN" not in text and "Infinity" not in text:
        return text
    return variables_json(json.loads(text))


# The kinds of removal cleaning makes: names that JSON writes as they are, between quotes.
_PLAIN_KINDS = frozenset({"pinyin", "injected"})
# One removal as json.dumps writes [start, end, kind].
_REMOVAL_JSON = '[%d, %d, "%s"]'


def removals_json(removed: Sequence[Removal]) -> str:
    """``json.dumps([[start, end, kind], ...])`` of the removals, character for character.

    A glossed page holds hundreds of removals: their columns interleaved by slice assignment
    and one %-format over them all cost a third of json.dumps' walk over as many small lists
    (issue 13, import speed)."""
    if not removed:
        return "[]"
    kinds = list(map(itemgetter(3), removed))
    if not _PLAIN_KINDS.issuperset(kinds):
        return json.dumps([[r.start, r.end, r.kind] for r in removed])
    values: list[object] = [None] * (3 * len(removed))
    values[0::3] = map(itemgetter(0), removed)
    values[1::3] = map(itemgetter(1), removed)
    values[2::3] = kinds
    template = ", ".join([_REMOVAL_JSON] * len(removed))
    return f"[{template % tuple(values)}]"


class DocumentsMixin(SearchIndexMixin):
    """The documents of a project and their review status."""

    # What temp.text_matches holds: the strings, and the data version and own changes then.
    _text_matches_of: tuple[tuple[str, ...], int, int] | None = None

    def add_documents(self, documents: Sequence[NewDocument]) -> list[int | None]:
        """Store documents in one transaction; a document whose clean text is already stored
        (or repeated in the batch) is skipped. Returns each one's id, or None if skipped."""
        return self.add_document_rows([document_row(document) for document in documents])

    def add_document(self, document: NewDocument) -> int | None:
        return self.add_documents([document])[0]

    def add_document_rows(
        self,
        rows: Sequence[DocumentRow | EncodedRow],
        index_entries: Sequence[IndexEntry | None] | None = None,
        *,
        defer_index_at: int | None = None,
    ) -> list[int | None]:
        """:meth:`add_documents` for documents already turned into rows by
        :func:`document_row` or :func:`encoded_row` (an import's worker processes do that
        part), with each one's
        search index entry when it is made already (:func:`index_entry`, or None).

        ``defer_index_at``: when at least that many are stored, the search index is left
        stale instead of kept in step (see :meth:`defer_search_index`)."""
        ids: list[int | None] = []
        execute = self.db.conn.execute
        with self.transaction():
            imported_at = _now()  # to the second: one reading serves the whole batch
            for row in rows:
                cursor = execute(_INSERT_DOCUMENT, (*row, imported_at))
                ids.append(cursor.lastrowid if cursor.rowcount == 1 else None)
            given = zip(ids, index_entries, strict=True) if index_entries is not None else ()
            entries = {
                document_id: entry
                for document_id, entry in given
                if document_id is not None and entry is not None
            }
            stored = [document_id for document_id in ids if document_id is not None]
            if defer_index_at is not None and stored and len(stored) >= defer_index_at:
                self.defer_search_index()
            else:
                self._index_documents(stored, entries)
        return ids

    def document_ids_by_title(self) -> Iterator[int]:
        """Every document's id in the order of its title, natural as the document list sorts
        it (ties by id), read from the titles' sort keys' index: no sort. Documents without
        keys yet (stored since the list was last read) come after them, by id."""
        yield from (
            row[0]
            for row in self.db.conn.execute(
                "SELECT document_id FROM sort_keys WHERE name = '' ORDER BY sort_key, document_id"
            )
        )
        yield from (
            row[0]
            for row in self.db.conn.execute(
                """SELECT id FROM documents WHERE id NOT IN
                    (SELECT document_id FROM sort_keys WHERE name = '') ORDER BY id"""
            )
        )

    def document_count(
        self, containing: Sequence[str] = (), *, where: DocumentFilter | None = None
    ) -> int:
        shown = _filter_of(containing, where)
        matched = self._match_texts(shown)
        if matched and replace(shown, containing=()).is_empty:  # the text alone: counted
            return int(self.db.execute("SELECT count(*) FROM temp.text_matches").fetchone()[0])
        clause, parameters = _filter_clause(shown, matched=matched)
        return int(
            self.db.execute(f"SELECT count(*) FROM documents {clause}", parameters).fetchone()[0]
        )

    def _match_texts(self, shown: DocumentFilter) -> bool:
        """Find the documents whose title or text holds one of the filter's strings once, into
        temp.text_matches, for the count and every window of the list that follow; kept while
        neither this connection nor another writes. False when the filter has no strings.

        The texts holding a string are found by the search index when it is current (else
        every text is read: seconds for a million), the titles among the titles' sort keys
        (a fifth of a second for a million) when those are made: each found document's
        title or text is then tested as the scan tests it, so both find the same."""
        needles = tuple(n for n in shown.containing if n)
        if not needles:
            return False
        connection = self.db.conn
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if self._text_matches_of == (needles, version, connection.total_changes):
            return True
        outside = not connection.in_transaction
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS text_matches (id INTEGER PRIMARY KEY)")
        self.db.execute("DELETE FROM temp.text_matches")
        indexed = self.search_index_current()
        listed = not self.read_only and not self._list_behind()
        self._insert_text_matches(needles, indexed=indexed, listed=listed)
        if outside:
            connection.commit()  # only the temporary table was written
        self._text_matches_of = (needles, version, connection.total_changes)
        return True

    def _insert_text_matches(self, needles: Sequence[str], *, indexed: bool, listed: bool) -> None:
        """Put the documents whose title or clean text holds one of ``needles`` in
        temp.text_matches: the titles from document_list when ``listed`` (it holds every
        document's title), the texts from the search index when ``indexed``, and what these
        do not tell read from the documents (one pass)."""
        insert = "INSERT OR IGNORE INTO temp.text_matches "
        read: list[tuple[str, str]] = []  # (column, needle) tested in every document
        if listed:
            tests = " OR ".join("instr(title, ?) > 0" for _ in needles)
            self.db.execute(
                f"{insert} SELECT document_id FROM document_list WHERE {tests}", tuple(needles)
            )
        else:
            read += [("title", needle) for needle in needles]
        for needle in needles:
            expression = substring_expression(needle) if indexed and listed else None
            if expression is None:
                read.append(("clean_text", needle))
            else:
                self._insert_indexed_texts(needle, *expression)
        if read:
            tests = " OR ".join(f"instr({column}, ?) > 0" for column, _needle in read)
            self.db.execute(
                f"{insert} SELECT id FROM documents WHERE {tests}",
                tuple(needle for _column, needle in read),
            )

    def _insert_indexed_texts(self, needle: str, expression: str, exact: bool) -> None:
        """The clean texts holding ``needle``, found by the search index's ``expression``.
        ``exact``: the index finds exactly the texts holding ``needle`` among those that
        folding leaves as they are (no row in search_folded), which are then not read; a text
        that folding changes is read. Otherwise every text the index finds is read."""
        insert = "INSERT OR IGNORE INTO temp.text_matches "
        found = "SELECT rowid FROM search_index WHERE search_index MATCH ?"
        if exact:
            self.db.execute(
                f"""{insert} {found} AND rowid NOT IN (SELECT document_id FROM search_folded)""",
                (expression,),
            )
            candidates = f"({found}) m JOIN search_folded f ON f.document_id = m.rowid"
        else:
            candidates = f"({found}) m"
        self.db.execute(
            f"""{insert} SELECT d.id FROM {candidates} JOIN documents d ON d.id = m.rowid
                WHERE instr(d.clean_text, ?) > 0""",
            (expression, needle),
        )

    def _list_behind(self) -> bool:
        """Whether documents are stored or changed whose sort keys and document_list row are
        not made yet (see :meth:`refresh_sort_keys`)."""
        behind = self.db.execute(
            f"SELECT 1 FROM documents WHERE id > ({_NEWEST_WITH_KEYS}) "
            "UNION ALL SELECT 1 FROM sort_keys_stale LIMIT 1"
        ).fetchone()
        return behind is not None

    def document_ids(self, where: DocumentFilter | None = None) -> list[int]:
        """Every document's id, or those ``where`` lets through, in id order."""
        clause, parameters = _filter_clause(where or DocumentFilter())
        rows = self.db.execute(f"SELECT id FROM documents {clause} ORDER BY id", parameters)
        return [row[0] for row in rows]

    def list_documents(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        order_by: str = "id",
        descending: bool = False,
        containing: Sequence[str] = (),
        where: DocumentFilter | None = None,
        variables: Sequence[str] = (),
        order_by_variable: str = "",
    ) -> list[DocumentSummary]:
        """A page of the document list, without the texts (cheap for 10,000 documents).

        ``containing``: keep documents whose title or clean text contains any of these strings
        (``where`` says more: a source, a date range). ``variables``: the document variables
        each summary carries (its metadata's). ``order_by_variable``: sort by that variable
        instead of ``order_by``, in natural order, documents without it last.
        """
        column = _SUMMARY_COLUMNS.get(order_by)
        if column is None:
            raise ValueError(f"cannot sort documents by {order_by!r}")
        direction = "DESC" if descending else "ASC"
        clause, parameters = _filter_clause(_filter_of(containing, where))
        selected = _SUMMARY_COLUMNS_SQL + (", metadata" if variables else "")
        if order_by_variable:
            query = (
                f"SELECT {selected}, {_VARIABLE_VALUE} AS sort_value FROM documents d {clause} "
                "ORDER BY (sort_value IS NULL OR sort_value = ''), "
                f"natural_key(CAST(sort_value AS TEXT)) {direction}, id LIMIT ? OFFSET ?"
            )
            parameters = (order_by_variable, *parameters)
        else:
            query = (
                f"SELECT {selected} FROM documents d {clause} "
                f"ORDER BY {column} {direction}, id LIMIT ? OFFSET ?"
            )
        rows = self.db.execute(query, (*parameters, limit, offset))
        return [_summary(row, variables) for row in rows]

    def refresh_sort_keys(self) -> int:
        """Make the natural sort keys (the title's, each variable's) and the tag counts of the
        documents stored since the list last read them (those above the highest id with keys)
        and of those changed or put back since (marked in sort_keys_stale by schema migration
        12's triggers and :meth:`restore_documents`): Python computes the keys. One
        transaction; how many documents. Read-only, nothing is written (such documents' keys
        are missing).
        """
        newest = _NEWEST_WITH_KEYS
        new = self.db.execute(f"SELECT 1 FROM documents WHERE id > ({newest}) LIMIT 1")
        if self.read_only or not (
            new.fetchone() or self.db.execute("SELECT 1 FROM sort_keys_stale LIMIT 1").fetchone()
        ):
            return 0
        with self.transaction():
            # Documents changed or put back (marked by the triggers) are read from the table.
            changed = self.db.execute("SELECT 1 FROM sort_keys_stale LIMIT 1").fetchone()
            self.db.execute(
                "INSERT OR IGNORE INTO sort_keys_stale (document_id) "
                f"SELECT id FROM documents WHERE id > ({newest})"
            )
            stale = int(self.db.execute("SELECT count(*) FROM sort_keys_stale").fetchone()[0])
            many = stale >= _MANY_STALE
            if many:  # built again whole after: cheaper than as many inserts out of its order
                self.db.execute("DROP INDEX sort_keys_of_document")
            titles = "documents" if changed else self._titles_of_new(stale)
            for statement in _REFRESH_SORT_KEYS:
                self.db.execute(statement.replace("{titles}", titles))
            if many:
                self.db.execute(_KEYS_BY_DOCUMENT)
        return stale

    def _titles_of_new(self, stale: int) -> str:
        """The table to read the titles and metadata of the ``stale`` documents from, all of
        them new: the documents' own (a bulk load keeps them aside, see BulkMixin)."""
        return "documents"

    def count_first_part(self, order: ListOrder, where: DocumentFilter | None = None) -> int:
        """How many rows come in the first part of the list in ``order``: for a variable's
        order, the documents with the variable (not empty); else every row."""
        if not order.variable:
            return self.document_count(where=where)
        if where is None or where.is_empty:
            row = self.db.execute(
                "SELECT count(*) FROM sort_keys WHERE name = ?", (order.variable,)
            ).fetchone()
            return int(row[0])
        # From the documents the filter's own index finds, each one's key looked up (from the
        # keys, every one of a million would be looked up in the documents).
        clause, parameters = _filter_clause(where, "AND", matched=self._match_texts(where))
        row = self.db.execute(
            "SELECT count(*) FROM documents d WHERE EXISTS (SELECT 1 FROM sort_keys v "
            f"WHERE v.document_id = d.id AND v.name = ?) {clause}",
            (order.variable, *parameters),
        ).fetchone()
        return int(row[0])

    def document_window(
        self,
        order: ListOrder,
        where: DocumentFilter | None = None,
        *,
        part: int = 0,
        limit: int = 100,
        offset: int = 0,
        after: Place | None = None,
        backwards: bool = False,
        variables: Sequence[str] = (),
        few: bool = False,
    ) -> list[tuple[Place, DocumentSummary]]:
        """Rows of the list in ``order``, each with its place: the ``limit`` rows after
        ``after`` (a place in this part: keyset paging, read from the order's index however
        deep), or from ``offset``. ``backwards``: in the opposite order (the rows before
        ``after``, or ``offset`` counted from the end), the nearest first.

        ``part`` 1 of a variable's order: the documents without it, by id, after part 0.
        ``few``: the filter lets few documents through (the caller counted them): they are
        found first and sorted, instead of walking the order's keys until a window is full.
        """
        where = where or DocumentFilter()
        listed = _listed(order, where, part, matched=self._match_texts(where), few=few)
        key, conditions, parameters = listed.key, listed.conditions, listed.parameters
        forwards = listed.ascending != backwards
        if after is not None:
            seek, values = _seek(listed.seek_key, listed.seek_id, after, forwards)
            conditions = f"{conditions} AND {seek}" if conditions else f"WHERE {seek}"
            parameters = (*parameters, *values)
            offset = 0
        direction = "ASC" if forwards else "DESC"
        ordering = f"{listed.seek_id} {direction}"
        if listed.seek_key:
            ordering = f"{listed.seek_key} {direction}, {ordering}"
        outer = f"w.sort_value {direction}, w.document_id {direction}"
        selected = _SUMMARY_COLUMNS_SQL + (", metadata" if variables else ", NULL")
        # The window's ids first, from the order's index alone however deep the offset; the
        # rows' columns then for those ids only.
        try:
            rows = self.db.execute(
                f"""SELECT {selected}, w.sort_value FROM (
                    SELECT {key} AS sort_value, {listed.seek_id} AS document_id
                    FROM {listed.source} {conditions} ORDER BY {ordering} LIMIT ? OFFSET ?
                ) w JOIN documents d ON d.id = w.document_id ORDER BY {outer}""",
                (*parameters, limit, offset),
            ).fetchall()
        except sqlite3.OperationalError:
            raise
        except sqlite3.DatabaseError as error:
            # A damaged page, read before the whole-file check that runs beside the first
            # reads (Store check_later) has refused the project.
            raise CorruptProject(
                QT_TRANSLATE_NOOP("Project", "{0} is damaged ({1}){2}").format(
                    self.path, error, restore_advice(self.path)
                ),
                self.path,
            ) from error
        return [((part, row[10], row[0]), _summary(row, variables)) for row in rows]

    def document_rank(
        self, order: ListOrder, where: DocumentFilter | None, document_id: int
    ) -> int | None:
        """How many rows come before a document in the list (its row), None when ``where``
        leaves it out: counted in the order's index, without reading the rows."""
        where = where or DocumentFilter()
        matched = self._match_texts(where)
        for part in (0, 1) if order.variable else (0,):
            listed = _listed(order, where, part, matched=matched)
            joined = "AND" if listed.conditions else "WHERE"
            found = self.db.execute(
                f"SELECT {listed.key} FROM {listed.source} {listed.conditions} "
                f"{joined} {listed.seek_id} = ?",
                (*listed.parameters, document_id),
            ).fetchone()
            if found is None:
                continue
            seek, values = _seek(
                listed.seek_key, listed.seek_id, (part, found[0], document_id), not listed.ascending
            )
            before = self.db.execute(
                f"SELECT count(*) FROM {listed.source} {listed.conditions} {joined} {seek}",
                (*listed.parameters, *values),
            ).fetchone()[0]
            if part == 1:
                before += self.count_first_part(order, where)
            return int(before)
        return None

    def listed_sources(self) -> list[str]:
        """:meth:`document_sources` (each source named once, in order) found by one step in
        the source index per source instead of a pass over every document: the corpus list
        reads them on every change to the documents (issue 17)."""
        sources: list[str] = []
        step = "SELECT min(source) FROM documents WHERE source > ?"
        found = self.db.execute(step, ("",)).fetchone()[0]
        while found is not None:
            sources.append(str(found))
            found = self.db.execute(step, (found,)).fetchone()[0]
        return sources

    def variable_names(self) -> list[str]:
        """The names of the document variables the documents' metadata holds, most used first."""
        rows = self.db.execute(
            """SELECT v.key, count(*) AS n FROM documents d, json_each(d.metadata) v
            WHERE json_valid(d.metadata) GROUP BY v.key ORDER BY n DESC, v.key"""
        )
        return [str(name) for name, _count in rows]

    def document_summary(
        self, document_id: int, variables: Sequence[str] = (), *, length: int | None = None
    ) -> DocumentSummary:
        """``length``: the text's, when the caller knows it (a tag, a status or a memo leaves
        it as it was): the text is not read whole to count it again (half a millisecond for
        300,000 characters, at every tag; issue 13)."""
        columns = _SUMMARY_COLUMNS_SQL if length is None else _SUMMARY_GIVEN_LENGTH_SQL
        given: tuple[int, ...] = () if length is None else (length,)
        selected = columns + (", metadata" if variables else "")
        rows = self.db.execute(
            f"SELECT {selected} FROM documents d WHERE id = ?", (*given, document_id)
        ).fetchall()
        if not rows:
            raise KeyError(f"no document {document_id}")
        return _summary(rows[0], variables)

    def document_title(self, document_id: int) -> str:
        """A document's title: a column before the texts, read without them."""
        row = self.db.execute("SELECT title FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return str(row[0])

    def document_title_and_status(self, document_id: int) -> tuple[str, Status]:
        """What a tag needs to know of its document, without the summary's text length (the
        whole text read, half a millisecond for 300,000 characters, issue 13)."""
        row = self.db.execute(
            "SELECT title, status FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return str(row[0]), Status(row[1])

    def document(self, document_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise KeyError(f"no document {document_id}")
        row = rows[0]
        self._remember_text(row["id"], row["text_sha256"], row["clean_text"])
        return Document(
            id=row["id"],
            title=row["title"],
            raw_text=row["raw_text"],
            clean_text=row["clean_text"],
            encoding=row["encoding"],
            script=row["script"],
            removed=tuple(
                Removal(start, end, row["raw_text"][start:end], kind)
                for start, end, kind in json.loads(row["removed"])
            ),
            source=row["source"],
            date=row["date"],
            source_path=row["source_path"],
            metadata=json.loads(row["metadata"]),
            text_sha256=row["text_sha256"],
            status=Status(row["status"]),
            imported_at=row["imported_at"],
        )

    def document_ids_with_status(self, status: Status) -> list[int]:
        rows = self.db.execute(
            "SELECT id FROM documents WHERE status = ? ORDER BY id", (status.value,)
        )
        return [row[0] for row in rows]

    def document_id_for_text(self, sha256: str) -> int | None:
        """The document whose clean text has this fingerprint, if stored."""
        row = self.db.execute(
            "SELECT id FROM documents WHERE text_sha256 = ?", (sha256,)
        ).fetchone()
        return None if row is None else int(row[0])

    def delete_documents(self, document_ids: Sequence[int]) -> DeletedDocuments:
        """Delete documents with their tags, entities, corrections and rejected suggestions,
        in one transaction. Returns everything deleted, for :meth:`restore_documents` (undo).
        An id that is not stored raises KeyError and deletes nothing."""
        ids = tuple(dict.fromkeys(document_ids))
        with self.transaction():
            present = {
                row[0]
                for row in self.db.execute(
                    f"SELECT id FROM documents WHERE id IN ({_marks(ids)})", ids
                )
            }
            missing = [document_id for document_id in ids if document_id not in present]
            if missing:
                raise KeyError(f"no document {missing[0]}")
            rows = [("documents", self._rows("documents", "id", ids))]
            for table in self._tables_of_documents():
                rows.append((table, self._rows(table, "document_id", ids)))
            self._unindex_documents(ids)
            # The foreign keys cascade to every table that refers to documents.
            self.db.execute(f"DELETE FROM documents WHERE id IN ({_marks(ids)})", ids)
        return DeletedDocuments(ids, tuple(rows))

    def restore_documents(self, deleted: DeletedDocuments) -> None:
        """Put deleted documents back exactly, with the same ids, in one transaction. Raises
        StoreError when another document has taken an id or the same text since."""
        try:
            with self.transaction():
                for table, rows in deleted.rows:
                    for row in rows:
                        if table == "entities":
                            # A cache, which the background analysis of another document may
                            # have grown meanwhile into the freed ids: nothing names these ids.
                            row = {k: v for k, v in row.items() if k != "id"}
                        columns = ", ".join(f'"{column}"' for column in row)
                        self.db.execute(
                            f"INSERT INTO {table} ({columns}) VALUES ({_marks(row)})",
                            tuple(row.values()),
                        )
                self._index_documents(deleted.document_ids)
                # Their ids may be below the highest with sort keys: made again when listed.
                self.db.conn.executemany(
                    "INSERT OR IGNORE INTO sort_keys_stale (document_id) VALUES (?)",
                    [(document_id,) for document_id in deleted.document_ids],
                )
        except sqlite3.IntegrityError as error:
            ids = ", ".join(map(str, deleted.document_ids))
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project",
                    "the deleted documents ({0}) cannot be put back: a document imported "
                    "since has the same id or the same text",
                ).format(ids)
            ) from error

    def _tables_of_documents(self) -> list[str]:
        """Every table with a foreign key to documents (found, so a new one is not missed)."""
        tables = []
        for table in self.db.table_names():
            keys = self.db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            if any(key[2] == "documents" for key in keys):
                tables.append(table)
        return tables

    def _rows(self, table: str, column: str, ids: Sequence[int]) -> tuple[dict[str, Any], ...]:
        cursor = self.db.execute(
            f"SELECT * FROM {table} WHERE {column} IN ({_marks(ids)}) ORDER BY rowid", tuple(ids)
        )
        names = [description[0] for description in cursor.description]
        return tuple(dict(zip(names, row, strict=True)) for row in cursor)

    def update_document(
        self,
        document_id: int,
        *,
        title: str | None = None,
        source: str | None = None,
        date: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> DocumentSummary:
        """Change a document's title, source, date or other variables (``metadata``, replaced
        whole; None: unchanged); surrounding spaces are dropped and a title may not be empty.
        Returns the document's new summary."""
        changes = {
            column: value.strip()
            for column, value in (("title", title), ("source", source), ("date", date))
            if value is not None
        }
        if changes.get("title") == "":
            raise StoreError(QT_TRANSLATE_NOOP("Project", "a document's title cannot be empty"))
        if metadata is not None:
            changes["metadata"] = variables_json(metadata)
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            with self.transaction():
                cursor = self.db.execute(
                    f"UPDATE documents SET {assignments} WHERE id = ?",
                    (*changes.values(), document_id),
                )
                if cursor.rowcount == 0:
                    raise KeyError(f"no document {document_id}")
        return self.document_summary(document_id)

    def document_variables(self, document_ids: Sequence[int]) -> dict[int, DocumentVariables]:
        """Each document's source, date and other variables (what :meth:`set_variable` changes
        and :meth:`put_variables` puts back)."""
        marks = _marks(document_ids)
        rows = self.db.execute(
            f"SELECT id, source, date, metadata FROM documents WHERE id IN ({marks})",
            tuple(document_ids),
        )
        return {row[0]: (row[1], row[2], json.loads(row[3])) for row in rows}

    def set_variable(self, document_ids: Sequence[int], name: str, value: str) -> None:
        """Give every document the variable ``name`` (``source`` and ``date`` are columns of
        their own; a title is each document's own, not set here); an empty value removes a
        variable. One transaction."""
        name, value = name.strip(), value.strip()
        if not name:
            raise StoreError(QT_TRANSLATE_NOOP("Project", "a variable needs a name"))
        if name == "title":
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project", "a title is each document's own: edit it in the document's details"
                )
            )
        before = self.document_variables(document_ids)
        if len(before) != len(set(document_ids)):
            raise KeyError(f"no document {sorted(set(document_ids) - set(before))[0]}")
        after: dict[int, DocumentVariables] = {}
        for document_id, (source, date, metadata) in before.items():
            metadata = dict(metadata)
            if name == "source":
                source = value
            elif name == "date":
                date = value
            elif value:
                metadata[name] = value
            else:
                metadata.pop(name, None)
            after[document_id] = (source, date, metadata)
        self.put_variables(after)

    def put_variables(self, variables: dict[int, DocumentVariables]) -> None:
        """Set each document's source, date and other variables as given. One transaction."""
        with self.transaction():
            self.db.conn.executemany(
                "UPDATE documents SET source = ?, date = ?, metadata = ? WHERE id = ?",
                [
                    (source, date, variables_json(metadata), document_id)
                    for document_id, (source, date, metadata) in variables.items()
                ],
            )

    def set_status(self, document_id: int, status: Status) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE documents SET status = ? WHERE id = ?", (status.value, document_id)
            )


@dataclass(frozen=True)
class DeletedDocuments:
    """What :meth:`DocumentsMixin.delete_documents` removed, row for row with every column
    (ids included), so :meth:`DocumentsMixin.restore_documents` can put it back exactly."""

    document_ids: tuple[int, ...]
    # (table, its rows as column -> value), the documents table first.
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def count(self, table: str) -> int:
        return sum(len(rows) for name, rows in self.rows if name == table)


def _summary(row: Sequence[Any], variables: Sequence[str] = ()) -> DocumentSummary:
    shown: dict[str, str] = {}
    if variables:
        metadata = _metadata_of(row[9])
        for name in variables:
            value = metadata.get(name)
            if value is not None and value != "":
                shown[name] = value if isinstance(value, str) else json.dumps(value)
    return DocumentSummary(
        row[0], row[1], row[2], row[3], row[4], row[5], Status(row[6]), row[7], row[8], shown
    )


def _metadata_of(text: str) -> dict[str, Any]:
    try:
        metadata = json.loads(text or "{}")
    except ValueError:
        return {}
    return metadata if isinstance(metadata, dict) else {}


def _marks(values: Sized) -> str:
    """As many SQL parameter marks as values."""
    return ", ".join("?" * len(values))


def _filter_of(containing: Sequence[str], where: DocumentFilter | None) -> DocumentFilter:
    if where is None:
        return DocumentFilter(tuple(containing))
    if containing:
        return replace(where, containing=(*where.containing, *containing))
    return where


@dataclass(frozen=True)
class _Listed:
    """One part of the list in one order, as SQL: the rows (``source`` and ``conditions``, a
    WHERE clause, with its ``parameters``), each one's sort ``key``, and what keyset paging
    compares: ``seek_key`` ("" when the id alone orders the part) and ``seek_id``."""

    source: str
    conditions: str
    parameters: tuple[Any, ...]
    key: str
    seek_key: str
    seek_id: str
    ascending: bool


# The index of each order over a column of documents (schema migration 12); dates are left
# to SQLite, which serves one source by date from the index of both.
_ORDER_INDEXES = {
    column: f"documents_by_{column}" for column in ("source", "script", "length", "status")
}
# The keys of the documents a filter lets through: for a filter that lets many through, walked
# in the keys' order until a window is full; for one that lets few through, those documents
# found by the filter's index and their keys sorted (CROSS JOIN: SQLite keeps this order).
_KEYS_OF_MANY = "sort_keys v JOIN documents d ON d.id = v.document_id"
_KEYS_OF_FEW = "documents d CROSS JOIN sort_keys v ON v.document_id = d.id"
# The same for the tag counts (document_list_by_tags walked, or the few documents' sorted).
_COUNTS_OF_MANY = (
    "document_list t INDEXED BY document_list_by_tags "
    "CROSS JOIN documents d ON d.id = t.document_id"
)
_COUNTS_OF_FEW = "documents d CROSS JOIN document_list t ON t.document_id = d.id"


def _listed(
    order: ListOrder, where: DocumentFilter, part: int, *, matched: bool, few: bool = False
) -> _Listed:
    """Part 0 of a variable's order: the documents with it, by its natural sort key (in
    sort_keys); part 1: those without it, by id. Any other order has part 0 only: the titles'
    by their keys in sort_keys too (every document has one once refreshed), and the tag
    counts by document_list."""
    # The keys alone when no condition needs the documents' columns: a key's document is
    # there (its deletion took its keys), and the texts found are known by id.
    keys_only = where.source is None and not where.date_from and not where.date_to
    keys_only = keys_only and where.done is None
    keys_only = keys_only and (matched or not where.containing)
    if order.column == "annotations" and not order.variable:
        identity = "t.document_id" if keys_only else "d.id"
        clause, parameters = _filter_clause(where, matched=matched, identity=identity)
        return _Listed(
            "document_list t" if keys_only else _COUNTS_OF_FEW if few else _COUNTS_OF_MANY,
            clause,
            parameters,
            "t.tags",
            "t.tags",
            "t.document_id",
            not order.descending,
        )
    if order.variable or order.column == "title":
        identity = "v.document_id" if keys_only and part == 0 else "d.id"
        clause, parameters = _filter_clause(where, "AND", matched=matched, identity=identity)
        parameters = (order.variable or _TITLE, *parameters)
        if part == 1:
            return _Listed(
                "documents d",
                "WHERE NOT EXISTS (SELECT 1 FROM sort_keys v "
                f"WHERE v.document_id = d.id AND v.name = ?) {clause}",
                parameters,
                "NULL",
                "",
                "d.id",
                True,
            )
        return _Listed(
            "sort_keys v" if keys_only else _KEYS_OF_FEW if few else _KEYS_OF_MANY,
            f"WHERE v.name = ? {clause}",
            parameters,
            "v.sort_key",
            "v.sort_key",
            "v.document_id",
            not order.descending,
        )
    key = _ORDER_KEYS.get(order.column, "")
    if not key:
        raise ValueError(f"cannot sort documents by {order.column!r}")
    conditions, parameters = _filter_clause(where, matched=matched)
    seek_key = "" if order.column == "id" else key
    source = "documents d"
    if conditions and not few and order.column in _ORDER_INDEXES:
        # Many let through: the order's index walked, the filter tested on the way (SQLite
        # would rather read the filter's many rows whole and sort them).
        source = f"documents d INDEXED BY {_ORDER_INDEXES[order.column]}"
    return _Listed(source, conditions, parameters, key, seek_key, "d.id", not order.descending)


def _seek(key: str, identity: str, after: Place, forwards: bool) -> tuple[str, tuple[Any, ...]]:
    """The rows past ``after`` in the order (key, id), written so SQLite searches the order's
    index from that key on instead of scanning from the start (a row value comparison is not
    searched for)."""
    _part, value, document_id = after
    beyond = ">" if forwards else "<"
    if not key:
        return f"{identity} {beyond} ?", (document_id,)
    return (
        f"{key} {beyond}= ? AND ({key} {beyond} ? OR {identity} {beyond} ?)",
        (value, value, document_id),
    )


def _filter_clause(
    shown: DocumentFilter, joiner: str = "WHERE", *, matched: bool = False, identity: str = "id"
) -> tuple[str, tuple[Any, ...]]:
    """WHERE clause (or, with joiner AND, more conditions): every condition of the filter
    (instr: no LIKE wildcards; dates are ISO text, so a date range is a text range, its end
    compared on the end's own length)."""
    tests: list[str] = []
    parameters: list[Any] = []
    needles = [n for n in shown.containing if n]
    if needles and matched:  # found already, by DocumentsMixin._match_texts
        tests.append(f"{identity} IN (SELECT id FROM temp.text_matches)")
    elif needles:
        tests.append(
            "("
            + " OR ".join("instr(title, ?) > 0 OR instr(clean_text, ?) > 0" for _ in needles)
            + ")"
        )
        parameters.extend(n for needle in needles for n in (needle, needle))
    if shown.source is not None:
        tests.append("source = ?")
        parameters.append(shown.source)
    if shown.date_from:
        tests.append("date != '' AND date >= ?")
        parameters.append(shown.date_from)
    if shown.date_to:
        tests.append("date != '' AND substr(date, 1, ?) <= ?")
        parameters.extend((len(shown.date_to), shown.date_to))
    if shown.done is not None:
        tests.append("status = ?" if shown.done else "status != ?")
        parameters.append(Status.DONE.value)
    if not tests:
        return "", ()
    return f"{joiner} " + " AND ".join(tests), tuple(parameters)
