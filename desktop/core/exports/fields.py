"""Checks every reader makes on the fields of a file it did not write itself.

Readers get JSON (or XML attributes) of any shape: a field may be missing, null, a number where
a string belongs or a list where an object does. These getters either give a value of the
right type or raise :class:`BadField` with a one-line reason, which the reader turns into a
``Problem`` for the line, task or selection, keeping the rest. ``MALFORMED`` is what a reader
catches around one record, so that no shape of JSON can throw away the whole file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.core.labels import (
    LABEL_PATH_SEPARATOR,
    AttributeSpec,
    BadScheme,
    label_name_problem,
    parse_attribute,
)
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.model import CORRECTION_ACTIONS, Entity, EntityCorrection

T = TypeVar("T")

COLOR = re.compile(r"#[0-9a-fA-F]{6}")  # use with fullmatch: Jiyao stores #rrggbb
_SHORT_COLOR = re.compile(r"#[0-9a-fA-F]{3}")  # allowed by REFI-QDA's RGBType


# Deeper than any codebook people use; the store's label paths are built by recursion.
MAX_LABEL_DEPTH = 32


class BadField(ValueError):
    """A field, or a record built from fields, a reader cannot use; ``str(error)`` says why."""


# What code written for the right shape raises on JSON of another shape (a list where an
# object was expected, a missing key...). Caught around each record as a last line of defence.
MALFORMED: tuple[type[Exception], ...] = (
    ValueError,  # BadField among them
    TypeError,
    KeyError,
    AttributeError,
    IndexError,
    RecursionError,  # a structure nested deeper than the code that walks it expects
)


def reason(error: Exception) -> str:
    """A one-line reason for a record refused with one of ``MALFORMED``."""
    if isinstance(error, KeyError):
        return QT_TRANSLATE_NOOP("Exchange", "the field {0!r} is missing").format(error.args[0])
    if isinstance(error, BadField):
        return message_of(error)
    return QT_TRANSLATE_NOOP("Exchange", "malformed ({0})").format(error)


# Getters -------------------------------------------------------------------------------------


def as_dict(value: object) -> dict[str, Any]:
    """An object field, or an empty one when it is missing or of another type."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """A list field, or an empty one when it is missing or of another type."""
    return value if isinstance(value, list) else []


def list_field(value: object, what: str) -> list[Any]:
    """A list field; missing (or null) is empty, any other type is refused."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "{0} must be a list").format(what))
    return value


def dict_field(value: object, what: str) -> dict[str, Any]:
    """An object field; missing (or null) is empty, any other type is refused."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "{0} must be a JSON object").format(what))
    return value


def as_string(value: object) -> str:
    """A text field: a string as it is, a number as its digits (an id or a year), anything
    else (null, a list, an object) as "" rather than its Python spelling ("None", "[...]")."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return ""


def strings(value: object) -> dict[str, str]:
    """The string values of an object field."""
    return {key: item for key, item in as_dict(value).items() if isinstance(item, str)}


def offset(value: object, what: str = "an offset") -> int:
    """A whole number; True is an int to Python but never an offset."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "{0} is a whole number, not {1}").format(
                what, json.dumps(value, default=repr)[:40]
            )
        )
    return value


def offsets(item: dict[str, Any], start: str = "start", end: str = "end") -> tuple[int, int]:
    first, last = item.get(start), item.get(end)
    try:
        return offset(first), offset(last)
    except BadField:
        reason = QT_TRANSLATE_NOOP(
            "Exchange", "{0} and {1} must be whole numbers, not {2!r} and {3!r}"
        ).format(start, end, first, last)
        raise BadField(reason) from None


def label(value: object) -> str:
    """A span's label, a name or a path ("Support measures/Labour"); null, empty and paths
    with an empty part are refused, not stored as a label called "None" or ""."""
    if not isinstance(value, str):
        raise BadField(
            QT_TRANSLATE_NOOP("Exchange", "a label is a name, not {0}").format(
                json.dumps(value, default=repr)[:40]
            )
        )
    problem = label_path_problem(value)
    if problem:
        raise BadField(problem)
    return value


def label_path_problem(path: str) -> str:
    """Why ``path`` cannot name a label, or "" when it can."""
    if not path.strip():
        return QT_TRANSLATE_NOOP("Exchange", "the label is empty")
    parts = path.split(LABEL_PATH_SEPARATOR)
    if any(not part.strip() for part in parts):
        return QT_TRANSLATE_NOOP("Exchange", "the label path {0!r} has an empty part").format(path)
    if len(parts) > MAX_LABEL_DEPTH:
        return QT_TRANSLATE_NOOP(
            "Exchange", "the label path is nested more than {0} levels deep"
        ).format(MAX_LABEL_DEPTH)
    return next(filter(None, map(label_name_problem, parts)), "")


def color(value: object) -> str:
    """A colour as ``#rrggbb`` (``#rgb`` widened), or "" when ``value`` is not one."""
    if not isinstance(value, str):
        return ""
    if COLOR.fullmatch(value):
        return value
    if _SHORT_COLOR.fullmatch(value):
        return "#" + "".join(digit * 2 for digit in value[1:])
    return ""


def each(
    items: Iterable[object], parse: Callable[[object], T], on_bad: Callable[[int, str], None]
) -> list[T]:
    """``parse`` applied to every item; an item it refuses is passed to ``on_bad`` with its
    1-based number and the reason, and the others are kept."""
    parsed: list[T] = []
    for number, item in enumerate(items, start=1):
        try:
            parsed.append(parse(item))
        except MALFORMED as error:
            on_bad(number, reason(error))
    return parsed


# Entity corrections --------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordedCorrection(EntityCorrection):
    """A correction read from a converted export that recorded its exact span in the source's
    clean text (``source_span``), as tags do: the converted span, widened over a phrase that
    changed length, would map back wider."""

    source_span: tuple[int, int] | None = None


def recorded_span(value: object) -> tuple[int, int] | None:
    """A ``[start, end]`` pair a file records (``source_span``); None for anything else."""
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
    ):
        return value[0], value[1]
    return None


def correction_to_json(
    correction: EntityCorrection, source_span: tuple[int, int] | None = None
) -> dict[str, Any]:
    """The correction as Jiyao's JSON writers record it; ``source_span`` is its exact span in
    the clean text when a converted export would not map back to it (see ExportDocument)."""
    entity = correction.entity
    item: dict[str, Any] = {
        "action": correction.action,
        "type": entity.type,
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "annotator": correction.annotator,
        "created_at": correction.created_at,
    }
    if source_span is not None:
        item["source_span"] = list(source_span)
    return item


def correction_from_json(item: object) -> EntityCorrection:
    """A user's entity correction as written by :func:`correction_to_json`; raises BadField
    for anything the store would refuse (an unknown action rolls back a whole import)."""
    if not isinstance(item, dict):
        raise BadField(QT_TRANSLATE_NOOP("Exchange", "not a JSON object"))
    action, kind, text = item.get("action"), item.get("type"), item.get("text")
    if action not in CORRECTION_ACTIONS or not isinstance(kind, str) or not kind:
        raise BadField(
            QT_TRANSLATE_NOOP(
                "Exchange", "needs an action (add or remove) and a type, not {0!r}, {1!r}"
            ).format(action, kind)
        )
    start, end = offsets(item)
    origin = "user" if action == "add" else "pipeline"
    entity = Entity(kind, start, end, text if isinstance(text, str) else "", origin)
    annotator, created_at = as_string(item.get("annotator")), as_string(item.get("created_at"))
    source_span = recorded_span(item.get("source_span"))
    if source_span is not None:
        return RecordedCorrection(action, entity, annotator, created_at, source_span)
    return EntityCorrection(action, entity, annotator, created_at)


# Attribute definitions -----------------------------------------------------------------------


def attribute_spec(name: str, data: object) -> AttributeSpec | None:
    """The attribute ``name`` as a file defines it (brat's metadata.json, a REFI-QDA code's
    definition line); None when ``data`` is not a definition Jiyao can use (an unknown kind,
    a choice of nothing)."""
    if not isinstance(data, dict) or not name:
        return None
    try:
        return parse_attribute({**data, "name": name})
    except BadScheme:
        return None
