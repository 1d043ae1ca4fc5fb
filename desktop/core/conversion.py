"""OpenCC conversions with an exact alignment from the source text to the converted text.

Most configurations only swap characters one for one, so character i stays character i. The
phrase configurations (s2twp, tw2sp) also rewrite vocabulary and change length (網際網路 ->
互联网). For those the text is cut around every length-changing phrase and converted piece by
piece; the displayed text *is* the joined pieces, so the alignment is exact by construction.
Known bad conversions (负责人参加 -> 負責人蔘加) are fixed by the override table
``resources/conversion/overrides.tsv``, applied the same way: as pieces with a fixed result.

The engine is opencc-pyo3 where it installs, else opencc-python-reimplemented
(desktop/core/engines.py). The cuts come from the reimplemented package's dictionaries, which
are always installed; a phrase only the engine's newer dictionaries know stays inside a piece,
and the alignment is still exact at every piece's edges.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import opencc

from desktop.core.engines import derived_from_files, opencc_converter
from desktop.core.offsets import OffsetMap, OffsetMapBuilder
from desktop.core.patterns import alternation, compiled
from desktop.core.resources import read_data_lines
from desktop.core.script import Script, traditional_only_characters


@dataclass(frozen=True)
class ConversionConfig:
    name: str
    source: Script
    target: Script
    description: str


CONFIGS: dict[str, ConversionConfig] = {
    c.name: c
    for c in (
        ConversionConfig("t2s", Script.TRADITIONAL, Script.SIMPLIFIED, "Traditional to Simplified"),
        ConversionConfig(
            "tw2s", Script.TRADITIONAL, Script.SIMPLIFIED, "Traditional (Taiwan) to Simplified"
        ),
        ConversionConfig(
            "tw2sp",
            Script.TRADITIONAL,
            Script.SIMPLIFIED,
            "Traditional (Taiwan) to Simplified, with Mainland vocabulary",
        ),
        ConversionConfig(
            "hk2s", Script.TRADITIONAL, Script.SIMPLIFIED, "Traditional (Hong Kong) to Simplified"
        ),
        ConversionConfig(
            "s2t",
            Script.SIMPLIFIED,
            Script.TRADITIONAL,
            "Simplified to Traditional (OpenCC standard)",
        ),
        ConversionConfig(
            "s2tw", Script.SIMPLIFIED, Script.TRADITIONAL, "Simplified to Traditional (Taiwan)"
        ),
        ConversionConfig(
            "s2twp",
            Script.SIMPLIFIED,
            Script.TRADITIONAL,
            "Simplified to Traditional (Taiwan), with Taiwan vocabulary",
        ),
        ConversionConfig(
            "s2hk", Script.SIMPLIFIED, Script.TRADITIONAL, "Simplified to Traditional (Hong Kong)"
        ),
        ConversionConfig(
            "t2tw",
            Script.TRADITIONAL,
            Script.TRADITIONAL,
            "Traditional (OpenCC standard) to Taiwan standard",
        ),
        ConversionConfig(
            "t2hk",
            Script.TRADITIONAL,
            Script.TRADITIONAL,
            "Traditional (OpenCC standard) to Hong Kong standard",
        ),
    )
}


class UnknownConversion(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown conversion {name!r}; choose one of {', '.join(CONFIGS)}")


@dataclass(frozen=True)
class Conversion:
    config: str
    source: str
    text: str
    alignment: OffsetMap  # source -> converted text

    def changed_spans(self) -> list[tuple[int, int]]:
        """Spans of the converted text that differ from the source, merged into runs."""
        spans: list[tuple[int, int]] = []
        for segment in self.alignment.segments:
            if not segment.exact:
                if segment.target_length:
                    spans.append((segment.target_start, segment.target_end))
                continue
            offset = segment.target_start - segment.source_start
            for position in range(segment.source_start, segment.source_end):
                if self.source[position] != self.text[position + offset]:
                    spans.append((position + offset, position + offset + 1))
        return _merge_runs(spans)


def _merge_runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    fixed: str | None  # the override's result, or None to convert the piece with OpenCC


def protects_simplified_clauses(config: str, script: Script) -> bool:
    """Mixed text under a conversion from Traditional: keep its Simplified clauses as they are."""
    return CONFIGS[config].source is Script.TRADITIONAL and script is Script.MIXED


def would_damage(config: str, script: Script) -> bool:
    """True when ``config`` converts *from* Traditional and the text is already Simplified.

    t2s over Simplified text corrupts names (石祖乾 -> 石祖干): never do it.
    """
    return CONFIGS[config].source is Script.TRADITIONAL and script is Script.SIMPLIFIED


class Converter:
    """One OpenCC configuration. Instances are immutable after construction; share freely."""

    def __init__(self, config: str) -> None:
        if config not in CONFIGS:
            raise UnknownConversion(config)
        self.config = config
        self._opencc = opencc_converter(config)
        self._overrides = _overrides_for(config)
        self._override_pattern = _alternation(self._overrides)
        self._prefix_config, phrases = _cut_points(config)
        self._phrase_pattern = _alternation(phrases)

    def convert(self, text: str, *, keep_simplified_clauses: bool = False) -> Conversion:
        """Convert ``text``; the result's alignment maps every span exactly.

        ``keep_simplified_clauses``: for mixed-script text, leave alone every clause with no
        Traditional-only character, so a Traditional-to-Simplified conversion never touches
        the Simplified parts (石祖乾 stays 石祖乾).
        """
        pieces = self._pieces(text, keep_simplified_clauses)
        builder = OffsetMapBuilder()
        parts: list[str] = []
        for piece in pieces:
            source = text[piece.start : piece.end]
            converted = piece.fixed if piece.fixed is not None else self._opencc.convert(source)
            parts.append(converted)
            builder.replace(len(source), len(converted))
        return Conversion(self.config, text, "".join(parts), builder.build())

    def _pieces(self, text: str, keep_simplified_clauses: bool) -> list[_Piece]:
        """Cut ``text`` around kept clauses, overrides and phrases, leftmost-longest first."""
        cuts: list[_Piece] = []
        taken = bytearray(len(text))

        def cut(start: int, end: int, fixed: str | None) -> None:
            if start < end and not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                cuts.append(_Piece(start, end, fixed))

        if keep_simplified_clauses:
            for start, end in _outside(_traditional_runs(text), len(text)):
                cut(start, end, text[start:end])
        if self._override_pattern is not None:
            for m in self._override_pattern.finditer(text):
                cut(m.start(), m.end(), self._overrides[m.group()])
        if self._phrase_pattern is not None:
            # The phrase table reads the output of the stages before it, which keep length.
            staged = text
            if self._prefix_config is not None:
                staged = converter(self._prefix_config).convert(text).text
            for m in self._phrase_pattern.finditer(staged):
                cut(m.start(), m.end(), None)
        cuts.sort(key=lambda piece: piece.start)
        pieces: list[_Piece] = []
        position = 0
        for piece in cuts:
            if piece.start > position:
                pieces.append(_Piece(position, piece.start, None))
            pieces.append(piece)
            position = piece.end
        if position < len(text) or not pieces:
            pieces.append(_Piece(position, len(text), None))
        return pieces


_CLAUSE = compiled(r"[^，。；！？、,;!?\n]+")


def _traditional_runs(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` to convert when its Simplified clauses are kept: each clause
    holding a Traditional-only character, joined with the next such clause when only
    separators lie between them. One OpenCC call per stretch rather than one per clause
    and separator: a mixed document of 700,000 characters made 36,000 calls (issue 22)."""
    traditional = traditional_only_characters()
    runs: list[tuple[int, int]] = []
    simplified_since_last = True
    for clause in _CLAUSE.finditer(text):
        if traditional.isdisjoint(clause.group()):
            simplified_since_last = True
        elif runs and not simplified_since_last:
            runs[-1] = (runs[-1][0], clause.end())
        else:
            runs.append(clause.span())
            simplified_since_last = False
    return runs


def _outside(runs: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The stretches of ``range(length)`` between ``runs`` (sorted, apart)."""
    between, position = [], 0
    for start, end in runs:
        between.append((position, start))
        position = end
    between.append((position, length))
    return between


@cache
def converter(config: str) -> Converter:
    return Converter(config)


def simplified_for_matching(text: str, script: Script) -> tuple[str, OffsetMap]:
    """The Simplified text that jieba and the Simplified lexicons match on, with the alignment
    from ``text`` to it: ``text`` itself when Simplified, else t2s, which in mixed text leaves
    the Simplified clauses alone (石祖乾 stays 石祖乾)."""
    if script is Script.SIMPLIFIED:
        return text, OffsetMap.identity(len(text))
    conversion = converter("t2s").convert(text, keep_simplified_clauses=script is Script.MIXED)
    return conversion.text, conversion.alignment


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    words = list(words)
    return compiled(alternation(words)) if words else None


def _overrides_for(config: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in read_data_lines("conversion", "overrides.tsv"):
        configs, source, result = line.split("\t")
        if config in configs.split(","):
            table[source] = result
    return table


def _opencc_dir() -> Path:
    return Path(opencc.__file__).parent


def _config_path(config: str) -> Path:
    return _opencc_dir() / "config" / f"{config}.json"


@cache
def _chain(config: str) -> tuple[tuple[str, ...], ...]:
    """The dictionary files of each stage of an OpenCC configuration."""
    data = json.loads(_config_path(config).read_text(encoding="utf-8"))
    stages = []
    for stage in data["conversion_chain"]:
        entry = stage["dict"]
        files = [d["file"] for d in entry["dicts"]] if entry["type"] == "group" else [entry["file"]]
        stages.append(tuple(files))
    return tuple(stages)


@cache
def _length_changing_entries(dictionary: str) -> frozenset[str]:
    keys = set()
    path = _opencc_dir() / "dictionary" / dictionary
    for line in path.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t")
        if len(values.split(" ")[0]) != len(key):
            keys.add(key)
    return frozenset(keys)


@cache
def _phrases(dictionary: str) -> frozenset[str]:
    path = _opencc_dir() / "dictionary" / dictionary
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(key for key, _ in (line.split("\t") for line in lines) if len(key) > 1)


def _cut_points(config: str) -> tuple[str | None, list[str]]:
    """_length_changing_stage(config), from the cache of an earlier run on the same OpenCC
    files when there is one: finding it reads the whole phrase tables (20-50 ms of every
    analysis that converts, even to learn that s2tw keeps length; issue 22)."""
    sources = [_config_path(name) for name in CONFIGS]
    sources += [_opencc_dir() / "dictionary" / d for stage in _chain(config) for d in stage]
    prefix, phrases = derived_from_files(
        "opencc-cut-points",
        sources,
        config,
        lambda: _sorted_stage(config),
        _is_cut_points,
    )
    return prefix, phrases


def _sorted_stage(config: str) -> tuple[str | None, list[str]]:
    prefix, phrases = _length_changing_stage(config)
    return prefix, sorted(phrases)


def _is_cut_points(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and (value[0] is None or isinstance(value[0], str))
        and isinstance(value[1], list)
        and all(isinstance(phrase, str) for phrase in value[1])
    )


def _length_changing_stage(config: str) -> tuple[str | None, set[str]]:
    """The configuration that runs the stages before the length-changing one, and its keys.

    Returns ``(None, set())`` for configurations that keep length everywhere.
    """
    stages = _chain(config)
    for index, stage in enumerate(stages):
        if not any(_length_changing_entries(d) for d in stage):
            continue
        # Cut at every phrase of the stage, not only the length-changing ones: OpenCC picks the
        # longest phrase among them all, and so must the cuts (分頻多工 -> 频分复用).
        keys = set().union(*(_phrases(d) for d in stage))
        later = stages[index + 1 :]
        if any(_length_changing_entries(d) for s in later for d in s):
            raise NotImplementedError(f"{config}: more than one stage changes length")
        prefix = stages[:index]
        if not prefix:
            return None, keys
        for candidate in CONFIGS:
            if _chain(candidate) == prefix:
                return candidate, keys
        raise NotImplementedError(f"{config}: no configuration runs the stages before its phrases")
    return None, set()
