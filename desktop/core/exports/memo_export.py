"""All memos as one document (Markdown, HTML or Word), grouped by what they are on: the
project's journal, then each document, label and tag; a tag's memo comes after the words it
is on, quoted. Its captions are core Messages: English unless the caller passes ``say``,
which gives them in its language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.core.exports.rich_text import (
    Block,
    Heading,
    Paragraph,
    Quote,
    check_suffix,
    write_document,
)
from desktop.core.exports.selection import label_paths
from desktop.core.memos import Memo
from desktop.core.messages import QT_TRANSLATE_NOOP, Message
from desktop.core.store import Store

MEMO_SUFFIXES = (".md", ".html", ".docx")
# A caption in the document's language: English (``str``) unless the caller translates.
Say = Callable[[Message], str]
_SECTIONS = {
    "project": QT_TRANSLATE_NOOP("MemoDocument", "Project journal"),
    "document": QT_TRANSLATE_NOOP("MemoDocument", "Documents"),
    "label": QT_TRANSLATE_NOOP("MemoDocument", "Labels"),
    "tag": QT_TRANSLATE_NOOP("MemoDocument", "Tags"),
}


def export_memos(store: Store, target: Path, say: Say = str) -> int:
    """Write every memo to ``target`` (.md, .html, .docx); returns how many. ``say`` gives
    the captions (default English)."""
    check_suffix(target, MEMO_SUFFIXES)
    memos = store.memos()
    title = say(QT_TRANSLATE_NOOP("MemoDocument", "Memos"))
    write_document(title, memo_blocks(store, memos, say), target)
    return len(memos)


def memo_blocks(store: Store, memos: Sequence[Memo], say: Say = str) -> list[Block]:
    paths = label_paths(store.labels())
    blocks: list[Block] = []
    if not memos:
        blocks.append(
            Paragraph(say(QT_TRANSLATE_NOOP("MemoDocument", "The project has no memos yet.")))
        )
    section = ""
    target: tuple[str, int | None] | None = None
    for memo in memos:
        if memo.target != section:
            section = memo.target
            blocks.append(Heading(1, say(_SECTIONS[section])))
        if memo.target != "project" and (memo.target, memo.target_id) != target:
            target = (memo.target, memo.target_id)
            blocks += _target_heading(store, memo, paths, say)
        blocks += _memo_blocks(memo, say)
    return blocks


def _target_heading(store: Store, memo: Memo, paths: dict[int, str], say: Say) -> list[Block]:
    assert memo.target_id is not None
    if memo.target == "document":
        title, _status = store.document_title_and_status(memo.target_id)
        caption = QT_TRANSLATE_NOOP("MemoDocument", "{0} (document {1})")
        return [Heading(2, say(caption.format(title, memo.target_id)))]
    if memo.target == "label":
        return [Heading(2, paths.get(memo.target_id, str(memo.target_id)))]
    tag = store.annotation(memo.target_id)
    title, _status = store.document_title_and_status(tag.document_id)
    where = f"{paths.get(tag.label_id, tag.label)} — {title}, [{tag.start}, {tag.end})"
    caption = QT_TRANSLATE_NOOP("MemoDocument", "Tag {0}: {1}")
    return [Heading(2, say(caption.format(tag.id, where))), Quote(tag.text)]


def _memo_blocks(memo: Memo, say: Say) -> list[Block]:
    byline = ", ".join(part for part in (memo.author, _day(memo.created)) if part)
    changed = _day(memo.modified)
    if changed and changed != _day(memo.created):
        byline += say(QT_TRANSLATE_NOOP("MemoDocument", " (changed {0})").format(changed))
    blocks: list[Block] = []
    if memo.title or memo.target == "project":
        blocks.append(Heading(3, memo.title or _day(memo.created)))
    if byline:
        blocks.append(Paragraph(byline))
    blocks.append(Paragraph(memo.text, markdown=True))
    return blocks


def _day(timestamp: str) -> str:
    """ "2026-12-06 07:10" of an ISO 8601 time (UTC, as stored)."""
    return timestamp[:16].replace("T", " ")
