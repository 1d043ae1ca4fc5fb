"""Entities: the pipeline's cached findings, and the user's corrections kept apart from them
so that re-analysis never undoes a correction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from desktop.core.model import CORRECTION_ACTIONS, Entity, EntityCorrection
from desktop.core.store.base import StoreBase, _now


class CachedEntity(NamedTuple):
    document_id: int
    type: str
    start: int
    end: int
    text: str


class EntitiesMixin(StoreBase):
    """The entity cache per document and the user's corrections to it."""

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
        _check_action(action)
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
                _check_action(correction.action)
                self._check_span(document_id, entity.start, entity.end, len(text))
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

    def cached_entities(self, types: Sequence[str], pipeline_version: int) -> list[CachedEntity]:
        """The entities of ``types`` of every document the pipeline of ``pipeline_version``
        analysed, with the user's corrections applied (as :meth:`entities` does), by document
        then position: one query for the corpus instead of one per document."""
        marks = ", ".join("?" for _ in types)
        rows = self.db.execute(
            f"""SELECT e.document_id, e.type, e.start, e."end", e.text FROM entities e
               JOIN documents d ON d.id = e.document_id AND d.entities_version = ?
               WHERE e.type IN ({marks}) AND NOT EXISTS (
                   SELECT 1 FROM entity_corrections c WHERE c.document_id = e.document_id
                   AND c.action = 'remove' AND c.type = e.type AND c.start = e.start
                   AND c."end" = e."end")
               UNION ALL
               SELECT c.document_id, c.type, c.start, c."end", c.text FROM entity_corrections c
               JOIN documents d ON d.id = c.document_id AND d.entities_version = ?
               WHERE c.action = 'add' AND c.type IN ({marks}) AND NOT EXISTS (
                   SELECT 1 FROM entities e WHERE e.document_id = c.document_id
                   AND e.type = c.type AND e.start = c.start AND e."end" = c."end")
               ORDER BY 1, 3, 4, 2""",
            (pipeline_version, *types, pipeline_version, *types),
        )
        return [CachedEntity(*row) for row in rows]

    def documents_not_analysed(self, pipeline_version: int) -> list[int]:
        """The documents whose entities the pipeline of ``pipeline_version`` has not found."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE entities_version IS NOT ? ORDER BY id",
            (pipeline_version,),
        )
        return [int(row[0]) for row in rows]

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


def _check_action(action: str) -> None:
    if action not in CORRECTION_ACTIONS:
        raise ValueError(f"a correction adds or removes, not {action!r}")
