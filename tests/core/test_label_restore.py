"""A deleted label comes back whole (sub-labels, tags, ids): undo of a deletion."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.model import NewDocument
from desktop.core.store import Store, StoreError


def test_a_deleted_label_comes_back_with_its_sub_labels_tags_and_ids(tmp_path: Path) -> None:
    with Store(tmp_path / "restore.jiyao") as store:
        document = store.add_document(
            NewDocument(
                title="t",
                raw_text="要做好工作",
                clean_text="要做好工作",
                encoding="utf-8",
                script="simplified",
            )
        )
        assert document is not None
        store.add_label("Before")
        parent = store.add_label("Parent", color="#123456")
        child = store.add_label("Child", parent_id=parent.id, shortcut="c")
        grandchild = store.add_label("Grandchild", parent_id=child.id)
        store.add_label("After")
        tags = [
            store.add_annotation(document, label.id, 0, 2, note="n")
            for label in (parent, child, grandchild)
        ]
        labels_before, annotations_before = store.labels(), store.annotations(document)
        deleted = store.delete_label(parent.id)
        assert [label.name for label in store.labels()] == ["Before", "After"]
        assert store.annotations(document) == []
        store.restore_labels(deleted)
        assert store.labels() == labels_before
        assert store.annotations(document) == annotations_before
        assert {tag.id for tag in store.annotations(document)} == {tag.id for tag in tags}


def test_a_label_added_after_a_deletion_never_takes_the_deleted_id(tmp_path: Path) -> None:
    with Store(tmp_path / "ids.jiyao") as store:
        store.add_label("Kept")
        gone = store.add_label("Gone")
        deleted = store.delete_label(gone.id)
        added = store.add_label("Added")
        assert added.id > gone.id
        store.restore_labels(deleted)
        assert [label.name for label in store.labels()] == ["Kept", "Gone", "Added"]


def test_a_deleted_label_whose_name_was_taken_since_is_refused_in_a_sentence(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "names.jiyao") as store:
        deleted = store.delete_label(store.add_label("Other").id)
        store.add_label("Other")
        with pytest.raises(StoreError, match='a label named "Other" already exists'):
            store.restore_labels(deleted)
        assert [label.name for label in store.labels()] == ["Other"]
