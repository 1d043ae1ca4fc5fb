"""Counting coded segments: a cross table of any two fields of a tag (its label, attributes,
annotator) or of its document (status, date, source, any document variable), counting tags or
documents. ``jiyao stats`` prints it as CSV.

A field with several values for one tag (a list attribute: two addressees) counts the tag
under each. Totals count distinct tags (or documents), so a tag under two columns is one in
its row's total; cells and totals alike are sizes of sets of ids.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.labels import LABEL_PATH_SEPARATOR
from desktop.core.model import Label, Status
from desktop.core.natural_sort import natural_key
from desktop.core.store.segments import CodedSegment, SegmentsMixin, part_value

ATTRIBUTE_FIELDS = ("issuer", "addressee", "strength", "deadline")
FIELDS = (
    "label",
    "document",
    "status",
    "annotator",
    *ATTRIBUTE_FIELDS,
    "year",
    "quarter",
    "month",
    "source",
    "date",
)
NONE = "(none)"
TOTAL = "total"
COUNTS = ("tags", "documents")
# label:1 is a label's top-level label, label:2 its path down to the second level…
_LABEL_LEVEL = re.compile(r"label:([1-9][0-9]?)$")


class UnknownField(ValueError):
    """A field no tag or document has."""


@dataclass(frozen=True)
class CrossTable:
    rows_field: str
    columns_field: str | None
    row_values: tuple[str, ...]
    column_values: tuple[str, ...]
    cells: dict[tuple[str, str], int]
    row_totals: dict[str, int]
    column_totals: dict[str, int]
    total: int

    def csv_rows(self) -> list[list[object]]:
        """The table as CSV rows: the row field's name first, one column per column value,
        a total column and a total row."""
        header: list[object] = [self.rows_field, *self.column_values, TOTAL]
        rows = [header]
        for value in self.row_values:
            cells = [self.cells.get((value, column), 0) for column in self.column_values]
            rows.append([value, *cells, self.row_totals[value]])
        totals = [self.column_totals[column] for column in self.column_values]
        rows.append([TOTAL, *totals, self.total])
        return rows


def field_values(segment: CodedSegment, name: str, paths: Mapping[int, str]) -> list[str]:
    """The values of field ``name`` for ``segment`` (NONE when it has none)."""
    date = segment.date
    values: object
    level = _LABEL_LEVEL.match(name)
    if name == "label":
        values = paths.get(segment.label_id, str(segment.label_id))
    elif level is not None:
        path = paths.get(segment.label_id, str(segment.label_id))
        values = path_at_level(path, int(level.group(1)))
    elif name == "document":
        values = f"{segment.document_id}: {segment.title}"
    elif name == "status":
        values = segment.status.value
    elif name == "annotator":
        values = segment.annotator
    elif name in ATTRIBUTE_FIELDS:
        values = segment.attributes.get(name, "")
    elif name == "year":
        values = date[:4]
    elif name == "month":
        values = date[:7] if len(date) >= 7 else ""
    elif name == "quarter":
        values = f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}" if _has_month(date) else ""
    elif name == "source":
        values = segment.source
    elif name == "date":
        values = date
    else:
        values = segment.metadata.get(name, segment.attributes.get(name, ""))
    listed = values if isinstance(values, list) else [values]
    texts = [str(value).strip() for value in listed if value not in (None, "")]
    return [text for text in texts if text] or [NONE]


def path_at_level(path: str, level: int) -> str:
    """A label path cut to its first ``level`` labels (the whole path when shorter)."""
    return LABEL_PATH_SEPARATOR.join(path.split(LABEL_PATH_SEPARATOR)[:level])


def _has_month(date: str) -> bool:
    return len(date) >= 7 and date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12


def check_field(name: str, segments: Sequence[CodedSegment]) -> None:
    """Refuse a field that is neither known nor a variable or attribute of any tag."""
    if name in FIELDS or _LABEL_LEVEL.match(name):
        return
    if any(name in s.metadata or name in s.attributes for s in segments):
        return
    _refuse(name)


def check_field_named(name: str, variable_names: Collection[str]) -> None:
    """Refuse a field that is neither known nor among ``variable_names`` (the store's
    ``segment_variable_names``): ``check_field`` without reading a tag."""
    if name not in FIELDS and not _LABEL_LEVEL.match(name) and name not in variable_names:
        _refuse(name)


def _refuse(name: str) -> None:
    known = ", ".join(FIELDS)
    raise UnknownField(
        f"no field {name!r}: use {known}, label:N (a label path's first N levels), "
        "or a document variable's name"
    )


def with_labels(
    segments: Iterable[CodedSegment], labels: Sequence[Label], names: Sequence[str]
) -> list[CodedSegment]:
    """The segments whose label is named in ``names`` or lies under one that is."""
    return under_labels(segments, labels, labels_named(labels, names))


def labels_named(labels: Sequence[Label], names: Sequence[str]) -> frozenset[int]:
    """The ids of the labels called one of ``names``; an unknown name is refused."""
    missing = [name for name in names if name not in {label.name for label in labels}]
    if missing:
        raise UnknownField(f"no label named {missing[0]!r}")
    return frozenset(label.id for label in labels if label.name in names)


def under_labels(
    segments: Iterable[CodedSegment], labels: Sequence[Label], label_ids: Collection[int]
) -> list[CodedSegment]:
    """The segments whose label is one of ``label_ids`` or lies under one that is."""
    wanted = labels_under(labels, label_ids)
    return [segment for segment in segments if segment.label_id in wanted]


def labels_under(labels: Sequence[Label], label_ids: Collection[int]) -> frozenset[int]:
    """``label_ids`` and the ids of every label of ``labels`` that lies under one of them."""
    parents = {label.id: label.parent_id for label in labels}
    wanted = set(label_ids)

    def under(label_id: int | None) -> bool:
        seen: set[int] = set()
        while label_id is not None and label_id not in seen:
            if label_id in wanted:
                return True
            seen.add(label_id)
            label_id = parents.get(label_id)
        return False

    return frozenset(wanted | {label.id for label in labels if under(label.id)})


def cross_table(
    segments: Sequence[CodedSegment],
    paths: Mapping[int, str],
    rows: str,
    columns: str | None = None,
    *,
    count: str = "tags",
) -> CrossTable:
    """Count tags (or documents) by ``rows`` and, when given, ``columns``; ``paths``: each
    label's path by its id (``exports.selection.label_paths``), the values of ``label``."""
    if count not in COUNTS:
        raise ValueError(f"count {count!r}: use tags or documents")
    for name in (rows, columns):
        if name is not None:
            check_field(name, segments)
    cells: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_row: dict[str, set[int]] = defaultdict(set)
    by_column: dict[str, set[int]] = defaultdict(set)
    everything: set[int] = set()
    for segment in segments:
        key = segment.annotation_id if count == "tags" else segment.document_id
        column_values = field_values(segment, columns, paths) if columns else [TOTAL]
        for row in field_values(segment, rows, paths):
            by_row[row].add(key)
            for column in column_values:
                cells[(row, column)].add(key)
        for column in column_values:
            by_column[column].add(key)
        everything.add(key)
    return CrossTable(
        rows,
        columns,
        _ordered(by_row),
        _ordered(by_column) if columns else (),
        {cell: len(keys) for cell, keys in cells.items()},
        {value: len(keys) for value, keys in by_row.items()},
        {value: len(keys) for value, keys in by_column.items()},
        len(everything),
    )


def field_parts(name: str) -> tuple[str, ...]:
    """The parts of a tag and its document (``Store.segment_groups``) the values of field
    ``name`` come from (``field_values`` reads nothing else of a segment)."""
    if name == "label" or _LABEL_LEVEL.match(name):
        return ("label_id",)
    if name == "document":
        return ("document_id", "title")
    if name in ("status", "annotator", "source", "date"):
        return (name,)
    if name in ("year", "quarter", "month"):
        return ("date",)
    if name in ATTRIBUTE_FIELDS:
        return (f"attribute:{name}",)
    return (f"variable:{name}", f"attribute:{name}")


def _segment_of(parts: Sequence[str], values: Sequence[Any]) -> CodedSegment:
    """A segment holding only ``parts`` (as ``Store.segment_groups`` gives them), enough for
    ``field_values`` of the fields made of them: the same values a whole segment gives."""
    given = dict(zip(parts, values, strict=True))
    metadata: dict[str, Any] = {}
    attributes: dict[str, Any] = {}
    for part, value in given.items():
        kind, _colon, name = part.partition(":")
        if kind in ("variable", "attribute"):
            has, found = part_value(part, value)
            if has:
                (metadata if kind == "variable" else attributes)[name] = found
    return CodedSegment(
        0,
        given.get("document_id", 0),
        given.get("label_id", 0),
        0,
        0,
        "",
        "",
        attributes,
        given.get("annotator", ""),
        given.get("title", ""),
        Status(given.get("status", Status.NEW.value)),
        given.get("date", ""),
        given.get("source", ""),
        metadata,
    )


def counted_cross_table(
    store: SegmentsMixin,
    paths: Mapping[int, str],
    rows: str,
    columns: str | None = None,
    *,
    count: str = "tags",
    variable_names: Collection[str] | None = None,
    label_ids: Collection[int] | None = None,
) -> CrossTable:
    """``cross_table`` of every tag of ``store`` (of the labels ``label_ids`` only, when
    given: ``labels_under`` gives a label's sub-labels), the same table, counted without
    reading the tags: the store groups them by what the two fields are made of (a few
    thousand groups for labels by month), each group's values found once.
    ``variable_names``: the store's ``segment_variable_names`` (of the same tags) when
    already read."""
    if count not in COUNTS:
        raise ValueError(f"count {count!r}: use tags or documents")
    names = variable_names
    for name in (rows, columns):
        if name is not None and name not in FIELDS and not _LABEL_LEVEL.match(name):
            names = store.segment_variable_names(label_ids) if names is None else names
            if name not in names:
                _refuse(name)
    parts = list(dict.fromkeys((*field_parts(rows), *(field_parts(columns) if columns else ()))))
    by_document = count == "documents"
    cells, by_row, by_column, everything = (_Tally(by_document) for _ in range(4))
    values_of: dict[tuple[Any, ...], tuple[set[str], set[str]]] = {}
    for group in store.segment_groups(parts, by_document=by_document, label_ids=label_ids):
        # The tags of a group, or the document the group's values were found in.
        key, tags_or_document = group[:-1], group[-1]
        found = values_of.get(key)
        if found is None:
            segment = _segment_of(parts, key)
            found = values_of[key] = (
                set(field_values(segment, rows, paths)),
                set(field_values(segment, columns, paths)) if columns else {TOTAL},
            )
        row_values, column_values = found
        for row in row_values:
            by_row.add(row, tags_or_document)
            for column in column_values:
                cells.add((row, column), tags_or_document)
        for column in column_values:
            by_column.add(column, tags_or_document)
        everything.add(TOTAL, tags_or_document)
    return CrossTable(
        rows,
        columns,
        _ordered(by_row.sizes()),
        _ordered(by_column.sizes()) if columns else (),
        cells.sizes(),
        by_row.sizes(),
        by_column.sizes(),
        everything.sizes().get(TOTAL, 0),
    )


def groups_with_value(
    store: SegmentsMixin, paths: Mapping[int, str], name: str, value: str
) -> frozenset[tuple[Any, ...]]:
    """The values of the parts field ``name`` is made of (``field_parts``, as the store's
    ``segment_groups`` gives them) for which the field has ``value``: a condition the store
    can select tags by (``SegmentWhere``), each group's values found once."""
    parts = field_parts(name)
    keys = (tuple(group[:-1]) for group in store.segment_groups(parts))
    return frozenset(
        key for key in keys if value in field_values(_segment_of(parts, key), name, paths)
    )


def values_of_field(store: SegmentsMixin, paths: Mapping[int, str], name: str) -> list[str]:
    """Every value field ``name`` has among the tags, in natural order, NONE last."""
    parts = field_parts(name)
    values = {
        value
        for *key, _tags in store.segment_groups(parts)
        for value in field_values(_segment_of(parts, key), name, paths)
    }
    return list(_ordered(values))


class _Tally:
    """How many tags or documents have each value: tags are added up (each in one group);
    documents are kept as sets (one document may be in several groups)."""

    def __init__(self, documents: bool) -> None:
        self.documents = documents
        self.tags: dict[Any, int] = defaultdict(int)
        self.ids: dict[Any, set[int]] = defaultdict(set)

    def add(self, value: Any, tags_or_document: int) -> None:
        if self.documents:
            self.ids[value].add(tags_or_document)
        else:
            self.tags[value] += tags_or_document

    def sizes(self) -> dict[Any, int]:
        if self.documents:
            return {value: len(ids) for value, ids in self.ids.items()}
        return dict(self.tags)


def _ordered(values: Iterable[str]) -> tuple[str, ...]:
    """Natural order, the tags without a value last."""
    return tuple(sorted(values, key=lambda value: (value == NONE, natural_key(value))))


def cell_segments(
    segments: Sequence[CodedSegment],
    paths: Mapping[int, str],
    rows: str,
    columns: str | None,
    row_value: str | None,
    column_value: str | None,
) -> list[CodedSegment]:
    """The segments behind a cell (None for a value: its total)."""
    return [
        segment
        for segment in segments
        if (row_value is None or row_value in field_values(segment, rows, paths))
        and (
            column_value is None
            or columns is None
            or column_value in field_values(segment, columns, paths)
        )
    ]


def available_fields(
    segments: Sequence[CodedSegment], paths: Mapping[int, str] | None = None
) -> list[str]:
    """FIELDS, the label path levels above the deepest labels ``paths`` give (label:1…),
    then the document variables and other attributes the segments have."""
    names = {name for segment in segments for name in (*segment.metadata, *segment.attributes)}
    return fields_offered(names, paths)


def fields_offered(
    variable_names: Iterable[str], paths: Mapping[int, str] | None = None
) -> list[str]:
    """FIELDS, the label path levels above the deepest labels ``paths`` give (label:1…),
    then ``variable_names`` (document variables, tag attributes) not among them."""
    depth = max((path.count(LABEL_PATH_SEPARATOR) for path in (paths or {}).values()), default=0)
    levels = [f"label:{level}" for level in range(1, depth + 1)]
    extra = {name for name in variable_names if name not in FIELDS}
    return [*FIELDS, *levels, *sorted(extra, key=natural_key)]
