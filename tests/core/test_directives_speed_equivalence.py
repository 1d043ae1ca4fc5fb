"""The faster structures of the directive suggestions (issue 22) find what the plain ones found.

Sentences and clauses are cut in one scan over the whole text; the plain reference below cuts
each sentence, then each clause, and strips it, as the module did before."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from desktop.core.cleaning import clean
from desktop.core.directives import _find_markers, _ordinal, _sentences, suggest_directives
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


HELDOUT = sorted((ROOT / "tests" / "data" / "entities").glob("heldout*/*.txt"))


def test_the_deadline_pattern_finds_what_the_plain_one_finds() -> None:
    # It is tried only where a number or a deadline word starts (issue 22): the same first
    # deadline in every span as the pattern without that look-ahead.
    from desktop.core.directives import _lexicons
    from desktop.core.entities import matching_text
    from desktop.core.script import detect_script

    fast = _lexicons().deadline
    assert fast.pattern.startswith("(?=[")
    plain = re.compile(fast.pattern[fast.pattern.index("]") + 2 :])
    found = 0
    for path in [*TEXTS, *HELDOUT]:
        text = clean(path.read_text("utf-8")).text
        work, _ = matching_text(text, detect_script(text).script)
        spans = [(s.start, s.end) for s in suggest_directives(text)]
        spans += [(start, start + 60) for start in range(0, len(work), 7)]
        for start, end in spans:
            want, got = plain.search(work, start, end), fast.search(work, start, end)
            assert (got and got.span()) == (want and want.span())
            found += want is not None
    assert found > 20


_PLAIN_NUMERAL = "[一二三四五六七八九十]{1,3}"
# The enumeration styles as one pattern each, 一、 with its look-behind, as they were.
_PLAIN_MARKER_STYLES = (
    re.compile(rf"(?P<marker>(?P<n>{_PLAIN_NUMERAL})是)"),
    re.compile(rf"(?P<marker>(?P<n>{_PLAIN_NUMERAL})要)"),
    re.compile(
        rf"(?:^|(?<=[。；;：:]))[ \t\u3000]*(?P<marker>(?P<n>{_PLAIN_NUMERAL})、)", re.MULTILINE
    ),
    re.compile(rf"(?P<marker>[(（](?P<n>{_PLAIN_NUMERAL})[)）])"),
)

MARKER_EDGES = [
    "一、要落实\n二、要检查",
    "  一、甲。\u3000二、乙；\t三、丙：四、丁",
    "一二三四、甲\n二、乙",
    "：一、二、三、\n 十一、十二、",
    "统一是一是甲二是乙三要丙一要丁二要戊",
    "（一）甲（二）乙(三)丙 ",
    "甲一、乙二、\n\n一、",
]


def plain_markers(text: str) -> list[tuple[int, int]]:
    """The markers as the module found them before (issue 22): a scan for each style, each
    style's runs 1, 2, … of two items at least."""
    spans = []
    for style in _PLAIN_MARKER_STYLES:
        runs: list[list[re.Match[str]]] = []
        for match in style.finditer(text):
            ordinal = _ordinal(match.group("n"))
            if ordinal == 1:
                runs.append([match])
            elif runs and ordinal == _ordinal(runs[-1][-1].group("n")) + 1:
                runs[-1].append(match)
        spans += [m.span("marker") for run in runs if len(run) >= 2 for m in run]
    return sorted(spans)


@pytest.mark.parametrize("text", MARKER_EDGES + [p.read_text("utf-8") for p in TEXTS])
def test_markers_as_the_plain_patterns_find_them(text: str) -> None:
    markers = _find_markers(text)
    assert all(m.is_marker and m.strength == "directive" for m in markers)
    assert [(m.start, m.end) for m in markers] == plain_markers(text)


def test_the_marker_edges_find_markers_of_every_style() -> None:
    found = "".join(text[start:end] for text in MARKER_EDGES for start, end in plain_markers(text))
    assert all(character in found for character in "是要、（(")


def test_markers_as_the_plain_patterns_find_them_in_generated_texts() -> None:
    choose = random.Random(22).choice
    alphabet = "一二三四十是是要要、、（）()。；： \n甲乙"
    for _ in range(300):
        text = "".join(choose(alphabet) for _ in range(60))
        markers = [(m.start, m.end) for m in _find_markers(text)]
        assert markers == plain_markers(text), text
