"""What tagging needs of the text on screen: a narrow door to the reader, so the tagging
controllers depend on what they use (a selection as a clean-text span, the panes that take the
keys, the shown document's tags, entities and suggestions), not on the reading package."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QPlainTextEdit

from desktop.core.model import Annotation, Document, Entity


class DocumentView(Protocol):
    """The shown document in its panes (reading.reader.ReaderView is the one there is).

    Spans are code points into the clean text, end-exclusive.
    """

    @property
    def document(self) -> Document | None: ...

    @property
    def original(self) -> QPlainTextEdit: ...

    @property
    def converted(self) -> QPlainTextEdit: ...

    @property
    def annotations(self) -> list[Annotation]: ...

    @property
    def entities(self) -> list[Entity]: ...

    @property
    def entities_version(self) -> int:
        """Counts changes of ``entities``: what was found from them is stale when it moved."""
        ...

    @property
    def suggestions(self) -> list[tuple[int, int, str]]: ...

    def selected_clean_span(self) -> tuple[int, int] | None: ...

    def select_clean_span(self, start: int, end: int) -> None: ...

    def set_suggestions(self, suggestions: list[tuple[int, int, str]]) -> None: ...

    def hide_suggestions(self, spans: set[tuple[int, int]]) -> None: ...
