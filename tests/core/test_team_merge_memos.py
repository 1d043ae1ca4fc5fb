"""Merging coder projects keeps every coder's memos with their author (issues 16 and 20)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.store import Store
from desktop.core.team import assign, merge
from tests.core.test_team_merge import code, make_team


def coders_with_memos(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "source.jiyao"
    make_team(source, documents=4)
    with Store(source) as store:
        assign(store, ["甲", "乙"], tmp_path / "out", overlap=0.5, seed=3)
    first, second = tmp_path / "out" / "甲.jiyao", tmp_path / "out" / "乙.jiyao"
    code(first, "", "要求", [(0, 4)])
    code(second, "乙", "要求", [(2, 7)])
    with Store(first) as coder:
        document = coder.document_ids()[0]
        label = next(label for label in coder.labels() if label.name == "财政")
        coder.add_memo("project", None, "第一周：先读通知类", title="日志")  # nameless: 甲's
        coder.add_memo("document", document, "这是省里文件的转发", author="甲")
        coder.add_memo("label", label.id, "只算有明确对象的措施")
        tag = coder.find_annotations()[0]
        coder.update_tag_memo(tag.id, title="含糊之处", note="此处要求含糊")
    with Store(second) as coder:
        coder.add_memo("project", None, "乙的日志", author="乙")
    return first, second


def test_merge_carries_memos_with_their_author_and_target(tmp_path: Path) -> None:
    first, second = coders_with_memos(tmp_path)
    with Store(first, read_only=True) as coder:
        document = coder.document(coder.document_ids()[0])
    with Store(tmp_path / "team.jiyao") as store:
        outcomes = merge(store, [first, second])
        assert [outcome.memos_added for outcome in outcomes] == [3, 1]
        memos = {memo.text: memo for memo in store.memos()}
        journal = memos["第一周：先读通知类"]
        assert (journal.target, journal.title, journal.author) == ("project", "日志", "甲")
        assert memos["乙的日志"].author == "乙"
        on_document = memos["这是省里文件的转发"]
        assert on_document.target == "document" and on_document.author == "甲"
        assert store.document(on_document.target_id).clean_text == document.clean_text
        on_label = memos["只算有明确对象的措施"]
        assert on_label.target == "label" and on_label.author == "甲"
        assert on_label.target_id == store.label_id_for_path("措施/财政")
        # A tag's memo is its note: it comes with the tag, by its coder.
        tag_memo = memos["此处要求含糊"]
        assert tag_memo.target == "tag" and tag_memo.author == "甲"
        assert tag_memo.title == "含糊之处"


def test_merging_the_same_file_twice_adds_no_memo_twice(tmp_path: Path) -> None:
    first, second = coders_with_memos(tmp_path)
    with Store(tmp_path / "team.jiyao") as store:
        merge(store, [first, second])
        before = store.memos()
        again = merge(store, [first, second])
        assert [outcome.memos_added for outcome in again] == [0, 0]
        assert store.memos() == before
