"""What the window benchmarks share: waiting until a widget has really painted, resident memory,
and the bare-Qt baseline every figure is compared with in the same run.

The baseline is the physical limit of the text widget on this machine: two QPlainTextEdits
showing the same text, their spans painted by a QSyntaxHighlighter that reads a per-block index
(adding a span re-highlights only the blocks it touches). A figure is reported next to the
baseline's and as a ratio, since the machine is shared and absolute times are noisy.
"""

from __future__ import annotations

import statistics
import time
from bisect import insort
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

ROOT = Path(__file__).resolve().parents[2]


def rss_mib() -> float:
    """This process's resident memory (VmRSS), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class PaintWatch(QObject):
    """Counts paint events of some widgets (their viewports, for text edits)."""

    def __init__(self, widgets: Sequence[QWidget]) -> None:
        super().__init__()
        self.widgets = list(widgets)
        self.painted: set[int] = set()
        for widget in self.widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted.add(id(watched))
        return False

    def reset(self) -> None:
        self.painted.clear()

    def wait(self, timeout: float = 5.0) -> bool:
        """Process events until every watched widget has painted since ``reset``."""
        deadline = time.perf_counter() + timeout
        while len(self.painted) < len(self.widgets):
            QApplication.processEvents()
            if time.perf_counter() > deadline:
                return False
        return True


def median_ms(seconds: Sequence[float]) -> float:
    return statistics.median(seconds) * 1000


class _SpanHighlighter(QSyntaxHighlighter):
    """Paints spans (document positions) from a per-block index, as cheaply as Qt allows."""

    def __init__(
        self,
        document: QTextDocument,
        text_format: QTextCharFormat,
        spans: Sequence[tuple[int, int]],
    ) -> None:
        super().__init__(None)
        self.text_format = text_format
        self.by_block: dict[int, list[tuple[int, int]]] = {}
        for start, end in spans:
            first = document.findBlock(start).blockNumber()
            last = document.findBlock(max(start, end - 1)).blockNumber()
            for number in range(first, last + 1):
                self.by_block.setdefault(number, []).append((start, end))
        self.setDocument(document)

    def add(self, start: int, end: int) -> None:
        document = self.document()
        first, last = document.findBlock(start), document.findBlock(max(start, end - 1))
        for number in range(first.blockNumber(), last.blockNumber() + 1):
            insort(self.by_block.setdefault(number, []), (start, end))
            self.rehighlightBlock(document.findBlockByNumber(number))

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        base, length = block.position(), block.length()
        for start, end in self.by_block.get(block.blockNumber(), ()):
            begin, finish = max(start - base, 0), min(end - base, length)
            if finish > begin:
                self.setFormat(begin, finish - begin, self.text_format)


class BareQt:
    """The baseline: two plain-text panes with highlighted spans (UTF-16 positions)."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        fmt = QTextCharFormat()
        color = QColor("#4a90d9")
        color.setAlpha(45)
        fmt.setBackground(color)
        fmt.setFontUnderline(True)
        self.window = QWidget()
        self.window.resize(1400, 820)
        self.panes = [QPlainTextEdit(self.window), QPlainTextEdit(self.window)]
        self.highlighters: list[_SpanHighlighter] = []
        for number, pane in enumerate(self.panes):
            pane.setReadOnly(True)
            pane.setGeometry(10 + number * 690, 10, 680, 800)
        self.watch = PaintWatch([pane.viewport() for pane in self.panes])
        self.text, self.spans, self.text_format = text, list(spans), fmt

    def open(self) -> float:
        """Show the text with its spans; seconds until both panes have painted."""
        self.window.show()
        QApplication.processEvents()
        begin = time.perf_counter()
        self.watch.reset()
        self.highlighters = []
        for pane in self.panes:
            pane.setPlainText(self.text)
            self.highlighters.append(
                _SpanHighlighter(pane.document(), self.text_format, self.spans)
            )
        self.watch.wait()
        return time.perf_counter() - begin

    def add_span(self, start: int, end: int) -> float:
        """Add a span to both panes; seconds until both have painted it."""
        begin = time.perf_counter()
        self.watch.reset()
        for highlighter in self.highlighters:
            highlighter.add(start, end)
        self.watch.wait()
        return time.perf_counter() - begin

    def scroll_frame(self, step: int) -> float:
        begin = time.perf_counter()
        self.watch.reset()
        for pane in self.panes:
            bar = pane.verticalScrollBar()
            bar.setValue(bar.value() + bar.pageStep() // 3 + step % 3)
        self.watch.wait()
        return time.perf_counter() - begin

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()


def report(name: str, ours: Sequence[float], bare: Sequence[float], goal_ms: float) -> None:
    mine, base = median_ms(ours), median_ms(bare)
    print(
        f"  {name:<34} {mine:8.1f} ms   bare Qt {base:7.1f} ms   ratio {mine / base:5.1f}x"
        f"   worst {max(ours) * 1000:7.1f} ms   goal < {goal_ms:g} ms   (median of {len(ours)})"
    )


def timed(action: Callable[[], object]) -> float:
    begin = time.perf_counter()
    action()
    return time.perf_counter() - begin
