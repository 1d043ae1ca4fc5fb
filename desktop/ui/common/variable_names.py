"""What the window calls a document variable: the names in resources/ui/variable_names.json
(``label`` in English, ``label_zh`` in Chinese; users add their own there), else the
variable's own name. The store keeps the variable's key; only the words shown change."""

from __future__ import annotations

import json
import logging
from functools import cache

from desktop.core.resources import resource_path
from desktop.ui.common.language import interface_language

log = logging.getLogger(__name__)


@cache
def variable_labels() -> dict[str, tuple[str, str]]:
    """Each listed variable's (English, Chinese) name; a file that cannot be read (a user's
    edit gone wrong) names nothing, and the keys are shown as they are."""
    path = resource_path("ui", "variable_names.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        log.warning("%s cannot be read (%s): variables keep their own names", path, error)
        return {}
    labels: dict[str, tuple[str, str]] = {}
    for key, names in data.items() if isinstance(data, dict) else ():
        if isinstance(names, dict) and not key.startswith("_"):
            english = str(names.get("label") or key)
            labels[key] = (english, str(names.get("label_zh") or english))
    return labels


def variable_label(key: str, language: str | None = None) -> str:
    """The name the window shows for a variable, in ``language`` (default: the interface's)."""
    names = variable_labels().get(key)
    if names is None:
        return key
    language = interface_language() if language is None else language
    return names[1] if language.startswith("zh") else names[0]


def variable_key(name: str) -> str:
    """The variable a name the user typed means: a listed variable's key when the name is its
    English or Chinese name (作者 is ``author``), else the name itself."""
    name = name.strip()
    folded = name.casefold()
    for key, names in variable_labels().items():
        if folded in (key.casefold(), names[0].casefold(), names[1].casefold()):
            return key
    return name
