"""File > Export and File > Import annotated set, driven from the window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.labels import default_scheme
from desktop.core.model import Status
from desktop.core.store import Store
from desktop.ui.exporting import AnnotatedImportReportDialog, ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

TIMEOUT_MS = 30_000


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "ui.jiyao") as opened:
        import_seeds(opened)
        opened.install_scheme(default_scheme())
        first = opened.document_ids()[0]
        labour = next(label for label in opened.labels() if label.name == "Labour")
        opened.add_annotation(first, labour.id, 0, 6, note="备注", annotator="甲")
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    shown = MainWindow(store, Settings())
    qtbot.addWidget(shown)
    shown.show()
    return shown


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


def test_file_export_writes_in_the_background_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "out.jsonl"
    [action] = [
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.text() == "&Export…"
    ]

    def fill_and_accept() -> None:
        [dialog] = window.findChildren(ExportDialog)
        dialog.format.setCurrentIndex(dialog.format.findData("jsonl"))
        dialog.path.setText(str(target))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill_and_accept)
    action.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=TIMEOUT_MS)
    [box] = window.findChildren(QMessageBox)
    assert "1 tags in 2 documents" in box.text()
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["annotations"][0]["note"] == "备注"


def test_an_annotated_set_dropped_on_the_window_is_imported_with_a_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "doccano.jsonl"
    path.write_text(
        json.dumps(
            {"text": "会议要求各单位要落实责任。", "label": [[4, 12, "责任"]]}, ensure_ascii=False
        )
        + "\n{broken\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.exchange.imported, timeout=TIMEOUT_MS) as imported:
        window.import_paths([path])
    report = imported.args[0]
    assert report.annotations_added == 1 and report.labels_added == ["责任"]
    assert window.documents.total == 3
    [dialog] = window.findChildren(AnnotatedImportReportDialog)
    assert "line 2: not JSON" in dialog.details.toPlainText()
    assert "责任" in dialog.details.toPlainText()
    assert "责任" in [label.name for label in window.store.labels()]


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    keys = [
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
    ]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_a_cancelled_export_writes_nothing(store: Store, tmp_path: Path) -> None:
    from desktop.core.exports.selection import ExportOptions
    from desktop.ui.exporting import export_in_background

    target = tmp_path / "set.jsonl"
    result = export_in_background(
        store.path, "jsonl", target, ExportOptions(), lambda *_: None, lambda: True
    )
    assert result is None and list(tmp_path.glob("set*")) == []


def doccano_set(path: Path, text: str, span: tuple[int, int, str]) -> Path:
    line = {"text": text, "label": [list(span)]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_several_annotated_sets_dropped_together_all_come_in_with_one_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first = doccano_set(tmp_path / "甲.jsonl", "会议要求各单位要落实责任。", (4, 12, "责任"))
    second = doccano_set(tmp_path / "乙.jsonl", "各地要做好复工复产工作。", (0, 11, "复工"))
    unreadable = tmp_path / "丙.json"
    unreadable.write_text("{not json", encoding="utf-8")
    reports: list[object] = []
    window.exchange.imported.connect(reports.append)  # the window reloads after each
    window.import_paths([first, unreadable, second])
    qtbot.waitUntil(
        lambda: bool(window.findChildren(AnnotatedImportReportDialog)), timeout=TIMEOUT_MS
    )
    assert [report.path for report in reports] == [first, second]  # type: ignore[attr-defined]
    assert window.documents.total == 4 and not window.exchange.is_running()
    [dialog] = window.findChildren(AnnotatedImportReportDialog)
    assert dialog.summary.text().startswith("2 sets imported: 2 new documents")
    details = dialog.details.toPlainText()
    assert "甲.jsonl: Labels added to the scheme: 责任" in details
    assert "乙.jsonl: Labels added to the scheme: 复工" in details
    assert "Not imported: 丙.json: not JSON" in details


def test_a_set_dropped_during_an_export_waits_for_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from desktop.core.exports.selection import ExportOptions

    window.exchange.export("jsonl", tmp_path / "out.jsonl", ExportOptions())
    path = doccano_set(tmp_path / "甲.jsonl", "会议要求各单位要落实责任。", (4, 12, "责任"))
    with qtbot.waitSignal(window.exchange.imported, timeout=TIMEOUT_MS):
        window.import_paths([path])  # queued, not refused
    assert (tmp_path / "out.jsonl").exists() and window.documents.total == 3


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
