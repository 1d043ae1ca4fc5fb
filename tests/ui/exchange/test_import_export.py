"""Paths the user hands the window to import: a project among them opens instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.store.opening import open_project
from desktop.ui.shell.main_window import MainWindow

TIMEOUT_MS = 30_000


def drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_a_project_dropped_on_the_window_opens_and_the_text_beside_it_goes_into_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "other.jiyao"
    open_project(other).close()
    text = tmp_path / "纪要.txt"
    text.write_text("市委书记主持会议，要求做好复工复产。", encoding="utf-8")
    seeded = window.store.path
    with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS) as finished:
        drop(window, [other, text])
    report = finished.args[0]
    assert not report.refused, "a project file is no text to import: it opens"
    assert window.store.path == other
    assert [d.title for d in window.store.list_documents()] == [
        "市委书记主持会议，要求做好复工复产。"
    ]
    assert seeded != other


def test_when_a_dropped_project_will_not_open_its_files_stay_out_of_this_one(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.jiyao"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    text = tmp_path / "纪要.txt"
    text.write_text("市委书记主持会议。", encoding="utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.shell.projects.QMessageBox.warning",
        lambda _parent, _title, message: warnings.append(message),
    )
    seeded = window.store.path
    drop(window, [damaged, text])
    assert len(warnings) == 1 and "damaged" in warnings[0]
    assert window.store.path == seeded
    assert not window.importer.is_running() and window.store.document_count() == 2


def test_files_dropped_during_an_import_are_imported_after_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first, second = tmp_path / "一.txt", tmp_path / "二.txt"
    first.write_text("第一份纪要：会议要求抓好落实。", encoding="utf-8")
    second.write_text("第二份纪要：会议强调压实责任。", encoding="utf-8")
    with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS):
        drop(window, [first])
        assert window.importer.is_running()
        drop(window, [second])  # the careless second drop, while the first import runs
    qtbot.waitUntil(lambda: window.store.document_count() == 4, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not window.importer.is_running(), timeout=TIMEOUT_MS)
    assert window.documents.total == 4


def test_closing_during_an_import_leaves_what_waited_unimported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "一.txt", tmp_path / "二.txt"
    first.write_text("第一份纪要：会议要求抓好落实。", encoding="utf-8")
    second.write_text("第二份纪要：会议强调压实责任。", encoding="utf-8")
    monkeypatch.setattr(
        "desktop.ui.shell.main_window.QMessageBox.question",
        lambda *_args: QMessageBox.StandardButton.Yes,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS):
        drop(window, [first])
        drop(window, [second])
        window.close()  # asked, answered Yes: stop the import and close
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT_MS)
    assert not window.importer.is_running()
    titles = [d.title for d in window.store.list_documents(limit=100)]
    assert not [title for title in titles if title.startswith("第二")], titles


READERS = Path(__file__).resolve().parents[2] / "data" / "readers"


def test_a_drop_takes_every_source_format_beside_plain_text_and_an_annotated_set(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Web pages, PDF, Word, tables and a scraper's JSON go to the corpus import; a Jiyao
    export dropped beside them to the annotated-set import, with its tags (issue 14)."""
    from desktop.core.exports.formats import export_project
    from tests.core.exports.conftest import fill_sample_project

    exported = tmp_path / "export.jsonl"
    with open_project(tmp_path / "source.jiyao") as source:
        fill_sample_project(source)
        export_project(source, "jsonl", exported)
    note = tmp_path / "纪要.txt"
    note.write_text("市委书记主持会议，要求做好复工复产。", encoding="utf-8")
    names = ["gov_readout.gbk.html", "notice.pdf", "minutes.docx", "scraped.csv"]
    names += ["scraped.jsonl", "scraped_list.json"]
    before = window.store.document_count()
    with (
        qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS) as finished,
        qtbot.waitSignal(window.exchange.imported, timeout=TIMEOUT_MS),
    ):
        drop(window, [note, *(READERS / name for name in names), exported])
    report = finished.args[0]
    assert sorted({path.name for path, _ in report.imported}) == sorted([note.name, *names])
    assert {r.path.name for r in report.refused} == {
        "scraped.csv",
        "scraped.jsonl",
        "scraped_list.json",
    }
    qtbot.waitUntil(lambda: not window.exchange.is_running(), timeout=TIMEOUT_MS)
    # 1 note + page + PDF + Word + 2 CSV rows + 3 feed lines + 2 list records, and 3 exported.
    assert window.store.document_count() == before + 11 + 3
    titles = {d.title for d in window.store.list_documents()}
    assert {"省政府常务会议研究部署稳就业工作", "吉野家会议"} <= titles


def test_the_import_dialog_offers_every_format_the_import_reads(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What File > Import documents lets the user pick is what the import reads (issue 14)."""
    from desktop.core.corpus import SUPPORTED_SUFFIXES

    offered: list[str] = []

    def choose(_parent: object, _title: str, _folder: str, filters: str) -> tuple[list[str], str]:
        offered.append(filters)
        return [str(READERS / "scraped.jsonl"), str(READERS / "minutes.docx")], ""

    monkeypatch.setattr("desktop.ui.exchange.import_export.QFileDialog.getOpenFileNames", choose)
    with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS) as finished:
        window.import_export.import_files()
    first_filter = offered[0].split(";;")[0]
    patterns = set(first_filter[first_filter.index("(") + 1 : -1].split())
    # .doc and .wps are read only to be refused ("save as .docx"): not offered.
    assert patterns == {f"*{suffix}" for suffix in SUPPORTED_SUFFIXES} - {"*.doc", "*.wps"}
    assert {path.name for path, _ in finished.args[0].imported} == {
        "scraped.jsonl",
        "minutes.docx",
    }


def test_a_large_import_gets_its_search_index_built_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: an import as large as the project leaves the index stale; the window builds
    it as soon as the import is done, and a search then finds the new documents."""
    from desktop.core import corpus

    qtbot.waitUntil(lambda: window.index_builder.task is None, timeout=TIMEOUT_MS)
    monkeypatch.setattr(corpus, "DEFER_INDEX_MIN_FILES", 3)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(4):
        (folder / f"{number}.txt").write_text(f"第{number}份纪要：稳就业保民生。", "utf-8")
    with qtbot.waitSignal(window.index_builder.built, timeout=TIMEOUT_MS) as built:
        with qtbot.waitSignal(window.importer.finished, timeout=TIMEOUT_MS) as finished:
            drop(window, [folder])
        assert finished.args[0].index_deferred
    assert built.args[0] == window.store.document_count() == 6
    assert window.store.search_index_current()
