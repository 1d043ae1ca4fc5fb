"""Adjudication: the places where coders disagree, and their resolution into one layer.

Pure functions over agreement's :class:`~desktop.core.agreement.Tag` values. In a document,
the compared annotators' tags are grouped into *places*: tags that overlap (whatever their
label) are in the same place, transitively. A place is *agreed* when every compared annotator
has exactly the same tags there (same labels and spans), else it is a *disagreement*. A place
is *resolved* when the adjudicated layer (annotator ``gold`` by default) has a tag overlapping
it, or a decision recorded that it holds none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
    """The places of a set of documents for some annotators, against an adjudicated layer."""

    annotators: tuple[str, ...]
    places: tuple[Place, ...]
    resolved: frozenset[tuple[int, int, int]]  # (document, start, end) of resolved places

    def is_resolved(self, place: Place) -> bool:
        return (place.document, place.start, place.end) in self.resolved

    def disagreements(self) -> list[Place]:
        return [place for place in self.places if not place.agreed(self.annotators)]

    def open_disagreements(self) -> list[Place]:
        return [place for place in self.disagreements() if not self.is_resolved(place)]

    def agreements(self) -> list[Place]:
        return [place for place in self.places if place.agreed(self.annotators)]


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
