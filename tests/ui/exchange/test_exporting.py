"""File > Export and File > Import annotated set, driven from the window."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.exports.selection import ExportOptions
from desktop.core.store import Store
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.exchange.exporting import (
    AnnotatedImportReportDialog,
    ExportNotWritten,
    export_in_background,
    import_in_background,
)
from desktop.ui.shell.i18n import install_language
from desktop.ui.shell.main_window import MainWindow

TIMEOUT_MS = 30_000


@pytest.fixture
def store(tagged_store: Store) -> Store:
    """The window shows the seeds with the default labels and a tag."""
    return tagged_store


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
    assert "1 tag in 2 documents" in box.text()
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
    from desktop.ui.exchange.exporting import export_in_background

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


def test_an_export_that_cannot_be_written_names_the_chosen_place(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "read-only" / "set"

    def refuse(*_args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied", str(tmp_path / "read-only" / ".set.x.part"))

    # Root ignores a read-only folder's mode, so the refusal is made where the export writes.
    monkeypatch.setattr("desktop.core.exports.output._new_folder", refuse)
    with pytest.raises(ExportNotWritten) as raised:
        export_in_background(
            store.path, "csv", target, ExportOptions(), lambda *_: None, lambda: False
        )
    assert str(raised.value) == f"Could not write {target}: Permission denied"
    assert ".part" not in str(raised.value)


def test_a_set_dropped_with_a_size_limit_that_is_no_number_is_one_sentence(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIYAO_MAX_DOCUMENT_MB", "-3")
    path = doccano_set(tmp_path / "甲.jsonl", "会议要求各单位要落实责任。", (4, 12, "责任"))
    window.import_paths([path])
    assert not window.exchange.is_running()  # no worker meets it halfway
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.text() == (
        "The document size limit JIYAO_MAX_DOCUMENT_MB='-3' is not a number of megabytes: "
        "correct or unset it, then import again."
    )
    box.accept()
    assert window.documents.total == 2


def test_a_pipe_named_like_a_set_dropped_on_the_window_is_refused_with_a_reason(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    os.mkfifo(tmp_path / "pipe.json")  # its format is told from its content: never opened
    window.import_paths([tmp_path / "pipe.json"])
    qtbot.waitUntil(lambda: not window.exchange.is_running(), timeout=TIMEOUT_MS)
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "pipe.json: not a regular file" in box.text()
    box.accept()


def test_a_set_whose_name_is_not_utf8_is_shown_escaped_in_the_progress(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff\xfe.jsonl")
    path = doccano_set(tmp_path / name, "会议要求各单位要落实责任。", (4, 12, "责任"))
    shown: list[str] = []
    report = import_in_background(
        tmp_path / "p.jiyao", path, lambda _done, _total, label: shown.append(label), lambda: False
    )
    assert report.annotations_added == 1
    assert shown == ["\\xff\\xfe.jsonl"]


def test_the_export_report_shows_the_formats_warnings(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    # Two overlapping tags: doccano's default project would drop one, and the user must hear it.
    first = store.document_ids()[0]
    policy = next(label for label in store.labels() if label.name != "Labour")
    store.add_annotation(first, policy.id, 3, 9, annotator="甲")
    target = tmp_path / "doccano.jsonl"
    window.exchange.export("jsonl", target, ExportOptions())
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=TIMEOUT_MS)
    [box] = window.findChildren(QMessageBox)
    assert target.is_file()
    assert "Allow overlapping entity" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning


def noted_set(path: Path, note: str) -> Path:
    """One document with one tag whose note is ``note`` (Jiyao's own JSONL fields)."""
    text = "会议要求各单位要落实责任。"
    line = {
        "text": text,
        "label": [[4, 12, "责任"]],
        "annotations": [{"start": 4, "end": 12, "label": "责任", "note": note}],
    }
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No])
def test_a_set_whose_tags_are_present_with_other_notes_offers_to_update_them(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
) -> None:
    window.import_paths([noted_set(tmp_path / "first.jsonl", "旧批注")])
    qtbot.waitUntil(
        lambda: bool(window.findChildren(AnnotatedImportReportDialog)), timeout=TIMEOUT_MS
    )
    for dialog in window.findChildren(AnnotatedImportReportDialog):
        dialog.close()
        dialog.deleteLater()
    questions: list[str] = []

    def ask(_parent: object, _title: str, text: str, *_args: object) -> object:
        questions.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", ask)
    install_language("en")  # English plural forms, as the app installs them
    window.import_paths([noted_set(tmp_path / "second.jsonl", "新批注")])
    qtbot.waitUntil(
        lambda: (
            bool(window.findChildren(AnnotatedImportReportDialog))
            and not window.exchange.is_running()
        ),
        timeout=TIMEOUT_MS,
    )
    [question] = questions  # asked once, for the tag the set tells otherwise
    assert question.startswith("1 tag already in the project has another note")
    [document] = [i for i in store.document_ids() if "落实责任" in store.document(i).clean_text]
    [tag] = store.annotations(document)
    [dialog] = window.findChildren(AnnotatedImportReportDialog)
    details = dialog.details.toPlainText()
    if answer == QMessageBox.StandardButton.Yes:
        assert tag.note == "新批注"
        assert "given the set's note and attributes" in details
    else:
        assert tag.note == "旧批注"
        assert "not changed" in details


def test_the_import_report_counts_the_memos_added(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.core.exports.importing import ImportReport

    report = ImportReport(tmp_path / "project.qdpx", "qdpx", memos_added=2)
    dialog = AnnotatedImportReportDialog([report])
    qtbot.addWidget(dialog)
    assert "2 memos added" in dialog.details.toPlainText()
    quiet = AnnotatedImportReportDialog([ImportReport(tmp_path / "other.qdpx", "qdpx")])
    qtbot.addWidget(quiet)
    assert "memo" not in quiet.details.toPlainText()


def test_a_job_of_the_window_does_not_check_its_project_again(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A background job (here an export) opens a store of its own for the window's project;
    the window's check beside its first reads has read every page of it already (issue 17:
    1.5-3 s a job at a million documents), so the job takes its verdict: a project the window
    found whole is not checked again, one it found damaged is refused."""
    from desktop.core.store import CorruptProject
    from tests.core.store.test_store_opening import (
        damage,
        project_with_documents,
        whole_file_checks,
    )

    sound = project_with_documents(tmp_path / "sound.jiyao")
    assert window.open_project(sound)
    assert window.store.integrity_passed()
    checked = whole_file_checks(monkeypatch)
    target = tmp_path / "out.jsonl"
    result = export_in_background(
        sound, "jsonl", target, ExportOptions(), lambda *_: None, lambda: False
    )
    assert result is not None and len(target.read_text(encoding="utf-8").splitlines()) == 60
    assert checked == []

    damaged = project_with_documents(tmp_path / "damaged.jiyao")
    damage(damaged)
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_: None)
    window.open_project(damaged)
    checked.clear()
    with pytest.raises(CorruptProject, match="damaged"):
        export_in_background(
            damaged, "jsonl", tmp_path / "no.jsonl", ExportOptions(), lambda *_: None, lambda: False
        )
    assert not (tmp_path / "no.jsonl").exists()
