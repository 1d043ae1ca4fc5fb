"""One memo being written: a title, the text in Markdown, and the text as Qt renders it. What is
typed is saved as it goes: ``saveRequested`` fires once typing pauses (debounced) and at once
when the editor is left or shows another memo, so a crash loses at most the last pause."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

# How long typing may pause before what was typed is written.
SAVE_DELAY_MS = 600


class MemoEditor(QWidget):
    """``saveRequested(title, text)``: write what the editor holds. ``session`` counts edit
    sessions (a new one each time a memo is shown or the editor is left): saves within one
    session are one undo step."""

    saveRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.text = QPlainTextEdit()
        self.rendered = QTextBrowser()
        self.rendered.setOpenExternalLinks(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.text, "")
        self.tabs.addTab(self.rendered, "")
        self.tabs.currentChanged.connect(self._render)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._emit_save)
        self._filling = False
        self.session = 0
        self.title.textEdited.connect(self._typed)
        self.text.textChanged.connect(self._typed)
        for widget in (self.title, self.text):
            widget.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setPlaceholderText(self.tr("Title"))
        self.text.setPlaceholderText(
            self.tr("Write here (Markdown: **bold**, - lists, # headings)")
        )
        self.tabs.setTabText(0, self.tr("Write"))
        self.tabs.setTabText(1, self.tr("Read"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_memo(self, title: str, text: str) -> None:
        """Show a memo (saving what was typed in the one shown before)."""
        self.save_now()
        self.session += 1
        self._filling = True
        try:
            self.title.setText(title)
            self.text.setPlainText(text)
        finally:
            self._filling = False
        self._render()

    def clear_memo(self) -> None:
        self.show_memo("", "")

    def pending(self) -> bool:
        """Whether something typed is not saved yet."""
        return self._timer.isActive()

    def save_now(self) -> None:
        """Write what was typed, if anything is waiting."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit_save()

    def _emit_save(self) -> None:
        self.saveRequested.emit(self.title.text(), self.text.toPlainText())

    def _typed(self) -> None:
        if not self._filling:
            self._timer.start()

    def _render(self) -> None:
        if self.tabs.currentWidget() is self.rendered:
            self.rendered.setMarkdown(self.text.toPlainText())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Leaving the editor ends the pause at once: nothing typed waits on a timer.
        if event.type() == QEvent.Type.FocusOut:
            self.save_now()
            self.session += 1
        return super().eventFilter(watched, event)
