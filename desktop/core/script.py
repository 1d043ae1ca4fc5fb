"""Which script a text is written in, and which conversion suits it.

A character counts as evidence only when it belongs to one script alone: ``這`` is
Traditional-only, ``这`` Simplified-only, ``乾`` is both (乾坤 in Simplified, 乾燥 in Traditional)
and counts for neither. The character sets come from OpenCC's own character tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import opencc

from desktop.core.engines import derived_from_files
from desktop.core.patterns import compiled


class Script(StrEnum):
    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    MIXED = "mixed"


# The share of script-specific characters one script must reach to name the text after it.
DOMINANT_SHARE = 0.9


@dataclass(frozen=True)
class ScriptReport:
    script: Script
    traditional_only: int  # distinct characters found in Traditional alone
    simplified_only: int


def _read_character_table(name: str) -> dict[str, list[str]]:
    path = Path(opencc.__file__).parent / "dictionary" / name
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        table[key] = values.split(" ")
    return table


def _script_only(table: dict[str, list[str]]) -> str:
    """Keys that always convert to something else and are never a conversion's result."""
    results = {value for values in table.values() for value in values}
    return "".join(key for key, values in table.items() if key not in values and key not in results)


_CHARACTER_TABLES = ("TSCharacters.txt", "STCharacters.txt")


@cache
def _script_only_characters() -> tuple[frozenset[str], frozenset[str]]:
    """The Traditional-only and the Simplified-only characters, from the cache of an earlier
    reading of the same tables when there is one (reading them cost 10 ms of every process
    that detects a script, issue 22)."""
    traditional, simplified = derived_from_files(
        "script-only-characters",
        _table_paths(),
        "",
        _read_script_only_characters,
        _is_two_strings,
    )
    return frozenset(traditional), frozenset(simplified)


def _table_paths() -> list[Path]:
    folder = Path(opencc.__file__).parent / "dictionary"
    return [folder / name for name in _CHARACTER_TABLES]


def _read_script_only_characters() -> tuple[str, str]:
    traditional = set(_script_only(_read_character_table(_CHARACTER_TABLES[0])))
    simplified = set(_script_only(_read_character_table(_CHARACTER_TABLES[1])))
    # A form can be a key of both tables; such a character is evidence of neither script.
    shared = traditional & simplified
    return "".join(sorted(traditional - shared)), "".join(sorted(simplified - shared))


def _is_two_strings(cached: object) -> bool:
    return (
        isinstance(cached, tuple)
        and len(cached) == 2
        and all(isinstance(characters, str) for characters in cached)
    )


def traditional_only_characters() -> frozenset[str]:
    return _script_only_characters()[0]


def detect_script(text: str) -> ScriptReport:
    traditional_set, simplified_set = _script_only_characters()
    # Count distinct characters, not occurrences: as good a vote (a repeated word is not more
    # evidence) and 10x cheaper than counting every occurrence.
    distinct = set(text)
    traditional = len(distinct & traditional_set)
    simplified = len(distinct & simplified_set)
    return ScriptReport(_script_of_counts(traditional, simplified), traditional, simplified)


def _script_of_counts(traditional: int, simplified: int) -> Script:
    """The script of a text with so many distinct characters of each script alone."""
    evidence = traditional + simplified
    if evidence == 0 or simplified / evidence >= DOMINANT_SHARE:
        # No evidence either way: treat as Simplified, so nothing runs t2s over it.
        return Script.SIMPLIFIED
    if traditional / evidence >= DOMINANT_SHARE:
        return Script.TRADITIONAL
    return Script.MIXED


def script_of(text: str) -> Script:
    """``detect_script(text).script``, without counting when the text holds characters of one
    script only, as most do: then a pattern search in C answers (the set of a text's
    characters costs a tenth of a millisecond a page, the most of any step of an import)."""
    traditional, simplified = _script_only_patterns()
    # Each pattern also finds any character outside the BMP (see _any_of): a text without a
    # match has neither such characters nor any of that script.
    if traditional.search(text) is None:
        return Script.SIMPLIFIED  # no Traditional evidence: Simplified, as detect_script says
    if simplified.search(text) is None:
        # No character outside the BMP, so the match was a Traditional one; no Simplified.
        return Script.TRADITIONAL
    return _script_of_both(text, traditional, simplified)


# The characters of each script that _script_of_both looks at before counting them all.
FIRST_EVIDENCE = 96


def _script_of_both(text: str, traditional: re.Pattern[str], simplified: re.Pattern[str]) -> Script:
    """The script of a text with characters of both, as detect_script counts it, from the
    first FIRST_EVIDENCE of each when they settle it. A page in one script with a few
    characters of the other (群 and 并 in a Traditional page) is settled by all of the few
    and some of the many: the set of distinct characters of the whole text is not needed."""
    traditional_set, simplified_set = _script_only_characters()
    found_traditional, all_traditional = _first_evidence(traditional, text, traditional_set)
    found_simplified, all_simplified = _first_evidence(simplified, text, simplified_set)
    counted = _script_of_counts(found_traditional, found_simplified)
    # Found so far: at most as many as the text holds, all of them when ``all_...``. More of
    # one script than found only strengthens that script's share: a count that names it,
    # with all of the other script's found, names it for the whole text.
    if (
        (all_traditional and all_simplified)
        or (counted is Script.TRADITIONAL and all_simplified)
        or (counted is Script.SIMPLIFIED and all_traditional)
    ):
        return counted
    return detect_script(text).script


def _first_evidence(
    pattern: re.Pattern[str], text: str, characters: frozenset[str]
) -> tuple[int, bool]:
    """How many distinct ``characters`` are among the first FIRST_EVIDENCE matches of
    ``pattern`` in ``text``, and whether those were all of its matches."""
    # A split stops after so many matches, in C; the matches (the pattern's one group) are
    # every other piece.
    pieces = pattern.split(text, FIRST_EVIDENCE)
    matches = pieces[1::2]
    return len(characters.intersection(matches)), len(matches) < FIRST_EVIDENCE


@cache
def _script_only_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of each script's characters alone, their sources cached with what else is
    derived from the tables (writing them out cost 6 ms of every process; issue 22)."""
    traditional, simplified = derived_from_files(
        "script-only-patterns",
        _table_paths(),
        "",
        lambda: tuple(map(_any_of, _script_only_characters())),
        _is_two_strings,
    )
    return compiled(traditional), compiled(simplified)


def _any_of(characters: frozenset[str]) -> str:
    """The source of a pattern that finds any of ``characters`` in the BMP, and any character
    beyond it.

    Ranges of consecutive characters, so it compiles in milliseconds; a class of BMP
    characters is a bitmap the engine tests in one step, while one that holds a character
    beyond the BMP would be a list searched one entry at a time: those are all taken, as
    one range, and a match there is left to the exact count."""
    points = sorted(ord(character) for character in characters if ord(character) <= 0xFFFF)
    ranges: list[list[int]] = []
    for point in points:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    bmp = "".join(
        re.escape(chr(first)) + ("" if first == last else "-" + re.escape(chr(last)))
        for first, last in ranges
    )
    return f"([{bmp}]|[\U00010000-\U0010ffff])"  # a group: see _first_evidence


def default_conversion(script: Script) -> str:
    """The conversion a reader of this script wants beside it.

    Simplified text is shown in Taiwan-standard Traditional (s2tw), not OpenCC's internal
    forms (s2t writes 爲, 峯, 羣); Traditional and mixed text in Simplified (t2s).
    """
    return "s2tw" if script is Script.SIMPLIFIED else "t2s"
