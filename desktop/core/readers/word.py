"""Word documents (.docx) to text with python-docx: paragraphs and tables in the order they
stand, a table row as one tab-separated line; headers, footers and comments left out (they
repeat on every page and are no part of the text). Title, author and date from the core
properties, else the title from the first heading.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from desktop.core import textio
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.source import SourceText
from desktop.core.readers.variables import AUTHOR, CREATED, TITLE, tidy

_TITLE_STYLES = ("title", "heading 1", "标题", "標題", "标题 1", "標題 1")


def read_docx(data: bytes) -> SourceText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import", "not a readable .docx (a damaged file, or not a Word document)"
            )
        ) from error
    lines = list(_lines(document))
    if not any(line.strip() for line in lines):
        raise textio.UnreadableFile(QT_TRANSLATE_NOOP("Import", "the Word document holds no text"))
    return SourceText("\n".join(lines) + "\n", "docx", _variables(document))


def _lines(document: Any) -> Any:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(block, document).text.replace("\x0b", "\n")
        elif tag == "tbl":
            for row in Table(block, document).rows:
                yield "\t".join(_distinct_cells(row))


def _distinct_cells(row: Any) -> list[str]:
    """A row's cells' texts, a merged cell once (python-docx repeats it for each grid column)."""
    cells: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return cells


def _variables(document: Any) -> dict[str, str]:
    properties = document.core_properties
    variables: dict[str, str] = {}
    title = tidy(properties.title or "") or _first_heading(document)
    if title:
        variables[TITLE] = title
    if properties.author:
        variables[AUTHOR] = tidy(properties.author)
    if properties.created is not None:
        # When the file was made, not what it records: the date comes from the text.
        variables[CREATED] = properties.created.date().isoformat()
    return variables


def _first_heading(document: Any) -> str:
    for paragraph in document.paragraphs[:20]:
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        if style in _TITLE_STYLES and paragraph.text.strip():
            return tidy(paragraph.text)
    return ""
