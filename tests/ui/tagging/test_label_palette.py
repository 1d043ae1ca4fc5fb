"""The Ctrl+L palette and the pane's "Tag with" menu show each label's codebook entry as a
tooltip (issue 20)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.label_palette import LabelPalette

WAIT_MS = 60_000


@pytest.fixture
def store(tagged_store: Store) -> Store:
    labour = next(label for label in tagged_store.labels() if label.name == "Labour")
    tagged_store.set_codebook_entry(labour.id, definition="就业与工资", use_when="wages")
    return tagged_store


def visible(palette: LabelPalette) -> list[str]:
    rows = range(palette.list.count())
    return [palette.list.item(r).text() for r in rows if not palette.list.item(r).isHidden()]


def test_the_palette_narrows_as_one_types_and_shows_each_tip(qtbot: QtBot) -> None:
    palette = LabelPalette(None, "Tag", "Label:", ["Labour", "Prevention  [2]"], ["<qt>x</qt>", ""])
    qtbot.addWidget(palette)
    assert palette.list.item(0).toolTip() == "<qt>x</qt>"
    qtbot.keyClicks(palette.filter, "PREV")
    assert visible(palette) == ["Prevention  [2]"] and palette.chosen() == "Prevention  [2]"
    palette.filter.setText("nothing")
    assert visible(palette) == [] and palette.chosen() == "nothing"
    palette.filter.clear()
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)
    assert palette.chosen() == "Prevention  [2]"
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert palette.result() == QDialog.DialogCode.Accepted


def test_ctrl_l_and_the_pane_menu_offer_labels_with_their_codebook_tip(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(window.documentShown, timeout=WAIT_MS):
        window.select_document()
    offered: dict[str, str] = {}

    def palette(*args: object) -> tuple[str, bool]:
        captions, tips = args[3], args[4]
        assert isinstance(captions, list) and isinstance(tips, list)
        offered.update(zip(captions, tips, strict=True))
        return "", False

    monkeypatch.setattr(LabelPalette, "ask", palette)
    window.reader.select_clean_span(0, 3)
    window.tag_actions.choose_label()
    labour = next(tip for caption, tip in offered.items() if caption.startswith("Labour"))
    assert "就业与工资" in labour and "wages" in labour

    window.tag_actions.offer_pane_menu(window.reader.original, QPoint(5, 5))
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    action = next(a for a in tag_menu.actions() if a.text() == "Labour")
    assert "就业与工资" in action.toolTip() and tag_menu.toolTipsVisible()
    menu.close()
