"""A folder's ``metadata.json``: the title, source, date and other variables of the documents
beside it, given by whoever collected them (the seeds ship one; many scrapers write one).

It is an object whose keys name files of its own folder, each with an object of fields::

    {"000.txt": {"title": "…", "source": "…", "date": "2020-02-12", "note": "…"}}

Such a file describes documents and is no document itself: an import takes it out of the files
it reads and gives each named file its fields (the title, source and date as the document's,
the others as its variables). A ``metadata.json`` of any other shape (a scraper's rows, say) is
read as any JSON file is."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

SIDECAR_NAME = "metadata.json"
# Far above any folder's description; a larger file is read as rows, with the size limit
# of a file of many documents.
SIDECAR_MAX_BYTES = 20 * 1024 * 1024
_DOCUMENT_FIELDS = ("title", "source", "date")

Metadata = dict[str, Any]


def sidecar_metadata(paths: Iterable[Path]) -> tuple[set[Path], dict[Path, Metadata]]:
    """Among ``paths`` (the files an import found in folders), the ``metadata.json`` files that
    describe their neighbours, and the fields they give each file they name."""
    paths = list(paths)
    present = set(paths)
    sidecars: set[Path] = set()
    given: dict[Path, Metadata] = {}
    for path in paths:
        if path.name != SIDECAR_NAME:
            continue
        described = _described(path, present)
        if described:
            sidecars.add(path)
            given.update(described)
    return sidecars, given


def _described(path: Path, present: set[Path]) -> dict[Path, Metadata]:
    """The fields ``path`` gives the files of its folder; empty when it is no description (not
    an object of objects, or naming no file that is there)."""
    try:
        if path.is_symlink() or path.stat().st_size > SIDECAR_MAX_BYTES:
            return {}
        value = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}  # read as a document would be, which says what is wrong with it
    if not isinstance(value, dict) or not value:
        return {}
    if not all(isinstance(fields, dict) for fields in value.values()):
        return {}
    described = {
        path.parent / name: _plain_fields(fields)
        for name, fields in value.items()
        if isinstance(name, str) and path.parent / name in present
    }
    return described


def _plain_fields(fields: Mapping[str, Any]) -> Metadata:
    """The fields as a document keeps them: title, source and date as text, other values as
    they are when they are plain (text, a number, true or false), else as their JSON."""
    plain: Metadata = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key in _DOCUMENT_FIELDS:
            plain[key] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        elif isinstance(value, str | int | float | bool):
            plain[key] = value
        else:
            plain[key] = json.dumps(value, ensure_ascii=False)
    return plain
