"""Keeping dialogs on the screen whatever the users call their labels.

A label name may run to hundreds of characters; a combo box sizes itself to its longest item
and a dialog to its widest child, so one long name made dialogs wider than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

# What a combo box or a list shows of a long name; the whole name is in its tooltip.
SHOWN_NAME_CHARACTERS = 60
# Combo boxes ask for room for this many characters, however long their items.
COMBO_MINIMUM_CHARACTERS = 24


def elided(text: str, limit: int = SHOWN_NAME_CHARACTERS) -> str:
    """``text`` cut in the middle to ``limit`` characters (both ends of a label path matter)."""
    if len(text) <= limit:
        return text
    head = (limit - 1) // 2
    tail = limit - 1 - head
    return f"{text[:head]}…{text[len(text) - tail :]}"


def add_name_item(combo: QComboBox, name: str, data: object) -> None:
    """Add an item showing ``name`` elided, with the whole name as its tooltip."""
    combo.addItem(elided(name), data)
    combo.setItemData(combo.count() - 1, name, Qt.ItemDataRole.ToolTipRole)


def keep_narrow(combo: QComboBox) -> None:
    """The combo no longer widens to its longest item."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_MINIMUM_CHARACTERS)


def fit_to_screen(widget: QWidget) -> None:
    """No wider or taller than the screen the widget is on (less a margin for the frame)."""
    screen = widget.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    widget.setMaximumSize(available.width() - 40, available.height() - 40)
    if widget.width() > widget.maximumWidth() or widget.height() > widget.maximumHeight():
        widget.resize(
            min(widget.width(), widget.maximumWidth()),
            min(widget.height(), widget.maximumHeight()),
        )
