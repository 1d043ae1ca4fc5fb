"""The label tree: duplicates refused in a sentence, merging, reordering."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.store import DuplicateLabel, Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "project.jiyao") as opened:
        yield opened


def test_adding_a_label_twice_is_refused_in_a_sentence(store: Store) -> None:
    parent = store.add_label("要求")
    store.add_label("落实", parent_id=parent.id)
    with pytest.raises(DuplicateLabel) as caught:
        store.add_label("落实", parent_id=parent.id)
    assert str(caught.value) == 'a label named "落实" already exists under "要求"'
    with pytest.raises(DuplicateLabel, match="at the top level"):
        store.add_label("要求")
    assert len(store.labels()) == 2


def test_renaming_a_label_to_a_taken_name_is_refused_in_a_sentence(store: Store) -> None:
    store.add_label("部署")
    other = store.add_label("安排")
    with pytest.raises(DuplicateLabel, match='a label named "部署" already exists'):
        store.update_label(other.id, name="部署")
    assert store.label(other.id).name == "安排"
    assert store.update_label(other.id, name="安排", color="#ff0000").color == "#ff0000"


def test_moving_a_label_beside_one_of_its_name_is_refused(store: Store) -> None:
    first, second = store.add_label("甲"), store.add_label("乙")
    store.add_label("同名", parent_id=first.id)
    moving = store.add_label("同名", parent_id=second.id)
    with pytest.raises(DuplicateLabel, match='under "甲"'):
        store.update_label(moving.id, parent_id=first.id)
