"""Memos and the codebook: the values that cross layers, and their one JSON shape.

A memo is written on the project (the journal's dated entries), on a document, on a label, or
on a tag. A tag's memo is the tag's note: it has no id of its own, its title is the tag's
``note_title``, its author the tag's annotator and its times the tag's (see ARCHITECTURE.md,
"Memos"). Memo texts are Markdown. A label's codebook entry is its definition (the label's
description), when to use it, when not to, and an example (free text, or a tag pinned as the
example).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from desktop.core.model import Annotation

MemoTarget = Literal["project", "document", "label", "tag"]
MEMO_TARGETS: tuple[MemoTarget, ...] = ("project", "document", "label", "tag")


class MemoError(ValueError):
    """A memo Jiyao refuses: empty, on a target that does not exist, or a field a tag's memo
    cannot hold. ``str(error)`` is the one-line reason."""


@dataclass(frozen=True)
class Memo:
    """One memo. ``target_id``: the document, label or tag id (None for the project);
    ``id`` is None for a tag's memo, which the tag id names. Times are ISO 8601 (UTC)."""

    id: int | None
    target: MemoTarget
    target_id: int | None
    title: str
    text: str
    author: str
    created: str
    modified: str


def tag_memo(tag: Annotation) -> Memo:
    """A tag's memo: its note, titled by its note title, by its annotator, at its times."""
    return Memo(
        None, "tag", tag.id, tag.note_title, tag.note, tag.annotator, tag.created_at, tag.updated_at
    )


def memo_record(memo: Memo, label_paths: dict[int, str]) -> dict[str, Any]:
    """The memo as ``jiyao memo list --json`` and the JSONL export write it: a label is named
    by its path ("Support measures/Labour"), the others by their id."""
    target_id: int | str | None = memo.target_id
    if memo.target == "label" and memo.target_id is not None:
        target_id = label_paths.get(memo.target_id, str(memo.target_id))
    return {
        "id": memo.id,
        "target": memo.target,
        "target_id": target_id,
        "title": memo.title,
        "text": memo.text,
        "author": memo.author,
        "created": memo.created,
        "modified": memo.modified,
    }


@dataclass(frozen=True)
class CodebookEntry:
    """What a label means. ``definition`` is the label's description."""

    label_id: int
    definition: str = ""
    use_when: str = ""
    not_use_when: str = ""
    example: str = ""
    # A tag pinned as the example (None: none, or it is gone or carries another label now).
    example_tag_id: int | None = None
    # The pinned tag's words, read with the entry.
    example_tag_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.definition or self.use_when or self.not_use_when or self.example_text)

    @property
    def example_text(self) -> str:
        """The example to show: the free text, else the pinned tag's words."""
        return self.example or self.example_tag_text


# How a codebook entry travels in one text (a REFI-QDA code's Description): the definition,
# then each other field as a paragraph that begins with its caption. Read back by
# :func:`parse_code_description`; a description written by another tool is all definition.
_DESCRIPTION_CAPTIONS = (
    ("use_when", "When to use: "),
    ("not_use_when", "When not to use: "),
    ("example", "Example: "),
)


def code_description(entry: CodebookEntry) -> str:
    """The entry as one text: the definition, then "When to use: …", "When not to use: …"
    and "Example: …" paragraphs for the fields that are set."""
    values = {"use_when": entry.use_when, "not_use_when": entry.not_use_when}
    values["example"] = entry.example_text
    parts = [entry.definition] if entry.definition else []
    parts += [caption + values[name] for name, caption in _DESCRIPTION_CAPTIONS if values[name]]
    return "\n\n".join(parts)


def parse_code_description(text: str) -> dict[str, str]:
    """The fields of a text :func:`code_description` wrote (any text: all of it is the
    definition, less the captioned paragraphs it ends with)."""
    fields = {"definition": "", "use_when": "", "not_use_when": "", "example": ""}
    current = "definition"
    chunks: dict[str, list[str]] = {name: [] for name in fields}
    for paragraph in text.replace("\r\n", "\n").split("\n\n"):
        for name, caption in _DESCRIPTION_CAPTIONS:
            if paragraph.startswith(caption):
                current, paragraph = name, paragraph[len(caption) :]
                break
        chunks[current].append(paragraph)
    for name, paragraphs in chunks.items():
        fields[name] = "\n\n".join(paragraphs).strip()
    return fields


@dataclass(frozen=True)
class CodebookCode:
    """A code read from a codebook file: its path of names from the top, its colour ("" for
    none) and its codebook fields."""

    path: tuple[str, ...]
    color: str = ""
    definition: str = ""
    use_when: str = ""
    not_use_when: str = ""
    example: str = ""
    line: int = 0  # where in the file, for messages


@dataclass(frozen=True)
class CodebookMerge:
    """What taking a codebook into a project did."""

    added: tuple[str, ...]  # paths of new labels
    filled: tuple[str, ...]  # existing labels that had no definition and took the codebook's
    replaced: tuple[str, ...]  # existing labels whose other definition was replaced (update)
    kept: tuple[str, ...]  # existing labels whose other definition was kept (no update)


@dataclass(frozen=True)
class MemoRecord:
    """A memo read from a file, not yet placed in a project: a label's is named by its path,
    a document's belongs to the record it was read with. Empty times mean "now"."""

    target: MemoTarget
    text: str
    title: str = ""
    author: str = ""
    created: str = ""
    modified: str = ""
    label_path: str = ""

    def on(self, target_id: int | None) -> Memo:
        """The memo to store on the project, document or label ``target_id``."""
        return Memo(
            None,
            self.target,
            target_id,
            self.title,
            self.text,
            self.author,
            self.created,
            self.modified,
        )
