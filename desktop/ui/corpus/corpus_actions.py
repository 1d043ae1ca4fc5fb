"""What the corpus list's context menu does: delete documents (asked first, and undoable with
their tags) and edit a document's title, source and date (undoable).

Both are commands on the workspace's undo history. A deleted document comes back with its id,
tags, entities and rejected suggestions, so older commands that name it still apply.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.model import Document
from desktop.core.store import Store, StoreError
from desktop.core.store.documents import DeletedDocuments
from desktop.ui.common.fitting import elided, fit_to_screen
from desktop.ui.common.messages import error_text
from desktop.ui.common.undo_failure import UndoFailed, reporter
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.workspace import Workspace

Details = tuple[str, str, str]  # title, source, date


class DeleteDocuments(QUndoCommand):
    """Delete documents with everything of theirs; undo puts it all back with the same ids."""

    def __init__(
        self,
        store: Store,
        document_ids: list[int],
        refresh: Callable[[list[int], bool], None],
        failed: UndoFailed | None = None,
    ) -> None:
        super().__init__()
        self.store, self.document_ids, self.refresh = store, list(document_ids), refresh
        self.failed = failed
        self.deleted: DeletedDocuments | None = None
        # The Undo menu reads "Undo <this>": in the user's language, a plural Qt chooses.
        count = len(document_ids)
        self.words = lambda: QCoreApplication.translate(
            "CorpusActions", "delete %n document(s)", "", count
        )
        self.setText(self.words())

    def redo(self) -> None:
        self.deleted = self.store.delete_documents(self.document_ids)
        self.refresh(self.document_ids, False)

    def undo(self) -> None:
        assert self.deleted is not None
        try:
            self.store.restore_documents(self.deleted)
        except StoreError as error:  # e.g. the same text was imported again since
            if self.failed is None:
                raise
            self.failed(error_text(error))
            return
        self.refresh(self.document_ids, True)


class EditDocument(QUndoCommand):
    """Change a document's title, source and date; undo sets the old ones back."""

    def __init__(
        self,
        store: Store,
        document_id: int,
        before: Details,
        after: Details,
        refresh: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.store, self.document_id, self.refresh = store, document_id, refresh
        self.before, self.after = before, after
        title = elided(after[0] or before[0])
        self.words = lambda: QCoreApplication.translate(
            "CorpusActions", 'edit the details of "{0}"'
        ).format(title)
        self.setText(self.words())

    def _apply(self, details: Details) -> None:
        title, source, date = details
        self.store.update_document(self.document_id, title=title, source=source, date=date)
        self.refresh(self.document_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class DocumentDetailsDialog(QDialog):
    """A document's title, source and date, to edit."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document details"))
        self.title = QLineEdit(document.title)
        self.source = QLineEdit(document.source)
        self.date = QLineEdit(document.date)
        self.date.setPlaceholderText(self.tr("e.g. 2020-02-10"))
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Date:"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        fit_to_screen(self)

    def details(self) -> Details:
        return (self.title.text().strip(), self.source.text().strip(), self.date.text().strip())


class CorpusActions(QObject):
    """Deleting and editing documents for a corpus list, as steps of the workspace's undo
    history.

    ``shownDocumentDeleted()``: the shown document was deleted (the window clears what shows
    it; the list then selects its first document); ``detailsChanged(document_id)``: the shown
    document's title, source or date changed.
    """

    shownDocumentDeleted = Signal()
    detailsChanged = Signal(int)

    def __init__(self, workspace: Workspace, corpus: CorpusList, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.corpus = corpus
        self._parent = parent  # the dialogs' parent
        corpus.deleteRequested.connect(self.delete_documents)
        corpus.editRequested.connect(self.edit_document)

    # Deleting ------------------------------------------------------------------------------

    def delete_documents(self, document_ids: list[int]) -> None:
        """Ask, then delete the documents and their tags as one undoable step."""
        if not document_ids or not self._confirm_deletion(document_ids):
            return
        workspace = self.workspace
        failed = reporter(workspace.undo_stack, self._parent)
        command = DeleteDocuments(workspace.store, document_ids, self._after_deletion, failed)
        workspace.undo_stack.push(command)

    def _confirm_deletion(self, document_ids: list[int]) -> bool:
        store = self.workspace.store
        tags = sum(store.document_summary(i).annotation_count for i in document_ids)
        if len(document_ids) == 1:
            title = elided(store.document_summary(document_ids[0]).title)
            question = self.tr(
                'Delete "{0}" and its {1} from the project? Edit > Undo brings it back.'
            ).format(title, self.tr("%n tag(s)", "", tags))
        else:
            question = self.tr(
                "Delete {0} documents and their {1} from the project? Edit > Undo brings them back."
            ).format(len(document_ids), self.tr("%n tag(s)", "", tags))
        answer = QMessageBox.question(
            self._parent,
            APP_NAME,
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _after_deletion(self, document_ids: list[int], restored: bool) -> None:
        """The list follows; a deleted shown document gives way to the first one."""
        self.corpus.documents.reload()
        self.corpus.apply_filter()  # the count in the status bar
        if restored:
            self.corpus.select_document(document_ids[0])
        elif self.workspace.current_id in document_ids:
            self.workspace.current_id = None
            self.shownDocumentDeleted.emit()
            self.corpus.select_document()

    # Editing -------------------------------------------------------------------------------

    def edit_document(self, document_id: int) -> DocumentDetailsDialog:
        """Open the details dialog; what is accepted is written as one undoable step."""
        document = self.workspace.store.document(document_id)
        dialog = DocumentDetailsDialog(document, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        before = (document.title, document.source, document.date)
        dialog.accepted.connect(lambda: self._write_details(document_id, before, dialog.details()))
        dialog.open()
        return dialog

    def _write_details(self, document_id: int, before: Details, after: Details) -> None:
        if after == before:
            return
        if not after[0]:
            QMessageBox.warning(
                self._parent, APP_NAME, self.tr("Not changed: a document needs a title.")
            )
            return
        workspace = self.workspace
        workspace.undo_stack.push(
            EditDocument(workspace.store, document_id, before, after, self._after_edit)
        )

    def _after_edit(self, document_id: int) -> None:
        self.corpus.documents.refresh_document(document_id)
        if self.workspace.current_id == document_id:
            self.detailsChanged.emit(document_id)  # the title above the text
