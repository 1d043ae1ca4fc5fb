"""Which label a suggested directive probably gets, from keyword lists users can extend
(``resources/directives/label_keywords.tsv``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from desktop.core.folding import fold
from desktop.core.model import Label
from desktop.core.resources import read_data_lines


@cache
def _keywords() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in read_data_lines("directives", "label_keywords.tsv"):
        name, _, words = line.partition("\t")
        table[name.strip()] = tuple(words.split())
    return table


def suggest_label(text: str, labels: Sequence[Label]) -> Label | None:
    """The label whose keywords occur most in ``text`` (either script); None when none occurs."""
    # Character by character is enough to find a keyword in either script, and it loads no
    # OpenCC dictionary: t2s's cost a Simplified document's window 26 MiB (issue 13, memory).
    simplified = fold(text)
    by_name = {label.name: label for label in labels}
    best: tuple[int, Label] | None = None
    for name, words in _keywords().items():
        label = by_name.get(name)
        if label is None:
            continue
        hits = sum(simplified.count(word) for word in words)
        if hits and (best is None or hits > best[0]):
            best = (hits, label)
    return best[1] if best else None
