"""The field checks every reader shares: they give a value of the right type or a one-line
reason, never the Python spelling of a wrong one ("None", "[...]")."""

from __future__ import annotations

import pytest

from desktop.core.exports.fields import (
    BadField,
    RecordedCorrection,
    as_string,
    attribute_spec,
    color,
    correction_from_json,
    correction_to_json,
    each,
    label,
    offset,
    offsets,
)
from desktop.core.labels import AttributeSpec
from desktop.core.model import Entity, EntityCorrection


def test_a_correction_survives_its_json_and_a_bad_one_is_refused() -> None:
    correction = EntityCorrection("add", Entity("PERSON", 0, 3, "張愛軍", "user"), "研究员", "t")
    assert correction_from_json(correction_to_json(correction)) == correction
    recorded = correction_from_json(correction_to_json(correction, (2, 5)))
    assert isinstance(recorded, RecordedCorrection) and recorded.source_span == (2, 5)
    for bad in ({**correction_to_json(correction), "action": "Add"}, [1], {"action": "add"}):
        with pytest.raises(BadField):
            correction_from_json(bad)


@pytest.mark.parametrize("value", [None, "", "  ", "a//b", "/a", "a/", 3, ["a"]])
def test_a_label_that_names_nothing_is_refused(value: object) -> None:
    with pytest.raises(BadField):
        label(value)


def test_a_label_path_is_a_label() -> None:
    assert label("Support measures/Labour") == "Support measures/Labour"


@pytest.mark.parametrize("value", [True, 1.0, "3", None])
def test_an_offset_is_a_whole_number_and_not_a_boolean(value: object) -> None:
    with pytest.raises(BadField):
        offset(value)
    with pytest.raises(BadField, match="whole numbers"):
        offsets({"start": 0, "end": value})


@pytest.mark.parametrize(
    ("value", "text"), [("a", "a"), (None, ""), (2020, "2020"), (["a"], ""), ({"a": 1}, "")]
)
def test_a_text_field_is_never_the_python_spelling_of_another_type(
    value: object, text: str
) -> None:
    assert as_string(value) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("#A0C0E0", "#A0C0E0"), ("#a0c", "#aa00cc"), ("red", ""), ("#a0c0e0\n", ""), (None, "")],
)
def test_a_colour_is_rrggbb_or_nothing(value: object, expected: str) -> None:
    assert color(value) == expected


def test_each_keeps_the_good_items_and_names_the_bad_ones() -> None:
    refused: list[tuple[int, str]] = []
    parsed = each([1, "x", 3, {}], offset, lambda number, why: refused.append((number, why)))
    assert parsed == [1, 3]
    assert [number for number, _ in refused] == [2, 4]


def test_an_attribute_definition_jiyao_cannot_use_is_none() -> None:
    assert attribute_spec("strength", {"kind": "choice", "values": ["a"]}) == AttributeSpec(
        "strength", "strength", "choice", ("a",)
    )
    assert attribute_spec("strength", {"kind": "choice"}) is None
    assert attribute_spec("strength", ["not", "a", "definition"]) is None
    assert attribute_spec("", {"kind": "text"}) is None
