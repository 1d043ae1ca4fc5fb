"""The dictionary words the entity rules look up, held compactly (issue 13, memory).

The rules ask about 31,000 words of jieba's dictionary for their frequency and tag. As a dict
of strings and tuples they took 8 MiB of the window's memory; here each word is one 64-bit
number (its UTF-16 code units, left-aligned: up to four characters of the Basic Multilingual
Plane, or two beyond it; the rare others, and any holding U+0000, the padding, stay in a dict),
kept in a sorted array beside arrays of frequencies and tag numbers: 6 bytes a word beyond the
key, 0.4 MiB in all, read from the cache as three byte strings, not rebuilt object by object.
"""

from __future__ import annotations

import marshal
import operator
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice

# A dictionary word's frequency and tag.
Entry = tuple[int, str]

_KEY_BYTES = 8


# The arrays' item types: keys, frequencies, tag numbers.
_TYPECODES = ("Q", "I", "B")


def _key(word: str) -> int | None:
    """The word as one number, or None when it does not fit (those few stay in a dict)."""
    try:
        # Strict: a lone surrogate pair must not stand for the character it would make.
        units = word.encode("utf-16-be")
    except UnicodeEncodeError:
        return None
    if not units or len(units) > _KEY_BYTES or "\0" in word:
        return None
    return int.from_bytes(units.ljust(_KEY_BYTES, b"\0"), "big")


class WordTable(Mapping[str, Entry]):
    """A read-only mapping from word to (frequency, tag) in a few flat arrays."""

    def __init__(
        self,
        keys: array[int],
        frequencies: array[int],
        tag_numbers: array[int],
        tags: tuple[str, ...],
        others: dict[str, Entry],
    ) -> None:
        self._keys, self._frequencies, self._tag_numbers = keys, frequencies, tag_numbers
        self._tags, self._others = tags, others

    @classmethod
    def of(cls, entries: Iterable[tuple[str, int, str]]) -> WordTable:
        """The table of ``(word, frequency, tag)``; a word given twice keeps its last entry."""
        packed: dict[int, tuple[int, str]] = {}
        others: dict[str, Entry] = {}
        for word, frequency, tag in entries:
            key = _key(word)
            if key is None:
                others[word] = (frequency, tag)
            else:
                packed[key] = (frequency, tag)
        tags = tuple(sorted({tag for _, tag in packed.values()}))
        number = {tag: index for index, tag in enumerate(tags)}
        keys = sorted(packed)
        return cls(
            array(_TYPECODES[0], keys),
            array(_TYPECODES[1], (packed[key][0] for key in keys)),
            array(_TYPECODES[2], (number[packed[key][1]] for key in keys)),
            tags,
            others,
        )

    def get_entry(self, word: str) -> Entry | None:
        key = _key(word)
        if key is None:
            return self._others.get(word)
        at = bisect_left(self._keys, key)
        if at == len(self._keys) or self._keys[at] != key:
            return None
        return self._frequencies[at], self._tags[self._tag_numbers[at]]

    def __getitem__(self, word: str) -> Entry:
        entry = self.get_entry(word)
        if entry is None:
            raise KeyError(word)
        return entry

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get_entry(word) is not None

    def __iter__(self) -> Iterator[str]:
        for key in self._keys:
            # Padding goes by whole code units: 一 is 4E 00.
            yield key.to_bytes(_KEY_BYTES, "big").decode("utf-16-be", "surrogatepass").rstrip("\0")
        yield from self._others

    def __len__(self) -> int:
        return len(self._keys) + len(self._others)

    def to_bytes(self) -> bytes:
        arrays = (self._keys, self._frequencies, self._tag_numbers)
        return marshal.dumps((*(part.tobytes() for part in arrays), self._tags, self._others))

    @classmethod
    def from_bytes(cls, data: bytes) -> WordTable:
        """The table ``to_bytes`` wrote; ValueError when ``data`` is not one (a damaged cache
        is read again from the dictionary, never half believed)."""
        try:
            *blobs, tags, others = marshal.loads(data)
            keys, frequencies, tag_numbers = (
                array(code, blob) for code, blob in zip(_TYPECODES, blobs, strict=True)
            )
        except (EOFError, TypeError, ValueError, OverflowError) as error:
            raise ValueError(f"not a word table: {error}") from error
        if not (
            all(isinstance(blob, bytes) for blob in blobs)
            and len(keys) == len(frequencies) == len(tag_numbers)
            and isinstance(tags, tuple)
            and all(isinstance(tag, str) for tag in tags)
            and max(tag_numbers, default=-1) < len(tags)
            and all(map(operator.lt, keys, islice(keys, 1, None)))  # sorted, for bisect
            and _plain_entries(others)
        ):
            raise ValueError("not a word table: its parts do not match")
        return cls(keys, frequencies, tag_numbers, tags, others)


def _plain_entries(others: object) -> bool:
    return isinstance(others, dict) and all(
        isinstance(word, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[0], int)
        and isinstance(entry[1], str)
        for word, entry in others.items()
    )
