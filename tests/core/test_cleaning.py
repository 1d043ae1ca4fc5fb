"""Cleaning removes pinyin glosses and injected link words, keeps every legitimate parenthesis,
and maps each clean character back to the raw character it came from."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import cleaning
from desktop.core.cleaning import (
    CleanedText,
    clean,
    cleaned_for_storage,
    find_removals,
    is_pinyin_gloss,
    without_spans,
)
from desktop.core.model import Removal

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TRADITIONAL_RAW = (SEEDS / "000_9068b13d1ddf9a92.txt").read_text("utf-8")
SIMPLIFIED = (SEEDS / "003_81982325587c9960.txt").read_text("utf-8")
TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"


@pytest.fixture(scope="module")
def traditional() -> CleanedText:
    return clean(TRADITIONAL_RAW)


# The Traditional seed: one gloss after every converted character, one injected word ----------


def test_the_traditional_seed_loses_exactly_279_pinyin_glosses(traditional: CleanedText) -> None:
    assert sum(r.kind == "pinyin" for r in traditional.removals) == 279


def test_the_traditional_seed_loses_exactly_one_injected_word(traditional: CleanedText) -> None:
    injected = [r.text for r in traditional.removals if r.kind == "injected"]
    assert injected == ["錨點"]


def test_the_traditional_seed_removals_are_of_no_other_kind(traditional: CleanedText) -> None:
    assert {r.kind for r in traditional.removals} == {"pinyin", "injected"}


def test_the_clean_traditional_seed_has_no_parenthesis_left(traditional: CleanedText) -> None:
    assert "(" not in traditional.text
    assert ")" not in traditional.text


def test_the_clean_traditional_seed_has_no_latin_letters_left(traditional: CleanedText) -> None:
    # In this seed every Latin letter belongs to a gloss.
    assert re.findall(f"[A-Za-z{TONE_MARKS}]+", traditional.text) == []


def test_the_injected_word_is_gone_and_the_word_it_split_is_whole_again(
    traditional: CleanedText,
) -> None:
    assert "管錨點(diǎn)用" in TRADITIONAL_RAW
    assert "管用" in traditional.text
    assert "錨點" not in traditional.text


def test_the_clean_traditional_seed_keeps_its_words(traditional: CleanedText) -> None:
    assert traditional.text.startswith("宿遷市召開服務企業復工復產工作專題會商會")
    assert "來源:宿遷市廣播電視總臺" in traditional.text


# The Simplified seed has no artefacts --------------------------------------------------------


def test_the_simplified_seed_text_is_unchanged() -> None:
    assert clean(SIMPLIFIED).text == SIMPLIFIED


def test_the_simplified_seed_has_no_removals() -> None:
    assert clean(SIMPLIFIED).removals == ()


def test_the_simplified_seed_keeps_its_parenthesised_title_note() -> None:
    assert "(精选3篇)" in clean(SIMPLIFIED).text


def test_the_simplified_seed_maps_to_itself() -> None:
    assert clean(SIMPLIFIED).raw_to_clean.is_identity


# What is and is not a gloss ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("新冠疫情防控复工上班会议纪要(精选3篇)", id="note-with-digit"),
        pytest.param("(一)加强组织领导", id="list-number"),
        pytest.param("国务院今(29)日召开常务会议", id="date-in-brackets"),
        pytest.param("中国(臺灣)地区", id="han-in-brackets"),
        pytest.param("本报讯(记者 张文学)", id="byline"),
        pytest.param("各级(市、区)政府", id="han-list"),
        pytest.param("世界卫生组织(WHO)宣布", id="capital-abbreviation"),
        pytest.param("儿(er)化音", id="pinyin-without-tone-mark"),
        pytest.param("北京(běijīng)", id="two-syllables"),
    ],
)
def test_a_legitimate_parenthesis_stays(text: str) -> None:
    assert clean(text).text == text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("服務(wù)", "服務", id="ascii-brackets"),
        pytest.param("書(shū)記", "書記", id="inside-a-word"),
        pytest.param("發（fā）展", "發展", id="full-width-brackets"),
        pytest.param("綠(lǜ)色", "綠色", id="u-umlaut"),
    ],
)
def test_a_pinyin_gloss_after_a_han_character_is_removed(raw: str, expected: str) -> None:
    assert clean(raw).text == expected


def test_a_full_width_gloss_is_reported_as_pinyin() -> None:
    assert [(r.text, r.kind) for r in clean("發（fā）展").removals] == [("（fā）", "pinyin")]


def test_a_gloss_not_after_a_han_character_stays() -> None:
    assert clean("see (wù) here").text == "see (wù) here"


def test_an_injected_word_with_a_gloss_inside_is_removed_whole() -> None:
    cleaned = clean("管錨(mǎo)點用")
    assert cleaned.text == "管用"
    assert [(r.text, r.kind) for r in cleaned.removals] == [("錨(mǎo)點", "injected")]


# Offsets: raw text is never changed, and every clean character has its raw origin ------------


def test_every_removal_records_the_raw_text_it_spans(traditional: CleanedText) -> None:
    mismatched = [r for r in traditional.removals if TRADITIONAL_RAW[r.start : r.end] != r.text]
    assert mismatched == []


def test_removals_are_in_order_and_never_overlap(traditional: CleanedText) -> None:
    ends_and_starts = zip(traditional.removals, traditional.removals[1:], strict=False)
    assert all(before.end <= after.start for before, after in ends_and_starts)


def test_the_clean_text_is_the_raw_text_minus_the_removals(traditional: CleanedText) -> None:
    kept, position = [], 0
    for removal in traditional.removals:
        kept.append(TRADITIONAL_RAW[position : removal.start])
        position = removal.end
    kept.append(TRADITIONAL_RAW[position:])
    assert "".join(kept) == traditional.text


def test_the_offset_map_spans_the_raw_and_the_clean_text(traditional: CleanedText) -> None:
    assert traditional.raw_to_clean.source_length == len(TRADITIONAL_RAW)
    assert traditional.raw_to_clean.target_length == len(traditional.text)


def test_every_clean_character_maps_back_to_the_same_raw_character(
    traditional: CleanedText,
) -> None:
    back = traditional.clean_to_raw
    wrong = []
    for index, character in enumerate(traditional.text):
        start, end = back.map_span(index, index + 1)
        if end - start != 1 or TRADITIONAL_RAW[start] != character:
            wrong.append((index, character, TRADITIONAL_RAW[start:end]))
    assert wrong == []


def test_every_kept_raw_character_maps_forward_to_the_same_clean_character(
    traditional: CleanedText,
) -> None:
    removed = {i for r in traditional.removals for i in range(r.start, r.end)}
    forward = traditional.raw_to_clean
    wrong = []
    for index, character in enumerate(TRADITIONAL_RAW):
        if index in removed:
            continue
        start, end = forward.map_span(index, index + 1)
        if traditional.text[start:end] != character:
            wrong.append((index, character, traditional.text[start:end]))
    assert wrong == []


def test_an_injected_word_is_removed_from_a_glossed_text() -> None:
    cleaned = clean("按照科學、合理、適度、管錨點(diǎn)用的原則,服務(wù)企業")
    assert "管用" in cleaned.text
    assert [r.kind for r in cleaned.removals].count("injected") == 1


def test_the_same_word_stays_in_an_ordinary_text() -> None:
    text = "以此为锚点，推进复工复产。"
    assert clean(text).text == text


# The one-expression gloss finder agrees with the readable definition ----------------------

# Characters and pieces of glosses, so that random texts hold real glosses and near misses.
_GLOSS_PIECES = [
    *"服務書記管用 ()（）abceghinorszuüvwxāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ",
    *["書(", "(zh", "(sh", "uàng", "ā", "ér", "ng)", "n)", "r)", "(er)", "(běijīng)", "(wù)"],
]


def _glosses_by_definition(raw: str) -> list[tuple[int, int, str]]:
    """What find_removals must find in a text without injected words: every candidate of
    _PINYIN_GLOSS that is_pinyin_gloss accepts."""
    return [
        (m.start(), m.end(), m.group())
        for m in cleaning._PINYIN_GLOSS.finditer(raw)
        if is_pinyin_gloss(m.group())
    ]


def _as_stored(removals: list[Removal]) -> str:
    return json.dumps([[r.start, r.end, r.kind] for r in removals])


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_GLOSS_PIECES), max_size=40).map("".join))
def test_the_glosses_found_are_those_the_definition_accepts(raw: str) -> None:
    found = find_removals(raw)
    assert [(r.start, r.end, r.text) for r in found] == _glosses_by_definition(raw)
    assert clean(raw).text == without_spans(raw, [(r.start, r.end) for r in found])
    assert cleaned_for_storage(raw) == (clean(raw).text, _as_stored(found))


@pytest.mark.parametrize(
    "gloss",
    ["(zhuàng)", "(shuāng)", "(ér)", "(ǚ)", "(lüè)", "（diǎn）", "(chuáng)", "(er)", "(xx)"],
)
def test_a_gloss_after_a_han_character_is_removed_as_the_definition_says(gloss: str) -> None:
    raw = f"書{gloss}記"
    assert [(r.start, r.end, r.text) for r in find_removals(raw)] == _glosses_by_definition(raw)


# Injected words among glosses: the fast path agrees with the readable definition -----------

# Glosses, near misses and the injected words' characters, glossed or not (錨(diǎn)點 too).
_INJECTED_PIECES = [
    *"書記錨點锚点管用 ()（）ae",
    *["(shū)", "(diǎn)", "（diǎn）", "(máo)", "(xx)", "(er)", "錨點", "锚点", "錨(diǎn)點"],
]


def _removals_by_definition(raw: str) -> list[Removal]:
    """The removals as the definition reads: the glosses the definition accepts; in a text
    that has some, each injected word as well, with the glosses inside it taken out with it."""
    glosses = [
        Removal(start, end, text, "pinyin") for start, end, text in _glosses_by_definition(raw)
    ]
    if not glosses:
        return []
    pattern = cleaning._injected_token_pattern()
    assert pattern is not None
    injected = [Removal(m.start(), m.end(), m.group(), "injected") for m in pattern.finditer(raw)]
    inside = {p for r in injected for p in range(r.start, r.end)}
    return sorted([g for g in glosses if g.start not in inside] + injected)


def _assert_cleaned_by_definition(raw: str) -> None:
    expected = _removals_by_definition(raw)
    cleaned = clean(raw)
    assert list(cleaned.removals) == expected
    assert find_removals(raw) == expected
    assert cleaned.text == without_spans(raw, [(r.start, r.end) for r in expected])
    # What an import stores, made without the Removal objects, is the same.
    assert cleaned_for_storage(raw) == (cleaned.text, _as_stored(expected))


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_INJECTED_PIECES), max_size=60).map("".join))
def test_injected_words_and_glosses_are_removed_as_the_definition_says(raw: str) -> None:
    _assert_cleaned_by_definition(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "管錨點用",  # no gloss: the word stays
        "書(shū)管錨點用",
        "書(shū)管錨(diǎn)點(diǎn)用",
        "錨點書(shū)",  # the word first
        "書(shū)錨點",  # the word last
        "書(shū)錨點錨(máo)點锚点",  # words side by side
        "書(shū)錨(xx)點記(jì)",  # a near miss inside the word goes with it
        TRADITIONAL_RAW,
        SIMPLIFIED,
    ],
)
def test_texts_with_injected_words_are_cleaned_as_the_definition_says(raw: str) -> None:
    _assert_cleaned_by_definition(raw)
