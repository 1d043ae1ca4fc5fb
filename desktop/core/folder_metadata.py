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
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.variables import DATE, with_date

SIDECAR_NAME = "metadata.json"
# Far above any folder's description; a larger file is read as rows, with the size limit
# of a file of many documents.
SIDECAR_MAX_BYTES = 20 * 1024 * 1024
_DOCUMENT_FIELDS = ("title", "source", "date")

Metadata = dict[str, Any]


@dataclass(frozen=True)
class Sidecars:
    """What the folders' descriptions give: the files that are descriptions (not imported),
    the fields of each file they describe, and why a description that names no file there
    is refused (by its path)."""

    files: set[Path] = field(default_factory=set)
    described: dict[Path, Metadata] = field(default_factory=dict)
    refused: dict[Path, str] = field(default_factory=dict)


def sidecar_metadata(paths: Iterable[Path]) -> Sidecars:
    """Among ``paths`` (the files an import found in folders), the ``metadata.json`` files that
    describe their neighbours, and the fields they give each file they name."""
    found = Sidecars()
    paths = list(paths)
    sidecars = [path for path in paths if path.name == SIDECAR_NAME]
    if not sidecars:
        return found
    present = set(paths)
    for path in sidecars:
        description = _description(path)
        if description is None:
            continue  # read as any JSON file is, which says what is wrong with it
        found.files.add(path)
        described = {
            path.parent / name: _plain_fields(fields)
            for name, fields in description.items()
            if path.parent / name in present
        }
        if described:
            found.described.update(described)
        else:
            names = ", ".join(sorted(description)[:3]) + ("…" if len(description) > 3 else "")
            found.refused[path] = QT_TRANSLATE_NOOP(
                "Import", "describes files that are not in its folder: {0}"
            ).format(names)
    return found


def _description(path: Path) -> dict[str, dict[str, Any]] | None:
    """The file's fields by file name, when ``path`` is a description: a regular file (a pipe
    is never opened) holding an object of objects whose keys are plain file names (no
    folder: a description speaks of its own folder only). None otherwise."""
    try:
        status = path.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > SIDECAR_MAX_BYTES:
            return None
        value = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(value, dict) or not value:
        return None
    if not all(isinstance(fields, dict) and _plain_name(name) for name, fields in value.items()):
        return None
    return value


def _plain_name(name: str) -> bool:
    return bool(name) and name not in (".", "..") and Path(name).name == name and "\\" not in name


def _plain_fields(fields: Mapping[str, Any]) -> Metadata:
    """The fields as a document keeps them: title and source as text, the date as ISO when it
    reads as one (as written kept as ``date_text``, as for a table's date), other values as
    they are when plain (text, a number, true or false), else as their JSON. (The store keeps
    NaN and Infinity as text, from here as from anywhere.)"""
    plain: Metadata = {}
    for key, value in fields.items():
        if value is None:
            continue
        if key in _DOCUMENT_FIELDS:
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            if key == DATE:
                dated: dict[str, str] = {}
                with_date(dated, text)
                plain.update(dated)
            else:
                plain[key] = text
        elif isinstance(value, str | int | float | bool):
            plain[key] = value
        else:
            plain[key] = json.dumps(value, ensure_ascii=False)
    return plain
