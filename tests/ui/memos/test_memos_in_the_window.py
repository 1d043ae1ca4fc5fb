"""Memos and the codebook in the window: the Memos tab follows the selected tag, marks show
who carries a memo, the label editor edits the codebook, its entries are the labels'
tooltips, Edit > Journal and File > Export codebook… (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.exports.qdc import read_qdc
from desktop.core.store import Store
from desktop.ui.memos.journal import JournalWindow
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.label_editor import LabelEditor

WAIT_MS = 60_000


@pytest.fixture
def store(tagged_store: Store) -> Store:
    return tagged_store


def action(window: MainWindow, text: str) -> QAction:
    [found] = [a for a in window.findChildren(QAction) if a.text() == text]
    return found


def shown(qtbot: QtBot, window: MainWindow) -> int:
    with qtbot.waitSignal(window.documentShown, timeout=WAIT_MS) as done:
        window.select_document()
    return int(done.args[0])


def test_the_memos_tab_shows_the_selected_tags_memo_and_marks_what_carries_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = shown(qtbot, window)
    panel = window.memos_panel
    assert window.side_tabs.indexOf(panel) >= 0
    [tag] = window.store.annotations(document)
    panel.show_scope("tag")
    window.annotation_panel.select_annotation(tag.id)
    assert panel.tag_id == tag.id
    assert panel.editor.text.toPlainText() == "备注"
    # The tag list marks a tag with a memo (its note).
    assert window.annotation_panel.model.index(0).data().startswith("✎ ")
    # A memo on the document marks it in the corpus list.
    panel.show_scope("document")
    panel.editor.text.setPlainText("转载")
    qtbot.waitUntil(lambda: not panel.editor.pending())
    row = window.documents.row_of(document)
    assert row is not None
    assert window.documents.index(row, 0).data().startswith("✎ ")


def test_the_label_editor_edits_the_codebook_and_labels_show_it_as_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    labour = next(label for label in store.labels() if label.name == "Labour")
    editor = LabelEditor(store, window)
    qtbot.addWidget(editor)
    editor.reload(select=labour.id)
    editor.use_when.setText("employment, wages")
    editor.use_when.editingFinished.emit()
    editor.not_use_when.setText("training only")
    editor.not_use_when.editingFinished.emit()
    entry = store.codebook_entry(labour.id)
    assert (entry.use_when, entry.not_use_when) == ("employment, wages", "training only")
    window.tag_actions.load_scheme()
    choice = window.annotation_panel.label_choice
    tip = choice.itemData(choice.findData(labour.id), Qt.ItemDataRole.ToolTipRole)
    assert "employment, wages" in tip and "training only" in tip


def test_edit_journal_opens_the_journal(qtbot: QtBot, window: MainWindow) -> None:
    action(window, "&Journal…").trigger()
    [journal] = window.findChildren(JournalWindow)
    qtbot.waitUntil(journal.isVisible)
    journal.editor.text.setPlainText("第一天")
    journal.close()
    assert [m.text for m in window.store.memos("project")] == ["第一天"]
    qtbot.waitUntil(lambda: not window.findChildren(JournalWindow))  # deleted once closed
    # What the closed journal listened to goes on without it.
    window.workspace.memosChanged.emit("project", None)
    window.workspace.projectSwitched.emit(window.store)


def test_what_was_typed_in_the_last_pause_stays_in_its_own_project(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Opening another project within the save pause wrote the memo and the journal entry
    into the NEW project (on its document of the same id); the old one lost them."""
    document = shown(qtbot, window)
    panel = window.memos_panel
    panel.show_scope("document")
    panel.editor.text.setPlainText("typed, then another project opened")
    journal = window.open_journal()
    journal.editor.text.setPlainText("journal, then another project opened")
    assert panel.editor.pending() and journal.editor.pending()
    first = window.store.path
    other = Store(tmp_path / "other.jiyao")
    import_seeds(other)
    window.workspace.switch_project(other)
    assert other.memos("document", document) == [] and other.memos("project") == []
    with Store(first) as reopened:
        memos = reopened.memos("document", document)
        assert [m.text for m in memos] == ["typed, then another project opened"]
        journal_entries = [m.text for m in reopened.memos("project")]
        assert journal_entries == ["journal, then another project opened"]
    journal.close()


def test_closing_the_window_keeps_a_memo_typed_in_the_last_pause(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = shown(qtbot, window)
    panel = window.memos_panel
    panel.show_scope("document")
    panel.editor.text.setPlainText("typed, then the window closed")
    assert panel.editor.pending()
    window.close()
    assert [m.text for m in window.store.memos("document", document)] == [
        "typed, then the window closed"
    ]


def test_file_export_codebook_writes_the_format_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "codebook"  # typed without a suffix: the filter chosen gives it
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "REFI-QDA codebook (*.qdc)"),
    )
    with qtbot.waitSignal(window.workspace.message) as said:
        action(window, "Export &codebook…").trigger()
    written = tmp_path / "codebook.qdc"
    assert str(written) in said.args[0]
    paths = {"/".join(code.path) for code in read_qdc(written)}
    assert "Labour" in {path.rsplit("/", 1)[-1] for path in paths}


def test_a_codebook_dropped_on_the_window_extends_the_labels(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    codebook = Path(__file__).resolve().parents[2] / "data" / "codebooks" / "qualcoder.qdc"
    with qtbot.waitSignal(window.workspace.labelsChanged):
        window.import_paths([codebook])
    assert window.store.label_id_for_path("Directives/禁止") is not None
    assert "4 labels added" in told[0]
    bad = codebook.with_name("missing.qdc")
    window.import_paths([bad])
    assert told[1].startswith("Refused missing.qdc: cannot read it")


def test_a_codebook_written_from_the_window_in_chinese_has_chinese_captions(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from desktop.ui.memos.codebook_export import export_codebook_to
    from desktop.ui.shell.i18n import install_language

    labour = next(label for label in window.store.labels() if label.name == "Labour")
    window.store.set_codebook_entry(labour.id, definition="就业", use_when="工资")
    assert install_language("zh_CN") == "zh_CN"
    try:
        export_codebook_to(window.workspace, tmp_path / "c.md", window)
    finally:
        install_language("en")
    written = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "编码本：" in written and "**定义:** 就业" in written and "**何时使用:** 工资" in written
    assert "Codebook" not in written and "When to use" not in written
