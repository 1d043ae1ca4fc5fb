"""The one offset-map type: deletions (cleaning), phrase conversion, UTF-16 units."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.offsets import OffsetMap, OffsetMapBuilder


def spans(length: int) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(0, length), st.integers(0, length)).map(
        lambda pair: (min(pair), max(pair))
    )


@st.composite
def text_with_span(draw: st.DrawFn, alphabet: str | None = None) -> tuple[str, int, int]:
    text = draw(st.text(alphabet=alphabet, max_size=40) if alphabet else st.text(max_size=40))
    start, end = draw(spans(len(text)))
    return text, start, end


@st.composite
def deletions_of(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    length = draw(st.integers(0, 60))
    cuts = sorted(draw(st.lists(st.integers(0, length), max_size=10)))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return length, pairs


ASTRAL_HEAVY = "中文𠮷𩸽a😀 \n"


@given(text_with_span(ASTRAL_HEAVY))
def test_utf16_map_agrees_with_encoding_the_prefix(case: tuple[str, int, int]) -> None:
    text, start, end = case
    mapping = OffsetMap.for_utf16(text)
    units = lambda n: len(text[:n].encode("utf-16-le")) // 2  # noqa: E731
    assert mapping.map_span(start, end) == (units(start), units(end))


@given(text_with_span())
def test_utf16_there_and_back_is_identity_on_every_span(case: tuple[str, int, int]) -> None:
    text, start, end = case
    mapping = OffsetMap.for_utf16(text)
    assert mapping.map_span_back(*mapping.map_span(start, end)) == (start, end)


def test_utf16_counts_a_character_outside_the_bmp_as_two_units() -> None:
    mapping = OffsetMap.for_utf16("𠮷野家")
    assert mapping.target_length == 4
    assert mapping.map_span(1, 3) == (2, 4)


@given(deletions_of(), st.data())
def test_clean_spans_survive_a_round_trip_through_raw(
    case: tuple[int, list[tuple[int, int]]], data: st.DataObject
) -> None:
    length, deletions = case
    raw_to_clean = OffsetMap.from_deletions(length, deletions)
    start, end = data.draw(spans(raw_to_clean.target_length))
    raw_span = raw_to_clean.map_span_back(start, end)
    assert raw_to_clean.map_span(*raw_span) == (start, end)


@given(deletions_of())
def test_every_clean_character_maps_to_a_kept_raw_character(
    case: tuple[int, list[tuple[int, int]]],
) -> None:
    length, deletions = case
    raw = "".join(chr(0x4E00 + i) for i in range(length))
    clean = "".join(c for i, c in enumerate(raw) if not any(s <= i < e for s, e in deletions))
    mapping = OffsetMap.from_deletions(length, deletions)
    for i, character in enumerate(clean):
        raw_start, raw_end = mapping.map_span_back(i, i + 1)
        assert raw[raw_start:raw_end] == character


def test_a_span_inside_a_block_widens_to_the_whole_block() -> None:
    builder = OffsetMapBuilder()
    builder.copy(2)
    builder.replace(4, 3)  # 網際網路 -> 互联网
    builder.copy(1)
    mapping = builder.build()
    assert mapping.map_span(3, 4) == (2, 5)
    assert mapping.map_span(2, 6) == (2, 5)
    assert mapping.map_span(6, 7) == (5, 6)
    assert mapping.map_span_back(3, 4) == (2, 6)


def test_a_removed_span_maps_to_an_empty_span_at_its_place() -> None:
    mapping = OffsetMap.from_deletions(10, [(3, 7)])
    assert mapping.map_span(4, 6) == (3, 3)
    assert mapping.map_span(0, 10) == (0, 6)


def test_overlapping_deletions_are_rejected() -> None:
    with pytest.raises(ValueError, match="bad deletion span"):
        OffsetMap.from_deletions(10, [(1, 5), (4, 6)])


def test_positions_outside_the_text_are_rejected() -> None:
    with pytest.raises(IndexError):
        OffsetMap.identity(3).map_span(0, 4)


def test_equal_length_replacements_stay_one_to_one() -> None:
    builder = OffsetMapBuilder()
    builder.replace(3, 3)
    assert builder.build().is_identity
