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
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, partial
from itertools import accumulate
from operator import sub

from desktop.core.model import Removal
from desktop.core.offsets import OffsetMap
from desktop.core.patterns import HAN_CLASS, compiled
from desktop.core.resources import read_data_lines

_TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS = r"[(（][a-zü" + _TONE_MARKS + r"]{1,6}[)）]"
_PINYIN_GLOSS = compiled(r"(?<=[" + HAN_CLASS + r"])" + _GLOSS)
_SYLLABLE = compiled(r"^(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[aeiouüv]{1,3}(?:n|ng|r)?$")
_STRIP_TONES = str.maketrans(_TONE_MARKS, "aaaaeeeeiiiioooouuuuüüüü")
# The same glosses in one expression, so a whole text is split at them in C: what
# _PINYIN_GLOSS finds and is_pinyin_gloss accepts (at most six letters, a tone mark among
# them, one syllable: initial, one to three vowels, a final n, ng or r). A test holds the
# two to the same answers.
_EXACT_GLOSS = compiled(
    # The parenthesis first, then the look back: the engine skips ahead to parentheses.
    r"([(（](?<=[" + HAN_CLASS + r"][(（])"
    r"(?=[a-zü" + _TONE_MARKS + r"]{1,6}[)）])"
    r"(?=[a-zü]*[" + _TONE_MARKS + r"])"
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[aeiouüv" + _TONE_MARKS + r"]{1,3}(?:n|ng|r)?[)）])"
)
_new_removal = partial(tuple.__new__, Removal)


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
    return compiled("|".join(alternatives))


def find_removals(raw: str) -> list[Removal]:
    """The artefacts in ``raw``, in order, never overlapping.

    Injected words are removed only from texts that carry pinyin glosses, the signature of the
    pages that inject them: elsewhere 锚点 is a word like any other (以此为锚点).
    """
    return _removals(_scan(raw)[0])


def clean(raw: str) -> CleanedText:
    """Remove the source artefacts from ``raw``; offsets in the result are code points."""
    fields, text = _scan(raw)
    return CleanedText(raw, text, tuple(_removals(fields)))


def cleaned_for_storage(raw: str) -> tuple[str, str]:
    """``clean(raw)``'s text, and its removals as the store keeps them: the JSON text
    ``json.dumps([[start, end, kind], ...])`` writes, character for character.

    Without a Removal made for each removal: a glossed page holds hundreds, and making
    them cost an import more than writing them out (issue 13, import speed)."""
    fields, text = _scan(raw)
    if not fields:
        return text, "[]"
    values = fields[:]
    del values[2::_FIELDS]  # the texts: each removal's start, end and kind are left
    template = ", ".join([_REMOVAL_JSON] * (len(fields) // _FIELDS))
    return text, f"[{template % tuple(values)}]"


# The fields of every removal one after another (start, end, text, kind, start, ...): made
# and spliced by slices, in C, where a Removal each is a Python call each.
_FIELDS = 4
_Fields = list[int | str]
# One removal as json.dumps writes [start, end, kind]: the kinds are plain words, and %s
# writes an int as json.dumps does.
_REMOVAL_JSON = '[%s, %s, "%s"]'


def _removals(fields: _Fields) -> list[Removal]:
    return list(map(_new_removal, zip(*(fields[i::_FIELDS] for i in range(_FIELDS)), strict=True)))


def _scan(raw: str) -> tuple[_Fields, str]:
    """The removals' fields, and the clean text."""
    if "(" not in raw and "（" not in raw:
        return [], raw  # no gloss without a parenthesis; most pages have none
    # Split at the glosses: text, gloss, text, gloss, ..., text. A glossed page holds hundreds
    # of them, so positions and removals are made by C loops, not one Python step a gloss.
    pieces = _EXACT_GLOSS.split(raw)
    if len(pieces) == 1:
        return [], raw
    ends = list(accumulate(map(len, pieces)))
    count = len(pieces) // 2
    glosses: _Fields = [0] * (_FIELDS * count)
    glosses[0::_FIELDS] = ends[0:-1:2]
    glosses[1::_FIELDS] = ends[1::2]
    glosses[2::_FIELDS] = pieces[1::2]
    glosses[3::_FIELDS] = ["pinyin"] * count
    text = "".join(pieces[0::2])
    pattern = _injected_token_pattern()
    if pattern is None:
        return glosses, text
    injected = [(m.start(), m.end(), m.group(), "injected") for m in pattern.finditer(raw)]
    if not injected:
        return glosses, text
    return _with_injected(glosses, text, injected, piece_ends=ends)


def _with_injected(
    glosses: _Fields,
    text: str,
    injected: list[tuple[int, int, str, str]],
    *,
    piece_ends: list[int],
) -> tuple[_Fields, str]:
    """The removals' fields and clean text once injected words are taken out as well.

    An injected word begins and ends with a Han character, so a gloss lies wholly inside it
    (taken out with it) or wholly outside; ``text`` is ``raw`` without the glosses, and a
    word's place in it is its raw place less the glosses before it. ``piece_ends``: where
    each piece of the split (text, gloss, text, ...) ends in ``raw``."""
    # Where each gloss ends in ``raw``, and how many characters the glosses up to it hold.
    gloss_ends = piece_ends[1::2]
    removed_before = [0, *accumulate(map(sub, gloss_ends, piece_ends[0:-1:2]))]
    removals: _Fields = []
    kept: list[str] = []
    gloss_from = 0  # the first gloss not yet placed
    clean_from = 0  # where the clean text not yet kept starts
    for word in injected:
        word_start, word_end = word[0], word[1]
        first_inside = bisect_right(gloss_ends, word_start)
        after = bisect_right(gloss_ends, word_end)
        removals += glosses[_FIELDS * gloss_from : _FIELDS * first_inside]
        removals += word
        start = word_start - removed_before[first_inside]
        kept.append(text[clean_from:start])
        clean_from = word_end - removed_before[after]
        gloss_from = after
    removals += glosses[_FIELDS * gloss_from :]
    kept.append(text[clean_from:])
    return removals, "".join(kept)


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
