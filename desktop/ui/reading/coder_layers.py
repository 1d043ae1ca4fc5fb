"""Coders' tags in the reading panes during a disagreement review: one lane per coder under
each line (a thin bar in the coder's colour under the characters they tagged, so where two
coders tagged the same characters both bars show), the open disagreements washed, the one
under review marked, and a legend naming each coder's colour.

What to paint is the core's (:func:`desktop.core.adjudication.coder_layers`); this module only
turns it into highlights and formats, in code points (the panes convert to UTF-16)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.adjudication import CoderLayers
from desktop.ui.common.colors import coder_color
from desktop.ui.reading.reading_pane import Highlight

CODER_LAYER = "coders"
DISAGREEMENT_LAYER = "disagreements"
OPEN = "open"
CURRENT = "current"
DISAGREEMENT_COLOR = "#b00020"
OPEN_ALPHA, CURRENT_ALPHA = 28, 70

# Where a clean-text span stands in a pane (None: not in that pane, e.g. still converting).
ToPane = Callable[[int, int], tuple[int, int] | None]


def lane_kind(coders: tuple[int, ...]) -> str:
    """The highlight kind of characters these coders (positions) tagged: "lane:0+2"."""
    return "lane:" + "+".join(str(coder) for coder in coders)


def lane_bars(coders: tuple[int, ...]) -> tuple[tuple[int, str], ...]:
    """The bars under characters these coders (positions) tagged: each coder's lane in their
    colour."""
    return tuple((coder, coder_color(coder)) for coder in coders)


def disagreement_formats() -> dict[str, QTextCharFormat]:
    """An open disagreement: a pale wash (the coders' bars stay visible under it); the one
    under review: a stronger one, bold."""
    formats = {}
    for kind, alpha in ((OPEN, OPEN_ALPHA), (CURRENT, CURRENT_ALPHA)):
        wash = QColor(DISAGREEMENT_COLOR)
        wash.setAlpha(alpha)
        formats[kind] = QTextCharFormat()
        formats[kind].setBackground(wash)
    formats[CURRENT].setFontWeight(QFont.Weight.Bold)
    return formats


def lane_highlights(
    layers: CoderLayers, to_pane: ToPane
) -> tuple[list[Highlight], dict[str, tuple[tuple[int, str], ...]]]:
    """The coders' lanes in one pane, and the bars of the kinds they use."""
    highlights = []
    bars: dict[str, tuple[tuple[int, str], ...]] = {}
    for segment in layers.segments():
        span = to_pane(segment.start, segment.end)
        if span is None:
            continue
        kind = lane_kind(segment.coders)
        bars.setdefault(kind, lane_bars(segment.coders))
        highlights.append(Highlight(*span, kind, segment.summary(layers.annotators)))
    return highlights, bars


def disagreement_highlights(layers: CoderLayers, to_pane: ToPane, tip: str) -> list[Highlight]:
    """The open disagreements in one pane, the one under review apart (``tip`` on each)."""
    highlights = []
    for start, end in layers.open:
        span = to_pane(start, end)
        if span is not None:
            kind = CURRENT if (start, end) == layers.current else OPEN
            highlights.append(Highlight(*span, kind, tip))
    return highlights


class CoderLegend(QLabel):
    """Names each compared coder beside their colour, and what the underlines mean; hidden
    when no review is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.annotators: tuple[str, ...] = ()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_annotators(self.annotators)
        super().changeEvent(event)

    def show_annotators(self, annotators: tuple[str, ...]) -> None:
        self.annotators = annotators
        if not annotators:
            self.clear()
            self.hide()
            return
        coders = " ".join(
            f'<span style="background:{coder_color(position)}">&nbsp;&nbsp;&nbsp;</span>'
            f"&nbsp;{escape(name)}"
            for position, name in enumerate(annotators)
        )
        wash = QColor(DISAGREEMENT_COLOR)
        caption = escape(self.tr("Coders (a line under the text each):"))
        open_place = escape(self.tr("open disagreement"))
        current = escape(self.tr("under review"))
        self.setText(
            f"{caption} {coders} · "
            f'<span style="background:{_css(wash, OPEN_ALPHA)}">{open_place}</span> · '
            f'<b style="background:{_css(wash, CURRENT_ALPHA)}">{current}</b>'
        )
        self.show()


def _css(color: QColor, alpha: int) -> str:
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {alpha})"
