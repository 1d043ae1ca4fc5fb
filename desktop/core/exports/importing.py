"""Reading annotated sets back: what every format's reader produces, and storing it.

A reader turns a file (or a brat folder) into an :class:`AnnotatedSet`: plain records with the
place each came from, plus the problems it met (a malformed line, a missing field). It never
touches the store. :func:`store_annotated_set` then checks every record (labels, spans against
their text, the script, the raw text against the clean one) and writes the whole set in one
transaction: documents are matched by their text's fingerprint, labels missing from the
project are added (and listed), and a tag already present is not added twice, so importing the
same set again changes nothing.

A record in a converted text (``conversion`` other than "none") whose source document is in
the project is put back on that document: the conversion is run again on the source's clean
text, must give exactly the record's text, and its alignment carries every span back. So a
converted export imported into the project it came from adds no documents.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core import textio
from desktop.core.analysis import convert_for_reading
from desktop.core.cleaning import without_spans
from desktop.core.conversion import UnknownConversion
from desktop.core.exports.fields import RecordedCorrection, label_path_problem
from desktop.core.exports.fields import recorded_span as recorded_span  # readers' import
from desktop.core.exports.selection import label_paths
from desktop.core.labels import LABEL_PATH_SEPARATOR, AttributeSpec, LabelScheme
from desktop.core.memos import MemoRecord
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import (
    Annotation,
    EntityCorrection,
    ImportedAnnotation,
    NewDocument,
    Removal,
    Status,
    text_sha256,
)
from desktop.core.offsets import OffsetMap
from desktop.core.safe_text import json_value_problem, text_problem
from desktop.core.script import Script, detect_script
from desktop.core.store import Store

NO_CONVERSION = ("", "none")
_SCRIPTS = frozenset(script.value for script in Script)


class UnreadableSet(ValueError):
    """A file or folder no reader can use at all; ``str(error)`` is a one-line reason."""


# A set file (JSON Lines, Label Studio JSON) holds many documents and is read whole: it may be
# this many times the document size limit (as a table may), and is refused from its size above.
SET_LIMIT_FACTOR = textio.MANY_DOCUMENTS_FACTOR


def read_set_file(path: Path) -> bytes:
    """A set file's bytes, refused (UnreadableSet) before reading when it is no regular file
    (a pipe would block) or larger than SET_LIMIT_FACTOR times the document size limit."""
    limit = textio.max_document_bytes() * SET_LIMIT_FACTOR
    try:
        return textio.read_regular_file(path, limit)
    except textio.UnreadableFile as error:
        size = path.stat().st_size if path.is_file() else 0
        if size > limit:  # the reason textio gives names the limit for one document
            raise UnreadableSet(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "{0}: {1} MB, above the limit of {2:g} MB for a set file ({3} times "
                    "the document limit; raise it with {4} or --max-document-mb); nothing "
                    "was read",
                ).format(
                    path.name,
                    _megabytes(size),
                    limit / textio.BYTES_PER_MB,
                    SET_LIMIT_FACTOR,
                    textio.MAX_DOCUMENT_MB_VARIABLE,
                )
            ) from error
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: {1}").format(path.name, error)
        ) from error


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
    note_title: str = ""  # the title of the tag's memo (its note)
    # A converted export's record of the tag's exact span in the source's clean text (where
    # the converted span, widened over a length-changing phrase, would map back wider).
    source_span: tuple[int, int] | None = None
    # False when the file cannot say who made the tag (Label Studio's JSON_MIN gives a user id
    # at most): then a tag with the same label and span by anyone is the same tag.
    annotator_known: bool = True


@dataclass
class LabelRecord:
    """A label a file declares (its codebook), so colours and hierarchy come along."""

    path: str
    color: str = ""
    description: str = ""  # the definition
    where: str = QT_TRANSLATE_NOOP("Exchange", "codebook")
    use_when: str = ""
    not_use_when: str = ""
    example: str = ""


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
    conversion: str = ""  # "" or "none": the text is a clean text; else the OpenCC config
    source_text_sha256: str = ""  # a converted text's source: the clean text's fingerprint
    memos: list[MemoRecord] = field(default_factory=list)  # on the document


@dataclass
class AnnotatedSet:
    path: Path
    format: str
    documents: list[DocumentRecord] = field(default_factory=list)
    labels: list[LabelRecord] = field(default_factory=list)
    scheme: LabelScheme | None = None  # a whole scheme the file brings (labels and attributes)
    attributes: list[AttributeSpec] = field(default_factory=list)  # declared without a scheme
    memos: list[MemoRecord] = field(default_factory=list)  # on the project and on labels
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
    differing: int = 0  # already present with another note or attributes, left as they are
    updated: int = 0  # already present with another note or attributes, given the set's
    corrections_added: int = 0
    memos_added: int = 0
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
        if self.differing:
            parts.append(
                f"{self.differing} tags already present with a different note/attributes "
                "(not changed)"
            )
        if self.updated:
            parts.append(
                f"{self.updated} tags already present updated with the set's note/attributes"
            )
        if self.corrections_added:
            parts.append(f"{self.corrections_added} entity corrections")
        if self.memos_added:
            parts.append(f"{self.memos_added} memos")
        if self.labels_added:
            parts.append(f"new labels: {', '.join(self.labels_added)}")
        if self.problems:
            parts.append(f"{len(self.problems)} refused")
        return f"{self.path.name} ({self.format}): " + ", ".join(parts)


def store_annotated_set(
    store: Store, annotated: AnnotatedSet, *, update_existing: bool = False
) -> ImportReport:
    """Write the set in one transaction; records that fail a check are reported, not stored.
    A tag already present (same label, span and annotator) whose note or attributes differ is
    counted and left as it is, or given the set's note and attributes with ``update_existing``."""
    report = ImportReport(
        annotated.path,
        annotated.format,
        problems=list(annotated.problems),
        skipped=list(annotated.skipped),
    )
    with store.transaction():
        if annotated.scheme is not None:
            report.labels_added += _install_scheme(store, annotated.scheme)
        attributes = _storable_attributes(annotated.attributes, report)
        if attributes:
            # Attributes the project already has keep their definition.
            store.install_scheme(LabelScheme("", (), attributes), rename=False)
        labels = _LabelResolver(store, report)
        for declared in annotated.labels:
            problem = label_path_problem(declared.path) or _label_record_problem(declared)
            if problem:
                report.problems.append(
                    Problem(
                        declared.where,
                        QT_TRANSLATE_NOOP("Exchange", "{0}; label left out").format(problem),
                    )
                )
            else:
                labels.declare(declared)
        for record in annotated.documents:
            _store_document(store, record, labels, report, update_existing)
        report.memos_added += store.add_imported_memos(
            memo.on(labels.declare(LabelRecord(memo.label_path)) if memo.label_path else None)
            for memo in annotated.memos
        )
    return report


# What a record may hold that the store cannot keep ---------------------------------------------

_DOCUMENT_STRINGS = (
    "title", "text_sha256", "script", "source", "date", "status", "encoding", "source_path",
    "conversion", "source_text_sha256",
)  # fmt: skip


def _storable(record: DocumentRecord, report: ImportReport) -> bool:
    """Checks every string and JSON value of the record (a lone surrogate or a NUL cannot be
    stored, deep nesting cannot be encoded). A bad text refuses the document; a bad field,
    tag or correction is left out with a problem. Returns whether the document goes on."""
    problem = text_problem(record.text) or _size_problem(record)
    if problem:
        report.problems.append(
            Problem(
                record.where,
                QT_TRANSLATE_NOOP("Exchange", "the text {0}; document refused").format(problem),
            )
        )
        return False
    for name in _DOCUMENT_STRINGS:
        problem = text_problem(getattr(record, name))
        if problem:
            setattr(record, name, "")
            report.problems.append(
                Problem(
                    record.where,
                    QT_TRANSLATE_NOOP("Exchange", "{0} {1}; left out").format(name, problem),
                )
            )
    if record.raw_text and (problem := _raw_text_problem(record)):
        record.raw_text, record.removed = "", ()
        report.problems.append(
            Problem(
                record.where,
                QT_TRANSLATE_NOOP("Exchange", "raw_text {0}; raw text dropped").format(problem),
            )
        )
    for key in list(record.metadata):
        problem = json_value_problem(key) or json_value_problem(record.metadata[key])
        if problem:
            del record.metadata[key]
            report.problems.append(
                Problem(
                    record.where,
                    QT_TRANSLATE_NOOP("Exchange", "metadata {0!r} {1}; left out").format(
                        key, problem
                    ),
                )
            )
    record.spans = [span for span in record.spans if _span_storable(span, report)]
    record.corrections = [c for c in record.corrections if _correction_storable(c, record, report)]
    return True


def _size_problem(record: DocumentRecord) -> str:
    """Why a record's text (or raw text) is too large to be one document; "" when it is not:
    a set file may hold twenty documents' worth, but no record more than one document."""
    limit = textio.max_document_bytes()
    size = max(_utf8_size(record.text, limit), _utf8_size(record.raw_text, limit))
    if size <= limit:
        return ""
    return QT_TRANSLATE_NOOP(
        "Exchange",
        "is {0} MB, above the limit of {1:g} MB for one document (raise it "
        "with {2} or --max-document-mb)",
    ).format(_megabytes(size), limit / textio.BYTES_PER_MB, textio.MAX_DOCUMENT_MB_VARIABLE)


def _utf8_size(text: str, limit: int) -> int:
    if len(text) * 4 <= limit:  # the usual case: below the limit whatever it holds
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def _megabytes(size: int) -> str:
    """A size in MB, to one decimal, or with the digits a size below 0.1 MB needs to show."""
    megabytes = size / textio.BYTES_PER_MB
    return f"{megabytes:,.1f}" if megabytes >= 0.1 else f"{megabytes:.2g}"


def _raw_text_problem(record: DocumentRecord) -> str:
    return text_problem(record.raw_text) or json_value_problem(
        [(removal.text, removal.kind) for removal in record.removed]
    )


def _span_storable(span: SpanRecord, report: ImportReport) -> bool:
    fields = {
        "label": span.label,
        "text": span.text or "",
        "note": span.note,
        "note_title": span.note_title,
        "annotator": span.annotator,
        "created_at": span.created_at,
        "updated_at": span.updated_at,
        "attributes": span.attributes,
    }
    if not json_value_problem(list(fields.values())):
        return True  # the usual case, in one walk
    for name, value in fields.items():
        problem = json_value_problem(value)
        if problem:
            report.problems.append(
                Problem(
                    span.where,
                    QT_TRANSLATE_NOOP("Exchange", "a tag's {0} {1}; tag refused").format(
                        name, problem
                    ),
                )
            )
            return False
    return True


def _correction_storable(
    correction: EntityCorrection, record: DocumentRecord, report: ImportReport
) -> bool:
    entity = correction.entity
    problem = json_value_problem(
        [entity.type, entity.text, correction.annotator, correction.created_at]
    )
    if problem:
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "an entity correction {0}; correction refused"
        ).format(problem)
        report.problems.append(Problem(record.where, reason))
    return not problem


def _storable_attributes(
    declared: list[AttributeSpec], report: ImportReport
) -> tuple[AttributeSpec, ...]:
    """The declared attributes whose texts the store can keep; the others are reported."""
    kept = []
    for spec in declared:
        problem = json_value_problem(
            [
                spec.name,
                spec.label,
                spec.kind,
                list(spec.values),
                spec.suggest_from,
                spec.description,
            ]
        )
        if problem:
            report.problems.append(
                Problem(
                    QT_TRANSLATE_NOOP("Exchange", "attributes"),
                    QT_TRANSLATE_NOOP("Exchange", "attribute {0!r} {1}; left out").format(
                        spec.name, problem
                    ),
                )
            )
        else:
            kept.append(spec)
    return tuple(kept)


def _label_record_problem(declared: LabelRecord) -> str:
    return json_value_problem([declared.path, declared.color, declared.description])


def _known_text(store: Store, record: DocumentRecord) -> bool:
    """Whether the record's text, or the source of its converted text, is in the project."""
    converted = record.conversion not in NO_CONVERSION and bool(record.source_text_sha256)
    if converted and store.document_id_for_text(record.source_text_sha256) is not None:
        return True
    return store.document_id_for_text(text_sha256(record.text)) is not None


def _normalise_line_ends(record: DocumentRecord) -> None:
    """\r\n and \r become \n, as in a plain text import (a clean text has \n line ends), with
    every offset carried along: a \r\n loses its \r, a lone \r is replaced in place. An
    offset between the \r and the \n of a pair goes to the \n (a start) or past it (an end),
    as the span's recorded text, normalised alike, then says."""
    text = record.text
    deleted = [i for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]

    def start(position: int) -> int:
        return position - bisect_left(deleted, position)

    def end(position: int) -> int:
        return position - bisect_left(deleted, position - 1)

    record.text = _unix_line_ends(text)
    if record.raw_text and not record.removed:  # with removals, the raw-text check decides
        record.raw_text = _unix_line_ends(record.raw_text)
    for span in record.spans:
        if 0 <= span.start < span.end <= len(text):  # the rest is refused later as it is
            span.start, span.end = start(span.start), end(span.end)
            span.text = None if span.text is None else _unix_line_ends(span.text)
    corrections = []
    for correction in record.corrections:
        entity = correction.entity
        if 0 <= entity.start < entity.end <= len(text):
            moved = replace(
                entity,
                start=start(entity.start),
                end=end(entity.end),
                text=_unix_line_ends(entity.text),
            )
            correction = replace(correction, entity=moved)
        corrections.append(correction)
    record.corrections = corrections


def _unix_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _install_scheme(store: Store, scheme: LabelScheme) -> list[str]:
    """Add the scheme's missing labels and attributes; returns the paths of labels added."""
    before = set(label_paths(store.labels()).values())
    # A set brought into a project with its own scheme adds to it without renaming it.
    store.install_scheme(scheme, rename=not before)
    return [path for path in label_paths(store.labels()).values() if path not in before]


@dataclass(frozen=True)
class _Placement:
    """The document a record's tags go to, and how the record's offsets reach its clean text:
    unchanged, or back through the conversion that made the record's text."""

    document_id: int
    conversion: OffsetMap | None = None  # the source's clean text -> the record's text
    new: bool = False  # added by this import: it has no tags yet

    def place(
        self, start: int, end: int, source_span: tuple[int, int] | None = None
    ) -> tuple[int, int]:
        """The span in the clean text. A converted record's ``source_span`` is taken when it
        is the one the record's span came from: mapping back alone would widen a tag whose
        end fell inside a phrase the conversion changed in length."""
        if self.conversion is None:
            return start, end
        if source_span is not None and self._came_from(source_span, start, end):
            return source_span
        return self.conversion.map_span_back(start, end)

    def _came_from(self, source_span: tuple[int, int], start: int, end: int) -> bool:
        assert self.conversion is not None
        first, last = source_span
        if not 0 <= first < last <= self.conversion.source_length:
            return False
        return self.conversion.map_span(first, last) == (start, end)


def _store_document(
    store: Store,
    record: DocumentRecord,
    labels: _LabelResolver,
    report: ImportReport,
    update_existing: bool,
) -> None:
    if not record.text:
        report.problems.append(
            Problem(
                record.where, QT_TRANSLATE_NOOP("Exchange", "the text is empty; document refused")
            )
        )
        return
    if not _storable(record, report):
        return
    if record.text_sha256 and record.text_sha256 != text_sha256(record.text):
        report.problems.append(
            Problem(
                record.where,
                QT_TRANSLATE_NOOP(
                    "Exchange", "the text does not match its text_sha256; document refused"
                ),
            )
        )
        return
    if "\r" in record.text and not _known_text(store, record):
        # A document already in the project keeps its text as it is; a new one gets \n.
        _normalise_line_ends(record)
    placement = _placement(store, record, report)
    if placement is None:
        return
    has_tags = record.spans and not placement.new
    present = _present(store, placement.document_id) if has_tags else {}
    tags = _tags(record, placement, labels, report, {key[:3] for key in present})
    added = store.add_imported_annotations(placement.document_id, tags)
    report.annotations_added += added
    report.duplicates += len(tags) - added
    _compare_details(store, tags, present, report, update_existing)
    corrections = _corrections(record, placement, report)
    report.corrections_added += store.add_imported_corrections(placement.document_id, corrections)
    report.memos_added += store.add_imported_memos(
        memo.on(placement.document_id) for memo in record.memos
    )


_TagKey = tuple[int, int, int, str]  # label, start, end, annotator: what makes a tag the same


def _present(store: Store, document_id: int) -> dict[_TagKey, Annotation]:
    """The document's tags before the import, by what makes an imported tag the same."""
    present: dict[_TagKey, Annotation] = {}
    for tag in store.annotations(document_id):
        present.setdefault((tag.label_id, tag.start, tag.end, tag.annotator), tag)
    return present


def _compare_details(
    store: Store,
    tags: list[ImportedAnnotation],
    present: dict[_TagKey, Annotation],
    report: ImportReport,
    update_existing: bool,
) -> None:
    """Counts (or, with ``update_existing``, updates) the tags already present whose note or
    attributes differ from the set's: a changed note must not vanish in "already present"."""
    for tag in tags:
        existing = present.pop((tag.label_id, tag.start, tag.end, tag.annotator), None)
        if existing is None or _details(existing) == _details(tag):
            continue
        if update_existing:
            store.update_annotation(
                existing.id, note=tag.note, attributes=tag.attributes, note_title=tag.note_title
            )
            report.updated += 1
        else:
            report.differing += 1


def _details(tag: Annotation | ImportedAnnotation) -> tuple[str, str, dict[str, Any]]:
    """What an import compares of a tag already present: its memo (note and title) and
    attributes."""
    return tag.note, tag.note_title, tag.attributes


def _tags(
    record: DocumentRecord,
    placement: _Placement,
    labels: _LabelResolver,
    report: ImportReport,
    present_spans: set[tuple[int, int, int]],
) -> list[ImportedAnnotation]:
    """The record's tags to store; one whose annotator the file cannot tell is a duplicate
    when the document has the same label and span by anyone (``present_spans``)."""
    tags: list[ImportedAnnotation] = []
    for span in record.spans:
        if not _label_fits(span, report):
            continue
        placed = _placed(
            record.text,
            placement,
            span.start,
            span.end,
            span.text,
            span.where,
            report,
            span.source_span,
        )
        if placed is None:
            continue
        label_id = labels.resolve(span.label)
        if not span.annotator_known and (label_id, *placed) in present_spans:
            report.duplicates += 1
            continue
        tags.append(
            ImportedAnnotation(
                label_id,
                *placed,
                span.note,
                span.attributes,
                span.annotator,
                span.created_at,
                span.updated_at,
                span.note_title,
            )
        )
    return tags


def _corrections(
    record: DocumentRecord, placement: _Placement, report: ImportReport
) -> list[EntityCorrection]:
    corrections: list[EntityCorrection] = []
    for correction in record.corrections:
        entity = correction.entity
        # An empty recorded text is no claim (a file that left it out), not a mismatch.
        recorded = entity.text or None
        # A converted export's exact span in the source, as for tags (see _Placement.place).
        exact = correction.source_span if isinstance(correction, RecordedCorrection) else None
        placed = _placed(
            record.text, placement, entity.start, entity.end, recorded, record.where, report, exact
        )
        if placed is not None:
            start, end = placed
            moved = replace(entity, start=start, end=end)
            corrections.append(
                EntityCorrection(
                    correction.action, moved, correction.annotator, correction.created_at
                )
            )
    return corrections


def _placement(store: Store, record: DocumentRecord, report: ImportReport) -> _Placement | None:
    """Where the record goes: its converted text's source document, the document with its
    text, or a new document. None (and a problem) when it is refused."""
    source_id = None
    if record.conversion not in NO_CONVERSION and record.source_text_sha256:
        source_id = store.document_id_for_text(record.source_text_sha256)
    if source_id is not None:
        placement = _back_on_source(store, source_id, record, report)
        if placement is not None:
            report.documents_matched += 1
        return placement
    document_id = store.document_id_for_text(text_sha256(record.text))
    if document_id is not None:
        report.documents_matched += 1
        return _Placement(document_id)
    document_id = store.add_document(_new_document(record, report))
    assert document_id is not None  # the fingerprint was not stored a moment ago
    report.documents_added += 1
    if record.status in {status.value for status in Status}:
        store.set_status(document_id, Status(record.status))
    return _Placement(document_id, new=True)


def _back_on_source(
    store: Store, source_id: int, record: DocumentRecord, report: ImportReport
) -> _Placement | None:
    """The source document, with the alignment of its conversion, when converting its clean
    text again gives exactly the record's text (the same OpenCC and the same guard)."""
    source = store.document(source_id)
    script = Script(_script(source.script, source.clean_text))
    try:
        conversion, _notice = convert_for_reading(source.clean_text, script, record.conversion)
    except UnknownConversion as error:
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "{0}, so the text cannot be checked against its source; document refused"
        ).format(error)
        report.problems.append(Problem(record.where, reason))
        return None
    if conversion.text != record.text:
        reason = QT_TRANSLATE_NOOP(
            "Exchange",
            "the conversion of the source document gives a different text; document refused",
        )
        report.problems.append(Problem(record.where, reason))
        return None
    return _Placement(source_id, conversion.alignment)


def _label_fits(span: SpanRecord, report: ImportReport) -> bool:
    problem = label_path_problem(span.label)
    if problem:
        report.problems.append(
            Problem(span.where, QT_TRANSLATE_NOOP("Exchange", "{0}; tag refused").format(problem))
        )
    return not problem


def _placed(
    text: str,
    placement: _Placement,
    start: int,
    end: int,
    recorded: str | None,
    where: str,
    report: ImportReport,
    source_span: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """The span in the target document's clean text, once it is checked against the record's
    own text; None (and a problem) when it does not fit."""
    if not _span_fits(text, start, end, recorded, where, report):
        return None
    placed = placement.place(start, end, source_span)
    if placed[0] >= placed[1]:  # only characters the conversion added
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "span {0}-{1} has no counterpart in the source document's text"
        ).format(start, end)
        report.problems.append(Problem(where, reason))
        return None
    return placed


def _span_fits(
    text: str, start: int, end: int, recorded: str | None, where: str, report: ImportReport
) -> bool:
    if start > end:
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "span {0}-{1} is reversed (it ends before it starts)"
        ).format(start, end)
    elif start == end:
        reason = QT_TRANSLATE_NOOP("Exchange", "span {0}-{1} is empty").format(start, end)
    elif not 0 <= start < end <= len(text):
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "span {0}-{1} is outside the text ({2} characters)"
        ).format(start, end, len(text))
    elif recorded is not None and recorded != text[start:end]:
        reason = QT_TRANSLATE_NOOP("Exchange", "span {0}-{1} covers {2!r}, not {3!r}").format(
            start, end, text[start:end], recorded
        )
    else:
        return True
    report.problems.append(Problem(where, reason))
    return False


def _new_document(record: DocumentRecord, report: ImportReport) -> NewDocument:
    raw_text, removed = _checked_raw_text(record, report)
    return NewDocument(
        title=record.title or _first_line(record.text),
        raw_text=raw_text,
        clean_text=record.text,
        encoding=record.encoding,
        # A script the window and the exports do not know ("Simplified") breaks them later.
        script=_script(record.script, record.text),
        removed=removed,
        source=record.source,
        date=record.date,
        source_path=record.source_path,
        metadata=record.metadata,
    )


def _script(claimed: str, text: str) -> str:
    return claimed if claimed in _SCRIPTS else detect_script(text).script.value


def _checked_raw_text(
    record: DocumentRecord, report: ImportReport
) -> tuple[str, tuple[Removal, ...]]:
    """The record's raw text and removals when deleting the removals from it gives exactly
    the clean text (the window maps between the two with them); else the clean text alone."""
    if not record.raw_text:
        return record.text, ()
    raw = record.raw_text
    spans = [(removal.start, removal.end) for removal in record.removed]
    try:
        OffsetMap.from_deletions(len(raw), spans)
    except ValueError:
        reason = QT_TRANSLATE_NOOP("Exchange", "its removed spans overlap or fall outside raw_text")
    else:
        if without_spans(raw, spans) == record.text:
            # The removed text is what the raw text holds there, whatever the file said.
            return raw, tuple(
                Removal(r.start, r.end, raw[r.start : r.end], r.kind) for r in record.removed
            )
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "deleting its removed spans from raw_text does not give the text"
        )
    report.problems.append(
        Problem(
            record.where,
            QT_TRANSLATE_NOOP("Exchange", "{0}; raw text dropped, document kept").format(reason),
        )
    )
    return record.text, ()


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
        labels = store.labels()
        paths = label_paths(labels)
        self.by_path: dict[str, int] = {path: label_id for label_id, path in paths.items()}
        self.by_name: dict[str, int] = {}
        for label in labels:
            self.by_name.setdefault(label.name, label.id)

    def declare(self, declared: LabelRecord) -> int:
        existing = self.by_path.get(declared.path)
        if existing is not None:
            return existing
        return self._add(declared.path, declared.color, declared.description, declared)

    def resolve(self, name_or_path: str) -> int:
        found = self.by_path.get(name_or_path)
        if found is None and LABEL_PATH_SEPARATOR not in name_or_path:
            found = self.by_name.get(name_or_path)
        return found if found is not None else self._add(name_or_path, "", "")

    def _add(
        self, path: str, color: str, description: str, declared: LabelRecord | None = None
    ) -> int:
        parent_path, _, name = path.rpartition(LABEL_PATH_SEPARATOR)
        parent_id = self.resolve(parent_path) if parent_path else None
        label = self.store.add_label(
            name, parent_id=parent_id, color=color or "#8d99ae", description=description
        )
        if declared is not None and (
            declared.use_when or declared.not_use_when or declared.example
        ):
            self.store.set_codebook_entry(
                label.id,
                use_when=declared.use_when,
                not_use_when=declared.not_use_when,
                example=declared.example,
            )
        self.by_path[path] = label.id
        self.by_name.setdefault(name, label.id)
        self.report.labels_added.append(path)
        return label.id
