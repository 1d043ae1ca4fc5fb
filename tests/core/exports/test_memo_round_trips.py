"""Memos and codebook entries carried by the exports (issue 20): .qdpx both ways (still valid
against the REFI-QDA project schema), a document's memos in its JSONL record, memos.csv; a
tag memo's title wherever its note goes."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Any

from conftest import add_text, exported
from lxml import etree

from desktop.core.exports.csv_files import write_csv_folder
from desktop.core.exports.importing import store_annotated_set
from desktop.core.exports.jsonl import read_jsonl, write_jsonl
from desktop.core.exports.qdpx import write_qdpx
from desktop.core.exports.qdpx_reader import read_qdpx
from desktop.core.exports.selection import label_paths
from desktop.core.store import Store

SCHEMA = Path(__file__).parents[2] / "data" / "refi-qda" / "Project-mrt2019.xsd"


def fill(store: Store) -> None:
    document = add_text(store, "会议要求各地加快复工复产，不得拖延。")
    parent = store.add_label("要求", color="#d1495b", description="上级要求下级做的事")
    child = store.add_label("落实", parent_id=parent.id)
    store.set_codebook_entry(
        parent.id, use_when="有明确对象", not_use_when="泛泛而谈", example="要加快"
    )
    tag = store.add_annotation(document, child.id, 2, 4, note="标签备忘", annotator="王")
    store.update_tag_memo(tag.id, title="标签标题", note="标签备忘")
    # An untitled tag memo: the selection's Description alone, no Note of its own.
    store.add_annotation(document, parent.id, 4, 8, note="无题备忘", annotator="李")
    store.add_memo(
        "project",
        None,
        "第一天：**读完**",
        title="Day 1",
        author="李",
        created="2024-05-01T08:00:00+00:00",
        modified="2024-05-02T09:30:00+00:00",
    )
    store.add_memo("project", None, "第二天", author="")
    store.add_memo("document", document, "省里通知的转载", title="来源", author="王")
    store.add_memo("label", child.id, "只算有对象的", author="李")


def memos_of(store: Store) -> list[tuple[Any, ...]]:
    """Memos as a round trip must keep them: target (a label by path), title, text, author,
    times; ids are the new project's own."""
    paths = label_paths(store.labels())
    kept = []
    for memo in store.memos():
        target: Any = memo.target_id
        if memo.target == "label" and memo.target_id is not None:
            target = paths[memo.target_id]
        elif memo.target in ("document", "tag") and memo.target_id is not None:
            target = None  # ids differ between projects; the document has one text here
        kept.append(
            (memo.target, target, memo.title, memo.text, memo.author, memo.created, memo.modified)
        )
    return sorted(kept, key=repr)


def entries_of(store: Store) -> dict[str, tuple[str, ...]]:
    paths = label_paths(store.labels())
    return {
        paths[label_id]: (e.definition, e.use_when, e.not_use_when, e.example)
        for label_id, e in store.codebook_entries().items()
    }


def test_qdpx_carries_memos_and_definitions_into_an_empty_project(tmp_path: Path) -> None:
    target = tmp_path / "set.qdpx"
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_qdpx(*exported(source), target)
        expected_memos, expected_entries = memos_of(source), entries_of(source)
    with zipfile.ZipFile(target) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    etree.XMLSchema(etree.parse(str(SCHEMA))).assertValid(project)
    with Store(tmp_path / "b.jiyao") as empty:
        annotated = read_qdpx(target)
        assert annotated.skipped == []
        report = store_annotated_set(empty, annotated)
        assert report.memos_added == 4
        assert ("tag", None, "标签标题", "标签备忘", "王") in [m[:5] for m in expected_memos]
        assert memos_of(empty) == expected_memos
        assert entries_of(empty) == expected_entries
        # Again: nothing added twice.
        assert store_annotated_set(empty, read_qdpx(target)).memos_added == 0
        assert len(empty.memos()) == 6  # four rows and two tags' notes


def test_jsonl_carries_a_documents_memos_in_its_record(tmp_path: Path) -> None:
    target = tmp_path / "set.jsonl"
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_jsonl(*exported(source), target)
    [line] = target.read_text(encoding="utf-8").splitlines()
    [memo] = json.loads(line)["memos"]
    assert memo == {
        "title": "来源",
        "text": "省里通知的转载",
        "author": "王",
        "created": memo["created"],
        "modified": memo["modified"],
    }
    with Store(tmp_path / "b.jiyao") as empty:
        assert store_annotated_set(empty, read_jsonl(target)).memos_added == 1
        [back] = empty.memos("document")
        assert (back.title, back.text, back.author, back.created) == (
            "来源",
            "省里通知的转载",
            "王",
            memo["created"],
        )


def test_a_bad_memo_in_a_jsonl_record_is_reported_and_the_rest_comes_in(tmp_path: Path) -> None:
    target = tmp_path / "set.jsonl"
    record = {
        "text": "会议要求加快复工。",
        "memos": [{"text": " "}, {"text": "好的", "title": "T"}],
    }
    target.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    annotated = read_jsonl(target)
    assert [m.text for m in annotated.documents[0].memos] == ["好的"]
    assert any("memo" in str(problem) and "empty" in str(problem) for problem in annotated.problems)


def test_csv_writes_memos_csv_and_the_codebook_fields(tmp_path: Path) -> None:
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_csv_folder(*exported(source), tmp_path / "out")
    with (tmp_path / "out" / "memos.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["target"], r["target_id"]) for r in rows] == [
        ("project", ""),
        ("project", ""),
        ("label", "要求/落实"),
        ("document", "1"),
        ("tag", "1"),
        ("tag", "2"),
    ]
    assert rows[0]["title"] == "Day 1" and rows[0]["modified"] == "2024-05-02T09:30:00+00:00"
    assert rows[4]["text"] == "标签备忘" and rows[4]["author"] == "王"
    assert (rows[4]["title"], rows[5]["title"]) == ("标签标题", "")
    with (tmp_path / "out" / "annotations.csv").open(encoding="utf-8-sig", newline="") as handle:
        tags = list(csv.DictReader(handle))
    assert [(t["note"], t["note_title"]) for t in tags] == [
        ("标签备忘", "标签标题"),
        ("无题备忘", ""),
    ]
    with (tmp_path / "out" / "codebook.csv").open(encoding="utf-8-sig", newline="") as handle:
        codebook = {row["path"]: row for row in csv.DictReader(handle)}
    assert codebook["要求"]["use_when"] == "有明确对象"
    assert codebook["要求"]["description"] == "上级要求下级做的事"


def test_qdpx_writes_a_titled_tag_memo_as_a_note_its_selection_refers_to(tmp_path: Path) -> None:
    target = tmp_path / "set.qdpx"
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_qdpx(*exported(source), target)
    with zipfile.ZipFile(target) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    q = "{urn:QDA-XML:project:1.0}"
    titled, untitled = project.iter(f"{q}PlainTextSelection")
    [reference] = titled.findall(f"{q}NoteRef")
    [note] = [n for n in project.iter(f"{q}Note") if n.get("guid") == reference.get("targetGUID")]
    assert note.get("name") == "标签标题"
    assert note.findtext(f"{q}PlainTextContent") == titled.findtext(f"{q}Description") == "标签备忘"
    assert untitled.findall(f"{q}NoteRef") == []
    assert untitled.findtext(f"{q}Description") == "无题备忘"
    # The note is the tag's memo, not one more note for it, nor a journal entry.
    [tag, _] = sorted(
        (span for record in read_qdpx(target).documents for span in record.spans),
        key=lambda span: span.start,
    )
    assert (tag.note, tag.note_title) == ("标签备忘", "标签标题")
    assert "标签备忘" not in [memo.text for memo in read_qdpx(target).memos]


def test_jsonl_carries_a_tag_memos_title_both_ways(tmp_path: Path) -> None:
    target = tmp_path / "set.jsonl"
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_jsonl(*exported(source), target)
        expected = [m for m in memos_of(source) if m[0] == "tag"]
    [line] = target.read_text(encoding="utf-8").splitlines()
    titles = [(a["note"], a["note_title"]) for a in json.loads(line)["annotations"]]
    assert titles == [("标签备忘", "标签标题"), ("无题备忘", "")]
    with Store(tmp_path / "b.jiyao") as empty:
        store_annotated_set(empty, read_jsonl(target))
        assert [m for m in memos_of(empty) if m[0] == "tag"] == expected


def test_an_import_counts_or_updates_a_tag_whose_memo_title_differs(tmp_path: Path) -> None:
    target = tmp_path / "set.jsonl"
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_jsonl(*exported(source), target)
        titled = source.memos("tag")[0].target_id
        assert titled is not None
        source.update_tag_memo(titled, title="改过的标题", note="标签备忘")
        assert store_annotated_set(source, read_jsonl(target)).differing == 1
        assert source.tag_memo(titled).title == "改过的标题"
        report = store_annotated_set(source, read_jsonl(target), update_existing=True)
        assert report.updated == 1 and source.tag_memo(titled).title == "标签标题"


def test_qdpx_keeps_journal_entries_in_text_files_as_qualcoder_reads_them(tmp_path: Path) -> None:
    target = tmp_path / "set.qdpx"
    with Store(tmp_path / "a.jiyao") as source:
        fill(source)
        write_qdpx(*exported(source), target)
    q = "{urn:QDA-XML:project:1.0}"
    with zipfile.ZipFile(target) as archive:
        project = etree.fromstring(archive.read("project.qde"))
        referenced = {ref.get("targetGUID") for ref in project.findall(f"{q}NoteRef")}
        journal = [n for n in project.iter(f"{q}Note") if n.get("guid") in referenced]
        texts = {
            note.get("name"): archive.read(f"sources/{note.get('guid')}.txt").decode()
            for note in journal
        }
    assert texts == {"Day 1": "第一天：**读完**", None: "第二天"}
    assert all(note.get("plainTextPath", "").startswith("internal://") for note in journal)
    assert all(note.find(f"{q}PlainTextContent") is None for note in journal)
