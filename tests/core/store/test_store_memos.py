"""Memos on the project, a document, a label and a tag; the codebook fields of labels; the
migration that brings them to an older project without losing its tags' notes (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.memos import MemoError
from desktop.core.model import NewDocument
from desktop.core.store import SCHEMA_VERSION, Store
from desktop.core.store.schema import MIGRATIONS


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


def add_document(store: Store, text: str = "会议要求各地加快复工复产。") -> int:
    document_id = store.add_document(
        NewDocument(
            title="通知", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
        )
    )
    assert document_id is not None
    return document_id


def test_a_memo_on_each_target_is_stored_and_listed_in_target_order(store: Store) -> None:
    document = add_document(store)
    label = store.add_label("要求")
    tag = store.add_annotation(document, label.id, 2, 4, annotator="王")
    store.add_memo("tag", tag.id, "只算有明确对象的要求", author="王")
    store.add_memo("label", label.id, "**Directives** with an addressee", title="Scope")
    store.add_memo("document", document, "省里通知的转载", author="李")
    store.add_memo("project", None, "第一天：读完十份纪要", title="Day 1", author="李")

    memos = store.memos()
    assert [(m.target, m.target_id) for m in memos] == [
        ("project", None),
        ("document", document),
        ("label", label.id),
        ("tag", tag.id),
    ]
    project, on_document, on_label, on_tag = memos
    assert (project.title, project.text, project.author) == ("Day 1", "第一天：读完十份纪要", "李")
    assert on_label.text == "**Directives** with an addressee"
    assert project.created and project.modified == project.created
    # A tag's memo is its note: no id, no title, the tag's annotator and times.
    assert on_tag.id is None and on_tag.title == "" and on_tag.author == "王"
    assert store.annotation(tag.id).note == "只算有明确对象的要求"
    assert store.memos("document", document) == [on_document]
    assert store.memos("tag") == [on_tag]
    assert store.targets_with_memos("document") == {document}
    assert store.targets_with_memos("label") == {label.id}
    assert store.targets_with_memos("tag") == {tag.id}


def test_a_second_memo_on_a_tag_is_added_to_its_note(store: Store) -> None:
    document = add_document(store)
    tag = store.add_annotation(document, store.add_label("要求").id, 0, 2, note="旧的")
    memo = store.add_memo("tag", tag.id, "新的")
    assert memo.text == "旧的\n\n新的"


@pytest.mark.parametrize(
    ("target", "target_id", "reason"),
    [
        ("document", 99, "no document 99"),
        ("label", 99, "no label 99"),
        ("tag", 99, "no tag 99"),
        ("project", 1, "names no target id"),
        ("case", 1, "not 'case'"),
    ],
)
def test_a_memo_on_a_target_that_does_not_exist_is_refused_with_its_id(
    store: Store, target: str, target_id: int, reason: str
) -> None:
    with pytest.raises(MemoError, match=reason):
        store.add_memo(target, target_id, "text")  # type: ignore[arg-type]
    assert store.memos() == []


def test_an_empty_memo_is_refused(store: Store) -> None:
    with pytest.raises(MemoError, match="empty"):
        store.add_memo("project", None, "  \n")
    memo = store.add_memo("project", None, "x")
    with pytest.raises(MemoError, match="empty"):
        store.update_memo(memo.id or 0, text="")
    assert store.memo(memo.id or 0).text == "x"


def test_a_tag_memo_refuses_another_author_and_changes_nothing(store: Store) -> None:
    document = add_document(store)
    tag = store.add_annotation(document, store.add_label("要求").id, 0, 2, annotator="王")
    with pytest.raises(MemoError, match="annotator"):
        store.add_memo("tag", tag.id, "x", author="李", title="T")
    with pytest.raises(MemoError, match="empty"):
        store.add_memo("tag", tag.id, " ", title="T")
    assert store.annotation(tag.id).note == ""
    assert store.tag_memo(tag.id).title == ""


def test_a_tag_memo_carries_a_title_beside_its_note(store: Store) -> None:
    """Issue 20: a tag's memo has a title; its text stays the tag's note."""
    document = add_document(store)
    tag = store.add_annotation(document, store.add_label("要求").id, 0, 2, note="旧的")
    memo = store.add_memo("tag", tag.id, "新的", title="第一条")
    assert (memo.title, memo.text) == ("第一条", "旧的\n\n新的")
    assert store.annotation(tag.id).note == "旧的\n\n新的"
    # Another memo without a title keeps the title; one with a title replaces it.
    assert store.add_memo("tag", tag.id, "再加").title == "第一条"
    assert store.add_memo("tag", tag.id, "又加", title="改名").title == "改名"
    assert [m.title for m in store.memos("tag")] == ["改名"]
    assert [m.title for m in store.memos_containing(["改名"])] == ["改名"]


def test_editing_deleting_and_restoring_a_memo(store: Store) -> None:
    memo = store.add_memo("project", None, "草稿", title="T")
    edited = store.update_memo(memo.id or 0, text="定稿")
    assert (edited.title, edited.text, edited.created) == ("T", "定稿", memo.created)
    deleted = store.delete_memo(memo.id or 0)
    assert store.memos() == []
    assert store.restore_memo(deleted) == edited


def test_a_documents_memos_go_with_it_and_come_back_on_undo(store: Store) -> None:
    document = add_document(store)
    store.add_memo("document", document, "转载")
    deleted = store.delete_documents([document])
    assert store.memos() == []
    store.restore_documents(deleted)
    assert [m.text for m in store.memos()] == ["转载"]


def test_a_labels_memos_go_with_it_come_back_on_undo_and_follow_a_merge(store: Store) -> None:
    parent = store.add_label("要求")
    child = store.add_label("落实", parent_id=parent.id)
    store.add_memo("label", child.id, "子标签的备忘")
    deleted = store.delete_label(parent.id)
    assert store.memos() == []
    store.restore_labels(deleted)
    assert [(m.target_id, m.text) for m in store.memos()] == [(child.id, "子标签的备忘")]
    other = store.add_label("部署")
    store.merge_label(child.id, other.id)
    assert [m.target_id for m in store.memos()] == [other.id]


def test_imported_memos_keep_their_times_and_are_not_added_twice(store: Store) -> None:
    memo = store.add_memo("project", None, "x", author="李", created="2024-01-02T03:04:05+00:00")
    assert memo.modified == memo.created == "2024-01-02T03:04:05+00:00"
    assert store.add_imported_memos([memo]) == 0
    assert len(store.memos()) == 1


def test_codebook_fields_and_a_pinned_example(store: Store) -> None:
    document = add_document(store)
    label = store.add_label("要求", description="上级对下级的指令")
    other = store.add_label("部署")
    tag = store.add_annotation(document, label.id, 2, 4)
    foreign = store.add_annotation(document, other.id, 4, 6)
    entry = store.set_codebook_entry(
        label.id, use_when="有明确对象", not_use_when="泛泛而谈", example_tag_id=tag.id
    )
    assert entry.definition == "上级对下级的指令"
    assert (entry.use_when, entry.not_use_when) == ("有明确对象", "泛泛而谈")
    assert (entry.example_tag_id, entry.example_text) == (tag.id, "要求")
    with pytest.raises(MemoError, match="another label"):
        store.set_codebook_entry(label.id, example_tag_id=foreign.id)
    store.set_codebook_entry(label.id, definition="新定义", example="如：要加快")
    assert store.label(label.id).description == "新定义"
    assert store.codebook_entry(label.id).example_text == "如：要加快"
    assert store.codebook_entries()[other.id].is_empty
    assert store.tag_counts_by_label() == {label.id: 1, other.id: 1}


def test_a_deleted_label_comes_back_with_its_codebook_fields(store: Store) -> None:
    label = store.add_label("要求")
    store.set_codebook_entry(label.id, use_when="总是")
    store.restore_labels(store.delete_label(label.id))
    assert store.codebook_entry(label.id).use_when == "总是"


def test_labels_are_found_by_path(store: Store) -> None:
    parent = store.add_label("要求")
    child = store.add_label("落实", parent_id=parent.id)
    assert store.label_id_for_path("要求/落实") == child.id
    assert store.label_id_for_path("要求") == parent.id
    assert store.label_id_for_path("落实") is None


def test_an_older_project_keeps_its_tag_notes_as_tag_memos(tmp_path: Path) -> None:
    [memos] = [m for m in MIGRATIONS if m.purpose.startswith("memos")]
    path = tmp_path / "old.jiyao"
    with Store(path, migrate_to=memos.version - 1) as old:
        assert "memos" not in old.db.table_names()
        document = add_document(old)
        label = old.add_label("要求", description="旧的说明")
        tag = old.add_annotation(document, label.id, 0, 2, note="旧笔记", annotator="王")
    with Store(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        [memo] = migrated.memos()
        assert (memo.target, memo.target_id, memo.text, memo.author) == (
            "tag",
            tag.id,
            "旧笔记",
            "王",
        )
        assert (memo.created, memo.modified) == (tag.created_at, tag.updated_at)
        assert migrated.annotation(tag.id).note == "旧笔记"
        assert migrated.codebook_entry(label.id).definition == "旧的说明"


def test_memos_are_found_by_their_words_tags_notes_too(store: Store) -> None:
    document = add_document(store)
    tag = store.add_annotation(document, store.add_label("要求").id, 0, 2, note="复工的笔记")
    store.add_memo("project", None, "关于复工的想法", title="第一天")
    store.add_memo("document", document, "转载", title="复工 100%")
    store.add_memo("project", None, "别的")
    found = store.memos_containing(["复工"])
    assert [(m.target, m.text) for m in found] == [
        ("project", "关于复工的想法"),
        ("document", "转载"),
        ("tag", "复工的笔记"),
    ]
    assert found[2].target_id == tag.id
    assert [m.text for m in store.memos_containing(["100%"])] == ["转载"]
    assert store.memos_containing(["_"]) == [] and store.memos_containing([""]) == []


def test_an_older_project_gets_empty_tag_memo_titles_and_keeps_its_notes(tmp_path: Path) -> None:
    [titles] = [m for m in MIGRATIONS if m.purpose == "a title on a tag's memo"]
    path = tmp_path / "old.jiyao"
    with Store(path, migrate_to=titles.version - 1) as old:
        assert "note_title" not in old.db["annotations"].columns_dict
        document = add_document(old)
        tag = old.add_annotation(document, old.add_label("要求").id, 0, 2, note="旧笔记")
    with Store(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        [memo] = migrated.memos()
        assert (memo.title, memo.text, memo.modified) == ("", "旧笔记", tag.updated_at)
        assert migrated.annotation(tag.id).note == "旧笔记"
        assert migrated.add_memo("tag", tag.id, "新", title="标题").title == "标题"


def test_a_deleted_tag_put_back_keeps_its_memo_title(store: Store) -> None:
    document = add_document(store)
    tag = store.add_annotation(document, store.add_label("要求").id, 0, 2)
    store.update_tag_memo(tag.id, title="标题", note="笔记")
    kept = store.annotation(tag.id)
    assert kept.note_title == "标题"
    store.delete_annotation(tag.id)
    store.restore_annotation(kept)
    assert (store.tag_memo(tag.id).title, store.tag_memo(tag.id).text) == ("标题", "笔记")
