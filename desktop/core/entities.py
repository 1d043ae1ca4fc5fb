"""People, places, organisations, titles, dates and numbers in government readouts.

jieba's tags alone are noisy on this genre (PERSON by ``nr`` scored P 0.60 / R 0.75), so the
pipeline layers rules over them. Each layer claims spans; later layers only fill what is free:

1. DATE and NUMBER by regular expressions (whole: 2020年02月12日08:28, 十个方面).
2. TITLE from the lexicons: an office prefix, 常务/副, a position (市委|副|书记).
3. PERSON by context first (the name after a title, each item of 市领导A、B、C), then
   jieba's ``nr`` words that start with a known surname and are not known false hits.
4. ORG from fixed names and from words that end a body's name (…指挥部, …集团).
5. PLACE from the gazetteer and jieba's ``ns`` words, with an administrative suffix.

jieba's dictionary is Simplified, so Traditional text is converted with t2s first (it keeps
length) and spans map back through the conversion alignment. Lexicons are plain files under
``resources/entities/``. Offsets are code points into the given text, end-exclusive.
"""

from __future__ import annotations

import logging
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter

# The analysis of a text makes many acyclic objects: 300,000 characters make 165,000 word
# tuples, as many list entries and thousands of matches, none in a cycle, yet the collector
# would walk them again and again as they are made (tagging 0.3 s -> 0.18 s, the rules a
# fifth less). ``collector_paused`` is named here too for the callers that import it here.
from desktop.core.collector import collector_paused as collector_paused
from desktop.core.conversion import simplified_for_matching
from desktop.core.engines import Tagger, new_tagger
from desktop.core.model import Entity
from desktop.core.offsets import OffsetMap
from desktop.core.patterns import (
    HAN_RUN,
    alternation,
    alternation_branches,
    compiled,
)
from desktop.core.resources import read_data_lines
from desktop.core.script import Script, detect_script

log = logging.getLogger(__name__)

# Bump when the output can change, so cached entities are recomputed.
PIPELINE_VERSION = 5
# A long text's entities come a piece of about this many characters at a time (iter_entities).
PIECE_CHARACTERS = 20_000
TYPES = ("PERSON", "TITLE", "ORG", "PLACE", "DATE", "NUMBER")

_DIGITS = r"[0-9０-９]"
_CN_DIGITS = "〇零一二两三四五六七八九十百千万"
_MONTH = rf"(?:{_DIGITS}{{1,2}}|十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:{_DIGITS}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_PART_OF_DAY = r"(?:上午|下午|中午|晚上|凌晨|早上|傍晚|晚|早|夜间|全天)"
# Space inside a date or a document number, never a line break: each paragraph is analysed
# on its own (see iter_entities), so nothing may reach across one.
_S = r"[ \t\u3000]*"
_CLOCK = (
    rf"(?:(?:{_DIGITS}{{1,2}}[:：]{_DIGITS}{{2}}(?:[:：]{_DIGITS}{{2}})?"
    rf"|(?:{_DIGITS}{{1,2}}|零)[时点](?:{_DIGITS}{{1,2}}分|半)?"
    # 2月17日0—24时: the first hour of a range has no 时 of its own
    rf"|{_DIGITS}{{1,2}}(?={_S}[—–~-]{_S}{_DIGITS}{{1,2}}[时点]))"
    # 2月17日0—24时: a range of hours belongs to the date
    rf"(?:{_S}[—–~-]{_S}{_DIGITS}{{1,2}}[时点])?)"
)


# A date, each alternative written with its first character taken first (look-behinds tell
# which character it was, and reach one further back): a pattern that opens with a class of
# characters is tried only where one stands, found in C, not at every position (issue 22).
# The plain pattern it matches as is in tests/core/test_entities_speed_equivalence.py.
_YEAR_NUMERALS = "〇零一二三四五六七八九"
_AFTER_YEAR = rf"年(?:{_MONTH}月(?:份|{_DAY}[日号])?)?{_S}{_PART_OF_DAY}?{_S}{_CLOCK}?"
_DATE = compiled(
    rf"[0-9０-９民今{_CN_DIGITS}](?:"
    + "|".join(
        [
            # 2020-03-21 11:13:17, 109-02-06
            rf"(?<=[0-9０-９]){_DIGITS}{{1,3}}[-/.]{_DIGITS}{{1,2}}[-/.]{_DIGITS}{{1,2}}"
            rf"(?:{_S}{_CLOCK})?",
            # (民国)2020年02月12日08:28, 2月10日下午, 3月份, 2020年
            # A year in Chinese numerals is written digit by digit (二〇二〇年); 三十年 is a span.
            rf"(?<=民)[国國](?:{_DIGITS}{{2,4}}|[{_YEAR_NUMERALS}]{{4}}){_AFTER_YEAR}",
            rf"(?<=[0-9０-９]){_DIGITS}{{1,3}}{_AFTER_YEAR}",
            rf"(?<=[{_YEAR_NUMERALS}])[{_YEAR_NUMERALS}]{{3}}{_AFTER_YEAR}",
            rf"(?<=[0-9０-９]){_DIGITS}?月{_DIGITS}{{1,2}}[日号]{_S}{_PART_OF_DAY}?{_S}{_CLOCK}?",
            # 3月份, 3月底, 6月 (a month on its own; 6个月 is a duration, not a date)
            rf"(?<=[0-9０-９]){_DIGITS}?月(?:份|底|初|末|上旬|中旬|下旬)?",
            rf"(?<=[{_CN_DIGITS}])[{_CN_DIGITS}]{{0,2}}月[{_CN_DIGITS}]{{1,3}}[日号]"
            rf"{_S}{_PART_OF_DAY}?{_S}{_CLOCK}?",
            # 今(29)日, 16日24时
            rf"(?<=今)[(（]{_DIGITS}{{1,2}}[)）]日{_S}{_PART_OF_DAY}?",
            rf"(?<=[0-9０-９]){_DIGITS}?[日号]{_S}(?:{_PART_OF_DAY}{_S})?{_CLOCK}",
            rf"(?<=[0-9０-９]){_DIGITS}?[日号]{_S}{_PART_OF_DAY}",
            # 截至17日: a bare day where the words before it make it a date
            rf"(?<=(?:截至|截止)[0-9０-９]){_DIGITS}?[日号]",
        ]
    )
    + ")"
)


class _Tokens:
    """A text's words in order, with the look-ups every layer makes, built once per text.

    Parallel sequences indexed by word (``words[i]``, ``flags[i]``, ``starts[i]``,
    ``ends[i]``), not an object per word: 700,000 characters make 385,000 words, and a tuple
    for each cost more than the tagging itself (issue 22). Each is built by C loops (map,
    accumulate, a regular expression), never by a Python loop over the words; and each is a
    tuple, not a list: a tuple of strings or numbers leaves the cyclic collector's lists the
    first time it is looked at, where a list is walked item by item at every collection while
    a document's pieces are kept (50 ms of a 700,000-character document)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.words: tuple[str, ...] = tuple(map(itemgetter(0), pairs))
        self.flags: tuple[str, ...] = tuple(map(itemgetter(1), pairs))
        self.ends = tuple(accumulate(map(len, self.words)))  # in order, for bisect
        self.starts = (0, *self.ends[:-1]) if self.ends else ()
        # Where a word starts or ends: every start but the first is the end of the word
        # before, so one set holds both (0 and the text's end aside; a set of 385,000
        # positions for a 700,000-character document costs). A position inside the text is
        # a word's start if it is here, one after its start a word's end.
        self.boundaries = frozenset(self.ends).union(self.starts[:1])
        # A character for each word's tag: the words of a few tags are found by a regular
        # expression over them, in C, not by testing every word in Python (issue 22).
        codes = _TagCodes()
        tags = "".join(map(codes.__getitem__, self.flags))
        name_codes = "".join(code for flag, code in codes.items() if flag.startswith("nr"))
        # The words tagged as names (nr, nrfg, nrt), by index: people are looked for there.
        self.name_tagged = _where(name_codes, tags)
        self.name_tagged_set = frozenset(self.name_tagged)
        self.place_tagged = _where(codes.get("ns", ""), tags)

    def __len__(self) -> int:
        return len(self.words)

    def index_starting_at(self, position: int) -> int | None:
        """The index of the word that starts at ``position``, if one does."""
        if position not in self.boundaries or position == self.ends[-1]:
            return None
        return bisect_left(self.starts, position)

    def index_ending_at(self, position: int) -> int | None:
        """The index of the word that ends at ``position``, if one does."""
        if position not in self.boundaries or position == 0:
            return None
        return bisect_left(self.ends, position)

    def words_matching(self, pattern: re.Pattern[str], text: str) -> Iterator[int]:
        """The indices, in order, of the words that are whole matches of ``pattern`` in
        ``text`` (the text these are the words of). Only the matches are read, not every
        word: a pass over every word costs more (issue 22)."""
        for match in pattern.finditer(text):
            index = self.index_starting_at(match.start())
            if index is not None and self.ends[index] == match.end():
                yield index


class _TagCodes(dict[str, str]):
    """One character for each tag, chosen as a tag is first met."""

    def __missing__(self, tag: str) -> str:
        code = self[tag] = chr(_FIRST_TAG_CODE + len(self))
        return code


_FIRST_TAG_CODE = 0xE000  # the Private Use Area: no character of a pattern's syntax


def _where(codes: str, tags: str) -> tuple[int, ...]:
    """The indices, in order, of the characters of ``tags`` that are among ``codes``."""
    if not codes:
        return ()
    return tuple(match.start() for match in re.finditer(f"[{codes}]", tags))


# An entity while the layers work: its type, start and end in the Simplified text. A plain
# tuple: a frozen dataclass costs ten times as much to make, and the layers make 140,000 for
# a 700,000-character document; each Entity is made once, at the end (_in_script; issue 22).
_Found = tuple[str, int, int]
# An entity as entity_spans gives it: its type, start and end in the text it was found in.
EntitySpan = tuple[str, int, int]


class _Claims:
    """Spans found so far; a new span is kept only where nothing was found before."""

    def __init__(self, length: int) -> None:
        self._taken = bytearray(length)
        self.found: list[_Found] = []

    def is_free(self, start: int, end: int) -> bool:
        return start < end and 1 not in self._taken[start:end]

    def copy(self) -> _Claims:
        twin = _Claims(0)
        twin._taken = bytearray(self._taken)
        twin.found = list(self.found)
        return twin

    def block(self, start: int, end: int) -> None:
        """Keep every layer out of a span that is no entity (a document number)."""
        self._taken[start:end] = b"\x01" * (end - start)

    def claim(self, kind: str, start: int, end: int) -> bool:
        if not self.is_free(start, end):
            return False
        self._taken[start:end] = b"\x01" * (end - start)
        self.found.append((kind, start, end))
        return True


# Lexicons -------------------------------------------------------------------------------


class _LiteralWords:
    """Leftmost-longest matches of a thousand literal words, as ``re.finditer`` over their
    alternation finds them, 5x faster: Python's regular expressions try every alternative at
    every position, where this looks up a few slices at the positions a word may start."""

    def __init__(self, words: list[str]) -> None:
        self._words = frozenset(words)
        lengths: dict[str, set[int]] = {}
        for word in self._words:
            lengths.setdefault(word[0], set()).add(len(word))
        self._lengths = {first: sorted(ls, reverse=True) for first, ls in lengths.items()}
        self._starts = compiled(_first_characters(self._words))

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        position = 0
        words, lengths = self._words, self._lengths
        for candidate in self._starts.finditer(text):
            start = candidate.start()
            if start < position:
                continue
            for length in lengths[text[start]]:
                if text[start : start + length] in words:
                    position = start + length
                    yield start, position
                    break


def _first_characters(words: frozenset[str]) -> str:
    """A pattern of one character where one of ``words`` may start: a first character of one,
    followed (when no word is one character) by a second character of one. The second
    character, looked for by the regular expression, leaves 11,000 of the 80,000 places a
    place's first character stands in 700,000 characters to look at in Python (5x faster)."""
    if not words:
        return "(?!)"  # nothing
    firsts = "".join(map(re.escape, sorted({word[0] for word in words})))
    if min(map(len, words)) < 2:
        return f"[{firsts}]"
    seconds = "".join(map(re.escape, sorted({word[1] for word in words})))
    return f"[{firsts}](?=[{seconds}])"


# What may follow a place's name and belong to it (城阳|街道, 宿迁|市).
_PLACE_SUFFIX = compiled("街道|[市省区县镇乡]")


@lru_cache(maxsize=4)
def _place_spans(text: str) -> list[tuple[int, int]]:
    """The gazetteer's places in ``text`` with the suffix that follows (宿迁市, 城阳街道);
    remembered, as two layers ask."""
    spans = []
    for start, end in _lexicons().place.spans(text):
        suffix = _PLACE_SUFFIX.match(text, end)
        spans.append((start, suffix.end() if suffix else end))
    return spans


def _title_pattern(heads: list[str], prefixes: list[str]) -> str:
    """An office's prefix, 常务, 副, then a position, not followed by 会 (委员|会):
    ``(?:prefixes)?(?:常务)?(?:副)?(?:heads)(?!会|员会)``, written as the alternatives it
    tries in turn (each prefix's branch, 常务, 副, then each position's branch), so every
    alternative opens with a character of its own: the engine skips in C to where one stands
    rather than trying the pattern at every position (issue 22)."""
    head = f"(?:{alternation(heads)})(?!会|员会)"
    after_prefix = f"(?:常务)?(?:副)?{head}"
    return "|".join(
        [
            *(branch + after_prefix for branch in alternation_branches(prefixes)),
            f"常务(?:副)?{head}",
            f"副{head}",
            *(branch + "(?!会|员会)" for branch in alternation_branches(heads)),
        ]
    )


def _lexicon(name: str) -> list[str]:
    return read_data_lines("entities", name)


@dataclass(frozen=True)
class _Lexicons:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    all_surnames: frozenset[str]  # both of the above
    places: frozenset[str]
    not_entities: frozenset[str]
    not_names: frozenset[str]
    never_names: frozenset[str]  # not_entities, places and not_names: a name is none of them
    not_body_endings: frozenset[str]
    title: re.Pattern[str]
    number: re.Pattern[str]
    org_name: re.Pattern[str]
    org_suffix: re.Pattern[str]
    place: _LiteralWords
    name_follower: re.Pattern[str]
    not_name_before: re.Pattern[str]


@cache
def _lexicons() -> _Lexicons:
    surnames = _lexicon("surnames.txt")
    places = _lexicon("places.txt")
    not_entities, not_names = _lexicon("not_entities.txt"), _lexicon("not_names.txt")
    head_words, prefix_words = _lexicon("title_heads.txt"), _lexicon("title_prefixes.txt")
    units = alternation(_lexicon("units.txt"))
    title = compiled(_title_pattern(head_words, prefix_words))
    # A count: not an ordinal (第二轮) nor the tail of a longer number,
    # (?<![第0-9０-９.〇…万])(?:[0-9０-９]+(?:[.,][0-9０-９]+)*|[〇…万]+)(?:多|余)?(?:…units…),
    # written with its first digit taken first (the look-behind then reaches one further
    # back, and which of the two numbers it is is told by another): a pattern that opens with
    # a class of characters is tried only where one stands, found in C (issue 22).
    number = compiled(
        rf"[0-9０-９{_CN_DIGITS}](?<![第0-9０-９.{_CN_DIGITS}][\s\S])"
        rf"(?:(?<=[0-9０-９]){_DIGITS}*(?:[.,]{_DIGITS}+)*|(?<=[{_CN_DIGITS}])[{_CN_DIGITS}]*)"
        rf"(?:多|余)?(?:(?:[万亿千百](?:多|余)?)?(?:{units})|[万亿])"
    )
    return _Lexicons(
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        all_surnames=frozenset(s for s in surnames if len(s) in (1, 2)),
        places=frozenset(places),
        not_entities=frozenset(not_entities),
        not_names=frozenset(not_names),
        never_names=frozenset([*not_entities, *places, *not_names]),
        not_body_endings=frozenset(_lexicon("not_body_endings.txt")),
        title=title,
        number=number,
        org_name=compiled(alternation(_lexicon("org_names.txt"))),
        org_suffix=compiled(alternation(_lexicon("org_suffixes.txt"))),
        place=_LiteralWords(places),
        not_name_before=compiled(alternation(_lexicon("company_words.txt"))),
        name_follower=compiled(
            r"[、，,。；;：:\s（(]|" + alternation(_lexicon("name_followers.txt"))
        ),
    )


_TAGGER_LOCK = threading.Lock()


def _tagger() -> Tagger:
    """The one tagger of the pipeline, with the lexicons' words added so it cuts them whole:
    rjieba where it installs, else jieba (desktop/core/engines.py).

    Made once even when two analyses start together on pool threads: rjieba's instance is one
    per process, and adding words to it while another thread tags would fail."""
    with _TAGGER_LOCK:
        return _loaded_tagger()


@cache
def _loaded_tagger() -> Tagger:
    tagger = new_tagger()
    if log.isEnabledFor(logging.DEBUG):
        log.debug("entities: tagging with %s", tagger.name)
    lexicons = _lexicons()
    for place in sorted(lexicons.places):
        tagger.add_word(place, 2000, "ns")
    for word in sorted(lexicons.not_entities):
        tagger.add_word(word, 2000, "n")
    return tagger


def _tokens(text: str) -> _Tokens:
    return _Tokens(_tagger().tag(text))


# Layers ---------------------------------------------------------------------------------


def _find_patterns(claims: _Claims, text: str) -> None:
    lexicons = _lexicons()
    for start, end in _document_numbers(text):
        claims.block(start, end)
    for kind, pattern in (("DATE", _DATE), ("NUMBER", lexicons.number)):
        for match in pattern.finditer(text):
            start, end = match.start(), len(match.group().rstrip())
            claims.claim(kind, start, start + end)
    for match in lexicons.title.finditer(text):
        claims.claim("TITLE", match.start(), match.end())


# 索引号：11441900MB2C73521X/2020-00217 and 国办发〔2020〕5号, 公告2020年第5号: the digits of an
# index or document number are no date and no count.
_INDEX_NUMBER = compiled(rf"索引号[:：]?{_S}[0-9A-Za-z][0-9A-Za-z/_.\-－]*")
_OPENING_BRACKETS = "〔\\[［(（【"
# 〔2020〕5号 or 2020年第5号. Its first character is taken first, then which of the two it opens
# is told by a look-behind: a pattern that opens with a class of characters is tried only where
# one stands, found in C (twice as fast as a look-ahead tried at every position; issue 22).
_DOCUMENT_NUMBER = compiled(
    rf"[{_OPENING_BRACKETS}0-9０-９]"
    rf"(?:(?<=[{_OPENING_BRACKETS}]){_S}{_DIGITS}{{4}}{_S}[〕\]］)）】]{_S}第?{_S}{_DIGITS}+{_S}号"
    rf"|(?<=[0-9０-９]){_DIGITS}{{3}}年第{_DIGITS}+号)"
)
# An issuer's code (国办发, 深府办, 国发明电) stands right before the bracket; walking left over
# it stops at the words that introduce a document number (根据, 按照, 执行…).
_ISSUER_CODE_STOPS = frozenset("据照行见的和及与按依经于为是由将把对在")
_ISSUER_CODE_LONGEST = 6


def _document_numbers(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _INDEX_NUMBER.finditer(text)]
    for match in _DOCUMENT_NUMBER.finditer(text):
        start = match.start()
        if text[start] in "〔[［(（【":
            while (
                start > 0
                and match.start() - start < _ISSUER_CODE_LONGEST
                and HAN_RUN.fullmatch(text[start - 1])
                and text[start - 1] not in _ISSUER_CODE_STOPS
            ):
                start -= 1
        spans.append((start, match.end()))
    return spans


@lru_cache(maxsize=1 << 16)
def _is_common_word(word: str) -> bool:
    """A frequent dictionary word that jieba does not tag as a name (经济, 公司): not a name.

    Remembered: the name rules ask it of the same few thousand words again and again, and
    the tagger's dictionary does not change once loaded."""
    tagger = _tagger()
    tag = tagger.word_tag(word)
    return tag is not None and not tag.startswith("nr") and tagger.frequency(word) >= 1000


def _looks_like_name(word: str) -> bool:
    lexicons = _lexicons()
    # The shape first, the cheapest test and the one most words fail.
    if word[:2] in lexicons.compound_surnames:
        shaped = 3 <= len(word) <= 4
    else:
        shaped = word[0] in lexicons.surnames and 2 <= len(word) <= 4
    return (
        shaped
        and word not in lexicons.never_names
        and word[-1] not in _PLACE_ENDINGS
        and _BODY_CHARACTERS.isdisjoint(word)
        and not _is_common_word(word)
    )


_NOT_NAME_FLAGS = ("v", "x", "u", "p", "c", "d", "r", "m", "q", "f", "t")


def _name_at(tokens: _Tokens, index: int, *, expected: bool = False) -> tuple[int, int] | None:
    """A personal name beginning with token ``index``.

    jieba's ``nr`` words count when they start with a known surname; a surname jieba split
    off (单/东升) is joined to what follows. Where the context says a name comes
    (``expected``: after a title, in a list of leaders) any word shaped like a name counts.
    """
    words, flags = tokens.words, tokens.flags
    if index >= len(words):
        return None
    word, flag = words[index], flags[index]
    has_next = index + 1 < len(words)
    lexicons = _lexicons()
    if (
        flag.startswith("nr") or (expected and not flag.startswith(_NOT_NAME_FLAGS))
    ) and _looks_like_name(word):
        if (
            has_next
            and word[:2] in lexicons.compound_surnames
            and len(word) == 3
            and len(words[index + 1]) == 1
            and not flags[index + 1].startswith(_NOT_NAME_FLAGS)
        ):
            # 欧阳明/华: jieba cuts four-character names with a compound surname short.
            return tokens.starts[index], tokens.ends[index + 1]
        return tokens.starts[index], tokens.ends[index]
    is_surname = word in lexicons.surnames or word in lexicons.compound_surnames
    if is_surname and has_next:
        second, second_flag = words[index + 1], flags[index + 1]
        if (
            len(second) <= 2
            and not second_flag.startswith(_NOT_NAME_FLAGS)
            and (expected or second_flag.startswith("nr"))
            and _looks_like_name(word + second)
        ):
            return tokens.starts[index], tokens.ends[index + 1]
    return None


def _find_people_in_context(claims: _Claims, text: str, tokens: _Tokens) -> None:
    """Names where the context says a name comes: after a title, after 市领导, and each
    further name of a list joined by 、 (市领导蔡家华、许国、陈小坚)."""
    openings = {end for kind, _start, end in claims.found if kind == "TITLE"}
    openings.update(m.end() for m in _LIST_OPENER.finditer(text))
    for position in sorted(openings):
        while position < len(text):
            span = _name_by_followers(text, position)
            if span is None and (index := tokens.index_starting_at(position)) is not None:
                span = _name_at(tokens, index, expected=True)
            if span is not None and _opens_a_body(text, span[1]):
                span = None  # 、区卫健|局局长: the next item is a body, not a person
            if span is None or not claims.claim("PERSON", *span):
                break
            if text[span[1] : span[1] + 1] != "、":
                break
            position = span[1] + 1


# Every alternative opens with a character of its own (省领导|市领导…, not [省市…]领导): the
# engine then skips in C to where one stands, rather than trying the pattern at every
# position (3 ms of 300,000 characters; issue 22).
_LIST_OPENER = compiled(
    "(?:"
    + "|".join(f"{level}领导" for level in "省市区县州镇")
    + r"|出席(?:会议)?的有|参加(?:会议)?的有|陪同的有|联系人)[:：]?"
)
# A sentence opens at the start of the text and after the end of one (or a line), past the
# space before it. Two patterns, not one with ^ and a look-behind, which the regular
# expression engine tries at every position (5x slower).
_AFTER_SENTENCE_END = compiled(r"[。；;！!？?\n]\s*")
_LEADING_SPACE = compiled(r"\s*")


def _sentence_starts(text: str) -> Iterator[int]:
    """Where the sentences of ``text`` open, in order (a position may come twice)."""
    yield _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]  # \s* always matches
    for match in _AFTER_SENTENCE_END.finditer(text):
        yield match.end()


def _name_by_followers(
    text: str, position: int, *, shortest: int = 2, punctuation_ends: bool = True
) -> tuple[int, int] | None:
    """A name of 2-4 characters at ``position``: a surname, then what stops right before a
    word that follows names (强调, 主持, 、…; resources/entities/name_followers.txt).

    Character by character, because jieba often cuts unknown names wrong (高兴/华, 吉/克拉/则).
    """
    lexicons = _lexicons()
    compound = text[position : position + 2] in lexicons.compound_surnames
    if not compound and text[position : position + 1] not in lexicons.surnames:
        return None
    # Where the Han characters from ``position`` stop (looking no further than 4): a name
    # holds nothing else. Read once, not once a length.
    han = HAN_RUN.match(text, position, position + 4)
    han_end = han.end() if han is not None else position
    weak: tuple[int, int] | None = None
    # Asked of thousands of places a text: the look-ups are local names, a body's ending
    # tested here as _opens_a_body does, without a call (issue 22).
    never_names, org_suffix = lexicons.never_names, lexicons.org_suffix
    for length in range(max(shortest, 3 if compound else 2), 5):
        end = position + length
        if end > han_end:
            break
        candidate = text[position:end]
        if candidate in never_names:
            continue
        if (
            not _BODY_CHARACTERS.isdisjoint(candidate)
            or text[end : end + 1] in _BODY_CHARACTERS
            or org_suffix.match(text, end)
        ):
            break  # 卫健委, 区卫健|局: a body's short name, not a person
        if _is_common_word(candidate) or lexicons.not_name_before.match(text, end):
            continue
        if candidate[-1] in _PLACE_ENDINGS:  # 姜堰区, 长安街道: places, not people
            break
        follower = lexicons.name_follower.match(text, end)
        if end == len(text) or (
            follower and (punctuation_ends or follower.group().strip("、，,。；;：: \n（("))
        ):
            if follower is not None and len(follower.group()) == 1 and follower.group() in _WEAK:
                # 则, 也, 又… also end words inside names (吉克拉则、): keep looking, but
                # fall back on this if nothing better follows.
                weak = weak or (position, end)
                continue
            return position, end
    return weak


# Characters that end the short name of a body (市卫健委, 区卫健局, 省住建厅) and hardly ever
# stand in a personal name.
_BODY_CHARACTERS = frozenset("委局厅署")


def _opens_a_body(text: str, end: int) -> bool:
    """The words at ``end`` finish a body's name, so what stands before is no person."""
    return text[end : end + 1] in _BODY_CHARACTERS or bool(_lexicons().org_suffix.match(text, end))


# One-character followers that can also be a name's last character.
_WEAK = frozenset("则也又还已在对就到来与和及今等")
_PLACE_ENDINGS = frozenset("区县市镇乡省州村街道")


def _find_people_as_subjects(claims: _Claims, text: str, tokens: _Tokens) -> None:
    """A name opening a sentence and followed by what people do: 上官文涛强调, 高兴华就…"""
    surnames, compound_surnames = _lexicons().surnames, _lexicons().compound_surnames
    for position in _sentence_starts(text):
        # Where no name may start, the characters are not read (most sentences); a name
        # opens with a surname (_name_by_followers), the cheapest test, so it comes first.
        if (
            text[position : position + 1] in surnames
            or text[position : position + 2] in compound_surnames
        ) and _may_start_a_name(tokens, position):
            span = _name_by_followers(text, position, punctuation_ends=False)
            if span is not None:
                claims.claim("PERSON", *span)


def _may_start_a_name(tokens: _Tokens, position: int) -> bool:
    """Whether a name may begin at ``position`` outside a telling context: at a word jieba
    tags as a name, or at a surname it cut off on its own (单/东升). Not inside 公司, 全市,
    经济, 康复…"""
    index = tokens.index_starting_at(position)
    if index is None:
        return False
    lexicons = _lexicons()
    word = tokens.words[index]
    return (index in tokens.name_tagged_set and word not in lexicons.not_names) or (
        word in lexicons.all_surnames
    )


def _name_candidates(tokens: _Tokens) -> list[int]:
    """Indices of the words a name may start at, in order: a word tagged as a name, or a
    surname jieba cut off on its own before one (单/东升)."""
    lexicons = _lexicons()
    words = tokens.words
    candidates = set()
    for index in tokens.name_tagged:
        if words[index] in lexicons.not_names:
            continue
        candidates.add(index)
        before = words[index - 1] if index else ""
        if before in lexicons.surnames or before in lexicons.compound_surnames:
            candidates.add(index - 1)
    return sorted(candidates)


def _find_people_by_tag(claims: _Claims, text: str, tokens: _Tokens) -> None:
    lexicons = _lexicons()
    boundaries = tokens.boundaries  # a span's end is past its start: a word's end if here
    for index in _name_candidates(tokens):
        start, end, flag = tokens.starts[index], tokens.ends[index], tokens.flags[index]
        if not claims.is_free(start, end):
            continue
        shortest = end - start if flag.startswith("nr") else 2
        span = _name_by_followers(text, start, shortest=shortest)
        if span is not None and (span[1] not in boundaries or span[1] - end > 1):
            span = None  # 华茂/电子 is a company, not a name grown from 华茂
        span = span or _name_at(tokens, index)
        if span is None or text[span[1] : span[1] + 1] in _PLACE_ENDINGS:
            continue
        if (
            lexicons.not_name_before.match(text, span[1])
            or _opens_with_a_modifier(text, span)
            or _opens_a_body(text, span[1])
        ):
            continue  # 和恒锦|集团 is a company; 严格|执行 is an adverb and a verb
        claims.claim("PERSON", *span)


def _opens_with_a_modifier(text: str, span: tuple[int, int]) -> bool:
    """A candidate that begins with a frequent adjective or adverb (严格, 认真) is a phrase."""
    head = text[span[0] : span[0] + 2]
    tagger = _tagger()
    tag = tagger.word_tag(head) or ""
    return tag[:1] in ("a", "d") and tagger.frequency(head) >= 1000


def _names_found(claims: _Claims, text: str) -> set[str]:
    return {
        text[start:end]
        for kind, start, end in claims.found
        if kind == "PERSON" and end - start >= 2
    }


def _find_known_names_again(claims: _Claims, text: str, names: frozenset[str]) -> None:
    """A name found once is that person wherever it stands (甘露要求… after 市长甘露).

    ``names``: those found anywhere in the document, which for a document analysed in pieces
    (iter_entities) includes other pieces."""
    if names:
        for match in _names_pattern(names).finditer(text):
            claims.claim("PERSON", match.start(), match.end())


@lru_cache(maxsize=8)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    return re.compile(alternation(names))


def _find_organisations(claims: _Claims, text: str, tokens: _Tokens) -> None:
    lexicons = _lexicons()
    # A match's start is inside the text and its end past its start: a word's start and end
    # if they are among the boundaries.
    boundaries = tokens.boundaries
    token_ends = tokens.ends
    for match in lexicons.org_suffix.finditer(text):
        start = _body_start(tokens, token_ends, match.start())
        generic = text[max(0, (start or 0) - 2) : start].endswith(_GENERIC_DETERMINERS)
        if start is None or start not in boundaries or generic:
            continue
        if text[start : match.end()] not in lexicons.not_entities:  # 每日报(送): no paper
            claims.claim("ORG", start, match.end())
    for start, end in _place_spans(text):
        # 宿迁市委, 佛山市政府: a place and an office make one body.
        office = lexicons.org_name.match(text, end)
        rest = text[start:end]
        if office is not None:
            claims.claim("ORG", start, office.end())
        elif rest.endswith(("市", "省", "区", "县")):
            tail = lexicons.org_name.match(text, end - 1)
            if tail is not None and tail.group().startswith(rest[-1]):
                claims.claim("ORG", start, tail.end())
    _find_local_departments(claims, text, boundaries)
    for match in lexicons.org_name.finditer(text):
        # Whole words only: not 中央 in 中央企业 (state-owned enterprises).
        if match.start() in boundaries and match.end() in boundaries:
            claims.claim("ORG", match.start(), match.end())


def _find_local_departments(claims: _Claims, text: str, boundaries: frozenset[int]) -> None:
    """A level and a department's short name: 区卫健局, 县农业农村委, 省应急管理厅, 县金融办,
    区公安分局, 县委办. Not 各市卫健委 (every city's), not 市场|布局 (not_body_endings.txt)."""
    not_endings = _lexicons().not_body_endings
    for match in _LOCAL_DEPARTMENT.finditer(text):
        start, end = match.start(), match.end()
        if not _starts_a_word(text, start, boundaries) or text[max(0, start - 2) : start].endswith(
            (*_GENERIC_DETERMINERS, "全", "本", "我", "该")
        ):
            continue
        if text[end - 2 : end] in not_endings or text[end - 3 : end] in not_endings:
            continue
        level = text[start : start + 2]  # 县委 is a body; 市场 and 县城 are other words
        if (_is_frequent_word(level) and not _lexicons().org_name.fullmatch(level)) or (
            _is_frequent_word(text[end - 1 : end + 1])  # 县城|办事处
        ):
            continue
        claims.claim("ORG", start, end)


# Words that stand before a body's name (由区发改局印发, 向市卫健委报告). jieba-rs's HMM may join
# one to the level after it (由区|发改局); jieba's posseg HMM cuts 由|区|发改|局.
_BEFORE_A_BODY = frozenset("由向对在从经据")


def _starts_a_word(text: str, start: int, boundaries: frozenset[int]) -> bool:
    """A word begins at ``start``, or a two-character word 由区 holds it second (``start`` and
    the position after it inside the text, as the departments' matches have them)."""
    return start in boundaries or (
        start - 1 in boundaries and start + 1 in boundaries and text[start - 1] in _BEFORE_A_BODY
    )


def _is_frequent_word(word: str) -> bool:
    return len(word) == 2 and _tagger().frequency(word) >= 100


# The stem holds no function word and no 委 (县委常委 is a title, 市委 a fixed name).
_DEPARTMENT_STEM = r"(?:(?![委的和与及各在对要是了把被将为等向])[\u4e00-\u9fff]){1,6}?"
_LOCAL_DEPARTMENT = compiled(
    rf"[省市区县州](?:{_DEPARTMENT_STEM}(?:分局|局|厅|委|办)|(?:委|政府)办)(?!公)"
)

# 各级疫情防控指挥部 is every such body, not a named one.
_GENERIC_DETERMINERS = ("各级", "各", "有关", "相关", "各类")
_BODY_WORD_FLAGS = ("n", "nt", "ns", "nz", "vn", "j", "b", "m", "an", "l")
_MAX_BODY_WORDS = 8
_LEVELS = frozenset("省市区县州镇乡")


def _body_start(tokens: _Tokens, token_ends: tuple[int, ...], suffix_start: int) -> int | None:
    """Where the name of a body ending in a suffix at ``suffix_start`` begins.

    Walk left over noun-like words. A verb may stand inside a long name
    (国务院应对疫情联防联控机制…指导组) only when a named body opens it, so the walk
    remembers the leftmost named body (``nt`` or a fixed ORG name) it passes.
    """
    lexicons = _lexicons()
    words, flags, starts = tokens.words, tokens.flags, tokens.starts
    index = bisect_right(token_ends, suffix_start)
    if index >= len(words):
        return None
    if starts[index] != suffix_start:  # the suffix ends a longer word (疫情防控指挥部)
        word = words[index]
        # Not 一专班 (one task force each: a count, not a name; jieba-rs keeps it one word).
        if word in lexicons.not_entities or word[0] in _CN_DIGITS or word[0].isdigit():
            return None
        return starts[index]
    plain_start: int | None = None
    anchored_start: int | None = None
    nouns_only = True
    for previous in reversed(range(max(0, index - _MAX_BODY_WORDS), index)):
        word, flag = words[previous], flags[previous]
        if word in lexicons.not_entities or flag.startswith(("x", "p", "c", "u")):
            break
        # 县 opens 县疫情防控指挥部 whatever its tag (jieba-rs tags it zg, jieba n).
        if flag in _BODY_WORD_FLAGS or word in _LEVELS:
            if nouns_only:
                plain_start = starts[previous]
            if flag == "nt" or lexicons.org_name.fullmatch(word):
                anchored_start = starts[previous]
        elif flag.startswith("v") and anchored_start is None:
            nouns_only = False
        else:
            break
    if nouns_only or anchored_start is None:
        return plain_start
    return anchored_start


_PLACE_SUFFIXES = frozenset({"街道", "市", "省", "区", "县", "镇", "乡"})
_LOCAL_PLACE_SUFFIXES = frozenset({"街道", "镇", "乡", "村"})
# The words after which a word may be a place (奢岭|街道, 姜堰|区).
_PLACE_FOLLOWER = compiled(alternation(_LOCAL_PLACE_SUFFIXES | {"区", "县"}))
_DISTRICT_ENDING = compiled("[区县]")


def _find_places(claims: _Claims, text: str, tokens: _Tokens) -> None:
    lexicons = _lexicons()
    boundaries = tokens.boundaries  # a span's start and end, if a word's, are among them
    for start, end in _place_spans(text):
        # Only whole words: not 长治 in 长治久安, not 来宾 when it means guests.
        if start in boundaries and end in boundaries and claims.claim("PLACE", start, end):
            continue
        # 上海市委书记: jieba keeps 上海市 whole, the title took 市委书记; the place is 上海.
        base = text[start : end - 1]
        if start in boundaries and base in lexicons.places and not claims.is_free(end - 1, end):
            claims.claim("PLACE", start, end - 1)
    words, flags, starts, token_ends = tokens.words, tokens.flags, tokens.starts, tokens.ends
    last = len(words) - 1
    for index in tokens.place_tagged:
        word = words[index]
        if len(word) < 2 or word in lexicons.not_entities:
            continue
        end = token_ends[index]
        if index < last and words[index + 1] in _PLACE_SUFFIXES:
            end = token_ends[index + 1]
        claims.claim("PLACE", starts[index], end)
    for following in tokens.words_matching(_PLACE_FOLLOWER, text):
        index = following - 1
        if index < 0:
            continue
        word, flag, follower = words[index], flags[index], words[following]
        # 奢岭街道: a name jieba does not know, made a place by what follows it.
        if (
            follower in _LOCAL_PLACE_SUFFIXES
            and 2 <= len(word) <= 3
            and flag in ("n", "ns", "nz", "nr")
            and word not in lexicons.not_entities
        ) or (
            # 姜堰/区: a district jieba took for a name.
            follower in ("区", "县") and 2 <= len(word) <= 3 and flag in ("ns", "nz", "nr")
        ):
            claims.claim("PLACE", starts[index], token_ends[following])
    for match in _DISTRICT_ENDING.finditer(text):
        # 芦淞区 as one word that jieba took for a name.
        word_index = tokens.index_ending_at(match.end())
        if (
            word_index is not None
            and flags[word_index] in ("nr", "nrt", "nz")
            and len(words[word_index]) in (3, 4)
        ):
            claims.claim("PLACE", starts[word_index], token_ends[word_index])


@dataclass(frozen=True)
class _Layered:
    """Simplified text analysed up to the names found by their own context."""

    text: str
    claims: _Claims
    tokens: _Tokens | None  # None once let go (iter_entities): tagged again if needed
    names: frozenset[str]


def _first_layers(text: str) -> _Layered:
    claims = _Claims(len(text))
    _find_patterns(claims, text)
    tokens = _tokens(text)
    _find_people_in_context(claims, text, tokens)
    _find_people_as_subjects(claims, text, tokens)
    _find_people_by_tag(claims, text, tokens)
    return _Layered(text, claims, tokens, frozenset(_names_found(claims, text)))


def _last_layers(layered: _Layered, names: frozenset[str]) -> list[_Found]:
    """The rest of the layers, on a copy of the claims so they can run again with more names."""
    text, claims = layered.text, layered.claims.copy()
    tokens = layered.tokens if layered.tokens is not None else _tokens(text)
    _find_known_names_again(claims, text, names)
    _find_organisations(claims, text, tokens)
    _find_places(claims, text, tokens)
    return _join_adjacent_bodies(sorted(claims.found, key=itemgetter(1, 2)))


def _join_adjacent_bodies(entities: list[_Found]) -> list[_Found]:
    """国务院 + 联防联控机制 -> one body: a named body inside a larger one is the larger one."""
    joined: list[_Found] = []
    for entity in entities:
        previous = joined[-1] if joined else None
        if previous and previous[0] == entity[0] == "ORG" and previous[2] == entity[1]:
            joined[-1] = ("ORG", previous[1], entity[2])
        else:
            joined.append(entity)
    return joined


def extract_entities(text: str, script: Script | None = None) -> list[Entity]:
    """The entities of ``text`` in its own script, offsets in code points into ``text``."""
    with collector_paused():
        spans = entity_spans(text, script)
        return [Entity(kind, start, end, text[start:end]) for kind, start, end in spans]


def entity_spans(text: str, script: Script | None = None) -> list[EntitySpan]:
    """extract_entities as (type, start, end), without an Entity each: for what only writes
    them out (``jiyao analyze``: its 16,000 Entity objects of 300,000 characters cost 15 ms
    of the command, issue 22)."""
    if script is None:
        script = detect_script(text).script
    with collector_paused():
        simplified, alignment = matching_text(text, script)
        layered = _first_layers(simplified)
        found = _last_layers(layered, layered.names)
        # A Simplified text is its own matching text, and t2s keeps every position: nothing
        # moves (asked of the alignment, not by ``simplified is text``: matching_text gives
        # the text of an earlier equal call).
        if alignment.is_identity:
            return found
        map_back = alignment.map_span_back
        return [(kind, *map_back(start, end)) for kind, start, end in found]


@dataclass(frozen=True)
class ChunkEntities:
    """The entities of one piece of a document, ``text[start:end]`` (whole paragraphs), with
    offsets in code points into the whole text. A piece yielded again (``revised``) replaces
    what it was yielded with before."""

    start: int
    end: int
    entities: list[Entity]
    revised: bool = False


def paragraph_chunks(text: str, chunk_chars: int) -> list[tuple[int, int]]:
    """``text`` cut into spans of whole paragraphs, each ending right after the first line
    break at or past ``chunk_chars`` characters (the last one ends with the text)."""
    if chunk_chars < 1:
        raise ValueError(f"chunk_chars must be at least 1, not {chunk_chars}")
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        cut = text.find("\n", start + chunk_chars - 1)
        end = len(text) if cut == -1 else cut + 1
        spans.append((start, end))
        start = end
    return spans


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    layered: _Layered
    alignment: OffsetMap
    names: frozenset[str]  # the names its entities were found with


def iter_entities(
    text: str, script: Script | None = None, *, chunk_chars: int = PIECE_CHARACTERS
) -> Iterator[ChunkEntities]:
    """The entities of ``text`` piece by piece, so a window can show them as they come.

    Pieces are whole paragraphs of about ``chunk_chars`` characters (paragraph_chunks). Every
    layer looks no further than a paragraph, except one: a name found anywhere is that person
    everywhere. So each piece is yielded with the names found so far, and at the end a piece
    where a name found only later occurs is yielded again, ``revised``. The last version of
    every piece together is exactly extract_entities(text, script).
    """
    if script is None:
        script = detect_script(text).script
    names: frozenset[str] = frozenset()
    pieces: list[_Piece] = []
    for start, end in paragraph_chunks(text, chunk_chars):
        with collector_paused():  # not across the yield: the caller's code runs there
            simplified, alignment = simplified_for_matching(text[start:end], script)
            layered = _first_layers(simplified)
            names |= layered.names
            piece = _Piece(start, end, layered, alignment, names)
            entities = _piece_entities(text, piece, names)
            # Kept in case a name found later revises it, which few pieces need: without its
            # words (most of what it holds, 4 MiB a piece), tagged again then (issue 13,
            # memory: the window's peak while it finds a long document's entities).
            pieces.append(replace(piece, layered=replace(layered, tokens=None)))
        yield ChunkEntities(start, end, entities)
    for piece in pieces:
        later = names - piece.names
        if any(name in piece.layered.text for name in later):
            with collector_paused():
                entities = _piece_entities(text, piece, names)
            yield ChunkEntities(piece.start, piece.end, entities, revised=True)


def _piece_entities(text: str, piece: _Piece, names: frozenset[str]) -> list[Entity]:
    return _in_script(text, _last_layers(piece.layered, names), piece.alignment, piece.start)


def _in_script(text: str, found: list[_Found], alignment: OffsetMap, offset: int) -> list[Entity]:
    """Entities of the Simplified text of ``text[offset:]`` mapped back into ``text``."""
    if alignment.is_identity:  # t2s and an unchanged text keep every position
        return _entities(text, found, offset)
    mapped = []
    for kind, start, end in found:
        start, end = alignment.map_span_back(start, end)
        start, end = start + offset, end + offset
        mapped.append(Entity(kind, start, end, text[start:end]))
    return mapped


def _entities(text: str, found: list[_Found], offset: int) -> list[Entity]:
    """Entities of ``text[offset:]``, whose positions they keep, as ``text`` holds them."""
    return [
        Entity(kind, start + offset, end + offset, text[start + offset : end + offset])
        for kind, start, end in found
    ]


def forget_analysed_texts() -> None:
    """Drop the texts remembered for one analysis (a long document's are MiB; issue 13)."""
    matching_text.cache_clear()
    _place_spans.cache_clear()


@lru_cache(maxsize=2)
def matching_text(text: str, script: Script) -> tuple[str, OffsetMap]:
    """The Simplified text jieba and the lexicons match on, with its alignment from ``text``.

    Remembered for the last documents, so the entities and the directive suggestions of one
    analysis convert a Traditional text once, not once each."""
    return simplified_for_matching(text, script)
