"""brat standoff: a folder with ``NNNN.txt`` and ``NNNN.ann`` per document (the zero-padded
document id), plus ``annotation.conf``, ``visual.conf``, ``metadata.json`` and ``README.txt``.
brat, INCEpTION, GATE and many converters read it.

Format choices:

* Offsets are code points, end-exclusive, into the ``.txt`` as written (UTF-8, ``\\n``, no BOM).
  brat is Python, so a character outside the BMP (𠮷) counts as one there too, and it reads the
  ``.txt`` without translating line endings: a ``\\r`` in the text is a character (the reader
  does the same).
* brat type names must match ``[A-Za-z0-9_-]+``. Each label gets a safe name (runs of other
  characters become ``_``; a name with nothing left becomes ``Label_<id>``; a suffix ``_2``
  keeps names unique across labels, entity types and attributes, which share visual.conf).
  ``annotation.conf`` gives the hierarchy by tab indentation and ``visual.conf`` each type's
  exact label name and colour, so the reader restores label paths.
* A T line cannot hold a line break, so a tag whose text crosses one is written as a
  discontinuous span split at the breaks, as brat itself does (fragment texts joined by a
  space). The reader takes the first fragment's start to the last one's end; line breaks at
  either end of a tag, which no fragment covers, are kept in metadata.json.
* Attributes: one A line per value, so a list gives several (metadata.json says which were
  lists). brat values cannot hold whitespace and annotation.conf separates values with ``|``
  and ``,``: those and ``%`` are percent-encoded (UTF-8). AnnotatorNotes percent-encode ``%``,
  tabs and line breaks, and so do the label names in visual.conf together with ``|``. The
  reader decodes only folders whose metadata.json says Jiyao wrote them.
* The entity layer, when exported, is T lines of types PERSON, ORG… declared under the abstract
  type ``!Jiyao_entity``; the reader skips them.
* ``[relations]`` declares no relation, only ``<OVERLAP>`` so brat accepts overlapping tags.
* metadata.json keeps what brat has no place for: the offset convention, each document's
  title, text_sha256, date, source, status, conversion (with the clean text's
  ``source_text_sha256`` when converted) and metadata, each tag's annotator, times and note
  title (its memo's), label descriptions, the real attribute names and (under
  ``attribute_specs``) each attribute's definition from the project: label, kind, values,
  suggest_from, description. The reader gives those back; a folder from another tool gets
  its attributes from annotation.conf ``[attributes]``: a choice of the declared values, or
  for a binary flag (no values) a text attribute.

This module writes; :mod:`desktop.core.exports.brat_reader` reads a folder back with the
constants and escaping defined here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, unquote

from desktop.core.entities import TYPES as ENTITY_TYPES
from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.fields import COLOR
from desktop.core.exports.output import staged_folder
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.labels import attribute_to_json
from desktop.core.model import Annotation, Label

FORMAT = "brat"
ENTITY_PARENT = "Jiyao_entity"
METADATA_FILE = "metadata.json"
ESCAPING = "percent"  # metadata.json's mark that values, notes and names are percent-encoded
OVERLAP = "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"
ATTRIBUTE_SPECS = "attribute_specs"  # metadata.json: each attribute's definition by its name
# Where str.splitlines (and so brat's line reader) breaks a line.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_UNSAFE_IN_TYPE = re.compile(r"[^A-Za-z0-9_-]+")

Fragment = tuple[int, int, str]  # start, end, text of one piece of a discontinuous span


# Escaping ------------------------------------------------------------------------------------


def _escape(text: str, unsafe: Callable[[str], bool]) -> str:
    return "".join(quote(char, safe="") if unsafe(char) else char for char in text)


def _unsafe_in_value(char: str) -> bool:
    return char == "%" or char.isspace() or char in "|,"


def _unsafe_in_note(char: str) -> bool:
    return char in "%\t" or char in LINE_BREAKS


def _unsafe_in_name(char: str) -> bool:
    return char in "%|\t" or char in LINE_BREAKS


def unescape(text: str) -> str:
    """Undo the percent-encoding of a value, note or name (any ``%XX``, read as UTF-8)."""
    return unquote(text)


# Writing -------------------------------------------------------------------------------------


def write_brat(documents: Iterable[ExportDocument], codebook: Codebook, target: Path) -> int:
    """Write the brat folder ``target`` (created if needed; nothing appears in it unless the
    whole export succeeds). Returns the number of tags written."""
    types = _TypeSystem(codebook)
    tags = 0
    with staged_folder(target, written_as=FORMAT) as folder:
        with (folder / METADATA_FILE).open("w", encoding="utf-8", newline="\n") as handle:
            metadata = _MetadataFile(handle)
            for document in documents:
                stem = document_stem(document.id)
                metadata.add(stem, _write_document(folder, stem, document, types))
                tags += len(document.annotations)
            metadata.close(types.metadata())
        _write_utf8(folder / "annotation.conf", types.annotation_conf())
        _write_utf8(folder / "visual.conf", types.visual_conf())
        _write_utf8(folder / "README.txt", _readme(metadata.count, tags))
    return tags


def document_stem(document_id: int) -> str:
    return f"{document_id:04d}"


def _write_utf8(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


def _write_document(
    folder: Path, stem: str, document: ExportDocument, types: _TypeSystem
) -> dict[str, Any]:
    _write_utf8(folder / f"{stem}.txt", document.text)
    lines, tag_extras = _ann_lines(document, types)
    _write_utf8(folder / f"{stem}.ann", "".join(line + "\n" for line in lines))
    return _document_entry(document, tag_extras)


def _ann_lines(
    document: ExportDocument, types: _TypeSystem
) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The document's .ann lines, and what brat cannot say about each tag (by T id)."""
    lines: list[str] = []
    extras: dict[str, dict[str, Any]] = {}
    attribute_count = note_count = 0
    tags = document.annotations_with_source_spans()
    for number, (tag, source_span) in enumerate(tags, start=1):
        tag_id = f"T{number}"
        fragments = _fragments(tag.start, document.text[tag.start : tag.end])
        lines.append(_text_bound_line(tag_id, types.type_for(tag), tag.start, tag.end, fragments))
        for name, value in types.attribute_values(tag.attributes):
            attribute_count += 1
            lines.append(f"A{attribute_count}\t{name} {tag_id} {value}")
        if tag.note:
            note_count += 1
            note = _escape(tag.note, _unsafe_in_note)
            lines.append(f"#{note_count}\tAnnotatorNotes {tag_id}\t{note}")
        extra = _tag_extras(tag, fragments, source_span)
        if extra:
            extras[tag_id] = extra
    for number, entity in enumerate(document.entities, start=len(document.annotations) + 1):
        fragments = _fragments(entity.start, document.text[entity.start : entity.end])
        entity_type = types.entity_type(entity.type)
        lines.append(
            _text_bound_line(f"T{number}", entity_type, entity.start, entity.end, fragments)
        )
    return lines, extras


def _fragments(start: int, text: str) -> list[Fragment]:
    """The pieces of ``text`` between line breaks, as brat splits a span that crosses lines."""
    fragments: list[Fragment] = []
    begin = 0
    for index, char in enumerate(text):
        if char in LINE_BREAKS:
            if index > begin:
                fragments.append((start + begin, start + index, text[begin:index]))
            begin = index + 1
    if len(text) > begin:
        fragments.append((start + begin, start + len(text), text[begin:]))
    return fragments


def _text_bound_line(
    tag_id: str, type_name: str, start: int, end: int, fragments: Sequence[Fragment]
) -> str:
    if not fragments:  # nothing but line breaks: keep the span, with no text brat could check
        return f"{tag_id}\t{type_name} {start} {end}\t"
    offsets = ";".join(f"{begin} {finish}" for begin, finish, _ in fragments)
    return f"{tag_id}\t{type_name} {offsets}\t{' '.join(text for _, _, text in fragments)}"


def _tag_extras(
    tag: Annotation, fragments: Sequence[Fragment], source_span: tuple[int, int] | None
) -> dict[str, Any]:
    extra: dict[str, Any] = {
        "source_span": list(source_span) if source_span else None,
        "annotator": tag.annotator,
        "created_at": tag.created_at,
        "updated_at": tag.updated_at,
        "note_title": tag.note_title if tag.note else "",  # the AnnotatorNotes' title
        "list_attributes": [k for k, v in tag.attributes.items() if isinstance(v, list)],
    }
    if not fragments or (fragments[0][0], fragments[-1][1]) != (tag.start, tag.end):
        extra["span"] = [tag.start, tag.end]
    return {key: value for key, value in extra.items() if value}


def _document_entry(document: ExportDocument, tags: dict[str, dict[str, Any]]) -> dict[str, Any]:
    source = document.document
    entry: dict[str, Any] = {
        "id": document.id,
        "title": source.title,
        "text_sha256": document.text_sha256,
        "date": source.date,
        "source": source.source,
        "status": source.status.value,
        "conversion": document.conversion,
        "script": document.script,  # of the text written: a conversion's target script
        "metadata": source.metadata,
    }
    if document.conversion != "none":  # so a set imported back finds the source document
        entry["source_text_sha256"] = source.text_sha256
    if tags:
        entry["tags"] = tags
    return entry


class _TypeNames:
    """brat-safe names, unique across labels, entity types and attributes: visual.conf maps
    all three back to their real names in one namespace."""

    def __init__(self) -> None:
        self.used: set[str] = {ENTITY_PARENT, *ENTITY_TYPES}

    def claim(self, wanted: str, fallback: str) -> str:
        base = _UNSAFE_IN_TYPE.sub("_", wanted).strip("_") or fallback
        name, number = base, 1
        while name in self.used:
            number += 1
            name = f"{base}_{number}"
        self.used.add(name)
        return name


class _TypeSystem:
    """The export's brat types and attributes, gathered as documents go by; becomes
    annotation.conf, visual.conf and part of metadata.json at the end."""

    def __init__(self, codebook: Codebook) -> None:
        self.names = _TypeNames()
        self.label_types: dict[int, str] = {}
        self.tree: list[tuple[int, str]] = []  # (depth, type) in annotation.conf order
        self.full_names: dict[str, str] = {}  # type or attribute -> the name visual.conf shows
        self.colors: dict[str, str] = {}
        self.descriptions: dict[str, str] = {}
        self.attributes: dict[str, str] = {}  # attribute key -> its brat name
        self.values: dict[str, dict[str, None]] = {}  # brat attribute name -> values, in order
        self.entity_types: dict[str, str] = {}
        self.specs = {spec.name: attribute_to_json(spec) for spec in codebook.attributes}
        for depth, label in codebook.in_tree_order():
            self._add_label(label, depth)
        for spec in codebook.attributes:
            name = self._attribute(spec.name, spec.label or spec.name)
            if spec.kind == "choice":  # brat offers exactly these, so declare them all
                for value in spec.values:
                    self.values[name].setdefault(_escape(value, _unsafe_in_value))

    def _add_label(self, label: Label, depth: int) -> str:
        type_name = self.names.claim(label.name, f"Label_{label.id}")
        self.label_types[label.id] = type_name
        self.tree.append((depth, type_name))
        self.full_names[type_name] = label.name
        self.colors[type_name] = label.color
        if label.description:
            self.descriptions[type_name] = label.description
        return type_name

    def _attribute(self, key: str, shown: str) -> str:
        if key not in self.attributes:
            name = self.names.claim(key, "Attribute")
            self.attributes[key] = name
            self.full_names[name] = shown
            self.values[name] = {}
        return self.attributes[key]

    def type_for(self, tag: Annotation) -> str:
        known = self.label_types.get(tag.label_id)
        if known is not None:
            return known
        # A label the codebook does not list: declare it at the top level.
        return self._add_label(Label(tag.label_id, tag.label), 0)

    def entity_type(self, entity_type: str) -> str:
        if entity_type not in self.entity_types:
            reserved = entity_type in ENTITY_TYPES
            name = entity_type if reserved else self.names.claim(entity_type, "Entity")
            self.entity_types[entity_type] = name
        return self.entity_types[entity_type]

    def attribute_values(self, attributes: dict[str, Any]) -> Iterator[tuple[str, str]]:
        """(brat name, escaped value) for each A line; empty values are not written."""
        for key, value in attributes.items():
            name = self._attribute(key, key)
            for item in value if isinstance(value, list) else [value]:
                if item is None or str(item) == "":
                    continue
                escaped = _escape(str(item), _unsafe_in_value)
                self.values[name].setdefault(escaped)
                yield name, escaped

    def annotation_conf(self) -> str:
        lines = [
            "# Written by Jiyao. Type names are brat-safe forms of the label names (visual.conf",
            f"# gives the exact names); types under {ENTITY_PARENT} are the entity layer.",
            "[entities]",
            *("\t" * depth + type_name for depth, type_name in self.tree),
        ]
        if self.entity_types:
            lines.append(f"!{ENTITY_PARENT}")
            lines.extend(f"\t{name}" for name in self.entity_types.values())
        lines += ["", "[relations]", "# No relations; this lets tags overlap.", OVERLAP]
        lines += ["", "[events]", "", "[attributes]"]
        for name, values in self.values.items():
            if values:
                lines.append(f"{name}\tArg:<ENTITY>, Value:{'|'.join(values)}")
            else:
                lines.append(f"# {name}: no value in this export (brat needs at least one)")
        return "\n".join(lines) + "\n"

    def visual_conf(self) -> str:
        lines = ["[labels]"]
        for name, full_name in self.full_names.items():
            lines.append(f"{name} | {_escape(full_name, _unsafe_in_name)}")
        lines += ["", "[drawing]"]
        for name, color in self.colors.items():
            if COLOR.fullmatch(color):
                lines.append(f"{name}\tbgColor:{color}")
        return "\n".join(lines) + "\n"

    def metadata(self) -> dict[str, Any]:
        return {
            "label_descriptions": self.descriptions,
            "attributes": {name: key for key, name in self.attributes.items()},
            ATTRIBUTE_SPECS: self.specs,
        }


class _MetadataFile:
    """metadata.json written as the documents go by, so a large corpus is never held twice."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle
        self.count = 0
        header = {
            "written_by": "Jiyao",
            "format": "brat standoff",
            "offsets": f"{OFFSET_CONVENTION} (each .txt holds the text as exported)",
            "escaping": ESCAPING,
            "entity_layer": ENTITY_PARENT,
        }
        handle.write("{\n")
        for key, value in header.items():
            handle.write(f" {_json(key)}: {_json(value)},\n")
        handle.write(' "documents": {')

    def add(self, stem: str, entry: dict[str, Any]) -> None:
        self.handle.write(("\n" if self.count == 0 else ",\n") + f"  {_json(stem)}: {_json(entry)}")
        self.count += 1

    def close(self, trailer: dict[str, Any]) -> None:
        self.handle.write("\n }")
        for key, value in trailer.items():
            self.handle.write(f",\n {_json(key)}: {_json(value)}")
        self.handle.write("\n}\n")


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _readme(documents: int, tags: int) -> str:
    return f"""brat standoff written by Jiyao: {documents} documents, {tags} tags.

NNNN.txt   the document's text (UTF-8, \\n newlines, no BOM); NNNN is the Jiyao document id
NNNN.ann   its tags: T lines (label spans), A lines (attributes), #  AnnotatorNotes (notes)
annotation.conf, visual.conf   the label hierarchy, exact label names and colours
metadata.json   per document (by file stem): title, text_sha256, date, source, status,
           conversion; per tag: annotator, times and its note's title; the attributes'
           definitions

Offsets: {OFFSET_CONVENTION}.
Each .txt holds the text as exported, so the offsets index it as written (a \\r counts).
A tag crossing a line break is a discontinuous span split at the break, as brat does.
Attribute values percent-encode %, whitespace, | and , (UTF-8); notes percent-encode %, tab
and line breaks. Types under {ENTITY_PARENT} in annotation.conf are the entity layer.
"""
