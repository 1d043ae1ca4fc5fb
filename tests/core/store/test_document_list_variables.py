"""The document list by document variables (issue 14): the variables a page carries, sorting
by one, and filtering by source and date range beside the text filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.model import DocumentFilter, NewDocument
from desktop.core.store import Store


def _document(title: str, source: str, date: str, **metadata: object) -> NewDocument:
    text = f"{title}：会议研究部署相关工作。"
    return NewDocument(
        title=title,
        raw_text=text,
        clean_text=text,
        encoding="utf-8",
        script="simplified",
        source=source,
        date=date,
        metadata=dict(metadata),
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "p.jiyao") as opened:
        opened.add_documents(
            [
                _document("甲", "南方日报", "2020-03-30", author="记者 陈某", pages=12),
                _document("乙", "广东省人民政府门户网站", "2020-03-31", author="王某", pages=2),
                _document("丙", "南方日报", "2020-04-02", channel="广东要闻"),
                _document("丁", "", "", author="李某", pages="10"),
            ]
        )
        yield opened


def _titles(store: Store, **options: object) -> list[str]:
    return [summary.title for summary in store.list_documents(**options)]  # type: ignore[arg-type]


def test_a_page_carries_the_variables_asked_for_as_text(store: Store) -> None:
    summaries = store.list_documents(variables=("author", "pages"))
    assert [s.variables for s in summaries] == [
        {"author": "记者 陈某", "pages": "12"},
        {"author": "王某", "pages": "2"},
        {},
        {"author": "李某", "pages": "10"},
    ]
    assert store.list_documents()[0].variables == {}  # none asked: none read


def test_sorting_by_a_variable_is_natural_and_puts_documents_without_it_last(
    store: Store,
) -> None:
    # 2 < 10 < 12 whether stored as a number or as text.
    assert _titles(store, order_by_variable="pages") == ["乙", "丁", "甲", "丙"]
    assert _titles(store, order_by_variable="pages", descending=True) == ["甲", "丁", "乙", "丙"]
    assert _titles(store, order_by_variable="author") == ["丁", "乙", "甲", "丙"]


def test_the_list_filters_by_source_and_date_range_beside_the_text(store: Store) -> None:
    by_source = DocumentFilter(source="南方日报")
    assert _titles(store, where=by_source) == ["甲", "丙"]
    assert store.document_count(where=by_source) == 2
    assert _titles(store, where=DocumentFilter(source="")) == ["丁"]  # no source named
    march = DocumentFilter(date_from="2020-03", date_to="2020-03")
    assert _titles(store, where=march) == ["甲", "乙"]
    assert _titles(store, where=DocumentFilter(date_from="2020-03-31")) == ["乙", "丙"]
    assert _titles(store, where=DocumentFilter(date_to="2020-03-30")) == ["甲"]
    both = DocumentFilter(containing=("丙", "甲"), source="南方日报", date_from="2020-04")
    assert _titles(store, where=both) == ["丙"]
    assert store.document_count(where=both) == 1
    assert _titles(store, containing=["乙"], where=DocumentFilter(date_to="2020")) == ["乙"]


def test_the_variable_names_are_listed_most_used_first(store: Store) -> None:
    assert store.variable_names() == ["author", "pages", "channel"]
