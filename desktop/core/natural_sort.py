"""Natural order for titles: 第100号 before 第1000号, 2023年9月 before 2023年10月.

The key is a plain string, so SQLite can sort by it with its ordinary binary comparison: the store
registers :func:`natural_key` as a deterministic SQL function and sorts by ``natural_key(title)``.
Each number is written as its digit count (two digits) and its digits without leading zeros,
so a shorter number sorts first and numbers of the same length compare digit by digit. The
count starts with a digit, so numbers still sort before letters and Chinese, as they do in plain
order. Any Unicode decimal digit counts (full-width １２ too); Chinese numerals (十二) do not.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d+")
# Longer numbers than this (serial numbers, hashes) keep their plain order among themselves.
_MAX_DIGITS = 99


def _number(match: re.Match[str]) -> str:
    digits = str(int(match.group())) if len(match.group()) <= _MAX_DIGITS else match.group()
    return f"{min(len(digits), _MAX_DIGITS):02d}{digits}"


def natural_key(text: str | None) -> str:
    """A string whose plain order is the natural order of ``text`` (case folded)."""
    if text is None:
        return ""
    return _DIGITS.sub(_number, text.casefold())
