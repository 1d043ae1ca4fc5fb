"""brat standoff: every T line slices its .txt to the recorded text, the confs give back the
label hierarchy, and a round trip keeps tags, notes, attributes and document details."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import (
    ASTRAL,
    FIRST_TAG_TW,
    LENGTH_CHANGING,
    add_text,
    exported,
    import_twice,
    snapshot,
)

from desktop.core.exports.brat import ENTITY_PARENT, write_brat
from desktop.core.exports.brat_reader import read_brat
from desktop.core.exports.importing import Problem, UnreadableSet, store_annotated_set
from desktop.core.exports.selection import label_paths
from desktop.core.labels import AttributeSpec
from desktop.core.model import NewDocument
from desktop.core.store import Store

T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")


def _t_lines(ann: Path) -> list[tuple[str, str, list[tuple[int, int]], str]]:
    lines = []
    for line in ann.read_text(encoding="utf-8").split("\n"):
        match = T_LINE.fullmatch(line)
        if match:
            tag_id, type_name, offsets, text = match.groups()
            pairs = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
            lines.append((tag_id, type_name, pairs, text))
    return lines


def _assert_t_lines_slice_their_text(folder: Path) -> int:
    """Every fragment of every T line slices the .txt to its piece of the recorded text."""
    checked = 0
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for _tag_id, _type, pairs, recorded in _t_lines(ann):
            assert " ".join(text[start:end] for start, end in pairs) == recorded
            checked += 1
    return checked


def test_a_round_trip_keeps_tags_notes_attributes_and_documents(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    assert write_brat(*exported(sample_store), first) == 6
    annotated = read_brat(first)
    assert annotated.format == "brat" and annotated.problems == []
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [] and report.annotations_added == 6
    assert report.documents_added == 3
    assert "Support measures/Labour" in report.labels_added
    assert snapshot(empty_store) == snapshot(sample_store)
    colors = {label.name: label.color for label in sample_store.labels()}
    assert {label.name: label.color for label in empty_store.labels()} == colors
    assert empty_store.attributes() == sample_store.attributes()
    second = tmp_path / "second"
    write_brat(*exported(empty_store), second)
    names = sorted(path.name for path in first.iterdir())
    assert sorted(path.name for path in second.iterdir()) == names
    for name in names:  # the attribute declarations too: their definitions came back
        assert _read(second / name) == _read(first / name), name


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_metadata_records_each_attributes_definition_and_the_reader_restores_it(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    metadata = json.loads(_read(tmp_path / "out" / "metadata.json"))
    strength = next(spec for spec in sample_store.attributes() if spec.name == "strength")
    assert metadata["attribute_specs"]["strength"] == {
        "name": "strength",
        "label": "Strength",
        "kind": "choice",
        "values": ["mandatory", "directive", "advisory"],
        "description": strength.description,
    }
    assert metadata["attribute_specs"]["issuer"]["suggest_from"] == "PERSON"
    annotated = read_brat(tmp_path / "out")
    assert annotated.attributes == sample_store.attributes()  # in the project's order
    store_annotated_set(empty_store, annotated)
    assert empty_store.attributes() == sample_store.attributes()


def test_an_attribute_definition_jiyao_cannot_use_is_reported_and_left_out(
    sample_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    path = tmp_path / "out" / "metadata.json"
    metadata = json.loads(_read(path))
    metadata["attribute_specs"]["strength"]["kind"] = "number"
    metadata["attribute_specs"]["deadline"]["values"] = "2020"
    path.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    annotated = read_brat(tmp_path / "out")
    assert [spec.name for spec in annotated.attributes] == ["issuer", "addressee"]
    assert [(p.where, p.reason.split(":")[0]) for p in annotated.problems] == [
        ("metadata.json", "attribute_specs"),
        ("metadata.json", "attribute_specs"),
    ]


def test_importing_the_same_set_twice_adds_nothing(
    sample_store: Store, empty_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "set")
    again = import_twice(empty_store, lambda: read_brat(tmp_path / "set"))
    assert (again.documents_added, again.annotations_added, again.labels_added) == (0, 0, [])
    assert again.documents_matched == 3 and again.duplicates == 6


def test_every_t_line_slices_its_text_to_the_recorded_text(
    sample_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    assert _assert_t_lines_slice_their_text(tmp_path / "out") == 6
    assert (tmp_path / "out" / "0001.txt").read_bytes().startswith("𠮷".encode())  # no BOM


def test_the_span_after_an_astral_character_counts_it_as_one(
    sample_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    [labour] = [t for t in _t_lines(tmp_path / "out" / "0001.ann") if t[1] == "Labour"]
    start = ASTRAL.index("要做好")
    assert labour[2:] == ([(start, start + 9)], "要做好安全生产工作")
    assert start == len("𠮷野家会议指出，")  # code points: 𠮷 is one, not a surrogate pair
    [span] = [s for s in read_brat(tmp_path / "out").documents[0].spans if s.note]
    assert (span.start, span.end, span.text) == (start, start + 9, "要做好安全生产工作")


def test_a_converted_export_slices_the_converted_text(sample_store: Store, tmp_path: Path) -> None:
    documents, codebook = exported(sample_store, text="converted", conversion="s2twp")
    write_brat(documents, codebook, tmp_path / "out")
    assert _assert_t_lines_slice_their_text(tmp_path / "out") == 6
    converted = (tmp_path / "out" / "0002.txt").read_text(encoding="utf-8")
    assert len(converted) != len(LENGTH_CHANGING)
    texts = [t[3] for t in _t_lines(tmp_path / "out" / "0002.ann")]
    assert FIRST_TAG_TW in texts
    [document] = [d for d in read_brat(tmp_path / "out").documents if d.title == "信息安全会议"]
    assert document.text == converted and document.script == "traditional"  # as written


def test_the_confs_give_back_the_label_hierarchy_names_and_colours(
    sample_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    assert "Support_measures\n\tFunds_and_finance\n\tLabour\n" in conf
    assert "strength\tArg:<ENTITY>, Value:mandatory|directive|advisory" in conf
    assert "issuer\tArg:<ENTITY>, Value:会议%20主席|張愛軍" in conf  # values seen, escaped
    visual = (tmp_path / "out" / "visual.conf").read_text(encoding="utf-8")
    assert "Support_measures | Support measures\n" in visual
    assert "Labour\tbgColor:#34a0a4\n" in visual
    labels = read_brat(tmp_path / "out").labels
    expected = label_paths(sample_store.labels())
    assert sorted(label.path for label in labels) == sorted(expected.values())
    by_path = {label.path: label for label in labels}
    labour = by_path["Support measures/Labour"]
    assert (labour.color, labour.description) == ("#34a0a4", "用工、返岗")


def test_a_note_with_tab_and_newline_and_a_value_with_a_space_survive(
    sample_store: Store, tmp_path: Path
) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    ann = (tmp_path / "out" / "0001.ann").read_text(encoding="utf-8")
    assert "#1\tAnnotatorNotes T1\t要… with a space,%09a tab%0Aand a new line\n" in ann
    assert "\tissuer T1 会议%20主席\n" in ann
    assert all(line.count("\t") <= 2 for line in ann.split("\n"))
    [span] = [s for s in read_brat(tmp_path / "out").documents[0].spans if s.note]
    assert span.note == "要… with a space,\ta tab\nand a new line"
    assert span.attributes == {"strength": "directive", "issuer": "会议 主席"}


def test_a_list_attribute_is_one_a_line_per_value(sample_store: Store, tmp_path: Path) -> None:
    write_brat(*exported(sample_store), tmp_path / "out")
    ann = (tmp_path / "out" / "0003.ann").read_text(encoding="utf-8")
    assert "\taddressee T1 各區\n" in ann and "\taddressee T1 各部門\n" in ann
    [span] = read_brat(tmp_path / "out").documents[2].spans
    assert span.attributes["addressee"] == ["各區", "各部門"]


def test_a_tag_across_a_line_break_is_a_discontinuous_span(
    empty_store: Store, tmp_path: Path
) -> None:
    document_id = add_text(empty_store, "第一段\n要做好\n\n安全工作。")
    label = empty_store.add_label("Labour")
    empty_store.add_annotation(document_id, label.id, 4, 13)  # 要做好\n\n安全工作
    empty_store.add_annotation(document_id, label.id, 3, 7)  # \n要做好: a break at one end
    write_brat(*exported(empty_store), tmp_path / "out")
    lines = (tmp_path / "out" / "0001.ann").read_text(encoding="utf-8").split("\n")
    assert lines[:2] == ["T1\tLabour 4 7\t要做好", "T2\tLabour 4 7;9 13\t要做好 安全工作"]
    _assert_t_lines_slice_their_text(tmp_path / "out")
    spans = read_brat(tmp_path / "out").documents[0].spans
    assert [(s.start, s.end, s.text) for s in spans] == [(3, 7, None), (4, 13, None)]


def test_label_names_become_unique_brat_types_and_come_back(
    empty_store: Store, tmp_path: Path
) -> None:
    document_id = add_text(empty_store, "要做好安全生产工作。")
    names = ["复工 复产", "复工|复产", "DATE", "Work and production", "Work_and_production"]
    labels = [empty_store.add_label(name) for name in names]
    for number, label in enumerate(labels):
        attributes = {"发文 机关": "市政府"} if number == 0 else {}
        empty_store.add_annotation(document_id, label.id, 0, number + 1, attributes=attributes)
    write_brat(*exported(empty_store), tmp_path / "out")
    types = [t[1] for t in _t_lines(tmp_path / "out" / "0001.ann")]
    assert len(set(types)) == 5 and all(re.fullmatch(r"[A-Za-z0-9_-]+", t) for t in types)
    assert "DATE" not in types  # kept for the entity layer
    assert "A1\tAttribute T1 市政府\n" in _read(tmp_path / "out" / "0001.ann")
    spans = read_brat(tmp_path / "out").documents[0].spans
    assert [span.label for span in spans] == names
    assert spans[0].attributes == {"发文 机关": "市政府"}


def test_the_entity_layer_is_written_and_skipped_on_read(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store, entities=True)
    entities = sum(len(d.entities) for d in documents)
    assert entities > 0
    assert write_brat(documents, codebook, tmp_path / "out") == 6
    conf = (tmp_path / "out" / "annotation.conf").read_text(encoding="utf-8")
    assert f"!{ENTITY_PARENT}\n\t" in conf
    assert _assert_t_lines_slice_their_text(tmp_path / "out") == 6 + entities
    annotated = read_brat(tmp_path / "out")
    assert sum(len(d.spans) for d in annotated.documents) == 6
    assert annotated.skipped == [
        f"{entities} entity-layer spans (the entity layer is not imported as tags)"
    ]
    assert all("PERSON" not in label.path for label in annotated.labels)


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_malformed_lines_are_named_and_the_valid_ones_import(
    empty_store: Store, tmp_path: Path
) -> None:
    folder = _write(
        tmp_path / "bad",
        {
            "a.txt": "要做好安全生产工作。",
            "a.ann": "\n".join(
                [
                    "T1\tDirective 0 3\t要做好",
                    "T2\tDirective 0 x\t要做好",
                    "T3 Directive 0 3 要做好",
                    "A1\tStrength T9 mandatory",
                    "A2\tStrength T1 mandatory",
                    "R1\tIssuer Arg1:T1 Arg2:T4",
                    "T4\tDirective 3 5\t安全",
                    "X1\tsomething",
                    "T5\tDirective 5 7\t错误",
                    "#1\tAnnotatorNotes T1\tfrom another tool",
                    "",
                ]
            ),
            "orphan.ann": "T1\tDirective 0 1\t要\n",
        },
    )
    annotated = read_brat(folder)
    assert [(p.where, p.reason.split(" ")[0]) for p in annotated.problems] == [
        ("a.ann line 2", "a"),
        ("a.ann line 3", "not"),
        ("a.ann line 8", "unknown"),
        ("a.ann line 4", "T9"),
        ("orphan.ann", "no"),
    ]
    assert annotated.skipped == [
        "1 relation, event, normalisation and equivalence lines (R, E, N, *)"
    ]
    [document] = annotated.documents
    assert document.title == "a"
    report = store_annotated_set(empty_store, annotated)
    assert report.annotations_added == 2
    assert Problem("a.ann line 9", "span 5-7 covers '生产', not '错误'") in report.problems
    [first, second] = empty_store.annotations(empty_store.document_ids()[0])
    assert (first.label, first.attributes, first.note) == (
        "Directive",
        {"Strength": "mandatory"},
        "from another tool",
    )
    assert (second.start, second.end) == (3, 5)


def test_a_folder_from_another_tool_uses_type_names_and_keeps_percent_signs(
    tmp_path: Path,
) -> None:
    folder = _write(
        tmp_path / "other",
        {
            "doc.txt": "降低50%以上。\r\n要做好。",  # brat reads universal newlines
            "doc.ann": "T1\tRate 2 5\t50%\nA1\tNote T1 50%25\nM1\tNegated T1\n"
            "T2\tTask 8 11\t要做好\n",
        },
    )
    annotated = read_brat(folder)
    [rate, task] = annotated.documents[0].spans
    assert (rate.label, rate.text) == ("Rate", "50%")
    assert rate.attributes == {"Note": "50%25", "Negated": True}
    assert (task.label, task.start, task.text) == ("Task", 8, "要做好")
    assert annotated.labels == [] and annotated.documents[0].title == "doc"


def test_another_tools_confs_give_hierarchy_names_and_colours(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "other",
        {
            "doc.txt": "要做好。",
            "doc.ann": "T1\tEnzyme 0 3\t要做好\nE1\tBinding:T2 Theme:T1\nT2\tBinding 3 4\t。\n",
            "annotation.conf": "[entities]\n!Physical\n\tProtein\n\t\tEnzyme\n-----\nOther\n"
            "[events]\nBinding\tTheme:Protein\n[relations]\n[attributes]\n",
            "visual.conf": "[labels]\nProtein | Protein molecule | Pro\n"
            "[drawing]\nEnzyme\tfgColor:black, bgColor:#7fa2ff\n",
        },
    )
    annotated = read_brat(folder)
    assert [(label.path, label.color) for label in annotated.labels] == [
        ("Physical", ""),
        ("Physical/Protein molecule", ""),
        ("Physical/Protein molecule/Enzyme", "#7fa2ff"),
        ("Other", ""),
    ]
    [span] = annotated.documents[0].spans
    assert span.label == "Physical/Protein molecule/Enzyme"
    assert sorted(annotated.skipped) == [
        "1 event trigger spans",
        "1 relation, event, normalisation and equivalence lines (R, E, N, *)",
    ]


def test_another_tools_attributes_come_from_annotation_conf_as_choices(
    empty_store: Store, tmp_path: Path
) -> None:
    folder = _write(
        tmp_path / "other",
        {
            "doc.txt": "要做好安全工作。",
            "doc.ann": "T1\tTask 0 3\t要做好\nA1\tConfidence T1 High\nA2\tNegated T1\n"
            "A3\tManner T1 Low\n",
            "annotation.conf": "[entities]\nTask\n[relations]\n[events]\nBinding\tTheme:Task\n"
            "[attributes]\n"
            "Confidence\tArg:<ENTITY>, Value:High|Neutral|Low\n"
            "Negated\tArg:<ENTITY>\n"
            "!Manner Arg:Task, High:↑, Low:↓, Neutral:↔, <DEFAULT>:Neutral\n"
            "Negation\tArg:<EVENT>\n"
            "Speculation\tArg:Binding\n",
            "visual.conf": "[labels]\nConfidence | Confidence level\n",
        },
    )
    annotated = read_brat(folder)
    assert annotated.problems == []
    assert annotated.attributes == [
        AttributeSpec("Confidence", "Confidence level", "choice", ("High", "Neutral", "Low")),
        AttributeSpec(
            "Negated", "Negated", "text", description="a brat binary flag: true when set"
        ),
        AttributeSpec("Manner", "Manner", "choice", ("High", "Low", "Neutral")),
    ]
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [] and report.annotations_added == 1
    assert empty_store.attributes() == annotated.attributes
    [tag] = empty_store.annotations(empty_store.document_ids()[0])
    assert tag.attributes == {"Confidence": "High", "Negated": True, "Manner": "Low"}


def test_what_is_not_a_brat_folder_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "file.ann").write_text("T1\tX 0 1\tx\n", encoding="utf-8")
    with pytest.raises(UnreadableSet, match="not a folder"):
        read_brat(tmp_path / "file.ann")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UnreadableSet, match=r"no \.ann files"):
        read_brat(tmp_path / "empty")


def test_metadata_records_the_offsets_and_each_documents_fingerprint(
    sample_store: Store, tmp_path: Path
) -> None:
    documents, codebook = exported(sample_store)
    write_brat(documents, codebook, tmp_path / "out")
    metadata = json.loads((tmp_path / "out" / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["offsets"].startswith("Unicode code points")
    assert metadata["documents"]["0001"]["text_sha256"] == documents[0].text_sha256
    assert metadata["documents"]["0001"]["title"] == "吉野家会议"
    assert "code points" in (tmp_path / "out" / "README.txt").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".out.*"))  # the staging folder is gone


def test_a_crlf_folder_counts_each_carriage_return_as_brat_does(
    empty_store: Store, tmp_path: Path
) -> None:
    text = "第一行\r\n要做好安全\r\n生产工作。"
    ann = "T1\tDirective 5 10\t要做好安全\r\nT2\tDirective 8 10;12 16\t安全 生产工作\r\n"
    folder = tmp_path / "crlf"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text.encode("utf-8"))
    (folder / "a.ann").write_bytes(ann.encode("utf-8"))
    annotated = read_brat(folder)
    assert annotated.problems == []
    [document] = annotated.documents
    assert document.text == text
    assert [(s.start, s.end, s.text) for s in document.spans] == [
        (5, 10, "要做好安全"),
        (8, 16, None),
    ]
    report = store_annotated_set(empty_store, annotated)
    assert report.problems == [] and report.annotations_added == 2
    tags = empty_store.annotations(empty_store.document_ids()[0])
    # The clean text gets \n line ends, as in a plain text import; the spans move along.
    assert empty_store.document(empty_store.document_ids()[0]).clean_text == text.replace("\r", "")
    assert [t.text for t in tags] == ["要做好安全", "安全\n生产工作"]


def test_a_text_with_carriage_returns_round_trips(empty_store: Store, tmp_path: Path) -> None:
    text = "第一段\r要做好\r\n安全工作。"
    document_id = empty_store.add_document(NewDocument("回车", text, text, "utf-8", "simplified"))
    assert document_id is not None
    label = empty_store.add_label("Labour")
    empty_store.add_annotation(document_id, label.id, 4, 13)  # 要做好\r\n安全工作
    empty_store.add_annotation(document_id, label.id, 0, 4)  # 第一段\r: a break at the end
    write_brat(*exported(empty_store), tmp_path / "out")
    _assert_t_lines_slice_their_text_as_brat_reads_it(tmp_path / "out")
    with Store(tmp_path / "back.jiyao") as back:
        report = store_annotated_set(back, read_brat(tmp_path / "out"))
        assert report.problems == [] and report.documents_added == 1
        [back_id] = back.document_ids()
        # A new project gets \n line ends, with the spans carried along ...
        assert back.document(back_id).clean_text == "第一段\n要做好\n安全工作。"
        tags = {(a.start, a.end, a.text) for a in back.annotations(back_id)}
        assert tags == {(4, 12, "要做好\n安全工作"), (0, 4, "第一段\n")}
    # ... and the project it came from finds its document, \r and all.
    again = store_annotated_set(empty_store, read_brat(tmp_path / "out"))
    assert (again.documents_matched, again.duplicates, again.problems) == (1, 2, [])


def _assert_t_lines_slice_their_text_as_brat_reads_it(folder: Path) -> None:
    for ann in sorted(folder.glob("*.ann")):
        with ann.with_suffix(".txt").open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        for _tag_id, _type, pairs, recorded in _t_lines(ann):
            assert " ".join(text[start:end] for start, end in pairs) == recorded


def test_a_discontinuous_span_over_other_text_is_refused(
    empty_store: Store, tmp_path: Path
) -> None:
    folder = _write(
        tmp_path / "gaps",
        {
            "a.txt": "要做好\n安全工作。",
            "a.ann": "T1\tDirective 0 3;4 8\t要做好 安全工作\nT2\tDirective 0 2;4 6\t完全 不同\n",
        },
    )
    annotated = read_brat(folder)
    assert annotated.problems == [
        Problem("a.ann line 2", "its fragments 0 2;4 6 cover '要做 安全', not '完全 不同'")
    ]
    assert [(s.start, s.end) for s in annotated.documents[0].spans] == [(0, 8)]


def test_a_second_export_keeps_what_the_user_added_to_the_first(
    sample_store: Store, tmp_path: Path
) -> None:
    from desktop.core.exports.formats import export_project
    from desktop.core.exports.output import FolderInUse

    folder = tmp_path / "brat"
    export_project(sample_store, "brat", folder)
    (folder / "my_notes.txt").write_text("mine", encoding="utf-8")
    ann = next(folder.glob("*.ann"))
    with ann.open("a", encoding="utf-8") as handle:
        handle.write("T99\tOther 0 2\t𠮷野\n")
    with pytest.raises(FolderInUse, match=rf"{ann.name}, my_notes.txt"):
        export_project(sample_store, "brat", folder)
    assert (folder / "my_notes.txt").exists() and "T99" in ann.read_text(encoding="utf-8")
    (folder / "my_notes.txt").unlink()
    ann.write_text(ann.read_text(encoding="utf-8").replace("T99\tOther 0 2\t𠮷野\n", ""), "utf-8")
    export_project(sample_store, "brat", folder)  # as Jiyao wrote it again: replaced


def test_fragments_with_text_between_them_become_linked_tags_not_one_over_the_gap(
    empty_store: Store, tmp_path: Path
) -> None:
    folder = _write(
        tmp_path / "gaps",
        {
            "a.txt": "市政府和区政府要做好工作。",
            "a.ann": "T5\tORG 0 2;4 6\t市政 区政\n"
            "A1\tstrength T5 mandatory\n"
            "#1\tAnnotatorNotes T5\t两个机关\n",
        },
    )
    annotated = read_brat(folder)
    assert annotated.problems == []
    spans = annotated.documents[0].spans
    assert [(s.start, s.end) for s in spans] == [(0, 2), (4, 6)]
    assert [s.note for s in spans] == [
        "fragment 1 of 2 of the discontinuous brat span T5\n两个机关",
        "fragment 2 of 2 of the discontinuous brat span T5\n两个机关",
    ]
    assert all(s.attributes == {"strength": "mandatory"} for s in spans)
    assert any("1 discontinuous spans" in line for line in annotated.skipped)
    report = store_annotated_set(empty_store, annotated)
    tags = empty_store.annotations(empty_store.document_ids()[0])
    assert report.annotations_added == 2 and [t.text for t in tags] == ["市政", "区政"]


def test_notes_and_attributes_on_relation_and_event_lines_are_reported(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "relations",
        {
            "a.txt": "市政府要做好工作。",
            "a.ann": "T1\tORG 0 3\t市政府\nT2\tORG 4 6\t做好\n"
            "R1\tRel Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes R1\t关系的批注\n"
            "A1\tNegated R1\n",
        },
    )
    annotated = read_brat(folder)
    assert annotated.problems == []
    assert annotated.skipped == [
        "1 relation, event, normalisation and equivalence lines (R, E, N, *)",
        "1 attributes on skipped lines (relations, events, entity layer)",
        "1 notes on skipped lines (relations, events, entity layer)",
    ]
