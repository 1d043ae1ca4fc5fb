"""What a background job tells the user when it ends: a report of lines to read and copy, or a
one-line message. Both are window-modal without blocking the caller (whose slot returns at
once) and are deleted when closed, so none of them stays behind as a hidden child.

The words are the caller's (each translates its own): these only lay them out.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ReportDialog(QDialog):
    """A summary over one line per thing to report (a refused file, a refused record).

    Plain text rather than a list widget: people copy these lines into bug reports. Deleted
    when closed; show it with ``open()``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.caption = QLabel()  # what the lines are; hidden when there is nothing to say
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.caption)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 360)

    def set_report(self, title: str, summary: str, lines: Iterable[str], caption: str = "") -> None:
        self.setWindowTitle(title)
        self.summary.setText(summary)
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        self.details.setPlainText("\n".join(lines))


def tell(
    parent: QWidget,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
) -> QMessageBox:
    """Show a message with an OK button; returns at once, the box is deleted when closed."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
