"""The shared pattern pieces (issue 22): an alternation written as a trie matches as the plain
list of its words, longest first, does; a pattern rebuilt from the cache is the one
``re.compile`` makes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.cleaning import clean
from desktop.core.patterns import (
    HAN_CLASS,
    _CompiledPatterns,
    _patterns_cache_path,
    alternation,
)
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


PATTERNS = [
    f"[{HAN_CLASS}]+",
    r"(?P<marker>(?P<n>[一二三][一二三]{0,2})是)",
    r"(?<=[一-鿿])[(（][a-zü]{1,6}[)）]",
    r"(?=[0-9])(?:\d{4}年|(?<!第)\d+号)",
    alternation(read_data_lines("entities", "org_names.txt")),
    "",
]


@pytest.fixture
def cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr("desktop.core.paths.cache_dir", lambda: tmp_path)
    return tmp_path


def test_a_pattern_from_the_cache_is_the_one_re_compiles(cache_folder: Path) -> None:
    """Issue 22: patterns compare equal only when their engine's code is the same."""
    first = _CompiledPatterns(_patterns_cache_path())
    made = [first.compiled(pattern) for pattern in PATTERNS]
    (cache,) = cache_folder.glob("patterns-*")
    written = cache.read_bytes()
    again = _CompiledPatterns(_patterns_cache_path())
    assert set(again._codes) == set(PATTERNS)
    rebuilt = [again.compiled(pattern) for pattern in PATTERNS]
    assert cache.read_bytes() == written  # all from the cache: nothing compiled, nothing added
    for pattern, one, other in zip(PATTERNS, made, rebuilt, strict=True):
        assert one == other == re.compile(pattern), pattern
        assert (other.groups, other.groupindex) == (
            re.compile(pattern).groups,
            re.compile(pattern).groupindex,
        )


def test_a_damaged_cache_is_read_up_to_the_damage_then_written_anew(cache_folder: Path) -> None:
    first = _CompiledPatterns(_patterns_cache_path())
    for pattern in PATTERNS[:3]:
        first.compiled(pattern)
    (cache,) = cache_folder.glob("patterns-*")
    cache.write_bytes(cache.read_bytes()[:-5])  # the last record cut short
    damaged = _CompiledPatterns(_patterns_cache_path())
    assert set(damaged._codes) == set(PATTERNS[:2])
    assert damaged.compiled(PATTERNS[2]) == re.compile(PATTERNS[2])
    assert set(_CompiledPatterns(_patterns_cache_path())._codes) == set(PATTERNS[:3])


def test_without_a_cache_folder_patterns_are_compiled_all_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setattr("desktop.core.paths.cache_dir", lambda: blocked / "cache")
    patterns = _CompiledPatterns(_patterns_cache_path())
    assert patterns.compiled(PATTERNS[1]) == re.compile(PATTERNS[1])


def test_a_record_with_one_number_changed_is_not_given_to_the_engine(
    cache_folder: Path,
) -> None:
    """The engine checks only the shape of its code: one changed number crashed the process
    (a segfault at every start) or matched otherwise. The record's digest no longer matches:
    it and what follows are compiled again, and the file written anew."""
    first = _CompiledPatterns(_patterns_cache_path())
    first.compiled("abc")
    first.compiled(PATTERNS[0])
    (cache,) = cache_folder.glob("patterns-*")
    data = bytearray(cache.read_bytes())
    literal = data.index(ord("c"), data.index(b"abc") + 3)  # 'c' (99) in the engine's code
    data[literal] = ord("x")
    cache.write_bytes(bytes(data))
    damaged = _CompiledPatterns(_patterns_cache_path())
    assert damaged._codes == {}
    rebuilt = damaged.compiled("abc")
    assert rebuilt == re.compile("abc") and not rebuilt.match("abx")
    assert set(_CompiledPatterns(_patterns_cache_path())._codes) == {"abc"}


def test_a_pattern_recorded_twice_is_kept_once(cache_folder: Path) -> None:
    """Processes that compiled a pattern at once each append it: the file is written anew when
    next read, not left to grow at every start."""
    for _ in range(3):
        _CompiledPatterns(_patterns_cache_path()).compiled(PATTERNS[1])
        for path in cache_folder.glob("patterns-*"):
            path.write_bytes(path.read_bytes() * 2)
    (cache,) = cache_folder.glob("patterns-*")
    single = len(cache.read_bytes()) // 2
    again = _CompiledPatterns(_patterns_cache_path())
    assert set(again._codes) == {PATTERNS[1]}
    assert len(cache.read_bytes()) == single


def test_a_long_line_of_a_lexicon_is_one_word_of_its_alternation() -> None:
    """A mis-pasted paragraph in a lexicon: the trie is written to the depth of its branch
    points, not of its longest word (which ran out of Python's recursion)."""
    long_word = "中" * 5000
    pattern = alternation([long_word, "中国", "国"])
    text = "国" + long_word + "国"
    assert spans(pattern, text) == spans(plain([long_word, "中国", "国"]), text)
