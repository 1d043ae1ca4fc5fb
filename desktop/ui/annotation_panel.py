"""The document's tags: a list (click to select, Delete to remove) and an editor for the chosen
tag's label, note and attributes. Edits go out as signals; the window turns them into undoable
commands, so this panel never writes to the store itself."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.labels import AttributeSpec
from desktop.core.model import Annotation, Label
from desktop.ui.entity_panel import swatch

_ID = Qt.ItemDataRole.UserRole


class TagList(QListWidget):
    deleteRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.deleteRequested.emit(int(item.data(_ID)))
            return
        super().keyPressEvent(event)


class AnnotationPanel(QWidget):
    spanChosen = Signal(int, int)
    deleteRequested = Signal(int)
    # annotation id, and the changes: {"label_id": …} / {"note": …} / {"attributes": {…}}
    changeRequested = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations: dict[int, Annotation] = {}
        self.labels: list[Label] = []
        self.attribute_specs: list[AttributeSpec] = []
        self._current: Annotation | None = None
        self._filling = False

        self.list = TagList()
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemClicked.connect(self._choose)
        self.list.deleteRequested.connect(self.deleteRequested)
        self.label_choice = QComboBox()
        self.label_choice.activated.connect(self._label_changed)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.editingFinished.connect(self._note_changed)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Label"), self.label_choice)
        self.form.addRow(self.tr("Note"), self.note)
        self.attribute_fields: dict[str, QComboBox] = {}
        self.editor = QWidget()
        self.editor.setLayout(self.form)
        self.editor.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)

    def set_scheme(self, labels: Sequence[Label], attributes: Sequence[AttributeSpec]) -> None:
        self.labels = list(labels)
        self.label_choice.clear()
        for label in self.labels:
            self.label_choice.addItem(swatch(label.color), label.name, label.id)
        for field in self.attribute_fields.values():
            self.form.removeRow(field)
        self.attribute_fields.clear()
        self.attribute_specs = list(attributes)
        for spec in self.attribute_specs:
            field = QComboBox()
            field.setEditable(spec.kind == "text")
            field.addItem("")
            field.addItems(list(spec.values))
            field.setToolTip(spec.description)
            field.activated.connect(self._attributes_changed)
            editor = field.lineEdit()
            if editor is not None:
                editor.editingFinished.connect(self._attributes_changed)
            self.form.addRow(spec.label, field)
            self.attribute_fields[spec.name] = field

    def show_annotations(
        self, annotations: Sequence[Annotation], suggestions: dict[str, list[str]]
    ) -> None:
        """List the tags; ``suggestions``: values to offer per entity type (PERSON names…)."""
        current_id = self._current.id if self._current else None
        self.annotations = {a.id: a for a in annotations}
        colors = {label.id: label.color for label in self.labels}
        self._filling = True
        self.list.clear()
        for annotation in annotations:
            item = QListWidgetItem(swatch(colors.get(annotation.label_id, "#888888")),
                                   f"{annotation.label} · {annotation.text[:40]}")  # fmt: skip
            item.setData(_ID, annotation.id)
            item.setToolTip(annotation.note or annotation.text)
            self.list.addItem(item)
            if annotation.id == current_id:
                self.list.setCurrentItem(item)
        for spec in self.attribute_specs:
            field = self.attribute_fields[spec.name]
            for value in suggestions.get(spec.suggest_from, []):
                if field.findText(value) < 0:
                    field.addItem(value)
        self._filling = False
        self._fill_editor(self.annotations.get(current_id) if current_id else None)

    @property
    def current(self) -> Annotation | None:
        """The tag being edited (the list's current row)."""
        return self._current

    def select_annotation(self, annotation_id: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(_ID) == annotation_id:
                self.list.setCurrentItem(item)
                return

    def _on_current(self, item: QListWidgetItem | None) -> None:
        if not self._filling:
            self._fill_editor(self.annotations.get(int(item.data(_ID))) if item else None)

    def _choose(self, item: QListWidgetItem) -> None:
        annotation = self.annotations.get(int(item.data(_ID)))
        if annotation is not None:
            self.spanChosen.emit(annotation.start, annotation.end)

    def _fill_editor(self, annotation: Annotation | None) -> None:
        self._current = annotation
        self.editor.setEnabled(annotation is not None)
        if annotation is None:
            return
        self._filling = True
        self.label_choice.setCurrentIndex(self.label_choice.findData(annotation.label_id))
        self.note.setText(annotation.note)
        for name, field in self.attribute_fields.items():
            value = str(annotation.attributes.get(name, ""))
            index = field.findText(value)
            if index < 0 and field.isEditable():
                field.setEditText(value)
            else:
                field.setCurrentIndex(max(index, 0))
        self._filling = False

    def _label_changed(self) -> None:
        if self._current is not None and not self._filling:
            label_id = self.label_choice.currentData()
            if label_id != self._current.label_id:
                self.changeRequested.emit(self._current.id, {"label_id": label_id})

    def _note_changed(self) -> None:
        current = self._current
        if current is not None and not self._filling and self.note.text() != current.note:
            self.changeRequested.emit(current.id, {"note": self.note.text()})

    def _attributes_changed(self) -> None:
        if self._current is None or self._filling:
            return
        values = {name: field.currentText() for name, field in self.attribute_fields.items()}
        values = {name: value for name, value in values.items() if value}
        if values != self._current.attributes:
            self.changeRequested.emit(self._current.id, {"attributes": values})
