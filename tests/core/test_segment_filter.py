"""Choosing coded segments: by label with its sub-labels, by field values, by a matrix cell;
checked against a choice made by hand over the same tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.exports.selection import label_paths
from desktop.core.segment_filter import SegmentFilter, cell_filter, parse_conditions, select
from desktop.core.stats import NONE, UnknownField, cross_table
from desktop.core.store import Store
from tests.core.test_stats import project


def test_a_label_brings_its_sub_labels_and_conditions_all_hold(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
        directive = next(label.id for label in labels if label.name == "指令")
        chosen = SegmentFilter(frozenset({directive}), (("annotator", "甲"),))
        found = select(segments, labels, chosen)
        # By hand: the tags under 指令 (its child 要求) coded by 甲.
        expected = [
            s.annotation_id
            for s in segments
            if label_paths(labels)[s.label_id].startswith("指令") and s.annotator == "甲"
        ]
        assert [s.annotation_id for s in found] == expected
        assert len(found) == 2
        assert chosen.describe(labels) == "labels 指令; annotator=甲"


def test_document_variables_and_tags_without_a_value(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
        in_city = select(segments, labels, SegmentFilter(conditions=(("city", "宿迁"),)))
        assert {s.document_id for s in in_city} == {1}
        no_issuer = select(segments, labels, SegmentFilter(conditions=(("issuer", NONE),)))
        assert [s.text for s in no_issuer] == ["没有"]
        undated = select(segments, labels, SegmentFilter(conditions=(("month", NONE),)))
        assert [s.document_id for s in undated] == [3]
        with pytest.raises(UnknownField):
            select(segments, labels, SegmentFilter(conditions=(("nothing", "x"),)))


def test_each_cell_filter_selects_the_tags_the_cell_counted(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
        paths = label_paths(labels)
        for rows, columns in (("issuer", "annotator"), ("label", "month"), ("label:1", None)):
            table = cross_table(segments, paths, rows, columns)
            for (row, column), count in table.cells.items():
                cell = cell_filter(rows, columns, row, None if columns is None else column)
                assert len(select(segments, labels, cell)) == count
            everything = cell_filter(rows, columns, None, None)
            assert len(select(segments, labels, everything)) == table.total


def test_conditions_are_parsed_in_order_and_an_empty_value_is_none() -> None:
    assert parse_conditions(["issuer=市长", " city = 宿迁 ", "issuer="]) == (
        ("issuer", "市长"),
        ("city", "宿迁"),
        ("issuer", NONE),
    )
    with pytest.raises(ValueError, match="FIELD=VALUE"):
        parse_conditions(["issuer"])


def test_an_empty_project_has_no_segments(tmp_path: Path) -> None:
    with Store(tmp_path / "e.jiyao") as store:
        assert select(store.coded_segments(), store.labels(), SegmentFilter()) == []
