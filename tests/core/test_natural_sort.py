"""Natural order of titles, in Python and in the store's document list."""

from __future__ import annotations

from pathlib import Path

from desktop.core.model import NewDocument
from desktop.core.natural_sort import natural_key
from desktop.core.store import Store


def test_numbers_sort_by_value_not_by_character() -> None:
    titles = ["第1000号", "第100号", "第2号", "第20号", "附件", "第１０号"]
    titles += ["2023年10月", "2023年9月"]
    assert sorted(titles, key=natural_key) == [
        "2023年9月",
        "2023年10月",
        "第2号",
        "第１０号",
        "第20号",
        "第100号",
        "第1000号",
        "附件",
    ]


def test_leading_zeros_and_case_do_not_change_the_place() -> None:
    assert natural_key("No. 007") == natural_key("no. 7")
    assert natural_key(None) == ""


def _document(text: str, title: str) -> NewDocument:
    return NewDocument(
        title=title, raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
    )


def test_the_document_list_sorts_titles_naturally(tmp_path: Path) -> None:
    with Store(tmp_path / "natural.jiyao") as store:
        titles = ["第1000号", "第100号", "第9号", "第10号"]
        store.add_documents([_document(f"正文{title}", title) for title in titles])
        listed = [d.title for d in store.list_documents(order_by="title")]
        assert listed == ["第9号", "第10号", "第100号", "第1000号"]
        backwards = [d.title for d in store.list_documents(order_by="title", descending=True)]
        assert backwards == listed[::-1]
