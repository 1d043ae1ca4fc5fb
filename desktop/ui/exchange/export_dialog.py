"""File > Export's dialog: the format, where to write, which text, which documents and tags.

It only gathers the choices (and remembers them for next time); the export itself runs in the
background through :class:`~desktop.ui.exchange.exporting.ExchangeController`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.conversion import CONFIGS
from desktop.core.exports.formats import FORMATS, ExportFormat
from desktop.core.exports.selection import ExportOptions, label_paths
from desktop.core.model import Status
from desktop.core.store import Store
from desktop.ui.common.fitting import add_name_item, fit_to_screen, keep_narrow
from desktop.ui.common.settings import Settings

# The suffixes of the formats that write a file: only these are the format's, not the name's.
FILE_SUFFIXES = frozenset(f.suffix.lower() for f in FORMATS.values() if f.target == "file")


class ExportDialog(QDialog):
    """The format, where to write, which text, and which documents and tags."""

    ALL_DOCUMENTS, CURRENT_DOCUMENT, DONE_DOCUMENTS = range(3)

    def __init__(
        self,
        store: Store,
        current_document: int | None,
        parent: QWidget,
        settings: Settings | None = None,
    ) -> None:
        """``settings``: the window's, where the last choices are remembered (when None, a
        Settings of its own over the same file)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export annotated set"))
        self.current_document = current_document
        # A bare or relative name is written here, not in the process's working directory
        # (which is / for a desktop launch).
        self.project_folder = store.path.absolute().parent
        self.settings = settings if settings is not None else Settings()
        self.format = QComboBox()
        titles = self._format_titles()
        for export_format in FORMATS.values():
            self.format.addItem(
                titles.get(export_format.name, export_format.title), export_format.name
            )
        self.path = QLineEdit()
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        self.documents = QComboBox()
        self.documents.addItems(
            [
                self.tr("All documents"),
                self.tr("The current document"),
                self.tr("Documents marked done"),
            ]
        )
        if current_document is None:
            self.documents.model().item(self.CURRENT_DOCUMENT).setEnabled(False)  # type: ignore[attr-defined]
        self.labels = QComboBox()
        self.labels.addItem(self.tr("All labels"), "")
        for path in sorted(label_paths(store.labels()).values()):
            add_name_item(self.labels, path, path)
        self.annotator = QComboBox()
        self.annotator.addItem(self.tr("All annotators"), "")
        for name in store.annotators():
            add_name_item(self.annotator, name or self.tr("(no name)"), name)
        for combo in (self.labels, self.annotator):
            keep_narrow(combo)  # one long label name made the dialog wider than the screen
        self.text = QComboBox()
        self.text.addItem(self.tr("The clean original"), "original")
        self.text.addItem(self.tr("The converted text (natural conversion)"), "")
        for config in CONFIGS:
            self.text.addItem(self.tr("The converted text ({0})").format(config), config)
        self.entities = QCheckBox(self.tr("Include the entity layer (people, places, dates…)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Write to:"), where)
        form.addRow(self.tr("Documents:"), self.documents)
        form.addRow(self.tr("Labels:"), self.labels)
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Text:"), self.text)
        form.addRow("", self.entities)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.note = QLabel(
            self.tr("Offsets are code points into the exported text, end-exclusive.")
        )
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._restore()
        self.format.currentIndexChanged.connect(self._format_changed)
        self.resize(560, self.sizeHint().height())
        fit_to_screen(self)

    def _format_titles(self) -> dict[str, str]:
        return {
            "csv": self.tr("CSV tables for pandas, R and Excel (folder)"),
            "jsonl": self.tr("JSON Lines, doccano-compatible (.jsonl)"),
            "brat": self.tr("brat standoff .txt + .ann (folder)"),
            "conll": self.tr("CoNLL character BIO for training taggers (folder)"),
            "qdpx": self.tr("REFI-QDA project for NVivo, MAXQDA, ATLAS.ti, QualCoder (.qdpx)"),
            "labelstudio": self.tr("Label Studio tasks (.json)"),
        }

    # Choices ------------------------------------------------------------------------------

    def format_name(self) -> str:
        return str(self.format.currentData())

    def target(self) -> Path:
        """Where the export goes: a relative name in the project's folder, and a file named
        without the format's suffix gets it."""
        target = Path(self.path.text().strip()).expanduser()
        if not target.is_absolute():
            target = self.project_folder / target
        export_format = FORMATS[self.format_name()]
        if export_format.target == "file" and target.suffix.lower() != export_format.suffix:
            target = with_format_suffix(target, export_format)
        return target

    def options(self) -> ExportOptions:
        scope = self.documents.currentIndex()
        text_choice = str(self.text.currentData())
        label = str(self.labels.currentData())
        annotator = self.annotator.currentData()
        return ExportOptions(
            document_ids=(
                (self.current_document,)
                if scope == self.CURRENT_DOCUMENT and self.current_document is not None
                else ()
            ),
            labels=(label,) if label else (),
            annotators=(str(annotator),) if self.annotator.currentIndex() > 0 else (),
            status=Status.DONE if scope == self.DONE_DOCUMENTS else None,
            text="original" if text_choice == "original" else "converted",
            conversion=None if text_choice in ("original", "") else text_choice,
            entities=self.entities.isChecked(),
        )

    def _choose_path(self) -> None:
        export_format = FORMATS[self.format_name()]
        start_at = self.path.text() or str(Path.home())
        if export_format.target == "folder":
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), start_at)
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to file"), start_at, f"*{export_format.suffix}"
            )
            if chosen and not chosen.endswith(export_format.suffix):
                chosen += export_format.suffix
        if chosen:
            self.path.setText(chosen)

    def _format_changed(self) -> None:
        """Keep the place, give the name the new format's suffix."""
        text = self.path.text().strip()
        if text:
            self.path.setText(str(with_format_suffix(Path(text), FORMATS[self.format_name()])))

    def _accept_if_complete(self) -> None:
        if not self.path.text().strip():
            self.note.setText(self.tr("Choose where to write the export."))
            return
        target, writes = self.target(), FORMATS[self.format_name()].target
        if writes == "file" and target.is_dir():
            self.note.setText(self.tr("This format writes a file; the path is a folder."))
            return
        if writes == "folder" and target.exists() and not target.is_dir():
            self.note.setText(self.tr("This format writes a folder; the path is a file."))
            return
        if writes == "folder" and is_non_empty_folder(target) and not self.may_write_into(target):
            return
        self.path.setText(str(target))  # the user sees, and next time gets, the whole path
        self._remember()
        self.accept()

    def may_write_into(self, folder: Path) -> bool:
        """Ask before exporting into a folder that holds files: the export replaces its own
        earlier files there and stops at any others (so nothing of the user's is lost)."""
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "The folder {0} is not empty. Files of an earlier Jiyao export there will be "
                "replaced; other files make the export stop."
            ).format(folder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _remember(self) -> None:
        self.settings.export_choices = {
            "format": self.format_name(),
            "path": self.path.text().strip(),
            "text": str(self.text.currentData()),
            "entities": "yes" if self.entities.isChecked() else "",
        }

    def _restore(self) -> None:
        choices = self.settings.export_choices
        self.format.setCurrentIndex(max(self.format.findData(choices.get("format", "csv")), 0))
        self.path.setText(choices.get("path", ""))
        self.text.setCurrentIndex(max(self.text.findData(choices.get("text", "original")), 0))
        self.entities.setChecked(bool(choices.get("entities")))


def with_format_suffix(path: Path, export_format: ExportFormat) -> Path:
    """``path`` with a file format's suffix in place of another file format's; a suffix of
    the user's own stays ("round.2" is a folder name, not a format)."""
    if path.suffix.lower() in FILE_SUFFIXES:
        path = path.with_suffix("")
    if export_format.target == "file" and export_format.suffix:
        path = path.with_name(path.name + export_format.suffix)
    return path


def is_non_empty_folder(path: Path) -> bool:
    try:
        return path.is_dir() and any(path.iterdir())
    except OSError:  # unreadable: the export itself says why it cannot write there
        return False
