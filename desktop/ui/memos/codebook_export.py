"""File > Export codebook…: the codebook as a REFI-QDA .qdc for other QDA tools, or as
Markdown, HTML or Word for a paper's appendix (the suffix chooses), captioned in the
interface language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.exports.codebook import CODEBOOK_SUFFIXES, export_codebook
from desktop.core.exports.output import UnsafeTarget, check_export_target
from desktop.core.exports.qdc import BadCodebook
from desktop.core.exports.rich_text import UnknownDocumentFormat
from desktop.ui.common.messages import error_text, translated
from desktop.ui.workspace import Workspace


def choose_and_export_codebook(workspace: Workspace, parent: QWidget) -> Path | None:
    """Ask where, write the codebook there, and say how it went; the path written, or None."""
    filters = ";;".join(
        [
            QCoreApplication.translate("CodebookExport", "REFI-QDA codebook (*.qdc)"),
            QCoreApplication.translate("CodebookExport", "Markdown (*.md)"),
            QCoreApplication.translate("CodebookExport", "Web page (*.html)"),
            QCoreApplication.translate("CodebookExport", "Word document (*.docx)"),
        ]
    )
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CodebookExport", "Export codebook"),
        "codebook.qdc",
        filters,
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in CODEBOOK_SUFFIXES:
        # The filter chosen gives the suffix a name typed without one lacks.
        suffix = next((s for s in CODEBOOK_SUFFIXES if f"*{s}" in chosen), ".qdc")
        path = path.with_name(path.name + suffix)
    return export_codebook_to(workspace, path, parent)


def export_codebook_to(workspace: Workspace, path: Path, parent: QWidget) -> Path | None:
    try:
        check_export_target(path, workspace.store.path)
        # The document's captions in the interface language (the CLI writes English).
        count = export_codebook(workspace.store, path, translated)
    except (BadCodebook, UnknownDocumentFormat, UnsafeTarget) as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("CodebookExport", "Export codebook"),
            error_text(error),
        )
        return None
    except OSError as error:
        reason = error.strerror or str(error)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("CodebookExport", "Export codebook"),
            QCoreApplication.translate("CodebookExport", "Could not write {0}: {1}").format(
                path, reason
            ),
        )
        return None
    workspace.message.emit(
        QCoreApplication.translate(
            "CodebookExport", "Codebook of {0} labels written to {1}"
        ).format(count, path)
    )
    return path
