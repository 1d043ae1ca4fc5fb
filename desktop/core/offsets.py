"""One offset-map type for every pair of texts Jiyao aligns.

An :class:`OffsetMap` aligns a *source* text with a *target* text as a sequence of segments.
A segment is either *exact* (same length on both sides, character i maps to character i) or a
*block* (mapped only as a whole: a removed artefact, a phrase conversion that changes length,
a character that takes two UTF-16 units). It serves three pairs:

- raw text -> clean text (cleaning deletes artefacts): :meth:`OffsetMap.from_deletions`
- clean text -> converted text (OpenCC phrase tables): built by ``desktop.core.conversion``
- code points -> UTF-16 units (what Qt counts): :meth:`OffsetMap.for_utf16`

All offsets are 0-based and end-exclusive. A span that starts or ends inside a block is widened
to cover the whole block, so a mapped span never cuts a unit that has no inner alignment.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Segment:
    source_start: int
    source_end: int
    target_start: int
    target_end: int
    exact: bool

    @property
    def source_length(self) -> int:
        return self.source_end - self.source_start

    @property
    def target_length(self) -> int:
        return self.target_end - self.target_start


class OffsetMapBuilder:
    """Collects segments left to right; neighbouring exact segments are merged."""

    def __init__(self) -> None:
        self._segments: list[Segment] = []
        self._source = 0
        self._target = 0

    def copy(self, length: int) -> None:
        """The next ``length`` characters correspond one to one."""
        if length <= 0:
            return
        last = self._segments[-1] if self._segments else None
        if last is not None and last.exact:
            self._segments[-1] = Segment(
                last.source_start,
                last.source_end + length,
                last.target_start,
                last.target_end + length,
                True,
            )
        else:
            self._segments.append(
                Segment(
                    self._source, self._source + length, self._target, self._target + length, True
                )
            )
        self._source += length
        self._target += length

    def replace(self, source_length: int, target_length: int) -> None:
        """``source_length`` characters became ``target_length`` characters, aligned as a whole."""
        if source_length == 0 and target_length == 0:
            return
        if source_length == target_length:
            # Equal-length replacements (OpenCC character tables) keep a one-to-one alignment.
            self.copy(source_length)
            return
        self._segments.append(
            Segment(
                self._source,
                self._source + source_length,
                self._target,
                self._target + target_length,
                False,
            )
        )
        self._source += source_length
        self._target += target_length

    def build(self) -> OffsetMap:
        return OffsetMap(self._source, self._target, tuple(self._segments))


@dataclass(frozen=True)
class OffsetMap:
    source_length: int
    target_length: int
    segments: tuple[Segment, ...]
    # Lookup tables over the segments that are non-empty on each side, built once.
    _by_source: tuple[tuple[int, ...], tuple[int, ...], tuple[Segment, ...]] = field(
        init=False, repr=False, compare=False
    )
    _by_target: tuple[tuple[int, ...], tuple[int, ...], tuple[Segment, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._check_contiguous()
        object.__setattr__(self, "_by_source", _index(self.segments, source=True))
        object.__setattr__(self, "_by_target", _index(self.segments, source=False))

    # Construction -----------------------------------------------------------------------

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        builder = OffsetMapBuilder()
        builder.copy(length)
        return builder.build()

    @classmethod
    def from_deletions(cls, source_length: int, deletions: Iterable[tuple[int, int]]) -> OffsetMap:
        """Map a text to itself with the given ``(start, end)`` spans removed.

        Raises ValueError if the spans overlap or fall outside the text.
        """
        builder = OffsetMapBuilder()
        position = 0
        for start, end in sorted(deletions):
            if start < position or end < start or end > source_length:
                raise ValueError(f"bad deletion span ({start}, {end}) in a text of {source_length}")
            builder.copy(start - position)
            builder.replace(end - start, 0)
            position = end
        builder.copy(source_length - position)
        return builder.build()

    @classmethod
    def for_utf16(cls, text: str) -> OffsetMap:
        """Map code-point offsets in ``text`` to UTF-16 code-unit offsets (Qt's positions)."""
        builder = OffsetMapBuilder()
        position = 0
        # Only the characters outside the BMP (𠮷) differ; found by a C-speed scan, not a
        # Python loop over every character (a 300,000-character document is opened often).
        for match in _ASTRAL.finditer(text):
            builder.copy(match.start() - position)
            builder.replace(1, 2)
            position = match.end()
        builder.copy(len(text) - position)
        return builder.build()

    # Queries ----------------------------------------------------------------------------

    @property
    def is_identity(self) -> bool:
        return all(segment.exact for segment in self.segments)

    @cached_property
    def inverse(self) -> OffsetMap:
        """The same alignment read from target to source."""
        return OffsetMap(
            self.target_length,
            self.source_length,
            tuple(
                Segment(s.target_start, s.target_end, s.source_start, s.source_end, s.exact)
                for s in self.segments
            ),
        )

    def map_start(self, position: int) -> int:
        """Where a span starting at ``position`` in the source starts in the target."""
        self._check_position(position, self.source_length)
        starts, _ends, segments = self._by_source
        if position >= self.source_length:
            return self.target_length
        segment = segments[bisect_right(starts, position) - 1]
        if segment.exact:
            return segment.target_start + position - segment.source_start
        return segment.target_start

    def map_end(self, position: int) -> int:
        """Where a span ending at ``position`` in the source ends in the target."""
        self._check_position(position, self.source_length)
        _starts, ends, segments = self._by_source
        if position <= 0:
            return 0
        segment = segments[bisect_left(ends, position)]
        if segment.exact:
            return segment.target_start + position - segment.source_start
        return segment.target_end

    def map_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a source span to the smallest target span that covers it."""
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        mapped_start = self.map_start(start)
        if start == end:
            return mapped_start, mapped_start
        return mapped_start, max(mapped_start, self.map_end(end))

    def map_span_back(self, start: int, end: int) -> tuple[int, int]:
        """Map a target span back to the smallest source span that covers it."""
        return self.inverse.map_span(start, end)

    def changed_spans(self) -> list[tuple[int, int]]:
        """Source spans of the block segments (what is not a one-to-one copy)."""
        return [(s.source_start, s.source_end) for s in self.segments if not s.exact]

    # Checks -----------------------------------------------------------------------------

    def _check_contiguous(self) -> None:
        source = target = 0
        for segment in self.segments:
            if segment.source_start != source or segment.target_start != target:
                raise ValueError("offset map segments must be contiguous")
            if segment.exact and segment.source_length != segment.target_length:
                raise ValueError("an exact segment must have the same length on both sides")
            source, target = segment.source_end, segment.target_end
        if source != self.source_length or target != self.target_length:
            raise ValueError("offset map segments do not cover both texts")

    @staticmethod
    def _check_position(position: int, length: int) -> None:
        if not 0 <= position <= length:
            raise IndexError(f"offset {position} is outside a text of length {length}")


def _index(
    segments: tuple[Segment, ...], *, source: bool
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[Segment, ...]]:
    if source:
        kept = tuple(s for s in segments if s.source_length > 0)
        return tuple(s.source_start for s in kept), tuple(s.source_end for s in kept), kept
    kept = tuple(s for s in segments if s.target_length > 0)
    return tuple(s.target_start for s in kept), tuple(s.target_end for s in kept), kept
