"""Adjudication as undoable commands: taking one coder's tags into the adjudicated layer, or
deciding a place holds no tag. Each is one store transaction, undone by another."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.core.adjudication import Place
from desktop.core.agreement import Tag
from desktop.core.model import Annotation
from desktop.core.store import Store

# Called with the document id and the tags changed (None: re-read them all).
Refresh = Callable[[int, Collection[int] | None], None]


class TakeTags(QUndoCommand):
    """Copy tags (label, span, note, attributes) into the adjudicated layer."""

    def __init__(
        self, store: Store, refresh: Refresh, place: Place, annotation_ids: Sequence[int], gold: str
    ) -> None:
        super().__init__()
        self.store, self.refresh, self.gold = store, refresh, gold
        self.document_id, self.start, self.end = place.document, place.start, place.end
        self.annotation_ids = tuple(annotation_ids)
        self.taken: list[Annotation] = []
        self.setText(
            QCoreApplication.translate("Adjudication", "adjudicate {0}–{1}").format(
                place.start, place.end
            )
        )

    @property
    def place(self) -> tuple[int, int, int]:
        return self.document_id, self.start, self.end

    def redo(self) -> None:
        if self.taken:
            with self.store.transaction():
                for annotation in self.taken:
                    self.store.restore_annotation(annotation)
        else:
            with self.store.transaction():
                for annotation_id in self.annotation_ids:
                    source = self.store.annotation(annotation_id)
                    self.taken.append(
                        self.store.add_annotation(
                            source.document_id, source.label_id, source.start, source.end,
                            note=source.note, attributes=dict(source.attributes),
                            annotator=self.gold,
                        )
                    )  # fmt: skip
        self.refresh(self.document_id, [annotation.id for annotation in self.taken])

    def undo(self) -> None:
        with self.store.transaction():
            for annotation in self.taken:
                self.store.delete_annotation(annotation.id)
        self.refresh(self.document_id, [annotation.id for annotation in self.taken])


class MarkUntagged(QUndoCommand):
    """Decide that a place holds no tag in the adjudicated layer."""

    def __init__(self, store: Store, refresh: Refresh, place: Place, gold: str) -> None:
        super().__init__()
        self.store, self.refresh, self.gold = store, refresh, gold
        self.document_id, self.start, self.end = place.document, place.start, place.end
        self.setText(
            QCoreApplication.translate("Adjudication", "no tag at {0}–{1}").format(
                place.start, place.end
            )
        )

    @property
    def place(self) -> tuple[int, int, int]:
        return self.document_id, self.start, self.end

    def redo(self) -> None:
        self.store.mark_untagged(self.document_id, self.start, self.end, self.gold)
        self.refresh(self.document_id, None)

    def undo(self) -> None:
        self.store.unmark_untagged(self.document_id, self.start, self.end, self.gold)
        self.refresh(self.document_id, None)


class TakeAgreed(QUndoCommand):
    """Copy the tags of the places where every coder agreed (the first coder's, with their
    attributes) into the adjudicated layer, whichever documents they are in: one step."""

    def __init__(
        self, store: Store, refresh: Callable[[], None], tags: Sequence[Tag], gold: str
    ) -> None:
        super().__init__()
        self.store, self.refresh, self.gold = store, refresh, gold
        self.annotation_ids = tuple(tag.id for tag in tags)
        self.taken: list[Annotation] = []
        self.setText(
            QCoreApplication.translate("Adjudication", "take {0} agreed tags").format(
                len(self.annotation_ids)
            )
        )

    def redo(self) -> None:
        with self.store.transaction():
            if self.taken:
                for annotation in self.taken:
                    self.store.restore_annotation(annotation)
            else:
                for annotation_id in self.annotation_ids:
                    source = self.store.annotation(annotation_id)
                    self.taken.append(
                        self.store.add_annotation(
                            source.document_id, source.label_id, source.start, source.end,
                            note=source.note, attributes=dict(source.attributes),
                            annotator=self.gold,
                        )
                    )  # fmt: skip
        self.refresh()

    def undo(self) -> None:
        with self.store.transaction():
            for annotation in self.taken:
                self.store.delete_annotation(annotation.id)
        self.refresh()
