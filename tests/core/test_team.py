"""Agreement over a project: what is compared, read from the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.core.team import AgreementInputError, coding_data, project_agreement


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "team.jiyao") as opened:
        yield opened


def add(store: Store, text: str) -> int:
    document_id = store.add_document(
        NewDocument(
            title=text[:5], raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
        )
    )
    assert document_id is not None
    return document_id


def test_astral_characters_are_one_unit_each(store: Store) -> None:
    # 𠮷 is one code point (two UTF-16 units, four UTF-8 bytes): the document has 4 units.
    document = add(store, "𠮷𠮷ab")
    label = store.add_label("要求")
    store.add_annotation(document, label.id, 0, 2, annotator="A")
    store.add_annotation(document, label.id, 1, 2, annotator="B")
    data = coding_data(store)
    assert data.lengths == {document: 4}
    report = project_agreement(store)
    # Units X/-, X/X, -/-, -/-: α = 8/15, κ = 1/2 (see tests/core/test_agreement.py).
    assert report.alpha == pytest.approx(8 / 15)
    assert report.pairs[0].kappa == pytest.approx(0.5)


def test_compared_documents_are_those_a_compared_annotator_tagged(store: Store) -> None:
    label = store.add_label("要求")
    first, second, untouched = add(store, "一二三四"), add(store, "五六七八"), add(store, "九十")
    store.add_annotation(first, label.id, 0, 2, annotator="A")
    store.add_annotation(second, label.id, 0, 2, annotator="B")
    store.add_annotation(untouched, label.id, 0, 1, annotator="C")
    data = coding_data(store, annotators=["A", "B"])
    assert set(data.lengths) == {first, second}
    assert set(coding_data(store, annotators=["A", "B"], document_ids=[first]).lengths) == {first}
    assert coding_data(store).annotators == ("A", "B", "C")


def test_label_paths_and_the_label_filter(store: Store) -> None:
    document = add(store, "一二三四五六")
    parent = store.add_label("措施")
    child = store.add_label("财政", parent_id=parent.id)
    other = store.add_label("要求")
    store.add_annotation(document, child.id, 0, 2, annotator="A")
    store.add_annotation(document, child.id, 0, 2, annotator="B")
    store.add_annotation(document, other.id, 3, 5, annotator="A")
    assert set(project_agreement(store).labels) == {"措施/财政", "要求"}
    report = project_agreement(store, labels=["措施"])
    assert set(report.labels) == {"措施/财政"}
    assert report.alpha == pytest.approx(1.0)


def test_bad_choices_get_one_line_reasons(store: Store) -> None:
    document = add(store, "一二三四")
    label = store.add_label("要求")
    store.add_annotation(document, label.id, 0, 2, annotator="A")
    with pytest.raises(AgreementInputError, match="two annotators"):
        coding_data(store)
    with pytest.raises(AgreementInputError, match="no tags by 乙"):
        coding_data(store, annotators=["A", "乙"])
    store.add_annotation(document, label.id, 0, 2, annotator="B")
    # One named while the project has two: the reason names both (it said "has only A").
    with pytest.raises(AgreementInputError, match=r"only A was chosen .*here: A, B\)"):
        coding_data(store, annotators=["A"])
    with pytest.raises(AgreementInputError, match="no tags with the labels"):
        coding_data(store, labels=["没有"])
