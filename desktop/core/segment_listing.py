"""Coded segments as rows by rank, read a block at a time, never all of them (issue 17).

What the coded segments tab and a cell's tags list: the tags a ``SegmentWhere`` lets through
(counted by the store), in document order, then by position, each block of rows read by keyset
paging from a neighbouring block already read (the tags' index searched from that row's place:
as fast at the end as at the start), else by an offset from the nearer end; or tags given by
their ids (the co-occurrence tab's cell), a block read by ids. When a filter lets few tags
through, their ids are found at once, so no block searches far through tags it passes over.
Blocks least recently used are dropped past a bound: memory does not grow with scrolling.
``find`` does what takes a while (the count, the first block) where it can wait: a worker.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.blocks import kept_block
from desktop.core.store.segments import (
    CodedSegment,
    SegmentPlace,
    SegmentsMixin,
    SegmentWhere,
)

BLOCK_ROWS = 100
# A filter letting fewer tags through than this has their ids found at once.
FEW_ROWS = 20_000
KEPT_BLOCKS = 50


@dataclass(frozen=True)
class SegmentsFound:
    """What a listing starts from: how many tags, their ids when few (or given), and the
    first block of rows."""

    where: SegmentWhere | None
    total: int
    ids: Sequence[int] | None
    first: Sequence[CodedSegment | None]


def find(store: SegmentsMixin, where: SegmentWhere) -> SegmentsFound:
    """Count the tags ``where`` lets through and read the first block (their ids too, when
    few): the work of a worker thread, with a store of its own."""
    total = store.segment_count(where)
    ids = store.segment_ids(where) if total < FEW_ROWS else None
    first: Sequence[CodedSegment | None]
    if ids is not None:
        first = _by_ids(store, ids[:BLOCK_ROWS])
    else:
        first = store.segment_window(where, limit=BLOCK_ROWS)
    return SegmentsFound(where, len(ids) if ids is not None else total, ids, first)


def find_ids(store: SegmentsMixin, annotation_ids: Sequence[int]) -> SegmentsFound:
    """The tags of ``annotation_ids``, in that order, and the first block read."""
    return SegmentsFound(
        None, len(annotation_ids), annotation_ids, _by_ids(store, annotation_ids[:BLOCK_ROWS])
    )


def _by_ids(store: SegmentsMixin, annotation_ids: Sequence[int]) -> list[CodedSegment | None]:
    """The tags of ``annotation_ids`` a row each, None for one deleted since: the rows
    after it stay in their places."""
    read = {segment.annotation_id: segment for segment in store.segments_by_ids(annotation_ids)}
    return [read.get(tag) for tag in annotation_ids]


def every_segment(
    store: SegmentsMixin, where: SegmentWhere | None, ids: Sequence[int] | None
) -> list[CodedSegment]:
    """Every tag of a listing found by ``where`` (or given by ``ids`` when ``where`` is None),
    read now (an export): those the filter lets through now (some may have come or gone since
    the count). Any store of the project: a worker reads with one of its own."""
    if where is None:
        return store.segments_by_ids(ids or ())
    return store.segment_window(where, limit=-1)


def place(segment: CodedSegment) -> SegmentPlace:
    return (segment.document_id, segment.start, segment.end, segment.annotation_id)


class SegmentListing:
    """The tags ``found`` began, row by rank, read from ``store`` as asked for."""

    def __init__(self, store: SegmentsMixin, found: SegmentsFound) -> None:
        self.store = store
        self.where = found.where
        self.ids = found.ids
        self.total = found.total
        self._blocks: OrderedDict[int, Sequence[CodedSegment | None]] = OrderedDict()
        self._changed = False
        if found.first:
            self._blocks[0] = found.first

    def changed(self) -> None:
        """The project's tags changed since the listing was found: rows not read yet are not
        read any more (until the listing is found again), the blocks read so far still
        shown. Read by rank from the tags as they are now, a block would disagree with its
        neighbours (a tag at two ranks, or left out). Rows of tags given by their ids are
        still read: a tag's row is its own."""
        self._changed = self.ids is None

    def row(self, rank: int) -> CodedSegment:
        """The tag of row ``rank``; IndexError past the end, or when the tag is gone (deleted
        since it was counted)."""
        if not 0 <= rank < self.total:
            raise IndexError(f"row {rank} of {self.total}")
        number = rank // BLOCK_ROWS
        if self._changed and number not in self._blocks:
            raise IndexError(f"row {rank} is to be found again")
        block = kept_block(self._blocks, number, self._read_block, KEPT_BLOCKS)
        index = rank % BLOCK_ROWS
        segment = block[index] if index < len(block) else None
        if segment is None:
            raise IndexError(f"row {rank} is gone")
        return segment

    def every_row(self) -> list[CodedSegment]:
        """Every tag of the listing, read now from its store (see :func:`every_segment`)."""
        return every_segment(self.store, self.where, self.ids)

    def _read_block(self, number: int) -> Sequence[CodedSegment | None]:
        start = number * BLOCK_ROWS
        end = min(start + BLOCK_ROWS, self.total)
        if self.ids is not None:
            return _by_ids(self.store, self.ids[start:end])
        assert self.where is not None
        count = end - start
        before = self._place(start - 1) if start > 0 else None
        if before is not None:
            return self.store.segment_window(self.where, limit=count, after=before)
        following = self._place(end) if end < self.total else None
        if following is not None:
            rows = self.store.segment_window(
                self.where, limit=count, after=following, backwards=True
            )
            return rows[::-1]
        if start <= self.total - end:
            return self.store.segment_window(self.where, limit=count, offset=start)
        rows = self.store.segment_window(
            self.where, limit=count, offset=self.total - end, backwards=True
        )
        return rows[::-1]

    def _place(self, rank: int) -> SegmentPlace | None:
        block = self._blocks.get(rank // BLOCK_ROWS)
        index = rank % BLOCK_ROWS
        segment = block[index] if block is not None and index < len(block) else None
        return place(segment) if segment is not None else None
