"""The corpus search's query language, parsed into a tree, and what restricts a search.

    复工                      a term: found anywhere in a text (Chinese has no spaces)
    "复工 复产"               a phrase: the exact string between the quotes, spaces included
    复工 复产, 复工 AND 复产   both (juxtaposition is AND)
    复工 OR 复产              either
    复工 NOT 口罩, NOT 口罩   the first without the second; NOT alone: documents without it
    (复工 OR 复产) 口罩       parentheses group
    复工 NEAR/10 复产         both, at most 10 characters apart (NEAR alone: 10)

Operators are upper case (``and`` is a term). Full-width quotes and parentheses (“” （）) work
too. A malformed query raises :class:`QueryError` with a one-line reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.messages import QT_TRANSLATE_NOOP
from desktop.core.model import Status

DEFAULT_NEAR = 10


class QueryError(ValueError):
    """A query that cannot be parsed; ``str(error)`` says why in one line."""


@dataclass(frozen=True)
class Term:
    text: str


@dataclass(frozen=True)
class And:
    parts: tuple[Query, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Query, ...]


@dataclass(frozen=True)
class Not:
    part: Query


@dataclass(frozen=True)
class Near:
    """Both terms, their hits at most ``distance`` characters apart (gap between them)."""

    left: Term
    right: Term
    distance: int


Query = Term | And | Or | Not | Near


@dataclass(frozen=True)
class SearchRestriction:
    """Which documents a search looks in. Dates compare as the stored ``YYYY-MM-DD`` strings;
    a date bound leaves out documents without a date. Labels by id, sub-labels included."""

    date_from: str = ""
    date_to: str = ""
    sources: tuple[str, ...] = ()
    statuses: tuple[Status, ...] = ()
    with_labels: tuple[int, ...] = ()
    without_labels: tuple[int, ...] = ()
    document_ids: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        # Bounds compare as strings: "abc" or "2020/03" would silently match nothing and
        # "2020-3" the wrong months, so a bound is refused or written as YYYY[-MM[-DD]].
        object.__setattr__(self, "date_from", date_bound(self.date_from))
        object.__setattr__(self, "date_to", date_bound(self.date_to))


_DATE_BOUND = re.compile(r"(\d{4})(?:[-/.年](\d{1,2})月?(?:[-/.](\d{1,2})日?|(\d{1,2})日)?)?")


def date_bound(text: str) -> str:
    """``text`` (2020, 2020-3, 2020/03/05, 2020年3月5日) as YYYY, YYYY-MM or YYYY-MM-DD;
    empty stays empty. Raises QueryError for anything else or a month or day out of range."""
    text = text.strip()
    match = _DATE_BOUND.fullmatch(text)
    if not text:
        return ""
    if match is None:
        raise QueryError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.group(1), match.group(2), match.group(3) or match.group(4)
    if month is not None and not 1 <= int(month) <= 12:
        raise QueryError(f"{text!r}: there is no month {int(month)}")
    if day is not None and not 1 <= int(day) <= 31:
        raise QueryError(f"{text!r}: there is no day {int(day)}")
    parts = [year, *(f"{int(part):02d}" for part in (month, day) if part is not None)]
    return "-".join(parts)


# No restriction: the whole corpus.
EVERYWHERE = SearchRestriction()

_OPEN = "(（"
_CLOSE = ")）"
_QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」"}
_NEAR = re.compile(r"NEAR(?:/(\d+))?$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Token:
    kind: str  # "term", "phrase", "open", "close", "and", "or", "not", "near"
    text: str
    distance: int = 0


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(query):
        character = query[position]
        if character.isspace():
            position += 1
        elif character in _OPEN:
            tokens.append(_Token("open", character))
            position += 1
        elif character in _CLOSE:
            tokens.append(_Token("close", character))
            position += 1
        elif character in _QUOTES:
            end = query.find(_QUOTES[character], position + 1)
            if end < 0:
                raise QueryError(f"the quote at character {position + 1} is never closed")
            phrase = query[position + 1 : end]
            if not phrase:
                raise QueryError(f"empty quotes at character {position + 1}")
            tokens.append(_Token("phrase", phrase))
            position = end + 1
        else:
            end = position
            while (
                end < len(query)
                and not query[end].isspace()
                and query[end] not in _OPEN + _CLOSE
                and query[end] not in _QUOTES
            ):
                end += 1
            tokens.append(_word(query[position:end]))
            position = end
    return tokens


def _word(word: str) -> _Token:
    if word in ("AND", "OR", "NOT"):
        return _Token(word.lower(), word)
    near = _NEAR.match(word)
    if near:
        return _Token("near", word, int(near.group(1) or DEFAULT_NEAR))
    if word.startswith("NEAR/"):
        # Else searched as a word no document holds: nothing found and no reason given.
        raise QueryError(
            QT_TRANSLATE_NOOP(
                "Search", "{0}: NEAR/ takes a number of characters, as in NEAR/10"
            ).format(word)
        )
    return _Token("term", word)


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def parse(self) -> Query:
        query = self.or_expression()
        token = self.peek()
        if token is not None:
            raise QueryError(f"unexpected {token.text!r}")
        return query

    def or_expression(self) -> Query:
        parts = [self.and_expression()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            parts.append(self.and_expression())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expression(self) -> Query:
        parts = [self.unary()]
        while (token := self.peek()) is not None and token.kind not in ("or", "close"):
            if token.kind == "and":
                self.take()
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Query:
        token = self.peek()
        if token is not None and token.kind == "not":
            self.take()
            return Not(self.unary())
        return self.near()

    def near(self) -> Query:
        left = self.primary()
        while (token := self.peek()) is not None and token.kind == "near":
            self.take()
            right = self.primary()
            if not isinstance(left, Term) or not isinstance(right, Term):
                raise QueryError(f"{token.text} joins two terms or phrases, not groups")
            left = Near(left, right, token.distance)
        return left

    def primary(self) -> Query:
        token = self.peek()
        if token is None:
            raise QueryError("the query ends where a term is expected")
        self.take()
        if token.kind in ("term", "phrase"):
            return Term(token.text)
        if token.kind == "open":
            inner = self.or_expression()
            closing = self.peek()
            if closing is None or closing.kind != "close":
                raise QueryError("a parenthesis is never closed")
            self.take()
            return inner
        raise QueryError(f"{token.text!r} where a term is expected")


def parse_query(query: str) -> Query:
    """The tree of ``query``; raises QueryError when it is malformed or empty."""
    tokens = _tokens(query)
    if not tokens:
        raise QueryError("the query is empty")
    return _Parser(tokens).parse()


def positive_terms(query: Query) -> list[Term]:
    """The terms whose hits a search shows (those not under a NOT), in order."""
    if isinstance(query, Term):
        return [query]
    if isinstance(query, Near):
        return [query.left, query.right]
    if isinstance(query, Not):
        return []
    return [term for part in query.parts for term in positive_terms(part)]
