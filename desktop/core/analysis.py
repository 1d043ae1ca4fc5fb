"""One document, read end to end without a database: what ``jiyao analyze`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.core.cleaning import clean
from desktop.core.conversion import (
    CONFIGS,
    Conversion,
    UnknownConversion,
    converter,
    protects_simplified_clauses,
    would_damage,
)
from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import Entity
from desktop.core.offsets import OffsetMap
from desktop.core.script import Script, default_conversion, script_of
from desktop.core.textio import DecodedText

if TYPE_CHECKING:  # analyze needs no database: importing the store costs 0.3 s of start-up
    from desktop.core.store import Store

# The entity and directive modules are imported where they are used: an export of the text
# alone (convert_for_reading) needs neither, and they compile a hundred patterns on import.


@dataclass(frozen=True)
class ConversionChoice:
    config: str | None  # None: the text is shown as it is
    notice: str = ""


def choose_conversion(script: Script, requested: str | None) -> ConversionChoice:
    """The requested conversion, or the natural one; never one that would damage the text."""
    if requested is None:
        return ConversionChoice(default_conversion(script))
    if requested not in CONFIGS:
        raise UnknownConversion(requested)
    if would_damage(requested, script):
        return ConversionChoice(
            None,
            QT_TRANSLATE_NOOP(
                "Conversion",
                "not converted: the text is already Simplified and {0} would corrupt it "
                "(石祖乾 -> 石祖干)",
            ).format(requested),
        )
    return ConversionChoice(requested)


def convert_for_reading(
    text: str, script: Script, requested: str | None = None
) -> tuple[Conversion, str]:
    """The text beside its conversion (requested, or the natural one) and a notice to show.

    Never damages: Simplified text is not run through t2s, and in mixed text only the
    clauses with Traditional-only characters are converted from Traditional.
    """
    choice = choose_conversion(script, requested)
    return _converted(text, script, choice.config), choice.notice


def _converted(text: str, script: Script, config: str | None) -> Conversion:
    if config is None:
        return Conversion("none", text, text, OffsetMap.identity(len(text)))
    return converter(config).convert(
        text, keep_simplified_clauses=protects_simplified_clauses(config, script)
    )


def analyze_text(
    decoded: DecodedText, *, path: str, conversion: str | None = None
) -> dict[str, Any]:
    """The analysis record of one decoded file; offsets are code points, end-exclusive."""
    from desktop.core.directives import suggestion_records
    from desktop.core.entities import collector_paused, entity_spans, matching_text

    cleaned = clean(decoded.text)
    script = script_of(cleaned.text)  # as detect_script counts it, in C when one script only
    choice = choose_conversion(script, conversion)
    # The whole analysis makes many objects and no cycles: the collector would only walk
    # them again and again (50 ms of 300,000 characters).
    with collector_paused():
        # Spans and records, not Entity and Suggestion objects: they are only written out.
        entities = entity_spans(cleaned.text, script)
        directives = suggestion_records(cleaned.text, entities, script)
        if choice.config == "t2s" and script is not Script.SIMPLIFIED:
            # What the entities matched on: a Traditional or mixed text is converted once.
            converted = Conversion("t2s", cleaned.text, *matching_text(cleaned.text, script))
        else:
            converted = _converted(cleaned.text, script, choice.config)
        record: dict[str, Any] = {
            "path": path,
            "encoding": decoded.encoding,
            "script": script.value,
            "text": cleaned.text,
            "removed": [
                {"start": r.start, "end": r.end, "text": r.text, "kind": r.kind}
                for r in cleaned.removals
            ],
            "conversion": converted.config,
            "converted": converted.text,
            "entities": [
                {"type": kind, "start": start, "end": end, "text": cleaned.text[start:end]}
                for kind, start, end in entities
            ],
            "directives": directives,
        }
    if choice.notice:
        record["notice"] = choice.notice
    return record


def document_entities(store: Store, document_id: int) -> list[Entity]:
    """The document's entities, analysed now if the cache is missing or from an older pipeline."""
    from desktop.core.entities import PIPELINE_VERSION, extract_entities

    if store.entities_version(document_id) != PIPELINE_VERSION:
        document = store.document(document_id)
        found = extract_entities(document.clean_text, Script(document.script))
        store.replace_pipeline_entities(document_id, found, PIPELINE_VERSION)
    return store.entities(document_id)
