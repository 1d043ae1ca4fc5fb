"""Storing analysed documents in bulk (``jiyao import DIR``, issue 17): the document list's keys
of what was loaded are made from the titles and variables kept aside while loading, and are
those a refresh reading the documents makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.core.store.bulk import AnalysedRow
from desktop.core.store.documents import document_row, encoded_row

VARIABLES: list[dict[str, object]] = [
    {},
    {"pages": 10, "author": "张12号"},
    {"pages": 9.5, "author": ""},
    {"flag": True, "nested": {"a": [1, 2]}, "none": None},
    {"": "unnamed", "届次": "第3届"},
    {"pages": 1e21},
]


def _analysed(number: int, *, encoded: bool = False) -> AnalysedRow:
    text = f"会议指出第{number}号要做好复工复产。"
    row = document_row(
        NewDocument(
            title=f"纪要（第{number % 7}次）",
            raw_text=text,
            clean_text=text,
            encoding="utf-8",
            script="simplified",
            source="新华社",
            date="2020-03-15",
            metadata=VARIABLES[number % len(VARIABLES)],
        )
    )
    entities = json.dumps([["ORG", 0, 2, text[:2]]], ensure_ascii=False)
    return (encoded_row(row) if encoded else row, entities, 3)


def _list_rows(store: Store) -> tuple[list[tuple], list[tuple]]:
    keys = store.db.execute("SELECT * FROM sort_keys ORDER BY 1, 2, 3").fetchall()
    listed = store.db.execute("SELECT * FROM document_list ORDER BY 1").fetchall()
    return keys, listed


def _made_again_from_the_documents(store: Store) -> tuple[list[tuple], list[tuple]]:
    with store.transaction():
        store.db.execute("DELETE FROM sort_keys")
        store.db.execute("DELETE FROM document_list")
    store.refresh_sort_keys()
    return _list_rows(store)


def _statements(store: Store) -> list[str]:
    """The statements ``store`` runs from now on."""
    run: list[str] = []
    store.db.conn.set_trace_callback(run.append)
    return run


def _read_kept_rows(statements: list[str]) -> bool:
    """Whether the list's keys were made from the rows kept aside (the titles' statement)."""
    made = "JOIN temp.loaded_documents d ON d.id = s.document_id ORDER BY 1, 2, 3"
    return any(made in statement for statement in statements)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "bulk.jiyao") as opened:
        opened.add_documents(
            [NewDocument("已有", "已有的文本。", "已有的文本。", "utf-8", "simplified")]
        )
        opened.refresh_sort_keys()
        yield opened


def test_the_keys_of_a_bulk_load_are_those_made_from_the_documents(store: Store) -> None:
    cache = store.db.execute("PRAGMA cache_size").fetchone()
    statements = _statements(store)
    with store.bulk_loading():
        first = store.add_analysed_rows([_analysed(n) for n in range(20)], index=False)
        again = store.add_analysed_rows([_analysed(n, encoded=True) for n in range(15, 40)])
    assert first.count(None) == 0 and again.count(None) == 5  # 15..19 stored already
    assert _read_kept_rows(statements)
    made = _list_rows(store)
    assert len(made[1]) == 41
    assert ("author", store.db.execute("SELECT natural_key('张12号')").fetchone()[0]) in {
        (name, key) for name, key, _ in made[0]
    }
    assert made == _made_again_from_the_documents(store)
    assert store.refresh_sort_keys() == 0
    assert store.db.execute("PRAGMA cache_size").fetchone() == cache
    kept = store.db.execute("SELECT name FROM temp.sqlite_master").fetchall()
    assert kept == []


def test_documents_changed_or_added_otherwise_during_a_load_get_their_keys_from_the_documents(
    store: Store,
) -> None:
    statements = _statements(store)
    with store.bulk_loading():
        [loaded, *_] = store.add_analysed_rows([_analysed(n) for n in range(6)], index=False)
        assert loaded is not None
        store.update_document(loaded, title="改过的标题", metadata={"author": "李某"})
        store.add_documents(
            [NewDocument("另加", "另加的文本。", "另加的文本。", "utf-8", "simplified")]
        )
    assert not _read_kept_rows(statements)
    made = _list_rows(store)
    assert (loaded, 0, "改过的标题") in made[1]
    assert "另加" in [title for _, _, title in made[1]]
    assert made == _made_again_from_the_documents(store)


def test_a_load_that_fails_makes_no_keys_and_keeps_nothing_aside(store: Store) -> None:
    cache = store.db.execute("PRAGMA cache_size").fetchone()
    with pytest.raises(RuntimeError), store.bulk_loading():
        store.add_analysed_rows([_analysed(n) for n in range(3)], index=False)
        raise RuntimeError("stopped")
    assert store.db.execute("SELECT name FROM temp.sqlite_master").fetchall() == []
    assert store.db.execute("PRAGMA cache_size").fetchone() == cache
    assert store.refresh_sort_keys() == 3  # made by the next listing, from the documents
    assert _list_rows(store) == _made_again_from_the_documents(store)


def test_a_document_deleted_during_a_load_and_its_id_stored_again(store: Store) -> None:
    """An id is used again once the newest document is deleted: by the load itself, or by
    this connection storing another document."""
    with store.bulk_loading():
        ids = store.add_analysed_rows([_analysed(n) for n in range(3)], index=False)
        store.delete_documents([ids[-1]])
        again = store.add_analysed_rows([_analysed(n) for n in range(10, 13)], index=False)
        assert again[0] == ids[-1]
        store.delete_documents([again[-1]])
        [other] = store.add_documents(
            [NewDocument("另一篇", "另一篇。", "另一篇。", "utf-8", "simplified")]
        )
        assert other == again[-1]
    made = _list_rows(store)
    assert (other, 0, "另一篇") in made[1]
    assert made == _made_again_from_the_documents(store)


@pytest.mark.parametrize("store_another", [False, True])
def test_another_connection_deleting_a_loaded_document_during_a_load(
    store: Store, store_another: bool
) -> None:
    """Another connection (the window, another process) deletes the newest loaded document;
    its id goes to the load's next document, or to one that connection stores."""
    statements = _statements(store)
    with store.bulk_loading():
        ids = store.add_analysed_rows([_analysed(n) for n in range(3)], index=False)
        with Store(store.path, create=False, check=False) as window:
            window.delete_documents([ids[-1]])
            if store_another:
                stored = window.add_documents(
                    [NewDocument("另一个进程的", "另一个。", "另一个。", "utf-8", "simplified")]
                )
                assert stored == [ids[-1]]
        again = store.add_analysed_rows([_analysed(n) for n in range(10, 13)], index=False)
        assert (again[0] == ids[-1]) is not store_another
    assert not _read_kept_rows(statements)
    made = _list_rows(store)
    assert ("另一个进程的" in [title for _, _, title in made[1]]) is store_another
    assert made == _made_again_from_the_documents(store)
