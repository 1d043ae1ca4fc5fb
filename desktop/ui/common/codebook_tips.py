"""A label's codebook entry as a tooltip, wherever the label is offered (the tag panel, the
context menu, the label editor, the Memos panel)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from desktop.core.memos import CodebookEntry


def codebook_tooltip(entry: CodebookEntry) -> str:
    """Rich text: the definition, then when to use the label, when not, an example; "" when
    the entry is empty (Qt shows no tooltip then)."""
    translate = QCoreApplication.translate
    parts = [
        ("", entry.definition),
        (translate("Codebook", "Use when"), entry.use_when),
        (translate("Codebook", "Not when"), entry.not_use_when),
        (translate("Codebook", "Example"), entry.example_text),
    ]
    lines = [
        (f"<b>{html.escape(caption)}:</b> " if caption else "") + html.escape(value)
        for caption, value in parts
        if value
    ]
    # <qt> makes Qt take it for rich text even when it begins with plain words.
    return (
        "<qt>" + "<br>".join(line.replace("\n", "<br>") for line in lines) + "</qt>"
        if lines
        else ""
    )
