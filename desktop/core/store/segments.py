"""Coded segments: every tag with its text and its document's variables, read in one query
for reports, cross tables and charts (the text cut in SQL: substr counts code points)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

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


_SEGMENTS = """SELECT a.id, a.document_id, a.label_id, a.start, a."end",
        substr(d.clean_text, a.start + 1, a."end" - a.start), a.note, a.attributes, a.annotator,
        d.title, d.status, d.date, d.source, d.metadata, a.note_title
    FROM annotations a JOIN documents d ON d.id = a.document_id
    ORDER BY a.document_id, a.start, a."end", a.id"""


class SegmentsMixin(StoreBase):
    def coded_segments(self) -> list[CodedSegment]:
        """Every tag of the project, in document order, then by position."""
        return [
            CodedSegment(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                json.loads(row[7]),
                row[8],
                row[9],
                Status(row[10]),
                row[11],
                row[12],
                json.loads(row[13]),
                row[14],
            )
            for row in self.db.execute(_SEGMENTS)
        ]
