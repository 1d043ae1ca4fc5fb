"""The codebook: what each label means, for people (Markdown, HTML, Word: a paper's appendix)
and for other QDA tools (``.qdc``, see :mod:`desktop.core.exports.qdc`).

The document has a table of contents, then each label, nested as the labels are: its path,
key, colour swatch, definition, when to use it, when not to, its example and how many tags
it has (its sub-labels' not counted).
"""

from __future__ import annotations

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
from desktop.core.store import Store

CODEBOOK_SUFFIXES = (".qdc", ".md", ".html", ".docx")


def export_codebook(store: Store, target: Path) -> int:
    """Write the project's codebook in the format ``target``'s suffix names; returns how many
    labels it holds. Raises UnknownDocumentFormat for another suffix, BadCodebook for a
    project without labels (.qdc)."""
    check_suffix(target, CODEBOOK_SUFFIXES)
    codebook = Codebook.from_store(store)
    entries = store.codebook_entries()
    in_order = list(codebook.in_tree_order())
    if target.suffix.lower() == ".qdc":
        return write_qdc(in_order, codebook.paths, entries, target)
    counts = store.tag_counts_by_label()
    write_document(
        f"Codebook: {codebook.scheme.name}",
        codebook_blocks(codebook, entries, counts),
        target,
    )
    return len(in_order)


def codebook_blocks(
    codebook: Codebook, entries: dict[int, CodebookEntry], counts: dict[int, int]
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
        blocks.append(Paragraph("The project has no labels yet."))
    for depth, label in in_order:
        entry = entries.get(label.id, CodebookEntry(label.id, label.description))
        blocks.append(
            Heading(min(depth + 1, 5), codebook.paths[label.id], anchors[label.id], label.color)
        )
        blocks += [
            Field(caption, value)
            for caption, value in (
                ("Key", label.shortcut),
                ("Colour", label.color),
                ("Definition", entry.definition),
                ("When to use", entry.use_when),
                ("When not to use", entry.not_use_when),
                ("Example", entry.example_text),
            )
            if value
        ]
        blocks.append(Field("Tags", str(counts.get(label.id, 0))))
    return blocks
