"""The tag counts window: a cross table, the tags behind a cell, opening one, CSV."""

from __future__ import annotations

import csv
from pathlib import Path
from threading import Event, current_thread, main_thread

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.core.store.segments import SegmentsMixin
from desktop.ui.analysis.counts import TagCounts
from desktop.ui.common import workers
from desktop.ui.common.settings import Settings
from desktop.ui.workspace import Workspace


def project(path: Path) -> Store:
    store = Store(path)
    ids = store.add_documents(
        [
            NewDocument(
                title=t, raw_text=t, clean_text=t, encoding="utf-8", script="simplified", date=d
            )
            for t, d in (("市长要求复工", "2020-03-01"), ("区长要求复产", "2020-04-01"))
        ]
    )
    label = store.add_label("要求").id
    for document_id, issuer in zip(ids, ("市长", "区长"), strict=True):
        assert document_id is not None
        store.add_annotation(document_id, label, 2, 4, attributes={"issuer": issuer})
    return store


def headers_of(counts: TagCounts, orientation: Qt.Orientation) -> list[str]:
    model = counts.model
    sections = model.columnCount() if orientation == Qt.Orientation.Horizontal else model.rowCount()
    return [model.headerData(n, orientation, Qt.ItemDataRole.DisplayRole) for n in range(sections)]


def cell(counts: TagCounts, row: int, column: int) -> object:
    return counts.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def counted_as(qtbot: QtBot, counts: TagCounts, rows: str, columns: str | None) -> None:
    """Choose the fields (once the first count has filled the boxes) and wait for the table
    of them, counted on a worker thread."""
    qtbot.waitUntil(lambda: counts.rows.count() > 0)
    counts.rows.setCurrentIndex(counts.rows.findData(rows))
    counts.columns.setCurrentIndex(counts.columns.findData(columns))
    qtbot.waitUntil(
        lambda: (
            counts.table_shown is not None
            and (counts.table_shown.rows_field, counts.table_shown.columns_field) == (rows, columns)
            and not counts.reading.isVisibleTo(counts)
        )
    )


def test_cells_count_and_open_the_tags_behind_them(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path / "c.jiyao")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counted_as(qtbot, counts, "issuer", "month")
    assert headers_of(counts, Qt.Orientation.Horizontal) == ["2020-03", "2020-04", "total"]
    assert headers_of(counts, Qt.Orientation.Vertical) == ["区长", "市长", "total"]
    assert cell(counts, 1, 0) == 1
    counts._show_cell(2, 2)  # the grand total: every tag (read, then found, on workers)
    qtbot.waitUntil(lambda: counts.behind_model.rowCount() == 2)
    counts._show_cell(1, 0)
    qtbot.waitUntil(lambda: counts.behind_model.rowCount() == 1)
    with qtbot.waitSignal(counts.tagChosen) as chosen:
        counts._choose(0, 0)
    assert chosen.args == [1, 2, 4]
    path = tmp_path / "counts.csv"
    assert counts.export_csv(path)
    with path.open(encoding="utf-8-sig") as file:
        header = next(csv.reader(file))
    assert header == [
        "issuer",
        "2020-03",
        "2020-04",
        "total",
    ]
    # A new tag shows once the edits pause.
    assert counts.rows.findData("督办") == -1
    store.add_annotation(2, 1, 0, 2, attributes={"issuer": "市长", "督办": "是"})
    workspace.announce_annotations(2)
    qtbot.waitUntil(lambda: cell(counts, 1, 2) == 2)
    assert counts.rows.findData("督办") >= 0  # a new attribute is a field to count by
    store.close()


def test_cooccurrence_tab_counts_opens_and_exports(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = project(tmp_path / "c.jiyao")
    first = store.document_ids()[0]
    top = store.add_label("措施").id
    work = store.add_label("复工", parent_id=top).id
    store.add_annotation(first, work, 3, 6)  # overlaps the 要求 tag at [2, 4)
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    view = counts.cooccurrence
    counts.show()
    counts.tabs.setCurrentWidget(view)  # the tags are read when a tab lists them

    def counted() -> bool:
        return counts.spans is not None and not view.is_counting()

    qtbot.waitUntil(lambda: counted() and view.table.columnCount() == 2)
    labels = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert labels == ["措施/复工", "要求"]
    assert view.table.item(0, 1).data(Qt.ItemDataRole.DisplayRole) == 1  # one document
    assert view.table.item(1, 1).data(Qt.ItemDataRole.DisplayRole) == 0  # 要求 tags apart
    view.where.setCurrentIndex(view.where.findData("near"))
    view.distance.setValue(0)
    qtbot.waitUntil(counted)
    assert view.table.item(1, 0).data(Qt.ItemDataRole.DisplayRole) == 1
    view._show_cell(1, 0)
    qtbot.waitUntil(lambda: view.behind_model.rowCount() == 2)  # the two tags that meet
    assert view.behind_model.index(1, 2).data() == "求复工"  # their words, read for the cell
    with qtbot.waitSignal(counts.tagChosen) as chosen:
        view._choose(1, 0)
    assert chosen.args == [first, 3, 6]
    view.level.setCurrentIndex(view.level.findData(1))
    qtbot.waitUntil(counted)
    assert [view.table.verticalHeaderItem(r).text() for r in range(2)] == ["措施", "要求"]
    output = tmp_path / "co.csv"
    assert view.export_csv(output)
    assert output.read_text(encoding="utf-8-sig").splitlines() == [
        "label,措施,要求",
        "措施,0,1",
        "要求,1,0",
    ]
    store.add_annotation(first, work, 4, 5)
    reads: list[int] = []
    real_read = SegmentsMixin.tag_spans
    monkeypatch.setattr(
        SegmentsMixin,
        "tag_spans",
        lambda self: reads.append(1) or real_read(self),  # on a connection of its own
    )
    for _ in range(5):  # a burst of edits
        workspace.annotationsChanged.emit(first, None)
    # Not read at each edit: once they pause.
    assert counts._reload_timer.isActive() and not counts._reading_spans.is_busy()
    # Read again once the edits pause, and once for the burst: two 措施 tags meet.
    qtbot.waitUntil(lambda: view.table.item(0, 0).data(Qt.ItemDataRole.DisplayRole) == 1)
    assert reads == [1]


def test_chart_tab_draws_the_table_shown_when_opened(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path / "c.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    counted_as(qtbot, counts, "issuer", "month")
    assert counts.chart.chart is None  # not drawn while its tab is hidden
    counts.show()
    counts.tabs.setCurrentWidget(counts.chart)
    qtbot.waitUntil(lambda: counts.chart.chart is not None)
    chart = counts.chart.chart
    assert chart is not None and chart.kind == "bar"
    # Independent: one 要求 per issuer, one in each month.
    assert chart.categories == ("区长", "市长")
    assert chart.series == {"2020-03": (0, 1), "2020-04": (1, 0)}
    assert counts.chart.canvas is not None
    counts.chart.kind.setCurrentIndex(counts.chart.kind.findData("timeline"))
    assert counts.chart.chart is None and "year, quarter or month" in counts.chart.note.text()
    counted_as(qtbot, counts, "month", None)
    chart = counts.chart.chart
    assert chart is not None and chart.series == {"total": (1, 1)}
    svg = tmp_path / "chart.svg"
    assert counts.chart.save_to(svg)
    assert "2020-03" in svg.read_text(encoding="utf-8")


def test_cooccurrence_of_entities_read_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.core.entities import PIPELINE_VERSION
    from desktop.core.model import Entity

    store = project(tmp_path / "c.jiyao")
    first, second = store.document_ids()
    # The first document's entities cached by hand; the second is analysed when asked for.
    store.replace_pipeline_entities(
        first, [Entity("TITLE", 0, 2, "市长"), Entity("PLACE", 4, 6, "复工")], PIPELINE_VERSION
    )
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    view = counts.cooccurrence
    view.of.setCurrentIndex(view.of.findData("entities"))
    qtbot.waitUntil(lambda: view.mentions is not None, timeout=60_000)
    assert store.entities_version(second) == PIPELINE_VERSION  # analysed and cached
    assert view.count.itemText(1) == "pairs of mentions"
    shown = view.table.columnCount()
    assert (
        view.note.text() == f"The {shown} most widespread people, places, organisations and titles."
    )
    names = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert "市长 (TITLE)" in names and "复工 (PLACE)" in names
    title, place = names.index("市长 (TITLE)"), names.index("复工 (PLACE)")
    assert view.table.item(title, place).data(Qt.ItemDataRole.DisplayRole) == 1
    view._show_cell(title, place)
    assert view.behind_model.rowCount() == 2
    with qtbot.waitSignal(counts.tagChosen) as chosen:
        view._choose(1, 0)
    assert chosen.args == [first, 4, 6]
    output = tmp_path / "entities.csv"
    assert view.export_csv(output)
    assert output.read_text(encoding="utf-8-sig").startswith("entity,")
    # A correction is counted at once.
    store.correct_entity(first, "remove", Entity("PLACE", 4, 6, "复工"))
    workspace.entitiesChanged.emit(first)
    qtbot.waitUntil(lambda: view.mentions is not None, timeout=60_000)
    names = [view.table.horizontalHeaderItem(c).text() for c in range(view.table.columnCount())]
    assert "复工 (PLACE)" not in names
    store.close()


def test_the_chart_speaks_the_interface_language(qtbot: QtBot, tmp_path: Path) -> None:
    """Title, axis, "(none)" and "total" were English on a Chinese interface (found by a user);
    a live switch renames the tab's own choices too."""
    from desktop.ui.shell.i18n import install_language

    store = project(tmp_path / "c.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    try:
        install_language("zh_CN")
        counted_as(qtbot, counts, "month", None)
        counts.show()
        counts.tabs.setCurrentWidget(counts.chart)
        qtbot.waitUntil(lambda: counts.chart.chart is not None)
        chart = counts.chart.chart
        assert chart is not None
        assert (chart.title, chart.value_label) == ("月份", "数量")
        assert list(chart.series) == ["合计"]
        qtbot.waitUntil(lambda: counts.chart.save.text() == "保存图表…")
    finally:
        install_language("en")
    qtbot.waitUntil(lambda: counts.chart.save.text() == "Save chart…")


def test_the_export_button_asks_where_and_writes_there(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a user exports: the button, the save dialog (cancelled, then answered), the file."""
    from PySide6.QtWidgets import QFileDialog

    store = project(tmp_path / "c.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    qtbot.waitUntil(counts.export.isEnabled)  # once counted
    target = tmp_path / "表.csv"
    answers = [("", ""), (str(target), "")]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: answers.pop(0))
    counts.export.click()  # cancelled: nothing written
    assert not target.exists()
    counts.export.click()
    assert target.read_text(encoding="utf-8-sig").splitlines()[0].startswith("label,")


def segments_listed(counts: TagCounts) -> int | None:
    """How many tags the coded segments tab lists, None while they are being found."""
    view = counts.segments_view
    return None if view.is_busy() else view.shown_count()


def test_tags_are_found_again_off_the_window_after_an_edit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seconds at a million documents: the window's own connection is not the one that
    counts them, and no tag is read but those painted."""

    store = project(tmp_path / "c.jiyao")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show_segments()  # a tab that lists the tags: they are found
    qtbot.waitUntil(lambda: segments_listed(counts) == 2)
    readers = _threads_reading_tags(monkeypatch)
    finders = _threads_reading_tags(monkeypatch, "segment_count")
    counters = _threads_reading_tags(monkeypatch, "segment_groups")
    store.add_annotation(2, 1, 0, 2, attributes={"issuer": "市长"})
    workspace.announce_annotations(2)
    qtbot.waitUntil(lambda: segments_listed(counts) == 3)
    qtbot.waitUntil(lambda: cell(counts, 0, 2) == 3)  # counted again too: 要求, total
    assert readers == []  # every tag is never read
    assert finders == [False]
    assert counters and not any(counters)
    store.close()


def test_a_reading_begun_before_the_project_changed_is_not_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old project's tags, read on a worker thread, arrive after the switch: not shown."""
    import threading

    store = project(tmp_path / "old.jiyao")
    other = project(tmp_path / "new.jiyao")
    other.add_annotation(1, 1, 0, 2, attributes={"issuer": "县长"})  # a third tag: it differs
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    release = threading.Event()
    real = SegmentsMixin.segment_variable_names

    def slow_on_a_worker(self: SegmentsMixin, *args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():
            release.wait(10)  # the old project's reading ends after the switch
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SegmentsMixin, "segment_variable_names", slow_on_a_worker)
    shown: list[object] = []
    real_reload = counts.segments_view.reload
    monkeypatch.setattr(
        counts.segments_view,
        "reload",
        lambda *given: shown.append(given[-1]) or real_reload(*given),
    )
    counts.show_segments()  # the old project's labels and fields are read
    reading = counts._reading._running
    assert reading is not None
    finished: list[object] = []
    reading.signals.finished.connect(finished.append)
    workspace.switch_project(other)
    assert counts.tags_read is None  # the old project's are gone at once
    release.set()
    # The reading may wait for a pool thread that an earlier test's work still holds.
    qtbot.waitUntil(lambda: bool(finished), timeout=30_000)
    qtbot.waitUntil(lambda: segments_listed(counts) == 3, timeout=30_000)
    assert len(shown) == 1, "the old project's reading was not shown"
    store.close()
    other.close()


def test_the_windows_tag_counts_read_every_tag_off_the_window_from_the_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 400,000 tags reading every tag takes 16 s: the window's dialog opens at once, says
    it is counting, and shows the counts when the store has made them, reading no tag; the
    tabs that list tags read them when shown; another project likewise."""

    store = project(tmp_path / "c.jiyao")
    other = project(tmp_path / "other.jiyao")
    other.add_annotation(1, 1, 0, 2, attributes={"issuer": "县长"})
    readers = _threads_reading_tags(monkeypatch)
    counters = _threads_reading_tags(monkeypatch, "segment_groups")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show()
    assert counts.reading.isVisible() and counts.reading.text() == "Counting…"
    qtbot.waitUntil(lambda: counts.model.rowCount() > 0, timeout=30_000)
    qtbot.waitUntil(lambda: not counts.reading.isVisible())
    assert headers_of(counts, Qt.Orientation.Vertical) == ["要求", "total"]
    assert readers == [] and counts.tags_read is None  # counted without reading a tag
    counts.show_segments()
    qtbot.waitUntil(lambda: segments_listed(counts) == 2)
    workspace.switch_project(other)
    assert counts.model.rowCount() == 0  # the old project's counts are gone at once
    assert counts.tags_read is None and counts.segments_view.shown_count() == 0
    qtbot.waitUntil(lambda: cell(counts, 0, 2) == 3, timeout=30_000)  # 要求, total
    qtbot.waitUntil(lambda: segments_listed(counts) == 3)
    assert readers == []  # listed as painted: every tag never read
    assert counters and not any(counters)
    store.close()
    other.close()


def _threads_reading_tags(
    monkeypatch: pytest.MonkeyPatch, method: str = "coded_segments"
) -> list[bool]:
    """From now on, whether each reading of every tag (or each count: ``segment_groups``)
    ran on the window's (main) thread."""
    import threading

    readers: list[bool] = []
    real = getattr(SegmentsMixin, method)

    def spy(self: SegmentsMixin, *args: object, **kwargs: object) -> object:
        readers.append(threading.current_thread() is threading.main_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SegmentsMixin, method, spy)
    return readers


def test_counts_that_arrive_after_the_window_closed_are_dropped(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The count begun when the window opened ends after it closed: nothing is shown, and a
    window deleted on close (the main window's) takes the late answer without an error."""
    store = project(tmp_path / "c.jiyao")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show()
    assert counts._counting.is_busy()
    counts.close()  # before the answer's signal could be delivered
    # Busy until the answer has come to the window (and been dropped).
    qtbot.waitUntil(lambda: not counts._counting.is_busy(), timeout=30_000)
    assert counts.table_shown is None and counts.model.rowCount() == 0
    deleted = TagCounts(workspace)
    deleted.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    deleted.show()
    counting = deleted._counting._running
    assert counting is not None
    with qtbot.waitSignal(deleted.destroyed):
        deleted.close()
    assert counting.is_cancelled()
    # The answer's signal, emitted or not yet, reaches nothing that is gone (an error in a
    # slot fails the test): the task is let go once its answer has been delivered.
    qtbot.waitUntil(lambda: counting not in workers._running, timeout=30_000)
    store.close()


def _held_on_workers(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> Event:
    """``owner.name`` waits, on worker threads only, until the event returned is set."""
    release = Event()
    real = getattr(owner, name)

    def held(*args: object, **kwargs: object) -> object:
        answer = real(*args, **kwargs)
        if current_thread() is not main_thread():
            release.wait(10)
        return answer

    monkeypatch.setattr(owner, name, held)
    return release


def test_an_edit_while_the_tags_are_read_has_them_read_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading under way began before the edit: its answer is not kept for the tags as
    they are (the coded segments tab listed two tags under a table of three)."""
    store = project(tmp_path / "c.jiyao")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show()
    release = _held_on_workers(monkeypatch, SegmentsMixin, "segment_count")
    counts.show_segments()  # two tags being found
    counts.tabs.setCurrentIndex(0)  # back to the cross table
    store.add_annotation(store.document_ids()[1], store.labels()[0].id, 0, 2)
    workspace.announce_annotations(store.document_ids()[1])
    counts.reload()  # as the timer does once the edits pause
    release.set()
    qtbot.waitUntil(lambda: not counts._reading.is_busy() and not counts._counting.is_busy())
    assert counts.table_shown is not None and counts.table_shown.total == 3
    counts.show_segments()
    qtbot.waitUntil(lambda: segments_listed(counts) == 3)
    assert len(counts.segments_view.shown) == 3


def test_the_tags_of_a_cell_found_after_the_fields_changed_are_not_listed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell's tags found for the table before: not shown under the new one."""
    from desktop.ui.analysis import counts as counts_module

    store = project(tmp_path / "c.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    counted_as(qtbot, counts, "label", "month")
    release = _held_on_workers(monkeypatch, counts_module, "find")
    counts._show_cell(0, 0)  # 要求 in 2020-03: one tag, being found
    assert counts._listing.is_busy()
    counts.columns.setCurrentIndex(counts.columns.findData(None))  # other fields chosen
    qtbot.waitUntil(
        lambda: (
            counts.table_shown is not None
            and counts.table_shown.columns_field is None
            and not counts._counting.is_busy()
        )
    )
    release.set()
    qtbot.waitUntil(lambda: not counts._listing.is_busy())  # its answer delivered
    assert counts.behind_model.rowCount() == 0


def test_spans_not_read_say_so_in_the_cooccurrence_tab(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = project(tmp_path / "c.jiyao")
    workspace = Workspace(store, Settings())
    messages: list[str] = []
    workspace.message.connect(messages.append)
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show()

    def broken(_self: object) -> None:
        raise ValueError("disk gone")

    monkeypatch.setattr(SegmentsMixin, "tag_spans", broken)
    counts.tabs.setCurrentWidget(counts.cooccurrence)
    qtbot.waitUntil(lambda: not counts._reading_spans.is_busy())
    assert "disk gone" in counts.cooccurrence.note.text()
    assert counts.cooccurrence.note.isVisibleTo(counts)
    assert any("disk gone" in message for message in messages)


def test_a_nan_in_a_documents_variables_leaves_the_counts(qtbot: QtBot, tmp_path: Path) -> None:
    """Python writes NaN in JSON, SQLite's JSON functions refuse it: the tags are counted all
    the same (a project may hold one), its value as the tags read one by one give it."""
    store = project(tmp_path / "c.jiyao")
    with store.transaction():
        store.db.execute(
            "UPDATE documents SET metadata = ? WHERE id = ?",
            ('{"score": NaN}', store.document_ids()[0]),
        )
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    counted_as(qtbot, counts, "score", None)
    assert counts.table_shown is not None
    assert counts.table_shown.row_values == ("nan", "(none)")


def test_the_segments_tab_takes_the_fields_the_count_found(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tags' variables take seconds to find at a million documents: counted since the
    tags last changed, they are not found again for the coded segments tab."""
    store = project(tmp_path / "c.jiyao")
    counts = TagCounts(Workspace(store, Settings()))
    qtbot.addWidget(counts)
    counted_as(qtbot, counts, "label", "month")
    found_again = _threads_reading_tags(monkeypatch, "segment_variable_names")
    counts.show_segments()
    qtbot.waitUntil(lambda: segments_listed(counts) == 2)
    assert found_again == []
    assert counts.segments_view.fields == counts.fields
    store.close()


def test_the_cooccurrence_cells_tags_are_not_read_from_a_project_closed_since(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A cell's tags are read from the store as they are painted: after a project switch
    (which closes the store), the tab lists none of them rather than read a closed file."""
    store = project(tmp_path / "c.jiyao")
    first = store.document_ids()[0]
    top = store.add_label("措施").id
    work = store.add_label("复工", parent_id=top).id
    with store.transaction():  # 150 tags in one document: more than a block of rows
        for start in range(150):
            store.db.execute(
                """INSERT INTO annotations (document_id, label_id, start, "end", created_at,
                    updated_at) VALUES (?, ?, ?, ?, 'now', 'now')""",
                (first, work, start % 5, start % 5 + 1),
            )
    other = project(tmp_path / "other.jiyao")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    view = counts.cooccurrence
    counts.show()
    counts.tabs.setCurrentWidget(view)
    qtbot.waitUntil(
        lambda: (
            counts.spans is not None and not view.is_counting() and view.table.columnCount() == 2
        )
    )
    view._show_cell(1, 0)
    qtbot.waitUntil(lambda: view.behind_model.rowCount() == 151)
    counts.tabs.setCurrentIndex(0)  # the co-occurrence tab waits to be shown again
    workspace.switch_project(other)
    assert view.behind_model.rowCount() == 0
    other.close()


def test_a_closed_window_lets_go_of_what_it_read_and_counted(qtbot: QtBot, tmp_path: Path) -> None:
    """A window closed (and its Python side not yet collected: it sits in reference cycles)
    holds none of the tags it read, the table it counted or its chart: at a million
    documents some 150 MB a window."""
    store = project(tmp_path / "c.jiyao")
    workspace = Workspace(store, Settings())
    counts = TagCounts(workspace)
    qtbot.addWidget(counts)
    counts.show()
    counted_as(qtbot, counts, "issuer", "month")
    counts.tabs.setCurrentWidget(counts.cooccurrence)
    qtbot.waitUntil(lambda: counts.spans is not None and not counts.cooccurrence.is_counting())
    counts.tabs.setCurrentWidget(counts.chart)
    qtbot.waitUntil(lambda: counts.chart.chart is not None)
    counts.close()
    assert (counts.spans, counts.tags_read, counts.table_shown) == (None, None, None)
    assert (counts.chart.table, counts.chart.chart) == (None, None)
    assert counts.cooccurrence.spans == [] and counts.model.rowCount() == 0
    store.close()
