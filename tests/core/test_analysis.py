"""What ``jiyao analyze`` prints for one text (desktop/core/analysis.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import conversion
from desktop.core.analysis import analyze_text, convert_for_reading
from desktop.core.cleaning import clean
from desktop.core.script import detect_script
from desktop.core.textio import DecodedText

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = sorted((ROOT / "tests" / "data" / "entities").glob("heldout*/*.txt"))
TRADITIONAL = [path for path in HELDOUT if "traditional" in path.name][:2]
SIMPLIFIED = [path for path in HELDOUT if "simplified" in path.name][:2]


@pytest.mark.parametrize("path", TRADITIONAL + SIMPLIFIED, ids=lambda p: p.name)
@pytest.mark.parametrize("requested", [None, "t2s", "s2twp", "tw2sp"])
def test_the_converted_text_is_the_reading_conversion(path: Path, requested: str | None) -> None:
    # For Traditional and mixed text the t2s conversion is the very text the entities matched
    # on (issue 22): what convert_for_reading gives all the same.
    text = clean(path.read_text("utf-8")).text
    script = detect_script(text).script
    want, notice = convert_for_reading(text, script, requested)
    record = analyze_text(DecodedText(text, "utf-8"), path=path.name, conversion=requested)
    assert (record["conversion"], record["converted"]) == (want.config, want.text)
    assert record.get("notice", "") == notice


def test_a_traditional_text_is_converted_to_simplified_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.core.entities import matching_text

    matching_text.cache_clear()  # an earlier test may have left this text's t2s there
    text = clean(TRADITIONAL[0].read_text("utf-8")).text
    conversions: list[str] = []
    real = conversion.Converter.convert

    def counted(self: conversion.Converter, source: str, **options: bool) -> conversion.Conversion:
        if source == text:
            conversions.append(self.config)
        return real(self, source, **options)

    monkeypatch.setattr(conversion.Converter, "convert", counted)
    record = analyze_text(DecodedText(text, "utf-8"), path="t.txt")
    assert record["conversion"] == "t2s" and record["entities"]
    assert conversions == ["t2s"]


def test_an_unknown_conversion_is_refused_before_any_analysis() -> None:
    with pytest.raises(conversion.UnknownConversion):
        analyze_text(DecodedText("会议强调，要抓好落实。", "utf-8"), path="x", conversion="x2y")
