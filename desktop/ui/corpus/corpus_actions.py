"""What the corpus list's context menu does: delete documents (asked first, and undoable with
their tags), edit a document's title, source, date and other variables, and give many
documents a variable at once (both undoable).

Both are commands on the workspace's undo history. A deleted document comes back with its id,
tags, entities and rejected suggestions, so older commands that name it still apply.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.model import Document
from desktop.core.store import Store, StoreError
from desktop.core.store.documents import DeletedDocuments, DocumentVariables
from desktop.ui.common.fitting import elided, fit_to_screen
from desktop.ui.common.messages import error_text
from desktop.ui.common.undo_failure import UndoFailed, reporter
from desktop.ui.common.variable_names import variable_key, variable_label
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.workspace import Workspace

Details = tuple[str, str, str, dict[str, Any]]  # title, source, date, the other variables


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
    """Change a document's title, source, date and variables; undo sets the old ones back."""

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
        title, source, date, variables = details
        self.store.update_document(
            self.document_id, title=title, source=source, date=date, metadata=variables
        )
        self.refresh(self.document_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)


class SetVariable(QUndoCommand):
    """Give documents one variable (source and date included); undo puts back what each had."""

    def __init__(
        self,
        store: Store,
        document_ids: list[int],
        name: str,
        value: str,
        refresh: Callable[[list[int]], None],
    ) -> None:
        super().__init__()
        self.store, self.document_ids, self.refresh = store, list(document_ids), refresh
        self.name, self.value = name, value
        self.before: dict[int, DocumentVariables] = {}
        count = len(document_ids)
        self.setText(
            QCoreApplication.translate(
                "CorpusActions", 'set "{0}" for %n document(s)', "", count
            ).format(elided(name))
        )

    def redo(self) -> None:
        self.before = self.store.document_variables(self.document_ids)
        self.store.set_variable(self.document_ids, self.name, self.value)
        self.refresh(self.document_ids)

    def undo(self) -> None:
        self.store.put_variables(self.before)
        self.refresh(self.document_ids)


class SetVariableDialog(QDialog):
    """A variable's name and value, for all the selected documents."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a variable"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. source, date, 栏目"))
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("empty: remove the variable"))
        form = QFormLayout()
        form.addRow(self.tr("Variable:"), self.name)
        form.addRow(self.tr("Value:"), self.value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("For %n document(s):", "", count)))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())
        fit_to_screen(self)


class DocumentDetailsDialog(QDialog):
    """A document's title, source and date, and the other variables its source gave (author,
    URL, pages, a table's own columns…), to edit; a variable is added or removed here too."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document details"))
        self._original = dict(document.metadata)
        self.title = QLineEdit(document.title)
        self.source = QLineEdit(document.source)
        self.date = QLineEdit(document.date)
        self.date.setPlaceholderText(self.tr("e.g. 2020-02-10"))
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Date:"), self.date)
        self.variables = QTableWidget(0, 2)
        self.variables.setHorizontalHeaderLabels([self.tr("Variable"), self.tr("Value")])
        self.variables.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.variables.verticalHeader().hide()
        for name, value in document.metadata.items():
            self.add_variable(name, value if isinstance(value, str) else _as_text(value))
        add = QPushButton(self.tr("Add variable"))
        add.clicked.connect(lambda: self.add_variable("", "", edit=True))
        remove = QPushButton(self.tr("Remove variable"))
        remove.clicked.connect(self.remove_variable)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        row_buttons.addStretch()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Other variables:")))
        layout.addWidget(self.variables)
        layout.addLayout(row_buttons)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())
        fit_to_screen(self)

    def add_variable(self, name: str, value: str, *, edit: bool = False) -> None:
        """A row for a variable: shown by its name in the interface language, its key kept."""
        row = self.variables.rowCount()
        self.variables.insertRow(row)
        name_item = QTableWidgetItem(variable_label(name) if name else "")
        name_item.setData(Qt.ItemDataRole.UserRole, name)
        if name:
            name_item.setToolTip(name)
        self.variables.setItem(row, 0, name_item)
        self.variables.setItem(row, 1, QTableWidgetItem(value))
        if edit:
            self.variables.setCurrentCell(row, 0)
            self.variables.editItem(name_item)

    def remove_variable(self) -> None:
        row = self.variables.currentRow()
        if row >= 0:
            self.variables.removeRow(row)

    def details(self) -> Details:
        return (
            self.title.text().strip(),
            self.source.text().strip(),
            self.date.text().strip(),
            self._variables(),
        )

    def _variables(self) -> dict[str, Any]:
        """The table's variables; a value that was not text (a list, a number) and is shown
        unchanged stays what it was."""
        variables: dict[str, Any] = {}
        for row in range(self.variables.rowCount()):
            name_item, value_item = self.variables.item(row, 0), self.variables.item(row, 1)
            name = variable_name_of(name_item) if name_item else ""
            value = value_item.text().strip() if value_item else ""
            if not name:
                continue
            original = self._original.get(name)
            unchanged = original is not None and not isinstance(original, str)
            variables[name] = original if unchanged and _as_text(original) == value else value
        return variables


def variable_name_of(item: QTableWidgetItem) -> str:
    """The key of a variable's row: the one it was shown with while its shown name is left
    as it was, else what the user typed (a listed variable's name in either language is its
    key)."""
    key = item.data(Qt.ItemDataRole.UserRole)
    text = item.text().strip()
    if isinstance(key, str) and key and text == variable_label(key):
        return key
    return variable_key(text)


def _as_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


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
        corpus.setVariableRequested.connect(self.set_variable)

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
        before = (document.title, document.source, document.date, dict(document.metadata))
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

    def set_variable(self, document_ids: list[int]) -> SetVariableDialog:
        """Ask for a variable's name and value; what is accepted is one undoable step."""
        dialog = SetVariableDialog(len(document_ids), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._write_variable(document_ids, dialog.name.text(), dialog.value.text())
        )
        dialog.open()
        return dialog

    def _write_variable(self, document_ids: list[int], name: str, value: str) -> None:
        name = variable_key(name)
        if not name:
            return
        if name == "title":
            QMessageBox.warning(
                self._parent,
                APP_NAME,
                self.tr("Not changed: a title is each document's own; edit it in its details."),
            )
            return
        workspace = self.workspace
        workspace.undo_stack.push(
            SetVariable(workspace.store, document_ids, name, value, self._after_variable)
        )

    def _after_variable(self, document_ids: list[int]) -> None:
        for document_id in document_ids:
            self._after_edit(document_id)

    def _after_edit(self, document_id: int) -> None:
        self.corpus.documents.refresh_document(document_id)
        if self.workspace.current_id == document_id:
            self.detailsChanged.emit(document_id)  # the title above the text
