"""One script for searching: Traditional folds to Simplified, character by character.

A search compares the folded query with the folded text. Folding maps each code point to
exactly one code point, so a position in the folded text is the same position in the clean
text, and folding a part of a text gives the same part of the folded text: phrase-level
conversion (OpenCC's t2s with its phrase tables) would give neither, so only OpenCC's
one-character tables are used. ASCII letters fold to lower case and full-width letters and
digits to ASCII (ＣＯＶＩＤ finds covid).
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import cache
from pathlib import Path

# Variant spellings to the OpenCC standard first, then the standard to Simplified.
_TABLES = ("TWVariantsRev.txt", "HKVariantsRev.txt", "TSCharacters.txt")
_FULL_WIDTH_OFFSET = 0xFF01 - 0x21


def _one_character_entries(name: str) -> dict[int, int]:
    # The tables of opencc-python-reimplemented, found without importing it (its import
    # reads every table, which a search does not need).
    spec = importlib.util.find_spec("opencc")
    assert spec is not None and spec.origin is not None, "opencc is a dependency"
    folder = Path(spec.origin).parent / "dictionary"
    table: dict[int, int] = {}
    for line in (folder / name).read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ")[0]
        if len(key) == 1 and len(first) == 1 and key != first:
            table[ord(key)] = ord(first)
    return table


@cache
def fold_table() -> dict[int, int]:
    """Code point -> code point, chains resolved (fold(fold(x)) == fold(x))."""
    table: dict[int, int] = {}
    for name in _TABLES:
        for key, value in _one_character_entries(name).items():
            table.setdefault(key, value)
    for letter in range(ord("A"), ord("Z") + 1):
        table[letter] = letter + 32
    for ascii_code in [*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B)]:
        table[ascii_code + _FULL_WIDTH_OFFSET] = table.get(ascii_code, ascii_code)
    resolved = {}
    for key in table:
        value, seen = table[key], {key}
        while value in table and value not in seen:
            seen.add(value)
            value = table[value]
        if value != key:
            resolved[key] = value
    return resolved


@cache
def _foldable() -> frozenset[str]:
    return frozenset(map(chr, fold_table()))


def fold(text: str) -> str:
    """``text`` in one script and case, code point for code point (same length)."""
    if _foldable().isdisjoint(text):  # most Simplified texts: no copy, no per-character work
        return text
    return text.translate(fold_table())


@cache
def fold_fingerprint() -> str:
    """Names the folding: an index made with another one must be built again."""
    items = sorted(fold_table().items())
    return hashlib.sha256(repr(items).encode()).hexdigest()[:16]


def index_grams(folded: str) -> str:
    """What the full-text index is given for a folded text: every character with the one after
    it (the last one alone), separated by spaces. The index's ascii tokenizer keeps non-ASCII
    characters and ASCII letters and digits in tokens and splits at the rest, so a pair of
    such characters is one token, and consecutive pairs are consecutive tokens: a word of n
    characters is the phrase of its n-1 pairs, a single character the prefix of a token.

    Built as 32-bit code units, each pair in a slot of three (character, next, space): six
    times faster than joining the pairs as strings, which an index build of 100,000
    documents would wait for."""
    length = len(folded)
    units = memoryview(folded.encode("utf-32-le")).cast("I")
    grams = bytearray((" " * (3 * length)).encode("utf-32-le"))
    slots = memoryview(grams).cast("I")
    slots[0::3] = units
    slots[1 : 3 * length - 3 : 3] = units[1:]
    return grams.decode("utf-32-le")


def is_token_character(character: str) -> bool:
    """Whether the index's tokenizer keeps ``character`` in a token."""
    return ord(character) > 127 or character.isalnum()
