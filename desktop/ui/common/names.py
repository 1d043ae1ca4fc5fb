"""The words the window shows for values the store keeps in English: scripts and statuses."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Marked for translation; the store keeps the English values. The context is the document
# list's, where these words first appeared (so their translations stay where they are).
_CONTEXT = "DocumentTableModel"
_NAMES = {
    "traditional": QT_TRANSLATE_NOOP("DocumentTableModel", "traditional"),
    "simplified": QT_TRANSLATE_NOOP("DocumentTableModel", "simplified"),
    "mixed": QT_TRANSLATE_NOOP("DocumentTableModel", "mixed"),
    "new": QT_TRANSLATE_NOOP("DocumentTableModel", "new"),
    "in progress": QT_TRANSLATE_NOOP("DocumentTableModel", "in progress"),
    "done": QT_TRANSLATE_NOOP("DocumentTableModel", "done"),
}


def display_name(value: str) -> str:
    """The translated name of a script or status value."""
    return QCoreApplication.translate(_CONTEXT, str(_NAMES.get(value, value)))
