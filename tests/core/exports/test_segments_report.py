"""The coded segments report in each of its formats, read back and compared with the tags."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.core.exports.segments_report import FORMATS, rows, write_report
from desktop.core.model import NewDocument
from desktop.core.store import Store

TEXT = "𠀀市长要求=SUM(A1)复工\x01复产"


def project(path: Path) -> Store:
    store = Store(path)
    (document,) = store.add_documents(
        [
            NewDocument(
                title="第1号",
                raw_text=TEXT,
                clean_text=TEXT,
                encoding="utf-8",
                script="simplified",
                date="2020-03-05",
                metadata={"city": "宿迁"},
            )
        ]
    )
    assert document is not None
    parent = store.add_label("指令").id
    demand = store.add_label("要求", parent_id=parent).id
    store.add_annotation(
        document, demand, 3, 13, attributes={"issuer": "市长"}, note="<b>注意</b>", annotator="甲"
    )
    store.add_annotation(document, demand, 13, 17, attributes={"addressee": ["区", "县"]})
    return store


def test_xlsx_holds_the_csv_rows_with_numbers_and_text_kept_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
    target = tmp_path / "segments.xlsx"
    write_report(target, segments, labels)
    sheet = load_workbook(target).active
    assert sheet is not None
    got = [list(row) for row in sheet.iter_rows(values_only=True)]
    expected = rows(segments, labels)
    assert got[0] == expected[0]
    assert [row[0] for row in got[1:]] == [1, 1]  # the document id, a number
    texts = [row[expected[0].index("text")] for row in got[1:]]
    # By hand from the clean text (code points, the astral character first): a formula's
    # look-alike stays text, the control character Excel refuses becomes U+FFFD.
    assert texts == [TEXT[3:13], TEXT[13:17].replace("\x01", "\ufffd")]
    assert got[1][expected[0].index("city")] == "宿迁"
    assert got[2][expected[0].index("addressee")] == "区; 县"


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_reports_to_send_quote_each_tag_under_its_label(tmp_path: Path, suffix: str) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
    target = tmp_path / f"report{suffix}"
    write_report(target, segments, labels, "labels 指令")
    if suffix == ".docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    else:
        text = target.read_text(encoding="utf-8")
    assert "指令/要求 (2)" in text
    assert "要求=SUM(A1)" in text
    assert "city: 宿迁" in text
    assert "labels 指令" in text
    if suffix == ".html":
        assert "&lt;b&gt;注意&lt;/b&gt;" in text  # a note's markup shown, never run
        assert "<b>注意</b>" not in text


def test_csv_and_an_unknown_suffix(tmp_path: Path) -> None:
    with project(tmp_path / "p.jiyao") as store:
        segments, labels = store.coded_segments(), store.labels()
    target = tmp_path / "s.csv"
    write_report(target, segments, labels)
    with target.open(encoding="utf-8-sig", newline="") as file:
        assert list(csv.reader(file)) == rows(segments, labels)
    with pytest.raises(ValueError, match=r"\.xlsx"):
        write_report(tmp_path / "s.txt", segments, labels)
    assert not (tmp_path / "s.txt").exists()
    assert ".xlsx" in FORMATS


def test_a_cell_starting_with_equals_stays_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.core.exports.xlsx_table import write_xlsx

    target = tmp_path / "t.xlsx"
    write_xlsx(target, [["a", "b", "c"], ["=SUM(1,2)", 3, "x\x02" + "长" * 40_000]], "t")
    sheet = load_workbook(target).active
    assert sheet is not None
    formula_like, number, long = sheet["A2"], sheet["B2"], sheet["C2"]
    assert (formula_like.value, formula_like.data_type) == ("=SUM(1,2)", "s")
    assert number.value == 3
    assert long.value.startswith("x\ufffd长") and len(long.value) == 32_767
    assert sheet["A1"].font.b


def test_the_report_gives_each_tag_its_note_and_the_notes_title(tmp_path: Path) -> None:
    """A tag's memo is its note with a title (issue 20): both in the table and the report."""
    from conftest import add_text

    with Store(tmp_path / "p.jiyao") as store:
        document = add_text(store, "会议要求各地加快复工复产。")
        label = store.add_label("要求")
        titled = store.add_annotation(document, label.id, 2, 4, note="有对象")
        store.update_tag_memo(titled.id, title="对象明确", note="有对象")
        store.add_annotation(document, label.id, 6, 8, note="无题")
        store.add_annotation(document, label.id, 8, 10)
        segments, labels = store.coded_segments(), store.labels()
    header, *table = rows(segments, labels)
    notes = [(row[header.index("note")], row[header.index("note_title")]) for row in table]
    assert notes == [("有对象", "对象明确"), ("无题", ""), ("", "")]
    write_report(tmp_path / "r.md", segments, labels)
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "对象明确: 有对象" in report and "无题" in report
