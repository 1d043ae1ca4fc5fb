"""Web pages (.html .htm .shtml .xhtml, and .mht/.mhtml saved pages) to an article's text.

The article body comes from trafilatura in its precision mode: of the candidates measured on
government and news page templates (trafilatura, readability-lxml, jusText, gne; figures in
the README's "What it imports"), it alone kept every body paragraph, as lines and in order,
and leaked no chrome line on any page, and it brings htmldate for pages whose date is only
in the page's text. A few lines government sites put inside the article's own block (share
bars, 上一篇/下一篇, 字号：大 中 小, 【打印本页】) are dropped here as well.

What the page says about itself is read from its markup first, as government sites publish it
(``<meta name="ArticleTitle">``, ``PubDate``, ``ContentSource``), then Open Graph, then the
line under the heading (发布时间：… 来源：… 作者：…): never from a sidebar or the footer.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import logging
import re
from email.message import EmailMessage
from typing import Any

from desktop.core import textio
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.source import SourceText
from desktop.core.readers.variables import AUTHOR, SOURCE, TITLE, URL, tidy, with_date

# Fewer word characters than this in the article: an index, list or login page, not an article.
MIN_ARTICLE_CHARACTERS = 20
_HEAD_BYTES = 4096  # where a page declares its charset

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE
)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
# Site charsets that name a subset of what the page may really hold: GB2312 and GBK pages use
# GB18030 characters (rare names), Big5 pages the Hong Kong extension.
_WIDER_CODEC = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs"}

_TITLE_META = ("articletitle", "og:title", "twitter:title", "title")
_DATE_META = (
    "pubdate",
    "article:published_time",
    "publishdate",
    "firstpublishedtime",
    "og:release_date",
    "dc.date.issued",
    "dc.date",
    "date",
)
_SOURCE_META = ("contentsource", "source", "og:site_name")
_AUTHOR_META = ("author", "article:author", "dc.creator")
_URL_META = ("og:url", "url")

# "来源：宿迁市政府办公室" up to two spaces, a bar, the line's end or the next "label："
_LABEL_VALUE = (
    r"\s*[:：]\s*(?P<value>[^\s|｜,，;；]+(?:[ \t][^\s|｜:：,，;；]+)*?)"
    r"(?=\s{2,}|\s*[|｜]|\s*$|\s+\S+\s*[:：])"
)
_DATE_LINE = re.compile(
    r"(?:发布时间|发布日期|發布時間|發佈日期|发文日期|成文日期|日期|时间|時間)" + _LABEL_VALUE, re.M
)
_SOURCE_LINE = re.compile(r"(?:来源|來源|信息来源|稿源|出处|出處)" + _LABEL_VALUE, re.M)
_AUTHOR_LINE = re.compile(r"(?:作者|记者|記者|撰稿)" + _LABEL_VALUE, re.M)
_NEAR_HEADING = 300  # characters after the heading searched for the date/source/author line

# Chrome lines inside the article block: dropped whole.
_CHROME_LINE = re.compile(
    r"^\s*(?:"
    r"(?:当前位置|當前位置|您现在的位置|您的位置|所在位置)\s*[:：]"
    r"|分享到|分享至|上一篇|下一篇|上一条|下一条|相关链接|相關連結|相关阅读|相关新闻|相關新聞"
    r"|字号\s*[:：]|字體\s*[:：]|【?\s*(?:打印本页|打印|关闭窗口|關閉窗口|关闭|返回顶部|收藏)\s*】?\s*$"
    r"|.*(?:版权所有|版權所有|ICP备|ICP證|网站标识码|網站標識碼|公网安备)"
    r"|【?\s*责任编辑\s*[:：]|展开详细|浏览次数\s*[:：]|【\s*字号"
    r")"
)


def read_html(data: bytes) -> SourceText:
    text, encoding = decode_page(data)
    return page_text(text, encoding)


def read_mht(data: bytes) -> SourceText:
    """A page saved as one MIME file (.mht): its HTML part, in its own charset."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = _html_part(message)
    if part is None:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "no web page inside this .mht file")
        )
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "the web page inside this .mht file is empty")
        )
    text, encoding = decode_page(payload, part.get_content_charset())
    source = page_text(text, encoding)
    location = str(part.get("Content-Location") or message.get("Content-Location") or "")
    if location.startswith(("http://", "https://")) and URL not in source.variables:
        source.variables[URL] = location
    return source


def _html_part(message: Any) -> EmailMessage | None:
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The page's text and its codec: a byte-order mark, else valid UTF-8, else the charset
    the page (or its MIME part) declares, else the detection plain text gets."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = textio.decode_bytes(data)  # the mark settles it, as for plain text
        return decoded.text, decoded.encoding
    try:
        return textio.normalise_line_ends(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _codec(declared) or _declared_codec(data[:_HEAD_BYTES])
    if codec:
        try:
            return textio.normalise_line_ends(data.decode(codec)), codec
        except UnicodeDecodeError:
            pass  # a page that says GBK and is not: detect as for plain text
    decoded = textio.decode_bytes(data)
    return decoded.text, decoded.encoding


def _declared_codec(head: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(head)
    return _codec(match.group(1).decode("ascii")) if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return _WIDER_CODEC.get(codec.replace("-", "").replace("_", ""), codec).replace("_", "-")


def page_text(html: str, encoding: str) -> SourceText:
    """The article's paragraphs as lines, under its title; refused when there is none."""
    import lxml.html

    if "\x00" in html:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import", "this looks like a binary file (it contains NUL characters)"
            )
        )
    try:
        tree = lxml.html.document_fromstring(_without_xml_declaration(html))
    except Exception as error:  # lxml raises several kinds for hopeless markup
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP("Import", "not a readable web page ({0})").format(error)
        ) from error
    variables = page_variables(tree, html)
    body = article_lines(html)
    if _article_size(body) < MIN_ARTICLE_CHARACTERS:
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import", "no article text found on this page (an index, list or login page?)"
            )
        )
    title = variables.get(TITLE, "")
    if title and not (body and _same(body[0], title)):
        body.insert(0, title)
    return SourceText("\n".join(body) + "\n", encoding, variables)


def _without_xml_declaration(html: str) -> str:
    # lxml refuses a str that declares its own encoding (an XHTML page's <?xml ...?>).
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)


def _same(line: str, title: str) -> bool:
    return "".join(line.split()) == "".join(title.split())


def article_lines(html: str) -> list[str]:
    """The article's lines: trafilatura's own extractor first; only when that finds next to
    nothing, again with its fallbacks (readability, jusText), which cost three to five times
    as much and found nothing more on the pages measured."""
    lines = _extracted_lines(html, fast=True)
    if _article_size(lines) < MIN_ARTICLE_CHARACTERS:
        lines = _extracted_lines(html, fast=False)
    return lines


def _extracted_lines(html: str, *, fast: bool) -> list[str]:
    import trafilatura

    # trafilatura logs a WARNING ("discarding data: None") for a page with no article: the
    # refusal below says it once, in words; its lines only cluttered every import report.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    extracted = trafilatura.extract(
        html,
        favor_precision=True,
        fast=fast,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        output_format="txt",
    )
    lines = [line.strip() for line in (extracted or "").splitlines()]
    return [line for line in lines if line and not _CHROME_LINE.match(line)]


def _article_size(lines: list[str]) -> int:
    """Word characters in the lines, counted only as far as MIN_ARTICLE_CHARACTERS."""
    size = 0
    for line in lines:
        size += sum(ch.isalnum() for ch in line[:MIN_ARTICLE_CHARACTERS])
        if size >= MIN_ARTICLE_CHARACTERS:
            break
    return size


def page_variables(tree: Any, html: str) -> dict[str, str]:
    meta = _meta(tree)
    variables: dict[str, str] = {}
    site_names = {_first(meta, ("sitename", "og:site_name")), _site_part(tree)} - {""}
    heading = _heading(tree, site_names)
    title = _first(meta, _TITLE_META) or heading or _title_without_site(tree)
    if title:
        variables[TITLE] = title
    near = _text_near_heading(tree, heading or title)
    written_date = _first(meta, _DATE_META) or _labelled(_DATE_LINE, near)
    if written_date:
        with_date(variables, written_date)
    if "date" not in variables:
        found = _htmldate(html)
        if found:
            variables["date"] = found
    source = _first(meta, _SOURCE_META[:2]) or _labelled(_SOURCE_LINE, near)
    if source:
        variables[SOURCE] = source
    author = _first(meta, _AUTHOR_META) or _labelled(_AUTHOR_LINE, near)
    if author:
        variables[AUTHOR] = author
    url = _canonical(tree) or _first(meta, _URL_META) or _saved_from(html)
    if url:
        variables[URL] = url
    site = _first(meta, ("sitename", "og:site_name"))
    if site and site != source:
        variables["site"] = site
    return variables


def _meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("name") or element.get("property") or element.get("itemprop") or ""
        value = tidy(element.get("content") or "")
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((meta[key] for key in keys if meta.get(key)), "")


# A class or id that names an article's heading block, and how long such a heading may be.
_TITLE_CLASS = re.compile(r"title|biaoti|\bbt\b|\btit\b")
_HEADING_LENGTHS = (4, 100)


def _heading(tree: Any, site_names: set[str]) -> str:
    """The article's heading: the first ``<h1>`` (else ``<h2>``) that is not the site's name
    (a government site's logo is often an ``<h1>``), else the first short block whose class or
    id names a title (``<div class="title">``, ``id="article_title"``: many government sites
    style a plain block as their heading)."""
    for level in ("h1", "h2"):
        for element in tree.iter(level):
            text = tidy(element.text_content())
            if text and text not in site_names:
                return text
    for element in tree.iter("div", "p", "span", "td", "strong"):
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if not _TITLE_CLASS.search(names):
            continue
        text = tidy(element.text_content())
        if _HEADING_LENGTHS[0] <= len(text) <= _HEADING_LENGTHS[1] and text not in site_names:
            return text
    return ""


def _title_parts(tree: Any) -> list[str]:
    """``<title>`` cut at its " - ", " | " or "_" separators: the article, then the site."""
    found = tree.find(".//title")
    text = tidy(found.text_content()) if found is not None else ""
    return [part.strip() for part in re.split(r"\s+[-|–—｜]\s+|_", text) if part.strip()]


def _title_without_site(tree: Any) -> str:
    """``<title>`` without its " - XX市人民政府" or "_新闻频道_某某网" tail."""
    parts = _title_parts(tree)
    return parts[0] if parts else ""


def _site_part(tree: Any) -> str:
    parts = _title_parts(tree)
    return parts[-1] if len(parts) > 1 else ""


def _text_near_heading(tree: Any, heading: str) -> str:
    """The page's text just after its heading, where the date, source and author line is."""
    body = tree.find(".//body")
    lines = [tidy(t) for t in (body if body is not None else tree).itertext()]
    text = "\n".join(line for line in lines if line)
    start = text.find(heading) if heading else -1
    if start < 0:
        return ""
    after = start + len(heading)
    return text[after : after + _NEAR_HEADING]


def _labelled(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return match["value"].strip() if match else ""


def _canonical(tree: Any) -> str:
    for element in tree.iter("link"):
        if "canonical" in (element.get("rel") or "").lower().split() and element.get("href"):
            return str(element.get("href")).strip()
    return ""


def _saved_from(html: str) -> str:
    match = _SAVED_FROM.search(html[:_HEAD_BYTES])
    return match.group(1) if match else ""


def _htmldate(html: str) -> str:
    """The publication date htmldate finds in the page, without guessing from the URL or
    the page's copyright year."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate parses whatever the page holds; a failure means no date
        return ""
    return found or ""
