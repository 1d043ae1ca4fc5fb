"""OpenCC conversions with an exact alignment, the override table, and the script guard."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.analysis import choose_conversion
from desktop.core.conversion import CONFIGS, UnknownConversion, converter, would_damage
from desktop.core.script import Script

TAIWAN_IT = "我用隨身碟把程式碼上傳到網際網路，再用滑鼠點擊軟體，記憶體不足時重新開機。"


def test_every_configuration_the_library_offers_is_selectable() -> None:
    assert set(CONFIGS) == {
        "t2s",
        "s2t",
        "s2tw",
        "s2twp",
        "tw2s",
        "tw2sp",
        "s2hk",
        "hk2s",
        "t2tw",
        "t2hk",
    }
    for name in CONFIGS:
        assert converter(name).convert("复工復產").text


def test_an_unknown_configuration_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownConversion, match="choose one of"):
        converter("s2x")


def test_tw2sp_shortens_the_text_and_the_alignment_maps_each_phrase() -> None:
    result = converter("tw2sp").convert(TAIWAN_IT)
    assert result.text == "我用U盘把代码上传到互联网，再用鼠标点击软件，内存不足时重新开机。"
    assert len(result.text) == len(TAIWAN_IT) - 4
    for source_phrase, target_phrase in [
        ("隨身碟", "U盘"),
        ("程式碼", "代码"),
        ("網際網路", "互联网"),
        ("記憶體", "内存"),
    ]:
        start = TAIWAN_IT.index(source_phrase)
        mapped = result.alignment.map_span(start, start + len(source_phrase))
        assert result.text[slice(*mapped)] == target_phrase


def test_s2twp_lengthens_the_text_and_the_alignment_maps_back() -> None:
    source = "我用U盘把代码上传到互联网。"
    result = converter("s2twp").convert(source)
    assert len(result.text) != len(source)
    start = result.text.index("網際網路")
    back = result.alignment.map_span_back(start, start + 4)
    assert source[slice(*back)] == "互联网"


def test_characters_after_a_length_change_keep_their_place() -> None:
    result = converter("tw2sp").convert(TAIWAN_IT)
    start = TAIWAN_IT.index("重新開機")
    assert result.text[slice(*result.alignment.map_span(start, start + 4))] == "重新开机"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["隨身碟", "網際網路", "程式碼", "復工", "會議", "，", "𠮷", "a"]),
        max_size=12,
    ).map("".join),
    st.sampled_from(["tw2sp", "s2twp", "t2s", "s2tw"]),
    st.data(),
)
def test_mapping_a_span_there_and_back_covers_it(
    text: str, config: str, data: st.DataObject
) -> None:
    result = converter(config).convert(text)
    a = data.draw(st.integers(0, max(0, len(text) - 1)))
    b = data.draw(st.integers(min(a + 1, len(text)), len(text)))
    back = result.alignment.map_span_back(*result.alignment.map_span(a, b))
    assert back[0] <= a and back[1] >= b


@pytest.mark.parametrize(
    ("config", "source", "expected"),
    [
        ("s2t", "负责人参加会议", "負責人參加會議"),
        ("s2t", "赵海参加会议", "趙海參加會議"),
        ("s2hk", "负责人参加会议", "負責人參加會議"),
        ("s2t", "人参加工企业", "人蔘加工企業"),
        ("tw2sp", "核心任務", "核心任务"),
        ("tw2s", "什么", "什么"),
        # Where the native engine and the reference disagree and one is wrong (issue 22).
        ("s2tw", "澄江市人民政府", "澄江市人民政府"),
        ("s2t", "澄江市", "澄江市"),
        ("s2twp", "会议审议通过了", "會議審議通過了"),
    ],
)
def test_the_override_table_fixes_known_bad_conversions(
    config: str, source: str, expected: str
) -> None:
    assert converter(config).convert(source).text == expected


def test_s2tw_is_the_display_form_not_opencc_internal_forms() -> None:
    assert converter("s2tw").convert("为").text == "為"


def test_t2s_is_never_run_over_simplified_text() -> None:
    assert would_damage("t2s", Script.SIMPLIFIED)
    choice = choose_conversion(Script.SIMPLIFIED, "t2s")
    assert choice.config is None
    assert "already Simplified" in choice.notice


def test_t2s_runs_over_traditional_text() -> None:
    assert choose_conversion(Script.TRADITIONAL, "t2s").config == "t2s"
    assert converter("t2s").convert("石祖乾").text == "石祖干"  # why the guard exists


def test_changed_spans_mark_what_the_conversion_rewrote() -> None:
    result = converter("t2s").convert("會議在宿遷召開")
    assert result.text == "会议在宿迁召开"
    assert [result.text[s:e] for s, e in result.changed_spans()] == ["会议", "迁", "开"]


def test_changed_spans_cover_a_length_changing_phrase() -> None:
    result = converter("tw2sp").convert("上傳到網際網路")
    assert "互联网" in [result.text[s:e] for s, e in result.changed_spans()]


def test_the_commoner_reading_of_参加工作_wins() -> None:
    for config in ("s2t", "s2tw", "s2hk", "s2twp"):
        assert converter(config).convert("年轻人参加工作后").text == "年輕人參加工作後", config


def test_phrase_cuts_follow_opencc_own_longest_match() -> None:
    assert converter("tw2sp").convert("分頻多工").text == "频分复用"


def test_exact_spans_map_one_to_one_around_a_phrase() -> None:
    source = "我用隨身碟上傳"
    result = converter("tw2sp").convert(source)
    for position in (0, 1, 5, 6):  # the characters outside the phrase
        assert result.alignment.map_span(position, position + 1) == (
            position if position < 2 else position - 1,
            (position if position < 2 else position - 1) + 1,
        )
    assert result.alignment.map_span(2, 5) == (2, 4)  # 隨身碟 -> U盘


def test_mixed_text_keeps_its_simplified_clauses_under_t2s() -> None:
    from desktop.core.analysis import convert_for_reading
    from desktop.core.script import detect_script

    text = "市委副书记石祖乾主持会议，会议通报了臺灣衛生福利部的情況。"
    script = detect_script(text).script
    assert script is Script.MIXED
    conversion, _ = convert_for_reading(text, script)
    assert conversion.text == "市委副书记石祖乾主持会议，会议通报了台湾卫生福利部的情况。"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["石祖乾主持会议", "臺灣衛生福利部", "復工復產", "要求各地", "乾燥"]),
            st.sampled_from(["，", "。", "\n", "；", ""]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_kept_clauses_convert_as_each_clause_alone(parts: list[tuple[str, str]]) -> None:
    """Runs of Traditional clauses go to OpenCC whole (issue 22, speed): the result is still
    each clause's own: a clause with a Traditional-only character converted, any other kept."""
    from desktop.core.conversion import traditional_only_characters

    text = "".join(clause + separator for clause, separator in parts)
    t2s = converter("t2s")
    expected = "".join(
        piece if traditional_only_characters().isdisjoint(piece) else t2s.convert(piece).text
        for piece in re.split(r"([，。；\n])", text)
    )
    result = t2s.convert(text, keep_simplified_clauses=True)
    assert result.text == expected
    assert result.alignment.map_span(0, len(text)) == (0, len(expected))


@pytest.mark.parametrize("config", ["s2tw", "s2twp", "tw2sp", "t2s"])
def test_the_cut_points_are_found_once_then_read_from_the_cache(
    config: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 22: finding them read the whole phrase tables in every analysing process."""
    from desktop.core import conversion

    prefix, phrases = conversion._length_changing_stage(config)
    first = conversion._cut_points(config)
    assert first == (prefix, sorted(phrases))
    derived: list[str] = []
    real = conversion._sorted_stage
    monkeypatch.setattr(
        conversion, "_sorted_stage", lambda name: derived.append(name) or real(name)
    )
    assert conversion._cut_points(config) == first
    assert derived == []
