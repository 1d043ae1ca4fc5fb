"""Candidate directives: clauses that give an order, and who gave it.

A readout states its directives in a few fixed shapes: a modal cue (要…, 必须…, 确保…, 严禁…,
希望…), an imperative verb opening a sentence of reported speech (解决好…, 强化…) and
enumerated items (一是/二是, 一要/二要, 一、二、, (一)(二)). Each candidate covers one clause:

- Sentences end at 。；;！!？? and line ends; a sentence is cut into clauses at ，,：:.
- A clause holding a cue opens a candidate at the clause's start, after any speaker prefix
  (张爱军强调, 会议指出) and a leading 并: ``复工企业要切实强化主体责任`` keeps who must act.
  An enumeration marker opens one at the marker, wherever it stands in its clause.
- A candidate runs over the following clauses of its sentence until a clause opens the next
  one. An enumerated item or a wish (希望…) governs the rest of its sentence: a cue inside it
  does not open a new candidate.

What is not a cue: words that contain one (重要, 主要, 需要, 纪要, 应对; 要求 is a noun or a
speech verb, never the directive itself), a cue right after 的 (的支持, 的建议: nouns), an
imperative verb where no speaker is known, and a sentence that tells why and when the meeting
was held (为贯彻落实…,统筹抓好…,2月11日,公司召开…). An enumeration counts only as a run
1, 2, … of one style, so the 一是 of 统一是 does not.

The issuer is the person or meeting speaking: a PERSON entity or a meeting word (会议, 会上)
that opens a sentence (after titles: 市长朱伟…) or stands right before a speech verb
(王玉池再次强调); it holds for the sentences that follow until another speaker or a new
paragraph (a line; the 篇2 headings of a compilation are lines too). The meeting's issuer is
``MEETING`` (会议), written 會議 where the document writes the meeting in Traditional script
(every issuer is in the document's own script). Who chairs or addresses the meeting speaks
too: 市委书记张三主持会议并讲话 makes 张三 the issuer of what follows (``presiding_verbs.txt``).

A suggestion's deadline is the first deadline phrase in it (3月底前, 6月30日前, 年底前, 本周内,
限期…; ``deadline_words.txt``, ``deadline_endings.txt``).

Cue words, non-cues, imperative verbs, speech verbs and meeting words are plain files under
``resources/directives/``. Traditional text is matched after t2s and spans map back through
the conversion alignment. Offsets are code points into the given text, end-exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import cache, partial
from operator import itemgetter
from typing import NamedTuple

from desktop.core.entities import EntitySpan, entity_spans, matching_text
from desktop.core.model import Entity
from desktop.core.offsets import OffsetMap
from desktop.core.patterns import alternation, compiled, only_where
from desktop.core.resources import read_data_lines
from desktop.core.script import Script, detect_script

MEETING = "会议"
# s2t, s2tw and s2hk all write it so; a constant, as OpenCC's s2t tables cost the pure-Python
# engine 11 MiB to load for this one word (issue 13, memory).
MEETING_TRADITIONAL = "會議"
STRENGTHS = ("mandatory", "directive", "advisory")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate directive; offsets are code points into the clean text, end-exclusive."""

    start: int
    end: int
    text: str
    cue: str  # as written in the text (確保 in a Traditional document), or the enumeration marker
    issuer: str  # a PERSON entity's text, the meeting (会议/會議), or "" when the text does not say
    strength: str  # one of STRENGTHS
    deadline: str = ""  # 3月底前, 本周内, 限期… as written in the text, or ""

    def as_dict(self) -> dict[str, object]:
        """What dataclasses.asdict gives (the fields are plain values), without its deep copy
        of each value: 8x faster on the 4,000 suggestions of 300,000 characters."""
        return {name: getattr(self, name) for name in _SUGGESTION_FIELDS}


_SUGGESTION_FIELDS = tuple(field.name for field in fields(Suggestion))


class BadCueLine(ValueError):
    """A line of cues.tsv that is not ``cue<TAB>strength`` with a known strength."""


# Lexicons -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexicons:
    strengths: dict[str, str]
    cue: re.Pattern[str]  # cues and non-cues together, longest first
    opener: re.Pattern[str]
    speech: re.Pattern[str]  # a speech verb, where it is said (在会上) and a colon
    presiding: re.Pattern[str]  # 主持, 讲话…: who chairs or addresses the meeting
    meeting: re.Pattern[str]
    deadline: re.Pattern[str]


def _read_cues() -> dict[str, str]:
    strengths: dict[str, str] = {}
    for line in read_data_lines("directives", "cues.tsv"):
        cue, _, strength = (part.strip() for part in line.partition("\t"))
        if not cue or strength not in STRENGTHS:
            raise BadCueLine(f"resources/directives/cues.tsv: {line!r}")
        strengths[cue] = strength
    return strengths


@cache
def _lexicons() -> _Lexicons:
    def words(name: str) -> str:
        return alternation(read_data_lines("directives", name))

    strengths = _read_cues()
    not_cues = read_data_lines("directives", "not_cues.txt")
    spoken_at = r"(?:在[^，,。；;\n]{1,8}?[上中时])?"  # 在会上, 在讲话中, 在调研时
    verbs = [*read_data_lines("directives", "speech_verbs.txt")]
    verbs += read_data_lines("directives", "presiding_verbs.txt")
    deadline_words = read_data_lines("directives", "deadline_words.txt")
    return _Lexicons(
        strengths=strengths,
        cue=compiled(alternation([*strengths, *not_cues])),
        opener=compiled(words("imperative_openers.txt")),
        speech=compiled(rf"{spoken_at}(?:{alternation(verbs)})[：:]?"),
        presiding=compiled(words("presiding_verbs.txt")),
        meeting=compiled(words("meeting_subjects.txt")),
        # Tried only where a number or a deadline word starts: searched in each of 4,000
        # suggestions of 300,000 characters, it took 26 ms, now 3 ms.
        deadline=only_where(
            _NUMBER_CHARACTERS + "".join(word[0] for word in deadline_words),
            rf"(?:{_DATED}(?:{words('deadline_endings.txt')})|{alternation(deadline_words)})"
            r"(?![往来进容涵])",  # 10日前往, 年内容: not a deadline
        ),
    )


# What _NUMBER starts with.
_NUMBER_CHARACTERS = "0123456789０１２３４５６７８９一二三四五六七八九十两"
_NUMBER = r"(?:[0-9０-９]{1,4}|[一二三四五六七八九十两]{1,3})"
# 3月底, 6月30日, 2020年底, 15日, 7个工作日, 两周: what a deadline ending (前, 内) can follow.
_DATED = (
    rf"(?:(?:{_NUMBER}年)?{_NUMBER}月(?:{_NUMBER}[日号]|上旬|中旬|下旬|初|中|末)?"
    rf"|{_NUMBER}年(?=底)|{_NUMBER}[日号]"
    rf"|{_NUMBER}个?(?:工作日|小时|天|日|周|星期|个月|月))"
)


# Cues and enumeration markers -----------------------------------------------------------


class _Cue(NamedTuple):  # a tuple, not a dataclass: thousands are made per document (x3)
    start: int
    end: int
    strength: str
    is_marker: bool = False


def _find_cues(text: str) -> list[_Cue]:
    lexicons = _lexicons()
    strengths = lexicons.strengths
    return [
        _Cue(start, m.end(), strengths[cue])
        for m in lexicons.cue.finditer(text)
        if (cue := m.group()) in strengths and text[(start := m.start()) - 1 : start] != "的"
    ]


_NUMERALS = "一二三四五六七八九十"
# One to three numerals, written so a pattern opens with a class of characters: Python's
# regular expressions then skip in C to where one stands (3x faster than a look-ahead tried at
# every position, which was 3x faster than nothing; issue 22).
_NUMERAL = f"[{_NUMERALS}][{_NUMERALS}]{{0,2}}"
# The enumeration styles 一是, 一要 and 一、 in one scan (group "style": 是, 要 or 、), not one
# scan each (issue 22): a match is numerals then the style's character, so the styles' matches
# never overlap and one scan finds each of them. (一) is a pattern of its own. Group "n" is
# the numeral; the whole match is the marker.
_NUMBERED_MARKER = compiled(rf"(?P<n>{_NUMERAL})(?P<style>[是要、])")
_BRACKETED_MARKER = compiled(rf"[(（](?P<n>{_NUMERAL})[)）]")
_BRACKETED_STYLE = "（）"
# 一、 counts only where a sentence starts: at a line's start or after 。；;：:, past spaces.
# Checked at each 一、 found, not by a look-behind in the pattern, which the regular
# expression engine tried at every position (18 ms of 300,000 characters).
_NUMBERED_ITEM_STYLE = "、"
_ITEM_SPACE = frozenset(" \t\u3000")
_ITEM_OPENERS = frozenset("。；;：:\n")


def _opens_an_item(text: str, position: int) -> bool:
    while position > 0 and text[position - 1] in _ITEM_SPACE:
        position -= 1
    return position == 0 or text[position - 1] in _ITEM_OPENERS


_DIGITS = {d: i for i, d in enumerate("一二三四五六七八九", start=1)}


def _ordinal(numeral: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23."""
    if "十" not in numeral:
        return _DIGITS.get(numeral, 0)
    tens, _, units = numeral.rpartition("十")
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + _DIGITS.get(units, 0)


_Runs = list[list[re.Match[str]]]  # a style's runs 1, 2, … of markers so far


def _find_markers(text: str) -> list[_Cue]:
    """Enumeration markers that belong to a run 1, 2, … of their style (two items at least)."""
    runs: dict[str, _Runs] = {"是": [], "要": [], _NUMBERED_ITEM_STYLE: [], _BRACKETED_STYLE: []}
    for match in _NUMBERED_MARKER.finditer(text):
        style = match.group("style")
        if style != _NUMBERED_ITEM_STYLE or _opens_an_item(text, match.start()):
            _continue_runs(runs[style], match)
    for match in _BRACKETED_MARKER.finditer(text):
        _continue_runs(runs[_BRACKETED_STYLE], match)
    markers = [
        _Cue(m.start(), m.end(), "directive", is_marker=True)
        for style_runs in runs.values()
        for run in style_runs
        if len(run) >= 2
        for m in run
    ]
    return sorted(markers, key=lambda cue: cue.start)


def _continue_runs(runs: _Runs, match: re.Match[str]) -> None:
    """A marker 1 opens a run; the next number of the last run extends it; others are none."""
    ordinal = _ordinal(match.group("n"))
    if ordinal == 1:
        runs.append([match])
    elif runs and ordinal == _ordinal(runs[-1][-1].group("n")) + 1:
        runs[-1].append(match)


class _Cues:
    """Cues in text order, found by position without a scan."""

    def __init__(self, cues: list[_Cue]) -> None:
        self.cues = sorted(cues, key=lambda cue: cue.start)
        self._starts = [cue.start for cue in self.cues]

    def first_in(self, start: int, end: int) -> _Cue | None:
        index = bisect_left(self._starts, start)
        if index < len(self.cues) and self.cues[index].start < end:
            return self.cues[index]
        return None

    def first_in_each(self, clauses: list[_Clause], starts: list[int]) -> list[_Cue | None]:
        """first_in(clause.start, clause.end) for each of ``clauses`` (in text order, apart;
        ``starts`` their starts). Each cue is placed in its clause, rather than each clause
        searched for its cue: a text has fewer cues than clauses, and far fewer markers."""
        firsts: list[_Cue | None] = [None] * len(clauses)
        for cue in self.cues:
            index = bisect_right(starts, cue.start) - 1
            if index >= 0 and cue.start < clauses[index].end and firsts[index] is None:
                firsts[index] = cue
        return firsts


# Sentences and clauses ------------------------------------------------------------------

_PARAGRAPH = compiled(r"[^\n]+")
_SENTENCE = compiled(r"[^。；;！!？?\n]+")
# A clause's whole run of characters (it never crosses a sentence's end); group 1 ends at its
# last character that is not a space and is missing when it has none. Each run is one match,
# so a long run of spaces costs its length, not its square.
_IN_CLAUSE = r"[^，,：:。；;！!？?\n]"
_CLAUSE = compiled(rf"(?={_IN_CLAUSE})({_IN_CLAUSE}*[^，,：:。；;！!？?\n\s])?{_IN_CLAUSE}*")
_SPACE = " \t\u3000"


class _Clause(NamedTuple):
    start: int
    end: int  # before the punctuation and any trailing space


# A clause made from its (start, end) in C: the named tuple's own constructor is a Python
# function, a tenth of the sentences' time for the 20,000 clauses of 300,000 characters.
_new_clause = partial(tuple.__new__, _Clause)


def _sentences(text: str) -> list[list[_Clause]]:
    """The sentences of ``text`` that hold a clause, each as its clauses: a clause runs from
    its start (leading spaces kept) to before the punctuation and any trailing space; a clause
    of spaces only is no clause. The clauses are found in one scan over the whole text, then
    shared out among the sentences, a step a sentence, not a clause (twice as fast as cutting
    each sentence; tests/core/test_directives_speed_equivalence.py holds the two equal)."""
    # From the match's start: the pattern opens with the group; (-1, -1) for spaces only.
    spans = [span for match in _CLAUSE.finditer(text) if (span := match.span(1))[1] >= 0]
    clauses = list(map(_new_clause, spans))
    starts = list(map(itemgetter(0), spans))
    sentences = []
    first = 0  # the first clause not in an earlier sentence
    for sentence in _SENTENCE.finditer(text):
        # A clause never crosses a sentence's end: those that start before it are its own.
        after = bisect_left(starts, sentence.end(), first)
        if after > first:
            sentences.append(clauses[first:after])
            first = after
    return sentences


def _tells_of_the_meeting(text: str, clauses: list[_Clause]) -> bool:
    """为贯彻落实…,统筹抓好…,2月11日,公司组织召开…会议: why and when, not an order."""
    start, end = clauses[0].start, clauses[-1].end
    while start < end and text[start] in _SPACE:
        start += 1
    # The opening character first, without copying the sentence: most do not open with 为.
    return text.startswith("为", start, end) and _HELD.search(text, start, end) is not None


_HELD = compiled("召开|举行")
# What a sentence that tells of the meeting may open with: 为, or the spaces before it.
_MAY_TELL_OF_THE_MEETING = frozenset("为" + _SPACE)


# Speakers -------------------------------------------------------------------------------


class _Speaker(NamedTuple):
    start: int
    prefix_end: int  # where what they said begins: after 强调 (and its colon), or the name
    issuer: str


_NOT_SUBJECT_BEFORE = frozenset("向对给与和同把被让请由")


def _speech_after(text: str, position: int) -> int | None:
    """The end of a speech verb right at ``position`` (王玉池|再次强调), or None."""
    match = _lexicons().speech.match(text, position)
    return match.end() if match else None


def _past_entities(position: int, covered: bytearray) -> int:
    """After the entities right at ``position``: 朱伟|市长|强调 reaches the verb."""
    uncovered = covered.find(0, position)
    return len(covered) if uncovered < 0 else uncovered


_BEFORE_A_SUBJECT = frozenset("、" + _SPACE)


def _opens_sentence(text: str, start: int, sentence_start: int, covered: bytearray) -> bool:
    """Only entities (市长, 宿迁市委书记、…主任) and spaces stand before ``start``.

    Only the positions no entity covers are looked at, found by bytearray.find: a subject
    deep in a long sentence made a Python step of every character before it (issue 22)."""
    position = covered.find(0, sentence_start, start)
    while position >= 0:
        if text[position] not in _BEFORE_A_SUBJECT:
            return False
        position = covered.find(0, position + 1, start)
    return True


def _subjects(text: str, people: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    meeting = _lexicons().meeting.finditer(text)
    return sorted([*people, *((m.start(), m.end(), MEETING) for m in meeting)])


def _speakers(
    text: str,
    people: list[tuple[int, int, str]],
    covered: bytearray,
    meeting_name: Callable[[int, int], str],
) -> list[_Speaker]:
    """People and the meeting where they speak: as a sentence's subject, before a speech verb,
    or as who chairs or addresses the meeting (市委书记张三主持会议并讲话, 会议由张三主持).

    ``meeting_name`` names the meeting found at a span, in the document's own script."""
    sentence_starts = [m.start() for m in _SENTENCE.finditer(text)]
    presiding = _lexicons().presiding
    found = []
    for start, end, issuer in _subjects(text, people):
        sentence_start = sentence_starts[max(bisect_right(sentence_starts, start) - 1, 0)]
        after = _past_entities(end, covered)
        speech_end = _speech_after(text, after)
        before = text[start - 1 : start] if start else ""
        if issuer == MEETING:
            stands_alone = before in ("", "，", ",", "：", ":") or before in _SPACE
            issuer = meeting_name(start, end)
        else:
            stands_alone = before not in _NOT_SUBJECT_BEFORE or (
                before == "由" and presiding.match(text, after) is not None
            )
        if _opens_sentence(text, start, sentence_start, covered) or (
            speech_end is not None and stands_alone
        ):
            found.append(_Speaker(start, speech_end or end, issuer))
    return found


class _Issuers:
    """Who speaks at each position: the last speaker before it in its paragraph."""

    def __init__(self, text: str, speakers: list[_Speaker]) -> None:
        self.speakers = speakers
        self._starts = [speaker.start for speaker in speakers]
        self._paragraphs = [m.start() for m in _PARAGRAPH.finditer(text)]

    def at(self, position: int) -> str:
        index = bisect_right(self._starts, position) - 1
        paragraph = bisect_right(self._paragraphs, position) - 1
        paragraph_start = self._paragraphs[paragraph] if paragraph >= 0 else 0
        if index < 0 or self.speakers[index].start < paragraph_start:
            return ""
        return self.speakers[index].issuer

    def prefix_end_within(self, start: int, end: int) -> int:
        """The end of the last speaker prefix that starts and ends in [start, end], or start."""
        index = bisect_left(self._starts, start)
        prefix_end = start
        while index < len(self.speakers) and self.speakers[index].start < end:
            if self.speakers[index].prefix_end <= end:
                prefix_end = max(prefix_end, self.speakers[index].prefix_end)
            index += 1
        return prefix_end


def _find_openers(text: str, sentences: list[list[_Clause]], issuers: _Issuers) -> list[_Cue]:
    """Imperative verbs opening a sentence (after its speaker prefix) where someone speaks."""
    openers = []
    opener = _lexicons().opener
    for clauses in sentences:
        first = clauses[0]
        start = issuers.prefix_end_within(first.start, first.end + 1)
        if start >= first.end and len(clauses) > 1:
            start = clauses[1].start  # 朱伟强调,|解决好…
        while start < len(text) and text[start] in _SPACE:
            start += 1
        match = opener.match(text, start)
        if match and issuers.at(start):
            openers.append(_Cue(match.start(), match.end(), "directive"))
    return openers


# Candidates -----------------------------------------------------------------------------


@dataclass
class _Candidate:
    start: int
    end: int
    cue: _Cue
    governs: bool  # an enumerated item or a wish: later cues of its sentence are inside it


def _clause_start(text: str, clause: _Clause, cue: _Cue, issuers: _Issuers) -> int:
    """Where the directive clause holding ``cue`` starts: after a speaker prefix and a leading
    并. An enumeration marker starts its item."""
    if cue.is_marker:
        return cue.start
    start = issuers.prefix_end_within(clause.start, cue.start)
    while start < cue.start and text[start] in _SPACE:
        start += 1
    for connective in ("并且", "而且", "并"):
        if text.startswith(connective, start) and start + len(connective) <= cue.start:
            start += len(connective)
            break
    if _speech_after(text, start) == cue.start:  # (朱伟…,)强调要深入学习 -> 要深入学习
        start = cue.start
    return start


def _candidates(
    text: str, sentences: list[list[_Clause]], markers: _Cues, cues: _Cues, issuers: _Issuers
) -> list[_Candidate]:
    found: list[_Candidate] = []
    every_clause = [clause for clauses in sentences for clause in clauses]
    starts = list(map(itemgetter(0), every_clause))
    first_markers = markers.first_in_each(every_clause, starts)
    first_cues = cues.first_in_each(every_clause, starts)
    after = 0  # a sentence's clauses are every_clause[first:after]
    for clauses in sentences:
        first, after = after, after + len(clauses)
        # Its first character first, without a call: most sentences open with neither.
        opening = text[clauses[0].start]
        if opening in _MAY_TELL_OF_THE_MEETING and _tells_of_the_meeting(text, clauses):
            continue
        current: _Candidate | None = None
        for index in range(first, after):
            clause = every_clause[index]
            cue = first_markers[index] or first_cues[index]
            if cue is not None and (current is None or cue.is_marker or not current.governs):
                start = _clause_start(text, clause, cue, issuers)
                governs = cue.is_marker or cue.strength == "advisory"
                current = _Candidate(start, clause.end, cue, governs)
                found.append(current)
            elif current is not None:
                current.end = clause.end
    return found


def _strength_cue(candidate: _Candidate, cues: _Cues) -> _Cue:
    """The first modal cue of an enumerated item, else the cue that opened the candidate."""
    if candidate.cue.is_marker:
        return cues.first_in(candidate.start, candidate.end) or candidate.cue
    return candidate.cue


# Entry point ----------------------------------------------------------------------------


def _speakers_of(
    text: str, work: str, alignment: OffsetMap, entities: Sequence[EntitySpan]
) -> list[_Speaker]:
    """The speakers of ``work``, named as ``text`` (the document's own script) names them."""
    covered = bytearray(len(work))
    people = []
    # A Simplified text is its own work text: its spans are taken as they are, without a
    # call for each of 16,000 entities of 300,000 characters (issue 22).
    unmoved = alignment.is_identity
    for kind, text_start, text_end in entities:
        start, end = (text_start, text_end) if unmoved else alignment.map_span(text_start, text_end)
        covered[start:end] = b"\x01" * (end - start)
        if kind == "PERSON":
            people.append((start, end, text[text_start:text_end]))

    back = _unmoved if alignment.is_identity else alignment.map_span_back

    def meeting_name(start: int, end: int) -> str:
        # 會議 in a Traditional document, 会议 in a Simplified one (or clause of a mixed one).
        original_start, original_end = back(start, end)
        if text[original_start:original_end] == work[start:end]:
            return MEETING
        return MEETING_TRADITIONAL

    return _speakers(work, people, covered, meeting_name)


def _unmoved(start: int, end: int) -> tuple[int, int]:
    """A span mapped through an identity alignment (a Simplified text is its own work text):
    itself, without the bisecting that costs a tenth of the suggestions' time."""
    return start, end


def _deadline(
    text: str, work: str, back: Callable[[int, int], tuple[int, int]], start: int, end: int
) -> str:
    """The first deadline (3月底前, 本周内, 限期) in ``work[start:end]``, as ``text`` writes it;
    ``back`` maps a span of ``work`` to ``text``."""
    match = _lexicons().deadline.search(work, start, end)
    if match is None:
        return ""
    original_start, original_end = back(match.start(), match.end())
    return text[original_start:original_end]


def suggest_directives(
    text: str, entities: Sequence[Entity] | None = None, script: Script | None = None
) -> list[Suggestion]:
    """Candidate directives of ``text`` (a document's clean text), in text order.

    ``entities`` are the document's entities (found with extract_entities when None); their
    PERSON spans name the speakers. Offsets are code points into ``text``, end-exclusive; the
    text, cue and issuer of each suggestion are in the document's own script.
    """
    if script is None:
        script = detect_script(text).script
    spans = (
        entity_spans(text, script)
        if entities is None
        else [(entity.type, entity.start, entity.end) for entity in entities]
    )
    return [Suggestion(*values) for values in suggestion_values(text, spans, script)]


def suggestion_records(
    text: str, entities: Sequence[EntitySpan], script: Script
) -> list[dict[str, object]]:
    """What Suggestion.as_dict gives for each of suggest_directives(text, …, script), made
    without a Suggestion each (``jiyao analyze``: issue 22); ``entities`` as entity_spans
    gives them."""
    return [
        dict(zip(_SUGGESTION_FIELDS, values, strict=True))
        for values in suggestion_values(text, entities, script)
    ]


def suggestion_values(
    text: str, entities: Sequence[EntitySpan], script: Script
) -> Iterator[tuple[int, int, str, str, str, str, str]]:
    """The fields of each suggestion of ``text``, in the order of Suggestion's fields."""
    work, alignment = matching_text(text, script)
    issuers = _Issuers(work, _speakers_of(text, work, alignment, entities))
    sentences = _sentences(work)
    cues = _Cues(_find_cues(work) + _find_openers(work, sentences, issuers))
    back = _unmoved if alignment.is_identity else alignment.map_span_back
    for candidate in _candidates(work, sentences, _Cues(_find_markers(work)), cues, issuers):
        start, end = back(candidate.start, candidate.end)
        cue = _strength_cue(candidate, cues)
        cue_start, cue_end = back(cue.start, cue.end)
        yield (
            start,
            end,
            text[start:end],
            text[cue_start:cue_end],
            issuers.at(candidate.start),
            cue.strength,
            _deadline(text, work, back, candidate.start, candidate.end),
        )
