"""Finding a corpus query in the memos (tags' notes included), the way ``search`` finds it
in the documents: the query language or a regular expression, Simplified and Traditional as
one. The store narrows the memos down to those holding one of the query's terms in either
script (``Store.memos_containing``); each is then matched folded, as a document is, so
AND, NOT and NEAR mean what they mean for documents. Offsets are code points of the memo's
title or text, end-exclusive."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from desktop.core.folding import fold
from desktop.core.memos import Memo
from desktop.core.search import CONTEXT, Search
from desktop.core.search_query import And, Near, Not, Or, Query, Term
from desktop.core.store.search_index import SearchText

MemoField = Literal["title", "text"]
SCOPES = ("text", "memos", "both")


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


def memo_candidates(source: MemoSource, search: Search) -> list[Memo]:
    """The memos that may match: every memo for a regular expression or a query a memo can
    match without any of its terms, else those holding a term in either script."""
    terms = positive_terms(search.query) if search.query is not None else None
    if terms is None:
        return source.memos()
    from desktop.core.search import script_variants  # OpenCC: only when narrowing

    needles = [variant for term in terms for variant in script_variants(term)]
    # A Traditional memo may use a variant OpenCC's phrase conversion does not give.
    needles += [fold(term) for term in terms if fold(term) not in needles]
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
