"""Label schemes: hierarchical labels with colours, descriptions and shortcut keys, and the
attributes every annotation may carry (issuer, addressee, strength, deadline…).

A scheme is plain JSON (``resources/labels/directives.json``, directive types, is the default;
``directives_topics.json`` sorts by policy area), so a project can
bring its own; :func:`parse_scheme` checks one and says in one line what is wrong.

The scheme, each label and each attribute may carry its words in other languages::

    {"name": "Epidemic control", "translations": {"zh_CN": {"name": "疫情防控"}}}

(``name`` and ``description``; an attribute's ``label`` too). They are chosen once, when the
scheme goes into a project (``language``: the window's interface language; the command line
keeps the scheme's own words); from then on the labels are the project's data, in that
language, and are never renamed when the interface language changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.resources import resource_path
from desktop.core.safe_text import UnusableJson, json_value_problem, load_json

ATTRIBUTE_KINDS = ("text", "choice")
# Joins a label's name to its parents' in a path ("Support measures/Labour"), the way exports
# name labels; so no name may contain it.
LABEL_PATH_SEPARATOR = "/"
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# A label name is shown in one line of lists, menus and exports' configs: no control
# characters (a line break would split a brat or CoNLL line), and no longer than this.
MAX_LABEL_NAME_LENGTH = 300  # the window shows one this long elided (issue 21)
_LINE_BREAKS = frozenset("\u2028\u2029")
# The words a scheme's "translations" may give in another language.
_TRANSLATABLE = frozenset({"name", "label", "description"})


def label_name_problem(name: str) -> str:
    """Why ``name`` cannot be a label's name (one level, not a path), or "" when it can."""
    control = next((c for c in name if unicodedata.category(c) == "Cc" or c in _LINE_BREAKS), None)
    if control is not None:
        return QT_TRANSLATE_NOOP(
            "LabelScheme",
            "a label name cannot hold control characters such as line breaks or "
            "tabs (it holds U+{0:04X})",
        ).format(ord(control))
    if len(name) > MAX_LABEL_NAME_LENGTH:
        return QT_TRANSLATE_NOOP(
            "LabelScheme", "a label name is at most {0} characters long (this one has {1:,})"
        ).format(MAX_LABEL_NAME_LENGTH, len(name))
    return ""


class BadScheme(ValueError):
    """A label scheme Jiyao cannot use; ``str(error)`` is a one-line reason."""


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    label: str
    kind: str = "text"  # "text" (free, with suggested values) or "choice" (one of values)
    values: tuple[str, ...] = ()
    suggest_from: str = ""  # an entity type whose spans are offered as values (PERSON, DATE)
    description: str = ""


@dataclass(frozen=True)
class LabelSpec:
    name: str
    color: str = "#8d99ae"
    shortcut: str = ""
    description: str = ""
    children: tuple[LabelSpec, ...] = ()


@dataclass(frozen=True)
class LabelScheme:
    name: str
    labels: tuple[LabelSpec, ...]
    attributes: tuple[AttributeSpec, ...] = ()
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def walk(self) -> Iterator[tuple[LabelSpec, LabelSpec | None]]:
        """Every label with its parent, parents first."""
        stack: list[tuple[LabelSpec, LabelSpec | None]] = [(label, None) for label in self.labels]
        stack.reverse()
        while stack:
            label, parent = stack.pop()
            yield label, parent
            stack.extend((child, label) for child in reversed(label.children))


def default_scheme(language: str = "") -> LabelScheme:
    """The scheme a new project gets: directive types (部署, 要求, 禁止, 督查, 时限…), its
    descriptions in ``language`` where the file gives them."""
    return load_scheme(resource_path("labels", "directives.json"), language)


def topics_scheme(language: str = "") -> LabelScheme:
    """The alternative shipped scheme: directives by policy area (Epidemic control, Labour…),
    the default until directive types replaced it; import it in the label editor."""
    return load_scheme(resource_path("labels", "directives_topics.json"), language)


def load_scheme(path: Path, language: str = "") -> LabelScheme:
    try:
        data = load_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise BadScheme(
            QT_TRANSLATE_NOOP("LabelScheme", "{0}: cannot be read ({1})").format(path, error)
        ) from error
    except UnusableJson as error:
        raise BadScheme(QT_TRANSLATE_NOOP("LabelScheme", "{0}: {1}").format(path, error)) from error
    return parse_scheme(data, language)


def in_language(item: dict[str, Any], language: str) -> dict[str, Any]:
    """``item`` with the words its ``translations`` give for ``language`` (a name, label or
    description; anything else is left as it is)."""
    translations = item.get("translations")
    words = translations.get(language) if language and isinstance(translations, dict) else None
    if not isinstance(words, dict):
        return item
    chosen = {key: value for key, value in words.items() if key in _TRANSLATABLE}
    return {**item, **{key: value for key, value in chosen.items() if isinstance(value, str)}}


def parse_scheme(data: object, language: str = "") -> LabelScheme:
    """The scheme JSON describes; raises BadScheme with a one-line reason. A scheme may have
    no labels (an empty project's export), and no text in it may hold what the store cannot
    keep (a NUL, a lone surrogate) or nest deeper than labels sensibly do."""
    if not isinstance(data, dict):
        raise BadScheme(
            QT_TRANSLATE_NOOP(
                "LabelScheme", "a label scheme is a JSON object with a list of labels"
            )
        )
    problem = json_value_problem(data)
    if problem:
        raise BadScheme(QT_TRANSLATE_NOOP("LabelScheme", "the scheme {0}").format(problem))
    data = in_language(data, language)
    labels = tuple(
        _parse_label(item, "labels", language) for item in _list(data, "labels", required=True)
    )
    attributes = tuple(parse_attribute(item, language) for item in _list(data, "attributes"))
    scheme = LabelScheme(
        name=str(data.get("name") or "Unnamed scheme"),
        labels=labels,
        attributes=attributes,
        description=str(data.get("description") or ""),
    )
    _check_unique(scheme)
    return scheme


def scheme_to_json(scheme: LabelScheme) -> dict[str, Any]:
    def label(spec: LabelSpec) -> dict[str, Any]:
        item: dict[str, Any] = {"name": spec.name, "color": spec.color}
        if spec.shortcut:
            item["shortcut"] = spec.shortcut
        if spec.description:
            item["description"] = spec.description
        if spec.children:
            item["children"] = [label(child) for child in spec.children]
        return item

    return {
        "name": scheme.name,
        "description": scheme.description,
        "attributes": [attribute_to_json(a) for a in scheme.attributes],
        "labels": [label(spec) for spec in scheme.labels],
    }


def attribute_to_json(attribute: AttributeSpec) -> dict[str, Any]:
    """The definition as a scheme file writes it (empty fields left out)."""
    return {
        key: value
        for key, value in {
            "name": attribute.name,
            "label": attribute.label,
            "kind": attribute.kind,
            "values": list(attribute.values),
            "suggest_from": attribute.suggest_from,
            "description": attribute.description,
        }.items()
        if value not in ("", [])
    }


def _list(data: dict[str, Any], key: str, *, required: bool = False) -> list[Any]:
    """A list field; ``required``: it must be there, but may be empty (an empty project's
    scheme has no labels yet)."""
    value = data.get(key, [] if not required else None)
    if not isinstance(value, list):
        raise BadScheme(QT_TRANSLATE_NOOP("LabelScheme", '"{0}" must be a list').format(key))
    return value


def _parse_label(item: object, where: str, language: str = "") -> LabelSpec:
    if isinstance(item, dict):
        item = in_language(item, language)
    if not isinstance(item, dict) or not str(item.get("name") or "").strip():
        raise BadScheme(
            QT_TRANSLATE_NOOP("LabelScheme", "every label in {0} needs a name").format(where)
        )
    name = str(item["name"]).strip()
    if LABEL_PATH_SEPARATOR in name:
        raise BadScheme(
            QT_TRANSLATE_NOOP(
                "LabelScheme",
                'label "{0}": a name cannot contain "{1}", which separates a label '
                "from its parent in label paths",
            ).format(name, LABEL_PATH_SEPARATOR)
        )
    problem = label_name_problem(name)
    if problem:
        raise BadScheme(
            QT_TRANSLATE_NOOP("LabelScheme", "label {0}: {1}").format(_shown(name), problem)
        )
    color = str(item.get("color") or "#8d99ae")
    if not _COLOR.match(color):
        raise BadScheme(
            QT_TRANSLATE_NOOP("LabelScheme", 'label "{0}": colour {1!r} is not #rrggbb').format(
                name, color
            )
        )
    shortcut = str(item.get("shortcut") or "")
    if len(shortcut) > 1 or (shortcut and not shortcut.isalnum()):
        raise BadScheme(
            QT_TRANSLATE_NOOP(
                "LabelScheme", 'label "{0}": a shortcut is one letter or digit, not {1!r}'
            ).format(name, shortcut)
        )
    children = tuple(
        _parse_label(child, f'"{name}"', language) for child in _list(item, "children")
    )
    return LabelSpec(name, color, shortcut, str(item.get("description") or ""), children)


def _shown(name: str, limit: int = 40) -> str:
    """A name to quote in a one-line message: its repr (line breaks visible), cut short."""
    return repr(name if len(name) <= limit else name[:limit] + "…")


def parse_attribute(item: object, language: str = "") -> AttributeSpec:
    """One attribute definition from JSON; raises BadScheme with a one-line reason."""
    if isinstance(item, dict):
        item = in_language(item, language)
    if not isinstance(item, dict) or not str(item.get("name") or "").strip():
        raise BadScheme(QT_TRANSLATE_NOOP("LabelScheme", "every attribute needs a name"))
    name = str(item["name"]).strip()
    kind = str(item.get("kind") or "text")
    if kind not in ATTRIBUTE_KINDS:
        raise BadScheme(
            QT_TRANSLATE_NOOP("LabelScheme", 'attribute "{0}": kind must be one of {1}').format(
                name, ", ".join(ATTRIBUTE_KINDS)
            )
        )
    values = tuple(str(v) for v in _list(item, "values"))
    if kind == "choice" and not values:
        raise BadScheme(
            QT_TRANSLATE_NOOP("LabelScheme", 'attribute "{0}": a choice needs values').format(name)
        )
    return AttributeSpec(
        name,
        str(item.get("label") or name),
        kind,
        values,
        str(item.get("suggest_from") or ""),
        str(item.get("description") or ""),
    )


def _check_unique(scheme: LabelScheme) -> None:
    shortcuts: dict[str, str] = {}
    siblings: set[tuple[str, str]] = set()
    for label, parent in scheme.walk():
        key = (parent.name if parent else "", label.name)
        if key in siblings:
            raise BadScheme(
                QT_TRANSLATE_NOOP(
                    "LabelScheme", 'label "{0}" appears twice under the same parent'
                ).format(label.name)
            )
        siblings.add(key)
        if label.shortcut:
            if label.shortcut in shortcuts:
                raise BadScheme(
                    QT_TRANSLATE_NOOP(
                        "LabelScheme", 'shortcut "{0}" is used by both "{1}" and "{2}"'
                    ).format(label.shortcut, shortcuts[label.shortcut], label.name)
                )
            shortcuts[label.shortcut] = label.name
    names = [a.name for a in scheme.attributes]
    if len(names) != len(set(names)):
        raise BadScheme(QT_TRANSLATE_NOOP("LabelScheme", "attribute names must be unique"))
