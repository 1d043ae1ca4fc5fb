"""The faster structures of the entity pipeline (issue 22) find what the plain ones found.

Each is held equal to the plain reference it replaced: the gazetteer's leftmost-longest places
against ``re.finditer`` over their alternation, the openings of sentences against the one
pattern with ``^`` and a look-behind, the words found through the text's matches against a
look at every word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.cleaning import clean
from desktop.core.entities import (
    _DATE,
    _DOCUMENT_NUMBER,
    _LIST_OPENER,
    _lexicons,
    _LiteralWords,
    _sentence_starts,
    _tokens,
    extract_entities,
)
from desktop.core.resources import read_data_lines

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "seeds").glob("*.txt"))

EDGES = [
    "",
    "。",
    "。。\n\n；张三强调",
    "\n\n  张三主持会议。 \u3000李四讲话！王五？",
    "  \t开头有空格。结尾有标点；",
    "市领导蔡家华、许国、陈小坚参加。",
]


def _plain(words: list[str]) -> str:
    """Their alternation as a list, longest first (patterns.alternation writes a trie)."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


def texts() -> list[str]:
    return [*EDGES, *(clean(path.read_text(encoding="utf-8")).text for path in TEXTS)]


@pytest.mark.parametrize(
    "words",
    [
        read_data_lines("entities", "places.txt"),
        ["北京", "北京市", "京津", "津冀", "河北"],  # shared starts, overlaps
        ["市", "北京", "京"],  # a word of one character: no second-character filter
        [],
    ],
)
def test_literal_words_find_what_their_alternation_finds(words: list[str]) -> None:
    literal = _LiteralWords(words)
    probe = "北京市京津冀协同发展，河北省、天津市。长治久安，宿迁市委"
    for text in [*texts(), probe]:
        expected = [match.span() for match in re.finditer(_plain(words), text)] if words else []
        assert list(literal.spans(text)) == expected


_PLAIN_SENTENCE_START = re.compile(r"(?:^|(?<=[。；;！!？?\n]))\s*", re.MULTILINE)


@pytest.mark.parametrize("text", texts()[: len(EDGES) + 2])
def test_sentence_starts_are_where_the_plain_pattern_ends(text: str) -> None:
    starts = list(_sentence_starts(text))
    assert starts == sorted(starts)
    assert set(starts) == {match.end() for match in _PLAIN_SENTENCE_START.finditer(text)}


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_words_found_through_the_text_are_the_words_that_match(path: Path) -> None:
    text = clean(path.read_text(encoding="utf-8")).text
    tokens = _tokens(text)
    pattern = re.compile("街道|[镇乡村区县]|市委|会议")
    every_word = [
        index for index, word in enumerate(tokens.words) if pattern.fullmatch(word) is not None
    ]
    assert every_word  # the seeds hold such words, so the comparison means something
    assert list(tokens.words_matching(pattern, text)) == every_word
    for index, (start, end) in enumerate(zip(tokens.starts, tokens.ends, strict=True)):
        assert tokens.index_starting_at(start) == index
        assert tokens.index_ending_at(end) == index
    inside = set(range(len(text) + 1)) - set(tokens.starts)
    assert all(tokens.index_starting_at(position) is None for position in inside)
    not_ends = set(range(len(text) + 1)) - set(tokens.ends)
    assert all(tokens.index_ending_at(position) is None for position in not_ends)


def test_names_and_places_tagged_are_the_words_with_those_tags() -> None:
    text = clean(TEXTS[0].read_text(encoding="utf-8")).text
    tokens = _tokens(text)
    flags = tokens.flags
    assert list(tokens.name_tagged) == [i for i, f in enumerate(flags) if f.startswith("nr")]
    assert list(tokens.place_tagged) == [i for i, f in enumerate(flags) if f == "ns"]


def test_the_words_no_name_can_be_are_the_three_lists() -> None:
    lexicons = _lexicons()
    assert lexicons.never_names == lexicons.not_entities | lexicons.places | lexicons.not_names
    assert lexicons.all_surnames == lexicons.surnames | lexicons.compound_surnames


def test_a_long_analysis_leaves_the_collector_as_it_found_it() -> None:
    import gc

    text = clean(TEXTS[0].read_text(encoding="utf-8")).text
    assert gc.isenabled()
    extract_entities(text)
    assert gc.isenabled()
    gc.disable()
    try:
        extract_entities(text)
        assert not gc.isenabled()  # who turned it off turns it on again, not the analysis
    finally:
        gc.enable()


_S, _D = r"[ \t\u3000]*", "[0-9０-９]"
_PLAIN_DOCUMENT_NUMBER = re.compile(
    rf"[〔\[［(（【]{_S}{_D}{{4}}{_S}[〕\]］)）】]{_S}第?{_S}{_D}+{_S}号|{_D}{{4}}年第{_D}+号"
)
DOCUMENT_NUMBER_EDGES = [
    "国办发〔2020〕5号、深府办[ 2020 ]第 12 号，公告2020年第5号。（2020）号 2020年第号",
    "【２０２０】３号 (2020)7号 12020年第3号 〔〔2020〕1号",
]


@pytest.mark.parametrize("text", DOCUMENT_NUMBER_EDGES + texts())
def test_document_numbers_as_the_plain_pattern_finds_them(text: str) -> None:
    found = [match.span() for match in _DOCUMENT_NUMBER.finditer(text)]
    assert found == [match.span() for match in _PLAIN_DOCUMENT_NUMBER.finditer(text)]


def _plain_title() -> re.Pattern[str]:
    heads, prefixes = (
        read_data_lines("entities", "title_heads.txt"),
        read_data_lines("entities", "title_prefixes.txt"),
    )
    return re.compile(rf"(?:{_plain(prefixes)})?(?:常务)?(?:副)?(?:{_plain(heads)})(?!会|员会)")


def _title_probes() -> list[str]:
    heads = read_data_lines("entities", "title_heads.txt")
    prefixes = read_data_lines("entities", "title_prefixes.txt")
    probes = []
    for prefix, head in zip(prefixes * 2, heads * 3, strict=False):
        for middle in ("", "常务", "副", "常务副", "常"):
            for after in ("", "会", "员会", "强调", "员"):
                probes.append(f"市{prefix}{middle}{head}{after}，{middle}{head}{after}{prefix}。")
    return probes


@pytest.mark.parametrize("text", ["\n".join(_title_probes()), *texts()])
def test_titles_as_the_plain_pattern_finds_them(text: str) -> None:
    found = [match.span() for match in _lexicons().title.finditer(text)]
    assert found == [match.span() for match in _plain_title().finditer(text)]


_PLAIN_LIST_OPENER = re.compile(
    r"(?:[省市区县州镇]领导|出席(?:会议)?的有|参加(?:会议)?的有|陪同的有|联系人)[:：]?"
)


@pytest.mark.parametrize(
    "text", ["市领导：省领导镇领导出席的有出席会议的有：联系人乡领导", *texts()]
)
def test_list_openers_as_the_plain_pattern_finds_them(text: str) -> None:
    found = [match.span() for match in _LIST_OPENER.finditer(text)]
    assert found == [match.span() for match in _PLAIN_LIST_OPENER.finditer(text)]


def _plain_number() -> re.Pattern[str]:
    digits, numerals = "[0-9０-９]", "〇零一二两三四五六七八九十百千万"
    units = _plain(read_data_lines("entities", "units.txt"))
    return re.compile(
        rf"(?<![第0-9０-９.{numerals}])(?:{digits}+(?:[.,]{digits}+)*|[{numerals}]+)(?:多|余)?"
        rf"(?:(?:[万亿千百](?:多|余)?)?(?:{units})|[万亿])"
    )


NUMBER_PROBES = "个一个两个十个第二个3个3.5万元1,000人１２个一二三千万亿个。2个 1个.5个第3个万人"


@pytest.mark.parametrize("text", [NUMBER_PROBES, *texts()])
def test_numbers_as_the_plain_pattern_finds_them(text: str) -> None:
    found = [match.span() for match in _lexicons().number.finditer(text)]
    assert found == [match.span() for match in _plain_number().finditer(text)]


def _plain_date() -> re.Pattern[str]:
    """The date pattern as it was written before its first character was taken first."""
    d, cn, s = "[0-9０-９]", "〇零一二两三四五六七八九十百千万", r"[ \t\u3000]*"
    month = rf"(?:{d}{{1,2}}|十[一二]?|[一二三四五六七八九])"
    day = rf"(?:{d}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    part = r"(?:上午|下午|中午|晚上|凌晨|早上|傍晚|晚|早|夜间|全天)"
    clock = (
        rf"(?:(?:{d}{{1,2}}[:：]{d}{{2}}(?:[:：]{d}{{2}})?"
        rf"|(?:{d}{{1,2}}|零)[时点](?:{d}{{1,2}}分|半)?"
        rf"|{d}{{1,2}}(?={s}[—–~-]{s}{d}{{1,2}}[时点]))"
        rf"(?:{s}[—–~-]{s}{d}{{1,2}}[时点])?)"
    )
    return re.compile(
        "|".join(
            [
                rf"{d}{{2,4}}[-/.]{d}{{1,2}}[-/.]{d}{{1,2}}(?:{s}{clock})?",
                rf"(?:民国|民國)?(?:{d}{{2,4}}|[〇零一二三四五六七八九]{{4}})年"
                rf"(?:{month}月(?:份|{day}[日号])?)?{s}{part}?{s}{clock}?",
                rf"{d}{{1,2}}月{d}{{1,2}}[日号]{s}{part}?{s}{clock}?",
                rf"{d}{{1,2}}月(?:份|底|初|末|上旬|中旬|下旬)?",
                rf"[{cn}]{{1,3}}月[{cn}]{{1,3}}[日号]{s}{part}?{s}{clock}?",
                rf"今[(（]{d}{{1,2}}[)）]日{s}{part}?",
                rf"{d}{{1,2}}[日号]{s}(?:{part}{s})?{clock}",
                rf"{d}{{1,2}}[日号]{s}{part}",
                rf"(?<=截至|截止){d}{{1,2}}[日号]",
            ]
        )
    )


DATE_PROBES = (
    "2020-03-21 11:13:17，109-02-06；民国109年2月6日、民國一〇九年；2020年02月12日08:28"
    "2月10日下午3时半，3月份，3月底，6个月，二月十日上午，今(29)日，16日24时，2月17日0—24时"
    "截至17日，截止3日，至17日，二〇二〇年，三十年，12月，1月1日，民国，民國2020年上旬"
)
# Pieces dates are made of, so that random strings of them are often dates or nearly.
_DATE_PIECES = [
    *"0123456789０１２一二三十〇两百万",
    *"年月日号份底初末旬时点分半:：-/.—(（)） ",
    *["上午", "下午", "晚上", "民国", "民國", "今", "截至", "截止", "上旬", "中", "个"],
]


def _date_combinations() -> list[str]:
    """Every joining of what may open, count, name and follow a date (5,544 of them)."""
    openings = ["", "民国", "民國", "截至", "今(", "第", "x"]
    counts = ["1", "12", "123", "1234", "２０", "二", "十二", "二〇二〇", "三十"]
    names = ["年", "月", "日", "号", "-", "/", ".", "个月"]
    tails = ["", "上午", "3时", "0—24时", "12:30", "底", "份", "1日", "十日上午", "3月4日", "5)日"]
    return [
        f"{opening}{count}{name}{tail}"
        for opening in openings
        for count in counts
        for name in names
        for tail in tails
    ]


@pytest.mark.parametrize("text", [DATE_PROBES, "\n".join(_date_combinations()), *texts()])
def test_dates_as_the_plain_pattern_finds_them(text: str) -> None:
    assert [m.span() for m in _DATE.finditer(text)] == [
        m.span() for m in _plain_date().finditer(text)
    ]


@pytest.mark.parametrize("combination", _date_combinations()[::21])
def test_dates_as_the_plain_pattern_finds_them_alone(combination: str) -> None:
    assert [m.span() for m in _DATE.finditer(combination)] == [
        m.span() for m in _plain_date().finditer(combination)
    ]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=16).map("".join))
def test_dates_as_the_plain_pattern_finds_them_in_any_text(text: str) -> None:
    assert [m.span() for m in _DATE.finditer(text)] == [
        m.span() for m in _plain_date().finditer(text)
    ]
