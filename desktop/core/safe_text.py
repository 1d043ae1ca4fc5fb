"""Checks on text and JSON from files Jiyao did not write, made before anything is stored.

A file can hold what Python reads but the store cannot keep: a lone surrogate (``"\\ud800"`` is
valid JSON, but no UTF-8 can encode it), a NUL character (SQLite's ``length()`` stops at it,
so every span after it looks out of range), nesting deep enough to overflow the JSON encoder's
recursion, or an integer of more than 4,300 digits (Python refuses to parse it). Each of these is
one record's problem with a one-line reason, never the whole file's.
"""

from __future__ import annotations

import json
import re
from typing import Any

from desktop.core.messages import QT_TRANSLATE_NOOP

# Deeper JSON than any record needs; the encoder recurses once per level.
MAX_DEPTH = 100


class UnusableJson(ValueError):
    """JSON text that cannot be read; ``str(error)`` is a one-line reason."""


def load_json(text: str) -> Any:
    """``json.loads`` with every way it fails turned into :class:`UnusableJson`."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = (
            QT_TRANSLATE_NOOP("Import", "line {0}: ").format(error.lineno)
            if "\n" in text.strip()
            else ""
        )
        raise UnusableJson(
            QT_TRANSLATE_NOOP("Import", "not JSON ({0}{1})").format(where, error.msg)
        ) from None
    except RecursionError:
        raise UnusableJson(
            QT_TRANSLATE_NOOP("Import", "not usable JSON (nested too deeply)")
        ) from None
    except ValueError as error:  # an integer of more than 4300 digits
        raise UnusableJson(
            QT_TRANSLATE_NOOP("Import", "not usable JSON ({0})").format(str(error).split(";")[0])
        ) from None


def text_problem(value: str) -> str:
    """Why ``value`` cannot be stored as text, or "" when it can."""
    if "\x00" in value:
        return QT_TRANSLATE_NOOP("Import", "holds a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return QT_TRANSLATE_NOOP(
            "Import", "holds a lone surrogate (U+{0:04X}), which is not text"
        ).format(ord(value[error.start]))
    return ""


def json_value_problem(value: object, max_depth: int = MAX_DEPTH) -> str:
    """Why a value read from JSON cannot be stored (a bad string anywhere in it, keys too, or
    nesting deeper than ``max_depth``), or "" when it can. Walks without recursion."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            return QT_TRANSLATE_NOOP("Import", "nested more than {0} levels deep").format(max_depth)
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                return problem
        elif isinstance(item, dict):
            stack.extend((key, depth + 1) for key in item)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list | tuple):
            stack.extend((child, depth + 1) for child in item)
    return ""


# A JSON string, or a character that opens, closes or separates an item.
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{},]')


def json_list_items(text: str) -> list[Any] | None:
    """The items of a top-level JSON list read one at a time, when the whole list cannot be
    read because of what some items hold; None when the text is not a list of items (a syntax
    error is the whole file's). An item that cannot be read is its UnusableJson."""
    body = text.strip()
    if not body.startswith("[") or not body.endswith("]"):
        return None
    items: list[Any] = []
    depth, start = 0, 1
    for token in _JSON_TOKEN.finditer(body):
        mark = token.group()
        if mark in "[{":
            depth += 1
        elif mark in "]}":
            depth -= 1
        if (mark == "," and depth == 1) or depth == 0:
            item = body[start : token.start()]
            start = token.end()
            if item.strip():
                items.append(_item_or_problem(item))
    return items if depth == 0 else None


def _item_or_problem(item: str) -> Any:
    try:
        return load_json(item)
    except UnusableJson as error:
        return error
