"""CSV for pandas, R and Excel: annotations.csv, documents.csv and codebook.csv in one folder.

UTF-8 with a byte-order mark, so Excel shows Chinese; one row per annotation with each
attribute in its own column; offsets are code points into the exported text (the clean text
or its conversion), end-exclusive.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.output import staged_folder
from desktop.core.exports.selection import Codebook, ExportDocument

CONTEXT_CHARACTERS = 20
ENCODING = "utf-8-sig"


def write_csv_folder(documents: Iterable[ExportDocument], codebook: Codebook, folder: Path) -> int:
    """Write the files into ``folder`` (created if needed); returns the number of tags."""
    attributes = [spec.name for spec in codebook.attributes]
    count = 0
    with staged_folder(folder) as stage:
        with _writers(stage) as (annotations, documents_csv):
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
                    "annotation_id",
                ]
            )
            documents_csv.writerow(
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
                    "conversion",
                    "source_path",
                ]
            )
            for exported in documents:
                document, text, tags = exported.document, exported.text, exported.annotations
                documents_csv.writerow(
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
                        exported.text_sha256,
                        exported.conversion,
                        document.source_path,
                    ]
                )
                for tag in tags:
                    annotations.writerow(
                        [
                            document.id,
                            document.title,
                            tag.label,
                            codebook.path(tag),
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
                            tag.id,
                        ]
                    )
                    count += 1
        _write_codebook(codebook, stage / "codebook.csv")
        (stage / "README.txt").write_text(
            f"Exported by Jiyao. Offsets: {OFFSET_CONVENTION}.\n"
            "annotations.csv: one row per tag; documents.csv: one row per document "
            "(text_sha256 identifies the text the offsets count in; conversion says whether it "
            "is the clean original or an OpenCC conversion); codebook.csv: the labels and "
            "attributes. UTF-8 with a byte-order mark, so Excel shows Chinese. Cells hold the "
            "texts exactly as they are (offsets must slice them): a crawled text or note that "
            "begins with = + - or @ may be taken for a formula by a spreadsheet, so open "
            "untrusted sets with formulas switched off or read them with pandas or R.\n",
            encoding="utf-8",
        )
    return count


@contextmanager
def _writers(stage: Path) -> Iterator[tuple[Any, Any]]:
    with (
        (stage / "annotations.csv").open("w", encoding=ENCODING, newline="") as tags,
        (stage / "documents.csv").open("w", encoding=ENCODING, newline="") as documents,
    ):
        yield csv.writer(tags), csv.writer(documents)


def _write_codebook(codebook: Codebook, path: Path) -> None:
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["kind", "name", "path", "color", "shortcut", "description", "values"])
        for label in codebook.labels:
            writer.writerow(
                [
                    "label",
                    label.name,
                    codebook.paths[label.id],
                    label.color,
                    label.shortcut,
                    label.description,
                    "",
                ]
            )
        for spec in codebook.attributes:
            writer.writerow(
                ["attribute", spec.name, "", "", "", spec.description, "|".join(spec.values)]
            )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(map(str, value))
    return str(value)
