"""Annotations (tags on spans of a document's clean text), including ones imported from an
annotated set, and the suggested directives the user rejected."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from desktop.core.model import Annotation, Document, ImportedAnnotation
from desktop.core.store.base import StoreBase, _now


class AnnotationsMixin(StoreBase):
    """Tags on document spans, and the suggestions the user turned down."""

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
        # The text is read once, for its length and the tag's words: each read of a long text
        # costs milliseconds (700,000 characters: 3 ms), and this runs on every tag (issue 13).
        with self.transaction():
            clean_text = self._clean_text_of(document_id)
            self._check_span(document_id, start, end, len(clean_text))
            now = _now()
            row = (
                label_id,
                start,
                end,
                note,
                json.dumps(attributes or {}, ensure_ascii=False),
                annotator,
                now,
                now,
            )
            cursor = self.db.execute(
                """INSERT INTO annotations (document_id, label_id, start, "end", note,
                       attributes, annotator, created_at, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (document_id, *row),
            )
            [label] = self.db.execute(
                "SELECT name FROM labels WHERE id = ?", (label_id,)
            ).fetchone()
        assert cursor.lastrowid is not None
        return _annotation_from_tuple(
            document_id, (cursor.lastrowid, row[0], label, *row[1:]), clean_text
        )

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
                self._check_span(document_id, tag.start, tag.end, length)
                now = _now()
                cursor = self.db.execute(
                    """INSERT INTO annotations (document_id, label_id, start, "end", note,
                           attributes, annotator, created_at, updated_at, note_title)
                       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
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
                        tag.note_title,
                        document_id,
                        tag.label_id,
                        tag.start,
                        tag.end,
                        tag.annotator,
                    ),
                )
                added += cursor.rowcount
        return added

    # The text is cut in Python from the clean text read once: SQLite's substr walks UTF-8
    # from the start, so 2,000 tags on a 300,000-character text cost a second in SQL.
    _ANNOTATION_QUERY = """
        SELECT a.*, l.name AS label FROM annotations a JOIN labels l ON l.id = a.label_id"""

    def annotation(self, annotation_id: int) -> Annotation:
        for row in self.db.query(self._ANNOTATION_QUERY + " WHERE a.id = ?", [annotation_id]):
            return _annotation_from_row(row, self._clean_text_of(row["document_id"]))
        raise KeyError(f"no annotation {annotation_id}")

    def annotation_label_id(self, annotation_id: int) -> int:
        """A tag's label, without the tag's words (cut from its document's whole text, a
        millisecond for 300,000 characters). KeyError when there is no such tag."""
        row = self.db.execute(
            "SELECT label_id FROM annotations WHERE id = ?", (annotation_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no annotation {annotation_id}")
        return int(row[0])

    def annotations(self, document_id: int) -> list[Annotation]:
        """The document's tags, by position."""
        return self._annotations_cut_from(document_id, self._clean_text(document_id))

    def annotations_in(self, document: Document) -> list[Annotation]:
        """The tags of a document already read whole, their texts cut from its clean text
        (no second read of a text that may run to megabytes)."""
        return self._annotations_cut_from(document.id, document.clean_text)

    def annotations_among(
        self, document: Document, annotation_ids: Iterable[int]
    ) -> list[Annotation]:
        """Those of these tags the document (read whole) still has, as ``annotations_in`` gives
        them: after one tag changed, the window re-reads it, not all the document's tags."""
        ids = list(dict.fromkeys(annotation_ids))
        if not ids:
            return []
        rows = self.db.execute(
            f"""SELECT a.id, a.label_id, l.name, a.start, a."end", a.note, a.attributes,
                       a.annotator, a.created_at, a.updated_at, a.note_title
                FROM annotations a JOIN labels l ON l.id = a.label_id
                WHERE a.document_id = ? AND a.id IN ({", ".join("?" * len(ids))})
                ORDER BY a.start, a."end", a.id""",
            (document.id, *ids),
        ).fetchall()
        return [_annotation_from_tuple(document.id, row, document.clean_text) for row in rows]

    # The last document's tags by their row: the window reads all of a document's tags after
    # every tag the user adds, and most rows are the same as the time before.
    _annotation_memo: tuple[int, dict[tuple[Any, ...], Annotation]] | None = None

    def _annotations_cut_from(self, document_id: int, clean_text: str) -> list[Annotation]:
        # Plain tuples, not sqlite_utils' dicts, and a row seen last time gives back the same
        # (frozen) Annotation: thousands of tags re-read cost little more than the query.
        rows = self.db.execute(
            """SELECT a.id, a.label_id, l.name, a.start, a."end", a.note, a.attributes,
                      a.annotator, a.created_at, a.updated_at, a.note_title
               FROM annotations a JOIN labels l ON l.id = a.label_id
               WHERE a.document_id = ? ORDER BY a.start, a."end", a.id""",
            (document_id,),
        ).fetchall()
        memo = self._annotation_memo
        seen = memo[1] if memo is not None and memo[0] == document_id else {}
        fresh: dict[tuple[Any, ...], Annotation] = {}
        annotations = []
        for row in rows:
            annotation = seen.get(row)
            if annotation is None:
                annotation = _annotation_from_tuple(document_id, row, clean_text)
            fresh[row] = annotation
            annotations.append(annotation)
        self._annotation_memo = (document_id, fresh)
        return annotations

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
        note_title: str | None = None,
    ) -> Annotation:
        """Change an annotation's label, span, note (and its memo's title) or attributes.
        Raises InvalidSpan."""
        current = self.annotation(annotation_id)
        new_start = current.start if start is None else start
        new_end = current.end if end is None else end
        with self.transaction():
            self._check_span(current.document_id, new_start, new_end)
            self.db.execute(
                """UPDATE annotations SET label_id = ?, start = ?, "end" = ?, note = ?,
                       attributes = ?, note_title = ?, updated_at = ? WHERE id = ?""",
                (
                    current.label_id if label_id is None else label_id,
                    new_start,
                    new_end,
                    current.note if note is None else note,
                    json.dumps(
                        current.attributes if attributes is None else attributes,
                        ensure_ascii=False,
                    ),
                    current.note_title if note_title is None else note_title,
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
                       attributes, annotator, created_at, updated_at, note_title)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET label_id = excluded.label_id,
                       start = excluded.start, "end" = excluded."end", note = excluded.note,
                       attributes = excluded.attributes, annotator = excluded.annotator,
                       updated_at = excluded.updated_at, note_title = excluded.note_title""",
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
                    annotation.note_title,
                ),
            )
        return self.annotation(annotation.id)

    def delete_annotation(self, annotation_id: int) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))


def _annotation_from_tuple(document_id: int, row: tuple[Any, ...], clean_text: str) -> Annotation:
    id_, label_id, label, start, end, note, attributes, annotator, created, updated = row[:10]
    return Annotation(
        id=id_,
        document_id=document_id,
        label_id=label_id,
        label=label,
        start=start,
        end=end,
        text=clean_text[start:end],
        note=note,
        attributes=json.loads(attributes) if attributes != "{}" else {},
        annotator=annotator,
        created_at=created,
        updated_at=updated,
        note_title=row[10] if len(row) > 10 else "",
    )


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
        note_title=row.get("note_title", ""),
    )
