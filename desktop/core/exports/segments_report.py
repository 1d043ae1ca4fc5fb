"""The coded segments report: every tag (of the chosen labels, attribute values, annotators)
with its text, label path, attributes, note (and its title), document and the document's
variables, as CSV (one row per tag) or as a Markdown report to send, grouped by label."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from desktop.core.exports.output import atomic_text_file
from desktop.core.exports.selection import label_paths
from desktop.core.messages import counted
from desktop.core.model import Label
from desktop.core.stats import ATTRIBUTE_FIELDS, NONE, field_values
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
FORMATS = (".csv", ".md")


def matching(
    segments: Sequence[CodedSegment],
    labels: Sequence[Label],
    conditions: Mapping[str, str],
) -> list[CodedSegment]:
    """The segments whose field has the value given for it in ``conditions`` (any field
    ``core.stats`` knows: issuer=市长, month=2020-03, city=宿迁, annotator=甲)."""
    paths = label_paths(labels)
    return [
        segment
        for segment in segments
        if all(value in field_values(segment, name, paths) for name, value in conditions.items())
    ]


def parse_conditions(texts: Sequence[str]) -> dict[str, str]:
    """``FIELD=VALUE`` strings as a mapping (``FIELD=``: it has no value); a string without
    ``=`` is refused."""
    conditions = {}
    for text in texts:
        name, equals, value = text.partition("=")
        if not equals or not name.strip():
            raise ValueError(f"{text!r}: write FIELD=VALUE (issuer=市长)")
        # issuer= asks for the tags without an issuer: the "(none)" of jiyao stats (an empty
        # value never matched anything).
        conditions[name.strip()] = value.strip() or NONE
    return conditions


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


def write_report(path: Path, segments: Sequence[CodedSegment], labels: Sequence[Label]) -> None:
    """Write the report as the suffix of ``path`` says (.csv or .md)."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path.name}: a segments report is .csv or .md")
    if suffix == ".csv":
        # UTF-8 with BOM: spreadsheets then read the Chinese right.
        with atomic_text_file(path, encoding="utf-8-sig") as file:
            csv.writer(file).writerows(rows(segments, labels))
        return
    with atomic_text_file(path) as file:
        file.write(markdown(segments, labels))


def markdown(segments: Sequence[CodedSegment], labels: Sequence[Label]) -> str:
    """The report as Markdown: a section per label path, each tag quoted under its
    document, with its attributes and note."""
    paths = label_paths(labels)
    by_label: dict[str, list[CodedSegment]] = {}
    for segment in segments:
        by_label.setdefault(paths.get(segment.label_id, ""), []).append(segment)
    lines = [
        "# Coded segments",
        "",
        f"{counted(len(segments), 'tag')} in {counted(len(by_label), 'label')}.",
        "",
    ]
    for path in sorted(by_label):
        found = by_label[path]
        lines += [f"## {path} ({len(found)})", ""]
        for s in found:
            where = f"{s.title} ({s.date})" if s.date else s.title
            lines.append(f"- **{_escape(where)}**, {s.start}–{s.end}")
            lines.append(f"  > {_escape(s.text)}".replace("\n", " "))
            details = [f"{name}: {_cell(value)}" for name, value in s.attributes.items() if value]
            if s.annotator:
                details.append(f"annotator: {s.annotator}")
            if details:
                lines.append(f"  {_escape('; '.join(details))}")
            if s.note:
                title = f"**{_escape(s.note_title)}** " if s.note_title else ""
                lines.append(f"  {title}*{_escape(s.note)}*")
        lines.append("")
    return "\n".join(lines)


def _escape(text: str) -> str:
    """Text as Markdown shows it, not as markup."""
    for character in "\\`*_[]<>#|":
        text = text.replace(character, "\\" + character)
    return text
