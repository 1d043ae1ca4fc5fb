"""Adjudication: the places where coders disagree, and their resolution into one layer.

Pure functions over agreement's :class:`~desktop.core.agreement.Tag` values. In a document,
the compared annotators' tags are grouped into *places*: tags that overlap (whatever their
label) are in the same place, transitively. A place is *agreed* when every compared annotator
has exactly the same tags there (same labels and spans), else it is a *disagreement*. A place
is *resolved* when the adjudicated layer (annotator ``gold`` by default) has a tag overlapping
it, or a decision recorded that it holds none. :func:`coder_layers` is what the reading panes
paint of a review in one document: each coder's tags as a lane of their own, the open
disagreements and the one under review.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from desktop.core.agreement import Tag

GOLD = "gold"


@dataclass(frozen=True)
class Place:
    """Overlapping tags of the compared annotators in one document."""

    document: int
    start: int
    end: int
    tags: tuple[Tag, ...]

    def by(self, annotator: str) -> tuple[Tag, ...]:
        return tuple(tag for tag in self.tags if tag.annotator == annotator)

    def agreed(self, annotators: Sequence[str]) -> bool:
        """Whether every annotator has the same tags here (label and span, as a multiset)."""
        shapes = [
            Counter((tag.label, tag.start, tag.end) for tag in self.by(name)) for name in annotators
        ]
        return all(shape == shapes[0] for shape in shapes[1:])

    def summary(self, annotators: Sequence[str]) -> str:
        """One line: each annotator's tags here ("甲: 要求 3–9; 乙: nothing")."""
        parts = []
        for name in annotators:
            tags = self.by(name)
            said = ", ".join(f"{tag.label} {tag.start}–{tag.end}" for tag in tags)
            parts.append(f"{name}: {said or '—'}")
        return "; ".join(parts)


def places(tags: Iterable[Tag]) -> list[Place]:
    """The tags grouped into places, by document and position. Touching tags ([0, 3) and
    [3, 5)) do not overlap and are separate places."""
    by_document: dict[int, list[Tag]] = {}
    for tag in tags:
        by_document.setdefault(tag.document, []).append(tag)
    found = []
    for document in sorted(by_document):
        ordered = sorted(by_document[document], key=lambda tag: (tag.start, tag.end, tag.id))
        group: list[Tag] = []
        reach = -1
        for tag in ordered:
            if group and tag.start >= reach:
                found.append(_place(document, group))
                group = []
            group.append(tag)
            reach = max(reach, tag.end) if len(group) > 1 else tag.end
        if group:
            found.append(_place(document, group))
    return found


def _place(document: int, tags: Sequence[Tag]) -> Place:
    return Place(document, min(t.start for t in tags), max(t.end for t in tags), tuple(tags))


@dataclass(frozen=True)
class Review:
    """The places of a set of documents for some annotators, against an adjudicated layer;
    the places in document order, as :func:`review` gives them."""

    annotators: tuple[str, ...]
    places: tuple[Place, ...]
    resolved: frozenset[tuple[int, int, int]]  # (document, start, end) of resolved places
    # Per place, whether it is agreed: worked out once (the review asks at every decision).
    agreed_places: tuple[bool, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.agreed_places) != len(self.places):
            agreed = tuple(place.agreed(self.annotators) for place in self.places)
            object.__setattr__(self, "agreed_places", agreed)

    def is_resolved(self, place: Place) -> bool:
        return (place.document, place.start, place.end) in self.resolved

    def disagreements(self) -> list[Place]:
        return [
            place
            for place, agreed in zip(self.places, self.agreed_places, strict=True)
            if not agreed
        ]

    def open_disagreements(self) -> list[Place]:
        return [place for place in self.disagreements() if not self.is_resolved(place)]

    def agreements(self) -> list[Place]:
        return [
            place for place, agreed in zip(self.places, self.agreed_places, strict=True) if agreed
        ]

    def of_document(self, document: int) -> Review:
        """This review in one document only."""
        kept = [
            (place, agreed)
            for place, agreed in zip(self.places, self.agreed_places, strict=True)
            if place.document == document
        ]
        return Review(
            self.annotators,
            tuple(place for place, _ in kept),
            frozenset(key for key in self.resolved if key[0] == document),
            tuple(agreed for _, agreed in kept),
        )

    def with_document(self, document: int, other: Review) -> Review:
        """This review with ``document``'s places and decisions as ``other`` has them (its
        tags changed): the rest as they are."""
        # Places are in document order: the document's are together, replaced in one go.
        first = bisect_left(self.places, document, key=lambda place: place.document)
        last = bisect_right(self.places, document, key=lambda place: place.document)
        new = [
            (place, agreed)
            for place, agreed in zip(other.places, other.agreed_places, strict=True)
            if place.document == document
        ]
        resolved = {key for key in self.resolved if key[0] != document}
        resolved |= {key for key in other.resolved if key[0] == document}
        return Review(
            self.annotators,
            (*self.places[:first], *(place for place, _ in new), *self.places[last:]),
            frozenset(resolved),
            (
                *self.agreed_places[:first],
                *(agreed for _, agreed in new),
                *self.agreed_places[last:],
            ),
        )

    def open_agreements(self) -> list[Place]:
        """Agreed places whose tags are not in the adjudicated layer yet."""
        return [place for place in self.agreements() if not self.is_resolved(place)]

    def adjudicated_documents(self) -> dict[int, bool]:
        """Per document with places, whether it is *adjudicated*: every place in it, agreed
        or not, decided in the adjudicated layer (a tag of the layer overlaps it, or it was
        decided to hold none)."""
        done: dict[int, bool] = {}
        for place in self.places:
            done[place.document] = done.get(place.document, True) and self.is_resolved(place)
        return done


def review(
    tags: Iterable[Tag],
    annotators: Sequence[str],
    gold_tags: Iterable[Tag] = (),
    rejected: Iterable[tuple[int, int, int]] = (),
) -> Review:
    """The places of ``annotators``' tags, each resolved when a gold tag overlaps it or a
    decision ``(document, start, end)`` said it holds none."""
    wanted = set(annotators)
    found = places(tag for tag in tags if tag.annotator in wanted)
    gold: dict[int, list[Tag]] = {}
    for tag in gold_tags:
        gold.setdefault(tag.document, []).append(tag)
    decided = set(rejected)
    resolved = set()
    for place in found:
        key = (place.document, place.start, place.end)
        overlapped = any(
            tag.start < place.end and place.start < tag.end for tag in gold.get(place.document, ())
        )
        if overlapped or key in decided:
            resolved.add(key)
    return Review(tuple(annotators), tuple(found), frozenset(resolved))


# --- what the reading panes show of a review --------------------------------------------------


@dataclass(frozen=True)
class LayerSegment:
    """A run of characters covered by the same coders' tags with the same labels.

    ``coders``: positions in :attr:`CoderLayers.annotators` of the coders whose tags cover
    it; ``labels``: for each of them (same order), the labels of their tags here."""

    start: int
    end: int
    coders: tuple[int, ...]
    labels: tuple[tuple[str, ...], ...]

    def summary(self, annotators: Sequence[str]) -> str:
        """One line for a tooltip: "甲: 要求; 乙: 要求, 措施"."""
        return "; ".join(
            f"{annotators[coder]}: {', '.join(labels)}"
            for coder, labels in zip(self.coders, self.labels, strict=True)
        )


@dataclass(frozen=True)
class CoderLayers:
    """The compared coders' tags in one document as one layer per coder, with the places
    that are open disagreements and the one under review. Spans are code points into the
    clean text, end-exclusive."""

    document: int
    annotators: tuple[str, ...]
    tags: tuple[tuple[Tag, ...], ...]  # per annotator (same order), their tags here
    open: tuple[tuple[int, int], ...]  # the open disagreements here, in text order
    current: tuple[int, int] | None  # the disagreement under review, when it is here

    def of(self, annotator: str) -> tuple[Tag, ...]:
        return self.tags[self.annotators.index(annotator)]

    def segments(self) -> list[LayerSegment]:
        """Every character some coder tagged, in runs of the same coverage, in text order:
        what the panes paint, one lane per coder."""
        # A sweep over the tags' ends: each coder's labels covering the run since the last cut.
        events: dict[int, list[tuple[int, str, int]]] = {}
        for coder, tags in enumerate(self.tags):
            for tag in tags:
                if tag.start < tag.end:
                    events.setdefault(tag.start, []).append((coder, tag.label, +1))
                    events.setdefault(tag.end, []).append((coder, tag.label, -1))
        active: list[Counter[str]] = [Counter() for _ in self.tags]
        found: list[LayerSegment] = []
        cuts = sorted(events)
        for start, end in pairwise(cuts):
            for coder, label, change in events[start]:
                active[coder][label] += change
            coders = tuple(index for index, labels in enumerate(active) if +labels)
            if not coders:
                continue
            labels = tuple(tuple(sorted(+active[index])) for index in coders)
            last = found[-1] if found else None
            if last is not None and (last.end, last.coders, last.labels) == (start, coders, labels):
                found[-1] = LayerSegment(last.start, end, coders, labels)
            else:
                found.append(LayerSegment(start, end, coders, labels))
        return found


def coder_layers(found: Review, document: int, current: Place | None = None) -> CoderLayers | None:
    """What the reading panes show of ``found`` in ``document``: each compared coder's tags
    there, its open disagreements and ``current`` (when it is in this document). None when
    the review does not cover the document (no coder of it tagged anything there, or it was
    not given to all of them)."""
    here = [place for place in found.places if place.document == document]
    if not here:
        return None
    tags = tuple(
        tuple(tag for place in here for tag in place.by(name)) for name in found.annotators
    )
    open_here = tuple(
        (place.start, place.end)
        for place in here
        if not place.agreed(found.annotators) and not found.is_resolved(place)
    )
    shown = None
    if current is not None and current.document == document:
        shown = (current.start, current.end)
    return CoderLayers(document, found.annotators, tags, open_here, shown)
