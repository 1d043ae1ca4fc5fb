"""Memo edits as undoable commands. Typing saves as it goes (debounced), and every save of one
memo within one edit session merges into the step before: the user undoes a session of
writing at once, not each pause in it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.core.memos import Memo, MemoTarget
from desktop.core.store import Store

MemosChanged = Callable[[MemoTarget, "int | None"], None]
"""Called after a memo changed, with its target kind and target id."""

# QUndoCommand.id(): commands of one kind merge only with their own kind.
_EDIT_MEMO, _EDIT_NOTE = 2001, 2002


class AddMemo(QUndoCommand):
    """Write a new memo; undo deletes it, redo puts it back with its id."""

    def __init__(
        self,
        store: Store,
        changed: MemosChanged,
        target: MemoTarget,
        target_id: int | None,
        text: str,
        *,
        title: str = "",
        author: str = "",
    ) -> None:
        super().__init__(QCoreApplication.translate("Memos", "write a memo"))
        self.store, self.changed = store, changed
        self.target, self.target_id = target, target_id
        self.text_, self.title, self.author = text, title, author
        self.memo: Memo | None = None

    def redo(self) -> None:
        if self.memo is None:
            self.memo = self.store.add_memo(
                self.target, self.target_id, self.text_, title=self.title, author=self.author
            )
        else:
            self.memo = self.store.restore_memo(self.memo)
        self.changed(self.target, self.target_id)

    def undo(self) -> None:
        assert self.memo is not None and self.memo.id is not None
        self.memo = self.store.delete_memo(self.memo.id)
        self.changed(self.target, self.target_id)


class DeleteMemo(QUndoCommand):
    def __init__(self, store: Store, changed: MemosChanged, memo: Memo) -> None:
        super().__init__(QCoreApplication.translate("Memos", "delete a memo"))
        self.store, self.changed, self.memo = store, changed, memo

    def redo(self) -> None:
        assert self.memo.id is not None
        self.memo = self.store.delete_memo(self.memo.id)
        self.changed(self.memo.target, self.memo.target_id)

    def undo(self) -> None:
        self.memo = self.store.restore_memo(self.memo)
        self.changed(self.memo.target, self.memo.target_id)


class EditMemo(QUndoCommand):
    """Change a memo's title and text; saves of the same memo in one session merge."""

    def __init__(
        self,
        store: Store,
        changed: MemosChanged,
        before: Memo,
        title: str,
        text: str,
        session: int,
    ) -> None:
        super().__init__(QCoreApplication.translate("Memos", "edit a memo"))
        self.store, self.changed, self.session = store, changed, session
        self.before, self.title, self.text_ = before, title, text

    def id(self) -> int:
        return _EDIT_MEMO

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditMemo)
            and other.before.id == self.before.id
            and other.session == self.session
        ):
            return False
        self.title, self.text_ = other.title, other.text_
        return True

    def redo(self) -> None:
        assert self.before.id is not None
        self.store.update_memo(self.before.id, title=self.title, text=self.text_)
        self.changed(self.before.target, self.before.target_id)

    def undo(self) -> None:
        self.store.restore_memo(self.before)
        self.changed(self.before.target, self.before.target_id)


class EditTagNote(QUndoCommand):
    """Change a tag's memo, which is its note and a title; saves of one tag in one session
    merge. ``announce``: the workspace's announce_annotations (the tag panel and panes
    follow)."""

    def __init__(
        self,
        store: Store,
        announce: Callable[[int, list[int]], None],
        tag_id: int,
        text: str,
        session: int,
        title: str = "",
    ) -> None:
        super().__init__(QCoreApplication.translate("Memos", "edit a tag's memo"))
        self.store, self.announce, self.session = store, announce, session
        self.tag_id, self.text_, self.title_ = tag_id, text, title
        before = store.tag_memo(tag_id)
        self.before, self.before_title = before.text, before.title

    @property
    def place(self) -> tuple[int, int, int]:
        tag = self.store.annotation(self.tag_id)
        return tag.document_id, tag.start, tag.end

    def id(self) -> int:
        return _EDIT_NOTE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, EditTagNote)
            and other.tag_id == self.tag_id
            and other.session == self.session
        ):
            return False
        self.text_, self.title_ = other.text_, other.title_
        return True

    def redo(self) -> None:
        self._write(self.title_, self.text_)

    def undo(self) -> None:
        self._write(self.before_title, self.before)

    def _write(self, title: str, note: str) -> None:
        self.store.update_tag_memo(self.tag_id, title=title, note=note)
        tag = self.store.annotation(self.tag_id)
        self.announce(tag.document_id, [tag.id])
