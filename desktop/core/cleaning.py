"""Source artefacts -> clean text, with the offset map back to the raw text.

Two artefacts are removed, both seen in real documents:

- pinyin glosses that a character-by-character converter wrote after every character
  it changed: ``服務(wù)`` -> ``服務``, ``書(shū)記`` -> ``書記``. A gloss is one pinyin
  syllable with a tone mark, in ASCII or full-width parentheses, right after a Han
  character; so ``(精选3篇)``, ``(一)``, ``今(29)日``, ``(臺灣)``, ``(WHO)`` and
  ``儿(er)`` all stay.
- injected link words listed in ``resources/cleaning/injected_tokens.txt``, in texts that
  also carry pinyin glosses
  (``管錨點用`` -> ``管用``), with any glosses between their characters
  (``管錨點(diǎn)用`` loses ``錨點`` as an injected word and ``(diǎn)`` as a gloss).

The raw text is never changed; :class:`CleanedText` carries what was removed, in raw offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from desktop.core.model import Removal
from desktop.core.offsets import OffsetMap
from desktop.core.patterns import HAN_CLASS
from desktop.core.resources import read_data_lines

_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = r"[(（][a-zü" + _TONE_MARKS + r"]{1,6}[)）]"
_PINYIN_GLOSS = re.compile(r"(?<=[" + HAN_CLASS + r"])" + _GLOSS)
_SYLLABLE = re.compile(r"^(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[aeiouüv]{1,3}(?:n|ng|r)?$")
_STRIP_TONES = str.maketrans(_TONE_MARKS, "aaaaeeeeiiiioooouuuuüüüü")


@dataclass(frozen=True)
class CleanedText:
    raw: str
    text: str
    removals: tuple[Removal, ...]

    @cached_property
    def raw_to_clean(self) -> OffsetMap:
        # Built on demand: importing a corpus never needs it.
        return OffsetMap.from_deletions(len(self.raw), [(r.start, r.end) for r in self.removals])

    @property
    def clean_to_raw(self) -> OffsetMap:
        return self.raw_to_clean.inverse


@cache
def is_pinyin_gloss(gloss: str) -> bool:
    """``(wù)`` yes; ``(er)`` (no tone mark), ``(běijīng)`` (two syllables) no."""
    inner = gloss[1:-1]
    if not any(mark in inner for mark in _TONE_MARKS):
        return False
    return bool(_SYLLABLE.match(inner.translate(_STRIP_TONES)))


@cache
def _injected_token_pattern() -> re.Pattern[str] | None:
    tokens = sorted(read_data_lines("cleaning", "injected_tokens.txt"), key=len, reverse=True)
    if not tokens:
        return None
    # A gloss may stand between the token's characters; one after it is an ordinary gloss.
    alternatives = [f"(?:{_GLOSS})?".join(map(re.escape, token)) for token in tokens]
    return re.compile("|".join(alternatives))


def find_removals(raw: str) -> list[Removal]:
    """The artefacts in ``raw``, in order, never overlapping.

    Injected words are removed only from texts that carry pinyin glosses, the signature of the
    pages that inject them: elsewhere 锚点 is a word like any other (以此为锚点).
    """
    glosses = _pinyin_glosses(raw)
    pattern = _injected_token_pattern()
    if not glosses or pattern is None:
        return glosses
    injected = [Removal(m.start(), m.end(), m.group(), "injected") for m in pattern.finditer(raw)]
    if not injected:
        return glosses  # already in order
    inside = {p for r in injected for p in range(r.start, r.end)}
    kept = [g for g in glosses if g.start not in inside]
    return sorted(kept + injected, key=lambda removal: removal.start)


def _pinyin_glosses(raw: str) -> list[Removal]:
    # A pinyin-glossed page holds hundreds: one group() per match, and the tuple built
    # directly (a named tuple's own constructor costs a Python call each).
    glosses: list[Removal] = []
    make = tuple.__new__
    for match in _PINYIN_GLOSS.finditer(raw):
        gloss = match.group()
        if is_pinyin_gloss(gloss):
            start, end = match.span()
            glosses.append(make(Removal, (start, end, gloss, "pinyin")))
    return glosses


def clean(raw: str) -> CleanedText:
    """Remove the source artefacts from ``raw``; offsets in the result are code points."""
    removals = find_removals(raw)
    return CleanedText(
        raw, without_spans(raw, [(r.start, r.end) for r in removals]), tuple(removals)
    )


def without_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the ``(start, end)`` spans taken out; they must not overlap (what
    :meth:`OffsetMap.from_deletions` checks)."""
    kept: list[str] = []
    position = 0
    for start, end in sorted(spans):
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    return "".join(kept)
