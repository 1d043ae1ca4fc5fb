"""Reading annotated sets back: what every format's reader produces, and storing it.

A reader turns a file (or a brat folder) into an :class:`AnnotatedSet`: plain records with the
place each came from, plus the problems it met (a malformed line, a missing field). It never
touches the store. :func:`store_annotated_set` then checks every span against its text and
writes the whole set in one transaction: documents are matched by their text's fingerprint,
labels missing from the project are added (and listed), and a tag already present is not
added twice, so importing the same set again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.exports.selection import label_paths
from desktop.core.labels import AttributeSpec, LabelScheme
from desktop.core.model import (
    EntityCorrection,
    ImportedAnnotation,
    NewDocument,
    Removal,
    Status,
    text_sha256,
)
from desktop.core.script import detect_script
from desktop.core.store import Store

LABEL_PATH_SEPARATOR = "/"


class UnreadableSet(ValueError):
    """A file or folder no reader can use at all; ``str(error)`` is a one-line reason."""


@dataclass(frozen=True)
class Problem:
    where: str  # "line 3", "0001.ann line 4", "task 2"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class SpanRecord:
    """A tag as a file gives it: ``label`` is a name or a path ("Support measures/Labour")."""

    label: str
    start: int
    end: int
    where: str
    text: str | None = None  # the text the file says the span covers, checked when given
    note: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    annotator: str = ""
    created_at: str = ""
    updated_at: str = ""


@dataclass
class LabelRecord:
    """A label a file declares (its codebook), so colours and hierarchy come along."""

    path: str
    color: str = ""
    description: str = ""


@dataclass
class DocumentRecord:
    text: str
    where: str
    title: str = ""
    spans: list[SpanRecord] = field(default_factory=list)
    corrections: list[EntityCorrection] = field(default_factory=list)
    text_sha256: str = ""  # the fingerprint the file claims for its text, checked when given
    script: str = ""  # detected when empty
    source: str = ""
    date: str = ""
    status: str = ""
    encoding: str = "utf-8"
    source_path: str = ""
    raw_text: str = ""  # empty: the text itself
    removed: tuple[Removal, ...] = ()
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class AnnotatedSet:
    path: Path
    format: str
    documents: list[DocumentRecord] = field(default_factory=list)
    labels: list[LabelRecord] = field(default_factory=list)
    scheme: LabelScheme | None = None  # a whole scheme the file brings (labels and attributes)
    attributes: list[AttributeSpec] = field(default_factory=list)  # declared without a scheme
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was read but is not imported


@dataclass
class ImportReport:
    path: Path
    format: str
    documents_added: int = 0
    documents_matched: int = 0
    annotations_added: int = 0
    duplicates: int = 0
    corrections_added: int = 0
    labels_added: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [
            f"{self.documents_added} new documents",
            f"{self.documents_matched} already in the project",
            f"{self.annotations_added} tags added",
        ]
        if self.duplicates:
            parts.append(f"{self.duplicates} already present")
        if self.corrections_added:
            parts.append(f"{self.corrections_added} entity corrections")
        if self.labels_added:
            parts.append(f"new labels: {', '.join(self.labels_added)}")
        if self.problems:
            parts.append(f"{len(self.problems)} refused")
        return f"{self.path.name} ({self.format}): " + ", ".join(parts)


def store_annotated_set(store: Store, annotated: AnnotatedSet) -> ImportReport:
    """Write the set in one transaction; records that fail a check are reported, not stored."""
    report = ImportReport(
        annotated.path,
        annotated.format,
        problems=list(annotated.problems),
        skipped=list(annotated.skipped),
    )
    with store.transaction():
        if annotated.scheme is not None:
            report.labels_added += _install_scheme(store, annotated.scheme)
        if annotated.attributes:
            # Attributes the project already has keep their definition.
            store.install_scheme(LabelScheme("", (), tuple(annotated.attributes)), rename=False)
        labels = _LabelResolver(store, report)
        for declared in annotated.labels:
            labels.declare(declared)
        for record in annotated.documents:
            _store_document(store, record, labels, report)
    return report


def _install_scheme(store: Store, scheme: LabelScheme) -> list[str]:
    """Add the scheme's missing labels and attributes; returns the paths of labels added."""
    before = set(label_paths(store.labels()).values())
    # A set brought into a project with its own scheme adds to it without renaming it.
    store.install_scheme(scheme, rename=not before)
    return [path for path in label_paths(store.labels()).values() if path not in before]


def _store_document(
    store: Store, record: DocumentRecord, labels: _LabelResolver, report: ImportReport
) -> None:
    text = record.text
    fingerprint = text_sha256(text)
    if record.text_sha256 and record.text_sha256 != fingerprint:
        report.problems.append(
            Problem(record.where, "the text does not match its text_sha256; document refused")
        )
        return
    document_id = store.document_id_for_text(fingerprint)
    if document_id is None:
        document_id = store.add_document(_new_document(record))
        assert document_id is not None  # the fingerprint was not stored a moment ago
        report.documents_added += 1
        if record.status in {status.value for status in Status}:
            store.set_status(document_id, Status(record.status))
    else:
        report.documents_matched += 1
    tags = [
        ImportedAnnotation(
            labels.resolve(span.label),
            span.start,
            span.end,
            span.note,
            span.attributes,
            span.annotator,
            span.created_at,
            span.updated_at,
        )
        for span in record.spans
        if _span_fits(text, span.start, span.end, span.text, span.where, report)
    ]
    added = store.add_imported_annotations(document_id, tags)
    report.annotations_added += added
    report.duplicates += len(tags) - added
    corrections = [
        c
        for c in record.corrections
        if _span_fits(text, c.entity.start, c.entity.end, c.entity.text, record.where, report)
    ]
    report.corrections_added += store.add_imported_corrections(document_id, corrections)


def _span_fits(
    text: str, start: int, end: int, recorded: str | None, where: str, report: ImportReport
) -> bool:
    if not 0 <= start < end <= len(text):
        reason = f"span {start}-{end} is outside the text ({len(text)} characters)"
    elif recorded is not None and recorded != text[start:end]:
        reason = f"span {start}-{end} covers {text[start:end]!r}, not {recorded!r}"
    else:
        return True
    report.problems.append(Problem(where, reason))
    return False


def _new_document(record: DocumentRecord) -> NewDocument:
    return NewDocument(
        title=record.title or _first_line(record.text),
        raw_text=record.raw_text or record.text,
        clean_text=record.text,
        encoding=record.encoding,
        script=record.script or detect_script(record.text).script.value,
        removed=record.removed if record.raw_text else (),
        source=record.source,
        date=record.date,
        source_path=record.source_path,
        metadata=record.metadata,
    )


def _first_line(text: str, limit: int = 30) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:limit]
    return "untitled"


class _LabelResolver:
    """Label names and paths to ids, adding what the project lacks (and noting it)."""

    def __init__(self, store: Store, report: ImportReport) -> None:
        self.store = store
        self.report = report
        self.by_path: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        labels = store.labels()
        by_id = {label.id: label for label in labels}
        for label in labels:
            names = [label.name]
            parent = label.parent_id
            while parent is not None and parent in by_id:
                names.insert(0, by_id[parent].name)
                parent = by_id[parent].parent_id
            self.by_path[LABEL_PATH_SEPARATOR.join(names)] = label.id
            self.by_name.setdefault(label.name, label.id)

    def declare(self, declared: LabelRecord) -> int:
        existing = self.by_path.get(declared.path)
        if existing is not None:
            return existing
        return self._add(declared.path, declared.color, declared.description)

    def resolve(self, name_or_path: str) -> int:
        found = self.by_path.get(name_or_path)
        if found is None and LABEL_PATH_SEPARATOR not in name_or_path:
            found = self.by_name.get(name_or_path)
        return found if found is not None else self._add(name_or_path, "", "")

    def _add(self, path: str, color: str, description: str) -> int:
        parent_path, _, name = path.rpartition(LABEL_PATH_SEPARATOR)
        parent_id = self.resolve(parent_path) if parent_path else None
        label = self.store.add_label(
            name, parent_id=parent_id, color=color or "#8d99ae", description=description
        )
        self.by_path[path] = label.id
        self.by_name.setdefault(name, label.id)
        self.report.labels_added.append(path)
        return label.id
