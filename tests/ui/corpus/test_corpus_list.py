"""The corpus column: filtering, what each row shows, keys, sorting, and its context menu."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument, Status
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.shell.i18n import install_language
from desktop.ui.shell.main_window import MainWindow

SHOW_TIMEOUT_MS = 30_000


def test_clearing_a_filter_that_matched_nothing_shows_every_document_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.corpus.filter_box.setText("没有这个词")
    window.corpus.apply_filter()
    assert window.documents.rowCount() == 0
    window.corpus.clear_filter()
    assert window.documents.total == 2
    assert window.documents.rowCount() == 2
    assert window.statusBar().currentMessage() == "2 documents"


def _row_of_title(window: MainWindow, title: str) -> int:
    window.documents.fetch_first_page()
    for row in range(window.documents.rowCount()):
        if window.documents.index(row, 0).data() == title:
            return row
    raise AssertionError(f"{title} is not listed")


def test_a_done_document_is_marked_in_the_title_column(window: MainWindow) -> None:
    done, other = window.store.document_ids()
    window.store.set_status(done, Status.DONE)
    window.documents.refresh_document(done)
    title = window.store.document(done).title
    index = window.documents.index(_row_of_title(window, title), 0)
    mark = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(mark, QIcon) and not mark.isNull()
    assert "done" in index.data(Qt.ItemDataRole.ToolTipRole)
    other_row = window.documents.row_of(other)
    assert other_row is not None
    assert window.documents.index(other_row, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_documents_with_the_same_title_are_told_apart_by_their_file(
    qtbot: QtBot, window: MainWindow
) -> None:
    for name, text in (("a/通知.txt", "第一份通知。"), ("b/通知.txt", "第二份通知。")):
        window.store.add_document(
            NewDocument(
                title="通知",
                raw_text=text,
                clean_text=text,
                encoding="utf-8",
                script="simplified",
                source_path=f"/data/{name}",
            )
        )
    window.documents.reload()
    file_column = DocumentTableModel.COLUMNS.index("file")
    header = window.documents.headerData(file_column, Qt.Orientation.Horizontal)
    assert header == "File"
    shown = set()
    for row in range(window.documents.rowCount()):
        if window.documents.index(row, 0).data() == "通知":
            tip = window.documents.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
            shown.add((window.documents.index(row, file_column).data(), tip.splitlines()[1]))
    assert shown == {("通知.txt", "/data/a/通知.txt"), ("通知.txt", "/data/b/通知.txt")}


def test_tab_leaves_the_list_and_arrows_move_in_it(qtbot: QtBot, window: MainWindow) -> None:
    table = window.corpus.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.corpus.select_document()
    first = window.corpus.table.selectionModel().selectedRows()[0].row()
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.selectionModel().selectedRows()[0].row() == first + 1
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.selectionModel().selectedRows()[0].row() == first + 1


def test_titles_sort_naturally_in_the_list(window: MainWindow) -> None:
    for number in (1000, 100, 9):
        text = f"第{number}号文件正文。"
        window.store.add_document(
            NewDocument(
                title=f"第{number}号",
                raw_text=text,
                clean_text=text,
                encoding="utf-8",
                script="simplified",
            )
        )
    window.corpus.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [window.documents.index(row, 0).data() for row in range(window.documents.rowCount())]
    numbered = [title for title in titles if title.startswith("第")]
    assert numbered == ["第9号", "第100号", "第1000号"]


def test_deleting_a_document_from_its_menu_asks_and_is_undoable(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.store
    first, second = store.document_ids()
    label = store.add_label("删除测试")
    tag = store.add_annotation(first, label.id, 0, 2)
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.select_document(first)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr("desktop.ui.corpus.corpus_actions.QMessageBox.question", answer)
    corpus = window.corpus
    row = window.documents.row_of(first)
    assert row is not None
    point = corpus.table.visualRect(window.documents.index(row, 0)).center()
    menu = corpus.menu_for(point)
    assert menu is not None and corpus.delete_action in menu.actions()
    assert corpus.edit_action in menu.actions()
    menu.deleteLater()
    corpus.delete_action.trigger()  # answered No
    assert store.document_ids() == [first, second]
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        corpus.delete_action.trigger()  # answered Yes: the next document is shown
    assert "and its 1 tag from" in asked[0]
    assert store.document_ids() == [second]
    assert window.current_id == second
    assert window.documents.total == 1
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.undo_stack.undo()
    assert store.document_ids() == [first, second]
    assert [a.id for a in store.annotations(first)] == [tag.id]
    assert window.documents.total == 2


def test_the_delete_key_in_the_list_asks_to_delete_the_selected_document(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr("desktop.ui.corpus.corpus_actions.QMessageBox.question", answer)
    table = window.corpus.table
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.select_document()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and asked[0].startswith("Delete ")


def test_a_documents_title_source_and_date_are_edited_undoably(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.store
    document = store.document_ids()[0]
    dialog = window.corpus_actions.edit_document(document)
    dialog.title.setText("新标题")
    dialog.source.setText("新华社")
    dialog.date.setText("2020-02-10")
    dialog.accept()
    edited = store.document(document)
    assert (edited.title, edited.source, edited.date) == ("新标题", "新华社", "2020-02-10")
    row = window.documents.row_of(document)
    assert row is not None and window.documents.index(row, 0).data() == "新标题"
    window.undo_stack.undo()
    assert store.document(document).title != "新标题"
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.corpus.corpus_actions.QMessageBox.warning",
        lambda _p, _t, text: warnings.append(text),
    )
    dialog = window.corpus_actions.edit_document(document)
    dialog.title.setText("  ")
    dialog.accept()
    assert warnings == ["Not changed: a document needs a title."]
    assert store.document(document).title.strip()


def test_the_title_column_stays_readable_in_a_narrow_list(window: MainWindow) -> None:
    window.splitter.setSizes([380, 800, 220])
    assert window.corpus.table.columnWidth(0) >= 200


def test_the_undo_menu_names_document_deletions_and_edits_in_the_users_language(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "desktop.ui.corpus.corpus_actions.QMessageBox.question",
        lambda *_args: QMessageBox.StandardButton.Yes,
    )
    first, second = window.store.document_ids()
    assert install_language("zh_CN") == "zh_CN"
    try:
        dialog = window.corpus_actions.edit_document(first)
        dialog.title.setText("新标题")
        dialog.accept()
        edited = window.undo_stack.undoText()
        window.corpus_actions.delete_documents([second])
        deleted = window.undo_stack.undoText()
    finally:
        install_language("en")
    # Chinese, naming what was done: no English command words, no document id.
    assert "新标题" in edited and not re.search("[A-Za-z]", edited), edited
    assert "1" in deleted and not re.search("[A-Za-z]", deleted), deleted
