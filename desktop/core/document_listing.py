"""The document list as rows by rank, read a block at a time, never all of it (issue 17).

A list of a million documents is a count and a few cached blocks of rows: asking for row r
reads its block, by keyset paging from a neighbouring block already read (the order's index is
searched from that row's key: as fast at the end as at the start), or else by an offset
counted from the nearer end of the list. Blocks least recently used are dropped past a bound,
so memory does not grow with scrolling. Sorting by a variable puts the documents with it
first (a part of its own, counted once), then those without it.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Sequence

from desktop.core.blocks import kept_block
from desktop.core.model import DocumentFilter, DocumentSummary, ListOrder
from desktop.core.store import CorruptProject, Store
from desktop.core.store.documents import Place

BLOCK_ROWS = 100
# A filter that lets fewer documents through than this has them found first, then sorted.
FEW_ROWS = 20_000
# Blocks kept: a few screens up and down of every place the user looked at lately.
KEPT_BLOCKS = 100

_Row = tuple[Place, DocumentSummary]


class DocumentListing:
    """The documents ``where`` lets through, in ``order``, row by rank."""

    def __init__(
        self,
        store: Store,
        order: ListOrder | None = None,
        where: DocumentFilter | None = None,
        variables: Sequence[str] = (),
    ) -> None:
        self.store = store
        self.order = order or ListOrder()
        self.where = where or DocumentFilter()
        self.variables = tuple(variables)
        self._blocks: OrderedDict[int, list[_Row]] = OrderedDict()
        self.total = 0
        # Rows in part 0 (all of them but for a variable's order); None: not counted yet.
        self._first_part: int | None = 0
        self.recount()

    def recount(self) -> None:
        """Count the rows again and forget every row read (documents came, went or changed)."""
        self._blocks.clear()
        # A damaged project is written to by nothing (the window says so): its documents
        # stored or changed since the keys were last made are listed without them.
        with contextlib.suppress(CorruptProject):
            self.store.refresh_sort_keys()
        self.total = self.store.document_count(where=self.where)
        # A variable's documents are counted only when a row far from the top is asked for
        # (under a filter, that count looks up every document it lets through).
        self._first_part = None if self.order.variable else self.total

    def forget_rows(self) -> None:
        """Read rows again when next asked, the count kept (tag counts or statuses changed)."""
        self._blocks.clear()

    def row(self, rank: int) -> DocumentSummary:
        return self._row(rank)[1]

    def cached(self, rank: int) -> DocumentSummary | None:
        """Row ``rank`` if it is read already (never reads the store)."""
        block = self._blocks.get(rank // BLOCK_ROWS)
        index = rank % BLOCK_ROWS
        return block[index][1] if block is not None and index < len(block) else None

    def replace(self, document_id: int, summary: DocumentSummary) -> int | None:
        """Put a document's re-read summary in its cached row (its place kept); its rank, or
        None when it is not cached."""
        for number, block in self._blocks.items():
            for index, (place, old) in enumerate(block):
                if old.id == document_id:
                    block[index] = (place, summary)
                    return number * BLOCK_ROWS + index
        return None

    def cached_summary(self, document_id: int) -> DocumentSummary | None:
        """A document's row as last read, when it is cached."""
        for block in self._blocks.values():
            for _place, summary in block:
                if summary.id == document_id:
                    return summary
        return None

    def rank_of(self, document_id: int) -> int | None:
        """The rank of a document in the list, None when the filter leaves it out: a cached
        row, or the rows before it counted in the order's index."""
        for number, block in self._blocks.items():
            for index, (_place, summary) in enumerate(block):
                if summary.id == document_id:
                    return number * BLOCK_ROWS + index
        return self.store.document_rank(self.order, self.where, document_id)

    def _row(self, rank: int) -> _Row:
        if not 0 <= rank < self.total:
            raise IndexError(f"row {rank} of {self.total}")
        number = rank // BLOCK_ROWS
        block = kept_block(self._blocks, number, self._read_block, KEPT_BLOCKS)
        index = rank % BLOCK_ROWS
        if index >= len(block):  # the store holds fewer rows than counted: deleted meanwhile
            raise IndexError(f"row {rank} is gone")
        return block[index]

    def _read_block(self, number: int) -> list[_Row]:
        start = number * BLOCK_ROWS
        end = min(start + BLOCK_ROWS, self.total)
        if self._first_part is None:
            read = self._read_from_top(start, end)
            if read is not None:
                return read
            self._first_part = self.store.count_first_part(self.order, self.where)
        rows: list[_Row] = []
        split = self._first_part
        if start < split:
            rows += self._read(0, start, min(end, split), 0, split)
        if end > split:
            rows += self._read(1, max(start, split), end, split, self.total)
        return rows

    def _read_from_top(self, start: int, end: int) -> list[_Row] | None:
        """Ranks [start, end) while part 0's length is not known: read on from the top or from
        the row before, part 0 ending where it comes back short (None: no such row read)."""
        if start == 0:
            rows = self._window(0, end, offset=0)
        else:
            before = self._place(start - 1)
            if before is None:
                return None
            rows = self._window(0, end - start, after=before)
        if len(rows) < end - start:
            self._first_part = start + len(rows)
            rows += self._window(1, end - start - len(rows), offset=0)
        return rows

    def _read(self, part: int, start: int, end: int, low: int, high: int) -> list[_Row]:
        """Rows of ranks [start, end), all in ``part``, which holds ranks [low, high)."""
        count = end - start
        before = self._place(start - 1) if start > low else None
        if before is not None:
            return self._window(part, count, after=before)
        following = self._place(end) if end < high else None
        if following is not None:
            return self._window(part, count, after=following, backwards=True)[::-1]
        if start - low <= high - end:
            return self._window(part, count, offset=start - low)
        return self._window(part, count, offset=high - end, backwards=True)[::-1]

    def _place(self, rank: int) -> Place | None:
        block = self._blocks.get(rank // BLOCK_ROWS)
        index = rank % BLOCK_ROWS
        return block[index][0] if block is not None and index < len(block) else None

    def _window(
        self,
        part: int,
        count: int,
        *,
        after: Place | None = None,
        offset: int = 0,
        backwards: bool = False,
    ) -> list[_Row]:
        return self.store.document_window(
            self.order,
            self.where,
            part=part,
            limit=count,
            offset=offset,
            after=after,
            backwards=backwards,
            variables=self.variables,
            few=self.total < FEW_ROWS and not self.where.is_empty,
        )
