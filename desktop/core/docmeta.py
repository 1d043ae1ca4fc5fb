"""What a document's own text says about it: title, date, source.

Readouts copied from websites usually open with a headline, then a line such as
``2020年02月12日08:28 來源:宿遷市廣播電視總臺``. Only the head of the text is searched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

HEAD_CHARACTERS = 600
MAX_TITLE_CHARACTERS = 120
_DATE = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))"
)
# A line as str.splitlines() ends it (on any of these characters).
_LINE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处|出處)\s*[:：]\s*(?P<source>[^\s,，。;；|]+)")


@dataclass(frozen=True)
class TextMetadata:
    title: str
    date: str  # ISO 8601 (YYYY-MM-DD) or ""
    source: str


def first_date(text: str) -> str:
    for match in _DATE.finditer(text[:HEAD_CHARACTERS]):
        try:
            found = date(
                int(match["year"]), int(match["m1"] or match["m2"]), int(match["d1"] or match["d2"])
            )
        except ValueError:  # 2020年02月30日 is no date
            continue
        return found.isoformat()
    return ""


def first_source(text: str) -> str:
    match = _SOURCE.search(text[:HEAD_CHARACTERS])
    return match["source"] if match else ""


def headline(text: str, fallback: str) -> str:
    """The first line with more than white space, cut to MAX_TITLE_CHARACTERS."""
    # Line by line from the start, as str.splitlines() would cut them: splitting the whole
    # text made a list of all its lines for every document imported, to read the first.
    for match in _LINE.finditer(text):
        line = match[0].strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARACTERS else line[:MAX_TITLE_CHARACTERS] + "…"
    return fallback


def read_metadata(clean_text: str, fallback_title: str) -> TextMetadata:
    return TextMetadata(
        headline(clean_text, fallback_title), first_date(clean_text), first_source(clean_text)
    )
