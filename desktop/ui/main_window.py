"""The main window: the corpus on the left, the reader in the middle, entities on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.corpus import ImportReport
from desktop.core.directives import Suggestion, suggest_directives
from desktop.core.entities import PIPELINE_VERSION, extract_entities
from desktop.core.exports.formats import annotated_set_format
from desktop.core.label_suggestion import suggest_label
from desktop.core.labels import default_scheme
from desktop.core.model import Entity, Status
from desktop.core.script import Script
from desktop.core.search import script_variants
from desktop.core.store import Store, StoreError
from desktop.ui.annotation_panel import AnnotationPanel
from desktop.ui.document_model import DocumentTableModel, display_name
from desktop.ui.entity_panel import EntityPanel, entity_types, swatch
from desktop.ui.exporting import ExchangeController, ExportDialog
from desktop.ui.i18n import LANGUAGES
from desktop.ui.importing import ImportController, paths_from_mime, summary_text
from desktop.ui.label_editor import LabelEditor
from desktop.ui.reader import ReaderView
from desktop.ui.reading_pane import ReadingPane
from desktop.ui.settings import Settings
from desktop.ui.single_instance import PROJECT_SUFFIX
from desktop.ui.tag_browser import TagBrowser
from desktop.ui.tagging import (
    AddAnnotation,
    ChangeAnnotation,
    CorrectEntities,
    DeleteAnnotation,
    RejectSuggestion,
    adjusted,
)
from desktop.ui.workers import Task, start

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 250


@dataclass(frozen=True)
class Analysis:
    """What the background work found for a document: its entities (None when they were
    already cached) and its suggested directives."""

    entities: list[Entity] | None
    suggestions: list[Suggestion]


class MainWindow(QMainWindow):
    # Emitted when a document is on screen with its entities: tests and --screenshot wait on it.
    documentShown = Signal(int)

    def __init__(self, store: Store, settings: Settings, language: str = "en") -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.language = language
        self.current_id: int | None = None
        self._analysis: Task | None = None
        self.setAcceptDrops(True)
        self.resize(1400, 820)

        self.documents = DocumentTableModel(store, self)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Filter by title or text, either script"))
        self.filter_box.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(self._filter_timer.start)
        self.document_list = self._build_document_list()

        self.reader = ReaderView(language)
        self.reader.set_conversion_choice(settings.conversion)
        self.reader.conversionChosen.connect(self._remember_conversion)
        self.reader.statusChanged.connect(self.statusBar().showMessage)
        self.entity_panel = EntityPanel(language)
        self.entity_panel.spanChosen.connect(self.reader.select_clean_span)
        self.entity_panel.correctionRequested.connect(self.correct_entities)
        self.undo_stack = QUndoStack(self)
        self.annotation_panel = AnnotationPanel()
        self.annotation_panel.spanChosen.connect(self.reader.select_clean_span)
        self.annotation_panel.deleteRequested.connect(self.delete_annotation)
        self.annotation_panel.changeRequested.connect(self.change_annotation)
        self.reader.tagClicked.connect(self._select_tag)
        for pane in (self.reader.original, self.reader.converted):
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(partial(self._offer_pane_menu, pane))
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.annotation_panel, self.tr("Tags"))
        self.side_tabs.addTab(self.entity_panel, self.tr("Entities"))
        self._label_shortcuts: list[QShortcut] = []
        self.suggestions: list[Suggestion] = []
        self.suggestion_index = -1
        # Found once per document and entity set; tagging only filters them (300,000
        # characters take a quarter of a second to scan).
        self._found_suggestions: tuple[tuple[int, int], list[Suggestion]] | None = None
        self.reader.legend.hiddenKindsChanged.connect(self.entity_panel.set_hidden_kinds)

        corpus = QWidget()
        column = QVBoxLayout(corpus)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter_box)
        column.addWidget(self.document_list)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (corpus, self.reader, self.side_tabs):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([380, 800, 220])
        self.setCentralWidget(self.splitter)

        self.importer = ImportController(store.path, self)
        self.importer.finished.connect(self._after_import)
        # A failed import may still have stored its first batches.
        self.importer.failed.connect(lambda _message: self.documents.reload())
        self.exchange = ExchangeController(store.path, self)
        self.exchange.imported.connect(self._after_annotated_import)
        self._build_menus()
        self._add_suggestion_keys()
        self._restore_layout()
        self._show_project_name()
        self._load_scheme()

    # Building ---------------------------------------------------------------------------

    def _build_document_list(self) -> QTableView:
        view = QTableView()
        view.setModel(self.documents)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultSectionSize(70)
        header.setSortIndicatorShown(True)
        view.selectionModel().selectionChanged.connect(self._on_selection)
        return view

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        self._add_action(
            file_menu, self.tr("&Import files…"), self.import_files, QKeySequence.StandardKey.Open
        )
        self._add_action(file_menu, self.tr("Import &folder…"), self.import_folder)
        self._add_action(file_menu, self.tr("Import &annotated set…"), self.import_annotated_set)
        self._add_action(
            file_menu, self.tr("Import annotated &brat folder…"), self.import_brat_folder
        )
        self._add_action(file_menu, self.tr("&Export…"), self.export, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._add_action(file_menu, self.tr("&New project…"), self.new_project)
        self._add_action(file_menu, self.tr("&Open project…"), self.choose_project)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._add_action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        for action in (undo, redo):
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        self._add_action(
            edit_menu, self.tr("&Tag selection with label…"), self.choose_label, "Ctrl+L"
        )
        self._add_action(
            edit_menu, self.tr("Extend tag end"), lambda: self.adjust_tag(0, 1), "Shift+Alt+Right"
        )
        self._add_action(
            edit_menu, self.tr("Shrink tag end"), lambda: self.adjust_tag(0, -1), "Shift+Alt+Left"
        )
        self._add_action(
            edit_menu,
            self.tr("Extend tag start"),
            lambda: self.adjust_tag(-1, 0),
            "Ctrl+Shift+Alt+Left",
        )
        self._add_action(
            edit_menu,
            self.tr("Shrink tag start"),
            lambda: self.adjust_tag(1, 0),
            "Ctrl+Shift+Alt+Right",
        )
        edit_menu.addSeparator()
        self._add_action(
            edit_menu, self.tr("Mark selection as &entity…"), self.mark_entity, "Ctrl+E"
        )
        self._add_action(edit_menu, self.tr("Mark document &done"), self.toggle_done, "Ctrl+D")
        self._add_action(edit_menu, self.tr("Annotator &name…"), self.ask_annotator)
        self._add_action(edit_menu, self.tr("&Labels…"), self.edit_labels)
        self._add_action(
            edit_menu, self.tr("Tags in the &corpus…"), self.browse_tags, "Ctrl+Shift+T"
        )

        go_menu = menu_bar.addMenu(self.tr("&Go"))
        self._add_action(go_menu, self.tr("&Previous document"), self.previous_document, "Alt+Up")
        self._add_action(go_menu, self.tr("&Next document"), self.next_document, "Alt+Down")
        go_menu.addSeparator()
        self._add_action(
            go_menu,
            self.tr("&Find in document…"),
            self.reader.open_find,
            QKeySequence.StandardKey.Find,
        )
        self._add_action(
            go_menu, self.tr("Find &next"), self.reader.find_next, QKeySequence.StandardKey.FindNext
        )
        self._add_action(
            go_menu, self.tr("Filter &documents"), self.filter_box.setFocus, "Ctrl+Shift+F"
        )

        view_menu = menu_bar.addMenu(self.tr("&View"))
        raw = view_menu.addAction(self.tr("&Raw text with removed artefacts"))
        raw.setCheckable(True)
        raw.toggled.connect(self.reader.show_raw.setChecked)
        self.reader.show_raw.toggled.connect(raw.setChecked)
        marks = view_menu.addAction(self.tr("&Mark characters the conversion changed"))
        marks.setCheckable(True)
        marks.toggled.connect(self.reader.mark_changes.setChecked)
        self.reader.mark_changes.toggled.connect(marks.setChecked)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            group.addAction(action)

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self._add_action(help_menu, self.tr("&About Jiyao"), self.about)

    def _add_action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)  # shortcuts work whichever widget has focus
        return action

    # Documents --------------------------------------------------------------------------

    def select_document(self, document_id: int | None = None) -> None:
        """Select a document by id (the first one when None) and show it."""
        if document_id is None:
            self.documents.fetch_first_page()
            row: int | None = 0 if self.documents.rowCount() else None
        else:
            row = self.documents.row_of(document_id)
        if row is not None:
            self.document_list.selectRow(row)
            self.document_list.scrollTo(self.documents.index(row, 0))

    def previous_document(self) -> None:
        self._step_document(-1)

    def next_document(self) -> None:
        self._step_document(+1)

    def _step_document(self, step: int) -> None:
        rows = self.document_list.selectionModel().selectedRows()
        row = (rows[0].row() + step) if rows else 0
        if row >= self.documents.rowCount() and self.documents.canFetchMore(QModelIndex()):
            self.documents.fetchMore(QModelIndex())
        if 0 <= row < self.documents.rowCount():
            self.document_list.selectRow(row)

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_document(self.documents.document_id(indexes[0].row()))

    def show_document(self, document_id: int) -> None:
        """Show a document at once; find its entities (unless cached) and its suggested
        directives in the background, then paint them."""
        self.current_id = document_id
        document = self.store.document(document_id)
        cached = self.store.entities_version(document_id) == PIPELINE_VERSION
        entities = self.store.entities(document_id) if cached else []
        self.reader.show_document(document, entities)
        self.entity_panel.show_entities(entities, self.reader.legend.hidden_kinds())
        self._show_annotations(document_id)
        self.suggestion_index = -1
        self.suggestions = []
        if self._analysis is not None:
            self._analysis.cancel()
        text, script = document.clean_text, Script(document.script)

        def analyse(_progress: object, cancelled: Callable[[], bool]) -> Analysis | None:
            if cancelled():  # the user moved on while it waited in the queue
                return None
            found = entities if cached else extract_entities(text, script)
            return Analysis(None if cached else found, suggest_directives(text, found, script))

        task = Task(analyse)
        store = self.store
        task.signals.finished.connect(
            lambda result, doc=document_id: self._analysis_done(store, doc, result)
        )
        task.signals.failed.connect(lambda message: self.statusBar().showMessage(message))
        self._analysis = task
        if not cached:
            self.statusBar().showMessage(self.tr("Finding entities…"))
        start(task)

    def _analysis_done(self, store: Store, document_id: int, result: Analysis | None) -> None:
        if result is None or store is not self.store:
            return  # cancelled, or the project was switched while it ran
        if result.entities is not None:
            self.store.replace_pipeline_entities(document_id, result.entities, PIPELINE_VERSION)
        if document_id != self.current_id:
            return
        if result.entities is not None:
            stored = self.store.entities(document_id)
            self.reader.set_entities(stored)
            self.entity_panel.show_entities(stored, self.reader.legend.hidden_kinds())
            self._show_annotations(document_id)
        key = (document_id, hash(tuple(self.reader.entities)))
        self._found_suggestions = (key, result.suggestions)
        self._show_suggestions(document_id)
        self.documentShown.emit(document_id)

    def _apply_filter(self) -> None:
        query = self.filter_box.text().strip()
        self.documents.set_filter(script_variants(query) if query else [])
        self.statusBar().showMessage(self.tr("{0} documents").format(self.documents.total))

    # Tagging ----------------------------------------------------------------------------

    def _load_scheme(self) -> None:
        """The project's labels: install the default scheme into a project that has none."""
        if not self.store.labels():
            self.store.install_scheme(default_scheme())
        labels = self.store.labels()
        self.annotation_panel.set_scheme(labels, self.store.attributes())
        for shortcut in self._label_shortcuts:
            shortcut.setParent(None)
        self._label_shortcuts = []
        for label in labels:
            if label.shortcut:
                self._label_shortcuts += self._pane_shortcuts(
                    QKeySequence(label.shortcut), partial(self.tag_selection, label.id)
                )

    # Suggestions ------------------------------------------------------------------------

    def _add_suggestion_keys(self) -> None:
        keys = {
            Qt.Key.Key_Tab: lambda: self.step_suggestion(+1),
            Qt.Key.Key_Backtab: lambda: self.step_suggestion(-1),
            Qt.Key.Key_Return: self.accept_suggestion,
            Qt.Key.Key_Enter: self.accept_suggestion,
            Qt.Key.Key_Delete: self.reject_suggestion,
        }
        for key, slot in keys.items():
            self._pane_shortcuts(QKeySequence(key), slot)

    def _pane_shortcuts(self, key: QKeySequence, slot: Callable[[], object]) -> list[QShortcut]:
        """A key that acts only while a reading pane has the focus (not the find or filter box,
        where Enter, Tab, Delete and digits mean what they always mean)."""
        made = []
        for pane in (self.reader.original, self.reader.converted):
            shortcut = QShortcut(key, pane)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
            made.append(shortcut)
        return made

    def _show_suggestions(self, document_id: int) -> None:
        """Candidate directives not yet tagged (nor rejected), dashed in both panes."""
        tagged = {(a.start, a.end) for a in self.reader.annotations}
        rejected = self.store.rejected_suggestions(document_id)
        shown = {(s.start, s.end) for s in self.suggestions}
        self.suggestions = [
            s
            for s in self._suggestions_for(document_id)
            if (s.start, s.end) not in tagged and (s.start, s.end) not in rejected
        ]
        self.suggestion_index = min(self.suggestion_index, len(self.suggestions) - 1)
        now = {(s.start, s.end) for s in self.suggestions}
        if self.reader.suggestions and now <= shown:
            # A tag or a rejection took some away: hide those, keep the rest as painted.
            self.reader.hide_suggestions(shown - now)
            return
        tips = self.tr("Suggested directive ({0}): Enter accepts, Delete rejects, Tab goes on")
        self.reader.set_suggestions(
            [(s.start, s.end, tips.format(s.issuer or s.cue)) for s in self.suggestions]
        )

    def _suggestions_for(self, document_id: int) -> list[Suggestion]:
        key = (document_id, hash(tuple(self.reader.entities)))
        if self._found_suggestions is None or self._found_suggestions[0] != key:
            document = self.reader.document
            assert document is not None and document.id == document_id
            found = suggest_directives(
                document.clean_text, self.reader.entities, Script(document.script)
            )
            self._found_suggestions = (key, found)
        return self._found_suggestions[1]

    def step_suggestion(self, step: int) -> None:
        if not self.suggestions:
            self.statusBar().showMessage(self.tr("No suggestions left in this document"))
            return
        self.suggestion_index = (self.suggestion_index + step) % len(self.suggestions)
        current = self.suggestions[self.suggestion_index]
        self.reader.select_clean_span(current.start, current.end)
        self.statusBar().showMessage(
            self.tr("Suggestion {0} of {1}: {2}, {3}").format(
                self.suggestion_index + 1,
                len(self.suggestions),
                current.issuer or self.tr("no issuer"),
                current.strength,
            )
        )

    def _current_suggestion(self) -> Suggestion | None:
        if 0 <= self.suggestion_index < len(self.suggestions):
            return self.suggestions[self.suggestion_index]
        return None

    def accept_suggestion(self) -> None:
        """Tag the current suggestion with its likely label and attributes (editable after)."""
        suggestion = self._current_suggestion()
        if suggestion is None or self.current_id is None:
            self.step_suggestion(+1)
            return
        labels = self.store.labels()
        label = suggest_label(suggestion.text, labels) or next(
            (lb for lb in labels if lb.name == "Other"), labels[0]
        )
        attributes: dict[str, object] = {"strength": suggestion.strength}
        if suggestion.issuer:
            attributes["issuer"] = suggestion.issuer
        deadline = next(
            (
                e.text
                for e in self.reader.entities
                if e.type == "DATE" and suggestion.start <= e.start < suggestion.end
            ),
            None,
        )
        if deadline:
            attributes["deadline"] = deadline
        annotator = self.settings.annotator or self.ask_annotator()
        self.undo_stack.push(
            AddAnnotation(
                self.store,
                self._refresh_after_edit,
                self.current_id,
                label.id,
                suggestion.start,
                suggestion.end,
                annotator,
                attributes,
            )
        )
        self._advance_after(suggestion)

    def reject_suggestion(self) -> None:
        suggestion = self._current_suggestion()
        if suggestion is None or self.current_id is None:
            return
        self.undo_stack.push(
            RejectSuggestion(
                self.store,
                self._refresh_after_edit,
                self.current_id,
                suggestion.start,
                suggestion.end,
            )
        )
        self._advance_after(suggestion)

    def _advance_after(self, handled: Suggestion) -> None:
        following = [i for i, s in enumerate(self.suggestions) if s.start >= handled.end]
        self.suggestion_index = (following[0] if following else 0) - 1
        self.step_suggestion(+1)

    def _show_annotations(self, document_id: int) -> None:
        annotations = self.store.annotations(document_id)
        colors = {label.id: label.color for label in self.store.labels()}
        self.reader.set_annotations(annotations, colors)
        suggestions: dict[str, list[str]] = {}
        for entity in self.reader.entities:
            names = suggestions.setdefault(entity.type, [])
            if entity.text not in names:
                names.append(entity.text)
        self.annotation_panel.show_annotations(annotations, suggestions)

    def _refresh_after_edit(self, document_id: int) -> None:
        if document_id == self.current_id:
            self._show_annotations(document_id)
            self._show_suggestions(document_id)
        self.documents.refresh_document(document_id)

    def tag_selection(self, label_id: int) -> None:
        """Tag the selected text (in either pane) with a label; undoable."""
        if self.current_id is None:
            return
        span = self.reader.selected_clean_span()
        if span is None:
            self.statusBar().showMessage(self.tr("Select some text to tag first"))
            return
        if span[0] >= span[1]:  # e.g. only removed artefacts selected in the raw text
            self.statusBar().showMessage(self.tr("The selection holds no text of the document"))
            return
        annotator = self.settings.annotator or self.ask_annotator()
        command = AddAnnotation(
            self.store,
            self._refresh_after_edit,
            self.current_id,
            label_id,
            span[0],
            span[1],
            annotator,
        )
        self.undo_stack.push(command)
        if command.annotation is not None:
            self.annotation_panel.select_annotation(command.annotation.id)

    def _select_tag(self, annotation_id: int) -> None:
        self.side_tabs.setCurrentWidget(self.annotation_panel)
        self.annotation_panel.select_annotation(annotation_id)
        annotation = self.annotation_panel.current
        if annotation is not None:
            self.reader.select_clean_span(annotation.start, annotation.end)

    def choose_label(self) -> None:
        labels = self.store.labels()
        names = [f"{label.shortcut or ' '}  {label.name}" for label in labels]
        chosen, accepted = QInputDialog.getItem(
            self, self.tr("Tag with label"), self.tr("Label:"), names, 0, True
        )
        if not accepted:
            return
        typed = chosen.strip().casefold()
        # Typing part of a name is enough ("prevent" finds "Prevention at workplaces").
        match = next((lb for lb, name in zip(labels, names, strict=True) if name == chosen), None)
        match = match or next((lb for lb in labels if typed and typed in lb.name.casefold()), None)
        if match is None:
            self.statusBar().showMessage(self.tr("No label matches {0}").format(chosen))
            return
        self.tag_selection(match.id)

    def delete_annotation(self, annotation_id: int) -> None:
        annotation = self.store.annotation(annotation_id)
        self.undo_stack.push(DeleteAnnotation(self.store, self._refresh_after_edit, annotation))

    def change_annotation(self, annotation_id: int, changes: Mapping[str, object]) -> None:
        before = self.store.annotation(annotation_id)
        try:
            self.undo_stack.push(
                ChangeAnnotation(self.store, self._refresh_after_edit, before, **changes)
            )
        except StoreError as error:
            self.statusBar().showMessage(str(error))

    def adjust_tag(self, start_step: int, end_step: int) -> None:
        current = self.annotation_panel.current
        if current is None:
            return
        changes = adjusted(current, start_step=start_step, end_step=end_step)
        length = len(self.reader.document.clean_text) if self.reader.document else 0
        if changes and changes["end"] <= length:
            self.change_annotation(current.id, changes)
            self.reader.select_clean_span(changes["start"], changes["end"])

    def mark_entity(self) -> None:
        """Add the selection as an entity of a type the user picks (a correction)."""
        span = self.reader.selected_clean_span()
        if self.current_id is None or span is None:
            self.statusBar().showMessage(self.tr("Select the missing entity first"))
            return
        types = list(entity_types().values())
        names = [kind.label_for(self.language) for kind in types]
        chosen, accepted = QInputDialog.getItem(
            self, self.tr("Entity type"), self.tr("Type:"), names, 0, False
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
        if self.current_id is None or not entities:
            return
        corrections: list[tuple[str, Entity]] = []
        for entity in entities:
            if not add_only:
                corrections.append(("remove", entity))
            if new_type:
                corrections.append(("add", Entity(new_type, entity.start, entity.end, entity.text)))
        self.undo_stack.push(
            CorrectEntities(
                self.store,
                self._refresh_entities,
                self.current_id,
                corrections,
                self.settings.annotator,
            )
        )

    def _refresh_entities(self, document_id: int) -> None:
        if document_id != self.current_id:
            return
        entities = self.store.entities(document_id)
        self.reader.set_entities(entities)
        self.entity_panel.show_entities(entities, self.reader.legend.hidden_kinds())

    def browse_tags(self) -> TagBrowser:
        browser = TagBrowser(self.store, self.current_id, self)
        browser.tagChosen.connect(self.go_to_tag)
        browser.open()
        return browser

    def go_to_tag(self, document_id: int, start: int, end: int) -> None:
        """Open a document (when it is not the one shown) and select a span of it."""
        if document_id != self.current_id:
            self.filter_box.clear()
            self._apply_filter()
            self.select_document(document_id)
        self.reader.select_clean_span(start, end)

    def _offer_pane_menu(self, pane: ReadingPane, point: QPoint) -> None:
        """The pane's usual menu (copy…) and, for a selection, tagging and entity marking."""
        menu = pane.createStandardContextMenu()
        if self.reader.selected_clean_span() is not None:
            menu.addSeparator()
            tag_menu = menu.addMenu(self.tr("Tag with"))
            for label in self.store.labels():
                action = tag_menu.addAction(swatch(label.color), label.name)
                if label.shortcut:
                    action.setShortcut(QKeySequence(label.shortcut))
                action.triggered.connect(partial(self.tag_selection, label.id))
            menu.addAction(self.tr("Mark as entity…"), self.mark_entity)
        menu.popup(pane.viewport().mapToGlobal(point))

    def edit_labels(self) -> None:
        editor = LabelEditor(self.store, self)
        editor.schemeChanged.connect(self._scheme_changed)
        editor.open()

    def _scheme_changed(self) -> None:
        # A deleted label would leave commands that can no longer be undone or redone.
        self.undo_stack.clear()
        self._load_scheme()
        if self.current_id is not None:
            self._show_annotations(self.current_id)

    def toggle_done(self) -> None:
        if self.current_id is None:
            return
        document = self.store.document(self.current_id)
        status = Status.IN_PROGRESS if document.status is Status.DONE else Status.DONE
        self.store.set_status(self.current_id, status)
        self.documents.refresh_document(self.current_id)
        self.statusBar().showMessage(
            self.tr("Document marked {0}").format(display_name(status.value))
        )

    def ask_annotator(self) -> str:
        name, accepted = QInputDialog.getText(
            self,
            self.tr("Annotator"),
            self.tr("Your name, recorded with every tag you make:"),
            text=self.settings.annotator,
        )
        if accepted and name.strip():
            self.settings.annotator = name.strip()
        return self.settings.annotator

    # Importing --------------------------------------------------------------------------

    def import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import text files"),
            "",
            self.tr("Text files (*.txt *.text *.md);;All files (*)"),
        )
        self.import_paths([Path(name) for name in names])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_annotated_set(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import an annotated set"),
            "",
            self.tr(
                "Annotated sets (*.jsonl *.ndjson *.json *.qdpx);;JSON Lines, ours or doccano's "
                "(*.jsonl *.ndjson);;Label Studio (*.json);;REFI-QDA (*.qdpx)"
            ),
        )
        if name:
            self.import_paths([Path(name)])

    def import_brat_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a brat folder"))
        if folder:
            self.import_paths([Path(folder)])

    def export(self) -> None:
        if self.exchange.is_running():
            self.statusBar().showMessage(self.tr("An export or import is already running"))
            return
        dialog = ExportDialog(self.store, self.current_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.exchange.export(dialog.format_name(), dialog.target(), dialog.options())
        )
        dialog.open()

    def import_paths(self, paths: list[Path]) -> None:
        """Plain text goes to the corpus import; annotated sets (by their shape) to theirs."""
        annotated = [path for path in paths if annotated_set_format(path) is not None]
        if annotated:
            # Queued behind whatever runs: one set after another, each in its own transaction.
            self.exchange.import_sets(annotated)
        paths = [path for path in paths if path not in annotated]
        if not paths:
            return
        if self.importer.is_running():
            self.statusBar().showMessage(self.tr("An import is already running"))
            return
        self.importer.start(paths)

    def _after_annotated_import(self, _report: object) -> None:
        self.documents.reload()
        self._load_scheme()
        if self.current_id is not None:
            self._refresh_after_edit(self.current_id)

    def _after_import(self, report: ImportReport) -> None:
        self.documents.reload()
        self.statusBar().showMessage(summary_text(report))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.import_paths(paths_from_mime(event.mimeData()))
        event.acceptProposedAction()

    # Projects ---------------------------------------------------------------------------

    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New project"),
            str(self.store.path.parent),
            self.tr("Jiyao projects (*.jiyao)"),
            # Overwriting is refused below: "replace" must never delete a project.
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.create_project(Path(name))

    def create_project(self, path: Path) -> bool:
        """Make an empty project (the default label scheme, no documents) and open it; the
        ``.jiyao`` suffix is added when missing. An existing file is left alone."""
        if path.suffix.lower() != PROJECT_SUFFIX:
            path = path.with_name(path.name + PROJECT_SUFFIX)
        if path.exists():
            QMessageBox.warning(
                self,
                APP_NAME,
                self.tr(
                    "{0} already exists. Choose another name, or open it with Open project."
                ).format(path),
            )
            return False
        return self.open_project(path)

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a project"),
            str(self.store.path.parent),
            self.tr("Jiyao projects (*.jiyao);;All files (*)"),
        )
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> bool:
        """Show the project at ``path`` (made when missing) instead of this one; False when it
        would not open (the user has been told why)."""
        if path.absolute() == self.store.path.absolute():
            return True  # double-clicked the project already open: nothing to reload
        if self.importer.is_running() or self.exchange.is_running():
            # The job writes to (or reads) this project to its end; it must not change under it.
            self.statusBar().showMessage(
                self.tr("Wait for the running import or export to finish, then open {0}").format(
                    path
                )
            )
            return False
        try:
            store = Store(path, create=True)
        except StoreError as error:
            QMessageBox.warning(self, APP_NAME, str(error))
            return False
        if self._analysis is not None:
            self._analysis.cancel()
        self.store.close()
        self.store = store
        self.importer.db_path = path
        self.exchange.db_path = path
        self.current_id = None
        self.undo_stack.clear()  # its commands speak to the old project
        # Everything keyed by document id belonged to the old project.
        self._found_suggestions = None
        self.suggestions, self.suggestion_index = [], -1
        self.reader.clear()
        self.entity_panel.show_entities([])
        self.annotation_panel.show_annotations([], {})
        self.documents.set_store(store)
        self._show_project_name()
        self._load_scheme()
        self.select_document()
        return True

    def bring_to_front(self) -> None:
        """Un-minimise, raise and focus the window (another launch handed it paths)."""
        state = self.windowState() & ~Qt.WindowState.WindowMinimized
        self.setWindowState(state | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    def is_busy(self) -> bool:
        """Whether a dialog or a background job still works on the open project, so another
        project must not be opened now: handed-over paths wait (single_instance.HandOver)."""
        # An input dialog, a message box, a progress dialog… (and a modal window that is no
        # widget, which activeModalWidget does not return).
        modal = QApplication.activeModalWidget() or QGuiApplication.modalWindow()
        if modal is not None:
            return True
        if any(dialog.isVisible() for dialog in self._project_dialogs()):
            return True
        return self.importer.is_running() or self.exchange.is_running()

    def _project_dialogs(self) -> list[QDialog]:
        """The dialogs that work on the project's store: labels, the tag browser, Export."""
        kinds = (LabelEditor, TagBrowser, ExportDialog)
        return [dialog for dialog in self.findChildren(QDialog) if isinstance(dialog, kinds)]

    def hand_over_waits(self) -> None:
        self.statusBar().showMessage(
            self.tr(
                "The files you chose open once this dialog is closed or the running job is done"
            )
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _show_project_name(self) -> None:
        self.settings.remember_project(self.store.path)
        self.setWindowTitle(f"{APP_NAME} 纪要 — {self.store.path.name}")

    # Settings ---------------------------------------------------------------------------

    def _remember_conversion(self, choice: str) -> None:
        self.settings.conversion = choice

    def _choose_language(self, language: str) -> None:
        self.settings.language = language
        QMessageBox.information(
            self,
            APP_NAME,
            self.tr("The interface will use {0} the next time Jiyao starts.").format(
                LANGUAGES[language]
            ),
        )

    def _restore_layout(self) -> None:
        geometry = self.settings.layout("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for name, splitter in self._splitters().items():
            state = self.settings.layout(name)
            if state is not None:
                splitter.restoreState(state)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main-splitter": self.splitter, "reader-splitter": self.reader.panes}

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_layout("geometry", self.saveGeometry())
        for name, splitter in self._splitters().items():
            self.settings.set_layout(name, splitter.saveState())
        self.settings.sync()
        if self._analysis is not None:
            self._analysis.cancel()
        if self.importer.is_running():
            self.importer.cancel()  # what was imported so far stays; the rest is not waited for
        super().closeEvent(event)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Jiyao"),
            self.tr(
                "<h3>Jiyao 纪要 {0}</h3><p>A reader and annotator for Chinese policy and meeting "
                "documents, in both scripts.</p><p>Project: {1}</p>"
            ).format(__version__, self.store.path),
        )
