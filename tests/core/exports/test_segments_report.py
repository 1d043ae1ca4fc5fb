"""The coded segments report carries a tag's memo: its note and the note's title (issue 20)."""

from __future__ import annotations

from pathlib import Path

from conftest import add_text

from desktop.core.exports.segments_report import markdown, rows
from desktop.core.store import Store


def test_the_report_gives_each_tag_its_note_and_the_notes_title(tmp_path: Path) -> None:
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
    report = markdown(segments, labels)
    assert "**对象明确** *有对象*" in report and "  *无题*" in report
