"""The corpus list reads only the rows it paints (issue 17): the right rows in the right order
wherever the table is scrolled, sorted by a click on any kind of column (titles and numbers in
natural order), narrowed by the filters, and new or deleted documents shown at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import desktop.core.document_listing as listing_module
from desktop.core.model import DocumentFilter, NewDocument
from desktop.core.store import Store
from desktop.ui.common.settings import Settings
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.workspace import Workspace

FIXED = len(DocumentTableModel.COLUMNS)
COUNT = 60


def _document(number: int) -> NewDocument:
    text = f"第{number}号文件的正文。" + "字" * (number % 7)
    return NewDocument(
        title=f"纪要（第{(number * 7) % COUNT + 1}次）",
        raw_text=text,
        clean_text=text,
        encoding="utf-8",
        script="simplified",
        source=["新华社", "人民日报"][number % 2],
        date=f"20{10 + number % 12}-01-01",
        metadata={"pages": (number * 13) % 101} if number % 5 else {},
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "list.jiyao") as opened:
        opened.add_documents([_document(number) for number in range(COUNT)])
        yield opened


@pytest.fixture
def corpus(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> CorpusList:
    """A short window over blocks of 4 rows, 3 kept: scrolling reads and drops blocks."""
    monkeypatch.setattr(listing_module, "BLOCK_ROWS", 4)
    monkeypatch.setattr(listing_module, "KEPT_BLOCKS", 3)
    shown = CorpusList(Workspace(store, Settings(), None))
    qtbot.addWidget(shown)
    shown.resize(600, 200)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _visible(corpus: CorpusList, column: int = 0) -> list[str]:
    """The cells of ``column`` the table shows now, read as it paints them."""
    table = corpus.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    last = corpus.documents.rowCount() - 1 if last < 0 else last
    return [str(table.model().index(row, column).data()) for row in range(first, last + 1)]


def _number(title: str) -> int:
    return int(title.split("第")[1].split("次")[0])


def test_titles_sort_naturally_wherever_the_list_is_scrolled(corpus: CorpusList) -> None:
    corpus.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert corpus.documents.rowCount() == COUNT
    seen: list[int] = []
    for top in (0, 23, COUNT - 1, 7):
        corpus.table.scrollTo(corpus.documents.index(top, 0))
        seen = [_number(title) for title in _visible(corpus)]
        assert seen == sorted(seen) and seen
        assert _number(str(corpus.documents.index(top, 0).data())) == top + 1
    corpus.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    corpus.table.scrollToBottom()
    assert [_number(title) for title in _visible(corpus)][-1] == 1


def test_a_number_variable_sorts_by_its_value_documents_without_it_last(
    corpus: CorpusList,
) -> None:
    corpus.show_variable_columns(["pages"])
    corpus.table.sortByColumn(FIXED, Qt.SortOrder.AscendingOrder)
    model = corpus.documents
    pages = [str(model.index(row, FIXED).data()) for row in range(model.rowCount())]
    having = [int(page) for page in pages if page]
    assert having == sorted(having) and len(having) == COUNT - COUNT // 5
    assert pages[len(having) :] == [""] * (COUNT // 5)
    corpus.table.scrollToBottom()
    assert set(_visible(corpus, FIXED)) == {""}


def test_the_filters_narrow_the_counted_rows(corpus: CorpusList) -> None:
    corpus.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by date
    corpus.source_box.setCurrentIndex(corpus.source_box.findData("新华社"))
    corpus.date_from.setText("2012")
    corpus.date_to.setText("2015")
    corpus.apply_filter()
    model = corpus.documents
    dates = [str(model.index(row, 2).data()) for row in range(model.rowCount())]
    sources = {str(model.index(row, 3).data()) for row in range(model.rowCount())}
    assert dates == sorted(dates) and sources == {"新华社"}
    assert set(dates) == {"2012-01-01", "2014-01-01"} and model.total == len(dates) == 10
    corpus.filter_box.setText("第33号")
    corpus.apply_filter()
    assert model.total == 0  # 33 is odd: 人民日报's
    corpus.clear_filter()
    assert model.total == COUNT and model.document_filter == DocumentFilter()


def test_new_and_deleted_documents_show_at_once(corpus: CorpusList, store: Store) -> None:
    corpus.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    corpus.table.scrollToBottom()
    _visible(corpus)
    [new_id] = store.add_documents(
        [NewDocument("纪要（第0次）", "新的正文", "新的正文", "utf-8", "simplified")]
    )
    corpus.workspace.documentsChanged.emit()
    assert corpus.documents.rowCount() == COUNT + 1
    assert corpus.documents.document_id(0) == new_id
    first = corpus.documents.document_id(1)
    store.delete_documents([new_id, first])
    corpus.workspace.documentsChanged.emit()
    assert corpus.documents.rowCount() == COUNT - 1
    ids = [corpus.documents.document_id(row) for row in range(COUNT - 1)]
    assert new_id not in ids and first not in ids
    corpus.select_document(ids[-1])
    [selected] = corpus.table.selectionModel().selectedRows()
    assert selected.row() == COUNT - 2
