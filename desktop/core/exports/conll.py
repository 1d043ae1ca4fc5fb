"""Character-level BIO in CoNLL-style columns, for training Chinese taggers (written, not read).

The export is a folder:

- ``directives.conll``: the tags; ``entities.conll``: the entity layer (PERSON, TITLE, ORG,
  PLACE, DATE, NUMBER), written only when some exported document has entities.
- ``labels.txt`` (and ``entity_labels.txt``): every BIO tag of the layer, ``O`` first, one a
  line, as training scripts want the label set up front.
- ``README.txt``: columns, offset convention, label names and the tags that could not be
  written, each with its document, offsets, label and reason.

Choices, each because of what reads these files:

- One token per code point: Chinese has no spaces between words, so character tokens are what
  Chinese taggers train on, and a code point (not a UTF-16 unit) keeps 𠮷 one token.
- Whitespace (spaces, U+3000, tabs, newlines) is not a token: spaCy's converter and most Hugging
  Face scripts split lines on whitespace and choke on a blank token. So each line carries the
  character's code-point offset into the exported text, and nothing is lost: with the
  document's ``text_sha256`` a reader can check it has the same text and map back exactly.
- Columns ``character<TAB>offset<TAB>tag``, the tag last, since CoNLL readers (spaCy's
  ``conll_ner`` converter among them) take the first column as the token and the last as the tag.
- No ``-DOCSTART-``: each document opens with ``# key = value`` comment lines (doc_id, title,
  text_sha256, conversion), as in CoNLL-U. A token line never starts with "# ", since a space
  is never a token.
- Sentences end after 。！？；!?; (with any closing quotes or brackets after them) and at line
  breaks, but never inside a tag, so every BIO chunk lies within one sentence.
- The tag label is the label's own (leaf) name with whitespace as "_" ("Supervision and
  inspection" -> ``B-Supervision_and_inspection``); where two labels share a name it is the
  path ("Support_measures/Other"). README.txt lists the path of each.
- BIO cannot show overlapping tags in one layer: the earlier-starting tag is kept (the longer
  one when two start together) and the other dropped and listed in README.txt (an exact
  duplicate as "same chunk as"; an entity both found and added by the user is one entity).
  Leading and trailing whitespace of a tag has no token to carry it, so a chunk covers the tag
  trimmed of it; a tag of only whitespace is dropped and listed too.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

from desktop.core.entities import TYPES as ENTITY_TYPES
from desktop.core.exports import OFFSET_CONVENTION
from desktop.core.exports.output import staged_folder
from desktop.core.exports.selection import Codebook, ExportDocument

logger = logging.getLogger(__name__)

DIRECTIVES_FILE = "directives.conll"
ENTITIES_FILE = "entities.conll"
LABELS_FILE = "labels.txt"
ENTITY_LABELS_FILE = "entity_labels.txt"
README_FILE = "README.txt"

OUTSIDE = "O"
BEGIN = "B-"
INSIDE = "I-"
COMMENT = "# "

SENTENCE_ENDS = frozenset("。！？；!?;")
# A closing quote or bracket after a full stop still belongs to the sentence it closes.
CLOSING_MARKS = frozenset("”’」』）)》〉】〕")


class _Tag(NamedTuple):
    """A tag or entity of one layer, as exported and as BIO can show it."""

    start: int  # as exported
    end: int
    label: str  # written after B-/I-
    path: str  # the label's path, or the entity type
    first: int  # the first non-whitespace character...
    stop: int  # ...and one past the last: what the BIO chunk covers


@dataclass(frozen=True)
class DroppedTag:
    layer: str
    document_id: int
    start: int
    end: int
    label: str
    path: str
    reason: str


@dataclass
class _Layer:
    """One output file's state while documents stream through."""

    name: str
    file_name: str
    labels: list[str]  # BIO labels for the label list, in codebook order
    written: int = 0
    dropped: list[DroppedTag] = field(default_factory=list)

    def write_document(self, out: IO[str], document: ExportDocument, tags: list[_Tag]) -> None:
        kept = self._kept(document, tags)
        for tag in kept:
            if tag.label not in self.labels:
                self.labels.append(tag.label)
        out.writelines(_document_lines(document, kept))
        self.written += len(kept)

    def _kept(self, document: ExportDocument, tags: list[_Tag]) -> list[_Tag]:
        writable, dropped = _without_overlaps(tags, len(document.text))
        self.dropped.extend(
            DroppedTag(self.name, document.id, tag.start, tag.end, tag.label, tag.path, reason)
            for tag, reason in dropped
        )
        return writable


def write_conll(documents: Iterable[ExportDocument], codebook: Codebook, target: Path) -> int:
    """Write the folder ``target``; returns how many tags went into ``directives.conll``
    (entities are not counted, nor tags dropped as overlapping)."""
    names = tag_labels(codebook)
    directives = _Layer(
        "directives", DIRECTIVES_FILE, [names[label.id] for label in codebook.labels]
    )
    entities = _Layer("entities", ENTITIES_FILE, list(ENTITY_TYPES))
    with staged_folder(target) as stage:
        has_entities = _write_layers(documents, codebook, names, stage, directives, entities)
        layers = [directives, entities] if has_entities else [directives]
        if not has_entities:
            # Both files stream together (documents come once); no entities: no entity layer.
            (stage / ENTITIES_FILE).unlink()
        _write_label_list(stage / LABELS_FILE, directives.labels)
        if has_entities:
            _write_label_list(stage / ENTITY_LABELS_FILE, entities.labels)
        _write_readme(stage / README_FILE, codebook, names, layers)
    dropped = len(directives.dropped) + len(entities.dropped)
    if dropped:
        logger.info(
            "CoNLL export to %s dropped %d tags BIO cannot show (see README.txt)", target, dropped
        )
    return directives.written


def tag_labels(codebook: Codebook) -> dict[int, str]:
    """Each label's BIO label: its name with whitespace as "_", or its path where names clash."""
    paths = codebook.paths
    names = {label.id: bio_label(label.name) for label in codebook.labels}
    uses = Counter(names.values())
    return {
        label_id: name if uses[name] == 1 else bio_label(paths.get(label_id, name))
        for label_id, name in names.items()
    }


def bio_label(name: str) -> str:
    """A label name fit to follow B-/I- in a whitespace-separated column."""
    return "".join("_" if character.isspace() else character for character in name.strip())


def _write_layers(
    documents: Iterable[ExportDocument],
    codebook: Codebook,
    names: dict[int, str],
    stage: Path,
    directives: _Layer,
    entities: _Layer,
) -> bool:
    """Stream every document into both layer files; True when some document had entities."""
    has_entities = False
    with (
        _open_layer(stage / directives.file_name) as directives_out,
        _open_layer(stage / entities.file_name) as entities_out,
    ):
        for document in documents:
            directives.write_document(
                directives_out, document, _directive_tags(document, codebook, names)
            )
            entities.write_document(entities_out, document, _entity_tags(document))
            has_entities = has_entities or bool(document.entities)
    return has_entities


def _open_layer(path: Path) -> IO[str]:
    return path.open("w", encoding="utf-8", newline="\n")


def _directive_tags(
    document: ExportDocument, codebook: Codebook, names: dict[int, str]
) -> list[_Tag]:
    return [
        _tag(
            document.text,
            a.start,
            a.end,
            names.get(a.label_id) or bio_label(a.label),
            codebook.path(a),
        )
        for a in document.annotations
    ]


def _entity_tags(document: ExportDocument) -> list[_Tag]:
    # An entity the user added that the pipeline also found comes twice (origins differ);
    # it is one entity, not an overlap to report.
    spans = dict.fromkeys((e.start, e.end, e.type) for e in document.entities)
    return [_tag(document.text, start, end, bio_label(kind), kind) for start, end, kind in spans]


def _tag(text: str, start: int, end: int, label: str, path: str) -> _Tag:
    first, stop = max(start, 0), min(end, len(text))
    while first < stop and text[first].isspace():
        first += 1
    while stop > first and text[stop - 1].isspace():
        stop -= 1
    return _Tag(start, end, label, path, first, stop)


def _without_overlaps(
    tags: Sequence[_Tag], length: int
) -> tuple[list[_Tag], list[tuple[_Tag, str]]]:
    """The tags BIO can show, earliest (then longest) first, and the others with the reason."""
    kept: list[_Tag] = []
    dropped: list[tuple[_Tag, str]] = []
    for tag in sorted(tags, key=lambda t: (t.first, -t.stop, t.label, t.start, t.end)):
        if not 0 <= tag.start < tag.end <= length:
            dropped.append((tag, f"offsets outside the text (length {length})"))
        elif tag.first == tag.stop:
            dropped.append((tag, "covers only whitespace"))
        elif kept and tag.first < kept[-1].stop:
            # Kept tags do not overlap and come in order, so the last one reaches furthest.
            other = kept[-1]
            same = (tag.first, tag.stop, tag.label) == (other.first, other.stop, other.label)
            relation = "same chunk as" if same else "overlaps"
            dropped.append((tag, f"{relation} {other.label} {other.start}-{other.end}"))
        else:
            kept.append(tag)
    return kept, dropped


def _document_lines(document: ExportDocument, tags: Sequence[_Tag]) -> Iterator[str]:
    yield f"{COMMENT}doc_id = {document.id}\n"
    yield f"{COMMENT}title = {_one_line(document.document.title)}\n"
    yield f"{COMMENT}text_sha256 = {document.text_sha256}\n"
    yield f"{COMMENT}conversion = {document.conversion}\n"
    yield from _token_lines(document.text, _character_tags(len(document.text), tags))
    yield "\n"


def _one_line(value: str) -> str:
    return " ".join(value.splitlines())


def _character_tags(length: int, tags: Iterable[_Tag]) -> list[str]:
    """The BIO tag of every character (whitespace inside a tag gets one too, never written)."""
    character_tags = [OUTSIDE] * length
    for tag in tags:
        character_tags[tag.first] = BEGIN + tag.label
        for offset in range(tag.first + 1, tag.stop):
            character_tags[offset] = INSIDE + tag.label
    return character_tags


def _token_lines(text: str, character_tags: Sequence[str]) -> Iterator[str]:
    """``character<TAB>offset<TAB>tag`` lines, with a blank line between sentences."""
    sentence_ended = False
    sentence_has_tokens = False
    for offset, character in enumerate(text):
        if character.isspace():
            # Every line boundary str.splitlines knows is whitespace, so never a token.
            sentence_ended = sentence_ended or _is_line_break(character)
            continue
        tag = character_tags[offset]
        if sentence_ended and character not in CLOSING_MARKS:
            if sentence_has_tokens and not tag.startswith(INSIDE):
                yield "\n"
                sentence_has_tokens = False
            sentence_ended = False
        yield f"{character}\t{offset}\t{tag}\n"
        sentence_has_tokens = True
        sentence_ended = sentence_ended or character in SENTENCE_ENDS


def _is_line_break(character: str) -> bool:
    return len(("x" + character + "x").splitlines()) > 1


def _write_label_list(path: Path, labels: Sequence[str]) -> None:
    with _open_layer(path) as out:
        out.write(OUTSIDE + "\n")
        for label in labels:
            out.write(f"{BEGIN}{label}\n{INSIDE}{label}\n")


def _write_readme(
    path: Path, codebook: Codebook, names: dict[int, str], layers: Sequence[_Layer]
) -> None:
    paths = codebook.paths
    with _open_layer(path) as out:
        out.writelines(_readme_lines(layers))
        out.write("\nTag labels (BIO label<TAB>label path)\n")
        for label in codebook.labels:
            out.write(f"{names[label.id]}\t{paths.get(label.id, label.name)}\n")
        dropped = [tag for layer in layers for tag in layer.dropped]
        out.write(f"\nDropped tags: {len(dropped)}\n")
        out.write("layer\tdoc_id\tstart\tend\tlabel\tlabel_path\treason\n")
        for tag in dropped:
            out.write(
                f"{tag.layer}\t{tag.document_id}\t{tag.start}\t{tag.end}\t{tag.label}"
                f"\t{_one_line(tag.path)}\t{tag.reason}\n"
            )


def _readme_lines(layers: Sequence[_Layer]) -> Iterator[str]:
    yield "Jiyao export: character-level BIO in CoNLL-style columns\n\n"
    yield "Files\n"
    for layer in layers:
        yield f"  {layer.file_name}: {layer.name} layer, {layer.written} tags\n"
    yield f"  {LABELS_FILE}: the BIO tags of {DIRECTIVES_FILE}, O first, one a line\n"
    if len(layers) > 1:
        yield f"  {ENTITY_LABELS_FILE}: the BIO tags of {ENTITIES_FILE}\n"
    yield (
        "\nEach document opens with comment lines '# doc_id = ', '# title = ',\n"
        "'# text_sha256 = ' (the fingerprint of the text exported) and '# conversion = '\n"
        "('none' for the clean original, else the OpenCC configuration). Then one line per\n"
        "character, TAB-separated:\n"
        "  1. the character (one Unicode code point)\n"
        "  2. its offset in the document's exported text\n"
        "  3. its tag: B-<label> begins a tag, I-<label> continues it, O is outside\n"
        "Sentences are separated by a blank line; they end after 。！？；!?; and at line\n"
        "breaks, never inside a tag. Whitespace characters (spaces, U+3000, tabs, line\n"
        "breaks) are not written as tokens: the offset column shows where they were.\n"
        "Readers that do not know comment lines (spaCy's conll_ner converter) need the lines\n"
        "starting with '# ' removed first.\n"
        f"\nOffsets: {OFFSET_CONVENTION}.\n"
        "A tag's chunk runs from its B- line to its last I- line; tags written here lose any\n"
        "leading or trailing whitespace.\n"
        "\nBIO cannot show overlapping tags within one layer: of two overlapping tags the one\n"
        "starting first (the longer when they start together) is kept and the other dropped.\n"
    )
