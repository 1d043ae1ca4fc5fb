"""Who makes the tags: the name every new tag records, asked for once and kept in the settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.ui.common.settings import Settings


def ask_annotator(settings: Settings, parent: QWidget | None) -> str:
    """Ask for the annotator's name (the one kept is offered); a name given is kept. Returns
    the name now kept ("" when there is none)."""

    # The window asked this before (Edit > Annotator name…): its translations stay theirs.
    name, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("MainWindow", "Annotator"),
        QCoreApplication.translate("MainWindow", "Your name, recorded with every tag you make:"),
        text=settings.annotator,
    )
    if accepted and name.strip():
        settings.annotator = name.strip()
    return settings.annotator
