"""The shared pattern pieces: an alternation written as a trie matches as the plain list of its
words, longest first, does (issue 22)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.cleaning import clean
from desktop.core.patterns import alternation
from desktop.core.resources import read_data_lines

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [clean(path.read_text(encoding="utf-8")).text for path in sorted(ROOT.glob("seeds/*.txt"))]
LEXICONS = [
    ("entities", path.name) for path in sorted((ROOT / "resources" / "entities").glob("*.txt"))
] + [
    ("directives", path.name) for path in sorted((ROOT / "resources" / "directives").glob("*.txt"))
]


def plain(words: list[str]) -> str:
    """The reference: the words one after another, longest first."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in re.finditer(pattern, text)]


@pytest.mark.parametrize(("folder", "name"), LEXICONS, ids=lambda part: str(part))
def test_a_lexicons_trie_finds_what_its_plain_alternation_finds(folder: str, name: str) -> None:
    words = read_data_lines(folder, name)
    assert words
    for text in TEXTS:
        assert spans(alternation(words), text) == spans(plain(words), text)


@pytest.mark.parametrize(
    "words",
    [
        ["市", "市委", "市委书记", "书记", "市长"],  # prefixes of one another
        ["北京", "北京市", "京津", "津冀", "河北"],  # shared starts, overlaps
        ["a.b", "a*", "(", "[x]", "a"],  # the pattern syntax is escaped
        ["", "会"],  # the empty word matches where nothing longer does
        ["会"],
        [],
    ],
)
def test_the_trie_backtracks_as_the_list_does(words: list[str]) -> None:
    """With more pattern after it, a shorter word is tried where the longer one leaves the rest
    unmatched, in the same order as in the list."""
    text = "市委书记市长书记会议，北京市京津冀河北省；a.b a* ( [x] a.bb 市委会 市委书记会"
    for after in ("", "(?!会|员会)", "书记", "(?:委)?书记", "\\w"):
        trie, reference = f"(?:{alternation(words)}){after}", f"(?:{plain(words)}){after}"
        assert spans(trie, text) == spans(reference, text), after
