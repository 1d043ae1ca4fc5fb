"""The corpus search window: hits fill in as found, sort by context, open at the hit, tag all
hits in one undo step, export to CSV."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import NewDocument
from desktop.core.search import Search
from desktop.core.store import Store
from desktop.ui.analysis.corpus_search import LEFT, RIGHT, CorpusSearch
from desktop.ui.common.settings import Settings
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.workspace import Workspace

TEXTS = ["甲要求复工复产", "乙：復工。丙复工", "没有"]


def project(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.jiyao")
    store.add_documents(
        [
            NewDocument(
                title=f"第{n}号", raw_text=t, clean_text=t, encoding="utf-8", script="simplified"
            )
            for n, t in enumerate(TEXTS)
        ]
    )
    store.add_label("要求")
    return store


def searched(qtbot: QtBot, dialog: CorpusSearch, query: str) -> None:
    dialog.query.setText(query)
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=5000)


def expected(store: Store, pattern: str) -> list[tuple[int, int, int]]:
    """Independent: a regular expression over each clean text."""
    return [
        (document_id, match.start(), match.end())
        for document_id in store.document_ids()
        for match in re.finditer(pattern, store.document(document_id).clean_text)
    ]


def test_hits_fill_in_with_counts_per_document(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    hits = [(h.document_id, h.start, h.end) for h in dialog.model.hits]
    assert hits == expected(store, "复工|復工")
    counted = dialog.count_model
    assert counted.rowCount() == 2
    counts = {
        counted.index(row, 0).data(Qt.ItemDataRole.UserRole): counted.index(row, 1).data()
        for row in range(2)
    }
    assert counts == {1: 1, 2: 2}
    assert [counted.index(row, 0).data() for row in range(2)] == ["第0号", "第1号"]
    assert dialog.summary.text() == "3 hits in 2 documents"
    assert dialog.count_progress.isHidden()
    dialog.counts.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [counted.index(row, 1).data() for row in range(2)] == [2, 1]
    store.close()


def test_hits_per_document_are_counted_on_a_worker_in_batches_under_a_progress_bar(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: a common term in a million documents. The counts come from a worker thread
    (never the window's), a batch at a time, the progress bar saying how far they got; a new
    search drops a count still going."""
    import threading

    from desktop.core import search as core_search

    store = project(tmp_path)
    store.add_documents(
        [
            NewDocument(
                title=f"加{n}", raw_text="复工" * n, clean_text="复工" * n, encoding="utf-8",
                script="simplified",
            )
            for n in range(1, 40)
        ]
    )  # fmt: skip
    threads: set[str] = set()
    counting = core_search.iter_counts

    def small_batches(*args: object, **options: object) -> object:
        threads.add(threading.current_thread().name)
        return counting(*args, **{**options, "batch": 5})  # type: ignore[arg-type]

    monkeypatch.setattr("desktop.ui.analysis.corpus_search.iter_counts", small_batches)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    shown: list[int] = []
    dialog.count_model.rowsInserted.connect(lambda *_: shown.append(dialog.count_model.rowCount()))
    progress: list[int] = []
    dialog.count_progress.valueChanged.connect(progress.append)
    searched(qtbot, dialog, "复工")
    assert threading.current_thread().name not in threads and len(threads) == 1
    assert len(shown) > 3 and shown == sorted(shown) and shown[-1] == 41
    assert progress == sorted(progress) and progress[-1] == 1000
    expected_counts = {c.document_id: c.hits for c in core_search.count_hits(store, Search("复工"))}
    counted = dialog.count_model
    ids = [counted.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(41)]
    assert ids == sorted(ids)  # in document order until a header is clicked
    assert {
        counted.index(row, 0).data(Qt.ItemDataRole.UserRole): counted.index(row, 1).data()
        for row in range(counted.rowCount())
    } == expected_counts
    dialog.counts.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert counted.index(0, 1).data() == max(expected_counts.values())
    dialog.query.setText("复工")
    dialog.start()
    assert dialog.counting and dialog.count_progress.isVisibleTo(dialog)
    searched(qtbot, dialog, "没有")  # the count of 复工 is dropped
    assert counted.rowCount() == 1 and not dialog.counting
    store.close()


def test_sorting_by_either_context(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    dialog.model.sort(LEFT)
    # From the hit outwards: 求 (…要求), 丙 (…丙), ： (乙：).
    lefts = [hit.left for hit in dialog.model.hits]
    assert lefts == sorted(lefts, key=lambda left: left[::-1])
    dialog.model.sort(RIGHT, Qt.SortOrder.DescendingOrder)
    rights = [hit.right for hit in dialog.model.hits]
    assert rights == sorted(rights, reverse=True)
    store.close()


def test_a_bad_query_says_why(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    dialog.query.setText("(复工")
    dialog.start()
    assert dialog.summary.text() == "a parenthesis is never closed"
    assert not dialog.searching
    store.close()


def test_tag_all_hits_is_one_undo_step(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path)
    workspace = Workspace(store, Settings())
    dialog = CorpusSearch(workspace)
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    announced: list[int] = []
    workspace.annotationsChanged.connect(lambda document_id, _: announced.append(document_id))
    command = dialog.tag_hits(dialog.model.hits)
    assert command is not None and command.count == 3
    tags = sorted(
        (a.document_id, a.start, a.end) for d in store.document_ids() for a in store.annotations(d)
    )
    assert tags == expected(store, "复工|復工")
    assert sorted(set(announced)) == [1, 2]
    assert workspace.undo_stack.count() == 1
    workspace.undo_stack.undo()
    assert all(not store.annotations(d) for d in store.document_ids())
    workspace.undo_stack.redo()
    assert sum(len(store.annotations(d)) for d in store.document_ids()) == 3
    # Again: the hits already tagged so are not tagged twice.
    again = dialog.tag_hits(dialog.model.hits)
    assert again is not None and again.count == 0
    store.close()


def test_tag_selected_hits_only(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    selection = dialog.table.selectionModel()
    selection.select(
        dialog.model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    dialog.tag_selected.click()
    hit = dialog.model.hits[1]
    [tag] = [a for d in store.document_ids() for a in store.annotations(d)]
    assert (tag.document_id, tag.start, tag.end) == (hit.document_id, hit.start, hit.end)
    store.close()


def exported(qtbot: QtBot, dialog: CorpusSearch, path: Path) -> None:
    assert dialog.export_csv(path)
    assert dialog.exporting and not dialog.export.isEnabled()
    qtbot.waitUntil(lambda: not dialog.exporting, timeout=10000)


def test_export_writes_the_hits_shown(qtbot: QtBot, tmp_path: Path) -> None:
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复产")
    path = tmp_path / "hits.csv"
    exported(qtbot, dialog, path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert rows == [
        ["document", "title", "start", "end", "left", "hit", "right"],
        ["1", "第0号", "5", "7", "甲要求复工", "复产", ""],
    ]
    store.close()


def test_ctrl_shift_f_opens_it_and_a_double_click_opens_the_hit(
    qtbot: QtBot, window: MainWindow
) -> None:
    action = next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.shortcut() == QKeySequence("Ctrl+Shift+F")
    )
    action.trigger()
    dialog = window.corpus_search
    assert dialog is not None and dialog.isVisible()
    searched(qtbot, dialog, "复工复产")
    hit = dialog.model.hits[0]
    dialog._choose(dialog.model.index(0, 0))
    assert window.workspace.current_id == hit.document_id
    assert window.reader.selected_clean_span() == (hit.start, hit.end)


def test_an_older_project_is_indexed_once_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.core.store.schema import MIGRATIONS
    from desktop.ui.analysis.index_building import SearchIndexBuilder

    version = next(m.version for m in MIGRATIONS if m.purpose == "the corpus search index")
    path = tmp_path / "old.jiyao"
    with Store(path, migrate_to=version - 1) as old:
        old.add_documents(
            [
                NewDocument(
                    title=t, raw_text=t, clean_text=t, encoding="utf-8", script="simplified"
                )
                for t in TEXTS
            ]
        )
    store = Store(path)
    assert not store.search_index_current()
    window = QWidget()
    qtbot.addWidget(window)
    builder = SearchIndexBuilder(Workspace(store, Settings()), window)
    with qtbot.waitSignal(builder.built, timeout=10000) as built:
        assert builder.build_if_needed() is not None
    assert built.args == [len(TEXTS)]
    assert store.search_index_current()
    assert builder.build_if_needed() is None
    store.close()


def test_a_from_date_that_is_no_date_is_named_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    """The date boxes' text reached the search unchecked: 'abc' found nothing, silently."""
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    dialog.date_from.setText("abc")
    dialog.query.setText("复工")
    dialog.start()
    assert not dialog.searching
    assert "not a date" in dialog.summary.text()
    assert not dialog.export.isEnabled()
    store.close()


def test_tagging_hits_skips_a_document_deleted_since_the_search(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Tag all hits after a document was deleted in the window raised KeyError ('no
    document 2') from the undo step, and tagged none of the others."""
    store = project(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    store.delete_documents([2])
    command = dialog.tag_hits(dialog.model.hits)
    assert command is not None and command.count == 1
    tags = store.annotations(1)
    assert [(t.start, t.end) for t in tags] == [(h[1], h[2]) for h in expected(store, "复工")]
    store.close()


def test_memos_in_scope_and_the_source_filter(qtbot: QtBot, tmp_path: Path) -> None:
    store = Store(tmp_path / "m.jiyao")
    store.add_documents(
        [
            NewDocument(
                title=f"第{n}号",
                raw_text=t,
                clean_text=t,
                encoding="utf-8",
                script="simplified",
                source=source,
            )
            for n, (t, source) in enumerate([("甲复工", "宿迁"), ("乙復工", "苏州")])
        ]
    )
    label = store.add_label("要求")
    store.add_memo("label", label.id, "先看复工", title="范围")
    store.add_memo("project", None, "无关")
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    assert [dialog.source.itemData(i) for i in range(dialog.source.count())] == [
        None,
        "宿迁",
        "苏州",
    ]
    dialog.scope.setCurrentIndex(dialog.scope.findData("memos"))
    searched(qtbot, dialog, "復工")
    assert dialog.model.hits == []
    assert [(h.memo.target, h.start, h.hit) for h in dialog.memo_hits] == [("label", 2, "复工")]
    assert dialog.memo_table.item(0, 0).text() == "Label 要求: 范围"
    assert dialog.memo_table.item(0, 2).text() == "复工"
    dialog.scope.setCurrentIndex(dialog.scope.findData("both"))
    dialog.source.setCurrentIndex(dialog.source.findData("苏州"))
    searched(qtbot, dialog, "复工")
    assert [(h.document_id, h.hit) for h in dialog.model.hits] == [(2, "復工")]
    assert len(dialog.memo_hits) == 1  # the document filters do not narrow memos
    assert "1 memo hit" in dialog.summary.text()
    dialog.scope.setCurrentIndex(dialog.scope.findData("text"))
    searched(qtbot, dialog, "复工")
    assert dialog.memo_hits == [] and dialog.memo_table.rowCount() == 0


def test_a_project_opened_read_only_is_counted_read_only(qtbot: QtBot, tmp_path: Path) -> None:
    project(tmp_path).close()
    opened: list[bool] = []
    real_init = Store.__init__

    def spying(self: Store, *args: object, **options: object) -> None:
        opened.append(bool(options.get("read_only")))
        real_init(self, *args, **options)  # type: ignore[arg-type]

    store = Store(tmp_path / "s.jiyao", read_only=True)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    with pytest.MonkeyPatch.context() as patching:
        patching.setattr(Store, "__init__", spying)
        searched(qtbot, dialog, "复工")
    assert opened == [True] and dialog.count_model.rowCount() == 2
    store.close()


def many_hits(tmp_path: Path) -> Store:
    """Forty documents with 1 to 40 hits of 复工 each: 820 hits, and one without."""
    store = project(tmp_path)
    store.add_documents(
        [
            NewDocument(
                title=f"加{n}", raw_text="复工，" * n, clean_text="复工，" * n,
                encoding="utf-8", script="simplified",
            )
            for n in range(1, 41)
        ]
    )  # fmt: skip
    return store


def many_hits_searched(qtbot: QtBot, tmp_path: Path) -> tuple[Store, CorpusSearch, list[str]]:
    """many_hits searched for 复工 in the window's search, and the messages it says."""
    store = many_hits(tmp_path)
    workspace = Workspace(store, Settings())
    dialog = CorpusSearch(workspace)
    qtbot.addWidget(dialog)
    messages: list[str] = []
    workspace.message.connect(messages.append)
    searched(qtbot, dialog, "复工")
    return store, dialog, messages


def test_a_search_with_more_hits_than_listed_lists_the_limit_and_says_the_totals(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: a common term in a million documents would hold a gigabyte of hits. The table
    lists the first HIT_LIMIT, the search on the window's thread stops there, the summary gives
    the totals the count found; tagging all is off (it would tag only those), sorting sorts
    the listed ones and says so."""
    from desktop.core.search import count_hits, iter_hits

    monkeypatch.setattr("desktop.ui.analysis.corpus_search.HIT_LIMIT", 25)
    store = many_hits(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    every = list(iter_hits(store, Search("复工")))
    assert len(every) == 3 + sum(range(1, 41))
    listed = [(h.document_id, h.start) for h in dialog.model.hits]
    assert listed == [(h.document_id, h.start) for h in every[:25]]
    counts = count_hits(store, Search("复工"))
    assert dialog.counted_hits == len(every) and len(counts) == 42
    assert dialog.summary.text() == f"showing the first 25 of {len(every)} hits in 42 documents"
    assert not dialog.tag_all.isEnabled() and "25" in dialog.tag_all.toolTip()
    assert dialog.tag_all_hits() is None
    assert all(not store.annotations(d) for d in store.document_ids())
    assert dialog.tag_selected.isEnabled() and dialog.export.isEnabled()
    tip = dialog.model.headerData(LEFT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "25 hits listed" in tip
    dialog.model.sort(RIGHT, Qt.SortOrder.DescendingOrder)
    assert dialog.model.rowCount() == 25
    # A search with fewer hits than the limit lists them all, as before.
    searched(qtbot, dialog, "复产")
    assert dialog.summary.text() == "1 hit in 1 document" and not dialog.model.capped
    assert dialog.tag_all.isEnabled()
    store.close()


def test_export_writes_every_hit_not_only_those_listed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.search import HIT_COLUMNS, hit_row, iter_hits

    monkeypatch.setattr("desktop.ui.analysis.corpus_search.HIT_LIMIT", 25)
    monkeypatch.setattr("desktop.core.exports.hits_csv.REPORT_EVERY", 100)
    store, dialog, messages = many_hits_searched(qtbot, tmp_path)
    progress: list[int] = []
    dialog.export_progress.valueChanged.connect(progress.append)
    path = tmp_path / "hits.csv"
    exported(qtbot, dialog, path)
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    expected_rows = [list(HIT_COLUMNS)] + [
        [str(cell) for cell in hit_row(hit)] for hit in iter_hits(store, Search("复工"))
    ]
    assert rows == expected_rows and len(rows) == 824
    assert progress and progress[-1] == 823 and progress == sorted(progress)
    assert messages[-1] == f"823 hits exported to {path}"
    assert dialog.export_progress.isHidden() and dialog.export.isEnabled()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("hits")] == ["hits.csv"]
    store.close()


def test_an_export_that_fails_leaves_no_file_and_says_why(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core import search as core_search

    store = many_hits(tmp_path)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    warnings: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.analysis.corpus_search.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    real = core_search.iter_hits

    def failing(*args: object, **options: object) -> object:
        for number, hit in enumerate(real(*args, **options)):  # type: ignore[arg-type]
            if number == 500:
                raise OSError(28, "No space left on device")
            yield hit

    monkeypatch.setattr("desktop.core.exports.hits_csv.iter_hits", failing)
    path = tmp_path / "hits.csv"
    exported(qtbot, dialog, path)
    assert len(warnings) == 1 and "No space left on device" in warnings[0]
    assert str(path) in warnings[0]
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("hits")]
    assert dialog.export.isEnabled() and dialog.export_progress.isHidden()
    store.close()


@pytest.mark.parametrize("how", ["new search", "close"])
def test_a_new_search_or_closing_stops_an_export_leaving_no_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    import threading

    from desktop.core import search as core_search
    from desktop.core.exports.hits_csv import ExportCancelled
    from desktop.ui.analysis import corpus_search

    store, dialog, messages = many_hits_searched(qtbot, tmp_path)
    halfway, go_on = threading.Event(), threading.Event()
    real = core_search.iter_hits

    def slow(*args: object, **options: object) -> object:
        for number, hit in enumerate(real(*args, **options)):  # type: ignore[arg-type]
            if number == 300:
                halfway.set()
                go_on.wait(10)
            yield hit

    monkeypatch.setattr("desktop.core.exports.hits_csv.iter_hits", slow)
    monkeypatch.setattr("desktop.core.exports.hits_csv.REPORT_EVERY", 100)
    writing = corpus_search.write_hits_csv
    returned = threading.Event()
    outcome: list[object] = []

    def recorded(*args: object, **options: object) -> object:
        try:
            outcome.append(writing(*args, **options))  # type: ignore[arg-type]
        except Exception as error:
            outcome.append(error)
            raise
        finally:
            returned.set()
        return outcome[-1]

    monkeypatch.setattr(corpus_search, "write_hits_csv", recorded)
    path = tmp_path / "hits.csv"
    assert dialog.export_csv(path)
    assert halfway.wait(10)
    assert (tmp_path / "hits.csv.part").exists()
    if how == "new search":
        dialog.query.setText("复产")
        dialog.start()
    else:
        dialog.show()
        dialog.close()
    assert not dialog.exporting and dialog.export_progress.isHidden()
    go_on.set()
    assert returned.wait(10)
    assert len(outcome) == 1 and isinstance(outcome[0], ExportCancelled)
    qtbot.wait(50)  # whatever the worker sent has arrived
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("hits")]
    assert not any("exported" in message for message in messages)
    if how == "new search":
        qtbot.waitUntil(lambda: not dialog.searching, timeout=5000)
        assert dialog.summary.text() == "1 hit in 1 document"
    store.close()


def test_the_per_document_table_sorts_with_ties_in_document_order(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.core.search import DocumentCount
    from desktop.ui.analysis.corpus_search import DocumentCountModel

    model = DocumentCountModel()
    rows = [DocumentCount(i, title, hits) for i, title, hits in
            [(1, "乙", 2), (2, "甲", 5), (3, "乙", 5), (4, "甲", 2), (5, "丙", 5)]]  # fmt: skip
    model.append(rows[:2])
    model.append(rows[2:])

    def shown() -> list[int]:
        return [model.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(5)]

    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert shown() == [2, 3, 5, 1, 4]
    model.sort(0)
    assert shown() == sorted(range(1, 6), key=lambda i: (rows[i - 1].title, i))
    model.sort(1)
    assert shown() == [1, 4, 2, 3, 5]
    model.sort(-1)
    assert shown() == [1, 2, 3, 4, 5]


def test_the_per_document_table_is_sorted_by_title_by_the_store_off_the_window(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: sorting a million titles held the window two seconds; the store gives their
    order (natural, as the document list's) on a worker, the table usable meanwhile."""
    import threading

    from desktop.core.store.documents import DocumentsMixin

    store = Store(tmp_path / "t.jiyao")
    titles = ["第12次会议", "第2次会议", "乙", "第2次会议", "甲"]
    store.add_documents(
        [
            NewDocument(
                title=title,
                raw_text=f"要求复工{n}",
                clean_text=f"要求复工{n}",
                encoding="utf-8",
                script="simplified",
            )
            for n, title in enumerate(titles)
        ]
    )
    threads: list[bool] = []
    real = DocumentsMixin.document_ids_by_title

    def spy(self: DocumentsMixin) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(DocumentsMixin, "document_ids_by_title", spy)
    dialog = CorpusSearch(Workspace(store, Settings()))
    qtbot.addWidget(dialog)
    searched(qtbot, dialog, "复工")
    qtbot.waitUntil(lambda: not dialog.counting, timeout=30_000)
    counted = dialog.count_model

    def shown() -> list[int]:
        return [counted.index(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(5)]

    assert shown() == [1, 2, 3, 4, 5]
    store.refresh_sort_keys()  # as the document list does when it is read
    dialog.counts.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert dialog.sorting_titles()
    qtbot.waitUntil(lambda: not dialog.sorting_titles(), timeout=30_000)
    assert shown() == [3, 5, 2, 4, 1]  # 乙, 甲, 第2次 (two, in document order), 第12次
    dialog.counts.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not dialog.sorting_titles(), timeout=30_000)
    assert shown() == [1, 2, 4, 5, 3]  # ties still in document order
    assert threads == [False, False]
    dialog.counts.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by hits: at once
    assert [counted.index(row, 1).data() for row in range(5)] == [1] * 5
    store.close()
