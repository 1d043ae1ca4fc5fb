"""What an export writes: the chosen documents, each in the chosen text, with its tags (and
entities) at offsets into that text.

Writers never read the store: they get :class:`ExportDocument` values from :func:`select` and a
:class:`Codebook`, so every format honours the same filters and the same text choice. The
converted text is the reader's (same OpenCC configuration and damage guard), and spans are
carried through its alignment to the smallest span of the converted text that covers them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal, TypeVar

from desktop.core.analysis import convert_for_reading, document_entities
from desktop.core.conversion import CONFIGS
from desktop.core.labels import LABEL_PATH_SEPARATOR, AttributeSpec, LabelScheme
from desktop.core.memos import CodebookEntry, Memo
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import (
    Annotation,
    Document,
    Entity,
    EntityCorrection,
    Label,
    Status,
    text_sha256,
)
from desktop.core.offsets import OffsetMap
from desktop.core.script import Script
from desktop.core.store import Store

_Span = TypeVar("_Span", Annotation, Entity)

TextChoice = Literal["original", "converted"]

Progress = Callable[[int, int], None]
"""Called with (documents done, documents in all); may raise to cancel the export."""


@dataclass(frozen=True)
class ExportOptions:
    document_ids: tuple[int, ...] = ()  # empty: every document
    labels: tuple[str, ...] = ()  # label names or paths; their sub-labels come along
    annotators: tuple[str, ...] = ()
    status: Status | None = None
    text: TextChoice = "original"
    conversion: str | None = None  # OpenCC configuration; None: the text's natural one
    entities: bool = False  # include the entity layer (analysed now where not cached)
    # CSV only: cells exactly as the texts are, without the ' that keeps a text beginning
    # with = + - @ from running as a spreadsheet formula.
    raw_csv: bool = False


@dataclass(frozen=True)
class Codebook:
    """The project's labels (with their paths from the top) and its scheme's attributes; the
    labels' codebook entries, and the memos on the project and on labels (issue 20)."""

    labels: tuple[Label, ...]
    scheme: LabelScheme
    entries: dict[int, CodebookEntry] = field(default_factory=dict)
    memos: tuple[Memo, ...] = ()  # on the project and on labels

    @classmethod
    def from_store(cls, store: Store) -> Codebook:
        memos = store.memos("project") + store.memos("label")
        return cls(tuple(store.labels()), store.scheme(), store.codebook_entries(), tuple(memos))

    def entry(self, label: Label) -> CodebookEntry:
        """The label's codebook entry (its description alone when none was read)."""
        return self.entries.get(label.id) or CodebookEntry(label.id, label.description)

    @property
    def attributes(self) -> tuple[AttributeSpec, ...]:
        return self.scheme.attributes

    @cached_property
    def paths(self) -> dict[int, str]:
        """Each label's path by its id (see :func:`label_paths`)."""
        return label_paths(self.labels)

    def path(self, annotation: Annotation) -> str:
        return self.paths.get(annotation.label_id, annotation.label)

    def in_tree_order(self) -> Iterator[tuple[int, Label]]:
        """Every label with its depth, parents first and children in their order; a label
        whose parent is not in the codebook stands at the top."""
        ids = {label.id for label in self.labels}
        children: dict[int | None, list[Label]] = {}
        for label in self.labels:
            parent = label.parent_id if label.parent_id in ids else None
            children.setdefault(parent, []).append(label)
        stack = [(0, label) for label in reversed(children.get(None, []))]
        while stack:
            depth, label = stack.pop()
            yield depth, label
            stack.extend((depth + 1, child) for child in reversed(children.get(label.id, [])))


@dataclass(frozen=True)
class ExportDocument:
    """One document as a writer sees it: ``text`` is what goes out, and every offset in
    ``annotations``, ``entities`` and ``corrections`` is a code point into it."""

    document: Document
    text: str
    conversion: str  # "none" for the clean original, else the OpenCC configuration
    annotations: tuple[Annotation, ...]
    entities: tuple[Entity, ...] = ()
    corrections: tuple[EntityCorrection, ...] = ()
    # Per annotation, in a converted text: its exact span in the clean text when the converted
    # span (widened to cover a phrase that changed length) does not map back to it; else None.
    # Writers record it so an import into the project restores the tag, not a wider one.
    source_spans: tuple[tuple[int, int] | None, ...] = ()
    # The same per entity correction (the JSON writers record them too).
    correction_source_spans: tuple[tuple[int, int] | None, ...] = ()
    memos: tuple[Memo, ...] = ()  # the memos on the document (its tags' are their notes)

    @property
    def id(self) -> int:
        return self.document.id

    @property
    def script(self) -> str:
        """The script of the text written: the conversion's target script when converted."""
        config = CONFIGS.get(self.conversion)
        return config.target.value if config is not None else self.document.script

    def annotations_with_source_spans(
        self,
    ) -> Iterator[tuple[Annotation, tuple[int, int] | None]]:
        spans = self.source_spans or (None,) * len(self.annotations)
        return zip(self.annotations, spans, strict=True)

    def corrections_with_source_spans(
        self,
    ) -> Iterator[tuple[EntityCorrection, tuple[int, int] | None]]:
        spans = self.correction_source_spans or (None,) * len(self.corrections)
        return zip(self.corrections, spans, strict=True)

    @cached_property  # writers ask once per tag (qdpx GUIDs): hash a converted text once
    def text_sha256(self) -> str:
        """The fingerprint of the text written (the clean text's unless converted)."""
        if self.conversion == "none":
            return self.document.text_sha256
        return text_sha256(self.text)


def label_paths(labels: Sequence[Label]) -> dict[int, str]:
    """Each label's path from the top of the scheme: "Support measures/Labour"."""
    by_id = {label.id: label for label in labels}

    def path(label: Label) -> str:
        parent = by_id.get(label.parent_id) if label.parent_id is not None else None
        if parent is None:
            return label.name
        return f"{path(parent)}{LABEL_PATH_SEPARATOR}{label.name}"

    return {label.id: path(label) for label in labels}


# SQLite's ids have at most 19 digits; a longer one is a typo (and Python refuses to read
# one of thousands with advice meant for programmers).
_ID_OR_RANGE = re.compile(r"\s*(\d{1,19})\s*(?:-\s*(\d{1,19})\s*)?")
# How much of a refused id the message quotes.
_SHOWN_CHARACTERS = 30


def parse_document_ranges(values: Sequence[str]) -> list[tuple[int, int]]:
    """Ids and ranges as a user types them ("3", "5-9", "1,2"), each as (first, last).
    Raises ValueError for anything else, a reversed range ("5-2") among it: taking it as
    empty would export every document."""
    ranges = []
    for value in values:
        for part in value.split(","):
            match = _ID_OR_RANGE.fullmatch(part)
            if match is None:
                shown = part if len(part) <= _SHOWN_CHARACTERS else part[:_SHOWN_CHARACTERS] + "…"
                raise ValueError(
                    QT_TRANSLATE_NOOP(
                        "Exchange", "document ids are like 3, 5-9 or 1,2, not {0!r}"
                    ).format(shown)
                )
            first = int(match.group(1))
            last = int(match.group(2)) if match.group(2) is not None else first
            if last < first:
                raise ValueError(
                    QT_TRANSLATE_NOOP("Exchange", "{0} is reversed: write {1}-{2}").format(
                        part.strip(), last, first
                    )
                )
            ranges.append((first, last))
    return ranges


def document_ids_in(store: Store, ranges: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """The project's documents in ``ranges``, in the order given, each once. A range is
    clamped to the ids that exist (``1-30000000`` costs no more than the project); a single
    id that does not exist, or ranges that hold no document, raise ValueError."""
    existing = store.document_ids()  # ascending
    chosen: dict[int, None] = {}
    for first, last in ranges:
        inside = existing[bisect_left(existing, first) : bisect_right(existing, last)]
        if first == last and not inside:
            raise ValueError(
                QT_TRANSLATE_NOOP("Exchange", "no document {0} in this project").format(first)
            )
        chosen.update(dict.fromkeys(inside))
    if ranges and not chosen:
        raise ValueError(
            QT_TRANSLATE_NOOP("Exchange", "no document of this project is in the ids given")
        )
    return tuple(chosen)


def selected_document_ids(store: Store, options: ExportOptions) -> list[int]:
    if options.document_ids:  # each document once, however often it was asked for
        ids = list(dict.fromkeys(options.document_ids))
    else:
        ids = store.document_ids()
    if options.status is not None:
        keep = set(store.document_ids_with_status(options.status))
        ids = [document_id for document_id in ids if document_id in keep]
    return ids


def select(
    store: Store, options: ExportOptions, progress: Progress | None = None
) -> Iterator[ExportDocument]:
    """The documents to export, one at a time (a corpus need not fit in memory twice)."""
    ids = selected_document_ids(store, options)
    wanted_labels = _label_filter(store, options.labels)
    annotators = _annotator_filter(store, options.annotators)
    for done, document_id in enumerate(ids):
        document = store.document(document_id)
        annotations = [
            a
            for a in store.annotations_in(document)
            if (wanted_labels is None or a.label_id in wanted_labels)
            and (not annotators or a.annotator in annotators)
        ]
        entities = document_entities(store, document_id) if options.entities else []
        corrections = store.entity_corrections(document_id)
        exported = _in_chosen_text(document, options, annotations, entities, corrections)
        yield replace(exported, memos=tuple(store.memos("document", document_id)))
        if progress is not None:
            progress(done + 1, len(ids))


def _label_filter(store: Store, wanted: Sequence[str]) -> set[int] | None:
    """The ids of the named labels (by name or path) and of their sub-labels."""
    if not wanted:
        return None
    labels = store.labels()
    paths = label_paths(labels)
    chosen = {label.id for label in labels if label.name in wanted or paths[label.id] in wanted}
    known = {label.name for label in labels} | set(paths.values())
    unknown = [name for name in wanted if name not in known]
    if unknown:  # a typo beside a right name must not narrow the export unsaid
        raise ValueError(
            QT_TRANSLATE_NOOP("Exchange", "no label called {0} in this project").format(
                ", ".join(unknown)
            )
        )
    grown = True  # labels are listed by position, not parents first: grow to a fixed point
    while grown:
        before = len(chosen)
        chosen |= {label.id for label in labels if label.parent_id in chosen}
        grown = len(chosen) > before
    return chosen


def _annotator_filter(store: Store, wanted: Sequence[str]) -> set[str]:
    """The annotators named (all when none is); one who made no tag here is a typo to say,
    not an export quietly left without tags."""
    if not wanted:
        return set()
    known = set(store.annotators())
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise ValueError(
            QT_TRANSLATE_NOOP("Exchange", "no tags by {0} in this project").format(
                ", ".join(unknown)
            )
        )
    return set(wanted)


def _in_chosen_text(
    document: Document,
    options: ExportOptions,
    annotations: list[Annotation],
    entities: list[Entity],
    corrections: list[EntityCorrection],
) -> ExportDocument:
    if options.text == "original":
        return ExportDocument(
            document,
            document.clean_text,
            "none",
            tuple(annotations),
            tuple(entities),
            tuple(corrections),
        )
    conversion, _notice = convert_for_reading(
        document.clean_text, Script(document.script), options.conversion
    )
    text, alignment = conversion.text, conversion.alignment
    moved = tuple(_moved(a, alignment, text) for a in annotations)
    moved_corrections = tuple(
        replace(c, entity=_moved(c.entity, alignment, text)) for c in corrections
    )
    return ExportDocument(
        document,
        text,
        conversion.config,
        moved,
        tuple(_moved(e, alignment, text) for e in entities),
        moved_corrections,
        tuple(_source_span(a, m, alignment) for a, m in zip(annotations, moved, strict=True)),
        tuple(
            _source_span(c.entity, m.entity, alignment)
            for c, m in zip(corrections, moved_corrections, strict=True)
        ),
    )


def _source_span(original: _Span, moved: _Span, alignment: OffsetMap) -> tuple[int, int] | None:
    """The clean-text span to record for a converted tag or entity: only where mapping the converted
    span back would give a wider one (its start or end fell inside a length-changing phrase)."""
    exact = (original.start, original.end)
    return None if alignment.map_span_back(moved.start, moved.end) == exact else exact


def _moved(span: _Span, alignment: OffsetMap, text: str) -> _Span:
    start, end = alignment.map_span(span.start, span.end)
    return replace(span, start=start, end=end, text=text[start:end])
