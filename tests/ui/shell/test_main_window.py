"""The main window, driven as a user would: list, filter, reading panes, entities, keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.shell.app import has_chinese_font, open_project
from desktop.ui.shell.main_window import MainWindow

SHOW_TIMEOUT_MS = 30_000


def open_first(qtbot: QtBot, window: MainWindow, document_id: int | None = None) -> None:
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        window.select_document(document_id)


def document_of_script(window: MainWindow, script: str) -> int:
    return next(d.id for d in window.store.list_documents() if d.script == script)


def test_a_font_that_covers_chinese_is_installed(qapp: object) -> None:
    # Without one every glyph is a box; .ci/run installs fonts-wqy-microhei.
    assert has_chinese_font()


def test_the_first_run_imports_the_seeds(tmp_path: Path) -> None:
    store = open_project(str(tmp_path / "fresh.jiyao"))
    assert store.document_count() == 2
    store.close()


def test_a_document_opens_beside_its_conversion_with_entities_highlighted(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    reader = window.reader
    assert reader.document is not None
    assert reader.original.text == reader.document.clean_text
    assert reader.converted.text.startswith("宿迁市召开")
    assert reader.entities, "the seed names people and places"
    types = {e.type for e in reader.entities}
    painted = {(s, e, k) for s, e, k in reader.original.painted_highlights() if k in types}
    expected = {(e.start, e.end, e.type) for e in reader.entities}
    assert painted and painted <= expected
    assert "conversion: t2s" in window.statusBar().currentMessage()


def test_choosing_a_conversion_reconverts_and_is_remembered(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    choice = window.reader.conversion_choice
    choice.setCurrentIndex(choice.findData("t2tw"))
    assert "宿遷" in window.reader.converted.text
    assert Settings().conversions == {"traditional": "t2tw"}


def test_a_damaging_conversion_is_not_applied(qtbot: QtBot, window: MainWindow) -> None:
    open_first(qtbot, window, document_of_script(window, "simplified"))
    choice = window.reader.conversion_choice
    choice.setCurrentIndex(choice.findData("t2s"))
    assert window.reader.converted.text == window.reader.original.text
    assert "already Simplified" in window.reader.conversion_note.text()


def test_the_filter_finds_a_word_typed_in_the_other_script(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.filter_box.setText("宿迁")  # Simplified; the document is Traditional (宿遷)
    qtbot.waitUntil(lambda: window.documents.total == 1, timeout=2000)
    window.documents.fetch_first_page()
    assert window.store.document(window.documents.document_id(0)).script == "traditional"
    window.filter_box.setText("")
    qtbot.waitUntil(lambda: window.documents.total == 2, timeout=2000)


def test_hiding_a_type_in_the_legend_removes_its_highlights(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    window.reader.legend.buttons["PERSON"].setChecked(False)
    assert all(kind != "PERSON" for *_, kind in window.reader.original.painted_highlights())
    window.reader.legend.buttons["PERSON"].setChecked(True)
    assert any(kind == "PERSON" for *_, kind in window.reader.original.painted_highlights())


def test_choosing_an_entity_in_the_panel_selects_it_in_both_panes(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    people = window.entity_panel.topLevelItem(0)
    assert people is not None
    first = people.child(0)
    window.entity_panel.itemClicked.emit(first, 0)
    assert window.reader.original.textCursor().selectedText() == first.text(0)
    converted = window.reader.converted.textCursor().selectedText()
    assert converted and len(converted) == len(first.text(0))


def test_alt_down_goes_to_the_next_document(qtbot: QtBot, window: MainWindow) -> None:
    open_first(qtbot, window)
    first = window.current_id
    with qtbot.waitSignal(window.documentShown, timeout=SHOW_TIMEOUT_MS):
        qtbot.keyClick(window.document_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.current_id != first


def test_find_selects_the_word_in_either_script(qtbot: QtBot, window: MainWindow) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    window.reader.open_find()
    window.reader.find_field.setText("复工")  # typed in Simplified, found as 復工
    assert window.reader.find_next()
    assert window.reader.original.textCursor().selectedText() == "復工"


def test_the_raw_text_shows_the_removed_artefacts_struck_out(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    window.reader.show_raw.setChecked(True)
    reader = window.reader
    assert reader.document is not None
    assert reader.original.text == reader.document.raw_text
    window.reader.original.scroll_to_position(0)
    removed = [(s, e) for s, e, kind in reader.original.painted_highlights() if kind == "removed"]
    assert removed and all(reader.document.raw_text[s] == "(" for s, _ in removed[:5])


def test_the_layout_is_restored_on_the_next_start(qtbot: QtBot, store: Store) -> None:
    first = MainWindow(store, Settings())
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([200, 900, 300])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(store, Settings())
    qtbot.addWidget(second)
    second.show()
    # The offscreen screen may shrink the restored window; the proportions are what was kept.
    restored = second.splitter.sizes()
    for kept, saved in zip(restored, sizes, strict=True):
        assert abs(kept / sum(restored) - saved / sum(sizes)) < 0.05


def test_marking_changes_underlines_what_the_conversion_rewrote(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    window.reader.mark_changes.setChecked(True)
    window.reader.converted.scroll_to_position(0)
    text = window.reader.converted.text
    changed = [
        (s, e) for s, e, kind in window.reader.converted.painted_highlights() if kind == "changed"
    ]
    assert changed
    conversion = window.reader.conversion
    assert conversion is not None
    for start, end in changed[:20]:
        source_start, source_end = conversion.alignment.map_span_back(start, end)
        assert conversion.source[source_start:source_end] != text[start:end]


def test_hovering_a_highlight_names_its_type(qtbot: QtBot, window: MainWindow) -> None:
    open_first(qtbot, window, document_of_script(window, "traditional"))
    person = next(e for e in window.reader.entities if e.type == "PERSON")
    tips = [h.tooltip for h in window.reader.original.highlights_at(person.start)]
    assert "Person" in tips


def test_dropping_files_on_the_window_imports_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    dropped = tmp_path / "dropped.txt"
    dropped.write_text("市委书记王某某主持会议，要求做好复工复产。", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.finished, timeout=SHOW_TIMEOUT_MS):
        window.dropEvent(event)
    assert window.store.document_count() == 3
    assert window.documents.total == 3


def test_toggling_change_marks_keeps_the_reading_place(qtbot: QtBot, window: MainWindow) -> None:
    open_first(qtbot, window, document_of_script(window, "simplified"))
    pane = window.reader.original
    pane.resize(300, 150)
    middle = len(pane.text) // 2
    pane.scroll_to_position(middle)
    before = pane.first_visible_position()
    assert before > 0
    window.reader.mark_changes.setChecked(True)
    # Back at the same passage (lines re-wrap as they are laid out), not at the top.
    assert abs(pane.first_visible_position() - before) < 200


def test_raw_text_is_not_offered_in_an_empty_project(qtbot: QtBot, tmp_path: Path) -> None:
    with Store(tmp_path / "empty.jiyao") as empty:
        window = MainWindow(empty, Settings())
        qtbot.addWidget(window)
        window.show()
        assert not window.reader.show_raw.isEnabled()
        [view] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View"]
        view.aboutToShow.emit()
        [raw] = [a for a in view.actions() if a.text() == "&Raw text with removed artefacts"]
        assert not raw.isEnabled()
        window.close()


def test_an_empty_project_shows_how_to_import_until_documents_come(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with Store(tmp_path / "empty.jiyao") as empty:
        window = MainWindow(empty, Settings())
        qtbot.addWidget(window)
        window.show()
        assert window.empty_hint.isVisible() and not window.reader.isVisible()
        assert "Ctrl+O" in window.empty_hint.text()
        text = tmp_path / "通知.txt"
        text.write_text("关于做好复工复产工作的通知。各单位要落实责任。", encoding="utf-8")
        with qtbot.waitSignal(window.importer.finished, timeout=SHOW_TIMEOUT_MS):
            window.import_paths([text])
        assert window.reader.isVisible() and not window.empty_hint.isVisible()
        window.close()


def test_going_to_a_hit_in_a_deleted_document_says_it_is_gone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A double-clicked search hit in a document deleted since the search selected its span
    in whatever document was shown."""
    from PySide6.QtWidgets import QMessageBox

    shown, gone = window.store.document_ids()[:2]
    window.select_document(shown)
    window.store.delete_documents([gone])
    window.go_to_tag(gone, 2, 4)
    assert window.workspace.current_id == shown
    assert window.reader.selected_clean_span() is None
    [box] = window.findChildren(QMessageBox)
    assert "deleted" in box.text()
    box.close()
