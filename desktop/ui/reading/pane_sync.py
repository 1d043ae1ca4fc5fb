"""Keep two reading panes on the same place and the same selection, through an alignment.

Not by pixel ratio: the converted text can be shorter or longer than the original (phrase
conversions), so the first visible character of one pane is mapped through the alignment and the
other pane scrolls to that character. A guard stops the two panes from echoing each other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop.ui.reading.reading_pane import ReadingPane

SpanMapper = Callable[[int, int], tuple[int, int]]


class PaneSync(QObject):
    def __init__(self, left: ReadingPane, right: ReadingPane) -> None:
        super().__init__(left)
        self.left, self.right = left, right
        self._to_right: SpanMapper = _same
        self._to_left: SpanMapper = _same
        self._busy = False
        left.visibleRangeChanged.connect(lambda: self._follow_scroll(left, right, self._to_right))
        right.visibleRangeChanged.connect(lambda: self._follow_scroll(right, left, self._to_left))
        left.selectionChanged.connect(lambda: self._follow_selection(left, right, self._to_right))
        right.selectionChanged.connect(lambda: self._follow_selection(right, left, self._to_left))

    def set_mapping(self, to_right: SpanMapper, to_left: SpanMapper) -> None:
        """How a span of the left text maps to the right text, and back."""
        self._to_right, self._to_left = to_right, to_left

    def _follow_scroll(self, source: ReadingPane, target: ReadingPane, mapper: SpanMapper) -> None:
        if self._busy or not source.text:
            return
        self._busy = True
        try:
            if source.shows_end() and source.first_visible_position() > 0:
                # The end shows in one pane, so in the other: its first visible line would
                # leave a narrower pane (more lines) short of the end, a section behind.
                target.scroll_to_end()
            else:
                position = source.first_visible_position()
                target.scroll_to_position(mapper(position, position)[0])
        finally:
            self._busy = False

    def _follow_selection(
        self, source: ReadingPane, target: ReadingPane, mapper: SpanMapper
    ) -> None:
        if self._busy:
            return
        span = source.selected_span()
        self._busy = True
        try:
            if span is None:
                # A click cleared this selection: the mirror of it must not outlive it.
                cursor = target.textCursor()
                cursor.clearSelection()
                target.setTextCursor(cursor)
            else:
                target.select_span(*mapper(*span), reveal=False)
        finally:
            self._busy = False


def _same(start: int, end: int) -> tuple[int, int]:
    return start, end
