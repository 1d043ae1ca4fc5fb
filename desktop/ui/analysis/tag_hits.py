"""Tagging search hits with a label: every hit, in every document, as one undo step."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.core.model import Annotation, Status
from desktop.core.search import Hit
from desktop.core.store import Store

# Called once per document whose tags changed, with the ids of the tags touched.
Announce = Callable[[int, Collection[int]], None]


class TagHits(QUndoCommand):
    """Tag each hit with one label, in one transaction; a hit already tagged with that label
    at the same span is left as it is. Undo deletes exactly the tags it added and puts back
    the documents' statuses (a new document becomes in progress, as with one tag)."""

    def __init__(
        self,
        store: Store,
        announce: Announce,
        hits: Sequence[Hit],
        label_id: int,
        annotator: str,
    ) -> None:
        super().__init__()
        self.store, self.announce = store, announce
        self.label_id, self.annotator = label_id, annotator
        self.spans = sorted({(hit.document_id, hit.start, hit.end) for hit in hits})
        self.added: list[Annotation] | None = None
        self.statuses: dict[int, Status] = {}
        count = len(self.spans)  # a plain name: lupdate does not read a call as the count
        self.setText(QCoreApplication.translate("TagHits", "tag %n search hit(s)", "", count))

    def redo(self) -> None:
        with self.store.transaction():
            if self.added is None:
                self.added = self._add()
            else:
                for annotation in self.added:
                    self.store.restore_annotation(annotation)
            self.statuses = {}
            for document_id in {annotation.document_id for annotation in self.added}:
                status = self.store.document_title_and_status(document_id)[1]
                self.statuses[document_id] = status
                if status is Status.NEW:
                    self.store.set_status(document_id, Status.IN_PROGRESS)
        self._announce()

    def _add(self) -> list[Annotation]:
        added = []
        existing: dict[int, set[tuple[int, int]]] = {}
        for document_id, start, end in self.spans:
            if document_id not in existing:
                existing[document_id] = {
                    (a.start, a.end)
                    for a in self.store.annotations(document_id)
                    if a.label_id == self.label_id
                }
            if (start, end) in existing[document_id]:
                continue
            added.append(
                self.store.add_annotation(
                    document_id, self.label_id, start, end, annotator=self.annotator
                )
            )
        return added

    def undo(self) -> None:
        assert self.added is not None
        with self.store.transaction():
            for annotation in self.added:
                self.store.delete_annotation(annotation.id)
            for document_id, status in self.statuses.items():
                self.store.set_status(document_id, status)
        self._announce()

    @property
    def count(self) -> int:
        """How many tags this step adds (hits already so tagged are not counted)."""
        return len(self.added or ())

    def _announce(self) -> None:
        by_document: dict[int, list[int]] = defaultdict(list)
        for annotation in self.added or ():
            by_document[annotation.document_id].append(annotation.id)
        for document_id, ids in by_document.items():
            self.announce(document_id, ids)
