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
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTabWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.directives import Suggestion
from desktop.core.entities import PIPELINE_VERSION
from desktop.core.model import Entity, Status
from desktop.core.store import Store
from desktop.ui.analysis.corpus_search import CorpusSearch
from desktop.ui.analysis.counts import TagCounts
from desktop.ui.analysis.index_building import SearchIndexBuilder
from desktop.ui.common.memory import forget_source_lines
from desktop.ui.common.names import display_name
from desktop.ui.common.reports import tell
from desktop.ui.common.settings import Settings
from desktop.ui.corpus.corpus_actions import CorpusActions
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.exchange.exporting import ExchangeController
from desktop.ui.exchange.import_export import ImportExportActions
from desktop.ui.exchange.importing import ImportController, paths_from_mime
from desktop.ui.memos.codebook_export import choose_and_export_codebook
from desktop.ui.memos.codebook_import import (
    choose_and_import_codebook,
    codebook_paths,
    import_codebooks,
)
from desktop.ui.memos.journal import JournalWindow
from desktop.ui.memos.memo_panel import MemosPanel
from desktop.ui.reading.document_analysis import Analysis, DocumentAnalysis
from desktop.ui.reading.entity_panel import EntityPanel
from desktop.ui.reading.reader import ReaderView
from desktop.ui.shell.menus import WindowMenus
from desktop.ui.shell.projects import ProjectSwitcher
from desktop.ui.tagging.annotation_panel import AnnotationPanel
from desktop.ui.tagging.annotator import ask_annotator
from desktop.ui.tagging.directive_suggestions import DirectiveSuggestions
from desktop.ui.tagging.tag_actions import TagActions
from desktop.ui.tagging.tag_browser import TagBrowser
from desktop.ui.team.team_actions import TeamActions
from desktop.ui.workspace import Workspace

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    # Emitted when a document is on screen with its entities: tests and --screenshot wait on it.
    documentShown = Signal(int)

    def __init__(self, store: Store, settings: Settings, language: str = "en") -> None:
        super().__init__()
        forget_source_lines()  # read by PySide6's import hook while this module was imported
        # What the window's parts share (store, shown document, undo history, settings) and the
        # signals by which they tell what they changed: see workspace.py.
        self.workspace = Workspace(store, settings, self)
        self.language = language
        self._analysed_id: int | None = None  # analysed, waiting for its conversion to show
        self.corpus_search: CorpusSearch | None = None  # made when first asked for
        # An older project's search index is built once, in the background, when it opens.
        self.index_builder = SearchIndexBuilder(self.workspace, self)
        # A load of analysis results as large as the project leaves the index to be built
        # afterwards, whole (issue 17): build it once the documents are in.
        self.workspace.documentsChanged.connect(self.index_builder.build_if_needed)
        self.index_builder.build_if_needed()
        self.setAcceptDrops(True)
        self.resize(1400, 820)

        self.corpus = CorpusList(self.workspace)
        self.documents = self.corpus.documents
        self.filter_box = self.corpus.filter_box
        self.document_list = self.corpus.table
        self.reader = ReaderView()
        self._names_of_version: tuple[int, dict[str, list[str]]] | None = None
        self.reader.set_conversion_choices(settings.conversions)
        self.entity_panel = EntityPanel()
        self.annotation_panel = AnnotationPanel()
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.annotation_panel, self.tr("Tags"))
        self.side_tabs.addTab(self.entity_panel, self.tr("Entities"))
        self.memos_panel = MemosPanel(self.workspace)
        self.side_tabs.addTab(self.memos_panel, self.tr("Memos"))
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

        self.undo_stack = self.workspace.undo_stack
        self._close_after_import = False  # the user chose to close; the import is stopping
        self.importer = ImportController(store.path, self)
        self.exchange = ExchangeController(store.path, self)
        self.import_export = ImportExportActions(
            self.workspace, self.importer, self.exchange, lambda path: self.open_project(path), self
        )
        self.analysis = DocumentAnalysis(self.workspace, self)
        self.tag_actions = TagActions(self.workspace, self.reader, self.annotation_panel, self)
        self.directives = DirectiveSuggestions(
            self.workspace, self.reader, self.tag_actions.annotator, self
        )
        self.project_switcher = ProjectSwitcher(self.workspace, self.importer, self.exchange, self)
        self.corpus_actions = CorpusActions(self.workspace, self.corpus, self)
        self.team = TeamActions(self.workspace, self.go_to_tag, self.reader, self)
        self.menus = WindowMenus(self, self)
        self._wire()
        self.documents.modelReset.connect(self._show_hint_when_empty)
        self._show_hint_when_empty()
        self._restore_layout()
        self._show_project_name()
        self.tag_actions.load_scheme()

    # What the parts share lives in the workspace; these read it for the window's callers.

    @property
    def store(self) -> Store:
        return self.workspace.store

    @property
    def settings(self) -> Settings:
        return self.workspace.settings

    @property
    def current_id(self) -> int | None:
        return self.workspace.current_id

    @current_id.setter
    def current_id(self, document_id: int | None) -> None:
        self.workspace.current_id = document_id

    def _wire(self) -> None:
        reader, tags, status = self.reader, self.tag_actions, self.statusBar()
        workspace = self.workspace
        workspace.message.connect(status.showMessage)
        workspace.annotationsChanged.connect(self.refresh_after_edit)
        workspace.entitiesChanged.connect(self.refresh_entities)
        workspace.labelsChanged.connect(self._labels_changed)
        workspace.projectSwitched.connect(self._project_switched)
        self.corpus_actions.shownDocumentDeleted.connect(self._clear_shown_document)
        self.corpus_actions.detailsChanged.connect(self.show_document)
        self.corpus.documentChosen.connect(self.show_document)
        self.corpus.statusChanged.connect(status.showMessage)
        reader.conversionChosen.connect(self._remember_conversion)
        reader.statusChanged.connect(status.showMessage)
        # A click on a tag shows it in the Tags tab.
        reader.tagClicked.connect(lambda: self.side_tabs.setCurrentWidget(self.annotation_panel))
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
        self.annotation_panel.currentTagChanged.connect(self.memos_panel.show_tag)
        workspace.memosChanged.connect(self._memos_changed)

    def _memos_changed(self, target: str, target_id: object) -> None:
        """A memo changed: the marks that show who carries one follow."""
        if target == "document" and isinstance(target_id, int):
            self.documents.refresh_document(target_id)

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
        self.workspace.open_document(document_id)
        self._analysed_id = None
        document = self.store.document(document_id)
        cached = self.store.entities_version(document_id) == PIPELINE_VERSION
        entities = self.store.entities(document_id) if cached else []
        self.reader.show_document(document, entities)
        self.entity_panel.show_entities(entities, self.reader.legend.hidden_kinds())
        self.show_annotations(document_id)
        self.directives.clear()
        self.analysis.start(document, entities if cached else None)

    def _labels_changed(self) -> None:
        """The scheme changed (edited, imported): the keys, the tag counts, the tags shown."""
        self.tag_actions.load_scheme()
        self.documents.refresh_rows()  # tag counts, after a label deletion or merge
        if self.current_id is not None:
            self.show_annotations(self.current_id)

    def _clear_shown_document(self) -> None:
        """The shown document is gone (deleted): nothing of it stays on screen."""
        self.analysis.cancel()  # its result would be stored for a deleted document
        self.reader.clear()
        self.entity_panel.show_entities([])
        self.annotation_panel.show_annotations([], {})
        self.directives.clear()

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
        only_changed: Collection[int] | None = None
        if document is not None and document.id == document_id and changed is not None:
            only_changed = changed
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
        self.reader.set_annotations(annotations, colors, only_changed)
        self.annotation_panel.show_annotations(annotations, self._entity_names())

    def _entity_names(self) -> dict[str, list[str]]:
        """The names the entities give, by kind, each once in order of appearance: made again
        only when the entities changed, not at every tag (a millisecond on a long readout)."""
        version = self.reader.entities_version
        if self._names_of_version is None or self._names_of_version[0] != version:
            names: dict[str, dict[str, None]] = {}  # a dict, not a list: thousands of entities
            for entity in self.reader.entities:
                names.setdefault(entity.type, {})[entity.text] = None
            kinds = {kind: list(texts) for kind, texts in names.items()}
            self._names_of_version = (version, kinds)
        return self._names_of_version[1]

    def refresh_after_edit(self, document_id: int, changed: Collection[int] | None = None) -> None:
        """After a tag or a suggestion changed (``changed``: the tags, if known): what shows it
        follows."""
        if document_id == self.current_id:
            self.show_annotations(document_id, changed)
            self.directives.show(document_id)
        self.documents.refresh_document(document_id)

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
        return ask_annotator(self.settings, self)

    def browse_tags(self) -> TagBrowser:
        browser = TagBrowser(self.store, self.current_id, self)
        # A new browser each time: a closed one would stay behind as a hidden child.
        browser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser.tagChosen.connect(self.go_to_tag)
        browser.open()
        return browser

    def open_journal(self) -> JournalWindow:
        """The project's journal, beside the window (not modal)."""
        journal = JournalWindow(self.workspace, self)
        journal.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        journal.show()
        return journal

    def export_codebook(self) -> None:
        choose_and_export_codebook(self.workspace, self)

    def import_codebook(self) -> None:
        choose_and_import_codebook(self.workspace, self)

    def search_corpus(self) -> CorpusSearch:
        """Show the corpus search (one per window: it keeps its hits while hidden)."""
        if self.corpus_search is None:
            self.corpus_search = CorpusSearch(self.workspace, self)
            self.corpus_search.hitChosen.connect(self.go_to_tag)
        self.corpus_search.show()
        self.corpus_search.raise_()
        self.corpus_search.activateWindow()
        self.corpus_search.query.setFocus()
        return self.corpus_search

    def count_tags(self) -> TagCounts:
        counts = TagCounts(self.workspace, self)
        # A new one each time: a closed one would stay behind as a hidden child.
        counts.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        counts.tagChosen.connect(self.go_to_tag)
        counts.show()
        return counts

    def show_segments(self) -> TagCounts:
        """The tag counts window on its coded segments tab."""
        counts = self.count_tags()
        counts.show_segments()
        return counts

    def go_to_tag(self, document_id: int, start: int, end: int) -> None:
        """Open a document (when it is not the one shown) and select a span of it; a document
        deleted since the hit or tag was listed is said to be gone (the span would otherwise
        be selected in whatever document is shown)."""
        try:
            self.store.document_summary(document_id)
        except KeyError:
            title = self.tr("Go to tag")
            tell(self, title, self.tr("That document has been deleted: there is nothing to show."))
            return
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

    def _offer_pane_menu(self, pane: QPlainTextEdit, point: QPoint) -> None:
        self.tag_actions.offer_pane_menu(pane, point)

    # Importing and exporting: see ImportExportActions ----------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Plain text goes to the corpus import; annotated sets (by their shape) to theirs;
        REFI-QDA codebooks (.qdc) to the label scheme."""
        codebooks = codebook_paths(paths)
        if codebooks:
            import_codebooks(self.workspace, codebooks, self)
        rest = [path for path in paths if path not in codebooks]
        if rest or not codebooks:
            self.import_export.import_paths(rest)

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
        self.workspace.switch_project(store)

    def _project_switched(self, store: Store) -> None:
        """Another project is open (the workspace closed the old one and dropped its undo
        history): the window's parts leave everything keyed by the old project's ids."""
        self.analysis.cancel()
        self.importer.db_path = store.path
        self.exchange.db_path = store.path
        self.directives.forget()
        self.reader.clear()
        self.entity_panel.show_entities([])
        self.annotation_panel.show_annotations([], {})
        self._show_project_name()
        self.tag_actions.load_scheme()
        self.index_builder.build_if_needed()
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
        self.workspace.projectClosing.emit()  # a memo typed in the last pause is kept
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
        self.workspace.undo_stack.retranslate()
        self.menus.rebuild()
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.annotation_panel), self.tr("Tags"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.entity_panel), self.tr("Entities"))
        self.side_tabs.setTabText(self.side_tabs.indexOf(self.memos_panel), self.tr("Memos"))
        self.directives.retranslate()  # a controller, not a widget: Qt does not tell it

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Jiyao"),
            self.tr(
                "<h3>Jiyao 纪要 {0}</h3><p>A reader and annotator for Chinese policy and meeting "
                "documents, in both scripts.</p><p>Project: {1}</p>"
            ).format(__version__, self.store.path),
        )
