"""Which coded segments a report, the segments view or a matrix cell shows: those of some
labels (each with its sub-labels) whose fields have given values (issuer=市长, annotator=甲,
month=2020-03, a document variable: city=宿迁). The fields are those of ``core.stats``, so a
matrix cell's row and column values select exactly the tags the cell counted."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from desktop.core.exports.selection import label_paths
from desktop.core.model import Label
from desktop.core.stats import (
    NONE,
    check_field,
    check_field_named,
    field_parts,
    field_values,
    groups_with_value,
    labels_under,
    under_labels,
)
from desktop.core.store.segments import CodedSegment, SegmentsMixin, SegmentWhere

# (field name, value): issuer=市长 is ("issuer", "市长").
Condition = tuple[str, str]


@dataclass(frozen=True)
class SegmentFilter:
    """``label_ids``: only tags of these labels or below them (empty: every label);
    ``conditions``: (field name, the value the field must have; ``NONE``: no value), all of
    them (a field may come twice: a cell of addressee by addressee)."""

    label_ids: frozenset[int] = frozenset()
    conditions: tuple[Condition, ...] = ()

    def describe(self, labels: Sequence[Label]) -> str:
        """The filter in one line, for a report's reader: 'labels 指令; issuer=市长'."""
        paths = label_paths(labels)
        parts = []
        if self.label_ids:
            names = sorted(paths.get(label_id, str(label_id)) for label_id in self.label_ids)
            parts.append("labels " + ", ".join(names))
        parts += [f"{name}={value}" for name, value in self.conditions]
        return "; ".join(parts)


def matching(
    segments: Sequence[CodedSegment],
    labels: Sequence[Label],
    conditions: Iterable[Condition],
) -> list[CodedSegment]:
    """The segments whose field has the value given for it in ``conditions`` (any field
    ``core.stats`` knows: issuer=市长, month=2020-03, city=宿迁, annotator=甲)."""
    paths = label_paths(labels)
    wanted = list(conditions)
    return [
        segment
        for segment in segments
        if all(value in field_values(segment, name, paths) for name, value in wanted)
    ]


def select(
    segments: Sequence[CodedSegment], labels: Sequence[Label], chosen: SegmentFilter
) -> list[CodedSegment]:
    """The segments ``chosen`` lets through, in the order given. Raises ``stats.UnknownField``
    for a condition on a field no tag or document has."""
    for name, _value in chosen.conditions:
        check_field(name, segments)
    if chosen.label_ids:
        segments = under_labels(segments, labels, chosen.label_ids)
    return matching(segments, labels, chosen.conditions)


def store_where(
    store: SegmentsMixin,
    labels: Sequence[Label],
    chosen: SegmentFilter,
    variable_names: Collection[str] | None = None,
) -> SegmentWhere:
    """How the store selects the tags ``chosen`` lets through: the tags ``select`` gives
    from every tag read, found without reading one (each condition's field grouped by the
    store, each group's values found once). ``variable_names``: the store's
    ``segment_variable_names`` when already read. Raises ``stats.UnknownField`` as
    ``select`` does."""
    if chosen.conditions and variable_names is None:
        variable_names = store.segment_variable_names()
    for name, _value in chosen.conditions:
        check_field_named(name, variable_names or ())
    paths = label_paths(labels)
    return SegmentWhere(
        labels_under(labels, chosen.label_ids) if chosen.label_ids else None,
        tuple(
            (field_parts(name), groups_with_value(store, paths, name, value))
            for name, value in chosen.conditions
        ),
    )


def parse_conditions(texts: Sequence[str]) -> tuple[Condition, ...]:
    """``FIELD=VALUE`` strings as conditions (``FIELD=``: it has no value); a string without
    ``=`` is refused."""
    conditions: list[Condition] = []
    for text in texts:
        name, equals, value = text.partition("=")
        if not equals or not name.strip():
            raise ValueError(f"{text!r}: write FIELD=VALUE (issuer=市长)")
        # issuer= asks for the tags without an issuer: the "(none)" of jiyao stats (an empty
        # value never matched anything).
        conditions.append((name.strip(), value.strip() or NONE))
    return tuple(conditions)


def cell_filter(
    rows_field: str, columns_field: str | None, row_value: str | None, column_value: str | None
) -> SegmentFilter:
    """The filter of a cross table's cell (None for a value: its total), the same tags
    ``stats.cell_segments`` gives."""
    conditions: list[Condition] = []
    if row_value is not None:
        conditions.append((rows_field, row_value))
    if columns_field is not None and column_value is not None:
        conditions.append((columns_field, column_value))
    return SegmentFilter(conditions=tuple(conditions))
