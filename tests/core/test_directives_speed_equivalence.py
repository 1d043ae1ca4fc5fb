"""The faster structures of the directive suggestions (issue 22) find what the plain ones found.

Sentences and clauses are cut in one scan over the whole text; the plain reference below cuts
each sentence, then each clause, and strips it, as the module did before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.cleaning import clean
from desktop.core.directives import _sentences, suggest_directives
from desktop.core.offsets import OffsetMap

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "seeds").glob("*.txt"))

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE = re.compile(r"[^，,：:]+")


def reference_sentences(text: str) -> list[list[tuple[int, int]]]:
    sentences = []
    for sentence in _SENTENCE.finditer(text):
        base = sentence.start()
        clauses = [
            (base + m.start(), base + m.start() + len(m.group().rstrip()))
            for m in _CLAUSE.finditer(sentence.group())
            if m.group().strip()
        ]
        if clauses:
            sentences.append(clauses)
    return sentences


EDGES = [
    "",
    "。。\n\n；",
    "   ，  ：\u3000。",
    "  会议强调，  要抓好落实  ，\u3000一是加强领导 。二是\t压实责任\n\n",
    "要求：\n  各地要， ，确保完成。？！",
    "a" + " " * 5000 + "，b",
    "一、要落实\r\n二、要检查\x1c。",
]


@pytest.mark.parametrize("text", EDGES)
def test_sentences_as_the_plain_cut_on_edge_cases(text: str) -> None:
    assert [[tuple(c) for c in s] for s in _sentences(text)] == reference_sentences(text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_sentences_as_the_plain_cut_on_the_seeds(path: Path) -> None:
    text = clean(path.read_text("utf-8")).text
    assert [[tuple(c) for c in s] for s in _sentences(text)] == reference_sentences(text)


@pytest.mark.parametrize("path", TEXTS[:3], ids=lambda p: p.name)
def test_identity_alignment_finds_what_the_offset_map_finds(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Simplified text maps its spans as they are, skipping the offset map: the same
    # suggestions as when every span goes through it.
    text = clean(path.read_text("utf-8")).text
    fast = suggest_directives(text)
    monkeypatch.setattr(OffsetMap, "is_identity", property(lambda self: False))
    assert suggest_directives(text) == fast
    assert fast
