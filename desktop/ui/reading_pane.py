"""A read-only text pane that speaks code points and highlights spans cheaply.

Everything outside this module counts Python code points; Qt counts UTF-16 units. The pane keeps
one :class:`OffsetMap` between the two and converts at its edge, so a character outside the BMP
(𠮷) never shifts a highlight. Highlights are drawn as ExtraSelections for the *visible* part of
the document only, rebuilt when the view scrolls or resizes: a 300,000-character document with
thousands of entities costs no more to scroll than a short one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from desktop.core.offsets import OffsetMap


@dataclass(frozen=True)
class Highlight:
    """A span to paint, in code points. ``kind`` picks the format; ``tooltip`` shows on hover."""

    start: int
    end: int
    kind: str
    tooltip: str = ""


class SpanLayer:
    """Highlights of one kind of thing (entities, changed characters…), sorted for lookup."""

    def __init__(self, highlights: Iterable[Highlight], formats: dict[str, QTextCharFormat]):
        self.highlights = sorted(highlights, key=lambda h: (h.start, h.end))
        self.starts = [h.start for h in self.highlights]
        self.longest = max((h.end - h.start for h in self.highlights), default=0)
        self.formats = formats
        self.hidden_kinds: set[str] = set()

    def without(self, spans: set[tuple[int, int]]) -> SpanLayer:
        """The same layer less the highlights on these spans (cheaper than building anew)."""
        kept = SpanLayer([], self.formats)
        kept.highlights = [h for h in self.highlights if (h.start, h.end) not in spans]
        kept.starts = [h.start for h in kept.highlights]
        kept.longest = self.longest
        kept.hidden_kinds = self.hidden_kinds
        return kept

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Visible highlights that share a character with ``[start, end)``."""
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        return [
            h
            for h in self.highlights[first:last]
            if h.end > start and h.kind not in self.hidden_kinds
        ]


class ReadingPane(QPlainTextEdit):
    """Shows one text; positions in and out are code points into that text."""

    visibleRangeChanged = Signal()
    clickedAt = Signal(int)  # a click that selected nothing, at this code-point position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._text = ""
        self._units = OffsetMap.identity(0)
        self._layers: dict[str, SpanLayer] = {}
        self.verticalScrollBar().valueChanged.connect(self._on_view_changed)

    # Text -------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def show_text(self, text: str) -> None:
        self._text = text
        self._units = OffsetMap.for_utf16(text)
        self._layers.clear()
        self.setPlainText(text)
        self._refresh()

    # Layers -----------------------------------------------------------------------------

    def set_layer(
        self, name: str, highlights: Iterable[Highlight], formats: dict[str, QTextCharFormat]
    ) -> None:
        """Replace one layer of highlights; layers added later paint over earlier ones."""
        layer = SpanLayer(highlights, formats)
        previous = self._layers.get(name)
        if previous is not None:
            layer.hidden_kinds = previous.hidden_kinds
        self._layers[name] = layer
        self._refresh()

    def remove_spans(self, name: str, spans: set[tuple[int, int]]) -> None:
        """Drop the highlights on these spans (pane offsets) from one layer."""
        layer = self._layers.get(name)
        if layer is not None and spans:
            self._layers[name] = layer.without(spans)
            self._refresh()

    def set_hidden_kinds(self, name: str, kinds: set[str]) -> None:
        layer = self._layers.get(name)
        if layer is not None:
            layer.hidden_kinds = set(kinds)
            self._refresh()

    def highlights_at(self, position: int) -> list[Highlight]:
        found: list[Highlight] = []
        for layer in self._layers.values():
            found.extend(layer.overlapping(position, position + 1))
        return found

    def painted_highlights(self) -> list[tuple[int, int, str]]:
        """What the pane paints now, as (start, end, kind) in code points (for tests)."""
        painted = []
        for selection in self.extraSelections():
            cursor = selection.cursor
            start, end = self._units.map_span_back(cursor.selectionStart(), cursor.selectionEnd())
            kind = selection.format.property(QTextFormat.Property.UserProperty)
            painted.append((start, end, str(kind)))
        return painted

    # Positions --------------------------------------------------------------------------

    def select_span(self, start: int, end: int, *, reveal: bool = True) -> None:
        cursor = QTextCursor(self.document())
        units_start, units_end = self._units.map_span(start, end)
        cursor.setPosition(units_start)
        cursor.setPosition(units_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if reveal:
            self.centerCursor()

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._units.map_span_back(cursor.selectionStart(), cursor.selectionEnd())

    def first_visible_position(self) -> int:
        units = self.cursorForPosition(QPoint(0, 0)).position()
        return self._units.inverse.map_start(min(units, self._units.target_length))

    def last_visible_position(self) -> int:
        corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
        units = self.cursorForPosition(corner).position()
        return self._units.inverse.map_end(min(units, self._units.target_length))

    def scroll_to_position(self, position: int) -> None:
        """Scroll so the line holding ``position`` is the first visible one."""
        units = self._units.map_start(min(max(position, 0), len(self._text)))
        block = self.document().findBlock(units)
        if not block.isValid():
            return
        # Blocks are laid out lazily; asking for the block's rectangle lays it out, so the
        # line of the position is known (else the scroll lands on the paragraph's start).
        self.document().documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(units - block.position()) if layout else None
        line_number = line.lineNumber() if line is not None and line.isValid() else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + line_number)

    # Painting ---------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            units = self.cursorForPosition(event.position().toPoint()).position()
            self.clickedAt.emit(
                self._units.inverse.map_start(min(units, self._units.target_length))
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refresh()

    def _on_view_changed(self) -> None:
        self._refresh()
        self.visibleRangeChanged.emit()

    def _refresh(self) -> None:
        if not self._text:
            self.setExtraSelections([])
            return
        start, end = self.first_visible_position(), self.last_visible_position()
        # A screen's worth of margin either side keeps highlights in place while scrolling.
        margin = max(end - start, 200)
        start, end = max(0, start - margin), min(len(self._text), end + margin)
        selections = []
        for layer in self._layers.values():
            for highlight in layer.overlapping(start, end):
                text_format = layer.formats.get(highlight.kind)
                if text_format is not None:
                    selections.append(self._selection(highlight, text_format))
        self.setExtraSelections(selections)

    def _selection(
        self, highlight: Highlight, text_format: QTextCharFormat
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        units_start, units_end = self._units.map_span(highlight.start, highlight.end)
        cursor.setPosition(units_start)
        cursor.setPosition(units_end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        marked = QTextCharFormat(text_format)
        marked.setProperty(QTextFormat.Property.UserProperty, highlight.kind)
        selection.format = marked
        return selection

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            self._show_tooltip(event)
            return True
        return super().event(event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        viewport_point = self.viewport().mapFromGlobal(event.globalPos())
        units = self.cursorForPosition(viewport_point).position()
        position = self._units.inverse.map_start(min(units, self._units.target_length))
        tips = [h.tooltip for h in self.highlights_at(position) if h.tooltip]
        if tips:
            QToolTip.showText(event.globalPos(), "\n".join(tips), self)
        else:
            QToolTip.hideText()
            event.ignore()


def background_format(color: str, *, alpha: int = 90) -> QTextCharFormat:
    text_format = QTextCharFormat()
    background = QColor(color)
    background.setAlpha(alpha)
    text_format.setBackground(background)
    return text_format


def tag_format(color: str) -> QTextCharFormat:
    """A tag: a solid underline in the label's colour over a light wash of it."""
    text_format = background_format(color, alpha=45)
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    text_format.setUnderlineColor(QColor(color))
    text_format.setFontUnderline(True)
    return text_format


def suggestion_format(color: str = "#606060") -> QTextCharFormat:
    """A suggestion: a dashed underline, to accept (Enter) or reject (Delete)."""
    text_format = QTextCharFormat()
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    text_format.setUnderlineColor(QColor(color))
    text_format.setFontUnderline(True)
    return text_format


def underline_format(color: str) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    text_format.setUnderlineColor(QColor(color))
    return text_format


def struck_format(color: str) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setFontStrikeOut(True)
    text_format.setForeground(QColor(color))
    return text_format


def spans_of(pairs: Sequence[tuple[int, int]], kind: str, tooltip: str = "") -> list[Highlight]:
    return [Highlight(start, end, kind, tooltip) for start, end in pairs]


def pane_shortcuts(
    panes: Iterable[ReadingPane], key: QKeySequence, slot: Callable[[], object]
) -> list[QShortcut]:
    """A key that acts only while one of these panes has the focus (not the find or filter box,
    where Enter, Tab, Delete and digits mean what they always mean)."""
    made = []
    for pane in panes:
        shortcut = QShortcut(key, pane)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made
