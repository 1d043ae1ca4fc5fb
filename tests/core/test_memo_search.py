"""A corpus query in the memos (issue 15): both scripts, the query language, regular
expressions, offsets in the memo's title or text, checked against plain string finding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.memo_search import memo_hits, positive_terms
from desktop.core.model import NewDocument
from desktop.core.search import Search
from desktop.core.search_query import parse_query
from desktop.core.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "project.jiyao") as opened:
        text = "会议要求各地加快复工复产。"
        document = opened.add_document(
            NewDocument(
                title="通知", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
            )
        )
        assert document is not None
        label = opened.add_label("要求")
        tag = opened.add_annotation(document, label.id, 2, 4, annotator="王")
        opened.add_memo("tag", tag.id, "𠀀这里的复工指工厂", author="王")
        opened.add_memo("document", document, "省里转载，復工復產在前", title="復工")
        opened.add_memo("project", None, "第一天：读完十份纪要", title="Day 1")
        opened.add_memo("label", label.id, "口罩与疫苗", title="物资")
        yield opened


def test_a_term_finds_memos_in_both_scripts_with_offsets_in_title_or_text(store: Store) -> None:
    hits = memo_hits(store, Search("复工"))
    # Independent: a regular expression over each memo's title and text, both spellings.
    expected = [
        (memo.target, field, match.start())
        for memo in store.memos()
        for field, words in (("title", memo.title), ("text", memo.text))
        for match in re.finditer("复工|復工", words)
    ]
    assert [(h.memo.target, h.field, h.start) for h in hits] == expected
    assert len(hits) == 3
    for hit in hits:
        words = hit.memo.title if hit.field == "title" else hit.memo.text
        assert words[hit.start : hit.end] == hit.hit
        assert words[: hit.start].endswith(hit.left)
        assert words[hit.end :].startswith(hit.right)
    astral = next(hit for hit in hits if hit.memo.target == "tag")
    assert astral.start == 4 and astral.left == "𠀀这里的"  # a code point, not two UTF-16 units


def test_boolean_queries_and_regular_expressions(store: Store) -> None:
    assert [h.memo.target for h in memo_hits(store, Search("口罩 NOT 复工"))] == ["label"]
    assert {h.memo.target for h in memo_hits(store, Search("复工 AND 转载"))} == {"document"}
    not_only = memo_hits(store, Search("NOT 复工"))
    assert not_only == []  # matching memos, but no hits to show
    regex = memo_hits(store, Search(r"\d+|[一二三四五六七八九十]份", regex=True))
    assert [(h.memo.target, h.hit) for h in regex] == [("project", "1"), ("project", "十份")]
    assert memo_hits(store, Search("疫苗 NEAR/1 口罩"))[0].hit == "口罩"


def test_positive_terms_narrow_only_when_a_memo_must_hold_one() -> None:
    assert positive_terms(parse_query("复工 OR 复产")) == ["复工", "复产"]
    assert positive_terms(parse_query("复工 NOT 复产")) == ["复工"]
    assert positive_terms(parse_query("NOT 复产")) is None
    assert positive_terms(parse_query("复工 OR (NOT 复产)")) is None


def test_spellings_are_every_text_folding_to_the_term() -> None:
    from desktop.core.folding import fold
    from desktop.core.memo_search import MOST_SPELLINGS, spellings

    found = spellings("复工")
    assert found is not None and "复工" in found and "復工" in found
    assert all(fold(spelling) == fold("复工") for spelling in found)
    assert spellings("復工") == found
    assert spellings("COVID-19 vaccine") is None  # too many case and width forms to list
    assert len(spellings("ab") or ()) <= MOST_SPELLINGS
