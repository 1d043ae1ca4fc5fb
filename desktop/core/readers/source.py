"""What a reader gives: the documents a file holds, rows refused, and the columns named."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.messages import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class SourceText:
    """One document a source file holds."""

    text: str
    encoding: str  # the text's encoding for a text format; the format's name otherwise
    variables: dict[str, str] = field(default_factory=dict)


# What a refused row's number counts: a table's rows (as a spreadsheet numbers them, the
# header is 1), a JSON Lines file's lines, a JSON list's records.
ROW, LINE, RECORD = "row", "line", "record"


@dataclass(frozen=True)
class RowRefusal:
    """A row of a table (or a record of scraper JSON) that is not a document."""

    row: int
    reason: str
    unit: str = ROW

    def __str__(self) -> str:
        return self.message()

    def message(self) -> Message:
        """The refusal as the user reads it, translatable (the reason is a field of it)."""
        if self.unit == LINE:
            template = QT_TRANSLATE_NOOP("Import", "line {0}: {1}")
        elif self.unit == RECORD:
            template = QT_TRANSLATE_NOOP("Import", "record {0}: {1}")
        else:
            template = QT_TRANSLATE_NOOP("Import", "row {0}: {1}")
        return template.format(self.row, self.reason)


@dataclass(frozen=True)
class ReaderOptions:
    """The columns a user names for a table (``--text-column`` …); None: found by name."""

    text_column: str | None = None
    title_column: str | None = None
    date_column: str | None = None
    # One document's size limit in bytes, for a row of a file of many (None: the default).
    max_document_bytes: int | None = None


ReadResult = list[SourceText | RowRefusal]
Reader = Callable[[bytes, ReaderOptions], ReadResult]
