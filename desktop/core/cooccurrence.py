"""Which labels occur together: in the same document, or with their tags at most N
characters apart (overlapping tags are -1 or less apart: ``OVERLAPPING``). A symmetric
matrix of labels (label paths, or their first N levels), counting the documents where two
labels meet or the pairs of tags that meet. The diagonal is a label meeting itself: two
different tags of it. ``jiyao cooccurrence`` prints it as CSV; the tag-counts window shows it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Protocol, TypeVar

from desktop.core.natural_sort import natural_key
from desktop.core.stats import path_at_level

# ``within`` for tags that share at least one character.
OVERLAPPING = -1
COUNTS = ("documents", "pairs")


class Span(Protocol):
    """What meets what: a tag, or an entity's mention (``entity_cooccurrence``)."""

    @property
    def document_id(self) -> int: ...

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


class LabelledSpan(Span, Protocol):
    """A tag: a ``CodedSegment``, or only its place and label (``store.segments.TagSpan``)."""

    @property
    def label_id(self) -> int: ...


L = TypeVar("L", bound=LabelledSpan)


@dataclass(frozen=True)
class CoMatrix:
    labels: tuple[str, ...]
    # (a, b) with a <= b in ``labels`` order and (b, a) alike: the matrix is symmetric.
    cells: dict[tuple[str, str], int]

    def cell(self, first: str, second: str) -> int:
        return self.cells.get((first, second), 0)

    def csv_rows(self) -> list[list[object]]:
        """The first cell ``label``, then one column per label; one row per label."""
        rows: list[list[object]] = [["label", *self.labels]]
        for first in self.labels:
            rows.append([first, *(self.cell(first, second) for second in self.labels)])
        return rows


def gap(first: Span, second: Span) -> int:
    """Characters between two tags of a document: 0 when they touch, below 0 when they
    overlap."""
    return max(second.start - first.end, first.start - second.end)


def cooccurrence(
    segments: Iterable[LabelledSpan],
    paths: Mapping[int, str],
    *,
    within: int | None = None,
    count: str = "documents",
    level: int | None = None,
) -> CoMatrix:
    """Count labels meeting: in one document (``within`` None), or with tags at most
    ``within`` characters apart. ``count``: documents where they meet, or pairs of tags."""
    return count_meetings(segments, _namer(paths, level), within=within, count=count)


def count_meetings(
    spans: Iterable[S],
    name: Callable[[S], str],
    *,
    within: int | None = None,
    count: str = "documents",
) -> CoMatrix:
    """Count the names of ``spans`` meeting (see :func:`cooccurrence`): the matrix of any
    kind of span, a span's row and column given by ``name``."""
    if count not in COUNTS:
        raise ValueError(f"count {count!r}: use documents or pairs")
    documents: dict[tuple[str, str], set[int]] = defaultdict(set)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    seen: set[str] = set()
    for document_id, group in groupby(_in_order(spans), key=lambda s: s.document_id):
        tags = list(group)
        seen.update(name(tag) for tag in tags)
        if within is None:
            # Everything in a document meets everything else: count names, not pairs of
            # spans (a document with a thousand mentions is half a million pairs).
            _count_in_document(Counter(map(name, tags)), document_id, documents, pairs)
            continue
        for first, second in _meeting(tags, within):
            key = _key(name(first), name(second))
            documents[key].add(document_id)
            pairs[key] += 1
    labels = tuple(sorted(seen, key=natural_key))
    counted = {key: len(ids) for key, ids in documents.items()} if count == "documents" else pairs
    cells = {}
    for (one, other), value in counted.items():
        cells[(one, other)] = cells[(other, one)] = value
    return CoMatrix(labels, cells)


def _count_in_document(
    names: Counter[str],
    document_id: int,
    documents: dict[tuple[str, str], set[int]],
    pairs: dict[tuple[str, str], int],
) -> None:
    """The pairs of one document's spans, counted from how often each name occurs: n * m
    between two names, n * (n - 1) / 2 of a name with itself."""
    ordered = sorted(names, key=natural_key)
    for index, one in enumerate(ordered):
        if names[one] > 1:
            documents[(one, one)].add(document_id)
            pairs[(one, one)] += names[one] * (names[one] - 1) // 2
        for other in ordered[index + 1 :]:
            documents[(one, other)].add(document_id)
            pairs[(one, other)] += names[one] * names[other]


def _in_order(spans: Iterable[S]) -> list[S]:
    """By document, then position; a tag's id last, so ties come out the same every time."""
    return sorted(
        spans, key=lambda s: (s.document_id, s.start, s.end, getattr(s, "annotation_id", 0))
    )


def _namer(paths: Mapping[int, str], level: int | None) -> Callable[[LabelledSpan], str]:
    """A tag's label path, or its first ``level`` levels."""

    def name(segment: LabelledSpan) -> str:
        path = paths.get(segment.label_id, str(segment.label_id))
        return path if level is None else path_at_level(path, level)

    return name


def _key(first: str, second: str) -> tuple[str, str]:
    return (first, second) if natural_key(first) <= natural_key(second) else (second, first)


def _meeting(tags: Sequence[S], within: int | None) -> Iterable[tuple[S, S]]:
    """Each unordered pair of different tags of one document that meet; ``tags`` by start."""
    for index, first in enumerate(tags):
        for second in tags[index + 1 :]:
            # Later tags start no earlier: once one starts too far after, all do.
            if within is not None and second.start - first.end > within:
                break
            if within is None or gap(first, second) <= within:
                yield first, second


def meeting_segments(
    segments: Iterable[L],
    paths: Mapping[int, str],
    first: str,
    second: str,
    *,
    within: int | None = None,
    level: int | None = None,
) -> list[L]:
    """The tags behind a cell: those of ``first`` and ``second`` that meet, in document
    order."""
    return meeting_spans(segments, _namer(paths, level), first, second, within=within)


def meeting_spans(
    spans: Iterable[S],
    name: Callable[[S], str],
    first: str,
    second: str,
    *,
    within: int | None = None,
) -> list[S]:
    """The spans behind a cell of :func:`count_meetings`: those named ``first`` and
    ``second`` that meet, in document order."""
    wanted = _key(first, second)
    found: dict[int, S] = {}
    for _document, group in groupby(_in_order(spans), key=lambda s: s.document_id):
        for one, other in _meeting(list(group), within):
            if _key(name(one), name(other)) == wanted:
                found[id(one)] = one
                found[id(other)] = other
    return _in_order(found.values())
