"""Directive suggestions: every order the seeds give is a candidate, with who gave it and how
strongly, as spans of the clean text in the document's own script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.cleaning import clean
from desktop.core.directives import MEETING, STRENGTHS, Suggestion, suggest_directives
from desktop.core.model import Entity

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SUQIAN = clean((SEEDS / "000_9068b13d1ddf9a92.txt").read_text("utf-8")).text
COMPILATION = (SEEDS / "003_81982325587c9960.txt").read_text("utf-8")
PART_1, PART_2, PART_3 = (COMPILATION.index(f"会议纪要篇{n}\n") for n in (1, 2, 3))


@pytest.fixture(scope="module")
def suqian() -> list[Suggestion]:
    return suggest_directives(SUQIAN)


@pytest.fixture(scope="module")
def compilation() -> list[Suggestion]:
    return suggest_directives(COMPILATION)


def in_part(suggestions: list[Suggestion], start: int, end: int) -> list[Suggestion]:
    return [s for s in suggestions if start <= s.start < end]


def the_one(suggestions: list[Suggestion], opening: str) -> Suggestion:
    [found] = [s for s in suggestions if s.text.startswith(opening)]
    return found


def modal_yao(text: str) -> list[int]:
    """Every 要 of ``text`` that gives an order: not 重要 and not 要求 (a noun or a speech verb)."""
    return [
        m.start()
        for m in re.finditer("要", text)
        if text[m.start() - 1 : m.start() + 1] != "重要" and text[m.start() : m.end() + 1] != "要求"
    ]


def covered(position: int, suggestions: list[Suggestion]) -> bool:
    return any(s.start <= position < s.end for s in suggestions)


# Every 要-led clause is a candidate -------------------------------------------------------


def test_every_yao_led_clause_of_the_suqian_readout_is_a_candidate(
    suqian: list[Suggestion],
) -> None:
    positions = modal_yao(SUQIAN)
    assert len(positions) == 14
    assert [p for p in positions if not covered(p, suqian)] == []


def test_every_yao_led_clause_of_the_foshan_readout_is_a_candidate(
    compilation: list[Suggestion],
) -> None:
    body = COMPILATION.index("\n", PART_3)  # after the heading 新冠…会议纪要篇3
    positions = [body + p for p in modal_yao(COMPILATION[body:])]
    assert len(positions) == 4  # 要坚定信心, 强调要深入学习, 越要往前, 要进一步明确
    assert [p for p in positions if not covered(p, compilation)] == []


def test_a_candidate_runs_over_its_sentence_until_the_next_cue(
    suqian: list[Suggestion],
) -> None:
    expected = "要弄清形勢,把握大勢,嚴格按照中央和省委、省政府最新部署要求"  # then 切實…
    assert the_one(suqian, "要弄清形勢").text == expected
    assert the_one(suqian, "要立即推動").text == "要立即推動復工復產"


def test_a_candidate_keeps_who_must_act(suqian: list[Suggestion]) -> None:
    assert the_one(suqian, "復工企業要").text == "復工企業要切實強化主體責任,抓實抓細防控舉措"


def test_a_new_cue_in_a_sentence_opens_a_new_candidate(suqian: list[Suggestion]) -> None:
    assert the_one(suqian, "既要精準").text == "既要精準落實好中央和省相關部署"
    assert the_one(suqian, "也要結合").text == "也要結合宿遷實際細化相關措施"
    assert the_one(suqian, "確保各項政策").text == "確保各項政策落實落地"


def test_a_wish_governs_its_whole_sentence(suqian: list[Suggestion]) -> None:
    wish = the_one(suqian, "希望企業家")
    assert wish.strength == "advisory"
    assert wish.text.endswith("堅決打贏疫情防控阻擊戰")


def test_an_imperative_opening_reported_speech_is_a_candidate(
    compilation: list[Suggestion],
) -> None:
    foshan = in_part(compilation, PART_3, len(COMPILATION))
    assert the_one(foshan, "解决好企业用工难问题").issuer == "朱伟"
    assert the_one(foshan, "完善重点企业联络员制度").strength == "directive"


def test_why_and_when_the_meeting_met_is_not_a_directive(compilation: list[Suggestion]) -> None:
    preface_end = COMPILATION.index("会议由公司党委")
    assert in_part(compilation, PART_1, preface_end) == []


# Speakers ---------------------------------------------------------------------------------


def test_the_suqian_directives_are_zhang_aijuns_until_wang_hao_speaks(
    suqian: list[Suggestion],
) -> None:
    wang_hao_speaks = SUQIAN.index("王昊強調")
    assert {s.issuer for s in suqian if s.start < wang_hao_speaks} == {"張愛軍"}
    assert {s.issuer for s in suqian if s.start > wang_hao_speaks} == {"王昊"}
    assert the_one(suqian, "希望廣大企業").issuer == "張愛軍"
    assert the_one(suqian, "各相關部門要深入一線").issuer == "王昊"


def test_the_foshan_directives_are_zhu_weis_where_the_text_says_so(
    compilation: list[Suggestion],
) -> None:
    foshan = in_part(compilation, PART_3, len(COMPILATION))
    assert the_one(foshan, "全市上下要坚定信心").issuer == "朱伟"
    assert the_one(foshan, "要深入学习贯彻").issuer == "朱伟"  # 朱伟肯定了…,强调要…
    assert the_one(foshan, "要进一步明确工作要求").issuer == "朱伟"  # 朱伟要求,要…
    # A paragraph that names no one: the text does not say who, so neither do we.
    assert the_one(foshan, "全市各级党委政府领导干部必须").issuer == ""


def test_the_meeting_is_the_issuer_of_what_it_points_out(compilation: list[Suggestion]) -> None:
    part_1 = in_part(compilation, PART_1, PART_2)
    assert {s.issuer for s in part_1} == {MEETING}


def test_a_new_section_forgets_the_last_speaker(compilation: list[Suggestion]) -> None:
    assert {s.issuer for s in in_part(compilation, PART_2, PART_3)} == {""}


def test_a_speaker_named_in_the_entities_given_is_the_issuer() -> None:
    text = "王玉池再次强调，各地要压实属地责任。"
    [found] = suggest_directives(text, [Entity("PERSON", 0, 3, "王玉池")])
    assert (found.text, found.issuer) == ("各地要压实属地责任", "王玉池")


def test_yaoqiu_after_a_speaker_is_speech_not_a_directive() -> None:
    text = "朱伟要求，要进一步明确工作要求。"
    [found] = suggest_directives(text, [Entity("PERSON", 0, 2, "朱伟")])
    assert (found.text, found.cue, found.issuer) == ("要进一步明确工作要求", "要", "朱伟")


@pytest.mark.parametrize("seed", ["suqian", "compilation"])
def test_a_span_never_includes_the_speaker(seed: str, request: pytest.FixtureRequest) -> None:
    suggestions: list[Suggestion] = request.getfixturevalue(seed)
    for suggestion in suggestions:
        if suggestion.issuer:
            assert suggestion.issuer not in suggestion.text
        assert not suggestion.text.startswith(("強調", "强调", "指出", "要求"))


# Enumerations -----------------------------------------------------------------------------


def test_each_item_of_yi_shi_er_shi_san_shi_is_one_candidate(
    compilation: list[Suggestion],
) -> None:
    part_1 = in_part(compilation, COMPILATION.index("会议指出"), PART_2)
    assert [s.text[:2] for s in part_1] == ["一是", "二是", "三是"]
    assert the_one(part_1, "一是").text.endswith("提前做好承担新开展项目的准备")
    assert all(s.strength == "directive" and s.cue == "要" for s in part_1)


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("一要思想重视，二要措施到位。", ["一要思想重视", "二要措施到位"]),
        ("一、加强领导。\n二、压实责任。", ["一、加强领导", "二、压实责任"]),
        ("（一）加强组织领导。（二）压实工作责任。", ["（一）加强组织领导", "（二）压实工作责任"]),
    ],
)
def test_every_enumeration_style_gives_one_candidate_per_item(text: str, items: list[str]) -> None:
    assert [s.text for s in suggest_directives(text, [])] == items


def test_a_numeral_before_shi_is_no_enumeration_on_its_own() -> None:
    assert suggest_directives("统一是关键。", []) == []


# Strength -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cue", "strength"),
    [
        ("必须做好安全生产工作。", "必须", "mandatory"),
        ("不得早于2020年2月9日24时前复工。", "不得", "mandatory"),
        ("严禁聚集。", "严禁", "mandatory"),
        ("思想上坚决不能松懈。", "坚决", "mandatory"),
        ("要弄清形势，把握大势。", "要", "directive"),
        ("确保各项政策落实落地。", "确保", "directive"),
        ("务必做好防护。", "务必", "directive"),
        ("各部會應做好管理與管制。", "應", "directive"),
        ("希望企业家坚定信心。", "希望", "advisory"),
        ("鼓励企业错峰上班。", "鼓励", "advisory"),
    ],
)
def test_the_first_cue_sets_the_strength(text: str, cue: str, strength: str) -> None:
    [found] = suggest_directives(text, [])
    assert (found.cue, found.strength) == (cue, strength)
    assert found.strength in STRENGTHS


@pytest.mark.parametrize(
    "text",
    [
        "这是当前最重要的工作。",
        "主要领导参加会议。",
        "会议纪要按照部署要求印发。",
        "对企业的支持表示感谢。",
        "各地积极应对疫情。",
        "企业需要资金。",
    ],
)
def test_a_word_that_only_contains_a_cue_is_no_directive(text: str) -> None:
    assert suggest_directives(text, []) == []


def test_siyang_yao_is_thought_must_not_want() -> None:
    # 思想要重视: the 想要 (want to) a longest match would see is not there.
    found = the_one(suggest_directives("一是思想要重视。二是责任要压实。", []), "一是")
    assert (found.text, found.cue) == ("一是思想要重视", "要")


# Offsets and scripts ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["suqian", "compilation"])
def test_every_span_is_its_text(seed: str, request: pytest.FixtureRequest) -> None:
    text = SUQIAN if seed == "suqian" else COMPILATION
    suggestions: list[Suggestion] = request.getfixturevalue(seed)
    assert suggestions
    assert all(text[s.start : s.end] == s.text for s in suggestions)


def test_traditional_text_gets_its_own_script(suqian: list[Suggestion]) -> None:
    assert "確保" in {s.cue for s in suqian}
    assert {s.issuer for s in suqian} == {"張愛軍", "王昊"}


@pytest.mark.parametrize(
    "text", ["𠮷市长张爱军强调，要确保安全。", "𠮷市長張愛軍強調，要確保安全。"]
)
def test_a_span_after_a_character_outside_the_bmp_has_code_point_offsets(text: str) -> None:
    [found] = suggest_directives(text)
    assert (found.start, found.end) == (9, 14)
    assert text[found.start : found.end] == found.text
    assert found.issuer == text[3:6]


def test_a_span_after_a_character_outside_the_bmp_in_a_seed() -> None:
    shifted = suggest_directives("𠮷" + SUQIAN)
    plain = suggest_directives(SUQIAN)
    assert [(s.start - 1, s.end - 1, s.text) for s in shifted] == [
        (s.start, s.end, s.text) for s in plain
    ]


# Issue 13: who chairs or addresses the meeting speaks; issuers in the document's script;
# deadlines.


@pytest.mark.parametrize(
    "text",
    [
        "2月10日下午，市委书记张国栋主持召开常委会会议并讲话。要提高政治站位，必须压实责任。",
        "市委常委会召开会议，市委书记张国栋主持会议并讲话。要提高政治站位，必须压实责任。",
        "会议由市委书记张国栋主持。要提高政治站位，必须压实责任。",
    ],
)
def test_who_chairs_the_meeting_issues_what_follows(text: str) -> None:
    suggestions = suggest_directives(text)
    assert len(suggestions) == 2
    assert {s.issuer for s in suggestions} == {"张国栋"}


def test_a_chairing_speaker_holds_until_another_speaks() -> None:
    text = "市委书记张三主持会议并讲话。张三强调，要提高政治站位。李四指出，要压实责任。"
    assert [s.issuer for s in suggest_directives(text)] == ["张三", "李四"]


def test_the_meeting_as_issuer_is_in_the_documents_script() -> None:
    traditional = "會議強調，要提高政治站位。會上，必須壓實責任。"
    assert {s.issuer for s in suggest_directives(traditional)} == {"會議"}
    assert {s.issuer for s in suggest_directives("会议强调，要提高政治站位。")} == {MEETING}


def test_the_traditional_meeting_is_opencc_s_and_loads_no_converter_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """會議 is every to-Traditional standard's 会议; naming it builds no s2t converter (its
    tables cost the pure-Python engine 11 MiB: issue 13, memory)."""
    from desktop.core import conversion
    from desktop.core.directives import MEETING_TRADITIONAL

    for config in ("s2t", "s2tw", "s2hk", "s2twp"):
        assert conversion.Converter(config).convert(MEETING).text == MEETING_TRADITIONAL
    built: list[str] = []
    real_init = conversion.Converter.__init__

    def recording_init(self: conversion.Converter, config: str) -> None:
        built.append(config)
        real_init(self, config)

    monkeypatch.setattr(conversion.Converter, "__init__", recording_init)
    conversion.converter.cache_clear()
    try:
        found = suggest_directives("會議強調，要提高政治站位。")
    finally:
        conversion.converter.cache_clear()
    assert {s.issuer for s in found} == {MEETING_TRADITIONAL}
    assert "s2t" not in built


def test_every_issuer_of_a_traditional_seed_is_written_in_the_text(
    suqian: list[Suggestion],
) -> None:
    assert all(s.issuer in SUQIAN for s in suqian if s.issuer)


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("会议强调，必须在3月底前全面落实。", "3月底前"),
        ("会议强调，各地要在月底前全面落实。", "月底前"),
        ("会议强调，确保年底前完成。", "年底前"),
        ("会议强调，确保2020年底前完成。", "2020年底前"),
        ("会议强调，必须在6月30日前完成验收。", "6月30日前"),
        ("会议强调，要在本周内梳理出清单。", "本周内"),
        ("会议强调，要限期整改到位。", "限期"),
        ("会议强调，要在15日内上报。", "15日内"),
        ("會議強調，必須在本週內全面落實。", "本週內"),
        ("会议强调，要提高政治站位。", ""),
        ("会议强调，要在2月10日前往现场。", ""),
    ],
)
def test_a_directive_names_its_deadline(text: str, deadline: str) -> None:
    [found] = suggest_directives(text)
    assert found.deadline == deadline
    if deadline:
        assert deadline in text


def test_a_suggestion_as_a_dict_is_what_asdict_gives() -> None:
    from dataclasses import asdict

    from desktop.core.directives import Suggestion

    suggestion = Suggestion(3, 20, "必须在3月底前全面落实", "必须", "会议", "mandatory", "3月底前")
    assert suggestion.as_dict() == asdict(suggestion)
    assert list(suggestion.as_dict()) == list(asdict(suggestion))


@pytest.mark.parametrize("opening", ["", "  ", "\u3000"])
def test_a_sentence_telling_why_the_meeting_was_held_gives_no_directive(opening: str) -> None:
    text = (
        f"{opening}为贯彻落实上级要求，统筹抓好复工复产，2月11日，公司召开专题会议。"
        "会议强调，要压实责任。为确保落实，必须加强督导。"
    )
    found = [s.text for s in suggest_directives(text)]
    assert found == ["要压实责任", "为确保落实", "必须加强督导"]
