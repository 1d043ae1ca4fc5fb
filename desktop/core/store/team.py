"""What coding as a team reads from and writes to a project: the tags agreement compares,
with their label paths."""

from __future__ import annotations

import json
from collections.abc import Sequence

from desktop.core.agreement import Tag
from desktop.core.labels import LABEL_PATH_SEPARATOR
from desktop.core.store.base import StoreBase

# Every label's path from the top ("Parent/Child"), as the table "paths"; the parameter is
# the separator.
_LABEL_PATHS = """WITH RECURSIVE paths(id, path) AS (
    SELECT id, name FROM labels WHERE parent_id IS NULL
    UNION ALL
    SELECT l.id, p.path || ? || l.name FROM labels l JOIN paths p ON l.parent_id = p.id) """


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


class TeamMixin(StoreBase):
    """Reading tags by annotator, for agreement."""

    def tagging_annotators(self) -> list[str]:
        """The annotators who have tags, by name; the nameless ('') left out."""
        rows = self.db.execute(
            "SELECT DISTINCT annotator FROM annotations WHERE annotator != '' ORDER BY annotator"
        )
        return [str(row[0]) for row in rows]

    def documents_tagged_by(self, annotators: Sequence[str]) -> list[int]:
        """The documents in which at least one of ``annotators`` has a tag, by id."""
        rows = self.db.execute(
            f"""SELECT DISTINCT document_id FROM annotations
                WHERE annotator IN ({_marks(annotators)}) ORDER BY document_id""",
            tuple(annotators),
        )
        return [int(row[0]) for row in rows]

    def document_lengths(self, document_ids: Sequence[int]) -> dict[int, int]:
        """Each document's clean-text length in code points, in the order given."""
        lengths: dict[int, int] = {}
        # In slices: SQLite limits how many parameters one statement takes.
        for first in range(0, len(document_ids), 500):
            chunk = document_ids[first : first + 500]
            rows = self.db.execute(
                f"SELECT id, length(clean_text) FROM documents WHERE id IN ({_marks(chunk)})",
                tuple(chunk),
            )
            lengths.update((int(row[0]), int(row[1])) for row in rows)
        return {id_: lengths[id_] for id_ in document_ids if id_ in lengths}

    def tags_by(self, annotators: Sequence[str]) -> list[Tag]:
        """Every tag of these annotators, its label as a path, in document order."""
        rows = self.db.execute(
            _LABEL_PATHS
            + f"""SELECT a.id, a.document_id, p.path, a.start, a."end", a.annotator,
                       a.attributes
                FROM annotations a JOIN paths p ON p.id = a.label_id
                WHERE a.annotator IN ({_marks(annotators)})
                ORDER BY a.document_id, a.start, a.id""",
            (LABEL_PATH_SEPARATOR, *annotators),
        )
        return [
            Tag(
                document=document,
                label=path,
                start=start,
                end=end,
                annotator=annotator,
                attributes=json.loads(attributes) if attributes != "{}" else {},
                id=id_,
            )
            for id_, document, path, start, end, annotator, attributes in rows
        ]
