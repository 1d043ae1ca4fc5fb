"""The compact table of the dictionary words the entity rules look up (issue 13, memory)."""

from __future__ import annotations

import marshal

import pytest

from desktop.core.word_table import WordTable

ENTRIES = [
    ("经济", 17016, "n"),
    ("严格", 6470, "ad"),
    ("中华人民", 120, "nz"),  # four characters: the longest that packs
    ("𠀀𠀁", 300, "n"),  # outside the Basic Multilingual Plane: two units each, still packed
    ("𠀀𠀁𠀂", 310, "n"),  # too long to pack: kept apart
    ("a\0b", 105, "x"),  # holds the padding: kept apart
    ("经济学家", 1020, "n"),  # shares its start with 经济
    ("ab", 100, "eng"),
    ("一一", 200, "m"),  # 一 is U+4E00: its low byte is the padding's
]


def test_every_word_is_found_with_its_frequency_and_tag() -> None:
    table = WordTable.of(ENTRIES)
    for word, frequency, tag in ENTRIES:
        assert table[word] == (frequency, tag)
        assert table.get_entry(word) == (frequency, tag)
        assert word in table
    assert len(table) == len(ENTRIES)
    assert dict(table) == {word: (frequency, tag) for word, frequency, tag in ENTRIES}


@pytest.mark.parametrize(
    "absent", ["经", "经济学", "严", "中华人民共和国", "", "𠀀", "AB", "a\0", "\ud840\udc00"]
)
def test_a_word_not_in_the_table_is_not_found(absent: str) -> None:
    table = WordTable.of(ENTRIES)
    assert table.get_entry(absent) is None
    assert absent not in table
    with pytest.raises(KeyError):
        table[absent]


def test_a_word_given_twice_keeps_its_last_entry() -> None:
    table = WordTable.of([("经济", 1, "n"), ("经济", 2, "v"), ("𠀀𠀁", 1, "n"), ("𠀀𠀁", 3, "a")])
    assert dict(table) == {"经济": (2, "v"), "𠀀𠀁": (3, "a")}


def test_the_table_comes_back_whole_from_its_bytes() -> None:
    table = WordTable.of(ENTRIES)
    again = WordTable.from_bytes(table.to_bytes())
    assert again == table and dict(again) == dict(table)
    assert WordTable.from_bytes(WordTable.of([]).to_bytes()) == {}


def _parts() -> list[object]:
    return list(marshal.loads(WordTable.of(ENTRIES).to_bytes()))


def _with(index: int, value: object) -> bytes:
    parts = _parts()
    parts[index] = value
    return marshal.dumps(tuple(parts))


@pytest.mark.parametrize(
    "damaged",
    [
        b"",
        b"\x00not marshal",
        WordTable.of(ENTRIES).to_bytes()[:-9],
        marshal.dumps(tuple(_parts()[:4])),  # a part missing
        _with(0, list(_parts()[0])),  # type: ignore[call-overload]  # a list, not bytes
        _with(0, bytes(reversed(_parts()[0]))),  # type: ignore[call-overload]  # not sorted
        _with(1, b"\x01"),  # frequencies of another length
        _with(3, ("n",)),  # tag numbers beyond the tags
        _with(4, {"a\0b": 105}),  # an entry that is not (frequency, tag)
    ],
)
def test_damaged_bytes_are_refused(damaged: bytes) -> None:
    with pytest.raises(ValueError):
        WordTable.from_bytes(damaged)
