"""Values that cross layers: documents, labels, annotations, entities.

Every offset is a 0-based, end-exclusive code-point offset into the document's clean text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in progress"
    DONE = "done"


def text_sha256(text: str) -> str:
    """The fingerprint exports carry so a reader can check it has the same clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Removal(NamedTuple):
    """A source artefact cleaning removed from the raw text, in raw-text offsets.

    A named tuple, not a dataclass: a crawled page can hold hundreds and import makes many.
    """

    start: int
    end: int
    text: str
    kind: str  # "pinyin" or "injected"


@dataclass(frozen=True)
class NewDocument:
    """A document ready to store: what the import pipeline made of one file."""

    title: str
    raw_text: str
    clean_text: str
    encoding: str
    script: str
    removed: tuple[Removal, ...] = ()
    source: str = ""
    date: str = ""
    source_path: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return text_sha256(self.clean_text)


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list: everything but the texts."""

    id: int
    title: str
    source: str
    date: str
    script: str
    length: int
    status: Status
    annotation_count: int
    # The file it was imported from ('' when pasted or made by hand): tells same titles apart.
    source_path: str = ""
    # The document variables the list was asked to show (its metadata's), as text.
    variables: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents the list shows: all of its conditions hold.

    ``containing``: the title or clean text holds any of these strings; ``source``: exactly
    this source (None: any); ``date_from``/``date_to``: an ISO date or its start (``2020``,
    ``2020-03``), both ends included, so documents without a date are left out once either is
    given; ``done``: only the documents whose review is done (True) or not done (False;
    None: any)."""

    containing: tuple[str, ...] = ()
    source: str | None = None
    date_from: str = ""
    date_to: str = ""
    done: bool | None = None

    @property
    def is_empty(self) -> bool:
        return not (
            self.containing
            or self.source is not None
            or self.date_from
            or self.date_to
            or self.done is not None
        )


@dataclass(frozen=True)
class ListOrder:
    """How the document list is sorted: by one of its columns (``title`` in natural order,
    ``date``, ``source``, ``script``, ``length``, ``status``, ``annotations``, ``id``), or by a
    document ``variable`` in natural order, documents without it last (by id). Ties by id, in
    the same direction."""

    column: str = "id"
    variable: str = ""
    descending: bool = False


@dataclass(frozen=True)
class Document:
    id: int
    title: str
    raw_text: str
    clean_text: str
    encoding: str
    script: str
    removed: tuple[Removal, ...]
    source: str
    date: str
    source_path: str
    metadata: dict[str, Any]
    text_sha256: str
    status: Status
    imported_at: str


@dataclass(frozen=True)
class Label:
    id: int
    name: str
    parent_id: int | None = None
    color: str = "#888888"
    description: str = ""
    shortcut: str = ""


@dataclass(frozen=True)
class Annotation:
    id: int
    document_id: int
    label_id: int
    label: str
    start: int
    end: int
    text: str
    note: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""
    note_title: str = ""  # the title of the tag's memo, whose text is the note (issue 20)


@dataclass(frozen=True, slots=True)
class Entity:
    type: str
    start: int
    end: int
    text: str
    origin: str = "pipeline"  # "pipeline" or "user" (a correction that survives re-analysis)


# What an entity correction does (the database's CHECK on entity_corrections.action agrees).
CORRECTION_ACTIONS = ("add", "remove")


@dataclass(frozen=True)
class EntityCorrection:
    """The user added (``"add"``) or removed (``"remove"``) an entity; survives re-analysis."""

    action: str
    entity: Entity
    annotator: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class ImportedAnnotation:
    """A tag read from an annotated set, ready to store: offsets into the document's clean text;
    empty times mean "now"."""

    label_id: int
    start: int
    end: int
    note: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""
    note_title: str = ""  # the title of the tag's memo (its note)
