"""PDF to text with pypdf: the text layer, page by page, lines broken by the page width joined
back into paragraphs; running headers, footers and page numbers dropped.

pypdf was measured against pdfminer.six and pdfplumber on a government notice (README, "What
it imports"): the same characters in the same order, about 2.4 times faster than pdfminer.six
and 3.3 times faster than pdfplumber, and unlike pdfplumber it keeps the two-character indent
that starts a Chinese paragraph, which the joining below relies on. It is pure Python.

A paragraph starts where a line is indented, where the line before ends a sentence, or where
the line before stops well short of the page's width; Chinese lines join with no space, two
Latin words with one. Where each page begins in the text is kept (``page_starts``, code
points into the raw text, space-separated) so a passage can be cited by page.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any

from desktop.core import textio
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.source import SourceText
from desktop.core.readers.variables import AUTHOR, CREATED, PAGES, TITLE, tidy

PAGE_STARTS = "page_starts"
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[\s\-—–－·•]*$"
    r"|^第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
    r"|^共\s*\d+\s*页\s*第\s*\d+\s*页$"
    r"|^(?:page\s*)?\d+\s*(?:/|of)\s*\d+$",
    re.IGNORECASE,
)
_SENTENCE_END = tuple("。！？!?：:；;」』”’）)】….")
_INDENT = re.compile(r"^(?:\u3000| {2,}|\t)")
SHORT_LINE = 0.8  # a line shorter than this share of the page's width ends its paragraph


def read_pdf(data: bytes) -> SourceText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf warns of every small flaw it reads past (a bad xref offset, a duplicate key): not
    # the user's concern when the text comes out; a file it cannot read is refused below.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise textio.UnreadableFile(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "an encrypted PDF that needs a password: save an unprotected copy and import"
                    " that",
                )
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except textio.UnreadableFile:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise _unreadable(error) from error
    except Exception as error:  # pypdf raises many kinds for a damaged file
        if "decrypt" in str(error).lower() or "encrypt" in str(error).lower():
            raise textio.UnreadableFile(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "an encrypted PDF that pypdf cannot open: save an unprotected copy and import"
                    " that",
                )
            ) from error
        raise _unreadable(error) from error
    if not any(page.strip() for page in pages):
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "no text layer (scanned?): run OCR first")
        )
    text, starts = join_pages(pages)
    variables = _variables(reader.metadata)
    variables[PAGES] = str(len(pages))
    variables[PAGE_STARTS] = " ".join(map(str, starts))
    return SourceText(text, "pdf", variables)


def _unreadable(error: Exception) -> textio.UnreadableFile:
    return textio.UnreadableFile(
        QT_TRANSLATE_NOOP("Import", "not a readable PDF (damaged?): {0}").format(tidy(error)[:120])
    )


def join_pages(pages: list[str]) -> tuple[str, list[int]]:
    """The pages' text as paragraphs, one a line, and where each page starts in it."""
    page_lines = [
        [line.rstrip() for line in textio.normalise_line_ends(page).split("\n") if line.strip()]
        for page in pages
    ]
    page_lines = _without_running_lines(page_lines)
    width = _page_width([line for lines in page_lines for line in lines])
    paragraphs: list[str] = []
    before_last = 0  # characters before the last paragraph, line ends included
    starts: list[int] = []
    previous = ""
    for lines in page_lines:
        page_start: int | None = None
        for line in lines:
            stripped = line.strip()
            if paragraphs and not _starts_paragraph(line, previous, width):
                glue = " " if _latin_end(paragraphs[-1]) and _latin_start(stripped) else ""
                here = before_last + len(paragraphs[-1]) + len(glue)
                paragraphs[-1] += glue + stripped
            else:
                if paragraphs:
                    before_last += len(paragraphs[-1]) + 1
                here = before_last
                paragraphs.append(stripped)
            page_start = here if page_start is None else page_start
            previous = line
        end = before_last + len(paragraphs[-1]) if paragraphs else 0
        starts.append(end if page_start is None else page_start)  # an empty page: where it is
    return "\n".join(paragraphs) + "\n", starts


def _starts_paragraph(line: str, previous: str, width: float) -> bool:
    previous = previous.strip()
    return (
        not previous
        or bool(_INDENT.match(line))
        or previous.endswith(_SENTENCE_END)
        or _width(previous) < SHORT_LINE * width
    )


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without page numbers and without a first or last line that repeats (digits
    aside) on at least half of the pages: a running header or footer."""
    pages = [[line for line in lines if not _PAGE_NUMBER.match(line.strip())] for lines in pages]
    if len(pages) < 2:
        return pages
    ends = Counter(
        shape for lines in pages if lines for shape in {_shape(lines[0]), _shape(lines[-1])}
    )
    needed = max(2, (len(pages) + 1) // 2)
    running = {shape for shape, count in ends.items() if count >= needed}
    kept: list[list[str]] = []
    for lines in pages:
        if lines and _shape(lines[0]) in running:
            lines = lines[1:]
        if lines and _shape(lines[-1]) in running:
            lines = lines[:-1]
        kept.append(lines)
    return kept


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", "".join(line.split()))


def _page_width(lines: list[str]) -> float:
    """The width of a full line: the 90th percentile of the lines' widths."""
    if not lines:
        return 0.0
    widths = sorted(_width(line.strip()) for line in lines)
    return widths[int(0.9 * (len(widths) - 1))]


def _width(line: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in line)


def _latin_end(text: str) -> bool:
    return bool(text) and text[-1].isascii() and text[-1].isalnum()


def _latin_start(text: str) -> bool:
    return bool(text) and text[0].isascii() and text[0].isalnum()


def _variables(info: Any) -> dict[str, str]:
    variables: dict[str, str] = {}
    if not info:
        return variables
    title = tidy(info.title or "")
    title = re.sub(r"^Microsoft Word\s*-\s*|\.(?:docx?|wps)$", "", title, flags=re.IGNORECASE)
    if title and not title.lower().startswith(("untitled", "无标题")):
        variables[TITLE] = title
    if info.author:
        variables[AUTHOR] = tidy(info.author)
    try:
        created = info.creation_date
    except (ValueError, TypeError):  # a date pypdf cannot parse is no date
        created = None
    if created is not None:
        variables[CREATED] = created.date().isoformat()
    return variables
