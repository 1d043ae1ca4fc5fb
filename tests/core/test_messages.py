"""Core messages are English strings that the window can still translate."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from desktop.core.messages import QT_TRANSLATE_NOOP, Message, counted, message_of
from desktop.core.store import NotAProject
from desktop.core.textio import UnreadableFile, decode_bytes

CORE = Path(__file__).resolve().parents[2] / "desktop" / "core"

# Exceptions whose text reaches a user (dialogs, import reports), and the report records.
USER_FACING = {
    "StoreError",
    "InvalidSpan",
    "NotAProject",
    "CorruptProject",
    "ReadOnlyProject",
    "PermissionDenied",
    "DiskFull",
    "ProjectBusy",
    "DuplicateLabel",
    "BackupError",
    "UnreadableFile",
    "BadScheme",
    "UnusableJson",
    "UnreadableSet",
    "BadField",
    "UnsafeTarget",
    "FolderInUse",
    "Refusal",
    "Problem",
    "MemoError",
    "BadCodebook",
    "UnknownDocumentFormat",
}


def test_a_message_is_its_english_text() -> None:
    message = QT_TRANSLATE_NOOP("Import", "cannot be listed: {0}").format("Permission denied")
    assert message == "cannot be listed: Permission denied"
    assert isinstance(message, str) and isinstance(message, Message)
    assert (message.context, message.template, message.args) == (
        "Import",
        "cannot be listed: {0}",
        ("Permission denied",),
    )
    assert f"a.txt: {message}" == "a.txt: cannot be listed: Permission denied"


def test_a_message_survives_the_import_workers_pickling() -> None:
    inner = QT_TRANSLATE_NOOP("Import", "a socket")
    message = QT_TRANSLATE_NOOP("Import", "not a regular file ({0}); not read").format(inner)
    copy = pickle.loads(pickle.dumps(message))
    assert copy == message and copy.template == message.template
    assert isinstance(copy.args[0], Message) and copy.args[0].template == "a socket"


def test_an_exception_keeps_its_message() -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_bytes(b"")
    assert isinstance(message_of(caught.value), Message)
    assert message_of(caught.value) == str(caught.value) == "the file is empty"
    assert type(message_of(ValueError("plain"))) is str


def test_a_store_error_is_a_message(tmp_path: Path) -> None:
    from desktop.core.store import Store

    empty = tmp_path / "empty.jiyao"
    empty.write_bytes(b"")
    with pytest.raises(NotAProject) as caught:
        Store(empty)
    assert isinstance(caught.value.args[0], Message)


def _plain_text_arguments(path: Path) -> list[str]:
    """Calls of user-facing exceptions and records given a literal or f-string, not a Message."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name not in USER_FACING:
            continue
        text_at = 1 if name in ("Problem", "Refusal") else 0
        if len(node.args) > text_at:
            argument = node.args[text_at]
            if isinstance(argument, ast.JoinedStr) or (
                isinstance(argument, ast.Constant) and isinstance(argument.value, str)
            ):
                found.append(f"{path.relative_to(CORE)}:{node.lineno}")
    return found


def test_every_user_facing_refusal_is_marked_for_translation() -> None:
    """A reason written as a plain string would reach the Chinese window in English: mark it
    with QT_TRANSLATE_NOOP (then scripts/update_translations.sh and translate it)."""
    unmarked = [
        place for path in sorted(CORE.rglob("*.py")) for place in _plain_text_arguments(path)
    ]
    assert unmarked == []


def test_counted_says_one_in_the_singular() -> None:
    assert [counted(1, "tag"), counted(0, "tag"), counted(2, "entry", "entries")] == [
        "1 tag",
        "0 tags",
        "2 entries",
    ]
