"""Document variables: what a source says about itself, under the names Jiyao stores.

``title``, ``date``, ``source`` go to the documents table's own columns; every other variable
(``author``, ``url``, ``pages``, a spreadsheet's extra columns…) to its JSON ``metadata``. A date
is stored as ISO ``YYYY-MM-DD``; when the source wrote it otherwise (``2020年3月21日``,
``二〇二〇年三月二十一日``, ``2020-03-21T18:30:00+08:00``) the original is kept as ``date_text``.
"""

from __future__ import annotations

import re
from datetime import date

TITLE, DATE, SOURCE, AUTHOR, URL = "title", "date", "source", "author", "url"
CREATED = "created"  # when the file was made (a PDF's or Word file's properties), ISO
PAGES = "pages"
DATE_TEXT = "date_text"  # the date as the source wrote it, when that is not already ISO

_DIGITS = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?"
    r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))"
)
_HAN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_HAN = "〇零○Ｏ一二三四五六七八九十"
_HAN_DATE = re.compile(
    rf"(?P<year>[{_HAN}O]{{4}})\s*年\s*(?P<month>[{_HAN}]{{1,3}})\s*月"
    rf"\s*(?P<day>[{_HAN}]{{1,3}})\s*日"
)


def iso_date(text: str) -> str:
    """The first real calendar date in ``text`` as ``YYYY-MM-DD``, or ""."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    for match in _DIGITS.finditer(text):
        found = _date(int(match["year"]), match["m1"] or match["m2"], match["d1"] or match["d2"])
        if found:
            return found
    for match in _HAN_DATE.finditer(text):
        year = "".join(str(_HAN_DIGIT.get(c, "")) for c in match["year"])
        found = _date(int(year), _han_number(match["month"]), _han_number(match["day"]))
        if found and len(year) == 4:
            return found
    return ""


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９／－．", "0123456789/-.")


def _han_number(text: str) -> str:
    """二十一 -> "21", 十二 -> "12", 三 -> "3"; "" for anything else."""
    if "十" not in text:
        return "".join(str(_HAN_DIGIT[c]) for c in text if c in _HAN_DIGIT and c != "O")
    tens, _, ones = text.partition("十")
    value = (_HAN_DIGIT.get(tens, 0) if tens else 1) * 10 + (_HAN_DIGIT.get(ones, 0) if ones else 0)
    return str(value)


def _date(year: int, month: str, day: str) -> str:
    try:
        return date(year, int(month), int(day)).isoformat()
    except ValueError:  # 2020年02月30日 is no date
        return ""


def with_date(variables: dict[str, str], written: str) -> None:
    """Set ``date`` from how the source wrote it (kept as ``date_text`` when not ISO)."""
    written = written.strip()
    found = iso_date(written)
    if not found:
        if written:
            variables.setdefault(DATE_TEXT, written)
        return
    variables[DATE] = found
    if written != found:
        variables[DATE_TEXT] = written


def tidy(value: object) -> str:
    """A variable's value on one line, its runs of white space made one space."""
    return " ".join(str(value).split())
