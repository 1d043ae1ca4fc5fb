"""Menu actions driven as a user drives them (action -> dialog -> result), and the windows and
menus opened on request going away once closed instead of staying as hidden children."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMenu,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.labels import topics_scheme
from desktop.core.model import NewDocument, Status
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.exchange.export_dialog import ExportDialog
from desktop.ui.exchange.importing import ImportReportDialog
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.tagging.label_editor import LabelEditor
from desktop.ui.tagging.label_palette import LabelPalette
from desktop.ui.tagging.tag_browser import TagBrowser
from desktop.ui.team.review_dialog import ReviewDialog

WAIT_MS = 30_000
TEXT = "会议指出，市委书记张爱军强调，要做好安全生产工作，必须坚决防止疫情反弹。"


@pytest.fixture
def followup_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "followup.jiyao") as opened:
        for title in ("甲", "乙"):
            opened.add_document(
                NewDocument(
                    title=title,
                    raw_text=f"{title}{TEXT}",
                    clean_text=f"{title}{TEXT}",
                    encoding="utf-8",
                    script="simplified",
                )
            )
        # The policy-area labels these tests name ("Epidemic control"), not the default's.
        opened.install_scheme(topics_scheme())
        yield opened


@pytest.fixture
def followup_window(qtbot: QtBot, followup_store: Store) -> MainWindow:
    settings = Settings()
    settings.annotator = "测试员"
    shown = MainWindow(followup_store, settings)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def shown_first(qtbot: QtBot, window: MainWindow) -> int:
    """Show the first document with its entities found; its id."""
    with qtbot.waitSignal(window.documentShown, timeout=WAIT_MS) as shown:
        window.select_document()
    return int(shown.args[0])


def menu_action(window: MainWindow, text: str) -> QAction:
    """The window's action with this (untranslated) menu text."""
    [action] = [a for a in window.findChildren(QAction) if a.text() == text]
    return action


def visible_menu() -> QMenu:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())


# Menu actions, as the user takes them ---------------------------------------------------


def test_mark_document_done_from_the_edit_menu_and_back(
    qtbot: QtBot, followup_window: MainWindow
) -> None:
    window = followup_window
    document_id = shown_first(qtbot, window)
    action = menu_action(window, "Mark document &done")
    status_column = DocumentTableModel.COLUMNS.index("status")
    action.trigger()
    assert window.store.document_summary(document_id).status is Status.DONE
    assert window.documents.index(0, status_column).data() == "done"
    assert "done" in window.statusBar().currentMessage()
    action.trigger()
    assert window.store.document_summary(document_id).status is Status.IN_PROGRESS
    assert window.documents.index(0, status_column).data() == "in progress"


def test_review_disagreements_from_the_file_menu_opens_the_review(
    followup_window: MainWindow,
) -> None:
    """The menu's triggered(checked) once reached the slot's annotators parameter: a
    TypeError ('bool' object is not iterable) and no review."""
    window = followup_window
    label = window.store.labels()[0]
    for coder, end in (("甲", 6), ("乙", 8)):
        window.store.add_annotation(
            window.store.document_ids()[0], label.id, 2, end, annotator=coder
        )
    menu_action(window, "Re&view disagreements…").trigger()
    [review] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewDialog)]
    assert review.isVisible()
    review.close()


def test_the_annotator_name_from_the_edit_menu_is_kept_for_the_next_start(
    followup_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(_parent: QWidget, _title: str, label: str, **kwargs: str) -> tuple[str, bool]:
        asked.append(kwargs.get("text", ""))
        return "  王五 ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    menu_action(followup_window, "Annotator &name…").trigger()
    assert asked == ["测试员"]  # the current name is offered for editing
    assert followup_window.settings.annotator == "王五"
    followup_window.settings.sync()
    assert Settings().annotator == "王五"


def test_ctrl_l_tags_the_selection_with_a_label_typed_in_part(
    qtbot: QtBot, followup_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = followup_window
    document_id = shown_first(qtbot, window)
    start = window.reader.document.clean_text.index("要做好")  # type: ignore[union-attr]
    window.reader.select_clean_span(start, start + 9)
    monkeypatch.setattr(LabelPalette, "ask", lambda *_args: ("epidemic", True))
    menu_action(window, "&Tag selection with label…").trigger()
    [tag] = window.store.annotations(document_id)
    assert (tag.label, tag.start, tag.end, tag.annotator) == (
        "Epidemic control",
        start,
        start + 9,
        "测试员",
    )
    monkeypatch.setattr(LabelPalette, "ask", lambda *_args: ("no such label", True))
    menu_action(window, "&Tag selection with label…").trigger()
    assert len(window.store.annotations(document_id)) == 1
    assert "No label matches no such label" in window.statusBar().currentMessage()


def test_import_files_from_the_file_menu_adds_them_to_the_list(
    qtbot: QtBot, followup_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = followup_window
    text = tmp_path / "通知.txt"
    text.write_text("关于做好复工复产工作的通知。各单位要落实责任。", encoding="utf-8")
    monkeypatch.setattr(
        "desktop.ui.exchange.import_export.QFileDialog.getOpenFileNames",
        lambda *args, **kwargs: ([str(text)], ""),
    )
    with qtbot.waitSignal(window.importer.finished, timeout=WAIT_MS):
        menu_action(window, "&Import files…").trigger()
    assert window.documents.total == 3
    assert window.statusBar().currentMessage() == "1 imported, 0 duplicates skipped, 0 refused"


def test_a_recent_project_reopens_from_the_file_menu(
    followup_window: MainWindow, tmp_path: Path
) -> None:
    window = followup_window
    first = window.store.path
    assert window.create_project(tmp_path / "second.jiyao")
    recent = window.menus.recent_menu
    recent.aboutToShow.emit()
    entries = [action.text() for action in recent.actions()]
    assert entries[:2] == [str((tmp_path / "second.jiyao").resolve()), str(first.resolve())]
    recent.actions()[1].trigger()
    assert window.store.path.resolve() == first.resolve()
    assert window.store.document_count() == 2


def test_a_language_chosen_in_the_view_menu_is_used_at_once_and_remembered(
    qtbot: QtBot, followup_window: MainWindow
) -> None:
    from desktop.ui.shell.i18n import install_language

    try:
        menu_action(followup_window, "简体中文").trigger()
        qtbot.waitUntil(lambda: followup_window.menuBar().actions()[0].text() == "文件(&F)")
        followup_window.settings.sync()
        assert Settings().language == "zh_CN"
    finally:
        install_language("en")


def test_a_label_added_in_the_label_editor_is_offered_for_tags_at_once(
    qtbot: QtBot, followup_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = followup_window
    menu_action(window, "&Labels…").trigger()
    [editor] = window.findChildren(LabelEditor)
    assert editor.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: ("督查", True))
    [add] = [b for b in editor.findChildren(QPushButton) if b.text() == "Add label"]
    add.click()
    choice = window.annotation_panel.label_choice
    assert "督查" in [choice.itemText(row) for row in range(choice.count())]
    editor.reject()
    qtbot.waitUntil(lambda: not window.findChildren(LabelEditor), timeout=WAIT_MS)


# What opens on request goes when closed -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"), [("&Labels…", LabelEditor), ("Tags in the &corpus…", TagBrowser)]
)
def test_a_dialog_opened_from_the_edit_menu_is_deleted_once_closed(
    qtbot: QtBot, followup_window: MainWindow, text: str, kind: type[QWidget]
) -> None:
    window = followup_window
    for _ in range(3):
        menu_action(window, text).trigger()
        [dialog] = [d for d in window.findChildren(kind) if d.isVisible()]
        dialog.close()
    qtbot.waitUntil(lambda: not window.findChildren(kind), timeout=WAIT_MS)


def test_the_reading_pane_menu_is_deleted_once_closed(
    qtbot: QtBot, followup_window: MainWindow
) -> None:
    window = followup_window
    shown_first(qtbot, window)
    pane = window.reader.original
    window.reader.select_clean_span(0, 3)
    for _ in range(2):
        window.tag_actions.offer_pane_menu(pane, pane.rect().center())
        visible_menu().close()
    qtbot.waitUntil(lambda: not pane.findChildren(QMenu), timeout=WAIT_MS)


def test_the_entity_correction_menu_is_deleted_once_closed(
    qtbot: QtBot, followup_window: MainWindow
) -> None:
    window = followup_window
    shown_first(qtbot, window)
    panel = window.entity_panel
    group = panel.topLevelItem(0)
    person = group.child(0) if group is not None else None
    assert person is not None, "the text names a person"
    point = panel.visualItemRect(person).center()
    panel.customContextMenuRequested.emit(point)
    assert "Not an entity" in visible_menu().actions()[0].text()
    visible_menu().close()
    qtbot.waitUntil(lambda: not panel.findChildren(QMenu), timeout=WAIT_MS)


def test_the_import_report_is_deleted_once_closed(
    qtbot: QtBot, followup_window: MainWindow, tmp_path: Path
) -> None:
    window = followup_window
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with qtbot.waitSignal(window.importer.finished, timeout=WAIT_MS):
        window.import_paths([empty])
    [report] = window.findChildren(ImportReportDialog)
    assert report.caption.text() == "These files were not imported:"
    assert report.refusals.toPlainText() == f"{empty}: the file is empty"
    report.accept()
    qtbot.waitUntil(lambda: not window.findChildren(ImportReportDialog), timeout=WAIT_MS)


def test_export_remembers_its_choices_in_the_windows_settings(
    followup_window: MainWindow,
) -> None:
    window = followup_window
    menu_action(window, "&Export…").trigger()
    [dialog] = window.findChildren(ExportDialog)
    assert dialog.settings is window.settings
    dialog.close()
