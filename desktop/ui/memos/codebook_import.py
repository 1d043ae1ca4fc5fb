"""A REFI-QDA codebook (.qdc) dropped on the window or chosen from File > Import codebook…:
its codes start or extend the project's labels. Definitions the project has are kept (and
named); a file Jiyao refuses is named with its first reason and line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.exports.qdc import BadCodebook, read_qdc
from desktop.core.store import StoreError
from desktop.ui.common.messages import error_text
from desktop.ui.workspace import Workspace

CODEBOOK_SUFFIX = ".qdc"


def codebook_paths(paths: Sequence[Path]) -> list[Path]:
    """The paths that are codebooks (by suffix)."""
    return [path for path in paths if path.suffix.lower() == CODEBOOK_SUFFIX]


def choose_and_import_codebook(workspace: Workspace, parent: QWidget) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CodebookImport", "Import codebook"),
        "",
        QCoreApplication.translate("CodebookImport", "REFI-QDA codebook (*.qdc)"),
    )
    if name:
        import_codebooks(workspace, [Path(name)], parent)


def import_codebooks(workspace: Workspace, paths: Sequence[Path], parent: QWidget) -> int:
    """Take each codebook into the project (one transaction each) and report; returns how
    many labels were added."""
    translate = QCoreApplication.translate
    lines, added, merged = [], 0, False
    for path in paths:
        try:
            merge = workspace.store.merge_codebook(read_qdc(path))
        except (BadCodebook, StoreError) as error:
            lines.append(translate("CodebookImport", "Refused {0}").format(error_text(error)))
            continue
        added += len(merge.added)
        merged = True
        lines.append(
            translate("CodebookImport", "{0}: {1} labels added, {2} given a definition").format(
                path.name, len(merge.added), len(merge.filled)
            )
        )
        if merge.kept:
            lines.append(
                translate(
                    "CodebookImport",
                    "Kept the project's own definitions of: {0} (the codebook's differ)",
                ).format(", ".join(merge.kept))
            )
    if merged:  # new labels, or definitions (tooltips) filled in
        workspace.labelsChanged.emit()
    QMessageBox.information(
        parent, translate("CodebookImport", "Import codebook"), "\n".join(lines)
    )
    return added
