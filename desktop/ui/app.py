"""Start the window: application identity, logging to a file, language, project, first-run seeds."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME, __version__
from desktop.core.corpus import import_seeds
from desktop.core.paths import default_db_path, log_dir
from desktop.core.store import Store, StoreError
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

log = logging.getLogger(__name__)

SCREENSHOT_TIMEOUT_MS = 60_000
SCREENSHOT_SIZE = (1400, 820)
CJK_FONT_ADVICE = (
    "No installed font covers Chinese, so Chinese text will show as boxes. "
    "Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei)."
)


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("jiyao")
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


def open_project(db: str | None) -> Store:
    store = Store(default_db_path(db))
    if store.document_count() == 0:
        report = import_seeds(store)
        log.info("first run: seeds %s", report.summary())
    return store


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
) -> int:
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
    try:
        store = open_project(db)
    except StoreError as error:
        if screenshot is not None:
            raise
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = MainWindow(store, settings, chosen)
    if screenshot is not None:
        window.resize(SCREENSHOT_SIZE[0], SCREENSHOT_SIZE[1])  # the same picture on any screen
    window.show()
    if not has_chinese_font():
        log.warning(CJK_FONT_ADVICE)
        if screenshot is None:
            QMessageBox.warning(window, APP_NAME, window.tr(CJK_FONT_ADVICE))
    if screenshot is not None:
        shown = wait_for_document(window, open_document)
        return save_screenshot(app, window, screenshot) if shown else 1
    window.select_document(open_document)
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
