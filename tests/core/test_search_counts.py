"""Hits per document (issue 17): counted from the index or with ``str.count``, never by
making each hit, and always the number of hits the search itself finds."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.model import NewDocument
from desktop.core.search import Search, count_hits, iter_counts, iter_hits
from desktop.core.search_query import SearchRestriction
from desktop.core.store import Store

# Traditional and Simplified forms, Latin in both cases and full width, punctuation the
# index splits at, a character outside the BMP, and runs that overlap themselves (会会会).
ALPHABET = ["会", "會", "议", "議", "部", "署", "复", "復", "工", "产", "產", "Ａ", "a", "A", "b"]
ALPHABET += ["，", ",", " ", "-", "1", "１", "𠀀", "\n"]
QUERIES = [
    "会议",
    "會議",
    "部署",
    "会",
    "会会",
    "复工复产",
    "a",
    "ab",
    "AB",
    "ａｂ",
    "a-1",
    '"议 部"',
    "会议 AND 部署",
    "会议 部署 会议",
    "会议 OR 會議",
    "会议 OR 部署",
    "会议 NOT 部署",
    "NOT 会议",
    "NOT 会议 NOT 部署",
    "(会议 OR 复工) AND NOT (部署 OR ab)",
    "会议 OR (会议 AND 部署) OR 议部",
    "会议 OR 会",
    "会议 NEAR/3 部署",
    "复工 NEAR/0 复产 OR 会议",
    "𠀀会",
    "會議 AND ab",
]


def document(text: str, number: int) -> NewDocument:
    return NewDocument(
        title=f"文件{number}",
        raw_text=text,
        clean_text=text,
        encoding="utf-8",
        script="simplified",
        date=f"2020-0{1 + number % 9}-01",
    )


def scanned(store: Store, search: Search, restriction: SearchRestriction) -> dict[int, int]:
    """The reference: every hit the search finds, made and counted."""
    return dict(Counter(hit.document_id for hit in iter_hits(store, search, restriction)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chance = random.Random(17)
    words = ["会议", "會議", "部署", "复工复产", "復工復產", "ab", "AB", "ａｂ", "会会会"]
    texts = []
    for _ in range(120):
        pieces = [
            chance.choice(words) if chance.random() < 0.3 else chance.choice(ALPHABET)
            for _ in range(chance.randint(0, 40))
        ]
        texts.append("".join(pieces))
    path = tmp_path_factory.mktemp("counts") / "p.jiyao"
    with Store(path) as store:
        store.add_documents([document(text, number) for number, text in enumerate(texts)])
    return path


@pytest.mark.parametrize("index", ["current", "stale"])
def test_counts_are_the_hits_the_search_finds(corpus: Path, index: str) -> None:
    with Store(corpus) as store:
        if index == "stale":
            store.search_index_current = lambda: False  # type: ignore[method-assign]
        for restriction in (SearchRestriction(), SearchRestriction(date_from="2020-05")):
            for query in QUERIES:
                search = Search(query)
                counts = count_hits(store, search, restriction)
                documents = [count.document_id for count in counts]
                assert documents == sorted(documents), query
                if search.shows_hits:
                    expected = scanned(store, search, restriction)
                    assert {c.document_id: c.hits for c in counts} == expected, query
                else:  # NOT alone: documents without hits
                    assert all(count.hits == 0 for count in counts), query


def test_a_regular_expression_is_counted_from_its_matches(corpus: Path) -> None:
    with Store(corpus) as store:
        for pattern in (r"会+", r"[aA]b?", r"議|议"):
            search = Search(pattern, regex=True)
            counted = {c.document_id: c.hits for c in count_hits(store, search)}
            assert counted == scanned(store, search, SearchRestriction()), pattern


def test_two_character_terms_are_counted_without_reading_a_text(corpus: Path) -> None:
    with Store(corpus) as store:
        expected = {q: count_hits(store, Search(q)) for q in ("会议", "会议 AND NOT 部署")}
        store.search_texts = None  # type: ignore[assignment,method-assign]
        store.search_folded_texts = None  # type: ignore[assignment,method-assign]
        for query, counts in expected.items():
            assert count_hits(store, Search(query)) == counts, query
            assert counts, query


def test_counts_come_in_batches_saying_how_far_they_got(corpus: Path) -> None:
    with Store(corpus) as store:
        for query in ("会议", "复工复产", "会议 NEAR/3 部署"):
            batches = list(iter_counts(store, Search(query), batch=10))
            assert len(batches) > 2, query
            reached = [batch.reached for batch in batches]
            assert reached == sorted(reached), query
            done = [batch.done for batch in batches]
            assert done == sorted(done) and done[0] > 0 and done[-1] <= 1, query
            assert {batch.last for batch in batches} == {store.last_document_id()}, query
            assert all(c.document_id <= b.reached for b in batches for c in b.counts), query
            flat = [count for batch in batches for count in batch.counts]
            assert flat == count_hits(store, Search(query)), query


def test_a_cancelled_count_stops_between_batches(corpus: Path) -> None:
    with Store(corpus) as store:
        for query in ("会议", "复工复产"):
            seen: list[int] = []

            def enough(seen: list[int] = seen) -> bool:
                return len(seen) >= 2

            for batch in iter_counts(store, Search(query), batch=10, cancelled=enough):
                seen.append(batch.reached)
            assert len(seen) == 2, query


def test_counts_are_put_in_title_order_from_the_stores_index(tmp_path: Path) -> None:
    """Issue 17: the order of the titles comes from the store (natural, as the document list
    sorts them), not from sorting a million titles in Python; ties in document order either
    way; documents stored after the titles' keys were made come after the others."""
    from desktop.core.model import NewDocument
    from desktop.core.search import DocumentCount, counts_by_title
    from desktop.core.store import Store

    titles = ["第12次", "第2次", "乙", "第2次", "甲"]
    with Store(tmp_path / "t.jiyao") as store:
        store.add_documents(
            [
                NewDocument(
                    title=title,
                    raw_text=f"文{n}",
                    clean_text=f"文{n}",
                    encoding="utf-8",
                    script="simplified",
                )
                for n, title in enumerate(titles)
            ]
        )
        store.refresh_sort_keys()
        store.add_documents(
            [
                NewDocument(
                    title="丁",
                    raw_text="后来",
                    clean_text="后来",
                    encoding="utf-8",
                    script="simplified",
                )
            ]
        )
        counts = [DocumentCount(i, t, 1) for i, t in enumerate([*titles, "丁"], start=1)]
        counts = [c for c in counts if c.document_id != 3]  # 乙 has no hit

        def ids(descending: bool) -> list[int]:
            found = counts_by_title(store.document_ids_by_title(), counts, descending=descending)
            assert found is not None
            return [count.document_id for count in found]

        assert ids(False) == [5, 2, 4, 1, 6]  # 丁: stored since, after the others
        assert ids(True) == [6, 1, 2, 4, 5]
        stopped = counts_by_title(store.document_ids_by_title(), counts, cancelled=lambda: True)
        assert stopped is None
        assert counts_by_title(iter([]), []) == []
