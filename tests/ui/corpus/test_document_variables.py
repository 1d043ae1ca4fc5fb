"""A document's variables (what its source said about itself) shown and edited in the
Document details dialog, as one undoable step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_paths
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.corpus.corpus_actions import (
    CorpusActions,
    DocumentDetailsDialog,
    variable_name_of,
)
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.workspace import Workspace

PAGE = Path(__file__).resolve().parents[2] / "data" / "readers" / "gov_readout.gbk.html"


@pytest.fixture
def actions(qtbot: QtBot, seeded_store: Store) -> CorpusActions:
    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = Workspace(seeded_store, Settings(), parent)
    return CorpusActions(workspace, CorpusList(workspace, parent), parent)


def _rows(dialog: DocumentDetailsDialog) -> dict[str, str]:
    """The dialog's variables by their keys (each row shows its variable's name)."""
    table = dialog.variables
    cells = ((table.item(row, 0), table.item(row, 1)) for row in range(table.rowCount()))
    return {variable_name_of(name): value.text() for name, value in cells if name and value}


def test_a_web_pages_variables_are_shown_edited_and_undone(actions: CorpusActions) -> None:
    store = actions.workspace.store
    ((_, page),) = import_paths(store, [PAGE]).imported
    before = store.document(page).metadata
    dialog = actions.edit_document(page)
    assert _rows(dialog) == before
    assert _rows(dialog)["author"] == "张晓明"
    table = dialog.variables
    author_row = next(
        row for row in range(table.rowCount()) if table.item(row, 0).text() == "Author"
    )
    assert table.item(author_row, 0).toolTip() == "author"
    table.item(author_row, 1).setText("李华")
    table.setCurrentCell(0, 0)  # date_text
    dialog.remove_variable()
    dialog.add_variable("栏目", "市政府要闻")
    dialog.accept()
    after = store.document(page).metadata
    assert after["author"] == "李华" and after["栏目"] == "市政府要闻"
    assert "date_text" not in after
    actions.workspace.undo_stack.undo()
    assert store.document(page).metadata == before


def test_a_variable_that_is_not_text_keeps_its_kind_when_left_alone(actions: CorpusActions) -> None:
    store = actions.workspace.store
    document = store.document_ids()[0]
    store.update_document(document, metadata={"pages": 3, "tags": ["a", "b"]})
    dialog = actions.edit_document(document)
    assert _rows(dialog) == {"pages": "3", "tags": '["a", "b"]'}
    dialog.title.setText("新标题")
    dialog.accept()
    assert store.document(document).metadata == {"pages": 3, "tags": ["a", "b"]}


def test_a_variable_is_set_for_the_selected_documents_as_one_undoable_step(
    actions: CorpusActions,
) -> None:
    store = actions.workspace.store
    ids = store.document_ids()
    before = store.document_variables(ids)
    menu = actions.corpus.menu_for(
        actions.corpus.table.visualRect(actions.corpus.documents.index(0, 0)).center()
    )
    assert menu is not None and actions.corpus.set_variable_action in menu.actions()
    dialog = actions.set_variable(ids)
    assert dialog.findChild(QLabel).text() == "For 2 documents:"
    dialog.name.setText("栏目")
    dialog.value.setText("市政府要闻")
    dialog.accept()
    assert all(store.document(i).metadata["栏目"] == "市政府要闻" for i in ids)
    assert actions.workspace.undo_stack.undoText() == 'set "栏目" for 2 document(s)'
    dialog = actions.set_variable(ids)
    dialog.name.setText("source")
    dialog.value.setText("新华社")
    dialog.accept()
    assert actions.corpus.documents.index(0, 3).data() == "新华社"  # the Source column follows
    actions.workspace.undo_stack.undo()
    actions.workspace.undo_stack.undo()
    assert store.document_variables(ids) == before


def test_a_title_is_not_set_for_many_documents(
    actions: CorpusActions, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.corpus.corpus_actions.QMessageBox.warning",
        lambda _p, _t, text: warnings.append(text),
    )
    store = actions.workspace.store
    titles = [store.document(i).title for i in store.document_ids()]
    dialog = actions.set_variable(store.document_ids())
    dialog.name.setText("title")
    dialog.value.setText("同一个标题")
    dialog.accept()
    assert warnings and "each document's own" in warnings[0]
    assert [store.document(i).title for i in store.document_ids()] == titles


def test_a_variable_typed_by_its_shown_name_is_stored_under_its_key(
    actions: CorpusActions,
) -> None:
    """作者 in the window is the variable the readers store as ``author`` (issue 14)."""
    store = actions.workspace.store
    document = store.document_ids()[0]
    dialog = actions.edit_document(document)
    table = dialog.variables
    for typed, value in (("作者", "王某"), ("网址", "http://www.gov.cn/")):
        dialog.add_variable("", "")  # the Add variable button's row, typed in
        table.item(table.rowCount() - 1, 0).setText(typed)
        table.setItem(table.rowCount() - 1, 1, QTableWidgetItem(value))
    dialog.accept()
    metadata = store.document(document).metadata
    assert (metadata["author"], metadata["url"]) == ("王某", "http://www.gov.cn/")
    assert "作者" not in metadata and "网址" not in metadata
    dialog = actions.set_variable([document])
    dialog.name.setText("Author")
    dialog.value.setText("李某")
    dialog.accept()
    assert store.document(document).metadata["author"] == "李某"
