"""What the user does to tag the shown document, each an undoable command (tagging.commands).

A label's key or Ctrl+L tags the selection; Shift+Alt+arrows move the current tag's ends; the
pane's context menu offers the labels and entity marking; the entity panel's corrections and
the label editor's changes come through here too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QWidget

from desktop.core.model import Entity
from desktop.core.store import CorruptProject, StoreError
from desktop.ui.common.codebook_tips import codebook_tooltip
from desktop.ui.common.colors import entity_types, swatch
from desktop.ui.common.language import interface_language
from desktop.ui.common.messages import error_text
from desktop.ui.common.shortcuts import pane_shortcuts
from desktop.ui.tagging.annotation_panel import AnnotationPanel, label_caption
from desktop.ui.tagging.annotator import ask_annotator
from desktop.ui.tagging.commands import (
    AddAnnotation,
    ChangeAnnotation,
    CorrectEntities,
    DeleteAnnotation,
    adjusted,
)
from desktop.ui.tagging.document_view import DocumentView
from desktop.ui.tagging.label_editor import LabelEditor
from desktop.ui.tagging.label_palette import LabelPalette
from desktop.ui.workspace import Workspace


class TagActions(QObject):
    """Tagging and entity corrections on the workspace's current document, pushed on its undo
    stack; each command announces what it changed (``annotationsChanged``,
    ``entitiesChanged``, ``labelsChanged``) on the workspace. ``reader`` is where the text is
    selected, ``annotation_panel`` where the current tag is; ``parent`` owns the dialogs."""

    def __init__(
        self,
        workspace: Workspace,
        reader: DocumentView,
        annotation_panel: AnnotationPanel,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.reader = reader
        self.annotation_panel = annotation_panel
        self._parent = parent
        self._label_shortcuts: list[QShortcut] = []

    # Labels -----------------------------------------------------------------------------

    def load_scheme(self) -> None:
        """The project's labels, each on its key: install the default scheme into a project
        that has none."""
        store = self.workspace.store
        # A damaged project is written to by nothing: the window says it is damaged.
        with contextlib.suppress(CorruptProject):
            store.install_default_scheme_if_empty(interface_language())
        labels = store.labels()
        self.annotation_panel.set_scheme(labels, store.attributes(), store.codebook_entries())
        for shortcut in self._label_shortcuts:
            shortcut.setParent(None)
        self._label_shortcuts = []
        panes = (self.reader.original, self.reader.converted)
        for label in labels:
            if label.shortcut:
                self._label_shortcuts += pane_shortcuts(
                    panes, QKeySequence(label.shortcut), partial(self.tag_selection, label.id)
                )

    def edit_labels(self) -> None:
        # A deletion goes on the undo history, and refreshes what shows labels even after undo.
        workspace = self.workspace
        editor = LabelEditor(
            workspace.store,
            self._parent,
            workspace.undo_stack,
            self._scheme_changed,
            lambda: self.annotation_panel.current,
        )
        # A new editor each time: a closed one would stay behind as a hidden child.
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.schemeChanged.connect(self._scheme_changed)
        editor.open()

    def _scheme_changed(self) -> None:
        # The undo history stays: a label deletion is undoable itself (label_editor.DeleteLabel).
        # The keys, the tag counts in the corpus list, the tags shown: all follow.
        self.workspace.labelsChanged.emit()

    # Tags -------------------------------------------------------------------------------

    def tag_selection(self, label_id: int) -> None:
        """Tag the selected text (in either pane) with a label; undoable."""
        workspace = self.workspace
        if workspace.current_id is None:
            return
        span = self.reader.selected_clean_span()
        if span is None:
            workspace.message.emit(self.tr("Select some text to tag first"))
            return
        if span[0] >= span[1]:  # e.g. only removed artefacts selected in the raw text
            workspace.message.emit(self.tr("The selection holds no text of the document"))
            return
        annotator = self.annotator()
        if not annotator:
            return
        command = AddAnnotation(
            workspace.store,
            workspace.announce_annotations,
            workspace.current_id,
            label_id,
            span[0],
            span[1],
            annotator,
        )
        workspace.undo_stack.push(command)
        if command.annotation is not None:
            self.annotation_panel.select_annotation(command.annotation.id)

    def annotator(self) -> str:
        """The name new tags record, asked for the first time; "" (and a word in the status
        bar) when the user cancels the question: then nothing is tagged (issue 13)."""
        settings = self.workspace.settings
        name = self.workspace.annotator or ask_annotator(settings, self._parent)
        if not name:
            self.workspace.message.emit(
                self.tr("Not tagged: tags record who made them, and no name was given")
            )
        return name

    def choose_label(self) -> None:
        """Ctrl+L: tag the selection with a label picked (or typed in part) from a list."""
        labels = self.workspace.store.labels()
        names = [label_caption(label) for label in labels]
        codebook = self.workspace.store.codebook_entries()
        tips = [codebook_tooltip(codebook[lb.id]) if lb.id in codebook else "" for lb in labels]
        chosen, accepted = LabelPalette.ask(
            self._parent, self.tr("Tag with label"), self.tr("Label:"), names, tips
        )
        if not accepted:
            return
        typed = chosen.strip().casefold()
        # Typing part of a name is enough ("prevent" finds "Prevention at workplaces").
        match = next((lb for lb, name in zip(labels, names, strict=True) if name == chosen), None)
        match = match or next((lb for lb in labels if typed and typed in lb.name.casefold()), None)
        if match is None:
            self.workspace.message.emit(self.tr("No label matches {0}").format(chosen))
            return
        self.tag_selection(match.id)

    def select_tag(self, annotation_id: int) -> None:
        """A click on a tagged span: the tag becomes current in the panel, its span selected."""
        self.annotation_panel.select_annotation(annotation_id)
        annotation = self.annotation_panel.current
        if annotation is not None:
            self.reader.select_clean_span(annotation.start, annotation.end)

    def delete_annotation(self, annotation_id: int) -> None:
        workspace = self.workspace
        annotation = workspace.store.annotation(annotation_id)
        workspace.undo_stack.push(
            DeleteAnnotation(workspace.store, workspace.announce_annotations, annotation)
        )

    def change_annotation(self, annotation_id: int, changes: Mapping[str, object]) -> None:
        workspace = self.workspace
        before = workspace.store.annotation(annotation_id)
        try:
            workspace.undo_stack.push(
                ChangeAnnotation(workspace.store, workspace.announce_annotations, before, **changes)
            )
        except StoreError as error:
            workspace.message.emit(error_text(error))

    def adjust_tag(self, start_step: int, end_step: int) -> None:
        """Move the current tag's start and end by some characters, within the document."""
        current = self.annotation_panel.current
        if current is None:
            return
        changes = adjusted(current, start_step=start_step, end_step=end_step)
        length = len(self.reader.document.clean_text) if self.reader.document else 0
        if changes and changes["end"] <= length:
            self.change_annotation(current.id, changes)
            self.reader.select_clean_span(changes["start"], changes["end"])

    def offer_pane_menu(self, pane: QPlainTextEdit, point: QPoint) -> None:
        """The pane's usual menu (copy…) and, for a selection, tagging and entity marking."""
        menu = pane.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # the caller owns it
        if self.reader.selected_clean_span() is not None:
            menu.addSeparator()
            tag_menu = menu.addMenu(self.tr("Tag with"))
            tag_menu.setToolTipsVisible(True)  # each label's codebook entry
            codebook = self.workspace.store.codebook_entries()
            for label in self.workspace.store.labels():
                action = tag_menu.addAction(swatch(label.color), label.name)
                if label.id in codebook:
                    action.setToolTip(codebook_tooltip(codebook[label.id]))
                if label.shortcut:
                    action.setShortcut(QKeySequence(label.shortcut))
                    # Qt 6 hides shortcuts in context menus unless asked: the key is the point.
                    action.setShortcutVisibleInContextMenu(True)
                action.triggered.connect(partial(self.tag_selection, label.id))
            menu.addAction(self.tr("Mark as entity…"), self.mark_entity)
        menu.popup(pane.viewport().mapToGlobal(point))

    # Entities ---------------------------------------------------------------------------

    def mark_entity(self) -> None:
        """Add the selection as an entity of a type the user picks (a correction)."""
        span = self.reader.selected_clean_span()
        if self.workspace.current_id is None or span is None:
            self.workspace.message.emit(self.tr("Select the missing entity first"))
            return
        types = list(entity_types().values())
        names = [kind.shown_label() for kind in types]
        chosen, accepted = QInputDialog.getItem(
            self._parent, self.tr("Entity type"), self.tr("Type:"), names, 0, False
        )
        if accepted:
            kind = types[names.index(chosen)].name
            assert self.reader.document is not None
            text = self.reader.document.clean_text
            entity = Entity(kind, span[0], span[1], text[span[0] : span[1]])
            self.correct_entities([entity], kind, add_only=True)

    def correct_entities(
        self, entities: list[Entity], new_type: str, *, add_only: bool = False
    ) -> None:
        """Remove these entities, or give them another type; undoable, kept across analyses."""
        workspace = self.workspace
        if workspace.current_id is None or not entities:
            return
        corrections: list[tuple[str, Entity]] = []
        for entity in entities:
            if not add_only:
                corrections.append(("remove", entity))
            if new_type:
                corrections.append(("add", Entity(new_type, entity.start, entity.end, entity.text)))
        workspace.undo_stack.push(
            CorrectEntities(
                workspace.store,
                workspace.entitiesChanged.emit,
                workspace.current_id,
                corrections,
                workspace.annotator,
            )
        )
