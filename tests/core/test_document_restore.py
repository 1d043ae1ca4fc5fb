"""Undoing a document deletion after the background analysis has stored other entities."""

from __future__ import annotations

from pathlib import Path

from desktop.core.model import Entity, NewDocument
from desktop.core.store import Store


def _document(text: str) -> NewDocument:
    return NewDocument(
        title=text, raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
    )


def test_a_deleted_document_comes_back_after_new_entities_took_its_entity_ids(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "restore.jiyao") as store:
        first = store.add_document(_document("张三在北京开会。"))
        second = store.add_document(_document("李四在上海讲话。"))
        assert first is not None and second is not None
        store.replace_pipeline_entities(first, [Entity("PERSON", 0, 2, "张三")], 1)
        deleted = store.delete_documents([first])
        # The second document is analysed meanwhile: its entities get the freed ids.
        store.replace_pipeline_entities(second, [Entity("PERSON", 0, 2, "李四")], 1)
        store.restore_documents(deleted)
        assert [e.text for e in store.entities(first)] == ["张三"]
        assert [e.text for e in store.entities(second)] == ["李四"]
