"""Coded segments: every tag with its text and its document's variables, read in one pass for
reports, cross tables and charts. The text is cut in Python from each document's clean text,
read once: SQLite's substr walks the UTF-8 from the start, so 2,000 tags of a 300,000-character
document cost a second (and the counts window reads them after every tag)."""

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


_SEGMENTS = """SELECT a.id, a.document_id, a.label_id, a.start, a."end", a.note, a.attributes,
        a.annotator, d.title, d.status, d.date, d.source, d.metadata, a.note_title
    FROM annotations a JOIN documents d ON d.id = a.document_id
    ORDER BY a.document_id, a.start, a."end", a.id"""
# Only the texts of tagged documents, one at a time, in the order of the tags.
_TEXTS = """SELECT id, clean_text FROM documents
    WHERE id IN (SELECT document_id FROM annotations) ORDER BY id"""
# The same documents without their texts, for counts that never show a tag's words.
_NO_TEXTS = """SELECT id, '' FROM documents
    WHERE id IN (SELECT document_id FROM annotations) ORDER BY id"""


class SegmentsMixin(StoreBase):
    def coded_segments(self, *, with_text: bool = True) -> list[CodedSegment]:
        """Every tag of the project, in document order, then by position; ``with_text``
        False: each with an empty ``text`` (counting needs no words, and reading every
        document's text is most of the work)."""
        texts = self.db.conn.execute(_TEXTS if with_text else _NO_TEXTS)
        document_id, text = -1, ""
        segments = []
        # Parsed once each: a document's variables are the same for all its tags, and a few
        # attribute sets ({"issuer": "市长"…}) recur across thousands of tags. Shared, so
        # never changed in place (nothing does: a segment is read-only).
        parsed: dict[str, Any] = {}
        metadata: dict[str, Any] = {}
        for row in self.db.conn.execute(_SEGMENTS):
            if document_id < row[1]:
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
