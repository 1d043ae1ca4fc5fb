"""Keys that act only where the reading happens."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def pane_shortcuts(
    panes: Iterable[QWidget], key: QKeySequence, slot: Callable[[], object]
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
