"""CSV for pandas, R and Excel: annotations.csv, documents.csv and codebook.csv in one folder.

UTF-8 with a byte-order mark, so Excel shows Chinese; one row per annotation with each
attribute in its own column; offsets are code points into the clean text, end-exclusive.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.model import Label
from desktop.core.store import Store

CONTEXT_CHARACTERS = 20
ENCODING = "utf-8-sig"


def label_paths(labels: Sequence[Label]) -> dict[int, str]:
    """Each label's path from the top of the scheme: "Support measures/Labour"."""
    by_id = {label.id: label for label in labels}

    def path(label: Label) -> str:
        parent = by_id.get(label.parent_id) if label.parent_id is not None else None
        return f"{path(parent)}/{label.name}" if parent is not None else label.name

    return {label.id: path(label) for label in labels}


def write_csv_folder(store: Store, folder: Path, document_ids: Iterable[int] | None = None) -> int:
    """Write the three files into ``folder`` (created if needed); returns the number of tags."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = list(document_ids) if document_ids is not None else store.document_ids()
    labels = store.labels()
    paths = label_paths(labels)
    attributes = [spec.name for spec in store.attributes()]
    count = 0
    with _writer(folder / "annotations.csv") as (annotations, documents):
        annotations.writerow(
            [
                "document_id",
                "document_title",
                "label",
                "label_path",
                "start",
                "end",
                "text",
                "note",
                *(f"attr_{name}" for name in attributes),
                "annotator",
                "created_at",
                "updated_at",
                "context_left",
                "context_right",
            ]
        )
        documents.writerow(
            [
                "document_id",
                "title",
                "date",
                "source",
                "script",
                "encoding",
                "status",
                "length",
                "annotations",
                "text_sha256",
                "source_path",
            ]
        )
        for document_id in ids:
            document = store.document(document_id)
            text = document.clean_text
            tags = store.annotations(document_id)
            documents.writerow(
                [
                    document.id,
                    document.title,
                    document.date,
                    document.source,
                    document.script,
                    document.encoding,
                    document.status.value,
                    len(text),
                    len(tags),
                    document.text_sha256,
                    document.source_path,
                ]
            )
            for tag in tags:
                annotations.writerow(
                    [
                        document.id,
                        document.title,
                        tag.label,
                        paths.get(tag.label_id, tag.label),
                        tag.start,
                        tag.end,
                        tag.text,
                        tag.note,
                        *(_cell(tag.attributes.get(name)) for name in attributes),
                        tag.annotator,
                        tag.created_at,
                        tag.updated_at,
                        text[max(0, tag.start - CONTEXT_CHARACTERS) : tag.start],
                        text[tag.end : tag.end + CONTEXT_CHARACTERS],
                    ]
                )
                count += 1
    _write_codebook(store, folder / "codebook.csv", labels, paths)
    (folder / "README.txt").write_text(
        f"Exported by Jiyao. Offsets: {OFFSET_CONVENTION}.\n"
        "annotations.csv: one row per tag; documents.csv: one row per document "
        "(text_sha256 identifies its clean text); codebook.csv: the labels and attributes.\n",
        encoding="utf-8",
    )
    return count


@contextmanager
def _writer(annotations_path: Path) -> Iterator[tuple[Any, Any]]:
    """annotations.csv and documents.csv written together, each replaced only when complete."""
    paths = [annotations_path, annotations_path.with_name("documents.csv")]
    partials = [path.with_name(path.name + ".part") for path in paths]
    handles = [partial.open("w", encoding=ENCODING, newline="") for partial in partials]
    try:
        yield csv.writer(handles[0]), csv.writer(handles[1])
    except BaseException:
        for handle, partial in zip(handles, partials, strict=True):
            handle.close()
            partial.unlink(missing_ok=True)
        raise
    for handle, partial, path in zip(handles, partials, paths, strict=True):
        handle.close()
        partial.replace(path)


def _write_codebook(
    store: Store, path: Path, labels: Sequence[Label], paths: dict[int, str]
) -> None:
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "name", "path", "color", "shortcut", "description", "values"])
        for label in labels:
            writer.writerow(
                [
                    "label",
                    label.name,
                    paths[label.id],
                    label.color,
                    label.shortcut,
                    label.description,
                    "",
                ]
            )
        for spec in store.attributes():
            writer.writerow(
                ["attribute", spec.name, "", "", "", spec.description, "|".join(spec.values)]
            )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(map(str, value))
    return str(value)
