"""Which script a text is in, and the conversion a reader of it wants beside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import script as script_module
from desktop.core.cleaning import clean
from desktop.core.script import (
    Script,
    default_conversion,
    detect_script,
    script_of,
    traditional_only_characters,
)
from desktop.core.textio import UnreadableFile, decode_bytes

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DATA = Path(__file__).resolve().parents[1] / "data"
TRADITIONAL_CLEAN = clean((SEEDS / "000_9068b13d1ddf9a92.txt").read_text("utf-8")).text
SIMPLIFIED = (SEEDS / "003_81982325587c9960.txt").read_text("utf-8")


def test_the_cleaned_traditional_seed_is_traditional() -> None:
    assert detect_script(TRADITIONAL_CLEAN).script is Script.TRADITIONAL


def test_the_simplified_seed_is_simplified() -> None:
    assert detect_script(SIMPLIFIED).script is Script.SIMPLIFIED


def test_a_text_half_traditional_half_simplified_is_mixed() -> None:
    text = "這個國家的會議說話" + "这个国家的会议说话"
    report = detect_script(text)
    assert report.traditional_only == report.simplified_only > 0  # really half and half
    assert report.script is Script.MIXED


def test_a_text_with_no_han_characters_is_simplified() -> None:
    assert detect_script("Press release, 12 February 2020: 3 items.").script is Script.SIMPLIFIED


def test_a_simplified_text_naming_shi_zuqian_is_still_simplified() -> None:
    # 乾 is both Traditional (乾燥) and Simplified (乾坤): it must not count as Traditional.
    assert detect_script("副市长石祖乾出席会议并讲话").script is Script.SIMPLIFIED


def test_qian_alone_is_evidence_of_neither_script() -> None:
    report = detect_script("石祖乾")
    assert (report.traditional_only, report.simplified_only) == (0, 0)


def test_traditional_text_is_shown_beside_itself_in_simplified() -> None:
    assert default_conversion(Script.TRADITIONAL) == "t2s"


def test_mixed_text_is_shown_beside_itself_in_simplified() -> None:
    assert default_conversion(Script.MIXED) == "t2s"


def test_simplified_text_is_shown_beside_itself_in_taiwan_traditional() -> None:
    assert default_conversion(Script.SIMPLIFIED) == "s2tw"


@pytest.mark.parametrize("script", list(Script))
def test_no_script_is_ever_shown_in_opencc_internal_forms(script: Script) -> None:
    assert default_conversion(script) != "s2t"


# The quick answer agrees with the count ----------------------------------------------------

_TRADITIONAL_ONLY = sorted(traditional_only_characters())
_SIMPLIFIED_ONLY = sorted(script_module._script_only_characters()[1])
# Characters of both scripts, of neither, and beyond the BMP: Han ones of each script (the
# tables hold some), others (a rare name character, an emoji), and the first and last
# characters of each script's ranges.
_OUTSIDE_BMP_TRADITIONAL = [c for c in _TRADITIONAL_ONLY if ord(c) > 0xFFFF]
_OUTSIDE_BMP_SIMPLIFIED = [c for c in _SIMPLIFIED_ONLY if ord(c) > 0xFFFF]
_ALPHABET = [
    *"乾會会議议的是在了 a1，。",
    *_TRADITIONAL_ONLY[:40],
    *_TRADITIONAL_ONLY[-5:],
    *_SIMPLIFIED_ONLY[:40],
    *_SIMPLIFIED_ONLY[-5:],
    *_OUTSIDE_BMP_TRADITIONAL[:5],
    *_OUTSIDE_BMP_SIMPLIFIED[:5],
    "𠮷",
    "😀",
    "\uffff",
    "\U0010ffff",
]


def test_the_tables_hold_characters_beyond_the_bmp() -> None:
    """What the equivalence below must cover: the patterns treat those apart."""
    assert _OUTSIDE_BMP_TRADITIONAL
    assert _OUTSIDE_BMP_SIMPLIFIED


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_the_quick_script_is_the_counted_one(text: str) -> None:
    assert script_of(text) is detect_script(text).script


def _corpus_texts() -> list[str]:
    files = [*SEEDS.glob("*.txt"), *DATA.rglob("*.txt")]
    texts = []
    for path in files:
        try:
            texts.append(decode_bytes(path.read_bytes()).text)
        except UnreadableFile:
            continue
    return texts


def test_the_quick_script_is_the_counted_one_on_every_text_of_the_tests() -> None:
    texts = _corpus_texts()
    assert len(texts) > 20
    for text in texts:
        for version in (text, clean(text).text):
            assert script_of(version) is detect_script(version).script


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "這個",  # Traditional alone
        "这个",  # Simplified alone
        "這个",  # both: counted
        "峯峰",
        "𠮷",  # beyond the BMP, of neither script
        "這𠮷",
        "这𠮷",
        "😀這",
        TRADITIONAL_CLEAN,
        SIMPLIFIED,
        "這個國家的會議說話" + "这个国家的会议说话",
    ],
)
def test_the_quick_script_is_the_counted_one_on_chosen_texts(text: str) -> None:
    assert script_of(text) is detect_script(text).script


# Texts with characters of both scripts: the first of each, when they settle it -------------


@pytest.mark.parametrize("first", [1, 2, 5])
@settings(max_examples=700)
@given(text=st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
def test_the_script_from_the_first_characters_is_the_counted_one(first: int, text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(script_module, "FIRST_EVIDENCE", first)
        assert script_of(text) is detect_script(text).script


def _mostly(many: list[str], few: list[str]) -> st.SearchStrategy[str]:
    """Texts of many distinct characters of one script and a few of the other, shuffled."""
    return (
        st.tuples(
            st.lists(st.sampled_from(many), min_size=5, max_size=120),
            st.lists(st.sampled_from(few), max_size=12),
        )
        .flatmap(lambda parts: st.permutations(parts[0] + parts[1]))
        .map("".join)
    )


@pytest.mark.parametrize("first", [4, 16, script_module.FIRST_EVIDENCE])
@settings(max_examples=500)
@given(
    text=st.one_of(
        _mostly(_TRADITIONAL_ONLY, _SIMPLIFIED_ONLY),
        _mostly(_SIMPLIFIED_ONLY, _TRADITIONAL_ONLY),
        _mostly(_ALPHABET, _OUTSIDE_BMP_TRADITIONAL + _OUTSIDE_BMP_SIMPLIFIED),
    )
)
def test_a_text_mostly_in_one_script_gets_the_counted_script(first: int, text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(script_module, "FIRST_EVIDENCE", first)
        assert script_of(text) is detect_script(text).script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TRADITIONAL_CLEAN + "并群峰", Script.TRADITIONAL),
        (SIMPLIFIED + "這個國家", Script.SIMPLIFIED),
    ],
)
def test_a_page_with_a_few_characters_of_the_other_script_is_settled_without_counting_all(
    text: str, expected: Script, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes a glossed Traditional page quick to import: its few Simplified characters
    and its first Traditional ones settle it."""
    assert detect_script(text).script is expected

    def count_all(_text: str) -> None:
        raise AssertionError("every character was counted")

    monkeypatch.setattr(script_module, "detect_script", count_all)
    assert script_of(text) is expected


def test_the_script_only_characters_come_back_from_the_cache_as_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Issue 22: cached like the dictionary words; what the cache gives is what reading gives."""
    monkeypatch.setattr("desktop.core.paths.cache_dir", lambda: tmp_path)
    read = script_module._read_script_only_characters()
    assert read[0] and read[1] and not set(read[0]) & set(read[1])
    for _ in range(2):  # made and cached, then from the cache
        script_module._script_only_characters.cache_clear()
        assert script_module._script_only_characters() == tuple(map(frozenset, read))
    assert list(tmp_path.glob("script-only-characters-*"))
    script_module._script_only_characters.cache_clear()


def test_the_script_only_patterns_come_back_from_the_cache_as_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("desktop.core.paths.cache_dir", lambda: tmp_path)
    characters = script_module._script_only_characters()
    expected = tuple(re.compile(script_module._any_of(c)) for c in characters)
    for _ in range(2):  # made and cached, then from the cache
        script_module._script_only_patterns.cache_clear()
        assert script_module._script_only_patterns() == expected
    assert list(tmp_path.glob("script-only-patterns-*"))
    script_module._script_only_patterns.cache_clear()
