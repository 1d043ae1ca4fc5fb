"""Score the entity pipeline against gold annotations: precision, recall, F1 per type.

Gold files are JSON: ``{"document": name, "text_sha256": ..., "entities": [{type, start, end,
text}]}`` with offsets into the document's clean text. The text is the file ``name`` beside the
gold file, or the seed of that name. Two matchings are reported: *exact* (same type, same span)
and *overlap* (same type, spans share a character).

    python -m desktop.core.entities_eval [GOLD.json ...] [--json | --errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.cleaning import clean
from desktop.core.entities import TYPES, extract_entities
from desktop.core.model import Entity, text_sha256
from desktop.core.resources import seeds_dir

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "entities"


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    entities: tuple[Entity, ...]


@dataclass(frozen=True)
class Score:
    predicted_hits: int  # predictions that match a gold entity
    predicted: int
    gold_hits: int  # gold entities that a prediction matches
    gold: int

    @property
    def precision(self) -> float:
        return self.predicted_hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.gold_hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_gold(path: Path) -> GoldDocument:
    data = json.loads(path.read_text(encoding="utf-8"))
    beside = path.parent / data["document"]
    source = beside if beside.exists() else seeds_dir() / data["document"]
    text = clean(source.read_text(encoding="utf-8")).text
    if text_sha256(text) != data["text_sha256"]:
        raise ValueError(f"{path}: the clean text of {source} is not the text this gold annotates")
    entities = tuple(Entity(e["type"], e["start"], e["end"], e["text"]) for e in data["entities"])
    for entity in entities:
        if text[entity.start : entity.end] != entity.text:
            raise ValueError(f"{path}: {entity} does not match the text")
    return GoldDocument(data["document"], text, entities)


def find_gold_files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    # By default the seeds' gold and every held-out set (heldout, heldout2, …).
    for path in paths or [DEFAULT_GOLD, *sorted(DEFAULT_GOLD.glob("heldout*"))]:
        found.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return found


def _matches(a: Entity, b: Entity, *, overlap: bool) -> bool:
    if overlap:
        return a.type == b.type and a.start < b.end and b.start < a.end
    return (a.type, a.start, a.end) == (b.type, b.start, b.end)


def score(
    pairs: Sequence[tuple[Sequence[Entity], Sequence[Entity]]], *, overlap: bool = False
) -> dict[str, Score]:
    """Scores per type, and over all types as ``ALL``, of (predicted, gold) document pairs."""
    scores: dict[str, Score] = {}
    for kind in (*TYPES, "ALL"):
        predicted_hits = predicted_total = gold_hits = gold_total = 0
        for predicted, gold in pairs:
            p = [e for e in predicted if kind in ("ALL", e.type)]
            g = [e for e in gold if kind in ("ALL", e.type)]
            predicted_hits += sum(any(_matches(e, x, overlap=overlap) for x in g) for e in p)
            gold_hits += sum(any(_matches(x, e, overlap=overlap) for e in p) for x in g)
            predicted_total += len(p)
            gold_total += len(g)
        scores[kind] = Score(predicted_hits, predicted_total, gold_hits, gold_total)
    return scores


def evaluate(gold_files: Sequence[Path]) -> dict[str, dict[str, Score]]:
    documents = [load_gold(path) for path in gold_files]
    pairs = [(extract_entities(d.text), d.entities) for d in documents]
    return {"exact": score(pairs), "overlap": score(pairs, overlap=True)}


def differences(gold_files: Sequence[Path]) -> list[str]:
    """One line per exact-match miss (``-`` gold not found) or false hit (``+``), in context."""
    lines = []
    for path in gold_files:
        document = load_gold(path)
        predicted = {(e.type, e.start, e.end) for e in extract_entities(document.text)}
        gold = {(e.type, e.start, e.end) for e in document.entities}
        for sign, kind, start, end in sorted(
            [("-", *key) for key in gold - predicted] + [("+", *key) for key in predicted - gold],
            key=lambda row: row[2],
        ):
            context = document.text[max(0, start - 6) : end + 6].replace("\n", " ")
            lines.append(f"{document.name} {sign}{kind:<7} {document.text[start:end]}  …{context}…")
    return lines


def format_report(results: dict[str, dict[str, Score]]) -> str:
    lines = []
    for matching, scores in results.items():
        lines.append(f"{matching} match      P      R     F1   pred   gold")
        for kind, s in scores.items():
            lines.append(
                f"  {kind:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} "
                f"{s.predicted:6d} {s.gold:6d}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.core.entities_eval")
    parser.add_argument("gold", nargs="*", type=Path, help="gold files or folders")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list misses and false hits")
    args = parser.parse_args(argv)
    if not args.gold and not DEFAULT_GOLD.is_dir():
        parser.error("name the gold files or folders (the default ones ship with the source)")
    files = find_gold_files(args.gold)
    if args.errors:
        print("\n".join(differences(files)))
        return 0
    results = evaluate(files)
    if args.json:
        print(
            json.dumps(
                {
                    m: {
                        k: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
                        for k, s in scores.items()
                    }
                    for m, scores in results.items()
                }
            )
        )
    else:
        print(format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
