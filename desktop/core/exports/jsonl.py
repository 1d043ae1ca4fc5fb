"""JSON Lines, one document per line: doccano-compatible and lossless for Jiyao.

doccano reads ``text`` and ``label`` (``[[start, end, label], ...]``); the other fields carry
everything else Jiyao knows about the document, with offsets in code points (Python's and
doccano's convention; not UTF-16 as in JavaScript tools). The label scheme (hierarchy, colours,
keys, attributes) cannot go on a document's line without breaking doccano, so it goes beside
the file as ``<name>.scheme.json``; the reader uses it when it is there.

A line in a converted text (``conversion`` other than "none") carries the clean text's
``source_text_sha256``, so a set imported back into its project lands on the documents it came
from (see :mod:`desktop.core.exports.importing`).

The reader takes our lines, doccano's sequence-labelling lines (``label`` triples, or
``entities`` with ``start_offset``/``end_offset``) and doccano's relation export; document-level
classification labels have no span and are listed as skipped. A line with both ``label`` and
our ``annotations`` came back from doccano, which carries ``annotations`` through unchanged:
``label`` is what the user edited, so it decides which tags there are, and ``annotations`` only
gives the tags it still has their notes, attributes and annotators.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.fields import (
    MALFORMED,
    BadField,
    as_dict,
    as_list,
    as_string,
    correction_from_json,
    correction_to_json,
    dict_field,
    each,
    label,
    list_field,
    offset,
    offsets,
    reason,
)
from desktop.core.exports.importing import (
    AnnotatedSet,
    DocumentRecord,
    Problem,
    SpanRecord,
    UnreadableSet,
    read_set_file,
    recorded_span,
)
from desktop.core.exports.output import atomic_text_file
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.labels import BadScheme, load_scheme, scheme_to_json
from desktop.core.memos import MemoRecord, memo_record
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.model import Annotation, Removal
from desktop.core.safe_text import UnusableJson, json_list_items, load_json

FORMAT = "jsonl"


def scheme_path(target: Path) -> Path:
    return target.with_name(target.stem + ".scheme.json")


def write_jsonl(documents: Iterable[ExportDocument], codebook: Codebook, target: Path) -> int:
    """The JSONL file and its scheme beside it; returns the number of tags written."""
    with atomic_text_file(target) as out:
        count = write_jsonl_lines(documents, codebook, out)
    with atomic_text_file(scheme_path(target)) as out:
        out.write(json.dumps(scheme_to_json(codebook.scheme), ensure_ascii=False, indent=2))
    return count


def write_jsonl_lines(documents: Iterable[ExportDocument], codebook: Codebook, out: IO[str]) -> int:
    count = 0
    for document in documents:
        out.write(json.dumps(document_record(document, codebook), ensure_ascii=False) + "\n")
        count += len(document.annotations)
    return count


def _annotation_json(
    a: Annotation, source_span: tuple[int, int] | None, codebook: Codebook
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": a.id,
        "label": a.label,
        "label_path": codebook.path(a),
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "note": a.note,
        "note_title": a.note_title,
        "attributes": a.attributes,
        "annotator": a.annotator,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
    }
    if source_span is not None:  # the exact span in the clean text (see ExportDocument)
        item["source_span"] = list(source_span)
    return item


def document_record(exported: ExportDocument, codebook: Codebook) -> dict[str, Any]:
    document = exported.document
    record: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
        "text": exported.text,
        "label": [[a.start, a.end, a.label] for a in exported.annotations],
        "script": exported.script,
        "source": document.source,
        "date": document.date,
        "status": document.status.value,
        "encoding": document.encoding,
        "source_path": document.source_path,
        "text_sha256": exported.text_sha256,
        "offsets": OFFSET_CONVENTION,
        "conversion": exported.conversion,
        "annotations": [
            _annotation_json(a, source_span, codebook)
            for a, source_span in exported.annotations_with_source_spans()
        ],
        "entity_corrections": [
            correction_to_json(c, span) for c, span in exported.corrections_with_source_spans()
        ],
        "metadata": document.metadata,
    }
    if exported.memos:
        record["memos"] = [
            {key: value for key, value in memo_record(memo, {}).items() if key in _MEMO_FIELDS}
            for memo in exported.memos
        ]
    if exported.entities:
        record["entities"] = [
            {"type": e.type, "start": e.start, "end": e.end, "text": e.text, "origin": e.origin}
            for e in exported.entities
        ]
    if exported.conversion == "none" and document.raw_text != document.clean_text:
        record["raw_text"] = document.raw_text
        record["removed"] = [[r.start, r.end, r.kind] for r in document.removed]
    else:
        record["source_text_sha256"] = document.text_sha256
    return record


# Reading ------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> AnnotatedSet:
    annotated = AnnotatedSet(path, FORMAT)
    data = read_set_file(path)
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: cannot be read as UTF-8 ({1})").format(
                path.name, error
            )
        ) from error
    classification = relations = 0
    for where, item in _records(content):
        record, skipped = _read_record(item, where, annotated.problems)
        if record is not None:
            annotated.documents.append(record)
            classification += skipped
            relations += len(as_list(item.get("relations")))
    if not annotated.documents and annotated.problems:
        # Every line was refused (a blank file is merely empty): not JSONL at all.
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: no line is a document ({1})").format(
                path.name, annotated.problems[0]
            )
        )
    if classification:
        annotated.skipped.append(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0} document-level labels (doccano classification) have no span"
            ).format(classification)
        )
    if relations:
        annotated.skipped.append(
            QT_TRANSLATE_NOOP("Exchange", "{0} relations (doccano; Jiyao has no relations)").format(
                relations
            )
        )
    scheme_file = scheme_path(path)
    if scheme_file.exists():
        try:
            annotated.scheme = load_scheme(scheme_file)
        except BadScheme as error:
            annotated.problems.append(Problem(scheme_file.name, message_of(error)))
    return annotated


def _records(content: str) -> Iterator[tuple[str, Any]]:
    """Each record's place and its JSON (an UnusableJson when it cannot be read): one a line,
    or the items of a JSON list (a set saved as .json by hand or by doccano)."""
    if content.lstrip().startswith("["):
        try:
            items = load_json(content)
        except UnusableJson as error:
            items = json_list_items(content)
            if items is None:
                yield "file", error
                return
        if isinstance(items, list):
            yield from ((f"record {number}", item) for number, item in enumerate(items, 1))
            return
    # JSON Lines break at \n only (a \r before it is tolerated): str.splitlines() would also
    # break at U+2028, U+2029 and U+0085, which json.dumps leaves unescaped inside a text.
    for number, line in enumerate(content.split("\n"), start=1):
        if line.strip():
            yield (
                QT_TRANSLATE_NOOP("Exchange", "line {0}").format(number),
                _parsed(line.removesuffix("\r")),
            )


def _parsed(line: str) -> Any:
    try:
        return load_json(line)
    except UnusableJson as error:
        return error


def _read_record(
    data: Any, where: str, problems: list[Problem]
) -> tuple[DocumentRecord | None, int]:
    """One record's document and its count of classification labels; (None, 0) and a problem
    when the record is refused. A bad tag or correction is a problem of its own, not the
    record's."""
    try:
        if isinstance(data, UnusableJson):
            raise BadField(str(data))
        if not isinstance(data, dict):
            raise BadField(QT_TRANSLATE_NOOP("Exchange", "a record is a JSON object"))
        return _document_from(data, _Line(where, problems))
    except MALFORMED as error:
        problems.append(Problem(where, reason(error)))
        return None, 0


@dataclass(frozen=True)
class _Line:
    where: str
    problems: list[Problem]

    def bad(self, what: str) -> Callable[[int, str], None]:
        """Reports the refused items of a list field ("annotation 2: ...")."""
        return lambda number, why: self.problems.append(
            Problem(
                self.where, QT_TRANSLATE_NOOP("Exchange", "{0} {1}: {2}").format(what, number, why)
            )
        )

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        """A list field; another type is a problem and counts as empty."""
        value = data.get(key)
        if value is None or isinstance(value, list):
            return value or []
        self.problems.append(
            Problem(
                self.where,
                QT_TRANSLATE_NOOP("Exchange", "{0!r} must be a list; left out").format(key),
            )
        )
        return []


def _document_from(data: dict[str, Any], line: _Line) -> tuple[DocumentRecord, int]:
    text = data["text"]
    if not isinstance(text, str) or not text:
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "the text is missing or empty"))
    record = DocumentRecord(
        text=text,
        where=line.where,
        title=as_string(data.get("title")),
        text_sha256=as_string(data.get("text_sha256")),
        script=as_string(data.get("script")),
        source=as_string(data.get("source")),
        date=as_string(data.get("date")),
        status=as_string(data.get("status")),
        encoding=as_string(data.get("encoding")) or "utf-8",
        source_path=as_string(data.get("source_path")),
        metadata=_metadata(data),
        conversion=as_string(data.get("conversion")),
        source_text_sha256=as_string(data.get("source_text_sha256")),
    )
    _read_raw_text(data, record, line)
    skipped = 0
    if isinstance(data.get("label"), list) and "annotations" in data:
        record.spans, skipped = _label_with_our_details(data, line)
    elif "annotations" in data:
        parse_ours = partial(_our_span, where=line.where)
        record.spans = each(line.items(data, "annotations"), parse_ours, line.bad("annotation"))
    elif _is_doccano(data):
        parse_entity = partial(_doccano_entity, where=line.where)
        record.spans = each(line.items(data, "entities"), parse_entity, line.bad("entity"))
    else:
        parse_label = partial(_doccano_label, where=line.where)
        labels = each(line.items(data, "label"), parse_label, line.bad("label"))
        record.spans = [span for span in labels if span is not None]
        skipped = len(labels) - len(record.spans)
    corrections = line.items(data, "entity_corrections")
    record.corrections = each(corrections, correction_from_json, line.bad("entity correction"))
    record.memos = each(line.items(data, "memos"), _memo, line.bad("memo"))
    return record, skipped


# What a document's memo carries in its record (the document is the line's).
_MEMO_FIELDS = ("title", "text", "author", "created", "modified")


def _memo(item: object) -> MemoRecord:
    data = as_dict(item)
    text = as_string(data.get("text"))
    if not text.strip():
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "the memo's text is empty"))
    fields = {key: as_string(data.get(key)) for key in _MEMO_FIELDS if key != "text"}
    return MemoRecord("document", text, **fields)


def _label_with_our_details(data: dict[str, Any], line: _Line) -> tuple[list[SpanRecord], int]:
    """The tags of a line that has both columns: ``label`` is what a person edited (in doccano,
    which carries our ``annotations`` through unchanged), so it is the truth; an ``annotations``
    entry with the same span and label gives its tag the path, note, attributes, annotator and
    times, and an entry ``label`` no longer has is reported, not imported."""
    parse_label = partial(_doccano_label, where=line.where)
    labels = each(line.items(data, "label"), parse_label, line.bad("label"))
    parse_ours = partial(_our_span, where=line.where)
    ours = each(line.items(data, "annotations"), parse_ours, line.bad("annotation"))
    waiting: dict[tuple[int, int, str], list[SpanRecord]] = {}
    for span, name in zip(ours, _annotation_names(data), strict=False):
        waiting.setdefault((span.start, span.end, name), []).append(span)
        if span.label != name:  # the path, when the entry has one
            waiting.setdefault((span.start, span.end, span.label), []).append(span)
    spans: list[SpanRecord] = []
    used: set[int] = set()
    for triple in labels:
        if triple is None:
            continue
        candidates = waiting.get((triple.start, triple.end, triple.label), [])
        match = next((span for span in candidates if id(span) not in used), None)
        if match is None:
            spans.append(triple)  # added in doccano
        else:
            used.add(id(match))
            spans.append(match)
    left_out = sum(1 for span in ours if id(span) not in used)
    if left_out:
        why = QT_TRANSLATE_NOOP(
            "Exchange",
            "{0} tags in 'annotations' are no longer in 'label' (deleted or "
            "changed in doccano?); left out",
        ).format(left_out)
        line.problems.append(Problem(line.where, why))
    return spans, sum(1 for triple in labels if triple is None)


def _annotation_names(data: dict[str, Any]) -> Iterator[str]:
    """Each well-formed ``annotations`` entry's plain label name, in the order they parse."""
    for item in data.get("annotations") or []:
        try:
            _our_span(item, "")
        except MALFORMED:
            continue
        yield as_string(item.get("label"))


def _read_raw_text(data: dict[str, Any], record: DocumentRecord, line: _Line) -> None:
    """The raw text and its removals; a malformed removal drops them both (the import checks
    that the removals turn the raw text into the text)."""
    raw = data.get("raw_text")
    if not isinstance(raw, str):
        return
    try:
        removed = tuple(_removal(item, raw) for item in list_field(data.get("removed"), "removed"))
    except MALFORMED as error:
        why = QT_TRANSLATE_NOOP("Exchange", "removed: {0}; raw text dropped, document kept").format(
            reason(error)
        )
        line.problems.append(Problem(line.where, why))
        return
    record.raw_text, record.removed = raw, removed


def _removal(item: object, raw: str) -> Removal:
    if not isinstance(item, list) or len(item) != 3 or not isinstance(item[2], str):
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "a removal is [start, end, kind], not {0}").format(
                json.dumps(item)[:40]
            )
        )
    start, end, kind = offset(item[0]), offset(item[1]), item[2]
    return Removal(start, end, raw[start:end], kind)


def _is_doccano(data: dict[str, Any]) -> bool:
    """doccano's relation export has entities with start_offset; ours has a typed layer."""
    entities = data.get("entities")
    return isinstance(entities, list) and any(
        isinstance(e, dict) and "start_offset" in e for e in entities
    )


def _our_span(item: object, where: str) -> SpanRecord:
    if not isinstance(item, dict):
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "an annotation is a JSON object, not {0}").format(
                json.dumps(item)[:40]
            )
        )
    start, end = offsets(item)
    recorded = item.get("text")
    return SpanRecord(
        label=label(item.get("label_path") or item.get("label")),
        start=start,
        end=end,
        where=where,
        text=recorded if isinstance(recorded, str) else None,
        note=as_string(item.get("note")),
        note_title=as_string(item.get("note_title")),
        attributes=dict_field(item.get("attributes"), "attributes"),
        annotator=as_string(item.get("annotator")),
        created_at=as_string(item.get("created_at")),
        updated_at=as_string(item.get("updated_at")),
        source_span=recorded_span(item.get("source_span")),
    )


def _doccano_label(item: object, where: str) -> SpanRecord | None:
    """A ``[start, end, label]`` triple; None for a document-level (classification) label."""
    if isinstance(item, str):
        return None
    if not isinstance(item, list) or len(item) != 3:
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "a label is [start, end, label], not {0}").format(
                json.dumps(item)[:40]
            )
        )
    start, end, name = item
    return SpanRecord(label(name), offset(start), offset(end), where)


def _doccano_entity(item: object, where: str) -> SpanRecord:
    if not isinstance(item, dict):
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "an entity is a JSON object, not {0}").format(
                json.dumps(item)[:40]
            )
        )
    start, end = offsets(item, "start_offset", "end_offset")
    return SpanRecord(label(item.get("label")), start, end, where)


_KNOWN_FIELDS = {
    "id", "title", "text", "label", "script", "source", "date", "status", "encoding",
    "source_path", "text_sha256", "offsets", "conversion", "annotations", "entity_corrections",
    "entities", "raw_text", "removed", "source_text_sha256", "metadata", "relations", "memos",
}  # fmt: skip


def _metadata(data: dict[str, Any]) -> dict[str, Any]:
    """Our metadata, plus any fields another tool added (doccano keeps extra columns)."""
    metadata = dict(as_dict(data.get("metadata")))
    metadata.update({k: v for k, v in data.items() if k not in _KNOWN_FIELDS})
    return metadata
