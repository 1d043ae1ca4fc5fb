"""Checks every reader gets from store_annotated_set: labels, scripts, raw texts, empty texts and
converted texts whose source document is already in the project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ASTRAL, LENGTH_CHANGING, exported

from desktop.core.exports.importing import (
    AnnotatedSet,
    DocumentRecord,
    LabelRecord,
    Problem,
    SpanRecord,
    store_annotated_set,
)
from desktop.core.exports.jsonl import read_jsonl, write_jsonl
from desktop.core.exports.selection import label_paths
from desktop.core.labels import AttributeSpec
from desktop.core.model import NewDocument, Removal, Status, text_sha256
from desktop.core.store import Store

TEXT = "会议要求，各单位要加强督查。"


def _one_document(tmp_path: Path, record: DocumentRecord) -> AnnotatedSet:
    return AnnotatedSet(tmp_path / "set.jsonl", "test", documents=[record])


def _all_tags(store: Store) -> list[tuple[str, str, int, int]]:
    paths = label_paths(store.labels())
    return sorted(
        (store.document(i).clean_text, paths[a.label_id], a.start, a.end)
        for i in store.document_ids()
        for a in store.annotations(i)
    )


# ------------------------------------------------------------------------------- labels


@pytest.mark.parametrize("label", ["", "  ", "a//b", "/a", "a/"])
def test_an_empty_label_or_a_path_with_an_empty_part_is_a_problem_for_its_span(
    empty_store: Store, tmp_path: Path, label: str
) -> None:
    record = DocumentRecord(
        TEXT,
        "line 1",
        spans=[SpanRecord(label, 5, 8, "line 1"), SpanRecord("督查", 9, 13, "line 1")],
    )
    report = store_annotated_set(empty_store, _one_document(tmp_path, record))
    assert [p.where for p in report.problems] == ["line 1"]
    assert "label" in report.problems[0].reason and "tag refused" in report.problems[0].reason
    assert report.annotations_added == 1
    assert [x.name for x in empty_store.labels()] == ["督查"]


def test_a_declared_label_with_an_empty_part_is_left_out(
    empty_store: Store, tmp_path: Path
) -> None:
    annotated = AnnotatedSet(
        tmp_path / "x.qdpx",
        "test",
        labels=[LabelRecord("指示//督查", where="code 1"), LabelRecord("指示/督查")],
    )
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [
        Problem("code 1", "the label path '指示//督查' has an empty part; label left out")
    ]
    assert "指示/督查" in label_paths(empty_store.labels()).values()
    assert "" not in {label.name for label in empty_store.labels()}


# ------------------------------------------------------------------------ document fields


@pytest.mark.parametrize("claimed", ["Simplified", "繁体", "none"])
def test_a_script_jiyao_does_not_know_is_detected_from_the_text(
    empty_store: Store, tmp_path: Path, claimed: str
) -> None:
    record = DocumentRecord("張愛軍強調，要統籌推進疫情防控。", "line 1", script=claimed)
    store_annotated_set(empty_store, _one_document(tmp_path, record))
    [document_id] = empty_store.document_ids()
    assert empty_store.document(document_id).script == "traditional"


def test_a_known_script_is_kept(empty_store: Store, tmp_path: Path) -> None:
    record = DocumentRecord("張愛軍強調，要統籌推進。", "line 1", script="mixed")
    store_annotated_set(empty_store, _one_document(tmp_path, record))
    assert empty_store.document(empty_store.document_ids()[0]).script == "mixed"


RAW = "要加强服務(wù)保障。"
CLEAN = "要加强服務保障。"
PINYIN = Removal(5, 9, "(wù)", "pinyin")


@pytest.mark.parametrize(
    ("raw", "removed", "reason"),
    [
        (RAW, (Removal(5, 8, "(wù", "pinyin"),), "does not give the text"),
        (RAW, (PINYIN, Removal(7, 12, "", "pinyin")), "overlap or fall outside"),
        (RAW, (Removal(5, 40, "", "pinyin"),), "overlap or fall outside"),
        ("完全不同的原文。", (), "does not give the text"),
    ],
)
def test_a_raw_text_its_removals_do_not_turn_into_the_text_is_dropped(
    empty_store: Store, tmp_path: Path, raw: str, removed: tuple[Removal, ...], reason: str
) -> None:
    record = DocumentRecord(CLEAN, "line 1", raw_text=raw, removed=removed)
    report = store_annotated_set(empty_store, _one_document(tmp_path, record))
    [problem] = report.problems
    assert problem.where == "line 1" and reason in problem.reason
    assert "raw text dropped, document kept" in problem.reason
    assert report.documents_added == 1
    document = empty_store.document(empty_store.document_ids()[0])
    assert (document.raw_text, document.clean_text, document.removed) == (CLEAN, CLEAN, ())


def test_a_raw_text_whose_removals_give_the_text_is_kept(
    empty_store: Store, tmp_path: Path
) -> None:
    wrong_text = Removal(PINYIN.start, PINYIN.end, "whatever the file said", "pinyin")
    record = DocumentRecord(CLEAN, "line 1", raw_text=RAW, removed=(wrong_text,))
    report = store_annotated_set(empty_store, _one_document(tmp_path, record))
    assert report.problems == []
    document = empty_store.document(empty_store.document_ids()[0])
    assert (document.raw_text, document.removed) == (RAW, (PINYIN,))


def test_an_empty_text_is_refused(empty_store: Store, tmp_path: Path) -> None:
    report = store_annotated_set(empty_store, _one_document(tmp_path, DocumentRecord("", "x")))
    assert report.problems == [Problem("x", "the text is empty; document refused")]
    assert empty_store.document_ids() == []


# ---------------------------------------------------------------- converted texts go home


def _converted_jsonl(store: Store, path: Path) -> Path:
    write_jsonl(*exported(store, text="converted", conversion="s2twp"), path)
    return path


def test_a_converted_jsonl_imported_into_its_own_project_adds_no_documents(
    sample_store: Store, tmp_path: Path
) -> None:
    before = _all_tags(sample_store)
    ids = sample_store.document_ids()
    path = _converted_jsonl(sample_store, tmp_path / "converted.jsonl")
    assert {json.loads(line)["conversion"] for line in path.read_text("utf-8").splitlines()} >= {
        "s2twp"
    }
    report = store_annotated_set(sample_store, read_jsonl(path))
    assert report.problems == []
    assert (report.documents_added, report.documents_matched) == (0, 3)
    assert (report.annotations_added, report.duplicates) == (0, 6)
    assert report.corrections_added == 0
    assert sample_store.document_ids() == ids and _all_tags(sample_store) == before


def test_converted_tags_land_on_the_source_at_their_original_offsets(
    sample_store: Store, untagged_sample_store: Store, tmp_path: Path
) -> None:
    path = _converted_jsonl(sample_store, tmp_path / "converted.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    record = next(r for r in records if r["title"] == "信息安全会议")
    assert len(record["text"]) == len(LENGTH_CHANGING) + 1  # the length changes before the tags
    report = store_annotated_set(untagged_sample_store, read_jsonl(path))
    assert report.problems == [] and report.documents_added == 0
    assert report.annotations_added == 6
    assert _all_tags(untagged_sample_store) == _all_tags(sample_store)
    length_changing = untagged_sample_store.document_id_for_text(text_sha256(LENGTH_CHANGING))
    assert length_changing is not None
    texts = [a.text for a in untagged_sample_store.annotations(length_changing)]
    assert texts == ["一是做好信息安全", "二是加强督查"]


def test_a_converted_text_its_source_no_longer_gives_is_refused(
    sample_store: Store, tmp_path: Path
) -> None:
    path = _converted_jsonl(sample_store, tmp_path / "converted.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    changed = next(r for r in records if r["conversion"] == "s2twp")
    changed["text"] = changed["text"].replace("會議", "会议", 1)
    changed["text_sha256"] = text_sha256(changed["text"])
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    report = store_annotated_set(sample_store, read_jsonl(path))
    where = f"line {records.index(changed) + 1}"
    assert report.problems == [
        Problem(
            where,
            "the conversion of the source document gives a different text; document refused",
        )
    ]
    assert report.documents_added == 0


def test_a_converted_text_without_its_source_in_the_project_is_a_new_document(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = _converted_jsonl(sample_store, tmp_path / "converted.jsonl")
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert report.problems == [] and report.documents_added == 3
    texts = {empty_store.document(i).clean_text for i in empty_store.document_ids()}
    assert ASTRAL not in texts and LENGTH_CHANGING not in texts


def test_the_recorded_text_of_a_converted_span_is_checked_in_the_converted_text(
    sample_store: Store, untagged_sample_store: Store, tmp_path: Path
) -> None:
    path = _converted_jsonl(sample_store, tmp_path / "converted.jsonl")
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    record = next(r for r in records if "資訊" in r["text"])
    record["annotations"][0]["text"] = "一是做好信息安全"  # the clean text's words, not the file's
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    report = store_annotated_set(untagged_sample_store, read_jsonl(path))
    [problem] = report.problems
    assert "not '一是做好信息安全'" in problem.reason
    assert report.annotations_added == 5


def test_the_status_of_a_matched_document_is_left_alone(
    sample_store: Store, tmp_path: Path
) -> None:
    path = _converted_jsonl(sample_store, tmp_path / "converted.jsonl")
    done = set(sample_store.document_ids_with_status(Status.DONE))
    store_annotated_set(sample_store, read_jsonl(path))
    assert set(sample_store.document_ids_with_status(Status.DONE)) == done


# ------------------------------------------------------------------- what the store cannot keep


def test_a_nul_or_a_lone_surrogate_is_refused_with_a_reason_and_the_rest_is_kept(
    empty_store: Store, tmp_path: Path
) -> None:
    records = [
        DocumentRecord("会议\x00要求", "line 1"),
        DocumentRecord("会议\ud800要求", "line 2"),
        DocumentRecord(
            TEXT,
            "line 3",
            title="标题\udfff",
            metadata={"ok": 1, "bad": ["\x00"], "deep": [[[[]]]] * 1},
            spans=[
                SpanRecord("督查", 9, 13, "line 3", note="a\x00"),
                SpanRecord("督查", 9, 13, "line 3", attributes={"x": "\ud800"}),
                SpanRecord("督查", 5, 8, "line 3"),
            ],
        ),
    ]
    annotated = AnnotatedSet(tmp_path / "set.jsonl", "test", documents=records)
    report = store_annotated_set(empty_store, annotated)
    reasons = [str(problem) for problem in report.problems]
    assert reasons == [
        "line 1: the text holds a NUL character; document refused",
        "line 2: the text holds a lone surrogate (U+D800), which is not text; document refused",
        "line 3: title holds a lone surrogate (U+DFFF), which is not text; left out",
        "line 3: metadata 'bad' holds a NUL character; left out",
        "line 3: a tag's note holds a NUL character; tag refused",
        "line 3: a tag's attributes holds a lone surrogate (U+D800), which is not text;"
        " tag refused",
    ]
    (document_id,) = empty_store.document_ids()
    document = empty_store.document(document_id)
    assert document.metadata == {"ok": 1, "deep": [[[[]]]]}
    assert [(a.start, a.end) for a in empty_store.annotations(document_id)] == [(5, 8)]


def test_crlf_and_cr_line_ends_become_lf_with_every_span_carried_along(
    empty_store: Store, tmp_path: Path
) -> None:
    text = "第一行\r\n会议要求\r加强督查。\r\n完"
    path = tmp_path / "doccano.jsonl"
    start = text.index("加强")
    line = {
        "text": text,
        "label": [
            [start, start + 4, "督查"],
            [text.index("要求"), start, "跨行"],  # takes in a lone \r
            [text.index("\r\n"), text.index("\r\n") + 2, "换行"],  # a whole \r\n
            [0, text.index("\r\n") + 1, "半个"],  # ends between \r and \n
        ],
    }
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert report.problems == [] and report.annotations_added == 4
    (document_id,) = empty_store.document_ids()
    assert empty_store.document(document_id).clean_text == "第一行\n会议要求\n加强督查。\n完"
    tags = {a.label: a.text for a in empty_store.annotations(document_id)}
    assert tags == {"督查": "加强督查", "跨行": "要求\n", "换行": "\n", "半个": "第一行\n"}


# -------------------------------------------------------- tags already present, changed elsewhere


def _changed_notes(sample_store: Store, tmp_path: Path) -> Path:
    """The sample project's JSONL with every note and attribute changed."""
    path = tmp_path / "changed.jsonl"
    write_jsonl(*exported(sample_store), path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]
    for record in records:
        for tag in record["annotations"]:
            tag["note"] = "改过的批注"
            tag["attributes"] = {"strength": "advisory"}
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_tags_present_with_another_note_are_counted_and_left_alone(
    sample_store: Store, tmp_path: Path
) -> None:
    before = {
        (a.id, a.note) for i in sample_store.document_ids() for a in sample_store.annotations(i)
    }
    report = store_annotated_set(sample_store, read_jsonl(_changed_notes(sample_store, tmp_path)))
    assert (report.annotations_added, report.duplicates, report.differing) == (0, 6, 6)
    assert "6 tags already present with a different note/attributes (not changed)" in (
        report.summary()
    )
    after = {
        (a.id, a.note) for i in sample_store.document_ids() for a in sample_store.annotations(i)
    }
    assert after == before


def test_update_existing_gives_tags_present_the_set_s_note_and_attributes(
    sample_store: Store, tmp_path: Path
) -> None:
    path = _changed_notes(sample_store, tmp_path)
    report = store_annotated_set(sample_store, read_jsonl(path), update_existing=True)
    assert (report.annotations_added, report.updated, report.differing) == (0, 6, 0)
    tags = [a for i in sample_store.document_ids() for a in sample_store.annotations(i)]
    assert {(a.note, json.dumps(a.attributes)) for a in tags} == {
        ("改过的批注", json.dumps({"strength": "advisory"}))
    }
    again = store_annotated_set(sample_store, read_jsonl(path), update_existing=True)
    assert (again.updated, again.differing, again.duplicates) == (0, 0, 6)


def test_a_converted_text_with_carriage_returns_finds_its_source_unchanged(
    empty_store: Store, tmp_path: Path
) -> None:
    text = "会议要求\r\n各单位要加强督查。"
    document_id = empty_store.add_document(NewDocument("回车", text, text, "utf-8", "simplified"))
    path = tmp_path / "converted.jsonl"
    write_jsonl(*exported(empty_store, text="converted", conversion="s2t"), path)
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert report.problems == [] and report.documents_matched == 1
    assert empty_store.document_ids() == [document_id]


def test_a_declared_attribute_the_store_cannot_keep_is_left_out_with_a_reason(
    empty_store: Store, tmp_path: Path
) -> None:
    annotated = AnnotatedSet(
        tmp_path / "set.ann",
        "test",
        documents=[DocumentRecord(TEXT, "a.txt")],
        attributes=[
            AttributeSpec("好", "好"),
            AttributeSpec("坏\x00", "坏"),
            AttributeSpec("选", "选", "choice", ("a", "\udc80")),
        ],
    )
    report = store_annotated_set(empty_store, annotated)
    assert [str(p) for p in report.problems] == [
        "attributes: attribute '坏\\x00' holds a NUL character; left out",
        "attributes: attribute '选' holds a lone surrogate (U+DC80), which is not text; left out",
    ]
    assert [a.name for a in empty_store.attributes()] == ["好"]
