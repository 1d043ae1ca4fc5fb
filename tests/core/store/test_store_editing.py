"""Store support for the window's editing: deleting documents (and putting them back),
editing a document's details, merging and reordering labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.model import Entity, NewDocument
from desktop.core.store import Store, StoreError


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


def add(store: Store, text: str) -> int:
    document_id = store.add_document(
        NewDocument(
            title=text, raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
        )
    )
    assert document_id is not None
    return document_id


def everything(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = ["documents", "annotations", "entities", "entity_corrections", "rejected_suggestions"]
    return {
        table: store.db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in tables
    }


def test_deleted_documents_go_whole_and_come_back_exactly(store: Store) -> None:
    label = store.add_label("要求")
    kept, first, second = (
        add(store, "保留的文件。"),
        add(store, "会议要求落实。"),
        add(store, "第二份。"),
    )
    for document_id in (kept, first, second):
        store.add_annotation(document_id, label.id, 0, 2, note="注", annotator="甲")
        store.replace_pipeline_entities(document_id, [Entity("ORG", 0, 2, "xx")], 1)
        store.correct_entity(document_id, "add", Entity("PLACE", 1, 3, "yy"))
        store.reject_suggestion(document_id, 2, 4)
    before = everything(store)

    deleted = store.delete_documents([first, second])

    assert store.document_ids() == [kept]
    assert deleted.document_ids == (first, second)
    assert deleted.count("annotations") == 2 and deleted.count("entity_corrections") == 2
    remaining = everything(store)
    assert all(row[1] == kept for row in remaining["annotations"])
    assert len(remaining["entities"]) == 1 and len(remaining["rejected_suggestions"]) == 1
    store.restore_documents(deleted)
    assert everything(store) == before


def test_deleting_an_unknown_document_deletes_nothing(store: Store) -> None:
    document_id = add(store, "一份。")
    with pytest.raises(KeyError):
        store.delete_documents([document_id, 999])
    assert store.document_ids() == [document_id]


def test_a_document_imported_again_since_blocks_the_restore_in_a_sentence(store: Store) -> None:
    document_id = add(store, "同一段文字。")
    deleted = store.delete_documents([document_id])
    add(store, "同一段文字。")
    with pytest.raises(StoreError, match="cannot be put back"):
        store.restore_documents(deleted)
    assert store.document_count() == 1


def test_a_documents_title_source_and_date_are_edited(store: Store) -> None:
    document_id = add(store, "文件。")
    summary = store.update_document(document_id, title=" 新标题 ", date="2024-03-01")
    assert (summary.title, summary.source, summary.date) == ("新标题", "", "2024-03-01")
    assert store.update_document(document_id, source="新华社").source == "新华社"
    assert store.document(document_id).title == "新标题"
    with pytest.raises(StoreError, match="title cannot be empty"):
        store.update_document(document_id, title="  ")
    with pytest.raises(KeyError):
        store.update_document(999, title="无")


def test_merging_a_label_moves_its_tags_and_sub_labels_then_deletes_it(store: Store) -> None:
    document_id = add(store, "会议要求各地落实责任。")
    source, target = store.add_label("要求"), store.add_label("部署")
    same_name_source = store.add_label("落实", parent_id=source.id)
    same_name_target = store.add_label("落实", parent_id=target.id)
    only_in_source = store.add_label("督查", parent_id=source.id)
    store.add_annotation(document_id, source.id, 0, 2)
    store.add_annotation(document_id, same_name_source.id, 2, 4)
    store.add_annotation(document_id, target.id, 4, 6)

    assert store.merge_label(source.id, target.id) == 2

    labels = {label.id: label for label in store.labels()}
    assert source.id not in labels and same_name_source.id not in labels
    assert labels[only_in_source.id].parent_id == target.id
    tags = sorted((a.start, a.label_id) for a in store.annotations(document_id))
    assert tags == [(0, target.id), (2, same_name_target.id), (4, target.id)]


def test_a_label_cannot_be_merged_into_its_own_sub_label(store: Store) -> None:
    parent = store.add_label("要求")
    child = store.add_label("落实", parent_id=parent.id)
    with pytest.raises(StoreError, match="merged into itself"):
        store.merge_label(parent.id, child.id)
    with pytest.raises(StoreError):
        store.merge_label(parent.id, parent.id)
    assert len(store.labels()) == 2


def test_labels_are_reordered_within_their_parent_only(store: Store) -> None:
    top = [store.add_label(name) for name in ("甲", "乙", "丙")]
    children = [store.add_label(name, parent_id=top[0].id) for name in ("一", "二", "三")]
    store.reorder_labels(top[0].id, [children[2].id, children[0].id, children[1].id])
    store.reorder_labels(None, [top[1].id, top[2].id, top[0].id])
    scheme = store.scheme()
    assert [spec.name for spec in scheme.labels] == ["乙", "丙", "甲"]
    assert [spec.name for spec in scheme.labels[2].children] == ["三", "一", "二"]
    with pytest.raises(ValueError, match="every label"):
        store.reorder_labels(None, [top[0].id])


def test_a_tag_on_a_document_read_whole_cuts_its_words_from_the_text_stored_at_its_id(
    store: Store,
) -> None:
    """The text of the last document read is remembered for its tags (issue 13: not read
    again at every tag), and only while that text is the one stored at that id."""
    label = store.add_label("要求")
    first = add(store, "会议要求抓好落实。")
    shown = store.document(first)
    tag = store.add_annotation(first, label.id, 2, 4)
    assert tag.text == "要求" == shown.clean_text[2:4]
    store.delete_documents([first])
    again = add(store, "必须严格执行规定。")
    assert again == first  # SQLite gave the id again
    assert store.add_annotation(again, label.id, 0, 2).text == "必须"


def test_a_summary_given_the_texts_length_is_the_summary(store: Store) -> None:
    label = store.add_label("要求")
    document_id = add(store, "会议要求抓好落实。")
    store.add_annotation(document_id, label.id, 2, 4)
    read = store.document_summary(document_id)
    assert store.document_summary(document_id, length=read.length) == read
    assert store.document_title(document_id) == read.title


def test_a_tags_label_is_looked_up_alone(store: Store) -> None:
    label = store.add_label("要求")
    tag = store.add_annotation(add(store, "会议要求抓好落实。"), label.id, 2, 4)
    assert store.annotation_label_id(tag.id) == label.id
    with pytest.raises(KeyError):
        store.annotation_label_id(tag.id + 1)


NOT_JSON_NUMBERS = {
    "score": float("nan"),
    "high": float("inf"),
    "deep": {"low": [float("-inf"), 1.5]},
    "n": 2,
}
AS_STORED = {"score": "NaN", "high": "Infinity", "deep": {"low": ["-Infinity", 1.5]}, "n": 2}


def _valid_json(store: Store) -> list[int]:
    return [row[0] for row in store.db.execute("SELECT json_valid(metadata) FROM documents")]


def test_nan_and_infinity_in_variables_are_stored_as_text_sqlite_reads(store: Store) -> None:
    """Python reads and writes NaN and Infinity (a JSON file, a table, an edit); stored as
    numbers, SQLite's JSON functions refuse all of a document's variables and the counts
    window could count none of its tags (issue 17). Nested ones too."""
    added = store.add_document(
        NewDocument(
            title="甲",
            raw_text="甲",
            clean_text="甲",
            encoding="utf-8",
            script="simplified",
            metadata=NOT_JSON_NUMBERS,
        )
    )
    assert added is not None
    edited, set_whole = add(store, "乙"), add(store, "丙")
    store.update_document(edited, metadata=NOT_JSON_NUMBERS)
    store.put_variables({set_whole: ("来源", "2020-03-01", NOT_JSON_NUMBERS)})
    assert _valid_json(store) == [1, 1, 1]
    for document_id in (added, edited, set_whole):
        assert store.document(document_id).metadata == AS_STORED


def test_plain_variables_are_stored_as_json_writes_them(store: Store) -> None:
    document_id = add(store, "甲")
    store.update_document(document_id, metadata={"名": "值", "n": 1.25, "ok": True})
    assert store.db.execute("SELECT metadata FROM documents").fetchone()[0] == (
        '{"名": "值", "n": 1.25, "ok": true}'
    )
