"""The coded segments report: every tag (of the chosen labels, attribute values, annotators)
with its text, label path, attributes, note (and its title), document and the document's
variables, as a table (one row per tag: CSV, or an Excel workbook through ``xlsx_table``) or as
a report to send, grouped by label (``rich_text``: Markdown, HTML or Word)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.core.exports.output import atomic_text_file
from desktop.core.exports.rich_text import Block, Field, Heading, Paragraph, Quote, write_document
from desktop.core.exports.selection import label_paths
from desktop.core.exports.xlsx_table import write_xlsx
from desktop.core.messages import counted
from desktop.core.model import Label
from desktop.core.spreadsheet import SafeCsvWriter
from desktop.core.stats import ATTRIBUTE_FIELDS
from desktop.core.store.segments import CodedSegment

FIXED_COLUMNS = (
    "document",
    "title",
    "date",
    "source",
    "status",
    "label_path",
    "start",
    "end",
    "text",
    *ATTRIBUTE_FIELDS,
    "note",
    "note_title",
    "annotator",
)
FORMATS = (".csv", ".xlsx", ".md", ".html", ".docx")


def _extra_columns(segments: Sequence[CodedSegment]) -> list[str]:
    """Other attributes and the document variables, named as found."""
    names: dict[str, None] = {}
    for segment in segments:
        for name in (*segment.attributes, *segment.metadata):
            if name not in FIXED_COLUMNS:
                names.setdefault(name, None)
    return list(names)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return "" if value is None else str(value)


def rows(segments: Sequence[CodedSegment], labels: Sequence[Label]) -> list[list[str]]:
    paths = label_paths(labels)
    extra = _extra_columns(segments)
    table = [[*FIXED_COLUMNS, *extra]]
    for s in segments:
        attributes = [_cell(s.attributes.get(name)) for name in ATTRIBUTE_FIELDS]
        fixed = [
            str(s.document_id),
            s.title,
            s.date,
            s.source,
            s.status.value,
            paths.get(s.label_id, ""),
            str(s.start),
            str(s.end),
            s.text,
            *attributes,
            s.note,
            s.note_title if s.note else "",
            s.annotator,
        ]
        others = [_cell(s.attributes.get(name, s.metadata.get(name))) for name in extra]
        table.append([*fixed, *others])
    return table


def write_report(
    path: Path, segments: Sequence[CodedSegment], labels: Sequence[Label], chosen: str = ""
) -> None:
    """Write the report as the suffix of ``path`` says (see ``FORMATS``); ``chosen``: which
    tags these are, in a line, for the report's reader."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path.name}: a segments report is {', '.join(FORMATS)}")
    if suffix == ".csv":
        # UTF-8 with BOM: spreadsheets then read the Chinese right.
        with atomic_text_file(path, encoding="utf-8-sig") as file:
            SafeCsvWriter(file).writerows(rows(segments, labels))
    elif suffix == ".xlsx":
        write_xlsx(path, _typed(rows(segments, labels)), "Coded segments")
    else:
        write_document("Coded segments", report_blocks(segments, labels, chosen), path)


def _typed(table: list[list[str]]) -> list[list[object]]:
    """The document id and the offsets as numbers, so a spreadsheet sorts them as numbers."""
    numeric = {FIXED_COLUMNS.index(name) for name in ("document", "start", "end")}
    typed: list[list[object]] = [list(table[0])]
    for row in table[1:]:
        typed.append([int(v) if i in numeric else v for i, v in enumerate(row)])
    return typed


def report_blocks(
    segments: Sequence[CodedSegment], labels: Sequence[Label], chosen: str = ""
) -> list[Block]:
    """The report: a section per label path, each tag quoted with its document, the
    document's variables, its attributes, annotator and note."""
    paths = label_paths(labels)
    by_label: dict[str, list[CodedSegment]] = {}
    for segment in segments:
        by_label.setdefault(paths.get(segment.label_id, ""), []).append(segment)
    summary = f"{counted(len(segments), 'tag')} in {counted(len(by_label), 'label')}."
    blocks: list[Block] = [Paragraph(summary)]
    if chosen:
        blocks.append(Field("Selected", chosen))
    for path in sorted(by_label):
        found = by_label[path]
        blocks.append(Heading(1, f"{path} ({len(found)})"))
        for s in found:
            blocks += _segment_blocks(s)
    return blocks


def _segment_blocks(s: CodedSegment) -> list[Block]:
    where = f"{s.title} ({s.date})" if s.date else s.title
    blocks: list[Block] = [
        Heading(2, f"{where}, {s.start}–{s.end}"),
        Quote(s.text),
    ]
    details = [f"{name}: {_cell(value)}" for name, value in s.attributes.items() if value]
    if details:
        blocks.append(Field("Attributes", "; ".join(details)))
    variables = [("source", s.source), ("status", s.status.value), *s.metadata.items()]
    shown = [f"{name}: {_cell(value)}" for name, value in variables if value not in ("", None)]
    blocks.append(Field("Document", f"{s.document_id}; " + "; ".join(shown)))
    if s.annotator:
        blocks.append(Field("Annotator", s.annotator))
    if s.note:
        blocks.append(Field("Note", f"{s.note_title}: {s.note}" if s.note_title else s.note))
    return blocks
