"""A small document for people — headings, Markdown paragraphs, quotes, captioned fields and a
table of contents — written as Markdown, HTML or Word (.docx). The codebook and the memo
exports build one and choose the format by the file's suffix.

Memo texts are Markdown: the Markdown output keeps them as written, HTML renders them
(markdown-it-py, raw HTML in a memo shown as text, never run), and Word gets them as Word's
own paragraphs, styles and runs (a paper's appendix wants the words, not the markup).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.exports.output import atomic_binary_file, atomic_text_file
from desktop.core.messages import QT_TRANSLATE_NOOP, Message

SUFFIXES = (".md", ".html", ".docx")


@dataclass(frozen=True)
class Heading:
    level: int  # 1 (the document's sections) to 6
    text: str
    anchor: str = ""  # the table of contents links here (HTML, Markdown)
    color: str = ""  # "#rrggbb": a swatch before the text


@dataclass(frozen=True)
class Paragraph:
    text: str
    markdown: bool = False  # a memo's Markdown, rendered in HTML


@dataclass(frozen=True)
class Quote:
    text: str


@dataclass(frozen=True)
class Field:
    caption: str
    value: str


@dataclass(frozen=True)
class Contents:
    """A table of contents: (level, text, anchor) per entry."""

    entries: tuple[tuple[int, str, str], ...]


Block = Heading | Paragraph | Quote | Field | Contents


class UnknownDocumentFormat(ValueError):
    pass


def write_document(title: str, blocks: Sequence[Block], path: Path) -> None:
    """Write the document in the format ``path``'s suffix names (.md, .html, .docx), so that
    a failure leaves nothing half-written. Raises UnknownDocumentFormat for another suffix."""
    suffix = path.suffix.lower()
    if suffix == ".md":
        with atomic_text_file(path) as handle:
            handle.write(to_markdown(title, blocks))
    elif suffix == ".html":
        with atomic_text_file(path) as handle:
            handle.write(to_html(title, blocks))
    elif suffix == ".docx":
        with atomic_binary_file(path) as handle:
            to_docx(title, blocks).save(handle)
    else:
        raise UnknownDocumentFormat(_which_suffix(path, SUFFIXES))


def check_suffix(path: Path, allowed: Sequence[str] = SUFFIXES) -> None:
    if path.suffix.lower() not in allowed:
        raise UnknownDocumentFormat(_which_suffix(path, allowed))


def _which_suffix(path: Path, allowed: Sequence[str]) -> Message:
    return QT_TRANSLATE_NOOP("Exchange", "{0}: write {1} (the suffix chooses the format)").format(
        path.name, ", ".join(allowed)
    )


def anchor_for(text: str, number: int) -> str:
    """A stable, ASCII-safe anchor: HTML ids and Markdown links need no escaping then."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return f"s{number}-{slug}" if slug else f"s{number}"


# -- Markdown ----------------------------------------------------------------------------------


def to_markdown(title: str, blocks: Sequence[Block]) -> str:
    lines = [f"# {_md_line(title)}", ""]
    for block in blocks:
        lines += _markdown_block(block)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        anchor = f'<a id="{block.anchor}"></a>' if block.anchor else ""
        return [f"{'#' * min(block.level + 1, 6)} {anchor}{_md_line(block.text)}"]
    if isinstance(block, Paragraph):
        return [block.text if block.markdown else _md_text(block.text)]
    if isinstance(block, Quote):
        return ["> " + line if line else ">" for line in block.text.split("\n")]
    if isinstance(block, Field):
        value = _md_text(block.value).replace("\n", "  \n")
        return [f"**{_md_line(block.caption)}:** {value}"]
    return [
        f"{'  ' * (level - 1)}- [{_md_line(text)}](#{anchor})"
        for level, text, anchor in block.entries
    ]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# What would start a heading, list or quote at the beginning of a line.
_MD_LINE_START = re.compile(r"^(\s*)([#>+-])", re.MULTILINE)


def _md_line(text: str) -> str:
    return _md_text(" ".join(text.split()))


def _md_text(text: str) -> str:
    """Plain text that Markdown shows as it is."""
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


# -- HTML --------------------------------------------------------------------------------------

_STYLE = """body { font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.5 }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em;
  border: 1px solid #555; vertical-align: middle }
blockquote { border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em; color: #333 }
.field { margin: 0.2em 0 } .caption { font-weight: bold }"""


def to_html(title: str, blocks: Sequence[Block]) -> str:
    body = "\n".join(_html_block(block) for block in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        f"<body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(block.level + 1, 6)
        anchor = f' id="{block.anchor}"' if block.anchor else ""
        swatch = (
            f'<span class="swatch" style="background: {html.escape(block.color)}"></span>'
            if block.color
            else ""
        )
        return f"<h{level}{anchor}>{swatch}{html.escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        if block.markdown:
            return _render_markdown(block.text)
        return f"<p>{_html_lines(block.text)}</p>"
    if isinstance(block, Quote):
        return f"<blockquote>{_html_lines(block.text)}</blockquote>"
    if isinstance(block, Field):
        return (
            f'<p class="field"><span class="caption">{html.escape(block.caption)}:</span> '
            f"{_html_lines(block.value)}</p>"
        )
    return _html_contents(block)


def _html_lines(text: str) -> str:
    return "<br>\n".join(html.escape(line) for line in text.split("\n"))


def _html_contents(contents: Contents) -> str:
    parts = ['<nav class="contents">']
    depth = 0
    for level, text, anchor in contents.entries:
        while depth < level:
            parts.append("<ul>")
            depth += 1
        while depth > level:
            parts.append("</ul>")
            depth -= 1
        parts.append(f'<li><a href="#{anchor}">{html.escape(text)}</a></li>')
    parts += ["</ul>"] * depth + ["</nav>"]
    return "\n".join(parts)


def _render_markdown(text: str) -> str:
    return _markdown_parser().render(text)


def _markdown_parser() -> Any:
    """CommonMark with ~~struck~~ words, and raw HTML off: a memo's <script> is shown, never
    run."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


# -- Word --------------------------------------------------------------------------------------


def to_docx(title: str, blocks: Sequence[Block]) -> Any:
    """The document as a python-docx ``Document`` (not saved)."""
    import docx
    from docx.shared import RGBColor

    document = docx.Document()
    document.add_heading(_xml_safe(title), level=0)
    for block in blocks:
        if isinstance(block, Heading):
            heading = document.add_heading(level=min(block.level, 9))
            if block.color:
                swatch = heading.add_run("■ ")
                swatch.font.color.rgb = RGBColor.from_string(_six_digits(block.color))
            heading.add_run(_xml_safe(block.text))
        elif isinstance(block, Paragraph) and block.markdown:
            _add_markdown(document, _xml_safe(block.text))
        elif isinstance(block, Paragraph):
            for paragraph in re.split(r"\n\s*\n", _xml_safe(block.text).strip()):
                document.add_paragraph(paragraph)
        elif isinstance(block, Quote):
            document.add_paragraph(_xml_safe(block.text), style="Quote")
        elif isinstance(block, Field):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{_xml_safe(block.caption)}: ").bold = True
            paragraph.add_run(_xml_safe(block.value))
        else:
            for level, text, _anchor in block.entries:
                document.add_paragraph(
                    f"{'    ' * (level - 1)}{_xml_safe(text)}", style="List Bullet"
                )
    return document


_MONOSPACE = "Courier New"


@dataclass
class _ListFrame:
    """A list being written: bulleted or numbered (its next number), and whether the next
    paragraph is its item's first (a loose item's later paragraphs continue it)."""

    numbered: bool
    number: int = 1
    item_begins: bool = False


def _add_markdown(document: Any, text: str) -> None:
    """A memo's Markdown as Word paragraphs: lists and quotes in Word's styles (a numbered
    item's number written out, so that each list counts from its own start), headings bold,
    code in a fixed font; bold, italic, struck and code words as runs, a link as its words
    with its address after them; raw HTML stays text, as in the HTML export."""
    lists: list[_ListFrame] = []
    quotes = 0
    heading = False
    for token in _markdown_parser().parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            numbered = kind == "ordered_list_open"
            lists.append(_ListFrame(numbered, int(token.attrGet("start") or 1)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            lists[-1].item_begins = True
        elif kind in ("blockquote_open", "blockquote_close"):
            quotes += 1 if kind == "blockquote_open" else -1
        elif kind in ("heading_open", "heading_close"):
            heading = kind == "heading_open"
        elif kind == "inline":
            style, number = _paragraph_style(lists, quotes)
            paragraph = document.add_paragraph(style=style)
            if number:
                paragraph.add_run(number)
            _add_inline(paragraph, token.children or [], bold=heading)
        elif kind in ("fence", "code_block"):
            run = document.add_paragraph().add_run(token.content.rstrip("\n"))
            run.font.name = _MONOSPACE


def _paragraph_style(lists: list[_ListFrame], quotes: int) -> tuple[str | None, str]:
    """The Word style of the next paragraph, and the number it begins with ("" for none)."""
    if not lists:
        return ("Quote" if quotes else None), ""
    frame = lists[-1]
    depth = "" if len(lists) == 1 else f" {min(len(lists), 3)}"
    if not frame.item_begins:
        return f"List Continue{depth}", ""
    frame.item_begins = False
    if not frame.numbered:
        return f"List Bullet{depth}", ""
    frame.number += 1
    return f"List{depth}", f"{frame.number - 1}. "


def _add_inline(paragraph: Any, children: Sequence[Any], *, bold: bool) -> None:
    marks = {"strong": 1 if bold else 0, "em": 0, "s": 0}
    link, words = "", ""  # the link being written, and its words so far
    for child in children:
        kind = child.type
        mark, _, edge = kind.rpartition("_")
        if mark in marks and edge in ("open", "close"):
            marks[mark] += 1 if edge == "open" else -1
        elif kind == "link_open":
            link, words = str(child.attrGet("href") or ""), ""
        elif kind == "link_close":
            if link and link != words and link.removeprefix("mailto:") != words:
                paragraph.add_run(f" ({link})")  # an address written out is not said twice
            link = ""
        elif kind in ("softbreak", "hardbreak"):
            paragraph.add_run().add_break()
        elif kind in ("text", "code_inline", "html_inline", "image"):  # an image: its alt text
            words += child.content
            run = paragraph.add_run(child.content)
            run.bold = bool(marks["strong"]) or None
            run.italic = bool(marks["em"]) or None
            run.font.strike = bool(marks["s"]) or None
            if kind == "code_inline":
                run.font.name = _MONOSPACE


# XML 1.0 has no place for these: Word's files are XML, and lxml refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    """Text a Word file can hold: a control character becomes U+FFFD (a tag may hold one)."""
    return _NOT_XML.sub("\N{REPLACEMENT CHARACTER}", text)


def _six_digits(color: str) -> str:
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return digits.upper() if re.fullmatch(r"[0-9A-Fa-f]{6}", digits) else "888888"
