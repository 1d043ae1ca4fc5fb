"""What a careless user met on the command line (issues 13 and 21, second round): each test
failed before its fix."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.core.corpus import export_folder_reason
from desktop.core.exports.formats import annotated_set_format, export_project, read_annotated_set
from desktop.core.exports.importing import store_annotated_set
from desktop.core.exports.output import FolderInUse
from desktop.core.labels import BadScheme, default_scheme, parse_scheme
from desktop.core.store import Store, StoreError


def test_an_empty_brat_export_is_read_back_as_its_labels(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(default_scheme())
        export_project(store, "brat", folder)
        names = sorted(label.name for label in store.labels())
    assert not list(folder.glob("*.ann"))
    assert export_folder_reason(folder) == (
        "a Jiyao brat export: import the folder itself, as an annotated set"
    )
    export_format = annotated_set_format(folder)
    assert export_format is not None and export_format.name == "brat"
    annotated = read_annotated_set(folder)
    assert annotated.documents == [] and annotated.problems == []
    with Store(tmp_path / "q.jiyao") as target:
        report = store_annotated_set(target, annotated)
        assert report.problems == []
        assert sorted(label.name for label in target.labels()) == names


def test_a_folder_with_only_brat_s_annotation_conf_is_a_brat_set(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nPolicy\n\tTax\n", encoding="utf-8")
    annotated = read_annotated_set(folder)
    assert [label.path for label in annotated.labels] == ["Policy", "Policy/Tax"]


def _brat_folder(tmp_path: Path, text: bytes, ann: str) -> Path:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nTask\n", encoding="utf-8")
    (folder / "d.txt").write_bytes(text)
    (folder / "d.ann").write_text(ann, encoding="utf-8")
    return folder


def test_a_brat_text_with_a_bom_loses_it_and_keeps_tags_counted_either_way(
    tmp_path: Path,
) -> None:
    """brat reads the .txt with Python's utf-8 codec, so its offsets count the BOM; a tool
    that skipped it counts one less. The recorded span text tells which."""
    text = "会议要求加强督查工作"
    ann = (
        "T1\tTask 3 5\t要求\n"  # counted with the BOM: 要求 is 2-4 in the text
        "T2\tTask 4 6\t加强\n"  # counted without it
        "T3\tTask 7 9\n"  # no recorded text: as most lines that tell (one each: brat's way)
    )
    folder = _brat_folder(tmp_path, b"\xef\xbb\xbf" + text.encode(), ann)
    annotated = read_annotated_set(folder)
    assert annotated.problems == []
    (document,) = annotated.documents
    assert document.text == text
    assert [(s.start, s.end) for s in document.spans] == [(2, 4), (4, 6), (6, 8)]
    with Store(tmp_path / "p.jiyao") as store:
        report = store_annotated_set(store, annotated)
        assert report.problems == [] and report.annotations_added == 3
        (document_id,) = store.document_ids()
        tagged = [text[a.start : a.end] for a in store.annotations(document_id)]
        assert sorted(tagged) == sorted(["要求", "加强", "督查"])


def test_brat_fragments_counted_with_the_bom_are_checked_and_shifted(tmp_path: Path) -> None:
    text = "会议要求，必须督查"
    folder = _brat_folder(
        tmp_path, b"\xef\xbb\xbf" + text.encode(), "T1\tTask 3 5;8 10\t要求 督查\n"
    )
    (document,) = read_annotated_set(folder).documents
    assert [text[s.start : s.end] for s in document.spans] == ["要求", "督查"]


def test_a_pipe_for_a_brat_text_or_conf_is_named_as_a_pipe(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.ann").write_text("T1\tTask 0 2\t会议\n", encoding="utf-8")
    os.mkfifo(folder / "d.txt")
    os.mkfifo(folder / "annotation.conf")
    problems = [str(problem) for problem in read_annotated_set(folder).problems]
    pipe = "not a regular file (a named pipe, FIFO); not read"
    assert problems == [f"annotation.conf: {pipe}", f"d.txt: {pipe}"]


def test_a_reversed_or_empty_span_is_called_so_not_outside_the_text(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    records = [
        {"text": "会议要求加强督查", "label": [[4, 2, "责任"]]},
        {"text": "必须严防死守", "label": [[3, 3, "责任"]]},
    ]
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    with Store(tmp_path / "p.jiyao") as store:
        report = store_annotated_set(store, read_annotated_set(path))
    reasons = [str(problem) for problem in report.problems]
    assert reasons == [
        "line 1: span 4-2 is reversed (it ends before it starts)",
        "line 2: span 3-3 is empty",
    ]


def test_label_names_with_control_characters_or_too_long_are_refused_per_label(
    tmp_path: Path,
) -> None:
    long_name = "长" * 5000
    path = tmp_path / "set.jsonl"
    record = {
        "text": "会议要求加强督查",
        "label": [[0, 2, "两行\n名字"], [2, 4, long_name], [4, 6, "责任"]],
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store(tmp_path / "p.jiyao") as store:
        report = store_annotated_set(store, read_annotated_set(path))
        assert [label.name for label in store.labels()] == ["责任"]
    reasons = [str(problem) for problem in report.problems]
    assert len(reasons) == 2
    assert "control characters" in reasons[0] and "U+000A" in reasons[0]
    assert "at most 300 characters long (this one has 5,000)" in reasons[1]
    assert report.annotations_added == 1


@pytest.mark.parametrize("name", ["两行\n名字", "tab\there", "x" * 301, "分\u2028行"])
def test_the_store_and_schemes_refuse_such_label_names(tmp_path: Path, name: str) -> None:
    with Store(tmp_path / "p.jiyao") as store:
        with pytest.raises(StoreError, match="label name"):
            store.add_label(name)
        fine = store.add_label("责任")
        with pytest.raises(StoreError, match="label name"):
            store.update_label(fine.id, name=name)
        assert [label.name for label in store.labels()] == ["责任"]
    with pytest.raises(BadScheme, match="label name"):
        parse_scheme({"name": "s", "labels": [{"name": name}]})


@pytest.mark.parametrize(
    ("format_name", "name"),
    [("jsonl", "set.jsonl"), ("qdpx", "set.qdpx"), ("labelstudio", "set.json"), ("brat", "b")],
)
def test_every_format_makes_the_missing_folders_of_its_target(
    tmp_path: Path, format_name: str, name: str
) -> None:
    target = tmp_path / "not" / "yet" / name
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(default_scheme())
        result = export_project(store, format_name, target)
    assert result.path == target and target.exists()


def test_brat_s_own_stats_cache_does_not_block_a_second_export(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    with Store(tmp_path / "p.jiyao") as store:
        store.install_scheme(default_scheme())
        export_project(store, "brat", folder)
        (folder / ".stats_cache").write_bytes(b"\x80\x04brat's pickled counts")
        export_project(store, "brat", folder)  # refused before: "files added or changed"
        assert (folder / "annotation.conf").is_file()
        (folder / "notes.stats_cache").write_text("mine", encoding="utf-8")
        with pytest.raises(FolderInUse, match=r"notes\.stats_cache"):
            export_project(store, "brat", folder)


def test_brat_texts_without_an_ann_are_counted_not_passed_over(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path, "会议要求".encode(), "T1\tTask 0 2\t会议\n")
    (folder / "todo.txt").write_text("尚未标注的文件。", encoding="utf-8")
    annotated = read_annotated_set(folder)
    assert len(annotated.documents) == 1
    assert annotated.skipped == [
        "1 .txt files with no .ann beside them (not brat documents; import them as plain text)"
    ]


def test_a_bom_before_an_ann_or_a_conf_is_no_part_of_their_first_line(tmp_path: Path) -> None:
    folder = _brat_folder(tmp_path, "会议要求".encode(), "\ufeffT1\tTask 0 2\t会议\n")
    (folder / "annotation.conf").write_text("\ufeff[entities]\nTask\n", encoding="utf-8")
    annotated = read_annotated_set(folder)
    assert annotated.problems == []
    assert [label.path for label in annotated.labels] == ["Task"]
    assert [(s.label, s.start, s.end) for s in annotated.documents[0].spans] == [("Task", 0, 2)]
