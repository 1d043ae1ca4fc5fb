"""A read-only text pane that speaks code points and highlights spans cheaply.

Everything outside this module counts Python code points; Qt counts UTF-16 units. The pane keeps
one :class:`OffsetMap` between the two and converts at its edge, so a character outside the BMP
(𠮷) never shifts a highlight.

Highlights are the text layout's own formats (what a QSyntaxHighlighter sets), given to the
blocks near the visible part only, each block once: a block keeps its formats until a highlight
on it changes. Adding a tag restyles the one or two blocks it touches; scrolling formats only the
blocks coming into view; painting costs what painting plain text costs. (ExtraSelections, used
before, made every paint walk every selection and every scroll rebuild them all.)
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from desktop.core.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class Highlight:
    """A span to paint, in code points. ``kind`` picks the format; ``tooltip`` shows on hover."""

    start: int
    end: int
    kind: str
    tooltip: str = ""


# Which highlight a layout format range came from (its kind and its span, in code points), so a
# highlight that crosses a paragraph break reads back as one.
KIND_PROPERTY = QTextFormat.Property.UserProperty
START_PROPERTY = QTextFormat.Property.UserProperty + 1
END_PROPERTY = QTextFormat.Property.UserProperty + 2


class SpanLayer:
    """Highlights of one kind of thing (entities, changed characters…), sorted for lookup."""

    def __init__(self, highlights: Iterable[Highlight], formats: dict[str, QTextCharFormat]):
        self.highlights = sorted(highlights, key=_position)
        self.starts = [h.start for h in self.highlights]
        self.longest = max((h.end - h.start for h in self.highlights), default=0)
        self.formats = formats
        # Each kind's format, marked with its kind, built once per layer (not per paint).
        self.marked = {kind: _marked(text_format, kind) for kind, text_format in formats.items()}
        self.hidden_kinds: set[str] = set()

    def add(self, highlight: Highlight) -> None:
        insort(self.highlights, highlight, key=_position)
        insort(self.starts, highlight.start)
        self.longest = max(self.longest, highlight.end - highlight.start)

    def discard(self, highlight: Highlight) -> bool:
        """Drop one highlight (equal in span, kind and tooltip); False when it was not here."""
        at = bisect_left(self.starts, highlight.start)
        while at < len(self.highlights) and self.highlights[at].start == highlight.start:
            if self.highlights[at] == highlight:
                del self.highlights[at], self.starts[at]
                return True
            at += 1
        return False

    def remove(self, spans: set[tuple[int, int]]) -> list[Highlight]:
        """Drop the highlights on these spans; returns the ones dropped."""
        dropped = []
        for start, end in spans:
            at = bisect_left(self.starts, start)
            while at < len(self.highlights) and self.highlights[at].start == start:
                if self.highlights[at].end == end:
                    dropped.append(self.highlights.pop(at))
                    self.starts.pop(at)
                else:
                    at += 1
        return dropped

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Visible highlights that share a character with ``[start, end)``."""
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        return [
            h
            for h in self.highlights[first:last]
            if h.end > start and h.kind not in self.hidden_kinds
        ]


def _position(highlight: Highlight) -> tuple[int, int]:
    return highlight.start, highlight.end


def _marked(text_format: QTextCharFormat, kind: str) -> QTextCharFormat:
    marked = QTextCharFormat(text_format)
    marked.setProperty(KIND_PROPERTY, kind)
    return marked


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
        # Layers drawn as bars under the lines (see set_lanes): name -> (kind -> its bars as
        # (lane, colour)), how many lanes share a line's bottom)
        self._lanes: dict[str, tuple[dict[str, tuple[tuple[int, str], ...]], int]] = {}
        # Blocks whose layout formats match the layers; the others are formatted before they
        # come into view (stale formats off screen are never painted, so never cleared).
        self._formatted: set[int] = set()
        self._formatting = False
        self.verticalScrollBar().valueChanged.connect(self._on_view_changed)

    # Text -------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def show_text(self, text: str) -> None:
        self._text = text
        self._units = OffsetMap.for_utf16(text)
        self._layers.clear()
        self._lanes.clear()
        self._formatted.clear()
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
        self._restyle_all()

    def remove_layer(self, name: str) -> None:
        """Drop one layer of highlights (nothing to do, and nothing restyled, when absent)."""
        if self._lanes.pop(name, None) is not None:
            del self._layers[name]
            self.viewport().update()
        elif self._layers.pop(name, None) is not None:
            self._restyle_all()

    def set_lanes(
        self,
        name: str,
        highlights: Iterable[Highlight],
        bars: Mapping[str, Sequence[tuple[int, str]]],
        count: int,
    ) -> None:
        """A layer drawn as thin bars under the lines instead of formats: ``count`` lanes share
        the bottom of each line, and a highlight of kind ``k`` draws a bar in each ``(lane,
        colour)`` of ``bars[k]`` under its characters. Bars of several lanes under the same
        characters all show (formats would paint over each other); tooltips show as for any
        layer."""
        self._layers[name] = SpanLayer(highlights, {})
        self._lanes[name] = ({kind: tuple(b) for kind, b in bars.items()}, max(count, 1))
        self.viewport().update()

    def lane_bars(self) -> list[tuple[QRectF, str]]:
        """The bars the lane layers draw in the viewport now, as (rectangle, colour)."""
        if not self._lanes:
            return []
        found: list[tuple[QRectF, str]] = []
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > self.viewport().height():
                break
            if block.isVisible():
                found.extend(self._bars_in(block, geometry.left(), geometry.top()))
            block = block.next()
        return found

    def _bars_in(self, block: QTextBlock, left: float, top: float) -> list[tuple[QRectF, str]]:
        layout = block.layout()
        base, length = block.position(), block.length() - 1
        start = self._units.inverse.map_start(base)
        end = self._units.inverse.map_end(base + length)
        origin = layout.position()
        found = []
        for name, (bars, count) in self._lanes.items():
            for highlight in self._layers[name].overlapping(start, end):
                units_start, units_end = self._units.map_span(highlight.start, highlight.end)
                begin, finish = max(units_start - base, 0), min(units_end - base, length)
                for number in range(layout.lineCount()):
                    line = layout.lineAt(number)
                    first = max(begin, line.textStart())
                    last = min(finish, line.textStart() + line.textLength())
                    if last <= first:
                        continue
                    x_first, x_last = _x_of(line, first), _x_of(line, last)
                    x, width = left + origin.x() + x_first, x_last - x_first
                    thickness = max(2.0, line.height() / 12)
                    bottom = top + origin.y() + line.y() + line.height()
                    for lane, color in bars.get(highlight.kind, ()):
                        y = bottom - (count - lane) * thickness
                        found.append((QRectF(x, y, width, thickness), color))
        return found

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._lanes:
            painter = QPainter(self.viewport())
            for rect, color in self.lane_bars():
                painter.fillRect(rect, QColor(color))
            painter.end()

    def add_highlights(self, name: str, highlights: Sequence[Highlight]) -> None:
        """Add highlights to a layer, restyling only the blocks they touch."""
        layer = self._layers.get(name)
        if layer is None or not highlights:
            return
        for highlight in highlights:
            layer.add(highlight)
        self._restyle_spans((h.start, h.end) for h in highlights)

    def remove_highlights(self, name: str, highlights: Sequence[Highlight]) -> None:
        """Drop these highlights from a layer, restyling only the blocks they were on."""
        layer = self._layers.get(name)
        if layer is not None:
            dropped = [h for h in highlights if layer.discard(h)]
            self._restyle_spans((h.start, h.end) for h in dropped)

    def remove_spans(self, name: str, spans: set[tuple[int, int]]) -> None:
        """Drop the highlights on these spans (pane offsets) from one layer, restyling only the
        blocks they were on."""
        layer = self._layers.get(name)
        if layer is not None and spans:
            dropped = layer.remove(spans)
            self._restyle_spans((h.start, h.end) for h in dropped)

    def set_hidden_kinds(self, name: str, kinds: set[str]) -> None:
        layer = self._layers.get(name)
        if layer is not None and layer.hidden_kinds != kinds:
            layer.hidden_kinds = set(kinds)
            self._restyle_all()

    def restyle_everything(self) -> None:
        """Format every block anew from the layers (what the incremental path must equal)."""
        self._restyle_all()

    def highlights_at(self, position: int) -> list[Highlight]:
        found: list[Highlight] = []
        for layer in self._layers.values():
            found.extend(layer.overlapping(position, position + 1))
        return found

    def painted_highlights(self) -> list[tuple[int, int, str]]:
        """What the pane paints now, as (start, end, kind) in code points, sorted: read back from
        the formats of the blocks' layouts (for tests)."""
        spans: dict[tuple[str, int, int], tuple[int, int]] = {}
        document = self.document()
        for number in sorted(self._formatted):
            block = document.findBlockByNumber(number)
            layout = block.layout()
            if layout is None:
                continue
            for format_range in layout.formats():
                kind = str(format_range.format.property(KIND_PROPERTY))
                origin = format_range.format.property(START_PROPERTY)
                key = (kind, int(origin), int(format_range.format.property(END_PROPERTY)))
                start = block.position() + format_range.start
                end = start + format_range.length
                if key in spans:  # the same highlight, on from the block before
                    start, end = min(start, spans[key][0]), max(end, spans[key][1])
                spans[key] = (start, end)
        painted = []
        for (kind, *_), (start, end) in spans.items():
            painted.append((*self._units.map_span_back(start, end), kind))
        return sorted(painted)

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
        """Scroll so the line holding ``position`` is the first visible one (or, near the end,
        as far as the pane scrolls: its last line at the bottom)."""
        units = self._units.map_start(min(max(position, 0), len(self._text)))
        block = self.document().findBlock(units)
        if not block.isValid():
            return
        bar = self.verticalScrollBar()
        bar.setValue(self._line_of(block, units))
        if bar.value() < self._line_of(block, units):
            # Stopped short at the end. The scroll range counts a block not laid out yet as
            # one line, and a long paragraph wraps to many: lay out the blocks from here to
            # the end, so the range is true, and scroll again (else the pane stays a section
            # behind the other one on a long document).
            self._lay_out_from(block)
            bar.setValue(self._line_of(block, units))

    def scroll_to_end(self) -> None:
        """Scroll as far down as the pane goes: its last line at the bottom."""
        # Lay out the last screenful first: a block not laid out yet counts as one line in the
        # scroll range, and stopping at a range that short leaves the end out of view.
        layout = self.document().documentLayout()
        block, height = self.document().lastBlock(), 0.0
        while block.isValid() and height < self.viewport().height():
            height += layout.blockBoundingRect(block).height()
            block = block.previous()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def shows_end(self) -> bool:
        """Whether the text's last character is in view."""
        return bool(self._text) and self.last_visible_position() >= len(self._text)

    def _line_of(self, block: QTextBlock, units: int) -> int:
        """The scroll value that puts the line holding ``units`` at the top."""
        # Blocks are laid out lazily; asking for the block's rectangle lays it out, so the
        # line of the position is known (else the scroll lands on the paragraph's start).
        self.document().documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineForTextPosition(units - block.position()) if layout else None
        line_number = line.lineNumber() if line is not None and line.isValid() else 0
        return block.firstLineNumber() + line_number

    def _lay_out_from(self, block: QTextBlock) -> None:
        layout = self.document().documentLayout()
        while block.isValid():
            layout.blockBoundingRect(block)
            block = block.next()

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

    def _restyle_all(self) -> None:
        self._formatted.clear()
        self._refresh()

    def _restyle_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        """The blocks under these spans (code points) are formatted anew when in view."""
        document = self.document()
        for start, end in spans:
            units_start, units_end = self._units.map_span(start, end)
            first = document.findBlock(units_start).blockNumber()
            last = document.findBlock(max(units_start, units_end - 1)).blockNumber()
            self._formatted.difference_update(range(first, last + 1))
        self._refresh()

    def _refresh(self) -> None:
        """Format the blocks in and near view that are not formatted yet."""
        if not self._text or self._formatting:
            return
        start, end = self.first_visible_position(), self.last_visible_position()
        # A screen's worth of margin either side keeps highlights in place while scrolling.
        margin = max(end - start, 200)
        start, end = max(0, start - margin), min(len(self._text), end + margin)
        document = self.document()
        first = document.findBlock(self._units.map_start(start))
        last = document.findBlock(self._units.map_start(end)).blockNumber()
        self._formatting = True
        try:
            dirty: list[QTextBlock] = []
            for block in _blocks_from(first, last):
                if block.blockNumber() not in self._formatted and self._format_block(block):
                    dirty.append(block)
            for run_start, run_end in _runs(dirty):
                # As QSyntaxHighlighter does: new formats drop the block's layout, so it is
                # laid out and repainted again (only these blocks).
                document.markContentsDirty(run_start, run_end - run_start)
        finally:
            self._formatting = False

    def _format_block(self, block: QTextBlock) -> bool:
        """Give the block the formats of the highlights on it; False when it had none and
        gets none (nothing to lay out again)."""
        base = block.position()
        length = block.length() - 1  # without the paragraph separator
        start = self._units.inverse.map_start(base)
        end = self._units.inverse.map_end(base + length)
        ranges = []
        for layer in self._layers.values():
            for highlight in layer.overlapping(start, end):
                text_format = layer.marked.get(highlight.kind)
                if text_format is None:
                    continue
                units_start, units_end = self._units.map_span(highlight.start, highlight.end)
                begin, finish = max(units_start - base, 0), min(units_end - base, length)
                if finish <= begin:
                    continue
                format_range = QTextLayout.FormatRange()
                format_range.start, format_range.length = begin, finish - begin
                format_range.format = QTextCharFormat(text_format)
                format_range.format.setProperty(START_PROPERTY, highlight.start)
                format_range.format.setProperty(END_PROPERTY, highlight.end)
                ranges.append(format_range)
        self._formatted.add(block.blockNumber())
        layout = block.layout()
        if not ranges and not layout.formats():
            return False
        layout.setFormats(ranges)
        return True

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


def _x_of(line: QTextLine, position: int) -> float:
    """Where a position (UTF-16, in the block) stands across a line."""
    pair: tuple[float, int] = line.cursorToX(position)  # type: ignore[assignment]
    return float(pair[0])  # PySide returns (x, the position) where C++ takes a pointer


def _blocks_from(first: QTextBlock, last_number: int) -> Iterator[QTextBlock]:
    block = first
    while block.isValid() and block.blockNumber() <= last_number:
        yield block
        block = block.next()


def _runs(blocks: Sequence[QTextBlock]) -> list[tuple[int, int]]:
    """Consecutive blocks as (start, end) document positions, one per run."""
    runs: list[tuple[int, int]] = []
    for block in blocks:
        start, end = block.position(), block.position() + block.length()
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


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
