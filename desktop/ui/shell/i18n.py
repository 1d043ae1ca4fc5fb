"""The interface language: English in the source, Simplified Chinese from resources/i18n/.

Chosen from the system locale unless the user picked one in the View menu.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.resources import resource_path
from desktop.ui.common.language import set_interface_language

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_language(language: str) -> str:
    """Install the translators for ``language`` ("" = the system's); returns the one used."""
    app = QCoreApplication.instance()
    chosen = language if language in LANGUAGES else system_language()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    set_interface_language(chosen)
    if app is None:
        return chosen
    ours = QTranslator()
    if ours.load(str(resource_path("i18n", f"jiyao_{chosen}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        log.warning("no translation for %s in resources/i18n", chosen)
    if chosen == "en":  # English is the source: its .qm holds only plural forms ("1 tag")
        return chosen
    qt_own = QTranslator()
    if qt_own.load(
        f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return chosen
