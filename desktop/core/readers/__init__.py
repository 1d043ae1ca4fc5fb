"""Source formats to the text pipeline: one module per format, each turning a file's bytes into
:class:`SourceText` (the raw text, paragraphs as lines, and what the source says about itself).

Decoding a plain-text file, cleaning, script detection, duplicates and offsets stay in
``core.corpus``/``core.textio``/``core.cleaning``: a reader only replaces the decoding step.
A file that cannot be read raises :class:`desktop.core.textio.UnreadableFile` with a one-line
reason; a spreadsheet row (or a scraper's JSON object) without text is a :class:`RowRefusal`
and the other rows go on.

The libraries (trafilatura, pypdf, python-docx, openpyxl) are imported when a file of their
format is read, so importing plain text, and the command line's start, do without them.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.source import (
    Reader,
    ReaderOptions,
    ReadResult,
    RowRefusal,
    SourceText,
)

__all__ = [
    "MANY_DOCUMENTS_SUFFIXES",
    "READERS",
    "READ_SUFFIXES",
    "ReaderOptions",
    "RowRefusal",
    "SourceText",
    "holds_many",
    "reader_for",
]


def _html(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import html_page

    return [html_page.read_html(data)]


def _mht(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import html_page

    return [html_page.read_mht(data)]


def _docx(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import word

    return [word.read_docx(data)]


def _old_word(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.textio import UnreadableFile

    raise UnreadableFile(
        QT_TRANSLATE_NOOP("Import", "an old Word/WPS document: save it as .docx and import that")
    )


def _pdf(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import pdf

    return [pdf.read_pdf(data)]


def _csv(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import table

    return table.read_csv(data, options)


def _tsv(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import table

    return table.read_csv(data, options, delimiter="\t")


def _xlsx(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import table

    return table.read_xlsx(data, options)


def _json_lines(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import json_rows

    return json_rows.read_json_rows(data, options, by_lines=True)


def _json(data: bytes, options: ReaderOptions) -> ReadResult:
    from desktop.core.readers import json_rows

    return json_rows.read_json_rows(data, options, by_lines=False)


READERS: dict[str, Reader] = {
    ".html": _html,
    ".htm": _html,
    ".shtml": _html,
    ".xhtml": _html,
    ".mht": _mht,
    ".mhtml": _mht,
    ".docx": _docx,
    ".doc": _old_word,
    ".wps": _old_word,
    ".pdf": _pdf,
    ".csv": _csv,
    ".tsv": _tsv,
    ".xlsx": _xlsx,
    ".jsonl": _json_lines,
    ".ndjson": _json_lines,
    ".json": _json,
}
# The suffixes a folder's walk picks up: .doc and .wps too, so each is refused with its reason.
READ_SUFFIXES = frozenset(READERS)
# Files of many documents, one a row or object: read whole, they may be larger than one
# document may (textio.MANY_DOCUMENTS_FACTOR times), each row within one document's limit.
MANY_DOCUMENTS_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".jsonl", ".ndjson", ".json"})


def holds_many(path: Path) -> bool:
    """Whether the file's format holds many documents (read with a larger size limit)."""
    return path.suffix.lower() in MANY_DOCUMENTS_SUFFIXES


def reader_for(path: Path) -> Reader | None:
    """The reader for the file's format; None for plain text (and anything else)."""
    return READERS.get(path.suffix.lower())
