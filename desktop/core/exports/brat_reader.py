"""Reading a brat standoff folder back into an annotated set; the format mapping is described
in :mod:`desktop.core.exports.brat`, which writes it."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from desktop.core import textio
from desktop.core.exports.brat import (
    ATTRIBUTE_SPECS,
    ENTITY_PARENT,
    ESCAPING,
    FORMAT,
    METADATA_FILE,
    unescape,
)
from desktop.core.exports.fields import (
    MALFORMED,
    as_dict,
    as_string,
    attribute_spec,
    color,
    reason,
    strings,
)
from desktop.core.exports.importing import (
    AnnotatedSet,
    DocumentRecord,
    LabelRecord,
    Problem,
    SpanRecord,
    UnreadableSet,
    recorded_span,
)
from desktop.core.exports.output import EXPORT_MARKER, is_brat_folder
from desktop.core.labels import LABEL_PATH_SEPARATOR, AttributeSpec
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.safe_text import UnusableJson, load_json

_BOM = "\ufeff"
_TEXT_BOUND = re.compile(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)\s*")


@dataclass
class _Config:
    """What annotation.conf, visual.conf and metadata.json say about types and attributes."""

    parents: dict[str, str | None] = field(default_factory=dict)  # entity types, in order
    entity_layer: set[str] = field(default_factory=set)
    event_types: set[str] = field(default_factory=set)
    full_names: dict[str, str] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    attribute_names: dict[str, str] = field(default_factory=dict)
    attributes: list[AttributeSpec] = field(default_factory=list)  # their definitions
    escaped: bool = False  # written by Jiyao: values, notes and names are percent-encoded

    def path(self, type_name: str) -> str:
        names: list[str] = []
        current: str | None = type_name
        while current is not None and current not in names:
            names.append(current)
            current = self.parents.get(current)
        return LABEL_PATH_SEPARATOR.join(self.full_names.get(n, n) for n in reversed(names))

    def decoded(self, text: str) -> str:
        return unescape(text) if self.escaped else text

    def label_records(self) -> list[LabelRecord]:
        return [
            LabelRecord(
                self.path(type_name),
                self.colors.get(type_name, ""),
                self.descriptions.get(type_name, ""),
            )
            for type_name in self.parents
            if type_name not in self.entity_layer
        ]


def read_brat(folder: Path) -> AnnotatedSet:
    """Read a brat folder: every ``.ann`` with its ``.txt``. Raises UnreadableSet when
    ``folder`` is not a folder, or holds no ``.ann`` file and is no brat set either (one with
    annotation.conf and no documents, as an empty project exports, gives its labels only)."""
    if not folder.is_dir():
        raise UnreadableSet(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0}: not a folder (a brat set is a folder of .ann files)"
            ).format(folder.name)
        )
    ann_files = sorted(folder.glob("*.ann"))
    if not ann_files and not is_brat_folder(folder):
        raise UnreadableSet(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0}: no .ann files (and no annotation.conf) in this folder"
            ).format(folder.name)
        )
    annotated = AnnotatedSet(folder, FORMAT)
    metadata = _read_metadata(folder / METADATA_FILE, annotated.problems)
    config = _read_config(folder, metadata, annotated.problems)
    annotated.labels = config.label_records()
    annotated.attributes = config.attributes
    documents = as_dict(metadata.get("documents"))
    skipped: Counter[str] = Counter()
    for ann_path in ann_files:
        entry = as_dict(documents.get(ann_path.stem))
        try:
            record = _read_document(ann_path, entry, config, annotated.problems, skipped)
        except MALFORMED as error:  # one broken document never costs the folder
            annotated.problems.append(Problem(ann_path.name, reason(error)))
            continue
        if record is not None:
            annotated.documents.append(record)
    skipped["text without ann"] = len(_texts_without_ann(folder))
    annotated.skipped = [_skipped_message(kind, count) for kind, count in skipped.items() if count]
    return annotated


def _texts_without_ann(folder: Path) -> list[Path]:
    """The .txt files no .ann goes with (Jiyao's own README.txt aside): not brat documents,
    so said rather than passed over (a brat folder of texts not yet annotated)."""
    readme = folder / "README.txt" if (folder / EXPORT_MARKER).is_file() else None
    return [
        path
        for path in folder.glob("*.txt")
        if path != readme and not os.path.lexists(path.with_suffix(".ann"))
    ]


def _read_utf8(path: Path, problems: list[Problem]) -> str | None:
    """The file's text with its line endings as they are, as brat reads it (a ``\\r`` is a
    character it counts in offsets); None (and a problem) if it cannot be read. Only regular
    files inside the set's folder are read (never a link out of it, a pipe or a device), and
    none above the document size limit."""
    try:
        data = textio.read_bytes(path, within=path.parent)
    except textio.UnreadableFile as error:
        problems.append(Problem(path.name, message_of(error)))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeError as error:
        problems.append(
            Problem(
                path.name,
                QT_TRANSLATE_NOOP("Exchange", "cannot be read as UTF-8 text ({0})").format(error),
            )
        )
        return None


def _read_metadata(path: Path, problems: list[Problem]) -> dict[str, Any]:
    if not os.path.lexists(path):
        return {}
    text = _read_utf8(path, problems)
    try:
        return as_dict(load_json(text)) if text is not None else {}
    except UnusableJson as error:
        problems.append(Problem(path.name, message_of(error)))
        return {}


def _read_config(folder: Path, metadata: dict[str, Any], problems: list[Problem]) -> _Config:
    config = _Config(escaped=metadata.get("escaping") == ESCAPING)
    config.descriptions = strings(metadata.get("label_descriptions"))
    config.attribute_names = strings(metadata.get("attributes"))
    annotation = _conf_sections(folder / "annotation.conf", problems)
    entity_parent = as_string(metadata.get("entity_layer")) or ENTITY_PARENT
    for type_name, parent in _type_tree(annotation.get("entities", [])):
        config.parents[type_name] = parent
        if type_name == entity_parent or parent in config.entity_layer:
            config.entity_layer.add(type_name)
    config.event_types = {term for term, _ in _type_tree(annotation.get("events", []))}
    visual = _conf_sections(folder / "visual.conf", problems)
    for line in visual.get("labels", []):
        terms = [term.strip() for term in line.split("\t", 1)[0].split("|")]
        if len(terms) >= 2 and terms[0] and terms[1]:
            config.full_names[terms[0]] = config.decoded(terms[1])
    for line in visual.get("drawing", []):
        type_name, _, settings = line.strip().partition("\t")
        for setting in settings.split(","):
            key, _, value = setting.strip().partition(":")
            if key == "bgColor" and (background := color(value.strip())):
                config.colors[type_name.strip()] = background
    recorded = metadata.get(ATTRIBUTE_SPECS)
    if isinstance(recorded, dict):  # written by Jiyao: the project's own definitions
        config.attributes = _recorded_attributes(recorded, problems)
    else:
        config.attributes = _declared_attributes(annotation.get("attributes", []), config)
    return config


def _recorded_attributes(recorded: dict[str, Any], problems: list[Problem]) -> list[AttributeSpec]:
    attributes: list[AttributeSpec] = []
    for name, data in recorded.items():
        spec = attribute_spec(name, data)
        if spec is None:
            reason = QT_TRANSLATE_NOOP(
                "Exchange", "{0}: {1!r} is not an attribute definition; left out"
            ).format(ATTRIBUTE_SPECS, name)
            problems.append(Problem(METADATA_FILE, reason))
        else:
            attributes.append(spec)
    return attributes


def _declared_attributes(lines: Sequence[str], config: _Config) -> list[AttributeSpec]:
    """The attributes annotation.conf declares for spans: a choice of the declared values
    (``Value:A|B``, or brat's older ``A:glyph, B:glyph``); a binary flag, which has none,
    becomes a text attribute. Attributes only of events or relations are left out."""
    attributes: dict[str, AttributeSpec] = {}
    for line in lines:
        if _separator_or_macro(line):
            continue
        fields = line.split(None, 1)
        brat_name = fields[0].lstrip("!").split("|")[0]
        targets: list[str] = []
        values: dict[str, None] = {}
        for argument in (fields[1] if len(fields) > 1 else "").split(","):
            key, colon, value = (part.strip() for part in argument.partition(":"))
            if key == "Arg":
                targets.extend(target.strip() for target in value.split("|"))
            elif key == "Value":
                values.update((config.decoded(v.strip()), None) for v in value.split("|"))
            elif colon and key and not key.startswith("<"):
                values[config.decoded(key)] = None
        values.pop("", None)
        not_spans = {"<EVENT>", "<RELATION>", *config.event_types}
        if not brat_name or (targets and all(target in not_spans for target in targets)):
            continue
        name = config.attribute_names.get(brat_name, brat_name)
        if name in attributes:
            continue
        label = config.full_names.get(brat_name) or name
        if values:
            attributes[name] = AttributeSpec(name, label, "choice", tuple(values))
        else:
            flag = "a brat binary flag: true when set"
            attributes[name] = AttributeSpec(name, label, "text", description=flag)
    return list(attributes.values())


def _conf_sections(path: Path, problems: list[Problem]) -> dict[str, list[str]]:
    """The meaningful lines of a brat .conf file by section (comments and blanks dropped)."""
    # One that is there but is no file (a pipe, a broken link) is refused in words.
    text = _read_utf8(path, problems) if os.path.lexists(path) else None
    sections: dict[str, list[str]] = {}
    current = "general"
    for line in (text or "").removeprefix(_BOM).splitlines():  # brat's reader breaks here too
        header = re.fullmatch(r"\s*\[(.*)\]\s*", line)
        if header:
            current = header.group(1).strip()
        elif line.strip() and not line.lstrip().startswith("#"):
            sections.setdefault(current, []).append(line)
    return sections


def _type_tree(lines: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(type, parent type) for each declaration; brat nests by the count of leading
    whitespace characters, and "!" marks a type that only groups others."""
    last_at_depth: dict[int, str] = {}
    for line in lines:
        if _separator_or_macro(line):
            continue
        depth = len(line) - len(line.lstrip())
        type_name = line.split()[0].split("|")[0].lstrip("!")
        if not type_name:
            continue
        last_at_depth = {d: t for d, t in last_at_depth.items() if d < depth}
        yield type_name, last_at_depth.get(depth - 1)
        last_at_depth[depth] = type_name


def _separator_or_macro(line: str) -> bool:
    """A separator for brat's menus (``-----``) or a macro (``<NAME>=...``)."""
    return bool(re.fullmatch(r"\s*-+\s*", line) or re.match(r"\s*<[^>]+>=", line))


@dataclass
class _AnnFile:
    """One .ann file as read: spans by T id, and attributes and notes waiting for them."""

    text: str  # the .txt, to check what discontinuous spans say they cover
    bom: bool = False  # the .txt began with a byte order mark, which ``text`` leaves out
    spans: dict[str, list[SpanRecord]] = field(default_factory=dict)  # fragments: one each
    # With a BOM: whether each T line counted it (1), did not (0), or does not tell (None).
    bom_counted: dict[str, int | None] = field(default_factory=dict)
    ignored_ids: set[str] = field(default_factory=set)  # entity-layer spans, relations…
    attributes: list[tuple[str, str, str, str | bool]] = field(default_factory=list)
    notes: list[tuple[str, str, str]] = field(default_factory=list)  # where, target, note


def _read_document(
    ann_path: Path,
    entry: dict[str, Any],
    config: _Config,
    problems: list[Problem],
    skipped: Counter[str],
) -> DocumentRecord | None:
    text_path = ann_path.with_suffix(".txt")
    if not os.path.lexists(text_path):  # one that is there but no file is refused when read
        problems.append(
            Problem(
                ann_path.name,
                QT_TRANSLATE_NOOP("Exchange", "no {0} beside it; skipped").format(text_path.name),
            )
        )
        return None
    text = _read_utf8(text_path, problems)
    ann_text = _read_utf8(ann_path, problems)
    if text is None or ann_text is None:
        return None
    # A byte order mark is no character of the document (brat counts it: Python's utf-8
    # codec keeps it); the offsets are shifted where the .ann shows they counted it.
    bom = text.startswith(_BOM)
    ann = _AnnFile(text.removeprefix(_BOM), bom=bom)
    ann_text = ann_text.removeprefix(_BOM)  # else the first id would read "\ufeffT1"
    # brat reads .ann lines with Python's line reader, which also breaks at \r, \x85, U+2028...
    for number, line in enumerate(ann_text.splitlines(), start=1):
        if line.strip():
            where = QT_TRANSLATE_NOOP("Exchange", "{0} line {1}").format(ann_path.name, number)
            reason = _read_line(line, ann, config, skipped, where)
            if reason:
                problems.append(Problem(where, reason))
    if ann.bom:
        _past_the_bom(ann)
    problems.extend(_attach(ann, config, as_dict(entry.get("tags")), skipped))
    return DocumentRecord(
        text=ann.text,
        where=text_path.name,
        title=as_string(entry.get("title")) or ann_path.stem,
        spans=[span for spans in ann.spans.values() for span in spans],
        text_sha256=as_string(entry.get("text_sha256")),
        script=as_string(entry.get("script")),
        source=as_string(entry.get("source")),
        date=as_string(entry.get("date")),
        status=as_string(entry.get("status")),
        metadata=as_dict(entry.get("metadata")),
        conversion=as_string(entry.get("conversion")),
        source_text_sha256=as_string(entry.get("source_text_sha256")),
    )


def _read_line(line: str, ann: _AnnFile, config: _Config, skipped: Counter[str], where: str) -> str:
    """Read one .ann line into ``ann``; returns why it was refused, or "" when it was not."""
    ann_id, tab, rest = line.partition("\t")
    if not tab or not ann_id:
        return "not a brat line (an id, a tab, then the annotation)"
    if ann_id in ann.spans or ann_id in ann.ignored_ids:
        return f"the id {ann_id} is used twice"
    kind = ann_id[0]
    if kind == "T":
        return _read_text_bound(ann_id, rest, ann, config, skipped, where)
    if kind in {"A", "M"}:
        parts = rest.split("\t", 1)[0].split(" ", 2)
        if len(parts) < 2:
            return "an attribute line is 'A1<TAB>Name T1 value'"
        value: str | bool = parts[2] if len(parts) == 3 else True  # no value: a binary flag
        ann.attributes.append((where, parts[1], parts[0], value))
        return ""
    if kind == "#":
        comment, _, note = rest.partition("\t")
        fields = comment.split()
        if len(fields) != 2:
            return "a note line is '#1<TAB>AnnotatorNotes T1<TAB>note'"
        if fields[0] == "AnnotatorNotes":
            ann.notes.append((where, fields[1], note))
        else:
            skipped["comment"] += 1
        return ""
    if kind in {"R", "E", "N", "*"}:
        ann.ignored_ids.add(ann_id)
        skipped["relation"] += 1
        return ""
    return f"unknown annotation id {ann_id!r} (brat ids start with T, A, M, #, R, E, N or *)"


def _read_text_bound(
    ann_id: str, rest: str, ann: _AnnFile, config: _Config, skipped: Counter[str], where: str
) -> str:
    data, _, recorded = rest.partition("\t")
    match = _TEXT_BOUND.fullmatch(data)
    if match is None:
        return f"a T line is 'T1<TAB>Type start end<TAB>text', not {data!r}"
    type_name, offsets = match.groups()
    if type_name in config.entity_layer or type_name in config.event_types:
        ann.ignored_ids.add(ann_id)
        skipped["entity" if type_name in config.entity_layer else "trigger"] += 1
        return ""
    pairs = [_pair(pair) for pair in offsets.split(";")]
    continuous = len(pairs) == 1
    if ann.bom:
        ann.bom_counted[ann_id] = _counts_the_bom(ann.text, pairs, recorded)
        if ann.bom_counted[ann_id] == 1:
            pairs = [(start - 1, end - 1) for start, end in pairs]
    if not continuous and recorded:
        # brat joins the fragments' texts with a space; what they cover must be that text.
        covered = " ".join(ann.text[start:end] for start, end in pairs)
        if covered != recorded:
            return f"its fragments {offsets} cover {covered!r}, not {recorded!r}"
    label = config.path(type_name)
    if continuous or _only_line_breaks_between(ann.text, pairs):
        # One span, the way brat (and Jiyao's writer) split a tag at its line breaks.
        ann.spans[ann_id] = [
            SpanRecord(
                label=label,
                start=min(start for start, _ in pairs),
                end=max(end for _, end in pairs),
                where=where,
                text=recorded if continuous and recorded else None,  # fragments' text has no gaps
            )
        ]
        return ""
    # Fragments with text between them: one tag each, linked by a note, never one tag over
    # the words the annotator left out.
    ann.spans[ann_id] = [
        SpanRecord(label, start, end, where, note=_link_note(ann_id, number, len(pairs)))
        for number, (start, end) in enumerate(pairs, start=1)
    ]
    skipped["discontinuous"] += 1
    return ""


def _counts_the_bom(text: str, pairs: list[tuple[int, int]], recorded: str) -> int | None:
    """Whether a T line's offsets count a byte order mark before ``text`` (1) or not (0),
    by the text it records; None when that text does not tell."""
    if not recorded:
        return None
    with_bom = _BOM + text
    counted = " ".join(with_bom[start:end] for start, end in pairs) == recorded
    uncounted = " ".join(text[start:end] for start, end in pairs) == recorded
    if counted != uncounted:
        return 1 if counted else 0
    return None


def _past_the_bom(ann: _AnnFile) -> None:
    """Shift by one the spans of T lines that do not tell whether they counted the byte order
    mark when most of the file's lines that tell counted it (brat's way on a tie: counted).
    Those that tell were shifted, or not, when read."""
    told = [counted for counted in ann.bom_counted.values() if counted is not None]
    if told.count(1) < told.count(0):
        return
    for ann_id, spans in ann.spans.items():
        if ann_id not in ann.bom_counted or ann.bom_counted[ann_id] is not None:
            continue
        for span in spans:
            span.start, span.end = max(span.start - 1, 0), max(span.end - 1, 0)


def _only_line_breaks_between(text: str, pairs: list[tuple[int, int]]) -> bool:
    ordered = sorted(pairs)
    return all(not text[end:start].strip() for (_s, end), (start, _e) in pairwise(ordered))


def _link_note(ann_id: str, number: int, count: int) -> str:
    return f"fragment {number} of {count} of the discontinuous brat span {ann_id}"


def _pair(pair: str) -> tuple[int, int]:
    start, end = pair.split()
    return int(start), int(end)


def _attach(
    ann: _AnnFile, config: _Config, tag_extras: dict[str, Any], skipped: Counter[str]
) -> list[Problem]:
    """Put attributes, notes and metadata.json's tag details on their spans (on every tag of a
    discontinuous span). Those on lines that are not imported (relations, events, the entity
    layer) are counted as skipped, not dropped unsaid."""
    problems: list[Problem] = []
    for where, target, name, value in ann.attributes:
        key = config.attribute_names.get(name, name)
        decoded = config.decoded(value) if isinstance(value, str) else value
        for span in _targets(ann, target, where, problems, skipped, "attribute"):
            _add_value(span.attributes, key, decoded)
    for where, target, note in ann.notes:
        note = config.decoded(note)
        for span in _targets(ann, target, where, problems, skipped, "note"):
            span.note = f"{span.note}\n{note}" if span.note else note
    for tag_id, spans in ann.spans.items():
        extras = as_dict(tag_extras.get(tag_id))
        for span in spans:
            _apply_extras(span, extras, exact=len(spans) == 1)
    return problems


def _targets(
    ann: _AnnFile,
    target: str,
    where: str,
    problems: list[Problem],
    skipped: Counter[str],
    what: str,
) -> list[SpanRecord]:
    spans = ann.spans.get(target)
    if spans is None:
        if target in ann.ignored_ids:
            skipped[f"{what} on skipped"] += 1
        else:
            problems.append(
                Problem(
                    where,
                    QT_TRANSLATE_NOOP("Exchange", "{0} is not a T line of this file").format(
                        target
                    ),
                )
            )
        return []
    return spans


def _add_value(attributes: dict[str, Any], key: str, value: str | bool) -> None:
    """A second A line for the same attribute makes its value a list."""
    if key not in attributes:
        attributes[key] = value
    elif isinstance(attributes[key], list):
        attributes[key].append(value)
    else:
        attributes[key] = [attributes[key], value]


def _apply_extras(span: SpanRecord, extras: dict[str, Any], *, exact: bool) -> None:
    span.source_span = recorded_span(extras.get("source_span"))
    span.annotator = as_string(extras.get("annotator"))
    span.created_at = as_string(extras.get("created_at"))
    span.updated_at = as_string(extras.get("updated_at"))
    span.note_title = as_string(extras.get("note_title"))
    lists = extras.get("list_attributes")
    for key in lists if isinstance(lists, list) else []:
        if key in span.attributes and not isinstance(span.attributes[key], list):
            span.attributes[key] = [span.attributes[key]]
    recorded = extras.get("span")
    if (
        exact
        and isinstance(recorded, list)
        and len(recorded) == 2
        and all(isinstance(n, int) for n in recorded)
        and recorded[0] <= span.start <= span.end <= recorded[1]  # still the tag it was for
    ):
        span.start, span.end = recorded
        span.text = None  # the recorded text leaves out the line breaks at its ends


def _skipped_message(kind: str, count: int) -> str:
    return {
        "entity": QT_TRANSLATE_NOOP(
            "Exchange", "{0} entity-layer spans (the entity layer is not imported as tags)"
        ).format(count),
        "trigger": QT_TRANSLATE_NOOP("Exchange", "{0} event trigger spans").format(count),
        "relation": QT_TRANSLATE_NOOP(
            "Exchange", "{0} relation, event, normalisation and equivalence lines (R, E, N, *)"
        ).format(count),
        "comment": QT_TRANSLATE_NOOP("Exchange", "{0} comments other than AnnotatorNotes").format(
            count
        ),
        "discontinuous": QT_TRANSLATE_NOOP(
            "Exchange",
            "{0} discontinuous spans with text between their fragments, imported "
            "as one tag per fragment (each noted as linked)",
        ).format(count),
        "note on skipped": QT_TRANSLATE_NOOP(
            "Exchange", "{0} notes on skipped lines (relations, events, entity layer)"
        ).format(count),
        "attribute on skipped": QT_TRANSLATE_NOOP(
            "Exchange", "{0} attributes on skipped lines (relations, events, entity layer)"
        ).format(count),
        "text without ann": QT_TRANSLATE_NOOP(
            "Exchange",
            "{0} .txt files with no .ann beside them (not brat documents; import "
            "them as plain text)",
        ).format(count),
    }[kind]
