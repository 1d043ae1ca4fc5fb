"""The window's menu bar: every action, its shortcut, and what it calls."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu

from desktop.ui.common.settings import Settings
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.exchange.import_export import ImportExportActions
from desktop.ui.reading.reader import ReaderView
from desktop.ui.shell.i18n import LANGUAGES, install_language
from desktop.ui.shell.projects import ProjectSwitcher
from desktop.ui.tagging.tag_actions import TagActions
from desktop.ui.team.team_actions import TeamActions


class WindowParts(Protocol):
    """What the menus call: the window's parts and its own few commands (MainWindow has
    them all; the menus name them here instead of importing the window)."""

    import_export: ImportExportActions
    project_switcher: ProjectSwitcher
    tag_actions: TagActions
    team: TeamActions
    corpus: CorpusList
    reader: ReaderView
    filter_box: QLineEdit
    language: str

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def settings(self) -> Settings: ...

    def toggle_done(self) -> None: ...

    def ask_annotator(self) -> str: ...

    def browse_tags(self) -> object: ...

    def open_journal(self) -> object: ...

    def export_codebook(self) -> None: ...

    def import_codebook(self) -> None: ...

    def search_corpus(self) -> object: ...

    def count_tags(self) -> object: ...

    def show_segments(self) -> object: ...

    def about(self) -> None: ...


Shortcut = QKeySequence.StandardKey | str


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys and Ctrl+Shift+Z, each once: on KDE and GNOME the standard
    redo key is Ctrl+Shift+Z, and one action holding a key twice makes it ambiguous, so the
    key did nothing (issue 21)."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
    return list({key.toString(): key for key in keys}.values())


class WindowMenus(QObject):
    """Builds File, Edit, Go, View and Help on the window's menu bar. The actions are the
    window's own, so their shortcuts work whichever widget has the focus."""

    def __init__(self, window: QMainWindow, parts: WindowParts) -> None:
        super().__init__(window)
        self.window = window  # the menu bar's, and the owner of every action
        self.parts = parts
        self._owned: list[QObject] = []  # what a rebuild removes: actions, the language group
        self.build()

    def rebuild(self) -> None:
        """Build the menus again, in the language now installed (a live language switch)."""
        for owned in self._owned:
            if isinstance(owned, QAction):
                self.window.removeAction(owned)
            owned.deleteLater()
        self._owned = []
        self.window.menuBar().clear()
        self.build()

    def build(self) -> None:
        window = self.window
        bar = window.menuBar()
        self._build_file_menu(bar.addMenu(self.tr("&File")))
        self._build_edit_menu(bar.addMenu(self.tr("&Edit")))
        self._build_go_menu(bar.addMenu(self.tr("&Go")))
        self._build_view_menu(bar.addMenu(self.tr("&View")))
        help_menu = bar.addMenu(self.tr("&Help"))
        self._add(help_menu, self.tr("&About Jiyao"), self.parts.about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: Shortcut | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        # Never hand `triggered`'s checked flag to the slot: a slot with an optional first
        # parameter (review_disagreements(annotators=())) would take the bool for it.
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.window.addAction(action)  # shortcuts work whichever widget has focus
        self._owned.append(action)
        return action

    def _build_file_menu(self, menu: QMenu) -> None:
        window = self.window
        files, projects = self.parts.import_export, self.parts.project_switcher
        open_key = QKeySequence.StandardKey.Open
        self._add(menu, self.tr("&Import files…"), files.import_files, open_key)
        self._add(menu, self.tr("Import &folder…"), files.import_folder)
        self._add(menu, self.tr("Import analysis res&ults…"), files.import_analysis_results)
        self._add(menu, self.tr("Import &annotated set…"), files.import_annotated_set)
        self._add(menu, self.tr("Import annotated &brat folder…"), files.import_brat_folder)
        self._add(menu, self.tr("Import co&debook…"), self.parts.import_codebook)
        self._add(menu, self.tr("&Export…"), files.export, "Ctrl+Shift+E")
        self._add(menu, self.tr("Export &codebook…"), self.parts.export_codebook)
        menu.addSeparator()
        team = self.parts.team
        self._add(menu, self.tr("&Prepare coder projects…"), team.prepare_coder_projects)
        self._add(menu, self.tr("&Merge projects…"), team.merge_projects)
        self._add(menu, self.tr("Inter-coder a&greement…"), team.show_agreement)
        self._add(menu, self.tr("Re&view disagreements…"), team.review_disagreements)
        menu.addSeparator()
        self._add(menu, self.tr("&New project…"), projects.new_project)
        self._add(menu, self.tr("&Open project…"), projects.choose_project)
        self.recent_menu = menu.addMenu(self.tr("&Recent projects"))
        self.recent_menu.aboutToShow.connect(lambda: projects.fill_recent_menu(self.recent_menu))
        menu.addSeparator()
        self._add(menu, self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

    def _build_edit_menu(self, menu: QMenu) -> None:
        window, parts, tags = self.window, self.parts, self.parts.tag_actions
        undo = parts.undo_stack.createUndoAction(window, self.tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = parts.undo_stack.createRedoAction(window, self.tr("&Redo"))
        redo.setShortcuts(redo_keys())
        for action in (undo, redo):
            menu.addAction(action)
            window.addAction(action)
            self._owned.append(action)
        menu.addSeparator()
        self._add(menu, self.tr("&Tag selection with label…"), tags.choose_label, "Ctrl+L")
        moves = (
            (self.tr("Extend tag end"), 0, 1, "Shift+Alt+Right"),
            (self.tr("Shrink tag end"), 0, -1, "Shift+Alt+Left"),
            (self.tr("Extend tag start"), -1, 0, "Ctrl+Shift+Alt+Left"),
            (self.tr("Shrink tag start"), 1, 0, "Ctrl+Shift+Alt+Right"),
        )
        for text, start_step, end_step, key in moves:
            self._add(menu, text, partial(tags.adjust_tag, start_step, end_step), key)
        menu.addSeparator()
        self._add(menu, self.tr("Mark selection as &entity…"), tags.mark_entity, "Ctrl+E")
        self._add(menu, self.tr("Mark document &done"), parts.toggle_done, "Ctrl+D")
        self._add(menu, self.tr("Annotator &name…"), parts.ask_annotator)
        self._add(menu, self.tr("&Labels…"), tags.edit_labels)
        self._add(menu, self.tr("Tags in the &corpus…"), parts.browse_tags, "Ctrl+Shift+T")
        self._add(menu, self.tr("&Journal…"), parts.open_journal, "Ctrl+Shift+J")
        self._add(menu, self.tr("Tag c&ounts…"), parts.count_tags, "Ctrl+Shift+M")
        self._add(menu, self.tr("Coded se&gments…"), parts.show_segments, "Ctrl+Shift+G")

    def _build_go_menu(self, menu: QMenu) -> None:
        corpus, reader = self.parts.corpus, self.parts.reader
        self._add(menu, self.tr("&Previous document"), lambda: corpus.step(-1), "Alt+Up")
        self._add(menu, self.tr("&Next document"), lambda: corpus.step(+1), "Alt+Down")
        menu.addSeparator()
        find = QKeySequence.StandardKey.Find
        self._add(menu, self.tr("&Find in document…"), reader.open_find, find)
        find_next = QKeySequence.StandardKey.FindNext
        self._add(menu, self.tr("Find ne&xt"), reader.find_next, find_next)
        focus_filter = self.parts.filter_box.setFocus
        self._add(menu, self.tr("Filter &documents"), focus_filter, "Ctrl+Alt+F")
        self._add(menu, self.tr("&Search the corpus…"), self.parts.search_corpus, "Ctrl+Shift+F")

    def _build_view_menu(self, menu: QMenu) -> None:
        reader = self.parts.reader
        raw = menu.addAction(self.tr("&Raw text with removed artefacts"))
        raw.setCheckable(True)
        raw.toggled.connect(reader.show_raw.setChecked)
        # Offered only when the shown document has a raw text that differs (none shown: not).
        menu.aboutToShow.connect(lambda: raw.setEnabled(reader.show_raw.isEnabled()))
        reader.show_raw.toggled.connect(raw.setChecked)
        marks = menu.addAction(self.tr("&Mark characters the conversion changed"))
        marks.setCheckable(True)
        marks.toggled.connect(reader.mark_changes.setChecked)
        reader.mark_changes.toggled.connect(marks.setChecked)
        language_menu = menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self.window)
        self._owned.append(group)
        for code, name in LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.parts.language)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            group.addAction(action)

    def _choose_language(self, language: str) -> None:
        """Speak ``language`` at once: the translators change, and the window retranslates on
        the LanguageChange event Qt sends it."""
        self.parts.settings.language = language
        self.parts.language = install_language(language)
