"""The Tags tab's editor: filling it from the model never edits, and one user edit is one
undoable change."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.label_palette import LabelPalette

SHOW_TIMEOUT_MS = 30_000
FIRST = "市委书记张爱军强调，要做好安全生产工作，必须坚决防止疫情反弹。"
SECOND = "副市长李明指出，各部门要抓好复工复产，确保按期完成任务。"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "editor.jiyao") as opened:
        for title, text in (("一", FIRST), ("二", SECOND)):
            opened.add_document(
                NewDocument(
                    title=title,
                    raw_text=text,
                    clean_text=text,
                    encoding="utf-8",
                    script="simplified",
                )
            )
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    settings = Settings()
    settings.annotator = "测试员"
    shown = MainWindow(store, settings)
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def shallow_stack() -> Iterator[None]:
    """An endless edit loop ends in a RecursionError (a test failure) long before it would
    overflow the C stack and kill the test run."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(400)
    yield
    sys.setrecursionlimit(limit)


def open_document(qtbot: QtBot, window: MainWindow, title: str) -> int:
    document_id = next(d.id for d in window.store.list_documents() if d.title == title)
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.select_document(document_id)
    return document_id


def tag(window: MainWindow, text: str, phrase: str) -> int:
    start = text.index(phrase)
    window.reader.select_clean_span(start, start + len(phrase))
    label = window.store.labels()[0]
    window.tag_selection(label.id)
    current = window.annotation_panel.current
    assert current is not None
    return current.id


def test_note_then_issuer_then_strength_are_three_edits_and_no_loop(
    qtbot: QtBot, window: MainWindow, shallow_stack: None
) -> None:
    document_id = open_document(qtbot, window, "一")
    annotation_id = tag(window, FIRST, "要做好安全生产工作")
    panel = window.annotation_panel
    tagged = window.undo_stack.count()

    panel.note.setText("重点")
    panel.note.editingFinished.emit()
    issuer = panel.attribute_fields["issuer"]
    issuer.setEditText("张爱军")
    line = issuer.lineEdit()
    assert line is not None
    line.editingFinished.emit()
    strength = panel.attribute_fields["strength"]
    strength.setCurrentIndex(strength.findText("mandatory"))
    strength.activated.emit(strength.currentIndex())

    stored = window.store.annotation(annotation_id)
    assert stored.note == "重点"
    assert stored.attributes == {"issuer": "张爱军", "strength": "mandatory"}
    assert window.undo_stack.count() == tagged + 3
    assert [a.id for a in window.store.annotations(document_id)] == [annotation_id]


def test_refilling_the_editor_after_an_edit_emits_no_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_document(qtbot, window, "一")
    tag(window, FIRST, "要做好安全生产工作")
    panel = window.annotation_panel
    emitted: list[dict[str, object]] = []
    panel.changeRequested.connect(lambda _id, changes: emitted.append(changes))
    panel.note.setText("重点")
    panel.note.editingFinished.emit()
    assert emitted == [{"note": "重点"}]


def test_a_note_typed_then_another_tag_chosen_goes_to_the_tag_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_document(qtbot, window, "一")
    first = tag(window, FIRST, "要做好安全生产工作")
    second = tag(window, FIRST, "必须坚决防止疫情反弹")
    panel = window.annotation_panel
    panel.select_annotation(first)
    panel.note.setText("未确认")  # typed, Enter not pressed
    panel.select_annotation(second)
    assert window.store.annotation(first).note == "未确认"
    assert window.store.annotation(second).note == ""
    current = panel.current
    assert current is not None and current.id == second
    assert panel.note.text() == ""


def test_undo_after_switching_documents_goes_back_to_the_document_it_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = open_document(qtbot, window, "一")
    tag(window, FIRST, "要做好安全生产工作")
    second = open_document(qtbot, window, "二")
    undo = next(a for a in window.findChildren(QAction) if a.text().startswith("&Undo"))
    assert "一" in undo.text()  # the Undo menu names the document it would change

    window.reader.original.setFocus()
    qtbot.keyClick(window.reader.original, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert window.store.annotations(first) == []
    assert window.current_id == first  # the user sees the document that changed
    assert window.reader.original.textCursor().selectedText() == "要做好安全生产工作"
    assert "一" in window.statusBar().currentMessage()
    assert window.current_id != second

    window.undo_stack.redo()
    assert [a.text for a in window.store.annotations(first)] == ["要做好安全生产工作"]


def test_cancelling_the_annotator_question_tags_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    document_id = open_document(qtbot, window, "一")
    window.settings.annotator = ""
    asked: list[str] = []

    def cancelled(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append("asked")
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", cancelled)
    start = FIRST.index("要做好")
    window.reader.select_clean_span(start, start + 3)
    window.tag_selection(window.store.labels()[0].id)
    assert window.store.annotations(document_id) == []
    assert window.undo_stack.count() == 0
    assert "no name" in window.statusBar().currentMessage()
    window.directives.index = 0
    window.directives.accept()  # accepting a suggestion tags too: the same question
    assert window.store.annotations(document_id) == []
    assert asked == ["asked", "asked"]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("乙", True))
    window.reader.select_clean_span(start, start + 3)
    window.tag_selection(window.store.labels()[0].id)
    assert [a.annotator for a in window.store.annotations(document_id)] == ["乙"]


def test_the_issuer_field_offers_the_people_of_the_shown_document_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    issuer = window.annotation_panel.attribute_fields["issuer"]

    def offered() -> set[str]:
        return {issuer.itemText(row) for row in range(issuer.count())}

    open_document(qtbot, window, "一")
    assert "张爱军" in offered()
    open_document(qtbot, window, "二")
    assert "李明" in offered()
    assert "张爱军" not in offered()
    assert "会议" in offered()  # the scheme's own values stay


def test_label_keys_show_in_the_editor_the_palette_and_the_pane_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication, QMenu

    open_document(qtbot, window, "一")
    keyed = next(label for label in window.store.labels() if label.shortcut)
    caption = f"{keyed.name}  [{keyed.shortcut}]"
    choice = window.annotation_panel.label_choice
    assert caption in [choice.itemText(row) for row in range(choice.count())]

    offered: list[list[str]] = []

    def palette(*args: object, **kwargs: object) -> tuple[str, bool]:
        offered.append(list(args[3]))  # type: ignore[call-overload]
        return caption, True

    monkeypatch.setattr(LabelPalette, "ask", palette)
    window.reader.select_clean_span(0, 3)
    window.tag_actions.choose_label()
    assert caption in offered[0]
    assert [a.label for a in window.store.annotations(window.current_id or 0)] == [keyed.name]

    window.reader.select_clean_span(0, 3)
    window.tag_actions.offer_pane_menu(window.reader.original, QPoint(5, 5))
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    action = next(a for a in tag_menu.actions() if a.text() == keyed.name)
    assert action.shortcut().toString() == keyed.shortcut
    assert action.isShortcutVisibleInContextMenu()
    menu.close()


def test_a_new_project_gets_the_directive_types(window: MainWindow) -> None:
    keyed = {label.shortcut: label.name for label in window.store.labels() if label.shortcut}
    assert (keyed["1"], keyed["2"], keyed["3"], keyed["4"], keyed["5"]) == (
        "部署",
        "要求",
        "禁止",
        "督查",
        "时限",
    )
    assert [spec.name for spec in window.annotation_panel.attribute_specs] == [
        "issuer",
        "addressee",
        "strength",
        "deadline",
    ]


def test_a_refresh_of_the_same_tag_keeps_a_note_being_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    document_id = open_document(qtbot, window, "一")
    annotation_id = tag(window, FIRST, "要做好安全生产工作")
    panel = window.annotation_panel
    panel.note.setFocus()
    panel.note.selectAll()
    qtbot.keyClicks(panel.note, "draft")  # typed (ASCII: keyClicks), Enter not pressed yet
    window.show_annotations(document_id)  # e.g. the document's entities arrived
    assert panel.note.text() == "draft"
    panel.note.editingFinished.emit()
    assert window.store.annotation(annotation_id).note == "draft"
