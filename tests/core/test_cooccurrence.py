"""Labels occurring together (issue 15), checked against a count made over every pair of tags
by brute force, with overlapping tags, astral characters and a document without a date; and
the label path level field of the cross tables."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest

from desktop.core.cooccurrence import OVERLAPPING, cooccurrence
from desktop.core.exports.selection import label_paths
from desktop.core.model import NewDocument
from desktop.core.stats import available_fields, cross_table
from desktop.core.store import Store
from desktop.core.store.segments import CodedSegment

TEXTS = ["𠀀市长要求复工复产，口罩", "市長要求復工", "没有日期的要求"]
# (document index, label, start, end)
TAGS = [
    (0, "要求", 3, 5),
    (0, "复工", 5, 7),  # touches 要求
    (0, "复工", 4, 9),  # overlaps both
    (0, "物资", 10, 12),  # 1 after the overlapping 复工, 5 after 要求
    (1, "要求", 2, 4),
    (1, "物资", 4, 6),
    (2, "要求", 5, 7),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "c.jiyao") as opened:
        ids = opened.add_documents(
            [
                NewDocument(
                    title=f"第{n}号",
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script="simplified",
                    date="" if n == 2 else f"2020-0{n + 1}-01",
                )
                for n, text in enumerate(TEXTS)
            ]
        )
        top = opened.add_label("措施")
        labels = {
            "要求": opened.add_label("要求"),
            "复工": opened.add_label("复工", parent_id=top.id),
            "物资": opened.add_label("物资", parent_id=top.id),
        }
        for document, name, start, end in TAGS:
            document_id = ids[document]
            assert document_id is not None
            opened.add_annotation(document_id, labels[name].id, start, end, annotator="王")
        yield opened


def brute_force(
    segments: list[CodedSegment], paths: dict[int, str], within: int | None
) -> tuple[dict[frozenset[str], set[int]], dict[frozenset[str], int]]:
    """Every pair of different tags of a document, its distance worked out from the
    characters each covers."""
    documents: dict[frozenset[str], set[int]] = {}
    pairs: dict[frozenset[str], int] = {}
    for one, other in combinations(segments, 2):
        if one.document_id != other.document_id:
            continue
        covered = set(range(one.start, one.end)) & set(range(other.start, other.end))
        distance = -1 if covered else max(other.start - one.end, one.start - other.end)
        if within is not None and distance > within:
            continue
        key = frozenset((paths[one.label_id], paths[other.label_id]))
        documents.setdefault(key, set()).add(one.document_id)
        pairs[key] = pairs.get(key, 0) + 1
    return documents, pairs


@pytest.mark.parametrize("within", [None, OVERLAPPING, 0, 3, 4])
def test_cells_agree_with_every_pair_counted_by_hand(store: Store, within: int | None) -> None:
    segments = store.coded_segments()
    paths = label_paths(store.labels())
    documents, pairs = brute_force(segments, paths, within)
    by_documents = cooccurrence(segments, paths, within=within)
    by_pairs = cooccurrence(segments, paths, within=within, count="pairs")
    assert by_documents.labels == ("措施/复工", "措施/物资", "要求")
    for one in by_documents.labels:
        for other in by_documents.labels:
            key = frozenset((one, other))
            assert by_documents.cell(one, other) == len(documents.get(key, ()))
            assert by_pairs.cell(one, other) == pairs.get(key, 0)
            assert by_pairs.cell(one, other) == by_pairs.cell(other, one)


def test_a_few_cells_by_eye(store: Store) -> None:
    segments = store.coded_segments()
    paths = label_paths(store.labels())
    same_document = cooccurrence(segments, paths)
    assert same_document.cell("要求", "措施/物资") == 2
    assert same_document.cell("措施/复工", "措施/复工") == 1  # two different 复工 tags
    overlapping = cooccurrence(segments, paths, within=OVERLAPPING, count="pairs")
    assert overlapping.cell("要求", "措施/复工") == 1  # touching is not overlapping
    touching = cooccurrence(segments, paths, within=0, count="pairs")
    assert touching.cell("要求", "措施/复工") == 2
    assert touching.cell("要求", "措施/物资") == 1
    levels = cooccurrence(segments, paths, level=1)
    assert levels.labels == ("措施", "要求")
    assert levels.csv_rows() == [["label", "措施", "要求"], ["措施", 1, 2], ["要求", 2, 0]]


def test_label_path_levels_in_cross_tables(store: Store) -> None:
    segments = store.coded_segments()
    paths = label_paths(store.labels())
    assert "label:1" in available_fields(segments, paths)
    assert "label:2" not in available_fields(segments, paths)
    table = cross_table(segments, paths, "label:1", "year")
    # Independent: the first part of each tag's label path, counted.
    tops = [paths[s.label_id].split("/")[0] for s in segments]
    assert table.row_totals == {"措施": tops.count("措施"), "要求": tops.count("要求")}
    assert table.cells[("要求", "(none)")] == 1  # the document without a date
    deeper = cross_table(segments, paths, "label:5")
    assert deeper.row_values == cross_table(segments, paths, "label").row_values
