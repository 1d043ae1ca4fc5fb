"""The main window: the corpus on the left, the reader in the middle, entities on the right.

The window composes the widgets, menus and controllers and wires them together; what the user
does lives in modules named for it: the corpus column (corpus_list), tagging (tag_actions),
suggested directives (directive_suggestions), the shown document's background analysis
(document_analysis), imports and export (import_export), projects (projects), menus (menus).
The controllers hold the window and read ``window.store`` when they act, as the store changes
when another project is opened.
"""

from __future__ import annotations

import logging
from bisect import insort
from collections.abc import Collection, Mapping
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.directives import Suggestion
from desktop.core.entities import PIPELINE_VERSION
from desktop.core.model import Entity, Status
from desktop.core.store import Store
from desktop.ui.annotation_panel import AnnotationPanel
from desktop.ui.corpus_actions import CorpusActions
from desktop.ui.corpus_list import CorpusList
from desktop.ui.directive_suggestions import DirectiveSuggestions
from desktop.ui.document_analysis import Analysis, DocumentAnalysis
from desktop.ui.document_model import display_name
from desktop.ui.entity_panel import EntityPanel
from desktop.ui.exporting import ExchangeController
from desktop.ui.import_export import ImportExportActions
from desktop.ui.importing import ImportController, paths_from_mime
from desktop.ui.menus import WindowMenus
from desktop.ui.projects import ProjectSwitcher
from desktop.ui.reader import ReaderView
from desktop.ui.reading_pane import ReadingPane
from desktop.ui.settings import Settings
from desktop.ui.tag_actions import TagActions
from desktop.ui.tag_browser import TagBrowser
from desktop.ui.tagging import DocumentUndoStack

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # Emitted when a document is on screen with its entities: tests and --screenshot wait on it.
    documentShown = Signal(int)

    def __init__(self, store: Store, settings: Settings, language: str = "en") -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self.language = language
        self.current_id: int | None = None
        self._analysed_id: int | None = None  # analysed, waiting for its conversion to show
        self.setAcceptDrops(True)
        self.resize(1400, 820)

        self.corpus = CorpusList(store)
        self.documents = self.corpus.documents
        self.filter_box = self.corpus.filter_box
        self.document_list = self.corpus.table
        self.reader = ReaderView(language)
        self.reader.set_conversion_choices(settings.conversions)
        self.entity_panel = EntityPanel(language)
        self.annotation_panel = AnnotationPanel()
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.annotation_panel, self.tr("Tags"))
        self.side_tabs.addTab(self.entity_panel, self.tr("Entities"))
        # An empty project shows how to fill it where the reader would be, not blank panes.
        self.empty_hint = QLabel(
            self.tr(
                "This project has no documents yet.\n\nImport files with Ctrl+O "
                "(File > Import files…), or drop files and folders on this window."
            )
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.centre = QStackedWidget()
        self.centre.addWidget(self.reader)
        self.centre.addWidget(self.empty_hint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.corpus, self.centre, self.side_tabs):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([380, 800, 220])
        self.setCentralWidget(self.splitter)

        self.undo_stack = DocumentUndoStack(self._document_title, self)
        self._close_after_import = False  # the user chose to close; the import is stopping
        self.importer = ImportController(store.path, self)
        self.exchange = ExchangeController(store.path, self)
        self.import_export = ImportExportActions(self)
        self.analysis = DocumentAnalysis(self)
        self.directives = DirectiveSuggestions(self)
        self.tag_actions = TagActions(self)
        self.project_switcher = ProjectSwitcher(self)
        self.corpus_actions = CorpusActions(self)
        self.menus = WindowMenus(self)
        self._wire()
        self.documents.modelReset.connect(self._show_hint_when_empty)
        self._show_hint_when_empty()
        self._restore_layout()
        self._show_project_name()
        self.tag_actions.load_scheme()

    def _wire(self) -> None:
        reader, tags, status = self.reader, self.tag_actions, self.statusBar()
        self.corpus.documentChosen.connect(self.show_document)
        self.corpus.statusChanged.connect(status.showMessage)
        reader.conversionChosen.connect(self._remember_conversion)
        reader.statusChanged.connect(status.showMessage)
        reader.tagClicked.connect(tags.select_tag)
        reader.legend.hiddenKindsChanged.connect(self.entity_panel.set_hidden_kinds)
        for pane in (reader.original, reader.converted):
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(partial(tags.offer_pane_menu, pane))
        self.entity_panel.spanChosen.connect(reader.select_clean_span)
        self.entity_panel.correctionRequested.connect(tags.correct_entities)
        self.annotation_panel.spanChosen.connect(reader.select_clean_span)
        self.annotation_panel.deleteRequested.connect(tags.delete_annotation)
        self.annotation_panel.changeRequested.connect(tags.change_annotation)
        self.analysis.analysed.connect(self._show_analysis)
        self.undo_stack.stepped.connect(self._show_undo_step)
        self.analysis.entitiesFound.connect(self._show_entities_so_far)
        reader.conversionShown.connect(self._conversion_shown)

    def _show_hint_when_empty(self) -> None:
        """The import hint in place of the reader while the project has no documents."""
        empty = self.store.document_count() == 0
        self.centre.setCurrentWidget(self.empty_hint if empty else self.reader)

    # The shown document -----------------------------------------------------------------

    def select_document(self, document_id: int | None = None) -> None:
        """Select a document by id (the first one when None) and show it."""
        self.corpus.select_document(document_id)

    def last_document(self) -> int | None:
        """The document the user was reading in this project, if it is still there."""
        document_id = self.settings.last_document(self.store.path)
        if document_id is None:
            return None
        try:
            self.store.document_summary(document_id)
        except KeyError:
            return None
        return document_id

    def show_document(self, document_id: int) -> None:
        """Show a document at once; find its entities (unless cached) and its suggested
        directives in the background, then paint them."""
        self.current_id = document_id
        self.settings.remember_document(self.store.path, document_id)
        self._analysed_id = None
        document = self.store.document(document_id)
        cached = self.store.entities_version(document_id) == PIPELINE_VERSION
        entities = self.store.entities(document_id) if cached else []
        self.reader.show_document(document, entities)
        self.entity_panel.show_entities(entities, self.reader.legend.hidden_kinds())
        self.show_annotations(document_id)
        self.directives.clear()
        self.analysis.start(document, entities if cached else None)

    def _show_entities_so_far(self, document_id: int, entities: list[Entity]) -> None:
        """A long document's entities, a piece at a time, until the analysis is done."""
        if document_id == self.current_id:
            self.reader.set_entities(entities)
            self.entity_panel.show_entities(entities, self.reader.legend.hidden_kinds())

    def _show_analysis(self, document_id: int, result: Analysis) -> None:
        if result.entities is not None:
            self.refresh_entities(document_id)
            self.show_annotations(document_id)
        self.directives.found(document_id, result.suggestions)
        self._analysed_id = document_id
        if self.reader.conversion is not None:
            self._conversion_shown(document_id)

    def _conversion_shown(self, document_id: int) -> None:
        """The document is complete on screen once analysed and converted, in either order."""
        if document_id == self._analysed_id == self.current_id:
            self._analysed_id = None
            self.documentShown.emit(document_id)

    def show_annotations(self, document_id: int, changed: Collection[int] | None = None) -> None:
        """The document's tags in the panes and the panel (its entities offered as values).
        ``changed``: the only tags (ids) changed since they were shown, when that is known."""
        document = self.reader.document
        if document is not None and document.id == document_id and changed is not None:
            # Re-read the changed tags only, not all of them, after each tag (issue 13); kept
            # in the store's order: by start, end, id.
            annotations = [a for a in self.reader.annotations if a.id not in changed]
            for annotation in self.store.annotations_among(document, changed):
                insort(annotations, annotation, key=lambda a: (a.start, a.end, a.id))
        elif document is not None and document.id == document_id:
            annotations = self.store.annotations_in(document)  # its text is read already
        else:
            annotations = self.store.annotations(document_id)
        colors = {label.id: label.color for label in self.store.labels()}
        self.reader.set_annotations(annotations, colors)
        # Each name once, in order of appearance (a dict, not a list: thousands of entities).
        names: dict[str, dict[str, None]] = {}
        for entity in self.reader.entities:
            names.setdefault(entity.type, {})[entity.text] = None
        suggestions = {kind: list(texts) for kind, texts in names.items()}
        self.annotation_panel.show_annotations(annotations, suggestions)

    def refresh_after_edit(self, document_id: int, changed: Collection[int] | None = None) -> None:
        """After a tag or a suggestion changed (``changed``: the tags, if known): what shows it
        follows."""
        if document_id == self.current_id:
            self.show_annotations(document_id, changed)
            self.directives.show(document_id)
        self.documents.refresh_document(document_id)

    def _document_title(self, document_id: int) -> str:
        return self.store.document_title_and_status(document_id)[0]

    def _show_undo_step(self, document_id: int, start: int, end: int, done: str) -> None:
        """Undo and redo act where the user sees it: in the document they change."""
        self.go_to_tag(document_id, start, end)
        self.statusBar().showMessage(done)

    def refresh_entities(self, document_id: int) -> None:
        """After the document's entities changed (corrected, or found)."""
        if document_id != self.current_id:
            return
        entities = self.store.entities(document_id)
        self.reader.set_entities(entities)
        self.entity_panel.show_entities(entities, self.reader.legend.hidden_kinds())

    @property
    def suggestions(self) -> list[Suggestion]:
        """The suggested directives still open in the shown document."""
        return self.directives.suggestions

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

    def browse_tags(self) -> TagBrowser:
        browser = TagBrowser(self.store, self.current_id, self)
        # A new browser each time: a closed one would stay behind as a hidden child.
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.tagChosen.connect(self.go_to_tag)
        browser.open()
        return browser

    def go_to_tag(self, document_id: int, start: int, end: int) -> None:
        """Open a document (when it is not the one shown) and select a span of it."""
        if document_id != self.current_id:
            self.corpus.clear_filter()
            self.select_document(document_id)
        self.reader.select_clean_span(start, end)

    # Tagging, by the window's callers (tests, benchmarks): see TagActions ----------------

    def tag_selection(self, label_id: int) -> None:
        self.tag_actions.tag_selection(label_id)

    def change_annotation(self, annotation_id: int, changes: Mapping[str, object]) -> None:
        self.tag_actions.change_annotation(annotation_id, changes)

    def adjust_tag(self, start_step: int, end_step: int) -> None:
        self.tag_actions.adjust_tag(start_step, end_step)

    def mark_entity(self) -> None:
        self.tag_actions.mark_entity()

    def correct_entities(
        self, entities: list[Entity], new_type: str, *, add_only: bool = False
    ) -> None:
        self.tag_actions.correct_entities(entities, new_type, add_only=add_only)

    def edit_labels(self) -> None:
        self.tag_actions.edit_labels()

    def _offer_pane_menu(self, pane: ReadingPane, point: QPoint) -> None:
        self.tag_actions.offer_pane_menu(pane, point)

    # Importing and exporting: see ImportExportActions ----------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Plain text goes to the corpus import; annotated sets (by their shape) to theirs."""
        self.import_export.import_paths(paths)

    def export(self) -> None:
        self.import_export.export()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.import_paths(paths_from_mime(event.mimeData()))
        event.acceptProposedAction()

    # Projects: see ProjectSwitcher ------------------------------------------------------

    def new_project(self) -> None:
        self.project_switcher.new_project()

    def create_project(self, path: Path) -> bool:
        return self.project_switcher.create_project(path)

    def choose_project(self) -> None:
        self.project_switcher.choose_project()

    def open_project(self, path: Path) -> bool:
        """Show the project at ``path`` (made when missing); False when it would not open."""
        return self.project_switcher.open_project(path)

    def is_busy(self) -> bool:
        """Whether another project must not be opened now (a dialog or job uses this one)."""
        return self.project_switcher.is_busy()

    def hand_over_waits(self) -> None:
        self.project_switcher.hand_over_waits()

    def use_store(self, store: Store) -> None:
        """Show another project: the old store is closed, every part moves to the new one."""
        self.analysis.cancel()
        self.store.close()
        self.store = store
        self.importer.db_path = store.path
        self.exchange.db_path = store.path
        self.current_id = None
        self.undo_stack.clear()  # its commands speak to the old project
        # Everything keyed by document id belonged to the old project.
        self.directives.forget()
        self.reader.clear()
        self.entity_panel.show_entities([])
        self.annotation_panel.show_annotations([], {})
        self.documents.set_store(store)
        self._show_project_name()
        self.tag_actions.load_scheme()
        self.select_document(self.last_document())

    def _show_project_name(self) -> None:
        self.settings.remember_project(self.store.path)
        self.setWindowTitle(f"{APP_NAME} 纪要 — {self.store.path.name}")

    def bring_to_front(self) -> None:
        """Un-minimise, raise and focus the window (another launch handed it paths)."""
        state = self.windowState() & ~Qt.WindowState.WindowMinimized
        self.setWindowState(state | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # Settings and closing ---------------------------------------------------------------

    def _remember_conversion(self, script: str, choice: str) -> None:
        self.settings.set_conversion(script, choice)

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
        if self.importer.is_running():
            event.ignore()
            self._stop_import_then_close()
            return
        self.settings.set_layout("geometry", self.saveGeometry())
        for name, splitter in self._splitters().items():
            self.settings.set_layout(name, splitter.saveState())
        self.settings.sync()
        self.analysis.cancel()
        super().closeEvent(event)

    def _stop_import_then_close(self) -> None:
        """Closing during an import: ask; if so, stop it after the file it is on and close once
        it has ended. Every document stored is whole (each batch is one transaction)."""
        if self._close_after_import:
            return  # asked already; the import is stopping
        answer = QMessageBox.question(
            self,
            APP_NAME,
            self.tr(
                "An import is running. Stop it and close? The documents imported so far "
                "are kept; the rest are not imported."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._close_after_import = True
        self.importer.finished.connect(self._close_after_stop)
        self.importer.failed.connect(self._close_after_stop)
        self.importer.cancel()
        self.statusBar().showMessage(self.tr("Stopping the import, then closing…"))

    def _close_after_stop(self, _result: object) -> None:
        self.close()

    def changeEvent(self, event: QEvent) -> None:
        # (Not during construction: the menus are not there yet.)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The window's own words in the language just installed (View > Language)."""
        self.menus.rebuild()
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.annotation_panel), self.tr("Tags"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.entity_panel), self.tr("Entities"))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Jiyao"),
            self.tr(
                "<h3>Jiyao 纪要 {0}</h3><p>A reader and annotator for Chinese policy and meeting "
                "documents, in both scripts.</p><p>Project: {1}</p>"
            ).format(__version__, self.store.path),
        )
