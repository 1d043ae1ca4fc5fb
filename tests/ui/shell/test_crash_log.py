"""Uncaught errors reach the log file, and telling the user cannot recurse."""

from __future__ import annotations

import faulthandler
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.shell.crash_log import UncaughtErrors, log_crashes


@pytest.fixture
def restored_hooks() -> Iterator[None]:
    hook = sys.excepthook
    yield
    sys.excepthook = hook
    faulthandler.enable(file=sys.stderr)


def raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError("broken slot")
    except ValueError as error:
        return type(error), error, error.__traceback__


def test_an_uncaught_exception_is_logged_with_its_traceback_and_told(
    caplog: pytest.LogCaptureFixture,
) -> None:
    told: list[str] = []
    hook = UncaughtErrors(told.append)
    kind, error, traceback = raise_and_catch()
    with caplog.at_level(logging.CRITICAL):
        hook(kind, error, traceback)  # type: ignore[arg-type]
    assert "ValueError: broken slot" in caplog.text
    assert "raise_and_catch" in caplog.text  # the traceback, not just the message
    assert len(told) == 1 and "broken slot" in told[0]


def test_a_failing_dialog_is_logged_and_does_not_recurse(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[str] = []

    def failing_dialog(message: str) -> None:
        calls.append(message)
        hook(*raise_and_catch())  # type: ignore[arg-type]  # an error while telling
        raise RuntimeError("no dialog today")

    hook = UncaughtErrors(failing_dialog)
    hook(*raise_and_catch())  # type: ignore[arg-type]
    assert len(calls) == 1
    assert "no dialog today" in caplog.text
    assert caplog.text.count("ValueError: broken slot") == 2


def test_log_crashes_installs_the_hook(tmp_path: Path, restored_hooks: None) -> None:
    hook = log_crashes(tmp_path / "jiyao.log", tell=lambda message: None)
    assert sys.excepthook is hook
    assert faulthandler.is_enabled()


def test_a_fatal_error_writes_the_stack_to_the_log_file(tmp_path: Path) -> None:
    log_file = tmp_path / "jiyao.log"
    program = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from desktop.ui.shell.crash_log import log_crashes\n"
        f"log_crashes(Path({str(log_file)!r}), tell=print)\n"
        "def crashing_function():\n"
        "    faulthandler._sigsegv()\n"
        "crashing_function()\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, check=False)
    assert result.returncode != 0
    text = log_file.read_text(encoding="utf-8")
    assert "Segmentation fault" in text
    assert "crashing_function" in text


def test_a_damaged_project_read_in_a_slot_is_told_as_such_not_as_a_crash() -> None:
    """Reads of a damaged page before the project's check has finished (or after the user
    chose to keep it open) are the file's damage, said in words; a refused write too."""
    import sqlite3

    from desktop.core.store import CorruptProject

    told: list[str] = []
    hook = UncaughtErrors(told.append)
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    hook(type(malformed), malformed, None)
    refused = CorruptProject("p.jiyao is damaged (integrity check: ...)", Path("p.jiyao"))
    hook(type(refused), refused, None)
    locked = sqlite3.OperationalError("database is locked")
    hook(type(locked), locked, None)
    assert "damaged" in told[0] and "backup" in told[0] and "went wrong" not in told[0]
    assert told[1] == "p.jiyao is damaged (integrity check: ...)"
    assert "Something went wrong" in told[2]
