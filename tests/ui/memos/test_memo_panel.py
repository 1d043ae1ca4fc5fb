"""The Memos panel and the Journal: memos on a document, a label and a tag, saved as typed
(debounced), one undo step per edit session, never lost when the editor is left (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from desktop.core.labels import topics_scheme
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.memos.journal import JournalWindow
from desktop.ui.memos.memo_panel import MemosPanel
from desktop.ui.tagging.label_editor import LabelEditor
from desktop.ui.workspace import Workspace


@pytest.fixture
def workspace(seeded_store: Store) -> Iterator[Workspace]:
    seeded_store.install_scheme(topics_scheme())
    owner = QObject()
    shown = Workspace(seeded_store, Settings(), owner)
    shown.settings.annotator = "李"
    shown.open_document(seeded_store.document_ids()[0])
    yield shown
    owner.deleteLater()


@pytest.fixture
def panel(qtbot: QtBot, workspace: Workspace) -> MemosPanel:
    shown = MemosPanel(workspace)
    qtbot.addWidget(shown)
    return shown


def type_text(qtbot: QtBot, panel_editor: object, text: str) -> None:
    """Put ``text`` in the editor as typing would (Chinese cannot go through keyClicks) and
    wait for the debounced save."""
    editor = panel_editor
    editor.text.setPlainText(text)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not editor.pending())  # type: ignore[attr-defined]


def test_typing_on_a_document_writes_a_memo_once_typing_pauses(
    qtbot: QtBot, panel: MemosPanel, workspace: Workspace
) -> None:
    document = workspace.current_id
    with qtbot.waitSignal(workspace.memosChanged) as changed:
        panel.editor.title.setText("来源")
        type_text(qtbot, panel.editor, "省里通知的**转载**")
    assert changed.args == ["document", document]
    [memo] = workspace.store.memos("document", document)
    assert (memo.text, memo.author) == ("省里通知的**转载**", "李")
    assert panel.list.count() == 1 and panel.list.currentRow() == 0
    # Rendered: the Read tab shows the Markdown as text with formatting.
    panel.editor.tabs.setCurrentIndex(1)
    assert "转载" in panel.editor.rendered.toPlainText()
    assert "**" not in panel.editor.rendered.toPlainText()


def test_one_edit_session_is_one_undo_step(
    qtbot: QtBot, panel: MemosPanel, workspace: Workspace
) -> None:
    type_text(qtbot, panel.editor, "第一稿")
    steps = workspace.undo_stack.count()
    for text in ("第二稿", "第三稿", "第四稿"):
        type_text(qtbot, panel.editor, text)
    assert workspace.undo_stack.count() == steps + 1  # the edits merged
    assert workspace.store.memos("document", workspace.current_id)[0].text == "第四稿"
    workspace.undo_stack.undo()
    assert workspace.store.memos("document", workspace.current_id)[0].text == "第一稿"
    assert panel.editor.text.toPlainText() == "第一稿"
    workspace.undo_stack.undo()
    assert workspace.store.memos("document", workspace.current_id) == []


def test_leaving_the_editor_saves_at_once(panel: MemosPanel, workspace: Workspace) -> None:
    panel.editor.text.setPlainText("没等停顿")
    assert panel.editor.pending()
    panel.show_scope("label")  # another target shown: what was typed is written first
    [memo] = workspace.store.memos("document")
    assert memo.text == "没等停顿"


def test_memos_on_a_label_and_a_new_second_memo(
    qtbot: QtBot, panel: MemosPanel, workspace: Workspace
) -> None:
    panel.show_scope("label")
    label_id = panel.target_id()
    assert label_id is not None
    type_text(qtbot, panel.editor, "定义的补充")
    panel.new_memo()
    type_text(qtbot, panel.editor, "另一条")
    texts = [memo.text for memo in workspace.store.memos("label", label_id)]
    assert texts == ["定义的补充", "另一条"]
    assert panel.list.count() == 2 and panel.current_memo().text == "另一条"  # type: ignore[union-attr]
    panel.delete_memo()
    assert [m.text for m in workspace.store.memos("label", label_id)] == ["定义的补充"]
    workspace.undo_stack.undo()
    assert len(workspace.store.memos("label", label_id)) == 2
    assert "✎" in panel.label_choice.currentText()  # the label carries memos


def test_the_selected_tags_memo_is_its_note(
    qtbot: QtBot, panel: MemosPanel, workspace: Workspace
) -> None:
    store = workspace.store
    label = store.labels()[0]
    tag = store.add_annotation(workspace.current_id or 0, label.id, 0, 4, note="旧笔记")
    panel.show_scope("tag")
    panel.show_tag(tag.id)
    assert panel.editor.text.toPlainText() == "旧笔记"
    # Issue 20: a tag's memo has a title too, kept beside its note.
    assert panel.editor.title.isVisibleTo(panel) and panel.editor.title.text() == ""
    panel.editor.title.setText("标题")
    with qtbot.waitSignal(workspace.annotationsChanged) as changed:
        type_text(qtbot, panel.editor, "新笔记")
    assert changed.args == [tag.document_id, (tag.id,)]
    assert store.annotation(tag.id).note == "新笔记"
    assert store.tag_memo(tag.id).title == "标题"
    workspace.undo_stack.undo()
    assert store.annotation(tag.id).note == "旧笔记"
    assert store.tag_memo(tag.id).title == ""
    assert panel.editor.text.toPlainText() == "旧笔记"
    assert panel.editor.title.text() == ""


def test_the_journal_adds_dated_entries_newest_first(qtbot: QtBot, workspace: Workspace) -> None:
    journal = JournalWindow(workspace)
    qtbot.addWidget(journal)
    journal.editor.title.setText("第一天")
    type_text(qtbot, journal.editor, "读完十份纪要")
    journal.new_entry()
    type_text(qtbot, journal.editor, "第二天的想法")
    entries = workspace.store.memos("project")
    assert [m.text for m in entries] == ["读完十份纪要", "第二天的想法"]
    assert journal.entries.count() == 2
    assert journal.current_entry().text == "第二天的想法"  # type: ignore[union-attr]
    journal.editor.text.setPlainText("第二天的想法，改过")
    journal.close()  # closing writes what waited on the pause
    assert workspace.store.memos("project")[1].text == "第二天的想法，改过"


def test_a_saved_memo_is_on_disk_for_another_connection(
    qtbot: QtBot, panel: MemosPanel, workspace: Workspace
) -> None:
    """What a pause saved is committed (a crash after it loses nothing): another connection
    to the project file, as the next start would open it, reads it."""
    type_text(qtbot, panel.editor, "崩溃前写下的")
    with Store(workspace.store.path, read_only=True) as after_a_crash:
        assert [m.text for m in after_a_crash.memos("document")] == ["崩溃前写下的"]


def test_the_label_tree_marks_a_label_that_carries_a_memo(
    qtbot: QtBot, workspace: Workspace
) -> None:
    store = workspace.store
    first, second = store.labels()[:2]
    store.add_memo("label", first.id, "只算有对象的")
    editor = LabelEditor(store)
    qtbot.addWidget(editor)
    names = {
        int(item.data(0, Qt.ItemDataRole.UserRole)): item.text(0)
        for item in editor.tree.findItems(
            "", Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive
        )
    }
    assert names[first.id] == f"{first.name} ✎" and names[second.id] == second.name
