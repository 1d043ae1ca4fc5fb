"""File > Export's dialog: its choices become export options, and it asks before a bad target."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.model import Status
from desktop.core.store import Store
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.shell.main_window import MainWindow


@pytest.fixture
def store(tagged_store: Store) -> Store:
    """The window shows the seeds with the default labels and a tag."""
    return tagged_store


def test_the_dialog_turns_its_choices_into_export_options(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    current = store.document_ids()[1]
    dialog = ExportDialog(store, current, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    dialog.path.setText(str(tmp_path / "set.jsonl"))
    dialog.documents.setCurrentIndex(ExportDialog.CURRENT_DOCUMENT)
    dialog.labels.setCurrentIndex(dialog.labels.findData("Support measures"))
    dialog.text.setCurrentIndex(dialog.text.findData("s2twp"))
    dialog.entities.setChecked(True)
    options = dialog.options()
    assert options.document_ids == (current,) and options.labels == ("Support measures",)
    assert (options.text, options.conversion, options.entities) == ("converted", "s2twp", True)
    dialog.format.setCurrentIndex(dialog.format.findData("qdpx"))
    assert dialog.target() == tmp_path / "set.qdpx"  # the suffix follows the format
    dialog.documents.setCurrentIndex(ExportDialog.DONE_DOCUMENTS)
    assert dialog.options().status is Status.DONE and dialog.options().document_ids == ()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    again = ExportDialog(store, None, window)
    qtbot.addWidget(again)
    assert again.format_name() == "qdpx" and again.target() == tmp_path / "set.qdpx"
    assert again.text.currentData() == "s2twp" and again.entities.isChecked()


def test_an_empty_path_is_asked_for_not_accepted(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ExportDialog(window.store, None, window)
    qtbot.addWidget(dialog)
    dialog.path.clear()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and "Choose where" in dialog.note.text()


def test_switching_formats_changes_only_a_format_suffix(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = ExportDialog(window.store, None, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    folder = tmp_path / "exports" / "round.2"
    dialog.path.setText(str(folder))
    expected = {
        "brat": folder,  # a folder keeps its own dotted name
        "jsonl": tmp_path / "exports" / "round.2.jsonl",
        "qdpx": tmp_path / "exports" / "round.2.qdpx",
        "labelstudio": tmp_path / "exports" / "round.2.json",
        "conll": folder,
        "csv": folder,
    }
    for name, target in expected.items():
        dialog.format.setCurrentIndex(dialog.format.findData(name))
        assert dialog.target() == target, name


def test_exporting_into_a_folder_that_holds_files_asks_first(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    asked: list[tuple[str, QMessageBox.StandardButton]] = []
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]

    def answer(
        _parent: object,
        _title: str,
        text: str,
        _buttons: object,
        default: QMessageBox.StandardButton,
    ) -> QMessageBox.StandardButton:
        asked.append((text, default))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = ExportDialog(window.store, None, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    dialog.path.setText(str(folder))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and asked == []  # empty: not asked
    dialog.setResult(QDialog.DialogCode.Rejected)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Rejected  # answered No
    assert f"The folder {folder} is not empty" in asked[0][0]
    assert asked[0][1] == QMessageBox.StandardButton.No  # No unless the user says otherwise
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and len(asked) == 2


def test_a_folder_format_will_not_write_over_a_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    existing = tmp_path / "set.jsonl"
    existing.write_text("", encoding="utf-8")
    dialog = ExportDialog(window.store, None, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(existing))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and "writes a folder" in dialog.note.text()


def test_a_bare_file_name_goes_to_the_project_folder_with_its_suffix(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    dialog = ExportDialog(store, None, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
    dialog.path.setText("round one")
    expected = store.path.absolute().parent / "round one.jsonl"
    assert dialog.target() == expected
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.path.text() == str(expected)  # the user sees where it goes


def test_a_very_long_label_name_keeps_the_dialog_on_the_screen(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    store.add_label("长" * 300)
    dialog = ExportDialog(store, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.labels.sizeHint().width() < screen.width() // 2
    index = dialog.labels.findData("长" * 300)
    assert dialog.labels.itemData(index, Qt.ItemDataRole.ToolTipRole) == "长" * 300
