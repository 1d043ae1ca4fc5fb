"""The REFI-QDA codebook (``.qdc``, QDA-XML Codebook 1.0): how NVivo, MAXQDA, ATLAS.ti,
QualCoder and Taguette exchange a code system.

Written: one ``<Code>`` per label, nested as the labels are, with its colour and a
``<Description>`` holding the label's definition, then "When to use: …", "When not to use: …"
and "Example: …" paragraphs (:func:`desktop.core.memos.code_description`). The file is checked
against ``resources/formats/refi-qda/Codebook.xsd`` before it takes its name.

Read: the file must be XML that the same schema accepts, else it is refused with the first
reason and its line; every code becomes a label path (nesting -> path), its Description is
parsed back into the fields (another tool's is all definition), its colour kept. Two codes
of the same name under one parent are refused (naming both lines), never merged silently.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.exports.fields import color as rgb
from desktop.core.exports.output import atomic_binary_file
from desktop.core.exports.qdpx import xml_safe
from desktop.core.labels import LABEL_PATH_SEPARATOR, label_name_problem
from desktop.core.memos import (
    CodebookCode,
    CodebookEntry,
    code_description,
    parse_code_description,
)
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import Label
from desktop.core.resources import resource_path

NAMESPACE = "urn:QDA-XML:codebook:1.0"
_Q = f"{{{NAMESPACE}}}"
_GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:jiyao:refi-qda")
# A codebook is a few hundred codes; a file far larger is not one (or is a trap for the parser).
MAX_QDC_BYTES = 20 * 1024 * 1024


class BadCodebook(ValueError):
    """A codebook file Jiyao refuses; ``str(error)`` is one line naming the file."""


def schema_path() -> Path:
    return resource_path("formats", "refi-qda", "Codebook.xsd")


def write_qdc(
    labels_in_tree_order: Sequence[tuple[int, Label]],
    paths: dict[int, str],
    entries: dict[int, CodebookEntry],
    target: Path,
) -> int:
    """Write the labels (``(depth, label)`` parents first) as a REFI-QDA codebook; returns
    how many codes were written. Raises BadCodebook when there is no label (the schema wants
    one code at least)."""
    from lxml import etree

    if not labels_in_tree_order:
        raise BadCodebook(
            QT_TRANSLATE_NOOP(
                "Exchange", "the project has no labels: a codebook needs one code at least"
            )
        )
    root = etree.Element(f"{_Q}CodeBook", nsmap={None: NAMESPACE}, origin=f"Jiyao {__version__}")
    codes = etree.SubElement(root, f"{_Q}Codes")
    open_codes: list[etree._Element] = []
    for depth, label in labels_in_tree_order:
        del open_codes[depth:]
        parent = open_codes[-1] if open_codes else codes
        code = etree.SubElement(parent, f"{_Q}Code", _code_attributes(label, paths))
        entry = entries.get(label.id, CodebookEntry(label.id, label.description))
        description = xml_safe(code_description(entry))
        if description:
            etree.SubElement(code, f"{_Q}Description").text = description
            # The schema wants the Description before the nested codes.
            code.insert(0, code[-1])
        open_codes.append(code)
    document = etree.ElementTree(root)
    _schema().assertValid(document)
    with atomic_binary_file(target) as handle:
        document.write(handle, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return len(labels_in_tree_order)


def _code_attributes(label: Label, paths: dict[int, str]) -> dict[str, str]:
    path = paths.get(label.id, label.name)
    attributes = {
        "guid": str(uuid.uuid5(_GUID_NAMESPACE, f"code\x1f{path}")),
        "name": xml_safe(label.name),
        "isCodable": "true",
    }
    if rgb(label.color):
        attributes["color"] = rgb(label.color)
    return attributes


def read_qdc(path: Path) -> list[CodebookCode]:
    """The codes of a ``.qdc`` file, parents before children. Raises BadCodebook (one line,
    with the line of the file where it went wrong)."""
    from lxml import etree

    try:
        if path.stat().st_size > MAX_QDC_BYTES:
            raise BadCodebook(
                QT_TRANSLATE_NOOP("Exchange", "{0}: larger than {1} MB").format(
                    path.name, MAX_QDC_BYTES // 2**20
                )
            )
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        document = etree.parse(str(path), parser)
    except OSError as error:
        raise BadCodebook(
            QT_TRANSLATE_NOOP("Exchange", "{0}: cannot read it ({1})").format(
                path.name, error.strerror or error
            )
        ) from error
    except etree.XMLSyntaxError as error:
        # lxml ends its message with where it stopped; the line goes first, as for the schema.
        reason = re.sub(r",? line \d+, column \d+$", "", error.msg or "")
        line = error.lineno or (error.position[0] if error.position else 0)
        raise BadCodebook(
            QT_TRANSLATE_NOOP("Exchange", "{0}, line {1}: not valid XML: {2}").format(
                path.name, line, reason
            )
        ) from error
    schema = _schema()
    if not schema.validate(document):
        first = schema.error_log[0]
        raise BadCodebook(
            QT_TRANSLATE_NOOP("Exchange", "{0}, line {1}: not a REFI-QDA codebook: {2}").format(
                path.name, first.line, _short(first.message)
            )
        )
    codes = document.getroot().find(f"{_Q}Codes")
    assert codes is not None  # the schema requires it
    return list(_codes(path, codes, ()))


def _codes(path: Path, parent: object, above: tuple[str, ...]) -> Iterator[CodebookCode]:
    from lxml import etree

    assert isinstance(parent, etree._Element)
    seen: dict[str, int] = {}
    for element in parent.iterfind(f"{_Q}Code"):
        name = " ".join(element.get("name", "").split())
        line = element.sourceline or 0
        problem = (
            label_name_problem(name) if name else QT_TRANSLATE_NOOP("Exchange", "it has no name")
        )
        if not problem and LABEL_PATH_SEPARATOR in name:
            problem = QT_TRANSLATE_NOOP("Exchange", 'a name cannot contain "{0}"').format(
                LABEL_PATH_SEPARATOR
            )
        if problem:
            raise BadCodebook(
                QT_TRANSLATE_NOOP("Exchange", "{0}, line {1}: code {2!r}: {3}").format(
                    path.name, line, name, problem
                )
            )
        if name in seen:
            where = LABEL_PATH_SEPARATOR.join((*above, name))
            raise BadCodebook(
                QT_TRANSLATE_NOOP(
                    "Exchange",
                    "{0}, lines {1} and {2}: two codes {3!r} under one parent (rename one; "
                    "Jiyao will not merge them silently)",
                ).format(path.name, seen[name], line, where)
            )
        seen[name] = line
        fields = parse_code_description(element.findtext(f"{_Q}Description") or "")
        yield CodebookCode(
            path=(*above, name), color=rgb(element.get("color", "")).lower(), line=line, **fields
        )
        yield from _codes(path, element, (*above, name))


def _schema() -> Any:
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(schema_path())))


def _short(message: str, limit: int = 160) -> str:
    message = message.replace(f"{{{NAMESPACE}}}", "")
    return message if len(message) <= limit else message[: limit - 1] + "…"
