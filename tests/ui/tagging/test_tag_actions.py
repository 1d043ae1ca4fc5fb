"""The tagging controller on its own: a reader, a tag panel and a real project, no window."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import Entity
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.reading.reader import ReaderView
from desktop.ui.tagging.annotation_panel import AnnotationPanel
from desktop.ui.tagging.tag_actions import TagActions
from desktop.ui.workspace import Workspace


@dataclass
class Tagging:
    workspace: Workspace
    reader: ReaderView
    panel: AnnotationPanel
    actions: TagActions
    document_id: int


@pytest.fixture
def tagging(qtbot: QtBot, seeded_store: Store) -> Tagging:
    """The first seed document in a reader, its tags in a panel, the actions over both."""
    parent = QWidget()
    qtbot.addWidget(parent)
    settings = Settings()
    settings.annotator = "测试员"
    workspace = Workspace(seeded_store, settings, parent)
    reader, panel = ReaderView(parent=parent), AnnotationPanel(parent)
    actions = TagActions(workspace, reader, panel, parent)
    actions.load_scheme()  # the default labels, in a project that has none
    document_id = seeded_store.document_ids()[0]
    workspace.open_document(document_id)
    reader.show_document(seeded_store.document(document_id), [])
    return Tagging(workspace, reader, panel, actions, document_id)


def test_tagging_the_selection_stores_it_announces_it_and_undo_takes_it_back(
    qtbot: QtBot, tagging: Tagging
) -> None:
    store = tagging.workspace.store
    label = store.labels()[0]
    tagging.reader.select_clean_span(2, 6)
    with qtbot.waitSignal(tagging.workspace.annotationsChanged) as changed:
        tagging.actions.tag_selection(label.id)
    assert changed.args[0] == tagging.document_id
    [tag] = store.annotations(tagging.document_id)
    assert (tag.label_id, tag.start, tag.end, tag.annotator) == (label.id, 2, 6, "测试员")
    with qtbot.waitSignal(tagging.workspace.annotationsChanged):
        tagging.workspace.undo_stack.undo()
    assert store.annotations(tagging.document_id) == []


def test_without_a_selection_nothing_is_stored_and_the_user_is_told(
    qtbot: QtBot, tagging: Tagging
) -> None:
    label = tagging.workspace.store.labels()[0]
    with qtbot.waitSignal(tagging.workspace.message) as told:
        tagging.actions.tag_selection(label.id)
    assert told.args == ["Select some text to tag first"]
    assert tagging.workspace.store.annotations(tagging.document_id) == []
    assert tagging.workspace.undo_stack.count() == 0


def test_an_entity_correction_is_stored_and_announced_as_entities_changed(
    qtbot: QtBot, tagging: Tagging
) -> None:
    store = tagging.workspace.store
    text = store.document(tagging.document_id).clean_text
    entity = Entity("PLACE", 0, 2, text[0:2])
    with qtbot.waitSignal(tagging.workspace.entitiesChanged) as changed:
        tagging.actions.correct_entities([entity], "PLACE", add_only=True)
    assert changed.args == [tagging.document_id]
    stored = [(e.type, e.start, e.end, e.origin) for e in store.entities(tagging.document_id)]
    assert ("PLACE", 0, 2, "user") in stored


def test_a_label_key_pressed_in_the_pane_tags_the_selection(qtbot: QtBot, tagging: Tagging) -> None:
    store = tagging.workspace.store
    keyed = next(label for label in store.labels() if label.shortcut == "1")
    tagging.reader.parentWidget().show()
    tagging.reader.select_clean_span(0, 3)
    pane = tagging.reader.original
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    assert [(a.label_id, a.start, a.end) for a in store.annotations(tagging.document_id)] == [
        (keyed.id, 0, 3)
    ]
