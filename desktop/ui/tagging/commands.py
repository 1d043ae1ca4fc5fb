"""Tagging as undoable commands: each one writes to the store when it is done or undone.

Every command is one store transaction, so what the user sees acknowledged is on disk; undo and
redo go back and forth between the same database states (a deleted tag comes back with its id
and times).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.core.model import Annotation, Entity, Status
from desktop.core.store import Store

Refresh = Callable[[int], None]  # called with the document id after every change


class TagRefresh(Protocol):
    """Called after tags changed: with the document id and the ids of the tags changed, so
    only those are read again (issue 13)."""

    def __call__(self, document_id: int, changed: Collection[int] | None = None) -> None: ...


Place = tuple[int, int, int]  # document id, start, end: where a command changes the text


class AddAnnotation(QUndoCommand):
    def __init__(
        self,
        store: Store,
        refresh: TagRefresh,
        document_id: int,
        label_id: int,
        start: int,
        end: int,
        annotator: str,
        attributes: dict[str, object] | None = None,
    ) -> None:
        super().__init__()
        self.store, self.refresh = store, refresh
        self.document_id, self.label_id = document_id, label_id
        self.start, self.end, self.annotator = start, end, annotator
        self.attributes = dict(attributes or {})
        self.annotation: Annotation | None = None
        self.status_before: Status | None = None
        self.words = lambda: QCoreApplication.translate("Tagging", "tag {0}–{1}").format(start, end)
        self.setText(self.words())

    @property
    def place(self) -> Place:
        return self.document_id, self.start, self.end

    def redo(self) -> None:
        if self.annotation is None:
            self.annotation = self.store.add_annotation(
                self.document_id,
                self.label_id,
                self.start,
                self.end,
                annotator=self.annotator,
                attributes=self.attributes,
            )
        else:
            self.store.restore_annotation(self.annotation)
        # The status only: not the document's raw and clean texts, read whole, on every tag.
        self.status_before = self.store.document_title_and_status(self.document_id)[1]
        if self.status_before is Status.NEW:
            self.store.set_status(self.document_id, Status.IN_PROGRESS)
        self.refresh(self.document_id, [self.annotation.id])

    def undo(self) -> None:
        assert self.annotation is not None
        self.store.delete_annotation(self.annotation.id)
        if self.status_before is not None:
            self.store.set_status(self.document_id, self.status_before)
        self.refresh(self.document_id, [self.annotation.id])


class DeleteAnnotation(QUndoCommand):
    def __init__(self, store: Store, refresh: TagRefresh, annotation: Annotation) -> None:
        super().__init__()
        self.store, self.refresh, self.annotation = store, refresh, annotation
        self.words = lambda: QCoreApplication.translate("Tagging", "delete tag {0}–{1}").format(
            annotation.start, annotation.end
        )
        self.setText(self.words())

    @property
    def place(self) -> Place:
        return self.annotation.document_id, self.annotation.start, self.annotation.end

    def redo(self) -> None:
        self.store.delete_annotation(self.annotation.id)
        self.refresh(self.annotation.document_id, [self.annotation.id])

    def undo(self) -> None:
        self.store.restore_annotation(self.annotation)
        self.refresh(self.annotation.document_id, [self.annotation.id])


class ChangeAnnotation(QUndoCommand):
    """Any change to one annotation: label, span, note, attributes."""

    def __init__(
        self, store: Store, refresh: TagRefresh, before: Annotation, **changes: object
    ) -> None:
        super().__init__()
        self.store, self.refresh, self.before = store, refresh, before
        self.changes = changes
        self.after: Annotation | None = None
        self.words = lambda: QCoreApplication.translate("Tagging", "change tag {0}–{1}").format(
            before.start, before.end
        )
        self.setText(self.words())

    @property
    def place(self) -> Place:
        shown = self.after if self.after is not None else self.before
        return self.before.document_id, shown.start, shown.end

    def redo(self) -> None:
        self.after = self.store.update_annotation(self.before.id, **self.changes)  # type: ignore[arg-type]
        self.refresh(self.before.document_id, [self.before.id])

    def undo(self) -> None:
        self.store.restore_annotation(self.before)
        self.refresh(self.before.document_id, [self.before.id])


def adjusted(annotation: Annotation, *, start_step: int = 0, end_step: int = 0) -> dict[str, int]:
    """The span changes for moving a boundary by some characters, kept inside the annotation."""
    start = annotation.start + start_step
    end = annotation.end + end_step
    if end <= start:
        return {}
    return {"start": max(0, start), "end": end}


class CorrectEntities(QUndoCommand):
    """Add, remove or retype entities as the user's corrections (they outlive re-analysis)."""

    def __init__(
        self,
        store: Store,
        refresh: Refresh,
        document_id: int,
        corrections: list[tuple[str, Entity]],
        annotator: str,
    ) -> None:
        super().__init__()
        self.store, self.refresh, self.document_id = store, refresh, document_id
        self.corrections, self.annotator = corrections, annotator
        self.ids: list[int] = []
        self.withdrawn: list[Entity] = []  # the user's own additions taken back
        self.words = lambda: QCoreApplication.translate("Tagging", "correct entities")
        self.setText(self.words())

    @property
    def place(self) -> Place:
        first = self.corrections[0][1] if self.corrections else None
        return self.document_id, first.start if first else 0, first.end if first else 0

    def redo(self) -> None:
        self.ids, self.withdrawn = [], []
        with self.store.transaction():
            for action, entity in self.corrections:
                if action == "remove" and entity.origin == "user":
                    # Removing what the user added takes the addition back.
                    if self.store.withdraw_added_entity(self.document_id, entity):
                        self.withdrawn.append(entity)
                    continue
                self.ids.append(
                    self.store.correct_entity(self.document_id, action, entity, self.annotator)
                )
        self.refresh(self.document_id)

    def undo(self) -> None:
        with self.store.transaction():
            for correction_id in self.ids:
                self.store.withdraw_correction(correction_id)
            for entity in self.withdrawn:
                self.store.correct_entity(self.document_id, "add", entity, self.annotator)
        self.refresh(self.document_id)


class RejectSuggestion(QUndoCommand):
    """A suggested directive the user turned down: remembered in the project, undoable."""

    def __init__(self, store: Store, refresh: Refresh, document_id: int, start: int, end: int):
        super().__init__()
        self.store, self.refresh = store, refresh
        self.document_id, self.start, self.end = document_id, start, end
        self.words = lambda: QCoreApplication.translate(
            "Tagging", "reject suggestion {0}–{1}"
        ).format(start, end)
        self.setText(self.words())

    @property
    def place(self) -> Place:
        return self.document_id, self.start, self.end

    def redo(self) -> None:
        self.store.reject_suggestion(self.document_id, self.start, self.end)
        self.refresh(self.document_id)

    def undo(self) -> None:
        self.store.unreject_suggestion(self.document_id, self.start, self.end)
        self.refresh(self.document_id)
