"""The first window, driven as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_seeds
from desktop.core.store import Store
from desktop.ui.app import has_chinese_font, open_project
from desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = Store(tmp_path / "ui.jiyao")
    import_seeds(store)
    shown = MainWindow(store)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    store.close()


def test_a_font_that_covers_chinese_is_installed(qapp: object) -> None:
    # Without one every glyph is a box; .ci/run installs fonts-wqy-microhei.
    assert has_chinese_font()


def test_the_first_run_imports_the_seeds(tmp_path: Path) -> None:
    store = open_project(str(tmp_path / "fresh.jiyao"))
    assert store.document_count() == 2
    store.close()


def test_selecting_a_document_shows_it_beside_its_conversion(window: MainWindow) -> None:
    window.select_document()
    assert window.document is not None
    assert window.original.toPlainText() == window.document.clean_text
    assert window.converted.toPlainText() != window.document.clean_text
    assert "conversion:" in window.statusBar().currentMessage()


def test_choosing_a_conversion_reconverts_the_right_pane(window: MainWindow) -> None:
    window.select_document()
    assert window.document is not None and window.document.script == "traditional"
    index = window.conversion_choice.findData("t2tw")
    window.conversion_choice.setCurrentIndex(index)
    assert "t2tw" in window.converted_title.text()
    assert "宿遷" in window.converted.toPlainText()


def test_a_damaging_conversion_is_not_applied(window: MainWindow) -> None:
    simplified_id = next(d.id for d in window.store.list_documents() if d.script == "simplified")
    window.select_document(simplified_id)
    window.conversion_choice.setCurrentIndex(window.conversion_choice.findData("t2s"))
    assert window.converted.toPlainText() == window.original.toPlainText()
    assert "already Simplified" in window.converted_title.text()
