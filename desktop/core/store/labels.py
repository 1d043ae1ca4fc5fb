"""Labels (a tree), the attributes a scheme gives annotations, and installing a scheme."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.labels import (
    AttributeSpec,
    LabelScheme,
    LabelSpec,
    default_scheme,
    label_name_problem,
)
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import Label
from desktop.core.store.base import DuplicateLabel, StoreBase, StoreError

# A label and all labels below it, as the table "tree"; the one parameter is the label's id.
_LABEL_AND_SUBLABELS = """WITH RECURSIVE tree(id) AS (
    SELECT ? UNION ALL SELECT l.id FROM labels l JOIN tree ON l.parent_id = tree.id) """


def _refuse_bad_name(name: str) -> None:
    problem = label_name_problem(name)
    if problem:
        shown = name if len(name) <= 40 else name[:40] + "…"
        raise StoreError(QT_TRANSLATE_NOOP("Project", "label {0!r}: {1}").format(shown, problem))


class LabelsMixin(StoreBase):
    """The project's label tree, its attributes and the name of its scheme."""

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
        _refuse_bad_name(name)
        self._refuse_duplicate(name, parent_id)
        # Never the id of a deleted label: undoing that deletion puts it back with its id.
        cursor = self.db.execute(
            """INSERT INTO labels (id, name, parent_id, color, description, shortcut, position)
               VALUES (max(coalesce((SELECT max(id) FROM labels), 0),
                           coalesce((SELECT CAST(value AS INTEGER) FROM meta
                                     WHERE key = 'deleted_label_ids_up_to'), 0)) + 1,
                       ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM labels))""",
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

    def install_default_scheme_if_empty(self, language: str = "") -> int:
        """Give a project without labels the default scheme
        (``resources/labels/directives.json``, in ``language`` where it gives its words in
        it): what a new project gets, from the window and the command line alike. Returns how
        many labels were added (0: it had labels)."""
        if self.db.execute("SELECT 1 FROM labels LIMIT 1").fetchone() is not None:
            return 0
        return self.install_scheme(default_scheme(language))

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

    def _refuse_duplicate(
        self, name: str, parent_id: int | None, *, renamed: int | None = None
    ) -> None:
        """Raise DuplicateLabel when another label (not ``renamed``) has this name under this
        parent: the schema's unique index would otherwise answer in SQL."""
        existing = self._label_id(name, parent_id)
        if existing is None or existing == renamed:
            return
        if parent_id is None:
            place = QT_TRANSLATE_NOOP("Project", "at the top level")
        else:
            place = QT_TRANSLATE_NOOP("Project", 'under "{0}"').format(self._label_name(parent_id))
        raise DuplicateLabel(
            QT_TRANSLATE_NOOP("Project", 'a label named "{0}" already exists {1}').format(
                name, place
            )
        )

    def _label_name(self, label_id: int) -> str:
        row = self.db.execute("SELECT name FROM labels WHERE id = ?", (label_id,)).fetchone()
        if row is None:
            raise KeyError(f"no label {label_id}")
        return str(row[0])

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
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project", 'the key "{0}" already belongs to another label'
                ).format(key)
            )
        if not changes:
            return self.label(label_id)
        parent = changes.get("parent_id")
        if isinstance(parent, int) and self._is_descendant(parent, label_id):
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project", "a label cannot be moved under itself or its own sub-labels"
                )
            )
        if "name" in changes or "parent_id" in changes:
            current = self.label(label_id)
            name = changes.get("name", current.name)
            parent_id = changes.get("parent_id", current.parent_id)
            # update_label's callers pass these types; the assert tells mypy.
            assert isinstance(name, str) and (parent_id is None or isinstance(parent_id, int))
            _refuse_bad_name(name)
            self._refuse_duplicate(name, parent_id, renamed=label_id)
        assignments = ", ".join(f"{column} = ?" for column in changes)
        with self.transaction():
            self.db.execute(
                f"UPDATE labels SET {assignments} WHERE id = ?", (*changes.values(), label_id)
            )
        return self.label(label_id)

    def _is_descendant(self, candidate: int, ancestor: int) -> bool:
        """Whether ``candidate`` is ``ancestor`` or one of its sub-labels."""
        row = self.db.execute(
            _LABEL_AND_SUBLABELS + "SELECT 1 FROM tree WHERE id = ?", (ancestor, candidate)
        ).fetchone()
        return row is not None

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

    def delete_label(self, label_id: int) -> DeletedLabels:
        """Delete a label, its sub-labels and every annotation that uses them, in one go.
        Returns what went, for :meth:`restore_labels` (undo)."""
        with self.transaction():
            labels = self.db.execute(
                _LABEL_AND_SUBLABELS + "SELECT * FROM labels WHERE id IN tree", (label_id,)
            )
            label_rows = _rows(labels)
            annotations = self.db.execute(
                _LABEL_AND_SUBLABELS + "SELECT * FROM annotations WHERE label_id IN tree",
                (label_id,),
            )
            memos = self.db.execute(
                _LABEL_AND_SUBLABELS + "SELECT * FROM memos WHERE label_id IN tree", (label_id,)
            )
            deleted = DeletedLabels(label_rows, _rows(annotations), _rows(memos))
            self.db.execute(
                _LABEL_AND_SUBLABELS + "DELETE FROM annotations WHERE label_id IN tree",
                (label_id,),
            )
            self.db.execute("DELETE FROM labels WHERE id = ?", (label_id,))
            self.db.execute(
                """INSERT INTO meta (key, value) VALUES ('deleted_label_ids_up_to', ?)
                   ON CONFLICT (key) DO UPDATE
                   SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))""",
                (max((row["id"] for row in label_rows), default=0),),
            )
        return deleted

    def restore_labels(self, deleted: DeletedLabels) -> None:
        """Put deleted labels and their annotations back as they were, ids included, so the
        undo history that names them still applies."""
        for row in deleted.labels:
            self._refuse_duplicate(row["name"], row["parent_id"], renamed=row["id"])
        with self.transaction():
            # Parents before their sub-labels: the foreign key needs the parent in place.
            by_depth = sorted(deleted.labels, key=lambda row: self._depth(row, deleted.labels))
            for table, rows in (
                ("labels", by_depth),
                ("annotations", deleted.annotations),
                ("memos", deleted.memos),
            ):
                for row in rows:
                    columns = ", ".join(f'"{column}"' for column in row)
                    marks = ", ".join("?" for _ in row)
                    self.db.execute(
                        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values())
                    )

    @staticmethod
    def _depth(row: dict[str, Any], rows: tuple[dict[str, Any], ...]) -> int:
        parents = {r["id"]: r["parent_id"] for r in rows}
        depth, parent = 0, row["parent_id"]
        while parent in parents:
            depth, parent = depth + 1, parents[parent]
        return depth

    def merge_label(self, source_id: int, target_id: int) -> int:
        """Merge label ``source_id`` into ``target_id`` in one transaction: its tags move to
        the target, its sub-labels move under the target (one of the same name there is
        merged in turn), and the source is deleted. Returns how many tags moved."""
        if self._is_descendant(target_id, source_id):
            raise StoreError(
                QT_TRANSLATE_NOOP(
                    "Project", "a label cannot be merged into itself or one of its own sub-labels"
                )
            )
        self.label(target_id)  # KeyError when either label is unknown
        self.label(source_id)
        with self.transaction():
            return self._merge(source_id, target_id)

    def _merge(self, source_id: int, target_id: int) -> int:
        moved = self.db.execute(
            "UPDATE annotations SET label_id = ? WHERE label_id = ?", (target_id, source_id)
        ).rowcount
        # The source's memos follow its tags rather than go with it.
        self.db.execute("UPDATE memos SET label_id = ? WHERE label_id = ?", (target_id, source_id))
        children = self.db.execute(
            "SELECT id, name FROM labels WHERE parent_id = ? ORDER BY position, id", (source_id,)
        ).fetchall()
        for child_id, name in children:
            namesake = self._label_id(name, target_id)
            if namesake is None:
                self.db.execute(
                    "UPDATE labels SET parent_id = ? WHERE id = ?", (target_id, child_id)
                )
            else:
                moved += self._merge(child_id, namesake)
        self.db.execute("DELETE FROM labels WHERE id = ?", (source_id,))
        return moved

    def reorder_labels(self, parent_id: int | None, label_ids: Sequence[int]) -> None:
        """Put the labels directly under ``parent_id`` (None: the top level) in the order of
        ``label_ids``, which must name each of them once. The labels keep the sort positions
        they hold between them, in the new order, so the order of every other label (and the
        flat list) stays as it was."""
        rows = self.db.execute(
            "SELECT id, position FROM labels WHERE coalesce(parent_id, 0) = coalesce(?, 0) "
            "ORDER BY position, id",
            (parent_id,),
        ).fetchall()
        if sorted(label_ids) != sorted(row[0] for row in rows):
            raise ValueError("reorder_labels needs every label under the parent, each once")
        # Siblings added before positions were per-sibling may share one: spread them out.
        positions = sorted(row[1] for row in rows)
        for index in range(1, len(positions)):
            positions[index] = max(positions[index], positions[index - 1] + 1)
        with self.transaction():
            for label_id, position in zip(label_ids, positions, strict=True):
                self.db.execute("UPDATE labels SET position = ? WHERE id = ?", (position, label_id))


@dataclass(frozen=True)
class DeletedLabels:
    """Deleted label, annotation and memo rows, column by column, for undo."""

    labels: tuple[dict[str, Any], ...]
    annotations: tuple[dict[str, Any], ...]
    memos: tuple[dict[str, Any], ...] = ()


def _rows(cursor: sqlite3.Cursor) -> tuple[dict[str, Any], ...]:
    names = [column[0] for column in cursor.description]
    return tuple(dict(zip(names, row, strict=True)) for row in cursor.fetchall())
