"""The Memos panel: what the researcher writes about the shown document, a label, or the tag
selected in the Tags tab. A document or a label may carry several memos (a list above the
editor); a tag carries one, its note. Every edit is saved as it is typed and is undoable."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exports.selection import label_paths
from desktop.core.memos import Memo, MemoError, MemoTarget
from desktop.core.store import StoreError
from desktop.ui.common.codebook_tips import codebook_tooltip
from desktop.ui.common.messages import error_text
from desktop.ui.memos.commands import AddMemo, DeleteMemo, EditMemo, EditTagNote
from desktop.ui.memos.memo_editor import MemoEditor
from desktop.ui.workspace import Workspace

_ID = Qt.ItemDataRole.UserRole
SCOPES: tuple[MemoTarget, ...] = ("document", "label", "tag")


def memo_caption(memo: Memo) -> str:
    """A memo in a list: its title (else its first line) and the day it was written."""
    first = memo.title or next((line for line in memo.text.splitlines() if line.strip()), "")
    return f"{first[:60]}  ·  {memo.created[:10]}"


class MemosPanel(QWidget):
    """Memos on the workspace's current document, on a label, or on the tag ``show_tag``
    names. Writes through the workspace's undo stack; announces ``memosChanged``."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tag_id: int | None = None
        self._adding = False  # a memo typed into an empty editor is being written
        # What the editor shows (target kind, id): a save goes there, whatever is chosen since.
        self._shown: tuple[MemoTarget, int | None] = ("document", None)
        self.scope = QComboBox()
        self.scope.activated.connect(self.reload)
        self.label_choice = QComboBox()
        self.label_choice.activated.connect(self.reload)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._show_current)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_memo)
        self.delete_button = QPushButton()
        self.delete_button.clicked.connect(self.delete_memo)
        self.editor = MemoEditor()
        self.editor.saveRequested.connect(self._save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scope)
        layout.addWidget(self.label_choice)
        layout.addWidget(self.caption)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.editor, 2)
        self.retranslate()
        workspace.documentOpened.connect(self._document_opened)
        workspace.labelsChanged.connect(self.load_labels)
        workspace.projectClosing.connect(self.editor.save_now)
        workspace.projectSwitched.connect(self._project_switched)
        workspace.memosChanged.connect(self._memos_changed)
        workspace.annotationsChanged.connect(self._tags_changed)
        self.load_labels()
        self.reload()

    # -- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {
            "document": self.tr("This document"),
            "label": self.tr("A label"),
            "tag": self.tr("The selected tag"),
        }
        current = self.scope.currentIndex()
        self.scope.clear()
        for scope in SCOPES:
            self.scope.addItem(names[scope], scope)
        self.scope.setCurrentIndex(max(current, 0))
        self.new_button.setText(self.tr("New memo"))
        self.delete_button.setText(self.tr("Delete memo"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- what is shown -------------------------------------------------------------------

    @property
    def target(self) -> MemoTarget:
        return self.scope.currentData() or "document"

    def target_id(self) -> int | None:
        if self.target == "document":
            return self.workspace.current_id
        if self.target == "label":
            data = self.label_choice.currentData()
            return int(data) if data is not None else None
        return self.tag_id

    def show_scope(self, scope: MemoTarget) -> None:
        self.scope.setCurrentIndex(self.scope.findData(scope))
        self.reload()

    def load_labels(self) -> None:
        """The labels to choose from (by path), each with its codebook entry as tooltip."""
        store = self.workspace.store
        chosen = self.label_choice.currentData()
        paths = label_paths(store.labels())
        entries = store.codebook_entries()
        marked = store.targets_with_memos("label")
        self.label_choice.clear()
        for label_id, path in sorted(paths.items(), key=lambda item: item[1]):
            self.label_choice.addItem(f"{path} ✎" if label_id in marked else path, label_id)
            tip = codebook_tooltip(entries[label_id]) if label_id in entries else ""
            self.label_choice.setItemData(
                self.label_choice.count() - 1, tip, Qt.ItemDataRole.ToolTipRole
            )
        self.label_choice.setCurrentIndex(max(self.label_choice.findData(chosen), 0))
        if self.target == "label":
            self.reload()

    def show_tag(self, tag_id: int | None) -> None:
        """The tag selected in the Tags tab (None: none); its label becomes the label shown."""
        if tag_id == self.tag_id:
            return
        self.editor.save_now()
        self.tag_id = tag_id
        if tag_id is not None:
            try:
                label_id = self.workspace.store.annotation_label_id(tag_id)
            except KeyError:
                label_id = None
            if label_id is not None and self.target != "label":
                self.label_choice.setCurrentIndex(max(self.label_choice.findData(label_id), 0))
        if self.target == "tag":
            self.reload()

    def reload(self) -> None:
        """Show the memos of the chosen target, keeping the memo shown when it is still there."""
        self.editor.save_now()
        target, target_id = self.target, self.target_id()
        self._shown = (target, target_id)
        self.label_choice.setVisible(target == "label")
        is_tag = target == "tag"
        for widget in (self.list, self.new_button, self.delete_button):
            widget.setVisible(not is_tag)
        self.caption.setText(self._caption(target, target_id))
        self.editor.setEnabled(target_id is not None)
        if target_id is None:
            self.list.clear()
            self.editor.clear_memo()
            return
        if is_tag:
            self.editor.show_memo(*self._tag_memo(target_id))
            return
        self._fill_list(self.workspace.store.memos(target, target_id))

    def _fill_list(self, memos: list[Memo]) -> None:
        shown = self.list.currentItem().data(_ID) if self.list.currentItem() else None
        if self._adding and memos:  # the memo just written from an empty editor: the newest
            shown = max(memo.id or 0 for memo in memos)
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for memo in memos:
                item = QListWidgetItem(memo_caption(memo))
                item.setData(_ID, memo.id)
                item.setToolTip(memo.author)
                self.list.addItem(item)
            rows = [memo.id for memo in memos]
            row = rows.index(shown) if shown in rows else (0 if rows else -1)
            self.list.setCurrentRow(row)
        finally:
            self.list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        memo = self.current_memo()
        if memo is None:
            self.editor.show_memo("", "")
        elif (memo.title, memo.text) != (self.editor.title.text(), self.editor.text.toPlainText()):
            self.editor.show_memo(memo.title, memo.text)

    def current_memo(self) -> Memo | None:
        item = self.list.currentItem()
        if item is None or self._shown[0] == "tag":
            return None
        try:
            return self.workspace.store.memo(int(item.data(_ID)))
        except MemoError:
            return None

    def _caption(self, target: MemoTarget, target_id: int | None) -> str:
        store = self.workspace.store
        if target_id is None:
            return {
                "document": self.tr("No document is shown."),
                "label": self.tr("The project has no labels."),
                "tag": self.tr("Select a tag in the Tags tab."),
            }.get(target, "")
        try:
            if target == "document":
                return store.document_title_and_status(target_id)[0]
            if target == "tag":
                tag = store.annotation(target_id)
                return self.tr("{0}: “{1}” (a tag's memo is its note)").format(
                    tag.label, tag.text[:40]
                )
        except KeyError:
            return ""
        return self.tr("Memos on the label, beside its definition in Edit > Labels…")

    def _tag_memo(self, tag_id: int) -> tuple[str, str]:
        """The tag memo's title and text (its note)."""
        try:
            memo = self.workspace.store.tag_memo(tag_id)
        except MemoError:
            return "", ""
        return memo.title, memo.text

    # -- writing -------------------------------------------------------------------------

    def new_memo(self) -> None:
        """An empty editor: what is typed there becomes a new memo on the target."""
        self.editor.save_now()
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self.editor.show_memo("", "")
        self.editor.text.setFocus()

    def delete_memo(self) -> None:
        memo = self.current_memo()
        if memo is not None:
            self.editor.save_now()
            self._push(DeleteMemo(self.workspace.store, self.announce, memo))

    def _save(self, title: str, text: str) -> None:
        target, target_id = self._shown
        if target_id is None:
            return
        store, session = self.workspace.store, self.editor.session
        if target == "tag":
            if (title, text) != self._tag_memo(target_id):
                announce = self.workspace.announce_annotations
                self._push(EditTagNote(store, announce, target_id, text, session, title))
            return
        memo = self.current_memo()
        if memo is None:
            if text.strip():
                author = self.workspace.annotator
                command = AddMemo(
                    store, self.announce, target, target_id, text, title=title, author=author
                )
                self._adding = True
                try:
                    self._push(command)
                finally:
                    self._adding = False
            return
        if not text.strip():
            return  # an emptied memo stays as it was until deleted (the store refuses it)
        if (title, text) != (memo.title, memo.text):
            self._push(EditMemo(store, self.announce, memo, title, text, session))

    def _push(self, command: object) -> None:
        try:
            self.workspace.undo_stack.push(command)  # type: ignore[arg-type]
        except (MemoError, StoreError, KeyError) as error:
            self.workspace.message.emit(self.tr("Memo not saved: {0}").format(error_text(error)))

    def announce(self, target: MemoTarget, target_id: int | None) -> None:
        self.workspace.memosChanged.emit(target, target_id)

    # -- what others changed -------------------------------------------------------------

    def _memos_changed(self, target: str, target_id: object) -> None:
        if target == "label":
            self.load_labels()
        shown_target, shown_id = self._shown
        if (target, target_id) == self._shown and not self.editor.pending():
            self._fill_list(self.workspace.store.memos(shown_target, shown_id))

    def _tags_changed(self, _document_id: int, changed: object) -> None:
        if self._shown != ("tag", self.tag_id) or self.tag_id is None or self.editor.pending():
            return
        if changed is None or self.tag_id in changed:  # type: ignore[operator]
            title, note = self._tag_memo(self.tag_id)
            if (title, note) != (self.editor.title.text(), self.editor.text.toPlainText()):
                self.editor.show_memo(title, note)

    def _document_opened(self, _document_id: int) -> None:
        if self.target == "document":
            self.reload()

    def _project_switched(self, _store: object) -> None:
        self.tag_id = None
        self.load_labels()
        self.reload()
