"""What a document's own text says about it: the first date, the source, the headline."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.cleaning import clean
from desktop.core.docmeta import MAX_TITLE_CHARACTERS, first_date, first_source, headline

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TRADITIONAL_CLEAN = clean((SEEDS / "000_9068b13d1ddf9a92.txt").read_text("utf-8")).text
SIMPLIFIED = (SEEDS / "003_81982325587c9960.txt").read_text("utf-8")

# Dates ---------------------------------------------------------------------------------------


def test_a_chinese_date_is_read_as_iso() -> None:
    assert first_date("2020年02月12日08:28 來源:宿遷市廣播電視總臺") == "2020-02-12"


def test_a_chinese_date_without_leading_zeros_is_read_as_iso() -> None:
    assert first_date("发布时间：2020年3月5日") == "2020-03-05"


def test_a_date_with_a_time_is_read_as_the_date() -> None:
    assert first_date("发布时间：2020-03-21 11:13:17") == "2020-03-21"


def test_a_date_with_an_invalid_month_is_ignored() -> None:
    assert first_date("编号 2020-13-01 文件") == ""


def test_a_chinese_date_with_an_invalid_month_is_ignored() -> None:
    assert first_date("2020年13月01日") == ""


def test_a_day_that_does_not_exist_in_its_month_is_ignored() -> None:
    # A date must be a real calendar date: 30 February is not one.
    assert first_date("2020年02月30日") == ""


def test_a_valid_date_after_an_invalid_one_is_found() -> None:
    assert first_date("2020-13-01 印发，2020年02月12日发布") == "2020-02-12"


def test_a_text_without_a_year_has_no_date() -> None:
    # The Simplified seed says 2月11日 but never which year.
    assert first_date(SIMPLIFIED) == ""


def test_the_traditional_seed_is_dated_by_its_dateline() -> None:
    assert first_date(TRADITIONAL_CLEAN) == "2020-02-12"


# Sources -------------------------------------------------------------------------------------


def test_a_traditional_source_line_is_read() -> None:
    assert first_source("2020年02月12日08:28 來源:宿遷市廣播電視總臺\n正文") == "宿遷市廣播電視總臺"


def test_a_source_after_a_full_width_colon_is_read() -> None:
    assert first_source("新冠疫情防控复工上班会议纪要\n来源：整理\n正文") == "整理"


def test_the_source_stops_at_white_space() -> None:
    assert first_source("来源：新华社 作者：张三") == "新华社"


def test_a_text_without_a_source_line_has_no_source() -> None:
    assert first_source("会议由公司党委副书记主持。") == ""


def test_the_seeds_give_their_sources() -> None:
    assert (first_source(TRADITIONAL_CLEAN), first_source(SIMPLIFIED)) == (
        "宿遷市廣播電視總臺",
        "整理",
    )


# Headlines -----------------------------------------------------------------------------------


def test_the_headline_is_the_first_line() -> None:
    assert (
        headline("新冠疫情防控复工上班会议纪要\n来源：整理", "fallback")
        == "新冠疫情防控复工上班会议纪要"
    )


def test_the_headline_skips_blank_lines_and_surrounding_space() -> None:
    assert headline("\n  \n\u3000 会议纪要 \n正文", "fallback") == "会议纪要"


def test_a_text_with_no_words_is_titled_by_the_fallback() -> None:
    assert headline(" \n\n", "document.txt") == "document.txt"


def test_a_headline_of_the_longest_allowed_length_is_kept_whole() -> None:
    line = "会" * MAX_TITLE_CHARACTERS
    assert headline(line + "\n正文", "fallback") == line


def test_a_longer_headline_is_cut_to_the_allowed_length_with_an_ellipsis() -> None:
    line = "会议" * MAX_TITLE_CHARACTERS
    assert headline(line, "fallback") == line[:MAX_TITLE_CHARACTERS] + "…"


def headline_by_splitting(text: str, fallback: str) -> str:
    """The headline as it was found before: by splitting the whole text into lines."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARACTERS else line[:MAX_TITLE_CHARACTERS] + "…"
    return fallback


LINE_ENDS_AND_SPACES = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029 \t\u3000"


@settings(max_examples=500)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([*LINE_ENDS_AND_SPACES, "\r\n", "标题", "a" * 130]),
            st.text(max_size=8),
        ),
        max_size=12,
    ).map("".join)
)
def test_the_headline_is_the_first_line_str_splitlines_would_give(text: str) -> None:
    assert headline(text, "fallback") == headline_by_splitting(text, "fallback")
