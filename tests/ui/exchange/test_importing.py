"""Importing from the window: in the background, cancellable, refused files reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.corpus import ImportReport
from desktop.core.store import Store
from desktop.ui.common import progress as progress_module
from desktop.ui.exchange.importing import ImportController, ImportReportDialog, paths_from_mime

TIMEOUT_MS = 10_000


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    shown = QWidget()
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.jiyao"


@pytest.fixture
def controller(window: QWidget, db_path: Path) -> ImportController:
    return ImportController(db_path, window)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("会议要求,要做好复工复产。\n", encoding="utf-8")
    (folder / "gbk.txt").write_bytes("市委书记主持会议。".encode("gb18030"))
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"{number:03}.txt").write_text(f"第{number}号通知:会议照常举行。", "utf-8")
    return folder


def run_import(qtbot: QtBot, controller: ImportController, paths: list[Path]) -> ImportReport:
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as finished:
        controller.start(paths)
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    return report


def shown_windows(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_a_folder_imports_its_good_files_and_refuses_the_empty_one(
    qtbot: QtBot, controller: ImportController, mixed_folder: Path, db_path: Path
) -> None:
    report = run_import(qtbot, controller, [mixed_folder])
    assert sorted(path.name for path, _ in report.imported) == ["gbk.txt", "good.txt"]
    assert [refusal.path.name for refusal in report.refused] == ["empty.txt"]
    with Store(db_path) as store:
        assert store.document_count() == 2


def test_the_report_dialog_lists_each_refused_file_with_its_reason(
    qtbot: QtBot, controller: ImportController, mixed_folder: Path
) -> None:
    run_import(qtbot, controller, [mixed_folder])
    [dialog] = shown_windows(ImportReportDialog)
    assert isinstance(dialog, ImportReportDialog)
    assert dialog.summary.text() == "2 imported, 0 duplicates skipped, 1 refused"
    assert dialog.refusals.isReadOnly()
    assert dialog.refusals.toPlainText() == f"{mixed_folder / 'empty.txt'}: the file is empty"
    dialog.accept()
    assert not shown_windows(ImportReportDialog)


def test_an_import_with_nothing_refused_shows_no_report(
    qtbot: QtBot, controller: ImportController, mixed_folder: Path
) -> None:
    (mixed_folder / "empty.txt").unlink()
    report = run_import(qtbot, controller, [mixed_folder])
    assert len(report.imported) == 2
    assert not shown_windows(ImportReportDialog)


def test_the_progress_dialog_waits_before_appearing_and_goes_at_the_end(
    qtbot: QtBot, window: QWidget, controller: ImportController, mixed_folder: Path
) -> None:
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start([mixed_folder])
        [progress] = window.findChildren(QProgressDialog)
        assert not progress.isVisible()
    assert not shown_windows(QProgressDialog)


def test_a_slow_import_shows_each_file_name_and_count(
    qtbot: QtBot,
    window: QWidget,
    controller: ImportController,
    many_files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every import here is quick; without the delay any import counts as slow.
    monkeypatch.setattr(progress_module, "SHOW_PROGRESS_AFTER_MS", 0)
    shown: list[str] = []
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start([many_files])
        [progress] = window.findChildren(QProgressDialog)
        bar = progress.findChild(QProgressBar)
        assert bar is not None
        # The label is set before the value, so each new value sees its own label.
        bar.valueChanged.connect(lambda _value: shown.append(progress.labelText()))
    assert shown[-1] == "Importing 299.txt (300 of 300)"


def test_only_one_import_runs_at_a_time(
    qtbot: QtBot, controller: ImportController, mixed_folder: Path
) -> None:
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start([mixed_folder])
        assert controller.is_running()
        with pytest.raises(RuntimeError):
            controller.start([mixed_folder])
    assert not controller.is_running()


def test_cancel_in_the_progress_dialog_stops_a_large_import_early(
    qtbot: QtBot, window: QWidget, controller: ImportController, many_files: Path, db_path: Path
) -> None:
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as finished:
        controller.start([many_files])
        [progress] = window.findChildren(QProgressDialog)
        [cancel_button] = progress.findChildren(QPushButton)
        cancel_button.click()
    report = finished.args[0]
    assert report.cancelled
    assert len(report.imported) < 300
    with Store(db_path) as store:
        assert store.document_count() == len(report.imported)


def test_a_project_that_cannot_be_opened_is_a_warning(
    qtbot: QtBot, window: QWidget, tmp_path: Path, mixed_folder: Path
) -> None:
    not_a_project = tmp_path / "notes.jiyao"
    not_a_project.write_bytes(b"these are not the droids" * 100)
    controller = ImportController(not_a_project, window)
    with qtbot.waitSignal(controller.failed, timeout=TIMEOUT_MS) as failed:
        controller.start([mixed_folder])
    assert "is not a Jiyao database" in failed.args[0]
    assert "\n" not in failed.args[0]
    [box] = shown_windows(QMessageBox)
    assert isinstance(box, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Warning
    assert failed.args[0] in box.text()
    box.accept()
    assert not controller.is_running()


def test_dropped_local_files_are_kept_and_web_links_dropped(tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(tmp_path / "通知.txt")),
            QUrl("https://example.com/notice.txt"),
            QUrl.fromLocalFile(str(tmp_path / "folder")),
        ]
    )
    assert paths_from_mime(mime) == [tmp_path / "通知.txt", tmp_path / "folder"]


def test_dropped_text_without_urls_is_no_paths(qapp: QApplication) -> None:
    mime = QMimeData()
    mime.setText("/home/someone/notice.txt")
    assert paths_from_mime(mime) == []


def test_a_size_limit_that_is_no_number_is_one_sentence_and_no_import(
    qtbot: QtBot,
    controller: ImportController,
    mixed_folder: Path,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("JIYAO_MAX_DOCUMENT_MB", "fifty")
    controller.start([mixed_folder])
    assert not controller.is_running()  # checked before the worker, which never meets it
    [box] = shown_windows(QMessageBox)
    assert isinstance(box, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == (
        "The document size limit JIYAO_MAX_DOCUMENT_MB='fifty' is not a number of megabytes: "
        "correct or unset it, then import again."
    )
    assert not any(record.exc_info for record in caplog.records)  # not logged as a crash
    assert not db_path.exists()
    box.accept()


def test_a_file_name_that_is_not_utf8_is_shown_escaped_in_the_progress(
    qtbot: QtBot,
    window: QWidget,
    controller: ImportController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress_module, "SHOW_PROGRESS_AFTER_MS", 0)
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "a.txt").write_text("会议要求,要做好复工复产。\n", encoding="utf-8")
    Path(os.fsdecode(bytes(folder) + b"/\xff\xfe.txt")).write_text("市委书记主持会议。\n", "utf-8")
    shown: list[str] = []
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS):
        controller.start([folder])
        [progress] = window.findChildren(QProgressDialog)
        bar = progress.findChild(QProgressBar)
        assert bar is not None
        bar.valueChanged.connect(lambda _value: shown.append(progress.labelText()))
    assert shown[-1] == "Importing \\xff\\xfe.txt (2 of 2)"  # as the report names it
    for label in shown:
        label.encode("utf-8")  # printable: no surrogates
    for dialog in shown_windows(ImportReportDialog):
        dialog.accept()


def test_the_import_makes_the_new_documents_list_keys_itself(
    db_path: Path, many_files: Path
) -> None:
    """On its worker thread, not left to the window's first listing (issue 17)."""
    from desktop.ui.exchange.importing import import_into

    report = import_into(db_path, [many_files], lambda *_: None, lambda: False)
    assert report.imported
    with Store(db_path) as store:
        assert store.refresh_sort_keys() == 0  # nothing left for the window to make
