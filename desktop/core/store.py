"""The project database: the only module that speaks SQL.

One SQLite file per project. WAL with ``synchronous=FULL`` so an acknowledged write survives a
crash or power loss; foreign keys on; every public write is one transaction (sqlite-utils'
``atomic``), so it happens whole or not at all. The schema grows by ordered migrations, recorded
in ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.core.labels import AttributeSpec, LabelScheme, LabelSpec
from desktop.core.model import (
    Annotation,
    Document,
    DocumentSummary,
    Entity,
    EntityCorrection,
    ImportedAnnotation,
    Label,
    NewDocument,
    Removal,
    Status,
)

log = logging.getLogger(__name__)


class StoreError(Exception):
    """A database Jiyao cannot use; ``str(error)`` is a one-line reason."""


class InvalidSpan(StoreError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    purpose: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, labels and annotations",
        (
            """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            source_path TEXT NOT NULL DEFAULT '',
            encoding TEXT NOT NULL,
            script TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            removed TEXT NOT NULL DEFAULT '[]',
            text_sha256 TEXT NOT NULL UNIQUE,
            metadata TEXT NOT NULL DEFAULT '{}',
            imported_at TEXT NOT NULL
        )""",
            """CREATE TABLE labels (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            parent_id INTEGER REFERENCES labels(id) ON DELETE CASCADE,
            color TEXT NOT NULL DEFAULT '#888888',
            description TEXT NOT NULL DEFAULT '',
            shortcut TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        )""",
            "CREATE UNIQUE INDEX labels_name_in_parent ON labels (coalesce(parent_id, 0), name)",
            """CREATE TABLE annotations (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            label_id INTEGER NOT NULL REFERENCES labels(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            attributes TEXT NOT NULL DEFAULT '{}',
            annotator TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (0 <= start AND start < "end")
        )""",
            "CREATE INDEX annotations_by_document ON annotations (document_id, start)",
        ),
    ),
    Migration(
        2,
        "document status and the entity cache",
        (
            "ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'new'",
            """CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'pipeline' CHECK (origin IN ('pipeline', 'user')),
            pipeline_version INTEGER NOT NULL DEFAULT 0,
            CHECK (0 <= start AND start < "end")
        )""",
            "CREATE INDEX entities_by_document ON entities (document_id, start)",
        ),
    ),
    Migration(
        3,
        "which entity pipeline analysed each document",
        # NULL: never analysed. Entities from an older pipeline version are recomputed.
        ("ALTER TABLE documents ADD COLUMN entities_version INTEGER",),
    ),
    Migration(
        4,
        "the attributes a label scheme gives annotations",
        (
            """CREATE TABLE attributes (
                name TEXT PRIMARY KEY,
                label TEXT NOT NULL,
                kind TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'choice')),
                "values" TEXT NOT NULL DEFAULT '[]',
                suggest_from TEXT NOT NULL DEFAULT '',
                description TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
    Migration(
        5,
        "the user's entity corrections, kept apart so re-analysis never undoes them",
        (
            """CREATE TABLE entity_corrections (
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
                type TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                text TEXT NOT NULL,
                annotator TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                CHECK (0 <= start AND start < "end")
            )""",
            "CREATE INDEX corrections_by_document ON entity_corrections (document_id, start)",
        ),
    ),
    Migration(
        6,
        "suggested directives the user rejected, so they stay rejected",
        (
            """CREATE TABLE rejected_suggestions (
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                PRIMARY KEY (document_id, start, "end")
            )""",
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version
# Marks a file as a Jiyao project ("JYAO"), so `file` and Jiyao itself can tell.
APPLICATION_ID = 0x4A59414F

_SUMMARY_COLUMNS = {
    "title": "title",
    "date": "date",
    "source": "source",
    "script": "script",
    "length": "length(clean_text)",
    "status": "status",
    "annotations": "annotation_count",
    "id": "id",
}


# A label and all labels below it, as the table "tree"; the one parameter is the label's id.
_LABEL_AND_SUBLABELS = """WITH RECURSIVE tree(id) AS (
    SELECT ? UNION ALL SELECT l.id FROM labels l JOIN tree ON l.parent_id = tree.id) """


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """An open project database. Not thread-safe: one Store per thread."""

    def __init__(
        self, path: Path | str, *, migrate_to: int = SCHEMA_VERSION, create: bool = True
    ) -> None:
        """Open (``create``: or make) a project. Raises StoreError with a one-line reason."""
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such project")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5.0)
            self.db = sqlite_utils.Database(connection)
            self._check_ownership()
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.enable_wal()
            self.db.execute("PRAGMA synchronous = FULL")
            self._migrate(migrate_to)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} is not a Jiyao database ({error})") from error
        except OSError as error:
            raise StoreError(f"cannot open {self.path}: {error.strerror or error}") from error

    def _check_ownership(self) -> None:
        """Refuse another program's SQLite file: Jiyao must never add its tables to it."""
        application_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        if application_id == APPLICATION_ID:
            return
        tables = self.db.table_names()
        ours_unmarked = application_id == 0 and self.schema_version > 0 and "documents" in tables
        if not ours_unmarked and (application_id != 0 or tables):
            self.db.close()
            raise StoreError(f"{self.path} is an SQLite database of another program, not a project")
        self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Schema -----------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, target: int) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was made by a newer Jiyao (schema {current}, this one knows "
                f"{SCHEMA_VERSION})"
            )
        for migration in MIGRATIONS:
            if current < migration.version <= target:
                log.info(
                    "migrating %s to schema %d: %s", self.path, migration.version, migration.purpose
                )
                with self.transaction():
                    for statement in migration.statements:
                        self.db.execute(statement)
                    # PRAGMA takes no parameters; the version is our own integer.
                    self.db.execute(f"PRAGMA user_version = {int(migration.version)}")

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

    # Documents --------------------------------------------------------------------------

    def add_documents(self, documents: Sequence[NewDocument]) -> list[int | None]:
        """Store documents in one transaction; a document whose clean text is already stored
        (or repeated in the batch) is skipped. Returns each one's id, or None if skipped."""
        ids: list[int | None] = []
        with self.transaction():
            for document in documents:
                ids.append(self._insert_document(document))
        return ids

    def add_document(self, document: NewDocument) -> int | None:
        return self.add_documents([document])[0]

    def _insert_document(self, document: NewDocument) -> int | None:
        cursor = self.db.execute(
            """INSERT INTO documents (title, source, date, source_path, encoding, script,
                   raw_text, clean_text, removed, text_sha256, metadata, imported_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (text_sha256) DO NOTHING""",
            (
                document.title,
                document.source,
                document.date,
                document.source_path,
                document.encoding,
                document.script,
                document.raw_text,
                document.clean_text,
                json.dumps([[r.start, r.end, r.kind] for r in document.removed]),
                document.sha256,
                json.dumps(document.metadata, ensure_ascii=False),
                _now(),
            ),
        )
        return cursor.lastrowid if cursor.rowcount == 1 else None

    def document_count(self, containing: Sequence[str] = ()) -> int:
        where, parameters = _containing_clause(containing)
        return int(
            self.db.execute(f"SELECT count(*) FROM documents {where}", parameters).fetchone()[0]
        )

    def document_ids(self) -> list[int]:
        return [row[0] for row in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def list_documents(
        self,
        *,
        offset: int = 0,
        limit: int = 100,
        order_by: str = "id",
        descending: bool = False,
        containing: Sequence[str] = (),
    ) -> list[DocumentSummary]:
        """A page of the document list, without the texts (cheap for 10,000 documents).

        ``containing``: keep documents whose title or clean text contains any of these strings.
        """
        column = _SUMMARY_COLUMNS.get(order_by)
        if column is None:
            raise ValueError(f"cannot sort documents by {order_by!r}")
        direction = "DESC" if descending else "ASC"
        where, parameters = _containing_clause(containing)
        rows = self.db.execute(
            f"""SELECT id, title, source, date, script, length(clean_text), status,
                    (SELECT count(*) FROM annotations a WHERE a.document_id = d.id)
                    AS annotation_count
                FROM documents d {where}
                ORDER BY {column} {direction}, id LIMIT ? OFFSET ?""",
            (*parameters, limit, offset),
        )
        return [_summary(row) for row in rows]

    def document_summary(self, document_id: int) -> DocumentSummary:
        rows = self.db.execute(
            """SELECT id, title, source, date, script, length(clean_text), status,
                    (SELECT count(*) FROM annotations a WHERE a.document_id = d.id)
               FROM documents d WHERE id = ?""",
            (document_id,),
        ).fetchall()
        if not rows:
            raise KeyError(f"no document {document_id}")
        return _summary(rows[0])

    def document(self, document_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [document_id]))
        if not rows:
            raise KeyError(f"no document {document_id}")
        row = rows[0]
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

    def set_status(self, document_id: int, status: Status) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE documents SET status = ? WHERE id = ?", (status.value, document_id)
            )

    # Labels -----------------------------------------------------------------------------

    def add_label(
        self,
        name: str,
        *,
        parent_id: int | None = None,
        color: str = "#888888",
        description: str = "",
        shortcut: str = "",
    ) -> Label:
        with self.transaction():
            label_id = self._insert_label(name, parent_id, color, description, shortcut)
        return Label(label_id, name, parent_id, color, description, shortcut)

    def _insert_label(
        self, name: str, parent_id: int | None, color: str, description: str, shortcut: str
    ) -> int:
        cursor = self.db.execute(
            """INSERT INTO labels (name, parent_id, color, description, shortcut, position)
               VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM labels))""",
            (name, parent_id, color, description, shortcut),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def labels(self) -> list[Label]:
        return [
            Label(r["id"], r["name"], r["parent_id"], r["color"], r["description"], r["shortcut"])
            for r in self.db.query("SELECT * FROM labels ORDER BY position, id")
        ]

    def install_scheme(self, scheme: LabelScheme, *, rename: bool = True) -> int:
        """Add a scheme's labels and attributes in one transaction; labels already present (same
        name under the same parent) are kept as they are, and the project takes the scheme's
        name unless ``rename`` is False. Returns how many labels were added."""
        added = 0
        with self.transaction():
            ids: dict[int, int] = {}
            for spec, parent in scheme.walk():
                parent_id = ids[id(parent)] if parent is not None else None
                existing = self._label_id(spec.name, parent_id)
                if existing is None:
                    existing = self._insert_label(
                        spec.name, parent_id, spec.color, spec.description, spec.shortcut
                    )
                    added += 1
                ids[id(spec)] = existing
            for position, attribute in enumerate(scheme.attributes):
                self.db.execute(
                    """INSERT INTO attributes (name, label, kind, "values", suggest_from,
                           description, position) VALUES (?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (name) DO NOTHING""",
                    (
                        attribute.name,
                        attribute.label,
                        attribute.kind,
                        json.dumps(list(attribute.values), ensure_ascii=False),
                        attribute.suggest_from,
                        attribute.description,
                        position,
                    ),
                )
            if rename:
                self.db.execute(
                    "INSERT INTO meta (key, value) VALUES ('scheme', ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (scheme.name,),
                )
        return added

    def scheme(self) -> LabelScheme:
        """The project's labels and attributes as a scheme (for export and editing)."""
        labels = self.labels()
        children: dict[int | None, list[Label]] = {}
        for label in labels:
            children.setdefault(label.parent_id, []).append(label)

        def spec(label: Label) -> LabelSpec:
            return LabelSpec(
                label.name,
                label.color,
                label.shortcut,
                label.description,
                tuple(spec(child) for child in children.get(label.id, [])),
            )

        name_row = self.db.execute("SELECT value FROM meta WHERE key = 'scheme'").fetchone()
        return LabelScheme(
            name=name_row[0] if name_row else "Project scheme",
            labels=tuple(spec(label) for label in children.get(None, [])),
            attributes=tuple(self.attributes()),
        )

    def attributes(self) -> list[AttributeSpec]:
        rows = self.db.execute(
            """SELECT name, label, kind, "values", suggest_from, description
               FROM attributes ORDER BY position, name"""
        )
        return [
            AttributeSpec(name, label, kind, tuple(json.loads(values)), suggest_from, description)
            for name, label, kind, values, suggest_from, description in rows
        ]

    def _label_id(self, name: str, parent_id: int | None) -> int | None:
        row = self.db.execute(
            "SELECT id FROM labels WHERE name = ? AND coalesce(parent_id, 0) = coalesce(?, 0)",
            (name, parent_id),
        ).fetchone()
        return None if row is None else int(row[0])

    def update_label(self, label_id: int, **changes: object) -> Label:
        """Rename, recolour, re-parent, set the shortcut or description of a label."""
        allowed = {"name", "color", "description", "shortcut", "parent_id"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"labels have no {', '.join(sorted(unknown))}")
        key = changes.get("shortcut")
        if key and any(lb.shortcut == key and lb.id != label_id for lb in self.labels()):
            raise StoreError(f'the key "{key}" already belongs to another label')
        if not changes:
            return self.label(label_id)
        parent = changes.get("parent_id")
        if isinstance(parent, int) and self._is_descendant(parent, label_id):
            raise StoreError("a label cannot be moved under itself or its own sub-labels")
        assignments = ", ".join(f"{column} = ?" for column in changes)
        with self.transaction():
            self.db.execute(
                f"UPDATE labels SET {assignments} WHERE id = ?", (*changes.values(), label_id)
            )
        return self.label(label_id)

    def _is_descendant(self, candidate: int, ancestor: int) -> bool:
        current: int | None = candidate
        while current is not None:
            if current == ancestor:
                return True
            row = self.db.execute(
                "SELECT parent_id FROM labels WHERE id = ?", (current,)
            ).fetchone()
            current = None if row is None else row[0]
        return False

    def label(self, label_id: int) -> Label:
        for label in self.labels():
            if label.id == label_id:
                return label
        raise KeyError(f"no label {label_id}")

    def annotations_using_label(self, label_id: int) -> int:
        """How many annotations a deletion of the label (and its sub-labels) would remove."""
        row = self.db.execute(
            _LABEL_AND_SUBLABELS + "SELECT count(*) FROM annotations WHERE label_id IN tree",
            (label_id,),
        ).fetchone()
        return int(row[0])

    def delete_label(self, label_id: int) -> None:
        """Delete a label, its sub-labels and every annotation that uses them, in one go."""
        with self.transaction():
            self.db.execute(
                _LABEL_AND_SUBLABELS + "DELETE FROM annotations WHERE label_id IN tree",
                (label_id,),
            )
            self.db.execute("DELETE FROM labels WHERE id = ?", (label_id,))

    # Annotations ------------------------------------------------------------------------

    def add_annotation(
        self,
        document_id: int,
        label_id: int,
        start: int,
        end: int,
        *,
        note: str = "",
        attributes: dict[str, Any] | None = None,
        annotator: str = "",
    ) -> Annotation:
        """Tag ``[start, end)`` of the document's clean text. Raises InvalidSpan."""
        with self.transaction():
            self._check_span(document_id, start, end)
            now = _now()
            cursor = self.db.execute(
                """INSERT INTO annotations (document_id, label_id, start, "end", note,
                       attributes, annotator, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    document_id,
                    label_id,
                    start,
                    end,
                    note,
                    json.dumps(attributes or {}, ensure_ascii=False),
                    annotator,
                    now,
                    now,
                ),
            )
        assert cursor.lastrowid is not None
        return self.annotation(cursor.lastrowid)

    def add_imported_annotations(
        self, document_id: int, annotations: Sequence[ImportedAnnotation]
    ) -> int:
        """Store tags read from an annotated set, keeping their annotator and times; a tag
        already present (same label, span and annotator: two people tagging the same words is
        agreement data, not a duplicate) is skipped. Returns how many were added."""
        length = self._clean_length(document_id)
        added = 0
        with self.transaction():
            for tag in annotations:
                if not 0 <= tag.start < tag.end <= length:
                    raise InvalidSpan(f"span {tag.start}-{tag.end} is outside the text")
                now = _now()
                cursor = self.db.execute(
                    """INSERT INTO annotations (document_id, label_id, start, "end", note,
                           attributes, annotator, created_at, updated_at)
                       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
                       WHERE NOT EXISTS (SELECT 1 FROM annotations WHERE document_id = ?
                           AND label_id = ? AND start = ? AND "end" = ? AND annotator = ?)""",
                    (
                        document_id,
                        tag.label_id,
                        tag.start,
                        tag.end,
                        tag.note,
                        json.dumps(tag.attributes, ensure_ascii=False),
                        tag.annotator,
                        tag.created_at or now,
                        tag.updated_at or tag.created_at or now,
                        document_id,
                        tag.label_id,
                        tag.start,
                        tag.end,
                        tag.annotator,
                    ),
                )
                added += cursor.rowcount
        return added

    def _clean_length(self, document_id: int) -> int:
        row = self.db.execute(
            "SELECT length(clean_text) FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return int(row[0])

    # The text is cut in Python from the clean text read once: SQLite's substr walks UTF-8
    # from the start, so 2,000 tags on a 300,000-character text cost a second in SQL.
    _ANNOTATION_QUERY = """
        SELECT a.*, l.name AS label FROM annotations a JOIN labels l ON l.id = a.label_id"""

    def _clean_text(self, document_id: int) -> str:
        row = self.db.execute(
            "SELECT clean_text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return str(row[0])

    def annotation(self, annotation_id: int) -> Annotation:
        for row in self.db.query(self._ANNOTATION_QUERY + " WHERE a.id = ?", [annotation_id]):
            return _annotation_from_row(row, self._clean_text(row["document_id"]))
        raise KeyError(f"no annotation {annotation_id}")

    def annotations(self, document_id: int) -> list[Annotation]:
        text = self._clean_text(document_id)
        rows = self.db.query(
            self._ANNOTATION_QUERY + ' WHERE a.document_id = ? ORDER BY a.start, a."end", a.id',
            [document_id],
        )
        return [_annotation_from_row(row, text) for row in rows]

    def reject_suggestion(self, document_id: int, start: int, end: int) -> None:
        with self.transaction():
            self.db.execute(
                """INSERT INTO rejected_suggestions (document_id, start, "end") VALUES (?, ?, ?)
                   ON CONFLICT DO NOTHING""",
                (document_id, start, end),
            )

    def unreject_suggestion(self, document_id: int, start: int, end: int) -> None:
        with self.transaction():
            self.db.execute(
                """DELETE FROM rejected_suggestions
                   WHERE document_id = ? AND start = ? AND "end" = ?""",
                (document_id, start, end),
            )

    def rejected_suggestions(self, document_id: int) -> set[tuple[int, int]]:
        rows = self.db.execute(
            'SELECT start, "end" FROM rejected_suggestions WHERE document_id = ?', (document_id,)
        )
        return {(row[0], row[1]) for row in rows}

    def find_annotations(
        self,
        *,
        document_id: int | None = None,
        label_id: int | None = None,
        annotator: str | None = None,
        issuer: str | None = None,
        limit: int = 10_000,
    ) -> list[Annotation]:
        """Annotations across the corpus, filtered; in document order, then by position."""
        tests, parameters = [], []
        for column, value in (
            ("a.document_id", document_id),
            ("a.label_id", label_id),
            ("a.annotator", annotator),
        ):
            if value is not None:
                tests.append(f"{column} = ?")
                parameters.append(value)
        if issuer is not None:
            tests.append("json_extract(a.attributes, '$.issuer') = ?")
            parameters.append(issuer)
        where = f" WHERE {' AND '.join(tests)}" if tests else ""
        rows = self.db.query(
            self._ANNOTATION_QUERY + where + ' ORDER BY a.document_id, a.start, a."end" LIMIT ?',
            [*parameters, limit],
        )
        texts: dict[int, str] = {}
        found = []
        for row in rows:
            document = row["document_id"]
            if document not in texts:
                texts[document] = self._clean_text(document)
            found.append(_annotation_from_row(row, texts[document]))
        return found

    def annotators(self) -> list[str]:
        rows = self.db.execute("SELECT DISTINCT annotator FROM annotations ORDER BY annotator")
        return [row[0] for row in rows]

    def issuers(self) -> list[str]:
        rows = self.db.execute(
            """SELECT DISTINCT json_extract(attributes, '$.issuer') AS issuer FROM annotations
               WHERE issuer IS NOT NULL ORDER BY issuer"""
        )
        return [str(row[0]) for row in rows]

    def update_annotation(
        self,
        annotation_id: int,
        *,
        label_id: int | None = None,
        start: int | None = None,
        end: int | None = None,
        note: str | None = None,
        attributes: dict[str, Any] | None = None,
    ) -> Annotation:
        """Change an annotation's label, span, note or attributes. Raises InvalidSpan."""
        current = self.annotation(annotation_id)
        new_start = current.start if start is None else start
        new_end = current.end if end is None else end
        with self.transaction():
            self._check_span(current.document_id, new_start, new_end)
            self.db.execute(
                """UPDATE annotations SET label_id = ?, start = ?, "end" = ?, note = ?,
                       attributes = ?, updated_at = ? WHERE id = ?""",
                (
                    current.label_id if label_id is None else label_id,
                    new_start,
                    new_end,
                    current.note if note is None else note,
                    json.dumps(
                        current.attributes if attributes is None else attributes,
                        ensure_ascii=False,
                    ),
                    _now(),
                    annotation_id,
                ),
            )
        return self.annotation(annotation_id)

    def restore_annotation(self, annotation: Annotation) -> Annotation:
        """Put an annotation back exactly as it was, id and times included: re-inserted if it
        was deleted, overwritten if it was changed (undo of either)."""
        with self.transaction():
            self._check_span(annotation.document_id, annotation.start, annotation.end)
            self.db.execute(
                """INSERT INTO annotations (id, document_id, label_id, start, "end", note,
                       attributes, annotator, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET label_id = excluded.label_id,
                       start = excluded.start, "end" = excluded."end", note = excluded.note,
                       attributes = excluded.attributes, annotator = excluded.annotator,
                       updated_at = excluded.updated_at""",
                (
                    annotation.id,
                    annotation.document_id,
                    annotation.label_id,
                    annotation.start,
                    annotation.end,
                    annotation.note,
                    json.dumps(annotation.attributes, ensure_ascii=False),
                    annotation.annotator,
                    annotation.created_at,
                    annotation.updated_at,
                ),
            )
        return self.annotation(annotation.id)

    def _check_span(self, document_id: int, start: int, end: int) -> None:
        length = self._clean_length(document_id)
        if not 0 <= start < end <= length:
            raise InvalidSpan(
                f"span [{start}, {end}) is outside document {document_id} "
                f"(its clean text has {length} characters)"
            )

    def delete_annotation(self, annotation_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))

    # Entities ---------------------------------------------------------------------------

    def replace_pipeline_entities(
        self, document_id: int, entities: Iterable[Entity], pipeline_version: int
    ) -> None:
        """Cache what the entity pipeline found; the user's own corrections stay."""
        with self.transaction():
            self.db.execute(
                "DELETE FROM entities WHERE document_id = ? AND origin = 'pipeline'",
                (document_id,),
            )
            for entity in entities:
                self.db.execute(
                    """INSERT INTO entities (document_id, type, start, "end", text, origin,
                           pipeline_version) VALUES (?, ?, ?, ?, ?, 'pipeline', ?)""",
                    (
                        document_id,
                        entity.type,
                        entity.start,
                        entity.end,
                        entity.text,
                        pipeline_version,
                    ),
                )
            self.db.execute(
                "UPDATE documents SET entities_version = ? WHERE id = ?",
                (pipeline_version, document_id),
            )

    def entities(self, document_id: int) -> list[Entity]:
        """The pipeline's entities with the user's corrections applied: removed ones left out,
        added ones in (origin "user")."""
        rows = self.db.execute(
            """SELECT type, start, "end", text, 'pipeline' FROM entities e
               WHERE document_id = ? AND NOT EXISTS (
                   SELECT 1 FROM entity_corrections c WHERE c.document_id = e.document_id
                   AND c.action = 'remove' AND c.type = e.type AND c.start = e.start
                   AND c."end" = e."end")
               UNION ALL
               SELECT type, start, "end", text, 'user' FROM entity_corrections c
               WHERE document_id = ? AND action = 'add' AND NOT EXISTS (
                   SELECT 1 FROM entities e WHERE e.document_id = c.document_id
                   AND e.type = c.type AND e.start = c.start AND e."end" = c."end")
               ORDER BY 2, 3, 1""",
            (document_id, document_id),
        )
        return [Entity(*row) for row in rows]

    def correct_entity(
        self, document_id: int, action: str, entity: Entity, annotator: str = ""
    ) -> int:
        """Record that the user added (``"add"``) or removed (``"remove"``) an entity; a
        change of type is a removal and an addition. Returns the correction's id (for undo)."""
        if action not in ("add", "remove"):
            raise ValueError(f"a correction adds or removes, not {action!r}")
        with self.transaction():
            self._check_span(document_id, entity.start, entity.end)
            cursor = self.db.execute(
                """INSERT INTO entity_corrections (document_id, action, type, start, "end",
                       text, annotator, created_at)
                   SELECT ?, ?, ?, ?, ?, substr(clean_text, ? + 1, ? - ?), ?, ?
                   FROM documents WHERE id = ?""",
                (
                    document_id,
                    action,
                    entity.type,
                    entity.start,
                    entity.end,
                    entity.start,
                    entity.end,
                    entity.start,
                    annotator,
                    _now(),
                    document_id,
                ),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def entity_corrections(self, document_id: int) -> list[EntityCorrection]:
        rows = self.db.execute(
            """SELECT action, type, start, "end", text, annotator, created_at
               FROM entity_corrections WHERE document_id = ? ORDER BY start, "end", id""",
            (document_id,),
        )
        return [
            EntityCorrection(
                action,
                Entity(kind, start, end, text, "user" if action == "add" else "pipeline"),
                annotator,
                created_at,
            )
            for action, kind, start, end, text, annotator, created_at in rows
        ]

    def add_imported_corrections(
        self, document_id: int, corrections: Sequence[EntityCorrection]
    ) -> int:
        """Store entity corrections read from an annotated set; one already present (same
        action, type and span) is skipped. Returns how many were added."""
        text = self._clean_text(document_id)
        added = 0
        with self.transaction():
            for correction in corrections:
                entity = correction.entity
                if correction.action not in ("add", "remove"):
                    raise ValueError(f"a correction adds or removes, not {correction.action!r}")
                if not 0 <= entity.start < entity.end <= len(text):
                    raise InvalidSpan(f"span {entity.start}-{entity.end} is outside the text")
                cursor = self.db.execute(
                    """INSERT INTO entity_corrections (document_id, action, type, start,
                           "end", text, annotator, created_at)
                       SELECT ?, ?, ?, ?, ?, ?, ?, ?
                       WHERE NOT EXISTS (SELECT 1 FROM entity_corrections WHERE
                           document_id = ? AND action = ? AND type = ? AND start = ?
                           AND "end" = ?)""",
                    (
                        document_id,
                        correction.action,
                        entity.type,
                        entity.start,
                        entity.end,
                        text[entity.start : entity.end],
                        correction.annotator,
                        correction.created_at or _now(),
                        document_id,
                        correction.action,
                        entity.type,
                        entity.start,
                        entity.end,
                    ),
                )
                added += cursor.rowcount
        return added

    def withdraw_added_entity(self, document_id: int, entity: Entity) -> int:
        """Take back the user's own addition of this entity; returns how many were taken back."""
        with self.transaction():
            cursor = self.db.execute(
                """DELETE FROM entity_corrections WHERE document_id = ? AND action = 'add'
                   AND type = ? AND start = ? AND "end" = ?""",
                (document_id, entity.type, entity.start, entity.end),
            )
        return cursor.rowcount

    def withdraw_correction(self, correction_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM entity_corrections WHERE id = ?", (correction_id,))

    def entities_version(self, document_id: int) -> int | None:
        """The entity pipeline version that last analysed the document; None if none did."""
        row = self.db.execute(
            "SELECT entities_version FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return None if row[0] is None else int(row[0])


def _summary(row: Sequence[Any]) -> DocumentSummary:
    return DocumentSummary(row[0], row[1], row[2], row[3], row[4], row[5], Status(row[6]), row[7])


def _containing_clause(needles: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """WHERE clause: title or clean text contains any needle (instr: no LIKE wildcards)."""
    needles = [n for n in needles if n]
    if not needles:
        return "", ()
    tests = " OR ".join("instr(title, ?) > 0 OR instr(clean_text, ?) > 0" for _ in needles)
    return f"WHERE {tests}", tuple(n for needle in needles for n in (needle, needle))


def _annotation_from_row(row: dict[str, Any], clean_text: str) -> Annotation:
    return Annotation(
        id=row["id"],
        document_id=row["document_id"],
        label_id=row["label_id"],
        label=row["label"],
        start=row["start"],
        end=row["end"],
        text=clean_text[row["start"] : row["end"]],
        note=row["note"],
        attributes=json.loads(row["attributes"]),
        annotator=row["annotator"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
