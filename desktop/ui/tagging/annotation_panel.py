"""The document's tags: a list (click to select, Delete to remove) and an editor for the chosen
tag's label, note and attributes. Edits go out as signals; the window turns them into undoable
commands, so this panel never writes to the store itself."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.labels import AttributeSpec
from desktop.core.memos import CodebookEntry
from desktop.core.model import Annotation, Label
from desktop.ui.common.codebook_tips import codebook_tooltip
from desktop.ui.common.colors import swatch
from desktop.ui.common.display_names import shown

_ID = Qt.ItemDataRole.UserRole
_ROOT = QModelIndex()


def label_caption(label: Label) -> str:
    """A label's name with the key that tags with it, so the key is learned where the label
    is picked: "Labour  [6]"."""
    return f"{label.name}  [{label.shortcut}]" if label.shortcut else label.name


class TagListModel(QStringListModel):
    """The tags of one document; a reset is cheap however many there are (the view is lazy).

    A string list model only for its row count, kept in C++ (its strings stay empty, ``data``
    answers from the tags): the list view lays out all rows after a row is inserted, asking
    the count once a row, and a count in Python cost some milliseconds a tag (issue 13)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.annotations: list[Annotation] = []
        self.colors: dict[int, str] = {}
        self._rows: dict[int, int] = {}
        # In a team's project one place may hold a tag of each coder: each row then names its
        # annotator, or the rows would look alike.
        self.names_annotators = False

    def reset(self, annotations: Sequence[Annotation], colors: dict[int, str]) -> None:
        self.annotations = list(annotations)
        self.colors = colors
        self.names_annotators = _several_annotators(self.annotations)
        self._rows = {a.id: row for row, a in enumerate(self.annotations)}
        self.setStringList([""] * len(self.annotations))  # the count; resets the model

    def update(self, annotations: Sequence[Annotation], colors: dict[int, str]) -> None:
        """Show ``annotations`` by changing only the rows that differ from those shown: after
        one tag is added or removed, one row is inserted or removed. A reset would make the
        view lay out every row again and lose its current row: with 2,000 tags that was most
        of the time a tag took to show (issue 13)."""
        new = list(annotations)
        old = self.annotations
        # The rows alike at both ends (by id) stay; those between are replaced.
        limit = min(len(old), len(new))
        head = 0
        while head < limit and old[head].id == new[head].id:
            head += 1
        tail = 0
        while tail < limit - head and old[-1 - tail].id == new[-1 - tail].id:
            tail += 1
        if head < len(old) - tail:
            self.removeRows(head, len(old) - tail - head)  # answered from old meanwhile
        self.annotations = new
        if head < len(new) - tail:
            self.insertRows(head, len(new) - tail - head)
        self._rows = {a.id: row for row, a in enumerate(new)}
        # A kept row may show a changed tag (its note, label) or colour; the store gives back
        # the very same object for a tag that did not change, so an identity test finds them.
        changed = [row for row in range(head) if old[row] is not new[row]] + [
            len(new) - 1 - back for back in range(tail) if old[-1 - back] is not new[-1 - back]
        ]
        names_annotators = _several_annotators(new)
        if colors != self.colors or names_annotators != self.names_annotators:
            changed = list(range(len(new)))
        self.colors, self.names_annotators = colors, names_annotators
        if changed:
            self.dataChanged.emit(self.index(min(changed)), self.index(max(changed)))

    def row_of(self, annotation_id: int) -> int | None:
        return self._rows.get(annotation_id)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # Shown, not edited here (a string list's rows would be editable, and draggable).
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        annotation = self.annotations[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # ✎: the tag carries a memo (its note).
            mark = "✎ " if annotation.note else ""
            shown = f"{mark}{annotation.label} · {annotation.text[:40]}"
            return f"{shown} — {annotation.annotator}" if self._named(annotation) else shown
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch(self.colors.get(annotation.label_id, "#888888"))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = annotation.note or annotation.text
            return f"{annotation.annotator}: {tip}" if self._named(annotation) else tip
        if role == _ID:
            return annotation.id
        return None

    def _named(self, annotation: Annotation) -> bool:
        return self.names_annotators and bool(annotation.annotator)


def _several_annotators(annotations: Sequence[Annotation]) -> bool:
    first = annotations[0].annotator if annotations else ""
    return any(annotation.annotator != first for annotation in annotations)


class TagList(QListView):
    deleteRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and index.isValid():
            self.deleteRequested.emit(int(index.data(_ID)))
            return
        super().keyPressEvent(event)


class AnnotationPanel(QWidget):
    spanChosen = Signal(int, int)
    deleteRequested = Signal(int)
    # annotation id, and the changes: {"label_id": …} / {"note": …} / {"attributes": {…}}
    changeRequested = Signal(int, dict)
    # The tag being edited changed: its id, or None (the Memos panel follows it).
    currentTagChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.annotations: dict[int, Annotation] = {}
        self.labels: list[Label] = []
        self.attribute_specs: list[AttributeSpec] = []
        self._current: Annotation | None = None
        self._filling = False
        self._offered: dict[str, list[str]] = {}  # per attribute: the values its field offers

        self.model = TagListModel(self)
        self.list = TagList()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self.list.clicked.connect(self._choose)
        self.list.deleteRequested.connect(self.deleteRequested)
        self.label_choice = QComboBox()
        self.label_choice.activated.connect(self._label_changed)
        self.note = QLineEdit()
        self.note.editingFinished.connect(self._note_changed)
        self.form = QFormLayout()
        self.form.addRow("", self.label_choice)
        self.form.addRow("", self.note)
        self.attribute_fields: dict[str, QComboBox] = {}
        self.retranslate()
        self.editor = QWidget()
        self.editor.setLayout(self.form)
        self.editor.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.editor)

    def set_scheme(
        self,
        labels: Sequence[Label],
        attributes: Sequence[AttributeSpec],
        codebook: Mapping[int, CodebookEntry] | None = None,
    ) -> None:
        """The labels to offer (``codebook``: their entries, shown as tooltips) and the
        attributes to edit."""
        self.labels = list(labels)
        self.label_choice.clear()
        for label in self.labels:
            self.label_choice.addItem(swatch(label.color), label_caption(label), label.id)
            entry = (codebook or {}).get(label.id) or CodebookEntry(label.id, label.description)
            self.label_choice.setItemData(
                self.label_choice.count() - 1,
                codebook_tooltip(entry),
                Qt.ItemDataRole.ToolTipRole,
            )
        for field in self.attribute_fields.values():
            self.form.removeRow(field)
        self.attribute_fields.clear()
        self._offered.clear()
        self.attribute_specs = list(attributes)
        for spec in self.attribute_specs:
            field = QComboBox()
            field.setEditable(spec.kind == "text")
            self._offer(field, list(spec.values))
            self._offered[spec.name] = list(spec.values)
            field.setToolTip(spec.description)
            field.activated.connect(self._attributes_changed)
            editor = field.lineEdit()
            if editor is not None:
                editor.editingFinished.connect(self._attributes_changed)
            self.form.addRow(shown(spec.label), field)
            self.attribute_fields[spec.name] = field

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The editor's words in the language now installed (it switches without a restart)."""
        self.note.setPlaceholderText(self.tr("Note"))
        captions = {self.label_choice: self.tr("Label"), self.note: self.tr("Note")}
        for spec in self.attribute_specs:
            captions[self.attribute_fields[spec.name]] = shown(spec.label)
        for field, caption in captions.items():
            label = self.form.labelForField(field)
            if isinstance(label, QLabel):
                label.setText(caption)
        for field in self.attribute_fields.values():
            if not field.isEditable():
                for index in range(1, field.count()):
                    field.setItemText(index, shown(str(field.itemData(index))))

    def show_annotations(
        self, annotations: Sequence[Annotation], suggestions: dict[str, list[str]]
    ) -> None:
        """List the tags; ``suggestions``: values to offer per entity type (PERSON names…)."""
        current_id = self._current.id if self._current else None
        self.annotations = {a.id: a for a in annotations}
        # The tag being edited is now what the store holds: pending edits compare with that.
        self._current = self.annotations.get(current_id) if current_id is not None else None
        with self._filling_editor():
            self.model.update(annotations, {label.id: label.color for label in self.labels})
            if self._current is not None:
                self.select_annotation(self._current.id)
            else:  # as after a reset: no row is current once the tag edited is gone
                self.clear_current()
            for spec in self.attribute_specs:
                # This document's people and dates, not those of every document shown before
                # (issue 13); refilled only when they differ, as most refreshes follow an edit.
                values = list(
                    dict.fromkeys([*spec.values, *suggestions.get(spec.suggest_from, [])])
                )
                if self._offered.get(spec.name) != values:
                    self._offer(self.attribute_fields[spec.name], values)
                    self._offered[spec.name] = values
        self._fill_editor(self._current)

    @staticmethod
    def _offer(field: QComboBox, values: list[str]) -> None:
        """Offer ``values``: typed ones as they are; a choice's shown in the interface language
        (a tag keeps the scheme's value, "mandatory", whatever the language)."""
        field.clear()
        field.addItem("", "")
        for value in values:
            if value:
                field.addItem(value if field.isEditable() else shown(value), value)

    @property
    def current(self) -> Annotation | None:
        """The tag being edited (the list's current row)."""
        return self._current

    def select_annotation(self, annotation_id: int) -> None:
        row = self.model.row_of(annotation_id)
        if row is None:
            return
        index = self.model.index(row)
        # Already current and selected: setting it again costs a relayout and changes nothing.
        if self.list.currentIndex() != index or not self.list.selectionModel().isSelected(index):
            self.list.setCurrentIndex(index)

    def clear_current(self) -> None:
        self.list.setCurrentIndex(QModelIndex())

    def _on_current(self, index: QModelIndex) -> None:
        if not self._filling:
            annotation_id = index.data(_ID) if index.isValid() else None
            self._fill_editor(self.annotations.get(int(annotation_id)) if annotation_id else None)

    def _choose(self, index: QModelIndex) -> None:
        annotation = self.annotations.get(int(index.data(_ID)))
        if annotation is not None:
            self.spanChosen.emit(annotation.start, annotation.end)

    def _fill_editor(self, annotation: Annotation | None) -> None:
        """Show a tag in the editor. Filling never edits: the widgets' signals are blocked,
        or the refresh after an edit would edit again, endlessly (issue 13)."""
        leaving = self._current
        # A note typed but not yet confirmed belongs to the tag being left, not to nothing;
        # it is committed once the editor shows the new tag, so the refresh it causes keeps
        # the new tag current.
        pending_note = (
            self.note.text()
            if leaving is not None
            and (annotation is None or annotation.id != leaving.id)
            and self.note.text() != leaving.note
            else None
        )
        # A refresh of the same tag (its entities found meanwhile) keeps a note being typed.
        typing = (
            leaving is not None
            and annotation is not None
            and annotation.id == leaving.id
            and self.note.isModified()
            and self.note.text() != annotation.note
        )
        self._current = annotation
        if (leaving.id if leaving else None) != (annotation.id if annotation else None):
            self.currentTagChanged.emit(annotation.id if annotation else None)
        self.editor.setEnabled(annotation is not None)
        if annotation is not None:
            with self._filling_editor():
                self.label_choice.setCurrentIndex(self.label_choice.findData(annotation.label_id))
                if not typing:
                    self.note.setText(annotation.note)
                for name, field in self.attribute_fields.items():
                    value = str(annotation.attributes.get(name, ""))
                    index = field.findData(value)
                    if index < 0 and field.isEditable():
                        field.setEditText(value)
                    else:
                        field.setCurrentIndex(max(index, 0))
        if leaving is not None and pending_note is not None:
            self.changeRequested.emit(leaving.id, {"note": pending_note})

    @contextmanager
    def _filling_editor(self) -> Iterator[None]:
        """While the model fills the list and editor: no widget speaks as if the user did."""
        # (The list's selection is left alone, the view needs it; _filling guards _on_current.)
        widgets: list[QObject] = [self.label_choice, self.note]
        for field in self.attribute_fields.values():
            line = field.lineEdit()
            widgets += [field] if line is None else [field, line]
        was_blocked = [widget.blockSignals(True) for widget in widgets]
        self._filling = True
        try:
            yield
        finally:
            self._filling = False
            for widget, blocked in zip(widgets, was_blocked, strict=True):
                widget.blockSignals(blocked)

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
        values = {name: _value(field) for name, field in self.attribute_fields.items()}
        values = {name: value for name, value in values.items() if value}
        if values != self._current.attributes:
            self.changeRequested.emit(self._current.id, {"attributes": values})


def _value(field: QComboBox) -> str:
    """What a field holds: the text typed, or the chosen value as the scheme names it."""
    return field.currentText() if field.isEditable() else str(field.currentData() or "")
