"""The corpus list by document variables (issue 14): variables as columns the user picks from
the header's menu (remembered per project), sorted by a click, the list narrowed to a source
and a date range, and the variables named in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from desktop.core.corpus import import_paths
from desktop.core.model import Status
from desktop.core.store import Store
from desktop.ui.common.language import set_interface_language
from desktop.ui.common.settings import Settings
from desktop.ui.common.variable_names import variable_label
from desktop.ui.corpus.corpus_list import CorpusList
from desktop.ui.corpus.document_model import DocumentTableModel
from desktop.ui.shell.i18n import install_language
from desktop.ui.workspace import Workspace

READERS = Path(__file__).resolve().parents[2] / "data" / "readers"
FIXED = len(DocumentTableModel.COLUMNS)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A scraper's feed, its list, a web page and a PDF notice: sources, dates, authors."""
    with Store(tmp_path / "collected.jiyao") as opened:
        names = ["scraped.jsonl", "scraped_list.json", "gov_readout.gbk.html", "notice.pdf"]
        import_paths(opened, [READERS / name for name in names])
        yield opened


def _list(qtbot: QtBot, store: Store) -> CorpusList:
    corpus = CorpusList(Workspace(store, Settings(), None))
    qtbot.addWidget(corpus)
    corpus.documents.fetch_first_page()
    return corpus


def _column(corpus: CorpusList, column: int) -> list[str]:
    model = corpus.documents
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def _titles(corpus: CorpusList) -> list[str]:
    return [title.removeprefix("✎ ") for title in _column(corpus, 0)]


def test_variables_ticked_in_the_header_menu_become_columns_and_are_remembered(
    qtbot: QtBot, store: Store
) -> None:
    corpus = _list(qtbot, store)
    corpus.columns_menu.aboutToShow.emit()
    offered = {action.text(): action for action in corpus.columns_menu.actions()}
    assert {"Author (author)", "URL (url)", "Pages (pages)", "阅读数"} <= set(offered)
    offered["Author (author)"].setChecked(True)
    offered["阅读数"].setChecked(True)
    model = corpus.documents
    assert model.columnCount() == FIXED + 2
    header = Qt.Orientation.Horizontal
    assert model.headerData(FIXED, header) == "Author"
    assert model.headerData(FIXED + 1, header) == "阅读数"
    by_title = dict(zip(_titles(corpus), _column(corpus, FIXED), strict=True))
    assert by_title["市政府召开常务会议研究部署复工复产工作"] == "张晓明"
    assert by_title["省政府常务会议研究部署稳就业工作"] == "记者 陈某某"
    # Another list on the same project (the next start) shows the same columns.
    again = _list(qtbot, store)
    assert again.documents.variable_columns == ("author", "阅读数")
    again.toggle_variable_column("author", False)
    assert _list(qtbot, store).documents.variable_columns == ("阅读数",)


def test_clicking_a_variable_column_sorts_by_it_documents_without_it_last(
    qtbot: QtBot, store: Store
) -> None:
    corpus = _list(qtbot, store)
    corpus.show_variable_columns(["author"])
    corpus.table.sortByColumn(FIXED, Qt.SortOrder.AscendingOrder)
    authors = _column(corpus, FIXED)
    given = [a for a in authors if a]
    assert given == sorted(given) and len(given) == 4
    assert authors[len(given) :] == [""] * (len(authors) - len(given))
    corpus.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # a fixed column again: date
    dates = _column(corpus, 2)
    assert dates == sorted(dates)


def test_the_list_narrows_to_a_source_and_a_date_range(qtbot: QtBot, store: Store) -> None:
    corpus = _list(qtbot, store)
    everything = corpus.documents.total
    box = corpus.source_box
    assert box.itemText(0) == "All sources" and box.itemText(box.count() - 1) == "(no source)"
    box.setCurrentIndex(box.findData("南方日报"))
    box.activated.emit(box.currentIndex())
    assert _titles(corpus) == ["省政府常务会议研究部署稳就业工作"]
    box.setCurrentIndex(0)
    corpus.date_from.setText("2020-04")
    corpus.date_to.setText("2020-05")
    corpus.apply_filter()
    assert sorted(_column(corpus, 2)) == ["2020-04-03", "2020-05-30"]
    corpus.date_to.setText("2020-0")  # half typed: no end yet
    corpus.apply_filter()
    assert sorted(_column(corpus, 2))[-1] == "2020-06-05"
    corpus.filter_box.setText("杭州")
    corpus.apply_filter()
    assert sorted(_column(corpus, 2)) == ["2020-06-05"]
    corpus.clear_filter()
    assert corpus.documents.total == everything
    assert (corpus.date_from.text(), box.currentIndex()) == ("", 0)


def test_a_new_source_appears_in_the_box_after_an_import(qtbot: QtBot, store: Store) -> None:
    corpus = _list(qtbot, store)
    assert corpus.source_box.findData("宿迁日报") < 0
    import_paths(store, [READERS / "scraped.csv"])
    corpus.workspace.documentsChanged.emit()
    assert corpus.source_box.findData("宿迁日报") > 0


def test_variables_are_named_in_chinese_in_zh_cn_and_unknown_ones_keep_their_name(
    qtbot: QtBot, store: Store
) -> None:
    corpus = _list(qtbot, store)
    corpus.show_variable_columns(["author", "url", "栏目"])
    install_language("zh_CN")
    QCoreApplication.processEvents()  # the language change reaches the widgets as an event
    try:
        header = Qt.Orientation.Horizontal
        names = [corpus.documents.headerData(FIXED + i, header) for i in range(3)]
        assert names == ["作者", "网址", "栏目"]
        assert corpus.source_box.itemText(0) == "所有来源"  # retranslated, not re-read
        assert [variable_label(k) for k in ("source", "date", "pages")] == [
            "来源",
            "发布日期",
            "页数",
        ]
    finally:
        install_language("en")
    assert variable_label("author") == "Author"
    set_interface_language("en")


def test_a_variable_is_set_for_every_listed_document_at_once(qtbot: QtBot, store: Store) -> None:
    """The list selects one row at a time: narrowed to a source, its documents are the many
    a variable is set for."""
    corpus = _list(qtbot, store)
    box = corpus.source_box
    box.setCurrentIndex(box.findData("杭州日报"))
    corpus.date_from.setText("2020")
    corpus.apply_filter()
    asked: list[list[int]] = []
    corpus.setVariableRequested.connect(asked.append)
    menu = corpus.menu_for(corpus.table.visualRect(corpus.documents.index(0, 0)).center())
    assert menu is not None
    assert corpus.set_listed_variable_action.text() == "Set a variable for the 1 &listed document…"
    box.setCurrentIndex(0)
    corpus.apply_filter()
    corpus.set_listed_variable_action.trigger()
    assert asked[-1] == store.document_ids(corpus.documents.document_filter)
    dated = [i for i in store.document_ids() if store.document(i).date >= "2020"]
    assert len(asked[-1]) == corpus.documents.total == len(dated) > 1


def test_the_list_narrows_to_documents_whose_review_is_done_or_not(
    qtbot: QtBot, store: Store
) -> None:
    corpus = _list(qtbot, store)
    everything = corpus.documents.total
    done_id = store.document_ids()[1]
    store.set_status(done_id, Status.DONE)
    box = corpus.status_box
    assert [box.itemText(i) for i in range(box.count())] == ["Any status", "Not done", "Done"]
    box.setCurrentIndex(box.findData(True))
    box.activated.emit(box.currentIndex())
    assert [corpus.documents.document_id(row) for row in range(corpus.documents.total)] == [done_id]
    box.setCurrentIndex(box.findData(False))
    box.activated.emit(box.currentIndex())
    assert corpus.documents.total == everything - 1
    assert done_id not in {corpus.documents.document_id(r) for r in range(everything - 1)}
    corpus.clear_filter()
    assert (corpus.documents.total, box.currentIndex()) == (everything, 0)
