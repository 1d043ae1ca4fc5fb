"""Finding a corpus query in the memos (tags' notes included), the way ``search`` finds it
in the documents: the query language or a regular expression, Simplified and Traditional as
one. The store narrows the memos down to those holding one of the query's terms in any
spelling that folds to the same text (``Store.memos_containing``; the spellings come from
the folding table turned round, not OpenCC, whose start-up costs a second); each is then
matched folded, as a document is, so AND, NOT and NEAR mean what they mean for documents.
Offsets are code points of the memo's title or text, end-exclusive."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import product
from math import prod
from typing import Literal, Protocol

from desktop.core.folding import fold, fold_table
from desktop.core.memos import Memo
from desktop.core.search import CONTEXT, Search
from desktop.core.search_query import And, Near, Not, Or, Query, Term
from desktop.core.store.search_index import SearchText

MemoField = Literal["title", "text"]
SCOPES = ("text", "memos", "both")
# Spellings of one term beyond which the store is not asked: every memo is read instead.
MOST_SPELLINGS = 64


class MemoSource(Protocol):
    """The part of the store a memo search reads."""

    def memos_containing(self, needles: Sequence[str]) -> list[Memo]: ...

    def memos(self) -> list[Memo]: ...


@dataclass(frozen=True)
class MemoHit:
    """One hit in a memo: ``[start, end)`` in code points of its ``field``."""

    memo: Memo
    field: MemoField
    start: int
    end: int
    hit: str
    left: str
    right: str


def positive_terms(query: Query) -> list[str] | None:
    """The terms one of which a matching text must hold, or None when a text may match
    holding none of them (``NOT 口罩``, ``复工 OR NOT 复产``)."""
    if isinstance(query, Term):
        return [query.text]
    if isinstance(query, Near):
        return [query.left.text]
    if isinstance(query, Not):
        return None
    parts = [positive_terms(part) for part in query.parts]
    if isinstance(query, And):
        # Any one part that must be present is enough to narrow by.
        return next((terms for terms in parts if terms is not None), None)
    assert isinstance(query, Or)
    if any(terms is None for terms in parts):
        return None
    return [term for terms in parts if terms is not None for term in terms]


@cache
def _spellings_of() -> dict[str, tuple[str, ...]]:
    """Each folded character with every character that folds to it, itself first."""
    others: dict[str, list[str]] = defaultdict(list)
    for key, value in fold_table().items():
        others[chr(value)].append(chr(key))
    return {folded: (folded, *sorted(keys)) for folded, keys in others.items()}


def spellings(term: str) -> list[str] | None:
    """Every text that folds to what ``term`` folds to (复工: 复工, 復工…), or None when there
    are more than MOST_SPELLINGS."""
    table = _spellings_of()
    choices = [table.get(character, (character,)) for character in fold(term)]
    if prod(len(choice) for choice in choices) > MOST_SPELLINGS:
        return None
    return ["".join(letters) for letters in product(*choices)]


def memo_candidates(source: MemoSource, search: Search) -> list[Memo]:
    """The memos that may match: every memo for a regular expression or a query a memo can
    match without any of its terms, else those holding one of the terms in some spelling."""
    terms = positive_terms(search.query) if search.query is not None else None
    if terms is None:
        return source.memos()
    needles: list[str] = []
    for term in terms:
        spelled = spellings(term)
        if spelled is None:
            return source.memos()
        needles += spelled
    return source.memos_containing(needles)


def memo_hits(source: MemoSource, search: Search, *, context: int = CONTEXT) -> list[MemoHit]:
    """Every hit of ``search`` in the memos, memo by memo (in ``Store.memos`` order), the
    title's hits before the text's."""
    hits: list[MemoHit] = []
    for memo in memo_candidates(source, search):
        hits.extend(hits_in_memo(memo, search, context))
    return hits


def hits_in_memo(memo: Memo, search: Search, context: int = CONTEXT) -> list[MemoHit]:
    """The hits in one memo: its title and text matched as one text (a query's terms may be
    in either), each hit in the one it lies in."""
    # A line break between them: a phrase never runs from the title into the text.
    whole = f"{memo.title}\n{memo.text}"
    spans = search.match(SearchText(0, memo.title, whole, fold(whole)))
    hits = []
    split = len(memo.title) + 1
    for start, end in spans or ():
        field: MemoField = "title" if end <= len(memo.title) else "text"
        if field == "text" and start < split:
            continue  # a regular expression across the line break: in neither alone
        offset = 0 if field == "title" else split
        words = memo.title if field == "title" else memo.text
        start, end = start - offset, end - offset
        hits.append(
            MemoHit(
                memo,
                field,
                start,
                end,
                words[start:end],
                words[max(0, start - context) : start],
                words[end : end + context],
            )
        )
    return hits


def memo_place(memo: Memo) -> str:
    """Where a memo is written, for a table or a line: ``document 3``, ``project``…"""
    return memo.target if memo.target_id is None else f"{memo.target} {memo.target_id}"
