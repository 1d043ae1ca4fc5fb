"""Names that come from data, not from ui code, shown in the interface language: conversion
descriptions (desktop.core.conversion), the shipped schemes' attribute names and the values of
their choice attributes (a tag stores "mandatory"; the window shows it in the user's words).

lupdate reads only literals, so each is marked here once; ``shown`` translates any of them and
leaves a name it does not know (a user's own attribute) as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.core.conversion import CONFIGS
from desktop.core.labels import AttributeSpec

CONTEXT = "DisplayNames"

KNOWN = (
    QT_TRANSLATE_NOOP("DisplayNames", "Traditional to Simplified"),
    QT_TRANSLATE_NOOP("DisplayNames", "Traditional (Taiwan) to Simplified"),
    QT_TRANSLATE_NOOP(
        "DisplayNames", "Traditional (Taiwan) to Simplified, with Mainland vocabulary"
    ),
    QT_TRANSLATE_NOOP("DisplayNames", "Traditional (Hong Kong) to Simplified"),
    QT_TRANSLATE_NOOP("DisplayNames", "Simplified to Traditional (OpenCC standard)"),
    QT_TRANSLATE_NOOP("DisplayNames", "Simplified to Traditional (Taiwan)"),
    QT_TRANSLATE_NOOP("DisplayNames", "Simplified to Traditional (Taiwan), with Taiwan vocabulary"),
    QT_TRANSLATE_NOOP("DisplayNames", "Simplified to Traditional (Hong Kong)"),
    QT_TRANSLATE_NOOP("DisplayNames", "Traditional (OpenCC standard) to Taiwan standard"),
    QT_TRANSLATE_NOOP("DisplayNames", "Traditional (OpenCC standard) to Hong Kong standard"),
    QT_TRANSLATE_NOOP("DisplayNames", "Issuer"),
    QT_TRANSLATE_NOOP("DisplayNames", "Addressee"),
    QT_TRANSLATE_NOOP("DisplayNames", "Strength"),
    QT_TRANSLATE_NOOP("DisplayNames", "Deadline"),
    QT_TRANSLATE_NOOP("DisplayNames", "mandatory"),
    QT_TRANSLATE_NOOP("DisplayNames", "directive"),
    QT_TRANSLATE_NOOP("DisplayNames", "advisory"),
    QT_TRANSLATE_NOOP("DisplayNames", "none"),  # no conversion: the text as it is
)


def conversion_caption(config: str) -> str:
    """A conversion by its code and its name in the interface language: "s2tw (Simplified
    to Traditional (Taiwan))"; "none" when the text is shown as it is."""
    known = CONFIGS.get(config)
    if known is None:
        return shown(config)
    caption = QCoreApplication.translate("DisplayNames", "{0} ({1})")
    return caption.format(config, shown(known.description))


def shown(name: str) -> str:
    """``name`` in the interface language (itself when no translation is known)."""
    return QCoreApplication.translate(CONTEXT, name)


def attribute_captions(specs: Iterable[AttributeSpec]) -> dict[str, str]:
    """Each attribute's name (issuer) as the tag panel shows it (发出者 in Chinese)."""
    return {spec.name: shown(spec.label) for spec in specs}
