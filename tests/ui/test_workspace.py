"""The workspace the window's parts share: one project, one shown document, one history."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoCommand
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.workspace import Workspace


def test_opening_a_document_makes_it_current_remembered_and_announced(
    qtbot: QtBot, seeded_store: Store
) -> None:
    workspace = Workspace(seeded_store, Settings())
    second = seeded_store.document_ids()[1]
    with qtbot.waitSignal(workspace.documentOpened) as opened:
        workspace.open_document(second)
    assert opened.args == [second]
    assert workspace.current_id == second
    assert Settings().last_document(seeded_store.path) == second


def test_switching_projects_closes_the_old_one_and_drops_its_history(
    qtbot: QtBot, seeded_store: Store, tmp_path: Path
) -> None:
    workspace = Workspace(seeded_store, Settings())
    workspace.open_document(seeded_store.document_ids()[0])
    workspace.undo_stack.push(QUndoCommand("a step on the old project"))
    other = Store(tmp_path / "other.jiyao", create=True)
    with qtbot.waitSignal(workspace.projectSwitched) as switched:
        workspace.switch_project(other)
    assert switched.args == [other]
    assert workspace.store is other
    assert workspace.current_id is None
    assert workspace.undo_stack.count() == 0
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        seeded_store.document_count()
    other.close()
