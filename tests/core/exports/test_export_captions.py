"""The codebook and memo documents are captioned in English unless the caller gives the
captions in another language (the window: the interface's) (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.exports.codebook import export_codebook
from desktop.core.exports.memo_export import export_memos
from desktop.core.messages import Message
from desktop.core.model import NewDocument
from desktop.core.store import Store

ENGLISH = ("Codebook", "Key", "Colour", "Definition", "When to use", "When not to use")
MEMO_ENGLISH = ("Memos", "Project journal", "Documents", "Labels", "Tag ", "(document", "changed")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "project.jiyao") as opened:
        text = "会议要求各地加快复工复产。"
        document = opened.add_document(
            NewDocument(
                title="通知", raw_text=text, clean_text=text, encoding="utf-8", script="simplified"
            )
        )
        assert document is not None
        label = opened.add_label("要求", color="#d1495b", shortcut="2", description="上级要求")
        opened.set_codebook_entry(label.id, use_when="有对象", not_use_when="泛泛", example="例")
        tag = opened.add_annotation(document, label.id, 2, 4, note="标注备忘")
        opened.add_memo("project", None, "日记", author="甲")
        opened.add_memo("document", document, "文档备忘", author="甲")
        opened.add_memo("label", label.id, "标签备忘", author="甲")
        opened.db.execute("UPDATE memos SET modified_at = '2031-01-01T00:00:00'")
        assert tag.id
        yield opened


def bracketed(message: Message) -> str:
    """A stand-in language: the template in brackets, its fields filled."""
    return "⟦" + message.template.format(*message.args, **message.kwargs) + "⟧"


def test_the_codebook_is_english_by_default_and_in_the_callers_words_when_given(
    store: Store, tmp_path: Path
) -> None:
    export_codebook(store, tmp_path / "english.md")
    english = (tmp_path / "english.md").read_text(encoding="utf-8")
    assert all(caption in english for caption in ENGLISH)
    export_codebook(store, tmp_path / "other.md", bracketed)
    other = (tmp_path / "other.md").read_text(encoding="utf-8")
    assert "⟦Codebook: " in other and "**⟦When not to use⟧:** 泛泛" in other
    assert "**⟦Tags⟧:** 1" in other
    assert "**Key" not in other and "**Example" not in other


def test_the_memo_document_is_english_by_default_and_in_the_callers_words_when_given(
    store: Store, tmp_path: Path
) -> None:
    export_memos(store, tmp_path / "english.md")
    english = (tmp_path / "english.md").read_text(encoding="utf-8")
    assert all(caption in english for caption in MEMO_ENGLISH)
    export_memos(store, tmp_path / "other.md", bracketed)
    other = (tmp_path / "other.md").read_text(encoding="utf-8")
    for caption in ("⟦Memos⟧", "⟦Project journal⟧", "⟦Documents⟧", "⟦Labels⟧", "⟦Tag 1: "):
        assert caption in other
    assert "⟦通知 (document 1)⟧" in other and "⟦ (changed 2031-01-01 00:00)⟧" in other
