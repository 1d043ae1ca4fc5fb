"""Coded segments: every tag with its text and its document's variables, read in one pass for
reports, cross tables and charts. The text is cut in Python from each document's clean text,
read once: SQLite's substr walks the UTF-8 from the start, so 2,000 tags of a 300,000-character
document cost a second (and the counts window reads them after every tag)."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.core.model import Status
from desktop.core.store.base import StoreBase


@dataclass(frozen=True)
class CodedSegment:
    """A tag and what is known of its document."""

    annotation_id: int
    document_id: int
    label_id: int
    start: int
    end: int
    text: str
    note: str
    attributes: dict[str, Any]
    annotator: str
    title: str
    status: Status
    date: str
    source: str
    metadata: dict[str, Any] = field(default_factory=dict)
    note_title: str = ""  # the title of the tag's memo (its note)


class TagSpan(NamedTuple):
    """Where a tag is and its label, no more: what co-occurrence counts (a tenth of the
    time a ``CodedSegment`` takes to read, none of the documents' rows read)."""

    annotation_id: int
    document_id: int
    label_id: int
    start: int
    end: int


_SEGMENTS = """SELECT a.id, a.document_id, a.label_id, a.start, a."end", a.note, a.attributes,
        a.annotator, d.title, d.status, d.date, d.source, d.metadata, a.note_title
    FROM annotations a JOIN documents d ON d.id = a.document_id {where}
    ORDER BY a.document_id, a.start, a."end", a.id"""
# Only the texts of tagged documents, one at a time, in the order of the tags.
_TEXTS = """SELECT id, clean_text FROM documents
    WHERE id IN (SELECT document_id FROM annotations) ORDER BY id"""
# The same documents without their texts, for counts that never show a tag's words.
_NO_TEXTS = """SELECT id, '' FROM documents
    WHERE id IN (SELECT document_id FROM annotations) ORDER BY id"""
_SOME_DOCUMENTS = "(SELECT value FROM json_each(?))"
_SOME_LABELS = _SOME_DOCUMENTS
_TEXTS_OF_SOME = f"SELECT id, clean_text FROM documents WHERE id IN {_SOME_DOCUMENTS} ORDER BY id"


# What ``segment_groups`` may group by: a column of the tag or of its document.
_PART_COLUMNS = {
    "label_id": "a.label_id",
    "annotator": "a.annotator",
    "document_id": "a.document_id",
    "title": "d.title",
    "status": "d.status",
    "date": "d.date",
    "source": "d.source",
}
# The JSON objects ``variable:NAME`` and ``attribute:NAME`` look NAME up in.
_JSON_COLUMNS = {"variable": "d.metadata", "attribute": "a.attributes"}
# Before a part's value when it is the whole JSON object, NAME to be looked up in Python: no
# JSON text begins with it.
WHOLE_OBJECT = "\x01"


def _reads_documents(parts: Sequence[str]) -> bool:
    return any(_PART_COLUMNS.get(part, part).startswith(("d.", "variable:")) for part in parts)


def _part_sql(part: str) -> tuple[str, list[str]]:
    """The SQL expression of a part and its parameters. ``variable:NAME``/``attribute:NAME``:
    the value of NAME in the document's variables or the tag's attributes as JSON text, exact
    as written (``->`` keeps a number's digits), NULL when it has none; or, where SQLite
    cannot find it as Python does, the whole object after ``WHOLE_OBJECT`` (``part_value``
    looks NAME up): JSON SQLite refuses (NaN and Infinity, which Python writes), keys written
    with escapes (\\u680f: a path compares them as written), a NAME no path can say."""
    if part in _PART_COLUMNS:
        return _PART_COLUMNS[part], []
    kind, colon, name = part.partition(":")
    column = _JSON_COLUMNS.get(kind)
    if column is None or not colon:
        raise ValueError(f"no part {part!r} of a tag")
    whole = f"char(1) || {column}"
    if not name or '"' in name or "\\" in name:
        return whole, []
    # A path is three times faster than json_each, and than Python.
    return (
        f"CASE WHEN instr({column}, char(92)) OR NOT json_valid({column}) THEN {whole}"
        f" ELSE {column} -> ? END",
        [f'$."{name}"'],
    )


def part_value(part: str, value: str | None) -> tuple[bool, Any]:
    """Whether a tag has ``part`` (``variable:NAME``/``attribute:NAME``) and its value, from
    what ``segment_groups`` gave for it."""
    if value is None:
        return False, None
    if not value.startswith(WHOLE_OBJECT):
        return True, json.loads(value)
    found = json.loads(value[len(WHOLE_OBJECT) :])
    name = part.partition(":")[2]
    if isinstance(found, dict) and name in found:
        return True, found[name]
    return False, None


# A listing's order: a tag's place in it (document, start, end, id), the key of keyset paging.
SegmentPlace = tuple[int, int, int, int]
_ORDER = 'a.document_id, a.start, a."end", a.id'
_ORDER_DESCENDING = 'a.document_id DESC, a.start DESC, a."end" DESC, a.id DESC'
_LISTED = """SELECT a.id, a.document_id, a.label_id, a.start, a."end", a.note, a.attributes,
        a.annotator, d.title, d.status, d.date, d.source, d.metadata, a.note_title
    FROM annotations a {indexed} JOIN documents d ON d.id = a.document_id"""


@dataclass(frozen=True)
class SegmentWhere:
    """Which tags a listing holds, as the store selects them: those of ``label_ids`` (None:
    every label) whose parts meet every one of ``matches``: (the parts a condition's field
    is made of, ``stats.field_parts``; the values of those parts, as ``segment_groups``
    gives them, that have the value the condition asks for)."""

    label_ids: frozenset[int] | None = None
    matches: tuple[tuple[tuple[str, ...], frozenset[tuple[Any, ...]]], ...] = ()

    def reads_documents(self) -> bool:
        """Whether a condition is on a document's column (else the tags alone answer)."""
        return any(_reads_documents(parts) for parts, _values in self.matches)

    def sql(self) -> tuple[str, list[Any]]:
        """The WHERE clause (empty: every tag) and its parameters."""
        clauses: list[str] = []
        parameters: list[Any] = []
        if self.label_ids is not None:
            clauses.append(f"a.label_id IN {_SOME_LABELS}")
            parameters.append(json.dumps(sorted(self.label_ids)))
        for parts, values in self.matches:
            clause, given = _match_sql(parts, values)
            clauses.append(clause)
            parameters += given
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), parameters


def _match_sql(parts: Sequence[str], values: Collection[tuple[Any, ...]]) -> tuple[str, list[Any]]:
    """A clause true of the tags whose ``parts`` have one of ``values``."""
    if len(parts) == 1:
        expression, given = _part_sql(parts[0])
        present = sorted((value[0] for value in values if value[0] is not None), key=repr)
        clause = f"{expression} IN (SELECT value FROM json_each(?))"
        parameters = [*given, json.dumps(present)]
        if any(value[0] is None for value in values):
            clause = f"({clause} OR {expression} IS NULL)"
            parameters += given
        return clause, parameters
    # Several parts: one key of them all, each value's length before it (no two differ).
    keyed, parameters = [], []
    for part in parts:
        e, given = _part_sql(part)
        keyed.append(
            f"CASE WHEN ({e}) IS NULL THEN '-' ELSE length(CAST(({e}) AS TEXT)) || ':' || ({e}) END"
        )
        parameters += given * 3  # the expression is written three times
    keys = sorted(_key(value) for value in values)
    clause = f"({' || '.join(keyed)}) IN (SELECT value FROM json_each(?))"
    return clause, [*parameters, json.dumps(keys)]


def _key(value: tuple[Any, ...]) -> str:
    """The key ``_match_sql`` makes of several parts' values, made in Python."""
    return "".join("-" if v is None else f"{len(str(v))}:{v}" for v in value)


class SegmentsMixin(StoreBase):
    def segment_groups(
        self,
        parts: Sequence[str],
        *,
        by_document: bool = False,
        label_ids: Collection[int] | None = None,
    ) -> list[tuple[Any, ...]]:
        """Every tag grouped by the values of ``parts`` (``label_id``, ``annotator``,
        ``document_id``, ``title``, ``status``, ``date``, ``source``, ``variable:NAME``,
        ``attribute:NAME``; see ``_part_sql``): a row per distinct values, then how many tags
        have them; ``by_document``: a row per distinct values and document, then the
        document's id; ``label_ids``: only the tags of these labels. Counting without reading
        a tag (``stats.counted_cross_table``)."""
        expressions, parameters = [], []
        for part in parts:
            expression, given = _part_sql(part)
            expressions.append(expression)
            parameters += given
        selected = ", ".join(expressions)
        # In document order, through the tags' index: each page of documents read once
        # (twice as fast as in the tags' order when the documents have to be read).
        tags = "annotations a INDEXED BY annotations_by_document"
        if _reads_documents(parts):
            tags += " JOIN documents d ON d.id = a.document_id"
        if label_ids is not None:
            tags += f" WHERE a.label_id IN {_SOME_LABELS}"
            parameters.append(json.dumps(sorted(label_ids)))
        if by_document:
            sql = f"SELECT DISTINCT {selected}, a.document_id FROM {tags}"
        else:
            grouped = ", ".join(str(number) for number in range(1, len(parts) + 1))
            sql = f"SELECT {selected}, count(*) FROM {tags}"
            sql += f" GROUP BY {grouped}"
        return self.db.conn.execute(sql, parameters).fetchall()

    def segment_variable_names(self, label_ids: Collection[int] | None = None) -> set[str]:
        """The names of the tagged documents' variables and of the tags' attributes (of the
        tags of ``label_ids`` only, when given)."""
        tags, parameters = "annotations", []
        if label_ids is not None:
            tags = f"(SELECT * FROM annotations WHERE label_id IN {_SOME_LABELS})"
            parameters = [json.dumps(sorted(label_ids))]
        names = {
            name
            for (name,) in self.db.conn.execute(
                f"""SELECT j.key FROM documents d, json_each(
                    CASE WHEN json_valid(d.metadata) THEN d.metadata ELSE '{{}}' END) j
                    WHERE d.id IN (SELECT document_id FROM {tags})
                UNION SELECT j.key FROM (SELECT DISTINCT attributes FROM {tags}) a,
                    json_each(CASE WHEN json_valid(a.attributes) THEN a.attributes
                        ELSE '{{}}' END) j""",
                parameters * 2,
            )
        }
        # What SQLite refuses (NaN, Infinity: Python writes them) Python reads, as a tag's.
        for (text,) in self.db.conn.execute(
            f"""SELECT d.metadata FROM documents d
                WHERE d.id IN (SELECT document_id FROM {tags}) AND NOT json_valid(d.metadata)
            UNION SELECT attributes FROM {tags} WHERE NOT json_valid(attributes)""",
            parameters * 2,
        ):
            found = json.loads(text)
            if isinstance(found, dict):
                names.update(found)
        return names

    def tag_spans(self) -> list[TagSpan]:
        """Every tag's place and label, in document order, then by position."""
        # Sorted by SQLite, though Python sorts these rows in a third of the time: Python's
        # sort holds the GIL throughout (a tenth of a second at 80,000 tags, a window frozen
        # meanwhile when a worker thread reads them), SQLite's lets it go.
        rows = self.db.conn.execute(
            """SELECT id, document_id, label_id, start, "end" FROM annotations
            ORDER BY document_id, start, "end", id"""
        ).fetchall()
        return [TagSpan(*row) for row in rows]

    def segment_count(self, where: SegmentWhere) -> int:
        """How many tags ``where`` lets through."""
        clause, parameters = where.sql()
        tags = "annotations a"
        if where.reads_documents():
            tags += " JOIN documents d ON d.id = a.document_id"
        return int(
            self.db.conn.execute(f"SELECT count(*) FROM {tags}{clause}", parameters).fetchone()[0]
        )

    def segment_ids(self, where: SegmentWhere) -> list[int]:
        """The ids of the tags ``where`` lets through, in document order, then by position."""
        clause, parameters = where.sql()
        sql = f"SELECT a.id FROM annotations a JOIN documents d ON d.id = a.document_id{clause}"
        return [row[0] for row in self.db.conn.execute(f"{sql} ORDER BY {_ORDER}", parameters)]

    def segment_window(
        self,
        where: SegmentWhere,
        *,
        limit: int,
        after: SegmentPlace | None = None,
        offset: int = 0,
        backwards: bool = False,
    ) -> list[CodedSegment]:
        """Up to ``limit`` of the tags ``where`` lets through, with their words, in document
        order, then by position: those after the place ``after`` (keyset paging: the index
        searched from there), else from the ``offset``-th; ``backwards``: those before it,
        or from the end, nearest first."""
        if after is None and offset > 0 and not where.reads_documents():
            # The tags passed over are walked in their index alone, not joined to their
            # documents' rows as the listing's are: 3 ms to the middle of 400,000 tags where
            # the join took 215 ms, on the window's thread (issue 17). Read from there.
            after = self._segment_place(where, offset - 1, backwards=backwards)
            if after is None:
                return []
        clause, parameters = where.sql()
        if after is not None:
            # The document's bound lets the index be searched from it; the row value then
            # passes over the tags of that document before the place.
            sign = "<" if backwards else ">"
            bound = (
                f"a.document_id {sign}= ? AND "
                f'(a.document_id, a.start, a."end", a.id) {sign} (?, ?, ?, ?)'
            )
            clause = f"{clause} AND {bound}" if clause else f" WHERE {bound}"
            parameters += [after[0], *after]
            offset = 0
        order = _ORDER_DESCENDING if backwards else _ORDER
        listed = _LISTED.format(indexed="INDEXED BY annotations_by_document")
        sql = f"{listed}{clause} ORDER BY {order} LIMIT ? OFFSET ?"
        rows = self.db.conn.execute(sql, [*parameters, limit, offset]).fetchall()
        return self._with_words(rows)

    def _segment_place(
        self, where: SegmentWhere, rank: int, *, backwards: bool
    ) -> SegmentPlace | None:
        """The place of the tag ``where`` lets through at ``rank`` in document order (from the
        end: ``backwards``), found in the tags' index; None past the last. For a ``where`` on
        the tags alone (not :meth:`SegmentWhere.reads_documents`)."""
        clause, parameters = where.sql()
        order = _ORDER_DESCENDING if backwards else _ORDER
        row = self.db.conn.execute(
            'SELECT a.document_id, a.start, a."end", a.id FROM annotations a '
            f"INDEXED BY annotations_by_document{clause} ORDER BY {order} LIMIT 1 OFFSET ?",
            [*parameters, rank],
        ).fetchone()
        return None if row is None else (int(row[0]), int(row[1]), int(row[2]), int(row[3]))

    def segments_by_ids(self, annotation_ids: Sequence[int]) -> list[CodedSegment]:
        """The tags of ``annotation_ids`` with their words, in the order given (a tag deleted
        since is left out)."""
        sql = f"{_LISTED.format(indexed='')} WHERE a.id IN (SELECT value FROM json_each(?))"
        rows = self.db.conn.execute(sql, (json.dumps(list(annotation_ids)),)).fetchall()
        by_id = {segment.annotation_id: segment for segment in self._with_words(rows)}
        return [by_id[tag] for tag in annotation_ids if tag in by_id]

    def _with_words(self, rows: Sequence[tuple[Any, ...]]) -> list[CodedSegment]:
        """Rows of ``_LISTED`` as segments, each document's text read once (its tags' words
        cut in Python: SQLite's substr walks a long text from its start for each tag)."""
        wanted = sorted({row[1] for row in rows})
        texts = dict(self.db.conn.execute(_TEXTS_OF_SOME, (json.dumps(wanted),)).fetchall())
        return [
            CodedSegment(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                texts.get(row[1], "")[row[3] : row[4]],
                row[5],
                json.loads(row[6]),
                row[7],
                row[8],
                Status(row[9]),
                row[10],
                row[11],
                json.loads(row[12]),
                row[13],
            )
            for row in rows
        ]

    def coded_segments(
        self,
        *,
        with_text: bool = True,
        document_ids: Collection[int] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> list[CodedSegment]:
        """Every tag of the project (of ``document_ids`` only, when given), in document
        order, then by position; ``with_text`` False: each with an empty ``text`` (counting
        needs no words, and reading every document's text is most of the work). ``stop``,
        asked at each document: when it says so, only the tags read so far are returned
        (a reading nobody waits for any more: seconds at 400,000 tags)."""
        parameters: tuple[str, ...] = ()
        where, read_texts = "", _TEXTS if with_text else _NO_TEXTS
        if document_ids is not None:
            parameters = (json.dumps(sorted(document_ids)),)
            where = f"WHERE a.document_id IN {_SOME_DOCUMENTS}"
            # Documents without tags too: the loop below passes over them.
            read_texts = _TEXTS_OF_SOME if with_text else _TEXTS_OF_SOME.replace("clean_text", "''")
        texts = self.db.conn.execute(read_texts, parameters)
        document_id, text = -1, ""
        segments = []
        # Parsed once each: a document's variables are the same for all its tags, and a few
        # attribute sets ({"issuer": "市长"…}) recur across thousands of tags. Shared, so
        # never changed in place (nothing does: a segment is read-only).
        parsed: dict[str, Any] = {}
        metadata: dict[str, Any] = {}
        for row in self.db.conn.execute(_SEGMENTS.format(where=where), parameters):
            if document_id < row[1]:
                if stop is not None and stop():
                    break
                while document_id < row[1]:
                    document_id, text = next(texts)
                metadata = json.loads(row[12])
            start, end = row[3], row[4]
            attributes = parsed.get(row[6])
            if attributes is None:
                attributes = parsed[row[6]] = json.loads(row[6])
            segments.append(
                CodedSegment(
                    row[0],
                    row[1],
                    row[2],
                    start,
                    end,
                    text[start:end],
                    row[5],
                    attributes,
                    row[7],
                    row[8],
                    Status(row[9]),
                    row[10],
                    row[11],
                    metadata,
                    row[13],
                )
            )
        return segments
