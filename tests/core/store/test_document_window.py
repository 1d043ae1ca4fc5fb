"""The document list read by rank a block at a time (issue 17): the same rows in the same
order as sorting everything in Python, at any position, jumped to or scrolled, in every order
the list offers and under every filter; the schema's sort keys kept in step with the documents;
and an older project brought up to date."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

import desktop.core.document_listing as listing_module
from desktop.core.document_listing import DocumentListing
from desktop.core.model import DocumentFilter, DocumentSummary, ListOrder, NewDocument, Status
from desktop.core.natural_sort import natural_key
from desktop.core.store import Store
from desktop.core.store.schema import MIGRATIONS

SOURCES = ["新华社", "人民日报", ""]
LIST_MIGRATION = next(m for m in MIGRATIONS if m.purpose.startswith("the document list's sort"))


def _document(number: int, chance: random.Random) -> NewDocument:
    text = f"会议指出第{number}号要做好复工复产。" + "文" * chance.randint(0, 30)
    metadata: dict[str, object] = {}
    if chance.random() < 0.7:
        metadata["pages"] = chance.choice([2, 10, 9, 100, 11])
    if chance.random() < 0.5:
        metadata["author"] = chance.choice(["王某", "李某", "", "张3号", "张12号"])
    return NewDocument(
        title=f"纪要（第{chance.randint(1, 120)}次）",
        raw_text=text,
        clean_text=text,
        encoding="utf-8",
        script=chance.choice(["simplified", "traditional"]),
        source=chance.choice(SOURCES),
        date=chance.choice(["", "2019-05-01", "2020-03-15", "2020-11-30", "2021-01-02"]),
        metadata=metadata,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    chance = random.Random(17)
    with Store(tmp_path / "list.jiyao") as opened:
        opened.add_documents([_document(number, chance) for number in range(230)])
        with opened.transaction():
            for document_id in range(1, 231, 3):
                opened.set_status(document_id, Status.DONE)
        _tag_some(opened, random.Random(23))
        yield opened


def _tag_some(store: Store, chance: random.Random) -> None:
    """Up to four tags on about half the documents: many ties among the counts."""
    label = store.add_label("决定")
    with store.transaction():
        for document_id in store.document_ids():
            for start in range(chance.choice([0, 0, 0, 1, 2, 4])):
                store.add_annotation(document_id, label.id, start, start + 2)


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 7 rows, 5 kept: many blocks, and blocks dropped and read again."""
    monkeypatch.setattr(listing_module, "BLOCK_ROWS", 7)
    monkeypatch.setattr(listing_module, "KEPT_BLOCKS", 5)


def _expected(store: Store, order: ListOrder, where: DocumentFilter) -> list[int]:
    """The list's ids as Python sorts them, from every summary the filter lets through."""
    rows = store.list_documents(limit=10_000, where=where, variables=["pages", "author"])
    if order.variable:
        having = [r for r in rows if r.variables.get(order.variable, "") != ""]
        having.sort(key=lambda r: (natural_key(r.variables[order.variable]), r.id))
        if order.descending:
            having.reverse()
        missing = sorted(r.id for r in rows if r.variables.get(order.variable, "") == "")
        return [r.id for r in having] + missing
    rows.sort(key=lambda r: (_key(r, order.column), r.id), reverse=order.descending)
    return [r.id for r in rows]


def _key(row: DocumentSummary, column: str) -> object:
    if column == "title":
        return natural_key(row.title)
    if column == "status":
        return row.status.value
    if column == "annotations":
        return row.annotation_count
    return getattr(row, column)


ORDERS = [
    ListOrder(),
    ListOrder("id", descending=True),
    *(ListOrder(c) for c in ["title", "date", "source", "script", "length", "status"]),
    ListOrder("title", descending=True),
    ListOrder("date", descending=True),
    ListOrder("annotations"),
    ListOrder("annotations", descending=True),
    ListOrder(variable="pages"),
    ListOrder(variable="pages", descending=True),
    ListOrder(variable="author"),
]
FILTERS = [
    DocumentFilter(),
    DocumentFilter(source="新华社"),
    DocumentFilter(source=""),
    DocumentFilter(date_from="2020-03", date_to="2020-11"),
    DocumentFilter(containing=("第1",)),
    DocumentFilter(containing=("第2",), source="人民日报", date_from="2020"),
    DocumentFilter(containing=("no such text",)),
    DocumentFilter(done=True),
    DocumentFilter(done=False, source="新华社"),
    DocumentFilter(containing=("第1",), done=False),
]


def test_the_review_status_narrows_the_list_to_documents_done_or_not(store: Store) -> None:
    rows = store.list_documents(limit=10_000)
    for done in (True, False):
        listing = DocumentListing(store, ListOrder("title"), DocumentFilter(done=done))
        got = {listing.row(rank).id for rank in range(listing.total)}
        assert got == {r.id for r in rows if (r.status is Status.DONE) == done}
    assert len(got) == 230 - 77


@pytest.mark.parametrize("order", ORDERS, ids=repr)
@pytest.mark.parametrize("where", FILTERS, ids=repr)
@pytest.mark.parametrize("few_rows", [0, 1_000_000], ids=["many", "few"])
def test_every_row_is_where_sorting_everything_puts_it(
    store: Store,
    order: ListOrder,
    where: DocumentFilter,
    few_rows: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whether the filter's documents are found first and sorted (few) or the order walked."""
    monkeypatch.setattr(listing_module, "FEW_ROWS", few_rows)
    expected = _expected(store, order, where)
    forwards = DocumentListing(store, order, where)
    assert forwards.total == len(expected)
    assert [forwards.row(rank).id for rank in range(forwards.total)] == expected
    backwards = DocumentListing(store, order, where)
    assert [backwards.row(rank).id for rank in reversed(range(backwards.total))] == expected[::-1]
    jumping = DocumentListing(store, order, where)
    ranks = list(range(len(expected)))
    random.Random(3).shuffle(ranks)
    assert [jumping.row(rank).id for rank in ranks] == [expected[rank] for rank in ranks]


@pytest.mark.parametrize("order", ORDERS, ids=repr)
def test_a_documents_rank_is_counted_without_reading_the_rows(
    store: Store, order: ListOrder
) -> None:
    where = DocumentFilter(source="新华社")
    expected = _expected(store, order, where)
    listing = DocumentListing(store, order, where)
    for document_id in (1, 2, 5, 50, 229, 230):
        rank = listing.rank_of(document_id)
        assert rank == (expected.index(document_id) if document_id in expected else None)


def test_the_keys_follow_new_changed_and_deleted_documents(store: Store) -> None:
    order = ListOrder(variable="author")
    listing = DocumentListing(store, order)
    chance = random.Random(5)
    [new_id] = store.add_documents([_document(999, chance)])
    assert new_id is not None
    store.update_document(new_id, title="纪要（第0次）", metadata={"author": "张1号"})
    store.update_document(1, metadata={"author": "张2号", "pages": 1})
    store.delete_documents([2])
    listing.recount()
    assert [listing.row(r).id for r in range(listing.total)] == _expected(
        store, order, DocumentFilter()
    )
    by_title = DocumentListing(store, ListOrder("title"))
    assert by_title.row(0).id == new_id


def test_a_variable_that_is_not_text_sorts_by_its_json(store: Store) -> None:
    store.update_document(3, metadata={"pages": [1, 2], "author": None})
    store.update_document(4, metadata={"pages": True})
    store.refresh_sort_keys()
    keys = dict(
        store.db.execute(
            "SELECT document_id, sort_key FROM sort_keys WHERE document_id IN (3, 4) AND name != ''"
        ).fetchall()
    )
    assert keys == {3: natural_key("[1,2]"), 4: natural_key("1")}


def test_a_deleted_document_put_back_by_undo_has_its_variables_again(store: Store) -> None:
    store.refresh_sort_keys()
    before = store.db.execute("SELECT * FROM sort_keys ORDER BY 1, 2, 3").fetchall()
    store.restore_documents(store.delete_documents([5, 6, 7]))
    assert store.refresh_sort_keys() == 3
    after = store.db.execute("SELECT * FROM sort_keys ORDER BY 1, 2, 3").fetchall()
    assert after == before


def test_an_older_project_gets_its_sort_keys_and_indexes(tmp_path: Path) -> None:
    path = tmp_path / "old.jiyao"
    chance = random.Random(9)
    with Store(path, migrate_to=LIST_MIGRATION.version - 1) as old:
        old.add_documents([_document(number, chance) for number in range(40)])
        old.db.execute("UPDATE documents SET metadata = 'not json' WHERE id = 3")
        old.db.execute("UPDATE documents SET metadata = '[1, 2]' WHERE id = 4")
        old.db.conn.commit()
        titles = old.db.execute("SELECT id, title, metadata FROM documents").fetchall()
    with Store(path) as migrated:
        assert migrated.db.execute("SELECT id, title, metadata FROM documents").fetchall() == titles
        indexes = {row[0] for row in migrated.db.execute("SELECT name FROM sqlite_master")}
        assert {"documents_by_source_and_date", "documents_by_date", "sort_keys"} <= indexes
        for order in ORDERS:
            listing = DocumentListing(migrated, order)
            got = [listing.row(rank).id for rank in range(listing.total)]
            assert got == _expected(migrated, order, DocumentFilter())
        having = {
            row[0]
            for row in migrated.db.execute("SELECT document_id FROM sort_keys WHERE name != ''")
        }
        assert having == {
            i
            for i, _title, meta in titles
            if i not in (3, 4)
            and json.loads(meta)
            and any(v not in ("", None) for v in json.loads(meta).values())
        }


def test_other_programs_may_write_documents_and_the_list_catches_up(
    store: Store, tmp_path: Path
) -> None:
    """Plain SQL without Jiyao's functions (a database browser, a script) can add and retitle
    documents: the triggers only mark them, and the list makes their keys when next read."""
    with sqlite3.connect(tmp_path / "list.jiyao") as other:
        other.execute("UPDATE documents SET title = '纪要（第0次）' WHERE id = 7")
        other.execute(
            """INSERT INTO documents (title, encoding, script, raw_text, clean_text, text_sha256,
            metadata, imported_at) VALUES ('纪要（第1次）', 'utf-8', 'simplified', '正文',
            '正文', 'x', '{"pages": 1}', 'now')"""
        )
    by_title = DocumentListing(store, ListOrder("title"))
    assert [by_title.row(0).id, by_title.row(1).title] == [7, "纪要（第1次）"]
    for order in ORDERS:
        listing = DocumentListing(store, order)
        got = [listing.row(rank).id for rank in range(listing.total)]
        assert got == _expected(store, order, DocumentFilter())


@pytest.mark.parametrize("order", ORDERS, ids=repr)
def test_the_orders_read_their_index_not_every_row(store: Store, order: ListOrder) -> None:
    """No order sorts the whole list to read a window of it."""
    queries: list[str] = []
    DocumentListing(store, order)  # its keys made
    store.db.conn.set_trace_callback(queries.append)
    store.document_window(order, limit=5, offset=3)
    store.document_window(order, limit=5, after=(0, "2", 9))
    store.db.conn.set_trace_callback(None)
    for query in queries:
        plan = store.db.execute(f"EXPLAIN QUERY PLAN {query}").fetchall()
        [window] = [node for node, _parent, _, detail in plan if detail == "MATERIALIZE w"]
        inner = [detail for _node, parent, _, detail in plan if parent == window]
        assert inner and not any("TEMP B-TREE" in detail for detail in inner), (query, plan)


@pytest.mark.parametrize("column", ["annotations", "title", "length"])
def test_a_filter_letting_many_through_walks_the_orders_index(store: Store, column: str) -> None:
    """A date range lets many documents through: the order's index is walked, the dates
    tested on the way, not every document in the range found and sorted."""
    queries: list[str] = []
    where = DocumentFilter(date_from="2019", date_to="2021")
    DocumentListing(store, ListOrder(column))  # its keys made
    store.db.conn.set_trace_callback(queries.append)
    store.document_window(ListOrder(column), where, limit=5)
    store.db.conn.set_trace_callback(None)
    plan = store.db.execute(f"EXPLAIN QUERY PLAN {queries[-1]}").fetchall()
    [window] = [node for node, _parent, _, detail in plan if detail == "MATERIALIZE w"]
    inner = [detail for _node, parent, _, detail in plan if parent == window]
    assert not any("TEMP B-TREE" in detail for detail in inner), plan


def test_the_documents_found_by_text_follow_writes_of_this_and_other_connections(
    store: Store, tmp_path: Path
) -> None:
    where = DocumentFilter(containing=("新写的",))
    assert store.document_count(where=where) == 0
    store.add_documents([NewDocument("新写的纪要", "正文一", "正文一", "utf-8", "simplified")])
    assert store.document_count(where=where) == 1
    with sqlite3.connect(tmp_path / "list.jiyao") as other:
        # A title (the search index, which finds texts, is kept in step by Jiyao alone).
        other.execute("UPDATE documents SET title = '这是新写的' WHERE id = 9")
    listing = DocumentListing(store, ListOrder("title"), where)
    assert listing.total == 2 and 9 in {listing.row(0).id, listing.row(1).id}
    assert not store.db.conn.in_transaction  # the list's reading left nothing open


def test_the_sources_are_listed_by_the_index_as_a_pass_over_them_lists_them(
    store: Store,
) -> None:
    store.update_document(8, source="Ａ新华社")
    store.update_document(9, source="人民日报 ")  # kept stripped: as any other
    assert store.listed_sources() == store.document_sources() == ["人民日报", "新华社", "Ａ新华社"]


def test_many_stale_documents_get_their_keys_and_the_index_by_document_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.core.store.documents as documents_module

    store.refresh_sort_keys()
    before = store.db.execute("SELECT * FROM sort_keys ORDER BY 1, 2, 3").fetchall()
    store.db.execute("DELETE FROM sort_keys")
    store.db.conn.commit()
    monkeypatch.setattr(documents_module, "_MANY_STALE", 10)
    assert store.refresh_sort_keys() == 230
    assert store.db.execute("SELECT * FROM sort_keys ORDER BY 1, 2, 3").fetchall() == before
    indexes = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
    assert "sort_keys_of_document" in indexes


def _counted_tags(store: Store) -> dict[int, int]:
    return dict(store.db.execute("SELECT document_id, tags FROM document_list").fetchall())


def _tags_per_document(store: Store) -> dict[int, int]:
    return dict(
        store.db.execute(
            "SELECT d.id, (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) "
            "FROM documents d"
        ).fetchall()
    )


def test_the_tag_counts_follow_tags_added_deleted_moved_and_put_back(
    store: Store, tmp_path: Path
) -> None:
    store.refresh_sort_keys()
    assert _counted_tags(store) == _tags_per_document(store)
    label = store.add_label("另一个")
    added = store.add_annotation(7, label.id, 0, 3)
    store.delete_annotation(added.id)
    store.restore_annotation(added)
    tagged = [i for i, tags in _tags_per_document(store).items() if tags and i > 20]
    store.delete_annotation(store.annotations(tagged[0])[0].id)
    store.restore_documents(store.delete_documents([9, 10]))
    store.delete_documents([11])
    with sqlite3.connect(tmp_path / "list.jiyao") as other:  # plain SQL: the triggers count
        other.execute(f"UPDATE annotations SET document_id = 12 WHERE document_id = {tagged[1]}")
        other.execute(f"DELETE FROM annotations WHERE document_id = {tagged[2]}")
    [new_id] = store.add_documents([_document(1000, random.Random(1))])
    assert new_id is not None
    store.add_annotation(new_id, label.id, 0, 2)  # before the list has counted it
    DocumentListing(store, ListOrder("annotations"))
    assert _counted_tags(store) == _tags_per_document(store)
    assert _counted_tags(store)[new_id] == 1 and 11 not in _counted_tags(store)


def test_the_listed_titles_follow_new_retitled_deleted_and_restored_documents(
    store: Store, tmp_path: Path
) -> None:
    def listed() -> list[tuple[int, str]]:
        return store.db.execute("SELECT document_id, title FROM document_list").fetchall()

    store.update_document(3, title="新的标题")
    store.restore_documents(store.delete_documents([4]))
    store.delete_documents([5])
    with sqlite3.connect(tmp_path / "list.jiyao") as other:
        other.execute("UPDATE documents SET title = '别的程序' WHERE id = 6")
    store.add_documents([_document(1000, random.Random(1))])
    DocumentListing(store, ListOrder("title"))
    assert listed() == store.db.execute("SELECT id, title FROM documents ORDER BY id").fetchall()


def test_an_older_project_gets_its_tag_counts(tmp_path: Path) -> None:
    path = tmp_path / "old.jiyao"
    counting = next(m for m in MIGRATIONS if m.purpose.startswith("each document's tag count"))
    with Store(path, migrate_to=counting.version - 1) as old:
        old.add_documents([_document(number, random.Random(number)) for number in range(30)])
        _tag_some(old, random.Random(4))
        tags = old.db.execute("SELECT * FROM annotations ORDER BY id").fetchall()
    with Store(path) as migrated:
        assert migrated.db.execute("SELECT * FROM annotations ORDER BY id").fetchall() == tags
        assert _counted_tags(migrated) == _tags_per_document(migrated)
        titles = "SELECT document_id, title FROM document_list ORDER BY 1"
        assert (
            migrated.db.execute(titles).fetchall()
            == migrated.db.execute("SELECT id, title FROM documents ORDER BY 1").fetchall()
        )
        listing = DocumentListing(migrated, ListOrder("annotations", descending=True))
        got = [listing.row(rank).id for rank in range(listing.total)]
        assert got == _expected(migrated, listing.order, DocumentFilter())


TEXT_FILTER_DOCUMENTS = [
    ("宿迁市专题会议纪要（第12次）", "会议研究了第12345号文件。"),
    ("杭州市办公会议（第1203次）", "關於復工復產的會議紀要，第012號。"),
    ("ABC Weekly 第0012期", "Covid-19 response: ＣＯＶＩＤ and covid, 第12号."),
    ("Straße 1", "复工复产，稳就业。"),
    ("无号", "单字「的」与标点：逗号, 句号。"),
]
NEEDLES = [
    "第12",
    "第1",
    "12",
    "012",
    "0",
    "宿迁市专题",
    "会议",
    "會議",
    "复工",
    "復工",
    "covid",
    "COVID",
    "ＣＯＶＩＤ",
    "Covid-19 r",
    "ß",
    "STRASSE",
    "straße 1",
    "的",
    "，",
    "「的」",
    ": ",
    "第12345号",
    "号文",
    "no such words",
]


@pytest.mark.parametrize("listed", [True, False], ids=["titles listed", "titles behind"])
@pytest.mark.parametrize("indexed", [True, False], ids=["index", "no index"])
def test_a_text_filter_finds_what_a_scan_of_every_title_and_text_finds(
    tmp_path: Path, indexed: bool, listed: bool
) -> None:
    """Found by the search index and the listed titles, or by reading every title and text:
    the same documents, those whose title or clean text holds one of the strings as it is."""
    with Store(tmp_path / "texts.jiyao") as store:
        store.add_documents(
            [
                NewDocument(title, text, text, "utf-8", "simplified", metadata={"n": number})
                for number, (title, text) in enumerate(TEXT_FILTER_DOCUMENTS)
            ]
        )
        if not indexed:
            store.defer_search_index()
        assert store.search_index_current() == indexed
        store.refresh_sort_keys()
        if not listed:  # as after a write the list has not caught up with yet
            store.db.execute("INSERT INTO sort_keys_stale SELECT id FROM documents")
        rows = store.db.execute("SELECT id, title, clean_text FROM documents").fetchall()
        queries: list[str] = []
        store.db.conn.set_trace_callback(queries.append)
        for needles in [*((needle,) for needle in NEEDLES), ("宿迁", "covid"), ("0", "的")]:
            expected = sorted(
                i for i, title, text in rows if any(n in title or n in text for n in needles)
            )
            assert store.document_count(where=DocumentFilter(containing=needles)) == len(expected)
            found = store.db.execute("SELECT id FROM temp.text_matches ORDER BY id").fetchall()
            assert [i for (i,) in found] == expected, needles
        store.db.conn.set_trace_callback(None)
        assert any("MATCH" in query for query in queries) == (indexed and listed)
        assert any("FROM document_list WHERE" in query for query in queries) == listed


def test_a_text_filter_reads_the_titles_and_texts_when_the_titles_keys_are_behind(
    store: Store, tmp_path: Path
) -> None:
    with sqlite3.connect(tmp_path / "list.jiyao") as other:
        other.execute("UPDATE documents SET title = '新标题第77号' WHERE id = 5")
    assert store.document_count(where=DocumentFilter(containing=("新标题",))) == 1
