"""The corpus tag table (Edit > Tags in the corpus) with the names a careless user gives."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.tag_browser import TagBrowser


def test_a_very_long_label_name_keeps_the_tag_table_on_the_screen(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    long_name = "长" * 300
    label = store.add_label(long_name)
    store.add_annotation(store.document_ids()[0], label.id, 0, 2, attributes={"issuer": "发" * 300})
    browser = TagBrowser(store, None, window)
    qtbot.addWidget(browser)
    browser.show()
    screen = browser.screen().availableGeometry()
    assert browser.frameGeometry().width() <= screen.width()
    assert browser.label_filter.sizeHint().width() < screen.width() // 2
    assert browser.issuer_filter.sizeHint().width() < screen.width() // 2
    index = browser.label_filter.findData(label.id)
    assert browser.label_filter.itemData(index, Qt.ItemDataRole.ToolTipRole) == long_name
