"""The coded segments as the store selects and pages them (issue 17): the same tags, in the
same order, that reading every tag and filtering in Python (``segment_filter.select``) gives,
for every kind of field and value; read a block at a time from either end."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import segment_listing
from desktop.core.exports.selection import label_paths
from desktop.core.model import NewDocument
from desktop.core.segment_filter import SegmentFilter, select, store_where
from desktop.core.segment_listing import SegmentListing, find, find_ids
from desktop.core.stats import NONE, UnknownField, fields_offered, values_of_field
from desktop.core.store import Store
from tests.core.test_stats import varied_project


def every_filter(store: Store) -> list[SegmentFilter]:
    """A filter per value of every field, on every label and on each label alone, and some
    with two conditions."""
    labels = store.labels()
    paths = label_paths(labels)
    fields = fields_offered(store.segment_variable_names(), paths)
    filters = [SegmentFilter(frozenset({label.id})) for label in labels]
    for name in fields:
        for value in [*values_of_field(store, paths, name), "no such value"]:
            filters.append(SegmentFilter(conditions=((name, value),)))
    filters.append(SegmentFilter(conditions=(("issuer", "市长"), ("annotator", "甲"))))
    filters.append(SegmentFilter(frozenset({labels[0].id}), (("addressee", "各区"),)))
    filters.append(SegmentFilter(conditions=(("addressee", "各区"), ("addressee", "各县"))))
    filters.append(SegmentFilter(conditions=(("document", "1: 第0号"), ("month", NONE))))
    return filters


def test_the_store_selects_what_every_tag_read_gives(tmp_path: Path) -> None:
    with varied_project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
        filters = every_filter(store)
        assert len(filters) > 60
        for chosen in filters:
            expected = select(segments, labels, chosen)
            where = store_where(store, labels, chosen)
            assert store.segment_count(where) == len(expected), chosen
            assert store.segment_window(where, limit=10_000) == expected, chosen
            ids = [segment.annotation_id for segment in expected]
            assert store.segment_ids(where) == ids, chosen
            assert store.segments_by_ids(ids[::-1]) == expected[::-1], chosen
        with pytest.raises(UnknownField):
            store_where(store, labels, SegmentFilter(conditions=(("no such", "x"),)))


def test_values_offered_are_those_the_tags_have(tmp_path: Path) -> None:
    with varied_project(tmp_path / "p.jiyao") as store:
        paths = label_paths(store.labels())
        assert values_of_field(store, paths, "addressee") == ["各区", "各县", NONE]
        assert values_of_field(store, paths, "annotator")[-1] == NONE


def many_tags(path: Path, documents: int = 30, tags_each: int = 11) -> Store:
    store = Store(path)
    text = "会议要求各部门做好复工复产工作" * 3
    ids = store.add_documents(
        [
            NewDocument(
                title=f"第{n}号",
                raw_text=f"{text}{n}",
                clean_text=f"{text}{n}",
                encoding="utf-8",
                script="simplified",
                date=f"2020-{n % 12 + 1:02d}-01",
            )
            for n in range(documents)
        ]
    )
    first, second = store.add_label("甲").id, store.add_label("乙").id
    for document_id in ids:
        assert document_id is not None
        for number in range(tags_each):
            # Tags starting at one place with different ends: the order's tie-breaks.
            start = number // 2 * 3
            label = first if number % 3 else second
            store.add_annotation(document_id, label, start, start + 2 + number % 2)
    return store


@pytest.mark.parametrize("few", [True, False])
def test_blocks_read_in_any_order_give_the_rows_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, few: bool
) -> None:
    monkeypatch.setattr(segment_listing, "BLOCK_ROWS", 7)
    monkeypatch.setattr(segment_listing, "KEPT_BLOCKS", 3)
    monkeypatch.setattr(segment_listing, "FEW_ROWS", 10**6 if few else 0)
    with many_tags(tmp_path / "p.jiyao") as store:
        labels = store.labels()
        for chosen in (
            SegmentFilter(),
            SegmentFilter(frozenset({labels[0].id})),
            SegmentFilter(conditions=(("month", "2020-03"),)),
        ):
            expected = select(store.coded_segments(), labels, chosen)
            found = find(store, store_where(store, labels, chosen))
            assert (found.total, found.ids is not None) == (len(expected), few)
            ranks = list(range(len(expected)))
            # From the top, from the end (offsets from the nearer end), then jumps.
            for order in (ranks, ranks[::-1], ranks[::5] + ranks[::-3] + ranks[2::4]):
                listing = SegmentListing(store, found)
                assert [listing.row(rank) for rank in order] == [expected[r] for r in order]
            assert SegmentListing(store, found).every_row() == expected
            with pytest.raises(IndexError):
                SegmentListing(store, found).row(len(expected))


def test_tags_given_by_id_are_listed_in_that_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segment_listing, "BLOCK_ROWS", 4)
    with many_tags(tmp_path / "p.jiyao", documents=3) as store:
        segments = store.coded_segments()
        chosen = segments[::-2]
        listing = SegmentListing(store, find_ids(store, [s.annotation_id for s in chosen]))
        assert listing.total == len(chosen)
        assert [listing.row(rank) for rank in range(listing.total)] == chosen
        assert listing.every_row() == chosen


def test_values_beyond_the_basic_plane_select_their_tags(tmp_path: Path) -> None:
    """A title, a source and an attribute with 𠀀 (two UTF-16 units, one code point)."""
    with Store(tmp_path / "p.jiyao") as store:
        (document,) = store.add_documents(
            [
                NewDocument(
                    title="𠀀市会议",
                    raw_text="要求复工",
                    clean_text="要求复工",
                    encoding="utf-8",
                    script="simplified",
                    source="𠀀报",
                    metadata={"栏目": "𠀀"},
                )
            ]
        )
        assert document is not None
        label = store.add_label("要求").id
        store.add_annotation(document, label, 0, 2, attributes={"issuer": "𠀀长"})
        labels = store.labels()
        for condition in (
            ("document", f"{document}: 𠀀市会议"),
            ("source", "𠀀报"),
            ("issuer", "𠀀长"),
            ("栏目", "𠀀"),
        ):
            where = store_where(store, labels, SegmentFilter(conditions=(condition,)))
            assert store.segment_count(where) == 1, condition
            assert [s.text for s in store.segment_window(where, limit=5)] == ["要求"]


def test_a_tag_deleted_from_a_listing_by_ids_leaves_the_rows_after_it_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A co-occurrence cell's tags by their ids: one deleted since is a row gone, not the
    next tag moved up into its row (a double click would open another tag)."""
    monkeypatch.setattr(segment_listing, "BLOCK_ROWS", 4)
    with many_tags(tmp_path / "p.jiyao", documents=2, tags_each=4) as store:
        segments = store.coded_segments()
        listing = SegmentListing(store, find_ids(store, [s.annotation_id for s in segments]))
        store.delete_annotation(segments[5].annotation_id)  # in a block not read yet
        assert listing.row(4) == segments[4]
        with pytest.raises(IndexError):
            listing.row(5)
        assert [listing.row(rank) for rank in (6, 7)] == segments[6:8]
        listing.changed()  # a tag's row by its id stays its own: still read
        store.delete_annotation(segments[0].annotation_id)
        assert listing.row(1) == segments[1]


def test_after_a_change_a_paged_listing_reads_no_row_by_rank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blocks read by rank after a deletion, some by keyset from a neighbour read before it
    and some by offset from the end, would show one tag at two ranks: once told the tags
    changed, the listing shows what it read and reads nothing more until found again."""
    monkeypatch.setattr(segment_listing, "BLOCK_ROWS", 2)
    monkeypatch.setattr(segment_listing, "FEW_ROWS", 0)  # paged, not by ids
    with many_tags(tmp_path / "p.jiyao", documents=1, tags_each=6) as store:
        segments = store.coded_segments()
        where = store_where(store, store.labels(), SegmentFilter())
        listing = SegmentListing(store, find(store, where))
        assert listing.row(5) == segments[5]
        store.delete_annotation(segments[2].annotation_id)
        listing.changed()
        shown = []
        for rank in (5, 4, 3, 2, 1, 0):
            try:
                shown.append(listing.row(rank))
            except IndexError:
                assert rank in (2, 3)  # the block not read before the change
        assert shown == [segments[5], segments[4], segments[1], segments[0]]
        assert SegmentListing(store, find(store, where)).total == 5  # found again


def test_an_export_of_a_listing_takes_the_tags_as_they_are(tmp_path: Path) -> None:
    with many_tags(tmp_path / "p.jiyao", documents=2, tags_each=3) as store:
        listing = SegmentListing(
            store, find(store, store_where(store, store.labels(), SegmentFilter()))
        )
        label = store.labels()[0].id
        store.add_annotation(store.document_ids()[0], label, 5, 6)
        assert len(listing.every_row()) == listing.total + 1 == len(store.coded_segments())


def test_the_tags_are_listed_from_their_index_alone(tmp_path: Path) -> None:
    """Issue 17: a block of the list is found by walking the tags' index, which holds their
    whole order: no sort, and no tag passed over read from its row (scattered through the
    project's texts, that made scrolling to the middle of 400,000 tags take seconds)."""
    with many_tags(tmp_path / "p.jiyao", documents=3, tags_each=4) as store:
        where = store_where(store, store.labels(), SegmentFilter())
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        store.segment_window(where, limit=2, offset=5)
        store.segment_window(where, limit=2, after=(2, 0, 2, 6), backwards=True)
        store.db.conn.set_trace_callback(None)
        listed = [s for s in statements if "FROM annotations" in s]
        assert len(listed) == 3  # the place before the offset, then two windows
        assert "JOIN documents" not in listed[0] and "OFFSET 4" in listed[0]
        assert all("OFFSET 0" in statement for statement in listed[1:])
        for statement in listed:
            plan = " | ".join(
                row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {statement}").fetchall()
            )
            assert "INDEX annotations_by_document" in plan, plan
            assert "TEMP B-TREE" not in plan, plan


def test_a_window_from_an_offset_is_the_slice_of_every_tag_selected(tmp_path: Path) -> None:
    """From either end, at any offset, filtered by the tags or by their documents: the tags
    passed over are walked in the index alone when the filter is on the tags alone."""
    with varied_project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
        for chosen in every_filter(store):
            expected = select(segments, labels, chosen)
            where = store_where(store, labels, chosen)
            for offset in sorted({0, 1, 2, len(expected) // 2, len(expected), len(expected) + 3}):
                window = store.segment_window(where, limit=3, offset=offset)
                assert window == expected[offset : offset + 3], (chosen, offset)
                from_end = store.segment_window(where, limit=3, offset=offset, backwards=True)
                assert from_end == expected[::-1][offset : offset + 3], (chosen, offset)
