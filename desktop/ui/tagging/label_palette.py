"""The Ctrl+L label palette: the labels in a list narrowed as the user types, each with its
codebook entry as a tooltip (a QInputDialog's combo box shows no tooltips per item)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class LabelPalette(QDialog):
    """Pick one of ``captions`` (``tips[i]`` is the tooltip of ``captions[i]``): typing keeps
    the captions holding the typed words; Enter takes the current one, or the typed text
    when none is left (the caller then says no label matches)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        captions: Sequence[str],
        tips: Sequence[str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        for caption, tip in zip(captions, tips, strict=True):
            item = QListWidgetItem(caption, self.list)
            item.setToolTip(tip)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(prompt, self))
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._narrow)
        self.filter.returnPressed.connect(self.accept)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.filter.installEventFilter(self)
        self.filter.setFocus()

    def _narrow(self, typed: str) -> None:
        wanted = typed.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is None:
            self.list.setCurrentRow(-1)
        else:
            self.list.setCurrentItem(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter move through the list, so the hands stay on the keys."""
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self._step(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        visible = [row for row in range(self.list.count()) if not self.list.item(row).isHidden()]
        if not visible:
            return
        current = self.list.currentRow()
        at = visible.index(current) if current in visible else -1
        self.list.setCurrentRow(visible[max(0, min(len(visible) - 1, at + step))])

    def chosen(self) -> str:
        """The current visible caption, else what was typed."""
        item = self.list.currentItem()
        if item is not None and not item.isHidden():
            return item.text()
        return self.filter.text()

    @staticmethod
    def ask(
        parent: QWidget | None,
        title: str,
        prompt: str,
        captions: Sequence[str],
        tips: Sequence[str],
    ) -> tuple[str, bool]:
        """Show the palette and wait: (the chosen caption or typed text, accepted), as
        ``QInputDialog.getItem`` answers."""
        palette = LabelPalette(parent, title, prompt, captions, tips)
        try:
            accepted = palette.exec() == QDialog.DialogCode.Accepted
            return palette.chosen(), accepted
        finally:
            palette.deleteLater()
