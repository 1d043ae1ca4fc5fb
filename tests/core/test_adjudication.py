"""Places where coders agree or disagree, and resolving them into the adjudicated layer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.adjudication import coder_layers, places, review
from desktop.core.agreement import Tag
from desktop.core.model import NewDocument
from desktop.core.store import Store
from desktop.core.team import (
    TeamInputError,
    adjudicate,
    adopt,
    project_review,
    refresh_adjudication,
    review_again,
)


def tag(annotator: str, start: int, end: int, label: str = "要求", document: int = 1) -> Tag:
    return Tag(document, label, start, end, annotator)


def test_overlapping_tags_make_one_place_touching_ones_two() -> None:
    found = places(
        [tag("A", 0, 3), tag("B", 3, 5), tag("B", 1, 2), tag("A", 10, 20), tag("B", 12, 25),
         tag("A", 24, 26), tag("A", 0, 3, document=2)]
    )  # fmt: skip
    assert [(p.document, p.start, p.end, len(p.tags)) for p in found] == [
        (1, 0, 3, 2), (1, 3, 5, 1), (1, 10, 26, 3), (2, 0, 3, 1),
    ]  # fmt: skip


def test_agreed_places_and_resolved_disagreements() -> None:
    tags = [
        tag("A", 0, 3), tag("B", 0, 3),  # agreed
        tag("A", 5, 9), tag("B", 5, 8),  # disagree: span
        tag("A", 12, 14, "措施"), tag("B", 12, 14),  # disagree: label
        tag("A", 20, 22),  # disagree: B has none
    ]  # fmt: skip
    found = review(tags, ["A", "B"], gold_tags=[tag("gold", 6, 7)], rejected=[(1, 20, 22)])
    assert [(p.start, p.end) for p in found.agreements()] == [(0, 3)]
    assert [(p.start, p.end) for p in found.disagreements()] == [(5, 9), (12, 14), (20, 22)]
    assert [(p.start, p.end) for p in found.open_disagreements()] == [(12, 14)]
    assert found.open_disagreements()[0].summary(["A", "B"]) == "A: 措施 12–14; B: 要求 12–14"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "team.jiyao") as opened:
        yield opened


def coded(store: Store) -> int:
    document = store.add_document(
        NewDocument(
            "会议", "一二三四五六七八九十" * 3, "一二三四五六七八九十" * 3, "utf-8", "simplified"
        )
    )
    assert document is not None
    want, act = store.add_label("要求"), store.add_label("措施")
    store.add_annotation(document, want.id, 0, 3, annotator="甲", attributes={"issuer": "市"})
    store.add_annotation(document, want.id, 0, 3, annotator="乙", attributes={"issuer": "省"})
    look = store.add_annotation(document, want.id, 5, 9, annotator="甲", note="看这里")
    store.update_tag_memo(look.id, title="要点", note="看这里")
    store.add_annotation(document, want.id, 5, 8, annotator="乙")
    store.add_annotation(document, act.id, 20, 22, annotator="乙")
    return document


def test_adjudicate_takes_agreed_tags_and_leaves_disagreements_open(store: Store) -> None:
    document = coded(store)
    done = adjudicate(store, ["甲", "乙"])
    assert done.agreed == 1 and done.preferred == 0
    assert [(p.start, p.end) for p in done.open] == [(5, 9), (20, 22)]
    [gold] = store.find_annotations(annotator="gold")
    assert (gold.start, gold.end, gold.attributes) == (0, 3, {"issuer": "市"})
    assert adjudicate(store, ["甲", "乙"]).agreed == 0  # again: nothing added twice
    assert gold.document_id == document
    assert store.adjudication_status(document) == {"gold": "in progress"}


def test_adjudicate_preferring_a_coder_decides_every_disagreement(store: Store) -> None:
    coded(store)
    done = adjudicate(store, ["甲", "乙"], gold="裁定", prefer="甲")
    assert (done.agreed, done.preferred, done.untagged, done.open) == (1, 1, 1, ())
    spans = {
        (a.start, a.end, a.note, a.note_title) for a in store.find_annotations(annotator="裁定")
    }
    assert spans == {(0, 3, "", ""), (5, 9, "看这里", "要点")}  # the memo's title comes too
    assert store.untagged_places("裁定") == {(1, 20, 22)}
    assert project_review(store, ["甲", "乙"], gold="裁定").open_disagreements() == []
    assert store.adjudication_status(1) == {"裁定": "done"}


def test_adopting_one_sides_tag_resolves_the_place(store: Store) -> None:
    coded(store)
    place = project_review(store, ["甲", "乙"]).open_disagreements()[0]
    assert adopt(store, place.by("乙")) == 1
    left = project_review(store, ["甲", "乙"]).open_disagreements()
    assert [(p.start, p.end) for p in left] == [(20, 22)]


def test_bad_adjudication_requests(store: Store) -> None:
    coded(store)
    with pytest.raises(TeamInputError, match="not among"):
        adjudicate(store, ["甲", "乙"], prefer="丙")
    adjudicate(store, ["甲", "乙"])
    with pytest.raises(TeamInputError, match="adjudicated layer"):
        project_review(store, ["甲", "gold"])


def test_coders_given_no_document_in_common_are_told_why_nothing_is_compared(
    store: Store,
) -> None:
    """It said "0 disagreements open", as if the coders had agreed everywhere."""
    first = coded(store)
    other = store.add_document(NewDocument("另", "十九八七", "十九八七", "utf-8", "simplified"))
    assert other is not None
    store.db.execute(
        "INSERT INTO document_coders (document_id, annotator, status) VALUES (?, ?, ?), (?, ?, ?)",
        (first, "甲", "done", other, "乙", "done"),
    )
    with pytest.raises(TeamInputError, match="甲, 乙 were given no document in common"):
        adjudicate(store, ["甲", "乙"])
    assert store.find_annotations(annotator="gold") == []


# --- coder layers: what the reading panes show of a review -----------------------------------


def test_coder_layers_keep_each_coders_tags_and_the_open_disagreements_of_one_document() -> None:
    tags = [
        tag("A", 0, 3), tag("B", 0, 3),  # agreed
        tag("A", 5, 9), tag("B", 5, 8),  # disagree, decided below by a gold tag
        tag("A", 12, 14, "措施"), tag("B", 12, 14),  # disagree, open
        tag("A", 0, 4, document=2),
    ]  # fmt: skip
    found = review(tags, ["A", "B"], gold_tags=[tag("gold", 6, 7)])
    current = found.open_disagreements()[0]
    layers = coder_layers(found, 1, current)
    assert layers is not None
    assert layers.annotators == ("A", "B")
    assert [(t.start, t.end, t.label) for t in layers.of("A")] == [
        (0, 3, "要求"), (5, 9, "要求"), (12, 14, "措施"),
    ]  # fmt: skip
    assert [(t.start, t.end) for t in layers.of("B")] == [(0, 3), (5, 8), (12, 14)]
    assert layers.open == ((12, 14),)
    assert layers.current == (12, 14)
    # The same review in another document: its own tags, and the current place is elsewhere.
    other = coder_layers(found, 2, current)
    assert other is not None and other.current is None and other.of("B") == ()
    assert other.open == ((0, 4),)
    assert coder_layers(found, 3, current) is None  # not in the review


def test_segments_are_runs_of_the_same_coders_and_labels_one_lane_each() -> None:
    tags = [tag("A", 0, 6), tag("B", 3, 9), tag("B", 3, 9, "措施"), tag("A", 9, 10)]
    layers = coder_layers(review(tags, ["A", "B"]), 1)
    assert layers is not None
    assert [(s.start, s.end, s.coders, s.labels) for s in layers.segments()] == [
        (0, 3, (0,), (("要求",),)),
        (3, 6, (0, 1), (("要求",), ("措施", "要求"))),
        (6, 9, (1,), (("措施", "要求"),)),
        (9, 10, (0,), (("要求",),)),  # touches B's tags, so not merged with the run before
    ]
    assert layers.segments()[1].summary(layers.annotators) == "A: 要求; B: 措施, 要求"


def test_segments_merge_runs_a_nested_tag_of_the_same_label_does_not_split() -> None:
    tags = [tag("A", 0, 10), tag("A", 2, 4), tag("B", 20, 21)]
    layers = coder_layers(review(tags, ["A", "B"]), 1)
    assert layers is not None
    assert [(s.start, s.end, s.coders) for s in layers.segments()] == [
        (0, 10, (0,)),
        (20, 21, (1,)),
    ]


def test_segments_count_code_points_so_an_astral_character_is_one() -> None:
    text = "会议𠮷要求"  # 𠮷 is one code point (two UTF-16 units)
    tags = [tag("A", 2, 3), tag("B", 2, 5)]
    layers = coder_layers(review(tags, ["A", "B"]), 1)
    assert layers is not None
    assert [text[s.start : s.end] for s in layers.segments()] == ["𠮷", "要求"]
    assert layers.open == ((2, 5),)


# --- which documents are adjudicated ---------------------------------------------------------


def test_a_document_is_adjudicated_when_every_place_agreed_or_not_is_decided() -> None:
    tags = [
        tag("A", 0, 3), tag("B", 0, 3),  # agreed
        tag("A", 5, 9), tag("B", 5, 8),  # disagreement
        tag("A", 0, 2, document=2), tag("B", 0, 2, document=2),  # agreed only
    ]  # fmt: skip
    assert review(tags, ["A", "B"]).adjudicated_documents() == {1: False, 2: False}
    # The disagreement decided, the agreed place not taken yet: still under way.
    assert review(tags, ["A", "B"], [tag("gold", 5, 9)]).adjudicated_documents()[1] is False
    gold = [tag("gold", 0, 3), tag("gold", 0, 2, document=2)]
    found = review(tags, ["A", "B"], gold, rejected=[(1, 5, 9)])
    assert found.adjudicated_documents() == {1: True, 2: True}
    assert found.open_agreements() == []


def test_the_record_follows_an_edit_of_the_adjudicated_layer(store: Store) -> None:
    document = coded(store)
    adjudicate(store, ["甲", "乙"], prefer="甲")
    assert store.adjudication_status(document) == {"gold": "done"}
    assert store.adjudicated_document_ids() == {document}
    assert store.adjudication_annotators("gold") == ["甲", "乙"]
    taken = [a for a in store.find_annotations(annotator="gold") if (a.start, a.end) == (5, 9)]
    store.delete_annotation(taken[0].id)  # in the Tags tab, with no review open
    assert refresh_adjudication(store, document) is True
    assert store.adjudication_status(document) == {"gold": "in progress"}
    assert store.adjudicated_document_ids() == set()
    assert refresh_adjudication(store, document) is False  # nothing changed since
    store.mark_untagged(document, 5, 9, "gold")
    assert refresh_adjudication(store, document) is True
    assert store.adjudication_status(document) == {"gold": "done"}


def test_refreshing_a_document_no_review_recorded_changes_nothing(store: Store) -> None:
    document = coded(store)
    assert refresh_adjudication(store, document) is False
    assert store.adjudication_status(document) == {}


def test_reading_one_document_again_gives_what_reading_the_project_gives(store: Store) -> None:
    document = coded(store)
    other = store.add_document(
        NewDocument("另一个", "甲乙丙丁戊己庚辛壬癸", "甲乙丙丁戊己庚辛壬癸", "utf-8", "simplified")
    )
    assert other is not None
    label = store.labels()[0]
    store.add_annotation(other, label.id, 0, 4, annotator="甲")
    store.add_annotation(other, label.id, 0, 4, annotator="乙")  # agreed
    before = project_review(store, ["甲", "乙"])
    place = before.open_disagreements()[0]
    adopt(store, place.by("乙"))  # a decision in the first document
    store.mark_untagged(document, 20, 22, "gold")
    again = review_again(store, before, document)
    whole = project_review(store, ["甲", "乙"])
    assert again == whole
    assert again.agreed_places == whole.agreed_places
    assert [(p.document, p.start) for p in again.open_agreements()] == [(document, 0), (other, 0)]
    assert again.open_disagreements() == []
    assert again.of_document(other).places == tuple(p for p in whole.places if p.document == other)
