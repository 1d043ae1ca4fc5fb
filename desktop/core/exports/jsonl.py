"""JSON Lines, one document per line: doccano-compatible and lossless for Jiyao.

doccano reads ``text`` and ``label`` (``[[start, end, label], ...]``); the other fields carry
everything else Jiyao knows about the document, with offsets in code points (Python's and
doccano's convention; not UTF-16 as in JavaScript tools). The label scheme (hierarchy, colours,
keys, attributes) cannot go on a document's line without breaking doccano, so it goes beside
the file as ``<name>.scheme.json``; the reader uses it when it is there.

The reader takes our lines, doccano's sequence-labelling lines (``label`` triples, or
``entities`` with ``start_offset``/``end_offset``) and doccano's relation export; document-level
classification labels have no span and are listed as skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.importing import (
    AnnotatedSet,
    DocumentRecord,
    Problem,
    SpanRecord,
    UnreadableSet,
)
from desktop.core.exports.output import atomic_text_file
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.labels import BadScheme, load_scheme, scheme_to_json
from desktop.core.model import Entity, EntityCorrection, Removal

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


def document_record(exported: ExportDocument, codebook: Codebook) -> dict[str, Any]:
    document = exported.document
    record: dict[str, Any] = {
        "id": document.id,
        "title": document.title,
        "text": exported.text,
        "label": [[a.start, a.end, a.label] for a in exported.annotations],
        "script": document.script,
        "source": document.source,
        "date": document.date,
        "status": document.status.value,
        "encoding": document.encoding,
        "source_path": document.source_path,
        "text_sha256": exported.text_sha256,
        "offsets": OFFSET_CONVENTION,
        "conversion": exported.conversion,
        "annotations": [
            {
                "id": a.id,
                "label": a.label,
                "label_path": codebook.path(a),
                "start": a.start,
                "end": a.end,
                "text": a.text,
                "note": a.note,
                "attributes": a.attributes,
                "annotator": a.annotator,
                "created_at": a.created_at,
                "updated_at": a.updated_at,
            }
            for a in exported.annotations
        ],
        "entity_corrections": [
            {
                "action": c.action,
                "type": c.entity.type,
                "start": c.entity.start,
                "end": c.entity.end,
                "text": c.entity.text,
                "annotator": c.annotator,
                "created_at": c.created_at,
            }
            for c in exported.corrections
        ],
        "metadata": document.metadata,
    }
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
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableSet(f"{path.name}: cannot be read as UTF-8 ({error})") from error
    classification = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            data = json.loads(line)
            if not isinstance(data, dict):
                raise ValueError("a line is a JSON object")
            record, skipped = _document_from(data, where)
        except json.JSONDecodeError as error:
            annotated.problems.append(Problem(where, f"not JSON ({error.msg})"))
            continue
        except (ValueError, TypeError, KeyError) as error:
            annotated.problems.append(Problem(where, _reason(error)))
            continue
        classification += skipped
        annotated.documents.append(record)
    if (
        not annotated.documents
        and annotated.problems
        and len(annotated.problems) == len([line for line in lines if line.strip()])
    ):
        raise UnreadableSet(f"{path.name}: no line is a document ({annotated.problems[0]})")
    if classification:
        annotated.skipped.append(
            f"{classification} document-level labels (doccano classification) have no span"
        )
    scheme_file = scheme_path(path)
    if scheme_file.exists():
        try:
            annotated.scheme = load_scheme(scheme_file)
        except BadScheme as error:
            annotated.problems.append(Problem(scheme_file.name, str(error)))
    return annotated


def _document_from(data: dict[str, Any], where: str) -> tuple[DocumentRecord, int]:
    text = data["text"]
    if not isinstance(text, str) or not text:
        raise ValueError("the text is missing or empty")
    record = DocumentRecord(
        text=text,
        where=where,
        title=str(data.get("title", "")),
        text_sha256=str(data.get("text_sha256", "")),
        script=str(data.get("script", "")),
        source=str(data.get("source", "")),
        date=str(data.get("date", "")),
        status=str(data.get("status", "")),
        encoding=str(data.get("encoding", "utf-8")),
        source_path=str(data.get("source_path", "")),
        metadata=_metadata(data),
    )
    if isinstance(data.get("raw_text"), str):
        record.raw_text = data["raw_text"]
        record.removed = tuple(
            Removal(start, end, record.raw_text[start:end], kind)
            for start, end, kind in data.get("removed", [])
        )
    skipped = 0
    if "annotations" in data:
        record.spans = [_our_span(item, where) for item in data["annotations"]]
    elif "entities" in data and isinstance(data["entities"], list) and _is_doccano(data):
        record.spans = [_doccano_entity(item, where) for item in data["entities"]]
    else:
        for item in data.get("label", []):
            if isinstance(item, str):
                skipped += 1
            else:
                record.spans.append(_doccano_triple(item, where))
    record.corrections = [_correction(item) for item in data.get("entity_corrections", [])]
    return record, skipped


def _is_doccano(data: dict[str, Any]) -> bool:
    """doccano's relation export has entities with start_offset; ours has a typed layer."""
    return any(isinstance(e, dict) and "start_offset" in e for e in data["entities"])


def _our_span(item: dict[str, Any], where: str) -> SpanRecord:
    return SpanRecord(
        label=str(item.get("label_path") or item["label"]),
        start=_offset(item["start"]),
        end=_offset(item["end"]),
        where=where,
        text=item.get("text"),
        note=str(item.get("note", "")),
        attributes=dict(item.get("attributes") or {}),
        annotator=str(item.get("annotator", "")),
        created_at=str(item.get("created_at", "")),
        updated_at=str(item.get("updated_at", "")),
    )


def _doccano_triple(item: object, where: str) -> SpanRecord:
    if not isinstance(item, list) or len(item) != 3:
        raise ValueError(f"a label is [start, end, label], not {json.dumps(item)[:40]}")
    start, end, label = item
    return SpanRecord(str(label), _offset(start), _offset(end), where)


def _doccano_entity(item: dict[str, Any], where: str) -> SpanRecord:
    return SpanRecord(
        str(item["label"]), _offset(item["start_offset"]), _offset(item["end_offset"]), where
    )


def _correction(item: dict[str, Any]) -> EntityCorrection:
    entity = Entity(
        str(item["type"]), _offset(item["start"]), _offset(item["end"]), str(item["text"])
    )
    return EntityCorrection(
        str(item["action"]), entity, str(item.get("annotator", "")), str(item.get("created_at", ""))
    )


def _offset(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"an offset is a whole number, not {value!r}")
    return value


_KNOWN_FIELDS = {
    "id", "title", "text", "label", "script", "source", "date", "status", "encoding",
    "source_path", "text_sha256", "offsets", "conversion", "annotations", "entity_corrections",
    "entities", "raw_text", "removed", "source_text_sha256", "metadata", "relations",
}  # fmt: skip


def _metadata(data: dict[str, Any]) -> dict[str, Any]:
    """Our metadata, plus any fields another tool added (doccano keeps extra columns)."""
    metadata = dict(data.get("metadata") or {})
    metadata.update({k: v for k, v in data.items() if k not in _KNOWN_FIELDS})
    return metadata


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"the field {error.args[0]!r} is missing"
    return str(error)
