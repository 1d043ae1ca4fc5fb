"""The codebook: what each label means, for people (Markdown, HTML, Word: a paper's appendix)
and for other QDA tools (``.qdc``, see :mod:`desktop.core.exports.qdc`).

The document has a table of contents, then each label, nested as the labels are: its path,
key, colour swatch, definition, when to use it, when not to, its example and how many tags
it has (its sub-labels' not counted). Its captions are core Messages: English unless the
caller passes ``say``, which gives them in its language (the window: the interface's).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.core.exports.qdc import write_qdc
from desktop.core.exports.rich_text import (
    Block,
    Contents,
    Field,
    Heading,
    Paragraph,
    anchor_for,
    check_suffix,
    write_document,
)
from desktop.core.exports.selection import Codebook
from desktop.core.memos import CodebookEntry
from desktop.core.messages import QT_TRANSLATE_NOOP, Message
from desktop.core.store import Store

CODEBOOK_SUFFIXES = (".qdc", ".md", ".html", ".docx")
# A caption in the document's language: English (``str``) unless the caller translates.
Say = Callable[[Message], str]


def export_codebook(store: Store, target: Path, say: Say = str) -> int:
    """Write the project's codebook in the format ``target``'s suffix names; returns how many
    labels it holds. ``say`` gives the captions (default English). Raises
    UnknownDocumentFormat for another suffix, BadCodebook for a project without labels
    (.qdc)."""
    check_suffix(target, CODEBOOK_SUFFIXES)
    codebook = Codebook.from_store(store)
    entries = store.codebook_entries()
    in_order = list(codebook.in_tree_order())
    if target.suffix.lower() == ".qdc":
        return write_qdc(in_order, codebook.paths, entries, target)
    counts = store.tag_counts_by_label()
    write_document(
        say(QT_TRANSLATE_NOOP("CodebookDocument", "Codebook: {0}").format(codebook.scheme.name)),
        codebook_blocks(codebook, entries, counts, say),
        target,
    )
    return len(in_order)


def codebook_blocks(
    codebook: Codebook,
    entries: dict[int, CodebookEntry],
    counts: dict[int, int],
    say: Say = str,
) -> list[Block]:
    """The codebook as a document: the contents, then one section per label."""
    in_order = list(codebook.in_tree_order())
    anchors = {
        label.id: anchor_for(codebook.paths[label.id], number)
        for number, (_depth, label) in enumerate(in_order, start=1)
    }
    blocks: list[Block] = [
        Contents(tuple((depth + 1, label.name, anchors[label.id]) for depth, label in in_order))
    ]
    if not in_order:
        blocks.append(
            Paragraph(say(QT_TRANSLATE_NOOP("CodebookDocument", "The project has no labels yet.")))
        )
    for depth, label in in_order:
        entry = entries.get(label.id, CodebookEntry(label.id, label.description))
        blocks.append(
            Heading(min(depth + 1, 5), codebook.paths[label.id], anchors[label.id], label.color)
        )
        blocks += [
            Field(say(caption), value)
            for caption, value in (
                (QT_TRANSLATE_NOOP("CodebookDocument", "Key"), label.shortcut),
                (QT_TRANSLATE_NOOP("CodebookDocument", "Colour"), label.color),
                (QT_TRANSLATE_NOOP("CodebookDocument", "Definition"), entry.definition),
                (QT_TRANSLATE_NOOP("CodebookDocument", "When to use"), entry.use_when),
                (QT_TRANSLATE_NOOP("CodebookDocument", "When not to use"), entry.not_use_when),
                (QT_TRANSLATE_NOOP("CodebookDocument", "Example"), entry.example_text),
            )
            if value
        ]
        tags = QT_TRANSLATE_NOOP("CodebookDocument", "Tags")
        blocks.append(Field(say(tags), str(counts.get(label.id, 0))))
    return blocks
