"""A disagreement review in the reading panes: each coder's tags in a lane of their own, the
open disagreements underlined, the one under review marked, a legend naming the coders; in
code points on both panes, an astral character among them (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
from desktop.core.offsets import OffsetMap
from desktop.core.store import Store
from desktop.core.team import project_review
from desktop.ui.common.colors import coder_color
from desktop.ui.reading.coder_layers import CURRENT, OPEN
from desktop.ui.reading.reader import ReaderView
from desktop.ui.reading.reading_pane import ReadingPane

TEXT = "会议𠮷要求落实责任，确保安全。"


@pytest.fixture
def reader(
    qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ReaderView, Store]]:
    store = Store(tmp_path_factory.mktemp("layers") / "team.jiyao")
    document = store.add_document(NewDocument("会议", TEXT, TEXT, "utf-8", "simplified"))
    assert document is not None
    want = store.add_label("要求")
    store.add_annotation(document, want.id, 3, 5, annotator="甲")  # 要求
    store.add_annotation(document, want.id, 2, 7, annotator="乙")  # 𠮷要求落实
    store.add_annotation(document, want.id, 10, 12, annotator="甲")  # 确保: only 甲
    store.add_annotation(document, want.id, 10, 12, annotator="乙")
    store.add_annotation(document, want.id, 12, 14, annotator="王")  # not compared
    parent = QWidget()
    qtbot.addWidget(parent)
    shown = ReaderView(parent=parent)
    parent.resize(700, 300)
    parent.show()
    shown.show_document(store.document(document), [])
    colors = {label.id: label.color for label in store.labels()}
    shown.set_annotations(store.annotations(document), colors)
    yield shown, store
    store.close()


def painted(reader: ReaderView, prefix: str, side: str = "original") -> list[tuple[str, str]]:
    """What a pane paints as formats of a kind, as (characters, kind)."""
    pane = getattr(reader, side)
    return [
        (pane.text[s:e], kind)
        for s, e, kind in pane.painted_highlights()
        if kind.startswith(prefix)
    ]


def lanes(pane: ReadingPane) -> list[tuple[str, str]]:
    """The pane's lane highlights, as (characters, kind), in text order."""
    found = {
        (h.start, h.end, h.kind) for at in range(len(pane.text)) for h in pane.highlights_at(at)
    }
    return [(pane.text[s:e], kind) for s, e, kind in sorted(found) if kind.startswith("lane:")]


def bars_under(pane: ReadingPane, start: int, end: int) -> dict[str, list[float]]:
    """The bars drawn under the characters [start, end) of a one-line span: colour -> tops."""
    units = OffsetMap.for_utf16(pane.text)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(units.map_start(start))
    left = pane.cursorRect(cursor).left()
    cursor.setPosition(units.map_start(end))
    right = pane.cursorRect(cursor).left()
    found: dict[str, list[float]] = {}
    for rect, color in pane.lane_bars():
        if abs(rect.left() - left) <= 1 and abs(rect.right() - right) <= 1:
            found.setdefault(color, []).append(rect.top())
    return found


def test_a_review_draws_one_lane_per_coder_in_both_panes(
    reader: tuple[ReaderView, Store],
) -> None:
    view, store = reader
    found = project_review(store, ["甲", "乙"])
    [place] = found.open_disagreements()
    view.show_review(found, place)
    assert view.converted.text  # converted at once: a short text
    for pane in (view.original, view.converted):
        assert [kind for _, kind in lanes(pane)] == ["lane:1", "lane:0+1", "lane:1", "lane:0+1"]
        assert [len(text) for text, _ in lanes(pane)] == [1, 2, 2, 2]  # 𠮷 is one
        # Where both coders tagged, both bars show, 甲's above 乙's; 乙's alone, only it.
        both = bars_under(pane, 3, 5)
        assert set(both) == {coder_color(0), coder_color(1)}
        assert both[coder_color(0)][0] < both[coder_color(1)][0]
        assert set(bars_under(pane, 2, 3)) == {coder_color(1)}
        assert painted(view, CURRENT, "original" if pane is view.original else "converted") == [
            (pane.text[2:7], CURRENT)
        ]
    assert lanes(view.original)[0][0] == "𠮷" and lanes(view.original)[1][0] == "要求"
    assert view.original.highlights_at(3)[-2].tooltip == "甲: 要求; 乙: 要求"
    # The compared coders' tags leave the tags layer; another annotator's stays in it.
    assert [text for text, kind in painted(view, "") if kind not in (OPEN, CURRENT)] == ["安全"]
    assert view.coder_legend.isVisible()
    assert "甲" in view.coder_legend.text() and coder_color(1) in view.coder_legend.text()


def test_the_current_place_moves_and_ending_the_review_restores_the_tags(
    reader: tuple[ReaderView, Store],
) -> None:
    view, store = reader
    found = project_review(store, ["甲", "乙"])
    view.show_review(found, None)
    assert painted(view, OPEN) == [("𠮷要求落实", OPEN)]
    assert painted(view, CURRENT) == []
    view.show_review(None)
    assert lanes(view.original) == [] and view.original.lane_bars() == []
    assert painted(view, OPEN) == []
    # (the two tags on 确保 are one highlight to read back: same span, same label)
    assert [text for text, _ in painted(view, "")] == ["𠮷要求落实", "要求", "确保", "安全"]
    assert not view.coder_legend.isVisible()


def test_a_tag_added_during_a_review_by_another_annotator_shows_as_a_tag(
    reader: tuple[ReaderView, Store],
) -> None:
    view, store = reader
    view.show_review(project_review(store, ["甲", "乙"]))
    document = store.document_ids()[0]
    label = store.labels()[0]
    store.add_annotation(document, label.id, 0, 2, annotator="gold")
    store.add_annotation(document, label.id, 8, 9, annotator="甲")
    colors = {label.id: label.color}
    view.set_annotations(store.annotations(document), colors)  # the incremental path
    assert [text for text, kind in painted(view, "") if kind != OPEN] == ["会议", "安全"]
