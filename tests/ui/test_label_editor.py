"""Editing labels in the window: rename, recolour, re-parent, key, delete with a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.labels import topics_scheme
from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.ui.label_editor import LabelEditor


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
