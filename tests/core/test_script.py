"""Which script a text is in, and the conversion a reader of it wants beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.cleaning import clean
from desktop.core.script import Script, default_conversion, detect_script

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
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
