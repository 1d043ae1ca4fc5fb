"""Shared code for the gold-entity generators: ``make_gold.py`` here and ``heldout*/make_gold.py``.

Each generator keeps only its own data (the entity lists and the choices that go with them) and
calls in here to find offsets, build and check the spans, and write the JSON files. Generators
are run as scripts (``.venv/bin/python tests/data/entities/heldout2/make_gold.py``); those in a
subfolder put this folder on ``sys.path`` before ``import gold_tools``.

An entity is listed as ``(type, surface, occurrence)``. ``occurrence`` picks among the matches of
``surface`` found by ``str.find``: an index (1-based unless ``first=0``), a list of indices, or
``"all"``. With ``overlapping=True`` the search steps one code point at a time, so matches inside
other entities count too; with ``overlapping=False`` it steps past each match.

Checks, all fatal (``SystemExit`` with the reason): an unknown type; a surface that does not
occur; an occurrence that does not exist; a span listed twice; two spans that overlap. For the
held-out sets (``generate``) also: the text is not already clean; a match of an annotated surface
that is neither annotated nor inside/overlapping another entity, unless listed as untagged; an
ASCII digit outside every entity and every untagged match.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from desktop.core.cleaning import clean  # noqa: E402
from desktop.core.model import text_sha256  # noqa: E402

ALL = "all"
TYPES = ("PERSON", "TITLE", "ORG", "PLACE", "DATE", "NUMBER")
CHINESE_NUMERALS = set("一二三四五六七八九十百千万萬亿億两兩")
OFFSETS = "code points, end-exclusive"

Occurrence = int | list[int] | str
Entry = tuple[str, str, Occurrence]
# A match deliberately left untagged: (surface, occurrence, reason).
Untagged = tuple[str, Occurrence, str]
Entity = dict[str, Any]


def find_all(text: str, surface: str, *, overlapping: bool = True) -> list[int]:
    """Start offsets of every match of ``surface``, left to right."""
    step = 1 if overlapping else len(surface)
    starts: list[int] = []
    start = text.find(surface)
    while start != -1:
        starts.append(start)
        start = text.find(surface, start + step)
    return starts


def pick(
    text: str,
    surface: str,
    occurrence: Occurrence,
    where: str,
    *,
    first: int = 1,
    overlapping: bool = True,
) -> list[int]:
    """Start offsets of the matches ``occurrence`` names (indices count from ``first``)."""
    starts = find_all(text, surface, overlapping=overlapping)
    if not starts:
        raise SystemExit(f"{where}: {surface!r} not found")
    if occurrence == ALL:
        return starts
    if isinstance(occurrence, str):
        raise SystemExit(
            f"{where}: {surface!r}: occurrence {occurrence!r} is neither index nor all"
        )
    indices = [occurrence] if isinstance(occurrence, int) else occurrence
    if any(not first <= n < first + len(starts) for n in indices):
        raise SystemExit(f"{where}: {surface!r} has {len(starts)} matches, not {occurrence!r}")
    return [starts[n - first] for n in indices]


def resolve(
    text: str,
    entries: Sequence[Entry],
    where: str,
    *,
    first: int = 1,
    overlapping: bool = True,
) -> list[Entity]:
    """The entities ``entries`` lists, sorted by offset; refuses unknown or overlapping spans."""
    entities: list[Entity] = []
    seen: set[tuple[int, int]] = set()
    for kind, surface, occurrence in entries:
        if kind not in TYPES:
            raise SystemExit(f"{where}: unknown type {kind!r} for {surface!r}")
        for start in pick(text, surface, occurrence, where, first=first, overlapping=overlapping):
            end = start + len(surface)
            assert text[start:end] == surface
            if (start, end) in seen:
                raise SystemExit(f"{where}: {surface!r} at {start} listed twice")
            seen.add((start, end))
            entities.append({"type": kind, "start": start, "end": end, "text": surface})
    entities.sort(key=lambda e: (e["start"], e["end"]))
    for a, b in pairwise(entities):
        if b["start"] < a["end"]:
            raise SystemExit(f"{where}: {a} overlaps {b}")
    return entities


def check_coverage(
    text: str, entities: Sequence[Entity], untagged: Sequence[Untagged], where: str
) -> None:
    """Every match of an annotated surface, and every ASCII digit, is covered or excused."""
    spans = [(int(e["start"]), int(e["end"])) for e in entities]
    excused = {
        (start, start + len(surface))
        for surface, occurrence, _reason in untagged
        for start in pick(text, surface, occurrence, where)
    }

    def touches(start: int, end: int, among: Sequence[tuple[int, int]]) -> bool:
        return any(s < end and start < e for s, e in among)

    for surface in sorted({str(e["text"]) for e in entities}):
        for start in find_all(text, surface):
            end = start + len(surface)
            if (start, end) not in excused and not touches(start, end, spans):
                raise SystemExit(f"{where}: match of {surface!r} at {start} is not annotated")
    for position, char in enumerate(text):
        is_digit = char.isascii() and char.isdigit()
        if is_digit and not touches(position, position + 1, [*spans, *excused]):
            context = text[max(0, position - 5) : position + 5]
            raise SystemExit(f"{where}: digit at {position} ({context!r}) is outside entities")


def loose_numerals(text: str, entities: Sequence[Entity]) -> list[tuple[int, str]]:
    """Chinese numerals outside every entity, with a little context, for review."""
    spans = [(int(e["start"]), int(e["end"])) for e in entities]
    return [
        (position, text[max(0, position - 2) : position + 3].replace("\n", " "))
        for position, char in enumerate(text)
        if char in CHINESE_NUMERALS and not any(s <= position < e for s, e in spans)
    ]


def show_in_context(text: str, entities: Sequence[Entity], *, overlapping: bool = True) -> None:
    """Print every span in context, then the matches of tagged strings left untagged."""
    for e in entities:
        s, t = int(e["start"]), int(e["end"])
        left, right = text[max(0, s - 8) : s], text[t : t + 8]
        print(f"  {e['type']:6} {s:5} {left!r:>22} [{e['text']}] {right!r}")
    tagged = {(int(e["start"]), str(e["text"])) for e in entities}
    for surface in sorted({str(e["text"]) for e in entities}):
        for s in find_all(text, surface, overlapping=overlapping):
            if (s, surface) not in tagged:
                ctx = text[max(0, s - 8) : s + len(surface) + 8]
                print(f"  untagged occurrence of {surface!r} at {s}: {ctx!r}")


def document(name: str, text: str, entities: list[Entity], offsets: str = OFFSETS) -> Entity:
    """The gold JSON object for one text."""
    return {
        "document": name,
        "text_sha256": text_sha256(text),
        "offsets": offsets,
        "entities": entities,
    }


def write_json(path: Path, data: Entity, *, indent: int = 1) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=indent) + "\n", encoding="utf-8")


def table_header(width: int = 20) -> str:
    return "file".ljust(width) + "".join(kind.rjust(8) for kind in TYPES) + "total".rjust(8)


def table_row(label: str, entities: Sequence[Entity], width: int = 20) -> str:
    counts = Counter(str(e["type"]) for e in entities)
    row = "".join(str(counts[kind]).rjust(8) for kind in TYPES)
    return label.ljust(width) + row + str(len(entities)).rjust(8)


def generate(
    here: Path,
    gold: Mapping[str, Sequence[Entry]],
    *,
    untagged: Mapping[str, Sequence[Untagged]] | None = None,
    indent: int = 1,
) -> None:
    """Write ``NN_<script>.json`` beside each ``NN_<script>.txt`` in a held-out folder.

    The texts must already be clean (offsets into the file are offsets into the clean text) and
    ``gold`` must list exactly the texts in ``here``. Prints a count table and, for review, the
    Chinese numerals left outside every entity.
    """
    texts = sorted(path.name for path in here.glob("[0-9][0-9]_*.txt"))
    if texts != sorted(gold):
        raise SystemExit(f"texts {texts} and gold {sorted(gold)} differ")
    print(table_header())
    everything: list[Entity] = []
    for name in texts:
        text = (here / name).read_text(encoding="utf-8")
        cleaned = clean(text)
        if cleaned.text != text:
            raise SystemExit(f"{name}: clean() changes the text: {cleaned.removals}")
        entities = resolve(text, gold[name], name)
        check_coverage(text, entities, (untagged or {}).get(name, []), name)
        loose = loose_numerals(text, entities)
        if loose:
            shown = "  ".join(f"{position}:{context}" for position, context in loose)
            print(f"{name}: numerals outside entities: {shown}")
        write_json(
            here / name.replace(".txt", ".json"), document(name, text, entities), indent=indent
        )
        print(table_row(name, entities))
        everything.extend(entities)
    print(table_row("total", everything))
