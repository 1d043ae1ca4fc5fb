"""The reading pane speaks code points: highlights and selections survive 𠮷 and friends."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.conversion import converter
from desktop.ui.pane_sync import PaneSync
from desktop.ui.reading_pane import Highlight, ReadingPane, background_format

ASTRAL = "𠮷野家的张爱军强调，要做好复工复产。"


@pytest.fixture
def pane(qtbot: QtBot) -> ReadingPane:
    shown = ReadingPane()
    qtbot.addWidget(shown)
    shown.resize(500, 300)
    shown.show()
    return shown


def test_a_highlight_after_an_astral_character_paints_the_right_characters(
    pane: ReadingPane,
) -> None:
    pane.show_text(ASTRAL)
    start = ASTRAL.index("张爱军")
    pane.set_layer(
        "entities",
        [Highlight(start, start + 3, "PERSON")],
        {"PERSON": background_format("#e4572e")},
    )
    [(painted_start, painted_end, kind)] = pane.painted_highlights()
    assert ASTRAL[painted_start:painted_end] == "张爱军"
    assert kind == "PERSON"


def test_selecting_a_span_selects_those_characters(pane: ReadingPane) -> None:
    pane.show_text(ASTRAL)
    start = ASTRAL.index("复工复产")
    pane.select_span(start, start + 4)
    assert pane.selected_span() == (start, start + 4)
    assert pane.textCursor().selectedText() == "复工复产"


def test_a_hidden_kind_is_not_painted(pane: ReadingPane) -> None:
    pane.show_text(ASTRAL)
    formats = {"PERSON": background_format("#e4572e"), "DATE": background_format("#f4a259")}
    pane.set_layer("entities", [Highlight(4, 7, "PERSON"), Highlight(0, 1, "DATE")], formats)
    pane.set_hidden_kinds("entities", {"PERSON"})
    assert [kind for _, _, kind in pane.painted_highlights()] == ["DATE"]


def test_only_highlights_near_the_visible_part_are_painted(pane: ReadingPane) -> None:
    text = "\n".join(f"第{i}行，张爱军强调要做好工作。" for i in range(3000))
    pane.show_text(text)
    highlights = [Highlight(m, m + 3, "PERSON") for m in _find_all(text, "张爱军")]
    pane.set_layer("entities", highlights, {"PERSON": background_format("#e4572e")})
    painted = pane.painted_highlights()
    assert 0 < len(painted) < len(highlights) / 10
    pane.scroll_to_position(len(text) // 2)
    assert pane.first_visible_position() > len(text) // 3
    assert all(text[s:e] == "张爱军" for s, e, _ in pane.painted_highlights())


def test_selection_follows_across_a_conversion_that_changes_length(qtbot: QtBot) -> None:
    source = "我用隨身碟把程式碼上傳到網際網路，再用滑鼠點擊軟體。"
    conversion = converter("tw2sp").convert(source)
    left, right = ReadingPane(), ReadingPane()
    for pane in (left, right):
        qtbot.addWidget(pane)
    sync = PaneSync(left, right)
    sync.set_mapping(conversion.alignment.map_span, conversion.alignment.map_span_back)
    left.show_text(source)
    right.show_text(conversion.text)
    start = source.index("網際網路")
    left.select_span(start, start + 4)
    assert right.textCursor().selectedText() == "互联网"
    at = conversion.text.index("鼠标")
    right.select_span(at, at + 2)
    assert left.textCursor().selectedText() == "滑鼠"


def _find_all(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found
