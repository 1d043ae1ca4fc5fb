"""Coder projects carry the whole codebook entry both ways (issues 16 and 20): assign gives each
coder when to use a label, when not and its example beside the definition; a merge brings
every field (and a pinned example tag) along, fills what the team has empty, and reports a
field both fill differently as it reports a differing definition."""

from __future__ import annotations

from pathlib import Path

from desktop.core.store import Store
from desktop.core.team import assign, merge
from tests.core.test_team_merge import code, make_team


def entry(store: Store, path: str) -> tuple[str, str, str, str]:
    label_id = store.label_id_for_path(path)
    assert label_id is not None
    found = store.codebook_entry(label_id)
    return found.definition, found.use_when, found.not_use_when, found.example


def team_with_codebook(tmp_path: Path) -> tuple[Path, Path, Path]:
    source = tmp_path / "source.jiyao"
    make_team(source, documents=4)
    with Store(source) as store:
        label_id = store.label_id_for_path("措施")
        assert label_id is not None
        store.set_codebook_entry(label_id, use_when="有具体措施", example="减税降费")
        assign(store, ["甲", "乙"], tmp_path / "out", overlap=0.5, seed=3)
    first, second = tmp_path / "out" / "甲.jiyao", tmp_path / "out" / "乙.jiyao"
    code(first, "", "要求", [(0, 4)])  # nameless: 甲's
    code(second, "乙", "要求", [(2, 7)])
    return source, first, second


def test_assign_gives_each_coder_the_whole_codebook_entry(tmp_path: Path) -> None:
    _, first, second = team_with_codebook(tmp_path)
    for coder in (first, second):
        with Store(coder, read_only=True) as store:
            assert entry(store, "措施") == ("政策措施", "有具体措施", "", "减税降费")


def test_a_merge_into_a_new_project_brings_every_field_and_the_pinned_example(
    tmp_path: Path,
) -> None:
    _, first, second = team_with_codebook(tmp_path)
    with Store(first) as coder:
        label_id = coder.label_id_for_path("要求")
        assert label_id is not None
        [tag] = coder.find_annotations()
        coder.set_codebook_entry(label_id, not_use_when="泛泛而谈", example_tag_id=tag.id)
        words = tag.text
    with Store(tmp_path / "team.jiyao") as store:
        [outcome, _] = merge(store, [first, second])
        assert outcome.conflicts == [] and outcome.notices == []
        assert entry(store, "措施") == ("政策措施", "有具体措施", "", "减税降费")
        assert entry(store, "要求") == ("", "", "泛泛而谈", "")
        label_id = store.label_id_for_path("要求")
        assert label_id is not None
        pinned = store.codebook_entry(label_id)
        assert pinned.example_tag_text == words
        assert pinned.example_tag_id is not None
        assert store.annotation(pinned.example_tag_id).annotator == "甲"  # the merged tag


def test_a_field_both_fill_differently_is_a_conflict_and_an_empty_one_is_filled(
    tmp_path: Path,
) -> None:
    source, first, second = team_with_codebook(tmp_path)
    with Store(first) as coder:
        label_id = coder.label_id_for_path("措施")
        assert label_id is not None
        coder.set_codebook_entry(label_id, use_when="另一种用法", not_use_when="只是口号")
    with Store(source) as store:
        [outcome, other] = merge(store, [first, second])
        [conflict] = outcome.conflicts
        assert conflict.startswith('label "措施": when to use ')
        assert "另一种用法" in conflict and "有具体措施" in conflict and "kept as here" in conflict
        assert outcome.notices == ['label "措施": when not to use taken from 甲 (none here)']
        assert entry(store, "措施") == ("政策措施", "有具体措施", "只是口号", "减税降费")
        assert other.conflicts == [] and other.notices == []
        again = merge(store, [first, second])
        assert [o.notices for o in again] == [[], []]
        assert len(again[0].conflicts) == 1  # still differs, still said, still kept


def test_differing_pinned_examples_are_a_conflict(tmp_path: Path) -> None:
    source, first, _ = team_with_codebook(tmp_path)
    with Store(first) as coder:
        label_id = coder.label_id_for_path("要求")
        assert label_id is not None
        coder.set_codebook_entry(label_id, example_tag_id=coder.find_annotations()[0].id)
    with Store(source) as store:
        [outcome] = merge(store, [first])
        assert outcome.notices == ['label "要求": example tag taken from 甲 (none here)']
        label_id = store.label_id_for_path("要求")
        assert label_id is not None
        pinned = store.codebook_entry(label_id).example_tag_id
        assert pinned is not None
        tag = store.annotation(pinned)
        other = store.add_annotation(tag.document_id, label_id, 1, 3, annotator="组长")
        store.set_codebook_entry(label_id, example_tag_id=other.id)
        [again] = merge(store, [first])
        assert [c for c in again.conflicts if "example tag" in c] == [
            f'label "要求": example tag [{tag.start}, {tag.end}) of document {tag.document_id} '
            f"by 甲 there, [1, 3) of document {tag.document_id} by 组长 here (kept as here)"
        ]
        assert store.codebook_entry(label_id).example_tag_id == other.id
