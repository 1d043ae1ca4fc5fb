"""The project's Journal: dated entries (memos on the project), newest first, written in
Markdown and saved as they are typed; adding, editing and deleting an entry are undoable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.memos import Memo, MemoError
from desktop.core.store import StoreError
from desktop.ui.common.fitting import fit_to_screen
from desktop.ui.common.messages import error_text
from desktop.ui.memos.commands import AddMemo, DeleteMemo, EditMemo
from desktop.ui.memos.memo_editor import MemoEditor
from desktop.ui.memos.memo_panel import memo_caption
from desktop.ui.workspace import Workspace

_ID = Qt.ItemDataRole.UserRole


class JournalWindow(QDialog):
    """Not modal: the journal stays open beside the documents while one reads."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._adding = False
        self.resize(760, 520)
        self.entries = QListWidget()
        self.entries.currentItemChanged.connect(self._show_current)
        self.editor = MemoEditor()
        self.editor.saveRequested.connect(self._save)
        self.new_button = new = QPushButton()
        new.clicked.connect(self.new_entry)
        self.delete_button = delete = QPushButton()
        delete.clicked.connect(self.delete_entry)
        self.retranslate()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.entries, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(delete)
        column.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setSizes([260, 500])
        QVBoxLayout(self).addWidget(splitter)
        workspace.memosChanged.connect(self._memos_changed)
        # Methods, not lambdas: Qt drops them when this window is deleted (closed).
        workspace.projectClosing.connect(self.editor.save_now)
        workspace.projectSwitched.connect(self._project_switched)
        self.reload()
        fit_to_screen(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Journal"))
        self.new_button.setText(self.tr("New entry"))
        self.delete_button.setText(self.tr("Delete entry"))

    def changeEvent(self, event: QEvent) -> None:
        # View > Language while the journal is open: its own words follow (the editor's do).
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        self.editor.save_now()
        entries = sorted(
            self.workspace.store.memos("project"),
            key=lambda memo: (memo.created, memo.id or 0),
            reverse=True,
        )
        shown = self.entries.currentItem().data(_ID) if self.entries.currentItem() else None
        if self._adding and entries:
            shown = max(memo.id or 0 for memo in entries)
        self.entries.blockSignals(True)
        try:
            self.entries.clear()
            for memo in entries:
                item = QListWidgetItem(memo_caption(memo))
                item.setData(_ID, memo.id)
                item.setToolTip(memo.author)
                self.entries.addItem(item)
            ids = [memo.id for memo in entries]
            self.entries.setCurrentRow(ids.index(shown) if shown in ids else (0 if ids else -1))
        finally:
            self.entries.blockSignals(False)
        self._show_current()

    def current_entry(self) -> Memo | None:
        item = self.entries.currentItem()
        if item is None:
            return None
        try:
            return self.workspace.store.memo(int(item.data(_ID)))
        except MemoError:
            return None

    def _show_current(self) -> None:
        memo = self.current_entry()
        title, text = (memo.title, memo.text) if memo is not None else ("", "")
        if (title, text) != (self.editor.title.text(), self.editor.text.toPlainText()):
            self.editor.show_memo(title, text)

    def new_entry(self) -> None:
        """An empty editor: what is typed there becomes a new dated entry."""
        self.editor.save_now()
        self.entries.blockSignals(True)
        self.entries.setCurrentRow(-1)
        self.entries.blockSignals(False)
        self.editor.show_memo("", "")
        self.editor.text.setFocus()

    def delete_entry(self) -> None:
        memo = self.current_entry()
        if memo is not None:
            self.editor.save_now()
            self._push(DeleteMemo(self.workspace.store, self._announce, memo))

    def _save(self, title: str, text: str) -> None:
        store, memo = self.workspace.store, self.current_entry()
        if memo is None:
            if text.strip():
                author = self.workspace.annotator
                command = AddMemo(
                    store, self._announce, "project", None, text, title=title, author=author
                )
                self._adding = True
                try:
                    self._push(command)
                finally:
                    self._adding = False
        elif text.strip() and (title, text) != (memo.title, memo.text):
            session = self.editor.session
            self._push(EditMemo(store, self._announce, memo, title, text, session))

    def _push(self, command: object) -> None:
        try:
            self.workspace.undo_stack.push(command)  # type: ignore[arg-type]
        except (MemoError, StoreError) as error:
            self.workspace.message.emit(self.tr("Entry not saved: {0}").format(error_text(error)))

    def _announce(self, target: str, target_id: int | None) -> None:
        self.workspace.memosChanged.emit(target, target_id)

    def _project_switched(self, _store: object) -> None:
        self.reload()

    def _memos_changed(self, target: str, _target_id: object) -> None:
        if target == "project" and not self.editor.pending():
            self.reload()

    def done(self, result: int) -> None:
        self.editor.save_now()  # closing never drops what was typed in the last pause
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.save_now()
        super().closeEvent(event)
