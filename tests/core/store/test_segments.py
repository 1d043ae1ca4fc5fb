"""Every tag with its text: cut from the right document's clean text at code points, whatever
the documents between them and however long the text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.core.model import NewDocument
from desktop.core.store import Store

TEXTS = ["𠀀𠀁市长要求复工", "没有标注的文档", "市長要求復工" * 3000, "短"]


def test_texts_are_cut_from_each_documents_clean_text(tmp_path: Path) -> None:
    with Store(tmp_path / "s.jiyao") as store:
        ids = store.add_documents(
            [
                NewDocument(f"第{n}号", t, t, "utf-8", "simplified", metadata={"n": n})
                for n, t in enumerate(TEXTS)
            ]
        )
        label = store.add_label("要求").id
        spans = {0: [(2, 4), (0, 3), (3, 7)], 2: [(17_990, 18_000), (1, 2)], 3: [(0, 1)]}
        for index, pairs in spans.items():
            document_id = ids[index]
            assert document_id is not None
            for start, end in pairs:
                issuer = "市长" if start % 2 else "区长"
                store.add_annotation(document_id, label, start, end, attributes={"issuer": issuer})
        segments = store.coded_segments()
        got = [(s.document_id, s.start, s.end, s.text) for s in segments]
        # Each tag with its own document's variables and its own attributes.
        assert [s.metadata["n"] for s in segments] == [ids.index(s.document_id) for s in segments]
        for segment in segments:
            assert segment.attributes == {"issuer": "市长" if segment.start % 2 else "区长"}
    # By hand: every tag, by document then position, its text sliced from the Python string.
    expected = sorted(
        (ids[index], start, end, TEXTS[index][start:end])
        for index, pairs in spans.items()
        for start, end in pairs
    )
    assert got == expected
    assert got[0][3] == "𠀀𠀁市"
    with Store(tmp_path / "s.jiyao") as store:
        without = store.coded_segments(with_text=False)
        # The same tags, documents and variables, only their words left out.
        assert [replace(s, text="") for s in segments] == without
        # Those of some documents (one without tags among them): the same, and only theirs.
        some = {ids[0], ids[1], ids[3]}
        assert [s for s in segments if s.document_id in some] == store.coded_segments(
            document_ids=some
        )
        assert store.coded_segments(document_ids=set()) == []
        # Stopped after the first document: its tags only.
        asked: list[int] = []
        stopped = store.coded_segments(stop=lambda: asked.append(1) or len(asked) > 1)
        assert stopped == [s for s in segments if s.document_id == ids[0]]
        # Only where the tags are and their labels: the same tags, in the same order.
        assert [
            (t.annotation_id, t.document_id, t.label_id, t.start, t.end) for t in store.tag_spans()
        ] == [(s.annotation_id, s.document_id, s.label_id, s.start, s.end) for s in segments]


def test_a_project_without_tags_has_no_segments(tmp_path: Path) -> None:
    with Store(tmp_path / "e.jiyao") as store:
        store.add_documents([NewDocument("一", "一", "一", "utf-8", "simplified")])
        assert store.coded_segments() == []
