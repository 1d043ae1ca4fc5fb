"""JSON Lines, one document per line, doccano-compatible and lossless for Jiyao.

doccano reads ``text`` and ``label`` (``[[start, end, label], ...]``); the other fields carry
everything else Jiyao knows about the document, with offsets in code points (Python's and
doccano's convention; not UTF-16 as in JavaScript tools).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import IO, Any

from desktop.core.analysis import document_entities
from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.store import Store


def document_record(store: Store, document_id: int) -> dict[str, Any]:
    document = store.document(document_id)
    annotations = store.annotations(document_id)
    return {
        "id": document.id,
        "title": document.title,
        "text": document.clean_text,
        "label": [[a.start, a.end, a.label] for a in annotations],
        "script": document.script,
        "source": document.source,
        "date": document.date,
        "status": document.status.value,
        "encoding": document.encoding,
        "source_path": document.source_path,
        "text_sha256": document.text_sha256,
        "offsets": OFFSET_CONVENTION,
        "annotations": [
            {key: value for key, value in asdict(a).items() if key not in {"document_id"}}
            for a in annotations
        ],
        "entities": [asdict(e) for e in document_entities(store, document_id)],
        "metadata": document.metadata,
    }


def write_jsonl(store: Store, out: IO[str], document_ids: Iterable[int] | None = None) -> int:
    """Write one line per document; returns how many were written."""
    count = 0
    for document_id in document_ids if document_ids is not None else store.document_ids():
        out.write(json.dumps(document_record(store, document_id), ensure_ascii=False) + "\n")
        count += 1
    return count
