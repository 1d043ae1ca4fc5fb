"""The corpus column on its own: the list and its actions over a real project, no window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.corpus.corpus_actions import CorpusActions
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.workspace import Workspace


@pytest.fixture
def column(qtbot: QtBot, seeded_store: Store) -> tuple[Workspace, CorpusList, CorpusActions]:
    """The corpus list and its actions on the seed project, in a plain widget."""
    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = Workspace(seeded_store, Settings(), parent)
    corpus = CorpusList(workspace, parent)
    actions = CorpusActions(workspace, corpus, parent)
    corpus.documentChosen.connect(workspace.open_document)
    return workspace, corpus, actions


def test_choosing_a_document_in_the_list_opens_it_in_the_workspace(
    qtbot: QtBot, column: tuple[Workspace, CorpusList, CorpusActions]
) -> None:
    workspace, corpus, _actions = column
    second = workspace.store.document_ids()[1]
    with qtbot.waitSignal(workspace.documentOpened) as opened:
        corpus.select_document(second)
    assert opened.args == [second]
    assert corpus.selected_ids() == [second]


def test_deleting_the_shown_document_is_announced_and_undone_with_its_tags(
    qtbot: QtBot,
    column: tuple[Workspace, CorpusList, CorpusActions],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace, corpus, actions = column
    store = workspace.store
    first, second = store.document_ids()
    tag = store.add_annotation(first, store.add_label("删除测试").id, 0, 2)
    corpus.select_document(first)
    monkeypatch.setattr(
        "desktop.ui.corpus.corpus_actions.QMessageBox.question",
        lambda *_args: QMessageBox.StandardButton.Yes,
    )
    with qtbot.waitSignal(actions.shownDocumentDeleted):
        actions.delete_documents([first])
    assert store.document_ids() == [second]
    assert corpus.documents.total == 1
    assert workspace.current_id == second  # the list went on to the first one left
    with qtbot.waitSignal(workspace.documentOpened) as opened:
        workspace.undo_stack.undo()
    assert opened.args == [first]
    assert [a.id for a in store.annotations(first)] == [tag.id]
    assert corpus.documents.total == 2


def test_the_list_follows_a_project_switch(
    column: tuple[Workspace, CorpusList, CorpusActions], tmp_path: Path
) -> None:
    workspace, corpus, _actions = column
    assert corpus.documents.total == 2
    workspace.switch_project(Store(tmp_path / "empty.jiyao", create=True))
    assert corpus.documents.total == 0
    workspace.store.close()
