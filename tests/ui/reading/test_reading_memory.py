"""What the window remembers of reading: the conversion per script, the document last read
per project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.shell.main_window import MainWindow

SHOW_TIMEOUT_MS = 30_000
SIMPLIFIED = "会议要求，各部门必须做好安全生产工作。"
TRADITIONAL = "會議要求，各部門必須做好安全生產工作。"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "memory.jiyao") as opened:
        for title, text, script in (
            ("简一", SIMPLIFIED, "simplified"),
            ("繁", TRADITIONAL, "traditional"),
            ("简二", SIMPLIFIED + "一", "simplified"),
        ):
            opened.add_document(
                NewDocument(
                    title=title, raw_text=text, clean_text=text, encoding="utf-8", script=script
                )
            )
        yield opened


def new_window(qtbot: QtBot, store: Store) -> MainWindow:
    shown = MainWindow(store, Settings())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def open_document(qtbot: QtBot, window: MainWindow, title: str) -> int:
    document_id = next(d.id for d in window.store.list_documents() if d.title == title)
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.select_document(document_id)
    return document_id


def test_a_conversion_chosen_for_traditional_leaves_simplified_documents_alone(
    qtbot: QtBot, store: Store
) -> None:
    window = new_window(qtbot, store)
    open_document(qtbot, window, "繁")
    window.reader.set_conversion_choice("t2s")
    assert window.reader.conversion is not None and window.reader.conversion.config == "t2s"
    open_document(qtbot, window, "简一")
    assert window.reader.conversion_choice.currentData() == "auto"
    assert window.reader.converted.text != SIMPLIFIED  # converted to Traditional, as before
    open_document(qtbot, window, "繁")
    assert window.reader.conversion_choice.currentData() == "t2s"

    restarted = new_window(qtbot, store)  # remembered across runs, per script
    open_document(qtbot, restarted, "繁")
    assert restarted.reader.conversion_choice.currentData() == "t2s"
    open_document(qtbot, restarted, "简二")
    assert restarted.reader.conversion_choice.currentData() == "auto"


def test_the_document_last_read_reopens_in_its_project(qtbot: QtBot, store: Store) -> None:
    window = new_window(qtbot, store)
    assert window.last_document() is None
    read = open_document(qtbot, window, "简二")
    restarted = new_window(qtbot, store)
    assert restarted.last_document() == read
    with qtbot.waitSignal(restarted.documentShown, timeout=SHOW_TIMEOUT_MS):
        restarted.select_document(restarted.last_document())
    assert restarted.current_id == read


def test_a_project_elsewhere_has_its_own_last_document(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    window = new_window(qtbot, store)
    open_document(qtbot, window, "简二")
    with Store(tmp_path / "other.jiyao") as other:
        assert Settings().last_document(other.path) is None
