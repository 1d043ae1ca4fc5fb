"""File > Prepare coder projects…: who codes, how much they share, where the files go."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)


class PrepareDialog(QDialog):
    """Asks for the coders' names, the shared share, the seed and the folder."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare coder projects"))
        self.coders = QLineEdit()
        self.coders.setPlaceholderText(self.tr("names, separated by spaces or commas"))
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(0.0, 1.0)
        self.overlap.setSingleStep(0.05)
        self.overlap.setValue(0.2)
        self.overlap.setToolTip(self.tr("The share of documents every coder gets, for reliability"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setToolTip(self.tr("The same seed gives the same split"))
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder)
        where.addWidget(browse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Coders:"), self.coders)
        form.addRow(self.tr("Shared by all:"), self.overlap)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Folder:"), where)
        form.addRow(self.buttons)
        self.coders.textChanged.connect(self._enable)
        self._enable()

    def coder_names(self) -> list[str]:
        return [name for name in re.split(r"[\s,，、;；]+", self.coders.text()) if name]

    def target(self) -> Path:
        return Path(self.folder.text().strip())

    def _enable(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.coder_names()) and bool(self.folder.text().strip()))

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the coder projects"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self._enable()
