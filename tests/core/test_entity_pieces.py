"""A long text's entities, a piece at a time: provisional pieces, then exactly the whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.entities import entities_in_pieces, extract_entities
from desktop.core.script import Script

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_last_piece_is_exactly_what_the_whole_text_gives(seed: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8") * 3
    pieces = list(entities_in_pieces(text, piece=len(text) // 5))
    assert len(pieces) >= 4, "the text is read in pieces"
    assert [done for _, done in pieces] == [False] * (len(pieces) - 1) + [True]
    assert pieces[-1][0] == extract_entities(text)


def test_entities_arrive_piece_by_piece_and_grow() -> None:
    line = "市委书记张爱军强调，要做好安全生产工作。\n"
    text = line * 50
    pieces = [found for found, _ in entities_in_pieces(text, Script.SIMPLIFIED, len(line) * 10)]
    assert len(pieces) > 3
    counts = [len(found) for found in pieces[:-1]]
    assert counts == sorted(counts) and counts[0] > 0
    first_end = max(e.end for e in pieces[0])
    assert first_end <= len(line) * 12, "the first piece holds only the first lines' entities"
    assert all(text[e.start : e.end] == e.text for found in pieces for e in found)
