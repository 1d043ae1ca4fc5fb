"""Editing labels in the window: rename, recolour, re-parent, key, delete with a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.labels import topics_scheme
from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.commands import AddAnnotation
from desktop.ui.tagging.label_editor import NAME_COLUMN_MAX_WIDTH, LabelEditor


@pytest.fixture
def store(seeded_store: Store) -> Store:
    """The window's project holds the topic scheme these tests name labels from ("Other")."""
    seeded_store.install_scheme(topics_scheme())
    return seeded_store


@pytest.fixture
def editor(qtbot: QtBot, tmp_path: Path) -> LabelEditor:
    store = Store(tmp_path / "labels.jiyao")
    store.install_scheme(topics_scheme())
    shown = LabelEditor(store)
    qtbot.addWidget(shown)
    return shown


def select(editor: LabelEditor, name: str) -> int:
    label = next(label for label in editor.store.labels() if label.name == name)
    editor.reload(select=label.id)
    return label.id


def test_renaming_and_setting_a_key_are_stored_at_once(editor: LabelEditor) -> None:
    label_id = select(editor, "Other")
    editor.name.setText("Miscellaneous")
    editor.name.editingFinished.emit()
    editor.shortcut.setText("m")
    editor.shortcut.editingFinished.emit()
    label = editor.store.label(label_id)
    assert (label.name, label.shortcut) == ("Miscellaneous", "m")


def test_re_parenting_moves_a_label_under_another(editor: LabelEditor) -> None:
    label_id = select(editor, "Publicity and public opinion")
    parent_id = next(
        lb.id for lb in editor.store.labels() if lb.name == "Supervision and inspection"
    )
    editor.parent_choice.setCurrentIndex(editor.parent_choice.findData(parent_id))
    editor.parent_choice.activated.emit(editor.parent_choice.currentIndex())
    assert editor.store.label(label_id).parent_id == parent_id


def test_deleting_warns_with_the_number_of_tags(
    editor: LabelEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = editor.store.add_document(
        NewDocument(
            title="t", raw_text="要做好", clean_text="要做好", encoding="utf-8", script="simplified"
        )
    )
    assert document is not None
    label_id = select(editor, "Other")
    editor.store.add_annotation(document, label_id, 0, 3)
    questions: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    editor._delete()
    assert "1 tags" in questions[0]
    assert editor.store.annotations(document) == []
    assert all(label.name != "Other" for label in editor.store.labels())


def test_the_scheme_exports_and_imports_as_json(
    editor: LabelEditor, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "scheme.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    editor._export()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["labels"][0]["name"] == "Epidemic control"
    data["labels"].append({"name": "Ideology", "color": "#aa0000", "shortcut": "i"})
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    editor._import()
    assert any(label.name == "Ideology" for label in editor.store.labels())


def test_a_name_with_a_slash_is_refused_with_a_reason(
    editor: LabelEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Exports name a label by its path ("Support measures/Labour"): a "/" would add a level.
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    label_id = select(editor, "Other")
    editor.name.setText("Other/Misc")
    editor.name.editingFinished.emit()
    assert editor.store.label(label_id).name == "Other"
    assert editor.name.text() == "Other"  # the field shows the name kept
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("甲/乙", True))
    count = len(editor.store.labels())
    editor._add(None)
    assert len(editor.store.labels()) == count
    assert len(warnings) == 2 and all('cannot contain "/"' in text for text in warnings)


def test_renaming_to_a_name_in_use_says_why_and_shows_the_stored_name(
    editor: LabelEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    label_id = select(editor, "Other")
    editor.name.setText("Epidemic control")
    editor.name.editingFinished.emit()  # raised an uncaught IntegrityError before
    assert editor.store.label(label_id).name == "Other"
    assert editor.name.text() == "Other"
    expected = 'Not changed: a label named "Epidemic control" already exists at the top level.'
    assert warnings == [expected]


def test_adding_a_name_in_use_says_why_in_a_sentence_not_sql(
    editor: LabelEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Other", True))
    count = len(editor.store.labels())
    editor._add(None)
    assert len(editor.store.labels()) == count
    assert len(warnings) == 1
    assert "UNIQUE" not in warnings[0] and "already exists" in warnings[0]


def test_the_name_column_is_wide_enough_for_the_names(editor: LabelEditor) -> None:
    editor.show()
    assert editor.tree.columnWidth(0) >= editor.tree.sizeHintForColumn(0)


def test_a_very_long_label_name_keeps_the_editor_on_the_screen(
    qtbot: QtBot, editor: LabelEditor
) -> None:
    editor.store.add_label("长" * 300)
    editor.reload()
    editor.show()
    screen = editor.screen().availableGeometry()
    assert editor.frameGeometry().width() <= screen.width()
    assert editor.sizeHint().width() <= screen.width()
    assert editor.parent_choice.sizeHint().width() < screen.width() // 2
    assert editor.tree.columnWidth(0) <= NAME_COLUMN_MAX_WIDTH
    index = editor.parent_choice.findData(editor.store.labels()[-1].id)
    assert editor.parent_choice.itemData(index, Qt.ItemDataRole.ToolTipRole) == "长" * 300


def test_scheme_edits_keep_the_undo_history_and_a_deletion_is_undone(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.store
    document = store.document_ids()[0]
    other = next(label for label in store.labels() if label.name == "Other")
    child = store.add_label("Other detail", parent_id=other.id)
    kept = store.add_annotation(document, child.id, 0, 2, note="留")
    window.undo_stack.push(
        AddAnnotation(store, window.refresh_after_edit, document, other.id, 2, 4, "甲")
    )
    window.edit_labels()
    editor = window.findChild(LabelEditor)
    assert editor is not None
    select(editor, "Other")
    editor.description.setText("what fits nowhere else")
    editor.description.editingFinished.emit()
    assert window.undo_stack.count() == 1, "a description change kept the history"
    questions: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    editor._delete()
    assert "Undo brings them back" in questions[0]
    assert all(label.id != other.id for label in store.labels())
    assert store.annotations(document) == []
    assert window.undo_stack.count() == 2
    assert window.undo_stack.undoText() == 'delete label "Other"'  # the name, quoted
    row = window.documents.row_of(document)
    assert row is not None
    tags_column = window.documents.COLUMNS.index("annotations")
    assert window.documents.index(row, tags_column).data() == 0  # the list's count follows
    window.undo_stack.undo()  # the deletion
    assert window.documents.index(row, tags_column).data() == 2
    assert store.label(other.id).description == "what fits nowhere else"
    assert store.label(child.id).parent_id == other.id
    assert [a.id for a in store.annotations(document) if a.label_id == child.id] == [kept.id]
    window.undo_stack.undo()  # the tag made before the scheme was edited
    assert [a.id for a in store.annotations(document)] == [kept.id]
    editor.close()


def test_a_label_moves_up_and_down_among_its_siblings(editor: LabelEditor) -> None:
    def top_level() -> list[str]:
        return [lb.name for lb in editor.store.labels() if lb.parent_id is None]

    before = top_level()
    select(editor, "Other")
    editor.move_label(-1)
    after = top_level()
    assert after[-2:] == ["Other", before[-2]] and after[:-2] == before[:-2]
    assert editor.current_label() is not None and editor.current_label().name == "Other"
    editor.move_label(1)
    assert top_level() == before


def test_merging_a_label_moves_its_tags_and_says_the_history_is_cleared(
    editor: LabelEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = editor.store.add_document(
        NewDocument(
            title="t",
            raw_text="要做好工作",
            clean_text="要做好工作",
            encoding="utf-8",
            script="simplified",
        )
    )
    assert document is not None
    source = select(editor, "Other")
    target = next(lb.id for lb in editor.store.labels() if lb.name == "Labour")
    tag = editor.store.add_annotation(document, source, 0, 2)
    questions: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(
        QInputDialog, "getItem", lambda *args, **kwargs: ("Support measures/Labour", True)
    )
    editor._merge()
    assert "Its 1 tags" in questions[0] and "clears the undo history" in questions[0]
    assert all(label.id != source for label in editor.store.labels())
    assert editor.store.annotation(tag.id).label_id == target


def test_an_undo_the_project_no_longer_allows_says_why_and_clears_the_history(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.edit_labels()
    editor = window.findChild(LabelEditor)
    assert editor is not None
    select(editor, "Other")
    editor._delete()
    window.store.add_label("Other")  # the name is taken again before the undo
    window.undo_stack.undo()  # raised out of the command before
    qtbot.waitUntil(lambda: window.undo_stack.count() == 0)
    [box] = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert box.text() == (
        'Could not undo: a label named "Other" already exists at the top level. '
        "The undo history is cleared."
    )
    editor.close()
