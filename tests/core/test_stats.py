"""Cross tables of coded segments, checked against a count made by hand from the same tags."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from desktop.core.exports.selection import label_paths
from desktop.core.model import NewDocument, Status
from desktop.core.stats import (
    NONE,
    UnknownField,
    available_fields,
    cell_segments,
    cross_table,
    with_labels,
)
from desktop.core.store import Store


def project(path: Path) -> Store:
    store = Store(path)
    texts = [
        ("𠀀市长要求复工复产", "2020-03-05"),
        ("市長要求復工", "2020-04-01"),
        ("没有日期的", ""),
    ]
    ids = store.add_documents(
        [
            NewDocument(
                title=f"第{n}号",
                raw_text=text,
                clean_text=text,
                encoding="utf-8",
                script="simplified",
                date=date,
                metadata={"city": "宿迁"} if n == 0 else {},
            )
            for n, (text, date) in enumerate(texts)
        ]
    )
    first, second, third = ids
    assert first and second and third
    directive = store.add_label("指令").id
    demand = store.add_label("要求", parent_id=directive).id
    other = store.add_label("其他").id
    store.add_annotation(first, demand, 1, 5, attributes={"issuer": "市长"}, annotator="甲")
    store.add_annotation(
        first, demand, 3, 7, attributes={"issuer": "市长"}, annotator="乙"
    )  # overlaps
    store.add_annotation(second, demand, 0, 4, attributes={"issuer": "市長"}, annotator="甲")
    store.add_annotation(third, other, 0, 2, annotator="甲")
    store.set_status(second, Status.DONE)
    return store


def test_label_by_month_counts_tags_and_documents(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments = store.coded_segments()
        # The text is cut at code points: the astral character before the tag counts one.
        assert segments[0].text == "市长要求"
        table = cross_table(segments, label_paths(store.labels()), "label", "month")
        # By hand: each tag's label path and its document's month.
        expected = Counter(
            (
                "指令/要求" if s.label_id != 3 else "其他",
                s.date[:7] or NONE,
            )
            for s in segments
        )
        assert {cell: n for cell, n in table.cells.items()} == dict(expected)
        assert table.csv_rows() == [
            ["label", "2020-03", "2020-04", NONE, "total"],
            ["其他", 0, 0, 1, 1],
            ["指令/要求", 2, 1, 0, 3],
            ["total", 2, 1, 1, 4],
        ]
        documents = cross_table(segments, label_paths(store.labels()), "label", count="documents")
        assert documents.csv_rows() == [
            ["label", "total"],
            ["其他", 1],
            ["指令/要求", 2],
            ["total", 3],
        ]


def test_attributes_variables_annotators_and_label_filter(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        labels = store.labels()
        demands = with_labels(store.coded_segments(), labels, ["指令"])
        assert len(demands) == 3
        table = cross_table(demands, label_paths(labels), "issuer", "annotator")
        assert table.csv_rows() == [
            ["issuer", "乙", "甲", "total"],
            ["市長", 0, 1, 1],
            ["市长", 1, 1, 2],
            ["total", 1, 2, 3],
        ]
        city = cross_table(
            store.coded_segments(), label_paths(labels), "city", "status", count="documents"
        )
        # The store leaves statuses as they are (the window sets them): new, and one done.
        assert city.csv_rows() == [
            ["city", "done", "new", "total"],
            ["宿迁", 0, 1, 1],
            [NONE, 1, 1, 2],
            ["total", 1, 2, 3],
        ]
        with pytest.raises(UnknownField, match="no field 'nothing'"):
            cross_table(store.coded_segments(), label_paths(labels), "nothing")
        with pytest.raises(UnknownField, match="no label named"):
            with_labels(store.coded_segments(), labels, ["没有"])


def test_a_cell_opens_the_segments_behind_it(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
        table = cross_table(segments, label_paths(labels), "issuer", "annotator")
        for (row, column), count in table.cells.items():
            behind = cell_segments(
                segments, label_paths(labels), "issuer", "annotator", row, column
            )
            assert len(behind) == count
        behind = cell_segments(segments, label_paths(labels), "issuer", "annotator", "市长", None)
        assert [s.text for s in behind] == ["市长要求", "要求复工"]
        assert "city" in available_fields(segments)


def varied_project(path: Path) -> Store:
    """Tags whose fields take every shape a value has: lists (two addressees), numbers,
    true, null, nested objects, no value, a variable named like an attribute, a name with a
    quote, variables another program wrote with escaped keys (numbers beside them: their
    digits as written, a variable named ""), and NaN and Infinity, which Python writes and
    SQLite's JSON refuses."""
    store = project(path)
    ids = store.add_documents(
        [
            NewDocument(
                title=f"另{n}",
                raw_text=f"区长要求复工复产落实{n}",
                clean_text=f"区长要求复工复产落实{n}",
                encoding="utf-8",
                script="simplified",
                date=date,
                source=source,
                metadata=metadata,
            )
            for n, (date, source, metadata) in enumerate(
                [
                    ("2020-13-01", "新华社", {"pages": 12, "ratio": 0.30000000000000004}),
                    ("2021", "", {"issuer": "县长", "flag": True, 'say "hi"': "引号"}),
                    ("2021-07-09", "人民日报", {"nested": {"a": [1, 2]}, "none": None}),
                    ("2022-01-01", "", {"score": float("nan"), "pages": 3, "x": "\\"}),
                ]
            )
        ]
    )
    label = store.labels()[1].id
    for document_id, attributes in zip(
        ids,
        [
            {"addressee": ["各区", "各县", "各区"]},
            {"deadline": "", "strength": 3},
            {"extra": "额"},
            {"weight": float("inf")},
        ],
        strict=True,
    ):
        assert document_id is not None
        store.add_annotation(document_id, label, 0, 2, attributes=attributes, annotator="丙")
        store.add_annotation(document_id, label, 4, 6, annotator="")
    with store.transaction():  # as another program writes JSON: keys escaped
        store.db.execute(
            "UPDATE documents SET metadata = ? WHERE id = ?",
            (
                '{"\\u680f\\u76ee": "\\u8981\\u95fb", "pages": 7, "ratio": 0.30000000000000004,'
                ' "big": 12345678901234567890, "zero": -0.0, "": "\\u7a7a"}',
                ids[0],
            ),
        )
        # As Jiyao wrote NaN before it stored it as text (issue 17): a project may hold one.
        store.db.execute(
            "UPDATE documents SET metadata = ? WHERE id = ?",
            ('{"score": NaN, "pages": 3, "x": "\\\\"}', ids[3]),
        )
    return store


def test_counted_in_the_store_as_read_tag_by_tag(tmp_path: Path) -> None:
    """The table counted from the store's groups is the one every tag read gives, for every
    pair of fields and both counts."""
    from desktop.core.stats import counted_cross_table, fields_offered

    with varied_project(tmp_path / "p.jiyao") as store:
        segments = store.coded_segments(with_text=False)
        paths = label_paths(store.labels())
        names = store.segment_variable_names()
        fields = fields_offered(names, paths)
        assert fields == available_fields(segments, paths)
        assert {"栏目", "pages", 'say "hi"', "addressee", "extra"} <= set(fields)
        for rows in fields:
            for columns in [None, *fields]:
                for count in ("tags", "documents"):
                    expected = cross_table(segments, paths, rows, columns, count=count)
                    counted = counted_cross_table(
                        store, paths, rows, columns, count=count, variable_names=names
                    )
                    assert counted == expected, (rows, columns, count)
        assert counted_cross_table(store, paths, "栏目", "label").row_values == ("要闻", NONE)
        # The numbers of a row with escapes as Python reads them, and a variable named "".
        assert counted_cross_table(store, paths, "ratio").row_values == (
            "0.30000000000000004",
            NONE,
        )
        assert counted_cross_table(store, paths, "big").row_values == (
            "12345678901234567890",
            NONE,
        )
        assert counted_cross_table(store, paths, "zero").row_values == ("-0.0", NONE)
        assert counted_cross_table(store, paths, "score").row_values == ("nan", NONE)
        assert counted_cross_table(store, paths, "weight").row_values == ("inf", NONE)
        assert counted_cross_table(store, paths, "", "label") == cross_table(
            segments, paths, "", "label"
        )
        with pytest.raises(UnknownField):
            counted_cross_table(store, paths, "label", "no such variable")
