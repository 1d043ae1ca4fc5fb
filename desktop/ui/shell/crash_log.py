"""Errors nobody caught reach the log file: a Python exception through ``sys.excepthook``
(logged with its traceback, then shown in a dialog), a fatal error (a segfault, a stack
overflow in Qt) through ``faulthandler``, which writes the Python stack of every thread."""

from __future__ import annotations

import faulthandler
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_NAME
from desktop.core.store import StoreError, is_file_damage
from desktop.ui.common.messages import error_text

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
Tell = Callable[[str], object]


def show_error_dialog(message: str) -> None:
    if QApplication.instance() is not None:
        QMessageBox.critical(None, APP_NAME, message)


class UncaughtErrors:
    """The excepthook: log, then tell the user once at a time. An error while telling (the
    dialog itself failing, or erring again while it shows) is logged, never shown again, so
    the hook cannot recurse."""

    def __init__(self, tell: Tell = show_error_dialog) -> None:
        self.tell = tell
        self.telling = False

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        traceback: TracebackType | None,
    ) -> None:
        log.critical("uncaught error", exc_info=(kind, error, traceback))
        if self.telling or issubclass(kind, KeyboardInterrupt):
            return
        self.telling = True
        try:
            self.tell(_told(kind, error))
        except Exception:  # the dialog failed: the log is all there is, say so there
            log.exception("could not show the error dialog")
        finally:
            self.telling = False


def _told(kind: type[BaseException], error: BaseException) -> str:
    """What the user is told: a project's own failure in its words (a damaged project read
    before its check has finished, or after the user chose to keep it open), else that
    something went wrong."""
    if isinstance(error, StoreError):
        return error_text(error)
    if is_file_damage(error):
        return QCoreApplication.translate(
            "Startup",
            "This part of the project cannot be read: the file is damaged ({0}). Nothing is "
            "written to it; `jiyao backups` lists its backups.",
        ).format(error)
    return QCoreApplication.translate(
        "Startup",
        "Something went wrong: {0}\n\nThe details are in the log file. Your tags "
        "are saved as you make them.",
    ).format(f"{kind.__name__}: {error}")


_fault_log: TextIO | None = None  # kept open for faulthandler, which writes by descriptor


def log_crashes(log_file: Path, tell: Tell = show_error_dialog) -> UncaughtErrors:
    """From now on, uncaught exceptions and fatal errors are written to ``log_file``."""
    global _fault_log
    if _fault_log is not None:
        _fault_log.close()
    _fault_log = open(log_file, "a", encoding="utf-8")  # noqa: SIM115 (lives as long as we do)
    faulthandler.enable(file=_fault_log, all_threads=True)
    hook = UncaughtErrors(tell)
    sys.excepthook = hook
    return hook
