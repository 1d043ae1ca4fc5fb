"""Editing the project's label scheme: add, rename, recolour, re-parent, set a key, delete (with a
warning naming how many tags go with it), and import or export a scheme as JSON. Each change is
written at once, in its own transaction.

The window's undo history survives these edits: tag commands name labels by id, and no edit but
a deletion removes one; a deletion is itself a command on that history, which puts the label,
its sub-labels and their tags back with their ids."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exports.selection import label_paths
from desktop.core.labels import LABEL_PATH_SEPARATOR, BadScheme, load_scheme, scheme_to_json
from desktop.core.model import Annotation, Label
from desktop.core.store import Store, StoreError
from desktop.core.store.labels import DeletedLabels
from desktop.ui.common.codebook_tips import codebook_tooltip
from desktop.ui.common.colors import swatch
from desktop.ui.common.fitting import add_name_item, elided, fit_to_screen, keep_narrow
from desktop.ui.common.language import interface_language
from desktop.ui.common.messages import error_text
from desktop.ui.common.undo_failure import UndoFailed, reporter

_ID = Qt.ItemDataRole.UserRole
# The name column fits the names up to this width; longer names are elided (tooltip whole).
NAME_COLUMN_MAX_WIDTH = 320


class DeleteLabel(QUndoCommand):
    """Delete a label with its sub-labels and tags; undo puts them all back, ids included."""

    def __init__(
        self,
        store: Store,
        label_id: int,
        name: str,
        refresh: Callable[[], None],
        failed: UndoFailed | None = None,
    ) -> None:
        super().__init__()
        self.store, self.label_id, self.refresh = store, label_id, refresh
        self.failed = failed
        self.deleted: DeletedLabels | None = None
        self.words = lambda: QCoreApplication.translate("LabelEditor", 'delete label "{0}"').format(
            elided(name)
        )
        self.setText(self.words())

    def redo(self) -> None:
        self.deleted = self.store.delete_label(self.label_id)
        self.refresh()

    def undo(self) -> None:
        assert self.deleted is not None
        try:
            self.store.restore_labels(self.deleted)
        except StoreError as error:  # e.g. a label of the same name was added since
            if self.failed is None:
                raise
            self.failed(error_text(error))
        self.refresh()


class LabelEditor(QDialog):
    """``undo_stack``: the window's history, where a deletion goes (None: deletion is final);
    ``refresh``: what a deletion, or its undo, calls to show the scheme again (it may run after
    this dialog is closed; None: the dialog's schemeChanged)."""

    schemeChanged = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
        refresh: Callable[[], None] | None = None,
        current_tag: Callable[[], Annotation | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        # The tag selected in the window, which "Pin the selected tag" makes the example.
        self.current_tag = current_tag
        self.undo_stack = undo_stack
        self._refresh = refresh
        self.setWindowTitle(self.tr("Labels"))
        self.resize(620, 600)  # the tree above the label and codebook fields
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Label"), self.tr("Key"), self.tr("Description")])
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._fill)
        self.name = QLineEdit()
        self.name.editingFinished.connect(lambda: self._change(name=self.name.text().strip()))
        self.shortcut = QLineEdit()
        self.shortcut.setMaxLength(1)
        self.shortcut.editingFinished.connect(lambda: self._change(shortcut=self.shortcut.text()))
        self.description = QLineEdit()
        self.description.editingFinished.connect(
            lambda: self._change(description=self.description.text())
        )
        # The codebook: what the label means (its description is its definition).
        self.use_when = QLineEdit()
        self.not_use_when = QLineEdit()
        self.example = QLineEdit()
        for field, name in (
            (self.use_when, "use_when"),
            (self.not_use_when, "not_use_when"),
            (self.example, "example"),
        ):
            field.editingFinished.connect(
                lambda f=field, n=name: self._change_codebook(**{n: f.text()})
            )
        self.pin = QPushButton(self.tr("Pin the selected tag as example"))
        self.pin.clicked.connect(self._pin_example)
        self.parent_choice = QComboBox()
        keep_narrow(self.parent_choice)
        self.parent_choice.activated.connect(
            lambda: self._change(parent_id=self.parent_choice.currentData())
        )
        colour = QPushButton(self.tr("Colour…"))
        colour.clicked.connect(self._choose_colour)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Key"), self.shortcut)
        form.addRow(self.tr("Definition"), self.description)
        form.addRow(self.tr("When to use"), self.use_when)
        form.addRow(self.tr("When not to use"), self.not_use_when)
        form.addRow(self.tr("Example"), self.example)
        form.addRow("", self.pin)
        form.addRow(self.tr("Under"), self.parent_choice)
        form.addRow("", colour)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add label"), lambda: self._add(None)),
            (self.tr("Add sub-label"), self._add_below_current),
            (self.tr("Merge into…"), self._merge),
            (self.tr("Delete…"), self._delete),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        more = QHBoxLayout()
        for text, slot in (
            (self.tr("Move up"), lambda: self.move_label(-1)),
            (self.tr("Move down"), lambda: self.move_label(1)),
            (self.tr("Import scheme…"), self._import),
            (self.tr("Export scheme…"), self._export),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            more.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addWidget(close)
        self.reload()
        fit_to_screen(self)

    def reload(self, select: int | None = None) -> None:
        labels = self.store.labels()
        codebook = self.store.codebook_entries()
        with_memos = self.store.targets_with_memos("label")
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for label in labels:  # parents come before children in position order
            # ✎: the label carries memos (the Memos panel shows them).
            shown_name = f"{label.name} ✎" if label.id in with_memos else label.name
            item = QTreeWidgetItem([shown_name, label.shortcut, label.description])
            item.setIcon(0, swatch(label.color))
            tip = codebook_tooltip(codebook[label.id]) if label.id in codebook else ""
            item.setToolTip(0, tip or label.name)
            item.setToolTip(2, label.description)
            item.setData(0, _ID, label.id)
            parent = items.get(label.parent_id) if label.parent_id is not None else None
            (parent.addChild(item) if parent is not None else self.tree.addTopLevelItem(item))
            items[label.id] = item
        self.tree.expandAll()
        # The names get the room they need (up to a cap), the description what is left: it
        # used to take the width and cut the names ("Epide…").
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), NAME_COLUMN_MAX_WIDTH))
        self.parent_choice.clear()
        self.parent_choice.addItem(self.tr("(top level)"), None)
        for label in labels:
            add_name_item(self.parent_choice, label.name, label.id)
        if select is not None and select in items:
            self.tree.setCurrentItem(items[select])

    def current_label(self) -> Label | None:
        item = self.tree.currentItem()
        return self.store.label(int(item.data(0, _ID))) if item is not None else None

    def _fill(self) -> None:
        label = self.current_label()
        if label is None:
            return
        self.name.setText(label.name)
        self.shortcut.setText(label.shortcut)
        self.description.setText(label.description)
        entry = self.store.codebook_entry(label.id)
        self.use_when.setText(entry.use_when)
        self.not_use_when.setText(entry.not_use_when)
        self.example.setText(entry.example or entry.example_tag_text)
        self.parent_choice.setCurrentIndex(max(self.parent_choice.findData(label.parent_id), 0))

    def _change(self, **changes: object) -> None:
        label = self.current_label()
        if label is None or all(getattr(label, key) == value for key, value in changes.items()):
            return
        if changes.get("name") == "":
            return
        if not self._name_allowed(str(changes.get("name", ""))):
            self.reload(select=label.id)  # the old name back in the field
            return
        try:
            self.store.update_label(label.id, **changes)
        except (StoreError, ValueError) as error:
            # The stored name (key, parent) back in the fields before the user reads why.
            self.reload(select=label.id)
            self._refused(error)
            return
        self.reload(select=label.id)
        self.schemeChanged.emit()

    def _change_codebook(self, **fields: object) -> None:
        """Set a codebook field of the current label (one transaction)."""
        label = self.current_label()
        if label is None:
            return
        entry = self.store.codebook_entry(label.id)
        if all(getattr(entry, key) == value for key, value in fields.items()):
            return
        if fields.get("example") == entry.example_tag_text and not entry.example:
            return  # the pinned tag's words shown in the field, not typed
        try:
            self.store.set_codebook_entry(label.id, **fields)
        except (StoreError, ValueError, KeyError) as error:
            self.reload(select=label.id)
            self._refused(error)
            return
        self.reload(select=label.id)
        self.schemeChanged.emit()

    def _pin_example(self) -> None:
        """The tag selected in the window becomes the label's example."""
        label = self.current_label()
        tag = self.current_tag() if self.current_tag is not None else None
        if label is None:
            return
        if tag is None or tag.label_id != label.id:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("Select a tag with this label in the Tags tab first."),
            )
            return
        self._change_codebook(example_tag_id=tag.id, example="")

    def _refused(self, error: Exception) -> None:
        """Say in a sentence why the store refused a change (never SQL, never a traceback)."""
        reason = error_text(error).splitlines()[0].rstrip(".")
        QMessageBox.warning(self, self.windowTitle(), self.tr("Not changed: {0}.").format(reason))

    def _choose_colour(self) -> None:
        label = self.current_label()
        if label is None:
            return
        colour = QColorDialog.getColor(QColor(label.color), self)
        if colour.isValid():
            self._change(color=colour.name())

    def _add(self, parent_id: int | None) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("New label"), self.tr("Name:"))
        if not accepted or not name.strip() or not self._name_allowed(name):
            return
        try:
            label = self.store.add_label(name.strip(), parent_id=parent_id)
        except StoreError as error:  # a repeated name: the store says so in a sentence
            self._refused(error)
            return
        self.reload(select=label.id)
        self.schemeChanged.emit()

    def _name_allowed(self, name: str) -> bool:
        """Refuse (and say why) a name with the separator of label paths: exports name a label
        by its path from the top ("Support measures/Labour"), so it would read back as two."""
        if LABEL_PATH_SEPARATOR not in name:
            return True
        QMessageBox.warning(
            self,
            self.windowTitle(),
            self.tr(
                'A label name cannot contain "/": exports use it between a label and its '
                "sub-labels. Use a sub-label instead."
            ),
        )
        return False

    def _add_below_current(self) -> None:
        label = self.current_label()
        self._add(label.id if label else None)

    def _delete(self) -> None:
        label = self.current_label()
        if label is None:
            return
        count = self.store.annotations_using_label(label.id)
        if self.undo_stack is not None:
            question = self.tr(
                'Delete "{0}", its sub-labels and the {1} tags that use them? '
                "Edit > Undo brings them back."
            )
        else:
            question = self.tr(
                'Delete "{0}", its sub-labels and the {1} tags that use them? '
                "This cannot be undone."
            )
        answer = QMessageBox.question(
            self, self.tr("Delete label"), question.format(label.name, count)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            if self.undo_stack is not None:
                refresh = self._refresh or self.schemeChanged.emit
                # The window outlives this dialog: undo may come after it is closed.
                failed = reporter(self.undo_stack, self.parentWidget() or self)
                command = DeleteLabel(self.store, label.id, label.name, refresh, failed)
                self.undo_stack.push(command)
            else:
                self.store.delete_label(label.id)
                self.schemeChanged.emit()
        except StoreError as error:
            self._refused(error)
        self.reload()

    def move_label(self, step: int) -> None:
        """Move the label up (-1) or down (1) among its siblings; keys and tags stay."""
        label = self.current_label()
        if label is None:
            return
        siblings = [lb.id for lb in self.store.labels() if lb.parent_id == label.parent_id]
        place = siblings.index(label.id)
        other = place + step
        if not 0 <= other < len(siblings):
            return
        siblings[place], siblings[other] = siblings[other], siblings[place]
        try:
            self.store.reorder_labels(label.parent_id, siblings)
        except (StoreError, ValueError) as error:
            self._refused(error)
            return
        self.reload(select=label.id)
        self.schemeChanged.emit()

    def _merge(self) -> None:
        """Merge the label into another chosen from a list: its tags (and sub-labels) move."""
        label = self.current_label()
        if label is None:
            return
        paths = label_paths(self.store.labels())
        inside = {label.id} | self._sub_label_ids(label.id)
        choices = {path: i for i, path in paths.items() if i not in inside}
        if not choices:
            return
        names = sorted(choices)
        chosen, accepted = QInputDialog.getItem(
            self, self.tr("Merge label"), self.tr("Merge into:"), names, 0, False
        )
        if accepted and chosen:
            self.merge(label.id, choices[chosen])

    def merge(self, source_id: int, target_id: int) -> None:
        """Ask, then merge label ``source_id`` into ``target_id`` in one transaction."""
        source, target = self.store.label(source_id), self.store.label(target_id)
        count = self.store.annotations_using_label(source_id)
        question = self.tr(
            'Merge "{0}" into "{1}"? Its {2} tags and its sub-labels move to "{1}" and "{0}" '
            "is removed. This clears the undo history."
        )
        answer = QMessageBox.question(
            self,
            self.tr("Merge label"),
            question.format(elided(source.name), elided(target.name), count),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.merge_label(source_id, target_id)
        except (StoreError, KeyError) as error:
            self._refused(error)
            return
        if self.undo_stack is not None:
            # Commands naming the merged label could no longer be undone or redone.
            self.undo_stack.clear()
        self.reload(select=target_id)
        self.schemeChanged.emit()

    def _sub_label_ids(self, label_id: int) -> set[int]:
        labels = self.store.labels()
        found: set[int] = set()
        frontier = {label_id}
        while frontier:
            frontier = {lb.id for lb in labels if lb.parent_id in frontier} - found
            found |= frontier
        return found

    def _import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a label scheme"), "", self.tr("Label schemes (*.json)")
        )
        if not name:
            return
        try:
            # A scheme that gives its words in several languages comes in the window's.
            added = self.store.install_scheme(load_scheme(Path(name), interface_language()))
        except BadScheme as error:
            QMessageBox.warning(self, self.windowTitle(), error_text(error))
            return
        except StoreError as error:
            self._refused(error)
            return
        self.reload()
        self.schemeChanged.emit()
        QMessageBox.information(self, self.windowTitle(), self.tr("%n label(s) added.", "", added))

    def _export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the label scheme"),
            "labels.json",
            self.tr("Label schemes (*.json)"),
        )
        if name:
            data = scheme_to_json(self.store.scheme())
            Path(name).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
