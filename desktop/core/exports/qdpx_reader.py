"""Reading a REFI-QDA ``.qdpx`` back into an annotated set; the format mapping is described in
:mod:`desktop.core.exports.qdpx`, which writes it."""

from __future__ import annotations

import lzma
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.core import textio
from desktop.core.exports.fields import MALFORMED, reason
from desktop.core.exports.fields import color as rgb
from desktop.core.exports.importing import (
    AnnotatedSet,
    DocumentRecord,
    LabelRecord,
    Problem,
    SpanRecord,
    UnreadableSet,
    recorded_span,
)
from desktop.core.exports.qdpx import (
    ATTRIBUTES_CODE,
    CORE_VARIABLES,
    DEFINITION_PREFIX,
    DOCUMENT_MARKER,
    ENTITIES_CODE,
    EXPORT_USER_GUID,
    EXPORT_USER_NAME,
    FORMAT,
    NAMESPACE,
    PROJECT_FILE,
    SOURCES_FOLDER,
    attribute_spec_from_definition,
    xml_safe,
)
from desktop.core.labels import LABEL_PATH_SEPARATOR, AttributeSpec
from desktop.core.memos import MemoRecord, MemoTarget, parse_code_description
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.safe_text import UnusableJson, load_json

_Q = "{" + NAMESPACE + "}"
# What reading a damaged zip or member raises: a bad header or CRC (BadZipFile), broken
# compressed data (zlib.error, lzma.LZMAError, OSError from bz2, EOFError when it stops short),
# an unsupported compression method (NotImplementedError) or a password (RuntimeError).
_DAMAGED: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    NotImplementedError,
    RuntimeError,
)
_NOT_A_ZIP: tuple[type[Exception], ...] = (*_DAMAGED, ValueError)
# The members of one .qdpx together may unpack to this many times the document size limit.
TOTAL_LIMIT_FACTOR = 10


def read_qdpx(path: Path) -> AnnotatedSet:
    """The documents, codebook and tags of a ``.qdpx``; raises UnreadableSet when ``path`` is
    not a zip holding a readable REFI-QDA project. A damaged source is a problem of its own."""
    if path.exists() and not path.is_file():  # a pipe would block the zip reader
        raise UnreadableSet(
            QT_TRANSLATE_NOOP(
                "Exchange", "{0} is not a regular file (a folder, pipe or device)"
            ).format(path.name)
        )
    try:
        archive = zipfile.ZipFile(path)
    except _NOT_A_ZIP as error:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: not a .qdpx (zip) file: {1}").format(
                path.name, error
            )
        ) from error
    with archive:
        _check_declared_sizes(path, archive)
        root = _project_root(archive)
        return _ProjectReader(path, archive, root).read()


def _check_declared_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a zip whose members would inflate beyond what can be held (a zip bomb), from the
    sizes they declare, before reading any: no member above the document size limit, and not
    more than TOTAL_LIMIT_FACTOR times it together. Reading never gives more than a member
    declares (:func:`_read_member` stops there and fails the CRC)."""
    limit = textio.max_document_bytes()
    total = 0
    for member in archive.infolist():
        if member.file_size > limit:
            raise UnreadableSet(
                QT_TRANSLATE_NOOP("Exchange", "{0}: {1} unpacks to {2}").format(
                    path.name, member.filename, _too_much(member.file_size, limit)
                )
            )
        total += member.file_size
    if total > limit * TOTAL_LIMIT_FACTOR:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0}: its files unpack to {1} for a whole .qdpx").format(
                path.name, _too_much(total, limit * TOTAL_LIMIT_FACTOR)
            )
        )


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, inflated no further than the size it declares (checked above):
    ``archive.read`` inflates a member's whole compressed stream in one call before cutting
    it to that size, so a member declaring 30 bytes over a bomb took gigabytes. A member that
    holds more than it declares then fails its CRC, as with ``read``."""
    info = archive.getinfo(name)
    with archive.open(info) as member:
        # One byte more than declared: the end is reached and the CRC checked even for a
        # member that declares none.
        return member.read(info.file_size + 1)


def _too_much(size: int, limit: int) -> str:
    return (
        f"{size / textio.BYTES_PER_MB:,.1f} MB, above the limit of "
        f"{limit / textio.BYTES_PER_MB:g} MB (raise it with "
        f"{textio.MAX_DOCUMENT_MB_VARIABLE} or --max-document-mb); nothing was read"
    )


def _project_root(archive: zipfile.ZipFile) -> ET.Element:
    names = archive.namelist()
    # The standard names it project.qde; some programs write another *.qde at the top.
    qde = [name for name in names if "/" not in name and name.lower().endswith(".qde")]
    name = PROJECT_FILE if PROJECT_FILE in names else (qde[0] if len(qde) == 1 else None)
    if name is None:
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "the zip holds no {0}").format(PROJECT_FILE)
        )
    try:
        data = _read_member(archive, name)
    except _DAMAGED as error:
        message = QT_TRANSLATE_NOOP(
            "Exchange", "{0} cannot be read from the zip, which is damaged ({1})"
        ).format(name, error)
        raise UnreadableSet(message) from error
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, LookupError) as error:  # LookupError: an unknown declared encoding
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0} is not XML ({1})").format(name, error)
        ) from error
    if root.tag != f"{_Q}Project":
        raise UnreadableSet(
            QT_TRANSLATE_NOOP("Exchange", "{0} is not a REFI-QDA project (its root is {1})").format(
                name, root.tag
            )
        )
    return root


@dataclass(frozen=True)
class _Code:
    kind: str  # "label", "attribute" or "entity"
    name: str  # a label's path, an attribute's name, an entity type
    value: Any = None
    is_list: bool = False


class _ProjectReader:
    def __init__(self, path: Path, archive: zipfile.ZipFile, root: ET.Element) -> None:
        self.archive = archive
        self.members = set(archive.namelist())
        self.root = root
        self.annotated = AnnotatedSet(path, FORMAT)
        self.users = {
            user.get("guid", ""): user.get("name", "")
            for user in root.iterfind(f"{_Q}Users/{_Q}User")
        }
        # Our own export user, by its GUID or (after a trip through QualCoder, which makes new
        # GUIDs for the users it keeps by name) by its name, is no annotator.
        for guid, name in list(self.users.items()):
            if name == EXPORT_USER_NAME:
                self.users[guid] = ""
        self.users[EXPORT_USER_GUID] = ""
        self.notes = _range_notes(root, self._note_text)
        self.note_elements = {
            note.get("guid", ""): note for note in root.iterfind(f"{_Q}Notes/{_Q}Note")
        }
        self.variables = _variable_fields(root)
        self.codes: dict[str, _Code] = {}
        self.skipped = {
            "entity": 0,
            "uncoded": 0,
            "source coding": 0,
            "other source": 0,
            "journal": 0,
            "range note": 0,
            "case": 0,
            "unplaced attribute": 0,
        }

    def read(self) -> AnnotatedSet:
        for codes in self.root.iterfind(f"{_Q}CodeBook/{_Q}Codes"):
            self._read_codes(codes, ())
        for source in self.root.iterfind(f"{_Q}Sources/*"):
            if source.tag == f"{_Q}TextSource":
                self._read_source_safely(source)
            else:
                self.skipped["other source"] += 1
        self.annotated.memos.extend(self._memos(self.root, "project"))
        # Notes nothing refers to (journals of tools that keep them loose) join the journal.
        self.annotated.memos.extend(self._memos(self.root.find(f"{_Q}Notes"), "project"))
        self._count_unread_notes()
        self.annotated.skipped.extend(_skipped_lines(self.skipped))
        return self.annotated

    def _read_codes(self, top: ET.Element, path: tuple[str, ...]) -> None:
        # A stack, not recursion: a codebook nested thousands deep is still read.
        stack = [(code, path) for code in reversed(top.findall(f"{_Q}Code"))]
        while stack:
            code, parents = stack.pop()
            name = code.get("name", "")
            helper = not parents and code.get("isCodable") == "false"
            if helper and name == ATTRIBUTES_CODE:
                self._read_attribute_codes(code)
            elif helper and name == ENTITIES_CODE:
                for entity in code.iter(f"{_Q}Code"):
                    self.codes[entity.get("guid", "")] = _Code("entity", entity.get("name", ""))
            else:
                label_path = LABEL_PATH_SEPARATOR.join((*parents, name))
                guid = code.get("guid", "")
                self.codes[guid] = _Code("label", label_path)
                fields = parse_code_description(_description(code))
                self.annotated.labels.append(
                    LabelRecord(
                        label_path,
                        rgb(code.get("color")),
                        fields["definition"],
                        QT_TRANSLATE_NOOP("Exchange", "code {0}").format(guid),
                        fields["use_when"],
                        fields["not_use_when"],
                        fields["example"],
                    )
                )
                self.annotated.memos.extend(self._memos(code, "label", label_path))
                children = code.findall(f"{_Q}Code")
                stack.extend((child, (*parents, name)) for child in reversed(children))

    def _read_attribute_codes(self, tree: ET.Element) -> None:
        for attribute in tree.iterfind(f"{_Q}Code"):
            name = attribute.get("name", "")
            description = _description(attribute)
            is_list = "values: list" in description.splitlines()
            # The definition is the last line, after the text for people. Split at \n only:
            # the JSON keeps U+2028 and the like as they are.
            lines = description.split("\n")
            definitions = [line for line in lines if line.startswith(DEFINITION_PREFIX)]
            if definitions:
                spec = _definition(name, definitions[-1])
                if spec is not None:
                    self.annotated.attributes.append(spec)
                else:
                    where = QT_TRANSLATE_NOOP("Exchange", "code {0}").format(
                        attribute.get("guid", "?")
                    )
                    self._problem(where, f"attribute {name!r}: its definition is not usable")
            for value in attribute.iter(f"{_Q}Code"):
                if value is not attribute:
                    code = _Code("attribute", name, _attribute_value(value), is_list)
                    self.codes[value.get("guid", "")] = code

    def _read_source_safely(self, source: ET.Element) -> None:
        where = QT_TRANSLATE_NOOP("Exchange", "source {0}").format(source.get("guid", "?"))
        try:
            self._read_source(source, where)
        except MALFORMED as error:  # one odd source never costs the others
            self._problem(where, reason(error))

    def _read_source(self, source: ET.Element, where: str) -> None:
        text = self._source_text(source, where)
        if text is None:
            return
        fields = _jiyao_fields(_description(source))
        record = DocumentRecord(
            text=text,
            where=where,
            title=fields.get("title") or source.get("name") or "",
            text_sha256=fields.get("text_sha256", ""),
            conversion=fields.get("conversion", ""),
            source_text_sha256=fields.get("source_text_sha256", ""),
        )
        self._read_variable_values(source, record)
        source_spans = _source_spans(fields.get("source_spans", ""))
        memo = _description(source)
        if memo and not fields:  # another program's memo on the source: a document variable
            record.metadata.setdefault("memo", memo)
        # A converted export's recorded span keeps apart tags that its widening made one range.
        groups: dict[tuple[str, str, str, tuple[int, int] | None], list[ET.Element]] = {}
        for selection in source.iterfind(f"{_Q}PlainTextSelection"):
            key = (
                selection.get("startPosition", ""),
                selection.get("endPosition", ""),
                _creating_user(selection),
                source_spans.get(selection.get("guid", "")),
            )
            groups.setdefault(key, []).append(selection)
        for (*_, recorded), selections in groups.items():
            spans = self._read_selections(selections, text)
            for span in spans:
                span.source_span = recorded
            record.spans.extend(spans)
        self._attach_range_notes(source, record.spans)
        record.memos.extend(self._memos(source, "document"))
        self.skipped["source coding"] += len(source.findall(f"{_Q}Coding"))
        self.annotated.documents.append(record)

    def _source_text(self, source: ET.Element, where: str) -> str | None:
        plain_path = source.get("plainTextPath")
        if plain_path is None:
            content = source.findtext(f"{_Q}PlainTextContent")
            if content is None:
                self._problem(where, "no plain text (neither plainTextPath nor PlainTextContent)")
            return content
        member = self._member(plain_path)
        if member is None:
            self._problem(where, f"its text {plain_path} is not in the file")
            return None
        try:
            data = _read_member(self.archive, member)
        except _DAMAGED as error:
            self._problem(where, f"its text {member} is damaged in the zip ({error})")
            return None
        try:
            # QualCoder writes its texts with a BOM; positions count from after it.
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            self._problem(where, f"its text {member} is not UTF-8 ({error.reason})")
            return None

    def _note_text(self, note: ET.Element) -> str:
        """A note's text: its PlainTextContent, or the file its plainTextPath names under
        sources/ (QualCoder's journal entries, NVivo's notes), else its Description."""
        if note.get("plainTextPath") is not None or note.find(f"{_Q}PlainTextContent") is not None:
            where = QT_TRANSLATE_NOOP("Exchange", "note {0}").format(note.get("guid", "?"))
            text = self._source_text(note, where)
            if text:
                return text
        return _description(note)

    def _member(self, plain_path: str) -> str | None:
        if not plain_path.startswith("internal://"):
            return None  # relative:// and absolute:// point outside the zip
        name = plain_path.removeprefix("internal://")
        candidates = (f"{SOURCES_FOLDER}/{name}", f"Sources/{name}", name)
        return next((member for member in candidates if member in self.members), None)

    def _read_variable_values(self, source: ET.Element, record: DocumentRecord) -> None:
        for value in source.iterfind(f"{_Q}VariableValue"):
            target = value.find(f"{_Q}VariableRef")
            field_name = self.variables.get(
                target.get("targetGUID", "") if target is not None else ""
            )
            text = next(
                (child.text or "" for child in value if child.tag != f"{_Q}VariableRef"), ""
            )
            if field_name is None:
                continue
            if field_name in CORE_VARIABLES:
                setattr(record, field_name, text)
            else:
                record.metadata[field_name.removeprefix("metadata: ")] = text

    def _read_selections(self, selections: list[ET.Element], text: str) -> list[SpanRecord]:
        """The tags of the selections with one range and one creating user. Jiyao writes a tag
        as one selection coded with its label and its attribute values; QualCoder writes each
        coding as a selection of its own, so the attribute codings of a range go to the one tag
        of that range and user (with several, which one is unknown: reported)."""
        tagged: list[tuple[ET.Element, list[_Code]]] = []
        loose: list[_Code] = []
        loose_notes: list[str] = []
        for selection in selections:
            codes = self._checked_codes(selection, text)
            if codes is None:
                continue
            if any(code.kind == "label" for code in codes):
                tagged.append((selection, codes))
            elif any(code.kind == "attribute" for code in codes):
                loose.extend(codes)
                loose_notes.append(_description(selection))
            else:
                kind = "entity" if any(code.kind == "entity" for code in codes) else "uncoded"
                self.skipped[kind] += 1
        if loose and len(tagged) != 1:
            self.skipped["unplaced attribute"] += len(loose)
            loose, loose_notes = [], []
        spans = []
        for selection, codes in tagged:
            spans.extend(self._spans(selection, text, codes + loose, loose_notes))
        return spans

    def _checked_codes(self, selection: ET.Element, text: str) -> list[_Code] | None:
        """The selection's codes; None (and a problem) when its range does not fit the text."""
        where = QT_TRANSLATE_NOOP("Exchange", "selection {0}").format(selection.get("guid", "?"))
        try:
            start, end = (
                int(selection.get("startPosition", "")),
                int(selection.get("endPosition", "")),
            )
        except ValueError:
            self._problem(where, "startPosition and endPosition must be whole numbers")
            return None
        if not 0 <= start < end <= len(text):
            self._problem(
                where, f"positions {start}-{end} fall outside its text ({len(text)} characters)"
            )
            return None
        return list(self._selection_codes(selection, where))

    def _spans(
        self, selection: ET.Element, text: str, codes: list[_Code], more_notes: list[str]
    ) -> list[SpanRecord]:
        where = QT_TRANSLATE_NOOP("Exchange", "selection {0}").format(selection.get("guid", "?"))
        start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        notes = [_description(selection), *more_notes]
        note = "\n".join(dict.fromkeys(n for n in notes if n))  # each once, in order
        title = self._memo_title(selection)
        recorded = _recorded_text(selection.get("name"), text[start:end])
        annotator = self.users.get(_creating_user(selection), "")
        created = self._time(selection.get("creationDateTime", ""), where)
        updated = self._time(selection.get("modifiedDateTime", ""), where)
        return [
            SpanRecord(
                code.name,
                start,
                end,
                where,
                text=recorded,
                note=note,
                attributes=_attributes(codes),
                annotator=annotator,
                created_at=created,
                updated_at=updated,
                note_title=title,
            )
            for code in codes
            if code.kind == "label"
        ]

    def _memo_title(self, selection: ET.Element) -> str:
        """The title of the selection's memo: the name of a Note it refers to whose text is
        its Description (the note is then that memo, not one more note for its tags)."""
        description = _description(selection)
        if not description:
            return ""
        for reference in selection.iterfind(f"{_Q}NoteRef"):
            guid = reference.get("targetGUID", "")
            note, element = self.notes.get(guid), self.note_elements.get(guid)
            if note is not None and element is not None and note.text == description:
                note.used = True
                return element.get("name", "")
        return ""

    def _time(self, value: str, where: str) -> str:
        if not value:
            return ""
        normalised = utc_time(value)
        if not normalised:
            self._problem(where, f"{value!r} is not a date and time; left out")
        return normalised

    def _attach_range_notes(self, source: ET.Element, spans: list[SpanRecord]) -> None:
        """Notes the source refers to (NoteRef) that cover a range: on the tags of that range.
        A NoteRef inside a selection (NVivo's annotations) puts its note on that selection's
        tags, whatever range the note itself names. A tag with no note of its own takes the
        note's name as its memo's title."""
        for selection in source.iterfind(f"{_Q}PlainTextSelection"):
            for reference in selection.iterfind(f"{_Q}NoteRef"):
                note = self.notes.get(reference.get("targetGUID", ""))
                if note is not None:
                    note.start = _position(selection, "startPosition")
                    note.end = _position(selection, "endPosition")
        for reference in source.iterfind(f".//{_Q}NoteRef"):
            guid = reference.get("targetGUID", "")
            note, element = self.notes.get(guid), self.note_elements.get(guid)
            if note is None or note.used:
                continue
            targets = [s for s in spans if (s.start, s.end) == (note.start, note.end)]
            if targets:
                note.used = True
            for span in targets:
                if not span.note and element is not None:
                    span.note_title = element.get("name", "")  # the note is the tag's memo
                span.note = f"{span.note}\n{note.text}" if span.note else note.text

    def _memos(
        self, element: ET.Element | None, target: MemoTarget, label_path: str = ""
    ) -> Iterator[MemoRecord]:
        """The memos the element's own NoteRefs point at (of ``<Notes>``: all its notes):
        notes that name no range of a text (those are on the tags of that range)."""
        if element is None:
            return
        is_notes = element.tag == f"{_Q}Notes"
        for reference in element.iterfind(f"{_Q}Note" if is_notes else f"{_Q}NoteRef"):
            guid = reference.get("guid" if is_notes else "targetGUID", "")
            note, text = self.note_elements.get(guid), self.notes.get(guid)
            if note is None or text is None or text.used or text.start >= 0:
                continue
            text.used = True
            created = utc_time(note.get("creationDateTime", ""))
            yield MemoRecord(
                target,
                text.text,
                title=note.get("name", ""),
                author=self.users.get(note.get("creatingUser", ""), ""),
                created=created,
                modified=utc_time(note.get("modifiedDateTime", "")) or created,
                label_path=label_path,
            )

    def _count_unread_notes(self) -> None:
        for note in self.root.iterfind(f"{_Q}Notes/{_Q}Note"):
            range_note = self.notes.get(note.get("guid", ""))
            if range_note is None or (range_note.start < 0 and not range_note.used):
                self.skipped["journal"] += 1
            elif not range_note.used:
                self.skipped["range note"] += 1
        self.skipped["case"] += len(self.root.findall(f"{_Q}Cases/{_Q}Case"))

    def _selection_codes(self, selection: ET.Element, where: str) -> Iterator[_Code]:
        for reference in selection.iterfind(f"{_Q}Coding/{_Q}CodeRef"):
            target = reference.get("targetGUID", "")
            code = self.codes.get(target)
            if code is None:
                self._problem(where, f"its coding refers to {target}, which is not in the codebook")
            else:
                yield code

    def _problem(self, where: str, reason: str) -> None:
        self.annotated.problems.append(Problem(where, reason))


@dataclass
class _RangeNote:
    """A Note on a range of a source (QualCoder's annotations), waiting for its tags."""

    start: int
    end: int
    text: str
    used: bool = False


def _range_notes(root: ET.Element, read: Callable[[ET.Element], str]) -> dict[str, _RangeNote]:
    """Notes with a text of their own (``read`` gives it), by GUID: those that name a range
    (QualCoder), and those a selection may refer to (NVivo), whose range is then the
    selection's (-1 until then)."""
    notes: dict[str, _RangeNote] = {}
    for note in root.iterfind(f"{_Q}Notes/{_Q}Note"):
        selection = note.find(f"{_Q}PlainTextSelection")
        text = read(note)
        if not text:
            continue
        start = _position(selection, "startPosition") if selection is not None else -1
        end = _position(selection, "endPosition") if selection is not None else -1
        notes[note.get("guid", "")] = _RangeNote(start, end, text)
    return notes


def _position(selection: ET.Element, name: str) -> int:
    """A selection's position, or -1 when it has none that is a whole number."""
    try:
        return int(selection.get(name, ""))
    except ValueError:
        return -1


def utc_time(value: str) -> str:
    """A date and time as ISO 8601 in UTC, the way Jiyao stores times
    ("2024-05-01T08:00:00+00:00"); "" when ``value`` is none. QualCoder adds a "Z" to what it
    read ("…+00:00Z"); a time without a zone is taken as UTC, as REFI-QDA's are."""
    text = value.strip()
    if text.endswith("Z") and ("+" in text[10:] or text[10:].count("-") > 0):
        text = text[:-1]  # "...+00:00Z": a zone given twice
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return ""
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="seconds")


def _variable_fields(root: ET.Element) -> dict[str, str]:
    """Variable GUID -> "date", "source", "status" or "metadata: <key>"."""
    fields: dict[str, str] = {}
    for variable in root.iterfind(f"{_Q}Variables/{_Q}Variable"):
        name = variable.get("name", "")
        ours = _description(variable).removeprefix(DOCUMENT_MARKER + " ")
        if ours.startswith("metadata: "):
            fields[variable.get("guid", "")] = ours
        elif name in CORE_VARIABLES:
            fields[variable.get("guid", "")] = name
        else:
            fields[variable.get("guid", "")] = f"metadata: {name}"
    return fields


def _description(element: ET.Element) -> str:
    return element.findtext(f"{_Q}Description") or ""


def _jiyao_fields(description: str) -> dict[str, str]:
    """The ``key: value`` lines of a source Description we wrote (another program's memo is
    free text, never read as fields)."""
    lines = description.splitlines()
    if not lines or not lines[0].startswith(DOCUMENT_MARKER):
        return {}
    pairs = (line.partition(": ") for line in lines[1:])
    return {key: value for key, separator, value in pairs if separator}


def _source_spans(field: str) -> dict[str, tuple[int, int]]:
    """A converted export's exact clean-text spans by selection GUID (``source_spans``)."""
    try:
        recorded = load_json(field) if field else {}
    except UnusableJson:
        return {}
    pairs = recorded.items() if isinstance(recorded, dict) else ()
    return {guid: span for guid, value in pairs if (span := recorded_span(value)) is not None}


def _definition(name: str, line: str) -> AttributeSpec | None:
    try:
        return attribute_spec_from_definition(name, line)
    except (ValueError, RecursionError):  # a 5,000-digit number, nesting json cannot read
        return None


def _attribute_value(code: ET.Element) -> Any:
    for line in _description(code).splitlines():
        if line.startswith("value: "):
            try:
                return load_json(line.removeprefix("value: "))
            except UnusableJson:
                break
    return code.get("name", "")  # a value code made in a QDA program: its name is the value


def _attributes(codes: list[_Code]) -> dict[str, Any]:
    attributes: dict[str, Any] = {}
    for code in codes:
        if code.kind != "attribute":
            continue
        if code.is_list or code.name in attributes:
            current = attributes.get(code.name, [])
            attributes[code.name] = [
                *(current if isinstance(current, list) else [current]),
                code.value,
            ]
        else:
            attributes[code.name] = code.value
    return attributes


def _creating_user(selection: ET.Element) -> str:
    user = selection.get("creatingUser")
    if user is None:
        coding = selection.find(f"{_Q}Coding")
        user = coding.get("creatingUser") if coding is not None else None
    return user or ""


def _recorded_text(name: str | None, covered: str) -> str | None:
    """The text a selection's name claims it covers, when the name is the whole of it (a cut
    or empty name, or one a program chose, says nothing about the span)."""
    if name is None or len(name) != len(covered):
        return None
    # We replace characters XML cannot hold; such a name still matches its text.
    return covered if name == xml_safe(covered) else name


def _skipped_lines(counts: dict[str, int]) -> Iterator[str]:
    messages = {
        "entity": QT_TRANSLATE_NOOP(
            "Exchange", "selections of the entity layer (codes under Entities), not tags"
        ),
        "uncoded": QT_TRANSLATE_NOOP("Exchange", "selections with no label code (memos), not tags"),
        "source coding": QT_TRANSLATE_NOOP(
            "Exchange", "codings of whole sources, which have no span"
        ),
        "other source": QT_TRANSLATE_NOOP(
            "Exchange", "sources that are not plain text (pictures, PDFs, audio, video)"
        ),
        "journal": QT_TRANSLATE_NOOP("Exchange", "notes with no text"),
        "range note": QT_TRANSLATE_NOOP("Exchange", "notes on text ranges that hold no tag"),
        "case": QT_TRANSLATE_NOOP(
            "Exchange", "cases (Jiyao has no cases; their memos and variables are not imported)"
        ),
        "unplaced attribute": QT_TRANSLATE_NOOP(
            "Exchange", "attribute codings on a range with no single tag to go to"
        ),
    }
    for kind, count in counts.items():
        if count:
            yield QT_TRANSLATE_NOOP("Exchange", "{0} {1}").format(count, messages[kind])
