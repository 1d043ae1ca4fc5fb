"""CSV for pandas, R and Excel: annotations.csv, documents.csv, codebook.csv and memos.csv in
one folder.

UTF-8 with a byte-order mark, so Excel shows Chinese; one row per annotation with each
attribute in its own column; offsets are code points into the exported text (the clean text
or its conversion), end-exclusive.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.output import staged_folder
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.memos import Memo, memo_record, tag_memo
from desktop.core.spreadsheet import SafeCsvWriter

CONTEXT_CHARACTERS = 20
ENCODING = "utf-8-sig"


def write_csv_folder(
    documents: Iterable[ExportDocument], codebook: Codebook, folder: Path, *, raw: bool = False
) -> int:
    """Write the files into ``folder`` (created if needed); returns the number of tags.
    Text cells that begin like a formula get a ``'`` in front unless ``raw``."""
    attributes = [spec.name for spec in codebook.attributes]
    count = 0
    memos: list[Memo] = list(codebook.memos)
    with staged_folder(folder) as stage:
        with _writers(stage, raw) as (annotations, documents_csv):
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
                    "note_title",
                    *(f"attr_{name}" for name in attributes),
                    "annotator",
                    "created_at",
                    "updated_at",
                    "context_left",
                    "context_right",
                    "annotation_id",
                ]
            )
            # Written once every document is seen: its columns are all their variables.
            document_rows: list[tuple[list[object], dict[str, Any]]] = []
            for exported in documents:
                document, text, tags = exported.document, exported.text, exported.annotations
                document_rows.append(
                    (
                        [
                            document.id,
                            document.title,
                            document.date,
                            document.source,
                            exported.script,  # of the text written
                            document.encoding,
                            document.status.value,
                            len(text),
                            len(tags),
                            exported.text_sha256,
                            exported.conversion,
                            document.source_path,
                        ],
                        document.metadata,
                    )
                )
                memos += exported.memos
                memos += (tag_memo(tag) for tag in tags if tag.note)
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
                            tag.note_title,
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
            _write_documents(documents_csv, document_rows)
        _write_codebook(codebook, stage / "codebook.csv", raw)
        _write_memos(memos, codebook, stage / "memos.csv", raw)
        (stage / "README.txt").write_text(
            f"Exported by Jiyao. Offsets: {OFFSET_CONVENTION}.\n"
            "annotations.csv: one row per tag; documents.csv: one row per document "
            "(text_sha256 identifies the text the offsets count in; conversion says whether it "
            "is the clean original or an OpenCC conversion; after source_path, one column per "
            "document variable: author, url, a scraped table's own columns…); codebook.csv: the "
            "labels (with their definitions, when to use them, when not, an example) and "
            "attributes; memos.csv: the memos on the project, the documents, the labels and the "
            "tags (a tag's memo is its note, titled by note_title). UTF-8 with a byte-order "
            "mark, so Excel shows Chinese.\n" + (_RAW_NOTE if raw else _SAFE_NOTE),
            encoding="utf-8",
        )
    return count


_SAFE_NOTE = (
    "A text cell that begins with = + - @, a tab or a carriage return (a title, a tag's text, "
    "a note from a crawled page) has a ' put in front, so a spreadsheet shows it instead of "
    "running it as a formula. Numbers (ids, offsets) are never changed. To get the exact text "
    "back (offsets slice it), take off a leading ' when the character after it is one of "
    "those; or export with jiyao export --raw-csv for cells exactly as the texts are.\n"
)
_RAW_NOTE = (
    "Exported with --raw-csv: cells hold the texts exactly as they are, so a text that begins "
    "with = + - or @ may be taken for a formula by a spreadsheet; open this set with formulas "
    "switched off, or read it with pandas or R.\n"
)


@contextmanager
def _writers(stage: Path, raw: bool) -> Iterator[tuple[SafeCsvWriter, SafeCsvWriter]]:
    with (
        (stage / "annotations.csv").open("w", encoding=ENCODING, newline="") as tags,
        (stage / "documents.csv").open("w", encoding=ENCODING, newline="") as documents,
    ):
        yield SafeCsvWriter(tags, raw=raw), SafeCsvWriter(documents, raw=raw)


DOCUMENT_COLUMNS = (
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
)


def _write_documents(
    writer: SafeCsvWriter, rows: list[tuple[list[object], dict[str, Any]]]
) -> None:
    """documents.csv: the fixed columns, then one column per document variable (author, url,
    a scraped table's own columns…) in the order they first appear; a name that is already a
    column gets ``var_`` in front."""
    variables: dict[str, None] = {}
    for _, metadata in rows:
        variables.update(dict.fromkeys(metadata))
    names = [f"var_{key}" if key in DOCUMENT_COLUMNS else key for key in variables]
    writer.writerow([*DOCUMENT_COLUMNS, *names])
    for cells, metadata in rows:
        writer.writerow([*cells, *(_variable_cell(metadata.get(key)) for key in variables)])


def _variable_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _write_codebook(codebook: Codebook, path: Path, raw: bool) -> None:
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = SafeCsvWriter(handle, raw=raw)
        writer.writerow(
            [
                "kind", "name", "path", "color", "shortcut", "description", "values",
                "use_when", "not_use_when", "example",
            ]
        )  # fmt: skip
        for label in codebook.labels:
            entry = codebook.entry(label)
            writer.writerow(
                [
                    "label",
                    label.name,
                    codebook.paths[label.id],
                    label.color,
                    label.shortcut,
                    label.description,
                    "",
                    entry.use_when,
                    entry.not_use_when,
                    entry.example_text,
                ]
            )
        for spec in codebook.attributes:
            writer.writerow(
                ["attribute", spec.name, "", "", "", spec.description, "|".join(spec.values)]
                + [""] * 3  # no codebook entry
            )


def _write_memos(memos: list[Memo], codebook: Codebook, path: Path, raw: bool) -> None:
    """One row per memo: target_id is the document or tag id, or the label's path."""
    with path.open("w", encoding=ENCODING, newline="") as handle:
        writer = SafeCsvWriter(handle, raw=raw)
        columns = ("id", "target", "target_id", "title", "text", "author", "created", "modified")
        writer.writerow(["memo_id", *columns[1:]])
        for memo in memos:
            record = memo_record(memo, codebook.paths)
            writer.writerow(["" if record[c] is None else record[c] for c in columns])


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(map(str, value))
    return str(value)
