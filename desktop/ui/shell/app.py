"""Start the window: application identity, logging to a file, language, one window per user,
the project (named, last or default), first-run seeds."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.corpus import import_seeds
from desktop.core.paths import DB_ENVIRONMENT_VARIABLE, default_db_path, log_dir
from desktop.core.resources import resource_path
from desktop.core.store import CorruptProject, Store, StoreError
from desktop.core.store.opening import open_project as open_existing_or_new
from desktop.ui.common.language import interface_language
from desktop.ui.common.messages import error_text
from desktop.ui.common.project_files import split_projects
from desktop.ui.common.settings import Settings
from desktop.ui.shell.crash_log import log_crashes
from desktop.ui.shell.hand_over import FileOpenEvents, HandOver
from desktop.ui.shell.i18n import install_language
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.projects import offer_newest_backup
from desktop.ui.shell.single_instance import Launch, SingleInstance

log = logging.getLogger(__name__)

SCREENSHOT_TIMEOUT_MS = 60_000
SCREENSHOT_SIZE = (1400, 820)
# Marked for lupdate (which only reads literals); translated where it is shown.
CJK_FONT_ADVICE = str(
    QT_TRANSLATE_NOOP(
        "MainWindow",
        "No installed font covers Chinese, so Chinese text will show as boxes. Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei).",  # noqa: E501 (one literal: lupdate does not join strings)
    )
)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The .desktop file's name (desktop/core/desktop_entry.py): Wayland's app_id, the menu icon.
    QGuiApplication.setDesktopFileName("io.github.jiyao.Jiyao")
    app.setWindowIcon(QIcon(str(resource_path("icons", "jiyao.svg"))))
    return app


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def log_to_file() -> None:
    """A windowed app on Windows has no stdout/stderr: the log file is where errors go."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(folder / "jiyao.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    log_crashes(folder / "jiyao.log")


@dataclass(frozen=True)
class ProjectChoice:
    """The project a start opens."""

    path: Path
    seeds: bool  # an empty project gets the seed documents: a first run
    remembered: bool = False  # the last project: when it will not open, the default does
    notice: str = ""  # for the status bar: why this is not the project the user expected


def choose_project(db: str | None, paths: Sequence[Path], settings: Settings) -> ProjectChoice:
    """A project among ``paths`` (a double-clicked file), then ``--db`` or JIYAO_DB, then the
    last project opened, then the default project."""
    projects, _ = split_projects(paths)
    if projects:
        return ProjectChoice(projects[0], seeds=False)
    if db or os.environ.get(DB_ENVIRONMENT_VARIABLE):
        return ProjectChoice(default_db_path(db), seeds=True)
    default, last = default_db_path(), settings.last_project
    if last is None or last == default.resolve():
        return ProjectChoice(default, seeds=True)
    if last.is_file():
        return ProjectChoice(last, seeds=False, remembered=True)
    notice = QCoreApplication.translate(
        "Startup", "The last project, {0}, no longer exists: opened the default project instead."
    )
    return ProjectChoice(default, seeds=True, notice=notice.format(last))


def open_store(choice: ProjectChoice) -> Store:
    # A new project gets the default labels, an existing one its daily backup.
    # The window reads the project at once; nothing is written before its check has passed.
    store = open_existing_or_new(choice.path, language=interface_language(), check_later=True)
    if choice.seeds and store.document_count() == 0:
        report = import_seeds(store)
        log.info("first run: seeds %s", report.summary())
    return store


def open_project(db: str | None) -> Store:
    """The project ``--db`` names (else JIYAO_DB's, else the default), seeded when empty."""
    return open_store(ProjectChoice(default_db_path(db), seeds=True))


def open_chosen(
    choice: ProjectChoice, recover: Callable[[CorruptProject], bool] | None = None
) -> tuple[Store, ProjectChoice]:
    """Open the chosen project; a damaged one is first handed to ``recover`` (which may put
    a backup in its place: True) and opened again. A remembered one that will not open gives
    way to the default, or nobody could start Jiyao without ``--db`` again. Raises StoreError."""
    try:
        try:
            return open_store(choice), choice
        except CorruptProject as damaged:
            if recover is None or not recover(damaged):
                raise
            return open_store(choice), choice
    except StoreError as error:
        if not choice.remembered:
            raise
        log.warning("the last project would not open: %s", error)
        notice = QCoreApplication.translate(
            "Startup", "The last project would not open ({0}): opened the default project instead."
        )
        fallback = ProjectChoice(
            default_db_path(), seeds=True, notice=notice.format(error_text(error))
        )
        return open_store(fallback), fallback


def show_notice(window: MainWindow, notice: str) -> None:
    """Say it in the status bar now and again once the first document is on screen: showing
    a document writes its own status over it."""

    def again(_document: int) -> None:
        window.documentShown.disconnect(again)
        window.statusBar().showMessage(notice)

    window.statusBar().showMessage(notice)
    window.documentShown.connect(again)


def has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run(
    *,
    db: str | None = None,
    open_document: int | None = None,
    screenshot: Path | None = None,
    language: str | None = None,
    paths: Sequence[Path] = (),
    single_instance: bool | None = None,
) -> int:
    """Open the window. ``paths``: a project to open and files or folders to import into it.
    ``single_instance`` (default: on, off for a screenshot): when a window is running already,
    hand it the paths and return 0 instead."""
    if screenshot is not None:
        # A screenshot needs no screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif not has_display():
        raise RuntimeError(
            "no display to open the window on (DISPLAY is not set); "
            "use --screenshot PNG, or the analyze, import and export commands"
        )
    app = application()
    log_to_file()
    settings = Settings()
    chosen = install_language(language if language is not None else settings.language)
    paths = [path.absolute() for path in paths]
    if single_instance is None:
        single_instance = screenshot is None
    instance = SingleInstance() if single_instance else None
    if instance is not None:
        launch = instance.start(paths_for_running_window(db, paths))
        if launch is not Launch.FIRST:
            return report_hand_over(launch, len(paths_for_running_window(db, paths)))
    try:
        return show_window(
            app,
            settings,
            chosen,
            choose_project(db, paths, settings),
            open_document=open_document,
            screenshot=screenshot,
            paths=paths,
            instance=instance,
        )
    finally:
        if instance is not None:
            instance.release()


def paths_for_running_window(db: str | None, paths: list[Path]) -> list[Path]:
    """What a second launch asks the running window to open: ``--db`` as well as the paths."""
    return ([default_db_path(db).absolute()] if db else []) + paths


class HandOverWords(QObject):
    """What a second launch says on the terminal (a class, so lupdate sees the plural)."""

    def handed(self, count: int) -> str:
        if count == 0:
            return self.tr("Jiyao is already running: brought its window to the front.")
        return self.tr("Jiyao is already running: handed %n path(s) to it.", "", count)


def hand_over_message(count: int) -> str:
    """What a second launch says on the terminal, so it does not just exit silently."""
    return HandOverWords().handed(count)


def report_hand_over(launch: Launch, count: int = 0) -> int:
    if launch is Launch.HANDED_OVER:
        log.info("handed %d paths over to the running window", count)
        if sys.stdout is not None:
            print(hand_over_message(count))
        return 0
    log.error("another Jiyao holds the lock but does not answer")
    QMessageBox.warning(
        None,
        APP_NAME,
        QCoreApplication.translate(
            "Startup", "Jiyao is already running but does not answer. Close it, then try again."
        ),
    )
    return 1


def show_window(
    app: QApplication,
    settings: Settings,
    language: str,
    choice: ProjectChoice,
    *,
    open_document: int | None,
    screenshot: Path | None,
    paths: list[Path],
    instance: SingleInstance | None,
) -> int:
    try:
        store, choice = open_chosen(choice, None if screenshot else offer_newest_backup)
    except StoreError as error:
        if screenshot is not None:
            raise
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return 1
    window = MainWindow(store, settings, language)
    # Paths that arrive while a dialog or a job uses the project wait here until it is idle.
    hand_over = HandOver(window, window)
    if instance is not None:
        # Connected before anything runs an event loop (the font warning below): Qt reads
        # the socket only then, so no message can arrive before the window is listening.
        instance.pathsReceived.connect(hand_over.receive)
    app.installEventFilter(FileOpenEvents(hand_over, window))
    if screenshot is not None:
        window.resize(SCREENSHOT_SIZE[0], SCREENSHOT_SIZE[1])  # the same picture on any screen
    window.show()
    if not has_chinese_font():
        log.warning(CJK_FONT_ADVICE)
        if screenshot is None:
            QMessageBox.warning(
                window, APP_NAME, QCoreApplication.translate("MainWindow", CJK_FONT_ADVICE)
            )
    if screenshot is not None:
        shown = wait_for_document(window, open_document)
        return save_screenshot(app, window, screenshot) if shown else 1
    window.select_document(open_document if open_document is not None else window.last_document())
    if choice.notice:
        show_notice(window, choice.notice)
    imports = split_projects(paths)[1]
    if imports:
        window.import_paths(imports)
    return app.exec()


def wait_for_document(window: MainWindow, document_id: int | None) -> bool:
    """Select a document and wait until it is on screen with its entities."""
    loop = QEventLoop()
    shown: list[int] = []

    def on_shown(document: int) -> None:
        shown.append(document)
        loop.quit()

    window.documentShown.connect(on_shown)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
    window.select_document(document_id)
    if not shown:
        loop.exec()
    if not shown:
        log.error("the document did not finish showing within %d ms", SCREENSHOT_TIMEOUT_MS)
    return bool(shown)


def save_screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    for _ in range(5):  # let layout and painting settle
        app.processEvents()
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write the screenshot to {path}")
    print(f"screenshot saved to {path}")
    window.close()
    window.store.close()
    return 0
