"""The Label Studio labelling config (``NAME.label_config.xml``) written beside the tasks.

Label Studio creates a project from this XML: it names the text, every label (by path, with its
colour and description as ``hint``) and the per-region controls for attributes and the note.
``label_config`` writes it from the codebook and what the documents used beyond it
(``SeenValues``); ``scheme_from_config`` reads the label scheme back from one. The task module,
``desktop.core.exports.labelstudio``, imports both and the control names below.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.entities import TYPES as ENTITY_TYPES
from desktop.core.exports.fields import color
from desktop.core.exports.importing import Problem
from desktop.core.exports.selection import Codebook
from desktop.core.labels import LABEL_PATH_SEPARATOR, BadScheme, LabelScheme, parse_scheme
from desktop.core.messages import QT_TRANSLATE_NOOP, message_of
from desktop.core.model import Label

LABELS_CONTROL = "label"
ENTITY_CONTROL = "entity"
NOTE_CONTROL = "note"
TEXT_OBJECT = "text"
SCHEME_VIEW_CLASS = "jiyao-scheme"


# Writing ------------------------------------------------------------------------------------


@dataclass
class SeenValues:
    """What the documents used beyond the codebook, so the config written last covers it."""

    labels: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    choices: dict[str, set[str]] = field(default_factory=dict)
    entity_types: set[str] = field(default_factory=set)


def label_config(codebook: Codebook, seen: SeenValues | None = None) -> str:
    """A Label Studio labelling config for the exported tasks, as XML text."""
    seen = seen or SeenValues()
    view = ET.Element("View")
    # The scheme's name, shown above the text, and where the reader finds it again.
    title = ET.SubElement(view, "View", className=SCHEME_VIEW_CLASS)
    ET.SubElement(title, "Header", value=codebook.scheme.name)
    labels = ET.SubElement(view, "Labels", name=LABELS_CONTROL, toName=TEXT_OBJECT)
    for label in codebook.labels:
        ET.SubElement(labels, "Label", _label_attributes(codebook, label))
    for path in sorted(seen.labels - set(codebook.paths.values())):
        ET.SubElement(labels, "Label", value=path)
    if seen.entity_types:
        entities = ET.SubElement(view, "Labels", name=ENTITY_CONTROL, toName=TEXT_OBJECT)
        for kind in (*ENTITY_TYPES, *sorted(seen.entity_types - set(ENTITY_TYPES))):
            ET.SubElement(entities, "Label", value=kind)
    ET.SubElement(view, "Text", name=TEXT_OBJECT, value=f"${TEXT_OBJECT}")
    _region_controls(ET.SubElement(view, "View", visibleWhen="region-selected"), codebook, seen)
    ET.indent(view)
    return ET.tostring(view, encoding="unicode") + "\n"


def _label_attributes(codebook: Codebook, label: Label) -> dict[str, str]:
    attributes = {"value": codebook.paths.get(label.id, label.name), "background": label.color}
    if label.description:
        attributes["hint"] = label.description
    return attributes


def _region_controls(panel: ET.Element, codebook: Codebook, seen: SeenValues) -> None:
    """Per-region controls, each under a header: a tag's attributes, then its note."""
    for spec in codebook.attributes:
        ET.SubElement(panel, "Header", value=spec.label or spec.name)
        if spec.kind == "choice":
            choices = ET.SubElement(
                panel, "Choices", name=spec.name, toName=TEXT_OBJECT, perRegion="true"
            )
            stale = sorted(seen.choices.get(spec.name, set()) - set(spec.values))
            for value in (*spec.values, *stale):
                ET.SubElement(choices, "Choice", value=value)
        else:
            _text_area(panel, spec.name, 1, spec.description)
    for name in sorted(seen.attributes):
        ET.SubElement(panel, "Header", value=name)
        _text_area(panel, name, 1, "")
    ET.SubElement(panel, "Header", value="Note")
    _text_area(panel, NOTE_CONTROL, 3, "")


def _text_area(panel: ET.Element, name: str, rows: int, placeholder: str) -> None:
    attributes = {"name": name, "toName": TEXT_OBJECT, "perRegion": "true", "editable": "true"}
    attributes["rows"] = str(rows)
    if placeholder:
        attributes["placeholder"] = placeholder
    ET.SubElement(panel, "TextArea", attributes)


# Reading ------------------------------------------------------------------------------------


def scheme_from_config(config: Path) -> tuple[LabelScheme | None, list[Problem]]:
    """The label scheme a labelling config beside the tasks declares: labels (from their
    paths, with colours and descriptions) and the per-region attribute controls."""
    if not config.is_file():
        return None, []
    try:
        root = ET.parse(config).getroot()
        scheme = parse_scheme(
            {
                "name": _scheme_name(root) or config.stem,
                "labels": _label_tree(root),
                "attributes": _attribute_controls(root),
            }
        )
    except (OSError, ET.ParseError, LookupError) as error:  # LookupError: unknown encoding
        return None, [
            Problem(
                config.name,
                QT_TRANSLATE_NOOP("Exchange", "not a readable labelling config ({0})").format(
                    error
                ),
            )
        ]
    except BadScheme as error:
        return None, [Problem(config.name, message_of(error))]
    return scheme, []


def text_fields(config: Path) -> list[str]:
    """The task fields a labelling config shows as text (``<Text value="$review">``), in its
    order; none when there is no readable config (scheme_from_config reports why)."""
    try:
        root = ET.parse(config).getroot() if config.is_file() else None
    except (OSError, ET.ParseError, LookupError):
        return []
    if root is None:
        return []
    values = (text.get("value", "") for text in root.iter("Text"))
    return [value[1:] for value in values if value.startswith("$") and len(value) > 1]


def _scheme_name(root: ET.Element) -> str:
    for view in root.iter("View"):
        if view.get("className") == SCHEME_VIEW_CLASS:
            header = view.find("Header")
            return header.get("value", "") if header is not None else ""
    return ""


def _label_tree(root: ET.Element) -> list[dict[str, Any]]:
    """Nested labels from paths ("Support measures/Labour"), parents made where missing."""
    nodes: dict[str, dict[str, Any]] = {}
    top: list[dict[str, Any]] = []

    def node(path: str) -> dict[str, Any]:
        if path not in nodes:
            parent, _, name = path.rpartition(LABEL_PATH_SEPARATOR)
            nodes[path] = {"name": name, "children": []}
            (node(parent)["children"] if parent else top).append(nodes[path])
        return nodes[path]

    for labels in root.iter("Labels"):
        if _is_our_entity_layer(labels):
            continue
        # Any <Labels> control: a project Jiyao did not make names its own (name="ner").
        for label in labels.iter("Label"):
            value = label.get("value", "")
            if not value.strip():
                continue
            item = node(value)
            if background := color(label.get("background")):
                item["color"] = background
            item["description"] = label.get("hint", "")
    return top


def _is_our_entity_layer(labels: ET.Element) -> bool:
    """Jiyao's entity-layer control (entity types for predictions), which holds no labels."""
    values = {label.get("value", "") for label in labels.iter("Label")}
    return labels.get("name") == ENTITY_CONTROL and values <= set(ENTITY_TYPES)


def _attribute_controls(root: ET.Element) -> list[dict[str, Any]]:
    """Per-region TextArea and Choices controls, named by the header before each."""
    attributes = []
    for parent in root.iter():
        header = ""
        for child in parent:
            attribute = _attribute_control(child, header)
            if attribute is not None:
                attributes.append(attribute)
            header = child.get("value", "") if child.tag == "Header" else ""
    return attributes


def _attribute_control(control: ET.Element, header: str) -> dict[str, Any] | None:
    name = control.get("name", "")
    if control.tag not in ("TextArea", "Choices") or control.get("perRegion") != "true":
        return None
    if not name or name == NOTE_CONTROL:
        return None
    return {
        "name": name,
        "label": header or name,
        "kind": "choice" if control.tag == "Choices" else "text",
        "values": [choice.get("value", "") for choice in control.iter("Choice")],
        "description": control.get("placeholder", ""),
    }
