"""Label Studio JSON: tasks whose regions slice their text, a labelling config that names every
label and control, a round trip with attributes and notes, and Label Studio's own exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
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
    failing_export,
    import_twice,
    snapshot,
)

from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.importing import UnreadableSet, store_annotated_set
from desktop.core.exports.labelstudio import (
    ENTITY_MODEL_VERSION,
    label_config_path,
    read_labelstudio,
    write_labelstudio,
)
from desktop.core.exports.selection import Codebook
from desktop.core.model import Entity, text_sha256
from desktop.core.store import Store


def _tasks(path: Path) -> list[dict[str, Any]]:
    tasks = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(tasks, list)
    return tasks


def _label_results(task: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        result
        for annotation in task["annotations"]
        for result in annotation["result"]
        if result["type"] == "labels"
    ]


def _labels_and_attributes(store: Store) -> tuple[object, ...]:
    """What the labelling config carries back: label paths, colours and descriptions, and
    each attribute's name, header, kind and choices."""
    codebook = Codebook.from_store(store)
    return (
        {codebook.paths[x.id]: (x.color, x.description) for x in codebook.labels},
        [
            (a.name, a.label, a.kind, a.values if a.kind == "choice" else ())
            for a in codebook.attributes
        ],
    )


def _without_ids(task: dict[str, Any]) -> dict[str, Any]:
    """A task with the document and region ids (which a new database renumbers) blanked."""
    task = json.loads(json.dumps(task))
    task["id"] = task["data"]["jiyao_document_id"] = None
    for annotation in task["annotations"]:
        for result in annotation["result"]:
            result["id"] = None
    regions = task["meta"]["jiyao"]["regions"]
    task["meta"]["jiyao"]["regions"] = sorted(regions.values(), key=json.dumps)
    return task


def test_a_round_trip_keeps_labels_offsets_attributes_and_notes(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    assert write_labelstudio(*exported(sample_store), first) == 6
    report = store_annotated_set(empty_store, read_labelstudio(first))
    assert report.problems == [] and report.skipped == []
    assert (report.documents_added, report.annotations_added, report.corrections_added) == (3, 6, 2)
    assert "Support measures/Labour" in report.labels_added
    assert snapshot(empty_store, corrections=True) == snapshot(sample_store, corrections=True)
    assert _labels_and_attributes(empty_store) == _labels_and_attributes(sample_store)
    assert empty_store.scheme().name == sample_store.scheme().name
    second = tmp_path / "second.json"
    write_labelstudio(*exported(empty_store), second)
    assert [_without_ids(t) for t in _tasks(second)] == [_without_ids(t) for t in _tasks(first)]


def test_importing_the_same_tasks_twice_adds_nothing(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    assert_nothing_added_again(import_twice(empty_store, lambda: read_labelstudio(path)))


def test_every_labels_result_slices_the_task_text(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    tasks = _tasks(path)
    assert sum(len(_label_results(task)) for task in tasks) == 6
    for task in tasks:
        data = task["data"]
        assert data["offsets"] == OFFSET_CONVENTION and data["conversion"] == "none"
        assert data["text_sha256"] == text_sha256(data["text"])
        for result in _label_results(task):
            value = result["value"]
            assert data["text"][value["start"] : value["end"]] == value["text"]


def test_the_span_after_an_astral_character_counts_code_points(
    sample_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    [task] = [t for t in _tasks(path) if t["data"]["text"] == ASTRAL]
    [labour] = [
        r for r in _label_results(task) if r["value"]["labels"] == ["Support measures/Labour"]
    ]
    start = ASTRAL.index("要做好")  # in UTF-16 units it would be one more: 𠮷 is two
    assert (labour["value"]["start"], labour["value"]["end"]) == (start, start + 9)
    assert labour["value"]["text"] == ASTRAL[start : start + 9] == "要做好安全生产工作"


def test_converted_text_tags_slice_the_converted_text(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store, text="converted", conversion="s2twp"), path)
    [task] = [t for t in _tasks(path) if t["data"]["title"] == "信息安全会议"]
    data = task["data"]
    assert data["text"] != LENGTH_CHANGING and len(data["text"]) != len(LENGTH_CHANGING)
    assert data["conversion"] == "s2twp" and data["text_sha256"] == text_sha256(data["text"])
    covered = []
    for result in _label_results(task):
        value = result["value"]
        assert data["text"][value["start"] : value["end"]] == value["text"]
        covered.append(value["text"])
    assert FIRST_TAG_TW in covered


def test_one_annotation_per_annotator_without_a_label_studio_user(
    sample_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    [task] = [t for t in _tasks(path) if t["data"]["text"] == ASTRAL]
    annotations = task["annotations"]
    assert [len(_label_results({"annotations": [a]})) for a in annotations] == [2, 1]
    # completed_by must name a member of the Label Studio instance, or its import fails.
    assert not any("completed_by" in annotation for annotation in annotations)
    regions = task["meta"]["jiyao"]["regions"]
    for annotation, annotator in zip(annotations, ["研究员", ""], strict=True):
        assert {regions[r["id"]]["annotator"] for r in annotation["result"]} == {annotator}


def test_attributes_and_the_note_are_results_of_the_same_region(
    sample_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    [task] = [t for t in _tasks(path) if t["data"]["text"] == ASTRAL]
    results = [r for a in task["annotations"] for r in a["result"]]
    [labour] = [r for r in results if r["value"].get("labels") == ["Support measures/Labour"]]
    same_region = {r["from_name"]: r for r in results if r["id"] == labour["id"]}
    assert set(same_region) == {"label", "strength", "issuer", "note"}
    assert same_region["strength"]["type"] == "choices"
    assert same_region["strength"]["value"]["choices"] == ["directive"]
    assert same_region["issuer"]["type"] == "textarea"
    assert same_region["issuer"]["value"]["text"] == ["会议 主席"]
    assert same_region["note"]["value"]["text"] == ["要… with a space,\ta tab\nand a new line"]
    for result in same_region.values():
        assert (result["value"]["start"], result["value"]["end"]) == (
            labour["value"]["start"],
            labour["value"]["end"],
        )


def test_the_label_config_names_every_label_and_control(
    sample_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    documents, codebook = exported(sample_store)
    write_labelstudio(documents, codebook, path)
    root = ET.parse(label_config_path(path)).getroot()
    assert root.tag == "View"
    [labels] = [e for e in root.iter("Labels") if e.get("name") == "label"]
    assert labels.get("toName") == "text"
    values = {label.get("value"): label for label in labels.iter("Label")}
    assert set(values) == set(codebook.paths.values())
    labour = next(label for label in codebook.labels if label.name == "Labour")
    assert values["Support measures/Labour"].get("background") == labour.color
    [text] = root.iter("Text")
    assert (text.get("name"), text.get("value")) == ("text", "$text")
    controls = {e.get("name"): e for e in root.iter() if e.get("toName") == "text"}
    assert controls["strength"].tag == "Choices" and controls["strength"].get("perRegion") == "true"
    assert [c.get("value") for c in controls["strength"].iter("Choice")] == [
        "mandatory",
        "directive",
        "advisory",
    ]
    assert controls["issuer"].tag == controls["note"].tag == "TextArea"
    used = {
        r["from_name"] for task in _tasks(path) for a in task["annotations"] for r in a["result"]
    }
    assert used <= set(controls)  # Label Studio refuses results of controls it does not know


def test_the_entity_layer_is_a_prediction_the_reader_skips(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    person = Entity("PERSON", 0, 3, "張愛軍")
    with_entities = [
        replace(d, entities=(person,)) if d.text.startswith("張愛軍") else d for d in documents
    ]
    path = tmp_path / "tasks.json"
    assert write_labelstudio(with_entities, codebook, path) == 6
    [task] = [t for t in _tasks(path) if "predictions" in t]
    [prediction] = task["predictions"]
    assert prediction["model_version"] == ENTITY_MODEL_VERSION
    assert [r["value"]["labels"] for r in prediction["result"]] == [["PERSON"]]
    root = ET.parse(label_config_path(path)).getroot()
    [entities] = [e for e in root.iter("Labels") if e.get("name") == "entity"]
    assert "PERSON" in {label.get("value") for label in entities.iter("Label")}
    read = read_labelstudio(path)
    assert sum(len(d.spans) for d in read.documents) == 6
    assert read.skipped == ["1 entity spans (the entity layer is not imported as tags)"]


def test_a_failed_export_leaves_neither_file(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = failing_export(sample_store)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(RuntimeError):
        write_labelstudio(documents, codebook, folder / "tasks.json")
    assert list(folder.iterdir()) == []


def test_malformed_tasks_are_named_and_the_valid_ones_import(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    tasks: list[Any] = _tasks(path)
    outside = _label_results(tasks[1])[0]["value"]
    outside["start"], outside["end"] = 500, 510
    _label_results(tasks[2])[0]["value"]["start"] = "3"
    tasks.insert(1, {"data": {"count": 3}})
    tasks.append("not a task")
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    report = store_annotated_set(empty_store, read_labelstudio(path))
    problems = {problem.where: problem.reason for problem in report.problems}
    assert set(problems) == {"task 2", "task 3", "task 4", "task 5"}
    assert "no text" in problems["task 2"] and "outside the text" in problems["task 3"]
    assert "whole numbers" in problems["task 4"] and "JSON object" in problems["task 5"]
    assert report.documents_added == 3 and report.annotations_added == 4


def test_label_studio_exports_import_with_their_annotators(
    empty_store: Store, tmp_path: Path
) -> None:
    text = "🐱 会议指出，张三要负责。"
    start = text.index("张三")
    region = {"start": start, "end": start + 2}
    tasks = [
        {
            "id": 7,
            "data": {"review": text},
            "annotations": [
                {
                    "completed_by": {"id": 3, "email": "a@example.org"},
                    "result": [
                        _ls_result(
                            "r1",
                            "ner",
                            "labels",
                            {**region, "text": "张三", "labels": ["PER", "Name"]},
                        ),
                        _ls_result("r1", "sure", "choices", {**region, "choices": ["yes"]}),
                        _ls_result("r1", "note", "textarea", {**region, "text": ["a", "b"]}),
                        _ls_result("t1", "topic", "choices", {"choices": ["health"]}),
                    ],
                },
                {"completed_by": 5, "was_cancelled": True, "result": []},
            ],
            "predictions": [
                {
                    "model_version": "bert",
                    "result": [_ls_result("p", "ner", "labels", {**region, "labels": ["PER"]})],
                }
            ],
        }
    ]
    path = tmp_path / "project-1.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    # The project's text is data.review: the labelling config beside the tasks says so.
    label_config_path(path).write_text(REVIEW_CONFIG, encoding="utf-8")
    read = read_labelstudio(path)
    [document] = read.documents
    assert document.text == text
    assert [(s.label, s.start, s.end, s.text) for s in document.spans] == [
        ("PER", start, start + 2, "张三"),
        ("Name", start, start + 2, "张三"),
    ]
    for span in document.spans:
        assert (span.annotator, span.attributes, span.note) == (
            "a@example.org",
            {"sure": "yes"},
            "a\nb",
        )
    assert sorted(read.skipped) == [
        "1 cancelled annotations",
        "1 predicted regions (model predictions are not tags)",
        "1 results not tied to a tagged span",
    ]
    report = store_annotated_set(empty_store, read)
    assert report.problems == [] and report.annotations_added == 2


REVIEW_CONFIG = """<View>
  <Labels name="label" toName="text"><Label value="PER"/><Label value="Name"/></Labels>
  <Text name="text" value="$review"/>
</View>
"""


def _ls_result(region: str, control: str, kind: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"id": region, "from_name": control, "to_name": "text", "type": kind, "value": value}


def test_a_single_task_and_json_min_are_read(tmp_path: Path) -> None:
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"data": {"text": "要做好工作"}, "annotations": []}), "utf-8")
    assert [d.text for d in read_labelstudio(single).documents] == ["要做好工作"]
    minimal = tmp_path / "min.json"
    rows = [
        {
            "text": "要做好工作",
            "id": 1,
            "label": [{"start": 1, "end": 3, "text": "做好", "labels": ["Other"]}],
            "annotator": "b@example.org",
            "annotation_id": 4,
        }
    ]
    minimal.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    [document] = read_labelstudio(minimal).documents
    [span] = document.spans
    assert (span.label, span.start, span.end, span.text, span.annotator) == (
        "Other",
        1,
        3,
        "做好",
        "b@example.org",
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json at all", "not JSON"),
        ('{"name": "a project"}', "not Label Studio tasks"),
        ("[1, 2, 3]", "not Label Studio tasks"),
    ],
)
def test_a_file_that_is_not_tasks_is_unreadable(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnreadableSet, match=reason):
        read_labelstudio(path)


def _write_tasks(path: Path, tasks: list[Any]) -> Path:
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_task_with_an_empty_text_is_refused(empty_store: Store, tmp_path: Path) -> None:
    path = _write_tasks(
        tmp_path / "tasks.json",
        [{"data": {"text": "", "title": "空"}}, {"text": ""}, {"data": {"text": "要做好工作"}}],
    )
    report = store_annotated_set(empty_store, read_labelstudio(path))
    assert [str(p) for p in report.problems] == [
        "task 1: data.text is empty",
        "task 2: the text is empty",
    ]
    assert report.documents_added == 1


def test_without_a_config_naming_it_no_other_field_is_taken_for_the_text(
    empty_store: Store, tmp_path: Path
) -> None:
    path = _write_tasks(
        tmp_path / "tasks.json",
        [{"data": {"title": "会议纪要", "review": "会议要求，各单位要加强督查。"}}],
    )
    report = store_annotated_set(empty_store, read_labelstudio(path))
    [problem] = report.problems
    assert problem.where == "task 1" and '<Text value="$field">' in problem.reason
    assert empty_store.document_ids() == []
    label_config_path(path).write_text(REVIEW_CONFIG, encoding="utf-8")
    [document] = read_labelstudio(path).documents
    assert document.text == "会议要求，各单位要加强督查。" and document.title == "会议纪要"


def test_a_config_naming_a_field_the_task_lacks_refuses_the_task(tmp_path: Path) -> None:
    path = _write_tasks(tmp_path / "tasks.json", [{"data": {"title": "会议纪要"}}])
    label_config_path(path).write_text(REVIEW_CONFIG, encoding="utf-8")
    annotated = read_labelstudio(path)
    assert annotated.documents == []
    assert [str(p) for p in annotated.problems] == [
        "task 1: data holds no text: none of the fields the labelling config reads ($review)"
    ]


def test_a_correction_jsonl_and_label_studio_both_refuse_is_refused_alike(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store), path)
    tasks = _tasks(path)
    corrections = next(
        t["meta"]["jiyao"]["entity_corrections"]
        for t in tasks
        if t["meta"]["jiyao"]["entity_corrections"]
    )
    corrections.append(dict(corrections[0], action="Add"))
    _write_tasks(path, tasks)
    report = store_annotated_set(empty_store, read_labelstudio(path))
    [problem] = report.problems
    assert "needs an action (add or remove) and a type, not 'Add'" in problem.reason
    assert report.corrections_added == 2


def test_the_task_records_the_clean_texts_fingerprint(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    write_labelstudio(*exported(sample_store, text="converted", conversion="s2twp"), path)
    sources = {sample_store.document(i).text_sha256 for i in sample_store.document_ids()}
    tasks = _tasks(path)
    assert {t["data"]["source_text_sha256"] for t in tasks} == sources
    assert {t["data"]["conversion"] for t in tasks} >= {"s2twp"}


def test_a_config_in_an_unknown_encoding_is_a_problem_and_the_tasks_still_read(
    tmp_path: Path,
) -> None:
    path = _write_tasks(tmp_path / "tasks.json", [{"data": {"text": "要做好工作"}}])
    label_config_path(path).write_bytes(b'<?xml version="1.0" encoding="no-such"?><View/>')
    annotated = read_labelstudio(path)
    assert [d.text for d in annotated.documents] == ["要做好工作"]
    [problem] = annotated.problems
    assert problem.where == label_config_path(path).name and "not a readable" in problem.reason


def test_the_config_of_an_empty_project_comes_back_without_a_problem(
    empty_store: Store, tmp_path: Path
) -> None:
    add_text(empty_store, "会议要求加强督查。")
    path = tmp_path / "empty.json"
    write_labelstudio(*exported(empty_store), path)
    annotated = read_labelstudio(path)
    assert annotated.problems == [] and annotated.scheme is not None
    assert annotated.scheme.labels == ()


def test_label_studio_relations_are_counted_as_skipped(tmp_path: Path) -> None:
    region = {"from_name": "label", "to_name": "text", "type": "labels"}
    task = {
        "data": {"text": "市政府要求区政府加强督查。"},
        "annotations": [
            {
                "result": [
                    {**region, "id": "a", "value": {"start": 0, "end": 3, "labels": ["ORG"]}},
                    {**region, "id": "b", "value": {"start": 5, "end": 8, "labels": ["ORG"]}},
                    {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right"},
                ]
            }
        ],
    }
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    annotated = read_labelstudio(path)
    assert len(annotated.documents[0].spans) == 2
    assert annotated.skipped == ["1 relations (Jiyao has no relations)"]


def _json_min_rows(sample_store: Store) -> list[dict[str, Any]]:
    """What Label Studio's JSON_MIN export makes of the sample project's tasks: a row per
    annotation, the data fields at the top, each control's per-region values under its name."""
    documents, codebook = exported(sample_store)
    rows = []
    for number, document in enumerate(documents, start=1):
        by_annotator: dict[str, list[Any]] = {}
        for tag in document.annotations:
            by_annotator.setdefault(tag.annotator, []).append(tag)
        for annotation_id, tags in enumerate(by_annotator.values(), start=1):
            row: dict[str, Any] = {
                "text": document.text,
                "title": document.document.title,
                "id": number,
                "annotator": annotation_id,
                "annotation_id": 10 * number + annotation_id,
                "lead_time": 3.5,
            }
            for tag in tags:
                place = {"start": tag.start, "end": tag.end}
                region = {**place, "text": tag.text, "labels": [codebook.path(tag)]}
                row.setdefault("label", []).append(region)
                if tag.note:
                    row.setdefault("note", []).append({**place, "text": [tag.note]})
                for name, value in tag.attributes.items():
                    kind = "choices" if name == "strength" else "text"
                    values = value if isinstance(value, list) else [value]
                    row.setdefault(name, []).append({**place, kind: values})
            rows.append(row)
    return rows


def test_json_min_of_a_project_adds_nothing_to_it_and_keeps_notes_and_attributes(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "min.json"
    rows = _json_min_rows(sample_store)
    assert len(rows) == 5  # more rows than the 3 documents
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    annotated = read_labelstudio(path)
    assert len(annotated.documents) == 3
    assert any("JSON_MIN tasks carry no annotator names" in line for line in annotated.skipped)
    report = store_annotated_set(sample_store, annotated)
    assert (report.documents_matched, report.annotations_added, report.duplicates) == (3, 0, 6)
    assert report.differing == 0  # the notes and attributes came along
    into_empty = store_annotated_set(empty_store, read_labelstudio(path))
    assert (into_empty.documents_added, into_empty.annotations_added) == (3, 6)
    notes = sorted(a.note for i in empty_store.document_ids() for a in empty_store.annotations(i))
    assert notes == sorted(
        a.note for i in sample_store.document_ids() for a in sample_store.annotations(i)
    )


def test_tasks_from_a_project_jiyao_did_not_make_keep_labels_text_and_fields(
    empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "ner.json"
    task = {
        "id": 7,
        "data": {"doc": "市政府要求区政府加强督查。", "url": "http://example.org/7", "year": 2020},
        "annotations": [
            {
                "completed_by": 3,
                "result": [
                    {
                        "id": "x",
                        "from_name": "ner",
                        "to_name": "doc",
                        "type": "labels",
                        "value": {"start": 0, "end": 3, "text": "市政府", "labels": ["ORG"]},
                    }
                ],
            }
        ],
    }
    path.write_text(json.dumps([task], ensure_ascii=False), "utf-8")
    label_config_path(path).write_text(
        '<View><Text name="doc" value="$doc"/><Labels name="ner" toName="doc">'
        '<Label value="ORG" background="#ff0000"/><Label value="PER"/></Labels></View>',
        "utf-8",
    )
    annotated = read_labelstudio(path)
    assert annotated.problems == []
    assert annotated.scheme is not None
    assert [label.name for label in annotated.scheme.labels] == ["ORG", "PER"]
    assert annotated.documents[0].metadata == {"url": "http://example.org/7", "year": 2020}
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [] and report.annotations_added == 1
    [document_id] = empty_store.document_ids()
    assert empty_store.document(document_id).metadata["url"] == "http://example.org/7"


def test_json_min_document_level_answers_are_counted_as_skipped(tmp_path: Path) -> None:
    rows = [
        {
            "text": "会议要求加强督查。",
            "id": 1,
            "label": [{"start": 4, "end": 8, "text": "加强督查", "labels": ["督查"]}],
            "sentiment": ["Positive"],
        }
    ]
    path = tmp_path / "min.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    assert "1 JSON_MIN lists with no span (document-level answers)" in (
        read_labelstudio(path).skipped
    )
