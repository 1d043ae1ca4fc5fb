"""A table the user asked for, written as CSV: UTF-8 with a byte-order mark, so spreadsheets
read the Chinese; a failure shown to the user, not raised."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.spreadsheet import SafeCsvWriter


def write_csv(parent: QWidget, caption: str, path: Path, rows: Iterable[Sequence[object]]) -> bool:
    """Write ``rows`` to ``path``; on failure say why in a box titled ``caption``."""
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as file:
            SafeCsvWriter(file).writerows(rows)
    except OSError as error:
        reason = QCoreApplication.translate("CsvFile", "Could not write {0}: {1}")
        QMessageBox.warning(parent, caption, reason.format(path, error.strerror or error))
        return False
    return True


def ask_csv_path(parent: QWidget, caption: str, suggested: str) -> Path | None:
    """Where the user wants a CSV file written (``suggested`` its proposed name); None when
    they cancel."""
    path, _ = QFileDialog.getSaveFileName(
        parent, caption, suggested, QCoreApplication.translate("CsvFile", "CSV files (*.csv)")
    )
    return Path(path) if path else None
