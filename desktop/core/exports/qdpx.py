"""REFI-QDA project exchange (``.qdpx``), the format NVivo, MAXQDA, ATLAS.ti and QualCoder read.

A ``.qdpx`` is a zip holding ``project.qde`` (QDA-XML, namespace ``urn:QDA-XML:project:1.0``,
checked against ``tests/data/refi-qda/Project-mrt2019.xsd``) and each text as UTF-8 under the
lowercase folder ``sources/`` (ATLAS.ti rejects ``Sources/``). Choices, in schema order:

- No BOM before ``<?xml`` and none in the texts: positions count code points from the first
  character of the file, and QualCoder writes and reads code points, end-exclusive, as we do.
  Texts keep ``\\n`` line endings; MAXQDA prefers ``\\r\\n`` but would then count differently.
- GUIDs are uuid5 of what an object is (a label's path, a text's sha256 and a tag's span,
  label and annotator), so exporting the same project twice gives the same ids.
- Users: one per annotator, plus "Jiyao" (a fixed GUID) who creates the project, the sources,
  the entity layer and any tag without an annotator; the reader maps it back to no annotator.
- Codes: the label scheme, nested as in Jiyao, every label codable, with colour and
  description. Attributes have no native slot; each attribute value is a codable sub-code of
  the non-codable "Attributes/<attribute>", coded on the tag's own selection. We chose codes
  over the selection's Description because QDA users can then retrieve and cross-tabulate by
  attribute (the native way to ask "which directives are mandatory?"), the Description stays
  the note exactly (nothing in a note can be mistaken for an attribute), and choice values from
  the scheme are offered as codes to apply. The exact value is the value code's Description
  (``value: <JSON>``); a list value is one coding per element and its attribute code says
  ``values: list`` (an empty list has no coding and is lost). An attribute of the project's
  scheme ends its code's Description, after the text for people (label — description) and
  that line, with its definition for the reader: ``definition: <JSON>`` with label, kind,
  values, suggest_from and description. Attribute codes follow the scheme's order, then the
  attributes only tags use, by name. The entity layer, when asked for, is coded under the
  non-codable "Entities"; the reader skips both helper trees.
- Sources: one TextSource per document, named by its title (numbered when titles repeat),
  its Description carrying the offset convention, ``text_sha256`` and the conversion (and,
  for a converted text, the clean text's ``source_text_sha256``, by which an import finds
  the document it came from). Date,
  source, status and metadata are Text variables with a VariableValue on the source (a
  non-text metadata value goes out as JSON and comes back as that text).
- Selections: one PlainTextSelection per tag, named by the text it covers (the reader checks
  that name against the text when it is whole; long ones are cut with "…"), with the note as
  its Description. Label shortcuts and entity corrections have no place here; JSONL keeps them.
- Memos (issue 20): a label's codebook entry is its code's Description (the definition, then
  "When to use: …", "When not to use: …", "Example: …" paragraphs). Memos on the project, a
  document or a label are ``<Note>``s (named by the memo's title, the text as
  PlainTextContent, the author as creating user, created and modified times) referred to by a
  NoteRef from the ``<Project>``, the ``<TextSource>`` or the ``<Code>``; a journal entry's text
  is a file under ``sources/`` its plainTextPath names instead, as QualCoder and NVivo write
  them (QualCoder takes such a note, when it has a name, into its journal). A tag's memo is its
  note, so the selection's Description carries it as before (where QualCoder and others read
  a coded segment's memo); a titled one is also a ``<Note>`` (named by its title, the note as
  PlainTextContent) the ``<PlainTextSelection>`` refers to, which the reader takes as the
  title when its text is the Description.

This module writes; :mod:`desktop.core.exports.qdpx_reader` reads a ``.qdpx`` back with the
constants defined here.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import uuid
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from desktop import __version__
from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.fields import attribute_spec
from desktop.core.exports.fields import color as rgb
from desktop.core.exports.output import atomic_binary_file
from desktop.core.exports.selection import Codebook, ExportDocument
from desktop.core.labels import LABEL_PATH_SEPARATOR, AttributeSpec, attribute_to_json
from desktop.core.memos import Memo, code_description, tag_memo
from desktop.core.model import Annotation, Document, Entity

FORMAT = "qdpx"
NAMESPACE = "urn:QDA-XML:project:1.0"
PROJECT_FILE = "project.qde"
SOURCES_FOLDER = "sources"
ATTRIBUTES_CODE = "Attributes"
ENTITIES_CODE = "Entities"
EXPORT_USER_NAME = "Jiyao"
SELECTION_NAME_LIMIT = 100  # code points; QDA tools show the name in lists
DOCUMENT_MARKER = "Jiyao document"
DEFINITION_PREFIX = "definition: "  # an attribute code's last line: its definition as JSON
CORE_VARIABLES = ("date", "source", "status")

_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:jiyao:refi-qda")
EXPORT_USER_GUID = str(uuid.uuid5(_GUID_NAMESPACE, "export user"))
_ZIP64_FROM = 1 << 30  # bytes of source XML; the rest of project.qde is small beside it
_XSD_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$")
# Characters XML 1.0 cannot carry at all, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def write_qdpx(documents: Iterable[ExportDocument], codebook: Codebook, target: Path) -> int:
    """The ``.qdpx`` zip at ``target``; returns the number of tags written.

    Documents stream: each text goes into the zip and its XML into a scratch file at once, and
    ``project.qde`` is assembled last, when the users, codes and variables are all known.
    """
    project = _ProjectWriter(codebook)
    with (
        atomic_binary_file(target) as handle,
        zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
        tempfile.TemporaryFile() as sources_xml,
    ):
        for exported in documents:
            source = project.text_source(exported)
            archive.writestr(f"{SOURCES_FOLDER}/{source.get('guid')}.txt", exported.text)
            ET.indent(source, space="  ", level=2)
            sources_xml.write(b"    " + ET.tostring(source, encoding="utf-8") + b"\n")
        large = sources_xml.tell() > _ZIP64_FROM  # zip64 only when needed: old readers lack it
        for name, text in project.journal_files():
            archive.writestr(name, text)
        sources_xml.seek(0)
        with archive.open(PROJECT_FILE, "w", force_zip64=large) as qde:
            project.write_qde(qde, target.stem or "Jiyao export", sources_xml)
    return project.tags


class _Guids:
    """Deterministic GUIDs: uuid5 of what the object is, numbered on the rare clash (two
    labels sharing a path) so every GUID in the project stays unique."""

    def __init__(self) -> None:
        self.used: set[str] = {EXPORT_USER_GUID}

    def make(self, *key: object) -> str:
        base = "\x1f".join(str(part) for part in key)
        number = 0
        while True:
            name = base if number == 0 else f"{base}\x1f{number}"
            guid = str(uuid.uuid5(_GUID_NAMESPACE, name))
            if guid not in self.used:
                self.used.add(guid)
                return guid
            number += 1


@dataclass
class _AttributeCodes:
    guid: str
    description: str = ""
    is_list: bool = False
    values: dict[str, tuple[str, str]] = field(default_factory=dict)  # JSON -> (GUID, name)
    spec: AttributeSpec | None = None  # its definition in the scheme, if it has one


class _ProjectWriter:
    """Builds one TextSource per document and remembers what ``project.qde`` must declare."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.guids = _Guids()
        self.tags = 0
        self.users: dict[str, str] = {}  # annotator -> GUID
        self.label_codes = {
            label.id: self.guids.make("code", codebook.paths.get(label.id, label.name))
            for label in codebook.labels
        }
        self.unknown_labels: dict[str, str] = {}  # a tag's label missing from the codebook
        self.attributes: dict[str, _AttributeCodes] = {}
        self.entity_codes: dict[str, str] = {}
        self.variables = {name: self.guids.make("variable", name) for name in CORE_VARIABLES}
        self.metadata_variables: dict[str, str] = {}  # metadata key -> variable GUID
        self.source_names: set[str] = set()
        self.notes: list[ET.Element] = []
        self.project_refs: list[ET.Element] = []  # the journal's NoteRefs, from the Project
        for spec in codebook.attributes:
            codes = self._attribute(spec.name)
            codes.description = " — ".join(part for part in (spec.label, spec.description) if part)
            codes.spec = spec
            for value in spec.values if spec.kind == "choice" else ():
                self._attribute_value(spec.name, value)

    # -- one document

    def text_source(self, exported: ExportDocument) -> ET.Element:
        document = exported.document
        guid = self.guids.make("source", exported.text_sha256)
        name = self._source_name(document)
        source = ET.Element(
            "TextSource",
            _present(
                guid=guid,
                name=xml_safe(name),
                plainTextPath=f"internal://{guid}.txt",
                creatingUser=EXPORT_USER_GUID,
                creationDateTime=_xml_datetime(document.imported_at),
            ),
        )
        selections = []
        source_spans: dict[str, list[int]] = {}
        for tag, source_span in exported.annotations_with_source_spans():
            selection = self._tag_selection(tag, exported)
            selections.append(selection)
            if source_span is not None:
                source_spans[selection.get("guid", "")] = list(source_span)
            self.tags += 1
        description = _source_description(
            exported, document.title if name != document.title else None, source_spans
        )
        ET.SubElement(source, "Description").text = xml_safe(description)
        source.extend(selections)
        for entity in exported.entities:
            source.append(self._entity_selection(entity, exported))
        source.extend(self._note_refs(exported.memos))
        source.extend(self._variable_values(document))
        return source

    def _source_name(self, document: Document) -> str:
        # QDA tools identify sources by name and refuse or rename duplicates.
        name = document.title.strip() or f"document {document.id}"
        if name in self.source_names:
            name = f"{name} ({document.id})"
        self.source_names.add(name)
        return name

    def _tag_selection(self, tag: Annotation, exported: ExportDocument) -> ET.Element:
        path = self.codebook.path(tag)
        user = self._user(tag.annotator)
        created = _xml_datetime(tag.created_at)
        guid = self.guids.make("tag", exported.text_sha256, tag.start, tag.end, path, tag.annotator)
        selection = _selection(guid, exported.text, tag.start, tag.end, user, created)
        if modified := _xml_datetime(tag.updated_at):
            selection.set("modifiedDateTime", modified)
        if tag.note:
            ET.SubElement(selection, "Description").text = xml_safe(tag.note)
        codes = [self._label_code(tag, path), *self._attribute_codes(tag.attributes)]
        for code in codes:
            selection.append(self._coding(guid, code, user, created))
        if tag.note and tag.note_title:
            selection.extend(self._note_refs([tag_memo(tag)]))
        return selection

    def _entity_selection(self, entity: Entity, exported: ExportDocument) -> ET.Element:
        guid = self.guids.make(
            "entity", exported.text_sha256, entity.type, entity.start, entity.end
        )
        selection = _selection(guid, exported.text, entity.start, entity.end, EXPORT_USER_GUID, "")
        origin = "added by a user" if entity.origin == "user" else "found by Jiyao"
        ET.SubElement(selection, "Description").text = f"{entity.type} entity, {origin}"
        if entity.type not in self.entity_codes:
            self.entity_codes[entity.type] = self.guids.make("entity type", entity.type)
        code = self.entity_codes[entity.type]
        selection.append(self._coding(guid, code, EXPORT_USER_GUID, ""))
        return selection

    def _coding(self, selection: str, code: str, user: str, created: str) -> ET.Element:
        coding = ET.Element(
            "Coding",
            _present(
                guid=self.guids.make("coding", selection, code),
                creatingUser=user,
                creationDateTime=created,
            ),
        )
        ET.SubElement(coding, "CodeRef", targetGUID=code)
        return coding

    def _user(self, annotator: str) -> str:
        if not annotator:
            return EXPORT_USER_GUID
        if annotator not in self.users:
            self.users[annotator] = self.guids.make("user", annotator)
        return self.users[annotator]

    def _label_code(self, tag: Annotation, path: str) -> str:
        code = self.label_codes.get(tag.label_id)
        if code is None:
            code = self.unknown_labels.get(path) or self.guids.make("code", path)
            self.unknown_labels[path] = code
        return code

    def _attribute_codes(self, attributes: dict[str, Any]) -> Iterator[str]:
        for name, value in sorted(attributes.items()):
            if isinstance(value, list):
                self._attribute(name).is_list = True
                for element in value:
                    yield self._attribute_value(name, element)
            else:
                yield self._attribute_value(name, value)

    def _attribute(self, name: str) -> _AttributeCodes:
        if name not in self.attributes:
            self.attributes[name] = _AttributeCodes(self.guids.make("attribute", name))
        return self.attributes[name]

    def _attribute_value(self, name: str, value: Any) -> str:
        values = self._attribute(name).values
        key = json.dumps(value, ensure_ascii=False, sort_keys=True)
        if key not in values:
            shown = value if isinstance(value, str) and value.strip() else key
            values[key] = (self.guids.make("attribute value", name, key), shown)
        return values[key][0]

    def _variable_values(self, document: Document) -> Iterator[ET.Element]:
        core = {"date": document.date, "source": document.source, "status": document.status}
        for name, value in core.items():
            if value:
                yield _variable_value(self.variables[name], str(value))
        for key, value in document.metadata.items():
            if value in ("", None):
                continue
            if key not in self.metadata_variables:
                self.metadata_variables[key] = self.guids.make("metadata", key)
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            yield _variable_value(self.metadata_variables[key], text)

    def _note_refs(
        self, memos: Iterable[Memo], files: list[tuple[str, str]] | None = None
    ) -> list[ET.Element]:
        """A Note for each memo (kept for ``<Notes>``) and the NoteRefs that point at them.
        With ``files``, each note's text goes into a file under sources/ (added to ``files``
        as its zip name and text) that its plainTextPath names, else into PlainTextContent."""
        references = []
        for memo in memos:
            guid = self.guids.make("memo", memo.target, memo.target_id, memo.id, memo.created)
            note = ET.Element(
                "Note",
                _present(
                    guid=guid,
                    name=xml_safe(memo.title),
                    plainTextPath=f"internal://{guid}.txt" if files is not None else "",
                    creatingUser=self._user(memo.author),
                    creationDateTime=_xml_datetime(memo.created),
                    modifiedDateTime=_xml_datetime(memo.modified),
                ),
            )
            if files is not None:
                files.append((f"{SOURCES_FOLDER}/{guid}.txt", memo.text))
            else:
                ET.SubElement(note, "PlainTextContent").text = xml_safe(memo.text)
            self.notes.append(note)
            references.append(ET.Element("NoteRef", targetGUID=guid))
        return references

    def journal_files(self) -> list[tuple[str, str]]:
        """The project's journal as Notes whose texts are files under sources/, as QualCoder
        and NVivo keep theirs (QualCoder takes a named note with a plainTextPath into its
        journal, and ignores one with PlainTextContent): the files' zip names and texts."""
        files: list[tuple[str, str]] = []
        journal = [memo for memo in self.codebook.memos if memo.target == "project"]
        self.project_refs = self._note_refs(journal, files)
        return files

    # -- the project file

    def write_qde(self, qde: IO[bytes], name: str, sources_xml: IO[bytes]) -> None:
        qde.write(_project_start(name).encode("utf-8"))
        # The codebook first: its memos' authors are users.
        codebook = self._codebook()
        for part in (self._users(), codebook, self._variables()):
            if part is not None:
                ET.indent(part, space="  ", level=1)
                qde.write(b"  " + ET.tostring(part, encoding="utf-8") + b"\n")
        if sources_xml.seek(0, 2):
            sources_xml.seek(0)
            qde.write(b"  <Sources>\n")
            shutil.copyfileobj(sources_xml, qde)
            qde.write(b"  </Sources>\n")
        if self.notes:
            notes = ET.Element("Notes")
            notes.extend(self.notes)
            ET.indent(notes, space="  ", level=1)
            qde.write(b"  " + ET.tostring(notes, encoding="utf-8") + b"\n")
        description = ET.Element("Description")
        description.text = _project_description()
        qde.write(b"  " + ET.tostring(description, encoding="utf-8") + b"\n")
        for reference in self.project_refs:
            qde.write(b"  " + ET.tostring(reference, encoding="utf-8") + b"\n")
        qde.write(b"</Project>\n")

    def _users(self) -> ET.Element:
        users = ET.Element("Users")
        ET.SubElement(users, "User", guid=EXPORT_USER_GUID, name=EXPORT_USER_NAME)
        for annotator, guid in self.users.items():
            ET.SubElement(users, "User", guid=guid, name=xml_safe(annotator))
        return users

    def _codebook(self) -> ET.Element | None:
        codes = ET.Element("Codes")
        codes.extend(self._label_tree())
        for path_, guid in self.unknown_labels.items():
            codes.append(_code(guid, path_.rpartition(LABEL_PATH_SEPARATOR)[2], codable=True))
        if self.attributes:
            codes.append(self._attributes_tree())
        if self.entity_codes:
            codes.append(self._entities_tree())
        if not len(codes):
            return None  # the schema wants at least one Code in a CodeBook
        codebook = ET.Element("CodeBook")
        codebook.append(codes)
        return codebook

    def _label_tree(self) -> list[ET.Element]:
        """The labels' codes, nested as the labels are; returns the top-level ones."""
        top: list[ET.Element] = []
        open_codes: list[ET.Element] = []  # the code at each depth above the next label
        label_memos: dict[int | None, list[Memo]] = {}
        for memo in self.codebook.memos:
            if memo.target == "label":
                label_memos.setdefault(memo.target_id, []).append(memo)
        for depth, label in self.codebook.in_tree_order():
            description = code_description(self.codebook.entry(label))
            code = _code(self.label_codes[label.id], label.name, True, label.color, description)
            code.extend(self._note_refs(label_memos.get(label.id, [])))
            del open_codes[depth:]
            if open_codes:
                open_codes[-1].append(code)
            else:
                top.append(code)
            open_codes.append(code)
        return top

    def _attributes_tree(self) -> ET.Element:
        tree = _code(
            self.guids.make("helper", ATTRIBUTES_CODE),
            ATTRIBUTES_CODE,
            codable=False,
            description="Tag attributes from Jiyao: each value is a sub-code, coded on the "
            "same selection as the tag's label.",
        )
        in_scheme = [name for name, codes in self.attributes.items() if codes.spec is not None]
        others = sorted(name for name, codes in self.attributes.items() if codes.spec is None)
        for name in in_scheme + others:
            codes = self.attributes[name]
            lines = [codes.description] if codes.description else []
            lines.append(f"values: {'list' if codes.is_list else 'single'}")
            if codes.spec is not None:
                lines.append(DEFINITION_PREFIX + _definition_json(codes.spec))
            attribute = _code(codes.guid, name, False, description="\n".join(lines))
            for key, (guid, shown) in sorted(codes.values.items()):
                attribute.append(_code(guid, shown, True, description=f"value: {key}"))
            tree.append(attribute)
        return tree

    def _entities_tree(self) -> ET.Element:
        tree = _code(
            self.guids.make("helper", ENTITIES_CODE),
            ENTITIES_CODE,
            codable=False,
            description="The entity layer from Jiyao (people, titles, organisations, places, "
            "dates, numbers); not tags.",
        )
        for entity_type, guid in sorted(self.entity_codes.items()):
            tree.append(_code(guid, entity_type, True))
        return tree

    def _variables(self) -> ET.Element:
        variables = ET.Element("Variables")
        for name, guid in self.variables.items():
            _variable(variables, guid, name, f"{DOCUMENT_MARKER} {name}")
        for key, guid in self.metadata_variables.items():
            shown = key if key not in CORE_VARIABLES else f"metadata {key}"
            _variable(variables, guid, shown, f"{DOCUMENT_MARKER} metadata: {key}")
        return variables


def _definition_json(spec: AttributeSpec) -> str:
    return json.dumps(attribute_to_json(spec), ensure_ascii=False)


def attribute_spec_from_definition(name: str, line: str) -> AttributeSpec | None:
    """The attribute ``name`` as a ``definition: <JSON>`` line defines it; None when the line
    is not one or holds no definition Jiyao can use."""
    if not name or not line.startswith(DEFINITION_PREFIX):
        return None
    try:
        data = json.loads(line.removeprefix(DEFINITION_PREFIX))
    except json.JSONDecodeError:
        return None
    return attribute_spec(name, data)


def _project_start(name: str) -> str:
    # Written by hand so the sources can stream in between; the default namespace declared
    # here is inherited by every element serialised without one.
    # Imported here: saxutils brings urllib.request, http and email with it, 2.8 MiB the
    # window would keep from its start whether or not it ever exports (issue 13, memory).
    from xml.sax.saxutils import quoteattr

    attributes = {
        "xmlns": NAMESPACE,
        "name": xml_safe(name),
        "origin": f"Jiyao {__version__}",
        "creatingUserGUID": EXPORT_USER_GUID,
        "creationDateTime": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    rendered = " ".join(f"{key}={quoteattr(value)}" for key, value in attributes.items())
    return f'<?xml version="1.0" encoding="utf-8"?>\n<Project {rendered}>\n'


def _project_description() -> str:
    return (
        f"Exported by Jiyao {__version__}. startPosition and endPosition count Unicode code "
        "points, 0-based, end-exclusive, in each source's text as written under sources/ "
        "(UTF-8, no BOM, \\n line endings); each source's Description gives its text_sha256 "
        "and conversion (and for a converted text the clean text's source_text_sha256). Tag "
        "attributes are sub-codes of Attributes (an attribute code's "
        "Description ends with its definition as JSON); the entity layer, if any, is coded "
        "under Entities."
    )


def _source_description(
    exported: ExportDocument, title: str | None, source_spans: dict[str, list[int]]
) -> str:
    """Jiyao's fields of a source as ``key: value`` lines; ``source_spans`` maps a selection's
    GUID to its exact span in the clean text, where a converted span would map back wider."""
    lines = [
        f"{DOCUMENT_MARKER} {exported.document.id}",
        f"offsets: {OFFSET_CONVENTION}",
        f"text_sha256: {exported.text_sha256}",
        f"conversion: {exported.conversion}",
    ]
    if exported.conversion != "none":
        lines.append(f"source_text_sha256: {exported.document.text_sha256}")
    if title is not None:
        lines.append(f"title: {title}")
    if source_spans:
        lines.append(f"source_spans: {json.dumps(source_spans, separators=(',', ':'))}")
    return "\n".join(lines)


def _selection(guid: str, text: str, start: int, end: int, user: str, created: str) -> ET.Element:
    return ET.Element(
        "PlainTextSelection",
        _present(
            guid=guid,
            name=_selection_name(text[start:end]),
            startPosition=str(start),
            endPosition=str(end),
            creatingUser=user,
            creationDateTime=created,
        ),
    )


def _selection_name(covered: str) -> str:
    if len(covered) > SELECTION_NAME_LIMIT:
        covered = covered[: SELECTION_NAME_LIMIT - 1] + "…"
    return xml_safe(covered)


def _code(
    guid: str, name: str, codable: bool, color: str = "", description: str = ""
) -> ET.Element:
    code = ET.Element(
        "Code",
        _present(
            guid=guid,
            name=xml_safe(name),
            isCodable="true" if codable else "false",
            color=rgb(color),
        ),
    )
    if description:
        ET.SubElement(code, "Description").text = xml_safe(description)
    return code


def _variable(parent: ET.Element, guid: str, name: str, description: str) -> None:
    variable = ET.SubElement(
        parent, "Variable", guid=guid, name=xml_safe(name), typeOfVariable="Text"
    )
    ET.SubElement(variable, "Description").text = xml_safe(description)


def _variable_value(variable: str, text: str) -> ET.Element:
    value = ET.Element("VariableValue")
    ET.SubElement(value, "VariableRef", targetGUID=variable)
    ET.SubElement(value, "TextValue").text = xml_safe(text)
    return value


def _present(**attributes: str) -> dict[str, str]:
    """XML attributes without the empty ones (an optional attribute is left out, not blank)."""
    return {key: value for key, value in attributes.items() if value}


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def _xml_datetime(value: str) -> str:
    """``value`` as an xs:dateTime, or "" when it is not a date and time at all."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return ""
    return value if _XSD_DATETIME.match(value) else parsed.isoformat(timespec="seconds")
