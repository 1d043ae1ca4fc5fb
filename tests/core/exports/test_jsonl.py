"""JSONL: ours round-trips losslessly; doccano's lines import; bad lines are named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    ASTRAL,
    FIRST_TAG_TW,
    LENGTH_CHANGING,
    add_text,
    assert_nothing_added_again,
    exported,
    import_twice,
)

from desktop.core.cleaning import clean
from desktop.core.exports.formats import read_annotated_set
from desktop.core.exports.importing import store_annotated_set
from desktop.core.exports.jsonl import read_jsonl, scheme_path, write_jsonl
from desktop.core.exports.selection import ExportOptions
from desktop.core.model import NewDocument, Status
from desktop.core.store import Store


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _snapshot(store: Store) -> list[dict[str, Any]]:
    """Everything a round trip must keep, without the ids a new database renumbers."""
    documents, _codebook = exported(store)
    return [
        {
            "title": d.document.title,
            "text": d.text,
            "raw": d.document.raw_text,
            "status": d.document.status,
            "meta": (d.document.source, d.document.date, d.document.metadata, d.document.script),
            "tags": [
                (a.label, a.start, a.end, a.text, a.note, a.attributes, a.annotator, a.created_at)
                for a in d.annotations
            ],
            "corrections": [
                (c.action, c.entity.type, c.entity.start, c.entity.end) for c in d.corrections
            ],
        }
        for d in documents
    ]


def test_a_round_trip_keeps_everything(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    first = tmp_path / "first.jsonl"
    documents, codebook = exported(sample_store)
    assert write_jsonl(documents, codebook, first) == 6
    assert scheme_path(first).exists()
    report = store_annotated_set(empty_store, read_jsonl(first))
    assert report.problems == [] and report.annotations_added == 6
    assert report.documents_added == 3 and report.corrections_added == 2
    assert "Support measures/Labour" in report.labels_added
    assert _snapshot(empty_store) == _snapshot(sample_store)
    assert [a.name for a in empty_store.attributes()] == [a.name for a in sample_store.attributes()]
    labels = {label.name: label for label in empty_store.labels()}
    assert labels["Labour"].color == {x.name: x for x in sample_store.labels()}["Labour"].color
    second = tmp_path / "second.jsonl"
    write_jsonl(*exported(empty_store), second)
    assert [_without_ids(r) for r in _lines(second)] == [_without_ids(r) for r in _lines(first)]


def _without_ids(record: dict[str, Any]) -> dict[str, Any]:
    record = dict(record, id=None)
    record["annotations"] = [dict(a, id=None) for a in record["annotations"]]
    return record


def test_importing_the_same_set_twice_adds_nothing(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(*exported(sample_store), path)
    assert_nothing_added_again(import_twice(empty_store, lambda: read_jsonl(path)))


def test_the_span_after_an_astral_character_keeps_its_code_point_offsets(
    sample_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(*exported(sample_store), path)
    record = next(r for r in _lines(path) if r["text"] == ASTRAL)
    start, end, label = record["label"][0]
    assert ASTRAL[start:end] == "要做好安全生产工作" and label == "Labour"
    assert start == ASTRAL.index("要做好") == 8  # 𠮷 is one code point (two in UTF-16)


def test_converted_export_carries_offsets_through_a_length_changing_conversion(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "converted.jsonl"
    write_jsonl(*exported(sample_store, text="converted", conversion="s2twp"), path)
    record = next(r for r in _lines(path) if r["title"] == "信息安全会议")
    assert len(record["text"]) == len(LENGTH_CHANGING) + 1  # U盘 -> 隨身碟
    assert record["conversion"] == "s2twp" and "raw_text" not in record
    assert [record["text"][s:e] for s, e, _label in record["label"]] == [
        FIRST_TAG_TW,
        "二是加強督查",
    ]
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert report.problems == [] and report.annotations_added == 6


def test_doccano_lines_import_and_bad_lines_are_named(empty_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "doccano.jsonl"
    lines = [
        {"id": 1, "text": "会议要求各单位要落实责任。", "label": [[4, 12, "责任"]], "Comments": []},
        "not json {",
        {
            "text": "市长强调必须严防死守。",
            "entities": [{"id": 0, "start_offset": 4, "end_offset": 10, "label": "防控"}],
            "relations": [],
        },
        {"text": "短文", "label": [[0, 9, "责任"]]},
        {"title": "no text"},
        {"text": "分类文本", "label": ["政策"]},
    ]
    path.write_text(
        "\n".join(
            line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)
            for line in lines
        ),
        encoding="utf-8",
    )
    annotated = read_jsonl(path)
    report = store_annotated_set(empty_store, annotated)
    reasons = {str(problem) for problem in report.problems}
    assert any(r.startswith("line 2: not JSON") for r in reasons)
    assert "line 4: span 0-9 is outside the text (2 characters)" in reasons
    assert "line 5: the field 'text' is missing" in reasons
    assert report.annotations_added == 2 and sorted(report.labels_added) == ["责任", "防控"]
    assert report.skipped and "classification" in report.skipped[0]
    tags = [a for i in empty_store.document_ids() for a in empty_store.annotations(i)]
    assert {(a.label, a.text) for a in tags} == {
        ("责任", "各单位要落实责任"),
        ("防控", "必须严防死守"),
    }


def test_a_span_whose_recorded_text_differs_is_refused_and_the_rest_imported(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(*exported(sample_store), path)
    records = _lines(path)
    records[0]["annotations"][0]["text"] = "别的文字"
    records[1]["text_sha256"] = "0" * 64
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert len(report.problems) == 2
    assert report.problems[0].where == "line 1" and "not '别的文字'" in report.problems[0].reason
    assert report.problems[1].where == "line 2" and "text_sha256" in report.problems[1].reason
    assert report.documents_added == 2 and report.annotations_added == 3


def test_a_failure_part_way_leaves_nothing(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(*exported(sample_store), path)
    annotated = read_jsonl(path)
    annotated.documents[-1].spans[0].attributes = {"unstorable": object()}  # json.dumps fails
    try:
        store_annotated_set(empty_store, annotated)
    except TypeError:
        pass
    else:
        raise AssertionError("the broken record should have failed the import")
    assert empty_store.document_ids() == [] and empty_store.labels() == []


def test_status_and_raw_text_come_back(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    raw = "要加强服務(wù)保障。"
    cleaned = clean(raw)
    document_id = sample_store.add_document(
        NewDocument("有拼音", raw, cleaned.text, "utf-8", "traditional", cleaned.removals)
    )
    assert document_id is not None and cleaned.removals
    sample_store.set_status(document_id, Status.DONE)
    path = tmp_path / "set.jsonl"
    write_jsonl(*exported(sample_store, status=Status.DONE), path)
    assert len(_lines(path)) == 2
    store_annotated_set(empty_store, read_jsonl(path))
    restored = [empty_store.document(i) for i in empty_store.document_ids()]
    assert {d.status for d in restored} == {Status.DONE}
    pinyin = next(d for d in restored if d.title == "有拼音")
    assert (pinyin.raw_text, pinyin.clean_text) == (raw, cleaned.text)
    assert pinyin.removed == tuple(cleaned.removals)


def test_a_set_imported_into_a_project_with_a_scheme_keeps_the_project_s_name(
    sample_store: Store, tmp_path: Path
) -> None:
    from dataclasses import replace

    from desktop.core.labels import LabelSpec

    path = tmp_path / "set.jsonl"
    documents, codebook = exported(sample_store)
    other = replace(codebook.scheme, name="Their scheme", labels=(LabelSpec("他们的标签"),))
    write_jsonl(documents, replace(codebook, scheme=other), path)
    name = sample_store.scheme().name
    report = store_annotated_set(sample_store, read_jsonl(path))
    assert report.labels_added == ["他们的标签"]
    assert sample_store.scheme().name == name != "Their scheme"


def test_attributes_a_set_declares_are_added_and_the_project_s_own_kept(
    sample_store: Store, tmp_path: Path
) -> None:
    from desktop.core.exports.importing import AnnotatedSet
    from desktop.core.labels import AttributeSpec

    before = {a.name: a for a in sample_store.attributes()}
    declared = [
        AttributeSpec("strength", "Other label", "text"),
        AttributeSpec("层级", "Level", "choice", ("省", "市")),
    ]
    store_annotated_set(sample_store, AnnotatedSet(tmp_path, "test", attributes=declared))
    after = {a.name: a for a in sample_store.attributes()}
    assert after["strength"] == before["strength"]
    assert after["层级"].values == ("省", "市")


def _write_lines(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    return path


def test_a_malformed_annotation_is_a_problem_and_the_rest_of_the_line_imports(
    empty_store: Store, tmp_path: Path
) -> None:
    text = "会议要求，各单位要加强督查。"
    good = {"label": "督查", "start": 9, "end": 13, "text": "加强督查"}
    path = _write_lines(
        tmp_path / "bad.jsonl",
        [
            {"text": text, "annotations": [["oops"], good, {"label": "督查", "start": "9"}]},
            {"text": "第二篇文章。", "annotations": "not a list"},
            {"text": "第三篇文章。", "annotations": [{"label": "x", "start": 0, "end": 2}]},
        ],
    )
    annotated = read_jsonl(path)
    assert [d.text for d in annotated.documents] == [text, "第二篇文章。", "第三篇文章。"]
    assert [str(p) for p in annotated.problems] == [
        'line 1: annotation 1: an annotation is a JSON object, not ["oops"]',
        "line 1: annotation 3: start and end must be whole numbers, not '9' and None",
        "line 2: 'annotations' must be a list; left out",
    ]
    report = store_annotated_set(empty_store, annotated)
    assert report.documents_added == 3 and report.annotations_added == 2


def test_an_entity_correction_with_an_unknown_action_is_refused_alone(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(*exported(sample_store), path)
    records = _lines(path)
    corrected = next(r for r in records if r["entity_corrections"])
    corrected["entity_corrections"].insert(
        0, dict(corrected["entity_corrections"][0], action="Add")
    )
    corrected["entity_corrections"].append({"action": "remove", "type": "ORG", "start": "0"})
    _write_lines(path, records)
    report = store_annotated_set(empty_store, read_jsonl(path))
    where = f"line {records.index(corrected) + 1}"
    assert [(p.where, p.reason.split(":")[0]) for p in report.problems] == [
        (where, "entity correction 1"),
        (where, "entity correction 3"),
    ]
    assert "action (add or remove)" in report.problems[0].reason
    assert report.documents_added == 3 and report.annotations_added == 6
    assert report.corrections_added == 2


@pytest.mark.parametrize("label", [None, "", "a//b", 3])
def test_a_null_empty_or_gappy_label_is_a_problem_not_a_label(
    empty_store: Store, tmp_path: Path, label: object
) -> None:
    text = "会议要求，各单位要加强督查。"
    path = _write_lines(
        tmp_path / "labels.jsonl",
        [
            {"text": text, "annotations": [{"label": label, "start": 0, "end": 2}]},
            {"text": text + "又", "label": [[0, 2, label], [9, 13, "督查"]]},
            {
                "text": text + "再",
                "entities": [{"label": label, "start_offset": 0, "end_offset": 2}],
            },
        ],
    )
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert [p.where for p in report.problems] == ["line 1", "line 2", "line 3"]
    assert all("label" in p.reason for p in report.problems)
    assert [x.name for x in empty_store.labels()] == ["督查"]
    assert report.documents_added == 3 and report.annotations_added == 1


def test_raw_text_with_malformed_removals_is_dropped_and_the_document_kept(
    empty_store: Store, tmp_path: Path
) -> None:
    path = _write_lines(
        tmp_path / "raw.jsonl",
        [{"text": "要加强服務保障。", "raw_text": "要加强服務(wù)保障。", "removed": [[5, 9]]}],
    )
    report = store_annotated_set(empty_store, read_jsonl(path))
    [problem] = report.problems
    assert problem.where == "line 1" and problem.reason.startswith("removed: a removal is")
    document = empty_store.document(empty_store.document_ids()[0])
    assert document.raw_text == document.clean_text == "要加强服務保障。"


def test_a_script_jiyao_does_not_know_is_detected_and_the_set_exports_again(
    empty_store: Store, tmp_path: Path
) -> None:
    path = _write_lines(
        tmp_path / "script.jsonl", [{"text": "張愛軍強調，要統籌推進。", "script": "Simplified"}]
    )
    store_annotated_set(empty_store, read_jsonl(path))
    assert empty_store.document(empty_store.document_ids()[0]).script == "traditional"
    converted = exported(empty_store, text="converted")[0]
    assert converted[0].conversion == "t2s"


def test_a_jsonl_export_with_overlapping_tags_warns_about_doccano(
    sample_store: Store, tmp_path: Path
) -> None:
    from desktop.core.exports.formats import export_project

    result = export_project(sample_store, "jsonl", tmp_path / "set.jsonl")
    [warning] = result.warnings  # the sample's first document has two overlapping tags
    assert warning.startswith("1 of the exported documents have overlapping tags")
    assert '"Allow overlapping entity"' in warning
    assert export_project(sample_store, "brat", tmp_path / "brat").warnings == ()
    ids = sample_store.document_ids()[1:]  # the documents without overlaps
    options = ExportOptions(document_ids=tuple(ids))
    assert export_project(sample_store, "jsonl", tmp_path / "b.jsonl", options).warnings == ()


def test_line_and_paragraph_separators_inside_a_text_survive_a_round_trip(
    empty_store: Store, tmp_path: Path
) -> None:
    text = "第一段\u2028第二段\u2029第三段\x85会议要求加强督查。"
    with Store(tmp_path / "source.jiyao") as source:
        document_id = source.add_document(
            NewDocument(title="分隔", raw_text=text, clean_text=text, encoding="utf-8", script="s")
        )
        assert document_id is not None
        label = source.add_label("督查")
        start = text.index("加强")
        source.add_annotation(document_id, label.id, start, start + 4)
        path = tmp_path / "separators.jsonl"
        write_jsonl(*exported(source), path)
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert report.problems == [] and report.documents_added == 1
    (imported,) = empty_store.document_ids()
    assert empty_store.document(imported).clean_text == text
    assert [a.text for a in empty_store.annotations(imported)] == ["加强督查"]


def test_lines_ending_in_crlf_are_read(empty_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    lines = [
        json.dumps({"text": "会议要求加强督查。", "label": [[4, 8, "督查"]]}, ensure_ascii=False),
        json.dumps({"text": "第二\u2028份文件", "label": []}, ensure_ascii=False),
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert report.problems == [] and report.documents_added == 2
    assert report.annotations_added == 1


@pytest.mark.parametrize("shape", ["lines", "list"])
def test_a_jsonl_export_saved_as_json_is_read_as_jsonl_with_its_tags(
    sample_store: Store, empty_store: Store, tmp_path: Path, shape: str
) -> None:
    path = tmp_path / "set.json"
    write_jsonl(*exported(sample_store), path)
    if shape == "list":
        records = _lines(path)
        path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    annotated = read_annotated_set(path)
    assert annotated.format == "jsonl"
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [] and report.annotations_added == 6


def test_a_list_of_doccano_records_saved_as_json_is_read_as_jsonl(
    empty_store: Store, tmp_path: Path
) -> None:
    records = [
        {"text": "没有标签的文件。", "label": []},
        {"text": "会议要求加强督查。", "label": [[4, 8, "督查"]]},
    ]
    path = tmp_path / "doccano.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    report = store_annotated_set(empty_store, read_annotated_set(path))
    assert report.format == "jsonl" and report.annotations_added == 1


def test_label_studio_json_min_is_still_read_as_label_studio(tmp_path: Path) -> None:
    tasks = [{"text": "会议要求加强督查。", "label": [{"start": 4, "end": 8, "labels": ["督查"]}]}]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert read_annotated_set(path).format == "labelstudio"


def test_doccano_s_label_column_is_the_truth_and_annotations_only_add_details(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "from_doccano.jsonl"
    write_jsonl(*exported(sample_store), path)
    records = _lines(path)
    astral = next(r for r in records if r["text"] == ASTRAL)
    kept, deleted, *rest = astral["label"]
    added = [0, 3, "Other"]
    astral["label"] = [kept, *rest, added]  # deleted one in doccano, added one
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    report = store_annotated_set(empty_store, read_jsonl(path))
    assert [str(p) for p in report.problems] == [
        "line 1: 1 tags in 'annotations' are no longer in 'label' "
        "(deleted or changed in doccano?); left out"
    ]
    (document_id,) = [
        i for i in empty_store.document_ids() if empty_store.document(i).clean_text == ASTRAL
    ]
    tags = {(a.start, a.end, a.label): a for a in empty_store.annotations(document_id)}
    assert (deleted[0], deleted[1], deleted[2]) not in tags
    assert (0, 3, "Other") in tags and tags[(0, 3, "Other")].note == ""
    first = tags[(kept[0], kept[1], kept[2])]
    original = next(a for a in astral["annotations"] if [a["start"], a["end"], a["label"]] == kept)
    assert (first.note, first.attributes, first.annotator) == (
        original["note"],
        original["attributes"],
        original["annotator"],
    )


def test_the_scheme_of_an_empty_project_comes_back(empty_store: Store, tmp_path: Path) -> None:
    add_text(empty_store, "会议要求加强督查。")
    path = tmp_path / "empty.jsonl"
    write_jsonl(*exported(empty_store), path)
    annotated = read_jsonl(path)
    assert annotated.problems == [] and annotated.scheme is not None
    assert annotated.scheme.labels == ()


def test_doccano_relations_are_counted_as_skipped(tmp_path: Path) -> None:
    line = {
        "text": "市政府要求区政府加强督查。",
        "entities": [
            {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 3},
            {"id": 2, "label": "ORG", "start_offset": 5, "end_offset": 8},
        ],
        "relations": [{"id": 7, "from_id": 1, "to_id": 2, "type": "要求"}],
    }
    path = tmp_path / "relations.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    annotated = read_jsonl(path)
    assert len(annotated.documents[0].spans) == 2
    assert annotated.skipped == ["1 relations (doccano; Jiyao has no relations)"]
