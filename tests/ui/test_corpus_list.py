"""The corpus column: filtering, what each row shows, keys, sorting, and its context menu."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow


def test_clearing_a_filter_that_matched_nothing_shows_every_document_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.corpus.filter_box.setText("没有这个词")
    window.corpus.apply_filter()
    assert window.documents.rowCount() == 0
    window.corpus.clear_filter()
    assert window.documents.total == 2
    assert window.documents.rowCount() == 2
    assert window.statusBar().currentMessage() == "2 documents"
