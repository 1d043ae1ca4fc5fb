"""The coded segments tab: filtered by label (with sub-labels) and field values, opened on a
cross table's cell, a tag opened by double-click, exported in each format."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.ui.analysis.counts import TagCounts
from desktop.ui.common.settings import Settings
from desktop.ui.workspace import Workspace

TEXTS = (("𠀀市长要求复工", "2020-03-01", "宿迁"), ("區長要求復產", "2020-04-01", "南京"))


def project(path: Path) -> Store:
    store = Store(path)
    ids = store.add_documents(
        [
            NewDocument(
                title=t,
                raw_text=t,
                clean_text=t,
                encoding="utf-8",
                script="simplified",
                date=d,
                metadata={"city": city},
            )
            for t, d, city in TEXTS
        ]
    )
    top = store.add_label("指令").id
    demand = store.add_label("要求", parent_id=top).id
    other = store.add_label("其他").id
    first, second = ids
    assert first is not None and second is not None
    store.add_annotation(first, demand, 3, 5, attributes={"issuer": "市长"}, annotator="甲")
    store.add_annotation(first, other, 1, 4, note="重叠")  # overlaps the first
    store.add_annotation(second, demand, 2, 4, attributes={"issuer": "區長"}, annotator="乙")
    return store


def _threads_reading_every_tag(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """From now on, whether each reading of every tag shown ran on the window's thread."""
    import threading

    from desktop.core import segment_listing

    readers: list[bool] = []
    real = segment_listing.every_segment

    def spy(*args: Any, **kwargs: Any) -> Any:
        readers.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr("desktop.ui.analysis.segments_view.every_segment", spy)
    return readers


def texts(counts: TagCounts) -> list[str]:
    model = counts.segments_view.model
    return [model.index(r, 3).data() for r in range(model.rowCount())]


def settled(qtbot: QtBot, counts: TagCounts) -> None:
    """Wait for the tags, read and filtered on worker threads."""
    qtbot.waitUntil(lambda: not counts.segments_view.is_busy(), timeout=30_000)


def opened(qtbot: QtBot, store: Store) -> TagCounts:
    """The counts window on its coded segments tab, its tags read."""
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    counts.show_segments()
    settled(qtbot, counts)
    return counts


def test_filter_by_label_and_values_then_clear(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path / "s.jiyao")
    counts = opened(qtbot, store)
    view = counts.segments_view
    assert texts(counts) == ["市长要", "要求", "要求"]  # by document, then position
    view.label.setCurrentIndex(view.label.findData(store.labels()[0].id))  # 指令: its child
    settled(qtbot, counts)
    assert texts(counts) == ["要求", "要求"]
    view.field.setCurrentIndex(view.field.findData("city"))
    qtbot.waitUntil(lambda: view.value.count() > 0)  # found on a worker thread
    assert [view.value.itemText(i) for i in range(view.value.count())] == ["南京", "宿迁"]
    view.value.setCurrentText("宿迁")
    view.add.click()
    settled(qtbot, counts)
    assert [(s.document_id, s.text) for s in view.shown] == [(1, "要求")]
    assert view.found.text() == "1 tag"
    view.field.setCurrentIndex(view.field.findData("annotator"))
    view.value.setCurrentText("乙")
    view.add.click()
    settled(qtbot, counts)
    assert view.shown == []
    view.clear_filter()
    settled(qtbot, counts)
    assert len(view.shown) == 3
    with qtbot.waitSignal(counts.tagChosen) as chosen:
        view.table.doubleClicked.emit(view.model.index(2, 0))
    assert chosen.args == [2, 2, 4]
    store.close()


def test_a_cells_double_click_shows_the_segments_behind_it(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path / "s.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    qtbot.waitUntil(lambda: counts.rows.count() > 0)  # counted on a worker thread
    counts.rows.setCurrentIndex(counts.rows.findData("issuer"))
    counts.columns.setCurrentIndex(counts.columns.findData("month"))
    model = counts.model
    qtbot.waitUntil(
        lambda: (
            counts.table_shown is not None
            and counts.table_shown.rows_field == "issuer"
            and counts.table_shown.columns_field == "month"
        )
    )
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            counts.open_cell(row, column)
            assert counts.tabs.currentWidget() is counts.segments_view
            settled(qtbot, counts)
            # Each cell's count is the number of tags it opens.
            count = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            assert len(counts.segments_view.shown) == count
    vertical = Qt.Orientation.Vertical
    rows = [model.headerData(r, vertical) for r in range(model.rowCount())]
    counts.open_cell(rows.index("(none)"), model.columnCount() - 1)
    settled(qtbot, counts)
    assert [s.note for s in counts.segments_view.shown] == ["重叠"]
    store.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".html", ".md", ".docx"])
def test_export_writes_the_segments_shown(
    qtbot: QtBot, tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = project(tmp_path / "s.jiyao")
    counts = opened(qtbot, store)
    view = counts.segments_view
    view.label.setCurrentIndex(view.label.findText("其他"))
    settled(qtbot, counts)
    target = tmp_path / f"out{suffix}"
    readers = _threads_reading_every_tag(monkeypatch)
    with qtbot.waitSignal(view.exportFinished, timeout=30_000) as finished:
        view.export_to(target)
        assert not view.export.isEnabled() and "Exporting 1 tag" in view.found.text()
    assert finished.args == [str(target), ""]
    assert readers == [False]  # on a worker thread
    assert view.export.isEnabled() and view.found.text() == "1 tag"
    if suffix == ".csv":
        with target.open(encoding="utf-8-sig") as file:
            assert [row["text"] for row in csv.DictReader(file)] == ["市长要"]
    elif suffix in (".html", ".md"):
        assert "重叠" in target.read_text(encoding="utf-8")
    else:
        assert target.stat().st_size > 0
    store.close()


def test_an_export_that_cannot_be_written_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    store = project(tmp_path / "s.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: said.append(args[2]))
    (tmp_path / "a file").write_text("not a folder")
    target = tmp_path / "a file" / "out.xlsx"
    with qtbot.waitSignal(counts.segments_view.exportFinished, timeout=30_000) as finished:
        counts.segments_view.export_to(target)
    assert finished.args[0] == str(target) and finished.args[1]
    assert said and "out.xlsx" in said[0] and finished.args[1] in said[0]
    store.close()


def test_the_menu_key_opens_the_counts_window_on_its_segments_tab(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtGui import QAction

    from desktop.ui.shell.main_window import MainWindow

    store = project(tmp_path / "s.jiyao")
    window = MainWindow(store, Settings())
    qtbot.addWidget(window)
    action = next(
        a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Shift+G"
    )
    action.trigger()
    counts = window.findChild(TagCounts)
    assert counts is not None and counts.isVisible()
    assert counts.tabs.currentWidget() is counts.segments_view
    qtbot.waitUntil(lambda: len(counts.segments_view.shown) == 3)  # read on a worker thread
    with qtbot.waitSignal(counts.tagChosen):
        counts.segments_view.table.doubleClicked.emit(counts.segments_view.model.index(2, 0))
    qtbot.waitUntil(lambda: window.current_id == 2)
    counts.close()
    window.close()
    store.close()


def test_a_field_with_many_values_offers_the_first_and_takes_any_typed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.analysis import segments_view

    monkeypatch.setattr(segments_view, "MOST_OFFERED", 1)
    store = project(tmp_path / "s.jiyao")
    counts = opened(qtbot, store)
    view = counts.segments_view
    view.field.setCurrentIndex(view.field.findData("city"))
    qtbot.waitUntil(lambda: view.value.count() > 0)
    assert [view.value.itemText(i) for i in range(view.value.count())] == ["南京"]
    view.value.setCurrentText("宿迁")
    view.add.click()
    settled(qtbot, counts)
    assert [(s.document_id, s.text) for s in view.shown] == [(1, "市长要"), (1, "要求")]
    store.close()


def test_many_tags_are_read_from_the_store_only_as_they_are_painted(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: the tab counts the tags in the store and reads a block of rows at a time as
    the table paints them (keyset paging), never every tag."""
    from desktop.core import segment_listing
    from desktop.core.store.segments import SegmentsMixin

    monkeypatch.setattr(segment_listing, "BLOCK_ROWS", 10)
    monkeypatch.setattr(segment_listing, "FEW_ROWS", 0)  # paged by keyset, not by ids
    store = project(tmp_path / "p.jiyao")
    label = store.labels()[0].id
    with store.transaction():
        for start in range(200):
            store.db.execute(
                """INSERT INTO annotations (document_id, label_id, start, "end", created_at,
                    updated_at) VALUES (1, ?, ?, ?, 'now', 'now')""",
                (label, start % 5, start % 5 + 1 + start % 2),
            )
    every_tag: list[bool] = []
    monkeypatch.setattr(
        SegmentsMixin, "coded_segments", lambda *_a, **_k: every_tag.append(True) or []
    )
    counts = opened(qtbot, store)
    counts.show()
    qtbot.waitExposed(counts)
    view = counts.segments_view
    qtbot.waitUntil(lambda: view.shown_count() == 203)
    listing = view.model.listing
    assert listing is not None and listing.ids is None
    view.table.resize(800, 300)
    qtbot.wait(50)
    assert 1 <= len(listing._blocks) < 5  # a screenful, not 21 blocks
    view.table.scrollToBottom()
    qtbot.wait(50)
    last = view.model.segment(202)
    assert last is not None and (last.document_id, last.text) == (2, "要求")
    assert len(listing._blocks) < 8
    assert every_tag == []


def test_an_edit_stops_the_listing_shown_reading_rows_until_it_is_found_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows read by rank after an edit would disagree with those read before it (a tag shown
    twice, or left out): the tab shows what it read until the tags are found again."""
    from desktop.core import segment_listing

    monkeypatch.setattr(segment_listing, "BLOCK_ROWS", 2)
    monkeypatch.setattr(segment_listing, "FEW_ROWS", 0)  # paged, not by ids
    store = project(tmp_path / "p.jiyao")
    counts = opened(qtbot, store)
    view = counts.segments_view
    qtbot.waitUntil(lambda: view.shown_count() == 3)
    listing = view.model.listing
    assert listing is not None and view.model.segment(0) is not None
    first = view.model.segment(0)
    assert first is not None
    store.delete_annotation(first.annotation_id)
    counts.workspace.announce_annotations(first.document_id)
    assert view.model.segment(2) is None  # not read before the edit: not read now
    assert view.model.segment(0) == first
    qtbot.waitUntil(lambda: view.model.listing is not listing, timeout=10_000)
    assert view.shown_count() == 2 and view.model.segment(1) is not None
    store.close()


def _one_document(path: Path, tags: int) -> Store:
    """One document with ``tags`` tags: the first labelled 其他, the others 要求."""
    store = Store(path)
    text = "市长要求复工复产" * 4
    [document] = store.add_documents(
        [NewDocument("t", text, text, "utf-8", "simplified", date="2020-03-01")]
    )
    assert document is not None
    demand, other = store.add_label("要求").id, store.add_label("其他").id
    for place in range(tags):
        store.add_annotation(document, other if place == 0 else demand, place, place + 2)
    return store


@pytest.fixture
def slow_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """An export of more than one tag takes a second to write."""
    from desktop.ui.analysis import segments_view

    real = segments_view.write_report

    def slow(target: Path, rows: list[Any], *args: Any) -> None:
        time.sleep(1.0 if len(rows) > 1 else 0.0)
        real(target, rows, *args)

    monkeypatch.setattr(segments_view, "write_report", slow)


def _segments_of(qtbot: QtBot, workspace: Workspace) -> TagCounts:
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show()
    counts.show_segments()
    view = counts.segments_view
    qtbot.waitUntil(lambda: view.ready and not view.is_busy() and view.shown_count() > 0)
    return counts


@pytest.mark.usefixtures("slow_writes")
def test_an_export_says_its_own_count_and_ends_though_the_filter_or_project_changes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = Workspace(_one_document(tmp_path / "p.jiyao", 3), Settings())
    view = _segments_of(qtbot, workspace).segments_view
    ended: list[tuple[str, str]] = []
    view.exportFinished.connect(lambda *args: ended.append(args))
    view.export_to(tmp_path / "all.csv")
    view.label.setCurrentIndex(view.label.findText("其他"))
    qtbot.waitUntil(lambda: not view._filtering.is_busy())
    assert view.found.text() == "Exporting 3 tags…" and not view.export.isEnabled()
    workspace.switch_project(_one_document(tmp_path / "q.jiyao", 2))
    qtbot.waitUntil(lambda: bool(ended), timeout=30_000)
    assert ended == [(str(tmp_path / "all.csv"), "")]
    with (tmp_path / "all.csv").open(encoding="utf-8-sig") as file:
        assert len(list(csv.DictReader(file))) == 3
    qtbot.waitUntil(lambda: view.ready and not view.is_busy())
    assert (view.found.text(), view.export.isEnabled()) == ("1 tag", True)  # 其他 still chosen
    workspace.store.close()


@pytest.mark.usefixtures("slow_writes")
def test_a_closed_windows_export_does_not_replace_a_newer_one_of_the_same_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QThreadPool

    workspace = Workspace(_one_document(tmp_path / "p.jiyao", 3), Settings())
    target = tmp_path / "out.csv"
    first = _segments_of(qtbot, workspace)
    first.segments_view.export_to(target)
    first.close()
    view = _segments_of(qtbot, workspace).segments_view
    view.label.setCurrentIndex(view.label.findText("其他"))
    qtbot.waitUntil(lambda: not view.is_busy() and view.shown_count() == 1)
    with qtbot.waitSignal(view.exportFinished, timeout=30_000) as finished:
        view.export_to(target)
    assert finished.args == [str(target), ""]
    QThreadPool.globalInstance().waitForDone()
    with target.open(encoding="utf-8-sig") as file:
        assert [row["label_path"] for row in csv.DictReader(file)] == ["其他"]
    assert not list(tmp_path.glob("*.part"))
    workspace.store.close()
