"""Scraper output as JSON: one document per object, its fields read as a table's columns.

``.jsonl``/``.ndjson`` hold one object a line; ``.json`` a list of objects, or one object (or,
written by some scrapers, one a line). The fields are a table's columns (see
:mod:`desktop.core.readers.table`): the text field is found by the same names (正文, 内容,
text, content… or ``--text-column``), title, date, URL, source and author likewise, and every
other field becomes a document variable (a list or an object as its JSON). A text field holding
a list of strings is the article's paragraphs. An object without text, a line that is not JSON
and an item that is not an object are refused with their line (record) number; the others go in.

Jiyao's own JSONL exports, doccano's and Label Studio's hold annotated records, not rows: the
exchange importer reads them (:func:`holds_rows` tells a named file's kind from its first
records); found in a folder, such a file is refused with that reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core import textio
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.readers.source import (
    LINE,
    RECORD,
    ReaderOptions,
    ReadResult,
    RowRefusal,
)
from desktop.core.readers.table import TEXT, Columns, document_from_cells
from desktop.core.safe_text import UnusableJson, json_list_items, load_json

LINE_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = LINE_SUFFIXES | {".json"}

# A record of an annotated set has one of these: list fields of doccano's and Jiyao's records
# (spans, relations…) and Label Studio's (annotations, predictions), or Jiyao's own checksums.
_SET_LISTS = ("label", "annotations", "entities", "relations", "predictions", "entity_corrections")
_JIYAO_FIELDS = ("text_sha256", "source_text_sha256", "offsets")
_SNIFF_RECORDS = 50
_SNIFF_BYTES = 1 << 20


def is_annotated_record(item: object) -> bool:
    """A record of Jiyao's JSONL, doccano's or a Label Studio task, rather than a scraped row."""
    if not isinstance(item, dict):
        return False
    if isinstance(item.get("data"), dict):  # a Label Studio task
        return True
    if any(key in item for key in _JIYAO_FIELDS):
        return True
    return any(isinstance(item.get(key), list) for key in _SET_LISTS)


def _is_label_scheme(item: dict[str, Any]) -> bool:
    """A label scheme's JSON (resources/labels/*.json, NAME.scheme.json beside an export)."""
    return isinstance(item.get("labels"), list) and "name" in item and "text" not in item


def holds_rows(path: Path) -> bool:
    """Whether a JSON file holds scraper rows (not an annotated set): its first objects, read
    from its first megabyte, are all rows. False when none can be read: the set's reader then
    says why."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES + 1)
    except OSError:
        return False
    if len(head) > _SNIFF_BYTES:  # cut at a line's end, not inside a character
        head = head[: head.rfind(b"\n", 0, _SNIFF_BYTES) + 1]
    try:
        text = textio.decode_bytes(head).text
    except textio.UnreadableFile:
        return False
    objects = [item for item in _head_items(text) if isinstance(item, dict)]
    return bool(objects) and not any(is_annotated_record(item) for item in objects)


def _head_items(text: str) -> Iterator[Any]:
    """The first records of a file's head, those that can be read: a list's items one at a
    time (its end may be cut off), or its lines."""
    stripped = text.strip()
    decoder = json.JSONDecoder()
    if stripped.startswith("["):
        position, count = 1, 0
        while count < _SNIFF_RECORDS:
            while position < len(stripped) and stripped[position] in ",\n\r\t ":
                position += 1
            try:
                item, position = decoder.raw_decode(stripped, position)
            except (ValueError, RecursionError):
                return
            count += 1
            yield item
        return
    whole = _parsed(stripped) if stripped.startswith("{") else None
    if isinstance(whole, dict):  # one object, perhaps written over many lines
        yield whole
        return
    lines = [line for line in stripped.split("\n") if line.strip()][:_SNIFF_RECORDS]
    yield from (item for line in lines if not isinstance(item := _parsed(line), UnusableJson))


def _parsed(text: str) -> Any:
    try:
        return load_json(text)
    except UnusableJson as error:
        return error


def read_json_rows(data: bytes, options: ReaderOptions, by_lines: bool) -> ReadResult:
    """A scraper's JSON file as documents, one per object; ``by_lines`` for JSON Lines."""
    decoded = textio.decode_bytes(data)
    records, unit = _records(decoded.text, by_lines)
    objects = [item for _, item in records if isinstance(item, dict)]
    if any(is_annotated_record(item) for item in objects):
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import",
                "an annotated set (Jiyao's JSONL, doccano or Label Studio), not scraped rows: "
                "import the file by itself",
            )
        )
    if not objects:
        raise textio.UnreadableFile(_no_objects_reason(records))
    if len(objects) == 1 and _is_label_scheme(objects[0]):
        raise textio.UnreadableFile(
            QT_TRANSLATE_NOOP(
                "Import",
                "a label scheme (as Jiyao writes beside a JSONL export), not scraped rows: "
                "import it with Edit > Labels… > Import scheme…",
            )
        )
    header = list(dict.fromkeys(str(key) for item in objects for key in item))
    columns = Columns.of(header, options)
    text_field = header[columns.roles[TEXT]]
    results: ReadResult = []
    for number, item in records:
        if isinstance(item, UnusableJson):
            results.append(RowRefusal(number, str(item), unit))
        elif not isinstance(item, dict):
            reason = QT_TRANSLATE_NOOP("Import", "not a JSON object but {0}")
            results.append(RowRefusal(number, reason.format(_shown(item)), unit))
        elif not _is_text(item.get(text_field)):
            reason = QT_TRANSLATE_NOOP("Import", "field {0!r} holds {1}, not text")
            results.append(
                RowRefusal(number, reason.format(text_field, _shown(item[text_field])), unit)
            )
        else:
            cells = [_cell(item.get(key), paragraphs=key == text_field) for key in header]
            results.append(document_from_cells(cells, columns, decoded.encoding, number, unit))
    return results


def _records(text: str, by_lines: bool) -> tuple[list[tuple[int, Any]], str]:
    """Each record with its number (a line's, or an item's in a list), and what the numbers
    count; an UnusableJson for a record that cannot be read. UnreadableFile when the whole
    file is no JSON."""
    stripped = text.strip()
    if not by_lines and stripped.startswith("["):
        try:
            items = load_json(stripped)
        except UnusableJson as error:
            found = json_list_items(stripped)
            if found is None:
                raise textio.UnreadableFile(str(error)) from error
            items = found
        return list(enumerate(items, start=1)), RECORD
    if not by_lines and stripped.startswith("{"):
        whole = _parsed(stripped)
        if isinstance(whole, dict):
            return [(1, whole)], RECORD
    # JSON Lines break at \n only: str.splitlines() would also break at U+2028 inside a text.
    lines = [
        (number, _parsed(line.removesuffix("\r")))
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip()
    ]
    return lines, LINE


def _no_objects_reason(records: list[tuple[int, Any]]) -> str:
    if not records:
        return QT_TRANSLATE_NOOP("Import", "the file holds no JSON objects")
    number, first = records[0]
    if isinstance(first, UnusableJson):
        return QT_TRANSLATE_NOOP("Import", "no line is a JSON object (line {0}: {1})").format(
            number, first
        )
    reason = QT_TRANSLATE_NOOP("Import", "the file holds no JSON objects (the first is {0})")
    return reason.format(_shown(first))


def _is_text(value: object) -> bool:
    """A text field's value that can be a document's text: a string (empty too: the row is
    then refused for having no text), nothing, or a list of paragraphs."""
    if value is None or isinstance(value, str):
        return True
    return isinstance(value, list) and all(isinstance(part, str) for part in value)


def _cell(value: object, *, paragraphs: bool = False) -> str:
    if value is None or value == [] or value == {}:  # a field a scraper left empty
        return ""
    if isinstance(value, str):
        return value
    if paragraphs and isinstance(value, list):
        return "\n".join(value)
    return json.dumps(value, ensure_ascii=False)


def _shown(value: object) -> str:
    """A value as the reason shows it: its JSON, cut short."""
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:39] + "…"
